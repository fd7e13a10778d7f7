import type { BlockAnalyzer, Rule } from '../types.js';
import type { DocumentAnalysis } from '../../engine.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';

/** Client-perspective rules, block analyzers and the document analysis. */
export function clientRules(_vocabulary: Vocabulary): { rules: Rule[]; analyzers: BlockAnalyzer[]; analyses: DocumentAnalysis[] } {
  return { rules: [], analyzers: [], analyses: [] };
}
