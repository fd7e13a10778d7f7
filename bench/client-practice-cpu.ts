/**
 * CPU per edit spent in the client-perspective and practice-fit analyses and their rules, as the language server's edits
 * cost them (the document and edits of bench/lsp-inprocess.ts): each rule's check and each analysis timed by the
 * process's CPU time (not the clock: a busy machine's other processes do not count), nested calls once. Prints the
 * median and mean per edit, and the allocation of the whole edit is left to HEAP_PROF of lsp-inprocess.ts.
 *
 *   node --single-threaded --expose-gc --import tsx bench/client-practice-cpu.ts [words=100000] [edits=400]
 *
 * (--single-threaded: the process's CPU time is then the main thread's; compilation and collection on other threads
 * would count otherwise.)
 */
import { engineFor } from '../server/src/workspace/engine.js';
import { corpusDocument } from './lsp-latency.js';
import { PieceDocument } from '../server/src/lsp/piece-document.js';
import { missingPerspective } from '../server/src/engine/rules/client/missing-perspective.js';
import { sectionWithoutClient } from '../server/src/engine/rules/client/section-without-client.js';
import { noInvolvement } from '../server/src/engine/rules/client/no-involvement.js';
import { clientPerspectiveAnalysis } from '../server/src/engine/rules/client/analysis.js';
import { noPracticalHandles } from '../server/src/engine/rules/practice/no-practical-handles.js';
import { recommendationWithoutActor } from '../server/src/engine/rules/practice/recommendation-without-actor.js';
import { noPracticeSummary } from '../server/src/engine/rules/practice/no-practice-summary.js';
import { practiceFitAnalysis } from '../server/src/engine/practice/analysis.js';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

const words = Number(process.argv[2] ?? 100000);
const edits = Number(process.argv[3] ?? 400);

let depth = 0;
let spent = 0;
/** `o[key]` timed: the CPU time of the outermost timed call added to `spent`. */
function time(o: object, key: string): void {
  const target = o as Record<string, (...a: unknown[]) => unknown>;
  const f = target[key]!;
  target[key] = function (this: unknown, ...a: unknown[]) {
    if (depth++ > 0) {
      try {
        return f.apply(this, a);
      } finally {
        depth--;
      }
    }
    const t = process.cpuUsage();
    try {
      return f.apply(this, a);
    } finally {
      const c = process.cpuUsage(t);
      spent += c.user + c.system;
      depth--;
    }
  };
}
for (const r of [missingPerspective, sectionWithoutClient, noInvolvement, noPracticalHandles, recommendationWithoutActor, noPracticeSummary]) time(r, 'check');
time(clientPerspectiveAnalysis, 'analyze');
time(practiceFitAnalysis, 'analyze');
if (practiceFitAnalysis.warm) time(practiceFitAnalysis, 'warm');

const { text } = corpusDocument(words);
const engine = engineFor().engine;
const store = new PieceDocument('file:///doc.md', 'markdown', 1, text);
let doc = store.textView();
engine.lint(doc, { path: 'doc.md' });
const spaces: number[] = [];
for (const m of text.matchAll(/\n[A-Za-z][^\n|]{60,}/g)) {
  const s = / [a-z]{4,} /.exec(m[0]);
  if (s) spaces.push(m.index + s.index + 1);
}
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
// PROF=file: a CPU profile of the edits (as lsp-inprocess.ts).
const prof = process.env.PROF;
const session = new Session();
if (prof) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
}
const times: number[] = [];
let shift = 0;
for (let i = 0; i < edits; i++) {
  const w = ['extra ', 'ook ', 'often ', 'also '][i % 4]!;
  const at = Math.min(spaces[Math.floor(random() * spaces.length)]! + Math.floor(shift / 2), doc.length);
  const sp = doc.indexOf(' ', at);
  const pos = sp >= 0 ? sp + 1 : at;
  const where = store.positionAt(pos);
  store.update([{ range: { start: where, end: where }, text: w }], i + 2);
  shift += w.length;
  const base = doc;
  doc = store.textView();
  spent = 0;
  engine.lint(doc, { path: 'doc.md', edit: { base, prefix: pos, suffix: doc.length - pos - w.length } });
  times.push(spent / 1000);
  await new Promise((resolve) => setImmediate(resolve));
}
if (prof) writeFileSync(prof, JSON.stringify((await session.post('Profiler.stop')).profile));
if (process.env.DUMP) console.log(times.map((t) => t.toFixed(2)).join(" "));
const mean = times.reduce((a, b) => a + b, 0) / times.length;
times.sort((a, b) => a - b);
console.log(`${words} words, ${edits} edits: client and practice CPU per edit median ${times[Math.floor(edits / 2)]!.toFixed(3)} ms, mean ${mean.toFixed(3)} ms, p25 ${times[Math.floor(edits / 4)]!.toFixed(3)}, p75 ${times[Math.floor((edits * 3) / 4)]!.toFixed(3)}`);
