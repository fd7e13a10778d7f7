import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { poolSize } from '../../server/src/workspace/pool.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

const NL = (i: number) => `# Verslag ${i}\n\nEr wordt door de gemeente gekeken naar de aanvragen van ${i} inwoners. Wij spreken hen elke week.\n`;
const EN = (i: number) => `# Report ${i}\n\nThe applications of ${i} residents are reviewed by the council. We facilitate the implementation of the roadmap.\n`;

describe('cli: checking many files on worker threads', function () {
  this.timeout(120000);
  let dir = '';
  const files: string[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'brug-pool-'));
    for (let i = 0; i < 6; i++) {
      const file = join(dir, `${String(i).padStart(2, '0')}-${i % 2 ? 'en' : 'nl'}.md`);
      writeFileSync(file, i % 2 ? EN(i) : NL(i));
      files.push(file);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('uses workers only for two files or more, and honours BRUG_WORKERS', () => {
    const saved = process.env.BRUG_WORKERS;
    try {
      process.env.BRUG_WORKERS = '3';
      assert.equal(poolSize(1, 10_000_000), 0);
      assert.equal(poolSize(5, 100), 3);
      assert.equal(poolSize(2, 100), 2);
      process.env.BRUG_WORKERS = '0';
      assert.equal(poolSize(10, 10_000_000), 0);
    } finally {
      if (saved === undefined) delete process.env.BRUG_WORKERS;
      else process.env.BRUG_WORKERS = saved;
    }
  });

  it('brug check prints the same report, in the same order, with workers as without', () => {
    if (!existsSync(join(ROOT, 'server', 'dist', 'pool-worker.mjs'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    const run = (workers: string, format: string) =>
      spawnSync(process.execPath, [join(ROOT, 'server', 'bin', 'brug.js'), 'check', dir, '--format', format], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BRUG_WORKERS: workers }, timeout: 60000 });
    for (const format of ['json']) {
      const serial = run('0', format);
      const pooled = run('2', format);
      assert.equal(pooled.status, serial.status);
      assert.ok(serial.stdout.length > 0);
      assert.equal(pooled.stdout, serial.stdout, `${format} output`);
      assert.equal(pooled.stderr, serial.stderr, 'no progress line when stderr is not a terminal');
    }
  });

  it("a worker's standard output goes to standard error, not to the process's standard output (the server's channel on --stdio)", () => {
    // A worker script that writes to its standard output before it answers (as a stray console.log in a dependency would).
    const script = join(dir, 'noisy-worker.mjs');
    writeFileSync(script, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (job) => { console.log('noise from a worker'); process.stdout.write('more noise\\n'); parentPort.postMessage({ id: job.id, result: { file: job.file } }); });\n");
    const pool = pathToFileURL(resolve(ROOT, 'server/src/workspace/pool.ts')).href;
    const main = `const { CheckPool } = await import(${JSON.stringify(pool)}); const p = new CheckPool(new URL(${JSON.stringify(pathToFileURL(script).href)}), 1); const r = await p.submit({ file: 'a.md' }); p.close(); process.stdout.write('RESULT ' + JSON.stringify(r));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', main], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'RESULT {"file":"a.md"}');
    assert.match(run.stderr, /noise from a worker/);
  });
});
