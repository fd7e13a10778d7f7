import type { Language } from '../types.js';
import { alternation, clientWords, clientWordsAnyLanguage } from './client-words.js';

export interface Quote {
  /** Offsets in block text, including the quotation marks. */
  start: number;
  end: number;
  /** Holds first-person speech (ik, mijn, we; I, my, we) or is attributed to a person. */
  speech: boolean;
  /** The attribution that follows or precedes it: "(cliënt, 45)", "R12", "— a parent", "Consultant 1". */
  attribution?: string;
  /** Where the attribution stands: after the quote, as a label before it ("R12: “…”"), or in the lead-in ("Een cliënt vertelt: “…”"). */
  attributionAt?: 'after' | 'label' | 'lead-in';
  /** A name in quotation marks (de knop "Verder naar de volgende stap", a title in capitals), not a quoted passage. */
  named?: boolean;
}

/** Opening marks and the marks that close them. Two-character marks are LaTeX (``…'') and old Dutch (,,…''). */
export const CLOSERS: Record<string, string[]> = {
  '“': ['”', '“'],
  '„': ['”', '“'],
  '«': ['»'],
  '‘': ['’'],
  '"': ['"'],
  "'": ["'"],
  '``': ["''"],
  ',,': ["''", '”'],
};

/** Per opening mark: where one of its closers or a line break may start (speed only: findQuotes skips to it). */
const CLOSER_SCAN: Record<string, RegExp> = Object.fromEntries(
  Object.entries(CLOSERS).map(([open, closers]) => [open, new RegExp(`[\n${[...new Set(closers.map((c) => c[0]!))].join('')}]`, 'g')]),
);

/** Words from dictionaries/client/<language>/people.yml, as a pattern; both languages where quotations meet either. */
const words = (list: string) => alternation(clientWordsAnyLanguage('people', list));
// Not after or before a letter: lookarounds, so that the search tries the words at each place rather than a group that may
// start anywhere (three times faster on paragraphs; the same answers as `(^|[^\p{L}])(…)(?=[^\p{L}]|$)`, checked for every
// code point on either side of every word: test/client/first-person.test.ts).
const firstPerson = (language: Language, singularOnly = false) =>
  new RegExp(`(?<!\\p{L})(?:${alternation([...clientWords(language, 'people', 'firstPersonSingular'), ...(singularOnly ? [] : clientWords(language, 'people', 'firstPersonOther'))])})(?!\\p{L})`, 'iu');

const FIRST_PERSON: Record<Language, RegExp> = { nl: firstPerson('nl'), en: firstPerson('en') };
/** The respondent's own "I" (not the authors' "we"). */
const FIRST_PERSON_SINGULAR: Record<Language, RegExp> = { nl: firstPerson('nl', true), en: firstPerson('en', true) };

/** People words that attribute a quote: "“…” Participant describing…", "— a parent", "deelnemer 3". The one list of person words for attributions. */
const PERSON_WORD = `(?:${words('clients')})`;
const PROFESSIONAL_WORD = `(?:${words('professionals')})`;

const ATTRIBUTION = new RegExp(
  '^\\s*[,.]?\\s*(' +
    '\\((?:[^()]{1,60})\\)' + // (cliënt, 45), (Site B), (R12)
    '|[—–]\\s*[\\p{L}][^.\\n“”"]{0,60}' + // — a parent
    '|-\\s+[\\p{L}][^.\\n“”"]{0,60}' + // - een moeder
    `|\\b(?:${words('sayingAfter')})\\s+[\\p{L}][^.,;:!?\\n“”"]{0,40}` + // …,” said one mother
    `|\\b(?:R|P|D|I|C|resp\\.?|${PERSON_WORD})\\s*\\d{1,3}\\b` + // R12, deelnemer 3
    `|${PERSON_WORD}\\b` + // Participant describing …
  ')',
  'iu',
);

