import { ParseDutch } from 'parse-dutch';
import { ParseEnglish } from 'parse-english';
import type { Language } from '../types.js';
import { wordSet } from './lexicon.js';
import { lowerOf, sharedWord, type SharedWord } from './syllables.js';

export type TokenKind = 'word' | 'punct' | 'space' | 'symbol';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

export interface Word {
  /** Offsets in the block text. */
  start: number;
  end: number;
  text: string;
  /** Lower case, for look-ups. */
  lower: string;
  letters: number;
  /** No letters at all: 2023, 5,3. */
  isNumber: boolean;
  /** All capitals, two or more letters: UWV, CBS, NEET. */
  isAcronym: boolean;
  capitalised: boolean;
  /** Normal form for dictionary look-ups, filled in by the first lexicon that needs it. */
  norm?: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** All tokens, spaces and punctuation included. Only block rules and analyzers see them: the cache drops them afterwards. */
  tokens: Token[];
  words: Word[];
}

interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
}

/**
 * retext's parsers (parse-latin under parse-dutch and parse-english) with two of their steps done
 * without the garbage they make, to the same tree as far as this module reads it (node types, order,
 * nesting and offsets; test/engine/sentence-parser.test.ts compares both on many texts):
 * - `tokenize` gives the nodes no position: the parsers' steps decide on node types and values only, and move a
 *   position along only when the nodes have one (the package makes three point objects of line, column and offset per
 *   word, and a position object per node). The tree holds every character of the text once, in order (each leaf's
 *   value is its slice of the text, and the steps move and nest nodes, never change a value), so sentencesOf reads
 *   each node's offsets off the lengths of the leaves before it (and sentenceTree gives the tests the same offsets).
 *   It classifies a character once per code unit (the package runs up to three expressions per character).
 * - the paragraph step that breaks a sentence at a blank line (breakImplicitSentences) splits every
 *   white space of every sentence into an array of lines to count them; here the line breaks are
 *   counted in place.
 * The root step (one paragraph per run of lines) is skipped: it only groups the sentences, which
 * sentencesOf reads in order either way. So is the last step of the sentence and of the paragraph (patchPosition, a
 * call per child): it copies positions from children, and no node has one (see tokenize).
 */
interface LatinParser {
  tokenize(value: string): unknown[];
  tokenizeParagraph(value: string): unknown;
  tokenizeParagraphPlugins: Array<(node: unknown) => void>;
  tokenizeSentencePlugins: Array<(node: unknown) => void>;
}

interface ParagraphNode {
  type: string;
  children: Array<{ type: string; value?: string; children?: unknown[] }>;
}

const LATIN = Object.getPrototypeOf(ParseDutch.prototype) as LatinParser;
const WHITE_SPACE = 1;
const PUNCTUATION = 2;
const WORD = 3;
const NODE_TYPES = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'];
/** The package's class of each UTF-16 code unit (0: not asked yet), asked of the package itself. */
const charClasses = new Uint8Array(65536);

function classOf(code: number): number {
  let c = charClasses[code]!;
  if (c === 0) {
    const node = LATIN.tokenize.call(undefined, String.fromCharCode(code))[0] as { type: string };
    c = NODE_TYPES.indexOf(node.type);
    charClasses[code] = c;
  }
  return c;
}

/**
 * A leaf of the tree that is also the token flatten gives for it (see LeafToken): `start` is its offset in the text
 * tokenize was given, which is the paragraph's (parse-latin tokenizes the whole paragraph once).
 */
function latinNode(cls: number, value: string, start: number): unknown {
  const end = start + value.length;
  if (cls === WORD) return { type: 'WordNode', children: [{ type: 'TextNode', value, kind: 'word', start, end, text: value }] };
  // A symbol token's text is its slice of the text, which is the leaf's value (tokenize makes each leaf its slice).
  return { type: NODE_TYPES[cls], value, kind: cls === WHITE_SPACE ? 'space' : cls === PUNCTUATION ? 'punct' : 'symbol', start, end, text: cls === WHITE_SPACE ? ' ' : value };
}

/** parse-latin's `tokenize`: runs of word characters, of white space, and of one repeated punctuation mark or symbol. */
function tokenize(value: string): unknown[] {
  const children: unknown[] = [];
  if (!value) return children;
  let from = 0;
  let previousClass = 0;
  let previous = -1;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const cls = classOf(code);
    // Words and white space continue, and so does the same punctuation mark or symbol (or a surrogate of one).
    if (index > 0 && !(previousClass === cls && (cls === WORD || cls === WHITE_SPACE || code === previous || (code >= 0xd800 && code <= 0xdfff)))) {
      children.push(latinNode(previousClass, value.slice(from, index), from));
      from = index;
    }
    previousClass = cls;
    previous = code;
  }
  children.push(latinNode(previousClass, value.slice(from), from));
  return children;
}

