/**
 * Where a full check allocates: V8's sampling heap profiler over a check of the documents of bench/profile.ts,
 * counting objects the collector has already freed too (most of a check's allocation is short-lived garbage).
 * Prints the allocated bytes by function (self) and by function inclusive, and writes the profile for DevTools.
 *
 *   node --expose-gc --import tsx bench/alloc-profile.ts [thesis|book|nl|tex|all] [out.heapprofile] [other checkout]
 *
 * With another checkout (built), its engine is profiled instead (bundled as bench/paired.ts bundles it). LIVE=1 counts
 * only what was not collected by the end.
 */
import { Session } from 'node:inspector/promises';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildThesis } from './real.js';
import { bundleEngine, shippedEngine } from './shipped.js';

const other = process.argv[4] ? resolve(process.argv[4]) : undefined;
async function otherEngine(root: string) {
  const outfile = join(root, 'bench', `.alloc-profile-${process.pid}.mjs`);
  try {
    return await bundleEngine(root, outfile);
  } finally {
    rmSync(outfile, { force: true });
  }
}
const { Engine, Vocabulary, bundledDictionaries, extraFormats, clearMarkdownCache, clearSyllableCache, registerPracticeDictionaries } = other ? await otherEngine(other) : await shippedEngine();
registerPracticeDictionaries();
const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));
const read = (rel: string) => readFileSync(join(CORPUS, rel), 'utf8');
const list = (lang: string, ext: string) => (existsSync(join(CORPUS, lang)) ? readdirSync(join(CORPUS, lang)).filter((f) => f.endsWith(ext)).sort().map((f) => `${lang}/${f}`) : []);
const which = process.argv[2] ?? 'nl';
const out = process.argv[3];
const docs: Array<{ text: string; path: string }> = [];
if (which === 'book' || which === 'all') docs.push({ text: read('en/lessig-free-culture-book.md'), path: 'book.md' });
if (which === 'thesis' || which === 'all') docs.push({ text: buildThesis().text, path: 'thesis.md' });
for (const f of list('nl', '.md')) if (which === 'nl' || which === 'all') docs.push({ text: read(f), path: f });
if (which === 'tex' || which === 'all') for (const f of list('en', '.tex')) docs.push({ text: read(f), path: f });

const newEngine = () => new Engine({ vocabulary: new Vocabulary(bundledDictionaries().dictionaries), formats: extraFormats });
newEngine().lint(read(list('en', '.md')[0]!), { path: 'warm.md' });
const engine = newEngine();
clearMarkdownCache();
clearSyllableCache();
global.gc?.();
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: !process.env.LIVE, includeObjectsCollectedByMinorGC: !process.env.LIVE } as never);
for (const d of docs) engine.lint(d.text, { path: d.path });
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }
if (out && out !== '-') writeFileSync(out, JSON.stringify(profile));
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\//, '')}:${n.callFrame.lineNumber + 1}`;
const walk = (n: Node, stack: string[]): number => {
  const k = name(n);
  self.set(k, (self.get(k) ?? 0) + n.selfSize);
  total += n.selfSize;
  const fresh = !stack.includes(k);
  let sum = n.selfSize;
  for (const c of n.children) sum += walk(c, fresh ? [...stack, k] : stack);
  if (fresh) incl.set(k, (incl.get(k) ?? 0) + sum);
  return sum;
};
walk(profile.head, []);
const show = (m: Map<string, number>, label: string, top: number) => {
  console.log(`== ${label} (total ${(total / 1e6).toFixed(1)} MB)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(v / 1e6).toFixed(1).padStart(7)} MB ${((100 * v) / total).toFixed(1).padStart(5)}% ${k}`);
};
show(self, 'allocated, self', 50);
show(incl, 'allocated, inclusive', 60);
