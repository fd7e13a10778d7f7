import schema from '../../../../dictionaries/practice/schema.json' with { type: 'json' };
import { parseYamlWithSchema } from '../config/validate.js';
import type { YamlProblem } from '../config/validate.js';
import type { Language } from '../types.js';
import type { CueInsightId } from './types.js';
import { PatternGroup, PatternSet } from './patterns.js';

interface InsightData {
  present: string[];
  partial?: string[];
  traps?: string[];
  downgrade?: string[];
  sections?: string[];
  plansCount?: boolean;
  minPresent?: number;
  examples: { present: string[]; partial?: string[]; none: string[] };
}

/** One practice dictionary file as written (dictionaries/practice/<language>.yml). */
export interface PracticeData {
  language: Language;
  kind: 'practice';
  description?: string;
  plan: string[];
  planSections?: string[];
  template: string[];
  acknowledgements: string[];
  study?: string[];
  summaryHeadings?: string[];
  policyLevel?: string[];
  frontline?: string[];
  insights: Record<CueInsightId, InsightData>;
  recommendations: {
    headings: string[];
    practiceHeadings?: string[];
    research: string[];
    actors: string[];
    verbs: string[];
    weak: string[];
    tools: string[];
    inline?: string[];
    examples: { withActor: string[]; withoutActor: string[]; research?: string[] };
  };
}

export interface InsightCues {
  present: PatternSet;
  partial: PatternSet;
  traps: PatternSet;
  downgrade: PatternSet;
  sections: PatternSet;
  plansCount: boolean;
  minPresent: number;
}

/** The compiled cues of one language. */
export interface PracticeLexicon {
  language: Language;
  data: PracticeData;
  plan: PatternSet;
  planSections: PatternSet;
  template: PatternSet;
  acknowledgements: PatternSet;
  study: PatternSet;
  summaryHeadings: PatternSet;
  policyLevel: PatternSet;
  frontline: PatternSet;
  insights: Record<CueInsightId, InsightCues>;
  recommendations: {
    headings: PatternSet;
    practiceHeadings: PatternSet;
    research: PatternSet;
    actors: PatternSet;
    verbs: PatternSet;
    weak: PatternSet;
    tools: PatternSet;
    inline: PatternSet;
  };
}

/** Parses and validates a practice dictionary's text; invalid data comes back as problems. */
export function parsePracticeData(text: string): { data?: PracticeData; problems: YamlProblem[] } {
  const r = parseYamlWithSchema<PracticeData>(text, schema);
  return r.value ? { data: r.value, problems: r.problems } : { problems: r.problems };
}

export function compilePracticeLexicon(data: PracticeData): PracticeLexicon {
  // The lexicon's sets are asked about the same sentences one after another: they answer as a group.
  const group = new PatternGroup();
  const p = (x?: string[]) => new PatternSet(x ?? [], group);
  const insights = {} as Record<CueInsightId, InsightCues>;
  for (const [id, d] of Object.entries(data.insights) as Array<[CueInsightId, InsightData]>) {
    insights[id] = { present: p(d.present), partial: p(d.partial), traps: p(d.traps), downgrade: p(d.downgrade), sections: p(d.sections), plansCount: d.plansCount ?? false, minPresent: d.minPresent ?? 1 };
  }
  const r = data.recommendations;
  return {
    language: data.language,
    data,
    plan: p(data.plan),
    planSections: p(data.planSections),
    template: p(data.template),
    acknowledgements: p(data.acknowledgements),
    study: p(data.study),
    summaryHeadings: p(data.summaryHeadings),
    policyLevel: p(data.policyLevel),
    frontline: p(data.frontline),
    insights,
    recommendations: {
      headings: p(r.headings), practiceHeadings: p(r.practiceHeadings), research: p(r.research), actors: p(r.actors),
      verbs: p(r.verbs), weak: p(r.weak), tools: p(r.tools), inline: p(r.inline),
    },
  };
}

/**
 * Where the bundled cues come from: the engine reads no files, so the workspace layer tells it
 * how to get a language's YAML text (workspace/practice-dictionaries.ts).
 */
/** A language's cues: YAML text, or data the build already validated. */
export type PracticeSource = { file: string; text: string } | { file: string; data: PracticeData };

let source: ((language: Language) => PracticeSource) | undefined;

export function usePracticeDictionaries(read: (language: Language) => PracticeSource): void {
  source = read;
  loaded.clear();
}

const loaded = new Map<Language, PracticeLexicon>();

/** The bundled cues of a language, read and compiled once. */
export function practiceLexicon(language: Language): PracticeLexicon {
  let lex = loaded.get(language);
  if (!lex) {
    if (!source) throw new Error('Brug has no practice dictionaries: the workspace layer provides them (usePracticeDictionaries).');
    const read = source(language);
    // Data the build validated (dictionaries/compiled) is used as it is; YAML is parsed and validated here.
    const r = 'data' in read ? { data: read.data, problems: [] } : parsePracticeData(read.text);
    if (!r.data) throw new Error(`${read.file}: ${r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
    lex = compilePracticeLexicon(r.data);
    loaded.set(language, lex);
  }
  return lex;
}
