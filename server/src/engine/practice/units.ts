import type { BlockKind, Section } from '../types.js';
import type { DocumentBlock, DocumentModel } from '../rules/types.js';
import type { PracticeLexicon } from './lexicon.js';
import type { PatternSet } from './patterns.js';
import { detach } from '../cache.js';
import { blockEditOf } from '../incremental.js';

/** A sentence (or a heading) of the document, placed, with what the practice analysis needs to know about where it stands. */
export interface Unit {
  text: string;
  /** 1-based line of its start. */
  line: number;
  offset: number;
  endOffset: number;
  /** Index of the section, -1 before the first heading. */
  section: number;
  /** Index of the block in the document model. */
  block: number;
  kind: BlockKind;
  /** Instruction or template text ("je onderzoek", \lipsum, TODO): not evidence. */
  template: boolean;
  /** In acknowledgements: thanks are no evidence of practice involvement. */
  acknowledgements: boolean;
  /** Future tense or a plan, or inside a proposal: at most partial evidence. */
  plan: boolean;
  /**
   * What the analysis worked out from the unit's text alone (its cue matches), kept with the
   * cached block unit: a re-check after an edit reads it instead of matching again.
   */
  memo: unknown[];
}

/** Memo slots of a unit after the insights' own (one per insight, by its index in INSIGHT_IDS). */
export const MEMO_SLOT = { policy: 12, study: 13, pseudoHeading: 14, inline: 15, tools: 16, cueBits: 17, recommendation: 18, recommends: 19 } as const;
/**
 * Slots of a unit's memo, made at this length at once: an array grown slot by slot from empty takes
 * about twice the slots, and a named property on it another object (a long document has thousands of units).
 */
const MEMO_SIZE = 20;

/**
 * What a check's passes over the units need to see (compute() in analysis.ts). Most units of a
 * long document have no cue, no level, no recommendation and no tool: a pass skips them, so a
 * re-check after an edit reads only the units that can add something, whole blocks at a time.
 */
export interface UnitFilter {
  /** Whether a unit can add to any pass from its text and kind alone (its answers are kept in its memo). */
  relevant(u: Unit): boolean;
  /** A paragraph unit written as a heading of recommendations (from its text alone): whether it names research; false when it is none. */
  pseudoHeading(u: Unit): { research: boolean } | false;
}

/**
 * The units of one check, as the passes over them see them: the units a filter keeps (all, without
 * one), and the list items that follow a pseudo-heading of recommendations, each with whether the
 * pseudo-heading named research and the pseudo-heading's section.
 */
export interface CheckUnits {
  units: Unit[];
  pseudoItems: Array<{ unit: Unit; research: boolean; section: number }>;
}

/** A cached block's answers for a filter: relevant to some pass, and what it does to a pseudo-heading run. */
interface BlockSummary {
  filter: UnitFilter;
  kind: BlockKind;
  relevant: boolean;
  /** 'none': no unit counts (all template); 'list': list items; 'reset': ends a run; or the run its last unit starts (false: none). */
  pseudo: 'none' | 'list' | 'reset' | { research: boolean } | false;
}

/** Section titles of a section and all the sections around it, innermost first. */
export function sectionPaths(sections: Section[]): string[][] {
  const paths: string[][] = [];
  const stack: number[] = [];
  sections.forEach((s, i) => {
    while (stack.length && sections[stack[stack.length - 1]!]!.level >= s.level) stack.pop();
    stack.push(i);
    paths.push([...stack].reverse().map((j) => sections[j]!.title));
  });
  return paths;
}

/** A unit as its block alone decides it: text, place in the block, and what its text says. */
interface BlockUnit {
  text: string;
  start: number;
  end: number;
  template: boolean;
  /**
   * Whether its text names a plan or the future (the lexicon's plan cues): asked when a check reads it (planOf), not
   * when the unit is made; only the few units with a cue match are ever asked, once.
   */
  plan: boolean | undefined;
  memo: unknown[];
}

/** Whether a block unit's text names a plan (kept with it). */
function planOf(u: BlockUnit, plans: PatternSet): boolean {
  return (u.plan ??= plans.test(u.text));
}

