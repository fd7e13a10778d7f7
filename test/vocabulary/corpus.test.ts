/**
 * The dev corpus (../shared/corpora/dev, read at test time, never copied): jargon findings
 * per 1,000 words per document, printed as a table. Only sanity is asserted; the numbers are
 * for people to read (precision is judged by hand, see docs/rules/vocabulary/jargon.md).
 * BRUG_CORPUS points elsewhere; without a corpus the test is skipped.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../helpers/shared.js';
import { run, vocabularyFindings } from './helpers.js';

const CORPUS = CORPUS_DIR;

describe('vocabulary on the dev corpus', function () {
  // Generous: behaviour is tested here, speed in the benchmark (the machine may be shared and loaded).
  this.timeout(600000);

  it('jargon findings per 1,000 words per document (table)', function () {
    if (!existsSync(CORPUS)) this.skip();
    const rows: string[] = [];
    let documents = 0;
    for (const lang of ['nl', 'en'] as const) {
      const dir = join(CORPUS, lang);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((f) => /\.(md|txt|tex)$/.test(f)).sort()) {
        const text = readFileSync(join(dir, name), 'utf8');
        const r = run(text, lang, { path: join(dir, name) });
        documents++;
        assert.deepEqual(r.errors, [], `${name}: rules threw`);
        assert.equal(r.language, lang, `${name}: language`);
        const jargon = vocabularyFindings(r, 'vocabulary/jargon');
        const person = vocabularyFindings(r, 'vocabulary/person-first');
        const mixed = vocabularyFindings(r, 'vocabulary/mixed-terms');
        for (const f of [...jargon, ...person, ...mixed]) {
          assert.ok(f.offset >= 0 && f.endOffset <= text.length && f.offset < f.endOffset, `${name}: finding out of range`);
          // The finding covers the words it names: its text, folded, is a dictionary form.
          assert.ok(/[\p{L}]/u.test(text.slice(f.offset, f.endOffset)), `${name}: empty finding`);
        }
        const words = r.metrics.words;
        const rate = (jargon.length * 1000) / Math.max(1, words);
        assert.ok(rate < 60, `${name}: ${rate.toFixed(1)} jargon findings per 1,000 words is not plausible`);
        rows.push(`${`${lang}/${name}`.padEnd(58)} ${String(words).padStart(7)} ${String(jargon.length).padStart(7)} ${rate.toFixed(2).padStart(8)} ${String(person.length).padStart(7)} ${String(mixed.length).padStart(6)}`);
      }
    }
    assert.ok(documents > 0, 'no documents in the corpus');
    console.log(`\n      ${'document'.padEnd(58)} ${'words'.padStart(7)} ${'jargon'.padStart(7)} ${'/1000'.padStart(8)} ${'person'.padStart(7)} ${'mixed'.padStart(6)}`);
    for (const r of rows) console.log(`      ${r}`);
  });
});
