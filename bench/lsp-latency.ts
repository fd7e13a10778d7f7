/**
 * The language server on real-shaped documents: Markdown built from the dev corpus (the
 * footnoted book en/lessig-free-culture-book.md first, then the other Markdown reports),
 * cut at a paragraph to about 10,000 and 100,000 words. For each size, in its own server:
 *
 * - first diagnostics: didOpen → the first diagnostics published (for a long document, those of
 *   its first part), and didOpen → the server's status for version 1 (the whole check is done);
 * - edit latency: one-word edits sent as incremental didChange, each timed until the server
 *   says it has checked that version (diagnostics are sent before that, and only when they
 *   changed, so the status notification is the end of every check);
 * - server memory (RSS) after all edits, and how many edits re-published diagnostics;
 * - where an edit's time went: the server's timing log (BRUG_LSP_TIMING) carries absolute timestamps on a clock both
 *   processes share (performance.timeOrigin + now()): the change reached the document store, was applied, the check
 *   started, handed its diagnostics and status to the connection, the status was written (brug-status lines); with the
 *   client's send and receipt times each edit splits into transport, store, check, writing and the client's share.
 *
 * The bench client keeps a document's latest diagnostics only, as an editor does (--keep-publications: every one).
 *
 * brug.debounceMs is 0 here, so this measures the check, not the debounce.
 *
 *   node --expose-gc --import tsx bench/lsp-latency.ts [--sizes 10000,100000] [--edits 1000]
 *     [--pause-every N --pause-ms M]  a pause of M ms (not timed) after every N edits
 *     [--burst K]                     K one-word changes sent back to back per timed edit (keystrokes faster than checks)
 *     [--same-length]                 each word replaces as many characters (nothing after an edit moves)
 *     [--split-word]                  a letter inside a word becomes a space (a word more, nothing after the edit moves)
 *     [--char]                        one letter typed inside a word (a keystroke; no word more)
 *     [--crlf]                        the document with CRLF line ends
 *     [--reports nl,en]               after the book, the reports of these languages in this order (en: the US benefits
 *                                     reports, whose programme abbreviations ask which field's words the report uses)
 *     [--edit-part a:b]               edits only in that part of the document (fractions of its length)
 *     [--interleave N]                all sizes' servers run at once and take the edits in turns of N each (the
 *                                     sizes measured in the same minutes: the ratio without the machine's drift)
 *     [--bundle FILE]                 another build of the server (paired A/B runs against main)
 *     [--malloc-default]              the server started without the allocator settings of SERVER_ENVIRONMENT, which the VS
 *                                     Code extension (and so this bench) starts it with (client/src/protocol.ts)
 *     [--floor]                       the engine checks each document once; edits are checked without it (what the
 *                                     server, the transport and the collector cost per edit on their own)
 *     [--file REL]                    one document of the dev corpus as it is (en/teaching-tech-together-book.tex: LaTeX;
 *                                     `thesis`: the footnoted thesis bench/real.ts builds from the English reports;
 *                                     A,B: several joined; nl/*.md: the Dutch Markdown reports as one document)
 *     [--floor-rules [ID,ID]]         the document rules (or these) run at each document's first check only; an edit's
 *                                     check hands back their first findings, unmoved (what an edit costs without them)
 *     [--silent-rules ID,ID]          these document rules run at every check but hand out no findings (their own work
 *                                     counted; what their findings cost in the engine, the fix guard and the diagnostics not)
 *     [--transport ipc]               the server over Node's IPC channel (--node-ipc), as VS Code started it until session 36
 *                                     (default stdio, as every editor starts it now)
 *     [--code-actions]                after each edit's check, the code actions at the edit (with the diagnostics there,
 *                                     as an editor's light bulb asks as the cursor moves), timed on their own
 *
 * Targets (issue 10): first diagnostics ≤ 2 s; edit median ≤ 20 ms, p95 ≤ 50 ms;
 * 100k/10k median ratio ≤ 1.5; RSS ≤ 150 MB after 1,000 edits.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { BUNDLE, TestClient } from '../test/lsp/client.js';
import { SERVER_ENVIRONMENT } from '../client/src/protocol.js';
import { buildThesis } from './real.js';

const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));
const BOOK = join('en', 'lessig-free-culture-book.md');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

const countWords = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * About `target` words of Markdown: the footnoted book, then the other reports, cut after a paragraph (the reports of
 * `languages`, in that order: `--reports en` makes the book's 100,000 words end in the US benefits reports, whose
 * programme abbreviations the Dutch reports do not have).
 */
