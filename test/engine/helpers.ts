/** Shared helpers for the engine, rule and corpus tests. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defaultConfig, lint, mergeConfig } from '../../server/src/index.js';
import { SHARED_DIR } from '../helpers/shared.js';
import type { BrugConfig, Finding, LintOptions, LintResult } from '../../server/src/index.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Shared research data and corpora: read at test time, never copied into the repository. */
export const SHARED = SHARED_DIR;

export function readShared(path: string): string {
  return readFileSync(resolve(SHARED, path), 'utf8');
}

export function readRepo(path: string): string {
  return readFileSync(resolve(REPO, path), 'utf8');
}

/** A configuration: the defaults with a raw .brug.yml-like object merged over them. */
export function config(raw: Record<string, unknown> = {}): BrugConfig {
  return mergeConfig(defaultConfig(), raw);
}

export function md(text: string, options: LintOptions = {}): LintResult {
  return lint(text, { path: 'doc.md', ...options });
}

export function txt(text: string, options: LintOptions = {}): LintResult {
  return lint(text, { path: 'doc.txt', ...options });
}

/** Findings of one rule (or of every rule with the prefix when the id ends in "/"). */
export function of(r: LintResult, ruleId: string): Finding[] {
  return r.findings.filter((f) => (ruleId.endsWith('/') ? f.ruleId.startsWith(ruleId) : f.ruleId === ruleId));
}

/** The document text each finding of a rule covers. */
export function flagged(r: LintResult, text: string, ruleId: string): string[] {
  return of(r, ruleId).map((f) => text.slice(f.offset, f.endOffset));
}

/** Every finding lies inside the text and its range is well formed. */
export function assertInside(r: LintResult, text: string, label = ''): void {
  for (const f of r.findings) {
    assert.ok(Number.isInteger(f.offset) && Number.isInteger(f.endOffset), `${label} ${f.ruleId}: offsets are integers`);
    assert.ok(f.offset >= 0 && f.offset <= f.endOffset && f.endOffset <= text.length, `${label} ${f.ruleId}: [${f.offset}, ${f.endOffset}) lies outside [0, ${text.length}]`);
    for (const x of f.fixes) for (const e of x.edits) assert.ok(e.offset >= 0 && e.offset <= e.endOffset && e.endOffset <= text.length, `${label} ${f.ruleId}: fix edit outside the text`);
  }
}

/** Words of a string as the engine counts them (tokens with a letter or digit). */
export function countWords(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A sentence of exactly n words ("De klantmanager belt … vandaag."), Dutch or English. */
export function sentenceOf(n: number, language: 'nl' | 'en' = 'nl'): string {
  const nl = 'de klantmanager belt de inwoner op een rustig moment van de dag en vraagt hoe het gaat met werk geld zorg school kinderen buren vrienden familie huis tuin straat wijk stad land zee'.split(' ');
  const en = 'the caseworker calls the resident at a quiet moment of the day and asks how things are going with work money care school children friends family home garden street town city land sea'.split(' ');
  const pool = language === 'nl' ? nl : en;
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pool[i % pool.length]!);
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/**
 * The defaults with the quiet-by-default findings switched back on that position and prose tests use as
 * probes: an abbreviation met once (default minUses 2), "het X-en van" (default off) and passive voice (default off).
 */
export const PROBES: BrugConfig = config({
  rules: {
    'readability/passive-voice': { options: { enabled: true } },
    'readability/undefined-abbreviation': { options: { minUses: 1 } },
    'readability/nominalization': { options: { infinitiveNouns: true } },
  },
});
