/**
 * `npm run evaluate`: leave-one-document-out evaluation of the section roles and the
 * client-perspective verdict over the whole dev corpus, per language, written to
 * docs/evaluation.md (and printed). Options: --sections or --client to run one part,
 * --no-write to only print, -v to list every miss.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, REPO_ROOT } from '../test/helpers/shared.js';
import { bundledDictionaries } from '../server/src/workspace/dictionaries.js';
import { Vocabulary } from '../server/src/engine/vocabulary/vocabulary.js';
import { clientLabels, confusion, corpusDocs, inconsistentReport, evaluateClient, evaluateSections, pct, scoreClient, sectionRows } from './evaluate-lib.js';

const args = process.argv.slice(2);
const only = args.includes('--sections') ? 'sections' : args.includes('--client') ? 'client' : 'both';
const verbose = args.includes('-v');
const started = Date.now();
const docs = corpusDocs(CORPUS_DIR);
const out: string[] = [
  '# Evaluation of the verdicts on the dev corpus',
  '',
  `Written by \`npm run evaluate\` (scripts/evaluate-verdicts.ts) on ${new Date().toISOString().slice(0, 10)} over ${docs.length} documents of \`../shared/corpora/dev\` (${docs.filter((d) => d.language === 'nl').length} Dutch, ${docs.filter((d) => d.language === 'en').length} English).`,
  '',
  'Leave-one-document-out (LOO): before a document is judged, every word in Brug\'s data that matches that document only (and no other document of the corpus) is removed — section-role terms that match only its headings or section text, client-dictionary entries that occur only in its text. A word added because of one document therefore cannot help that document\'s own score. Built-in rules and thresholds are the same for every document.',
  '',
  'Targets (issue 14): section roles ≥ 90 % in each language; client verdict ≥ 90 % absent vs voiced and ≥ 80 % exact on three classes (present, partial, not voiced = absent or not applicable).',
  '',
];

if (only !== 'client') {
  const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);
  const rows = sectionRows(CORPUS_DIR);
  const r = evaluateSections(docs, rows, vocabulary);
  out.push('## Section roles (SECTIONS.tsv)', '', '| language | headings | in-sample | leave-one-out |', '|---|---|---|---|');
  for (let i = 0; i < 2; i++) {
    const a = r.inSample[i]!;
    const b = r.loo[i]!;
    out.push(`| ${a.language} | ${a.total} | ${a.agree} (${pct(a.agree, a.total)}) | ${b.agree} (${pct(b.agree, b.total)}) |`);
  }
  const all = (s: typeof r.loo) => [s.reduce((k, x) => k + x.agree, 0), s.reduce((k, x) => k + x.total, 0)] as const;
  const [ia, it] = all(r.inSample);
  const [la, lt] = all(r.loo);
  out.push(`| all | ${it} | ${ia} (${pct(ia, it)}) | ${la} (${pct(la, lt)}) |`, '');
  const removed = Object.entries(r.removed).filter(([, t]) => t.length);
  out.push('Role terms left out per held-out document (they match that document only):', '');
  for (const [f, t] of removed) out.push(`- ${f}: ${t.map((x) => x.split(':').slice(1).join(':')).join(', ')}`);
  out.push('', `Misses (leave-one-out): ${r.loo.reduce((k, s) => k + s.misses.length, 0)}. ${verbose ? '' : 'Run `npm run evaluate -- -v` to list them, `npm run evaluate:roles -- --dump` to see every labelled heading.'}`, '');
  out.push('SECTIONS.tsv has no references role: a reference list is labelled "other", and Brug\'s "references" counts as "other" here.', '');
  out.push(...confusion(r.loo), ...inconsistentReport(r.loo));
  if (verbose) for (const s of r.loo) for (const m of s.misses) out.push(`- ${m}`);
  if (verbose) out.push('');
}

if (only !== 'sections') {
  const labels = clientLabels(CORPUS_DIR);
  const r = evaluateClient(docs, labels);
  out.push('## Client-perspective verdict (LABELS.tsv)', '');
  out.push('"with alternatives": a verdict that equals the alternative reading the labeller names for a low- or medium-confidence label ("Alternative reading: not_applicable") also agrees.', '');
  out.push('| language | documents | absent vs voiced, in-sample | LOO | LOO with alternatives | exact (3 classes), in-sample | LOO | LOO with alternatives |', '|---|---|---|---|---|---|---|---|');
  for (const lang of ['nl', 'en', 'all'] as const) {
    const a = scoreClient(r.inSample, lang);
    const b = scoreClient(r.loo, lang);
    out.push(`| ${lang} | ${a.total} | ${pct(a.binary, a.total)} | ${pct(b.binary, b.total)} | ${pct(b.binaryAlt, b.total)} | ${pct(a.exact3, a.total)} | ${pct(b.exact3, b.total)} | ${pct(b.exact3Alt, b.total)} |`);
  }
  out.push('', '| document | label | confidence | alternative | Brug in-sample | Brug LOO | entries left out |', '|---|---|---|---|---|---|---|');
  r.loo.forEach((x, i) => out.push(`| ${x.label.file} | ${x.label.verdict} | ${x.label.confidence} | ${x.label.alternative ?? ''} | ${r.inSample[i]!.verdict} | ${x.verdict} | ${x.removed.join(', ')} |`));
  out.push('');
}

out.push(`(${((Date.now() - started) / 1000).toFixed(0)} s on a shared machine.)`, '');
const text = out.join('\n');
process.stdout.write(text);
if (!args.includes('--no-write') && only === 'both') writeFileSync(join(REPO_ROOT, 'docs', 'evaluation.md'), text);
