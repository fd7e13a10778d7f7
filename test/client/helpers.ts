import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/index.js';
import { SHARED_DIR } from '../helpers/shared.js';
import type { LintOptions, LintResult } from '../../server/src/index.js';
import type { ClientPerspective } from '../../server/src/engine/rules/client/analysis.js';

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..', '..');
export const shared = SHARED_DIR;

export function fixture(name: string): string {
  return readFileSync(join(here, 'fixtures', name), 'utf8');
}

export function cp(r: LintResult): ClientPerspective {
  return r.analyses.clientPerspective as ClientPerspective;
}

/** Lints a text and returns the result with its client perspective. */
export function check(text: string, options: LintOptions = {}): { r: LintResult; cp: ClientPerspective } {
  const r = lint(text, { path: 'doc.md', ...options });
  return { r, cp: cp(r) };
}

export function findings(r: LintResult, ruleId: string) {
  return r.findings.filter((f) => f.ruleId === ruleId);
}

/** 1-based line of an offset. */
export function lineOf(r: LintResult, offset: number): number {
  return r.model.lines.position(offset).line + 1;
}
