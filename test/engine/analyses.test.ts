import { strict as assert } from 'node:assert';
import { serialize } from 'node:v8';
import { ContentCache, detach } from '../../server/src/engine/cache.js';
import { factOf } from '../../server/src/engine/rules/types.js';
import type { AcronymUse } from '../../server/src/engine/rules/readability/undefined-abbreviation.js';
import type { VocabularyFacts } from '../../server/src/engine/rules/vocabulary/analyzer.js';
import type { ClientPerspective } from '../../server/src/engine/rules/client/analysis.js';
import { md } from './helpers.js';

describe('typed analyses', () => {
  it('rules and faces read typed facts and analyses (the declared types are what the engine stores)', () => {
    const r = md('# Rapport\n\nDe cliënt krijgt hulp van het UWV. Het UWV beslist over de uitkering.\n');
    const block = r.blocks.find((b) => b.analysed.block.kind === 'paragraph')!;
    // These assignments compile only because the analyzers' output types are declared.
    const acronyms: AcronymUse[] | undefined = factOf(block, 'acronyms');
    const vocabulary: VocabularyFacts | undefined = block.facts.vocabulary;
    const perspective: ClientPerspective | undefined = r.analyses.clientPerspective;
    assert.ok(Array.isArray(acronyms) && acronyms.length >= 1);
    assert.ok(vocabulary && Array.isArray(vocabulary.terms));
    assert.ok(perspective && typeof perspective === 'object');
  });
});

describe('ContentCache', () => {
  it('keeps at most maxEntries, the oldest go first', () => {
    const c = new ContentCache<number>(3);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) c.set(k, i);
    assert.equal(c.size, 3);
    assert.equal(c.get('a'), undefined);
    assert.equal(c.get('d'), 3);
  });

  it('with refresh, a hit keeps an entry; weights bound the total', () => {
    const c = new ContentCache<string>(Infinity, { maxWeight: 10, weigh: (k) => k.length, refresh: true });
    c.set('aaaa', '1');
    c.set('bbbb', '2');
    c.get('aaaa');
    c.set('cccc', '3');
    assert.equal(c.get('bbbb'), undefined);
    assert.equal(c.get('aaaa'), '1');
    assert.equal(c.get('cccc'), '3');
  });

  it('filter keeps, replaces or drops values', () => {
    const c = new ContentCache<number[]>(10);
    c.set('x', [1, 2]);
    c.set('y', [3]);
    c.filter((v) => (v.includes(3) ? undefined : v.filter((n) => n > 1)));
    assert.deepEqual(c.get('x'), [2]);
    assert.equal(c.get('y'), undefined);
  });

  it('detach copies a string with the same content', () => {
    const big = 'x'.repeat(100000) + 'the part we keep, a slice of a big string';
    const part = big.slice(100000);
    assert.equal(detach(part), part);
    assert.equal(detach('short'), 'short');
  });

  it('detach stores a copy at one byte per character when every character fits (a slice of a text with one curly quote)', () => {
    // V8 writes a string one byte per character with tag '"', two bytes per character with tag 'c' (after its padding).
    const stored = (s: string) => { const b = serialize(s); return b[2] === 0 ? b[3] : b[2]; };
    const doc = `“Cliënten” zeiden het zelf. ${'De cliënt krijgt hulp van het wijkteam en de gemeente. '.repeat(40)}`;
    const part = doc.slice(doc.indexOf('De cliënt'));
    assert.equal(stored(part), 0x63);
    assert.equal(stored(detach(part)), 0x22);
    assert.equal(detach(part), part);
    // A text with a character beyond one byte keeps two: the same content.
    const wide = doc.slice(0, 200);
    assert.equal(detach(wide), wide);
    assert.equal(stored(detach(wide)), 0x63);
  });

  it('detach gives each string its own content when the copy made last is handed out again (nl and en)', () => {
    // The copy made last is reused for a string with its content (two caches keyed by one block text share it).
    const texts = ['De cliënt krijgt hulp van het UWV.', 'The client gets help from the agency.', 'De cliënt krijgt hulp van het UWX.'];
    const doc = texts.join('\n\n').repeat(50);
    for (let i = 0; i < 200; i++) {
      const t = texts[(i * 7) % 3]!;
      const at = doc.indexOf(t, (i * 13) % (doc.length - 200));
      const slice = doc.slice(at, at + t.length);
      assert.equal(detach(slice), t);
      assert.equal(detach(slice), slice);
      assert.equal(detach(t + 'x'), `${t}x`);
    }
  });
});
