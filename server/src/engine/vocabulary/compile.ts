import type { Language } from '../types.js';
import type { Dictionary, DictionaryEntry, SynonymGroup } from './dictionary.js';
import { Lexicon, LexiconPair, normalizePhrase, normalizeWord } from './lexicon.js';
import type { Vocabulary } from './vocabulary.js';

export interface TermHit {
  kind: 'jargon' | 'person-first';
  entry: DictionaryEntry;
  dictionary: Dictionary;
  /** The form that matched: -1 for the term itself, else an index into entry.forms. */
  form: number;
}

export interface SynonymHit {
  group: SynonymGroup;
  member: number;
  /** -1 for the member's term, else an index into its forms (parallel across members). */
  form: number;
}

/** An entry's context words, normalised: phrases as word lists. */
export interface EntryContext {
  unless: string[][];
  onlyWith: string[][];
  followedBy: string[][];
  precededBy: string[][];
  inSentence: string[][];
  unsafeFollowedBy: string[][];
}

/** The context cues of a language, normalised for look-ups. */
export interface CompiledCues {
  definitionVerbs: Set<string>;
  notNouns: Set<string>;
  anWords: Set<string>;
  aWords: string[];
  glossaryHeadings: string[];
  /** Normalised phrases by which a document names itself a thesis. */
  thesisWords: string[][];
  /** Normalised phrases that address the writer about the document being written (a template's guidance). */
  writerAddress: string[];
  /** Participles by which a section says it is adopted text (adapted, overgenomen). */
  adoptedVerbs: Set<string>;
}

export interface CompiledVocabulary {
  terms: Lexicon<TermHit>;
  synonyms: Lexicon<SynonymHit>;
  /** Both lexicons in one pass over a sentence (the vocabulary analyzer's per-sentence look-up). */
  termsAndSynonyms: LexiconPair<TermHit, SynonymHit>;
  groups: SynonymGroup[];
  /** Context words of the entries that have them. */
  context: Map<DictionaryEntry, EntryContext>;
  cues: CompiledCues;
}

const compiled = new WeakMap<Vocabulary, Record<string, CompiledVocabulary>>();

function entryKey(d: Dictionary, e: DictionaryEntry): string {
  return `${d.language}:${e.id}`;
}

/**
 * Compiles the jargon, person-first and synonym dictionaries of one language into
 * lexicons, once per vocabulary and project preference set. Project preferences
 * (`vocabulary.prefer`) become synonym groups of their own, or change the preferred member
 * of the bundled group that holds the term.
 */
