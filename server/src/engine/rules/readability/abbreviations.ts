import type { Language } from '../../types.js';

/** Abbreviations that readers in the field know without explanation, per language (from the dictionaries). */
export class WellKnownAbbreviations {
  private readonly byLanguage: Record<Language, Set<string>> = { nl: new Set(), en: new Set() };

  add(language: Language, term: string): void {
    this.byLanguage[language].add(term.toUpperCase());
  }

  has(language: Language, term: string): boolean {
    const t = term.toUpperCase();
    return this.byLanguage[language].has(t) || this.byLanguage[language === 'nl' ? 'en' : 'nl'].has(t);
  }
}
