/**
 * What the in-process benchmarks of a language server's edits share (bench/lsp-inprocess.ts and those built on it:
 * diag-inprocess, term-rules, client-practice-cpu, markdown-edits): the series of one-word edits, and the profilers
 * they start on request.
 *
 * The edits are lsp-latency's insertWord on the server's store: a word after a space near the start of a random line
 * of prose, the places moving on with the text, from a fixed seed (two builds get the same series).
 *
 * Two settings isolate what grows with a document's size (session 21): EDIT_PART=a:b draws the places from that part
 * of the document only (0:0.1, its first tenth: the same text as a smaller document's), and SAME_LENGTH=1 makes each
 * edit a replacement of as many characters as it inserts, so that nothing after it moves. EDIT_IN=table puts the edits in
 * the cells of table rows instead of prose lines.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PieceDocument } from '../server/src/lsp/piece-document.js';
import type { TextView } from '../server/src/engine/text/view.js';

const WORDS = ['extra ', 'ook ', 'often ', 'also '];

/** One edit: the word inserted at `pos` of the text before it. */
export interface OneWordEdit {
  pos: number;
  word: string;
}

export class EditSeries {
  private readonly spaces: number[];
  private readonly sameLength = process.env.SAME_LENGTH === '1';
  private seed = 42;
  private shift = 0;
  private count = 0;

  /** `text`: the document as it was opened (the places are found in it once). */
  constructor(text: string) {
    const spaces: number[] = [];
    // EDIT_IN=table: in the cells of table rows (a word after a space in a row's cell text) instead of prose lines.
    const rows = process.env.EDIT_IN === 'table';
    for (const m of text.matchAll(rows ? /\n\|[^\n]*[a-z]{4,} [^\n]*\|/g : /\n[A-Za-z][^\n|]{60,}/g)) {
      const s = / [a-z]{4,} /.exec(m[0]);
      if (s) spaces.push(m.index + s.index + 1);
    }
    const [a, b] = (process.env.EDIT_PART ?? '0:1').split(':').map(Number);
    const from = Math.floor((a ?? 0) * spaces.length);
    this.spaces = spaces.slice(from, Math.max(from + 1, Math.floor((b ?? 1) * spaces.length)));
  }

  private random(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2 ** 31;
    return this.seed / 2 ** 31;
  }

  /** Makes the next edit in `store`, whose text is `doc` now (its version: one more per edit, from 2). */
  next(store: PieceDocument, doc: TextView): OneWordEdit {
    const word = WORDS[this.count % WORDS.length]!;
    const at = Math.min(this.spaces[Math.floor(this.random() * this.spaces.length)]! + Math.floor(this.shift / 2), doc.length);
    const sp = doc.indexOf(' ', at);
    const pos = sp >= 0 ? sp + 1 : at;
    const where = store.positionAt(pos);
    const end = this.sameLength ? store.positionAt(Math.min(pos + word.length, doc.length)) : where;
    store.update([{ range: { start: where, end }, text: word }], this.count + 2);
    if (!this.sameLength) this.shift += word.length;
    this.count++;
    return { pos, word };
  }
}

/** The engine's edit option for `e`, made from `base` (the text before it) into `doc`. */
export function editOf(base: TextView, doc: TextView, e: OneWordEdit): { base: TextView; prefix: number; suffix: number } {
  return { base, prefix: e.pos, suffix: doc.length - e.pos - e.word.length };
}

/**
 * Starts the profilers the environment asks for: PROF=file a CPU profile (`interval` µs), HEAP_PROF=file a sampling heap
 * profile (`heapInterval` bytes; with HEAP_PROF_OLD=1 only what survives a scavenge). The function returned stops them
 * and writes the files.
 */
export async function startProfiles(interval: number, heapInterval: number): Promise<() => Promise<void>> {
  const prof = process.env.PROF;
  const heapProf = process.env.HEAP_PROF;
  const session = new Session();
  if (prof || heapProf) session.connect();
  if (prof) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval });
    await session.post('Profiler.start');
  }
  if (heapProf) {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: heapInterval, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: process.env.HEAP_PROF_OLD !== '1' });
  }
  return async () => {
    if (prof) writeFileSync(prof, JSON.stringify((await session.post('Profiler.stop')).profile));
    if (heapProf) writeFileSync(heapProf, JSON.stringify((await session.post('HeapProfiler.stopSampling')).profile));
  };
}

/**
 * A meter of the CPU time (process.cpuUsage, µs: a busy machine's other processes do not count) spent in chosen methods:
 * `time(o, key)` wraps o[key], nested timed calls counted once; `take()` returns the time since the last take.
 */
export function cpuMeter(): { time(o: object, key: string): void; take(): number } {
  let depth = 0;
  let spent = 0;
  return {
    time(o, key) {
      const target = o as Record<string, (...a: unknown[]) => unknown>;
      const f = target[key]!;
      target[key] = function (this: unknown, ...a: unknown[]) {
        if (depth++ > 0) {
          try {
            return f.apply(this, a);
          } finally {
            depth--;
          }
        }
        const t = process.cpuUsage();
        try {
          return f.apply(this, a);
        } finally {
          const c = process.cpuUsage(t);
          spent += c.user + c.system;
          depth--;
        }
      };
    },
    take() {
      const s = spent;
      spent = 0;
      return s;
    },
  };
}

/**
 * `text` opened in the server's store and checked by `engine`, then `edits` one-word edits (EditSeries), each checked
 * in a macrotask of its own as the server does; `each` is handed each edit's check to run (and time). PROF / HEAP_PROF
 * as startProfiles.
 */
export async function lintEdits(engine: { lint(text: TextView, options: { path: string; edit?: ReturnType<typeof editOf> }): unknown }, text: string, edits: number, each: (check: () => void) => void): Promise<void> {
  const store = new PieceDocument('file:///doc.md', 'markdown', 1, text);
  let doc: TextView = store.textView();
  engine.lint(doc, { path: 'doc.md' });
  const series = new EditSeries(text);
  const stopProfiles = await startProfiles(100, 4096);
  for (let i = 0; i < edits; i++) {
    const e = series.next(store, doc);
    const base = doc;
    doc = store.textView();
    const edit = editOf(base, doc, e);
    const now = doc;
    each(() => engine.lint(now, { path: 'doc.md', edit }));
    // (One edit per macrotask: objects a WeakRef handed out during a job are kept until the job ends.)
    await new Promise((resolve) => setImmediate(resolve));
  }
  await stopProfiles();
}
