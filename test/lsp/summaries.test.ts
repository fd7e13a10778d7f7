/**
 * A re-check after an edit combines per-block summaries that the unchanged blocks keep with
 * their cached analysis (the practice card's cue matches, the abbreviation rule's word lists)
 * instead of matching every block again; the findings stay what a fresh check finds. And the
 * server compares a new list of diagnostics with the published one as the client would see it.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { practiceLexicon } from '../../server/src/engine/practice/lexicon.js';
import { practiceFit } from '../../server/src/engine/practice/analysis.js';
import { unitsOf } from '../../server/src/engine/practice/units.js';
import { sameDiagnostics } from '../../server/src/lsp/diagnostics.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { bundledLanguage } from '../../server/src/workspace/dictionaries.js';
import { extraFormats } from '../../server/src/workspace/formats.js';
// The workspace layer gives the engine its practice dictionaries (as in the server).
import '../../server/src/workspace/engine.js';

/** An engine with the bundled data and caches of its own, as the server makes one. */
const newEngine = () => new Engine({ formats: extraFormats, vocabulary: new Vocabulary([], bundledLanguage) });

const EN = `# Employment support for people on benefits

We interviewed 24 caseworkers and 31 clients in four municipalities. Participants said that the
first meeting decides much of what follows. The NVVK[^1] and the UWV both take part in the pilot.

Most clients reported that letters from the municipality were hard to read, and half of them
asked a relative for help. The NVVK checks the letters every year.

## Recommendations

- Caseworkers should plan the first meeting within two weeks of the application.
- Team leaders should give caseworkers time to call clients who miss an appointment.
- The municipality should rewrite its standard letters with clients.

## Discussion

The UWV was not part of every interview, so these findings say little about it. STOP is written
here as an ordinary word in capitals, and the report says stop elsewhere.

[^1]: Nederlandse Vereniging voor Volkskrediet, the association of debt help organisations.
`;

const NL = `# Schuldhulp in de wijk

Wij spraken 18 consulenten en 22 inwoners. Deelnemers vertelden dat de eerste brief vaak
onduidelijk is. Het UWV en de gemeente werken samen.

## Aanbevelingen

- Consulenten moeten inwoners binnen twee weken na de aanmelding bellen.
- Teamleiders moeten de brieven samen met inwoners herschrijven.

## Discussie

De gemeente gebruikt de uitkomsten om de aanpak te verbeteren.
`;

/** The text with one word added inside the paragraph that starts with `paragraph`. */
function edited(text: string, paragraph: string, word: string): string {
  const at = text.indexOf(paragraph);
  assert.ok(at >= 0);
  const space = text.indexOf(' ', at);
  return `${text.slice(0, space + 1)}${word} ${text.slice(space + 1)}`;
}

function shape(r: LintResult) {
  return {
    findings: r.findings.map((f) => `${f.offset}-${f.endOffset} ${f.ruleId} ${f.severity} ${f.message.en} ${JSON.stringify(f.data ?? {})}`),
    sections: r.sections.map((s) => JSON.stringify(s)),
    practice: JSON.stringify(practiceFit(r.model)),
  };
}

