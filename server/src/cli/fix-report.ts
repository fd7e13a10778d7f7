/**
 * What `brug check --fix` says it changed: per file the number of changes and each one
 * (line, before → after), and for `--fix --dry-run` a unified diff.
 */
import type { Language } from '../engine/types.js';

export interface LineChange {
  /** 1-based line in the file before the change. */
  line: number;
  before: string;
  after: string;
}

/** Splits a text into lines that keep their line ends (\n, \r\n or \r). */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

type Op = { kind: ' ' | '-' | '+'; a: number; b: number };

/**
 * A shortest edit script between two sequences (Myers' O(ND) algorithm): fixes change little,
 * so D is small and this stays fast on long files.
 */
export function diffSequences<T>(a: T[], b: T[], maxD = 4000): Op[] {
  // Common head and tail first: most of a fixed file is unchanged.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const n = A.length;
  const m = B.length;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', a: i, b: i });
  const middle: Op[] = [];
  const max = n + m;
  const v = new Map<number, number>();
  v.set(1, 0);
  const trace: Array<Map<number, number>> = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= Math.min(max, maxD) && !found; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1)) ? v.get(k + 1) ?? 0 : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) {
    // Too different to align cheaply: all of the old, then all of the new.
    for (let i = 0; i < n; i++) middle.push({ kind: '-', a: head + i, b: head });
    for (let j = 0; j < m; j++) middle.push({ kind: '+', a: head + n, b: head + j });
  } else if (n + m > 0) {
    trace.push(new Map(v));
    let x = n;
    let y = m;
    for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
      const vd = trace[d]!;
      const k = x - y;
      const down = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1));
      const prevK = down ? k + 1 : k - 1;
      const prevX = vd.get(prevK) ?? 0;
      const prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        x--;
        y--;
        middle.push({ kind: ' ', a: head + x, b: head + y });
      }
      if (d === 0) break;
      if (down) {
        y--;
        middle.push({ kind: '+', a: head + x, b: head + y });
      } else {
        x--;
        middle.push({ kind: '-', a: head + x, b: head + y });
      }
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      middle.push({ kind: ' ', a: head + x, b: head + y });
    }
    middle.reverse();
  }
  ops.push(...middle);
  for (let i = 0; i < tail; i++) ops.push({ kind: ' ', a: a.length - tail + i, b: b.length - tail + i });
  return ops;
}

/** Words, spaces and single marks: the units a change is shown in. */
function tokens(line: string): string[] {
  return line.match(/[\p{L}\p{M}\p{N}'’-]+|\s+|./gsu) ?? [];
}

/** The changed stretches between two versions of one line, widened to whole words. */
function lineChanges(lineNo: number, before: string, after: string): LineChange[] {
  const a = tokens(before.replace(/\r?\n$|\r$/, ''));
  const b = tokens(after.replace(/\r?\n$|\r$/, ''));
  if (a.length + b.length > 4000) return [{ line: lineNo, before: before.trim(), after: after.trim() }];
  const ops = diffSequences(a, b, 200);
  const out: LineChange[] = [];
  let cur: { before: string; after: string } | undefined;
  for (const op of ops) {
    if (op.kind === ' ') {
      if (cur) out.push({ line: lineNo, ...cur });
      cur = undefined;
      continue;
    }
    cur ??= { before: '', after: '' };
    if (op.kind === '-') cur.before += a[op.a];
    else cur.after += b[op.b];
  }
  if (cur) out.push({ line: lineNo, ...cur });
  return out;
}

/** Each change between two versions of a file, by line (the line in the old version). */
export function changesBetween(before: string, after: string): LineChange[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffSequences(a, b);
  const out: LineChange[] = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    const removed: number[] = [];
    const added: number[] = [];
    while (i < ops.length && ops[i]!.kind !== ' ') {
      const op = ops[i++]!;
      if (op.kind === '-') removed.push(op.a);
      else added.push(op.b);
    }
    if (removed.length === added.length) {
      for (let k = 0; k < removed.length; k++) out.push(...lineChanges(removed[k]! + 1, a[removed[k]!]!, b[added[k]!]!));
    } else {
      const line = (removed[0] ?? (added[0] !== undefined ? ops.find((o) => o.b === added[0])?.a ?? 0 : 0)) + 1;
      out.push({ line, before: removed.map((r) => a[r]!).join('').trim(), after: added.map((r) => b[r]!).join('').trim() });
    }
  }
  return out;
}

function quoted(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return `"${one.length > 80 ? `${one.slice(0, 79)}…` : one}"`;
}

/** The lines `--fix` prints for one file. */
export function fixReportLines(path: string, changes: LineChange[], ui: Language, dryRun = false): string[] {
  const n = changes.length;
  const head =
    ui === 'nl'
      ? `${path}: ${n} ${n === 1 ? 'verbetering' : 'verbeteringen'} ${dryRun ? 'voorgesteld (niets geschreven)' : 'toegepast'}`
      : `${path}: ${n} ${n === 1 ? 'fix' : 'fixes'} ${dryRun ? 'proposed (nothing written)' : 'applied'}`;
  return [head, ...changes.map((c) => `  ${ui === 'nl' ? 'regel' : 'line'} ${c.line}: ${quoted(c.before)} → ${quoted(c.after)}`)];
}

/** The closing line of `--fix`: totals, and how many suggestions wait in the editor. */
export function fixSummaryLine(files: number, fixes: number, suggestions: number, ui: Language, dryRun = false): string {
  if (ui === 'nl') {
    const done = dryRun ? 'voorgesteld, niets geschreven' : 'toegepast';
    return `brug --fix: ${fixes} ${fixes === 1 ? 'verbetering' : 'verbeteringen'} in ${files} ${files === 1 ? 'bestand' : 'bestanden'} ${done}; ${suggestions} ${suggestions === 1 ? 'suggestie' : 'suggesties'} om zelf te kiezen in de editor.`;
  }
  const done = dryRun ? 'proposed, nothing written' : 'applied';
  return `brug --fix: ${fixes} ${fixes === 1 ? 'fix' : 'fixes'} in ${files} ${files === 1 ? 'file' : 'files'} ${done}; ${suggestions} ${suggestions === 1 ? 'suggestion' : 'suggestions'} left to choose in the editor.`;
}

/** A unified diff of one file (`--fix --dry-run`), with three lines of context. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffSequences(a, b);
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const show = (s: string, last: boolean) => {
    const body = s.replace(/\r?\n$|\r$/, '');
    return last && body === s ? [body, '\\ No newline at end of file'] : [body];
  };
  let i = 0;
  while (i < ops.length) {
    // The next change, with its context.
    while (i < ops.length && ops[i]!.kind === ' ') i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - context);
    let end = i;
    // Extend over changes closer than twice the context.
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]!.kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aStart = hunk.find((o) => o.kind !== '+')?.a ?? hunk[0]!.a;
    const bStart = hunk.find((o) => o.kind !== '-')?.b ?? hunk[0]!.b;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLen === 0 ? aStart : aStart + 1},${aLen} +${bLen === 0 ? bStart : bStart + 1},${bLen} @@`);
    for (const o of hunk) {
      const line = o.kind === '+' ? b[o.b]! : a[o.a]!;
      const last = o.kind === '+' ? o.b === b.length - 1 : o.a === a.length - 1;
      const [body, ...rest] = show(line, last);
      out.push(`${o.kind}${body}`, ...rest);
    }
    i = stop;
    start = stop;
  }
  return out.join('\n');
}
