import type { Language } from '../../types.js';
import type { AnalysedBlock, BlockAnalyzer } from '../types.js';
import type { Sentence, Word } from '../../text/sentences.js';
import type { LexiconMatch } from '../../vocabulary/lexicon.js';
import { normalizeWord, WordFilter, wordNorm } from '../../vocabulary/lexicon.js';
import { blockAttribution, findQuotes, hasFirstPerson, hasFirstPersonSingular, isSpeech } from '../../text/quotes.js';
import { alternation, clientPairs, clientWords, clientWordSet, clientWordsAnyLanguage } from '../../text/client-words.js';
import type { Quote } from '../../text/quotes.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { clientLexicons, unlessNear } from './lexicon.js';
import type { ClientLexicons, CueHit, PeopleHit, PeopleKind } from './lexicon.js';

/** Who speaks or is meant: a people kind, or nobody the text names. */
export type Speaker = PeopleKind | 'unknown';

export interface Span {
  /** Block-text offsets. */
  start: number;
  end: number;
  /** The words as written (a sentence, a quotation), shortened for messages. */
  text: string;
}

/** The words between a client word and an organisation that make the organisation the clients' place: "of the", "van het". */
const PLACE_OF = /^(?:of|from|at|in)(?: (?:the|a|an|their|this|that|one|two|three|four|five|six|seven|eight|nine|ten|\d+))?$|^(?:van|uit|bij|in)(?: (?:het|de|een|hun|dit|deze|dat|die|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d+))?$/;

/** A sentence that says how data were collected, and from whom. */
export interface MethodFact extends Span {
  /** The method words that matched. */
  cue: string;
  /** People named with the method (in its clause). */
  subjects: PeopleKind[];
  /** The method itself names clients: "interviews met cliënten", "patient survey". */
  namesClients: boolean;
  /** "Klanten zijn niet geïnterviewd", "participants were not interviewed". */
  negated: boolean;
  /** Not done (yet): future, modal, a question, a recommendation. */
  planned: boolean;
  /** The sentence ends in a colon: the people follow in a list. */
  listIntro: boolean;
  /** Counted only in a method section (recruited, uitgenodigd). */
  methodSectionOnly: boolean;
}

export interface InvolvementFact extends Span {
  cue: string;
  negated: boolean;
}

/** A sentence that reports what people said (voice) or experienced, need or feel (experience). */
export interface StatementFact extends Span {
  kind: 'voice' | 'experience';
  speaker: Speaker;
  cue: string;
  /** The subject is a generic word for people ("the majority of people were supportive"): it counts only when the method heard clients. */
  generic?: boolean;
}

export interface QuoteFact extends Span {
  speaker: Speaker;
  attribution?: string;
  /** The quotation is the whole block (a blockquote, a list item of a quote). */
  whole: boolean;
  /** A citation follows the quotation ("…" (Smith, 2004), "…"[^12], \\cite{…}): it quotes the literature. */
  cited?: boolean;
  /** The speaker comes from a label before it ("Quote deelnemer:", "R12:"). */
  labelled?: boolean;
}

export interface ClientFacts {
  /** The block counts for word statistics (paragraph, list item, footnote). */
  prose: boolean;
  heading: boolean;
  words: number;
  client: number;
  professional: number;
  participant: number;
  /** Of `participant`: words that count as clients when the document does not say who took part. */
  participantClientByDefault: number;
  /** Client and professional words as written, lower case, with counts. */
  terms: Record<string, { kind: PeopleKind; count: number; display: string; clientByDefault?: boolean }>;
  methods: MethodFact[];
  involvement: InvolvementFact[];
  statements: StatementFact[];
  quotes: QuoteFact[];
  /** The block cites the literature (in its own text): its statements report others' findings. */
  literature: boolean;
  /** Words that address the reader (you, your; u, uw, jij) outside quotations: a guide speaks to its reader. */
  readerAddress?: number;
  /** The block ends in a colon after naming people ("Inwoners zeiden:"): whom the quotations that follow belong to. */
  introduces?: PeopleKind;
  /** The block is a question ("Speelt u wel eens bingo?"): a first-person block after it answers it. */
  question?: boolean;
  /** The block speaks in the first person outside quotation marks ("Ja, ik speel graag bingo."). */
  firstPerson?: boolean;
  /** A short label without a sentence ("**Positive experiences**"): it does not end a lead-in. */
  label?: boolean;
}

/** The function words and method links of dictionaries/client/<language>/, per language. */
interface Words {
  negation: Set<string>;
  planned: Set<string>;
  /** A multi-word plan ("going to"). */
  plannedPhrase?: RegExp;
  /** Words that state an aim: the sentence says what a study wants to do, not what it did or heard. */
  aim: Set<string>;
  /** A sentence about the report itself ("This section provides …", "zie hoofdstuk 2") reports nothing the study heard. */
  meta: RegExp;
  /** Words that end the clause a method or experience word belongs to. */
  boundary: Set<string>;
  /** Words that name the speaker of a whole sentence (volgens X, according to X), by their first word. */
  according: Map<string, string[][]>;
  /** Dutch separable verbs of saying: "geven de professionals aan dat…", "merkte een bewoner op". */
  separable: Array<[Set<string>, string]>;
  separableVerbs: Set<string>;
  /** "mensen met schulden", "people with debts". */
  peopleWith: { heads: Set<string>; next: Set<string> };
  /** Prepositions that link a method to the people it was used with: interviews met cliënten, a survey of parents. */
  methodPrepositions: Set<string>;
  /** Auxiliaries of the passive: the people before them were interviewed, not the interviewers. */
  passiveAux: Set<string>;
  /** Prepositions that name who has an experience after the word: "irritatie bij de aanvrager", "unclear to applicants". */
  experiencePrepositions: Set<string>;
  determiners: Set<string>;
  /** Words that address the reader: "you", "your"; "u", "uw", "jij". */
  readerAddress: RegExp;
  /** The words that start a separable verb, an "according to" phrase or a "people with" pattern, with those marks (one look-up a word). */
  marks: Map<string, number>;
  /** The marked words, for a quick "no" before the map. */
  markFilter: WordFilter;
}

