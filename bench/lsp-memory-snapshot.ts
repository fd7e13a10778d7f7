/**
 * Summarises a V8 heap snapshot (from bench/lsp-memory.ts --snapshot DIR): what the heap holds,
 * by constructor (self size) and by owner (retained size, from the dominator tree), the largest
 * strings (a whole document kept alive shows here, once per version), and sliced strings whose
 * parent is much larger than the slice (a key or value that keeps a document alive).
 *
 *   node --max-old-space-size=4096 --import tsx bench/lsp-memory-snapshot.ts FILE.heapsnapshot [--top 40] [--compare OTHER.heapsnapshot]
 *
 * With --compare, the constructors are listed by how much more the first snapshot holds than the other.
 * --weakmaps: what the values of each WeakMap hold (per-block memos keyed by a cached analysis show in no
 * owner's tree); --holders LABEL: the objects with the most references to objects of that kind, and theirs.
 */
import { readFileSync } from 'node:fs';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

class Heap {
  readonly n: number;
  readonly type: Uint8Array;
  readonly name: Uint32Array;
  readonly self: Float64Array;
  readonly firstEdge: Uint32Array;
  readonly edgeType: Uint8Array;
  readonly edgeName: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly nodeTypes: string[];
  readonly edgeTypes: string[];
  readonly strings: string[];
  retained!: Float64Array;
  idom!: Int32Array;
  /** For each node, one retainer (the first in depth-first order) and the edge from it. */
  parent!: Int32Array;
  parentEdge!: Int32Array;

  constructor(raw: Snapshot) {
    const meta = raw.snapshot.meta;
    const nf = meta.node_fields.length;
    const ef = meta.edge_fields.length;
    this.nodeTypes = meta.node_types[0];
    this.edgeTypes = meta.edge_types[0];
    this.strings = raw.strings;
    const n = (this.n = raw.nodes.length / nf);
    const iType = meta.node_fields.indexOf('type');
    const iName = meta.node_fields.indexOf('name');
    const iSelf = meta.node_fields.indexOf('self_size');
    const iEdges = meta.node_fields.indexOf('edge_count');
    this.type = new Uint8Array(n);
    this.name = new Uint32Array(n);
    this.self = new Float64Array(n);
    this.firstEdge = new Uint32Array(n + 1);
    let e = 0;
    for (let i = 0; i < n; i++) {
      this.type[i] = raw.nodes[i * nf + iType]!;
      this.name[i] = raw.nodes[i * nf + iName]!;
      this.self[i] = raw.nodes[i * nf + iSelf]!;
      this.firstEdge[i] = e;
      e += raw.nodes[i * nf + iEdges]!;
    }
    this.firstEdge[n] = e;
    const m = raw.edges.length / ef;
    const eType = meta.edge_fields.indexOf('type');
    const eName = meta.edge_fields.indexOf('name_or_index');
    const eTo = meta.edge_fields.indexOf('to_node');
    this.edgeType = new Uint8Array(m);
    this.edgeName = new Uint32Array(m);
    this.edgeTo = new Uint32Array(m);
    for (let j = 0; j < m; j++) {
      this.edgeType[j] = raw.edges[j * ef + eType]!;
      this.edgeName[j] = raw.edges[j * ef + eName]!;
      this.edgeTo[j] = raw.edges[j * ef + eTo]! / nf;
    }
    // A WeakMap's value is kept by its key: V8 records an edge from the key and one from the
    // table; the one from the table would make every value look held by the map, so it is weak here.
    const iId = meta.node_fields.indexOf('id');
    this.id = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.id[i] = raw.nodes[i * nf + iId]!;
    const weakType = this.edgeTypes.indexOf('weak');
    const internal = this.edgeTypes.indexOf('internal');
    this.weakEdge = new Uint8Array(m);
    for (let v = 0; v < n; v++) {
      for (let j = this.firstEdge[v]!; j < this.firstEdge[v + 1]!; j++) {
        if (this.edgeType[j] === weakType) this.weakEdge[j] = 1;
        else if (this.edgeType[j] === internal) {
          const name = this.strings[this.edgeName[j]!]!;
          if (name.includes('part of key')) {
            const table = /\(table @(\d+)\)$/.exec(name);
            if (table && Number(table[1]) === raw.nodes[v * nf + iId]) this.weakEdge[j] = 1;
          }
        }
      }
    }
  }

  readonly weakEdge: Uint8Array;
  readonly id: Uint32Array;
  predStart!: Uint32Array;
  preds!: Uint32Array;

