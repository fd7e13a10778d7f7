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

/** The trie symbol of each ASCII character: a letter (either case) or an apostrophe; NOT_IN_WORD for the others. */
const NOT_IN_WORD = 255;
const ASCII_SYMBOL = new Uint8Array(128).fill(NOT_IN_WORD);
for (let c = 0; c < 26; c++) ASCII_SYMBOL[97 + c] = ASCII_SYMBOL[65 + c] = c;
ASCII_SYMBOL[39] = 26;

/**
 * The function words spelled in a-z and apostrophes, as a trie over those 27 characters (speed only: the words of a text
 * in ASCII are looked up a character at a time as they are read, without cutting them out and putting them in lower
 * case). TRIE_NEXT[node * 27 + symbol] is the child (0: none; node 0 is the root), TRIE_BITS[node] the word's bits.
 */
const TRIE_SYMBOLS = 27;
const trieWords = [...FUNCTION_WORDS].filter(([w]) => /^[a-z']+$/.test(w));
const TRIE_NODES = 1 + trieWords.reduce((n, [w]) => n + w.length, 0);
const TRIE_NEXT = new Int32Array(TRIE_NODES * TRIE_SYMBOLS);
const TRIE_BITS = new Uint8Array(TRIE_NODES);
{
  let nodes = 1;
  for (const [w, bits] of trieWords) {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const at = node * TRIE_SYMBOLS + ASCII_SYMBOL[w.charCodeAt(i)]!;
      node = TRIE_NEXT[at] || (TRIE_NEXT[at] = nodes++);
    }
    TRIE_BITS[node] = bits;
  }
}

/**
 * Dutch or English by function words; undefined when neither has a clear lead. Words are runs of
 * letters and apostrophes (`[\p{L}']+`), read a character at a time: a word in ASCII is looked up in the trie as it is
 * read; only a word with other letters, as short as a function word, is cut out and put in lower case.
 */
export function detectByFunctionWords(text: string): Language | undefined {
  let nl = 0;
  let en = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII_SYMBOL[c] === NOT_IN_WORD : wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    // The trie node of the word so far while it is in ASCII (-1: no function word starts so).
    let node = 0;
    let ascii = true;
    for (;;) {
      if (c < 128) {
        const symbol = ASCII_SYMBOL[c]!;
        if (symbol === NOT_IN_WORD) break;
        if (node >= 0) node = TRIE_NEXT[node * TRIE_SYMBOLS + symbol]! || -1;
        i++;
      } else {
        const step = wordCharAt(text, i);
        if (step === 0) break;
        ascii = false;
        i += step;
      }
      if (i >= n) break;
      c = text.charCodeAt(i);
    }
    let k: number | undefined;
    if (ascii) {
      if (node <= 0) continue;
      k = TRIE_BITS[node]!;
    } else {
      if (i - start > LONGEST) continue;
      k = FUNCTION_WORDS.get(text.slice(start, i).toLowerCase());
      if (k === undefined) continue;
    }
    if (k & 1) nl++;
    if (k & 2) en++;
  }
  if (nl === en) return undefined;
  if (nl + en < 2) return undefined;
  return nl > en ? 'nl' : 'en';
}

/** The characters of a text that detectLanguage() reads at most: its start (the rest cannot change its answer). */
export const DETECTED_CHARS = 6000;
/** The characters franc reads of a text (franc-min's MAX_LENGTH, 6.2.0: it cuts the text there itself). */
const FRANC_CHARS = 2048;

/**
 * Dutch or English: franc (trigrams, limited to nld/eng) for longer texts, function words
 * for short ones and when franc cannot decide.
 */
export function detectLanguage(text: string, fallback: Language = 'nl'): Language {
  return detectLanguageRead(text, fallback).language;
}

/**
 * detectLanguage()'s answer, and how many of the text's first characters decided it: any text that starts with the same
 * `read` characters gets the same answer (Infinity: the whole text, its length too). franc reads the first 2,048; when it
 * names Dutch or English in a text that long, nothing after them counts (speed only, session 27: a document's language is
 * then detected again only after an edit within them).
 */
export function detectLanguageRead(text: string, fallback: Language = 'nl'): { language: Language; read: number } {
  const sample = text.length > DETECTED_CHARS ? text.slice(0, DETECTED_CHARS) : text;
  if (sample.length >= 60) {
    const code = franc(sample, { only: ['nld', 'eng'], minLength: 20 });
    // (Function words are read only in a sample under 400 characters: franc decided the rest from its 2,048.)
    const read = sample.length >= FRANC_CHARS ? FRANC_CHARS : Infinity;
    if (code === 'nld') {
      // franc on text with many names or numbers can be wrong; function words confirm.
      const fw = sample.length < 400 ? detectByFunctionWords(sample) : undefined;
      return { language: fw === 'en' ? 'en' : 'nl', read };
    }
    if (code === 'eng') {
      const fw = sample.length < 400 ? detectByFunctionWords(sample) : undefined;
      return { language: fw === 'nl' ? 'nl' : 'en', read };
    }
  }
  return { language: detectByFunctionWords(sample) ?? fallback, read: sample.length >= DETECTED_CHARS ? DETECTED_CHARS : Infinity };
}