/** Line breaks in white space (CR LF one), up to two. */
function lineBreaks(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length && n < 2; i++) {
    const c = value.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (value.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** parse-latin's breakImplicitSentences: a sentence with a blank line inside is two, the white space between them. */
function breakImplicitSentences(parent: unknown): void {
  const paragraph = parent as ParagraphNode;
  const siblings = paragraph.children;
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]!;
    if (child.type !== 'SentenceNode') continue;
    const children = child.children as ParagraphNode['children'];
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]!;
      // (One character of white space holds one line break at most: most white space is a space.)
      if (node.type !== 'WhiteSpaceNode' || node.value!.length < 2 || lineBreaks(node.value!) < 2) continue;
      child.children = children.slice(0, position);
      const insertion: ParagraphNode['children'][number] = { type: 'SentenceNode', children: children.slice(position + 1) };
      // (The package moves the sentences' positions here: the nodes have none, see tokenize.)
      siblings.splice(index + 1, 0, node, insertion);
      // The package goes on at the white space it inserted (then the new sentence).
      index++;
      break;
    }
  }
}

/** The package's step at this place of its paragraph steps (parse-latin 7), when the list is the one it was written for. */
const STOCK_BREAK = LATIN.tokenizeParagraphPlugins.length === 12 ? LATIN.tokenizeParagraphPlugins[9] : undefined;

/**
 * The package's position step (patchPosition), when the lists are the ones it was written for: the last step of the
 * sentence and of the paragraph, one function.
 */
const STOCK_PATCH =
  LATIN.tokenizeSentencePlugins.length === 6 && LATIN.tokenizeParagraphPlugins.length === 12 && LATIN.tokenizeSentencePlugins[5] === LATIN.tokenizeParagraphPlugins[11]
    ? LATIN.tokenizeSentencePlugins[5]
    : undefined;

/**
 * The package's sentence steps that change a sentence only at one mark (parse-latin 7, when the list is the one it was
 * written for): an "&" before a word joins it (mergeInitialWordSymbol), a "-" after a word and not before one joins
 * that word (mergeFinalWordSymbol), a short word, a slash and a short word are one ("w/o", "A/B": mergeInnerWordSlash).
 */
const STOCK_MARK_STEPS: Array<[(node: unknown) => void, readonly string[]]> =
  LATIN.tokenizeSentencePlugins.length === 6
    ? [
        [LATIN.tokenizeSentencePlugins[0]!, ['&']],
        [LATIN.tokenizeSentencePlugins[1]!, ['-']],
        [LATIN.tokenizeSentencePlugins[3]!, ['/']],
      ]
    : [];

/**
 * Whether one of the sentence's children is a punctuation mark or symbol whose value is one of `marks` (or one without
 * a value, which a step would read through its children: left to the step).
 */
function hasMark(sentence: NlcstNode, marks: readonly string[]): boolean {
  const children = sentence.children;
  if (children === undefined) return true;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'PunctuationNode' && child.type !== 'SymbolNode') continue;
    if (child.value === undefined || marks.includes(child.value)) return true;
  }
  return false;
}

/**
 * A sentence step of the package that changes a sentence only at a child that is one of `marks` (a punctuation mark or
 * symbol, compared as the step compares it: the whole value): run on the sentences that have one. Most sentences have
 * none, and the step would call a function per child of each (a visitor per token).
 */
function onlyWithMarks(step: (node: unknown) => void, marks: readonly string[]): (node: unknown) => void {
  return (node) => {
    if (hasMark(node as NlcstNode, marks)) step(node);
  };
}

/**
 * Whether parse-latin's mergeInnerWordSymbol can change the sentence: it joins a word, the punctuation marks or symbols
 * right after it (those of its inner-word set: "e-mail", "U.S", "a_b") and the word after them, so it needs a word
 * followed by a mark or symbol followed by a word or another mark or symbol. Most sentences have none such (a mark
 * after a word is followed by white space or ends the text), and the step calls a function per child of each.
 */
function mayJoinInnerWords(sentence: NlcstNode): boolean {
  const children = sentence.children;
  if (children === undefined) return true;
  for (let i = 1; i + 1 < children.length; i++) {
    const child = children[i]!;
    if ((child.type !== 'PunctuationNode' && child.type !== 'SymbolNode') || children[i - 1]!.type !== 'WordNode') continue;
    const next = children[i + 1]!.type;
    if (next === 'WordNode' || next === 'PunctuationNode' || next === 'SymbolNode') return true;
  }
  return false;
}

/**
 * Whether parse-latin's mergeInitialisms can change the sentence: it moves a full stop into the word before it when that
 * word has an odd number of children, three or more ("U.S.A" before "."), so it needs such a word followed by a
 * punctuation mark. A word has more than one child only after an earlier step joined something into it.
 */
