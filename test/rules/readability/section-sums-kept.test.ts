/**
 * section-score keeps each section's sums of its running-text paragraphs from one check to the next and corrects them by
 * the blocks an edit changed (sectionCounts), while no heading came, went or changed its level. After edits in a warm
 * engine — words typed into paragraphs of nested sections, paragraphs split and joined, a heading's level changed (the
 * same heading text: the same block facts), a section turned into the other language by its paragraphs, paragraphs
 * before the first heading — every section's counts must be those of a check from scratch. The rule is set to report
 * every section with running text, so that each section's words and score show in the findings' data.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../../server/src/workspace/engine.js';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import { reportAll, scores } from '../../helpers/section-scores.js';

const EN = ['We spoke with the residents about the letters they received from the council last year.', 'Most of them read the first page and put the rest away, because it was long and hard to follow.', 'The caseworkers said that a short letter with one clear request would help the families most.'];
const NL = 'Wij spraken met de bewoners over de brieven die zij vorig jaar van de gemeente kregen, en over wat zij ervan begrepen.';

/** Nested sections (levels 1 to 3, and back), paragraphs before the first heading, lists between the paragraphs. */
function document(): string {
  const out = [EN[0]!, ''];
  const levels = [1, 2, 3, 3, 2, 3, 1, 2, 2, 3, 3, 3, 2, 1, 2];
  levels.forEach((level, h) => {
    out.push(`${'#'.repeat(level)} Part ${h}`, '');
    for (let i = 0; i < 6; i++) out.push(i === 4 && h % 3 === 0 ? '- an item of a list\n- another item' : EN[(h + i) % EN.length]!, '');
  });
  return out.join('\n');
}

const PIECES = ['extra ', 'the council wrote again ', '\n\n', ' ', '#', `${NL} `, `\n\n${NL}\n\n`, 'A. '];

describe('readability/section-score: sections\' sums kept and corrected by the changed blocks equal a check from scratch', function () {
  this.timeout(180000);
  it('random edits in nested sections (levels changed by "#", paragraphs split and joined, Dutch paragraphs)', () => {
    assertWarmEditsMatchFresh(document(), {
      path: 'section-sums-kept.md',
      config: reportAll(),
      edits: editsOf(PIECES, 120),
      maxEdits: 6,
      project: scores,
      first: (r) => assert.ok(scores(r).length >= 10),
      cacheSize: 4000,
      numRuns: 40,
      seed: 3411,
    });
  });

  it('a heading\'s level changed and changed back, with words typed between (the heading block the same)', () => {
    const config = reportAll();
    const path = 'section-sums-levels.md';
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    let text = document();
    warm.lint(text, { path, config });
    const steps: Array<(t: string) => string> = [
      (t) => t.replace('## Part 4', '### Part 4'),
      (t) => t.replace('last year', 'last extra year'),
      (t) => t.replace('### Part 4', '# Part 4'),
      (t) => t.replace('last extra year', 'last year'),
      (t) => t.replace('# Part 4', '## Part 4'),
      (t) => t.replace('# Part 6', '## Part 6'),
    ];
    for (const [i, step] of steps.entries()) {
      const next = step(text);
      assert.notEqual(next, text, `step ${i + 1} changes the text`);
      text = next;
      const again = scores(warm.lint(text, { path, config }));
      clearMarkdownCache();
      assert.deepEqual(again, scores(new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${path}`, config })), `after step ${i + 1}`);
    }
  });
});
