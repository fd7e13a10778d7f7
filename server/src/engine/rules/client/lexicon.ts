import type { Language } from '../../types.js';
import type { DictionaryEntry } from '../../vocabulary/dictionary.js';
import { Lexicon, LexiconPair, normalizePhrase, normalizeWord } from '../../vocabulary/lexicon.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { clientWords, methodPhrases } from '../../text/client-words.js';
import type { Word } from '../../text/sentences.js';

/**
 * Who a word names. `participant` words (respondents, users, deelnemers) name the people a
 * study heard from: whether they are clients or professionals, the document's method decides.
 */
export type PeopleKind = 'client' | 'professional' | 'participant';

export interface PeopleHit {
  kind: PeopleKind;
  /** Dictionary entry id, or `builtin:<word>` for Brug's own lists. */
  id: string;
  /** A participant word that counts as a client when the document does not say who took part (deelnemers in the social domain). */
  clientByDefault?: boolean;
  /** A generic word for people (mensen, people, the public): only a subject of statements, never counted as a mention. */
  subjectOnly?: boolean;
  /** Words (normalised phrases) that, within three words of the people word, make it name others ("studenten verpleegkunde": professionals in training). */
  unless?: string[][];
}

export type CueKind = 'voice' | 'experience' | 'method' | 'involvement';

export interface CueHit {
  kind: CueKind;
  id: string;
  /** A method that names clients itself: "interviews met cliënten", "inwonersenquête", "patient survey". */
  namesClients?: boolean;
  /** A method word that only counts in a method section: recruited, uitgenodigd. */
  methodSectionOnly?: boolean;
  /** A verb: the people right after it are the ones it was used with ("we interviewed 20 parents"). */
  verb?: boolean;
}

export interface ClientLexicons {
  people: Lexicon<PeopleHit>;
  cues: Lexicon<CueHit>;
  /** Both lexicons in one pass over a sentence (the analyzer's per-sentence look-up). */
  peopleAndCues: LexiconPair<PeopleHit, CueHit>;
}

/** Words on either side of a people word within which its `unless` words count. */
const UNLESS_WINDOW = 3;

/** Whether one of a people word's `unless` phrases stands within three words of it ("studenten verpleegkunde", "nursing students"). */
export function unlessNear(words: Word[], from: number, to: number, phrases: string[][]): boolean {
  const lo = Math.max(0, from - UNLESS_WINDOW);
  const hi = Math.min(words.length - 1, to + UNLESS_WINDOW);
  for (const phrase of phrases) {
    for (let i = lo; i + phrase.length - 1 <= hi; i++) {
      if (i + phrase.length - 1 >= from && i <= to) continue;
      if (phrase.every((w, k) => normalizeWord(words[i + k]!.lower) === w)) return true;
    }
  }
  return false;
}

const compiled = new WeakMap<Vocabulary, Partial<Record<Language, ClientLexicons>>>();

function formsOf(e: DictionaryEntry): string[] {
  return [e.term, ...(e.forms ?? [])];
}

/**
 * The client-perspective lexicons of one language: people words (client, professional,
 * participant) and cue words (voice, experience, method, involvement), from the loaded
 * client dictionaries plus Brug's method phrases (dictionaries/client). Compiled once per vocabulary.
 */
export function clientLexicons(vocabulary: Vocabulary, language: Language): ClientLexicons {
  let byLang = compiled.get(vocabulary);
  if (!byLang) compiled.set(vocabulary, (byLang = {}));
  const hit = byLang[language];
  if (hit) return hit;

  const people = new Lexicon<PeopleHit>();
  const cues = new Lexicon<CueHit>();
  const entries: DictionaryEntry[] = [];
  const seen = new Set<string>();
  for (const d of vocabulary.of(language, 'client')) {
    for (const e of d.entries ?? []) {
      if (!e.role || seen.has(e.id)) continue;
      seen.add(e.id);
      entries.push(e);
    }
  }
  // Participant and generic person words first: for the same phrase the first entry wins, and
  // "deelnemers" must be resolved by the document's method, not fixed as a client word.
  for (const e of entries) {
    if (e.role !== 'participant' && e.role !== 'person') continue;
    for (const f of formsOf(e)) {
      const h: PeopleHit = { kind: 'participant', id: e.id };
      if (e.clientByDefault) h.clientByDefault = true;
      if (e.role === 'person') h.subjectOnly = true;
      if (e.unless) h.unless = e.unless.map(normalizePhrase);
      people.add(f, h, e.compound ?? 'none');
    }
  }
  const clientStems: string[] = [];
  for (const e of entries) {
    if (e.role !== 'client' && e.role !== 'professional') continue;
    for (const f of formsOf(e)) {
      people.add(f, { kind: e.role, id: e.id, ...(e.unless ? { unless: e.unless.map(normalizePhrase) } : {}) }, e.compound ?? 'none');
      if (e.role === 'client') {
        const n = normalizeWord(f);
        if (n.length >= 5 && !n.includes(' ')) clientStems.push(n.replace(/(en|s)$/, ''));
      }
    }
  }
  // Stems that are not client words on their own but mark a method as one among clients.
  clientStems.push(...clientWords(language, 'methods', 'clientStems'));
  const namesClients = (phrase: string): boolean => {
    const n = normalizeWord(phrase);
    return clientStems.some((s) => n.includes(s));
  };
  for (const e of entries) {
    if (e.role === 'client' || e.role === 'professional' || e.role === 'participant' || e.role === 'person') continue;
    for (const f of formsOf(e)) {
      const h: CueHit = { kind: e.role as CueKind, id: e.id };
      if (e.role === 'method' && namesClients(f)) h.namesClients = true;
      cues.add(f, h, e.compound ?? 'none');
    }
  }
  // Brug's own method phrases (dictionaries/client/<language>/methods): the structural words of research reports.
  for (const m of methodPhrases(language)) {
    const h: CueHit = { kind: 'method', id: `builtin:${m.phrase}` };
    if (m.methodSectionOnly) h.methodSectionOnly = true;
    if (m.verb) h.verb = true;
    cues.add(m.phrase, h, m.compound ?? 'none');
  }
  const result = { people, cues, peopleAndCues: new LexiconPair(people, cues) };
  byLang[language] = result;
  return result;
}
