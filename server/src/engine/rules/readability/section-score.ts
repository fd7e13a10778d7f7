import type { DocumentRule } from '../types.js';
import { message } from '../types.js';
import { numberOption } from './options.js';
import { scoreWithSentencesOf } from './hard-paragraph.js';
import { addCounts, emptyCounts, metricsOf, sameCounts } from '../../text/metrics.js';
import { numberMessage } from '../../text/numbers.js';
import type { Counts, Metrics } from '../../types.js';
import type { DocumentBlock, DocumentModel } from '../types.js';
import type { Run } from '../../runs.js';
import type { Language } from '../../types.js';
import { adoptedSections, isAcknowledgements, isRunningText, samePrefix } from './prose.js';
import { BlockStates, Tally } from '../../incremental.js';
import { compareWords } from '../../text/order.js';
import { RunSlots } from '../block-runs.js';
import type { RunChange } from '../block-runs.js';

export const sectionScore: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'readability/section-score',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message('Readability score per section, and sections far below their target.', 'Leesbaarheid per hoofdstuk, en hoofdstukken die ver onder hun doel blijven.'),
    rationale: message(
      'Practitioners read the summary and the recommendations first. Those sections must be the easiest of the report; the rest should at least be readable for someone with higher vocational education.',
      'Professionals lezen eerst de samenvatting en de aanbevelingen. Die moeten het makkelijkst zijn; de rest moet minstens leesbaar zijn voor iemand met een hbo-opleiding.',
    ),
    options: {
      // minAverageSentenceWords: as for hard-paragraph, a body section's low score is reported when its sentences are
      // long on average (20 words and more), the cause a rewrite can fix; long words alone are mostly the readers' own
      // terms (judged false in 4 of 4 body sections with shorter sentences that were not jargon-laden, test/judged/findings.tsv).
      // Session 5: the profile's sentence limit (25 words; 30 academic). Over four blind samples (test/judged/findings*.tsv)
      // body sections averaging 25 words or more were judged worth acting on in 11 of 12, those averaging 20–25 words in
      // 10 of 20 (the same sections judged true by one reader and false by the next: care compounds, clinical and
      // technical terms). Summaries and recommendations keep their target whatever the cause (9 of 11).
      // minProseShare: a section whose running text is less than half its words is mostly lists or tables (a parameter
      // list, data fields): its score says little about the writing.
      // termSyllables, termUses: the report's own long terms (see check); a section hard only through them is a hint.
      // summaryMinAverageSentenceWords: a summary (or the recommendations) whose sentences average fewer words than this
      // is hard through its long words only, mostly the readers' own compounds ("medicatievoorbereiding,
      // verpleegkundigen"): its finding is a hint. Over the blind samples, summaries averaging 16.5 and 15.4 words were
      // judged worth acting on in 1 of 5; those averaging 20.7–22.9 words in 10 of 10.
      practitioner: { summaryTarget: 50, bodyTarget: 30, minWords: 80, minAverageSentenceWords: 25, summaryMinAverageSentenceWords: 18, minProseShare: 0.5, termSyllables: 5, termUses: 3 },
      academic: { summaryTarget: 40, bodyTarget: 15, minWords: 80, minAverageSentenceWords: 30, summaryMinAverageSentenceWords: 18, minProseShare: 0.5, termSyllables: 5, termUses: 3 },
      general: { summaryTarget: 60, bodyTarget: 50, minWords: 80, minAverageSentenceWords: 0, summaryMinAverageSentenceWords: 0, minProseShare: 0, termSyllables: 5, termUses: 3 },
    },
  },
  check(doc, ctx) {
    const out = [];
    // Speed only (session 9): which blocks are running-text paragraphs, and their counts, from the runs' summaries.
    const all = RUNS.runs(doc, (from, to) => runProse(doc, from, to));
    // Each section's counts of its running-text paragraphs, kept from the last check and corrected by the blocks an edit
    // changed (see sectionCounts); from the paragraphs' places (proseCountsByPlace) when the sections do not nest.
    let paragraphs: Prose | undefined;
    let prose = sectionCounts(doc, all, RUNS.change());
    // The drivers kept per section hold for the sections whose paragraphs the edit left as they were (see driversAt).
    keepDrivers(doc.sections.length, prose !== undefined && COUNTS_KEPT ? TOUCHED : undefined);
    if (prose === undefined) prose = proseCountsByPlace(doc, (paragraphs = proseOf(doc, all)));
    let adopted: ReadonlySet<number> | undefined;
    let terms: Tally<string> | undefined;
    // The options, read once per check (speed only, abbr34: not per section).
    const minWords = numberOption(sectionScore.meta, ctx, 'minWords');
    const summaryTarget = numberOption(sectionScore.meta, ctx, 'summaryTarget');
    const bodyTarget = numberOption(sectionScore.meta, ctx, 'bodyTarget');
    const minAverageSentenceWords = numberOption(sectionScore.meta, ctx, 'minAverageSentenceWords');
    const minProseShare = numberOption(sectionScore.meta, ctx, 'minProseShare');
    const sections = doc.sections;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i]!;
      // (A section without running text first: the cheapest test; each test here only drops the section.)
      const counts = prose[i];
      if (!counts) continue;
      if (s.role === 'references' || s.role === 'appendix' || s.role === 'title') continue;
      // The score of the section's running text: paragraphs only. Bullet lists of labels, criteria or data fields
      // ("Jonger dan 15 jaar: percentage inwoners …", "What we did: - Build …") are not prose to rewrite, and their
      // long words in short fragments pull a score down that says nothing about the text (judged false on the dev
      // corpus: test/judged/findings.tsv, test/judged/quiet3-sample.tsv). A section with too little running text is not scored.
      const m = sectionMetrics(i, counts, s.language);
      if (m.words < minWords) continue;
      const summaryLike = s.role === 'summary' || s.role === 'recommendations';
      const target = summaryLike ? summaryTarget : bodyTarget;
      if (m.score >= target) continue;
      // (Speed only, roles37: the tests on the title and on the whole document after the section's score, which drops
      // most sections: a look-up of each section's title at every edit otherwise.)
      // Acknowledgements are written for those thanked, not for the practitioner reader.
      if (isAcknowledgements(s)) continue;
      // An adopted text (a code of conduct taken from a standard, a law quoted whole) is not the writer's to rewrite.
      if ((adopted ??= adoptedSections(doc)).has(i)) continue;
      // A body section is reported when its sentences are long on average: the cause a rewrite can fix. The summary and
      // the recommendations, which practitioners read first, keep their stricter target whatever the cause.
      if (!summaryLike && m.averageSentenceLength < minAverageSentenceWords) continue;
      if (m.words < minProseShare * s.metrics.words) continue;

      // Findings do not stack: when only the sentence length pulls the score down, the
      // long-sentence rule's findings in the section say it. A body section is flagged here when
      // it would stay below target with sentences of an ordinary length (15 words): its words are hard.
      if (!summaryLike && scoreWithSentencesOf(15, m.averageSyllablesPerWord, s.language) >= target) continue;
      // What drives the score. The report's own long terms (words of `termSyllables` syllables or more that it uses
      // `termUses` times or more: "dimensionaliteitsreductie", "medicatievoorbereiding") are the words its readers must
      // learn anyway; a rewrite cannot replace them. When the section would reach its target with those terms counted
      // as ordinary words, its long sentences are not the cause either (they are within the long-sentence rule's
      // reach), and there is nothing here a writer can act on: the finding is a hint (body sections; judged false in the
      // s5 blind sample: "the low score comes from necessary compound terms", "exact technical terms").
      const termSyllables = numberOption(sectionScore.meta, ctx, 'termSyllables');
      const termUses = numberOption(sectionScore.meta, ctx, 'termUses');
      terms ??= termTally(doc, ctx, termUses);
      let drive = driversAt(i, s.language, terms, termSyllables, termUses);
      if (drive === undefined) {
        drive = drivers(doc, (paragraphs ??= proseOf(doc, all)), i, terms, termSyllables, termUses);
        DRIVERS_AT[i] = { language: s.language, termSyllables, termUses, tally: terms, checkedAt: TERM_SIDES.generation, drivers: drive };
      }
      const withoutTerms = drive.terms.length ? scoreWithSentencesOf(m.averageSentenceLength, drive.syllablesPerWordWithoutTerms, s.language) : -Infinity;
      // The summary and the recommendations keep their stricter target whatever the cause (see above), unless their
      // sentences are short (summaryMinAverageSentenceWords): then only long words drive the score, and those were judged
      // the readers' own words (test/judged/findings-s5..s7.tsv: "sentences already short; compound care terms").
      const quiet = summaryLike
        ? m.averageSentenceLength < numberOption(sectionScore.meta, ctx, 'summaryMinAverageSentenceWords')
        : withoutTerms >= target;
      const name = s.language === 'nl' ? 'Flesch-Douma' : 'Flesch Reading Ease';
      const hard = drive.hard.slice(0, 3).map((w) => `"${w}"`).join(', ');
      const own = drive.terms.slice(0, 3).map((w) => `"${w}"`).join(', ');
      // (Each number with the decimal sign of the message's language: "22,9 woorden" in Dutch.)
      const score = numberMessage(m.score);
      const perSentence = numberMessage(m.averageSentenceLength);
      const lix = numberMessage(m.lix);
      out.push({
        offset: s.offset,
        endOffset: s.endOffset,
        ...(quiet ? { severity: 'hint' as const } : {}),
        message: message(
          `The running text of this section scores ${score.en} (${name}, ${m.band.en}); aim for at least ${target}. Average sentence: ${perSentence.en} words; LIX ${lix.en}.${hard ? ` Long words weigh most: ${hard}; a plainer word or a short explanation helps.` : ''}${own ? ` The report's own terms (${own}) are not counted against it.` : ''}`,
          `De lopende tekst van dit hoofdstuk scoort ${score.nl} (${name}, ${m.band.nl}); streef naar minstens ${target}. Gemiddelde zin: ${perSentence.nl} woorden; LIX ${lix.nl}.${hard ? ` Lange woorden wegen het zwaarst: ${hard}; een gewoner woord of een korte uitleg helpt.` : ''}${own ? ` De eigen begrippen van het rapport (${own}) tellen niet mee.` : ''}`,
        ),
        data: { score: m.score, target, role: s.role, words: m.words, longWords: drive.hard.slice(0, 5), ownTerms: drive.terms.slice(0, 5), ...(drive.terms.length ? { scoreWithoutOwnTerms: Math.round(withoutTerms * 10) / 10 } : {}) },
      });
    }
    return out;
  },
};

