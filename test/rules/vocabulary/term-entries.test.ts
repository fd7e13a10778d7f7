/**
 * The term rules (jargon, person-first) keep, per kind, the dictionary entries a document uses and the runs of blocks
 * that hold them, and correct them by the runs an edit changed (term-rule.ts kindEntries); a check places the uses of
 * only the entries it reports (termEntries). In a long document (many runs, several sections) with terms in
 * paragraphs, in headings among other words, in a glossary, in link text, in an adopted section and as an abbreviation
 * the document defines otherwise, random edits that add and remove uses, paragraphs (runs come and go, and the runs
 * after them move), headings (sections renumber) and long stretches must leave a warm engine with the term findings
 * of a check from scratch: the same findings in the same order, with the same ranges, severities, messages, data,
 * related places and fixes.
 */
import { strict as assert } from 'node:assert';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import { Engine } from '../../../server/src/engine/engine.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { engineFor } from '../../../server/src/workspace/engine.js';
import { TERM_RULES, terms } from './term-findings.js';

const FILLER = [
  'We met the residents of the town in the spring and talked about their letters.',
  'Many families said the letters were hard to read, and the team heard them.',
  'The council wrote back after a month with a shorter form.',
  'Most people in the street knew someone who had moved away.',
  'The library stayed open late on Thursdays for the whole winter.',
];

const WITH_TERMS = [
  'Prior to the meeting we spoke to a stakeholder about the roll-out.',
  'We will utilise the form prior to the evaluation; the unemployed said it helped.',
  'An implementation of the plan followed, and the NEETs in the area joined in.',
  'Read [the implementation plan](https://example.org) prior to the visit.',
  'The stakeholders said the roll-out was fine and we utilise it.',
];

/** Paragraphs in turn, a heading now and then (some naming a term among other words), a glossary and an adopted section. */
function document(count: number): string {
  const out = ['# Report', ''];
  for (let i = 0; i < count; i++) {
    if (i % 20 === 10) out.push(i % 40 === 10 ? `## Implementation of part ${i}` : `## Part ${i}`, '');
    if (i === 90) out.push('## Code of Conduct', '', 'This Code of Conduct is adapted from the Covenant. Prior to the meeting we utilise it.', '');
    if (i === 150) out.push('## Glossary', '', '- implementation: putting a plan into practice', '- roll-out: the start of a service', '');
    out.push(i % 6 === 3 ? WITH_TERMS[(i / 6) % WITH_TERMS.length | 0]! : FILLER[i % FILLER.length]!, '');
  }
  return out.join('\n');
}

const BASE = document(240);

const PIECES = [
  'extra ',
  'prior to ',
  'the stakeholder ',
  'An implementation. ',
  'the unemployed ',
  'NEETs ',
  // The document's own meaning of the abbreviation: NEETs is then not the label of people.
  'We met the Nearby Estate Teams (NEETs) there. ',
  '\n\n',
  '\n\n## Part\n\n',
  '\n\n## Implementation plan\n\n',
  '\n\n## Glossary\n\n- stakeholder: a party with an interest\n\n',
  '[',
  '](https://example.org) ',
  '\n\n## Code of Conduct\n\nThis Code of Conduct is adapted from the Covenant. ',
];

