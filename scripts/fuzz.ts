/**
 * The long fuzz run (issue 17 item 6): `npm run fuzz -- --n 100000 [--seed 1] [--max-chars 6000]
 * [--scale 1] [--slow-ms 5000] [--workers 1] [--out test/fuzz/RESULTS.md] [--no-growth]`, and
 * `npm run fuzz -- --corpus-fixes`: the fix properties of test/fuzz/corpus-fixes.ts on every
 * dev-corpus document (npm test runs them on a fixed sample), written into its own section of
 * --out, which the long run keeps.
 * Mutated documents from the dev corpus go through the engine; every finding and fix is checked
 * against the text (test/fuzz/check.ts). With `--workers N` the cases are shared out over N
 * worker threads (case i goes to worker i mod N), so the same seed checks the same documents
 * whatever N is. The result (count, violations, slowest cases) is written to --out as it goes
 * (every 250 documents), so a run that is stopped still leaves its true count.
 *
 * Before the documents, the growth check (test/fuzz/scaling.ts) times pathological shapes (a huge
 * line, a long word, deep nesting) at two sizes and writes their growth exponents: ≈ 1 is linear.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { corpusSources } from '../test/fuzz/generate.js';
import { fuzz } from '../test/fuzz/run.js';
import type { FuzzReport } from '../test/fuzz/run.js';
import { measureGrowth } from '../test/fuzz/scaling.js';
import { fixCopies, fixesStayInPlace, guardedSwaps, safeFixesAlone } from '../test/fuzz/corpus-fixes.js';
import type { Growth } from '../test/fuzz/scaling.js';

// The engine's cue patterns are large regular expressions run on every sentence; V8 first
// interprets a regular expression and compiles it later, and here that costs half the run's CPU.
// Compiling at once changes speed only, never a result (before any worker starts: the flag is
// process-wide).
setFlagsFromString('--regexp-tier-up-ticks=0');

interface Job {
  seed: number;
  n: number;
  maxChars: number;
  scale: number;
  slowMs: number;
  worker: number;
  workers: number;
}

/** What a worker sends: its report so far (the whole report: small, and a lost message loses nothing). */
interface Progress {
  worker: number;
  report: FuzzReport;
  done: boolean;
}

if (!isMainThread) {
  const job = workerData as Job;
  const sources = corpusSources();
  let sinceLast = 0;
  const report = fuzz(sources, job.seed, job.n, {
    maxChars: job.maxChars,
    scale: job.scale,
    slowMs: job.slowMs,
    start: job.worker,
    step: job.workers,
    onProgress: (_i, r) => {
      if (++sinceLast >= 50) {
        sinceLast = 0;
        parentPort!.postMessage({ worker: job.worker, report: r, done: false } satisfies Progress);
      }
    },
  });
  parentPort!.postMessage({ worker: job.worker, report, done: true } satisfies Progress);
} else {
  main();
}

const SECTION_START = '<!-- corpus-fixes: written by npm run fuzz -- --corpus-fixes -->';
const SECTION_END = '<!-- /corpus-fixes -->';

/** The corpus-fixes section of a results file (empty when it has none). */
function corpusFixesSection(file: string): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(SECTION_START);
  const b = text.indexOf(SECTION_END);
  return a >= 0 && b > a ? text.slice(a, b + SECTION_END.length) : '';
}

