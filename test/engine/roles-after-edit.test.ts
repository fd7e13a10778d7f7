/**
 * Section roles after an edit (engine.ts headingRoles): the last roles stand while every heading's title, level and place
 * are the same and the contents the role assignment read are too (sections.ts assignRoles `contentRead`); a section's
 * text that no rule of the assignment looked at may change. After any series of edits, the roles of a check from scratch.
 */
import { strict as assert } from 'node:assert';
import { assignRoles, roleVocabularyOf } from '../../server/src/engine/sections.js';
import type { HeadingInfo } from '../../server/src/engine/sections.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { bundledDictionaries } from '../../server/src/workspace/dictionaries.js';
import { editsOf, assertWarmEditsMatchFresh } from '../helpers/warm-edits.js';
import { Engine } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);

/** A report without a method: a section of questions with their answers records what someone said (three pairs at least). */
function interviews(lang: 'nl' | 'en'): string {
  const qa = lang === 'nl' ? ['**Speelt u wel eens bingo?**', 'Ja, ik speel graag.', '**Wat vindt u van de robot?**', 'Interessant.', '**Hoort u de nummers goed?**', 'Niet altijd.'] : ['**Do you play bingo?**', 'Yes, I like it.', '**What do you think of the robot?**', 'Interesting.', '**Can you hear the numbers?**', 'Not always.'];
  const user = lang === 'nl' ? 'Gebruiker' : 'User';
  const parts = [lang === 'nl' ? '# Rapport over de robot' : '# Robot bingo', lang === 'nl' ? 'Tekst.' : 'Text.', `## ${user} 1`, ...qa.slice(0, 4), `## ${user} 2`, ...qa, `## ${user} 3`, 'Tekst.', ...qa.slice(2)];
  return `${parts.join('\n\n')}\n`;
}

function report(lang: 'nl' | 'en'): string {
  const nl = [
    '# Rapport over de robot',
    'Tekst van de inleiding.',
    '## Methode',
    'Wij gebruikten de volgende methoden:',
    '- Emotional mapping\n- Design sketches',
    '## Gebruiker 1',
    '**Speelt u wel eens bingo?**',
    'Ja, ik speel graag.',
    '**Wat vindt u van de robot?**',
    'Interessant.',
    '**Hoort u de nummers goed?**',
    'Niet altijd.',
    '## Emotional mapping',
    'Tekst over de kaart.',
    '## Opbrengst',
    'Uit de interviews bleek dat deelnemers vaak wachtten. Respondenten noemden de wachttijd; volgens Jansen (2020) is dat bekend.',
    '## Conclusie',
    'Tekst.',
  ];
  const en = [
    '# Robot bingo',
    'Text of the introduction.',
    '## Method',
    'We used these methods:',
    '- Emotional mapping\n- Design sketches',
    '## User 1',
    '**Do you play bingo?**',
    'Yes, I like it.',
    '**What do you think of the robot?**',
    'Interesting.',
    '**Can you hear the numbers?**',
    'Not always.',
    '## Emotional mapping',
    'Text about the map.',
    '## Yield',
    'The interviews showed that participants often waited. Respondents named the waiting time; according to Smith (2020) this is known.',
    '## Conclusion',
    'Text.',
  ];
  return `${(lang === 'nl' ? nl : en).join('\n\n')}\n`;
}

const PIECES = [
  '\n\n**Waarom?**\n\nOmdat het kan.\n\n',
  '\n\n**Why?**\n\nBecause it can.\n\n',
  '\n\n- Design sketches\n- Card sorting\n\n',
  'We used these methods:\n\n- Card sorting\n\n',
  ' Uit de interviews bleek het; respondenten zeiden het. ',
  ' The interviews showed it; respondents said so. ',
  ' (Jansen, 2019) ',
  '\n\n## Interviews\n\n',
  'extra words ',
  '\n\n',
];

describe('engine: section roles after an edit', function () {
  this.timeout(300_000);

  it('assignRoles notes the headings whose content it read: those it placed by their text, not those its words name', () => {
    const infos: HeadingInfo[] = [
      { title: 'Rapport over de robot', level: 1, afterProse: false, content: 'Tekst.\n' },
      { title: 'Methode', level: 2, afterProse: true, content: 'Wij gebruikten de volgende methoden:\n- Emotional mapping\n' },
      { title: 'Gebruiker 1', level: 2, afterProse: true, content: 'Speelt u wel eens bingo?\nJa.\nWat vindt u van de robot?\nInteressant.\nHoort u de nummers goed?\nNiet altijd.\n' },
      { title: 'Conclusie', level: 2, afterProse: true, content: 'Tekst.\n' },
    ];
    const read: boolean[] = new Array(infos.length).fill(false);
    const roles = assignRoles(infos, roleVocabularyOf(vocabulary, 'nl'), read);
    assert.deepEqual(roles, ['title', 'method', 'results', 'conclusion']);
    // The method section's list names the methods (read); the interview's answers make it a finding (read); the title and
    // the conclusion take their roles from their headings.
    assert.deepEqual(read, [false, true, true, false]);
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`${lang}: an answered question added to a section of two makes it a record of answers, and removing it undoes that`, () => {
      const warm = engineFor().engine;
      const base = interviews(lang);
      const answer = lang === 'nl' ? 'Interessant.' : 'Interesting.';
      const more = base.replace(answer, `${answer}\n\n${lang === 'nl' ? '**Waarom?**\n\nOmdat het kan.' : '**Why?**\n\nBecause it can.'}`);
      const roles = (text: string, engine: Engine) => engine.lint(text, { path: 'roles-after-edit.md' }).sections.map((s) => s.role);
      assert.deepEqual(roles(base, warm), ['title', 'other', 'results', 'other']);
      assert.deepEqual(roles(more, warm), ['title', 'results', 'results', 'other']);
      assert.deepEqual(roles(more, new Engine({ vocabulary: warm.vocabulary })), ['title', 'results', 'results', 'other']);
      assert.deepEqual(roles(base, warm), ['title', 'other', 'results', 'other']);
    });

    for (const [name, doc] of [['a report with a method', report], ['interviews without a method', interviews]] as const) {
      it(`${lang}, ${name}: the roles equal a check from scratch after edits in sections whose text decides their role and in others (fast-check)`, () => {
        assertWarmEditsMatchFresh(doc(lang), {
          path: `roles-after-edit-${lang}-${doc.name}.md`,
          edits: editsOf(PIECES),
          project: (r) => r.sections.map((s) => [s.title, s.role]),
          cacheSize: 5000,
          numRuns: 50,
          seed: lang === 'nl' ? 31 : 313,
        });
      });
    }
  }
});
