/**
 * Where a "disable" directive goes, per format, so that it switches the rule off and leaves
 * the document as the reader sees it unchanged.
 *
 * Markdown: an HTML comment on a line of its own ends a paragraph, a list or a quote (it can
 * interrupt a paragraph). So when the finding's line continues what the line above started,
 * the comment goes at the end of the line above instead; the engine's disable-next-line
 * targets the line after the comment's line either way.
 * LaTeX: a comment line does not end a paragraph, so it always gets a line of its own.
 * Plain text: a directive is a line of its own (the only form the plain-text reader knows).
 */
import type { Format } from '../engine/types.js';
import { LineIndex } from '../engine/offsets.js';

export interface OffsetEdit {
  offset: number;
  endOffset: number;
  newText: string;
}

function directive(format: Format, kind: 'disable' | 'disable-next-line', ruleId: string): string {
  const body = `brug-${kind} ${ruleId}`;
  if (format === 'markdown') return `<!-- ${body} -->`;
  if (format === 'latex') return `% ${body}`;
  return body;
}

/** A line of a document without its line end, where it starts and ends, and its line end ('' for the last line). */
interface Line {
  start: number;
  end: number;
  text: string;
  eol: string;
}

/**
 * What a directive's place is read from: the document's lines and its first characters. A language server's document
 * answers without joining its text (documentLines), so that a code action costs what it reads (session 29: the whole
 * text joined, and indexed by line twice, at every request of the editor's light bulb).
 */
export interface DirectiveSource {
  readonly lineCount: number;
  /** Line `i` (0-based). */
  line(i: number): Line;
  /** The text's first `n` characters (all of it when it is shorter). */
  head(n: number): string;
  readonly length: number;
}

type Position = { line: number; character: number };
/** What documentLines reads of a document (a language server's TextDocument has it). */
export interface LinedDocument {
  readonly lineCount: number;
  offsetAt(p: Position): number;
  positionAt(offset: number): Position;
  getText(range: { start: Position; end: Position }): string;
}

/** A text as a DirectiveSource. */
export function textLines(text: string): DirectiveSource {
  let lines: LineIndex | undefined;
  const index = () => (lines ??= new LineIndex(text));
  return {
    get lineCount() {
      return index().lineCount;
    },
    line(i) {
      const l = index();
      return withoutLineEnd(l.lineStart(i), i + 1 < l.lineCount ? l.lineStart(i + 1) : text.length, (a, b) => text.slice(a, b));
    },
    head: (n) => (n >= text.length ? text : text.slice(0, n)),
    length: text.length,
  };
}

/** A document with lines (a language server's TextDocument) as a DirectiveSource: each line read when asked, nothing joined. */
export function documentLines(doc: LinedDocument): DirectiveSource {
  const at = (line: number) => ({ line, character: 0 });
  const length = doc.offsetAt(at(doc.lineCount));
  return {
    lineCount: doc.lineCount,
    line(i) {
      const start = doc.offsetAt(at(i));
      const end = i + 1 < doc.lineCount ? doc.offsetAt(at(i + 1)) : length;
      const text = doc.getText({ start: at(i), end: i + 1 < doc.lineCount ? at(i + 1) : at(doc.lineCount) });
      return withoutLineEnd(start, end, (a, b) => text.slice(a - start, b - start));
    },
    head: (n) => doc.getText({ start: at(0), end: n >= length ? at(doc.lineCount) : doc.positionAt(n) }),
    length,
  };
}

function withoutLineEnd(start: number, end: number, slice: (a: number, b: number) => string): Line {
  const text = slice(start, end);
  let n = text.length;
  while (n > 0 && (text.charCodeAt(n - 1) === 10 || text.charCodeAt(n - 1) === 13)) n--;
  return n === text.length ? { start, end, text, eol: '' } : { start, end: start + n, text: text.slice(0, n), eol: text.slice(n) };
}

/** The line end the document uses: CRLF when its first line feed follows a carriage return, else LF. */
function eolOf(source: DirectiveSource): string {
  for (let i = 0; i < source.lineCount; i++) {
    const eol = source.line(i).eol;
    if (eol.includes('\n')) return eol.startsWith('\r') ? '\r\n' : '\n';
  }
  return '\n';
}

