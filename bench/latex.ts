/**
 * The LaTeX part of Brug's benchmark (bench/run.ts calls benchLatex): throughput on the
 * 68,000-word LaTeX book of the dev corpus next to Markdown on a Markdown document of the
 * same size (the corpus's Markdown files, repeated), a full check and re-checks after
 * one-word edits; the adapter alone; and, for reference, unified-latex's parser on the book
 * (which the adapter does not use: it is too slow for the budget, see formats/latex.ts).
 *
 * Run alone: node --expose-gc --import tsx bench/latex.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Engine } from '../server/src/engine/engine.js';
import { Vocabulary } from '../server/src/engine/vocabulary/vocabulary.js';
import { bundledDictionaries } from '../server/src/workspace/dictionaries.js';
import { extraFormats } from '../server/src/workspace/formats.js';
import { parseLatex } from '../server/src/engine/formats/latex.js';

const HERE = import.meta.dirname;
const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(HERE, '..', '..', 'shared', 'corpora', 'dev'));
const BOOK = join(CORPUS, 'en', 'teaching-tech-together-book.tex');

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]!;
function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const newEngine = () => new Engine({ vocabulary: new Vocabulary(bundledDictionaries().dictionaries), formats: extraFormats });

/** The corpus's Markdown files, repeated up to at least `target` prose words (as the engine counts them). */
function markdownOfSize(target: number): string {
  const files: string[] = [];
  for (const lang of ['nl', 'en']) {
    const dir = join(CORPUS, lang);
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) if (f.endsWith('.md')) files.push(readFileSync(join(dir, f), 'utf8'));
  }
  // Markdown's prose is close to its raw word count; the book's LaTeX has markup, so compare prose words.
  let doc = '';
  for (let i = 0; words(doc) < target * 1.05 && files.length; i++) doc += `${files[i % files.length]}\n\n`;
  return doc;
}

/** Swaps one small word `count` times through the text and times each re-check. */
function edits(engine: Engine, doc: string, path: string, count = 20): number[] {
  const spots: number[] = [];
  const re = /\b(the|and|of|de|het|van)\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(doc))) spots.push(m.index);
  const out: number[] = [];
  let text = doc;
  for (let k = 0; k < count; k++) {
    const at = spots[Math.floor(((k + 0.5) / count) * spots.length)]!;
    const word = /^\w+/.exec(text.slice(at))?.[0] ?? '';
    const next = word === 'the' ? 'a' : word === 'a' ? 'the' : word === 'de' ? 'het' : 'de';
    text = `${text.slice(0, at)}${next}${text.slice(at + word.length)}`;
    out.push(time(() => engine.lint(text, { path }))[1]);
  }
  return out;
}

/** One full check in a fresh process: the number a user sees on `brug check` of that file. */
function coldCheck(kind: 'latex' | 'markdown'): void {
  const book = readFileSync(BOOK, 'utf8');
  const doc = kind === 'latex' ? book : markdownOfSize(newEngine().lint(book, { path: 'warm.tex' }).metrics.words);
  bundledDictionaries();
  const engine = newEngine();
  const [r, ms] = time(() => engine.lint(doc, { path: kind === 'latex' ? 'book.tex' : 'book.md' }));
  console.log(JSON.stringify({ ms, words: r.metrics.words }));
}

export async function benchLatex(): Promise<Array<[string, string]>> {
  const rows: Array<[string, string]> = [];
  if (!existsSync(BOOK)) return [['latex', `the book is not there (${BOOK})`]];
  const book = readFileSync(BOOK, 'utf8');
  const options = { proseCommands: [], skipEnvironments: [] };

  // The adapter alone.
  const [doc, first] = time(() => parseLatex(book, options));
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) warm.push(time(() => parseLatex(book, options))[1]);
  rows.push([`latex adapter on the book (${(book.length / 1024).toFixed(0)} KB, ${doc.blocks.length} blocks)`, `first ${first.toFixed(0)} ms, then median ${median(warm).toFixed(1)} ms = ${((book.length / 1048576) / (median(warm) / 1000)).toFixed(0)} MB/s`]);

  // A full check in a fresh process each: what `brug check book.tex` costs.
  const self = fileURLToPath(import.meta.url);
  const cold = (kind: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, `cold-${kind}`], { encoding: 'utf8' });
    try {
      return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { ms: number; words: number };
    } catch {
      return undefined;
    }
  };
  for (const kind of ['latex', 'markdown'] as const) {
    const c = cold(kind);
    if (c) rows.push([`${kind} full check in a fresh process (${c.words} prose words)`, `${c.ms.toFixed(0)} ms = ${Math.round(c.words / (c.ms / 1000))} words/s`]);
  }

  // In this process, with the code warm: fresh engines (cold block caches), then one-word edits.
  const md = markdownOfSize(newEngine().lint(book, { path: 'warm.tex' }).metrics.words);
  newEngine().lint(md, { path: 'warm.md' });
  for (const [kind, text, path] of [
    ['latex', book, 'book.tex'],
    ['markdown', md, 'book.md'],
  ] as const) {
    global.gc?.();
    const engine = newEngine();
    const [r, full] = time(() => engine.lint(text, { path }));
    const note = kind === 'markdown' ? ', parsed chunks cached' : '';
    rows.push([`${kind} full check, warm code, cold block cache${note} (${r.metrics.words} words)`, `${full.toFixed(0)} ms = ${Math.round(r.metrics.words / (full / 1000))} words/s, ${r.metrics.sentences} sentences, ${r.findings.length} findings`]);
    const e = edits(engine, text, path);
    rows.push([`${kind} re-check after a one-word edit (20 edits)`, `median ${median(e).toFixed(1)} ms, p95 ${p95(e).toFixed(1)} ms`]);
  }

  // For reference: unified-latex's PEG parser on the same book.
  try {
    const { parseMinimal } = await import('@unified-latex/unified-latex-util-parse');
    const chunks = book.split(/\n[ \t]*\n/);
    const [, chunked] = time(() => {
      for (const c of chunks) parseMinimal(c);
    });
    const [, whole] = time(() => parseMinimal(book));
    rows.push(['unified-latex parseMinimal on the book, whole (reference, not used)', `${whole.toFixed(0)} ms`]);
    rows.push([`unified-latex parseMinimal per blank-line chunk (${chunks.length} chunks, reference)`, `${chunked.toFixed(0)} ms`]);
  } catch (err) {
    rows.push(['unified-latex reference', `not measured (${(err as Error).message})`]);
  }
  return rows;
}

const isMain = fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '');
if (isMain) {
  const arg = process.argv[2];
  if (arg === 'cold-latex') coldCheck('latex');
  else if (arg === 'cold-markdown') coldCheck('markdown');
  else for (const [l, v] of await benchLatex()) console.log(`${l.padEnd(72)} ${v}`);
}
