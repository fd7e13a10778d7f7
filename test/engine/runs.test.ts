import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { RunMemo } from '../../server/src/engine/runs.js';
import type { DocumentBlock } from '../../server/src/engine/rules/types.js';

/** A stand-in block: only its analysed object (its identity) and its section matter to the runs. */
const block = (section: number, analysed: object = {}): DocumentBlock => ({ analysed, section }) as unknown as DocumentBlock;

describe('RunMemo: per-run summaries of document rules', () => {
  it('covers every block once, never spans two sections, and combines to the whole-document answer', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3), { maxLength: 400 }), (steps) => {
        let section = -1;
        const blocks = steps.map((s) => block(s === 0 ? ++section : section));
        const memo = new RunMemo<number>(8);
        const runs = memo.runs(blocks, (from, to) => to - from);
        let next = 0;
        for (const r of runs) {
          assert.equal(r.from, next);
          assert.ok(r.to > r.from);
          for (let i = r.from; i < r.to; i++) assert.equal(blocks[i]!.section, r.section);
          next = r.to;
        }
        assert.equal(next, blocks.length);
        assert.equal(runs.reduce((a, r) => a + r.value, 0), blocks.length);
      }),
    );
  });

  it('after an edit recomputes only the runs around the changed block (nl: een alinea gewijzigd; en: one paragraph edited)', () => {
    const blocks = Array.from({ length: 2000 }, (_, i) => block(Math.floor(i / 100)));
    const memo = new RunMemo<number>(24);
    let calls = 0;
    const summarise = (from: number, to: number) => {
      calls++;
      return to - from;
    };
    const first = memo.runs(blocks, summarise);
    assert.equal(calls, first.length);
    // The same blocks: nothing recomputed.
    calls = 0;
    memo.runs(blocks, summarise);
    assert.equal(calls, 0);
    // One block replaced (an edited paragraph) and one inserted: only a run or two around each.
    const edited = blocks.slice();
    edited[700] = block(7);
    edited.splice(1500, 0, block(15));
    calls = 0;
    const after = memo.runs(edited, summarise);
    assert.ok(calls <= 4, `${calls} runs recomputed`);
    assert.equal(after.reduce((a, r) => a + r.value, 0), edited.length);
  });

  it('recomputes every run when the context changes (an option the summaries depend on)', () => {
    const blocks = Array.from({ length: 100 }, () => block(0));
    const memo = new RunMemo<string>(10);
    memo.runs(blocks, () => 'a', 'academic');
    const runs = memo.runs(blocks, () => 'b', 'practitioner');
    assert.ok(runs.every((r) => r.value === 'b'));
  });
});
