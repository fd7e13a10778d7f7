import { strict as assert } from 'node:assert';
import { config, run, vocabularyFindings } from './helpers.js';

/**
 * The jargon noise budget (issue 12, session-4 judgement): every term is reported once; warnings
 * go only to words with a plain equivalent that fits wherever they stand (derhalve, middels, prior
 * to) or a reviewed drop-in swap, those in the summary or conclusions first, at most
 * `warningsPer1000Words` (at least one per report). A content word (implementatie, implementation)
 * is information however often it comes back: frequency never makes a warning.
 */
const RULE = 'vocabulary/jargon';
// Since the session-5 judgement a word of a field or of academic writing without a reviewed swap
// (implementatie, onboarding) is a hint by default (test/vocabulary/field-words.test.ts). These tests
// probe the ranking and the labels with such words, so they show them (option fieldWords: shown).
const fieldShown = (raw: Record<string, unknown> = {}): Record<string, unknown> => {
  const rules = (raw.rules ?? {}) as Record<string, { options?: Record<string, unknown> }>;
  return { ...raw, rules: { ...rules, [RULE]: { ...rules[RULE], options: { fieldWords: 'shown', ...rules[RULE]?.options } } } };
};
const SHOWN = { config: config(fieldShown()) };

const severities = (text: string, language: 'nl' | 'en', raw: Record<string, unknown> = {}) =>
  Object.fromEntries(vocabularyFindings(run(text, language, { config: config(fieldShown(raw)) }), RULE).map((f) => [String(f.data!.matched).toLowerCase(), f.severity]));

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
    summary: ['# Rapport', '## Samenvatting', 'We stuurden de bewoners middels een brief een uitnodiging.', '## Resultaten', 'De implementatie liep goed in drie wijken. Bij de implementatie hielpen de klantmanagers derhalve mee.'],
  },
  en: {
    body: [
      '# Report',
      '## Findings',
      'The implementation went well in three districts.',
      'During the implementation the case workers helped, in order to save time.',
      'The implementation took more time than we thought.',
      'We wrote to the residents prior to the meetings.',
    ],
    repeated: 'implementation',
    once: ['in order to', 'prior to'],
    summary: ['# Report', '## Summary', 'We wrote to the residents prior to the meetings.', '## Findings', 'The implementation went well in three districts. During the implementation the case workers helped, in order to save time.'],
  },
} as const;

describe('vocabulary/jargon: warnings are ranked (noise budget)', () => {
  for (const language of ['nl', 'en'] as const) {
    const c = cases[language];
    it(`${language}: a short report gets one warning, for the first word with a plain equivalent; a content word used three times is information`, () => {
      const s = severities(c.body.join('\n\n'), language);
      assert.equal(s[c.repeated], 'info');
      assert.equal(s[c.once[0]], 'warning');
      assert.equal(s[c.once[1]], 'info');
      const ranked = vocabularyFindings(run(c.body.join('\n\n'), language, SHOWN), RULE).filter((f) => f.data!.ranked);
      assert.deepEqual(ranked.map((f) => String(f.data!.matched).toLowerCase()).sort(), [c.repeated, c.once[1]].sort());
    });

    it(`${language}: a word in the summary outranks one earlier elsewhere`, () => {
      const s = severities(c.summary.join('\n\n'), language);
      assert.equal(s[c.once[1]], 'warning');
      assert.equal(s[c.once[0]], 'info');
      assert.equal(s[c.repeated], 'info');
    });

    it(`${language}: the budget is an option; a configured severity still applies to every term`, () => {
      const s = severities(c.body.join('\n\n'), language, { rules: { [RULE]: { options: { warningsPer1000Words: 200 } } } });
      assert.deepEqual(s, { [c.repeated]: 'info', [c.once[0]]: 'warning', [c.once[1]]: 'warning' });
      const e = severities(c.body.join('\n\n'), language, { rules: { [RULE]: { severity: 'error' } } });
      assert.deepEqual(Object.values(e), ['error', 'error', 'error']);
    });
  }
});

/**
 * A content word that names something in a short list item, table cell or caption (a stage, a
 * feature of the report's product) is the readers' word: one quiet "accept?" hint, not a problem.
 */
describe('vocabulary/jargon: a word the report uses as a label is its readers\' word', () => {
  const labelled = {
    nl: {
      text: 'De app krijgt vier functies:\n\n- Kalender\n- Prioritering van taken\n- Badges\n\nDe taken worden eerst geprioriteerd met de MoSCoW-methode.\n',
      term: 'prioriteren',
      prose: 'De taken worden eerst geprioriteerd met de MoSCoW-methode. Daarna plannen we ze in.\n',
    },
    en: {
      text: 'Volunteers go through four stages:\n\n- Recruitment\n- Onboarding\n- Retention\n\nOnboarding new volunteers takes one afternoon.\n',
      term: 'onboarding',
      prose: 'Onboarding new volunteers takes one afternoon. Most stay for a year.\n',
    },
  } as const;
  for (const language of ['nl', 'en'] as const) {
    const c = labelled[language];
    it(`${language}: "${c.term}" in a short list item: one hint asking to accept it; in running text alone: a finding`, () => {
      const fs = vocabularyFindings(run(c.text, language, SHOWN), RULE).filter((f) => f.data!.term === c.term);
      assert.equal(fs.length, 1);
      assert.equal(fs[0]!.severity, 'hint');
      assert.equal(fs[0]!.data!.label, true);
      assert.match(language === 'nl' ? fs[0]!.message.nl : fs[0]!.message.en, language === 'nl' ? /naam van een onderdeel.*accepteer het dan/ : /names a part of this report.*accept it for this project/);
      assert.ok(fs[0]!.fixes[0]!.preferred && fs[0]!.fixes[0]!.configEdit);
      const plain = vocabularyFindings(run(c.prose, language, SHOWN), RULE).filter((f) => f.data!.term === c.term);
      assert.equal(plain.length, 1);
      assert.equal(plain[0]!.severity, 'info');
    });

    it(`${language}: a list item that is a sentence is prose, not a label`, () => {
      const text = language === 'nl' ? '- De gemeente zal de aanvragen eerst prioriteren op urgentie.\n' : '- New volunteers are onboarded in a single afternoon by the coordinator.\n';
      const fs = vocabularyFindings(run(text, language, SHOWN), RULE).filter((f) => f.data!.term === (language === 'nl' ? 'prioriteren' : 'onboarding'));
      assert.equal(fs.length, 1);
      assert.notEqual(fs[0]!.severity, 'hint');
      assert.equal(fs[0]!.data!.label, undefined);
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
