/**
 * Cue patterns of the practice dictionaries, compiled to regular expressions. A pattern is a
 * lower-case phrase: a word ending in `*` matches any ending, `..` allows up to eight words in
 * between. Matches respect word boundaries (letters and digits of any script), so "raad" does not
 * match inside "voorraad" and "plan" not inside "planet".
 */
import { ContentCache } from '../cache.js';

const WORD = '[\\p{L}\\p{N}]';
/** What a word ending in `*` may continue with. */
const ENDING = "[\\p{L}\\p{N}'’-]*";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileOne(pattern: string): string {
  const parts = pattern.trim().toLowerCase().split(/\s+/);
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') {
      out.push('(?:[^\\s]+\\s+){0,8}?');
      continue;
    }
    const star = p.endsWith('*');
    const body = escape(star ? p.slice(0, -1) : p);
    out.push(star ? `${body}${ENDING}` : body);
  }
  // '..' already ends with whitespace: join with \s+ except after it.
  let re = '';
  for (let i = 0; i < out.length; i++) {
    re += out[i];
    if (i < out.length - 1 && parts[i] !== '..') re += '[\\s,;:]+';
  }
  return re;
}

/** One pattern with its word edges. */
function bounded(body: string): string {
  return `(?<!${WORD})${body}(?!${WORD})`;
}

/**
 * A literal word of a pattern that every match of it contains: its longest word (without the
 * `*`), which is rarer in prose than its first ("de", "we", "in"), so that fewer texts get past
 * the prefilter and fewer full expressions are compiled.
 */
function lead(pattern: string): string {
  let best = '';
  for (const w of pattern.trim().toLowerCase().split(/\s+/)) {
    const word = w.endsWith('*') ? w.slice(0, -1) : w;
    if (w !== '..' && word.length > best.length) best = word;
  }
  return escape(best);
}

/**
 * The bodies as one alternation, neighbours that end in a `*` ending sharing it:
 * `a[…]*|b[…]*` becomes `(?:a|b)[…]*`. Before the closing word edge the ending takes every
 * letter, digit, apostrophe and hyphen that follows, whichever neighbour matched, so the matches
 * are the same, and each ending left out is one Unicode class less for V8 to compile (about a
 * quarter of a millisecond each, paid at the first document that reaches the set).
 */
function alternation(bodies: string[]): string {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]! + ENDING);
    else if (run.length > 1) out.push(`(?:${run.join('|')})${ENDING}`);
    run = [];
  };
  for (const b of bodies) {
    if (b.endsWith(ENDING)) run.push(b.slice(0, -ENDING.length));
    else {
      flush();
      out.push(b);
    }
  }
  flush();
  return out.join('|');
}

type Found = { text: string; index: number; pattern: string };

/*
 * The matcher without regular expressions. Compiling the sets' expressions was the largest part of a
 * cold start (each `[\p{L}\p{N}]` class under the `iu` flags costs V8 up to a millisecond, and a set
 * that matches anything pays for all of its own at the first document). The patterns are a small
 * language (literal words, `*` endings, `..` gaps), so they are matched here directly, with exactly
 * the semantics of the expression above: the leftmost start, at a start the first pattern in order
 * that matches, inside a pattern the same greedy and lazy choices in the same order, the same word
 * edges and case-insensitivity. test/practice/patterns.test.ts holds both against each other on
 * generated text and the dictionaries' own sets. A set with a pattern outside that language as
 * handled here (a character whose case folding is not plain lower-casing, a word starting with a
 * non-letter, a gap first or last) keeps the expression.
 */

const enum Kind {
  Word,
  Sep,
  Gap,
}
type Element = { kind: Kind.Word; chars: string; star: boolean } | { kind: Kind.Sep } | { kind: Kind.Gap };
/** A pattern's elements and the folded first two characters of its first word (second: -1 for a one-letter word). */
type Compiled = { first: number; second: number; elements: Element[] };
type Candidates = { index: number[]; elements: Element[][] };

