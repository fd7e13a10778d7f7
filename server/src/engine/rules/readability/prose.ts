import type { AnalysedBlock, DocumentBlock, DocumentModel } from '../types.js';
import { RunSlots, splicedRuns } from '../block-runs.js';
import type { Run } from '../../runs.js';
import { blockEditOf } from '../../incremental.js';
import type { Word } from '../../text/sentences.js';
import { looksLikeTable } from '../../text/sentences.js';
import { findQuotes } from '../../text/quotes.js';
import type { Language, Section } from '../../types.js';
import { words as listWords } from '../../text/lexicon.js';

/**
 * How many of a document's first blocks are the very block objects of `last` (the blocks of a rule's last check), at
 * the same indices. The engine hands out a block object again only when it is the same block in the same place (the
 * same analysis, text, source map, base and section: engine.ts place()), so all a rule reads of these blocks, their
 * places included, is as it was then; a block that moved or was parsed again is a new object. Pointer comparisons
 * only (speed only, session 12: no block is read).
 */
export function samePrefix(blocks: readonly DocumentBlock[], last: readonly DocumentBlock[]): number {
  const n = Math.min(blocks.length, last.length);
  // The first blocks the engine noted as `last`'s own when it placed these after them (incremental.ts BlockEdit)
  // are not compared again.
  let i = Math.min(n, blockEditOf(blocks, last)?.before ?? 0);
  while (i < n && blocks[i] === last[i]) i++;
  return i;
}

/**
 * Whether a block is the writer's running text: a paragraph, list item or footnote, not a
 * block quote (often the clients' own words, or a quoted law), not a reference, not a
 * plain-text table. Readability rules look at running text only.
 */
export function isRunningText(ab: AnalysedBlock): boolean {
  const b = ab.block;
  if (b.kind !== 'paragraph' && b.kind !== 'listItem' && b.kind !== 'footnote') return false;
  if (b.quoted || b.skip) return false;
  // The table test per cached analysis (its sentences array is shared by every run that reuses the block).
  const known = RUNNING.get(ab.sentences);
  if (known !== undefined) return known;
  const running = !looksLikeTable(b.text) && !nameList(ab);
  RUNNING.set(ab.sentences, running);
  return running;
}
const RUNNING = new WeakMap<object, boolean>();

/**
 * A paragraph that is mostly a list of names (acknowledgements: "… the contributions of Laura Acion, Jorge Aranda,
 * Mara Averick …"): at least 20 words, and at least half of the words inside its sentences capitalised. Not prose to
 * shorten or split.
 */
function nameList(ab: AnalysedBlock): boolean {
  let words = 0;
  let capitals = 0;
  for (const s of ab.sentences) {
    for (let i = 1; i < s.words.length; i++) {
      words++;
      if (s.words[i]!.capitalised && !s.words[i]!.isAcronym) capitals++;
    }
  }
  return words >= 20 && capitals >= words / 2;
}

/**
 * A sentence that is a list of names ("They included Richard Bondi, Steven Cherry, David Coe, … and Richard Yanco."),
 * by the same measure as a paragraph of names: at least 20 words, at least half of them (after the first) capitalised,
 * and the names separated by commas (at least four). Not prose to split: the list is as long as the people thanked.
 */
export function nameListSentence(text: string, s: { start: number; end: number; words: ReadonlyArray<Word> }): boolean {
  if (s.words.length < 20) return false;
  let capitals = 0;
  for (let i = 1; i < s.words.length; i++) if (s.words[i]!.capitalised && !s.words[i]!.isAcronym) capitals++;
  if (capitals < (s.words.length - 1) / 2) return false;
  let commas = 0;
  for (let i = s.start; i < s.end; i++) if (text.charCodeAt(i) === 44) commas++;
  return commas >= 4;
}

/**
 * The ranges of quotations of six words or more: a passage quoted from a source, not the writer's own words. A name in
 * quotation marks (a button, a page, a title in capitals) is read as part of the sentence and is not one.
 */
