import type { Language } from '../types.js';
import type { DocumentBlock, DocumentModel } from '../rules/types.js';
import type { DocumentAnalysis } from '../engine.js';
import type { VocabularyFacts } from '../rules/vocabulary/analyzer.js';
import { clientPerspective } from '../rules/client/analysis.js';
import type { PracticeLexicon } from './lexicon.js';
import { practiceLexicon } from './lexicon.js';
import { ADVICE, NOT_APPLICABLE, TITLES } from './messages.js';
import { handlesOf, isInline, isSummarySection, pseudoHeadingOf, recCandidatesOf, recommendationPlan, toolAt } from './recommendations.js';
import type { RecCandidates, RecGroup } from './recommendations.js';
import type { CueInsightId, InsightId, PracticalHandles, PracticeEvidence, PracticeFit, PracticeItem, PracticeStatus } from './types.js';
import { INSIGHT_IDS } from './types.js';
import type { CheckCell, Unit, UnitFilter, UnitsRun } from './units.js';
import { MEMO_SLOT, checkOf, quote, runAllUnits, runUnits, sectionMarks, warmUnits } from './units.js';
import type { Run } from '../runs.js';
import { RunSlots, replaceRange, splicedRuns } from '../rules/block-runs.js';
import { blockEditOf } from '../incremental.js';
import type { RunChange } from '../rules/block-runs.js';

const MAX_EVIDENCE = 5;
/** Insights for which thanks are no evidence (thanking "participants" is not involving practice). */
const NOT_IN_THANKS = new Set<CueInsightId>(['needs_tested', 'workplace', 'discussed_with_practice', 'policy_practice']);
/** Insights that only apply to a document that reports its own study. */
const STUDY_ONLY = new Set<CueInsightId>(['needs_tested', 'workplace', 'discussed_with_practice']);

const cache = new WeakMap<DocumentModel, PracticeFit>();

/** The practice-fit card of a document: all twelve insights, computed once per document model. */
export function practiceFit(doc: DocumentModel, lexicon?: PracticeLexicon): PracticeFit {
  if (!lexicon) {
    const hit = cache.get(doc);
    if (hit) return hit;
  }
  const result = compute(doc, lexicon ?? practiceLexicon(doc.language));
  if (!lexicon) cache.set(doc, result);
  return result;
}

export const practiceFitAnalysis: DocumentAnalysis = {
  id: 'practiceFit',
  analyze: (doc) => practiceFit(doc),
  // The blocks' units and their summaries for the filter, made ahead of the check in steps (engine.ts).
  warm: (doc, blocks) => {
    const lex = practiceLexicon(doc.language);
    warmUnits(doc, lex, filterFor(lex), blocks);
  },
};

function evidenceOf(u: Unit, at: number, strength: 'present' | 'partial'): PracticeEvidence {
  return { line: u.line, text: quote(u.text, at), offset: u.offset, endOffset: u.endOffset, strength };
}

/** Evidence, or a unit to quote as evidence when it is picked (most candidates are not: quoting them all cost a check at every edit). */
type Candidate = PracticeEvidence | { unit: Unit; at: number; strength: 'present' | 'partial' };

/** Strongest evidence first, then in document order; one per line. */
function pickEvidence(all: Candidate[]): PracticeEvidence[] {
  return pickFrom(() => all);
}

/** The same, from candidates given anew for each strength (each pass stops when five are picked: the runs are read only as far as needed). */
function pickFrom(all: (strength: 'present' | 'partial') => Iterable<Candidate>): PracticeEvidence[] {
  const lines = new Set<number>();
  const out: PracticeEvidence[] = [];
  for (const strength of ['present', 'partial'] as const) {
    for (const e of all(strength)) {
      if (e.strength !== strength) continue;
      const line = 'unit' in e ? e.unit.line : e.line;
      if (lines.has(line)) continue;
      lines.add(line);
      out.push('unit' in e ? evidenceOf(e.unit, e.at, e.strength) : e);
      if (out.length >= MAX_EVIDENCE) return out;
    }
  }
  return out;
}

function item(id: InsightId, status: PracticeStatus, evidence: PracticeEvidence[]): PracticeItem {
  const advice = status === 'not-applicable' ? NOT_APPLICABLE : ADVICE[id][status];
  return { id, insight: INSIGHT_IDS.indexOf(id) + 1, title: TITLES[id], status, evidence, advice };
}

/** Per cue slot: the present and found counts over the runs, and the runs with candidates for it (their indices), in order. */
interface CueTotals {
  present: number;
  found: number;
  runs: ByStrength;
}

/** Runs (their indices) with candidates of each strength, in order: a pass for one strength reads only those. */
type ByStrength = Record<'present' | 'partial', number[]>;

/**
 * The runs' cue and level answers summed (each insight then reads only the runs that have candidates for it), with
 * the runs' summaries they were summed from (`values`, in order).
 */
interface Totals {
  values: PracticeRun[];
  cue: Array<CueTotals | undefined>;
  /** Jargon terms (insight 8). */
  terms: number;
  /** Units with a study cue. */
  study: number;
  policy: { p: number; f: number; linked: number; runs: ByStrength };
  /** Corrected from the last check's totals after an edit (not summed anew). */
  corrected: boolean;
}

/** A run's answers added to the totals (sign 1; its index in `came`'s lists) or taken from them (sign -1). */
function countRun(t: Totals, v: PracticeRun, sign: 1 | -1, k: number, came?: Array<ByStrength | undefined>, cameIn?: ByStrength): void {
  t.terms += sign * v.terms;
  t.study += sign * v.study;
  for (let mask = v.cueMask; mask !== 0; mask &= mask - 1) {
    const slot = 31 - Math.clz32(mask & -mask);
    const e = v.cue[slot]!;
    const c = (t.cue[slot] ??= { present: 0, found: 0, runs: { present: [], partial: [] } });
    c.present += sign * e.present.length;
    c.found += sign * (e.present.length + e.partial.length);
    if (came) strengthsOf(e, k, (came[slot] ??= { present: [], partial: [] }));
  }
  const p = v.policy;
  if (p.p === 0 && p.f === 0) return;
  t.policy.p += sign * p.p;
  t.policy.f += sign * p.f;
  t.policy.linked += sign * p.linked;
  if (cameIn) strengthsOf(p, k, cameIn);
}

