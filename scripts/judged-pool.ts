/**
 * Every blind judgement in test/judged/ pooled: each judged finding once (a finding sampled or judged more than once
 * gets the majority verdict; a tie counts as false), and whether the engine still shows it by default on the dev corpus.
 * Precision over the pooled findings still shown is the best estimate of what a writer sees now: the samples were drawn
 * at random from what the Problems panel showed at the time. `npm run judged` prints it per rule; the precision test
 * keeps it as a floor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCorpusFile, lineOf, snippet } from './sample-findings-corpus.js';
import type { Finding } from '../server/src/engine/types.js';

/** The blind samples, judged by readers who had not seen the code (JUDGING.md), in the order they were drawn. */
export const BLIND_SAMPLES = ['findings.tsv', 'findings-s4.tsv', 'findings-s5.tsv', 'findings-s6.tsv', 'findings-s7.tsv', 'findings-s8.tsv', 'findings-s9.tsv', 'findings-s10.tsv', 'findings-s11.tsv', 'findings-s12.tsv', 'findings-s13.tsv', 'findings-s14.tsv'];

export interface JudgedRow {
  sample: string;
  file: string;
  line: string;
  rule: string;
  severity: string;
  message: string;
  flagged: string;
  judgement: string;
  note: string;
}

export function judgedRows(path: string): JudgedRow[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const header = lines[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    const get = (name: string) => (col(name) >= 0 ? (c[col(name)] ?? '') : '');
    return { sample: path, file: get('file'), line: get('line'), rule: get('rule'), severity: get('severity'), message: get('message'), flagged: get('flagged'), judgement: get('judgement').trim(), note: get('note') };
  });
}

const firstNumber = (m: string) => /\d+(?:[.,]\d+)?/.exec(m)?.[0] ?? '';
const num = (s: string) => Number(s.replace(',', '.'));
/** The start of the flagged text, without the snippet's ellipsis. */
export const flaggedKey = (s: string) => s.replace(/…$/, '').slice(0, 40);
/**
 * The same measure, give or take 15 %: citation keys and reference numbers no longer count as words, so a 64-word
 * sentence with eight keys is now 56 words — the same finding; a 53-word sentence now one of 26 is another.
 */
export const closeNumbers = (a: string, b: string) => a === b || (a !== '' && b !== '' && Math.abs(num(a) - num(b)) <= 0.15 * Math.max(num(a), num(b)));

/** Whether the findings of a judged row's document still show the row's finding (same rule, line, text and, for readability, measure). */
export function showsRow(doc: { text: string; findings: Finding[] }, r: JudgedRow): boolean {
  return doc.findings.some((f) => f.ruleId === r.rule && f.severity !== 'hint' && String(lineOf(doc.text, f.offset)) === r.line && flaggedKey(snippet(doc.text, f.offset, f.endOffset)) === flaggedKey(r.flagged) && (!r.rule.startsWith('readability/') || closeNumbers(firstNumber(f.message.en), firstNumber(r.message))));
}

export interface PooledFinding {
  key: string;
  rule: string;
  rows: JudgedRow[];
  verdict: boolean;
  shown: boolean;
}

/** The judged findings of rows, each once, with its majority verdict (a tie is false). */
export function majorityVerdicts(rows: JudgedRow[]): Array<Omit<PooledFinding, 'shown'>> {
  const byKey = new Map<string, JudgedRow[]>();
  for (const r of rows) {
    if (r.severity === 'hint') continue;
    const k = `${r.file}:${r.line} ${r.rule} ${flaggedKey(r.flagged)}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  return [...byKey].map(([key, rs]) => {
    const trues = rs.filter((r) => r.judgement === 'true').length;
    return { key, rule: rs[0]!.rule, rows: rs, verdict: trues > rs.length - trues };
  });
}

/** The judged findings of the given samples, each once, with its majority verdict and whether it is still shown. */
export function pooledFindings(paths: string[], check: (file: string) => { text: string; findings: Finding[] } = cachedCheck()): PooledFinding[] {
  return majorityVerdicts(paths.flatMap((p) => judgedRows(p))).map((f) => {
    const r = f.rows[f.rows.length - 1]!;
    return { ...f, shown: showsRow(check(r.file), r) };
  });
}

function cachedCheck() {
  const docs = new Map<string, { text: string; findings: Finding[] }>();
  return (file: string) => {
    let d = docs.get(file);
    if (!d) docs.set(file, (d = checkCorpusFile(file)));
    return d;
  };
}

export interface RulePrecision {
  rule: string;
  judged: number;
  judgedTrue: number;
  shown: number;
  shownTrue: number;
}

export function precisionByRule(pool: PooledFinding[]): RulePrecision[] {
  const out = new Map<string, RulePrecision>();
  for (const f of pool) {
    const p = out.get(f.rule) ?? { rule: f.rule, judged: 0, judgedTrue: 0, shown: 0, shownTrue: 0 };
    out.set(f.rule, p);
    p.judged++;
    if (f.verdict) p.judgedTrue++;
    if (f.shown) {
      p.shown++;
      if (f.verdict) p.shownTrue++;
    }
  }
  return [...out.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(import.meta.dirname, '..', 'test', 'judged');
  const paths = BLIND_SAMPLES.map((s) => join(dir, s)).filter((p) => { try { readFileSync(p); return true; } catch { return false; } });
  const pool = pooledFindings(paths);
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)} %` : '–');
  console.log(`${pool.length} judged findings in ${paths.length} blind samples (each once, majority verdict)\n`);
  console.log('rule\tjudged true\tstill shown: true\tprecision now');
  for (const p of precisionByRule(pool)) console.log(`${p.rule}\t${p.judgedTrue}/${p.judged}\t${p.shownTrue}/${p.shown}\t${pct(p.shownTrue, p.shown)}`);
  if (process.argv.includes('--false')) for (const f of pool.filter((x) => x.shown && !x.verdict)) console.log(`  shown, judged false: ${f.key} | ${f.rows.map((r) => r.note).join(' / ').slice(0, 200)}`);
}
