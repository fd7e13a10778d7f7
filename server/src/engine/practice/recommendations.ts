import type { DocumentModel } from '../rules/types.js';
import type { PracticeLexicon } from './lexicon.js';
import type { PracticalHandles, PracticeEvidence, Recommendation, RecommendationSection } from './types.js';
import type { Unit } from './units.js';
import { MEMO_SLOT, quote, sameHeadings } from './units.js';
import type { Section } from '../types.js';

const MAX_TEXT = 200;

/** A short line without a full stop: a heading written as a paragraph (bold text, a label with a colon). */
function isPseudoHeading(text: string): boolean {
  // A full stop at the end first (most sentences: no words counted). Counts words only up to nine: a long paragraph is
  // no heading, and need not be split whole at every check.
  if (/[.!?]$/.test(text.trim())) return false;
  let words = 0;
  for (const m of text.matchAll(PIECE)) {
    if (WORDLIKE.test(m[0]) && ++words > 8) return false;
  }
  return words > 0;
}
const PIECE = /\S+/g;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Reads one recommendation: who acts, with which verb, for practice or for research. */
export function readRecommendation(text: string, lex: PracticeLexicon, researchContext: boolean, headingActor?: string): Pick<Recommendation, 'actor' | 'verb' | 'weak' | 'audience'> {
  const r = lex.recommendations;
  // "Teamleiders: plan …", "Caseworkers: send …": the actor before a colon.
  const head = /^([^:]{2,60}):\s/u.exec(text);
  const actor = r.actors.find(head ? head[1]! : text)?.text ?? (head ? undefined : undefined);
  const verb = r.verbs.find(text)?.text;
  const weak = !verb && r.weak.test(text);
  const research = researchContext || r.research.test(text);
  const out: Pick<Recommendation, 'actor' | 'verb' | 'weak' | 'audience'> = { weak, audience: research ? 'research' : 'practice' };
  const anyActor = actor ?? r.actors.find(text)?.text ?? headingActor;
  if (anyActor) out.actor = anyActor;
  if (verb) out.verb = verb;
  return out;
}

/** Whether a paragraph under a recommendations heading recommends (a verb of doing, or "we recommend"), kept in the unit's memo. */
function recommends(u: Unit, lex: PracticeLexicon): boolean {
  let yes = u.memo[MEMO_SLOT.recommends] as boolean | undefined;
  if (yes === undefined) u.memo[MEMO_SLOT.recommends] = yes = lex.recommendations.verbs.test(u.text) || lex.recommendations.inline.test(u.text);
  return yes;
}

/** What readOf() keeps in a unit's memo: what it was read with, the reading and the unit's quoted text. */
interface ReadMemo {
  research: boolean;
  actor: string | undefined;
  read: Pick<Recommendation, 'actor' | 'verb' | 'weak' | 'audience'>;
  /** quote(text, 0, MAX_TEXT): from the unit's text alone (speed only, s31: not quoted again at every check). */
  quote: string;
}

/**
 * readRecommendation() of a unit, kept in its memo with what it was read with (speed only, cp42: a long report's
 * recommendations were all read again at every edit, ~2 ms at ~86,000 words of Dutch reports; the unit's text is its
 * cached block's, and the lexicon the memo's).
 */
function readOf(u: Unit, lex: PracticeLexicon, researchContext: boolean, headingActor: string | undefined): ReadMemo {
  const known = u.memo[MEMO_SLOT.recommendation] as ReadMemo | undefined;
  if (known && known.research === researchContext && known.actor === headingActor) return known;
  const read = readRecommendation(u.text, lex, researchContext, headingActor);
  const memo: ReadMemo = { research: researchContext, actor: headingActor, read, quote: known ? known.quote : quote(u.text, 0, MAX_TEXT) };
  u.memo[MEMO_SLOT.recommendation] = memo;
  return memo;
}

/**
 * A recommendation of a unit: the fields in the order { line, offset, endOffset, text, source, ...reading } (speed only,
 * s31: one literal per shape, not a spread of the reading at every check).
 */
