/**
 * The language server's memory on real-shaped documents (the Markdown of bench/lsp-latency.ts:
 * the footnoted book first, cut at a paragraph to about 10,000 and 100,000 words). For each size,
 * in its own server process (the bundle, as an editor starts it):
 *
 * - before the document, after it is opened and checked, and every `--every` edits up to
 *   `--edits` one-word edits (incremental didChange, each waited for until checked);
 * - at each point: the RSS as the editor would see it, then — after the server collected fully
 *   (SIGUSR2, see server/src/lsp/memory.ts) — the live heap, RSS and external memory;
 * - the RSS after each of the last 100 edits (min, mean, max; no collection asked for): the one reading after the last
 *   edit falls anywhere in the collector's cycle, and moves by several MB from run to run.
 *
 * The live heap after the edits minus after open is what the edits left behind (it should stay
 * near zero: memory flat over edits); the live heap after open minus before is what one analysed
 * document holds.
 *
 *   node --import tsx bench/lsp-memory.ts [--sizes 10000,100000] [--edits 1000] [--every 250]
 *        [--snapshot DIR]   (heap snapshots of the server after open and after the edits)
 *        [--file REL]       (a Markdown document of the dev corpus, as bench/lsp-latency.ts --file)
 *        [--node-flags "…"] (V8/Node flags for the server process)
 *        [--malloc-default] (without the allocator settings the VS Code extension starts the server with)
 *        [--bundle FILE]    (another build of the server, for paired runs)
 *        [--idle S]         (one more point after S seconds without edits)
 *        [--env "K=V …"]    (environment of the server process, e.g. MALLOC_ARENA_MAX=2)
 *
 * Target (issue 10): server RSS ≤ 150 MB after 1,000 edits on 100,000 words.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUNDLE, TestClient } from '../test/lsp/client.js';
import { corpusDocument, editPosition, fileDocument, proseSpaces, thesisDocument } from './lsp-latency.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

const MB = 1024 * 1024;
/** How many of the last edits' RSS readings the summary gives (min, mean, max). */
const TRAIL = 100;