/** Run k in the lists of the strengths it has candidates of. */
function strengthsOf(e: { present: Candidate[]; partial: Candidate[] }, k: number, lists: ByStrength): void {
  if (e.present.length) lists.present.push(k);
  if (e.partial.length) lists.partial.push(k);
}

function totalsOf(values: PracticeRun[]): Totals {
  const t: Totals = { values, cue: [], terms: 0, study: 0, policy: { p: 0, f: 0, linked: 0, runs: { present: [], partial: [] } }, corrected: false };
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    countRun(t, v, 1, k);
    for (let mask = v.cueMask; mask !== 0; mask &= mask - 1) {
      const slot = 31 - Math.clz32(mask & -mask);
      strengthsOf(v.cue[slot]!, k, t.cue[slot]!.runs);
    }
    const p = v.policy;
    if (p.p !== 0 || p.f !== 0) strengthsOf(p, k, t.policy.runs);
  }
  return t;
}

/**
 * Per lexicon: the totals of the last check, with the runs RunSlots handed out for it (that its change() is
 * compared with). Only the last check's: the summaries the slots keep anyway.
 */
const LAST_TOTALS = new WeakMap<PracticeLexicon, { slotRuns: ReadonlyArray<Run<unknown>>; totals: Totals }>();

/**
 * The totals of the runs' summaries (`values`, in order). After an edit of the last check's runs (RunSlots.change())
 * in which the runs before and after the edited stretch have the same summaries as at the last check (their sections'
 * marks unchanged, no run repeated), the last totals corrected: the runs that went taken off, the ones that came
 * added, the lists of runs with candidates spliced (speed only, fit23: summing every run cost ~0.1 ms an edit at
 * 100k words). Otherwise summed anew.
 */
function totalsFor(lex: PracticeLexicon, slotRuns: ReadonlyArray<Run<unknown>>, change: RunChange<unknown> | undefined, values: PracticeRun[], went: PracticeRun[] | undefined): Totals {
  const last = LAST_TOTALS.get(lex);
  LAST_TOTALS.delete(lex);
  const corrected = last && change && change.previous === last.slotRuns ? correctTotals(last.totals, change, values, went) : undefined;
  const totals = corrected ?? totalsOf(values);
  totals.corrected = corrected !== undefined;
  LAST_TOTALS.set(lex, { slotRuns, totals });
  return totals;
}

/**
 * `went`: the summaries of the runs that went, when combineEdit made `values` from the last totals' own list (the same
 * array, corrected in place where the stretch stands: the runs before and after it are the last ones by construction,
 * not compared; speed only, cp37: comparing every run cost ~0.03 ms an edit at 100k words).
 */
function correctTotals(t: Totals, change: RunChange<unknown>, values: PracticeRun[], went: PracticeRun[] | undefined): Totals | undefined {
  const { before, after } = change;
  const inPlace = went !== undefined && t.values === values;
  const prev = inPlace ? undefined : t.values;
  const wentTo = inPlace ? before + went.length : prev!.length - after;
  const cameTo = values.length - after;
  if (wentTo < before || cameTo < before) return undefined;
  if (prev) {
    for (let k = 0; k < before; k++) if (values[k] !== prev[k]) return undefined;
    for (let k = 0; k < after; k++) if (values[cameTo + k] !== prev[wentTo + k]) return undefined;
  }
  const came: Array<ByStrength | undefined> = [];
  const cameIn: ByStrength = { present: [], partial: [] };
  for (let k = before; k < wentTo; k++) countRun(t, prev ? prev[k]! : went![k - before]!, -1, k);
  for (let k = before; k < cameTo; k++) countRun(t, values[k]!, 1, k, came, cameIn);
  const shift = cameTo - wentTo;
  // The lists of runs with candidates corrected in place (no one else holds them: a check's picks read them only then).
  for (let slot = 0; slot < t.cue.length; slot++) {
    const c = t.cue[slot];
    if (!c) continue;
    splicedRuns(c.runs.present, before, wentTo, came[slot]?.present ?? NO_RUNS, shift);
    splicedRuns(c.runs.partial, before, wentTo, came[slot]?.partial ?? NO_RUNS, shift);
  }
  const pr = t.policy.runs;
  splicedRuns(pr.present, before, wentTo, cameIn.present, shift);
  splicedRuns(pr.partial, before, wentTo, cameIn.partial, shift);
  t.values = values;
  return t;
}
const NO_RUNS: readonly number[] = [];

/**
 * A cue insight's evidence as picked at a check, with how far into the runs the picking read: the last run it read
 * (`reach`) and the strengths whose runs it read to the end (bit 1 present, bit 2 partial).
 */
interface CuePick {
  evidence: PracticeEvidence[];
  reach: number;
  exhausted: number;
}

/**
 * The cue insights' picks of a check (per slot) and those of the check before it, with the runs before the edit between
 * them (-1: none kept). Per lexicon, the last check's only.
 */
interface CuePicks {
  before: number;
  last: Array<CuePick | undefined> | undefined;
  next: Array<CuePick | undefined>;
}
const LAST_PICKS = new WeakMap<PracticeLexicon, { blocks: WeakRef<DocumentModel['blocks']>; picks: Array<CuePick | undefined> }>();

/** Cue insights: present cues in a sentence that is no trap, template, thanks or plan count as present; the rest as partial. */
function cueInsight(id: CueInsightId, totals: Totals, lex: PracticeLexicon, picks: CuePicks): { status: PracticeStatus; evidence: PracticeEvidence[] } {
  const cues = lex.insights[id];
  const slot = INSIGHT_IDS.indexOf(id);
  const t = totals.cue[slot];
  const present = t?.present ?? 0;
  const found = t?.found ?? 0;
  const status: PracticeStatus = present >= cues.minPresent ? 'present' : found ? 'partial' : 'absent';
  if (!t) return { status, evidence: [] };
  // The last check's evidence when it read only runs before the edit (the same summaries and places) and, for a
  // strength whose runs it read to the end, no run with candidates of it came after them (speed only, ana32: placing
  // the candidates again cost ~0.05 ms an edit at 100k words).
  const last = picks.last?.[slot];
  let pick: CuePick;
  if (
    last &&
    last.reach < picks.before &&
    (!(last.exhausted & 1) || !t.runs.present.length || t.runs.present[t.runs.present.length - 1]! < picks.before) &&
    (!(last.exhausted & 2) || !t.runs.partial.length || t.runs.partial[t.runs.partial.length - 1]! < picks.before)
  )
    pick = last;
  else pick = pickCue(totals.values, t, slot);
  picks.next[slot] = pick;
  return { status, evidence: pick.evidence.slice() };
}