/**
 * The metrics of a section's running text: those of the last check when the section at this index had the same counts
 * in the same language (metricsOf reads nothing else), so that an edit works out the edited section's again only.
 */
function sectionMetrics(i: number, counts: Counts, language: Language): Metrics {
  const was = LAST_METRICS[i];
  if (was && was.language === language && (was.counts === counts || sameCounts(was.counts, counts))) return was.metrics;
  const metrics = metricsOf(counts, language);
  LAST_METRICS[i] = { counts, language, metrics };
  return metrics;
}
const LAST_METRICS: Array<{ counts: Counts; language: Language; metrics: Metrics } | undefined> = [];

/**
 * A run of blocks summarised (block-runs.ts): its running-text paragraphs (no list items, tables, quotations, headings),
 * each by its index in the run, and their counts summed per language. Only what the blocks' analyses fix (kind, running
 * text, language, counts): where the paragraphs stand, and whether they count at all (a block before the first heading
 * counts for no section), is read at each check. (Session 8 dropped per-run sums that also held places and the skip of
 * blocks before the first heading: a run's summary is shared by every place its blocks come to.)
 */
interface RunProse extends RunParagraphs {
  /** Each paragraph's counts (its analysis's), as `ks`. */
  counts: Counts[];
  /** Each block's facts (what it is: the same object while the block is the same; the run's box holds them already). */
  facts: object[];
  /** Each block: 'h' a heading, 'p' a running-text paragraph (one of `ks`), '.' another block. */
  kinds: string;
}
/** The running-text paragraphs of a run: each by its index in the run, its language, and their counts summed per language. */
interface RunParagraphs {
  ks: number[];
  languages: Language[];
  /** Per language: the paragraphs' counts summed, and how many paragraphs. */
  sums: Partial<Record<Language, { counts: Counts; paragraphs: number }>>;
}
const RUNS = new RunSlots<RunProse>();

