import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/index.js';
import { PROBES } from './helpers.js';

describe('engine smoke', () => {
  it('checks a Dutch Markdown document end to end', () => {
    const r = lint('# Titel\n\nEr wordt gekeken naar de gegevens. Dat is alles.\n', { path: 'a.md', config: PROBES }); // passive voice is off by default: the probes on
    assert.equal(r.language, 'nl');
    assert.equal(r.format, 'markdown');
    assert.ok(r.findings.some((f) => f.ruleId === 'readability/passive-voice'));
  });
});
