/** `brug report` and the JSON card: standalone HTML in the document's language, for every input format. */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import outputSchema from '../../server/schema/brug-output.schema.json' with { type: 'json' };
import { main } from '../../server/src/cli/main.js';
import { REPO_ROOT } from '../helpers/shared.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`), cwd });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'brug-report-'));

describe('practice: brug report', function () {
  this.timeout(120000); // whole CLI runs; the shared machine is slow at times
  it('writes <name>.brug.html beside the file: standalone, in the document language, with the card', async () => {
    const dir = tmp();
    const src = readFileSync(join(REPO_ROOT, 'samples', 'rapport-schuldhulp.md'), 'utf8');
    writeFileSync(join(dir, 'rapport.md'), src);
    const r = await cli(['report', 'rapport.md'], dir);
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(join(dir, 'rapport.brug.html'), 'utf8');
    assert.match(html, /<html lang="nl">/);
    for (let n = 1; n <= 12; n++) assert.match(html, new RegExp(`data-insight="${n}"`));
    assert.match(html, /<svg[^>]*role="img"/);
    assert.match(html, /Praktijkkaart/);
    assert.match(html, /@media print/);
    // No network and no scripts: nothing is loaded from elsewhere.
    assert.doesNotMatch(html, /<script|<link|@import|url\(|https?:\/\//i);
  });

  it('one page for several files with --output, for Markdown, LaTeX and plain text', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.tex'), '\\documentclass{article}\\begin{document}\\section{Recommendations}\\begin{itemize}\\item Caseworkers should call back within a week.\\end{itemize}\\end{document}\n');
    writeFileSync(join(dir, 'b.txt'), 'SUMMARY\n\nThis study was funded by the county. We interviewed twelve caseworkers.\n');
    writeFileSync(join(dir, 'c.md'), '# Report <script>alert(1)</script>\n\n## Rules & tools\n\nText and more text here.\n');
    const r = await cli(['report', 'a.tex', 'b.txt', 'c.md', '--output', 'all.html'], dir);
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(join(dir, 'all.html'), 'utf8');
    assert.match(html, /<html lang="en">/);
    assert.equal((html.match(/<article /g) ?? []).length, 3);
    assert.equal((html.match(/data-insight="6"/g) ?? []).length, 3);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /Rules &amp; tools/);
    assert.ok(!existsSync(join(dir, 'a.brug.html')));
  });

  it('the practical handles line takes the singular for one recommendation, in English and Dutch', async () => {
    const { labels } = await import('../../server/src/report/labels.js');
    assert.equal(labels('en').recs(1, 1), '1 of 1 recommendation for practice names who acts');
    assert.equal(labels('en').recs(2, 3), '2 of 3 recommendations for practice name who acts');
    assert.equal(labels('nl').recs(0, 1), '0 van 1 aanbeveling voor de praktijk noemt wie handelt');
    assert.equal(labels('nl').recs(2, 3), '2 van 3 aanbevelingen voor de praktijk noemen wie handelt');
  });

  it('a missing file is exit 2 with a message, and no page', async () => {
    const dir = tmp();
    const r = await cli(['report', 'nope.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\.md/);
  });
});

describe('practice: JSON output', function () {
  this.timeout(120000);
  it('files[].practiceFit has the twelve insights and matches the output schema', async () => {
    const r = await cli(['check', 'samples', '--format', 'json'], REPO_ROOT);
    const raw: unknown = JSON.parse(r.out);
    const json = raw as { files: Array<{ language: string; practiceFit: { items: Array<{ insight: number; title: string; evidence: Array<{ line: number; text: string }> }> } }> };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(outputSchema);
    assert.ok(validate(raw), JSON.stringify(validate.errors?.slice(0, 3)));
    for (const f of json.files) {
      assert.equal(f.practiceFit.items.length, 12);
      assert.deepEqual(f.practiceFit.items.map((i) => i.insight), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      for (const i of f.practiceFit.items) for (const e of i.evidence) assert.ok(e.line >= 1 && typeof e.text === 'string');
    }
    const nl = json.files.find((f) => f.language === 'nl')!;
    assert.equal(nl.practiceFit.items[5]!.title, 'Praktische handvatten');
  });
});
