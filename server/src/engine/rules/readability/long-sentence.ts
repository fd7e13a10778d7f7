import type { AnalysedBlock, DocumentBlock, DocumentFinding, DocumentModel, DocumentRule, RuleContext } from '../types.js';
import type { Language, Message, RelatedLocation, Section, Severity } from '../../types.js';
import { RunSlots, replaceRange } from '../block-runs.js';
import type { Run } from '../../runs.js';
import { message } from '../types.js';
import { booleanOption, numberOption } from './options.js';
import { adoptedSections, isAcknowledgements, isRunningText, nameListSentence, quotedPassages, samePrefix, wordsOutside } from './prose.js';
import { escapeRegExp as escape, words as listWords, numberOf } from '../../text/lexicon.js';
import type { Word } from '../../text/sentences.js';
import { wordCount } from '../../text/analyse.js';
import { detach } from '../../cache.js';

// Where a long sentence can often be split, per language (RULES.md, hover advice).
const SPLIT_HINTS = {
  nl: [';', ', omdat', ', maar', ', en', ', want', ', waardoor', ', terwijl', ', zodat', ', waarbij'],
  en: [';', ', which', ', but', ', and', ', because', ', while', ', so that', ', whereas'],
};

/** "not only … but (also)", "niet alleen … maar (ook)": the "but" belongs to the pair, it starts no sentence. */
const PAIRED_BUT: Record<string, RegExp> = { ', but': /\bnot only\b/i, ', maar': /\bniet alleen\b/i };

/**
 * Whether the sentence can be split at one occurrence of the hint ("…, and …") without breaking its grammar. Not at
 * ", and" / ", en" that closes a series ("pictures, notes, brochures, and movie clips": the part since the comma before
 * is at most six words), and not at the "but" of "not only … but" (judged in s13: "splitting at 'and' would break the
 * list", "splitting at 'but' breaks the not only … but construction"); the message then names no place.
 */
export function splitsAt(sentence: string, hint: string): boolean {
  for (let at = sentence.indexOf(hint); at >= 0; at = sentence.indexOf(hint, at + 1)) {
    const before = sentence.slice(0, at);
    if (PAIRED_BUT[hint]?.test(before)) continue;
    if (hint === ', and' || hint === ', en') {
      const comma = before.lastIndexOf(',');
      if (comma >= 0 && before.slice(comma + 1).trim().split(/\s+/).length <= 6) continue;
    }
    return true;
  }
  return false;
}

interface BlockLong {
  /** The finding's message (it depends on the sentence and the limits only). */
  message: Message;
  /** The sentence as a related place of its section's finding. */
  related: Message;
  start: number;
  end: number;
  words: number;
  limit: number;
  inSummary: boolean;
  language: Language;
  /** Already broken into short clauses (clauseMaxWords): a hint whatever its rank, still counted for its section. */
  quiet?: boolean;
  /** It ends in a question mark (researchQuestion's first test, kept with the block). */
  asks: boolean;
  /** The block's text up to its end names a research question (researchQuestion's second test, kept with the block). */
  named: boolean;
  /**
   * A closing enumeration (closingList): the words of the sentence with the list counted as its longest item, and the
   * message that proposes a bulleted list. Within the limit and the language's margin, the sentence is a hint.
   */
  listed?: { rest: number; message: Message };
}

/** A long sentence placed in the document: as found in its block (kept with the block's cached analysis), and the block. */
interface LongSentence {
  l: BlockLong;
  block: DocumentBlock;
  /** A hint whatever its rank (short clauses, a research question); it still counts for its section. */
  quiet?: boolean;
  /** Its length is a closing list (BlockLong.listed): a hint in its rank, with a message that proposes a bulleted list. */
  list?: boolean;
  /**
   * The number of the last check that marked it (one of the document's longest: it carries the rule's severity), when
   * the candidates were over the budget (within it, all are marked and none is written: see check).
   */
  markedAt?: number;
}

// Per-block answers, kept with the block's cached analysis (its sentences array is shared by every
// check that reuses the block), by limits: an edit does not rescan the sentences of unchanged blocks.
const LONG = new WeakMap<object, LongEntry>();
/** Per cached analysis: whether a colon follows within a label's reach of the first sentence, and the answers by limits. */
interface LongEntry {
  colon: boolean;
  /** The answer of the last limits asked (numbers compared, no key string made at every check; speed only, lsp9). */
  max: number;
  summaryMax: number;
  clauseMax: number;
  marked: number;
  found: BlockLong[] | undefined;
  byLimits?: Map<string, BlockLong[]>;
}

/** A run of blocks summarised (block-runs.ts): its blocks that count, their sentences of running text, their long sentences. */
interface RunLong {
  /** Blocks not skipped (a section with one gets its entry, even without long sentences). */
  blocks: number;
  sentences: number;
  /**
   * Long sentences, each with its block's index in the run; or a block (without `l`) whose long sentences depend on
   * the source's markup (a lead-in label, see markedLabel, and labelCounts), which is asked at each check: blocks of the
   * same text share a summary, not their markup.
   */
  long: Array<{ k: number; l?: BlockLong }>;
  /** The blocks of `long` without `l` (their index in the run), asked at each check. */
  asked?: number[];
  /** Per asked block (as `asked`), its answer of the last check with what it was read from (askedLong). */
  answers?: Array<AskedAnswer | undefined>;
  /**
   * The state of the section whose runs start with this one (SectionState, by the first of its sources): a field of the
   * summary rather than a weak map keyed by it (speed only, ls34: no look-up per section at every edit; the same lifetime).
   */
  state?: SectionState;
  /**
   * The states of other sections whose runs start with this summary (runs of blocks of the same text share one: ~16
   * sections of the footnoted thesis), at most SPARE_STATES: each section keeps its own from check to check (speed
   * only, s31: the section that did not get `state` was gathered and its findings made anew at every edit). Whichever
   * state a section is given, it is checked as `state` is (unchanged, keptSources, stillRanked, the findings' marks and
   * places): the same findings.
   */
  spare?: SectionState[];
}
/**
 * An asked block's long sentences, with the block's sentences, source map and place in the map they were made from;
 * `next`: the answer for another block at the same index of a run of the same text (AskedAnswer chain, ASKED_PLACES).
 */
interface AskedAnswer {
  sentences: object;
  map: object;
  at: number;
  found: BlockLong[];
  next: AskedAnswer | undefined;
}
/**
 * The most answers a summary keeps per asked block (askedLong): one per copy of its run's text (runs of the same text
 * share the summary, each copy's block its own map and place), as many as the sections that keep states (RunLong.spare).
 */
const ASKED_PLACES = 1 + 8;
const RUNS = new RunSlots<RunLong>();
const NO_LONG: RunLong['long'] = [];

function runLongSentences(doc: DocumentModel, from: number, to: number, max: number, summaryMax: number, clauseMax: number): RunLong {
  let blocks = 0;
  let sentences = 0;
  let long = NO_LONG;
  let asked: number[] | undefined;
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i]!;
    if (b.source.skip) continue;
    blocks++;
    if (isRunningText(b.core)) sentences += b.sentences.length;
    const found = longSentencesOf(b, max, summaryMax, clauseMax);
    if (LONG.get(b.sentences)?.colon && labelCounts(b, max, summaryMax)) {
      if (long === NO_LONG) long = [];
      long.push({ k: i - from });
      (asked ??= []).push(i - from);
      continue;
    }
    for (const l of found) {
      if (long === NO_LONG) long = [];
      long.push({ k: i - from, l });
    }
  }
  // (Every summary with all its fields from the start, those set later too: one shape for the loops over the runs.)
  return { blocks, sentences, long, asked, answers: undefined, state: undefined, spare: undefined };
}

/**
 * Whether the long sentences of a block whose first sentence opens with what a label would be (LongEntry.colon) may
 * depend on its source's markup: blockLongSentences() reads the markup (`marked`) only for a first sentence of running
 * text over the limit. Speed only (s31): a block whose first sentence is within it has the same long sentences whatever
 * its markup (as every other block: kept in its run's summary, not asked at each check; ~150 of the ~170 such blocks of
 * the footnoted thesis).
 */
function labelCounts(b: DocumentBlock, max: number, summaryMax: number): boolean {
  const ab = b.core;
  const first = ab.sentences[0];
  if (first === undefined || !isRunningText(ab)) return false;
  return wordCount(first) > (ab.role === 'summary' ? Math.min(max, summaryMax) : max);
}

/**
 * longSentencesOf() of a run's asked block `a` (its index in `v.asked`), kept with the run's summary (made for these
 * limits) while the block has the same sentences, source map and place in the map: what the per-block answer and its
 * label's markup (markedLabelOf) are kept by (speed only, doc20: no two weak-map look-ups per asked block and check).
 */
function askedLong(v: RunLong, a: number, b: DocumentBlock, max: number, summaryMax: number, clauseMax: number): BlockLong[] {
  const sentences = b.sentences;
  // (Where the text stands in its map: the same wherever the block moved.)
  const at = b.blockStart - b.mapBase;
  const map = b.source.map;
  const answers = (v.answers ??= []);
  // Speed only (s31): an answer per block that asked (up to ASKED_PLACES, the latest first), not one per summary: the
  // copies of a run's text (each block with its own map and place) do not take turns evicting each other's. Each answer
  // is kept by what it was read from, as the one answer was: the same answer as asking again.
  const head = answers[a];
  let n = 0;
  for (let known = head; known !== undefined; known = known.next) {
    if (known.sentences === sentences && known.map === map && known.at === at) return known.found;
    // (At most ASKED_PLACES with a new one: those past it, the oldest, are let go.)
    if (++n === ASKED_PLACES - 1) known.next = undefined;
  }
  const found = longSentencesOf(b, max, summaryMax, clauseMax);
  answers[a] = { sentences, map, at, found, next: head };
  return found;
}

