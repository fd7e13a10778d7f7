/**
 * The V8 settings the `brug` command starts with (server/bin/brug.js), applied to this process: imported first by
 * bench/real.ts, so that Brug runs in the one-process comparison as it runs for a writer. The retext pipeline in the
 * same process runs under them too (it gets faster with them as well: the comparison is, if anything, harder on Brug).
 * BRUG_BENCH_V8_DEFAULTS=1 leaves V8's defaults, for comparisons with earlier figures.
 */
import { setFlagsFromString } from 'node:v8';
import { interruptBudget } from '../server/src/workspace/v8-settings.js';

/** The command's flags, in the order it sets them (test/cli/v8-settings.test.ts holds brug.js to this list). */
export const COMMAND_V8_FLAGS = ['--regexp-tier-up-ticks=0', `--interrupt-budget=${interruptBudget()}`];

export const V8_AS_SHIPPED = process.env.BRUG_BENCH_V8_DEFAULTS !== '1';
if (V8_AS_SHIPPED) for (const flag of COMMAND_V8_FLAGS) setFlagsFromString(flag);
