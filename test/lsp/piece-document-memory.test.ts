/**
 * The server's store keeps a document in pieces (lsp/piece-document.ts); the pieces first cut from the text as opened
 * are slices of it. After a change the store must not keep that whole text alive through the pieces the change left
 * (ten documents of a million characters each kept their opened texts, at two bytes a character, before session 29). Runs in a child
 * process of its own, to collect and weigh its heap.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

// Ten documents of ~1M characters (no two pieces alike) with one curly quote each (so the opened text is stored at two bytes a character),
// each changed once and read through a view as a check reads it; only the stores are kept.
const BODY = `
  const { PieceDocument } = await import('./server/src/lsp/piece-document.ts');
  const kept = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 10; i++) {
    const opened = '\u2018Versie ' + i + '\u2019 ' + Array.from({ length: 40000 }, (_, k) => 'De cliënt ' + k + ' krijgt hulp.').join(' ');
    const doc = new PieceDocument('file:///x' + i + '.md', 'markdown', 1, opened);
    doc.textView();
    doc.update([{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 7 } }, text: 'Tekst' }], 2);
    const view = doc.textView();
    const changed = opened.slice(0, 1) + 'Tekst' + opened.slice(7);
    const same = view.length === changed.length && [0, 16380, 500000, changed.length - 40].every((at) => view.slice(at, at + 40) === changed.slice(at, at + 40));
    kept.push({ doc, same });
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ grew: after - before, same: kept.every((k) => k.same) }));
`;

describe('lsp/piece-document: a changed document keeps no copy of its opened text', function () {
  this.timeout(120000);

  it('ten changed documents of 1 MB keep their pieces only, mostly at one byte a character (< 20 MB; 24.5 MB before)', () => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', BODY], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { grew: number; same: boolean };
    assert.ok(out.same, 'each view reads the changed text');
    assert.ok(out.grew < 20 * 1024 * 1024, `the stores keep ${(out.grew / 1048576).toFixed(1)} MB`);
  });
});
