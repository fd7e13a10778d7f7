/**
 * Practice units from scratch against a plain reading of their blocks (engine/practice/units.ts): a unit's text is its
 * sentence with every run of white space as one space, trimmed (the units replace only the runs that are not one
 * space already), and its plan mark is its section's or the plan cues' answer on its text (asked when read, not when
 * the unit is made). Each checked against a reference written out here, in Dutch and English.
 */
import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/index.js';
import { practiceLexicon } from '../../server/src/engine/practice/lexicon.js';
import { RegexMatcher } from '../../server/src/engine/practice/patterns.js';
import { sectionMarks, unitsOf } from '../../server/src/engine/practice/units.js';

const DOCS = {
  nl: [
    '# Rapport',
    'Wij  spraken\tveertig cliënten\u00a0in de wijk.\nDe teamleiders zullen\n  volgend jaar\u2028twintig cliënten spreken.  Het team  werkt samen met de gemeente.',
    '- Teamleiders plannen\t\telk kwartaal\n   een gesprek.\n- Een\u3000item met   spaties.',
    '## Onderzoeksvoorstel',
    'De wijkteams\nspreken de wethouder. Er  gaat iets\tgedaan worden.',
  ].join('\n\n'),
  en: [
    '# Report',
    'We  interviewed\tforty clients\u00a0in the district.\nThe managers will\n  meet twenty clients next year.  The team  works with the council.',
    '- Managers plan\t\ta meeting\n   each quarter.\n- An\u3000item with   spaces.',
    '## Research proposal',
    'The district teams\nmeet the councillor. Nothing  is\tdecided here.',
  ].join('\n\n'),
};

for (const lang of ['nl', 'en'] as const) {
  describe(`practice units from scratch (${lang})`, () => {
    const r = lint(DOCS[lang], { path: 'doc.md', language: lang });
    const lex = practiceLexicon(lang);
    const units = unitsOf(r.model, lex);

    it('gives each sentence its text with white space runs as one space, trimmed', () => {
      const expected: string[] = [];
      for (const b of r.model.blocks) {
        const pb = b.analysed.block;
        if (pb.skip || pb.kind === 'tableCell') continue;
        const spans = pb.kind === 'heading' || b.analysed.sentences.length === 0 ? [[0, pb.text.length]] : b.analysed.sentences.map((s) => [s.start, s.end]);
        for (const [start, end] of spans) {
          const t = pb.text.slice(start, end).replace(/\s+/g, ' ').trim();
          if (/\p{L}/u.test(t)) expected.push(t);
        }
      }
      assert.deepEqual(units.map((u) => u.text), expected);
      // The document has runs to replace: tabs, line breaks, no-break and ideographic spaces, several spaces.
      assert.ok(units.some((u) => u.text.includes('cliënten in de wijk') || u.text.includes('clients in the district')));
    });

    it('marks a unit as a plan by its section or by the plan cues on its text', () => {
      const plans = new RegexMatcher(lex.data.plan);
      const { planSection } = sectionMarks(r.model.sections, lex);
      const marks = units.map((u) => u.plan);
      assert.deepEqual(
        marks,
        units.map((u) => (u.section >= 0 && planSection[u.section]!) || plans.find(u.text) !== undefined),
      );
      // Both kinds and neither occur: a plan sentence, a proposal section, and sentences that are no plan.
      assert.ok(marks.includes(true) && marks.includes(false));
      assert.ok(units.some((u) => u.plan && !(u.section >= 0 && planSection[u.section]!)));
    });
  });
}
