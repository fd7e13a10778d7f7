/** compareWords: the order of localeCompare, without loading ICU's collation data for plain words. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareWords } from '../../server/src/engine/text/order.js';
import { SHARED, md, readShared } from './helpers.js';

describe('word order for lists', () => {
  it('orders plain lower-case words as localeCompare does (en and nl words)', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 -/'), maxLength: 10 });
    fc.assert(fc.property(plain, plain, (a, b) => Math.sign(compareWords(a, b)) === Math.sign(a.localeCompare(b))), { numRuns: 3000, seed: 5 });
    const words = ['clients', 'client', 'patients', 'patient 2', 'carers', 'care workers', 'cliënten', 'bewoners', 'bewoner', 'naasten', 'mantelzorgers'];
    const byLocale = [...words].sort((a, b) => a.localeCompare(b));
    assert.deepEqual([...words].sort(compareWords), byLocale);
    const ids = ['readability/section-score', 'readability/long-sentence', 'vocabulary/jargon', 'client/no-client-voice', 'readability/long-paragraph', 'practice/no-practice-summary'];
    assert.deepEqual([...ids].sort(compareWords), [...ids].sort((a, b) => a.localeCompare(b)));
  });

  it('orders as localeCompare does when accents, capitals and other marks follow the first difference (nl and en)', () => {
    const mixed = fc.string({ unit: fc.constantFrom(...'abeopz09 -/éëüßæ…\'.,AE', '\u0308', '\u00ad', '\u200b'), maxLength: 8 });
    fc.assert(fc.property(mixed, mixed, (a, b) => Math.sign(compareWords(a, b)) === Math.sign(a.localeCompare(b))), { numRuns: 5000, seed: 6 });
    assert.ok(compareWords('ouderen', 'personen met …') < 0);
  });

  it('leaves accents, capitals and punctuation to localeCompare', () => {
    for (const [a, b] of [['cliënt', 'client'], ['Client', 'client'], ["client's", 'clients'], ['co-design', 'codesign'], ['éen', 'een']]) {
      assert.equal(Math.sign(compareWords(a!, b!)), Math.sign(a!.localeCompare(b!)), `${a} / ${b}`);
    }
  });

  it('checks the Dutch dev reports without calling localeCompare (ICU collation data, ~3 MB of the server, stays unloaded)', function () {
    if (!existsSync(resolve(SHARED, 'corpora/dev/nl'))) this.skip();
    // The hard words and terms a section names are ordered by weight, then alphabetically: compareWords, whose order is
    // localeCompare's, decides plain words without it (session 37: the one call that loaded the collation data for a
    // Dutch report in the language server).
    const files = readdirSync(resolve(SHARED, 'corpora/dev/nl')).filter((f) => f.endsWith('.md'));
    this.timeout(60000);
    assert.ok(files.length >= 3);
    const original = String.prototype.localeCompare;
    const calls: string[] = [];
    String.prototype.localeCompare = function (this: string, that: string, ...rest: unknown[]) {
      calls.push(`${this} / ${that}`);
      return original.call(this, that, ...(rest as []));
    } as typeof original;
    let sectionFindings = 0;
    try {
      for (const f of files) sectionFindings += md(readShared(`corpora/dev/nl/${f}`)).findings.filter((x) => x.ruleId === 'readability/section-score').length;
    } finally {
      String.prototype.localeCompare = original;
    }
    assert.ok(sectionFindings > 0, 'the reports have hard sections, whose words were ordered');
    assert.deepEqual(calls, []);
  });
});
