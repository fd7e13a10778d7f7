/**
 * The sections' and the document's counts after an edit, corrected from the last check's for the runs of blocks the
 * edit changed (engine.ts sumRuns): after any series of edits the sections and metrics of a check from scratch.
 */
import { editsOf, assertWarmEditsMatchFresh } from '../helpers/warm-edits.js';

function report(lang: 'nl' | 'en', chapters: number): string {
  const para =
    lang === 'nl'
      ? ['Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp van de gemeente.', 'Het UWV hielp niet altijd; "ik wist niet waar ik moest beginnen," zei een deelnemer.', '- Een vast aanspreekpunt.\n- Een eerste gesprek binnen twee weken.']
      : ['We interviewed forty clients about their debts and about the help the municipality gave them.', 'The agency did not always help; "I did not know where to start," one participant said.', '- A fixed contact.\n- A first talk within two weeks.'];
  const out: string[] = [lang === 'nl' ? '# Rapport over schuldhulp' : '# Report on debt support'];
  for (let c = 0; c < chapters; c++) {
    out.push(`## ${lang === 'nl' ? 'Hoofdstuk' : 'Chapter'} ${c + 1}`);
    // Some chapters of many paragraphs (several runs of blocks in one section), the others short.
    for (let p = 0; p < (c % 3 === 1 ? 25 : 3); p++) out.push(`${para[(c + p) % para.length]} (${c}.${p})`);
    if (c % 2 === 0) {
      out.push(`### ${lang === 'nl' ? 'Deel' : 'Part'} ${c + 1}.1`);
      out.push(`${para[c % para.length]} ADHD (${c}).`);
      out.push(`#### ${lang === 'nl' ? 'Detail' : 'Detail'} ${c + 1}.1.1`);
      out.push(`${para[(c + 1) % para.length]} 😀`);
    }
  }
  return `${out.join('\n\n')}\n`;
}

const PIECES = ['\n\n## Nieuw hoofdstuk\n\n', '\n\n### Sub\n\n', '\n\n#### Dieper\n\n', '\n\n# Top\n\n', 'extra words here ', '\n\nA new paragraph of prose with several words.\n\n', '\r\n\r\n## CRLF-kop\r\n\r\n', '#', '\n\n'];

describe('engine: section and document counts corrected after an edit', function () {
  this.timeout(300_000);
  for (const lang of ['nl', 'en'] as const) {
    it(`${lang}: sections and metrics equal a check from scratch after edits adding and removing headings of every level, blocks, CRLF (fast-check)`, () => {
      assertWarmEditsMatchFresh(report(lang, 9), {
        path: `section-sums-${lang}.md`,
        edits: editsOf(PIECES),
        project: (r) => ({ sections: r.sections, metrics: r.metrics }),
        cacheSize: 5000,
        numRuns: 30,
        seed: lang === 'nl' ? 23 : 232,
      });
    });
  }
});
