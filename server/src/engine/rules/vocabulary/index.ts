import type { BlockAnalyzer, Rule } from '../types.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';

/** Vocabulary rules (jargon, mixed terms, person-first) and their block analyzer. */
export function vocabularyRules(_vocabulary: Vocabulary): { rules: Rule[]; analyzers: BlockAnalyzer[] } {
  return { rules: [], analyzers: [] };
}