  typeOf(i: number): string {
    return this.nodeTypes[this.type[i]!]!;
  }

  nameOf(i: number): string {
    return this.strings[this.name[i]!]!;
  }

  /** A short label: the constructor for objects, the kind for strings and arrays. */
  label(i: number): string {
    const t = this.typeOf(i);
    if (t === 'object' || t === 'closure' || t === 'native') return `${t === 'object' ? '' : `${t} `}${this.nameOf(i)}`;
    if (t === 'hidden' || t === 'code' || t === 'synthetic') return `(${t}) ${this.nameOf(i).slice(0, 40)}`;
    return `(${t})`;
  }

  edgeLabel(j: number): string {
    const t = this.edgeTypes[this.edgeType[j]!]!;
    const v = this.edgeName[j]!;
    return t === 'element' || t === 'hidden' ? `[${v}]` : String(this.strings[v]);
  }

  private weak(j: number): boolean {
    return this.weakEdge[j] === 1;
  }

  /** Dominators (Cooper, Harvey & Kennedy) over the strong edges, and retained sizes. */
  dominators(): void {
    const n = this.n;
    // Depth-first post-order from the root (node 0), iteratively.
    const post = new Int32Array(n).fill(-1);
    const order = new Int32Array(n);
    const parent = (this.parent = new Int32Array(n).fill(-1));
    const parentEdge = (this.parentEdge = new Int32Array(n).fill(-1));
    const stack = new Int32Array(n);
    const cursor = new Uint32Array(n);
    const seen = new Uint8Array(n);
    let sp = 0;
    let count = 0;
    stack[sp++] = 0;
    seen[0] = 1;
    cursor[0] = this.firstEdge[0]!;
    while (sp) {
      const v = stack[sp - 1]!;
      const j = cursor[v]!;
      if (j < this.firstEdge[v + 1]!) {
        cursor[v] = j + 1;
        if (this.weak(j)) continue;
        const w = this.edgeTo[j]!;
        if (!seen[w]) {
          seen[w] = 1;
          parent[w] = v;
          parentEdge[w] = j;
          cursor[w] = this.firstEdge[w]!;
          stack[sp++] = w;
        }
      } else {
        sp--;
        post[v] = count;
        order[count++] = v;
      }
    }
    // Predecessors (strong edges between reachable nodes).
    const predCount = new Uint32Array(n + 1);
    for (let v = 0; v < n; v++) {
      if (post[v]! < 0) continue;
      for (let j = this.firstEdge[v]!; j < this.firstEdge[v + 1]!; j++) if (!this.weak(j) && post[this.edgeTo[j]!]! >= 0) predCount[this.edgeTo[j]! + 1]!++;
    }
    for (let v = 0; v < n; v++) predCount[v + 1]! += predCount[v]!;
    const preds = new Uint32Array(predCount[n]!);
    const fill = predCount.slice(0, n);
    for (let v = 0; v < n; v++) {
      if (post[v]! < 0) continue;
      for (let j = this.firstEdge[v]!; j < this.firstEdge[v + 1]!; j++) if (!this.weak(j) && post[this.edgeTo[j]!]! >= 0) preds[fill[this.edgeTo[j]!]!++] = v;
    }
    this.predStart = predCount;
    this.preds = preds;
    const idom = (this.idom = new Int32Array(n).fill(-1));
    idom[0] = 0;
    const intersect = (a: number, b: number) => {
      while (a !== b) {
        while (post[a]! < post[b]!) a = idom[a]!;
        while (post[b]! < post[a]!) b = idom[b]!;
      }
      return a;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (let k = count - 1; k >= 0; k--) {
        const v = order[k]!;
        if (v === 0) continue;
        let d = -1;
        for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
          const u = preds[p]!;
          if (idom[u]! < 0) continue;
          d = d < 0 ? u : intersect(u, d);
        }
        if (d !== idom[v]) {
          idom[v] = d;
          changed = true;
        }
      }
    }
    const retained = (this.retained = new Float64Array(n));
    for (let k = 0; k < count; k++) {
      const v = order[k]!;
      retained[v]! += this.self[v]!;
      if (v !== 0) retained[idom[v]!]! += retained[v]!;
    }
  }

  /** Bytes reachable from the root over strong edges, without the edges `cut` says yes to. */
  reachable(cut: (from: number, edge: number) => boolean, seen = new Uint8Array(this.n)): number {
    const stack: number[] = [0];
    seen[0] = 1;
    let size = 0;
    while (stack.length) {
      const v = stack.pop()!;
      size += this.self[v]!;
      for (let j = this.firstEdge[v]!; j < this.firstEdge[v + 1]!; j++) {
        if (this.weak(j)) continue;
        const w = this.edgeTo[j]!;
        if (seen[w] || cut(v, j)) continue;
        seen[w] = 1;
        stack.push(w);
      }
    }
    return size;
  }

  /** How a node is reached from the root: one retaining path, as edge names. */
  path(i: number, max = 14): string {
    const parts: string[] = [];
    let v = i;
    while (v > 0 && parts.length < max) {
      const p = this.parent[v]!;
      if (p < 0) break;
      parts.push(`${this.label(p)}.${this.edgeLabel(this.parentEdge[v]!)}`);
      v = p;
    }
    return parts.reverse().join(' → ');
  }
}

