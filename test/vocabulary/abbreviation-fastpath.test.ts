import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { abbreviationsBefore, BEFORE } from '../../server/src/engine/vocabulary/abbreviations.js';
import { acronymOfWord, lettersOf, spelledOut, spelledOutByEntry } from '../../server/src/engine/rules/readability/undefined-abbreviation.js';
import { mayHold, proseText } from '../../server/src/engine/rules/vocabulary/term-rule.js';
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

  it('lettersOf gives the letters in lower case (fast-check)', () => {
    const pieces = ['A', 'Z', 'a', 'z', '&', '1', '-', "'", 'É', 'İ', 'Σ', '𝐀', '\ud835', 'ß', 'ǅ', '@', '[', '`', '{'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (ps) => {
        const a = ps.join('');
        assert.equal(lettersOf(a), a.replace(/[^\p{L}]/gu, '').toLowerCase());
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  });

  it("a block's entry answers as spelledOut() on its words, with the first and second letters tested first (fast-check)", () => {
    const words = ['Nederlandse', 'Vereniging', 'voor', 'Volkskrediet', 'Uitvoeringsinstituut', 'Werknemersverzekeringen', 'of', 'the', 'The', 'and', '&', 'van', 'De', 'Department', 'Work', 'Pensions', 'work', 'pensions', 'Social', 'Enterprise', 'İstanbul', 'Ilse', 'Σοφία', 'Σ', '𝐀lpha', 'Åse', '\u212aelvin', 'Kelvin', 'Ölçme', 'Zorg', 'zorg', 'Alpha', 'Xavier', 'x', 'NVVK', '|', '12', '-'];
    const acronyms = ['NVVK', 'UWV', 'DWP', 'SE', 'SES', 'I', 'IS', 'İS', 'ΣΑ', 'AK', 'KA', 'OZ', 'ZX', 'R&D', 'V&V', 'DV', 'TD', 'AE', 'ÅS', 'KE', 'N', 'SÅ', 'IΣ', 'ZÖ', 'AK'];
    let yes = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 14 }), fc.constantFrom(...acronyms), (ws, acronym) => {
        const fast = spelledOutByEntry(acronym, ws);
        assert.equal(fast, spelledOut(acronym, ws), `${acronym} in ${ws.join(' ')}`);
        if (fast) yes++;
      }),
      { numRuns: 5000, seed: 20261205 },
    );
    assert.ok(yes > 0);
  });

  it('mayHold says no only when the prose does not hold the phrase (fast-check)', () => {
    const pieces = ['adapted', 'Adapted', 'ADAPTED', 'your', 'Your', 'thesis', 'cliënt', 'client', 'CLIËNT', 'ſ', 's', 'K', '\u212a', 'ß', 'İ', 'ﬁ', 'fi', 'é', 'e\u0301', '’', "'", '-', '—', '“', '.', ',', ' ', '  ', '\n', '\u00a0', '😀', '①', '1', 'x'];
    let no = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (ps, ks, a, b) => {
        const text = ps.join('');
        const prose = proseText(text);
        // A phrase from the prose itself (a stretch of it) or from other pieces.
        const from = prose.length ? a % prose.length : 0;
        for (const key of [prose.slice(from, from + 1 + (b % 12)).trim(), proseText(ks.join(' '))]) {
          const holds = prose.includes(key);
          const may = mayHold({ text }, key);
          if (holds) assert.ok(may, `${JSON.stringify(text)} holds ${JSON.stringify(key)}`);
          if (!may) no++;
        }
      }),
      { numRuns: 5000, seed: 20261205 },
    );
    assert.ok(no > 0);
  });

  it('acronymOfWord gives the acronym of a word as the expressions do (fast-check)', () => {
    const ROMAN = /^(?:[IVXLCDM]+)$/;
    const slow = (text: string): string | undefined => {
      if (!/^\p{Lu}[\p{Lu}&]/u.test(text)) return undefined;
      const acronym = text.replace(/['’]s$/, '').replace(/-.*$/, '').replace(/^(\p{Lu}{2,})s$/u, '$1');
      const letters = acronym.replace(/[^\p{L}]/gu, '').length;
      if (letters < 2 || letters > 10 || ROMAN.test(acronym)) return undefined;
      return /^[\p{Lu}][\p{Lu}&]+$/u.test(acronym) ? acronym : undefined;
    };
    const pieces = ['U', 'W', 'V', 'I', 'X', 'C', 'A', 'Z', 'UWV', 'ABCDE', 'MDCL', '_', '`', '[', 'a', 's', 'z', '&', "'s", '’s', '-', '-code', '1', 'É', 'é', 'İ', '𝐀', '\ud835', '\udc00', 'ß', 'Σ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (ps) => {
        const w = ps.join('');
        assert.equal(acronymOfWord(w), slow(w), w);
      }),
      { numRuns: 5000, seed: 20261205 },
    );
  });
});
