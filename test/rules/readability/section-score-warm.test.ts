/**
 * readability/section-score keeps the metrics of each section's running text from the last check while the section
 * has the same counts in the same language (section-score.ts sectionMetrics), and the lists of paragraphs it places
 * the sections' paragraphs with from one check to the next (written over). After each edit, warm, its findings must be
 * those of a fresh engine: an edit that changes a section's counts by one word, one that changes its language (the
 * same number of words), and sections added and removed (the indices shift).
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../../server/src/engine/engine.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { addCounts, emptyCounts, metricsOf } from '../../../server/src/engine/text/metrics.js';

/** A long sentence ending in long words: a section of three scores below its target (and above 0, where the scale stops). */
const MID = {
  nl: 'Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp die zij kregen van de gemeente, die vaak te laat kwam omdat de aanvraag door veel verschillende loketten moest en niemand het overzicht had over de afspraken',
  en: 'We interviewed forty clients in the neighbourhood about their debts and about the support they received from the municipality, which often arrived too late because the application had to pass through many different counters and nobody had an overview',
};
const END = {
  nl: "en de schuldhulpverleningsorganisaties en maatschappelijke dienstverleningsinstellingen onderschrijven de professionaliseringsinspanningen en kwaliteitsverbeteringsprogramma's voor kwetsbare huishoudens.",
  en: 'and debt-counselling organisations and community-service providers acknowledge the professionalisation programmes for vulnerable households.',
};
const HARD = { nl: `${MID.nl}, ${END.nl}`, en: `${MID.en}, ${END.en}` };

function report(language: 'nl' | 'en', sections: number): string[] {
  const out: string[] = [language === 'nl' ? '# Rapport' : '# Report'];
  for (let s = 0; s < sections; s++) {
    out.push(`## ${language === 'nl' ? 'Hoofdstuk' : 'Chapter'} ${s + 1}`);
    for (let p = 0; p < 3; p++) out.push(`${HARD[language]} (${s}.${p})`);
  }
  return out;
}

const scores = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'readability/section-score').map((f) => JSON.stringify(f));

/**
 * Each finding's score worked out here from the result's blocks (every paragraph of these reports is running text): the
 * paragraphs that start in the section's range, in its language. (The fresh engine shares the rule's module with the
 * warm one, so this is what would show a score kept from another check.)
 */
function assertScores(r: LintResult, what: string): void {
  for (const f of r.findings.filter((x) => x.ruleId === 'readability/section-score')) {
    const s = r.sections.find((x) => x.offset === f.offset)!;
    const c = emptyCounts();
    for (const b of r.blocks) {
      const o = b.toDocument(0, 0).offset;
      if (b.analysed.block.kind === 'paragraph' && o >= s.offset && o < s.contentEnd && b.analysed.language === s.language) addCounts(c, b.analysed.counts);
    }
    assert.equal((f.data as { score: number }).score, metricsOf(c, s.language).score, `${what}: ${s.title}`);
  }
}

