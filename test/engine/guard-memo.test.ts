/**
 * The fix guard's memos (fixes.ts GuardMemo, speed only): a verdict is remembered by the block's map with all it was read
 * from, and handed out again only when all of that is the same. Whatever changed since (the text anywhere, the block's
 * place, language, text or placeholders), the guard with its memos gives the verdicts of a guard that never saw the
 * blocks (the same blocks with maps of their own).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { guardFixes } from '../../server/src/engine/fixes.js';
import type { GuardBlock } from '../../server/src/engine/fixes.js';
import { parseMarkdown } from '../../server/src/engine/formats/markdown.js';
import type { Finding, Language, ProseBlock } from '../../server/src/engine/types.js';

const TEXT = [
  '# A heading in order to test',
  '',
  'The team will *make a decision* in order to help, and `in order to` is code; "we facilitate nothing" they said.',
  'Then the residents answered "wij helpen niet" in order to end the talk.',
  'A second line of the same paragraph, with a [link text](https://example.org/in-order-to) and &amp; an entity.',
  '',
  '> A block quote in order to see that nothing there is fixed.',
  '',
  '- A list item in order to facilitate the work',
  '- Another item with **bold words** and an é accent',
  '',
].join('\n');

const NEW_TEXTS = ['', 'x', 'so as to', 'a\nb', '*', 'to help', '(see)'];

interface Probe {
  at: number;
  length: number;
  newText: string;
}

const probe: fc.Arbitrary<Probe> = fc.record({
  at: fc.integer({ min: 0, max: TEXT.length }),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
  newText: fc.constantFrom(...NEW_TEXTS),
});

/** The verdict on each probe (0 keep, 1 suggestion, 2 dropped) by guardFixes over `text` and `blocks`. */
function verdicts(text: string, blocks: readonly GuardBlock[], probes: readonly Probe[]): number[] {
  const findings: Finding[] = probes.map((p) => {
    const offset = Math.min(p.at, text.length);
    const endOffset = Math.min(offset + p.length, text.length);
    return { ruleId: 'test/rule', severity: 'warning', message: { en: 'x', nl: 'x' }, offset, endOffset, fixes: [{ title: { en: 'x', nl: 'x' }, preferred: true, kind: 'safe', edits: [{ offset, endOffset, newText: p.newText }] }] };
  });
  guardFixes(text, findings, blocks, 'markdown', 0);
  return findings.map((f) => (f.fixes.length === 0 ? 2 : f.fixes[0]!.kind === 'safe' ? 0 : 1));
}

/** Guard blocks of a parse (the same maps every time it is asked for the same parse), or with maps of their own. */
function guardBlocks(blocks: readonly ProseBlock[], language: Language, shift: number, own: boolean): GuardBlock[] {
  // (A warm block also names its text as a copy of its own, as the engine's blocks do: GuardBlock.text.)
  return blocks.map((b) => (own ? { block: { ...b, map: b.map.map((s) => ({ ...s })), placeholders: b.placeholders?.map((p) => [p[0], p[1]] as [number, number]) }, language, base: (b.mapBase ?? 0) + shift, shift } : { block: b, language, base: (b.mapBase ?? 0) + shift, shift, text: (' ' + b.text).slice(1) }));
}

describe('engine: the fix guard remembers its verdicts', function () {
  this.timeout(120_000);

  it('with its memos, the guard judges as a guard that never saw the blocks (fast-check)', () => {
    const parsed = parseMarkdown(TEXT).blocks;
    fc.assert(
      fc.property(
        fc.array(probe, { minLength: 1, maxLength: 12 }),
        // A change of the text the blocks were not read from again (what may differ at the block's edges and between them).
        fc.record({ at: fc.integer({ min: 0, max: TEXT.length - 1 }), length: fc.integer({ min: 0, max: 6 }), piece: fc.constantFrom('', '\r', '\n', ' ', '"', '*', '\ud83d', '\ude00', 'ab', '`') }),
        fc.constantFrom<Language>('en', 'nl'),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (probes, change, language, moved, otherText) => {
          // The first judgement fills the memos of the parse's maps.
          verdicts(TEXT, guardBlocks(parsed, 'en', 0, false), probes);
          const text = TEXT.slice(0, change.at) + change.piece + TEXT.slice(change.at + change.length);
          // The same maps again: in another place (the text shifted before the blocks), language, or with another text.
          const shifted = moved > 0 ? ' '.repeat(moved) + text : text;
          const blocks = otherText ? parsed.map((b) => ({ ...b, text: b.text.replace(/"/g, 'x') })) : parsed;
          const warm = verdicts(shifted, guardBlocks(blocks, language, moved, false), probes.map((p) => ({ ...p, at: p.at + moved })));
          const cold = verdicts(shifted, guardBlocks(blocks, language, moved, true), probes.map((p) => ({ ...p, at: p.at + moved })));
          assert.deepEqual(warm, cold);
        },
      ),
      { numRuns: 400, seed: 36 },
    );
  });

  it('a remembered verdict is handed out again for the same edit in the same block', () => {
    const parsed = parseMarkdown(TEXT).blocks;
    const at = TEXT.indexOf('in order to help');
    const probes = [{ at, length: 'in order to'.length, newText: 'to' }];
    const first = verdicts(TEXT, guardBlocks(parsed, 'en', 0, false), probes);
    const again = verdicts(` ${TEXT}`, guardBlocks(parsed, 'en', 1, false), [{ ...probes[0]!, at: at + 1 }]);
    assert.deepEqual(first, [0]);
    assert.deepEqual(again, first);
  });
});