function byConstructor(h: Heap): Map<string, { count: number; self: number }> {
  const out = new Map<string, { count: number; self: number }>();
  for (let i = 0; i < h.n; i++) {
    if (h.idom && h.idom[i]! < 0) continue;
    const k = h.label(i);
    const e = out.get(k) ?? { count: 0, self: 0 };
    e.count++;
    e.self += h.self[i]!;
    out.set(k, e);
  }
  return out;
}

const mb = (x: number) => (x / 1048576).toFixed(2).padStart(8);

function load(file: string): Heap {
  const h = new Heap(JSON.parse(readFileSync(file, 'utf8')) as Snapshot);
  h.dominators();
  return h;
}

const file = process.argv[2]!;
const top = Number(arg('top', '40'));
const h = load(file);
process.stdout.write(`${file}: ${h.n} nodes, ${mb(h.retained[0]!)} MB reachable\n\n`);

const ctors = [...byConstructor(h)].sort((a, b) => b[1].self - a[1].self);
const compare = arg('compare', '');
if (compare) {
  const other = byConstructor(load(compare));
  process.stdout.write(`constructors by growth over ${compare} (MB, count):\n`);
  const rows = ctors.map(([k, v]) => ({ k, d: v.self - (other.get(k)?.self ?? 0), dc: v.count - (other.get(k)?.count ?? 0), v }));
  for (const r of rows.sort((a, b) => b.d - a.d).slice(0, top)) process.stdout.write(`  ${mb(r.d)} ${String(r.dc).padStart(8)}   ${mb(r.v.self)} ${String(r.v.count).padStart(8)}  ${r.k}\n`);
  process.stdout.write('\n');
}
process.stdout.write(`by constructor (self size MB, count):\n`);
for (const [k, v] of ctors.slice(0, top)) process.stdout.write(`  ${mb(v.self)} ${String(v.count).padStart(8)}  ${k}\n`);

