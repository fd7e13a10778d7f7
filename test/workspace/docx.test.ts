import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/index.js';
import { paragraphAt, readDocx, snippetAt } from '../../server/src/workspace/docx.js';
import { buildDocx } from '../helpers/docx.js';

const LONG_NL =
  'De implementatie van de Participatiewet wordt door de gemeente en haar partners in de wijk uitgevoerd, en het is van belang dat er sprake is van een goede afstemming tussen alle betrokken partijen.';
const LONG_EN =
  'The implementation of the programme was carried out by the municipality and its many partners in the neighbourhood, and it is important that there is good coordination between all of the stakeholders involved in it.';

describe('Word documents (.docx, read with mammoth)', () => {
  it('turns headings, paragraphs, tables and footnotes into blocks with paragraph numbers', async () => {
    const doc = await readDocx(
      await buildDocx([
        { title: 'Evaluatie schuldhulp' },
        { heading: 1, text: 'Inleiding' },
        { paragraph: 'Dit rapport gaat over *schuldhulp* in <Utrecht> & omgeving.', footnote: 'Zie de Wet gemeentelijke schuldhulpverlening.' },
        { table: [['Jaar', 'Aanvragen'], ['2023', '120']] },
        { heading: 2, text: 'Aanpak' },
        { paragraph: '1. Dit is geen lijst maar een zin.' },
      ]),
    );
    assert.deepEqual(
      doc.paragraphs.map((p) => [p.number, p.kind]),
      [[1, 'heading'], [2, 'heading'], [3, 'paragraph'], [4, 'table-row'], [5, 'table-row'], [6, 'heading'], [7, 'paragraph'], [8, 'footnote']],
    );
    assert.match(doc.text, /^# Evaluatie schuldhulp\n\n# Inleiding\n\n/);
    assert.match(doc.text, /\n## Aanpak\n/);
    const r = lint(doc.text, { path: 'rapport.md' });
    assert.deepEqual(r.sections.map((s) => s.title), ['Evaluatie schuldhulp', 'Inleiding', 'Aanpak']);
    // Word's own characters stay text: no emphasis, HTML or list is made of them.
    const para = r.blocks.map((b) => b.analysed.block.text).find((t) => t.startsWith('Dit rapport'));
    assert.equal(para, 'Dit rapport gaat over *schuldhulp* in <Utrecht> & omgeving.');
    assert.ok(r.blocks.some((b) => b.analysed.block.text === '1. Dit is geen lijst maar een zin.'));
    // The footnote is prose of its own; the reference mark [1] is gone from the sentence.
    assert.ok(r.blocks.some((b) => b.analysed.block.text === 'Zie de Wet gemeentelijke schuldhulpverlening.'));
    assert.ok(!doc.text.includes('[1]') && !doc.text.includes('↑'));
  });

  it('places each finding by paragraph number with a snippet, in Dutch and English', async () => {
    for (const [sentence, heading] of [[LONG_NL, 'Resultaten'], [LONG_EN, 'Results']] as const) {
      const doc = await readDocx(await buildDocx([{ heading: 1, text: heading }, { paragraph: 'Een korte zin.' }, { paragraph: sentence }]));
      const r = lint(doc.text, { path: 'report.md' });
      const long = r.findings.find((f) => f.ruleId === 'readability/long-sentence');
      assert.ok(long, JSON.stringify(r.findings.map((f) => f.ruleId)));
      assert.equal(paragraphAt(doc, long!.offset)?.number, 3);
      assert.match(snippetAt(doc, long!.offset, long!.endOffset), new RegExp(`^${sentence.slice(0, 20)}`));
      const jargon = r.findings.find((f) => f.ruleId === 'vocabulary/jargon');
      assert.ok(jargon);
      assert.match(snippetAt(doc, jargon!.offset, jargon!.endOffset, 14), /^implementat/);
      assert.ok(snippetAt(doc, jargon!.offset, jargon!.endOffset, 14).length <= 14);
    }
  });

  it('says plainly when a file is not a Word document', async () => {
    await assert.rejects(readDocx(Buffer.from('dit is geen zip')), /not a readable Word document \(\.docx\)/);
  });
});