// A disable-next-line directive with its rules, per format (group 1: up to the rules, group 2: the rules).
const NEXT_LINE: Record<Format, RegExp> = {
  markdown: /(<!--\s*brug-disable-next-line)((?:\s+[a-z]+\/[a-z0-9-]+)+)\s*-->\s*$/,
  latex: /^(\s*%\s*brug-disable-next-line)((?:\s+[a-z]+\/[a-z0-9-]+)+)\s*$/,
  plaintext: /^(\s*(?:#|%|\/\/|;|--)?\s*brug-disable-next-line)((?:\s+[a-z]+\/[a-z0-9-]+)+)\s*$/,
};

// Lines after which a comment must not be appended: fences, front matter and setext/thematic
// rules, headings, HTML, math fences, and lines that hold only markup.
const MD_STRUCTURAL = /^\s*(?:```|~~~|---|\+\+\+|\.\.\.|===|\*\*\*|___|<|#{1,6}(?:\s|$)|\$\$|:::|\{)/;

/** The edit that puts "disable next line" for `ruleId` above `line` (0-based). */
export function disableOnLine(text: string | DirectiveSource, format: Format, line: number, ruleId: string): OffsetEdit {
  const source = typeof text === 'string' ? textLines(text) : text;
  const eol = eolOf(source);
  const target = source.line(Math.min(line, source.lineCount - 1));
  const indent = /^[ \t]*/.exec(target.text)![0];
  const own: OffsetEdit = { offset: target.start, endOffset: target.start, newText: `${indent}${directive(format, 'disable-next-line', ruleId)}${eol}` };
  if (line <= 0) return own;
  const prev = source.line(line - 1);
  // A directive for this line is already there: the rule joins it. (A second one above it
  // would make the first point at the new comment line instead.)
  const existing = NEXT_LINE[format].exec(prev.text);
  if (existing) {
    if (existing[2]!.split(/[\s,]+/).includes(ruleId)) return { offset: prev.start, endOffset: prev.start, newText: '' };
    const at = prev.start + existing.index + existing[1]!.length + existing[2]!.length;
    return { offset: at, endOffset: at, newText: ` ${ruleId}` };
  }
  if (format !== 'markdown') return own;
  if (prev.text.trim() === '' || MD_STRUCTURAL.test(prev.text)) return own;
  // A line that goes on from the one above (a paragraph, list, quote or table): the comment
  // goes at the end of the line above, before a hard break or a table's closing pipe.
  const trailing = /(?:\\|[ \t]{2,}|[ \t]*\|)[ \t]*$/.exec(prev.text);
  const at = trailing ? prev.start + trailing.index : prev.end - (/[ \t]*$/.exec(prev.text)![0].length);
  const comment = directive(format, 'disable-next-line', ruleId);
  return { offset: at, endOffset: at, newText: trailing && trailing[0].includes('|') ? ` ${comment} ` : ` ${comment}` };
}

/**
 * Where the body of a document starts: after a byte-order mark and a front matter block (Markdown), or after TeX magic
 * comments. `text` is the document or (`partial`) its first characters: -1 when they do not say (what is read reaches
 * their end).
 */
function bodyStart(text: string, format: Format, partial: boolean): number {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (format === 'markdown') {
    const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text.slice(pos, pos + 8));
    if (open) {
      const close = open[1] === '+++' ? /^\+\+\+[ \t]*$/m : /^(?:---|\.\.\.)[ \t]*$/m;
      const rest = text.slice(pos + open[0].length);
      const m = close.exec(rest);
      if (m) {
        let end = pos + open[0].length + m.index + m[0].length;
        if (partial && end + 2 >= text.length) return -1;
        if (text[end] === '\r') end++;
        if (text[end] === '\n') end++;
        pos = end;
      } else if (partial) return -1;
    }
  } else if (format === 'latex') {
    // "%!TEX program = …" and "% !TeX root = …" must stay on the first lines.
    const re = /^%\s*!.*(?:\r?\n|$)/;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text.slice(pos))) && m[0].length > 0) pos += m[0].length;
    if (partial && pos >= text.length) return -1;
  }
  return pos;
}

/** How much of a document's start disableInFile reads first (all of it when the body's first line does not end there). */
const HEAD = 16_384;

/** The edit that switches `ruleId` off for the whole file: a directive at the top (or the rule added to the one there). */
export function disableInFile(whole: string | DirectiveSource, format: Format, ruleId: string): OffsetEdit {
  const source = typeof whole === 'string' ? textLines(whole) : whole;
  const eol = eolOf(source);
  let text = source.head(HEAD);
  let start = bodyStart(text, format, text.length < source.length);
  let nl = start < 0 ? -1 : text.indexOf('\n', start);
  if (nl < 0 && text.length < source.length) {
    text = source.head(source.length);
    start = bodyStart(text, format, false);
    nl = text.indexOf('\n', start);
  }
  let first = text.slice(start, nl < 0 ? text.length : nl);
  if (first.endsWith('\r')) first = first.slice(0, -1);
  const existing =
    format === 'markdown'
      ? /^(<!--\s*brug-disable(?:\s+[a-z]+\/[a-z0-9-]+)+)(\s*-->\s*)$/.exec(first)
      : format === 'latex'
        ? /^(%\s*brug-disable(?:\s+[a-z]+\/[a-z0-9-]+)+)(\s*)$/.exec(first)
        : /^(brug-disable(?:\s+[a-z]+\/[a-z0-9-]+)+)(\s*)$/.exec(first);
  if (existing) {
    if (existing[1]!.split(/\s+/).includes(ruleId)) return { offset: start, endOffset: start, newText: '' };
    const at = start + existing[1]!.length;
    return { offset: at, endOffset: at, newText: ` ${ruleId}` };
  }
  return { offset: start, endOffset: start, newText: `${directive(format, 'disable', ruleId)}${eol}` };
}
