import type { Directive, ParsedDocument, ProseBlock } from '../types.js';
import { BlockTextBuilder } from '../offsets.js';
import { parseDirective } from './directives.js';
import { LatexReader } from './latex/reader.js';
import type { LatexOptions } from './latex/reader.js';

export type { LatexOptions } from './latex/reader.js';
export { escapeLatex, fixText, latexSection, secureLatexFixes, isSafeLatexRange, widenOverMarkup } from './latex/fixes.js';
export { findBeginDocument, inComment } from './latex/reader.js';

/**
 * LaTeX: prose blocks with an exact map back to the source.
 *
 * - Paragraphs are separated by blank lines (or \par). Display environments (lists, tables,
 *   quotes, boxes, unknown environments) end the paragraph before them; floats, footnotes and
 *   inline or display math do not (a sentence runs on around an equation).
 * - Headings, levels 1–6: \title 1, \chapter 1, \section 2, \subsection 3, \subsubsection 4,
 *   \paragraph 5, \subparagraph 6; \part is 1 and then pushes every other level one down
 *   (clamped at 6). Starred forms alike. The abstract environment (and \abstract{…}) is a
 *   heading "Abstract" ("Samenvatting" in a Dutch document) mapped to \begin{abstract}, at
 *   the level of the document's top sectioning command, so the engine gives it the role
 *   summary.
 * - Kinds: \item → listItem, tabular cells → tableCell, \footnote/\footnotetext/\marginpar →
 *   footnote, \caption → caption. Quotations (quote, quotation, displayquote) are quoted.
 * - Not prose: math, citations, references, labels, URLs (a placeholder word takes their place
 *   in the sentence), code and pictures (verbatim, lstlisting, minted, tikzpicture, …), the
 *   bibliography, comments, \iffalse…\fi, the preamble (except \title), and the arguments of
 *   unknown commands (a placeholder when the command has arguments, nothing when it has none)
 *   unless latex.proseCommands says otherwise.
 * - Accents, TeX ligatures and escapes become the characters they typeset (cli\"ent →
 *   cliënt, -- → –, `` '' → “ ”), mapped as a whole to their source.
 * - Language: babel (\usepackage[dutch]{babel}, main=), polyglossia (\setdefaultlanguage)
 *   and the class options set the declared language; \selectlanguage, otherlanguage(*) and
 *   polyglossia's language environments fix the language of the blocks they cover; comments
 *   "% brug-language nl" are directives like the other brug- comments.
 *
 * It never throws: broken input is read as far as it goes (problems are reported as
 * information), and should the reader fail anyway, a simple tokenizer takes over.
 */
export function parseLatex(text: string, options?: Partial<LatexOptions>): ParsedDocument {
  try {
    const r = new LatexReader(text, options ?? {});
    r.run();
    const doc: ParsedDocument = { format: 'latex', blocks: r.blocks, directives: r.directives };
    if (r.declared) doc.declaredLanguage = r.declared;
    if (r.problems.length) doc.problems = r.problems;
    return doc;
  } catch (err) {
    const doc = parseLatexSimple(text);
    doc.problems = [
      {
        offset: 0,
        message: {
          en: `Brug could not read this LaTeX fully and checked it with a simpler reader (${(err as Error).message}).`,
          nl: `Brug kon deze LaTeX niet helemaal lezen en controleerde hem met een eenvoudiger lezer (${(err as Error).message}).`,
        },
      },
    ];
    return doc;
  }
}

const SIMPLE_SPECIAL = /[\\{}$%&~^_#]/;

/**
 * The fallback: paragraphs at blank lines, comments dropped, any command with its braced
 * arguments a placeholder, math a placeholder. Crude, but it cannot fail.
 */
export function parseLatexSimple(text: string): ParsedDocument {
  const blocks: ProseBlock[] = [];
  const directives: Directive[] = [];
  const n = text.length;
  let b = new BlockTextBuilder();
  let start = -1;
  let end = 0;
  let line = 0;
  let pendingNl = -1;
  const flush = () => {
    pendingNl = -1;
    if (start >= 0 && /[\p{L}\p{N}]/u.test(b.text)) {
      const block: ProseBlock = { kind: 'paragraph', text: b.text, map: b.map, start, end };
      if (b.placeholders.length) block.placeholders = b.placeholders;
      blocks.push(block);
    }
    b = new BlockTextBuilder();
    start = -1;
  };
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      let j = i + 1;
      while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (text[j] === '\n') flush();
      else if (start >= 0) pendingNl = i;
      i++;
      continue;
    }
    if (c === '%') {
      let j = i;
      while (j < n && text[j] !== '\n') j++;
      const d = parseDirective(text.slice(i + 1, j), i, j, line);
      if (d) directives.push(d);
      i = j;
      continue;
    }
    if (c === '\\' || c === '$') {
      let j = i + 1;
      if (c === '$') {
        while (j < n && text[j] !== '$' && text[j] !== '\n') j++;
        j = Math.min(n, j + 1);
      } else {
        while (j < n && /[A-Za-z]/.test(text[j]!)) j++;
        if (j === i + 1) j = Math.min(n, j + 1);
        while (j < n && (text[j] === '{' || text[j] === '[')) {
          const close = text[j] === '{' ? '}' : ']';
          const k = text.indexOf(close, j);
          const nl = text.indexOf('\n\n', j);
          if (k < 0 || (nl >= 0 && nl < k)) break;
          j = k + 1;
        }
      }
      if (start < 0) start = i;
      if (pendingNl >= 0) b.addVerbatim('\n', pendingNl);
      pendingNl = -1;
      b.addPlaceholder(i, j - i, '0');
      end = j;
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < n && text[j] !== '\n' && !SIMPLE_SPECIAL.test(text[j]!)) j++;
    if (SIMPLE_SPECIAL.test(c)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (pendingNl >= 0) b.addVerbatim('\n', pendingNl);
    pendingNl = -1;
    b.addVerbatim(text.slice(i, j), i);
    end = j;
    i = j;
  }
  flush();
  return { format: 'latex', blocks, directives };
}
