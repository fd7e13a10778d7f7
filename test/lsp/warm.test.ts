/**
 * engine.ts `warm`: before the document rules run, their per-block caches (practice units and
 * summaries, the abbreviation rule's word lists, the term rules' prose) are filled for the blocks
 * analysed anew, a few blocks per step, so that the first check of a long document holds the
 * language server's message loop only briefly. The warm-up must change nothing: a check stopped
 * in the middle of it, and checks after edits, give what a check from scratch gives.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { practiceFit } from '../../server/src/engine/practice/analysis.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { bundledLanguage } from '../../server/src/workspace/dictionaries.js';
import { extraFormats } from '../../server/src/workspace/formats.js';
import '../../server/src/workspace/engine.js';
import { ROOT } from './client.js';

const newEngine = () => new Engine({ formats: extraFormats, vocabulary: new Vocabulary([], bundledLanguage) });

function shape(r: LintResult) {
  return { findings: r.findings, sections: r.sections, metrics: r.metrics, practice: JSON.stringify(practiceFit(r.model)), errors: r.errors };
}

/** Runs a check step by step and cancels it after `steps` steps; the result of the run (cancelled or not). */
function cancelledAfter(engine: Engine, text: string, steps: number): LintResult {
  const token = { cancelled: false };
  const run = engine.lintSteps(text, { path: 'r.md', token });
  for (let i = 0; ; i++) {
    if (i === steps) token.cancelled = true;
    const r = run.next();
    if (r.done) return r.value;
  }
}

describe('engine: the document rules’ warm-up changes no result', function () {
  this.timeout(120000);
  for (const file of ['rapport-schuldhulp.md', 'report-employment-support.md']) {
    it(`${file}: a check stopped at any step of its run, then a full check, equals a check from scratch`, () => {
      // Three copies: more blocks than one warm-up step takes.
      const one = readFileSync(join(ROOT, 'samples', file), 'utf8');
      const text = [one, one.replace(/^# /m, '## '), one.replace(/^# /m, '## ')].join('\n\n');
      const expected = shape(newEngine().lint(text, { path: 'r.md' }));
      // The number of steps of a whole run.
      let total = 0;
      for (const run = newEngine().lintSteps(text, { path: 'r.md' }); !run.next().done; ) total++;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: total }), fc.nat({ max: 400 }), (stop, at) => {
          const engine = newEngine();
          cancelledAfter(engine, text, stop);
          assert.deepEqual(shape(engine.lint(text, { path: 'r.md' })), expected);
          // And an edit after it: a word added in some paragraph.
          const space = text.indexOf(' ', Math.floor((at / 400) * text.length));
          const edited = space < 0 ? text : `${text.slice(0, space)} ook${text.slice(space)}`;
          assert.deepEqual(shape(engine.lint(edited, { path: 'r.md' })), shape(newEngine().lint(edited, { path: 'r.md' })));
        }),
        { numRuns: 8, seed: 7 },
      );
    });
  }
});
