import type { BlockKind, Section } from '../types.js';
import type { DocumentBlock, DocumentModel } from '../rules/types.js';
import type { PracticeLexicon } from './lexicon.js';

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
export const MEMO_SLOT = { policy: 12, study: 13, pseudoHeading: 14, inline: 15 } as const;

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
  plan: boolean;
  memo: unknown[];
}

/**
 * The units of each analysed block, per lexicon. Keyed by the block's sentence list, which the
 * engine's block cache hands out unchanged for a block that did not change, so a re-check after
 * an edit splits and tests only the edited blocks' sentences; the text strings stay the same
 * objects too, which keeps the pattern sets' memo cheap. The units as placed at the last check
 * are kept with them: a block that is in the same section as then gets the same unit objects,
 * moved to its new place (after an edit, only the edited blocks' units are made anew).
 */
const byBlock = new WeakMap<PracticeLexicon, WeakMap<object, { list: BlockUnit[]; placed?: PlacedBlockUnits }>>();

/** A block's placed units with what they were placed by. */
interface PlacedBlockUnits {
  units: PlacedUnit[];
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
interface Check {
  lines: WeakRef<DocumentModel['lines']>;
  blocks: WeakRef<DocumentModel['blocks']>;
}

function blockUnits(text: string, spans: Array<[number, number]>, heading: boolean, lex: PracticeLexicon): BlockUnit[] {
  const blockTemplate = lex.template.test(text) && !heading;
  const out: BlockUnit[] = [];
  for (const [start, end] of spans) {
    const t = text.slice(start, end).replace(/\s+/g, ' ').trim();
    if (!/\p{L}/u.test(t)) continue;
    out.push({ text: t, start, end, template: blockTemplate && lex.template.test(t), plan: lex.plan.test(t), memo: [] });
  }
  return out;
}

/** Splits the document into units: each sentence of prose, list items, captions and footnotes, and each heading. */
export function unitsOf(doc: DocumentModel, lex: PracticeLexicon): Unit[] {
  const paths = sectionPaths(doc.sections);
  const ackSection = paths.map((p) => p.some((t) => lex.acknowledgements.test(t)));
  const planSection = paths.map((p) => p.some((t) => lex.planSections.test(t)));
  let cache = byBlock.get(lex);
  if (!cache) byBlock.set(lex, (cache = new WeakMap()));
  const check: Check = { lines: new WeakRef(doc.lines), blocks: new WeakRef(doc.blocks) };
  const units: Unit[] = [];
  doc.blocks.forEach((b, bi) => {
    const pb = b.analysed.block;
    if (pb.skip || pb.kind === 'tableCell') return;
    const sentences = b.analysed.sentences;
    const heading = pb.kind === 'heading';
    // Headings and blocks without sentences are one unit (not cached: their sentence list may be shared).
    const cacheable = !heading && sentences.length > 0;
    let entry = cacheable ? cache.get(sentences) : undefined;
    if (!entry) {
      const spans: Array<[number, number]> = heading || sentences.length === 0 ? [[0, pb.text.length]] : sentences.map((s) => [s.start, s.end]);
      entry = { list: blockUnits(pb.text, spans, heading, lex) };
      if (cacheable) cache.set(sentences, entry);
    }
    const acknowledgements = b.section >= 0 && ackSection[b.section]!;
    const planned = b.section >= 0 && planSection[b.section]!;
    const p = entry.placed;
    // Placed by an earlier check in the same section: the same units at the block's new place.
    // (Not when this check placed them already: a block whose text occurs twice.)
    if (cacheable && p && p.place.check !== check && p.section === b.section && p.acknowledgements === acknowledgements && p.planSection === planned) {
      p.place.block = bi;
      p.place.check = check;
      for (const u of p.units) units.push(u);
      return;
    }
    const place: BlockPlace = { block: bi, check };
    const placed = entry.list.map((u) => new PlacedUnit(u, place, pb.kind, b.section, acknowledgements, planned || u.plan));
    if (cacheable && (!p || p.place.check !== check)) entry.placed = { units: placed, place, section: b.section, acknowledgements, planSection: planned };
    for (const u of placed) units.push(u);
  });
  return units;
}

/**
 * A unit placed in the document. Its document offsets and line are worked out when read: a check
 * builds every unit of the document, and reads places of only the few it quotes as evidence.
 */
class PlacedUnit implements Unit {
  readonly text: string;
  readonly template: boolean;
  readonly memo: unknown[];
  private range: { offset: number; endOffset: number } | undefined;
  private lineNumber = 0;
  /** The check the range and line were worked out for. */
  private placedBy: Check | undefined;

  constructor(
    private readonly unit: BlockUnit,
    private readonly where: BlockPlace,
    readonly kind: BlockKind,
    readonly section: number,
    readonly acknowledgements: boolean,
    readonly plan: boolean,
  ) {
    this.text = unit.text;
    this.template = unit.template;
    this.memo = unit.memo;
  }

  get block(): number {
    return this.where.block;
  }

  private place(): { offset: number; endOffset: number } {
    if (this.placedBy !== this.where.check) {
      this.placedBy = this.where.check;
      this.range = undefined;
      this.lineNumber = 0;
    }
    return (this.range ??= this.where.check.blocks.deref()![this.where.block]!.toDocument(this.unit.start, this.unit.end));
  }

  get offset(): number {
    return this.place().offset;
  }

  get endOffset(): number {
    return this.place().endOffset;
  }

  get line(): number {
    const range = this.place();
    return (this.lineNumber ||= this.where.check.lines.deref()!.position(range.offset).line + 1);
  }
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
