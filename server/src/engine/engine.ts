import type { Audience, Counts, Directive, Finding, Fix, Format, Language, Metrics, ParsedDocument, ProseBlock, RawBlocks, Section, SectionRole, Severity } from './types.js';
import type { AnalysedBlock, BlockAnalyzer, BlockFacts, BlockFinding, BlockRule, DocumentAnalyses, DocumentAnalysis, DocumentBlock, DocumentFinding, DocumentModel, Rule, RuleContext, RuleOptions } from './rules/types.js';
import type { BrugConfig } from './config/config.js';
import { configKey, defaultConfig } from './config/config.js';
import { parseEditOf, parseMarkdown, parseMarkdownSteps } from './formats/markdown.js';
import { parsePlaintext } from './formats/plaintext.js';
import { movedCopy } from './formats/last-reading.js';
import { secureLatexFixes } from './formats/latex.js';
import { GUARD_LOOKBACK, needsSnap, secureFindings } from './fixes.js';
import type { GuardBlock, GuardKept, GuardLookup } from './fixes.js';
import { type EditEnds, LineIndex, type TextEdit, toDocument } from './offsets.js';
import { DETECTED_CHARS, detectByFunctionWords, detectLanguage, detectLanguageRead } from './language/detect.js';
import { analyseBlock, keepCompact, letGo, PackingSpace } from './text/analyse.js';
import type { Sentence, Token } from './text/sentences.js';
import { addCounts, emptyCounts, metricsOf, sameCounts } from './text/metrics.js';
import { assignRoles, firstAtOrAfter, headingInfosAfterEdit, roleVocabularyOf, rolesOfHeading } from './sections.js';
import type { HeadingInfo, HeadingList, LastHeadings, RoleVocabulary } from './sections.js';
import { createRules } from './rules/registry.js';
import { Vocabulary } from './vocabulary/vocabulary.js';
import { ContentCache, detach, textKey } from './cache.js';
import { compareWords } from './text/order.js';
import { parseNoteFindings } from './parse-notes.js';
import { RunSlots } from './rules/block-runs.js';
import type { RunChange } from './rules/block-runs.js';
import { noteBlockEdit } from './incremental.js';
import type { Run } from './runs.js';
import { flat, type TextView } from './text/view.js';

export interface LintOptions {
  /** Path or URI of the document: decides the format when `format` is not given. */
  path?: string;
  uri?: string;
  format?: Format;
  /** Fixes the document's language (a directive in the text still wins for its blocks). */
  language?: Language;
  config?: BrugConfig;
  /** Set `cancelled` to stop a run early (the language server cancels stale runs). */
  token?: { cancelled: boolean };
  /**
   * The text is `edit.base` in its first `edit.prefix` and last `edit.suffix` characters (a caller that applied the
   * edits knows; speed only: when `base` is the text this engine checked last, the texts are compared only from there).
   * Must be true when given.
   */
  edit?: TextEdit;
}

export interface Paragraph {
  offset: number;
  endOffset: number;
  language: Language;
  metrics: Metrics;
}

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface LintResult {
  language: Language;
  format: Format;
  metrics: Metrics;
  sections: Section[];
  findings: Finding[];
  paragraphs: Paragraph[];
  /** The analysed blocks, for hovers and reports. */
  blocks: DocumentBlock[];
  /** Rules that threw: the other rules' findings are still there. */
  errors: RuleError[];
  /** The document model the document rules saw (clientPerspective and other analyses read it). */
  model: DocumentModel;
  /** Results of document analyses keyed by id (clientPerspective, …), typed by DocumentAnalyses. */
  analyses: Partial<DocumentAnalyses>;
  cancelled?: boolean;
}

/** Moved below the rules (rules/types.ts); re-exported here for callers of the engine. */
export type { DocumentAnalysis } from './rules/types.js';

export function formatOf(path: string | undefined): Format {
  const p = (path ?? '').toLowerCase();
  if (/\.(tex|ltx|latex)$/.test(p)) return 'latex';
  if (/\.(md|markdown|mdown|mkd|qmd|rmd)$/.test(p)) return 'markdown';
  if (/\.(txt|text)$/.test(p)) return 'plaintext';
  return p ? 'plaintext' : 'markdown';
}

interface BlockResult {
  analysed: AnalysedBlock;
  findings: Array<BlockFinding & { ruleId: string }>;
  facts: Record<string, unknown>;
  errors: RuleError[];
  /** The run that last used it, for eviction. */
  used: number;
  /** The document rules' warm-ups ran on it (Engine.warm). */
  warmed?: boolean;
  /** Evicted from the cache (a map hint that still holds it analyses the block again). */
  evicted?: boolean;
  // What the result depends on besides the text.
  language: Language;
  role: SectionRole;
  kind: ProseBlock['kind'];
  level: number;
  quoted: boolean;
  skip: boolean;
  ckey: string;
  placeholders: ProseBlock['placeholders'];
}

const NO_TOKENS: Token[] = [];

function samePlaceholders(a: ProseBlock['placeholders'], b: ProseBlock['placeholders']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  return true;
}

/** Whether a cached result is the one for this block in this place (all but the text, which the caller compared). */
function sameVariant(v: BlockResult, b: ProseBlock, language: Language, role: SectionRole, ckey: string): boolean {
  return v.language === language && v.role === role && v.kind === b.kind && v.level === (b.level ?? 0) && v.quoted === !!b.quoted && v.skip === !!b.skip && v.ckey === ckey && samePlaceholders(v.placeholders, b.placeholders);
}

/** What the engine remembers of a block by its map object (the parser hands out the same one while a chunk is unchanged). */
interface MapHint {
  text: string;
  /** Where the text starts by the map (`toDocument(map, 0, 'start')`, before a block's base), once asked. */
  mapStart?: number;
  language?: Language | 'short';
  result?: BlockResult;
}

/**
 * What the engine keeps of a document's last complete check (checked by name), so that the next check places the
 * blocks an edit left alone without looking each up again: the blocks before the edited stretch are the same block
 * objects (the parser reuses their chunks), those after it have the same maps and texts, moved. Held through a WeakRef:
 * the check's result keeps it alive (see LAST_OF), nothing else does.
 */
interface LastCheck {
  /** The placed blocks, each with its cached result and map hint (no lists of those besides: each would be made anew per check). */
  blocks: PlacedBlock[];
  language: Language;
  ckey: string;
  long: number;
  /** The length of a byte-order mark before the text (places count it). */
  bom: number;
  /** Headings in the document (sections). */
  headings: number;
  /** Whether the blocks are in document order. */
  ordered: boolean;
  /** The sections' roles (a block placed with a result was placed in a section of that result's role). */
  roles: SectionRole[];
  /** The blocks with findings of block rules, and those with rule errors (ascending indices). */
  withFindings: number[];
  withErrors: number[];
  /** The sections, their counts and their headings' texts (a section whose heading and counts are the same keeps its title and metrics). */
  sections: Section[];
  sectionCounts: Counts[];
  titles: string[];
  /** What the sections' counts were added up from (buildSections): the runs' sums, the headings' levels, and each section's words per language. */
  sums: RunSums;
  words: SectionWords;
  /** The line index of the text (the next check's line index is made from it when that check follows this one). */
  lines: LineIndex;
  /** Whether the engine's caches were cleared since (clearCaches). */
  epoch: number;
  /** The headings' infos of a parse whose blocks say what an edit left (Markdown's, LaTeX's), for the next check's (sections.ts headingInfosAfterEdit). */
  headingList: HeadingList | undefined;
  /** The number of the Markdown reader's parse whose blocks these are (formats/markdown.ts ParseEdit), if one. */
  parseId: number | undefined;
  /** Each document rule's findings and the engine's made of them (by rule id; see documentFindings). */
  ruleFindings: Map<string, RuleFindings>;
  /** The fix guard's name for this check (fixes.ts GuardKept). */
  guard: object;
}

/**
 * A document rule's findings at a check (the list it returned) and the engine's findings made of them, at the same
 * indices: the next check's candidates for the findings the rule hands out again at the same place in its list.
 */
interface RuleFindings {
  made: readonly DocumentFinding[];
  out: readonly Finding[];
  /** Where each of those starts as the engine made it (read without reading the finding: most that moved differ here). */
  offsets: readonly number[];
}

/** A result's last-check record, kept alive by its blocks array (the result holds it). */
const LAST_OF = new WeakMap<DocumentBlock[], LastCheck>();

/**
 * What the placements of a block in successive checks share while only their place differs (speed and memory only: a
 * block an edit moved is placed with this and its shift, three fields, not all of its own): the cached result, the
 * map's hint, the parser's block object, and the base of that object at its own place (its mapBase plus a byte-order
 * mark).
 */
class Placing {
  constructor(
    /** The cached result placed (its analysis, facts and block findings). */
    readonly result: BlockResult,
    /** The engine's entry for the block's map (the next check of the document places its counterpart from it). */
    readonly hint: MapHint,
    /** The parser's block object as it keeps it (ParsedDocument.raw). */
    readonly raw: ProseBlock,
    /** `raw`'s mapBase plus the byte-order mark: a placement's base less its shift. */
    readonly rawBase: number,
  ) {}
}

/**
 * The placed analyses made so far (see PlacedBlock.analysed): few blocks are asked for one, so they are kept beside the
 * blocks rather than in a field of every block.
 */
const PLACED_ANALYSES = new WeakMap<PlacedBlock, AnalysedBlock>();

/** For tests: whether a placed block's placed analysis (a copy of the cached one at the block's place) was made. */
export function placedAnalysisMade(b: DocumentBlock): boolean {
  return b instanceof PlacedBlock && PLACED_ANALYSES.has(b);
}

/**
 * A block placed in the document: its analysis, section and facts, and the map to document offsets. Its analysed
 * block (the cached analysis with this check's block, `prose`) is made when first read: after an edit, most moved
 * blocks are never read one by one (the rules' per-run summaries stand for them).
 */
class PlacedBlock implements DocumentBlock {
  constructor(
    /** What this placement shares with the block's placements in other checks. */
    readonly placing: Placing,
    /** How far this check's block is from `raw`'s place (characters; 0: `raw` is this check's block). */
    readonly shift: number,
    readonly section: number,
  ) {}

  /** The cached result placed here (its analysis, facts and block findings). */
  get result(): BlockResult {
    return this.placing.result;
  }

  /** The engine's entry for the block's map. */
  get hint(): MapHint {
    return this.placing.hint;
  }

  /** The parser's block object as it keeps it (ParsedDocument.raw): this check's block is this one moved by `shift`. */
  get raw(): ProseBlock {
    return this.placing.raw;
  }

  /** Added to every map segment's `d` to give a document offset (the block's mapBase, shift and byte-order mark). */
  get base(): number {
    return this.placing.rawBase + this.shift;
  }

  /** The result's facts. */
  get facts(): Record<string, unknown> {
    return this.placing.result.facts;
  }

  /**
   * This check's block: the parser's own object where it has not moved since it was made, else a copy of it moved (made
   * when first read, with the placed analysis: after an edit most moved blocks are never read one by one, and their
   * place is `blockStart`, `blockEnd` and `base`).
   */
  get prose(): ProseBlock {
    return this.shift === 0 ? this.placing.raw : this.analysed.block;
  }

  get source(): ProseBlock {
    return this.placing.raw;
  }

  get blockStart(): number {
    return this.placing.raw.start + this.shift;
  }

  get blockEnd(): number {
    return this.placing.raw.end + this.shift;
  }

  get mapBase(): number {
    return (this.placing.raw.mapBase ?? 0) + this.shift;
  }

  get analysed(): AnalysedBlock {
    const cached = this.placing.result.analysed;
    const raw = this.placing.raw;
    if (this.shift === 0 && cached.block === raw) return cached;
    let placed = PLACED_ANALYSES.get(this);
    if (!placed) PLACED_ANALYSES.set(this, (placed = { ...cached, block: this.shift === 0 ? raw : movedCopy(raw, this.shift) }));
    return placed;
  }

