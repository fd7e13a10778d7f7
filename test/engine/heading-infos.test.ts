/**
 * The headings' infos the section roles are assigned from, read again only where an edit changed the blocks
 * (sections.ts headingInfosAfterEdit): after any series of edits the same as read from the whole parse.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { headingInfos, headingInfosAfterEdit } from '../../server/src/engine/sections.js';
import type { HeadingList } from '../../server/src/engine/sections.js';
import type { ProseBlock } from '../../server/src/engine/types.js';
import { reparseAfterEdits } from '../helpers/warm-edits.js';

/** How a parse's blocks stand to the last parse's, as the engine compares them (engine.ts sameEnds). */
function sameEnds(pb: readonly ProseBlock[], ob: readonly ProseBlock[]): { before: number; after: number } {
  const n = pb.length;
  const m = ob.length;
  const k = Math.min(n, m);
  let p = 0;
  while (p < k && pb[p] === ob[p]) p++;
  let q = 0;
  while (q < k - p && pb[n - 1 - q]!.map === ob[m - 1 - q]!.map && pb[n - 1 - q]!.text === ob[m - 1 - q]!.text) q++;
  return { before: p, after: q };
}

const PIECES = [
  '\n\n## Methode\n\n',
  '\n\n# Conclusion\n\n',
  '\n\n### Interviews met cliënten\n\n',
  '\n\nWij spraken veertig cliënten over hun schulden (WSNP).\n\n',
  '\n\nThe team met twelve clients 😀 at home; "most had waited".\n\n',
  '\r\n\r\n## Resultaten\r\n\r\n',
  '\n\n> "Ik wist niet waar ik moest beginnen," zei een deelnemer.\n\n',
  '\n\n- Een vast aanspreekpunt.\n- Een eerste gesprek.\n\n',
  'extra ',
  '#',
  '\n',
];

function report(sections: number, openWithHeadings: boolean): string {
  const out: string[] = openWithHeadings ? ['# Rapport over schuldhulp', '## Samenvatting'] : ['Een inleidende alinea zonder kop.'];
  for (let s = 0; s < sections; s++) {
    out.push(`${s % 3 === 0 ? '#' : '##'} Hoofdstuk ${s + 1}`);
    const long = 'Professionals in de wijk willen weten wat zij morgen anders kunnen doen. '.repeat(s % 4 === 0 ? 50 : 2);
    for (let p = 0; p < 4; p++) out.push(`${long}Alinea ${s}.${p} over de hulp van de gemeente.`);
  }
  return `${out.join('\n\n')}\n`;
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 2000 })),
  piece: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES)),
});

describe('sections: heading infos after an edit', function () {
  this.timeout(120_000);

  for (const openWithHeadings of [false, true]) {
    it(`equal those read from the whole parse, edits adding and removing headings, blocks, quotes, emoji, CRLF (fast-check${openWithHeadings ? ', a document opening with headings' : ''})`, () => {
      const base = report(14, openWithHeadings);
      let reused = 0;
      let edits = 0;
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (series) => {
          let list: HeadingList | undefined;
          reparseAfterEdits(base, series, (blocks, last) => {
            list ??= headingInfosAfterEdit(last, undefined);
            const next = headingInfosAfterEdit(blocks, { ...list, count: last.length, ...sameEnds(blocks, last) });
            const at0: number[] = [];
            blocks.forEach((b, i) => b.kind === 'heading' && at0.push(i));
            assert.deepEqual(next.infos, headingInfos(blocks));
            assert.deepEqual(next.at, at0);
            edits++;
            if (next.infos.some((x, i) => x === list!.infos[i])) reused++;
            list = next;
          });
        }),
        { numRuns: 150, seed: openWithHeadings ? 23 : 2312 },
      );
      // The incremental path was taken (infos kept from the last parse) in many edits.
      assert.ok(reused > edits / 8, `infos kept in ${reused} of ${edits} edits`);
    });
  }
});
