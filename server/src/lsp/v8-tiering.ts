import { setFlagsFromString } from 'node:v8';

/**
 * The language server's V8 tiering, as the `brug` command sets it (server/bin/brug.js, where the reason and the
 * measurements are): TurboFan compiles a function once it has run nine times V8's default amount of bytecode, so that
 * only the hot functions of a check are compiled. Imported first by the server's entry (feedback is allocated when a
 * function first runs, after this). Measured in the server: bench/RESULTS.md, session 15, V8 tiering.
 * BRUG_INTERRUPT_BUDGET=67584 restores V8's default, for comparisons.
 */
const INTERRUPT_BUDGET = Number(process.env.BRUG_INTERRUPT_BUDGET) || 600_000;
try {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
} catch {
  // A runtime that refuses the flag keeps V8's default: only speed differs.
}
