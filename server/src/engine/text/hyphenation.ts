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
let exceptions: Map<string, number> | undefined;
const counts = new Map<string, number>();

/**
 * The package's trie, read once into flat arrays (speed only): each node's edges in a row of
 * `edgeSymbol` / `edgeChild` / `edgePattern` from `edgeStart[node]`, a symbol per letter the
 * patterns use (`symbolOf`, 0 for any other), node 0 the root. A walk over the package's objects
 * looked up a one-letter property name per step in ~7,700 objects of different shapes.
 */
let symbolOf: Uint8Array;
let edgeStart: Int32Array;
let edgeSymbol: Uint8Array;
/** The node an edge leads to, 0 where it ends (the root is no one's child). */
let edgeChild: Int32Array;
/** The pattern (index into the level table) an edge completes, -1 for none. */
let edgePattern: Int16Array;
/**
 * The edge for each symbol of the nodes near the root (the root and the nodes two steps from it at most, the first in
 * the numbering, which is breadth first), -1 for none: `denseEdge[node * symbolCount + symbol]`. Speed only: every
 * position of a word starts at the root, and those nodes have the most edges (the root 39, a node below it some 19, one
 * below that some 7), which the walk would otherwise scan one by one.
 */
let denseEdge: Int32Array;
/** Nodes with a row in denseEdge (0 … denseNodes - 1), and the row's length (symbols + 1: symbol 0 is none). */
let denseNodes = 0;
let symbolCount = 0;
/** How far from the root a node has a row in denseEdge. */
const DENSE_DEPTH = 2;
/** Levels of the word being read, reused (see breaksByPatterns). */
let levels = new Uint8Array(128);
/** Symbols of ".word." for the word being read, reused (see breaksByPatterns). */
let wordSymbols = new Uint8Array(128);

function load(): void {
  levelTable = patternsNl[0];
  exceptions = new Map();
  for (const [word, breaks] of Object.entries(patternsNl[2])) exceptions.set(word, breaks.length);
  symbolOf = new Uint8Array(256);
  let symbols = 0;
  const nodes: Array<Record<string, unknown>> = [patternsNl[1]];
  // Each node's distance from the root (the nodes are numbered breadth first: a child after every node before it).
  const depths: number[] = [0];
  const symbolList: number[] = [];
  const childList: number[] = [];
  const patternList: number[] = [];
  const starts: number[] = [];
  for (let n = 0; n < nodes.length; n++) {
    starts.push(symbolList.length);
    const node = nodes[n]!;
    for (const letter in node) {
      const code = letter.charCodeAt(0);
      if (letter.length !== 1 || code > 255) continue;
      if (symbolOf[code] === 0) symbolOf[code] = ++symbols;
      const next = node[letter] as TrieNode;
      let child = 0;
      let pattern = -1;
      if (Array.isArray(next)) {
        child = nodes.push(next[0]) - 1;
        depths[child] = depths[n]! + 1;
        pattern = next[1];
      } else if (typeof next === 'number') pattern = next;
      else {
        child = nodes.push(next) - 1;
        depths[child] = depths[n]! + 1;
      }
      symbolList.push(symbolOf[code]!);
      childList.push(child);
      patternList.push(pattern);
    }
  }
  starts.push(symbolList.length);
  edgeStart = Int32Array.from(starts);
  edgeSymbol = Uint8Array.from(symbolList);
  edgeChild = Int32Array.from(childList);
  edgePattern = Int16Array.from(patternList);
  symbolCount = symbols + 1;
  denseNodes = 0;
  while (denseNodes < nodes.length && depths[denseNodes]! <= DENSE_DEPTH) denseNodes++;
  denseEdge = new Int32Array(denseNodes * symbolCount).fill(-1);
  for (let node = 0; node < denseNodes; node++) for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) denseEdge[node * symbolCount + edgeSymbol[e]!] = e;
}

/** Odd levels between the letters of `word` after applying every pattern that matches in ".word.". */
function breaksByPatterns(word: string): number {
  const markedLength = word.length + 2;
  // One level per position of the word and one past its end, as the package counts them. A pattern
  // that reaches past the end adds positions whose level is NaN in the package (never odd) and moves
  // the end that the package then clears: `end` follows it, and only the word's own positions count.
  const own = word.length + 1;
  let end = own;
  if (levels.length < markedLength + 16) levels = new Uint8Array(2 * (markedLength + 16));
  levels.fill(0, 0, markedLength + 16);
  // The symbol of each character of ".word." (the dots at both ends), 0 for one the patterns do not use.
  if (wordSymbols.length < markedLength) wordSymbols = new Uint8Array(2 * markedLength);
  const symbols = wordSymbols;
  const dot = symbolOf[46]!;
  symbols[0] = dot;
  symbols[markedLength - 1] = dot;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    symbols[i + 1] = code < 256 ? symbolOf[code]! : 0;
  }
  for (let from = 0; from + 3 <= markedLength; from++) {
    // The package places a pattern found at `from` at position from - 1, except the first (at 0).
    const at = from === 0 ? 0 : from - 1;
    let node = 0;
    for (let i = from; i < markedLength; i++) {
      const symbol = symbols[i]!;
      if (symbol === 0) break;
      let e: number;
      if (node < denseNodes) {
        e = denseEdge[node * symbolCount + symbol]!;
        if (e < 0) break;
      } else {
        e = edgeStart[node]!;
        const last = edgeStart[node + 1]!;
        while (e < last && edgeSymbol[e] !== symbol) e++;
        if (e === last) break;
      }
      const pattern = edgePattern[e]!;
      if (pattern >= 0) {
        const values = levelTable![pattern]!;
        for (let k = 0; k < values.length; k++) if (values[k]! > levels[at + k]!) levels[at + k] = values[k]!;
        if (at + values.length > end) end = at + values.length;
      }
      node = edgeChild[e]!;
      if (node === 0) break;
    }
  }
  levels[0] = levels[1] = levels[end - 1] = levels[end - 2] = 0;
  let breaks = 0;
  for (let i = 0; i < own; i++) if ((levels[i]! & 1) === 1) breaks++;
  return breaks;
}

/** Breaks in a word of SIMPLE_WORD letters, remembered. */
function wordBreaks(lower: string): number {
  if (lower.length < MIN_WORD_LENGTH) return 0;
  const hit = counts.get(lower);
  if (hit !== undefined) return hit;
  if (!levelTable) load();
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
