/**
 * A check's section marks (in acknowledgements, in a plan section) are made once per check and kept with its sections
 * (practice/units.ts sectionMarks): a warm engine whose edit renames a heading must mark its section as a check from
 * scratch does, in Dutch and English.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import { practiceFit } from '../../server/src/engine/practice/analysis.js';
import { practiceLexicon } from '../../server/src/engine/practice/lexicon.js';
import { sectionMarks } from '../../server/src/engine/practice/units.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const CASES = {
  nl: { ack: 'Dankwoord', plan: 'Onderzoeksvoorstel', other: 'Resultaten', body: 'Wij hebben twintig cliënten geïnterviewd over hun ervaringen met de schuldhulp van de gemeente.' },
  en: { ack: 'Acknowledgements', plan: 'Research proposal', other: 'Results', body: 'We interviewed twenty clients about their experience of the debt advice of the council.' },
} as const;

describe('practice: section marks made once per check follow an edited heading', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: a heading renamed to acknowledgements or a proposal and back in a warm engine is marked as from scratch`, () => {
      const c = CASES[language];
      const doc = (title: string) => `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${title}\n\n${c.body}\n\n## ${c.other} 2\n\n${c.body}\n`;
      const warm = engineFor().engine;
      const lex = practiceLexicon(language);
      for (const title of [c.other, c.ack, c.other, c.plan, c.ack, c.other]) {
        const r = warm.lint(doc(title), { path: `marks-${language}.md` });
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(doc(title), { path: `fresh-${language}.md` });
        const marks = sectionMarks(r.model.sections, lex);
        assert.equal(marks.ackSection[1], title === c.ack, `${title}: acknowledgements`);
        assert.equal(marks.planSection[1], title === c.plan, `${title}: plan`);
        assert.deepEqual(marks, sectionMarks(fresh.model.sections, lex));
        assert.deepEqual(practiceFit(r.model), practiceFit(fresh.model));
      }
    });
  }
});
