import type { BlockKind, MapSegment } from './types.js';
import { PieceText, flat, type TextView } from './text/view.js';

/**
 * Map a block-text offset to a document offset. `side` decides what happens inside a segment
 * whose text and document lengths differ (an escape, an entity, a placeholder): the start
 * of a range maps to the segment's start, the end of a range to its end.
 */
export function toDocument(map: MapSegment[], t: number, side: 'start' | 'end'): number {
  if (map.length === 0) return 0;
  let lo = 0;
  let hi = map.length - 1;
  // Last segment with seg.t <= t (for 'end', with seg.t < t so that a range ending at a
  // segment boundary stays in the earlier segment).
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = map[mid]!;
    const before = side === 'end' ? seg.t < t : seg.t <= t;
    if (before) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return map[0]!.d;
  const seg = map[found]!;
  const into = t - seg.t;
  if (into >= seg.tl) return side === 'start' && found + 1 < map.length ? map[found + 1]!.d : seg.d + seg.dl;
  if (seg.tl === seg.dl) return seg.d + into;
  if (into <= 0) return seg.d;
  return side === 'start' ? seg.d : seg.d + seg.dl;
}

/** An array of `a`'s elements with no spare slots (a copy when short; a long array's spare slots are a small part). */
export function exact<T>(a: T[]): T[] {
  return a.length < 17 ? a.slice() : a;
}

/** A character reference as CommonMark reads it: &amp; &#123; &#x1F600; */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Whether a block the readers found is a table cell without a single letter (an amount, a percentage, a date, a dash, a
 * tick, inline code or math alone): such a cell is no block of the document. No rule finds anything in it (every rule
 * reads words, and a word has a letter; numbers count in no metric), and tabular reports have thousands of them: the
 * ten Dutch reports of the dev corpus as one document have 8,757 blocks, 2,759 of them such cells, and each block costs
 * the engine and its rules memory and work at every check (bench/RESULTS.md "Session 32").
 */
export function wordlessCell(kind: BlockKind, text: string): boolean {
  return kind === 'tableCell' && !LETTER.test(text);
}
const LETTER = /\p{L}/u;

/** Builds the text of a block and its map, piece by piece. */
export class BlockTextBuilder {
  text = '';
  map: MapSegment[] = [];
  placeholders: Array<[number, number]> = [];

  /**
   * The map for the block: an array of its own length. V8 gives an array 17 slots at its first push; most blocks have a
   * segment or two, and a language server keeps every block's map while the document is open (memory only: ~1.4 MB of
   * the Dutch dev reports' 9,000 blocks).
   */
  get blockMap(): MapSegment[] {
    return exact(this.map);
  }

  /** The placeholders for the block (exact length, as blockMap). */
  get blockPlaceholders(): Array<[number, number]> {
    return exact(this.placeholders);
  }

  /** Text that stands in the document exactly as it is, starting at document offset d. */
  addVerbatim(s: string, d: number): void {
    if (s.length === 0) return;
    const last = this.map[this.map.length - 1];
    if (last && last.tl === last.dl && last.t + last.tl === this.text.length && last.d + last.dl === d) {
      last.tl += s.length;
      last.dl += s.length;
    } else {
      this.map.push({ t: this.text.length, tl: s.length, d, dl: s.length });
    }
    this.text += s;
  }

  /** Text that stands for the document range [d, d + dl) as a whole. */
  addReplacement(s: string, d: number, dl: number): void {
    if (s.length === 0) return;
    this.map.push({ t: this.text.length, tl: s.length, d, dl });
    this.text += s;
  }

  /** A placeholder word for something that is not prose but takes a word's place in a sentence. */
  addPlaceholder(d: number, dl: number, word = '0'): void {
    const start = this.text.length;
    this.addReplacement(word, d, dl);
    this.placeholders.push([start, this.text.length]);
  }

  /** A separator (space) that has no text of its own in the document, mapped to d. */
  addSeparator(s: string, d: number): void {
    if (s.length === 0) return;
    this.map.push({ t: this.text.length, tl: s.length, d, dl: 0 });
    this.text += s;
  }

