import { strict as assert } from 'node:assert';
import { analyseBlock } from '../../server/src/engine/text/analyse.js';
import { looksLikeTable, notProseRanges, splitSentences } from '../../server/src/engine/text/sentences.js';
import { clearSyllableCache, sharedString, sharedWord, syllables, syllablesOf, vowelRunSyllables } from '../../server/src/engine/text/syllables.js';
import { rng as random } from '../fuzz/generate.js';
import type { Language, ProseBlock } from '../../server/src/index.js';

/**
 * Shortcuts of the text layer (speed only) against the plain computation they replace:
 * - a short word's lower case and letters are worked out once per shared word (sharedWord), not per occurrence;
 * - a capitalised ASCII word has its lower-case word's syllables (one count for "The" and "the");
 * - analyseBlock takes each word's shared entry from the sentences, in word order;
 * - looksLikeTable answers no at once for a text without a double space, a tab or a pipe;
 * - the parser's nodes have no positions: tokens and words take their offsets from the lengths of the leaves before them.
 * Each comparison fails when the shortcut gives another answer on any of the generated texts.
 */

/** A word's fields as sentences.ts made them before the shortcut (its toWord): from the word's own text, per code unit. */
function plainWord(text: string) {
  let letters = 0;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (ch === ch.toUpperCase()) upper++;
      else lower++;
    }
  }
  const first = text[0]!;
  return {
    text,
    lower: text.toLowerCase(),
    letters,
    isNumber: letters === 0,
    isAcronym: upper >= 2 && lower === 0,
    capitalised: upper > 0 && first !== first.toLowerCase(),
  };
}

/** looksLikeTable as it was, without the shortcut. */
function plainLooksLikeTable(text: string): boolean {
  if (text.indexOf('\n') < 0) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  if (lines.length < 3) return false;
  let rows = 0;
  for (const l of lines) if (/[^\s.!?:;]( {2,}|\t)\S/.test(l.trim()) || /\S[ \t]*\|[ \t]*\S/.test(l)) rows++;
  return rows >= Math.ceil((lines.length * 2) / 3);
}

const PIECES = [
  'The', 'the', 'THE', 'De', 'de', 'Utrecht', 'utrecht', 'UWV', 'Wmo', 'NEET', 'iPad', 'eHealth', 'Case', 'case', 'Service',
  'ÉÉN', 'één', 'Über', 'über', 'naïef', 'Naïef', 'İstanbul', 'ǅemal', 'Σοφία', '2023', '5,3', 'B2', 'x', 'A', 'a',
  'onderzoeksresultaten', 'Onderzoeksresultaten', 'Wetenschappelijk', 'co-creatie', 'Co-Creatie', 'time', 'Time', 'TIME',
  'Update', 'geüpdatet', 'Geüpdatet', "auto's", 'ß', 'STRASSE', 'ﬁne',
];
const MARKS = [' ', ' ', ' ', '. ', ', ', '  ', '\t', ' | ', '|', '\n', '\n', '\n\n', '\r\n', ': ', '; ', '(', ') ', '"', '“', '”', '😀', '👩‍⚕️', '-', '/', ' https://example.org/a ', ' [@smith2020] ', ' a@b.nl '];

function generated(seed: number): string {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  let text = '';
  const n = 1 + Math.floor(next() * 60);
  for (let i = 0; i < n; i++) text += next() < 0.5 ? pick(PIECES) : pick(MARKS);
  return text;
}

function block(text: string): ProseBlock {
  return { kind: 'paragraph', text, map: [{ t: 0, tl: text.length, d: 0, dl: text.length }], start: 0, end: text.length };
}

