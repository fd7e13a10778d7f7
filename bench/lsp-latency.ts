/**
 * Edit latency through the language server: a 100,000-word Markdown document built from the
 * dev corpus (../shared/corpora/dev/{nl,en}/*.md, repeated), 50 one-word edits sent as
 * incremental didChange, and the time from each didChange to the publishDiagnostics of that
 * version. brug.debounceMs is 0 here, so this measures the check, not the debounce.
 *
 *   node --expose-gc --import tsx bench/lsp-latency.ts [--words 100000] [--edits 50]
 *
 * Targets: median < 50 ms; peak server memory (RSS high-water mark) < 300 MB.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../test/lsp/client.js';

const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function corpusDocument(targetWords: number): { text: string; words: number; files: string[] } {
  const files: string[] = [];
  for (const lang of ['nl', 'en']) {
    const dir = join(CORPUS, lang);
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.md')) files.push(join(dir, name));
  }
  if (files.length === 0) throw new Error(`no Markdown files in ${CORPUS}/{nl,en}`);
  const texts = files.map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
  const count = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const parts: string[] = [];
  let words = 0;
  for (let i = 0; words < targetWords; i++) {
    const t = texts[i % texts.length]!;
    parts.push(t);
    words += count(t);
  }
  return { text: parts.join('\n\n'), words, files };
}

function peakRss(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Offsets of ordinary prose words (in lines that are not code, tables, headings or front matter). */
function proseOffsets(text: string): number[] {
  const out: number[] = [];
  let inFence = false;
  let pos = 0;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && /^[A-Za-zÀ-ÿ]/.test(line) && line.length > 60 && !line.includes('|')) {
      const m = / [a-zà-ÿ]{4,} /.exec(line);
      if (m) out.push(pos + m.index + 1);
    }
    pos += line.length + 1;
  }
  return out;
}

async function main() {
  const targetWords = arg('words', 100000);
  const edits = arg('edits', 50);
  const { text, words, files } = corpusDocument(targetWords);
  const client = new TestClient({ settings: { debounceMs: 0, maxDocumentSize: 50 * 1024 * 1024 }, env: { BRUG_LSP_TIMING: '1', ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}) } });
  await client.initialize();
  const uri = 'file:///tmp/brug-bench/latency.md';
  // The server before any document (dictionaries load with the first check).
  const idle = peakRss(client.process.pid!);

  let t0 = performance.now();
  await client.open(uri, 'markdown', text);
  const first = await client.diagnosticsFor(uri, 120000);
  const openMs = performance.now() - t0;

  const report = await client.request<{ metrics: { words: number } }>('workspace/executeCommand', { command: 'brug.report', arguments: [uri] });

  // A second full check with a warm cache, for reference: one word at the very end.
  const candidates = proseOffsets(text);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const times: number[] = [];
  const WORDS = ['extra', 'ook', 'vaak', 'daarna', 'mostly', 'often', 'also'];
  for (let i = 0; i < edits; i++) {
    const doc = client.document(uri);
    const offset = candidates[Math.floor(random() * candidates.length)]!;
    // Keep offsets valid as the text grows: edits before a candidate shift it; re-find the word start.
    const at = doc.positionAt(Math.min(offset + i * 8, doc.getText().length));
    const line = doc.getText({ start: { line: at.line, character: 0 }, end: { line: at.line + 1, character: 0 } });
    const space = line.indexOf(' ', Math.min(at.character, line.length - 1));
    const pos = { line: at.line, character: space >= 0 ? space + 1 : 0 };
    const word = `${WORDS[i % WORDS.length]} `;
    const before = client.diagnostics.get(uri);
    t0 = performance.now();
    const version = await client.change(uri, [{ range: { start: pos, end: pos }, text: word }]);
    await client.until(() => {
      const p = client.diagnostics.get(uri);
      return p && p !== before && p.version === version;
    }, `diagnostics for version ${version}`, 60000);
    times.push(performance.now() - t0);
  }
  const mem = peakRss(client.process.pid!);
  await client.stop();
  // The server's own split of each check (logged with BRUG_LSP_TIMING=1): the engine's lint, then conversion and publishing.
  const split = client.logs
    .map((l) => /brug-timing .* v(\d+): waited ([\d.]+) ms, lint ([\d.]+) ms, diagnostics\+publish ([\d.]+) ms, cpu ([\d.]+) ms/.exec(l.message))
    .filter((m): m is RegExpExecArray => !!m && Number(m[1]) > 1)
    .map((m) => ({ waited: Number(m[2]), lint: Number(m[3]), rest: Number(m[4]), cpu: Number(m[5]) }));
  const cpuSorted = split.map((x) => x.cpu).sort((a, b) => a - b);
  const waitSorted = split.map((x) => x.waited).sort((a, b) => a - b);
  const lintSorted = split.map((x) => x.lint).sort((a, b) => a - b);
  const restSorted = split.map((x) => x.rest).sort((a, b) => a - b);

  const sorted = [...times].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const fmt = (x: number) => x.toFixed(1);
  process.stdout.write(
    [
      'Brug LSP edit latency (didChange → publishDiagnostics), brug.debounceMs = 0',
      `document: ${words} words by a plain word count (${report.metrics.words} by Brug's count), ${(text.length / 1024 / 1024).toFixed(2)} MB, from ${files.length} dev-corpus Markdown files, repeated`,
      `first check (didOpen → diagnostics): ${fmt(openMs)} ms, ${first.length} diagnostics`,
      `${edits} one-word edits: median ${fmt(median)} ms, p95 ${fmt(p95)} ms, min ${fmt(sorted[0]!)} ms, max ${fmt(sorted.at(-1)!)} ms`,
      split.length ? `  of which the engine's lint: median ${fmt(percentile(lintSorted, 50))} ms, p95 ${fmt(percentile(lintSorted, 95))} ms; diagnostics + publish: median ${fmt(percentile(restSorted, 50))} ms, p95 ${fmt(percentile(restSorted, 95))} ms; from didChange to the start of the check: median ${fmt(percentile(waitSorted, 50))} ms (the rest is JSON-RPC transport and the client)` : '  (no timing split logged)',
      split.length ? `  server CPU time per check (lint + diagnostics + publish; insensitive to other processes on the machine): median ${fmt(percentile(cpuSorted, 50))} ms, p95 ${fmt(percentile(cpuSorted, 95))} ms` : '',
      `machine load while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (1/5/15 min) on ${cpus().length} cores`,
      `server memory: peak RSS ${fmt(mem.peakMb)} MB (VmHWM), RSS at the end ${fmt(mem.rssMb)} MB, RSS before the first document ${fmt(idle.rssMb)} MB`,
      `targets: median < 50 ms ${median < 50 ? 'MET' : 'MISSED'}; peak memory < 300 MB ${mem.peakMb < 300 ? 'MET' : 'MISSED'}`,
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
