import type { BlockAnalyzer, Rule } from '../types.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { vocabularyAnalyzer } from './analyzer.js';
import { jargon } from './jargon.js';
import { personFirst } from './person-first.js';
import { mixedTerms } from './mixed-terms.js';

/** Vocabulary rules (jargon, mixed terms, person-first) and their block analyzer. */
export function vocabularyRules(vocabulary: Vocabulary): { rules: Rule[]; analyzers: BlockAnalyzer[] } {
  return { rules: [jargon(vocabulary), mixedTerms, personFirst(vocabulary)], analyzers: [vocabularyAnalyzer(vocabulary)] };
}