export function corpusDocument(target: number, languages: readonly string[] = ['nl', 'en']): { text: string; words: number; files: string[] } {
  const names: string[] = [BOOK];
  for (const lang of languages) {
    for (const name of readdirSync(join(CORPUS, lang)).sort()) {
      const rel = join(lang, name);
      if (name.endsWith('.md') && rel !== BOOK) names.push(rel);
    }
  }
  const parts: string[] = [];
  const used: string[] = [];
  let words = 0;
  for (let i = 0; words < target; i++) {
    const name = names[i % names.length]!;
    const text = readFileSync(join(CORPUS, name), 'utf8').replace(/^\uFEFF/, '');
    used.push(name);
    const paragraphs = text.split(/\n\s*\n/);
    const kept: string[] = [];
    for (const p of paragraphs) {
      kept.push(p);
      words += countWords(p);
      if (words >= target) break;
    }
    parts.push(kept.join('\n\n'));
  }
  return { text: parts.join('\n\n'), words, files: used };
}

/**
 * A document of the dev corpus as it is (--file REL), or several joined by a blank line (--file A,B,…; `nl/*.md`: every
 * Dutch Markdown report, ~86,000 words of ten reports with their ~700 headings).
 */
export function fileDocument(rel: string): { text: string; words: number } {
  const names = rel.split(',').flatMap((r) => {
    const m = /^(\w+)\/\*(\.\w+)$/.exec(r);
    return m ? readdirSync(join(CORPUS, m[1]!)).filter((n) => n.endsWith(m[2]!)).sort().map((n) => join(m[1]!, n)) : [r];
  });
  const text = names.map((n) => readFileSync(join(CORPUS, n), 'utf8').replace(/^\uFEFF/, '')).join('\n\n');
  return { text, words: countWords(text) };
}

/** The footnoted thesis of bench/real.ts (at least 80,000 words and 300 footnotes, built from the English reports). */
export function thesisDocument(): { text: string; words: number } {
  const { text } = buildThesis();
  return { text, words: countWords(text) };
}

