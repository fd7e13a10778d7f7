import type { BlockKind, Directive, Language, Message, ProseBlock } from '../../types.js';
import { BlockTextBuilder, wordlessCell } from '../../offsets.js';
import { flat, stretchesOf } from '../../text/view.js';
import type { TextView } from '../../text/view.js';
import { parseDirective } from '../directives.js';
import { ACCENTS, ESCAPES, SILENT_SYMBOLS, envSpec, languageOfName, macroSpec } from './tables.js';
import type { EnvSpec, MacroSpec } from './tables.js';

export interface LatexOptions {
  /**
   * Commands whose arguments are prose. "name" makes every mandatory argument prose;
   * "name:2" or "name:1,3" only those (1-based, mandatory arguments only); a suffix
   * "=section" (or any sectioning command) makes the command a heading of that level:
   * "seclbl:1=section".
   */
  proseCommands: string[];
  /** Environments whose content is not prose (read verbatim up to their \end). */
  skipEnvironments: string[];
}

/** Where prose goes: the paragraph being built and what kind of block it becomes. */
interface Flow {
  kind: BlockKind;
  quoted: boolean;
  /** The preamble: text is dropped. */
  discard: boolean;
  /** A table: & and \\ end a cell. */
  cells: boolean;
  /** A description list: an item's label is prose. */
  description: boolean;
  b: BlockTextBuilder | null;
  start: number;
  end: number;
  lang: Language | undefined;
  /** Whitespace waiting for more text (so blocks never end in whitespace): [start, end] pairs; start -1 is a separator at end. */
  pend: number[];
  /** Start of the next block (\item puts it on the \item). */
  nextStart: number;
  /** Kind of the next block only (an \item outside a list environment). */
  nextKind: BlockKind | null;
}

interface Arg {
  /** The argument with its delimiters, and its content. */
  start: number;
  cs: number;
  ce: number;
  end: number;
  closed: boolean;
  brace: boolean;
}

interface Custom {
  /** 1-based mandatory arguments that are prose; undefined: all of them. */
  args?: number[];
  /** Heading level on the chapter scale when the command is a heading. */
  level?: number;
}

/**
 * Where a reading of a document's body can be taken up again (LatexReader.resume; speed only): the paragraph breaks at
 * the top of the body, outside every environment and argument and inside plain groups only (`{` … `}` opened in the
 * body's own text), at a blank line of line feeds. Per break, in the order of the text: the offset after it, how many
 * blocks, directives and problems the reading had made before it, the language of the text there, and the plain groups
 * open there.
 */
export interface Checkpoints {
  at: number[];
  blocks: number[];
  directives: number[];
  /** The problems kept before it (at most MAX_PROBLEMS: an index into the reading's list). */
  problems: number[];
  lang: Array<Language | undefined>;
  /**
   * The problems found before it, those beyond the kept ones too: the state a reading joins the last one by (a report
   * with five problems or more joined none, and every edit read it to its end: session 26).
   */
  found: number[];
  /**
   * The plain groups open at it, outermost first: the language each restores when it closes (undefined for none open).
   * A brace a draft leaves open holds the rest of the text in a group; without these a reading was taken up only before
   * it, and every edit after it read to the end (session 27: the LaTeX book with one stray "{", ~32 against ~17 ms per
   * edit).
   */
  groups: Array<ReadonlyArray<Language | undefined> | undefined>;
}

/**
 * What the whole text's commands settle for a reading, wherever they stand: commands it defines whose body is a
 * sectioning command (sectioningMacros), and whether it has parts and chapters (the headings' levels), with where each
 * \\part and \\chapter is (start and end of each, in pairs), so that an edit elsewhere keeps them.
 */
export interface Settled {
  sectioning: ReadonlyMap<string, Custom>;
  levelShift: number;
  top: number;
  parts: readonly number[];
  chapters: readonly number[];
}

/** A \\part (or \\addpart) with its argument's opening; the same for \\chapter (\\addchap). */
const PART = /\\(?:add)?part\*?\s*[[{]/g;
const CHAPTER = /\\(?:chapter|addchap)\*?\s*[[{]/g;

/** Settled of a text: one scan of it (a view's pieces, not joined). */
export function settleText(s: TextView): Settled {
  return settled(sectioningMacros(s), spansIn(PART, s), spansIn(CHAPTER, s));
}

function settled(sectioning: ReadonlyMap<string, Custom>, parts: readonly number[], chapters: readonly number[]): Settled {
  return { sectioning, levelShift: parts.length > 0 ? 1 : 0, top: chapters.length > 0 ? 1 : 2, parts, chapters };
}

/** The commands a definition settleText() reads starts with. */
const DEFINING = ['\\newcommand', '\\renewcommand', '\\providecommand', '\\def'];

/**
 * Settled after an edit, from the last text's (`was`; `old` changed from `from` up to `oldTo`, this text up to `to`).
 * \\part and \\chapter: those wholly outside the changed stretch stay (moved), and those that reach into it are found
 * again in a stretch around it (back over the whitespace before it and the command's name, on over its name and the
 * whitespace after it). Definitions: the whole text is scanned again when one starts within WINDOW_REACH characters of
 * the changed stretch, in either text (a definition with its body is shorter than that: the bound of inPieces).
 */
export function settleAfterEdit(was: Settled, old: TextView, text: TextView, from: number, oldTo: number, to: number): Settled {
  if (nearCommand(DEFINING, old, from, oldTo) || nearCommand(DEFINING, text, from, to)) return settleText(text);
  const delta = to - oldTo;
  return settled(was.sectioning, spansAfterEdit(PART, was.parts, text, from, oldTo, to, delta), spansAfterEdit(CHAPTER, was.chapters, text, from, oldTo, to, delta));
}

/** Whether one of `commands` (followed by no letter: \\defn is another command) starts within WINDOW_REACH characters of t[from, to). */
function nearCommand(commands: readonly string[], t: TextView, from: number, to: number): boolean {
  const near = t.slice(Math.max(0, from - WINDOW_REACH), Math.min(t.length, to + WINDOW_REACH));
  for (const word of commands) {
    for (let k = near.indexOf(word); k >= 0; k = near.indexOf(word, k + 1)) if (!isLetter(near.charCodeAt(k + word.length))) return true;
  }
  return false;
}

/** The spans (start, end in pairs) of `re`'s matches in a text (see inPieces). */
function spansIn(re: RegExp, text: TextView): number[] {
  const out: number[] = [];
  let base = 0;
  for (const { text: s, to } of inPieces(text)) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m && m.index < to; m = re.exec(s)) out.push(base + m.index, base + m.index + m[0].length);
    base += to;
  }
  return out;
}

const SPACE = /\s/;
const isSpace = (t: TextView, k: number) => SPACE.test(t.slice(k, k + 1));

/** spans of `re` after an edit (see settleAfterEdit): a match is a name of at most 9 characters, whitespace and a bracket. */
function spansAfterEdit(re: RegExp, spans: readonly number[], text: TextView, from: number, oldTo: number, to: number, delta: number): number[] {
  const out: number[] = [];
  let k = 0;
  for (; k < spans.length && spans[k + 1]! <= from; k += 2) out.push(spans[k]!, spans[k + 1]!);
  let a = from;
  while (a > 0 && isSpace(text, a - 1)) a--;
  a = Math.max(0, a - 10);
  let b = Math.min(text.length, to + 10);
  while (b < text.length && isSpace(text, b)) b++;
  b = Math.min(text.length, b + 1);
  const window = text.slice(a, b);
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const start = a + m.index;
    const end = start + m[0].length;
    if (start < to && end > from) out.push(start, end);
  }
  for (; k < spans.length; k += 2) if (spans[k]! >= oldTo) out.push(spans[k]! + delta, spans[k + 1]! + delta);
  return out;
}

/** What a reading settled before its body: the same for a reading taken up again, which does not read the preamble. */
export interface ReaderSettings {
  settled: Settled;
  /** -1: no reading of this text can be taken up (its body declares what the preamble declares). */
  bodyStart: number;
  custom: ReadonlyMap<string, Custom>;
  poly: Language | 'other' | undefined;
  babel: Language | 'other' | undefined;
  babelLoaded: boolean;
  classLang: Language | 'other' | undefined;
  declared: Language | undefined;
  shorthands: boolean;
}

/** The last reading of a document, as LatexReader.resume takes it up (its blocks sorted, as run() leaves them). */
export interface LastLatexReading {
  text: TextView;
  blocks: readonly ProseBlock[];
  directives: readonly Directive[];
  problems: ReadonlyArray<{ offset: number; message: Message }>;
  checkpoints: Checkpoints;
  settings: ReaderSettings;
}

/**
 * How far before the first changed character a reading is taken up again, at least. What the reader decided before a
 * checkpoint depends on the text after it only through its look-aheads, and each of those either stops at the blank
 * line before the checkpoint (a group or [option] not closed, math, \\verb, \\def's parameters, the search for an \\end
 * after a } too many), or moves the reading past it (a group, a skipped environment, \\iffalse), or opens a group that
 * holds it (an environment's name not closed within 80 characters), or decides by the text before the next line end
 * (a (…) argument). The margin is kept anyway, for a look-ahead added later: a few hundred characters read again cost
 * nothing measurable.
 */
const RESUME_MARGIN = 256;

/** No plain group open (a checkpoint at the top of the body). */
const NO_GROUPS: ReadonlyArray<Language | undefined> = [];

/** Whether a checkpoint's open plain groups are these. */
function sameGroups(a: ReadonlyArray<Language | undefined> | undefined, b: ReadonlyArray<Language | undefined>): boolean {
  const x = a ?? NO_GROUPS;
  if (x.length !== b.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== b[i]) return false;
  return true;
}

/** A text as one string (a view is joined: only where a reading of the whole text needs it). */
function flatText(s: TextView): string {
  return typeof s === 'string' ? s : flat(s);
}

/** Line breaks from `from` up to `to` in `s` (\n, or \r without \n after it): lineAt's count, and how far an edit moved the lines after it. */
function lineBreaks(s: TextView, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === NL || (c === CR && s.charCodeAt(k + 1) !== NL)) n++;
  }
  return n;
}

