/**
 * Brug alone on the documents of bench/real.ts, for profiling (`node --cpu-prof`) and quick
 * before/after timings: the least CPU time of `runs` runs per document, fresh engine and caches each,
 * with the engine as bundled (bench/shipped.ts).
 *
 *   node --expose-gc --import tsx bench/profile.ts [thesis|book|nl|tex|all] [runs]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildThesis } from './real.js';
import { shippedEngine } from './shipped.js';

// The engine as bundled for the command and the language server (BRUG_BENCH_SOURCE=1: the sources).
const { Engine, Vocabulary, bundledDictionaries, extraFormats, clearMarkdownCache, clearSyllableCache, registerPracticeDictionaries } = await shippedEngine();
// The practice-fit cues too, as the workspace registers them for `brug check`: a full check.
registerPracticeDictionaries();

const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));
const read = (rel: string) => readFileSync(join(CORPUS, rel), 'utf8');
const list = (lang: string, ext: string) => (existsSync(join(CORPUS, lang)) ? readdirSync(join(CORPUS, lang)).filter((f) => f.endsWith(ext)).sort().map((f) => `${lang}/${f}`) : []);

const which = process.argv[2] ?? 'all';
const runs = Number(process.argv[3] ?? 3);
const docs: Array<{ label: string; text: string; path: string }> = [];
if (which === 'book' || which === 'all') docs.push({ label: 'book', text: read('en/lessig-free-culture-book.md'), path: 'book.md' });
if (which === 'thesis' || which === 'all') docs.push({ label: 'thesis', text: buildThesis().text, path: 'thesis.md' });
for (const f of list('nl', '.md')) if (which === 'nl' || which === 'all' || (which.length > 4 && f.includes(which))) docs.push({ label: f, text: read(f), path: f });
if (which === 'tex' || which === 'all') for (const f of list('en', '.tex')) docs.push({ label: f, text: read(f), path: f });

const newEngine = () => new Engine({ vocabulary: new Vocabulary(bundledDictionaries().dictionaries), formats: extraFormats });
// Warm-up.
newEngine().lint(read(list('en', '.md')[0]!), { path: 'warm.md' });
if (list('nl', '.md').length) newEngine().lint(read(list('nl', '.md')[0]!), { path: 'warm-nl.md' });
let total = 0;
for (const d of docs) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    clearMarkdownCache();
    clearSyllableCache();
    const engine = newEngine();
    global.gc?.();
    const c0 = process.cpuUsage();
    engine.lint(d.text, { path: d.path });
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  total += best;
  console.log(`${d.label.padEnd(60)} ${best.toFixed(0)} ms CPU`);
}
console.log(`${'total'.padEnd(60)} ${total.toFixed(0)} ms`);