function runProse(doc: DocumentModel, from: number, to: number): RunProse {
  const out: RunProse = { ks: [], languages: [], sums: {}, counts: [], facts: new Array(to - from), kinds: '' };
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i]!;
    const ab = b.core;
    out.facts[i - from] = b.facts;
    const kind = ab.block.kind;
    if (kind !== 'paragraph' || !isRunningText(ab)) {
      out.kinds += kind === 'heading' ? 'h' : '.';
      continue;
    }
    out.kinds += 'p';
    out.ks.push(i - from);
    out.languages.push(ab.language);
    out.counts.push(ab.counts);
    const sum = (out.sums[ab.language] ??= { counts: emptyCounts(), paragraphs: 0 });
    addCounts(sum.counts, ab.counts);
    sum.paragraphs++;
  }
  return out;
}

/** The running-text paragraphs of a document that count for sections (after the first heading), in block order. */
interface Prose {
  /** Block index, document offset of its start, language, per paragraph (the first `count` entries). */
  index: number[];
  offset: number[];
  language: Language[];
  count: number;
  /** Whether the offsets do not decrease (then a section's paragraphs are one stretch of the list). */
  ordered: boolean;
  /** The runs with paragraphs (their summaries; the first `runCount`), and where each run's paragraphs start in the lists above (one more at the end). */
  runs: RunParagraphs[];
  starts: number[];
  runCount: number;
  /** How many of the runs (their first `kept` entries in `runs`, and their paragraphs) are as at the last proseOf. */
  kept: number;
}

/**
 * The lists proseOf fills, kept from one check to the next and written over (a check reads its Prose before the next
 * check makes one): no new lists of every paragraph per edit (speed and garbage only, session 10).
 */
const SCRATCH: Prose = { index: [], offset: [], language: [], count: 0, ordered: true, runs: [], starts: [], runCount: 0, kept: 0 };

/**
 * The last proseOf that filled SCRATCH: its blocks (held weakly) and runs (this version's objects), and per run (by its index in them)
 * how far the lists were filled before it (count, runCount, ordered, and the last paragraph's offset).
 */
let LAST_PROSE: { blocks: WeakRef<readonly DocumentBlock[]>; runs: ReadonlyArray<Run<RunProse>>; count: number[]; runCount: number[]; ordered: boolean[]; last: number[] } | undefined;

function proseOf(doc: DocumentModel, all: ReadonlyArray<Run<RunProse>>): Prose {
  const blocks = doc.blocks;
  const { index, offset, language, runs, starts } = SCRATCH;
  let count = 0;
  let runCount = 0;
  let ordered = true;
  let last = -Infinity;
  // Speed only (session 9): which blocks are running-text paragraphs, and their counts, from the runs' summaries (`all`,
  // this check's); their places from the blocks of this check.
  // Speed only (session 12): the runs before an edit (RunSlots.change: the same run objects) whose blocks are all the
  // last check's block objects (samePrefix: the same places and sections) have the paragraphs the lists hold for them.
  const was = LAST_PROSE;
  const change = RUNS.change();
  let r0 = 0;
  if (was !== undefined && change !== undefined && change.previous === was.runs) {
    const same = samePrefix(blocks, was.blocks.deref() ?? []);
    let hi = change.before;
    while (r0 < hi) {
      const mid = (r0 + hi) >> 1;
      if (all[mid]!.to <= same) r0 = mid + 1;
      else hi = mid;
    }
    count = was.count[r0]!;
    runCount = was.runCount[r0]!;
    ordered = was.ordered[r0]!;
    last = was.last[r0]!;
  }
  LAST_PROSE = undefined;
  const at = was ?? { blocks: new WeakRef(blocks), runs: all, count: [], runCount: [], ordered: [], last: [] };
  SCRATCH.kept = runCount;
  // What proseCountsByPlace filled in for the runs after the kept ones is read again.
  RUN_OF_FILLED = Math.min(RUN_OF_FILLED, runCount);
  for (const l in SUMS_FILLED) SUMS_FILLED[l as Language] = Math.min(SUMS_FILLED[l as Language]!, runCount);
  for (let r = r0; r < all.length; r++) {
    const run = all[r]!;
    at.count[r] = count;
    at.runCount[r] = runCount;
    at.ordered[r] = ordered;
    at.last[r] = last;
    const v = run.value;
    if (v.ks.length === 0) continue;
    // Every block of a run is in the run's section (block-runs.ts); a paragraph that is not is read on its own.
    if (run.section < 0) {
      for (const k of v.ks) if (blocks[run.from + k]!.section >= 0) return proseOfBlocks(doc);
      continue;
    }
    runs[runCount] = v;
    starts[runCount++] = count;
    for (let j = 0; j < v.ks.length; j++) {
      const i = run.from + v.ks[j]!;
      const b = blocks[i]!;
      if (b.section !== run.section) return proseOfBlocks(doc);
      const o = b.start;
      if (o < last) ordered = false;
      last = o;
      index[count] = i;
      offset[count] = o;
      language[count++] = v.languages[j]!;
    }
  }
  starts[runCount] = count;
  at.count[all.length] = count;
  at.runCount[all.length] = runCount;
  at.ordered[all.length] = ordered;
  at.last[all.length] = last;
  at.blocks = new WeakRef(blocks);
  at.runs = all;
  LAST_PROSE = at;
  // Runs of an earlier, longer document are let go (their summaries hold sentences); numbers may stay.
  if (runs.length > runCount) runs.length = runCount;
  SCRATCH.count = count;
  SCRATCH.runCount = runCount;
  SCRATCH.ordered = ordered;
  return SCRATCH;
}

/** proseOf() from every block, each paragraph a run of its own. */
function proseOfBlocks(doc: DocumentModel): Prose {
  const blocks = doc.blocks;
  const prose: Prose = { index: [], offset: [], language: [], count: 0, ordered: true, runs: [], starts: [], runCount: 0, kept: 0 };
  let last = -Infinity;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.section < 0) continue;
    const ab = b.core;
    if (ab.block.kind !== 'paragraph' || !isRunningText(ab)) continue;
    const o = b.start;
    if (o < last) prose.ordered = false;
    last = o;
    prose.runs.push({ ks: [0], languages: [ab.language], sums: { [ab.language]: { counts: ab.counts, paragraphs: 1 } } });
    prose.starts.push(prose.index.length);
    prose.index.push(i);
    prose.offset.push(o);
    prose.language.push(ab.language);
  }
  prose.starts.push(prose.index.length);
  prose.count = prose.index.length;
  prose.runCount = prose.runs.length;
  return prose;
}

