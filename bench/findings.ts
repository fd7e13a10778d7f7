/**
 * Findings on the dev corpus, as a snapshot: proves that a speed change leaves findings,
 * metrics and sections as they were.
 *
 *   node --import tsx bench/findings.ts save /tmp/before.json
 *   node --import tsx bench/findings.ts compare /tmp/before.json
 *
 * `compare` prints every difference and exits 1 when there is one.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Engine } from '../server/src/engine/engine.js';
import { Vocabulary } from '../server/src/engine/vocabulary/vocabulary.js';
import { bundledDictionaries } from '../server/src/workspace/dictionaries.js';
import { extraFormats } from '../server/src/workspace/formats.js';
import { registerPracticeDictionaries } from '../server/src/workspace/practice-dictionaries.js';

// As the workspace does for `brug` and the language server: the practice-fit cues too, so their findings are compared.
registerPracticeDictionaries();

const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));

type Snapshot = Record<string, { findings: string[]; metrics: string; sections: string[] }>;

function snapshot(): Snapshot {
  const engine = new Engine({ vocabulary: new Vocabulary(bundledDictionaries().dictionaries), formats: extraFormats });
  const out: Snapshot = {};
  for (const lang of ['nl', 'en']) {
    const dir = join(CORPUS, lang);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, f), 'utf8');
      const r = engine.lint(text, { path: f });
      out[`${lang}/${f}`] = {
        findings: r.findings.map((x) => `${x.offset}-${x.endOffset} ${x.ruleId} ${x.severity} ${x.message.en} | ${x.fixes.map((fx) => fx.edits.map((e) => `${e.offset}-${e.endOffset}:${e.newText}`).join(',')).join(';')}`),
        metrics: JSON.stringify(r.metrics),
        sections: r.sections.map((s) => JSON.stringify(s)),
      };
    }
  }
  return out;
}

const [mode, file] = process.argv.slice(2);
if (mode === 'save' && file) {
  writeFileSync(file, JSON.stringify(snapshot(), null, 1));
  console.log(`saved ${file}`);
} else if (mode === 'compare' && file) {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const now = snapshot();
  let diffs = 0;
  for (const doc of new Set([...Object.keys(before), ...Object.keys(now)])) {
    const a = before[doc];
    const b = now[doc];
    if (!a || !b) {
      console.log(`${doc}: only ${a ? 'before' : 'now'}`);
      diffs++;
      continue;
    }
    const as = new Set(a.findings);
    const bs = new Set(b.findings);
    const gone = a.findings.filter((x) => !bs.has(x));
    const added = b.findings.filter((x) => !as.has(x));
    for (const x of gone) console.log(`${doc}: - ${x}`);
    for (const x of added) console.log(`${doc}: + ${x}`);
    if (a.metrics !== b.metrics) console.log(`${doc}: metrics\n  ${a.metrics}\n  ${b.metrics}`);
    const sd = a.sections.length !== b.sections.length || a.sections.some((s, i) => s !== b.sections[i]);
    if (sd) console.log(`${doc}: sections differ`);
    const n = gone.length + added.length + (a.metrics !== b.metrics ? 1 : 0) + (sd ? 1 : 0);
    diffs += n;
    console.log(`${doc}: ${b.findings.length} findings, ${n} differences`);
  }
  console.log(diffs ? `${diffs} differences` : 'identical');
  process.exit(diffs ? 1 : 0);
} else {
  console.log('usage: bench/findings.ts save|compare FILE');
  process.exit(2);
}
