import { fromMarkdown, type Extension as MdastExtension } from 'mdast-util-from-markdown';
import type { Extension as SyntaxExtension } from 'micromark-util-types';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { math } from 'micromark-extension-math';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { mathFromMarkdown } from 'mdast-util-math';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { decodeString } from 'micromark-util-decode-string';
import type { Directive, Language, ParsedDocument, ProseBlock, BlockKind } from '../types.js';
import { movedFrom, parsedWithRaw } from './last-reading.js';
import { BlockTextBuilder, wordlessCell, commonPrefix, commonSuffix, type EditEnds } from '../offsets.js';
import { parseDirective } from './directives.js';
import { ContentCache, detach, keyedLength, longTextKey } from '../cache.js';
import { execAt, flat, searchFrom, type TextView } from '../text/view.js';

// mdast node shapes, kept minimal: the adapter only reads what it needs.
interface Point { offset?: number }
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  label?: string;
  children?: MdNode[];
  position?: { start: Point; end: Point };
}

/**
 * The syntax extensions remark-gfm, remark-frontmatter and remark-math add, in their order,
 * each with a test for the characters without which it can never match. A chunk is parsed
 * with the extensions its text can use only: each extension hooks into the tokenizer at
 * every candidate character (autolink literals at every word), and most chunks need none.
 */
const FEATURES: Array<{ can: (src: string, frontMatter: boolean) => boolean; syntax: () => SyntaxExtension; mdast: () => MdastExtension | MdastExtension[] }> = [
  { can: (s) => /www\.|:\/\/|@/i.test(s), syntax: gfmAutolinkLiteral, mdast: gfmAutolinkLiteralFromMarkdown },
  { can: (s) => s.includes('[^'), syntax: gfmFootnote, mdast: gfmFootnoteFromMarkdown },
  { can: (s) => s.includes('~'), syntax: () => gfmStrikethrough(), mdast: gfmStrikethroughFromMarkdown },
  { can: (s) => s.includes('|'), syntax: gfmTable, mdast: gfmTableFromMarkdown },
  { can: (s) => /\[[ \txX]\]/.test(s), syntax: gfmTaskListItem, mdast: gfmTaskListItemFromMarkdown },
  { can: (s, fm) => fm && (s.startsWith('---') || s.startsWith('+++')), syntax: () => frontmatter(['yaml', 'toml']), mdast: () => frontmatterFromMarkdown(['yaml', 'toml']) },
  { can: (s) => s.includes('$'), syntax: () => math(), mdast: mathFromMarkdown },
];

const parsers = new Map<number, (src: string) => MdNode>();

/**
 * The three kinds of autolink literal, each with the text it needs to match: an e-mail address an "@", a www address
 * "www." (any case), an http(s) address "://". The extension hooks the e-mail kind into every letter and digit, which
 * splits all of a chunk's text at each one; a chunk with a web address but no "@" (a reference list) needs only the
 * hooks at h and w. A chunk gets the kinds its text can hold (speed only: a kind left out could not have matched).
 */
const AUTOLINK_KINDS: Array<(s: string) => boolean> = [(s) => s.includes('@'), (s) => /www\./i.test(s), (s) => s.includes('://')];
let autolinkKinds = true;

/** Turns the choice of autolink kinds off (every kind for every chunk that may hold one) or on (for the tests that compare both). */
export function setAutolinkKinds(on: boolean): void {
  // The parsers stay: a chunk's mask says whether its kinds were chosen (their bits) or not.
  autolinkKinds = on;
}

/** The autolink literal extension with the kinds in `kinds` (bit 0 e-mail, 1 www, 2 protocol), hooks in its order. */
function autolinkSyntax(kinds: number): SyntaxExtension {
  const full = gfmAutolinkLiteral();
  if (kinds === 7) return full;
  return (autolinkSyntaxes[kinds] ??= autolinkSubset(full, kinds));
}

/** The extensions for each set of kinds, made once. */
const autolinkSyntaxes: SyntaxExtension[] = [];

function autolinkSubset(full: SyntaxExtension, kinds: number): SyntaxExtension {
  const text = full.text as Record<number, unknown>;
  // Its e-mail construct (the one hook at a digit); the www and protocol constructs come after it at w and h.
  const email = text[48];
  const keep = (construct: unknown, code: number): boolean =>
    construct === email ? (kinds & 1) !== 0 : code === 87 || code === 119 ? (kinds & 2) !== 0 : (kinds & 4) !== 0;
  const out: Record<number, unknown> = {};
  for (const key of Object.keys(text)) {
    const code = Number(key);
    const list = (Array.isArray(text[code]) ? text[code] : [text[code]]) as unknown[];
    const kept = list.filter((c) => keep(c, code));
    if (kept.length) out[code] = kept.length === 1 ? kept[0] : kept;
  }
  return { text: out } as SyntaxExtension;
}

/**
 * Parses Markdown as remark with GFM, front matter and math does, with only the extensions the text
 * can use. Front matter only when `frontMatter` says the text starts with a closed front matter block:
 * micromark's front matter construct, when it fails on a `---` line at the start (a thematic break
 * that opens a chunk, front matter never closed), reads no block quote or list in the rest of the text.
 */
export function parseMdast(src: string, frontMatter = false): MdNode {
  let mask = 0;
  for (let i = 0; i < FEATURES.length; i++) if (FEATURES[i]!.can(src, frontMatter)) mask |= 1 << i;
  // Which kinds of autolink literal (FEATURES[0]), in the bits after the features'.
  let kinds = 7;
  if (mask & 1 && autolinkKinds) {
    kinds = 0;
    for (let k = 0; k < AUTOLINK_KINDS.length; k++) if (AUTOLINK_KINDS[k]!(src)) kinds |= 1 << k;
    mask |= kinds << FEATURES.length;
  }
  let parse = parsers.get(mask);
  if (!parse) {
    const extensions: SyntaxExtension[] = [];
    const mdastExtensions: Array<MdastExtension | MdastExtension[]> = [];
    FEATURES.forEach((f, i) => {
      if (!(mask & (1 << i))) return;
      extensions.push(i === 0 ? autolinkSyntax(kinds) : f.syntax());
      mdastExtensions.push(f.mdast());
    });
    parse = (text: string) => fromMarkdown(text, { extensions, mdastExtensions }) as unknown as MdNode;
    parsers.set(mask, parse);
  }
  return parse(src);
}

/** A chunk of the document that parses on its own: blocks separated by blank lines. */
interface Chunk {
  start: number;
  end: number;
  /**
   * The document's front matter, or a YAML metadata block (front matter of a page further down a
   * concatenated document): parsed alone, as front matter.
   */
  meta?: boolean;
}

interface ChunkResult {
  blocks: ProseBlock[];
  directives: Array<Omit<Directive, 'line'> & { line: number }>;
  frontMatterLanguage?: Language;
  /** The labels of the link and footnote definitions the chunk holds, as the parser read them ("^" first for a footnote). */
  defines?: string[];
  /** Where each of `defines` stands in the chunk (parallel to it). */
  defineAt?: number[];
  /**
   * Where the chunk's text may be cut in two with the same blocks on either side as in the whole
   * (offsets in the chunk, ascending): starts of top-level constructs that nothing before them runs
   * into (not after indented code, which a list item after it would join). An edit then re-reads
   * only the part between two cuts that it touched (see spliceChunk).
   */
  cuts?: number[];
  /**
   * The chunk ends inside a construct that a blank line does not end (fenced code, math, an HTML
   * block of kinds 1-5, at the top level): the line that closes it (a pattern for one line, `m` flag).
   * The chunk boundary after it lies inside that construct, so the chunk is read again with the text up to that line.
   */
  open?: string;
  /**
   * The chunk ends in indented code at the top level: micromark then reads a list item that follows
   * the blank lines as if it interrupted a paragraph (an ordered list not starting at 1, an empty
   * item: text). A next chunk that starts with a list marker is read together with this one.
   */
  joinsList?: boolean;
}

// A placeholder for code, math and URLs: a number ends a sentence before a capital and has no syllables
// ("x" would read as an initial and glue sentences together).
const PLACEHOLDER = '0';
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// No braces inside a shortcode: each one matches one way, so a long row of them cannot backtrack.
const SHORTCODES_ONLY = /^\s*(?:\{\{[<%][^{}]*[%>]\}\}\s*)+$/;
const DEFINITION = /^ {0,3}\[(\^?)([^\]\n]+)\]:[ \t]*\S/;

/**
 * The labels of the document's link and footnote definitions, normalised as CommonMark
 * matches them ("^" first for a footnote). A chunk is parsed with stub definitions for the
 * labels it references only, so the work per chunk does not grow with the document.
 */
export type Definitions = Set<string>;

/** A label as micromark compares labels (line endings, tabs and spaces collapsed and trimmed, case folded: ß is ss), in lower case. */
function normaliseLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

/** A piece of the document: lines up to a blank line that no construct spans (see scanPieces). */
interface Piece extends Chunk {
  /** The labels of the lines in the piece that read as link or footnote definitions ("^" first for a footnote). */
  defs?: string[];
  /** The piece's hash closes a chunk (see groupChunks). */
  closes: boolean;
  /**
   * Up to where the scan read the text to find this piece and where it ends (exclusive): the line
   * after it, the lines a YAML block check looked ahead at; past the text's end for the last piece.
   */
  reach: number;
}

/**
 * Splits Markdown into chunks at blank lines that no construct spans (fenced code, math,
 * HTML comments, front matter, indented continuations). Each chunk parses on its own, so an
 * edit re-parses only the chunk it touches. The labels of link and footnote definitions are
 * collected in the same pass, so that references in any chunk still resolve. (The parse checks
 * both: a chunk that ends inside a construct is read again with the text up to where it closes,
 * and chunks are read again with the definitions the parser found when those differ.)
 */
export function splitChunks(text: string): { chunks: Chunk[]; definitions: Definitions } {
  const pieces = PieceList.of(scanPieces(text, 0).pieces);
  return { chunks: groupChunks(text, pieces), definitions: definitionsOf(pieces) };
}

/** The labels of the lines that read as definitions, in all pieces. */
function definitionsOf(pieces: PieceList): Definitions {
  const out: Definitions = new Set();
  const defs = pieces.defs;
  for (let i = 0; i < pieces.length; i++) {
    const d = defs[i];
    if (d) for (const label of d) out.add(label);
  }
  return out;
}

const CLOSES = 1;
const META = 2;
const LARGE = 4;
/**
 * A piece of this many characters or more is a chunk of its own (LARGE). A piece is cut at blank lines only, so a long
 * one is a single paragraph, table or line: an image embedded as a data address (a Word or GitBook export: 130,000 to
 * 200,000 characters a line), a table of hundreds of rows. Grouped by hash, such pieces made chunks of 600,000
 * characters in a Dutch dev report, and an edit anywhere in one parsed all of it again. Alone, a large piece is parsed
 * again only when it is edited itself. (The pieces' own length decides, so an edit elsewhere does not move the chunks.)
 */
const LARGE_PIECE = 8192;

/**
 * The pieces of a text, field by field in typed arrays (flags: CLOSES, META, LARGE; the definitions' labels beside them).
 * Speed only (md33): an edit moves the pieces after it in a tight pass over numbers in place (the piece objects it
 * moved before were spread over the heap: ~140 µs per edit at 100,000 words, reading and moving them).
 */
