import { RunMemo } from '../../runs.js';
import type { Run } from '../../runs.js';
import type { DocumentBlock, DocumentModel } from '../types.js';

/**
 * Per-run summaries for the readability and vocabulary document rules (engine/runs.ts), keyed by
 * what a block is rather than where it stands.
 *
 * The engine hands out a new placed block (and analysed object) at every check, even for a block
 * whose text did not change: its place may have moved. What stays is the block's cached result (its
 * `facts` object, one per analysis of a text in its section role and language; blocks of the same
 * text share it). A summary keyed by it must hold only what follows from the block's text and
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
    const keyed: Array<{ analysed: object; section: number }> = new Array(blocks.length);
    for (let i = 0; i < blocks.length; i++) keyed[i] = { analysed: blocks[i]!.facts, section: blocks[i]!.section };
    // RunMemo reads a block's `analysed` (as its identity) and `section` only.
    runs = BOXES.runs(keyed as unknown as DocumentBlock[], () => ({}));
    SHARED.set(doc, runs);
  }
  return runs;
}

/** One rule's summaries of the shared runs. */
export class RunSlots<S> {
  private readonly byBox = new WeakMap<object, { context: string; value: S }>();

  /**
   * The runs of a document's blocks with this rule's summaries: `summarise(from, to)` is asked only for runs with a
   * block that was not in the same run at an earlier call (or with another context: an option the summaries depend
   * on, compared as a string). It reads `doc.blocks[from..to)` and must not depend on their places.
   */
  runs(doc: DocumentModel, summarise: (from: number, to: number) => S, context = ''): Array<Run<S>> {
    const out: Array<Run<S>> = [];
    for (const r of sharedRuns(doc)) {
      let e = this.byBox.get(r.value);
      if (!e || e.context !== context) this.byBox.set(r.value, (e = { context, value: summarise(r.from, r.to) }));
      out.push({ from: r.from, to: r.to, section: r.section, value: e.value });
    }
    return out;
  }
}
