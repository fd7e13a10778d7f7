import type { Language } from '../../types.js';
import { flat, stretchesOf, type Stretch, type TextView } from '../../text/view.js';
import { carriedSpan, type ChangedStretch, type LineIndex } from '../../offsets.js';

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
    // The field's words of the language, then of the other one, each asked in turn until one is used. Speed and garbage
    // only (s31): no list of them joined per abbreviation asked (most have none); the same words asked in the same order.
    const own = this.conditional[language].get(t);
    if (own !== undefined) for (let i = 0; i < own.length; i++) if (mentions(own[i]!)) return true;
    const others = this.conditional[other].get(t);
    if (others !== undefined) for (let i = 0; i < others.length; i++) if (mentions(others[i]!)) return true;
    return false;
  }
}

/** White space a phrase's words may have between them in the text (at most: so a phrase's match has a bounded length). */
const PHRASE_GAP = 512;
/** What a view's lower-cased stretches hold after each piece (see lowerStretches): phrases whose match can reach further read the whole text. */
const STRETCH_REACH = 8 * PHRASE_GAP + 256;

/** Where a phrase was found in a text (a match's start and end), or null: nowhere. */
type Found = { start: number; end: number } | null;

/** What a match depends on around it: the look-behind's and the look-ahead's code point (two UTF-16 units at most). */
const CONTEXT = 2;

/**
 * textMentions' answers in the text of one check, by phrase, with the line index of that text (whose successors say how
 * the next text differs from it: LineIndex.madeAfter) and its length. Held for one text at a time: a document rule's
 * check reads one document, and another document's text is not an edit of it (the answers are then found anew).
 */
let LAST_MENTIONS: { lines: number; length: number; found: Map<string, Found> } | undefined;

/**
 * Whether a text uses a lower-case word or phrase, as whole words (any case). With the text's line index (`lines`), the
 * answers of the last text asked are carried over where the edit since cannot have changed them (speed only, abbr42:
 * the whole text was lower-cased at every check of a report that asks, ~2 ms and 0.6 MB per edit at 100,000 words):
 * - a phrase found there, when what its match reads lies wholly before the changed stretch or wholly after it: found
 *   still (moved with the text after it);
 * - a phrase not found there: found now only if a match reads part of the changed stretch, so only the text around it
 *   is searched.
 * Anything else is searched in the whole text, as without `lines`.
 */
export function textMentions(text: TextView, lines?: LineIndex): (phrase: string) => boolean {
  const seen = new Map<string, boolean>();
  let lower: string | undefined;
  // A view's pieces lower-cased once for all the phrases asked (null: lower-casing changed a piece's length).
  let stretches: Stretch[] | null | undefined;
  const inWhole = (re: RegExp, first: string): Found => {
    lower ??= flat(text).toLowerCase();
    if (!lower.includes(first)) return null;
    re.lastIndex = 0;
    const m = re.exec(lower);
    return m ? { start: m.index, end: m.index + m[0].length } : null;
  };
  // The last text's answers, when this text is an edit of it: the stretch the edit changed, in this text (from `from` to
  // `to`) and in the last one (from `from` to `oldTo`).
  const last = LAST_MENTIONS;
  const edit = lines !== undefined && last !== undefined ? lines.changedSince(last.lines, last.length) : undefined;
  const found = new Map<string, Found>();
  if (lines !== undefined) LAST_MENTIONS = { lines: lines.id, length: text.length, found };
  return (phrase) => {
    let hit = seen.get(phrase);
    if (hit === undefined) {
      const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, `\\s{1,${PHRASE_GAP}}`);
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
      const words = phrase.split(/\s+/);
      // The longest match of the phrase, and two characters for the look-ahead.
      const reach = phrase.length + words.length * PHRASE_GAP + 2;
      const was = edit !== undefined ? last!.found.get(phrase) : undefined;
      let where = was !== undefined ? carried(was, edit!, text, re, reach) : undefined;
      if (where === undefined) {
        if (typeof text !== 'string' && lower === undefined && reach <= STRETCH_REACH) stretches ??= lowerStretches(text);
        where = stretches && reach <= STRETCH_REACH ? inStretches(stretches, re, words[0]!) : inWhole(re, words[0]!);
      }
      found.set(phrase, where);
      hit = where !== null;
      seen.set(phrase, hit);
    }
    return hit;
  };
}

/**
 * The last text's answer `was` for this text after `edit` (see textMentions), or undefined when the whole text must be
 * searched: a match that read part of the changed stretch, or a stretch around it that lower-cases to another length.
 */
function carried(was: Found, edit: ChangedStretch, text: TextView, re: RegExp, reach: number): Found | undefined {
  if (was !== null) return carriedSpan(was.start, was.end, edit, CONTEXT);
  // (The same text: the same answer.)
  if (edit.from === edit.oldTo && edit.oldTo === edit.to) return null;
  // A new match reads part of the changed stretch: it starts at most `reach` before it and ends at most `reach` after it.
  const from = Math.max(0, edit.from - reach - 2 * CONTEXT);
  const to = Math.min(text.length, edit.to + reach + 2 * CONTEXT);
  const piece = text.slice(from, to);
  const window = piece.toLowerCase();
  if (window.length !== piece.length) return undefined;
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    // (A match at the window's edge may have read the edge as the text's start or end: only one with what it reads
    // inside the window counts; a match that reads the changed stretch lies well inside it.)
    if ((m.index >= CONTEXT || from === 0) && (m.index + m[0].length + CONTEXT <= window.length || to === text.length)) return { start: from + m.index, end: from + m.index + m[0].length };
    // (Searched on from the next character: a match that counts may start inside one that did not.)
    re.lastIndex = m.index + 1;
  }
  return null;
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
    out.push({ text: lower, at: s.at, to: s.to, start: s.start });
  }
  return out;
}

/** textMentions' search on lower-cased stretches: a match that starts in a stretch's piece is a match in the text. */
function inStretches(stretches: readonly Stretch[], re: RegExp, first: string): Found {
  for (const s of stretches) {
    if (!s.text.includes(first)) continue;
    // The first match from the piece's start.
    re.lastIndex = s.at;
    const m = re.exec(s.text);
    if (m && m.index < s.to) return { start: s.start + m.index, end: s.start + m.index + m[0].length };
  }
  return null;
}
