import type { Language } from '../../types.js';
import type { CompoundPosition, DictionaryEntry } from '../../vocabulary/dictionary.js';
import { Lexicon, normalizeWord } from '../../vocabulary/lexicon.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';

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
}

interface Builtin {
  /** Method words whose subject comes from the sentence; [phrase, compound, methodSectionOnly]. */
  methods: Array<[string, CompoundPosition?, boolean?]>;
}

/**
 * Brug's own word lists: the structural words of research reports that are not vocabulary
 * advice (who took part in a study, how data were collected). The dictionaries hold the rest.
 */
const BUILTIN: Record<Language, Builtin> = {
  nl: {
    methods: [
      ['interview', 'any'], ['interviews', 'any'], ['geïnterviewd'], ['interviewden'], ['interviewde'], ['interviewen'],
      ['focusgroep', 'any'], ['focusgroepen', 'any'], ['groepsgesprek'], ['groepsgesprekken'],
      ['enquête', 'any'], ['enquêtes', 'any'], ['vragenlijst', 'any'], ['vragenlijsten', 'any'], ['bevraagd'], ['bevraging'], ['bevragingen'],
      ['observatieonderzoek'], ['observaties', 'none', true], ['geobserveerd', 'none', true], ['observeerden', 'none', true],
      ['usertest'], ['usertests'], ['getest'], ['testten'], ['ingevuld', 'none', true], ['testsessie', 'start'], ['testsessies'], ['testronde'], ['testrondes'],
      ['workshop', 'none', true], ['workshops', 'none', true], ['werksessie', 'none', true], ['werksessies', 'none', true],
      ['gebruiksvriendelijkheidsonderzoek'], ['gebruiksvriendelijkheidonderzoek'], ['klantonderzoek'], ['klantonderzoeken'],
      ['we spraken'], ['spraken we'], ['wij spraken'], ['hebben we gesproken'], ['hebben wij gesproken'], ['is gesproken met'], ['gesproken is met'], ['zijn gesproken'], ['gesprekken gevoerd'],
      ['meegewerkt aan het onderzoek'], ['mee te werken aan het onderzoek'], ['meewerken aan het onderzoek'],
      ['deelgenomen aan het onderzoek'], ['deel te nemen aan het onderzoek'], ['deelnemen aan het onderzoek'], ['namen deel aan het onderzoek'], ['deden mee aan het onderzoek'],
      ['uitgenodigd', 'none', true], ['geworven', 'none', true], ['werven', 'none', true], ['geselecteerd', 'none', true], ['benaderd', 'none', true],
      ['deelgenomen', 'none', true], ['meegedaan', 'none', true], ['meegewerkt', 'none', true], ['steekproef', 'none', true],
    ],
  },
  en: {
    methods: [
      ['interview'], ['interviews'], ['interviewed'], ['interviewing'], ['group interview'], ['group interviews'],
      ['focus group'], ['focus groups'], ['survey'], ['surveys'], ['surveyed'], ['questionnaire'], ['questionnaires'],
      ['observation', 'none', true], ['observations', 'none', true], ['observed', 'none', true], ['workshop', 'none', true], ['workshops', 'none', true], ['design sprint'],
      ['usability'], ['tested with'], ['user test'], ['user tests'], ['usertest'], ['filled out'], ['filled in'], ['completed the survey'], ['responded to the survey'], ['testing sessions'], ['test sessions'], ['user testing'],
      ['we spoke to'], ['we spoke with'], ['we talked to'], ['we talked with'], ['we heard from'], ['we met with'], ['we asked'],
      ['took part in the study'], ['took part in the research'], ['took part in the evaluation'], ['took part in interviews'],
      ['participated in the study'], ['participated in the research'], ['participated in interviews'], ['participated in the evaluation'],
      ['recruited', 'none', true], ['recruit', 'none', true], ['recruiting', 'none', true], ['invited', 'none', true], ['selected', 'none', true], ['sampled', 'none', true], ['enrolled', 'none', true],
      ['took part', 'none', true], ['participated', 'none', true], ['sample', 'none', true],
    ],
  },
};

/** Built-in method words that are verbs (participles, past tenses, "we spoke to"). */
const VERBS = /^(interview|survey|geïnterviewd|interviewden|interviewde|interviewen|bevraagd|geobserveerd|observeerden|getest|testten|uitgenodigd|geworven|werven|geselecteerd|benaderd|interviewed|interviewing|surveyed|observed|recruited|recruit|recruiting|invited|selected|sampled|enrolled|tested with|filled out|filled in|we .*|.* we|hebben w.*|is gesproken met|gesproken is met|zijn gesproken|gesprekken gevoerd)$/;

const compiled = new WeakMap<Vocabulary, Partial<Record<Language, ClientLexicons>>>();

function formsOf(e: DictionaryEntry): string[] {
  return [e.term, ...(e.forms ?? [])];
}

/**
 * The client-perspective lexicons of one language: people words (client, professional,
 * participant) and cue words (voice, experience, method, involvement), from the loaded
 * client dictionaries plus Brug's built-in research words. Compiled once per vocabulary.
 */
export function clientLexicons(vocabulary: Vocabulary, language: Language): ClientLexicons {
  let byLang = compiled.get(vocabulary);
  if (!byLang) compiled.set(vocabulary, (byLang = {}));
  const hit = byLang[language];
  if (hit) return hit;

  const people = new Lexicon<PeopleHit>();
  const cues = new Lexicon<CueHit>();
  const builtin = BUILTIN[language];
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
      people.add(f, h, e.compound ?? 'none');
    }
  }
  const clientStems: string[] = [];
  for (const e of entries) {
    if (e.role !== 'client' && e.role !== 'professional') continue;
    for (const f of formsOf(e)) {
      people.add(f, { kind: e.role, id: e.id }, e.compound ?? 'none');
      if (e.role === 'client') {
        const n = normalizeWord(f);
        if (n.length >= 5 && !n.includes(' ')) clientStems.push(n.replace(/(en|s)$/, ''));
      }
    }
  }
  // Stems that are not client words on their own but mark a method as one among clients.
  clientStems.push(...(language === 'nl' ? ['inwoner', 'bewoner', 'burger', 'klant', 'client', 'patient', 'deelnemer'] : ['patient', 'client', 'service user', 'parent', 'famil', 'resident', 'customer']));
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
  for (const [phrase, compound, sectionOnly] of builtin.methods) {
    const h: CueHit = { kind: 'method', id: `builtin:${phrase}` };
    if (sectionOnly) h.methodSectionOnly = true;
    if (VERBS.test(phrase)) h.verb = true;
    cues.add(phrase, h, compound ?? 'none');
  }
  const result = { people, cues };
  byLang[language] = result;
  return result;
}