function mayJoinInitialism(sentence: NlcstNode): boolean {
  const children = sentence.children;
  if (children === undefined) return true;
  for (let i = 1; i < children.length; i++) {
    if (children[i]!.type !== 'PunctuationNode') continue;
    const previous = children[i - 1]!;
    if (previous.type !== 'WordNode') continue;
    const n = previous.children === undefined ? 0 : previous.children.length;
    if (n !== 1 && n % 2 !== 0) return true;
  }
  return false;
}

/**
 * The package's sentence steps that need a word and a mark together (parse-latin 7, when the list is the one it was
 * written for): run only on the sentences where they can change something (a step changes nothing else; run, it is the
 * package's own step, so the tree stays the package's).
 */
const STOCK_PAIR_STEPS: Array<[(node: unknown) => void, (sentence: NlcstNode) => boolean]> =
  LATIN.tokenizeSentencePlugins.length === 6
    ? [
        [LATIN.tokenizeSentencePlugins[2]!, mayJoinInnerWords],
        [LATIN.tokenizeSentencePlugins[4]!, mayJoinInitialism],
      ]
    : [];

/**
 * The package's paragraph steps that join a sentence with the one before or after it (parse-latin 7, when the list is
 * the one it was written for: mergeNonWordSentences, mergeAffixSymbol, mergeInitialLowerCaseLetterSentences,
 * mergeInitialDigitSentences, mergeAffixExceptions): each changes nothing in a paragraph of one node (a heading, a list
 * item, a short paragraph, a table cell), so there it is not run. The others act inside one sentence as well.
 */
const STOCK_NEIGHBOUR_STEPS: Array<(node: unknown) => void> =
  LATIN.tokenizeParagraphPlugins.length === 12 ? [0, 1, 2, 3, 5].map((i) => LATIN.tokenizeParagraphPlugins[i]!) : [];

function withNeighbours(step: (node: unknown) => void): (node: unknown) => void {
  return (node) => {
    if ((node as ParagraphNode).children.length > 1) step(node);
  };
}

/**
 * The marks at which the language's own first sentence step (its elisions) can change a sentence: parse-dutch's
 * mergeDutchElisionExceptions reads an apostrophe only; parse-english's mergeEnglishElisionExceptions an apostrophe
 * and a slash ("w/"). test/engine/sentence-parser.test.ts compares the trees with the package's.
 */
const ELISION_MARKS: Record<Language, readonly string[]> = { nl: ["'", '\u2019'], en: ["'", '\u2019', '/'] };

function leanParser(parser: ParseDutch | ParseEnglish, language: Language): LatinParser {
  const p = parser as unknown as LatinParser;
  p.tokenize = tokenize;
  const at = STOCK_BREAK ? p.tokenizeParagraphPlugins.indexOf(STOCK_BREAK) : -1;
  if (at >= 0) p.tokenizeParagraphPlugins[at] = breakImplicitSentences;
  // The parser's own copy of the list (the package copies it per parser): the language's elision step first, then
  // the stock steps, when the list is that; the stock steps of one mark each.
  const stock = LATIN.tokenizeSentencePlugins;
  if (p.tokenizeSentencePlugins.length === stock.length + 1 && stock.every((step, i) => p.tokenizeSentencePlugins[i + 1] === step)) {
    p.tokenizeSentencePlugins[0] = onlyWithMarks(p.tokenizeSentencePlugins[0]!, ELISION_MARKS[language]);
  }
  for (const [step, marks] of STOCK_MARK_STEPS) {
    const at = p.tokenizeSentencePlugins.indexOf(step);
    if (at >= 0) p.tokenizeSentencePlugins[at] = onlyWithMarks(step, marks);
  }
  for (const [step, may] of STOCK_PAIR_STEPS) {
    const at = p.tokenizeSentencePlugins.indexOf(step);
    if (at >= 0) p.tokenizeSentencePlugins[at] = (node) => {
      if (may(node as NlcstNode)) step(node);
    };
  }
  for (const step of STOCK_NEIGHBOUR_STEPS) {
    const at = p.tokenizeParagraphPlugins.indexOf(step);
    if (at >= 0) p.tokenizeParagraphPlugins[at] = withNeighbours(step);
  }
  // The sentence's and the paragraph's last step, when it is the position step: no node has a position to copy (tokenize
  // gives none, so neither does splitNode or a step).
  const steps = p.tokenizeSentencePlugins;
  if (STOCK_PATCH && steps[steps.length - 1] === STOCK_PATCH) p.tokenizeSentencePlugins = steps.slice(0, -1);
  const paragraphSteps = p.tokenizeParagraphPlugins;
  if (STOCK_PATCH && paragraphSteps[paragraphSteps.length - 1] === STOCK_PATCH) p.tokenizeParagraphPlugins = paragraphSteps.slice(0, -1);
  return p;
}

