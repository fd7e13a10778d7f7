import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import hyphenNl from 'hyphen/nl/index.js';
import { dutchBreaks } from '../../server/src/engine/text/hyphenation.js';
import { CORPUS_DIR } from '../helpers/shared.js';

/** What the `hyphen` package itself gives: the soft hyphens it puts in the word. */
const byPackage = (lower: string) => (hyphenNl.hyphenateSync(lower).match(/\u00AD/g) ?? []).length;

describe('Dutch hyphenation patterns read directly: the same breaks as the hyphen package', () => {
  it('every word of the Dutch dev documents (and its parts between hyphens)', function () {
    const dir = join(CORPUS_DIR, 'nl');
    if (!existsSync(dir)) this.skip();
    this.timeout(60_000);
    const words = new Set<string>();
    for (const f of readdirSync(dir)) for (const w of readFileSync(join(dir, f), 'utf8').match(/[\p{L}\p{N}'’\u00AD-]+/gu) ?? []) for (const part of w.toLowerCase().split(/[-‐/]/)) words.add(part);
    let direct = 0;
    let letterWords = 0;
    for (const w of words) {
      // Words of letters as a reader reads them (not the base64 data of inline images).
      if (/^\p{Ll}{1,40}$/u.test(w)) letterWords++;
      const n = dutchBreaks(w);
      if (n === undefined) continue;
      direct++;
      assert.equal(n, byPackage(w), w);
    }
    assert.ok(direct > 0.95 * letterWords, `only ${direct} of ${letterWords} words of letters read directly`);
  });

  it('generated words of Dutch letters, accents and apostrophes, short and long (fast-check)', () => {
    const letters = 'abcdeéèëfghiïjklmnoöpqrstuüvwxyzàáâäçêíîóôúûñ\''.split('');
    const others = ['1', '9', '’', '.', '(', ')', '&', '–', '"', '%'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 40 }), fc.constantFrom('', 'ing', 'heid', 'tje', 'en', 'isatie'), (chars, ending) => {
        const w = chars.join('') + ending;
        const n = dutchBreaks(w);
        assert.notEqual(n, undefined, w);
        assert.equal(n, byPackage(w), w);
      }),
      { numRuns: 3000, seed: 42 },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: fc.constantFrom(...letters), weight: 5 }, { arbitrary: fc.constantFrom(...others), weight: 1 }), { minLength: 1, maxLength: 40 }), (chars) => {
        const w = chars.join('');
        const n = dutchBreaks(w);
        if (n !== undefined) assert.equal(n, byPackage(w), w);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it('words with digits and punctuation are read as the package reads them; tags, soft hyphens, other scripts and capitals are left to it', () => {
    for (const w of ['zorg\u00ADverlener', 'ŋaamloos', 'Zorg', 'a<b>c', 'zorg.....']) assert.equal(dutchBreaks(w), undefined, w);
    for (const w of ['covid19', 'data’s', 'zorgverlener’s', '2024-rapportage', '(zorgverlener)', 'e-health', 'zorg....']) assert.equal(dutchBreaks(w), byPackage(w), w);
    assert.equal(dutchBreaks('zorg'), 0, 'shorter than five letters: no breaks');
    assert.ok(dutchBreaks('zorgverleners')! >= 2);
  });
});
