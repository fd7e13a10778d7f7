/**
 * Two document-wide tallies kept up to date by the blocks an edit changed (engine/incremental.ts BlockStates), which
 * compare only the blocks the edit did not leave as they were (incremental.ts BlockEdit, noted by the engine):
 * - the term rules' counts of a field's words (practiceIn: "service delivery" is the report's own term in a report
 *   that says "clinical" three times or more; "framework" in one about JavaScript);
 * - undefined-abbreviation's ordinary words (an acronym the report also writes as an ordinary word, HOME and home,
 *   is emphasis, not an abbreviation);
 * - the term rules' titles that sentences with an adopting verb could name ("This Code of Conduct is adapted from …":
 *   the section is someone else's text, its terms are not reported), counted per run and corrected by the runs an
 *   edit changed.
 * After random edits that add and remove those words and paragraphs in a long document (many runs), a warm engine
 * must give the findings of a check from scratch, in Dutch and English.
 */
import { strict as assert } from 'node:assert';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import { Engine } from '../../../server/src/engine/engine.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { engineFor } from '../../../server/src/workspace/engine.js';

const RULES = new Set(['vocabulary/jargon', 'readability/undefined-abbreviation']);

function findings(r: LintResult): string[] {
  return r.findings.filter((f) => RULES.has(f.ruleId)).map((f) => JSON.stringify({ ruleId: f.ruleId, offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related, fixes: f.fixes }));
}

/** Paragraphs in turn, a heading now and then; the field's word and the ordinary word only in the few paragraphs given. */
function document(filler: string[], few: string[], adopted: string[], count: number): string {
  const out = ['# Report', ''];
  for (let i = 0; i < count; i++) {
    if (i % 25 === 12) out.push(`## Part ${i}`, '');
    if (i === 50) out.push(...adopted.flatMap((x) => [x, '']));
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
    ['The clinical staff wrote to us.', 'A clinical nurse joined the visits.', 'The lead signed it, and we went home.', 'We stayed at home.'],
    ['## Code of Conduct', 'This Code of Conduct is adapted from the Contributor Covenant. The service delivery is fine.'],
    100,
  ),
  nl: document(
    [
      'Wij spraken in het voorjaar met de bewoners van de stad over hun brieven.',
      'De zelfredzaamheid van de bewoners was klein, zei het HOME team.',
      'Veel gezinnen vonden de brieven moeilijk; het HOME team hoorde hen.',
    ],
    ['Het wijkteam schreef ons.', 'Een wijkteam deed mee met de bezoeken.', 'De wethouder tekende het, en wij gingen naar home.', 'Wij bleven home.'],
    ['## Gedragscode', 'Deze gedragscode is overgenomen van de VNG. De zelfredzaamheid is groot.'],
    100,
  ),
};

const PIECES = {
  en: ['extra ', 'clinical ', 'The clinical team. ', 'home ', 'HOME ', 'The service delivery. ', '\n\n', '\n\n## Part\n\n', '\n\n## Code of Conduct\n\n', 'This Code of Conduct is adapted from the Covenant. ', 'Code of Conduct '],
  nl: ['extra ', 'wijkteam ', 'Het wijkteam. ', 'home ', 'HOME ', 'De zelfredzaamheid. ', '\n\n', '\n\n## Deel\n\n', '\n\n## Gedragscode\n\n', 'Deze gedragscode is overgenomen van de VNG. ', 'Gedragscode '],
};

describe('tallies corrected by the blocks and runs an edit changed: equal to a fresh check', function () {
  this.timeout(180000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: edits in the adopted section, its title and the field's words, one after the other`, () => {
      const en = language === 'en';
      const title = en ? 'Code of Conduct' : 'Gedragscode';
      const said = en ? 'is adapted from' : 'is overgenomen van';
      const named = en ? 'Code of Conduct' : 'gedragscode';
      const steps: Array<(t: string) => string> = [
        // A word in the adopted paragraph (its run changes), then taken out again.
        (t) => t.replace(`${said} `, `${said} extra `),
        (t) => t.replace(`${said} extra `, `${said} `),
        // The sentence no longer names the title; then it does again.
        (t) => t.replace(`${said} `, 'was '),
        (t) => t.replace(`${named} was `, `${named} ${said} `),
        // The heading renamed and back; a second adopted section further on.
        (t) => t.replace(`## ${title}`, '## Things'),
        (t) => t.replace('## Things', `## ${title}`),
        (t) => `${t}\n## ${title}\n\n${en ? 'This Code of Conduct is adapted from the Covenant. The service delivery.' : 'Deze gedragscode is overgenomen van de VNG. De zelfredzaamheid.'}\n`,
        // The field's word a third time (the term is the report's own), and gone again.
        (t) => t.replace(en ? 'The lead signed' : 'De wethouder tekende', en ? 'The clinical lead signed' : 'Het wijkteam tekende'),
        (t) => t.replace(en ? 'The clinical lead signed' : 'Het wijkteam tekende', en ? 'The lead signed' : 'De wethouder tekende'),
      ];
      const warm = engineFor().engine;
      let text = BASE[language];
      warm.lint(text, { path: `edited-steps-${language}.md` });
      for (const [i, step] of steps.entries()) {
        const next = step(text);
        assert.notEqual(next, text, `step ${i + 1} changes the text`);
        text = next;
        const again = warm.lint(text, { path: `edited-steps-${language}.md` });
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-steps-${language}.md` });
        assert.deepEqual(findings(again), findings(fresh), `${language}, after step ${i + 1}`);
      }
    });

    it(`${language}: random edits that add and remove a field's words, ordinary words, adopted sections and paragraphs`, () => {
      assertWarmEditsMatchFresh(BASE[language], { path: `edited-stretch-${language}.md`, edits: editsOf(PIECES[language]), project: findings, cacheSize: 1000, numRuns: 40, seed: language === 'nl' ? 2301 : 2302 });
    });
  }
});
