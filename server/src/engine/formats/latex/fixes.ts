import type { Finding, Fix, TextEdit } from '../../types.js';
import { macroSpec } from './tables.js';
import type { TextView } from '../../text/view.js';

/** source[i] of a string (undefined outside it), of a view too. */
function charAt(source: TextView, i: number): string | undefined {
  return i >= 0 && i < source.length ? source.slice(i, i + 1) : undefined;
}

const ESCAPE: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '#': '\\#',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Plain text as LaTeX that typesets it: the special characters % & _ # $ { } ~ ^ \ escaped. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}%&_#$~^]/g, (c) => ESCAPE[c]!);
}

const SECTION_COMMANDS = ['chapter', 'chapter', 'section', 'subsection', 'subsubsection', 'paragraph', 'subparagraph'];

/**
 * A section to insert into a LaTeX document: `\section{Title}`, a blank line, and the
 * paragraphs separated by blank lines, all text escaped. Insert it at the start of a line;
 * it starts with a blank line so that it never joins the paragraph before it, and ends with
 * a line end. `level` follows the adapter's heading levels (1 \chapter, 2 \section,
 * 3 \subsection …); the default is a \section.
 */
export function latexSection(title: string, paragraphs: string[], level = 2): string {
  const cmd = SECTION_COMMANDS[Math.max(1, Math.min(6, Math.round(level)))]!;
  const body = paragraphs.map((p) => escapeLatex(p.trim())).filter(Boolean);
  return `\n\\${cmd}{${escapeLatex(title.trim())}}\n\n${body.map((p) => `${p}\n\n`).join('')}`;
}

const SAFE_SYMBOLS = new Set(['%', '&', '_', '#', '$', '{', '}', ',', ' ', '-', '/', '@', "'", '`', '^', '"', '~', '=', '.', '!', ';', ':']);
const SAFE_ACTS = new Set(['char', 'accent', 'prose', 'enquote']);

/**
 * Whether replacing source[offset, endOffset) keeps the LaTeX intact: the range holds whole
 * groups and only commands that are text themselves (accents, escapes, \emph …), no comment,
 * no math, no alignment, no reference, and does not start right after a control word.
 */
export function isSafeLatexRange(source: TextView, offset: number, endOffset: number, newText: string): boolean {
  if (offset < 0 || endOffset > source.length || endOffset < offset) return false;
  // Text glued to a control word would change its name (\LaTeX + "is" → \LaTeXis).
  if (/^[A-Za-z]/.test(newText)) {
    let k = offset - 1;
    while (k >= 0 && /[A-Za-z]/.test(charAt(source, k)!)) k--;
    if (k >= 0 && k < offset - 1 && charAt(source, k) === '\\' && !precededByBackslash(source, k)) return false;
  }
  let depth = 0;
  for (let i = offset; i < endOffset; i++) {
    const c = charAt(source, i)!;
    if (c === '{') depth++;
    else if (c === '}') {
      if (--depth < 0) return false;
    } else if (c === '%' || c === '$' || c === '&' || c === '#') return false;
    else if (c === '\\') {
      const next = charAt(source, i + 1);
      if (next === undefined || i + 1 >= endOffset) return false;
      if (/[A-Za-z]/.test(next)) {
        let j = i + 1;
        while (j < endOffset && /[A-Za-z]/.test(charAt(source, j)!)) j++;
        // A control word that runs on past the range is cut in two; one whose arguments follow the range loses them.
        if (j === endOffset && j < source.length && /[A-Za-z{[*]/.test(charAt(source, j)!)) return false;
        const spec = macroSpec(source.slice(i + 1, j));
        if (!spec || !SAFE_ACTS.has(spec.act)) return false;
        i = j - 1;
      } else {
        if (next === '\\' || !SAFE_SYMBOLS.has(next)) return false;
        i++;
      }
    }
  }
  return depth === 0;
}

function precededByBackslash(s: TextView, k: number): boolean {
  let n = 0;
  for (let j = k - 1; j >= 0 && charAt(s, j) === '\\'; j--) n++;
  return n % 2 === 1;
}

/**
 * A range that cuts through a text command's braces ("street-level} bureaucrats" of
 * \emph{street-level} bureaucrats) widened to take the whole command, when what it gains is
 * markup only (\emph{ and }), never a word. Undefined when that is not possible.
 */
export function widenOverMarkup(source: TextView, offset: number, endOffset: number): { offset: number; endOffset: number } | undefined {
  let start = offset;
  let end = endOffset;
  // Closing braces in the range whose group opens before it.
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = charAt(source, i);
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const open = matchingOpen(source, i);
      if (open < 0) return undefined;
      const cmd = /\\([A-Za-z]+)\*?$/.exec(source.slice(Math.max(0, open - 40), open));
      if (!cmd || !SAFE_ACTS.has(macroSpec(cmd[1]!)?.act ?? '')) return undefined;
      const from = open - cmd[0].length;
      // Only markup between the command and the range: no word is lost.
      if (hasWords(source.slice(open + 1, offset))) return undefined;
      start = Math.min(start, from);
    }
  }
  // Opening braces in the range that close after it.
  depth = 0;
  const opens: number[] = [];
  for (let i = start; i < end; i++) {
    const c = charAt(source, i);
    if (c === '\\') i++;
    else if (c === '{') opens.push(i);
    else if (c === '}' && opens.length) opens.pop();
  }
  for (const open of opens) {
    const close = matchingClose(source, open);
    if (close < 0) return undefined;
    if (hasWords(source.slice(endOffset, close))) return undefined;
    end = Math.max(end, close + 1);
  }
  return start === offset && end === endOffset ? undefined : { offset: start, endOffset: end };
}

