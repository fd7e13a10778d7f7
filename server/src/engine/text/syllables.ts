import hyphenNl from 'hyphen/nl/index.js';
import { syllable } from 'syllable';
import type { Language } from '../types.js';
import { ContentCache } from '../cache.js';
import { dutchBreaks } from './hyphenation.js';

const SOFT_HYPHEN = /\u00AD/g;
const VOWELS = 'aeiouyáéíóúàèìòùâêîôûäëïöü';
const DIAERESIS = 'äëïöü';

/**
 * Loan morphemes where the vowel-run count is wrong (an English silent e, or a digraph):
 * the morpheme, the count vowel runs give, and the real count.
 */
const LOAN_MORPHEMES: Array<[string, number, number]> = [
  ['case', 2, 1], ['site', 2, 1], ['mode', 2, 1], ['score', 2, 1], ['date', 2, 1],
  ['care', 2, 1], ['line', 2, 1], ['code', 2, 1], ['time', 2, 1], ['make', 2, 1],
  ['take', 2, 1], ['life', 2, 1], ['style', 2, 1], ['game', 2, 1], ['base', 2, 1],
  ['service', 3, 2], ['update', 3, 2], ['office', 3, 2], ['online', 3, 2],
  ['team', 2, 1], ['coach', 1, 1], ['mail', 1, 1], ['manager', 3, 3],
];

/** Per UTF-16 code unit below 256: 1 for a vowel (VOWELS), 2 for a vowel with a diaeresis (DIAERESIS, vowels too). */
const VOWEL_KIND = new Uint8Array(256);
for (const v of VOWELS) VOWEL_KIND[v.charCodeAt(0)] = 1;
for (const v of DIAERESIS) VOWEL_KIND[v.charCodeAt(0)] = 2;
/** VOWEL_KIND of a code unit (none above 255: every vowel of VOWELS is one code unit below it). */
const vowelKind = (c: number) => (c < 256 ? VOWEL_KIND[c]! : 0);

