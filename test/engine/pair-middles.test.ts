/**
 * A text with a few emoji or CRLF line ends is not plain: a range there may split a pair of characters, and every finding
 * used to be snapped (fixes.ts snapRange) at every check. The line index now knows where the pairs' middles are
 * (LineIndex.pairMiddles), carried from one index to the next after an edit, and only findings with an end at one (or
 * outside the text) are snapped. These tests compare the carried middles with a fresh look after random edits, the
 * snapping by middles with the snapping of every finding, and a check of a text with emoji with one of its plain twin.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex, PAIR_MIDDLES_MAX } from '../../server/src/engine/offsets.js';
import { needsSnap, secureFindings, snapRange } from '../../server/src/engine/fixes.js';
import { Engine } from '../../server/src/engine/engine.js';
import type { Finding } from '../../server/src/index.js';

/** The pair middles of a text, read character by character (what splitsPair says at each offset). */
function middlesOf(text: string): number[] {
  const out: number[] = [];
  for (let p = 1; p < text.length; p++) {
    const a = text.charCodeAt(p - 1);
    const b = text.charCodeAt(p);
    if ((a === 13 && b === 10) || (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff)) out.push(p);
  }
  return out;
}

/** Pieces a text is made of: words, line ends of every kind, emoji, lone surrogate halves. */
const piece = fc.constantFrom('cliënt ', 're\u00efntegratie ', 'de ', '\n', '\r\n', '\r', '\n\n', '😀', '👩‍👩‍👧 ', '\uD83D', '\uDE00', 'x');
const text = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.array(piece, { maxLength: 4 }).map((ps) => ps.join('')) });

describe('engine: pairs of characters a range must not split (LineIndex.pairMiddles)', () => {
  it('are found in a text as splitsPair finds them, and none in a plain text', () => {
    fc.assert(
      fc.property(text, (t) => {
        assert.deepEqual(new LineIndex(t).pairMiddles, middlesOf(t));
      }),
      { numRuns: 300 },
    );
    assert.deepEqual(new LineIndex('plain text\nwith lines').pairMiddles, []);
  });

  it('after a series of edits are those a fresh look finds (carried, read only in the changed stretch)', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 8 }), (t0, edits) => {
        let t = t0;
        let index = new LineIndex(t);
        // Known before the edits (the engine asks at the first check), then carried.
        assert.deepEqual(index.pairMiddles, middlesOf(t));
        for (const e of edits) {
          const at = Math.floor(e.at * t.length);
          const next = t.slice(0, at) + e.insert + t.slice(Math.min(t.length, at + e.remove));
          index = LineIndex.afterEdit(index, next);
          t = next;
          assert.equal(index.knownMiddles === undefined, false, 'carried without a look at the whole text');
          assert.deepEqual(index.pairMiddles, middlesOf(t), JSON.stringify(t));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are not kept past PAIR_MIDDLES_MAX (a long CRLF text), and an edit then keeps none either', () => {
    const long = 'een regel\r\n'.repeat(PAIR_MIDDLES_MAX + 1);
    const index = new LineIndex(long);
    assert.equal(index.pairMiddles, undefined);
    assert.equal(LineIndex.afterEdit(index, `x${long}`).pairMiddles, undefined);
    assert.equal(new LineIndex('een regel\r\n'.repeat(PAIR_MIDDLES_MAX)).pairMiddles?.length, PAIR_MIDDLES_MAX);
  });

  it('snap exactly the findings that snapping every finding would move', () => {
    const finding = (n: number) =>
      fc.record({ offset: fc.integer({ min: -2, max: n + 2 }), length: fc.integer({ min: -2, max: 6 }), related: fc.array(fc.record({ offset: fc.integer({ min: -1, max: n + 1 }), length: fc.nat(4) }), { maxLength: 2 }) });
    fc.assert(
      fc.property(text.filter((t) => t.length > 0), fc.nat(1), (t, bom) =>
        fc.assert(
          fc.property(fc.array(finding(t.length), { maxLength: 6 }), (raw) => {
            const make = (): Finding[] =>
              raw.map((r) => ({ ruleId: 'x', severity: 'hint', message: { en: 'm', nl: 'm' }, offset: r.offset, endOffset: r.offset + r.length, fixes: [], ...(r.related.length ? { related: r.related.map((x) => ({ offset: x.offset, endOffset: x.offset + x.length, message: { en: 'r', nl: 'r' } })) } : {}) }));
            const middles = middlesOf(t);
            const all = secureFindings(t, make(), () => [], 'markdown', bom, false);
            const byMiddles = secureFindings(t, make(), () => [], 'markdown', bom, false, undefined, middles);
            assert.deepEqual(byMiddles, all);
            // needsSnap says yes for every finding snapping moves.
            for (const f of make()) {
              const s = snapRange(t, f.offset, f.endOffset, bom);
              if (s.offset !== f.offset || s.endOffset !== f.endOffset) assert.ok(needsSnap(f, bom, t.length, middles));
            }
          }),
          { numRuns: 20 },
        ),
      ),
      { numRuns: 60 },
    );
  });

  it('give a check of a text with emoji and CRLFs the findings of a check that snaps every one', () => {
    const para = 'Het is door de onderzoekers geconstateerd dat de implementatie van het beleid in de wijk suboptimaal verliep en dat de cliënten 😀 daarbij nauwelijks werden betrokken, hoewel de gemeente dat in het beleidsplan van 2019 uitdrukkelijk had beloofd aan alle inwoners.';
    const doc = `# Rapport\r\n\r\n${Array.from({ length: 12 }, (_, i) => `${para} (${i})`).join('\r\n\r\n')}\r\n`;
    const warm = new Engine();
    warm.lint(doc, { path: 'r.md' });
    const at = doc.indexOf('(5)');
    const edited = `${doc.slice(0, at)}👩‍👩‍👧 ${doc.slice(at)}`;
    const after = warm.lint(edited, { path: 'r.md' });
    const fresh = new Engine().lint(edited, { path: 'r.md' });
    assert.ok(after.findings.length > 5);
    assert.deepEqual(after.findings, fresh.findings);
    // No finding's range splits a pair.
    for (const f of after.findings) for (const p of [f.offset, f.endOffset]) assert.ok(!middlesOf(edited).includes(p), `${f.ruleId} at ${p}`);
  });
});