/** Marks of a word (Words.marks): a separable verb of saying, the first word of an "according to" phrase, a head of "people with". */
const SEPARABLE = 1;
const ACCORDING = 2;
const PEOPLE_WITH = 4;
/** A word that states an aim (Words.aim), a word of a plan (Words.planned). */
const AIM = 8;
const PLANNED = 16;

function wordsOfLanguage(language: Language): Words {
  const fw = (list: string) => clientWordSet(language, 'function-words', list);
  const planned = clientWords(language, 'function-words', 'planned');
  const phrases = planned.filter((w) => w.includes(' '));
  const according = new Map<string, string[][]>();
  for (const phrase of clientWords(language, 'function-words', 'according')) {
    const parts = phrase.split(' ');
    according.set(parts[0]!, [...(according.get(parts[0]!) ?? []), parts]);
  }
  const separable = language === 'nl' ? clientPairs(language, 'function-words', 'separable').map(([forms, particle]): [Set<string>, string] => [new Set(forms.split(' ')), particle]) : [];
  const meta = (list: string) => alternation(clientWords(language, 'function-words', list));
  const w: Words = {
    negation: fw('negation'),
    planned: new Set(planned.filter((x) => !x.includes(' '))),
    aim: fw('aim'),
    meta: new RegExp(`\\b(?:(?:${meta('metaPointers')}) (?:${meta('metaNouns')})|(?:${meta('seeWords')}) (?:${meta('seeNouns')}))\\b`, 'i'),
    boundary: fw('boundary'),
    according,
    separable,
    separableVerbs: new Set(separable.flatMap(([v]) => [...v])),
    peopleWith: { heads: fw('peopleWithHeads'), next: fw('peopleWithNext') },
    methodPrepositions: clientWordSet(language, 'methods', 'prepositions'),
    passiveAux: clientWordSet(language, 'methods', 'passiveAuxiliaries'),
    experiencePrepositions: fw('experiencePrepositions'),
    determiners: fw('determiners'),
    marks: new Map(),
    markFilter: new WordFilter([]),
    readerAddress: new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alternation(clientWords(language, 'function-words', 'readerAddress'))})(?![\\p{L}\\p{N}-])`, 'giu'),
  };
  if (phrases.length) w.plannedPhrase = new RegExp(`\\b(?:${alternation(phrases)})\\b`, 'i');
  const mark = (word: string, m: number) => w.marks.set(word, (w.marks.get(word) ?? 0) | m);
  for (const v of w.separableVerbs) mark(v, SEPARABLE);
  for (const first of according.keys()) mark(first, ACCORDING);
  for (const h of w.peopleWith.heads) mark(h, PEOPLE_WITH);
  for (const a of w.aim) mark(a, AIM);
  for (const p of w.planned) mark(p, PLANNED);
  w.markFilter = new WordFilter(w.marks.keys());
  return w;
}

const WORDS: Record<Language, Words> = { nl: wordsOfLanguage('nl'), en: wordsOfLanguage('en') };

/** "mensen met wie", "people with whom", "people with 20 years of experience": not a group of people served. */
const PEOPLE_WITH_NOT = new Set(clientWordsAnyLanguage('function-words', 'peopleWithNot'));

/** Words that may stand between the people and the method verb: numbers, modal verbs, negation ("cliënten moeten interviewen", "twaalf ouders niet gesproken"). */
const BETWEEN_OK = new Set(clientWordsAnyLanguage('methods', 'between'));

/** Method words whose subject is the one taking part: "18 ouders deden mee", "parents took part". */
const PARTICIPATION = new RegExp(alternation(clientWordsAnyLanguage('methods', 'participation')));

/** Words that mark research: involvement counts when the sentence is about the research. */
const RESEARCH = new RegExp(`${alternation(clientWordsAnyLanguage('methods', 'research'))}|\\b(?:${alternation(clientWordsAnyLanguage('methods', 'researchWords'))})\\b`);

/** A citation in a sentence: the statement reports the literature, not the study's own people. */
const CITATION = /\\\w*cite\w*\s*[{[]|\(\s*(?:[\p{Lu}][^()]{0,80}?[\s,]|)(?:19|20)\d\d[a-z]?\s*[;,)]|\[\d+(?:\s*[,–-]\s*\d+)*\]/u;

const MAX_TEXT = 200;

function shorten(s: string, max = MAX_TEXT): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

interface PeopleAt {
  kind: PeopleKind;
  from: number;
  to: number;
  start: number;
  end: number;
  clientByDefault?: boolean;
  /** "mensen met …", "people with …": a pattern, not a dictionary word. */
  pattern?: boolean;
  /** A generic word for people (mensen, the public): a possible subject of a statement, never counted. */
  subjectOnly?: boolean;
}

interface CueAt {
  hit: CueHit;
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
}

function isNegation(w: string, language: Language): boolean {
  return WORDS[language].negation.has(w) || (language === 'en' && w.endsWith("n't"));
}

/** Simple word tokens of a short string, for attributions. */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const t = m[0];
    // The same fields in the same order as sentences.ts makes a word, `norm` too (speed only: one hidden class for every word
    // the lexicons read; a word without the slot got one when normalised, a class that died with the word).
    out.push({ start: m.index, end: m.index + t.length, text: t, lower: t.toLowerCase(), letters: t.length, isNumber: !/\p{L}/u.test(t), isAcronym: false, capitalised: /^\p{Lu}/u.test(t), norm: undefined });
  }
  return out;
}

/** Professionals named in an attribution (dictionaries/client/<language>/people.yml): "Consultant 1", "— team leader". */
const PROFESSIONAL_ATTRIBUTION = new RegExp(`\\b(?:${alternation(clientWordsAnyLanguage('people', 'professionals'))})\\b`, 'i');

/** Who an attribution names: (cliënt, 45) → client, R12 → participant, Consultant 1 → professional. */
export function speakerOfAttribution(attribution: string, lex: ClientLexicons): Speaker {
  const a = attribution.replace(/^[(—–-]\s*|\)$/g, '').trim();
  if (/\b(1[89]|20)\d\d\b/.test(a)) return 'unknown'; // a citation: (Smith, 2019)
  // A full name ("— Daniel Willingham, Why Students Don't Like School"): an author or an expert;
  // the clients of a study are quoted without their names.
  if (/^\p{Lu}[\p{Ll}'’-]+\s+(?:(?:van|de|der|den|von|van der|van den)\s+)?\p{Lu}[\p{Ll}'’-]+\b/u.test(a) && !lex.people.match(wordsOf(a).slice(0, 2), a).length) return 'unknown';
  const words = wordsOf(a);
  const hits = lex.people.match(words, a);
  if (hits.length) return hits[0]!.payload.kind;
  if (/^(?:[RPIDC]|resp\.?)\s*-?\d{1,3}\b/i.test(a) || /^(?:nr\.?|no\.?)\s*\d/i.test(a)) return 'participant';
  if (PROFESSIONAL_ATTRIBUTION.test(a)) return 'professional';
  return 'unknown';
}

/** People words before or after the words from..to of a sentence, within the same clause and at most `maxDistance` words away. */
function inClause(people: PeopleAt[], words: Word[], text: string, from: number, to: number, language: Language, maxDistance: number): PeopleAt[] {
  const out: PeopleAt[] = [];
  const boundary = WORDS[language].boundary;
  const blocked = (a: number, b: number): boolean => {
    // Anything between word a and word b (exclusive) that ends a clause.
    for (let k = a; k < b; k++) {
      const gap = text.slice(words[k]!.end, words[k + 1]!.start);
      if (/[;:()\[\]—–]|\.\s/.test(gap)) return true;
      if (k > a && boundary.has(normalizeWord(words[k]!.text))) return true;
    }
    return false;
  };
  for (const p of people) {
    if (p.to < from) {
      if (from - p.to > maxDistance) continue;
      if (blocked(p.to, from)) continue;
      out.push(p);
    } else if (p.from > to) {
      if (p.from - to > maxDistance) continue;
      if (blocked(to, p.from)) continue;
      out.push(p);
    } else out.push(p);
  }
  return out;
}

function nearest(people: PeopleAt[], from: number, to: number, preferBefore = true): PeopleAt | undefined {
  let best: PeopleAt | undefined;
  let bestD = Infinity;
  for (const p of people) {
    const d = p.to < from ? from - p.to - (preferBefore ? 0.5 : 0) : p.from > to ? p.from - to : 0;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return best;
}

/**
 * Whether a people word in a method sentence names whom the method was used with, not what
 * the method was about: "interviews met twaalf klantmanagers", "Klanten zijn niet geïnterviewd",
 * "we interviewed 20 parents" — but not "genoemd in de focusgroepen, … het bestand aan cliënten".
 */
function linkedToMethod(p: PeopleAt, cues: CueAt[], norm: string[], language: Language): boolean {
  const preps = WORDS[language].methodPrepositions;
  for (let k = p.from - 1; k >= Math.max(0, p.from - 3); k--) if (preps.has(norm[k]!)) return true;
  for (const c of cues) {
    if (p.to < c.from) {
      const gap = c.from - p.to;
      // "40 cliënten geïnterviewd", "twelve parents interviewed": the people right before the verb.
      if (gap === 1 || (gap === 2 && (/^\d/.test(norm[p.to + 1]!) || BETWEEN_OK.has(norm[p.to + 1]!)))) return true;
      // "Klanten zijn niet geïnterviewd", "participants were interviewed" (passive); "18 parents took part".
      if (gap <= 4) {
        if (PARTICIPATION.test(c.hit.id)) return true;
        for (let k = p.to + 1; k < c.from; k++) if (WORDS[language].passiveAux.has(norm[k]!)) return true;
      }
      continue;
    }
    if (c.hit.verb && p.from > c.to && p.from - c.to <= 3) return true; // we interviewed 20 parents
    if (p.from >= c.from && p.to <= c.to) return true;
  }
  return false;
}

/** A people word right after a cue, or after one determiner: "voelen bewoners zich", "zegt een inwoner". */
function adjacentAfter(p: PeopleAt, c: CueAt, norm: string[], language: Language): boolean {
  if (p.from === c.to + 1) return true;
  return p.from === c.to + 2 && WORDS[language].determiners.has(norm[c.to + 1]!);
}

interface SentenceWork {
  s: Sentence;
  norm: string[];
  people: PeopleAt[];
  cues: CueAt[];
  /** The marks of the sentence's words together (Words.marks). */
  marked: number;
}

/** Where the block holds speech: quotation marks, a quoted block, a labelled or attributed first-person paragraph. */
interface Speech {
  spans: Array<[number, number]>;
  /** The whole block is one quotation. */
  whole: boolean;
  found: Quote[];
  /** "Quote deelnemer: …", "Bewoner 3: …": the speaker a label names. */
  label?: { speaker: Speaker; text: string; rest: number };
  /** Whether the block holds first-person words, when findSpeech had to ask (false: it holds no "ik" or "I" either). */
  firstPerson?: boolean;
}

/** A label before a quotation: "Quote deelnemer:", "Citaat van een bewoner:", "Bewoner 3:". */
const QUOTE_LABEL = new RegExp(`^[\\s>*_•-]*(?:(${alternation(clientWordsAnyLanguage('people', 'quoteLabels'))})\\s+(?:van\\s+(?:een|de)\\s+|from\\s+(?:an?|the)\\s+|of\\s+(?:an?|the)\\s+)?)?([\\p{L}][\\p{L}’' -]{0,30}?)\\s*(\\d{1,3})?\\s*[*_]*\\s*:[*_]*\\s*`, 'iu');

function labelOf(text: string, language: Language, lex: ClientLexicons): Speech['label'] {
  // The label ends in a colon: without one the expression (tried at the start with every length of the label) cannot match.
  if (!text.includes(':')) return undefined;
  const m = QUOTE_LABEL.exec(text);
  if (!m) return undefined;
  const words = wordsOf(m[2]!);
  if (words.length === 0 || words.length > 4) return undefined;
  const hits = lex.people.match(words, m[2]!);
  if (hits.length === 0 || hits[0]!.payload.subjectOnly) return undefined;
  const rest = text.slice(m[0].length);
  // Without a word for quotation, a people word alone labels speech only in the first person or with a number ("Deelnemers: 12 ouders" is a list).
  if (!m[1] && !m[3] && !hasFirstPerson(rest, language)) return undefined;
  return { speaker: hits[0]!.payload.kind, text: m[0].trim(), rest: m[0].length };
}

function findSpeech(ab: AnalysedBlock, lex: ClientLexicons): Speech {
  const text = ab.block.text;
  const language = ab.language;
  const speech: Speech = { spans: [], whole: false, found: [], label: undefined, firstPerson: undefined };
  const label = labelOf(text, language, lex);
  if (label) {
    speech.label = label;
    if (text.length - label.rest > 2) {
      speech.whole = true;
      speech.spans.push([label.rest, text.length]);
      return speech;
    }
  }
  if (ab.block.quoted && isSpeech(text, language)) {
    speech.whole = true;
    speech.spans.push([0, text.length]);
    return speech;
  }
  if (/["'“„«‘`,]/.test(text)) {
    speech.found = findQuotes(text, language).filter((q) => q.speech);
    for (const q of speech.found) speech.spans.push([q.start, q.end]);
  }
  // A quotation set off without quotation marks (in italics, indented): a short first-person
  // paragraph that names its speaker — "Ik wist niet waar ik moest beginnen. (R12)".
  if (speech.found.length === 0 && ab.counts.words <= 150 && (speech.firstPerson = hasFirstPerson(text, language))) {
    const att = blockAttribution(text);
    if (att && speakerOfAttribution(att, lex) !== 'unknown') {
      speech.whole = true;
      speech.spans.push([0, text.length]);
    }
  }
  return speech;
}

/** People words of a sentence, outside speech, plus "mensen met …" / "people with …". */
function peopleOf(s: Sentence, norm: string[], text: string, language: Language, matches: Array<LexiconMatch<PeopleHit>>, insideSpeech: (a: number, b: number) => boolean, peopleWith: boolean): PeopleAt[] {
  const people: PeopleAt[] = [];
  for (const m of matches) {
    if (insideSpeech(m.start, m.end)) continue;
    // A word beside it that makes the people word name others: they are not the people it counts.
    if (m.payload.unless && unlessNear(s.words, m.from, m.to, m.payload.unless)) continue;
    // Every field from the start, in one order (speed only: one hidden class for every people word).
    people.push({ kind: m.payload.kind, from: m.from, to: m.to, start: m.start, end: m.end, clientByDefault: m.payload.clientByDefault ? true : undefined, pattern: undefined, subjectOnly: m.payload.subjectOnly ? true : undefined });
  }
  const pw = WORDS[language].peopleWith;
  // (Only in a sentence with a head word: without one the loop finds nothing.)
  for (let i = 0; peopleWith && i + 1 < norm.length; i++) {
    if (!pw.heads.has(norm[i]!) || !pw.next.has(norm[i + 1]!) || takenAt(people, i)) continue;
    const w = s.words[i]!;
    if (!/^\s+$/.test(text.slice(w.end, s.words[i + 1]!.start))) continue;
    const third = norm[i + 2];
    if (third === undefined || PEOPLE_WITH_NOT.has(third) || /^\d/.test(third)) continue;
    if (insideSpeech(w.start, w.end)) continue;
    // The pattern replaces a generic subject word at the same place ("mensen" in "mensen met schulden").
    for (let k = people.length - 1; k >= 0; k--) if (people[k]!.subjectOnly && people[k]!.from === i) people.splice(k, 1);
    people.push({ kind: 'client', from: i, to: i + 1, start: w.start, end: s.words[i + 1]!.end, clientByDefault: undefined, pattern: true, subjectOnly: undefined });
  }
  people.sort((a, b) => a.from - b.from);
  // "staff interviewees", "professional respondents", "patient participants": the first word says who they are.
  for (let k = 1; k < people.length; k++) {
    const p = people[k]!;
    const before = people[k - 1]!;
    if (p.kind === 'participant' && before.kind !== 'participant' && before.to === p.from - 1) {
      people.splice(k, 1);
      k--;
    }
  }
  return people;
}

/** Whether word i belongs to a people word from the dictionaries that is counted (not a generic subject word, not a pattern). */
function takenAt(people: PeopleAt[], i: number): boolean {
  for (const p of people) if (!p.subjectOnly && !p.pattern && p.from <= i && i <= p.to) return true;
  return false;
}

/** Dutch separable verbs of saying, split over the sentence: "geven de professionals aan dat …". */
function separableCues(s: Sentence, norm: string[], text: string, cues: CueAt[], language: Language): void {
  const { separable, separableVerbs } = WORDS[language];
  for (let i = 0; i < norm.length; i++) {
    if (!separableVerbs.has(norm[i]!)) continue;
    for (const [verbs, particle] of separable) {
      if (!verbs.has(norm[i]!)) continue;
      const parts = particle.split(' ');
      for (let k = i + 2; k < Math.min(norm.length, i + 9); k++) {
        if (!parts.every((p, j) => norm[k + j] === p)) continue;
        const next = norm[k + parts.length];
        const gap = s.words[k + parts.length - 1] ? text.slice(s.words[k + parts.length - 1]!.end, s.words[k + parts.length]?.start ?? s.end) : '';
        if ((next === undefined || next === 'dat' || next === 'te' || /[,:]/.test(gap)) && !cues.some((c) => c.from === i)) {
          cues.push({ hit: { kind: 'voice', id: `builtin:${norm[i]} ${particle}` }, from: i, to: i, start: s.words[i]!.start, end: s.words[i]!.end, text: `${s.words[i]!.text} … ${particle}` });
        }
        break;
      }
    }
  }
}

/** "volgens bewoners", "according to parents": the people named after it speak the sentence. */
function accordingCues(s: Sentence, norm: string[], text: string, language: Language, people: PeopleAt[], cues: CueAt[]): void {
  const according = WORDS[language].according;
  for (let i = 0; i < norm.length; i++) {
    const phrases = according.get(norm[i]!);
    if (!phrases) continue;
    for (const phrase of phrases) {
      if (i + phrase.length > norm.length) continue;
      let ok = true;
      for (let j = 1; j < phrase.length && ok; j++) ok = norm[i + j] === phrase[j];
      if (!ok) continue;
      const to = i + phrase.length - 1;
      const who = people.find((p) => p.from > to && p.from - to <= 4);
      if (!who || cues.some((c) => c.from <= i && c.to >= i)) continue;
      cues.push({ hit: { kind: 'voice', id: `builtin:${phrase.join(' ')}` }, from: i, to, start: s.words[i]!.start, end: s.words[to]!.end, text: text.slice(s.words[i]!.start, s.words[to]!.end) });
      break;
    }
  }
}

/** A word in lower case with typographic apostrophes straightened (sentenceWork). */
function straightLower(w: Word): string {
  return w.lower.includes('’') ? w.lower.replace(/’/g, "'") : w.lower;
}

/** People and cue words per sentence, outside speech. */
function sentenceWork(ab: AnalysedBlock, lex: ClientLexicons, insideSpeech: (a: number, b: number) => boolean): SentenceWork[] {
  const text = ab.block.text;
  const language = ab.language;
  const { marks, markFilter } = WORDS[language];
  const work: SentenceWork[] = [];
  const sentences = ab.sentences;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k]!;
    if (s.words.length === 0) continue;
    // Lower case is enough for Brug's own word sets (they hold no diacritics); typographic apostrophes straightened.
    const norm = s.words.map(straightLower);
    // Which of the word-by-word searches below can find anything here: one look-up a word instead of one a search.
    let marked = 0;
    for (let i = 0; i < norm.length; i++) if (markFilter.mayHold(norm[i]!)) marked |= marks.get(norm[i]!) ?? 0;
    // People and cue words in one pass over the sentence.
    const both = lex.peopleAndCues.match(s.words, text);
    const peopleMatches = both[0];
    const cueMatches = both[1];
    const people = peopleOf(s, norm, text, language, peopleMatches, insideSpeech, (marked & PEOPLE_WITH) !== 0);
    const cues: CueAt[] = [];
    for (let j = 0; j < cueMatches.length; j++) {
      const m = cueMatches[j]!;
      if (insideSpeech(m.start, m.end)) continue;
      cues.push({ hit: m.payload, from: m.from, to: m.to, start: m.start, end: m.end, text: m.text });
    }
    if (marked & SEPARABLE) separableCues(s, norm, text, cues, language);
    if (marked & ACCORDING) accordingCues(s, norm, text, language, people, cues);
    cues.sort((a, b) => a.from - b.from);
    work.push({ s, norm, people, cues, marked });
  }
  return work;
}

/** Mentions and terms of a prose block (generic subject words are not counted). */
function countPeople(facts: ClientFacts, work: SentenceWork[], text: string): void {
  for (const w of work) {
    for (const p of w.people) {
      if (p.subjectOnly) continue;
      if (p.kind === 'client') facts.client++;
      else if (p.kind === 'professional') facts.professional++;
      else {
        facts.participant++;
        if (p.clientByDefault) facts.participantClientByDefault++;
      }
      // One word (a compound too: the whole word) as written is the word's lower case (a word holds no white space), its
      // normal form the one the lexicon looked up.
      let word = p.from === p.to && !p.pattern ? w.s.words[p.from] : undefined;
      if (word && (word.text.length !== p.end - p.start || !text.startsWith(word.text, p.start))) word = undefined;
      const written = word ? word.lower : text.slice(p.start, p.end).toLowerCase().replace(/\s+/g, ' ') + (p.pattern ? ' …' : '');
      const term = word ? wordNorm(word) : normalizeWord(written);
      const t = (facts.terms[term] ??= { kind: p.kind, count: 0, display: written });
      if (p.clientByDefault) t.clientByDefault = true;
      t.count++;
    }
  }
}

interface SentenceContext {
  ab: AnalysedBlock;
  w: SentenceWork;
  sentenceText: string;
  question: boolean;
  /** States an aim ("Het doel van dit onderzoek is…", "This study aims to…"): nothing in it was done or heard yet. */
  aim: boolean;
  planned: boolean;
  negatedNear: (from: number, to: number) => boolean;
  /** shorten(sentenceText), made when a fact first needs it (most sentences with a cue give none). */
  short: string | undefined;
}

/** The sentence's text as facts hold it (shorten), made once per sentence. */
function shortText(c: SentenceContext): string {
  return (c.short ??= shorten(c.sentenceText));
}

function contextOf(ab: AnalysedBlock, w: SentenceWork): SentenceContext {
  const language = ab.language;
  const sentenceText = ab.block.text.slice(w.s.start, w.s.end);
  const question = /\?\s*["'”’)*_]*\s*$/.test(sentenceText);
  // The aim and plan words of the sentence, from the marks its words got in sentenceWork.
  const aim = (w.marked & AIM) !== 0;
  const planned = question || aim || ab.role === 'recommendations' || (w.marked & PLANNED) !== 0 || !!WORDS[language].plannedPhrase?.test(sentenceText);
  const negatedNear = (from: number, to: number) => {
    for (let k = Math.max(0, from - 5); k <= Math.min(w.norm.length - 1, to + 1); k++) if (isNegation(w.norm[k]!, language)) return true;
    return false;
  };
  return { ab, w, sentenceText, question, aim, planned, negatedNear, short: undefined };
}

/** A sentence that says how data were collected (headings count too: "Aanvullingen uit interviews met professionals"). */
function methodFact(c: SentenceContext): MethodFact | undefined {
  const { w, ab } = c;
  const language = ab.language;
  const methodCues = w.cues.filter((x) => x.hit.kind === 'method' && (!x.hit.methodSectionOnly || ab.role === 'method'));
  if (methodCues.length === 0) return undefined;
  const first = methodCues[0]!;
  const last = methodCues[methodCues.length - 1]!;
  const candidates = w.people.filter((p) => !p.subjectOnly);
  const linked = inClause(candidates, w.s.words, ab.block.text, first.from, last.to, language, 10).filter((p) => linkedToMethod(p, methodCues, w.norm, language));
  // "three residents of the care home", "bewoners van het woonzorgcentrum", "inwoners van de gemeente": the organisation
  // after a client word says where those clients live or are served; it is no second group that took part.
  // The client word stands for the phrase ("Drie bewoners van het woonzorgcentrum werden geïnterviewd").
  const around = linked.map((p) => (p.kind === 'professional' && candidates.find((c) => c.kind === 'client' && c.to < p.from && PLACE_OF.test(w.norm.slice(c.to + 1, p.from).join(' ')))) || p);
  return {
    start: w.s.start,
    end: w.s.end,
    text: shortText(c),
    cue: methodCues.map((x) => x.text).join(', '),
    subjects: [...new Set(around.map((p) => p.kind))],
    namesClients: methodCues.some((x) => x.hit.namesClients),
    negated: methodCues.some((x) => c.negatedNear(x.from, x.to)),
    planned: c.planned,
    listIntro: /:\s*$/.test(c.sentenceText),
    methodSectionOnly: methodCues.every((x) => x.hit.methodSectionOnly),
  };
}

function involvementFacts(c: SentenceContext): InvolvementFact[] {
  const out: InvolvementFact[] = [];
  if (c.question) return out;
  let researchSentence: boolean | undefined;
  for (const cue of c.w.cues) {
    if (cue.hit.kind !== 'involvement') continue;
    researchSentence ??= RESEARCH.test(normalizeWord(c.sentenceText));
    if (!researchSentence && !RESEARCH.test(normalizeWord(cue.text))) continue;
    out.push({ start: c.w.s.start, end: c.w.s.end, text: shortText(c), cue: cue.text, negated: c.negatedNear(cue.from, cue.to) });
  }
  return out;
}

/**
 * Who speaks in a sentence: named after "volgens"/"according to", else the subject before the
 * verb of saying, or right after a one-word verb in inverted order ("zegt een inwoner",
 * "geven de professionals aan"). Quotations in the sentence are theirs.
 */
function speakerOf(c: SentenceContext): { who: PeopleAt; cue: CueAt } | undefined {
  const { w, ab } = c;
  const language = ab.language;
  let found: { who: PeopleAt; cue: CueAt } | undefined;
  for (const cue of w.cues) {
    if (cue.hit.kind !== 'voice') continue;
    if (c.negatedNear(cue.from, cue.to) && cue.hit.id.startsWith('builtin:')) continue;
    const according = cue.hit.id.startsWith('builtin:') && (WORDS[language].according.get(cue.hit.id.slice(8).split(' ')[0]!) ?? []).some((p) => cue.hit.id === `builtin:${p.join(' ')}`);
    const who = according
      ? w.people.find((p) => p.from > cue.to && p.from - cue.to <= 4)
      : nearest(inClause(w.people, w.s.words, ab.block.text, cue.from, cue.to, language, 8).filter((p) => p.to < cue.from || (cue.from === cue.to && adjacentAfter(p, cue, w.norm, language))), cue.from, cue.to);
    if (!who) continue;
    found = { who, cue };
    if (who.kind !== 'professional') break;
  }
  return found;
}

/**
 * The people who experience, feel, need or judge: the subject before the word ("Ouders ervaren…"),
 * right after it in inverted order ("voelen bewoners zich…"), or after a preposition that names
 * who has the experience ("Irritatie bij de aanvrager", "unclear to applicants") — not
 * "de behoeften van mensen met…", which the writer says about them.
 */
function experienceHolder(c: SentenceContext, cue: CueAt): PeopleAt | undefined {
  const { w, ab } = c;
  const language = ab.language;
  const preps = WORDS[language].experiencePrepositions;
  const holders = inClause(w.people, w.s.words, ab.block.text, cue.from, cue.to, language, 8).filter((p) => {
    if (p.to < cue.from || adjacentAfter(p, cue, w.norm, language)) return true;
    // "bij de aanvrager", "to applicants", "voor veel inwoners".
    if (p.from > cue.to && p.from - cue.to <= 4) {
      for (let k = cue.to + 1; k < p.from; k++) if (preps.has(w.norm[k]!)) return true;
    }
    return false;
  });
  return nearest(holders, cue.from, cue.to);
}

/** A statement of what people said (voice) or experienced, need or judge (experience); at most one per sentence. */
function statementOf(c: SentenceContext, voice: { who: PeopleAt; cue: CueAt } | undefined): StatementFact | undefined {
  const { w } = c;
  let statement: StatementFact | undefined;
  if (voice) {
    statement = { kind: 'voice', speaker: voice.who.kind, cue: voice.cue.text, start: w.s.start, end: w.s.end, text: shortText(c), generic: voice.who.subjectOnly ? true : undefined };
  }
  if (statement && statement.speaker !== 'professional') return statement;
  for (const cue of w.cues) {
    if (cue.hit.kind !== 'experience') continue;
    const who = experienceHolder(c, cue);
    if (!who) continue;
    // A professional reporting what clients feel ("volgens klantmanagers schamen klanten zich") stays the professional's word.
    if (statement) break;
    statement = { kind: 'experience', speaker: who.kind, cue: cue.text, start: w.s.start, end: w.s.end, text: shortText(c), generic: who.subjectOnly ? true : undefined };
    if (who.kind !== 'professional') break;
  }
  return statement;
}

/** Methods, involvement, speakers and statements of the block's sentences. */
function sentenceFacts(ab: AnalysedBlock, work: SentenceWork[], facts: ClientFacts, prose: boolean): Map<Sentence, { kind: PeopleKind; at: number }> {
  // A short label without a full stop ("Experience for clients who are unemployed") names a topic; it reports nothing.
  const labelBlock = ab.counts.words <= 10 && !/[.!?]\s*[*_]*\s*$/.test(ab.block.text.trim());
  const voiceOf = new Map<Sentence, { kind: PeopleKind; at: number }>();
  for (const w of work) {
    if (w.cues.length === 0) continue;
    const c = contextOf(ab, w);
    const m = methodFact(c);
    if (m) facts.methods.push(m);
    facts.involvement.push(...involvementFacts(c));
    const voice = speakerOf(c);
    if (voice && !voice.who.subjectOnly) voiceOf.set(w.s, { kind: voice.who.kind, at: voice.cue.end });
    // Statements: running text only, not questions. (Statements in a paragraph that cites the
    // literature are dropped by the document analysis.)
    if (!prose || c.question || c.aim || labelBlock || WORDS[ab.language].meta.test(c.sentenceText)) continue;
    const statement = statementOf(c, voice);
    if (statement) facts.statements.push(statement);
  }
  return voiceOf;
}

/** A citation right after a quotation: "…" (Lessig, 2004), "…"[^3], "…" [12], \cite{…}, [@key]. */
const CITED_AFTER = /^[\s,.;:”"’']*(?:\[\^[^\]]{1,20}\]|\[\d+(?:\s*[,–-]\s*\d+)*\]|\[@|\\\w*cite|\((?:[^()]{0,80}?[\s,])?(?:1[5-9]|20)\d\d[a-z]?(?:[,:;][^()]{0,30})?\))/u;

/** Quotations and their speakers. */
function quoteFacts(text: string, speech: Speech, work: SentenceWork[], voiceOf: Map<Sentence, { kind: PeopleKind; at: number }>, lex: ClientLexicons): QuoteFact[] {
  const out: QuoteFact[] = [];
  if (speech.whole) {
    if (speech.label) {
      const [a, b] = speech.spans[0]!;
      out.push({ start: a, end: b, text: shorten(text.slice(a, b), 160), speaker: speech.label.speaker, attribution: speech.label.text, whole: true, cited: false, labelled: true });
      return out;
    }
    const att = blockAttribution(text);
    const cited = /(?:\[\^[^\]]{1,20}\]|\[\d+\]|\((?:[^()]{0,80}?[\s,])?(?:1[5-9]|20)\d\d[a-z]?\))\s*[.!?]?\s*$/u.test(text.trim());
    out.push({ start: 0, end: text.length, text: shorten(text, 160), speaker: att ? speakerOfAttribution(att, lex) : 'unknown', attribution: att || undefined, whole: true, cited, labelled: false });
    return out;
  }
  for (const q of speech.found) {
    let speaker: Speaker = 'unknown';
    if (q.attribution) speaker = speakerOfAttribution(q.attribution, lex);
    if (speaker === 'unknown') {
      // The speaker of the sentence the quotation stands in: "Een respondent zei: “…”".
      const w = work.find(({ s }) => q.start >= s.start && q.start < s.end);
      const v = w ? voiceOf.get(w.s) : undefined;
      if (v && v.at <= q.start) speaker = v.kind;
    }
    const whole = text.slice(0, q.start).replace(/^[\s\-*•]+/, '').length === 0 && text.slice(q.end).replace(/[\s.,;:]*/, '').length < 40 && !q.attribution;
    const cited = CITED_AFTER.test(text.slice(q.end, q.end + 120));
    out.push({ start: q.start, end: q.end, text: shorten(text.slice(q.start, q.end), 160), speaker, attribution: q.attribution || undefined, whole, cited, labelled: false });
  }
  return out;
}

/**
 * The client-perspective facts of one block: people words, method sentences, involvement,
 * voice and experience statements, and quotations with their speakers. Cached with the block.
 */
export function analyzeClientBlock(ab: AnalysedBlock, lex: ClientLexicons): ClientFacts {
  const block = ab.block;
  const text = block.text;
  const prose = !block.skip && (block.kind === 'paragraph' || block.kind === 'listItem' || block.kind === 'footnote');
  const heading = block.kind === 'heading';
  if (block.skip || (!prose && !heading)) return NO_FACTS;
  // Every field from the start, the optional ones too (speed only: a block's facts have one hidden class, which the code
  // reading them keeps from one check to the next; fields added later made classes that died with the cached facts).
  const facts: ClientFacts = {
    prose, heading, literature: false, words: prose ? ab.counts.words : 0, client: 0, professional: 0, participant: 0, participantClientByDefault: 0, terms: {}, methods: [], involvement: [], statements: [], quotes: [],
    readerAddress: undefined, introduces: undefined, question: undefined, firstPerson: undefined, label: undefined,
  };

  // Quotations first: words inside speech are the speaker's, not the report's.
  const speech: Speech = prose ? findSpeech(ab, lex) : { spans: [], whole: false, found: [], label: undefined, firstPerson: undefined };
  const insideSpeech = (start: number, end: number) => speech.spans.length > 0 && speech.spans.some(([a, b]) => start >= a && end <= b);
  const work = sentenceWork(ab, lex, insideSpeech);
  if (prose) countPeople(facts, work, text);
  // A paragraph that cites the literature reports what others found about clients, not what this study heard.
  facts.literature = CITATION.test(text);
  const voiceOf = sentenceFacts(ab, work, facts, prose);
  if (!prose) return shared(facts);

  // A block that ends in a colon after a verb of saying introduces the quotations that follow:
  // "Physicians at low-rate hospitals suggested that …:", "Inwoners vertelden:"; so does a bare
  // label ("Quote deelnemer:") or a colon line that names only one kind of people
  // ("Below are the 5 client responses the team received:").
  const last = work[work.length - 1];
  if (last && /:\s*[*_]*\s*$/.test(text)) {
    const v = voiceOf.get(last.s);
    if (v) facts.introduces = v.kind;
    else if (speech.label && !speech.whole) facts.introduces = speech.label.speaker as PeopleKind;
    else {
      const kinds = new Set(last.people.filter((p) => !p.subjectOnly).map((p) => p.kind));
      if (kinds.size === 1 && last.norm.length <= 25 && last.cues.every((c) => c.hit.kind !== 'method')) facts.introduces = [...kinds][0]!;
    }
  }
  facts.quotes = quoteFacts(text, speech, work, voiceOf, lex);
  // Words that address the reader, outside quotations (a question put to respondents is a quotation of the study).
  if (!speech.whole) {
    let n = 0;
    const re = WORDS[ab.language].readerAddress;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (!insideSpeech(m.index, m.index + m[0].length)) n++;
    if (n) facts.readerAddress = n;
  }
  // A question ("Speelt u wel eens bingo?") and a first-person answer outside quotation marks.
  const trimmed = text.trim();
  if (/\?\s*[*_]*\s*$/.test(trimmed) && ab.counts.words <= 40) facts.question = true;
  // The singular words are among the first-person words findSpeech looked for: without those, no singular either.
  else if (!speech.whole && speech.found.length === 0 && ab.counts.words <= 150 && speech.firstPerson !== false && hasFirstPersonSingular(trimmed, ab.language)) facts.firstPerson = true;
  // A short label without a sentence ("**Difficulties logging in**") does not end a lead-in.
  if (ab.counts.words <= 6 && !/[.!?:]\s*[*_]*\s*$/.test(trimmed) && facts.quotes.length === 0) facts.label = true;
  return shared(facts);
}

/**
 * The facts with each empty list (and an empty tally of terms) replaced by one shared, frozen empty one: most blocks
 * name no method, no involvement, no statement and no quotation, and a language server keeps every block's facts while
 * the block is cached (memory only: five arrays a paragraph).
 */
function shared(facts: ClientFacts): ClientFacts {
  if (facts.methods.length === 0) facts.methods = NO_ITEMS;
  if (facts.involvement.length === 0) facts.involvement = NO_ITEMS;
  if (facts.statements.length === 0) facts.statements = NO_ITEMS;
  if (facts.quotes.length === 0) facts.quotes = NO_ITEMS;
  for (const _ in facts.terms) return facts;
  facts.terms = NO_TERMS;
  return facts;
}
const NO_ITEMS = Object.freeze([]) as unknown as never[];
const NO_TERMS = Object.freeze({}) as ClientFacts['terms'];

export const CLIENT_FACTS = 'clientPerspective';

/** The facts of a block that holds no prose (a table cell, a caption, a skipped block): shared, never changed. */
const NO_FACTS: ClientFacts = Object.freeze({
  prose: false, heading: false, literature: false, words: 0, client: 0, professional: 0, participant: 0, participantClientByDefault: 0, terms: NO_TERMS, methods: NO_ITEMS, involvement: NO_ITEMS, statements: NO_ITEMS, quotes: NO_ITEMS,
  readerAddress: undefined, introduces: undefined, question: undefined, firstPerson: undefined, label: undefined,
}) as ClientFacts;

/** The block analyzer over the loaded client dictionaries. */
export function clientAnalyzer(vocabulary: Vocabulary): BlockAnalyzer {
  return {
    id: CLIENT_FACTS,
    analyze(ab) {
      return analyzeClientBlock(ab, clientLexicons(vocabulary, ab.language));
    },
  };
}
