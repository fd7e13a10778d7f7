/**
 * The real-document part of `npm run bench`: Brug next to the naive remark + retext
 * pipeline (bench/retext.ts) on the same files, in one process, one after the other:
 * - the footnoted book of the dev corpus (en/lessig-free-culture-book.md);
 * - a footnoted thesis of at least 80,000 words and 300 footnotes whose definitions follow
 *   each chapter, built here from the other English dev documents (citations and
 *   parenthetical remarks turned into footnotes; nothing of it is stored);
 * - the Dutch dev reports, and the LaTeX book;
 * - a scaling check: 1x, 2x, 4x a footnoted document, and the fitted exponent;
 * - cold start on 1,000 words: `brug check` against the retext pipeline as a process;
 * - the same documents as whole processes: `brug check` as shipped against the retext pipeline as a command (CPU).
 *
 * The process runs with the `brug` command's V8 settings (bench/v8-as-shipped.ts; BRUG_BENCH_V8_DEFAULTS=1: V8's own),
 * for both pipelines.
 *
 * Times are the CPU time of the process (process.cpuUsage), which the load of a shared machine
 * disturbs far less than wall time; the cold start times whole processes (wall). Brug runs as
 * bundled for the command and the language server (bench/shipped.ts).
 *
 * Run alone: node --expose-gc --import tsx bench/real.ts [scaling|compare|cold|process]
 */
// First: the V8 settings of the `brug` command for this process (before retext and the engine are loaded).
import { V8_AS_SHIPPED } from './v8-as-shipped.js';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { retextCheck } from './retext.js';
import { shippedEngine } from './shipped.js';

const HERE = import.meta.dirname;
const REPO = resolve(HERE, '..');
const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(HERE, '..', '..', 'shared', 'corpora', 'dev'));

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (label: string, value: string) => console.log(`${label.padEnd(64)} ${value}`);
const read = (rel: string) => readFileSync(join(CORPUS, rel), 'utf8');

function files(lang: string, ext: string): string[] {
  const dir = join(CORPUS, lang);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => `${lang}/${f}`) : [];
}

/** "salamon_SearchNonprofitSector_1992a" → "Salamon, Search Nonprofit Sector, 1992a." */
function citationText(key: string): string {
  const parts = key.split(/[_:]/).filter(Boolean).map((p) => p.replace(/([a-z])([A-Z])/g, '$1 $2'));
  const text = parts.map((p, i) => (i === 0 ? p[0]!.toUpperCase() + p.slice(1) : p)).join(', ');
  return `See ${text}.`;
}

/**
 * One chapter of the thesis: citations ([@key], @key) and parenthetical remarks of 20 to 300
 * characters become footnotes; their definitions follow the chapter.
 */
