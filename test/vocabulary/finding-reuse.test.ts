/**
 * The term rules (jargon, person-first) keep each term's finding of the last check and move it when the term has the
 * same uses in the same blocks (term-rule.ts findingFor): an edit elsewhere only shifts where the blocks stand. After
 * edits before, between and after the uses — a use added or removed, a term put in emphasis (the same prose, another
 * source: the article's fix spans the markup), a heading that makes a glossary, link markup around a use — a warm engine must give every term
 * finding exactly as a fresh engine does: range, severity, message, data, related places and every fix edit.
 */
import { strict as assert } from 'node:assert';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const TEXT = {
  en: `# Report

Prior to the meeting we spoke to a stakeholder about the roll-out. The roll-out was prior to the summer.

We will utilise a framework prior to the evaluation. A roll-out of the plan. An implementation of the plan.

## Results

The stakeholders said the roll-out was fine and we utilise it prior to the next step.

An implementation in the region followed prior to the winter.
`,
  nl: `# Rapport

Indien de gemeente dat wil, doen wij mee. Wij verrichten een evaluatie indien nodig.

De implementatie van het plan is gestart. Indien het lukt, volgt de implementatie in de wijk.

## Resultaten

De stakeholders zeiden dat de implementatie goed ging, indien zij meedoen. De problematiek is groot.

Wij verrichten de implementatie indien de wethouder dat wil.
`,
};

/** Link markup too: a use in a link's text is not reported, and the link test reads the text around the block (a table row's other cells). */
const LINKS = ['[', '](https://example.org) ', ']', '![', '\n\n| Cell | [An implementation |\n| --- | --- |\n| a | b](https://example.org) |\n\n'];
const PIECES = {
  en: ['extra ', 'prior to ', 'An implementation. ', '\n\n', '*', '\n\n## Glossary\n\n- implementation: putting it into practice\n\n', 'the stakeholder ', ...LINKS, '| the stakeholder | [the implementation ', '- [prior to '],
  nl: ['extra ', 'indien ', 'De implementatie. ', '\n\n', '*', '\n\n## Begrippenlijst\n\n- implementatie: het invoeren\n\n', 'de stakeholder ', ...LINKS, '| de stakeholder | [de implementatie ', '- [indien '],
};

const TERM_RULES = new Set(['vocabulary/jargon', 'vocabulary/person-first']);

function terms(r: LintResult): string[] {
  return r.findings.filter((f) => TERM_RULES.has(f.ruleId)).map((f) => JSON.stringify({ ruleId: f.ruleId, offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related, fixes: f.fixes }));
}

/** Edits in a fixed order: each one moves, adds or changes uses. */
function steps(language: 'nl' | 'en'): Array<(t: string) => string> {
  const en = language === 'en';
  const term = en ? 'implementation' : 'implementatie';
  const phrase = en ? 'prior to' : 'indien';
  return [
    // A word at the start: every use moves.
    (t) => t.replace('\n\n', en ? '\n\nIn short. ' : '\n\nKort gezegd. '),
    // A word between the uses: the later ones move.
    (t) => t.replace(en ? 'The stakeholders said' : 'De stakeholders zeiden', en ? 'The many stakeholders said' : 'De vele stakeholders zeiden'),
    // The term in emphasis: the same prose, another source; the fixes (with the article's) span the markup.
    (t) => t.replace(en ? `An ${term} of` : `De ${term} van`, en ? `An *${term}* of` : `De *${term}* van`),
    // A use added at the end, and one removed in the middle.
    (t) => `${t}\n${en ? `Prior to that, ${phrase} all else, an ${term}.` : `Indien mogelijk de ${term}.`}\n`,
    (t) => t.replace(en ? 'The roll-out was prior to the summer.' : 'Indien het lukt, volgt', en ? 'The roll-out was in the summer.' : 'Dan volgt'),
    // The emphasis taken off again.
    (t) => t.replace(`*${term}*`, term),
    // A heading renamed to a glossary's: the uses under it define the term.
    (t) => t.replace(en ? '## Results' : '## Resultaten', en ? '## Glossary' : '## Begrippenlijst'),
    // A glossary that defines the term: its finding becomes a subject question.
    (t) => `${t}\n## ${en ? 'Glossary' : 'Begrippenlijst'}\n\n- ${term}: ${en ? 'putting a plan into practice' : 'een plan invoeren'}\n`,
  ];
}

describe('term rules: a finding moved from the last check equals a fresh one', function () {
  this.timeout(120000);

  for (const language of ['nl', 'en'] as const) {
    it(`${language}: edits before, between and after the uses of a term`, () => {
      const warm = engineFor().engine;
      let text = TEXT[language];
      const first = warm.lint(text, { path: `reuse-${language}.md` });
      assert.ok(terms(first).length >= 3, 'the text has term findings');
      // With fixes that replace several uses and one that changes an article.
      assert.ok(first.findings.some((f) => TERM_RULES.has(f.ruleId) && f.fixes.some((x) => x.edits.length >= 3)));
      for (const [i, step] of steps(language).entries()) {
        const next = step(text);
        assert.notEqual(next, text, `step ${i + 1} changes the text`);
        text = next;
        const again = warm.lint(text, { path: `reuse-${language}.md` });
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${language}.md` });
        assert.deepEqual(terms(again), terms(fresh), `${language}, after step ${i + 1}`);
      }
    });

    it(`${language}: random edits keep the term findings of a fresh check`, () => {
      assertWarmEditsMatchFresh(TEXT[language].repeat(3), { path: `reuse-random-${language}.md`, edits: editsOf(PIECES[language]), project: terms, cacheSize: 1000, numRuns: 40, seed: language === 'nl' ? 1601 : 1602 });
    });
  }
});