  /** The cached analysis's sentences (analysed.sentences), without making the placed analysis of a moved block. */
  get sentences(): AnalysedBlock['sentences'] {
    return this.placing.result.analysed.sentences;
  }

  /**
   * The cached analysis (its `block` may be the block of an earlier check, in another place): what does not depend on
   * the place (counts, language, sentences) read without making the placed analysis of a moved block.
   */
  get core(): AnalysedBlock {
    return this.placing.result.analysed;
  }

  get start(): number {
    // (Where the text starts by the map, before the base: the same for every block of the map, kept with its hint.)
    const p = this.placing;
    return (p.hint.mapStart ??= toDocument(p.raw.map, 0, 'start')) + p.rawBase + this.shift;
  }

  toDocument(start: number, end: number): { offset: number; endOffset: number } {
    const p = this.placing;
    const map = p.raw.map;
    const base = p.rawBase + this.shift;
    const offset = toDocument(map, start, 'start');
    return { offset: offset + base, endOffset: Math.max(offset, toDocument(map, end, 'end')) + base };
  }
}

/**
 * A cached result placed in the document as block `b` (the parser's block object, `shift` characters from where it was
 * made; `rawBase` its mapBase plus a byte-order mark) of section `section`. The block of the last check it continues
 * (`prev`, made from the same result) is handed out again when it is the same block in the same place (an unchanged
 * block before an edit); a block that moved gets a placed block of its own, which shares the last one's Placing (the
 * parser's object is not copied), so that the last check's result keeps its places. The analysis itself (sentences,
 * counts, facts) is the cached one in every case.
 */
function place(prev: PlacedBlock | undefined, r: BlockResult, hint: MapHint, b: ProseBlock, shift: number, section: number, rawBase: number): PlacedBlock {
  const p = prev?.placing;
  const same = p !== undefined && p.result === r && p.hint === hint && p.raw === b && p.rawBase === rawBase;
  if (same && prev!.shift === shift && prev!.section === section) return prev!;
  return new PlacedBlock(same ? p : new Placing(r, hint, b, rawBase), shift, section);
}

/** The findings and rule errors of a block that has none (frozen: shared by every such block's result). */
const NO_BLOCK_FINDINGS = Object.freeze([]) as unknown as BlockResult['findings'];
const NO_RULE_ERRORS = Object.freeze([]) as unknown as RuleError[];

/** Blocks per step of the document rules' warm-up (Engine.warm). */
const WARM_STEP = 16;

/** Documents whose last run's blocks the cache keeps (see Engine.evict). */
const LAST_RUNS = 16;

const LONG_SENTENCE_WORDS: Record<Audience, number> = { practitioner: 25, academic: 30, general: 20 };

export interface EngineOptions {
  vocabulary?: Vocabulary;
  /** Extra rules and analyzers (tests, plug-ins). */
  rules?: Rule[];
  analyzers?: BlockAnalyzer[];
  analyses?: DocumentAnalysis[];
  /** Upper bound of cached blocks. */
  cacheSize?: number;
  /**
   * Format adapters beyond Markdown and plain text (LaTeX). An adapter takes the text as the engine does: a string, or a
   * view of the language server's pieces, which it joins (flat) only where it must read all of it.
   */
  formats?: Partial<Record<Format, (text: TextView, config: BrugConfig) => ParsedDocument>>;
  /**
   * Benchmarks only (`bench/lsp-latency.ts --floor-rules [ids]`): each document rule (or each of these) runs at a
   * document's first check only; every later check of it hands back the findings the rule gave then, as they were
   * (their places are wrong after an edit that moved them). What an edit costs without those rules, their findings
   * moving and the diagnostics they change.
   */
  documentRulesOnce?: boolean | readonly string[];
  /**
   * Benchmarks only (`bench/lsp-latency.ts --silent-rules ids`): these document rules run at every check, as always, but
   * their findings are not handed out. What an edit costs with the rules' own work and without their findings: the
   * engine's handling of them, the fix guard, the diagnostics made, compared and published of them.
   */
  documentRulesSilent?: readonly string[];
}

/**
 * The engine: text and options in, findings out. It keeps a cache of analysed blocks keyed
 * by (block text, language, section role, configuration), so an edit re-analyses only the
 * blocks it touched; document rules then run over the per-block facts.
 */
export class Engine {
  readonly rules: Rule[];
  readonly analyzers: BlockAnalyzer[];
  readonly analyses: DocumentAnalysis[];
  readonly vocabulary: Vocabulary;
  private readonly rulesById: Map<string, Rule>;
  /** The rules that supersede others, and those they supersede (see Screen). */
  private readonly supersede = new Set<string>();
  /** Analysed blocks by block text; the variants differ in what else shapes the result. */
  private readonly cache = new ContentCache<BlockResult[]>(Infinity);
  /** See EngineOptions.documentRulesOnce. */
  private readonly documentRulesOnce: (ruleId: string) => boolean;
  /** See EngineOptions.documentRulesSilent. */
  private readonly documentRulesSilent: ReadonlySet<string>;
  private cached = 0;
  private generation = 0;
  /** Analysed blocks made since the cache was last swept. */
  private made = 0;
  /**
   * The packed sentences of the blocks this check analysed, which hold the words the analysis made until the check is
   * over (the document rules read them; text/analyse.ts keepCompact, letGo).
   */
  private readonly held: Sentence[] = [];
  /** Where this check packs the words of the blocks it analyses (a new one each check; see PackingSpace). */
  private space = new PackingSpace();
  /**
   * The last run of each document checked by name (uri or path), the most recent few: a block
   * that none of those runs used is an old version of an edited block (see evict).
   */
  private readonly lastRuns = new Map<string, number>();
  private cacheSize: number;
  private readonly blockLanguage = new ContentCache<Language>(50000);
  /**
   * The last result of each block by its map: a parser that reuses a chunk hands out its blocks'
   * maps (and texts) unchanged, so an unchanged block is found without hashing or comparing its text.
   */
  private byMap = new WeakMap<object, MapHint>();
  /** The last complete check of each document checked by name (the most recent few; see LastCheck). */
  private readonly lastChecks = new Map<string, WeakRef<LastCheck>>();
  private epoch = 0;
  private readonly documentLanguage = new ContentCache<{ language: Language; read: number }>(1000);
  private readonly formats: EngineOptions['formats'];
  private lastLines: WeakRef<LineIndex> | undefined;

  constructor(options: EngineOptions = {}) {
    this.vocabulary = options.vocabulary ?? new Vocabulary();
    const built = createRules(this.vocabulary);
    this.rules = [...built.rules, ...(options.rules ?? [])];
    this.analyzers = [...built.analyzers, ...(options.analyzers ?? [])];
    this.analyses = [...built.analyses, ...(options.analyses ?? [])];
    this.rulesById = new Map(this.rules.map((r) => [r.meta.id, r]));
    for (const r of this.rules) {
      if (!r.meta.supersedes?.length) continue;
      this.supersede.add(r.meta.id);
      for (const id of r.meta.supersedes) this.supersede.add(id);
    }
    this.cacheSize = options.cacheSize ?? 20000;
    this.formats = options.formats;
    const once = options.documentRulesOnce;
    this.documentRulesOnce = once === true ? () => true : once ? (id) => once.includes(id) : () => false;
    this.documentRulesSilent = new Set(options.documentRulesSilent);
  }

  /** Forgets analysed blocks and block languages (for benchmarks that must not hit the cache); rules and dictionaries stay compiled. */
  clearCaches(): void {
    letGo(this.held);
    this.cache.clear();
    this.cached = 0;
    this.blockLanguage.clear();
    this.documentLanguage.clear();
    this.lastSample = undefined;
    this.byMap = new WeakMap();
    this.lastChecks.clear();
    this.epoch++;
  }

  /**
   * Lowers the bound of cached blocks: an engine shared by several callers (the language
   * server's checks and its rule catalogue) keeps the smallest bound any of them asked for.
   */
  limitCache(size: number): void {
    if (size < this.cacheSize) this.cacheSize = size;
  }

  /** Analysed blocks in the cache (all variants). */
  get cachedBlocks(): number {
    return this.cached;
  }

  rule(id: string): Rule | undefined {
    return this.rulesById.get(id);
  }

  parse(text: TextView, format: Format, config: BrugConfig): ParsedDocument {
    const custom = this.formats?.[format];
    if (custom) return custom(text, config);
    if (format === 'markdown') return parseMarkdown(flat(text));
    return parsePlaintext(flat(text));
  }

  lint(input: TextView, options: LintOptions = {}): LintResult {
    return drain(this.lintSteps(input, options));
  }