describe('term rules: entries and their runs corrected by the runs an edit changed', function () {
  this.timeout(300000);

  it('the document has findings of both kinds, a headed term, a glossary and uses in many runs', () => {
    const r = engineFor().engine.lint(BASE, { path: 'term-entries-base.md' });
    const found = r.findings.filter((f) => TERM_RULES.has(f.ruleId));
    assert.ok(found.some((f) => f.ruleId === 'vocabulary/person-first'));
    assert.ok(found.some((f) => f.ruleId === 'vocabulary/jargon' && (f.related?.length ?? 0) >= 10));
    assert.ok(r.blocks.length > 250);
  });

  it('edits one after the other: a paragraph split and joined, a heading added, the abbreviation defined, a use in a link', () => {
    const warm = engineFor().engine;
    let text = BASE;
    warm.lint(text, { path: 'term-entries-steps.md' });
    const steps: Array<(t: string) => string> = [
      // A word in the middle: the runs after it move.
      (t) => t.replace('The council wrote back', 'The council soon wrote back'),
      // A paragraph split in two and joined again: a block (and perhaps a run) more, then less.
      (t) => t.replace('hard to read, and', 'hard to read.\n\nAnd'),
      (t) => t.replace('hard to read.\n\nAnd', 'hard to read, and'),
      // A heading early on: every later section is renumbered.
      (t) => t.replace('\n\nWe met the residents', '\n\n## Early part\n\nWe met the residents'),
      // The document defines the abbreviation otherwise, far from its uses; then no longer.
      (t) => `We met the Nearby Estate Teams (NEETs) there.\n\n${t}`,
      (t) => t.replace('We met the Nearby Estate Teams (NEETs) there.\n\n', ''),
      // A use put in a link's text, then the link taken out.
      (t) => t.replace('Prior to the meeting we spoke', '[Prior to the meeting](https://example.org) we spoke'),
      (t) => t.replace('[Prior to the meeting](https://example.org) we spoke', 'Prior to the meeting we spoke'),
      // The first use of a term removed: its finding moves to the next.
      (t) => t.replace('Prior to the meeting we spoke', 'Before the meeting we spoke'),
      // A long stretch removed.
      (t) => t.slice(0, Math.floor(t.length / 3)) + t.slice(Math.floor(t.length / 3) + 3000),
    ];
    // The warm engine's checks one after the other (a check of another document in between would start its runs and
    // entries anew), the fresh checks after them.
    const checked: Array<{ text: string; found: string[] }> = [];
    for (const [i, step] of steps.entries()) {
      const next = step(text);
      assert.notEqual(next, text, `step ${i + 1} changes the text`);
      text = next;
      checked.push({ text, found: terms(warm.lint(text, { path: 'term-entries-steps.md' })) });
    }
    for (const [i, { text, found }] of checked.entries()) {
      const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: 'term-entries-fresh.md' });
      assert.deepEqual(found, terms(fresh), `after step ${i + 1}`);
    }
  });

  it('a section is adopted when a sentence comes to name its title, and when a heading is renamed to the title named', () => {
    // Without a sentence naming it, "Code of Conduct" is the writer's section; "This Guide is adapted from" names no
    // section's title until the heading "Rules" around its section becomes "Guide" (another run of blocks than the
    // sentence's: the titles named stay the same). (The answer for the sections' titles is kept between checks while
    // the titles and the titles named are the same: term-rule.ts someTitleNamed.)
    const filler = Array.from({ length: 80 }, (_, i) => (i % 5 === 2 ? WITH_TERMS[0]! : FILLER[i % FILLER.length]!));
    const base = ['# Report', '', ...filler.slice(0, 40).flatMap((p) => [p, '']), '## Code of Conduct', '', 'We keep to it. Prior to the meeting we utilise it.', '', '## Rules', '', 'Read on.', '', '### Details', '', 'This Guide is adapted from the Covenant. Prior to the visit we utilise the form.', '', '## After', '', ...filler.slice(40).flatMap((p) => [p, ''])].join('\n');
    const warm = engineFor().engine;
    let text = base;
    const uses = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'vocabulary/jargon' && f.data?.term === 'prior to').reduce((n, f) => n + ((f.data?.count as number | undefined) ?? 1), 0);
    const first = uses(warm.lint(text, { path: 'term-entries-adopted.md' }));
    const steps: Array<[(t: string) => string, number]> = [
      // A sentence comes to name the section it stands in: its uses are not the writer's.
      [(t) => t.replace('We keep to it.', 'This Code of Conduct is adapted from the Covenant.'), first - 1],
      [(t) => t.replace('This Code of Conduct is adapted from the Covenant.', 'We keep to it.'), first],
      // The heading renamed to the title a sentence in its section names.
      [(t) => t.replace('## Rules', '## Guide'), first - 1],
      [(t) => t.replace('## Guide', '## Rules'), first],
    ];
    // The warm engine's checks one after the other (see above), the fresh checks after them.
    const checked: Array<{ text: string; found: string[]; count: number }> = [];
    for (const step of steps) {
      text = step[0](text);
      const again = warm.lint(text, { path: 'term-entries-adopted.md' });
      checked.push({ text, found: terms(again), count: uses(again) });
    }
    for (const [i, { text, found, count }] of checked.entries()) {
      const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: 'term-entries-adopted-fresh.md' });
      assert.deepEqual(found, terms(fresh), `after step ${i + 1}`);
      assert.equal(count, steps[i]![1], `uses of "prior to" after step ${i + 1}`);
    }
  });

  it('random edits keep the term findings of a fresh check', () => {
    assertWarmEditsMatchFresh(BASE, { path: 'term-entries-random.md', edits: editsOf(PIECES, 3000), project: terms, cacheSize: 4000, numRuns: 30, seed: 3301 });
  });
});