describe('text layer shortcuts: the same words, syllables and tables as the plain computation', () => {
  for (const language of ['nl', 'en'] as const satisfies readonly Language[]) {
    it(`${language}: every word's lower case, letters and flags are those of its own text (shared entries made in any order)`, () => {
      for (let seed = 1; seed <= 1500; seed++) {
        // Now and then start from empty entries, and now and then from entries another path made first (sharedString
        // makes an entry without lower case or shape; sharedWord of the capitalised word makes the lower-case one).
        if (seed % 97 === 1) clearSyllableCache();
        if (seed % 5 === 0) for (const p of PIECES) sharedString(p);
        const text = generated(seed);
        for (const s of splitSentences(text, language)) {
          // Offsets read off the lengths of the parser's leaves (sentences.ts tokenize): each token is its piece of the text.
          for (const t of s.tokens) {
            if (t.kind === 'space') assert.ok(t.end > t.start && text.slice(t.start, t.end).trim() === '', `${JSON.stringify(text)}: space at ${t.start}`);
            else assert.equal(text.slice(t.start, t.end), t.text, `${JSON.stringify(text)}: ${t.kind} at ${t.start}`);
          }
          for (const w of s.words) {
            assert.equal(w.text, text.slice(w.start, w.end), JSON.stringify(text));
            const want = plainWord(w.text);
            assert.deepEqual({ text: w.text, lower: w.lower, letters: w.letters, isNumber: w.isNumber, isAcronym: w.isAcronym, capitalised: w.capitalised }, want, `${JSON.stringify(text)}: ${w.text}`);
          }
        }
      }
    });

    it(`${language}: analyseBlock's syllables are syllables() of each word (entries in word order past URLs, citations, emoji and tables)`, () => {
      for (let seed = 1; seed <= 1500; seed++) {
        if (seed % 50 === 1) clearSyllableCache();
        const text = generated(seed);
        const a = analyseBlock(block(text), language, 'other', 25);
        const ws = a.sentences.flatMap((s) => s.words);
        const got = a.syllables.flatMap((s) => Array.from(s));
        assert.deepEqual(got, ws.map((w) => (w.isNumber || w.isAcronym ? 0 : syllables(w.text, language))), JSON.stringify(text));
      }
    });

    it(`${language}: a capitalised word counts as syllables() counts it, whether its lower-case word was counted first or not`, () => {
      const words = PIECES.filter((p) => p.length < 13 && /[A-Z]/.test(p));
      for (const lowerFirst of [false, true]) {
        clearSyllableCache();
        for (const w of words) {
          if (lowerFirst) syllablesOf(sharedWord(w.toLowerCase())!, language);
          assert.equal(syllablesOf(sharedWord(w)!, language), syllables(w, language), `${w} ${language}`);
          assert.equal(syllablesOf(sharedWord(w.toLowerCase())!, language), syllables(w.toLowerCase(), language), `${w.toLowerCase()} ${language}`);
        }
      }
    });
  }

  it('looksLikeTable: the same answer as cutting every text into lines', () => {
    let tables = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const text = generated(seed);
      const want = plainLooksLikeTable(text);
      if (want) tables++;
      assert.equal(looksLikeTable(text), want, JSON.stringify(text));
    }
    // Tables gapped by tabs only, by two spaces only, by pipes only.
    for (const gap of ['\t', '  ', ' | ']) {
      const text = ['Naam', 'Aantal', 'Jaar'].map((c, i) => `${c}${gap}${i + 1}`).join('\n');
      assert.equal(looksLikeTable(text), true, JSON.stringify(text));
      tables++;
    }
    assert.ok(tables > 20, `the generated texts hold tables (${tables})`);
  });

  it('vowelRunSyllables: the same count as the hiatus rules applied to every run anew', () => {
    // The rules as syllables.ts applies them (its hiatus), for every run, without remembering any.
    const VOWELS = 'aeiouyáéíóúàèìòùâêîôûäëïöü';
    const DIAERESIS = 'äëïöü';
    const hiatus = (run: string): number => {
      let extra = 0;
      if (/^[iu](a|o|u|ee|e(?!$)|é)/.test(run) && !/^(ui|ie|ij|uu)/.test(run)) extra++;
      else if (/^ie[ao]/.test(run)) extra++;
      else if (/^e[ao]/.test(run) && !run.startsWith('eau')) extra++;
      if (/^(oei|aai|ooi|eeu)[aeiou]/.test(run)) extra++;
      return extra;
    };
    const plain = (word: string): number => {
      const w = word.toLowerCase();
      let count = 0;
      let i = 0;
      while (i < w.length) {
        if (!VOWELS.includes(w[i]!)) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < w.length && VOWELS.includes(w[j]!) && !DIAERESIS.includes(w[j]!)) j++;
        count += j - i < 2 ? 1 : 1 + hiatus(w.slice(i, j));
        i = j;
      }
      return Math.max(1, count);
    };
    const next = random(11);
    const letters = 'aeiouyéëïöüaeioubdgklmnrstw';
    let withHiatus = 0;
    for (let n = 0; n < 20000; n++) {
      let w = '';
      const length = 1 + Math.floor(next() * 12);
      for (let k = 0; k < length; k++) w += letters[Math.floor(next() * letters.length)]!;
      const want = plain(w);
      if (want > plain(w.replace(/[aeiouyéëïöü]+/g, 'a'))) withHiatus++;
      assert.equal(vowelRunSyllables(w), want, w);
    }
    for (const [w, n] of [['situatie', 4], ['theorie', 3], ['koeien', 2], ['ideaal', 3], ['bureau', 2], ['leeuw', 1], ['geeuwen', 2]] as const) {
      assert.equal(vowelRunSyllables(w), plain(w), w);
      assert.equal(vowelRunSyllables(w), n, w);
    }
    assert.ok(withHiatus > 1000, `the generated words have runs with a hiatus (${withHiatus})`);
  });

  it('notProseRanges: the same ranges as the whole expression, whichever marks a text holds', () => {
    // sentences.ts's NOT_PROSE, all alternatives, run on every text.
    const NOT_PROSE = /\[[^\[\]\n]*@[\p{L}\p{N}_][^\[\]\n]*\]|(?<![^\s(\[{"'“‘])-?@[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*(?: ?\[[^\[\]\n@]{0,40}\](?!\())?|\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\](?![(:\[])|\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+\.[^\s<>"]+|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
    const plain = (text: string): Array<[number, number]> => {
      const out: Array<[number, number]> = [];
      NOT_PROSE.lastIndex = 0;
      for (let m = NOT_PROSE.exec(text); m; m = NOT_PROSE.exec(text)) {
        const end = m.index + m[0].replace(/[.,;:!?)]+$/, '').length;
        out.push([m.index, /[\]]$/.test(m[0]) ? m.index + m[0].length : end]);
      }
      return out;
    };
    const pieces = [
      'zie', 'de', 'Smith', 'info', 'gemeente.nl', 'x', '2020', '14', '3', '-', '–', ',', '.', ':', ';', ' ', ' ', ' ', '\n',
      '[', ']', '(', ')', '@', '-@', '[@', '@smith2020', '[14]', '[3, 7]', '[14-16]', '[p. 4]', 'https://', 'http://', 'ftp://',
      '://', 'www.', 'www.example.org', 'a@b.nl', 'jan.jansen@gemeente.nl', 'example.org/a?b=c', '"', '“', '_', 'é',
    ];
    const next = random(13);
    const seen = new Set<number>();
    let found = 0;
    for (let n = 0; n < 20000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 25);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)]!;
      const want = plain(text);
      if (want.length) found++;
      seen.add((text.includes('@') ? 1 : 0) | (text.includes('[') ? 2 : 0) | (text.includes('://') ? 4 : 0) | (text.includes('www.') ? 8 : 0));
      assert.deepEqual(notProseRanges(text), want, JSON.stringify(text));
    }
    assert.equal(seen.size, 16, 'every combination of marks was tried');
    assert.ok(found > 5000, `the texts hold citations, addresses and links (${found})`);
  });
});
