import type { Language } from '../types.js';
import type { Sentence, Word } from './sentences.js';
import { pairs, wordPattern, wordSet } from './lexicon.js';

export interface PassiveMatch {
  /** Index of the auxiliary and the participle in the sentence's words. */
  auxiliary: number;
  participle: number;
  /** An agent is named ("door de gemeente", "by the council"). */
  agent: boolean;
  /** Impersonal: "er wordt gekeken". */
  impersonal: boolean;
}

const NL_WORDEN = wordSet('nl', 'passive', 'worden');
const NL_ZIJN = wordSet('nl', 'passive', 'zijn');
// Verbs that take zijn in the perfect (is gestegen) and participles used as adjectives (is betrokken).
const NL_NOT_PASSIVE_WITH_ZIJN = wordSet('nl', 'passive', 'notPassiveWithZijn');
// Words that look like participles but are not: nouns and adjectives on ge-/be-/ver-…-d/t.
const NL_NOT_PARTICIPLE = wordSet('nl', 'passive', 'notParticiple');
// Participles of kennen and wennen end in -end like a present participle: herkend, erkend, gewend.
const KEND = /^(?:her|er|ge|ver|be|onder)kend$|^(?:ge|ver)wend$/;
const NL_FINITE_OR_PARTICIPLE = wordSet('nl', 'passive', 'finiteOrParticiple');
// Strong participles (and their cores after a separable prefix: aan|gegeven).
const NL_STRONG = wordSet('nl', 'passive', 'strongParticiples');
// Words after which a participle is an adjective with a noun, not the verb of a passive.
// Not het, deze, dit, die: they are pronouns as often ("wordt het opgeslagen", "wordt deze toegevoegd").
const NL_DETERMINERS = wordSet('nl', 'passive', 'determiners');
const NL_SEPARABLE = /^(aan|af|bij|binnen|door|in|los|mee|na|neer|om|onder|op|over|samen|terug|tegen|toe|uit|vast|voor|weg|vrij|kenbaar|bekend)(ge\S{2,})$/;
const NL_REGULAR = /^(ge|be|ont|ver|her|er)\S{2,}[dt]$/;

const NL_COMPOUND_HEADS = wordSet('nl', 'passive', 'compoundHeads');

function isDutchParticiple(w: string): boolean {
  if (w.length < 5) return false;
  if (NL_NOT_PARTICIPLE.has(w) || w.endsWith('heid') || w.endsWith('schap')) return false;
  // A compound noun whose last part looks like a participle: "beloningsgebied", "zorgbeleid".
  for (const head of NL_COMPOUND_HEADS) if (w.length > head.length + 2 && w.endsWith(head)) return false;
  // A weak participle ends in -t only after t, k, f, s, ch, p (’t kofschip): "verhoudt", "bepaalt",
  // "verandert" are finite verbs (the participles are verhouden, bepaald, veranderd).
  if (/(?:[bdgjlmnrvwz])t$/.test(w) && !NL_STRONG.has(w)) return false;
  if (NL_STRONG.has(w)) return true;
  const sep = NL_SEPARABLE.exec(w);
  if (sep) {
    const core = sep[2]!;
    return NL_STRONG.has(core) || /[dt]$/.test(core);
  }
  if (NL_REGULAR.test(w)) return true;
  // geïnterviewd, geëvalueerd
  return /^ge[ëï]\S+[dt]$/.test(w);
}

const EN_BE = wordSet('en', 'passive', 'be');
const EN_IRREGULAR = wordSet('en', 'passive', 'irregularParticiples');
// -ed words that after "be" are mostly adjectives, not passives.
const EN_ADJECTIVES = wordSet('en', 'passive', 'adjectives');
const ADVERB = new RegExp(`^(?:${[...wordSet('en', 'passive', 'adverbs'), ...wordSet('nl', 'passive', 'adverbs')].join('|')})$`);

