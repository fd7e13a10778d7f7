/**
 * The practice card's section marks and recommendations plan, and the client perspective's sections, are the last
 * check's when the headings keep their titles, levels and roles (practice/units.ts sectionMarks, practice/
 * recommendations.ts recommendationPlan, rules/client/analysis.ts sectionParents and sectionsOf): after random edits
 * that move a heading up or down a level, rename it, or edit a paragraph, a warm engine gives what a check from
 * scratch gives, in Dutch and English.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import { practiceFit } from '../../server/src/engine/practice/analysis.js';
import { practiceLexicon } from '../../server/src/engine/practice/lexicon.js';
import { recommendationPlan } from '../../server/src/engine/practice/recommendations.js';
import { sectionMarks } from '../../server/src/engine/practice/units.js';
import { clientPerspective } from '../../server/src/engine/rules/client/analysis.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const TITLES = {
  nl: ['Rapport', 'Aanbevelingen', 'Aanbevelingen voor teamleiders', 'Dankwoord', 'Medewerkers', 'Resultaten', 'Onderzoeksvoorstel', 'Vervolgonderzoek', 'Conclusies', 'Samenvatting'],
  en: ['Report', 'Recommendations', 'Recommendations for managers', 'Acknowledgements', 'Staff', 'Results', 'Research proposal', 'Future research', 'Conclusions', 'Summary'],
} as const;

const BODY = {
  nl: [
    '- Teamleiders plannen elk kwartaal een gesprek met cliënten.',
    'Wij danken de cliënten en de beleidsmakers van de gemeente voor hun tijd.',
    'Wij interviewden twintig cliënten over de schuldhulp van de gemeente. Een bewoner zei: "Ik voel me eindelijk gehoord."',
    'Wij zullen volgend jaar twintig cliënten interviewen over hun ervaringen met het loket.',
  ],
  en: [
    '- Managers should discuss the results with the caseworkers every quarter.',
    'We thank the clients and the policy makers of the council for their time.',
    'We interviewed twenty clients about the debt advice of the council. One resident said: "I finally feel heard."',
    'We will interview twenty clients next year about their experience of the office.',
  ],
} as const;

interface Heading {
  level: number;
  title: number;
}

function textOf(language: 'nl' | 'en', headings: readonly Heading[], bodies: readonly number[]): string {
  return headings.map((h, i) => `${'#'.repeat(h.level)} ${TITLES[language][h.title]}\n\n${BODY[language][bodies[i]!]}`).join('\n\n') + '\n';
}

function project(r: LintResult) {
  const lex = practiceLexicon(r.model.language);
  return { marks: sectionMarks(r.model.sections, lex), plan: recommendationPlan(r.model, lex), fit: practiceFit(r.model), client: clientPerspective(r.model).sections };
}

describe('practice and client: sections edited in their headings in a warm engine equal a check from scratch', function () {
  this.timeout(120000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: headings moved up or down a level, renamed, and paragraphs edited`, () => {
      const n = 10;
      // Report › Results, Acknowledgements › Staff, Research proposal › Results, Recommendations › … for managers,
      // Conclusions, Summary: a level moved takes a section into or out of thanks, a plan or recommendations.
      const start: Heading[] = [[1, 0], [2, 5], [2, 3], [3, 4], [2, 6], [3, 5], [2, 1], [3, 2], [2, 8], [2, 9]].map(([level, title]) => ({ level: level!, title: title! }));
      const bodies0 = Array.from({ length: n }, (_, i) => i % BODY[language].length);
      const op = fc.record({
        at: fc.integer({ min: 0, max: n - 1 }),
        kind: fc.constantFrom('level', 'level', 'title', 'body'),
        value: fc.integer({ min: 0, max: 9 }),
      });
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 6 }), (ops) => {
          const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
          const path = `headings-${language}.md`;
          const headings = start.map((h) => ({ ...h }));
          const bodies = bodies0.slice();
          warm.lint(textOf(language, headings, bodies), { path });
          for (const o of ops) {
            if (o.kind === 'level') headings[o.at]!.level = 1 + (o.value % 4);
            else if (o.kind === 'title') headings[o.at]!.title = o.value % TITLES[language].length;
            else bodies[o.at] = o.value % BODY[language].length;
            const text = textOf(language, headings, bodies);
            const r = warm.lint(text, { path });
            // After each edit: a later one may undo what a wrong reuse missed. The check from scratch after a check of
            // another document with other headings: what the analyses keep of the last check's sections (per language,
            // for any document whose headings read the same) is then not this one's.
            const scratch = new Engine({ vocabulary: warm.vocabulary });
            scratch.lint(`# ${TITLES[language][5]}\n\n${BODY[language][2]}\n`, { path: `other-${path}` });
            const fresh = scratch.lint(text, { path: `fresh-${path}` });
            assert.deepEqual(project(r), project(fresh));
          }
        }),
        { numRuns: 60, seed: language === 'nl' ? 31 : 32 },
      );
    });
  }
});
