// Bundles the CLI, the language server and the VS Code extension with esbuild.
// unified's packages are ESM-only; bundling makes one file per entry that Node and VS Code load directly.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild's table for node20 lacks Unicode property escapes outside a character class
  // (`/^\p{Lu}/u`) and rewrites each such literal as `new RegExp(…)`, which runs again at every
  // call: in the per-word loops of the rules that was ~1,000 constructions on 1,000 words.
  // Node 20 has them (V8 since 6.4): keep the literals.
  supported: { 'regexp-unicode-property-escapes': true },
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  legalComments: 'none',
};

// Packages the command line needs only now and then (a .docx, a .brug.yml or YAML dictionary to
// parse and validate, a Dutch word to hyphenate). Node 20 has no compile cache, so every byte of
// cli.mjs is parsed at every start; these go into side bundles (server/dist/lazy/<name>.cjs) that
// cli.mjs requires the first time one of their exports is used. The source keeps its ordinary
// static imports (the tests run it as it is); only the CLI bundle sees the stand-ins.
const LAZY = ['yaml', 'ajv', 'mammoth', 'hast-util-from-html', 'hyphen/nl/index.js', 'hyphen/patterns/nl.js', 'picomatch'];
/** Side bundles that are data alone, written as one JSON string instead of bundled code. */
const DATA_ONLY = ['hyphen/patterns/nl.js'];
const lazyFile = (spec) => `lazy/${spec.replace(/\/index\.js$/, '').replace(/[^a-z0-9]+/gi, '-')}.cjs`;

// A stand-in module for `spec`: every function export (and the default export) forwards to the
// side bundle, loaded on first use. A name the stand-in lacks fails the build (esbuild: no
// matching export), never the run.
async function standIn(spec) {
  const real = await import(spec);
  const lines = [`let lib;`, `const load = () => (lib ??= require(${JSON.stringify('./' + lazyFile(spec))}));`];
  const fn = (get) => `function (...a) { const f = ${get}; return new.target ? Reflect.construct(f, a) : f.apply(this, a); }`;
  for (const [name, value] of Object.entries(real)) {
    if (name === 'default' || name === '__esModule' || typeof value !== 'function') continue;
    lines.push(`export const ${name} = ${fn(`load().${name}`)};`);
  }
  if ('default' in real) {
    if (typeof real.default === 'function') lines.push(`export default ${fn('load().default')};`);
    else lines.push(`export default new Proxy({}, { get(_, k) { const o = load().default; const v = o[k]; return typeof v === 'function' ? v.bind(o) : v; } });`);
  }
  return lines.join('\n') + '\n';
}

const lazyPlugin = {
  name: 'brug-lazy',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'brug-lazy' }));
    b.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'brug-lazy' }, async (args) => ({ contents: await standIn(args.path), loader: 'js', resolveDir: process.cwd() }));
  },
};

async function buildLazy() {
  mkdirSync('server/dist/lazy', { recursive: true });
  await Promise.all(
    LAZY.map(async (spec) => {
      const real = await import(spec);
      if (DATA_ONLY.includes(spec)) {
        // Data only (the Dutch hyphenation patterns, 230 KB): V8 reads a JSON string with JSON.parse
        // several times faster than it compiles the same nested literals as code (~90 → ~15 ms).
        writeFileSync(`server/dist/${lazyFile(spec)}`, `'use strict';\nexports.default = JSON.parse(${JSON.stringify(JSON.stringify(real.default))});\n`);
        return;
      }
      const contents = `export * from ${JSON.stringify(spec)};\n${'default' in real ? `export { default } from ${JSON.stringify(spec)};\n` : ''}`;
      await build({ ...common, stdin: { contents, resolveDir: process.cwd(), loader: 'js' }, outfile: `server/dist/${lazyFile(spec)}`, format: 'cjs' });
    }),
  );
}

// franc-min carries trigram models of some 80 languages and turns all of them into lookup tables
// when it loads; Brug asks it only to choose between Dutch and English (engine/language/detect.ts,
// `only: ['nld', 'eng']`). The bundles keep every script (franc picks the script first) and, within
// them, only those two models: with that `only` the answers are the same.
const FRANC_LANGUAGES = ['nld', 'eng'];
const francPlugin = {
  name: 'brug-franc-models',
  setup(b) {
    b.onLoad({ filter: /[\\/]franc-min[\\/]data\.js$/ }, async (args) => {
      const { data } = await import(pathToFileURL(args.path).href);
      const kept = Object.fromEntries(
        Object.entries(data).map(([script, models]) => [script, Object.fromEntries(Object.entries(models).filter(([language]) => FRANC_LANGUAGES.includes(language)))]),
      );
      return { contents: `export const data = ${JSON.stringify(kept)};\n`, loader: 'js' };
    });
  },
};

/**
 * Writes every character outside ASCII that esbuild's `charset: 'ascii'` left (in regular expression literals and
 * comments) as a \uXXXX escape, which means the same character there (in a class and a range too, with or without the
 * u flag). A backslash right before such a character (an identity escape, `\é`) would change its meaning: the build
 * fails then instead.
 */
