import { strict as assert } from 'node:assert';
import { lint } from '../../../server/src/index.js';
import type { LintResult, Section } from '../../../server/src/index.js';
import { readRepo, of, assertInside, config } from '../../engine/helpers.js';

/** The sample reports in samples/: fictional reports with deliberate problems and one clean section each. */
const SAMPLES = [
  {
    path: 'samples/rapport-schuldhulp.md',
    language: 'nl',
    clean: 'Het eerste gesprek',
    undefinedAbbr: ['NVVK', 'BKR'],
    defined: ['Wgs'],
    disabledSentence: 'Deze evaluatie gaat over de vraag hoe het programma in de eerste twee jaar heeft gewerkt',
    // By default only passives that hide a decision (decisionsOnly): "werd … besloten", "worden vastgesteld".
    passives: ['werd in 2021 besloten', 'werd in 2023 besloten', 'worden vastgesteld'],
    // "het verstrekken van" mid-sentence is ordinary Dutch by default (infinitiveOnlyAsSubject).
    nominal: ['vindt plaats', 'tot stand gekomen'],
    roles: ['title', 'summary', 'introduction', 'method', 'results', 'results', 'results', 'results', 'conclusion', 'recommendations', 'references'],
  },
  {
    path: 'samples/report-employment-support.md',
    language: 'en',
    clean: 'Working with employers',
    // DWP and ESA are known in a UK benefits report (it names the jobcentre and Universal Credit: knownIn in
    // dictionaries/en/abbreviations.yml); the same acronyms in a report without those words are flagged (undefined-abbreviation.test.ts).
    undefinedAbbr: [],
    defined: ['UC'],
    disabledSentence: 'The council asked us to find out how the programme works in practice',
    // "The data were analysed using descriptive statistics." is a short method passive: not worth a hint.
    // "… that was implemented by Fernbridge City Council" names its actor in a dependent clause: left alone.
    // By default only passives that hide a decision (decisionsOnly); "were not interviewed" shows with audience general.
    passives: ['is recommended'],
    nominal: [],
    roles: ['title', 'summary', 'introduction', 'method', 'results', 'results', 'results', 'results', 'conclusion', 'recommendations', 'references'],
  },
] as const;

function sectionOf(r: LintResult, offset: number): Section | undefined {
  return [...r.sections].reverse().find((s) => s.offset <= offset && s.level > 1);
}

describe('sample reports (document-level fixtures)', () => {
  for (const sample of SAMPLES) {
    describe(sample.path, () => {
      const text = readRepo(sample.path);
      const r = lint(text, { path: sample.path });
      const slice = (id: string) => of(r, id).map((f) => text.slice(f.offset, f.endOffset));

      it(`is read as ${sample.language} Markdown with sections in the expected roles`, () => {
        assert.equal(r.language, sample.language);
        assert.equal(r.format, 'markdown');
        assert.deepEqual(r.sections.map((s) => s.role), sample.roles);
        assert.deepEqual(r.errors, []);
        assertInside(r, text);
      });

      it(`${sample.undefinedAbbr.length ? `flags the undefined acronyms ${sample.undefinedAbbr.join(', ')}` : 'flags no acronym (the ones it uses are known to its readers)'} and accepts the defined ${sample.defined.join(', ')}`, () => {
        // Reported from the second use by default (minUses 2); on one use with minUses 1.
        const once = lint(text, { path: sample.path, config: config({ rules: { 'readability/undefined-abbreviation': { options: { minUses: 1 } } } }) });
        assert.deepEqual(of(once, 'readability/undefined-abbreviation').map((f) => text.slice(f.offset, f.endOffset)), sample.undefinedAbbr);
        for (const a of slice('readability/undefined-abbreviation')) assert.ok((sample.undefinedAbbr as readonly string[]).includes(a), a);
        for (const d of sample.defined) assert.ok(text.includes(`(${d})`), `the sample defines ${d}`);
      });

      it('has long sentences, but not the one under brug-disable-next-line', () => {
        const long = slice('readability/long-sentence');
        assert.ok(long.length >= 10, `${long.length} long sentences`);
        assert.ok(!long.some((s) => s.startsWith(sample.disabledSentence)));
        // Without the directive, that sentence is flagged.
        const without = text.replace('<!-- brug-disable-next-line readability/long-sentence -->\n', '');
        const r2 = lint(without, { path: sample.path });
        assert.ok(of(r2, 'readability/long-sentence').some((f) => without.slice(f.offset, f.endOffset).startsWith(sample.disabledSentence)));
      });

      it('flags its passives (all of them when the rule shows every hidden decision) and nominalisations', () => {
        const on = lint(text, { path: sample.path, config: config({ rules: { 'readability/passive-voice': { options: { enabled: true } } } }) });
        const passives = of(on, 'readability/passive-voice').map((f) => text.slice(f.offset, f.endOffset));
        for (const p of sample.passives) assert.ok(passives.includes(p), `${p} in ${JSON.stringify(passives)}`);
        const nominal = slice('readability/nominalization').map((s) => s.toLowerCase());
        for (const n of sample.nominal) assert.ok(nominal.includes(n), `${n} in ${JSON.stringify(nominal)}`);
      });

      it('the summary scores below its target and gets the section-score info', () => {
        const summary = r.sections.find((s) => s.role === 'summary')!;
        assert.ok(summary.metrics.score < 50, `summary scores ${summary.metrics.score}`);
        assert.ok(of(r, 'readability/section-score').some((f) => f.offset === summary.offset));
      });

      it(`the clean section "${sample.clean}" gets no readability findings and scores well`, () => {
        const clean = r.sections.find((s) => s.title === sample.clean)!;
        assert.ok(clean, sample.clean);
        const inside = of(r, 'readability/').filter((f) => f.offset >= clean.offset && f.offset < clean.contentEnd);
        assert.deepEqual(inside.map((f) => `${f.ruleId}: ${text.slice(f.offset, f.endOffset)}`), []);
        assert.ok(clean.metrics.score >= 60, `${sample.clean} scores ${clean.metrics.score}`);
        assert.equal(sectionOf(r, clean.offset)!.title, sample.clean);
      });

      it('nothing is flagged in the reference list, the code block or the link URL', () => {
        const refs = r.sections.find((s) => s.role === 'references')!;
        assert.deepEqual(r.findings.filter((f) => f.offset >= refs.endOffset && f.ruleId.startsWith('readability/')), []);
        const code = text.indexOf('```');
        if (code >= 0) {
          const end = text.indexOf('```', code + 3) + 3;
          assert.deepEqual(r.findings.filter((f) => f.offset >= code && f.endOffset <= end), []);
        }
        const url = text.indexOf('](https://');
        assert.ok(url > 0);
        assert.deepEqual(r.findings.filter((f) => f.offset > url && f.offset < text.indexOf(')', url)), []);
      });

      it('document metrics: a hard report (score below 45), long-sentence and passive shares', () => {
        assert.ok(r.metrics.score < 45, `${r.metrics.score}`);
        assert.ok(r.metrics.longSentenceShare > 0.2);
        assert.ok(r.metrics.passiveShare > 0.3);
        assert.ok(r.metrics.words > 1300 && r.metrics.words < 1500, `${r.metrics.words}`);
      });
    });
  }
});
