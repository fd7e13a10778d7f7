/**
 * Per-run memos for document rules: a document rule that sums, counts or collects something over
 * all blocks can keep a summary per run of blocks and, after an edit, recompute only the runs
 * that hold a changed block. The rest of the work is combining the summaries (a few hundred
 * runs at 100,000 words instead of thousands of blocks).
 *
 * Runs are cut by content, not by position: a run ends after a block whose identity number falls
 * on a boundary (about one block in `size`), and at every change of section. Inserting or
 * removing a block changes only the run around it; the runs after it keep their blocks, so their
 * summaries are found again. A block is the same block while the engine hands out the same
 * analysed object for it (the engine keeps it while the block's text, place and role are
 * unchanged). A run never spans two sections, so a summary may depend on its section's role but
 * should not hold section numbers: the combining step knows them from `section`.
 */
import type { DocumentBlock } from './rules/types.js';

let nextId = 1;
const IDS = new WeakMap<object, number>();

/** A stable number for an object (the first time it is asked for, the next free one). */
export function identityOf(o: object): number {
  let id = IDS.get(o);
  if (id === undefined) IDS.set(o, (id = nextId++));
  return id;
}

/** Whether a run ends after the block with this identity number: about one in `size` does. */
function endsRun(id: number, size: number): boolean {
  // A multiplicative hash spreads consecutive numbers; the top bits decide.
  return Math.imul(id, 0x9e3779b1) >>> 0 < 0x100000000 / size;
}

export interface Run<S> {
  /** First block of the run (index into the blocks given). */
  from: number;
  /** One past the last block. */
  to: number;
  /** Section of every block in the run (-1 before the first heading). */
  section: number;
  value: S;
}

interface Entry<S> {
  blocks: object[];
  context: string;
  value: S;
}

export class RunMemo<S> {
  private byFirst = new WeakMap<object, Entry<S>>();

  /**
   * @param size About how many blocks a run holds.
   */
  constructor(private readonly size = 24) {}

  /**
   * The runs of these blocks, each with its summary: cached when the run has the same blocks
   * (and the same context string, if given) as at an earlier call, else `summarise(from, to)`.
   * `context` is for anything outside the blocks that a summary depends on (an option, a
   * language); it is compared as a string.
   */
  runs(blocks: readonly DocumentBlock[], summarise: (from: number, to: number) => S, context = ''): Array<Run<S>> {
    const out: Array<Run<S>> = [];
    let from = 0;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const next = blocks[i + 1];
      if (next !== undefined && next.section === b.section && !endsRun(identityOf(b.analysed), this.size)) continue;
      out.push({ from, to: i + 1, section: b.section, value: this.value(blocks, from, i + 1, summarise, context) });
      from = i + 1;
    }
    return out;
  }

  private value(blocks: readonly DocumentBlock[], from: number, to: number, summarise: (from: number, to: number) => S, context: string): S {
    const first = blocks[from]!.analysed;
    const e = this.byFirst.get(first);
    if (e && e.context === context && e.blocks.length === to - from && e.blocks.every((o, k) => o === blocks[from + k]!.analysed)) return e.value;
    const value = summarise(from, to);
    const list: object[] = [];
    for (let k = from; k < to; k++) list.push(blocks[k]!.analysed);
    this.byFirst.set(first, { blocks: list, context, value });
    return value;
  }
}
