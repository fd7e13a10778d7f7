import { strict as assert } from 'node:assert';
import { config, run, vocabularyFindings } from './helpers.js';

/**
 * The jargon noise budget (issue 12): every term is reported once, but only the terms that weigh
 * most for the reader (most uses; in the summary or conclusions) are warnings, at most
 * `warningsPer1000Words` (at least one per report). The rest are information.
 */
const RULE = 'vocabulary/jargon';

const severities = (text: string, language: 'nl' | 'en', raw: Record<string, unknown> = {}) =>
  Object.fromEntries(vocabularyFindings(run(text, language, { config: config(raw) }), RULE).map((f) => [String(f.data!.matched).toLowerCase(), f.severity]));

const cases = {
  nl: {
    // "implementatie" three times, "derhalve" and "middels" once each.
    body: [
      '# Rapport',
      '## Resultaten',
      'De implementatie liep goed in drie wijken.',
      'Bij de implementatie hielpen de klantmanagers derhalve mee.',
      'De implementatie kostte wel meer tijd dan gedacht.',
      'We stuurden de bewoners middels een brief een uitnodiging.',
    ],
    repeated: 'implementatie',
    once: ['derhalve', 'middels'],
    summary: ['# Rapport', '## Samenvatting', 'We stuurden de bewoners middels een brief een uitnodiging.', '## Resultaten', 'De implementatie liep goed in drie wijken. Bij de implementatie hielpen de klantmanagers mee.'],
  },
  en: {
    body: [
      '# Report',
      '## Findings',
      'The implementation went well in three districts.',
      'During the implementation the case workers helped to facilitate the meetings.',
      'The implementation took more time than we thought.',
      'We wrote to the residents prior to the meetings.',
    ],
    repeated: 'implementation',
    once: ['facilitate', 'prior to'],
    summary: ['# Report', '## Summary', 'We wrote to the residents prior to the meetings.', '## Findings', 'The implementation went well in three districts. During the implementation the case workers helped.'],
  },
} as const;

describe('vocabulary/jargon: warnings are ranked (noise budget)', () => {
  for (const language of ['nl', 'en'] as const) {
    const c = cases[language];
    it(`${language}: a short report gets one warning, for the term that comes back most; the others are information, still reported once`, () => {
      const s = severities(c.body.join('\n\n'), language);
      assert.equal(s[c.repeated], 'warning');
      for (const t of c.once) assert.equal(s[t], 'info', t);
      const ranked = vocabularyFindings(run(c.body.join('\n\n'), language), RULE).filter((f) => f.data!.ranked);
      assert.deepEqual(ranked.map((f) => String(f.data!.matched).toLowerCase()).sort(), [...c.once].sort());
    });

    it(`${language}: a term in the summary outranks one used twice elsewhere`, () => {
      const s = severities(c.summary.join('\n\n'), language);
      assert.equal(s[c.once[1]], 'warning');
      assert.equal(s[c.repeated], 'info');
    });

    it(`${language}: the budget is an option; a configured severity still applies to every term`, () => {
      const s = severities(c.body.join('\n\n'), language, { rules: { [RULE]: { options: { warningsPer1000Words: 200 } } } });
      assert.deepEqual(Object.values(s), ['warning', 'warning', 'warning']);
      const e = severities(c.body.join('\n\n'), language, { rules: { [RULE]: { severity: 'error' } } });
      assert.deepEqual(Object.values(e), ['error', 'error', 'error']);
    });
  }
});

describe('vocabulary/mixed-terms: the message names the other words, never the flagged word itself', () => {
  it('nl: "schuldhulp" in the title against "schuldhulpverlening" three times', () => {
    const text = '# Evaluatie schuldhulp\n\nDe gemeente biedt schuldhulpverlening aan. Veel inwoners kennen de schuldhulpverlening niet. De schuldhulpverlening is gratis.\n';
    const f = vocabularyFindings(run(text, 'nl', { config: config({ rules: { 'vocabulary/mixed-terms': { options: { nearSynonyms: true } } } }) }), 'vocabulary/mixed-terms');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message.nl, /^"schuldhulp": dit document gebruikt voor hetzelfde ook "schuldhulpverlening" \(3×\)\./);
  });

  it('en: the minority spelling names the majority spelling only', () => {
    const text = '# Report\n\nSocioeconomic status matters. We measured socioeconomic status twice. One socio-economic factor stood out.\n';
    const f = vocabularyFindings(run(text, 'en'), 'vocabulary/mixed-terms');
    assert.equal(f.length, 1);
    assert.doesNotMatch(f[0]!.message.en, /also says "socio-economic"/);
    assert.match(f[0]!.message.en, /also says "socioeconomic" \(2×\) for the same thing/);
  });
});
