/**
 * The practice analysis's cached per-block summaries (engine/practice/units.ts checkUnits): a
 * block whose units can add nothing is skipped from its cached answer, pseudo-heading runs are
 * followed block by block, section marks (thanks, plans) are kept per title, heading units per
 * heading. An edit that changes what a summary is made of must change the card; an edit
 * elsewhere must leave it as it was; and after each edit the card is that of a check from scratch.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import { practiceFit } from '../../server/src/engine/practice/analysis.js';
import { practiceLexicon } from '../../server/src/engine/practice/lexicon.js';
import { unitsOf } from '../../server/src/engine/practice/units.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The recommendations as the card lists them, without places (an edit before them moves them). */
const recs = (r: LintResult) => practiceFit(r.model).handles.recommendations.map((x) => `${x.source} ${x.audience} ${x.text}`);

function fresh(warm: Engine, text: string): LintResult {
  clearMarkdownCache();
  return new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: 'fresh.md' });
}

describe('lsp: cached practice summaries follow the edits that change them, and only those', function () {
  this.timeout(60000);
  const sample = readFileSync(join(ROOT, 'samples', 'report-employment-support.md'), 'utf8');
  const plain = 'Some closing words about the project and its partners.';
  const list = '- Teams should plan a weekly visit to the families.\n- Managers should give caseworkers time for the visits.\n';
  const base = `${sample}\n\n## Closing\n\n${plain}\n\n${list}\n\nThe partners met four times in the last year.\n`;
  // An edit far from the closing section: a word in the sample's first long paragraph.
  const elsewhere = (text: string) => {
    const at = text.indexOf(' the ', 200) + 1;
    return text.slice(0, at) + 'extra ' + text.slice(at);
  };

  it('a paragraph that becomes a pseudo-heading of recommendations makes the list after it recommendations; an edit elsewhere keeps them', () => {
    const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
    const before = warm.lint(base, { path: 'warm.md' });
    const listed = (r: LintResult) => recs(r).filter((x) => x.includes('weekly visit') || x.includes('time for the visits'));
    assert.deepEqual(listed(before), []);
    const pseudo = base.replace(plain, '**Recommendations**');
    const after = warm.lint(pseudo, { path: 'warm.md' });
    assert.deepEqual(listed(after), ['list practice Teams should plan a weekly visit to the families.', 'list practice Managers should give caseworkers time for the visits.']);
    assert.deepEqual(practiceFit(after.model), practiceFit(fresh(warm, pseudo).model));
    const moved = warm.lint(elsewhere(pseudo), { path: 'warm.md' });
    assert.deepEqual(recs(moved), recs(after));
    assert.deepEqual(practiceFit(moved.model), practiceFit(fresh(warm, elsewhere(pseudo)).model));
    // A paragraph between the pseudo-heading and the list ends the run.
    const broken = pseudo.replace(`**Recommendations**\n\n`, `**Recommendations**\n\nThese came from the meetings.\n\n`);
    assert.deepEqual(listed(warm.lint(broken, { path: 'warm.md' })), []);
    assert.deepEqual(practiceFit(warm.lint(broken, { path: 'warm.md' }).model), practiceFit(fresh(warm, broken).model));
  });

  it('a sentence edited into "we recommend" counts, edited back it goes; an edit elsewhere keeps the card', () => {
    const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
    const inline = 'We recommend that caseworkers call the family back within a week.';
    const first = warm.lint(base, { path: 'warm.md' });
    const withInline = base.replace('The partners met four times in the last year.', inline);
    const second = warm.lint(withInline, { path: 'warm.md' });
    assert.ok(recs(second).some((x) => x.startsWith('inline') && x.includes('call the family back')), recs(second).join('\n'));
    assert.ok(!recs(first).some((x) => x.includes('call the family back')));
    assert.deepEqual(practiceFit(second.model), practiceFit(fresh(warm, withInline).model));
    const third = warm.lint(elsewhere(withInline), { path: 'warm.md' });
    assert.deepEqual(recs(third), recs(second));
    assert.deepEqual(
      practiceFit(third.model).items.map((i) => [i.id, i.status, i.evidence.length]),
      practiceFit(second.model).items.map((i) => [i.id, i.status, i.evidence.length]),
    );
    const back = warm.lint(elsewhere(base), { path: 'warm.md' });
    assert.ok(!recs(back).some((x) => x.includes('call the family back')));
    assert.deepEqual(practiceFit(back.model), practiceFit(fresh(warm, elsewhere(base)).model));
  });

  it('a heading renamed to acknowledgements marks its units as thanks (kept per title); renamed back it does not', () => {
    const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
    const lex = practiceLexicon('en');
    const thanks = (r: LintResult) => unitsOf(r.model, lex).filter((u) => u.acknowledgements).map((u) => u.text);
    const before = warm.lint(base, { path: 'warm.md' });
    assert.ok(!thanks(before).includes(plain));
    const renamed = base.replace('## Closing', '## Acknowledgements');
    const after = warm.lint(renamed, { path: 'warm.md' });
    assert.ok(thanks(after).includes(plain));
    assert.deepEqual(practiceFit(after.model), practiceFit(fresh(warm, renamed).model));
    const moved = warm.lint(elsewhere(renamed), { path: 'warm.md' });
    assert.deepEqual(thanks(moved), thanks(after));
    const back = warm.lint(elsewhere(base), { path: 'warm.md' });
    assert.ok(!thanks(back).includes(plain));
    assert.deepEqual(practiceFit(back.model), practiceFit(fresh(warm, elsewhere(base)).model));
  });
});
