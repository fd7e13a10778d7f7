#!/usr/bin/env node
// Builds brug-<version>.vsix with @vscode/vsce.
//
// Why a staging folder: the repository root is an npm-workspaces root with "type": "module",
// devDependencies and build scripts, none of which belong in the extension. This script copies the
// bundled files into a clean folder with a generated package.json (the VS Code manifest fields of
// the root package.json, no "type", no dependencies, no scripts) and runs vsce there with
// --no-dependencies: esbuild has already put every dependency into the two bundles.
//
// Usage: node scripts/package.mjs [--no-build] [--out <file.vsix>] [--server <server.ts|.cjs>] [--keep]
//   --no-build  use the bundles as they are (default: run scripts/build.mjs first)
//   --out       where to write the package (default: brug-<version>.vsix in the repository root)
//   --server    package another language server instead of server/dist/server.cjs (test/e2e/fake-server.ts)
//   --keep      keep the staging folder and print its path
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string' },
    server: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = resolve(values.out ?? join(root, `brug-${pkg.version}.vsix`));

function fail(msg) {
  process.stderr.write(`package: ${msg}\n`);
  process.exit(1);
}

// 1. Bundles.
if (!values['no-build']) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('build failed');
}
for (const f of ['client/dist/extension.js', ...(values.server ? [] : ['server/dist/server.cjs'])]) {
  if (!existsSync(join(root, f))) fail(`${f} is missing: run "node scripts/build.mjs" first`);
}

// 2. Stage.
const stage = mkdtempSync(join(tmpdir(), 'brug-vsix-'));
const MANIFEST_FIELDS = [
  'name', 'displayName', 'description', 'version', 'publisher', 'license', 'engines', 'main', 'icon', 'galleryBanner',
  'categories', 'keywords', 'activationEvents', 'contributes', 'capabilities', 'repository', 'homepage', 'bugs', 'l10n',
  'extensionKind', 'pricing', 'sponsor', 'qna', 'badges', 'markdown', 'preview',
];
const manifest = {};
for (const k of MANIFEST_FIELDS) if (pkg[k] !== undefined) manifest[k] = pkg[k];
manifest.engines = { vscode: pkg.engines?.vscode ?? '^1.91.0' };
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
// client/dist/extension.js is CommonJS; say so next to it, whatever the root says.
mkdirSync(join(stage, 'client'), { recursive: true });
writeFileSync(join(stage, 'client/package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');

const copies = [
  'client/dist/extension.js',
  'server/schema',
  'dictionaries',
  'docs',
  'samples',
  'package.nls.json',
  ...readdirSync(root).filter((f) => /^package\.nls\.[a-z-]+\.json$/i.test(f)),
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  '.vscodeignore',
];
if (typeof pkg.icon === 'string') copies.push(pkg.icon);
for (const rel of copies) {
  const from = join(root, rel);
  if (!existsSync(from)) continue;
  cpSync(from, join(stage, rel), { recursive: true });
}

// The language server: the real bundle, or another one given with --server (bundled here when it is TypeScript).
const serverOut = join(stage, 'server/dist/server.cjs');
mkdirSync(dirname(serverOut), { recursive: true });
if (values.server) {
  const src = resolve(values.server);
  if (/\.[cm]?ts$/.test(src)) {
    const { build } = await import('esbuild');
    await build({ entryPoints: [src], outfile: serverOut, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  } else cpSync(src, serverOut);
} else {
  cpSync(join(root, 'server/dist/server.cjs'), serverOut);
  // The parsers it loads on first use (YAML, the schema validator, Word, Dutch hyphenation; scripts/build.mjs LAZY).
  cpSync(join(root, 'server/dist/lazy'), join(stage, 'server/dist/lazy'), { recursive: true });
  // The workspace check's worker threads (optional: without it the server checks on one thread).
  if (existsSync(join(root, 'server/dist/pool-worker.mjs'))) cpSync(join(root, 'server/dist/pool-worker.mjs'), join(stage, 'server/dist/pool-worker.mjs'));
}

// The README inside the package: relative links must work there. vsce ships LICENSE as LICENSE.txt;
// a link to something the package does not hold keeps its text and loses the link.
if (existsSync(join(stage, 'README.md'))) {
  const readme = readFileSync(join(stage, 'README.md'), 'utf8').replace(/(!?)\[([^\]]*)\]\((?!https?:|#|mailto:)([^)\s]+)\)/g, (whole, bang, text, target) => {
    const path = target.split('#')[0];
    if (path === 'LICENSE') return `${bang}[${text}](LICENSE.txt)`;
    return existsSync(join(stage, path)) ? whole : bang ? '' : text;
  });
  writeFileSync(join(stage, 'README.md'), readme);
}
if (!existsSync(join(stage, 'README.md'))) {
  writeFileSync(join(stage, 'README.md'), `# ${pkg.displayName ?? pkg.name}\n\n${readFileSync(join(root, 'package.nls.json'), 'utf8').match(/"extension\.description":\s*"([^"]*)"/)?.[1] ?? ''}\n`);
  process.stderr.write('package: no README.md in the repository; the package gets a one-line README\n');
}

// 3. vsce.
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
if (!existsSync(vsce)) fail('@vscode/vsce is not installed (npm install at the repository root)');
const args = [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out];
if (!manifest.repository) args.push('--allow-missing-repository');
if (!existsSync(join(stage, 'LICENSE')) && !existsSync(join(stage, 'LICENSE.md')) && !existsSync(join(stage, 'LICENSE.txt'))) {
  args.push('--skip-license');
  process.stderr.write('package: no LICENSE file in the repository; packaging without one\n');
}
mkdirSync(dirname(out), { recursive: true });
const r = spawnSync(process.execPath, args, { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, VSCE_TELEMETRY: 'false' } });
if (!values.keep) rmSync(stage, { recursive: true, force: true });
else process.stdout.write(`package: staged in ${stage}\n`);
if (r.status !== 0) fail('vsce failed');

const size = statSync(out).size;
process.stdout.write(`package: ${relative(process.cwd(), out) || out} ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes)\n`);
if (size > 3 * 1024 * 1024) process.stderr.write('package: warning: the package is larger than 3 MB\n');