/**
 * The units of each analysed block, per lexicon. Keyed by the block's sentence list, which the
 * engine's block cache hands out unchanged for a block that did not change, so a re-check after
 * an edit splits and tests only the edited blocks' sentences; the text strings stay the same
 * objects too, which keeps the pattern sets' memo cheap. The units as placed at the last check
 * are kept with them: a block that is in the same section as then gets the same unit objects,
 * moved to its new place (after an edit, only the edited blocks' units are made anew).
 */
/** A block's units, where they were placed last, and its summary for a filter. */
interface UnitsEntry {
  /**
   * The units; dropped once the block's summary says no pass reads them (not relevant, no list item
   * of a pseudo-heading run: most blocks of a long report), and made again from the block if a check
   * asks for them after all (listOf).
   */
  list: BlockUnit[] | undefined;
  placed: PlacedBlockUnits | undefined;
  summary: BlockSummary | undefined;
}
const byBlock = new WeakMap<PracticeLexicon, WeakMap<object, UnitsEntry>>();

/** A block's placed units with what they were placed by. */
interface PlacedBlockUnits {
  /** (NO_UNITS when the block has none: never changed.) */
  units: Unit[];
  place: BlockPlace;
  section: number;
  acknowledgements: boolean;
  planSection: boolean;
}

/** Where a block's units stand in the document being checked (changed in place when the units are reused by a later check). */
interface BlockPlace {
  /** Index of the block in the check's document model (the block itself is read through the check). */
  block: number;
  /** The check that placed it last (its units' offsets and line are worked out again for another). */
  check: Check;
}

/**
 * A check's line index and blocks, held weakly: units kept with a block that an edit replaced must
 * not keep that document version alive (the line index holds its text; a placed block holds the
 * parser's block, whose text is a slice of the whole Markdown chunk it came from).
 */
export interface Check {
  lines: WeakRef<DocumentModel['lines']>;
  blocks: WeakRef<DocumentModel['blocks']>;
  /**
   * The check made just before this one for the same runs (checkOf; its own `previous` dropped, so that no chain of
   * checks is kept), when the engine placed this check's blocks after it: its first `kept` blocks are that check's
   * block objects, in the same places and on the same lines (BlockEdit.before). Otherwise undefined and 0.
   */
  previous: Check | undefined;
  kept: number;
}

/** A run of white space other than one space: one that starts with another white-space character, or a space and more. */
const OTHER_SPACE = /[^\S ]\s*| \s+/g;

function blockUnits(text: string, spans: Array<[number, number]>, heading: boolean, lex: PracticeLexicon): BlockUnit[] {
  // A heading is never template text: its text is not asked. A block's whole text is asked about by this one set only:
  // it is searched alone (lone), not with the lexicon's other sets and not through their memo of texts.
  const blockTemplate = !heading && lex.template.lone(text);
  const out: BlockUnit[] = [];
  for (const [start, end] of spans) {
    // Runs of white space as one space (as \s+ → ' '): only the runs that are not a single space already are
    // replaced, not every space of the sentence; a text with none is copied (not kept as a slice of the block's).
    const raw = text.slice(start, end);
    const spaced = raw.replace(OTHER_SPACE, ' ');
    const t = spaced === raw ? detach(raw.trim()) : spaced.trim();
    if (!/\p{L}/u.test(t)) continue;
    out.push({ text: t, start, end, template: blockTemplate && lex.template.test(t), plan: undefined, memo: new Array<unknown>(MEMO_SIZE) });
  }
  return out;
}

/** Splits the document into units: each sentence of prose, list items, captions and footnotes, and each heading. */
export function unitsOf(doc: DocumentModel, lex: PracticeLexicon): Unit[] {
  return checkUnits(doc, lex).units;
}

/**
 * The units of a check. With a filter, a block whose cached units the filter finds irrelevant
 * (and that is not in a section `keepSection` keeps, the recommendations sections) adds none, and the pseudo-heading runs are followed block by
 * block from the blocks' cached summaries: the passes see the same units that count, in the same
 * order, without visiting the others.
 */
