import type { Language } from '../types.js';

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
}

/** Opening marks and the marks that close them. Two-character marks are LaTeX (``…'') and old Dutch (,,…''). */
const CLOSERS: Record<string, string[]> = {
  '“': ['”', '“'],
  '„': ['”', '“'],
  '«': ['»'],
  '‘': ['’'],
  '"': ['"'],
  "'": ["'"],
  '``': ["''"],
  ',,': ["''", '”'],
};

const FIRST_PERSON = {
  nl: /(^|[^\p{L}])(ik|mij|me|mijn|m'n|we|wij|ons|onze|je|jij|jouw)(?=[^\p{L}]|$)/iu,
  en: /(^|[^\p{L}])(i|me|my|mine|we|us|our|i'm|i've|i'd|i'll|we're|we've|we'd)(?=[^\p{L}]|$)/iu,
};

/** People words that attribute a quote without a number: "“…” Participant describing…", "— a parent". */
const PERSON_WORD = '(?:respondent(?:en)?|respondents?|deelnemers?|participants?|participanten|cliënt(?:en)?|client(?:s)?|klant(?:en)?|inwoners?|bewoners?|ouders?|parents?|mothers?|fathers?|moeder|vader|interviewees?|geïnterviewden?|ervaringsdeskundigen?|patiënt(?:en)?|patients?|residents?|users?|gebruikers?|carers?|mantelzorgers?|jongeren|young (?:person|people)|service users?|claimants?|aanvragers?)';

const ATTRIBUTION = new RegExp(
  '^\\s*[,.]?\\s*(' +
    '\\((?:[^()]{1,60})\\)' + // (cliënt, 45), (Site B), (R12)
    '|[—–]\\s*[\\p{L}][^.\\n“”"]{0,60}' + // — a parent
    '|-\\s+[\\p{L}][^.\\n“”"]{0,60}' + // - een moeder
    '|\\b(?:said|says|zegt|zei|vertelt|vertelde|aldus|explains|explained|adds|added|recalls|recalled)\\s+[\\p{L}][^.,;:!?\\n“”"]{0,40}' + // …,” said one mother
    '|\\b(?:R|P|D|I|C|resp\\.?|respondent|deelnemer|participant|cliënt|client|inwoner|ouder|parent|interviewee|geïnterviewde)\\s*\\d{1,3}\\b' + // R12, deelnemer 3
    `|${PERSON_WORD}\\b` + // Participant describing …
  ')',
  'iu',
);

/** A label before the quote on the same line: "R12: “…”", "Consultant 1: “…”", "Moeder van twee kinderen: “…”". */
const LABEL_BEFORE = /(?:^|\n)[ \t]*(?:[-*•][ \t]+)?([\p{L}][\p{L}\p{N} .,'’()-]{0,40}?)[ \t]*:[ \t]*$/u;

/** A label names a person: it has a number (R12, Consultant 1) or a word for a person. */
const LABEL_PERSON = new RegExp(`^(?:[A-Z]{1,2}|resp\\.?|nr\\.?|no\\.?)\\s*-?\\d{1,3}$|\\b${PERSON_WORD}\\b|\\b(?:consultants?|professionals?|medewerkers?|klantmanagers?|consulenten?|caseworkers?|staff|coach|manager|nurse|verpleegkundige|arts|doctor|physician|teacher|docent|leraar|interviewer|onderzoeker|researcher)\\b`, 'iu');

/** A verb of saying before the quote: "Een cliënt vertelt: “…”", "As one parent put it, “…”". */
const SAID_BEFORE = /\b(zegt|zei|zeiden|zeggen|vertelt|vertelde|vertelden|vertellen|aldus|volgens|antwoordt|antwoordde|reageert|reageerde|vraagt|vroeg|vroegen|legt uit|legde uit|geeft aan|gaf aan|gaven aan|merkt op|merkte op|schrijft|schreef|verwoordt|verwoordde|says|said|say|told|tells|tell|explained|explains|put it|noted|notes|commented|comments|remarked|reported|asked|asks|added|adds|described|describes|recalled|answered|wrote|writes|stated|states|mentioned|shared)\b[^.!?]{0,40}[:,]?\s*$/iu;

/** Words right before a quotation that make it a name, not speech: de knop 'Opslaan', the page “Apply”. */
const NAME_BEFORE = /\b(label|labels|knop|knoppen|pagina|pagina's|link|linkje|titel|kop|kopje|tab|menu|veld|velden|scherm|tekst|woord|woorden|term|termen|begrip|vraag|vragen|optie|opties|categorie|sectie|hoofdstuk|rapport|boek|artikel|programma|project|campagne|thema|stap|melding|button|buttons|page|pages|field|fields|screen|title|heading|word|words|term|terms|phrase|option|options|menu|section|chapter|report|book|article|programme|program|project|campaign|theme|step|message|called|named|genaamd|heet|heten|noemen|noemt|termed|so-called|zogenaamde|zogenoemde|(?:klikt|klikte|klikten|klikken|klik|tikt|tikte|drukt|drukte|drukken|kiest|koos|kozen|kiezen|clicks?|clicked|taps?|tapped|presse[sd]|press|selects?|selected|chooses?|chose)(?:\s+(?:op|on|de|het|the))*)\s*$/iu;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** The opening mark at i, if any ('' when none). */
function openingAt(text: string, i: number): string {
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

/** Quotations in a block: speech when first-person or attributed, otherwise scare quotes or titles. */
export function findQuotes(text: string, language: Language): Quote[] {
  const quotes: Quote[] = [];
  let i = 0;
  const candidate = /[“„«‘"'`,]/g;
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
    let close = -1;
    let closeLength = 1;
    for (let j = i + open.length; j < text.length; j++) {
      const c = text[j]!;
      if (c === '\n' && text[j + 1] === '\n') break;
      const hit = closers.find((x) => text.startsWith(x, j));
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
    const firstPerson = FIRST_PERSON[language].test(inner) || (FIRST_PERSON[other].test(inner) && words > 3);
    const q: Quote = { start: i, end, speech: false };
    const att = ATTRIBUTION.exec(after);
    const label = LABEL_BEFORE.exec(before);
    const said = SAID_BEFORE.test(before);
    if (att && !/^\(\s*\d/.test(att[1]!)) {
      q.attribution = att[1]!.trim();
      q.attributionAt = 'after';
    } else if (label && label[1]!.split(/\s+/).length <= 5 && LABEL_PERSON.test(label[1]!) && !SAID_BEFORE.test(label[1]! + ':')) {
      q.attribution = label[1]!.trim();
      q.attributionAt = 'label';
    } else if (said) {
      q.attributionAt = 'lead-in';
    }
    // A name in capitals ("American Psychiatric Association") or after a word that names things.
    const named = NAME_BEFORE.test(before) || (words <= 6 && !FIRST_PERSON[language].test(inner) && inner.split(/\s+/).filter((w) => /[\p{L}]/u.test(w)).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(of|the|and|for|van|de|het|en|voor|der)$/i.test(w)));
    // First person or a named speaker: three words make speech; a verb of saying alone needs four
    // ("gaf aan 'datum 1e toelating' niet te begrijpen" quotes a term, not speech).
    q.speech = !named && ((words >= 3 && (firstPerson || q.attributionAt === 'after' || q.attributionAt === 'label')) || (words >= 4 && q.attributionAt === 'lead-in'));
    quotes.push(q);
    i = end;
  }
  return quotes;
}

/** A label at the start of a quoted block ("R12: …") or an attribution at its end ("… (cliënt, 45)", "… — a parent"). */
export function blockAttribution(text: string): string | undefined {
  const t = text.trim();
  const start = /^([\p{L}][\p{L}\p{N} .'’-]{0,30}?)\s*:\s+\S/u.exec(t);
  if (start && start[1]!.split(/\s+/).length <= 4 && /\d|^(?:respondent|deelnemer|participant|cliënt|client|klant|inwoner|bewoner|ouder|parent|moeder|vader|mother|father|patiënt|patient|interviewee|geïnterviewde|consultant|professional|medewerker|klantmanager|caseworker)/iu.test(start[1]!)) return start[1]!.trim();
  const end = /(?:\(([^()]{1,60})\)|[—–]\s*([\p{L}][^.\n“”"]{0,60}))[.!?]?\s*$/u.exec(t);
  if (end) {
    const a = (end[1] ?? end[2] ?? '').trim();
    if (a && !/^(\d|zie\b|see\b|cf\b|vgl\b|bron\b|source\b|p\.|blz)/i.test(a)) return a;
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
