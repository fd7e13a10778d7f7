/** Runs fuzz cases through the engine and collects violations and the slowest case. */
import { lint } from '../../server/src/index.js';
import { checkFindings } from './check.js';
import type { Violation } from './check.js';
import { makeCase } from './generate.js';
import type { Case, Source } from './generate.js';

export interface FuzzReport {
  count: number;
  violations: Array<{ recipe: string } & Violation>;
  slowest: { recipe: string; ms: number; chars: number } | undefined;
  /** Cases slower than `slowMs` (candidates for super-linear paths). */
  slow: Array<{ recipe: string; ms: number; chars: number }>;
}

export function checkCase(c: Case): { violations: Violation[]; ms: number } {
  const path = c.format === 'latex' ? 'fuzz.tex' : c.format === 'plaintext' ? 'fuzz.txt' : 'fuzz.md';
  const t0 = performance.now();
  let violations: Violation[];
  try {
    const r = lint(c.text, { path });
    violations = checkFindings(c.text, c.format, r.findings);
  } catch (err) {
    violations = [{ kind: 'crash', detail: String((err as Error)?.stack ?? err).slice(0, 500) }];
  }
  return { violations, ms: performance.now() - t0 };
}

export function fuzz(sources: Source[], seed: number, n: number, options: { maxChars?: number; scale?: number; slowMs?: number; onProgress?: (i: number, report: FuzzReport) => void; start?: number; step?: number } = {}): FuzzReport {
  const report: FuzzReport = { count: 0, violations: [], slowest: undefined, slow: [] };
  const step = Math.max(1, options.step ?? 1);
  for (let i = options.start ?? 0; i < n; i += step) {
    const c = makeCase(sources, seed, i, options.maxChars, options.scale);
    const { violations, ms } = checkCase(c);
    report.count++;
    for (const v of violations) report.violations.push({ recipe: c.recipe, ...v });
    if (!report.slowest || ms > report.slowest.ms) report.slowest = { recipe: c.recipe, ms: Math.round(ms), chars: c.text.length };
    if (ms > (options.slowMs ?? 5000)) report.slow.push({ recipe: c.recipe, ms: Math.round(ms), chars: c.text.length });
    options.onProgress?.(i, report);
  }
  return report;
}