export function checkUnits(doc: DocumentModel, lex: PracticeLexicon, filter?: UnitFilter, keepSection?: (section: number) => boolean): CheckUnits {
  const { ackSection, planSection } = sectionMarks(doc.sections, lex);
  let cache = byBlock.get(lex);
  if (!cache) byBlock.set(lex, (cache = new WeakMap()));
  const check: Check = { lines: new WeakRef(doc.lines), blocks: new WeakRef(doc.blocks), previous: undefined, kept: 0 };
  const units: Unit[] = [];
  const pseudoItems: CheckUnits['pseudoItems'] = [];
  let pseudo: { research: boolean; section: number } | undefined;
  const blocks = doc.blocks;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    const pb = b.source;
    if (pb.skip || pb.kind === 'tableCell') continue;
    const heading = pb.kind === 'heading';
    const cacheable = !heading && b.sentences.length > 0;
    const entry = entryOf(cache, b, lex);
    const acknowledgements = b.section >= 0 && ackSection[b.section]!;
    const planned = b.section >= 0 && planSection[b.section]!;
    // An entry kept from one check to the next (a block's units by its sentences, a heading's by its map).
    const stable = cacheable || heading;
    let placed: Unit[] | undefined;
    if (!filter) {
      for (const u of placeUnits(entry, stable, b, bi, check, acknowledgements, planned, lex)) units.push(u);
      continue;
    }
    // The block's answers for this filter: from its cached units once, from its units at every check when not cached.
    let summary = stable ? entry.summary : undefined;
    if (!summary || summary.filter !== filter || summary.kind !== pb.kind) {
      summary = summarise((placed = placeUnits(entry, stable, b, bi, check, acknowledgements, planned, lex)), pb.kind, filter);
      if (stable) keepSummary(entry, summary);
    }
    const kept = summary.relevant || (b.section >= 0 && !!keepSection?.(b.section));
    if (kept) for (const u of (placed ??= placeUnits(entry, stable, b, bi, check, acknowledgements, planned, lex))) units.push(u);
    // Pseudo-heading runs: list items after one are recommendations; any other unit that counts ends the run.
    const s = summary.pseudo;
    if (s === 'none') continue;
    if (s === 'list') {
      if (pseudo) for (const u of (placed ??= placeUnits(entry, stable, b, bi, check, acknowledgements, planned, lex))) if (!u.template) pseudoItems.push({ unit: u, research: pseudo.research, section: pseudo.section });
      continue;
    }
    pseudo = s === 'reset' || s === false ? undefined : { research: s.research, section: b.section };
  }
  return { units, pseudoItems };
}

/**
 * A block without units: one shared empty array (speed only: an empty array made by `map` has another elements kind than
 * one of units, and the optimized code that iterated the units of a check met it as a new map and was compiled again).
 */
const NO_UNITS: Unit[] = [];

/** A block's units, from the cache kept with its sentences (a heading's with its map) or made now. */
function entryOf(cache: WeakMap<object, UnitsEntry>, b: DocumentBlock, lex: PracticeLexicon): UnitsEntry {
  const pb = b.source;
  const sentences = b.sentences;
  const heading = pb.kind === 'heading';
  // Headings and blocks without sentences are one unit (not cached: their sentence list may be shared).
  const cacheable = !heading && sentences.length > 0;
  let entry = cacheable ? cache.get(sentences) : undefined;
  if (!entry) {
    // A heading's unit is kept with its map (the parser hands out an unchanged block's map again) while its text is the same.
    const byMap = heading ? headingUnits.get(lex)?.get(pb.map) : undefined;
    if (byMap && byMap.text === pb.text) entry = byMap.entry;
    else {
      // Every field from the start: an entry keeps one shape as placeUnits and keepSummary fill it in (speed only).
      entry = { list: unitsOfBlock(b, lex), placed: undefined, summary: undefined };
      if (cacheable) cache.set(sentences, entry);
      if (heading) {
        let m = headingUnits.get(lex);
        if (!m) headingUnits.set(lex, (m = new WeakMap()));
        m.set(pb.map, { text: detach(pb.text), entry });
      }
    }
  }
  return entry;
}