/** Characters of a pattern word that, under the `iu` flags, match exactly what lower-casing matches. */
const PLAIN = /^[a-z0-9\u00df-\u00f6\u00f8-\u00ff!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/;

function elementsOf(pattern: string): Compiled | undefined {
  const parts = pattern.trim().toLowerCase().split(/\s+/);
  if (parts[0] === '..' || parts[parts.length - 1] === '..') return undefined;
  const elements: Element[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === '..') {
      if (parts[i + 1] === '..') return undefined;
      elements.push({ kind: Kind.Gap });
      continue;
    }
    const star = p.endsWith('*');
    const chars = star ? p.slice(0, -1) : p;
    if (!chars || !PLAIN.test(chars)) return undefined;
    if (!/^[a-z0-9\u00df-\u00f6\u00f8-\u00ff]/.test(chars)) return undefined;
    elements.push({ kind: Kind.Word, chars, star });
    if (i < parts.length - 1) elements.push({ kind: Kind.Sep });
  }
  const w = elements[0] as { kind: Kind.Word; chars: string };
  return { first: w.chars.charCodeAt(0), second: w.chars.length > 1 ? w.chars.charCodeAt(1) : -1, elements };
}

let wordClass: RegExp | undefined;
const wordCache = new Map<number, boolean>();
/** Whether a code point is in `[\p{L}\p{N}]` under the `iu` flags, as the expressions read it. */
function isWord(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  let r = wordCache.get(cp);
  if (r === undefined) wordCache.set(cp, (r = (wordClass ??= /^[\p{L}\p{N}]$/iu).test(String.fromCodePoint(cp))));
  return r;
}

/** isWord() of the ASCII characters, as a table. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0));

const isEnding = (cp: number) => cp === 39 || cp === 45 || cp === 0x2019 || isWord(cp);
/** `\s` of JavaScript's expressions. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isSep = (c: number) => isSpace(c) || c === 44 || c === 59 || c === 58;

const foldCache = new Map<number, number>();
/** A code unit as case-insensitive matching compares it with the patterns' characters (see PLAIN). */
function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let r = foldCache.get(c);
  if (r === undefined) {
    const lower = String.fromCharCode(c).toLowerCase();
    foldCache.set(c, (r = c === 0x17f ? 115 : lower.length === 1 ? lower.charCodeAt(0) : c));
  }
  return r;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The code point before position i (a surrogate pair as one), or -1 at the start. */