  /**
   * lint() in steps: it yields between blocks, document rules and analyses, so a caller that
   * must stay responsive (the language server) can give other work a turn and stop a run that a
   * newer edit made stale. lint() runs the steps without pausing.
   */
  *lintSteps(input: TextView, options: LintOptions = {}): Generator<void, LintResult> {
    // The words a stopped check's analyses made (see held).
    letGo(this.held);
    this.space = new PackingSpace();
    const config = options.config ?? defaultConfig();
    // A byte-order mark is part of the file as read: offsets count it, the parsers do not see it.
    const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
    // (A document with a mark is read as one string: the view is for the language server's documents, which have none.)
    const text: TextView = bom ? flat(input).slice(1) : input;
    const format = options.format ?? formatOf(options.path ?? options.uri);
    // The line index of the last check's text, patched where the text changed (held weakly: the last result keeps it).
    // Its comparison of the two texts tells the Markdown reader where the edit is (it compares nothing again).
    const ends: EditEnds = { prefix: 0, suffix: 0 };
    const previousLines = this.lastLines?.deref();
    const lines = LineIndex.afterEdit(previousLines, text, ends, bom ? undefined : options.edit);
    this.lastLines = new WeakRef(lines);
    // (The start both texts share, read before the reader is handed `ends`.)
    const sharedPrefix = ends.prefix;
    const parsed = yield* this.parseSafely(text, format, config, ends.old === undefined ? undefined : ends);
    ends.old = undefined;
    this.generation++;
    const name = options.uri ?? options.path;
    if (name !== undefined) {
      this.lastRuns.delete(name);
      this.lastRuns.set(name, this.generation);
      if (this.lastRuns.size > LAST_RUNS) {
        const oldest = this.lastRuns.keys().next().value!;
        this.lastRuns.delete(oldest);
        this.lastChecks.delete(oldest);
      }
    }
    const last = name === undefined ? undefined : this.lastChecks.get(name)?.deref();
    // The blocks as the parser keeps them (read here instead of `parsed.blocks`, which would copy every block an edit moved).
    const raw: RawBlocks = parsed.raw ?? { blocks: parsed.blocks, shifts: undefined };
    const language = this.documentLanguageOf(parsed, raw, text, config, options, last);
    const roleVocabulary = roleVocabularyOf(this.vocabulary, language);
    // Speed only (lsp9): each heading's own role words asked ahead (remembered per title), a few headings per step,
    // so that assigning the roles of a long document's first check does not hold the caller in one step. (A document
    // checked before in this language has them: an edit adds a heading or two at most, asked when the roles are.)
    if (!last || last.language !== language || last.epoch !== this.epoch) {
      let primed = 0;
      for (const b of raw.blocks) {
        if (b.kind !== 'heading') continue;
        rolesOfHeading(b.text.trim(), roleVocabulary);
        if (++primed % 32 === 0) yield;
      }
    }
    // The last check's heading list when both parses are the Markdown reader's (whose blocks say what an edit left; see headingInfosAfterEdit).
    const readsEdits = format === 'markdown' && !this.formats?.markdown;
    // How the blocks stand to the last check's: its first block objects, its last blocks' maps and texts (compared once
    // here, from where the Markdown reader says they are the same when the last check placed the blocks of the parse it
    // compared with: its chunks kept whole).
    const parseEdit = readsEdits ? parseEditOf(raw.blocks) : undefined;
    const same = last ? sameEnds(raw, last.blocks, parseEdit && parseEdit.previous !== undefined && last.parseId === parseEdit.previous ? parseEdit : NO_ENDS) : NO_ENDS;
    // (So do LaTeX's blocks: see ParsedDocument.movesBlocks.)
    const keepsHeadings = readsEdits || parsed.movesBlocks === true;
    const { headings, roles, list } = headingRoles(raw.blocks, roleVocabulary, keepsHeadings && last?.headingList ? { ...last.headingList, count: last.blocks.length, ...same } : undefined);

    yield;
    // Whether the cache is empty before this check's blocks (a first check): then all it holds after them is theirs.
    const fromEmpty = this.cached === 0 && this.blockLanguage.size === 0;
    const analysed = yield* this.analyseBlocks(parsed, raw, language, roles, config, options.token, bom, last, same);
    if (!analysed) return this.cancelledResult(language, format);
    const { blocks, errors, fresh, withFindings, withErrors, ordered, same: sameBlocks } = analysed;

    const model: DocumentModel = { text: input, format, language, blocks, sections: [], metrics: NO_METRICS, lines: bom ? new LineIndex(input) : lines, config };
    // Counts per run of blocks (rules/block-runs.ts, the cut the document rules share), summed anew only for runs
    // with a changed block: the sections' and the document's counts are sums of a few hundred runs, not of every block.
    const runs = RUN_COUNTS.runs(model, (from, to) => runCounts(blocks, from, to));
    const sectionCounts: Counts[] = [];
    // The runs' sums per innermost section and for the document, corrected for the runs the edit changed (see sumRuns).
    const sums = sumRuns(runs, headings.length, RUN_COUNTS.change());
    const sectionWords: SectionWords = { nl: [], en: [], levels: [] };
    // Where the lines are the last check's: when this check's line index was made from its (so `ends` compares the two texts).
    const lineShift: LineShift | undefined = last && !bom && previousLines !== undefined && last.lines === previousLines ? { prefix: ends.prefix, after: text.length - ends.suffix + 1, delta: text.length - previousLines.text.length, lines: lines.lineCount - previousLines.lineCount } : undefined;
    model.sections = this.buildSections(text, headings, raw.shifts, list.at, roles, sums, language, lines, bom, sectionCounts, last && last.epoch === this.epoch ? last : undefined, sectionWords, lineShift);
    const metrics = metricsOf(sums.doc, language);
    model.metrics = metrics;
    const sections = model.sections;

    // The per-block caches of the document rules and analyses for the blocks analysed anew, a few blocks per step.
    if (!(yield* this.warm(model, config, fresh, blocks, options.token))) return this.cancelledResult(language, format);
    // Findings: block rules (from the cache, mapped), then document rules, then analyses.
    // (Each finding screened for the fix guard as it is made, see Screen.)
    // (A text that is not plain is screened at its pairs' middles, when there are few enough to know: LineIndex.pairMiddles.)
    const middles = model.lines.plain ? undefined : model.lines.pairMiddles;
    const screen: Screen = { bom, n: input.length, clean: model.lines.plain || middles !== undefined, middles, withFixes: [], supersede: this.supersede, noted: [] };
    // The block rules' findings and each document rule's list, joined once (speed only, find36: ~900 findings pushed one
    // by one grew the list seven times per check at 100,000 words).
    const lists: Finding[][] = [this.blockFindings(blocks, config, withFindings, screen)];
    const ruleFindings = new Map<string, RuleFindings>();
    yield* this.documentFindings(model, config, errors, lists, last?.ruleFindings, ruleFindings, screen);
    // (In the findings' order: then they need no sort below.)
    const findings = mergeInOrder(lists);
    let inOrder = true;
    const analyses: Partial<DocumentAnalyses> = {};
    for (const a of this.analyses) {
      if (options.token?.cancelled) return this.cancelledResult(language, format);
      yield;
      try {
        analyses[a.id] = a.analyze(model);
      } catch (err) {
        errors.push({ ruleId: a.id, message: (err as Error).message });
      }
    }

    // The rules have read the words of the blocks analysed in this check: from now on they are made when asked.
    letGo(this.held);
    if (parsed.problems?.length) {
      const notes = parseNoteFindings(parsed.problems, bom);
      for (const f of notes) screenFinding(screen, f);
      findings.push(...notes);
      inOrder = false;
    }
    this.evict(blocks, name, fromEmpty);
    const dropped = dropSuperseded(findings, this.rules, screen.noted);
    const kept = applyDirectives(findings, parsed.directives.map((d) => ({ ...d, offset: d.offset + bom, endOffset: d.endOffset + bom })), model.lines);
    // (Dropping findings keeps the order; directives may move them.)
    if (!inOrder || kept !== findings) kept.sort(byPlace);
    // Fix texts are plain text: in LaTeX they are escaped, and edits that would cut into markup are widened or dropped.
    if (format === 'latex') secureLatexFixes(input, kept);
    // No range splits a CRLF; no fix touches what is not running prose (quotations, code, math, URLs, markup); see fixes.ts.
    // (The findings screened as they were made, when they are the ones kept, as they were: no directive made new ones,
    // and LaTeX's fixes were not changed.)
    const screened = screen.clean && kept === findings && format !== 'latex' ? (dropped ? screen.withFixes.filter((f) => !dropped.includes(f)) : screen.withFixes) : undefined;
    // Speed only (s31): the fix guard keeps the last check's verdicts on the edit objects before the edit (GuardKept): its
    // blocks up to the first one that is not the last check's object, in this text up to where it differs.
    const guardCheck = {};
    let guardKept: GuardKept | undefined;
    if (name !== undefined) {
      let bound = 0;
      if (last && ordered && last.ordered && last.bom === bom && last.lines === previousLines) {
        const lastBlocks = last.blocks;
        const n = Math.min(blocks.length, lastBlocks.length);
        // (The first `sameBlocks` are those objects already: analyseBlocks placed them from this last check.)
        let k = sameBlocks;
        while (k < n && blocks[k] === lastBlocks[k]) k++;
        bound = bom + Math.min(sharedPrefix, k < blocks.length ? blocks[k]!.blockStart : Infinity);
      }
      guardKept = { last: last?.guard, now: guardCheck, bound };
    }
    secureFindings(input, kept, () => guardLookup(blocks, bom, ordered), format, bom, model.lines.plain, screened, middles, guardKept);
    const result: LintResult = { language, format, metrics, sections, findings: kept, paragraphs: [], blocks, errors, model, analyses };
    if (name !== undefined) {
      // The next check of this document places the blocks an edit left alone from this one (while this result lives).
      const state: LastCheck = { blocks, roles, withFindings, withErrors, language, ckey: configKey(config), long: this.longSentenceWords(config), bom, headings: headings.length, ordered, sections, sectionCounts, titles: headings.map((h) => h.text), sums, words: sectionWords, lines: model.lines, epoch: this.epoch, headingList: keepsHeadings ? list : undefined, parseId: parseEdit?.id, ruleFindings, guard: guardCheck };
      LAST_OF.set(blocks, state);
      this.lastChecks.set(name, new WeakRef(state));
    }
    // The paragraphs with their metrics are made when read (a hover, a report), not at every check of an edit.
    let paragraphs: Paragraph[] | undefined;
    Object.defineProperty(result, 'paragraphs', {
      get: () => (paragraphs ??= paragraphsOf(blocks, bom)),
      set: (v: Paragraph[]) => {
        paragraphs = v;
      },
      enumerable: true,
      configurable: true,
    });
    return result;
  }

  /** The format's parser; on a parser failure, the text read as plain text with a problem that says so. */
  private *parseSafely(text: TextView, format: Format, config: BrugConfig, ends?: EditEnds): Generator<void, ParsedDocument> {
    try {
      // Markdown in steps (a chunk at a time); the other formats in one.
      if (format === 'markdown' && !this.formats?.markdown) return yield* parseMarkdownSteps(text, ends);
      return this.parse(text, format, config);
    } catch (err) {
      // A parser that fails on broken input must not take the user's text down with it.
      const parsed: ParsedDocument = format === 'plaintext' ? { format, blocks: [], directives: [] } : { ...parsePlaintext(flat(text)), format };
      parsed.problems = [{ offset: 0, message: { en: `Brug could not parse this ${format} file and read it as plain text (${(err as Error).message}).`, nl: `Brug kon dit ${format}-bestand niet ontleden en las het als platte tekst (${(err as Error).message}).` } }];
      return parsed;
    }
  }

  /**
   * Language: option, then a directive before the first block, then the document's own
   * declaration, then detection on a sample of its prose.
   */
  private documentLanguageOf(parsed: ParsedDocument, raw: RawBlocks, text: TextView, config: BrugConfig, options: LintOptions, last?: LastCheck): Language {
    const firstBlockStart = firstStart(raw) ?? text.length;
    const topDirective = parsed.directives.find((d) => d.kind === 'language' && d.offset <= firstBlockStart);
    const configured = config.language !== 'auto' ? config.language : undefined;
    return options.language ?? topDirective?.language ?? configured ?? parsed.declaredLanguage ?? this.detectSample(raw.blocks, last);
  }

  /**
   * The language of the last sample detected, with the blocks' texts it was joined from, the indices of those blocks and
   * the number of the Markdown reader's parse it was taken from last (formats/markdown.ts ParseEdit), if one.
   */
  private lastSample: { parts: string[]; language: Language; picked: number[]; parseId: number | undefined; read: number } | undefined;
  // (parts and picked: only those whose text the detection read, the first `sampleReach(parts, read)`.)

  /**
   * detectDocument(sampleProse(blocks)), without joining and hashing the sample when its parts are the last sample's
   * (an edit rarely touches one of the ~40 blocks it is taken from): the same sample, the same language. After an edit
   * of the document whose blocks it was taken from (the last check's, `last`), not even taken again: the same when the
   * edited stretch holds none of its blocks and as many blocks, each prose where it was (then every block is counted as
   * before and the same blocks are taken).
   *
   * Only the parts whose characters decided the language count (sampleReach; detectLanguageRead says how many
   * characters: franc's first 2,048 when it names Dutch or English; speed only, session 27): in a short document every
   * block is in the sample, and an edit of any block detected the language again (~0.8 ms, a fifth of an edit's check of
   * a 1,300-word report). The parts taken before the first part not read are the same blocks whatever the edited block's
   * length (sampleParts stops by the length of those taken).
   */
  private detectSample(blocks: ProseBlock[], last?: LastCheck): Language {
    const known = this.lastSample;
    if (known && known.parseId !== undefined && last && last.parseId === known.parseId && last.epoch === this.epoch) {
      const e = parseEditOf(blocks);
      if (e && e.previous === known.parseId && sameSampleAfterEdit(blocks, last.blocks, e, known.picked)) {
        known.parseId = e.id;
        return known.language;
      }
    }
    const picked: number[] = [];
    const all = sampleParts(blocks, picked);
    const parseId = parseEditOf(blocks)?.id;
    // The parts read last time are this sample's first (all of them, and no more, when the whole sample was read).
    if (known && all.length >= known.parts.length && (known.read !== Infinity || all.length === known.parts.length) && known.parts.every((p, i) => p === all[i])) {
      if (picked.length > known.parts.length) picked.length = known.parts.length;
      known.picked = picked;
      known.parseId = parseId;
      return known.language;
    }
    // (The characters the detection reads at most: the same answer, and one cache entry per such start.)
    const joined = all.join('\n');
    const { language, read } = this.detectDocument(joined.length > DETECTED_CHARS ? joined.slice(0, DETECTED_CHARS) : joined);
    const reach = sampleReach(all, read);
    if (picked.length > reach) picked.length = reach;
    // Copies of their own: a block's text may be a slice of this document version.
    this.lastSample = { parts: all.slice(0, reach).map(detach), language, picked, parseId, read };
    return language;
  }

