import type { Directive, ParsedDocument, ProseBlock } from '../types.js';
import { BlockTextBuilder, commonPrefix, commonSuffix } from '../offsets.js';
import { flat } from '../text/view.js';
import type { TextView } from '../text/view.js';
import { parseDirective } from './directives.js';
import { LastReading, keptEnds, parsedWithRaw, unskipped } from './last-reading.js';
import { LatexReader, headingLikeMacrosOf, headingLineUses, settleAfterEdit } from './latex/reader.js';
import type { LastLatexReading, LatexOptions } from './latex/reader.js';

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
export function parseLatex(input: TextView, options?: Partial<LatexOptions>): ParsedDocument {
  try {
    const key = optionsKey(options);
    const found = LAST.get();
    const last = found && found.options === key ? found : undefined;
    const edit = last ? changedStretch(last.text, input) : undefined;
    // Speed only (lx41): the body read again from a paragraph break before the edit up to where the reading is as the last
    // one was, when it can be (see LatexReader.resume). It reads the text as it comes: a view of the language server's
    // pieces is not joined into one string.
    if (last && edit) {
      const uses = headingUsesAfterEdit(input, last, edit);
      // (What the whole text's commands settle: the last reading's, corrected around the edit.)
      const oldTo = last.text.length - edit.suffix;
      const settled = settleAfterEdit(last.settings.settled, last.text, input, edit.from, oldTo, input.length - edit.suffix);
      const r = new LatexReader(input, options ?? {}, headingLikeMacrosOf(uses), settled);
      if (r.resume(last, edit.from, input.length - edit.suffix, input.length - last.text.length)) {
        READS.resumed++;
        const resumed = r.resumed();
        if (resumed.after >= 0) READS.joined++;
        const joined = joinLastReading(r.blocks, resumed, input, last);
        return reading(r, joined.blocks, joined.shifts, input, uses, key);
      }
    }
    // Else the whole text, as one string.
    const text = typeof input === 'string' ? input : flat(input);
    const uses = headingUsesAfterEdit(text, last, edit);
    const r = new LatexReader(text, options ?? {}, headingLikeMacrosOf(uses));
    r.run();
    READS.whole++;
    return reading(r, r.blocks, sameAsLastReading(r.blocks, text, last), text, uses, key);
  } catch (err) {
    const doc = parseLatexSimple(flat(input));
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

/** The parsed document of a reading (its blocks as kept, `blocks[i]` moved `shifts[i]` characters on), kept for the next one. */
function reading(r: LatexReader, blocks: ProseBlock[], shifts: Int32Array | undefined, text: TextView, uses: ReadonlyMap<string, number>, options: string): ParsedDocument {
  LAST.set({ blocks, shifts, text, uses, options, directives: r.directives, problems: r.problems, checkpoints: r.checkpoints, settings: r.settings() });
  return parsedWithRaw('latex', blocks, shifts, r.directives, { ...(r.declared ? { declaredLanguage: r.declared } : {}), ...(r.problems.length ? { problems: r.problems } : {}), movesBlocks: true });
}

/**
 * A reading: what the reader made of the text (blocks as kept and how far each moved since it was made, directives,
 * problems, checkpoints, settings), the text it read, its options, and the uses of heading-like commands in that text
 * (headingLineUses).
 */
interface Reading extends LastLatexReading {
  blocks: ProseBlock[];
  shifts: Int32Array | undefined;
  uses: ReadonlyMap<string, number>;
  options: string;
}

/**
 * For tests: how many readings read the whole text, how many took up the last reading (LatexReader.resume), and how many
 * of those joined it after the edit (the rest read on to the end).
 */
export const READS = { whole: 0, resumed: 0, joined: 0 };

/** The options as a key (a reading is taken up only under the same options). */
function optionsKey(options: Partial<LatexOptions> | undefined): string {
  return options ? JSON.stringify([options.proseCommands ?? [], options.skipEnvironments ?? []]) : '[[],[]]';
}

/** Where two texts differ: the first character that does (`from`), and how many characters they share at their end. */
function changedStretch(old: TextView, text: TextView): { from: number; suffix: number } {
  const from = commonPrefix(old, text);
  return { from, suffix: commonSuffix(old, text, Math.min(old.length, text.length) - from) };
}

/** The last reading (one, of whichever LaTeX document was read last). */
const LAST = new LastReading<Reading>();

/**
 * Speed only (latex35): the uses of heading-like commands in `text` (headingLineUses) from the last reading's, corrected
 * by the lines that differ: those of the last text taken away, those of this one added. (No use spans a line ending, and
 * the lines around the ones that differ are the same lines.) Without a last reading, counted in the whole text.
 */
function headingUsesAfterEdit(text: TextView, last: Reading | undefined, edit: { from: number; suffix: number } | undefined): Map<string, number> {
  if (!last || !edit) return headingLineUses(typeof text === 'string' ? text : flat(text));
  const old = last.text;
  const p = edit.from;
  const q = edit.suffix;
  // The lines that hold what differs: from the line start at or before p to the line end at or after each text's change.
  const from = p === 0 ? 0 : text.lastIndexOf('\n', p - 1) + 1;
  const lineEnd = (s: TextView, at: number) => {
    const e = s.indexOf('\n', at);
    return e < 0 ? s.length : e;
  };
  const uses = new Map(last.uses);
  headingLineUses(old.slice(from, lineEnd(old, old.length - q)), uses, -1);
  return headingLineUses(text.slice(from, lineEnd(text, text.length - q)), uses, 1);
}

/**
 * Speed only (latex35): the reader's blocks, where they are the same as the last reading's, handed out as the last
 * reading's objects (last-reading.ts keptEnds): the first blocks that equal the last reading's first blocks (the same
 * text, map, place and all else) in place, the last blocks that equal its last ones moved by the change in length with
 * their shifts (no copy). The engine then takes both ends from its last check without a look-up (engine.ts sameEnds), the
 * texts it hashed before are not flattened and hashed again, and the blocks it keeps are the ones it kept. Compared as
 * read, so anything the edit changed (a macro, the language, a section's end) reads as different. Returns the shifts.
 */
function sameAsLastReading(blocks: ProseBlock[], text: string, last: Reading | undefined): Int32Array | undefined {
  return last ? keptEnds(blocks, undefined, 0, blocks.length, last, 0, last.blocks.length, text.length - last.text.length) : undefined;
}

/**
 * The blocks of a reading taken up again (LatexReader.resume): the last reading's blocks before the stretch read again
 * (its objects, where they were), the blocks read (those equal to the last reading's at either end of the stretch handed
 * out as sameAsLastReading does), and the last reading's blocks after the join, moved by the change in length (its
 * objects with their shifts).
 */
function joinLastReading(read: readonly ProseBlock[], at: { before: number; after: number }, text: TextView, last: Reading): { blocks: ProseBlock[]; shifts: Int32Array | undefined } {
  const old = last.blocks;
  const was = last.shifts;
  const delta = text.length - last.text.length;
  const oldTo = at.after < 0 ? old.length : at.after;
  const n = read.length;
  const count = at.before + n + old.length - oldTo;
  const out: ProseBlock[] = new Array(count);
  let shifts: Int32Array | undefined;
  let w = 0;
  for (let i = 0; i < at.before; i++, w++) {
    out[w] = unskipped(old[i]!);
    const s = was ? was[i]! : 0;
    if (s !== 0) (shifts ??= new Int32Array(count))[w] = s;
  }
  for (let i = 0; i < n; i++) out[w++] = read[i]!;
  for (let i = oldTo; i < old.length; i++, w++) {
    out[w] = unskipped(old[i]!);
    const s = (was ? was[i]! : 0) + delta;
    if (s !== 0) (shifts ??= new Int32Array(count))[w] = s;
  }
  return { blocks: out, shifts: keptEnds(out, shifts, at.before, at.before + n, last, at.before, oldTo, delta) };
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
      const block: ProseBlock = { kind: 'paragraph', text: b.text, map: b.blockMap, start, end };
      if (b.placeholders.length) block.placeholders = b.blockPlaceholders;
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