function rss(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** The process's minor page faults so far (/proc/PID/stat, field 10): each is a 4 KB page touched for the first time. */
function minorFaults(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after its closing parenthesis; minflt is field 10.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Where the next one-word edit goes: after a space near a random prose place (see proseSpaces). */
export function editPosition(doc: TextDocument, spaces: number[], random: () => number, shift: number): { line: number; character: number } {
  // Candidates move right as words go in before them; an approximate place is enough.
  const offset = Math.min(spaces[Math.floor(random() * spaces.length)]! + Math.floor(shift / 2), doc.getText().length);
  const at = doc.positionAt(offset);
  const line = doc.getText({ start: { line: at.line, character: 0 }, end: { line: at.line + 1, character: 0 } });
  const space = line.indexOf(' ', Math.min(at.character, Math.max(0, line.length - 1)));
  return { line: at.line, character: space >= 0 ? space + 1 : 0 };
}

/** The same edit on a plain string (the in-process benchmarks): the text with `word` inserted after a space near a random prose place. */
export function insertWord(doc: string, spaces: number[], random: () => number, shift: number, word: string): string {
  const at = Math.min(spaces[Math.floor(random() * spaces.length)]! + Math.floor(shift / 2), doc.length);
  const sp = doc.indexOf(' ', at);
  const pos = sp >= 0 ? sp + 1 : at;
  return doc.slice(0, pos) + word + doc.slice(pos);
}

/** Offsets of spaces inside ordinary prose lines (not code, tables, headings, footnote definitions). */
export function proseSpaces(text: string): number[] {
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

interface SizeResult {
  words: number;
  mb: number;
  firstMs: number;
  firstShownMs: number;
  firstShown: number;
  diagnostics: number;
  edits: number;
  median: number;
  /** The median of the first half of the edits and of the second. */
  halves: [number, number];
  p95: number;
  max: number;
  republished: number;
  /** The median of the edits whose check re-published diagnostics, and of the others. */
  publishingMedian: number;
  quietMedian: number;
  rssMb: number;
  peakMb: number;
  idleMb: number;
  heapMb: number;
  longestSlice: number;
  /** The longest time anything blocked the server's message loop (checks, publishing, collections; perf_hooks.monitorEventLoopDelay), and the longest GC pause. */
  loopMaxMs: number;
  gcMaxMs: number;
  forcedCount: number;
  forcedMaxMs: number;
  forcedIdle: number;
  hit: number;
  hitMedian: number;
  clearMedian: number;
  clearP95: number;
  clearMax: number;
  cpuMedian: number;
  cpuP95: number;
  /** Median wall time per edit's check in the engine's lint and in making and comparing (publishing) the diagnostics. */
  lintMedian: number;
  publishMedian: number;
  /** Where each edit's time went (medians and p95 of each leg; see legs()). */
  legs: Array<{ name: string; median: number; p95: number }>;
  /** The server's GC pauses over the whole run: their sum, and how many took 10 ms or more. */
  gcTotalMs: number;
  gcLong: number;
  gcKinds: string;
  /** The bench client's own used heap and RSS after the edits. */
  clientHeapMb: number;
  clientRssMb: number;
  /** The server's minor page faults per edit, and the 4 KB pages one flat copy of the document's text fills. */
  faultsPerEdit: number;
  textPages: number;
  /** Times per edit the server joined a document's pieces into one string (text/view.ts; NaN: a build that does not say). */
  joinsPerEdit: number;
  /** --code-actions: the code-action requests' times (ms), and how many stood in a diagnostic. */
  actions?: { median: number; p95: number; max: number; inDiagnostic: number; count: number };
}

const clock = () => performance.timeOrigin + performance.now();

/** BRUG_LSP_FLOOR for --floor-rules: `rules`, or `rules:ID,ID` when rule ids follow the flag. */
function floorRules(): string {
  const next = process.argv[process.argv.indexOf('--floor-rules') + 1];
  return next && !next.startsWith('--') ? `rules:${next}` : 'rules';
}

/** One size's server, its document opened and checked: `run` makes the next `count` edits, `finish` stops it and sums up. */
interface Measurement {
  run(count: number): Promise<void>;
  finish(): Promise<SizeResult>;
}

async function measure(target: number, edits: number): Promise<SizeResult> {
  const m = await startSize(target, edits);
  await m.run(edits);
  return m.finish();
}

async function startSize(target: number, edits: number): Promise<Measurement> {
  // --file REL: one document of the dev corpus as it is (a LaTeX book, a Dutch report), instead of Markdown cut to a size.
  const file = arg('file', '');
  // (--file thesis: the footnoted thesis bench/real.ts builds from the English reports, its notes after each chapter.)
  const doc0 = file === 'thesis' ? thesisDocument() : file ? fileDocument(file) : corpusDocument(target, arg('reports', 'nl,en').split(','));
  // --crlf: the document with CRLF line ends, as a Windows editor saves it.
  const { text, words } = process.argv.includes('--crlf') ? { ...doc0, text: doc0.text.replace(/\r?\n/g, '\r\n') } : doc0;
  const extension = file ? (/\.(\w+)$/.exec(file)?.[1] ?? 'md') : 'md';
  const languageId = extension === 'tex' ? 'latex' : extension === 'txt' ? 'plaintext' : 'markdown';
  const prof = arg('cpu-prof', '');
  const flags = arg('node-flags', '').split(/\s+/).filter(Boolean);
  const bundle = resolve(arg('bundle', BUNDLE));
  const client = new TestClient({
    settings: { debounceMs: 0, maxDocumentSize: 50 * 1024 * 1024 },
    // --floor: the server runs the engine only for a document's first check; an edit's check then costs nothing but
    // the server's own work (the store applying the change, the transport, the status, the collector): the part of
    // the latency no change to the engine can remove.
    // (--interleave: a server waits while the others take their turns; it must not take that wait for a writer's pause
    // and collect then, which it would not do in edits sent back to back.)
    env: { BRUG_LSP_TIMING: '1', ...(process.argv.includes('--floor') ? { BRUG_LSP_FLOOR: '1' } : process.argv.includes('--floor-rules') ? { BRUG_LSP_FLOOR: floorRules() } : process.argv.includes('--silent-rules') ? { BRUG_LSP_FLOOR: `silent:${arg('silent-rules', '')}` } : {}), ...(Number(arg('interleave', '0')) > 0 ? { BRUG_GC_IDLE_MS: '2000000000' } : {}) },
    // An editor keeps a document's latest diagnostics only; keeping all ~400 publications of 875 diagnostics made the
    // bench's own heap grow by hundreds of MB and its collections delay the status it waits for (--keep-publications:
    // the old behaviour, for comparison).
    keepPublications: process.argv.includes('--keep-publications'),
    // --transport ipc: over Node's IPC channel, as the VS Code extension started the server until session 36 (default
    // stdio, as every editor starts it now).
    transport: arg('transport', 'stdio') === 'ipc' ? 'ipc' : 'stdio',
    // --cpu-prof DIR: the server writes a V8 CPU profile there when it exits.
    // --malloc-default: the server without the allocator settings VS Code starts it with (client/src/protocol.ts).
    launchEnvironment: !process.argv.includes('--malloc-default'),
    // --node-flags "…": V8/Node flags for the server process (to compare memory settings).
    // --bundle FILE: another build of the server (a copy of main's, for paired A/B runs).
    ...(prof || flags.length || bundle !== BUNDLE ? { command: { file: process.execPath, args: [...flags, ...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), bundle, '--stdio'] } } : {}),
  });
  await client.initialize();
  const uri = `file:///tmp/brug-bench/latency-${target}.${extension}`;
  const idle = rss(client.process.pid!);
  let t0 = performance.now();
  await client.open(uri, languageId, text);
  // First diagnostics: the first publication for the document (for a long document, the
  // findings of its first part); then the end of the whole document's check.
  let firstShownMs = NaN;
  const watch = setInterval(() => {
    if (Number.isNaN(firstShownMs) && (client.diagnostics.get(uri)?.diagnostics.length ?? 0) > 0) firstShownMs = performance.now() - t0;
  }, 5);
  await client.checkedCurrent(uri, 300000);
  clearInterval(watch);
  const firstMs = performance.now() - t0;
  if (Number.isNaN(firstShownMs)) firstShownMs = firstMs;
  const firstShown = client.firstPublication.get(uri)?.diagnostics.length ?? 0;
  const diagnostics = client.diagnostics.get(uri)?.diagnostics.length ?? 0;

  // --edit-part a:b: edits only in that part of the document (fractions of its length; e.g. 0.9:1, its last tenth, where an
  // insertion moves little after it; 0:0.1 its first tenth, where it moves nearly everything).
  const [partFrom, partTo] = arg('edit-part', '0:1').split(':').map(Number) as [number, number];
  const spaces = proseSpaces(text).filter((o) => o >= partFrom * text.length && o < partTo * text.length);
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const WORDS = ['extra ', 'ook ', 'vaak ', 'daarna ', 'mostly ', 'often ', 'also '];
  const times: number[] = [];
  // Per edit, on the clock of the server's timing log: the bench starts the edit, the client hands the didChange to the
  // connection, the client receives the status notification, the bench goes on.
  const stamps: Array<{ version: number; start: number; sent: number; seen: number; end: number }> = [];
  const publishedBefore = client.publicationCount.get(uri) ?? 0;
  let shift = 0;
  const faultsBefore = minorFaults(client.process.pid!);
  // --pause-every N --pause-ms M: a writer's pause (not timed) after every N edits, as between bursts of typing.
  const pauseEvery = Number(arg('pause-every', '0'));
  const pauseMs = Number(arg('pause-ms', '500'));
  const burst = Math.max(1, Number(arg('burst', '1')));
  const sameLength = process.argv.includes('--same-length');
  const splitWord = process.argv.includes('--split-word');
  // --char: one character typed inside a word (a letter doubled: "often" → "offten"), as a writer's keystroke; the issue's
  // first measurement was of one-character edits. Nothing after the edit moves more than one character, no word is added.
  const oneChar = process.argv.includes('--char');
  let made = 0;
  const codeActions = process.argv.includes('--code-actions');
  const actionTimes: number[] = [];
  let actionsWithDiagnostics = 0;
  let lastPos = { line: 0, character: 0 };
  const after = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line > b.line || (a.line === b.line && a.character > b.character);
  const run = async (count: number) => {
    for (const stop = Math.min(edits, made + count); made < stop; made++) {
      const i = made;
      if (pauseEvery > 0 && i > 0 && i % pauseEvery === 0) await new Promise((r) => setTimeout(r, pauseMs));
      t0 = performance.now();
      const start = clock();
      let version = 0;
      // --burst K: K one-word changes sent one after the other (each its own didChange, as an editor sends keystrokes
      // faster than the server checks), timed from the first to the check of the last.
      for (let k = 0; k < burst; k++) {
        const doc = client.document(uri);
        const pos = editPosition(doc, spaces, random, shift);
        lastPos = pos;
        const word = WORDS[(i * burst + k) % WORDS.length]!;
        // --same-length: the word replaces as many characters of its line (nothing after the edit moves; as SAME_LENGTH=1
        // of bench/edit-series.ts), where the line is long enough.
        const line = sameLength || splitWord || oneChar ? doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } }).trimEnd() : '';
        // --split-word: a letter inside a word becomes a space (one word more, as an insertion makes, and nothing after
        // the edit moves): the first word of four letters or more from there on its line (if none, the word is inserted).
        const split = splitWord ? /\p{L}{4,}/u.exec(line.slice(pos.character)) : null;
        const letter = oneChar ? /\p{L}{3,}/u.exec(line.slice(pos.character)) : null;
        if (letter) {
          const at = { line: pos.line, character: pos.character + letter.index + 1 };
          version = await client.change(uri, [{ range: { start: at, end: at }, text: letter[0][1]! }]);
          shift += 1;
          continue;
        }
        if (split) {
          const at = { line: pos.line, character: pos.character + split.index + (split[0].length >> 1) };
          version = await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: ' ' }]);
          continue;
        }
        const end = sameLength && pos.character + word.length <= line.length ? { line: pos.line, character: pos.character + word.length } : pos;
        if (end === pos) shift += word.length;
        version = await client.change(uri, [{ range: { start: pos, end }, text: word }]);
      }
      await client.checkedCurrent(uri, 120000);
      times.push(performance.now() - t0);
      stamps.push({ version, start, sent: client.sentAt, seen: client.checkedAt.get(uri) ?? NaN, end: clock() });
      // --code-actions: then the code actions at the edit, with the diagnostics there, as an editor's light bulb asks for
      // them when the cursor stands in a diagnostic (timed on their own; the edit's time above is not changed).
      if (codeActions) {
        const at = client.document(uri).positionAt(client.document(uri).offsetAt(lastPos));
        const here = (client.diagnostics.get(uri)?.diagnostics ?? []).filter((d) => !after(d.range.start, at) && !after(at, d.range.end));
        const a0 = performance.now();
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: here, triggerKind: 2 } });
        actionTimes.push(performance.now() - a0);
        if (here.length) actionsWithDiagnostics++;
      }
    }
  };
  const finish = async (): Promise<SizeResult> => {
    const republished = (client.publicationCount.get(uri) ?? 0) - publishedBefore;
    const mem = rss(client.process.pid!);
    const faultsPerEdit = (minorFaults(client.process.pid!) - faultsBefore) / edits;
    // V8 keeps a text with any character above U+00FF in two bytes per character.
    const textPages = Math.ceil((text.length * (/[^\u0000-\u00ff]/.test(text) ? 2 : 1)) / 4096);
    const own = process.memoryUsage();
    // The server's count of joins (cumulative, in each check's timing line): the first edit's line and the last's.
    const joinCounts = client.logs.map((l) => /brug-timing .* v(\d+): .* joins (\d+),/.exec(l.message)).filter((m): m is RegExpExecArray => !!m && Number(m[1]) > 1);
    const joinsPerEdit = joinCounts.length > 1 ? (Number(joinCounts.at(-1)![2]) - Number(joinCounts[0]![2])) / (joinCounts.length - 1) : NaN;
    await client.stop();
    const cpu = client.logs
      .map((l) => /brug-timing .* v(\d+): .* cpu ([\d.]+) ms/.exec(l.message))
      .filter((m): m is RegExpExecArray => !!m && Number(m[1]) > 1)
      .map((m) => Number(m[2]))
      .sort((a, b) => a - b);
    // The server's used heap (live data and garbage not yet collected) after its last check.
    const heaps = client.logs.map((l) => /brug-timing .* heap ([\d.]+) MB/.exec(l.message)).filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[1]));
    const blocked = client.logs.map((l) => /loop blocked at most ([\d.]+) ms, longest gc ([\d.]+) ms/.exec(l.message)).filter((m): m is RegExpExecArray => !!m);
    const pauses = client.logs.map((l) => /gc pauses ([\d.]+) ms in all, (\d+) of 10 ms or more \(major (\d+), (\d+) ms; minor (\d+), (\d+) ms\)/.exec(l.message)).filter((m): m is RegExpExecArray => !!m).at(-1);
    const slices = client.logs.map((l) => /longest slice ([\d.]+) ms/.exec(l.message)).filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[1]));
    // BRUG_BENCH_LOG=FILE: the server's timing lines, one per check, for a closer look.
    if (process.env.BRUG_BENCH_LOG) writeFileSync(`${process.env.BRUG_BENCH_LOG}-${target}`, client.logs.map((l) => l.message).filter((m) => m.startsWith('brug-timing')).join('\n'));
    // Edits whose wait included a full collection: the used heap after this version's check is 10 MB or more
    // below the one after the version before (works for builds that do not count their collections), an edit
    // right after a writer's pause not counted (a collection in the pause did not delay it).
    const forced = new Map<number, { count: number; ms: number; idle: number }>();
    const heapAt = new Map<number, number>();
    for (const l of client.logs) {
      const m = /brug-timing .* v(\d+): .*forced collections (\d+) \(longest ([\d.]+) ms(?:, (\d+) when idle)?\)/.exec(l.message);
      if (m) forced.set(Number(m[1]), { count: Number(m[2]), ms: Number(m[3]), idle: Number(m[4] ?? NaN) });
      const h = /brug-timing .* v(\d+): .* heap ([\d.]+) MB/.exec(l.message);
      if (h) heapAt.set(Number(h[1]), Number(h[2]));
    }
    const hit: number[] = [];
    const clear: number[] = [];
    times.forEach((t, i) => {
      const now = heapAt.get(i + 2);
      const before = heapAt.get(i + 1);
      if (now === undefined || before === undefined || (pauseEvery > 0 && i > 0 && i % pauseEvery === 0)) return;
      (now < before - 10 ? hit : clear).push(t);
    });
    hit.sort((a, b) => a - b);
    clear.sort((a, b) => a - b);
    const lastForced = [...forced.values()].at(-1);
    const split = client.logs
      .map((l) => /brug-timing .* v(\d+): .*lint ([\d.]+) ms, diagnostics\+publish ([\d.]+) ms/.exec(l.message))
      .filter((m): m is RegExpExecArray => !!m && Number(m[1]) > 1);
    const lints = split.map((m) => Number(m[2])).sort((a, b) => a - b);
    const publishes = split.map((m) => Number(m[3])).sort((a, b) => a - b);
    // The server's absolute timestamps per version: the change reached the document store, was applied, the check
    // started, the check handed its status to the connection, the connection had written it (after the diagnostics).
    const at = new Map<number, number[]>();
    for (const l of client.logs) {
      const m = /brug-timing .* v(\d+): .*, at arrived ([\d.]+) changed ([\d.]+) started ([\d.]+) queued ([\d.]+)/.exec(l.message);
      if (m) at.set(Number(m[1]), [...m.slice(2, 6).map(Number), ...(at.get(Number(m[1])) ?? [])]);
      const w = /brug-status .* v(\d+): written at ([\d.]+)/.exec(l.message);
      if (w) at.set(Number(w[1]), [...(at.get(Number(w[1])) ?? []), Number(w[2])]);
    }
    const legNames = [
      'bench → didChange sent (the client updates its copy)',
      'didChange sent → server store receives it (transport, server loop busy)',
      'server store applies the change',
      'change → check starts (scheduling turns, settings)',
      'check (lint, diagnostics, comparison; status queued)',
      'status queued → written (diagnostics written first; server loop: collections)',
      'status written → client receives it (client loop busy)',
      'client receives status → bench resumes',
    ];
    const legValues: number[][] = legNames.map(() => []);
    for (const e of stamps) {
      const s = at.get(e.version);
      if (!s || s.length !== 5) continue;
      const points = [e.start, e.sent, ...s, e.seen, e.end];
      for (let k = 0; k < legNames.length; k++) legValues[k]!.push(points[k + 1]! - points[k]!);
    }
    // Whether each version's check published diagnostics, and its two parts as the server times them: the engine's
    // lint, and the diagnostics made and published.
    const published = new Map<number, boolean>();
    const parts = new Map<number, { lint: number; diagnostics: number }>();
    for (const l of client.logs) {
      const m = /brug-timing .* v(\d+): .*lint ([\d.]+) ms, diagnostics\+publish ([\d.]+) ms, .* (published|unchanged), /.exec(l.message);
      if (!m) continue;
      published.set(Number(m[1]), m[4] === 'published');
      parts.set(Number(m[1]), { lint: Number(m[2]), diagnostics: Number(m[3]) });
    }
    // The edits whose check re-published the document's diagnostics (a whole list, LSP's only way: at 100,000 words 875
    // diagnostics, ~440 KB the client reads before the status) and the others, apart.
    const publishing = stamps.flatMap((e, i) => (published.get(e.version) === true ? [times[i]!] : [])).sort((a, b) => a - b);
    const quiet = stamps.flatMap((e, i) => (published.get(e.version) === false ? [times[i]!] : [])).sort((a, b) => a - b);
    // BRUG_BENCH_STAMPS=FILE: per edit its time, whether its check published diagnostics, the server's lint and
    // diagnostics times, and its legs (for a closer look).
    if (process.env.BRUG_BENCH_STAMPS) {
      const rows = stamps.map((e, i) => {
        const s = at.get(e.version);
        const points = s && s.length === 5 ? [e.start, e.sent, ...s, e.seen, e.end] : [];
        return { ms: times[i], published: published.get(e.version), ...parts.get(e.version), legs: points.slice(1).map((p, k) => p - points[k]!) };
      });
      writeFileSync(`${process.env.BRUG_BENCH_STAMPS}-${target}.json`, JSON.stringify(rows));
    }
    const legs = legNames.map((name, k) => {
      const v = legValues[k]!.sort((a, b) => a - b);
      return { name, median: v.length ? percentile(v, 50) : NaN, p95: v.length ? percentile(v, 95) : NaN };
    });
    const sorted = [...times].sort((a, b) => a - b);
    const sortedActions = [...actionTimes].sort((a, b) => a - b);
    return {
      ...(codeActions ? { actions: { median: percentile(sortedActions, 50), p95: percentile(sortedActions, 95), max: sortedActions.at(-1) ?? NaN, inDiagnostic: actionsWithDiagnostics, count: actionTimes.length } } : {}),
      legs,
      clientHeapMb: own.heapUsed / 1048576,
      gcTotalMs: pauses ? Number(pauses[1]) : NaN,
      gcLong: pauses ? Number(pauses[2]) : NaN,
      gcKinds: pauses ? `major ${pauses[3]} (${pauses[4]} ms), minor ${pauses[5]} (${pauses[6]} ms)` : '',
      clientRssMb: own.rss / 1048576,
      faultsPerEdit,
      joinsPerEdit,
      textPages,
      words,
      mb: text.length / 1024 / 1024,
      firstMs,
      firstShownMs,
      firstShown,
      diagnostics,
      edits,
      median: edits ? percentile(sorted, 50) : NaN,
      halves: [percentile([...times.slice(0, edits >> 1)].sort((a, b) => a - b), 50), percentile([...times.slice(edits >> 1)].sort((a, b) => a - b), 50)],
      p95: edits ? percentile(sorted, 95) : NaN,
      max: edits ? sorted.at(-1)! : NaN,
      republished,
      publishingMedian: publishing.length ? percentile(publishing, 50) : NaN,
      quietMedian: quiet.length ? percentile(quiet, 50) : NaN,
      rssMb: mem.rssMb,
      peakMb: mem.peakMb,
      idleMb: idle.rssMb,
      heapMb: heaps.at(-1) ?? NaN,
      longestSlice: slices.length ? Math.max(...slices) : NaN,
      loopMaxMs: blocked.length ? Number(blocked.at(-1)![1]) : NaN,
      gcMaxMs: blocked.length ? Number(blocked.at(-1)![2]) : NaN,
      forcedCount: lastForced?.count ?? NaN,
      forcedMaxMs: lastForced?.ms ?? NaN,
      forcedIdle: lastForced?.idle ?? NaN,
      hit: hit.length,
      hitMedian: hit.length ? percentile(hit, 50) : NaN,
      clearMedian: clear.length ? percentile(clear, 50) : NaN,
      clearP95: clear.length ? percentile(clear, 95) : NaN,
      clearMax: clear.length ? clear.at(-1)! : NaN,
      cpuMedian: cpu.length ? percentile(cpu, 50) : NaN,
      cpuP95: cpu.length ? percentile(cpu, 95) : NaN,
      lintMedian: lints.length ? percentile(lints, 50) : NaN,
      publishMedian: publishes.length ? percentile(publishes, 50) : NaN,
    };
  };
  return { run, finish };
}

