/**
 * undefined-abbreviation keeps, per run of blocks (rules/block-runs.ts), whether a block of the run writes an acronym
 * out as a proper name ("the Greater North Research Council" before "GNRC"; nameBefore). After random edits in a warm
 * engine — a name added or broken before the first use, the acronym added before the name, paragraphs joined and
 * split, a footnote that writes an acronym out added or broken (the footnotes' sentences are kept per run) — the
 * rule's findings must be those of a check from scratch, in Dutch and English. The document is long enough for many
 * runs.
 */
import { strict as assert } from 'node:assert';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { engineFor } from '../../../server/src/workspace/engine.js';

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
  // A footnote that writes nothing out (its answers are kept while the footnotes are the same).
  out.push('We kept the letters.[^9]', '', '[^9]: Letters of the town, kept in the archive.', '');
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

/** Footnotes too: one that writes an acronym out explains it for the whole report (spelledOutInNotes). */
const PIECES = {
  en: ['extra ', 'the Greater North Research Council ', 'big ', 'The GNRC met. ', 'the DWP ', '\n\n', 'Department for Work and Pensions ', '[^1] ', '\n\n[^1]: Greater North Research Council.\n\n', '\n\n[^2]: Department for Work and Pensions.\n\n'],
  nl: ['extra ', 'de Vereniging van de Gemeenten ', 'grote ', 'De VG kwam. ', 'de NVVK ', '\n\n', 'Nederlandse Vereniging voor Volkskrediet ', '[^1] ', '\n\n[^1]: Nederlandse Vereniging voor Volkskrediet.\n\n', '\n\n[^2]: Vereniging Gemeenten.\n\n'],
};

describe('undefined-abbreviation: a name written out earlier, from per-run answers, after edits equals a fresh check', function () {
  this.timeout(120000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: a footnote that writes the acronym out, added after the first use and taken away again`, () => {
      // Asserted, not compared with a second engine: the footnotes' answers are kept by the rule's module, which a
      // fresh engine in the same process shares.
      const warm = engineFor().engine;
      const acronym = language === 'en' ? 'GNRC' : 'NVVK';
      const note = language === 'en' ? '[^1]: Greater North Research Council.' : '[^1]: Nederlandse Vereniging voor Volkskrediet.';
      const has = (text: string) => warm.lint(text, { path: `abbr-notes-${language}.md` }).findings.some((f) => f.ruleId === RULE && (f.data as { acronym?: string }).acronym === acronym);
      const base = BASE[language];
      assert.ok(has(base), 'the acronym is never explained');
      assert.ok(!has(`${base}\n${note}\n`), 'a footnote writes it out');
      assert.ok(has(base), 'the footnote is gone');
      assert.ok(!has(`${base}\n${note}\n`), 'the footnote is back');
    });

    it(`${language}: random edits that add, break and move names and first uses`, () => {
      assertWarmEditsMatchFresh(BASE[language], { path: `abbr-runs-${language}.md`, edits: editsOf(PIECES[language]), project: findings, cacheSize: 1000, numRuns: 30, seed: language === 'nl' ? 1611 : 1612 });
    });
  }
});
