/**
 * One-word edits of the dev corpus's LaTeX documents, checked in process as the language server checks them (engine.lint
 * with the edit hint): CPU median and p95 per edit, per document.
 *
 * Run: node --expose-gc --import tsx bench/latex-edits.ts [edits=60] [seed=1]
 * (BRUG_ROOT=/path/to/worktree: that worktree's engine.)
 * (PROF=file.cpuprofile writes a CPU profile of the edits of all documents; CRLF=1: the documents with CRLF line ends;
 * BRACE=1: an unclosed brace early in the body.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Session } from 'node:inspector';

const HERE = import.meta.dirname;
// BRUG_ROOT: another worktree's engine (a base to compare with), this one's by default.
const ROOT = resolve(process.env.BRUG_ROOT ?? join(HERE, '..'));
const { Engine } = (await import(join(ROOT, 'server/src/engine/engine.ts'))) as typeof import('../server/src/engine/engine.js');
const { Vocabulary } = (await import(join(ROOT, 'server/src/engine/vocabulary/vocabulary.ts'))) as typeof import('../server/src/engine/vocabulary/vocabulary.js');
const { bundledDictionaries } = (await import(join(ROOT, 'server/src/workspace/dictionaries.ts'))) as typeof import('../server/src/workspace/dictionaries.js');
const { extraFormats } = (await import(join(ROOT, 'server/src/workspace/formats.ts'))) as typeof import('../server/src/workspace/formats.js');
const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(HERE, '..', '..', 'shared', 'corpora', 'dev'));
const DOCS = ['en/teaching-tech-together-book.tex', 'nl/hogent-bp-inclusive-design-draft.tex', 'nl/hogent-bp-intelliprove-leeftijd-geslacht.tex'];
const EDITS = Number(process.argv[2] ?? 60);
let seed = Number(process.argv[3] ?? 1);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const engine = new Engine({ vocabulary: new Vocabulary(bundledDictionaries().dictionaries), formats: extraFormats });
const session = process.env.PROF ? new Session() : undefined;
const post = (method: string, params?: object) => new Promise<unknown>((ok, fail) => session!.post(method, params ?? {}, (err, r) => (err ? fail(err) : ok(r))));

const rows: string[] = [];
const runs: Array<{ path: string; texts: string[]; edits: Array<{ prefix: number; suffix: number }> }> = [];
// CRLF=1: the documents with CRLF line ends (as a Windows editor saves them).
// BRACE=1: a brace opened and never closed early in the body (a stray "{" a draft may carry for a long time).
const readDoc = (rel: string) => {
  let doc = readFileSync(join(CORPUS, rel), 'utf8');
  if (process.env.BRACE === '1') {
    const body = doc.indexOf('\\begin{document}');
    const at = doc.indexOf('\n\n', body >= 0 ? body : 0);
    if (at >= 0) doc = `${doc.slice(0, at)} {${doc.slice(at)}`;
  }
  return process.env.CRLF === '1' ? doc.replace(/\r?\n/g, '\r\n') : doc;
};
for (const rel of DOCS) {
  const doc = readDoc(rel);
  // Spots: small words of running text (after the preamble), swapped for another small word.
  const body = Math.max(0, doc.indexOf('\\begin{document}'));
  const spots: number[] = [];
  const re = /(?<=[ \n])(the|and|of|a|de|het|van|een)(?= )/g;
  re.lastIndex = body;
  let m: RegExpExecArray | null;
  while ((m = re.exec(doc))) spots.push(m.index);
  let text = doc;
  const texts: string[] = [];
  const edits: Array<{ prefix: number; suffix: number }> = [];
  for (let k = 0; k < EDITS; k++) {
    const at = spots[Math.floor(random() * spots.length)]!;
    const word = /^\w+/.exec(text.slice(at, at + 10))?.[0] ?? '';
    const next = word === 'the' ? 'a' : word === 'a' ? 'the' : word === 'de' ? 'het' : word === 'het' ? 'de' : word === 'of' ? 'and' : 'of';
    const suffix = text.length - at - word.length;
    text = `${text.slice(0, at)}${next}${text.slice(at + word.length)}`;
    // Later spots move with the edit.
    for (let s = 0; s < spots.length; s++) if (spots[s]! > at) spots[s]! += next.length - word.length;
    texts.push(text);
    edits.push({ prefix: at, suffix });
  }
  runs.push({ path: rel, texts, edits });
}

if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
}
for (const { path, texts, edits } of runs) {
  const doc = readDoc(path);
  const uri = `file:///bench/${path}`;
  // The result is held, as the language server holds its last (the engine keeps its last check weakly).
  let held = engine.lint(doc, { uri, path });
  held = engine.lint(doc, { uri, path });
  global.gc?.();
  if (session) await post('Profiler.start');
  const ms: number[] = [];
  for (let k = 0; k < texts.length; k++) {
    const t0 = process.cpuUsage();
    held = engine.lint(texts[k]!, { uri, path, edit: { base: k ? texts[k - 1]! : doc, ...edits[k]! } });
    const d = process.cpuUsage(t0);
    ms.push((d.user + d.system) / 1000);
  }
  if (held.findings.length < 0) console.log('never');
  if (session) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(process.env.PROF!.replace(/\.cpuprofile$/, `-${path.split('/')[1]!.slice(0, 12)}.cpuprofile`), JSON.stringify(profile));
  }
  rows.push(`${path} (${doc.length} chars): median ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms CPU per edit (${texts.length} edits)`);
}
for (const r of rows) console.log(r);