function isEnglishParticiple(w: string): boolean {
  if (EN_IRREGULAR.has(w)) return true;
  if (w.length < 5 || EN_ADJECTIVES.has(w)) return false;
  // Regular participles: analysed, interviewed, reported (but not need, feed, bed).
  return w.endsWith('ed') && !w.endsWith('eed');
}

// Words that open a Dutch subordinate clause: "Geconcludeerd kan worden | dat het programma is geslaagd".
const NL_SUBORDINATORS = wordSet('nl', 'passive', 'subordinators');

const NL_COORDINATORS = wordSet('nl', 'passive', 'coordinators');
const NL_SUBJECT_PRONOUNS = wordSet('nl', 'passive', 'subjectPronouns');
const NL_SUBJECT_START = wordSet('nl', 'passive', 'subjectStart');
const NL_PREPOSITIONS = wordSet('nl', 'passive', 'prepositions');
const EN_IMPERSONAL = wordSet('en', 'passive', 'impersonalParticiples');

/**
 * "Er werden drie interviews afgenomen", "dat er iets was toegevoegd": a subject stands between the
 * auxiliary and the participle (not inside a prepositional phrase), so the passive is not impersonal.
 */
function hasSubject(words: Word[], a: number, b: number, aux: number, part: number): boolean {
  const from = Math.max(a, Math.min(aux, part) - 3);
  const to = Math.min(b, Math.max(aux, part));
  for (let i = from; i < to; i++) {
    if (i === aux || i === part) continue;
    const w = words[i]!;
    if (!NL_SUBJECT_START.has(w.lower) && !w.isNumber) continue;
    if (i > a && NL_PREPOSITIONS.has(words[i - 1]!.lower)) continue;
    return true;
  }
  return false;
}
const isNlAux = (w: string) => NL_WORDEN.has(w) || NL_ZIJN.has(w);

/** "… werden verzameld en daarna werden ze geanalyseerd": an auxiliary before and after a coordinator starts a new clause. */
function secondAuxiliary(words: Word[], from: number, at: number): boolean {
  let before = false;
  for (let i = from; i < at; i++) if (isNlAux(words[i]!.lower)) before = true;
  if (!before) return false;
  for (let i = at + 1; i < Math.min(words.length, at + 6); i++) if (isNlAux(words[i]!.lower)) return true;
  return false;
}

/** Clause boundaries inside a sentence: a comma, semicolon or colon, or (Dutch) a subordinator. */
function clauses(s: Sentence, language: Language = 'en'): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  const words = s.words;
  let wi = 0;
  for (const t of s.tokens) {
    if (t.kind === 'word') {
      while (wi < words.length && words[wi]!.start < t.start) wi++;
      // A subordinator starts a new clause (not as the first word of the current one).
      if (language === 'nl' && wi < words.length && words[wi]!.start === t.start && wi > from && (NL_SUBORDINATORS.has(words[wi]!.lower) || (NL_COORDINATORS.has(words[wi]!.lower) && (secondAuxiliary(words, from, wi) || NL_SUBJECT_PRONOUNS.has(words[wi + 1]?.lower ?? ''))))) {
        out.push([from, wi]);
        from = wi;
      }
      continue;
    }
    if (t.kind === 'punct' && /^[,;:()–—]$/.test(t.text)) {
      while (wi < words.length && words[wi]!.start < t.start) wi++;
      if (wi > from) out.push([from, wi]);
      from = wi;
    }
  }
  if (words.length > from) out.push([from, words.length]);
  return out;
}

const NL_AGENT = /^(door)$/;
const EN_AGENT = /^(by)$/;

/**
 * Passive clauses of a sentence. Dutch: a form of worden with a participle in the same
 * clause, in either order (main or subordinate clause), or zijn with a participle that is
 * not an adjective or the perfect of a zijn-verb; "er wordt … gedaan" is impersonal.
 * English: a form of be (or get) followed, within two adverbs, by a participle: the
 * irregular ones, and regular -ed forms that are not adjectives.
 */
