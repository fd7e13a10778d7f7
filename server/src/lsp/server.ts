/**
 * Brug's language server. `createConnection(ProposedFeatures.all)` takes the transport from
 * the command line: --node-ipc when VS Code starts it, --stdio for other editors.
 */
// First: V8's tiering for everything the server runs (see v8-tiering.ts).
import './v8-tiering.js';
import { inspect } from 'node:util';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import type { Connection, MessageReader } from 'vscode-languageserver/node';
import { limitMemo } from '../engine/practice/patterns.js';
import { startServer } from './brug-server.js';
import { DirectStreamWriter } from './publish-writer.js';

/** The transport the command line names (the first of them, as vscode-languageserver reads it). */
const transport = process.argv.slice(2).find((a) => /^--(node-ipc|stdio|socket|pipe)(=|$)/.test(a));

/**
 * On --stdio the messages are written by a stream writer of our own making (publish-writer.ts DirectStreamWriter: each
 * message at once, header and body in one write), whose encoder puts a publishDiagnostics message together from each
 * diagnostic's JSON made once (the same bytes).
 * Given its streams, vscode-languageserver does not route the console to the client as it does for --stdio itself:
 * done here, so nothing else writes to stdout. Every other transport: as vscode-languageserver sets it up.
 */
function connect(): Connection {
  if (transport !== '--stdio') return createConnection(ProposedFeatures.all);
  const writer = new DirectStreamWriter(process.stdout);
  // The input stays the stream (typed as a reader: the overloads take two streams or two endpoints, the code either):
  // vscode-languageserver then ends the process when stdin ends, as with --stdio.
  const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, writer);
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.dir = (arg: unknown) => connection.console.log(inspect(arg));
  console.trace = (...args: unknown[]) => connection.console.log(`Trace${args.length ? `: ${text(args)}` : ''}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`);
  return connection;
}

const connection = connect();

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
