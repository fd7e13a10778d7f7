import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

function unzip(args: string[]): string {
  const r = spawnSync('unzip', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('the .vsix is ready for the marketplace and Open VSX', function () {
  this.timeout(180_000);
  let dir = '';
  let vsix = '';
  let files: string[] = [];

  before(function () {
    if (spawnSync('unzip', ['-v']).status !== 0) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'brug-vsix-test-'));
    vsix = join(dir, 'brug.vsix');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--no-build', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    files = unzip(['-Z1', vsix]).split('\n').filter(Boolean);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the README, CHANGELOG, LICENSE, icon, bundles, dictionaries and rule pages', () => {
    for (const f of ['extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/client/images/icon.png', 'extension/client/dist/extension.js', 'extension/server/dist/server.cjs', 'extension/server/dist/pool-worker.mjs', 'extension/server/dist/lazy/yaml.cjs', 'extension/server/dist/lazy/ajv.cjs', 'extension/server/dist/lazy/mammoth.cjs', 'extension/server/schema/brug.schema.json']) {
      assert.ok(files.includes(f), `${f} is missing from the package`);
    }
    assert.ok(files.some((f) => f.startsWith('extension/docs/rules/')));
    assert.ok(files.some((f) => f.startsWith('extension/dictionaries/')));
    assert.ok(!files.some((f) => /node_modules|\/src\/|\.ts$|\.map$/.test(f)), 'no sources, maps or node_modules');
  });

  it('has the manifest fields the marketplaces show', () => {
    const manifest = JSON.parse(unzip(['-p', vsix, 'extension/package.json'])) as Record<string, unknown>;
    assert.equal(manifest.qna, false);
    assert.equal(manifest.license, 'EUPL-1.2');
    assert.ok(typeof manifest.icon === 'string');
    assert.ok(Array.isArray(manifest.categories) && manifest.categories.includes('Linters'));
    assert.ok(Array.isArray(manifest.keywords) && (manifest.keywords as unknown[]).length >= 5);
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; devDependencies: Record<string, string> };
    assert.equal(root.engines.node, '>=20', 'the README and CI use Node 20');
    const vsce = JSON.parse(readFileSync(join(ROOT, 'node_modules/@vscode/vsce/package.json'), 'utf8')) as { engines?: { node?: string } };
    assert.match(vsce.engines?.node ?? '', /20/, `@vscode/vsce needs Node ${vsce.engines?.node}`);
  });

  it('every relative link of the packaged README points at a file in the package', () => {
    const readme = unzip(['-p', vsix, 'extension/readme.md']);
    const links = [...readme.matchAll(/\]\((?!https?:|#|mailto:)([^)\s]+)\)/g)].map((m) => m[1]!.split('#')[0]!);
    assert.ok(links.length > 0, 'the README links to something in the package');
    for (const link of links) {
      const path = `extension/${link.replace(/^\.\//, '')}`;
      assert.ok(files.includes(path) || files.some((f) => f.startsWith(path.endsWith('/') ? path : `${path}/`)), `${link} is not in the package`);
    }
  });
});
