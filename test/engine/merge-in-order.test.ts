/**
 * The check's findings joined in order (engine.ts mergeInOrder, speed only): the stable sort of the lists joined (of
 * equal findings, those of an earlier list first, each list's in its own order), whether each list is in that order or
 * not (then it is sorted on its own), and the lists handed in stay as they were.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mergeInOrder } from '../../server/src/engine/engine.js';
import type { Finding } from '../../server/src/engine/types.js';
import { compareWords } from '../../server/src/engine/text/order.js';

const RULES = ['readability/long-sentence', 'vocabulary/jargon', 'a/b', 'readability/hard-paragraph'];

const finding: fc.Arbitrary<Finding> = fc
  .record({ offset: fc.integer({ min: 0, max: 12 }), length: fc.integer({ min: 0, max: 3 }), rule: fc.constantFrom(...RULES) })
  .map(({ offset, length, rule }) => ({ ruleId: rule, severity: 'info', message: { en: 'x', nl: 'x' }, offset, endOffset: offset + length, fixes: [] }));

const byPlace = (a: Finding, b: Finding) => a.offset - b.offset || a.endOffset - b.endOffset || compareWords(a.ruleId, b.ruleId);

describe('engine: the findings joined in order', () => {
  it('is the stable sort of the lists joined, the lists in order or not (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(finding, { maxLength: 12 }), fc.boolean()), { minLength: 1, maxLength: 6 }), (parts) => {
        // Most lists sorted (stably: their equal findings keep their order), some as they came.
        const lists = parts.map(([l, sorted]) => (sorted ? [...l].sort(byPlace) : l));
        const copies = lists.map((l) => [...l]);
        const expected = ([] as Finding[]).concat(...lists).sort(byPlace);
        const merged = mergeInOrder(lists);
        assert.equal(merged.length, expected.length);
        for (let i = 0; i < expected.length; i++) assert.equal(merged[i], expected[i], `finding ${i}`);
        // A new list, and the lists handed in as they were.
        for (const l of lists) assert.notEqual(merged, l);
        lists.forEach((l, k) => assert.deepEqual(l, copies[k]));
        lists.forEach((l, k) => l.forEach((f, i) => assert.equal(f, copies[k]![i])));
      }),
      { numRuns: 2000, seed: 36 },
    );
  });
});
