import { strict as assert } from 'node:assert';
import { hasFirstPerson, hasFirstPersonSingular } from '../../server/src/engine/text/quotes.js';
import { alternation, clientWords } from '../../server/src/engine/text/client-words.js';

/**
 * The first-person test (text/quotes.ts) looks for its words with lookarounds: no letter before, no letter after. It must
 * answer as the pattern it replaced, which consumed a non-letter (or the start) before the word.
 */
describe('client: first-person words', () => {
  const reference = (language: 'nl' | 'en', singular: boolean) => {
    const words = [...clientWords(language, 'people', 'firstPersonSingular'), ...(singular ? [] : clientWords(language, 'people', 'firstPersonOther'))];
    return { words, re: new RegExp(`(^|[^\\p{L}])(${alternation(words)})(?=[^\\p{L}]|$)`, 'iu') };
  };
  // Every code point of the first planes' scripts and punctuation, lone surrogates and a few letters beyond the BMP.
  const around: string[] = [];
  for (let cp = 0; cp < 0x3100; cp++) around.push(String.fromCharCode(cp));
  for (const cp of [0xd800, 0xdbff, 0xdc00, 0xdfff, 0xff21, 0xff41, 0x1d400, 0x1d41a, 0x1f600, 0x10400, 0x10428, 0x20000]) around.push(String.fromCodePoint(cp));

  for (const language of ['nl', 'en'] as const) {
    for (const singular of [false, true]) {
      it(`answers as the consuming pattern on either side of every ${singular ? 'singular ' : ''}word (${language})`, () => {
        const { words, re } = reference(language, singular);
        const test = singular ? hasFirstPersonSingular : hasFirstPerson;
        let differences = 0;
        for (const w of words) {
          for (const ch of around) {
            for (const s of [ch + w, w + ch, ch + w.toUpperCase() + ch, `x${ch}${w}`]) {
              if (test(s, language) !== re.test(s)) differences++;
            }
          }
        }
        assert.equal(differences, 0);
      });
    }
  }

  it('finds the words between non-letters and not inside words (nl)', () => {
    assert.equal(hasFirstPerson('Toen dacht ik: dit lukt niet.', 'nl'), true);
    assert.equal(hasFirstPerson('“Wij wisten het niet.”', 'nl'), true);
    assert.equal(hasFirstPerson('De gemeente publiceert de cijfers.', 'nl'), false);
    assert.equal(hasFirstPerson('Mijnheer kijkt; de mijnen sluiten.', 'nl'), false);
    assert.equal(hasFirstPersonSingular('Wij wisten het niet.', 'nl'), false);
    assert.equal(hasFirstPersonSingular("Dat is m'n laatste brief.", 'nl'), true);
    assert.equal(hasFirstPerson('é-ik', 'nl'), true);
    assert.equal(hasFirstPerson('éik', 'nl'), false);
  });

  it('finds the words between non-letters and not inside words (en)', () => {
    assert.equal(hasFirstPerson("I'm not sure what to do.", 'en'), true);
    assert.equal(hasFirstPerson('(we) asked', 'en'), true);
    assert.equal(hasFirstPerson('The weather and the users.', 'en'), false);
    assert.equal(hasFirstPerson('Imagine a ministry.', 'en'), false);
    assert.equal(hasFirstPersonSingular('We rang twice.', 'en'), false);
    assert.equal(hasFirstPersonSingular('Then I rang.', 'en'), true);
    assert.equal(hasFirstPerson('Üwe', 'en'), false);
    assert.equal(hasFirstPerson('3we', 'en'), true);
  });
});
