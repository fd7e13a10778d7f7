/**
 * `brug check --fix` for one document: the safe fixes in passes until nothing changes, and
 * never a fix that leaves the document with a finding it did not have.
 */
import type { Finding } from '../engine/types.js';
import { fixInPasses, fixKind } from '../engine/fixes.js';

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

/**
 * Applies the safe fixes of `lint(text)` in passes (at most `passes`). A pass whose result has a
 * finding the text before it did not have is redone without the fixes near that finding (the
 * same paragraph); when no fix can be blamed, without any of that pass's fixes. So the result
 * never has more findings than the input, and a second run changes nothing. The one-file case of
 * fixInPasses (engine/fixes.ts), which multi-file LaTeX documents use too.
 */
export function fixDocument<R extends { findings: Finding[] }>(text: string, first: R, lint: (text: string) => R, passes = 5): FixRun<R> {
  const run = fixInPasses(
    { text, result: first },
    (x) => [{ file: '', text: x.text, findings: x.result.findings }],
    (texts) => {
      const t = texts.get('') ?? text;
      return { text: t, result: lint(t) };
    },
    passes,
  );
  const result = run.result.result;
  const suggestions = result.findings.reduce((n, f) => n + (f.fixes.some((x) => x.edits.length > 0 && fixKind(x) === 'suggestion') ? 1 : 0), 0);
  return { text: run.result.text, result, applied: run.applied, refused: run.refused, suggestions };
}
