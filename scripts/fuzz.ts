/**
 * The long fuzz run (issue 17 item 6): `npm run fuzz -- --n 100000 [--seed 1] [--max-chars 6000]
 * [--scale 1] [--slow-ms 5000] [--out test/fuzz/RESULTS.md]`. Mutated documents from the dev
 * corpus go through the engine; every finding and fix is checked against the text
 * (test/fuzz/check.ts). The result (count, violations, slowest cases) is written to --out as it
 * goes (every 250 documents), so a run that is stopped still leaves its true count.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { corpusSources } from '../test/fuzz/generate.js';
import { fuzz } from '../test/fuzz/run.js';
import type { FuzzReport } from '../test/fuzz/run.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    'max-chars': { type: 'string', default: '6000' },
    scale: { type: 'string', default: '1' },
    'slow-ms': { type: 'string', default: '5000' },
    out: { type: 'string', default: 'test/fuzz/RESULTS.md' },
  },
});
const n = Number(values.n);
const seed = Number(values.seed);
const maxChars = Number(values['max-chars']);
const scale = Number(values.scale);
const slowMs = Number(values['slow-ms']);
const sources = corpusSources();
if (sources.length === 0) {
  process.stderr.write('fuzz: the dev corpus is missing (../shared/corpora/dev or BRUG_CORPUS)\n');
  process.exit(2);
}
const started = new Date();
let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // Not a git checkout: the commit stays unknown.
}
const t0 = performance.now();

function write(report: FuzzReport, done: boolean): void {
  const byKind = new Map<string, number>();
  for (const v of report.violations) byKind.set(v.kind, (byKind.get(v.kind) ?? 0) + 1);
  const lines = [
    '# Fuzz results (last long run)',
    '',
    'Written by `npm run fuzz` (scripts/fuzz.ts); the short run in `npm test` is test/fuzz/fuzz.test.ts.',
    '',
    `- Started: ${started.toISOString()}; ${done ? 'finished' : 'still running or stopped'} after ${Math.round((performance.now() - t0) / 1000)} s`,
    `- Command: \`npm run fuzz -- --n ${n} --seed ${seed} --max-chars ${maxChars} --scale ${scale}\` at commit ${commit}`,
    `- Documents checked: **${report.count}** of ${n} (mutated from ${sources.length} dev-corpus files)`,
    `- Violations: **${report.violations.length}**${byKind.size ? ` (${[...byKind].map(([k, c]) => `${k} ${c}`).join(', ')})` : ''}`,
    `- Slowest case: ${report.slowest ? `${report.slowest.ms} ms, ${report.slowest.chars} characters — ${report.slowest.recipe}` : 'none'}`,
    `- Cases over ${slowMs} ms: ${report.slow.length} (timings on a shared 2-core machine: noisy)`,
    '',
    'Reproduce a case with `makeCase(corpusSources(), seed, case)` from test/fuzz/generate.ts.',
    '',
  ];
  if (report.violations.length) {
    lines.push('## Violations (first 50)', '');
    for (const v of report.violations.slice(0, 50)) lines.push(`- ${v.kind}: ${v.recipe} — ${v.detail.replace(/\n/g, ' ').slice(0, 300)}`);
    lines.push('');
  }
  if (report.slow.length) {
    lines.push(`## Slow cases (over ${slowMs} ms; first 30)`, '');
    for (const s of report.slow.slice(0, 30)) lines.push(`- ${s.ms} ms, ${s.chars} characters — ${s.recipe}`);
    lines.push('');
  }
  writeFileSync(values.out!, lines.join('\n'));
}

const report = fuzz(sources, seed, n, {
  maxChars,
  scale,
  slowMs,
  onProgress: (i, r) => {
    if ((i + 1) % 250 === 0) {
      write(r, false);
      process.stdout.write(`fuzz: ${r.count} documents, ${r.violations.length} violations\n`);
    }
  },
});
write(report, true);
process.stdout.write(`fuzz: ${report.count} documents, ${report.violations.length} violations; slowest ${report.slowest?.ms} ms (${report.slowest?.recipe})\n`);
process.exitCode = report.violations.length ? 1 : 0;
