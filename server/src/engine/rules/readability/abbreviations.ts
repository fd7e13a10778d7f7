import type { Language } from '../../types.js';
import { flat, stretchesOf, type Stretch, type TextView } from '../../text/view.js';

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
/** What a view's lower-cased stretches hold after each piece (see lowerStretches): phrases whose match can reach further read the whole text. */
const STRETCH_REACH = 8 * PHRASE_GAP + 256;

/** Whether a text uses a lower-case word or phrase, as whole words (any case). */
export function textMentions(text: TextView): (phrase: string) => boolean {
  const seen = new Map<string, boolean>();
  let lower: string | undefined;
  // A view's pieces lower-cased once for all the phrases asked (null: lower-casing changed a piece's length).
  let stretches: Stretch[] | null | undefined;
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
      const words = phrase.split(/\s+/);
      // The longest match of the phrase, and two characters for the look-ahead.
      const reach = phrase.length + words.length * PHRASE_GAP + 2;
      if (typeof text !== 'string' && lower === undefined && reach <= STRETCH_REACH) stretches ??= lowerStretches(text);
      hit = stretches && reach <= STRETCH_REACH ? inStretches(stretches, re, words[0]!) : inWhole(re, words[0]!);
      seen.set(phrase, hit);
    }
    return hit;
  };
}

/**
 * A view a piece at a time, lower-cased (no lower-cased copy of the whole text): each piece with the two characters
 * before it (what the look-behind reads) and STRETCH_REACH after it (what a match that starts in it can take). Null when
 * lower-casing changed a stretch's length (the places would move): the whole text is read then.
 */
function lowerStretches(text: TextView): Stretch[] | null {
  const out: Stretch[] = [];
  for (const s of stretchesOf(text, 2, STRETCH_REACH)) {
    const lower = s.text.toLowerCase();
    if (lower.length !== s.text.length) return null;
    out.push({ text: lower, at: s.at, to: s.to });
  }
  return out;
}

/** textMentions' test on lower-cased stretches: a match that starts in a stretch's piece is a match in the text. */
function inStretches(stretches: readonly Stretch[], re: RegExp, first: string): boolean {
  for (const s of stretches) {
    if (!s.text.includes(first)) continue;
    // The first match from the piece's start.
    re.lastIndex = s.at;
    const m = re.exec(s.text);
    if (m && m.index < s.to) return true;
  }
  return false;
}
