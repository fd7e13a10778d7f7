// Bundles the CLI, the language server and the VS Code extension with esbuild.
// unified's packages are ESM-only; bundling makes one file per entry that Node and VS Code load directly.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

// The bundled dictionaries, compiled into one JSON file per language (dictionaries/compiled/),
// validated here against dictionaries/schema.json with the engine's own parser, so that a start
// parses JSON instead of YAML and the schema. An invalid dictionary fails the build.
async function compileDictionaries() {
  const tmp = join(tmpdir(), `brug-dictionaries-${process.pid}.mjs`);
  await build({ ...common, entryPoints: ['server/src/engine/vocabulary/artifact.ts'], outfile: tmp, format: 'esm', banner: jobs[0].banner });
  let compileArtifacts;
  try {
    ({ compileArtifacts } = await import(pathToFileURL(tmp).href));
  } finally {
    rmSync(tmp, { force: true });
  }
  const files = [];
  for (const language of ['nl', 'en']) {
    for (const name of readdirSync(join('dictionaries', language)).sort()) {
      if (/\.ya?ml$/.test(name)) files.push({ path: `dictionaries/${language}/${name}`, text: readFileSync(join('dictionaries', language, name), 'utf8') });
    }
  }
  const { artifacts, problems } = compileArtifacts(files);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`${p.file}:${p.line}:${p.column}: ${p.message}\n`);
    throw new Error(`${problems.length} problem(s) in the dictionaries`);
  }
  mkdirSync(join('dictionaries', 'compiled'), { recursive: true });
  for (const [language, artifact] of Object.entries(artifacts)) {
    writeFileSync(join('dictionaries', 'compiled', `${language}.json`), JSON.stringify(artifact) + '\n');
  }
  return files.length;
}

// The practice-fit cues (dictionaries/practice/<language>.yml), validated with the engine's own
// parser and written as JSON (dictionaries/compiled/practice-<language>.json): a start then reads
// JSON, without the YAML parser and the schema validator. An invalid file fails the build.
async function compilePracticeDictionaries() {
  const dir = join('dictionaries', 'practice');
  if (!existsSync(join('server', 'src', 'engine', 'practice', 'lexicon.ts')) || !existsSync(dir)) return 0;
  const tmp = join(tmpdir(), `brug-practice-${process.pid}.mjs`);
  await build({ ...common, entryPoints: ['server/src/engine/practice/lexicon.ts'], outfile: tmp, format: 'esm', banner: jobs[0].banner });
  let parsePracticeData;
  try {
    ({ parsePracticeData } = await import(pathToFileURL(tmp).href));
  } finally {
    rmSync(tmp, { force: true });
  }
  let n = 0;
  mkdirSync(join('dictionaries', 'compiled'), { recursive: true });
  for (const name of readdirSync(dir).sort()) {
    const m = /^(nl|en)\.ya?ml$/.exec(name);
    if (!m) continue;
    const r = parsePracticeData(readFileSync(join(dir, name), 'utf8'));
    if (!r.data) {
      for (const p of r.problems) process.stderr.write(`${join(dir, name)}:${p.line}:${p.column}: ${p.message}\n`);
      throw new Error(`${r.problems.length} problem(s) in ${join(dir, name)}`);
    }
    writeFileSync(join('dictionaries', 'compiled', `practice-${m[1]}.json`), JSON.stringify(r.data) + '\n');
    n++;
  }
  return n;
}

// The text layer's word lists (dictionaries/text) as one JSON file the engine imports.
await import('./build-text-lexicon.mjs').then((m) => m.writeTextLexicon());
// The client lexicon (dictionaries/client: person words, method phrases, function words) likewise.
await import('./build-client-lexicon.mjs').then((m) => m.writeClientLexicon());

const started = Date.now();
const dictionaryFiles = (await compileDictionaries()) + (await compilePracticeDictionaries());
await Promise.all(jobs.map((j) => build(j)));
if (!watch) process.stdout.write(`brug: built ${jobs.length} bundle(s) and ${dictionaryFiles} dictionaries in ${Date.now() - started} ms\n`);
