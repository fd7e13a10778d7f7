import { blockEditOf } from '../incremental.js';
import { RunMemo } from '../runs.js';
import { firstAtOrAfter } from '../sections.js';
import type { Run } from '../runs.js';
import type { DocumentBlock, DocumentModel } from './types.js';

/**
 * Per-run summaries for the readability and vocabulary document rules (engine/runs.ts), keyed by
 * what a block is rather than where it stands.
 *
 * The key is the block's cached result (its `facts` object, one per analysis of a text in its section
 * role and language; blocks of the same text share it), which stays the same while the block's text,
 * role and language do, wherever the block moves. A summary keyed by it must hold only what follows from the block's text and
 * analysis: offsets in it are block-text offsets, mapped to the document (toDocument) when the
 * summaries are combined, and anything that reads the document around a block (its section's title,
 * the text before it, the source's markup through the block's map) is asked then too.
 */

/**
 * The runs of a document's blocks (one partition per document model, shared by the rules), each with a box object
 * that stays the same while the run has the same blocks: the rules keep their summaries per box (RunSlots).
 */
const BOXES = new RunMemo<object>();
const SHARED = new WeakMap<DocumentModel, Array<Run<object>>>();

function sharedRuns(doc: DocumentModel): Array<Run<object>> {
  let runs = SHARED.get(doc);
  if (!runs) {
    const blocks = doc.blocks;
    runs = editedRuns(blocks);
    if (!runs) {
      const facts: object[] = new Array(blocks.length);
      for (let i = 0; i < blocks.length; i++) facts[i] = blocks[i]!.facts;
      runs = cut(blocks, 0, blocks.length);
      LAST = { facts, runs, blocks: new WeakRef(blocks) };
    }
    SHARED.set(doc, runs);
  }
  return runs;
}

/**
 * The blocks (their facts) and runs of the last document cut into runs (an edited document is mostly the same blocks).
 * The facts list is patched where an edit changed it (editedRuns), not made again from every block.
 */
let LAST: { facts: object[]; runs: Array<Run<object>>; blocks: WeakRef<readonly DocumentBlock[]> } | undefined;

/** The runs of blocks [from, to), which start a run and end one (RunMemo reads a block's `analysed`, as its identity, and `section` only). */
function cut(blocks: readonly DocumentBlock[], from: number, to: number): Array<Run<object>> {
  const keyed: Array<{ analysed: object; section: number }> = new Array(to - from);
  for (let i = from; i < to; i++) keyed[i - from] = { analysed: blocks[i]!.facts, section: blocks[i]!.section };
  const runs = BOXES.runs(keyed as unknown as DocumentBlock[], () => []);
  if (from > 0) for (const r of runs) (r.from += from), (r.to += from);
  return runs;
}

/**
 * The runs of an edit of the last document, without cutting it all again (speed only, lsp10c): RunMemo cuts a run
 * after a block by the block itself and the next block's section, so the runs of the unchanged blocks before the
 * edited stretch (up to the last one whose next block is unchanged too) and after it (from the first one whose
 * previous block is unchanged too) are the last ones, moved; only the stretch between is cut. The same runs as
 * cutting every block; undefined when the blocks are not mostly the last ones.
 */
