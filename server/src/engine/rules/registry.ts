import type { BlockAnalyzer, DocumentAnalysis, Rule } from './types.js';
import type { Vocabulary } from '../vocabulary/vocabulary.js';
import { readabilityAnalyzers, readabilityRules } from './readability/index.js';
import { vocabularyRules } from './vocabulary/index.js';
import { clientRules } from './client/index.js';
import { practiceRules } from './practice/index.js';

/** Every rule Brug has, built over the loaded vocabulary data. */
export function createRules(vocabulary: Vocabulary): { rules: Rule[]; analyzers: BlockAnalyzer[]; analyses: DocumentAnalysis[] } {
  const vocab = vocabularyRules(vocabulary);
  const client = clientRules(vocabulary);
  const practice = practiceRules();
  return {
    rules: [...readabilityRules(vocabulary.abbreviations), ...vocab.rules, ...client.rules, ...practice.rules],
    analyzers: [...readabilityAnalyzers, ...vocab.analyzers, ...client.analyzers],
    analyses: [...client.analyses, ...practice.analyses],
  };
}
