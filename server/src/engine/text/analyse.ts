import type { Counts, Language, ProseBlock, SectionRole } from '../types.js';
import type { AnalysedBlock } from '../rules/types.js';
import { splitSentences, type Sentence, type Token, type Word } from './sentences.js';
import { sharedString, syllables as countSyllables, syllablesOf, type SharedWord } from './syllables.js';
import { emptyCounts } from './metrics.js';
import { exact } from '../offsets.js';
import { findPassives } from './passive.js';
import { endsWithPersonAttribution, findQuotes, hasFirstPerson, isSpeech } from './quotes.js';

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Letters and digits in a word (what ARI counts), without building a new string. */
export function lettersAndDigits(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) n++;
    else if (c >= 128) {
      // Outside ASCII: a surrogate pair is one code point.
      const cp = word.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (LETTER_OR_NUMBER.test(ch)) n += ch.length;
      if (cp > 0xffff) i++;
    }
  }
  return n;
}

/** The one string of a short word (text/syllables.ts sharedWord); a longer word as it is. */
const shared = sharedString;

/** Block kinds whose sentences count for readability statistics. */
export function countsForMetrics(block: ProseBlock): boolean {
  return !block.skip && (block.kind === 'paragraph' || block.kind === 'listItem' || block.kind === 'footnote');
}

/**
 * The text layer for one block: sentences, words, syllables, counts, quotes.
 * Numbers and all-caps acronyms are left out of syllable statistics (they are read as
 * digits or letters, and say nothing about word difficulty); they still count as words.
 */
export function analyseBlock(block: ProseBlock, language: Language, role: SectionRole, longSentenceWords: number): AnalysedBlock {
  // Each word's shared entry (sharedWord; undefined for a longer word), in the order of the words: the sentences made
  // a short word's string, lower case and shape from it, and it keeps the word's syllables.
  const entries: Array<SharedWord | undefined> = [];
  const sentences = splitSentences(block.text, language, entries);
  let k = 0;
  const counts: Counts = emptyCounts();
  const syllables: Array<ArrayLike<number>> = [];
  const metric = countsForMetrics(block);
  for (const s of sentences) {
    const words = s.words;
    // A byte a word (the language server keeps every block analysed: number arrays grown by push held ~1.5 MB at
    // 100,000 words); a sentence with a word of more than 255 syllables keeps plain numbers.
    let per: Uint8Array | number[] = new Uint8Array(words.length);
    for (let wi = 0; wi < words.length; wi++) {
      const w = words[wi]!;
      const one = entries[k++];
      if (one === undefined) w.lower = w.lower === w.text ? w.text : shared(w.lower);
      const n = w.isNumber || w.isAcronym ? 0 : one ? syllablesOf(one, language) : countSyllables(w.text, language);
      if (n > 255 && per instanceof Uint8Array) per = Array.from(per);
      per[wi] = n;
      if (!metric) continue;
      counts.words++;
      counts.letters += w.letters;
      counts.characters += lettersAndDigits(w.text);
      if (w.letters > 6) counts.longWords++;
      if (n > 0) {
        counts.syllables += n;
        counts.syllableWords++;
        if (n >= 3) {
          counts.polysyllables++;
          if (!w.capitalised && !w.text.includes('-')) counts.complexWords++;
        }
      }
    }
    syllables.push(per);
    if (metric && words.length > 0) {
      counts.sentences++;
      if (words.length > longSentenceWords) counts.longSentences++;
      if (findPassives(s, language).length > 0) counts.passives++;
    }
  }
  const quotes: Array<[number, number]> = [];
  if (block.quoted && isSpeech(block.text, language)) quotes.push([0, block.text.length]);
  // A short first-person paragraph closed by a person's label is a quote too: "Ik durfde de post niet open te maken. (R4)".
  else if (block.kind === 'paragraph' && endsWithPersonAttribution(block.text) && hasFirstPerson(block.text, language)) quotes.push([0, block.text.length]);
  else for (const q of findQuotes(block.text, language)) if (q.speech) quotes.push([q.start, q.end]);
  // (Arrays of their own length: the language server keeps every block's analysis; see offsets.ts exact.)
  return { block, language, role, sentences, counts, syllables: exact(syllables), quotes: quotes.length ? quotes : NO_QUOTES };
}

// Shared by every block without quotes (frozen: a push into it would throw, not spread to other blocks).
const NO_QUOTES = Object.freeze([]) as unknown as Array<[number, number]>;