  /** The long-sentence threshold the rule uses (the metrics' long-sentence share uses it too). */
  private longSentenceWords(config: BrugConfig): number {
    const longRule = this.rule('readability/long-sentence');
    const maxWords = longRule ? Number(this.context(longRule, config, longRule.meta.defaultSeverity).options.maxWords) : NaN;
    return Number.isFinite(maxWords) && maxWords > 0 ? maxWords : LONG_SENTENCE_WORDS[config.audience];
  }

  /** Every block analysed (through the cache) and placed in the document; undefined when cancelled. */
  private *analyseBlocks(parsed: ParsedDocument, raw: RawBlocks, language: Language, roles: SectionRole[], config: BrugConfig, token: LintOptions['token'], bom: number, last: LastCheck | undefined, same: BlockEnds): Generator<void, { blocks: PlacedBlock[]; errors: RuleError[]; fresh: number[]; withFindings: number[]; withErrors: number[]; ordered: boolean; same: number } | undefined> {
    const firstBlockStart = firstStart(raw) ?? 0;
    const languageDirectives = parsed.directives.filter((d) => d.kind === 'language' && d.offset > firstBlockStart);
    const ckey = configKey(config);
    const long = this.longSentenceWords(config);
    const pb = raw.blocks;
    // How far each block has moved since the parser made it (none: none has).
    const ps = raw.shifts;
    const n = pb.length;
    const blocks: PlacedBlock[] = new Array(n);
    const errors: RuleError[] = [];
    // Blocks whose analysis the document rules' warm-ups have not seen (new in this run, or a cancelled run's).
    const fresh: number[] = [];
    // Blocks with findings of block rules, and blocks with rule errors.
    const withFindings: number[] = [];
    const withErrors: number[] = [];
    // The last check of this document: the blocks before the edited stretch are its block objects (p of them), those
    // after it have its maps and texts (q of them); each is placed from its counterpart there without a look-up.
    const old = last && last.epoch === this.epoch && last.language === language && last.ckey === ckey && last.long === long && last.bom === bom ? last : undefined;
    const m = old ? old.blocks.length : 0;
    const p = old ? same.before : 0;
    const q = old ? same.after : 0;
    let hi = -1;
    let ldi = 0;
    let blockLang: Language | undefined;
    let sinceYield = 0;
    let i = 0;
    if (old && p > 0) {
      // Before the edited stretch: the last check's blocks as they were (the same block objects, skipped as they were),
      // up to the first section whose role changed. A block's result has its section's role in the last check, so the
      // roles are compared per section, and the blocks (in section order) are not read one by one. Their results are not
      // read either: the last check's lists say which have findings or errors, and a complete check warmed them all.
      const ob = old.blocks;
      const oldRoles = old.roles;
      let s = 0;
      while (s < oldRoles.length && roles[s] === oldRoles[s]) s++;
      // The first block in section s or later, at most p.
      const lo = sectionStart(ob, s, p);
      for (; i < lo; i++) blocks[i] = ob[i]!;
      // The blocks of a references section are skipped (as in the other loops): set again on the blocks of each such
      // section, found by their section (a parsed block object may have been handed out elsewhere since, without it).
      if (lo > 0) {
        const lastSection = ob[lo - 1]!.section;
        for (let rs = 0; rs <= lastSection; rs++) {
          if (roles[rs] !== 'references') continue;
          for (let k = sectionStart(ob, rs, lo); k < lo && ob[k]!.section === rs; k++) pb[k]!.skip = true;
        }
      }
      const wf = old.withFindings;
      for (let x = 0; x < wf.length && wf[x]! < i; x++) withFindings.push(wf[x]!);
      const we = old.withErrors;
      for (let x = 0; x < we.length && we[x]! < i; x++) {
        errors.push(...ob[we[x]!]!.result.errors);
        withErrors.push(we[x]!);
      }
      if (i > 0) hi = ob[i - 1]!.section;
    }
    // Whether the blocks are in document order (the fix guard looks near each edit only then): the last check's before
    // the edited stretch, the rest compared below.
    let ordered = old ? old.ordered : true;
    const prefixEnd = i;
    // After the edited stretch (the same maps and texts: blocks of the same parse of a chunk, moved), placed from the last
    // check's when nothing else can differ: no language directive (the document's language is the last one), each
    // section's role the same (its index moved by the headings the edit added or removed).
    let end = n;
    let nextStart = Infinity;
    if (old && q > 0 && languageDirectives.length === 0) {
      const ob = old.blocks;
      const oldRoles = old.roles;
      const dh = roles.length - old.headings;
      const from = n - q;
      // (The counterpart's result had the role of the counterpart's section in the last check: compared by section, the
      // results are not read.)
      for (let k = n - 1; k >= from && k >= i; k--) {
        const jk = k - n + m;
        const prev = ob[jk]!;
        const section = prev.section + dh;
        const role: SectionRole = section >= 0 ? roles[section]! : 'other';
        if (role !== (prev.section >= 0 ? oldRoles[prev.section] : 'other')) break;
        const b = pb[k]!;
        const shift = ps ? ps[k]! : 0;
        if (role === 'references') b.skip = true;
        // (Placed from its counterpart's result and hint, not read again: the reader hands out the same parser's object for
        // a block that moved, so the counterpart's Placing is kept.)
        blocks[k] = place(prev, prev.placing.result, prev.placing.hint, b, shift, section, (b.mapBase ?? 0) + bom);
        const start = b.start + shift;
        if (start > nextStart) ordered = false;
        nextStart = start;
        end = k;
      }
      // (errors and blocks with findings in document order, below)
    }
    let lastStart = prefixEnd > 0 ? pb[prefixEnd - 1]!.start + (ps ? ps[prefixEnd - 1]! : 0) : -Infinity;
    for (; i < end; i++) {
      const b = pb[i]!;
      const shift = ps ? ps[i]! : 0;
      const bStart = b.start + shift;
      if (token?.cancelled) return undefined;
      if (bStart < lastStart) ordered = false;
      lastStart = bStart;
      // A turn for the caller every few blocks (cached blocks cost almost nothing; a block analysed
      // anew counts more the longer it is, so that a step of long new paragraphs stays short too).
      if (sinceYield >= 16) {
        sinceYield = 0;
        yield;
      }
      if (b.kind === 'heading') hi++;
      while (ldi < languageDirectives.length && languageDirectives[ldi]!.offset <= bStart) blockLang = languageDirectives[ldi++]!.language;
      const role: SectionRole = hi >= 0 ? roles[hi]! : 'other';
      if (role === 'references') b.skip = true;
      // The block's entry by its map: the counterpart's in the last check, else looked up.
      const j = i < p ? i : i >= n - q ? i - n + m : -1;
      let hint: MapHint;
      if (j >= 0) hint = old!.blocks[j]!.hint;
      else {
        hint = this.byMap.get(b.map)!;
        if (!hint || hint.text !== b.text) this.byMap.set(b.map, (hint = { text: b.text }));
      }
      const lang = b.language ?? blockLang ?? this.languageOfBlock(b, language, hint);
      const made = this.made;
      const r = this.analyseCached(b, lang, role, config, ckey, long, hint);
      sinceYield += this.made === made ? 1 : 1 + (b.text.length >> 8);
      if (!r.warmed) fresh.push(i);
      if (r.errors.length) {
        errors.push(...r.errors);
        withErrors.push(i);
      }
      if (r.findings.length) withFindings.push(i);
      // The cached result placed in the document: this run's block, its section, the map's base.
      blocks[i] = place(j >= 0 ? old!.blocks[j] : undefined, r, hint, b, shift, hi, (b.mapBase ?? 0) + bom);
    }
    if (nextStart < lastStart) ordered = false;
    if (i < n) {
      // The blocks placed from the last check's after the edited stretch: its lists, moved (a complete check warmed them).
      const ob = old!.blocks;
      const shift = n - m;
      const wf = old!.withFindings;
      let x = firstAtOrAfter(wf, i - shift);
      for (; x < wf.length; x++) withFindings.push(wf[x]! + shift);
      const we = old!.withErrors;
      for (x = firstAtOrAfter(we, i - shift); x < we.length; x++) {
        errors.push(...ob[we[x]!]!.result.errors);
        withErrors.push(we[x]! + shift);
      }
    }
    // For those who compare these blocks with the last check's (engine/incremental.ts BlockEdit): its blocks before the
    // edited stretch, and the results it placed after it.
    if (old) noteBlockEdit(blocks, old.blocks, prefixEnd, n - end);
    // (`same`: the first blocks that are the last check's block objects, placed before the edited stretch.)
    return { blocks, errors, fresh, withFindings, withErrors, ordered, same: prefixEnd };
  }

  /**
   * Runs the warm-ups of the document rules and analyses that will run (rules/types.ts `warm`)
   * over the given blocks, WARM_STEP blocks per step: their per-block caches are then filled, and
   * the whole-document passes that read them are short. False when cancelled.
   */
  private *warm(model: DocumentModel, config: BrugConfig, fresh: number[], blocks: PlacedBlock[], token: LintOptions['token']): Generator<void, boolean> {
    if (fresh.length === 0) return true;
    const hooks: Array<(doc: DocumentModel, blocks: readonly number[]) => void> = [];
    for (const rule of this.rules) {
      if (rule.scope !== 'document' || !rule.warm || !this.severityOf(rule, config) || !rule.meta.languages.includes(model.language)) continue;
      hooks.push(rule.warm.bind(rule));
    }
    for (const a of this.analyses) if (a.warm) hooks.push(a.warm.bind(a));
    if (hooks.length === 0) return true;
    for (let i = 0; i < fresh.length; i += WARM_STEP) {
      if (i > 0) {
        if (token?.cancelled) return false;
        yield;
      }
      const part = fresh.length <= WARM_STEP ? fresh : fresh.slice(i, i + WARM_STEP);
      for (const hook of hooks) {
        try {
          hook(model, part);
        } catch {
          // The rule's own check meets the same problem and reports it.
        }
      }
      for (const j of part) blocks[j]!.result.warmed = true;
    }
    return true;
  }

  private severityOf(rule: Rule, config: BrugConfig): Severity | undefined {
    const s = config.rules[rule.meta.id]?.severity;
    if (s === 'off') return undefined;
    return s ?? rule.meta.defaultSeverity;
  }

  /** The block rules' findings (cached with the blocks) mapped to document offsets. */
  private blockFindings(blocks: PlacedBlock[], config: BrugConfig, withFindings: number[], screen: Screen): Finding[] {
    const findings: Finding[] = [];
    for (const i of withFindings) {
      const b = blocks[i]!;
      for (const f of b.result.findings) {
        const rule = this.rule(f.ruleId);
        if (!rule) continue;
        const sev = this.severityOf(rule, config);
        if (!sev) continue;
        const { offset, endOffset } = b.toDocument(f.start, f.end);
        const severity = config.rules[f.ruleId]?.severity && config.rules[f.ruleId]?.severity !== 'off' ? sev : (f.severity ?? sev);
        const fixes = !f.fixes?.length ? NO_FIXES : f.fixes.map((x) => ({
          ...x,
          edits: x.edits.map((e) => ({ newText: e.newText, ...b.toDocument(e.start, e.end) })),
        }));
        // (Data in the literal: see findingOf.)
        const finding: Finding = f.data ? { ruleId: f.ruleId, severity, message: f.message, offset, endOffset, fixes, data: f.data } : { ruleId: f.ruleId, severity, message: f.message, offset, endOffset, fixes };
        findings.push(finding);
        screenFinding(screen, finding);
      }
    }
    return findings;
  }

