/**
 * The practice lexicon's cue pattern sets alone, for two checkouts: every set of a language's lexicon asked about every
 * sentence of that language's dev documents, in lexicon order (more than the analysis asks: it stops at a unit's first
 * answers), with the sets' memo emptied before each of 7 rounds in one process. Prints per build the first round (cold
 * code) and the least (warm code, every text a memo miss: what a document's first check pays per new sentence), the
 * builds in separate processes, alternating.
 *
 *   node --expose-gc --import tsx bench/practice-sets.ts <other checkout> [nl|en] [pairs]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Set = { patterns: string[]; find(text: string): unknown };

if (process.argv[2] === '--child') {
  const root = resolve(process.argv[3]!);
  const lang = process.argv[4] === 'en' ? 'en' : 'nl';
  const { registerPracticeDictionaries } = await import(join(root, 'server/src/workspace/practice-dictionaries.ts'));
  const { practiceLexicon } = await import(join(root, 'server/src/engine/practice/lexicon.ts'));
  const { limitMemo } = await import(join(root, 'server/src/engine/practice/patterns.ts'));
  registerPracticeDictionaries();
  const sets: Set[] = [];
  const walk = (v: unknown): void => {
    if (v && typeof (v as Set).find === 'function' && Array.isArray((v as Set).patterns)) sets.push(v as Set);
    else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) if (k !== 'data') walk(x);
  };
  walk(practiceLexicon(lang));
  const corpus = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));
  const dir = join(corpus, lang);
  const texts = readdirSync(dir)
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/(?<=[.!?])\s+|\n\s*\n/))
    .filter((t) => /\p{L}/u.test(t));
  // The code paths warmed on other texts.
  for (let i = 0; i < 200; i++) for (const s of sets) s.find(`warm ${i} de gemeente en de wethouder adviseren ${i}`);
  const runs: number[] = [];
  let hits = 0;
  for (let r = 0; r < 7; r++) {
    limitMemo(10_000, 2_000_000);
    global.gc?.();
    const c0 = process.cpuUsage();
    hits = 0;
    for (const t of texts) for (const s of sets) if (s.find(t)) hits++;
    const c = process.cpuUsage(c0);
    runs.push((c.user + c.system) / 1000);
  }
  process.stdout.write(JSON.stringify({ first: runs[0], least: Math.min(...runs), sets: sets.length, texts: texts.length, hits }));
} else {
  const base = resolve(process.argv[2] ?? '');
  const lang = process.argv[3] ?? 'nl';
  const pairs = Number(process.argv[4] ?? 3);
  const child = (root: string) =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--child', root, lang], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '..') })) as { first: number; least: number; hits: number };
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  const a: Array<{ first: number; least: number }> = [];
  const b: Array<{ first: number; least: number }> = [];
  for (let i = 0; i < pairs; i++) {
    const x = child(base);
    const y = child(resolve(import.meta.dirname, '..'));
    if (x.hits !== y.hits) throw new Error(`the builds found ${x.hits} and ${y.hits} matches`);
    a.push(x);
    b.push(y);
    console.log(`pair ${i + 1}: first ${x.first.toFixed(0)} → ${y.first.toFixed(0)} ms, least ${x.least.toFixed(0)} → ${y.least.toFixed(0)} ms`);
  }
  console.log(`${lang}: median first ${median(a.map((r) => r.first)).toFixed(0)} → ${median(b.map((r) => r.first)).toFixed(0)} ms, least ${median(a.map((r) => r.least)).toFixed(0)} → ${median(b.map((r) => r.least)).toFixed(0)} ms`);
}