/** A label before the quote on the same line: "R12: “…”", "Consultant 1: “…”", "Moeder van twee kinderen: “…”". */
const LABEL_BEFORE = /(?:^|\n)[ \t]*(?:[-*•][ \t]+)?([\p{L}][\p{L}\p{N} .,'’()-]{0,40}?)[ \t]*:[ \t]*$/u;

/** A label names a person: it has a number (R12, Consultant 1) or a word for a person. */
const LABEL_PERSON = new RegExp(`^(?:[A-Z]{1,2}|resp\\.?|nr\\.?|no\\.?)\\s*-?\\d{1,3}$|\\b${PERSON_WORD}\\b|\\b${PROFESSIONAL_WORD}\\b`, 'iu');

/** A verb of saying before the quote: "Een cliënt vertelt: “…”", "As one parent put it, “…”". */
const SAID_BEFORE = new RegExp(`\\b(${words('sayingBefore')})\\b[^.!?]{0,40}[:,]?\\s*$`, 'iu');

/** Words right before a quotation that make it a name, not speech: de knop 'Opslaan', the page “Apply”. */
const NAME_BEFORE = new RegExp(`\\b(${words('nameNouns')}|${words('namingWords')}|(?:${words('clickVerbs')})(?:\\s+(?:${words('clickParticles')}))*)\\s*$`, 'iu');

/** Small words a title in capitals may hold ("Raad van State", "Department for Work"). */
const TITLE_WORD = new RegExp(`^(${words('titleWords')})$`, 'i');

/** The start of a quoted block that labels its speaker ("Respondent 3: …", "Klantmanager: …"). */
const BLOCK_LABEL = new RegExp(`\\d|^(?:${PERSON_WORD}|${PROFESSIONAL_WORD})`, 'iu');

/** A paragraph that ends in a person attribution in parentheses: "(R12)", "(cliënt, 45)", "(a parent)". */
const ATTRIBUTED_PARAGRAPH = new RegExp(`\\((?:[RPIDC]\\s*-?\\d{1,3}|[^()]*\\b${PERSON_WORD}\\b[^()]*)\\)\\s*$`, 'iu');

/** A parenthesis after a quotation that points elsewhere: (zie bijlage 2), (see p. 4), (bron: CBS). */
const NOT_ATTRIBUTION = new RegExp(`^(\\d|(?:${words('notAttribution')})\\b|p\\.)`, 'i');

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** The opening mark at i, if any ('' when none). */
export function openingAt(text: string, i: number): string {
  const two = text.slice(i, i + 2);
  if (two === '``') return '``';
  if (two === ',,' && isLetter(text[i + 2])) return ',,';
  const ch = text[i]!;
  if (!(ch in CLOSERS)) return '';
  const prev = text[i - 1];
  // A straight or single quote inside a word is an apostrophe (cliënt's, don't).
  if ((ch === '‘' || ch === '"' || ch === "'") && isLetter(prev)) return '';
  if (ch === "'") {
    // A straight single quote opens only before a word, and not as an elision ('s avonds, 't, 'n).
    if (!isLetter(text[i + 1])) return '';
    if (/^'(s|t|n|k|m)(\s|$)/i.test(text.slice(i, i + 3))) return '';
    if (prev !== undefined && !/[\s([{_*—–:/>-]/u.test(prev)) return '';
  }
  return ch;
}

/**
 * Quotations in a block: speech when first-person or attributed, otherwise scare quotes or titles. The answer for the
 * last text is kept (the text layer, the prose rules and the client analyzer ask for the same block in turn): callers
 * do not change it.
 */
export function findQuotes(text: string, language: Language): readonly Quote[] {
  if (text === lastQuoted.text && language === lastQuoted.language) return lastQuoted.quotes;
  const quotes = quotesOf(text, language);
  lastQuoted = { text, language, quotes };
  return quotes;
}

/** The last block's quotations (findQuotes): one entry, a pure function's answer for its text and language. */
let lastQuoted: { text: string | undefined; language: Language | undefined; quotes: readonly Quote[] } = { text: undefined, language: undefined, quotes: [] };

function quotesOf(text: string, language: Language): Quote[] {
  const quotes: Quote[] = [];
  let i = 0;
  // A comma opens only as the first of two (openingAt): a single one need not be looked at.
  const candidate = /[“„«‘"'`]|,,/g;
  while (i < text.length) {
    candidate.lastIndex = i;
    const next = candidate.exec(text);
    if (!next) break;
    i = next.index;
    const open = openingAt(text, i);
    if (!open) {
      i++;
      continue;
    }
    const closers = CLOSERS[open]!;
    const scan = CLOSER_SCAN[open]!;
    let close = -1;
    let closeLength = 1;
    for (let j = i + open.length; j < text.length; j++) {
      // The next place where a closer or a line break starts (nothing else stops the search).
      scan.lastIndex = j;
      const at = scan.exec(text);
      if (!at) break;
      j = at.index;
      const c = text[j]!;
      if (c === '\n' && text[j + 1] === '\n') break;
      let hit: string | undefined;
      for (let k = 0; k < closers.length; k++) {
        if (text.startsWith(closers[k]!, j)) {
          hit = closers[k]!;
          break;
        }
      }
      if (!hit) continue;
      // A closing ’ or ' followed by a letter is an apostrophe inside the quotation.
      if ((hit === '’' || hit === "'") && isLetter(text[j + 1])) continue;
      if (hit === "'" && /\s/.test(text[j - 1] ?? ' ')) continue;
      if (hit === '“' && open !== '“' && open !== '„') continue;
      if (hit === '“' && isLetter(text[j + 1])) continue;
      close = j;
      closeLength = hit.length;
      break;
    }
    if (close < 0) {
      i += open.length;
      continue;
    }
    const end = close + closeLength;
    const inner = text.slice(i + open.length, close);
    const after = text.slice(end, end + 80);
    const before = text.slice(Math.max(0, i - 80), i);
    const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const other: Language = language === 'nl' ? 'en' : 'nl';
    // Every field from the start, in one order: one hidden class for every quotation (speed only: an attribution or a
    // name added later made up to six, and the code reading them was compiled again at every check).
    const q: Quote = { start: i, end, speech: false, attribution: undefined, attributionAt: undefined, named: false };
    // Each test only where its answer counts (speed only: the expressions hold no state, the answers are the same).
    const att = ATTRIBUTION.exec(after);
    if (att && !/^\(\s*\d/.test(att[1]!)) {
      q.attribution = att[1]!.trim();
      q.attributionAt = 'after';
    } else {
      const label = LABEL_BEFORE.exec(before);
      if (label && label[1]!.split(/\s+/).length <= 5 && LABEL_PERSON.test(label[1]!) && !SAID_BEFORE.test(label[1]! + ':')) {
        q.attribution = label[1]!.trim();
        q.attributionAt = 'label';
      } else if (SAID_BEFORE.test(before)) {
        q.attributionAt = 'lead-in';
      }
    }
    // A name in capitals ("American Psychiatric Association") or after a word that names things.
    const named = NAME_BEFORE.test(before) || (words <= 6 && !FIRST_PERSON[language].test(inner) && inner.split(/\s+/).filter((w) => /[\p{L}]/u.test(w)).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_WORD.test(w)));
    // First person or a named speaker: three words make speech; a verb of saying alone needs four
    // ("gaf aan 'datum 1e toelating' niet te begrijpen" quotes a term, not speech).
    q.named = named;
    const attributed = q.attributionAt === 'after' || q.attributionAt === 'label';
    q.speech =
      !named &&
      ((words >= 3 && (attributed || FIRST_PERSON[language].test(inner) || (FIRST_PERSON[other].test(inner) && words > 3))) || (words >= 4 && q.attributionAt === 'lead-in'));
    quotes.push(q);
    i = end;
  }
  return quotes;
}

/** A label at the start of a quoted block ("R12: …") or an attribution at its end ("… (cliënt, 45)", "… — a parent"). */
export function blockAttribution(text: string): string | undefined {
  const t = text.trim();
  const start = /^([\p{L}][\p{L}\p{N} .'’-]{0,30}?)\s*:\s+\S/u.exec(t);
  if (start && start[1]!.split(/\s+/).length <= 4 && BLOCK_LABEL.test(start[1]!)) return start[1]!.trim();
  const end = /(?:\(([^()]{1,60})\)|[—–]\s*([\p{L}][^.\n“”"]{0,60}))[.!?]?\s*$/u.exec(t);
  if (end) {
    const a = (end[1] ?? end[2] ?? '').trim();
    if (a && !NOT_ATTRIBUTION.test(a)) return a;
  }
  return undefined;
}

/** Whether a text holds first-person words (ik, mijn, we; I, my, we). */
export function hasFirstPerson(text: string, language: Language): boolean {
  return FIRST_PERSON[language].test(text);
}

/** A blockquote block is speech when it holds first-person words or names its speaker. */
export function isSpeech(text: string, language: Language): boolean {
  return FIRST_PERSON[language].test(text) || blockAttribution(text) !== undefined;
}

/** Whether a text holds the first person singular (ik, mijn; I, my): a respondent's own words, not the authors' "we". */
export function hasFirstPersonSingular(text: string, language: Language): boolean {
  return FIRST_PERSON_SINGULAR[language].test(text);
}

/** Whether a paragraph ends in a person attribution in parentheses ("… (R12)", "… (cliënt, 45)"): with first-person words it is a quotation set off without marks. */
export function endsWithPersonAttribution(text: string): boolean {
  // The expression ends in ")" and white space (trimEnd's white space is the expression's \s): most paragraphs end otherwise.
  const trimmed = text.trimEnd();
  if (trimmed.charCodeAt(trimmed.length - 1) !== 41 /* ) */) return false;
  return ATTRIBUTED_PARAGRAPH.test(text);
}
