/**
 * npm run sample-findings [-- --per-rule 12 --seed 7 --out test/judged/findings.tsv --rules readability/,vocabulary/jargon] [--hints] [--fresh]
 *
 * Only what the Problems panel shows (info and up) is sampled; --hints adds the hints. --fresh leaves out every finding
 * a blind sample already judged (same file, rule and start of the flagged text), so a new sample is a fresh check.
 *
 * Samples findings per rule from the dev corpus into a TSV for human judgement: file, line,
 * rule, severity, message, the flagged text (a short snippet), and the columns `judgement`
 * (true/false: true and worth acting on for a practitioner audience) and `note`. Judgements
 * already in the output file are kept for findings that are sampled again (same file, rule
 * and snippet). test/judged/precision.test.ts computes precision per rule from the judged file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { checkCorpusFile, corpusFiles, lineOf, snippet } from './sample-findings-corpus.js';
import { rng } from '../test/fuzz/generate.js';
import { BLIND_SAMPLES, flaggedKey, judgedRows } from './judged-pool.js';
import { join } from 'node:path';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export const HEADER = ['file', 'line', 'rule', 'severity', 'message', 'flagged', 'judgement', 'note'];
const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

const perRule = Number(arg('per-rule', '12'));
const seed = Number(arg('seed', '7'));
const out = arg('out', 'test/judged/findings.tsv');
const hints = process.argv.includes('--hints');
const fresh = process.argv.includes('--fresh');
/** Findings judged before, by file, rule and the start of the flagged text. */
const judgedBefore = new Set(fresh ? BLIND_SAMPLES.map((s) => join(import.meta.dirname, '..', 'test', 'judged', s)).filter(existsSync).flatMap((p) => judgedRows(p)).map((r) => `${r.file}\t${r.rule}\t${flaggedKey(r.flagged)}`) : []);
// Rule id prefixes, comma-separated: the readability rules and jargon (the main source of warnings).
const prefixes = arg('rules', 'readability/,vocabulary/jargon').split(',').filter(Boolean);

const files = corpusFiles();
if (files.length === 0) {
  process.stderr.write('The dev corpus is missing (../shared/corpora/dev or BRUG_CORPUS).\n');
  process.exit(1);
}
const byRule = new Map<string, string[][]>();
for (const file of files) {
  const r = checkCorpusFile(file);
  for (const f of r.findings) {
    if (!prefixes.some((p) => f.ruleId.startsWith(p))) continue;
    // Folded long sentences are hints behind a section finding: the sample judges what is shown.
    if (f.data?.folded) continue;
    if (f.severity === 'hint' && !hints) continue;
    const row = [file, String(lineOf(r.text, f.offset)), f.ruleId, f.severity, clean(f.message.en), snippet(r.text, f.offset, f.endOffset), '', ''];
    if (judgedBefore.has(`${file}\t${f.ruleId}\t${flaggedKey(row[5]!)}`)) continue;
    let rows = byRule.get(f.ruleId);
    if (!rows) byRule.set(f.ruleId, (rows = []));
    rows.push(row);
  }
}
// Judgements already made, by file + rule + snippet.
const known = new Map<string, [string, string]>();
if (existsSync(out)) {
  for (const line of readFileSync(out, 'utf8').split('\n').slice(1)) {
    const c = line.split('\t');
    if (c.length >= 8 && c[6]) known.set(`${c[0]}\t${c[2]}\t${c[5]}`, [c[6]!, c[7]!]);
  }
}
const next = rng(seed);
const lines = [HEADER.join('\t')];
for (const rule of [...byRule.keys()].sort()) {
  const rows = byRule.get(rule)!;
  // A partial Fisher-Yates shuffle: the first perRule rows are the sample.
  for (let i = 0; i < Math.min(perRule, rows.length); i++) {
    const j = i + Math.floor(next() * (rows.length - i));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  for (const row of rows.slice(0, perRule)) {
    const k = known.get(`${row[0]}\t${row[2]}\t${row[5]}`);
    if (k) [row[6], row[7]] = k;
    lines.push(row.join('\t'));
  }
  process.stdout.write(`${rule}: ${rows.length} findings, ${Math.min(perRule, rows.length)} sampled\n`);
}
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`wrote ${out}\n`);