function hasWords(markup: string): boolean {
  return /[\p{L}\p{N}]/u.test(markup.replace(/\\[A-Za-z]+\*?/g, ''));
}

function matchingOpen(s: TextView, close: number): number {
  let depth = 0;
  for (let i = close - 1; i >= 0 && close - i < 2000; i--) {
    const c = charAt(s, i);
    if (i > 0 && charAt(s, i - 1) === '\\' && (c === '{' || c === '}')) continue;
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function matchingClose(s: TextView, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length && i - open < 2000; i++) {
    const c = charAt(s, i);
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The text of a fix as LaTeX. Text without a backslash is plain text (a replacement word, a
 * gloss) and is escaped; text with one was written as LaTeX by a rule that knows the format
 * (the client-perspective scaffold's \section{…}) and is kept, provided its braces balance.
 */
export function fixText(newText: string): string | undefined {
  if (!newText.includes('\\')) return escapeLatex(newText);
  let depth = 0;
  for (let i = 0; i < newText.length; i++) {
    const c = newText[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return undefined;
  }
  return depth === 0 ? newText : undefined;
}

/** Fixes already made safe for LaTeX (so that they are never escaped twice). */
const secured = new WeakSet<Fix>();

/**
 * The fixes of findings on a LaTeX document, made safe: plain replacement text is escaped
 * (see fixText), an edit that cuts through a text command's braces is widened over that
 * markup when no word is lost, and a fix with an edit that would still cut a command, a group,
 * math or a comment in two is dropped (the finding stays, without that fix). `source` is the
 * document as read (offsets count a BOM). Calling it twice on the same findings is harmless.
 */
export function secureLatexFixes(source: TextView, findings: Finding[]): Finding[] {
  for (const f of findings) {
    if (f.fixes.length === 0) continue;
    const kept: Fix[] = [];
    for (const fix of f.fixes) {
      if (secured.has(fix) || fix.edits.length === 0) {
        kept.push(fix);
        continue;
      }
      const edits: TextEdit[] = [];
      let ok = true;
      for (const e of fix.edits) {
        const newText = fixText(e.newText);
        if (newText === undefined) {
          ok = false;
          break;
        }
        const range = isSafeLatexRange(source, e.offset, e.endOffset, newText) ? e : widenOverMarkup(source, e.offset, e.endOffset);
        if (!range || !isSafeLatexRange(source, range.offset, range.endOffset, newText)) {
          ok = false;
          break;
        }
        edits.push({ offset: range.offset, endOffset: range.endOffset, newText });
      }
      if (!ok) continue;
      const safe: Fix = { ...fix, edits };
      secured.add(safe);
      kept.push(safe);
    }
    f.fixes = kept;
  }
  return findings;
}