const EMPTY_PREFER_KEY: Partial<Record<Language, string>> = {};
function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export function compileVocabulary(vocabulary: Vocabulary, language: Language, prefer: Record<string, string>): CompiledVocabulary {
  // Asked for every block: without preferred words (the usual case) the key is a constant string, not one made and hashed
  // anew at each call (speed only, rules18; the same key as JSON.stringify gives).
  const key = isEmpty(prefer) ? (EMPTY_PREFER_KEY[language] ??= `${language}\u0000{}`) : `${language}\u0000${JSON.stringify(prefer)}`;
  let byKey = compiled.get(vocabulary);
  if (!byKey) compiled.set(vocabulary, (byKey = {}));
  const hit = byKey[key];
  if (hit) return hit;

  const terms = new Lexicon<TermHit>();
  const context = new Map<DictionaryEntry, EntryContext>();
  const seen = new Set<string>();
  for (const kind of ['jargon', 'person-first'] as const) {
    for (const d of vocabulary.of(language, kind)) {
      for (const e of d.entries ?? []) {
        const k = entryKey(d, e);
        if (seen.has(k)) continue;
        seen.add(k);
        const compound = e.compound ?? 'none';
        if (e.unless || e.onlyWith || e.unlessFollowedBy || e.unlessPrecededBy || e.unsafeFollowedBy || e.unlessInSentence)
          context.set(e, {
            unless: (e.unless ?? []).map(normalizePhrase),
            onlyWith: (e.onlyWith ?? []).map(normalizePhrase),
            followedBy: (e.unlessFollowedBy ?? []).map(normalizePhrase),
            precededBy: (e.unlessPrecededBy ?? []).map(normalizePhrase),
            inSentence: (e.unlessInSentence ?? []).map(normalizePhrase),
            unsafeFollowedBy: (e.unsafeFollowedBy ?? []).map(normalizePhrase),
          });
        terms.add(e.term, { kind, entry: e, dictionary: d, form: -1 }, compound);
        (e.forms ?? []).forEach((f, i) => terms.add(f, { kind, entry: e, dictionary: d, form: i }, compound));
      }
    }
  }

  const groups: SynonymGroup[] = vocabulary.of(language, 'synonyms').flatMap((d) => d.groups ?? []).map((g) => ({ ...g, members: g.members.map((m) => ({ ...m })) }));
  for (const [term, preferred] of Object.entries(prefer)) {
    const t = normalizeWord(term);
    const p = normalizeWord(preferred);
    const holds = (g: SynonymGroup, w: string) => g.members.some((m) => normalizeWord(m.term) === w || (m.forms ?? []).some((f) => normalizeWord(f) === w));
    const g = groups.find((x) => holds(x, t)) ?? groups.find((x) => holds(x, p));
    if (g) {
      // A word that joins the group brings its forms when another group lists it with as
      // many (klanten → inwoners keeps the plural); else every form is the word itself.
      const width = g.members[0]!.forms?.length ?? 0;
      const join = (word: string, w: string) => {
        const other = groups.flatMap((x) => (x === g ? [] : x.members)).find((m) => normalizeWord(m.term) === w && (m.forms?.length ?? 0) === width);
        g.members.push({ term: word, forms: other?.forms ? [...other.forms] : Array.from({ length: width }, () => word) });
      };
      if (!holds(g, t)) join(term, t);
      if (!holds(g, p)) join(preferred, p);
      g.preferred = g.members.find((m) => normalizeWord(m.term) === p)?.term ?? preferred;
    } else {
      groups.push({ id: `project-${t.replace(/[^a-z0-9]+/g, '-')}`, preferred, members: [{ term: preferred }, { term }], reason: 'Project preference in .brug.yml.', examples: { match: [], noMatch: [] } });
    }
  }
  const synonyms = new Lexicon<SynonymHit>();
  for (const g of groups) {
    g.members.forEach((m, mi) => {
      synonyms.add(m.term, { group: g, member: mi, form: -1 });
      (m.forms ?? []).forEach((f, fi) => {
        if (normalizeWord(f) !== normalizeWord(m.term)) synonyms.add(f, { group: g, member: mi, form: fi });
      });
    });
  }
  const c = vocabulary.cues(language);
  const cues: CompiledCues = {
    definitionVerbs: new Set(c.definitionVerbs.map(normalizeWord)),
    notNouns: new Set(c.notNouns.map(normalizeWord)),
    anWords: new Set(c.anWords.map(normalizeWord)),
    aWords: c.aWords.map(normalizeWord),
    glossaryHeadings: c.glossaryHeadings.map(normalizeWord),
    thesisWords: c.thesisWords.map(normalizePhrase),
    writerAddress: c.writerAddress.map((p) => normalizePhrase(p).join(' ')),
    adoptedVerbs: new Set(c.adoptedVerbs.map(normalizeWord)),
  };
  const result = { terms, synonyms, termsAndSynonyms: new LexiconPair(terms, synonyms), groups, context, cues };
  byKey[key] = result;
  return result;
}

/** The suggestions of an entry for the form that matched, with the project's preference for configurable entries. */
export function suggestionsFor(hit: TermHit, prefer: Record<string, string>): string[] {
  const e = hit.entry;
  let suggestions = e.suggestions ?? [];
  let inflected = hit.form >= 0 ? e.inflections?.[e.forms![hit.form]!] : undefined;
  if (e.configurable) {
    const term = normalizeWord(e.term);
    const chosen = Object.entries(prefer).find(([k]) => normalizeWord(k) === term)?.[1];
    if (chosen) {
      const i = suggestions.findIndex((s) => normalizeWord(s) === normalizeWord(chosen));
      const form = i >= 0 && inflected ? inflected[i] : undefined;
      suggestions = [hit.form >= 0 ? form ?? chosen : chosen];
      inflected = undefined;
    }
  }
  return inflected ?? suggestions;
}

/** The same form of another member of a synonym group (forms are parallel). */
export function memberForm(group: SynonymGroup, member: number, form: number): string {
  const m = group.members[member]!;
  if (form < 0) return m.term;
  return m.forms?.[form] ?? m.term;
}
