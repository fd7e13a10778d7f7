/**
 * Brug's language server. `createConnection(ProposedFeatures.all)` takes the transport from
 * the command line: --node-ipc when VS Code starts it, --stdio for other editors.
 */
// First: V8's tiering for everything the server runs (see v8-tiering.ts).
import './v8-tiering.js';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { limitMemo } from '../engine/practice/patterns.js';
import { startServer } from './brug-server.js';

const connection = createConnection(ProposedFeatures.all);

/**
 * The practice pattern memo (engine/practice/patterns.ts) keeps the answers of up to 10,000 texts and 2,000,000
 * characters for a whole check run again (another round of a benchmark, a folder checked twice). In the server each
 * block's units keep their own answers between checks and an edit asks the memo about the edited blocks' texts only; at
 * 100,000 words the memo held every sentence of the document plus each edited sentence's old versions (~7 MB of live heap
 * after 1,000 edits, +2.5 MB of it by the edits). The server process keeps the texts asked about last: 2,500 texts, 500,000
 * characters (BRUG_PATTERN_MEMO=TEXTS,CHARACTERS for comparisons). Measured: bench/RESULTS.md, session 11, mem20.
 */
const [MEMO_TEXTS, MEMO_CHARACTERS] = (process.env.BRUG_PATTERN_MEMO ?? '2500,500000').split(',').map(Number);
if (MEMO_TEXTS! > 0 && MEMO_CHARACTERS! > 0) limitMemo(MEMO_TEXTS!, MEMO_CHARACTERS!);

// A bug in a handler is logged, not fatal: the writer's editor keeps its language server.
process.on('uncaughtException', (err) => {
  try {
    connection.console.error(`Brug: unexpected error: ${err.stack ?? err.message}`);
  } catch {
    process.stderr.write(`Brug: unexpected error: ${err.stack ?? err.message}\n`);
  }
});
process.on('unhandledRejection', (reason) => {
  try {
    connection.console.error(`Brug: unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);
  } catch {
    process.stderr.write(`Brug: unhandled rejection: ${String(reason)}\n`);
  }
});

startServer(connection);
