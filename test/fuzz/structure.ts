/**
 * Oracles for the fix properties, independent of the engine's adapters: the structure of a
 * document (headings, lists, quotes, code blocks, LaTeX environments) and the ranges no fix
 * may touch (quotations, block quotes, code, math, URLs, citation keys, footnote labels, front
 * matter, LaTeX commands and their non-prose arguments).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import type { Format } from '../../server/src/engine/types.js';
import { excludedRanges } from '../corpus/ranges.js';

interface Node {
  type: string;
  depth?: number;
  ordered?: boolean;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath);
const STRUCTURAL = new Set(['heading', 'list', 'listItem', 'blockquote', 'code', 'math', 'table', 'yaml', 'toml', 'thematicBreak', 'html', 'footnoteDefinition', 'definition']);

/** The skeleton of a document: its structural elements in order. */
export function structure(text: string, format: Format): string[] {
  if (format === 'markdown') {
    const out: string[] = [];
    const visit = (n: Node) => {
      if (STRUCTURAL.has(n.type)) out.push(n.type === 'heading' ? `h${n.depth}` : n.type === 'list' ? `list${n.ordered ? '1' : '*'}` : n.type);
      for (const c of n.children ?? []) visit(c);
    };
    visit(processor.parse(text) as unknown as Node);
    return out;
  }
  if (format === 'latex') {
    const out: string[] = [];
    const noComments = text.replace(/(?<!\\)%.*$/gm, '');
    for (const m of noComments.matchAll(/\\(begin|end)\{([^}]*)\}|\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph|item|title|footnote|caption)\b\*?/g)) out.push(m[1] ? `${m[1]}:${m[2]}` : m[3]!);
    return out;
  }
  // Plain text: paragraphs and their line counts.
  return text.split(/\r?\n[ \t]*\r?\n|\r[ \t]*\r/).map((p) => String(p.split(/\r\n|\r|\n/).length));
}

export interface Protected {
  kind: string;
  start: number;
  end: number;
}

function add(out: Protected[], kind: string, re: RegExp, text: string, group = 0): void {
  for (const m of text.matchAll(re)) {
    const start = m.index! + (group ? m[0].indexOf(m[group]!) : 0);
    out.push({ kind, start, end: start + (group ? m[group]!.length : m[0].length) });
  }
}

/** Ranges no fix may touch. */
export function protectedRanges(text: string, format: Format): Protected[] {
  const out: Protected[] = [];
  // Quotations in curly and low-high quotes (straight quotes are too ambiguous for an oracle).
  add(out, 'quotation', /[“„][^“”„\n]{1,400}[”“]/g, text);
  if (format === 'markdown') {
    for (const r of excludedRanges(text)) out.push({ kind: r.kind, start: r.start, end: r.end });
    const visit = (n: Node) => {
      if (n.type === 'blockquote' && n.position?.start.offset !== undefined) out.push({ kind: 'blockquote', start: n.position.start.offset, end: n.position.end.offset! });
      for (const c of n.children ?? []) visit(c);
    };
    visit(processor.parse(text) as unknown as Node);
    add(out, 'footnote-label', /\[\^[^\]\n]+\]/g, text);
    add(out, 'link-destination', /\]\([^)\n]*\)/g, text);
  } else if (format === 'latex') {
    add(out, 'comment', /(?<!\\)%.*$/gm, text);
    add(out, 'math', /\$\$[\s\S]*?\$\$|(?<!\\)\$[^$\n]+\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g, text);
    add(out, 'environment', /\\begin\{(equation|align|gather|multline|verbatim|lstlisting|minted|quote|quotation|displayquote|tikzpicture|eqnarray)\*?\}[\s\S]*?\\end\{\1\*?\}/g, text);
    add(out, 'command', /\\[A-Za-z@]+\*?/g, text);
    add(out, 'key', /\\(?:cite[a-z]*|ref|eqref|autoref|cref|Cref|label|url|href|input|include|includegraphics|bibliography|usepackage|documentclass|pageref)\*?(?:\[[^\]]*\])*\{[^}]*\}/g, text);
    add(out, 'enquote', /\\enquote\*?\{[^}]*\}/g, text);
  }
  return out;
}

/** The protected range an edit touches (overlaps, or inserts strictly inside), if any. */
export function touchedRange(ranges: Protected[], offset: number, endOffset: number): Protected | undefined {
  for (const r of ranges) {
    if (r.end <= r.start) continue;
    if (offset === endOffset ? offset > r.start && offset < r.end : offset < r.end && r.start < endOffset) return r;
  }
  return undefined;
}
