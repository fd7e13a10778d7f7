/**
 * The client perspective from per-run summaries (rules/client/analysis.ts, RunMemo over the blocks'
 * facts): after edits in a warm engine — quotations with and without a lead-in, a question and its
 * answer, method sentences, a list of who was heard, headings that move the section borders, a
 * paragraph removed — the verdict with all its evidence and the client findings must be those of a
 * check from scratch, in Dutch and English. A document of several copies of a fixture has many runs,
 * and runs whose blocks repeat.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import { Engine } from '../../server/src/engine/engine.js';
import { clientPerspective } from '../../server/src/engine/rules/client/analysis.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import type { ClientFacts } from '../../server/src/engine/rules/client/analyzer.js';
import { CLIENT_FACTS } from '../../server/src/engine/rules/client/analyzer.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

const PIECES: Record<'nl' | 'en', string[]> = {
  nl: [
    'extra ',
    '\n\n',
    '\n\n## Methode\n\nWij interviewden twintig cliënten en tien hulpverleners.\n\n',
    '\n\nWij spraken met:\n\n- drie cliënten\n- twee moeders\n\n',
    '\n\nEen bewoner zei: "Ik voel me eindelijk gehoord."\n\n',
    '\n\nInwoners zeiden:\n\n> "Het loket is te ver weg."\n\n',
    '\n\nSpeelt u wel eens bingo?\n\nJa, ik speel graag bingo met mijn buren.\n\n',
    '\n\n## Conclusies\n\n',
    'Cliënten zijn niet geïnterviewd. ',
    '\n\n> "Zo werkt het niet," schreef Jansen (2019).\n\n',
    'Deelnemers gaven aan dat de wachttijd te lang was. ',
  ],
  en: [
    'extra ',
    '\n\n',
    '\n\n## Methods\n\nWe interviewed twenty clients and ten caseworkers.\n\n',
    '\n\nWe spoke to:\n\n- three clients\n- two parents\n\n',
    '\n\nOne resident said: "I finally feel heard."\n\n',
    '\n\nResidents said:\n\n> "The office is too far away."\n\n',
    '\n\nDo you ever play bingo?\n\nYes, I play bingo with my neighbours every week.\n\n',
    '\n\n## Conclusions\n\n',
    'Clients were not interviewed. ',
    '\n\n> "It does not work like that," wrote Smith (2019).\n\n',
    'Participants said that the waiting time was too long. ',
  ],
};

/** What the client rules and the report read: the whole perspective, and the client findings with their data. */
function perspective(r: LintResult) {
  return {
    cp: clientPerspective(r.model),
    findings: r.findings.filter((f) => f.ruleId.startsWith('client/')).map((f) => ({ ...f, fixes: f.fixes })),
    // A perspective that failed in the check and was made again when asked here would hide the failure.
    errors: r.errors,
  };
}

