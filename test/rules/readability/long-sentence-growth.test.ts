/**
 * long-sentence takes a section as at the last check without reading its runs and blocks again when its blocks are the
 * last check's block objects at the same indices, after the edited stretch too (an edit that replaces as many characters
 * as it removes moves nothing after it: long-sentence.ts SameBlocks, ls37), and takes a section's sources as its state's
 * when the state served it at the last check with the very same runs and none of them has a block asked at each check
 * (keptSources, ls37). After series of such edits in a warm engine, its findings must be those of a check from scratch:
 * edits of the same length that change a long sentence (a word, a full stop that splits it, a comma that joins two), a
 * heading (a research question named or not, a heading made or unmade), a lead-in label's markup, in sections before
 * and after others with long sentences of one length, questions and labels; and insertions among them.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertWarmEditsMatchFresh } from '../../helpers/warm-edits.js';
import type { Edit } from '../../helpers/warm-edits.js';
import { Engine } from '../../../server/src/engine/engine.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../../server/src/workspace/engine.js';
import { LONG } from './long-sentence-texts.js';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');

const QUESTION: Record<'nl' | 'en', string> = {
  nl: 'Hoe ervaren inwoners die schulden hebben de brieven, de telefoontjes en de gesprekken van de gemeente en van de schuldhulpverleners in de wijk, en wat zou de gemeente samen met die schuldhulpverleners kunnen doen om al die brieven begrijpelijker te maken?',
  en: 'How do residents who are in debt experience the letters, the phone calls and the conversations of the council and of the debt advisers in their neighbourhood, and what could the council do together with those advisers to make all of those letters clearer?',
};

/** Pieces that replace as many characters as they have (`same`), and a few that are inserted. */
const PIECES = {
  same: ['extra', 'also', '.', ',', '. ', ' ', '\n\n', '## ', '# ', '**', '?', 'Onderzoeksvraag', 'Research question'],
  inserted: ['extra ', `${LONG.en} `, '\n\n## Approach\n\n'],
};

/** Mostly edits of the same length (nothing after them moves), some insertions. */
const EDITS: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.constantFrom(...PIECES.same) }).map(({ at, piece }) => ({ at, remove: piece.length, piece })) },
  { weight: 1, arbitrary: fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.constant(0), piece: fc.constantFrom(...PIECES.inserted) }) },
);

function longSentences(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === 'readability/long-sentence').map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related }));
}

/**
 * The texts checked warm one after the other (a check of another document in between would leave the rule no last check
 * to keep sections from), each compared with a check from scratch at the end; the warm checks' long-sentence findings.
 */
function warmSeriesMatchesFresh(warm: Engine, texts: string[], path: string): string[][] {
  const shapes = texts.map((t) => longSentences(warm.lint(t, { path })));
  for (let k = 0; k < texts.length; k++) {
    clearMarkdownCache();
    assert.deepEqual(shapes[k], longSentences(new Engine({ vocabulary: warm.vocabulary }).lint(texts[k]!, { path: `fresh-${path}` })), `step ${k}`);
  }
  return shapes;
}

/**
 * Sections with long sentences of one length (ties), a lead-in label in bold, questions, a heading that names a research
 * question; a sample report between them. Each section's heading its own (sections of the same text would share their
 * state: only the first of them keeps it from one check to the next).
 */
function report(language: 'nl' | 'en'): string {
  const sample = readFileSync(join(SAMPLES, language === 'nl' ? 'rapport-schuldhulp.md' : 'report-employment-support.md'), 'utf8');
  const label = language === 'nl' ? '**Wat de inwoners zeiden over de brieven**' : '**What the residents said about the letters**';
  const section = (i: number) =>
    [
      `## ${i % 4 === 3 ? (language === 'nl' ? `Onderzoeksvraag ${i}` : `Research question ${i}`) : `${language === 'nl' ? 'Deel' : 'Part'} ${i}`}`,
      LONG[language],
      i % 2 === 0 ? `${label}: ${LONG[language]}` : language === 'nl' ? `Korte alinea ${i}.` : `Short paragraph ${i}.`,
      LONG[language],
      i % 3 === 0 ? QUESTION[language] : `${LONG[language].slice(0, -1)} ${i}.`,
    ].join('\n\n');
  const short = (i: number) => `## ${language === 'nl' ? 'Kort' : 'Short'} ${i}\n\n${language === 'nl' ? `Korte alinea ${i}.` : `Short paragraph ${i}.`}`;
  const sections = (from: number) => Array.from({ length: 14 }, (_, i) => (i % 5 === 4 ? short(from + i) : section(from + i))).join('\n\n');
  // The sample between sections too: edits fall before, among and after the sections with long sentences.
  return `${sections(0)}\n\n${sample}\n\n${sections(20)}\n`;
}

