/**
 * A document's text as the engine reads it: characters, short slices and bounded searches, without one flat copy of
 * the whole text (ARCHITECTURE.md, "Edits without a flat text", step 2).
 *
 * A JavaScript string is a TextView: the CLI, the report and the tests hand the engine strings. The language server
 * hands it a PieceText over its document store's pieces, so that an edit of a 100,000-word document does not make a
 * new 1.2 MB string (fresh pages from the system, a large object the collector promotes). Code that still needs the
 * whole text as one string asks `flat()`; a PieceText counts those joins (the benchmark prints them per edit).
 */
export interface TextView {
  readonly length: number;
  charCodeAt(index: number): number;
  /** A stretch of the text as a string (a copy only when it spans two pieces). */
  slice(start?: number, end?: number): string;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
}

/** The whole text as one string: the text itself when it is one, else the view's join (counted). */
export function flat(text: TextView): string {
  return typeof text === 'string' ? text : (text as PieceText).join();
}

/** A piece of a text with what lies around it (PieceText.stretches): the piece is `text` from `at` to `to`. */
export interface Stretch {
  text: string;
  at: number;
  to: number;
  /** Where `text` starts in the whole text. */
  start: number;
}

/** Joins of a text's pieces into one string since the process started (PieceText.join, noteJoin: the benchmark's counter). */
let joins = 0;
export function pieceTextJoins(): number {
  return joins;
}
/** Counts a join of a text's pieces made elsewhere (the language server's document store: PieceDocument.getText). */
export function noteJoin(): void {
  joins++;
}

/**
 * A text made of pieces (strings, in order). Reads find the piece by binary search over the pieces' starts, with the
 * last piece read remembered (reads are mostly near each other). Pieces are never changed: a new version of the text
 * is a new PieceText that shares the pieces an edit left.
 */
export class PieceText implements TextView {
  readonly length: number;
  /** Where each piece starts; starts[pieces.length] is the length. */
  private readonly starts: number[];
  private last = 0;
  private joined?: string;

  constructor(private readonly pieces: readonly string[]) {
    const starts = new Array<number>(pieces.length + 1);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      starts[i] = at;
      at += pieces[i]!.length;
    }
    starts[pieces.length] = at;
    this.starts = starts;
    this.length = at;
  }

  /** The piece that holds offset `at` (0 ≤ at < length); the last piece for at = length. */
  private pieceAt(at: number): number {
    const s = this.starts;
    const k = this.last;
    if (at >= s[k]! && at < s[k + 1]!) return k;
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    const k = this.pieceAt(index);
    return this.pieces[k]!.charCodeAt(index - this.starts[k]!);
  }

  slice(start = 0, end = this.length): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    // (As String.prototype.slice: NaN reads as 0.)
    if (Number.isNaN(start)) start = 0;
    if (Number.isNaN(end)) end = 0;
    const n = this.length;
    let a = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
    const b = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
    if (a >= b) return '';
    let k = this.pieceAt(a);
    const s = this.starts;
    if (b <= s[k + 1]!) return this.pieces[k]!.slice(a - s[k]!, b - s[k]!);
    let out = '';
    while (a < b) {
      const to = Math.min(b, s[k + 1]!);
      out += this.pieces[k]!.slice(a - s[k]!, to - s[k]!);
      a = to;
      k++;
    }
    return out;
  }

  indexOf(search: string, from = 0): number {
    if (this.joined !== undefined) return this.joined.indexOf(search, from);
    const n = this.length;
    let a = Number.isNaN(from) ? 0 : Math.max(0, Math.min(from, n));
    if (search.length === 0) return a;
    const s = this.starts;
    const m = search.length;
    for (let k = this.pieceAt(a); k < this.pieces.length; k++) {
      // In the piece itself (a match there comes before any that runs on into the next piece), then across its end: its
      // last characters and the next ones, as far as a match that begins in this piece can reach. (No copy of the piece:
      // a search of a long text read it a piece at a time.)
      const piece = this.pieces[k]!;
      const i = piece.indexOf(search, a - s[k]!);
      if (i >= 0) return s[k]! + i;
      const end = Math.min(n, s[k + 1]! + m - 1);
      if (end > s[k + 1]!) {
        const from = Math.max(a, s[k + 1]! - m + 1);
        const j = this.slice(from, end).indexOf(search);
        if (j >= 0) return from + j;
      }
      a = s[k + 1]!;
    }
    return -1;
  }

  lastIndexOf(search: string, from = Infinity): number {
    if (this.joined !== undefined) return this.joined.lastIndexOf(search, from);
    const n = this.length;
    const m = search.length;
    // The last place a match may start (as String.prototype.lastIndexOf: NaN reads as the end, below 0 as 0).
    const at = Math.min(Number.isNaN(from) ? n : Math.max(0, from), n - m);
    if (at < 0) return -1;
    if (m === 0) return at;
    const s = this.starts;
    for (let k = this.pieceAt(at); k >= 0; k--) {
      const end = Math.min(n, s[k + 1]! + m - 1);
      const window = end > s[k + 1]! ? this.slice(s[k]!, end) : this.pieces[k]!;
      const i = window.lastIndexOf(search, Math.min(at, s[k + 1]! - 1) - s[k]!);
      // (A match found starts in piece k: the search starts at most at its last character.)
      if (i >= 0) return s[k]! + i;
    }
    return -1;
  }

  /**
   * The text a piece at a time, each with up to `behind` characters before it and `reach` after it: the piece is
   * `text` from `at` to `to`.
   */
  *stretches(behind: number, reach: number): Generator<Stretch> {
    const s = this.starts;
    for (let k = 0; k < this.pieces.length; k++) {
      if (s[k] === s[k + 1] && k + 1 < this.pieces.length) continue;
      const from = Math.max(0, s[k]! - behind);
      const to = Math.min(this.length, s[k + 1]! + reach);
      yield { text: this.slice(from, to), at: s[k]! - from, to: s[k + 1]! - from, start: from };
    }
  }

  /**
   * How many characters at its start this text shares with `other` by their pieces alone: the pieces both hold at the
   * same place as one string object (a version of the language server's text shares every piece an edit left with the
   * one before). A lower bound of the common prefix, found without reading a character.
   */
  sharedStart(other: PieceText): number {
    const a = this.pieces;
    const b = other.pieces;
    const n = Math.min(a.length, b.length);
    let k = 0;
    while (k < n && a[k] === b[k] && this.starts[k] === other.starts[k]) k++;
    return this.starts[k]!;
  }

  /** sharedStart() at the end: how many characters at its end this text shares with `other` by their pieces alone. */
  sharedEnd(other: PieceText): number {
    const a = this.pieces;
    const b = other.pieces;
    let i = a.length - 1;
    let j = b.length - 1;
    let shared = 0;
    while (i >= 0 && j >= 0 && a[i] === b[j]) {
      shared += a[i]!.length;
      i--;
      j--;
    }
    return shared;
  }

  /** utf8Length(): each piece's bytes, and a surrogate pair that two pieces split counted as one character (4 bytes, not 3 + 3). */
  utf8Length(): number {
    let bytes = 0;
    let lastCode = NaN;
    for (const piece of this.pieces) {
      if (piece.length === 0) continue;
      bytes += Buffer.byteLength(piece, 'utf8');
      const first = piece.charCodeAt(0);
      if (lastCode >= 0xd800 && lastCode <= 0xdbff && first >= 0xdc00 && first <= 0xdfff) bytes -= 2;
      lastCode = piece.charCodeAt(piece.length - 1);
    }
    return bytes;
  }

  /** The whole text as one string (made once per view, counted). */
  join(): string {
    if (this.joined === undefined) {
      noteJoin();
      this.joined = this.pieces.join('');
    }
    return this.joined;
  }

  toString(): string {
    return this.join();
  }
}