/** The first paragraph (in an ordered list of `n`) whose offset is at least `at`. */
function firstAtOrAfter(offsets: readonly number[], n: number, at: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The paragraphs (indices into `prose`) whose start lies in a section's range, in its language, in block order. */
function sectionProse(prose: Prose, s: { offset: number; contentEnd: number; language: Language }): number[] {
  const out: number[] = [];
  const { offset, language } = prose;
  const from = prose.ordered ? firstAtOrAfter(offset, prose.count, s.offset) : 0;
  for (let j = from; j < prose.count; j++) {
    const o = offset[j]!;
    if (prose.ordered && o >= s.contentEnd) break;
    if (o < s.offset || o >= s.contentEnd || language[j] !== s.language) continue;
    out.push(j);
  }
  return out;
}

/**
 * Counts of the running-text paragraphs per section index (no list items, tables, quotations, headings, nor
 * paragraphs in another language), from the blocks' places: each paragraph counts for every section whose range holds
 * its start, so a subsection's paragraphs count for its parent too, as in the section metrics. In document order (the
 * usual case) the paragraphs of a section are one stretch of the list: the runs wholly in it add their summed counts
 * (through running sums over the runs, per language), the paragraphs of a run it holds in part add their own (speed
 * only, session 9; the counts are whole numbers, so any order of adding gives the same sums).
 *
 * By section index (undefined: no counts), in a list written over at each check (read before the next check makes
 * one); a section's counts are the object of the last check at its index when they are the same (speed and garbage
 * only, doc32: no map and no counts object per section at every edit).
 */
function proseCountsByPlace(doc: DocumentModel, prose: Prose): ReadonlyArray<Counts | undefined> {
  const out = COUNTS_BY_SECTION;
  const sections = doc.sections;
  out.length = sections.length;
  if (!prose.ordered) {
    for (let i = 0; i < sections.length; i++) {
      out[i] = undefined;
      const js = sectionProse(prose, sections[i]!);
      if (!js.length) continue;
      const c = emptyCounts();
      for (const j of js) addCounts(c, doc.blocks[prose.index[j]!]!.core.counts);
      out[i] = c;
    }
    return out;
  }
  // The run of each paragraph (an index into prose.runs).
  // (Those of SCRATCH's kept runs as the last check filled them in: see proseOf.)
  if (RUN_OF.length < prose.count) (RUN_OF = new Int32Array(prose.count * 2)), (RUN_OF_FILLED = 0);
  const runOf = RUN_OF;
  const kept = prose === SCRATCH ? RUN_OF_FILLED : 0;
  for (let r = kept; r < prose.runCount; r++) runOf.fill(r, prose.starts[r]!, prose.starts[r + 1]!);
  RUN_OF_FILLED = prose === SCRATCH ? prose.runCount : 0;
  const sums: Partial<Record<Language, Int32Array>> = {};
  const c = SECTION_COUNTS;
  for (let i = 0; i < sections.length; i++) {
    out[i] = undefined;
    const s = sections[i]!;
    const from = firstAtOrAfter(prose.offset, prose.count, s.offset);
    const to = firstAtOrAfter(prose.offset, prose.count, s.contentEnd);
    if (to <= from) continue;
    clearCounts(c);
    let paragraphs = 0;
    // The paragraphs of the runs held in part, one by one; the runs held whole, by their sums.
    let fullFrom = runOf[from]!;
    let fullTo = runOf[to - 1]! + 1;
    if (prose.starts[fullFrom] !== from) {
      paragraphs += ownCounts(doc, prose, s.language, c, from, Math.min(to, prose.starts[fullFrom + 1]!));
      fullFrom++;
    }
    if (fullTo > fullFrom && prose.starts[fullTo] !== to) {
      fullTo--;
      paragraphs += ownCounts(doc, prose, s.language, c, prose.starts[fullTo]!, to);
    }
    if (fullTo > fullFrom) {
      const sum = (sums[s.language] ??= runningSums(prose, s.language));
      const a = fullFrom * FIELDS;
      const b = fullTo * FIELDS;
      paragraphs += sum[b]! - sum[a]!;
      c.words += sum[b + 1]! - sum[a + 1]!;
      c.sentences += sum[b + 2]! - sum[a + 2]!;
      c.syllables += sum[b + 3]! - sum[a + 3]!;
      c.syllableWords += sum[b + 4]! - sum[a + 4]!;
      c.letters += sum[b + 5]! - sum[a + 5]!;
      c.characters += sum[b + 6]! - sum[a + 6]!;
      c.longWords += sum[b + 7]! - sum[a + 7]!;
      c.polysyllables += sum[b + 8]! - sum[a + 8]!;
      c.complexWords += sum[b + 9]! - sum[a + 9]!;
      c.longSentences += sum[b + 10]! - sum[a + 10]!;
      c.passives += sum[b + 11]! - sum[a + 11]!;
    }
    // No paragraph of the section's language: no counts (as when none counts at all).
    if (paragraphs === 0) continue;
    const was = KEPT_COUNTS[i];
    if (was !== undefined && sameCounts(was, c)) out[i] = was;
    else out[i] = KEPT_COUNTS[i] = addCounts(emptyCounts(), c);
  }
  if (KEPT_COUNTS.length > sections.length) KEPT_COUNTS.length = sections.length;
  return out;
}

/**
 * Each section's sums of the running-text paragraphs whose start lies in its range, per language of the paragraphs (as
 * proseCountsByPlace counts them: a paragraph after the first heading counts for every section whose range holds its
 * start), kept from one check to the next with what they were made from: the runs (as RunSlots handed them out), the
 * sections' levels, and per block the innermost section whose range holds a counted paragraph's start (-1: none, or no
 * counted paragraph). Numbers only (and the runs, which RunSlots keeps anyway): no text of a document version.
 */
interface SectionSums {
  runs: ReadonlyArray<Run<RunProse>>;
  levels: number[];
  /** The language of each section at the check the counts were handed out for. */
  languages: Language[];
  /** Per section, the innermost other section whose range holds its start (-1: none). The ranges nest (see sectionCounts). */
  parent: Int32Array;
  inner: number[];
  sums: Record<Language, Int32Array>;
}
let SECTION_SUMS: SectionSums | undefined;

/**
 * Each section's counts (proseCountsByPlace's answer), from sums per section kept from the last check (SECTION_SUMS).
 * Speed only (abbr34): after an edit of the runs (RunSlots.change) that added, removed or changed no heading (the same
 * sections, at the same levels), the blocks the edit changed are found by their facts (the same facts: the same block)
 * and the sums corrected by their paragraphs: those that went are taken from the sections that held them, those that
 * came added to the sections that hold them now. Every other paragraph keeps its place among the headings (the text
 * before the edit is as it was, the text after it moved as a whole), so it counts for the same sections; a section whose
 * language changed takes the sums of its paragraphs in its new language. Only the sections whose sums or language
 * changed get new counts. The sections' ranges must nest (each in the ranges of those it lies in, as headings of levels
 * make them) and start in order: otherwise undefined (proseCountsByPlace counts them from the paragraphs' places).
 */
function sectionCounts(doc: DocumentModel, all: ReadonlyArray<Run<RunProse>>, change: RunChange<RunProse> | undefined): ReadonlyArray<Counts | undefined> | undefined {
  const sections = doc.sections;
  const out = COUNTS_BY_SECTION;
  const was = SECTION_SUMS;
  SECTION_SUMS = undefined;
  let state: SectionSums | undefined;
  let touched: number[] | undefined = TOUCHED;
  touched.length = 0;
  COUNTS_KEPT = false;
  if (was !== undefined && change !== undefined && change.previous === was.runs && sections.length === was.levels.length && sameLevels(sections, was.levels) && correctSums(doc, was, all, change, touched)) {
    state = was;
    state.runs = all;
    COUNTS_KEPT = true;
  } else {
    state = sumsOf(doc, all);
    if (state === undefined) return undefined;
    touched = undefined;
  }
  SECTION_SUMS = state;
  const n = sections.length;
  out.length = n;
  if (touched === undefined) {
    for (let i = 0; i < n; i++) out[i] = countsOf(state, i, (state.languages[i] = sections[i]!.language));
    if (KEPT_COUNTS.length > n) KEPT_COUNTS.length = n;
    return out;
  }
  for (let c = 0; c < touched.length; c++) {
    const i = touched[c]!;
    out[i] = countsOf(state, i, sections[i]!.language);
  }
  // A section whose language changed counts its paragraphs in the new one.
  for (let i = 0; i < n; i++) {
    const language = sections[i]!.language;
    if (state.languages[i] === language) continue;
    state.languages[i] = language;
    out[i] = countsOf(state, i, language);
  }
  return out;
}
/** The sections whose sums an edit changed (sectionCounts), written over at each check. */
const TOUCHED: number[] = [];
/** Whether the last sectionCounts corrected the last check's sums (TOUCHED then lists the sections whose paragraphs changed). */
let COUNTS_KEPT = false;

function sameLevels(sections: DocumentModel['sections'], levels: number[]): boolean {
  for (let i = 0; i < levels.length; i++) if (sections[i]!.level !== levels[i]) return false;
  return true;
}

/** A section's counts in a language from the sums (undefined: no paragraph), the object last handed out for it when the same. */
function countsOf(state: SectionSums, i: number, language: Language): Counts | undefined {
  const sum = state.sums[language];
  const a = i * FIELDS;
  if (sum[a] === 0) return undefined;
  const was = KEPT_COUNTS[i];
  if (
    was !== undefined &&
    was.words === sum[a + 1] &&
    was.sentences === sum[a + 2] &&
    was.syllables === sum[a + 3] &&
    was.syllableWords === sum[a + 4] &&
    was.letters === sum[a + 5] &&
    was.characters === sum[a + 6] &&
    was.longWords === sum[a + 7] &&
    was.polysyllables === sum[a + 8] &&
    was.complexWords === sum[a + 9] &&
    was.longSentences === sum[a + 10] &&
    was.passives === sum[a + 11]
  )
    return was;
  const c = emptyCounts();
  c.words = sum[a + 1]!;
  c.sentences = sum[a + 2]!;
  c.syllables = sum[a + 3]!;
  c.syllableWords = sum[a + 4]!;
  c.letters = sum[a + 5]!;
  c.characters = sum[a + 6]!;
  c.longWords = sum[a + 7]!;
  c.polysyllables = sum[a + 8]!;
  c.complexWords = sum[a + 9]!;
  c.longSentences = sum[a + 10]!;
  c.passives = sum[a + 11]!;
  return (KEPT_COUNTS[i] = c);
}

/** Adds (sign 1) or takes away (sign -1) a paragraph's counts to the sums of section `inner` and of every section it lies in. */
function addTo(state: SectionSums, language: Language, inner: number, counts: Counts, sign: number, touched: number[] | undefined): void {
  const sum = state.sums[language];
  for (let i = inner; i >= 0; i = state.parent[i]!) {
    const a = i * FIELDS;
    sum[a] = sum[a]! + sign;
    sum[a + 1] = sum[a + 1]! + sign * counts.words;
    sum[a + 2] = sum[a + 2]! + sign * counts.sentences;
    sum[a + 3] = sum[a + 3]! + sign * counts.syllables;
    sum[a + 4] = sum[a + 4]! + sign * counts.syllableWords;
    sum[a + 5] = sum[a + 5]! + sign * counts.letters;
    sum[a + 6] = sum[a + 6]! + sign * counts.characters;
    sum[a + 7] = sum[a + 7]! + sign * counts.longWords;
    sum[a + 8] = sum[a + 8]! + sign * counts.polysyllables;
    sum[a + 9] = sum[a + 9]! + sign * counts.complexWords;
    sum[a + 10] = sum[a + 10]! + sign * counts.longSentences;
    sum[a + 11] = sum[a + 11]! + sign * counts.passives;
    touched?.push(i);
  }
}

/** The innermost section whose range holds `at` (-1: none), in sections that start in order and nest (`parent`). */
function innermost(sections: DocumentModel['sections'], parent: Int32Array, at: number): number {
  // The last section that starts at or before `at`, then out through the sections it lies in.
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid]!.offset <= at) lo = mid + 1;
    else hi = mid;
  }
  let i = lo - 1;
  while (i >= 0 && sections[i]!.contentEnd <= at) i = parent[i]!;
  return i;
}

