/**
 * The engine's findings of document rules (engine.ts asFinding): a finding a rule hands out again unchanged is the
 * engine's finding of the last check, the same object; one whose range, fixes or message changed is a new one, and
 * every check's findings equal a check from scratch.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { editsOf, assertWarmEditsMatchFresh } from '../helpers/warm-edits.js';

const LONG = {
  nl: 'De gemeente heeft in het afgelopen jaar met veel verschillende organisaties in de wijk gesproken over de manier waarop zij de hulp bij schulden beter kan organiseren voor de inwoners die daar het meest van afhankelijk zijn.',
  en: 'The municipality has spoken with many different organisations in the district over the past year about the way in which it could better organise the help with debts for the residents who depend on it the most.',
};

function report(lang: 'nl' | 'en'): string {
  const parts: string[] = [lang === 'nl' ? '# Rapport over schuldhulp' : '# Report on debt support'];
  for (let c = 0; c < 6; c++) {
    parts.push(`## ${lang === 'nl' ? 'Hoofdstuk' : 'Chapter'} ${c + 1}`);
    for (let p = 0; p < 4; p++) parts.push(`${LONG[lang]} (${c}.${p})`);
  }
  return `${parts.join('\n\n')}\n`;
}

const document = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'readability/long-sentence');

describe('engine: findings of document rules handed out again', function () {
  this.timeout(300_000);

  for (const lang of ['nl', 'en'] as const) {
    it(`${lang}: an edit after a finding leaves it the same object; one before it moves it (a new object)`, () => {
      const engine = engineFor().engine;
      const base = report(lang);
      engine.lint(base, { path: `finding-objects-${lang}.md` });
      // (A first edit: a rule may make its findings anew at the check after a first one.)
      const warm = `${base}\nMore.\n`;
      const first = document(engine.lint(warm, { path: `finding-objects-${lang}.md` }));
      assert.ok(first.length > 4, `${first.length} long-sentence findings`);
      // Words added to the last paragraph: the findings before it are the last check's.
      const at = warm.lastIndexOf('(5.3)');
      const text = `${warm.slice(0, at)}extra ${warm.slice(at)}`;
      const next = document(engine.lint(text, { path: `finding-objects-${lang}.md` }));
      const fresh = document(new Engine({ vocabulary: engine.vocabulary }).lint(text, { path: 'fresh.md' }));
      assert.deepEqual(next, fresh);
      const kept = next.filter((f) => first.includes(f)).length;
      assert.ok(kept >= next.length / 2, `${kept} of ${next.length} findings handed out again`);
      // Words added to the first paragraph: every finding after it has moved.
      const early = `${text.slice(0, text.indexOf('(0.0)'))}extra ${text.slice(text.indexOf('(0.0)'))}`;
      const moved = document(engine.lint(early, { path: `finding-objects-${lang}.md` }));
      assert.deepEqual(moved, document(new Engine({ vocabulary: engine.vocabulary }).lint(early, { path: 'fresh.md' })));
      assert.notEqual(moved[moved.length - 1], next[next.length - 1]);
      assert.equal(moved[moved.length - 1]!.offset, next[next.length - 1]!.offset + 'extra '.length);
      // The last check's result keeps its places.
      assert.equal(next[next.length - 1]!.offset, fresh[fresh.length - 1]!.offset);
    });

    it(`${lang}: after random edits the findings equal a check from scratch (fast-check)`, () => {
      assertWarmEditsMatchFresh(report(lang), {
        path: `finding-objects-warm-${lang}.md`,
        edits: editsOf(['extra words ', '\n\n', '\r\n', `\n\n${LONG[lang]}\n\n`, '\n\n## Nieuw\n\n', '"quoted" ']),
        project: (r) => r.findings,
        cacheSize: 5000,
        numRuns: 40,
        seed: lang === 'nl' ? 77 : 777,
      });
    });
  }
});
