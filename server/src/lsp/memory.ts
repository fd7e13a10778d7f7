import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps the server's memory close to what it really holds. A check of a long document
 * produces much short-lived data; V8 lets the heap grow well past the live data before it
 * collects, so a session of edits on a 100,000-word report would climb to several hundred MB.
 * After a check, when the used heap (live data plus garbage) has grown past a threshold, the server collects once, right
 * after publishing (so the latency a writer sees does not include it).
 */
let collect: ((options?: { type: 'major' | 'minor'; execution: 'async' | 'sync' }) => unknown) | null | undefined;

function collector(): typeof collect {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as NonNullable<typeof collect>;
    } catch {
      collect = null;
    }
  }
  return collect;
}

// The heap may grow to 1.5 × what was live after the last collection (at least FLOOR_MB, 64 MB;
// BRUG_GC_MB moves the floor, BRUG_GC_GROWTH the factor, for experiments) before the server collects
// again. A fixed 150 MB kept a session of edits at 250–270 MB RSS whatever the document; following
// the live data keeps the garbage in proportion to it. Each collection is incremental and runs after
// publishing. (A factor of 1.2 at 100,000 words: ~20 MB less RSS after 1,000 edits, but ~15 % more
// server CPU per edit under load; not adopted, see bench/RESULTS.md "Session 6, mem8".)
const FLOOR_BYTES = (Number(process.env.BRUG_GC_MB) || 64) * 1024 * 1024;
const GROWTH = Number(process.env.BRUG_GC_GROWTH) || 1.5;
let threshold = FLOOR_BYTES;
let pending = false;

/** Schedules a collection after the current message when the heap is over the threshold. */
export function collectIfLarge(): void {
  if (pending || process.memoryUsage().heapUsed < threshold) return;
  const gc = collector();
  if (!gc) return;
  pending = true;
  setImmediate(() => {
    // Asynchronous: V8 marks incrementally, so a keystroke that arrives meanwhile is not held up.
    void Promise.resolve(gc({ type: 'major', execution: 'async' })).finally(() => {
      pending = false;
      threshold = Math.max(FLOOR_BYTES, process.memoryUsage().heapUsed * GROWTH);
    });
  });
}

/**
 * For bench/lsp-memory.ts only: with BRUG_MEMORY_PROBE set to a directory, SIGUSR2 makes the
 * server collect fully and write its memory (process.memoryUsage() and V8's heap spaces) to
 * `<dir>/memory-<n>.json`, and with BRUG_MEMORY_SNAPSHOT=1 a heap snapshot next to it. Nothing
 * else sets these variables; without them the server installs no handler.
 */
const PROBE = process.env.BRUG_MEMORY_PROBE;
if (PROBE) {
  let n = 0;
  process.on('SIGUSR2', () => {
    const gc = collector();
    gc?.();
    gc?.();
    const id = ++n;
    const snapshot = process.env.BRUG_MEMORY_SNAPSHOT === '1' ? writeHeapSnapshot(join(PROBE, `heap-${id}.heapsnapshot`)) : undefined;
    const report = { memory: process.memoryUsage(), heap: getHeapStatistics(), spaces: getHeapSpaceStatistics(), snapshot };
    // Written under another name first, so the reader never sees half a file.
    const file = join(PROBE, `memory-${id}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(report));
    renameSync(`${file}.tmp`, file);
  });
}