const BS = 92, LB = 123, RB = 125, LSQ = 91, RSQ = 93, DOLLAR = 36, PCT = 37, AMP = 38, TILDE = 126, HASH = 35, CARET = 94, UNDERSCORE = 95;
const NL = 10, CR = 13, SP = 32, TAB = 9, STAR = 42, LP = 40, RP = 41;
const STOP_NONE = 0;
const STOP_GROUP = 1;
/** Nesting beyond this is read flat (binary junk can hold thousands of braces). */
const MAX_DEPTH = 120;
const MAX_PROBLEMS = 5;

/**
 * The word that stands for a citation, a reference or math. A number: "as shown \cite{x}. The
 * next…" must end the sentence (after "x." the sentence splitters see an initial and go on),
 * a sentence may start with one (\citet{x} show…), and numbers stay out of syllable counts.
 */
export const PLACEHOLDER = '0';
/** A citation's placeholder: it keeps the citation's place but is no word of the sentence (text/sentences.ts). */
export const CITATION_PLACEHOLDER = '[@0]';

const SPECIAL = new Uint8Array(128);
for (const ch of '\\{}$%&~#^_ \t\n\r') SPECIAL[ch.charCodeAt(0)] = 1;

/**
 * A text run after its first character (LatexReader.text): characters that are not SPECIAL, and whitespace with at most
 * one line ending (CR LF, CR or LF) when such a character follows it. WORD_RUN: without the whitespace.
 */
