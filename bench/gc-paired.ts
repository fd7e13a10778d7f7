/**
 * The garbage collector's share of a full check, for two builds side by side in one process (as bench/paired.ts
 * bundles and alternates them): per document group and build, the check's CPU time, its wall time, and the
 * collector's pauses on the main thread while it ran (scavenges and full collections, from `gc` performance
 * entries). Each figure is the median over `rounds` rounds (each round checks the group's documents once with
 * each build, in alternating order, a fresh engine and caches per document, a full collection before each).
 *
 *   node --expose-gc --import tsx bench/gc-paired.ts <other checkout> [thesis|book|nl|tex|all] [rounds]
 */
import { PerformanceObserver, constants, performance } from 'node:perf_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import { pairedBuilds, warmUpDocuments, type EngineModule } from './shipped.js';

const { builds, groups, rounds } = await pairedBuilds('gc-paired');

const pauses: Array<{ start: number; duration: number; minor: boolean }> = [];
new PerformanceObserver((items) => {
  for (const e of items.getEntries()) pauses.push({ start: e.startTime, duration: e.duration, minor: ((e as unknown as { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MINOR });
}).observe({ entryTypes: ['gc'] });

interface Figures { cpu: number; wall: number; gc: number; minor: number; major: number }

async function run(m: EngineModule, docs: Array<{ text: string; path: string }>): Promise<Figures> {
  const f: Figures = { cpu: 0, wall: 0, gc: 0, minor: 0, major: 0 };
  for (const d of docs) {
    m.clearMarkdownCache();
    m.clearSyllableCache();
    const engine = new m.Engine({ vocabulary: new m.Vocabulary(m.bundledDictionaries().dictionaries), formats: m.extraFormats });
    global.gc?.();
    await tick();
    pauses.length = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    engine.lint(d.text, { path: d.path });
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    await tick();
    await tick();
    f.cpu += (c.user + c.system) / 1000;
    f.wall += t1 - t0;
    for (const p of pauses) {
      if (p.start < t0 || p.start > t1) continue;
      f.gc += p.duration;
      if (p.minor) f.minor++;
      else f.major++;
    }
  }
  return f;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [, m] of builds) await run(m, warmUpDocuments());
for (const g of groups) {
  const all: Figures[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) all[i]!.push(await run(builds[i]![1], g.docs));
  }
  for (let i = 0; i < 2; i++) {
    const xs = all[i]!;
    const gc = median(xs.map((x) => x.gc));
    const wall = median(xs.map((x) => x.wall));
    console.log(`${g.label.padEnd(16)} ${builds[i]![0]}  CPU ${median(xs.map((x) => x.cpu)).toFixed(0).padStart(5)} ms  wall ${wall.toFixed(0).padStart(5)} ms  GC pauses ${gc.toFixed(0).padStart(5)} ms (${((100 * gc) / wall).toFixed(1)} % of wall; ${median(xs.map((x) => x.minor))} minor, ${median(xs.map((x) => x.major))} full)`);
  }
}