/** Long sentences of a block: over the limit, list fragments and quoted speech left out. */
function longSentencesOf(b: DocumentBlock, max: number, summaryMax: number, clauseMax: number): BlockLong[] {
  // The block's sentences and this check's block, read without the placed analysis (speed only, ls19).
  const sentences = b.sentences;
  let entry = LONG.get(sentences);
  if (!entry) {
    // Only when the first sentence opens with what a marked-up label would be (markedLabel's test of the text: words and
    // a colon, then a capital): the source's markup is asked at each check only then (speed only, session 9: a colon
    // elsewhere in the sentence, as in "https:" or a clause before a colon of 21 words or more, makes no label).
    const first = sentences[0];
    const colon = first !== undefined && labelInText(b.source.text, first.start, first.end) !== undefined;
    LONG.set(sentences, (entry = { colon, max: NaN, summaryMax: NaN, clauseMax: NaN, marked: NaN, found: undefined }));
  }
  // The analysis is shared by blocks of the same text: whether the source marks up a lead-in label (its map, not its
  // text) is part of the key.
  const first = sentences[0];
  const marked = entry.colon && first ? markedLabelOf(b.source, sentences, first.start, first.end) : 0;
  if (entry.found && entry.max === max && entry.summaryMax === summaryMax && entry.clauseMax === clauseMax && entry.marked === marked) return entry.found;
  // Memory only (rulemem22): the first answer is kept in the entry's fields alone; the map by limits is made when other
  // limits are asked (another audience or a changed option), with the answer of the last limits in it.
  let found: BlockLong[] | undefined;
  if (entry.found === undefined) found = blockLongSentences(b, max, summaryMax, clauseMax, marked);
  else {
    entry.byLimits ??= new Map([[`${entry.max} ${entry.summaryMax} ${entry.clauseMax} ${entry.marked}`, entry.found]]);
    const key = `${max} ${summaryMax} ${clauseMax} ${marked}`;
    found = entry.byLimits.get(key);
    if (!found) entry.byLimits.set(key, (found = blockLongSentences(b, max, summaryMax, clauseMax, marked)));
  }
  entry.max = max;
  entry.summaryMax = summaryMax;
  entry.clauseMax = clauseMax;
  entry.marked = marked;
  entry.found = found;
  return found;
}

/**
 * markedLabel() of a block's first sentence, remembered per source map (speed only, lsp10c): the answer reads the
 * block's text, its map and its start relative to the map's base (block.start - mapBase), so it holds while those do
 * (the parser's block object serves wherever the block moved: `source`).
 */
const MARKED = new WeakMap<object, { sentences: object; start: number; at: number; marked: number }>();
function markedLabelOf(block: AnalysedBlock['block'], sentences: object, start: number, end: number): number {
  const at = block.start - (block.mapBase ?? 0);
  const known = MARKED.get(block.map);
  if (known && known.sentences === sentences && known.start === start && known.at === at) return known.marked;
  const marked = markedLabel(block, start, end);
  MARKED.set(block.map, { sentences, start, at, marked });
  return marked;
}

/** No long sentences (shared, memory only, rulemem22: most blocks of a report have none; never changed). */
const NO_LONG_SENTENCES: BlockLong[] = Object.freeze([]) as unknown as BlockLong[];

