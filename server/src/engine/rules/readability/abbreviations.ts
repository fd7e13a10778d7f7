import type { Language } from '../../types.js';
import { flat, type TextView } from '../../text/view.js';

/**
 * Abbreviations that readers in the field know without explanation, per language (from the dictionaries).
 * Some are known only to the readers of one country's field (SNAP to US benefits staff, PIP to UK advisers):
 * those carry the words that mark a report of that field (`knownIn`) and count as known only in a report that
 * uses one of them.
 */
export class WellKnownAbbreviations {
  private readonly byLanguage: Record<Language, Set<string>> = { nl: new Set(), en: new Set() };
  private readonly conditional: Record<Language, Map<string, string[]>> = { nl: new Map(), en: new Map() };

  add(language: Language, term: string, knownIn?: string[]): void {
    const t = term.toUpperCase();
    if (knownIn?.length) {
      const list = this.conditional[language].get(t) ?? [];
      this.conditional[language].set(t, [...list, ...knownIn.map((w) => w.toLowerCase())]);
    } else this.byLanguage[language].add(t);
  }

  /**
   * Whether readers know the abbreviation. `mentions` says whether the document uses a word or phrase (lower case);
   * without it, abbreviations known only in one field are not known.
   */
  has(language: Language, term: string, mentions?: (phrase: string) => boolean): boolean {
    const t = term.toUpperCase();
    const other: Language = language === 'nl' ? 'en' : 'nl';
    if (this.byLanguage[language].has(t) || this.byLanguage[other].has(t)) return true;
    if (!mentions) return false;
    const fields = [...(this.conditional[language].get(t) ?? []), ...(this.conditional[other].get(t) ?? [])];
    return fields.some((w) => mentions(w));
  }
}

/** Whether a text uses a lower-case word or phrase, as whole words (any case). */
export function textMentions(text: TextView): (phrase: string) => boolean {
  const seen = new Map<string, boolean>();
  let lower: string | undefined;
  return (phrase) => {
    let hit = seen.get(phrase);
    if (hit === undefined) {
      lower ??= flat(text).toLowerCase();
      const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      hit = lower.includes(phrase.split(/\s+/)[0]!) && new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(lower);
      seen.set(phrase, hit);
    }
    return hit;
  };
}