function codePointBefore(t: string, i: number): number {
  if (i <= 0) return -1;
  const lo = t.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = t.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** Where a text's words start (a letter or digit after none), with the folded first character: [position, character, …] in out; returns the count of numbers written and the buffer (grown if needed). */
function fillStarts(t: string, out: Int32Array): [Int32Array, number] {
  let n = 0;
  let prev = false;
  for (let i = 0; i < t.length; ) {
    // An ASCII character by its code unit (most of a text), another by its code point.
    const c = t.charCodeAt(i);
    const cp = c < 128 ? c : t.codePointAt(i)!;
    const w = c < 128 ? ASCII_WORD[c] === 1 : isWord(cp);
    if (w && !prev) {
      if (n + 2 > out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[n++] = i;
      out[n++] = fold(t.charCodeAt(i));
    }
    prev = w;
    i += cp > 0xffff ? 2 : 1;
  }
  return [out, n];
}

/** A text's word starts in an array of its own (see fillStarts). */
function wordStarts(t: string): Starts {
  const [buffer, n] = fillStarts(t, new Int32Array(Math.max(8, t.length)));
  return { buffer, n };
}

/** Word starts: buffer[0..n) as [position, folded first character, …]. */
type Starts = { buffer: Int32Array; n: number };

/** The end of a match of elements[k..] at pos followed by a word edge, or -1; the expression's choices in its order. */
function matchAt(el: Element[], k: number, pos: number, t: string): number {
  if (k === el.length) return pos < t.length && isWord(t.codePointAt(pos)!) ? -1 : pos;
  const e = el[k]!;
  if (e.kind === Kind.Word) {
    const s = e.chars;
    if (pos + s.length > t.length) return -1;
    for (let j = 0; j < s.length; j++) if (fold(t.charCodeAt(pos + j)) !== s.charCodeAt(j)) return -1;
    const start = pos + s.length;
    if (!e.star) return matchAt(el, k + 1, start, t);
    // [\p{L}\p{N}'’-]*, greedy: the longest run first, then one code point less at a time (stepping back over a
    // surrogate pair as the run was read forward: a low surrogate after a high one in the run is one code point with it).
    let p = start;
    while (p < t.length) {
      const cp = t.codePointAt(p)!;
      if (!isEnding(cp)) break;
      p += cp > 0xffff ? 2 : 1;
    }
    for (;;) {
      const r = matchAt(el, k + 1, p, t);
      if (r >= 0) return r;
      if (p === start) return -1;
      p -= p - 2 >= start && isLow(t.charCodeAt(p - 1)) && isHigh(t.charCodeAt(p - 2)) ? 2 : 1;
    }
  }
  if (e.kind === Kind.Sep) {
    // [\s,;:]+, greedy (all of them single code units).
    let p = pos;
    while (p < t.length && isSep(t.charCodeAt(p))) p++;
    for (let q = p; q > pos; q--) {
      const r = matchAt(el, k + 1, q, t);
      if (r >= 0) return r;
    }
    return -1;
  }
  return gap(el, k, pos, t, 0);
}

/**
 * (?:[^\s]+\s+){0,8}?, lazy: the rest first, then one more word and its spaces. [^\s]+ can end only where the word
 * does (\s+ must follow): the word is read to its end, and the spaces after it given back one at a time.
 */
function gap(el: Element[], k: number, pos: number, t: string, n: number): number {
  const r = matchAt(el, k + 1, pos, t);
  if (r >= 0 || n === 8) return r;
  let w = pos;
  while (w < t.length) {
    const cp = t.codePointAt(w)!;
    if (cp <= 0xffff && isSpace(cp)) break;
    w += cp > 0xffff ? 2 : 1;
  }
  if (w === pos) return -1;
  let s = w;
  while (s < t.length && isSpace(t.charCodeAt(s))) s++;
  for (let q = s; q > w; q--) {
    const r2 = gap(el, k, q, t, n + 1);
    if (r2 >= 0) return r2;
  }
  return -1;
}

/**
 * Results of every pattern set on a text, by text: the practice analysis runs some forty sets
 * over each sentence of the document at every check, and after an edit almost every sentence
 * is one it saw before (the language server re-checks a long document at each keystroke).
 * A row holds, per set, whether find() was asked and whether it found a match, as two bits; the
 * matches themselves (few: most sets find nothing in most sentences) as [set id, match] pairs.
 * (A row with a slot per set was ~850 bytes a text: 6–9 MB for a 100,000-word document.)
 */
class Row {
  /** Per set: word 2k holds whether sets BITS·k… were asked, word 2k+1 whether they found a match. */
  readonly bits: number[];
  /** The matches found: set id, match, set id, match… */
  found: Array<number | Found> | undefined = undefined;

  constructor(sets: number) {
    this.bits = new Array<number>(2 * Math.ceil(sets / BITS)).fill(0);
  }
}
/** Sets per word of a row (small integers stay unboxed). */
const BITS = 30;
/**
 * The memo's bound (mem18): least recently used first, at most 10,000 texts and 2,000,000 characters. It held up to
 * 30,000 texts in the order they came: in the language server, a 100,000-word document's ~6,800 sentences and, at
 * each edit, the edited sentence's new version, the old one staying (+0.6 MB per 100 edits, ~20 MB when full). The
 * bound still holds every sentence of a document of that size, so a whole check again (other settings, a second
 * round of a benchmark) finds them all; past it, the texts asked about longest ago go (old versions among them),
 * while those of the block being edited, asked at every edit, stay.
 */
export const MEMO_TEXTS = 10_000;
const MEMO_CHARACTERS = 2_000_000;
const memoOf = (texts: number, characters: number) => new ContentCache<Row>(texts, { refresh: true, maxWeight: characters, weigh: (text) => text.length });
let memo = memoOf(MEMO_TEXTS, MEMO_CHARACTERS);
/**
 * A smaller bound for a process that keeps each block's units between checks and asks the memo about the edited
 * blocks' texts only (the language server: lsp/server.ts): the memo then serves the texts being edited, and a
 * 100,000-word document's sentences, each answered once at the first check, need not all stay. Empties the memo.
 */
export function limitMemo(texts: number, characters: number): void {
  memo = memoOf(texts, characters);
  last.text = '';
  last.row = undefined;
  last.starts = undefined;
}
/** For tests: how many texts the memo holds. */
export function memoSize(): number {
  return memo.size;
}
let nextId = 0;
/**
 * The text asked about last (several sets in a row ask about one text): its memo row and its word starts, these in a
 * buffer reused from text to text (only the last text's starts are ever needed).
 */
const last: { text: string; row: Row | undefined; starts: Starts | undefined } = { text: '', row: undefined, starts: undefined };
let startsBuffer: Int32Array = new Int32Array(256);

/** Word starts of the text asked about last. */
function startsOf(text: string): Starts {
  if (text !== last.text) {
    last.text = text;
    last.row = undefined;
    last.starts = undefined;
  }
  if (!last.starts) {
    const [buffer, n] = fillStarts(text, startsBuffer);
    startsBuffer = buffer;
    last.starts = { buffer, n };
  }
  return last.starts;
}

/**
 * Sets asked about the same texts (a practice lexicon's), answering together which of them can match a text at all:
 * one pass over the text's word starts tries, at each, the distinct first words of the sets' patterns that begin with
 * its first two characters, so a set none of whose first words occurs at a word start of the text (most sets, for
 * most sentences) answers without a search of its own. Speed only: a set that passes searches as before.
 */
export class PatternGroup {
  private size = 0;
  /** 32-bit words per set mask. */
  private words = 0;
  /** Per ASCII pair (first · 128 + next): the first words of one or two characters that start with it (a one-letter word: with every next). */
  private pairs: Array<FirstWord[] | undefined> = [];
  /**
   * The first words of three characters or more, by their ASCII pair and their third character ((pair · 65536) + third): a
   * start tries only those that go on as the text does (a pair such as "be" or "co" starts some twenty of a
   * lexicon's first words), and a third character that none has is passed over.
   */
  private triples = new Map<number, FirstWord[]>();
  /** The same per ASCII pair as an array by an ASCII third character (undefined: no first word of three characters or more starts with the pair). */
  private thirds: Array<Array<FirstWord[] | undefined> | undefined> = [];
  /** Per ASCII character: the one-letter first words, for a start at the text's last character. */
  private ends: Array<FirstWord[] | undefined> = [];
  /** Sets with a first word that starts with a non-ASCII character or has one second, or a one-letter one (a start at a non-ASCII pair), and sets matched by expression (always). */
  private wide = new Int32Array(0);
  private always = new Int32Array(0);
  private readonly members: Array<{ slot: number; first: Array<{ chars: string; star: boolean }> | undefined }> = [];
  /** The last text's possible sets, and how many members that answer knew. */
  private text = '';
  private known = -1;
  private mask = new Int32Array(0);
  /** Per slot set in mask: the index into the text's word starts of the first start where it may match. */
  private firstAt = new Int32Array(0);

  /** A new member's slot. */
  join(): number {
    return this.size++;
  }

  /** A member compiled: its patterns' first words (undefined for a set matched by expression). */
  add(slot: number, first: Array<{ chars: string; star: boolean }> | undefined): void {
    this.members.push({ slot, first });
    if (slot >= this.words * 32) {
      this.words = Math.ceil(this.size / 32);
      this.pairs = new Array<FirstWord[] | undefined>(128 * 128);
      this.ends = new Array<FirstWord[] | undefined>(128);
      this.triples = new Map();
      this.thirds = new Array<Array<FirstWord[] | undefined> | undefined>(128 * 128);
      this.wide = new Int32Array(this.words);
      this.always = new Int32Array(this.words);
      this.mask = new Int32Array(this.words);
      this.firstAt = new Int32Array(this.words * 32);
      for (const m of this.members) this.fill(m.slot, m.first);
    } else this.fill(slot, first);
    this.known = -1;
  }

  private fill(slot: number, first: Array<{ chars: string; star: boolean }> | undefined): void {
    const w = slot >> 5;
    const bit = 1 << (slot & 31);
    if (!first) {
      this.always[w]! |= bit;
      return;
    }
    const enter = (table: Array<FirstWord[] | undefined> | Map<number, FirstWord[]>, key: number, chars: string, star: boolean) => {
      let list = Array.isArray(table) ? table[key] : table.get(key);
      if (!list) {
        list = [];
        if (Array.isArray(table)) table[key] = list;
        else table.set(key, list);
      }
      let e = list.find((x) => x.chars === chars && x.star === star);
      if (!e) list.push((e = { chars, star, mask: new Int32Array(this.words), one: slot }));
      else if (e.one !== slot) e.one = -1;
      e.mask[w]! |= bit;
    };
    for (const { chars, star } of first) {
      const c0 = chars.charCodeAt(0);
      const c1 = chars.length > 1 ? chars.charCodeAt(1) : -1;
      if (c1 < 0 || c0 >= 128 || c1 >= 128) this.wide[w]! |= bit;
      if (c0 >= 128 || c1 >= 128) continue;
      if (chars.length > 2) {
        const c2 = chars.charCodeAt(2);
        const byThird = (this.thirds[c0 * 128 + c1] ??= new Array<FirstWord[] | undefined>(128));
        enter(c2 < 128 ? byThird : this.triples, c2 < 128 ? c2 : (c0 * 128 + c1) * 0x10000 + c2, chars, star);
      } else if (c1 >= 0) enter(this.pairs, c0 * 128 + c1, chars, star);
      else {
        for (let next = 0; next < 128; next++) enter(this.pairs, c0 * 128 + next, chars, star);
        enter(this.ends, c0, chars, star);
      }
    }
  }

  /**
   * Where the member in `slot` (compiled) may first match in the text: an index into its word starts (startsOf), no
   * match starting at an earlier one; -1 for none anywhere.
   */
  firstStart(slot: number, text: string): number {
    if (text !== this.text || this.known !== this.members.length) {
      this.text = text;
      this.known = this.members.length;
      const { pairs, ends, wide, triples, thirds } = this;
      this.mask.fill(0);
      this.mark(this.always, 0);
      const { buffer, n } = startsOf(text);
      for (let s = 0; s < n; s += 2) {
        const p = buffer[s]!;
        const c0 = buffer[s + 1]!;
        const c1 = p + 1 < text.length ? fold(text.charCodeAt(p + 1)) : -1;
        if (c0 >= 128 || c1 >= 128) {
          this.mark(wide, s);
          continue;
        }
        const list = c1 < 0 ? ends[c0] : pairs[c0 * 128 + c1];
        if (list) {
          for (let k = 0; k < list.length; k++) {
            const e = list[k]!;
            if (this.adds(e) && firstWordAt(e, p, text)) this.mark(e.mask, s);
          }
        }
        const byThird = c1 < 0 || p + 2 >= text.length ? undefined : thirds[c0 * 128 + c1];
        if (!byThird) continue;
        const c2 = fold(text.charCodeAt(p + 2));
        const long = c2 < 128 ? byThird[c2] : triples.get((c0 * 128 + c1) * 0x10000 + c2);
        if (long) {
          for (let k = 0; k < long.length; k++) {
            const e = long[k]!;
            if (this.adds(e) && firstWordAt(e, p, text)) this.mark(e.mask, s);
          }
        }
      }
    }
    return (this.mask[slot >> 5]! & (1 << (slot & 31))) !== 0 ? this.firstAt[slot]! : -1;
  }

  /** Whether some of the sets are not in the text's mask yet (a first word whose sets all are need not be compared again). */
  private adds(e: FirstWord): boolean {
    const mask = this.mask;
    if (e.one >= 0) return (mask[e.one >> 5]! & (1 << (e.one & 31))) === 0;
    const sets = e.mask;
    for (let k = 0; k < mask.length; k++) if ((sets[k]! & ~mask[k]!) !== 0) return true;
    return false;
  }

  /** Adds sets to the text's mask, those new to it with the start s. */
  private mark(sets: Int32Array, s: number): void {
    const mask = this.mask;
    for (let k = 0; k < mask.length; k++) {
      let fresh = sets[k]! & ~mask[k]!;
      if (fresh === 0) continue;
      mask[k]! |= fresh;
      while (fresh !== 0) {
        const low = fresh & -fresh;
        this.firstAt[k * 32 + 31 - Math.clz32(low)] = s;
        fresh ^= low;
      }
    }
  }
}

/** A distinct first word of a group's patterns, with the sets that have a pattern starting with it. */
type FirstWord = { chars: string; star: boolean; mask: Int32Array; /** The one set's slot when only one set has it, else -1. */ one: number };

/** Whether the first word's characters are at pos, folded, and a word without `*` ends there (any match of its patterns starts so). */
function firstWordAt(e: FirstWord, pos: number, t: string): boolean {
  const s = e.chars;
  if (pos + s.length > t.length) return false;
  for (let j = 2; j < s.length; j++) if (fold(t.charCodeAt(pos + j)) !== s.charCodeAt(j)) return false;
  const end = pos + s.length;
  return e.star || end >= t.length || !isWord(t.codePointAt(end)!);
}

export class PatternSet {
  readonly patterns: string[];
  /**
   * Patterns by the first two folded characters of their first word (a one-letter first word: in
   * every list of its letter, and alone by its letter), each list in the patterns' order: a start
   * in the text tries only the patterns that can match there.
   */
  private byTwo: Map<number, Candidates> | undefined;
  private byOne: Map<number, Candidates> | undefined;
  /**
   * Speed only: a bit per pair of ASCII characters (first · 128 + next) at which some pattern may start (a list in
   * byTwo or in byOne), and per ASCII character for a start at the end of the text, so that most word starts are
   * passed over without a look-up in either map.
   */
  private pairBits: Uint32Array | undefined;
  private oneBits: Uint32Array | undefined;
  /** The expression, for a set the matcher above does not take (see elementsOf). */
  private expression: RegexMatcher | undefined;
  private readonly id = nextId++;
  /** Where the set's bits are in a memo row (see Row). */
  private readonly word = 2 * Math.floor(this.id / BITS);
  private readonly bit = 1 << this.id % BITS;

  /** The group the set answers with (see PatternGroup), and its slot there. */
  private readonly group: PatternGroup | undefined;
  private readonly slot: number;

  constructor(patterns: string[] = [], group?: PatternGroup) {
    this.patterns = patterns;
    this.group = patterns.length ? group : undefined;
    this.slot = this.group ? this.group.join() : -1;
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Compiled at the first text: a few string operations per pattern, no expression. */
  private compile(): void {
    const byTwo = new Map<number, Candidates>();
    const byOne = new Map<number, Candidates>();
    const add = (map: Map<number, Candidates>, key: number, i: number, el: Element[]) => {
      let c = map.get(key);
      if (!c) map.set(key, (c = { index: [], elements: [] }));
      c.index.push(i);
      c.elements.push(el);
    };
    const compiled: Compiled[] = [];
    for (let i = 0; i < this.patterns.length; i++) {
      const c = elementsOf(this.patterns[i]!);
      if (!c) {
        this.expression = new RegexMatcher(this.patterns);
        this.group?.add(this.slot, undefined);
        return;
      }
      compiled.push(c);
    }
    for (let i = 0; i < compiled.length; i++) {
      const { first, second, elements } = compiled[i]!;
      if (second < 0) add(byOne, first, i, elements);
      else add(byTwo, first * 0x10000 + second, i, elements);
    }
    // One-letter first words belong in every list of their letter, in order.
    for (const [key, c] of byTwo) {
      const one = byOne.get(Math.floor(key / 0x10000));
      if (!one) continue;
      const order = [...c.index.map((i, k) => [i, c.elements[k]!] as const), ...one.index.map((i, k) => [i, one.elements[k]!] as const)].sort((a, b) => a[0] - b[0]);
      byTwo.set(key, { index: order.map((x) => x[0]), elements: order.map((x) => x[1]) });
    }
    this.byTwo = byTwo;
    this.byOne = byOne;
    const pairBits = new Uint32Array((128 * 128) / 32);
    const oneBits = new Uint32Array(128 / 32);
    for (const key of byOne.keys()) {
      if (key >= 128) continue;
      oneBits[key >> 5]! |= 1 << (key & 31);
      for (let next = 0; next < 128; next++) pairBits[(key * 128 + next) >> 5]! |= 1 << ((key * 128 + next) & 31);
    }
    for (const key of byTwo.keys()) {
      const first = Math.floor(key / 0x10000);
      const next = key % 0x10000;
      if (first >= 128 || next >= 128) continue;
      pairBits[(first * 128 + next) >> 5]! |= 1 << ((first * 128 + next) & 31);
    }
    this.pairBits = pairBits;
    this.oneBits = oneBits;
    this.group?.add(
      this.slot,
      compiled.map((c) => c.elements[0] as { chars: string; star: boolean }),
    );
  }

  /** The leftmost match at or after `from`, the first pattern in order there: [index, end, pattern index] or undefined. */
  private search(text: string, starts: Starts, from: number, only?: number, firstStart = 0): [number, number, number] | undefined {
    const byTwo = this.byTwo!;
    const byOne = this.byOne!;
    const pairBits = this.pairBits!;
    const oneBits = this.oneBits!;
    const { buffer, n } = starts;
    for (let s = firstStart; s < n; s += 2) {
      const p = buffer[s]!;
      if (p < from) continue;
      const c0 = buffer[s + 1]!;
      const c1 = p + 1 < text.length ? fold(text.charCodeAt(p + 1)) : -1;
      if (c0 < 128 && c1 < 128) {
        // No pattern starts with these two characters (or this one, at the end): the maps would give nothing.
        if (c1 < 0 ? (oneBits[c0 >> 5]! & (1 << (c0 & 31))) === 0 : (pairBits[(c0 * 128 + c1) >> 5]! & (1 << ((c0 * 128 + c1) & 31))) === 0) continue;
      }
      const c = (c1 >= 0 ? byTwo.get(c0 * 0x10000 + c1) : undefined) ?? byOne.get(c0);
      if (!c) continue;
      const { index, elements } = c;
      for (let k = 0; k < index.length; k++) {
        if (only !== undefined && index[k] !== only) continue;
        const end = matchAt(elements[k]!, 0, p, text);
        if (end >= 0) return [p, end, index[k]!];
      }
    }
    return undefined;
  }

  private row(text: string): Row {
    // Callers ask several sets about one text in a row: the last row answers without a look-up.
    if (text === last.text && last.row) return last.row;
    let row = memo.get(text);
    if (!row) memo.set(text, (row = new Row(nextId)));
    if (text !== last.text) {
      last.text = text;
      last.starts = undefined;
    }
    last.row = row;
    return row;
  }

  /** find() through the memo: the match, or null for none. */
  private answer(text: string): Found | null {
    // A set none of whose first words starts a word of the text (most sets, for most texts) answers from the group's
    // pass over the text, without a memo row: a text no set can match gets none (no row, no copy of it as a key).
    if (this.group) {
      if (!this.byTwo && !this.expression) this.compile();
      if (this.group.firstStart(this.slot, text) < 0) return null;
    }
    const row = this.row(text);
    const bits = row.bits;
    const word = this.word;
    const bit = this.bit;
    // A set made after the row (another lexicon loaded since) widens it.
    while (bits.length <= word + 1) bits.push(0);
    if ((bits[word]! & bit) !== 0) {
      if ((bits[word + 1]! & bit) === 0) return null;
      const f = row.found!;
      for (let i = 0; i < f.length; i += 2) if (f[i] === this.id) return f[i + 1] as Found;
    }
    const r = this.findUncached(text) ?? null;
    bits[word] = bits[word]! | bit;
    if (r) {
      bits[word + 1] = bits[word + 1]! | bit;
      (row.found ??= []).push(this.id, r);
    }
    return r;
  }

  test(text: string): boolean {
    if (this.empty) return false;
    return this.answer(text) !== null;
  }

  /**
   * test() for a text no other set of the group is asked about (a block's whole text): searched by this set alone from
   * its first word start, without the group's pass over the text for all its sets and without the memo (a row, and a
   * copy of the text as its key). The same answer as test().
   */
  lone(text: string): boolean {
    if (this.empty) return false;
    if (!this.byTwo && !this.expression) this.compile();
    if (this.expression) return this.expression.find(text) !== undefined;
    return this.search(text, startsOf(text), 0) !== undefined;
  }

  /** The first match: its text and position. */
  find(text: string): Found | undefined {
    if (this.empty) return undefined;
    return this.answer(text) ?? undefined;
  }

  private findUncached(text: string): Found | undefined {
    if (!this.byTwo && !this.expression) this.compile();
    if (this.expression) return this.expression.find(text);
    const at = this.group ? this.group.firstStart(this.slot, text) : 0;
    if (at < 0) return undefined;
    const m = this.search(text, startsOf(text), 0, undefined, at);
    if (!m) return undefined;
    const [index, end] = m;
    return new Match(this, text.slice(index, end), index);
  }

  /** Which pattern matched, as the expression named it: the first pattern that matches anywhere in the match's text. */
  patternOf(found: string): string {
    const starts = wordStarts(found);
    return this.patterns[this.patterns.findIndex((_p, i) => this.search(found, starts, 0, i) !== undefined)] ?? '';
  }

  /** Number of matches in the text (non-overlapping). */
  count(text: string): number {
    if (this.empty) return 0;
    if (!this.byTwo && !this.expression) this.compile();
    if (this.expression) return this.expression.count(text);
    const at = this.group ? this.group.firstStart(this.slot, text) : 0;
    if (at < 0) return 0;
    const starts = startsOf(text);
    let n = 0;
    for (let from = 0, m = this.search(text, starts, from, undefined, at); m; m = this.search(text, starts, from, undefined, at)) {
      n++;
      from = m[1];
    }
    return n;
  }
}

/** A match of a set (the matcher's): its pattern worked out when asked for (rarely: the analysis reads text and index). */
class Match {
  readonly #set: PatternSet;
  #pattern: string | undefined = undefined;

  constructor(set: PatternSet, readonly text: string, readonly index: number) {
    this.#set = set;
  }

  get pattern(): string {
    return (this.#pattern ??= this.#set.patternOf(this.text));
  }
}

/**
 * The cue patterns as one regular expression (the definition of what a set matches; the matcher
 * above is held against it by the tests, and a set it does not take is matched with it).
 */
export class RegexMatcher {
  readonly patterns: string[];
  private readonly bodies: string[];
  /**
   * A word of each pattern (lead()) only, without word edges: cheap to compile, and a text it does not
   * match cannot match any pattern. The full expression is compiled the first time a text gets
   * past it.
   */
  private readonly prefilter: RegExp | undefined;
  private full: RegExp | undefined;
  private readonly each: Array<RegExp | undefined> = [];
  private readonly leads: Array<RegExp | undefined> = [];
  private global: RegExp | undefined;

  constructor(patterns: string[]) {
    this.patterns = patterns;
    this.bodies = patterns.map(compileOne);
    this.prefilter = patterns.length ? new RegExp(`(?:${patterns.map(lead).join('|')})`, 'iu') : undefined;
  }

  /**
   * All patterns as one expression. The word edges stand once around the alternation: the same
   * matches as each pattern with its own edges, with two classes to compile instead of two per pattern.
   */
  private get re(): RegExp | undefined {
    if (!this.prefilter) return undefined;
    return (this.full ??= new RegExp(bounded(`(?:${alternation(this.bodies)})`), 'iu'));
  }

  /** Pattern i on its own, compiled when first needed. */
  private one(i: number): RegExp {
    return (this.each[i] ??= new RegExp(bounded(this.bodies[i]!), 'iu'));
  }

  /** Whether pattern i matches in the text; its literal word is tried first (cheap to compile), the pattern only when that is there. */
  private matches(i: number, text: string): boolean {
    return (this.leads[i] ??= new RegExp(lead(this.patterns[i]!), 'iu')).test(text) && this.one(i).test(text);
  }

  find(text: string): Found | undefined {
    if (!this.prefilter?.test(text)) return undefined;
    const m = this.re!.exec(text);
    if (!m) return undefined;
    const set = this;
    let pattern: string | undefined;
    return {
      text: m[0],
      index: m.index,
      get pattern() {
        return (pattern ??= set.patterns[set.patterns.findIndex((_p, i) => set.matches(i, m[0]))] ?? '');
      },
    };
  }

  count(text: string): number {
    if (!this.prefilter || !this.prefilter.test(text)) return 0;
    const g = (this.global ??= new RegExp(this.re!.source, 'giu'));
    g.lastIndex = 0;
    let n = 0;
    while (g.exec(text)) n++;
    return n;
  }
}