const TEXT_RUN = /[^\\{}$%&~#^_ \t\n\r]*(?:[ \t]*(?:(?:\r\n?|\n)[ \t]*)?[^\\{}$%&~#^_ \t\n\r]+)*/y;
const WORD_RUN = /[^\\{}$%&~#^_ \t\n\r]*/y;
/** What a ligature or a shorthand starts with (LatexReader.emitText): - ` ' , ". */
const LIGATURE_START = /[-`',"]/g;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

let textRuns = true;

/**
 * Turns the reading of a line's words as one text run (LatexReader.text) off or on: off, words are read one by one, a
 * character at a time, as before runs (for the test that compares both).
 */
export function setLatexTextRuns(on: boolean): void {
  textRuns = on;
}

const LEVEL_OF: Record<string, number> = { part: 0, chapter: 1, section: 2, subsection: 3, subsubsection: 4, paragraph: 5, subparagraph: 6 };

function parseCustom(entries: string[]): Map<string, Custom> {
  const out = new Map<string, Custom>();
  for (const raw of entries) {
    const m = /^\\?([A-Za-z@]+\*?)\s*(?::\s*([\d,\s]+))?\s*(?:=\s*\\?([A-Za-z]+))?\s*$/.exec(String(raw).trim());
    if (!m) continue;
    const c: Custom = {};
    if (m[2]) c.args = m[2].split(/[,\s]+/).filter(Boolean).map(Number).filter((x) => x > 0);
    if (m[3] && LEVEL_OF[m[3]] !== undefined) c.level = LEVEL_OF[m[3]]!;
    out.set(m[1]!.replace(/\*$/, ''), c);
  }
  return out;
}

/**
 * Commands the source defines (\newcommand, \renewcommand, \providecommand, \def) whose body holds a sectioning command
 * on one of their arguments ("\newcommand{\seclbl}[2]{\section{#1}\label{#2}}"): a heading of that level whose prose is
 * that argument.
 */
export function sectioningMacros(text: TextView): Map<string, Custom> {
  const out = new Map<string, Custom>();
  if (text.indexOf('command') < 0 && text.indexOf('\\def') < 0) return out;
  // (A view a piece at a time, with what a definition starting in it can reach: see inPieces.)
  for (const { text: s, to } of inPieces(text)) sectioningMacrosIn(s, to, out);
  return out;
}

/** sectioningMacros() of the definitions in `s` that start before `to`, added to `out`. */
function sectioningMacrosIn(s: string, to: number, out: Map<string, Custom>): void {
  const head = /\\(?:(?:re)?newcommand|providecommand)\*?\s*\{?\s*\\([A-Za-z@]+)\s*\}?\s*(?:\[\d\])?\s*(?:\[[^\]\n]*\])?\s*\{|\\def\s*\\([A-Za-z@]+)(?:#\d)*\s*\{/g;
  const body = /\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*(?:\[[^\]]*\])?\s*\{\s*#(\d)\s*\}/;
  for (const m of s.matchAll(head)) {
    if (m.index >= to) break;
    // The body: up to its closing brace (at most 1,000 characters).
    const from = m.index + m[0].length;
    let depth = 1;
    let j = from;
    for (; j < s.length && j < from + 1000 && depth > 0; j++) {
      const c = s.charCodeAt(j);
      if (c === BS) j++;
      else if (c === LB) depth++;
      else if (c === RB) depth--;
    }
    const b = body.exec(s.slice(from, j));
    if (b) out.set(m[1] ?? m[2]!, { args: [Number(b[2])], level: LEVEL_OF[b[1]!]! });
  }
}

/**
 * A text for a scan with a regular expression: a string as it is; a view a piece at a time, each with the WINDOW_REACH
 * characters after it, a match counted in the piece it starts in (`to`: the piece's end in the stretch). A match of at
 * most WINDOW_REACH characters is then found as in the whole text (the patterns scanned so, commands and their
 * definitions, are short).
 */
function inPieces(text: TextView): Iterable<{ text: string; to: number }> {
  return typeof text === 'string' ? [{ text, to: text.length }] : [...stretchesOf(text, 0, WINDOW_REACH)].map((p) => ({ text: p.text, to: p.to }));
}

/** Names of heading commands a class file may define: (my|sub…)sec…, (my)chap…; never a reference, mark or font command. */
const HEADING_LIKE_NAME = /^(?:my)?((?:sub)*)(sec|chap)/i;
const NOT_HEADING_NAME = /ref|mark|font|format|style|num|name|toc|skip|space|break|title|counter|page|image|img|pic|graphic|head|foot|line|rule|colou?r|depth|level/i;
/** A line that is only a command with a short first argument and further brace groups (a label): `\seclbl{Who You Are}{s:intro}`. */
const HEADING_LINE = /^[ \t]*\\([A-Za-z]+)\*?\{([^{}\n]{1,120})\}(?:\{[^{}\n]*\})*[ \t]*(?:%[^\n]*)?$/gm;

/**
 * Heading commands that come from a class or style file the document does not contain (`\seclbl{Title}{label}` of a
 * book template): a command LaTeX and Brug do not know, named like a sectioning command (sec…, subsec…, chap…), that
 * stands alone on its line with a short title as its first argument, at least twice in the document. Without this a
 * section runs on past them and its counts take in the sections that follow (judged false: "section span wrong").
 * Defined commands (sectioningMacros) and latex.proseCommands win.
 */
export function headingLikeMacros(s: string): Map<string, Custom> {
  if (!/\\(?:[A-Za-z]*)(?:sec|chap)/i.test(s)) return new Map();
  return headingLikeMacrosOf(headingLineUses(s));
}

/**
 * How often each command headingLikeMacros() may take for a heading stands alone on its line with a short title in `s`,
 * added to `into` (`sign` -1: taken away). A line's uses are the same wherever it is: no use spans a line ending (\n).
 */
export function headingLineUses(s: string, into = new Map<string, number>(), sign = 1): Map<string, number> {
  for (const m of s.matchAll(HEADING_LINE)) {
    const name = m[1]!;
    const title = m[2]!.trim();
    if (macroSpec(name) || NOT_HEADING_NAME.test(name) || !HEADING_LIKE_NAME.test(name)) continue;
    const words = title.split(/\s+/).filter(Boolean).length;
    // A title has letters; a file name, a path or a sentence is no title.
    if (words === 0 || words > 15 || !/\p{L}/u.test(title) || /[.;:]$|[\\/]|\.[a-z]{2,4}$/i.test(title)) continue;
    const n = (into.get(name) ?? 0) + sign;
    if (n === 0) into.delete(name);
    else into.set(name, n);
  }
  return into;
}

/** The heading commands of headingLineUses(): those used twice or more. */
export function headingLikeMacrosOf(uses: ReadonlyMap<string, number>): Map<string, Custom> {
  const out = new Map<string, Custom>();
  for (const [name, n] of uses) {
    if (n < 2) continue;
    const [, subs, kind] = HEADING_LIKE_NAME.exec(name)!;
    const depth = (subs ?? '').length / 3;
    const level = kind!.toLowerCase() === 'chap' ? LEVEL_OF.chapter! : Math.min(LEVEL_OF.subparagraph!, LEVEL_OF.section! + depth);
    out.set(name, { args: [1], level });
  }
  return out;
}

/**
 * Reads LaTeX source in one pass, as TeX would typeset it, and hands prose to blocks with a
 * map back to the source. It never throws on broken input: an unclosed group ends at the
 * paragraph break (short arguments) or at the end, an unclosed environment at the end, a
 * stray } or \end is skipped, and nesting deeper than MAX_DEPTH is read flat.
 */
export class LatexReader {
  readonly blocks: ProseBlock[] = [];
  readonly directives: Directive[] = [];
  readonly problems: Array<{ offset: number; message: Message }> = [];
  declared: Language | undefined;

  private readonly n: number;
  private i = 0;
  private flow: Flow;
  private lang: Language | undefined;
  private readonly envs: Array<{ name: string; depth: number }> = [];
  private groupDepth = 0;
  private depth = 0;
  private done = false;
  /** At the start of a line because a comment ate the line end: one more newline is a paragraph break. */
  private bol = false;
  private preamble = false;
  /** Babel's Dutch shorthands ("e → ë). */
  private shorthands = false;
  private readonly levelShift: number;
  private readonly abstractLevel: number;
  private lineNo = 0;
  private linePos = 0;
  private brugAt = -1;
  private readonly custom: Map<string, Custom>;
  private readonly skipEnvs: Set<string>;
  private poly: Language | 'other' | undefined;
  private babel: Language | 'other' | undefined;
  private babelLoaded = false;
  private classLang: Language | 'other' | undefined;
  /** What the text's commands settle for the whole reading (see Settled). */
  private readonly settled: Settled;
  /** Where the body starts (after \\begin{document}; 0 without one); -1 until run() knows. */
  private bodyStart = -1;
  /** The body's own flow (paragraphs at its top); null in the preamble. */
  private top: Flow | null = null;
  /** The paragraph breaks where this reading can be taken up again. */
  readonly checkpoints: Checkpoints = { at: [], blocks: [], directives: [], problems: [], lang: [], found: [], groups: [] };
  /** The plain groups open (group()), outermost first: the language each restores when it closes. */
  private readonly plain: Array<Language | undefined> = [];
  /** The problems found so far, those beyond the kept ones (MAX_PROBLEMS) too. */
  private problemsFound = 0;
  /** While a reading taken up again (resume) looks for the last reading's state to join it. */
  private joining: { last: LastLatexReading; from: number; delta: number; k: number } | undefined;
  /** Whether the body declares languages or packages (\\usepackage after \\begin{document}): then no reading is taken up. */
  private bodyDeclares = false;
  /** Where resume() joined the last reading: the index of its checkpoint; -1 when it read on to the end. */
  private joinedAt = -1;

  /**
   * `s`: the text, a string, or a view of it for a reading taken up again (resume; then `headingLike` must be given).
   * `headingLike`: headingLikeMacros(s), when the caller knows it.
   */
  constructor(private readonly s: TextView, options: Partial<LatexOptions> = {}, headingLike?: Map<string, Custom>, settled?: Settled) {
    this.n = s.length;
    this.custom = parseCustom(options.proseCommands ?? []);
    const settle = settled ?? settleText(s);
    this.settled = settle;
    // A heading command the document defines itself (\newcommand{\seclbl}[2]{\section{#1}\label{#2}}) is a heading, as
    // if latex.proseCommands named it: its sections do not run on into the next one. The setting wins.
    for (const [name, c] of settle.sectioning) if (!this.custom.has(name)) this.custom.set(name, c);
    for (const [name, c] of headingLike ?? headingLikeMacros(flatText(s))) if (!this.custom.has(name)) this.custom.set(name, c);
    this.skipEnvs = new Set((options.skipEnvironments ?? []).map((e) => String(e).trim()));
    this.flow = this.newFlow('paragraph');
    // \part pushes every level one down, so that levels stay within 1–6 and parts hold chapters.
    this.levelShift = settle.levelShift;
    const top = settle.top;
    this.abstractLevel = Math.min(6, top + this.levelShift);
  }

  run(): void {
    const doc = findBeginDocument(this.s);
    if (doc) {
      this.preamble = true;
      this.flow = { ...this.newFlow('paragraph'), discard: true };
      this.seq(STOP_NONE, doc.start);
      this.preamble = false;
      this.done = false;
      this.i = doc.end;
    }
    this.declared = this.declaredLanguage();
    this.shorthands = this.babelLoaded && this.declared === 'nl' && this.poly === undefined;
    this.bodyStart = doc ? doc.end : 0;
    this.flow = this.newFlow('paragraph');
    this.top = this.flow;
    this.seq(STOP_NONE, this.n);
    this.flush(this.flow);
    // Footnotes and captions are finished before the paragraph around them: order by position.
    this.blocks.sort((a, b) => a.start - b.start);
  }

  /** What this reading settled before its body (see ReaderSettings). */
  settings(): ReaderSettings {
    return { settled: this.settled, bodyStart: this.bodyDeclares ? -1 : this.bodyStart, custom: this.custom, poly: this.poly, babel: this.babel, babelLoaded: this.babelLoaded, classLang: this.classLang, declared: this.declared, shorthands: this.shorthands };
  }

  /**
   * Speed only: reads this text as run() does, taking up the last reading of the text before an edit (`last`) where it
   * may: from one of its checkpoints before the edit (`changedFrom`: the first character that differs) to the first
   * paragraph break after the changed stretch (`changedTo`, in this text) where this reading is in the state the last one
   * was in at the same text (`delta`: this text's length less the last's). Returns false, having read nothing, when it
   * cannot (the edit is in the preamble, or changes what the reader settles from the whole text); the caller then runs.
   *
   * After it: `blocks` holds the blocks read (sorted), which come after the last reading's first `resumed().before`
   * blocks and before its blocks from `resumed().after` on (the same but moved by delta; -1: none, it read to the end);
   * directives, problems and checkpoints are whole (the last reading's, moved where they lie after the join).
   */
  resume(last: LastLatexReading, changedFrom: number, changedTo: number, delta: number): boolean {
    const was = last.settings;
    if (was.bodyStart < 0 || changedFrom <= was.bodyStart + RESUME_MARGIN) return false;
    // (The heading levels follow from what the text settles: \part and \chapter.)
    if (was.settled.levelShift !== this.settled.levelShift || was.settled.top !== this.settled.top || !sameCustom(was.custom, this.custom)) return false;
    const cp = last.checkpoints;
    // The last checkpoint far enough before the edit that the reading before it looked at nothing from the edit on.
    const k = upperBound(cp.at, changedFrom - RESUME_MARGIN) - 1;
    if (k < 0) return false;
    this.bodyStart = was.bodyStart;
    this.poly = was.poly;
    this.babel = was.babel;
    this.babelLoaded = was.babelLoaded;
    this.classLang = was.classLang;
    this.declared = was.declared;
    this.shorthands = was.shorthands;
    const c = this.checkpoints;
    c.at = cp.at.slice(0, k + 1);
    c.blocks = cp.blocks.slice(0, k + 1);
    c.directives = cp.directives.slice(0, k + 1);
    c.problems = cp.problems.slice(0, k + 1);
    c.lang = cp.lang.slice(0, k + 1);
    c.found = cp.found.slice(0, k + 1);
    c.groups = cp.groups.slice(0, k + 1);
    this.problemsFound = cp.found[k]!;
    const before = cp.blocks[k]!;
    this.resumedFrom = before;
    this.directives.push(...last.directives.slice(0, cp.directives[k]));
    this.problems.push(...last.problems.slice(0, cp.problems[k]));
    this.lang = cp.lang[k];
    this.i = cp.at[k]!;
    this.flow = this.newFlow('paragraph');
    this.top = this.flow;
    this.joining = { last, from: changedTo, delta, k: k + 1 };
    this.readInGroups(cp.groups[k] ?? NO_GROUPS);
    this.joining = undefined;
    this.flush(this.flow);
    this.blocks.sort((a, b) => a.start - b.start);
    const r = this.joinedAt;
    if (r < 0) return true;
    // The rest as the last reading had it, moved by delta (and by the lines the edit added, for the directives).
    const at = cp.at[r]!;
    const lines = lineBreaks(this.s, cp.at[k]!, at + delta) - lineBreaks(last.text, cp.at[k]!, at);
    for (let d = cp.directives[r]!; d < last.directives.length; d++) {
      const o = last.directives[d]!;
      this.directives.push({ ...o, offset: o.offset + delta, endOffset: o.endOffset + delta, line: o.line + lines });
    }
    // (As many problems before the join as the last reading found there: its kept ones after it are the next to keep.)
    for (let q = cp.problems[r]!; q < last.problems.length && this.problems.length < MAX_PROBLEMS; q++) {
      const o = last.problems[q]!;
      this.problems.push({ offset: o.offset + delta, message: o.message });
    }
    const blocks = before + this.blocks.length - cp.blocks[r]!;
    const directives = this.directives.length - last.directives.length;
    const problems = this.problems.length - last.problems.length;
    for (let j = r; j < cp.at.length; j++) {
      c.at.push(cp.at[j]! + delta);
      c.blocks.push(cp.blocks[j]! + blocks);
      c.directives.push(cp.directives[j]! + directives);
      c.problems.push(cp.problems[j]! + problems);
      c.lang.push(cp.lang[j]);
      c.found.push(cp.found[j]!);
      c.groups.push(cp.groups[j]);
    }
    return true;
  }

  /**
   * Reads on from a checkpoint inside the plain groups `open` (outermost first) as the reading that made it went on: the
   * innermost group's sequence up to its }, that group's end (the language it restores), the sequence around it, and so
   * on out to the body's own. Each sequence is read at the depth the group() calls had it at.
   */
  private readInGroups(open: ReadonlyArray<Language | undefined>): void {
    this.plain.push(...open);
    this.groupDepth = open.length;
    for (let level = open.length; level >= 0; level--) {
      this.depth = level;
      this.seq(level === 0 ? STOP_NONE : STOP_GROUP, this.n);
      if (level > 0) {
        this.groupDepth--;
        this.lang = this.plain.pop();
      }
    }
  }

  /** After resume(): the last reading's blocks before the blocks read, and from where its blocks follow them (-1: none). */
  resumed(): { before: number; after: number } {
    return { before: this.resumedFrom, after: this.joinedAt < 0 ? -1 : this.joinedBlocks };
  }

  /** After resume(): the last reading's blocks before this one's (checkpoints count them too). */
  private resumedFrom = 0;
  /** After resume(): the index of the last reading's first block after the join. */
  private joinedBlocks = -1;

  /**
   * At a paragraph break at the top of the body (`ws`: where its whitespace starts, `at`: where it ends): a checkpoint;
   * or, while joining, the last reading's state at the same text, which ends this reading (the rest is the last one's).
   */
  private mark(ws: number, at: number): void {
    const j = this.joining;
    if (j !== undefined && ws >= j.from && !this.bodyDeclares) {
      const cp = j.last.checkpoints;
      const target = at - j.delta;
      let k = j.k;
      while (k < cp.at.length && cp.at[k]! < target) k++;
      j.k = k;
      // The same text from here on (the whitespace before it too: a look back never passes a line's start), and the same
      // state: the language, and as many problems found (the kept ones before it are then the first of the same number).
      if (k < cp.at.length && cp.at[k] === target && cp.lang[k] === this.lang && cp.found[k] === this.problemsFound && sameGroups(cp.groups[k], this.plain)) {
        this.joinedAt = k;
        this.joinedBlocks = cp.blocks[k]!;
        this.done = true;
        return;
      }
    }
    const c = this.checkpoints;
    c.at.push(at);
    c.blocks.push(this.resumedFrom + this.blocks.length);
    c.directives.push(this.directives.length);
    c.problems.push(this.problems.length);
    c.lang.push(this.lang);
    c.found.push(this.problemsFound);
    c.groups.push(this.plain.length === 0 ? undefined : [...this.plain]);
  }

  /**
   * Polyglossia's main language, else babel's (main=, else its last language option), else a
   * language among the class options when babel is loaded. A language Brug does not check
   * (french) declares nothing, so that the engine detects.
   */
  private declaredLanguage(): Language | undefined {
    const pick = (l: Language | 'other' | undefined) => (l === 'other' ? undefined : l);
    if (this.poly) return pick(this.poly);
    if (this.babel) return pick(this.babel);
    return this.babelLoaded ? pick(this.classLang) : undefined;
  }

  // ---- flows and emission -------------------------------------------------------------

  private newFlow(kind: BlockKind, parent?: Flow): Flow {
    return {
      kind,
      quoted: parent?.quoted ?? false,
      discard: parent?.discard ?? false,
      cells: false,
      description: false,
      b: null,
      start: 0,
      end: 0,
      lang: undefined,
      pend: [],
      nextStart: -1,
      nextKind: null,
    };
  }

  private open(d: number): Flow | null {
    const f = this.flow;
    if (f.discard) return null;
    if (!f.b) {
      f.b = new BlockTextBuilder();
      f.start = f.nextStart >= 0 ? f.nextStart : d;
      f.end = d;
      f.nextStart = -1;
      f.lang = this.lang;
      if (f.pend.length) f.pend.length = 0;
    } else if (f.pend.length) {
      const p = f.pend;
      for (let k = 0; k < p.length; k += 2) {
        if (p[k]! >= 0) f.b.addVerbatim(this.s.slice(p[k]!, p[k + 1]!), p[k]!);
        // A separator (\\, a description label's end) next to real whitespace adds nothing.
        else if (!(k + 2 < p.length && p[k + 2]! >= 0) && !(k > 0 && p[k - 2]! >= 0)) f.b.addSeparator(' ', p[k + 1]!);
      }
      p.length = 0;
    }
    return f;
  }

  private verbatim(a: number, b: number): void {
    if (b <= a) return;
    const f = this.open(a);
    if (!f) return;
    f.b!.addVerbatim(this.s.slice(a, b), a);
    if (b > f.end) f.end = b;
  }

  private replace(str: string, d: number, dl: number): void {
    if (!str) return;
    const f = this.open(d);
    if (!f) return;
    f.b!.addReplacement(str, d, dl);
    if (d + dl > f.end) f.end = d + dl;
  }

  private placeholder(d: number, dl: number, word = PLACEHOLDER): void {
    const f = this.open(d);
    if (!f) return;
    f.b!.addPlaceholder(d, dl, word);
    if (d + dl > f.end) f.end = d + dl;
  }

  private space(a: number, b: number): void {
    const f = this.flow;
    if (f.b && b > a) f.pend.push(a, b);
  }

  private separator(at: number): void {
    const f = this.flow;
    if (f.b) f.pend.push(-1, at);
  }

  /** Widens the open block of flow f to a command that wrote into it. */
  private touch(f: Flow, before: BlockTextBuilder | null, start: number, end: number): void {
    if (!f.b) return;
    if (before === null && f.start > start && f.nextStart < 0) f.start = Math.min(f.start, start);
    if ((before === null || before === f.b) && end > f.end) f.end = end;
  }

  private flush(f: Flow): void {
    const b = f.b;
    if (!b) return;
    f.b = null;
    if (f.pend.length) f.pend.length = 0;
    const kind = f.nextKind ?? f.kind;
    f.nextKind = null;
    if (!hasProse(b) || wordlessCell(kind, b.text)) return;
    const block: ProseBlock = { kind, text: b.text, map: b.blockMap, start: f.start, end: f.end };
    if (f.quoted) block.quoted = true;
    if (b.placeholders.length) block.placeholders = b.blockPlaceholders;
    if (f.lang) block.language = f.lang;
    this.blocks.push(block);
  }

  private problem(offset: number, en: string, nl: string): void {
    this.problemsFound++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ offset, message: { en, nl } });
  }

  // ---- the main loop ------------------------------------------------------------------

  private seq(stop: number, limit: number): void {
    const s = this.s;
    this.depth++;
    while (this.i < limit && !this.done) {
      const c = s.charCodeAt(this.i);
      if (c === SP || c === TAB || c === NL || c === CR) {
        this.whitespace(limit);
        continue;
      }
      if (c === PCT) {
        this.comment(limit);
        continue;
      }
      this.bol = false;
      if (c === BS) {
        const at = this.i;
        if (this.macro(limit)) break;
        // Every command moves on (a safety net: broken input must never stall the reader).
        if (this.i <= at) this.i = at + 1;
        continue;
      }
      if (c === LB) {
        this.group(limit);
        continue;
      }
      if (c === RB) {
        if (stop === STOP_GROUP) {
          this.i++;
          break;
        }
        // A } that would close a group opened before the current environment. When the environment's \end follows in
        // the same paragraph, the } is one too many and LaTeX skips it ("Extra }, or forgotten \endgroup"); so does Brug,
        // saying where it is. Otherwise the environment ends here.
        const env = this.envs[this.envs.length - 1];
        if (env && this.groupDepth > 0 && env.depth === this.groupDepth) {
          if (!this.endFollows(env.name, this.i + 1, limit)) break;
          this.problem(this.i, `A } too many inside \\begin{${env.name}}: LaTeX skips it (and so does Brug).`, `Een } te veel binnen \\begin{${env.name}}: LaTeX slaat die over (Brug ook).`);
        }
        this.i++;
        continue;
      }
      if (c === DOLLAR) {
        this.dollar(limit);
        continue;
      }
      if (c === TILDE) {
        this.replace(' ', this.i, 1);
        this.i++;
        continue;
      }
      if (c === AMP) {
        this.i++;
        if (this.flow.cells) this.flush(this.flow);
        continue;
      }
      if (c === HASH || c === CARET || c === UNDERSCORE) {
        this.i++;
        continue;
      }
      this.text(limit);
    }
    this.depth--;
  }

  private whitespace(limit: number): void {
    const s = this.s;
    const start = this.i;
    let j = start;
    let nl = 0;
    // (Line feeds: a checkpoint needs a blank line as isParbreak sees one, which every look-ahead that stops at a
    // paragraph break stops at.)
    let lf = 0;
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c === NL) {
        nl++;
        lf++;
      } else if (c === CR) {
        if (s.charCodeAt(j + 1) !== NL) nl++;
      } else if (c !== SP && c !== TAB) break;
      j++;
    }
    this.i = j;
    if (nl >= 2 || (nl >= 1 && this.bol)) {
      this.flush(this.flow);
      const top = this.top;
      // (Every sequence open is the body's or a plain group's: one per group() call, and no argument or environment.)
      const open = this.plain.length;
      if (lf >= 2 && top !== null && this.flow === top && this.depth === 1 + open && this.groupDepth === open && this.envs.length === 0 && top.nextStart < 0 && j < limit) this.mark(start, j);
    } else this.space(start, j);
    this.bol = false;
  }

  private comment(limit: number): void {
    const s = this.s;
    const start = this.i;
    let j = start + 1;
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c === NL || c === CR) break;
      j++;
    }
    const end = j;
    // The next "brug-" in the text, found once and reused until passed (comments come in order).
    if (this.brugAt < start) {
      const k = s.indexOf('brug-', start);
      this.brugAt = k < 0 ? this.n + 1 : k;
    }
    if (this.brugAt < end) {
      const d = parseDirective(s.slice(start + 1, end), start, end, this.lineAt(start));
      if (d) this.directives.push(d);
    }
    // The comment eats its line end and the indentation of the next line.
    if (j < limit) {
      if (s.charCodeAt(j) === CR) j++;
      if (j < limit && s.charCodeAt(j) === NL) j++;
      while (j < limit && (s.charCodeAt(j) === SP || s.charCodeAt(j) === TAB)) j++;
      this.bol = true;
    }
    this.i = j;
  }

  private lineAt(offset: number): number {
    if (offset < this.linePos) {
      this.lineNo = 0;
      this.linePos = 0;
    }
    this.lineNo += lineBreaks(this.s, this.linePos, offset);
    this.linePos = offset;
    return this.lineNo;
  }

  /**
   * A run of plain text, with the spaces, tabs and single line endings between its words: whitespace that text follows
   * is what whitespace() and open() would add verbatim to the block anyway, so a paragraph's line is one run instead of
   * two calls per word (the text opens the block, and the block takes the whitespace as it stands). The run stops before
   * a blank line and before whitespace that something other than text follows.
   */
  private text(limit: number): void {
    const s = this.s;
    const start = this.i;
    // The expressions find the run's end in one native scan (the loop below reads a character per step, slow until it
    // is compiled: a document is read once); a run that would pass `limit` is read by the loop, which stops there.
    let j: number;
    // (A view, the text of a reading taken up again, is read a character at a time: the run would need a stretch that
    // holds it, and few characters are read.)
    if (textRuns && typeof s === 'string') {
      const run = this.shorthands ? WORD_RUN : TEXT_RUN;
      run.lastIndex = start + 1;
      run.test(s);
      j = run.lastIndex;
      if (j > limit) j = this.textEnd(start, limit);
    } else j = this.textEnd(start, limit);
    this.i = j;
    this.emitText(start, j);
  }

  /** Where text() ends a run that starts at `start`, reading up to `limit` a character at a time. */
  private textEnd(start: number, limit: number): number {
    const s = this.s;
    let j = start + 1;
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c >= 128 || !SPECIAL[c]) {
        j++;
        continue;
      }
      // With babel's Dutch shorthands a run may write nothing ("- is a hyphenation point): the whitespace after it then
      // opens no block, so it is left to whitespace().
      if ((c !== SP && c !== TAB && c !== NL && c !== CR) || this.shorthands || !textRuns) break;
      let k = j;
      let nl = 0;
      while (k < limit) {
        const w = s.charCodeAt(k);
        if (w === NL) nl++;
        else if (w === CR) {
          if (s.charCodeAt(k + 1) !== NL) nl++;
        } else if (w !== SP && w !== TAB) break;
        k++;
      }
      if (nl >= 2 || k >= limit) break;
      const w = s.charCodeAt(k);
      if (w < 128 && SPECIAL[w]) break;
      j = k + 1;
    }
    return j;
  }

  /** Plain text with TeX's ligatures: -- – , --- — , `` “ , '' ” , ` ‘ , ,, „ (and babel's Dutch "e ë). */
  private emitText(a: number, b: number): void {
    const s = this.s;
    let last = a;
    // The characters a ligature or shorthand starts with, found by one native scan of the run.
    const run = s.slice(a, b);
    LIGATURE_START.lastIndex = 0;
    for (let m = LIGATURE_START.exec(run); m; m = LIGATURE_START.exec(run)) {
      let k = a + m.index;
      const c = s.charCodeAt(k);
      const next = k + 1 < b ? s.charCodeAt(k + 1) : -1;
      let out: string | null = null;
      let len = 0;
      if (c === 45 && next === 45) {
        if (k + 2 < b && s.charCodeAt(k + 2) === 45) [out, len] = ['—', 3];
        else [out, len] = ['–', 2];
      } else if (c === 96) {
        if (next === 96) [out, len] = ['“', 2];
        else [out, len] = ['‘', 1];
      } else if (c === 39 && next === 39) [out, len] = ['”', 2];
      else if (c === 44 && next === 44) [out, len] = ['„', 2];
      else if (c === 34 && this.shorthands && next > 0) {
        const ch = String.fromCharCode(next);
        const prev = k > 0 ? s.charCodeAt(k - 1) : 0;
        if (/[aeiouyAEIOUY]/.test(ch) && (isLetter(prev) || prev > 127)) [out, len] = [`${ch}\u0308`.normalize('NFC'), 2];
        else if (ch === '-' || ch === '|' || ch === '"') [out, len] = ['', 2];
        else if (ch === '~' || ch === '=') [out, len] = ['-', 2];
        else if (ch === '`') [out, len] = ['„', 2];
        else if (ch === "'") [out, len] = ['”', 2];
      }
      if (out === null) continue;
      this.verbatim(last, k);
      this.replace(out, k, len);
      k += len - 1;
      last = k + 1;
      LIGATURE_START.lastIndex = last - a;
    }
    this.verbatim(last, b);
  }

  private group(limit: number): void {
    if (this.depth >= MAX_DEPTH) {
      this.i++;
      return;
    }
    const saved = this.lang;
    this.i++;
    this.groupDepth++;
    this.plain.push(saved);
    this.seq(STOP_GROUP, limit);
    this.plain.pop();
    this.groupDepth--;
    this.lang = saved;
  }

  // ---- math -----------------------------------------------------------------------------

  private dollar(limit: number): void {
    const s = this.s;
    const start = this.i;
    const display = s.charCodeAt(start + 1) === DOLLAR;
    const r = this.scanMath(start + (display ? 2 : 1), limit, display ? '$$' : '$');
    if (!r.closed) this.problem(start, 'A $ without its closing $: Brug skipped the math up to the paragraph break.', 'Een $ zonder sluitende $: Brug sloeg de formule over tot de alinea-overgang.');
    this.placeholder(start, r.end - start);
    this.i = r.end;
  }

  /** Finds the end of math that started before `from`; math never crosses a paragraph break. */
  private scanMath(from: number, limit: number, closer: '$' | '$$' | ')' | ']'): { end: number; closed: boolean } {
    const s = this.s;
    let j = from;
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c === BS) {
        const d = s.charCodeAt(j + 1);
        if ((closer === ')' && d === RP) || (closer === ']' && d === RSQ)) return { end: Math.min(limit, j + 2), closed: true };
        j += 2;
        continue;
      }
      if (c === DOLLAR && (closer === '$' || closer === '$$')) {
        if (closer === '$') return { end: j + 1, closed: true };
        if (s.charCodeAt(j + 1) === DOLLAR) return { end: Math.min(limit, j + 2), closed: true };
      } else if (c === PCT) {
        while (j < limit && s.charCodeAt(j) !== NL) j++;
        continue;
      } else if (c === NL && isParbreak(s, j, limit)) return { end: j, closed: false };
      j++;
    }
    return { end: limit, closed: false };
  }

  // ---- commands -------------------------------------------------------------------------

  /** Returns true when the current sequence ends here (an \end of an open environment). */
  private macro(limit: number): boolean {
    const s = this.s;
    const start = this.i;
    if (start + 1 >= limit) {
      this.i = limit;
      return false;
    }
    const c = s.charCodeAt(start + 1);
    if (!isLetter(c)) {
      this.symbol(start, limit);
      return false;
    }
    let j = start + 2;
    while (j < limit && isLetter(s.charCodeAt(j))) j++;
    const name = s.slice(start + 1, j);
    this.i = j;
    if (name === 'begin') {
      this.begin(start, limit);
      return false;
    }
    if (name === 'end') return this.end(start, limit);
    if (name === 'iffalse') {
      this.i = skipConditional(s, j, limit);
      return false;
    }
    const custom = this.custom.get(name);
    if (custom) {
      this.customCommand(start, name, custom, limit);
      return false;
    }
    const spec = macroSpec(name);
    if (!spec) {
      this.unknown(start, limit);
      return false;
    }
    this.command(start, name, spec, limit);
    return false;
  }

  private symbol(start: number, limit: number): void {
    const s = this.s;
    const ch = s.slice(start + 1, start + 2);
    this.i = start + 2;
    if (ch === '\\') {
      // A line break; in a table, the end of a row. \\* and \\[2pt] belong to it.
      if (this.i < limit && s.charCodeAt(this.i) === STAR) this.i++;
      if (this.i < limit && s.charCodeAt(this.i) === LSQ) {
        const e = this.scanOpt(this.i, limit);
        if (e > 0) this.i = e;
      }
      if (this.flow.cells) this.flush(this.flow);
      else this.separator(start);
      return;
    }
    if (ch === '(' || ch === '[') {
      const r = this.scanMath(start + 2, limit, ch === '(' ? ')' : ']');
      if (!r.closed) this.problem(start, `\\${ch} without its closing \\${ch === '(' ? ')' : ']'}: Brug skipped the math up to the paragraph break.`, `\\${ch} zonder sluitende \\${ch === '(' ? ')' : ']'}: Brug sloeg de formule over tot de alinea-overgang.`);
      this.placeholder(start, r.end - start);
      this.i = r.end;
      return;
    }
    const acc = ACCENTS[ch];
    if (acc) {
      this.accent(start, start + 2, acc, limit);
      return;
    }
    const esc = ESCAPES[ch];
    if (esc !== undefined) {
      // A control space written as \ + CR LF is three characters.
      const len = ch === '\r' && s.charCodeAt(start + 2) === NL ? 3 : 2;
      this.i = start + len;
      this.replace(esc, start, len);
      return;
    }
    if (SILENT_SYMBOLS.has(ch)) return;
    // Anything else (\) \] stray, a control symbol we do not know): nothing.
  }

  private accent(start: number, from: number, mark: string, limit: number): void {
    const s = this.s;
    let p = from;
    while (p < limit && (s.charCodeAt(p) === SP || s.charCodeAt(p) === TAB)) p++;
    let base = '';
    let end = p;
    if (p < limit) {
      const c = s.charCodeAt(p);
      if (c === LB) {
        const close = indexWithin(s, '}', p, 80);
        if (close > p && close < limit && close - p <= 12) {
          const inner = s.slice(p + 1, close).trim();
          base = inner === '\\i' ? 'i' : inner === '\\j' ? 'j' : /^\p{L}/u.test(inner) ? String.fromCodePoint(inner.codePointAt(0)!) : '';
          end = close + 1;
        }
      } else if (c === BS) {
        let q = p + 1;
        while (q < limit && isLetter(s.charCodeAt(q))) q++;
        const nm = s.slice(p + 1, q);
        if (nm === 'i' || nm === 'j') {
          base = nm;
          end = q;
        }
      } else if (c >= 128 ? /\p{L}/u.test(s.slice(p, p + 1)) : isLetter(c)) {
        base = s.slice(p, p + 1);
        end = p + base.length;
      }
    }
    this.i = Math.max(end, from);
    if (base) this.replace(`${base}${mark}`.normalize('NFC'), start, this.i - start);
  }

  /** A known command, by what it does (its spec's act); each act in a step of its own. */
  private command(start: number, name: string, spec: MacroSpec, limit: number): void {
    switch (spec.act) {
      case 'heading':
        this.heading(start, spec.sig ?? 'som', spec.prose ?? [2], Math.min(6, Math.max(1, (spec.level ?? 2) + this.levelShift)), limit);
        return;
      case 'title':
        this.heading(start, spec.sig ?? 'om', spec.prose ?? [1], 1, limit, true);
        return;
      case 'abstract':
        this.abstractCommand(start, spec, limit);
        return;
      case 'prose': {
        const f = this.flow;
        const before = f.b;
        this.args(spec.sig ?? 'm', spec.prose ?? [0], limit);
        this.touch(f, before, start, this.i);
        return;
      }
      case 'enquote':
        this.enquote(start, limit);
        return;
      case 'placeholder':
        this.args(spec.sig ?? '', undefined, limit);
        this.placeholder(start, this.i - start);
        return;
      case 'cite':
        this.cite(start, name, limit);
        return;
      case 'invisible':
        this.invisible(start, name, spec, limit);
        return;
      case 'footnote':
      case 'caption': {
        const f = this.newFlow(spec.act === 'footnote' ? 'footnote' : 'caption', this.flow);
        f.quoted = false;
        this.args(spec.sig ?? 'om', spec.prose ?? [1], limit, f);
        this.flush(f);
        return;
      }
      case 'char':
        this.charCommand(start, spec, limit);
        return;
      case 'accent':
        this.accent(start, this.i, spec.ch ?? '', limit);
        return;
      case 'selectlanguage':
        this.selectLanguage(limit);
        return;
      case 'iflanguage':
        this.ifLanguage(start, limit);
        return;
      case 'item':
        this.item(start, limit);
        return;
      case 'par':
        this.flush(this.flow);
        return;
      case 'linebreak':
        this.args(spec.sig ?? '', undefined, limit);
        if (this.flow.cells && name === 'tabularnewline') this.flush(this.flow);
        else this.separator(start);
        return;
      case 'verb':
        this.verb(start, name, limit);
        return;
      case 'def':
        this.defCommand(limit);
        return;
      case 'let':
        this.letCommand(limit);
        return;
    }
  }

  /** \abstract{…}: a heading word, then the argument as a paragraph of its own. */
  private abstractCommand(start: number, spec: MacroSpec, limit: number): void {
    this.flush(this.flow);
    this.headingWord(start, this.i);
    const f = this.newFlow('paragraph', this.flow);
    f.discard = false;
    this.args(spec.sig ?? 'M', spec.prose ?? [0], limit, f);
    this.flush(f);
  }

  /** \enquote{…}: the argument as prose between quotation marks. */
  private enquote(start: number, limit: number): void {
    const s = this.s;
    const f = this.flow;
    const before = f.b;
    if (this.i < limit && s.charCodeAt(this.i) === STAR) this.i++;
    const arg = this.locate('m', limit);
    if (!arg) return;
    if (arg.brace) this.replace('“', start, arg.cs - start);
    this.parseArg(arg);
    if (arg.brace && arg.closed) this.replace('”', arg.ce, arg.end - arg.ce);
    this.i = arg.end;
    this.touch(f, before, start, this.i);
  }

  /** A command that stands for a character (\ldots, \&), eating the spaces after it when its spec says so. */
  private charCommand(start: number, spec: MacroSpec, limit: number): void {
    const s = this.s;
    let end = this.i;
    if (spec.eat) while (end < limit && (s.charCodeAt(end) === SP || s.charCodeAt(end) === TAB)) end++;
    this.i = end;
    this.replace(spec.ch ?? '', start, end - start);
  }

  /** \selectlanguage{…}: the language of the text after it (in the preamble: the document's). */
  private selectLanguage(limit: number): void {
    const arg = this.locate('m', limit);
    if (!arg) return;
    this.i = arg.end;
    const l = languageOfName(this.s.slice(arg.cs, arg.ce));
    if (l === undefined) return;
    const lang = l === 'other' ? undefined : l;
    if (this.preamble) {
      if (l) this.poly = this.poly ?? l;
    } else this.lang = lang;
  }

  /** \iflanguage{lang}{yes}{no}: the branch for the current language, read as prose. */
  private ifLanguage(start: number, limit: number): void {
    const which = this.locate('m', limit);
    if (!which) return;
    this.i = which.end;
    const yes = this.locate('M', limit);
    if (!yes) return;
    this.i = yes.end;
    const no = this.locate('M', limit);
    if (no) this.i = no.end;
    const want = languageOfName(this.s.slice(which.cs, which.ce));
    const current = this.lang ?? this.declared ?? this.declaredLanguage();
    const pick = current === undefined || want === current ? yes : no;
    const end = this.i;
    if (pick) {
      const f = this.flow;
      const before = f.b;
      this.parseArg(pick);
      this.touch(f, before, start, end);
    }
    this.i = end;
  }

  /** \def\name<parameters>{body}: skipped whole. */
  private defCommand(limit: number): void {
    const s = this.s;
    let p = this.skipBlank(this.i, limit);
    p = this.token(p, limit);
    let q = p;
    while (q < limit && q - p < 200 && s.charCodeAt(q) !== LB && !(s.charCodeAt(q) === NL && isParbreak(s, q, limit))) q++;
    if (q < limit && s.charCodeAt(q) === LB) q = this.scanGroup(q, limit, true, false).end;
    this.i = q;
  }

  /** \let\a\b or \let\a=\b: skipped whole. */
  private letCommand(limit: number): void {
    const s = this.s;
    let p = this.skipBlank(this.i, limit);
    p = this.token(p, limit);
    p = this.skipBlank(p, limit);
    if (s.charCodeAt(p) === 61 /* = */) p = this.skipBlank(p + 1, limit);
    this.i = this.token(p, limit);
  }

  private invisible(start: number, name: string, spec: MacroSpec, limit: number): void {
    const s = this.s;
    if (name === 'input' && s.charCodeAt(this.skipBlank(this.i, limit)) !== LB) {
      // TeX's own form: \input chapter1
      let p = this.skipBlank(this.i, limit);
      while (p < limit && !/[\s{}%\\]/.test(s.slice(p, p + 1))) p++;
      this.i = p;
      return;
    }
    const sig = spec.sig ?? '';
    if (name === 'usepackage' || name === 'RequirePackage' || name === 'documentclass' || name === 'setdefaultlanguage' || name === 'setmainlanguage') {
      const opt = this.locate('o', limit);
      if (opt) this.i = opt.end;
      const arg = this.locate('m', limit);
      if (arg) this.i = arg.end;
      const options = opt ? s.slice(opt.cs, opt.ce) : '';
      const value = arg ? s.slice(arg.cs, arg.ce).trim() : '';
      this.declare(name, options, value);
      return;
    }
    void start;
    this.args(sig, undefined, limit);
  }

  private declare(name: string, options: string, value: string): void {
    // (In the body: what the reader settles there moves as the reading goes; see resume.)
    if (!this.preamble) this.bodyDeclares = true;
    if (name === 'setdefaultlanguage' || name === 'setmainlanguage') {
      const l = languageOfName(value);
      if (l) this.poly = l;
      return;
    }
    const opts = options.split(',').map((o) => o.trim()).filter(Boolean);
    const langOf = (list: string[]): Language | 'other' | undefined => {
      let found: Language | 'other' | undefined;
      for (const o of list) {
        const main = /^main\s*=\s*(.+)$/.exec(o);
        if (main) return languageOfName(main[1]!) ?? found;
        if (o.includes('=')) continue;
        const l = languageOfName(o);
        if (l) found = l;
      }
      return found;
    };
    if (name === 'documentclass') {
      this.classLang = langOf(opts);
      return;
    }
    if (value.split(',').map((v) => v.trim()).includes('babel')) {
      this.babelLoaded = true;
      const l = langOf(opts);
      if (l) this.babel = l;
    }
  }

  private heading(start: number, sig: string, prose: number[], level: number, limit: number, title = false): void {
    this.flush(this.flow);
    const h = this.newFlow('heading');
    this.args(sig, prose, limit, h);
    this.emitHeading(h, start, this.i, level, title);
  }

  private emitHeading(h: Flow, start: number, end: number, level: number, title = false): void {
    const b = h.b;
    if (!b || !hasProse(b)) return;
    const block: ProseBlock = { kind: 'heading', text: b.text, map: b.blockMap, start, end, level };
    if (title) block.title = true;
    if (b.placeholders.length) block.placeholders = b.blockPlaceholders;
    if (h.lang) block.language = h.lang;
    this.blocks.push(block);
  }

  /** A heading that the source names by a command (\begin{abstract}): "Abstract", or "Samenvatting" in Dutch. */
  private headingWord(start: number, end: number): void {
    if (this.flow.discard && this.preamble) return;
    const lang = this.lang ?? this.declared;
    const word = lang === 'nl' ? 'Samenvatting' : 'Abstract';
    const block: ProseBlock = { kind: 'heading', text: word, map: [{ t: 0, tl: word.length, d: start, dl: end - start }], start, end, level: this.abstractLevel };
    if (this.lang) block.language = this.lang;
    this.blocks.push(block);
  }

  private item(start: number, limit: number): void {
    const f = this.flow;
    this.flush(f);
    if (f.kind === 'paragraph') f.nextKind = 'listItem';
    f.nextStart = start;
    const label = this.locate('o', limit);
    if (!label) return;
    if (f.description) {
      this.parseArg(label);
      this.separator(label.end);
    }
    this.i = label.end;
  }

  /** A citation: one placeholder word; a footnote citation (\footcite) puts no word in the sentence. */
  private cite(start: number, name: string, limit: number): void {
    const s = this.s;
    if (this.i < limit && s.charCodeAt(this.i) === STAR) this.i++;
    const many = /s$/.test(name);
    let mandatory = 0;
    for (;;) {
      const p = this.skipBlank(this.i, limit);
      if (p >= limit) break;
      const c = s.charCodeAt(p);
      if (c === LSQ) {
        const e = this.scanOpt(p, limit);
        if (e < 0) break;
        this.i = e;
      } else if (c === LP && many) {
        const e = indexWithin(s, ')', p, 200);
        if (e < 0 || e >= limit || s.slice(p, e).includes('\n')) break;
        this.i = e + 1;
      } else if (c === LB && (many || mandatory === 0)) {
        this.i = this.scanGroup(p, limit, false, false).end;
        mandatory++;
      } else break;
    }
    // Written as a Pandoc citation ("[@0]"): the sentence layer reads it as a citation, not as a word.
    if (!name.startsWith('foot')) this.placeholder(start, this.i - start, CITATION_PLACEHOLDER);
  }

  private verb(start: number, name: string, limit: number): void {
    const s = this.s;
    let p = this.i;
    if (p < limit && s.charCodeAt(p) === STAR) p++;
    if (name !== 'verb' && p < limit && s.charCodeAt(p) === LSQ) {
      const e = this.scanOpt(p, limit);
      if (e > 0) p = e;
    }
    if (name === 'mintinline') {
      p = this.skipBlank(p, limit);
      if (p < limit && s.charCodeAt(p) === LB) p = this.scanGroup(p, limit, false, true).end;
    }
    if (p >= limit) {
      this.i = p;
      return;
    }
    const d = s.charCodeAt(p);
    if (d === LB && name !== 'verb') p = this.scanGroup(p, limit, false, true).end;
    else if (d === SP || d === NL || d === CR || d === TAB || isLetter(d)) {
      this.i = p;
      return;
    } else {
      let q = p + 1;
      while (q < limit && s.charCodeAt(q) !== d && s.charCodeAt(q) !== NL) q++;
      p = q < limit && s.charCodeAt(q) === d ? q + 1 : q;
    }
    this.i = p;
    this.placeholder(start, p - start);
  }

  /** An unknown command: its adjacent arguments are not prose; it takes a word's place when it has any. */
  private unknown(start: number, limit: number): void {
    const s = this.s;
    if (this.i < limit && s.charCodeAt(this.i) === STAR) this.i++;
    let any = false;
    while (this.i < limit) {
      const c = s.charCodeAt(this.i);
      if (c === LB) {
        const g = this.scanGroup(this.i, limit, false, false);
        if (!g.closed) this.problem(this.i, 'A { without its closing }: Brug read up to the paragraph break.', 'Een { zonder sluitende }: Brug las tot de alinea-overgang.');
        this.i = g.end;
      } else if (c === LSQ) {
        const e = this.scanOpt(this.i, limit);
        if (e < 0) break;
        this.i = e;
      } else break;
      any = true;
    }
    if (any) this.placeholder(start, this.i - start);
  }

  /** A command from latex.proseCommands: its chosen mandatory arguments are prose (or a heading). */
  private customCommand(start: number, name: string, c: Custom, limit: number): void {
    const known = macroSpec(name);
    const heading = c.level !== undefined;
    const level = Math.min(6, Math.max(1, (c.level ?? 2) + this.levelShift));
    let target: Flow | undefined;
    if (heading) {
      this.flush(this.flow);
      target = this.newFlow('heading');
    }
    const f = this.flow;
    const before = f.b;
    if (known?.sig !== undefined && known.act !== 'cite') {
      const sig = known.sig;
      const prose: number[] = [];
      let m = 0;
      for (let k = 0; k < sig.length; k++) {
        if ('mMr'.includes(sig[k]!)) {
          m++;
          if (!c.args || c.args.includes(m)) prose.push(k);
        }
      }
      this.args(sig.replace(/r/g, 'm'), prose, limit, target);
    } else {
      const s = this.s;
      if (this.i < limit && s.charCodeAt(this.i) === STAR) this.i++;
      let m = 0;
      while (this.i < limit) {
        const ch = s.charCodeAt(this.i);
        if (ch === LSQ) {
          const e = this.scanOpt(this.i, limit);
          if (e < 0) break;
          this.i = e;
        } else if (ch === LB) {
          m++;
          const arg = this.locate('M', limit)!;
          if (!c.args || c.args.includes(m)) this.parseArg(arg, target);
          this.i = arg.end;
        } else break;
      }
    }
    if (target) this.emitHeading(target, start, this.i, level);
    else this.touch(f, before, start, this.i);
  }

  // ---- environments ---------------------------------------------------------------------

  private begin(start: number, limit: number): void {
    const s = this.s;
    const p = this.skipBlank(this.i, limit);
    if (s.charCodeAt(p) !== LB) return;
    const close = indexWithin(s, '}', p, 80);
    if (close < 0 || close >= limit || close - p > 64) return;
    const name = s.slice(p + 1, close).trim();
    this.i = close + 1;
    const spec: EnvSpec | undefined = this.skipEnvs.has(name) ? { act: 'skip', sig: '' } : envSpec(name);
    const act = spec?.act ?? 'block';
    if (act === 'skip') {
      this.flush(this.flow);
      this.i = this.findEnd(name, this.i, limit, false, start);
      return;
    }
    if (act === 'math') {
      const end = this.findEnd(name, this.i, limit, true, start);
      this.placeholder(start, end - start);
      this.i = end;
      return;
    }
    if (act === 'document') return;
    // Arguments of the environment.
    let langArg = '';
    if (spec) {
      if (act === 'language' && !spec.language) {
        const a = this.locate('m', limit);
        if (a) {
          langArg = s.slice(a.cs, a.ce);
          this.i = a.end;
        }
      } else this.args(spec.sig, undefined, limit);
    } else {
      while (this.i < limit) {
        const c = s.charCodeAt(this.i);
        if (c === LB) this.i = this.scanGroup(this.i, limit, false, false).end;
        else if (c === LSQ) {
          const e = this.scanOpt(this.i, limit);
          if (e < 0) break;
          this.i = e;
        } else break;
      }
    }
    if (this.depth >= MAX_DEPTH) return;
    const outer = this.flow;
    if (act !== 'float') this.flush(outer);
    const f = this.newFlow(outer.kind === 'heading' || outer.kind === 'footnote' || outer.kind === 'caption' ? outer.kind : 'paragraph', outer);
    if (act === 'list' || act === 'description') f.kind = 'listItem';
    if (act === 'description') f.description = true;
    if (act === 'table') {
      f.kind = 'tableCell';
      f.cells = true;
    }
    if (act === 'quote') f.quoted = true;
    if (act === 'block' && (outer.kind === 'listItem' || outer.nextKind === 'listItem')) f.kind = 'listItem';
    const savedLang = this.lang;
    if (act === 'language') {
      const l = languageOfName(spec?.language ?? langArg);
      if (l) this.lang = l === 'other' ? undefined : l;
    }
    if (act === 'abstract') this.headingWord(start, this.i);
    this.envs.push({ name, depth: this.groupDepth });
    this.flow = f;
    this.seq(STOP_NONE, limit);
    this.flush(f);
    this.flow = outer;
    this.envs.pop();
    this.lang = savedLang;
    const e = this.atEnd(this.i, limit);
    if (e && e.name === name) this.i = e.end;
    else if (!this.done) {
      this.problem(start, `\\begin{${name}} is not closed${e ? ` (\\end{${e.name}} comes first)` : ''}.`, `\\begin{${name}} wordt niet afgesloten${e ? ` (\\end{${e.name}} staat eerder)` : ''}.`);
    }
  }

  /** \end{name}: ends the current sequence when an environment of that name is open. */
  private end(start: number, limit: number): boolean {
    const e = this.atEnd(start, limit);
    if (!e) return false;
    for (let k = this.envs.length - 1; k >= 0; k--) {
      if (this.envs[k]!.name === e.name) {
        this.i = start;
        return true;
      }
    }
    this.i = e.end;
    if (e.name === 'document') {
      this.done = true;
      return true;
    }
    this.problem(start, `\\end{${e.name}} without \\begin{${e.name}}.`, `\\end{${e.name}} zonder \\begin{${e.name}}.`);
    return false;
  }

  /** Whether \end{name} comes before the next paragraph break (and before limit). */
  private endFollows(name: string, from: number, limit: number): boolean {
    const k = this.s.indexOf(`\\end{${name}}`, from);
    if (k < 0 || k >= limit) return false;
    for (let j = this.s.indexOf('\n', from); j >= 0 && j < k; j = this.s.indexOf('\n', j + 1)) if (isParbreak(this.s, j, limit)) return false;
    return true;
  }

  private atEnd(at: number, limit: number): { name: string; end: number } | undefined {
    const s = this.s;
    if (s.slice(at, at + 4) !== '\\end' || isLetter(s.charCodeAt(at + 4))) return undefined;
    const p = this.skipBlank(at + 4, limit);
    if (s.charCodeAt(p) !== LB) return undefined;
    const close = indexWithin(s, '}', p, 80);
    if (close < 0 || close >= limit || close - p > 64) return undefined;
    return { name: s.slice(p + 1, close).trim(), end: close + 1 };
  }

  /** The end of a verbatim-like or math environment (after its \end{name}). */
  private findEnd(name: string, from: number, limit: number, math: boolean, start: number): number {
    const s = this.s;
    const needle = `\\end{${name}}`;
    if (math) {
      // Math never crosses a paragraph break: look for the \end before the first one.
      let stopAt = limit;
      for (let j = from; j < limit; j++) {
        if (s.charCodeAt(j) === NL && isParbreak(s, j, limit)) {
          stopAt = j;
          break;
        }
      }
      const k = s.slice(from, stopAt).indexOf(needle);
      if (k >= 0) return from + k + needle.length;
      this.problem(start, `\\begin{${name}} is not closed before the paragraph break.`, `\\begin{${name}} wordt niet afgesloten voor de alinea-overgang.`);
      return stopAt;
    }
    const k = s.indexOf(needle, from);
    if (k < 0 || k + needle.length > limit) {
      this.problem(start, `\\begin{${name}} is not closed: Brug skipped the rest.`, `\\begin{${name}} wordt niet afgesloten: Brug sloeg de rest over.`);
      return limit;
    }
    return k + needle.length;
  }

  // ---- arguments ------------------------------------------------------------------------

  /**
   * Reads the arguments of a signature from this.i: prose arguments are read into `target`
   * (or the current flow), the others skipped. A missing mandatory argument ends the list.
   */
  private args(sig: string, prose: readonly number[] | undefined, limit: number, target?: Flow): void {
    const s = this.s;
    for (let k = 0; k < sig.length; k++) {
      const a = sig[k]!;
      if (a === 's') {
        if (this.i < limit && s.charCodeAt(this.i) === STAR) this.i++;
        continue;
      }
      if (a === 'P') {
        const p = this.skipBlank(this.i, limit);
        if (s.charCodeAt(p) === LP) {
          const e = indexWithin(s, ')', p, 200);
          if (e > 0 && e < limit && !s.slice(p, e).includes('\n')) this.i = e + 1;
        }
        continue;
      }
      const arg = this.locate(a, limit);
      if (!arg) {
        if (a === 'o' || a === 'O') continue;
        return;
      }
      if (prose && prose.includes(k)) this.parseArg(arg, target);
      this.i = arg.end;
    }
  }

  /** Finds an argument of type a (o O m M r) at this.i without reading it. */
  private locate(a: string, limit: number): Arg | null {
    const s = this.s;
    const p = a === 'O' ? this.i : this.skipBlank(this.i, limit);
    if (p >= limit) return null;
    const c = s.charCodeAt(p);
    if (a === 'o' || a === 'O') {
      if (c !== LSQ) return null;
      const e = this.scanOpt(p, limit);
      return e < 0 ? null : { start: p, cs: p + 1, ce: e - 1, end: e, closed: true, brace: false };
    }
    if (c === LB) {
      const g = this.scanGroup(p, limit, a === 'M', a === 'r');
      if (!g.closed) this.problem(p, 'A { without its closing }: Brug read up to the paragraph break.', 'Een { zonder sluitende }: Brug las tot de alinea-overgang.');
      return { start: p, cs: p + 1, ce: g.ce, end: g.end, closed: g.closed, brace: true };
    }
    if (c === RB || c === PCT || c === RSQ || c === SP || c === TAB || c === NL || c === CR) return null;
    // A single token.
    const e = this.token(p, limit);
    if (e <= p) return null;
    return { start: p, cs: p, ce: e, end: e, closed: true, brace: false };
  }

  private parseArg(arg: Arg, target?: Flow): void {
    if (this.depth >= MAX_DEPTH) {
      this.i = arg.end;
      return;
    }
    const savedFlow = this.flow;
    const savedLang = this.lang;
    if (target) this.flow = target;
    this.i = arg.cs;
    if (arg.brace) this.groupDepth++;
    this.seq(STOP_NONE, arg.ce);
    if (arg.brace) this.groupDepth--;
    this.lang = savedLang;
    this.flow = savedFlow;
    this.i = arg.end;
  }

  /**
   * Spaces, tabs, one line end and comments: what TeX skips before an argument. Stops at the
   * first line end of a paragraph break (a blank line ends the search for an argument).
   */
  private skipBlank(p: number, limit: number): number {
    const s = this.s;
    let firstNl = -1;
    let q = p;
    while (q < limit) {
      const c = s.charCodeAt(q);
      if (c === SP || c === TAB || c === CR) q++;
      else if (c === NL) {
        if (firstNl >= 0) return firstNl;
        firstNl = q;
        q++;
      } else if (c === PCT) {
        while (q < limit && s.charCodeAt(q) !== NL) q++;
        if (q >= limit) break;
        // The comment eats its line end.
        if (firstNl >= 0) return firstNl;
        firstNl = q;
        q++;
      } else break;
    }
    return q;
  }

  /** The end of one token: a control sequence or one character. */
  private token(p: number, limit: number): number {
    const s = this.s;
    if (p >= limit) return p;
    if (s.charCodeAt(p) === BS) {
      let q = p + 1;
      if (q < limit && isLetter(s.charCodeAt(q))) while (q < limit && isLetter(s.charCodeAt(q))) q++;
      else q++;
      return Math.min(q, limit);
    }
    const c = s.charCodeAt(p);
    const pair = c >= 0xd800 && c <= 0xdbff && s.charCodeAt(p + 1) >= 0xdc00 && s.charCodeAt(p + 1) <= 0xdfff;
    return Math.min(limit, p + (pair ? 2 : 1));
  }

  /** A [bracketed] argument at p: the end after ], or -1 when there is none before the paragraph break. */
  private scanOpt(p: number, limit: number): number {
    const s = this.s;
    let depth = 0;
    const end = Math.min(limit, p + 2000);
    for (let j = p + 1; j < end; j++) {
      const c = s.charCodeAt(j);
      if (c === BS) j++;
      else if (c === LB) depth++;
      else if (c === RB) {
        if (depth === 0) return -1;
        depth--;
      } else if (c === RSQ && depth === 0) return j + 1;
      else if (c === NL && isParbreak(s, j, limit)) return -1;
    }
    return -1;
  }

  /**
   * A {group} at p. Short groups end at a paragraph break when they are not closed before it;
   * long ones run to the end. Raw groups (URLs) have no comments.
   */
  private scanGroup(p: number, limit: number, long: boolean, raw: boolean): { ce: number; end: number; closed: boolean } {
    const s = this.s;
    let depth = 0;
    let j = p;
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c === BS) {
        j += 2;
        continue;
      }
      if (c === LB) depth++;
      else if (c === RB) {
        depth--;
        if (depth === 0) return { ce: j, end: j + 1, closed: true };
      } else if (c === PCT && !raw) {
        while (j < limit && s.charCodeAt(j) !== NL) j++;
        continue;
      } else if (c === NL && !long && isParbreak(s, j, limit)) return { ce: j, end: j, closed: false };
      j++;
    }
    return { ce: limit, end: limit, closed: false };
  }
}