function editedRuns(blocks: readonly DocumentBlock[]): Array<Run<object>> | undefined {
  const last = LAST;
  if (!last) return undefined;
  const old = last.facts;
  const n = blocks.length;
  const m = Math.min(n, old.length);
  // The ends the engine left as they were since the last blocks cut (engine/incremental.ts BlockEdit): compared past them.
  const edit = blockEditOf(blocks, last.blocks.deref());
  let p = edit ? Math.min(edit.before, m) : 0;
  while (p < m && old[p] === blocks[p]!.facts) p++;
  let q = edit ? Math.max(0, Math.min(edit.after, m - p)) : 0;
  while (q < m - p && old[old.length - 1 - q] === blocks[n - 1 - q]!.facts) q++;
  if ((p + q) * 2 < n) return undefined;
  const shift = n - old.length;
  const out: Array<Run<object>> = [];
  // Runs before the stretch: each with its next block unchanged (the same blocks from the start: the same sections).
  let k = 0;
  while (k < last.runs.length && last.runs[k]!.to < p) out.push(last.runs[k++]!);
  const from = out.length ? out[out.length - 1]!.to : 0;
  // Runs after the stretch: each with its previous block unchanged; their section numbers are read again (a heading
  // added or removed before them renumbers them).
  let j = last.runs.length;
  while (j > k && last.runs[j - 1]!.from > old.length - q) j--;
  const to = j < last.runs.length ? last.runs[j]!.from + shift : n;
  if (to < from) return undefined;
  if (to > from) out.push(...cut(blocks, from, to));
  let kept = true;
  // Speed only (abbr37): the blocks after the stretch are the last ones (the same facts, so the same headings), and the
  // engine numbers a block's section by the headings before it: their sections all moved by the same number (the
  // headings the edit added or removed). When no block was added or removed and the first of those runs kept its
  // section, every one did: they are the last run objects, handed on without reading a block of each.
  if (shift === 0 && j < last.runs.length && blocks[last.runs[j]!.from]!.section === last.runs[j]!.section) {
    for (let i = j; i < last.runs.length; i++) out.push(last.runs[i]!);
  } else for (let i = j; i < last.runs.length; i++) {
    const r = last.runs[i]!;
    const section = blocks[r.from + shift]!.section;
    // The same place and section (an edit that added and removed no block and no heading): the same run object.
    if (shift === 0 && section === r.section) out.push(r);
    else {
      out.push({ from: r.from + shift, to: r.to + shift, section, value: r.value });
      kept = false;
    }
  }
  // The last facts patched in the edited stretch (in place when it kept its number of blocks).
  const came: object[] = [];
  for (let i = p; i < n - q; i++) came.push(blocks[i]!.facts);
  const went = old.length - q - p;
  if (went === came.length) for (let i = 0; i < went; i++) old[p + i] = came[i]!;
  else old.splice(p, went, ...came);
  EDIT = { runs: out, prev: last.runs, before: k, after: last.runs.length - j, kept };
  last.runs = out;
  last.blocks = new WeakRef(blocks);
  return out;
}

/**
 * The last runs made by editedRuns from the runs before them (`prev`): their first `before` runs are prev's first
 * (the same objects), their last `after` runs are prev's last `after` (the same boxes, moved; their sections read
 * again). RunSlots hands out its last runs there instead of reading each run's box (speed only, doc20). `kept`: those
 * last `after` runs are prev's own objects (no block added or removed before them, no section renumbered). Only the
 * last edit is kept: two versions' runs, no chain of versions.
 */
let EDIT: { runs: Array<Run<object>>; prev: Array<Run<object>>; before: number; after: number; kept: boolean } | undefined;


/** See RunSlots.change. */
export interface RunChange<S> {
  before: number;
  after: number;
  previous: ReadonlyArray<Run<S>>;
}

/** The number of the next RunSlots: its place in every run's box. */
let nextSlot = 0;

/** One rule's summary of a run, kept in the run's box, with the run as last handed out (reused while its place is the same). */
interface SlotEntry<S> {
  context: string;
  value: S;
  run: Run<S> | undefined;
}

/** One rule's summaries of the shared runs. */
export class RunSlots<S> {
  /** Where this rule's summary stands in each run's box (an array: a slot is an index, not a look-up in a weak map). */
  private readonly slot = nextSlot++;
  /** The shared runs this slot read last, with the context and the runs it handed out (one document version's). */
  private last: { shared: Array<Run<object>>; out: Array<Run<S>>; context: string } | undefined;
  /** How the last runs handed out stand to the ones before them (see change). */
  private edited: RunChange<S> | undefined;

