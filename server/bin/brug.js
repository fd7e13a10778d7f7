#!/usr/bin/env node
// The brug command: runs the bundled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8 first runs each regular expression in its interpreter and compiles it to machine code after
// one run, so every cue pattern is compiled twice; the practice and role cues are large Unicode
// expressions that each run only a few times. Compiling them once, straight to machine code,
// takes about a quarter off the start (bench/RESULTS.md, cold start) and is no slower on a
// 91,000-word book.
setFlagsFromString('--no-regexp-tier-up');

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('brug: the command is not built yet. Run `npm install` (or `npm run build`) in the repository root.\n');
  process.exit(2);
}
await import(bundle.href);
