// Bundles the CLI, the language server and the VS Code extension with esbuild.
// unified's packages are ESM-only; bundling makes one file per entry that Node and VS Code load directly.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  legalComments: 'none',
};

const jobs = [
  {
    ...common,
    entryPoints: ['server/src/cli/cli.ts'],
    outfile: 'server/dist/cli.mjs',
    format: 'esm',
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __brugRequire } from 'node:module'; const require = __brugRequire(import.meta.url);" },
  },
  // The worker threads of `brug check` on many files (server/src/workspace/pool.ts), beside cli.mjs.
  {
    ...common,
    entryPoints: ['server/src/workspace/pool-worker.ts'],
    outfile: 'server/dist/pool-worker.mjs',
    format: 'esm',
    banner: { js: "import { createRequire as __brugRequire } from 'node:module'; const require = __brugRequire(import.meta.url);" },
  },
];
// CommonJS bundles have no import.meta; give them the module's file URL instead.
const cjs = {
  format: 'cjs',
  define: { 'import.meta.url': '__brugModuleUrl' },
  banner: { js: "const __brugModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
if (existsSync('server/src/lsp/server.ts')) {
  jobs.push({ ...common, ...cjs, entryPoints: ['server/src/lsp/server.ts'], outfile: 'server/dist/server.cjs' });
}
if (existsSync('client/src/extension.ts')) {
  jobs.push({ ...common, ...cjs, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] });
}

const started = Date.now();
await Promise.all(jobs.map((j) => build(j)));
if (!watch) process.stdout.write(`brug: built ${jobs.length} bundle(s) in ${Date.now() - started} ms\n`);
