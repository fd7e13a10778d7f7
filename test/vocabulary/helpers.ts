/**
 * Shared helpers for the vocabulary tests: lint a text in a given language and read the
 * vocabulary block facts (the real matching path: sentence splitting, quotes, placeholders,
 * the compiled lexicons of all loaded dictionaries).
 */
import { lint } from '../../server/src/workspace/engine.js';
import type { LintOptions, LintResult } from '../../server/src/engine/engine.js';
import type { Finding, Language } from '../../server/src/engine/types.js';
import type { VocabularyFacts, SynonymUse, TermUse } from '../../server/src/engine/rules/vocabulary/analyzer.js';
import { defaultConfig, mergeConfig } from '../../server/src/engine/config/config.js';
import type { BrugConfig } from '../../server/src/engine/config/config.js';

export function run(text: string, language: Language, options: LintOptions = {}): LintResult {
  return lint(text, { path: 'example.md', language, ...options });
}

export function config(raw: Record<string, unknown>): BrugConfig {
  return mergeConfig(defaultConfig(), raw);
}

export interface Found {
  terms: Array<TermUse & { offset: number; endOffset: number }>;
  synonyms: Array<SynonymUse & { offset: number; endOffset: number }>;
}

/** Every dictionary term and synonym-group member the analyzer found, in document offsets. */
export function facts(r: LintResult): Found {
  const out: Found = { terms: [], synonyms: [] };
  for (const b of r.blocks) {
    const f = b.facts.vocabulary as VocabularyFacts | undefined;
    if (!f) continue;
    for (const t of f.terms) out.terms.push({ ...t, ...b.toDocument(t.start, t.end) });
    for (const s of f.synonyms) out.synonyms.push({ ...s, ...b.toDocument(s.start, s.end) });
  }
  return out;
}

export function vocabularyFindings(r: LintResult, rule?: string): Finding[] {
  return r.findings.filter((f) => (rule ? f.ruleId === rule : f.ruleId.startsWith('vocabulary/')));
}

/** The texts of the findings of one rule. */
export function flagged(text: string, language: Language, rule: string, options: LintOptions = {}): string[] {
  const r = run(text, language, options);
  return vocabularyFindings(r, rule).map((f) => text.slice(f.offset, f.endOffset));
}
