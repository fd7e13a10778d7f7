#!/usr/bin/env node
// Findings per 1,000 words of the vocabulary rules on the dev corpus, per document and in total,
// and the most repeated term per rule in each document (issue 12: no term finding more than 3 times).
// Usage: node scripts/vocabulary-noise.mjs [out.json]   (BRUG_SHARED points at the shared folder; default ../shared)
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(process.env.BRUG_SHARED ?? join(root, '..', 'shared'), 'corpora', 'dev');
const files = [];
for (const l of ['nl', 'en']) for (const f of readdirSync(join(corpus, l)).sort()) files.push(join(corpus, l, f));
const out = execFileSync(process.execPath, [join(root, 'server/bin/brug.js'), 'check', ...files, '--format', 'json', '--fail-on', 'error'], { maxBuffer: 1 << 30 }).toString();
if (process.argv[2]) writeFileSync(process.argv[2], out);
const rules = ['vocabulary/jargon', 'vocabulary/mixed-terms', 'vocabulary/person-first'];
let words = 0;
const total = Object.fromEntries(rules.map((r) => [r, 0]));
for (const f of JSON.parse(out).files) {
  words += f.metrics.words;
  const row = rules.map((r) => {
    const fs = f.findings.filter((x) => x.ruleId === r && x.severity !== 'hint');
    total[r] += fs.length;
    const per = {};
    for (const x of fs) per[x.data?.entryId ?? x.data?.groupId ?? '?'] = (per[x.data?.entryId ?? x.data?.groupId ?? '?'] ?? 0) + 1;
    return `${r.split('/')[1]} ${((fs.length * 1000) / f.metrics.words).toFixed(2)} (${fs.length}, most repeated ${Math.max(0, ...Object.values(per))})`;
  });
  process.stdout.write(`${f.path.split(/[\\/]/).slice(-2).join("/")}\t${f.metrics.words}\t${row.join('\t')}\n`);
}
for (const r of rules) process.stdout.write(`${r}\t${total[r]} findings\t${((total[r] * 1000) / words).toFixed(2)} per 1,000 words\n`);