/** pickFrom over a cue slot's candidates, noting how far it read (CuePick). */
function pickCue(values: PracticeRun[], t: CueTotals, slot: number): CuePick {
  const lines = new Set<number>();
  const out: PracticeEvidence[] = [];
  let reach = -1;
  let exhausted = 0;
  for (const strength of ['present', 'partial'] as const) {
    for (const k of t.runs[strength]) {
      if (k > reach) reach = k;
      for (const e of values[k]!.cue[slot]![strength]) {
        if (e.strength !== strength) continue;
        const line = 'unit' in e ? e.unit.line : e.line;
        if (lines.has(line)) continue;
        lines.add(line);
        out.push('unit' in e ? evidenceOf(e.unit, e.at, e.strength) : e);
        if (out.length >= MAX_EVIDENCE) return { evidence: out, reach, exhausted };
      }
    }
    exhausted |= strength === 'present' ? 1 : 2;
  }
  return { evidence: out, reach, exhausted };
}

/** The candidates of the runs (indices into `values`), in document order. */
function* candidates(values: PracticeRun[], runs: number[], of: (v: PracticeRun) => Candidate[]): Iterable<Candidate> {
  for (const k of runs) yield* of(values[k]!);
}

/** A unit's cue match for one insight, from its text alone: a present cue (downgraded or not) or a partial one, and where. */
type CueMatch = { present: boolean; downgraded: boolean; at: number };
const NO_CUE: CueMatch = { present: false, downgraded: false, at: -1 };
/** Memo slots after the insights' own: policy and practice levels, study cues. */
const POLICY_SLOT = MEMO_SLOT.policy;
const STUDY_SLOT = MEMO_SLOT.study;

/** The cue match of a unit for the insight in `slot`, remembered with the unit's cached block unit (the same answers as matching again). */
function cueMatch(u: Unit, slot: number, cues: PracticeLexicon['insights'][CueInsightId]): CueMatch {
  // A heading's unit is made anew at every check; its kind is part of the answer (section cues).
  let c = u.memo[slot] as CueMatch | undefined;
  if (c) return c;
  // A trap makes any cue none: asked only when there is a cue (a trap's first word, such as "in", is in most sentences,
  // and most have no cue; speed only, the same answers).
  const m = cues.present.find(u.text);
  const w = m ? undefined : (cues.partial.find(u.text) ?? (u.kind === 'heading' ? cues.sections.find(u.text) : undefined));
  if ((!m && !w) || (!cues.traps.empty && cues.traps.test(u.text))) c = NO_CUE;
  else if (m) c = { present: true, downgraded: cues.downgrade.test(u.text), at: m.index };
  else c = { present: false, downgraded: false, at: w!.index };
  u.memo[slot] = c;
  return c;
}

/** Insight 4: both levels named, and linked in one sentence; one level only is partial. */
function policyPractice(totals: Totals, lex: PracticeLexicon, picks: CuePicks): { status: PracticeStatus; evidence: PracticeEvidence[] } {
  const base = cueInsight('policy_practice', totals, lex, picks);
  if (base.status === 'present') return base;
  const { linked, p: policy, f: frontline, runs } = totals.policy;
  const status: PracticeStatus = linked >= 2 ? 'present' : linked > 0 || (policy > 0 && frontline > 0) || policy + frontline >= 3 ? 'partial' : base.status;
  // The cue evidence first, then the sentences that name both levels.
  const evidence = pickFrom(function* (strength) {
    for (const e of base.evidence) if (e.strength === strength) yield e;
    yield* candidates(totals.values, runs[strength], (v) => v.policy[strength]);
  });
  return { status, evidence };
}

type PolicyMatch = { readonly trap: boolean; readonly p: boolean; readonly f: boolean; readonly verb: boolean; readonly at: number };
/** The two answers most units have, shared (one object less per unit of a long document). */
const POLICY_TRAP: PolicyMatch = { trap: true, p: false, f: false, verb: false, at: -1 };
const POLICY_NONE: PolicyMatch = { trap: false, p: false, f: false, verb: false, at: -1 };

/** The text's answers for insight 4, remembered with its cached block unit (slot after the insights'). */
function policyMatch(u: Unit, lex: PracticeLexicon): PolicyMatch {
  let c = u.memo[POLICY_SLOT] as PolicyMatch | undefined;
  if (!c) {
    // The trap is asked only when a level is named: without one the answer counts for nothing either way (every reader
    // skips a trap and a unit naming neither level alike; speed only).
    const p = lex.policyLevel.find(u.text);
    const f = lex.frontline.find(u.text);
    if (!p && !f) c = POLICY_NONE;
    else if (lex.insights.policy_practice.traps.test(u.text)) c = POLICY_TRAP;
    else c = { trap: false, p: !!p, f: !!f, verb: !!(p && f && lex.recommendations.verbs.test(u.text)), at: p && f ? Math.min(p.index, f.index) : -1 };
    u.memo[POLICY_SLOT] = c;
  }
  return c;
}

/** Insights found by cue phrases, with their memo slots. */
const CUE_SLOTS: Array<[CueInsightId, number]> = INSIGHT_IDS.flatMap((id, slot) =>
  id === 'client_perspective' || id === 'practical_handles' || id === 'common_language' || id === 'readability' ? [] : [[id, slot] as [CueInsightId, number]],
);
/** Per unit (its memo, shared by the checks that reuse the cached block): a bit for each cue slot with a cue. */
const CUE_BITS = MEMO_SLOT.cueBits;