export function quotedPassages(text: string, language: Language): Array<[number, number]> {
  if (!/["“„«‘'`,]/.test(text)) return [];
  const out: Array<[number, number]> = [];
  for (const q of findQuotes(text, language)) {
    if (q.named) continue;
    let words = 0;
    for (const w of text.slice(q.start, q.end).split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) words++;
    if (words >= 6) out.push([q.start, q.end]);
  }
  return out;
}

/** Whether [start, end) lies inside one of the ranges (quotations, placeholders). */
export function inside(start: number, end: number, ranges: ReadonlyArray<readonly [number, number]> | undefined): boolean {
  if (!ranges) return false;
  for (let i = 0; i < ranges.length; i++) if (start >= ranges[i]![0] && end <= ranges[i]![1]) return true;
  return false;
}

/** Words outside quoted speech. */
export function wordsOutside(words: Word[], quotes: ReadonlyArray<readonly [number, number]>): number {
  if (quotes.length === 0) return words.length;
  let n = 0;
  for (const w of words) if (!inside(w.start, w.end, quotes)) n++;
  return n;
}

/** Heading words of an acknowledgements section, per language (dictionaries/text/<language>/sentence-boundaries). */
const ACKNOWLEDGEMENTS: Record<Language, RegExp> = {
  en: new RegExp(`^(?:${listWords('en', 'sentences', 'acknowledgementHeadings').join('|')})\\b`, 'u'),
  nl: new RegExp(`^(?:${listWords('nl', 'sentences', 'acknowledgementHeadings').join('|')})\\b`, 'u'),
};

/**
 * A section that thanks people ("Acknowledgments", "Dankwoord"): written for those thanked, not for the practitioner
 * reader, and its long sentences are lists of names. Judged false in the blind samples (test/judged/findings-s5.tsv:
 * "long sentences are lists of names to thank"). The heading is read without numbering or markup.
 */
export function isAcknowledgements(section: Pick<Section, 'title' | 'language'> | undefined): boolean {
  if (!section) return false;
  // Remembered per language and title (speed only, lsp10c: the same headings at every check of an edited document),
  // keyed by the title itself: no key string joined (and hashed) at every look-up (session 9).
  let titles = ACKNOWLEDGEMENT_TITLES.get(section.language);
  if (!titles) ACKNOWLEDGEMENT_TITLES.set(section.language, (titles = new Map()));
  let known = titles.get(section.title);
  if (known === undefined) {
    if (titles.size > 5000) titles.clear();
    titles.set(section.title, (known = acknowledgementsTitle(section)));
  }
  return known;
}
const ACKNOWLEDGEMENT_TITLES = new Map<string, Map<string, boolean>>();

function acknowledgementsTitle(section: Pick<Section, 'title' | 'language'>): boolean {
  const title = section.title.toLowerCase().replace(/[^\p{L}\s]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return ACKNOWLEDGEMENTS[section.language]?.test(title) === true || ACKNOWLEDGEMENTS[section.language === 'nl' ? 'en' : 'nl'].test(title);
}

/**
 * "This Code of Conduct is adapted from the Contributor Covenant", "Deze gedragscode is overgenomen uit …": a
 * statement that the text around it is taken over from elsewhere. The writer may not rewrite an adopted text: the
 * readability rules leave such sections alone (section-score, long-sentence).
 */
const ADOPTED: Record<Language, RegExp> = {
  en: new RegExp(`(?:^|[.!?:]\\s+)(?:this|these|the following)\\s+(?:[\\p{L}-]+\\s+){0,4}(?:is|are|was|were|has been|have been)\\s+(?:[\\p{L}-]+\\s+)?(?:${listWords('en', 'passive', 'adoptedFrom').join('|')})\\s+(?:from|with permission)\\b`, 'iu'),
  nl: new RegExp(`(?:^|[.!?:]\\s+)(?:dit|deze|de volgende)\\s+(?:[\\p{L}-]+\\s+){0,4}(?:is|zijn|werd|werden)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${listWords('nl', 'passive', 'adoptedFrom').join('|')})(?:\\s+(?:uit|van|aan|met toestemming)\\b|\\s*[.,])`, 'iu'),
};

/**
 * Whether a block says its text is adopted, once per analysed block: an edit reuses the analyses of the blocks it did
 * not touch (their sentences array is shared), so the pattern does not run over the whole document at every check.
 */
function adoptedBlock(ab: AnalysedBlock): boolean {
  const kind = ab.block.kind;
  if (kind !== 'paragraph' && kind !== 'listItem' && kind !== 'footnote') return false;
  let known = ADOPTED_BLOCKS.get(ab.sentences);
  if (known === undefined) ADOPTED_BLOCKS.set(ab.sentences, (known = ADOPTED[ab.language]?.test(ab.block.text) ?? false));
  return known;
}
const ADOPTED_BLOCKS = new WeakMap<object, boolean>();

/** The blocks of each run (indices in the run) that say their text is adopted (block-runs.ts: only new runs are read). */
const ADOPTED_RUNS = new RunSlots<number[]>();
const NONE: number[] = [];

/**
 * Sections whose text, or an enclosing section's (not the title's), says it is adopted from elsewhere. Made once per
 * document model (long-sentence and section-score both ask; speed only, session 9): callers do not change the set.
 */
export function adoptedSections(doc: DocumentModel): ReadonlySet<number> {
  let known = ADOPTED_BY_DOC.get(doc);
  if (!known) ADOPTED_BY_DOC.set(doc, (known = adoptedSectionsOf(doc)));
  return known;
}
const ADOPTED_BY_DOC = new WeakMap<DocumentModel, ReadonlySet<number>>();

/**
 * The runs ADOPTED_RUNS handed out last, and which of them (their indices, in order) have a block that says its text is
 * adopted: after an edit of those runs, the list is corrected by the runs the edit replaced (splicedRuns), not found
 * again among all runs. Speed only (ls37: no pass over every run per edit; most reports have no such block).
 */
let ADOPTED_AT: { runs: ReadonlyArray<Run<number[]>>; list: number[] } | undefined;

function adoptedSectionsOf(doc: DocumentModel): Set<number> {
  const at: number[] = [];
  const runs = ADOPTED_RUNS.runs(doc, (from, to) => {
    let found = NONE;
    for (let i = from; i < to; i++) if (adoptedBlock(doc.blocks[i]!.core)) (found === NONE ? (found = []) : found).push(i - from);
    return found;
  });
  const change = ADOPTED_RUNS.change();
  const last = ADOPTED_AT;
  let list: number[];
  if (last !== undefined && change !== undefined && change.previous === last.runs) {
    // The runs between the edit's ends are new (RunSlots.change); those after it have the summaries of the last ones.
    const to = runs.length - change.after;
    const came: number[] = [];
    for (let r = change.before; r < to; r++) if (runs[r]!.value !== NONE) came.push(r);
    list = splicedRuns(last.list, change.before, last.runs.length - change.after, came, runs.length - last.runs.length);
  } else {
    // (Indexed, the runs without such a block passed by their shared empty list: no iterator per run.)
    list = [];
    for (let r = 0; r < runs.length; r++) if (runs[r]!.value !== NONE) list.push(r);
  }
  if (last !== undefined) (last.runs = runs), (last.list = list);
  else ADOPTED_AT = { runs, list };
  for (let x = 0; x < list.length; x++) {
    const run = runs[list[x]!]!;
    const ks = run.value;
    for (let y = 0; y < ks.length; y++) at.push(doc.blocks[run.from + ks[y]!]!.toDocument(0, 0).offset);
  }
  const out = new Set<number>();
  if (!at.length) return out;
  doc.sections.forEach((s, i) => {
    if (s.role === 'title' || !at.some((o) => o >= s.offset && o < s.contentEnd)) return;
    // The section and everything under it.
    doc.sections.forEach((t, j) => {
      if (t.offset >= s.offset && t.offset < s.contentEnd) out.add(j);
    });
  });
  return out;
}