  /**
   * Text whose value was derived from the source slice `source` at d (an mdast text value:
   * escapes and entities resolved). Aligns the two so positions stay exact.
   */
  addAligned(value: string, source: string, d: number): void {
    if (value === source) {
      this.addVerbatim(value, d);
      return;
    }
    let i = 0; // in source
    let j = 0; // in value
    // An escape or an entity is read as such before plain text: "\\\\" is one backslash, and
    // "&amp;" is one "&" even though the source also starts with "&".
    const isEscape = () => source[i] === '\\' && i + 1 < source.length && source[i + 1] === value[j] && /[!-/:-@[-`{-~]/.test(source[i + 1]!);
    const entityAt = (at: number) => (source[at] === '&' ? ENTITY.exec(source.slice(at, at + 40))?.[0] : undefined);
    while (j < value.length) {
      if (i < source.length && isEscape()) {
        this.addReplacement(value[j]!, d + i, 2);
        i += 2;
        j += 1;
        continue;
      }
      const entity = i < source.length ? entityAt(i) : undefined;
      if (entity && !value.startsWith(entity, j)) {
        // An entity produces one or two UTF-16 units.
        const cp = value.codePointAt(j)!;
        const n = cp > 0xffff ? 2 : 1;
        this.addReplacement(value.slice(j, j + n), d + i, entity.length);
        i += entity.length;
        j += n;
        continue;
      }
      if (i < source.length && source[i] === value[j]) {
        let k = 1;
        // Stop before a backslash or an ampersand: the next round decides whether it escapes.
        while (i + k < source.length && j + k < value.length && source[i + k] === value[j + k] && source[i + k] !== '\\' && source[i + k] !== '&') k++;
        this.addVerbatim(value.slice(j, j + k), d + i);
        i += k;
        j += k;
        continue;
      }
      if (i < source.length && source[i] === '\\' && source[i + 1] === value[j]) {
        this.addReplacement(value[j]!, d + i, 2);
        i += 2;
        j += 1;
        continue;
      }
      if (i < source.length && source[i] === '&') {
        const semi = source.indexOf(';', i);
        if (semi > i && semi - i <= 32) {
          // An entity produces one or two UTF-16 units.
          const cp = value.codePointAt(j)!;
          const n = cp > 0xffff ? 2 : 1;
          this.addReplacement(value.slice(j, j + n), d + i, semi + 1 - i);
          i = semi + 1;
          j += n;
          continue;
        }
      }
      if (i < source.length && /[\r\n]/.test(source[i]!) && /\s/.test(value[j]!)) {
        // Line endings folded into one character.
        let k = i;
        while (k < source.length && /[\r\n \t]/.test(source[k]!)) k++;
        this.addReplacement(value[j]!, d + i, k - i);
        i = k;
        j += 1;
        continue;
      }
      if (i < source.length && (source[i] === ' ' || source[i] === '\t')) {
        // Indentation that the parser dropped.
        i++;
        continue;
      }
      if (i < source.length && source[i] === '\u0000' && value[j] === '\uFFFD') {
        // CommonMark reads NUL as U+FFFD: one character for one, at its own place.
        this.addReplacement(value[j]!, d + i, 1);
        i++;
        j++;
        continue;
      }
      if (i < source.length && source[i] === '>' && value[j] !== '>' && atLineStart(source, i)) {
        // A block quote marker at the start of a continuation line, which the parser dropped.
        i++;
        continue;
      }
      // Give up aligning: map the rest as a whole.
      this.addReplacement(value.slice(j), d + Math.min(i, source.length), Math.max(0, source.length - i));
      return;
    }
  }
}

/** Whether only spaces, tabs and block quote markers stand between a line end (or the start) and i. */
function atLineStart(source: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (source[k] === ' ' || source[k] === '\t' || source[k] === '>')) k--;
  return k < 0 || source[k] === '\n' || source[k] === '\r';
}

/** A character a range may split in two: a carriage return (before a line feed) or half a surrogate pair. */
const NOT_PLAIN = /[\r\uD800-\uDFFF]/;
/** The two characters a range must not split: a CRLF, a surrogate pair (the second is at a pair's middle). */
const PAIR = /\r\n|[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
/**
 * The most pair middles an index keeps (LineIndex.pairMiddles): past it (a long text with CRLF line ends) the offsets are
 * not kept, and every finding is snapped at every check as before (speed only).
 */
export const PAIR_MIDDLES_MAX = 4096;
/** The pair middles of a plain text: none (one shared list). */
export const NO_MIDDLES: readonly number[] = Object.freeze([]) as readonly number[];

/** The pair middles (see LineIndex.pairMiddles) in text[from, to], ascending, added to `out`. */
function addMiddles(text: TextView, from: number, to: number, out: number[]): void {
  const stretch = text.slice(from, to);
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(stretch); m !== null; m = PAIR.exec(stretch)) out.push(from + m.index + 1);
}

/** How many line indexes were made (LineIndex.id). */
let lineIndexes = 0;

/**
 * The pair middles of a text after an edit (LineIndex.pairMiddles), from the last index's when it knows them: those up to
 * `from` kept, those in the changed stretch found, those after it moved by `delta` (a middle reads the character before
 * it and its own). Undefined when the last index had not found them, null when there are too many.
 */
function middlesAfterEdit(last: LineIndex, text: TextView, from: number, to: number, delta: number): readonly number[] | null | undefined {
  const lm = last.knownMiddles;
  if (lm === undefined || lm === null) return lm;
  const out: number[] = [];
  let i = 0;
  while (i < lm.length && lm[i]! <= from) out.push(lm[i++]!);
  addMiddles(text, from, Math.min(text.length, to + 1), out);
  // The last text's middles whose two characters lie after the changed stretch (at `to` and on in this text).
  const after = to - delta + 1;
  while (i < lm.length && lm[i]! < after) i++;
  for (; i < lm.length; i++) out.push(lm[i]! + delta);
  return out.length > PAIR_MIDDLES_MAX ? null : out.length === 0 ? NO_MIDDLES : out;
}

/** Line starts of a text, for 1-based line and UTF-16 column positions. Handles \n, \r\n and \r. */
export class LineIndex {
  /**
   * The line starts, read through the shifts: line i starts at `base[i]` plus the shift of the stretch that holds i
   * (`shiftFrom`: ascending first lines of the stretches, `shiftBy`: what each adds; none for an index made from
   * scratch). An edit that adds and removes no line break (typing) shares the last index's `base` and adds a shift
   * from the first line after the edit, so that it costs no copy of every line start (session 10: the copy was ~230 KB
   * of garbage per edit at 100,000 words).
   */
  private readonly base: readonly number[];
  private readonly shiftFrom: readonly number[];
  private readonly shiftBy: readonly number[];
  /** A number of its own (no two indexes share one), by which a later index names the one it was made from. */
  readonly id = ++lineIndexes;
  /**
   * When the index was made by afterEdit from an earlier one: that one's id and where this text is as that one's (its
   * first `prefix` and last `suffix` characters). Numbers only: no earlier version of the text is kept alive by it.
   */
  madeAfter: { id: number; prefix: number; suffix: number } | undefined;

  /**
   * How this index's text differs from the text of the index `id` (of `length` characters): the stretch from `from` to
   * `to` here was from `from` to `oldTo` there, the rest is the same (an empty stretch everywhere: the same text).
   * Undefined when this index was not made from that one (nothing is known then). For a memo of an answer about a
   * whole text that an edit changes only near it (see carriedSpan).
   */
  changedSince(id: number, length: number): ChangedStretch | undefined {
    if (id === this.id && length === this.text.length) return { from: length, oldTo: length, to: length };
    const m = this.madeAfter;
    if (m === undefined || m.id !== id) return undefined;
    return { from: m.prefix, oldTo: length - m.suffix, to: this.text.length - m.suffix };
  }

  /**
   * The line index of `text`, made from that of an earlier version of it (`last`): the line starts
   * before the first changed character and after the last one are the earlier ones (moved), only
   * the stretch between is scanned. The same starts as `new LineIndex(text)`. `ends`, when given, is filled with
   * where the text is as `last`'s (the comparison made here, for the Markdown reader: one comparison per edit).
   */
  static afterEdit(last: LineIndex | undefined, text: TextView, ends?: EditEnds, edit?: TextEdit): LineIndex {
    if (!last) return new LineIndex(text);
    const old = last.text;
    if (old === text) {
      if (ends) setEnds(ends, old, text.length, 0);
      return last;
    }
    // The comparison starts where the caller knows the texts differ (an edit of the last text), else at their ends.
    const known = edit !== undefined && edit.base === old;
    const prefix = commonPrefix(old, text, known ? edit.prefix : 0);
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix, known ? edit.suffix : 0);
    if (ends) setEnds(ends, old, prefix, suffix);
    const index = LineIndex.afterEditAt(last, text, prefix, suffix);
    index.madeAfter = { id: last.id, prefix, suffix };
    return index;
  }

  /** afterEdit() once the ends the text shares with the last one's are known. */
  private static afterEditAt(last: LineIndex, text: TextView, prefix: number, suffix: number): LineIndex {
    const old = last.text;
    // A pair's middle after character i depends on characters i and i + 1 (a CR LF, a surrogate pair).
    const from = Math.max(0, prefix - 1);
    const to = Math.max(from, text.length - suffix);
    const delta = text.length - old.length;
    // Plain when the last text was and the changed stretch is (the rest is the last text's).
    const plain = last.plain && !NOT_PLAIN.test(text.slice(from, to));
    const middles = plain ? NO_MIDDLES : middlesAfterEdit(last, text, from, to, delta);
    // So does a line start, but only after a CR (a CR before an LF starts no line): after any other character before the
    // change the start is the last text's, whatever the change made of the next one. Speed only (s34): an edit of the
    // first word of a line (an LF before the change, ~13 % of one-word edits in the Dutch reports) no longer counts as a
    // line break in the changed stretch, which made a copy of every line start (~10,000) at each such edit.
    const lineFrom = prefix > 0 && text.charCodeAt(prefix - 1) === 13 ? from : prefix;
    // The last text's lines kept as they were (those starting at or before `lineFrom`) and those moved (after `to - delta`).
    const kept = last.firstAfter(lineFrom);
    const moved = last.firstAfter(to - delta);
    let scanned = false;
    for (let i = lineFrom; i < to && !scanned; i++) {
      const c = text.charCodeAt(i);
      scanned = c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
    }
    if (!scanned && kept === moved && last.shiftFrom.length < MAX_SHIFTS) {
      // No line start in the changed stretch, before or after: the last starts, those after it moved by delta.
      if (delta === 0 || kept === last.lineCount) return new LineIndex(text, last.base, plain, last.shiftFrom, last.shiftBy, middles);
      const shiftFrom: number[] = [];
      const shiftBy: number[] = [];
      let placed = false;
      for (let j = 0; j < last.shiftFrom.length; j++) {
        const f = last.shiftFrom[j]!;
        if (!placed && f >= kept) {
          if (f > kept) {
            shiftFrom.push(kept);
            shiftBy.push((j > 0 ? last.shiftBy[j - 1]! : 0) + delta);
          }
          placed = true;
        }
        shiftFrom.push(f);
        shiftBy.push(last.shiftBy[j]! + (f >= kept ? delta : 0));
      }
      if (!placed) {
        shiftFrom.push(kept);
        shiftBy.push((last.shiftBy.length ? last.shiftBy[last.shiftBy.length - 1]! : 0) + delta);
      }
      return new LineIndex(text, last.base, plain, shiftFrom, shiftBy, middles);
    }
    LINE_INDEX_COPIES.count++;
    const starts: number[] = [];
    last.copyStarts(starts, 0, kept, 0);
    for (let i = lineFrom; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    last.copyStarts(starts, moved, last.lineCount, delta);
    return new LineIndex(text, starts, plain, NO_SHIFTS, NO_SHIFTS, middles);
  }

  private isPlain: boolean | undefined;

  /**
   * Whether the text has no carriage return and no surrogate (nothing a range could split in two, see fixes.ts
   * snapRange): found when first asked, then carried along by afterEdit. False may also mean "not known" (after
   * edits that removed the last of them).
   */
  get plain(): boolean {
    return (this.isPlain ??= !NOT_PLAIN.test(flat(this.text)));
  }

  /** See pairMiddles: undefined while not asked, null past PAIR_MIDDLES_MAX. */
  private middles: readonly number[] | null | undefined;

  /**
   * The offsets that lie inside a pair of characters no range may split (a CRLF, a surrogate pair: offset p with such a
   * pair at p - 1 and p), ascending; empty for a plain text, undefined when there are more than PAIR_MIDDLES_MAX. Found
   * when first asked (with a whole look at the text), then carried along by afterEdit, which reads only the changed
   * stretch: the engine snaps only the findings with an end at one of them (fixes.ts secureFindings), not every finding
   * of a text with one emoji or one CRLF at every check.
   */
  get pairMiddles(): readonly number[] | undefined {
    if (this.middles === undefined) {
      if (this.plain) this.middles = NO_MIDDLES;
      else {
        const out: number[] = [];
        addMiddles(flat(this.text), 0, this.text.length, out);
        this.middles = out.length > PAIR_MIDDLES_MAX ? null : out;
      }
    }
    return this.middles ?? undefined;
  }

  /** The middles as known now, without finding them (for afterEdit). */
  get knownMiddles(): readonly number[] | null | undefined {
    return this.middles;
  }

  constructor(
    readonly text: TextView,
    known?: readonly number[],
    plain?: boolean,
    shiftFrom: readonly number[] = NO_SHIFTS,
    shiftBy: readonly number[] = NO_SHIFTS,
    middles?: readonly number[] | null,
  ) {
    this.isPlain = plain;
    this.middles = plain ? NO_MIDDLES : middles;
    this.shiftFrom = shiftFrom;
    this.shiftBy = shiftBy;
    if (known) {
      this.base = known;
      return;
    }
    const starts = [0];
    // Without carriage returns (most texts), the native search finds the line ends.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.base = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.base = starts;
  }

  /** Where line i (0-based, inside the text's lines) starts. */
  private startOf(i: number): number {
    const from = this.shiftFrom;
    // The last stretch that starts at or before line i (-1: the lines before the first shift, which add nothing).
    let lo = 0;
    let hi = from.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (from[mid]! <= i) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return this.base[i]! + (j >= 0 ? this.shiftBy[j]! : 0);
  }

  /** Appends the starts of lines [from, to), each plus `add`, to `out` (the shifts read in one pass). */
  private copyStarts(out: number[], from: number, to: number, add: number): void {
    const shiftFrom = this.shiftFrom;
    let j = shiftFrom.length - 1;
    while (j >= 0 && shiftFrom[j]! > from) j--;
    for (let i = from; i < to; i++) {
      while (j + 1 < shiftFrom.length && shiftFrom[j + 1]! <= i) j++;
      out.push(this.base[i]! + (j >= 0 ? this.shiftBy[j]! : 0) + add);
    }
  }

  /** The first line that starts after `offset` (the line count when none does). */
  private firstAfter(offset: number): number {
    const base = this.base;
    const from = this.shiftFrom;
    const by = this.shiftBy;
    // The stretch of lines that holds the answer's line before: the last whose first line starts at or before `offset`.
    let lo = 0;
    let hi = from.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (base[from[mid]!]! + by[mid]! <= offset) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const add = j >= 0 ? by[j]! : 0;
    let a = j >= 0 ? from[j]! : 0;
    let b = j + 1 < from.length ? from[j + 1]! : base.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (base[mid]! + add <= offset) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  get lineCount(): number {
    return this.base.length;
  }

  /** 0-based line and character (UTF-16) of an offset, as LSP counts them. */
  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = Math.max(0, this.firstAfter(o) - 1);
    return { line, character: o - this.startOf(line) };
  }

  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.base.length) return this.text.length;
    const start = this.startOf(line);
    const next = line + 1 < this.base.length ? this.startOf(line + 1) : this.text.length;
    let lineEnd = next;
    while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(start + Math.max(0, character), lineEnd);
  }

  lineStart(line: number): number {
    return this.startOf(Math.max(0, Math.min(line, this.base.length - 1)));
  }
}

/** For tests: how many times afterEdit made a copy of every line start (an edit that added or removed a line break, or a fold of the shifts). */
export const LINE_INDEX_COPIES = { count: 0 };

/** Shifts a line index reads its starts through before it makes a copy of them (see LineIndex.afterEdit). */
const MAX_SHIFTS = 32;
const NO_SHIFTS: readonly number[] = [];

/** The length of the longest common prefix of two texts (compared a stretch at a time), given that the first `from` characters are the same. */
export function commonPrefix(a: TextView, b: TextView, from = 0): number {
  const n = Math.min(a.length, b.length);
  // (Two versions of the language server's text share the pieces an edit left: those are not read.)
  let i = Math.min(Math.max(from, a instanceof PieceText && b instanceof PieceText ? a.sharedStart(b) : 0), n);
  for (let step = 4096; step >= 1; step >>= 3) {
    while (i + step <= n && (step === 1 ? a.charCodeAt(i) === b.charCodeAt(i) : a.slice(i, i + step) === b.slice(i, i + step))) i += step;
  }
  return i;
}

/**
 * What a caller that applied the edits itself knows of a text (the language server's document store): it is `base` in
 * its first `prefix` and its last `suffix` characters. A hint: the engine compares the texts only from there.
 */
export interface TextEdit {
  base: TextView;
  prefix: number;
  suffix: number;
}

/**
 * Where a text is as an earlier version of it (`old`): its first `prefix` characters, and its last `suffix` ones
 * (`prefix + suffix` at most the shorter length). Filled by LineIndex.afterEdit; held only during one check (it
 * holds the earlier version).
 */
/** Where a text differs from an earlier version (LineIndex.changedSince): from `from` to `to`, which was from `from` to `oldTo`. */
export interface ChangedStretch {
  from: number;
  oldTo: number;
  to: number;
}

/**
 * Where a stretch of an earlier text (`start` to `end`) is in the text after `edit`, when what it reads (`context`
 * characters on each side as well) lies wholly before the changed stretch (the same place) or wholly after it (moved
 * with the text); undefined when it reads part of the changed stretch. A match of a pattern found there is then a match
 * here, at the place returned.
 */
export function carriedSpan(start: number, end: number, edit: ChangedStretch, context: number): { start: number; end: number } | undefined {
  if (end + context <= edit.from || (edit.from === edit.oldTo && edit.oldTo === edit.to)) return { start, end };
  if (start - context >= edit.oldTo) return { start: start + edit.to - edit.oldTo, end: end + edit.to - edit.oldTo };
  return undefined;
}

export interface EditEnds {
  old?: TextView;
  prefix: number;
  suffix: number;
}

function setEnds(ends: EditEnds, old: TextView, prefix: number, suffix: number): void {
  ends.old = old;
  ends.prefix = prefix;
  ends.suffix = suffix;
}

/** The length of the longest common suffix of two texts, at most `max`, given that the last `from` characters are the same. */
export function commonSuffix(a: TextView, b: TextView, max: number, from = 0): number {
  const al = a.length;
  const bl = b.length;
  let i = Math.max(0, Math.min(Math.max(from, a instanceof PieceText && b instanceof PieceText ? a.sharedEnd(b) : 0), max));
  for (let step = 4096; step >= 1; step >>= 3) {
    while (i + step <= max && (step === 1 ? a.charCodeAt(al - 1 - i) === b.charCodeAt(bl - 1 - i) : a.slice(al - i - step, al - i) === b.slice(bl - i - step, bl - i))) i += step;
  }
  return i;
}
