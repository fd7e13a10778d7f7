import type { BlockAnalyzer, Rule } from '../types.js';
import type { DocumentAnalysis } from '../types.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { clientAnalyzer } from './analyzer.js';
import { clientPerspectiveAnalysis } from './analysis.js';
import { missingPerspective } from './missing-perspective.js';
import { sectionWithoutClient } from './section-without-client.js';
import { noInvolvement } from './no-involvement.js';

export type { ClientPerspective, Verdict, SectionPerspective } from './analysis.js';
export { clientPerspective } from './analysis.js';

/**
 * Client-perspective rules, block analyzers and the document analysis. The block analyzer
 * finds people words, method sentences, involvement, statements and quotations per block
 * (cached by the engine); the analysis `clientPerspective` combines them per document and
 * per section in one pass; the three rules read that analysis.
 */
export function clientRules(vocabulary: Vocabulary): { rules: Rule[]; analyzers: BlockAnalyzer[]; analyses: DocumentAnalysis[] } {
  return {
    rules: [missingPerspective, sectionWithoutClient, noInvolvement],
    analyzers: [clientAnalyzer(vocabulary)],
    analyses: [clientPerspectiveAnalysis],
  };
}
