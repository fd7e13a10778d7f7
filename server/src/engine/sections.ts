import type { Language, ProseBlock, SectionRole } from './types.js';
import type { RoleEntry } from './vocabulary/dictionary.js';
import type { Vocabulary } from './vocabulary/vocabulary.js';
import { hasFirstPersonSingular } from './text/quotes.js';
import { ContentCache, detach } from './cache.js';

/**
 * Section roles. The words live in the section-role dictionaries (dictionaries/nl/sectierollen.yml,
 * dictionaries/en/section-roles.yml): heading words per role in priority order, openings of
 * question headings, and words in a section's own text. This module keeps the algorithm:
 *
 * 1. A heading's own role words win ("Aanbevolen stappen" under a results chapter is recommendations),
 *    except a summary after the body has begun: a chapter's "Summary" belongs to its chapter. The
 *    words outside a bracketed aside count first ("Doelstellingen (cfr. methodologie)").
 *    Inside a discussion, method and results words name what is discussed; inside a method
 *    chapter, an introduction or aim introduces the method. A one-word heading one typing slip
 *    away from a role word ("Conslusie") takes that word's role.
 * 2. A heading that states a sample size ("User interviews (N=4)") reports what that sample gave.
 * 3. A question heading gets its role from its opening ("How did residents benefit?" → results).
 * 4. A heading named in a method section's list of methods (a list a line ending in a colon
 *    introduces: "Ideation", "Design sketches") describes that method. Otherwise a heading without
 *    role words takes its parent's role; under an appendix everything is appendix.
 *    Under the conclusion chapter, a section that introduces a report starts attached material
 *    (a research proposal): it and what follows inside that chapter are appendix.
 * 5. A heading without words or parent role gets its role from its place and its text: a chapter
 *    between the method and the conclusion reports findings, one between the introduction and
 *    the method sets out the background; its text decides when it clearly describes data
 *    collection or reports findings. A document that never describes a study (an essay, a book)
 *    has no findings: its topic chapters stay "other". A section of questions each followed by its
 *    answer records what someone said: results, in any document. In a study, a chapter whose text
 *    (with its parts that name no role of their own) cites sources or sets out theory is
 *    background wherever it stands, and the chapters right after it continue it until one reports
 *    findings or data collection (the notes pages of a GitBook).
 */

export interface CompiledRole {
  id: string;
  role: SectionRole;
  lead: boolean;
  /** The words name the section itself (Methods), not a technique. */
  namesSection: boolean;
  re: RegExp;
  /**
   * `re` with its word edges over Latin-1 only: the same matches in a text whose letters and
   * numbers are all Latin-1 (see narrowText). V8 compiles a [\p{L}\p{N}] class with case folding in
   * about a millisecond, and drops a pattern's compiled code when it has not run for a while, so a
   * document's first check compiled them again (roles24, first runs); the Latin-1 class is cheap.
   */
  narrow: RegExp;
  terms: string[];
  /**
   * The terms' first words, without word edges: true for every text that `re` matches, and cheap
   * to compile. `re` itself (two [\p{L}\p{N}] classes and more per edge, about a quarter of a
   * millisecond each for V8) is compiled when a text first gets past it (speed3, cold start).
   */
  pre?: RegExp;
}

/** The compiled role cues of one language (or of both, document language first). */
export interface RoleVocabulary {
  heading: CompiledRole[];
  question: CompiledRole[];
  content: CompiledRole[];
}

const EMPTY: RoleVocabulary = { heading: [], question: [], content: [] };

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One term as a pattern in three parts: the word edge before it, its words (separated by any space), the word edge or any ending (a trailing *) after it. */
function termParts(term: string): { start: string; body: string; end: string } {
  const t = term.toLowerCase().trim();
  const star = t.endsWith('*');
  const body = (star ? t.slice(0, -1) : t).split(/\s+/).map(escape).join('\\s+');
  const start = /^[\p{L}\p{N}]/u.test(t) ? '(?<![\\p{L}\\p{N}])' : '';
  const end = star ? '[\\p{L}\\p{N}-]*' : /[\p{L}\p{N}]$/u.test(t) ? '(?![\\p{L}\\p{N}])' : '';
  return { start, body, end };
}

function edgeKey(term: string): string {
  const p = termParts(term);
  return `${p.start} ${p.end}`;
}

/**
 * The terms as one alternation, in their order. Neighbouring terms with the same edges share
 * them (a(?!x)|b(?!x) is (?:a|b)(?!x), match for match): V8 compiles each [\p{L}\p{N}] class
 * of a pattern anew, about a millisecond apiece, which made the first document of a run wait.
 */
