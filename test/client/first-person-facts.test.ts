/**
 * A short paragraph in the first person singular outside quotation marks (an answer to a question put to a respondent)
 * is marked `firstPerson` in the client facts; one without first-person words is not, and neither is one with only the
 * authors' "we" (nl and en). The analyzer skips the singular look-up when the block holds no first-person words at all.
 */
import { strict as assert } from 'node:assert';
import type { ClientFacts } from '../../server/src/engine/rules/client/analyzer.js';
import { CLIENT_FACTS } from '../../server/src/engine/rules/client/analyzer.js';
import { check } from './helpers.js';

function firstPerson(text: string, language: 'nl' | 'en'): boolean[] {
  const { r } = check(text, { language });
  return r.model.blocks.map((b) => b.facts[CLIENT_FACTS] as ClientFacts | undefined).filter((f): f is ClientFacts => !!f && f.prose).map((f) => !!f.firstPerson);
}

describe('client facts: first person outside quotation marks', () => {
  it('marks a short first-person answer (nl)', () => {
    assert.deepEqual(firstPerson('Ik vond het lastig om een afspraak te maken.', 'nl'), [true]);
    assert.deepEqual(firstPerson('Mijn buurman hielp daarbij.', 'nl'), [true]);
  });

  it('marks a short first-person answer (en)', () => {
    assert.deepEqual(firstPerson('I found it hard to make an appointment.', 'en'), [true]);
    assert.deepEqual(firstPerson('My neighbour helped with that.', 'en'), [true]);
  });

  it('does not mark a paragraph without first-person words, or with only "we" (nl and en)', () => {
    assert.deepEqual(firstPerson('Het was lastig om een afspraak te maken.', 'nl'), [false]);
    assert.deepEqual(firstPerson('We vonden het lastig om een afspraak te maken.', 'nl'), [false]);
    assert.deepEqual(firstPerson('It was hard to make an appointment.', 'en'), [false]);
    assert.deepEqual(firstPerson('We found it hard to make an appointment.', 'en'), [false]);
  });
});
