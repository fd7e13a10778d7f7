import { PieceScan } from '../incremental.js';
import type { LineIndex } from '../offsets.js';
import { flat, searchFrom, type TextView } from '../text/view.js';

/**
 * Abbreviations a document defines itself, and what they stand for. A document that writes
 * "Social Enterprise (SE)" or lists "`PD` persoon met dementie" means its own thing by SE or PD:
 * a dictionary that knows another SES or PD must yield to it, and a rule that looks for people
 * words must read PD as "persoon met dementie".
 *
 * Recognised definitions (the abbreviation has at least two capitals, an optional plural s):
 * - "full form (ABBR)" — the full form is the words before the parenthesis, up to six, starting at
 *   the first word whose initial is the abbreviation's first letter (else the last three words);
 * - "ABBR (full form)" — words inside the parenthesis;
 * - a line that starts with the abbreviation in `code` or **bold**, or followed by ":", "=", "–"
 *   or a tab, and then the full form: a list of abbreviations.
 */

/** Two to eight letters or digits, at least two capitals, no lower case except a plural s. */
const ABBR = '[A-Z][A-Z0-9&]{0,6}[A-Z0-9]';
// Only from a word's start (the lookbehind): the leftmost match starts there anyway, and without it a long run of
// letters and digits (an inline image's base64 data) was tried from each of its characters, in quadratic time.
const AFTER = new RegExp(`(?<![\\p{L}\\p{N}'’-])([\\p{L}\\p{N}'’-]+(?:[ \\t]+[\\p{L}\\p{N}'’-]+){0,7})[ \\t]*\\((${ABBR})s?\\)`, 'gu');
// The abbreviationsBefore() below finds its matches (this expression stays as its definition, and the model of its test).
export const BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${ABBR})s?[ \\t]+\\(([^()\\n]{3,80})\\)`, 'gu');
const LIST_LINE = new RegExp(`^[ \\t]*(?:[-*•][ \\t]+)?(?:[\`*_]+(${ABBR})[\`*_]+(?:[ \\t]*[:=–—-])?|(${ABBR})(?:[ \\t]*[:=–—]|\\t|[ \\t]+-))[ \\t]+([^\\n<]{3,80})`, 'gmu');

const cache = new WeakMap<object, Map<string, string>>();
/**
 * The answers for the last texts (each a whole document version), found by comparing the strings: a new version has
 * a new string, and a look-up in a map by text would hash all of it first (speed only, lsp10c).
 */
const byText: Array<{ text: TextView; out: Map<string, string> }> = [];
/**
 * The last text scanned by paragraphs, its defining paragraphs' results, the index of each among all the paragraphs'
 * results (ascending), and its answer.
 */
let lastDefining: { text: TextView; defining: ReadonlyArray<ReturnType<typeof definitionsIn>>; at: readonly number[]; out: Map<string, string> } | undefined;

/** Whether a paragraph's result defines an abbreviation. */
const defines = (p: ReturnType<typeof definitionsIn>): boolean => p[0].length > 0 || p[1].length > 0 || p[2].length > 0;

/** Whether a word or dictionary form is written as an abbreviation (SES, NGOs, PD). */
export function isAbbreviationForm(form: string): boolean {
  const core = form.endsWith('s') ? form.slice(0, -1) : form;
  return core.length >= 2 && /^[A-Z][A-Z0-9&]*$/.test(core) && (core.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/**
 * The abbreviations a text defines, each with its full form in lower case (the first definition wins). `lines`, the
 * text's line index, when given, names where the text differs from the last one asked (LineIndex.changedSince), so that
 * the paragraph scan need not compare the two texts (speed only, s31; the same answer without it).
 */
export function definedAbbreviations(text: TextView, key?: object, lines?: LineIndex): Map<string, string> {
  const hit = key ? cache.get(key) : byText.find((e) => e.text === text)?.out;
  if (hit) return hit;
  let out = new Map<string, string>();
  if (searchFrom(/[A-Z]{2}/g, text, 0)) {
    // No definition crosses a line, so each paragraph's are found once and kept (an edit scans only its own).
    const found = key ? [definitionsIn(flat(text))] : PARAGRAPHS.pieces(text, lines);
    const last = key ? undefined : lastDefining;
    const change = key ? undefined : PARAGRAPHS.lastChange();
    let defining: ReadonlyArray<ReturnType<typeof definitionsIn>>;
    let at: readonly number[];
    if (last && change && change.previous === last.text) {
      // An edit of the last text: the paragraphs' results from `change.at` on, `removed`, were replaced by `added`. The
      // defining ones are the last text's with those among the removed replaced by those among the added, the indices
      // after them moved (speed only, s31: no pass over every paragraph's result when an edit changes a defining
      // paragraph; only over the defining ones).
      const removedEnd = change.at + change.removed.length;
      const moved = change.added.length - change.removed.length;
      let i = 0;
      while (i < last.at.length && last.at[i]! < change.at) i++;
      let j = i;
      while (j < last.at.length && last.at[j]! < removedEnd) j++;
      if (j === i && !change.added.some(defines)) {
        // No defining paragraph went or came: the defining paragraphs are the last text's, and so is the answer (speed
        // only, session 27).
        defining = last.defining;
        at = moved === 0 ? last.at : last.at.map((x, k) => (k < i ? x : x + moved));
      } else {
        const nowDefining = last.defining.slice(0, i);
        const nowAt = last.at.slice(0, i);
        change.added.forEach((p, k) => {
          if (!defines(p)) return;
          nowDefining.push(p);
          nowAt.push(change.at + k);
        });
        for (let k = j; k < last.at.length; k++) {
          nowDefining.push(last.defining[k]!);
          nowAt.push(last.at[k]! + moved);
        }
        defining = nowDefining;
        at = nowAt;
      }
    } else {
      const nowAt: number[] = [];
      found.forEach((p, k) => {
        if (defines(p)) nowAt.push(k);
      });
      defining = nowAt.map((k) => found[k]!);
      at = nowAt;
    }
    // When the defining paragraphs are the last text's (an edit elsewhere), so is the answer (speed only, lsp9).
    if (last && (last.defining === defining || (last.defining.length === defining.length && last.defining.every((p, i) => p === defining[i])))) out = last.out;
    else for (const kind of [0, 1, 2] as const) for (const p of defining) for (const [abbr, full] of p[kind]) if (!out.has(abbr)) out.set(abbr, full);
    if (!key) lastDefining = { text, defining, at, out };
  }
  if (key) cache.set(key, out);
  else {
    // Only the last texts: each is a whole document version.
    if (byText.length >= 4) byText.length = 0;
    byText.push({ text, out });
  }
  return out;
}

/**
 * A text's definitions as [abbreviation, full form] pairs in text order: of "full form (ABBR)", of "ABBR (full form)", of
 * list lines. Each full form as the answer gives it (see fullForm); one that holds no two letters in a row defines nothing
 * and is left out (speed only, s31: made once per paragraph, not at each answer made anew from the defining paragraphs).
 */
function definitionsIn(text: string): [Array<[string, string]>, Array<[string, string]>, Array<[string, string]>] {
  // Every definition holds its abbreviation as written: a text (most paragraphs) without one defines nothing (speed only, rules18).
  if (!ANY_ABBREVIATION.test(text)) return NO_DEFINITIONS;
  const after: Array<[string, string]> = [];
  const before: Array<[string, string]> = [];
  const list: Array<[string, string]> = [];
  for (const [abbr, words] of fullFormsBefore(text)) {
    const first = abbr[0]!.toLowerCase();
    // The full form starts at the earliest of the last six words whose initial is the abbreviation's first letter.
    const from = Math.max(0, words.length - 6);
    let start = words.findIndex((w, i) => i >= from && w[0]?.toLowerCase() === first);
    if (start < 0) start = Math.max(0, words.length - 3);
    addDefinition(after, abbr, words.slice(start).join(' '));
  }
  for (const [abbr, inner] of abbreviationsBefore(text)) addDefinition(before, abbr, inner.split(/[;,]/)[0]!);
  for (const m of text.matchAll(LIST_LINE)) addDefinition(list, (m[1] ?? m[2])!, m[3]!.split(/\s{2,}|[;(]/)[0]!);
  return [after, before, list];
}

/** A full form as written without emphasis or code marks, its blanks as one space, in lower case. */
const fullForm = (full: string): string => full.replace(/[*_`[\]]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Adds a definition to a list with its full form as fullForm() gives it, when that holds two letters in a row. */
function addDefinition(list: Array<[string, string]>, abbr: string, full: string): void {
  const f = fullForm(full);
  if (f && /\p{L}{2}/u.test(f)) list.push([abbr, f]);
}

const PARAGRAPHS = new PieceScan(definitionsIn);
const ANY_ABBREVIATION = new RegExp(ABBR);
/** No definitions (shared: read only). */
const NO_DEFINITIONS: ReturnType<typeof definitionsIn> = [[], [], []];

const IN_BRACKETS = new RegExp(`\\((${ABBR})s?\\)`, 'g');
const WORD_CHAR = /^[\p{L}\p{N}'’-]$/u;

/**
 * The matches of AFTER as [abbreviation, words before it]: found from each "(ABBR)" back to the start of the run of up to
 * eight words before it, instead of trying AFTER's words from every word start of the text (most lead to no bracket).
 * The same matches: AFTER's words can hold no bracket, so each match ends at the first "(ABBR)" after its start, and its
 * leftmost start is the earliest word start of the run from which at most eight words reach the bracket.
 */
function* fullFormsBefore(text: string): Generator<[string, string[]]> {
  for (const m of text.matchAll(IN_BRACKETS)) {
    let at = m.index;
    while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    const words: string[] = [];
    for (;;) {
      // One word back from `at` (whole code points: a surrogate pair is one letter).
      let start = at;
      for (;;) {
        let from = start - 1;
        if (from > 0 && text.charCodeAt(from) >= 0xdc00 && text.charCodeAt(from) <= 0xdfff && text.charCodeAt(from - 1) >= 0xd800 && text.charCodeAt(from - 1) <= 0xdbff) from--;
        if (from < 0 || !WORD_CHAR.test(text.slice(from, start))) break;
        start = from;
      }
      if (start === at) break;
      words.push(text.slice(start, at));
      if (words.length === 8) break;
      let gap = start;
      while (gap > 0 && (text[gap - 1] === ' ' || text[gap - 1] === '\t')) gap--;
      if (gap === start || gap === 0) break;
      at = gap;
    }
    if (words.length) yield [m[1]!, words.reverse()];
  }
}

/**
 * The matches of BEFORE as [abbreviation, words in the brackets] (speed only, abbr27): found from each "(" that a ")"
 * closes within 80 characters, back over the blanks to the abbreviation, instead of trying BEFORE's lookbehind at every
 * position of the text. The same matches, in order: a match holds no "(" but its own and no ")" but its last, so each
 * "(" belongs to at most one match and a match's start lies after the end of the match before it; and from a "(" the
 * regular expression can only have reached back over one run of blanks and one run of abbreviation letters (with an s),
 * its leftmost start the earliest one from which the rest of the run is an abbreviation.
 */
export function* abbreviationsBefore(text: string): Generator<[string, string]> {
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    // Before it: at least one blank, then the run the abbreviation (and an s) must fill up to the blanks.
    let end = open;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end === open || end < 2) continue;
    const stem = text.charCodeAt(end - 1) === 115 ? end - 1 : end;
    const last = text.charCodeAt(stem - 1);
    if (!((last >= 65 && last <= 90) || (last >= 48 && last <= 57))) continue;
    // After it: 3 to 80 code points that are no bracket or line break, then ")".
    let close = open + 1;
    let points = 0;
    while (close < text.length && points <= 80) {
      const c = text.charCodeAt(close);
      if (c === 40 || c === 41 || c === 10) break;
      // A surrogate pair is one code point (the u flag).
      close += c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(close + 1)) ? 2 : 1;
      points++;
    }
    if (text.charCodeAt(close) !== 41 || points < 3 || points > 80) continue;
    // The earliest start from which the run is an abbreviation: a capital first, a capital or digit last, at most eight.
    for (let start = Math.max(0, stem - 8); start <= stem - 2; start++) {
      if (!isAbbreviationRun(text, start, stem) || letterOrNumberBefore(text, start)) continue;
      yield [text.slice(start, stem), text.slice(open + 1, close)];
      open = close;
      break;
    }
  }
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether text[start, end) is an abbreviation as ABBR has it: [A-Z][A-Z0-9&]{0,6}[A-Z0-9]. */
function isAbbreviationRun(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return false;
  const last = text.charCodeAt(end - 1);
  if (!((last >= 65 && last <= 90) || (last >= 48 && last <= 57))) return false;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38)) return false;
  }
  return true;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
/** Whether the code point before `at` is a letter or a digit (BEFORE's lookbehind). */
function letterOrNumberBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  const high = text.charCodeAt(at - 2);
  const from = at >= 2 && isLowSurrogate(c) && high >= 0xd800 && high <= 0xdbff ? at - 2 : at - 1;
  return LETTER_OR_NUMBER.test(text.slice(from, at));
}

/** The defined abbreviation a word stands for ("SEs" → "SE"), or undefined. */
export function abbreviationOf(word: string, defined: Map<string, string>): string | undefined {
  if (defined.has(word)) return word;
  if (word.endsWith('s') && defined.has(word.slice(0, -1))) return word.slice(0, -1);
  return undefined;
}

/**
 * A legend or list of abbreviations, one a line: the abbreviation in `code`, or followed by ":", "=", "–", a tab or
 * " - ", and then its words ("`PD` persoon met dementie <br>", "UWV: Uitvoeringsinstituut Werknemersverzekeringen",
 * "**SROI** – social return on investment"). A bold abbreviation needs the separator: "**CBV** will verify …" is a sentence.
 * Matched at the start of a line where the abbreviation occurs (the text is searched for the abbreviation only).
 */
const LEGEND_START = /^[ \t]*(?:[-*•][ \t]+)?[`*_]{0,2}$/;
const LEGEND_REST = /^(?:s?`(?:[ \t]*[:=–—-])?|s?[*_]{0,2}(?:[ \t]*[:=–—]|\t|[ \t]+[-–—]))[ \t]+\p{L}/u;

/** A file name, not a host: "mui.png", "report.pdf". */
const FILE_EXTENSION = /\.(?:pdf|png|jpe?g|gif|svg|docx?|xlsx?|pptx?|csv|txt|md|html?|tex|json|zip|py|js|ts)$/i;

/** A web address's host: letters, digits, hyphens and dots, a top-level domain at the end. */
const HOST_CHAR = /[\p{L}\d.-]/u;

/** An answer for the text, and the line that gave it when true: its start and its end (its line feed, or the text's end). */
interface Answer {
  value: boolean;
  from: number;
  to: number;
}

/**
 * Where a text is as the one the last answers were for (their `text`): the same in its first `prefix` characters, and
 * from `after` on (`delta` characters further than there), and the lines the edit touched, from `start` to `end`.
 */
interface Changed {
  prefix: number;
  /** Where the common end starts in the earlier text. */
  oldAfter: number;
  delta: number;
  start: number;
  end: number;
}

interface TextAnswers {
  text: TextView;
  /** The id of the text's line index (LineIndex.id), 0 when not known. */
  lines: number;
  legend: Map<string, Answer>;
  site: Map<string, Answer>;
  /** The answers for the text before the last edit, and where the edit is (speed only, session 17). */
  before?: { legend: Map<string, Answer>; site: Map<string, Answer>; changed: Changed };
}
let answers: TextAnswers = { text: '', lines: 0, legend: new Map(), site: new Map() };

/** Forgets the answers for the last text (tests: the next question is answered over the whole text). */
export function forgetTextAnswers(): void {
  answers = { text: '', lines: 0, legend: new Map(), site: new Map() };
}

/**
 * The answers for `text`. Both tests read a line of the text at a time (an occurrence, the line's start before it, the
 * rest of its line after it), so after an edit (`lines`: the text's line index, made from the last text's by
 * LineIndex.afterEdit) an answer for the last text still holds for the lines the edit left alone: a true answer whose
 * line is untouched stays true, and a false one can only turn true in the lines the edit touched (speed only, session
 * 17: no search of the whole text per abbreviation at every edit).
 */
function answersFor(text: TextView, lines?: LineIndex): TextAnswers {
  if (answers.text === text) return answers;
  const known = lines !== undefined && lines.text === text ? lines : undefined;
  const last = answers;
  answers = { text, lines: known ? known.id : 0, legend: new Map(), site: new Map() };
  const made = known?.madeAfter;
  if (made && last.lines !== 0 && made.id === last.lines) {
    const { prefix, suffix } = made;
    const after = text.length - suffix;
    const start = prefix === 0 ? 0 : text.lastIndexOf('\n', prefix - 1) + 1;
    const nl = text.indexOf('\n', after);
    answers.before = { legend: last.legend, site: last.site, changed: { prefix, oldAfter: last.text.length - suffix, delta: text.length - last.text.length, start, end: nl < 0 ? text.length : nl } };
  }
  return answers;
}

/**
 * The answer of `test` for the abbreviation in the text of `a`: asked once per text; after an edit, from the last text's
 * answer where the lines the edit touched cannot change it (see answersFor), else over the whole text.
 */
function answerOf(a: TextAnswers, kind: 'legend' | 'site', abbr: string, test: (text: TextView, abbr: string, from: number, to: number) => number): boolean {
  const known = a[kind].get(abbr);
  if (known) return known.value;
  const text = a.text;
  let answer: Answer | undefined;
  const was = a.before?.[kind].get(abbr);
  if (was && a.before) {
    const c = a.before.changed;
    if (was.value) {
      // Its line before the edit (its line feed too), or after it (the line feed before it too): the same line.
      if (was.to < c.prefix) answer = was;
      else if (was.from - 1 >= c.oldAfter) answer = { value: true, from: was.from + c.delta, to: was.to + c.delta };
    } else {
      // No line the edit left alone gives it: only those it touched can.
      answer = lineAnswer(text, test(text, abbr, c.start, c.end));
    }
  }
  answer ??= lineAnswer(text, test(text, abbr, 0, text.length));
  a[kind].set(abbr, answer);
  return answer.value;
}

/** The answer for a place found (-1: none), with its line. */
function lineAnswer(text: TextView, at: number): Answer {
  if (at < 0) return NO;
  const nl = text.indexOf('\n', at);
  return { value: true, from: at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1, to: nl < 0 ? text.length : nl };
}
const NO: Answer = { value: false, from: 0, to: 0 };

/** Each place where the abbreviation stands as a whole word (no letter or digit either side), case as given, starting from `from` and ending by `to`. */
function* wholeWord(text: TextView, word: string, from = 0, to = text.length): Generator<number> {
  // Searched in the stretch alone (a slice shares the text's characters): a search of the text from `from` would read
  // on to its end when the word is not in the stretch.
  const stretch: TextView = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let i = stretch.indexOf(word); i >= 0; i = stretch.indexOf(word, i + 1)) {
    const at = from + i;
    const before = at > 0 ? text.slice(at - 1, at) : ' ';
    const after = text.slice(at + word.length, at + word.length + 1) || ' ';
    if (!/[\p{L}\d]/u.test(before) && !/[\p{L}\d]/u.test(after)) yield at;
  }
}

/**
 * The text explains the abbreviation in a legend or list of abbreviations (remembered per abbreviation for the last
 * text; `lines`, the text's line index, lets an edited text start from the last text's answer).
 */
export function inLegend(text: TextView, abbr: string, lines?: LineIndex): boolean {
  return answerOf(answersFor(text, lines), 'legend', abbr, legendAt);
}

/** Where the abbreviation stands in a legend line between `from` and `to` (see inLegend), -1 if nowhere. */
function legendAt(text: TextView, abbr: string, from: number, to: number): number {
  for (const at of wholeWord(text, abbr, from, to)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (at - lineStart <= 8 && LEGEND_START.test(text.slice(lineStart, at)) && LEGEND_REST.test(text.slice(at + abbr.length, at + abbr.length + 12))) return at;
  }
  return -1;
}

/**
 * The abbreviation is a label of a web address's host in the text, not its top-level domain: "https://www.acf.hhs.gov/ofa"
 * for ACF, "uva.nl" for UVA, "mui.com" for MUI. An abbreviation that is a site's name is the name of an organisation or
 * a product. Letters in a link's path (example.org/GNRC-poll.pdf) do not count. Remembered per abbreviation for the last
 * text (`lines` as for inLegend).
 */
export function isWebAddressLabel(text: TextView, abbr: string, lines?: LineIndex): boolean {
  return answerOf(answersFor(text, lines), 'site', abbr, siteAt);
}

/** Where the abbreviation starts a web address's host between `from` and `to` (see isWebAddressLabel), -1 if nowhere. */
function siteAt(text: TextView, abbr: string, from: number, to: number): number {
  const lower = abbr.toLowerCase();
  // Only places followed by a dot: "ui" occurs in many words, "ui." in few.
  // Searched in the stretch alone (see wholeWord); a host ends at its line's end, so none runs past the stretch's.
  const stretch: TextView = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let i = stretch.indexOf(`${lower}.`); i >= 0; i = stretch.indexOf(`${lower}.`, i + 1)) {
    const at = from + i;
    if (at > 0 && /[\p{L}\d]/u.test(text.slice(at - 1, at))) continue;
    // Followed by a dot and more host (a label, then a top-level domain of letters).
    let end = at + lower.length;
    while (end < text.length && HOST_CHAR.test(text.slice(end, end + 1))) end++;
    const host = text.slice(at, end).replace(/\.+$/, '');
    if (!/^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,6}$/u.test(host) || FILE_EXTENSION.test(host)) continue;
    // Starts a host: after "//", "www." or another label's dot, or a word on its own ("uva.nl"); not inside a path.
    let start = at;
    while (start > 0 && HOST_CHAR.test(text.slice(start - 1, start))) start--;
    if (start > 0 && text.slice(start - 1, start) === '/' && text.slice(start - 2, start - 1) !== '/') continue;
    return at;
  }
  return -1;
}
