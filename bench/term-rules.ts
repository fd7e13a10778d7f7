/**
 * The term rules' own CPU time per edit (vocabulary/jargon and vocabulary/person-first: their check() timed around each
 * call by process.cpuUsage, so that a process waiting for a core under load does not count), in the loop of
 * bench/lsp-inprocess.ts: one-word edits of a document of the dev corpus in the server's store, handed to the engine as
 * a view. For pairing a change of the term rules against a base worktree at two sizes; run with --single-threaded so
 * that the collector's helper threads do not count either.
 *
 *   node --single-threaded --expose-gc --import tsx bench/term-rules.ts [words=100000] [edits=400]
 */
import { engineFor } from '../server/src/workspace/engine.js';
import { corpusDocument } from './lsp-latency.js';
import { PieceDocument } from '../server/src/lsp/piece-document.js';
import type { DocumentRule } from '../server/src/engine/rules/types.js';

const words = Number(process.argv[2] ?? 100000);
const edits = Number(process.argv[3] ?? 400);
const { text } = corpusDocument(words);
const engine = engineFor().engine;
let spent = 0;
for (const rule of engine.rules) {
  if (rule.scope !== 'document' || (rule.meta.id !== 'vocabulary/jargon' && rule.meta.id !== 'vocabulary/person-first')) continue;
  const r = rule as DocumentRule;
  const check = r.check.bind(r);
  r.check = (doc, ctx) => {
    const t = process.cpuUsage();
    const out = check(doc, ctx);
    const c = process.cpuUsage(t);
    spent += c.user + c.system;
    return out;
  };
}
const store = new PieceDocument('file:///doc.md', 'markdown', 1, text);
let doc = store.textView();
engine.lint(doc, { path: 'doc.md' });
// The edits of bench/lsp-inprocess.ts: a word after a space near the start of a random line of prose.
const spaces: number[] = [];
for (const m of text.matchAll(/\n[A-Za-z][^\n|]{60,}/g)) {
  const s = / [a-z]{4,} /.exec(m[0]);
  if (s) spaces.push(m.index + s.index + 1);
}
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const times: number[] = [];
let shift = 0;
for (let i = 0; i < edits; i++) {
  const w = ['extra ', 'ook ', 'often ', 'also '][i % 4]!;
  const at = Math.min(spaces[Math.floor(random() * spaces.length)]! + Math.floor(shift / 2), doc.length);
  const sp = doc.indexOf(' ', at);
  const pos = sp >= 0 ? sp + 1 : at;
  const where = store.positionAt(pos);
  store.update([{ range: { start: where, end: where }, text: w }], i + 2);
  shift += w.length;
  const base = doc;
  doc = store.textView();
  spent = 0;
  engine.lint(doc, { path: 'doc.md', edit: { base, prefix: pos, suffix: doc.length - pos - w.length } });
  times.push(spent / 1000);
  await new Promise((resolve) => setImmediate(resolve));
}
const mean = times.reduce((a, b) => a + b, 0) / times.length;
times.sort((a, b) => a - b);
console.log(`${words} words, ${edits} edits: the term rules' check, CPU per edit: median ${times[Math.floor(edits / 2)]!.toFixed(3)} ms, mean ${mean.toFixed(3)} ms, p90 ${times[Math.floor(edits * 0.9)]!.toFixed(3)} ms`);
