/**
 * EngineOptions.documentRulesOnce (benchmarks only: bench/lsp-latency.ts --floor-rules [ids]): a document rule (all, or
 * those named) runs at a document's first check only; later checks of that document hand back its first findings as
 * they were, while the block rules and the other documents are checked as always. Without the option every check runs
 * the rule. EngineOptions.documentRulesSilent (bench/lsp-latency.ts --silent-rules ids): the rules named run at every
 * check, and hand out no findings.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import type { DocumentRule } from '../../server/src/engine/rules/types.js';
import { testRuleMeta } from '../helpers/rule-meta.js';

/** A document rule that counts its runs and flags the first word of the document, whatever it is. */
function countingRule(id = 'test/first-word'): { rule: DocumentRule; runs: () => number } {
  let runs = 0;
  const rule: DocumentRule = {
    meta: testRuleMeta(id),
    scope: 'document',
    check(doc) {
      runs++;
      const b = doc.blocks[0];
      if (!b) return [];
      const { offset, endOffset } = b.toDocument(0, b.prose.text.indexOf(' '));
      return [{ message: { en: `run ${runs}`, nl: `keer ${runs}` }, offset, endOffset }];
    },
  };
  return { rule, runs: () => runs };
}

const TEXT = {
  nl: 'De gemeente helpt inwoners met schulden.\n\nDe klantmanager belt de inwoner binnen een week terug.\n',
  en: 'The municipality helps residents with debts.\n\nThe case manager calls the resident back within a week.\n',
};

describe('engine: document rules once or silent (benchmarks only)', function () {
  this.timeout(120_000);

  for (const lang of ['nl', 'en'] as const) {
    it(`${lang}: later checks of a document hand back the rule's first findings; without the option the rule runs each time`, () => {
      const once = countingRule();
      const engine = new Engine({ rules: [once.rule], documentRulesOnce: true });
      const path = `once-${lang}.md`;
      const first = engine.lint(TEXT[lang], { path }).findings.filter((f) => f.ruleId === 'test/first-word');
      assert.equal(once.runs(), 1);
      assert.equal(first.length, 1);
      // An edit before the flagged word: the rule is not asked again, so its finding keeps its first place and message.
      const edited = `Nu ${TEXT[lang]}`;
      const again = engine.lint(edited, { path }).findings.filter((f) => f.ruleId === 'test/first-word');
      assert.equal(once.runs(), 1);
      assert.deepEqual(
        again.map((f) => [f.offset, f.endOffset, f.message.en]),
        first.map((f) => [f.offset, f.endOffset, f.message.en]),
      );
      // Another document's first check runs the rule.
      engine.lint(edited, { path: `other-${lang}.md` });
      assert.equal(once.runs(), 2);

      // Named: only the rules named run once.
      const named = countingRule();
      const byName = new Engine({ rules: [named.rule], documentRulesOnce: ['test/first-word'] });
      byName.lint(TEXT[lang], { path });
      byName.lint(edited, { path });
      assert.equal(named.runs(), 1);
      const other = countingRule();
      const notNamed = new Engine({ rules: [other.rule], documentRulesOnce: ['readability/long-sentence'] });
      notNamed.lint(TEXT[lang], { path });
      notNamed.lint(edited, { path });
      assert.equal(other.runs(), 2);

      const always = countingRule();
      const normal = new Engine({ rules: [always.rule] });
      normal.lint(TEXT[lang], { path });
      const moved = normal.lint(edited, { path }).findings.filter((f) => f.ruleId === 'test/first-word');
      assert.equal(always.runs(), 2);
      assert.deepEqual(
        moved.map((f) => [f.offset, f.message.en]),
        [[0, 'run 2']],
      );
    });

    it(`${lang}: a silent rule runs at every check and hands out no findings; the other rules hand out theirs`, () => {
      const silent = countingRule();
      const engine = new Engine({ rules: [silent.rule, countingRule('test/other').rule], documentRulesSilent: ['test/first-word'] });
      const path = `silent-${lang}.md`;
      for (const text of [TEXT[lang], `Nu ${TEXT[lang]}`]) {
        const ids = engine.lint(text, { path }).findings.map((f) => f.ruleId);
        assert.ok(!ids.includes('test/first-word'));
        assert.equal(ids.filter((id) => id === 'test/other').length, 1);
      }
      assert.equal(silent.runs(), 2);
    });
  }
});
