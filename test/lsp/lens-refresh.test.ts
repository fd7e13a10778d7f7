/**
 * The server asks the client to refresh its code lenses when what they show of the sections changed (documents.ts
 * lensChanged: each section's offset, words and score, and the message language, compared number by number with the
 * last check's). It must ask exactly when the key it made before did: those numbers written as text and joined.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lensChanged } from '../../server/src/lsp/documents.js';
import type { Language, Section } from '../../server/src/engine/types.js';

/** The key the server compared before (documents.ts until session 20). */
const keyOf = (sections: readonly Section[], ui: Language) => sections.map((s) => `${s.offset}:${s.metrics.words}:${s.metrics.score}`).join(',') + ui;

const number = fc.oneof(fc.constantFrom(0, -0, 1, 2, NaN, 42.5, 100), fc.nat({ max: 5 }), fc.double({ noDefaultInfinity: false }));
const section = fc.record({ offset: number, words: number, score: number }).map(({ offset, words, score }) => ({ offset, metrics: { words, score } }) as unknown as Section);

describe('lsp: code lenses are refreshed when their sections change', () => {
  it('asks for a refresh exactly when the joined key of offsets, words and scores (and the language) changed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sections: fc.array(section, { maxLength: 6 }), edit: fc.nat({ max: 2 }), ui: fc.constantFrom<Language>('nl', 'en', 'en', 'en') }), { minLength: 1, maxLength: 12 }),
        (checks) => {
          const st: { lens?: Float64Array; lensUi?: Language } = {};
          let key: string | undefined;
          let last: Section[] = [];
          for (const c of checks) {
            // Often the last check's sections again, or with one number changed, as an edit makes them.
            let sections = c.sections;
            if (c.edit === 1) sections = last;
            else if (c.edit === 2 && last.length) sections = last.map((s, i) => (i === 0 ? ({ ...s, metrics: { ...s.metrics, words: s.metrics.words + 1 } } as Section) : s));
            const now = keyOf(sections, c.ui);
            assert.equal(lensChanged(st, sections, c.ui), now !== key, `${key} -> ${now}`);
            key = now;
            last = sections;
          }
        },
      ),
      { numRuns: 500, seed: 36 },
    );
  });
});
