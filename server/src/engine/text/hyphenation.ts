import patternsNl from 'hyphen/patterns/nl.js';

/**
 * The number of breaks the Dutch TeX hyphenation patterns put in a word, read straight from the
 * patterns the `hyphen` package ships (Liang's method over its trie), for the words that package
 * reads as one word: lower-case letters a–z, à–ÿ (not ÷) and the apostrophe. The package's own
 * function runs each word through a generic text reader (HTML tags, soft hyphens, word
 * boundaries), which was most of the time a Dutch document's first check spent on syllables;
 * this gives the same count (test/engine/hyphenation.test.ts compares both on every word of the
 * Dutch dev documents and on generated words). Other words: undefined, and the caller asks the
 * package.
 */

/** A node of the package's trie: a subtrie, a pattern (index into the level table), or both as [subtrie, index]. */
type TrieNode = Record<string, unknown> | number | [Record<string, unknown>, number];

const SIMPLE_WORD = /^[a-zß-öø-ÿ']+$/;
/** The package's shortest word to hyphenate (its default). */
const MIN_WORD_LENGTH = 5;

let levelTable: number[][] | undefined;
let trie: Record<string, unknown> | undefined;
let exceptions: Map<string, number> | undefined;
const counts = new Map<string, number>();

function load(): void {
  levelTable = patternsNl[0];
  trie = patternsNl[1];
  exceptions = new Map();
  for (const [word, breaks] of Object.entries(patternsNl[2])) exceptions.set(word, breaks.length);
}

/** Odd levels between the letters of `word` after applying every pattern that matches in ".word.". */
function breaksByPatterns(word: string): number {
  const marked = `.${word}.`;
  // One level per position of the word and one past its end, as the package counts them. A pattern
  // that reaches past the end adds positions whose level is NaN (never odd) and moves the end that
  // the package then clears, so the array grows here the same way.
  const levels: number[] = new Array(word.length + 1).fill(0);
  for (let from = 0; from + 3 <= marked.length; from++) {
    // The package places a pattern found at `from` at position from - 1, except the first (at 0).
    const at = from === 0 ? 0 : from - 1;
    let node: Record<string, unknown> | undefined = trie;
    for (let i = from; i < marked.length && node; i++) {
      const next = node[marked[i]!] as TrieNode | undefined;
      if (next === undefined) break;
      let pattern = -1;
      if (Array.isArray(next)) {
        node = next[0];
        pattern = next[1];
      } else if (typeof next === 'number') {
        node = undefined;
        pattern = next;
      } else node = next;
      if (pattern < 0) continue;
      const values = levelTable![pattern]!;
      for (let k = 0; k < values.length; k++) levels[at + k] = Math.max(values[k]!, levels[at + k]!);
    }
  }
  const n = levels.length;
  levels[0] = levels[1] = levels[n - 1] = levels[n - 2] = 0;
  let breaks = 0;
  for (const level of levels) if ((level & 1) === 1) breaks++;
  return breaks;
}

/** Breaks in a word of SIMPLE_WORD letters, remembered. */
function wordBreaks(lower: string): number {
  if (lower.length < MIN_WORD_LENGTH) return 0;
  const hit = counts.get(lower);
  if (hit !== undefined) return hit;
  if (!trie) load();
  const n = exceptions!.get(lower) ?? breaksByPatterns(lower);
  if (counts.size > 100_000) counts.clear();
  counts.set(lower, n);
  return n;
}

/**
 * What the package's text reader does not count as a letter: white space, ASCII punctuation and
 * digits except the apostrophe, and U+2013–U+203C (dashes, curly quotes, bullets).
 */
const NOT_LETTER = /[\s!-&(-@[-`{-~\u2013-\u203C]/;
const NOT_LETTERS = /[\s!-&(-@[-`{-~\u2013-\u203C]+/g;

/**
 * Soft hyphens the package would put in `lower` (a lower-case word), or undefined when the package
 * must be asked. The package hyphenates each run of letters of five or more in a text and leaves the
 * rest; a run of five or more non-letters at the end it would also try (never in words here: left to
 * it), and tags (`<`) and soft hyphens change how it reads: left to it too.
 */
export function dutchBreaks(lower: string): number | undefined {
  if (SIMPLE_WORD.test(lower)) return wordBreaks(lower);
  if (lower.indexOf('<') >= 0 || lower.indexOf('\u00AD') >= 0) return undefined;
  let total = 0;
  for (const run of lower.split(NOT_LETTERS)) {
    if (run === '') continue;
    if (!SIMPLE_WORD.test(run)) return undefined;
    total += wordBreaks(run);
  }
  let tail = 0;
  while (tail < lower.length && NOT_LETTER.test(lower[lower.length - 1 - tail]!)) tail++;
  return tail >= MIN_WORD_LENGTH ? undefined : total;
}