async function main() {
  // (--file: one document, its own size.)
  const sizes = process.argv.includes('--file') ? [0] : arg('sizes', '10000,100000').split(',').map(Number);
  const edits = Number(arg('edits', '1000'));
  const fmt = (x: number) => x.toFixed(1);
  const results = new Map<number, SizeResult>();
  const interleave = Number(arg('interleave', '0'));
  process.stdout.write(`Brug LSP latency (didChange → check done), brug.debounceMs = 0, ${edits} ${Number(arg('burst', '1')) > 1 ? `bursts of ${arg('burst', '1')} one-word changes` : process.argv.includes('--char') ? 'one-letter edits' : 'one-word edits'} per size; ${process.argv.includes('--file') ? arg('file', '') : `Markdown from the dev corpus starting with ${BOOK}, then the reports (${arg('reports', 'nl,en')})`}${process.argv.includes('--floor') ? '; FLOOR: the engine runs for the first check only, edits are checked without it' : process.argv.includes('--floor-rules') ? `; FLOOR-RULES: ${floorRules() === 'rules' ? 'the document rules' : floorRules().slice(6)} run for the first check only, edits get their first findings unmoved` : process.argv.includes('--silent-rules') ? `; SILENT-RULES: ${arg('silent-rules', '')} run at every check and hand out no findings` : ''}\n`);
  process.stdout.write(`the server starts ${process.argv.includes('--malloc-default') ? "with the allocator's defaults (--malloc-default)" : `as VS Code starts it (${Object.entries(SERVER_ENVIRONMENT).map(([k, v]) => `${k}=${v}`).join(' ')})`}\n`);
  // --interleave N: every size's server is started and its document checked, then the edits go to them in turns of N
  // each, so that each size is measured in the same minutes (on a shared machine the speed drifts from minute to minute
  // by more than the difference between the sizes); without it each size is measured in its own minutes, one after
  // the other.
  if (interleave > 0) {
    const running: Measurement[] = [];
    for (const size of sizes) running.push(await startSize(size, edits));
    for (let done = 0; done < edits; done += interleave) for (const m of running) await m.run(interleave);
    for (let k = 0; k < sizes.length; k++) results.set(sizes[k]!, await running[k]!.finish());
  } else for (const size of sizes) results.set(size, await measure(size, edits));
  for (const size of sizes) {
    const r = results.get(size)!;
    process.stdout.write(
      [
        // (--file: the document as it is, whatever its size; no size was asked for.)
        size > 0 ? `${size} words (${r.words} by a plain count, ${fmt(r.mb)} MB):` : `${r.words} words by a plain count, ${fmt(r.mb)} MB:`,
        `  first diagnostics shown ${fmt(r.firstShownMs)} ms (${r.firstShown} diagnostics); whole document checked ${fmt(r.firstMs)} ms (${r.diagnostics} diagnostics)`,
        `  edit → diagnostics: median ${fmt(r.median)} ms, p95 ${fmt(r.p95)} ms, max ${fmt(r.max)} ms; ${r.republished} of ${r.edits} edits re-published diagnostics (their median ${fmt(r.publishingMedian)} ms, the others' ${fmt(r.quietMedian)} ms)`,
        `  server CPU time per edit's check (less sensitive to a busy machine): median ${fmt(r.cpuMedian)} ms, p95 ${fmt(r.cpuP95)} ms; wall medians: lint ${fmt(r.lintMedian)} ms, diagnostics+publish ${fmt(r.publishMedian)} ms`,
        `  longest time the server held its message loop in a check: ${fmt(r.longestSlice)} ms; blocked by anything (collections too): ${fmt(r.loopMaxMs)} ms, longest GC pause ${fmt(r.gcMaxMs)} ms; GC pauses ${r.gcTotalMs.toFixed(0)} ms in all, ${r.gcLong} of 10 ms or more; ${r.gcKinds}`,
        `  server's own collections: ${r.forcedCount} (${r.forcedIdle} when idle; longest ${fmt(r.forcedMaxMs)} ms); ${r.hit} edits waited for a full collection (heap 10 MB down) (median ${fmt(r.hitMedian)} ms); the other edits: median ${fmt(r.clearMedian)} ms, p95 ${fmt(r.clearP95)} ms, max ${fmt(r.clearMax)} ms`,
        `  where an edit's time went (median / p95 ms; absolute timestamps of the server's timing log): ${r.legs.map((l) => `${l.name} ${fmt(l.median)} / ${fmt(l.p95)}`).join('; ')}`,
        `  server RSS ${fmt(r.rssMb)} MB after the edits (peak ${fmt(r.peakMb)} MB; ${fmt(r.idleMb)} MB before the document); used heap after the last check ${fmt(r.heapMb)} MB; the bench client's own heap ${fmt(r.clientHeapMb)} MB (RSS ${fmt(r.clientRssMb)} MB)`,
        `  server minor page faults per edit ${r.faultsPerEdit.toFixed(0)} (one flat copy of the text fills ${r.textPages} pages of 4 KB: memory V8 takes fresh from the system for each new large string); the document's pieces joined into one string ${Number.isNaN(r.joinsPerEdit) ? '(not counted by this build)' : `${r.joinsPerEdit.toFixed(2)} times per edit`}`,
        ...(r.actions ? [`  code actions at each edit after its check (as a light bulb asks; ${r.actions.inDiagnostic} of ${r.actions.count} in a diagnostic): median ${fmt(r.actions.median)} ms, p95 ${fmt(r.actions.p95)} ms, max ${fmt(r.actions.max)} ms`] : []),
        '',
      ].join('\n'),
    );
  }
  const small = results.get(sizes[0]!);
  const large = results.get(sizes.at(-1)!);
  if (small && large && small !== large) {
    const ratio = large.median / small.median;
    process.stdout.write(
      [
        `machine load while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (1/5/15 min) on ${cpus().length} cores`,
        `targets: first diagnostics ≤ 2 s ${large.firstShownMs <= 2000 ? 'MET' : 'MISSED'} (whole document checked: ${(large.firstMs / 1000).toFixed(1)} s); median ≤ 20 ms ${large.median <= 20 ? 'MET' : 'MISSED'}; p95 ≤ 50 ms ${large.p95 <= 50 ? 'MET' : 'MISSED'}; ` +
          `${sizes.at(-1)}/${sizes[0]} median ratio ${ratio.toFixed(2)} ≤ 1.5 ${ratio <= 1.5 ? 'MET' : 'MISSED'} (first half of the edits ${(large.halves[0] / small.halves[0]).toFixed(2)}, second half ${(large.halves[1] / small.halves[1]).toFixed(2)}${interleave > 0 ? `; sizes measured in turns of ${interleave} edits` : '; sizes measured one after the other'}); RSS ≤ 150 MB ${large.rssMb <= 150 ? 'MET' : 'MISSED'}`,
        '',
      ].join('\n'),
    );
  }
}

// Run only as a script (other scripts import corpusDocument).
if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) {
  main().catch((err) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