  /**
   * The document rules' findings, each rule's list added to `lists`; a rule that throws adds an error and the others go
   * on. Each rule's findings and the engine's made of them go in `made` (for the next check of the document, which gets
   * this check's as `last`).
   */
  private *documentFindings(model: DocumentModel, config: BrugConfig, errors: RuleError[], lists: Finding[][], last: Map<string, RuleFindings> | undefined, made: Map<string, RuleFindings>, screen: Screen): Generator<void, void> {
    for (const rule of this.rules) {
      if (rule.scope !== 'document') continue;
      const sev = this.severityOf(rule, config);
      if (!sev || !rule.meta.languages.includes(model.language)) continue;
      yield;
      try {
        const id = rule.meta.id;
        const prev = last?.get(id);
        const checked = prev && this.documentRulesOnce(id) ? prev.made : rule.check(model, this.context(rule, config, sev));
        const list = this.documentRulesSilent.size > 0 && this.documentRulesSilent.has(id) ? NO_DOCUMENT_FINDINGS : checked;
        const n = list.length;
        // Speed only (eng33): the rule's findings at the ends of its list that are the objects at the ends of its last
        // list (a rule hands out again what an edit left alone, and moves in place what the edit moved) are compared
        // with the engine's made of those at the last check, read by index: no look-up of each of ~900 findings by
        // object per edit at 100,000 words (asFinding's). The rest are looked up as before. The ends are found by
        // comparing the lists' objects alone; then each finding is made (or handed out again) and screened in one pass
        // in the list's order (speed only, find36: the findings were read twice).
        let p = 0;
        let q = 0;
        // (The lists as they were made: the rule's own list may have been changed since.)
        const pm = prev && prev.made.length === prev.out.length ? prev.made : undefined;
        if (pm) {
          const m = pm.length;
          const k = Math.min(n, m);
          while (p < k && list[p] === pm[p]) p++;
          while (q < k - p && list[n - 1 - q] === pm[m - 1 - q]) q++;
        }
        const out: Finding[] = new Array(n);
        const offsets: number[] = new Array(n);
        const noted = screen.supersede.has(id);
        const from = n - q;
        // (Where the last check's counterpart of a finding at the end is: its index there less this one.)
        const shift = pm ? pm.length - n : 0;
        // (Indexed: no iterator result per finding at every edit.)
        for (let i = 0; i < n; i++) {
          const f = i < p ? asFindingAfter(list[i]!, id, sev, prev!.out[i]!, prev!.offsets[i]!) : i >= from ? asFindingAfter(list[i]!, id, sev, prev!.out[i + shift]!, prev!.offsets[i + shift]!) : asFinding(list[i]!, id, sev);
          out[i] = f;
          offsets[i] = f.offset;
          screenFinding(screen, f, noted);
        }
        lists.push(out);
        made.set(id, { made: list, out, offsets });
      } catch (err) {
        errors.push({ ruleId: rule.meta.id, message: (err as Error).message });
      }
    }
  }

  /**
   * Keeps the cache to about what the documents in use need: once it holds more than the
   * blocks of this run and a few more (at least 64, a 64th of the run: each edit leaves
   * the old version of a block behind) and more than the configured floor, blocks no run used
   * since the previous one go. (At 1.5 × the blocks, an editor session on a 100,000-word
   * document kept some 850 stale analysed blocks, ~40 MB.)
   */
  private evict(blocks: readonly PlacedBlock[], name: string | undefined, fromEmpty: boolean): void {
    const blocksThisRun = blocks.length;
    // (A 16th until session 35: up to ~375 stale analyses kept at 6,000 blocks between two sweeps, a sweep (a pass over
    // the cache) every ~375 analyses made; now ~94, a sweep every ~94.)
    const slack = Math.max(64, Math.ceil(blocksThisRun / 64));
    let live: (r: BlockResult) => boolean;
    if (name !== undefined) {
      // A check that began with an empty cache: all the cache holds is this run's, used by it (and each block language
      // is the language of a block it holds). The sweep would keep everything.
      if (fromEmpty) {
        this.made = 0;
        return;
      }
      // A document checked by name (the language server): what the last run of each of the recent
      // documents used stays, whatever their number and size; the rest are old versions of blocks
      // that edits replaced. Swept once the blocks made since the last sweep exceed the slack
      // (the cache's bound floor would let a short document keep ~1,000 old blocks, ~40 KB each).
      if (this.made <= slack) return;
      const runs = new Set(this.lastRuns.values());
      // A run places the blocks before and after an edited stretch from its last check without renewing their results'
      // `used`: the results of each recent document's last check (this run's for this document) stay too.
      const placed = new Set<BlockResult>();
      for (const b of blocks) placed.add(b.result);
      for (const other of this.lastRuns.keys()) {
        if (other === name) continue;
        const check = this.lastChecks.get(other)?.deref();
        if (check && check.epoch === this.epoch) for (const b of check.blocks) placed.add(b.result);
      }
      live = (r) => runs.has(r.used) || placed.has(r);
    } else {
      if (this.cached <= Math.max(this.cacheSize, blocksThisRun + slack)) return;
      const keep = this.generation - 1;
      live = (r) => r.used >= keep;
    }
    this.made = 0;
    this.cache.filter((variants) => {
      const kept = variants.filter(live);
      if (kept.length < variants.length) for (const v of variants) if (!kept.includes(v)) v.evicted = true;
      this.cached -= variants.length - kept.length;
      return kept.length === 0 ? undefined : kept.length === variants.length ? variants : kept;
    });
    // Languages of blocks go with their analyses (each edit left a copy of the old block's text here).
    this.blockLanguage.filter((lang, text) => (this.cache.get(text) !== undefined ? lang : undefined));
  }

  private cancelledResult(language: Language, format: Format): LintResult {
    letGo(this.held);
    const metrics = metricsOf(emptyCounts(), language);
    const model: DocumentModel = { text: '', format, language, blocks: [], sections: [], metrics, lines: new LineIndex(''), config: defaultConfig() };
    return { language, format, metrics, sections: [], findings: [], paragraphs: [], blocks: [], errors: [], model, analyses: {}, cancelled: true };
  }

  private blockPlan: { ckey: string; config: BrugConfig; byLanguage: Map<Language, Array<{ rule: BlockRule; context: RuleContext }>> } | undefined;

  /** The block rules that run for a language under a configuration, each with its context (built once per configuration). */
  private blockRulesFor(language: Language, config: BrugConfig, ckey: string): Array<{ rule: BlockRule; context: RuleContext }> {
    if (!this.blockPlan || this.blockPlan.ckey !== ckey || this.blockPlan.config !== config) this.blockPlan = { ckey, config, byLanguage: new Map() };
    let list = this.blockPlan.byLanguage.get(language);
    if (!list) {
      list = [];
      for (const rule of this.rules) {
        if (rule.scope !== 'block' || !rule.meta.languages.includes(language)) continue;
        const sev = config.rules[rule.meta.id]?.severity;
        if (sev === 'off') continue;
        list.push({ rule, context: this.context(rule, config, sev ?? rule.meta.defaultSeverity) });
      }
      this.blockPlan.byLanguage.set(language, list);
    }
    return list;
  }

  private context(rule: Rule, config: BrugConfig, severity: Severity): RuleContext {
    const options: RuleOptions = { ...rule.meta.options[config.audience], ...(config.rules[rule.meta.id]?.options as RuleOptions | undefined) };
    return { config, audience: config.audience, options, severity };
  }

  /**
   * A block of 25 words or more in the other language is checked in that language. A shorter block is checked in the
   * document's: counted again when its map is new (a look at its first 25 words, cheaper than remembering the answer by
   * its text, as the longer blocks' languages are).
   */
  private languageOfBlock(b: ProseBlock, doc: Language, hint: { text: string; language?: Language | 'short' }): Language {
    if (b.kind === 'heading' || b.kind === 'tableCell') return doc;
    const known = hint.language;
    if (known) return known === 'short' ? doc : known;
    if (piecesUpTo(b.text, 25) < 25) {
      hint.language = 'short';
      return doc;
    }
    let lang = this.blockLanguage.get(b.text);
    if (!lang) {
      // Function words settle most blocks; franc is asked only when they point elsewhere.
      lang = detectByFunctionWords(b.text) === doc ? doc : detectLanguage(b.text, doc);
      this.blockLanguage.set(b.text, lang);
    }
    hint.language = lang;
    return lang;
  }

  /**
   * Document language by detection, remembered per sample (an edit rarely changes it), under a key made of the sample
   * (cache.ts textKey), not the sample itself: a sample is ~40 blocks' text (16 KB at the start of a book), and each edit of a
   * sampled block stored one more copy, up to the cache's 1,000 entries (session 21: 23 copies, 0.36 MB, after 1,000
   * edits at 100,000 words; tens of MB over a long session).
   */
  private detectDocument(sample: string): { language: Language; read: number } {
    const key = textKey(sample);
    let found = this.documentLanguage.get(key);
    if (!found) {
      found = detectLanguageRead(sample);
      this.documentLanguage.set(key, found, true);
    }
    return found;
  }

  private analyseCached(b: ProseBlock, language: Language, role: SectionRole, config: BrugConfig, ckey: string, long: number, hint: { text: string; result?: BlockResult }): BlockResult {
    // The block's last result, when it is still cached (eviction keeps what the last run used) and nothing else changed.
    const last = hint.result;
    if (last && !last.evicted && sameVariant(last, b, language, role, ckey)) {
      last.used = this.generation;
      return last;
    }
    const r = this.analyseByText(b, language, role, config, ckey, long);
    hint.result = r;
    // The entry outlives this check with the analysis (it is kept by the block's map): the text it names is the block's
    // copy (see analyseByText), not the slice it was made with.
    hint.text = b.text;
    return r;
  }

