import type { Audience, Counts, Finding, Fix, Language, Message, Metrics, ProseBlock, Section, SectionRole, Severity } from '../types.js';
import type { Sentence } from '../text/sentences.js';
import type { BrugConfig } from '../config/config.js';
import type { LineIndex } from '../offsets.js';
import type { TextView } from '../text/view.js';

export type RuleOptions = Record<string, number | string | boolean | string[]>;

export interface RuleMeta {
  /** area/name, for example readability/long-sentence. */
  id: string;
  languages: Language[];
  defaultSeverity: Severity;
  description: Message;
  /** Why the rule exists: the practice insight it serves. */
  rationale: Message;
  /** Options per audience profile; `.brug.yml` can override each. */
  options: Record<Audience, RuleOptions>;
  /** Rules whose findings this rule's findings replace where their ranges overlap (one message per problem). */
  supersedes?: string[];
}

/** A block after the text layer: what every block rule looks at. */
export interface AnalysedBlock {
  block: ProseBlock;
  language: Language;
  /** Role of the section the block is in. */
  role: SectionRole;
  sentences: Sentence[];
  /** Counts for readability statistics; zero for headings and table cells. */
  counts: Counts;
  /** Syllables per word, parallel to each sentence's words (bytes, see analyseBlock). */
  syllables: Array<ArrayLike<number>>;
  /** Text offsets of quotations attributed to people: no rule flags inside them. */
  quotes: Array<[number, number]>;
}

/** A finding of a block rule, in block-text offsets. The engine maps it to the document. */
export interface BlockFinding {
  start: number;
  end: number;
  message: Message;
  severity?: Severity;
  fixes?: Array<Omit<Fix, 'edits'> & { edits: Array<{ start: number; end: number; newText: string }> }>;
  data?: Record<string, unknown>;
}

export interface RuleContext {
  config: BrugConfig;
  audience: Audience;
  options: RuleOptions;
  severity: Severity;
}

export interface BlockRule {
  meta: RuleMeta;
  scope: 'block';
  /** Block kinds the rule looks at. */
  check(block: AnalysedBlock, context: RuleContext): BlockFinding[];
}

/**
 * The output type of each block analyzer, by analyzer id. An analyzer's module declares its
 * own entry (rules/analysis-types.ts gathers them), so that rules read typed facts:
 *
 *     declare module '../types.js' { interface BlockFacts { vocabulary: VocabularyFacts } }
 */
export interface BlockFacts {
  [analyzerId: string]: unknown;
}

/** The output type of each document analysis, by analysis id (declared like BlockFacts). */
export interface DocumentAnalyses {
  [analysisId: string]: unknown;
}

/** What the analyzer or analysis with this id produces (unknown for an id nobody declared). */
export type FactOf<Id extends string> = BlockFacts[Id];
export type AnalysisOf<Id extends string> = DocumentAnalyses[Id];

/** A block as document rules see it: analysed, placed in the document, with its facts. */
export interface DocumentBlock {
  analysed: AnalysedBlock;
  /** Index of the section the block belongs to, or -1 before the first heading. */
  section: number;
  /** Facts that block analyzers computed (keyed by analyzer id, typed by BlockFacts). */
  facts: Partial<BlockFacts>;
  /** Map a text range of this block to document offsets. */
  toDocument(start: number, end: number): { offset: number; endOffset: number };
  /** Where the block's text starts in the document: `toDocument(0, 0).offset`, without a look-up or an object per read. */
  readonly start: number;
  /**
   * This check's block (its text, kind, map and place): `analysed.block`, read without making the placed analysis of a
   * block that moved (an object per block per check; speed only, ls19).
   */
  readonly prose: ProseBlock;
  /**
   * The parser's block object that `prose` is or was moved from (speed only: no copy of a block an edit moved): its text,
   * kind, level, map, placeholders and skip mark are `prose`'s; its start, end and mapBase may be those of an earlier
   * check, elsewhere (read blockStart, blockEnd and mapBase for those).
   */
  readonly source: ProseBlock;
  /** `prose.start`, `prose.end` and `prose.mapBase ?? 0`, read without a copy of a block that moved. */
  readonly blockStart: number;
  readonly blockEnd: number;
  readonly mapBase: number;
  /** The block's sentences: `analysed.sentences` (the cached analysis's, the same array), read without the placed analysis. */
  readonly sentences: Sentence[];
  /**
   * The cached analysis the block was placed from, read without making the placed analysis of a block that moved (an
   * object per moved block per check). Every field is `analysed`'s (the cache hands it out only for a block of the same
   * text, kind, level, quoting, skip mark, placeholders, language, role and options) but the place of `core.block`:
   * its start, end, map and base may be those of an earlier check's block, elsewhere. Read `prose` for those.
   */
  readonly core: AnalysedBlock;
}

export interface DocumentModel {
  /** The document's text: read in slices (a PieceText in the language server; see text/view.ts). */
  text: TextView;
  format: string;
  language: Language;
  blocks: DocumentBlock[];
  sections: Section[];
  metrics: Metrics;
  lines: LineIndex;
  config: BrugConfig;
}

/** A finding of a document rule, in document offsets; the engine adds the rule id and severity. */
export type DocumentFinding = Omit<Finding, 'ruleId' | 'severity' | 'fixes'> & { severity?: Severity; fixes?: Finding['fixes'] };

export interface DocumentRule {
  meta: RuleMeta;
  scope: 'document';
  /**
   * The findings of the whole document. The engine copies each finding it is given (a new object with the same
   * `related` and `fixes` arrays) and changes its copy, the `related` ranges and the fixes in place (ranges snapped to
   * the text, fixes that would damage the text turned into suggestions, positions moved after an edit). A rule that
   * keeps findings from one check to the next may keep the finding objects themselves (long-sentence moves its kept
   * findings after an edit), but must give a moved finding new `related` ranges and must not rely on its `related`
   * ranges or fixes staying as it made them (the term rules hand out copies).
   */
  check(doc: DocumentModel, context: RuleContext): DocumentFinding[];
  /**
   * Optional: fills the per-block caches that check() (or analyze()) reads, for these blocks of the
   * document, ahead of it; the result does not change. The engine calls it for the blocks a check
   * analysed anew, a few at a time between turns, so that the first check of a long document does
   * not hold its caller (the language server's message loop) for the whole of a long pass.
   */
  warm?(doc: DocumentModel, blocks: readonly number[]): void;
}

export type Rule = BlockRule | DocumentRule;

/**
 * A block analyzer computes facts about a block that document rules need (vocabulary
 * matches, client mentions, acronyms). Its result is cached with the block. Its output type
 * is BlockFacts[id].
 */
export interface BlockAnalyzer<Id extends string = string> {
  id: Id;
  analyze(block: AnalysedBlock, config: BrugConfig): FactOf<Id>;
}

/**
 * Something computed over the whole document after the rules (the client perspective, for
 * one). Its output type is DocumentAnalyses[id]. (It lived in engine.ts; it moved here, below
 * the rules, so that rule modules no longer import the engine.)
 */
export interface DocumentAnalysis<Id extends string = string> {
  id: Id;
  analyze(doc: DocumentModel): AnalysisOf<Id>;
  /** Optional: as DocumentRule.warm. */
  warm?(doc: DocumentModel, blocks: readonly number[]): void;
}

/** The typed facts of one analyzer on a block. */
export function factOf<Id extends string>(block: DocumentBlock, id: Id): FactOf<Id> | undefined {
  return block.facts[id] as FactOf<Id> | undefined;
}

export function message(en: string, nl: string): Message {
  return { en, nl };
}
