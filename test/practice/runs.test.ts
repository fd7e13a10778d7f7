/**
 * The practice-fit card from per-run summaries (practice/analysis.ts, RunMemo over the blocks'
 * facts, keyed apart in acknowledgements and plan sections): after edits in a warm engine the card
 * and the practice findings must be those of a check from scratch, in Dutch and English; and the
 * pseudo-heading runs of recommendations ("**Recommendations**" and a list) are followed where a run
 * ends between the pseudo-heading and its list.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { practiceFit } from '../../server/src/engine/practice/analysis.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

const PIECES: Record<'nl' | 'en', string[]> = {
  nl: [
    'extra ',
    '\n\n',
    '\n\n## Dankwoord\n\nWij danken de cliënten en de beleidsmakers van de gemeente.\n\n',
    '\n\n## Aanbevelingen\n\n- Teamleiders plannen elk kwartaal een gesprek met cliënten.\n\n',
    '\n\n**Aanbevelingen**\n\n- Gemeenten betrekken inwoners bij het beleid.\n- Teams bespreken de uitkomsten.\n\n',
    'Wij bevelen aan dat teamleiders de bezoeken plannen. ',
    '\n\n## Toekomstplannen\n\nWij zullen volgend jaar twintig cliënten interviewen.\n\n',
    'Het beleid van het ministerie bepaalt wat de uitvoerders in de wijk doen. ',
    '\n\n## Vervolgonderzoek\n\n',
  ],
  en: [
    'extra ',
    '\n\n',
    '\n\n## Acknowledgements\n\nWe thank the clients and the policy makers of the council.\n\n',
    '\n\n## Recommendations\n\n- Managers should discuss the results with the professionals.\n\n',
    '\n\n**Recommendations**\n\n- Councils should involve residents in policy.\n- Teams should discuss the findings.\n\n',
    'We recommend that managers plan the visits. ',
    '\n\n## Future plans\n\nWe will interview twenty clients next year.\n\n',
    'National policy decides what frontline workers do in the neighbourhood. ',
    '\n\n## Future research\n\n',
  ],
};

function card(r: LintResult) {
  // With the rule errors: a card that failed in the check and was made again when asked here would hide the failure.
  return { fit: practiceFit(r.model), findings: r.findings.filter((f) => f.ruleId.startsWith('practice/')), errors: r.errors };
}

describe('practice card from per-run summaries: edits in a warm engine equal a check from scratch', function () {
  this.timeout(120000);
  for (const [file, language] of [['rapport-schuldhulp.md', 'nl'], ['report-employment-support.md', 'en']] as const) {
    it(`${language}: random edits on two copies of ${file}`, () => {
      const sample = readFileSync(join(SAMPLES, file), 'utf8');
      const base = `${sample}\n\n${sample}`;
      assertWarmEditsMatchFresh(base, { path: `runs-${language}.md`, edits: editsOf(PIECES[language]), project: card, cacheSize: 4000, numRuns: 10, seed: language === 'nl' ? 21 : 22 });
    });
  }

  for (const [file, language] of [['rapport-schuldhulp.md', 'nl'], ['report-employment-support.md', 'en']] as const) {
    it(`${language}: random edits on ${file} after 120 paragraphs of its own (no run repeated: the last totals corrected)`, () => {
      // Distinct paragraphs with cues of several insights (levels, practice discussed, recommendations), so that the runs
      // before and after an edit keep their summaries and the card's totals are corrected rather than summed again.
      // Most paragraphs name no cue; one in 15 does (few of each: an edit that takes one away changes a count that counts).
      const para = (i: number) =>
        language === 'nl'
          ? (i % 15 === 7 ? [`Het beleid van het ministerie bepaalt wat de uitvoerders in wijk ${i + 1} doen.`, `De uitkomsten van ronde ${i + 1} zijn besproken met ${i + 2} consulenten uit de praktijk.`, `Wij bevelen aan dat teamleiders in wijk ${i + 1} de bezoeken plannen.`][(i - 7) / 15 % 3]! : `Wijk ${i + 1} telt ${i + 40} huishoudens.`)
          : (i % 15 === 7 ? [`National policy decides what frontline workers in district ${i + 1} do.`, `The results of round ${i + 1} were discussed with ${i + 2} practitioners.`, `We recommend that managers in district ${i + 1} plan the visits.`][(i - 7) / 15 % 3]! : `District ${i + 1} has ${i + 40} households.`);
      const sample = readFileSync(join(SAMPLES, file), 'utf8');
      const base = [...Array.from({ length: 120 }, (_, i) => para(i)), sample].join('\n\n');
      assertWarmEditsMatchFresh(base, { path: `own-${language}.md`, edits: editsOf(PIECES[language]), project: card, cacheSize: 4000, numRuns: 12, seed: language === 'nl' ? 23 : 24 });
    });
  }

  it('nl and en: paragraphs with cues taken away and put back, and paragraphs added before them, give the card of a check from scratch (the totals corrected)', () => {
    for (const language of ['nl', 'en'] as const) {
      const N = 200;
      // Distinct paragraphs, a few with cues (and two with jargon, and two that link policy and frontline by what one must
      // do for the other: insight 4 is present with both, partial with one) near the end: the runs before and after each
      // edit keep their summaries. The last steps take away the cue sentences that make insight 4 present on their own, so
      // that the linked count decides it (a count corrected with the wrong sign fails there).
      const cue: Record<number, string> =
        language === 'nl'
          ? { 150: 'Het beleid van het ministerie bepaalt wat de uitvoerders in de wijk doen.', 155: 'De implementatie en de triangulatie vragen om operationalisatie.', 160: 'De uitkomsten zijn besproken met twaalf consulenten uit de praktijk.', 170: 'Het landelijke beleid stuurt wat de hulpverleners in de wijk kunnen doen.', 175: 'De stakeholders kregen een interventie met empowerment.', 185: 'Wij bevelen aan dat teamleiders de bezoeken plannen.', 165: 'Het beleid van het ministerie moet de uitvoerders in de wijk meer ruimte geven.', 180: 'De gemeente moet de consulenten in de wijk laten beslissen over de bezoeken.' }
          : { 150: 'National policy decides what frontline workers in the district do.', 155: 'The implementation and the triangulation call for operationalisation.', 160: 'The results were discussed with twelve practitioners.', 170: 'Government policy shapes what the caseworkers in the district can do.', 175: 'Stakeholders got an intervention with empowerment.', 185: 'We recommend that managers plan the visits.', 165: 'National policy should give frontline workers in the district more room.', 180: 'The ministry must let the caseworkers in the district decide on the visits.' };
      const doc = (pad: number, gone: number[]) =>
        [
          language === 'nl' ? '# Rapport\n\n## Resultaten' : '# Report\n\n## Results',
          ...Array.from({ length: N }, (_, i) => [
            ...(i === 20 ? Array.from({ length: pad }, (_, j) => (language === 'nl' ? `Plein ${j + 1} ligt aan de rand.` : `Square ${j + 1} lies at the edge.`)) : []),
            cue[i] && !gone.includes(i) ? cue[i]! : language === 'nl' ? `Wijk ${i + 1} telt ${i + 40} huishoudens.` : `District ${i + 1} has ${i + 40} households.`,
          ].join('\n\n')),
        ].join('\n\n');
      const steps: Array<[number, number[]]> = [[0, []], [0, [150]], [0, [150, 170]], [0, []], [40, []], [40, [160]], [0, [160]], [80, [185]], [80, [150, 160, 170, 185]], [0, []], [10, [170]], [10, [155]], [10, [155, 175]], [0, [175]], [30, []], [0, [165]], [40, [180]], [0, [165, 180]], [10, []], [0, [150, 170]], [0, [150, 170, 165]], [20, [150, 170, 165, 180]], [0, [150, 170, 180]], [0, []]];
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const path = `cues-${language}.md`;
      // The checks from scratch first: a check of another document between two edits would end the series of edits.
      const expected = steps.map(([pad, gone]) => card(new Engine({ vocabulary: warm.vocabulary }).lint(doc(pad, gone), { path: `fresh-${path}`, language })));
      const statuses = new Set<string>();
      steps.forEach(([pad, gone], k) => {
        const again = card(warm.lint(doc(pad, gone), { path, language }));
        assert.deepEqual(again, expected[k], `${language}: ${pad} added, ${gone.join(', ')} gone`);
        statuses.add(again.fit.items.map((x) => x.status).join());
      });
      // The edits change what the card says (the test can fail).
      assert.ok(statuses.size >= 2, language);
    }
  });

  for (const language of ['nl', 'en'] as const) {
    it(`${language}: random edits among 120 paragraphs of their own with pseudo-headings of recommendations, tools and "we recommend" (the last check's lists corrected where the edit stands)`, () => {
      // Distinct paragraphs, one in three a pseudo-heading with its list, a list item naming a tool or a sentence that
      // recommends: the runs before and after an edit keep their summaries, and an edit that adds or takes away such an
      // item or blocks moves the items and runs after it (combineEdit's lists).
      const para = (i: number) => {
        const kind = i % 3 === 1 ? 1 + ((i - 1) / 3) % 3 : 0;
        if (language === 'nl') {
          if (kind === 1) return `**Aanbevelingen voor wijk ${i + 1}**\n\n- Teamleiders in wijk ${i + 1} plannen ${i + 2} gesprekken met cliënten.`;
          if (kind === 2) return `- Het stappenplan voor wijk ${i + 1}\n- Een checklist voor ronde ${i + 2}`;
          if (kind === 3) return `Wij bevelen aan dat teamleiders in wijk ${i + 1} de bezoeken plannen.`;
          return `Wijk ${i + 1} telt ${i + 40} huishoudens.`;
        }
        if (kind === 1) return `**Recommendations for district ${i + 1}**\n\n- Team leaders in district ${i + 1} should plan ${i + 2} meetings with clients.`;
        if (kind === 2) return `- The toolkit for district ${i + 1}\n- A checklist for round ${i + 2}`;
        if (kind === 3) return `We recommend that managers in district ${i + 1} plan the visits.`;
        return `District ${i + 1} has ${i + 40} households.`;
      };
      const pieces = [
        ...PIECES[language],
        language === 'nl' ? '\n\n- Een sjabloon voor het gesprek\n\n' : '\n\n- A worksheet for the meeting\n\n',
        language === 'nl' ? '\n\n**Aanbevelingen**\n\n- Teams bespreken de uitkomsten met cliënten.\n\n' : '\n\n**Recommendations**\n\n- Teams should discuss the findings with clients.\n\n',
      ];
      const base = [language === 'nl' ? '# Rapport\n\n## Resultaten' : '# Report\n\n## Results', ...Array.from({ length: 120 }, (_, i) => para(i))].join('\n\n');
      assertWarmEditsMatchFresh(base, { path: `items-${language}.md`, edits: editsOf(pieces, 200), project: card, cacheSize: 4000, numRuns: 30, seed: language === 'nl' ? 25 : 26 });
    });
  }

  it('nl and en: every list after a pseudo-heading of recommendations counts, also where a run ends between them (120 pairs), and edits follow', () => {
    for (const language of ['nl', 'en'] as const) {
      const N = 120;
      const pairs = Array.from({ length: N }, (_, i) =>
        language === 'nl'
          ? `Over wijk ${i + 1}.\n\n**Aanbevelingen voor wijk ${i + 1}**\n\n- Teamleiders in wijk ${i + 1} plannen elk kwartaal ${i + 2} gesprekken met cliënten.`
          : `About district ${i + 1}.\n\n**Recommendations for district ${i + 1}**\n\n- Team leaders in district ${i + 1} should plan ${i + 2} meetings with clients every quarter.`,
      );
      const text = [language === 'nl' ? '# Rapport\n\n## Resultaten' : '# Report\n\n## Results', ...pairs].join('\n\n');
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const lists = (r: LintResult) => practiceFit(r.model).handles.recommendations.filter((x) => x.source === 'list').length;
      assert.equal(lists(warm.lint(text, { path: `pseudo-${language}.md`, language })), N);
      let edited = text;
      for (const k of [5, 60, 111]) {
        edited = edited.replace(pairs[k]!, pairs[k]!.replace(/\*\*.*\*\*/, language === 'nl' ? 'Een gewone zin over de wijk.' : 'An ordinary sentence about the district.'));
        const again = warm.lint(edited, { path: `pseudo-${language}.md`, language });
        assert.deepEqual(card(again), card(new Engine({ vocabulary: warm.vocabulary }).lint(edited, { path: `fresh-pseudo-${language}.md`, language })));
      }
      assert.equal(lists(warm.lint(edited, { path: `pseudo-${language}.md`, language })), N - 3);
    }
  });

  it('nl and en: a long section renamed to acknowledgements and back (its runs the same blocks, counted as thanks or not) equals a check from scratch', () => {
    // A section of many runs whose blocks stay the same (the same role, other) while its heading makes it acknowledgements or not: each run
    // keeps a summary per mark (practice/analysis.ts); a summary of the other mark would count the thanks as evidence.
    for (const language of ['nl', 'en'] as const) {
      const body = Array.from({ length: 150 }, (_, i) =>
        language === 'nl'
          ? `De bevindingen van ronde ${i + 1} zijn teruggekoppeld aan ${i + 3} consulenten; zij herkenden ze.`
          : `The results of round ${i + 1} were checked in a feedback session with ${i + 3} physicians.`,
      ).join('\n\n');
      const [plain, thanks] = language === 'nl' ? ['## Over dit rapport', '## Dankwoord'] : ['## About this report', '## Acknowledgements'];
      const head = language === 'nl' ? '# Rapport\n\nOver de wijk.\n\n' : '# Report\n\nAbout the district.\n\n';
      const versions = [`${head}${plain}\n\n${body}`, `${head}${thanks}\n\n${body}`, `${head}${plain}\n\n${body}`, `${head}${thanks}\n\n${body}`];
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const shown: string[] = [];
      for (const text of versions) {
        const again = card(warm.lint(text, { path: `thanks-${language}.md`, language }));
        assert.deepEqual(again, card(new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-thanks-${language}.md`, language })));
        shown.push(JSON.stringify(again.fit.items.find((x) => x.id === 'discussed_with_practice')));
      }
      // The test can fail: the thanks are no evidence, the same text under another heading is.
      assert.notEqual(shown[0], shown[1]);
    }
  });
  it('nl and en: the evidence of the cue insights after edits that move the text before it, or change only what follows it, is that of a check from scratch', () => {
    for (const language of ['nl', 'en'] as const) {
      // Cue sentences early and late; the edits: blank lines and a line put before everything (the blocks stay the same,
      // their places move), words added after the evidence, and a cue paragraph added before it.
      const para = (i: number) =>
        language === 'nl'
          ? (i % 10 === 3 ? `De uitkomsten van ronde ${i + 1} zijn besproken met ${i + 2} consulenten uit de praktijk.` : `Wijk ${i + 1} telt ${i + 40} huishoudens.`)
          : (i % 10 === 3 ? `The results of round ${i + 1} were discussed with ${i + 2} practitioners. National policy decides what frontline workers in district ${i + 1} do.` : `District ${i + 1} has ${i + 40} households.`);
      const paras = Array.from({ length: 150 }, (_, i) => para(i));
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const path = `moved-${language}.md`;
      let text = paras.join('\n\n');
      warm.lint(text, { path, language });
      const cue = para(3);
      for (const edit of [
        (t: string) => `\n\n${t}`,
        (t: string) => `${t}\n\nextra`,
        (t: string) => `# Titel\n\n${t}`,
        (t: string) => t.replace(paras[140]!, `${paras[140]!} extra`),
        (t: string) => t.replace(paras[1]!, `${cue.replace('4', '0')}\n\n${paras[1]!}`),
        (t: string) => t.replace(paras[120]!, `${paras[120]!} extra`),
      ]) {
        text = edit(text);
        const again = card(warm.lint(text, { path, language }));
        assert.deepEqual(again, card(new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: `fresh-${path}`, language })));
        assert.ok(again.fit.items.some((x) => x.evidence.length > 0), language);
      }
    }
  });
});