const parsers = { nl: leanParser(new ParseDutch(), 'nl'), en: leanParser(new ParseEnglish(), 'en') };

/**
 * The parser's tree for a text, each node given the offsets sentencesOf reads off it (a leaf from the lengths of the
 * leaves before it, a parent from its first and last child, as the package's patchPosition does): tests compare it
 * with the package's own tree.
 */
export function sentenceTree(text: string, language: Language): unknown {
  const root = parsers[language].tokenizeParagraph(text) as NlcstNode;
  const place = (node: NlcstNode & { position?: { start: number; end: number } }, at: number): number => {
    if (node.children === undefined) {
      node.position = { start: at, end: at + lengthOf(node) };
      return node.position.end;
    }
    const start = at;
    for (const child of node.children) at = place(child, at);
    if (node.children.length > 0) node.position = { start, end: at };
    return at;
  };
  place(root, 0);
  return root;
}

/** The characters of the text a node holds: its value, or its leaves' values. */
function lengthOf(node: NlcstNode): number {
  if (node.value !== undefined) return node.value.length;
  let n = 0;
  for (const child of node.children ?? []) n += lengthOf(child);
  return n;
}

// Real Dutch words that parse-dutch also knows as abbreviations: "Dat is zo. Hij…" is two sentences.
const NL_REAL_WORDS = wordSet('nl', 'sentences', 'realWords');
// English words that can end a sentence but that the parser may read as abbreviations ("came in. Then").
const EN_REAL_WORDS = wordSet('en', 'sentences', 'realWords');
// Abbreviations of reports that parse-dutch does not know: "in hfst. 4" is one sentence.
const NL_REPORT_ABBREVIATIONS = wordSet('nl', 'sentences', 'abbreviations');
const EN_ABBREVIATIONS = wordSet('en', 'sentences', 'abbreviations');
// After a closing abbreviation such as "etc.", these words start a new sentence.
const NL_SENTENCE_STARTERS = wordSet('nl', 'sentences', 'sentenceStarters');
const EN_SENTENCE_STARTERS = wordSet('en', 'sentences', 'sentenceStarters');
const CLOSING_ABBREVIATIONS = new Set([...wordSet('nl', 'sentences', 'closingAbbreviations'), ...wordSet('en', 'sentences', 'closingAbbreviations')]);

/**
 * A leaf as tokenize makes it: also the token flatten gives for it (its kind, offsets and token text), so that a
 * token is not a second object next to its leaf. The parsers' steps move leaves and never change a value, and flatten
 * takes a leaf as its token only when the leaf's offset is the one flatten reads off the leaves before it; other
 * leaves (none that the parsers make) give a token of their own.
 */
interface LeafNode extends NlcstNode {
  kind?: TokenKind;
  start?: number;
  end?: number;
  text?: string;
}

function isLeafToken(node: LeafNode, kind: TokenKind, start: number): node is LeafNode & Token {
  return node.kind === kind && node.start === start;
}

/**
 * The tokens of a node (a sentence) from offset `at` of the text, where the node starts; returns the offset after it.
 * A node's offsets are the lengths of the leaves before it (tokenize: the tree holds each character once, in order).
 */
function flatten(node: NlcstNode, out: Token[], text: string, at: number): number {
  const children = node.children;
  for (let k = 0; children !== undefined && k < children.length; k++) {
    const child = children[k]!;
    const start = at;
    switch (child.type) {
      case 'WordNode': {
        // A word of one text node has that node's string (the parser's own slice of the text, at this offset: the
        // offsets are the leaves' lengths); other words are read from the text.
        const kids = child.children!;
        const only = kids.length === 1 ? kids[0]!.value : undefined;
        const end = only !== undefined ? start + only.length : start + lengthOf(child);
        const w = only !== undefined ? only : text.slice(start, end);
        // parse-dutch keeps an abbreviation's period inside the word ("zo."); split it off
        // so that sentence fix-ups and word look-ups see the bare word.
        if (w.length > 1 && w.endsWith('.') && /[\p{L}\p{N}]/u.test(w)) {
          out.push({ kind: 'word', start, end: end - 1, text: w.slice(0, -1) });
          out.push({ kind: 'punct', start: end - 1, end, text: '.' });
        } else {
          const leaf = only !== undefined ? (kids[0] as LeafNode) : undefined;
          out.push(leaf !== undefined && isLeafToken(leaf, 'word', start) ? leaf : { kind: 'word', start, end, text: w });
        }
        at = end;
        break;
      }
      case 'WhiteSpaceNode':
        at = start + lengthOf(child);
        out.push(isLeafToken(child, 'space', start) ? child : { kind: 'space', start, end: at, text: ' ' });
        break;
      case 'PunctuationNode': {
        at = start + lengthOf(child);
        const value = child.value;
        out.push(isLeafToken(child, 'punct', start) ? child : { kind: 'punct', start, end: at, text: value !== undefined ? value : text.slice(start, at) });
        break;
      }
      case 'SymbolNode':
      case 'SourceNode':
        at = start + lengthOf(child);
        out.push(isLeafToken(child, 'symbol', start) ? child : { kind: 'symbol', start, end: at, text: text.slice(start, at) });
        break;
      default:
        // A parent's tokens; a leaf of another kind (none that the parsers make) gives none, but holds its characters.
        at = child.children ? flatten(child, out, text, at) : start + lengthOf(child);
    }
  }
  return at;
}

