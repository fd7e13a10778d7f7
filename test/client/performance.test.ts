import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineFor, lint } from '../../server/src/index.js';
import { analyzeClientBlock } from '../../server/src/engine/rules/client/analyzer.js';
import { clientLexicons } from '../../server/src/engine/rules/client/lexicon.js';
import { clientPerspective } from '../../server/src/engine/rules/client/analysis.js';
import { fixture, repo } from './helpers.js';

/**
 * The client check does its per-block work in a cached block analyzer and keeps the document analysis linear in the
 * number of blocks. These tests check the behaviour on ~100,000 words (the verdict, one block re-analysed after an
 * edit); the times are printed for the record only: speed is measured by `npm run bench`, not by timed tests, which
 * fail on a busy machine (a 1,500 ms bound failed at load 8).
 */
describe('client: performance', function () {
  this.timeout(120000);
  const parts = [readFileSync(join(repo, 'samples', 'rapport-schuldhulp.md'), 'utf8'), fixture('nl-present.md'), fixture('nl-partial-involvement.md')];
  // ~100,000 words: the parts again and again, each copy numbered so that blocks differ.
  const chunks: string[] = [];
  for (let i = 0; chunks.join(' ').split(/\s+/).length < 100000; i++) chunks.push(parts[i % parts.length]!.replace(/^# /m, `# Deel ${i}: `).replace(/inwoners/, `inwoners (${i})`));
  const big = chunks.join('\n\n');

  it('analyses 100,000 words of blocks and the document (times printed, not asserted)', () => {
    const r = lint(big, { path: 'big.md' });
    assert.ok(r.metrics.words > 80000, String(r.metrics.words));
    const lex = clientLexicons(engineFor().engine.vocabulary, 'nl');
    for (const b of r.blocks.slice(0, 200)) analyzeClientBlock(b.analysed, lex);
    let t = performance.now();
    for (const b of r.blocks) analyzeClientBlock(b.analysed, lex);
    const blocks = performance.now() - t;
    t = performance.now();
    const cp = clientPerspective({ ...r.model });
    const doc = performance.now() - t;
    console.log(`      client block analyzer over ${r.metrics.words} words: ${Math.round(blocks)} ms; document analysis: ${doc.toFixed(1)} ms`);
    assert.equal(cp.verdict, 'present');
  });

  it('re-analyses only the edited block after a one-word edit', () => {
    const { engine } = engineFor();
    const analyzer = engine.analyzers.find((a) => a.id === 'clientPerspective')!;
    const original = analyzer.analyze;
    let calls = 0;
    analyzer.analyze = (block, config) => {
      calls++;
      return original.call(analyzer, block, config);
    };
    try {
      lint(big, { path: 'big.md' });
      calls = 0;
      const i = big.indexOf('wachten', big.length / 2);
      const edited = `${big.slice(0, i)}wachtten${big.slice(i + 'wachten'.length)}`;
      const t = performance.now();
      const r = lint(edited, { path: 'big.md' });
      const ms = performance.now() - t;
      assert.equal(calls, 1);
      assert.ok(r.analyses.clientPerspective);
      // The whole re-check (all rules, not only the client check) for the record.
      console.log(`      re-check after a one-word edit in ~100,000 words: ${Math.round(ms)} ms`);
    } finally {
      analyzer.analyze = original;
    }
  });
});
