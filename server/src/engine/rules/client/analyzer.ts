import type { Language } from '../../types.js';
import type { AnalysedBlock, BlockAnalyzer } from '../types.js';
import type { Sentence, Word } from '../../text/sentences.js';
import type { LexiconMatch } from '../../vocabulary/lexicon.js';
import { normalizeWord } from '../../vocabulary/lexicon.js';
import { blockAttribution, findQuotes, hasFirstPerson, isSpeech } from '../../text/quotes.js';
import type { Quote } from '../../text/quotes.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { clientLexicons } from './lexicon.js';
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
}

export interface QuoteFact extends Span {
  speaker: Speaker;
  attribution?: string;
  /** The quotation is the whole block (a blockquote, a list item of a quote). */
  whole: boolean;
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
  /** The block ends in a colon after naming people ("Inwoners zeiden:"): whom the quotations that follow belong to. */
  introduces?: PeopleKind;
}

const NEGATION: Record<Language, Set<string>> = {
  nl: new Set(['niet', 'geen', 'nooit', 'niemand', 'zonder', 'noch', 'nergens', 'geeneen']),
  en: new Set(['not', 'no', 'never', 'none', 'nobody', 'without', 'nor', 'cannot', 'neither']),
};
const PLANNED: Record<Language, Set<string>> = {
  nl: new Set(['zal', 'zullen', 'zou', 'zouden', 'moet', 'moeten', 'kan', 'kunnen', 'mogelijk', 'eventueel', 'toekomstig', 'toekomstige', 'vervolgonderzoek', 'gepland', 'beoogd', 'beoogde', 'plannen', 'willen', 'wil', 'aanbevolen', 'adviseren', 'raden']),
  en: new Set(['will', 'shall', 'would', 'should', 'must', 'might', 'may', 'plan', 'plans', 'planned', 'intend', 'intends', 'future', 'proposed', 'propose', 'could', 'recommend', 'recommended', "we'll"]),
};
/** Words that end the clause a method or experience word belongs to. */
const BOUNDARY: Record<Language, Set<string>> = {
  nl: new Set(['dat', 'die', 'over', 'omdat', 'waarbij', 'waarin', 'waardoor', 'maar', 'terwijl', 'hoe', 'wat', 'welke', 'of', 'om', 'zodat', 'wanneer', 'als']),
  en: new Set(['that', 'which', 'who', 'about', 'because', 'but', 'while', 'regarding', 'whether', 'how', 'what', 'when', 'where', 'so', 'if', 'on']),
};
/** Words that name the speaker of a whole sentence: volgens X, according to X. */
const ACCORDING: Record<Language, string[][]> = {
  nl: [['volgens'], ['aldus'], ['naar', 'de', 'mening', 'van'], ['naar', 'het', 'oordeel', 'van']],
  en: [['according', 'to'], ['in', 'the', 'view', 'of'], ['in', 'the', 'words', 'of'], ['as', 'reported', 'by']],
};
const ACCORDING_BY_FIRST: Record<Language, Map<string, string[][]>> = {
  nl: new Map(),
  en: new Map(),
};
for (const language of ['nl', 'en'] as const) {
  for (const phrase of ACCORDING[language]) {
    const m = ACCORDING_BY_FIRST[language];
    const list = m.get(phrase[0]!) ?? [];
    list.push(phrase);
    m.set(phrase[0]!, list);
  }
}
/** Dutch separable verbs of saying: "geven de professionals aan dat…", "merkte een bewoner op". */
const SEPARABLE: Array<[Set<string>, string]> = [
  [new Set(['geeft', 'geven', 'gaf', 'gaven']), 'aan'],
  [new Set(['merkt', 'merken', 'merkte', 'merkten']), 'op'],
  [new Set(['brengt', 'brengen', 'bracht', 'brachten']), 'naar voren'],
  [new Set(['legt', 'leggen', 'legde', 'legden']), 'uit'],
];
const SEPARABLE_VERBS = new Set(SEPARABLE.flatMap(([v]) => [...v]));
const PEOPLE_WITH: Record<Language, { heads: Set<string>; next: Set<string> }> = {
  nl: { heads: new Set(['mensen', 'personen', 'individuen', 'volwassenen']), next: new Set(['met', 'zonder']) },
  en: { heads: new Set(['people', 'persons', 'individuals', 'adults']), next: new Set(['with', 'living', 'affected', 'experiencing']) },
};

