import { describe, it } from 'mocha';
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { countText, numberMessage, numberText } from '../../server/src/engine/text/numbers.js';
import { config, md } from './helpers.js';

describe('numbers as each language writes them (engine/text/numbers.ts)', () => {
  it('whole numbers: digits in groups of three, as toLocaleString writes them for en and nl', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        assert.equal(numberText(n, 'en'), n.toLocaleString('en'));
        assert.equal(numberText(n, 'nl'), n.toLocaleString('nl'));
      }),
    );
    assert.deepEqual(numberMessage(96000), { en: '96,000', nl: '96.000' });
    assert.deepEqual(numberMessage(999), { en: '999', nl: '999' });
    assert.deepEqual(numberMessage(1278), { en: '1,278', nl: '1.278' });
  });

  it('decimals: the decimal sign of the language, with a fixed number of digits as toLocaleString writes them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (k) => {
        const x = k / 100;
        const two = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
        assert.equal(numberText(x, 'en', 2), x.toLocaleString('en', two));
        assert.equal(numberText(x, 'nl', 2), x.toLocaleString('nl', two));
      }),
    );
    assert.equal(numberText(12345.678, 'nl', 1), '12.345,7');
  });

  it("without a number of digits, the number's own: 6, 22.9, 2.33", () => {
    assert.deepEqual(numberMessage(6), { en: '6', nl: '6' });
    assert.deepEqual(numberMessage(22.9), { en: '22.9', nl: '22,9' });
    assert.deepEqual(numberMessage(2.33), { en: '2.33', nl: '2,33' });
    assert.deepEqual(numberMessage(-8.5), { en: '-8.5', nl: '-8,5' });
  });

  it('no minus sign before a number that rounds to zero; what is not a number stays as it is', () => {
    assert.equal(numberText(-0.001, 'en', 2), '0.00');
    assert.equal(numberText(-0.001, 'nl', 1), '0,0');
    assert.equal(numberText(Number.NaN, 'nl'), 'NaN');
    assert.equal(numberText(1e21, 'en'), '1e+21');
  });

  it('countText: the noun in the form that goes with the number', () => {
    assert.equal(countText(1, 'nl', 'zin', 'zinnen'), '1 zin');
    assert.equal(countText(0, 'en', 'sentence', 'sentences'), '0 sentences');
    assert.equal(countText(2, 'en', 'file', 'files'), '2 files');
    assert.equal(countText(1278, 'nl', 'woord', 'woorden'), '1.278 woorden');
  });
});

describe('messages with decimals: the decimal sign of their language', () => {
  // One paragraph of long words and long sentences: hard-paragraph and section-score report it with averages.
  const NL = `# Rapport\n\n## Resultaten\n\n${'De gemeentelijke beleidsmedewerkers onderzochten uitvoeringsmogelijkheden voor schuldhulpverleningsregelingen, inkomensondersteuningsvoorzieningen en arbeidsmarktparticipatiebevorderende maatregelen binnen organisatorische samenwerkingsverbanden. '.repeat(6)}\n`;
  const EN = `# Report\n\n## Results\n\n${'The municipal administrative organisations investigated implementation possibilities regarding institutional rehabilitation arrangements, supplementary income-maintenance provisions, and labour-market-participation-stimulating interventions within interorganisational collaborative partnerships. '.repeat(6)}\n`;
  for (const [language, text, decimal, wrong] of [['nl', NL, /\d,\d/, /\d\.\d/], ['en', EN, /\d\.\d/, /\d,\d/]] as const) {
    it(`${language}: hard-paragraph and section-score write their averages with ${language === 'nl' ? 'a comma' : 'a point'}`, () => {
      const r = md(text, { language, config: config({ audience: 'general' }) });
      const found = r.findings.filter((f) => f.ruleId === 'readability/hard-paragraph' || f.ruleId === 'readability/section-score');
      assert.ok(found.length > 0, 'no finding with averages');
      for (const f of found) {
        const m = f.message[language];
        assert.match(m, decimal, m);
        assert.doesNotMatch(m, wrong, m);
      }
    });
  }
});

describe('the client perspective when a text hardly names clients: its reason says "1 mention" and writes Dutch decimals', () => {
  // One client mention in ~600 words: 1.6 per 1,000 (not applicable: fewer than three mentions).
  const NL = `# Notitie\n\nEen cliënt belde. ${'Het team besprak de planning van de week en de verdeling van het werk over de afdelingen. '.repeat(35)}\n`;
  const EN = `# Note\n\nA client called. ${'The team discussed the planning of the week and the division of the work over the departments. '.repeat(35)}\n`;
  it('nl and en', () => {
    const nl = (md(NL, { language: 'nl' }).analyses.clientPerspective as { verdict: string; reasons: Array<{ nl: string; en: string }> });
    const en = (md(EN, { language: 'en' }).analyses.clientPerspective as { verdict: string; reasons: Array<{ nl: string; en: string }> });
    assert.equal(nl.verdict, 'not-applicable');
    assert.equal(en.verdict, 'not-applicable');
    assert.match(nl.reasons[0]!.nl, /\(1 keer, \d+,\d per 1\.000 woorden\)/);
    assert.match(en.reasons[0]!.en, /\(1 mention, \d+\.\d per 1,000 words\)/);
  });
});
