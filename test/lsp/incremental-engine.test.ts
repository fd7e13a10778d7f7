/**
 * The language server re-checks a document after each edit with a warm engine: analysed blocks,
 * parsed Markdown chunks and the rules' per-block summaries come from earlier checks. Whatever is
 * remembered, the result must be the one a check from scratch gives. Random edit sequences on
 * real-shaped reports (the samples, with footnotes added), in Dutch and English.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { ROOT } from './client.js';

/** A sample report with footnotes: a reference after the first sentence of every third paragraph, the definitions after each chapter. */
function footnoted(file: string): string {
  const text = readFileSync(join(ROOT, 'samples', file), 'utf8');
  const out: string[] = [];
  let pending: string[] = [];
  let n = 0;
  let paragraph = 0;
  for (const block of text.split(/\n\n+/)) {
    if (/^## /.test(block) && pending.length) {
      out.push(...pending);
      pending = [];
    }
    if (/^[A-ZÀ-Ý]/.test(block) && ++paragraph % 3 === 0) {
      const dot = block.indexOf('. ');
      if (dot > 0) {
        n++;
        out.push(`${block.slice(0, dot + 1)}[^${n}]${block.slice(dot + 1)}`);
        pending.push(`[^${n}]: ${block.slice(0, dot + 1)} Zie ook de bijlage, waar wij dit verder uitleggen voor de professionals in de wijk.`);
        continue;
      }
    }
    out.push(block);
  }
  out.push(...pending);
  return out.join('\n\n') + '\n';
}

/** What a check says, in a form to compare: every finding with its places, fixes and data; metrics and sections. */
function summary(r: LintResult): unknown {
  return {
    language: r.language,
    findings: r.findings,
    metrics: r.metrics,
    sections: r.sections,
    paragraphs: r.paragraphs,
    errors: r.errors,
  };
}

const PIECES = [
  'extra ',
  'Wij spraken veertig cliënten in de wijk. ',
  'The team interviewed twelve clients in their own homes. ',
  'Er werd door de onderzoekers geconstateerd dat de implementatie van het beleid suboptimaal verliep. ',
  'It was found that the operationalisation of the intervention was not sufficiently evaluated by the stakeholders involved. ',
  '\n\n',
  '\n\n## Aanbevelingen\n\n',
  '\n\n## Recommendations\n\n',
  '[^1]',
  ' (UWV) ',
  'het UWV ',
  '"Ik wist niet waar ik moest beginnen," zei een deelnemer. ',
  '\n\n[^9]: A footnote of its own, with a long sentence that goes on and on about the method that the researchers used in the study and what it meant for the professionals.\n\n',
  'reïntegratie 😀 ',
];

const edit = editsOf(PIECES);

describe('lsp: a warm engine after edits gives the result of a check from scratch', function () {
  this.timeout(240000);

  for (const [file, language] of [['rapport-schuldhulp.md', 'nl'], ['report-employment-support.md', 'en']] as const) {
    it(`${language}: random edits (insertions, deletions, new sections, footnotes) on ${file}`, () => {
      const base = footnoted(file);
      assert.ok((base.match(/\[\^\d+\]:/g) ?? []).length >= 5, 'the text has footnote definitions');
      assertWarmEditsMatchFresh(base, { path: `warm-${language}.md`, edits: edit, project: summary, cacheSize: 1000, numRuns: 12, seed: language === 'nl' ? 101 : 202 });
    });
  }

  // The sections' and the document's counts are summed per run of blocks and kept per run (engine.ts RunCounts):
  // headings of every level added, removed and cut in two move blocks between sections and sections under others.
  const headingEdits = editsOf([
    '\n\n# Deel twee\n\n',
    '\n\n## Methode\n\n',
    '\n\n### Interviews\n\n',
    '\n\n#### Detail\n\n',
    '\n\n',
    '# ',
    'Wij spraken veertig cliënten in de wijk. ',
    'The team interviewed twelve clients in their own homes. ',
    'It was found that the operationalisation of the intervention was not sufficiently evaluated by the stakeholders involved. ',
  ]);
  for (const [file, language] of [['rapport-schuldhulp.md', 'nl'], ['report-employment-support.md', 'en']] as const) {
    it(`${language}: section and document counts after edits that add, remove and nest headings (${file})`, () => {
      const base = footnoted(file);
      assertWarmEditsMatchFresh(base, {
        path: `warm-sections-${language}.md`,
        edits: headingEdits,
        project: (r) => ({ sections: r.sections, metrics: r.metrics, paragraphs: r.paragraphs }),
        cacheSize: 1000,
        numRuns: 12,
        seed: language === 'nl' ? 303 : 404,
      });
    });
  }
});
