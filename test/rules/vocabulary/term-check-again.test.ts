/**
 * The term rules (jargon, person-first) hand out again the last check's answer, with only the findings of the entries
 * an edit touched made again, when nothing else their findings depend on changed (term-rule.ts checkAgain): the runs
 * and blocks outside the edited stretch, the sections' titles and roles, the adopted sections, the document's
 * abbreviations, the field totals behind the tests on an entry, the options, the warning budget; and each touched
 * entry keeps its place in the order of first uses and in the ranking, with its weight. In a document with many
 * terms in key sections (summary, conclusion) and elsewhere, a glossary, field words near their thresholds
 * (practiceIn, onlyIn), uses in links and a tight warning budget, random edits that replace as many characters as
 * they insert (nothing after them moves) and edits that insert or delete must leave a warm engine with the term
 * findings of a check from scratch; and most of those checks must have been answered that way.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import type { Edit } from '../../helpers/warm-edits.js';
import { termChecks } from '../../../server/src/engine/rules/vocabulary/term-rule.js';
import { config } from '../../vocabulary/helpers.js';
import { Engine } from '../../../server/src/engine/engine.js';
import { engineFor } from '../../../server/src/workspace/engine.js';
import { TERM_RULES, terms } from './term-findings.js';

const FILLER = [
  'We met the residents of the town in the spring and talked about their letters.',
  'Many families said the letters were hard to read, and the team heard them.',
  'The council wrote back after a month with a shorter form.',
  'Most people in the street knew someone who had moved away.',
];

const WITH_TERMS = [
  'Prior to the meeting we spoke to a stakeholder about the service delivery.',
  'In order to help, the team will accompany the unemployed to the office going forward.',
  'The customers of the office waited in close proximity to the desk, adjacent to the door.',
  'Read [the robust plan](https://example.org) prior to the visit; we deploy the software there.',
  'A clinical view of the service delivery helped, in order to see what a stakeholder needs.',
  'The robust form was used prior to the evaluation, and the customers said it was fine.',
];

/** Sections with roles (a summary and a conclusion weigh more in the ranking), a glossary, terms throughout. */
function document(count: number): string {
  const out = ['# Report', '', '## Summary', '', WITH_TERMS[1]!, '', FILLER[0]!, ''];
  for (let i = 0; i < count; i++) {
    if (i % 15 === 7) out.push(`## Part ${i}`, '');
    if (i === 40) out.push('## Glossary', '', '- stakeholder: a party with an interest', '- service delivery: how services are run', '');
    out.push(i % 4 === 1 ? WITH_TERMS[(i >> 2) % WITH_TERMS.length]! : FILLER[i % FILLER.length]!, '');
  }
  out.push('## Conclusion', '', WITH_TERMS[0]!, '', 'The unemployed joined in. A claimant spoke.', '');
  return out.join('\n');
}

const BASE = document(90);

/** Pieces that add or remove uses, field words (near their thresholds), link markup, headings and key sections. */
const PIECES = [
  'prior to',
  'in order to',
  'adjacent to',
  'stakeholder',
  'customers',
  'the unemployed',
  'clinical',
  'claimant',
  'software',
  'robust',
  'deploy',
  'xxxxxxxx',
  'a b c d e',
  '## Summary\n\n',
  '## Conclusion\n\n',
  '## Glossary\n\n- ',
  '[',
  '](https://example.org)',
  '\n\n',
];

/** An edit that replaces as many characters as it inserts: nothing after it moves. */
const sameLength: fc.Arbitrary<Edit> = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.constantFrom(...PIECES) }).map(({ at, piece }) => ({ at, remove: piece.length, piece }));

/** The edits: mostly same-length, some inserting or deleting. */
const edits = fc.oneof({ weight: 3, arbitrary: sameLength }, { weight: 1, arbitrary: editsOf(PIECES.map((p) => `${p} `), 400) });

/**
 * Placeholders replaced by as many characters (nothing moves): a use comes into the conclusion (its weight in the
 * ranking changes), an entry's first use comes before another's and goes back (the order of first uses and of the
 * ranking change), a field's word reaches its count far from the entry it silences (the tests on an entry change with
 * no use of it touched), a heading becomes a glossary's (its section's uses become definitions), an entry's only use
 * goes and comes back, a link closes around a use in another block; and link markup taken from around an entry's only
 * use and put back (the same prose, another source).
 */
const STEPS_BASE = [
  '# Report',
  '',
  '## Summary',
  '',
  'The team met and wrote to us about clinical work and clinical care.',
  '',
  '## Background',
  '',
  'We qqqqqqqqqqq the office.',
  '',
  '## Reading',
  '',
  'We read the [robust plan](https://example.org) today.',
  '',
  '## Teams',
  '',
  'We met the Xxxxxx Xxxxxx Xxxxx xNEETsx there.',
  '',
  // A long section (unique paragraphs: a run ends after about one in 24): its heading and its last item in other runs.
  '## Kkkkkkkk',
  '',
  ...Array.from({ length: 60 }, (_, i) => [`Paragraph ${i} of the notes on the town and its ${i % 7} streets.`, '']).flat(),
  '- stakeholder: a party with an interest',
  '',
  '## Part one',
  '',
  'In order to help we went.',
  '',
  '## Part two',
  '',
  'The customers of the office waited.',
  '',
  '## Part three',
  '',
  'They sat adjacent to the desk. The NEETs in the area joined in.',
  '',
  '## Part four',
  '',
  'Prior to the visit we spoke to a stakeholder.',
  '',
  '## Part five',
  '',
  'The service delivery was slow; a claimant said so.',
  '',
  '## Part six',
  '',
  'Going forward, the service delivery will be faster.',
  '',
  '## Table',
  '',
  '| [prior to the visit | a |',
  '| --- | --- |',
  '| b | c]yhttps://example.org) |',
  '',
  '## Part seven',
  '',
  'We wwwwwwww the desk.',
  '',
  '## Part eight',
  '',
  'We went in order to see what a stakeholder needs.',
  '',
  '## Conclusion',
  '',
  'The zzzzzzzzzzz team met.',
  '',
].join('\n');

