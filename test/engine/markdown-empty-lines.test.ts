/**
 * The Markdown reader's searches for an empty line after an edit (formats/markdown.ts lastEmptyLine, nextEmptyLine, a
 * line break at a time) find the empty lines the guard's bracket pass resets at: lines of nothing but spaces, tabs and
 * carriage returns between two line feeds ("\n\n", "\r\n\r\n", "\n \t\n"), on strings and on views in pieces. For
 * "\n\n" alone that is String's lastIndexOf and indexOf.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lastEmptyLine, nextEmptyLine } from '../../server/src/engine/formats/markdown.js';
import { cutAt } from '../helpers/pieces.js';

// Runs of lines without an empty line, CR LF, a lone CR, empty lines with and without spaces or CRs.
const bit = fc.constantFrom('a', 'word ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' ', '\t', '\n \n', '\n\n\n', 'x\n'.repeat(70), '\n'.repeat(3) + 'y');
const text = fc.array(bit, { maxLength: 40 }).map((xs) => xs.join(''));

/** Whether a line feed at i starts an empty line, and where its second line feed is (-1: none). */
function emptyLineAt(s: string, i: number): number {
  if (s[i] !== '\n') return -1;
  const j = s.indexOf('\n', i + 1);
  return j >= 0 && /^[ \t\r]*$/.test(s.slice(i + 1, j)) ? j : -1;
}

/** The reference: the last empty line whose second line feed is at most at from + 1. */
function lastByScan(s: string, from: number): number {
  for (let i = Math.min(from, s.length - 1); i >= 0; i--) {
    const j = emptyLineAt(s, i);
    if (j >= 0 && j <= from + 1) return i;
  }
  return -1;
}

/** The reference: the first empty line that starts at from or later. */
function nextByScan(s: string, from: number): number {
  for (let i = Math.max(0, from); i < s.length; i++) if (emptyLineAt(s, i) >= 0) return i;
  return -1;
}

describe('markdown: empty lines found around an edit', () => {
  it('lastEmptyLine and nextEmptyLine find the empty lines a scan finds, on the string and in pieces (fast-check)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat({ max: 400 }), { maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 420 }), { minLength: 1, maxLength: 8 }), (s, cuts, places) => {
        const v = cutAt(s, cuts);
        for (const at of places) {
          assert.equal(lastEmptyLine(s, at), lastByScan(s, at), `last from ${at}`);
          assert.equal(lastEmptyLine(v, at), lastByScan(s, at), `last from ${at}, in pieces`);
          assert.equal(nextEmptyLine(s, at), nextByScan(s, at), `next from ${at}`);
          assert.equal(nextEmptyLine(v, at), nextByScan(s, at), `next from ${at}, in pieces`);
          // Without spaces, tabs or CRs, the empty lines are String's "\n\n".
          const lf = s.replace(/[ \t\r]/g, '');
          const a = Math.min(at, lf.length);
          assert.equal(lastEmptyLine(lf, a), lf.lastIndexOf('\n\n', a), `last "\\n\\n" from ${a}`);
          assert.equal(nextEmptyLine(lf, a), lf.indexOf('\n\n', a), `next "\\n\\n" from ${a}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the empty lines of a CRLF text', () => {
    const s = 'a\r\n\r\nb\r\nc\r\n \r\nd';
    assert.equal(nextEmptyLine(s, 0), 2);
    assert.equal(nextEmptyLine(s, 3), 10);
    assert.equal(lastEmptyLine(s, s.length), 10);
    assert.equal(lastEmptyLine(s, 9), 2);
  });

  it('finds an empty line more than 64 line breaks away', () => {
    const s = `a\n\nb${'\nline'.repeat(100)}\n\nc`;
    const v = cutAt(s, [5, 300, 301]);
    assert.equal(lastEmptyLine(v, s.length - 3), s.length - 3);
    assert.equal(lastEmptyLine(v, s.length - 4), 1);
    assert.equal(nextEmptyLine(v, 3), s.length - 3);
  });
});
