/**
 * section-score keeps each section's drivers (its long words and the report's own terms, section-score.ts driversAt) from
 * one check to the next while the edit touched none of the section's paragraphs and no long word crossed `termUses` in
 * the document's tally. After random edits in a warm engine — long words typed that make a word one of the report's own
 * terms (used three times or more) or take that away, paragraphs of another section edited, split and joined, headings
 * changed — every section's drivers must be those of a check from scratch. The rule reports every section with running
 * text, so that each section's long words, own terms and score without them show in the findings' data.
 */
import { strict as assert } from 'node:assert';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import { reportAll, scores } from '../../helpers/section-scores.js';

const SENTENCES = [
  'We spoke with the residents about the interdisciplinary letters they received from the council last year.',
  'Most of them read the first page and put the rest away, because the administrative language was hard to follow.',
  'The caseworkers said that a short letter with one clear request would help the families most.',
  'An interdisciplinary team compared the organisational routines of the municipalities in the region.',
  'The authorities considered the communication with vulnerable households a responsibility of the neighbourhood teams.',
];

/**
 * Long words used just below and at the count that makes them the report's own terms (three uses): "telecommunications"
 * twice, "characteristically" three times, in sections of their own.
 */
const RARE: Record<number, string> = {
  1: 'The telecommunications provider sent the reminders by post.',
  2: 'The letters were characteristically long.',
  4: 'The answers were characteristically short.',
  6: 'Their telecommunications costs rose sharply.',
  7: 'The forms were characteristically unclear.',
};

/** Sections of a few levels, each with paragraphs that share some long words, and the rare ones (RARE). */
function document(): string {
  const out: string[] = [];
  const levels = [1, 2, 2, 3, 2, 1, 2, 3];
  levels.forEach((level, h) => {
    out.push(`${'#'.repeat(level)} Part ${h}`, '');
    for (let i = 0; i < 3; i++) out.push(SENTENCES[(h * 2 + i) % SENTENCES.length]!, '');
    if (RARE[h]) out.push(RARE[h]!, '');
  });
  return out.join('\n');
}

const PIECES = ['telecommunications ', 'characteristically ', 'organisational ', 'extra ', '\n\n', ' ', '#', 'communication with the interdisciplinary authorities '];

describe("readability/section-score: sections' drivers kept from the last check equal a check from scratch", function () {
  this.timeout(180000);
  it('random edits of long words (own terms coming and going), paragraphs and headings', () => {
    assertWarmEditsMatchFresh(document(), {
      path: 'section-drivers-kept.md',
      config: reportAll(),
      edits: editsOf(PIECES, 120),
      maxEdits: 6,
      project: scores,
      first: (r) => {
        assert.ok(scores(r).length >= 6);
        assert.ok(scores(r).some((f) => JSON.parse(f).data.ownTerms.length > 0), 'some section has own terms');
      },
      cacheSize: 4000,
      numRuns: 60,
      seed: 3131,
    });
  });
});
