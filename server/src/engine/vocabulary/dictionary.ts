import schema from '../../../../dictionaries/schema.json' with { type: 'json' };
import { parseYamlWithSchema } from '../config/validate.js';
import type { YamlProblem } from '../config/validate.js';
import type { Language } from '../types.js';

export type EntryRole = 'client' | 'professional' | 'participant' | 'person' | 'voice' | 'experience' | 'method' | 'involvement';
/** The class of a jargon entry, which decides which audiences are shown it. */
export type EntryRegister = 'officialese' | 'academic' | 'technical' | 'everyday' | 'field';
export type CompoundPosition = 'none' | 'start' | 'end' | 'any';

export interface DictionaryEntry {
  id: string;
  term: string;
  forms?: string[];
  compound?: CompoundPosition;
  suggestions?: string[];
  inflections?: Record<string, string[]>;
  role?: EntryRole;
  /** participant entries: a client when the document does not say who took part. */
  clientByDefault?: boolean;
  reason: string;
  gloss?: string;
  configurable?: boolean;
  /** Part of speech of the term: only nouns can be a report's subject. */
  pos?: 'noun' | 'verb' | 'adjective' | 'adverb' | 'phrase';
  /** Dutch nouns: the article of the singular term. */
  article?: 'de' | 'het';
  /** Reviewed: the first suggestion is a drop-in replacement (meaning, number, article), so --fix may apply it. */
  safe?: boolean;
  source?: string;
  /** Words near the term (three words either side) that give it an ordinary sense: not flagged then. */
  unless?: string[];
  /** Words right after the term (or one word later) that give it another sense or a fixed expression: not flagged then ('#' is any number). */
  unlessFollowedBy?: string[];
  /** Words right before the term (or one word earlier) that give it another sense or make it part of a name: not flagged then. */
  unlessPrecededBy?: string[];
  /** Words right after the term with which the first suggestion no longer fits one-for-one: flagged, but never a safe fix. */
  unsafeFollowedBy?: string[];
  /** At the start of a sentence the first suggestion does not fit one-for-one (Doch blijken …): flagged, but never a safe fix there. */
  unsafeAtSentenceStart?: boolean;
  /** An everyday word most readers know, with a plainer one: shown only with the jargon option everydayWords (general audience). */
  everyday?: boolean;
  /**
   * The entry's class when it differs from its dictionary's: officialese (shown by default), academic,
   * technical (the exact term of a method or field: explained, not replaced; shown with technicalWords)
   * everyday (as `everyday: true`) or field (the words of a field of work: a hint by default without a reviewed swap).
   */
  register?: EntryRegister;
  /** Words that mark the field where the term is jargon: flagged only in a report that uses one of them. */
  onlyIn?: string[];
  /** Flagged only with one of these words in the sentence. */
  onlyWith?: string[];
  /** Not flagged with one of these words anywhere in the sentence (optimaliseren with modellen: the mathematical sense). */
  unlessInSentence?: string[];
  /** Words of a field where the term is practice language: a report using them three times or more is not flagged. */
  practiceIn?: string[];
  /** A nominal adjective (the elderly): before a noun only the adjective is replaced, or, without suggestions, the use is not a label. */
  adjective?: { word: string; suggestions?: string[] };
  examples: { match: string[]; noMatch: string[] };
}

export interface VocabularyCues {
  definitionVerbs?: string[];
  definitionLeads?: string[];
  glossaryHeadings?: string[];
  thesisWords?: string[];
  /** Words that address the writer about the document being written (je bachelorproef, your thesis): a template's guidance, not the writer's prose. */
  writerAddress?: string[];
  /** Participles by which a section says it is someone else's text ("This Code of Conduct is adapted from …", "Deze gedragscode is overgenomen van …"). */
  adoptedVerbs?: string[];
  notNouns?: string[];
  anWords?: string[];
  aWords?: string[];
}

export interface SynonymGroup {
  id: string;
  preferred?: string;
  members: Array<{ term: string; forms?: string[] }>;
  /** The members are spelling variants of one word: a change toward the preferred one is safe. */
  spelling?: boolean;
  /** Different words that readers take for different things: reported by default (others only with nearSynonyms). */
  confusing?: boolean;
  source?: string;
  reason: string;
  examples: { match: string[]; noMatch: string[] };
}

/** A section-role cue (kind: section-roles): words that give a heading or a section its role. */
export interface RoleEntry {
  id: string;
  role: import('../types.js').SectionRole;
  cue: 'heading' | 'question' | 'content';
  lead?: boolean;
  /** heading cues: the words name the section itself (Methods), not a technique; a sample size does not make it findings. */
  namesSection?: boolean;
  terms: string[];
  reason: string;
  examples: { match: string[]; noMatch: string[] };
}

export interface Dictionary {
  /** Where it came from (a path or a name), for messages. */
  source: string;
  language: Language;
  domain: string;
  /** academic: academic writing's own words, not shown in theses or for academic readers by default. */
  register?: 'academic' | 'field';
  kind: 'jargon' | 'person-first' | 'synonyms' | 'client' | 'abbreviations' | 'cues' | 'section-roles';
  description?: string;
  cues?: VocabularyCues;
  entries?: DictionaryEntry[];
  groups?: SynonymGroup[];
  abbreviations?: Array<{ term: string; expansion: string; reason?: string; source?: string; knownIn?: string[]; examples?: { match: string[]; noMatch: string[] } }>;
  roles?: RoleEntry[];
}

export interface DictionaryResult {
  dictionary?: Dictionary;
  problems: YamlProblem[];
}

/**
 * Reads one dictionary file's text: YAML, validated against dictionaries/schema.json, plus the
 * checks a schema cannot express (parallel forms in groups, a preferred member that exists).
 * An invalid dictionary comes back with its problems and no data: the caller skips it.
 */
export function parseDictionary(text: string, source: string): DictionaryResult {
  const r = parseYamlWithSchema<Omit<Dictionary, 'source'>>(text, schema);
  if (!r.value) return { problems: r.problems };
  const d: Dictionary = { ...r.value, source };
  const problems: YamlProblem[] = [];
  const lineOf = (needle: string) => {
    const i = text.indexOf(needle);
    if (i < 0) return { line: 1, column: 1, offset: 0, endOffset: 0 };
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    return { line, column: i - before.lastIndexOf('\n'), offset: i, endOffset: i + needle.length };
  };
  for (const g of d.groups ?? []) {
    const counts = new Set(g.members.map((m) => (m.forms ?? []).length));
    if (counts.size > 1) problems.push({ ...lineOf(`id: ${g.id}`), message: `group ${g.id}: every member needs the same number of forms (they are parallel)` });
    if (g.preferred && !g.members.some((m) => m.term === g.preferred)) problems.push({ ...lineOf(`id: ${g.id}`), message: `group ${g.id}: preferred "${g.preferred}" is not one of its members` });
  }
  for (const e of d.entries ?? []) {
    for (const k of Object.keys(e.inflections ?? {})) {
      if (!(e.forms ?? []).includes(k)) problems.push({ ...lineOf(`id: ${e.id}`), message: `entry ${e.id}: inflection "${k}" is not one of its forms` });
      else if ((e.inflections![k]!.length) !== (e.suggestions ?? []).length) problems.push({ ...lineOf(`id: ${e.id}`), message: `entry ${e.id}: inflection "${k}" needs one form per suggestion` });
    }
  }
  if (problems.length) return { problems };
  return { dictionary: d, problems: [] };
}
