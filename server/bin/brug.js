#!/usr/bin/env node
// The brug command: runs the bundled CLI (built by `npm install` / `npm run build`).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// V8 first runs each regular expression in its interpreter and compiles it to machine code after
// one run, so every cue pattern is compiled twice; the practice and role cues are large Unicode
// expressions that each run only a few times. Expressions made from here on are compiled once,
// straight to machine code (bench/RESULTS.md, cold start). Not `--no-regexp-tier-up`: switched off
// while the process runs, it crashed V8 when an expression Node had already run once ran again
// (test/cli/v8-settings.test.ts); zero ticks change nothing for the expressions made before.
setFlagsFromString('--regexp-tier-up-ticks=0');

// V8's tiering: TurboFan compiles only the functions a check runs hot (nine times V8's default budget; why, and the
// measurements: server/src/workspace/v8-settings.ts, whose INTERRUPT_BUDGET this equals — test/cli/v8-settings.test.ts).
// BRUG_INTERRUPT_BUDGET=67584 restores V8's default, for comparisons.
setFlagsFromString(`--interrupt-budget=${Number(process.env.BRUG_INTERRUPT_BUDGET) || 600000}`);

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const cjs = join(dist, 'cli.cjs');
const esm = join(dist, 'cli.mjs');

/**
 * Runs the CommonJS bundle with V8's code cache: Node 20 has no compile cache for modules, so a
 * start would parse the 1 MB bundle again and compile every function it calls (the Markdown
 * parser, the rules) from source. The cache holds the bytecode of the functions a check used
 * and is written after a run that had none (or whose cache V8 rejected: another Node version).
 * It is keyed by the build and the Node version, beside the bundle, or in the temporary folder when the
 * package folder is read-only. Anything wrong with it: V8 compiles from source as before.
 */
function runCached() {
  const source = readFileSync(cjs, 'utf8');
  // The build names itself on the first line; a bundle without the name is hashed instead.
  // (node:crypto is loaded only then: loading it costs a start a few milliseconds.)
  const build = /^\/\* brug-build ([0-9a-z]+) \*\//.exec(source)?.[1] ?? createRequire(import.meta.url)('node:crypto').createHash('sha1').update(source).digest('hex').slice(0, 16);
  const key = `${build}-${process.version.replace(/[^0-9a-z]+/gi, '_')}`;
  const places = [join(dist, `cli.${key}.cache`), join(tmpdir(), `brug-cli.${key}.cache`)];
  let cachedData;
  for (const p of places) {
    try {
      cachedData = readFileSync(p);
      break;
    } catch {
      /* not there */
    }
  }
  // The wrapper starts on the bundle's first line, so line numbers in stack traces stay true; strict,
  // as the ES module build (cli.mjs) always is.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {'use strict';${source}\n})`, { filename: cjs, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(cjs), module, cjs, dirname(cjs));
  // BRUG_CODE_CACHE_REFRESH=1 (the build): write it anyway, with what this run compiled added.
  if (cachedData && !script.cachedDataRejected && !process.env.BRUG_CODE_CACHE_REFRESH) return;
  process.once('exit', () => {
    let data;
    try {
      data = script.createCachedData();
    } catch {
      return;
    }
    for (const p of places) {
      try {
        const tmp = `${p}.${process.pid}.tmp`;
        writeFileSync(tmp, data);
        renameSync(tmp, p);
        return;
      } catch {
        /* read-only: try the next place */
      }
    }
  });
}

if (existsSync(cjs) && !process.env.BRUG_NO_CODE_CACHE) runCached();
else if (existsSync(esm)) await import(new URL('../dist/cli.mjs', import.meta.url).href);
else {
  process.stderr.write('brug: the command is not built yet. Run `npm install` (or `npm run build`) in the repository root.\n');
  process.exit(2);
}