const NL_MODALS_FIND = wordSet('nl', 'passive', 'modals');

export function findPassives(s: Sentence, language: Language): PassiveMatch[] {
  const out: PassiveMatch[] = [];
  const words = s.words;
  if (language === 'nl') {
    const list = clauses(s, 'nl');
    for (let c = 0; c < list.length; c++) {
      const a = list[c]![0];
      const b = list[c]![1];
      let aux = -1;
      let zijn = false;
      for (let i = a; i < b; i++) {
        const w = words[i]!.lower;
        if (NL_WORDEN.has(w)) {
          aux = i;
          zijn = false;
          break;
        }
        if (NL_ZIJN.has(w) && aux < 0) {
          aux = i;
          zijn = true;
        }
      }
      if (aux < 0) continue;
      let part = -1;
      let weak = -1;
      for (let i = a; i < b; i++) {
        if (i === aux) continue;
        const w = words[i]!.lower;
        if (w === 'geworden' && !zijn) continue;
        // "gebruikt" and "verwacht" are finite verbs as often; right next to the auxiliary they are participles.
        const besideAux = Math.abs(i - aux) === 1 && NL_FINITE_OR_PARTICIPLE.has(w);
        if (!besideAux && !isDutchParticiple(w)) continue;
        if (zijn && (NL_NOT_PASSIVE_WITH_ZIJN.has(w) || i < aux)) continue;
        // After an article a participle describes a noun: "sprake is van een verhoogd risico";
        // after "het" an -en form is a verb used as a noun: "moeite met het onthouden".
        if (i > a && (NL_DETERMINERS.has(words[i - 1]!.lower) || (words[i - 1]!.lower === 'het' && w.endsWith('en')))) continue;
        // After a preposition and before the word it describes, a participle is an adjective: "in georganiseerd
        // verband", "op gesloten afdelingen" (not "er wordt aan gewerkt", where nothing follows).
        const next = words[i + 1];
        if (i > a && i + 1 < b && next && NL_PREPOSITIONS.has(words[i - 1]!.lower) && !NL_PREPOSITIONS.has(next.lower) && !NL_WORDEN.has(next.lower) && !NL_ZIJN.has(next.lower) && !NL_MODALS_FIND.has(next.lower)) continue;
        // -end is mostly a present participle (verschillend, ontbrekend): take it only when nothing else fits.
        if (w.endsWith('end') && !KEND.test(w)) {
          if (weak < 0 || i < aux) weak = i;
          continue;
        }
        part = i;
        // Prefer the participle nearest to the auxiliary.
        if (i > aux) break;
      }
      if (part < 0) part = weak;
      if (part < 0) continue;
      let agent = false;
      // "door de gemeente" names the actor; "om door te gaan" and a clause-final "door" (a verb particle) do not.
      // "door middel van" says how, not who.
      for (let i = a; i < b - 1; i++) if (NL_AGENT.test(words[i]!.lower) && words[i + 1]!.lower !== 'te' && words[i + 1]!.lower !== 'middel') agent = true;
      const impersonal = words.slice(a, b).some((w, k) => w.lower === 'er' && Math.abs(a + k - aux) <= 2) && !hasSubject(words, a, b, aux, part);
      out.push({ auxiliary: aux, participle: part, agent, impersonal });
    }
    return out;
  }
  for (let i = 0; i < words.length; i++) {
    if (!EN_BE.has(words[i]!.lower)) continue;
    let j = i + 1;
    let skipped = 0;
    while (j < words.length && skipped < 2 && ADVERB.test(words[j]!.lower)) {
      j++;
      skipped++;
    }
    if (j >= words.length) continue;
    const w = words[j]!.lower;
    if (!isEnglishParticiple(w)) continue;
    let agent = false;
    for (let k = j + 1; k < Math.min(words.length, j + 8); k++) if (EN_AGENT.test(words[k]!.lower)) agent = true;
    // "It is recommended that …", "it was decided to …": an empty "it", nobody acts.
    const impersonal = i > 0 && words[i - 1]!.lower === 'it' && EN_IMPERSONAL.has(w) && /^(that|to)$/.test(words[j + 1]?.lower ?? '');
    out.push({ auxiliary: i, participle: j, agent, impersonal });
    i = j;
  }
  return out;
}

