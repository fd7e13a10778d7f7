/**
 * inLegend and isWebAddressLabel after edits: the answers an edited text starts from (the last text's, where the lines
 * the edit touched cannot change them) equal the answers over the whole text.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { forgetTextAnswers, inLegend, isWebAddressLabel } from '../../server/src/engine/vocabulary/abbreviations.js';
import { LineIndex } from '../../server/src/engine/offsets.js';

const ABBREVIATIONS = ['UWV', 'PD', 'SROI', 'UVA', 'MUI', 'CBS'];
const LINES = [
  'UWV: Uitvoeringsinstituut Werknemersverzekeringen',
  '- `PD` persoon met dementie',
  '**SROI** – social return on investment',
  'Zie https://www.uwv.nl/werk voor meer.',
  'uva.nl is de site van de universiteit.',
  'Het pakket staat op mui.com en example.org/CBS-poll.pdf.',
  'De UWV helpt mensen aan werk; het CBS telt ze.',
  '  * CBS = Centraal Bureau voor de Statistiek',
  'Gewone tekst zonder afkortingen.',
  'CBS: a',
  '`PD` b',
  'mui.nl',
  '',
];
const PIECES = ['\n', '.', ';', '\r\n', 'UWV', 'CBS', ': ', ' = ', '.nl', '.com', ' ', '`', '- ', '**', 'x', 'https://', '/'];

/** Each abbreviation's two answers. */
function answersOf(text: string, lines: LineIndex | undefined, asked: readonly string[]): string[] {
  return asked.map((a) => `${a} ${inLegend(text, a, lines)} ${isWebAddressLabel(text, a, lines)}`);
}

describe('abbreviation answers after edits (inLegend, isWebAddressLabel): the same as over the whole text', () => {
  it('random lines and edits, a random part of the abbreviations asked at each version (fast-check)', () => {
    const documentArb = fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom('\n', '\r\n', '\n\n')), { minLength: 1, maxLength: 10 }).map((ls) => ls.map(([l, e]) => l + e).join(''));
    const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 12 }), fc.constantFrom(...PIECES, ''));
    const askedArb = fc.subarray(ABBREVIATIONS, { minLength: 1 });
    let carried = 0;
    fc.assert(
      fc.property(documentArb, fc.array(fc.tuple(edit, askedArb), { minLength: 1, maxLength: 8 }), (original, steps) => {
        forgetTextAnswers();
        let text = original;
        let lines = new LineIndex(text);
        answersOf(text, lines, ABBREVIATIONS);
        const versions: Array<[string, string[], string[]]> = [];
        for (const [[where, remove, insert], asked] of steps) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
          lines = LineIndex.afterEdit(lines, text);
          if (lines.madeAfter) carried++;
          versions.push([text, asked, answersOf(text, lines, asked)]);
        }
        for (const [version, asked, incremental] of versions) {
          forgetTextAnswers();
          assert.deepStrictEqual(incremental, answersOf(version, undefined, asked), JSON.stringify(version));
        }
      }),
      { numRuns: 500, seed: 17 },
    );
    // The edited texts' answers started from the last ones (the path under test was taken).
    assert.ok(carried > 500, `edits made after a line index: ${carried}`);
  });

  it('a true answer whose line the edit removed is asked over the whole text again', () => {
    forgetTextAnswers();
    const text = 'Intro.\nUWV: Uitvoeringsinstituut Werknemersverzekeringen\nDe UWV helpt.\n';
    const lines = new LineIndex(text);
    assert.equal(inLegend(text, 'UWV', lines), true);
    const edited = text.replace('UWV: ', 'UWV helpt ');
    const editedLines = LineIndex.afterEdit(lines, edited);
    assert.equal(inLegend(edited, 'UWV', editedLines), false);
    // A legend line added at the end: found in the lines the edit touched.
    const again = `${edited}UWV: Uitvoeringsinstituut\n`;
    assert.equal(inLegend(again, 'UWV', LineIndex.afterEdit(editedLines, again)), true);
  });
});
