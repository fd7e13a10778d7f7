import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { abbreviationsBefore, BEFORE } from '../../server/src/engine/vocabulary/abbreviations.js';
import { firstLetter } from '../../server/src/engine/rules/readability/undefined-abbreviation.js';
import { CORPUS_DIR } from '../helpers/shared.js';

/**
 * The vocabulary's fast paths (abbr27) against what they stand for: abbreviationsBefore() must give the matches of the
 * BEFORE expression ("ABBR (full form)"), in order, and firstLetter() the first of an acronym's letters in lower case as
 * the expression that strips other characters gives it.
 */
const slow = (text: string) => [...text.matchAll(BEFORE)].map((m) => [m[1]!, m[2]!]);
const fast = (text: string) => [...abbreviationsBefore(text)];

describe('vocabulary fast paths (abbr27)', () => {
  it('abbreviationsBefore gives the matches of BEFORE on generated text (fast-check)', () => {
    const pieces = ['A', 'B', 'UWV', 'SES', 'GGD', 'R&D', 'X1', '&', 's', 'S', '9', 'a', 'é', 'É', '😀', '𝐀', '\ud835', '\udc00', '①', ' ', ' ', '\t', '\n', '(', ')', '((', '()', ';', ',', 'word', 'Uitvoeringsinstituut Werknemersverzekeringen', 'x'.repeat(40), '😀'.repeat(30), '-', "'", '’'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (ps) => {
        const t = ps.join('');
        assert.deepEqual(fast(t), slow(t));
      }),
      { numRuns: 5000, seed: 20261205 },
    );
  });

  it('abbreviationsBefore gives the matches of BEFORE at the limits of the brackets and of the abbreviation', () => {
    for (const t of ['UWV (ab)', 'UWV (abc)', `UWV (${'a'.repeat(80)})`, `UWV (${'a'.repeat(81)})`, `UWV (${'😀'.repeat(80)})`, `UWV (${'😀'.repeat(81)})`, 'ABCDEFGH (full form)', 'ABCDEFGHI (full form)', 'XABCDEFGHI&JK (full form)', 'AB& (full form)', 'ABs (full form)', 'ABs\t (x y z) CD (q r s)', 'éUWV (uitvoering)', '😀UWV (uitvoering)', '𝐀UWV (uitvoering)', 'UWV(geen spatie)', 'UWV (een (twee) drie)', 'UWV (open\nregel)']) {
      assert.deepEqual(fast(t), slow(t), t);
    }
  });

  it('abbreviationsBefore gives the matches of BEFORE on the dev corpus', function () {
    const dirs = ['nl', 'en'].map((l) => join(CORPUS_DIR, l)).filter((d) => existsSync(d));
    if (dirs.length === 0) this.skip();
    for (const d of dirs) for (const f of readdirSync(d)) {
      const t = readFileSync(join(d, f), 'utf8');
      assert.deepEqual(fast(t), slow(t), f);
    }
  });

  it('firstLetter is the first of the letters in lower case (fast-check)', () => {
    const pieces = ['A', 'Z', 'a', 'z', '&', '1', '-', "'", 'É', 'İ', 'Σ', '𝐀', '\ud835', 'ß', 'ǅ', '@', '[', '`', '{'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (ps) => {
        const a = ps.join('');
        assert.equal(firstLetter(a), a.replace(/[^\p{L}]/gu, '').toLowerCase()[0]);
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  });
});
