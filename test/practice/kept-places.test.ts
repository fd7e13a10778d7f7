/**
 * Two pieces of state the practice card keeps from one check to the next (speed only, cp37): the places and lines of
 * the units quoted as evidence, kept where the engine kept their blocks before the edit, and the ranking of the sections
 * that readability quotes (the hardest three), corrected by the sections whose metrics changed. After random edits in a
 * warm engine the card must be that of a check from scratch: edits that add or remove lines before evidence, change a
 * section's score (hard words added, sentences split), add or remove headings, and rename them.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdit, editsOf } from '../helpers/warm-edits.js';
import type { Edit } from '../helpers/warm-edits.js';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import { practiceFit } from '../../server/src/engine/practice/analysis.js';

const PIECES: Record<'nl' | 'en', string[]> = {
  nl: [
    'extra ',
    '\n\n',
    '\n',
    ' onwaarschijnlijkheidsberekeningsmethodologie beleidsimplementatievraagstukken ',
    '. Kort. ',
    '\n\n## Nieuw hoofdstuk\n\n',
    '\n\n### Onderdeel\n\nDe uitkomsten zijn besproken met consulenten uit de praktijk.\n\n',
    'De uitkomsten zijn besproken met consulenten uit de praktijk. ',
  ],
  en: [
    'extra ',
    '\n\n',
    '\n',
    ' incomprehensibility institutionalisation counterrevolutionary ',
    '. Short. ',
    '\n\n## New chapter\n\n',
    '\n\n### Part\n\nThe results were discussed with practitioners.\n\n',
    'The results were discussed with practitioners. ',
  ],
};

/** Edits anywhere (editsOf: mostly a word or a line, some a paragraph's worth removed), of this language's pieces. */
const edits = (language: 'nl' | 'en'): fc.Arbitrary<Edit> => editsOf(PIECES[language], 400);

/** Sections of some 100 words, of easy and hard prose by turns (scores apart and some equal), with cue sentences. */
function documentOf(language: 'nl' | 'en', sections: number): string {
  const easy = language === 'nl' ? 'Wij gaan naar huis. Het is laat. De kat slaapt. ' : 'We go home. It is late. The cat sleeps. ';
  const hard =
    language === 'nl'
      ? 'De beleidsimplementatie van gemeentelijke schuldhulpverleningsregelingen veronderstelt institutionele samenwerkingsverbanden tussen uitvoeringsorganisaties en maatschappelijke dienstverleners. '
      : 'The institutional implementation of municipal debt-assistance arrangements presupposes organisational collaboration between administrative agencies and professional service providers. ';
  const cue = language === 'nl' ? 'De uitkomsten van deze ronde zijn besproken met consulenten uit de praktijk. ' : 'The results of this round were discussed with practitioners. ';
  const out: string[] = [];
  for (let i = 0; i < sections; i++) {
    out.push(`## ${language === 'nl' ? 'Hoofdstuk' : 'Chapter'} ${i + 1}`);
    const kind = i % 4;
    const body = kind === 0 ? easy.repeat(8) : kind === 1 ? hard.repeat(5) : kind === 2 ? (hard + easy).repeat(4) : hard.repeat(5);
    out.push(body + (i % 3 === 1 ? cue : ''));
    if (i % 5 === 2) out.push(`${cue}\n${easy}`);
  }
  return out.join('\n\n');
}

/**
 * The ranking kept is the module's, shared by every engine: between the warm engine's check and the one from scratch,
 * a document with other sections is checked, so that the check from scratch cannot start from the warm check's ranking.
 */
function checkOther(language: 'nl' | 'en'): void {
  clearMarkdownCache();
  new Engine({}).lint(documentOf(language, 3), { path: 'other.md', language });
}

/** Series of edits of `base` in a warm engine give what a check from scratch gives (after another document's check). */
function assertWarmEqualsFresh<T>(language: 'nl' | 'en', base: string, path: string, project: (r: LintResult) => T, numRuns: number, seed: number): void {
  const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
  warm.lint(base, { path, language });
  fc.assert(
    fc.property(fc.array(edits(language), { minLength: 1, maxLength: 6 }), (series) => {
      let text = base;
      let last: LintResult | undefined;
      for (const e of series) {
        text = applyEdit(text, e);
        last = warm.lint(text, { path, language });
      }
      const got = project(last!);
      checkOther(language);
      clearMarkdownCache();
      assert.deepEqual(got, project(new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${path}`, language })));
    }),
    { numRuns, seed },
  );
}

function card(r: LintResult) {
  return { fit: practiceFit(r.model), errors: r.errors };
}

describe('practice card: places kept before an edit and the readability ranking corrected equal a check from scratch', function () {
  this.timeout(180000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: random edits of 40 sections of easy and hard prose with cue sentences`, () => {
      assertWarmEqualsFresh(language, documentOf(language, 40), `kept-${language}.md`, card, 15, language === 'nl' ? 371 : 372);
    });
  }
});
