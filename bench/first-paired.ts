/**
 * First runs, paired: what bench/real.ts measures (one run per document after a small warm-up, one engine for the
 * process with its caches emptied before each run) for two builds, each round in a fresh process per build, the builds
 * alternating. bench/paired.ts takes the least of several runs in one process, which hides what only a process's first
 * run of a document pays: tables built lazily, expressions compiled at first use, per-word memos that outlive the
 * engine's caches (hyphenation breaks, normal forms of words). Prints per round the CPU time of each build's group and
 * their ratio, then the medians.
 *
 *   node --expose-gc --import tsx bench/first-paired.ts <other checkout> [thesis|book|nl|tex|all] [rounds]
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { bundleCheckout, documentGroups, pairedArguments, warmUpDocuments } from './shipped.js';

if (process.argv[2] === '--child') {
  // One build, one process: warm up as bench/real.ts does, then each document of the groups once.
  const m = await bundleCheckout(resolve(process.argv[3]!), 'first-paired');
  m.registerPracticeDictionaries();
  const engine = new m.Engine({ vocabulary: new m.Vocabulary(m.bundledDictionaries().dictionaries), formats: m.extraFormats });
  const once = (d: { text: string; path: string }): number => {
    m.clearMarkdownCache();
    m.clearSyllableCache();
    engine.clearCaches();
    global.gc?.();
    const c0 = process.cpuUsage();
    engine.lint(d.text, { path: d.path });
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  for (let i = 0; i < 2; i++) for (const d of warmUpDocuments()) once(d);
  const out: Record<string, number> = {};
  for (const g of await documentGroups(process.argv[4] ?? 'all')) out[g.label] = g.docs.reduce((ms, d) => ms + once(d), 0);
  process.stdout.write(JSON.stringify(out));
} else {
  const { baseRoot, which, rounds } = pairedArguments('first-paired', 5);
  const roots = [baseRoot, resolve(import.meta.dirname, '..')];
  const child = (root: string): Record<string, number> =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--child', root, which], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '..') }));
  const results: Array<[Record<string, number>, Record<string, number>]> = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    const pair: Array<Record<string, number>> = [];
    for (const i of order) pair[i] = child(roots[i]!);
    results.push([pair[0]!, pair[1]!]);
    console.log(`round ${r + 1}: ${Object.keys(pair[0]!).map((g) => `${g} ${pair[0]![g]!.toFixed(0)} → ${pair[1]![g]!.toFixed(0)} ms (${(pair[1]![g]! / pair[0]![g]!).toFixed(2)})`).join(', ')}`);
  }
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  for (const g of Object.keys(results[0]![0])) {
    const base = median(results.map((x) => x[0][g]!));
    const self = median(results.map((x) => x[1][g]!));
    const ratio = median(results.map((x) => x[1][g]! / x[0][g]!));
    console.log(`${g.padEnd(16)} base ${base.toFixed(0).padStart(6)} ms   this ${self.toFixed(0).padStart(6)} ms   median of the rounds' ratios ${ratio.toFixed(2)}`);
  }
}
