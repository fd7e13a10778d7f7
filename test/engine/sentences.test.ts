import { strict as assert } from 'node:assert';
import { splitSentences } from '../../server/src/engine/text/sentences.js';
import type { Language } from '../../server/src/index.js';
import { txt } from './helpers.js';

function split(text: string, language: Language): string[] {
  return splitSentences(text, language).map((s) => text.slice(s.start, s.end));
}

/** [text, language, expected sentences]: research note §4, the correct and the formerly wrong cases. */
const CASES: Array<[string, Language, string[]]> = [
  // Formerly wrong 1: real words that parse-dutch takes for abbreviations.
  ['Dat is zo. Hij komt morgen.', 'nl', ['Dat is zo.', 'Hij komt morgen.']],
  ['De toegang is vrij. Iedereen mag komen.', 'nl', ['De toegang is vrij.', 'Iedereen mag komen.']],
  ['Dat wisten we al. Toch gingen we door.', 'nl', ['Dat wisten we al.', 'Toch gingen we door.']],
  ['Dat doen we zo. Daarna gaan we verder.', 'nl', ['Dat doen we zo.', 'Daarna gaan we verder.']],
  ['Het spreekuur is op ma. Ze komt dan.', 'nl', ['Het spreekuur is op ma.', 'Ze komt dan.']],
  ['Hij kwam in Jan. Hij bleef lang.', 'nl', ['Hij kwam in Jan.', 'Hij bleef lang.']],
  // Formerly wrong 2: number + period + capital.
  ['Zie tabel 2. Lees het na.', 'nl', ['Zie tabel 2.', 'Lees het na.']],
  ['Zie art. 8 lid 2. Zie ook art. 9.', 'nl', ['Zie art. 8 lid 2.', 'Zie ook art. 9.']],
  // Formerly wrong 3: a closing abbreviation before a capitalised function word.
  ['Het gaat om zorg etc. Daar gaat het over.', 'nl', ['Het gaat om zorg etc.', 'Daar gaat het over.']],
  // Formerly wrong 4: report abbreviations that parse-dutch does not know.
  ['Dat staat in hfst. 4, m.n. in de tweede paragraaf.', 'nl', ['Dat staat in hfst. 4, m.n. in de tweede paragraaf.']],
  ['Zie blz. 12 en bijl. 3 voor de cijfers.', 'nl', ['Zie blz. 12 en bijl. 3 voor de cijfers.']],
  // Correct already (two sentences each, or one where stated).
  ['Dit geldt bijv. voor de Participatiewet. Daarna volgt de Wmo.', 'nl', ['Dit geldt bijv. voor de Participatiewet.', 'Daarna volgt de Wmo.']],
  ['Gemeenten bieden o.a. schuldhulpverlening aan. Ook is er budgetcoaching.', 'nl', ['Gemeenten bieden o.a. schuldhulpverlening aan.', 'Ook is er budgetcoaching.']],
  ['Hij krijgt een uitkering, d.w.z. bijstand. Hij zoekt werk.', 'nl', ['Hij krijgt een uitkering, d.w.z. bijstand.', 'Hij zoekt werk.']],
  ['Zie art. 8 van de Participatiewet. Dat artikel gaat over werk.', 'nl', ['Zie art. 8 van de Participatiewet.', 'Dat artikel gaat over werk.']],
  ['Dhr. Jansen en mevr. De Vries spraken met dr. Smit. Zij waren het eens.', 'nl', ['Dhr. Jansen en mevr. De Vries spraken met dr. Smit.', 'Zij waren het eens.']],
  ['De cijfers (zie par. 3.2) laten dit zien. In 2023 steeg het aandeel tot 5,3%.', 'nl', ['De cijfers (zie par. 3.2) laten dit zien.', 'In 2023 steeg het aandeel tot 5,3%.']],
  ['Het kost ca. € 1,5 mln. per jaar. Dat is veel.', 'nl', ['Het kost ca. € 1,5 mln. per jaar.', 'Dat is veel.']],
  ['Zij zei: "Ik weet het niet." Daarna ging ze weg.', 'nl', ['Zij zei: "Ik weet het niet."', 'Daarna ging ze weg.']],
  ['De uitkering (nl. de bijstand) stopt. Wat nu?', 'nl', ['De uitkering (nl. de bijstand) stopt.', 'Wat nu?']],
  ['Regelingen, bijv. bijstand, WW, e.d., doen mee. Maar niet alles.', 'nl', ['Regelingen, bijv. bijstand, WW, e.d., doen mee.', 'Maar niet alles.']],
  ['De z.g. kostendelersnorm raakt o.a. de evaluatie t.a.v. jongeren.', 'nl', ['De z.g. kostendelersnorm raakt o.a. de evaluatie t.a.v. jongeren.']],
  ['Nr. 3 staat bovenaan. Vgl. ook bijlage B.', 'nl', ['Nr. 3 staat bovenaan.', 'Vgl. ook bijlage B.']],
  ['Mw. Bakker (65 jr.) woont alleen. Zij heeft geen kinderen.', 'nl', ['Mw. Bakker (65 jr.) woont alleen.', 'Zij heeft geen kinderen.']],
  ['Het begint om 10.00 uur. Goed?', 'nl', ['Het begint om 10.00 uur.', 'Goed?']],
  ['Het gaat om 1.234 mensen. Dat is veel.', 'nl', ['Het gaat om 1.234 mensen.', 'Dat is veel.']],
  ['Hij zei het al. en toen ging hij.', 'nl', ['Hij zei het al. en toen ging hij.']],
  // 5: no space after the period: one sentence (accepted).
  ['Het was het eind.Dit is nieuw.', 'nl', ['Het was het eind.Dit is nieuw.']],
  // English.
  ['See Fig. 2 for the results. The trend is clear.', 'en', ['See Fig. 2 for the results.', 'The trend is clear.']],
  ['See Fig. 2. The trend is clear.', 'en', ['See Fig. 2.', 'The trend is clear.']],
  ['As Smith et al. showed, the effect is small. We agree.', 'en', ['As Smith et al. showed, the effect is small.', 'We agree.']],
  ['This was shown by Smith et al. The effect is small.', 'en', ['This was shown by Smith et al.', 'The effect is small.']],
  ['It costs approx. 5 pounds. That is cheap.', 'en', ['It costs approx. 5 pounds.', 'That is cheap.']],
  ['We used e.g. interviews. Then we coded them.', 'en', ['We used e.g. interviews.', 'Then we coded them.']],
  ['Dr. Smith met Mr. Jones. They talked.', 'en', ['Dr. Smith met Mr. Jones.', 'They talked.']],
  ['Is this right? Yes! It is.', 'en', ['Is this right?', 'Yes!', 'It is.']],
];

