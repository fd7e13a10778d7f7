/**
 * The Markdown reader alone (formats/markdown.ts parseMarkdown: chunks, fast paths, micromark for the rest) for two
 * checkouts, first runs as bench/first-paired.ts measures them: each round one fresh process per build (the builds
 * alternating), warmed up on the documents the paired benchmarks warm up on, then each document of the groups once with
 * the Markdown chunk cache emptied. A full check's differences in the reader drown in the rest of the check on a loaded
 * machine; this shows them. Prints per round the CPU time of each build's group and their ratio, then the medians.
 *
 *   node --expose-gc --import tsx bench/markdown-paired.ts <other checkout> [thesis|book|nl|all] [rounds]
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentGroups, warmUpDocuments } from './shipped.js';

interface MarkdownModule {
  parseMarkdown: (text: string) => unknown;
  clearMarkdownCache: () => void;
}

/** The checkout's Markdown reader, bundled (packages resolved from that checkout) into this checkout's cache directory. */
async function bundle(root: string): Promise<MarkdownModule> {
  const dir = mkdtempSync(join(import.meta.dirname, '..', 'node_modules', '.cache', 'brug-markdown-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `export { parseMarkdown, clearMarkdownCache } from '${join(root, 'server/src/engine/formats/markdown.ts')}';\n`);
    const outfile = join(dir, 'markdown.mjs');
    await build({
      entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
      supported: { 'regexp-unicode-property-escapes': true },
      banner: { js: "import { createRequire as __brugRequire } from 'node:module'; const require = __brugRequire(import.meta.url);" },
    });
    return (await import(pathToFileURL(outfile).href)) as MarkdownModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const markdownGroups = async (which: string) => (await documentGroups(which === 'all' ? 'all' : which)).filter((g) => g.label !== 'LaTeX book');

if (process.argv[2] === '--child') {
  const m = await bundle(resolve(process.argv[3]!));
  const once = (text: string): number => {
    m.clearMarkdownCache();
    global.gc?.();
    const c0 = process.cpuUsage();
    m.parseMarkdown(text);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  for (let i = 0; i < 2; i++) for (const d of warmUpDocuments()) once(d.text);
  const out: Record<string, number> = {};
  for (const g of await markdownGroups(process.argv[4] ?? 'all')) out[g.label] = g.docs.reduce((ms, d) => ms + once(d.text), 0);
  process.stdout.write(JSON.stringify(out));
} else {
  const baseRoot = resolve(process.argv[2] ?? '');
  if (!process.argv[2] || !existsSync(join(baseRoot, 'server/src/engine/formats/markdown.ts'))) throw new Error('usage: bench/markdown-paired.ts <other checkout> [thesis|book|nl|all] [rounds]');
  const which = process.argv[3] ?? 'all';
  const rounds = Number(process.argv[4] ?? 5);
  const roots = [baseRoot, resolve(import.meta.dirname, '..')];
  const child = (root: string): Record<string, number> =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--child', root, which], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '..') }));
  const results: Array<[Record<string, number>, Record<string, number>]> = [];
  for (let r = 0; r < rounds; r++) {
    // Alternating which build goes first, so that neither always runs on the machine the other left behind.
    const [a, b] = r % 2 === 0 ? [child(roots[0]!), child(roots[1]!)] : ((x, y) => [y, x])(child(roots[1]!), child(roots[0]!));
    results.push([a, b]);
    console.log(`round ${r + 1}: ${Object.keys(a).map((k) => `${k} ${a[k]!.toFixed(0)} → ${b[k]!.toFixed(0)} ms (${(b[k]! / a[k]!).toFixed(2)})`).join(', ')}`);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  for (const k of Object.keys(results[0]![0])) {
    console.log(`${k.padEnd(16)} base ${median(results.map(([a]) => a[k]!)).toFixed(0).padStart(6)} ms   this ${median(results.map(([, b]) => b[k]!)).toFixed(0).padStart(6)} ms   median of the rounds' ratios ${median(results.map(([a, b]) => b[k]! / a[k]!)).toFixed(2)}`);
  }
}
