import type { Language } from '../types.js';
import type { Dictionary } from './dictionary.js';
import { WellKnownAbbreviations } from '../rules/readability/abbreviations.js';

/**
 * All vocabulary data the rules use, loaded once: the bundled dictionaries and any extra
 * ones a project names. Rules compile what they need from it.
 */
export class Vocabulary {
  readonly dictionaries: Dictionary[] = [];
  readonly abbreviations = new WellKnownAbbreviations();

  constructor(dictionaries: Dictionary[] = []) {
    for (const d of dictionaries) this.add(d);
  }

  add(d: Dictionary): void {
    this.dictionaries.push(d);
    for (const a of d.abbreviations ?? []) this.abbreviations.add(d.language, a.term);
  }

  of(language: Language, kind: Dictionary['kind']): Dictionary[] {
    return this.dictionaries.filter((d) => d.language === language && d.kind === kind);
  }
}
