/**
 * The output types of Brug's analyses, by id, in one place: block analyzers (facts cached
 * with each block) and document analyses (LintResult.analyses). Rules then read typed facts
 * (`b.facts.vocabulary` is VocabularyFacts | undefined) and faces typed analyses.
 * A new analyzer adds its line here (or a `declare module '../types.js'` of its own).
 * Types only: nothing here runs.
 */
import type { VocabularyFacts } from './vocabulary/analyzer.js';
import type { AcronymUse } from './readability/undefined-abbreviation.js';
import type { ClientFacts } from './client/analyzer.js';
import type { ClientPerspective } from './client/analysis.js';

declare module './types.js' {
  interface BlockFacts {
    vocabulary: VocabularyFacts;
    acronyms: AcronymUse[];
    clientPerspective: ClientFacts;
  }
  interface DocumentAnalyses {
    clientPerspective: ClientPerspective;
  }
}

export {};
