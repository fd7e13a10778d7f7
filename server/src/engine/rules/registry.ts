import type { BlockAnalyzer, Rule } from './types.js';
import type { DocumentAnalysis } from '../engine.js';
import type { Vocabulary } from '../vocabulary/vocabulary.js';
import { readabilityAnalyzers, readabilityRules } from './readability/index.js';

/** Every rule Brug has, built over the loaded vocabulary data. */
export function createRules(vocabulary: Vocabulary): { rules: Rule[]; analyzers: BlockAnalyzer[]; analyses: DocumentAnalysis[] } {
  return {
    rules: [...readabilityRules(vocabulary.abbreviations)],
    analyzers: [...readabilityAnalyzers],
    analyses: [],
  };
}

/** The documentation page of a rule, relative to the docs folder. */
export function docsPath(ruleId: string): string {
  return `rules/${ruleId}.md`;
}