/** "mensen met wie", "people with whom", "people with 20 years of experience": not a group of people served. */
const PEOPLE_WITH_NOT = new Set(['wie', 'elkaar', 'ons', 'hen', 'hun', 'whom', 'us', 'them', 'each', 'one', 'other', 'their', 'our', 'the', 'de', 'het', 'verschillende', 'different', 'various']);

/** Prepositions that link a method to the people it was used with: interviews met cliënten, a survey of parents. */
const METHOD_PREPOSITIONS: Record<Language, Set<string>> = {
  nl: new Set(['met', 'onder', 'bij', 'door']),
  en: new Set(['with', 'among', 'amongst', 'of', 'from', 'by']),
};

/** Words that may stand between the people and the method verb: numbers, modal verbs, negation ("cliënten moeten interviewen", "twaalf ouders niet gesproken"). */
const BETWEEN_OK = new Set('te moeten kunnen gaan zullen willen niet ook zelf not also to twee drie vier vijf zes zeven acht negen tien elf twaalf alle enkele zestien twintig two three four five six seven eight nine ten eleven twelve twenty all some several'.split(' '));

/** Auxiliaries of the passive: the people before them were interviewed, not the interviewers. */
const PASSIVE_AUX: Record<Language, Set<string>> = {
  nl: new Set(['zijn', 'werden', 'werd', 'is', 'waren', 'worden', 'wordt']),
  en: new Set(['were', 'was', 'are', 'is', 'been', 'be', 'being']),
};
/** Method words whose subject is the one taking part: "18 ouders deden mee", "parents took part". */
const PARTICIPATION = /deelgenomen|meegedaan|meegewerkt|mee te werken|meewerken|deelnemen|deel te nemen|namen deel|deden mee|took part|participated|uitgenodigd|invited|geworven|recruited|benaderd|geselecteerd|selected/;

/** Words that mark research: involvement counts when the sentence is about the research. */
const RESEARCH = /onderzoe|studie|opzet|vraagstelling|topiclijst|design|vragenlijst|interview|analyse|rapport|evaluatie|aanbeveling|stuurgroep|klankbord|begeleidingscommissie|research|study|studies|evaluation|report|questionnaire|analys|steering|advisory|involvement|ppie?\b|lived experience|expert/;

const DETERMINERS: Record<Language, Set<string>> = {
  nl: new Set(['de', 'het', 'een', 'deze', 'die', 'veel', 'alle', 'sommige', 'meeste', 'enkele', 'zij', 'ze']),
  en: new Set(['the', 'a', 'an', 'these', 'those', 'many', 'all', 'some', 'most', 'several', 'they']),
};

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
  return NEGATION[language].has(w) || (language === 'en' && w.endsWith("n't"));
}

/** Simple word tokens of a short string, for attributions. */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const t = m[0];
    out.push({ start: m.index, end: m.index + t.length, text: t, lower: t.toLowerCase(), letters: t.length, isNumber: !/\p{L}/u.test(t), isAcronym: false, capitalised: /^\p{Lu}/u.test(t) });
  }
  return out;
}

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
  if (/\b(consultant|registrar|manager|teamleider|team leader|specialist|staff|officer|coördinator|coordinator|advisor|adviser|adviseur)\b/i.test(a)) return 'professional';
  return 'unknown';
}

