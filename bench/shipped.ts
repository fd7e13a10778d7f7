/**
 * The engine as it ships: the benchmarks time the code that `brug` and the language server run,
 * bundled by esbuild with the options of scripts/build.mjs, not the TypeScript sources as tsx
 * compiles them on the fly. The two differ: tsx (like esbuild's own table for node20) rewrites a
 * regular expression with a Unicode property escape outside a character class (`/^\p{Lu}/u`) as
 * `new RegExp(…)`, built again at every call, where the bundle keeps the literal.
 *
 * BRUG_BENCH_SOURCE=1 times the sources instead.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type EngineModule = typeof import('./shipped-entry.js');

/** Bundles the engine entry of a checkout (bench/shipped-entry.ts under `root`) into `outfile` and imports it. */
export async function bundleEngine(root: string, outfile: string): Promise<EngineModule> {
  await build({
    entryPoints: [join(root, 'bench', 'shipped-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    supported: { 'regexp-unicode-property-escapes': true },
    format: 'esm',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __brugRequire } from 'node:module'; const require = __brugRequire(import.meta.url);" },
  });
  return (await import(pathToFileURL(outfile).href)) as EngineModule;
}

export async function shippedEngine(): Promise<EngineModule> {
  if (process.env.BRUG_BENCH_SOURCE) return import('./shipped-entry.js');
  // Inside the repository, so that anything the bundle requires at run time still resolves.
  const cache = resolve(import.meta.dirname, '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'brug-bench-engine-'));
  try {
    return await bundleEngine(resolve(import.meta.dirname, '..'), join(dir, 'engine.mjs'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Bundles a checkout's engine inside that checkout (bench/.<name>-<pid>.mjs, so that what the bundle reads at run time,
 * such as the compiled dictionaries, is that checkout's), imports it and removes the file: for the paired benchmarks.
 */
export async function bundleCheckout(root: string, name: string): Promise<EngineModule> {
  const outfile = join(root, 'bench', `.${name}-${process.pid}.mjs`);
  try {
    return await bundleEngine(root, outfile);
  } finally {
    rmSync(outfile, { force: true });
  }
}

const corpus = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));
const read = (rel: string) => readFileSync(join(corpus, rel), 'utf8');
const list = (lang: string, ext: string) => (existsSync(join(corpus, lang)) ? readdirSync(join(corpus, lang)).filter((f) => f.endsWith(ext)).sort().map((f) => `${lang}/${f}`) : []);

/** The documents the paired benchmarks warm each build up on: the first English and the first Dutch Markdown report. */
export function warmUpDocuments(): Array<{ text: string; path: string }> {
  return [...list('en', '.md').slice(0, 1), ...list('nl', '.md').slice(0, 1)].map((f) => ({ text: read(f), path: f }));
}

/** A group of real documents the paired benchmarks check together. */
export interface DocumentGroup {
  label: string;
  docs: Array<{ text: string; path: string }>;
}

/**
 * The real document groups of bench/real.ts from the dev corpus (BRUG_CORPUS, else ../shared/corpora/dev): the footnoted
 * book, the footnoted thesis built from the English reports, the Dutch Markdown reports, the LaTeX book; `which` is one of
 * book, thesis, nl, tex or all.
 */
export async function documentGroups(which: string): Promise<DocumentGroup[]> {
  const { buildThesis } = await import('./real.js');
  const groups: DocumentGroup[] = [];
  if (which === 'book' || which === 'all') groups.push({ label: 'book', docs: [{ text: read('en/lessig-free-culture-book.md'), path: 'book.md' }] });
  if (which === 'thesis' || which === 'all') groups.push({ label: 'thesis', docs: [{ text: buildThesis().text, path: 'thesis.md' }] });
  if (which === 'nl' || which === 'all') groups.push({ label: 'Dutch reports', docs: list('nl', '.md').map((f) => ({ text: read(f), path: f })) });
  if (which === 'tex' || which === 'all') groups.push({ label: 'LaTeX book', docs: list('en', '.tex').map((f) => ({ text: read(f), path: f })) });
  return groups;
}

/**
 * The arguments of the paired benchmarks (`<other checkout> [which] [rounds]`): the other checkout's root (one with
 * bench/shipped-entry.ts, else the usage is thrown), the document group and the number of rounds.
 */
export function pairedArguments(script: string, rounds: number): { baseRoot: string; which: string; rounds: number } {
  const baseRoot = resolve(process.argv[2] ?? '');
  if (!process.argv[2] || !existsSync(join(baseRoot, 'bench', 'shipped-entry.ts'))) throw new Error(`usage: bench/${script}.ts <other checkout> [which] [rounds]`);
  return { baseRoot, which: process.argv[3] ?? 'all', rounds: Number(process.argv[4] ?? rounds) };
}

/** The other checkout's engine and this one's, bundled, with the practice cues registered (as `brug check` does), and the documents. */
export async function pairedBuilds(script: string, rounds = 3): Promise<{ builds: Array<[string, EngineModule]>; groups: DocumentGroup[]; rounds: number }> {
  const args = pairedArguments(script, rounds);
  const builds: Array<[string, EngineModule]> = [
    ['base', await bundleCheckout(args.baseRoot, script)],
    ['this', await bundleCheckout(resolve(import.meta.dirname, '..'), script)],
  ];
  for (const [, m] of builds) m.registerPracticeDictionaries();
  return { builds, groups: await documentGroups(args.which), rounds: args.rounds };
}
