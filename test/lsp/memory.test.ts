/**
 * The server's memory settings (server/src/lsp/memory.ts, mem10): loading the module holds V8's young
 * generation at the size it has then (the semi-space growth factor, read at every growth), whatever
 * command line the editor starts the server with; the collection after a check (for which V8 optimises
 * for size) frees the garbage and leaves the server working. Each case runs in a child process of its own,
 * because V8 flags are per process.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs `body` (an ES module's text) with tsx in a child process (node `flags` first) and returns what it printed as JSON. */
function run(body: string, env: Record<string, string> = {}, flags: string[] = []): Record<string, number> {
  const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', body], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

// Allocates much short-lived data of which a third survives a while (as a check of a long document does),
// which makes V8 grow its young generation when it may.
const CHURN = `
  const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
  const before = newSpace();
  let keep = [];
  for (let i = 0; i < 3e6; i++) { const o = { a: i, b: 'x' + i }; if (i % 3 === 0) keep.push(o); if (keep.length > 200000) keep = []; }
`;

describe('lsp/memory: V8 settings of the server', function () {
  this.timeout(120000);

  it('holds the young generation at its size when the server starts', () => {
    const out = run(`import v8 from 'node:v8'; await import('./server/src/lsp/memory.ts');${CHURN} console.log(JSON.stringify({ before, after: newSpace() }));`);
    assert.ok(out.after! <= out.before!, `new space grew from ${out.before} to ${out.after} bytes`);
  });

  it('lets it grow again with BRUG_SEMI_SPACE_GROWTH=2 (so the test above can fail)', () => {
    const out = run(`import v8 from 'node:v8'; await import('./server/src/lsp/memory.ts');${CHURN} console.log(JSON.stringify({ before, after: newSpace() }));`, { BRUG_SEMI_SPACE_GROWTH: '2' });
    assert.ok(out.after! > out.before!, `new space stayed at ${out.after} bytes`);
  });

  it('collects the garbage after a check and keeps working', () => {
    const out = run(
      `import v8 from 'node:v8';
       const { collectIfLarge } = await import('./server/src/lsp/memory.ts');
       let garbage = Array.from({ length: 300000 }, (_, i) => ({ i, s: 'word ' + i }));
       garbage = null;
       const before = process.memoryUsage().heapUsed;
       collectIfLarge();
       await new Promise((resolve) => setTimeout(resolve, 500));
       const after = process.memoryUsage().heapUsed;
       // Still a working process: allocate and compute after the collection.
       const sum = Array.from({ length: 1000 }, (_, i) => i).reduce((a, b) => a + b, 0);
       console.log(JSON.stringify({ before, after, sum }));`,
      { BRUG_GC_MB: '1' },
    );
    assert.ok(out.after! < out.before!, `used heap ${out.before} → ${out.after} bytes`);
    assert.equal(out.sum, 499500);
  });

  // gc15: below the ceiling (BRUG_GC_GROWTH × live, far away here) the collection waits until no check has
  // been scheduled for BRUG_GC_IDLE_MS after a check.
  const IDLE = `
    const memory = await import('./server/src/lsp/memory.ts');
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    // The first collection: the used heap is past the floor (1 MB), so it runs right after this turn.
    memory.collectIfLarge();
    // Waits for it to end (under load an asynchronous collection may take longer than a fixed wait: the garbage below
    // would then be collected with it, and the cases would find nothing left to collect).
    for (let t = 0; t < 250 && memory.collections().all < 1; t++) await wait(20);
    const first = memory.collections();
    let garbage = Array.from({ length: 300000 }, (_, i) => ({ i, s: 'word ' + i }));
    garbage = null;
  `;
  const env = { BRUG_GC_MB: '1', BRUG_GC_GROWTH: '100', BRUG_GC_IDLE_MS: '50' };

  it('collects below the ceiling once no check has been scheduled for a while', () => {
    const out = run(
      `${IDLE}
       memory.collectIfLarge();
       await wait(500);
       const after = memory.collections();
       console.log(JSON.stringify({ first: first.all, firstIdle: first.idle, all: after.all, idle: after.idle }));`,
      env,
    );
    assert.deepEqual(out, { first: 1, firstIdle: 0, all: 2, idle: 1 });
  });

  it('puts that collection off while checks keep being scheduled, and makes it after the next check', () => {
    const out = run(
      `${IDLE}
       memory.collectIfLarge();
       memory.noteActivity();
       await wait(500);
       const deferred = memory.collections();
       memory.collectIfLarge();
       await wait(500);
       const after = memory.collections();
       console.log(JSON.stringify({ deferred: deferred.all, all: after.all, idle: after.idle }));`,
      env,
    );
    assert.deepEqual(out, { deferred: 1, all: 2, idle: 1 });
  });

  // mem16: the server calls collectIfLarge once the check's status has been written; a check scheduled between the
  // end of the check and then will call it again at its own end, so no idle wait starts.
  it('starts no idle wait for a check whose status was written after another check was scheduled', () => {
    const out = run(
      `${IDLE}
       const { performance } = await import('node:perf_hooks');
       const ended = performance.now();
       await wait(5);
       memory.noteActivity();
       memory.collectIfLarge(ended);
       await wait(500);
       const deferred = memory.collections();
       memory.collectIfLarge(performance.now());
       await wait(500);
       const after = memory.collections();
       console.log(JSON.stringify({ deferred: deferred.all, all: after.all, idle: after.idle }));`,
      env,
    );
    assert.deepEqual(out, { deferred: 1, all: 2, idle: 1 });
  });
});

// session 35: while a check of an edit runs, the young generation may grow to two 4 MB semi-spaces (8 MB of new space),
// looked at between the check's slices (here: between steps of churn), and no further; outside such a check it is held.
describe('lsp/memory: the young generation for edits', function () {
  this.timeout(60000);

  it('grows to 8 MB while allowed, and no further, and stays held otherwise', () => {
    const out = run(`import v8 from 'node:v8';
      const { youngGrowth } = await import('./server/src/lsp/memory.ts');
      const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
      const step = () => { let keep = []; for (let i = 0; i < 5e4; i++) { const o = { a: i, b: 'x' + i }; if (i % 3 === 0) keep.push(o); if (keep.length > 20000) keep = []; } };
      const start = newSpace();
      for (let k = 0; k < 20; k++) step();
      const held = newSpace();
      for (let k = 0; k < 60; k++) { youngGrowth(true); step(); }
      youngGrowth(true);
      const grown = newSpace();
      youngGrowth(false);
      for (let k = 0; k < 60; k++) step();
      console.log(JSON.stringify({ start, held, grown, after: newSpace() }));`);
    assert.equal(out.held, out.start, 'held while not allowed');
    assert.ok(out.start! < 8, `new space ${out.start} MB at start`);
    assert.equal(out.grown, 8, 'grown to 8 MB');
    assert.equal(out.after, 8, 'no further once not allowed');
  });
});

// session 35: the thresholds follow the old generation, where a full collection frees the garbage. What the young
// generation holds goes without one: 6 MB of young garbage (a string in its large-object space) past the floor makes
// no collection; 6 MB of garbage promoted to the old generation does.
describe('lsp/memory: the thresholds follow the old generation', function () {
  this.timeout(60000);

  it('collects for garbage in the old generation, not for what the young generation holds', () => {
    const out = run(
      `const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
       const MB = 1048576;
       // A fresh instance of the module, its floor 2 MB above the old generation now (read when it loads).
       const first = await import('./server/src/lsp/memory.ts');
       process.env.BRUG_GC_MB = String(Math.ceil(first.oldUsed() / MB) + 2);
       const memory = await import('./server/src/lsp/memory.ts?floor');
       const floor = Number(process.env.BRUG_GC_MB) * MB;
       let young = 'x'.repeat(6e6);
       // (Read once: made flat, one string of 6 MB.)
       young.charCodeAt(1);
       const heap = memory.heapUsed();
       const old = memory.oldUsed();
       memory.collectIfLarge();
       await wait(300);
       const afterYoung = memory.collections().all;
       young = null;
       // Kept through two scavenges (promoted), then let go.
       let kept = Array.from({ length: 100000 }, (_, i) => ({ i, s: 'word ' + i }));
       gc({ type: 'minor' });
       gc({ type: 'minor' });
       kept = null;
       const promoted = memory.oldUsed();
       memory.collectIfLarge();
       for (let t = 0; t < 100 && memory.collections().all < 1; t++) await wait(20);
       console.log(JSON.stringify({ heapPast: +(heap >= floor), oldBelow: +(old < floor), afterYoung, oldPast: +(promoted >= floor), afterOld: memory.collections().all }));`,
      { BRUG_GC_IDLE_MS: '100000000' },
      ['--expose-gc'],
    );
    assert.deepEqual(out, { heapPast: 1, oldBelow: 1, afterYoung: 0, oldPast: 1, afterOld: 1 });
  });
});

describe('lsp/memory: the used heap', function () {
  this.timeout(60000);

  it('heapUsed() is the figure process.memoryUsage() gives (without reading the resident set size)', () => {
    const out = run(
      `const { heapUsed } = await import('./server/src/lsp/memory.ts');
       const a = heapUsed();
       const b = process.memoryUsage().heapUsed;
       const c = heapUsed();
       console.log(JSON.stringify({ a, b, c }));`,
    );
    // Read one after the other: apart from what those calls allocate, the same.
    assert.ok(out.b! >= out.a! - 65536 && out.b! <= out.c! + 65536 && out.a! > 1048576, JSON.stringify(out));
  });
});
