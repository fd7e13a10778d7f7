/**
 * Brug's language server. `createConnection(ProposedFeatures.all)` takes the transport from
 * the command line: --node-ipc when VS Code starts it, --stdio for other editors.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './brug-server.js';

const connection = createConnection(ProposedFeatures.all);

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
