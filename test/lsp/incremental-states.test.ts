/**
 * engine/incremental.ts: a document summary corrected by the blocks that came and went must equal
 * the summary computed from all blocks, whatever the order of documents and edits, with more
 * documents than summaries kept and blocks shared between documents or repeated in one.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BlockStates, Tally } from '../../server/src/engine/incremental.js';

interface Block {
  words: string[];
}

function fromScratch(blocks: Block[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of blocks) for (const w of b.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('lsp: document summaries kept up to date by the changed blocks (engine/incremental.ts)', () => {
  it('a tally corrected block by block equals the tally of all blocks, over random edits of several documents', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const block = fc.array(word, { maxLength: 4 }).map((words) => ({ words }));
    const step = fc.record({
      doc: fc.nat({ max: 4 }),
      // An edit: blocks replaced by new ones, or by blocks from the pool (shared with other documents).
      at: fc.nat({ max: 6 }),
      remove: fc.nat({ max: 3 }),
      insert: fc.array(fc.oneof(block, fc.nat({ max: 9 })), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 10, maxLength: 10 }), fc.array(step, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (pool, steps, max) => {
        const states = new BlockStates(() => new Tally<string>(), max);
        const docs: Block[][] = [0, 1, 2, 3, 4].map((i) => pool.slice(i, i + 4));
        for (const s of steps) {
          const doc = docs[s.doc]!;
          doc.splice(Math.min(s.at, doc.length), s.remove, ...s.insert.map((x) => (typeof x === 'number' ? pool[x]! : x)));
          const tally = states.update(doc, (b) => b, (t, key, delta) => t.add((key as Block).words, delta));
          assert.deepEqual(sorted(tally.counts), sorted(fromScratch(doc)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with an identity (keys asked only in the changed stretch), a tally over random edits still equals the tally of all blocks', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const block = fc.array(word, { maxLength: 4 }).map((words) => ({ words }));
    const step = fc.record({
      doc: fc.nat({ max: 2 }),
      at: fc.nat({ max: 12 }),
      remove: fc.nat({ max: 3 }),
      insert: fc.array(fc.oneof(block, fc.nat({ max: 9 })), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 10, maxLength: 10 }), fc.array(step, { minLength: 1, maxLength: 40 }), (pool, steps) => {
        const states = new BlockStates(() => new Tally<string>(), 2);
        const docs: Block[][] = [0, 1, 2].map((i) => pool.slice(i, i + 8));
        // The key is what the block holds (its words list), the identity the block itself: the same block, the same key.
        for (const s of steps) {
          const doc = docs[s.doc]!;
          doc.splice(Math.min(s.at, doc.length), s.remove, ...s.insert.map((x) => (typeof x === 'number' ? pool[x]! : x)));
          const tally = states.update(doc, (b) => b.words, (t, key, delta) => t.add(key as string[], delta), (b) => b);
          assert.deepEqual(sorted(tally.counts), sorted(fromScratch(doc)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with an identity, an edit asks the key of the blocks in the changed stretch only', () => {
    const states = new BlockStates(() => new Tally<string>());
    const blocks: Block[] = Array.from({ length: 20 }, (_, i) => ({ words: [`w${i}`] }));
    let asked = 0;
    const key = (b: Block): object => {
      asked++;
      return b.words;
    };
    const apply = (t: Tally<string>, k: object, d: number) => t.add(k as string[], d);
    states.update(blocks, key, apply, (b) => b);
    assert.equal(asked, 20);
    asked = 0;
    const edited = [...blocks];
    edited.splice(7, 1, { words: ['new'] }, { words: ['w3'] });
    const tally = states.update(edited, key, apply, (b) => b);
    assert.equal(asked, 2);
    assert.deepEqual(sorted(tally.counts), sorted(fromScratch(edited)));
  });

  it('a second update with the same list (another rule of the same check) applies nothing and gives the same summary', () => {
    const states = new BlockStates(() => new Tally<string>());
    const key = (b: Block): object => b;
    const blocks: Block[] = [{ words: ['a', 'b'] }, { words: ['b'] }];
    let applied = 0;
    const apply = (t: Tally<string>, k: object, d: number) => {
      applied++;
      t.add((k as Block).words, d);
    };
    const first = states.update(blocks, key, apply);
    const second = states.update(blocks, key, apply);
    assert.equal(second, first);
    assert.equal(applied, 2);
    assert.deepEqual(sorted(second.counts), [['a', 1], ['b', 2]]);
    // A new list of the same blocks is compared block by block: nothing to apply.
    states.update([...blocks], key, apply);
    assert.equal(applied, 2);
  });

  it('the block a key came with is handed over when it comes, not when it goes', () => {
    const states = new BlockStates(() => [] as string[]);
    const a = { id: 'a' };
    const b = { id: 'b' };
    const log = states.update([a, b, a], (x) => x, (s, _k, d, blk) => s.push(`${d}:${blk?.id ?? '-'}`));
    assert.deepEqual(log, ['2:a', '1:b']);
    states.update([b], (x) => x, (s, _k, d, blk) => s.push(`${d}:${blk?.id ?? '-'}`));
    assert.deepEqual(log, ['2:a', '1:b', '-2:-']);
  });

  it('a document that shares fewer blocks with every summary than they hold besides is summed from nothing when all are taken', () => {
    // One summary kept: documents A and then B (no block in common), then A' (A with one block changed).
    const states = new BlockStates(() => new Tally<string>(), 1);
    const docA: Block[] = Array.from({ length: 6 }, (_, i) => ({ words: [`a${i}`] }));
    const docB: Block[] = Array.from({ length: 6 }, (_, i) => ({ words: [`b${i}`] }));
    let wentAway = 0;
    const apply = (t: Tally<string>, key: object, delta: number) => {
      if (delta < 0) wentAway++;
      t.add((key as Block).words, delta);
    };
    states.update(docA, (b) => b, apply);
    const b = states.update(docB, (x) => x, apply);
    assert.equal(wentAway, 0, "A's blocks are not taken out one by one: B is summed from nothing");
    assert.deepEqual(sorted(b.counts), sorted(fromScratch(docB)));
    // An edit of B: the summary is corrected (the block that went is taken out).
    const edited = [...docB.slice(0, 5), { words: ['c'] }];
    const c = states.update(edited, (x) => x, apply);
    assert.equal(wentAway, 1);
    assert.deepEqual(sorted(c.counts), sorted(fromScratch(edited)));
  });
});
