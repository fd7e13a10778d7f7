import { franc } from 'franc-min';
import type { Language } from '../types.js';

import hints from '../../../../dictionaries/language-hints.json' with { type: 'json' };

// The most frequent function words of each language (dictionaries/language-hints.json); few are shared, none of the frequent ones.
const NL: ReadonlySet<string> = new Set(hints.languages.nl.functionWords);
const EN: ReadonlySet<string> = new Set(hints.languages.en.functionWords);

/** Each function word: 1 when Dutch, 2 when English (3: both). */
const FUNCTION_WORDS = new Map<string, number>();
for (const w of NL) FUNCTION_WORDS.set(w, 1);
for (const w of EN) FUNCTION_WORDS.set(w, (FUNCTION_WORDS.get(w) ?? 0) | 2);
/** The longest function word, in UTF-16 units: a longer word is no function word (lower case never shortens a word). */
const LONGEST = Math.max(...[...FUNCTION_WORDS.keys()].map((w) => w.length));
const LETTER = /\p{L}/u;
/** Per UTF-16 unit of the Basic Multilingual Plane: 1 a letter, 2 not (0: not looked at yet). */
const BMP_LETTER = new Uint8Array(0x10000);

/** The length in UTF-16 units of the character at `i` when it belongs to a word (`[\p{L}']`), else 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = BMP_LETTER[c]!;
  if (k === 0) BMP_LETTER[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/**
 * Dutch or English by function words; undefined when neither has a clear lead. Words are runs of
 * letters and apostrophes (`[\p{L}']+`), read a character at a time: only words as short as a
 * function word are cut out and put in lower case.
 */
export function detectByFunctionWords(text: string): Language | undefined {
  let nl = 0;
  let en = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let step = wordCharAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    do i += step;
    while (i < n && (step = wordCharAt(text, i)) > 0);
    if (i - start > LONGEST) continue;
    const k = FUNCTION_WORDS.get(text.slice(start, i).toLowerCase());
    if (k === undefined) continue;
    if (k & 1) nl++;
    if (k & 2) en++;
  }
  if (nl === en) return undefined;
  if (nl + en < 2) return undefined;
  return nl > en ? 'nl' : 'en';
}

/**
 * Dutch or English: franc (trigrams, limited to nld/eng) for longer texts, function words
 * for short ones and when franc cannot decide.
 */
export function detectLanguage(text: string, fallback: Language = 'nl'): Language {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  if (sample.length >= 60) {
    const code = franc(sample, { only: ['nld', 'eng'], minLength: 20 });
    if (code === 'nld') {
      // franc on text with many names or numbers can be wrong; function words confirm.
      const fw = detectByFunctionWords(sample);
      return fw === 'en' && sample.length < 400 ? 'en' : 'nl';
    }
    if (code === 'eng') {
      const fw = detectByFunctionWords(sample);
      return fw === 'nl' && sample.length < 400 ? 'nl' : 'en';
    }
  }
  return detectByFunctionWords(sample) ?? fallback;
}
