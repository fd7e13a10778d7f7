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
import { Engine } from '../../../server/src/engine/engine.js';
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
/**
 * Also what the runs' uses taken together depend on outside a run: a glossary heading over them, a list of names
 * around them, a table cell after them that explains an acronym alone in a cell.
 */
const TABLE = '\n\n| Term | Meaning |\n| --- | --- |\n| GNRC | Greater North Research Council |\n| DWP |';
const PIECES = {
  en: ['extra ', 'the Greater North Research Council ', 'big ', 'The GNRC met. ', 'the DWP ', '\n\n', 'Department for Work and Pensions ', '[^1] ', '\n\n[^1]: Greater North Research Council.\n\n', '\n\n[^2]: Department for Work and Pensions.\n\n', '\n\n## Abbreviations\n\n', '\n\n- GNRC\n- DWP\n- One\n- Two\n- Three\n\n', '\n- Item\n', TABLE, ' Department of Work |\n\n'],
  nl: ['extra ', 'de Vereniging van de Gemeenten ', 'grote ', 'De VG kwam. ', 'de NVVK ', '\n\n', 'Nederlandse Vereniging voor Volkskrediet ', '[^1] ', '\n\n[^1]: Nederlandse Vereniging voor Volkskrediet.\n\n', '\n\n[^2]: Vereniging Gemeenten.\n\n', '\n\n## Afkortingen\n\n', '\n\n- VG\n- NVVK\n- Een\n- Twee\n- Drie\n\n', '\n- Punt\n', TABLE.replace('GNRC', 'VG'), ' Vereniging van Gemeenten |\n\n'],
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

    it(`${language}: a section renamed to a list of abbreviations and back (its runs the same, their section's title not)`, () => {
      const warm = engineFor().engine;
      const path = `abbr-glossary-${language}.md`;
      const glossary = language === 'en' ? '## Abbreviations' : '## Afkortingen';
      // An acronym used only far into the section (another run than its heading's).
      // Paragraphs that differ, so that the runs are cut by their blocks (runs.ts) and the later ones stay as they were.
      const filler = (n: number, at: number) => Array.from({ length: n }, (_, i) => (language === 'en' ? `We met ${i + at} residents of the town and talked about their letters.` : `Wij spraken ${i + at} bewoners van de stad over hun brieven.`));
      const used = language === 'en' ? 'The QRST team met, and the QRST team left.' : 'Het QRST-team kwam, en het QRST-team ging.';
      let text = ['# Report', ...filler(10, 0), '## Part A', ...filler(40, 10), used, ...filler(10, 50)].join('\n\n') + '\n';
      assert.ok(findings(warm.lint(text, { path })).some((f) => f.includes('QRST')), 'the acronym is never explained');
      for (const [i, step] of [(t: string) => t.replace('## Part A', glossary), (t: string) => t.replace(glossary, '## Part A')].entries()) {
        const next = step(text);
        assert.notEqual(next, text, `step ${i + 1} changes the text`);
        text = next;
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${path}` });
        assert.deepEqual(findings(warm.lint(text, { path })), findings(fresh), `${language}, after step ${i + 1}`);
      }
    });

    it(`${language}: a long list of names that stops being one (its later runs the same, the list's extent not)`, () => {
      const warm = engineFor().engine;
      const path = `abbr-fields-${language}.md`;
      // Thirty short items (a list of names: an acronym there is not a first use in running text), two with QRST.
      const items = Array.from({ length: 30 }, (_, i) => (i === 24 ? '- The QRST form' : i === 27 ? '- QRST code' : language === 'en' ? `- Field ${i} of the set` : `- Veld ${i} van de set`));
      let text = ['# Report', 'We met the residents.', '## Part A', ...items].join('\n\n') + '\n';
      assert.ok(!findings(warm.lint(text, { path })).some((f) => f.includes('QRST')), 'named in a list of names');
      // The first ten items made sentences: the list is no longer one of names, the later items are running text.
      const sentences = (t: string) => t.replace(/(- (?:Field|Veld) [0-9] (?:of the|van de) set)\n/g, '$1.\n');
      for (const [i, step] of [sentences, (t: string) => t.replace(/(- (?:Field|Veld) [0-9] (?:of the|van de) set)\.\n/g, '$1\n')].entries()) {
        const next = step(text);
        assert.notEqual(next, text, `step ${i + 1} changes the text`);
        text = next;
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${path}` });
        const again = findings(warm.lint(text, { path }));
        assert.deepEqual(again, findings(fresh), `${language}, after step ${i + 1}`);
        assert.equal(again.some((f) => f.includes('QRST')), i === 0, `${language}, step ${i + 1}: QRST a first use`);
      }
    });

    it(`${language}: a table cell that explains the acronym in the cell before it, changed (the two cells in one run or in two)`, () => {
      // "| QAB | Quality Assurance Board |": the acronym alone in a cell, its words in the next one, explains it. Eighty
      // rows: some runs of blocks end between an acronym's cell and its explanation, whose run an edit then changes
      // while the acronym's run stays as it was (its answers are kept for the cell after it: they must follow it).
      const warm = engineFor().engine;
      const path = `abbr-cells-${language}.md`;
      const letters = 'ABCDEFGHJKLMNPRSTVWZ';
      const acronym = (i: number) => `Q${letters[Math.floor(i / letters.length)]}${letters[i % letters.length]}`;
      const meaning = (i: number) => (language === 'en' ? `Quality board number ${i}` : `Kwaliteitsraad nummer ${i}`);
      const rows = Array.from({ length: 80 }, (_, i) => `| ${acronym(i)} | ${meaning(i)} |`);
      const uses = Array.from({ length: 80 }, (_, i) => (language === 'en' ? `The ${acronym(i)} met in week ${i + 1}, and the ${acronym(i)} wrote to us.` : `De ${acronym(i)} kwam in week ${i + 1} bijeen, en de ${acronym(i)} schreef ons.`));
      const doc = (plain: number[]) => ['# Report', language === 'en' ? '## Boards' : '## Raden', '| Board | Words |\n| --- | --- |\n' + rows.map((r, i) => (plain.includes(i) ? `| ${acronym(i)} | - |` : r)).join('\n'), language === 'en' ? '## Work' : '## Werk', ...uses].join('\n\n') + '\n';
      const flagged = (r: LintResult) => new Set(r.findings.filter((f) => f.ruleId === RULE).map((f) => (f.data as { acronym?: string }).acronym));
      assert.equal(flagged(warm.lint(doc([]), { path })).size, 0, 'every acronym explained in the table');
      let changed = 0;
      // Each row's explanation taken away and put back (whichever rows a run ends after), then two at once.
      const steps: number[][] = [];
      for (let i = 0; i < 80; i++) steps.push([i], []);
      steps.push([17, 41], [41], []);
      for (const plain of steps) {
        const text = doc(plain);
        const again = warm.lint(text, { path });
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${path}` });
        assert.deepEqual(findings(again), findings(fresh), `${language}: explanations of ${plain.join(', ') || 'none'} taken away`);
        assert.deepEqual([...flagged(again)].sort(), plain.map(acronym).sort(), `${language}: ${plain.join(', ')}`);
        changed += plain.length;
      }
      assert.ok(changed > 80);
    });

    it(`${language}: random edits that add, break and move names and first uses`, () => {
      assertWarmEditsMatchFresh(BASE[language], { path: `abbr-runs-${language}.md`, edits: editsOf(PIECES[language]), project: findings, cacheSize: 1000, numRuns: 30, seed: language === 'nl' ? 1611 : 1612 });
    });
  }
});
