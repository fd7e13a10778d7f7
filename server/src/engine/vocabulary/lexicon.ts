import type { Word } from '../text/sentences.js';
import type { CompoundPosition } from './dictionary.js';

/**
 * Normal form of a word for look-ups: lower case, diacritics folded (cliënt = client,
 * reïntegratie = reintegratie), typographic apostrophes straightened. Hyphens stay:
 * re-integratie and reintegratie are different spellings a dictionary lists on purpose.
 */
export function normalizeWord(word: string): string {
  let s = normalized.get(word);
  if (s !== undefined) return s;
  s = word.toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  s = s.replace(/[’‘`´]/g, "'");
  // Every word of every sentence is looked up in two lexicons; words repeat, so remember them.
  if (normalized.size >= MAX_NORMALIZED) normalized.clear();
  normalized.set(word, s);
  return s;
}

const MAX_NORMALIZED = 50000;
const normalized = new Map<string, string>();

/**
 * The normal form of a sentence word (normalizeWord of its text), kept on the word. A word of ASCII characters other
 * than the backtick is its lower case already: no look-up in the memo above, no new string (most words of a report).
 */
export function wordNorm(w: Word): string {
  let n = w.norm;
  if (n !== undefined) return n;
  const lower = w.lower;
  n = lower;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c > 0x7f || c === 0x60) {
      // normalizeWord lowers first, so the lower case gives the same normal form as the text.
      n = normalizeWord(lower);
      break;
    }
  }
  w.norm = n;
  return n;
}

/**
 * The possessive ending ('s, ’s) the text carries beyond the dictionary form it matched
 * ("customer's" for the form "customer"), as written; empty when there is none. A replacement
 * keeps it: "the client's file", not "the client file".
 */
export function possessiveSuffix(text: string, form: string): string {
  const t = normalizeWord(text);
  const f = normalizeWord(form);
  if (t === f || !t.endsWith("'s") || t.slice(0, -2).replace(/\s+/g, ' ') !== f.replace(/\s+/g, ' ')) return '';
  return text.slice(-2);
}

export function normalizePhrase(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean).map(normalizeWord);
}

export interface LexiconMatch<T> {
  payload: T;
  /** Word indices in the sentence, inclusive. */
  from: number;
  to: number;
  /** Text offsets of the match (the whole word for a compound). */
  start: number;
  end: number;
  /** The matched phrase as written in the text. */
  text: string;
  /** Set when the term stood inside a compound: which part it was. */
  compound?: 'start' | 'end';
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  payloads?: T[];
}

const MIN_COMPOUND_REST = 3;

/** Letters in a word part: digits, hyphens and apostrophes do not make a word (interventie2020). */
function letterCount(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{L}/u.test(ch)) n++;
  return n;
}

/**
 * A compiled word list: single words and phrases by their normalised first word, and tries
 * for terms that may stand at the start or end of a Dutch compound. The cost of a look-up
 * does not grow with the number of entries.
 */
export class Lexicon<T> {
  // Read by LexiconPair (below), which matches two compiled lexicons in one pass.
  readonly phrases = new Map<string, Array<{ words: string[]; payload: T }>>();
  readonly starts: TrieNode<T> = { next: new Map() };
  readonly ends: TrieNode<T> = { next: new Map() };
  minCompound = Infinity;
  size = 0;

  add(phrase: string, payload: T, compound: CompoundPosition = 'none'): void {
    const words = normalizePhrase(phrase);
    if (words.length === 0) return;
    const first = words[0]!;
    let list = this.phrases.get(first);
    if (!list) this.phrases.set(first, (list = []));
    list.push({ words, payload });
    // Longest phrases first, so "interviews met cliënten" wins over "interviews".
    list.sort((a, b) => b.words.length - a.words.length);
    this.size++;
    if (words.length === 1 && compound !== 'none') {
      const w = words[0]!;
      this.minCompound = Math.min(this.minCompound, w.length);
      if (compound === 'start' || compound === 'any') this.insert(this.starts, w, payload);
      if (compound === 'end' || compound === 'any') this.insert(this.ends, [...w].reverse().join(''), payload);
    }
  }

  private insert(root: TrieNode<T>, key: string, payload: T): void {
    let node = root;
    for (const ch of key) {
      let n = node.next.get(ch);
      if (!n) node.next.set(ch, (n = { next: new Map() }));
      node = n;
    }
    (node.payloads ??= []).push(payload);
  }

  /** The longest term at the start (or end) of a word that leaves a real word part over. */
  private compoundMatch(word: string): { payload: T; part: 'start' | 'end' } | undefined {
    if (word.length < this.minCompound + MIN_COMPOUND_REST) return undefined;
    let best: { payload: T; part: 'start' | 'end'; length: number } | undefined;
    let node: TrieNode<T> | undefined = this.starts;
    for (let i = 0; i < word.length && node; i++) {
      node = node.next.get(word[i]!);
      if (node?.payloads && letterCount(word.slice(i + 1)) >= MIN_COMPOUND_REST) {
        if (!best || i + 1 > best.length) best = { payload: node.payloads[0]!, part: 'start', length: i + 1 };
      }
    }
    node = this.ends;
    for (let i = word.length - 1; i >= 0 && node; i--) {
      node = node.next.get(word[i]!);
      if (node?.payloads && letterCount(word.slice(0, i)) >= MIN_COMPOUND_REST) {
        const len = word.length - i;
        if (!best || len > best.length) best = { payload: node.payloads[0]!, part: 'end', length: len };
      }
    }
    return best ? { payload: best.payload, part: best.part } : undefined;
  }

  /**
   * Matches in a run of words (one sentence). Phrases match consecutive words with only
   * white space between them (line breaks too); the longest match at a position wins and
   * matches do not overlap.
   */
  match(words: Word[], text: string): Array<LexiconMatch<T>> {
    const out: Array<LexiconMatch<T>> = [];
    // Each word is normalised once, whichever lexicon looks at it first.
    const norm = words.map(wordNorm);
    for (let i = 0; i < words.length; i++) {
      const candidates = this.phrases.get(norm[i]!) ?? (norm[i]!.endsWith("'s") ? this.phrases.get(norm[i]!.slice(0, -2)) : undefined);
      const phrase = candidates && firstPhrase(candidates, i, words, norm, text);
      if (phrase) {
        out.push(phrase);
        i = phrase.to;
        continue;
      }
      const cm = this.compoundMatch(norm[i]!);
      if (cm) {
        const w = words[i]!;
        out.push({ payload: cm.payload, from: i, to: i, start: w.start, end: w.end, text: w.text, compound: cm.part });
      }
    }
    return out;
  }
}

/** Bits of a word filter (a power of two; 2 KB). */
const FILTER_BITS = 1 << 14;

/**
 * A set of words that answers "certainly not in it" for most other words without hashing them or looking them up in a
 * map: a bit per cheap key (the word's length and three of its characters). Equal words have equal keys, so a word
 * whose bit is clear is not in the set; a set bit says only "maybe" (ask the map).
 */
export class WordFilter {
  private readonly bits = new Uint32Array(FILTER_BITS >>> 5);

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const k = filterKey(word);
      this.bits[k >>> 5]! |= 1 << (k & 31);
    }
  }

  /** False: the word is not one of the filter's words. True: it may be. */
  mayHold(word: string): boolean {
    const k = filterKey(word);
    return (this.bits[k >>> 5]! & (1 << (k & 31))) !== 0;
  }
}

function filterKey(word: string): number {
  const n = word.length;
  return (Math.imul(word.charCodeAt(0) | 0, 0x9e3779b1) ^ Math.imul((word.charCodeAt(n - 1) | 0) + (n << 16), 0x85ebca6b) ^ Math.imul(word.charCodeAt(n >> 1) | 0, 0xc2b2ae35)) >>> 18;
}

interface PairNode {
  next: Map<string, PairNode>;
  /** The first payload of each lexicon's trie node at this place (undefined when that lexicon has none here). */
  payloads?: [unknown, unknown];
}

type Candidates = Array<{ words: string[]; payload: unknown }>;

/**
 * Two compiled lexicons matched in one pass over a sentence: each word is normalised, looked up and walked through the
 * compound tries once for both, and each lexicon's matches are exactly what its own `match` gives (the longest match at a
 * position wins, matches of one lexicon do not overlap; the two lexicons' matches may). Build it after the lexicons are
 * complete: it copies their indexes.
 */
export class LexiconPair<A, B> {
  private readonly phrases = new Map<string, [Candidates | undefined, Candidates | undefined]>();
  private readonly starts: PairNode = { next: new Map() };
  private readonly ends: PairNode = { next: new Map() };
  private readonly minCompound: [number, number];
  private readonly minAny: number;
  /** The first words of all phrases, for a quick "no" before the map. */
  private readonly firstWords: WordFilter;
  // Scratch of compoundMatch (one call at a time).
  private readonly bestLength: [number, number] = [0, 0];
  private readonly bestPayload: [unknown, unknown] = [undefined, undefined];
  private readonly bestPart: ['start' | 'end', 'start' | 'end'] = ['start', 'start'];

  constructor(a: Lexicon<A>, b: Lexicon<B>) {
    const parts = [a, b] as Array<Lexicon<unknown>>;
    parts.forEach((lex, p) => {
      for (const [word, list] of lex.phrases) {
        let e = this.phrases.get(word);
        if (!e) this.phrases.set(word, (e = [undefined, undefined]));
        e[p] = list;
      }
      copyTrie(lex.starts, this.starts, p);
      copyTrie(lex.ends, this.ends, p);
    });
    this.minCompound = [a.minCompound, b.minCompound];
    this.minAny = Math.min(a.minCompound, b.minCompound);
    this.firstWords = new WordFilter(this.phrases.keys());
  }

  /** The matches of the first and of the second lexicon in a run of words (one sentence), as `Lexicon.match` gives each. */
  match(words: Word[], text: string): [Array<LexiconMatch<A>>, Array<LexiconMatch<B>>] {
    const outs: [Array<LexiconMatch<unknown>>, Array<LexiconMatch<unknown>>] = [[], []];
    const norm = words.map(wordNorm);
    // The first word index at which each lexicon may match again (its matches do not overlap).
    const free = [0, 0];
    for (let i = 0; i < words.length; i++) {
      const wn = norm[i]!;
      const found = this.firstWords.mayHold(wn) ? this.phrases.get(wn) : undefined;
      let possessive: [Candidates | undefined, Candidates | undefined] | undefined | null = null;
      let compound = false;
      for (let p = 0; p < 2; p++) {
        if (i < free[p]!) continue;
        let candidates = found?.[p];
        if (!candidates && wn.endsWith("'s")) {
          if (possessive === null) {
            const stem = wn.slice(0, -2);
            possessive = this.firstWords.mayHold(stem) ? this.phrases.get(stem) : undefined;
          }
          candidates = possessive?.[p];
        }
        const phrase = candidates && firstPhrase(candidates, i, words, norm, text);
        if (phrase) {
          outs[p]!.push(phrase);
          free[p] = phrase.to + 1;
          continue;
        }
        if (wn.length < this.minCompound[p]! + MIN_COMPOUND_REST) continue;
        if (!compound) {
          this.compoundMatch(wn);
          compound = true;
        }
        if (this.bestLength[p]! > 0) {
          const w = words[i]!;
          outs[p]!.push({ payload: this.bestPayload[p], from: i, to: i, start: w.start, end: w.end, text: w.text, compound: this.bestPart[p]! });
        }
      }
    }
    return outs as [Array<LexiconMatch<A>>, Array<LexiconMatch<B>>];
  }

  /** Each lexicon's longest term at the start (or end) of a word that leaves a real word part over (as Lexicon's). */
  private compoundMatch(word: string): void {
    const bestLength = this.bestLength;
    bestLength[0] = 0;
    bestLength[1] = 0;
    if (word.length < this.minAny + MIN_COMPOUND_REST) return;
    let node: PairNode | undefined = this.starts;
    for (let i = 0; i < word.length && node; i++) {
      node = node.next.get(word[i]!);
      if (!node?.payloads) continue;
      let letters = -1;
      for (let p = 0; p < 2; p++) {
        if (node.payloads[p] === undefined || word.length < this.minCompound[p]! + MIN_COMPOUND_REST) continue;
        if (letters < 0) letters = letterCount(word.slice(i + 1));
        if (letters >= MIN_COMPOUND_REST && i + 1 > bestLength[p]!) {
          bestLength[p] = i + 1;
          this.bestPayload[p] = node.payloads[p];
          this.bestPart[p] = 'start';
        }
      }
    }
    node = this.ends;
    for (let i = word.length - 1; i >= 0 && node; i--) {
      node = node.next.get(word[i]!);
      if (!node?.payloads) continue;
      let letters = -1;
      for (let p = 0; p < 2; p++) {
        if (node.payloads[p] === undefined || word.length < this.minCompound[p]! + MIN_COMPOUND_REST) continue;
        if (letters < 0) letters = letterCount(word.slice(0, i));
        const len = word.length - i;
        if (letters >= MIN_COMPOUND_REST && len > bestLength[p]!) {
          bestLength[p] = len;
          this.bestPayload[p] = node.payloads[p];
          this.bestPart[p] = 'end';
        }
      }
    }
  }
}

/** Copies one lexicon's trie into a pair's, its first payload at each node as the pair's payload of that lexicon. */
function copyTrie(from: TrieNode<unknown>, to: PairNode, p: number): void {
  if (from.payloads) (to.payloads ??= [undefined, undefined])[p] = from.payloads[0];
  for (const [ch, child] of from.next) {
    let n = to.next.get(ch);
    if (!n) to.next.set(ch, (n = { next: new Map() }));
    copyTrie(child, n, p);
  }
}

/**
 * Whether the phrase `phrase` (normalised words, its first already matched at word i) goes on at words i+1…: each next
 * word the same (the last one may carry a possessive 's) and only white space between them.
 */
function phraseAt(phrase: readonly string[], i: number, words: Word[], norm: readonly string[], text: string): boolean {
  const n = phrase.length;
  if (i + n > words.length) return false;
  for (let k = 1; k < n; k++) {
    const w = norm[i + k]!;
    if (w !== phrase[k] && !(k === n - 1 && w.endsWith("'s") && w.slice(0, -2) === phrase[k])) return false;
    if (!/^\s+$/.test(text.slice(words[i + k - 1]!.end, words[i + k]!.start))) return false;
  }
  return true;
}

/** The match of the first candidate phrase that starts at word i (candidates in the lexicon's order of preference). */
function firstPhrase<T>(candidates: ReadonlyArray<{ words: string[]; payload: T }>, i: number, words: Word[], norm: readonly string[], text: string): LexiconMatch<T> | undefined {
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (!phraseAt(c.words, i, words, norm, text)) continue;
    const start = words[i]!.start;
    const to = i + c.words.length - 1;
    const end = words[to]!.end;
    return { payload: c.payload, from: i, to, start, end, text: text.slice(start, end) };
  }
  return undefined;
}
