export type { PracticeFit, PracticeItem, PracticeEvidence, PracticeStatus, PracticalHandles, Recommendation, RecommendationSection, InsightId } from './types.js';
export { INSIGHT_IDS } from './types.js';
export { practiceFit, practiceFitAnalysis } from './analysis.js';
export { practiceLexicon, compilePracticeLexicon, parsePracticeData } from './lexicon.js';
export type { PracticeLexicon, PracticeData } from './lexicon.js';
export { readRecommendation } from './recommendations.js';
export { practiceFitJson } from './json.js';
