/**
 * long-sentence corrects the last check's sections (those with a long sentence, each with its runs of blocks) after an
 * edit of the last check's runs instead of reading every run again (long-sentence.ts editedGroups, ls36): the sections
 * before the edited stretch are kept, the last of them read again, those after it kept when their runs are the same.
 * After a series of in-place edits in a warm engine (most keep the number of blocks, so the last sections are kept), its
 * findings must be those of a check from scratch: long sentences added to and removed from sections that had none or
 * only those (a section appears or goes between kept ones), in the first section and the last, next to headings, and
 * a heading's marks removed or added (the sections after it numbered anew).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../../server/src/workspace/engine.js';
import { assertWarmEditsMatchFresh } from '../../helpers/warm-edits.js';
import { markLongest } from '../../../server/src/engine/rules/readability/long-sentence.js';
import type { Edit } from '../../helpers/warm-edits.js';
import type { LintResult } from '../../../server/src/engine/engine.js';

const LONG = 'We spoke with the caseworkers of the council and with the residents who applied for support, and they told us that the first letter is often unclear because it uses many words that they do not know.';
const SHORT = (i: number) => `Short paragraph ${i} says little.`;

/** Sections of a few paragraphs: some with long sentences (one, or several of one length), some without any. */
function report(): string {
  const out = ['# Report', SHORT(0)];
  for (let s = 1; s <= 16; s++) {
    out.push(`## Part ${s}`);
    const kind = s % 4;
    if (kind === 0) out.push(SHORT(s), SHORT(s + 100));
    else if (kind === 1) out.push(LONG, SHORT(s));
    else if (kind === 2) out.push(SHORT(s), `${LONG.slice(0, -1)} ${s}.`, LONG);
    else out.push(SHORT(s));
  }
  return out.join('\n\n') + '\n';
}

/** Edits that mostly keep the blocks: words, a long clause or sentence inserted, a few characters removed. */
const EDITS: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 40, max: 240 })),
  piece: fc.oneof(fc.constant(''), fc.constantFrom('extra ', 'also ', `${LONG} `, ', which the residents told us about in the interviews that we held in the spring,', '## ', '#')),
});

function longSentences(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === 'readability/long-sentence').map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related }));
}