/** People words before or after the words from..to of a sentence, within the same clause and at most `maxDistance` words away. */
function inClause(people: PeopleAt[], words: Word[], text: string, from: number, to: number, language: Language, maxDistance: number): PeopleAt[] {
  const out: PeopleAt[] = [];
  const boundary = BOUNDARY[language];
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
  const preps = METHOD_PREPOSITIONS[language];
  for (let k = p.from - 1; k >= Math.max(0, p.from - 3); k--) if (preps.has(norm[k]!)) return true;
  for (const c of cues) {
    if (p.to < c.from) {
      const gap = c.from - p.to;
      // "40 cliënten geïnterviewd", "twelve parents interviewed": the people right before the verb.
      if (gap === 1 || (gap === 2 && (/^\d/.test(norm[p.to + 1]!) || BETWEEN_OK.has(norm[p.to + 1]!)))) return true;
      // "Klanten zijn niet geïnterviewd", "participants were interviewed" (passive); "18 parents took part".
      if (gap <= 4) {
        if (PARTICIPATION.test(c.hit.id)) return true;
        for (let k = p.to + 1; k < c.from; k++) if (PASSIVE_AUX[language].has(norm[k]!)) return true;
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
  return p.from === c.to + 2 && DETERMINERS[language].has(norm[c.to + 1]!);
}

interface SentenceWork {
  s: Sentence;
  norm: string[];
  people: PeopleAt[];
  cues: CueAt[];
}

/**
 * The client-perspective facts of one block: people words, method sentences, involvement,
 * voice and experience statements, and quotations with their speakers. Cached with the block.
 */
export function analyzeClientBlock(ab: AnalysedBlock, lex: ClientLexicons): ClientFacts {
  const language = ab.language;
  const block = ab.block;
  const text = block.text;
  const prose = !block.skip && (block.kind === 'paragraph' || block.kind === 'listItem' || block.kind === 'footnote');
  const heading = block.kind === 'heading';
  if (block.skip || (!prose && !heading)) return NO_FACTS;
  const facts: ClientFacts = { prose, heading, literature: false, words: prose ? ab.counts.words : 0, client: 0, professional: 0, participant: 0, participantClientByDefault: 0, terms: {}, methods: [], involvement: [], statements: [], quotes: [] };

  // Quotations first: words inside speech are the speaker's, not the report's.
  const speech: Array<[number, number]> = [];
  let wholeQuote = false;
  let found: Quote[] = [];
  if (prose) {
    if (block.quoted && isSpeech(text, language)) {
      wholeQuote = true;
      speech.push([0, text.length]);
    } else if (/["'“„«‘`,]/.test(text)) {
      found = findQuotes(text, language).filter((q) => q.speech);
      for (const q of found) speech.push([q.start, q.end]);
    }
    // A quotation set off without quotation marks (in italics, indented): a short first-person
    // paragraph that names its speaker — "Ik wist niet waar ik moest beginnen. (R12)".
    if (!wholeQuote && found.length === 0 && ab.counts.words <= 150 && hasFirstPerson(text, language)) {
      const att = blockAttribution(text);
      if (att && speakerOfAttribution(att, lex) !== 'unknown') {
        wholeQuote = true;
        speech.push([0, text.length]);
      }
    }
  }
  const insideSpeech = (start: number, end: number) => speech.length > 0 && speech.some(([a, b]) => start >= a && end <= b);

  const work: SentenceWork[] = [];
  for (const s of ab.sentences) {
    if (s.words.length === 0) continue;
    // Lower case is enough for Brug's own word sets (they hold no diacritics); typographic apostrophes straightened.
    const norm = s.words.map((w) => (w.lower.includes('’') ? w.lower.replace(/’/g, "'") : w.lower));
    const people: PeopleAt[] = [];
    const taken = new Set<number>();
    for (const m of lex.people.match(s.words, text) as Array<LexiconMatch<PeopleHit>>) {
      if (insideSpeech(m.start, m.end)) continue;
      const p: PeopleAt = { kind: m.payload.kind, from: m.from, to: m.to, start: m.start, end: m.end };
      if (m.payload.clientByDefault) p.clientByDefault = true;
      people.push(p);
      for (let k = m.from; k <= m.to; k++) taken.add(k);
    }
    // "mensen met schulden", "people with dementia": the people a report is about.
    const pw = PEOPLE_WITH[language];
    for (let i = 0; i + 1 < norm.length; i++) {
      if (!pw.heads.has(norm[i]!) || !pw.next.has(norm[i + 1]!) || taken.has(i)) continue;
      const w = s.words[i]!;
      if (!/^\s+$/.test(text.slice(w.end, s.words[i + 1]!.start))) continue;
      const third = norm[i + 2];
      if (third === undefined || PEOPLE_WITH_NOT.has(third) || /^\d/.test(third)) continue;
      if (insideSpeech(w.start, w.end)) continue;
      people.push({ kind: 'client', from: i, to: i + 1, start: w.start, end: s.words[i + 1]!.end, pattern: true });
    }
    people.sort((a, b) => a.from - b.from);
    const cues: CueAt[] = [];
    for (const m of lex.cues.match(s.words, text)) {
      if (insideSpeech(m.start, m.end)) continue;
      cues.push({ hit: m.payload, from: m.from, to: m.to, start: m.start, end: m.end, text: m.text });
    }
    if (language === 'nl') {
      for (let i = 0; i < norm.length; i++) {
        if (!SEPARABLE_VERBS.has(norm[i]!)) continue;
        for (const [verbs, particle] of SEPARABLE) {
          if (!verbs.has(norm[i]!)) continue;
          const parts = particle.split(' ');
          for (let k = i + 2; k < Math.min(norm.length, i + 9); k++) {
            if (parts.every((p, j) => norm[k + j] === p)) {
              const next = norm[k + parts.length];
              const gap = s.words[k + parts.length - 1] ? text.slice(s.words[k + parts.length - 1]!.end, s.words[k + parts.length]?.start ?? s.end) : '';
              if (next === undefined || next === 'dat' || next === 'te' || /[,:]/.test(gap)) {
                if (!cues.some((c) => c.from === i)) cues.push({ hit: { kind: 'voice', id: `builtin:${norm[i]} ${particle}` }, from: i, to: i, start: s.words[i]!.start, end: s.words[i]!.end, text: `${s.words[i]!.text} … ${particle}` });
              }
              break;
            }
          }
        }
      }
    }
    const according = ACCORDING_BY_FIRST[language];
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
    cues.sort((a, b) => a.from - b.from);
    work.push({ s, norm, people, cues });
  }

  // Counts and terms (prose only, outside quotations).
  if (prose) {
    for (const w of work) {
      for (const p of w.people) {
        if (p.kind === 'client') facts.client++;
        else if (p.kind === 'professional') facts.professional++;
        else {
          facts.participant++;
          if (p.clientByDefault) facts.participantClientByDefault++;
        }
        const written = text.slice(p.start, p.end).toLowerCase().replace(/\s+/g, ' ') + (p.pattern ? ' …' : '');
        const term = normalizeWord(written);
        const t = (facts.terms[term] ??= { kind: p.kind, count: 0, display: written });
        if (p.clientByDefault) t.clientByDefault = true;
        t.count++;
      }
    }
  }

  const methodSection = ab.role === 'method';
  // A paragraph that cites the literature reports what others found about clients, not what this study heard.
  const literature = CITATION.test(text);
  facts.literature = literature;
  const recommendation = ab.role === 'recommendations';
  const voiceOf = new Map<Sentence, { kind: PeopleKind; cue: CueAt; at: number }>();
  for (const { s, norm, people, cues } of work) {
    if (cues.length === 0) continue;
    const words = s.words;
    const sentenceText = text.slice(s.start, s.end);
    const question = /\?\s*["'”’)]*\s*$/.test(sentenceText);
    const planned = question || recommendation || norm.some((w) => PLANNED[language].has(w)) || (language === 'en' && /\bgoing to\b/i.test(sentenceText));
    const negatedNear = (from: number, to: number) => {
      for (let k = Math.max(0, from - 5); k <= Math.min(norm.length - 1, to + 1); k++) if (isNegation(norm[k]!, language)) return true;
      return false;
    };

    // Methods (headings count too: "Aanvullingen uit interviews met professionals").
    const methodCues = cues.filter((c) => c.hit.kind === 'method' && (!c.hit.methodSectionOnly || methodSection));
    if (methodCues.length) {
      const first = methodCues[0]!;
      const last = methodCues[methodCues.length - 1]!;
      const around = inClause(people, words, text, first.from, last.to, language, 10).filter((p) => linkedToMethod(p, methodCues, norm, language));
      const subjects = [...new Set(around.map((p) => p.kind))];
      const namesClients = methodCues.some((c) => c.hit.namesClients);
      facts.methods.push({
        start: s.start,
        end: s.end,
        text: shorten(sentenceText),
        cue: methodCues.map((c) => c.text).join(', '),
        subjects,
        namesClients,
        negated: methodCues.some((c) => negatedNear(c.from, c.to)),
        planned,
        listIntro: /:\s*$/.test(sentenceText),
        methodSectionOnly: methodCues.every((c) => c.hit.methodSectionOnly),
      });
    }
    let researchSentence: boolean | undefined;
    for (const c of cues) {
      if (c.hit.kind !== 'involvement' || question) continue;
      researchSentence ??= RESEARCH.test(normalizeWord(sentenceText));
      if (!researchSentence && !RESEARCH.test(normalizeWord(c.text))) continue;
      facts.involvement.push({ start: s.start, end: s.end, text: shorten(sentenceText), cue: c.text, negated: negatedNear(c.from, c.to) });
    }

    // Who speaks in this sentence: named after "volgens"/"according to", else the subject before
    // the verb of saying, or right after a one-word verb in inverted order ("zegt een inwoner",
    // "geven de professionals aan"). Quotations in the sentence are theirs.
    for (const c of cues) {
      if (c.hit.kind !== 'voice') continue;
      if (negatedNear(c.from, c.to) && c.hit.id.startsWith('builtin:')) continue;
      const according = c.hit.id.startsWith('builtin:') && ACCORDING[language].some((p) => c.hit.id === `builtin:${p.join(' ')}`);
      const who = according
        ? people.find((p) => p.from > c.to && p.from - c.to <= 4)
        : nearest(inClause(people, words, text, c.from, c.to, language, 8).filter((p) => p.to < c.from || (c.from === c.to && adjacentAfter(p, c, norm, language))), c.from, c.to);
      if (!who) continue;
      voiceOf.set(s, { kind: who.kind, cue: c, at: c.end });
      if (who.kind !== 'professional') break;
    }

    // Statements: running text only, not questions, at most one per sentence. (Statements in a
    // paragraph that cites the literature are dropped by the document analysis.)
    if (!prose || question) continue;
    let statement: StatementFact | undefined;
    const v = voiceOf.get(s);
    if (v) statement = { kind: 'voice', speaker: v.kind, cue: v.cue.text, start: s.start, end: s.end, text: shorten(sentenceText) };
    if (!statement || statement.speaker === 'professional') {
      for (const c of cues) {
        if (c.hit.kind !== 'experience') continue;
        // The people who experience, feel or need: the subject before the word ("Ouders ervaren…"),
        // or right after it in inverted order ("voelen bewoners zich…") — not "de behoeften van mensen met…".
        const holders = inClause(people, words, text, c.from, c.to, language, 8).filter((p) => p.to < c.from || adjacentAfter(p, c, norm, language));
        const who = nearest(holders, c.from, c.to);
        if (!who) continue;
        // A professional reporting what clients feel ("volgens klantmanagers schamen klanten zich") stays the professional's word.
        if (statement) break;
        statement = { kind: 'experience', speaker: who.kind, cue: c.text, start: s.start, end: s.end, text: shorten(sentenceText) };
        if (who.kind !== 'professional') break;
      }
    }
    if (statement) facts.statements.push(statement);
  }

  // A block that ends in a colon after a verb of saying introduces the quotations that follow:
  // "Physicians at low-rate hospitals suggested that …:", "Inwoners vertelden:".
  const lastSentence = work[work.length - 1];
  if (prose && lastSentence && /:\s*$/.test(text)) {
    const v = voiceOf.get(lastSentence.s);
    if (v) facts.introduces = v.kind;
  }

  // Quotations and their speakers.
  if (prose) {
    if (wholeQuote) {
      const att = blockAttribution(text);
      const q: QuoteFact = { start: 0, end: text.length, text: shorten(text, 160), speaker: att ? speakerOfAttribution(att, lex) : 'unknown', whole: true };
      if (att) q.attribution = att;
      facts.quotes.push(q);
    } else {
      for (const q of found) {
        let speaker: Speaker = 'unknown';
        if (q.attribution) speaker = speakerOfAttribution(q.attribution, lex);
        if (speaker === 'unknown') {
          // The speaker of the sentence the quotation stands in: "Een respondent zei: “…”".
          const w = work.find(({ s }) => q.start >= s.start && q.start < s.end);
          const v = w ? voiceOf.get(w.s) : undefined;
          if (v && v.at <= q.start) speaker = v.kind;
        }
        const whole = text.slice(0, q.start).replace(/^[\s\-*•]+/, '').length === 0 && text.slice(q.end).replace(/[\s.,;:]*/, '').length < 40 && !q.attribution;
        const fact: QuoteFact = { start: q.start, end: q.end, text: shorten(text.slice(q.start, q.end), 160), speaker, whole };
        if (q.attribution) fact.attribution = q.attribution;
        facts.quotes.push(fact);
      }
    }
  }
  return facts;
}

export const CLIENT_FACTS = 'clientPerspective';

/** The facts of a block that holds no prose (a table cell, a caption, a skipped block): shared, never changed. */
const NO_FACTS: ClientFacts = Object.freeze({ prose: false, heading: false, literature: false, words: 0, client: 0, professional: 0, participant: 0, participantClientByDefault: 0, terms: Object.freeze({}), methods: [], involvement: [], statements: [], quotes: [] }) as ClientFacts;

/** The block analyzer over the loaded client dictionaries. */
export function clientAnalyzer(vocabulary: Vocabulary): BlockAnalyzer {
  return {
    id: CLIENT_FACTS,
    analyze(ab) {
      return analyzeClientBlock(ab, clientLexicons(vocabulary, ab.language));
    },
  };
}