const asciiPlugin = {
  name: 'brug-ascii',
  setup(b) {
    b.onEnd((result) => {
      const file = b.initialOptions.outfile;
      if (result.errors.length || !file || !existsSync(file)) return;
      const source = readFileSync(file, 'utf8');
      if (!/[^\0-\x7f]/.test(source)) return;
      if (/\\[^\0-\x7f]/.test(source)) throw new Error(`${file}: a backslash before a non-ASCII character; the ASCII rewrite would change it`);
      writeFileSync(file, source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};

const jobs = [
  {
    ...common,
    entryPoints: ['server/src/cli/cli.ts'],
    outfile: 'server/dist/cli.mjs',
    format: 'esm',
    plugins: [lazyPlugin, francPlugin],
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __brugRequire } from 'node:module'; const require = __brugRequire(import.meta.url);" },
  },
  // The worker threads of `brug check` on many files (server/src/workspace/pool.ts), beside cli.mjs.
  {
    ...common,
    entryPoints: ['server/src/workspace/pool-worker.ts'],
    outfile: 'server/dist/pool-worker.mjs',
    format: 'esm',
    plugins: [francPlugin],
    banner: { js: "import { createRequire as __brugRequire } from 'node:module'; const require = __brugRequire(import.meta.url);" },
  },
];
// CommonJS bundles have no import.meta; give them the module's file URL instead.
const cjs = {
  format: 'cjs',
  define: { 'import.meta.url': '__brugModuleUrl' },
  banner: { js: "const __brugModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
// The CLI once more as CommonJS (server/dist/cli.cjs): server/bin/brug.js compiles it with
// node:vm and V8's code cache (server/dist/cli.cache, written by the first run), which Node 20 has
// only for scripts, not for ES modules. cli.mjs stays for running the bundle directly.
// Its first line names the build, which keys the cache (hashing 1 MB at every start costs more).
const buildId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
jobs.push({ ...common, ...cjs, banner: { js: `/* brug-build ${buildId} */ ${cjs.banner.js}` }, entryPoints: ['server/src/cli/cli.ts'], outfile: 'server/dist/cli.cjs', plugins: [lazyPlugin, francPlugin] });
if (existsSync('server/src/lsp/server.ts')) {
  // The language server loads the same side bundles on first use (server/dist/lazy/): V8 keeps a script's source for
  // as long as the script lives, and most sessions never read a .docx or a .brug.yml (3.4 MB of bundle, held as a
  // two-byte string, was ~6.8 MB of the server's heap; 1.2 MB without them).
  // ASCII only (esbuild's `charset: 'ascii'` for strings and names, asciiPlugin for what it leaves: regular expression
  // literals and comments): V8 keeps the source as a one-byte string, not two bytes per character for the sake of a
  // few hundred curly quotes and dashes (1.7 MB less of the server's heap for its whole session).
  jobs.push({ ...common, ...cjs, charset: 'ascii', entryPoints: ['server/src/lsp/server.ts'], outfile: 'server/dist/server.cjs', plugins: [lazyPlugin, francPlugin, asciiPlugin] });
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

// What each compiled artifact was made from: the SHA-1 of every source file
// (dictionaries/compiled/sources.json). A start compares content, not modification times, which
// copying and packaging change (server/src/workspace/compiled.ts).
function writeCompiledSources() {
  // With each digest, the file's size and modification time as it was hashed (stat.json): a start
  // trusts the digest of a file that still has exactly those, and hashes any other.
  const stats = {};
  const digest = (key, name, file) => {
    const before = statSync(file);
    const d = createHash('sha1').update(readFileSync(file)).digest('hex');
    const after = statSync(file);
    if (before.size === after.size && before.mtimeMs === after.mtimeMs) stats[`${key}/${name}`] = [after.size, after.mtimeMs];
    return d;
  };
  const sources = {};
  for (const language of ['nl', 'en']) {
    sources[language] = {};
    for (const name of readdirSync(join('dictionaries', language)).sort()) {
      if (/\.ya?ml$/.test(name)) sources[language][name] = digest(language, name, join('dictionaries', language, name));
    }
    const practice = join('dictionaries', 'practice', `${language}.yml`);
    if (existsSync(practice)) sources[`practice-${language}`] = { [`${language}.yml`]: digest(`practice-${language}`, `${language}.yml`, practice) };
  }
  writeFileSync(join('dictionaries', 'compiled', 'sources.json'), JSON.stringify(sources, null, 1) + '\n');
  writeFileSync(join('dictionaries', 'compiled', 'stat.json'), JSON.stringify(stats) + '\n');
}

// The text layer's word lists (dictionaries/text) as one JSON file the engine imports.
await import('./build-text-lexicon.mjs').then((m) => m.writeTextLexicon());
// The client lexicon (dictionaries/client: person words, method phrases, function words) likewise.
await import('./build-client-lexicon.mjs').then((m) => m.writeClientLexicon());

const started = Date.now();
const dictionaryFiles = (await compileDictionaries()) + (await compilePracticeDictionaries());
writeCompiledSources();
await Promise.all([...jobs.map((j) => build(j)), buildLazy()]);
// V8's code cache for server/bin/brug.js (see there): old ones go, and a check of each sample
// report (English, then Dutch) writes the new one, so that the first real start has it too.
for (const f of readdirSync('server/dist')) if (/^cli\..+\.cache$/.test(f)) rmSync(join('server/dist', f), { force: true });
if (!watch) {
  for (const [i, sample] of ['samples/report-employment-support.md', 'samples/rapport-schuldhulp.md'].entries()) {
    if (!existsSync(sample)) continue;
    const env = { ...process.env, ...(i > 0 ? { BRUG_CODE_CACHE_REFRESH: '1' } : {}) };
    spawnSync(process.execPath, ['server/bin/brug.js', 'check', '--format', 'json', sample], { stdio: 'ignore', env });
  }
}
if (!watch) process.stdout.write(`brug: built ${jobs.length} bundle(s) and ${dictionaryFiles} dictionaries in ${Date.now() - started} ms\n`);
