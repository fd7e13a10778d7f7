/**
 * The language server's open documents, kept in pieces (speed and memory; ARCHITECTURE.md "Edits without a flat
 * text", step 1). vscode-languageserver-textdocument keeps a document as one string and joins the new text at every
 * change (a CR LF check reads it at once, and V8 must then copy the whole text): at 100,000 words that is a fresh
 * 1.2 MB string per keystroke, whose pages the system hands out anew and the collector promotes before it dies.
 * Here a change replaces the piece(s) it falls in (each at most a few tens of thousands of characters, so they live in
 * V8's ordinary pages and die young) and moves the line starts after it. A check reads the pieces through a view
 * (`textView()`, engine/text/view.ts: no copy of the whole text; session 19); the whole text is joined only when
 * something asks for it as one string (`getText()`), counted with the view's joins, and kept until the next change.
 *
 * Positions, offsets, line counts and texts are exactly those of vscode-languageserver-textdocument 1.0.16 (its
 * TextDocument interface, its clamping of positions past a line's end or the text's end, CR, LF and CR LF as line
 * ends, a CR LF pair that a change splits or joins): test/lsp/piece-document.test.ts compares the two over random
 * changes. One difference: a change whose range names a line past the last is taken at the text's end on the last
 * line (the library then keeps line starts for lines that do not exist, and later positions go wrong).
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceText, noteJoin, type TextView } from '../engine/text/view.js';
import { detach } from '../engine/cache.js';

/** A piece is cut when it grows past twice this many characters; joined texts are cut into pieces of this size. */
const PIECE = 16_384;

const CR = 13;
const LF = 10;

