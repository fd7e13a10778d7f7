import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CLOSERS, findQuotes, isLetter, openingAt } from '../../server/src/engine/text/quotes.js';

/**
 * findQuotes skips to the places that matter (an opening mark, a closer of the open mark, a line break) instead of
 * looking at every character (speed only). This is the character-by-character reading it replaced, for where
 * quotations start and end; the generated texts are made of the marks, commas, apostrophes, letters and line breaks
 * that reading decides on. (Where a mark opens a quotation, and which marks close it, are findQuotes' own: the reading
 * differs only in how it walks the text.)
 */
function spans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  const candidate = /[“„«‘"'`,]/g;
  while (i < text.length) {
    candidate.lastIndex = i;
    const next = candidate.exec(text);
    if (!next) break;
    i = next.index;
    const open = openingAt(text, i);
    if (!open) {
      i++;
      continue;
    }
    const closers = CLOSERS[open]!;
    let close = -1;
    let closeLength = 1;
    for (let j = i + open.length; j < text.length; j++) {
      const c = text[j]!;
      if (c === '\n' && text[j + 1] === '\n') break;
      const hit = closers.find((x) => text.startsWith(x, j));
      if (!hit) continue;
      if ((hit === '’' || hit === "'") && isLetter(text[j + 1])) continue;
      if (hit === "'" && /\s/.test(text[j - 1] ?? ' ')) continue;
      if (hit === '“' && open !== '“' && open !== '„') continue;
      if (hit === '“' && isLetter(text[j + 1])) continue;
      close = j;
      closeLength = hit.length;
      break;
    }
    if (close < 0) {
      i += open.length;
      continue;
    }
    out.push([i, close + closeLength]);
    i = close + closeLength;
  }
  return out;
}

const pieces = ['“', '”', '„', '«', '»', '‘', '’', '"', "'", '`', '``', "''", ',', ',,', ' ', ' ', '\n', '\n\n', 'a', 'ik', 'zei', 's', 't', 'R12', '(', ')', '—', ':', '.', 'é', '🙂'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join(''));

describe('engine: findQuotes reads quotations where reading every character would', () => {
  it('same starts and ends on generated texts, nl and en (fast-check)', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom<'nl' | 'en'>('nl', 'en'), (text, language) => {
        assert.deepEqual(findQuotes(text, language).map((q) => [q.start, q.end]), spans(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('examples: the low-high Dutch pair, LaTeX marks, a blank line ends the search', () => {
    const text = "Hij zei ,,ik ga'' en ``I go'' maar “niet\n\nhier” en ,,,x” – 'k zei 'ik loop'";
    assert.deepEqual(findQuotes(text, 'nl').map((q) => text.slice(q.start, q.end)), [",,ik ga''", "``I go''", ',,x”', "'ik loop'"]);
    assert.deepEqual(findQuotes(text, 'nl').map((q) => [q.start, q.end]), spans(text));
  });
});