export function wordSpan(words: Word[], a: number, b: number): [number, number] {
  const x = words[Math.min(a, b)]!;
  const y = words[Math.max(a, b)]!;
  return [x.start, y.end];
}

// Participles of decisions and responsibility: a passive of these hides who decides ("the request was refused").
const RESPONSIBILITY = { nl: wordSet('nl', 'passive', 'responsibility'), en: wordSet('en', 'passive', 'responsibility') };

/** Whether a passive of this participle hides who decides or is responsible. */
export function hidesResponsibility(participle: string, language: Language): boolean {
  return RESPONSIBILITY[language].has(participle);
}

// English irregular past tenses that differ from the participle (for "the council took …").
const EN_PAST: Record<string, string> = Object.fromEntries(pairs('en', 'passive', 'pastTenses').map(([p, past]) => [p, past ?? p]));

const OBJECT_PRONOUN: Record<Language, Record<string, string>> = {
  en: { they: 'them', he: 'him', she: 'her', we: 'us', i: 'me', it: 'it' },
  nl: { zij: 'ze', ze: 'ze', hij: 'hem', wij: 'ons', we: 'ons', ik: 'mij' },
};
const EN_MODALS = wordSet('en', 'passive', 'modals');
const NL_MODALS = wordSet('nl', 'passive', 'modals');
const EN_NOT_SUBJECT = /^(can|could|may|might|must|shall|should|will|would|has|have|had|to|not|also|then|really|still|already|never|often|always|usually|just|only|cannot|can't|won't|don't|doesn't)$/;
const EN_CLAUSE_OPENERS = wordPattern('en', 'passive', 'clauseOpeners');
const EN_PHRASE_STOP = wordPattern('en', 'passive', 'phraseStop');
const NL_PHRASE_STOP = wordPattern('nl', 'passive', 'phraseStop');
const NL_DETERMINER_START = wordPattern('nl', 'passive', 'determinerStart');

function phraseAfter(words: Word[], from: number, until: number, stop: RegExp, max: number): Word[] {
  const out: Word[] = [];
  for (let i = from; i < until && out.length < max; i++) {
    const w = words[i]!;
    if (stop.test(w.lower) || w.isNumber || (out.length > 0 && /end$/.test(w.lower))) break;
    out.push(w);
  }
  return out;
}

/**
 * A phrase cut off by the length limit before the verb ("De prestaties van de ontwikkelde [modellen]") keeps only
 * its head before "van" / "of" ("de prestaties"); without one the phrase is dropped.
 */
function headOfTruncated(ws: Word[], raw: Word[], words: Word[], until: number): Word[] {
  if (ws.length === 0) return ws;
  const last = words.indexOf(raw[raw.length - 1]!);
  if (last < 0 || last + 1 >= until || NL_PHRASE_STOP.test(words[last + 1]!.lower) || words[last + 1]!.isNumber) return ws;
  const of = ws.findIndex((w, k) => k > 0 && /^(van|of)$/.test(w.lower));
  return of > 0 ? trimPhrase(ws.slice(0, of)) : [];
}

/** A phrase without a dangling article or preposition at its end ("de klantmanagers van de" → "de klantmanagers"). */
function trimPhrase(ws: Word[]): Word[] {
  let n = ws.length;
  while (n > 0 && /^(de|het|een|van|der|the|a|an|of|and|en)$/.test(ws[n - 1]!.lower)) n--;
  return ws.slice(0, n);
}