// Who refers to objects of a kind (--retainers LABEL): the referring edges of all of them, counted.
const retainersOf = arg('retainers', '');
if (retainersOf) {
  const counts = new Map<string, number>();
  let found = 0;
  for (let i = 0; i < h.n; i++) {
    if (h.label(i) !== retainersOf || h.idom[i]! < 0) continue;
    found++;
    for (let p = h.predStart[i]!; p < h.predStart[i + 1]!; p++) {
      const u = h.preds[p]!;
      for (let j = h.firstEdge[u]!; j < h.firstEdge[u + 1]!; j++) {
        if (h.edgeTo[j] !== i) continue;
        const k = `${h.label(u)}.${h.edgeTypes[h.edgeType[j]!] === 'element' ? '[]' : h.edgeLabel(j).replace(/@\d+/g, '@')}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  process.stdout.write(`\nreferences to the ${found} objects "${retainersOf}":\n`);
  for (const [k, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`  ${String(c).padStart(8)}  ${k.slice(0, 200)}\n`);
}

// What each owner holds on its own: bytes no longer reachable when its edges are cut
// (--owners "Engine.cache,*.memo,…": node label (or *) and edge name; + joins owners cut together).
const owners = arg('owners', '');
if (owners) {
  const total = h.reachable(() => false);
  process.stdout.write(`\nheld by owners (MB no longer reachable when the owner's edges are cut; reachable in all ${mb(total)} MB):\n`);
  for (const group of owners.split(',')) {
    const specs = group.split('+').map((spec) => {
      const dot = spec.lastIndexOf('.');
      return { node: spec.slice(0, dot), edge: spec.slice(dot + 1) };
    });
    const cut = (v: number, j: number) => specs.some((s) => h.edgeLabel(j) === s.edge && (s.node === '*' || h.label(v) === s.node));
    const seen = new Uint8Array(h.n);
    process.stdout.write(`  ${mb(total - h.reachable(cut, seen))}  ${group}\n`);
    if (process.argv.includes('--detail')) {
      // What the owner alone holds, by constructor, and where the largest of it sits.
      const kinds = new Map<string, { count: number; self: number }>();
      const all = new Uint8Array(h.n);
      h.reachable(() => false, all);
      for (let i = 0; i < h.n; i++) {
        if (!all[i] || seen[i]) continue;
        const k = h.label(i);
        const e = kinds.get(k) ?? { count: 0, self: 0 };
        e.count++;
        e.self += h.self[i]!;
        kinds.set(k, e);
      }
      for (const [k, v] of [...kinds].sort((a, b) => b[1].self - a[1].self).slice(0, 8)) process.stdout.write(`      ${mb(v.self)} ${String(v.count).padStart(8)}  ${k}\n`);
    }
  }
}

// Who holds the objects of a kind in bulk (--holders LABEL): the nodes with the most edges to them, and each one's retainers.
const holdersOf = arg('holders', '');
if (holdersOf) {
  const count = new Map<number, number>();
  for (let v = 0; v < h.n; v++) {
    if (h.idom[v]! < 0) continue;
    let c = 0;
    for (let j = h.firstEdge[v]!; j < h.firstEdge[v + 1]!; j++) if (!h.weakEdge[j] && h.label(h.edgeTo[j]!) === holdersOf) c++;
    if (c) count.set(v, c);
  }
  process.stdout.write(`\nholders of "${holdersOf}" (edges to them, holder, its retainers):\n`);
  for (const [v, c] of [...count].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    process.stdout.write(`  ${String(c).padStart(8)}  ${h.label(v)} @${h.id[v]} ← ${h.path(v, 8)}\n`);
    for (let p = h.predStart[v]!; p < h.predStart[v + 1]!; p++) {
      const u = h.preds[p]!;
      for (let j = h.firstEdge[u]!; j < h.firstEdge[u + 1]!; j++) if (h.edgeTo[j] === v && !h.weakEdge[j]) process.stdout.write(`            ${h.label(u)}.${h.edgeLabel(j)} ← ${h.path(u, 6)}\n`);
    }
  }
}

// What the values of each WeakMap hold (--weakmaps): a value kept by its key (a memo per cached
// analysis, say) shows in no owner's tree above its key; here the values' retained sizes are summed per map.
if (process.argv.includes('--weakmaps')) {
  const internal = h.edgeTypes.indexOf('internal');
  const byTable = new Map<string, { count: number; retained: number }>();
  for (let v = 0; v < h.n; v++) {
    if (h.idom[v]! < 0) continue;
    for (let j = h.firstEdge[v]!; j < h.firstEdge[v + 1]!; j++) {
      if (h.edgeType[j] !== internal || h.weakEdge[j]) continue;
      const name = h.strings[h.edgeName[j]!]!;
      const table = /-> value .* pair in WeakMap \(table @(\d+)\)$/.exec(name);
      if (!table) continue;
      const w = h.edgeTo[j]!;
      if (h.idom[w] !== v) continue;
      const e = byTable.get(table[1]!) ?? { count: 0, retained: 0 };
      e.count++;
      e.retained += h.retained[w]!;
      byTable.set(table[1]!, e);
    }
  }
  // The map that owns each table, named by the path to it.
  const ids = new Map<number, number>();
  for (let i = 0; i < h.n; i++) ids.set(h.id[i]!, i);
  process.stdout.write(`\nWeakMap values held by their keys (retained MB, entries, the map):\n`);
  for (const [t, e] of [...byTable].sort((a, b) => b[1].retained - a[1].retained).slice(0, top)) {
    const i = ids.get(Number(t));
    const owner = i === undefined ? -1 : h.parent[i]!;
    process.stdout.write(`  ${mb(e.retained)} ${String(e.count).padStart(8)}  ${owner >= 0 ? h.path(owner, 4) : `table @${t}`}\n`);
  }
}

// The dominator tree from the root, nodes over the threshold, each named by the edge its owner holds it by.
const limit = Number(arg('tree-mb', '0.5')) * 1048576;
{
  const children = new Map<number, number[]>();
  for (let i = 1; i < h.n; i++) {
    const d = h.idom[i]!;
    if (d < 0 || h.retained[i]! < limit) continue;
    let list = children.get(d);
    if (!list) children.set(d, (list = []));
    list.push(i);
  }
  const edgeFrom = (d: number, i: number) => {
    for (let j = h.firstEdge[d]!; j < h.firstEdge[d + 1]!; j++) if (h.edgeTo[j] === i) return h.edgeLabel(j);
    return '…';
  };
  process.stdout.write(`\nwho holds what (dominator tree; retained MB, self MB; nodes over ${(limit / 1048576).toFixed(1)} MB):\n`);
  const walk = (d: number, depth: number) => {
    const list = (children.get(d) ?? []).sort((a, b) => h.retained[b]! - h.retained[a]!);
    for (const i of list) {
      // Pass-through chains (one big child holding almost everything) are folded into one line.
      let k = i;
      const names = [`${edgeFrom(d, i)}: ${h.label(i)}`];
      for (;;) {
        const c = children.get(k);
        if (!c || c.length !== 1 || h.retained[c[0]!]! < 0.97 * h.retained[k]!) break;
        names.push(`${edgeFrom(k, c[0]!)}: ${h.label(c[0]!)}`);
        k = c[0]!;
      }
      process.stdout.write(`${'  '.repeat(depth + 1)}${mb(h.retained[i]!)} ${mb(h.self[k]!)}  ${names.join(' › ').slice(0, 300)}\n`);
      if (depth < 12) walk(k, depth + 1);
    }
  };
  walk(0, 0);
}

// The largest owners: nodes whose retained size is large, skipping a node dominated by a listed one with nearly its size.
process.stdout.write(`\nlargest owners (retained MB, self MB, what, one path from the root):\n`);
const ids = Array.from({ length: h.n }, (_, i) => i).filter((i) => i > 0 && h.retained[i]! > 256 * 1024);
ids.sort((a, b) => h.retained[b]! - h.retained[a]!);
let shown = 0;
for (const i of ids) {
  if (shown >= top) break;
  // Skip pass-through nodes (a wrapper retaining ~ the same as its only big child).
  let child = -1;
  for (let j = h.firstEdge[i]!; j < h.firstEdge[i + 1]!; j++) {
    const w = h.edgeTo[j]!;
    if (h.idom[w] === i && h.retained[w]! > 0.9 * h.retained[i]!) child = w;
  }
  if (child >= 0) continue;
  shown++;
  process.stdout.write(`  ${mb(h.retained[i]!)} ${mb(h.self[i]!)}  ${h.label(i)}  ← ${h.path(i)}\n`);
}

// Strings: the largest, and slices that keep a larger parent alive.
const strings: number[] = [];
for (let i = 0; i < h.n; i++) {
  const t = h.typeOf(i);
  if ((t === 'string' || t === 'concatenated string' || t === 'sliced string') && h.idom[i]! >= 0) strings.push(i);
}
strings.sort((a, b) => h.self[b]! - h.self[a]!);
process.stdout.write(`\nlargest strings (self MB, type, start, one path):\n`);
for (const i of strings.slice(0, 12)) process.stdout.write(`  ${mb(h.self[i]!)} ${h.typeOf(i)} ${JSON.stringify(h.nameOf(i).slice(0, 50))}  ← ${h.path(i, 8)}\n`);
const big = strings.filter((i) => h.self[i]! > 200 * 1024);
process.stdout.write(`strings over 200 KB: ${big.length}, ${mb(big.reduce((s, i) => s + h.self[i]!, 0))} MB\n`);
let sliced = 0;
const parents = new Map<number, number>();
for (let i = 0; i < h.n; i++) {
  if (h.typeOf(i) !== 'sliced string' || h.idom[i]! < 0) continue;
  sliced++;
  for (let j = h.firstEdge[i]!; j < h.firstEdge[i + 1]!; j++) {
    if (h.edgeLabel(j) !== 'parent') continue;
    const p = h.edgeTo[j]!;
    parents.set(p, (parents.get(p) ?? 0) + 1);
  }
}
const parentSizes = [...parents.keys()].reduce((s, p) => s + h.self[p]!, 0);
process.stdout.write(`sliced strings: ${sliced}, with ${parents.size} distinct parents of ${mb(parentSizes)} MB together\n`);
for (const [p, c] of [...parents].sort((a, b) => h.self[b[0]]! - h.self[a[0]]!).slice(0, 8)) process.stdout.write(`  parent ${mb(h.self[p]!)} MB, ${c} slices, ${JSON.stringify(h.nameOf(p).slice(0, 40))}  ← ${h.path(p, 8)}\n`);
