import type { Directive, Language, ParsedDocument, ProseBlock, RawBlocks } from '../types.js';

/**
 * What a format adapter's reading after an edit shares with its last reading (speed only): blocks that read as the last
 * reading's are handed out as the last reading's objects, with how far each has moved since it was made (raw blocks:
 * `ParsedDocument.raw`, as the Markdown reader keeps them; a moved block is not copied). The engine then takes both ends
 * from its last check by identity (engine.ts sameEnds) instead of looking every block up by its text, and keeps what it
 * derived from them (`ParsedDocument.movesBlocks`). The LaTeX and plain-text adapters use it.
 */

/**
 * Where the blocks read, `out[from..to)`, are the last reading's `old[oldFrom..oldTo)` (its kept objects at their places):
 * those at the start in place, those at the end moved by `delta` (the change in the text's length) are handed out as the
 * last reading's objects, each with its shift (the last reading's, and `delta` more at the end). `shifts` holds the
 * shifts of `out` so far (undefined: none moved); returned with those of the blocks handed out (made when one moved).
 */
export function keptEnds(out: ProseBlock[], shifts: Int32Array | undefined, from: number, to: number, old: RawBlocks, oldFrom: number, oldTo: number, delta: number): Int32Array | undefined {
  const ob = old.blocks;
  const os = old.shifts;
  const k = Math.min(to - from, oldTo - oldFrom);
  let p = 0;
  for (; p < k; p++) {
    const o = ob[oldFrom + p]!;
    const s = os ? os[oldFrom + p]! : 0;
    if (!sameBlock(out[from + p]!, o, s)) break;
    out[from + p] = o;
    if (s !== 0) (shifts ??= new Int32Array(out.length))[from + p] = s;
  }
  for (let q = 0; q < k - p; q++) {
    const o = ob[oldTo - 1 - q]!;
    const s = (os ? os[oldTo - 1 - q]! : 0) + delta;
    // (The block read is o moved by s in every field sameBlock compares, a block the reader itself marked skipped, a
    // plain-text running head, included.)
    if (!sameBlock(out[to - 1 - q]!, o, s)) break;
    out[to - 1 - q] = o;
    if (s !== 0) (shifts ??= new Int32Array(out.length))[to - 1 - q] = s;
  }
  return shifts;
}

/**
 * A kept block handed out again without being read (LaTeX's blocks before and after the stretch a reading took up
 * again): without the `skip` mark the engine gives the blocks of a references section, which a role may have changed
 * since (the engine marks them again; the LaTeX reader marks none itself).
 */
export function unskipped(o: ProseBlock): ProseBlock {
  if (o.skip !== undefined) delete o.skip;
  return o;
}

/**
 * A reader's parse: its blocks as kept (`raw`: block i is `blocks[i]` moved `shifts[i]` characters on), and `blocks` as
 * the ParsedDocument contract has them, made from those when first read if some moved (the engine reads `raw`; a caller
 * that reads `blocks` gets blocks of its own). `raw` is not enumerable: a copy or a serialisation of the parse has its
 * blocks, not how the reader keeps them.
 */
export function parsedWithRaw(format: ParsedDocument['format'], blocks: ProseBlock[], shifts: Int32Array | undefined, directives: Directive[], more: { declaredLanguage?: Language; problems?: ParsedDocument['problems']; movesBlocks?: boolean } = {}): ParsedDocument {
  let made: ProseBlock[] | undefined = shifts ? undefined : blocks;
  const parsed: ParsedDocument = {
    format,
    get blocks(): ProseBlock[] {
      return (made ??= blocksOf(raw));
    },
    directives,
    ...more,
  };
  const raw: RawBlocks = { blocks, shifts };
  Object.defineProperty(parsed, 'raw', { value: raw, enumerable: false });
  return parsed;
}

/**
 * A block moved by `delta` (its texts and map the same, moved by mapBase; nothing the engine set: no skip): a last
 * reading's block, or a cached Markdown chunk's block placed at the chunk's position.
 */
export function movedFrom(o: ProseBlock, delta: number): ProseBlock {
  const moved: ProseBlock = { kind: o.kind, text: o.text, map: o.map, mapBase: (o.mapBase ?? 0) + delta, start: o.start + delta, end: o.end + delta };
  if (o.level !== undefined) moved.level = o.level;
  if (o.quoted !== undefined) moved.quoted = o.quoted;
  if (o.placeholders) moved.placeholders = o.placeholders;
  if (o.language !== undefined) moved.language = o.language;
  if (o.title !== undefined) moved.title = o.title;
  return moved;
}

/** Kept block `o` moved `delta` characters on, with the engine's `skip` mark (a raw block read at its place: see ParsedDocument.raw). */
export function movedCopy(o: ProseBlock, delta: number): ProseBlock {
  const moved = movedFrom(o, delta);
  if (o.skip !== undefined) moved.skip = o.skip;
  return moved;
}

/** Raw blocks as ProseBlock objects at their places (each moved one a copy: movedCopy). */
export function blocksOf(raw: RawBlocks): ProseBlock[] {
  const { blocks, shifts } = raw;
  if (!shifts) return blocks;
  const out: ProseBlock[] = new Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) out[i] = shifts[i] === 0 ? blocks[i]! : movedCopy(blocks[i]!, shifts[i]!);
  return out;
}

/** Whether a block as read (`b`) is the last reading's block `o` moved by `delta` (o's map moved by its mapBase). */
export function sameBlock(b: ProseBlock, o: ProseBlock, delta: number): boolean {
  if (b.start !== o.start + delta || b.end !== o.end + delta || b.kind !== o.kind || b.level !== o.level || b.quoted !== o.quoted || b.language !== o.language || b.title !== o.title) return false;
  // The engine marks the blocks of a references section skipped: such a block is no longer as read.
  if (b.skip !== o.skip || b.mapBase !== undefined) return false;
  const bp = b.placeholders;
  const op = o.placeholders;
  if (bp !== op) {
    if (!bp || !op || bp.length !== op.length) return false;
    for (let i = 0; i < bp.length; i++) if (bp[i]![0] !== op[i]![0] || bp[i]![1] !== op[i]![1]) return false;
  }
  const bm = b.map;
  const om = o.map;
  if (bm.length !== om.length) return false;
  const shift = (o.mapBase ?? 0) + delta;
  for (let i = 0; i < bm.length; i++) {
    const x = bm[i]!;
    const y = om[i]!;
    if (x.d !== y.d + shift || x.t !== y.t || x.tl !== y.tl || x.dl !== y.dl) return false;
  }
  return b.text === o.text;
}

/**
 * An adapter's last reading, by its first block (an ephemeron: kept as long as that block is, which the engine's last
 * check of the document holds, and no longer). One reading at most: its first block may outlive it (the engine's cache
 * keeps the blocks it analysed), and an entry by such a block would keep a past version of the text.
 */
export class LastReading<T extends { blocks: readonly ProseBlock[] }> {
  private readonly readings = new WeakMap<ProseBlock, T>();
  private first: WeakRef<ProseBlock> | undefined;

  get(): T | undefined {
    const first = this.first?.deref();
    return first ? this.readings.get(first) : undefined;
  }

  set(reading: T): void {
    const previous = this.first?.deref();
    if (previous) this.readings.delete(previous);
    this.first = undefined;
    const first = reading.blocks[0];
    if (first) {
      this.readings.set(first, reading);
      this.first = new WeakRef(first);
    }
  }
}
