import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`brug: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
