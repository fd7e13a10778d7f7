/**
 * The document store's record of what the changes since the last check left of a document's text (lsp/edit-track.ts),
 * and the engine's comparison from there (LineIndex.afterEdit with a TextEdit): what the record says is true after any
 * series of changes, and the line index and the edit's ends are those found by comparing the whole texts.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { takeEdit, updateTracked } from '../../server/src/lsp/edit-track.js';
import { PieceDocuments } from '../../server/src/lsp/piece-document.js';
import { LineIndex } from '../../server/src/engine/offsets.js';
import type { EditEnds } from '../../server/src/engine/offsets.js';

const piece = fc.array(fc.constantFrom('a', 'cliënt ', '😀', '\n', '\r\n', '\r', ' ', 'extra '), { maxLength: 6 }).map((xs) => xs.join(''));

/** A change: a range at shares of the text (either way round) or the whole text, replaced by a piece. */
const change = fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), text: piece, full: fc.integer({ min: 0, max: 9 }).map((x) => x === 0), take: fc.boolean() });

describe('lsp: what the document store knows of an edit (edit-track)', function () {
  this.timeout(60_000);

  for (const [store, create, update] of [
    ["the library's store", TextDocument.create, TextDocument.update],
    ["the server's store in pieces", PieceDocuments.create, PieceDocuments.update],
  ] as const) {
    it(`${store}: the text is its base outside the changed stretch, after any series of changes and checks taking it; the engine compares from there to the same line index and ends (fast-check)`, () => {
      let hinted = 0;
      fc.assert(
        fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
          const start = 'Een eerste regel.\r\nThe second line 😀.\n\nA third, cliënt.\rLast';
          const doc = create('file:///t.md', 'markdown', 1, start);
          const plain = TextDocument.create('file:///t.md', 'markdown', 1, start);
          let index = new LineIndex(start);
          takeEdit(doc, start);
          let version = 1;
          for (const c of changes) {
            const text = doc.getText();
            const range = { start: doc.positionAt(Math.floor(c.a * text.length)), end: doc.positionAt(Math.floor(c.b * text.length)) };
            const ev = c.full ? [{ text: c.text }] : [{ range, text: c.text }, { range: { start: range.start, end: range.start }, text: c.text.slice(0, 2) }];
            version++;
            updateTracked(update, doc, ev, version);
            TextDocument.update(plain, ev, version);
            assert.equal(doc.getText(), plain.getText());
            if (!c.take) continue;
            const now = doc.getText();
            const edit = takeEdit(doc, now)!;
            assert.ok(edit);
            assert.equal(now.slice(0, edit.prefix), edit.base.slice(0, edit.prefix));
            assert.equal(now.slice(now.length - edit.suffix), edit.base.slice(edit.base.length - edit.suffix));
            if (edit.prefix > 0 || edit.suffix > 0) hinted++;
            // The engine's comparison from the record: the same index and ends as comparing the whole texts.
            const e1: EditEnds = { prefix: 0, suffix: 0 };
            const e2: EditEnds = { prefix: 0, suffix: 0 };
            const withEdit = LineIndex.afterEdit(index, now, e1, edit);
            const without = LineIndex.afterEdit(index, now, e2);
            assert.deepEqual([e1.prefix, e1.suffix], [e2.prefix, e2.suffix]);
            for (let o = 0; o <= now.length; o++) assert.deepEqual(withEdit.position(o), without.position(o));
            assert.equal(withEdit.lineCount, without.lineCount);
            index = withEdit;
          }
        }),
        { numRuns: 200, seed: 23 },
      );
      assert.ok(hinted > 100, `checks with a known stretch: ${hinted}`);
    });
  }

  it('one word typed: the record is the place of the word, and a check that did not see the base is given nothing it can use', () => {
    const text = 'Wij spraken veertig cliënten.\n\nThe team met twelve clients.\n';
    const doc = TextDocument.create('file:///w.md', 'markdown', 1, text);
    assert.equal(takeEdit(doc, text), undefined);
    updateTracked(TextDocument.update, doc, [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: 'extra ' }], 2);
    const edit = takeEdit(doc, doc.getText())!;
    assert.equal(edit.base, text);
    assert.equal(edit.prefix, text.indexOf('team'));
    assert.equal(edit.suffix, text.length - text.indexOf('team'));
    // The engine uses the record only against the text it compared last (else it compares the whole texts).
    const other = new LineIndex('something else entirely\n');
    const ends: EditEnds = { prefix: 0, suffix: 0 };
    LineIndex.afterEdit(other, doc.getText(), ends, edit);
    assert.deepEqual([ends.prefix, ends.suffix], [0, 1]);
  });
});
