/**
 * The language server's memory in process, for quick looks and heap snapshots without the
 * protocol: the engine and configuration the server uses for a Markdown file (cache size as in
 * server/src/lsp/checker.ts), the document of bench/lsp-latency.ts, one-word edits, each edit in
 * its own macrotask as in the server. Prints the live heap after a full collection after open and
 * every `every` edits, and the sizes of the engine's and the modules' caches.
 *
 *   node --expose-gc --import tsx bench/lsp-memory-inprocess.ts [words=100000] [edits=1000] [every=250] [snapshot-dir]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { defaultConfig } from '../server/src/engine/config/config.js';
import { engineForFile } from '../server/src/workspace/workspace.js';
import { applySettings, DEFAULT_SETTINGS } from '../server/src/lsp/settings.js';
import { corpusDocument, insertWord, proseSpaces } from './lsp-latency.js';

const words = Number(process.argv[2] ?? 100000);
const edits = Number(process.argv[3] ?? 1000);
const every = Number(process.argv[4] ?? 250);
const snapshots = process.argv[5];
if (snapshots) mkdirSync(snapshots, { recursive: true });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const { text } = corpusDocument(words);
const path = '/tmp/brug-bench/memory.md';
const config = applySettings(defaultConfig(), { ...DEFAULT_SETTINGS, rules: {}, debounceMs: 0 });
const engine = engineForFile(path, undefined, config, [], { cacheSize: 1000 }).engine;
const lint = (doc: string) => engine.lint(doc, { uri: `file://${path}`, format: 'markdown', config });

const MB = 1048576;
let shot = 0;
function report(label: string): void {
  gc!();
  gc!();
  const m = process.memoryUsage();
  const e = engine as unknown as { cache: { size: number }; cached: number; blockLanguage: { size: number } };
  process.stdout.write(`${label.padEnd(18)} live heap ${(m.heapUsed / MB).toFixed(1).padStart(6)} MB, RSS ${(m.rss / MB).toFixed(0).padStart(4)} MB; engine: ${e.cached} analysed blocks under ${e.cache.size} texts, ${e.blockLanguage.size} block languages\n`);
  if (snapshots) writeHeapSnapshot(join(snapshots, `inprocess-${++shot}.heapsnapshot`));
}

report('before');
let doc = text;
let r = lint(doc);
const findings = r.findings.length;
r = undefined as unknown as typeof r;
// In a macrotask of its own, as the server's next message would be (see below).
await new Promise((resolve) => setImmediate(resolve));
report('after open');
const spaces = proseSpaces(doc);
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
let shift = 0;
let last = 0;
for (let i = 1; i <= edits; i++) {
  const w = ['extra ', 'ook ', 'often ', 'also '][i % 4]!;
  doc = insertWord(doc, spaces, random, shift, w);
  shift += w.length;
  last = lint(doc).findings.length;
  // One edit per macrotask, as in the server (a WeakRef's target is kept until the job ends).
  await new Promise((resolve) => setImmediate(resolve));
  if (i % every === 0 || i === edits) report(`after ${i} edits`);
}
process.stdout.write(`${findings} findings after open, ${last} after the edits\n`);