describe('engine: an edit re-uses the unchanged blocks’ summaries', function () {
  this.timeout(60000);

  for (const [language, text, paragraph, word] of [
    ['en', EN, 'Most clients reported', 'also'],
    ['nl', NL, 'Wij spraken', 'ook'],
  ] as const) {
    it(`${language}: finds after an edit what a fresh check finds, re-using the other blocks' cue matches`, () => {
      const engine = newEngine();
      const first = engine.lint(text, { path: 'report.md' });
      const after = edited(text, paragraph, word);
      const second = engine.lint(after, { path: 'report.md' });
      const fresh = newEngine().lint(after, { path: 'report.md' });
      assert.deepEqual(shape(second), shape(fresh));
      // And the first check was right too (its summaries were made then).
      assert.deepEqual(shape(first), shape(newEngine().lint(text, { path: 'report.md' })));

      // The practice card's units: an unchanged sentence brings the cue matches the first check made.
      const lex = practiceLexicon(first.language);
      // A unit by its block's text and its own: the same sentence in the edited paragraph is a new block's.
      const keyOf = (r: LintResult, u: { block: number; text: string }) => `${r.model.blocks[u.block]!.analysed.block.text}\u0000${u.text}`;
      const before = new Map(unitsOf(first.model, lex).map((u) => [keyOf(first, u), u]));
      let reused = 0;
      let filled = 0;
      let renewed = 0;
      for (const u of unitsOf(second.model, lex)) {
        const old = before.get(keyOf(second, u));
        if (u.kind === 'heading') continue;
        if (old) {
          assert.equal(u.memo, old.memo, `kept with the cached block: ${u.text}`);
          // (A block that no pass reads keeps only its summary: its units are made again, empty, when asked for.)
          if (u.memo.some((x) => x !== undefined)) filled++;
          reused++;
        } else {
          assert.notEqual(u.memo, undefined);
          assert.ok(![...before.values()].some((o) => o.memo === u.memo), `made anew: ${u.text}`);
          renewed++;
        }
      }
      assert.ok(reused >= 3, `${reused} units re-used`);
      assert.ok(filled >= 2, `${filled} re-used units bring the first check's cue matches`);
      assert.ok(renewed >= 1, `${renewed} units of the edited paragraph made anew`);
    });
  }

  it('the abbreviation rule still reads a footnote that spells an acronym out, and capitals written as an ordinary word, after an edit', () => {
    const engine = newEngine();
    const ids = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'readability/undefined-abbreviation').map((f) => (f.data as { acronym: string }).acronym);
    const first = ids(engine.lint(EN, { path: 'r.md' }));
    assert.ok(!first.includes('NVVK'), 'spelled out in the footnote');
    assert.ok(!first.includes('STOP'), 'an ordinary word in capitals');
    const second = ids(engine.lint(edited(EN, 'Most clients reported', 'also'), { path: 'r.md' }));
    assert.deepEqual(second, first);
  });
});

describe('engine: the abbreviation rule after edits in place equals a fresh check', function () {
  this.timeout(60000);
  // Names written out before their acronym (or not), in paragraphs that edits change one word at a time.
  const PARAS = [
    'De Universiteit van Amsterdam deed mee aan het onderzoek naar schulden.',
    'Het Centraal Bureau voor de Statistiek leverde de cijfers over armoede.',
    'Wij spraken met de UVA en het CBS over de uitkomsten van de pilot.',
    'Daarna volgde een gesprek met het NIBUD over de begroting van gezinnen.',
    'Het Nationaal Instituut voor Budgetvoorlichting gaf advies aan de gemeente.',
    'De NVVK en de VNG waren ook betrokken bij de uitvoering van het plan.',
    'Vereniging Nederlandse Gemeenten schreef een brief aan alle wethouders.',
  ];
  const WORDS = ['Universiteit', 'Amsterdam', 'Centraal', 'Bureau', 'Statistiek', 'Nationaal', 'Instituut', 'Vereniging', 'Nederlandse', 'Gemeenten', 'ook', 'UVA', 'CBS', 'wij'];
  const ids = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'readability/undefined-abbreviation').map((f) => `${f.offset} ${JSON.stringify(f.data)}`);
  it('replacing, adding and removing words (names of organisations among them) keeps the findings of a fresh check', () => {
    const engine = newEngine();
    const step = fc.record({ para: fc.nat({ max: PARAS.length * 3 - 1 }), word: fc.nat({ max: 11 }), insert: fc.constantFrom(...WORDS, '') });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const paras = [...PARAS, ...PARAS, ...PARAS].map((p) => p.split(' '));
        for (const st of steps) {
          const words = paras[st.para]!;
          const at = st.word % words.length;
          if (st.insert) words.splice(at, 0, st.insert);
          else if (words.length > 3) words.splice(at, 1);
          const text = `# Rapport\n\n${paras.map((w) => w.join(' ')).join('\n\n')}\n`;
          assert.deepEqual(ids(engine.lint(text, { path: 'r.md' })), ids(newEngine().lint(text, { path: 'r.md' })));
        }
      }),
      { numRuns: 15 },
    );
    // A name taken out of the paragraph before the acronym and put back, and a name written out where there was none.
    const text = (paras: string[]) => `# Rapport\n\n${paras.join('\n\n')}\n\n${PARAS[2]}\n`;
    const versions = [PARAS, [PARAS[0]!.replace('Universiteit ', ''), ...PARAS.slice(1)], PARAS, [PARAS[0]!, 'Het Centraal Bureau voor de Nederlandse Bank.', ...PARAS.slice(2)], [PARAS[0]!, 'Het Centraal Bureau Statistiek.', ...PARAS.slice(2)]];
    for (const v of versions) assert.deepEqual(ids(engine.lint(text(v), { path: 'r.md' })), ids(newEngine().lint(text(v), { path: 'r.md' })));
    assert.ok(ids(engine.lint(text(versions[1]!), { path: 'r.md' })).some((x) => x.includes('UVA')), 'UVA is unexplained without its name');
  });
});