describe('client perspective from per-run summaries: edits in a warm engine equal a check from scratch', function () {
  this.timeout(120000);
  for (const [file, language] of [['nl-present.md', 'nl'], ['en-absent.md', 'en'], ['en-present.md', 'en'], ['nl-partial-involvement.md', 'nl']] as const) {
    it(`${language}: random edits on four copies of ${file}`, () => {
      const sample = readFileSync(join(FIXTURES, file), 'utf8');
      const base = [sample, sample, sample, sample].join('\n\n');
      assertWarmEditsMatchFresh(base, { path: `warm-${language}.md`, edits: editsOf(PIECES[language]), project: perspective, cacheSize: 4000, numRuns: 8, seed: language === 'nl' ? 11 : 12 });
    });
  }

  it('nl and en: a lead-in gives the quotation after it to the people it names, also where a run ends between them (150 pairs)', () => {
    for (const language of ['nl', 'en'] as const) {
      const N = 150;
      const pairs = Array.from({ length: N }, (_, i) =>
        language === 'nl'
          ? `Bewoners van wijk ${i + 1} vertelden het volgende:\n\n> "Ik wacht al ${i + 2} maanden op een antwoord van de gemeente."`
          : `Residents of district ${i + 1} told us the following:\n\n> "I have been waiting ${i + 2} months for an answer from the council."`,
      );
      // No method that names who was heard: a quotation without a lead-in is nobody's in particular.
      const text = [language === 'nl' ? '## Resultaten' : '## Results', ...pairs].join('\n\n');
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const r = warm.lint(text, { path: `lead-${language}.md` });
      // Every quotation after a lead-in that names clients is theirs (the lead-ins as the block analysis reads them, one by one).
      const leads = (x: LintResult) => x.model.blocks.filter((b) => (b.facts[CLIENT_FACTS] as ClientFacts | undefined)?.introduces === 'client').length;
      assert.ok(leads(r) > N * 0.9);
      assert.equal(clientPerspective(r.model).clientQuotes, leads(r), `${language}: every quotation after a lead-in is the residents'`);
      // Lead-ins edited away one by one (a run's last block changes; the quotation after it is in the next run): followed.
      let edited = text;
      for (const k of [3, 77, 140]) {
        edited = edited.replace(pairs[k]!.split('\n\n')[0]!, language === 'nl' ? `Paragraaf ${k} gaat over het beleid.` : `Paragraph ${k} is about the policy.`);
        const again = warm.lint(edited, { path: `lead-${language}.md` });
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(edited, { path: `fresh-lead-${language}.md` });
        assert.deepEqual(perspective(again), perspective(fresh));
      }
      const last = warm.lint(edited, { path: `lead-${language}.md` });
      assert.equal(clientPerspective(last.model).clientQuotes, leads(last));
      assert.ok(leads(last) < leads(r));
    }
  });

  it('nl and en: a footnote mark after a client quotation, added and removed (the block text stays the same), counts as at a fresh check', () => {
    for (const language of ['nl', 'en'] as const) {
      const N = 60;
      // A method that heard clients, then lead-ins with a quotation each: the quotation after a lead-in is a client's
      // unless a citation follows it in the source, which the Markdown block text leaves out.
      const pairs = (marked: ReadonlySet<number>) =>
        Array.from({ length: N }, (_, i) => {
          const mark = marked.has(i) ? `[^${i + 1}]` : '';
          return language === 'nl'
            ? `Een bewoner van wijk ${i + 1} zei:\n\n> "Ik wacht al ${i + 2} maanden op een antwoord."${mark}`
            : `A resident of district ${i + 1} said:\n\n> "I have been waiting ${i + 2} months for an answer."${mark}`;
        });
      const notes = Array.from({ length: N }, (_, i) => `[^${i + 1}]: ${language === 'nl' ? 'Jansen' : 'Smith'} (2019), p. ${i + 1}.`);
      const doc = (marked: ReadonlySet<number>) =>
        [language === 'nl' ? '## Methode\n\nWij interviewden twintig cliënten.' : '## Methods\n\nWe interviewed twenty clients.', language === 'nl' ? '## Resultaten' : '## Results', ...pairs(marked), ...notes].join('\n\n');
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const path = `marks-${language}.md`;
      const quotes = clientPerspective(warm.lint(doc(new Set()), { path }).model).clientQuotes;
      assert.ok(quotes >= N * 0.9);
      for (const marked of [new Set([5, 30]), new Set([30]), new Set<number>(), new Set([1, 2, 3, 4, 5, 6, 40])]) {
        const again = warm.lint(doc(marked), { path });
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(doc(marked), { path: `fresh-${path}` });
        assert.deepEqual(perspective(again), perspective(fresh));
        // The marks are read: a quotation with a footnote mark after it is not the clients' voice.
        assert.equal(clientPerspective(again.model).clientQuotes, quotes - marked.size, language);
      }
    }
  });

  it('nl and en: every lead-in edited away in turn, then a method that names who was heard: the quotations follow (the runs keep what their quotations added per lead-in)', () => {
    for (const language of ['nl', 'en'] as const) {
      // Four quotations after each lead-in: runs that start inside a group keep their blocks when its lead-in changes.
      const N = 60;
      const leadIn = (i: number) => (language === 'nl' ? `Bewoners van wijk ${i + 1} vertelden het volgende:` : `Residents of district ${i + 1} told us the following:`);
      const quote = (i: number) =>
        [1, 2, 3, 4].map((j) => (language === 'nl' ? `> "Ik wacht al ${i + j} maanden op antwoord nummer ${j} van de gemeente."` : `> "I have been waiting ${i + j} months for answer number ${j} from the council."`)).join('\n\n');
      const other = (i: number) => (language === 'nl' ? `Paragraaf ${i + 1} gaat over het beleid.` : `Paragraph ${i + 1} is about the policy.`);
      const doc = (gone: number, method: boolean) =>
        [
          ...(method ? [language === 'nl' ? '## Methode\n\nWij interviewden twintig bewoners en tien cliënten.' : '## Methods\n\nWe interviewed twenty residents and ten clients.'] : []),
          language === 'nl' ? '## Resultaten' : '## Results',
          ...Array.from({ length: N }, (_, i) => `${i < gone ? other(i) : leadIn(i)}\n\n${quote(i)}`),
        ].join('\n\n');
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const path = `leads-${language}.md`;
      const leads = (x: LintResult) => x.model.blocks.filter((b) => (b.facts[CLIENT_FACTS] as ClientFacts | undefined)?.introduces === 'client').length;
      const first = warm.lint(doc(0, false), { path });
      assert.ok(leads(first) >= N * 0.9);
      assert.equal(clientPerspective(first.model).clientQuotes, 4 * leads(first));
      for (let gone = 1; gone <= N; gone++) {
        // Each lead-in edited away takes its quotation from the clients (no method says who was heard).
        const r = warm.lint(doc(gone, false), { path });
        assert.equal(clientPerspective(r.model).clientQuotes, 4 * leads(r), `${language}: ${gone} lead-ins gone`);
      }
      // A method that heard clients: the quotations without a lead-in are theirs again.
      const again = warm.lint(doc(N, true), { path });
      const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(doc(N, true), { path: `fresh-${path}` });
      assert.deepEqual(perspective(again), perspective(fresh));
      assert.ok(clientPerspective(again.model).clientQuotes >= N * 0.9);
    }
  });

  it('nl and en: a method that says who took part, added and removed: the participants in every run count for that side', () => {
    for (const language of ['nl', 'en'] as const) {
      const N = 80;
      const para = (i: number) =>
        language === 'nl'
          ? `De deelnemers uit wijk ${i + 1}, allemaal cliënten van het loket, vonden het loket te ver weg.`
          : `The participants from district ${i + 1}, all clients of the office, found the office too far away.`;
      // Without a method the participants are the clients (the text names no other side); the method heard staff.
      const method = language === 'nl' ? '## Methode\n\nWij interviewden twintig medewerkers van het loket.' : '## Methods\n\nWe interviewed twenty staff members of the office.';
      const doc = (withMethod: boolean) => [...(withMethod ? [method] : []), language === 'nl' ? '## Resultaten' : '## Results', ...Array.from({ length: N }, (_, i) => para(i))].join('\n\n');
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const path = `participants-${language}.md`;
      const without = clientPerspective(warm.lint(doc(false), { path }).model).clientMentions;
      for (const withMethod of [true, false, true]) {
        const again = warm.lint(doc(withMethod), { path });
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(doc(withMethod), { path: `fresh-${path}` });
        assert.deepEqual(perspective(again), perspective(fresh));
        const mentions = clientPerspective(again.model).clientMentions;
        if (withMethod) assert.ok(mentions < without - N / 2, `${language}: the participants are staff (${without} → ${mentions})`);
        else assert.equal(mentions, without);
      }
    }
  });
  it('nl and en: a term written two ways (the display of its first use) follows edits that add and remove its first use before, in and after the others', () => {
    for (const language of ['nl', 'en'] as const) {
      const N = 60;
      // The same term (one key) written two ways: the clients' terms show the first use's spelling.
      // With `late`, the first 30 paragraphs name nobody: the term's first use lies after an edit before them; `pad`
      // paragraphs that name nobody before paragraph 10 add runs there.
      let late = false;
      let pad = 0;
      const para = (i: number) =>
        late && i < 30
          ? language === 'nl' ? `Het loket in wijk ${i + 1} was ver weg.` : `The office in district ${i + 1} was far away.`
          : language === 'nl' ? `De cliënten uit wijk ${i + 1} vonden het loket te ver weg.` : `The client's view in district ${i + 1} was that the office is too far away.`;
      const other = (i: number) => (language === 'nl' ? `De clienten van straat ${i + 1} wachten al lang.` : `The client’s wish in street ${i + 1} was a shorter wait.`);
      const doc = (at: number[], heading: number) =>
        [
          language === 'nl' ? '## Resultaten' : '## Results',
          ...Array.from({ length: N }, (_, i) =>
            [
              ...(i === 10 ? Array.from({ length: pad }, (_, j) => (language === 'nl' ? `Het loket op plein ${j + 1} was dicht.` : `The office on square ${j + 1} was closed.`)) : []),
              ...(at.includes(i) ? [other(i)] : []),
              ...(i === heading ? [language === 'nl' ? '## Wijken' : '## Districts'] : []),
              para(i),
            ].join('\n\n'),
          ),
          ...(at.includes(N) ? [other(N)] : []),
        ].join('\n\n');
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      const path = `spelling-${language}.md`;
      const steps: Array<[number[], number, boolean, number?]> = [
        [[], -1, false], [[0], -1, false], [[30], -1, false], [[30, 45], -1, false], [[45], -1, false], [[N], -1, false], [[N], 20, false], [[0, N], 20, false], [[0, 10, N], 20, false], [[10], 20, false], [[], 20, false], [[5], -1, false],
        [[], -1, true], [[40], -1, true], [[10, 40], -1, true], [[40], -1, true], [[5, 10, 15, 40], -1, true], [[5, 40], -1, true], [[5, 10, 15, 20, 25, 40], -1, true], [[], -1, true],
        [[], -1, true, 0], [[10], -1, true, 60], [[], -1, true, 0], [[10, 40], -1, true, 60], [[40], -1, true, 0], [[10, 40], -1, true, 60], [[10, 40], -1, true, 20],
      ];
      // The checks from scratch first: a check of another document between two edits would end the warm engine's
      // series of edits (its runs are corrected from the last document's).
      const expected = steps.map(([at, heading, l, p]) => ((late = l), (pad = p ?? 0), perspective(new Engine({ vocabulary: warm.vocabulary }).lint(doc(at, heading), { path: `fresh-${path}` }))));
      const shown = new Set<string>();
      steps.forEach(([at, heading, l, p], k) => {
        late = l;
        pad = p ?? 0;
        const again = warm.lint(doc(at, heading), { path });
        assert.deepEqual(perspective(again), expected[k], `${language}: other spelling at ${at.join(', ')}`);
        shown.add(clientPerspective(again.model).clientTerms[0]!.term);
      });
      // Both spellings were the first use at some step: the test sees a display that follows the wrong run.
      assert.equal(shown.size, 2, `${language}: ${[...shown].join(', ')}`);
    }
  });
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: random edits among 120 paragraphs of their own with quotations, lead-ins, answers and citations after quotations (the runs before and after an edit kept)`, () => {
      // Distinct paragraphs (no run repeated): the voice of the runs before and after an edit is taken from the last check
      // (collectVoice) and only the runs between are combined; a citation mark put after a quotation, in its block or the
      // next one, changes what the quotation counts for.
      const para = (i: number) =>
        language === 'nl'
          ? [`Een bewoner van wijk ${i + 1} zei:\n\n> "Ik wacht al ${i + 2} maanden op een antwoord."`, `Speelt u in wijk ${i + 1} wel eens bingo?\n\nJa, ik speel ${i + 2} keer per maand bingo.`, `Wijk ${i + 1} telt ${i + 40} huishoudens.`, `## Wijk ${i + 1}`][i % 4]!
          : [`A resident of district ${i + 1} said:\n\n> "I have been waiting ${i + 2} months for an answer."`, `Do you ever play bingo in district ${i + 1}?\n\nYes, I play bingo ${i + 2} times a month.`, `District ${i + 1} has ${i + 40} households.`, `## District ${i + 1}`][i % 4]!;
      const method = language === 'nl' ? '## Methode\n\nWij interviewden twintig cliënten.' : '## Methods\n\nWe interviewed twenty clients.';
      const base = [method, ...Array.from({ length: 120 }, (_, i) => para(i)), '[^1]: Smith (2019).'].join('\n\n');
      const pieces = [...PIECES[language], '[^1]', '\n\n[^1] ', ' [@smith2019]'];
      assertWarmEditsMatchFresh(base, { path: `own-${language}.md`, edits: editsOf(pieces), project: perspective, cacheSize: 4000, numRuns: 12, seed: language === 'nl' ? 31 : 32 });
    });
  }
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: random edits among 40 paragraphs of their own with method sentences that name who was heard in the list after them (the last sums corrected; a run that reads past its end opened and closed)`, () => {
      // Distinct paragraphs, one in four a method sentence ending in a colon with a list of who was heard after it (one
      // list names clients: whether they are a source turns on it): the list may go on past the run's end (an open run:
      // the sums are then made anew at the next check), and an edit that adds or takes away a method sentence or a list
      // item changes the sums corrected in place (sourceSums).
      const para = (i: number) => {
        const who = (j: number) => (i === 17 && j === 1 ? (language === 'nl' ? 'cliënten' : 'clients') : language === 'nl' ? ['maatschappelijk werkers', 'coaches'][j % 2] : ['social workers', 'coaches'][j % 2]);
        const items = Array.from({ length: 1 + (i % 5) }, (_, j) => (language === 'nl' ? `- ${j + 2} ${who(j)} uit wijk ${i + 1}` : `- ${j + 2} ${who(j)} from district ${i + 1}`)).join('\n');
        if (i % 4 === 1) return language === 'nl' ? `In ronde ${i + 1} interviewden wij:\n\n${items}` : `In round ${i + 1} we interviewed:\n\n${items}`;
        return language === 'nl' ? `Wijk ${i + 1} telt ${i + 40} huishoudens.` : `District ${i + 1} has ${i + 40} households.`;
      };
      const method = language === 'nl' ? '## Methode' : '## Methods';
      const base = [method, ...Array.from({ length: 40 }, (_, i) => para(i))].join('\n\n');
      const pieces = [
        ...PIECES[language],
        language === 'nl' ? '\n\nWij spraken met:\n\n- tien cliënten\n- vier coaches\n\n' : '\n\nWe spoke with:\n\n- ten clients\n- four coaches\n\n',
        language === 'nl' ? '\n- zes cliënten\n' : '\n- six clients\n',
      ];
      assertWarmEditsMatchFresh(base, { path: `methods-${language}.md`, edits: editsOf(pieces, 200), project: perspective, cacheSize: 4000, numRuns: 30, seed: language === 'nl' ? 33 : 34 });
    });
  }
});