/** The sums from every run (SectionSums); undefined when the sections do not start in order or do not nest. */
function sumsOf(doc: DocumentModel, all: ReadonlyArray<Run<RunProse>>): SectionSums | undefined {
  const sections = doc.sections;
  const n = sections.length;
  const parent = new Int32Array(n);
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = sections[i]!;
    if (i > 0 && s.offset <= sections[i - 1]!.offset) return undefined;
    while (open.length && sections[open[open.length - 1]!]!.contentEnd <= s.offset) open.pop();
    const p = open.length ? open[open.length - 1]! : -1;
    if (p >= 0 && s.contentEnd > sections[p]!.contentEnd) return undefined;
    parent[i] = p;
    open.push(i);
  }
  const state: SectionSums = { runs: all, levels: sections.map((s) => s.level), languages: new Array(n), parent, inner: new Array(doc.blocks.length).fill(-1), sums: { nl: new Int32Array(n * FIELDS), en: new Int32Array(n * FIELDS) } };
  for (let r = 0; r < all.length; r++) {
    const run = all[r]!;
    const v = run.value;
    for (let j = 0; j < v.ks.length; j++) addParagraph(doc, state, run.from + v.ks[j]!, v.languages[j]!, v.counts[j]!, undefined);
  }
  return state;
}

