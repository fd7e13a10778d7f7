import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { constants, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

/**
 * Keeps the server's memory close to what it really holds. A check of a long document
 * produces much short-lived data; V8 lets the heap grow well past the live data before it
 * collects, so a session of edits on a 100,000-word report would climb to several hundred MB.
 * After a check, when the used old generation (live data plus garbage) has grown past a threshold, the server collects
 * once, when the check's diagnostics and status have been written (so the latency a writer sees does not include it).
 */

/**
 * V8's young generation grows by doubling up to two 16 MB semi-spaces (32 MB of RSS, empty after
 * every scavenge) when much of what it allocates survives, as a check of a long document does.
 * Heap sizes given on the command line (`--max-semi-space-size`) take effect only when the process
 * starts, which an editor's launch command decides; the growth factor is read at every growth, so
 * setting it here holds the young generation at the size it has when the server starts for every editor
 * and launcher (a few MB: new space 4 MB after 1,000 edits at 100,000 words, ~2 scavenges per edit; session 11,
 * alloc21), except while a check of an edit runs: then it may grow to two 4 MB semi-spaces (youngGrowth, session 35).
 * Measured (bench/RESULTS.md, session 7, mem10): with the collection below ~30 MB less RSS after the edits at
 * 100,000 words, server CPU per edit unchanged. Started with `--min-semi-space-size=8` the server scavenged 5 × less
 * and used ~13 % less CPU per edit, for 10–16 MB more RSS (alloc21): not the default while RSS is the tighter target.
 * BRUG_SEMI_SPACE_GROWTH=2 restores V8's default, for comparisons.
 */
const SEMI_SPACE_GROWTH = Number(process.env.BRUG_SEMI_SPACE_GROWTH) || 1;
try {
  setFlagsFromString(`--semi-space-growth-factor=${SEMI_SPACE_GROWTH}`);
} catch {
  // A runtime that refuses the flag keeps V8's default: only memory differs.
}
// For experiments only (bench/lsp-memory.ts --env, bench/lsp-latency.ts): V8 flags set when the server starts.
if (process.env.BRUG_V8_FLAGS) setFlagsFromString(process.env.BRUG_V8_FLAGS);

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

// The old generation (oldUsed) may grow to 1.2 × what was live there after the last collection (at least FLOOR_MB, 64 MB;
// BRUG_GC_MB moves the floor, BRUG_GC_GROWTH the factor, for experiments) before the server collects
// again. A fixed 150 MB kept a session of edits at 250–270 MB RSS whatever the document; following
// the live data keeps the garbage in proportion to it. Each collection runs once the
// diagnostics and status are written. The factor was 1.5 until session 19: 1.2 then cost ~15 % more server CPU per edit
// (session 6, mem8), because each edit left a 1.2 MB copy of the text to collect. Since the engine reads the store's
// pieces (no such copy), the old space holds its garbage instead of large-object pages given back at each collection:
// at 100,000 words 1.5 left RSS at 154–158 MB after 1,000 edits, 1.2 at 141–145 MB (peaks ≤ 146), for +0.3 ms server
// CPU per edit (three pairs, bench/RESULTS.md "Session 19").
const FLOOR_BYTES = (Number(process.env.BRUG_GC_MB) || 64) * 1024 * 1024;
const GROWTH = Number(process.env.BRUG_GC_GROWTH) || 1.2;
const REDUCE = process.env.BRUG_GC_REDUCE !== '0';
let threshold = FLOOR_BYTES;

function setFlag(flag: string): boolean {
  try {
    setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}

let pending = false;
// For loopWatch(): how many collections the server made and the longest (wall time from asking to done).
let forced = 0;
let longestForced = 0;

/**
 * A full collection holds the message loop for its whole pause (~80 ms at 100,000 words on a quiet
 * machine, 100–160 ms under load): a change that arrives meanwhile waits for it. Editors pause between
 * bursts of typing, so the server collects early, when idle: once the old generation has grown past IDLE_GROWTH ×
 * the live heap (1.1; BRUG_GC_IDLE_GROWTH) and no check has been scheduled for IDLE_MS (300 ms;
 * BRUG_GC_IDLE_MS) after a check. A change or any other scheduled check before then puts the collection
 * off to the end of the next check. Past the ceiling (GROWTH × live) it collects right after the check as
 * before, so edits sent back to back (bench/lsp-latency.ts) never let the heap grow further than they did.
 */
const IDLE_GROWTH = Number(process.env.BRUG_GC_IDLE_GROWTH) || 1.1;
const IDLE_MS = Number(process.env.BRUG_GC_IDLE_MS) || 300;
let idleThreshold = FLOOR_BYTES;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** When a check was last scheduled (performance.now()). */
let lastActivity = -Infinity;
// For tests: collections made when idle.
let idleCollections = 0;

/** A check was scheduled (a change, an open, new settings): a collection waiting for idle waits longer. */
export function noteActivity(): void {
  lastActivity = performance.now();
  if (idleTimer === undefined) return;
  clearTimeout(idleTimer);
  idleTimer = undefined;
}

/**
 * The used heap in bytes: process.memoryUsage().heapUsed (the same V8 figure) without the resident set size that
 * memoryUsage() also reads (a read of /proc/self/stat, ~15 µs against ~0.4 µs; once per check).
 */
export function heapUsed(): number {
  return getHeapStatistics().used_heap_size;
}

/**
 * The used old generation in bytes: every V8 space but the young generation's (new space, new large objects). The
 * collection thresholds follow it: a full collection frees the garbage there, while what the young generation holds at
 * the moment of a reading (up to a semi-space, wherever the last scavenge left it) comes and goes without one. Counted
 * in, it brought each collection forward by what it held: 60 collections in 1,000 edits of the Dutch dev reports as one
 * document, 56 without (bench/RESULTS.md, session 35), and a larger young generation would have filled the headroom.
 */
export function oldUsed(): number {
  let used = 0;
  for (const s of getHeapSpaceStatistics()) if (s.space_name !== 'new_space' && s.space_name !== 'new_large_object_space') used += s.space_used_size;
  return used;
}

/**
 * The young generation during a document's checks after its first (edits): V8 may grow the semi-spaces (growth factor
 * 2, read at every growth) until the new space is YOUNG_BYTES (two semi-spaces of 4 MB; BRUG_YOUNG_MB), and no further:
 * the growth is allowed only in the slices of a check of an edit (lsp/documents.ts drive), each of which starts by
 * looking at the size: a document's first check (which would grow it to V8's 16 MB at once) and the slices of other
 * checks in between do not grow it, and a long check of an edit stops growing it at the slice where it reached its
 * size. A check of 100,000 words allocates ~1.7 MB, much of it living one or a few edits (the last check's results): in
 * 2 MB semi-spaces it was scavenged ~1.8 times per edit and much of it promoted, in 4 MB ones ~0.8 times. Measured
 * (bench/RESULTS.md, session 35; the Dutch dev reports as one document): full collections per 1,000 edits 60 → 47, p95
 * 55 → 31 ms (300 edits: 48–57 → 32–39), server CPU per edit −1 ms; the RSS it costs (+1.6 MB over the last 100 edits)
 * is paid back mostly by tighter bounds on what edits leave (engine/incremental.ts PieceScan's recent paragraphs,
 * engine.ts evict).
 */
const YOUNG_BYTES = 2 * (Number(process.env.BRUG_YOUNG_MB) || 4) * 1024 * 1024;
let growing = false;

/** Lets the young generation grow (to YOUNG_BYTES) or not: `allow` for a slice of a check of an edit. */
export function youngGrowth(allow: boolean): void {
  let want = false;
  if (allow) for (const s of getHeapSpaceStatistics()) if (s.space_name === 'new_space') want = s.space_size < YOUNG_BYTES;
  if (want === growing) return;
  if (setFlag(`--semi-space-growth-factor=${want ? 2 : SEMI_SPACE_GROWTH}`)) growing = want;
}

/**
 * After a check: collects right after the current message when the used old generation is past the ceiling, or
 * when the server has been idle for IDLE_MS when it is past the lower idle threshold. `checkEnded` (performance.now()
 * when the check ended; the server calls this once the check's status is written): a check scheduled since then will
 * call this again when it ends, so no idle wait starts now.
 */
export function collectIfLarge(checkEnded = Infinity): void {
  if (pending) return;
  const used = oldUsed();
  if (v8Collected) {
    // V8 collected fully on its own since the last check: what is used now is about what is live.
    v8Collected = false;
    threshold = Math.max(FLOOR_BYTES, used * GROWTH);
    idleThreshold = Math.max(FLOOR_BYTES, used * IDLE_GROWTH);
  }
  if (used >= threshold) {
    noteActivity();
    collectSoon(false);
  } else if (used >= idleThreshold && idleTimer === undefined && lastActivity <= checkEnded && collector()) {
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      collectSoon(true);
    }, IDLE_MS);
    // An idle server that is asked to stop need not wait for this.
    idleTimer.unref?.();
  }
}