/**
 * A sticky pattern (flag y) run at `pos` of a text: on the text itself when it is a string, else on the view's stretch
 * of `span` characters from `pos`, which must hold any match and what its end looks at (a `$` at the stretch's end
 * would match there). Sets `re.lastIndex` as a run on the whole string would.
 */
export function execAt(re: RegExp, text: TextView, pos: number, span: number): RegExpExecArray | null {
  if (typeof text === 'string') {
    re.lastIndex = pos;
    return re.exec(text);
  }
  re.lastIndex = 0;
  const m = re.exec(text.slice(pos, pos + span));
  if (m) {
    m.index += pos;
    re.lastIndex += pos;
  } else re.lastIndex = 0;
  return m;
}

/** How far a match must end before the end of a stretch searchFrom() read (what `$` or a look-ahead there could read past). */
const MATCH_MARGIN = 64;

/**
 * A global pattern's first match at or after `from`: on the text itself when it is a string, else on stretches of the
 * view from the character before `from` (what `^` in multiline mode and a one-character look-behind read), doubled
 * until a match ends well inside one or the stretch reaches the end. Sets `re.lastIndex` as a run on the string would.
 */
export function searchFrom(re: RegExp, text: TextView, from: number): RegExpExecArray | null {
  if (typeof text === 'string') {
    re.lastIndex = from;
    return re.exec(text);
  }
  const n = text.length;
  const start = Math.max(0, Math.min(from, n) - 1);
  for (let span = 16384; ; span *= 2) {
    const end = Math.min(n, from + span);
    const window = text.slice(start, end);
    re.lastIndex = Math.min(from, n) - start;
    const m = re.exec(window);
    if (m && (end === n || m.index + m[0].length + MATCH_MARGIN <= window.length)) {
      m.index += start;
      re.lastIndex += start;
      return m;
    }
    if (end === n) {
      re.lastIndex = 0;
      return null;
    }
  }
}

/** A text a piece at a time as PieceText.stretches() gives it; a string is one stretch. */
export function stretchesOf(text: TextView, behind: number, reach: number): Iterable<Stretch> {
  return typeof text === 'string' ? [{ text, at: 0, to: text.length, start: 0 }] : (text as PieceText).stretches(behind, reach);
}

/** The length of the text in UTF-8 (Buffer.byteLength of the whole string), without joining a view's pieces. */
export function utf8Length(text: TextView): number {
  return typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : (text as PieceText).utf8Length();
}
