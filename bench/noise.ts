/**
 * Noise on the dev corpus: findings per 1,000 words per rule and per document, with default
 * settings (what the Problems panel shows: info and up; warnings; hints apart). Prints numbers,
 * asserts nothing. Run with `npm run bench:noise`. Issue 12's targets: median ≤ 10 visible
 * findings and ≤ 3 warnings per 1,000 words.
 */
import { checkCorpusFile, corpusFiles } from '../scripts/sample-findings-corpus.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const per1000 = (n: number, words: number) => (words > 0 ? (1000 * n) / words : 0);

const files = corpusFiles();
if (files.length === 0) {
  console.log('The dev corpus is missing (../shared/corpora/dev or BRUG_CORPUS).');
  process.exit(0);
}
const byRule = new Map<string, { visible: number; warnings: number; hints: number }>();
const docs: Array<{ file: string; words: number; visible: number; warnings: number; hints: number }> = [];
let words = 0;
// Issue 12: no term finding repeated more than 3 times in a report. Visible findings of one rule on the
// same words (a term, or the same flagged text) per report: the most repeated ones.
const repeats: Array<{ file: string; rule: string; what: string; n: number }> = [];
for (const file of files) {
  const r = checkCorpusFile(file);
  words += r.words;
  const same = new Map<string, number>();
  for (const f of r.findings) {
    if (f.severity === 'hint') continue;
    const what = String(f.data?.term ?? r.text.slice(f.offset, Math.min(f.endOffset, f.offset + 60)).replace(/\s+/g, ' ').toLowerCase());
    const k = `${f.ruleId}\t${what}`;
    same.set(k, (same.get(k) ?? 0) + 1);
  }
  for (const [k, n] of same) if (n > 3) repeats.push({ file, rule: k.split('\t')[0]!, what: k.split('\t')[1]!, n });
  const doc = { file, words: r.words, visible: 0, warnings: 0, hints: 0 };
  for (const f of r.findings) {
    let x = byRule.get(f.ruleId);
    if (!x) byRule.set(f.ruleId, (x = { visible: 0, warnings: 0, hints: 0 }));
    if (f.severity === 'hint') {
      x.hints++;
      doc.hints++;
      continue;
    }
    x.visible++;
    doc.visible++;
    if (f.severity === 'warning' || f.severity === 'error') {
      x.warnings++;
      doc.warnings++;
    }
  }
  docs.push(doc);
}
console.log('Per document (per 1,000 words): visible (info and up) · warnings · hints');
for (const d of docs.sort((a, b) => per1000(a.visible, a.words) - per1000(b.visible, b.words))) {
  console.log(`  ${d.file.padEnd(58)} ${String(d.words).padStart(6)} words  ${per1000(d.visible, d.words).toFixed(1).padStart(5)}  ${per1000(d.warnings, d.words).toFixed(1).padStart(5)}  ${per1000(d.hints, d.words).toFixed(1).padStart(5)}`);
}
console.log(`Median per document: ${median(docs.map((d) => per1000(d.visible, d.words))).toFixed(1)} visible, ${median(docs.map((d) => per1000(d.warnings, d.words))).toFixed(1)} warnings per 1,000 words (targets ≤ 10 and ≤ 3)`);
console.log(`\nPer rule over the corpus (${words} words), per 1,000 words: visible · warnings · hints`);
for (const [rule, x] of [...byRule].sort((a, b) => b[1].visible - a[1].visible)) {
  console.log(`  ${rule.padEnd(40)} ${per1000(x.visible, words).toFixed(2).padStart(6)} ${per1000(x.warnings, words).toFixed(2).padStart(6)} ${per1000(x.hints, words).toFixed(2).padStart(6)}`);
}
const terms = repeats.filter((x) => x.rule.startsWith('vocabulary/'));
console.log(`\nTerm findings (vocabulary rules) repeated more than 3 times in one report: ${terms.length} (target 0)`);
for (const x of terms) console.log(`  ${x.file} ${x.rule} "${x.what}" ×${x.n}`);
console.log(`Other visible findings on the same text more than 3 times in one report: ${repeats.length - terms.length}`);
for (const x of repeats.filter((y) => !y.rule.startsWith('vocabulary/')).sort((a, b) => b.n - a.n)) console.log(`  ${x.file} ${x.rule} "${x.what.slice(0, 50)}" ×${x.n}`);
