/**
 * The Markdown reader alone after one-word edits (formats/markdown.ts parseMarkdown with the edit's ends), on the
 * document and edits of bench/lsp-inprocess.ts: the store's view, the old view and the common ends, as the engine hands
 * them over. Prints the median and p95 time per parse; with PROF=file it writes a CPU profile of the edits (50 µs
 * interval), with HEAP_PROF=file a sampling heap profile (128-byte interval; HEAP_PROF_OLD=1: only what survives a scavenge). ROOT: another checkout's
 * reader (default: this one).
 *
 *   node --expose-gc --import tsx bench/markdown-edits.ts [words=100000] [edits=2000]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusDocument } from './lsp-latency.js';
import { PieceDocument } from '../server/src/lsp/piece-document.js';
import type { ParsedDocument } from '../server/src/engine/types.js';
import type { TextView } from '../server/src/engine/text/view.js';
import { EditSeries, editOf, startProfiles } from './edit-series.js';

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
const series = new EditSeries(text);
let stopProfiles = async (): Promise<void> => {};
const times: number[] = [];
const warm = Math.min(200, edits >> 2);
for (let i = 0; i < edits + warm; i++) {
  if (i === warm) stopProfiles = await startProfiles(50, 128);
  const e = series.next(store, doc);
  const old = doc;
  doc = store.textView();
  const { prefix, suffix } = editOf(old, doc, e);
  const t = process.hrtime.bigint();
  parsed = m.parseMarkdown(doc, { old, prefix, suffix });
  const dt = Number(process.hrtime.bigint() - t) / 1e6;
  if (i >= warm) times.push(dt);
}
await stopProfiles();
times.sort((a, b) => a - b);
console.log(`${words} words, ${parsed.blocks.length} blocks, ${edits} edits: parse median ${times[edits >> 1]!.toFixed(3)} ms, p95 ${times[Math.floor(edits * 0.95)]!.toFixed(3)} ms`);