/** Adds the counts of the running-text paragraph at block `i` to the sections whose ranges hold its start, noting the innermost. */
function addParagraph(doc: DocumentModel, state: SectionSums, i: number, language: Language, counts: Counts, touched: number[] | undefined): void {
  const b = doc.blocks[i]!;
  // A paragraph before the first heading counts for no section (proseOf).
  const inner = b.section < 0 ? -1 : innermost(doc.sections, state.parent, b.start);
  state.inner[i] = inner;
  if (inner >= 0) addTo(state, language, inner, counts, 1, touched);
}

/**
 * Corrects the sums for an edit of the runs (see sectionCounts): the edited runs' blocks, the same ones at both ends
 * passed by, the rest taken away (by the innermost section noted for each) and added (by its place now). False when
 * a heading went or came (the sums are then made anew).
 */
function correctSums(doc: DocumentModel, state: SectionSums, all: ReadonlyArray<Run<RunProse>>, change: RunChange<RunProse>, touched: number[]): boolean {
  const oldEnd = change.previous.length - change.after;
  const newEnd = all.length - change.after;
  if (change.before === oldEnd && change.before === newEnd) return true;
  // The first block of the edited runs (the runs before them are the last ones), and their blocks then and now.
  const from = change.before > 0 ? all[change.before - 1]!.to : 0;
  const was = blocksOf(change.previous, change.before, oldEnd, WAS_BLOCKS);
  const now = blocksOf(all, change.before, newEnd, NOW_BLOCKS);
  const had = was.facts.length;
  const has = now.facts.length;
  // The same blocks at both ends (by their facts).
  let p = 0;
  while (p < had && p < has && was.facts[p] === now.facts[p]) p++;
  let q = 0;
  while (q < had - p && q < has - p && was.facts[had - 1 - q] === now.facts[has - 1 - q]) q++;
  // The blocks between: no heading went or came.
  for (let k = p; k < had - q; k++) if (was.kinds[k] === 'h') return false;
  for (let k = p; k < has - q; k++) if (now.kinds[k] === 'h') return false;
  // Taken away where they were counted, then the places of the blocks after them moved, then the new ones added.
  for (let k = p; k < had - q; k++) {
    const inner = state.inner[from + k]!;
    if (inner >= 0 && was.kinds[k] === 'p') addTo(state, was.languages[k]!, inner, was.counts[k]!, -1, touched);
  }
  if (has !== had) state.inner.splice(from + p, had - p - q, ...new Array<number>(has - p - q).fill(-1));
  for (let k = p; k < has - q; k++) {
    state.inner[from + k] = -1;
    if (now.kinds[k] === 'p') addParagraph(doc, state, from + k, now.languages[k]!, now.counts[k]!, touched);
  }
  return true;
}

/** The blocks of some runs one by one: facts, kind ('h', 'p', '.'), and a paragraph's language and counts (written over per call). */
interface RunBlocks {
  facts: object[];
  kinds: string[];
  languages: Array<Language | undefined>;
  counts: Array<Counts | undefined>;
}
const WAS_BLOCKS: RunBlocks = { facts: [], kinds: [], languages: [], counts: [] };
const NOW_BLOCKS: RunBlocks = { facts: [], kinds: [], languages: [], counts: [] };

/** The blocks of runs [from, to) into `out`. */
function blocksOf(runs: ReadonlyArray<Run<RunProse>>, from: number, to: number, out: RunBlocks): RunBlocks {
  out.facts.length = out.kinds.length = out.languages.length = out.counts.length = 0;
  for (let r = from; r < to; r++) {
    const v = runs[r]!.value;
    let j = 0;
    for (let k = 0; k < v.facts.length; k++) {
      const kind = v.kinds[k]!;
      out.facts.push(v.facts[k]!);
      out.kinds.push(kind);
      if (kind === 'p') {
        out.languages.push(v.languages[j]);
        out.counts.push(v.counts[j++]);
      } else {
        out.languages.push(undefined);
        out.counts.push(undefined);
      }
    }
  }
  return out;
}

/** proseCountsByPlace's answer, written over at each check. */
const COUNTS_BY_SECTION: Array<Counts | undefined> = [];
/** The counts a section is summed into (proseCountsByPlace), written over per section. */
const SECTION_COUNTS: Counts = emptyCounts();
/** Per section index, the counts last handed out for it (numbers only: no document's text or blocks). */
const KEPT_COUNTS: Array<Counts | undefined> = [];

/** Every field of counts back to 0. */
function clearCounts(c: Counts): void {
  c.words = c.sentences = c.syllables = c.syllableWords = c.letters = c.characters = 0;
  c.longWords = c.polysyllables = c.complexWords = c.longSentences = c.passives = 0;
}

/** Adds the counts of the paragraphs [j0, j1) in `language` to `c`; how many there were. */
function ownCounts(doc: DocumentModel, prose: Prose, language: Language, c: Counts, j0: number, j1: number): number {
  let paragraphs = 0;
  for (let j = j0; j < j1; j++) {
    if (prose.language[j] !== language) continue;
    addCounts(c, doc.blocks[prose.index[j]!]!.core.counts);
    paragraphs++;
  }
  return paragraphs;
}

