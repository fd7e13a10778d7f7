/**
 * Answers about the whole text that a check of a long report carries over from the last check (session 26). Whether a
 * report uses a field's words (the programme abbreviations known only in one country's field: SNAP and TANF
 * in a US benefits report, `knownIn` in dictionaries/en/abbreviations.yml), asked at every check of undefined-abbreviation,
 * is carried over from the last check where the edit cannot have changed it (abbr42): the answers after any series of
 * edits are those of the text read from scratch, and the rule's findings those of a fresh engine.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { textMentions } from '../../server/src/engine/rules/readability/abbreviations.js';
import { LineIndex } from '../../server/src/engine/offsets.js';
import { pieceTextJoins } from '../../server/src/engine/text/view.js';
import { cutAt } from '../helpers/pieces.js';
import { applyEdit, assertWarmEditsMatchFresh, editsOf, type Edit } from '../helpers/warm-edits.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const PHRASES = ['state agency', 'caseworker', 'caseworkers', 'medicaid', 'public benefits', 'cliënt', 'a b c d e f g h i'];
const WORD = fc.constantFrom('state', 'State', 'agency', 'AGENCY', 'caseworker', 'Caseworkers', 'medicaid', 'Medicaid', 'public', 'benefits', 'cliënt', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'x', '😀', 'İ', 'the');
const GAP = fc.constantFrom(' ', '  ', '\n', ' \n ', '-', '', '.', 's ');
const TEXT = fc.array(fc.tuple(WORD, GAP), { maxLength: 40 }).map((xs) => xs.map(([w, g]) => w + g).join(''));
const EDIT = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 6, max: 60 })),
  piece: fc.oneof(fc.constant(''), fc.constantFrom(' ', 'x', 'state agency ', 'caseworker', 's', 'Medicaid ', '😀', 'İ', '\n', 'a b c d e f g h i')),
});

describe('undefined-abbreviation: the field words a report uses, carried from check to check (abbr42)', function () {
  this.timeout(120_000);

  it('answers after a series of edits as the text read from scratch, asked in pieces or as one string (fast-check)', () => {
    fc.assert(
      fc.property(TEXT, fc.array(EDIT, { minLength: 1, maxLength: 8 }), fc.array(fc.nat({ max: 400 }), { maxLength: 6 }), fc.array(fc.subarray(PHRASES), { minLength: 9, maxLength: 9 }), (base, edits, cuts, asked) => {
        let text = base;
        let lines = new LineIndex(text);
        // The first check asks every phrase; later ones a part of them (a phrase asked again after a check that did not
        // ask it is read from scratch).
        const first = textMentions(cutAt(text, cuts), lines);
        for (const p of PHRASES) assert.equal(first(p), textMentions(text)(p), `${JSON.stringify(p)} in ${JSON.stringify(text)}`);
        edits.forEach((e: Edit, i) => {
          text = applyEdit(text, e);
          lines = LineIndex.afterEdit(lines, text);
          const view = i % 2 === 0 ? cutAt(text, cuts) : text;
          const mentions = textMentions(view, lines);
          for (const p of asked[i]!) assert.equal(mentions(p), textMentions(text)(p), `${JSON.stringify(p)} after edit ${i + 1} in ${JSON.stringify(text)}`);
        });
      }),
      { numRuns: 600, seed: 20261206 },
    );
  });

  it('reads only the text around an edit that is far from what it found', () => {
    // A phrase of nine words reaches past a view's lower-cased stretches: read from scratch, it joins the pieces.
    const filler = 'Families apply in the first week and wait for a letter. '.repeat(400);
    let text = `${filler}We list a b c d e f g h i here.\n\n${filler}`;
    let lines = new LineIndex(text);
    assert.equal(textMentions(cutAt(text, [1000, 30000]), lines)('a b c d e f g h i'), true);
    const joins = pieceTextJoins();
    // A word typed far after the match, and one far before it: found where it was, moved with the text.
    for (const at of [text.length - 500, 200]) {
      text = `${text.slice(0, at)}also ${text.slice(at)}`;
      lines = LineIndex.afterEdit(lines, text);
      assert.equal(textMentions(cutAt(text, [1000, 30000]), lines)('a b c d e f g h i'), true);
    }
    assert.equal(pieceTextJoins() - joins, 0);
    // The match itself edited away: read from scratch, and not found.
    const at = text.indexOf('d e f');
    text = `${text.slice(0, at)}${text.slice(at + 1)}`;
    lines = LineIndex.afterEdit(lines, text);
    assert.equal(textMentions(cutAt(text, [1000, 30000]), lines)('a b c d e f g h i'), false);
  });

  it("gives a fresh engine's client sections after edits that add, use or remove an abbreviation for clients (fast-check)", () => {
    // "PD" stands for clients once defined; a key section that writes only "PD" names clients (clientAbbreviationNames,
    // carried over for the sections an edit left as they were). Three recommendations sections of one title are one finding.
    const base = [
      '# Onderzoek naar nachtrust\n\nWe spraken met personen met dementie (PD) en hun mantelzorgers over de nacht. Zorgmedewerkers vertelden over hun diensten.\n\n',
      '## Conclusie\n\nDe PD sliepen beter met een vaste avondroutine. Het team en de organisatie pasten de roosters aan.\n\n',
      ...[1, 2, 3].map((i) => `## Aanbeveling\n\nPlan de avondzorg ${i} met het team en de organisatie. De locatie zorgt voor rust op de gang en een vast rooster voor de nacht.\n\n`),
    ].join('');
    const pieces = ['PD ', '(PD) ', 'de PD ', 'personen met dementie (PD) ', 'cliënten ', 'x', '\n\n## Aanbeveling\n\n'];
    assertWarmEditsMatchFresh(base, {
      path: 'client-abbreviation.md',
      // (Also two characters replaced by two: an edit inside a section that leaves its length as it was.)
      edits: fc.oneof(editsOf(pieces, 80), fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.constant(2), piece: fc.constantFrom('PD', 'XY', 'ab') })),
      project: (r) => {
        const cp = r.analyses.clientPerspective as { keySections: Array<{ title: string; mentionsClients: boolean; parentMentionsClients: boolean }> };
        return {
          keys: cp.keySections.map((k) => [k.title, k.mentionsClients, k.parentMentionsClients]),
          findings: r.findings.filter((f) => f.ruleId === 'client/section-without-client').map((f) => [f.offset, f.message.en, f.related?.length ?? 0]),
        };
      },
      cacheSize: 1000,
      numRuns: 150,
      maxEdits: 6,
      seed: 4203,
      first: (r) => {
        const cp = r.analyses.clientPerspective as { keySections: Array<{ title: string; mentionsClients: boolean }> };
        assert.ok(cp.keySections.some((k) => k.title === 'Conclusie' && k.mentionsClients), 'the conclusion names clients by their abbreviation');
      },
    });
  });

  it('reads again a section whose abbreviation for clients an edit of the same length replaced', () => {
    const text = '# Nachtrust\n\nWe spraken met personen met dementie (PD) over de nacht.\n\n## Conclusie\n\nDe PD sliepen beter met een vaste avondroutine in de week.\n\n## Aanbevelingen\n\nPlan de avondzorg met het team.\n';
    const engine = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
    const conclusion = (t: string) => (engine.lint(t, { path: 'same-length.md' }).analyses.clientPerspective as { keySections: Array<{ title: string; mentionsClients: boolean }> }).keySections.find((k) => k.title === 'Conclusie')!.mentionsClients;
    assert.equal(conclusion(text), true);
    const at = text.indexOf('De PD') + 3;
    const edited = `${text.slice(0, at)}XY${text.slice(at + 2)}`;
    assert.equal(conclusion(edited), false);
    assert.equal(conclusion(text), true);
  });

  for (const [language, intro, body] of [
    // One field word in the English report (an edit may take it away), none in the Dutch one (an edit may bring one).
    ['en', 'Caseworkers help families apply for SNAP in the first week.\n\n', 'Many families also receive TANF.\n\n## Findings\n\nIn our study, families apply for SNAP and TANF after a letter from the county. The SNAP office answers most calls within a day.\n\n'],
    ['nl', '', 'De gemeente helpt gezinnen met SNAP en TANF in de eerste week.\n\n## Resultaten\n\nVeel gezinnen vragen SNAP aan na een brief. Het TANF-loket belt binnen een dag terug.\n\n'],
  ] as const) {
    it(`gives a fresh engine's findings after edits that add or remove a field's words (${language}, fast-check)`, () => {
      const pieces = ['Caseworkers ', 'the state agency ', 'state ', 'agency ', 'SNAP ', 'TANF ', 'public benefits ', 'Medicaid ', 'families ', '\n\n'];
      assertWarmEditsMatchFresh(intro + body.repeat(3), {
        path: `mentions-${language}.md`,
        edits: editsOf(pieces, 120),
        project: (r) => r.findings.filter((f) => f.ruleId === 'readability/undefined-abbreviation').map((f) => [f.offset, f.endOffset, f.severity, f.message.en]),
        cacheSize: 1000,
        numRuns: 60,
        maxEdits: 6,
        seed: language === 'nl' ? 4201 : 4202,
      });
    });
  }
});
