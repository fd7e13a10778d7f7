/**
 * The server side of a check in process (for `node --cpu-prof` and heap profiles; session 20, diag36): as
 * bench/lsp-inprocess.ts (the engine the server uses, the document in the server's store, one-word edits), and after
 * each lint what documents.ts does with the findings: toDiagnosticsAfterEdit against the last check's, the comparison
 * with the published diagnostics, and when they differ the publication's bytes (publish-writer.ts). Prints the CPU per
 * edit of that server side, how many edits publish, and (WHY=1) which diagnostics differ from the last published.
 *
 *   node --expose-gc --import tsx bench/diag-inprocess.ts [words=100000] [edits=100]
 */
import { engineFor } from '../server/src/workspace/engine.js';
import { corpusDocument } from './lsp-latency.js';
import { PieceDocument } from '../server/src/lsp/piece-document.js';
import { sameDiagnostics, showAfterEdit, type Shown } from '../server/src/lsp/diagnostics.js';
import { encodeMessage } from '../server/src/lsp/publish-writer.js';
import type { Diagnostic } from 'vscode-languageserver/node';
import { EditSeries, editOf, startProfiles } from './edit-series.js';
import { performance } from 'node:perf_hooks';

const words = Number(process.argv[2] ?? 100000);
const edits = Number(process.argv[3] ?? 100);
const why = process.env.WHY === '1';
const { text } = corpusDocument(words);
const engine = engineFor().engine;
const uri = 'file:///doc.md';
const store = new PieceDocument(uri, 'markdown', 1, text);
let doc = store.textView();
let r = engine.lint(doc, { path: 'doc.md' });
const ui = r.language;
let shown: Shown = showAfterEdit(undefined, r.findings, store, ui, uri, doc);
let diagnostics = shown.diagnostics as Diagnostic[];
let published: Diagnostic[] = diagnostics;
// The first publication, as the server makes it after the first check.
encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 1, diagnostics } } as never, 'utf-8');
let lastDiagnostics: Diagnostic[] = diagnostics;
const series = new EditSeries(text);
const stopProfiles = await startProfiles(200, 4096);
const times: number[] = [];
/** Wall ms summed over the edits: toDiagnosticsAfterEdit, sameDiagnostics, the publication's bytes. */
const parts: number[][] = [[], [], []];
const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? 0;
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / Math.max(1, a.length);
const reasons = new Map<string, number>();
/** The reasons of each publication together, and one related place that moved (WHY=1). */
const combinations = new Map<string, number>();
let example: string | undefined;
let publications = 0;
let made = 0;
let bytes = 0;
for (let i = 0; i < edits; i++) {
  const e = series.next(store, doc);
  const where = store.positionAt(e.pos);
  const base = doc;
  doc = store.textView();
  const edit = editOf(base, doc, e);
  r = engine.lint(doc, { path: 'doc.md', edit });
  // The server side (documents.ts runCheck and setPublished), timed alone.
  const t = process.cpuUsage();
  const h0 = performance.now();
  shown = showAfterEdit(shown, r.findings, store, ui, uri, doc, edit.base === shown.text ? edit : undefined);
  diagnostics = shown.diagnostics as Diagnostic[];
  const h1 = performance.now();
  const same = sameDiagnostics(published, diagnostics);
  const h2 = performance.now();
  if (!same) {
    bytes += encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: i + 2, diagnostics } } as never, 'utf-8').length;
    publications++;
  }
  const h3 = performance.now();
  parts[0]!.push(h1 - h0);
  parts[1]!.push(h2 - h1);
  if (!same) parts[2]!.push(h3 - h2);
  const c = process.cpuUsage(t);
  times.push((c.user + c.system) / 1000);
  const lastShown = new Set(lastDiagnostics);
  for (let k = 0; k < diagnostics.length; k++) if (!lastShown.has(diagnostics[k]!)) made++;
  lastDiagnostics = diagnostics;
  if (why && !same) {
    // Which diagnostics differ, and how: by rule and by what changed (added, removed, message, range on the edited
    // line, range elsewhere).
    const line = where.line;
    const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}`;
    const before = new Map(published.map((d) => [key(d), d]));
    const after = new Map(diagnostics.map((d) => [key(d), d]));
    if (published.length !== diagnostics.length) reasons.set(`count ${Math.sign(diagnostics.length - published.length)}`, (reasons.get(`count ${Math.sign(diagnostics.length - published.length)}`) ?? 0) + 1);
    const seen = new Set<string>();
    for (const [k, d] of after) {
      const o = before.get(k);
      let reason: string | undefined;
      if (!o) reason = `new ${d.code} ${d.range.start.line === line ? 'on edited line' : d.range.end.line >= line && d.range.start.line <= line ? 'over edited line' : 'elsewhere'}`;
      else if (JSON.stringify(o) !== JSON.stringify(d)) reason = `changed ${d.code} ${o.message !== d.message ? 'message' : JSON.stringify(o.range) !== JSON.stringify(d.range) ? 'range' : o.severity !== d.severity ? `severity ${o.severity}->${d.severity}` : 'other ' + Object.keys(d).filter((x) => JSON.stringify((o as never)[x]) !== JSON.stringify((d as never)[x])).join('+')} ${d.range.start.line === line ? 'on edited line' : 'elsewhere'}`;
      if (reason && !seen.has(reason)) {
        seen.add(reason);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      if (o && reason?.includes('relatedInformation') && !example) {
        const places = (x: Diagnostic) => (x.relatedInformation ?? []).map((r) => `${r.location.range.start.line - line}:${r.location.range.start.character}`);
        const was = places(o);
        const now = places(d);
        example = `${String(d.message).slice(0, 80)}… related lines (from the edited one) before ${was.filter((x, i) => x !== now[i]).join(' ')} after ${now.filter((x, i) => x !== was[i]).join(' ')} of ${now.length}`;
      }
    }
    for (const [k, o] of before) {
      if (after.has(k)) continue;
      const reason = `gone ${o.code} ${o.range.start.line === line ? 'on edited line' : 'elsewhere'}`;
      if (!seen.has(reason)) {
        seen.add(reason);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    const combination = [...seen].sort().join(' + ');
    combinations.set(combination, (combinations.get(combination) ?? 0) + 1);
  }
  if (!same) published = diagnostics;
  await new Promise((resolve) => setImmediate(resolve));
}
await stopProfiles();
times.sort((a, b) => a - b);
console.log(`edits ${edits}: server side CPU median ${times[Math.floor(edits / 2)]!.toFixed(3)} ms, mean ${mean(times).toFixed(3)} ms, p95 ${times[Math.floor(edits * 0.95)]!.toFixed(2)} ms; ${diagnostics.length} diagnostics, ${publications} publications (${(bytes / Math.max(1, publications) / 1024).toFixed(0)} KB each), ${(made / edits).toFixed(1)} diagnostics made per edit`);
console.log(`wall ms, median (mean): diagnostics ${median(parts[0]!).toFixed(3)} (${mean(parts[0]!).toFixed(3)}), comparison ${median(parts[1]!).toFixed(3)} (${mean(parts[1]!).toFixed(3)}), a publication's bytes ${median(parts[2]!).toFixed(3)} (${mean(parts[2]!).toFixed(3)})`);
if (why) {
  console.log('publications with each difference:');
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${k}`);
  console.log('publications by their differences together:');
  for (const [k, n] of [...combinations].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${k}`);
  if (example) console.log(`for example: ${example}`);
}
