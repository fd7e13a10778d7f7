/**
 * Answers about a whole text carried from one check to the next (session 26): a line index says how its text differs
 * from an earlier one's (LineIndex.changedSince), a stretch found before or after the changed part is found again where
 * the text moved it (carriedSpan), and the line break a fix writes (CRLF when the document has one) is that of the text
 * read from scratch after any series of edits.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex, carriedSpan } from '../../server/src/engine/offsets.js';
import { promptFix } from '../../server/src/engine/rules/client/scaffold.js';
import type { DocumentModel } from '../../server/src/engine/rules/types.js';
import { cutAt } from '../helpers/pieces.js';
import { applyEdit } from '../helpers/warm-edits.js';

const PIECE = fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', '😀', 'cliënt', '\n\n', 'x'.repeat(30));
const TEXT = fc.array(PIECE, { maxLength: 40 }).map((xs) => xs.join(''));
const EDIT = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 5, max: 40 })),
  piece: fc.oneof(fc.constant(''), PIECE),
});

describe('engine: answers about a whole text carried across edits', function () {
  this.timeout(60_000);

  it('changedSince names the stretch an edit changed, and carriedSpan finds an unchanged stretch again (fast-check)', () => {
    fc.assert(
      fc.property(TEXT, EDIT, fc.nat({ max: 60 }), fc.nat({ max: 8 }), (before, e, s, len) => {
        const lines = new LineIndex(before);
        const after = applyEdit(before, e);
        const next = LineIndex.afterEdit(lines, after);
        const edit = next.changedSince(lines.id, before.length)!;
        assert.ok(edit, 'made from the earlier index');
        // Outside the changed stretch the texts are the same.
        assert.equal(after.slice(0, edit.from), before.slice(0, edit.from));
        assert.equal(after.slice(edit.to), before.slice(edit.oldTo));
        // Unknown from an index it was not made from; the same text from its own.
        assert.equal(next.changedSince(lines.id + 1000, before.length), undefined);
        assert.deepEqual(next.changedSince(next.id, after.length), { from: after.length, oldTo: after.length, to: after.length });
        // A stretch with its context outside the changed part reads the same characters where it is carried.
        const start = Math.min(s, before.length);
        const end = Math.min(before.length, start + len);
        const moved = carriedSpan(start, end, edit, 2);
        if (moved) assert.equal(after.slice(Math.max(0, moved.start - 2), moved.end + 2), before.slice(Math.max(0, start - 2), end + 2));
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });

  it("a section's fix writes the document's line break after any series of edits, as read from scratch (fast-check)", () => {
    const section = (text: string) => ({ offset: 0, contentEnd: text.length, role: 'conclusion' as const });
    const eolOf = (text: string, lines: LineIndex, cuts: number[]) => {
      const doc = { text: cuts.length ? cutAt(text, cuts) : text, lines, format: 'markdown' } as unknown as DocumentModel;
      return promptFix(doc, section(text), 'en')!.edits[0]!.newText.startsWith('\r\n') ? 'crlf' : 'lf';
    };
    fc.assert(
      fc.property(TEXT, fc.array(EDIT, { minLength: 1, maxLength: 8 }), fc.array(fc.nat({ max: 200 }), { maxLength: 4 }), (base, edits, cuts) => {
        let text = base;
        let lines = new LineIndex(text);
        assert.equal(eolOf(text, lines, cuts), text.includes('\r\n') ? 'crlf' : 'lf');
        for (const e of edits) {
          text = applyEdit(text, e);
          lines = LineIndex.afterEdit(lines, text);
          assert.equal(eolOf(text, lines, cuts), text.includes('\r\n') ? 'crlf' : 'lf', JSON.stringify(text));
        }
      }),
      { numRuns: 1000, seed: 20261207 },
    );
  });
});