  private analyseByText(b: ProseBlock, language: Language, role: SectionRole, config: BrugConfig, ckey: string, long: number): BlockResult {
    // Keyed by the block text first: adapters hand out the same string objects for unchanged
    // blocks, so the look-up does not rehash the text; then by what else shapes the result.
    let variants = this.cache.get(b.text);
    if (variants) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[k]!;
        if (sameVariant(v, b, language, role, ckey)) {
          v.used = this.generation;
          return v;
        }
      }
    }
    // The cached analysis keeps its block, and the block its text: a copy, never a slice of this document version (the
    // plain-text and LaTeX readers' block texts are slices of the document), which would keep the whole version alive
    // as long as the analysis is cached. (Strings compare by value, so the copy replaces the block's text: the block is
    // this check's, and its text the same characters.)
    const own = detach(b.text);
    b.text = own;
    const analysed = analyseBlock(b, language, role, long);
    const facts: Record<string, unknown> = {};
    const findings: BlockResult['findings'] = [];
    const errors: RuleError[] = [];
    if (!b.skip) {
      // (Indexed loops here: a first check runs this for every block before V8 has optimised it, and a for-of there
      // makes an iterator result per step.)
      const analyzers = this.analyzers;
      for (let k = 0; k < analyzers.length; k++) {
        const a = analyzers[k]!;
        try {
          facts[a.id] = a.analyze(analysed, config);
        } catch (err) {
          errors.push({ ruleId: a.id, message: (err as Error).message });
        }
      }
      const quotes = analysed.quotes;
      const plan = this.blockRulesFor(language, config, ckey);
      for (let k = 0; k < plan.length; k++) {
        const { rule, context } = plan[k]!;
        try {
          const made = rule.check(analysed, context);
          for (let j = 0; j < made.length; j++) {
            const f = made[j]!;
            // Quoted speech is the client's own voice: no rule corrects it.
            if (quotes.length && quotes.some(([qs, qe]) => f.start >= qs && f.end <= qe)) continue;
            findings.push({ ...f, ruleId: rule.meta.id });
          }
        } catch (err) {
          errors.push({ ruleId: rule.meta.id, message: (err as Error).message });
        }
      }
    }
    // Tokens served the rules above; the cache keeps sentences and their words, packed (text/analyse.ts).
    keepCompact(analysed, this.held, this.space);
    const result: BlockResult = {
      // (Most blocks have neither: one shared empty list each instead of two arrays a block, kept while the block is cached.)
      analysed, findings: findings.length ? findings : NO_BLOCK_FINDINGS, facts, errors: errors.length ? errors : NO_RULE_ERRORS, used: this.generation,
      language, role, kind: b.kind, level: b.level ?? 0, quoted: !!b.quoted, skip: !!b.skip, ckey, placeholders: b.placeholders,
    };
    if (!variants) this.cache.set(own, (variants = []), true);
    variants.push(result);
    this.cached++;
    this.made++;
    return result;
  }

  /**
   * The sections, their counts (added to `counts`) and their words per language and levels (`words`) from the runs' sums. After an
   * edit that left the headings' number and levels as they were (`last`, the last check of the document), the sections
   * whose own sums and whose subsections' sums are the last check's objects (sumRuns keeps those of the sections the
   * changed runs do not touch) keep the last check's counts; only the sections the edit touched and those around them
   * are added up anew (speed only, eng33: no counts made and added for each of ~90 sections per edit at 100,000 words).
   * `lineShift`: how the lines of the text before and after the changed stretch are the last check's (see LineShift).
   * `headings` are the parser's blocks `at[i]` (raw: each moved `shifts[at[i]]` characters on, if any moved).
   */
  private buildSections(text: TextView, headings: ProseBlock[], shifts: Int32Array | undefined, at: readonly number[], roles: SectionRole[], sums: RunSums, language: Language, lines: LineIndex, bom: number, counts: Counts[] = [], last?: LastCheck, words: SectionWords = { nl: [], en: [], levels: [] }, lineShift?: LineShift): Section[] {
    const sections: Section[] = [];
    const n = headings.length;
    const levels = words.levels;
    for (let i = 0; i < n; i++) levels.push(headings[i]!.level ?? 1);
    const stack: number[] = [];
    const parent: number[] = new Array(n);
    for (let hi = 0; hi < n; hi++) {
      const level = levels[hi]!;
      while (stack.length && levels[stack[stack.length - 1]!]! >= level) stack.pop();
      parent[hi] = stack.length ? stack[stack.length - 1]! : -1;
      stack.push(hi);
    }
    // The sections whose counts are made anew: those whose own sums are not the last check's, and the sections around
    // them (all, without a last check of the same structure).
    const prev = last && last.words.levels.length === n && sameNumbers(last.words.levels, levels) ? last : undefined;
    let fresh: boolean[] | undefined;
    if (prev) {
      const was = prev.sums;
      fresh = new Array(n).fill(false);
      for (let i = 0; i < n; i++) {
        if (sums.inner[i] === was.inner[i] && sums.nl[i] === was.nl[i] && sums.en[i] === was.en[i]) continue;
        for (let x = i; x >= 0 && !fresh[x]; x = parent[x]!) fresh[x] = true;
      }
    }
    // Each block counts for its own section and every enclosing one: summed per innermost section (a run of blocks
    // never spans two sections, and a block's section is its innermost one; sumRuns), then each section's sum added to
    // the one around it (innermost first). (A section kept whole keeps the last check's: never added to.)
    const nl = words.nl;
    const en = words.en;
    for (let i = 0; i < n; i++) {
      if (fresh && !fresh[i]) {
        counts.push(prev!.sectionCounts[i]!);
        nl.push(prev!.words.nl[i]!);
        en.push(prev!.words.en[i]!);
      } else {
        counts.push(addCounts(emptyCounts(), sums.inner[i]!));
        nl.push(sums.nl[i]!);
        en.push(sums.en[i]!);
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      const p = parent[i]!;
      if (p < 0 || (fresh && !fresh[p])) continue;
      addCounts(counts[p]!, counts[i]!);
      nl[p]! += nl[i]!;
      en[p]! += en[i]!;
    }
    // A section's content ends where the next heading of the same or a higher level starts.
    const ends: number[] = new Array(n).fill(text.length);
    const open: number[] = [];
    for (let j = 0; j < n; j++) {
      const level = levels[j]!;
      while (open.length && levels[open[open.length - 1]!]! >= level) ends[open.pop()!] = headings[j]!.start + (shifts ? shifts[at[j]!]! : 0);
      open.push(j);
    }
    for (let i = 0; i < n; i++) {
      const h = headings[i]!;
      const level = levels[i]!;
      const contentEnd = ends[i]!;
      const lang: Language = nl[i] === 0 && en[i] === 0 ? language : nl[i]! >= en[i]! ? 'nl' : 'en';
      // The last check's section with the same heading text, before the edit (the same index) or after it (moved by the
      // headings the edit added or removed): its title, and its metrics when its counts and language are the same.
      let was: Section | undefined;
      let wasCounts: Counts | undefined;
      if (last) {
        const dh = n - last.headings;
        const k = last.titles[i] === h.text ? i : last.titles[i - dh] === h.text ? i - dh : -1;
        if (k >= 0) {
          was = last.sections[k];
          wasCounts = last.sectionCounts[k];
        }
      }
      const title = was ? was.title : h.text.trim().replace(/\s+/g, ' ');
      const metrics = was && wasCounts && was.language === lang && (wasCounts === counts[i] || sameCounts(wasCounts, counts[i]!)) ? was.metrics : metricsOf(counts[i]!, lang);
      const role = roles[i]!;
      const shift = shifts ? shifts[at[i]!]! : 0;
      const hStart = h.start + shift;
      const offset = hStart + bom;
      const endOffset = h.end + shift + bom;
      const end = contentEnd + bom;
      // The heading's line: the last check's section's, when the heading is in the text before the changed stretch or
      // after it (then moved by the lines the edit added or removed) and that section is where the heading was.
      let line: number;
      if (was && lineShift && hStart < lineShift.prefix && was.offset === offset) line = was.line;
      else if (was && lineShift && hStart >= lineShift.after && was.offset === offset - lineShift.delta) line = was.line + lineShift.lines;
      else line = lines.position(hStart).line + 1;
      if (was && was.metrics === metrics && was.level === level && was.role === role && was.line === line && was.offset === offset && was.endOffset === endOffset && was.contentEnd === end) {
        sections.push(was);
        continue;
      }
      sections.push({ title, level, role, line, offset, endOffset, contentEnd: end, language: lang, metrics });
    }
    return sections;
  }
}

/** Each section's words per language with its subsections', and its heading's level (buildSections). */
interface SectionWords {
  nl: number[];
  en: number[];
  levels: number[];
}

/**
 * How the text's lines stand to the last check's (speed only, eng33): the same before `prefix`, and from `after` on
 * (where the text is the last one's, moved `delta` characters, and no line start depends on the changed stretch) each
 * `lines` lines on.
 */
interface LineShift {
  prefix: number;
  after: number;
  delta: number;
  lines: number;
}

/** Whether two lists of numbers are the same. */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What a run of blocks adds to the document's counts (every block) and to its section's (all but headings), and its words per language. */
interface RunCounts {
  all: Counts;
  body: Counts;
  nl: number;
  en: number;
}

/** The runs' counts, kept per run while the run has the same blocks (their analyses fix counts, kind and language). */
const RUN_COUNTS = new RunSlots<RunCounts>();

/** The runs' counts summed per innermost section (headings left out; words per language too) and for the document (all blocks). */
interface RunSums {
  inner: Counts[];
  nl: number[];
  en: number[];
  doc: Counts;
}

/** Each list of runs RUN_COUNTS handed out with its sums (read by the next call's change(); held by the runs only). */
const RUN_SUMS = new WeakMap<ReadonlyArray<Run<RunCounts>>, RunSums>();

/**
 * The sums of runs of blocks in `sections` sections (sections.ts numbering: -1 before the first heading). After an edit
 * (`change`, RunSlots.change() of RUN_COUNTS) they are the last call's, corrected: the document's by the runs that went
 * and came; the sections wholly before the changed runs keep their sums, those wholly after them the sums of their
 * counterparts (renumbered by the headings the edit added or removed), and the sections the changed runs touch are
 * summed anew. Counts are whole numbers: the same sums as adding every run. Sums are never changed once made.
 */
function sumRuns(runs: Array<Run<RunCounts>>, sections: number, change: RunChange<RunCounts> | undefined): RunSums {
  const last = change ? RUN_SUMS.get(change.previous) : undefined;
  const sums = last && change ? correctedSums(runs, sections, change, last) : undefined;
  if (sums) {
    RUN_SUMS.set(runs, sums);
    return sums;
  }
  const inner: Counts[] = new Array(sections);
  const nl: number[] = new Array(sections).fill(0);
  const en: number[] = new Array(sections).fill(0);
  for (let i = 0; i < sections; i++) inner[i] = emptyCounts();
  const doc = emptyCounts();
  for (const r of runs) addCounts(doc, r.value.all);
  addSections(runs, 0, runs.length, 0, sections - 1, inner, nl, en);
  const out = { inner, nl, en, doc };
  RUN_SUMS.set(runs, out);
  return out;
}

/** sumRuns from the last call's sums (see there); undefined when the runs do not stand as change() says. */
function correctedSums(runs: Array<Run<RunCounts>>, sections: number, change: RunChange<RunCounts>, last: RunSums): RunSums | undefined {
  const prev = change.previous;
  const { before, after } = change;
  const lastSections = last.inner.length;
  const dh = sections - lastSections;
  const doc = addCounts(emptyCounts(), last.doc);
  for (let k = before; k < prev.length - after; k++) subtractCounts(doc, prev[k]!.value.all);
  for (let k = before; k < runs.length - after; k++) addCounts(doc, runs[k]!.value.all);
  // Sections below s1 have runs only before the changed ones, sections above s2 only after them (sections rise along the runs).
  const s1 = before > 0 ? runs[before - 1]!.section : -1;
  const s2 = after > 0 ? runs[runs.length - after]!.section : sections;
  const lo = Math.max(0, s1);
  const hi = Math.min(sections - 1, s2);
  if (lo > lastSections || sections - 1 - dh >= lastSections || hi + 1 - dh < 0) return undefined;
  const inner: Counts[] = new Array(sections);
  const nl: number[] = new Array(sections);
  const en: number[] = new Array(sections);
  for (let s = 0; s < lo; s++) {
    inner[s] = last.inner[s]!;
    nl[s] = last.nl[s]!;
    en[s] = last.en[s]!;
  }
  for (let s = hi + 1; s < sections; s++) {
    inner[s] = last.inner[s - dh]!;
    nl[s] = last.nl[s - dh]!;
    en[s] = last.en[s - dh]!;
  }
  for (let s = lo; s <= hi; s++) {
    inner[s] = emptyCounts();
    nl[s] = 0;
    en[s] = 0;
  }
  // The runs of sections lo..hi: from the first run of s1 to the last run of s2.
  let from = before > 0 ? before - 1 : 0;
  while (from > 0 && runs[from - 1]!.section >= lo) from--;
  let to = after > 0 ? runs.length - after : runs.length;
  while (to < runs.length && runs[to]!.section <= hi) to++;
  addSections(runs, from, to, lo, hi, inner, nl, en);
  return { inner, nl, en, doc };
}

/** Adds runs[from, to) of sections lo..hi to those sections' sums (the runs of other sections left out). */
function addSections(runs: Array<Run<RunCounts>>, from: number, to: number, lo: number, hi: number, inner: Counts[], nl: number[], en: number[]): void {
  for (let k = from; k < to; k++) {
    const r = runs[k]!;
    if (r.section < lo || r.section > hi) continue;
    addCounts(inner[r.section]!, r.value.body);
    nl[r.section]! += r.value.nl;
    en[r.section]! += r.value.en;
  }
}

/** into − c, field by field (the counts of runs that went). */
function subtractCounts(into: Counts, c: Counts): void {
  into.words -= c.words;
  into.sentences -= c.sentences;
  into.syllables -= c.syllables;
  into.syllableWords -= c.syllableWords;
  into.letters -= c.letters;
  into.characters -= c.characters;
  into.longWords -= c.longWords;
  into.polysyllables -= c.polysyllables;
  into.complexWords -= c.complexWords;
  into.longSentences -= c.longSentences;
  into.passives -= c.passives;
}

