import type { Language } from '../../types.js';
import { flat, stretchesOf, type TextView } from '../../text/view.js';

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

/** White space a phrase's words may have between them in the text (at most: so a phrase's match has a bounded length). */
const PHRASE_GAP = 512;

/** Whether a text uses a lower-case word or phrase, as whole words (any case). */
export function textMentions(text: TextView): (phrase: string) => boolean {
  const seen = new Map<string, boolean>();
  let lower: string | undefined;
  const inWhole = (re: RegExp, first: string) => {
    lower ??= flat(text).toLowerCase();
    re.lastIndex = 0;
    return lower.includes(first) && re.test(lower);
  };
  return (phrase) => {
    let hit = seen.get(phrase);
    if (hit === undefined) {
      const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, `\\s{1,${PHRASE_GAP}}`);
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
      const first = phrase.split(/\s+/)[0]!;
      hit = typeof text === 'string' || lower !== undefined ? inWhole(re, first) : inStretches(text, re, first, phrase) ?? inWhole(re, first);
      seen.set(phrase, hit);
    }
    return hit;
  };
}

/**
 * textMentions' test on a view, a piece at a time (no lower-cased copy of the whole text): each piece with the two
 * characters before it (what the look-behind reads) and as many after it as a match that starts in it can take (its
 * words, the white space between them, and two characters for the look-ahead). Undefined when lower-casing changed a
 * stretch's length (the places would move): the caller then reads the whole text.
 */
function inStretches(text: TextView, re: RegExp, first: string, phrase: string): boolean | undefined {
  const words = phrase.split(/\s+/).length;
  for (const s of stretchesOf(text, 2, phrase.length + words * PHRASE_GAP + 2)) {
    const lower = s.text.toLowerCase();
    if (lower.length !== s.text.length) return undefined;
    if (!lower.includes(first)) continue;
    // The first match from the piece's start: one that starts in the piece is a match in the text.
    re.lastIndex = s.at;
    const m = re.exec(lower);
    if (m && m.index < s.to) return true;
  }
  return false;
}
