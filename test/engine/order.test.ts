/** compareWords: the order of localeCompare, without loading ICU's collation data for plain words. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compareWords } from '../../server/src/engine/text/order.js';

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
});
