/**
 * The document rules' CPU per one-word edit at 100,000 words, paired: two checkouts' engines in one process (each from
 * its own sources), edits alternating between them, so that both see the same load. For each rule asked (and the whole
 * lint), the median and first quartile of its check's CPU time per edit.
 *
 *   node --expose-gc --max-old-space-size=4096 --import tsx bench/rules-paired.ts <other checkout> [words=100000] [edits=300]
 *     [rule ids, comma-separated; default readability/long-sentence,readability/section-score]
 *
 * The other checkout (e.g. /work/wt/base16) is "base"; this one is "this". Each uses its own bench/lsp-latency.ts
 * document and edits (the same when the checkouts have the same script).
 */
import { resolve } from 'node:path';

const base = process.argv[2];
if (!base) throw new Error('usage: bench/rules-paired.ts <other checkout> [words] [edits] [rules]');
const roots = [resolve(base), resolve(import.meta.dirname, '..')];
const words = Number(process.argv[3] ?? 100000);
const edits = Number(process.argv[4] ?? 300);
const ruleIds = (process.argv[5] ?? 'readability/long-sentence,readability/section-score').split(',');

interface Setup {
  engine: { lint: (text: string, o: { path: string }) => unknown };
  acc: Map<string, number>;
  insertWord: (doc: string, spaces: number[], random: () => number, shift: number, w: string) => string;
  doc: string;
  spaces: number[];
  random: () => number;
  shift: number;
  per: Map<string, number[]>;
}

const cpu = (t: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(t);
  return (c.user + c.system) / 1000;
};

const setups: Setup[] = [];
for (const root of roots) {
  const { engineFor } = await import(`${root}/server/src/workspace/engine.ts`);
  const { corpusDocument, insertWord } = await import(`${root}/bench/lsp-latency.ts`);
  const engine = engineFor().engine;
  const acc = new Map<string, number>();
  for (const rule of engine.rules) {
    if (rule.scope !== 'document' || !ruleIds.includes(rule.meta.id)) continue;
    const check = rule.check;
    rule.check = function (...args: Parameters<typeof check>) {
      const t = process.cpuUsage();
      try {
        return check.apply(this, args);
      } finally {
        acc.set(rule.meta.id, (acc.get(rule.meta.id) ?? 0) + cpu(t));
      }
    };
  }
  const { text } = corpusDocument(words);
  engine.lint(text, { path: 'doc.md' });
  acc.clear();
  const spaces: number[] = [];
  for (const m of text.matchAll(/\n[A-Za-z][^\n|]{60,}/g)) {
    const s = / [a-z]{4,} /.exec(m[0]);
    if (s) spaces.push(m.index + s.index + 1);
  }
  let seed = 42;
  setups.push({ engine, acc, insertWord, doc: text, spaces, random: () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31, shift: 0, per: new Map() });
}

for (let i = 0; i < edits; i++) {
  // Alternating which goes first.
  for (const s of i % 2 ? setups : [...setups].reverse()) {
    const w = ['extra ', 'ook ', 'often ', 'also '][i % 4]!;
    s.doc = s.insertWord(s.doc, s.spaces, s.random, s.shift, w);
    s.shift += w.length;
    const t = process.cpuUsage();
    s.engine.lint(s.doc, { path: 'doc.md' });
    const push = (k: string, v: number) => (s.per.get(k) ?? s.per.set(k, []).get(k)!).push(v);
    push('lint', cpu(t));
    for (const id of ruleIds) push(id, s.acc.get(id) ?? 0);
    s.acc.clear();
    // One edit per macrotask, as in the server.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
const at = (a: number[], f: number) => [...a].sort((x, y) => x - y)[Math.floor(f * (a.length - 1))]!;
for (const k of ['lint', ...ruleIds]) {
  const [b, t] = setups.map((s) => s.per.get(k)!);
  console.log(`${k.padEnd(34)} base median ${at(b!, 0.5).toFixed(3)} ms (p25 ${at(b!, 0.25).toFixed(3)}) | this median ${at(t!, 0.5).toFixed(3)} ms (p25 ${at(t!, 0.25).toFixed(3)})`);
}
