/**
 * What a heap snapshot holds by the path that reaches it: each object's self size is counted
 * under the module variable its shortest path from the roots goes through (weak edges left out,
 * a WeakMap's values counted with their key's holder), and with DEPTH the property names on that
 * path. Unlike the dominator tree (bench/lsp-memory-snapshot.ts), this shows data shared by many
 * holders — an analysed block reached from the engine's cache, its placed copy and the rules' memos —
 * under one name: e.g. `byMap…placed.sentences.WM.list` is the practice units a WeakMap keeps per
 * sentence list. With OLD, only what is not in that earlier snapshot of the same process
 * (bench/lsp-memory-inprocess.ts writes them) counts: what one analysed document or the edits added.
 *
 *   node --max-old-space-size=6000 bench/lsp-memory-paths.mjs NEW.heapsnapshot [OLD.heapsnapshot|-] [DEPTH=0] [TOP=45]
 */
import { readFileSync } from 'node:fs';

function load(f) {
  const raw = JSON.parse(readFileSync(f, 'utf8'));
  const m = raw.snapshot.meta;
  const nf = m.node_fields.length;
  const ef = m.edge_fields.length;
  return {
    raw, N: raw.nodes.length / nf, nf, ef, nt: m.node_types[0], et: m.edge_types[0],
    iT: m.node_fields.indexOf('type'), iN: m.node_fields.indexOf('name'), iId: m.node_fields.indexOf('id'),
    iS: m.node_fields.indexOf('self_size'), iE: m.node_fields.indexOf('edge_count'),
    eT: m.edge_fields.indexOf('type'), eN: m.edge_fields.indexOf('name_or_index'), eTo: m.edge_fields.indexOf('to_node'),
  };
}
const [file, old, depthArg, topArg] = process.argv.slice(2);
const depth = Number(depthArg ?? 0);
const top = Number(topArg ?? 45);
const a = load(file);
const ids = new Set();
if (old && old !== '-') {
  const b = load(old);
  for (let i = 0; i < b.N; i++) ids.add(b.raw.nodes[i * b.nf + b.iId]);
}
const { raw, N, nf, ef, nt, et } = a;
const nodes = raw.nodes;
const edges = raw.edges;
const S = raw.strings;
const name = (i) => S[nodes[i * nf + a.iN]];
const type = (i) => nt[nodes[i * nf + a.iT]];
const first = new Uint32Array(N + 1);
for (let i = 0, e = 0; i < N; i++) {
  first[i] = e;
  e += nodes[i * nf + a.iE];
}
first[N] = edges.length / ef;
// Shortest paths from the root, breadth first, without weak edges.
const ret = new Int32Array(N).fill(-1);
const retE = new Int32Array(N).fill(-1);
const q = new Int32Array(N);
let h = 0;
let t = 0;
q[t++] = 0;
ret[0] = 0;
while (h < t) {
  const i = q[h++];
  for (let e = first[i]; e < first[i + 1]; e++) {
    const ty = et[edges[e * ef + a.eT]];
    if (ty === 'weak' || ty === 'shortcut') continue;
    const to = edges[e * ef + a.eTo] / nf;
    if (ret[to] >= 0) continue;
    ret[to] = i;
    retE[to] = e;
    q[t++] = to;
  }
}
const edgeName = (e) => {
  const ty = et[edges[e * ef + a.eT]];
  return ty === 'element' || ty === 'hidden' ? '[]' : String(S[edges[e * ef + a.eN]]);
};
const CLASS = /^(PlacedUnit|RunUnit|KeptSentence|PlacedBlock|PieceScan|ContentCache|Engine|BlockStates|Tally|PatternSet|Vocabulary|Lexicon|LineIndex)$/;
const groups = new Map();
let total = 0;
for (let i = 0; i < N; i++) {
  if (ids.size && ids.has(nodes[i * nf + a.iId])) continue;
  const s = nodes[i * nf + a.iS];
  if (!s) continue;
  total += s;
  let c = i;
  let cls = '';
  let variable = '?';
  const path = [];
  for (let hops = 0; c > 0 && hops < 60; hops++) {
    const p = ret[c];
    if (p < 0) break;
    const n = edgeName(retE[c]);
    if (/part of key/.test(n)) {
      path.unshift('WM');
      variable = 'weakmap-value';
    } else if (n !== '[]') path.unshift(n.slice(0, 30));
    if (!cls && type(p) === 'object' && CLASS.test(name(p))) cls = name(p);
    if (name(p) === 'system / Context' && et[edges[retE[c] * ef + a.eT]] === 'context') {
      variable = n;
      break;
    }
    c = p;
  }
  const key = depth ? `${variable} ${cls} ${path.slice(0, depth).join('.')}` : `${variable} ${cls}`;
  groups.set(key, (groups.get(key) ?? 0) + s);
}
console.log(`${(total / 1048576).toFixed(1)} MB${ids.size ? ' not in the older snapshot' : ''}`);
for (const [k, v] of [...groups].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log((v / 1048576).toFixed(2).padStart(7), k);
