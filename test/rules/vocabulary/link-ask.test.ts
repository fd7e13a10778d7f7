/**
 * The term rules judge a link test that read text around its block again only when that text changed (s31, term-rule.ts
 * sameAround): the test reads the places from LINK_READ.from to LINK_READ.to, and the block's own source is the same
 * (the same source map). Property: for a block's source between random texts, a use in it and random changes of the
 * text around the block (the block moved with them), whenever sameAround says the test reads the same, inLinkText gives
 * the answer it gave; with the text around the block unchanged (the block moved or not), sameAround says so.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { inLinkText, linkAsk, sameAround } from '../../../server/src/engine/rules/vocabulary/term-rule.js';

/** Characters the link test decides by, and others. */
const CHARS = ['a', 'b', ' ', '[', ']', '(', '!', '\n', '|', 'x'];
const piece = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((a) => a.join(''));
/** Mostly short stretches, now and then one beyond the test's reach (200 characters). */
const around = fc.oneof(piece(12), piece(12), piece(260));

describe('vocabulary/jargon: a link test judged again by the text it read around its block (s31)', () => {
  it('the same characters around the block give the same answer; a change there is noticed', () => {
    fc.assert(
      fc.property(around, piece(40), around, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), around, around, fc.integer({ min: 0, max: 3 }), (left, block, right, a, b, left2, right2, how) => {
        const text = left + block + right;
        const start = left.length;
        const o = Math.floor(a * block.length);
        const e = o + Math.floor(b * (block.length - o));
        const q = linkAsk(text, 0, start, block.length, o, e);
        assert.equal(q.yes, inLinkText(text, start + o, start + e));
        // The text around the block: changed before it, after it, both, or kept (with a change far before it: moved).
        const l = how === 0 || how === 2 ? left2 : how === 3 ? 'z'.repeat(300) + left : left;
        const r = how === 1 || how === 2 ? right2 : right;
        const next = l + block + r;
        const at = l.length;
        const same = sameAround(next, q, at);
        if (same) assert.equal(inLinkText(next, at + o, at + e), q.yes, JSON.stringify({ text, next, o, e }));
        if (how === 3 && q.from + start >= 0) assert.ok(same, 'unchanged text around the block, moved');
        if (l === left && r === right) assert.ok(sameAround(next, q, at), 'unchanged text around the block');
      }),
      { numRuns: 20000, seed: 3131 },
    );
  });
});
