/**
 * What the client perspective keeps from one check to the next about the sections and its summary (speed only, cp37):
 * the sections' levels and roles as they were (to find their parents and the key sections without reading the last
 * check's sections) and the summary line when what it is made of is the same. After random edits in a warm engine
 * that rename headings to and from conclusions, discussion and recommendations, change their levels, nest them, and
 * add or take away client words and quotations, the perspective and the client findings must be those of a check
 * from scratch.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import type { Edit } from '../helpers/warm-edits.js';
import { clientPerspective } from '../../server/src/engine/rules/client/analysis.js';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';

const PIECES: Record<'nl' | 'en', string[]> = {
  nl: [
    '#',
    '\n\n## Conclusies\n\n',
    '\n\n### Conclusies\n\nDe cliënten waren tevreden.\n\n',
    '\n\n## Discussie\n\n',
    '\n\n### Aanbevelingen\n\nTeamleiders plannen een gesprek met professionals.\n\n',
    ' cliënten ',
    ' professionals ',
    ' Een bewoner zei: "Ik voelde me gehoord." ',
    'Conclusies ',
    '\n\n',
  ],
  en: [
    '#',
    '\n\n## Conclusions\n\n',
    '\n\n### Conclusions\n\nThe clients were satisfied.\n\n',
    '\n\n## Discussion\n\n',
    '\n\n### Recommendations\n\nManagers plan a meeting with the professionals.\n\n',
    ' clients ',
    ' professionals ',
    ' A resident said: "I felt heard." ',
    'Conclusions ',
    '\n\n',
  ],
};

/** Edits anywhere (editsOf: mostly a word or a line, some a paragraph's worth removed), of this language's pieces. */
const edits = (language: 'nl' | 'en'): fc.Arbitrary<Edit> => editsOf(PIECES[language], 300);

/** Sections of several levels, some key sections (some nested in one of the same role), with and without client words. */
function documentOf(language: 'nl' | 'en', sections: number): string {
  const titles =
    language === 'nl'
      ? ['Inleiding', 'Methode', 'Resultaten', 'Conclusies', 'Discussie', 'Aanbevelingen', 'Achtergrond', 'Conclusies']
      : ['Introduction', 'Method', 'Results', 'Conclusions', 'Discussion', 'Recommendations', 'Background', 'Conclusions'];
  const client = language === 'nl' ? 'Wij spraken met twaalf cliënten over hun ervaringen met de hulp. ' : 'We interviewed twelve clients about their experience of the support. ';
  const prof = language === 'nl' ? 'De professionals bespraken de uitkomsten in het team. ' : 'The professionals discussed the results in the team. ';
  const plain = language === 'nl' ? 'Dit hoofdstuk beschrijft de gang van zaken in de wijk. ' : 'This chapter describes how things went in the district. ';
  const out: string[] = [];
  for (let i = 0; i < sections; i++) {
    const level = i % 5 === 4 ? 3 : 2;
    out.push(`${'#'.repeat(level)} ${titles[i % titles.length]}`);
    out.push(i % 3 === 0 ? client + plain : i % 3 === 1 ? prof + plain : plain.repeat(2));
  }
  return out.join('\n\n');
}

/**
 * The state kept is the module's, shared by every engine: between the warm engine's check and the one from scratch,
 * another document with other sections and another summary is checked, so that the check from scratch cannot take the
 * warm check's state for its own (the same answer, wrong or not).
 */
function checkOther(): void {
  clearMarkdownCache();
  new Engine({}).lint('# Other\n\n## Conclusions\n\nThe clients said little.\n\n### Part\n\nThe professionals said more.\n', { path: 'other.md', language: 'en' });
}

function perspective(r: LintResult) {
  return { cp: clientPerspective(r.model), findings: r.findings.filter((f) => f.ruleId.startsWith('client/')), errors: r.errors };
}

describe('client perspective: sections kept by level and role and the summary kept equal a check from scratch', function () {
  this.timeout(180000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: random edits of headings, levels and client words in 30 sections`, () => {
      // (Series of up to six edits; another document checked before the check from scratch.)
      assertWarmEditsMatchFresh(documentOf(language, 30), { path: `kept-sections-${language}.md`, edits: edits(language), project: perspective, cacheSize: 4000, numRuns: 20, seed: language === 'nl' ? 373 : 374, maxEdits: 6, beforeFresh: checkOther });
    });
  }

  it('nl and en: a key section carries its count of professionals, the same as its perspective among the sections (dev corpus)', () => {
    // section-without-client reads the key section's own count (session 27): reading `sections` made every section's
    // perspective at every edit.
    const dev = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'dev');
    let seen = 0;
    for (const lang of ['nl', 'en']) {
      if (!existsSync(join(dev, lang))) continue;
      for (const f of readdirSync(join(dev, lang)).filter((x) => x.endsWith('.md'))) {
        const r = engineFor().engine.lint(readFileSync(join(dev, lang, f), 'utf8'), { path: f });
        const cp = clientPerspective(r.model);
        for (const k of cp.keySections) {
          assert.equal(k.professionalMentions, cp.sections[k.index]!.professionalMentions, `${f}: ${k.title}`);
          if (k.professionalMentions > 0) seen++;
        }
      }
    }
    if (existsSync(dev)) assert.ok(seen > 0, 'some key section mentions professionals');
  });

  it('en: headings renamed in place (the same levels, other roles) and client words moved between a key section and another give the sections and summary of a check from scratch', () => {
    const intro = 'This chapter describes how things went in the district.';
    const sections = (titles: string[], clientsIn: number) =>
      titles.map((t, i) => `## ${t}\n\n${intro} ${i === clientsIn ? 'The clients agreed with the plan.' : 'The team agreed with the plan.'}`).join('\n\n');
    const head = '# Report\n\n## Method\n\nWe interviewed twelve clients and six professionals about the support.\n\n' + Array.from({ length: 30 }, (_, i) => `## Part ${i + 1}\n\n${intro} Part ${i + 1} went well.`).join('\n\n');
    const steps = [
      sections(['Results', 'Conclusions', 'Appendix'], 1),
      sections(['Results', 'Conclusions', 'Appendix'], 2),
      sections(['Results', 'Conclusions', 'Appendix'], 0),
      sections(['Conclusions', 'Results', 'Appendix'], 0),
      sections(['Conclusions', 'Discussion', 'Appendix'], 0),
      sections(['Conclusions', 'Discussion', 'Recommendations'], 2),
      sections(['Results', 'Discussion', 'Recommendations'], 1),
      sections(['Results', 'Appendix', 'Recommendations'], 1),
      sections(['Results', 'Conclusions', 'Appendix'], 1),
    ];
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    const view = (r: LintResult) => {
      const cp = clientPerspective(r.model);
      return { summary: cp.summary, keySections: cp.keySections, verdict: cp.verdict };
    };
    for (const tail of steps) {
      const text = `${head}\n\n${tail}`;
      const got = view(warm.lint(text, { path: 'kept-sections-steps.md', language: 'en' }));
      checkOther();
      clearMarkdownCache();
      const fresh = view(new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: 'kept-sections-fresh.md', language: 'en' }));
      assert.deepEqual(got, fresh);
    }
  });
});
