/**
 * A worker thread of the check pool (pool.ts): it receives files to check one at a time and
 * answers with the part of the engine's result that the command line reports. The engine
 * and its dictionaries are loaded once per worker and kept for every file it gets.
 */
import { parentPort } from 'node:worker_threads';
import { engineFor } from './engine.js';
import type { PoolJob, PoolReply } from './pool.js';

parentPort?.on('message', (job: PoolJob) => {
  let reply: PoolReply;
  try {
    const { engine } = engineFor(job.config, job.configFile);
    const r = engine.lint(job.text, { path: job.file, config: job.config });
    reply = {
      id: job.id,
      result: { language: r.language, format: r.format, metrics: r.metrics, sections: r.sections, findings: r.findings, errors: r.errors, analyses: r.analyses },
    };
  } catch (err) {
    reply = { id: job.id, error: (err as Error).stack ?? String(err) };
  }
  try {
    parentPort!.postMessage(reply);
  } catch (err) {
    // A result that cannot be copied (it should not happen): the main thread checks the file itself.
    parentPort!.postMessage({ id: job.id, error: (err as Error).message } satisfies PoolReply);
  }
});