function blockLongSentences(b: DocumentBlock, max: number, summaryMax: number, clauseMax: number, marked: number): BlockLong[] {
  const ab = b.core;
  const block = ab.block;
  if (!isRunningText(ab)) return NO_LONG_SENTENCES;
  const out: BlockLong[] = [];
  const inSummary = ab.role === 'summary';
  const limit = inSummary ? Math.min(max, summaryMax) : max;
  // Quoted passages, found once per block when a sentence is long enough to need them.
  let quoted: Array<readonly [number, number]> | undefined;
  for (const s of ab.sentences) {
    if (wordCount(s) <= limit) continue;
    // A list item without closing punctuation is a fragment, not a sentence.
    if (block.kind === 'listItem' && !/[.!?]["'”’)]*$/.test(block.text.slice(s.start, s.end))) continue;
    // A label that opens a list item or paragraph ("**Verwijzingen:** Maak een prototype …", "Design: Make …")
    // heads the sentence; it is not part of it. Words inside quoted speech are the speaker's: neither counts.
    // Nor do the words of a passage quoted from a source (six words or more in quotation marks: "Wells tells us,
    // and “she could only half understand …”"): the writer cannot shorten them; their own words are what counts.
    // A lead-in the source sets off with markup (bold or italic) and ends in a colon is a label whatever its length
    // (within 20 words): "**Finding Employer, Payroll Provider, or Gig Platform**: Overall 64% …", "**Clients have four
    // ways …:** Option 1 and 2: The employer …" (a run-in list: the short label after it is one too).
    let label = 0;
    if (s === ab.sentences[0]) label = marked ? leadingLabel(block.text, marked, s.end) || marked : leadingLabel(block.text, s.start, s.end);
    const words = label ? s.words.filter((w) => w.start >= label) : s.words;
    quoted ??= [...ab.quotes, ...quotedPassages(block.text, ab.language)];
    const n = wordsOutside(words, quoted);
    if (n <= limit) continue;
    // A list of names (acknowledgements) is as long as the list of people: not prose to split.
    if (nameListSentence(block.text, s)) continue;
    // A checklist item that names what to do with a series of things ("Email attendees a welcome message with a link
    // to the workshop page, background readings, a description of …, and a way to contact …") is already a list.
    if (block.kind === 'listItem' && seriesSentence(block.text.slice(s.start, s.end))) continue;
    // Already broken into short clauses at semicolons and dashes ("It's one thing to …; it's quite another to …"): each
    // part is shorter than a sentence a reader takes in at once. See clauseMaxWords. A longer run of clauses (more than
    // twice the limit: "These activities could consist of; planning …; creating …; …") is a list to make.
    const quiet = clauseMax > 0 && n <= 2 * limit && shortClauses(block.text, words, s.end, clauseMax);
    const start = label ? words[0]!.start : s.start;
    const sentence = block.text.slice(start, s.end);
    const hint = SPLIT_HINTS[ab.language].find((h) => splitsAt(sentence, h));
    const asks = /\?["'”’)\]]*$/.test(block.text.slice(start, s.end).trimEnd());
    const named = asks && namesResearchQuestion(block.text.slice(0, s.end), ab.language);
    // An enumeration that closes the sentence ("… such as A, B, C and D.", "Er is gekeken naar: A, B, …") counts as one
    // item, its longest: what is left (`rest`) decides in check() whether the sentence needs splitting or a bulleted list.
    const list = closingList(sentence, ab.language);
    let listed: BlockLong['listed'];
    if (list) {
      const from = start + list.start;
      const inList = wordsOutside(words.filter((w) => w.start >= from), quoted);
      if (inList > list.longest) listed = { rest: n - inList + list.longest, message: listMessage(n, inList, list.items) };
    }
    out.push({ start, end: s.end, words: n, limit, inSummary, language: ab.language, message: sentenceMessage(n, inSummary, hint, max, summaryMax), related: message(`${n} words`, `${n} woorden`), ...(quiet ? { quiet } : {}), ...(listed ? { listed } : {}), asks, named });
  }
  return out.length ? out : NO_LONG_SENTENCES;
}

/**
 * Moves kept findings of this rule by `by` characters, in place (speed only, doc20: no copy of every unchanged finding
 * after an edit). The rule owns these objects: the engine copies each finding it is given (asFinding) and changes
 * only its copy, so only the `related` arrays are shared with the engine's findings (and with an earlier check's
 * result, which the language server compares with this one): a moved finding gets new ones.
 */
function moveFindings(findings: DocumentFinding[], by: number): void {
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    f.offset += by;
    f.endOffset += by;
    const old = f.related;
    if (!old) continue;
    const related: RelatedLocation[] = new Array(old.length);
    for (let k = 0; k < related.length; k++) {
      const r = old[k]!;
      related[k] = { offset: r.offset + by, endOffset: r.endOffset + by, message: r.message };
    }
    f.related = related;
  }
}

/**
 * A section's long sentences as gathered from its sources and ranked within it (longest first, then by their block's
 * place, then in the order gathered), and the findings last made of them (speed only, lsp10c, lsp15, session 9). A
 * check whose section has the same sources (its runs' summaries, the answers of the blocks asked at each check, the
 * same objects in the same order) and the same options reuses it after checking what the sources do not fix: the rank
 * of a question (its section's title and the text before it), and the order of sentences of equal length (their
 * blocks' places).
 */
interface SectionState {
  /** The options that shaped the gathered sentences (the margins). */
  key: string;
  sources: object[];
  /** The long sentences in the order of the check. */
  long: LongSentence[];
  /** Per sentence (in `long`), its run among the section's runs and its block's index in the run: two numbers a sentence. */
  at: number[];
  /** Per sentence, its index in the order gathered (the last tie-break of the ranking). */
  gathered: number[];
  /** Sentences (indices into `long`) whose rank reads the document around them: a question no text of its block names a research question. */
  questions: number[];
  /**
   * Per question (as `questions`), what its rank was last read from and the rank (questionRank): its section's title,
   * the text of the paragraph that introduces it ('' for another kind of block, undefined for none).
   */
  ranks?: Array<{ title: string | undefined; text: string | undefined; facts: object | undefined; quiet: boolean } | undefined>;
  /** Sentences (indices into `long`) of the same length as the next one: their order is their blocks' order, checked at each check. */
  ties: number[];
  /** The first `perSection` sentences that are not quiet (the section's candidates for the document's budget), for `perSection`. */
  top?: { perSection: number; long: LongSentence[] };
  /** The blocks of the sentences (their `at` pairs, each block once): the places the findings were made at. */
  blocks: number[];
  /**
   * The findings last made (the options and each candidate's mark they were made with, the places: the section's
   * range and each block's map and base then), and how far they have been moved since (`moved`, in place).
   */
  made?: { options: string; marks: boolean[]; all: boolean; bom: number; offset: number | undefined; endOffset: number | undefined; maps: object[]; bases: number[]; findings: DocumentFinding[]; moved: number };
  /**
   * The check (its number) whose findings this state's section had last, the section's runs then (those objects) and
   * movedBy() then: the distance its blocks had moved since the findings were made.
   */
  seen?: { check: number; by: number; runs: ReadonlyArray<Run<RunLong>> };
  /** The number of the last check in which it served a section (each state serves one section per check). */
  usedAt?: number;
  /** Where the answers of the blocks asked at each check stand among `sources`: per answer, its run, its index in the run's `asked` and in `sources` (keptSources). */
  asked?: number[];
}

/** How a section's long sentences are ordered: longest first, then by their block's place (a stable sort keeps the rest). */
const byLength = (a: LongSentence, b: LongSentence) => b.l.words - a.l.words || a.block.blockStart - b.block.blockStart;

/** The engine's order of findings by place (engine.ts lintSteps sorts by offset, then end, then rule). */
const byPlace = (a: DocumentFinding, b: DocumentFinding) => a.offset - b.offset || a.endOffset - b.endOffset;

/** The most states a run's summary keeps for other sections than the one that has its `state` (RunLong.spare). */
const SPARE_STATES = 8;

/**
 * The state a section whose runs start with summary `v` is checked against (the one it keeps or replaces): of the
 * summary's states not used in this check (`state` first, then the spare ones), the one that served the section at the
 * last check as it is (unchanged), else one that served its very list of runs (keptSources), else the first; `state`
 * when all were used (as a section without spare states).
 */
function stateFor(v: RunLong, g: SectionGroup, same: SameBlocks, now: number, key: string): SectionState | undefined {
  const spare = v.spare!;
  let any: SectionState | undefined;
  let runs: SectionState | undefined;
  FOUND_UNCHANGED = undefined;
  for (let k = -1; k < spare.length; k++) {
    const s = k < 0 ? v.state : spare[k];
    if (s === undefined || s.usedAt === now) continue;
    if (unchanged(g, s, same, now, key)) return (FOUND_UNCHANGED = s);
    any ??= s;
    if (runs === undefined && s.seen !== undefined && s.seen.runs === g.runs) runs = s;
  }
  return runs ?? any ?? v.state;
}

/**
 * The state stateFor() last returned when it found it unchanged() (unused in the check), else undefined: every other
 * state it returns was found not unchanged or was used (speed only, s31: unchanged() not asked twice of a state).
 */
let FOUND_UNCHANGED: SectionState | undefined;

/**
 * Keeps the state gathered for a section whose runs start with summary `v`, in place of the one it was checked against
 * (`known`, none: undefined): in its place when that is a spare one; else as the summary's `state` when that is not
 * another section's in this check (as without spare states); else among the spare ones (added while there is room, else
 * in place of one not used in this check).
 */
function keepState(v: RunLong, known: SectionState | undefined, state: SectionState, now: number): void {
  let at = known === undefined || known === v.state || v.spare === undefined ? -1 : v.spare.indexOf(known);
  if (at < 0 && (v.state === undefined || v.state.usedAt !== now)) {
    v.state = state;
    return;
  }
  const spare = (v.spare ??= []);
  if (at < 0 && spare.length < SPARE_STATES) at = spare.length;
  if (at < 0) for (let k = 0; k < spare.length && at < 0; k++) if (spare[k]!.usedAt !== now) at = k;
  if (at >= 0) spare[at] = state;
}

/** One section's runs and sources in a check. */
interface SectionGroup {
  section: number;
  sources: object[];
  runs: Array<Run<RunLong>>;
  sentences: number;
  /** Whether a run of it has a long sentence (or a block asked at each check): a section without one has no finding. */
  long: boolean;
  state?: SectionState;
  /** movedBy() of a state, once asked (`movedBy` null when not moved as a whole; two fields, no object per section and check). */
  movedState?: SectionState;
  movedBy?: number | null;
  /** The indices of its first and last run among the check's runs (editedGroups). */
  first: number;
  last: number;
}

/**
 * isAcknowledgements() of the section at index `i`, as at the last check while the section at that index has the same
 * title and language (speed only, session 12: no look-up by title for every section at every check).
 */
function acknowledgementsAt(section: Section, i: number): boolean {
  const known = THANKS_BY_INDEX[i];
  if (known !== undefined && known.title === section.title && known.language === section.language) return known.thanks;
  const thanks = isAcknowledgements(section);
  THANKS_BY_INDEX[i] = { title: section.title, language: section.language, thanks };
  return thanks;
}
const THANKS_BY_INDEX: Array<{ title: string; language: Language; thanks: boolean } | undefined> = [];

/** The blocks of this rule's last check (held weakly: a closed document's go with it), and the number of its checks (see unchanged). */
let LAST_BLOCKS: WeakRef<readonly DocumentBlock[]> | undefined;
const NO_BLOCKS: readonly DocumentBlock[] = [];
let CHECKS = 0;
/** The number of findings of the last check (the next one's list is made at that length). */
let LAST_COUNT = 0;
/** A group's sources before they are read (sourcesOf). */
const NO_SOURCES: object[] = [];

/**
 * The blocks of a check that are the last check's block objects at the same indices: the first `prefix` (samePrefix),
 * and those from `from` on (the same number of blocks, the same objects from the end: an edit that moved nothing after
 * it, as one that replaces a word by one as long). `from` is found when a section after the prefix first asks (NaN
 * before), from the end down to the first block that differs: an edit that moved the blocks after it stops at the last
 * block. Speed only (ls37): a section after such an edit is as at the last check (unchanged), not verified run by run
 * and block by block. The lists are let go after the check's loop over the sections (no document version kept).
 */
interface SameBlocks {
  prefix: number;
  from: number;
  blocks: readonly DocumentBlock[];
  last: readonly DocumentBlock[];
}
const SAME: SameBlocks = { prefix: 0, from: NaN, blocks: NO_BLOCKS, last: NO_BLOCKS };

/** Where the last check's block objects at the same indices start at the end of the document (SameBlocks.from). */
function sameFrom(same: SameBlocks): number {
  if (same.from === same.from) return same.from;
  const blocks = same.blocks;
  const last = same.last;
  let k = blocks.length;
  if (last.length === k) while (k > same.prefix && blocks[k - 1] === last[k - 1]) k--;
  return (same.from = k);
}

/**
 * Whether a section is as at the last check (check `now - 1`), whose findings its state had: the same run objects
 * (RunSlots hands out a run again while its place and summary are the same), their blocks all the last check's block
 * objects at the same indices (among the first `same.prefix`, samePrefix, or from `same.from` on: their analyses, places
 * and source maps as then), and the same options.
 * Its sources are the state's then (the answers of its asked blocks read the same blocks), its sentences of equal
 * length are in the same order, and its blocks have moved by as much as then since the findings were made (seen.by).
 * What reads the document outside the section's blocks, the rank of a question, is checked apart (questionsRanked).
 */
function unchanged(g: SectionGroup, state: SectionState, same: SameBlocks, now: number, key: string): boolean {
  const seen = state.seen;
  if (seen === undefined || seen.check !== now - 1 || state.key !== key) return false;
  const runs = g.runs;
  if (runs.length !== seen.runs.length || (runs[runs.length - 1]!.to > same.prefix && runs[0]!.from < sameFrom(same))) return false;
  // (A section kept from the last check holds the same list: not compared again.)
  if (runs !== seen.runs) for (let r = 0; r < runs.length; r++) if (runs[r] !== seen.runs[r]) return false;
  return true;
}

/** A section's sources: per run, its summary, then the long sentences of its blocks asked at each check (askedLong). */
function sourcesOf(doc: DocumentModel, g: SectionGroup, max: number, summaryMax: number, clauseMax: number): object[] {
  const sources: object[] = [];
  for (let r = 0; r < g.runs.length; r++) {
    const run = g.runs[r]!;
    const v = run.value;
    sources.push(v);
    if (v.asked) for (let a = 0; a < v.asked.length; a++) sources.push(askedLong(v, a, doc.blocks[run.from + v.asked[a]!]!, max, summaryMax, clauseMax));
  }
  return sources;
}

/**
 * Whether a section's sources are its state's without reading every one: the state served it at the last check with
 * this very list of runs (a section editedGroups kept: its runs the same objects, each with its summary, as in the
 * state's sources), so only the answers of its blocks asked at each check are compared (most sections have none).
 * Speed only (ls37: no pass over the runs of each section after an edit).
 */
function keptSources(doc: DocumentModel, g: SectionGroup, state: SectionState, now: number, max: number, summaryMax: number, clauseMax: number): boolean {
  const seen = state.seen;
  if (seen === undefined || seen.check !== now - 1 || seen.runs !== g.runs) return false;
  const sources = state.sources;
  const runs = g.runs;
  if (sources.length === runs.length) return true;
  // The answers of the blocks asked at each check, compared where they stand among the sources (their places found once
  // per state: they follow from the runs' summaries alone, which are the state's).
  let asked = state.asked;
  if (asked === undefined) {
    asked = [];
    for (let r = 0, s = 0; r < runs.length; r++) {
      const v = runs[r]!.value;
      s++;
      if (v.asked) for (let a = 0; a < v.asked.length; a++) asked.push(r, a, s++);
    }
    state.asked = asked;
  }
  for (let x = 0; x < asked.length; x += 3) {
    const run = runs[asked[x]!]!;
    const v = run.value;
    const a = asked[x + 1]!;
    if (sources[asked[x + 2]!] !== askedLong(v, a, doc.blocks[run.from + v.asked![a]!]!, max, summaryMax, clauseMax)) return false;
  }
  return true;
}

/** Whether sourcesOf() of a section would be `sources`: the same objects in the same order. */
function sameSources(doc: DocumentModel, g: SectionGroup, sources: readonly object[], max: number, summaryMax: number, clauseMax: number): boolean {
  let s = 0;
  for (let r = 0; r < g.runs.length; r++) {
    const run = g.runs[r]!;
    const v = run.value;
    if (sources[s++] !== v) return false;
    if (v.asked) for (let a = 0; a < v.asked.length; a++) if (sources[s++] !== askedLong(v, a, doc.blocks[run.from + v.asked[a]!]!, max, summaryMax, clauseMax)) return false;
  }
  return s === sources.length;
}

/**
 * The sections of the runs that have a long sentence (or a block asked at each check), each with its runs (those not
 * skipped: without blocks that count, or in a section left alone, `thanks`) and its sentences, in the order the sections
 * come. Speed and garbage only (ls34): a section is made only once one of its runs has a long sentence (most sections of
 * a long report have none: no object and list for each of them at every edit); the same sections as groupsInAnyOrder.
 */
function groupsOf(runs: ReadonlyArray<Run<RunLong>>, thanks: ReadonlySet<number>, from = 0, to = runs.length): SectionGroup[] | undefined {
  const groups: SectionGroup[] = [];
  const skip = thanks.size > 0;
  const pending = PENDING;
  let section = NaN;
  let highest = -Infinity;
  let sentences = 0;
  let long = false;
  let first = -1;
  let last = -1;
  for (let r = from; r < to; r++) {
    const run = runs[r]!;
    const v = run.value;
    if (v.blocks === 0 || (skip && thanks.has(run.section))) continue;
    if (run.section !== section) {
      // A section that comes back after another (its runs not consecutive): read as before (by the caller).
      if (run.section <= highest) {
        pending.length = 0;
        return undefined;
      }
      if (long) groups.push({ section, sources: NO_SOURCES, runs: pending.slice(), sentences, long, state: undefined, movedState: undefined, movedBy: undefined, first, last });
      pending.length = 0;
      sentences = 0;
      first = r;
      long = false;
      section = highest = run.section;
    }
    pending.push(run);
    last = r;
    sentences += v.sentences;
    // (NO_LONG is the list of every run without one: no list read.)
    if (v.long !== NO_LONG) long = true;
  }
  if (long) groups.push({ section, sources: NO_SOURCES, runs: pending.slice(), sentences, long, state: undefined, movedState: undefined, movedBy: undefined, first, last });
  pending.length = 0;
  return groups;
}
/** The runs of the section groupsOf is reading (emptied after each section: no run kept between checks). */
const PENDING: Array<Run<RunLong>> = [];

/**
 * The sections of the last check (groupsOf, in the order the sections come: `ordered`), with the runs and the sections
 * left alone they were made from: what editedGroups corrects after an edit.
 */
let LAST_GROUPS: { runs: ReadonlyArray<Run<RunLong>>; thanks: ReadonlySet<number>; groups: SectionGroup[]; ordered: boolean } | undefined;

/** groupsOf() of a check's runs: after an edit of the last check's runs, the last sections corrected (editedGroups). */
function sectionGroups(runs: ReadonlyArray<Run<RunLong>>, thanks: ReadonlySet<number>): SectionGroup[] {
  let groups = editedGroups(runs, thanks);
  let ordered = true;
  if (!groups) {
    groups = groupsOf(runs, thanks);
    if (!groups) {
      groups = groupsInAnyOrder(runs, thanks);
      ordered = false;
    }
  }
  LAST_GROUPS = { runs, thanks, groups, ordered };
  return groups;
}

/**
 * groupsOf() after an edit of the runs the last check read (RunSlots.change(): its first `before` runs the same, its
 * last `after` runs the same summaries, moved), when the last sections were in order and the same sections are left
 * alone: the last sections whose runs all come before the edited stretch are kept, but the last of them (its section may
 * go on into the stretch); those whose runs all come after it are kept, moved, when their runs are the last check's
 * objects; only the runs between are read (groupsOf from there, its ends checked to join the kept sections as
 * groupsOf would). The same sections, runs and sentences as groupsOf; the last check's list, corrected in place.
 * Speed and garbage only (ls36: no object and list per section at every edit, ~90 at 100,000 words).
 */
function editedGroups(runs: ReadonlyArray<Run<RunLong>>, thanks: ReadonlySet<number>): SectionGroup[] | undefined {
  const last = LAST_GROUPS;
  const change = RUNS.change();
  if (!last || !last.ordered || !change || change.previous !== last.runs || !sameSet(thanks, last.thanks)) return undefined;
  const groups = last.groups;
  const m = last.runs.length;
  const d = runs.length - m;
  // The last sections whose runs all come before the edited stretch (before run `before`), the last of them read again
  // from its first run on (from the first run when there is none: the section at the stretch may start before it).
  let k = 0;
  while (k < groups.length && groups[k]!.last < change.before) k++;
  const from = k > 0 ? groups[--k]!.first : 0;
  // The first last section whose runs all come after the stretch (from `m - after` on, in the last runs).
  const firstAfter = m - change.after;
  let j = groups.length;
  while (j > k && groups[j - 1]!.first >= firstAfter) j--;
  const to = j < groups.length ? groups[j]!.first + d : runs.length;
  if (from > to) return undefined;
  // The kept sections after the stretch: their runs the last check's objects, at their places moved by `d`.
  for (let gi = j; gi < groups.length; gi++) {
    const g = groups[gi]!;
    if (runs[g.first + d] !== g.runs[0] || runs[g.last + d] !== g.runs[g.runs.length - 1]) return undefined;
  }
  const read = groupsOf(runs, thanks, from, to);
  if (!read) return undefined;
  // The sections read join the kept ones as in groupsOf: the first kept after them comes after every run read.
  if (j < groups.length) {
    const next = groups[j]!.section;
    for (let r = to - 1; r >= from; r--) {
      const run = runs[r]!;
      if (run.value.blocks === 0 || thanks.has(run.section)) continue;
      if (run.section >= next) return undefined;
      break;
    }
  }
  if (d !== 0) for (let gi = j; gi < groups.length; gi++) (groups[gi]!.first += d), (groups[gi]!.last += d);
  replaceRange(groups, k, j - k, read);
  return groups;
}

/** Whether two sets hold the same numbers. */
function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** groupsOf() when a section's runs may come apart (a section after the last one seen is a new group, else looked up). */
function groupsInAnyOrder(runs: ReadonlyArray<Run<RunLong>>, thanks: ReadonlySet<number>): SectionGroup[] {
  const groups: SectionGroup[] = [];
  // (Sections come in increasing order: a section after the last one seen is a new group, without a look-up; the map
  // is made only if a section came back after another. Speed and garbage only, doc32.)
  let groupOf: Map<number, SectionGroup> | undefined;
  let highest = -Infinity;
  // (Indexed loops over the runs, sections and findings here: no iterator result per element at every edit.)
  let current: SectionGroup | undefined;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const v = run.value;
    if (v.blocks === 0 || thanks.has(run.section)) continue;
    // (A section's runs are consecutive: the map is asked when the section changes.)
    let g = current !== undefined && current.section === run.section ? current : undefined;
    if (!g && run.section <= highest) {
      if (!groupOf) {
        groupOf = new Map();
        for (let k = 0; k < groups.length; k++) groupOf.set(groups[k]!.section, groups[k]!);
      }
      g = groupOf.get(run.section);
    }
    if (!g) {
      g = { section: run.section, sources: NO_SOURCES, runs: [], sentences: 0, long: false, state: undefined, movedState: undefined, movedBy: undefined, first: r, last: r };
      groupOf?.set(run.section, g);
      groups.push(g);
      if (run.section > highest) highest = run.section;
    }
    current = g;
    g.runs.push(run);
    g.last = r;
    g.sentences += v.sentences;
    if (v.long.length > 0) g.long = true;
  }
  // A section without a long sentence gathers none, marks none and has no finding: left out (speed only, doc32; most
  // sections of a long report, which an edit would otherwise walk one by one).
  let kept = 0;
  for (let gi = 0; gi < groups.length; gi++) if (groups[gi]!.long) groups[kept++] = groups[gi]!;
  groups.length = kept;
  return groups;
}

/**
 * Whether each of a section's candidates is marked as when its findings were made (`marks`; `madeAll`: all were marked
 * then, the whole budget's candidates); `all`: every candidate of this check is marked (none written, see check).
 */
function sameMarks(marks: readonly boolean[], madeAll: boolean, top: readonly LongSentence[], all: boolean, now: number): boolean {
  if (marks.length !== top.length) return false;
  if (all) {
    if (madeAll) return true;
    for (let i = 0; i < marks.length; i++) if (!marks[i]) return false;
    return true;
  }
  for (let i = 0; i < top.length; i++) if (marks[i] !== (top[i]!.markedAt === now)) return false;
  return true;
}

/** The block of a section's sentence `j` in this check. */
function blockOf(doc: DocumentModel, group: SectionGroup, at: readonly number[], j: number): DocumentBlock {
  return doc.blocks[group.runs[at[2 * j]!]!.from + at[2 * j + 1]!]!;
}

/**
 * A section's long sentences gathered from its runs (the runs' summaries, and the blocks asked at each check), each with
 * its rank's flags, and ranked: longest first, then by their block's place, then in the order gathered.
 */
function gather(doc: DocumentModel, g: SectionGroup, key: string, max: number, summaryMax: number, clauseMax: number, marginOf: (language: Language) => number): SectionState {
  const found: LongSentence[] = [];
  const where: number[] = [];
  for (let r = 0; r < g.runs.length; r++) {
    const run = g.runs[r]!;
    for (const x of run.value.long) {
      const i = run.from + x.k;
      const b = doc.blocks[i]!;
      for (const l of x.l ? [x.l] : longSentencesOf(b, max, summaryMax, clauseMax)) {
        // A study's formal research question is kept as one question by convention (judged false: "formal research
        // question, conventionally kept as one question"): a hint, as a sentence already broken into short clauses.
        const quiet = l.quiet === true || researchQuestion(doc, i, l);
        // A sentence whose length is a list that closes it (closingList): within the limit and the language's margin
        // without the list, it needs a bulleted list rather than a split (judged false in 4 of 4 pooled rows, session 8).
        // It keeps its rank, as a sentence only just over the limit does: a hint in its place, the others unchanged. A
        // sentence within the margin anyway keeps its message: the list is not what makes it long.
        const within = l.limit + marginOf(l.language);
        const list = !quiet && l.listed !== undefined && l.listed.rest <= within && l.words > within;
        found.push(quiet ? { l, block: b, quiet } : list ? { l, block: b, list } : { l, block: b });
        where.push(r, x.k);
      }
    }
  }
  const order = found.map((_, j) => j).sort((a, b) => byLength(found[a]!, found[b]!) || a - b);
  const long: LongSentence[] = new Array(order.length);
  const at: number[] = new Array(2 * order.length);
  const questions: number[] = [];
  const ties: number[] = [];
  const blocks: number[] = [];
  const seen = new Set<number>();
  let previous = -1;
  for (let j = 0; j < order.length; j++) {
    const o = order[j]!;
    const x = (long[j] = found[o]!);
    const r = (at[2 * j] = where[2 * o]!);
    const k = (at[2 * j + 1] = where[2 * o + 1]!);
    // Its rank reads its section's title and the text before it (researchQuestion).
    if (x.l.asks && !x.l.named && x.l.quiet !== true) questions.push(j);
    const i = g.runs[r]!.from + k;
    // Two sentences of the same length in two blocks: their order is their blocks' (in one block, the order gathered).
    if (j > 0 && long[j - 1]!.l.words === x.l.words && previous !== i) ties.push(j - 1);
    previous = i;
    if (!seen.has(i)) {
      seen.add(i);
      blocks.push(j);
    }
  }
  return { key, sources: g.sources, long, at, gathered: order, questions, ties, blocks };
}

/**
 * The distance every block with a long sentence of a section has moved since the section's findings were made (the
 * same source maps, each base moved by the same distance: each place in them, the blocks' starts among them, moved by
 * it), or null; asked once per section and check.
 */
function movedBy(doc: DocumentModel, g: SectionGroup, state: SectionState): number | null {
  if (g.movedState === state) return g.movedBy!;
  const made = state.made;
  let by: number | null = null;
  if (made && state.long.length > 0) {
    by = blockOf(doc, g, state.at, 0).mapBase - made.bases[0]!;
    for (let j = 0; j < state.blocks.length; j++) {
      const block = blockOf(doc, g, state.at, state.blocks[j]!);
      if (block.source.map !== made.maps[j] || block.mapBase - made.bases[j]! !== by) {
        by = null;
        break;
      }
    }
  }
  g.movedState = state;
  g.movedBy = by;
  return by;
}

/**
 * Whether a section's state of the last check still holds for this check: the same sources and options, each question
 * ranked as then (its section's title and the text before it), and each pair of sentences of equal length still in
 * their blocks' order.
 */
function stillRanked(doc: DocumentModel, g: SectionGroup, state: SectionState, key: string): boolean {
  if (state.key !== key || state.sources.length !== g.sources.length) return false;
  if (state.sources !== g.sources) for (let j = 0; j < g.sources.length; j++) if (state.sources[j] !== g.sources[j]) return false;
  if (!questionsRanked(doc, g, state)) return false;
  // Blocks that all moved by the same distance kept their order (speed only, doc20).
  if (state.ties.length === 0 || movedBy(doc, g, state) !== null) return true;
  for (const j of state.ties) {
    const c = blockOf(doc, g, state.at, j).blockStart - blockOf(doc, g, state.at, j + 1).blockStart;
    if (c > 0 || (c === 0 && state.gathered[j]! > state.gathered[j + 1]!)) return false;
  }
  return true;
}

/** Whether each question of a section's state is ranked as then (researchQuestion reads its section's title and the text before it). */
function questionsRanked(doc: DocumentModel, g: SectionGroup, state: SectionState): boolean {
  const questions = state.questions;
  for (let q = 0; q < questions.length; q++) {
    const j = questions[q]!;
    const i = g.runs[state.at[2 * j]!]!.from + state.at[2 * j + 1]!;
    if (questionRank(doc, i, state, q) !== (state.long[j]!.quiet === true)) return false;
  }
  return true;
}

/**
 * researchQuestion() of a state's question `q` (its index in `questions`: a sentence that asks, whose block names no
 * research question), read again only when what it reads differs from the last time: its section's title, and the
 * block that introduces it (its text when it is a paragraph). Speed only (doc33): no regular expression
 * over a title and a paragraph per question at every check.
 */
function questionRank(doc: DocumentModel, i: number, state: SectionState, q: number): boolean {
  const title = doc.sections[doc.blocks[i]!.section]?.title;
  const intro = introOf(doc, i);
  const b = intro === undefined ? undefined : doc.blocks[intro]!;
  const prose = b?.source;
  // Only a paragraph introduces a list (its text is read then only).
  const text = prose === undefined ? undefined : prose.kind === 'paragraph' ? prose.text : '';
  const ranks = (state.ranks ??= []);
  const known = ranks[q];
  // (The same facts, the cached result of one text, are the same text: compared first, without reading the text.)
  if (known !== undefined && known.title === title && ((b !== undefined && known.facts === b.facts && text !== undefined && text.length === known.text?.length) || known.text === text)) return known.quiet;
  const quiet = researchQuestion(doc, i, state.long[state.questions[q]!]!.l);
  // (Copies of their own: a section's title and a block's text may be slices of the document's text.)
  ranks[q] = { title: title === undefined ? undefined : detach(title), text: text === undefined ? undefined : detach(text), facts: b?.facts, quiet };
  return quiet;
}

/** The block that would introduce a list of questions before block `i` (researchQuestion): the first before it that is not a list item, within 30. */
function introOf(doc: DocumentModel, i: number): number | undefined {
  for (let j = i - 1, k = 0; j >= 0 && k < 30; j--, k++) if (doc.blocks[j]!.source.kind !== 'listItem') return j;
  return undefined;
}

/**
 * A sentence that is one short clause followed by a series of at least four comma-separated items of at most twelve
 * words each, the last one joined by and/or/en/of: an enumeration, not clauses to split. Used for list items only:
 * in a paragraph a long series is better made a list (judged true: "split at ';' or make it a list").
 */
export function seriesSentence(sentence: string): boolean {
  if (sentence.includes(';')) return false;
  const parts = sentence.split(/,\s+/);
  if (parts.length < 5) return false;
  const items = parts.slice(1);
  const wordsIn = (t: string) => t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (items.some((t) => wordsIn(t) > 12)) return false;
  return /^(?:and|or|en|of)\s/i.test(items[items.length - 1]!.trim());
}

/** The longest item of an enumeration that closes a sentence (closingList). */
export const LIST_ITEM_MAX_WORDS = 8;
/** What opens an enumeration, per language: a colon, or a cue word (dictionaries/text/<language>/readability). */
const LIST_CUES: Record<Language, RegExp> = {
  en: new RegExp(`:\\s+|(?<![\\p{L}])(?:${listWords('en', 'readability', 'enumerationCues').map(escape).join('|')})\\s+`, 'giu'),
  nl: new RegExp(`:\\s+|(?<![\\p{L}])(?:${listWords('nl', 'readability', 'enumerationCues').map(escape).join('|')})\\s+`, 'giu'),
};
/** The word that joins the last item of a series: as the item's first word, and inside the last part. */
const JOINS: Record<Language, { first: RegExp; inside: RegExp }> = {
  en: joins(listWords('en', 'readability', 'seriesConjunctions')),
  nl: joins(listWords('nl', 'readability', 'seriesConjunctions')),
};
function joins(words: string[]) {
  const w = words.map(escape).join('|');
  return { first: new RegExp(`^(?:${w})\\s+`, 'iu'), inside: new RegExp(`^(.*?)\\s(?:${w})\\s(.*)$`, 'isu') };
}
const countWords = (t: string) => {
  let n = 0;
  for (const w of t.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
};

/**
 * The enumeration that closes a sentence: after a colon or a cue word ("such as", "zoals", "o.a."), up to the sentence's
 * end, at least three items separated by commas or semicolons, the last joined by and/or (en/of), each of at most
 * LIST_ITEM_MAX_WORDS words. Where it starts in the sentence and its longest item; undefined when there is none (the
 * longest such list when there are several cues). "The board is the heads of seven studios: Walt Disney, Sony, MGM, …,
 * and Warner Brothers." Judged false as sentences to split (session 8): "the length comes from a list of names after a
 * colon; easy to scan", "lengte komt van een opsomming; splitsen helpt niet".
 */
export function closingList(sentence: string, language: Language): { start: number; longest: number; items: number } | undefined {
  const cues = LIST_CUES[language];
  const join = JOINS[language];
  let best: { start: number; longest: number; items: number; words: number } | undefined;
  for (const m of sentence.matchAll(cues)) {
    const start = m.index + m[0].length;
    const tail = sentence.slice(start).replace(/[.!?…]*["'”’)\]]*\s*$/u, '');
    const parts = tail.split(/\s*[,;]\s+/);
    if (parts.length < 2) continue;
    const items = parts.slice(0, -1);
    const last = parts[parts.length - 1]!;
    const inside = join.inside.exec(last);
    if (join.first.test(last)) items.push(last.replace(join.first, ''));
    else if (inside) items.push(inside[1]!, inside[2]!);
    else continue;
    if (items.length < 3) continue;
    const n = items.map(countWords);
    if (n.some((x) => x === 0 || x > LIST_ITEM_MAX_WORDS)) continue;
    const words = countWords(tail);
    if (!best || words > best.words) best = { start, longest: Math.max(...n), items: n.length, words };
  }
  return best && { start: best.start, longest: best.longest, items: best.items };
}

/** The names of a formal research question, per language (dictionaries/text/<language>/readability). */
const QUESTION_CUES: Record<Language, RegExp> = {
  en: new RegExp(`\\b(?:${listWords('en', 'readability', 'researchQuestionCues').join('|')})\\b`, 'iu'),
  nl: new RegExp(`(?:${listWords('nl', 'readability', 'researchQuestionCues').join('|')})(?![\\p{L}])`, 'iu'),
};

/** Whether a text names a research question ("De onderzoeksvraag luidt:", "our main research question"). */
export function namesResearchQuestion(text: string, language: Language): boolean {
  return QUESTION_CUES[language].test(text) || QUESTION_CUES[language === 'nl' ? 'en' : 'nl'].test(text);
}

/**
 * A long sentence that is a study's formal research question: it ends in a question mark, and the sentence itself
 * ("De onderzoeksvraag luidt: hoe …?"), its section's heading ("Onderzoeksvraag", "Research questions") or the text
 * that introduces it ("Voor het onderzoek werd volgende onderzoeksvraag opgesteld:", before a list of questions) names
 * it so.
 */
function researchQuestion(doc: DocumentModel, blockIndex: number, l: BlockLong): boolean {
  const block = doc.blocks[blockIndex]!;
  // The tests on the block's own text were made with the block's long sentences (speed only, lsp9).
  if (!l.asks) return false;
  if (l.named) return true;
  const section = doc.sections[block.section];
  if (section && namesResearchQuestion(section.title, l.language)) return true;
  // The paragraph that introduces a list of questions, before the list's items.
  const intro = introOf(doc, blockIndex);
  if (intro === undefined) return false;
  const prev = doc.blocks[intro]!.source;
  return prev.kind === 'paragraph' && /:\s*$/.test(prev.text) && namesResearchQuestion(prev.text, l.language);
}

/**
 * A sentence the writer has already broken into short clauses: at least one semicolon, and every part between
 * semicolons and dashes (—, a spaced – or -) at most `max` words. An enumerated series ("(1) …; and (2) …; but (3) …",
 * "1) …, 2) …, 3) …") is not one: such series were judged worth making a list (2 of 3 judged).
 */
export function shortClauses(text: string, words: ReadonlyArray<Word>, end: number, max: number): boolean {
  if (words.length === 0) return false;
  const sentence = text.slice(words[0]!.start, end);
  if (!sentence.includes(';') || /(?:^|[\s(])\(?(?:\d{1,2}|[a-z]|i{1,3}|iv)\)\s/u.test(sentence)) return false;
  const base = words[0]!.start;
  const cuts: number[] = [];
  for (const m of sentence.matchAll(/;|—|\s[–-]\s/g)) cuts.push(base + m.index);
  let part = 0;
  let count = 0;
  for (const w of words) {
    let p = 0;
    while (p < cuts.length && cuts[p]! < w.start) p++;
    if (p !== part) {
      part = p;
      count = 0;
    }
    if (++count > max) return false;
  }
  return true;
}

/**
 * The end of a label that the source marks up (bold or italic: markup dropped from the block text right before the
 * label and at its colon) and that ends in a colon followed by a capital: up to 20 words ("**Finding Employer, Payroll
 * Provider, or Gig Platform**: Overall …", "**Clients have four ways of finding a platform:** Option 1 …"); 0 when there
 * is none. Judged false when counted as words of the sentence (test/judged/findings-s6.tsv, findings-s7.tsv).
 */
export function markedLabel(block: { text: string; start: number; map: ReadonlyArray<{ t: number; tl: number; d: number; dl: number }>; mapBase?: number }, start: number, end: number): number {
  const m = labelInText(block.text, start, end);
  if (!m) return 0;
  const colon = start + m[1]!.length;
  if (!dropsMarkupAt(block, start) || !(dropsMarkupAt(block, colon) || dropsMarkupAt(block, colon + 1))) return 0;
  return start + m[0].length;
}

/** markedLabel's test of the text alone: words (1 to 20) and a colon, then a capital; undefined when there is none. */
function labelInText(text: string, start: number, end: number): RegExpExecArray | undefined {
  const m = /^([^.:;!?\n]{1,160}):(\s+)(?=[\p{Lu}\d"“‘'(])/u.exec(text.slice(start, end));
  if (!m) return undefined;
  const words = m[1]!.trim().split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));
  return words.length < 1 || words.length > 20 ? undefined : m;
}

/** Whether the source holds markup that the block text leaves out right before text offset `t`. */
function dropsMarkupAt(block: { start: number; map: ReadonlyArray<{ t: number; tl: number; d: number; dl: number }>; mapBase?: number }, t: number): boolean {
  const map = block.map;
  for (let i = 0; i < map.length; i++) {
    const seg = map[i]!;
    if (seg.t > t) return false;
    if (seg.t !== t) continue;
    if (i === 0) return t === 0 && seg.d + (block.mapBase ?? 0) > block.start;
    const prev = map[i - 1]!;
    return prev.t + prev.tl === t && prev.d + prev.dl < seg.d;
  }
  return false;
}

/**
 * The end of a label that opens a block: at most five words ending in a colon, followed by a capital
 * ("Verwijzingen buiten de beslisboom: Maak …", "Next steps: The team …"); 0 when there is none. A clause
 * before a colon is longer than that ("But Nimmer was making an important point: A year before …").
 */
export function leadingLabel(text: string, start: number, end: number): number {
  const m = /^([^.:;!?\n]{1,60}):\s+(?=[\p{Lu}\d"“‘'(])/u.exec(text.slice(start, end));
  if (!m) return 0;
  const words = m[1]!.trim().split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));
  return words.length >= 1 && words.length <= 5 ? start + m[0].length : 0;
}

/** The counts of candidates per length (markLongest), kept between checks and cleared after use (no array per check). */
const BY_LENGTH: number[] = [];

/**
 * Marks (markedAt = now) the `budget` longest candidates (budget < candidates.length): those a stable sort by length,
 * longest first, would put first (of equal length, the earlier in the list). Found by counting the candidates of each
 * length (speed only, session 28: no sort of every candidate at every check, ~700 in the footnoted thesis): the
 * shortest length that is marked, all longer ones, and as many of that length as the budget leaves, in order.
 */
export function markLongest(candidates: ReadonlyArray<{ l: { words: number }; markedAt?: number }>, budget: number, now: number): void {
  const n = candidates.length;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const w = candidates[i]!.l.words;
    if (w > longest) longest = w;
    BY_LENGTH[w] = (BY_LENGTH[w] ?? 0) + 1;
  }
  // From the longest length down to the one at which the budget runs out.
  let above = 0;
  let at = longest;
  while (at > 0 && above + (BY_LENGTH[at] ?? 0) < budget) above += BY_LENGTH[at--] ?? 0;
  let left = budget - above;
  for (let i = 0; i < n; i++) {
    const x = candidates[i]!;
    const w = x.l.words;
    if (w > at || (w === at && left-- > 0)) x.markedAt = now;
  }
  BY_LENGTH.length = 0;
}

/**
 * Long sentences, ranked per section: the longest sentences of a section (at most
 * `warningsPerSection`, and no more than the document's budget of `warningsPer1000Words`)
 * carry the rule's severity; the other long sentences of the section are hints, and the
 * section gets one finding that counts them ("9 of 31 sentences here are over 25 words").
 * A writer sees where to start, not a wall of identical warnings.
 */
export const longSentence: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'readability/long-sentence',
    languages: ['nl', 'en'],
    defaultSeverity: 'warning',
    description: message('Sentences that are too long for readers in practice.', 'Zinnen die te lang zijn voor lezers in de praktijk.'),
    rationale: message(
      'Professionals have little time to read. Sentences of more than about 25 words are read slowly and misread more often; a report that wants to be used keeps them short.',
      'Professionals hebben weinig tijd om te lezen. Zinnen van meer dan ongeveer 25 woorden lezen traag en worden vaker verkeerd begrepen. Een rapport dat gebruikt wil worden, houdt zijn zinnen kort.',
    ),
    options: {
      // sectionMarginWords: a section's summary finding is shown when its longest long sentence is more than this many
      // words over the limit; a section of sentences only just over it (the longest 29 at 25) gets a hint.
      // sentenceMarginWords: a sentence at most this many words over the limit (26–29 at 25, below the academic limit of
      // 30) is a hint, not a warning: over four blind samples (test/judged/findings*.tsv) such sentences were worth
      // splitting in 1 of 4 ("just over the limit, with a clear structure"), longer ones in 46 of 54. General shows them.
      // clauseMaxWords: a sentence broken at semicolons (and dashes) into parts of at most this many words is already
      // split for the reader ("It's one thing …; it's quite another …"): over the blind samples, such sentences with
      // parts of 16–18 words were judged not worth splitting (2 of 2), those with a part of 22 words or more were
      // (10 of 11). 0 turns it off (general).
      // sectionMinPercent, sectionLongestOverWords: a section's summary finding is shown when at least this share of its
      // sentences is long, or its longest sentence is at least this many words over the limit; otherwise it is a hint
      // (its longest sentences keep their own findings). Pooled over seven blind samples (npm run judged), section
      // findings with fewer than 25 % long sentences and none of 45 words were judged worth acting on in 5 of 9
      // ("only a few sentences just over the limit; the prose reads easily"), the others in 36 of 37. General shows all.
      // languageMargin: a sentence's margin is the language's own where that is wider (dictionaries/text/<language>/
      // readability `sentenceMarginWords`: English 15, Dutch 4). Pooled over eleven blind samples, English sentences of
      // 26–40 words were worth splitting in 5 of 26, Dutch ones in 20 of 27. General shows them (false).
      practitioner: { maxWords: 25, summaryMaxWords: 20, warningsPerSection: 3, warningsPer1000Words: 1.5, foldFrom: 3, sectionMarginWords: 5, sentenceMarginWords: 4, languageMargin: true, clauseMaxWords: 20, sectionMinPercent: 25, sectionLongestOverWords: 20 },
      academic: { maxWords: 30, summaryMaxWords: 25, warningsPerSection: 2, warningsPer1000Words: 1, foldFrom: 4, sectionMarginWords: 5, sentenceMarginWords: 4, languageMargin: true, clauseMaxWords: 20, sectionMinPercent: 25, sectionLongestOverWords: 20 },
      general: { maxWords: 20, summaryMaxWords: 15, warningsPerSection: 3, warningsPer1000Words: 2, foldFrom: 3, sectionMarginWords: 5, sentenceMarginWords: 0, languageMargin: false, clauseMaxWords: 0, sectionMinPercent: 0, sectionLongestOverWords: 20 },
    },
  },
  check(doc, ctx) {
    const max = numberOption(longSentence.meta, ctx, 'maxWords');
    const summaryMax = numberOption(longSentence.meta, ctx, 'summaryMaxWords');
    const perSection = Math.max(0, numberOption(longSentence.meta, ctx, 'warningsPerSection'));
    const per1000 = Math.max(0, numberOption(longSentence.meta, ctx, 'warningsPer1000Words'));
    const foldFrom = Math.max(1, numberOption(longSentence.meta, ctx, 'foldFrom'));
    const margin = Math.max(0, numberOption(longSentence.meta, ctx, 'sectionMarginWords'));
    const sentenceMargin = Math.max(0, numberOption(longSentence.meta, ctx, 'sentenceMarginWords'));
    // The language's own margin (languageMargin), unless the writer set sentenceMarginWords: then that, in every language.
    const setByWriter = (doc.config.rules[longSentence.meta.id]?.options as RuleContext['options'] | undefined)?.sentenceMarginWords !== undefined;
    const byLanguage = !setByWriter && booleanOption(ctx, 'languageMargin');
    const marginOf = (language: Language) => (byLanguage ? (numberOf(language, 'readability', 'sentenceMarginWords') ?? sentenceMargin) : sentenceMargin);
    const clauseMax = Math.max(0, numberOption(longSentence.meta, ctx, 'clauseMaxWords'));
    const minPercent = Math.max(0, numberOption(longSentence.meta, ctx, 'sectionMinPercent'));
    const longestOver = Math.max(0, numberOption(longSentence.meta, ctx, 'sectionLongestOverWords'));
    // Acknowledgements are written for those thanked, not for the practitioner reader: their sentences are left alone.
    const thanks = new Set<number>();
    for (let i = 0; i < doc.sections.length; i++) if (acknowledgementsAt(doc.sections[i]!, i)) thanks.add(i);
    // So is a text the report says it adopted ("This Code of Conduct is adapted from the Contributor Covenant"): the
    // writer may not rewrite it (judged false three times in s12: "standard text, adopted word for word").
    for (const i of adoptedSections(doc)) thanks.add(i);
    // Speed only (lsp10c): the blocks' counts and long sentences summed per run of blocks (block-runs.ts), so that a
    // re-check after an edit asks only the runs around it; the same sections, counts and sentences in the same order.
    const runs = RUNS.runs(doc, (from, to) => runLongSentences(doc, from, to, max, summaryMax, clauseMax), `${max} ${summaryMax} ${clauseMax}`);
    // Sentences per section (the innermost heading above them; -1 before the first heading), in the order the sections
    // come: what each section's long sentences are gathered from (its runs' summaries, the answers of blocks asked at
    // each check) and the runs themselves (a section's blocks are consecutive).
    const groups = sectionGroups(runs, thanks);
    // The blocks that are the last check's block objects (the first `same`): a section among them whose state served it
    // at the last check, with the same runs, is as it was then (see unchanged).
    const lastBlocks = LAST_BLOCKS?.deref() ?? NO_BLOCKS;
    const same = SAME;
    same.prefix = samePrefix(doc.blocks, lastBlocks);
    same.from = NaN;
    same.blocks = doc.blocks;
    same.last = lastBlocks;
    LAST_BLOCKS = new WeakRef(doc.blocks);
    const now = ++CHECKS;
    // Each section's long sentences, ranked: as at the last check when it has the same sources (speed only, session 9:
    // the ranks of its questions and the order of its sentences of equal length checked again), else gathered anew.
    const gatherKey = `${byLanguage} ${sentenceMargin}`;
    // (A state that served a section in this check has `usedAt` this check's number: no set of them per check.)
    // (The block lists let go after the loop, whatever happens in it.)
    try {
      for (let gi = 0; gi < groups.length; gi++) {
        const g = groups[gi]!;
        // (A section kept from the last check: what movedBy() noted then is not this check's.)
        g.movedState = undefined;
        const first = g.runs[0]!.value;
        // (Speed only, s31: with spare states, the one kept for this section; each is checked below as `state` is.
        // stateFor() asked unchanged() of each state it read: the one it found so is FOUND_UNCHANGED, any other it
        // returns was found not so or was used in this check, and is not asked again.)
        let known: SectionState | undefined;
        let kept: boolean;
        if (first.spare === undefined) {
          known = first.state;
          kept = known !== undefined && known.usedAt !== now && unchanged(g, known, same, now, gatherKey);
        } else {
          known = stateFor(first, g, same, now, gatherKey);
          kept = known !== undefined && known === FOUND_UNCHANGED;
        }
        // Each state serves one section per check (sections of the same text share their sources: each has its own blocks).
        if (known && kept && questionsRanked(doc, g, known)) {
          // Speed only (session 12): the same runs of the same block objects as at the last check, which this state served
          // (its sources the same, its blocks where they were, the findings moved by as much as then).
          g.sources = known.sources;
          g.movedState = known;
          g.movedBy = known.seen!.by;
          g.state = known;
        } else {
          // The state's own sources when the section's are the same (compared as they are read: no list made; speed only, doc32).
          g.sources = known && known.usedAt !== now && known.key === gatherKey && (keptSources(doc, g, known, now, max, summaryMax, clauseMax) || sameSources(doc, g, known.sources, max, summaryMax, clauseMax)) ? known.sources : sourcesOf(doc, g, max, summaryMax, clauseMax);
          if (known && known.usedAt !== now && stillRanked(doc, g, known, gatherKey)) {
            g.state = known;
          } else {
            g.state = gather(doc, g, gatherKey, max, summaryMax, clauseMax, marginOf);
            // (Per section, by the first of its sources: a run's summary, the same object while the run's blocks are the same.)
            keepState(first, known, g.state, now);
          }
        }
        g.state.usedAt = now;
      }
    } finally {
      same.blocks = same.last = NO_BLOCKS;
      FOUND_UNCHANGED = undefined;
    }
    // The document's budget of warnings goes to the longest sentences, at most `perSection` in a section.
    const budget = Math.max(1, Math.round((doc.metrics.words * per1000) / 1000));
    // Within the budget all candidates are marked (`all`), in any order: no list of them, no sort and no candidate
    // written then (speed and garbage only, ls36: ~130 candidates at 100,000 words, the sections' first long sentences).
    // Else the marked ones have `markedAt` this check's number (no set of them per check; speed only, session 12).
    let count = 0;
    for (let gi = 0; gi < groups.length; gi++) {
      const state = groups[gi]!.state!;
      if (!state.top || state.top.perSection !== perSection) {
        const top: LongSentence[] = [];
        for (const x of state.long) {
          if (top.length >= perSection) break;
          if (!x.quiet) top.push(x);
        }
        state.top = { perSection, long: top };
      }
      count += state.top.long.length;
    }
    const all = count <= budget;
    if (!all) {
      const candidates: LongSentence[] = new Array(count);
      let c = 0;
      for (let gi = 0; gi < groups.length; gi++) {
        const top = groups[gi]!.state!.top!.long;
        for (let t = 0; t < top.length; t++) candidates[c++] = top[t]!;
      }
      markLongest(candidates, budget, now);
    }

    // (Made at the length of the last check's list and written by index: no copies of a list grown one finding at a
    // time, ~850 findings at 100,000 words; speed and garbage only, ls36.)
    const out: DocumentFinding[] = new Array(LAST_COUNT);
    let o = 0;
    const bom = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const options = `${ctx.severity} ${max} ${sentenceMargin} ${byLanguage} ${foldFrom} ${margin} ${minPercent} ${longestOver} ${perSection} `;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      const state = g.state!;
      const long = state.long;
      const sentences = g.sentences;
      const sec = doc.sections[g.section];
      // Only a section's candidates can be marked.
      const top = state.top!.long;
      // The findings of the last check, when they were made with the same marks, options and places (the same source
      // maps at the same bases): the same findings, without mapping each sentence again (speed only, lsp10c).
      // A section after an edit has moved as a whole: every place by the same distance (the same maps, each base moved
      // by it, and the section's heading too); its findings are moved in place (moveFindings).
      // A section whose blocks asked at each check have no long sentence has no finding (speed only, ls34: not made anew
      // at every check). What a check notes of a section whose findings it made, it notes of this one.
      if (long.length === 0) {
        const seen = state.seen;
        if (seen !== undefined) (seen.check = now), (seen.by = 0), (seen.runs = g.runs);
        else state.seen = { check: now, by: 0, runs: g.runs };
        continue;
      }
      const made = state.made;
      if (made && made.options === options && made.bom === bom && long.length > 0 && sameMarks(made.marks, made.all, top, all, now)) {
        const by = movedBy(doc, g, state);
        const same = by !== null && (sec === undefined ? made.offset === undefined : made.offset !== undefined && made.endOffset !== undefined && sec.offset - made.offset === by && sec.endOffset - made.endOffset === by);
        if (same && by !== null) {
          if (by !== made.moved) {
            moveFindings(made.findings, by - made.moved);
            made.moved = by;
          }
          const mf = made.findings;
          for (let k = 0; k < mf.length; k++) out[o++] = mf[k]!;
          const seen = state.seen;
          // (This check's list of runs, the one the section keeps while editedGroups keeps it: keptSources compares lists
          // by identity. The section holds it anyway; the last one is let go. Speed only, ls37.)
          if (seen !== undefined) (seen.check = now), (seen.by = by), (seen.runs = g.runs);
          else state.seen = { check: now, by, runs: g.runs };
          continue;
        }
      }
      // Each sentence at its block in this check.
      for (let j = 0; j < long.length; j++) long[j]!.block = blockOf(doc, g, state.at, j);
      const findings: DocumentFinding[] = [];
      // (The folded sentences counted, the longest, the lowest limit and whether all are within their language's margin
      // read in the same loop: no lists of them; speed and garbage only, ls36.)
      let folded = 0;
      let longest = -Infinity;
      let limit = Infinity;
      let withinMargins = true;
      // (A candidate is one of `top`, the section's long sentences in order with those that are not candidates left out.)
      let t = 0;
      for (let j = 0; j < long.length; j++) {
        const x = long[j]!;
        const candidate = t < top.length && top[t] === x;
        if (candidate) t++;
        const isMarked = all ? candidate : x.markedAt === now;
        const within = x.l.words <= x.l.limit + marginOf(x.l.language);
        if (!isMarked) folded++;
        if (x.l.words > longest) longest = x.l.words;
        if (x.l.limit < limit) limit = x.l.limit;
        if (!within) withinMargins = false;
        // Only just over the limit (see sentenceMarginWords and languageMargin): a hint, whatever its rank.
        const shown = isMarked && !x.list && !within;
        findings.push(sentenceFinding(x, shown ? (x.l.words > max ? ctx.severity : 'info') : 'hint', isMarked ? undefined : long.length));
      }
      if (folded > 0 && long.length >= foldFrom) {
        const f = sectionFinding(sec?.offset, sec?.endOffset, long, sentences, long.length - folded, ctx, longest, limit);
        // A section whose long sentences are all only just over the limit (27–29 words at 25) has no sentence a writer
        // must split: its finding is a hint (judged false: "only slightly over the limit, with a clear structure").
        if (longest <= limit + margin) f.severity = 'hint';
        // Every long sentence of the section within its language's own margin (languageMargin: English 15 words): each is
        // a hint, and so is their count. Pooled over twelve blind samples, such English section findings were worth acting
        // on in 1 of 6 ("only slightly over, clearly built"); Dutch ones, whose margin stays 4, in 7 of 8.
        else if (byLanguage && withinMargins) f.severity = 'hint';
        // A few long sentences in a section of many, none far over the limit: the section reads easily as a whole and its
        // longest sentences are marked on their own (see sectionMinPercent).
        else if (long.length * 100 < minPercent * sentences && longest < limit + longestOver) f.severity = 'hint';
        findings.push(f);
      }
      // In document order (speed only, session 15): the engine sorts all findings by place, and a rule's findings that
      // come in order (its sections do; these, moved in place, stay so) cost that sort one comparison each.
      findings.sort(byPlace);
      const places = state.blocks.map((j) => long[j]!.block);
      state.made = { options, marks: top.map((x) => all || x.markedAt === now), all, bom, offset: sec?.offset, endOffset: sec?.endOffset, maps: places.map((b) => b.source.map), bases: places.map((b) => b.mapBase), findings, moved: 0 };
      state.seen = { check: now, by: 0, runs: g.runs };
      // The findings themselves go out (the engine copies each; a later check moves them in place).
      for (let k = 0; k < findings.length; k++) out[o++] = findings[k]!;
    }
    if (o !== out.length) out.length = o;
    LAST_COUNT = o;
    return out;
  },
  // Speed only (lsp9): the new blocks' long sentences, by the limits the check reads from the same options (engine.ts
  // context), made ahead of it a few blocks per step (engine.ts warm) instead of all in the check's one step.
  warm(doc, blocks) {
    const rule = longSentence.meta;
    const options = { ...rule.options[doc.config.audience], ...(doc.config.rules[rule.id]?.options as RuleContext['options'] | undefined) };
    const ctx: RuleContext = { config: doc.config, audience: doc.config.audience, options, severity: rule.defaultSeverity };
    const max = numberOption(rule, ctx, 'maxWords');
    const summaryMax = numberOption(rule, ctx, 'summaryMaxWords');
    const clauseMax = Math.max(0, numberOption(rule, ctx, 'clauseMaxWords'));
    for (const i of blocks) {
      const b = doc.blocks[i];
      if (b && !b.source.skip) longSentencesOf(b, max, summaryMax, clauseMax);
    }
  },
};

function sentenceMessage(words: number, inSummary: boolean, hint: string | undefined, max: number, summaryMax: number): Message {
  const where = hint
    ? message(` Split it, for example at "${hint.replace(/^, /, '')}".`, ` Splits hem, bijvoorbeeld bij "${hint.replace(/^, /, '')}".`)
    : message(' Split it into two or more sentences.', ' Maak er twee of meer zinnen van.');
  const m = inSummary && words <= max
    ? message(`This sentence in the summary has ${words} words; keep summary sentences to ${summaryMax} words at most.`, `Deze zin in de samenvatting telt ${words} woorden. Houd zinnen in een samenvatting op hoogstens ${summaryMax} woorden.`)
    : message(`This sentence has ${words} words; more than ${max} is hard to follow.`, `Deze zin telt ${words} woorden. Meer dan ${max} is moeilijk te volgen.`);
  return { en: m.en + where.en, nl: m.nl + where.nl };
}

function sentenceFinding({ l, block, list }: LongSentence, severity: Severity, ofInSection: number | undefined): DocumentFinding {
  const data: Record<string, unknown> = ofInSection === undefined ? { words: l.words, maxWords: l.limit } : { words: l.words, maxWords: l.limit, folded: true };
  const range = block.toDocument(l.start, l.end);
  return { offset: range.offset, endOffset: range.endOffset, severity, message: list ? l.listed!.message : l.message, data };
}

function listMessage(words: number, inList: number, items: number): Message {
  return message(
    `This sentence has ${words} words; ${inList} of them are a list of ${items} items. A bulleted list is easier to scan than one long sentence.`,
    `Deze zin telt ${words} woorden, waarvan ${inList} in een opsomming van ${items} items. Een lijst met opsommingstekens leest makkelijker dan één lange zin.`,
  );
}

function sectionFinding(offset: number | undefined, endOffset: number | undefined, long: LongSentence[], sentences: number, markedCount: number, ctx: RuleContext, longest: number, limit: number): DocumentFinding {
  const max = numberOption(longSentence.meta, ctx, 'maxWords');
  // (The first sentence is looked for only without a section's range: speed only, ls36, no block of each read again.)
  let range: { offset: number; endOffset: number };
  if (offset !== undefined && endOffset !== undefined) range = { offset, endOffset };
  else {
    const first = long.reduce((a, b) => (a.block.blockStart <= b.block.blockStart ? a : b));
    range = first.block.toDocument(first.l.start, first.l.end);
  }
  const related: RelatedLocation[] = long.map(({ l, block }) => {
    const r = block.toDocument(l.start, l.end);
    return { offset: r.offset, endOffset: r.endOffset, message: l.related };
  });
  const marked = markedCount === 0
    ? message('the others are marked as hints.', 'de andere staan als hint gemarkeerd.')
    : markedCount === 1
      ? message('the longest is marked; the others are hints.', 'de langste is gemarkeerd; de andere staan als hint.')
      : message(`the ${markedCount} longest are marked; the others are hints.`, `de ${markedCount} langste zijn gemarkeerd; de andere staan als hint.`);
  return {
    ...range,
    severity: 'info',
    message: message(
      `${long.length} of ${sentences} sentences in this section are over ${limit} words (the longest has ${longest}); ${marked.en} Shorter sentences here help most.`,
      `${long.length} van de ${sentences} zinnen in dit hoofdstuk zijn langer dan ${limit} woorden (de langste telt er ${longest}); ${marked.nl} Kortere zinnen helpen hier het meest.`,
    ),
    related,
    data: { section: true, long: long.length, sentences, maxWords: max, marked: markedCount },
  };
}
