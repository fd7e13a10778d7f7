import { setFlagsFromString } from 'node:v8';
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
// BRUG_GC_MB moves the floor) before the server collects again. A fixed 150 MB kept a session
// of edits at 250–270 MB RSS whatever the document; following the live data keeps the garbage
// in proportion to it. Each collection is incremental and runs after publishing.
const FLOOR_BYTES = (Number(process.env.BRUG_GC_MB) || 64) * 1024 * 1024;
const GROWTH = 1.5;
let threshold = FLOOR_BYTES;
let pending = false;

/**
 * A full collection once the writer pauses. The collection above (V8's `gc({ type: 'major' })`)
 * leaves much of the garbage of a long document's checks: on 100,000 words after 200 edits it
 * took the used heap from 310 to 306 MB, where a full collection (`gc()`) took it to 92 MB and V8
 * then gave ~100 MB of RSS back. A full collection holds the thread for ~100–300 ms on such a
 * heap, so it runs only when no check has run for IDLE_MS (a keystroke that comes in meanwhile
 * waits that long, once), and only when the heap grew since the last one.
 */
const IDLE_MS = Number(process.env.BRUG_IDLE_GC_MS) || 1000;
const IDLE_GROWTH = 1.25;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let liveAfterFull = 0;

function scheduleIdleCollection(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    const heap = process.memoryUsage().heapUsed;
    if (heap < FLOOR_BYTES || heap < liveAfterFull * IDLE_GROWTH) return;
    const gc = collector();
    if (!gc) return;
    (gc as () => unknown)();
    liveAfterFull = process.memoryUsage().heapUsed;
    threshold = Math.max(FLOOR_BYTES, liveAfterFull * GROWTH);
  }, IDLE_MS);
  // The timer never keeps the process alive on its own.
  idleTimer.unref?.();
}

/** Schedules a collection after the current message when the heap is over the threshold, and a full one when the writer pauses. */
export function collectIfLarge(): void {
  scheduleIdleCollection();
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
