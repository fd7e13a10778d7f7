/**
 * undefined-abbreviation keeps the report's ordinary words (those it also writes in lower case or capitalised: "Abcd"
 * makes ABCD a word, not an abbreviation) up to date by the blocks that came and went, and reads the words of the last
 * few such blocks once (undefined-abbreviation.ts recentOrdinaryWords: a paragraph typed in comes at one edit and goes at
 * the next). After a series of edits of one paragraph, the word written and taken away again, each warm check must equal
 * a check from scratch.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../../server/src/engine/engine.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../../server/src/workspace/engine.js';

const RULE = 'readability/undefined-abbreviation';

function findings(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === RULE).map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data }));
}

const FILLER = [
  'We met the residents of the town in the spring and talked about their letters and their bills.',
  'The families told us which letters they read first, and which they put away unopened for weeks.',
  'Most of them asked a neighbour or a friend for help when a letter was hard to follow.',
];

describe('undefined-abbreviation: ordinary words of a paragraph edited again and again equal a fresh check', function () {
  this.timeout(60000);
  it('a word written, kept, taken away and written again in one paragraph, another paragraph edited between', () => {
    const path = 'abbr-ordinary.md';
    const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
    const paragraphs = Array.from({ length: 40 }, (_, i) => FILLER[i % FILLER.length]!);
    paragraphs[20] = 'The ABCD board met twice, and the ABCD board wrote to the families.';
    const text = () => `# Report\n\n${paragraphs.map((p, i) => (i % 10 === 5 ? `## Part ${i}\n\n${p}` : p)).join('\n\n')}\n`;
    const steps = [
      'We asked Abcd about the letters.',
      'We asked Abcd about the letters again.',
      'We asked them about the letters again.',
      'We asked them about the letters once more.',
      'We asked Abcd about the letters once more.',
      'We asked Abcd.',
      'We asked.',
    ];
    const checked: Array<{ text: string; got: string[] }> = [{ text: text(), got: findings(warm.lint(text(), { path })) }];
    for (const [i, step] of steps.entries()) {
      paragraphs[8] = step;
      // (Another paragraph edited between some of them: the recent blocks are not only the last two.)
      if (i % 3 === 1) paragraphs[30] = `${FILLER[0]} (${i})`;
      checked.push({ text: text(), got: findings(warm.lint(text(), { path })) });
    }
    assert.deepEqual(checked.map((c) => c.got.length), [1, 0, 0, 1, 1, 0, 0, 1]);
    for (const [i, c] of checked.entries()) {
      clearMarkdownCache();
      assert.deepEqual(c.got, findings(new Engine({ vocabulary: warm.vocabulary }).lint(c.text, { path: `fresh-${path}` })), `after step ${i}`);
    }
  });
});
