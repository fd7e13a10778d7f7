/** What the term rules' tests compare: the term findings in the engine's order, with every field that reaches the reader. */
import type { LintResult } from '../../../server/src/engine/engine.js';

export const TERM_RULES = new Set(['vocabulary/jargon', 'vocabulary/person-first']);

export function terms(r: LintResult): string[] {
  return r.findings.filter((f) => TERM_RULES.has(f.ruleId)).map((f) => JSON.stringify({ ruleId: f.ruleId, offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related, fixes: f.fixes }));
}
