/**
 * The Markdown reader's searches for an empty line after an edit (formats/markdown.ts lastEmptyLine, nextEmptyLine: a
 * line break at a time, then the view's own search) find what String's lastIndexOf and indexOf of "\n\n" find, on
 * strings and on views in pieces, past the steps they take one at a time too.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lastEmptyLine, nextEmptyLine } from '../../server/src/engine/formats/markdown.js';
import { cutAt } from '../helpers/pieces.js';

// Runs of lines without an empty line (longer than the 64 steps taken one at a time), CR LF, a lone CR, empty lines.
const bit = fc.constantFrom('a', 'word ', '\n', '\n\n', '\r\n', '\r', ' ', '\n\n\n', 'x\n'.repeat(70), '\n'.repeat(3) + 'y');
const text = fc.array(bit, { maxLength: 40 }).map((xs) => xs.join(''));


describe('markdown: empty lines found around an edit', () => {
  it('lastEmptyLine and nextEmptyLine give String.lastIndexOf and indexOf of "\\n\\n", on the string and in pieces (fast-check)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat({ max: 400 }), { maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 420 }), { minLength: 1, maxLength: 8 }), (s, cuts, places) => {
        const v = cutAt(s, cuts);
        for (const at of places) {
          assert.equal(lastEmptyLine(s, at), s.lastIndexOf('\n\n', at), `last from ${at}`);
          assert.equal(lastEmptyLine(v, at), s.lastIndexOf('\n\n', at), `last from ${at}, in pieces`);
          assert.equal(nextEmptyLine(s, at), s.indexOf('\n\n', at), `next from ${at}`);
          assert.equal(nextEmptyLine(v, at), s.indexOf('\n\n', at), `next from ${at}, in pieces`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds an empty line more than 64 line breaks away (the search of the view takes over)', () => {
    const s = `a\n\nb${'\nline'.repeat(100)}\n\nc`;
    const v = cutAt(s, [5, 300, 301]);
    assert.equal(lastEmptyLine(v, s.length - 3), s.length - 3);
    assert.equal(lastEmptyLine(v, s.length - 4), 1);
    assert.equal(nextEmptyLine(v, 3), s.length - 3);
  });
});