/** The run of each paragraph (proseCountsByPlace), written over at each check; filled in for SCRATCH's first RUN_OF_FILLED runs. */
let RUN_OF = new Int32Array(0);
let RUN_OF_FILLED = 0;

/** Numbers per run in the running sums: how many paragraphs, then the fields of Counts (emptyCounts' order). */
const FIELDS = 12;

/**
 * Running sums over the runs' paragraphs of one language: entry r holds the sums over runs [0, r). Whole numbers (counts
 * of a document, far below 2^31) in an Int32Array: a difference of two is a small integer, so that the counts objects it
 * is added to keep integer fields (a double read from a Float64Array turned every Counts object's fields into boxed
 * numbers: ~40 KB of garbage per edit at 100,000 words, session 10).
 */
function runningSums(prose: Prose, language: Language): Int32Array {
  const n = prose.runCount;
  // Written over at each check (entry 0 zero, each next one from the one before), from the entry after SCRATCH's kept
  // runs (see proseOf: the entries up to it are as the last check made them).
  let sum = SUMS[language];
  let from = prose === SCRATCH ? (SUMS_FILLED[language] ?? 0) : 0;
  if (!sum || sum.length < (n + 1) * FIELDS) (sum = SUMS[language] = new Int32Array((n + 1) * FIELDS * 2)), (from = 0);
  if (from === 0) sum.fill(0, 0, FIELDS);
  SUMS_FILLED[language] = prose === SCRATCH ? n : 0;
  for (let r = from; r < n; r++) {
    const a = r * FIELDS;
    const b = a + FIELDS;
    const x = prose.runs[r]!.sums[language];
    if (!x) {
      sum.copyWithin(b, a, b);
      continue;
    }
    const c = x.counts;
    sum[b] = sum[a]! + x.paragraphs;
    sum[b + 1] = sum[a + 1]! + c.words;
    sum[b + 2] = sum[a + 2]! + c.sentences;
    sum[b + 3] = sum[a + 3]! + c.syllables;
    sum[b + 4] = sum[a + 4]! + c.syllableWords;
    sum[b + 5] = sum[a + 5]! + c.letters;
    sum[b + 6] = sum[a + 6]! + c.characters;
    sum[b + 7] = sum[a + 7]! + c.longWords;
    sum[b + 8] = sum[a + 8]! + c.polysyllables;
    sum[b + 9] = sum[a + 9]! + c.complexWords;
    sum[b + 10] = sum[a + 10]! + c.longSentences;
    sum[b + 11] = sum[a + 11]! + c.passives;
  }
  return sum;
}

const SUMS: Partial<Record<Language, Int32Array>> = {};
/** Per language, how many of SCRATCH's runs its running sums hold (entries 0 to that number are as the runs give them). */
const SUMS_FILLED: Partial<Record<Language, number>> = {};

/** Syllables of a long word that the message may name as one to replace or explain. */
const HARD_SYLLABLES = 4;

/** Per block: its long words (lower case, each use), kept with the block's cached analysis. */
const LONG_WORDS = new WeakMap<object, Map<number, string[]>>();
function longWordsOf(ab: DocumentModel['blocks'][number]['analysed'], minSyllables: number): string[] {
  let bySyllables = LONG_WORDS.get(ab.sentences);
  if (!bySyllables) LONG_WORDS.set(ab.sentences, (bySyllables = new Map()));
  let out = bySyllables.get(minSyllables);
  if (!out) {
    out = [];
    ab.sentences.forEach((s, si) => s.words.forEach((w, wi) => {
      if (!w.isNumber && !w.isAcronym && (ab.syllables[si]?.[wi] ?? 0) >= minSyllables) out!.push(w.lower);
    }));
    bySyllables.set(minSyllables, out);
  }
  return out;
}

/** What stays the same while a block's cached analysis (and so its sentences) does: its facts object (BlockStates identity). */
const blockIdentity = (b: DocumentModel['blocks'][number]): object => b.facts;

/** How often the document uses each long word; kept up to date by the blocks an edit changed (engine/incremental.ts). */
const TERM_TALLIES = new Map<number, BlockStates<Tally<string>>>();
function termTally(doc: DocumentModel, ctx: Parameters<DocumentRule['check']>[1], termUses: number): Tally<string> {
  const min = Math.min(HARD_SYLLABLES, numberOption(sectionScore.meta, ctx, 'termSyllables'));
  let states = TERM_TALLIES.get(min);
  if (!states) TERM_TALLIES.set(min, (states = new BlockStates(() => new Tally<string>())));
  // (Each word the update counts, with its count before it: whether it crossed `termUses`, see TERM_SIDES.)
  const before = TERM_BEFORE;
  before.clear();
  // A block that went is given without its analysis: its words were remembered with its sentences when it came.
  const tally = states.update(doc.blocks, (b) => b.sentences, (tally, key, delta, b) => {
    const list = b ? longWordsOf(b.core, min) : LONG_WORDS.get(key)?.get(min);
    if (!list) return;
    const counts = tally.counts;
    for (let k = 0; k < list.length; k++) if (!before.has(list[k]!)) before.set(list[k]!, counts.get(list[k]!) ?? 0);
    tally.add(list, delta);
  }, blockIdentity);
  const sides = TERM_SIDES;
  const generation = ++sides.generation;
  if (sides.tally !== tally || sides.termUses !== termUses) {
    sides.tally = tally;
    sides.termUses = termUses;
    sides.changedAt = generation;
  } else {
    const counts = tally.counts;
    before.forEach((was, word) => {
      if (was >= termUses !== (counts.get(word) ?? 0) >= termUses) sides.changedAt = generation;
    });
  }
  before.clear();
  return tally;
}
/** The words an update of a tally counts, with their counts before it (termTally; emptied after each update). */
const TERM_BEFORE = new Map<string, number>();

/**
 * The last tally termTally brought up to date, for `termUses`: the number of its updates (`generation`, counted over
 * every tally), and the update at which a word last went from fewer than `termUses` uses to as many or more, or back
 * (`changedAt`; the first update of another tally or another `termUses` counts as one). drivers() reads the tally only
 * through that test: a section's drivers made at an update are those of a later one when no word crossed in between.
 */
const TERM_SIDES: { tally: Tally<string> | undefined; termUses: number; generation: number; changedAt: number } = { tally: undefined, termUses: NaN, generation: 0, changedAt: 0 };