function recommendationOf(u: Unit, source: Recommendation['source'], m: ReadMemo): Recommendation {
  const r = m.read;
  const line = u.line;
  const offset = u.offset;
  const endOffset = u.endOffset;
  if (r.actor !== undefined) {
    if (r.verb !== undefined) return { line, offset, endOffset, text: m.quote, source, weak: r.weak, audience: r.audience, actor: r.actor, verb: r.verb };
    return { line, offset, endOffset, text: m.quote, source, weak: r.weak, audience: r.audience, actor: r.actor };
  }
  if (r.verb !== undefined) return { line, offset, endOffset, text: m.quote, source, weak: r.weak, audience: r.audience, verb: r.verb };
  return { line, offset, endOffset, text: m.quote, source, weak: r.weak, audience: r.audience };
}

/**
 * The units of a recommendations section's run (or of any units of recommendations sections, all of one section) that
 * can be its recommendations: `items`, the first unit of each list item's block, and `paragraphs`, the units that
 * recommend (recommends()); no templates, no headings. A section's recommendations are its items, or its paragraphs
 * when it has no list item (handlesOf). From the units' texts and kinds alone: kept with a run's summary (analysis.ts).
 */
export interface RecCandidates {
  items: Unit[];
  paragraphs: Unit[];
}

/** The RecCandidates of units of one section (in order). */
export function recCandidatesOf(units: readonly Unit[], lex: PracticeLexicon): RecCandidates {
  const out: RecCandidates = { items: [], paragraphs: [] };
  let lastBlock = -1;
  let anyItem = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.template || u.kind === 'heading') continue;
    if (u.kind === 'listItem') {
      anyItem = true;
      // A list item's block: its first unit (a block's units stand together).
      const b = u.block;
      if (b !== lastBlock) out.items.push(u);
      lastBlock = b;
    } else if (!anyItem && recommends(u, lex)) out.paragraphs.push(u);
  }
  // With a list item the paragraphs are not read.
  if (anyItem) out.paragraphs.length = 0;
  return out;
}

/** The recommendations sections of a document: per section the one it is in (itself or one around it, -1: none) and whether it is about further research. */
export interface RecommendationPlan {
  sections: RecommendationSection[];
  recSection: number[];
  researchSection: boolean[];
  practiceSection?: RecommendationSection;
}

const RESEARCH = 1;
const HEADING = 2;
const PRACTICE = 4;
const SUMMARY = 8;
/** Per lexicon: what a section title says (research, a recommendations heading, one for practice, a summary), tested once per title. */
const TITLE_MARKS = new WeakMap<PracticeLexicon, Map<string, number>>();
/** Whether a section title names a summary (remembered with the title's other marks: an edit does not test it again). */
export function isSummaryTitle(title: string, lex: PracticeLexicon): boolean {
  return (titleMarks(title, lex) & SUMMARY) !== 0;
}

function titleMarks(title: string, lex: PracticeLexicon): number {
  let marks = TITLE_MARKS.get(lex);
  if (!marks) TITLE_MARKS.set(lex, (marks = new Map()));
  let m = marks.get(title);
  if (m === undefined) {
    // Section titles are short strings of their own; a few thousand are kept at most.
    if (marks.size > 5000) marks.clear();
    const r = lex.recommendations;
    marks.set(title, (m = (r.research.test(title) ? RESEARCH : 0) | (r.headings.test(title) ? HEADING : 0) | (r.practiceHeadings.test(title) ? PRACTICE : 0) | (lex.summaryHeadings.test(title) ? SUMMARY : 0)));
  }
  return m;
}

/**
 * Per lexicon: the actor a section title names (lex.recommendations.actors: the match's text; null: none), looked up once
 * per title. Speed only (s31): every recommendations section's title and those around it were looked up again at every
 * check (~0.3 to 0.6 ms an edit at 80k words); the same answer, from the title alone.
 */
