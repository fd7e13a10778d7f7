/**
 * The language server's per-edit work in process (for `node --cpu-prof`): the engine the
 * server uses, a document from bench/lsp-latency.ts, one-word edits; CPU per lint. The document is kept in the
 * server's store (lsp/piece-document.ts) and handed to the engine as the server does: a view over its pieces, with
 * where the edit is (FLAT=1: as one string joined at every edit, as before session 19).
 *
 *   node --expose-gc --import tsx bench/lsp-inprocess.ts [words=100000] [edits=100]   (FILE=nl/*.md: a dev document instead, FILE=thesis: bench/real.ts's footnoted thesis; CRLF=1: CRLF line ends;
 *   BOM=1: a byte-order mark first; DIRECTIVE=en: a language directive in the middle; OFF=id,id: those rules off;
 *   RULES=1: each document rule's own time per edit, median and p90 of the edits, wall time of its check, which includes
 *   what it asks of shared analyses first, such as the practice card or the client perspective; run with a large young
 *   generation, --min-semi-space-size=64 --max-semi-space-size=64, to keep scavenges out of it)
 */
import { engineFor } from '../server/src/workspace/engine.js';
import { defaultConfig, mergeConfig } from '../server/src/engine/config/config.js';
import { corpusDocument, fileDocument, thesisDocument } from './lsp-latency.js';
import { PieceDocument } from '../server/src/lsp/piece-document.js';
import type { TextView } from '../server/src/engine/text/view.js';
import { EditSeries, editOf, startProfiles } from './edit-series.js';
import { performance } from 'node:perf_hooks';

const words = Number(process.argv[2] ?? 100000);
const edits = Number(process.argv[3] ?? 100);
// FILE=REL (or A,B or nl/*.md, as bench/lsp-latency.ts --file): that document of the dev corpus instead.
// CRLF=1: the same text with CRLF line ends (as a Windows editor saves it).
const lf = process.env.FILE === 'thesis' ? thesisDocument().text : process.env.FILE ? fileDocument(process.env.FILE).text : corpusDocument(words).text;
const crlf = process.env.CRLF === '1' ? lf.replace(/\r?\n/g, '\r\n') : lf;
// BOM=1: the text begins with a byte-order mark (as some Windows editors save it). DIRECTIVE=en (or nl): a language
// directive at the paragraph break nearest the middle of the text (a report with a part in another language).
const mid = process.env.DIRECTIVE ? crlf.indexOf('\n\n', crlf.length >> 1) : -1;
const directed = mid >= 0 ? `${crlf.slice(0, mid)}\n\n<!-- brug-language ${process.env.DIRECTIVE} -->${crlf.slice(mid)}` : crlf;
const text = (process.env.BOM === '1' ? '\uFEFF' : '') + directed;
// The engine the language server uses (bundled and practice dictionaries registered by the workspace layer).
const engine = engineFor().engine;
const store = new PieceDocument('file:///doc.md', 'markdown', 1, text);
const flatText = process.env.FLAT === '1';
const textOf = (): TextView => (flatText ? store.getText() : store.textView());
let doc = textOf();
const c0 = process.cpuUsage();
// OFF=id,id: those rules switched off (what they and their findings cost per edit).
const config = process.env.OFF ? mergeConfig(defaultConfig(), { rules: Object.fromEntries(process.env.OFF.split(',').map((id) => [id, 'off'])) }) : undefined;
// RULES=1: each document rule's check timed per edit (wall time, performance.now()).
const ruleTimes = new Map<string, number[]>();
let ruleTime: Map<string, number> | undefined;
if (process.env.RULES === '1') {
  for (const rule of engine.rules) {
    if (rule.scope !== 'document') continue;
    const check = rule.check.bind(rule);
    rule.check = (model, ctx) => {
      const t = performance.now();
      try {
        return check(model, ctx);
      } finally {
        if (ruleTime) ruleTime.set(rule.meta.id, (ruleTime.get(rule.meta.id) ?? 0) + performance.now() - t);
      }
    };
  }
}
let r = engine.lint(doc, { path: 'doc.md', ...(config ? { config } : {}) });
const first = process.cpuUsage(c0);
console.log(`first ${((first.user + first.system) / 1000).toFixed(0)} ms, ${r.findings.length} findings, ${r.errors.length} rule errors`);
const series = new EditSeries(text);
const stopProfiles = await startProfiles(200, 4096);
const times: number[] = [];
for (let i = 0; i < edits; i++) {
  const e = series.next(store, doc);
  if (process.env.RULES === '1') ruleTime = new Map();
  const t = process.cpuUsage();
  const base = doc;
  doc = textOf();
  r = engine.lint(doc, { path: 'doc.md', edit: editOf(base, doc, e), ...(config ? { config } : {}) });
  const c = process.cpuUsage(t);
  times.push((c.user + c.system) / 1000);
  if (ruleTime) for (const [id, ms] of ruleTime) (ruleTimes.get(id) ?? ruleTimes.set(id, []).get(id)!).push(ms);
  // One edit per macrotask, as in the server: objects a WeakRef handed out during a job are kept
  // until the job ends, so a loop without a turn would keep every version's data alive.
  await new Promise((resolve) => setImmediate(resolve));
}
await stopProfiles();
times.sort((a, b) => a - b);
console.log(`edits ${edits}: CPU median ${times[Math.floor(edits / 2)]!.toFixed(1)} ms, mean ${(times.reduce((a, b) => a + b, 0) / edits).toFixed(2)} ms, p95 ${times[Math.floor(edits * 0.95)]!.toFixed(1)} ms; ${r.findings.length} findings; heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
if (ruleTimes.size) {
  const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
  const rows = [...ruleTimes].map(([id, xs]) => [id, xs.sort((a, b) => a - b)] as const).sort((a, b) => at(b[1], 0.5) - at(a[1], 0.5));
  console.log(`document rules, wall ms per edit (median / p90): ${rows.map(([id, xs]) => `${id} ${at(xs, 0.5).toFixed(2)} / ${at(xs, 0.9).toFixed(2)}`).join('; ')}`);
}
// Live heap after a full collection and the process's RSS (run with --expose-gc for the live heap).
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  gc();
}
const mem = process.memoryUsage();
console.log(`memory after the edits: ${gc ? 'live heap' : 'heap used (no --expose-gc)'} ${(mem.heapUsed / 1048576).toFixed(1)} MB, RSS ${(mem.rss / 1048576).toFixed(0)} MB`);