/** Insight 6: practical handles from the recommendations. */
function handlesItem(h: PracticalHandles, doc: DocumentModel): { status: PracticeStatus; evidence: PracticeEvidence[] } {
  const forPractice = h.recommendations.filter((r) => r.audience === 'practice');
  const concrete = forPractice.filter((r) => r.actor && r.verb && !r.weak);
  const findable = forPractice.some((r) => r.source === 'list');
  const evidence: PracticeEvidence[] = [];
  for (const s of h.sections) if (!s.research) evidence.push({ line: s.line, text: s.title, offset: s.offset, endOffset: s.endOffset, strength: 'partial' });
  for (const r of concrete) evidence.push({ line: r.line, text: quote(r.text), offset: r.offset, endOffset: r.endOffset, strength: 'present' });
  for (const r of forPractice) if (!concrete.includes(r)) evidence.push({ line: r.line, text: quote(r.text), offset: r.offset, endOffset: r.endOffset, strength: 'partial' });
  evidence.push(...h.tools);
  let status: PracticeStatus;
  if (forPractice.length >= 3 && concrete.length * 2 >= forPractice.length && (findable || h.practiceSection || h.tools.length)) status = 'present';
  else if (forPractice.length || h.practiceSection || h.tools.length) status = 'partial';
  else status = 'absent';
  void doc;
  return { status, evidence: pickEvidence(evidence) };
}

/**
 * Insight 1: the client-perspective verdict, with its quotes, statements and involvement as evidence. The last check's
 * evidence when its verdict and lists of items were the same (speed only, cp36: the client perspective hands out the
 * last check's lists where their items stand before an edit; ~20 items were quoted and picked again at every edit).
 */
function clientItem(doc: DocumentModel): { status: PracticeStatus; evidence: PracticeEvidence[] } {
  const cp = clientPerspective(doc);
  const lists = [cp.quotes, cp.involvement, cp.statements, cp.method.clientSources];
  const last = LAST_CLIENT_ITEM;
  if (last && last.verdict === cp.verdict && sameList(last.lists, lists)) return { status: cp.verdict, evidence: last.evidence.slice() };
  const ev: PracticeEvidence[] = [];
  const strength = cp.verdict === 'present' ? 'present' : 'partial';
  for (const e of [...cp.quotes, ...cp.involvement, ...cp.statements, ...cp.method.clientSources]) {
    ev.push({ line: e.line, text: quote(e.text), offset: e.offset, endOffset: e.endOffset, strength });
  }
  const evidence = pickEvidence(ev);
  LAST_CLIENT_ITEM = { verdict: cp.verdict, lists, evidence };
  return { status: cp.verdict, evidence: evidence.slice() };
}
/** The last check's client item (not changed once made: handed out as copies). */
let LAST_CLIENT_ITEM: { verdict: PracticeStatus; lists: unknown[][]; evidence: PracticeEvidence[] } | undefined;

/** Jargon per 1,000 words at which the language no longer fits practice, and at which it fits. */
const JARGON_FITS = 3;
const JARGON_FAILS = 12;

/** Insight 8: the vocabulary findings (jargon terms per 1,000 words). */
function languageItem(doc: DocumentModel, runs: ReadonlyArray<Run<unknown>>, values: PracticeRun[], totals: Totals): { status: PracticeStatus; evidence: PracticeEvidence[] } {
  // The first use of each term, placed only for the few quoted as evidence; the runs read only until five are found.
  const seen = new Map<string, { block: (typeof doc.blocks)[number]; term: VocabularyFacts['terms'][number] }>();
  const terms = totals.terms;
  for (let i = 0; i < values.length; i++) {
    if (seen.size >= MAX_EVIDENCE) break;
    for (const { k, key, term } of values[i]!.firstTerms) {
      if (seen.size >= MAX_EVIDENCE) break;
      if (!seen.has(key)) seen.set(key, { block: doc.blocks[runs[i]!.from + k]!, term });
    }
  }
  const evidence = (): PracticeEvidence[] =>
    [...seen.values()].map(({ block, term: t }) => {
      const { offset, endOffset } = block.toDocument(t.start, t.end);
      return { line: doc.lines.position(offset).line + 1, text: t.text, offset, endOffset, strength: 'partial' as const };
    });
  const words = doc.metrics.words;
  if (words < 50) return { status: 'not-applicable', evidence: [] };
  const per1000 = (terms * 1000) / words;
  const status: PracticeStatus = per1000 <= JARGON_FITS ? 'present' : per1000 <= JARGON_FAILS ? 'partial' : 'absent';
  return { status, evidence: evidence() };
}

/** Headline score bands: Flesch-Douma (nl) and Flesch Reading Ease (en). */
export const READABLE: Record<Language, { good: number; fair: number }> = { nl: { good: 55, fair: 40 }, en: { good: 50, fair: 30 } };

/** Insight 9: readability, with the hardest sections as evidence. */
function readabilityItem(doc: DocumentModel): { status: PracticeStatus; evidence: PracticeEvidence[] } {
  const m = doc.metrics;
  if (m.words < 50) return { status: 'not-applicable', evidence: [] };
  const band = READABLE[doc.language];
  const status: PracticeStatus = m.score >= band.good ? 'present' : m.score >= band.fair ? 'partial' : 'absent';
  // The three hardest (as sorting them all by score, equal scores in document order).
  const sections = doc.sections;
  const ranked = rankedSections(sections, band.good);
  const hard: PracticeEvidence[] = [];
  for (let j = 0; j < ranked.length && j < 3; j++) {
    const s = sections[ranked[j]!]!;
    hard.push({ line: s.line, text: `${s.title} (${Math.round(s.metrics.score)})`, offset: s.offset, endOffset: s.endOffset, strength: 'partial' });
  }
  return { status, evidence: hard };
}

/**
 * The sections of a check that readability quotes from, with what they were ranked by: per section its metrics, and
 * the indices of the sections of at least 80 words below the score `good`, by score (lowest first), equal scores in
 * document order. Only the last check's.
 */
interface Ranked {
  sections: DocumentModel['sections'];
  good: number;
  metrics: Array<DocumentModel['sections'][number]['metrics']>;
  ranked: number[];
}
let LAST_RANKED: Ranked | undefined;

