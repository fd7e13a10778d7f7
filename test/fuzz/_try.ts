import { fuzz } from '/work/wt/fixes/test/fuzz/run.ts';
import { corpusSources } from '/work/wt/fixes/test/fuzz/generate.ts';
const r = fuzz(corpusSources(), Number(process.argv[2] ?? 1), Number(process.argv[3] ?? 200), { maxChars: 3000, scale: Number(process.argv[4] ?? 0.1) });
const byKind = new Map<string, number>();
for (const v of r.violations) byKind.set(v.kind, (byKind.get(v.kind) ?? 0) + 1);
console.log(r.count, byKind, r.slowest, r.slow.length);
const seen = new Set();
for (const v of r.violations) { const k = v.kind + v.detail.slice(0, 30); if (seen.has(k)) continue; seen.add(k); console.log(v.kind, v.recipe, '::', v.detail.slice(0, 300)); if (seen.size > 25) break; }
