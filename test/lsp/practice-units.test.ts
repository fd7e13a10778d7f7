/**
 * Practice units kept across checks (engine/practice/units.ts): a block that an edit left alone
 * keeps its unit objects, moved to the block's new place. After random edits in a warm engine the
 * units (text, place, line, section, kind, thanks and plan marks) and the practice-fit card must
 * be those of a check from scratch, in Dutch and English.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import { practiceFit } from '../../server/src/engine/practice/analysis.js';
import { practiceLexicon } from '../../server/src/engine/practice/lexicon.js';
import { unitsOf } from '../../server/src/engine/practice/units.js';
import type { DocumentModel } from '../../server/src/engine/rules/types.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const ROOT = join(import.meta.dirname, '..', '..');

const PIECES = [
  'extra ',
  '\n\n',
  '\n\n## Dankwoord\n\n',
  '\n\n## Acknowledgements\n\n',
  '\n\n## Aanbevelingen\n\n- Teamleiders plannen elk kwartaal een gesprek met cliënten.\n\n',
  '\n\n## Recommendations\n\n- Managers should discuss the results with the professionals.\n\n',
  'We will interview twenty clients next year. ',
  'Wij spraken veertig cliënten in de wijk. ',
  '\n\n### Future research\n\n',
  // Pseudo-headings of recommendations and "we recommend" (the cached per-block summaries of checkUnits).
  '\n\n**Recommendations**\n\n- Teams should plan a weekly visit.\n\n',
  '\n\n**Aanbevelingen**\n\n',
  'We recommend that managers plan the visits. ',
];

/** A unit as a plain value: everything the practice analysis reads of it. */
function plain(doc: DocumentModel, language: 'nl' | 'en') {
  return unitsOf(doc, practiceLexicon(language)).map((u) => ({
    text: u.text,
    line: u.line,
    offset: u.offset,
    endOffset: u.endOffset,
    section: u.section,
    block: u.block,
    kind: u.kind,
    template: u.template,
    acknowledgements: u.acknowledgements,
    plan: u.plan,
  }));
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 400 })),
  piece: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES)),
});

describe('lsp: practice units kept across checks give the units of a check from scratch', function () {
  this.timeout(120000);
  for (const [file, language] of [['rapport-schuldhulp.md', 'nl'], ['report-employment-support.md', 'en']] as const) {
    it(`${language}: random edits on ${file} (units, then the practice-fit card)`, () => {
      // The sample twice: blocks whose text occurs twice share one analysis.
      const sample = readFileSync(join(ROOT, 'samples', file), 'utf8');
      const base = `${sample}\n\n${sample}`;
      const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
      warm.lint(base, { path: `warm-${language}.md` });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
          let text = base;
          let last;
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.piece + text.slice(Math.min(text.length, at + e.remove));
            last = warm.lint(text, { path: `warm-${language}.md` });
            // Units read twice per check in the server (analysis and rules): the second read sees the same.
            assert.deepEqual(plain(last.model, language), plain(last.model, language));
          }
          clearMarkdownCache();
          const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${language}.md` });
          assert.deepEqual(plain(last!.model, language), plain(fresh.model, language));
          assert.deepEqual(practiceFit(last!.model), practiceFit(fresh.model));
        }),
        { numRuns: 15, seed: language === 'nl' ? 7 : 8 },
      );
    });
  }
});
