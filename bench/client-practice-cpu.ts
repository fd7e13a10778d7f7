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
import { missingPerspective } from '../server/src/engine/rules/client/missing-perspective.js';
import { sectionWithoutClient } from '../server/src/engine/rules/client/section-without-client.js';
import { noInvolvement } from '../server/src/engine/rules/client/no-involvement.js';
import { clientPerspectiveAnalysis } from '../server/src/engine/rules/client/analysis.js';
import { noPracticalHandles } from '../server/src/engine/rules/practice/no-practical-handles.js';
import { recommendationWithoutActor } from '../server/src/engine/rules/practice/recommendation-without-actor.js';
import { noPracticeSummary } from '../server/src/engine/rules/practice/no-practice-summary.js';
import { practiceFitAnalysis } from '../server/src/engine/practice/analysis.js';
import { cpuMeter, lintEdits } from './edit-series.js';

const words = Number(process.argv[2] ?? 100000);
const edits = Number(process.argv[3] ?? 400);

const meter = cpuMeter();
for (const r of [missingPerspective, sectionWithoutClient, noInvolvement, noPracticalHandles, recommendationWithoutActor, noPracticeSummary]) meter.time(r, 'check');
meter.time(clientPerspectiveAnalysis, 'analyze');
meter.time(practiceFitAnalysis, 'analyze');
if (practiceFitAnalysis.warm) meter.time(practiceFitAnalysis, 'warm');

const { text } = corpusDocument(words);
const engine = engineFor().engine;
const times: number[] = [];
// PROF=file: a CPU profile of the edits (as lsp-inprocess.ts).
await lintEdits(engine, text, edits, (check) => {
  meter.take();
  check();
  times.push(meter.take() / 1000);
});
if (process.env.DUMP) console.log(times.map((t) => t.toFixed(2)).join(' '));
const mean = times.reduce((a, b) => a + b, 0) / times.length;
times.sort((a, b) => a - b);
console.log(`${words} words, ${edits} edits: client and practice CPU per edit median ${times[Math.floor(edits / 2)]!.toFixed(3)} ms, mean ${mean.toFixed(3)} ms, p25 ${times[Math.floor(edits / 4)]!.toFixed(3)}, p75 ${times[Math.floor((edits * 3) / 4)]!.toFixed(3)}`);
