/**
 * `brug check --fix` for one document: the safe fixes in passes until nothing changes, and
 * never a fix that leaves the document with a finding it did not have.
 */
import type { Finding } from '../engine/types.js';
import { applyEdits, fixKind, planFixes, safeFixOf } from '../engine/fixes.js';
import type { TextEdit } from '../engine/types.js';

export interface FixRun<R> {
  /** The text after the fixes (the input when nothing was safe to change). */
  text: string;
  /** The lint result of `text`. */
  result: R;
  /** Fixes applied, over all passes. */
  applied: number;
  /** Fixes left out because they would have added a finding. */
  refused: number;
  /** Suggestions left in the final text: quick fixes for the writer to pick. */
  suggestions: number;
}

/** What identifies a finding across an edit elsewhere: its rule and the text it names. */
function key(text: string, f: Finding): string {
  return `${f.ruleId}\u0000${text.slice(f.offset, f.endOffset)}`;
}

function counts(text: string, findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(key(text, f), (m.get(key(text, f)) ?? 0) + 1);
  return m;
}

/** Findings of `after` that `before` did not have (by rule and text, counted). */
function newFindings(beforeText: string, before: Finding[], afterText: string, after: Finding[]): Finding[] {
  const had = counts(beforeText, before);
  const out: Finding[] = [];
  for (const f of after) {
    const k = key(afterText, f);
    const n = had.get(k) ?? 0;
    if (n > 0) had.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

/** An offset of the text before the edits, moved to the text after them. */
function shift(edits: TextEdit[], offset: number): number {
  let d = 0;
  for (const e of edits) if (e.endOffset <= offset) d += e.newText.length - (e.endOffset - e.offset);
  return offset + d;
}

/**
 * Applies the safe fixes of `lint(text)` in passes (at most `passes`). A pass whose result has a
 * finding the text before it did not have is redone without the fixes near that finding (the
 * same paragraph); when no fix can be blamed, without any of that pass's fixes. So the result
 * never has more findings than the input, and a second run changes nothing.
 */
export function fixDocument<R extends { findings: Finding[] }>(text: string, first: R, lint: (text: string) => R, passes = 5): FixRun<R> {
  let current = text;
  let result = first;
  let applied = 0;
  let refused = 0;
  for (let pass = 0; pass < passes; pass++) {
    let candidates = result.findings.filter((f) => safeFixOf(f));
    let done = false;
    for (let attempt = 0; attempt < 4 && candidates.length > 0; attempt++) {
      const plan = planFixes(current, candidates);
      if (plan.applied === 0) break;
      const next = applyEdits(current, plan.edits);
      if (next === current) break;
      const after = lint(next);
      const fixed = new Set(candidates.filter((f) => plan.edits.some((e) => safeFixOf(f)!.edits.includes(e))));
      const added = newFindings(current, result.findings.filter((f) => !fixed.has(f)), next, after.findings);
      if (added.length === 0) {
        current = next;
        result = after;
        applied += plan.applied;
        done = true;
        break;
      }
      // Blame the fixes in the paragraphs of the new findings; none to blame: give up this pass.
      const blamed = new Set<Finding>();
      for (const a of added) {
        for (const f of fixed) {
          const fix = safeFixOf(f)!;
          const s = shift(plan.edits, fix.edits[0]!.offset);
          const e = shift(plan.edits, fix.edits[fix.edits.length - 1]!.endOffset);
          if (sameParagraph(next, Math.min(s, a.offset), Math.max(e, a.endOffset))) blamed.add(f);
        }
      }
      if (blamed.size === 0) {
        refused += fixed.size;
        candidates = [];
        break;
      }
      refused += blamed.size;
      candidates = candidates.filter((f) => !blamed.has(f));
    }
    if (!done) break;
  }
  const suggestions = result.findings.reduce((n, f) => n + (f.fixes.some((x) => x.edits.length > 0 && fixKind(x) === 'suggestion') ? 1 : 0), 0);
  return { text: current, result, applied, refused, suggestions };
}

/** Whether [a, b) lies in one paragraph (no blank line inside). */
function sameParagraph(text: string, a: number, b: number): boolean {
  return !/\r?\n[ \t]*\r?\n|\r[ \t]*\r/.test(text.slice(Math.max(0, a), Math.min(text.length, b)));
}
