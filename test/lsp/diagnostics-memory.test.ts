/**
 * A diagnostic outlives the text it was made from: after an edit elsewhere the server keeps the last check's
 * diagnostic object (toDiagnosticsAfterEdit), for as many edits as the finding stays put. What it holds of the
 * text (the stretches its fixes need, `data.holds`) must be copies: a slice would keep that version's whole text
 * alive (at 100,000 words 1.1 MB per version). Runs in a child process of its own, to collect and weigh its heap.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

// Twenty versions of a 1 MB text, each with a finding whose fix needs 40 characters around it (nl and en messages);
// only the diagnostics are kept.
const BODY = `
  const { toDiagnostic } = await import('./server/src/lsp/diagnostics.ts');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const kept = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 20; i++) {
    const text = 'Version ' + i + ': ' + 'We facilitate the work of others. '.repeat(30000);
    const at = text.indexOf('facilitate', 100);
    const finding = {
      ruleId: 'vocabulary/jargon', severity: 'hint', offset: at, endOffset: at + 10,
      message: { nl: 'Onderzoekstaal', en: 'Research language' },
      fixes: [{ title: { nl: 'Vervang', en: 'Replace' }, preferred: true, edits: [{ offset: at, endOffset: at + 10, newText: 'help' }] }],
    };
    const d = toDiagnostic(finding, TextDocument.create('file:///x.md', 'markdown', i, text), i % 2 ? 'nl' : 'en', 'file:///x.md', text);
    kept.push(d);
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ grew: after - before, holds: kept[0].data.holds.map((h) => h.text) }));
`;

function run(body: string): { grew: number; holds: string[] } {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', body], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { grew: number; holds: string[] };
}

describe('lsp/diagnostics: a kept diagnostic keeps no text alive', function () {
  this.timeout(120000);

  it('holds copies of the stretches its fixes need, not slices of the document (20 versions of 1 MB: < 4 MB kept)', () => {
    const out = run(BODY);
    assert.deepEqual(out.holds, ['facilitate', 'ers. We facilitate the wor']);
    assert.ok(out.grew < 4 * 1024 * 1024, `the diagnostics of 20 versions keep ${(out.grew / 1048576).toFixed(1)} MB`);
  });
});