const TITLE_ACTORS = new WeakMap<PracticeLexicon, Map<string, string | null>>();
function titleActor(title: string, lex: PracticeLexicon): string | null {
  let actors = TITLE_ACTORS.get(lex);
  if (!actors) TITLE_ACTORS.set(lex, (actors = new Map()));
  let a = actors.get(title);
  if (a === undefined) {
    // Section titles are short strings of their own; a few thousand are kept at most.
    if (actors.size > 5000) actors.clear();
    actors.set(title, (a = lex.recommendations.actors.find(title)?.text ?? null));
  }
  return a;
}

/**
 * The last check's plan per lexicon, with its sections, their title marks and the indices of its recommendations
 * sections (not changed once made: the next check may hand them out again).
 */
interface PlanState {
  sections: Section[];
  marks: number[];
  recIndices: number[];
  plan: RecommendationPlan;
}
const LAST_PLANS = new WeakMap<PracticeLexicon, PlanState>();

/** The title marks of a check's sections (per section, titleMarks), from the last check's where the titles are the same. */
function sectionTitleMarks(sections: Section[], lex: PracticeLexicon, last: PlanState | undefined): number[] {
  if (last && sameHeadings(last.sections, sections, false)) return last.marks;
  const marks: number[] = new Array(sections.length);
  for (let i = 0; i < sections.length; i++) marks[i] = titleMarks(sections[i]!.title, lex);
  return marks;
}

/** The first early section whose title names a summary (see summarySection in analysis.ts), by the plan's title marks. */
export function isSummarySection(doc: DocumentModel, lex: PracticeLexicon, i: number): boolean {
  const last = LAST_PLANS.get(lex);
  return last && last.sections === doc.sections ? (last.marks[i]! & SUMMARY) !== 0 : isSummaryTitle(doc.sections[i]!.title, lex);
}

/**
 * Which sections are recommendations sections (from the headings alone, before the units are read). When the sections
 * have the titles, levels and roles of the last check's, its lists (they follow from those alone) and the recommendations
 * sections that are its section objects (the same places) are handed out again (speed only, cp36: ~90 titles looked
 * up and two lists made per edit at 100,000 words).
 */
export function recommendationPlan(doc: DocumentModel, lex: PracticeLexicon): RecommendationPlan {
  const last = LAST_PLANS.get(lex);
  if (last && last.sections === doc.sections) return last.plan;
  if (last && sameHeadings(last.sections, doc.sections, true)) {
    const was = last.plan;
    let sections = was.sections;
    let practiceSection = was.practiceSection;
    for (let j = 0; j < last.recIndices.length; j++) {
      const i = last.recIndices[j]!;
      const s = doc.sections[i]!;
      if (s === last.sections[i]) continue;
      if (sections === was.sections) sections = sections.slice();
      const rs: RecommendationSection = { title: s.title, line: s.line, offset: s.offset, endOffset: s.endOffset, research: was.sections[j]!.research };
      if (practiceSection === was.sections[j]) practiceSection = rs;
      sections[j] = rs;
    }
    let plan = was;
    if (sections !== was.sections) {
      plan = { sections, recSection: was.recSection, researchSection: was.researchSection };
      if (practiceSection) plan.practiceSection = practiceSection;
    }
    LAST_PLANS.set(lex, { sections: doc.sections, marks: last.marks, recIndices: last.recIndices, plan });
    return plan;
  }
  const marks = sectionTitleMarks(doc.sections, lex, last);
  const recIndices: number[] = [];
  const sections: RecommendationSection[] = [];
  const recSection = new Array<number>(doc.sections.length).fill(-1);
  const researchSection = new Array<boolean>(doc.sections.length).fill(false);
  let practiceSection: RecommendationSection | undefined;
  const stack: number[] = [];
  doc.sections.forEach((s, i) => {
    while (stack.length && doc.sections[stack[stack.length - 1]!]!.level >= s.level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1]! : -1;
    stack.push(i);
    const title = s.title;
    const m = marks[i]!;
    const research = (m & RESEARCH) !== 0 || (parent >= 0 && researchSection[parent]!);
    researchSection[i] = research;
    const isRec = (m & (HEADING | PRACTICE)) !== 0 || s.role === 'recommendations';
    if (isRec) {
      const rs: RecommendationSection = { title, line: s.line, offset: s.offset, endOffset: s.endOffset, research };
      sections.push(rs);
      recIndices.push(i);
      recSection[i] = sections.length - 1;
      if (!practiceSection && !research && (m & PRACTICE) !== 0) practiceSection = rs;
    } else recSection[i] = parent >= 0 ? recSection[parent]! : -1;
  });
  const plan: RecommendationPlan = { sections, recSection, researchSection };
  if (practiceSection) plan.practiceSection = practiceSection;
  LAST_PLANS.set(lex, { sections: doc.sections, marks, recIndices, plan });
  return plan;
}

