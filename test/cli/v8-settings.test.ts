import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERRUPT_BUDGET } from '../../server/src/workspace/v8-settings.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

/** The flags a file sets with setFlagsFromString, a `${…|| N}` template read as its number. */
function flagsSetIn(source: string): string[] {
  return [...source.matchAll(/setFlagsFromString\((['`])(.*?)\1\)/g)].map((m) => m[2]!.replace(/\$\{[^}]*\|\|\s*([\d_]+)\}/, (_s, n: string) => n.replace(/_/g, '')));
}

describe('V8 settings: the command, the language server and the benchmark start alike', () => {
  it('server/bin/brug.js sets the interrupt budget of workspace/v8-settings.ts, and the flags the benchmark applies', async () => {
    // The benchmark's module, without setting the flags in this process.
    process.env.BRUG_BENCH_V8_DEFAULTS = '1';
    const { COMMAND_V8_FLAGS, V8_AS_SHIPPED } = await import('../../bench/v8-as-shipped.js');
    delete process.env.BRUG_BENCH_V8_DEFAULTS;
    assert.equal(V8_AS_SHIPPED, false);
    const flags = flagsSetIn(read('server/bin/brug.js'));
    assert.ok(flags.includes(`--interrupt-budget=${INTERRUPT_BUDGET}`), `brug.js sets ${flags.join(', ')}`);
    // With BRUG_INTERRUPT_BUDGET unset (as in the tests), the benchmark's list is the command's.
    assert.equal(process.env.BRUG_INTERRUPT_BUDGET, undefined);
    assert.deepEqual(flags, COMMAND_V8_FLAGS);
  });

  it("the language server's entry imports its tiering before anything else", () => {
    const imports = [...read('server/src/lsp/server.ts').matchAll(/^import\s[^;]*;/gm)].map((m) => m[0]);
    assert.equal(imports[0], "import './v8-tiering.js';");
    assert.match(read('server/src/lsp/v8-tiering.ts'), /setFlagsFromString\(`--interrupt-budget=\$\{interruptBudget\(\)\}`\)/);
  });

  it('the budget is a positive number and BRUG_INTERRUPT_BUDGET overrides it', async () => {
    const { interruptBudget } = await import('../../server/src/workspace/v8-settings.js');
    assert.ok(INTERRUPT_BUDGET > 67584);
    process.env.BRUG_INTERRUPT_BUDGET = '67584';
    try {
      assert.equal(interruptBudget(), 67584);
      process.env.BRUG_INTERRUPT_BUDGET = 'nonsense';
      assert.equal(interruptBudget(), INTERRUPT_BUDGET);
    } finally {
      delete process.env.BRUG_INTERRUPT_BUDGET;
    }
  });
});
