/**
 * long-sentence keeps each section's ranked long sentences between checks (by the section's per-run summaries) and
 * checks again only what those do not fix: the rank of a long question (its section's title, the paragraph before it)
 * and the order of long sentences of the same length in different blocks. After random edits in a warm engine its
 * findings must be those of a check from scratch. The pieces add long sentences of one length (ties between blocks), long
 * questions, headings that name a research question or not, labels in bold and copies of both.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { LONG } from './long-sentence-texts.js';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');

const QUESTION: Record<'nl' | 'en', string> = {
  nl: 'Hoe ervaren inwoners die schulden hebben de brieven, de telefoontjes en de gesprekken van de gemeente en van de schuldhulpverleners in de wijk, en wat zou de gemeente samen met die schuldhulpverleners en met de inwoners zelf kunnen doen om al die brieven, telefoontjes en gesprekken begrijpelijker, vriendelijker en beter op elkaar afgestemd te maken, zodat inwoners eerder om hulp vragen en minder vaak afhaken voordat hun schulden echt zijn opgelost?',
  en: 'How do residents who are in debt experience the letters, the phone calls and the conversations of the council and of the debt advisers in their neighbourhood, and what could the council do together with those advisers and with the residents themselves to make all of those letters, calls and conversations clearer, kinder and better attuned to each other, so that residents ask for help sooner and drop out less often before their debts have really been settled?',
};

const PIECES: Record<'nl' | 'en', string[]> = {
  nl: [
    'extra ',
    '\n\n',
    `\n\n${LONG.nl}\n\n`,
    `${LONG.nl} `,
    `\n\n${QUESTION.nl}\n\n`,
    `\n\nDe onderzoeksvraag luidt:\n\n- ${QUESTION.nl}\n\n`,
    '\n\n## Onderzoeksvraag\n\n',
    '\n\n## Aanpak\n\n',
    `\n\n**Wat de inwoners zeiden over de brieven**: ${LONG.nl}\n\n`,
  ],
  en: [
    'extra ',
    '\n\n',
    `\n\n${LONG.en}\n\n`,
    `${LONG.en} `,
    `\n\n${QUESTION.en}\n\n`,
    `\n\nOur research question is:\n\n- ${QUESTION.en}\n\n`,
    '\n\n## Research question\n\n',
    '\n\n## Approach\n\n',
    `\n\n**What the residents said about the letters**: ${LONG.en}\n\n`,
  ],
};

function longSentences(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === 'readability/long-sentence').map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related }));
}

describe('readability/long-sentence: ranked long sentences kept per section equal a check from scratch after edits', function () {
  this.timeout(180000);
  for (const [file, language] of [['rapport-schuldhulp.md', 'nl'], ['report-employment-support.md', 'en']] as const) {
    it(`${language}: random edits on ${file} with long sentences of one length, questions and labels`, () => {
      const sample = readFileSync(join(SAMPLES, file), 'utf8');
      // A long section of many runs of blocks (about 24 blocks a run): long sentences of a few lengths, short paragraphs.
      const many = Array.from({ length: 90 }, (_, i) => (i % 3 === 0 ? LONG[language] : i % 3 === 1 ? `${LONG[language].slice(0, -1)} ${language === 'nl' ? 'en dat zij die brief daarom vaak laten liggen' : 'and that they therefore often leave it unopened'} ${i}.` : language === 'nl' ? `Korte alinea ${i}.` : `Short paragraph ${i}.`));
      const extra = [`## ${language === 'nl' ? 'Wat inwoners zeiden' : 'What residents said'}`, ...many, QUESTION[language], LONG[language]].join('\n\n');
      const base = `${sample}\n\n${extra}\n\n${sample}`;
      assertWarmEditsMatchFresh(base, { path: `long-sentence-${language}.md`, edits: editsOf(PIECES[language]), project: longSentences, cacheSize: 4000, numRuns: 25, seed: language === "nl" ? 93 : 94 });
    });
  }

  for (const [file, language] of [['rapport-schuldhulp.md', 'nl'], ['report-employment-support.md', 'en']] as const) {
    it(`${language}: random edits before many sections, which move as a whole (ls34: sections made only with a long sentence, none made anew without one)`, () => {
      const sample = readFileSync(join(SAMPLES, file), 'utf8');
      // Sections after the edits: long sentences of one length in several blocks (ties), a lead-in label in bold (a block
      // asked at each check), a long question, a heading that names a research question; sections whose only block
      // asked at each check has no long sentence, sections without any; copies of sections too.
      const label = language === 'nl' ? '**Wat de inwoners zeiden over de brieven**' : '**What the residents said about the letters**';
      const section = (i: number) =>
        [
          `## ${i % 4 === 3 ? (language === 'nl' ? 'Onderzoeksvraag' : 'Research question') : `${language === 'nl' ? 'Deel' : 'Part'} ${i}`}`,
          LONG[language],
          i % 2 === 0 ? `${label}: ${LONG[language]}` : language === 'nl' ? `Korte alinea ${i}.` : `Short paragraph ${i}.`,
          LONG[language],
          i % 3 === 0 ? QUESTION[language] : `${LONG[language].slice(0, -1)} ${i}.`,
        ].join('\n\n');
      const labelOnly = (i: number) => `## ${language === 'nl' ? 'Noot' : 'Note'} ${i}\n\n${language === 'nl' ? '**Let op**: Kort.' : '**Note**: Short.'}`;
      const short = (i: number) => `## ${language === 'nl' ? 'Kort' : 'Short'} ${i}\n\n${language === 'nl' ? `Korte alinea ${i}.` : `Short paragraph ${i}.`}`;
      const later = Array.from({ length: 12 }, (_, i) => (i % 3 === 1 ? labelOnly(i % 4) : i % 6 === 2 ? short(i) : section(i % 8))).join('\n\n');
      const base = `${sample}\n\n${later}\n`;
      // The edits fall in the first fifth of the text (the sample): the sections after them move.
      const before = editsOf(PIECES[language]).map((e) => ({ ...e, at: e.at * 0.2 }));
      assertWarmEditsMatchFresh(base, { path: `moved-along-${language}.md`, edits: before, project: longSentences, cacheSize: 4000, numRuns: 25, seed: language === 'nl' ? 341 : 342 });
    });
  }

  it('nl + en: edits in the later runs of a long section (its first run, which keys its state, unchanged)', () => {
    for (const language of ['nl', 'en'] as const) {
      const sample = readFileSync(join(SAMPLES, language === 'nl' ? 'rapport-schuldhulp.md' : 'report-employment-support.md'), 'utf8');
      const many = Array.from({ length: 90 }, (_, i) => (i % 3 === 0 ? LONG[language] : i % 3 === 1 ? `${LONG[language].slice(0, -1)} ${i}.` : language === 'nl' ? `Korte alinea ${i}.` : `Short paragraph ${i}.`));
      let text = `${sample}\n\n## ${language === 'nl' ? 'Wat inwoners zeiden' : 'What residents said'}\n\n${many.join('\n\n')}\n\n${sample}`;
      const path = `later-runs-${language}.md`;
      assertFresh(text, path);
      const short = (i: number) => (language === 'nl' ? `Korte alinea ${i}.` : `Short paragraph ${i}.`);
      // Two long sentences added, a long sentence made longer, a paragraph removed, all near the end of the section.
      text = text.replace(short(71), `${LONG[language]} ${LONG[language]}\n\n${short(71)}`);
      assertFresh(text, path);
      text = text.replace(`${LONG[language].slice(0, -1)} 82.`, `${LONG[language].slice(0, -1)} ${language === 'nl' ? 'en nog veel langer' : 'and much longer still'} 82.`);
      assertFresh(text, path);
      text = text.replace(`${short(86)}\n\n`, '');
      assertFresh(text, path);
    }
  });

  it('nl + en: a long question becomes a research question when its section heading is renamed to one, and back', () => {
    // The heading's length stays the same, so the section keeps its place; only the question's rank changes.
    for (const language of ['nl', 'en'] as const) {
      const sample = readFileSync(join(SAMPLES, language === 'nl' ? 'rapport-schuldhulp.md' : 'report-employment-support.md'), 'utf8');
      const named = language === 'nl' ? 'Onderzoeksvraag' : 'Research question';
      const other = language === 'nl' ? 'Ervaringen zien' : "Residents' voices";
      assert.equal(named.length, other.length);
      const text = (title: string) => `${sample}\n\n## ${title}\n\n${QUESTION[language]}\n\n${LONG[language]}\n`;
      let last: LintResult | undefined;
      const shapes: string[][] = [];
      for (const title of [other, named, other]) {
        last = assertFresh(text(title), `rename-${language}.md`);
        shapes.push(longSentences(last));
      }
      assert.notDeepEqual(shapes[0], shapes[1], 'the rank of the question follows the heading');
    }
  });

  it('nl + en: a listed question becomes a research question when the paragraph that introduces it names one, and back', () => {
    // The question's block stays the same; what its rank reads (the paragraph before the list) changes.
    for (const language of ['nl', 'en'] as const) {
      const sample = readFileSync(join(SAMPLES, language === 'nl' ? 'rapport-schuldhulp.md' : 'report-employment-support.md'), 'utf8');
      const named = language === 'nl' ? 'De onderzoeksvraag luidt:' : 'Our research question is:';
      const other = language === 'nl' ? 'De inwoners vroegen ons:' : 'The residents asked us:';
      const text = (intro: string) => `${sample}\n\n## ${language === 'nl' ? 'Vragen' : 'Questions'}\n\n${LONG[language]}\n\n${intro}\n\n- ${QUESTION[language]}\n\n${LONG[language]}\n`;
      const shapes: string[][] = [];
      for (const intro of [other, named, other, named]) shapes.push(longSentences(assertFresh(text(intro), `intro-${language}.md`)));
      assert.notDeepEqual(shapes[0], shapes[1], 'the rank of the question follows the paragraph that introduces it');
    }
  });

  it('nl + en: the findings of a section moved by later edits leave the results of earlier checks as they were', () => {
    // The rule keeps its findings and moves them in place after an edit before them (speed only, doc20); a finding's
    // related places (the section finding lists its long sentences) are shared with the result it went out in.
    for (const language of ['nl', 'en'] as const) {
      const sample = readFileSync(join(SAMPLES, language === 'nl' ? 'rapport-schuldhulp.md' : 'report-employment-support.md'), 'utf8');
      const many = Array.from({ length: 12 }, (_, i) => `${LONG[language].slice(0, -1)} ${i}.`);
      let text = `${sample}\n\n## ${language === 'nl' ? 'Wat inwoners zeiden' : 'What residents said'}\n\n${many.join('\n\n')}\n`;
      const path = `moved-${language}.md`;
      const results: Array<{ result: LintResult; shape: string[] }> = [];
      for (const piece of ['', 'extra ', 'ook ', '', 'extra extra ']) {
        const at = text.indexOf('\n\n') + 2;
        text = text.slice(0, at) + piece + text.slice(at);
        // Warm checks only: a check from scratch in between would empty the Markdown reader's chunks (new source maps).
        const result = WARM.lint(text, { path });
        results.push({ result, shape: longSentences(result) });
      }
      assertFresh(text, path);
      assert.ok(results[0]!.shape.some((f) => f.includes('"related"')), 'a section finding with related places');
      for (const { result, shape } of results) assert.deepEqual(longSentences(result), shape);
    }
  });

  it('nl + en: edits in a fenced quote between the paragraphs of a section move only the paragraphs after it (the blocks placed from the last check are not all moved alike)', () => {
    // A fence's text is no prose block: an edit in it changes no block, and the reader hands out the paragraphs of the
    // part it reads again, before the fence and after it, with the last check's maps and texts: among the blocks placed
    // from the last check's results (BlockEdit.after), those before the fence did not move, those after it did. A
    // shortcut that took them all for moved alike (tried in session 36) broke this, on the footnoted thesis's MyST
    // admonitions. Warm checks in a row (a check from scratch in between would be the rule's last), then one from scratch.
    for (const language of ['nl', 'en'] as const) {
      const sample = readFileSync(join(SAMPLES, language === 'nl' ? 'rapport-schuldhulp.md' : 'report-employment-support.md'), 'utf8');
      const long = (i: number) => `${LONG[language].slice(0, -1)} ${i}.`;
      const quote = language === 'nl' ? 'Adviseur: *“We kijken eerst naar de brieven, en dan bellen we de mensen zelf op.”*' : 'Adviser: *“We look at the letters first, and then we call the people ourselves.”*';
      const section = `## ${language === 'nl' ? 'Wat inwoners zeiden' : 'What residents said'}\n\n${long(1)}\n\n${long(2)}\n\n\`\`\`{admonition} Quote\n${quote}\n\n(Site H)\n\n\`\`\`\n\n${long(3)}\n\n${long(4)}\n\n${long(5)}\n`;
      let text = `${sample}\n\n${section}\n\n${sample.replace(/^# .*$/m, '## Part two')}\n`;
      const path = `fenced-quote-${language}.md`;
      WARM.lint(text, { path });
      for (const piece of ['extra', 'ook', 'also', 'extra extra']) {
        const at = text.indexOf(language === 'nl' ? 'eerst naar' : 'first, and');
        text = text.slice(0, at) + piece + ' ' + text.slice(at);
        WARM.lint(text, { path });
      }
      assertFresh(text, path);
    }
  });

  it('nl + en: blocks of the same text, one with its lead-in label in bold, keep their own long sentences over warm checks (rulemem22: a block keeps its first answer without a map)', () => {
    for (const language of ['nl', 'en'] as const) {
      const label = language === 'nl' ? 'Wat de inwoners zeiden over de brieven' : 'What the residents said about the letters';
      const plain = `${label}: ${LONG[language]}`;
      let text = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n${language === 'nl' ? 'Kort.' : 'Short.'}\n\n**${label}**: ${LONG[language]}\n\n${plain}\n`;
      const path = `labels-${language}.md`;
      const total = LONG[language].split(' ').length;
      for (const piece of ['', 'extra ', 'ook ', '']) {
        const at = text.indexOf('\n\n') + 2;
        text = text.slice(0, at) + piece + text.slice(at);
        const warm = assertFresh(text, path);
        // The marked-up label is not part of the sentence; the same words without markup are.
        const words = warm.findings.filter((f) => f.ruleId === 'readability/long-sentence').map((f) => (f.data as { words: number }).words);
        assert.deepEqual(words, [total, total + label.split(' ').length], `${piece}: ${words.join(', ')}`);
      }
    }
  });
});

import { Engine } from '../../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../../server/src/workspace/engine.js';

const WARM = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;

/** The text checked in the warm engine (by name) and from scratch; the two must agree. */
function assertFresh(text: string, path: string): LintResult {
  const warm = WARM.lint(text, { path });
  clearMarkdownCache();
  const fresh = new Engine({ vocabulary: WARM.vocabulary }).lint(text, { path: `fresh-${path}` });
  assert.deepEqual(longSentences(warm), longSentences(fresh));
  return warm;
}