/** Whether section i (metrics m) comes before section j (metrics n) in the ranking. */
function ranksBefore(m: { score: number }, i: number, n: { score: number }, j: number): boolean {
  return m.score < n.score || (m.score === n.score && i < j);
}

/**
 * The ranking of the sections (see Ranked). After a check with as many sections and the same band, the last ranking
 * corrected: only the sections that are not the last check's objects are read, and those whose metrics are other
 * objects taken out and put back in their place (speed only, cp37: reading every section's metrics cost ~0.08 ms an
 * edit at 100k words).
 */
function rankedSections(sections: DocumentModel['sections'], good: number): number[] {
  const last = LAST_RANKED;
  const qualifies = (m: DocumentModel['sections'][number]['metrics']): boolean => m.words >= 80 && m.score < good;
  if (!last || last.good !== good || last.sections.length !== sections.length) {
    const metrics = sections.map((s) => s.metrics);
    const ranked: number[] = [];
    for (let i = 0; i < metrics.length; i++) if (qualifies(metrics[i]!)) ranked.push(i);
    ranked.sort((i, j) => (ranksBefore(metrics[i]!, i, metrics[j]!, j) ? -1 : 1));
    LAST_RANKED = { sections, good, metrics, ranked };
    return ranked;
  }
  const { metrics, ranked } = last;
  const was = last.sections;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    if (s === was[i]) continue;
    const m = s.metrics;
    const old = metrics[i]!;
    if (m === old) continue;
    metrics[i] = m;
    if (qualifies(old)) {
      // Out of the ranking from where the old metrics put it (found by halving).
      const at = rankOf(ranked, metrics, old, i);
      ranked.splice(ranked[at] === i ? at : ranked.indexOf(i), 1);
    }
    if (qualifies(m)) ranked.splice(rankOf(ranked, metrics, m, i), 0, i);
  }
  last.sections = sections;
  return ranked;
}

