/**
 * Round-trip properties of fixes on real documents (issue 13 item 6), on a fixed sample of the
 * dev corpus: one document per language and format under 100,000 characters (the same every run,
 * SEED). The checks are in corpus-fixes.ts; `npm run fuzz -- --corpus-fixes` runs them on every
 * document of the corpus and writes the result into test/fuzz/RESULTS.md.
 */
import { strict as assert } from 'node:assert';
import { corpusSources } from './generate.js';
import { corpusSample, fixCopies, fixesStayInPlace, guardedSwaps, safeFixesAlone } from './corpus-fixes.js';

const SEED = 13;

describe('fix properties on a fixed sample of the dev corpus', function () {
  // Generous: the machine running the suite may be busy (behaviour is tested here, not speed).
  this.timeout(600000);
  const sources = corpusSources();
  const sample = corpusSample(sources, SEED);

  it('has the dev corpus, and the sample covers both languages and every format', function () {
    if (sources.length === 0) this.skip();
    assert.ok(sources.length >= 23, `${sources.length} documents`);
    assert.deepEqual(corpusSample(sources, SEED), sample, 'the same seed gives the same sample');
    assert.deepEqual([...new Set(sample.map((s) => s.name.split('/')[0]))].sort(), ['en', 'nl']);
    assert.deepEqual([...new Set(sample.map((s) => s.format))].sort(), ['latex', 'markdown', 'plaintext']);
    assert.ok(sample.every((s) => s.text.length < 100_000));
  });

  it('every fix stays in the text, off protected text, and a replacement keeps the structure', function () {
    if (sources.length === 0) this.skip();
    const r = fixesStayInPlace(sample);
    assert.ok(r.fixes > 20, `only ${r.fixes} fixes with edits in the sample`);
    assert.deepEqual(r.problems.slice(0, 15), []);
  });

  it('every safe fix, applied alone: its finding goes, nothing outside its edit changes, no finding is added, the structure stays', function () {
    if (sources.length === 0) this.skip();
    const r = safeFixesAlone(sample, 3);
    assert.ok(r.tried >= 3, `only ${r.tried} safe fixes tried`);
    assert.deepEqual(r.problems.slice(0, 15), []);
  });

  it('safe swaps of common words everywhere in real documents: the guard keeps protected text and the structure intact', function () {
    if (sources.length === 0) this.skip();
    const r = guardedSwaps(sample);
    assert.ok(r.swapped > 50 && r.kept > 5, `${r.swapped} swaps, ${r.kept} protected pieces with a swap word`);
    assert.deepEqual(r.problems.slice(0, 15), []);
  });

  it('brug check --fix on copies of the sample: line ends and BOM kept, no finding added, structure kept, a second --fix changes nothing', async function () {
    if (sources.length === 0) this.skip();
    const r = await fixCopies(sample);
    assert.deepEqual(r.problems.slice(0, 15), []);
  });
});
