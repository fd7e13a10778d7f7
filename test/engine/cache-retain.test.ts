/**
 * The engine's block cache outlives the text it was made from: after an edit, the analyses of the blocks the edit left
 * alone are served again, for as many edits as the block stays as it is. What a cached analysis holds of the text (its
 * block and the block's text) must be a copy: the plain-text and LaTeX readers hand out block texts that are slices of
 * the document, and a slice would keep that version's whole text alive (a language server editing a long .txt or .tex
 * file kept one old version per edit). Runs in a child process of its own, to collect and weigh its heap.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

// 8,000 paragraphs (~0.7 MB of text), checked once, then 20 versions with one word added to one paragraph each, checked
// by name as the language server does; only the engine keeps anything.
const body = (format: 'txt' | 'tex') => `
  const { engineFor } = await import('./server/src/workspace/engine.ts');
  const engine = engineFor().engine;
  const lead = ${format === 'tex' ? `'\\\\documentclass{article}\\n\\\\begin{document}\\n'` : `''`};
  const tail = ${format === 'tex' ? `'\\n\\\\end{document}\\n'` : `'\\n'`};
  const paragraphs = [];
  for (let i = 0; i < 8000; i++) paragraphs.push(i % 2 ? 'Paragraph ' + i + ' of the report on debt advice and the way back to work in the municipality.' : 'Alinea ' + i + ' van het rapport over schuldhulp en re-integratie in de gemeente, met cliënten.');
  let doc = lead + paragraphs.join('\\n\\n') + tail;
  const options = { path: 'report.${format}', uri: 'file:///report.${format}' };
  engine.lint(doc, options);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let k = 0; k < 20; k++) {
    const at = doc.indexOf(' ' + (k * 397 + 11) + ' ');
    // A new version as an editor's document store makes it: a text of its own.
    doc = (' ' + doc.slice(0, at) + ' extra' + doc.slice(at)).slice(1);
    engine.lint(doc, options);
    await new Promise((resolve) => setImmediate(resolve));
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ grew: after - before, version: doc.length }));
`;

function run(format: 'txt' | 'tex'): { grew: number; version: number } {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', body(format)], { cwd: ROOT, encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { grew: number; version: number };
}

describe('engine: cached analyses keep no old version of the document alive', function () {
  this.timeout(240000);

  for (const format of ['txt', 'tex'] as const) {
    it(`${format}: 20 edits of a ~0.7 MB document keep far less than 20 versions (nl and en paragraphs)`, () => {
      const out = run(format);
      // One version is ~0.7 MB; with the slices kept the heap grew by ~20 MB, with copies by ~7 MB (stale analyses
      // not yet swept, each edit's new blocks).
      assert.ok(out.version > 600000, `the document has ${out.version} characters`);
      assert.ok(out.grew < 13 * 1024 * 1024, `20 edits keep ${(out.grew / 1048576).toFixed(1)} MB`);
    });
  }
});