  /**
   * How the runs the last call handed out stand to those of the call before it, for a rule that keeps what it
   * combined from them and corrects it rather than combining every run again: the first `before` runs are the
   * previous call's first `before` (the same objects, places and summaries); the last `after` runs have the
   * summaries of the previous call's last `after` runs (the same objects), moved — their `from`, `to` and `section`
   * may differ (a heading added or removed before them renumbers their sections); the runs between replace the
   * previous call's runs between. Undefined when the last call was not such an edit (another document, another
   * context, the first call): then every run is to be combined.
   */
  change(): RunChange<S> | undefined {
    return this.edited;
  }

  /**
   * The runs of a document's blocks with this rule's summaries: `summarise(from, to)` is asked only for runs with a
   * block that was not in the same run at an earlier call (or with another context: an option the summaries depend
   * on, compared as a string). It reads `doc.blocks[from..to)` and must not depend on their places. A run at the same
   * place as at the last call with the same summary is the same object (not to be changed by the caller).
   */
  runs(doc: DocumentModel, summarise: (from: number, to: number) => S, context = ''): Array<Run<S>> {
    const shared = sharedRuns(doc);
    const last = this.last;
    const edit = EDIT;
    let out: Array<Run<S>> | undefined;
    let from = 0;
    let to = shared.length;
    // An edit of the runs this slot read last, with the same context (speed only, doc20): the runs before the edited
    // stretch are the last ones (the same places, boxes and summaries), those after it the last ones' summaries in
    // their new places; only the runs between are read from their boxes. The same runs and summaries as reading all.
    this.edited = undefined;
    if (edit && last && edit.runs === shared && edit.prev === last.shared && last.context === context) {
      from = edit.before;
      to = shared.length - edit.after;
      this.edited = { before: edit.before, after: edit.after, previous: last.out };
      const d = last.out.length - shared.length;
      if (edit.kept && d === 0) {
        // The runs after the stretch are the last ones' own objects in their places (editedRuns `kept`): so are the
        // runs handed out for them (each made for that run, with its place and section). One copy of the last list,
        // its stretch written over (speed only, doc32: no comparison per run).
        out = last.out.slice();
      } else {
        out = new Array(shared.length);
        for (let k = 0; k < from; k++) out[k] = last.out[k]!;
        if (edit.kept) for (let k = to; k < shared.length; k++) out[k] = last.out[k + d]!;
        else for (let k = to; k < shared.length; k++) {
          const r = shared[k]!;
          const o = last.out[k + d]!;
          out[k] = o.from === r.from && o.to === r.to && o.section === r.section ? o : { from: r.from, to: r.to, section: r.section, value: o.value };
        }
      }
    }
    out ??= new Array(shared.length);
    for (let k = from; k < to; k++) {
      const r = shared[k]!;
      const box = r.value as Array<SlotEntry<S> | undefined>;
      let e = box[this.slot];
      if (!e || e.context !== context) box[this.slot] = e = { context, value: summarise(r.from, r.to), run: undefined };
      let run = e.run;
      if (!run || run.from !== r.from || run.to !== r.to || run.section !== r.section) e.run = run = { from: r.from, to: r.to, section: r.section, value: e.value };
      out[k] = run;
    }
    this.last = { shared, out, context };
    return out;
  }
}

/** `list` with its `count` entries from `from` on replaced by `items` (in place; written over when as many). */
export function replaceRange<T>(list: T[], from: number, count: number, items: readonly T[]): void {
  if (count === items.length) for (let i = 0; i < count; i++) list[from + i] = items[i]!;
  else list.splice(from, count, ...items);
}

/**
 * A sorted list of run numbers with those in [from, to) replaced by `came` (sorted, within the new stretch) and those
 * after moved by `shift`: in place (the list itself, unchanged when nothing came, went or moved).
 */
export function splicedRuns(list: number[], from: number, to: number, came: readonly number[], shift: number): number[] {
  // Speed only (session 20): the stretch found by halving (the lists of a long document hold hundreds of runs).
  const a = firstAtOrAfter(list, from);
  let b = a;
  while (b < list.length && list[b]! < to) b++;
  if (shift !== 0) for (let i = b; i < list.length; i++) list[i]! += shift;
  if (b > a || came.length > 0) replaceRange(list, a, b - a, came);
  return list;
}
