/**
 * The text layer alone (text/analyse.ts analyseBlock: sentences, words, syllables, passives, quotes) for two checkouts
 * side by side in one process: every paragraph of the dev corpus (cut at blank lines) as a block, in its document's
 * language, with the syllable cache emptied before each pass; passes alternate between the builds. Prints the least
 * CPU time of `rounds` passes per build and the ratio.
 *
 *   node --expose-gc --import tsx bench/text-paired.ts <other checkout> [rounds]
 */
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface TextModule {
  analyseBlock: (block: unknown, language: 'nl' | 'en', role: string, long: number) => unknown;
  clearSyllableCache: () => void;
}

async function bundle(root: string): Promise<TextModule> {
  const dir = mkdtempSync(join(root, 'node_modules', '.cache', 'brug-text-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `export { analyseBlock } from '${join(root, 'server/src/engine/text/analyse.ts')}';\nexport { clearSyllableCache } from '${join(root, 'server/src/engine/text/syllables.ts')}';\n`);
    const outfile = join(dir, 'text.mjs');
    await build({
      entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
      supported: { 'regexp-unicode-property-escapes': true },
      banner: { js: "import { createRequire as __brugRequire } from 'node:module'; const require = __brugRequire(import.meta.url);" },
    });
    return (await import(pathToFileURL(outfile).href)) as TextModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const baseRoot = resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(join(baseRoot, 'server/src/engine/text/analyse.ts'))) throw new Error('usage: bench/text-paired.ts <other checkout> [rounds]');
const rounds = Number(process.argv[3] ?? 5);
const builds: Array<[string, TextModule]> = [['base', await bundle(baseRoot)], ['this', await bundle(resolve(import.meta.dirname, '..'))]];
const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));
const blocks: Array<{ block: unknown; language: 'nl' | 'en' }> = [];
for (const language of ['nl', 'en'] as const) {
  for (const f of readdirSync(join(CORPUS, language)).sort()) {
    const text = readFileSync(join(CORPUS, language, f), 'utf8');
    for (const p of text.split(/\n\s*\n/)) {
      if (p.trim().length === 0 || p.length > 20000) continue;
      blocks.push({ block: { kind: 'paragraph', text: p, start: 0, end: p.length, map: [[0, 0]] }, language });
    }
  }
}

function pass(m: TextModule): number {
  m.clearSyllableCache();
  global.gc?.();
  const c0 = process.cpuUsage();
  for (const b of blocks) m.analyseBlock(b.block, b.language, 'other', 25);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

for (const [, m] of builds) pass(m);
const best = [Infinity, Infinity];
for (let r = 0; r < rounds; r++) for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) best[i] = Math.min(best[i]!, pass(builds[i]![1]));
console.log(`${blocks.length} blocks: base ${best[0]!.toFixed(0)} ms, this ${best[1]!.toFixed(0)} ms, ratio ${(best[1]! / best[0]!).toFixed(2)}`);
