/**
 * Cue pattern sets: neighbouring patterns that end in `*` share one ending in the combined
 * expression; every pattern must still match exactly what it matches on its own.
 */
import { strict as assert } from 'node:assert';
import { PatternSet } from '../../server/src/engine/practice/patterns.js';

/** What the set finds, checked against each pattern alone: the leftmost match, the first pattern there. */
function reference(patterns: string[], text: string): { text: string; index: number } | undefined {
  let best: { text: string; index: number; order: number } | undefined;
  patterns.forEach((p, order) => {
    const m = new PatternSet([p]).find(text);
    if (m && (!best || m.index < best.index || (m.index === best.index && order < best.order))) best = { text: m.text, index: m.index, order };
  });
  return best && { text: best.text, index: best.index };
}

const CASES: Array<{ patterns: string[]; texts: string[] }> = [
  {
    patterns: ['policy', 'policymaker*', 'policy maker*', 'manager*', 'director*', 'staff'],
    texts: [
      "The Managers' meeting agreed with the policy-makers.",
      'Our policymakers and the directorate met the staff.',
      'A policy maker’s view differs from the policy.',
      'Nothing here.',
    ],
  },
  {
    patterns: ['beleid*', 'beleidsmaker*', 'raad', 'wethouder*', 'gemeente'],
    texts: ['De beleidsmakers en de wethouders spraken met de raad.', 'In de voorraad lag het beleidsplan-concept.', 'Cliënten van de gemeente.'],
  },
];

describe('practice cue pattern sets', () => {
  for (const { patterns, texts } of CASES) {
    for (const text of texts) {
      it(`finds in "${text}" what its patterns find one by one`, () => {
        const found = new PatternSet(patterns).find(text);
        assert.deepEqual(found && { text: found.text, index: found.index }, reference(patterns, text));
        if (found) assert.ok(patterns.includes(found.pattern));
      });
    }
  }

  it('takes the whole word after a shared ending, apostrophes and hyphens included (en and nl)', () => {
    assert.equal(new PatternSet(['nurse*', 'manager*']).find("the Managers' office")?.text, "Managers'");
    assert.equal(new PatternSet(['wethouder*', 'beleid*']).find('de beleids-notitie')?.text, 'beleids-notitie');
    assert.equal(new PatternSet(['nurse*', 'manager*']).count('nurses, managers and a manager'), 3);
    assert.equal(new PatternSet(['raad', 'wethouder*']).test('de voorraad'), false);
  });
});
