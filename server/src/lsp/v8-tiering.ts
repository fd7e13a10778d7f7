import { setFlagsFromString } from 'node:v8';
import { interruptBudget } from '../workspace/v8-settings.js';

/**
 * The language server's V8 tiering, as the `brug` command sets it (workspace/v8-settings.ts says why). Imported first
 * by the server's entry: feedback is allocated when a function first runs, after this.
 */
try {
  setFlagsFromString(`--interrupt-budget=${interruptBudget()}`);
} catch {
  // A runtime that refuses the flag keeps V8's default: only speed differs.
}
