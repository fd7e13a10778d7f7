/**
 * Two things the practice card and the client perspective keep from one check to the next (speed only, s31): the units
 * of a recommendations section's run, kept with the run's summary and placed by its place (practice/units.ts
 * runAllUnits), with the actors that section titles name; and the client perspective's sums of the method sentences
 * corrected after an edit while some run reads list items after it (an open run, read again unless every block it
 * reads is one the engine kept; client/analysis.ts sourceSums, rereadOpen). After random edits of real dev documents in a warm engine, the analyses (the practice card, the client
 * perspective's verdict, evidence and sections) and the findings must be those of a check from scratch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import type { Edit } from '../helpers/warm-edits.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { CORPUS_DIR as CORPUS } from '../helpers/shared.js';

/** Pieces that add or break method sentences before a list, recommendations, list items, headings and blank lines. */
const PIECES: Record<'nl' | 'en', string[]> = {
  en: [
    'extra ',
    '\n\n',
    '\n',
    '\n\nWe interviewed:\n\n- caseworkers\n- parents\n',
    '\n- clients and their families\n',
    '\n- program staff\n',
    '\n\n## Recommendations for caseworkers\n\n- Caseworkers should plan a visit.\n- Managers: share the results.\n\n',
    '\n\n## Conclusion\n\n',
    'We recommend that staff share the findings. ',
  ],
  nl: [
    'extra ',
    '\n\n',
    '\n',
    '\n\nWe spraken met:\n\n- consulenten\n- inwoners\n',
    '\n- cliënten en hun naasten\n',
    '\n- medewerkers van de gemeente\n',
    '\n\n## Aanbevelingen voor teamleiders\n\n- Teamleiders: plan een overleg.\n- Consulenten moeten de uitkomsten delen.\n\n',
    '\n\n## Conclusie\n\n',
    'Wij bevelen aan dat consulenten de uitkomsten delen. ',
  ],
};

function analysesAndFindings(r: LintResult) {
  return {
    analyses: JSON.parse(JSON.stringify({ practiceFit: r.analyses.practiceFit, clientPerspective: r.analyses.clientPerspective })) as unknown,
    findings: r.findings.map((f) => ({ ruleId: f.ruleId, offset: f.offset, endOffset: f.endOffset, message: f.message })),
    errors: r.errors,
  };
}

/** List items naming clients or professionals, put at the start of a list item's line. */
const ITEMS: Record<'nl' | 'en', string[]> = {
  en: ['- clients and their families\n', '- program staff\n', '- caseworkers and managers\n', 'Not a list item.\n\n'],
  nl: ['- cliënten en hun naasten\n', '- medewerkers van de gemeente\n', '- consulenten en teamleiders\n', 'Geen opsomming.\n\n'],
};

/**
 * Edits at the start of a list item's line (as shares of `base`: they move a little with the edits before them), which
 * add an item, or end the list, that a method sentence before the list may read, or remove part of an item; and edits
 * anywhere.
 */
function editsNearLists(base: string, language: 'nl' | 'en'): fc.Arbitrary<Edit> {
  const starts: number[] = [];
  for (const m of base.matchAll(/\n(?=[-*] )/g)) starts.push((m.index + 1) / base.length);
  const near = fc.record({
    at: fc.constantFrom(...starts),
    remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
    piece: fc.oneof(fc.constant(''), fc.constantFrom(...ITEMS[language])),
  });
  return fc.oneof(near, near, editsOf(PIECES[language], 400));
}

/**
 * A method sentence before a long list (more blocks than a run has, so that the list runs on through runs after the
 * sentence's: an edit of its last items leaves the sentence's run before the edited stretch), as many items naming
 * clients as naming professionals (an item more of either side changes whom the method names), put after the first
 * third of a document's paragraphs.
 */
function withLongList(text: string, language: 'nl' | 'en'): string {
  const intro = language === 'nl' ? 'Voor dit onderzoek spraken we met:' : 'For this study we interviewed:';
  const items: string[] = [];
  for (let i = 1; i <= 30; i++) items.push(language === 'nl' ? `- cliënten uit wijk ${i}` : `- clients in region ${i}`, language === 'nl' ? `- consulenten uit wijk ${i}` : `- caseworkers in region ${i}`);
  const at = text.indexOf('\n\n', Math.floor(text.length / 3));
  return `${text.slice(0, at)}\n\n${intro}\n\n${items.join('\n')}\n${text.slice(at)}`;
}

const DOCUMENTS: Array<{ file: string; language: 'nl' | 'en'; seed: number; longList?: boolean }> = [
  // Two open runs (method sentences before a list) and a recommendations section.
  { file: 'en/tanf-research-tribal-mvp-sprint.md', language: 'en', seed: 3101 },
  // An open run.
  { file: 'en/tanf-research-local-experience.md', language: 'en', seed: 3102 },
  // Seventeen runs in recommendations sections.
  { file: 'nl/utrecht-geldhulp-keuzehulp-2.md', language: 'nl', seed: 3103 },
  { file: 'nl/mediflow-medicatievoorbereiding-wzc-ucd.md', language: 'nl', seed: 3104 },
  { file: 'en/tanf-research-local-experience.md', language: 'en', seed: 3105, longList: true },
  { file: 'nl/utrecht-geldhulp-keuzehulp-1.md', language: 'nl', seed: 3106, longList: true },
];

describe('practice card and client perspective: kept recommendation units and corrected source sums equal a check from scratch (s31)', function () {
  this.timeout(600000);
  for (const { file, language, seed, longList } of DOCUMENTS) {
    it(`random edits of ${file}${longList ? ' with a long list of interviewees' : ''}`, () => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const base = longList ? withLongList(text, language) : text;
      assertWarmEditsMatchFresh(base, {
        path: `s31-${longList ? 'list-' : ''}${file.replace('/', '-')}`,
        edits: editsNearLists(base, language),
        project: analysesAndFindings,
        cacheSize: 4000,
        numRuns: 25,
        maxEdits: 6,
        seed,
      });
    });
  }
});