/**
 * "The day Eldred was decided", "the year the Supreme Court was asked": a determiner and a noun
 * followed by a name (or "the" + name) is a clause without its "that", and the name is the subject. A name after "of",
 * "for" … belongs to the phrase before it ("the plan of the City Council").
 */
function nameAfterNoun(ws: Word[]): Word[] {
  const upper = (w: Word | undefined) => !!w && /^\p{Lu}/u.test(w.text);
  for (let k = ws.length - 1; k > 1; k--) {
    if (!upper(ws[k]) || upper(ws[k - 1])) continue;
    const start = /^(the|a|an)$/.test(ws[k - 1]!.text) ? k - 1 : k;
    const noun = ws[start - 1];
    // Only "the day Eldred", "a year the court": determiner, noun, name ("the social security Act" stays).
    if (!noun || !/^\p{Ll}/u.test(noun.text) || /^(of|for|to|in|on|by|with|from|at|about|and|or|the|a|an)$/.test(noun.text)) return ws;
    if (start < 2 || !/^(the|a|an|this|that|each|every)$/i.test(ws[start - 2]!.text)) return ws;
    return ws.slice(start);
  }
  return ws;
}

function join(text: string, ws: Word[]): string {
  return ws.length ? text.slice(ws[0]!.start, ws[ws.length - 1]!.end) : '';
}