/** A paragraph unit written as a heading of recommendations ("**Verbeterpunten**", "Recommendations:"): whether it names research; false when it is none. From its text alone, kept in its memo. */
export function pseudoHeadingOf(u: Unit, lex: PracticeLexicon): { research: boolean } | false {
  const r = lex.recommendations;
  let text = u.memo[MEMO_SLOT.pseudoHeading] as { research: boolean } | false | undefined;
  if (text === undefined) u.memo[MEMO_SLOT.pseudoHeading] = text = isPseudoHeading(u.text) && (r.headings.test(u.text) || r.practiceHeadings.test(u.text)) ? { research: r.research.test(u.text) } : false;
  return text;
}

/** Whether a unit's text says "we recommend …" (kept in its memo). */
export function isInline(u: Unit, lex: PracticeLexicon): boolean {
  let inline = u.memo[MEMO_SLOT.inline] as boolean | undefined;
  if (inline === undefined) u.memo[MEMO_SLOT.inline] = inline = lex.recommendations.inline.test(u.text);
  return inline;
}

/** Where a unit's text names a tool for practitioners (-1: none; kept in its memo). */
export function toolAt(u: Unit, lex: PracticeLexicon): number {
  let at = u.memo[MEMO_SLOT.tools] as number | undefined;
  if (at === undefined) u.memo[MEMO_SLOT.tools] = at = lex.recommendations.tools.find(u.text)?.index ?? -1;
  return at;
}

/**
 * Finds the recommendations: the items (or sentences) under a recommendations heading in any
 * language and heading style, and "we recommend" sentences in running text. A recommendation
 * for further research or future work is for researchers, not for practice. `units` are the
 * check's units (those that can add something, in document order, all the units of the
 * recommendations sections among them) and `pseudoItems` the list items after a pseudo-heading
 * (checkUnits in units.ts).
 */
export function practicalHandles(doc: DocumentModel, units: Unit[], lex: PracticeLexicon, plan: RecommendationPlan, pseudoItems: Array<{ unit: Unit; research: boolean; section: number }>): PracticalHandles {
  // The units of the recommendations sections, by section (in order of their first unit).
  const bySection = new Map<number, Unit[]>();
  for (const u of units) {
    if (u.section < 0 || u.template || u.kind === 'heading') continue;
    if (plan.recSection[u.section]! < 0) continue;
    const list = bySection.get(u.section) ?? [];
    list.push(u);
    bySection.set(u.section, list);
  }
  const groups: RecGroup[] = [];
  for (const [section, list] of bySection) groups.push({ section, candidates: recCandidatesOf(list, lex) });
  return handlesOf(doc, groups, lex, plan, pseudoItems, units, (push) => {
    const tools: PracticeEvidence[] = [];
    for (const u of units) {
      if (tools.length >= 5) break;
      if (u.template || (u.kind !== 'heading' && u.kind !== 'listItem')) continue;
      const at = toolAt(u, lex);
      if (at >= 0) push(tools, u, at);
    }
    return tools;
  });
}

/** The recommendation candidates of units of a recommendations section (one section's, or one run's of it). */
export interface RecGroup {
  section: number;
  candidates: RecCandidates;
}

