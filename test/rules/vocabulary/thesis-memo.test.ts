/**
 * Whether a document names itself a thesis (term rules: academic words are not shown in a thesis) is remembered with
 * the words of its first blocks (speed only, lsp15). An edit of the title page must change the answer; an edit further
 * on keeps it.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../../server/src/engine/engine.js';
import { Vocabulary } from '../../../server/src/engine/vocabulary/vocabulary.js';
import { bundledLanguage } from '../../../server/src/workspace/dictionaries.js';

const JARGON = 'vocabulary/jargon';

describe(`${JARGON}: a thesis named on the title page, after edits (lsp15)`, () => {
  const cases = {
    en: { report: '# Report', thesis: '# A thesis submitted for the degree of PhD', body: '## Method\n\nThe theoretical framework guided the empirical work.\n\n## Results\n\nThe caseworkers met the clients every week.\n' },
    nl: { report: '# Rapport', thesis: '# Bachelorproef', body: '## Methode\n\nHet theoretisch kader heeft implicaties voor de analyse.\n\n## Resultaten\n\nDe consulenten spraken de inwoners elke week.\n' },
  };
  for (const [language, c] of Object.entries(cases)) {
    it(`${language}: adding and removing the thesis title changes what the same engine shows; an edit below keeps it`, () => {
      const engine = new Engine({ vocabulary: new Vocabulary([], bundledLanguage) });
      const academic = (text: string) => engine.lint(text, { path: 'doc.md' }).findings.filter((f) => f.ruleId === JARGON).length;
      const report = `${c.report}\n\n${c.body}`;
      const thesis = `${c.thesis}\n\n${c.body}`;
      assert.ok(academic(report) > 0);
      assert.equal(academic(thesis), 0);
      assert.equal(academic(thesis.replace('every week', 'every other week').replace('elke week', 'elke andere week')), 0);
      assert.ok(academic(report) > 0);
      assert.ok(academic(report.replace('every week', 'every other week').replace('elke week', 'elke andere week')) > 0);
    });
  }
});
