/**
 * section-score reads each section's running-text counts from per-run summaries of the blocks (which blocks are
 * running-text paragraphs, their counts per language), with the places of the paragraphs read at each check. After
 * random edits in a warm engine, every section's counts must be those of a check from scratch. The rule is set to
 * report every section with running text (targets above any score, no minimum of words), so that each section's words,
 * score and long words show in the findings' data. The edits add and remove headings (also above the first one, so that
 * text before the first heading comes under one), paragraphs in the other language, lists, quotations and copies.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../../server/src/workspace/engine.js';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import { reportAll, scores } from '../../helpers/section-scores.js';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');

const PIECES: Record<'nl' | 'en', string[]> = {
  nl: [
    'extra ',
    '\n\n',
    '# ',
    '## Over dit rapport\n\n',
    '\n\n### Werkwijze\n\nWij spraken met twaalf inwoners over hun ervaringen met de schuldhulpverlening van de gemeente.\n\n',
    '\n\nWe spoke with twelve residents about their experience of the debt support that the municipality offers them.\n\n',
    '\n\n- een punt in een lijst dat geen lopende tekst is\n- nog een punt\n\n',
    '\n\n> Een citaat van een inwoner die vertelt hoe de brief van de gemeente bij hem binnenkwam.\n\n',
    '\n\n## Dankwoord\n\nWij danken de inwoners en de consulenten voor hun tijd en hun openheid.\n\n',
    'Wij spraken met de consulenten. ',
  ],
  en: [
    'extra ',
    '\n\n',
    '# ',
    '## About this report\n\n',
    '\n\n### Method\n\nWe spoke with twelve residents about their experience of the employment support the council offers.\n\n',
    '\n\nWij spraken met twaalf inwoners over hun ervaringen met de ondersteuning bij werk die de gemeente biedt.\n\n',
    '\n\n- an item in a list that is not running text\n- another item\n\n',
    '\n\n> A quotation of a resident who tells how the letter from the council reached him.\n\n',
    '\n\n## Acknowledgements\n\nWe thank the residents and the caseworkers for their time and their openness.\n\n',
    'We spoke with the caseworkers. ',
  ],
};

describe('readability/section-score: section counts from per-run summaries equal a check from scratch after edits', function () {
  this.timeout(180000);
  for (const [file, language] of [['rapport-schuldhulp.md', 'nl'], ['report-employment-support.md', 'en']] as const) {
    it(`${language}: random edits on ${file} with text before the first heading and two copies`, () => {
      const sample = readFileSync(join(SAMPLES, file), 'utf8');
      const first = language === 'nl' ? 'Dit rapport gaat over de schuldhulp van de gemeente en over wat inwoners ervan merken.' : 'This report is about the employment support of the council and what residents notice of it.';
      const base = `${first}\n\n${sample}\n\n${sample}`;
      assertWarmEditsMatchFresh(base, {
        path: `section-counts-${language}.md`,
        config: reportAll(),
        edits: editsOf(PIECES[language]),
        project: scores,
        first: (r) => assert.ok(scores(r).length >= 10, 'every section with running text is reported'),
        cacheSize: 4000,
        numRuns: 25,
        seed: language === 'nl' ? 91 : 92,
      });
    });
  }

  it('nl + en: a heading put above the text before the first heading makes that text count (the same blocks in the same role, now in a section)', () => {
    for (const language of ['nl', 'en'] as const) {
      // A document without a study: a heading without role words gets the role of the text before any heading ("other").
      const paragraphs = (n: number, what: string) => Array.from({ length: n }, (_, i) => (language === 'nl' ? `Alinea ${i} over ${what} vertelt wat de inwoners over de buurt zeiden, en wat zij daarvan vonden.` : `Paragraph ${i} about ${what} tells what the residents said about the area, and what they thought of it.`)).join('\n\n');
      const before = paragraphs(30, 'de opening');
      const rest = `### ${language === 'nl' ? 'Buurt' : 'Area'}\n\n${paragraphs(30, 'de buurt')}\n`;
      const config = reportAll();
      const path = `section-counts-top-${language}.md`;
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const under = `### ${language === 'nl' ? 'Opening' : 'Opening'}\n\n${before}\n\n${rest}`;
      for (const text of [`${before}\n\n${rest}`, under, `${before}\n\n${rest}`, under]) {
        const again = warm.lint(text, { path, config });
        clearMarkdownCache();
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${path}`, config });
        assert.deepEqual(scores(again), scores(fresh));
      }
      // The text before the first heading and under it were analysed in the same role: their blocks share their analyses.
      const top = warm.lint(under, { path, config });
      assert.equal(top.sections[0]!.role, 'other');
      assert.ok(scores(top).length === 2, 'both sections are reported');
    }
  });
});
