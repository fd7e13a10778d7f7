/**
 * The engine's caches stay bounded by the document in use: a session of edits (the language
 * server) leaves an old version of each edited block behind, and those must go. An engine shared
 * by several callers keeps the smallest bound any of them asked for (the language server's rule
 * catalogue made the engine first, without one, and stale blocks piled up over edits). What is
 * evicted is recomputed: the findings after the edits are those of a check from scratch.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { ContentCache } from '../../server/src/engine/cache.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import type { Rule } from '../../server/src/engine/rules/types.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { testRuleMeta } from '../helpers/rule-meta.js';

const NL = [
  'Wij spraken veertig cliënten in de wijk over hun ervaringen met de schuldhulpverlening van de gemeente.',
  'Er werd door de onderzoekers geconstateerd dat de implementatie van het beleid suboptimaal verliep.',
  'De professionals in het sociaal domein hebben behoefte aan duidelijke afspraken over de samenwerking.',
];
const EN = [
  'The team interviewed twelve clients in their own homes about the support they received from the council.',
  'It was found that the operationalisation of the intervention was not sufficiently evaluated by the stakeholders involved.',
  'Practitioners in youth care need clear agreements about who does what when a family asks for help.',
];

/** A report of `n` paragraphs under a few headings, each paragraph different. */
function report(sentences: string[], n: number, heading: string): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) parts.push(`## ${heading} ${i / 10 + 1}`);
    parts.push(`${sentences[i % sentences.length]} ${sentences[(i + 1) % sentences.length]} (${i + 1})`);
  }
  return parts.join('\n\n') + '\n';
}

/** What a check says, to compare. */
function summary(r: LintResult): unknown {
  return { language: r.language, findings: r.findings, metrics: r.metrics, sections: r.sections, paragraphs: r.paragraphs, errors: r.errors };
}

/** Inserts `word` after the first space of paragraph `k` (counted from the document's start). */
function insertWord(text: string, k: number, word: string): string {
  let at = 0;
  for (let i = 0; i <= k; i++) {
    const next = text.indexOf('\n\n', at);
    if (next < 0) break;
    at = next + 2;
  }
  const space = text.indexOf(' ', at);
  return text.slice(0, space + 1) + word + text.slice(space + 1);
}

const blockLanguages = (e: Engine) => (e as unknown as { blockLanguage: { size: number } }).blockLanguage.size;