class PieceList {
  length = 0;
  start: Int32Array;
  end: Int32Array;
  reach: Int32Array;
  flags: Uint8Array;
  defs: Array<string[] | undefined> = [];

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.reach = new Int32Array(c);
    this.flags = new Uint8Array(c);
  }

  static of(pieces: readonly Piece[]): PieceList {
    const list = new PieceList(pieces.length);
    for (let i = 0; i < pieces.length; i++) list.set(i, pieces[i]!);
    list.length = pieces.length;
    return list;
  }

  /** Room for `n` pieces (the fields kept). */
  reserve(n: number): void {
    if (n <= this.start.length) return;
    const c = Math.max(n, this.start.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.start = grow(this.start, new Int32Array(c));
    this.end = grow(this.end, new Int32Array(c));
    this.reach = grow(this.reach, new Int32Array(c));
    this.flags = grow(this.flags, new Uint8Array(c));
  }

  set(i: number, p: Piece): void {
    this.start[i] = p.start;
    this.end[i] = p.end;
    this.reach[i] = p.reach;
    this.flags[i] = (p.closes ? CLOSES : 0) | (p.meta ? META : 0) | (p.end - p.start >= LARGE_PIECE ? LARGE : 0);
    this.defs[i] = p.defs;
  }

  /** Piece i as an object (tests, and the test-only grouping). */
  piece(i: number): Piece {
    const p: Piece = { start: this.start[i]!, end: this.end[i]!, closes: (this.flags[i]! & CLOSES) !== 0, reach: this.reach[i]! };
    if (this.flags[i]! & META) p.meta = true;
    const d = this.defs[i];
    if (d) p.defs = d;
    return p;
  }

  toArray(): Piece[] {
    const out: Piece[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.piece(i);
    return out;
  }
}

/** How far ahead scanPieces() looks for the next HTML comment at a time. */
const COMMENT_SEARCH = 4096;

/** How far the last yamlBlockEnd() call read (exclusive; past the end when it reached the end). */
let yamlReach = 0;

/**
 * The pieces of `text` from `from` on, where the scan starts as it does after a chunk boundary
 * (`from` 0: the document's start, front matter included). `stop(at)` is asked at each boundary
 * after the first: true ends the scan there (the pieces from there on are known), and `stoppedAt`
 * says where (the text's length when it ran to the end).
 */
function scanPieces(text: TextView, from: number, stop?: (at: number) => boolean): { pieces: Piece[]; stoppedAt: number } {
  const pieces: Piece[] = [];
  const n = text.length;
  let pos = from;
  let chunkStart = from;
  let fence: string | null = null;
  let inMath = false;
  let inComment = false;
  let sawBlank = false;
  // The first "<!--" at or after the line (Infinity: none before `commentsSearched`).
  let nextComment = -1;
  let commentsSearched = from;
  let defs: string[] | undefined;
  let reach = from;
  const push = (end: number, meta?: boolean) => {
    const eol = text.indexOf('\n', end);
    const p: Piece = { start: chunkStart, end, closes: (pieceHash(text, chunkStart, end) & 7) === 0, reach: Math.max(reach, end >= n ? n + 1 : eol < 0 ? n + 1 : eol + 1) };
    if (meta) p.meta = true;
    if (defs) p.defs = defs;
    pieces.push(p);
    defs = undefined;
    reach = end;
  };

  // Front matter is one piece of its own, closed as micromark closes it (`---` or `+++` again, not YAML's `...`).
  const firstEol = from === 0 ? text.indexOf('\n') : -1;
  const fm = from === 0 ? /^(---|\+\+\+)[ \t]*\r?\n/.exec(text.slice(0, firstEol + 1)) : null;
  if (fm) {
    const close = fm[1] === '---' ? /\r?\n---[ \t]*(\r?\n|$)/g : /\r?\n\+\+\+[ \t]*(\r?\n|$)/g;
    const m = searchFrom(close, text, fm[0].length - 1);
    if (m) {
      const end = m.index + m[0].length;
      push(end, true);
      pos = chunkStart = end;
      if (stop?.(end)) return { pieces, stoppedAt: end };
    } else reach = n + 1;
  }

  while (pos < n) {
    const eol = text.indexOf('\n', pos);
    const lineEnd = eol < 0 ? n : eol;
    const next = eol < 0 ? n : eol + 1;
    if (nextComment < pos || (nextComment === Infinity && commentsSearched < lineEnd)) {
      // Speed only (md33): searched a stretch ahead, not to the text's end (after an edit the scan reads a few pieces;
      // a text without comments was read to its end at every edit). A line that reaches past the stretch searches again
      // from its start.
      const to = Math.min(n, Math.max(lineEnd, pos + COMMENT_SEARCH));
      const i = text.slice(pos, to).indexOf('<!--');
      nextComment = i < 0 ? Infinity : pos + i;
      commentsSearched = to;
    }
    // Most lines need no slicing: look at the first characters only.
    let first = pos;
    while (first < lineEnd && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const blank = first >= lineEnd || (first === lineEnd - 1 && text.charCodeAt(first) === 13);
    const c = first < lineEnd ? text.charCodeAt(first) : NaN;
    // (` ~ $ [ <)
    const special = fence !== null || inMath || inComment || c === 96 || c === 126 || c === 36 || c === 91 || c === 60 || nextComment < lineEnd;
    const line = special ? text.slice(pos, lineEnd).replace(/\r$/, '') : '';

    if (fence !== null) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (inMath) {
      if (/^ {0,3}\$\$+[ \t]*$/.test(line)) inMath = false;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (blank) {
      sawBlank = true;
    } else {
      const indented = first > pos;
      // A page's front matter further down (pages concatenated into one report): metadata, never a heading.
      const metaCheck = !indented && (sawBlank || pos === chunkStart) && text.slice(pos, pos + 3) === '---';
      const meta = metaCheck ? yamlBlockEnd(text, pos) : -1;
      if (metaCheck) reach = Math.max(reach, yamlReach);
      if (meta > 0) {
        if (pos > chunkStart) {
          push(pos);
          chunkStart = pos;
          if (stop?.(pos)) return { pieces, stoppedAt: pos };
        }
        push(meta, true);
        pos = chunkStart = meta;
        sawBlank = false;
        if (meta < n && stop?.(meta)) return { pieces, stoppedAt: meta };
        continue;
      }
      if (sawBlank && !indented && pos > chunkStart) {
        push(pos);
        chunkStart = pos;
        if (stop?.(pos)) return { pieces, stoppedAt: pos };
      }
      sawBlank = false;
      const f = FENCE.exec(line);
      if (f) fence = f[1]!;
      else if (/^ {0,3}\$\$/.test(line)) {
        if ((line.match(/\$\$/g) ?? []).length === 1) inMath = true;
      } else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true;
      const d = DEFINITION.exec(line);
      if (d) (defs ??= []).push(d[1] + normaliseLabel(d[2]!));
    }
    pos = next;
  }
  if (chunkStart < n || (from === 0 && pieces.length === 0)) push(n);
  return { pieces, stoppedAt: n };
}

/**
 * The pieces of `text` after an edit, from those of the last version (`old`): the pieces before the
 * edit whose scan read only unchanged text are kept, the text is scanned again from there until a
 * boundary after the edit where the last version had one too (the scan is then where it was, and
 * reads the same text), and the pieces from there on are the old ones, moved. The same pieces as
 * scanPieces(text, 0) (test/engine/markdown-chunking.test.ts compares both over random edits). `u`: where the text is
 * as the last version, to the character (speed only, md33: the scan reads the pieces the edit touched, not the chunks).
 * Speed only (md33): `old` is patched in place and returned (the pieces after the edit moved in one pass, the scanned
 * ones put in place of those they replace): no new piece per piece after the edit, no new list, at every edit. The
 * caller must not read `old` as the last version's pieces again.
 */
function piecesAfterEdit(text: TextView, old: PieceList, u: Exact): PieceList {
  PIECES_KEPT_DEFINITIONS = false;
  const n = old.length;
  const oldStart = old.start;
  const oldReach = old.reach;
  let keep = 0;
  while (keep < n && oldReach[keep]! <= u.prefix) keep++;
  // The scan restarts where a kept piece ended: at the start of the first piece not kept.
  const from = keep === 0 ? 0 : old.end[keep - 1]!;
  let resume = -1;
  const { pieces, stoppedAt } = scanPieces(text, from, (at) => {
    if (at < u.suffixStart) return false;
    // Binary search for an old piece that starts at the same place in the old text.
    const want = at - u.delta;
    let lo = keep;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = oldStart[mid]!;
      if (s === want) {
        resume = mid;
        return true;
      }
      if (s < want) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  });
  // The kept pieces, the scanned ones, the old ones moved.
  const tail = resume >= 0 && stoppedAt < text.length ? n - resume : 0;
  // Whether the lines that read as definitions are those of the old pieces: none in the pieces scanned, none in the old
  // pieces they replace (the kept and moved pieces keep theirs).
  let defs = false;
  for (let i = 0; i < pieces.length && !defs; i++) if (pieces[i]!.defs) defs = true;
  for (let i = keep; i < n - tail && !defs; i++) if (old.defs[i]) defs = true;
  PIECES_KEPT_DEFINITIONS = !defs;
  // The moved pieces to their new places in the list (copyWithin on typed arrays: one move of memory), then moved by delta.
  const to = keep + pieces.length;
  const grow = to - (n - tail);
  if (grow !== 0) {
    old.reserve(n + grow);
    old.start.copyWithin(to, n - tail, n);
    old.end.copyWithin(to, n - tail, n);
    old.reach.copyWithin(to, n - tail, n);
    old.flags.copyWithin(to, n - tail, n);
    // (The labels, an array of objects: moved in a loop, as copyWithin takes its generic path for those.)
    const d = old.defs;
    if (grow > 0) for (let i = n - 1; i >= n - tail; i--) d[i + grow] = d[i];
    else for (let i = n - tail; i < n; i++) d[i + grow] = d[i];
    d.length = n + grow;
  }
  old.length = n + grow;
  const delta = u.delta;
  if (delta !== 0) {
    const st = old.start;
    const en = old.end;
    const re = old.reach;
    for (let i = to; i < to + tail; i++) {
      st[i] = st[i]! + delta;
      en[i] = en[i]! + delta;
      re[i] = re[i]! + delta;
    }
  }
  for (let i = 0; i < pieces.length; i++) old.set(keep + i, pieces[i]!);
  PIECES_SCANNED_FROM = keep;
  PIECES_SCANNED_TO = to;
  return old;
}

/** The pieces the last piecesAfterEdit() scanned, [from, to) in its list: those before are kept, those after moved. */
let PIECES_SCANNED_FROM = 0;
let PIECES_SCANNED_TO = 0;

/**
 * Whether the last piecesAfterEdit() gave pieces with the same definition lines as the old ones (then their
 * definitionsOf() is the old pieces': speed only, session 15, no pass over every piece per edit).
 */
let PIECES_KEPT_DEFINITIONS = false;

/**
 * Groups pieces into chunks of several pieces: each parser call has a fixed cost, so one
 * call per paragraph is slow. Boundaries depend on the pieces' own text (a piece whose hash
 * ends in three zero bits closes a chunk; a large piece is a chunk of its own), so an edit changes only the chunk it
 * falls in.
 */
function groupChunks(text: TextView, pieces: PieceList): Chunk[] {
  if (grouping) return grouping(flat(text), pieces.toArray());
  const out: Chunk[] = [];
  let start = -1;
  let count = 0;
  const ps = pieces.start;
  const pe = pieces.end;
  const pf = pieces.flags;
  // (Indexed: no entry pair per piece at every edit.)
  for (let i = 0; i < pieces.length; i++) {
    const f = pf[i]!;
    if (f & (META | LARGE)) {
      // Alone: front matter so that it starts its chunk and parses as front matter, a large piece so that no edit of
      // another piece parses it again (LARGE_PIECE).
      if (start >= 0) out.push({ start, end: pe[i - 1]! });
      out.push(f & META ? { start: ps[i]!, end: pe[i]!, meta: true } : { start: ps[i]!, end: pe[i]! });
      start = -1;
      count = 0;
      continue;
    }
    if (start < 0) start = ps[i]!;
    count++;
    if (f & CLOSES || count >= 32) {
      out.push({ start, end: pe[i]! });
      start = -1;
      count = 0;
    }
  }
  if (start >= 0) out.push({ start, end: pe[pieces.length - 1]! });
  return out;
}

/**
 * groupChunks() after piecesAfterEdit() (`delta`: what the edit added), from the last parse's chunks (`old`, of the
 * pieces before the edit), patched in place and returned: the chunks that end before the scanned pieces stay, the
 * pieces are grouped again from the start of the last of those (where the grouping starts afresh) until a chunk ends
 * where a chunk of the last parse started among the moved pieces (the grouping is then where it was, over the same
 * pieces), and the chunks from there on are the old ones, moved. Speed only (md33): no pass over every piece and no
 * new chunk per chunk at every edit. The same chunks as groupChunks() (test/engine/markdown-chunking.test.ts).
 */
function groupChunksAfterEdit(pieces: PieceList, old: Chunk[], delta: number): Chunk[] {
  const ps = pieces.start;
  const pe = pieces.end;
  const pf = pieces.flags;
  const scannedTo = PIECES_SCANNED_TO;
  const m = old.length;
  const np = pieces.length;
  // The old chunks that end at or before the first scanned piece's start (the pieces up to it are the kept ones).
  const from = PIECES_SCANNED_FROM > 0 ? pe[PIECES_SCANNED_FROM - 1]! : 0;
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (old[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  // The last of them is grouped again too (a safeguard: a chunk that ended only because the pieces did would go on; the
  // last piece reads past the text's end and is never kept, so none of these should).
  const g0 = Math.max(0, lo - 1);
  // Its first piece (a kept piece: the same start).
  let p0 = 0;
  if (g0 < m) {
    const want = old[g0]!.start;
    let a = 0;
    let b = PIECES_SCANNED_FROM;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (ps[mid]! < want) a = mid + 1;
      else b = mid;
    }
    p0 = a;
  }
  // The old chunk that starts where piece i (a moved one) starts, if any (at or after g0 in the old list).
  const oldChunkAt = (i: number): number => {
    if (i < scannedTo || i >= np) return -1;
    const want = ps[i]! - delta;
    let a = g0;
    let b = m - 1;
    while (a <= b) {
      const mid = (a + b) >> 1;
      const st = old[mid]!.start;
      if (st === want) return mid;
      if (st < want) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  };
  const made: Chunk[] = [];
  let resume = -1;
  let start = -1;
  let count = 0;
  for (let i = p0; i < np; i++) {
    const fl = pf[i]!;
    if (fl & (META | LARGE)) {
      if (start >= 0) {
        made.push({ start, end: pe[i - 1]! });
        if ((resume = oldChunkAt(i)) >= 0) break;
      }
      made.push(fl & META ? { start: ps[i]!, end: pe[i]!, meta: true } : { start: ps[i]!, end: pe[i]! });
      start = -1;
      count = 0;
      if ((resume = oldChunkAt(i + 1)) >= 0) break;
      continue;
    }
    if (start < 0) start = ps[i]!;
    count++;
    if (fl & CLOSES || count >= 32) {
      made.push({ start, end: pe[i]! });
      start = -1;
      count = 0;
      if ((resume = oldChunkAt(i + 1)) >= 0) break;
    }
  }
  if (resume < 0 && start >= 0) made.push({ start, end: pe[np - 1]! });
  if (resume < 0) resume = m;
  // The old chunks from `resume` on, moved; the made ones in place of old[g0, resume).
  if (delta !== 0) {
    for (let i = resume; i < m; i++) {
      const c = old[i]!;
      c.start += delta;
      c.end += delta;
    }
  }
  const grow = made.length - (resume - g0);
  if (grow > 0) {
    for (let i = 0; i < grow; i++) old.push(made[0]!);
    for (let i = m - 1; i >= resume; i--) old[i + grow] = old[i]!;
  } else if (grow < 0) {
    for (let i = resume; i < m; i++) old[i + grow] = old[i]!;
    old.length = m + grow;
  }
  for (let i = 0; i < made.length; i++) old[g0 + i] = made[i]!;
  return old;
}

/** A test-only grouping of the pieces (every piece alone, another hash): blocks must not depend on it. */
let grouping: ((text: string, pieces: Chunk[]) => Chunk[]) | undefined;

/**
 * Replaces how pieces are grouped into chunks (tests only): `close(i, piece)` true ends a chunk
 * after piece i (a metadata piece is always alone); undefined restores the default.
 */
export function setChunkGrouping(close: ((index: number, piece: string) => boolean) | undefined): void {
  grouping = close
    ? (text, pieces) => {
        const out: Chunk[] = [];
        let start = -1;
        for (const [i, p] of pieces.entries()) {
          if (p.meta) {
            if (start >= 0) out.push({ start, end: pieces[i - 1]!.end });
            out.push({ start: p.start, end: p.end, meta: true });
            start = -1;
            continue;
          }
          if (start < 0) start = p.start;
          if (close(i, text.slice(p.start, p.end))) {
            out.push({ start, end: p.end });
            start = -1;
          }
        }
        if (start >= 0) out.push({ start, end: pieces[pieces.length - 1]!.end });
        return out;
      }
    : undefined;
  if (lastParse) lastParse.lineage.ended = parses;
  lastParse = undefined;
}

const YAML_KEY = /^[a-z_][a-z0-9_-]*:(?:[ \t]|$)/;
const BLOCK_SCALAR = /^[a-z_][a-z0-9_-]*:[ \t]+[|>][+-]?[1-9]?[ \t]*$/;

/**
 * Where a YAML metadata block that starts at `pos` (a `---` line) ends, after its closing `---`
 * line; -1 when it is not one. Only a block of lines that all read as YAML (lower-case `key:` lines,
 * indented or `- ` continuations, blank lines) with two keys or more, or one key whose value is a
 * block scalar (`description: >-` and indented lines: what GitBook pages start with), counts, so a
 * thematic break followed by a prose paragraph ("Note: …") and a setext underline stays what it is.
 */
function yamlBlockEnd(text: TextView, pos: number): number {
  const open = /---[ \t]*\r?\n/y;
  const eol = text.indexOf('\n', pos);
  yamlReach = eol < 0 ? text.length + 1 : eol + 1;
  // (The opening line's pattern ends at its line break: read on the line.)
  if (eol < 0 || !open.exec(text.slice(pos, eol + 1))) return -1;
  let at = pos + open.lastIndex;
  let keys = 0;
  // 1: the last key's value is a block scalar indicator; 2: an indented line followed it.
  let scalar = 0;
  for (let lines = 0; at < text.length && lines < 200; lines++) {
    const eol = text.indexOf('\n', at);
    const end = eol < 0 ? text.length : eol + 1;
    yamlReach = eol < 0 ? text.length + 1 : end;
    const line = text.slice(at, end).replace(/\r?\n$/, '');
    if (/^---[ \t]*$/.test(line)) return keys >= 2 || (keys === 1 && scalar === 2) ? end : -1;
    if (YAML_KEY.test(line)) {
      keys++;
      scalar = BLOCK_SCALAR.test(line) ? 1 : 0;
    } else if (scalar === 1 && /^[ \t]+\S/.test(line)) scalar = 2;
    else if (!(line.trim() === '' || (keys > 0 && /^[ \t]+\S|^- /.test(line)))) return -1;
    at = end;
  }
  if (at >= text.length) yamlReach = text.length + 1;
  return -1;
}

function pieceHash(text: TextView, start: number, pieceEnd: number): number {
  // FNV-1a over at most the first 256 characters: enough to vary, cheap to compute.
  let h = 0x811c9dc5;
  const end = Math.min(pieceEnd, start + 256);
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function offsetOf(node: MdNode, which: 'start' | 'end'): number {
  return node.position?.[which].offset ?? 0;
}

// A label may run over lines (not over a blank line, but a stub too many does no harm).
const REFERENCE = /\[(\^?)([^[\]]{1,999})\]/g;

/**
 * Stub definitions for the labels a chunk references and the document defines: enough for
 * remark to read the references as references (the adapter never reads a definition's
 * content here; the chunk that holds the definition reads it).
 */
export function stubDefinitions(src: string, definitions: Definitions): string {
  if (definitions.size === 0 || src.indexOf('[') < 0) return '';
  let out = '';
  const seen = new Set<string>();
  REFERENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REFERENCE.exec(src))) {
    const key = m[1] + normaliseLabel(m[2]!);
    if (seen.has(key) || !definitions.has(key)) continue;
    seen.add(key);
    // Each its own paragraph: a link definition cannot interrupt a footnote stub's text (it would read as a lazy line of it).
    out += `[${key}]: ${m[1] ? 'x' : '#'}\n\n`;
  }
  return out;
}

/** Base64 data of an inline image or file (`![](data:image/png;base64,…)`): shorter runs are left alone. */
const DATA_URI = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,([A-Za-z0-9+/]{1000,}=*)/g;
const SHORT_PAYLOAD = 'AAAA';

/**
 * Parses a chunk as remark would, with the base64 data of inline images cut short first: they are
 * no prose, but micromark reads them a character at a time, and reports exported from online
 * editors carry images of 100,000 characters and more (the GitBook report: 990,000 of its 1.1
 * million characters). The tree's offsets are then moved back to the full text. When a node
 * whose text the adapter reads (text, code, HTML) spans a cut, the data was no link target:
 * the chunk is parsed as it stands.
 */
function parseShortened(input: string, frontMatter = false): MdNode {
  const cuts: Array<{ at: number; removed: number }> = [];
  let short = '';
  let last = 0;
  let removedSoFar = 0;
  DATA_URI.lastIndex = 0;
  let m: RegExpExecArray | null;
  // Most chunks hold no base64 data at all: a plain search says so faster than the expression.
  while (input.includes(';base64,') && (m = DATA_URI.exec(input))) {
    const payload = m.index + m[0].length - m[1]!.length;
    short += input.slice(last, payload) + SHORT_PAYLOAD;
    last = m.index + m[0].length;
    const removed = m[1]!.length - SHORT_PAYLOAD.length;
    // Offsets at or after `at` (in the short text) lie after the cut.
    cuts.push({ at: payload - removedSoFar + SHORT_PAYLOAD.length, removed });
    removedSoFar += removed;
  }
  // micromark drops one leading U+FEFF and counts offsets without it: give it one to drop, so a
  // chunk that starts with U+FEFF (a second BOM, a zero-width no-break space) keeps exact offsets.
  const bom = input.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  if (cuts.length === 0) return parseMdast(bom + input, frontMatter);
  short += input.slice(last);
  const tree = parseMdast(bom + short, frontMatter);
  const shift = (offset: number): number => {
    let by = 0;
    for (const c of cuts) {
      if (offset < c.at) break;
      by += c.removed;
    }
    return offset + by;
  };
  let spans = false;
  const move = (node: MdNode) => {
    const pos = node.position;
    if (pos) {
      const s = pos.start.offset;
      const e = pos.end.offset;
      if (node.value !== undefined && s !== undefined && e !== undefined && cuts.some((c) => s < c.at && e > c.at - SHORT_PAYLOAD.length)) spans = true;
      if (s !== undefined) pos.start = { ...pos.start, offset: shift(s) };
      if (e !== undefined) pos.end = { ...pos.end, offset: shift(e) };
    }
    for (const c of node.children ?? []) move(c);
  };
  move(tree);
  return spans ? parseMdast(bom + input, frontMatter) : tree;
}

/** Reads one chunk's mdast into prose blocks and directives, offsets relative to the chunk. */
class ChunkReader {
  readonly blocks: ProseBlock[] = [];
  readonly directives: ChunkResult['directives'] = [];
  readonly defines: string[] = [];
  readonly defineAt: number[] = [];
  frontMatterLanguage: Language | undefined;
  // Where the last positioned text ended: text that a transform made without a position (GFM
  // e-mail literals inside broken links) is found from here, so its offsets stay exact.
  private cursor = 0;

  constructor(
    private readonly src: string,
    private readonly limit: number,
  ) {}

  collectDirective(node: MdNode): void {
    const value = node.value ?? '';
    const re = /<!--([\s\S]*?)-->/g;
    let m: RegExpExecArray | null;
    const base = offsetOf(node, 'start');
    while ((m = re.exec(value))) {
      const d = parseDirective(m[1]!, base + m.index, base + m.index + m[0].length, 0);
      if (d) this.directives.push(d);
    }
  }

  inline(node: MdNode, b: BlockTextBuilder): void {
    switch (node.type) {
      case 'text': {
        let s = offsetOf(node, 'start');
        let e = offsetOf(node, 'end');
        if (!node.position) {
          const value = node.value ?? '';
          const at = value ? this.src.indexOf(value, this.cursor) : -1;
          // Not found as it stands (an escape inside): left out rather than put in the wrong place.
          if (at < 0) return;
          s = at;
          e = at + value.length;
        }
        this.cursor = e;
        b.addAligned(node.value ?? '', this.src.slice(s, e), s);
        return;
      }
      case 'inlineCode':
      case 'inlineMath':
        b.addPlaceholder(offsetOf(node, 'start'), offsetOf(node, 'end') - offsetOf(node, 'start'), PLACEHOLDER);
        return;
      case 'link': {
        const kids = node.children ?? [];
        const only = kids.length === 1 && kids[0]!.type === 'text' ? kids[0]!.value ?? '' : null;
        // A bare URL (autolink) takes a word's place but is not prose.
        if (only !== null && (only === node.url || /^(https?:\/\/|www\.|mailto:)/i.test(only) || node.url === `mailto:${only}`)) {
          let s = offsetOf(node, 'start');
          let e = offsetOf(node, 'end');
          if (!node.position) {
            // A literal that a transform made (`www.` in text after HTML): found from the cursor, as text is.
            const at = this.src.indexOf(only, this.cursor);
            s = at < 0 ? this.cursor : at;
            e = at < 0 ? this.cursor : at + only.length;
          }
          this.cursor = e;
          b.addPlaceholder(s, e - s, PLACEHOLDER);
          return;
        }
        for (const c of kids) this.inline(c, b);
        return;
      }
      case 'break':
        b.addSeparator(' ', offsetOf(node, 'start'));
        return;
      case 'html':
        this.collectDirective(node);
        return;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      default:
        for (const c of node.children ?? []) this.inline(c, b);
    }
  }

  block(node: MdNode, kind: BlockKind, quoted: boolean, level?: number): void {
    const b = new BlockTextBuilder();
    for (const c of node.children ?? []) this.inline(c, b);
    if (b.text.trim().length === 0) return;
    // A paragraph of Hugo or Quarto shortcodes only ({{< image … >}}, {{% include %}}) is markup, not prose.
    if (SHORTCODES_ONLY.test(b.text) || wordlessCell(kind, b.text)) return;
    const pb: ProseBlock = {
      kind,
      text: b.text,
      map: b.blockMap,
      start: offsetOf(node, 'start'),
      end: offsetOf(node, 'end'),
    };
    if (level !== undefined) pb.level = level;
    if (quoted) pb.quoted = true;
    if (b.placeholders.length) pb.placeholders = b.blockPlaceholders;
    this.blocks.push(pb);
  }

  walk(node: MdNode, quoted: boolean, inList: boolean, inNote = false): void {
    if (offsetOf(node, 'start') >= this.limit && node.type !== 'root') return;
    switch (node.type) {
      case 'heading':
        this.block(node, 'heading', quoted, node.depth ?? 1);
        return;
      case 'paragraph':
        this.block(node, inNote ? 'footnote' : inList ? 'listItem' : 'paragraph', quoted);
        return;
      case 'blockquote':
        for (const c of node.children ?? []) this.walk(c, true, inList, inNote);
        return;
      case 'list':
      case 'listItem':
        for (const c of node.children ?? []) this.walk(c, quoted, true, inNote);
        return;
      case 'footnoteDefinition':
        this.defines.push(`^${normaliseLabel(node.label ?? '')}`);
        this.defineAt.push(offsetOf(node, 'start'));
        // A footnote's text is prose: in theses much of it lives there.
        for (const c of node.children ?? []) this.walk(c, quoted, inList, true);
        return;
      case 'definition':
        this.defines.push(normaliseLabel(node.label ?? ''));
        this.defineAt.push(offsetOf(node, 'start'));
        return;
      case 'table':
        for (const row of node.children ?? []) for (const cell of row.children ?? []) this.block(cell, 'tableCell', quoted);
        return;
      case 'html':
        this.collectDirective(node);
        return;
      case 'yaml': {
        const language = yamlLanguage(node.value ?? '');
        if (language) this.frontMatterLanguage = language;
        return;
      }
      case 'root':
        for (const c of node.children ?? []) this.walk(c, quoted, inList);
        return;
      default:
        // code, math, toml, definition, thematicBreak: not prose.
        return;
    }
  }
}

/** The language a YAML front matter block declares (`lang: nl`, `language: english`, `taal: nl-NL`), if any. */
function yamlLanguage(value: string): Language | undefined {
  const m = /^\s*(?:lang|language|taal)\s*:\s*["']?(nl|en|dutch|english|nl-NL|en-GB|en-US)/im.exec(value);
  if (!m) return undefined;
  return m[1]!.toLowerCase().startsWith('nl') || m[1]!.toLowerCase() === 'dutch' ? 'nl' : 'en';
}

/**
 * A metadata chunk (scanPieces found a YAML block: `---`, lines, `---`) read without the parser: the
 * parser, given the chunk as front matter, reads one yaml node whose value is the lines between the
 * fences, and no prose. Only when both fences are `---` alone on their lines, the chunk ends with
 * the closing one, it has no carriage return and needs no stubs; undefined otherwise.
 */
export function frontMatterChunk(src: string, stubs: string): ChunkResult | undefined {
  if (stubs || !src.startsWith('---\n') || src.indexOf('\r') >= 0) return undefined;
  const close = src.indexOf('\n---', 3);
  if (close < 0 || (close + 4 !== src.length && (close + 5 !== src.length || src.charCodeAt(close + 4) !== 10))) return undefined;
  const result: ChunkResult = { blocks: [], directives: [] };
  const language = yamlLanguage(src.slice(4, close));
  if (language) result.frontMatterLanguage = language;
  return result;
}

/**
 * Plain paragraphs: pieces of text between blank lines that hold no Markdown at all, so that
 * remark would read each as one paragraph whose text is its source, character for character.
 * Such a piece has no character that starts or ends inline syntax (emphasis, code, links,
 * HTML, entities, escapes, math, tables, strikethrough, autolink literals), no line that starts
 * a block (indentation, heading, quote, list item, setext underline) and no space or tab at a
 * line's end (a hard break, or space that remark drops). Tabs and carriage returns: not plain.
 */
const NOT_PLAIN = /[\\`*_[\]~$|@\t\r\0]|<[A-Za-z/!?]|&[A-Za-z0-9#]|:\/\/|www\./i;
const BLOCK_START = /^(?:[ #>=+\-]|\d{1,9}[.)](?:[ \t]|$))|[ \t]$/m;
/**
 * Constructs that run on across blank lines until they close (fenced code, math, raw HTML of
 * kinds 1-5): a chunk that has one is parsed as a whole, since a blank line there does not end
 * what came before.
 */
const SPANS_BLANK_LINES = /```|~~~|\$\$|<[!?]|<(?:script|pre|style|textarea)/i;
/** Plain pieces shorter than this stay with their neighbours: each parser call has a fixed cost. */
const MIN_PLAIN = 200;

/**
 * A footnote reference (`[^12]`): remark reads it as a reference when the document defines the
 * label, and leaves it out of the text. Only simple labels, not at a line's start, not after
 * `!`, not before `(`, `[` (unless another reference follows: `[^1][^2]`) or `:` count; a piece
 * with any other bracket is not plain.
 */
const FOOTNOTE_CALL = /\[\^([A-Za-z0-9-]{1,100})\]/g;

/**
 * Brackets around a label that is no link: not after `!` or `]`, not before `(`, `[` or `:`, no
 * emphasis or line ending inside, not a task's box (`[ ]`, `[x]`), and a label that the chunk's
 * stubs do not define (a reference to a link definition would be a link). CommonMark leaves such
 * brackets in the text as they are.
 */
const LITERAL_BRACKETS = /\[([^[\]\n^][^[\]\n]{0,998})\]/g;

/**
 * An inline link or image: `[label](destination)`, `![alt](destination)`. The label on one line,
 * without brackets, code, HTML or math (they take precedence over a link); the destination without
 * spaces, brackets, parentheses, code, math, pipes (a table row), tildes or a title; or between angle brackets
 * (`[tekst](<https://… Shared Documents/…>)`: spaces and parentheses allowed, no line ending, angle bracket or backslash).
 */
const INLINE_LINK = /(!?)\[([^[\]\n`<$]{1,999})\]\(([^\s()<>\\`$|~[\]]{1,2000}|<[^<>\n\\`$|~[\]]{0,2000}>)\)/g;

/** A backslash escape of ASCII punctuation (CommonMark): the character stands for itself. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/**
 * A range of a piece that is not in its text: [start, end), and true when it is a hard break (a
 * space in the text), CODE when it is a code span (a placeholder in the text, as ChunkReader reads inlineCode).
 */
type Skip = [number, number, (true | typeof CODE)?];
const CODE = 2;

/** The end of the run of the character at `i` (backticks, dollar signs). */
function runEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  let j = i;
  while (s.charCodeAt(j) === c) j++;
  return j;
}

/** The start of the first run of `mark` at or after `from` that is exactly `n` long, or -1. */
function closingRun(s: string, mark: string, from: number, n: number): number {
  for (let k = s.indexOf(mark, from); k >= 0; ) {
    const m = runEnd(s, k);
    if (m - k === n) return k;
    k = s.indexOf(mark, m);
  }
  return -1;
}

/**
 * The spans of a paragraph's text delimited by runs of `mark` (a run up to the next run of the same length), as
 * [start, end) ranges with the marks; null when a span runs over a line ending (the next line may start a block that
 * ends the paragraph first). A run that no run closes: null when `unclosed` is 'give up' (left to the parser), skipped
 * as text when it is 'text'.
 */
function delimitedSpans(s: string, mark: string, unclosed: 'give up' | 'text'): Array<[number, number]> | null {
  const out: Array<[number, number]> = [];
  let i = s.indexOf(mark);
  while (i >= 0) {
    const j = runEnd(s, i);
    const n = j - i;
    const close = closingRun(s, mark, j, n);
    if (close < 0) {
      if (unclosed === 'give up') return null;
      i = s.indexOf(mark, j);
      continue;
    }
    const nl = s.indexOf('\n', j);
    if (nl >= 0 && nl < close) return null;
    out.push([i, close + n]);
    i = s.indexOf(mark, close + n);
  }
  return out;
}

/** The code spans of a paragraph's text (CommonMark): a run of backticks that no run closes is left to the parser. */
function codeSpans(s: string): Array<[number, number]> | null {
  return delimitedSpans(s, '`', 'give up');
}

/**
 * The math spans of a paragraph's text as micromark's math extension reads them (single dollar signs allowed); a run
 * that no run closes is text (`$15` … `$25`).
 */
function mathSpans(s: string): Array<[number, number]> | null {
  return delimitedSpans(s, '$', 'text');
}

/**
 * An `@` that no e-mail autolink literal can hold (GFM reads `local@domain.tld`, with at least one of
 * `A-Za-z0-9_+-.` right before the `@`): after a space, a line ending, a bracket or the piece's start.
 */
const LONE_AT = /(^|[ \n(\[])@/g;

/**
 * A character reference as micromark reads one (`&nbsp;`, `&#38;`, `&#x26;`: a known name or a
 * number, and the semicolon), or a line break tag (`<br>`, `<br/>`, `<br />`, inline HTML).
 */
const REFERENCE_OR_BREAK = /&(?:#(?:\d{1,7}|x[\da-f]{1,6})|[\da-z]{1,31});|<br ?\/?>/gi;

/**
 * `piece` (a paragraph's or a cell's text, escapes masked) with its character references and
 * line break tags masked, each break tag's range (offset by `at`) added to `skips`. A reference
 * stands in remark's text node for what it decodes to (fastBlock decodes it as micromark does);
 * an unknown name (`&foo;`) and one that decodes to white space or a control character stay, so
 * the piece is not plain. A break tag is an HTML node that holds no text; at the piece's start it
 * could open an HTML block, so it stays there.
 */
function maskReferences(piece: string, at: number, skips: Skip[]): string {
  let added = false;
  const masked = piece.replace(REFERENCE_OR_BREAK, (m: string, i: number) => {
    if (m.charCodeAt(0) === 38 /* & */) {
      const value = decodeString(m);
      return value === m || value.charCodeAt(0) < 33 ? m : 'x'.repeat(m.length);
    }
    if (i === 0) return m;
    skips.push([at + i, at + i + m.length]);
    added = true;
    return 'x'.repeat(m.length);
  });
  if (added) skips.sort((x, y) => x[0] - y[0]);
  return masked;
}

/** A run of emphasis delimiters (`*`, `**`, `_` …). */
const DELIMITER_RUN = /\*+|_+/g;
const WHITESPACE = /\s/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * The delimiter runs of simple emphasis in a piece (`*word*`, `**two words**`, `_x_`), as
 * [start, end) ranges (offset by `at`), or null when any run is not simple. Simple: the runs
 * alternate opener, closer, opener, closer …, each closer with the character and the length
 * (1 to 3) of its opener; an opener follows the piece's start, a space, a line ending or
 * punctuation and is followed by no white space (left-flanking; it may be right-flanking too,
 * between two punctuation marks: `("*"…`); a closer follows no white space and is followed by
 * the end, a space or a line ending, or by punctuation after a letter, a digit or punctuation
 * (right-flanking; between two punctuation marks, `…"*[^1]`, left-flanking too). Every run
 * before a closer is matched, so the opener before it is the one open delimiter of its kind;
 * both have the same length (the rule of three allows 1+1, 2+2 and 3+3) and a `_` that is both
 * closes (punctuation follows) and opens (punctuation precedes). CommonMark then pairs each
 * closer with the opener before it: remark's text
 * nodes are the text between the runs, each run left out. A run with a space before it and a
 * space or a line ending after it is neither (it stays in the text). `endIsSpace`: the piece's end
 * stands for a line ending (a paragraph), not for a pipe (a table cell).
 */
function emphasisRuns(piece: string, at: number, endIsSpace = true, pairs?: Array<[number, number]>, source?: string): Array<[number, number]> | null {
  const out: Array<[number, number]> = [];
  // The open runs, outer first: at most one of each character (`**_both_**`, `_een **twee** drie_`).
  const open: Array<{ run: string; s: number; at: number }> = [];
  let unmatched = false;
  DELIMITER_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DELIMITER_RUN.exec(piece))) {
    const run = m[0];
    const s = m.index;
    const e = s + run.length;
    const before = s > 0 ? piece[s - 1]! : '';
    const after = e < piece.length ? piece[e]! : '';
    // Between spaces (not at a line's start: a list item), a run neither opens nor closes: it is text.
    if (before === ' ' && (after === ' ' || after === '\n' || (after === '' && endIsSpace))) continue;
    // `_` between two characters that are neither white space nor punctuation (`snake_case`, `:heavy_check_mark:`) is both
    // left- and right-flanking, and then neither opens nor closes: it is text.
    if (run.charCodeAt(0) === 95 && before !== '' && after !== '' && !WHITESPACE.test(before) && !WHITESPACE.test(after) && !PUNCTUATION.test(before) && !PUNCTUATION.test(after)) continue;
    const top = open[open.length - 1];
    if (!top || (open.length === 1 && top.run[0] !== run[0])) {
      if (source !== undefined && (!top || top.run[0] !== run[0]) && !canOpen(run, before, after) && !atLineStart(piece, s)) {
        // A run that cannot open, with no open run of its character before it to close: text (`@key_.`, `GOV_)`).
        unmatched = true;
        continue;
      }
      if (run.length > 3 || !(before === '' || before === ' ' || before === '\n' || PUNCTUATION.test(before)) || after === '' || WHITESPACE.test(after)) return null;
      open.push({ run, s: at + s, at: out.length });
    } else {
      // A closer closes the innermost open run (CommonMark would pair it with an outer one of its kind and drop the inner).
      if (run !== top.run || before === '' || WHITESPACE.test(before)) return null;
      if (!(after === '' || after === ' ' || after === '\n' || (PUNCTUATION.test(after) && (WORD_CHARACTER.test(before) || PUNCTUATION.test(before))))) return null;
      open.pop();
      pairs?.push([top.s, at + s]);
    }
    out.push([at + s, at + e]);
  }
  if (open.length === 0 && !unmatched) return out;
  // An opener that nothing closed is text (CommonMark: a delimiter run left unmatched stays as written), when every run
  // was judged by the characters the parser sees next to it (`source`: the text before masking; an escape or a link
  // masked next to a run may have hidden punctuation that makes it a closer).
  if (source === undefined) return null;
  DELIMITER_RUN.lastIndex = 0;
  while ((m = DELIMITER_RUN.exec(piece))) {
    const s = m.index;
    const e = s + m[0].length;
    if ((s > 0 && piece.charCodeAt(s - 1) !== source.charCodeAt(s - 1)) || (e < piece.length && piece.charCodeAt(e) !== source.charCodeAt(e))) return null;
  }
  for (let i = open.length - 1; i >= 0; i--) out.splice(open[i]!.at, 1);
  return out;
}

/** Whether only spaces stand before `s` on its line (a run there may be a list item's marker or a thematic break). */
function atLineStart(text: string, s: number): boolean {
  let k = s - 1;
  while (k >= 0 && text.charCodeAt(k) === 32) k--;
  return k < 0 || text.charCodeAt(k) === 10;
}

/**
 * Whether a delimiter run with `before` and `after` next to it ('' at a paragraph's start or end: white space) may open
 * emphasis (CommonMark: left-flanking; an underscore also not right-flanking, or after punctuation).
 */
function canOpen(run: string, before: string, after: string): boolean {
  const beforeSpace = before === '' || WHITESPACE.test(before);
  const afterSpace = after === '' || WHITESPACE.test(after);
  const left = !afterSpace && (!PUNCTUATION.test(after) || beforeSpace || PUNCTUATION.test(before));
  if (run.charCodeAt(0) !== 95 || !left) return left;
  const right = !beforeSpace && (!PUNCTUATION.test(before) || afterSpace || PUNCTUATION.test(after));
  return !right || PUNCTUATION.test(before);
}

/** The pieces of a chunk: runs of non-blank lines, [start, end) without the last line ending. */
function pieces(src: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = src.length;
  let pos = 0;
  while (pos < n) {
    // Skip blank lines.
    let lineEnd = src.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = n;
    if (/^[ \t\r]*$/.test(src.slice(pos, lineEnd))) {
      pos = lineEnd + 1;
      continue;
    }
    // A piece: non-blank lines up to a blank line or the end.
    const start = pos;
    let end = lineEnd;
    let next = lineEnd + 1;
    while (next < n) {
      let e = src.indexOf('\n', next);
      if (e < 0) e = n;
      if (/^[ \t\r]*$/.test(src.slice(next, e))) break;
      end = e;
      next = e + 1;
    }
    out.push([start, end]);
    pos = next;
  }
  return out;
}

/** `text` with the contents of its code spans (`codes`, from codeSpans; or math spans, `mark` 36) written as `x`, the backticks (dollar signs) kept. */
function maskCodeSpans(text: string, codes: ReadonlyArray<[number, number]>, mark = 96): string {
  for (const [cs, ce] of codes) {
    let a = cs;
    while (text.charCodeAt(a) === mark) a++;
    let b = ce;
    while (text.charCodeAt(b - 1) === mark) b--;
    text = text.slice(0, a) + 'x'.repeat(b - a) + text.slice(b);
  }
  return text;
}

/**
 * `text` with what `prefix` matches at its lines' starts (a line ending, then a list item's indentation or a quote's
 * marker) masked for plainParagraph, the length kept: a line of letters, then a line ending, so that the line before
 * still ends at a line ending and the text starts its line as micromark sees it once the prefix is taken off (an
 * emphasis run there follows a line ending, not a letter). A prefix of one character (`>`) leaves no room for that: a
 * letter, and before a `*` or `_` a character that no plain paragraph holds (the parser's).
 */
function maskLineStarts(text: string, prefix: RegExp): string {
  return text.replace(prefix, (m: string, at: number) => {
    if (m.length > 2) return `\n${'x'.repeat(m.length - 2)}\n`;
    const next = text.charCodeAt(at + m.length);
    return next === 42 || next === 95 ? '\n\0' : '\nx';
  });
}

/**
 * The skips of a list item's text [from, textEnd) read as a plain paragraph; a wrapped item's continuation lines have
 * their indentation masked (maskLineStarts).
 */
function itemSkips(src: string, from: number, textEnd: number, wrapped: boolean, footnotes: ReadonlySet<string>): Skip[] | null {
  if (!wrapped) return plainParagraph(src, from, textEnd, footnotes);
  const local = maskLineStarts(src.slice(from, textEnd), /\n +/g);
  return plainParagraph(local, 0, local.length, footnotes)?.map(([rs, re, what]) => (what ? [from + rs, from + re, what] : [from + rs, from + re]) as Skip) ?? null;
}

/** A tag named as those that open an HTML block of kind 1 (`<pre`, `<script`, `<style`, `<textarea`), opening or closing. */
const HTML_BLOCK_1_NAME = /^<\/?(?:script|pre|style|textarea)(?:[ \t>/]|$)/i;

/** Whether the first line of `s` holds more than white space after `from` (a tag there then opens no HTML block of kind 7). */
function textAfter(s: string, from: number): boolean {
  let lineEnd = s.indexOf('\n', from);
  if (lineEnd < 0) lineEnd = s.length;
  for (let k = from; k < lineEnd; k++) {
    const c = s.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 13) return true;
  }
  return false;
}

/**
 * Whether src[start, end) is a plain paragraph (see NOT_PLAIN and BLOCK_START), with footnote
 * references to defined footnotes and simple emphasis: what remark leaves out of its text, as
 * sorted [start, end) ranges; null when it is not plain.
 */
function plainParagraph(src: string, start: number, end: number, footnotes: ReadonlySet<string>, lazy = false, cell = false): Skip[] | null {
  // Escaped punctuation (`\(`, `\*`) is text: masked for every test below (a backslash left over, `\` at a line's end, is not plain).
  let raw = src.slice(start, end);
  // Code spans bind more tightly than anything else inline: their text is masked for every test below (their backticks
  // stay until the last test: emphasis next to them sees punctuation). A backslash does not escape inside a code span, and
  // a dollar sign may open math that runs into one: the parser's.
  let codes: Array<[number, number]> | null = null;
  if (raw.indexOf('`') >= 0) {
    if (raw.indexOf('\\') >= 0 || raw.indexOf('$') >= 0) return null;
    codes = codeSpans(raw);
    if (!codes) return null;
    raw = maskCodeSpans(raw, codes);
  }
  // Math spans (`$x$`; a dollar sign that no run closes is text: `$15 … ($25`): masked as code spans are. Not with a
  // backslash (an escaped dollar sign) or HTML (a tag may hold a dollar sign): the parser's.
  const dollar = raw.indexOf('$');
  let maths: Array<[number, number]> | null = null;
  if (dollar >= 0 && raw.indexOf('$', dollar + 1) >= 0) {
    if (raw.indexOf('\\') >= 0 || raw.indexOf('<') >= 0) return null;
    maths = mathSpans(raw);
    if (!maths) return null;
    raw = maskCodeSpans(raw, maths, 36);
  }
  if (raw.indexOf('\\') >= 0) raw = raw.replace(ESCAPE, 'xx');
  let refs: Skip[] = [];
  if (raw.indexOf('<') >= 0) {
    // Inline HTML tags (`<img src="…">`, `<br clear="all">`, `</a>`): HTML nodes that hold no text, left out of it.
    let ok = true;
    raw = raw.replace(INLINE_TAG, (tag: string, i: number) => {
      // At the piece's start (not a cell's) the tag could open an HTML block (kind 1 or 6, or kind 7: a tag alone on its
      // line); at a line's start one of kind 6 interrupts the paragraph, and on a lazy line any tag there may end the
      // container (micromark).
      if (i === 0 && !cell && (HTML_BLOCK_6.test(tag) || HTML_BLOCK_1_NAME.test(tag) || !textAfter(raw, tag.length))) return tag;
      if (i > 0 && raw.charCodeAt(i - 1) === 10 && (lazy || HTML_BLOCK_6.test(tag))) return tag;
      // In a link's destination (`[a](<b>)`, `[a](x<b>y)`) the brackets are the link's, not a tag.
      const link = raw.lastIndexOf('](', i);
      if (link >= 0 && !(raw.indexOf(')', link) >= 0 && raw.indexOf(')', link) < i)) return tag;
      // A backtick may open a code span that the tag holds (the parser's); a backslash (escapes above) or a character
      // that other inline syntax reads keeps the tag as written: the parser's.
      const source = src.slice(start + i, start + i + tag.length);
      if (source.indexOf('`') >= 0) ok = false;
      if (/[\\*_[\]~$@]/.test(source)) return tag;
      refs.push([start + i, start + i + tag.length]);
      return 'x'.repeat(tag.length);
    });
    if (!ok) return null;
  }
  let piece = raw;
  if (piece.indexOf('[') >= 0 && footnotes.size > 0) {
    let ok = true;
    piece = piece.replace(FOOTNOTE_CALL, (call: string, label: string, at: number) => {
      const before = at > 0 ? piece[at - 1] : '\n';
      const after = piece[at + call.length];
      // Another reference right after (`[^1][^2]`) is no link label: a link definition's label never starts with `^`.
      const nextIsCall = after === '[' && piece[at + call.length + 1] === '^';
      if (before === '\n' || before === '!' || after === '(' || (after === '[' && !nextIsCall) || after === ':' || !footnotes.has(`^${label.toLowerCase()}`)) ok = false;
      refs.push([start + at, start + at + call.length]);
      return 'x'.repeat(call.length);
    });
    if (!ok) return null;
  }
  // Label ranges (offsets in the piece) of the inline links read below: emphasis may not pair across their edges.
  let links: Array<[number, number]> | undefined;
  if (piece.indexOf('](') >= 0) {
    // Inline links and images with a plain label and a simple destination (`[tekst](https://…)`, `![logo](a.png)`):
    // remark's text nodes are the label's text for a link, nothing for an image; the rest is left out.
    let ok = true;
    piece = piece.replace(INLINE_LINK, (all: string, bang: string, label: string, dest: string, at: number) => {
      if (!ok) return all;
      const open = at + bang.length;
      const close = open + 1 + label.length;
      const source = src.slice(start + open + 1, start + close);
      // After `]` the brackets may be a reference's; `[^…]` a footnote's; brackets inside: the parser's.
      if ((at > 0 && piece[at - 1] === ']') || label.charCodeAt(0) === 94 || source.indexOf('[') >= 0 || source.indexOf(']') >= 0) ok = false;
      else if (bang) {
        refs.push([start + at, start + at + all.length]);
        raw = raw.slice(0, at) + 'x'.repeat(all.length) + raw.slice(at + all.length);
        return 'x'.repeat(all.length);
      } else {
        // A link whose only text is its address (or an e-mail address) is a placeholder (ChunkReader.inline): read so when
        // the label is one text node (no emphasis or strikethrough delimiters; escapes and references decode into it; no
        // literal autolink inside a link), not for an e-mail address (the parser's).
        const text = decodeString(source);
        const url = decodeString(dest.charCodeAt(0) === 60 /* < */ ? dest.slice(1, -1) : dest);
        if (text === url || /^(?:https?:\/\/|www\.|mailto:)/i.test(text) || url === `mailto:${text}`) {
          if (/[*_~@]/.test(raw.slice(open + 1, close))) ok = false;
          else {
            refs.push([start + at, start + at + all.length, CODE]);
            raw = raw.slice(0, at) + 'x'.repeat(all.length) + raw.slice(at + all.length);
            return 'x'.repeat(all.length);
          }
        } else {
          refs.push([start + at, start + open + 1], [start + close, start + at + all.length]);
          (links ??= []).push([open + 1, close]);
          raw = raw.slice(0, close + 2) + 'x'.repeat(dest.length) + raw.slice(close + 2 + dest.length);
          return `x${label}${'x'.repeat(all.length - label.length - 1)}`;
        }
      }
      return all;
    });
    if (!ok) return null;
    refs.sort((x, y) => x[0] - y[0]);
  }
  if (piece.indexOf('://') >= 0 || piece.indexOf('www.') >= 0) {
    // Bare web addresses (GFM autolink literals: `https://…`, `www.…`): a placeholder each, as ChunkReader reads such a link.
    const urls = bareUrls(src, start, piece, raw);
    if (urls) {
      for (const [us, ue] of urls) {
        piece = piece.slice(0, us) + 'x'.repeat(ue - us) + piece.slice(ue);
        // In `raw` (what emphasisRuns reads) the last character stays: a delimiter run right after the address sees it.
        raw = raw.slice(0, us) + 'x'.repeat(ue - us - 1) + raw.slice(ue - 1);
        refs.push([start + us, start + ue, CODE]);
      }
      refs.sort((x, y) => x[0] - y[0]);
    }
  }
  if (piece.indexOf('[') >= 0) {
    // Brackets that make no link (`[1]`, `[kids]`, `[14-16]`): text as written.
    piece = piece.replace(LITERAL_BRACKETS, (all: string, label: string, at: number) => {
      const before = at > 0 ? piece[at - 1] : '';
      const after = piece[at + all.length] ?? '';
      if (before === '!' || before === ']' || after === '(' || after === '[' || (after === ':' && (at === 0 || before === '\n')) || /[*_]|^[ xX]$/.test(label) || !/\S/.test(label)) return all;
      if (src.slice(start + at, start + at + all.length).indexOf('\\') >= 0 || footnotes.has(normaliseLabel(label))) return all;
      return `x${label}x`;
    });
  }
  if (piece.indexOf('$') >= 0 && piece.indexOf('$') === piece.lastIndexOf('$')) {
    // One dollar sign alone opens no math (`$25`): text.
    piece = piece.replace('$', 'x');
  }
  if (emphasis && (piece.indexOf('*') >= 0 || piece.indexOf('_') >= 0)) {
    const pairs: Array<[number, number]> = [];
    const runs = emphasisRuns(raw, start, !cell, pairs, src.slice(start, end));
    // An opener and its closer on either side of a link label's edge do not pair (CommonMark reads a label's delimiters on their own).
    if (runs && links) for (const [os, cs] of pairs) for (const [ls, le] of links) if ((os - start >= ls && os - start < le) !== (cs - start >= ls && cs - start < le)) return null;
    if (runs) {
      // Masked for the tests below (an opener at a line's start is no list item: a letter follows it).
      piece = piece.replace(/[*_]/g, 'x');
      refs = refs.length ? [...refs, ...runs].sort((x, y) => x[0] - y[0]) : runs;
    }
  }
  if (piece.indexOf('&') >= 0 || piece.indexOf('<') >= 0) piece = maskReferences(piece, start, refs);
  if (piece.indexOf('\\\n') >= 0) {
    // A backslash left over (escapes are masked) at a line's end, not the piece's first character, after no space or tab: a hard break (a space in the
    // block's text) that takes in the next line's indentation, as two spaces do below.
    let ok = true;
    for (const m of piece.matchAll(/\\\n */g)) {
      const before = m.index > 0 ? piece.charCodeAt(m.index - 1) : 32;
      if (before === 32 || before === 9 || piece.charCodeAt(m.index + m[0].length) === 9) ok = false;
      refs.push([start + m.index, start + m.index + m[0].length, true]);
    }
    if (!ok) return null;
    refs.sort((x, y) => x[0] - y[0]);
    piece = piece.replace(/\\\n/g, 'x\n');
  }
  if (piece.indexOf(' \n') >= 0) {
    // A number and spaces only (an empty list item `1. `): masking the spaces below would hide it from BLOCK_START.
    if (/^\d{1,9}[.)] +\n/m.test(piece)) return null;
    // Spaces at a line's end: one is left out of the text, two or more make a hard break (a space in the block's text).
    let breaks = false;
    // The break takes in the next line's indentation (left out of the text: see continuationLines).
    for (const m of piece.matchAll(/ {2,}\n */g)) {
      refs.push([start + m.index, start + m.index + m[0].length, true]);
      breaks = true;
    }
    if (breaks) refs.sort((x, y) => x[0] - y[0]);
    piece = piece.replace(/ +\n/g, (m) => `${'x'.repeat(m.length - 1)}\n`);
  }
  if (codes) {
    for (const [cs, ce] of codes) piece = piece.slice(0, cs) + 'x'.repeat(ce - cs) + piece.slice(ce);
    refs = [...refs, ...codes.map(([cs, ce]) => [start + cs, start + ce, CODE] as Skip)].sort((x, y) => x[0] - y[0]);
  }
  if (maths) {
    // Each span a placeholder (ChunkReader reads inlineMath as it reads inlineCode); the dollar signs left over are text.
    for (const [ms, me] of maths) piece = piece.slice(0, ms) + 'x'.repeat(me - ms) + piece.slice(me);
    piece = piece.replace(/\$/g, 'x');
    if (maths.length) refs = [...refs, ...maths.map(([ms, me]) => [start + ms, start + me, CODE] as Skip)].sort((x, y) => x[0] - y[0]);
  }
  if (piece.indexOf('@') >= 0) piece = piece.replace(LONE_AT, '$1x');
  const nl = piece.indexOf('\n');
  // Lazy lines (a footnote's): every line as strict as the first (micromark lets a list interrupt them more readily).
  if (BLOCK_START.test(nl < 0 || lazy ? piece : piece.slice(0, nl)) || (nl >= 0 && !lazy && !continuationLines(src, start, piece, nl))) return null;
  // A tab between two characters that are not white space is text (at a line's start or end it would be left out; after
  // a list marker at a line's start it makes an item: BLOCK_START and continuationLines saw it).
  if (piece.indexOf('\t') >= 0) piece = piece.replace(/\t/g, (tab: string, i: number) => (i > 0 && !isBlank(src.charCodeAt(start + i - 1)) && start + i + 1 < end && !isBlank(src.charCodeAt(start + i + 1)) ? 'x' : tab));
  if (NOT_PLAIN.test(piece)) return null;
  return refs.length > 1 ? refs.sort((x, y) => x[0] - y[0]) : refs;
}

/** Characters of a bare web address that the fast path reads: ASCII letters and digits, and the punctuation addresses use. */
const URL_CHARACTERS = (() => {
  const table = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/%?#=&+:,;!*'()@") table[c.charCodeAt(0)] = 1;
  return table;
})();

function asciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ASCII punctuation (what micromark's unicodePunctuation holds of ASCII). */
function asciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** Punctuation that may trail an address and is then left out of it (GFM: `.`, `,`, `)`, `*`, `_` … before white space or the end). */
function trailing(c: number): boolean {
  return c === 33 || c === 34 || c === 39 || c === 41 || c === 42 || c === 44 || c === 46 || c === 58 || c === 59 || c === 63 || c === 95 || c === 126;
}

/**
 * Whether what follows `k` up to `end` (white space or the text's end) is trailing punctuation only (GFM's trail: such
 * marks and character references like `&amp;`): the address then ends at `k`.
 */
function trailsOff(src: string, k: number, end: number): boolean {
  while (k < end) {
    const c = src.charCodeAt(k);
    if (trailing(c)) {
      k++;
      continue;
    }
    if (c !== 38 /* & */ || !asciiLetter(src.charCodeAt(k + 1)) || k + 1 >= end) return false;
    k++;
    while (k < end && asciiLetter(src.charCodeAt(k))) k++;
    if (k >= end || src.charCodeAt(k) !== 59 /* ; */) return false;
    k++;
  }
  return true;
}

/**
 * The end of the GFM autolink literal whose domain starts at `d` (after `https://`, or at `www.`) in a run of address
 * characters that ends at `end` (white space or the text's end), as micromark reads it: a domain (no `_` in its last two
 * parts, something before its end), then a path with balanced parentheses, the trailing punctuation left out. -1 when
 * it is none.
 */
function literalEnd(src: string, d: number, end: number): number {
  let k = d;
  let seen = false;
  let underscoreLast = false;
  let underscoreBefore = false;
  while (k < end) {
    const c = src.charCodeAt(k);
    if (c === 46 /* . */ || c === 95 /* _ */) {
      if (trailsOff(src, k, end)) break;
      if (c === 95) underscoreLast = true;
      else {
        underscoreBefore = underscoreLast;
        underscoreLast = false;
      }
      k++;
      continue;
    }
    if (c !== 45 /* - */ && asciiPunctuation(c)) break;
    seen = true;
    k++;
  }
  if (underscoreLast || underscoreBefore || !seen) return -1;
  let open = 0;
  let close = 0;
  while (k < end) {
    const c = src.charCodeAt(k);
    if (c === 40 /* ( */) open++;
    else if (c === 41 /* ) */ && close < open) close++;
    else if (c === 38 /* & */ || trailing(c)) {
      if (trailsOff(src, k, end)) break;
      if (c === 41) close++;
    }
    k++;
  }
  return k;
}

/**
 * The bare web addresses of a paragraph's text src[start, …) (`piece`: the text as plainParagraph masked it so far;
 * `raw`: what it masked before links and references), as [start, end) ranges in the piece: GFM autolink literals that
 * start with `https://`, `http://` or `www.` (lower case) after the text's start, a space, a line ending or `(`, outside
 * any open link label, with only the characters of URL_CHARACTERS up to the next white space. Null when an address is
 * read otherwise (the parser's: the piece keeps its `://` or `www.`, which NOT_PLAIN turns down).
 */
function bareUrls(src: string, start: number, piece: string, raw: string): Array<[number, number]> | null {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const p = piece.indexOf('://', from);
    const w = piece.indexOf('www.', from);
    if (p < 0 && w < 0) break;
    let at: number;
    let domain: number;
    if (p >= 0 && (w < 0 || p < w)) {
      at = piece.charCodeAt(p - 1) === 115 /* s */ ? p - 5 : p - 4;
      if (at < 0 || !src.startsWith(piece.charCodeAt(p - 1) === 115 ? 'https' : 'http', start + at)) return null;
      domain = p + 3;
    } else {
      at = w;
      domain = w;
    }
    const before = at > 0 ? src.charCodeAt(start + at - 1) : 32;
    if (before !== 32 && before !== 10 && before !== 40 /* ( */) return null;
    // The run of address characters up to white space or the text's end (anything else: the parser's).
    let end = start + domain;
    for (;;) {
      const c = src.charCodeAt(end);
      if (end >= start + piece.length || c === 32 || c === 10) break;
      if (c >= 128 || !URL_CHARACTERS[c]) return null;
      end++;
    }
    // After `://` the domain starts with no punctuation; `www.` needs more than itself.
    if (domain > at && asciiPunctuation(src.charCodeAt(start + domain))) return null;
    const e = literalEnd(src, start + domain, end);
    if (e < 0 || (domain === at && e <= start + at + 4)) return null;
    const ue = e - start;
    // Nothing in it masked already (code, a link's destination), and no link label open before it.
    if (piece.slice(at, ue) !== src.slice(start + at, e)) return null;
    let depth = 0;
    for (let i = 0; i < at; i++) {
      const c = raw.charCodeAt(i);
      if (c === 91 /* [ */) depth++;
      else if (c === 93 /* ] */ && depth > 0) depth--;
    }
    if (depth !== 0) return null;
    out.push([at, ue]);
    from = ue;
  }
  return out;
}

/**
 * An inline HTML tag on one line (CommonMark's open tag: a name, attributes each after white space, unquoted or quoted
 * values, an optional `/`; or a closing tag), no `<` or `>` inside a quoted value.
 */
const INLINE_TAG = /<(?:[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\n"'=<>`]+|'[^'\n<>]*'|"[^"\n<>]*"))?)*[ \t]*\/?|\/[A-Za-z][A-Za-z0-9-]*[ \t]*)>/g;

/** A space, a tab or a line ending. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** What may start a block at a paragraph's continuation line (not indented): a heading, a quote, a setext underline, a list item that can interrupt a paragraph (a bullet, or the number 1). */
const INTERRUPTS = /^(?:[#>=+\-]|1[.)](?:[ \t]|$))/;
/** After one to three spaces, what may start a block, or an inline construct that the fast path does not read there (a tab, brackets, code). */
const INDENTED_INTERRUPTS = /^(?:[#>=+\-*_`~<[|\t]|\d{1,9}[.)])/;

/**
 * Whether the lines of a paragraph after its first (`piece`, the paragraph masked by plainParagraph, its first line
 * ending at `nl`) continue it, as micromark reads paragraph continuation lines: a line that is not indented
 * continues it unless it starts a block that may interrupt a paragraph (an ordered list item only with the
 * number 1: `2025.` or `3. ` at a line's start is text); an indented line's spaces are left out of the text
 * (fastBlock), and with four or more nothing starts there; no line ends in a space or a tab.
 */
function continuationLines(src: string, start: number, piece: string, nl: number): boolean {
  if (/[ \t]$/m.test(piece)) return false;
  for (let i = nl; i >= 0; i = piece.indexOf('\n', i + 1)) {
    let k = i + 1;
    while (piece.charCodeAt(k) === 32) k++;
    const spaces = k - i - 1;
    if (spaces >= 4) continue;
    if ((spaces > 0 ? INDENTED_INTERRUPTS : INTERRUPTS).test(src.slice(start + k, start + k + 11))) return false;
  }
  return true;
}

/** Plain pieces of a chunk (plain paragraphs of `minLength` characters or more): [start, end) of their text (without the line ending), then what remark leaves out of their text (footnote references, emphasis delimiters). */
export function plainPieces(src: string, footnotes: ReadonlySet<string> = new Set(), minLength = MIN_PLAIN): Array<[number, number, Skip[]?]> {
  if (SPANS_BLANK_LINES.test(src)) return [];
  const out: Array<[number, number, Skip[]?]> = [];
  for (const [start, end] of pieces(src)) {
    if (end - start < minLength) continue;
    const refs = plainParagraph(src, start, end, footnotes);
    if (refs) out.push(refs.length ? [start, end, refs] : [start, end]);
  }
  return out;
}

/** An ATX heading line: its marks, the spaces after them, and at least one character that is not a space. */
const ATX = /^(#{1,6}) +(?=[^ ])/;
/** An ATX heading line without text: its marks and spaces, up to the line's end. */
const EMPTY_ATX = /^#{1,6} *(?=\n|$)/;

/** A piece read without the parser: its range and its blocks (offsets within the chunk). */
interface FastPiece {
  start: number;
  end: number;
  blocks: ProseBlock[];
  /** The labels the piece defines ("^" first for a footnote), as ChunkReader records them. */
  defines?: string[];
}

/** A block of the text between the skipped ranges of src[start, end), as ChunkReader.block() reads it. */
function fastBlock(src: string, kind: BlockKind, start: number, end: number, from: number, to: number, skips: Skip[], level?: number, indented = false, quoted = false): ProseBlock | undefined {
  const b = new BlockTextBuilder();
  for (const [rs, re, what] of [...skips, [to, to] as Skip]) {
    const text = src.slice(from, rs);
    // What remark's text node holds: escapes resolved, a space before a line ending left out (and, in a list item, the indentation of its lines).
    let value = text.indexOf(' \n') >= 0 ? text.replace(/ \n/g, '\n') : text;
    // Escapes and character references decoded, as micromark decodes them.
    if (value.indexOf('\\') >= 0 || value.indexOf('&') >= 0) value = decodeString(value);
    // The indentation of continuation lines (a list item's, or a paragraph's indented lines).
    if (indented || value.indexOf('\n ') >= 0) value = value.replace(/\n +/g, '\n');
    // In a block quote, each continuation line's marker (`>` and one space after it).
    if (quoted) value = value.replace(/\n> ?/g, '\n');
    b.addAligned(value, text, from);
    if (what === true) b.addSeparator(' ', rs);
    else if (what === CODE) b.addPlaceholder(rs, re - rs, PLACEHOLDER);
    from = re;
    // A hard break ends at a line ending: the next line's indentation or quote marker is no text either.
    if (what === true && src.charCodeAt(re - 1) === 10) {
      if (indented) while (src.charCodeAt(from) === 32) from++;
      if (quoted && src.charCodeAt(from) === 62) from += src.charCodeAt(from + 1) === 32 ? 2 : 1;
    }
  }
  if (b.text.trim().length === 0 || SHORTCODES_ONLY.test(b.text) || wordlessCell(kind, b.text)) return undefined;
  const block: ProseBlock = { kind, text: b.text, map: b.blockMap, start, end };
  if (level !== undefined) block.level = level;
  if (quoted) block.quoted = true;
  if (b.placeholders.length) block.placeholders = b.blockPlaceholders;
  return block;
}

/** A line of one inline image and nothing else: `![alt](file.png)`, the alt text without brackets, code or HTML, the address without spaces or brackets. */
const IMAGE_ONLY = /^!\[[^[\]`<\n\\]*\]\([^\s()<>\\]*\)$/;

/** A list item's marker at a line's start, with one space (or one tab: documents converted from word processors) after it and text after that: `- `, `* `, `+ `, `1. `, `-\t`. */
const ITEM_MARKER = /^(?:([-*+])|(\d{1,9})\.)[ \t](?=[^ \t])/;

/**
 * A list read without the parser: every line of the piece is an item of one line, with the same
 * bullet (or numbers with a dot, the first one 1), one space after the marker and plain text (as a
 * plain paragraph's: nothing that starts a block inside the item, no inline syntax but simple
 * emphasis, escapes and footnote references). Each item is a paragraph of its own in remark's
 * tree, a listItem block from after the marker to the line's end. Not when indented text follows
 * the blank lines after the piece: that continues the last item.
 */
function listPiece(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  // Indented text after the blank lines would continue the last item.
  if (indentedAfter(src, end)) return undefined;
  const blocks: ProseBlock[] = [];
  let bullet: string | undefined;
  let at = start;
  while (at < end) {
    let lineEnd = src.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const m = ITEM_MARKER.exec(src.slice(at, Math.min(lineEnd, at + 12)));
    if (!m) return undefined;
    const marker = m[1] ?? '.';
    if (bullet === undefined) {
      if (marker === '.' && m[2] !== '1') return undefined;
      bullet = marker;
    } else if (marker !== bullet) return undefined;
    const from = at + m[0].length;
    // Continuation lines: indented by the marker's width exactly, then text that starts no block.
    const width = m[0].length;
    let itemEnd = lineEnd;
    while (itemEnd < end) {
      const next = itemEnd + 1;
      let e = src.indexOf('\n', next);
      if (e < 0 || e > end) e = end;
      let k = next;
      while (k < e && src.charCodeAt(k) === 32) k++;
      if (k === next) break;
      // After a tab the item's text column depends on the tab's width: continuation lines are the parser's.
      if (k - next !== width || k === e || m[0].endsWith('\t') || BLOCK_START.test(src.slice(k, e))) return undefined;
      itemEnd = e;
    }
    const textEnd = trimSpaces(src, from, itemEnd);
    if (itemEnd !== lineEnd) {
      const text = src.slice(from, textEnd);
      if (text.indexOf(' \n') >= 0 || text.indexOf('\t') >= 0) return undefined;
    }
    const skips = itemSkips(src, from, textEnd, itemEnd !== lineEnd, footnotes);
    if (!skips) return undefined;
    const block = fastBlock(src, 'listItem', from, itemEnd, from, textEnd, skips, undefined, itemEnd !== lineEnd);
    if (block) blocks.push(block);
    at = itemEnd + 1;
  }
  return { start, end, blocks };
}

/** A list item's first line: its indentation, its marker (`-`, `*`, `+`, or digits and `.`), one to four spaces or one tab, and text. */
const ITEM_LINE = /^( *)(?:([-*+])|(\d{1,9})\.)( {1,4}|\t)(?=[^ \t\r\n])/;

/** An open list item of a run: where its marker stands, where its text starts (the column its lines continue at), its marker (`.` for a number). */
interface OpenItem {
  indent: number;
  content: number;
  marker: string;
}

/**
 * A run of list pieces read without the parser, nested and loose lists as Pandoc writes them: from the
 * piece `ps[i]` (a list item at the line's start) on, each piece one after another whose lines are list
 * items (at any depth) of one paragraph each, or an indented paragraph of the open item, until a piece
 * that is not indented. Each line is placed as CommonMark places it: a line continues the open items
 * whose text starts at or before its indentation; an item starts a list in the innermost of them
 * (relative indentation 0-3), or is the next item of the list whose item it closed (same marker). Every
 * paragraph in a list is a listItem block, whatever the nesting, so the blocks need no more than that.
 * Not (undefined) when a line is anything else: indented code, lazy or over-indented continuation, an
 * item that could not interrupt a paragraph, a tab; nor when an indented piece that is none of these follows. `from`:
 * where the run starts in `ps[i]` (a list that interrupts a paragraph or follows a heading: see listAfter).
 */
function listRun(src: string, ps: Array<[number, number]>, i: number, footnotes: ReadonlySet<string>, from = ps[i]![0]): { piece: FastPiece; next: number } | undefined {
  const stack: OpenItem[] = [];
  const blocks: ProseBlock[] = [];
  let k = i;
  for (; k < ps.length; k++) {
    const start = k === i ? from : ps[k]![0];
    const end = ps[k]![1];
    // The run goes on over indented pieces, and over items at the line's start (the same list, or a list after it).
    const c0 = src.charCodeAt(start);
    if (k > i && c0 !== 32 && c0 !== 9 && !ITEM_LINE.test(src.slice(start, Math.min(end, start + 16)))) break;
    let at = start;
    let first = true;
    while (at < end) {
      let lineEnd = src.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      const m = ITEM_LINE.exec(src.slice(at, Math.min(lineEnd, at + 80)));
      let from: number;
      let content: number;
      if (m) {
        const indent = m[1]!.length;
        const marker = m[2] ?? '.';
        if (k === i && first && (indent > 0 || (marker === '.' && m[3] !== '1'))) return undefined;
        // The open items this line does not continue close; the last one closed is the new item's previous sibling, if it has the same marker.
        let closed: OpenItem | undefined;
        while (stack.length > 0 && stack[stack.length - 1]!.content > indent) closed = stack.pop();
        const parent = stack[stack.length - 1];
        if (indent - (parent?.content ?? 0) > 3) return undefined;
        const sibling = closed !== undefined && closed.marker === marker;
        // Within a piece an item that starts a list interrupts a paragraph: a number must be 1 (micromark: a bullet may).
        if (!first && !sibling && marker === '.' && m[3] !== '1') return undefined;
        content = indent + (m[2] ? 1 : m[3]!.length + 1) + m[4]!.length;
        stack.push({ indent, content, marker });
        from = at + content;
      } else {
        // A paragraph of the innermost open item after a blank line: indented to where its text starts, or up to three
        // spaces more (then it is no indented code; the spaces are left out of its text, as micromark does).
        if (!first) return undefined;
        let n = 0;
        while (src.charCodeAt(at + n) === 32) n++;
        while (stack.length > 0 && stack[stack.length - 1]!.content > n) stack.pop();
        if (stack.length === 0 || n > stack[stack.length - 1]!.content + 3) return undefined;
        content = n;
        from = at + n;
      }
      first = false;
      // Continuation lines: indented by the item's text column exactly, then text that starts no block.
      let itemEnd = lineEnd;
      while (itemEnd < end) {
        const next = itemEnd + 1;
        let e = src.indexOf('\n', next);
        if (e < 0 || e > end) e = end;
        let n = 0;
        while (src.charCodeAt(next + n) === 32) n++;
        if (ITEM_LINE.test(src.slice(next, Math.min(e, next + 80)))) break;
        if (n !== content || next + n === e || BLOCK_START.test(src.slice(next + n, e))) return undefined;
        itemEnd = e;
      }
      const textEnd = trimSpaces(src, from, itemEnd);
      const text = src.slice(from, textEnd);
      if (text.indexOf('\t') >= 0 || (itemEnd !== lineEnd && text.indexOf(' \n') >= 0)) return undefined;
      const skips = itemSkips(src, from, textEnd, itemEnd !== lineEnd, footnotes);
      if (!skips) return undefined;
      const block = fastBlock(src, 'listItem', from, itemEnd, from, textEnd, skips, undefined, itemEnd !== lineEnd);
      if (block) blocks.push(block);
      at = itemEnd + 1;
    }
  }
  const end = ps[k - 1]![1];
  // A tab after a marker (`-\tword`): its width, and so the item's text column, depends on where it stands; only in a
  // run without indented lines (no nesting, no wrapped lines, no paragraphs of an item), where no column is compared.
  if (src.slice(from, end).search(/^(?:[-*+]|\d{1,9}\.)\t/m) >= 0 && /\n[ \t]/.test(src.slice(from, end))) return undefined;
  // The piece after the run (if any) is not indented: it belongs to no item of the run.
  return { piece: { start: from, end, blocks }, next: k };
}

/** Whether the first line with text after the blank lines that follow src[.., end) is indented (it would continue a list item or a footnote). */
function indentedAfter(src: string, end: number): boolean {
  for (let i = end + 1; i < src.length; ) {
    let j = i;
    while (j < src.length && (src[j] === ' ' || src[j] === '\t' || src[j] === '\r')) j++;
    if (j < src.length && src[j] !== '\n') return j > i;
    i = j + 1;
  }
  return false;
}

/** A footnote definition's opening at a line's start, with a simple label and spaces after the colon: `[^12]: `. */
const FOOTNOTE_DEFINITION = /^\[\^([A-Za-z0-9-]{1,100})\]: +(?=[^ \t\r\n])/;

/**
 * A footnote definition read without the parser: `[^label]: ` at the piece's start, then text as
 * a plain paragraph's (its lines may continue lazily, not indented). remark reads a footnoteDefinition
 * whose one paragraph runs from the first character after the spaces to the piece's end: a footnote
 * block, as ChunkReader.walk() reads it. Not when indented text follows the blank lines after the
 * piece: that continues the footnote.
 */
function footnotePiece(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  const m = FOOTNOTE_DEFINITION.exec(src.slice(start, Math.min(end, start + 110)));
  if (!m || indentedAfter(src, end)) return undefined;
  const from = start + m[0].length;
  const textEnd = trimSpaces(src, from, end);
  const tab = src.indexOf('\n\t', from);
  const skips = tab >= 0 && tab < textEnd ? tabbedNote(src, from, textEnd, footnotes) : plainParagraph(src, from, textEnd, footnotes, true);
  if (!skips) return undefined;
  const block = fastBlock(src, 'footnote', from, end, from, textEnd, skips);
  return { start, end, blocks: block ? [block] : [], defines: [`^${normaliseLabel(m[1]!)}`] };
}

/** A line ending and a tab that something other than white space follows, after a character that is not white space. */
const TAB_LINE = /\n\t/g;
const UNTIDY_TAB_LINE = /[ \t]\n\t|\n\t[ \t\n]|\r/;

/**
 * The skips of a footnote's text src[from, textEnd) whose continuation lines start with a tab (books converted from
 * other formats): a tab at a line's start is the footnote's four columns of indentation, and the line continues the
 * paragraph as a lazy line would (what may interrupt it is the same). Read as a plain paragraph with each line ending
 * and tab written as a space and a line ending (one space at a line's end is left out of the text), the tab skipped.
 * Not with a space or tab before the line ending or after the tab, nor with carriage returns: the parser's.
 */
function tabbedNote(src: string, from: number, textEnd: number, footnotes: ReadonlySet<string>): Skip[] | null {
  const text = src.slice(from, textEnd);
  if (UNTIDY_TAB_LINE.test(text)) return null;
  const local = text.replace(TAB_LINE, ' \n');
  const own = plainParagraph(local, 0, local.length, footnotes, true);
  if (!own) return null;
  const skips = own.map(([rs, re, what]) => (what ? [from + rs, from + re, what] : [from + rs, from + re]) as Skip);
  for (const t of text.matchAll(TAB_LINE)) skips.push([from + t.index + 1, from + t.index + 2]);
  return skips.sort((x, y) => x[0] - y[0]);
}

/** Where src[from, end) ends without the spaces at its end. */
function trimSpaces(src: string, from: number, end: number): number {
  while (end > from && src.charCodeAt(end - 1) === 32) end--;
  return end;
}

/** A GFM table's delimiter row with a pipe at either end: `|---|:--:|`. */
const TABLE_DELIMITER_ROW = /^\|(?:[ ]*:?-+:?[ ]*\|)*[ ]*:?-+:?[ ]*\|?$/;
/** What a table cell's text may not hold on the fast path (see NOT_PLAIN; the pipe ends the cell). */
const NOT_PLAIN_CELL = /[\\`*_[\]~$@\t\r\0]|<[A-Za-z/!?]|&[A-Za-z0-9#]|:\/\/|www\./i;

/**
 * The skips of a table cell's text (`cell` between its pipes, from `from`; its text `content` at `lead`) when it holds
 * no inline syntax but simple emphasis, code spans, character references and line break tags; null otherwise.
 */
function simpleCell(cell: string, from: number, lead: number, content: string): Skip[] | null {
  let masked = content;
  let skips: Skip[] = [];
  // Code spans (as in a paragraph: the cell is split at its pipes first), their text masked for the tests below.
  let codeCell = cell;
  let codes: Array<[number, number]> | null = null;
  if (content.indexOf('`') >= 0) {
    if (cell.indexOf('\\') >= 0 || cell.indexOf('$') >= 0) return null;
    codes = codeSpans(cell);
    if (!codes) return null;
    codeCell = maskCodeSpans(cell, codes);
    masked = codeCell.slice(lead, lead + content.length);
  }
  if (masked.indexOf('*') >= 0 || masked.indexOf('_') >= 0) {
    // The cell with its spaces: a run's neighbours as the parser sees them ('' at either end: a pipe).
    const runs = emphasis ? emphasisRuns(codeCell, from, false) : null;
    if (!runs) return null;
    skips = runs;
    masked = masked.replace(/[*_]/g, 'x');
  }
  if (codes) {
    for (const [cs, ce] of codes) masked = masked.slice(0, cs - lead) + 'x'.repeat(ce - cs) + masked.slice(ce - lead);
    skips = [...skips, ...codes.map(([cs, ce]) => [from + cs, from + ce, CODE] as Skip)].sort((x, y) => x[0] - y[0]);
  }
  if (masked.indexOf('&') >= 0 || masked.indexOf('<') >= 0) masked = maskReferences(masked, from + lead, (skips = [...skips]));
  return NOT_PLAIN_CELL.test(masked) ? null : skips;
}

/**
 * A GFM table read without the parser: every line of the piece starts and ends with a pipe (no
 * space after the last), the second line is the delimiter row, every row has as many cells as it,
 * and no cell holds a character that starts inline syntax (NOT_PLAIN_CELL; simple emphasis aside,
 * as in a plain paragraph). Then remark's cells are the pieces between the pipes: a cell's node
 * runs from the pipe before it to the next pipe (the last one of a row takes its closing pipe in),
 * its text is what lies between them without the spaces at either end. Each non-empty cell is a
 * tableCell block, as ChunkReader.walk() reads a table. A cell with other inline syntax (escapes, links,
 * footnote references, inline HTML such as `<img …>`) is read as a plain paragraph's text would be (plainParagraph,
 * the cell's edges standing for pipes): what it cannot read sends the table to the parser.
 */
function tablePiece(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  const lines = src.slice(start, end).split('\n');
  // The delimiter row; the line before it is the header row, and any lines before that are a paragraph the table interrupts.
  let delimiter = 1;
  // Spaces after the delimiter row's last pipe (`| --- | `) do not matter: the row holds no text.
  while (delimiter < lines.length && !TABLE_DELIMITER_ROW.test(lines[delimiter]!.replace(/ +$/, ''))) delimiter++;
  if (delimiter >= lines.length) return undefined;
  const delimiterRow = lines[delimiter]!.replace(/ +$/, '');
  const columns = delimiterRow.split('|').length - (delimiterRow.charCodeAt(delimiterRow.length - 1) === 124 ? 2 : 1);
  const blocks: ProseBlock[] = [];
  let at = start;
  if (delimiter > 1) {
    const paragraphEnd = start + lines.slice(0, delimiter - 1).join('\n').length;
    const before = src.slice(start, paragraphEnd);
    if (NOT_PLAIN_CELL.test(before) || /[*_]/.test(before) || BLOCK_START.test(before.replace(/^\|/gm, 'x'))) return undefined;
    const block = fastBlock(src, 'paragraph', start, paragraphEnd, start, paragraphEnd, []);
    if (block) blocks.push(block);
    at = paragraphEnd + 1;
  }
  for (let r = delimiter - 1; r < lines.length; r++) {
    const line = lines[r]!;
    const lineStart = at;
    at += line.length + 1;
    if (r === delimiter) continue;
    if (line.charCodeAt(0) !== 124 || line.length < 2) return undefined;
    // A row without a closing pipe (`| id | string | Unique identifier`): its last cell runs to the line's end.
    const closed = line.charCodeAt(line.length - 1) === 124;
    const cells = line.split('|');
    const count = cells.length - (closed ? 2 : 1);
    if (!closed && cells[count]!.trim() === '') return undefined;
    if (r === delimiter - 1 && count !== columns) return undefined;
    let pipe = lineStart;
    for (let c = 1; c <= count; c++) {
      const cell = cells[c]!;
      const from = pipe + 1;
      const next = from + cell.length;
      const content = cell.trim();
      if (content.length > 0) {
        const lead = cell.indexOf(content);
        if (/[^\S ]/.test(cell.slice(0, lead) + cell.slice(lead + content.length))) return undefined;
        const skips = simpleCell(cell, from, lead, content) ?? plainParagraph(src, from + lead, from + lead + content.length, footnotes, false, true);
        if (!skips) return undefined;
        const block = fastBlock(src, 'tableCell', pipe, closed && c === count ? next + 1 : next, from + lead, from + lead + content.length, skips);
        if (block) blocks.push(block);
      }
      pipe = next;
    }
  }
  return { start, end, blocks };
}

/** A quote line with nothing after its marker but spaces: a blank line inside the block quote, between two of its paragraphs. */
const QUOTE_BLANK_LINE = /^>[ ]*$/;

/**
 * A block quote read without the parser: its parts between quote lines that hold nothing but the marker (`>`, a blank
 * line inside the quote, as books and reports set a quotation of several paragraphs), each a plain paragraph
 * (quoteParagraph) or a paragraph and a bullet list (quotedListPiece). After such a line a part starts with `>` (a line
 * without one would start a paragraph after the quote, not continue it: no paragraph is open). remark reads each part's
 * blocks as it would read the part alone: the blank line closes the paragraph before it, and every block of a block
 * quote is quoted whatever the depth. Tabs only in a quote of one part (quotedListPiece's column rule sees its lines
 * alone).
 */
function quotePiece(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  let blocks: ProseBlock[] | undefined;
  let partStart = -1;
  let at = start;
  for (;;) {
    let lineEnd = src.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const blank = QUOTE_BLANK_LINE.test(src.slice(at, lineEnd));
    if (!blank && partStart < 0) {
      if (src.charCodeAt(at) !== 62 /* > */) return undefined;
      partStart = at;
    }
    if ((blank || lineEnd === end) && partStart >= 0) {
      const partEnd = blank ? at - 1 : end;
      // One part and no blank quote line: the quote as before.
      if (partStart === start && partEnd === end) return quoteParagraph(src, start, end, footnotes) ?? quotedListPiece(src, start, end, footnotes);
      if (src.slice(start, end).indexOf('\t') >= 0) return undefined;
      const part = quoteParagraph(src, partStart, partEnd, footnotes) ?? quotedListPiece(src, partStart, partEnd, footnotes);
      if (!part) return undefined;
      blocks = blocks ? [...blocks, ...part.blocks] : part.blocks;
      partStart = -1;
    }
    if (lineEnd === end) break;
    at = lineEnd + 1;
  }
  return { start, end, blocks: blocks ?? [] };
}

/**
 * A block quote (or one part of one: see quotePiece) of one plain paragraph read without the parser: every line of the piece starts with
 * `>` (and one space or none), and what follows the markers is a plain paragraph's text, no line of it
 * starting a block (no list, heading, quote, setext underline or indentation inside the quote). remark
 * reads a blockquote holding one paragraph from the first line's text to the last line's end: a
 * quoted paragraph block, the markers of the continuation lines left out of its text. A blank line
 * ends a block quote, so nothing after the piece continues it.
 */
function quoteParagraph(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  const from = start + (src.charCodeAt(start + 1) === 32 ? 2 : 1);
  const text = src.slice(from, end);
  if (text.length === 0 || text.charCodeAt(0) === 10 || text.indexOf(' \n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) return undefined;
  // Each continuation line: its marker, then text that starts no block.
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    if (text.charCodeAt(nl + 1) !== 62 /* > */) {
      // A lazy line (no marker: a book that marks only a quotation's first line) continues the quote's paragraph when
      // nothing could start there, the test of a first line.
      let e = text.indexOf('\n', nl + 1);
      if (e < 0) e = text.length;
      // A tag there (`<img …>`) may start HTML that ends the quote (micromark): the parser's.
      if (nl + 1 >= e || BLOCK_START.test(text.slice(nl + 1, e)) || text.charCodeAt(nl + 1) === 60 /* < */) return undefined;
      continue;
    }
    const at = nl + (text.charCodeAt(nl + 2) === 32 ? 3 : 2);
    let e = text.indexOf('\n', at);
    if (e < 0) e = text.length;
    if (at >= e || BLOCK_START.test(text.slice(at, e))) return undefined;
  }
  // The paragraph's text with each continuation line's marker masked (maskLineStarts).
  const local = maskLineStarts(text, /\n> ?/g);
  const skips = plainParagraph(local, 0, local.length, footnotes)?.map(([rs, re, what]) => (what ? [from + rs, from + re, what] : [from + rs, from + re]) as Skip) ?? null;
  if (!skips) return undefined;
  const block = fastBlock(src, 'paragraph', from, end, from, end, skips, undefined, false, true);
  return { start, end, blocks: block ? [block] : [] };
}

/** A quoted line's bullet item: its indentation, `-`, `*` or `+`, one space or one tab, then text. */
const QUOTED_ITEM = /^( {0,12})([-*+])([ \t])(?=[^ \t])/;

/**
 * A block quote of a short paragraph and a bullet list read without the parser, as reports put a
 * question or a title above points (`> 📌 **Eisen**` then `> - een`, `>   - genest`): every line of
 * the piece starts with `>` (and one space or none) followed by text that does not end with white
 * space; the lines up to the first item are a plain paragraph's (none of them indented or starting
 * a block), then every line is a bullet item of one line with plain text, placed as CommonMark
 * places it (see listRun: an item indented to an open item's text is its child, else it closes it;
 * no more than three spaces past its parent's text). A bullet item interrupts a paragraph, so the
 * paragraph ends before it; remark reads a quoted paragraph block (markers of its continuation lines
 * left out of its text) and a quoted listItem block for each item's text, whatever its depth. A tab
 * after a bullet only in a quote without indented items (its width depends on the column). A blank
 * line ends the quote and the lists in it.
 */
function quotedListPiece(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  const blocks: ProseBlock[] = [];
  // The text columns of the open items (relative to the quote's content), outer first.
  const open: number[] = [];
  let items = 0;
  let tabs = false;
  let nested = false;
  let paraFrom = -1;
  let paraEnd = -1;
  for (let at = start; at < end; ) {
    let lineEnd = src.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (src.charCodeAt(at) !== 62 /* > */) return undefined;
    const from = at + (src.charCodeAt(at + 1) === 32 ? 2 : 1);
    const last = src.charCodeAt(lineEnd - 1);
    const first = src.charCodeAt(from);
    if (from >= lineEnd || first === 9 || last === 9 || last === 13) return undefined;
    const item = QUOTED_ITEM.exec(src.slice(from, Math.min(lineEnd, from + 16)));
    // Spaces at an item's end (its paragraph's last line: in its node, not in its text); not at a paragraph line's.
    if (last === 32 && !item) return undefined;
    if (item) {
      const indent = item[1]!.length;
      if (items === 0 && indent > 0) return undefined;
      while (open.length > 0 && open[open.length - 1]! > indent) open.pop();
      if (indent - (open[open.length - 1] ?? 0) > 3) return undefined;
      open.push(indent + 2);
      if (indent > 0) nested = true;
      if (item[3] === '\t') tabs = true;
      items++;
      const textFrom = from + item[0].length;
      if (src.slice(textFrom, lineEnd).indexOf('\t') >= 0) return undefined;
      const textEnd = trimSpaces(src, textFrom, lineEnd);
      if (textEnd === textFrom) return undefined;
      const skips = plainParagraph(src, textFrom, textEnd, footnotes);
      if (!skips) return undefined;
      const block = fastBlock(src, 'listItem', textFrom, lineEnd, textFrom, textEnd, skips, undefined, false, true);
      if (block) blocks.push(block);
    } else {
      // A paragraph's line: only before the list, not indented, and (after its first) starting no block.
      if (items > 0 || first === 32) return undefined;
      if (paraFrom < 0) paraFrom = from;
      else if (BLOCK_START.test(src.slice(from, lineEnd))) return undefined;
      paraEnd = lineEnd;
    }
    at = lineEnd + 1;
  }
  if (items === 0 || (tabs && nested)) return undefined;
  if (paraFrom >= 0) {
    const text = src.slice(paraFrom, paraEnd);
    if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) return undefined;
    // The paragraph's text with each continuation line's marker masked (maskLineStarts).
    const local = maskLineStarts(text, /\n> ?/g);
    const skips = plainParagraph(local, 0, local.length, footnotes)?.map(([rs, re, what]) => (what ? [paraFrom + rs, paraFrom + re, what] : [paraFrom + rs, paraFrom + re]) as Skip) ?? null;
    if (!skips) return undefined;
    const block = fastBlock(src, 'paragraph', paraFrom, paraEnd, paraFrom, paraEnd, skips, undefined, false, true);
    if (block) blocks.unshift(block);
  }
  return { start, end, blocks };
}

/** A setext heading's underline: a line of `=` (level 1) or of `-` (level 2), two or more, and nothing else. */
const SETEXT_UNDERLINE = /\n(?:={2,}|-{2,})(?=\n|$)/;

/**
 * The pieces of a chunk that are read without the parser: plain paragraphs, and ATX headings
 * with plain text (`## Title`, no closing marks), alone or followed at once by a plain paragraph.
 * Each closes every list, quote and footnote before it, as a plain paragraph does.
 */
export function fastPieces(src: string, footnotes: ReadonlySet<string> = new Set()): FastPiece[] {
  // Not the pieces inside something that may run across blank lines (a fence, math, raw HTML of kinds 1-5), as far as a
  // look for its closing text finds: chunkBlocks() checks that every piece stood as a paragraph of its own (one inside
  // such a construct would not), so a wrong guess costs a second parse, never a wrong block.
  const spans = spannedRanges(src);
  const out: FastPiece[] = [];
  let k = 0;
  const ps = pieces(src);
  for (let i = 0; i < ps.length; i++) {
    const [start, end] = ps[i]!;
    while (k < spans.length && spans[k]![1] <= start) k++;
    if (k < spans.length && spans[k]![0] === start) {
      // Fenced code that starts the piece and whose closing fence ends a piece: no prose, one stand-in for all its pieces.
      const last = fencedCode(src, ps, i);
      if (last >= 0) {
        const fenceEnd = ps[last]![1];
        out.push({ start, end: fenceEnd, blocks: [] });
        i = last;
        // What the look for closing text took for constructs inside the fence is code: the spans that end in it go.
        while (k < spans.length && spans[k]![1] <= fenceEnd) k++;
        continue;
      }
    }
    if (k < spans.length && spans[k]![0] < end) continue;
    const c0 = src.charCodeAt(start);
    if (c0 === 45 /* - */ || c0 === 42 /* * */ || c0 === 43 /* + */ || (c0 >= 48 && c0 <= 57)) {
      // A list that runs on over blank lines (nested or loose items), as far as no construct may cover it.
      const run = listRun(src, ps, i, footnotes);
      if (run && (k >= spans.length || spans[k]![0] >= run.piece.end)) {
        out.push(run.piece);
        i = run.next - 1;
        continue;
      }
    }
    const piece = fastPiece(src, start, end, footnotes);
    if (piece) out.push(piece);
    else {
      // A paragraph or heading that a list interrupts, the list running on over blank lines (nested or loose items).
      const run = listAfter(src, ps, i, footnotes);
      if (run && (k >= spans.length || spans[k]![0] >= run.piece.end)) {
        out.push(run.piece);
        i = run.next - 1;
      } else {
        // A paragraph or heading that a block quote interrupts (`tekst\n>_“citaat”_`).
        const quoted = quoteAfter(src, start, end, footnotes);
        if (quoted) out.push(quoted);
      }
    }
  }
  return out;
}

/**
 * The piece `ps[i]` read as a paragraph or heading (or a heading and a paragraph) that a list interrupts, and the list
 * from there on as listRun reads it: the first line of the piece after its first that is a list item at the line's
 * start that may interrupt a paragraph (a bullet, or the number 1, with text after it) ends what comes before it (read
 * by fastPiece as a piece of its own: it ends at that line as it would at a blank line), and starts the run. Not when
 * what comes before is something a list line does not end as it ends a paragraph (a table, a block quote, an HTML
 * block, a footnote or other definition).
 */
function listAfter(src: string, ps: Array<[number, number]>, i: number, footnotes: ReadonlySet<string>): { piece: FastPiece; next: number } | undefined {
  const [start, end] = ps[i]!;
  const c0 = src.charCodeAt(start);
  if (c0 === 124 /* | */ || c0 === 62 /* > */ || c0 === 60 /* < */ || c0 === 91 /* [ */ || c0 === 32 || c0 === 9) return undefined;
  // A marker character that starts no item (`**Kop**`, `*Noot*`, `-5%`): the paragraph's; a marker and white space, or a thematic break: not.
  if (c0 === 45 || c0 === 42 || c0 === 43) {
    const c1 = src.charCodeAt(start + 1);
    if (start + 1 >= end || c1 === 32 || c1 === 9 || c1 === 10 || c1 === 13 || c1 === c0) {
      if (c1 !== c0 || c0 === 43) return undefined;
      // A run of the marker (`**Kop**`, `--`): not a thematic break line.
      let lineEnd = src.indexOf('\n', start);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      if (/^(?:[-*_][ \t]*){3,}$/.test(src.slice(start, lineEnd))) return undefined;
    }
  }
  let nl = src.indexOf('\n', start);
  for (; nl >= 0 && nl < end; nl = src.indexOf('\n', nl + 1)) {
    const c = src.charCodeAt(nl + 1);
    if (c === 124 /* | */) return undefined;
    if (c !== 45 && c !== 42 && c !== 43 && c !== 49 /* 1 */) continue;
    const m = ITEM_LINE.exec(src.slice(nl + 1, Math.min(end, nl + 81)));
    if (m && m[1] === '' && (m[2] !== undefined || m[3] === '1')) break;
  }
  if (nl < 0 || nl >= end) return undefined;
  const head = fastPiece(src, start, nl, footnotes);
  if (!head || head.defines) return undefined;
  const run = listRun(src, ps, i, footnotes, nl + 1);
  if (!run) return undefined;
  return { piece: { start, end: run.piece.end, blocks: [...head.blocks, ...run.piece.blocks] }, next: run.next };
}

/**
 * The piece src[start, end) read as a paragraph or heading (or a heading and a paragraph) that a block quote interrupts,
 * as reports put a quotation under the sentence that introduces it (`… zo toonde de test\n>_“Het mag niet.”_`): the first
 * line after the piece's first that starts with `>` (not indented) ends what comes before it (read by fastPiece as a
 * piece of its own: a block quote ends a paragraph as a blank line does), and the rest of the piece is a block quote
 * (quotePiece: its lazy lines continue the quote's paragraph). Not when what comes before may be something a quote line
 * does not end as it ends a paragraph: a table, a list, an HTML block, a footnote or other definition, code, or a line
 * that may open a fence or HTML.
 */
function quoteAfter(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  const c0 = src.charCodeAt(start);
  if (c0 === 124 /* | */ || c0 === 62 /* > */ || c0 === 60 /* < */ || c0 === 91 /* [ */ || c0 === 32 || c0 === 9 || c0 === 96 /* ` */ || c0 === 126 /* ~ */) return undefined;
  if (c0 === 45 || c0 === 42 || c0 === 43 || (c0 >= 48 && c0 <= 57)) {
    // A thematic break line (`---`) first: fastPiece reads it and what follows it.
    let lineEnd = src.indexOf('\n', start);
    if (lineEnd < 0 || lineEnd > end || c0 === 43 || c0 > 57 || !THEMATIC_BREAK.test(src.slice(start, lineEnd))) return undefined;
  }
  const nl = src.indexOf('\n>', start);
  if (nl < 0 || nl >= end) return undefined;
  const head = src.slice(start, nl);
  if (head.indexOf('|') >= 0 || head.indexOf('\n`') >= 0 || head.indexOf('\n~') >= 0 || head.indexOf('\n<') >= 0 || head.indexOf('\n ') >= 0 || head.indexOf('\t') >= 0) return undefined;
  const first = fastPiece(src, start, nl, footnotes);
  if (!first || first.defines) return undefined;
  const quote = quoteThenRest(src, nl + 1, end, footnotes);
  if (!quote) return undefined;
  return { start, end, blocks: [...first.blocks, ...quote.blocks] };
}

/** An ATX heading's line start (`#` to `######`, then white space or the line's end). */
const ATX_LINE = /\n#{1,6}(?:[ \t\n]|$)/g;

/**
 * A block quote that starts at src[start] (`>`), read by quotePiece up to the first line without a marker that is an ATX
 * heading (`#### Doelstellingen`): a heading is never a lazy line of the quote's paragraph, so it ends the quote as a
 * blank line would; the heading and what follows it are read by fastPiece as a piece of their own.
 */
function quoteThenRest(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  ATX_LINE.lastIndex = start;
  const m = ATX_LINE.exec(src);
  if (!m || m.index >= end) return quotePiece(src, start, end, footnotes);
  const quote = quotePiece(src, start, m.index, footnotes);
  if (!quote) return undefined;
  const rest = fastPiece(src, m.index + 1, end, footnotes);
  if (!rest || rest.defines) return undefined;
  return { start, end, blocks: [...quote.blocks, ...rest.blocks] };
}

const SPANS_BLANK_LINES_ALL = new RegExp(SPANS_BLANK_LINES.source, 'gi');

/** An opening code fence at a line's start, not indented: three or more backticks (no backtick in the info string after them) or tildes. */
const OPENING_FENCE = /^(?:(`{3,})[^`\n]*|(~{3,})[^\n]*)$/;

/**
 * The index of the piece whose last line closes the fenced code that opens piece `ps[i]` (CommonMark: a line of up to
 * three spaces, the same character at least as often as the opening fence, then only spaces or tabs), or -1 (not a
 * fence, not closed within the chunk, or closed by a line that does not end its piece).
 */
function fencedCode(src: string, ps: Array<[number, number]>, i: number): number {
  const [start] = ps[i]!;
  let lineEnd = src.indexOf('\n', start);
  if (lineEnd < 0) return -1;
  const open = OPENING_FENCE.exec(src.slice(start, lineEnd));
  // Carriage returns (CRLF line endings): the parser's.
  if (!open || open[0].endsWith('\r')) return -1;
  const fence = open[1] ?? open[2]!;
  const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  for (let j = i; j < ps.length; j++) {
    const pieceEnd = ps[j]![1];
    for (let at = j === i ? lineEnd + 1 : ps[j]![0]; at <= pieceEnd; at = lineEnd + 1) {
      lineEnd = src.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd > pieceEnd) lineEnd = pieceEnd;
      const line = src.slice(at, lineEnd);
      if (line.endsWith('\r')) return -1;
      if (close.test(line)) return lineEnd === pieceEnd ? j : -1;
      if (lineEnd === pieceEnd) break;
    }
  }
  return -1;
}

/**
 * The stretches of a chunk that a construct running across blank lines may cover: from the line where
 * SPANS_BLANK_LINES matches to the end of the line where its closing text first follows (a fence's or
 * math's on a later line), or to the chunk's end. Ascending, not overlapping.
 */
function spannedRanges(src: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = SPANS_BLANK_LINES_ALL;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const at = m.index;
    const token = m[0].toLowerCase();
    const lineStart = src.lastIndexOf('\n', at - 1) + 1;
    let close: number;
    if (token === '```' || token === '~~~' || token === '$$') {
      const eol = src.indexOf('\n', at);
      close = eol < 0 ? -1 : src.indexOf(token, eol);
    } else if (token === '<?') close = src.indexOf('?>', at + 2);
    else if (token === '<!') close = src.startsWith('<!--', at) ? src.indexOf('-->', at + 4) : src.startsWith('<![CDATA[', at) ? src.indexOf(']]>', at + 9) : src.indexOf('>', at + 2);
    else close = src.toLowerCase().indexOf(`</${token.slice(1)}`, at);
    let end = src.length;
    if (close >= 0) {
      const eol = src.indexOf('\n', close);
      end = eol < 0 ? src.length : eol;
    }
    out.push([lineStart, end]);
    if (end >= src.length) break;
    re.lastIndex = end;
  }
  return out;
}

/**
 * The start of an HTML block of kind 6 (CommonMark): `<` or `</`, a block-level tag name, then a
 * space, a tab, the line's end, `>` or `/>`. Such a block runs to the next blank line.
 */
const HTML_BLOCK_6 = /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>\r\n]|\/>|$)/i;

/** The first line of an HTML block of kind 7 (CommonMark): one complete open or closing tag, not of kind 1, then spaces or tabs only. */
const HTML_BLOCK_7 = new RegExp(`^(?!<\\/?(?:script|pre|style|textarea)[ \\t>/])${INLINE_TAG.source}[ \\t]*$`, 'i');

/**
 * The piece src[start, end) read without the parser, or undefined. After an ATX heading line the
 * rest of the piece is read as a piece of its own: a heading leaves no paragraph open, so what
 * follows it starts as it would after a blank line (a plain paragraph, a list, a table …).
 */
function fastPiece(src: string, start: number, end: number, footnotes: ReadonlySet<string>): FastPiece | undefined {
  if (src.charCodeAt(start) === 124 /* | */ || src.slice(start, end).includes('\n|')) {
    const table = tablePiece(src, start, end, footnotes);
    if (table) return table;
  }
  const c0 = src.charCodeAt(start);
  // An HTML block of kind 6 (`<p align="center">`, `<table>`, `<div>`) that starts the piece runs to its end: one HTML
  // node, which holds no prose (a comment in it would be a directive: the chunk's first comment ends the fast pieces).
  if (c0 === 60 /* < */ && HTML_BLOCK_6.test(src.slice(start, Math.min(end, start + 14)))) return { start, end, blocks: [] };
  // An HTML block of kind 7: a line of one complete tag (`<img src="…" width=350>`, `<br clear="all">`) and nothing else
  // runs to the piece's end, one HTML node (what follows it on other lines is in it too).
  if (c0 === 60 /* < */) {
    let lineEnd = src.indexOf('\n', start);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (HTML_BLOCK_7.test(src.slice(start, lineEnd))) return { start, end, blocks: [] };
  }
  // A paragraph of one image: no text of its own (remark's image node holds none that is read).
  if (c0 === 33 /* ! */ && IMAGE_ONLY.test(src.slice(start, trimSpaces(src, start, end)))) return { start, end, blocks: [] };
  if (c0 === 91 /* [ */ && src.charCodeAt(start + 1) === 94 /* ^ */) {
    const note = footnotePiece(src, start, end, footnotes);
    if (note) return note;
  }
  if (c0 === 45 /* - */ || c0 === 42 /* * */ || c0 === 95 /* _ */) {
    // A thematic break (`---`, `***`, `___`): no block; what follows it on the next lines is a piece of its own.
    let lineEnd = src.indexOf('\n', start);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (THEMATIC_BREAK.test(src.slice(start, lineEnd))) return headingThenRest(src, start, end, lineEnd, undefined, footnotes);
  }
  if (c0 === 45 /* - */ || c0 === 42 /* * */ || c0 === 43 /* + */ || (c0 >= 48 && c0 <= 57)) {
    const list = listPiece(src, start, end, footnotes);
    if (list) return list;
  }
  if (c0 === 62 /* > */) return quoteThenRest(src, start, end, footnotes);
  // A line of inline tags only (`<span id="c4"></span>`): a paragraph of HTML nodes, which hold no text. Not a tag that
  // opens an HTML block (kind 1 or 6; kind 7, one tag alone, is read above).
  if (c0 === 60 /* < */ && tagsOnly(src, start, end)) return { start, end, blocks: [] };
  const heading = c0 === 35 /* # */ ? ATX.exec(src.slice(start, Math.min(end, start + 16))) : null;
  if (!heading && c0 === 35) {
    // An ATX heading without text (`###`, `## `): no block; what follows it is a piece of its own.
    const empty = EMPTY_ATX.exec(src.slice(start, Math.min(end, start + 16)));
    if (!empty) return undefined;
    const lineEnd = start + empty[0].length;
    if (lineEnd >= end) return { start, end, blocks: [] };
    if (src.charCodeAt(lineEnd) !== 10) return undefined;
    const rest = fastPiece(src, lineEnd + 1, end, footnotes);
    return rest && { ...rest, start, end };
  }
  if (!heading) {
    // A setext heading: lines of a plain paragraph's text, then an underline; what follows it is a piece of its own.
    const underline = SETEXT_UNDERLINE.exec(src.slice(start, end));
    if (underline) {
      const textEnd = start + underline.index;
      const lineEnd = textEnd + underline[0].length;
      const skips = plainParagraph(src, start, textEnd, footnotes);
      if (!skips) return undefined;
      return headingThenRest(src, start, end, lineEnd, fastBlock(src, 'heading', start, lineEnd, start, textEnd, skips, underline[0][1] === '=' ? 1 : 2), footnotes);
    }
    // Spaces at the paragraph's end are in its node, not in its text.
    const textEnd = trimSpaces(src, start, end);
    const skips = plainParagraph(src, start, textEnd, footnotes);
    if (!skips) return undefined;
    const block = fastBlock(src, 'paragraph', start, end, start, textEnd, skips);
    return { start, end, blocks: block ? [block] : [] };
  }
  let lineEnd = src.indexOf('\n', start);
  if (lineEnd < 0 || lineEnd > end) lineEnd = end;
  const from = start + heading[0].length;
  const headingEnd = trimSpaces(src, from, lineEnd);
  // A closing sequence (`## Title ##`) or a lone `#` at the end: the parser's.
  if (src.charCodeAt(headingEnd - 1) === 35) return undefined;
  const skips = plainParagraph(src, from, headingEnd, footnotes);
  if (!skips) return undefined;
  return headingThenRest(src, start, end, lineEnd, fastBlock(src, 'heading', start, lineEnd, from, headingEnd, skips, heading[1]!.length), footnotes);
}

/** A thematic break: three or more of one of `-`, `*`, `_`, then spaces or tabs only. */
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})[ \t]*$/;

/** A tag that opens an HTML block of kind 1 (`<script`, `<pre`, `<style`, `<textarea`) or 6 (HTML_BLOCK_6). */
const BLOCK_TAG = /^<\/?(?:script|pre|style|textarea)(?:[ \t>]|$)/i;

/**
 * Whether src[start, end) is one line of two or more inline tags (INLINE_TAG) and nothing else, the first no tag that
 * opens an HTML block: a paragraph of HTML nodes.
 */
function tagsOnly(src: string, start: number, end: number): boolean {
  const line = src.slice(start, end);
  if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || HTML_BLOCK_6.test(line) || BLOCK_TAG.test(line)) return false;
  let at = 0;
  let tags = 0;
  INLINE_TAG.lastIndex = 0;
  for (let m = INLINE_TAG.exec(line); m && m.index === at; m = INLINE_TAG.exec(line)) {
    at = m.index + m[0].length;
    tags++;
  }
  return tags >= 2 && at === line.length;
}

/** A heading piece [start, end): the heading block `h` up to `lineEnd`, then what follows it read as a piece of its own. */
function headingThenRest(src: string, start: number, end: number, lineEnd: number, h: ProseBlock | undefined, footnotes: ReadonlySet<string>): FastPiece | undefined {
  const blocks: ProseBlock[] = h ? [h] : [];
  if (lineEnd >= end) return { start, end, blocks };
  const rest = fastPiece(src, lineEnd + 1, end, footnotes);
  if (!rest) return undefined;
  const piece: FastPiece = { start, end, blocks: [...blocks, ...rest.blocks] };
  if (rest.defines) piece.defines = rest.defines;
  return piece;
}

/** The labels that a chunk's stub definitions define: footnotes ("^" first) and links. */
function footnoteLabels(stubs: string): Set<string> {
  const out = new Set<string>();
  for (const line of stubs.split('\n')) if (line.startsWith('[')) out.add(line.slice(1, line.lastIndexOf(']:')));
  return out;
}

/** Blank lines only (what lies between the pieces of a chunk when it is not another piece). */
const BLANK = /^[ \t\r\n]*$/;

/** The text that stands in for a piece read without the parser: a paragraph of its own. */
const STAND_IN = 'x';

/**
 * One chunk's prose blocks, with the pieces that need no parser (fastPieces) read by hand: the
 * chunk is parsed once with each such piece replaced by a one-letter paragraph, and that
 * paragraph's block is replaced by the piece's blocks. A piece closes every list, quote and
 * footnote before it and is a paragraph or heading of its own (a blank line before and after, no
 * indentation), and the chunk has nothing that runs across blank lines, so the rest parses as it
 * does within the chunk: the blocks are the same as chunkBlocksParsed() gives, field for field
 * (test/engine/markdown*.test.ts compare both on generated Markdown and the dev documents).
 */
function chunkBlocks(src: string, stubs: string, frontMatter: boolean): ChunkResult {
  if (frontMatter) return (fastPath ? frontMatterChunk(src, stubs) : undefined) ?? chunkBlocksParsed(src, stubs, true);
  const labels = stubs ? footnoteLabels(stubs) : undefined;
  const fast = fastPath ? fastPieces(src, labels) : [];
  if (fast.length === 0) return chunkBlocksParsed(src, stubs);
  // The chunk with each run of pieces (only blank lines between them) replaced by one stand-in, where each stand-in
  // starts in it, and the index of the run's first piece (the run ends before the next run's first piece).
  let input = '';
  let at = 0;
  let onlyBlankBetween = true;
  const standIns: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < fast.length; i++) {
    const f = fast[i]!;
    const gap = src.slice(at, f.start);
    const blank = BLANK.test(gap);
    if (onlyBlankBetween && !blank) onlyBlankBetween = false;
    at = f.end;
    if (i > 0 && blank) {
      // The run goes on: its stand-in stands for this piece too (what lies between is blank lines, which it takes in).
      continue;
    }
    input += gap;
    standIns.push(input.length);
    firsts.push(i);
    input += STAND_IN;
  }
  input += src.slice(at);
  // Nothing but these pieces and blank lines: the parser would read each stand-in as a paragraph of its own and
  // nothing else (the stub definitions after the chunk are past its end), so it need not run at all.
  const fastDefines = fast.flatMap((f) => f.defines ?? []);
  const fastDefineAt = fast.flatMap((f) => (f.defines ?? []).map(() => f.start));
  if (onlyBlankBetween && BLANK.test(src.slice(at))) {
    const only: ChunkResult = { blocks: fast.flatMap((f) => f.blocks), directives: [], cuts: fast.map((f) => f.start) };
    if (fastDefines.length) {
      only.defines = fastDefines;
      only.defineAt = fastDefineAt;
    }
    return only;
  }
  // Where each run ends in the chunk (exclusive).
  const runEnd = (r: number): number => fast[(firsts[r + 1] ?? fast.length) - 1]!.end;
  // An offset in `input` moved back to the chunk: past each stand-in before it, by its run's length less one.
  const shift = (offset: number): number => {
    let by = 0;
    for (let r = 0; r < standIns.length && standIns[r]! + STAND_IN.length <= offset; r++) by += runEnd(r) - fast[firsts[r]!]!.start - STAND_IN.length;
    return offset + by;
  };
  // Stubs only for the labels that what the parser reads refers to (the pieces read without it had theirs).
  const r = chunkBlocksParsed(input, labels ? stubDefinitions(input, labels) : stubs);
  const blocks: ProseBlock[] = [];
  // Each piece of a run after its first starts a top-level construct after a piece (not indented code): a cut, as its own stand-in gave.
  const inner: number[] = [];
  let next = 0;
  for (const b of r.blocks) {
    if (next < standIns.length && b.start === standIns[next]) {
      // The stand-in must have been read as a paragraph of its own; anything else: the whole chunk goes to the parser.
      if (b.kind !== 'paragraph' || b.quoted || b.text !== STAND_IN || b.end !== b.start + STAND_IN.length) return chunkBlocksParsed(src, stubs);
      const last = firsts[next + 1] ?? fast.length;
      for (let i = firsts[next]!; i < last; i++) {
        for (const fb of fast[i]!.blocks) blocks.push(fb);
        if (i > firsts[next]!) inner.push(fast[i]!.start);
      }
      next++;
      continue;
    }
    blocks.push({ ...b, start: shift(b.start), end: shift(b.end), map: b.map.map((m) => ({ ...m, d: shift(m.d) })) });
  }
  if (next !== standIns.length) return chunkBlocksParsed(src, stubs);
  const result: ChunkResult = { blocks, directives: r.directives.map((d) => ({ ...d, offset: shift(d.offset), endOffset: shift(d.endOffset) })) };
  if (r.cuts) result.cuts = inner.length ? [...r.cuts.map(shift), ...inner].sort((x, y) => x - y) : r.cuts.map(shift);
  if (r.frontMatterLanguage) result.frontMatterLanguage = r.frontMatterLanguage;
  if (r.defines || fastDefines.length) {
    result.defines = [...(r.defines ?? []), ...fastDefines];
    result.defineAt = [...(r.defineAt ?? []).map(shift), ...fastDefineAt];
  }
  if (r.open) result.open = r.open;
  if (r.joinsList) result.joinsList = true;
  return result;
}

let fastPath = true;
let emphasis = true;

/** Turns the fast path for paragraphs with simple emphasis off or on (for the tests that compare both). */
export function setEmphasisFastPath(on: boolean): void {
  emphasis = on;
}

/** Turns plain paragraphs' fast path off or on (for the tests that compare both). */
export function setPlainFastPath(on: boolean): void {
  fastPath = on;
}

/** Turns one chunk's mdast into prose blocks, offsets relative to the chunk. */
function chunkBlocksParsed(src: string, stubs: string, frontMatter = false): ChunkResult {
  let input = stubs ? `${src}\n\n${stubs}` : src;
  let tree = parseShortened(input, frontMatter);
  let kids = tree.children ?? [];
  let last = kids.length - 1;
  while (last >= 0 && offsetOf(kids[last]!, 'start') >= src.length) last--;
  let open = last >= 0 ? openConstruct(kids[last]!, input) : undefined;
  if (open && stubs) {
    // The construct took the stubs after it in (the document's last chunk): they go before the chunk instead.
    input = src;
    tree = shiftTree(parseShortened(stubs + src), -stubs.length);
    tree.children = (tree.children ?? []).filter((k) => offsetOf(k, 'start') >= 0);
    kids = tree.children;
    last = kids.length - 1;
    open = last >= 0 ? openConstruct(kids[last]!, input) : undefined;
  }
  const reader = new ChunkReader(src, src.length);
  reader.walk(tree, false, false);
  const result: ChunkResult = { blocks: reader.blocks, directives: reader.directives };
  if (!frontMatter) {
    // Top-level constructs that start in the chunk, each but the first after one that is not indented code.
    const cuts: number[] = [];
    for (let k = 1; k <= last; k++) {
      const before = kids[k - 1]!;
      if (before.type === 'code' && !FENCE.test(src.slice(src.lastIndexOf('\n', offsetOf(before, 'start') - 1) + 1, offsetOf(before, 'end')))) continue;
      cuts.push(offsetOf(kids[k]!, 'start'));
    }
    result.cuts = cuts;
  }
  if (reader.frontMatterLanguage) result.frontMatterLanguage = reader.frontMatterLanguage;
  if (reader.defines.length) {
    result.defines = reader.defines;
    result.defineAt = reader.defineAt;
  }
  if (open) result.open = open;
  if (last >= 0 && kids[last]!.type === 'code' && !FENCE.test(src.slice(src.lastIndexOf('\n', offsetOf(kids[last]!, 'start') - 1) + 1, offsetOf(kids[last]!, 'end')))) result.joinsList = true;
  return result;
}

/** Moves every position in a tree by `by`. */
function shiftTree(node: MdNode, by: number): MdNode {
  const pos = node.position;
  if (pos) node.position = { start: { ...pos.start, offset: (pos.start.offset ?? 0) + by }, end: { ...pos.end, offset: (pos.end.offset ?? 0) + by } };
  for (const c of node.children ?? []) shiftTree(c, by);
  return node;
}

/** A line that starts a list item (at a chunk's start: not indented). */
const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\r?\n|$)/y;
/** Characters that hold any match of LIST_MARKER (execAt on a view): at most 12. */
const LIST_MARKER_SPAN = 16;

/** Escapes text for a regular expression. */
function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** HTML blocks that blank lines do not end (CommonMark kinds 1-5): how each starts and what ends it. */
const OPEN_HTML: Array<[RegExp, string]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, '</(?:script|pre|style|textarea)>'],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '\\?>'],
  [/^ {0,3}<!\[CDATA\[/, '\\]\\]>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
];

/**
 * Whether a top-level node runs on to the end of its chunk without being closed (fenced code or
 * math without its closing fence, an HTML block of kinds 1-5 without its end): then the pattern
 * (`m` flag, case-insensitive) of the line that closes it further on; undefined when it is closed.
 */
function openConstruct(node: MdNode, input: string): string | undefined {
  if (node.type !== 'code' && node.type !== 'math' && node.type !== 'html') return undefined;
  const start = input.lastIndexOf('\n', offsetOf(node, 'start') - 1) + 1;
  const lines = input.slice(start, offsetOf(node, 'end')).split('\n');
  const first = lines[0]!.replace(/\r$/, '');
  const lastLine = lines[lines.length - 1]!.replace(/\r$/, '');
  if (node.type === 'html') {
    for (const [opens, ends] of OPEN_HTML) {
      const m = opens.exec(first);
      if (!m) continue;
      // On its first line the end counts after the start only (`<!-- a -->`).
      const tail = lines.length === 1 ? first.slice(m[0].length) : lastLine;
      return new RegExp(ends, 'i').test(tail) ? undefined : ends;
    }
    return undefined;
  }
  const fence = (node.type === 'code' ? /^ {0,3}(`{3,}|~{3,})/ : /^ {0,3}(\${2,})/).exec(first);
  if (!fence) return undefined;
  const close = `^ {0,3}${literal(fence[1]![0]!)}{${fence[1]!.length},}[ \\t]*\\r?$`;
  return lines.length >= 2 && new RegExp(close).test(lastLine) ? undefined : close;
}

/**
 * Parsed chunks by chunk text (a detached copy), then by the stub definitions the chunk
 * needs: an edit re-parses only the chunk it changes. Least recently used chunks go once the
 * cached text passes a budget.
 */
// Weighed by source characters; a parsed chunk takes some 20 bytes per character, so 2M characters
// (three times a 100,000-word document) keeps memory in bounds while an editor session leaves an
// old chunk behind at each edit (6M let a language server session grow by ~14 MB per 100 edits).
const chunkCache = new ContentCache<Map<string, ChunkResult>>(Infinity, { maxWeight: 2_000_000, weigh: (key) => keyedLength(key), refresh: true });

/**
 * The chunk cache's key for a chunk's text: the text itself (a detached copy when stored), or for a chunk of LARGE_PIECE
 * characters or more (an embedded image or a long table alone, or many paragraphs) a key of the text's length and two
 * hashes (cache.ts longTextKey; two texts share one by a chance of about one in 2^64). The key is read for look-ups only,
 * so a long chunk's text is not kept a second time beside the document (the Dutch dev reports: ~1 MB of images alone).
 */
export function chunkKey(src: string): string {
  return longTextKey(src, LARGE_PIECE);
}

/** How many chunk texts are cached (for tests of the cache's bounds). */
export function cachedMarkdownChunks(): number {
  return chunkCache.size;
}

/** Whether the chunk cache holds a chunk's text (tests only: the chunks of the last parse stay cached, see Lineage). */
export function chunkCached(text: string): boolean {
  return chunkCache.peek(chunkKey(text)) !== undefined;
}

/** The cached chunk texts (a large chunk's key, chunkKey) that a line of parses holds now (tests only: those of the last parse, see Lineage). */
export function heldChunks(): string[] {
  const held: string[] = [];
  chunkCache.filter((byStubs, key) => {
    if (stamps.get(byStubs)?.lineage?.ended === Infinity) held.push(key);
    return byStubs;
  });
  return held;
}

/** Forgets parsed chunks (for benchmarks that must start cold). */
export function clearMarkdownCache(): void {
  chunkCache.clear();
  lastParse = undefined;
}

/**
 * Besides the budget, chunks that no parse has used for a while go: in an editor each edit leaves
 * the old version of one chunk behind, and a parsed chunk weighs far more than its text (a
 * 100,000-word document's language server grew from 124 to 350 MB of heap over 200 edits).
 * Counted in parses, so a few open documents checked in turn keep their chunks.
 */
let parses = 0;
/**
 * A line of parses of one document, each taking over the last one's chunks (an editing session): while it lasts, the
 * chunks of its last parse are in use (ended: Infinity), then they age like any chunk from the parse that ended it.
 */
interface Lineage {
  ended: number;
}
/** When a cached chunk was last looked up, and the line of parses whose last parse holds it, if one. */
interface Stamp {
  used: number;
  lineage: Lineage | undefined;
}
const stamps = new WeakMap<Map<string, ChunkResult>, Stamp>();
const UNUSED_PARSES = 32;
/**
 * Cached chunks the sweep looks at per parse, going on from where the last parse's look stopped. Speed only (eng37): a
 * whole pass every 8 parses read every cached chunk's stamp (at 100,000 words some 300 per pass), and a chunk taken
 * over from the last parse was marked used again every 8 parses (keepCached, ~230 look-ups); now the last parse's
 * chunks are in use by their line of parses (Lineage) and each parse looks at a fixed number of cached chunks: a
 * chunk unused for UNUSED_PARSES parses goes within a pass of the cache after that (some 20 parses at 100,000 words).
 */
const SWEEP_STEP = 16;

/** Notes a cached chunk as looked up by this parse. */
function markUsed(byStubs: Map<string, ChunkResult>): void {
  const s = stamps.get(byStubs);
  if (s) s.used = parses;
  else stamps.set(byStubs, { used: parses, lineage: undefined });
}

/** Notes a chunk of a parse as held by the parse's line (see Lineage), when the chunk cache holds it. */
function markHeld(c: ParsedChunk, lineage: Lineage): void {
  const byStubs = chunkCache.peek(c.key);
  if (!byStubs) return;
  const s = stamps.get(byStubs);
  if (s) s.lineage = lineage;
  else stamps.set(byStubs, { used: parses, lineage });
}

/** Notes a chunk that a parse of the line no longer holds (see markHeld). */
function markLeft(c: ParsedChunk, lineage: Lineage): void {
  const byStubs = chunkCache.peek(c.key);
  const s = byStubs && stamps.get(byStubs);
  if (s && s.lineage === lineage) s.lineage = undefined;
}

/** Whether a cached chunk was looked up, or held by a line of parses, within the last UNUSED_PARSES parses. */
function inUse(byStubs: Map<string, ChunkResult>): boolean {
  const s = stamps.get(byStubs);
  if (!s) return parses <= UNUSED_PARSES;
  const since = parses - UNUSED_PARSES;
  return s.used >= since || (s.lineage !== undefined && s.lineage.ended >= since);
}

/**
 * The last parse's chunks that an edit replaced (those in the edited stretch this parse did not use) leave the
 * chunk cache at once: each is an old version of one chunk of the document being edited, which the sweep would
 * otherwise keep for UNUSED_PARSES parses (~1 MB of parsed chunks at 100,000 words). Only for a small stretch
 * (an edit, not another document compared with the last one), and a chunk some parse since used stays. Whether the
 * stretch was small enough (then the parse continues the last one's line: see Lineage).
 */
const REPLACED_MAX = 8;

function dropReplaced(old: ChunkPlaces, unchanged: Unchanged): boolean {
  const oldSuffix = unchanged.suffixStart - unchanged.delta;
  const n = old.chunks.length;
  const first = Math.max(0, chunkAt(old.starts, n, unchanged.prefixEnd));
  let last = first;
  while (last < n && old.starts[last]! < oldSuffix) last++;
  if (last - first > REPLACED_MAX) return false;
  for (let i = first; i < last; i++) {
    if (old.ends[i]! <= unchanged.prefixEnd) continue;
    const c = old.chunks[i]!;
    const byStubs = chunkCache.peek(c.key);
    if (byStubs && (stamps.get(byStubs)?.used ?? 0) < parses) chunkCache.delete(c.key);
  }
  return true;
}

function sweepChunks(): void {
  chunkCache.sweep(SWEEP_STEP, inUse);
}

/**
 * A chunk's text as parsed (with the stubs it needs) and what it gave: where it stands is the parse's (ChunkPlaces).
 * Speed only (md36): a chunk an edit moved is the same object in the next parse (the chunks after an edit made a new
 * one each, ~115 per edit at 100,000 words, and every chunk was read per edit for its place and its blocks).
 */
interface ParsedChunk {
  /** The chunk's text as the chunk cache stores it (its hash is known: a look-up costs no rehash). */
  readonly key: string;
  /** The stub definitions it was parsed with, "\0" first for a chunk parsed as front matter (the chunk cache's second key). */
  readonly stubs: string;
  readonly result: ChunkResult;
}

/** A ParsedChunk's marks in its parse (ChunkPlaces.marks): its result has directives, a front matter language. */
const HAS_DIRECTIVES = 1;
const HAS_LANGUAGE = 2;

function marksOf(r: ChunkResult): number {
  return (r.directives.length > 0 ? HAS_DIRECTIVES : 0) | (r.frontMatterLanguage ? HAS_LANGUAGE : 0);
}

/**
 * A parse's chunks, where each stands and where its blocks are: chunk i is `starts[i]`–`ends[i]`, its blocks are
 * `blocks[blockAt[i]]` up to `blocks[blockAt[i + 1]]`. Speed only (md36): the next parse takes the chunks before and
 * after an edit over from these in bulk (moves of numbers, no object read per chunk), and places their blocks from
 * the blocks this parse handed out (whose texts are those the last check read; the engine may have put a copy of its
 * own in place of a block's text: a moved block then has the same string, which compares at once wherever a block's
 * text is compared with the last check's).
 */
interface ChunkPlaces {
  chunks: ParsedChunk[];
  starts: number[];
  ends: number[];
  marks: number[];
  blockAt: number[];
  /** The blocks as kept (see ParsedDocument.raw): block i is blocks[i] moved shifts[i] characters on. */
  blocks: ProseBlock[];
  shifts: Int32Array | undefined;
}

/**
 * The last parse (one document): after an edit, a chunk that lies wholly in the text before the
 * edit, or wholly in the text after it, is the same text as a chunk of the last parse and, with the
 * same definitions, parses the same; its result is taken without slicing, hashing or stubbing it.
 */
let lastParse:
  | {
      text: TextView;
      unguarded: boolean;
      /** The labels of the lines that read as definitions (splitChunks' definitions). */
      candidates: Definitions;
      /** The labels the parser read as definitions: every chunk's stubs were made from these. */
      definitions: Definitions;
      /** The labels of the definitions its chunks hold (their results' `defines`), when known (a set not changed by anyone). */
      defined: Definitions | undefined;
      /** Its chunks, their places and its blocks. */
      placed: ChunkPlaces;
      /** Its pieces; undefined once a parse after it took them (piecesAfterEdit patches them in place). */
      pieces: PieceList | undefined;
      /** Its chunks as grouped (groupChunks), taken with the pieces (groupChunksAfterEdit patches them in place). */
      groups: Chunk[] | undefined;
      /** The parse's number (see ParseEdit). */
      id: number;
      /** The line of parses it belongs to (see Lineage). */
      lineage: Lineage;
    }
  | undefined;

/**
 * How a parse's blocks stand to the last parse's (parse `previous`), as the reader knows from the chunks it took over
 * whole: the first `before` blocks are that parse's block objects (its leading chunks, kept in place), and the last
 * `after` blocks have the maps and texts of its last `after` (its trailing chunks' results, moved). A caller that
 * placed the blocks of parse `previous` may start past these ends (speed only: no comparing block by block per edit).
 */
export interface ParseEdit {
  /** This parse's number. */
  id: number;
  /** The number of the parse compared with (undefined: none). */
  previous: number | undefined;
  before: number;
  after: number;
}

const PARSE_EDITS = new WeakMap<readonly ProseBlock[], ParseEdit>();

/** How a Markdown parse's blocks stand to the last parse's (see ParseEdit); undefined for blocks no parse of this reader handed out. */
export function parseEditOf(blocks: readonly ProseBlock[]): ParseEdit | undefined {
  return PARSE_EDITS.get(blocks);
}

/** What an edit changed, in the last parse's chunks: text before `prefixEnd` and from `suffixStart` on (new offsets; old ones `delta` less) is as it was. */
interface Unchanged {
  prefixEnd: number;
  suffixStart: number;
  delta: number;
}

/**
 * Compares the text with the last parse's, a chunk at a time from either end (string comparison
 * of slices: no loop per character in script); undefined when there is no last parse to compare with.
 */
function unchangedEnds(text: TextView): Unchanged | undefined {
  const last = lastParse;
  if (!last || !last.unguarded) return undefined;
  const old = last.text;
  const delta = text.length - old.length;
  const { starts, ends } = last.placed;
  const n = last.placed.chunks.length;
  let prefixEnd = 0;
  for (let i = 0; i < n; i++) {
    const cs = starts[i]!;
    const ce = ends[i]!;
    if (ce > text.length || text.slice(cs, ce) !== old.slice(cs, ce)) break;
    prefixEnd = ce;
  }
  let suffixStart = text.length;
  for (let i = n - 1; i >= 0; i--) {
    const cs = starts[i]!;
    const ce = ends[i]!;
    const start = cs + delta;
    if (start < prefixEnd || text.slice(start, ce + delta) !== old.slice(cs, ce)) break;
    suffixStart = start;
  }
  return { prefixEnd, suffixStart, delta };
}

/**
 * unchangedEnds() from where the text is as another one (`ends`, LineIndex.afterEdit's comparison): when that one is the
 * last parse's text, the chunks before the edit and those after it are found by their places, without comparing text.
 * Undefined when `ends` compared another text (the chunks are then compared).
 */
function unchangedFromEnds(text: TextView, ends: EditEnds | undefined): { unchanged: Unchanged; exact: Exact } | undefined {
  const last = lastParse;
  if (!ends || !last || !last.unguarded || ends.old !== last.text) return undefined;
  const old = last.text;
  const delta = text.length - old.length;
  const { starts, ends: chunkEnds } = last.placed;
  const n = last.placed.chunks.length;
  // The leading chunks that end within the common prefix (ascending ends: the last such one by binary search).
  let lo = 0;
  let hi = n - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (chunkEnds[mid]! <= ends.prefix) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const prefixEnd = k >= 0 ? chunkEnds[k]! : 0;
  // The trailing chunks that start within the common suffix and not before prefixEnd (old offsets).
  const from = Math.max(old.length - ends.suffix, prefixEnd - delta);
  lo = k + 1;
  hi = n - 1;
  let f = n;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! >= from) {
      f = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  const suffixStart = f < n ? starts[f]! + delta : text.length;
  return { unchanged: { prefixEnd, suffixStart, delta }, exact: { prefix: ends.prefix, suffixStart: text.length - ends.suffix, delta } };
}

/**
 * guardNesting() for a text whose last version needed no guard: only lines the edit touched can
 * need one (a deep container line or a long run of emphasis characters lies within one line).
 */
function guardAfterEdit(text: TextView, unchanged: Unchanged | undefined, exact?: Exact): TextView {
  if (!unchanged) return guardWhole(text);
  // Speed only (md33): the lines and stretches around the characters the edit changed (`exact`), not around the chunks
  // it touched (~23 µs per edit: a chunk's text read by three patterns).
  const prefixEnd = exact ? exact.prefix : unchanged.prefixEnd;
  const suffixStart = exact ? exact.suffixStart : unchanged.suffixStart;
  const from = text.lastIndexOf('\n', prefixEnd - 1) + 1;
  const eol = text.indexOf('\n', suffixStart);
  const touched = text.slice(from, eol < 0 ? text.length : eol);
  LONG_DELIMITER_RUN.lastIndex = 0;
  if (mayNestContainers(touched) || LONG_DELIMITER_RUN.test(touched)) return guardWhole(text);
  // Brackets are counted between empty lines: only the stretches between empty lines that the edit touched can have changed.
  const before = prefixEnd >= 2 ? lastEmptyLine(text, prefixEnd - 2) : -1;
  const after = nextEmptyLine(text, suffixStart);
  if (mayNestBrackets(text.slice(before < 0 ? 0 : before, after < 0 ? text.length : after + 2))) return guardWhole(text);
  return text;
}

/**
 * An empty line as the bracket pass of guardNesting sees one: a line of nothing but spaces, tabs and carriage returns
 * between two line feeds ("\n\n", and "\r\n\r\n" in a text with CRLF line ends). Searched a line break at a time (a line
 * break is found in a view's piece itself, with no copy of the pieces joined); a line is read only up to its first
 * character that is none of those (speed only, session 26: "\n\n" alone was looked for, so a CRLF text had no empty line
 * and every edit of it guarded the whole text, ~8 ms at 125,000 words).
 */
function blankLine(text: TextView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * The first line feed of the last empty line (see blankLine) that ends by `from + 1`: its second line feed at most at
 * `from + 1` (for "\n\n": text.lastIndexOf('\n\n', from)); -1 for none. Exported for tests.
 */
export function lastEmptyLine(text: TextView, from: number): number {
  let j = text.lastIndexOf('\n', from + 1);
  while (j > 0) {
    const i = text.lastIndexOf('\n', j - 1);
    if (i < 0) return -1;
    if (blankLine(text, i + 1, j)) return i;
    j = i;
  }
  return -1;
}

/** The first line feed of the first empty line (see blankLine) that starts at `from` or later (for "\n\n": text.indexOf('\n\n', from)); -1 for none. Exported for tests. */
export function nextEmptyLine(text: TextView, from: number): number {
  let i = text.indexOf('\n', from);
  while (i >= 0) {
    const j = text.indexOf('\n', i + 1);
    if (j < 0) return -1;
    if (blankLine(text, i + 1, j)) return i;
    i = j;
  }
  return -1;
}

/** guardNesting() of the whole text: the text itself (the same view) when nothing needs a guard. */
function guardWhole(text: TextView): TextView {
  const whole = flat(text);
  const guarded = guardNesting(whole);
  return guarded === whole ? text : guarded;
}

/**
 * Finds, for a chunk of `text`, the same chunk of the last parse (`old`, whose text is as `unchanged` says): its index
 * there, or -1 (look it up by its text).
 */
function reusable(old: ChunkPlaces, unchanged: Unchanged, chunk: Chunk): number {
  const { prefixEnd, suffixStart, delta } = unchanged;
  const shift = chunk.end <= prefixEnd ? 0 : chunk.start >= suffixStart ? delta : NaN;
  if (shift !== shift) return -1;
  // The last parse's chunk that starts there (ascending starts: found by binary search, no map of all chunks per edit).
  const k = chunkAt(old.starts, old.chunks.length, chunk.start - shift);
  return k >= 0 && old.starts[k] === chunk.start - shift && old.ends[k] === chunk.end - shift ? k : -1;
}

/**
 * Whether a parse's chunks hold the same definitions, in the same order, as the last parse's (`old`): the chunks at
 * either end with the same results as there hold the same; those of the chunks between are compared. `leading` and
 * `trailing`: how many at either end the caller knows to be the last parse's (taken over whole: not read again).
 */
function sameDefines(done: readonly ParsedChunk[], old: readonly ParsedChunk[], leading = 0, trailing = 0): boolean {
  const n = done.length;
  const m = old.length;
  let a = Math.min(leading, n, m);
  // (The same chunk object first: the chunks taken over are not read.)
  while (a < n && a < m && (done[a] === old[a] || done[a]!.result === old[a]!.result)) a++;
  let b = Math.min(trailing, n - a, m - a);
  while (b < n - a && b < m - a && (done[n - 1 - b] === old[m - 1 - b] || done[n - 1 - b]!.result === old[m - 1 - b]!.result)) b++;
  // The definitions of done[a, n - b) and of old[a, m - b), each read as one list.
  let i = a;
  let k = 0;
  let j = a;
  let l = 0;
  for (;;) {
    while (i < n - b && k >= (done[i]!.result.defines?.length ?? 0)) {
      i++;
      k = 0;
    }
    while (j < m - b && l >= (old[j]!.result.defines?.length ?? 0)) {
      j++;
      l = 0;
    }
    const endA = i >= n - b;
    const endB = j >= m - b;
    if (endA || endB) return endA && endB;
    if (done[i]!.result.defines![k] !== old[j]!.result.defines![l]) return false;
    k++;
    l++;
  }
}

function sameDefinitions(a: Definitions, b: Definitions): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

/** Where the text is as it was (new offsets): before `prefix`, and from `suffixStart` on (old offsets `delta` less). */
interface Exact {
  prefix: number;
  suffixStart: number;
  delta: number;
}

/** The exact unchanged ends of the text (from the chunk-wise ones, comparing only the chunks between). */
function exactEnds(text: TextView, old: TextView, u: Unchanged): Exact {
  const prefix = commonPrefix(old, text, u.prefixEnd);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix, text.length - u.suffixStart);
  return { prefix, suffixStart: text.length - suffix, delta: u.delta };
}

/** The last of `n` chunks (their ascending starts, or ends) that starts (ends) at or before `at`, or -1. */
function chunkAt(starts: readonly number[], n: number, at: number): number {
  let lo = 0;
  let hi = n - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether a sorted list holds a value. */
function holds(list: readonly number[] | undefined, value: number): boolean {
  if (!list) return false;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A part of a chunk: new text to read, or a stretch of a chunk of the last parse (`old`: its index there, else -1) between two of its cuts (`shift`: new offset less old). */
interface Unit {
  from: number;
  to: number;
  old: number;
  shift: number;
}

/**
 * A chunk that an edit touched, read without reading again what the edit left alone: its pieces that
 * are the same text as in the last parse, between two cuts of the chunk they were in (ChunkResult
 * cuts), keep that chunk's blocks, directives and definitions (moved); only the pieces between are
 * read, as a chunk of their own. The parts are independent (nothing runs across a cut, and a part
 * read anew that ends inside a construct or in indented code before a list item gives up), so the
 * result is the one a parse of the whole chunk gives (test/engine/markdown-chunking.test.ts compares
 * both over random edits, under several groupings). Undefined when nothing can be kept.
 */
function spliceChunk(text: TextView, chunk: Chunk, pieces: PieceList, old: ChunkPlaces, exact: Exact, definitions: Definitions): ParsedChunk | undefined {
  if (chunk.meta) return undefined;
  const ps = pieces.start;
  const pe = pieces.end;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid]! < chunk.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= pieces.length || ps[lo] !== chunk.start) return undefined;
  const units: Unit[] = [];
  let kept = 0;
  for (let i = lo; i < pieces.length && ps[i]! < chunk.end; i++) {
    const pStart = ps[i]!;
    const pEnd = pe[i]!;
    // The chunk of the last parse that held the same text, if the piece lies wholly before or after the edit.
    const shift = pEnd <= exact.prefix ? 0 : pStart >= exact.suffixStart ? exact.delta : NaN;
    let was = -1;
    if (shift === shift) {
      const k = chunkAt(old.starts, old.chunks.length, pStart - shift);
      const c = k >= 0 ? old.chunks[k]! : undefined;
      if (c && old.ends[k]! >= pEnd - shift && !c.result.open && !c.result.joinsList && c.result.cuts && !c.stubs.startsWith('\0')) was = k;
    }
    const prev = units[units.length - 1];
    if (prev && prev.to === pStart && prev.old === was && (was < 0 || prev.shift === shift)) prev.to = pEnd;
    else units.push({ from: pStart, to: pEnd, old: was, shift: was >= 0 ? shift : 0 });
  }
  // A kept stretch must begin and end at a cut of its chunk (or at the chunk's ends); else it is read anew.
  for (const u of units) {
    if (u.old < 0) continue;
    const c = old.chunks[u.old]!;
    const cs = old.starts[u.old]!;
    const a = u.from - u.shift - cs;
    const b = u.to - u.shift - cs;
    if ((a === 0 || holds(c.result.cuts, a)) && (b === old.ends[u.old]! - cs || holds(c.result.cuts, b))) kept++;
    else u.old = -1;
  }
  if (kept === 0) return undefined;
  spliced++;
  const merged: Unit[] = [];
  for (const u of units) {
    const prev = merged[merged.length - 1];
    if (prev && prev.old < 0 && u.old < 0) prev.to = u.to;
    else merged.push({ ...u });
  }
  const blocks: ProseBlock[] = [];
  const directives: ChunkResult['directives'] = [];
  const defines: string[] = [];
  const defineAt: number[] = [];
  const cuts: number[] = [];
  let joinsList = false;
  for (let n = 0; n < merged.length; n++) {
    const u = merged[n]!;
    const at = u.from - chunk.start;
    if (n > 0 && !joinsList) cuts.push(at);
    let r: ChunkResult;
    let a: number;
    let b: number;
    if (u.old >= 0) {
      r = old.chunks[u.old]!.result;
      a = u.from - u.shift - old.starts[u.old]!;
      b = u.to - u.shift - old.starts[u.old]!;
      joinsList = false;
    } else {
      r = parseChunk(text, { start: u.from, end: u.to }, definitions).result;
      // A part that the next one would have to join: the whole chunk is read instead.
      if (r.open !== undefined) return undefined;
      joinsList = !!r.joinsList;
      if (joinsList && n + 1 < merged.length && execAt(LIST_MARKER, text, u.to, LIST_MARKER_SPAN)) return undefined;
      a = 0;
      b = u.to - u.from;
    }
    const by = at - a;
    for (const x of r.blocks) if (x.start >= a && x.start < b) blocks.push(by === 0 ? x : movedFrom(x, by));
    for (const d of r.directives) if (d.offset >= a && d.offset < b) directives.push(by === 0 ? d : { ...d, offset: d.offset + by, endOffset: d.endOffset + by });
    if (r.defines) {
      if (!r.defineAt) return undefined;
      r.defines.forEach((d, k) => {
        const where = r.defineAt![k]!;
        if (where >= a && where < b) {
          defines.push(d);
          defineAt.push(where + by);
        }
      });
    }
    for (const x of r.cuts ?? []) if (x > a && x < b) cuts.push(x + by);
  }
  const result: ChunkResult = { blocks, directives, cuts };
  if (defines.length) {
    result.defines = defines;
    result.defineAt = defineAt;
  }
  if (joinsList) result.joinsList = true;
  // Kept in the chunk cache as a parse of the whole chunk would be (what it is equal to).
  const src = text.slice(chunk.start, chunk.end);
  const stubs = stubDefinitions(src, definitions);
  const key = chunkKey(src);
  let byStubs = chunkCache.get(key);
  if (!byStubs) {
    chunkCache.set(key === src ? detach(src) : key, (byStubs = new Map()), true);
  }
  markUsed(byStubs);
  if (!byStubs.has(stubs)) byStubs.set(stubs, result);
  return { key: chunkCache.storedKey(key) ?? (key === src ? detach(src) : key), stubs, result: byStubs.get(stubs)! };
}

let spliced = 0;

/** How many chunks were read in part since the process started (tests only: that the comparisons reach spliceChunk). */
export function splicedChunks(): number {
  return spliced;
}

/** A chunk parsed (or found in the chunk cache) with the stubs of `definitions` it references. */
function parseChunk(text: TextView, chunk: Chunk, definitions: Definitions): ParsedChunk {
  const src = text.slice(chunk.start, chunk.end);
  const stubs = stubDefinitions(src, definitions);
  const variant = chunk.meta ? `\0${stubs}` : stubs;
  const key = chunkKey(src);
  const result = cachedChunk(src, key, variant);
  return { key: chunkCache.storedKey(key) ?? (key === src ? detach(src) : key), stubs: variant, result };
}

function cachedChunk(src: string, key: string, variant: string): ChunkResult {
  let byStubs = chunkCache.get(key);
  if (byStubs) markUsed(byStubs);
  const hit = byStubs?.get(variant);
  if (hit) return hit;
  const own = detach(src);
  const frontMatter = variant.startsWith('\0');
  const r = chunkBlocks(own, frontMatter ? variant.slice(1) : variant, frontMatter);
  if (!byStubs) {
    chunkCache.set(key === src ? own : key, (byStubs = new Map()), true);
    markUsed(byStubs);
  }
  byStubs.set(variant, r);
  return r;
}

/** Deeper nesting than this is no document structure; remark's work grows faster than linear with it. */
export const MAX_NESTING = 32;
const LONG_DELIMITER_RUN = new RegExp(`[*_]{${MAX_NESTING + 1},}`, 'g');

/**
 * Text that remark parses in linear time, with every offset unchanged: block-container
 * markers (`>`, `-`, `*`, `+`, `1.`) beyond MAX_NESTING at the start of a line, and runs of
 * more than MAX_NESTING emphasis characters, become spaces. Only such input changes (5,000
 * nested list markers took minutes; a run of 8,000 asterisks 19 s).
 */
export function guardNesting(text: string): string {
  const out: string[] = [];
  let last = 0;
  const replace = (from: number, to: number) => {
    out.push(text.slice(last, from), ' '.repeat(to - from));
    last = to;
  };
  const flush = () => {
    if (out.length === 0) return;
    out.push(text.slice(last));
    text = out.join('');
    out.length = 0;
    last = 0;
  };
  const n = text.length;
  // Most texts need neither pass below: each is skipped when a cheaper look (a superset) finds nothing.
  let pos = mayNestContainers(text) ? 0 : n;
  while (pos < n) {
    const eol = text.indexOf('\n', pos);
    const end = eol < 0 ? n : eol;
    let i = pos;
    let depth = 0;
    let cut = -1;
    for (;;) {
      while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      if (i >= end) break;
      const c = text[i]!;
      let next = -1;
      if (c === '>') next = i + 1;
      else if ((c === '-' || c === '*' || c === '+') && (i + 1 >= end || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) next = i + 1;
      else if (c >= '0' && c <= '9') {
        let j = i;
        while (j < end && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
        if ((text[j] === '.' || text[j] === ')') && (j + 1 >= end || text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) next = j + 1;
      }
      if (next < 0) break;
      if (++depth > MAX_NESTING && cut < 0) cut = i;
      i = next;
    }
    if (cut >= 0) replace(cut, i);
    pos = end + 1;
  }
  flush();
  // Brackets nested deeper than MAX_NESTING within a paragraph: remark reads every label
  // again at each closing bracket.
  if (mayNestBrackets(text)) {
    let depth = 0;
    let masked = 0;
    let lineStart = true;
    let blankRun = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (lineStart || blankRun) depth = masked = 0;
        lineStart = blankRun = true;
        continue;
      }
      if (c !== 32 && c !== 9 && c !== 13) blankRun = false;
      lineStart = false;
      if (c === 92) i++;
      else if (c === 91) {
        if (depth >= MAX_NESTING) {
          masked++;
          replace(i, i + 1);
        } else depth++;
      } else if (c === 93) {
        if (masked > 0) {
          masked--;
          replace(i, i + 1);
        } else if (depth > 0) depth--;
      }
    }
    flush();
  }
  LONG_DELIMITER_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LONG_DELIMITER_RUN.exec(text))) replace(m.index + 3, m.index + m[0].length);
  flush();
  return text;
}

/** A line that opens with more than MAX_NESTING container markers (a superset of what the line pass in guardNesting changes). */
const DEEP_CONTAINERS = new RegExp(`^(?:[ \\t]*(?:>|[-*+](?=[ \\t]|$)|[0-9]{1,9}[.)](?=[ \\t]|$))){${MAX_NESTING + 1}}`, 'm');

function mayNestContainers(text: string): boolean {
  return DEEP_CONTAINERS.test(text);
}

/**
 * More than MAX_NESTING opening brackets between two empty lines (a superset of what the bracket pass in guardNesting
 * changes; empty lines as that pass sees them, CRLF ones too: see blankLine).
 */
function mayNestBrackets(text: string): boolean {
  let count = 0;
  let blank = nextEmptyLine(text, 0);
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    if (blank >= 0 && blank < i) {
      count = 0;
      blank = nextEmptyLine(text, i);
    }
    if (++count > MAX_NESTING) return true;
  }
  return false;
}

/**
 * The blocks and directives of the whole document read in one parser run, without chunks, caches
 * or fast paths (tests only: what the chunked parse must give, field for field). YAML metadata
 * blocks (front matter, and a page's front matter further down) are read alone, as the chunked
 * parse reads them, and stand in the whole text as a processing instruction of the same lines
 * (`<?` … `?>`: a block that ends what comes before and after it and that the adapter leaves out).
 */
export function parseMarkdownWhole(source: string): ParsedDocument {
  const text = guardNesting(source);
  let metas = scanPieces(text, 0).pieces.filter((p) => p.meta);
  if (metas.length > 0) {
    // A YAML block inside fenced code, math or an HTML block is none.
    const tree = parseShortened(text, metas[0]!.start === 0);
    const spans = (tree.children ?? []).filter((k) => k.type === 'code' || k.type === 'math' || k.type === 'html').map((k) => [offsetOf(k, 'start'), offsetOf(k, 'end')]);
    metas = metas.filter((m) => m.start === 0 || !spans.some(([s, e]) => s! <= m.start && m.start < e!));
  }
  let masked = text;
  for (const m of metas) {
    const lines = text.slice(m.start, m.end).split('\n');
    const blankLine = (l: string) => l.replace(/[^\r]/g, ' ');
    const out = lines.map(blankLine);
    out[0] = `<?${out[0]!.slice(2)}`;
    const last = lines[lines.length - 1] === '' ? lines.length - 2 : lines.length - 1;
    out[last] = `?>${out[last]!.slice(2)}`;
    masked = masked.slice(0, m.start) + out.join('\n') + masked.slice(m.end);
  }
  const parts: ChunkResult[] = [];
  const at: number[] = [];
  parts.push(chunkBlocksParsed(masked, ''));
  at.push(0);
  for (const m of metas) {
    parts.push(chunkBlocksParsed(text.slice(m.start, m.end), '', true));
    at.push(m.start);
  }
  const blocks: ProseBlock[] = [];
  const found: Array<Omit<Directive, 'line'>> = [];
  let declaredLanguage: Language | undefined;
  let languageAt = Infinity;
  parts.forEach((r, i) => {
    const by = at[i]!;
    for (const b of r.blocks) blocks.push(by === 0 ? b : { ...b, start: b.start + by, end: b.end + by, map: b.map.map((s) => ({ ...s, d: s.d + by })) });
    for (const d of r.directives) found.push({ ...d, offset: d.offset + by, endOffset: d.endOffset + by });
    if (r.frontMatterLanguage && by < languageAt) {
      declaredLanguage = r.frontMatterLanguage;
      languageAt = by;
    }
  });
  blocks.sort((a, b) => a.start - b.start);
  found.sort((a, b) => a.offset - b.offset);
  let line = 0;
  let counted = 0;
  const directives: Directive[] = found.map((d) => {
    for (; counted < d.offset; counted++) {
      const c = text.charCodeAt(counted);
      if (c === 10 || (c === 13 && text.charCodeAt(counted + 1) !== 10)) line++;
    }
    return { ...d, line } as Directive;
  });
  return { format: 'markdown', blocks, directives, ...(declaredLanguage ? { declaredLanguage } : {}) };
}

/** The reader's parse: its blocks as kept (`raw`) and as the ParsedDocument contract has them (last-reading.ts parsedWithRaw). */
function parsedOf(blocks: ProseBlock[], shifts: Int32Array | undefined, directives: Directive[], declaredLanguage: Language | undefined): ParsedDocument {
  return parsedWithRaw('markdown', blocks, shifts, directives, declaredLanguage ? { declaredLanguage } : {});
}

/** Forgets the last parse (tests only: the next parse scans the text from scratch, with the chunk cache as it is). */
export function forgetLastParse(): void {
  // (Its chunks age from now: no parse takes them over.)
  if (lastParse) lastParse.lineage.ended = parses;
  lastParse = undefined;
}

/** The pieces, their grouping, chunks and definitions (read, and the lines that read as such) of the last parse (tests only: an edit's reuse must give what a scan from scratch gives). */
export function lastChunking(): { pieces: Piece[]; groups: Chunk[] | undefined; chunks: Chunk[]; definitions: Definitions; candidates: Definitions } | undefined {
  const last = lastParse;
  return last && { pieces: last.pieces ? last.pieces.toArray() : scanPieces(last.text, 0).pieces.map((p) => ({ ...p })), groups: last.groups?.map((c) => ({ ...c })), chunks: last.placed.chunks.map((_, i) => ({ start: last.placed.starts[i]!, end: last.placed.ends[i]! })), definitions: last.definitions, candidates: last.candidates };
}

export function parseMarkdown(source: TextView, ends?: EditEnds): ParsedDocument {
  const steps = parseMarkdownSteps(source, ends);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Chunks taken from the last parse per step of parseMarkdownSteps. */
const REUSED_PER_STEP = 32;

/** Chunks of the last parse before an edit tried as the end of those taken over whole (see parseMarkdownSteps). */
const LEAD_TRIES = 4;

/** parseMarkdown() in steps: it yields before each chunk it reads (and every few it takes from the last parse), so a long document does not hold its caller. */
export function* parseMarkdownSteps(source: TextView, ends?: EditEnds): Generator<void, ParsedDocument> {
  // Where the edit is: from the caller's comparison of the texts when it compared the last parse's, else compared here.
  const known = unchangedFromEnds(source, ends);
  const unchanged = known ? known.unchanged : unchangedEnds(source);
  const last = lastParse;
  // Where the text is as the last parse's, to the character.
  let exact: Exact | undefined = known ? known.exact : unchanged && last ? exactEnds(source, last.text, unchanged) : undefined;
  const text = guardAfterEdit(source, unchanged, exact);
  const lastPieces = last?.pieces;
  const afterEdit = text === source && unchanged !== undefined && last !== undefined && lastPieces !== undefined;
  // The last parse's pieces are patched into this one's: not its own any more (a parse after this one, when this one
  // does not finish, scans from scratch).
  const lastGroups = afterEdit && !grouping ? last.groups : undefined;
  if (afterEdit) {
    last.pieces = undefined;
    last.groups = undefined;
  }
  // What the readers below read: after an edit the view itself (they read the pieces near the edit: no flat copy of the
  // text is made), else the text as one string (a whole scan).
  const src: TextView = afterEdit ? text : flat(text);
  const pieces = afterEdit ? piecesAfterEdit(src, lastPieces, (exact ??= exactEnds(src, last.text, unchanged))) : PieceList.of(scanPieces(src, 0).pieces);
  // The same definition lines as the last pieces: the same labels (the last set, not changed by anyone).
  const candidates = afterEdit && PIECES_KEPT_DEFINITIONS ? last.candidates : definitionsOf(pieces);
  const chunks = lastGroups ? groupChunksAfterEdit(pieces, lastGroups, unchanged!.delta) : groupChunks(src, pieces);
  parses++;
  // This parse's number (ParseEdit), taken now: another document's parse may run between this one's steps.
  const id = parses;
  // Stubs from the definitions the parser found last time, when the lines that read as definitions are the same.
  const guess = last && sameDefinitions(last.candidates, candidates) ? last.definitions : candidates;
  // The last parse's chunks, when this parse may take them over: the same text before and after the edit, the same stubs.
  const old = last && unchanged && text === source && sameDefinitions(last.definitions, guess) ? last.placed : undefined;
  // Chunks the edit touched are read in part (spliceChunk), where the last parse's chunks can be cut.
  const splice = old ? last : undefined;
  const m = old ? old.chunks.length : 0;
  // The chunks of this parse: each a chunk of the last parse (`from`: its index there) or read (from -1), and its place.
  // (Plain lists for the chunks read; the rest taken over in bulk below.)
  const done: ParsedChunk[] = [];
  const doneStarts: number[] = [];
  const doneEnds: number[] = [];
  const doneFrom: number[] = [];
  // Speed only (md36): the last parse's leading chunks taken over whole, without a look-up or a read of each: those that
  // end before the edit, up to one that ends where a chunk of this grouping starts (the text before that place is the
  // same, and so is the line after each of their ends, which decided where each ended). The last of them is left to the
  // loop below when it could join what follows (a construct left open, indented code before a list item), which the
  // line after it decides.
  let lead = 0;
  // The first chunk of the grouping after them.
  let first = 0;
  if (old) {
    let k = chunkAt(old.ends, m, unchanged!.prefixEnd) + 1;
    for (let tries = 0; k > 0 && tries < LEAD_TRIES; tries++, k--) {
      const r = old.chunks[k - 1]!.result;
      if (r.open !== undefined || r.joinsList) continue;
      const at = old.ends[k - 1]!;
      let lo = 0;
      let hi = chunks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (chunks[mid]!.start < at) lo = mid + 1;
        else hi = mid;
      }
      if (lo < chunks.length && chunks[lo]!.start === at) {
        lead = k;
        first = lo;
        break;
      }
    }
  }
  // The last parse's chunk from which the rest of its chunks are taken over whole, moved (m: none).
  let tail = m;
  // A turn for the caller before each chunk read (or found in the chunk cache), and every REUSED_PER_STEP chunks
  // taken from the last parse one by one.
  let sinceYield = REUSED_PER_STEP;
  for (let i = first; i < chunks.length; i++) {
    if (sinceYield >= REUSED_PER_STEP) {
      sinceYield = 0;
      yield;
    }
    let chunk = chunks[i]!;
    // Speed only (md36): from a chunk of the grouping that starts where a chunk of the last parse started, after the
    // edit, the rest is the last parse's chunks, moved (the same text from a place where the scan starts afresh, with
    // the same stubs): taken over whole. (A chunk before it that runs on into it was joined below already.)
    if (old && chunk.start >= unchanged!.suffixStart) {
      const k = chunkAt(old.starts, m, chunk.start - unchanged!.delta);
      if (k >= 0 && old.starts[k] === chunk.start - unchanged!.delta) {
        tail = k;
        break;
      }
    }
    let from = old ? reusable(old, unchanged!, chunk) : -1;
    let parsed: ParsedChunk;
    sinceYield = from >= 0 ? sinceYield + 1 : REUSED_PER_STEP;
    if (from >= 0) parsed = old!.chunks[from]!;
    else {
      const spliced = splice && !chunk.meta ? spliceChunk(src, chunk, pieces, splice.placed, (exact ??= exactEnds(src, splice.text, unchanged!)), guess) : undefined;
      parsed = spliced ?? parseChunk(src, chunk, guess);
    }
    // A chunk that ends inside fenced code, math or an HTML block that blank lines do not end: the
    // chunks up to the one with the line that closes it (or all) join it, and it is read again.
    for (;;) {
      if (i + 1 >= chunks.length) break;
      if (parsed.result.open !== undefined) {
        const close = new RegExp(parsed.result.open, 'gim');
        const closing = searchFrom(close, src, chunk.end)?.index ?? src.length;
        do i++;
        while (i + 1 < chunks.length && chunks[i]!.end <= closing);
      } else if (parsed.result.joinsList) {
        if (!execAt(LIST_MARKER, src, chunk.end, LIST_MARKER_SPAN)) break;
        i++;
      } else break;
      chunk = { start: chunk.start, end: chunks[i]!.end };
      parsed = parseChunk(src, chunk, guess);
      from = -1;
    }
    done.push(parsed);
    doneStarts.push(chunk.start);
    doneEnds.push(chunk.end);
    doneFrom.push(from);
  }
  // This parse's chunks: the leading ones, those read, the trailing ones (moved by the edit's delta).
  const nm = done.length;
  const nt = m - tail;
  const n = lead + nm + nt;
  // (Arrays of small integers made at their length: typed arrays of a few hundred entries would each take a buffer
  // outside the heap at every edit.)
  const places: ChunkPlaces = { chunks: new Array(n), starts: new Array(n), ends: new Array(n), marks: new Array(n), blockAt: new Array(n + 1), blocks: [], shifts: undefined };
  const fromOld: number[] = new Array(n);
  const all = places.chunks;
  for (let i = 0; i < lead; i++) {
    all[i] = old!.chunks[i]!;
    places.starts[i] = old!.starts[i]!;
    places.ends[i] = old!.ends[i]!;
    places.marks[i] = old!.marks[i]!;
    fromOld[i] = i;
  }
  for (let i = 0; i < nm; i++) {
    const c = done[i]!;
    all[lead + i] = c;
    places.starts[lead + i] = doneStarts[i]!;
    places.ends[lead + i] = doneEnds[i]!;
    places.marks[lead + i] = doneFrom[i]! >= 0 ? old!.marks[doneFrom[i]!]! : marksOf(c.result);
    fromOld[lead + i] = doneFrom[i]!;
  }
  if (nt > 0) {
    const delta = unchanged!.delta;
    const at = lead + nm;
    for (let i = 0; i < nt; i++) {
      all[at + i] = old!.chunks[tail + i]!;
      places.starts[at + i] = old!.starts[tail + i]! + delta;
      places.ends[at + i] = old!.ends[tail + i]! + delta;
      places.marks[at + i] = old!.marks[tail + i]!;
      fromOld[at + i] = tail + i;
    }
  }
  // The definitions as the parser read them (a line that reads as one may be none: in a paragraph,
  // in HTML; and one may sit in a quote or list item): when they differ, the chunks are read again with them.
  // Speed only (md33): the last parse's set when the chunks hold the same definitions as its chunks (no set of every
  // definition made and compared per edit).
  // (The leading and trailing chunks taken over whole are the last parse's at either end: not compared again.)
  let found = last?.defined && sameDefines(all, last.placed.chunks, old === last.placed ? lead : 0, old === last.placed ? nt : 0) ? last.defined : undefined;
  if (!found) {
    found = new Set();
    for (let i = 0; i < n; i++) {
      const defines = all[i]!.result.defines;
      if (defines) for (const d of defines) found.add(d);
    }
  }
  // The set of the definitions the chunks hold (the stubs' set when the same: compared at once next time), unless some
  // chunks are read again below.
  let defined: Definitions | undefined = guess;
  let definitions = guess;
  // Whether a chunk taken over was read again below (then fromOld says which).
  let reread = false;
  if (!sameDefinitions(found, guess)) {
    reread = true;
    defined = undefined;
    definitions = found;
    for (let i = 0; i < n; i++) {
      const c = all[i]!;
      const own = src.slice(places.starts[i]!, places.ends[i]!);
      const stubs = stubDefinitions(own, definitions);
      if ((c.stubs.startsWith('\0') ? c.stubs.slice(1) : c.stubs) !== stubs) {
        all[i] = parseChunk(src, { start: places.starts[i]!, end: places.ends[i]!, ...(c.stubs.startsWith('\0') ? { meta: true } : {}) }, definitions);
        places.marks[i] = marksOf(all[i]!.result);
        fromOld[i] = -1;
      }
    }
  }
  // Where each chunk's blocks go (a chunk of the last parse has as many as there: its result's).
  const blockAt = places.blockAt;
  blockAt[0] = 0;
  for (let i = 0; i < n; i++) {
    const f = fromOld[i]!;
    blockAt[i + 1] = blockAt[i]! + (f >= 0 ? old!.blockAt[f + 1]! - old!.blockAt[f]! : all[i]!.result.blocks.length);
  }
  const count = blockAt[n]!;
  // Made at its length (no growth garbage at every edit).
  const blocks: ProseBlock[] = new Array(count);
  places.blocks = blocks;
  // A chunk of the last parse hands out the block objects it handed out there (the engine then finds each block's
  // analysis by identity), with how far each has moved since it was made (`shifts`; raw blocks: one that moved is not
  // copied); the engine marks blocks of a references section `skip`, which a role may have changed since. A chunk read
  // gets its result's blocks, placed. (The shifts are a typed array, made only when a block moved: four bytes a block,
  // outside V8's heap, where a moved copy of each block was 72–112 bytes in it.)
  let shifts: Int32Array | undefined;
  for (let i = 0; i < n; i++) {
    const f = fromOld[i]!;
    const bw = blockAt[i]!;
    const nb = blockAt[i + 1]! - bw;
    if (nb === 0) continue;
    if (f >= 0) {
      const prior = old!.blocks;
      const was = old!.shifts;
      const at = old!.blockAt[f]!;
      const by = places.starts[i]! - old!.starts[f]!;
      for (let k = 0; k < nb; k++) {
        const b = prior[at + k]!;
        if (b.skip) delete b.skip;
        blocks[bw + k] = b;
        const s = (was ? was[at + k]! : 0) + by;
        if (s !== 0) (shifts ??= new Int32Array(count))[bw + k] = s;
      }
    } else {
      const r = all[i]!.result.blocks;
      const by = places.starts[i]!;
      for (let k = 0; k < nb; k++) blocks[bw + k] = movedFrom(r[k]!, by);
    }
  }
  places.shifts = shifts;
  // Directives and the front matter's language, from the chunks marked as having them.
  const directives: Directive[] = [];
  let declaredLanguage: Language | undefined;
  let line = 0;
  let lineCountedTo = 0;
  // Line breaks before a directive: each LF, and each CR that no LF follows (found by search: a view is read a piece at a
  // time, not a character at a time).
  const countLines = (to: number) => {
    for (let i = src.indexOf('\n', lineCountedTo); i >= 0 && i < to; i = src.indexOf('\n', i + 1)) line++;
    for (let i = src.indexOf('\r', lineCountedTo); i >= 0 && i < to; i = src.indexOf('\r', i + 1)) if (src.charCodeAt(i + 1) !== 10) line++;
    lineCountedTo = to;
  };
  const marks = places.marks;
  for (let i = 0; i < n; i++) {
    if (marks[i] === 0) continue;
    const r = all[i]!.result;
    const start = places.starts[i]!;
    if (r.frontMatterLanguage && !declaredLanguage) declaredLanguage = r.frontMatterLanguage;
    for (const d of r.directives) {
      const offset = d.offset + start;
      countLines(offset);
      directives.push({ ...d, offset, endOffset: d.endOffset + start, line });
    }
  }
  // How the blocks stand to the last parse's (ParseEdit): its leading chunks kept in place (the same block objects), and
  // its trailing chunks whose results this parse took over (moved).
  // (Speed only, eng37: the leading and trailing chunks taken over whole, when none was read again, are counted in bulk.)
  const whole = old !== undefined && old === last?.placed && !reread;
  let before = 0;
  if (last) {
    const lp = last.placed;
    let ci = whole ? lead : 0;
    while (ci < n && ci < lp.chunks.length && fromOld[ci] === ci && old === lp && places.starts[ci] === lp.starts[ci]) ci++;
    before = ci > 0 ? lp.blockAt[ci]! : 0;
  }
  let after = 0;
  if (last) {
    const lp = last.placed;
    const lm = lp.chunks.length;
    let t = 1;
    if (whole && nt > 0) {
      after = lp.blockAt[lm]! - lp.blockAt[lm - nt]!;
      t = nt + 1;
    }
    for (; t <= n && t <= lm; t++) {
      const c = all[n - t]!;
      const o = lp.chunks[lm - t]!;
      if (c !== o && c.result !== o.result) break;
      after += lp.blockAt[lm - t + 1]! - lp.blockAt[lm - t]!;
    }
  }
  PARSE_EDITS.set(blocks, { id, previous: last?.id, before, after: Math.min(after, Math.min(count, last ? last.placed.blocks.length : 0) - before) });
  const replacedDropped = last !== undefined && unchanged !== undefined && last.unguarded && dropReplaced(last.placed, unchanged);
  // The line of parses this one belongs to (see Lineage): the last parse's when it took over its chunks and the edit
  // replaced a few of them (which left the cache above); its chunks are then those of the last parse, held by the line,
  // and those read here, marked so. Else a new line, which holds all of its chunks.
  let lineage: Lineage;
  if (old !== undefined && replacedDropped) {
    lineage = last!.lineage;
    // The last parse's chunks this one left (between those taken over whole, unless some were read again) are held no
    // longer: they age from their last look-up. (Before the chunks read here are marked: one may have the same text.)
    const reused = new Set<number>();
    if (reread) {
      for (let i = 0; i < n; i++) if (fromOld[i]! >= 0) reused.add(fromOld[i]!);
      for (let j = 0; j < m; j++) if (!reused.has(j)) markLeft(old.chunks[j]!, lineage);
      for (let i = 0; i < n; i++) if (fromOld[i]! < 0) markHeld(all[i]!, lineage);
    } else {
      for (let i = 0; i < nm; i++) if (doneFrom[i]! >= 0) reused.add(doneFrom[i]!);
      for (let j = lead; j < tail; j++) if (!reused.has(j)) markLeft(old.chunks[j]!, lineage);
      for (let i = 0; i < nm; i++) if (doneFrom[i]! < 0) markHeld(done[i]!, lineage);
    }
  } else {
    lineage = { ended: Infinity };
    for (let i = 0; i < n; i++) markHeld(all[i]!, lineage);
  }
  // (A line whose last parse another one's replaces ends here; one that goes on is open again, should a parse of another
  // document between this one's steps have ended it.)
  lineage.ended = Infinity;
  const prior = lastParse;
  if (prior && prior.lineage !== lineage) prior.lineage.ended = parses;
  lastParse = { text, unguarded: text === source, candidates, definitions, defined, placed: places, pieces, groups: grouping ? undefined : chunks, id, lineage };
  sweepChunks();
  return parsedOf(blocks, shifts, directives, declaredLanguage);
}