function sentencesOf(root: NlcstNode, text: string): Token[][] {
  const result: Token[][] = [];
  let at = 0;
  const visit = (node: NlcstNode) => {
    for (const child of node.children ?? []) {
      if (child.type === 'SentenceNode') {
        const tokens: Token[] = [];
        at = flatten(child, tokens, text, at);
        if (tokens.length) result.push(joinDecimals(tokens, text));
      } else if (child.type === 'ParagraphNode' || child.type === 'RootNode') {
        visit(child);
      } else {
        // White space between sentences: not read, but its characters come before the next sentence's.
        at += lengthOf(child);
      }
    }
  };
  visit(root);
  return result;
}

/** A word of digits, with inner periods and commas (joinDecimals). */
function isDigits(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && /^\d(?:[\d.,]*\d)?$/.test(t.text);
}

/**
 * Joins numbers that the parsers cut at a comma: "1,5" and "5,3" (Dutch decimals), "1,146"
 * (English thousands) are one word each, not two.
 */
function joinDecimals(tokens: Token[], text: string): Token[] {
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out ? out[out.length - 1] : tokens[i - 1];
    if (t.kind === 'punct' && t.text === ',' && isDigits(prev) && prev!.end === t.start) {
      const next = tokens[i + 1];
      if (isDigits(next) && next!.start === t.end) {
        if (!out) out = tokens.slice(0, i);
        const start = out[out.length - 1]!.start;
        out[out.length - 1] = { kind: 'word', start, end: next!.end, text: text.slice(start, next!.end) };
        i++;
        continue;
      }
    }
    if (out) out.push(t);
  }
  return out ?? tokens;
}

/** The word before a final period, with inner periods (m.b.t) kept. */
function abbreviationBefore(tokens: Token[], periodIndex: number): string {
  let i = periodIndex - 1;
  let s = '';
  while (i >= 0 && (tokens[i]!.kind === 'word' || (tokens[i]!.kind === 'punct' && tokens[i]!.text === '.'))) {
    s = tokens[i]!.text + s;
    i--;
  }
  return s.toLowerCase().replace(/^\.+/, '');
}

