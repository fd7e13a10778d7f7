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

function lineText(text: string, lines: LineIndex, line: number): { start: number; end: number; text: string } {
  const start = lines.lineStart(line);
  let end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return { start, end, text: text.slice(start, end) };
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
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
export function disableOnLine(text: string, format: Format, line: number, ruleId: string): OffsetEdit {
  const lines = new LineIndex(text);
  const eol = eolOf(text);
  const target = lineText(text, lines, Math.min(line, lines.lineCount - 1));
  const indent = /^[ \t]*/.exec(target.text)![0];
  const own: OffsetEdit = { offset: target.start, endOffset: target.start, newText: `${indent}${directive(format, 'disable-next-line', ruleId)}${eol}` };
  if (line <= 0) return own;
  const prev = lineText(text, lines, line - 1);
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

/** Where the body of a document starts: after a byte-order mark and a front matter block (Markdown), or after TeX magic comments. */
function bodyStart(text: string, format: Format): number {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (format === 'markdown') {
    const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text.slice(pos, pos + 8));
    if (open) {
      const close = open[1] === '+++' ? /^\+\+\+[ \t]*$/m : /^(?:---|\.\.\.)[ \t]*$/m;
      const rest = text.slice(pos + open[0].length);
      const m = close.exec(rest);
      if (m) {
        let end = pos + open[0].length + m.index + m[0].length;
        if (text[end] === '\r') end++;
        if (text[end] === '\n') end++;
        pos = end;
      }
    }
  } else if (format === 'latex') {
    // "%!TEX program = …" and "% !TeX root = …" must stay on the first lines.
    const re = /^%\s*!.*(?:\r?\n|$)/;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text.slice(pos))) && m[0].length > 0) pos += m[0].length;
  }
  return pos;
}

/** The edit that switches `ruleId` off for the whole file: a directive at the top (or the rule added to the one there). */
export function disableInFile(text: string, format: Format, ruleId: string): OffsetEdit {
  const eol = eolOf(text);
  const start = bodyStart(text, format);
  const nl = text.indexOf('\n', start);
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
