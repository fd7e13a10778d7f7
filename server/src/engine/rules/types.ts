import type { Audience, Counts, Finding, Fix, Language, Message, Metrics, ProseBlock, Section, SectionRole, Severity } from '../types.js';
import type { Sentence } from '../text/sentences.js';
import type { BrugConfig } from '../config/config.js';
import type { LineIndex } from '../offsets.js';

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
  /** Syllables per word, parallel to each sentence's words. */
  syllables: number[][];
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

/** A block as document rules see it: analysed, placed in the document, with its facts. */
export interface DocumentBlock {
  analysed: AnalysedBlock;
  /** Index of the section the block belongs to, or -1 before the first heading. */
  section: number;
  /** Facts that block analyzers computed (keyed by analyzer id). */
  facts: Record<string, unknown>;
  /** Map a text range of this block to document offsets. */
  toDocument(start: number, end: number): { offset: number; endOffset: number };
}

export interface DocumentModel {
  text: string;
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
  check(doc: DocumentModel, context: RuleContext): DocumentFinding[];
}

export type Rule = BlockRule | DocumentRule;

/**
 * A block analyzer computes facts about a block that document rules need (vocabulary
 * matches, client mentions, acronyms). Its result is cached with the block.
 */
export interface BlockAnalyzer {
  id: string;
  analyze(block: AnalysedBlock, config: BrugConfig): unknown;
}

export function message(en: string, nl: string): Message {
  return { en, nl };
}
