import type { Rule } from '../types.js';
import type { DocumentAnalysis } from '../../engine.js';
import { practiceFitAnalysis } from '../../practice/analysis.js';
import { noPracticalHandles } from './no-practical-handles.js';
import { recommendationWithoutActor } from './recommendation-without-actor.js';
import { noPracticeSummary } from './no-practice-summary.js';

/** The practice-fit analysis (the card of twelve insights) and the rules on practical handles. */
export function practiceRules(): { rules: Rule[]; analyses: DocumentAnalysis[] } {
  return { rules: [noPracticalHandles, recommendationWithoutActor, noPracticeSummary], analyses: [practiceFitAnalysis] };
}