/** After \iffalse: the end of its matching \fi (nested \if… counted), or of an \else branch's start. */
function skipConditional(s: TextView, from: number, limit: number): number {
  const re = /\\(if[A-Za-z]*|fi|else)(?![A-Za-z])/g;
  re.lastIndex = from;
  let depth = 0;
  let m: RegExpExecArray | null;
  while ((m = nextMatch(re, s)) && m.index < limit) {
    if (inComment(s, m.index)) continue;
    const w = m[1]!;
    if (w === 'fi') {
      if (depth === 0) return m.index + m[0].length;
      depth--;
    } else if (w === 'else') {
      if (depth === 0) return m.index + m[0].length;
    } else depth++;
  }
  return limit;
}

/** Characters of a view searched at a time (nextMatch), and how far a match may run past them. */
const WINDOW = 8192;
const WINDOW_REACH = 4096;

/**
 * re.exec(s) from re.lastIndex for a global pattern, on a view a window at a time: a match that starts in a window and is
 * at most WINDOW_REACH characters long is the one a search of the whole text finds (the patterns searched so are short).
 */
function nextMatch(re: RegExp, s: TextView): RegExpExecArray | null {
  if (typeof s === 'string') return re.exec(s);
  for (let a = re.lastIndex; a < s.length; a += WINDOW) {
    const w = s.slice(a, a + WINDOW + WINDOW_REACH);
    re.lastIndex = 0;
    const m = re.exec(w);
    if (m && m.index < WINDOW) {
      m.index += a;
      re.lastIndex += a;
      return m;
    }
  }
  re.lastIndex = 0;
  return null;
}