/**
 * drivers() per section index, made at update `checkedAt` of the tally (TERM_SIDES) for the section's paragraphs then.
 * Speed only (s31): kept from check to check while the section's paragraphs are the same (sectionCounts corrected the
 * last check's sums, and the edit touched no paragraph the section holds: the same analyses of the same blocks, in the
 * same order; see keepDrivers), in the same language and with the same options, and no word crossed `termUses` in the
 * tally since: no list of the document's paragraphs (proseOf) and no pass over a section's long words per edit.
 */
const DRIVERS_AT: Array<{ language: Language; termSyllables: number; termUses: number; tally: Tally<string>; checkedAt: number; drivers: Drivers } | undefined> = [];

/**
 * Lets go of the drivers kept for sections whose paragraphs may have changed: those `touched` (sectionCounts' list, when
 * it corrected the last check's sums), or all of them (undefined: the sums were made anew, the sections may differ).
 */
function keepDrivers(sections: number, touched: readonly number[] | undefined): void {
  if (touched === undefined || DRIVERS_AT.length !== sections) {
    DRIVERS_AT.length = 0;
    DRIVERS_AT.length = sections;
    return;
  }
  for (let t = 0; t < touched.length; t++) DRIVERS_AT[touched[t]!] = undefined;
}

/** The drivers kept for section `i` (DRIVERS_AT) when they still hold, else undefined. */
function driversAt(i: number, language: Language, tally: Tally<string>, termSyllables: number, termUses: number): Drivers | undefined {
  const known = DRIVERS_AT[i];
  if (known === undefined || known.language !== language || known.termSyllables !== termSyllables || known.termUses !== termUses || known.tally !== tally) return undefined;
  const sides = TERM_SIDES;
  if (sides.tally !== tally || sides.termUses !== termUses || sides.changedAt > known.checkedAt) return undefined;
  return known.drivers;
}

/**
 * The long words of a section's running text: the report's own terms (long words it uses `termUses` times or more),
 * the other long words by weight (syllables), and the syllables per word with the terms counted as the section's
 * ordinary words.
 */
function drivers(doc: DocumentModel, prose: Prose, section: number, tally: Tally<string>, termSyllables: number, termUses: number): Drivers {
  const s = doc.sections[section]!;
  // The section's running-text paragraphs in its language, as counted for its score.
  const paragraphs = sectionProse(prose, s);
  const analyses: object[] = new Array(paragraphs.length);
  for (let k = 0; k < paragraphs.length; k++) analyses[k] = doc.blocks[prose.index[paragraphs[k]!]!]!.sentences;
  if (analyses.length === 0) return driversOf(doc, prose, paragraphs, tally, termSyllables, termUses, new Map());
  // The answer last given for the same paragraphs' analyses with the same options, when each long word it met is on the
  // same side of `termUses` in the document's tally now.
  const known = DRIVERS.get(analyses[0]!);
  if (known && known.termSyllables === termSyllables && known.termUses === termUses && sameObjects(known.analyses, analyses)) {
    let same = true;
    const counts = tally.counts;
    for (let k = 0; k < known.words.length && same; k++) same = (counts.get(known.words[k]!) ?? 0) >= termUses === known.frequent[k];
    if (same) return known.drivers;
  }
  const read = new Map<string, boolean>();
  const drive = driversOf(doc, prose, paragraphs, tally, termSyllables, termUses, read);
  DRIVERS.set(analyses[0]!, { analyses, termSyllables, termUses, words: [...read.keys()], frequent: [...read.values()], drivers: drive });
  return drive;
}

/** What drives a section's score (drivers). */
interface Drivers {
  terms: string[];
  hard: string[];
  syllablesPerWordWithoutTerms: number;
}

/**
 * drivers() as last given, by the first paragraph's analysis (its sentence list; held while that analysis is): the
 * analyses of the paragraphs it read, the options, and each long word it looked up in the tally with whether it was used
 * `termUses` times or more (all the tally decides). Speed only (session 28): a section's drivers were read word by word
 * at every check (~0.3 ms per edit in the footnoted thesis), though an edit elsewhere changes them only when a long word
 * crosses `termUses`.
 */
const DRIVERS = new WeakMap<object, { analyses: object[]; termSyllables: number; termUses: number; words: string[]; frequent: boolean[]; drivers: Drivers }>();

/** Whether two lists hold the same objects in the same order. */
function sameObjects(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** drivers() read word by word; each long word looked up in the tally goes in `read` with whether it is used `termUses` times or more. */
function driversOf(doc: DocumentModel, prose: Prose, paragraphs: readonly number[], tally: Tally<string>, termSyllables: number, termUses: number, read: Map<string, boolean>): Drivers {
  let syllables = 0;
  let counted = 0;
  let termTokens = 0;
  const terms = new Map<string, number>();
  const hard = new Map<string, number>();
  for (const j of paragraphs) {
    const ab = doc.blocks[prose.index[j]!]!.core;
    ab.sentences.forEach((x, si) => x.words.forEach((w, wi) => {
      if (w.isNumber || w.isAcronym) return;
      const n = ab.syllables[si]?.[wi] ?? 0;
      let uses = 0;
      if (n >= HARD_SYLLABLES || n >= termSyllables) {
        uses = tally.counts.get(w.lower) ?? 0;
        read.set(w.lower, uses >= termUses);
      }
      if (n >= termSyllables && uses >= termUses) {
        terms.set(w.lower, (terms.get(w.lower) ?? 0) + 1);
        termTokens++;
        return;
      }
      syllables += n;
      counted++;
      // Long words the report uses rarely: the ones a writer can replace or explain. A long word it uses often
      // ("thrombolysis") is its subject, not a word to replace.
      if (n >= HARD_SYLLABLES && uses < termUses) hard.set(w.lower, Math.max(hard.get(w.lower) ?? 0, n));
    }));
  }
  const byWeight = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || compareWords(a[0], b[0])).map(([w]) => w);
  // Each term counted as an ordinary word of the section: the average of its other words.
  const ordinary = counted ? syllables / counted : 0;
  return { terms: byWeight(terms), hard: byWeight(hard), syllablesPerWordWithoutTerms: termTokens + counted ? (syllables + termTokens * ordinary) / (termTokens + counted) : 0 };
}
