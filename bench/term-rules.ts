/**
 * The term rules' own CPU time per edit (vocabulary/jargon and vocabulary/person-first: their check() timed around each
 * call by process.cpuUsage, so that a process waiting for a core under load does not count), in the loop of
 * bench/lsp-inprocess.ts: one-word edits of a document of the dev corpus in the server's store, handed to the engine as
 * a view. For pairing a change of the term rules against a base worktree at two sizes; run with --single-threaded so
 * that the collector's helper threads do not count either.
 *
 *   node --single-threaded --expose-gc --import tsx bench/term-rules.ts [words=100000] [edits=400]
 */
import { engineFor } from '../server/src/workspace/engine.js';
import { corpusDocument } from './lsp-latency.js';
import { cpuMeter, lintEdits } from './edit-series.js';

const words = Number(process.argv[2] ?? 100000);
const edits = Number(process.argv[3] ?? 400);
const { text } = corpusDocument(words);
const engine = engineFor().engine;
const meter = cpuMeter();
for (const rule of engine.rules) {
  if (rule.scope === 'document' && (rule.meta.id === 'vocabulary/jargon' || rule.meta.id === 'vocabulary/person-first')) meter.time(rule, 'check');
}
const times: number[] = [];
await lintEdits(engine, text, edits, (check) => {
  meter.take();
  check();
  times.push(meter.take() / 1000);
});
const mean = times.reduce((a, b) => a + b, 0) / times.length;
times.sort((a, b) => a - b);
console.log(`${words} words, ${edits} edits: the term rules' check, CPU per edit: median ${times[Math.floor(edits / 2)]!.toFixed(3)} ms, mean ${mean.toFixed(3)} ms, p90 ${times[Math.floor(edits * 0.9)]!.toFixed(3)} ms`);
