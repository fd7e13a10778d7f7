import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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

/**
 * A flag set while the process runs applies to what V8 makes afterwards, but regular expressions made before it keep
 * their state. `--no-regexp-tier-up` set at run time crashed Node 20 (SIGSEGV in the regexp interpreter's trampoline)
 * when an expression that had run once in the interpreter before the flag ran again after it: Node's own loader and
 * tsx had run such expressions when the bins and the benchmark set it (bench/first-paired.ts's children died in ~30 %
 * of runs; session 18). `--regexp-tier-up-ticks=0` has the same effect on expressions made afterwards (compiled to
 * machine code at their first run) and leaves the earlier ones in a state V8 expects. The child below makes that case:
 * with `--no-regexp-tier-up` it dies on Node 20.20 every time.
 */
describe('V8 settings: the flags the bins set at run time are safe to set at run time', () => {
  const child = `
    const { setFlagsFromString } = require('node:v8');
    const res = [];
    for (let i = 0; i < 500; i++) res.push(new RegExp('a' + i + 'b|c(d+)e' + i, i % 2 ? 'u' : ''));
    for (const r of res) r.test('xxc' + 'd'.repeat(50) + 'e1');
    for (const flag of JSON.parse(process.argv[1])) setFlagsFromString(flag);
    let n = 0;
    for (let k = 0; k < 3; k++) for (const r of res) if (r.test('zzc' + 'd'.repeat(60) + 'e2é')) n++;
    process.stdout.write(String(n));
  `;
  for (const bin of ['server/bin/brug.js', 'server/bin/brug-language-server.js']) {
    it(`${bin}: expressions run before its flags run again after them`, () => {
      const flags = flagsSetIn(read(bin));
      assert.ok(flags.length > 0);
      assert.ok(!flags.includes('--no-regexp-tier-up'), 'switching the regexp tier-up off at run time can crash V8 (see above)');
      const r = spawnSync(process.execPath, ['-e', child, JSON.stringify(flags)], { encoding: 'utf8' });
      assert.equal(r.signal, null, `the child died of ${r.signal}`);
      assert.equal(r.status, 0, r.stderr);
      // Some of the expressions match the second subject (…e2…): they ran, compiled after the flags were set.
      assert.ok(Number(r.stdout) > 0, r.stdout);
    });
  }
});
