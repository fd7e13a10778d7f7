/**
 * Two builds of the engine side by side in one process, for before/after ratios that the load
 * of a shared machine does not skew: each is bundled as bench/shipped.ts bundles it, the runs
 * alternate between them, and each document's figure is the least CPU time of `rounds` runs.
 *
 *   node --expose-gc --import tsx bench/paired.ts <other checkout> [thesis|book|nl|tex|all] [rounds]
 *
 * The other checkout (e.g. `git archive <commit> | tar -x -C /tmp/base`, with node_modules linked
 * and `npm run build` run there) is "base"; this one is "this".
 */
import { pairedBuilds, warmUpDocuments, type EngineModule } from './shipped.js';

const { builds, groups, rounds } = await pairedBuilds('paired');

function run(m: EngineModule, docs: Array<{ text: string; path: string }>): number {
  let ms = 0;
  for (const d of docs) {
    m.clearMarkdownCache();
    m.clearSyllableCache();
    const engine = new m.Engine({ vocabulary: new m.Vocabulary(m.bundledDictionaries().dictionaries), formats: m.extraFormats });
    global.gc?.();
    const c0 = process.cpuUsage();
    engine.lint(d.text, { path: d.path });
    const c = process.cpuUsage(c0);
    ms += (c.user + c.system) / 1000;
  }
  return ms;
}

// Warm-up: each build once on a short document of each language.
for (const [, m] of builds) run(m, warmUpDocuments());
let totals = [0, 0];
for (const g of groups) {
  const best = [Infinity, Infinity];
  for (let r = 0; r < rounds; r++) {
    // Alternating order: base first in even rounds, this first in odd ones.
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) best[i] = Math.min(best[i]!, run(builds[i]![1], g.docs));
  }
  totals = [totals[0]! + best[0]!, totals[1]! + best[1]!];
  console.log(`${g.label.padEnd(16)} base ${best[0]!.toFixed(0).padStart(6)} ms   this ${best[1]!.toFixed(0).padStart(6)} ms   ratio ${(best[1]! / best[0]!).toFixed(2)}`);
}
console.log(`${'total'.padEnd(16)} base ${totals[0]!.toFixed(0).padStart(6)} ms   this ${totals[1]!.toFixed(0).padStart(6)} ms   ratio ${(totals[1]! / totals[0]!).toFixed(2)}`);