/** The fix properties on every dev-corpus document; the result replaces the section in `out`. */
async function corpusFixes(out: string, commit: string): Promise<void> {
  const sources = corpusSources();
  const t0 = performance.now();
  const started = new Date().toISOString();
  const say = (x: string) => process.stdout.write(`fuzz --corpus-fixes: ${x}\n`);
  const a = fixesStayInPlace(sources);
  say(`fixes in place: ${a.fixes} fixes, ${a.problems.length} problems`);
  const b = safeFixesAlone(sources, 3);
  say(`safe fixes alone: ${b.tried} tried, ${b.refused} findings --fix would refuse, ${b.problems.length} problems`);
  const c = guardedSwaps(sources);
  say(`guarded swaps: ${c.swapped} swaps, ${c.kept} protected pieces, ${c.problems.length} problems`);
  const d = await fixCopies(sources);
  say(`--fix on copies: ${d.applied} fixes applied, ${d.problems.length} problems`);
  const problems = [...a.problems, ...b.problems, ...c.problems, ...d.problems];
  const section = [
    SECTION_START,
    '## Fix properties on every dev-corpus document',
    '',
    `- Run: ${started}, ${Math.round((performance.now() - t0) / 1000)} s, \`npm run fuzz -- --corpus-fixes\` at commit ${commit}; npm test runs the same checks on a fixed sample (test/fuzz/corpus-fixes.test.ts)`,
    `- Documents: ${sources.length}`,
    `- Every fix in the text, off protected text, structure kept: ${a.fixes} fixes with edits, **${a.problems.length}** problems`,
    `- Safe fixes applied alone (3 per document): ${b.tried} tried, **${b.problems.length}** problems (${b.refused} new findings in the fix's own paragraph, which --fix refuses)`,
    `- A test rule's safe swaps everywhere: ${c.swapped} swaps, ${c.kept} protected pieces kept, **${c.problems.length}** problems`,
    `- \`brug check --fix\` on copies, then a second --fix: ${d.applied} fixes applied, **${d.problems.length}** problems`,
    ...(problems.length ? ['', ...problems.slice(0, 30).map((p) => `  - ${p}`)] : []),
    SECTION_END,
  ].join('\n');
  const old = existsSync(out) ? readFileSync(out, 'utf8') : '# Fuzz results (last long run)\n';
  const had = corpusFixesSection(out);
  writeFileSync(out, had ? old.replace(had, section) : `${old.replace(/\n*$/, '\n\n')}${section}\n`);
  say(`${problems.length} problems; written to ${out}`);
  process.exitCode = problems.length ? 1 : 0;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      'max-chars': { type: 'string', default: '6000' },
      scale: { type: 'string', default: '1' },
      'slow-ms': { type: 'string', default: '5000' },
      workers: { type: 'string', default: '1' },
      out: { type: 'string', default: 'test/fuzz/RESULTS.md' },
      'no-growth': { type: 'boolean', default: false },
      'corpus-fixes': { type: 'boolean', default: false },
    },
  });
  const n = Number(values.n);
  const seed = Number(values.seed);
  const maxChars = Number(values['max-chars']);
  const scale = Number(values.scale);
  const slowMs = Number(values['slow-ms']);
  const workers = Math.max(1, Math.floor(Number(values.workers)));
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
  if (values['corpus-fixes']) {
    void corpusFixes(values.out!, commit);
    return;
  }
  const t0 = performance.now();
  const command = `npm run fuzz -- --n ${n} --seed ${seed} --max-chars ${maxChars} --scale ${scale} --workers ${workers}`;

  let growth: Growth[] = [];
  if (!values['no-growth']) {
    process.stdout.write('fuzz: growth of the check time on pathological shapes …\n');
    growth = measureGrowth();
    for (const g of growth) process.stdout.write(`  ${g.exponent.toFixed(2).padStart(5)}  ${g.name} (${g.msSmall} → ${g.msLarge} ms)\n`);
  }

  function write(report: FuzzReport, done: boolean): void {
    const byKind = new Map<string, number>();
    for (const v of report.violations) byKind.set(v.kind, (byKind.get(v.kind) ?? 0) + 1);
    const lines = [
      '# Fuzz results (last long run)',
      '',
      'Written by `npm run fuzz` (scripts/fuzz.ts); the short run in `npm test` is test/fuzz/fuzz.test.ts.',
      '',
      `- Started: ${started.toISOString()}; ${done ? 'finished' : 'still running or stopped'} after ${Math.round((performance.now() - t0) / 1000)} s`,
      `- Command: \`${command}\` at commit ${commit}`,
      `- Documents checked: **${report.count}** of ${n} (mutated from ${sources.length} dev-corpus files)`,
      `- Violations: **${report.violations.length}**${byKind.size ? ` (${[...byKind].map(([k, c]) => `${k} ${c}`).join(', ')})` : ''}`,
      `- Slowest case: ${report.slowest ? `${report.slowest.ms} ms, ${report.slowest.chars} characters — ${report.slowest.recipe}` : 'none'}`,
      `- Cases over ${slowMs} ms: ${report.slow.length} (wall-clock timings on a shared 2-core machine: noisy; the first case of each worker also pays the engine's start-up)`,
      '',
      'Reproduce a case with `makeCase(corpusSources(), seed, case, maxChars, scale)` from test/fuzz/generate.ts.',
      '',
    ];
    if (growth.length) {
      lines.push(
        `## Growth on pathological shapes (${growth[0]!.small} → ${growth[0]!.large} characters or levels)`,
        '',
        'CPU time of one check, the best of two; exponent = log(t₂/t₁) / log(size₂/size₁): ≈ 1 is linear, ≈ 2 quadratic (test/fuzz/scaling.ts).',
        '',
        '| shape | ms (small) | ms (large) | exponent |',
        '| --- | ---: | ---: | ---: |',
        ...growth.map((g) => `| ${g.name} | ${g.msSmall} | ${g.msLarge} | ${g.exponent.toFixed(2)} |`),
        '',
      );
    }
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
    const kept = corpusFixesSection(values.out!);
    writeFileSync(values.out!, lines.join('\n') + (kept ? `\n${kept}\n` : ''));
  }

  /** The reports of all workers as one. */
  function merge(reports: FuzzReport[]): FuzzReport {
    const out: FuzzReport = { count: 0, violations: [], slowest: undefined, slow: [] };
    for (const r of reports) {
      out.count += r.count;
      out.violations.push(...r.violations);
      out.slow.push(...r.slow);
      if (r.slowest && (!out.slowest || r.slowest.ms > out.slowest.ms)) out.slowest = r.slowest;
    }
    return out;
  }

  const reports: FuzzReport[] = Array.from({ length: workers }, () => ({ count: 0, violations: [], slowest: undefined, slow: [] }));
  let running = workers;
  let lastWritten = 0;
  const finish = () => {
    const report = merge(reports);
    write(report, true);
    process.stdout.write(`fuzz: ${report.count} documents, ${report.violations.length} violations; slowest ${report.slowest?.ms} ms (${report.slowest?.recipe})\n`);
    process.exitCode = report.violations.length || report.count < n ? 1 : 0;
  };
  for (let w = 0; w < workers; w++) {
    const job: Job = { seed, n, maxChars, scale, slowMs, worker: w, workers };
    // A worker does not inherit the TypeScript loader: it registers tsx, then loads this file.
    const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: job });
    worker.on('message', (m: Progress) => {
      reports[m.worker] = m.report;
      const count = reports.reduce((s, r) => s + r.count, 0);
      if (count - lastWritten >= 250) {
        lastWritten = count;
        const report = merge(reports);
        write(report, false);
        process.stdout.write(`fuzz: ${report.count} documents, ${report.violations.length} violations\n`);
      }
    });
    worker.on('error', (err) => {
      // A worker that dies is a crash outside a case: it counts as a violation, the others go on.
      reports[w]!.violations.push({ recipe: `worker ${w}`, kind: 'crash', detail: String(err?.stack ?? err).slice(0, 500) });
    });
    worker.on('exit', () => {
      if (--running === 0) finish();
    });
  }
}