/** The units of a block as its text and sentences make them. */
function unitsOfBlock(b: DocumentBlock, lex: PracticeLexicon): BlockUnit[] {
  const pb = b.source;
  const sentences = b.sentences;
  const heading = pb.kind === 'heading';
  const spans: Array<[number, number]> = heading || sentences.length === 0 ? [[0, pb.text.length]] : sentences.map((s) => [s.start, s.end]);
  return blockUnits(pb.text, spans, heading, lex);
}

/** A block's units: kept with its entry, or made again (see UnitsEntry.list). */
function listOf(entry: UnitsEntry, b: DocumentBlock, lex: PracticeLexicon): BlockUnit[] {
  return (entry.list ??= unitsOfBlock(b, lex));
}

/**
 * Keeps a cached entry's summary, and its units only when a later check reads them: a block that
 * is not relevant and has no list items for a pseudo-heading run adds no unit to any pass.
 */
function keepSummary(entry: UnitsEntry, summary: BlockSummary): void {
  entry.summary = summary;
  if (!summary.relevant && summary.pseudo !== 'list') {
    entry.list = undefined;
    entry.placed = undefined;
  }
}

/**
 * Makes the units and the filter's summary of the given blocks ahead of a check (the practice
 * analysis's warm-up, which the engine runs in steps): the check then reads them from the cache.
 * The same entries and summaries as the check would make; nothing else changes.
 */
export function warmUnits(doc: DocumentModel, lex: PracticeLexicon, filter: UnitFilter, indices: readonly number[]): void {
  const { ackSection, planSection } = sectionMarks(doc.sections, lex);
  let cache = byBlock.get(lex);
  if (!cache) byBlock.set(lex, (cache = new WeakMap()));
  const check: Check = { lines: new WeakRef(doc.lines), blocks: new WeakRef(doc.blocks), previous: undefined, kept: 0 };
  for (const bi of indices) {
    const b = doc.blocks[bi];
    if (!b) continue;
    const pb = b.source;
    if (pb.skip || pb.kind === 'tableCell') continue;
    const heading = pb.kind === 'heading';
    const cacheable = !heading && b.sentences.length > 0;
    if (!cacheable && !heading) continue;
    const entry = entryOf(cache, b, lex);
    if (entry.summary && entry.summary.filter === filter && entry.summary.kind === pb.kind) continue;
    const acknowledgements = b.section >= 0 && ackSection[b.section]!;
    const planned = b.section >= 0 && planSection[b.section]!;
    keepSummary(entry, summarise(placeUnits(entry, true, b, bi, check, acknowledgements, planned, lex), pb.kind, filter));
  }
}

/** A block's units placed for this check: the units an earlier check placed in the same section, moved to the block's new place, or new ones. */
function placeUnits(entry: UnitsEntry, cacheable: boolean, b: DocumentBlock, bi: number, check: Check, acknowledgements: boolean, planned: boolean, lex: PracticeLexicon): Unit[] {
  const p = entry.placed;
  // (Not when this check placed them already: a block whose text occurs twice.)
  if (cacheable && p && p.place.check !== check && p.section === b.section && p.acknowledgements === acknowledgements && p.planSection === planned) {
    p.place.block = bi;
    p.place.check = check;
    return p.units;
  }
  const kind = b.source.kind;
  const where: BlockPlace = { block: bi, check };
  const list = listOf(entry, b, lex);
  let made = NO_UNITS;
  if (list.length > 0) {
    made = [];
    for (const u of list) made.push(new PlacedUnit(u, where, kind, b.section, acknowledgements, planned, lex.plan));
  }
  if (cacheable && (!p || p.place.check !== check)) entry.placed = { units: made, place: where, section: b.section, acknowledgements, planSection: planned };
  return made;
}

/**
 * Heading units by the heading's map, with the text they were made from (a copy of its own, so
 * that no slice of an old document version is kept).
 */
const headingUnits = new WeakMap<PracticeLexicon, WeakMap<object, { text: string; entry: UnitsEntry }>>();

