/**
 * Two document-wide tallies kept up to date by the blocks an edit changed (engine/incremental.ts BlockStates), which
 * compare only the blocks of the runs the edit did not leave as they were (RunSlots.change(), knownEnds):
 * - the term rules' counts of a field's words (practiceIn: "service delivery" is the report's own term in a report
 *   that says "clinical" three times or more; "framework" in one about JavaScript);
 * - undefined-abbreviation's ordinary words (an acronym the report also writes as an ordinary word, HOME and home,
 *   is emphasis, not an abbreviation).
 * After random edits that add and remove those words and paragraphs in a long document (many runs), a warm engine
 * must give the findings of a check from scratch, in Dutch and English.
 */
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import type { LintResult } from '../../../server/src/engine/engine.js';

const RULES = new Set(['vocabulary/jargon', 'readability/undefined-abbreviation']);

function findings(r: LintResult): string[] {
  return r.findings.filter((f) => RULES.has(f.ruleId)).map((f) => JSON.stringify({ ruleId: f.ruleId, offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related, fixes: f.fixes }));
}

/** Paragraphs in turn, a heading now and then; the field's word and the ordinary word only in the few paragraphs given. */
function document(filler: string[], few: string[], count: number): string {
  const out = ['# Report', ''];
  for (let i = 0; i < count; i++) {
    if (i % 25 === 12) out.push(`## Part ${i}`, '');
    out.push(i % 30 === 7 ? few[(i / 30) | 0]! : filler[i % filler.length]!, '');
  }
  return out.join('\n');
}

const BASE = {
  en: document(
    [
      'We met the residents of the town in the spring and talked about their letters.',
      'The service delivery in the region was slow, and the HOME team said so.',
      'Many families said the letters were hard to read; the HOME team heard them.',
    ],
    ['The clinical staff wrote to us.', 'A clinical nurse joined the visits.', 'The clinical lead signed it, and we went home.', 'We stayed at home.'],
    100,
  ),
  nl: document(
    [
      'Wij spraken in het voorjaar met de bewoners van de stad over hun brieven.',
      'De zelfredzaamheid van de bewoners was klein, zei het HOME team.',
      'Veel gezinnen vonden de brieven moeilijk; het HOME team hoorde hen.',
    ],
    ['Het wijkteam schreef ons.', 'Een wijkteam deed mee met de bezoeken.', 'Het wijkteam tekende het, en wij gingen naar home.', 'Wij bleven home.'],
    100,
  ),
};

const PIECES = {
  en: ['extra ', 'clinical ', 'The clinical team. ', 'home ', 'HOME ', 'The service delivery. ', '\n\n', '\n\n## Part\n\n'],
  nl: ['extra ', 'wijkteam ', 'Het wijkteam. ', 'home ', 'HOME ', 'De zelfredzaamheid. ', '\n\n', '\n\n## Deel\n\n'],
};

describe('tallies corrected by the blocks an edit changed, compared only outside the runs it left: equal to a fresh check', function () {
  this.timeout(180000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: random edits that add and remove a field's words, ordinary words and paragraphs`, () => {
      assertWarmEditsMatchFresh(BASE[language], { path: `edited-stretch-${language}.md`, edits: editsOf(PIECES[language]), project: findings, cacheSize: 1000, numRuns: 40, seed: language === 'nl' ? 2301 : 2302 });
    });
  }
});
