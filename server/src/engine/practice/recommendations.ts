import type { DocumentModel } from '../rules/types.js';
import type { PracticeLexicon } from './lexicon.js';
import type { PracticalHandles, PracticeEvidence, Recommendation, RecommendationSection } from './types.js';
import type { Unit } from './units.js';
import { MEMO_SLOT, quote } from './units.js';

const MAX_TEXT = 200;

/** A short line without a full stop: a heading written as a paragraph (bold text, a label with a colon). */
function isPseudoHeading(text: string): boolean {
  // Counts words only up to nine: a long paragraph is no heading, and need not be split whole at every check.
  let words = 0;
  for (const m of text.matchAll(PIECE)) {
    if (WORDLIKE.test(m[0]) && ++words > 8) return false;
  }
  return words > 0 && !/[.!?]$/.test(text.trim());
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

/**
 * Finds the recommendations: the items (or sentences) under a recommendations heading in any
 * language and heading style, and "we recommend" sentences in running text. A recommendation
 * for further research or future work is for researchers, not for practice.
 */
export function practicalHandles(doc: DocumentModel, units: Unit[], lex: PracticeLexicon): PracticalHandles {
  const r = lex.recommendations;
  const sections: RecommendationSection[] = [];
  // Per section: the recommendations section it is in (itself or one around it), and whether it is about further research.
  const recSection = new Array<number>(doc.sections.length).fill(-1);
  const researchSection = new Array<boolean>(doc.sections.length).fill(false);
  let practiceSection: RecommendationSection | undefined;
  const stack: number[] = [];
  doc.sections.forEach((s, i) => {
    while (stack.length && doc.sections[stack[stack.length - 1]!]!.level >= s.level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1]! : -1;
    stack.push(i);
    const title = s.title;
    const research = r.research.test(title) || (parent >= 0 && researchSection[parent]!);
    researchSection[i] = research;
    const isRec = r.headings.test(title) || r.practiceHeadings.test(title) || s.role === 'recommendations';
    if (isRec) {
      const rs: RecommendationSection = { title, line: s.line, offset: s.offset, endOffset: s.endOffset, research };
      sections.push(rs);
      recSection[i] = sections.length - 1;
      if (!practiceSection && !research && r.practiceHeadings.test(title)) practiceSection = rs;
    } else recSection[i] = parent >= 0 ? recSection[parent]! : -1;
  });
  const recommendations: Recommendation[] = [];
  const seen = new Set<number>();
  const push = (u: Unit, source: Recommendation['source'], researchContext: boolean, headingActor?: string) => {
    if (seen.has(u.offset)) return;
    seen.add(u.offset);
    recommendations.push({ line: u.line, offset: u.offset, endOffset: u.endOffset, text: quote(u.text, 0, MAX_TEXT), source, ...readRecommendation(u.text, lex, researchContext, headingActor) });
  };
  // "Aanbevelingen voor teamleiders", "Key recommendations for educators": the heading names who acts.
  const headingActorOf = (si: number): string | undefined => {
    let level = Infinity;
    for (let i = si; i >= 0; i--) {
      const s = doc.sections[i]!;
      if (s.level >= level) continue;
      level = s.level;
      if (recSection[i]! < 0) break;
      const a = r.actors.find(s.title);
      if (a) return a.text;
    }
    return undefined;
  };
  // Items under a recommendations heading: list items first; paragraphs when the section has no list.
  const bySection = new Map<number, Unit[]>();
  for (const u of units) {
    if (u.section < 0 || u.template || u.kind === 'heading') continue;
    if (recSection[u.section]! < 0) continue;
    const list = bySection.get(u.section) ?? [];
    list.push(u);
    bySection.set(u.section, list);
  }
  for (const [si, list] of bySection) {
    const research = researchSection[si]!;
    const items = list.filter((u) => u.kind === 'listItem');
    // One recommendation per list item: its first sentence.
    const firstOfBlock = new Set<number>();
    if (items.length) {
      for (const u of items) {
        if (firstOfBlock.has(u.block)) continue;
        firstOfBlock.add(u.block);
        push(u, 'list', research, headingActorOf(si));
      }
    } else {
      for (const u of list) if (r.verbs.test(u.text) || r.inline.test(u.text)) push(u, 'section', research, headingActorOf(si));
    }
  }
  // A pseudo-heading ("**Verbeterpunten**", "Recommendations:") as a short paragraph of its own, followed by a list.
  let pseudo: { research: boolean } | undefined;
  for (const u of units) {
    if (u.template) continue;
    if (u.kind === 'listItem') {
      if (pseudo) push(u, 'list', pseudo.research || (u.section >= 0 && researchSection[u.section]!));
      continue;
    }
    pseudo = undefined;
    if (u.kind !== 'paragraph') continue;
    // From the text alone: not a pseudo-heading of recommendations (false), or one that names research or not.
    let text = u.memo[MEMO_SLOT.pseudoHeading] as { research: boolean } | false | undefined;
    if (text === undefined) u.memo[MEMO_SLOT.pseudoHeading] = text = isPseudoHeading(u.text) && (r.headings.test(u.text) || r.practiceHeadings.test(u.text)) ? { research: r.research.test(u.text) } : false;
    if (text) pseudo = { research: text.research || (u.section >= 0 && researchSection[u.section]!) };
  }
  // "We recommend …" in running text.
  for (const u of units) {
    if (u.template || u.kind === 'heading') continue;
    let inline = u.memo[MEMO_SLOT.inline] as boolean | undefined;
    if (inline === undefined) u.memo[MEMO_SLOT.inline] = inline = r.inline.test(u.text);
    if (!inline) continue;
    push(u, 'inline', u.section >= 0 && researchSection[u.section]!);
  }
  recommendations.sort((a, b) => a.offset - b.offset);
  const tools: PracticeEvidence[] = [];
  for (const u of units) {
    if (tools.length >= 5) break;
    if (u.template || (u.kind !== 'heading' && u.kind !== 'listItem')) continue;
    const m = r.tools.find(u.text);
    if (m) tools.push({ line: u.line, text: quote(u.text, m.index), offset: u.offset, endOffset: u.endOffset, strength: 'partial' });
  }
  const forPractice = recommendations.filter((x) => x.audience === 'practice');
  const out: PracticalHandles = { recommendations, sections, withActor: forPractice.filter((x) => x.actor).length, forPractice: forPractice.length, tools };
  if (practiceSection) out.practiceSection = practiceSection;
  return out;
}
