/**
 * The role assignment goes on from the last one when only contents changed (sections.ts assignRoles, Assignment): after
 * any series of changes its roles, and the contents it notes as read, are those of an assignment from scratch.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { assignRoles, compileRoles, roleEntries } from '../../server/src/engine/sections.js';
import type { HeadingInfo } from '../../server/src/engine/sections.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { bundledDictionaries } from '../../server/src/workspace/dictionaries.js';

const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);

/** Titles with and without role words, questions, a sample size, a method named in a list, a late summary. */
const TITLES = ['Rapport over de robot', 'Inleiding', 'Methode', 'Emotional mapping', 'Design sketches', 'Gebruiker 1', 'Opbrengst', 'Wat vonden de bewoners?', 'Interviews (N=4)', 'Samenvatting', 'Conclusie', 'Aanbevelingen', 'Bijlage', 'Thema A', 'Thema B', 'Discussie', 'Literatuur', 'Over de wijk'];

/** Contents that decide a role by their text (findings, data collection, sources, answers, a list of methods) and others. */
const CONTENTS = [
  'Tekst.\n',
  'Wij gebruikten de volgende methoden:\n- Emotional mapping\n- Design sketches\n',
  'Speelt u wel eens bingo?\nJa, ik speel graag.\nWat vindt u van de robot?\nIk vind hem interessant.\nHoort u de nummers goed?\nIk hoor ze niet altijd.\n',
  'Uit de interviews bleek dat deelnemers vaak wachtten. Respondenten noemden de wachttijd. De resultaten laten zien dat het werkt.\n',
  'Volgens Jansen (2020) en De Vries (2019) is dat bekend (Pietersen, 2018). Eerder onderzoek (Klaassen, 2017) toont het.\n',
  'We hebben interviews afgenomen en enquêtes verstuurd. De dataverzameling liep via vragenlijsten en observaties.\n',
  'Een gewone alinea zonder aanwijzingen.\n',
  '',
];

const heading = fc.record({
  title: fc.constantFrom(...TITLES),
  level: fc.integer({ min: 1, max: 4 }),
  afterProse: fc.boolean(),
  content: fc.constantFrom(...CONTENTS),
});

/** A change of the list: mostly contents only (the assignment goes on), sometimes a title or level (from scratch). */
const change = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('content' as const), at: fc.nat(), content: fc.constantFrom(...CONTENTS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('title' as const), at: fc.nat(), title: fc.constantFrom(...TITLES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('level' as const), at: fc.nat(), level: fc.integer({ min: 1, max: 4 }) }) },
);

describe('sections: the role assignment resumed after content changes', function () {
  this.timeout(120_000);

  it('gives the roles and reads of an assignment from scratch after any series of changes (fast-check)', () => {
    const entries = roleEntries(vocabulary, 'nl');
    const warm = compileRoles(entries);
    let resumed = 0;
    fc.assert(
      fc.property(fc.array(heading, { minLength: 1, maxLength: 14 }), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (start, steps) => {
        let infos: HeadingInfo[] = start.map((h, i) => ({ ...h, afterProse: i > 0 || h.afterProse }));
        assignRoles(infos, warm, new Array(infos.length).fill(false));
        for (const step of steps) {
          // A new list of new objects, as the engine hands over (the last list is not changed).
          infos = infos.map((h) => ({ ...h }));
          for (const c of step) {
            const h = infos[c.at % infos.length]!;
            if (c.kind === 'content') {
              // A new string of the same text now and then, as a parse makes one.
              h.content = c.content === h.content && c.content.length > 0 ? `${c.content} `.slice(0, -1) : c.content;
              resumed++;
            } else if (c.kind === 'title') h.title = c.title;
            else h.level = c.level;
          }
          const read: boolean[] = new Array(infos.length).fill(false);
          const roles = assignRoles(infos, warm, read);
          const freshRead: boolean[] = new Array(infos.length).fill(false);
          // A vocabulary compiled anew has no last assignment: from scratch.
          const fresh = assignRoles(infos, compileRoles(entries), freshRead);
          assert.deepEqual(roles, fresh);
          assert.deepEqual(read, freshRead);
        }
      }),
      { numRuns: 400, seed: 37 },
    );
    assert.ok(resumed > 0);
  });

  it('hands out a list of its own: the next assignment does not change the roles a caller holds', () => {
    const vocab = compileRoles(roleEntries(vocabulary, 'nl'));
    const infos: HeadingInfo[] = [
      { title: 'Rapport', level: 1, afterProse: false, content: 'Tekst.\n' },
      { title: 'Methode', level: 2, afterProse: true, content: 'Tekst.\n' },
      { title: 'Thema A', level: 2, afterProse: true, content: CONTENTS[2] },
    ];
    const first = assignRoles(infos, vocab);
    const held = [...first];
    assignRoles(infos.map((h, i) => (i === 2 ? { ...h, content: CONTENTS[6] } : h)), vocab);
    assert.deepEqual(first, held);
  });
});
