import type { Language } from '../types.js';
import type { Dictionary, VocabularyCues } from './dictionary.js';
import { WellKnownAbbreviations } from '../rules/readability/abbreviations.js';

/** Gives the dictionaries of one language when a document of that language first needs them. */
export type DictionaryLoader = (language: Language) => Dictionary[];

const LANGUAGES: Language[] = ['nl', 'en'];

/** Well-known abbreviations that load a language's dictionaries only when a look-up needs them. */
class LazyAbbreviations extends WellKnownAbbreviations {
  constructor(private readonly ensure: (language: Language) => void) {
    super();
  }

  override has(language: Language, term: string, mentions?: (phrase: string) => boolean): boolean {
    // The base class also looks in the other language: both must be there.
    for (const l of LANGUAGES) this.ensure(l);
    return super.has(language, term, mentions);
  }
}

/**
 * All vocabulary data the rules use: the bundled dictionaries (given, or loaded per language on
 * first use through a loader) and any extra ones a project names. Rules compile what they need
 * from it.
 */
export class Vocabulary {
  readonly dictionaries: Dictionary[] = [];
  readonly abbreviations: WellKnownAbbreviations = new LazyAbbreviations((l) => this.ensure(l));
  private readonly loaded = new Set<Language>();

  constructor(
    dictionaries: Dictionary[] = [],
    private readonly loader?: DictionaryLoader,
  ) {
    for (const d of dictionaries) this.add(d);
  }

  add(d: Dictionary): void {
    this.dictionaries.push(d);
    for (const a of d.abbreviations ?? []) this.abbreviations.add(d.language, a.term, a.knownIn);
  }

  /** Whether the language's bundled dictionaries have been loaded (always true without a loader). */
  isLoaded(language: Language): boolean {
    return !this.loader || this.loaded.has(language);
  }

  private ensure(language: Language): void {
    if (!this.loader || this.loaded.has(language)) return;
    this.loaded.add(language);
    // Bundled dictionaries come first, as when they are given to the constructor.
    const own = this.dictionaries.splice(0);
    for (const d of this.loader(language)) if (d.language === language) this.add(d);
    this.dictionaries.push(...own);
  }

  of(language: Language, kind: Dictionary['kind']): Dictionary[] {
    this.ensure(language);
    return this.dictionaries.filter((d) => d.language === language && d.kind === kind);
  }

  /** The context cues of a language (definition verbs, words that are not nouns …), merged over its cues files. */
  cues(language: Language): Required<VocabularyCues> {
    const out: Required<VocabularyCues> = { definitionVerbs: [], definitionLeads: [], glossaryHeadings: [], thesisWords: [], writerAddress: [], adoptedVerbs: [], notNouns: [], anWords: [], aWords: [] };
    for (const d of this.of(language, 'cues')) {
      for (const k of Object.keys(out) as Array<keyof VocabularyCues>) out[k].push(...(d.cues?.[k] ?? []));
    }
    return out;
  }
}