/** Per section: in acknowledgements, in a plan section (its own title or one around it); each title tested once. */
export function sectionMarks(sections: Section[], lex: PracticeLexicon): { ackSection: boolean[]; planSection: boolean[] } {
  // Once per check (speed only, rules18): the warm-up asks at each of its steps, the check once more. A check's sections
  // are an array of its own, not changed once made; the answer goes with it.
  const known = sectionMarksOf.get(sections);
  if (known && known.lex === lex) return known.marks;
  // The last check's marks when its sections have the same titles and levels (speed only, cp36: an edit of a paragraph
  // leaves them as they were; each title was looked up in the marks of titles at every check).
  const last = LAST_MARKS.get(lex);
  if (last && sameHeadings(last.sections, sections, false)) {
    LAST_MARKS.set(lex, { sections, marks: last.marks });
    sectionMarksOf.set(sections, { lex, marks: last.marks });
    return last.marks;
  }
  let marks = titleMarks.get(lex);
  if (!marks) titleMarks.set(lex, (marks = new Map()));
  // Section titles are short strings of their own (trimmed, spaces joined); a few thousand are kept at most.
  if (marks.size > 5000) marks.clear();
  const ackSection: boolean[] = [];
  const planSection: boolean[] = [];
  const stack: number[] = [];
  sections.forEach((s, i) => {
    while (stack.length && sections[stack[stack.length - 1]!]!.level >= s.level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1]! : -1;
    stack.push(i);
    let m = marks.get(s.title);
    if (m === undefined) marks.set(s.title, (m = (lex.acknowledgements.test(s.title) ? 1 : 0) | (lex.planSections.test(s.title) ? 2 : 0)));
    ackSection.push((m & 1) !== 0 || (parent >= 0 && ackSection[parent]!));
    planSection.push((m & 2) !== 0 || (parent >= 0 && planSection[parent]!));
  });
  const out = { ackSection, planSection };
  sectionMarksOf.set(sections, { lex, marks: out });
  LAST_MARKS.set(lex, { sections, marks: out });
  return out;
}
/** Per lexicon: the marks of the last check's sections (not changed once made; the next check may hand them out again). */
const LAST_MARKS = new WeakMap<PracticeLexicon, { sections: Section[]; marks: { ackSection: boolean[]; planSection: boolean[] } }>();

/**
 * Whether two checks' sections have the same titles and levels (and roles, with `roles`), section for section: the
 * same objects, or objects with those the same (a section after an edit is a new object, moved).
 */
export function sameHeadings(a: readonly Section[], b: readonly Section[], roles: boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.title !== y.title || x.level !== y.level || (roles && x.role !== y.role))) return false;
  }
  return true;
}
const titleMarks = new WeakMap<PracticeLexicon, Map<string, number>>();
/** The marks of a check's sections (the array), with the lexicon they were made for. */
const sectionMarksOf = new WeakMap<Section[], { lex: PracticeLexicon; marks: { ackSection: boolean[]; planSection: boolean[] } }>();

function summarise(units: Unit[], kind: BlockKind, filter: UnitFilter): BlockSummary {
  let relevant = false;
  let pseudo: BlockSummary['pseudo'] = 'none';
  for (const u of units) {
    // Every unit asked, not only up to the first relevant one: a relevant block's units are all read by the check's
    // passes, which then find their answers kept (asked now, each text is passed over once, by the lexicon's group).
    if (filter.relevant(u)) relevant = true;
    if (u.template) continue;
    pseudo = kind === 'listItem' ? 'list' : kind === 'paragraph' ? filter.pseudoHeading(u) : 'reset';
  }
  return { filter, kind, relevant, pseudo };
}

/**
 * A unit whose document offsets and line are worked out when read: a check builds every unit of the
 * document, and reads places of only the few it quotes as evidence. The subclasses say which block
 * and check it belongs to.
 */
abstract class LazyUnit implements Unit {
  readonly text: string;
  readonly template: boolean;
  readonly memo: unknown[];
  private range: { offset: number; endOffset: number } | undefined;
  private lineNumber = 0;
  /** The check the range and line were worked out for. */
  private placedBy: Check | undefined;
  /** The index of the block the range was worked out from. */
  private placedAt = -1;

  constructor(
    private readonly unit: BlockUnit,
    readonly kind: BlockKind,
    readonly acknowledgements: boolean,
    /** In a plan section (the unit's own text aside). */
    private readonly planned: boolean,
    private readonly plans: PatternSet,
  ) {
    this.text = unit.text;
    this.template = unit.template;
    this.memo = unit.memo;
  }