const NO_TOKENS: Token[] = [];
// A kept word in the block's packed array: start, end, then letters and flags (three numbers a word).
const IS_NUMBER = 1;
const IS_ACRONYM = 2;
const CAPITALISED = 4;
const FLAG_BITS = 3;

/**
 * A sentence as a cached analysis keeps it once the block rules and analyzers have seen it: its
 * words packed in one typed array per block (offsets, letters, flags) instead of ~100 bytes of
 * objects and strings each. `words` makes them again when a document rule or the editor asks
 * (after an edit, a few hundred of a long document's sentences): the same values, made once and
 * shared until the next garbage collection. The word's text is the block text between its offsets.
 */
class KeptSentence implements Sentence {
  tokens: Token[] = NO_TOKENS;
  /**
   * The words made for the sentence: those the analysis made, held as they are until the check that made them is over
   * (letGo), then those made again on demand, held weakly. (A WeakRef made per sentence at packing cost a first check of
   * the thesis ~1 % of its time, for words its own document rules then read.)
   */
  private made: Word[] | WeakRef<Word[]> | undefined;
  /** Words set from outside (no caller does now): kept as they are. */
  private given: Word[] | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    private readonly text: string,
    private readonly packed: Int32Array,
    private readonly from: number,
    private readonly count: number,
    made?: Word[],
  ) {
    this.made = made;
  }

  /** Drops the words the analysis made (they are made again when asked). */
  letGo(): void {
    if (Array.isArray(this.made)) this.made = undefined;
  }

  /** Holds the words the analysis made weakly (a packing outside a check). */
  holdWeakly(words: Word[]): void {
    this.made = new WeakRef(words);
  }

  get words(): Word[] {
    if (this.given) return this.given;
    const made = this.made;
    if (Array.isArray(made)) return made;
    let words = made?.deref();
    if (!words) {
      words = new Array<Word>(this.count);
      const p = this.packed;
      for (let k = 0, i = this.from * 3; k < this.count; k++, i += 3) {
        const start = p[i]!;
        const end = p[i + 1]!;
        const bits = p[i + 2]!;
        const text = shared(this.text.slice(start, end));
        const lower = text.toLowerCase();
        // The same shape and order as sentences.ts makes a word (one hidden class for the rules).
        words[k] = {
          start,
          end,
          text,
          lower: lower === text ? text : shared(lower),
          letters: bits >>> FLAG_BITS,
          isNumber: (bits & IS_NUMBER) !== 0,
          isAcronym: (bits & IS_ACRONYM) !== 0,
          capitalised: (bits & CAPITALISED) !== 0,
          norm: undefined,
        };
      }
      this.made = new WeakRef(words);
    }
    return words;
  }

  set words(words: Word[]) {
    this.given = words;
  }

  /** How many words the sentence has, without making them. */
  get wordCount(): number {
    return this.given ? this.given.length : this.count;
  }

  /** Each word's text, letters and acronym flag, without making the words again (see eachWord). */
  eachWord(each: (text: string, letters: number, isAcronym: boolean) => void): void {
    const made = this.made;
    const words = this.given ?? (Array.isArray(made) ? made : made?.deref());
    if (words) {
      for (let k = 0; k < words.length; k++) {
        const w = words[k]!;
        each(w.text, w.letters, w.isAcronym);
      }
      return;
    }
    const p = this.packed;
    for (let k = 0, i = this.from * 3; k < this.count; k++, i += 3) {
      const bits = p[i + 2]!;
      each(shared(this.text.slice(p[i]!, p[i + 1]!)), bits >>> FLAG_BITS, (bits & IS_ACRONYM) !== 0);
    }
  }
}

/**
 * Each word of a sentence (its text, letters and whether it is an acronym) in order: a kept sentence reads them from its
 * packed words, without making word objects again (speed only, rules18: document rules that read every block's words).
 */
export function eachWord(s: Sentence, each: (text: string, letters: number, isAcronym: boolean) => void): void {
  if (s instanceof KeptSentence) s.eachWord(each);
  else {
    const words = s.words;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      each(w.text, w.letters, w.isAcronym);
    }
  }
}

/**
 * How many words a sentence has: a kept sentence answers without making its words again (a document rule that only
 * compares lengths, as long-sentence does for every sentence of every block, made the whole document's words anew).
 */
export function wordCount(s: Sentence): number {
  return s instanceof KeptSentence ? s.wordCount : s.words.length;
}

