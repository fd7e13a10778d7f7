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
const AFTER = new RegExp(`([\\p{L}\\p{N}'’-]+(?:[ \\t]+[\\p{L}\\p{N}'’-]+){0,7})[ \\t]*\\((${ABBR})s?\\)`, 'gu');
const BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${ABBR})s?[ \\t]+\\(([^()\\n]{3,80})\\)`, 'gu');
const LIST_LINE = new RegExp(`^[ \\t]*(?:[-*•][ \\t]+)?(?:[\`*_]+(${ABBR})[\`*_]+(?:[ \\t]*[:=–—-])?|(${ABBR})(?:[ \\t]*[:=–—]|\\t|[ \\t]+-))[ \\t]+([^\\n<]{3,80})`, 'gmu');

const cache = new WeakMap<object, Map<string, string>>();
const byText = new Map<string, Map<string, string>>();

/** Whether a word or dictionary form is written as an abbreviation (SES, NGOs, PD). */
export function isAbbreviationForm(form: string): boolean {
  const core = form.endsWith('s') ? form.slice(0, -1) : form;
  return core.length >= 2 && /^[A-Z][A-Z0-9&]*$/.test(core) && (core.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** The abbreviations a text defines, each with its full form in lower case (the first definition wins). */
export function definedAbbreviations(text: string, key?: object): Map<string, string> {
  const hit = key ? cache.get(key) : byText.get(text);
  if (hit) return hit;
  const out = new Map<string, string>();
  const add = (abbr: string, full: string) => {
    const f = full.replace(/[*_`[\]]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (f && /\p{L}{2}/u.test(f) && !out.has(abbr)) out.set(abbr, f);
  };
  if (/[A-Z]{2}/.test(text)) {
    for (const m of text.matchAll(AFTER)) {
      const abbr = m[2]!;
      const words = m[1]!.split(/[ \t]+/);
      const first = abbr[0]!.toLowerCase();
      // The full form starts at the earliest of the last six words whose initial is the abbreviation's first letter.
      const from = Math.max(0, words.length - 6);
      let start = words.findIndex((w, i) => i >= from && w[0]?.toLowerCase() === first);
      if (start < 0) start = Math.max(0, words.length - 3);
      add(abbr, words.slice(start).join(' '));
    }
    for (const m of text.matchAll(BEFORE)) add(m[1]!, m[2]!.split(/[;,]/)[0]!);
    for (const m of text.matchAll(LIST_LINE)) add((m[1] ?? m[2])!, m[3]!.split(/\s{2,}|[;(]/)[0]!);
  }
  if (key) cache.set(key, out);
  else {
    if (byText.size > 32) byText.clear();
    byText.set(text, out);
  }
  return out;
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
 */
const LEGEND_LINE = new RegExp(`^[ \\t]*(?:[-*•][ \\t]+)?(?:\`(${ABBR})s?\`(?:[ \\t]*[:=–—-])?|[*_]{0,2}(${ABBR})s?[*_]{0,2}(?:[ \\t]*[:=–—]|\\t|[ \\t]+[-–—]))[ \\t]+\\p{L}`, 'gmu');
let legendText: string | undefined;
let legend = new Set<string>();

/** The abbreviations a text explains in a legend or list of abbreviations (remembered for the last text asked). */
export function legendAbbreviations(text: string): Set<string> {
  if (text !== legendText) {
    legend = new Set();
    if (/[A-Z]{2}/.test(text)) for (const m of text.matchAll(LEGEND_LINE)) legend.add((m[1] ?? m[2])!);
    legendText = text;
  }
  return legend;
}

let hostText: string | undefined;
let hosts = new Set<string>();

/**
 * The labels of the web addresses in a text, in capitals, without the top-level domain: "https://www.acf.hhs.gov/ofa"
 * gives ACF, HHS (and WWW); "uva.nl" gives UVA. An abbreviation that is a site's name (acf.hhs.gov, mui.com, uva.nl) is
 * the name of an organisation or a product. Remembered for the last text asked.
 */
export function webAddressLabels(text: string): Set<string> {
  if (text !== hostText) {
    hosts = new Set();
    for (const m of text.matchAll(/(?:\bhttps?:\/\/|\bwww\.)([\p{L}\d-]+(?:\.[\p{L}\d-]+)+)|\b((?:[\p{L}\d-]+\.)+(?:nl|be|com|org|gov|edu|eu|uk|net|io))\b(?![.\p{L}\d-])/giu)) {
      const labels = (m[1] ?? m[2])!.split('.');
      labels.pop();
      for (const l of labels) hosts.add(l.toUpperCase());
    }
    hostText = text;
  }
  return hosts;
}