/** The number of entries of ascending `xs` at or below `x`. */
function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether two readers take the same commands for prose commands and headings. */
function sameCustom(a: ReadonlyMap<string, Custom>, b: ReadonlyMap<string, Custom>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y || x.level !== y.level || (x.args ?? []).join() !== (y.args ?? []).join()) return false;
  }
  return true;
}

/** indexOf, looking at most `max` characters ahead (-1 beyond). */
function indexWithin(s: TextView, ch: string, from: number, max: number): number {
  const end = Math.min(s.length, from + max);
  const code = ch.charCodeAt(0);
  for (let k = from; k < end; k++) if (s.charCodeAt(k) === code) return k;
  return -1;
}

/** Whether the line end at j is followed by a blank line. */
function isParbreak(s: TextView, j: number, limit: number): boolean {
  for (let k = j + 1; k < limit; k++) {
    const c = s.charCodeAt(k);
    if (c === NL) return true;
    if (c !== SP && c !== TAB && c !== CR) return false;
  }
  return false;
}

/** Some text that is not a placeholder has a letter or a digit. */
function hasProse(b: BlockTextBuilder): boolean {
  const t = b.text;
  if (b.placeholders.length === 0) return /[\p{L}\p{N}]/u.test(t);
  let from = 0;
  for (const [ps, pe] of b.placeholders) {
    if (ps > from && /[\p{L}\p{N}]/u.test(t.slice(from, ps))) return true;
    from = pe;
  }
  return from < t.length && /[\p{L}\p{N}]/u.test(t.slice(from));
}

/** The first \begin{document} that is not in a comment. */
export function findBeginDocument(s: TextView): { start: number; end: number } | undefined {
  const re = /\\begin\s*\{document\}/g;
  let m: RegExpExecArray | null;
  while ((m = nextMatch(re, s))) {
    if (!inComment(s, m.index)) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** Whether offset lies after an unescaped % on its line. */
export function inComment(s: TextView, offset: number): boolean {
  let k = offset - 1;
  while (k >= 0 && s.charCodeAt(k) !== NL && s.charCodeAt(k) !== CR) k--;
  for (let j = k + 1; j < offset; j++) {
    const c = s.charCodeAt(j);
    if (c === BS) j++;
    else if (c === PCT) return true;
  }
  return false;
}