describe('engine: adopted sections (term rules) after edits equal a fresh check', function () {
  this.timeout(60000);
  // A section that says it is adopted from a source is not the writer's text; edits add and remove that sentence, rename the section, add jargon.
  const BASE = ['# Teaching', 'We asked learners prior to the class what they knew.', '# Code of Conduct', 'The team will maintain confidentiality with regard to the reporter of an incident.', '## Attribution', 'This Code of Conduct is adapted from the Contributor Covenant version 1.4.'];
  const PIECES = ['This Code of Conduct is adapted from the Contributor Covenant version 1.4.', 'Staff spoke with regard to their workload prior to the meeting.', '# Code of Practice', 'This Code of Practice is reproduced from the guide.', 'The Attribution is taken from a paper.', ''];
  const jargon = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'vocabulary/jargon').map((f) => `${f.offset}-${f.endOffset} ${f.severity}`);
  it('adding, replacing and removing paragraphs and headings keeps the jargon findings of a fresh check', () => {
    const engine = newEngine();
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat({ max: 20 }), piece: fc.constantFrom(...PIECES), replace: fc.boolean() }), { minLength: 1, maxLength: 8 }), (steps) => {
        const paras = [...BASE];
        for (const st of steps) {
          const at = st.at % (paras.length + 1);
          if (st.replace && at < paras.length) paras[at] = st.piece || paras[at]!;
          else if (st.piece) paras.splice(at, 0, st.piece);
          else if (at < paras.length && paras.length > 2) paras.splice(at, 1);
          const text = `${paras.join('\n\n')}\n`;
          assert.deepEqual(jargon(engine.lint(text, { path: 'r.md' })), jargon(newEngine().lint(text, { path: 'r.md' })), text);
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('lsp: comparing diagnostics with the published ones', () => {
  const d = (message: string, data?: unknown): Diagnostic => ({
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } },
    severity: 2,
    source: 'brug',
    code: 'readability/long-sentence',
    message,
    ...(data === undefined ? {} : { data }),
  });

  it('equal as the client receives them: key order and undefined properties do not count', () => {
    const a = d('long', { ruleId: 'x', words: 31 });
    const b: Diagnostic = { message: 'long', code: 'readability/long-sentence', source: 'brug', severity: 2, range: { end: { character: 9, line: 1 }, start: { character: 2, line: 1 } }, data: { words: 31, ruleId: 'x' }, tags: undefined };
    assert.ok(sameDiagnostics([a], [b]));
  });

  it('different when a message, a range, the data or the number of diagnostics differs', () => {
    assert.ok(!sameDiagnostics([d('long')], [d('longer')]));
    assert.ok(!sameDiagnostics([d('long', { words: 31 })], [d('long', { words: 32 })]));
    assert.ok(!sameDiagnostics([d('long', { words: 31 })], [d('long')]));
    assert.ok(!sameDiagnostics([d('long', [1, 2])], [d('long', [1, 2, 3])]));
    const moved = d('long');
    moved.range = { start: { line: 1, character: 3 }, end: { line: 1, character: 9 } };
    assert.ok(!sameDiagnostics([d('long')], [moved]));
    assert.ok(!sameDiagnostics([d('long')], [d('long'), d('long')]));
  });
});
