/**
 * long-sentence asks a block whose first sentence opens with what a lead-in label would be ("Finding …: The …") at
 * each check: whether the source marks the label up (bold) is its map's, not its text's, and blocks of the same text
 * share a run's summary. The summary keeps an answer per block that asked (long-sentence.ts askedLong, AskedAnswer
 * chain): copies of one section, the label bold in some and plain in others (the sentence counted without the label,
 * or with it: another message), must each get their own answer. A block whose first sentence is short has the same
 * long sentences whatever the markup (labelCounts: not asked, kept in the summary) until an edit makes it long. After
 * random edits in a warm engine the findings must be those of a check from scratch, and a series of checks must keep
 * them.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../../server/src/engine/engine.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { engineFor } from '../../../server/src/workspace/engine.js';
import { assertStepsMatchFresh, assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import { LONG } from './long-sentence-texts.js';

function longSentences(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === 'readability/long-sentence').map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related }));
}

/** A label of seven words: counted with the sentence when plain (longer than leadingLabel's five), left out when bold. */
const LABEL = 'Finding the families and the letters together';

/** The same section body under several headings, the label bold in every other copy; another section between them. */
function document(copies: number): string {
  const body = (bold: boolean) =>
    Array.from({ length: 6 }, (_, i) => [bold ? `**${LABEL}**: ${LONG.en}` : `${LABEL}: ${LONG.en}`, `A short paragraph ${i}.`, `${LONG.en.slice(0, -1)} again and again.`, bold ? `**${LABEL}**: The letters came. ${LONG.en}` : `${LABEL}: The letters came. ${LONG.en}`].join('\n\n')).join('\n\n');
  const out: string[] = ['# Report'];
  for (let c = 0; c < copies; c++) {
    out.push(c % 3 === 0 ? '## Part' : '## Part again', body(c % 2 === 0));
    if (c === 2) out.push('## Other', `${LONG.en.slice(0, -1)} in the other part.`, 'Short.');
  }
  return `${out.join('\n\n')}\n`;
}

const PIECES = ['extra ', '\n\n', '**', 'They wrote: ', 'and more words ', `\n\n${LABEL}: ${LONG.en}\n\n`, `\n\n**${LABEL}**: ${LONG.en}\n\n`, '\n\n## Part x\n\n', 'and the letters kept coming '];

describe('readability/long-sentence: blocks asked at each check in copies of one text each get their own answer', function () {
  this.timeout(180000);
  it('the copies differ: a bold label is left out of the count, a plain one is not', () => {
    const got = longSentences(new Engine({ vocabulary: new Engine().vocabulary }).lint(document(4), { path: 'asked-copies-0.md' }));
    const counts = new Set(got.map((f) => (JSON.parse(f) as { data: { words?: number } }).data.words));
    assert.ok(counts.has(37) && counts.has(44), `word counts: ${[...counts].join(', ')}`);
  });

  it('random edits of the copies', () => {
    assertWarmEditsMatchFresh(document(6), { path: 'long-sentence-asked-copies.md', edits: editsOf(PIECES, 300), project: longSentences, cacheSize: 4000, numRuns: 40, seed: 3141, maxEdits: 6 });
  });

  it('a series of edits in one copy, then another, each check equal to a fresh one', () => {
    const path = 'long-sentence-asked-steps.md';
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    let text = document(6);
    const steps: Array<(t: string) => string> = [
      (t) => t.replace('## Part again\n\n', '## Part again\n\nThe families wrote back. '),
      (t) => t.replace('A short paragraph 3.', 'A short paragraph 3 and more.'),
      (t) => t.replace(`**${LABEL}**`, LABEL),
      (t) => t.replace('A short paragraph 4.', 'A short paragraph 4 and more.'),
      (t) => t.replace(`\n${LABEL}:`, `\n**${LABEL}**:`),
      (t) => t.replace(': The letters came.', ': The letters came to every family in the town for weeks on end, each one longer and harder to read than the one before it.'),
      (t) => t.replace('The families wrote back. ', ''),
      (t) => t.replace('harder to read than the one before it.', 'hard.'),
      (t) => t.replace('## Part again\n\n', '## Part again\n\nExtra words. '),
      (t) => t.replace('Extra words. ', ''),
    ];
    const got = assertStepsMatchFresh(warm, path, text, steps, longSentences);
    assert.ok(got[0]!.length >= 30, `findings: ${got[0]!.length}`);
  });
});
