/**
 * The engine remembers the language it detected for a document's sample (the first ~40 blocks) under a short key made
 * of the sample, not under the sample: each edit of a sampled block used to store one more copy of the whole sample.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import { textKey as sampleKey } from '../../server/src/engine/cache.js';

describe('document language cache: keyed by a short key of the sample', () => {
  it('keeps no copy of a sample, however many sampled blocks an edit changes, and still detects each language', () => {
    const engine = new Engine();
    const en = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} of the report describes how clients find their way back to work with help from the municipality.`);
    const nl = Array.from({ length: 30 }, (_, i) => `Alinea ${i} van het rapport beschrijft hoe cliënten met hulp van de gemeente de weg terug naar werk vinden.`);
    for (let k = 0; k < 12; k++) {
      const paragraphs = (k % 2 ? nl : en).map((p, i) => (i === k ? `${p} Extra ${k}.` : p));
      const result = engine.lint(paragraphs.join('\n\n') + '\n', { path: 'report.md' });
      assert.equal(result.language, k % 2 ? 'nl' : 'en');
    }
    const cache = (engine as unknown as { documentLanguage: { map: Map<string, unknown> } }).documentLanguage.map;
    assert.ok(cache.size >= 12, `one entry per sample (${cache.size})`);
    for (const key of cache.keys()) assert.ok(key.length < 40, `a short key, not the sample (${key.length} characters)`);
  });

  it('gives texts that differ anywhere, or only in length, different keys; the same text the same key', () => {
    const text = 'De cliënt krijgt hulp van het UWV en de gemeente. '.repeat(200);
    const keys = new Set<string>();
    for (let i = 0; i < text.length; i += 97) keys.add(sampleKey(text.slice(0, i) + 'x' + text.slice(i + 1)));
    assert.equal(keys.size, Math.ceil(text.length / 97));
    assert.notEqual(sampleKey(text), sampleKey(text + ' '));
    assert.equal(sampleKey(text), sampleKey((' ' + text).slice(1)));
  });
});
