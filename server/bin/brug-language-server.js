#!/usr/bin/env node
// The Brug language server for any editor: `brug-language-server --stdio`.
// It runs the bundled server (built by `npm install` / `npm run build`), which is CommonJS.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const bundle = fileURLToPath(new URL('../dist/server.cjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('brug-language-server: the server is not built yet. Run `npm install` (or `npm run build`) in the repository root.\n');
  process.exit(2);
}
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.stderr.write('brug-language-server: start it with --stdio (or --node-ipc, --socket=PORT, --pipe=NAME); an editor does this for you.\n');
  process.exit(2);
}
// The cue patterns are large regular expressions: compiled once, straight to machine code (as in bin/brug.js, which
// says why this flag and not --no-regexp-tier-up, which is safe only on the command line, as VS Code starts the server).
setFlagsFromString('--regexp-tier-up-ticks=0');
createRequire(import.meta.url)(bundle);
