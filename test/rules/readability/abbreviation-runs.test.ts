/**
 * undefined-abbreviation keeps, per run of blocks (rules/block-runs.ts), whether a block of the run writes an acronym
 * out as a proper name ("the Greater North Research Council" before "GNRC"; nameBefore). After random edits in a warm
 * engine — a name added or broken before the first use, the acronym added before the name, paragraphs joined and
 * split — the rule's findings must be those of a check from scratch, in Dutch and English. The document is long
 * enough for many runs.
 */
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import type { LintResult } from '../../../server/src/engine/engine.js';

const RULE = 'readability/undefined-abbreviation';

function findings(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === RULE).map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, fixes: f.fixes }));
}

/** Paragraphs without the acronyms first (where an edit may write a name out), then paragraphs that use them. */
function document(before: string[], after: string[], count: number): string {
  const out = ['# Report', ''];
  for (let i = 0; i < count; i++) {
    if (i % 25 === 12) out.push(`## Part ${i}`, '');
    const list = i < (count * 2) / 3 ? before : after;
    out.push(list[i % list.length]!, '');
  }
  return out.join('\n');
}

const BASE = {
  en: document(
    [
      'We met the residents of the town in the spring and talked about their letters.',
      'We worked with the Greater North big Research Council on the survey.',
      'The Department for Work and big Pensions wrote to the families again.',
    ],
    ['The GNRC agreed to fund the work, and the DWP sent a reply.', 'Many families said the letters were hard to read; the GNRC and the DWP heard them.'],
    90,
  ),
  nl: document(
    [
      'Wij spraken in het voorjaar met de bewoners van de stad over hun brieven.',
      'Wij werkten met de Vereniging van grote Gemeenten aan de enquête.',
      'De Nederlandse Vereniging voor grote Volkskrediet schreef de gezinnen opnieuw.',
    ],
    ['De VG betaalde het werk en de NVVK stuurde een antwoord.', 'Veel gezinnen vonden de brieven moeilijk; de VG en de NVVK hoorden hen.'],
    90,
  ),
};

const PIECES = {
  en: ['extra ', 'the Greater North Research Council ', 'big ', 'The GNRC met. ', 'the DWP ', '\n\n', 'Department for Work and Pensions '],
  nl: ['extra ', 'de Vereniging van de Gemeenten ', 'grote ', 'De VG kwam. ', 'de NVVK ', '\n\n', 'Nederlandse Vereniging voor Volkskrediet '],
};

describe('undefined-abbreviation: a name written out earlier, from per-run answers, after edits equals a fresh check', function () {
  this.timeout(120000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: random edits that add, break and move names and first uses`, () => {
      assertWarmEditsMatchFresh(BASE[language], { path: `abbr-runs-${language}.md`, edits: editsOf(PIECES[language]), project: findings, cacheSize: 1000, numRuns: 30, seed: language === 'nl' ? 1611 : 1612 });
    });
  }
});
