/**
 * Checks many files on all cores: worker threads (pool-worker.ts) each take the next file
 * while the main thread waits; results come back keyed by file, so the caller reports them
 * in its own order, exactly as a serial run would. A file a worker could not check is left
 * out of the results and checked by the caller as before.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BrugConfig } from '../engine/config/config.js';
import type { LintResult } from '../engine/engine.js';

export interface PoolJob {
  id: number;
  file: string;
  text: string;
  config: BrugConfig;
  configFile?: string;
}

/** What the command line reads of a check (the document model and blocks stay in the worker). */
export type PooledResult = Pick<LintResult, 'language' | 'format' | 'metrics' | 'sections' | 'findings' | 'errors' | 'analyses'>;

export interface PoolReply {
  id: number;
  result?: PooledResult;
  error?: string;
}

export interface PoolOptions {
  /** Worker threads (default: the cores available, at most 8; BRUG_WORKERS overrides). */
  threads?: number;
  /** Called after each file, for a progress line. */
  progress?: (done: number, total: number, file: string) => void;
}

/** How many workers to use for `jobs` files of `bytes` in all; 0 = check in this thread. */
export function poolSize(jobs: number, bytes: number, requested?: number): number {
  const env = process.env.BRUG_WORKERS;
  const wanted = requested ?? (env !== undefined && env !== '' ? Number(env) : Math.min(8, availableParallelism()));
  if (!Number.isFinite(wanted) || wanted < 2 || jobs < 2) return 0;
  // Each worker loads the dictionaries once (about half a second): not worth it for a few small files.
  if (env === undefined && bytes < 200_000) return 0;
  return Math.min(Math.floor(wanted), jobs);
}

/**
 * The worker's script: the bundled pool-worker.mjs beside this module (server/dist), or, when
 * this module runs from source (tests, benchmarks), the one the build put in server/dist
 * (Node 20 cannot start a TypeScript worker through tsx).
 */
function workerScript(): URL | undefined {
  for (const rel of ['./pool-worker.mjs', '../../dist/pool-worker.mjs']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** Checks `jobs` on `threads` workers; resolves with the results by file. */
export async function checkInPool(jobs: Array<Omit<PoolJob, 'id'>>, threads: number, options: PoolOptions = {}): Promise<Map<string, PooledResult>> {
  const results = new Map<string, PooledResult>();
  const script = workerScript();
  if (!script || threads < 1 || jobs.length === 0) return results;
  const queue = jobs.map((j, id) => ({ ...j, id }));
  let next = 0;
  let done = 0;
  const runOne = (worker: Worker) =>
    new Promise<void>((resolve) => {
      const take = () => {
        if (next >= queue.length) {
          void worker.terminate();
          resolve();
          return;
        }
        worker.postMessage(queue[next++]);
      };
      worker.on('message', (reply: PoolReply) => {
        const job = queue[reply.id];
        if (job && reply.result) results.set(job.file, reply.result);
        done++;
        if (job) options.progress?.(done, queue.length, job.file);
        take();
      });
      // A worker that fails leaves its files to the caller; the others go on.
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
      take();
    });
  const workers: Array<Promise<void>> = [];
  for (let i = 0; i < Math.min(threads, queue.length); i++) {
    const worker = new Worker(script, { execArgv: [] });
    workers.push(runOne(worker));
  }
  await Promise.all(workers);
  return results;
}

/** A progress line on a terminal's stderr: "brug: 3 of 17 files checked", rewritten in place. */
export function progressLine(stream: NodeJS.WriteStream): { update: PoolOptions['progress']; end: () => void } | undefined {
  if (!stream.isTTY) return undefined;
  let shown = false;
  return {
    update: (done, total) => {
      shown = true;
      stream.write(`\rbrug: ${done} of ${total} files checked`);
    },
    end: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The command line's hook: reads `files` (skipping what the caller will report as unreadable,
 * too large or binary), and when they are many or large enough checks them on worker threads.
 * Returns the results with the text each was made from; the caller checks the rest itself.
 */
export async function checkFiles(
  files: string[],
  configOf: (file: string) => { config: BrugConfig; configFile?: string },
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<Map<string, { text: string; result: PooledResult }>> {
  const out = new Map<string, { text: string; result: PooledResult }>();
  if (files.length < 2) return out;
  const jobs: Array<Omit<PoolJob, 'id'>> = [];
  let bytes = 0;
  for (const file of files) {
    try {
      if (statSync(file).size > MAX_FILE_BYTES) continue;
      const buf = readFileSync(file);
      if (buf.subarray(0, 8000).includes(0)) continue;
      bytes += buf.length;
      jobs.push({ file, text: buf.toString('utf8'), ...configOf(file) });
    } catch {
      // The caller reports it.
    }
  }
  const threads = poolSize(jobs.length, bytes);
  if (threads === 0) return out;
  const progress = progressLine(stderr);
  const results = await checkInPool(jobs, threads, progress ? { progress: progress.update } : {});
  progress?.end();
  for (const j of jobs) {
    const r = results.get(j.file);
    if (r) out.set(j.file, { text: j.text, result: r });
  }
  return out;
}
