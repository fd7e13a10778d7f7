/**
 * V8's tiering as Brug runs: TurboFan compiles a function once it has run this much bytecode (V8's default: 67,584).
 * A check runs hundreds of medium-warm functions a few hundred times each; under the default most of them were compiled
 * on helper threads, many again when an object of another shape came by, and half of a long document's CPU time went to
 * that compiler. Nine times the default leaves the hot functions to it (bench/RESULTS.md, session 15, V8 tiering).
 *
 * Set at start by the `brug` command (server/bin/brug.js, which runs before any bundle and writes the same value: a
 * test keeps the two equal), by the language server (lsp/v8-tiering.ts) and by the benchmark for Brug as it ships
 * (bench/v8-as-shipped.ts). BRUG_INTERRUPT_BUDGET overrides it (67584: V8's default), for comparisons.
 */
export const INTERRUPT_BUDGET = 600_000;

/** The interrupt budget to set: BRUG_INTERRUPT_BUDGET when it is a positive number, else INTERRUPT_BUDGET. */
export function interruptBudget(): number {
  return Number(process.env.BRUG_INTERRUPT_BUDGET) || INTERRUPT_BUDGET;
}
