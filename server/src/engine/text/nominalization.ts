import type { Language } from '../types.js';
import type { Sentence } from './sentences.js';
import { pairs, words as lexiconWords, wordSet } from './lexicon.js';

export interface NominalMatch {
  /** Word indices in the sentence, inclusive. */
  from: number;
  to: number;
  kind: 'infinitive-noun' | 'empty-verb' | 'dense';
  /** The phrase found, lower case. */
  phrase: string;
  /** A verb to use instead, when the phrase has one. */
  verb?: string;
}

/**
 * Empty verbs with an action noun (naamwoordstijl). Keys are word sequences; the value is
 * the verb that says the same, where one exists. Forms of the empty verb are listed
 * explicitly so that "vond plaats" and "vindt plaats" both match.
 */
const NL_EMPTY_VERB = pairs('nl', 'nominalization', 'emptyVerbs');

const EN_EMPTY_VERB = pairs('en', 'nominalization', 'emptyVerbs');

function phraseIndex(list: Array<[string, string | undefined]>): Map<string, Array<{ words: string[]; verb: string | undefined }>> {
  const m = new Map<string, Array<{ words: string[]; verb: string | undefined }>>();
  for (const [phrase, verb] of list) {
    const words = phrase.split(' ');
    const first = words[0]!;
    if (!m.has(first)) m.set(first, []);
    m.get(first)!.push({ words, verb });
  }
  return m;
}

const EMPTY = { nl: phraseIndex(NL_EMPTY_VERB), en: phraseIndex(EN_EMPTY_VERB) };

// Action-noun endings and the lexicalised words that end the same way but name a thing.
const NL_ACTION = new RegExp(`(?:${lexiconWords('nl', 'nominalization', 'actionSuffixes').join('|')})$`);
const NL_LEXICALISED = wordSet('nl', 'nominalization', 'lexicalised');
/** The Dutch lexicalised words that can end a compound (six letters or more), as a list: read for every Dutch action noun. */
const NL_LEXICALISED_TAILS = [...NL_LEXICALISED].filter((l) => l.length >= 6);
// Not -ity: equality, creativity, sanctity are made from adjectives, not from verbs.
const EN_ACTION = new RegExp(`(?:${lexiconWords('en', 'nominalization', 'actionSuffixes').join('|')})$`);
const EN_LEXICALISED = wordSet('en', 'nominalization', 'lexicalised');

/**
 * Naamwoordstijl in a sentence: "het X-en van" (het verstrekken van), an empty verb with an
 * action noun (vindt plaats, geeft uitvoering aan; make a decision), and sentences with
 * three or more action nouns.
 */
export function findNominalizations(s: Sentence, language: Language): NominalMatch[] {
  const out: NominalMatch[] = [];
  const words = s.words;
  const index = EMPTY[language];
  for (let i = 0; i < words.length; i++) {
    const candidates = index.get(words[i]!.lower);
    if (!candidates) continue;
    for (const c of candidates) {
      if (i + c.words.length > words.length) continue;
      let ok = true;
      for (let k = 1; k < c.words.length; k++) {
        if (words[i + k]!.lower !== c.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        const m: NominalMatch = { from: i, to: i + c.words.length - 1, kind: 'empty-verb', phrase: c.words.join(' ') };
        if (c.verb) m.verb = c.verb;
        out.push(m);
        i += c.words.length - 1;
        break;
      }
    }
  }
  if (language === 'nl') {
    // het (adjective)? X-en van: "het verstrekken van", "het tijdig aanvragen van".
    for (let i = 0; i + 2 < words.length; i++) {
      if (words[i]!.lower !== 'het') continue;
      for (let gap = 1; gap <= 2; gap++) {
        const verb = words[i + gap];
        const van = words[i + gap + 1];
        if (!verb || !van || van.lower !== 'van') continue;
        if (/[^aeiou]en$/.test(verb.lower) && verb.lower.length > 5 && !verb.capitalised) {
          out.push({ from: i, to: i + gap + 1, kind: 'infinitive-noun', phrase: words.slice(i, i + gap + 2).map((w) => w.lower).join(' ') });
          break;
        }
      }
    }
  }
  const action = language === 'nl' ? NL_ACTION : EN_ACTION;
  const lex = language === 'nl' ? NL_LEXICALISED : EN_LEXICALISED;
  const nouns: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.letters <= 6 || w.capitalised && i > 0) continue;
    const lower = w.lower;
    if (!action.test(lower) || lex.has(lower)) continue;
    // A lexicalised word at the end of a compound (jeugdzorgopleiding) is still a thing.
    let compoundOfThing = false;
    // Only whole words of six letters or more count as the tail, after a head of four letters or more:
    // "verbetering" is not a compound of "ring", nor "coördinatie" of "natie", nor "verlening" of "lening".
    if (language === 'nl') {
      for (let k = 0; k < NL_LEXICALISED_TAILS.length; k++) {
        const l = NL_LEXICALISED_TAILS[k]!;
        if (lower.length >= l.length + 4 && lower.endsWith(l)) {
          compoundOfThing = true;
          break;
        }
      }
    }
    if (!compoundOfThing) nouns.push(i);
  }
  if (nouns.length >= 2) {
    out.push({ from: nouns[0]!, to: nouns[nouns.length - 1]!, kind: 'dense', phrase: nouns.map((i) => words[i]!.lower).join(', ') });
  }
  return out;
}