describe('readability/long-sentence: sections an edit left, after it too, equal a check from scratch (ls37)', function () {
  this.timeout(300000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: series of edits of the same length (nothing after them moves) and a few insertions`, () => {
      assertWarmEditsMatchFresh(report(language), { path: `long-sentence-growth-${language}.md`, edits: EDITS, project: longSentences, cacheSize: 4000, numRuns: 30, maxEdits: 8, seed: language === 'nl' ? 3701 : 3702 });
    });
  }

  it('nl + en: a long sentence moved by whitespace an edit of the same length moves (its text, its section and the blocks after it as they were)', () => {
    // A paragraph's two trailing spaces moved to its start ("LONG  " → "  LONG"): its text and every section's range stay
    // as they were, the paragraph starts two characters later. Its long sentence's finding and its section's move with
    // it; only its block object says so.
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    for (const language of ['nl', 'en'] as const) {
      const path = `moved-by-whitespace-${language}.md`;
      const parts = report(language).split('\n\n');
      // The long sentences in the later sections: each gets two trailing spaces.
      const spaced = parts.map((p, i) => (i > parts.length / 2 && p === LONG[language] ? `${p}  ` : p)).join('\n\n');
      const texts = [spaced];
      let text = spaced;
      for (let k = 0; k < 3; k++) {
        // One at a time, from the first one: each edit moves one paragraph and leaves all after it as they were.
        const at = text.indexOf(`${LONG[language]}  \n`);
        assert.ok(at > 0);
        text = `${text.slice(0, at)}  ${LONG[language]}${text.slice(at + LONG[language].length + 2)}`;
        texts.push(text);
      }
      const shapes = warmSeriesMatchesFresh(warm, texts, path);
      assert.notDeepEqual(shapes[0], shapes[1], 'the edit moves a long sentence');
    }
  });

  it('nl + en: a lead-in label loses its bold and gets it back (the same text: the same runs, the section kept; its answer read again)', () => {
    // Without its markup the label of seven words is no label: its words count. The block's text is the same, so are its
    // runs and its section's list of runs (editedGroups keeps the section); only the answer of the block asked at each
    // check says so.
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    for (const language of ['nl', 'en'] as const) {
      const path = `label-markup-${language}.md`;
      const base = report(language);
      const label = language === 'nl' ? '**Wat de inwoners zeiden over de brieven**' : '**What the residents said about the letters**';
      const at = base.indexOf(label, base.length / 2);
      assert.ok(at > 0);
      const plain = `${base.slice(0, at)}${label.slice(2, -2)}${base.slice(at + label.length)}`;
      const texts = [base, plain, base, plain];
      const shapes = warmSeriesMatchesFresh(warm, texts, path);
      assert.notDeepEqual(shapes[0], shapes[1], 'the label counts without its markup');
    }
  });

  it('nl + en: a statement that a section is adopted, added, broken and removed among sections with long sentences (prose.ts adoptedSections, its runs corrected after an edit)', () => {
    // A section that says its text is adopted keeps no long sentence findings: the runs with such a block are kept from
    // one check to the next and corrected by the runs an edit replaced (ls37).
    const adopted = { nl: 'Deze gedragscode is overgenomen uit het Contributor Covenant.', en: 'This Code of Conduct is adapted from the Contributor Covenant.' };
    for (const language of ['nl', 'en'] as const) {
      const parts = report(language).split('\n\n');
      // One statement in a later section, after its heading.
      const h = parts.findIndex((p, i) => i > parts.length / 2 && p.startsWith('## '));
      const base = [...parts.slice(0, h + 1), adopted[language], ...parts.slice(h + 1)].join('\n\n');
      const edits: fc.Arbitrary<Edit> = fc.oneof(
        { weight: 2, arbitrary: fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.constantFrom('extra', '\n\n', '## ', 'x') }).map(({ at, piece }) => ({ at, remove: piece.length, piece })) },
        { weight: 2, arbitrary: fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })), piece: fc.constantFrom('', `\n\n${adopted[language]}\n\n`, '\n\n## Part\n\n', `\n\n${LONG[language]}\n\n`) }) },
      );
      assertWarmEditsMatchFresh(base, { path: `adopted-${language}.md`, edits, project: longSentences, cacheSize: 4000, numRuns: 25, maxEdits: 6, seed: language === 'nl' ? 3703 : 3704 });
    }
  });
});
