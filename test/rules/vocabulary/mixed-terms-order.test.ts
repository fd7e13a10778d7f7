/**
 * vocabulary/mixed-terms gathers the groups it reports from the runs that hold each group (s31, mixed-terms.ts runsOf):
 * its list of findings, in the rule's own order (groups by their first use, then each group's minority words), must be
 * that of a check from scratch after random edits that make groups mixed and one-word again in any order. The rule's
 * list is read through a rule that calls it (the engine orders its findings by place, which hides the rule's order).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdit, editsOf } from '../../helpers/warm-edits.js';
import type { Edit } from '../../helpers/warm-edits.js';
import { Engine } from '../../../server/src/engine/engine.js';
import type { DocumentRule } from '../../../server/src/engine/rules/types.js';
import { mixedTerms } from '../../../server/src/engine/rules/vocabulary/mixed-terms.js';
import { defaultConfig, mergeConfig } from '../../../server/src/engine/config/config.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../../server/src/workspace/engine.js';

/** The rule's list at its last check, each finding as it made it. */
let seen: string[] = [];
const spy: DocumentRule = {
  scope: 'document',
  meta: { ...mixedTerms.meta, id: 'test/mixed-terms-order' },
  check(doc, ctx) {
    seen = mixedTerms.check(doc, ctx).map((f) => JSON.stringify(f));
    return [];
  },
};
// The rule itself off: the spy is its only caller (its memos follow one series of checks).
const CONFIG = mergeConfig(defaultConfig(), { rules: { 'vocabulary/mixed-terms': 'off' } });

function document(): string {
  const out = ['# Report', ''];
  const paragraphs = ['We met the residents of the town in the spring and talked about their letters.', 'Two nonprofit providers gave debt advice to the families.', 'Reemployment rates rose in the region.', 'The town hall sent a second letter in the autumn.'];
  for (let i = 0; i < 60; i++) {
    if (i % 20 === 10) out.push(`## Part ${i}`, '');
    out.push(paragraphs[i % paragraphs.length]!, '');
  }
  // One group mixed from the start, far down; the other (used first) made mixed by the edits, and one-word again.
  out.push('Re-employment was slow in the north.', '');
  return out.join('\n');
}

describe('mixed-terms: the rule\'s own order of findings after edits equals a fresh check (s31)', function () {
  this.timeout(120000);
  it('en: random edits that add and remove the other spellings of two groups', () => {
    const base = document();
    const pieces = ['extra ', 'non-profit ', 'non-profit ', 'not-for-profit ', 're-employment ', 'nonprofit ', 'reemployment ', '\n\n', '## Key terms\n\n'];
    const vocabulary = engineFor().engine.vocabulary;
    // Series whose last check reports both groups (the case the order is about).
    let both = 0;
    fc.assert(
      fc.property(fc.array(editsOf(pieces, 200), { minLength: 1, maxLength: 6 }), (series: Edit[]) => {
        const warm = new Engine({ vocabulary, rules: [spy] });
        warm.lint(base, { path: 'order.md', config: CONFIG });
        let text = base;
        for (const e of series) {
          text = applyEdit(text, e);
          warm.lint(text, { path: 'order.md', config: CONFIG });
        }
        const got = seen;
        clearMarkdownCache();
        new Engine({ vocabulary, rules: [spy] }).lint(text, { path: 'fresh-order.md', config: CONFIG });
        assert.deepEqual(got, seen);
        if (new Set(got.map((f) => (JSON.parse(f) as { data: { groupId: string } }).data.groupId)).size > 1) both++;
      }),
      { numRuns: 60, seed: 3132 },
    );
    assert.ok(both >= 5, `both groups reported after ${both} series`);
  });
});
