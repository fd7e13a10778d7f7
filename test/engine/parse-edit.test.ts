/**
 * What the Markdown reader says of a parse's blocks against the last parse's (formats/markdown.ts ParseEdit): the blocks
 * of the chunks it kept in place are the last parse's block objects at the same places (its raw blocks, the same objects
 * moved as far), those of the trailing chunks it took over have their maps and texts. The engine compares the blocks only
 * past these ends (engine.ts sameEnds).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseEditOf, parseMarkdown } from '../../server/src/engine/formats/markdown.js';
import type { RawBlocks } from '../../server/src/engine/types.js';
import { editsOf, reparseAfterEdits } from '../helpers/warm-edits.js';

const PIECES = ['\n\n## Methode\n\n', '\n\nWij spraken veertig cliënten over hun schulden.\n\n', '\n\n```\ncode\n', '\n\n[x]: https://example.org\n\n', '\n\n- Een punt.\n- Nog een.\n\n', 'extra ', '\r\n', '\n', '*'];

function report(sections: number): string {
  const out: string[] = ['# Rapport over schuldhulp', 'Een inleidende alinea met een [link][x].'];
  for (let s = 0; s < sections; s++) {
    out.push(`## Hoofdstuk ${s + 1}`);
    for (let p = 0; p < 5; p++) out.push(`${'Professionals in de wijk willen weten wat zij morgen anders kunnen doen. '.repeat(1 + (p % 3))}Alinea ${s}.${p}.`);
  }
  return `${out.join('\n\n')}\n`;
}

/** The first blocks that are the same objects in the same places, and the last ones with the same maps and texts (at most the shorter length). */
function comparedEnds(raw: RawBlocks, last: RawBlocks): { before: number; after: number } {
  const pb = raw.blocks;
  const ob = last.blocks;
  const k = Math.min(pb.length, ob.length);
  let p = 0;
  while (p < k && pb[p] === ob[p] && (raw.shifts?.[p] ?? 0) === (last.shifts?.[p] ?? 0)) p++;
  let q = 0;
  while (q < k - p && pb[pb.length - 1 - q]!.map === ob[ob.length - 1 - q]!.map && pb[pb.length - 1 - q]!.text === ob[ob.length - 1 - q]!.text) q++;
  return { before: p, after: q };
}

const edit = editsOf(PIECES, 2000);

describe('markdown: how a parse stands to the last one (ParseEdit)', function () {
  this.timeout(120_000);

  it('an edit in the middle: the blocks before it are the last parse\'s objects, those after it its maps and texts', () => {
    const base = report(20);
    const first = parseMarkdown(base).raw!.blocks;
    const at = base.indexOf('Alinea 10.2.');
    const text = `${base.slice(0, at)}extra ${base.slice(at)}`;
    const parsed = parseMarkdown(text);
    const blocks = parsed.raw!.blocks;
    const e = parseEditOf(blocks)!;
    assert.equal(e.previous, parseEditOf(first)!.id);
    assert.ok(e.before > 20 && e.after > 20, JSON.stringify(e));
    for (let i = 0; i < e.before; i++) assert.equal(blocks[i], first[i]);
    for (let i = 1; i <= e.after; i++) assert.equal(blocks[blocks.length - i]!.map, first[first.length - i]!.map);
    // The blocks after the edit are the same objects, moved: as blocks, copies at their new places.
    assert.equal(blocks[blocks.length - 1], first[first.length - 1]);
    assert.equal(parsed.raw!.shifts![blocks.length - 1], 6);
    assert.equal(parsed.blocks[blocks.length - 1]!.start, first[first.length - 1]!.start + 6);
    // Another document parsed between: the next parse of this one is compared with that one's.
    const other = parseMarkdown('# Ander\n\nTekst.\n').raw!.blocks;
    const again = parseMarkdown(base).raw!.blocks;
    assert.equal(parseEditOf(again)!.previous, parseEditOf(other)!.id);
  });

  it('after any series of edits: at most the ends a comparison of the blocks finds (fast-check)', () => {
    const base = report(12);
    let kept = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (series) => {
        reparseAfterEdits(base, series, (_blocks, _last, parsed, lastParsed) => {
          const e = parseEditOf(parsed.raw!.blocks)!;
          const c = comparedEnds(parsed.raw!, lastParsed.raw!);
          assert.equal(e.previous, parseEditOf(lastParsed.raw!.blocks)!.id);
          assert.ok(e.before <= c.before && e.after <= c.after, `${JSON.stringify(e)} against ${JSON.stringify(c)}`);
          edits++;
          if (e.before + e.after > 0) kept++;
        });
      }),
      { numRuns: 150, seed: 4242 },
    );
    assert.ok(kept > edits / 2, `ends known in ${kept} of ${edits} edits`);
  });
});
