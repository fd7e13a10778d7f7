/**
 * `npm run evaluate:roles`: the section-role part of `npm run evaluate`, fast enough to iterate on
 * (issue 14). Leave-one-document-out agreement per language, the confusion table of the misses
 * (label → Brug's role, with example headings) and, with --dump, every labelled heading.
 *
 * The documents' parsed blocks are kept in node_modules/.cache/brug-roles/, keyed by the
 * document's text and the source of the parsers (server/src/engine/formats, engine.ts, types.ts);
 * the role algorithm and the dictionaries are always read afresh. --no-cache parses everything.
 *
 * Options: --dump (every labelled heading: level, label, in-sample, LOO), --file=<part of a path>
 * (only that document in the dump), --no-cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, REPO_ROOT } from '../test/helpers/shared.js';
import { bundledDictionaries } from '../server/src/workspace/dictionaries.js';
import { Vocabulary } from '../server/src/engine/vocabulary/vocabulary.js';
import type { ProseBlock } from '../server/src/engine/types.js';
import { confusion, corpusDocs, evaluateSections, headingsOfBlocks, inconsistentReport, parseBlocks, pct, sectionRows } from './evaluate-lib.js';
import type { CorpusDoc } from './evaluate-lib.js';

const args = process.argv.slice(2);
const dump = args.includes('--dump');
const only = args.find((a) => a.startsWith('--file='))?.slice(7);
const useCache = !args.includes('--no-cache');
const started = Date.now();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const engineDir = join(REPO_ROOT, 'server', 'src', 'engine');
const parserHash = createHash('sha256');
for (const f of [...sourceFiles(join(engineDir, 'formats')), join(engineDir, 'engine.ts'), join(engineDir, 'types.ts')].sort()) parserHash.update(readFileSync(f));
const parserKey = parserHash.digest('hex').slice(0, 16);
const cacheDir = join(REPO_ROOT, 'node_modules', '.cache', 'brug-roles');

function cachedParse(doc: CorpusDoc) {
  const key = createHash('sha256').update(parserKey).update(doc.file).update(doc.text).digest('hex').slice(0, 24);
  const path = join(cacheDir, `${key}.json`);
  if (useCache && existsSync(path)) return headingsOfBlocks(doc, JSON.parse(readFileSync(path, 'utf8')) as ProseBlock[]);
  const blocks = parseBlocks(doc);
  if (useCache) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, JSON.stringify(blocks));
  }
  return headingsOfBlocks(doc, blocks);
}

const docs = corpusDocs(CORPUS_DIR);
const rows = sectionRows(CORPUS_DIR);
const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);
const r = evaluateSections(docs, rows, vocabulary, cachedParse);

const out: string[] = ['| language | headings | in-sample | leave-one-out |', '|---|---|---|---|'];
for (let i = 0; i < 2; i++) {
  const a = r.inSample[i]!;
  const b = r.loo[i]!;
  out.push(`| ${a.language} | ${a.total} | ${a.agree} (${pct(a.agree, a.total)}) | ${b.agree} (${pct(b.agree, b.total)}) |`);
}
out.push('', ...confusion(r.loo), ...inconsistentReport(r.loo));
if (dump) {
  out.push('', 'file:line | level | label | in-sample | LOO | heading');
  r.loo.forEach((s, i) =>
    s.pairs.forEach((p, j) => {
      if (only && !p.file.includes(only)) return;
      const ins = r.inSample[i]!.pairs[j]!.got;
      const mark = p.got === p.gold ? ' ' : '✗';
      out.push(`${mark} ${p.file}:${p.line} | ${'#'.repeat(p.level)} | ${p.gold} | ${ins ?? '-'} | ${p.got ?? '-'} | ${p.heading.slice(0, 70)}`);
    }),
  );
}
out.push('', `(${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.stdout.write(`${out.join('\n')}\n`);
