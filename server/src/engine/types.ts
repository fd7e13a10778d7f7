/**
 * The engine's vocabulary. Everything here is plain data: no editor or protocol types,
 * so the CLI, the language server and the tests all speak the same language.
 */

export type Language = 'nl' | 'en';
export type Format = 'markdown' | 'plaintext' | 'latex';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Audience = 'practitioner' | 'academic' | 'general';

/** A message in both languages; the face picks one. */
export interface Message {
  nl: string;
  en: string;
}

/** A replacement of document text, in UTF-16 offsets of the document as read (end exclusive). */
export interface TextEdit {
  offset: number;
  endOffset: number;
  newText: string;
}

/** A change to the project's .brug.yml that a fix asks for (the face writes it). */
export interface ConfigEdit {
  /** Path of a list in .brug.yml, for example ['vocabulary', 'accept']. */
  path: string[];
  /** Value to add to that list, or to set when `key` is given. */
  value: unknown;
  /** When set, `path` names a map and `key` the entry to set in it. */
  key?: string;
}

/**
 * How far a fix may be trusted without a person looking at it.
 * - `safe`: mechanical, keeps meaning and grammar (a spelling variant toward the report's majority
 *   or the project's `prefer:`, a term swap that agrees in its sentence). `--fix` and
 *   `source.fixAll.brug` apply safe fixes only.
 * - `suggestion`: needs a person (rewording, a change of number, inserted text or sections). The
 *   writer picks it as a quick fix, one at a time.
 */
export type FixKind = 'safe' | 'suggestion';

export interface Fix {
  title: Message;
  /** At most one fix of a finding is preferred: the obvious one, offered first in the editor. */
  preferred: boolean;
  /** A fix without a kind is a suggestion: only fixes marked `safe` are applied without asking. */
  kind?: FixKind;
  edits: TextEdit[];
  configEdit?: ConfigEdit;
}

export interface RelatedLocation {
  offset: number;
  endOffset: number;
  message: Message;
  /**
   * The same thing used again (not evidence for the finding): a finding switched off by a
   * directive where it stands moves to such a place.
   */
  sameUse?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: Message;
  offset: number;
  endOffset: number;
  fixes: Fix[];
  data?: Record<string, unknown>;
  related?: RelatedLocation[];
}

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableCell'
  | 'caption'
  | 'footnote';

/** A segment of the map from block text back to the document. */
export interface MapSegment {
  /** Start in block text. */
  t: number;
  /** Length in block text. */
  tl: number;
  /** Start in the document. */
  d: number;
  /** Length in the document. When tl !== dl the segment maps as a whole (an escape, an entity, a placeholder). */
  dl: number;
}

/** A piece of prose as a format adapter hands it to the engine. */
export interface ProseBlock {
  kind: BlockKind;
  text: string;
  /** Sorted, non-overlapping segments; text outside every segment does not occur. */
  map: MapSegment[];
  /** Added to every segment's document offset (lets an adapter reuse a cached block at a new position). */
  mapBase?: number;
  /** Document range the block covers. */
  start: number;
  end: number;
  /** Heading level (1–6) for headings. */
  level?: number;
  /** Inside a blockquote. */
  quoted?: boolean;
  /** Text offsets of placeholder words (inline code, math, citations, URLs) that stand in for non-prose. */
  placeholders?: Array<[number, number]>;
  /** Language fixed for this block by a directive or by the format (babel, otherlanguage). */
  language?: Language;
  /** Not prose to check: a reference list entry, for example. Counted nowhere. */
  skip?: boolean;
  /** The document's title as the source declares it (LaTeX \title): only this heading gets the title role. */
  title?: boolean;
}

/** A directive found in the source: brug-disable, brug-enable, brug-disable-next-line, brug-language. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'language';
  /** Rule ids; empty means all rules. */
  rules: string[];
  language?: Language;
  offset: number;
  endOffset: number;
  /** 0-based line of the directive. */
  line: number;
}

/** What a format adapter produces. */
export interface ParsedDocument {
  format: Format;
  blocks: ProseBlock[];
  directives: Directive[];
  /** Language declared by the document (babel, front matter lang:, directive at the top). */
  declaredLanguage?: Language;
  /** Problems with the input itself (broken markup), reported as information. */
  problems?: Array<{ offset: number; message: Message }>;
  /**
   * The adapter hands out its last parse's blocks where an edit left them: a block with the map object of a block of the
   * last parse is that block (its kind, level, text and all else the same), moved (by its shift in `raw`, or by mapBase
   * in `blocks`). The engine may then keep what it derived from the last check's blocks at both ends (the heading list).
   * Speed only.
   */
  movesBlocks?: boolean;
  /**
   * The blocks as the reader keeps them from one parse to the next (the Markdown, LaTeX and plain-text readers'; speed
   * only; see formats/last-reading.ts parsedWithRaw): block i is
   * `raw.blocks[i]` moved `raw.shifts[i]` characters on (its start, end and mapBase; no shifts: none moved). A block an
   * edit moved is then not copied: the engine places the kept object with its shift (a copy is made only when asked
   * for: `blocks`, which is then made from these, and a placed block's `prose`).
   */
  raw?: RawBlocks;
}

/** A parse's blocks as kept objects and how far each moved since it was made (ParsedDocument.raw). */
export interface RawBlocks {
  blocks: ProseBlock[];
  shifts: Int32Array | undefined;
}

export type SectionRole =
  | 'title'
  | 'summary'
  | 'introduction'
  | 'background'
  | 'method'
  | 'results'
  | 'discussion'
  | 'conclusion'
  | 'recommendations'
  | 'references'
  | 'appendix'
  | 'other';

export interface Counts {
  /** Words: tokens with at least one letter or digit. */
  words: number;
  sentences: number;
  /** Syllables of the words that count for syllable statistics (no numbers, no all-caps acronyms). */
  syllables: number;
  syllableWords: number;
  /** Letters (for Coleman-Liau) and letters+digits (for ARI), over all words. */
  letters: number;
  characters: number;
  /** Words of more than six letters (LIX). */
  longWords: number;
  /** Words of three or more syllables (SMOG, Fog: Fog leaves out capitalised words). */
  polysyllables: number;
  complexWords: number;
  /** Sentences over the long-sentence threshold. */
  longSentences: number;
  passives: number;
}

export interface Metrics {
  words: number;
  sentences: number;
  syllables: number;
  longWords: number;
  averageSentenceLength: number;
  averageSyllablesPerWord: number;
  longSentenceShare: number;
  passiveShare: number;
  lix: number;
  /** Dutch formulas. */
  fleschDouma?: number;
  brouwer?: number;
  /** English formulas. */
  fleschReadingEase?: number;
  fleschKincaidGrade?: number;
  gunningFog?: number;
  smog?: number;
  colemanLiau?: number;
  automatedReadability?: number;
  /** The headline score: Flesch-Douma for Dutch, Flesch Reading Ease for English, kept within 0–100. */
  score: number;
  /** The formula's own value when it falls outside 0–100 (the score then shows the scale's end). */
  rawScore?: number;
  /** The band of the headline score, in words. */
  band: Message;
}

export interface Section {
  title: string;
  level: number;
  role: SectionRole;
  /** 1-based line of the heading. */
  line: number;
  offset: number;
  endOffset: number;
  /** End of the section's content in the document (start of the next heading of the same or higher level). */
  contentEnd: number;
  language: Language;
  metrics: Metrics;
}