/** The first place in the ranking whose section does not rank before section i with metrics m. */
function rankOf(ranked: number[], metrics: Ranked['metrics'], m: { score: number }, i: number): number {
  let lo = 0;
  let hi = ranked.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const j = ranked[mid]!;
    if (j !== i && ranksBefore(metrics[j]!, j, m, i)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a unit's text shows a study cue (kept in its memo). */
function isStudyCue(u: Unit, lex: PracticeLexicon): boolean {
  let study = u.memo[STUDY_SLOT] as boolean | undefined;
  if (study === undefined) u.memo[STUDY_SLOT] = study = lex.study.test(u.text);
  return study;
}

/** The cue bits of a unit (a bit per cue slot with a cue), kept in its memo. */
function cueBits(u: Unit, lex: PracticeLexicon): number {
  const memo = u.memo;
  let bits = memo[CUE_BITS] as number | undefined;
  if (bits === undefined) {
    bits = 0;
    for (let k = 0; k < CUE_SLOTS.length; k++) {
      const slot = CUE_SLOTS[k]![1];
      if (cueMatch(u, slot, lex.insights[CUE_SLOTS[k]![0]]) !== NO_CUE) bits |= 1 << slot;
    }
    memo[CUE_BITS] = bits;
  }
  return bits;
}

/**
 * Per lexicon: which units the passes of compute() can use. A unit that none can use (no cue, no
 * level, no study cue, no "we recommend", no tool; most sentences of a long report) is skipped
 * with its whole block, from the block's cached answer (checkUnits in units.ts).
 */
const FILTERS = new WeakMap<PracticeLexicon, UnitFilter>();
function filterFor(lex: PracticeLexicon): UnitFilter {
  let f = FILTERS.get(lex);
  if (!f) {
    f = {
      relevant(u) {
        if (u.template) return false;
        // Every answer asked here, none short-circuited: a relevant unit's are read again by the check (summariseRun),
        // and asked now they come from the lexicon's one pass over this text (PatternGroup), not from a pass of its own.
        const cue = cueBits(u, lex) !== 0;
        const study = isStudyCue(u, lex);
        const inline = isInline(u, lex);
        const tool = (u.kind === 'heading' || u.kind === 'listItem') && toolAt(u, lex) >= 0;
        if (cue || study || inline || tool) {
          if (u.kind !== 'heading') policyMatch(u, lex);
          return true;
        }
        if (u.kind === 'heading') return false;
        const c = policyMatch(u, lex);
        return !c.trap && (c.p || c.f);
      },
      pseudoHeading: (u) => pseudoHeadingOf(u, lex),
    };
    FILTERS.set(lex, f);
  }
  return f;
}

/** What one run of blocks adds to the practice card: its units' answers, counted and listed in order (the evidence is placed when picked). */
interface PracticeRun {
  units: UnitsRun;
  /** Units with a study cue (no template). */
  study: number;
  /** Per cue slot: the candidates in order, those that count as present and the partial ones. */
  cue: Array<{ present: Candidate[]; partial: Candidate[] } | undefined>;
  /** A bit for each cue slot with candidates. */
  cueMask: number;
  /** Insight 4's levels: units naming policy, practice, both linked, and the candidates by strength. */
  policy: { p: number; f: number; linked: number; present: Candidate[]; partial: Candidate[] };
  /** Units that say "we recommend" (no template, no heading). */
  inline: Unit[];
  /** The first five tools named in a heading or list item. */
  tools: Array<{ unit: Unit; at: number }>;
  /** Jargon terms of the run's blocks, and the first five distinct ones (block in the run, term). */
  terms: number;
  firstTerms: Array<{ k: number; key: string; term: VocabularyFacts['terms'][number] }>;
  /**
   * The recommendation candidates of all the units of the run's blocks (runAllUnits, placed by the run), once the run
   * stood in a recommendations section. Speed only (s31): from the units' texts and kinds alone, as the run's summary,
   * so kept with it (not grouped by section and sorted out again at every check).
   */
  recs: RecCandidates | undefined;
}

/**
 * Per lexicon: the practice card's per-run summaries, kept per run of the cut that the document rules share
 * (rules/block-runs.ts: a run's blocks by their facts objects, stable while a block is unchanged). A run never spans
 * two sections, so its blocks share their section's acknowledgements and plan marks: a run keeps a summary per mark
 * (its units count differently there). Cutting the blocks again for this card alone cost ~0.7 ms a check at 100k
 * words (speed only, cl15).
 */
const RUN_SLOTS = new WeakMap<PracticeLexicon, RunSlots<Array<PracticeRun | undefined>>>();

function summariseRun(doc: DocumentModel, lex: PracticeLexicon, from: number, to: number, acknowledgements: boolean, planned: boolean, cell: CheckCell): PracticeRun {
  const ur = runUnits(doc, lex, filterFor(lex), from, to, acknowledgements, planned, cell);
  const run: PracticeRun = { units: ur, study: 0, cue: [], cueMask: 0, policy: { p: 0, f: 0, linked: 0, present: [], partial: [] }, inline: [], tools: [], terms: 0, firstTerms: [], recs: undefined };
  const units = ur.units;
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (u.template) continue;
    if (isStudyCue(u, lex)) run.study++;
    const bits = cueBits(u, lex);
    if (bits !== 0) {
      for (let j = 0; j < CUE_SLOTS.length; j++) {
        const slot = CUE_SLOTS[j]![1];
        if ((bits & (1 << slot)) === 0) continue;
        const id = CUE_SLOTS[j]![0];
        if (u.acknowledgements && NOT_IN_THANKS.has(id)) continue;
        const cues = lex.insights[id];
        const c = cueMatch(u, slot, cues);
        if (c === NO_CUE) continue;
        const e = (run.cue[slot] ??= { present: [], partial: [] });
        run.cueMask |= 1 << slot;
        const strength = c.present && !((!cues.plansCount && u.plan) || c.downgraded) ? 'present' : 'partial';
        e[strength].push({ unit: u, at: c.at, strength });
      }
    }
    if (u.kind !== 'heading' && isInline(u, lex)) run.inline.push(u);
    if (run.tools.length < 5 && (u.kind === 'heading' || u.kind === 'listItem')) {
      const at = toolAt(u, lex);
      if (at >= 0) run.tools.push({ unit: u, at });
    }
    if (u.acknowledgements || u.kind === 'heading') continue;
    const c = policyMatch(u, lex);
    if (c.trap || !(c.p || c.f)) continue;
    const pol = run.policy;
    if (c.p) pol.p++;
    if (c.f) pol.f++;
    if (c.p && c.f && c.verb) {
      pol.linked++;
      pol.present.push({ unit: u, at: c.at, strength: 'present' });
    } else if (c.p && c.f) pol.partial.push({ unit: u, at: c.at, strength: 'partial' });
  }
  const seen = new Set<string>();
  for (let bi = from; bi < to; bi++) {
    const facts = doc.blocks[bi]!.facts.vocabulary as VocabularyFacts | undefined;
    if (!facts) continue;
    const terms = facts.terms;
    for (let j = 0; j < terms.length; j++) {
      const t = terms[j]!;
      run.terms++;
      if (seen.size >= MAX_EVIDENCE) continue;
      const key = t.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      run.firstTerms.push({ k: bi - from, key, term: t });
    }
  }
  return run;
}

/** A pseudo-heading run of recommendations going on: whether its pseudo-heading named research, and its section. */
type Pseudo = { research: boolean; section: number } | undefined;

/**
 * What a check combined from its runs (`values`, in order, with the runs RunSlots handed out for them): the
 * pseudo-heading items, the "we recommend" units and, per run, where its own begin in those lists (one more entry
 * at the end) and the pseudo-heading run going on as it starts; the runs in recommendations sections and those with
 * tools. Per lexicon, the last check's only: an edit of its runs takes the parts before and after the edited stretch
 * from it (see combineEdit).
 */
interface Combined {
  slotRuns: ReadonlyArray<Run<unknown>>;
  values: PracticeRun[];
  ackSection: boolean[];
  planSection: boolean[];
  recSection: number[];
  pseudoItems: Array<{ unit: Unit; research: boolean; section: number }>;
  pseudoFirst: number[];
  pseudoIn: Pseudo[];
  inline: Unit[];
  inlineFirst: number[];
  recRuns: number[];
  toolRuns: number[];
  /** When combineEdit corrected the last check's parts: the summaries of the runs that went (see correctTotals). */
  went: PracticeRun[] | undefined;
}
const LAST_COMBINED = new WeakMap<PracticeLexicon, Combined>();

/** Per lexicon: the check the runs' units are placed by (RunPlace.cell), set once per check. */
const CELLS = new WeakMap<PracticeLexicon, CheckCell>();
/** The number of the check being combined (RunPlace.stamp). */
let checkNumber = 0;

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  // (Mostly the same list: the sections' marks and plan are the last check's when its headings are; see sectionMarks.)
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Run k (its blocks `s`) combined: its summary chosen (made when new or a repeat), placed, and its part in the lists. */
function combineRun(doc: DocumentModel, lex: PracticeLexicon, c: Combined, k: number, s: Run<Array<PracticeRun | undefined>>, stamp: number, cell: CheckCell, pseudo: Pseudo, repeats?: (v: PracticeRun) => boolean): Pseudo {
  const ack = s.section >= 0 && c.ackSection[s.section]!;
  const planned = s.section >= 0 && c.planSection[s.section]!;
  const byMark = s.value;
  const mark = (ack ? 1 : 0) | (planned ? 2 : 0);
  let value = byMark[mark];
  const made = value === undefined;
  if (value === undefined) value = byMark[mark] = summariseRun(doc, lex, s.from, s.to, ack, planned, cell);
  // A run whose blocks repeat an earlier run of this check exactly has the same summary: its units get places of their own.
  // (A summary made just now is none of the last check's: `repeats` is not asked. Speed only, term34: it reads every run.)
  if (value.units.place.stamp === stamp || (!made && repeats?.(value))) value = summariseRun(doc, lex, s.from, s.to, ack, planned, cell);
  c.values.push(value);
  const u = value.units;
  u.place.from = s.from;
  u.place.section = s.section;
  u.place.cell = cell;
  u.place.stamp = stamp;
  c.pseudoIn.push(pseudo);
  c.pseudoFirst.push(c.pseudoItems.length);
  c.inlineFirst.push(c.inline.length);
  for (const x of value.inline) c.inline.push(x);
  if (pseudo) for (const unit of u.pseudoIn) c.pseudoItems.push({ unit, research: pseudo.research, section: pseudo.section });
  for (const { unit, research } of u.pseudoItems) c.pseudoItems.push({ unit, research, section: s.section });
  if (u.pseudoOut !== 'in') pseudo = u.pseudoOut ? { research: u.pseudoOut.research, section: s.section } : undefined;
  if (s.section >= 0 && c.recSection[s.section]! >= 0) c.recRuns.push(k);
  if (value.tools.length) c.toolRuns.push(k);
  return pseudo;
}

function newCombined(slotRuns: ReadonlyArray<Run<unknown>>, ackSection: boolean[], planSection: boolean[], recSection: number[]): Combined {
  return { slotRuns, values: [], ackSection, planSection, recSection, pseudoItems: [], pseudoFirst: [], pseudoIn: [], inline: [], inlineFirst: [], recRuns: [], toolRuns: [], went: undefined };
}

/** Every run combined. */
function combineAll(doc: DocumentModel, lex: PracticeLexicon, slotRuns: Array<Run<Array<PracticeRun | undefined>>>, ackSection: boolean[], planSection: boolean[], recSection: number[], stamp: number, cell: CheckCell): Combined {
  const c = newCombined(slotRuns, ackSection, planSection, recSection);
  let pseudo: Pseudo;
  for (let k = 0; k < slotRuns.length; k++) pseudo = combineRun(doc, lex, c, k, slotRuns[k]!, stamp, cell, pseudo);
  c.pseudoIn.push(pseudo);
  c.pseudoFirst.push(c.pseudoItems.length);
  c.inlineFirst.push(c.inline.length);
  return c;
}

/**
 * After an edit of the last check's runs (RunSlots.change()) with the same sections' marks and recommendations
 * sections and no section renumbered after the edited stretch: the last check's parts for the runs before and after
 * it (their summaries, places and items as they were; the runs after it moved when blocks came or went), only the runs
 * between combined (speed only, ana32: combining every run cost ~0.15 ms an edit at 100k words). Undefined when the
 * pseudo-heading run going on after the stretch is not the last one: then all are combined.
 *
 * Speed only (term34): the last check's lists are corrected in place where the stretch stands, not copied into new
 * lists of every run (~13 KB an edit at 100k words), once the edit is known to be taken (an undefined answer leaves
 * `last` as it was; combineAll does not read it). Only the list of summaries is a new one: the last totals keep the
 * last one (correctTotals compares the two).
 */
function combineEdit(doc: DocumentModel, lex: PracticeLexicon, last: Combined, change: RunChange<unknown>, slotRuns: Array<Run<Array<PracticeRun | undefined>>>, stamp: number, cell: CheckCell): Combined | undefined {
  const prev = last.values;
  const { before, after } = change;
  const wentTo = prev.length - after;
  const cameTo = slotRuns.length - after;
  if (wentTo < before || cameTo < before || last.slotRuns.length !== prev.length) return undefined;
  if (after > 0 && slotRuns[cameTo]!.section !== last.slotRuns[wentTo]!.section) return undefined;
  // The runs between combined into lists of their own (their items only; the run numbers in recRuns and toolRuns
  // are the runs' own).
  const s = newCombined(slotRuns, last.ackSection, last.planSection, last.recSection);
  // A run between whose summary is one of the runs' kept before or after it repeats it (see combineRun).
  // Speed only (s31): every summary of the last check stands at the run whose first block its place names (combineRun
  // and combineEdit keep `place.from` the run's `from`; a check's summaries are distinct objects), so the one run it
  // can stand at is found by that block (the runs' `from` rise), not by reading every kept run for each run between.
  const lastRuns = last.slotRuns;
  const repeats = (v: PracticeRun): boolean => {
    const from = v.units.place.from;
    let lo = 0;
    let hi = lastRuns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lastRuns[mid]!.from < from) lo = mid + 1;
      else hi = mid;
    }
    return (lo < before || lo >= wentTo) && lo < prev.length && prev[lo] === v;
  };
  let pseudo = last.pseudoIn[before];
  for (let k = before; k < cameTo; k++) pseudo = combineRun(doc, lex, s, k, slotRuns[k]!, stamp, cell, pseudo, repeats);
  const was = last.pseudoIn[wentTo];
  if (pseudo !== was && !(pseudo && was && pseudo.research === was.research && pseudo.section === was.section)) return undefined;
  const c = last;
  const shift = cameTo - wentTo;
  const pseudoFrom = c.pseudoFirst[before]!;
  const pseudoTo = c.pseudoFirst[wentTo]!;
  const inlineFrom = c.inlineFirst[before]!;
  const inlineTo = c.inlineFirst[wentTo]!;
  const pseudoShift = pseudoFrom + s.pseudoItems.length - pseudoTo;
  const inlineShift = inlineFrom + s.inline.length - inlineTo;
  // Speed only (cp37): the list of summaries corrected in place (the last totals hold the same list and are corrected
  // with the summaries that went, see correctTotals), not copied for every run.
  const went = prev.slice(before, wentTo);
  replaceRange(prev, before, wentTo - before, s.values);
  const values = prev;
  // The places the runs after the stretch start their items at moved by the items that came less those that went.
  if (pseudoShift !== 0) for (let k = wentTo; k <= prev.length; k++) c.pseudoFirst[k]! += pseudoShift;
  if (inlineShift !== 0) for (let k = wentTo; k <= prev.length; k++) c.inlineFirst[k]! += inlineShift;
  for (let i = 0; i < s.pseudoFirst.length; i++) s.pseudoFirst[i]! += pseudoFrom;
  for (let i = 0; i < s.inlineFirst.length; i++) s.inlineFirst[i]! += inlineFrom;
  replaceRange(c.pseudoIn, before, wentTo - before, s.pseudoIn);
  replaceRange(c.pseudoFirst, before, wentTo - before, s.pseudoFirst);
  replaceRange(c.inlineFirst, before, wentTo - before, s.inlineFirst);
  replaceRange(c.pseudoItems, pseudoFrom, pseudoTo - pseudoFrom, s.pseudoItems);
  replaceRange(c.inline, inlineFrom, inlineTo - inlineFrom, s.inline);
  splicedRuns(c.recRuns, before, wentTo, s.recRuns, shift);
  splicedRuns(c.toolRuns, before, wentTo, s.toolRuns, shift);
  // Blocks came or went: the runs after the stretch moved.
  if (after > 0 && slotRuns[cameTo]!.from !== c.slotRuns[wentTo]!.from) {
    for (let k = cameTo; k < slotRuns.length; k++) values[k]!.units.place.from = slotRuns[k]!.from;
  }
  c.slotRuns = slotRuns;
  c.values = values;
  c.went = went;
  return c;
}

