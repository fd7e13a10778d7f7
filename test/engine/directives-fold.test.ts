import { strict as assert } from 'node:assert';
import { md, of } from './helpers.js';

describe('directives and terms reported once per report', () => {
  for (const [language, sentence] of [
    ['nl', 'De implementatie van de regeling liep goed.'],
    ['en', 'The implementation of the scheme went well.'],
  ] as const) {
    it(`a term whose first use is switched off is reported at its next use (${language})`, () => {
      const text = `# Rapport\n\n<!-- brug-disable vocabulary/jargon -->\n\n${sentence}\n\n<!-- brug-enable vocabulary/jargon -->\n\n${sentence}\n\n${sentence}\n`;
      const r = md(text, { language });
      const found = of(r, 'vocabulary/jargon');
      assert.equal(found.length, 1);
      const second = text.indexOf(sentence, text.indexOf('brug-enable'));
      assert.ok(found[0]!.offset > second && found[0]!.offset < second + sentence.length, 'at the second use');
      for (const fix of found[0]!.fixes) for (const e of fix.edits) assert.ok(e.offset > text.indexOf('brug-enable'), 'no fix edits the switched-off place');
    });
  }
});
