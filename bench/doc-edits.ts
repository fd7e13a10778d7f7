/**
 * One-word edits of every document of the dev corpus, each as it is (Markdown, LaTeX, plain text), checked in process as
 * the language server checks them: the server's store (lsp/piece-document.ts) hands the engine a view of its pieces with
 * where the edit is. Per document: words, findings, CPU per edit (median and mean, collections included) and the mean per
 * 10,000 words. A document whose edits cost more than its size explains is where a pass over the whole document hides
 * (sessions 26 and 27 found several this way: a field's words looked up in the whole text, a flagged term's place made
 * for every term of the document at every edit).
 *
 *   node --expose-gc --import tsx bench/doc-edits.ts [edits=100] [filter]   (PROF=file.cpuprofile: a CPU profile of the edits)
 *
 * Each document gets an engine of its own (the server's, from the workspace layer); the edits are bench/edit-series.ts's
 * (a word after a space in a line of prose, from a fixed seed: two builds get the same edits).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { engineFor } from '../server/src/workspace/engine.js';
import { PieceDocument } from '../server/src/lsp/piece-document.js';
import { EditSeries, editOf, startProfiles } from './edit-series.js';

const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));
const edits = Number(process.argv[2] ?? 100);
const filter = process.argv[3] ?? '';
const gc = (globalThis as { gc?: () => void }).gc;

const files: string[] = [];
for (const lang of ['en', 'nl']) {
  for (const name of readdirSync(join(CORPUS, lang)).sort()) {
    const rel = `${lang}/${name}`;
    if (/\.(md|tex|txt)$/.test(name) && rel.includes(filter)) files.push(rel);
  }
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const countWords = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const LANGUAGE_ID: Record<string, string> = { md: 'markdown', tex: 'latex', txt: 'plaintext' };

console.log(`${edits} one-word edits per document, CPU per edit in process (collections included)`);
console.log(`${'document'.padEnd(56)} ${'words'.padStart(7)} ${'findings'.padStart(8)} ${'median'.padStart(7)} ${'mean'.padStart(7)} ${'p95'.padStart(7)}  mean per 10k words`);
const rows: Array<{ rel: string; mean: number }> = [];
for (const rel of files) {
  const text = readFileSync(join(CORPUS, rel), 'utf8');
  const ext = rel.slice(rel.lastIndexOf('.') + 1);
  const path = `doc.${ext}`;
  const engine = engineFor().engine;
  const store = new PieceDocument(`file:///${path}`, LANGUAGE_ID[ext]!, 1, text);
  let doc = store.textView();
  let r = engine.lint(doc, { path });
  const series = new EditSeries(text);
  const times: number[] = [];
  gc?.();
  const stopProfiles = await startProfiles(200, 4096);
  for (let i = 0; i < edits; i++) {
    const e = series.next(store, doc);
    const base = doc;
    const t = process.cpuUsage();
    doc = store.textView();
    r = engine.lint(doc, { path, edit: editOf(base, doc, e) });
    const c = process.cpuUsage(t);
    times.push((c.user + c.system) / 1000);
    // One edit per macrotask, as in the server (see bench/lsp-inprocess.ts).
    await new Promise((done) => setImmediate(done));
  }
  await stopProfiles();
  const words = countWords(text);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  rows.push({ rel, mean });
  console.log(`${rel.padEnd(56)} ${String(words).padStart(7)} ${String(r.findings.length).padStart(8)} ${quantile(times, 0.5).toFixed(1).padStart(7)} ${mean.toFixed(1).padStart(7)} ${quantile(times, 0.95).toFixed(1).padStart(7)}  ${((mean * 10000) / Math.max(1, words)).toFixed(1).padStart(6)}`);
}