/**
 * The same from its parts, as the practice analysis combines them from per-run summaries: the
 * candidates of the units of the recommendations sections (`recGroups`, in document order, a
 * section's groups one after another), the units that can say "we recommend" (`inlineUnits`, a
 * superset is fine), and the tools (the first five, by `tools`).
 */
export function handlesOf(
  doc: DocumentModel,
  recGroups: readonly RecGroup[],
  lex: PracticeLexicon,
  plan: RecommendationPlan,
  pseudoItems: Array<{ unit: Unit; research: boolean; section: number }>,
  inlineUnits: Iterable<Unit>,
  toolsOf: (push: (tools: PracticeEvidence[], u: Unit, at: number) => void) => PracticeEvidence[],
): PracticalHandles {
  const { sections, recSection, researchSection, practiceSection } = plan;
  const recommendations: Recommendation[] = [];
  const seen = new Set<number>();
  const push = (u: Unit, source: Recommendation['source'], researchContext: boolean, headingActor?: string) => {
    const offset = u.offset;
    if (seen.has(offset)) return;
    seen.add(offset);
    recommendations.push(recommendationOf(u, source, readOf(u, lex, researchContext, headingActor)));
  };
  // "Aanbevelingen voor teamleiders", "Key recommendations for educators": the heading names who acts (asked once per
  // section and check: every item of the section asks).
  const actors = new Map<number, string | undefined>();
  const headingActorOf = (si: number): string | undefined => {
    if (actors.has(si)) return actors.get(si);
    const a = headingActorAt(si);
    actors.set(si, a);
    return a;
  };
  const headingActorAt = (si: number): string | undefined => {
    let level = Infinity;
    for (let i = si; i >= 0; i--) {
      const s = doc.sections[i]!;
      if (s.level >= level) continue;
      level = s.level;
      if (recSection[i]! < 0) break;
      const a = titleActor(s.title, lex);
      if (a !== null) return a;
    }
    return undefined;
  };
  // Items under a recommendations heading: list items first; paragraphs when the section has no list (one item: its
  // first sentence). A section's groups stand one after another.
  for (let g = 0; g < recGroups.length; ) {
    const si = recGroups[g]!.section;
    let end = g + 1;
    let items = recGroups[g]!.candidates.items.length > 0;
    while (end < recGroups.length && recGroups[end]!.section === si) {
      if (recGroups[end]!.candidates.items.length > 0) items = true;
      end++;
    }
    const research = researchSection[si]!;
    for (; g < end; g++) {
      const c = recGroups[g]!.candidates;
      const list = items ? c.items : c.paragraphs;
      for (let i = 0; i < list.length; i++) push(list[i]!, items ? 'list' : 'section', research, headingActorOf(si));
    }
  }
  // A pseudo-heading ("**Verbeterpunten**", "Recommendations:") as a short paragraph of its own, followed by a list.
  for (const { unit: u, research, section } of pseudoItems) push(u, 'list', research || (section >= 0 && researchSection[section]!) || (u.section >= 0 && researchSection[u.section]!));
  // "We recommend …" in running text.
  for (const u of inlineUnits) {
    if (u.template || u.kind === 'heading') continue;
    if (!isInline(u, lex)) continue;
    push(u, 'inline', u.section >= 0 && researchSection[u.section]!);
  }
  recommendations.sort((a, b) => a.offset - b.offset);
  const tools = toolsOf((list, u, at) => list.push({ line: u.line, text: quote(u.text, at), offset: u.offset, endOffset: u.endOffset, strength: 'partial' }));
  let forPractice = 0;
  let withActor = 0;
  for (let i = 0; i < recommendations.length; i++) {
    const x = recommendations[i]!;
    if (x.audience !== 'practice') continue;
    forPractice++;
    if (x.actor) withActor++;
  }
  const out: PracticalHandles = { recommendations, sections, withActor, forPractice, tools };
  if (practiceSection) out.practiceSection = practiceSection;
  return out;
}
