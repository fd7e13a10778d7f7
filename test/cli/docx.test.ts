import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeWorkspaces, runCli, tempWorkspace } from '../helpers/workspace.js';
import { buildDocx } from '../helpers/docx.js';
import outputSchema from '../../server/schema/brug-output.schema.json' with { type: 'json' };

const LONG_NL =
  'De implementatie van de Participatiewet wordt door de gemeente en haar partners in de wijk uitgevoerd, en het is van belang dat er sprake is van een goede afstemming tussen alle betrokken partijen.';
const LONG_EN =
  'The implementation of the programme was carried out by the municipality and its many partners in the neighbourhood, and it is important that there is good coordination between all of the stakeholders involved.';

async function report(sentence: string, heading: string): Promise<Buffer> {
  return buildDocx([{ title: heading }, { heading: 1, text: heading }, { paragraph: 'Een korte zin.' }, { paragraph: sentence, footnote: 'Zie bijlage 2.' }]);
}

describe('brug check on Word documents (.docx)', () => {
  after(removeWorkspaces);

  it('finds .docx files in folders and places findings by paragraph and snippet (Dutch)', async () => {
    const dir = tempWorkspace('brug-docx-', { 'rapporten/evaluatie.docx': await report(LONG_NL, 'Evaluatie') });
    const r = await runCli(['check', 'rapporten'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^rapporten\/evaluatie\.docx:¶4 "De implementatie van de Participatiewet wordt door de gemee…" warning .+\[readability\/long-sentence\]$/m);
    assert.match(r.out, /^rapporten\/evaluatie\.docx:¶4 "implementatie van de [^"]*" (info|hint) .+\[vocabulary\/jargon\]$/m);
    assert.doesNotMatch(r.out, /evaluatie\.docx:\d+:\d+/);
  });

  it('gives JSON with positions "paragraphs", valid against the output schema (English)', async () => {
    const dir = tempWorkspace('brug-docx-', { 'report.docx': await report(LONG_EN, 'Evaluation') });
    const r = await runCli(['check', 'report.docx', '--format', 'json'], dir);
    const json = JSON.parse(r.out);
    const file = json.files[0];
    assert.equal(file.format, 'docx');
    assert.equal(file.positions, 'paragraphs');
    const long = file.findings.find((f: { ruleId: string }) => f.ruleId === 'readability/long-sentence');
    assert.equal(long.paragraph, 4);
    assert.match(long.snippet, /^The implementation of the programme/);
    assert.ok(file.findings.every((f: { fixes: unknown[] }) => f.fixes.length === 0), 'no edits for a Word document');
    // The schema describes it.
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(outputSchema);
    assert.ok(validate(json), JSON.stringify(validate.errors));
  });

  it('--fix refuses to change a .docx, says so, and leaves the bytes alone', async () => {
    const bytes = await report(LONG_NL, 'Evaluatie');
    const dir = tempWorkspace('brug-docx-', { 'r.docx': bytes });
    const r = await runCli(['check', 'r.docx', '--fix'], dir);
    assert.match(r.err, /--fix does not change Word documents/);
    assert.ok(readFileSync(join(dir, 'r.docx')).equals(bytes));
  });

  it('says plainly when a .docx is not a Word document, and exits 2', async () => {
    const dir = tempWorkspace('brug-docx-', { 'kapot.docx': 'dit is geen Word-bestand' });
    const r = await runCli(['check', 'kapot.docx'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /kapot\.docx: not a readable Word document \(\.docx\)/);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack');
  });
});

describe('brug report on Word documents (.docx)', () => {
  after(removeWorkspaces);

  it('writes the HTML report for a .docx beside it, with the practice card', async () => {
    const dir = tempWorkspace('brug-docx-report-', { 'evaluatie.docx': await report(LONG_NL, 'Evaluatie') });
    const r = await runCli(['report', 'evaluatie.docx'], dir);
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(join(dir, 'evaluatie.brug.html'), 'utf8');
    assert.match(html, /<html lang="nl"/);
    assert.equal((html.match(/data-insight="\d+"/g) ?? []).length >= 12, true);
    assert.match(html, /implementatie/);
  });
});