function runCounts(blocks: readonly PlacedBlock[], from: number, to: number): RunCounts {
  const out: RunCounts = { all: emptyCounts(), body: emptyCounts(), nl: 0, en: 0 };
  for (let i = from; i < to; i++) {
    // The cached analysis: counts and language do not depend on the place, nor the kind (a cached result's variant).
    const a = blocks[i]!.core;
    addCounts(out.all, a.counts);
    if (a.block.kind === 'heading') continue;
    addCounts(out.body, a.counts);
    out[a.language] += a.counts.words;
  }
  return out;
}

/** The metrics of a model under construction (replaced before any rule reads it). */
const NO_METRICS = metricsOf(emptyCounts(), 'en');

const SPACE = /\s/;

/** `text.split(/\s+/).length`, counted without splitting and only up to `max`. */
export function piecesUpTo(text: string, max: number): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < text.length && n < max; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(text[i]!));
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

/** The headings and the role of each (summary, method, references, …). */
function headingRoles(blocks: ProseBlock[], vocab: RoleVocabulary, lastList?: LastHeadings): { headings: ProseBlock[]; roles: SectionRole[]; list: HeadingList } {
  // The role words are data (dictionaries/*/section-roles); sections.ts reads level, prose before and the section's own text
  // (read anew only where the edit changed the blocks, when the last check's list is given).
  const list = headingInfosAfterEdit(blocks, lastList);
  const infos = list.infos;
  const headings = new Array<ProseBlock>(list.at.length);
  for (let i = 0; i < headings.length; i++) headings[i] = blocks[list.at[i]!]!;
  // Roles depend on nothing else: an edit that leaves every heading and the start of every section as it was keeps them.
  // (A section's content only counts where the assignment read it: most sections' roles come from their titles.)
  const known = lastRoles.get(vocab);
  if (known && sameInfos(known.infos, infos, known.read)) return { headings, roles: [...known.roles], list };
  const read: boolean[] = new Array(infos.length).fill(false);
  const roles = assignRoles(infos, vocab, read);
  // Kept as copies of their own: a title or section start may be a slice of this document version, which must not stay alive with it.
  // (A section's content is made by joining its blocks' parts, never a slice: kept as it is, it compares at once next time.)
  lastRoles.set(vocab, { infos: infos.map((h) => ({ ...h, title: detach(h.title) })), roles: [...roles], read });
  return { headings, roles, list };
}

/** How a parse's blocks stand to the last check's (see sameEnds). */
export interface BlockEnds {
  /** The first `before` blocks are the last check's block objects. */
  before: number;
  /** The last `after` blocks have the maps and texts of the last check's last `after` (a parser's blocks, moved). */
  after: number;
}
const NO_ENDS: BlockEnds = { before: 0, after: 0 };

/** Where the first block starts (its range), if any. */
function firstStart(raw: RawBlocks): number | undefined {
  const b = raw.blocks[0];
  return b === undefined ? undefined : b.start + (raw.shifts ? raw.shifts[0]! : 0);
}

/**
 * The ends a parse's blocks share with the last check's placed blocks (`before + after` at most the shorter length),
 * compared past `known` (ends a caller knows to be the same, such as the Markdown reader's ParseEdit: the loops start there).
 */
export function sameEnds(raw: RawBlocks, ob: readonly PlacedBlock[], known: BlockEnds = NO_ENDS): BlockEnds {
  const pb = raw.blocks;
  const ps = raw.shifts;
  const n = pb.length;
  const m = ob.length;
  const k = Math.min(n, m);
  let p = Math.min(known.before, k);
  while (p < k && pb[p] === ob[p]!.raw && (ps ? ps[p]! : 0) === ob[p]!.shift) p++;
  let q = Math.min(known.after, k - p);
  while (q < k - p) {
    const a = pb[n - 1 - q]!;
    const o = ob[m - 1 - q]!.raw;
    if (a.map !== o.map || a.text !== o.text) break;
    q++;
  }
  return { before: p, after: q };
}

/**
 * Whether two lists of heading infos are alike in all that roles are assigned from (compared field by field, without
 * joining them into one key): the contents only of the headings whose content the assignment read (`read`; assignRoles).
 */
function sameInfos(a: HeadingInfo[], b: HeadingInfo[], read: readonly boolean[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.level !== y.level || !!x.afterProse !== !!y.afterProse || !!x.declaredTitle !== !!y.declaredTitle || x.title !== y.title || (read[i] && (x.content ?? '') !== (y.content ?? ''))) return false;
  }
  return true;
}

/**
 * The last roles assigned per role vocabulary, with the heading infos they were assigned from (titles and section starts:
 * copies, no document text) and whether each heading's content was read.
 */
const lastRoles = new WeakMap<RoleVocabulary, { infos: HeadingInfo[]; roles: SectionRole[]; read: boolean[] }>();

/** Paragraphs and list items with words, with their metrics (for hovers and the report). */
function paragraphsOf(blocks: PlacedBlock[], bom: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const b of blocks) {
    // The parser's block and the cached analysis (no copy or placed analysis made for a moved block).
    const kind = b.raw.kind;
    if (kind !== 'paragraph' && kind !== 'listItem') continue;
    const a = b.core;
    if (a.counts.words === 0) continue;
    paragraphs.push({ offset: b.blockStart + bom, endOffset: b.blockEnd + bom, language: a.language, metrics: blockMetrics(a.counts, a.language) });
  }
  return paragraphs;
}

/** A block's metrics, computed once per cached analysis (its counts object) and language. */
function blockMetrics(counts: Counts, language: Language): Metrics {
  let known = BLOCK_METRICS.get(counts);
  if (!known) BLOCK_METRICS.set(counts, (known = {}));
  return (known[language] ??= metricsOf(counts, language));
}
const BLOCK_METRICS = new WeakMap<Counts, Partial<Record<Language, Metrics>>>();

/**
 * The texts of the blocks a document's language is detected from (joined by line breaks): up to ~8,000 characters
 * spread over the document, prose first (every step-th paragraph or list item, else every step-th block).
 */
function sampleParts(blocks: ProseBlock[], picked?: number[]): string[] {
  let prose = 0;
  for (const b of blocks) if (isProse(b)) prose++;
  const pool = prose || blocks.length;
  const step = Math.max(1, Math.floor(pool / 40));
  const parts: string[] = [];
  let size = 0;
  // The pool's i-th block is taken when i is a multiple of step, while the sample is short.
  let i = 0;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (size >= 8000) break;
    if (prose && !isProse(b)) continue;
    if (i++ % step !== 0) continue;
    parts.push(b.text);
    picked?.push(k);
    size += b.text.length;
  }
  return parts;
}

/**
 * How many of a sample's parts the detection read, when it read the first `read` characters of their join by line feeds
 * (detectLanguageRead): those that start within them, the line feed before each counted. The parts after them cannot
 * change its answer, and their number neither.
 */
function sampleReach(parts: readonly string[], read: number): number {
  // Where the join so far ends: part i (after the first) begins with a line feed there, read only when that is.
  let end = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0 && end >= read) return i;
    end += (i > 0 ? 1 : 0) + parts[i]!.length;
  }
  return parts.length;
}

function isProse(b: ProseBlock): boolean {
  return b.kind === 'paragraph' || b.kind === 'listItem';
}

/**
 * Whether sampleParts() takes the same blocks' texts from a parse's blocks as it took (`picked`) from the last check's
 * (`ob`), the blocks of the parse that `e` compares with: as many blocks, the same kind of block (prose or not) at each
 * index in the edited stretch, and no block taken from there. (Before and after the stretch the blocks are the last
 * parse's, or have their texts.)
 */
function sameSampleAfterEdit(pb: readonly ProseBlock[], ob: readonly PlacedBlock[], e: BlockEnds, picked: readonly number[]): boolean {
  if (pb.length !== ob.length) return false;
  const from = e.before;
  const to = pb.length - e.after;
  for (let x = 0; x < picked.length; x++) if (picked[x]! >= from && picked[x]! < to) return false;
  for (let i = from; i < to; i++) if (isProse(pb[i]!) !== isProse(ob[i]!.raw)) return false;
  return true;
}

/**
 * The fixes of a finding without any, shared by all such findings (most of them: ~850 at 100,000 words, made anew at every
 * check of an edit); frozen, since nothing may add to it (a finding that gets fixes gets an array of its own).
 */
const NO_FIXES: Fix[] = Object.freeze([]) as unknown as Fix[];
/** A silent rule's findings (EngineOptions.documentRulesSilent): none, shared. */
const NO_DOCUMENT_FINDINGS: DocumentFinding[] = Object.freeze([]) as unknown as DocumentFinding[];

/**
 * A document rule's finding as the engine's: with its rule id, severity and fixes (the fields a document finding has,
 * listed rather than spread, so that all findings share a few shapes; a field the rule left out stays out).
 */
function asFinding(f: DocumentFinding, ruleId: string, severity: Severity): Finding {
  const sev = f.severity ?? severity;
  const fixes = f.fixes?.length ? f.fixes : NO_FIXES;
  // The one made of this finding at the last check, when every field is still as it was: a rule hands out the same
  // finding object again for what an edit left alone (speed and memory only: ~900 findings per edit at 100,000 words,
  // each kept until the next check). Nothing changes a finding afterwards but the engine's own passes, which set a new
  // range or fixes (fixes.ts snapFinding, guardFixes): such a finding differs from its rule's and is made anew.
  const last = MADE.get(f);
  if (last !== undefined && madeAs(last, f, ruleId, sev, fixes)) return last;
  const out = findingOf(f, ruleId, sev, fixes);
  MADE.set(f, out);
  return out;
}

/** Whether the engine's finding `made` is what findingOf() would make of `f` now (every field the same). */
function madeAs(made: Finding, f: DocumentFinding, ruleId: string, severity: Severity, fixes: Fix[]): boolean {
  return made.offset === f.offset && made.endOffset === f.endOffset && made.fixes === fixes && made.severity === severity && made.message === f.message && made.related === f.related && made.data === f.data && made.ruleId === ruleId;
}

/**
 * The engine's finding of a document rule's, its fields in the order they always had (related and data only when the
 * rule gave them). Speed only (eng34): made in one literal per shape, with every field in the object itself: a field
 * added after the literal went to a separate property store (112 bytes a finding with data instead of 80; ~425 findings
 * that an edit moved are made anew per check at 100,000 words, and kept until the next one).
 */
function findingOf(f: DocumentFinding, ruleId: string, severity: Severity, fixes: Fix[]): Finding {
  const { message, offset, endOffset, related, data } = f;
  if (data === undefined) return related === undefined ? { ruleId, severity, message, offset, endOffset, fixes } : { ruleId, severity, message, offset, endOffset, fixes, related };
  return related === undefined ? { ruleId, severity, message, offset, endOffset, fixes, data } : { ruleId, severity, message, offset, endOffset, fixes, related, data };
}

/**
 * asFinding() when the engine's finding made of `f` at the last check is known (`last`, made at `lastOffset`): that one
 * when every field is still as it was, else a new one (not noted for asFinding: the next check finds it by its index
 * too). A finding the edit moved is made anew without reading the last one.
 */
function asFindingAfter(f: DocumentFinding, ruleId: string, severity: Severity, last: Finding, lastOffset: number): Finding {
  const sev = f.severity ?? severity;
  const fixes = f.fixes?.length ? f.fixes : NO_FIXES;
  if (f.offset === lastOffset && madeAs(last, f, ruleId, sev, fixes)) return last;
  return findingOf(f, ruleId, sev, fixes);
}

/** The order of a check's findings: by offset, then end, then rule id. */
function byPlace(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.endOffset - b.endOffset || compareWords(a.ruleId, b.ruleId);
}

