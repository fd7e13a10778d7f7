import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps the server's memory close to what it really holds. A check of a long document
 * produces much short-lived data; V8 lets the heap grow well past the live data before it
 * collects, so a session of edits on a 100,000-word report would climb to several hundred MB.
 * After a check, when the used heap (live data plus garbage) has grown past a threshold, the server collects once, right
 * after publishing (so the latency a writer sees does not include it).
 */
let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

const THRESHOLD_BYTES = 150 * 1024 * 1024;
let pending = false;

/** Schedules a collection after the current message when the heap is over the threshold. */
export function collectIfLarge(): void {
  if (pending || process.memoryUsage().heapUsed < THRESHOLD_BYTES) return;
  const gc = collector();
  if (!gc) return;
  pending = true;
  setImmediate(() => {
    pending = false;
    gc();
  });
}
