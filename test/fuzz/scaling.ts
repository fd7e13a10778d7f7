/**
 * Growth of the check time with the size of pathological inputs (issue 17 item 3): a huge line,
 * one long word, deep nesting in each format. Each shape is checked at two sizes; the exponent
 * log(t₂/t₁) / log(size₂/size₁) is ≈ 1 for linear work and ≈ 2 for quadratic work. Timing belongs
 * in scripts, not tests: scripts/fuzz.ts prints this table and writes it to RESULTS.md.
 */
import { lint } from '../../server/src/index.js';

export interface Shape {
  name: string;
  path: string;
  /** The document for size n (about n characters or n nesting levels). */
  make: (n: number) => string;
}

const PROSE = 'De cliënt krijgt schuldhulp van de gemeente. ';

export const SHAPES: Shape[] = [
  { name: 'long word (md)', path: 'x.md', make: (n) => `${PROSE}${'schuldhulpverlening'.repeat(Math.ceil(n / 19))}\n` },
  { name: 'long word (txt)', path: 'x.txt', make: (n) => `${PROSE}${'schuldhulpverlening'.repeat(Math.ceil(n / 19))}\n` },
  { name: 'long word (tex)', path: 'x.tex', make: (n) => `${PROSE}${'schuldhulpverlening'.repeat(Math.ceil(n / 19))}\n` },
  { name: 'long word with @ and : (md)', path: 'x.md', make: (n) => `Mail a@b.nl: ${'schuldhulpverlening'.repeat(Math.ceil(n / 19))}\n` },
  { name: 'huge line of short words (md)', path: 'x.md', make: (n) => `${'a '.repeat(Math.ceil(n / 2))}\n` },
  { name: 'huge line of prose (md)', path: 'x.md', make: (n) => `${PROSE.repeat(Math.ceil(n / PROSE.length)).replace(/\. /g, ', ')}\n` },
  { name: 'huge line of prose (tex)', path: 'x.tex', make: (n) => `${PROSE.repeat(Math.ceil(n / PROSE.length)).replace(/\. /g, ', ')}\n` },
  { name: 'huge line of prose (txt)', path: 'x.txt', make: (n) => `${PROSE.repeat(Math.ceil(n / PROSE.length)).replace(/\. /g, ', ')}\n` },
  { name: 'nested list markers (md)', path: 'x.md', make: (n) => `${'- '.repeat(Math.ceil(n / 2))}${PROSE}\n` },
  { name: 'nested quotes (md)', path: 'x.md', make: (n) => `${'> '.repeat(Math.ceil(n / 2))}${PROSE}\n` },
  { name: 'nested emphasis * (md)', path: 'x.md', make: (n) => `${'*'.repeat(n)}${PROSE}\n` },
  { name: 'nested brackets [ (md)', path: 'x.md', make: (n) => `${'['.repeat(n)}${PROSE}\n` },
  { name: 'nested underscores _ (md)', path: 'x.md', make: (n) => `${'_'.repeat(n)}${PROSE}\n` },
  { name: 'backticks ` (md)', path: 'x.md', make: (n) => `${'`'.repeat(n)}${PROSE}\n` },
  { name: 'ordered list markers (md)', path: 'x.md', make: (n) => `${'1. '.repeat(Math.ceil(n / 3))}${PROSE}\n` },
  { name: 'nested braces { (tex)', path: 'x.tex', make: (n) => `${'{'.repeat(n)}${PROSE}\n` },
  { name: 'nested \\emph{ (tex)', path: 'x.tex', make: (n) => `${'\\emph{'.repeat(Math.ceil(n / 6))}${PROSE}\n` },
  { name: 'nested \\footnote{ (tex)', path: 'x.tex', make: (n) => `${'\\footnote{'.repeat(Math.ceil(n / 10))}${PROSE}\n` },
  { name: 'nested itemize (tex)', path: 'x.tex', make: (n) => `${'\\begin{itemize}\\item '.repeat(Math.ceil(n / 21))}${PROSE}\n` },
  { name: 'dollars $ (tex)', path: 'x.tex', make: (n) => `${'$'.repeat(n)}${PROSE}\n` },
  { name: 'parentheses ( (txt)', path: 'x.txt', make: (n) => `${'('.repeat(n)}${PROSE}\n` },
  { name: 'quotes " (txt)', path: 'x.txt', make: (n) => `${'"'.repeat(n)}${PROSE}\n` },
];

export interface Growth {
  name: string;
  small: number;
  large: number;
  msSmall: number;
  msLarge: number;
  exponent: number;
}

let salt = 0;

/** CPU milliseconds (not wall-clock: other processes on a shared machine do not count). */
function time(text: string, path: string): number {
  let best = Infinity;
  // The best of two runs: the machine is shared, the minimum is the least noisy. A different
  // last word each run keeps the engine's block cache from answering instead of the engine.
  for (let k = 0; k < 2; k++) {
    const salted = `${text.replace(/\n$/, '')} v${++salt}\n`;
    const t0 = process.cpuUsage();
    lint(salted, { path });
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** The growth exponent of every shape between `small` and `large` characters. */
export function measureGrowth(small = 8000, large = 32000, shapes = SHAPES): Growth[] {
  lint(PROSE, { path: 'warm.md' });
  return shapes.map((s) => {
    const msSmall = time(s.make(small), s.path);
    const msLarge = time(s.make(large), s.path);
    // Below a few milliseconds the clock is noise: count such a shape as linear.
    const exponent = msLarge < 5 ? 1 : Math.log(Math.max(msLarge, 0.1) / Math.max(msSmall, 0.1)) / Math.log(large / small);
    return { name: s.name, small, large, msSmall: Math.round(msSmall), msLarge: Math.round(msLarge), exponent: Math.round(exponent * 100) / 100 };
  });
}