describe('engine caches: bounded by the document in use, evicted entries recomputed', function () {
  this.timeout(120000);

  for (const [language, sentences, heading] of [['nl', NL, 'Hoofdstuk'], ['en', EN, 'Chapter']] as const) {
    it(`${language}: 150 one-word edits keep the cache near the document's blocks, and the result is a check from scratch`, () => {
      const engine = new Engine();
      engine.limitCache(8);
      let text = report(sentences, 40, heading);
      const first = engine.lint(text, { path: 'doc.md' });
      const blocks = first.blocks.length;
      assert.ok(blocks >= 40, 'every paragraph and heading is a block');
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      let last = first;
      let most = 0;
      for (let i = 0; i < 150; i++) {
        text = insertWord(text, 1 + Math.floor(random() * 40), language === 'nl' ? 'ook ' : 'also ');
        last = engine.lint(text, { path: 'doc.md' });
        most = Math.max(most, engine.cachedBlocks);
      }
      // Eviction runs once the stale blocks exceed 64 (or a 64th of the document); then only this and the previous run's stay.
      assert.ok(most <= blocks + 64 + 1, `at most ${blocks + 65} analysed blocks kept, saw ${most}`);
      assert.ok(blockLanguages(engine) <= most, `block languages go with their blocks (${blockLanguages(engine)} kept)`);
      clearMarkdownCache();
      const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(text, { path: 'fresh.md' });
      assert.deepEqual(summary(last), summary(fresh));
      // The same text once more: every block comes from the cache and gives the same result.
      assert.deepEqual(summary(engine.lint(text, { path: 'doc.md' })), summary(fresh));
    });
  }

  it('an engine made without a bound takes the bound a later caller asks for (the language server after its rule catalogue)', () => {
    // A rule of its own gives this test an engine no other test shares.
    const rule: Rule = {
      scope: 'block',
      meta: testRuleMeta('test/cache-bound', { severity: 'hint' }),
      check: () => [],
    };
    const unbounded = engineFor(undefined, undefined, { rules: [rule] }).engine;
    const bounded = engineFor(undefined, undefined, { rules: [rule], cacheSize: 8 }).engine;
    assert.equal(bounded, unbounded, 'one engine (one set of dictionaries) for both');
    // Checked without a name (a batch caller): the bound decides, with a floor of the engine's cache size.
    let text = report(EN, 20, 'Chapter');
    const blocks = bounded.lint(text).blocks.length;
    for (let i = 0; i < 100; i++) {
      text = insertWord(text, 1 + (i % 20), 'also ');
      bounded.lint(text);
    }
    assert.ok(bounded.cachedBlocks <= blocks + 65, `the bound holds: ${bounded.cachedBlocks} analysed blocks for a document of ${blocks}`);
    // A larger bound asked later does not raise it.
    engineFor(undefined, undefined, { rules: [rule], cacheSize: 50000 });
    for (let i = 0; i < 80; i++) {
      text = insertWord(text, 1 + (i % 20), 'also ');
      bounded.lint(text);
    }
    assert.ok(bounded.cachedBlocks <= blocks + 65);
  });

  it('documents checked by name in turn keep their blocks; only old versions of edited blocks go', () => {
    const engine = new Engine();
    let a = report(NL, 20, 'Hoofdstuk');
    let b = report(EN, 20, 'Chapter');
    const blocksA = engine.lint(a, { uri: 'file:///a.md' }).blocks.length;
    const blocksB = engine.lint(b, { uri: 'file:///b.md' }).blocks.length;
    let most = 0;
    for (let i = 0; i < 120; i++) {
      a = insertWord(a, 1 + (i % 20), 'ook ');
      engine.lint(a, { uri: 'file:///a.md' });
      b = insertWord(b, 1 + ((i * 7) % 20), 'also ');
      engine.lint(b, { uri: 'file:///b.md' });
      most = Math.max(most, engine.cachedBlocks);
      // Both documents' current blocks are always there (the next check of either re-analyses nothing old).
      assert.ok(engine.cachedBlocks >= blocksA + blocksB - 2, `after edit ${i}: ${engine.cachedBlocks} blocks for ${blocksA} + ${blocksB}`);
    }
    assert.ok(most <= blocksA + blocksB + 66, `old versions are swept: at most ${most}`);
    clearMarkdownCache();
    const fresh = new Engine({ vocabulary: engine.vocabulary });
    assert.deepEqual(summary(engine.lint(a, { uri: 'file:///a.md' })), summary(fresh.lint(a, { uri: 'file:///a.md' })));
    assert.deepEqual(summary(engine.lint(b, { uri: 'file:///b.md' })), summary(fresh.lint(b, { uri: 'file:///b.md' })));
  });

  it('ContentCache.filter drops and replaces entries and keeps the weight', () => {
    const cache = new ContentCache<number>(10, { maxWeight: 100, weigh: (_k, v) => v });
    for (let i = 0; i < 5; i++) cache.set(`key number ${i} of the cache`, 10 + i);
    cache.filter((v, k) => (k.endsWith('1 of the cache') ? undefined : v === 12 ? 1 : v));
    assert.equal(cache.size, 4);
    assert.equal(cache.get('key number 1 of the cache'), undefined);
    assert.equal(cache.get('key number 2 of the cache'), 1);
    // Weight now 10 + 1 + 13 + 14 = 38: four entries of 20 more fit (100), a fifth evicts the oldest.
    for (let i = 5; i < 8; i++) cache.set(`key number ${i} of the cache`, 20);
    assert.equal(cache.size, 7);
    cache.set('key number 8 of the cache', 20);
    assert.equal(cache.get('key number 0 of the cache'), undefined, 'the oldest went');
    assert.equal(cache.get('key number 8 of the cache'), 20);
  });
});
