#!/usr/bin/env node
// The brug command: runs the bundled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('brug: the command is not built yet. Run `npm install` (or `npm run build`) in the repository root.\n');
  process.exit(2);
}
await import(bundle.href);
