/**
 * The Markdown reader alone after one-word edits (formats/markdown.ts parseMarkdown with the edit's ends), on the
 * document and edits of bench/lsp-inprocess.ts: the store's view, the old view and the common ends, as the engine hands
 * them over. Prints the median and p95 time per parse; with PROF=file it writes a CPU profile of the edits (50 µs
 * interval), with HEAP_PROF=file a sampling heap profile (all objects, 128-byte interval). ROOT: another checkout's
 * reader (default: this one).
 *
 *   node --expose-gc --import tsx bench/markdown-edits.ts [words=100000] [edits=2000]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { corpusDocument } from './lsp-latency.js';
import { PieceDocument } from '../server/src/lsp/piece-document.js';
import type { ParsedDocument } from '../server/src/engine/types.js';
import type { TextView } from '../server/src/engine/text/view.js';

const root = resolve(process.env.ROOT ?? resolve(import.meta.dirname, '..'));
const m = (await import(pathToFileURL(resolve(root, 'server/src/engine/formats/markdown.ts')).href)) as {
  parseMarkdown: (text: TextView, ends?: { old?: TextView; prefix: number; suffix: number }) => ParsedDocument;
};
const words = Number(process.argv[2] ?? 100000);
const edits = Number(process.argv[3] ?? 2000);
const { text } = corpusDocument(words);
const store = new PieceDocument('file:///doc.md', 'markdown', 1, text);
let doc: TextView = store.textView();
let parsed = m.parseMarkdown(doc);
const spaces: number[] = [];
for (const x of text.matchAll(/\n[A-Za-z][^\n|]{60,}/g)) {
  const s = / [a-z]{4,} /.exec(x[0]);
  if (s) spaces.push(x.index + s.index + 1);
}
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const session = new Session();
const heapProf = process.env.HEAP_PROF;
const prof = process.env.PROF;
const times: number[] = [];
let shift = 0;
const warm = Math.min(200, edits >> 2);
for (let i = 0; i < edits + warm; i++) {
  if (i === warm && prof) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 50 });
    await session.post('Profiler.start');
  }
  if (i === warm && heapProf) {
    session.connect();
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 128, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  const w = ['extra ', 'ook ', 'often ', 'also '][i % 4]!;
  const at = Math.min(spaces[Math.floor(random() * spaces.length)]! + Math.floor(shift / 2), doc.length);
  const sp = doc.indexOf(' ', at);
  const pos = sp >= 0 ? sp + 1 : at;
  const where = store.positionAt(pos);
  store.update([{ range: { start: where, end: where }, text: w }], i + 2);
  shift += w.length;
  const old = doc;
  doc = store.textView();
  const t = process.hrtime.bigint();
  parsed = m.parseMarkdown(doc, { old, prefix: pos, suffix: doc.length - pos - w.length });
  const dt = Number(process.hrtime.bigint() - t) / 1e6;
  if (i >= warm) times.push(dt);
}
if (prof) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(prof, JSON.stringify(profile));
}
if (heapProf) {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  writeFileSync(heapProf, JSON.stringify(profile));
}
times.sort((a, b) => a - b);
console.log(`${words} words, ${parsed.blocks.length} blocks, ${edits} edits: parse median ${times[edits >> 1]!.toFixed(3)} ms, p95 ${times[Math.floor(edits * 0.95)]!.toFixed(3)} ms`);