/**
 * Room for the packed words of the blocks one check analyses (keepCompact): arrays shared by a few blocks each, a block's
 * words a stretch of one, instead of a typed array per block (a backing store of its own each: ~1.5 % of a first check
 * of the thesis). An array stays alive while a block packed into it does, so the arrays are small: the first one holds
 * the first block's words exactly (a check after an edit packs a block or two), each next one has room for twice as
 * many numbers, up to CHUNK_MOST (some 4,000 words); a block with more words has an array of its own.
 */
export class PackingSpace {
  private chunk = NO_NUMBERS;
  private used = 0;
  private size = CHUNK_FIRST;
  /** Where the stretch that take gave last starts in its array. */
  at = 0;

  /** An array with `n` free numbers from `at` on (n a multiple of 3: the stretches stay aligned on words). */
  take(n: number): Int32Array {
    if (this.used + n > this.chunk.length) {
      if (n > CHUNK_MOST) {
        this.at = 0;
        return new Int32Array(n);
      }
      this.chunk = new Int32Array(Math.max(n, this.size));
      this.used = 0;
      this.size = Math.min(CHUNK_MOST, this.size * 2);
    }
    this.at = this.used;
    this.used += n;
    return this.chunk;
  }
}
const NO_NUMBERS = new Int32Array(0);
/** Numbers in the first array of a PackingSpace at least, and in any array at most (multiples of 3: a word is three numbers). */
const CHUNK_FIRST = 3 * 32;
const CHUNK_MOST = 3 * 4096;

/**
 * Packs the sentences of an analysed block for keeping (see KeptSentence); the sentences array
 * itself stays the same object (rules remember per-block summaries under it). A sentence with a
 * word whose text is not the block text between its offsets stays as it is. `held` gets each packed sentence that
 * still holds the words the analysis made, for letGo once the check is over; without it they are held weakly. The
 * words go in `space` when given, else in an array of the block's own.
 */
export function keepCompact(analysed: AnalysedBlock, held?: Sentence[], space?: PackingSpace): void {
  const text = analysed.block.text;
  const list = analysed.sentences;
  let n = 0;
  for (let i = 0; i < list.length; i++) n += list[i]!.words.length;
  const packed = space ? space.take(n * 3) : new Int32Array(n * 3);
  let at = space ? space.at / 3 : 0;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (s instanceof KeptSentence) continue;
    s.tokens = NO_TOKENS;
    const from = at;
    let exact = true;
    const words = s.words;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      if (!keepsAsIs(text, w)) {
        exact = false;
        break;
      }
      packed[at * 3] = w.start;
      packed[at * 3 + 1] = w.end;
      packed[at * 3 + 2] = (w.letters << FLAG_BITS) | (w.isNumber ? IS_NUMBER : 0) | (w.isAcronym ? IS_ACRONYM : 0) | (w.capitalised ? CAPITALISED : 0);
      at++;
    }
    if (!exact) {
      at = from;
      continue;
    }
    const kept = new KeptSentence(s.start, s.end, text, packed, from, at - from, held ? words : undefined);
    if (held) held.push(kept);
    else kept.holdWeakly(words);
    list[i] = kept;
  }
}

/**
 * Whether KeptSentence makes the word again as it is: its text is the block text between its offsets, its lower case
 * is its text in lower case, its letters fit. Compared a character at a time: a word in ASCII is lowered here, without
 * making its lower case again (a string for each capitalised word); any other word is compared with toLowerCase.
 */
function keepsAsIs(text: string, w: Word): boolean {
  const t = w.text;
  const start = w.start;
  const length = t.length;
  if (w.end - start !== length || w.letters < 0) return false;
  const lower = w.lower;
  // While the word is in ASCII, its lower case has its characters in the same places.
  let ascii = lower.length === length;
  for (let j = 0; j < length; j++) {
    const c = t.charCodeAt(j);
    if (text.charCodeAt(start + j) !== c) return false;
    if (!ascii) continue;
    if (c >= 128) ascii = false;
    else if (lower.charCodeAt(j) !== (c >= 65 && c <= 90 ? c + 32 : c)) return false;
  }
  return ascii || lower === t.toLowerCase();
}

/** Lets go of the words the analysis made for the packed sentences in `held` (see keepCompact), and empties it. */
export function letGo(held: Sentence[]): void {
  for (const s of held) (s as KeptSentence).letGo();
  held.length = 0;
}
