import type { ProseBlock, RawBlocks } from '../types.js';

/**
 * What a format adapter's reading after an edit shares with its last reading (speed only): blocks that read as the last
 * reading's are handed out as the last reading's objects (the same object where nothing moved them, else a new block
 * with the last one's text and map, moved by mapBase). The engine then takes both ends from its last check by identity
 * (engine.ts sameEnds) instead of looking every block up by its text, and keeps what it derived from them
 * (`ParsedDocument.movesBlocks`). The LaTeX and plain-text adapters use it.
 */

/**
 * Where the blocks `blocks[from..to)` are the last reading's `old[oldFrom..oldTo)`: those at the start in place (handed
 * out as the same objects), those at the end moved by `delta` (new objects with the last reading's texts and maps).
 */
export function sameEnds(blocks: ProseBlock[], old: readonly ProseBlock[], from: number, to: number, oldFrom: number, oldTo: number, delta: number): void {
  const k = Math.min(to - from, oldTo - oldFrom);
  let p = 0;
  while (p < k && sameBlock(blocks[from + p]!, old[oldFrom + p]!, 0)) {
    blocks[from + p] = old[oldFrom + p]!;
    p++;
  }
  for (let q = 0; q < k - p; q++) {
    const b = blocks[to - 1 - q]!;
    const o = old[oldTo - 1 - q]!;
    if (!sameBlock(b, o, delta)) break;
    // (b is o moved by delta in every field sameBlock compared: the last reading's block, moved; a block the reader itself
    // marked skipped, a plain-text running head, stays so.)
    if (delta === 0) blocks[to - 1 - q] = o;
    else {
      const moved = movedFrom(o, delta);
      if (b.skip !== undefined) moved.skip = b.skip;
      blocks[to - 1 - q] = moved;
    }
  }
}

/** A block of the last reading moved by `delta` (its texts and map the same, moved by mapBase; nothing the engine set: no skip). */
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
