import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { proseText } from '../../server/src/engine/rules/vocabulary/term-rule.js';
import { normalizePhrase } from '../../server/src/engine/vocabulary/lexicon.js';

/**
 * A block's prose for the term rules' phrase counts is made in one pass over the text (speed14):
 * it must equal the words of the text, each normalised by normalizeWord(), joined by one space.
 */
const perWord = (t: string) => normalizePhrase(t.replace(/[^\p{L}\p{N}\s'-]/gu, ' ')).join(' ');

describe('term rules: a block text as prose', () => {
  it('equals normalising it word by word, on generated text with accents, marks, Greek sigma, odd spaces and apostrophes (fast-check)', () => {
    const pieces = ['a', 'De', 'CLIËNT', 'reïntegratie', 'É', 'ß', 'İ', 'Σ', 'ΟΔΟΣ', 'ς', ' ', '  ', '\u00a0', '\u2000', '\ufeff', '\u0301', '\u0308', '’', '‘', "'", '`', '´', '-', '.', ',', '(', 'ﬁ', 'ǅ', '가', '\u1100\u1161', 'Å', '\u212b', '\n', '😀', '12', '①'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (ps) => {
        const t = ps.join('');
        assert.equal(proseText(t), perWord(t));
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  it('folds diacritics and case and keeps hyphens and apostrophes', () => {
    assert.equal(proseText("De Cliënt's re-integratie, (2020)!"), "de client's re-integratie 2020");
    assert.equal(proseText('The CLIENT\u00a0hears\ufeffΟΔΟΣ.'), 'the client hears οδος');
  });
});
