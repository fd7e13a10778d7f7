/**
 * Each rule's share of a full check (one engine per build, its caches emptied before each run, as bench/real.ts runs it), on the
 * real documents, with the engine as bundled: every block rule's and document rule's check, every block analyzer, every
 * document analysis and every warm-up timed in CPU time of the process (`process.cpuUsage`, as bench/real.ts: the load of
 * a shared machine inflates wall time by a factor that changes from minute to minute; the system call per block and
 * rule adds the same to both builds), and the check's whole CPU time. Each figure is the least of `rounds` runs.
 *
 *   node --expose-gc --import tsx bench/rules-full.ts [thesis|book|nl|tex|all] [rounds] [other checkout]
 *
 * With another checkout (e.g. /work/wt/base18), both builds run alternately in one process and each row shows base, this
 * and their ratio. NO_WRAP=1: nothing timed but the whole check (for `node --cpu-prof`).
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleCheckout, documentGroups, warmUpDocuments, type EngineModule } from './shipped.js';

const bundle = (root: string): Promise<EngineModule> => bundleCheckout(root, 'rules-full');

const which = process.argv[2] ?? 'all';
const rounds = Number(process.argv[3] ?? 3);
const roots = [resolve(import.meta.dirname, '..')];
if (process.argv[4]) roots.unshift(resolve(process.argv[4]));
const builds: EngineModule[] = [];
for (const r of roots) builds.push(await bundle(r));
for (const m of builds) m.registerPracticeDictionaries();

const groups = await documentGroups(which);

type Times = Map<string, number>;

function timed<T extends object>(obj: T, key: keyof T & string, label: string, acc: { t: Times }): void {
  const f = obj[key] as unknown as (...a: unknown[]) => unknown;
  if (typeof f !== 'function') return;
  (obj as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
    const t0 = process.cpuUsage();
    try {
      return f.apply(this, args);
    } finally {
      const c = process.cpuUsage(t0);
      acc.t.set(label, (acc.t.get(label) ?? 0) + (c.user + c.system) / 1000);
    }
  };
}

type Engine = InstanceType<EngineModule['Engine']>;
const engines = new Map<EngineModule, Engine>();
const acc = { t: new Map<string, number>() };

/** One engine per build for the process, its caches emptied before every run (as bench/real.ts runs Brug). */
function engineOf(m: EngineModule): Engine {
  let engine = engines.get(m);
  if (engine) return engine;
  engine = new m.Engine({ vocabulary: new m.Vocabulary(m.bundledDictionaries().dictionaries), formats: m.extraFormats });
  engines.set(m, engine);
  if (!process.env.NO_WRAP) {
    for (const r of engine.rules) {
      timed(r, 'check', `${r.scope === 'block' ? 'block' : 'doc'} ${r.meta.id}`, acc);
      if (r.scope === 'document') timed(r, 'warm', `warm ${r.meta.id}`, acc);
    }
    for (const a of engine.analyzers) timed(a, 'analyze', `analyzer ${a.id}`, acc);
    for (const a of engine.analyses) {
      timed(a, 'analyze', `analysis ${a.id}`, acc);
      timed(a, 'warm', `warm ${a.id}`, acc);
    }
  }
  return engine;
}

function run(m: EngineModule, docs: Array<{ text: string; path: string }>): Times {
  acc.t = new Map();
  let cpu = 0;
  for (const d of docs) {
    m.clearMarkdownCache();
    m.clearSyllableCache();
    const engine = engineOf(m);
    engine.clearCaches();
    global.gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    engine.lint(d.text, { path: d.path });
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    acc.t.set('(whole check, wall)', (acc.t.get('(whole check, wall)') ?? 0) + performance.now() - t0);
  }
  acc.t.set('(whole check, CPU)', cpu);
  return acc.t;
}

for (const m of builds) run(m, warmUpDocuments());
for (const g of groups) {
  const best: Times[] = builds.map(() => new Map());
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => builds.length - 1 - i);
    for (const i of order) for (const [k, v] of run(builds[i]!, g.docs)) best[i]!.set(k, Math.min(best[i]!.get(k) ?? Infinity, v));
  }
  const last = best[best.length - 1]!;
  const wall = last.get('(whole check, CPU)')!;
  console.log(`== ${g.label} (least of ${rounds}; CPU ms; % of this build's whole check)`);
  const keys = [...last.keys()].sort((a, b) => last.get(b)! - last.get(a)!);
  let sum = 0;
  for (const k of keys) {
    const v = last.get(k)!;
    if (!k.startsWith('(')) sum += v;
    const share = `${((100 * v) / wall).toFixed(1).padStart(5)}%`;
    const cols = best.map((b) => `${(b.get(k) ?? 0).toFixed(1).padStart(8)} ms`).join(' ');
    const ratio = best.length > 1 && best[0]!.get(k) ? `  ${(v / best[0]!.get(k)!).toFixed(2)}` : '';
    console.log(`${share} ${cols}${ratio}  ${k}`);
  }
  console.log(`${((100 * sum) / wall).toFixed(1).padStart(5)}% (rules, analyzers, analyses and warm-ups together, this build)`);
}