function nextWord(tokens: Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') return t;
    if (t.kind === 'punct' && !/^["'“‘«(]$/.test(t.text)) return undefined;
  }
  return undefined;
}

function startsUpper(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

/** Splits a token run after the period at index i when the language's rules say so. */
function splitPoints(tokens: Token[], language: Language): number[] {
  const points: number[] = [];
  for (let i = 1; i < tokens.length - 2; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct' || t.text !== '.') continue;
    if (tokens[i + 1]!.kind !== 'space') continue;
    const next = nextWord(tokens, i + 2);
    if (!next) continue;
    const prev = tokens[i - 1]!;
    if (prev.kind !== 'word') continue;
    // "… by different people. fTANF.exe was sometimes called …", "… in de wijk. eHealth helpt …": a name written with a
    // small letter and a capital inside (fTANF, eHealth, iPad) starts a sentence after a word of two letters or more
    // that is not an abbreviation ("… submitted to OFA. fTANF.exe can …"); the sentence parser only splits before a capital.
    if (!startsUpper(next.text)) {
      if (/^\p{Ll}{1,3}\p{Lu}/u.test(next.text) && /^\p{L}{2,}$/u.test(prev.text) && !(language === 'nl' ? NL_REPORT_ABBREVIATIONS : EN_ABBREVIATIONS).has(abbreviationBefore(tokens, i))) points.push(i + 1);
      continue;
    }
    const abbr = abbreviationBefore(tokens, i);
    const prevLower = prev.text.toLowerCase();
    let split = false;
    if (language === 'nl' && NL_REAL_WORDS.has(prevLower) && abbr === prevLower) split = true;
    else if (language === 'en' && EN_REAL_WORDS.has(prevLower) && abbr === prevLower) split = true;
    // "Zie tabel 2. Lees het na.", "The grant was £250,000. The council…": Dutch writes ordinals
    // as 2e, so number + period + capital ends a sentence; so does an amount.
    else if (/^\d[\d.,]*$/.test(prev.text) && /\d$/.test(prev.text)) split = true;
    // "This is Plan A. It works.", "Jansen, A. De gemeente betaalt.": a single capital letter is an
    // initial ("A. Smith", "A. De Vries") unless a sentence starter follows that does not begin a name.
    // "… mensen met AD(H)D. Hierdoor …": a capital glued to a closing bracket ends an abbreviation written
    // with brackets, not an initial (an initial stands on its own); a capital after it starts a new sentence.
    else if (abbr.length === 1 && /^\p{Lu}$/u.test(prev.text) && i >= 3 && tokens[i - 2]!.kind === 'punct' && tokens[i - 2]!.text === ')' && tokens[i - 3]!.kind === 'word') split = true;
    else if (abbr.length === 1 && /^\p{Lu}$/u.test(prev.text)) {
      const starters = language === 'nl' ? NL_SENTENCE_STARTERS : EN_SENTENCE_STARTERS;
      const after = nextWord(tokens, tokens.indexOf(next) + 1);
      if (starters.has(next.text.toLowerCase()) && !(after && startsUpper(after.text))) split = true;
    }
    // "… naar hun mening etc. Hierdoor …": after a closing abbreviation a capital starts a new sentence
    // ("et al." is a citation: there only a sentence starter does).
    else if (CLOSING_ABBREVIATIONS.has(abbr) || CLOSING_ABBREVIATIONS.has(prevLower)) {
      const starters = language === 'nl' ? NL_SENTENCE_STARTERS : EN_SENTENCE_STARTERS;
      if (starters.has(next.text.toLowerCase()) || !/^(et|al|et al)$/.test(abbr)) split = true;
    }
    if (split) points.push(i + 1);
  }
  return points;
}

/** Whether a sentence ends in an abbreviation that should carry on into the next one. */
function endsInKnownAbbreviation(tokens: Token[], language: Language): boolean {
  let i = tokens.length - 1;
  while (i >= 0 && tokens[i]!.kind === 'space') i--;
  if (i < 1 || tokens[i]!.text !== '.') return false;
  const abbr = abbreviationBefore(tokens, i);
  const set = language === 'nl' ? NL_REPORT_ABBREVIATIONS : EN_ABBREVIATIONS;
  return set.has(abbr);
}

function beginsLowerOrDigit(tokens: Token[]): boolean {
  for (const t of tokens) {
    if (t.kind === 'space') continue;
    if (t.kind === 'word') return !startsUpper(t.text);
    return t.text === '(' || t.text === '[';
  }
  return false;
}

// A word's shape (shapeOf): letters and flags in one number, kept per shared word.
const IS_NUMBER = 1;
const IS_ACRONYM = 2;
const CAPITALISED = 4;
/** A letter or a digit: a word of the sentence, not a joiner or a symbol the parsers give as a word. */
const WORDY = 8;
const SHAPE_BITS = 4;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** What toWord reads of a word's letters: the number of letters and the flags (see the constants). */
function shapeOf(text: string): number {
  let letters = 0;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      letters++;
      lower++;
    } else if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c > 127) {
      const ch = text[i]!;
      if (ch.toLowerCase() !== ch.toUpperCase()) {
        letters++;
        if (ch === ch.toUpperCase()) upper++;
        else lower++;
      }
    }
  }
  const first = text.charCodeAt(0);
  const capitalised = upper > 0 && ((first >= 65 && first <= 90) || (first > 127 && text[0] !== text[0]!.toLowerCase()));
  return (
    (letters << SHAPE_BITS) |
    (letters === 0 ? IS_NUMBER : 0) |
    (upper >= 2 && lower === 0 ? IS_ACRONYM : 0) |
    (capitalised ? CAPITALISED : 0) |
    (LETTER_OR_NUMBER.test(text) ? WORDY : 0)
  );
}

/** The shape of a shared word, worked out once per entry. */
function sharedShape(entry: SharedWord): number {
  const shape = entry.shape;
  return shape >= 0 ? shape : (entry.shape = shapeOf(entry.text));
}

function toWord(t: Token, text: string, lower: string, shape: number): Word {
  return {
    start: t.start,
    end: t.end,
    text,
    lower,
    letters: shape >>> SHAPE_BITS,
    isNumber: (shape & IS_NUMBER) !== 0,
    isAcronym: (shape & IS_ACRONYM) !== 0,
    capitalised: (shape & CAPITALISED) !== 0,
    // Filled in later by a lexicon; a slot from the start keeps it inside the object (a property
    // added later costs every cached word a separate property array).
    norm: undefined,
  };
}

/** Whether a word lies in one of the (sorted) ranges that are not prose. */
function inRanges(start: number, end: number, ranges: Array<[number, number]>): boolean {
  for (let i = 0; i < ranges.length; i++) if (start < ranges[i]![1] && ranges[i]![0] < end) return true;
  return false;
}