/**
 * Experiment (BRUG_GC_FOLLOW=1): V8's own full collections (incremental, concurrent marking: short pauses) move the
 * thresholds as the server's do, so with a higher ceiling (BRUG_GC_GROWTH=1.8) and V8's own limit at 1.5 × the live
 * heap (BRUG_V8_FLAGS=--heap-growing-percent=50) the server's atomic collection hardly ever runs. Measured (session 9,
 * mem16, 100k, back to back, heavy load): main-thread time in full collections −60–80 %, but RSS after 1,000 edits
 * ~230 vs ~185 MB (V8's own collections do not compact as the server's does): not the default.
 */
let v8Collected = false;
if (process.env.BRUG_GC_FOLLOW === '1') {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR && !pending) v8Collected = true;
  }).observe({ entryTypes: ['gc'] });
}

/** For tests: the server's collections so far (all, and those made when idle). */
export function collections(): { all: number; idle: number } {
  return { all: forced, idle: idleCollections };
}

function collectSoon(idle: boolean): void {
  if (pending) return;
  const gc = collector();
  if (!gc) return;
  pending = true;
  setImmediate(() => {
    // Runs as a task of its own after the current message (V8's "async" collection is one full
    // collection in a posted task). For this collection only, V8 optimises for size: it moves
    // objects out of sparsely used old-space pages and gives those pages back, instead of keeping
    // them committed (old space after 1,000 edits at 100,000 words: ~110 MB committed for ~65 MB used).
    // Set for the whole session, the same flag costs ~40 % CPU per edit (smaller heap growth, more
    // collections); around this one collection it costs nothing measurable. BRUG_GC_REDUCE=0 turns it off.
    const reduce = REDUCE && setFlag('--optimize-for-size');
    const start = performance.now();
    void Promise.resolve(gc({ type: 'major', execution: 'async' })).finally(() => {
      forced++;
      if (idle) idleCollections++;
      longestForced = Math.max(longestForced, performance.now() - start);
      if (reduce) setFlag('--no-optimize-for-size');
      pending = false;
      const live = oldUsed();
      threshold = Math.max(FLOOR_BYTES, live * GROWTH);
      idleThreshold = Math.max(FLOOR_BYTES, live * IDLE_GROWTH);
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
    // What the editor sees first (V8's spaces as they are), then after a full collection.
    const before = { memory: process.memoryUsage(), spaces: getHeapSpaceStatistics() };
    const gc = collector();
    gc?.();
    gc?.();
    const id = ++n;
    const snapshot = process.env.BRUG_MEMORY_SNAPSHOT === '1' ? writeHeapSnapshot(join(PROBE, `heap-${id}.heapsnapshot`)) : undefined;
    const report = { before, memory: process.memoryUsage(), heap: getHeapStatistics(), spaces: getHeapSpaceStatistics(), snapshot };
    // Written under another name first, so the reader never sees half a file.
    const file = join(PROBE, `memory-${id}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(report));
    renameSync(`${file}.tmp`, file);
  });
}

/**
 * For bench/lsp-latency.ts (BRUG_LSP_TIMING=1): the longest time the message loop was blocked by anything
 * (checks, publishing, collections), and the longest garbage-collection pause, since the server started.
 */
let loopDelay: ReturnType<typeof monitorEventLoopDelay> | undefined;
let longestGc = 0;
let gcTotal = 0;
let gcLong = 0;
let majors = 0;
let majorMs = 0;
let minors = 0;
let minorMs = 0;
export function startLoopWatch(): void {
  if (loopDelay) return;
  loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longestGc = Math.max(longestGc, e.duration);
      gcTotal += e.duration;
      if (e.duration >= 10) gcLong++;
      const kind = (e as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        majors++;
        majorMs += e.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        minors++;
        minorMs += e.duration;
      }
    }
  }).observe({ entryTypes: ['gc'] });
}
/** For the timing log: the used size of V8's old and large-object spaces (MB). */
export function spaceWatch(): string {
  const spaces = getHeapSpaceStatistics();
  const used = (name: string) => (spaces.find((x) => x.space_name === name)?.space_used_size ?? 0) / 1048576;
  const young = (spaces.find((x) => x.space_name === 'new_space')?.space_size ?? 0) / 1048576;
  return `, old ${used('old_space').toFixed(1)} MB, lo ${used('large_object_space').toFixed(1)} MB, new space ${young.toFixed(0)} MB`;
}
export function loopWatch(): string {
  if (!loopDelay) return '';
  return `, loop blocked at most ${(loopDelay.max / 1e6).toFixed(1)} ms, longest gc ${longestGc.toFixed(1)} ms, gc pauses ${gcTotal.toFixed(0)} ms in all, ${gcLong} of 10 ms or more (major ${majors}, ${majorMs.toFixed(0)} ms; minor ${minors}, ${minorMs.toFixed(0)} ms), forced collections ${forced} (longest ${longestForced.toFixed(1)} ms, ${idleCollections} when idle)`;
}