export class PieceDocument implements TextDocument {
  private pieces: string[] = [];
  /** Offset of each piece's first character (one more entry: the text's length). */
  private starts: number[] = [0];
  /** The whole text while no change came after it was joined (or set). */
  private flat: string | undefined;
  /** Offsets where lines start (made when first needed, then moved with each change). */
  private lineOffsets: number[] | undefined;
  /** The text as a view over the pieces, while no change came after it was made. */
  private view: TextView | undefined;
  /** Whether pieces may still be slices of the text as set (opened, or replaced whole; see textView). */
  private shared = false;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
    /** Piece size (tests use tiny pieces to reach every boundary case). */
    private readonly pieceSize = PIECE,
  ) {
    this.setText(content);
  }

  /** The text's length, without joining it. */
  get length(): number {
    return this.starts[this.pieces.length]!;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  getText(range?: Range): string {
    if (range) {
      let start = this.offsetAt(range.start);
      let end = this.offsetAt(range.end);
      // As String.prototype.substring: ends given the wrong way round are swapped.
      if (start > end) [start, end] = [end, start];
      return this.slice(start, end);
    }
    if (this.flat === undefined) {
      if (this.pieces.length > 1) noteJoin();
      const flat = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
      // Pieces cut from the joined text share its characters (no second copy while the check holds it).
      this.cut(flat);
    }
    return this.flat!;
  }

  /**
   * The text for a check without joining it (ARCHITECTURE.md "Edits without a flat text", step 2): the whole text when
   * it is at hand as one string, else a view over the pieces (the same object until the next change).
   */
  textView(): TextView {
    if (this.flat !== undefined) return this.flat;
    // Memory only (session 29): pieces cut from the text as opened share its characters, so an unchanged one kept that
    // whole text alive for as long as the document stayed open (1 MB of the footnoted thesis, 3.3 MB of the Dutch
    // reports as one document, next to the changed pieces). The first view after a change copies the pieces, each at
    // one byte per character when it can be (detach). (Pieces cut from a text that getText joined are not copied: that
    // join is the one whole text they keep, and getText's caller held it anyway.)
    if (this.shared) {
      this.shared = false;
      const pieces = this.pieces;
      for (let i = 0; i < pieces.length; i++) pieces[i] = detach(pieces[i]!);
    }
    // (A copy of the list of pieces: a change replaces pieces in the list.)
    return (this.view ??= this.pieces.length === 1 ? this.pieces[0]! : new PieceText(this.pieces.slice()));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lines = this.lines();
    let low = 0;
    let high = lines.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (lines[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeLineEnd(offset, lines[line]!);
    return { line, character: offset - lines[line]! };
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lines[position.line]!;
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lines.length ? lines[position.line + 1]! : this.length;
    return this.beforeLineEnd(Math.min(lineOffset + position.character, next), lineOffset);
  }

  /** Line `line` without its line end (a line past the last: the last; before the first: an empty range at the start). */
  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lines[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines[line]!;
    const next = line + 1 < lines.length ? lines[line + 1]! : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineEnd(next, start) - start } };
  }

  /** The characters that end line `line` ('' for the last line and for lines that do not exist). */
  getEOLCharacters(line: number): string {
    const lines = this.lines();
    if (line >= lines.length || line < 0) return '';
    const next = line + 1 < lines.length ? lines[line + 1]! : this.length;
    return this.slice(this.beforeLineEnd(next, lines[line]!), next);
  }

  /** Applies the changes one after the other, each by its range in the text the ones before it left. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        let { start, end } = change.range;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
        const startOffset = this.offsetAt(start);
        const endOffset = this.offsetAt(end);
        this.replace(startOffset, endOffset, change.text);
        const insertedEnd = startOffset + change.text.length;
        // A CR and an LF that the change brought together (or parted) make one line end: the line starts are made anew.
        if ((this.charCodeAt(startOffset - 1) === CR && this.charCodeAt(startOffset) === LF) || (this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF)) {
          this.lineOffsets = undefined;
          continue;
        }
        // (offsetAt made the line starts of the text before the change.)
        const lines = this.lineOffsets!;
        // The lines the range's ends stand on (a line past the last is the last: its offset is the text's end).
        const startLine = Math.min(Math.max(start.line, 0), lines.length - 1);
        const endLine = Math.min(Math.max(end.line, 0), lines.length - 1);
        const added = lineStarts(change.text, startOffset);
        if (endLine - startLine === added.length) {
          for (let i = 0; i < added.length; i++) lines[i + startLine + 1] = added[i]!;
        } else if (added.length < 10_000) {
          lines.splice(startLine + 1, endLine - startLine, ...added);
        } else {
          this.lineOffsets = lines.slice(0, startLine + 1).concat(added, lines.slice(endLine + 1));
        }
        const diff = change.text.length - (endOffset - startOffset);
        if (diff !== 0) {
          const moved = this.lineOffsets!;
          for (let i = startLine + 1 + added.length; i < moved.length; i++) moved[i] = moved[i]! + diff;
        }
      } else if ('text' in change) {
        this.setText(change.text);
      } else {
        throw new Error('PieceDocument.update: a change without text');
      }
    }
    this.version = version;
  }

  /** The character code at `offset` (NaN outside the text, as String.prototype.charCodeAt). */
  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.pieceAt(offset);
    return this.pieces[i]!.charCodeAt(offset - this.starts[i]!);
  }

  private beforeLineEnd(offset: number, lineOffset: number): number {
    while (offset > lineOffset) {
      const c = this.charCodeAt(offset - 1);
      if (c !== CR && c !== LF) break;
      offset--;
    }
    return offset;
  }

  /** The index of the piece that holds `offset` (the last piece for the text's end). */
  private pieceAt(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private slice(start: number, end: number): string {
    if (start >= end) return '';
    if (this.flat !== undefined) return this.flat.slice(start, end);
    const first = this.pieceAt(start);
    const last = this.pieceAt(end - 1);
    if (first === last) return this.pieces[first]!.slice(start - this.starts[first]!, end - this.starts[first]!);
    let out = this.pieces[first]!.slice(start - this.starts[first]!);
    for (let i = first + 1; i < last; i++) out += this.pieces[i]!;
    return out + this.pieces[last]!.slice(0, end - this.starts[last]!);
  }

  private replace(start: number, end: number, text: string): void {
    this.flat = undefined;
    this.view = undefined;
    const first = this.pieceAt(start);
    const last = end > start ? this.pieceAt(end - 1) : first;
    const head = this.pieces[first]!.slice(0, start - this.starts[first]!);
    const tail = this.pieces[last]!.slice(end - this.starts[last]!);
    const joined = head + text + tail;
    const made: string[] = [];
    if (joined.length <= 2 * this.pieceSize) made.push(joined);
    else for (let at = 0; at < joined.length; at += this.pieceSize) made.push(joined.slice(at, at + this.pieceSize));
    // An emptied piece goes (one piece stays, empty, for an empty text).
    const keep = made.length === 1 && made[0] === '' && this.pieces.length > last - first + 1 ? [] : made;
    this.pieces.splice(first, last - first + 1, ...keep);
    const starts = this.starts;
    starts.length = first + 1;
    for (let i = first; i < this.pieces.length; i++) starts[i + 1] = starts[i]! + this.pieces[i]!.length;
  }

  private setText(text: string): void {
    this.lineOffsets = undefined;
    this.cut(text);
    this.shared = this.pieces.length > 1;
  }

  /** Makes `text` the whole text: kept as it is, and cut into pieces that share its characters. */
  private cut(text: string): void {
    this.flat = text;
    this.view = undefined;
    const pieces: string[] = [];
    const starts = [0];
    for (let at = 0; at < text.length; at += this.pieceSize) {
      pieces.push(text.slice(at, at + this.pieceSize));
      starts.push(Math.min(text.length, at + this.pieceSize));
    }
    if (pieces.length === 0) {
      pieces.push('');
      starts.push(0);
    }
    this.pieces = pieces;
    this.starts = starts;
  }

  private lines(): number[] {
    if (this.lineOffsets === undefined) {
      const lines = [0];
      let offset = 0;
      let cr = false;
      for (const piece of this.pieces) {
        for (let i = 0; i < piece.length; i++) {
          const c = piece.charCodeAt(i);
          // A CR's line ends after the LF that follows it, if one does (the LF may start the next piece).
          if (cr) {
            cr = false;
            if (c === LF) {
              lines[lines.length - 1] = offset + i + 1;
              continue;
            }
          }
          if (c === CR) {
            lines.push(offset + i + 1);
            cr = true;
          } else if (c === LF) lines.push(offset + i + 1);
        }
        offset += piece.length;
      }
      this.lineOffsets = lines;
    }
    return this.lineOffsets;
  }
}

/** Where lines start in `text` (after each line end; CR LF counted once), as offsets from `offset`. */
function lineStarts(text: string, offset: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) {
      if (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      out.push(offset + i + 1);
    }
  }
  return out;
}

/** The document store's create and update (TextDocuments' configuration). */
export const PieceDocuments = {
  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    return new PieceDocument(uri, languageId, version, content);
  },
  update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (!(doc instanceof PieceDocument)) throw new Error('PieceDocuments.update: the document was not made by PieceDocuments.create');
    doc.update(changes, version);
    return doc;
  },
};

/** A document's text for a check: a view over its pieces (PieceDocument.textView), or its text. */
export function textForCheck(doc: TextDocument): TextView {
  return doc instanceof PieceDocument ? doc.textView() : doc.getText();
}

/** A document's text length without joining its text. */
export function textLength(doc: TextDocument): number {
  return doc instanceof PieceDocument ? doc.length : doc.getText().length;
}