  get plan(): boolean {
    return this.planned || planOf(this.unit, this.plans);
  }

  abstract get block(): number;
  abstract get section(): number;
  /** The check whose blocks and line index place the unit now. */
  protected abstract get check(): Check;

  private place(): { offset: number; endOffset: number } {
    const check = this.check;
    if (this.placedBy !== check) {
      // Speed only (cp37): the range and line worked out at the check before, from a block that this check kept before
      // its edit (the same block object at the same index: the same offsets and line), stay. Working them out again for
      // the units quoted as evidence at every check cost ~0.1 ms an edit at 100k words, most of them before the edit.
      const block = this.block;
      if (!(this.range && this.placedAt === block && block < check.kept && check.previous === this.placedBy)) {
        this.range = undefined;
        this.lineNumber = 0;
      }
      this.placedBy = check;
    }
    if (this.range) return this.range;
    const block = this.block;
    this.placedAt = block;
    return (this.range = check.blocks.deref()![block]!.toDocument(this.unit.start, this.unit.end));
  }

  get offset(): number {
    return this.place().offset;
  }

  get endOffset(): number {
    return this.place().endOffset;
  }

  get line(): number {
    const range = this.place();
    return (this.lineNumber ||= this.check.lines.deref()!.position(range.offset).line + 1);
  }
}

/** A unit placed in the document by its block's place at a check. */
class PlacedUnit extends LazyUnit {
  constructor(
    unit: BlockUnit,
    private readonly where: BlockPlace,
    kind: BlockKind,
    private readonly sectionIndex: number,
    acknowledgements: boolean,
    planned: boolean,
    plans: PatternSet,
  ) {
    super(unit, kind, acknowledgements, planned, plans);
  }

  get block(): number {
    return this.where.block;
  }

  get section(): number {
    return this.sectionIndex;
  }

  protected get check(): Check {
    return this.where.check;
  }
}

/**
 * Where the blocks of a run stand in the check being combined: set by the combining step when the run comes or
 * moves, read by the run's units when a place is asked for. The check is read through a cell that the combining
 * step sets once per check (not one write per run: a run before or after an edit keeps its place).
 */
export interface RunPlace {
  from: number;
  section: number;
  cell: CheckCell;
  /** The number of the check that combined the run last (a run whose blocks repeat another's is told apart by it). */
  stamp: number;
}

/** The check whose blocks and line index place the units of the runs being combined. */
export interface CheckCell {
  check: Check;
}

/**
 * A check's line index and blocks (held weakly, as the units' places are), with how they stand to `previous`, the
 * check made before it for the same runs (see Check.previous).
 */
export function checkOf(doc: DocumentModel, previous?: Check): Check {
  const edit = previous ? blockEditOf(doc.blocks, previous.blocks.deref()) : undefined;
  if (previous) previous.previous = undefined;
  return { lines: new WeakRef(doc.lines), blocks: new WeakRef(doc.blocks), previous: edit ? previous : undefined, kept: edit ? edit.before : 0 };
}

/** What one run of blocks gives a check's passes: the units of its relevant blocks and its part in the pseudo-heading runs. */
export interface UnitsRun {
  place: RunPlace;
  /** The units of the run's blocks that the filter finds relevant, in order. */
  units: Unit[];
  /** List items (no template) before any block in the run that starts or ends a pseudo-heading run: recommendations when one runs into the run. */
  pseudoIn: Unit[];
  /** List items after a pseudo-heading in the run, with whether it named research. */
  pseudoItems: Array<{ unit: Unit; research: boolean }>;
  /** The pseudo-heading run at the end of the run: as at its start, none, or one the run started. */
  pseudoOut: 'in' | undefined | { research: boolean };
}

/**
 * The units of blocks from..to (one section, with its acknowledgements and plan marks) as a
 * check's passes see them: the units of the blocks the filter finds relevant and the list items of
 * pseudo-heading runs, placed by the run (RunPlace), so that a later check finds them again
 * with the run and only moves the run. The same units and items, in the same order, as checkUnits.
 */