/**
 * The sentence of tokens[from, to), or undefined when it has nothing but white space and symbols. `tokens` may be handed
 * on when the sentence is all of it. A short word is the shared word's string (sharedWord), its lower case and shape
 * worked out once per distinct word; `entries` (when given) gets each word's shared entry, undefined for a longer word.
 */
function makeSentence(tokens: Token[], from: number, to: number, notProse: Array<[number, number]>, entries: Array<SharedWord | undefined> | undefined): Sentence | undefined {
  let a = from;
  let b = to;
  // A sentence starts at its first word or opening mark, not at a leading emoji or symbol (nor at the variation
  // selector or joiner that ends an emoji such as 👩‍⚕️, which the parsers give as a word without letters).
  while (a < b && (tokens[a]!.kind === 'space' || tokens[a]!.kind === 'symbol' || (tokens[a]!.kind === 'word' && !/[\p{L}\p{N}]/u.test(tokens[a]!.text)))) a++;
  while (b > a && tokens[b - 1]!.kind === 'space') b--;
  if (a >= b) return undefined;
  const trimmed = a === 0 && b === tokens.length ? tokens : tokens.slice(a, b);
  const words: Word[] = [];
  for (let k = 0; k < trimmed.length; k++) {
    const t = trimmed[k]!;
    if (t.kind !== 'word' || (notProse.length && inRanges(t.start, t.end, notProse))) continue;
    const entry = sharedWord(t.text);
    if (entry !== undefined) {
      const shape = sharedShape(entry);
      if ((shape & WORDY) === 0) continue;
      words.push(toWord(t, entry.text, lowerOf(entry), shape));
    } else {
      const shape = shapeOf(t.text);
      if ((shape & WORDY) === 0) continue;
      words.push(toWord(t, t.text, t.text.toLowerCase(), shape));
    }
    entries?.push(entry);
  }
  return { start: trimmed[0]!.start, end: trimmed[trimmed.length - 1]!.end, tokens: trimmed, words };
}

/**
 * Sentences and words of a block through retext's parsers (parse-dutch, parse-english),
 * with the fix-ups from the research note: real Dutch words that parse-dutch takes for
 * abbreviations, number + period + capital, report abbreviations that must not split.
 */
export function splitSentences(text: string, language: Language, entries?: Array<SharedWord | undefined>): Sentence[] {
  // A plain-text table is a row per line, not one long sentence.
  if (looksLikeTable(text)) {
    const out: Sentence[] = [];
    const line = /[^\r\n]+/g;
    for (let m = line.exec(text); m; m = line.exec(text)) {
      for (const s of splitProse(m[0], language, entries)) out.push(shift(s, m.index));
    }
    return out;
  }
  return splitProse(text, language, entries);
}

function shift(s: Sentence, by: number): Sentence {
  if (by === 0) return s;
  return {
    start: s.start + by,
    end: s.end + by,
    tokens: s.tokens.map((t) => ({ ...t, start: t.start + by, end: t.end + by })),
    words: s.words.map((w) => ({ ...w, start: w.start + by, end: w.end + by })),
  };
}