function alternation(terms: string[], anyOrder = false): string {
  // Where only the position of the first match counts (not which term made it), terms with the
  // same edges may go together wherever they stand: the leftmost match is the same.
  if (anyOrder) {
    // Keys computed once per term, not at every comparison (the same stable order).
    const keys = new Map(terms.map((t) => [t, edgeKey(t)]));
    // Plain code-unit order: any order that groups equal keys will do, and localeCompare's first
    // call loads ICU's collation data (about 15 ms of a cold start).
    terms = [...terms].sort((a, b) => {
      const x = keys.get(a)!;
      const y = keys.get(b)!;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  const out: string[] = [];
  let run: string[] = [];
  let edges: { start: string; end: string } | undefined;
  const flush = () => {
    if (!edges || run.length === 0) return;
    out.push(run.length === 1 ? `${edges.start}${run[0]}${edges.end}` : `${edges.start}(?:${run.join('|')})${edges.end}`);
    run = [];
  };
  for (const term of terms) {
    const p = termParts(term);
    if (!edges || edges.start !== p.start || edges.end !== p.end) {
      flush();
      edges = { start: p.start, end: p.end };
    }
    run.push(p.body);
  }
  flush();
  return out.join('|');
}

/**
 * Compiled patterns by flags and source, shared by every compiled vocabulary (speed only). V8
 * compiles a pattern's code when it first runs, about half a millisecond for one with Unicode
 * classes and case folding, and keeps it with the RegExp object (across collections too); a new
 * object of the same source is compiled again. A check with a fresh vocabulary (a new engine, the
 * command per run) paid that for every role pattern of every document. The objects hold no state
 * between uses: heading and question patterns have no `g` flag, and count() resets a content
 * pattern's lastIndex before it starts. Bounded: leave-one-out evaluation compiles many variants.
 */
const PATTERNS = new Map<string, RegExp>();
const MAX_PATTERNS = 1024;

function pattern(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = PATTERNS.get(key);
  if (!re) {
    if (PATTERNS.size >= MAX_PATTERNS) PATTERNS.clear();
    PATTERNS.set(key, (re = new RegExp(source, flags)));
  }
  return re;
}

/** The inside of the word-edge class of termParts(), and the same class over Latin-1 (U+0000–U+00FF) only. */
const WORD_CLASS = '[\\p{L}\\p{N}';
const LATIN1_WORD_CLASS = '[A-Za-z0-9\\xaa\\xb2\\xb3\\xb5\\xb9\\xba\\xbc-\\xbe\\xc0-\\xd6\\xd8-\\xf6\\xf8-\\xff';
/** A character beyond Latin-1 (a code unit: either half of a surrogate pair will do). */
const BEYOND_LATIN1 = /[^\x00-\xff]/;
/** A letter or number beyond Latin-1. */
const WIDE_WORD = /(?![\x00-\xff])[\p{L}\p{N}]/u;

/**
 * Whether a role pattern's `narrow` form matches the text exactly as its `re` does: every letter
 * and number of the text is Latin-1. The edges look at the text's characters only, and on Latin-1
 * characters the two classes agree (with case folding too: what folding adds to the narrow class
 * lies beyond Latin-1 and is a letter, which such a text does not hold); the rest is the same.
 */
export function narrowText(text: string): boolean {
  return !BEYOND_LATIN1.test(text) || !WIDE_WORD.test(text);
}

/** The pattern of a role for a text: its narrow form where that matches the same (narrowText). */
function matcher(r: CompiledRole, narrow: boolean): RegExp {
  return narrow ? r.narrow : r.re;
}

/** Compiles role entries (in their order) into matchers; `exclude` leaves out terms (for leave-one-out evaluation). */
export function compileRoles(entries: RoleEntry[], exclude?: ReadonlySet<string>): RoleVocabulary {
  const out: RoleVocabulary = { heading: [], question: [], content: [] };
  for (const e of entries) {
    const terms = e.terms.filter((t) => !exclude?.has(`${e.id}:${t}`));
    if (terms.length === 0) continue;
    // Heading and question cues are only tested for where they match; content cues are counted.
    const flags = e.cue === 'content' ? 'giu' : 'iu';
    const source = () => {
      const alt = alternation(terms, e.cue !== 'content');
      return e.cue === 'heading' && e.lead ? `^(?:${alt})` : `(?:${alt})`;
    };
    const leads = terms.map((t) => escape(t.toLowerCase().trim().split(/\s+/)[0]!.replace(/\*$/, '')));
    let re: RegExp | undefined;
    let narrow: RegExp | undefined;
    out[e.cue].push({
      id: e.id,
      role: e.role,
      lead: !!e.lead,
      namesSection: !!e.namesSection,
      get re() {
        return (re ??= pattern(source(), flags));
      },
      get narrow() {
        return (narrow ??= pattern(source().replaceAll(WORD_CLASS, LATIN1_WORD_CLASS), flags));
      },
      terms,
      ...(leads.every(Boolean) ? { pre: pattern(leads.join('|'), 'iu') } : {}),
    });
  }
  return out;
}

const compiled = new WeakMap<Vocabulary, Partial<Record<Language, RoleVocabulary>>>();

/** The role entries of a language from the loaded dictionaries. */
export function roleEntries(vocabulary: Vocabulary, language: Language): RoleEntry[] {
  return vocabulary.of(language, 'section-roles').flatMap((d) => d.roles ?? []);
}

/**
 * The role vocabulary for a document's language, compiled once per vocabulary. Only that
 * language's dictionaries are loaded; English headings common in Dutch reports ("Literature
 * review", "Discovery") are listed in the Dutch file itself.
 */
export function roleVocabularyOf(vocabulary: Vocabulary | undefined, language: Language): RoleVocabulary {
  if (!vocabulary) return EMPTY;
  let byLang = compiled.get(vocabulary);
  if (!byLang) compiled.set(vocabulary, (byLang = {}));
  const hit = byLang[language];
  if (hit) return hit;
  const result = compileRoles(roleEntries(vocabulary, language));
  byLang[language] = result;
  return result;
}

/** Two role vocabularies as one, the first one's cues first. */
export function mergeRoles(a: RoleVocabulary, b: RoleVocabulary): RoleVocabulary {
  return { heading: [...a.heading, ...b.heading], question: [...a.question, ...b.question], content: [...a.content, ...b.content] };
}

const NUMBERING = /^(?:(?:hoofdstuk|chapter|deel|part|sectie|section|fase|phase|stap|step)\s+)?(?:[0-9]+[a-z]?(?:\.[0-9]+)*|[ivxlc]+|[a-z]|q[0-9]+)(?:\s*[.):\-–—]|\s*$)?\s+/i;

export function normaliseHeading(title: string): string {
  // Remembered per title (speed and garbage only, session 10): the role assignment after an edit at a section's start
  // normalises every heading of the document again. A copy of its own: the result may share the title's memory.
  let h = NORMALISED.get(title);
  if (h === undefined) NORMALISED.set(title, (h = detach(normaliseUncached(title))));
  return h;
}
const NORMALISED = new ContentCache<string>(4096, { maxWeight: 256_000, weigh: (key: string) => key.length, refresh: true });

/** normaliseHeading() without its memo. */
export function normaliseUncached(title: string): string {
  let h = title
    // LaTeX language switches in titles: \IfLanguageName{dutch}{Inleiding}{Introduction}.
    .replace(/\\IfLanguageName\{[^{}]*\}\{([^{}]*)\}\{[^{}]*\}/g, '$1')
    .replace(/\{#[^{}]*\}/g, ' ')
    .replace(/(^|\s)#[\p{L}][\p{L}\p{N}-]*/gu, ' ')
    .replace(/<[^>]{1,80}>/g, ' ')
    .replace(/\\\(/g, '(')
    .replace(/\\\)/g, ')')
    .toLowerCase()
    .replace(/[*_`#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  h = h.replace(NUMBERING, '');
  h = h.replace(NUMBERING, '');
  return h.replace(/[:.!;,]+$/, '').trim();
}

/** Words of a normalised heading that a role word must come among when the heading is a statement. */
const LEAD_WORDS = 3;
/** A heading of this many words or more reads as a statement ("Bijna alle inwoners komen …"), not as a section name. */
const STATEMENT_WORDS = 7;
/** "(N=4)", "(n = 5)", "(N totaal = 13)": a heading that reports on a sample. */
const SAMPLE_SIZE = /\(\s*n\b[^()]{0,12}=\s*\d+\s*\)/i;

/**
 * The roles a heading names by its own words, in priority order (empty when none). `strict`: the
 * role word must come among the heading's first words. A statement heading ("Houd het taalgebruik
 * simpel om de doelgroep niet kwijt te raken") and a document title ("Rapport over de aanpak")
 * name their topic, not a role, when the role word comes later; they are read strictly.
 */
export function rolesOfHeading(title: string, vocab: RoleVocabulary, strict = false): SectionRole[] {
  // Remembered per vocabulary and title (speed only, lsp9): a document's headings are asked about at every re-assignment
  // of roles, and the engine asks ahead of it a few at a time (primeHeadingRoles). Callers do not change the list.
  let memo = HEADING_ROLES.get(vocab);
  // Bounded by characters too (a plain-text heading may be a long line), the least recently used going first.
  if (!memo) HEADING_ROLES.set(vocab, (memo = [new ContentCache(4096, TITLE_BOUND), new ContentCache(4096, TITLE_BOUND)]));
  const cache = memo[strict ? 1 : 0];
  let roles = cache.get(title);
  if (!roles) cache.set(title, (roles = rolesOfHeadingUncached(title, vocab, strict)));
  return roles;
}
const HEADING_ROLES = new WeakMap<RoleVocabulary, [ContentCache<SectionRole[]>, ContentCache<SectionRole[]>]>();
const TITLE_BOUND = { maxWeight: 256_000, weigh: (key: string) => key.length, refresh: true };

/** The roles of a heading's own words, before the per-title memo, the first one most plainly named. */
function rolesOfHeadingUncached(title: string, vocab: RoleVocabulary, strict: boolean): SectionRole[] {
  const full = normaliseHeading(title);
  // The words outside an aside in brackets name the section ("Doelstellingen (cfr. methodologie)");
  // the aside counts when they name no role ("Initial design work (futures workshops)").
  const bare = full.replace(/\s*[([][^()[\]]*[)\]]/g, ' ').replace(/\s+/g, ' ').trim();
  if (bare && bare !== full) {
    const own = headingRoles(bare, vocab, strict);
    if (own.length) return own;
  }
  return headingRoles(full, vocab, strict);
}

/** Letters at least in a one-word heading that may differ by one slip from a role word ("Conslusie", "Metohde"). */
const SLIP_LETTERS = 7;

/** Whether two words differ by at most one slip: a letter changed, added, dropped, or two neighbours swapped. */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The one-word role words (stems of words with any ending) long enough for a slip, per compiled vocabulary. */
const slipWords = new WeakMap<RoleVocabulary, Array<{ word: string; role: SectionRole }>>();

function slipWordsOf(vocab: RoleVocabulary): Array<{ word: string; role: SectionRole }> {
  let words = slipWords.get(vocab);
  if (words) return words;
  words = [];
  for (const r of vocab.heading) {
    for (const term of r.terms) {
      // A word with any ending (conclusie*) by its stem.
      const t = term.toLowerCase().replace(/\*$/, '');
      if (t.length >= SLIP_LETTERS && /^\p{L}+$/u.test(t)) words.push({ word: t, role: r.role });
    }
  }
  slipWords.set(vocab, words);
  return words;
}

/** The role of a one-word heading that is a role word with one slip (a typing error), or undefined. */
function slipRole(h: string, vocab: RoleVocabulary): SectionRole | undefined {
  if (h.length < SLIP_LETTERS || /\s/.test(h)) return undefined;
  for (const { word, role } of slipWordsOf(vocab)) if (Math.abs(word.length - h.length) <= 1 && oneSlipApart(h, word)) return role;
  return undefined;
}

function headingRoles(h: string, vocab: RoleVocabulary, strict: boolean): SectionRole[] {
  if (!h) return [];

  const leadOnly = strict || h.split(/\s+/).length >= STATEMENT_WORDS;
  const out: SectionRole[] = [];
  let narrow: boolean | undefined;
  for (const r of vocab.heading) {
    if (r.pre && !r.pre.test(h)) continue;
    const m = matcher(r, (narrow ??= narrowText(h))).exec(h);
    if (!m) continue;
    if (r.lead && h.split(/\s+/).length > 4) continue;
    // A role word further in a long or strict heading does not make the heading that role.
    if (leadOnly && h.slice(0, m.index).split(/\s+/).filter(Boolean).length >= LEAD_WORDS) continue;
    if (!out.includes(r.role)) out.push(r.role);
  }
  if (out.length === 0) {
    const slip = slipRole(h, vocab);
    if (slip) out.push(slip);
  }
  return out;
}

/** Whether the words of a heading outside its brackets name a section itself ("Materiaal en methoden (N = 5)"). */
function namesSection(title: string, vocab: RoleVocabulary): boolean {
  const bare = bareHeading(title);
  let narrow: boolean | undefined;
  return vocab.heading.some((r) => r.namesSection && (!r.pre || r.pre.test(bare)) && matcher(r, (narrow ??= narrowText(bare))).test(bare));
}

/** The first role a heading names by its own words, or undefined. */
export function roleOfHeading(title: string, vocab: RoleVocabulary, strict = false): SectionRole | undefined {
  return rolesOfHeading(title, vocab, strict)[0];
}

/** The role a question heading announces by its opening ("What did the city achieve?" → results). */
export function roleOfQuestion(title: string, vocab: RoleVocabulary): SectionRole | undefined {
  const h = normaliseHeading(title.replace(/\?+\s*[*_]*\s*$/, '?'));
  if (!/\?/.test(title)) return undefined;
  let narrow: boolean | undefined;
  for (const r of vocab.question) if ((!r.pre || r.pre.test(h)) && matcher(r, (narrow ??= narrowText(h))).test(h)) return r.role;
  return undefined;
}

/**
 * A citation of a source, in any language: "(Hattie & Timperley, 2019)", "[Wiggins, 2019]",
 * "Fogg (2009)". A section that cites sources sets out what others found: background.
 */
const CITATION = /[([][^()[\]\n]{1,80}?[,\s](?:19|20)\d\d[a-z]?\s*[)\]]|\p{Lu}[\p{L}'’-]+(?:\s+et\s+al\.?)?\s+\((?:19|20)\d\d[a-z]?\)/gu;

/** How often a section's text uses each role's content cues (citations count for background). */
export function contentScores(content: string | undefined, vocab: RoleVocabulary, part: 'all' | 'findings' | 'sources' = 'all'): Map<SectionRole, number> {
  return new Map(scoresOf(content, vocab, part));
}

/** contentScores() as remembered (callers do not change it). */
function scoresOf(content: string | undefined, vocab: RoleVocabulary, part: 'all' | 'findings' | 'sources'): ReadonlyMap<SectionRole, number> {
  if (!content || vocab.content.length === 0) return NO_SCORES;
  // Remembered per text and vocabulary: an edit changes the content of one section, not the others'.
  const facts = factsOf(content);
  facts.scores ??= new WeakMap();
  let byPart = facts.scores.get(vocab);
  if (!byPart) facts.scores.set(vocab, (byPart = {}));
  return (byPart[part] ??= countScores(content, vocab, part));
}
const NO_SCORES: ReadonlyMap<SectionRole, number> = new Map();

/**
 * What the role algorithm reads from a section's content, remembered per content (keyed by the text itself, not a
 * string joined from it, so that a content met again is looked up without reading it): its content scores per
 * vocabulary and part, its list items, whether it records answers. A content that a heading's next content replaces is
 * dropped (contentOf); the rest is bounded by its characters, the least recently used going first.
 */
interface ContentFacts {
  scores?: WeakMap<RoleVocabulary, Partial<Record<'all' | 'findings' | 'sources', Map<SectionRole, number>>>>;
  items?: string[];
  answers?: boolean;
}
const CONTENT_FACTS = new ContentCache<ContentFacts>(4096, { maxWeight: 1_000_000, weigh: (key) => key.length, refresh: true });

function factsOf(content: string): ContentFacts {
  let facts = CONTENT_FACTS.get(content);
  if (!facts) CONTENT_FACTS.set(content, (facts = {}));
  return facts;
}

function countScores(content: string, vocab: RoleVocabulary, part: 'all' | 'findings' | 'sources'): Map<SectionRole, number> {
  const score = new Map<SectionRole, number>();
  let narrow: boolean | undefined;
  for (const r of vocab.content) {
    // "findings": every role but background (data collection, findings); "sources": background only.
    if ((part === 'findings' && r.role === 'background') || (part === 'sources' && r.role !== 'background')) continue;
    if (r.pre && !r.pre.test(content)) continue;
    const n = count(matcher(r, (narrow ??= narrowText(content))), content);
    if (n) score.set(r.role, (score.get(r.role) ?? 0) + n);
  }
  // A citation has a year; text without one is not searched for citations.
  const cited = part !== 'findings' && YEAR.test(content) ? count(CITATION, content) : 0;
  if (cited) score.set('background', (score.get('background') ?? 0) + cited);
  return score;
}

const YEAR = /(?:19|20)\d\d/;

/** How often a global pattern matches a text (without building the list of matches). */
function count(re: RegExp, text: string): number {
  let n = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    n++;
    if (m[0] === '') re.lastIndex++;
  }
  return n;
}

/** Questions at least, the share of them answered, and the share of the lines they take, that make a section's text a record of answers. */
const ANSWERED_QUESTIONS = 3;
const ANSWERED_SHARE = 0.6;
const QUESTION_LINES = 0.25;

/**
 * Whether a section's text records answers: most of its questions are followed by a line that is
 * not a question, and at least a third of those answers speak in the first person ("Speelt u wel eens
 * bingo?" / "Ja, ik speel graag …"). What a participant answered is a finding; an interview guide
 * lists its questions one after another, and a list of frequent questions answers the reader.
 */
export function recordsAnswers(content: string | undefined): boolean {
  if (!content) return false;
  const facts = factsOf(content);
  return (facts.answers ??= recordsAnswersOf(content));
}

function recordsAnswersOf(content: string): boolean {
  const lines = content.split('\n').map((l) => l.trim()).filter(Boolean);
  let questions = 0;
  let answered = 0;
  let spoken = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!/\?\s*[*_]*$/.test(lines[i]!)) continue;
    questions++;
    const next = lines[i + 1];
    if (next === undefined || /\?\s*[*_]*$/.test(next)) continue;
    answered++;
    if (hasFirstPersonSingular(next, 'nl') || hasFirstPersonSingular(next, 'en')) spoken++;
  }
  // A record of answers is mostly questions and answers; a chapter that asks a few questions on the way and answers them itself is not.
  if (answered < ANSWERED_QUESTIONS || answered < questions * ANSWERED_SHARE || questions < lines.length * QUESTION_LINES) return false;
  // Someone answers for themselves ("Ja, ik speel graag …"), in a third of the answers at least; a list of frequent questions answers the reader ("U kunt …").
  return spoken * 3 >= answered;
}

/** What a section's own text reports, when its cues clearly point one way: findings, data collection or background. */
export function roleOfContent(content: string | undefined, vocab: RoleVocabulary): SectionRole | undefined {
  return roleOfScores(scoresOf(content, vocab, 'all'));
}

/** The role that content scores clearly point to: at least two cues, more than twice the next role's. */
function roleOfScores(scores: ReadonlyMap<SectionRole, number>): SectionRole | undefined {
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 2) return undefined;
  if (second && second[1] * 2 > best[1]) return undefined;
  return best[0];
}

export interface HeadingInfo {
  title: string;
  level: number;
  /** Whether prose came before this heading. */
  afterProse: boolean;
  /** The source declares this heading the title (LaTeX \title). */
  declaredTitle?: boolean;
  /** The start of the section's own text (up to the next heading), for content cues. */
  content?: string;
}

const CONTENT_CHARS = 3000;
/** The characters of a chapter with its parts whose content cues count for it. */
const SECTION_CHARS = 30000;
const TEMPLATE_TAG = /\{%[^%]{0,200}%\}|\{\{[^{}]{0,200}\}\}/g;

/** The headings of a parsed document with what the role algorithm needs: level, prose before, the section's own text. */
export function headingInfos(blocks: ProseBlock[]): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  scanHeadings(blocks, 0, blocks.length, false, out, []);
  return out;
}

/** A parse's heading infos with the block index of each heading (see headingInfosAfterEdit). */
export interface HeadingList {
  infos: HeadingInfo[];
  at: number[];
}

/**
 * The last parse's heading list, with how this parse's blocks stand to that parse's `count` blocks: the first `before`
 * are its block objects, the last `after` have the maps and texts of its last `after` blocks (the Markdown reader hands
 * out the blocks of chunks an edit left so: the same objects before the edit, moved copies after it).
 */
export interface LastHeadings extends HeadingList {
  count: number;
  before: number;
  after: number;
}

/**
 * headingInfos(blocks) with the heading indices, read again only where an edit changed the blocks (`last`). The sections
 * wholly before the edit and those after it keep their infos (the same objects: the blocks after the edit have the
 * texts of the last parse's); the sections in between are read anew. For blocks whose `skip` no reader set (the
 * engine marks a references section's blocks after this is read).
 */
export function headingInfosAfterEdit(blocks: readonly ProseBlock[], last: LastHeadings | undefined): HeadingList {
  const n = blocks.length;
  const infos: HeadingInfo[] = [];
  const at: number[] = [];
  if (!last) {
    scanHeadings(blocks, 0, n, false, infos, at);
    return { infos, at };
  }
  const m = last.count;
  const p = last.before;
  const q = last.after;
  const oat = last.at;
  const oinfos = last.infos;
  const h = oat.length;
  // c: the last parse's headings before the edit; the sections of all but the last of them end before it.
  const c = firstAtOrAfter(oat, p);
  // hs: the first of its headings after the edit (all its sections' blocks are after it too).
  const hs = firstAtOrAfter(oat, m - q);
  for (let x = 0; x < c - 1; x++) {
    infos.push(oinfos[x]!);
    at.push(oat[x]!);
  }
  const shift = n - m;
  const from = c > 0 ? oat[c - 1]! : 0;
  const to = hs < h ? oat[hs]! + shift : n;
  const proseSeen = scanHeadings(blocks, from, to, c > 0 ? oinfos[c - 1]!.afterProse : false, infos, at);
  // Prose before the first heading after the edit only now (or no longer): read in full (a document of headings alone).
  if (hs < h && proseSeen !== oinfos[hs]!.afterProse) {
    infos.length = 0;
    at.length = 0;
    scanHeadings(blocks, 0, n, false, infos, at);
    return { infos, at };
  }
  // Speed only (roles37): the infos themselves, not new ones per heading and edit: their blocks have the texts of the
  // last parse's (so the same titles, copies of their own: see scanHeadings), levels and places.
  for (let x = hs; x < h; x++) {
    infos.push(oinfos[x]!);
    at.push(oat[x]! + shift);
  }
  return { infos, at };
}

/** The first index of an ascending list whose value is at least `value`. */
export function firstAtOrAfter(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The infos of the headings in blocks[from, to), appended to `out` (their indices to `at`), the last section ending at
 * `to`; `proseSeen`: whether prose came before `from`. Returns whether prose came before `to`.
 */
function scanHeadings(blocks: readonly ProseBlock[], from: number, to: number, proseSeen: boolean, out: HeadingInfo[], at: number[]): boolean {
  let current: HeadingInfo | undefined;
  let heading: ProseBlock | undefined;
  let parts: string[] = [];
  let length = 0;
  const finish = () => {
    if (current && heading) current.content = contentOf(heading, parts);
  };
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      finish();
      // The title a copy of its own (a block's text may be a slice of the document): the infos are kept from one parse
      // to the next (headingInfosAfterEdit), and must not keep an earlier version of the document alive.
      current = { title: detach(b.text.trim()), level: b.level ?? 1, afterProse: proseSeen, content: '' };
      if (b.title) current.declaredTitle = true;
      out.push(current);
      at.push(i);
      heading = b;
      parts = [];
      length = 0;
      continue;
    }
    proseSeen = true;
    if (current && length < CONTENT_CHARS && !b.skip) {
      const part = contentPart(b);
      parts.push(part);
      length += part.length;
    }
  }
  finish();
  return proseSeen;
}

/**
 * What a block adds to its section's content: its start, template tags ({% hint %}, {{< figure >}})
 * left out (markup, not what the section says). Remembered by the block's map (a parser hands out
 * the same one while a block is unchanged).
 */
function contentPart(b: ProseBlock): string {
  const known = PARTS.get(b.map);
  if (known && known.text === b.text) return known.part;
  // A copy of its own: a block's text may be a slice of the document (plain text), which must not stay alive with it.
  const part = detach(`${b.text.slice(0, CONTENT_CHARS).replace(TEMPLATE_TAG, ' ')}\n`);
  PARTS.set(b.map, { text: b.text, part });
  return part;
}
const PARTS = new WeakMap<object, { text: string; part: string }>();

/**
 * A section's content from its blocks' parts: the same string as at the last check while the parts
 * are the same (by the heading's map), so that comparing it and looking it up in the role caches
 * does not read it again. A copy of its own: it shares no memory with the document.
 */
function contentOf(heading: ProseBlock, parts: string[]): string {
  const known = CONTENTS.get(heading.map);
  if (known && known.parts.length === parts.length && known.parts.every((p, i) => p === parts[i])) return known.content;
  const content = detach(parts.join(''));
  // What was remembered of the heading's last content goes with it (an edit at a section's start makes a new content at
  // every check; speed and memory only, session 9).
  if (known && known.content !== content) CONTENT_FACTS.delete(known.content);
  CONTENTS.set(heading.map, { parts, content });
  return content;
}
const CONTENTS = new WeakMap<object, { parts: string[]; content: string }>();

/** Roles that mean the body of the report has begun: a summary after them is a chapter's summary. */
const BODY: ReadonlySet<SectionRole> = new Set(['background', 'method', 'results', 'discussion', 'conclusion', 'recommendations']);
/** Roles a discussion reflects on: under a discussion, a section named after them discusses them ("Strengths: the iterative method"). */
const DISCUSSED: ReadonlySet<SectionRole> = new Set(['introduction', 'background', 'method', 'results']);

/**
 * Roles for a document's headings in order. The first heading is the title when it is the
 * top level and no prose came before it (prose-free headings right after it are part of
 * the title block in plain text); otherwise roles come from the words, then from the parent,
 * then from the heading's position among the chapters and its own text. `contentRead`, when given, is filled with
 * whether each heading's content was read: headings whose content was not read can have any other content and get the
 * same roles (the other fields being the same).
 *
 * Speed only (roles37): the last assignment per vocabulary is kept with what it carried from each heading to the next
 * (Carried) and the contents the placing of each heading read. When only contents changed since (the same titles,
 * levels and places), only the headings whose placing read a changed content then (the changed section, or a section
 * it lies in: a section's scores count its parts') are placed again, each in the state the last assignment had before
 * it, and after each one the headings that follow it until what the assignment carries to the next heading is what it
 * carried then. Any other heading is placed from the same inputs in the same state (by induction from the first
 * heading), so it gets its last role and reads what it read.
 */
export function assignRoles(headings: HeadingInfo[], vocab: RoleVocabulary, contentRead?: boolean[]): SectionRole[] {
  const n = headings.length;
  let a = LAST_ASSIGNMENT.get(vocab);
  // The headings to place again, in order (see resumeAt); from scratch: all.
  const readers = a ? resumeAt(a, headings) : undefined;
  if (!a || !readers) {
    // When the source names its title, that heading alone is the title.
    const declared = headings.some((h) => h.declaredTitle);
    // The role each heading names by its own words, for looking ahead.
    const named = headings.map((h) => roleOfHeading(h.title, vocab));
    a = {
      titles: headings.map((h) => detach(h.title)),
      levels: headings.map((h) => h.level),
      afterProse: headings.map((h) => !!h.afterProse),
      declaredTitles: headings.map((h) => !!h.declaredTitle),
      contents: headings.map((h) => h.content),
      declared,
      place: placeOf(headings, named),
      roles: new Array(n),
      reads: new Array(n),
      before: [{ open: undefined, titleDone: false, bodySeen: false, attachedLevel: undefined, listedMethods: NO_ITEMS, seen: NO_ROLES, fromSources: NO_INDICES }],
    };
    LAST_ASSIGNMENT.set(vocab, a);
  }
  const place = a.place;
  place.scores = new Array(n);
  const roles = a.roles;
  const before = a.before;
  let open: Open | undefined;
  let titleDone = false;
  let bodySeen = false;
  // Attached material (a research proposal after the conclusion): everything deeper than this level is appendix.
  let attachedLevel: number | undefined;
  // The short lines (list items) of the method sections so far: the methods the document says it used.
  let listedMethods = NO_ITEMS;
  /** Takes up the state the assignment had before heading i. */
  const restore = (i: number) => {
    const start = before[i]!;
    open = start.open;
    titleDone = start.titleDone;
    bodySeen = start.bodySeen;
    attachedLevel = start.attachedLevel;
    listedMethods = start.listedMethods;
    place.seen = start.seen;
    place.fromSources = start.fromSources;
  };
  const declared = a.declared;
  const roleAt = (i: number, h: HeadingInfo): SectionRole => {
    while (open && open.level >= h.level) open = open.up;
    if (attachedLevel !== undefined && h.level <= attachedLevel) attachedLevel = undefined;
    if (declared) {
      if (h.declaredTitle) return 'title';
      titleDone = true;
    }
    // The first top-level heading before any prose is the title unless it opens with a role word ("Samenvatting").
    // Only a heading of level 1 or 2 can be the title: plain text guesses levels (a numbered chapter is 1,
    // an unnumbered line 2), and a Markdown page that opens on "#### Algoprudentienummer" has its title elsewhere.
    const titleCandidate = !titleDone && i === 0 && h.level <= 2 && !h.afterProse;
    const parent = open;
    let role = ownRole(h, vocab, titleCandidate, bodySeen, attachedLevel !== undefined ? 'appendix' : parent?.role);
    if (!role && titleCandidate) role = 'title';
    if (!role && !titleDone && i > 0 && roles[i - 1] === 'title' && !h.afterProse && h.level >= headings[i - 1]!.level) role = 'title';
    if (role === 'title') return role;
    titleDone = true;
    // Under the conclusion chapter, a section that introduces a report starts attached material (a proposal, an earlier version).
    const chapter = open?.chapter;
    if (role === 'introduction' && chapter?.role === 'conclusion' && parent !== undefined) {
      role = 'appendix';
      attachedLevel = chapter.level;
    }
    if (role && parent?.role === 'discussion' && DISCUSSED.has(role)) role = 'discussion';
    // The introduction or aim of a method chapter ("Doel interview", "Introduction") introduces the method.
    if (role === 'introduction' && parent?.role === 'method') role = 'method';
    // A heading named in the list of methods of an earlier method section ("Ideation", "Design sketches") describes that method.
    if (!role && listedMethods.has(bareHeading(h.title))) role = 'method';
    if (!role && parent && parent.role !== 'title' && parent.role !== 'other') role = parent.role;
    // A heading without role words and without a parent role: what its own text reports, or its place among the chapters.
    if (!role) role = roleByPlace(headings, i, place, vocab) ?? 'other';
    if (role === 'method') listedMethods = withItems(listedMethods, listItems(contentAt(headings, i, place)));
    if (BODY.has(role)) bodySeen = true;
    place.seen = withItems(place.seen, [role]);
    const node: Open = { level: h.level, role, up: open, chapter: undefined! };
    node.chapter = open ? open.chapter : node;
    open = node;
    return role;
  };
  let next = 0;
  let i = readers ? (readers[0] ?? n) : 0;
  if (i < n) restore(i);
  // The kept assignment is written as the headings are placed (and resumeAt wrote the new contents into it before):
  // a placing that throws leaves it half of one assignment and half of another, so it goes, and the next starts anew.
  try {
    while (i < n) {
      const h = headings[i]!;
      place.reading = [];
      const role = roleAt(i, h);
      a.reads[i] = place.reading.length ? place.reading : undefined;
      const carried: Carried = { open, titleDone, bodySeen, attachedLevel, listedMethods, seen: place.seen, fromSources: place.fromSources };
      // The same role and state as the last assignment's here: up to the next heading to place again, the same inputs in
      // the same state (the same roles, states and reads as then).
      const converged = readers !== undefined && roles[i] === role && sameCarried(before[i + 1], carried);
      roles[i] = role;
      before[i + 1] = carried;
      if (!converged) {
        i++;
        continue;
      }
      while (next < readers.length && readers[next]! <= i) next++;
      if (next === readers.length) break;
      i = readers[next]!;
      restore(i);
    }
  } catch (err) {
    LAST_ASSIGNMENT.delete(vocab);
    throw err;
  }
  place.reading = undefined;
  if (contentRead) {
    contentRead.fill(false, 0, n);
    for (const js of a.reads) if (js) for (const j of js) contentRead[j] = true;
  }
  // A list of its own: the caller may keep it (the next assignment writes into the kept one).
  return roles.slice();
}

/** The open headings (the innermost first), their levels and roles; shared by the states of later headings, never changed. */
interface Open {
  level: number;
  role: SectionRole;
  up: Open | undefined;
  /** The outermost open heading (the chapter). */
  chapter: Open;
}

/** What the role assignment carries from one heading to the next. Its sets are never changed: an item added makes a new set. */
interface Carried {
  open: Open | undefined;
  titleDone: boolean;
  bodySeen: boolean;
  attachedLevel: number | undefined;
  listedMethods: ReadonlySet<string>;
  seen: ReadonlySet<SectionRole>;
  fromSources: ReadonlySet<number>;
}
const NO_ITEMS: ReadonlySet<string> = new Set();
const NO_ROLES: ReadonlySet<SectionRole> = new Set();
const NO_INDICES: ReadonlySet<number> = new Set();

/** A set with the items added: the same set when it holds them all already. */
function withItems<T>(set: ReadonlySet<T>, items: Iterable<T>): ReadonlySet<T> {
  let out: Set<T> | undefined;
  for (const item of items) {
    if ((out ?? set).has(item)) continue;
    (out ??= new Set(set)).add(item);
  }
  return out ?? set;
}

function sameSet<T>(x: ReadonlySet<T>, y: ReadonlySet<T>): boolean {
  if (x === y) return true;
  if (x.size !== y.size) return false;
  for (const item of x) if (!y.has(item)) return false;
  return true;
}

function sameCarried(x: Carried | undefined, y: Carried): boolean {
  if (!x || x.titleDone !== y.titleDone || x.bodySeen !== y.bodySeen || x.attachedLevel !== y.attachedLevel) return false;
  let p = x.open;
  let q = y.open;
  while (p !== q) {
    if (!p || !q || p.level !== q.level || p.role !== q.role) return false;
    p = p.up;
    q = q.up;
  }
  return sameSet(x.listedMethods, y.listedMethods) && sameSet(x.seen, y.seen) && sameSet(x.fromSources, y.fromSources);
}

/**
 * The last role assignment (assignRoles) with what it was made from: titles (copies of their own), levels, places and
 * contents (as the caller gave them: the engine's are copies of their own, see contentOf); per heading the state before
 * it (`before`, one more at the end) and the contents its placing read. One per vocabulary, written over.
 */
interface Assignment {
  titles: string[];
  levels: number[];
  afterProse: boolean[];
  declaredTitles: boolean[];
  contents: Array<string | undefined>;
  declared: boolean;
  place: Place;
  roles: SectionRole[];
  reads: Array<number[] | undefined>;
  before: Carried[];
}
const LAST_ASSIGNMENT = new WeakMap<RoleVocabulary, Assignment>();

/**
 * Where the last assignment can go on for these headings: undefined when a title, level, place or the number of
 * headings changed; else the headings whose placing read a changed content then, in order (none when no content it read
 * changed). The changed contents are written into the assignment.
 */
function resumeAt(a: Assignment, headings: HeadingInfo[]): number[] | undefined {
  const n = headings.length;
  if (a.titles.length !== n) return undefined;
  for (let i = 0; i < n; i++) {
    const h = headings[i]!;
    if (h.level !== a.levels[i] || !!h.afterProse !== a.afterProse[i] || !!h.declaredTitle !== a.declaredTitles[i] || h.title !== a.titles[i]) return undefined;
  }
  let changed: Set<number> | undefined;
  for (let i = 0; i < n; i++) {
    const content = headings[i]!.content;
    if (content === a.contents[i]) continue;
    a.contents[i] = content;
    (changed ??= new Set()).add(i);
  }
  const readers: number[] = [];
  if (!changed) return readers;
  for (let i = 0; i < n; i++) {
    const js = a.reads[i];
    if (js?.some((j) => changed.has(j))) readers.push(i);
  }
  return readers;
}

/** A heading or a list item as the role algorithm compares them: normalised, without an aside in brackets. */
function bareHeading(title: string): string {
  return normaliseHeading(title).replace(/\s*[([][^()[\]]*[)\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Words at most in a list item that names a method ("Emotional mapping", "Card sorting"). */
const ITEM_WORDS = 4;

/** The items of the lists in a section's text that a line ending in a colon introduces ("volgende methodologieën:", "including:"), as bare headings. */
function listItems(content: string | undefined): string[] {
  if (!content) return [];
  const facts = factsOf(content);
  return (facts.items ??= listItemsOf(content));
}

function listItemsOf(content: string): string[] {
  const out: string[] = [];
  let inList = false;
  for (const line of content.split('\n')) {
    // Only a line after a list's opening (a line ending in a colon) can be an item: the others are not normalised.
    const item = inList ? bareHeading(line.replace(/^\s*[-–•*+]\s*/, '')) : '';
    if (item && item.split(' ').length <= ITEM_WORDS) {
      out.push(item);
      continue;
    }
    inList = /:\s*$/.test(line);
  }
  return out;
}

/** What a heading's place among the chapters tells: the roles before it, the lowest level of closing and method headings after it. */
interface Place {
  /** Roles given so far (never changed: see Carried). */
  seen: ReadonlySet<SectionRole>;
  /** Whether a heading of the document names the method. */
  namesMethod: boolean;
  /** Per heading: the lowest level of a later heading named conclusion or recommendations, of one named method (Infinity: none). */
  closingAfter: number[];
  methodAfter: number[];
  /** The role each heading names by its own words. */
  named: ReadonlyArray<SectionRole | undefined>;
  /** Per heading: its own content scores, once counted. */
  scores: Array<{ findings: ReadonlyMap<SectionRole, number>; all?: Map<SectionRole, number> } | undefined>;
  /** Headings that got the background role from their sources (their text or a run of such chapters; never changed: see Carried). */
  fromSources: ReadonlySet<number>;
  /** The headings whose content the placing of the current heading read (see assignRoles' contentRead). */
  reading: number[] | undefined;
}

/** A heading's content, noted as read (see Place.reading). */
function contentAt(headings: HeadingInfo[], j: number, place: Place): string | undefined {
  place.reading?.push(j);
  return headings[j]!.content;
}

/** Looks ahead once per document, so that placing every heading stays linear in the number of headings. */
function placeOf(headings: HeadingInfo[], named: Array<SectionRole | undefined>): Place {
  const closingAfter: number[] = new Array(headings.length);
  const methodAfter: number[] = new Array(headings.length);
  let closing = Infinity;
  let method = Infinity;
  for (let j = headings.length - 1; j >= 0; j--) {
    closingAfter[j] = closing;
    methodAfter[j] = method;
    if (named[j] === 'conclusion' || named[j] === 'recommendations') closing = Math.min(closing, headings[j]!.level);
    if (named[j] === 'method') method = Math.min(method, headings[j]!.level);
  }
  return { seen: NO_ROLES, namesMethod: named.includes('method'), closingAfter, methodAfter, named, scores: new Array(headings.length), fromSources: NO_INDICES, reading: undefined };
}

/** The heading before this one at its level, within the same parent (undefined: none). */
function previousSibling(headings: HeadingInfo[], i: number): number | undefined {
  const level = headings[i]!.level;
  for (let j = i - 1; j >= 0; j--) {
    if (headings[j]!.level === level) return j;
    if (headings[j]!.level < level) return undefined;
  }
  return undefined;
}

/**
 * A heading's own content scores, counted once per heading (the place rules ask for them more than
 * once). The cues of sources are counted only when asked for: a document without a study never needs them.
 */
function ownScores(headings: HeadingInfo[], j: number, place: Place, vocab: RoleVocabulary, sources = true): ReadonlyMap<SectionRole, number> {
  let sc = place.scores[j];
  // Noted as read at every call, not only the first: the placing of each heading notes all it read (see assignRoles).
  if (sc) place.reading?.push(j);
  else place.scores[j] = sc = { findings: scoresOf(contentAt(headings, j, place), vocab, 'findings') };
  if (!sources) return sc.findings;
  if (!sc.all) {
    sc.all = new Map(sc.findings);
    for (const [role, n] of scoresOf(contentAt(headings, j, place), vocab, 'sources')) sc.all.set(role, (sc.all.get(role) ?? 0) + n);
  }
  return sc.all;
}

/**
 * The content scores of a section with its subsections (a chapter whose own text is one line speaks
 * through its parts), over a few pages of text. A part that names its own role (a closing
 * "Conclusie") speaks for itself, not for the chapter.
 */
function sectionScores(headings: HeadingInfo[], i: number, place: Place, vocab: RoleVocabulary): Map<SectionRole, number> {
  const h = headings[i]!;
  const total = new Map(ownScores(headings, i, place, vocab));
  let chars = contentAt(headings, i, place)?.length ?? 0;
  let skipBelow = Infinity;
  for (let j = i + 1; j < headings.length && headings[j]!.level > h.level && chars < SECTION_CHARS; j++) {
    const part = headings[j]!;
    if (part.level <= skipBelow) skipBelow = Infinity;
    if (skipBelow !== Infinity) continue;
    if (place.named[j] !== undefined) {
      skipBelow = part.level;
      continue;
    }
    chars += contentAt(headings, j, place)?.length ?? 0;
    for (const [role, n] of ownScores(headings, j, place, vocab)) total.set(role, (total.get(role) ?? 0) + n);
  }
  return total;
}

/**
 * The role of a heading that names none and has no parent role. Its text decides when it clearly
 * describes data collection; a chapter between the method and the conclusion (or recommendations)
 * reports what the study found; a chapter between the introduction and the method sets out the
 * context; otherwise its text's findings cues — and none of these in a document without a study.
 */
function roleByPlace(headings: HeadingInfo[], i: number, place: Place, vocab: RoleVocabulary): SectionRole | undefined {
  const h = headings[i]!;
  // Data collection, when the text clearly describes it (the cues of sources only matter when it might).
  const findings = ownScores(headings, i, place, vocab, false);
  if ((findings.get('method') ?? 0) >= 2 && roleOfScores(ownScores(headings, i, place, vocab)) === 'method') return 'method';
  // Questions with their answers record what someone said: a finding, in any document.
  if (recordsAnswers(contentAt(headings, i, place))) return 'results';
  const methodBefore = place.seen.has('method');
  // Findings presuppose a study: in a document that never describes one (an essay, a book), figures and quotes are the author's material.
  if (!methodBefore && !place.namesMethod) return undefined;
  const content = roleOfScores(ownScores(headings, i, place, vocab));
  // Sources and theory from the literature set out the study's background, wherever the section stands;
  // a chapter speaks through its parts as well (a GitBook page of notes on what others wrote).
  const scores = sectionScores(headings, i, place, vocab);
  if (content === 'background' || roleOfScores(scores) === 'background') {
    place.fromSources = withItems(place.fromSources, [i]);
    return 'background';
  }
  // A chapter right after one that sets out sources continues it, unless its text reports findings or data collection.
  const previous = previousSibling(headings, i);
  if (previous !== undefined && place.fromSources.has(previous)) {
    if (!scores.get('results') && !scores.get('method')) {
      place.fromSources = withItems(place.fromSources, [i]);
      return 'background';
    }
  }
  if (methodBefore && place.closingAfter[i]! <= h.level) return 'results';
  // Between the introduction and the method, a chapter without role words sets out the context.
  if (!methodBefore && place.seen.has('introduction') && place.methodAfter[i]! <= h.level && !place.seen.has('results')) return 'background';
  return content;
}

/** The role a heading gives itself: sample size, own words (a late summary excepted), a question; under an appendix, appendix. */
function ownRole(h: HeadingInfo, vocab: RoleVocabulary, strict: boolean, bodySeen: boolean, parentRole: SectionRole | undefined): SectionRole | undefined {
  const words = rolesOfHeading(h.title, vocab, strict);
  if (parentRole === 'appendix' && !words.includes('references')) return 'appendix';
  // A sample size makes a technique's heading a finding ("User interviews (N=4)"), not the method section's own name ("Materiaal en methoden (N = 5)").
  if (SAMPLE_SIZE.test(h.title) && !(words[0] === 'method' && namesSection(h.title, vocab))) return 'results';
  const allowed = words.filter((r) => !(r === 'summary' && bodySeen));
  if (allowed.length) return allowed[0];
  return roleOfQuestion(h.title, vocab);
}
