import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** One LSP message with its Content-Length header. */
function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/** Starts the installed language server, sends initialize, and resolves with the first response. */
function initializeOver(bin: string, cwd: string): Promise<{ capabilities?: Record<string, unknown>; serverInfo?: { name?: string } }> {
  return new Promise((done, fail) => {
    const child = spawn(bin, ['--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error(`no initialize response within 20 s; stderr: ${err}`));
    }, 20_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    let answered = false;
    // The server may be gone by the time a late write happens: that is no failure of the test.
    child.stdin.on('error', () => undefined);
    child.stdout.on('data', (d: Buffer) => {
      if (answered) return;
      out += d.toString('utf8');
      const m = /Content-Length: (\d+)\r\n\r\n/.exec(out);
      if (!m) return;
      const start = m.index + m[0].length;
      const body = Buffer.from(out.slice(start), 'utf8');
      if (body.length < Number(m[1])) return;
      const message = JSON.parse(body.subarray(0, Number(m[1])).toString('utf8')) as { id?: number; result?: unknown };
      if (message.id !== 1) return;
      answered = true;
      clearTimeout(timer);
      child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      child.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
      setTimeout(() => child.kill(), 1000).unref();
      done(message.result as { capabilities?: Record<string, unknown> });
    });
    child.on('error', fail);
    child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  });
}

describe('the npm package brug-cli (packed and installed in an empty folder)', function () {
  this.timeout(180_000);
  let dir = '';
  let installed = '';
  let prefix = '';
  const bin = (name: string) => join(prefix, 'bin', name);
  const pkgDir = () => join(prefix, 'lib', 'node_modules', 'brug-cli');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'brug-pack-'));
    const pack = spawnSync(npm, ['pack', '--workspace', 'server', '--pack-destination', dir, '--silent'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, `no tarball in ${dir}: ${pack.stdout}`);
    // `npm install -g`, into a prefix of its own; then use it from an empty folder.
    prefix = join(dir, 'global');
    installed = join(dir, 'empty');
    spawnSync('mkdir', ['-p', installed, prefix]);
    const install = spawnSync(npm, ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', join(dir, tarball!)], { cwd: installed, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('installs with npm install -g: not private, its files listed, no dependencies to fetch (the bundles carry them)', () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir(), 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.notEqual(pkg.private, true);
    assert.ok(Array.isArray(pkg.files));
    assert.equal(pkg.dependencies, undefined);
    const inPackage = readdirSync(pkgDir());
    for (const f of ['bin', 'dist', 'dictionaries', 'docs', 'schema', 'README.md', 'LICENSE']) assert.ok(inPackage.includes(f), f);
    assert.ok(!inPackage.includes('node_modules'), 'no dependencies were installed with it');
  });

  it('brug check works from the empty folder', () => {
    const report = 'De implementatie van de Participatiewet wordt door de gemeente en haar partners in de wijk uitgevoerd, en het is van belang dat er sprake is van een goede afstemming tussen alle betrokken partijen.\n';
    writeFileSync(join(installed, 'rapport.md'), `# Rapport\n\n${report}`);
    const r = spawnSync(bin('brug'), ['check', 'rapport.md', '--format', 'json'], { cwd: installed, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const json = JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> };
    assert.ok(json.files[0]!.findings.some((f) => f.ruleId === 'vocabulary/jargon'), r.stdout);
  });

  it('brug-language-server --stdio answers initialize', async () => {
    const result = await initializeOver(bin('brug-language-server'), installed);
    assert.ok(result.capabilities?.textDocumentSync !== undefined, JSON.stringify(result));
  });
});
