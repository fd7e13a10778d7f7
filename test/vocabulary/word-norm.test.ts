import { strict as assert } from 'node:assert';
import { normalizeWord, WordFilter, wordNorm } from '../../server/src/engine/vocabulary/lexicon.js';
import { splitSentences } from '../../server/src/engine/text/sentences.js';
import type { Word } from '../../server/src/engine/text/sentences.js';

/**
 * wordNorm takes a word's lower case as its normal form when the word is plain ASCII (without a backtick), and asks
 * normalizeWord otherwise: it must give what normalizeWord gives for the word's text, for every word.
 */
describe('vocabulary: the normal form of a sentence word', () => {
  const word = (text: string): Word => ({ start: 0, end: text.length, text, lower: text.toLowerCase(), letters: text.length, isNumber: false, isAcronym: false, capitalised: false });

  it('equals normalizeWord of the text for every word of Dutch and English sentences', () => {
    const texts: Array<[string, 'nl' | 'en']> = [
      ['De Cliënt kreeg géén reïntegratie-traject; ’s avonds belde de klantmanager (UWV) opnieuw.', 'nl'],
      ['Zij zei: “Ik durfde de brieven niet open te maken.” Daarna volgde re-integratie.', 'nl'],
      ["The client's file, the customers’ view and the `code` of the Café: naïve users wrote ``I was lost''.", 'en'],
      ['Respondents (N=12) said the API was 50% faster; see Fig. 3 and www.example.org.', 'en'],
    ];
    let n = 0;
    for (const [text, language] of texts) {
      for (const s of splitSentences(text, language)) {
        for (const w of s.words) {
          const fresh = { ...w, norm: undefined };
          assert.equal(wordNorm(fresh), normalizeWord(w.text), w.text);
          assert.equal(fresh.norm, normalizeWord(w.text));
          n++;
        }
      }
    }
    assert.ok(n > 50);
  });

  it('equals normalizeWord for every character, alone and in a word', () => {
    for (let cp = 0; cp < 0x3000; cp++) {
      const ch = String.fromCharCode(cp);
      for (const text of [ch, `A${ch}b`, `klant${ch}`, `${ch}S`]) assert.equal(wordNorm(word(text)), normalizeWord(text), `U+${cp.toString(16)}`);
    }
  });

  it('keeps the ASCII lower case and folds the rest (nl, en)', () => {
    assert.equal(wordNorm(word('Klantmanager')), 'klantmanager');
    assert.equal(wordNorm(word('Cliënten')), 'clienten');
    assert.equal(wordNorm(word('reïntegratie')), 'reintegratie');
    assert.equal(wordNorm(word('client’s')), "client's");
    assert.equal(wordNorm(word('client`s')), "client's");
    assert.equal(wordNorm(word('Users')), 'users');
    // A norm already on the word is kept.
    const w = word('Klant');
    w.norm = 'klant';
    assert.equal(wordNorm(w), 'klant');
  });
});

describe('vocabulary: a word filter never says no to one of its words', () => {
  it('holds every word it was made with (nl, en, odd lengths and characters) and rules out most others', () => {
    const words = ['', 'a', 'u', 'ik', 'wij', 'volgens', 'naar', 'according', 'in', "client's", 'cliënt', 'reïntegratie', 'klantmanagers', 'people', '𝐀b', 'x'.repeat(300)];
    for (let c = 0; c < 0x800; c++) words.push(String.fromCharCode(c), `w${String.fromCharCode(c)}rd`);
    const filter = new WordFilter(words);
    for (const w of words) assert.equal(filter.mayHold(w), true, JSON.stringify(w));
    const few = new WordFilter(['volgens', 'aldus', 'according', 'people', 'mensen']);
    for (const w of ['volgens', 'aldus', 'according', 'people', 'mensen']) assert.equal(few.mayHold(w), true);
    let maybe = 0;
    const others = ['de', 'het', 'een', 'the', 'of', 'and', 'brief', 'letter', 'onderzoek', 'research', 'gemeente', 'council', 'cliënten', 'parents'];
    for (const w of others) if (few.mayHold(w)) maybe++;
    assert.ok(maybe <= 2, `${maybe} of ${others.length} words pass a filter of five`);
  });
});
