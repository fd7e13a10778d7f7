/**
 * undefined-abbreviation reads whether a block before an acronym's first use writes it out as a proper name (nameBefore)
 * and keeps the answers of the last check: for a first use at or after the edited runs, the last answer's block when it
 * lies before them, or a search from the edited runs on when no block before the first use wrote it out then
 * (undefined-abbreviation.ts namedAfterEdit). After random edits in a warm engine — names written out and taken away
 * before and after the first uses, acronyms used earlier or later and explained after their first use, paragraphs split
 * and joined — the rule's findings must be those of a check from scratch (its findings of the last check are handed out
 * again where they are the same, see sameFinding).
 */
import { strict as assert } from 'node:assert';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
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
const NAMES = ['The Greater North Research Council wrote to us.', 'Our Quality Research Standards Team read the notes.', 'The Western Harbour Board met in May.'];
const USES = [
  'The GNRC agreed to fund the work; the GNRC sent a reply to every family.',
  'The QRST team read every letter, and the QRST team wrote a summary of them.',
  'The WHB met twice, and the WHB wrote to the families in the autumn.',
];

/** Filler paragraphs, names written out in some of them (early and late), the acronyms used from the second third on. */
function document(count: number): string {
  const out = ['# Report', ''];
  for (let i = 0; i < count; i++) {
    if (i % 15 === 7) out.push(`## Part ${i}`, '');
    if (i % 17 === 5) out.push(NAMES[(i / 17) % NAMES.length | 0]!, '');
    else if (i > count / 3 && i % 5 === 0) out.push(USES[(i / 5) % USES.length]!, '');
    else out.push(FILLER[i % FILLER.length]!, '');
  }
  return out.join('\n');
}

const PIECES = ['extra ', 'the Greater North Research Council ', 'Quality Research Standards Team ', 'Western Harbour Board ', 'the GNRC and the QRST ', 'the WHB ', 'Western ', '\n\n', 'the ', 'the Western Harbour Board (WHB) ', 'the Greater North Research Council (GNRC) '];

describe('undefined-abbreviation: names written out before a first use, kept from the last check, equal a fresh check', function () {
  this.timeout(120000);
  it('random edits of names, uses and paragraphs', () => {
    assertWarmEditsMatchFresh(document(70), { path: 'abbr-named.md', edits: editsOf(PIECES, 200), project: findings, cacheSize: 1000, numRuns: 80, seed: 3131, maxEdits: 6 });
  });
  it('insertions only', () => {
    assertWarmEditsMatchFresh(document(70), { path: 'abbr-named-insert.md', edits: editsOf(PIECES, 200).map((e) => ({ ...e, remove: 0 })), project: findings, cacheSize: 1000, numRuns: 80, seed: 3132, maxEdits: 6 });
  });

  it('an answer of a check before the last one is not read again (the name taken away while the abbreviation was not asked)', () => {
    const path = 'abbr-named-steps.md';
    const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
    const paragraphs = Array.from({ length: 80 }, (_, i) => FILLER[i % FILLER.length]!);
    paragraphs[2] = NAMES[2]!;
    paragraphs[40] = 'The WHB met twice in the spring.';
    paragraphs[70] = 'Later the WHB wrote to the families.';
    // (Sections of ten paragraphs: the name, the first use and the second one in runs of their own.)
    const text = () => `# Report\n\n${paragraphs.map((p, i) => (i % 10 === 5 ? `## Part ${i}\n\n${p}` : p)).join('\n\n')}\n`;
    const steps: Array<() => void> = [
      // One use left: the abbreviation is not asked about (minUses 2).
      () => (paragraphs[70] = 'Later the board wrote to the families.'),
      // The name before its first use taken away.
      () => (paragraphs[2] = 'The Eastern Harbour Board met in May.'),
      // Used twice again: never written out now.
      () => (paragraphs[70] = 'Later the WHB wrote to the families.'),
    ];
    warm.lint(text(), { path });
    // (The warm checks one after the other, the fresh ones after them: a check of another document in between would
    // leave the warm engine's next check nothing of its last one to keep.)
    const checked: Array<{ text: string; got: string[] }> = [];
    for (const step of steps) {
      step();
      checked.push({ text: text(), got: findings(warm.lint(text(), { path })) });
    }
    assert.equal(checked[2]!.got.length, 1, 'never written out after the last step');
    for (const [i, c] of checked.entries()) {
      clearMarkdownCache();
      assert.deepEqual(c.got, findings(new Engine({ vocabulary: warm.vocabulary }).lint(c.text, { path: `fresh-${path}` })), `after step ${i + 1}`);
    }
  });

  it('a finding of the last check is handed out again only when it is the same: explained later, then never, then later', () => {
    const path = 'abbr-named-same.md';
    const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
    const paragraphs = Array.from({ length: 80 }, (_, i) => FILLER[i % FILLER.length]!);
    paragraphs[40] = 'The WHB met twice in the spring.';
    paragraphs[70] = 'Later the WHB wrote to the families.';
    const text = () => `# Report\n\n${paragraphs.map((p, i) => (i % 10 === 5 ? `## Part ${i}\n\n${p}` : p)).join('\n\n')}\n`;
    const steps: Array<() => void> = [
      () => (paragraphs[60] = 'The Western Harbour Board (WHB) is the port authority.'),
      () => (paragraphs[60] = FILLER[0]!),
      () => (paragraphs[20] = 'We met more families.'),
      () => (paragraphs[60] = 'The Western Harbour Board (WHB) is the port authority.'),
    ];
    const checked: Array<{ text: string; got: string[] }> = [{ text: text(), got: findings(warm.lint(text(), { path })) }];
    for (const step of steps) {
      step();
      checked.push({ text: text(), got: findings(warm.lint(text(), { path })) });
    }
    assert.deepEqual(checked.map((c) => c.got.length), [1, 1, 1, 1, 1]);
    for (const [i, c] of checked.entries()) {
      clearMarkdownCache();
      assert.deepEqual(c.got, findings(new Engine({ vocabulary: warm.vocabulary }).lint(c.text, { path: `fresh-${path}` })), `after step ${i}`);
    }
  });
});

// undefined-abbreviation keeps the report's ordinary words (those it also writes in lower case or capitalised: "Abcd"
// makes ABCD a word, not an abbreviation) up to date by the blocks that came and went, and reads the words of the last
// few such blocks once (recentOrdinaryWords: a paragraph typed in comes at one edit and goes at the next).
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
