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
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type EngineModule = typeof import('./shipped-entry.js');

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