/** Lower-cases the first letter of a phrase that stood at the start of the sentence (not an acronym or a name in capitals). */
function decapitalise(phrase: string, first: Word | undefined, sentenceStart: number): string {
  if (!first || first.start !== sentenceStart || first.isAcronym) return phrase;
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/**
 * An active version of a passive clause, built from the sentence itself: the named actor (or
 * "[who?]") as subject, the verb in the past (English) or the perfect (Dutch), and the passive's
 * subject as object: "The plan was approved by the council" → "the council approved the plan";
 * "De aanvraag wordt beoordeeld" → "[wie?] heeft de aanvraag beoordeeld". Undefined when the
 * sentence gives too little to go on.
 */
export function activeExample(text: string, s: Sentence, p: PassiveMatch, language: Language): string | undefined {
  const words = s.words;
  const aux = p.auxiliary;
  const part = words[p.participle]!;
  // Clause start: after the last clause mark before the auxiliary.
  let from = 0;
  const before = text.slice(s.start, words[Math.min(aux, p.participle)]!.start);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('), before.lastIndexOf('—'), before.lastIndexOf('–'));
  if (cut >= 0) while (from < aux && words[from]!.start < s.start + cut) from++;
  // The clause ends at the next clause mark after the participle.
  const afterPart = text.slice(part.end, s.end).search(/[,;:()—–]/);
  const clauseEnd = afterPart < 0 ? s.end : part.end + afterPart;
  const inClause = (w: Word) => w.start < clauseEnd;
  const opener = language === 'en' ? (w: Word) => EN_CLAUSE_OPENERS.test(w.lower) : (w: Word) => NL_SUBORDINATORS.has(w.lower);
  for (let k = Math.min(aux, p.participle) - 1; k >= from; k--) if (opener(words[k]!)) {
    from = k + 1;
    break;
  }
  // "must be improved", "moet worden verbeterd": the active form needs an infinitive ("must improve",
  // "moet … verbeteren") that cannot be built reliably, and a past tense would change the meaning.
  const modals = language === 'en' ? EN_MODALS : NL_MODALS;
  for (let k = from; k < Math.max(aux, p.participle); k++) if (modals.has(words[k]!.lower)) return undefined;
  if (language === 'en') {
    let i = from;
    // "… may be matched", "have been defined", "to be done": modals, have and adverbs are not the subject.
    let end = aux;
    while (end > i && EN_NOT_SUBJECT.test(words[end - 1]!.lower)) end--;
    const infinitive = end < aux && words[end]!.lower === 'to';
    const subjectWords = infinitive ? [] : nameAfterNoun(trimPhrase(phraseAfter(words, i, end, EN_PHRASE_STOP, 6)));
    let subject = subjectWords.length >= 1 ? decapitalise(join(text, subjectWords), subjectWords[0], s.start) : '';
    if (subjectWords.length === 1 && OBJECT_PRONOUN[language][subjectWords[0]!.lower]) subject = OBJECT_PRONOUN[language][subjectWords[0]!.lower]!;
    // "It is recommended that …": the "it" is empty.
    if (subject === 'it' && /^(that|to)$/.test(words[p.participle + 1]?.lower ?? '')) subject = '…';
    const by = p.agent ? words.findIndex((w, k) => k > p.participle && w.lower === 'by' && inClause(w)) : -1;
    const actor = by > 0 ? join(text, trimPhrase(phraseAfter(words, by + 1, words.length, EN_PHRASE_STOP, 4))) : '';
    const past = EN_PAST[part.lower] ?? part.lower;
    const who = actor || '[who?]';
    if (!subject) return `${who} ${past} …`;
    return `${who} ${past} ${subject}`;
  }
  // Dutch: the subject stands before the auxiliary ("de aanvraag wordt …") or, after a fronted
  // phrase, right after it ("In 2020 werd het rapport geschreven").
  const i = from;
  // The subject ends where the verb cluster starts: "omdat het prototype verbeterd werd".
  const verbStart = Math.min(aux, p.participle);
  let subjectWords: Word[] = [];
  if (i < verbStart && (NL_DETERMINER_START.test(words[i]!.lower) || (!NL_PHRASE_STOP.test(words[i]!.lower) && verbStart - i <= 4)) && !words[i]!.isNumber) {
    const raw = phraseAfter(words, i, verbStart, NL_PHRASE_STOP, 5);
    subjectWords = raw.length === 5 ? headOfTruncated(trimPhrase(raw), raw, words, verbStart) : trimPhrase(raw);
    if (subjectWords.length === 1 && /^(er|hier|daar)$/.test(subjectWords[0]!.lower)) subjectWords = [];
    else if (subjectWords.length === 1 && NL_PHRASE_STOP.test(subjectWords[0]!.lower)) subjectWords = [];
  }
  if (subjectWords.length === 0 && aux < p.participle && NL_DETERMINER_START.test(words[aux + 1]?.lower ?? '')) {
    subjectWords = trimPhrase(phraseAfter(words, aux + 1, p.participle, NL_PHRASE_STOP, 4));
  }
  let subject = subjectWords.length ? decapitalise(join(text, subjectWords), subjectWords[0], s.start) : '';
  if (subjectWords.length === 1 && OBJECT_PRONOUN[language][subjectWords[0]!.lower]) subject = OBJECT_PRONOUN[language][subjectWords[0]!.lower]!;
  const door = p.agent ? words.findIndex((w, k) => k >= from && w.lower === 'door' && words[k + 1]?.lower !== 'te' && inClause(w)) : -1;
  const actorWords = door >= 0 ? phraseAfter(words, door + 1, words.length, NL_PHRASE_STOP, 4) : [];
  const actorClean = trimPhrase(actorWords.filter((w) => w.start < part.start || door > p.participle));
  const actor = join(text, actorClean);
  const last = actorClean[actorClean.length - 1]?.lower ?? '';
  const plural = /^(we|wij|zij|jullie)$/.test(last) || (actorClean.length > 1 && last.length > 3 && /(en|s)$/.test(last) && !/(heid|ing)$/.test(last));
  const verb = last === 'ik' ? 'heb' : plural ? 'hebben' : 'heeft';
  const who = actor ? decapitalise(actor, actorClean[0], s.start) : '[wie?]';
  const object = subject || (p.impersonal ? '' : '…');
  return `${who} ${verb} ${object ? `${object} ` : ''}${part.text.toLowerCase()}`;
}