export function runUnits(doc: DocumentModel, lex: PracticeLexicon, filter: UnitFilter, from: number, to: number, acknowledgements: boolean, planned: boolean, cell: CheckCell): UnitsRun {
  let cache = byBlock.get(lex);
  if (!cache) byBlock.set(lex, (cache = new WeakMap()));
  const place: RunPlace = { from, section: doc.blocks[from]?.section ?? -1, cell, stamp: 0 };
  const out: UnitsRun = { place, units: [], pseudoIn: [], pseudoItems: [], pseudoOut: 'in' };
  for (let bi = from; bi < to; bi++) {
    const b = doc.blocks[bi]!;
    const pb = b.source;
    if (pb.skip || pb.kind === 'tableCell') continue;
    const heading = pb.kind === 'heading';
    const stable = heading || b.sentences.length > 0;
    const entry = entryOf(cache, b, lex);
    let made: Unit[] | undefined;
    const units = (): Unit[] => {
      if (made) return made;
      const list = listOf(entry, b, lex);
      if (list.length === 0) return (made = NO_UNITS);
      made = [];
      for (const u of list) made.push(new RunUnit(u, place, bi - from, pb.kind, acknowledgements, planned, lex.plan));
      return made;
    };
    let summary = stable ? entry.summary : undefined;
    if (!summary || summary.filter !== filter || summary.kind !== pb.kind) {
      summary = summarise(units(), pb.kind, filter);
      if (stable) keepSummary(entry, summary);
    }
    if (summary.relevant) for (const u of units()) out.units.push(u);
    const s = summary.pseudo;
    if (s === 'none') continue;
    if (s === 'list') {
      if (out.pseudoOut === 'in') for (const u of units()) {
        if (!u.template) out.pseudoIn.push(u);
      }
      else if (out.pseudoOut) for (const u of units()) if (!u.template) out.pseudoItems.push({ unit: u, research: out.pseudoOut.research });
      continue;
    }
    out.pseudoOut = s === 'reset' || s === false ? undefined : { research: s.research };
  }
  return out;
}

/** A unit of a run (runUnits): its block and section are the run's, as placed at the current check. */
class RunUnit extends LazyUnit {
  constructor(
    unit: BlockUnit,
    private readonly run: RunPlace,
    private readonly k: number,
    kind: BlockKind,
    acknowledgements: boolean,
    planned: boolean,
    plans: PatternSet,
  ) {
    super(unit, kind, acknowledgements, planned, plans);
  }

  get block(): number {
    return this.run.from + this.k;
  }

  get section(): number {
    return this.run.section;
  }

  protected get check(): Check {
    return this.run.cell.check;
  }
}

/**
 * The units of blocks from..to, all of them (no filter): a recommendations section's run. Speed only (s31): placed by
 * the run's place (RunUnit), not by each block's place at a check, so that they can be kept with the run's summary
 * (analysis.ts), whose place the combining step keeps current: an edit elsewhere neither reads the run's blocks nor
 * places their units again (the same units, texts and places; making and placing every unit of the recommendations
 * sections at every check cost ~0.3 to 1 ms an edit at 80k words). `from` is the run's first block at this check (the
 * place's).
 */
export function runAllUnits(doc: DocumentModel, lex: PracticeLexicon, place: RunPlace, from: number, to: number, acknowledgements: boolean, planned: boolean): Unit[] {
  let cache = byBlock.get(lex);
  if (!cache) byBlock.set(lex, (cache = new WeakMap()));
  const out: Unit[] = [];
  for (let bi = from; bi < to; bi++) {
    const b = doc.blocks[bi]!;
    const pb = b.source;
    if (pb.skip || pb.kind === 'tableCell') continue;
    for (const u of listOf(entryOf(cache, b, lex), b, lex)) out.push(new RunUnit(u, place, bi - from, pb.kind, acknowledgements, planned, lex.plan));
  }
  return out;
}

/** A short quote of a unit around a position: at most `max` characters, cut at word boundaries. */
export function quote(text: string, at = 0, max = 160): string {
  if (text.length <= max) return text;
  let start = Math.max(0, Math.min(at - 40, text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    start = sp >= 0 && sp < at ? sp + 1 : start;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    end = sp > start + max / 2 ? sp : end;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
