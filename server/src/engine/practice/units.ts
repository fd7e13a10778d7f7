import type { BlockKind, Section } from '../types.js';
import type { DocumentModel } from '../rules/types.js';
import type { PracticeLexicon } from './lexicon.js';

/** A sentence (or a heading) of the document, placed, with what the practice analysis needs to know about where it stands. */
export interface Unit {
  text: string;
  /** 1-based line of its start. */
  line: number;
  offset: number;
  endOffset: number;
  /** Index of the section, -1 before the first heading. */
  section: number;
  /** Index of the block in the document model. */
  block: number;
  kind: BlockKind;
  /** Instruction or template text ("je onderzoek", \lipsum, TODO): not evidence. */
  template: boolean;
  /** In acknowledgements: thanks are no evidence of practice involvement. */
  acknowledgements: boolean;
  /** Future tense or a plan, or inside a proposal: at most partial evidence. */
  plan: boolean;
}

/** Section titles of a section and all the sections around it, innermost first. */
export function sectionPaths(sections: Section[]): string[][] {
  const paths: string[][] = [];
  const stack: number[] = [];
  sections.forEach((s, i) => {
    while (stack.length && sections[stack[stack.length - 1]!]!.level >= s.level) stack.pop();
    stack.push(i);
    paths.push([...stack].reverse().map((j) => sections[j]!.title));
  });
  return paths;
}

/** Splits the document into units: each sentence of prose, list items, captions and footnotes, and each heading. */
export function unitsOf(doc: DocumentModel, lex: PracticeLexicon): Unit[] {
  const paths = sectionPaths(doc.sections);
  const ackSection = paths.map((p) => p.some((t) => lex.acknowledgements.test(t)));
  const planSection = paths.map((p) => p.some((t) => lex.planSections.test(t)));
  const units: Unit[] = [];
  doc.blocks.forEach((b, bi) => {
    const pb = b.analysed.block;
    if (pb.skip || pb.kind === 'tableCell') return;
    const text = pb.text;
    const spans: Array<[number, number]> = pb.kind === 'heading' || b.analysed.sentences.length === 0 ? [[0, text.length]] : b.analysed.sentences.map((s) => [s.start, s.end]);
    const blockTemplate = lex.template.test(text) && pb.kind !== 'heading';
    for (const [start, end] of spans) {
      const t = text.slice(start, end).replace(/\s+/g, ' ').trim();
      if (!/\p{L}/u.test(t)) continue;
      const { offset, endOffset } = b.toDocument(start, end);
      units.push({
        text: t,
        line: doc.lines.position(offset).line + 1,
        offset,
        endOffset,
        section: b.section,
        block: bi,
        kind: pb.kind,
        template: blockTemplate && lex.template.test(t),
        acknowledgements: b.section >= 0 && ackSection[b.section]!,
        plan: (b.section >= 0 && planSection[b.section]!) || lex.plan.test(t),
      });
    }
  });
  return units;
}

/** A short quote of a unit around a position: at most `max` characters, cut at word boundaries. */
export function quote(text: string, at = 0, max = 160): string {
  if (text.length <= max) return text;
  let start = Math.max(0, Math.min(at - 40, text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    start = sp >= 0 && sp < at ? sp + 1 : start;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    end = sp > start + max / 2 ? sp : end;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