describe('readability/long-sentence: the sections corrected after an edit equal a check from scratch (ls36)', function () {
  this.timeout(240000);
  it('en: series of edits that keep the blocks, in sections with and without long sentences', () => {
    assertWarmEditsMatchFresh(report(), { path: 'long-sentence-groups.md', edits: EDITS, project: longSentences, cacheSize: 4000, numRuns: 60, maxEdits: 8, seed: 3601 });
  });

  it('en: an edit in a later run of a long first section, and the last heading made a paragraph (its section joins the one before)', () => {
    // The first section has long sentences in its first run of blocks and many short paragraphs after them (several
    // runs): an edit in its last run reads it again from its first run. The last two sections have long sentences: when
    // the last heading becomes a paragraph, the section before it (the last one before the edit) takes its blocks.
    const first = [LONG, `${LONG.slice(0, -1)} again.`, ...Array.from({ length: 60 }, (_, i) => SHORT(i + 200))];
    const parts = ['# Report', ...first, '## Part A', SHORT(1), LONG, '## Part B', LONG, SHORT(2), '## Part C', SHORT(3), `${LONG.slice(0, -1)} in part C.`, '## Part D', `${LONG.slice(0, -1)} in part D.`, `${LONG.slice(0, -1)} in part D too.`];
    let text = parts.join('\n\n') + '\n';
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    const path = 'long-sentence-groups-steps.md';
    // The warm checks one after the other (a check of another document in between would leave the rule no edit to
    // correct), each compared with a check from scratch at the end.
    const steps: Array<{ what: string; text: string; warm: string[] }> = [];
    const check = (what: string) => steps.push({ what, text, warm: longSentences(warm.lint(text, { path })) });
    check('first');
    const at = (s: string) => text.indexOf(s) + s.length - ' says little.'.length;
    for (const step of [SHORT(258), SHORT(259), SHORT(240)]) {
      text = `${text.slice(0, at(step))} extra${text.slice(at(step))}`;
      check(`a word in the first section (${step})`);
      text = `${text.slice(0, at(step))} ${LONG.slice(0, -1)}${text.slice(at(step))}`;
      check(`a long sentence in the first section (${step})`);
    }
    text = text.replace('## Part D', 'Part D');
    check('the last heading made a paragraph');
    text = text.replace('Part D', '## Part D');
    check('and a heading again');
    text = text.replace('## Part C', 'Part C');
    check('the heading before it made a paragraph');
    for (const step of steps) {
      clearMarkdownCache();
      const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(step.text, { path: `fresh-${path}` });
      assert.deepEqual(step.warm, longSentences(fresh), step.what);
    }
  });

  it('en: the budget of warnings grows past the candidates and shrinks below them again (every candidate marked, none written)', () => {
    // Sections of two long sentences each, in a short report: more candidates than the budget (1.5 per 1,000 words),
    // so only the longest are marked. A last section of many short sentences raises the budget past them all; removed,
    // it lowers it again. The sections before it keep their states and findings when their marks are as then.
    const sections = Array.from({ length: 8 }, (_, i) => [`## Part ${i + 1}`, `${LONG.slice(0, -1)}${' and again'.repeat(i % 4)}.`, `${LONG.slice(0, -1)} in part ${i + 1}${', and then more'.repeat(i % 3)}.`].join('\n\n'));
    const start = ['# Report', ...sections].join('\n\n') + '\n';
    const filler = `\n## Notes\n\n${'We met them. '.repeat(4000).trim()}\n`;
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    const path = 'long-sentence-budget.md';
    const steps: Array<{ what: string; text: string; warm: string[] }> = [];
    for (const [what, text] of [['over the budget', start], ['within it', start + filler], ['over it again', start], ['within it again', start + filler], ['a word added within it', start.replace('Part 3', 'Part 3 extra') + filler]] as const) {
      steps.push({ what, text, warm: longSentences(warm.lint(text, { path })) });
    }
    assert.notDeepEqual(steps[0]!.warm.filter((f) => f.includes('"warning"')).length, steps[1]!.warm.filter((f) => f.includes('"warning"')).length, 'the budget marks more sentences');
    for (const step of steps) {
      clearMarkdownCache();
      const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(step.text, { path: `fresh-${path}` });
      assert.deepEqual(step.warm, longSentences(fresh), step.what);
    }
  });
});

describe('readability/long-sentence: the document budget marks the longest candidates (markLongest)', () => {
  it('marks what the first `budget` of a stable sort by length, longest first, are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 26, max: 70 }), { minLength: 2, maxLength: 120 }), fc.nat(), (lengths, b) => {
        const budget = 1 + (b % (lengths.length - 1));
        const candidates = lengths.map((words) => ({ l: { words }, markedAt: undefined as number | undefined }));
        markLongest(candidates, budget, 7);
        const sorted = lengths.map((w, i) => ({ w, i })).sort((x, y) => y.w - x.w);
        const expected = new Set(sorted.slice(0, budget).map((x) => x.i));
        assert.deepEqual(candidates.map((c) => c.markedAt === 7), candidates.map((_, i) => expected.has(i)));
      }),
      { numRuns: 500 },
    );
    // A second call starts from no counts (the counts of a call are cleared).
    const again = [{ l: { words: 30 } }, { l: { words: 40 } }, { l: { words: 30 } }] as Array<{ l: { words: number }; markedAt?: number }>;
    markLongest(again, 2, 1);
    assert.deepEqual(again.map((c) => c.markedAt), [1, 1, undefined]);
  });
});