function footnoteChapter(text: string, next: () => number): string {
  const notes: string[] = [];
  const note = (content: string) => {
    const n = next();
    notes.push(`[^n${n}]: ${content.trim().replace(/\s+/g, ' ')}`);
    return `[^n${n}]`;
  };
  let fenced = false;
  const lines = text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || /^\s*([|#]|\[\^)/.test(line)) return line;
    return line
      .replace(/\s?\[@([\w:-]+)[^\]\n]*\]/g, (_m, key: string) => note(citationText(key)))
      .replace(/(^|\s)@([a-z][\w:-]*_\d{4}\w*)/g, (_m, pre: string, key: string) => `${pre}${note(citationText(key))}`.replace(/^\s\[\^/, '[^'))
      .replace(/ \(([^()\n[\]`$]{20,300})\)/g, (_m, inner: string) => note(/[.!?]$/.test(inner) ? inner : `${inner}.`));
  });
  return `${lines.join('\n').trimEnd()}\n\n${notes.join('\n\n')}\n`;
}

/** A footnoted thesis of at least `minWords` words and 300 footnotes from the English dev documents (not the book). */
export function buildThesis(minWords = 80000): { text: string; footnotes: number } {
  const sources = files('en', '.md').filter((f) => !f.includes('lessig')).map(read);
  let n = 0;
  const next = () => ++n;
  let text = '';
  for (let i = 0; words(text) < minWords || n < 300; i++) {
    // Chapters at level-1 headings (or whole documents without them).
    // The sources' own footnote labels get the round's number, so that labels stay unique.
    const chapters = sources[i % sources.length]!.replace(/\[\^([^\]\n]+)\]/g, `[^$1-r${i}]`).split(/\n(?=# )/);
    for (const c of chapters) text += `${footnoteChapter(c, next)}\n`;
    if (i > 50) break;
  }
  return { text, footnotes: n };
}

/**
 * Footnoted chapters, all different (a repeated text would hit the block cache): the book's
 * chapters and the thesis's, taken in turn.
 */
function footnotedChapters(): string[] {
  const book = existsSync(join(CORPUS, 'en/lessig-free-culture-book.md')) ? read('en/lessig-free-culture-book.md').split(/\n(?=# )/) : [];
  const thesis = buildThesis(60000).text.split(/\n(?=# )/);
  const out: string[] = [];
  for (let i = 0; i < Math.max(book.length, thesis.length); i++) {
    if (i < book.length) out.push(book[i]!.replace(/\[\^([^\]\n]+)\]/g, `[^$1-b${i}]`));
    if (i < thesis.length) out.push(thesis[i]!);
  }
  return out;
}

/** The document with footnote labels and a word at each line start that are this copy's own. */
function distinctCopy(doc: string, copy: number): string {
  const mark = `K${copy.toString(36)}`;
  return doc.replace(/\[\^([^\]\n]+)\]/g, `[^$1-${mark}]`).replace(/^((?:#{1,6} |[-*] |\d{1,3}\. |> )?)(\p{L})/gmu, `$1${mark} $2`);
}

/** The first sections (at any heading level) of the chapters, up to `target` words. */
function prefix(chapters: string[], target: number): string {
  let doc = '';
  let n = 0;
  for (const s of chapters.join('\n').split(/\n(?=#{1,6} )/)) {
    if (n >= target) break;
    doc += `${s}\n`;
    n += words(s);
  }
  return doc;
}

// The engine as bundled for `brug` and the language server (bench/shipped.ts), loaded when a part
// that times it runs; BRUG_BENCH_SOURCE=1 times the TypeScript sources instead.
let lib: Awaited<ReturnType<typeof shippedEngine>> | undefined;
type Engine = InstanceType<Awaited<ReturnType<typeof shippedEngine>>['Engine']>;
async function loadEngine(): Promise<void> {
  lib ??= await shippedEngine();
  // The practice-fit cues, as the workspace registers them for `brug check` and the language server: a full check.
  lib.registerPracticeDictionaries();
}
const newEngine = (): Engine => new lib!.Engine({ vocabulary: new lib!.Vocabulary(lib!.bundledDictionaries().dictionaries), formats: lib!.extraFormats });
/**
 * One engine for the process, as the retext side keeps one processor per language (rules and
 * dictionaries compiled once); its caches are emptied before every run, so no block of one
 * run is served from an earlier one.
 */
let shared: Engine | undefined;

/**
 * CPU milliseconds of this process since `from` (all its threads: the garbage collector's helpers
 * too). On a machine that other work shares, the CPU a run used is what the load disturbs least;
 * wall time counts every moment the run waited for a core.
 */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

/** `ms`: CPU time (see cpuSince); `wall`: elapsed time. */
function brugOnce(text: string, path: string): { ms: number; wall: number; findings: number } {
  lib!.clearMarkdownCache();
  lib!.clearSyllableCache();
  const engine = (shared ??= newEngine());
  engine.clearCaches();
  global.gc?.();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = engine.lint(text, { path });
  return { ms: cpuSince(c0), wall: performance.now() - t0, findings: r.findings.length };
}

async function retextOnce(text: string, lang: 'nl' | 'en', markdown: boolean): Promise<{ ms: number; wall: number; messages: number }> {
  global.gc?.();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const messages = await retextCheck(text, lang, markdown);
  return { ms: cpuSince(c0), wall: performance.now() - t0, messages };
}

/** Least-squares slope of log(time) over log(size). */
export function exponent(points: Array<[number, number]>): number {
  const xs = points.map(([s]) => Math.log(s));
  const ys = points.map(([, t]) => Math.log(t));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

/** Both pipelines warmed up on a small document of each language (first-use costs belong to the cold start). */
async function warmUp(): Promise<void> {
  await loadEngine();
  const small = read(files('en', '.md').find((f) => f.includes('tribal')) ?? files('en', '.md')[0]!);
  const smallNl = files('nl', '.md').find((f) => f.includes('robot')) ?? files('nl', '.md')[0];
  for (let i = 0; i < 2; i++) {
    brugOnce(small, 'warm.md');
    await retextOnce(small, 'en', true);
    if (!smallNl) continue;
    brugOnce(read(smallNl), 'warm-nl.md');
    await retextOnce(read(smallNl), 'nl', true);
  }
}

async function partCompare(): Promise<void> {
  console.log(`(V8 settings: ${V8_AS_SHIPPED ? "the brug command's, for both pipelines" : "V8's defaults (BRUG_BENCH_V8_DEFAULTS=1)"})`);
  await warmUp();
  const thesis = buildThesis();
  const docs: Array<{ label: string; text: string; path: string; lang: 'nl' | 'en' }> = [];
  if (existsSync(join(CORPUS, 'en/lessig-free-culture-book.md'))) docs.push({ label: 'en/lessig-free-culture-book.md (footnoted book)', text: read('en/lessig-free-culture-book.md'), path: 'book.md', lang: 'en' });
  docs.push({ label: `footnoted thesis built from en/*.md (${thesis.footnotes} footnotes)`, text: thesis.text, path: 'thesis.md', lang: 'en' });
  for (const f of files('nl', '.md')) docs.push({ label: f, text: read(f), path: f, lang: 'nl' });
  for (const f of files('en', '.tex')) docs.push({ label: `${f} (LaTeX book; retext reads it as text)`, text: read(f), path: f, lang: 'en' });
  let brugTotal = 0;
  let retextTotal = 0;
  let nlBrug = 0;
  let nlRetext = 0;
  let nlWords = 0;
  // BRUG_COMPARE_ROUNDS=n: each document n times, Brug and retext in turn, the fastest of each.
  const rounds = Number(process.env.BRUG_COMPARE_ROUNDS ?? 1);
  for (const d of docs) {
    if (process.env.BRUG_COMPARE_ONLY && !d.label.includes(process.env.BRUG_COMPARE_ONLY)) continue;
    const w = words(d.text);
    const b = { ms: Infinity };
    const r = { ms: Infinity };
    for (let i = 0; i < rounds; i++) {
      b.ms = Math.min(b.ms, brugOnce(d.text, d.path).ms);
      r.ms = Math.min(r.ms, (await retextOnce(d.text, d.lang, d.path.endsWith('.md'))).ms);
    }
    brugTotal += b.ms;
    retextTotal += r.ms;
    if (d.lang === 'nl') {
      if (process.env.BRUG_COMPARE_DETAIL) row(`  ${d.label} (${w} words)`, `Brug ${b.ms.toFixed(0)} ms CPU; retext ${r.ms.toFixed(0)} ms; ratio ${(b.ms / r.ms).toFixed(2)}`);
      nlBrug += b.ms;
      nlRetext += r.ms;
      nlWords += w;
      continue;
    }
    row(`${d.label} (${w} words)`, `Brug ${b.ms.toFixed(0)} ms CPU = ${Math.round(w / (b.ms / 1000))} words/s; retext ${r.ms.toFixed(0)} ms; ratio ${(b.ms / r.ms).toFixed(2)}`);
  }
  if (nlWords) row(`Dutch dev reports, nl/*.md (${nlWords} words)`, `Brug ${nlBrug.toFixed(0)} ms CPU = ${Math.round(nlWords / (nlBrug / 1000))} words/s; retext ${nlRetext.toFixed(0)} ms; ratio ${(nlBrug / nlRetext).toFixed(2)}`);
  row('all of the above', `Brug ${brugTotal.toFixed(0)} ms CPU; retext ${retextTotal.toFixed(0)} ms; ratio ${(brugTotal / retextTotal).toFixed(2)} (target <= 0.25)`);
}

async function partScaling(): Promise<void> {
  await warmUp();
  // About 25,000 words of footnoted chapters, then that text two and four times over. Each
  // copy differs in every paragraph (a word of its own at each line start) and has its own
  // footnote labels, so that no block of one copy hits the cache of another.
  const base = prefix(footnotedChapters(), 25000);
  const sizes = [1, 2, 4];
  const docs = sizes.map((k) => {
    let doc = '';
    for (let c = 0; c < k; c++) doc += `${distinctCopy(base, c)}\n\n`;
    return { k, doc, without: doc.replace(/\[\^[^\]\n]+\](?!:)/g, '') };
  });
  // Several rounds, the sizes in a different order each round, and the fastest run per size:
  // on a shared machine the load changes from minute to minute, and the minimum is the run
  // that the other work disturbed least.
  const rounds = Number(process.env.BRUG_SCALING_ROUNDS ?? 3);
  const best = docs.map(() => ({ with: Infinity, without: Infinity }));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const i of order) {
      best[i]!.with = Math.min(best[i]!.with, brugOnce(docs[i]!.doc, 'scaled.md').ms);
      best[i]!.without = Math.min(best[i]!.without, brugOnce(docs[i]!.without, 'scaled.md').ms);
    }
  }
  const points: Array<[number, number]> = [];
  const plain: Array<[number, number]> = [];
  docs.forEach((d, i) => {
    const w = words(d.doc);
    const { with: ms, without: msPlain } = best[i]!;
    points.push([w, ms]);
    plain.push([words(d.without), msPlain]);
    row(`footnoted document x${d.k} (${w} words, ${(d.doc.match(/^\[\^/gm) ?? []).length} footnotes)`, `${ms.toFixed(0)} ms CPU = ${Math.round(w / (ms / 1000))} words/s; without the references ${msPlain.toFixed(0)} ms (fastest of ${rounds})`);
  });
  row('scaling exponent (time ~ size^e), with footnotes', `${exponent(points).toFixed(2)} (target <= 1.1)`);
  row('scaling exponent, references removed', `${exponent(plain).toFixed(2)} (target <= 1.1)`);
}

function partCold(): void {
  const cli = join(REPO, 'server', 'bin', 'brug.js');
  if (!existsSync(join(REPO, 'server', 'dist', 'cli.mjs'))) {
    row('cold start', 'not measured: run `npm run build` first');
    return;
  }
  // The first ~1,000 words of an English report.
  const source = read(files('en', '.md').find((f) => f.includes('samuel')) ?? files('en', '.md')[0]!);
  let doc = '';
  for (const p of source.split(/\n\n/)) {
    doc += `${p}\n\n`;
    if (words(doc) >= 1000) break;
  }
  const dir = mkdtempSync(join(tmpdir(), 'brug-bench-'));
  const file = join(dir, 'report.md');
  writeFileSync(file, doc);
  const run = (args: string[]) => {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return performance.now() - t0;
  };
  const brug: number[] = [];
  const retext: number[] = [];
  run([cli, 'check', file]);
  for (let i = 0; i < 5; i++) {
    brug.push(run([cli, 'check', file]));
    retext.push(run([join(HERE, 'retext-cold.mjs'), file]));
  }
  row(`cold start: brug check on ${words(doc)} words (process, median of 5)`, `${median(brug).toFixed(0)} ms (target <= 300 ms)`);
  row('cold start: remark + retext pipeline as a process (median of 5)', `${median(retext).toFixed(0)} ms; ratio ${(median(brug) / median(retext)).toFixed(2)}`);
}

/**
 * Each pipeline as a writer runs it, a fresh process per document: `brug check FILE` (server/bin/brug.js, the shipped
 * command with its V8 settings and code cache) and `node bench/retext-cold.mjs FILE LANG` (remark + retext with the same
 * plugins as bench/retext.ts), alternating, BRUG_PROCESS_ROUNDS times each (3); the median CPU time of each process
 * (user + system, all threads, read at its exit by bench/cpu-at-exit.mjs). Start-up, loading the dictionaries and
 * compiling count here for both, as they do for a writer; the compare part above keeps both in one warm process.
 */
function partProcess(): void {
  const cli = join(REPO, 'server', 'bin', 'brug.js');
  if (!existsSync(join(REPO, 'server', 'dist', 'cli.cjs'))) {
    row('whole processes', 'not measured: run `npm run build` first');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'brug-bench-'));
  const cpuFile = join(dir, 'cpu');
  const preload = pathToFileURL(join(HERE, 'cpu-at-exit.mjs')).href;
  const cpu = (args: string[]): number => {
    writeFileSync(cpuFile, '');
    spawnSync(process.execPath, ['--import', preload, ...args], { stdio: 'ignore', env: { ...process.env, BRUG_BENCH_CPU_FILE: cpuFile } });
    const ms = Number(readFileSync(cpuFile, 'utf8'));
    if (!(ms > 0)) throw new Error(`no CPU time from ${args.join(' ')}`);
    return ms;
  };
  const rounds = Number(process.env.BRUG_PROCESS_ROUNDS ?? 3);
  const thesis = join(dir, 'thesis.md');
  writeFileSync(thesis, buildThesis().text);
  const groups: Array<{ label: string; docs: Array<{ file: string; lang: 'nl' | 'en' }> }> = [];
  if (existsSync(join(CORPUS, 'en/lessig-free-culture-book.md'))) groups.push({ label: 'footnoted book', docs: [{ file: join(CORPUS, 'en/lessig-free-culture-book.md'), lang: 'en' }] });
  groups.push({ label: 'footnoted thesis', docs: [{ file: thesis, lang: 'en' }] });
  groups.push({ label: 'Dutch dev reports', docs: files('nl', '.md').map((f) => ({ file: join(CORPUS, f), lang: 'nl' as const })) });
  groups.push({ label: 'LaTeX book', docs: files('en', '.tex').map((f) => ({ file: join(CORPUS, f), lang: 'en' as const })) });
  // The command's code cache is written by its first run (not counted).
  spawnSync(process.execPath, [cli, 'check', thesis], { stdio: 'ignore' });
  let brugAll = 0;
  let retextAll = 0;
  for (const g of groups) {
    if (g.docs.length === 0) continue;
    let brug = 0;
    let retext = 0;
    for (const d of g.docs) {
      const b: number[] = [];
      const r: number[] = [];
      for (let i = 0; i < rounds; i++) {
        b.push(cpu([cli, 'check', d.file]));
        r.push(cpu([join(HERE, 'retext-cold.mjs'), d.file, d.lang]));
      }
      brug += median(b);
      retext += median(r);
    }
    brugAll += brug;
    retextAll += retext;
    row(`whole processes: ${g.label} (${g.docs.length} file${g.docs.length > 1 ? 's' : ''}, median of ${rounds})`, `brug check ${brug.toFixed(0)} ms CPU; retext ${retext.toFixed(0)} ms; ratio ${(brug / retext).toFixed(2)}`);
  }
  row('whole processes: all of the above', `brug check ${brugAll.toFixed(0)} ms CPU; retext ${retextAll.toFixed(0)} ms; ratio ${(brugAll / retextAll).toFixed(2)} (target <= 0.25)`);
}

const isMain = fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '');
if (isMain) {
  const part = process.argv[2];
  if (!part || part === 'scaling') await partScaling();
  if (!part || part === 'compare') await partCompare();
  if (!part || part === 'cold') partCold();
  if (!part || part === 'process') partProcess();
}