function compute(doc: DocumentModel, lex: PracticeLexicon): PracticeFit {
  const plan = recommendationPlan(doc, lex);
  const { ackSection, planSection } = sectionMarks(doc.sections, lex);
  let slots = RUN_SLOTS.get(lex);
  if (!slots) RUN_SLOTS.set(lex, (slots = new RunSlots()));
  let cell = CELLS.get(lex);
  const check = checkOf(doc, cell?.check);
  if (cell) cell.check = check;
  else CELLS.set(lex, (cell = { check }));
  const stamp = ++checkNumber;
  const slotRuns = slots.runs(doc, () => []);
  const change = slots.change();
  const last = LAST_COMBINED.get(lex);
  LAST_COMBINED.delete(lex);
  const c =
    (last && change && change.previous === last.slotRuns && sameList(last.ackSection, ackSection) && sameList(last.planSection, planSection) && sameList(last.recSection, plan.recSection) &&
      combineEdit(doc, lex, last, change, slotRuns, stamp, cell)) ||
    combineAll(doc, lex, slotRuns, ackSection, planSection, plan.recSection, stamp, cell);
  LAST_COMBINED.set(lex, c);
  const values = c.values;
  // The recommendations sections' units, placed for this check. Speed only (s31): kept with the run's summary, placed by
  // its place (runAllUnits), not made and placed again at every check for every run (the same units and places), and
  // only their recommendation candidates kept (recCandidatesOf: from the units' texts and kinds alone).
  const recGroups: RecGroup[] = [];
  for (const k of c.recRuns) {
    const r = slotRuns[k]!;
    const v = values[k]!;
    const candidates = (v.recs ??= recCandidatesOf(runAllUnits(doc, lex, v.units.place, r.from, r.to, ackSection[r.section]!, planSection[r.section]!), lex));
    recGroups.push({ section: r.section, candidates });
  }
  const handles = handlesOf(doc, recGroups, lex, plan, c.pseudoItems, c.inline, (push) => {
    const tools: PracticeEvidence[] = [];
    for (const k of c.toolRuns) {
      for (const { unit, at } of values[k]!.tools) {
        if (tools.length >= 5) return tools;
        push(tools, unit, at);
      }
    }
    return tools;
  });
  const totals = totalsFor(lex, slotRuns, change, values, c === last ? c.went : undefined);
  const isStudy = totals.study >= 2;
  // The cue insights' evidence of the last check, kept where it read only runs before the edit (see cueInsight): runs
  // before the edited stretch whose blocks are also the last check's block objects (the same places: an edit that only
  // moved the text, such as a blank line put before them, leaves their summaries as they were but not their places).
  const lastPicks = LAST_PICKS.get(lex);
  LAST_PICKS.delete(lex);
  let keptRuns = -1;
  const edit = lastPicks && change && totals.corrected ? blockEditOf(doc.blocks, lastPicks.blocks.deref()) : undefined;
  if (edit && change) {
    let lo = 0;
    let hi = change.before;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (slotRuns[mid]!.to <= edit.before) lo = mid + 1;
      else hi = mid;
    }
    keptRuns = lo;
  }
  const picks: CuePicks = { before: keptRuns, last: lastPicks?.picks, next: [] };
  const items: PracticeItem[] = [];
  for (const id of INSIGHT_IDS) {
    let r: { status: PracticeStatus; evidence: PracticeEvidence[] };
    if (id === 'client_perspective') r = clientItem(doc);
    else if (id === 'practical_handles') r = handlesItem(handles, doc);
    else if (id === 'common_language') r = languageItem(doc, slotRuns, values, totals);
    else if (id === 'readability') r = readabilityItem(doc);
    else if (id === 'policy_practice') r = policyPractice(totals, lex, picks);
    else {
      r = cueInsight(id, totals, lex, picks);
      if (STUDY_ONLY.has(id) && !isStudy && r.status !== 'present') r = { status: 'not-applicable', evidence: r.evidence };
    }
    items.push(item(id, r.status, r.evidence));
  }
  LAST_PICKS.set(lex, { blocks: new WeakRef(doc.blocks), picks: picks.next });
  const applicable = items.filter((i) => i.status !== 'not-applicable');
  const fit: PracticeFit = {
    language: doc.language,
    items,
    handles,
    found: applicable.filter((i) => i.status === 'present' || i.status === 'partial').length,
    applicable: applicable.length,
    words: doc.metrics.words,
  };
  const summary = summarySection(doc, lex);
  if (summary) fit.summary = { title: summary.title, line: summary.line };
  const conclusion = doc.sections.find((s) => s.role === 'conclusion' || s.role === 'discussion');
  if (conclusion) fit.conclusions = { title: conclusion.title, line: conclusion.line, offset: conclusion.offset, endOffset: conclusion.endOffset };
  return fit;
}

/** The first early section (the first quarter of the sections, at least four, or the first 15% of the text) whose title names a summary. */
function summarySection(doc: DocumentModel, lex: PracticeLexicon): DocumentModel['sections'][number] | undefined {
  const sections = doc.sections;
  const first = Math.max(4, Math.ceil(sections.length * 0.25));
  const before = doc.text.length * 0.15;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    // Sections stand in document order: past both bounds, no later one is early (speed only, fit23).
    if (i >= first && s.offset >= before) return undefined;
    if (isSummarySection(doc, lex, i)) return s;
  }
  return undefined;
}

