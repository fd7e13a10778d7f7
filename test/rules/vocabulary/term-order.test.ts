/**
 * The term rules hand out their findings in the order of the entries' first uses (term-rule.ts byFirstUse: the run of
 * the first use, its block, its place). An entry's uses placed again after an edit that cut the runs before them anew
 * into more or fewer runs keep their runs but for their numbers (s31, placedAgain: renumbered places): the answer's run is
 * the new number. The rule's own list (the engine orders findings by place, which hides it) after random edits that split
 * and join paragraphs must be that of a check from scratch. The list is read through a rule that calls a jargon rule of
 * its own (the engine's is off: the spy's memos follow one series of checks).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdit, editsOf } from '../../helpers/warm-edits.js';
import type { Edit } from '../../helpers/warm-edits.js';
import { Engine } from '../../../server/src/engine/engine.js';
import type { DocumentRule } from '../../../server/src/engine/rules/types.js';
import { jargon } from '../../../server/src/engine/rules/vocabulary/jargon.js';
import { defaultConfig, mergeConfig } from '../../../server/src/engine/config/config.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../../server/src/workspace/engine.js';

const FILLER = ['We met the residents of the town in the spring and talked about their letters.', 'Many families said the letters were hard to read, and the team heard them.', 'The council wrote back after a month with a shorter form.', 'Most people in the street knew someone who had moved away.'];
const WITH_TERMS = ['Prior to the meeting we spoke to a stakeholder about the roll-out.', 'We will utilise the form; the team said it helped.', 'An implementation of the plan followed in the area.', 'The stakeholders said the approach was fine and we commence soon.', 'In order to help, we facilitate the meetings.'];

function document(): string {
  const out = ['# Report', ''];
  for (let i = 0; i < 160; i++) {
    if (i % 40 === 20) out.push(`## Part ${i}`, '');
    out.push(i % 7 === 3 ? WITH_TERMS[(i / 7) % WITH_TERMS.length | 0]! : FILLER[i % FILLER.length]!, '');
  }
  return out.join('\n');
}

describe('vocabulary/jargon: the rule\'s own order of findings after edits equals a fresh check (s31)', function () {
  this.timeout(300000);
  it('en: random edits that split and join paragraphs and add words', () => {
    const vocabulary = engineFor().engine.vocabulary;
    let seen: string[] = [];
    const spyOf = (): DocumentRule => {
      const rule = jargon(vocabulary);
      return { scope: 'document', meta: { ...rule.meta, id: 'test/jargon-order' }, check: (doc, ctx) => ((seen = rule.check(doc, ctx).map((f) => JSON.stringify(f))), []) };
    };
    const config = mergeConfig(defaultConfig(), { rules: { 'vocabulary/jargon': 'off' } });
    const base = document();
    const pieces = ['extra ', '\n\n', '\n\n', 'the ', 'prior to ', 'a stakeholder '];
    fc.assert(
      fc.property(fc.array(editsOf(pieces, 200), { minLength: 1, maxLength: 8 }), (series: Edit[]) => {
        const warm = new Engine({ vocabulary, rules: [spyOf()] });
        warm.lint(base, { path: 'term-order.md', config });
        let text = base;
        for (const e of series) {
          text = applyEdit(text, e);
          warm.lint(text, { path: 'term-order.md', config });
        }
        const got = seen;
        clearMarkdownCache();
        new Engine({ vocabulary, rules: [spyOf()] }).lint(text, { path: 'fresh-term-order.md', config });
        assert.ok(got.length > 3);
        assert.deepEqual(got, seen);
      }),
      { numRuns: 60, seed: 3133 },
    );
  });
});
