/**
 * long-sentence keeps each section's state (its ranked long sentences and the findings made of them) with the summary
 * of the section's first run of blocks; sections whose runs start with the same summary (sections of the same text: the
 * same paragraphs under several headings) each keep one of their own (long-sentence.ts RunLong.spare, stateFor,
 * keepState). After random edits of such copies in a warm engine — words typed in one copy, a copy's heading changed,
 * copies added and split — the findings must be those of a check from scratch, and a series of checks must keep them.
 */
import { strict as assert } from 'node:assert';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { engineFor } from '../../../server/src/workspace/engine.js';
import { assertStepsMatchFresh, assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import { LONG } from './long-sentence-texts.js';

function longSentences(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === 'readability/long-sentence').map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related }));
}

/** The same section body under several headings (its long sentences of two lengths), one other section between them. */
function document(copies: number): string {
  // (Forty paragraphs: a section of two runs of blocks or more, about 24 blocks a run.)
  const body = Array.from({ length: 8 }, (_, i) => [LONG.en, `${LONG.en.slice(0, -1)} and that they therefore often leave it unopened.`, `A short paragraph ${i}.`, LONG.en, `${LONG.en.slice(0, -1)} again and again.`].join('\n\n')).join('\n\n');
  const out: string[] = ['# Report'];
  for (let c = 0; c < copies; c++) {
    out.push(c % 2 === 0 ? "## Part" : "## Part again", body);
    if (c === 2) out.push('## Other', `${LONG.en.slice(0, -1)} in the other part.`, 'Short.');
  }
  return `${out.join('\n\n')}\n`;
}

const PIECES = ['extra ', '\n\n', `\n\n${LONG.en}\n\n`, `${LONG.en} `, '\n\n## Part x\n\n', '#', 'and the letters kept coming '];

describe('readability/long-sentence: sections of the same text keep states of their own and equal a check from scratch', function () {
  this.timeout(180000);
  it('random edits of copies of one section', () => {
    assertWarmEditsMatchFresh(document(6), { path: 'long-sentence-spare.md', edits: editsOf(PIECES, 300), project: longSentences, cacheSize: 4000, numRuns: 40, seed: 3131, maxEdits: 6 });
  });

  it('a series of edits in one copy, then another, each check equal to a fresh one', () => {
    const path = 'long-sentence-spare-steps.md';
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    let text = document(6);
    const steps: Array<(t: string) => string> = [
      (t) => t.replace('## Part again\n\n', '## Part again\n\nThe families wrote back. '),
      (t) => t.replace('The families wrote back. ', 'The families wrote back at once. '),
      (t) => t.replace('## Part\n\n', '## Part\n\nExtra words. '),
      (t) => t.replace('A short paragraph 6.', 'A short paragraph 6 and more.'),
      (t) => t.replace('A short paragraph 7.', 'A short paragraph 7 and more.'),
      (t) => t.replace('The families wrote back at once. ', ''),
      (t) => t.replace('## Part again\n\nWe', '### Part again\n\nWe'),
      (t) => t.replace('Extra words. ', ''),
    ];
    const got = assertStepsMatchFresh(warm, path, text, steps, longSentences);
    assert.ok(got[0]!.length >= 40, `findings: ${got[0]!.length}`);
  });
});
