import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/index.js';

describe('engine smoke', () => {
  it('checks a Dutch Markdown document end to end', () => {
    const r = lint('# Titel\n\nEr wordt gekeken naar de gegevens. Dat is alles.\n', { path: 'a.md' });
    assert.equal(r.language, 'nl');
    assert.equal(r.format, 'markdown');
    assert.ok(r.findings.some((f) => f.ruleId === 'readability/passive-voice'));
  });
});