/** Whether `a` comes after `b` in the findings' order (byPlace(a, b) > 0). */
function after(a: Finding, b: Finding): boolean {
  return a.offset !== b.offset ? a.offset > b.offset : a.endOffset !== b.endOffset ? a.endOffset > b.endOffset : compareWords(a.ruleId, b.ruleId) > 0;
}

/**
 * The lists joined in the findings' order (byPlace), as a stable sort of their concatenation orders them (of equal
 * findings, those of an earlier list first, each list's in its order). Speed only (find36): the rules' lists are mostly
 * in that order already (the longest, ~850 long sentences at 100,000 words, always), so each list out of order is sorted
 * on its own (a copy: the lists are not changed) and the lists are merged, each finding read about twice, without the
 * sort's comparator calls and working copies over all of them.
 */
export function mergeInOrder(input: readonly Finding[][]): Finding[] {
  let lists = input;
  let total = 0;
  for (let k = 0; k < lists.length; k++) {
    const l = lists[k]!;
    for (let i = 1; i < l.length; i++) {
      if (!after(l[i - 1]!, l[i]!)) continue;
      if (lists === input) lists = [...input];
      (lists as Finding[][])[k] = [...l].sort(byPlace);
      break;
    }
    total += l.length;
  }
  const out: Finding[] = new Array(total);
  const at: number[] = new Array(lists.length).fill(0);
  let w = 0;
  while (w < total) {
    // The list whose head comes first (the earliest such list on a tie), and the first of the other heads.
    let best = -1;
    let head: Finding | undefined;
    let second: Finding | undefined;
    for (let k = 0; k < lists.length; k++) {
      const l = lists[k]!;
      const i = at[k]!;
      if (i >= l.length) continue;
      const f = l[i]!;
      if (head === undefined) {
        best = k;
        head = f;
      } else if (after(head, f)) {
        second = head;
        best = k;
        head = f;
      } else if (second === undefined || after(second, f)) second = f;
    }
    // That list's findings up to the first that does not come strictly before the other heads' first.
    const l = lists[best]!;
    let i = at[best]!;
    out[w++] = l[i++]!;
    while (i < l.length && (second === undefined || after(second, l[i]!))) out[w++] = l[i++]!;
    at[best] = i;
  }
  return out;
}

/**
 * What the engine notes of its findings as it makes them, while they are at hand (speed only, eng33): whether the text
 * is plain (offsets.ts LineIndex.plain) and no finding's range needs snapping (fixes.ts needsSnap), and which findings
 * have fixes. secureFindings then reads no finding again (at 100,000 words ~900, each read from memory once more).
 */
interface Screen {
  bom: number;
  /** The length of the text as read. */
  n: number;
  /** No finding so far needs snapping (needsSnap): the text is plain, or its pairs' middles are known and no finding ends at one. */
  clean: boolean;
  /** The text's pairs' middles (LineIndex.pairMiddles) when it is not plain. */
  middles: readonly number[] | undefined;
  withFixes: Finding[];
  /** The rules that supersede others or are superseded (dropSuperseded), and their findings. */
  supersede: ReadonlySet<string>;
  noted: Finding[];
}

/** Screens a finding (see Screen); `noted`: whether its rule is one of `supersede` (the caller may know for all of a rule's). */
function screenFinding(screen: Screen, f: Finding, noted = screen.supersede.has(f.ruleId)): void {
  if (screen.clean && needsSnap(f, screen.bom, screen.n, screen.middles)) screen.clean = false;
  if (f.fixes.length > 0) screen.withFixes.push(f);
  if (noted) screen.noted.push(f);
}

/** The engine's finding last made of each document rule's finding (see asFinding; held while the rule keeps its finding). */
const MADE = new WeakMap<DocumentFinding, Finding>();

/**
 * Removes findings that a finding of a superseding rule overlaps; returns those it removed, if any. `noted`: the findings
 * of the rules that supersede or are superseded, in the order of `findings`, when the caller gathered them (Screen):
 * then only those are read (speed only, eng33), and the rest only passed along.
 */
function dropSuperseded(findings: Finding[], rules: Rule[], noted?: readonly Finding[]): Finding[] | undefined {
  const superseders = rules.filter((r) => r.meta.supersedes?.length);
  if (superseders.length === 0) return undefined;
  if (noted) {
    const dropped = supersededIn(noted, superseders);
    if (dropped) {
      // (By object: the findings themselves are not read again.)
      const gone = new Set(dropped);
      let w = 0;
      for (let i = 0; i < findings.length; i++) {
        const f = findings[i]!;
        if (!gone.has(f)) findings[w++] = f;
      }
      findings.length = w;
    }
    return dropped;
  }
  const dropped = supersededIn(findings, superseders);
  if (dropped) {
    let w = 0;
    let k = 0;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (k < dropped.length && f === dropped[k]) k++;
      else findings[w++] = f;
    }
    findings.length = w;
  }
  return dropped;
}

/** The findings of `findings` that a finding of one of the superseding rules there overlaps, in their order. */
function supersededIn(findings: readonly Finding[], superseders: Rule[]): Finding[] | undefined {
  // The ranges each superseded rule's findings must not overlap, as start and end one after the other (no pair per range).
  const covered = new Map<string, number[]>();
  for (const r of superseders) {
    // A finding covers its related places too (a term reported once, at its first use, stands for all its uses).
    const ranges: number[] = [];
    // (Indexed loops over the findings, here and below: no iterator per check.)
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (f.ruleId !== r.meta.id) continue;
      ranges.push(f.offset, f.endOffset);
      if (f.related) for (const x of f.related) ranges.push(x.offset, x.endOffset);
    }
    for (const id of r.meta.supersedes!) {
      const had = covered.get(id);
      covered.set(id, had ? [...had, ...ranges] : ranges);
    }
  }
  let dropped: Finding[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const ranges = covered.get(f.ruleId);
    if (ranges && overlapsRange(ranges, f.offset, f.endOffset)) (dropped ??= []).push(f);
  }
  return dropped;
}

/** Whether [offset, endOffset) overlaps one of the ranges (start and end one after the other). */
function overlapsRange(ranges: number[], offset: number, endOffset: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (offset < ranges[i + 1]! && ranges[i]! < endOffset) return true;
  return false;
}

/** Drops findings that directives switch off. */
export function applyDirectives(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  const relevant = directives.filter((d) => d.kind !== 'language');
  if (relevant.length === 0) return findings;
  const sorted = [...relevant].sort((a, b) => a.offset - b.offset);
  const text = lines.text;
  // The line a disable-next-line directive points at: the next line with text on it.
  const nextLine = (d: Directive) => {
    let l = lines.position(d.endOffset).line + 1;
    while (l < lines.lineCount) {
      const s = lines.lineStart(l);
      const e = l + 1 < lines.lineCount ? lines.lineStart(l + 1) : text.length;
      if (text.slice(s, e).trim().length > 0) break;
      l++;
    }
    return l;
  };
  const targets = sorted.map((d) => (d.kind === 'disable-next-line' ? nextLine(d) : d.kind === 'disable-line' ? lines.position(d.offset).line : -1));
  const disabledAt = (ruleId: string, offset: number): boolean => {
    const line = lines.position(offset).line;
    const applies = (d: Directive) => d.rules.length === 0 || d.rules.includes(ruleId) || d.rules.some((r) => !r.includes('/') && ruleId.startsWith(`${r}/`));
    let disabled = false;
    for (let i = 0; i < sorted.length; i++) {
      const d = sorted[i]!;
      if (d.kind === 'disable-next-line' || d.kind === 'disable-line') {
        if (targets[i] === line && applies(d)) return true;
        continue;
      }
      if (d.offset > offset) break;
      if (!applies(d)) continue;
      disabled = d.kind === 'disable';
    }
    return disabled;
  };
  return findings.flatMap((f) => {
    if (!disabledAt(f.ruleId, f.offset)) return [f];
    // A finding that stands for several places (a term reported once, at its first use) moves
    // to its first place that is not switched off, without the fixes that edit the switched-off one.
    const place = f.related?.find((r) => r.sameUse === true && !disabledAt(f.ruleId, r.offset));
    if (!place) return [];
    const fixes = f.fixes.filter((x) => x.edits.every((e) => !disabledAt(f.ruleId, e.offset)));
    const related = f.related!.filter((r) => r !== place && !(r.sameUse && disabledAt(f.ruleId, r.offset)));
    return [{ ...f, offset: place.offset, endOffset: place.endOffset, fixes, ...(related.length ? { related } : { related: undefined }) }];
  });
}

/**
 * Where the fix guard finds the block that holds each fix edit (fixes.ts guardFixes): in the blocks themselves, by the
 * same rule as in the list of all of them (the last block that starts at or before the edit, or one of the
 * GUARD_LOOKBACK before it, that holds it). All blocks as a list when they are not in document order (`ordered`:
 * whether they are, when the caller knows; else they are compared).
 *
 * Speed only (eng33): only the blocks near each edit are read, and a guard block is made only of the one that holds it
 * (once per check). Before, the blocks near every edit were listed
 * per check, ~400 guard blocks at 100,000 words, each a block and its prose read from memory. Each search starts from
 * the block the last one found (the edits of a finding's fixes are mostly at one place, the findings come in order).
 */
export function guardLookup(blocks: readonly DocumentBlock[], bom: number, ordered?: boolean): GuardBlock[] | GuardLookup {
  // This check's block and its language: a placed block's parser block with how far it moved (no copy of a moved block,
  // no placed analysis made).
  // (A placed block's text is also its map hint's, one string while the map and text are the same: analyseBlocks.)
  const guard = (b: DocumentBlock): GuardBlock =>
    b instanceof PlacedBlock ? { block: b.raw, language: b.core.language, base: b.base, shift: b.shift + bom, text: b.hint.text } : { block: b.prose, language: b.analysed.language, base: b.mapBase + bom, shift: bom, text: undefined };
  if (ordered === false) return blocks.map(guard);
  if (ordered === undefined) for (let i = 1; i < blocks.length; i++) if (blocks[i]!.blockStart < blocks[i - 1]!.blockStart) return blocks.map(guard);
  let at = -1;
  // One guard block per block found (the guard keeps what it learns of a block by its guard block).
  const made = new Map<DocumentBlock, GuardBlock>();
  return {
    blockAt(e) {
      at = lastStartAtOrBefore(blocks, e.offset - bom, at);
      for (let i = at; i >= 0 && i >= at - GUARD_LOOKBACK; i--) {
        const b = blocks[i]!;
        if (b.blockStart + bom > e.offset || e.endOffset > b.blockEnd + bom) continue;
        let g = made.get(b);
        if (!g) made.set(b, (g = guard(b)));
        return g;
      }
      return undefined;
    },
  };
}

/**
 * The last of the blocks (in document order) whose prose starts at or before `offset`, -1 when none does: `from` (a
 * guess, -1 for none) when it is that block, else searched by halving on the side of `from` where it is. Speed only
 * (find36): the guard's look-ups either stay in a block (a fix's edits of one place) or jump across the document (a
 * term's uses), where searching by doubling steps from the guess read about twice the blocks halving reads.
 */
export function lastStartAtOrBefore(blocks: readonly DocumentBlock[], offset: number, from: number): number {
  const n = blocks.length;
  if (n === 0) return -1;
  // Bounds: blocks[lo] starts at or before the offset (lo = -1: before the first), blocks[hi] after it (hi = n: past the last).
  let lo: number;
  let hi: number;
  const at = Math.min(Math.max(from, 0), n - 1);
  if (blocks[at]!.blockStart <= offset) {
    if (at + 1 === n || blocks[at + 1]!.blockStart > offset) return at;
    lo = at + 1;
    hi = n;
  } else {
    lo = -1;
    hi = at;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.blockStart <= offset) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The first of the first `to` blocks whose section is `section` or later (sections ascend with the blocks). */
function sectionStart(blocks: readonly PlacedBlock[], section: number, to: number): number {
  let lo = 0;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.section < section) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/** Runs a stepwise computation to its end without pausing. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