/** Vowel runs, with Dutch hiatus rules (si-tu-a-tie, the-o-rie, koei-en). */
export function vowelRunSyllables(word: string): number {
  const w = word.toLowerCase();
  let count = 0;
  let i = 0;
  while (i < w.length) {
    if (vowelKind(w.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    // A diaeresis always starts a new syllable.
    while (j < w.length && vowelKind(w.charCodeAt(j)) === 1) j++;
    // A run of one vowel is one syllable (no hiatus to read).
    count += j - i < 2 ? 1 : 1 + hiatusOf(w.slice(i, j));
    i = j;
  }
  // An initial y before a vowel is a consonant (yoga); the run rule already counts it once.
  return Math.max(1, count);
}

/**
 * hiatus() of each vowel run met: the runs are the language's vowel groups (ee, ie, oei, eeu …), a few hundred at
 * most, shared by every Dutch text, where the rules run up to five expressions a run. Emptied if it ever grows large.
 */
const hiatusByRun = new Map<string, number>();
const HIATUS_RUNS_MAX = 2000;

function hiatusOf(run: string): number {
  let n = hiatusByRun.get(run);
  if (n === undefined) {
    if (hiatusByRun.size >= HIATUS_RUNS_MAX) hiatusByRun.clear();
    n = hiatus(run);
    hiatusByRun.set(run, n);
  }
  return n;
}

/** Extra syllables inside one vowel run. */
function hiatus(run: string): number {
  if (run.length < 2) return 0;
  let extra = 0;
  // i or u followed by a, o, u or ee: si-tu-a-tie, fi-nan-ci-eel, ra-di-o. Not ui, ie+, ieu, oe, eu.
  if (/^[iu](a|o|u|ee|e(?!$)|é)/.test(run) && !/^(ui|ie|ij|uu)/.test(run)) extra++;
  else if (/^ie[ao]/.test(run)) extra++;
  // e followed by a or o, except eau: the-o-rie, ide-aal.
  else if (/^e[ao]/.test(run) && !run.startsWith('eau')) extra++;
  // oei, aai, ooi, eeu followed by another vowel: koei-en, draai-en.
  if (/^(oei|aai|ooi|eeu)[aeiou]/.test(run)) extra++;
  return extra;
}

/** Three code units as one small number (the low seven bits of each: different letters may share one, never the same letters two). */
const triple = (a: number, b: number, c: number) => ((a & 0x7f) << 14) | ((b & 0x7f) << 7) | (c & 0x7f);
/** The first three letters of each loan morpheme (see triple). */
const LOAN_STARTS = new Set(LOAN_MORPHEMES.map(([m]) => triple(m.charCodeAt(0), m.charCodeAt(1), m.charCodeAt(2))));
/**
 * Whether a word may hold a loan morpheme: the first three letters of one side by side (about one Dutch word in eighty;
 * speed only, see dutchPart).
 */
function mayHoldLoan(lower: string): boolean {
  for (let i = 0; i + 2 < lower.length; i++) if (LOAN_STARTS.has(triple(lower.charCodeAt(i), lower.charCodeAt(i + 1), lower.charCodeAt(i + 2)))) return true;
  return false;
}

function dutchPart(part: string): number {
  if (!/[a-zà-ÿ]/i.test(part)) return 0;
  const lower = part.toLowerCase();
  let vowelCount = vowelRunSyllables(lower);
  let loan = false;
  // Most words hold none of the morphemes: looked for one by one only in a word that has the start of one.
  const loans = mayHoldLoan(lower) ? LOAN_MORPHEMES.length : 0;
  for (let k = 0; k < loans; k++) {
    const loanMorpheme = LOAN_MORPHEMES[k]!;
    const m = loanMorpheme[0];
    const at = lower.indexOf(m);
    // Not before a Dutch participle ending: geüpdatet keeps its e.
    if (at >= 0 && !/[td]/.test(lower[at + m.length] ?? '')) {
      vowelCount -= loanMorpheme[1] - loanMorpheme[2];
      loan = true;
    }
  }
  if (loan) return Math.max(1, vowelCount);
  if (lower.length > MAX_HYPHENATED_LENGTH) return vowelCount;
  // The patterns read directly where that gives the package's answer; the package for any other word.
  const byPatterns = (dutchBreaks(lower) ?? (hyphenNl.hyphenateSync(lower).match(SOFT_HYPHEN) ?? []).length) + 1;
  return Math.max(byPatterns, vowelCount);
}

// Hit for nearly every word: no LRU bookkeeping, the oldest words go first.
const cache: Record<Language, ContentCache<number>> = { nl: new ContentCache(200000), en: new ContentCache(200000) };

/** Forgets counted words (for benchmarks that must start cold), and the shared short words with them. */
export function clearSyllableCache(): void {
  cache.nl.clear();
  cache.en.clear();
  words = new Map();
}

/**
 * A distinct short word (under SHARED_LENGTH characters): its one string, and its syllables in each language once
 * counted (-1 before). See sharedWord.
 */
export interface SharedWord {
  readonly text: string;
  nl: number;
  en: number;
  /** The word in lower case (lowerOf): the shared string of that word, or `text` itself when nothing changes; undefined before. */
  lower: string | undefined;
  /**
   * The entry of the lower-case word when this one is ASCII with a capital ("The", "Utrecht"): both languages count
   * such a word as its lower-case form (syllablesOf counts it once for both).
   */
  lowerWord: SharedWord | undefined;
  /** What text/sentences.ts reads of the word's letters (its letters and flags, packed), -1 before. */
  shape: number;
}

/** Words shorter than this are shared (sharedWord); longer ones are views into their block's text. */
export const SHARED_LENGTH = 13;
const SHARED_MAX = 50000;
let words = new Map<string, SharedWord>();

/**
 * One string per distinct short word for the words that analysed blocks keep: the parser's slices of a word shorter
 * than SHARED_LENGTH characters are copies of their own, and lower-casing makes another even when nothing changes, so
 * a 100,000-word document kept some 190,000 strings for its ~10,000 distinct words (~5 MB in the language server,
 * which keeps every block analysed). The same entry holds the word's syllables (syllablesOf): one look-up a word
 * where sharing the string and counting its syllables took one each (speed only). Longer words: undefined (kept
 * here they would keep a block text alive after its analysis went). Emptied when full.
 */
export function sharedWord(s: string): SharedWord | undefined {
  if (s.length >= SHARED_LENGTH) return undefined;
  return words.get(s) ?? addWord(s);
}

/** The shared string of a word (sharedWord), or the word itself when it is not short: small, for the callers that remake every word of a block. */
export function sharedString(s: string): string {
  if (s.length >= SHARED_LENGTH) return s;
  const w = words.get(s);
  return w !== undefined ? w.text : addWord(s).text;
}

function addWord(s: string): SharedWord {
  if (words.size >= SHARED_MAX) words = new Map();
  const w: SharedWord = { text: s, nl: -1, en: -1, lower: undefined, lowerWord: undefined, shape: -1 };
  words.set(s, w);
  return w;
}

/**
 * A shared word in lower case, lower-cased once per entry (not once per occurrence): the shared string of the
 * lower-case word (sharedString), or the word itself when lower-casing changes nothing.
 */
export function lowerOf(w: SharedWord): string {
  const known = w.lower;
  if (known !== undefined) return known;
  const lower = w.text.toLowerCase();
  if (lower === w.text) return (w.lower = w.text);
  if (lower.length >= SHARED_LENGTH) return (w.lower = lower);
  const entry = words.get(lower) ?? addWord(lower);
  if (ASCII_WITH_CAPITAL.test(w.text)) w.lowerWord = entry;
  return (w.lower = entry.text);
}

/**
 * Syllables of a shared word (sharedWord): counted once per language while the entry lasts. A word that is ASCII with
 * a capital has the count of its lower-case word (count: English through the package, which lower-cases first; Dutch
 * through dutchPart, which lower-cases every part and splits at the same places), counted once for "The" and "the".
 */
export function syllablesOf(w: SharedWord, language: Language): number {
  const n = w[language];
  if (n >= 0) return n;
  if (w.lower === undefined) lowerOf(w);
  return (w[language] = w.lowerWord !== undefined ? syllablesOf(w.lowerWord, language) : count(w.text, language));
}

/**
 * Longer words (and longer parts of a Dutch word between hyphens) are not words a reader
 * reads: a pasted hash, a data URI, a run of letters. They get vowel runs only, which is
 * linear, instead of the hyphenation patterns, whose work grows with the square of the
 * length (a 64,000-letter word took half a minute).
 */
export const MAX_HYPHENATED_LENGTH = 100;
const MAX_WORD_LENGTH = 1000;
const HYPHEN_OR_SLASH = /[-‐/]/;
const ASCII_WITH_CAPITAL = /^[\x00-\x7f]*[A-Z][\x00-\x7f]*$/;

/**
 * Syllables of one word. Dutch: the larger of the TeX hyphenation patterns and vowel runs
 * with hiatus rules, per hyphen-separated part (the research note measured 98 % exact on its
 * dev list). English: the syllable package.
 */
export function syllables(word: string, language: Language): number {
  const c = cache[language];
  const hit = c.get(word);
  if (hit !== undefined) return hit;
  const n = count(word, language);
  c.set(word, n);
  return n;
}

/** syllables() without the cache. */
function count(word: string, language: Language): number {
  let n: number;
  if (word.length > MAX_WORD_LENGTH) {
    n = /[\p{L}]/u.test(word) ? vowelRunSyllables(word) : 1;
  } else if (language === 'nl') {
    n = 0;
    if (!HYPHEN_OR_SLASH.test(word)) n = dutchPart(word);
    else for (const part of word.split(HYPHEN_OR_SLASH)) n += dutchPart(part);
    n = Math.max(1, n);
  } else if (ASCII_WITH_CAPITAL.test(word)) {
    // The package lower-cases every word first (and changes no ASCII letter before that): the count of the
    // word in lower case, counted once for "The" and "the".
    n = syllables(word.toLowerCase(), language);
  } else {
    n = Math.max(1, syllable(word));
  }
  return n;
}
