#!/usr/bin/env node
// Stages what the npm package brug-cli (the server/ workspace) needs besides its own files, before
// `npm pack` / `npm publish` (prepack), and removes it again afterwards (postpack, --clean):
//   - the bundles (server/dist/, built here so a pack never ships stale or missing code);
//   - dictionaries/, docs/ and the README and LICENSE of the repository root.
// The bundles carry every dependency (esbuild), so the package has no dependencies to install.
// resourceRoot() finds dictionaries/ by walking up from dist/, so the copies sit beside dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'server');
const STAGED = ['dictionaries', 'docs', 'README.md', 'LICENSE'];

if (process.argv.includes('--clean')) {
  for (const rel of STAGED) rmSync(join(server, rel), { recursive: true, force: true });
  process.exit(0);
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  process.stderr.write('stage-server-package: the build failed\n');
  process.exit(1);
}
for (const f of ['dist/cli.mjs', 'dist/server.cjs']) {
  if (!existsSync(join(server, f))) {
    process.stderr.write(`stage-server-package: server/${f} is missing after the build\n`);
    process.exit(1);
  }
}
for (const rel of ['dictionaries', 'docs', 'LICENSE']) {
  rmSync(join(server, rel), { recursive: true, force: true });
  cpSync(join(root, rel), join(server, rel), { recursive: true });
}
// The package's README: the repository's, with links into the repository made to point at the
// copies inside the package where there are some, and dropped (text kept) where there are none.
const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\[([^\]]+)\]\((?!https?:|#|mailto:)([^)\s]+)\)/g, (whole, text, target) => {
  const path = target.split('#')[0];
  return existsSync(join(server, path)) || existsSync(join(server, path.replace(/^server\//, ''))) ? `[${text}](${path.replace(/^server\//, '')}${target.slice(path.length)})` : text;
});
writeFileSync(join(server, 'README.md'), readme);
