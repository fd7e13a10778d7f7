/**
 * Checks many files on all cores: worker threads (pool-worker.ts) each take the next file
 * while the main thread waits; results come back keyed by file, so the caller reports them
 * in its own order, exactly as a serial run would. A file a worker could not check is left
 * out of the results and checked by the caller as before.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { BrugConfig } from '../engine/config/config.js';
import type { LintResult } from '../engine/engine.js';

/**
 * node:worker_threads, loaded when a pool starts: checking one file never needs it, and loading
 * it costs every start of `brug check` about 10 ms.
 */
const workerThreads = (): typeof import('node:worker_threads') => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

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

/**
 * Worker threads that check files: submit() gives a promise of one file's result (undefined
 * when a worker could not check it); files are handed out in the order they were submitted.
 */
export class CheckPool {
  private readonly queue: PoolJob[] = [];
  private readonly waiting = new Map<number, (r: PooledResult | undefined) => void>();
  /** Idle workers, each as the function that hands it the next job. */
  private readonly idle: Array<() => void> = [];
  private readonly workers = new Set<Worker>();
  private nextId = 0;
  private closed = false;

  private constructor(script: URL, threads: number) {
    for (let i = 0; i < threads; i++) this.start(script);
  }

  /** A pool of `threads` workers, or undefined when the worker script is not there. */
  static create(threads: number): CheckPool | undefined {
    const script = workerScript();
    return script && threads >= 1 ? new CheckPool(script, threads) : undefined;
  }

  private start(script: URL): void {
    // A worker's standard output goes to the process's standard error, never to its standard output: that is the
    // language server's channel to the editor (--stdio; how VS Code starts it since session 36), where a stray line
    // from a worker would break the messages, and the command's report, which the main thread writes in order.
    const worker = new (workerThreads().Worker)(script, { execArgv: [], stdout: true });
    worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    let current: number | undefined;
    this.workers.add(worker);
    const next = () => {
      const job = this.queue.shift();
      if (!job) {
        current = undefined;
        this.idle.push(next);
        return;
      }
      current = job.id;
      worker.postMessage(job);
    };
    worker.on('message', (reply: PoolReply) => {
      this.settle(reply.id, reply.result);
      next();
    });
    // A worker that fails: its file goes back to the caller, the other workers take the rest.
    const gone = () => {
      this.workers.delete(worker);
      const i = this.idle.indexOf(next);
      if (i >= 0) this.idle.splice(i, 1);
      if (current !== undefined) this.settle(current, undefined);
      current = undefined;
      if (this.workers.size === 0) for (const job of this.queue.splice(0)) this.settle(job.id, undefined);
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    next();
  }

  private settle(id: number, result: PooledResult | undefined): void {
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    resolve?.(result);
  }

  submit(job: Omit<PoolJob, 'id'>): Promise<PooledResult | undefined> {
    if (this.closed || this.workers.size === 0) return Promise.resolve(undefined);
    const id = this.nextId++;
    const promise = new Promise<PooledResult | undefined>((resolve) => this.waiting.set(id, resolve));
    this.queue.push({ ...job, id });
    this.idle.shift()?.();
    return promise;
  }

  /** Stops the workers; results not in yet come back undefined. */
  close(): void {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job.id, undefined);
    for (const w of this.workers) void w.terminate();
    for (const id of [...this.waiting.keys()]) this.settle(id, undefined);
  }
}

/** Checks `jobs` on `threads` workers; resolves with the results by file. */
export async function checkInPool(jobs: Array<Omit<PoolJob, 'id'>>, threads: number, options: PoolOptions = {}): Promise<Map<string, PooledResult>> {
  const results = new Map<string, PooledResult>();
  const pool = CheckPool.create(Math.min(threads, jobs.length));
  if (!pool) return results;
  let done = 0;
  try {
    await Promise.all(
      jobs.map(async (job) => {
        const r = await pool.submit(job);
        if (r) results.set(job.file, r);
        options.progress?.(++done, jobs.length, job.file);
      }),
    );
  } finally {
    pool.close();
  }
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
  eligible: (file: string) => boolean = () => true,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<Map<string, { text: string; result: PooledResult }>> {
  const out = new Map<string, { text: string; result: PooledResult }>();
  if (files.length < 2) return out;
  const jobs: Array<Omit<PoolJob, 'id'>> = [];
  let bytes = 0;
  for (const file of files) {
    if (!eligible(file)) continue;
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
