import type { Language } from '../types.js';

export interface Quote {
  /** Offsets in block text, including the quotation marks. */
  start: number;
  end: number;
  /** Holds first-person speech (ik, mijn, we; I, my, we) or is attributed to a person. */
  speech: boolean;
  /** The attribution that follows or precedes it: "(cliënt, 45)", "R12", "— a parent". */
  attribution?: string;
}

const PAIRS: Array<[string, string]> = [
  ['“', '”'], ['„', '”'], ['„', '“'], ['«', '»'], ['‘', '’'], ['"', '"'],
];
const FIRST_PERSON = {
  nl: /(^|[^\p{L}])(ik|mij|me|mijn|m'n|we|wij|ons|onze|je|jij|jouw)(?=[^\p{L}]|$)/iu,
  en: /(^|[^\p{L}])(i|me|my|mine|we|us|our|i'm|i've|i'd|we're|we've)(?=[^\p{L}]|$)/iu,
};
const ATTRIBUTION = /^\s*[,.]?\s*(\((?:[^()]{1,60})\)|[—–-]\s*[\p{L}][^.\n]{0,60}|\b(?:R|P|D|I|C|resp\.?|respondent|deelnemer|participant|cliënt|client|inwoner|ouder|parent|interviewee|geïnterviewde)\s*\d{1,3}\b)/iu;

/** Quotations in a block: speech when first-person or attributed, otherwise scare quotes or titles. */
export function findQuotes(text: string, language: Language): Quote[] {
  const quotes: Quote[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const pair = PAIRS.find((p) => p[0] === ch);
    if (!pair) {
      i++;
      continue;
    }
    // A straight or single quote inside a word is an apostrophe (cliënt's, don't).
    if ((ch === '‘' || ch === '"') && i > 0 && /\p{L}/u.test(text[i - 1]!)) {
      i++;
      continue;
    }
    let close = -1;
    for (let j = i + 1; j < text.length; j++) {
      const c = text[j]!;
      if (c === pair[1] && !(c === '’' && /\p{L}/u.test(text[j + 1] ?? ''))) {
        close = j;
        break;
      }
      if (c === '\n' && text[j + 1] === '\n') break;
    }
    if (close < 0) {
      i++;
      continue;
    }
    const inner = text.slice(i + 1, close);
    const after = text.slice(close + 1, close + 80);
    const before = text.slice(Math.max(0, i - 60), i);
    const att = ATTRIBUTION.exec(after);
    const words = inner.split(/\s+/).filter(Boolean).length;
    const firstPerson = FIRST_PERSON[language].test(inner) || FIRST_PERSON[language === 'nl' ? 'en' : 'nl'].test(inner) && words > 3;
    const saidBefore = /(zegt|zei|vertelt|vertelde|aldus|volgens|says|said|told|explained|put it)[^.]{0,40}[:,]?\s*$/i.test(before);
    const q: Quote = { start: i, end: close + 1, speech: words >= 3 && (firstPerson || !!att || saidBefore) };
    if (att) q.attribution = att[1]!.trim();
    quotes.push(q);
    i = close + 1;
  }
  return quotes;
}

/** A blockquote block is speech when it holds first-person words. */
export function isSpeech(text: string, language: Language): boolean {
  return FIRST_PERSON[language].test(text);
}
