import type { Language, Message } from '../types.js';

/** The twelve insights of the seed paper (chapter 5.2), in its order. */
export const INSIGHT_IDS = [
  'client_perspective',
  'needs_tested',
  'workplace',
  'policy_practice',
  'research_as_means',
  'practical_handles',
  'earlier_research',
  'common_language',
  'readability',
  'discussed_with_practice',
  'continuity',
  'funding',
] as const;

export type InsightId = (typeof INSIGHT_IDS)[number];
/** The insights found from cue phrases (the others summarise Brug's other analyses or the recommendations). */
export type CueInsightId = Exclude<InsightId, 'client_perspective' | 'practical_handles' | 'common_language' | 'readability'>;

export type PracticeStatus = 'present' | 'partial' | 'absent' | 'not-applicable';

export interface PracticeEvidence {
  /** 1-based line. */
  line: number;
  /** A short quote (at most about 160 characters). */
  text: string;
  offset: number;
  endOffset: number;
  /** How strong this piece is: present evidence, or partial (asserted, planned, one side only). */
  strength: 'present' | 'partial';
}

export interface PracticeItem {
  id: InsightId;
  /** 1–12. */
  insight: number;
  title: Message;
  status: PracticeStatus;
  evidence: PracticeEvidence[];
  /** What to add, in both languages (the face picks the document's). */
  advice: Message;
}

export interface Recommendation {
  /** 1-based line. */
  line: number;
  offset: number;
  endOffset: number;
  text: string;
  /** The role or organisation the text names as the one who should act. */
  actor?: string;
  /** The concrete action verb. */
  verb?: string;
  /** Only modal or vague wording (consider, could, kan). */
  weak: boolean;
  /** For practice, or for further research (researchers are the audience). */
  audience: 'practice' | 'research';
  /** A list item under a recommendations heading, or a sentence in running text. */
  source: 'list' | 'section' | 'inline';
}

export interface RecommendationSection {
  title: string;
  line: number;
  offset: number;
  endOffset: number;
  /** Recommendations for further research only. */
  research: boolean;
}

export interface PracticalHandles {
  recommendations: Recommendation[];
  sections: RecommendationSection[];
  /** Practice recommendations that name who acts. */
  withActor: number;
  /** Practice recommendations. */
  forPractice: number;
  /** Tools that practitioners can use directly (checklist, step plan), with their lines. */
  tools: PracticeEvidence[];
  /** A practitioner-facing section (implications for practice). */
  practiceSection?: RecommendationSection;
}

export interface PracticeFit {
  language: Language;
  items: PracticeItem[];
  handles: PracticalHandles;
  /** Insights with status present or partial, of the applicable ones. */
  found: number;
  applicable: number;
  /** A short summary up front (samenvatting, executive summary) and the document's word count. */
  summary?: { title: string; line: number };
  words: number;
  /** Conclusions found (a conclusion or discussion section). */
  conclusions?: { title: string; line: number; offset: number; endOffset: number };
}
