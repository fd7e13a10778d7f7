/**
 * The recommendation candidates kept with a recommendations section's run (speed only, s31: practice/analysis.ts
 * PracticeRun.recs, recommendations.ts recCandidatesOf): per run the first unit of each list item and the paragraphs
 * that recommend, combined per section at every check (its items, or its paragraphs when none of its runs has an item).
 * After random edits in and around the recommendations sections of real dev documents (list items that come or go,
 * recommending paragraphs, headings that split a section), in a warm engine, the practice card (its recommendations,
 * their places, sources and readings) and the findings must be those of a check from scratch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import type { Edit } from '../helpers/warm-edits.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { CORPUS_DIR as CORPUS } from '../helpers/shared.js';

/** Pieces that add list items, recommending paragraphs, headings (of recommendations or not) and blank lines. */
const PIECES: Record<'nl' | 'en', string[]> = {
  en: [
    'extra ',
    '\n\n',
    '\n',
    '\n- Managers should share the results.\n',
    '\n\nStaff should plan a meeting with parents.\n\n',
    '\n\nThis paragraph only describes.\n\n',
    '\n\n## Recommendations\n\n',
    '\n\n### Further research\n\n',
    '\n\n## Conclusion\n\n',
    'We recommend that staff share the findings. ',
  ],
  nl: [
    'extra ',
    '\n\n',
    '\n',
    '\n- Teamleiders moeten de uitkomsten delen.\n',
    '\n\nConsulenten moeten een overleg plannen met inwoners.\n\n',
    '\n\nDeze alinea beschrijft alleen.\n\n',
    '\n\n## Aanbevelingen\n\n',
    '\n\n### Vervolgonderzoek\n\n',
    '\n\n## Conclusie\n\n',
    'Wij bevelen aan dat consulenten de uitkomsten delen. ',
  ],
};

function practiceAndFindings(r: LintResult) {
  return {
    analyses: JSON.parse(JSON.stringify({ practiceFit: r.analyses.practiceFit })) as unknown,
    findings: r.findings.map((f) => ({ ruleId: f.ruleId, offset: f.offset, endOffset: f.endOffset, message: f.message })),
    errors: r.errors,
  };
}

/**
 * Edits in the recommendations sections (at the start of a line after the first recommendations heading, as shares of
 * `base`: they move a little with the edits before them), which add or remove list items and paragraphs there; and
 * edits anywhere.
 */
function editsInRecommendations(base: string, language: 'nl' | 'en'): fc.Arbitrary<Edit> {
  const heading = language === 'nl' ? /\n#+ [^\n]*(aanbeveling|advies|adviezen|handvat)/gi : /\n#+ [^\n]*(recommend|implication)/gi;
  const first = heading.exec(base);
  const from = first ? first.index : Math.floor(base.length / 2);
  const starts: number[] = [];
  for (const m of base.slice(from).matchAll(/\n(?=\S)/g)) starts.push((from + m.index + 1) / base.length);
  const near = fc.record({
    at: fc.constantFrom(...starts),
    remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 })),
    piece: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES[language].slice(3))),
  });
  return fc.oneof(near, near, near, editsOf(PIECES[language], 400));
}

const DOCUMENTS: Array<{ file: string; language: 'nl' | 'en'; seed: number }> = [
  { file: 'en/tanf-research-tribal-mvp-sprint.md', language: 'en', seed: 3201 },
  { file: 'nl/utrecht-geldhulp-keuzehulp-2.md', language: 'nl', seed: 3202 },
  { file: 'nl/mediflow-medicatievoorbereiding-wzc-ucd.md', language: 'nl', seed: 3203 },
  { file: 'nl/utrecht-geldhulp-keuzehulp-1.md', language: 'nl', seed: 3204 },
];

describe('practice card: kept recommendation candidates of recommendations runs equal a check from scratch (s31)', function () {
  this.timeout(600000);
  for (const { file, language, seed } of DOCUMENTS) {
    it(`random edits in the recommendations of ${file}`, () => {
      const base = readFileSync(join(CORPUS, file), 'utf8');
      assertWarmEditsMatchFresh(base, {
        path: `s31-candidates-${file.replace('/', '-')}`,
        edits: editsInRecommendations(base, language),
        project: practiceAndFindings,
        cacheSize: 4000,
        numRuns: 25,
        maxEdits: 6,
        seed,
      });
    });
  }
});