/** --env "K=V K2=V2": environment of the server process (MALLOC_ARENA_MAX=2, say, to compare malloc settings). */
function extraEnv(): Record<string, string> {
  return Object.fromEntries(arg('env', '').split(/\s+/).filter((kv) => kv.includes('=')).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

interface Probe {
  label: string;
  /** RSS before the forced collection (what the editor's process list shows). */
  rssMb: number;
  /** After a full collection. */
  liveMb: number;
  heapTotalMb: number;
  rssGcMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** V8's spaces after the collection: committed size / used, MB. */
  spaces: string;
  /** V8's spaces before the collection (as the editor's RSS sees them). */
  spacesBefore: string;
  /** /proc/PID/smaps_rollup before the collection: anonymous and file-backed resident MB. */
  anonMb: number;
  fileMb: number;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

async function measure(target: number, edits: number, every: number, snapshots: string | undefined): Promise<{ words: number; probes: Probe[]; trail: number[] }> {
  // --file REL (as bench/lsp-latency.ts: A,B or nl/*.md joined): that Markdown document of the dev corpus instead of one cut to a size;
  // --file thesis: the footnoted thesis of bench/real.ts.
  const file = arg('file', '');
  const { text, words } = file === 'thesis' ? thesisDocument() : file ? fileDocument(file) : corpusDocument(target);
  const dir = mkdtempSync(join(tmpdir(), 'brug-memory-'));
  const flags = arg('node-flags', '').split(/\s+/).filter(Boolean);
  // --bundle FILE: another build of the server (a copy of main's, for paired runs).
  const bundle = resolve(arg('bundle', BUNDLE));
  const client = new TestClient({
    settings: { debounceMs: 0, maxDocumentSize: 50 * 1024 * 1024 },
    env: { BRUG_MEMORY_PROBE: snapshots ?? dir, ...(snapshots ? { BRUG_MEMORY_SNAPSHOT: '1' } : {}), ...extraEnv() },
    // As an editor: the latest diagnostics of a document only (bench/lsp-latency.ts).
    keepPublications: false,
    launchEnvironment: !process.argv.includes('--malloc-default'),
    ...(flags.length || bundle !== BUNDLE ? { command: { file: process.execPath, args: [...flags, bundle, '--stdio'] } } : {}),
  });
  await client.initialize();
  const pid = client.process.pid!;
  const probes: Probe[] = [];
  let n = 0;
  const probe = async (label: string) => {
    const rssMb = rssOf(pid);
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0) / 1024;
    const anonMb = kb('Anonymous');
    const fileMb = kb('Rss') - anonMb;
    const file = join(snapshots ?? dir, `memory-${++n}.json`);
    process.kill(pid, 'SIGUSR2');
    await client.until(() => existsSync(file), `memory report ${file}`, 300000);
    type Spaces = Array<{ space_name: string; space_size: number; space_used_size: number }>;
    const { memory, spaces, before } = JSON.parse(readFileSync(file, 'utf8')) as { memory: NodeJS.MemoryUsage; spaces: Spaces; before?: { spaces: Spaces } };
    const show = (list: Spaces) =>
      list
        .filter((s) => s.space_size >= MB)
        .map((s) => `${s.space_name.replace(/_space$/, '')} ${(s.space_size / MB).toFixed(0)}/${(s.space_used_size / MB).toFixed(0)}`)
        .join(', ');
    probes.push({ label, rssMb, liveMb: memory.heapUsed / MB, heapTotalMb: memory.heapTotal / MB, rssGcMb: memory.rss / MB, externalMb: memory.external / MB, arrayBuffersMb: memory.arrayBuffers / MB, spaces: show(spaces), spacesBefore: before ? show(before.spaces) : '', anonMb, fileMb });
  };
  // The bundle loads its dictionaries with the first document: "before" is the bare server.
  await probe('before the document');
  const uri = `file:///tmp/brug-bench/memory-${target}.md`;
  await client.open(uri, 'markdown', text);
  await client.checkedCurrent(uri, 300000);
  await probe('after open');

  const spaces = proseSpaces(text);
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const WORDS = ['extra ', 'ook ', 'vaak ', 'daarna ', 'mostly ', 'often ', 'also '];
  let shift = 0;
  const trail: number[] = [];
  for (let i = 1; i <= edits; i++) {
    const pos = editPosition(client.document(uri), spaces, random, shift);
    const word = WORDS[(i - 1) % WORDS.length]!;
    shift += word.length;
    await client.change(uri, [{ range: { start: pos, end: pos }, text: word }]);
    await client.checkedCurrent(uri, 120000);
    // The last edits' RSS as the editor sees it after each (no collection asked for): where the one reading after the
    // last edit falls in the collector's cycle moves it by several MB from run to run (session 35: 145–151 MB).
    if (i > edits - TRAIL) trail.push(rssOf(pid));
    if (i % every === 0 || i === edits) await probe(`after ${i} edits`);
  }
  // --idle S: the editor idle for S seconds after the edits (V8's memory reducer may act), then once more.
  const idle = Number(arg('idle', '0'));
  if (idle > 0) {
    const rssMb = rssOf(pid);
    await new Promise((resolve) => setTimeout(resolve, idle * 1000));
    process.stdout.write(`  (RSS ${rssMb.toFixed(1)} MB right after the edits, ${rssOf(pid).toFixed(1)} MB after ${idle} s idle)\n`);
    await probe(`after ${idle} s idle`);
  }
  await client.stop();
  if (!snapshots) rmSync(dir, { recursive: true, force: true });
  return { words, probes, trail };
}

async function main() {
  const sizes = arg('sizes', '10000,100000').split(',').map(Number);
  const edits = Number(arg('edits', '1000'));
  const every = Number(arg('every', '250'));
  const snapshot = arg('snapshot', '');
  const f = (x: number) => x.toFixed(1).padStart(6);
  process.stdout.write(`Brug LSP memory, ${edits} one-word edits per size (brug.debounceMs = 0); Markdown from the dev corpus as in bench/lsp-latency.ts\n`);
  let last: Probe | undefined;
  for (const size of sizes) {
    let dir: string | undefined;
    if (snapshot) mkdirSync((dir = resolve(snapshot, String(size))), { recursive: true });
    const { words, probes, trail } = await measure(size, edits, every, dir);
    process.stdout.write(`${size} words (${words} by a plain count):\n`);
    process.stdout.write(`  ${'point'.padEnd(22)}    RSS | after a full collection: live heap  heap total    RSS  external (buffers)  [V8 spaces: committed/used MB]\n`);
    for (const p of probes) {
      process.stdout.write(`  ${p.label.padEnd(22)} ${f(p.rssMb)} |                          ${f(p.liveMb)}     ${f(p.heapTotalMb)} ${f(p.rssGcMb)}  ${f(p.externalMb)} (${p.arrayBuffersMb.toFixed(1)})  [${p.spaces}]\n`);
      process.stdout.write(`  ${''.padEnd(22)}        (before it: RSS ${p.anonMb.toFixed(1)} MB anonymous + ${p.fileMb.toFixed(1)} MB file-backed; V8 spaces [${p.spacesBefore}])\n`);
    }
    const open = probes.find((p) => p.label === 'after open')!;
    const end = probes.find((p) => p.label === `after ${edits} edits`) ?? probes.at(-1)!;
    const bare = probes[0]!;
    process.stdout.write(`  one analysed document holds ${(open.liveMb - bare.liveMb).toFixed(1)} MB of live heap; the edits left ${(end.liveMb - open.liveMb).toFixed(1)} MB more\n`);
    if (trail.length) {
      const mean = trail.reduce((a, b) => a + b, 0) / trail.length;
      process.stdout.write(`  RSS after each of the last ${trail.length} edits: min ${Math.min(...trail).toFixed(1)}, mean ${mean.toFixed(1)}, max ${Math.max(...trail).toFixed(1)} MB\n`);
    }
    process.stdout.write('\n');
    last = end;
  }
  if (last) {
    process.stdout.write(`machine load while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (1/5/15 min) on ${cpus().length} cores\n`);
    process.stdout.write(`target: RSS ≤ 150 MB after the edits at ${sizes.at(-1)} words: ${last.rssMb.toFixed(1)} MB ${last.rssMb <= 150 ? 'MET' : 'MISSED'}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
