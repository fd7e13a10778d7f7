/**
 * The property every incremental part of the engine keeps: after a series of random edits, a warm engine (its block
 * cache, Markdown chunks, per-run summaries and memos all in use) gives what a check from scratch gives.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { clearMarkdownCache, parseMarkdown } from '../../server/src/engine/formats/markdown.js';
import { LineIndex } from '../../server/src/engine/offsets.js';
import type { EditEnds } from '../../server/src/engine/offsets.js';
import type { ParsedDocument, ProseBlock } from '../../server/src/engine/types.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import type { BrugConfig } from '../../server/src/engine/config/config.js';

/** One edit: at a share of the text, remove some characters and insert a piece. */
export interface Edit {
  at: number;
  remove: number;
  piece: string;
}

/** Random edits that insert one of these pieces (or nothing) and delete nothing, a little or a paragraph's worth. */
export function editsOf(pieces: readonly string[], longestRemoval = 600): fc.Arbitrary<Edit> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    /** Characters deleted after `at` (0: an insertion only). */
    remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: longestRemoval })),
    piece: fc.oneof(fc.constant(''), fc.constantFrom(...pieces)),
  });
}

/**
 * `base` parsed by the Markdown reader, then again after each edit of `series` with the ends the line index found (as the
 * engine parses an edited document); `step` gets each parse's blocks and the parse's before it.
 */
export function reparseAfterEdits(base: string, series: readonly Edit[], step: (blocks: ProseBlock[], last: ProseBlock[], parsed: ParsedDocument, lastParsed: ParsedDocument) => void): void {
  let text = base;
  let lines = new LineIndex(text);
  let lastParsed = parseMarkdown(text);
  for (const e of series) {
    text = applyEdit(text, e);
    const ends: EditEnds = { prefix: 0, suffix: 0 };
    lines = LineIndex.afterEdit(lines, text, ends);
    const parsed = parseMarkdown(text, ends);
    step(parsed.blocks, lastParsed.blocks, parsed, lastParsed);
    lastParsed = parsed;
  }
}

/** The text after an edit. */
export function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.piece + text.slice(Math.min(text.length, at + e.remove));
}

export interface WarmEditsOptions<T> {
  /** The document's name in the warm engine (documents checked by name keep their blocks between checks). */
  path: string;
  edits: fc.Arbitrary<Edit>;
  /** What must be equal: the part of the result the test is about. */
  project: (r: LintResult) => T;
  cacheSize: number;
  numRuns: number;
  seed: number;
  /** The configuration both engines check with (the default when not given). */
  config?: BrugConfig;
  /** The longest series of edits (4 when not given). */
  maxEdits?: number;
  /** Called with the warm engine's check of `base` (a test's assertions on the document it starts from). */
  first?: (r: LintResult) => void;
  /** Called after the warm series and before the check from scratch (e.g. another document's check in between). */
  beforeFresh?: () => void;
}

/** Asserts that series of one to four edits on `base` in a warm engine give the result of a fresh engine. */
export function assertWarmEditsMatchFresh<T>(base: string, o: WarmEditsOptions<T>): void {
  const warm = engineFor(undefined, undefined, { cacheSize: o.cacheSize }).engine;
  const config = o.config ? { config: o.config } : {};
  const start = warm.lint(base, { path: o.path, ...config });
  o.first?.(start);
  fc.assert(
    fc.property(fc.array(o.edits, { minLength: 1, maxLength: o.maxEdits ?? 4 }), (edits) => {
      let text = base;
      let last: LintResult | undefined;
      for (const e of edits) {
        text = applyEdit(text, e);
        last = warm.lint(text, { path: o.path, ...config });
      }
      const got = o.project(last!);
      o.beforeFresh?.();
      // From scratch: a new engine with the same dictionaries, no parsed chunks.
      clearMarkdownCache();
      const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${o.path}`, ...config });
      assert.deepEqual(got, o.project(fresh));
    }),
    { numRuns: o.numRuns, seed: o.seed },
  );
}

/**
 * Steps of edits in a warm engine, checked one after the other, then each text checked from scratch: the same
 * projection of both. (The fresh checks come after all warm ones: another document's check between them would leave the
 * warm engine's next check nothing of its last one to keep.) Returns the warm projections, the first one's first.
 */
export function assertStepsMatchFresh<T>(warm: Engine, path: string, text: string, steps: ReadonlyArray<(t: string) => string>, project: (r: LintResult) => T): T[] {
  const checked: Array<{ text: string; got: T }> = [{ text, got: project(warm.lint(text, { path })) }];
  for (const step of steps) {
    const next = step(text);
    assert.notEqual(next, text);
    text = next;
    checked.push({ text, got: project(warm.lint(text, { path })) });
  }
  for (const [i, c] of checked.entries()) {
    clearMarkdownCache();
    assert.deepEqual(c.got, project(new Engine({ vocabulary: warm.vocabulary }).lint(c.text, { path: `fresh-${path}` })), `after step ${i}`);
  }
  return checked.map((c) => c.got);
}