const STEPS: Array<[string, string]> = [
  ['zzzzzzzzzzz', 'adjacent to'],
  ['adjacent to team', 'zzzzzzzzzzz team'],
  ['qqqqqqqqqqq', 'prior to it'],
  ['prior to it', 'qqqqqqqqqqq'],
  ['We wwwwwwww', 'We clinical'],
  ['## Kkkkkkkk', '## Glossary'],
  ['Xxxxxx Xxxxxx Xxxxx xNEETsx', 'Nearby Estate Teams (NEETs)'],
  ['Going forward', 'Xxxxx xxxxxxx'],
  ['c]yhttps', 'c](https'],
  ['c](https', 'c]yhttps'],
  ['Xxxxx xxxxxxx', 'Going forward'],
  ['Nearby Estate Teams (NEETs)', 'Xxxxxx Xxxxxx Xxxxx xNEETsx'],
  ['## Glossary', '## Kkkkkkkk'],
  ['We clinical', 'We wwwwwwww'],
  ['[robust plan](https://example.org)', 'robust plan'],
  ['robust plan today', '[robust plan](https://example.org) today'],
];

describe('term rules: the last answer handed out again with the touched entries made again equals a fresh check', function () {
  this.timeout(300000);

  for (const [name, per1000] of [
    ['the default warning budget', undefined],
    ['a warning budget of one', 0],
  ] as const) {
    it(`edits that move nothing, one after the other, each compared with a fresh check (${name})`, () => {
      const raw = per1000 === undefined ? {} : { rules: { 'vocabulary/jargon': { options: { warningsPer1000Words: per1000 } } } };
      const warm = engineFor().engine;
      const cfg = { config: config(raw) };
      let text = STEPS_BASE;
      warm.lint(text, { path: 'term-again-steps.md', ...cfg });
      const before = { ...termChecks };
      const checked: Array<{ text: string; found: string[] }> = [];
      for (const [from, to] of STEPS) {
        assert.ok(text.includes(from), from);
        text = text.replace(from, to);
        checked.push({ text, found: terms(warm.lint(text, { path: 'term-again-steps.md', ...cfg })) });
      }
      const again = termChecks.again - before.again;
      if (process.env.DBG) for (const c of checked) console.log(c.found.map((f) => { const j = JSON.parse(f); return `${j.data.term}:${j.severity}:${j.offset}`; }).join(' '));
      for (const [i, { text, found }] of checked.entries()) {
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: 'term-again-steps-fresh.md', ...cfg });
        assert.deepEqual(found, terms(fresh), `after step ${i + 1}: ${STEPS[i]!.join(' → ')}`);
      }
      // (Half the steps answered from the last check at least: a step that silences an entry or changes a title, the
      // sections or the ranking is made in full.)
      assert.ok(again >= STEPS.length / 2, `answered again ${again} times`);
    });
  }

  it('the document has warnings and information, hints, a subject, findings of both kinds', () => {
    let seen: string[] = [];
    assertWarmEditsMatchFresh(BASE, {
      path: 'term-again-base.md',
      edits: sameLength,
      project: terms,
      cacheSize: 4000,
      numRuns: 1,
      seed: 3701,
      maxEdits: 1,
      first: (r) => {
        seen = r.findings.filter((f) => TERM_RULES.has(f.ruleId)).map((f) => `${f.ruleId} ${f.severity}`);
      },
    });
    for (const want of ['vocabulary/jargon warning', 'vocabulary/jargon info', 'vocabulary/jargon hint', 'vocabulary/person-first info']) assert.ok(seen.includes(want), `${want} in ${seen.join(', ')}`);
  });

  for (const [name, per1000] of [
    ['the default warning budget', undefined],
    ['a warning budget of a few of the ranked findings', 2],
  ] as const) {
    it(`random edits, same-length and not, keep the term findings of a fresh check (${name})`, () => {
      const raw = per1000 === undefined ? {} : { rules: { 'vocabulary/jargon': { options: { warningsPer1000Words: per1000 } } } };
      const before = { ...termChecks };
      assertWarmEditsMatchFresh(BASE, { path: `term-again-${per1000 ?? 'default'}.md`, edits, project: terms, cacheSize: 4000, numRuns: 40, seed: 3702, maxEdits: 6, config: config(raw) });
      // (An edit that leaves the other entries alone is answered from the last check, not made from every entry: at
      // least once per series of edits on the average. The first check of a series, an edit that adds or removes a
      // block, a run or a section and the fresh engine's checks are made in full.)
      const again = termChecks.again - before.again;
      const full = termChecks.full - before.full;
      assert.ok(again >= 2 * 40, `answered again ${again} times, made in full ${full} times`);
    });
  }
});