// Pandoc citations ("[@smith2020; see @jones2019, p. 4]"), URLs and e-mail addresses are not
// words of the sentence: they are not read, counted or checked. An address starts where a run of
// address characters starts (the look-behind), so a long word is scanned once, not once per letter.
// A bare Pandoc key in running text ("… 24 sub-groups @salamon_SearchNonprofitSector_1992.", "as
// @smith2020 [p. 4] shows") is a citation too, with the locator in brackets right after it. Pandoc's key
// syntax: "@" (or "-@", author suppressed) at the start or after a space or an opening mark, then a letter,
// digit or "_", then those and inner punctuation (":.#$%&+?<>~/-") followed by another key character; an
// "@" inside a word is an e-mail address (below). Numbered references in brackets ("[14]", "[14-16]",
// "[3, 7]") are citations as well: the reader skips them. LaTeX's \cite becomes "[@0]" in the block text.
const NOT_PROSE = /\[[^\[\]\n]*@[\p{L}\p{N}_][^\[\]\n]*\]|(?<![^\s(\[{"'“‘])-?@[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*(?: ?\[[^\[\]\n@]{0,40}\](?!\())?|\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\](?![(:\[])|\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+\.[^\s<>"]+|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

const MAY_HOLD_NOT_PROSE = /[@[]|:\/\/|www\./;

// What each alternative of NOT_PROSE (in its order) cannot match without: an "@", a "[", a "://", a "www.".
const HAS_AT = 1;
const HAS_BRACKET = 2;
const HAS_SCHEME = 4;
const HAS_WWW = 8;
const NOT_PROSE_NEEDS = [HAS_AT | HAS_BRACKET, HAS_AT, HAS_BRACKET, HAS_SCHEME, HAS_WWW, HAS_AT];

/** The top-level alternatives of an expression's source (outside brackets, groups and escapes). */
function alternativesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

const NOT_PROSE_ALTERNATIVES = alternativesOf(NOT_PROSE.source);
/** NOT_PROSE without the alternatives a text cannot match, by the marks it holds (see notProseFor). */
const notProseByMarks: Array<RegExp | undefined> = [];

/**
 * NOT_PROSE for a text that holds the marks `marks` (HAS_…): the alternatives that need a mark the text lacks matched
 * nowhere in it, so without them every match is the same (at each place the first alternative that matches is one
 * of those kept, in their order). A text with a link and no "@" is not searched for e-mail addresses at every word.
 */
function notProseFor(marks: number): RegExp {
  if (NOT_PROSE_ALTERNATIVES.length !== NOT_PROSE_NEEDS.length) return NOT_PROSE;
  let re = notProseByMarks[marks];
  if (re === undefined) {
    const kept = NOT_PROSE_ALTERNATIVES.filter((_, k) => (NOT_PROSE_NEEDS[k]! & marks) === NOT_PROSE_NEEDS[k]);
    re = kept.length === NOT_PROSE_ALTERNATIVES.length ? NOT_PROSE : new RegExp(kept.length ? kept.join('|') : '(?!)', NOT_PROSE.flags);
    notProseByMarks[marks] = re;
  }
  return re;
}

/** Ranges of a text that are not prose (citations, URLs, e-mail addresses). */
export function notProseRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Every match holds an "@", a "[", a "://" or a "www." (a colon alone, common in prose, starts none).
  if (!MAY_HOLD_NOT_PROSE.test(text)) return out;
  const marks =
    (text.indexOf('@') >= 0 ? HAS_AT : 0) | (text.indexOf('[') >= 0 ? HAS_BRACKET : 0) | (text.indexOf('://') >= 0 ? HAS_SCHEME : 0) | (text.indexOf('www.') >= 0 ? HAS_WWW : 0);
  const notProse = notProseFor(marks);
  notProse.lastIndex = 0;
  for (let m = notProse.exec(text); m; m = notProse.exec(text)) {
    // A URL's closing punctuation belongs to the sentence.
    const end = m.index + m[0].replace(/[.,;:!?)]+$/, '').length;
    out.push([m.index, /[\]]$/.test(m[0]) ? m.index + m[0].length : end]);
  }
  return out;
}

// A column gap: a tab, or two or more spaces after a character that does not end a sentence.
const COLUMN_GAP = /[^\s.!?:;]( {2,}|\t)\S/;

/**
 * A plain-text table: three or more lines, most of them with a column gap (a tab, or two or
 * more spaces inside the line) or pipes between cells.
 */
export function looksLikeTable(text: string): boolean {
  if (text.indexOf('\n') < 0) return false;
  // A row has a gap of two spaces or a tab, or a pipe, and a table two rows or more: without any of them in the text
  // (most paragraphs) no line need be cut out and looked at.
  if (text.indexOf('  ') < 0 && text.indexOf('\t') < 0 && text.indexOf('|') < 0) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  if (lines.length < 3) return false;
  let rows = 0;
  // A row: columns apart by a wide gap, or cells apart by a pipe ("a | b | c", and the two-column "Elke dag fruit | 24%").
  for (const l of lines) if (COLUMN_GAP.test(l.trim()) || /\S[ \t]*\|[ \t]*\S/.test(l)) rows++;
  return rows >= Math.ceil((lines.length * 2) / 3);
}

function splitProse(text: string, language: Language, entries: Array<SharedWord | undefined> | undefined): Sentence[] {
  const notProse = notProseRanges(text);
  const root = parsers[language].tokenizeParagraph(text) as NlcstNode;
  const raw = sentencesOf(root, text);
  // Merge sentences cut after a known abbreviation ("in hfst. | 4 staat").
  const merged: Token[][] = [];
  for (let k = 0; k < raw.length; k++) {
    const s = raw[k]!;
    const prev = merged[merged.length - 1];
    if (prev && endsInKnownAbbreviation(prev, language) && beginsLowerOrDigit(s)) {
      prev.push({ kind: 'space', start: prev[prev.length - 1]!.end, end: s[0]!.start, text: ' ' }, ...s);
    } else {
      // The parser's sentences are arrays of their own (sentencesOf): merged into in place.
      merged.push(s);
    }
  }
  const out: Sentence[] = [];
  for (let m = 0; m < merged.length; m++) {
    const tokens = merged[m]!;
    const points = splitPoints(tokens, language);
    let from = 0;
    for (let k = 0; k <= points.length; k++) {
      const p = k < points.length ? points[k]! : tokens.length;
      const s = makeSentence(tokens, from, p, notProse, entries);
      if (s) out.push(s);
      from = p;
    }
  }
  return out;
}