describe('readability/section-score: kept section metrics after edits equal a fresh check', function () {
  this.timeout(60_000);

  for (const language of ['nl', 'en'] as const) {
    const other = language === 'nl' ? 'en' : 'nl';
    it(`${language}: a word added, a section's language changed, sections added and removed`, () => {
      const engine = new Engine();
      const lines = report(language, 6);
      const check = (what: string) => {
        const text = `${lines.join('\n\n')}\n`;
        const warm = engine.lint(text, { path: `warm-${language}.md` });
        clearMarkdownCache();
        const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(text, { path: `fresh-${language}.md` });
        assert.deepEqual(scores(warm), scores(fresh), what);
        assertScores(warm, what);
        return scores(warm);
      };
      const first = check('first check');
      assert.ok(first.length >= 5, `section-score findings: ${first.length}`);
      assert.ok(first.every((f) => JSON.parse(f).data.score > 0), 'scores above the end of the scale');
      // One word more in a paragraph of chapter 3 (index 1 + 2 * 4 + 1): its counts change, not its language.
      lines[10] = lines[10]!.replace(' (', language === 'nl' ? ' en nog meer ondersteuningsmogelijkheden (' : ' and many further opportunities (');
      const second = check('a word added');
      assert.notDeepEqual(second, first, 'the edited section scores otherwise');
      // Chapter 4's paragraphs in the other language: the same section index, counts of the other language.
      for (const k of [14, 15, 16]) lines[k] = `${HARD[other]} (${k})`;
      check("a section's language changed");
      // A section added before them and one removed: the sections move to other indices.
      lines.splice(2, 0, `## ${language === 'nl' ? 'Inleiding' : 'Introduction'}`, `${HARD[language]} (new)`, `${HARD[language]} ${HARD[language]} (new 2)`);
      check('a section added');
      lines.splice(8, 4);
      check('a section removed');
      lines[lines.length - 1] = lines[lines.length - 1]!.replace(' (', ' en ook (');
      check('a word in the last section');
    });
  }

  // Speed only (session 12): the runs before an edit whose blocks are the last check's objects keep their paragraphs (and
  // long-sentence its sections' findings). An edit of a link's address changes no block's text, so every run is the same
  // (RunSlots), but every block after the link moves: by far more than a section's length here, so that a paragraph at
  // its old place would count for the section before.
  it("nl + en: a link's address made longer and shorter again (the same texts, the blocks after it moved)", () => {
    for (const language of ['nl', 'en'] as const) {
      const engine = new Engine();
      const lines = report(language, 6);
      const link = (url: string) => `${HARD[language]} [${language === 'nl' ? 'bron' : 'source'}](https://example.org/${url})`;
      const project = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'readability/section-score' || f.ruleId === 'readability/long-sentence').map((f) => JSON.stringify(f));
      const urls = ['a', 'a'.repeat(4000), 'b', 'b'.repeat(2500), 'c'];
      const texts = urls.map((url) => {
        lines[3] = link(url);
        return `${lines.join('\n\n')}\n`;
      });
      // The warm checks one after the other (no other document checked between them: the rules' runs are the last
      // document's), then each text from scratch.
      const warm = texts.map((text) => engine.lint(text, { path: `link-${language}.md` }));
      const shapes: string[][] = [];
      for (let k = 0; k < texts.length; k++) {
        clearMarkdownCache();
        const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(texts[k]!, { path: `fresh-link-${language}.md` });
        assert.deepEqual(project(warm[k]!), project(fresh), `${language}: address of ${urls[k]!.length} characters`);
        assertScores(warm[k]!, `${language}: address of ${urls[k]!.length} characters`);
        shapes.push(project(warm[k]!));
      }
      assert.ok(shapes[0]!.some((f) => JSON.parse(f).ruleId === 'readability/section-score') && shapes[0]!.some((f) => JSON.parse(f).ruleId === 'readability/long-sentence'), 'findings of both rules');
    }
  });
});

describe("readability/section-score: a section's drivers after edits elsewhere equal a fresh check", function () {
  this.timeout(60_000);

  // What drives a section's score is kept from the last check while its paragraphs are the same and each long word it
  // met is on the same side of termUses in the document (section-score.ts drivers): an edit in another section that
  // makes a rare long word of this one the report's own term (three uses) changes its drivers.
  it('en: a rare long word becomes the report’s own term through uses in another section, and rare again', () => {
    const WORD = 'institutionalisation';
    const engine = new Engine();
    const lines = report('en', 4);
    // Chapter 2's first paragraph (index 1 + 1 * 4 + 1) has the word once.
    lines[6] = lines[6]!.replace(' (', ` and ${WORD} (`);
    const findingOf = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'readability/section-score').map((f) => f.data as { longWords: string[]; ownTerms: string[] });
    // The warm checks one after the other (a fresh check between them would be the rule's last check), then each
    // compared with a fresh one.
    const texts: string[] = [];
    const warm: LintResult[] = [];
    const step = () => {
      texts.push(`${lines.join('\n\n')}\n`);
      warm.push(engine.lint(texts.at(-1)!, { path: 'warm-drivers.md' }));
    };
    step();
    // Two uses in chapter 4: three in the report, the report's own term now.
    lines[14] = lines[14]!.replace(' (', ` and ${WORD} and ${WORD} again (`);
    step();
    // One of them gone: rare again in chapter 2 (and in chapter 4).
    lines[14] = lines[14]!.replace(` and ${WORD} again (`, ' again (');
    step();
    for (let k = 0; k < texts.length; k++) {
      clearMarkdownCache();
      const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(texts[k]!, { path: `fresh-drivers-${k}.md` });
      assert.deepEqual(scores(warm[k]!), scores(fresh), `step ${k}`);
    }
    const uses = (r: LintResult) => findingOf(r).filter((d) => d.ownTerms.includes(WORD)).length + findingOf(r).filter((d) => d.longWords.includes(WORD)).length * 10;
    assert.deepEqual(warm.map(uses), [10, 2, 20], 'rare in chapter 2; an own term of chapters 2 and 4; rare again');
  });
});
