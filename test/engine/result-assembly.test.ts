/**
 * The engine's assembly of a check's findings after an edit (engine.ts documentFindings, Screen, dropSuperseded,
 * guardLookup; fixes.ts secureFindings): the findings of the document rules compared with the last check's by index,
 * each finding screened for the fix guard as it is made, superseded findings found among the noted ones, the blocks
 * near each fix edit looked up from the last one. Whatever is reused, a warm engine after random edits gives the
 * findings, fixes and their kinds of a check from scratch: with term fixes across the document, superseded findings,
 * quotations and code near the terms, CRLF line ends (no screening) and directives (findings made anew).
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';

const PARAGRAPHS = [
  'In order to help the residents, the team will make a decision on the budget before the summer starts.',
  'The programme was set up in order to facilitate contact between the clients and the municipality in the district.',
  'Staff said: "we facilitate nothing in order to save time", and the researchers wrote that down as they heard it.',
  'We leverage the existing networks of the district; `in order to` is a phrase the style guide asks writers to avoid.',
  'The clients waited for months before anyone would make a decision about their case, which they found hard to bear.',
  // (Fixes the guard changes: across a line break, over emphasis markup.)
  'They worked late in order\nto finish the interviews, and *in order* to help the clients they stayed on the phone.',
];

function report(eol: string, directive: boolean): string {
  const out: string[] = ['# Report on debt support'];
  for (let s = 0; s < 6; s++) {
    out.push(`## Chapter ${s + 1}`);
    if (directive && s === 2) out.push('<!-- brug-disable-next-line vocabulary/jargon -->');
    for (let p = 0; p < 4; p++) out.push(`${PARAGRAPHS[(s + p) % PARAGRAPHS.length]} (${s}.${p})`);
  }
  return `${out.join(`${eol}${eol}`)}${eol}`;
}

const PIECES = ['in order to ', 'in order\nto ', '*in order to* ', 'make a decision ', 'facilitate ', '"in order to" ', '`facilitate` ', 'extra words ', '\n\n', '\r\n', '\n\n## New chapter\n\n'];

describe('engine: findings assembled after an edit', function () {
  this.timeout(300_000);

  it('the report has term fixes across the document and a superseded finding to drop', () => {
    const r = engineFor().engine.lint(report('\n', false), { path: 'assembly-check.md' });
    const jargon = r.findings.filter((f) => f.ruleId === 'vocabulary/jargon');
    assert.ok(jargon.some((f) => f.fixes.some((x) => x.edits.length > 1)), 'a fix that edits several places');
    assert.equal(r.findings.filter((f) => f.ruleId === 'readability/nominalization').length, 0);
    const alone = new Engine({ vocabulary: engineFor().engine.vocabulary }).lint(report('\n', false), { path: 'x.md', config: { ...r.model.config, rules: { ...r.model.config.rules, 'vocabulary/jargon': { severity: 'off' } } } });
    assert.ok(alone.findings.some((f) => f.ruleId === 'readability/nominalization'), 'jargon supersedes a nominalization here');
  });

  for (const [name, eol, directive] of [['LF', '\n', false], ['CRLF', '\r\n', false], ['LF with a directive', '\n', true]] as const) {
    it(`${name}: after random edits the findings and their fixes equal a check from scratch (fast-check)`, () => {
      assertWarmEditsMatchFresh(report(eol, directive), {
        path: `assembly-${name}.md`,
        edits: editsOf(PIECES, 300),
        project: (r) => r.findings,
        cacheSize: 5000,
        numRuns: 40,
        seed: 33,
      });
    });
  }
});