describe('sentence splitting (research note §4)', () => {
  for (const [text, language, expected] of CASES) {
    it(`${language}: ${JSON.stringify(text)} → ${expected.length}`, () => {
      assert.deepEqual(split(text, language), expected);
    });
  }

  it('words are tokens with a letter or digit; punctuation and symbols are not words', () => {
    const s = splitSentences('Het kost € 1,5 mln. – en dat is 5,3% (of meer)!', 'nl');
    assert.equal(s.length, 1);
    assert.deepEqual(s[0]!.words.map((w) => w.text), ['Het', 'kost', '1,5', 'mln', 'en', 'dat', 'is', '5,3', 'of', 'meer']);
  });

  it('word offsets point at the word in the text (accents, emoji, combined characters)', () => {
    const text = 'De cliënt 👩‍👩‍👧 vraagt om reïntegratie. Daarna 😀 belt ze.';
    const s = splitSentences(text, 'nl');
    assert.equal(s.length, 2);
    for (const x of s) for (const w of x.words) assert.equal(text.slice(w.start, w.end), w.text);
    assert.deepEqual(s[0]!.words.map((w) => w.text), ['De', 'cliënt', 'vraagt', 'om', 'reïntegratie']);
  });

  it('a word has its letters, and all-caps words of two letters or more are acronyms', () => {
    const [s] = splitSentences('UWV en NEET en Wmo en A en 2023 en Ábel.', 'nl');
    const by = Object.fromEntries(s!.words.map((w) => [w.text, w]));
    assert.equal(by.UWV!.isAcronym, true);
    assert.equal(by.NEET!.isAcronym, true);
    assert.equal(by.Wmo!.isAcronym, false);
    assert.equal(by.A!.isAcronym, false);
    assert.equal(by['2023']!.isNumber, true);
    assert.equal(by['Ábel']!.capitalised, true);
    assert.equal(by['Ábel']!.letters, 4);
  });

  it('sentence counts reach the document metrics: "Dat is zo. Hij komt morgen." is 2 sentences of 3 words on average', () => {
    const r = txt('Dat is zo. Hij komt morgen.', { language: 'nl' });
    assert.equal(r.metrics.sentences, 2);
    assert.equal(r.metrics.averageSentenceLength, 3);
  });

  it('an empty or blank text has no sentences', () => {
    assert.deepEqual(splitSentences('', 'nl'), []);
    assert.deepEqual(splitSentences('   \n ', 'en'), []);
  });
  it('an abbreviation written with brackets ends a sentence: "mensen met AD(H)D. Hierdoor …", "people with AD(H)D. Then …"', () => {
    const nl = 'Dit helpt mensen met AD(H)D. Hierdoor wordt het gebruik van de kalender beter.';
    assert.deepEqual(splitSentences(nl, 'nl').map((x) => nl.slice(x.start, x.end)), ['Dit helpt mensen met AD(H)D.', 'Hierdoor wordt het gebruik van de kalender beter.']);
    const en = 'This helps people with AD(H)D. Calendars then work better.';
    assert.deepEqual(splitSentences(en, 'en').map((x) => en.slice(x.start, x.end)), ['This helps people with AD(H)D.', 'Calendars then work better.']);
    // An initial stands on its own and stays with the name.
    assert.equal(splitSentences('Het boek van A. Jansen is goed.', 'nl').length, 1);
  });
});
