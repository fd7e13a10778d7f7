/**
 * The blocks a Markdown parse hands out again (formats/markdown.ts ChunkPlaces: each parse's chunks, their places and
 * blocks): a chunk kept in place hands out the block objects the last parse handed out for it; a moved chunk's blocks
 * are made from those. Whatever a caller did to them since (the engine marks blocks `skip`), and whatever
 * other document was parsed between, the blocks must be those of a parse from scratch.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { forgetLastParse, parseEditOf, parseMarkdown, parseMarkdownSteps } from '../../server/src/engine/formats/markdown.js';
import { type EditEnds, LineIndex } from '../../server/src/engine/offsets.js';
import type { ParsedDocument, ProseBlock } from '../../server/src/engine/types.js';
import { applyEdit, editsOf } from '../helpers/warm-edits.js';

const PIECES = ['\n\n## Methode\n\n', '\n\nWij spraken veertig cliënten over hun schulden.\n\n', '\n\n```\ncode\n', '\n\n- Een punt.\n- Nog een.\n\n', '\n\n> Een citaat met `code`.\n\n', 'extra ', '\n', '*'];

function report(sections: number): string {
  const out: string[] = ['# Rapport over schuldhulp', 'Een inleidende alinea met `code` en een [link](https://example.org).'];
  for (let s = 0; s < sections; s++) {
    out.push(`## Hoofdstuk ${s + 1}`);
    for (let p = 0; p < 4; p++) out.push(`${'Professionals in de wijk willen weten wat zij morgen anders kunnen doen. '.repeat(1 + (p % 3))}Alinea ${s}.${p}.`);
    if (s % 3 === 1) out.push('> Een citaat uit een gesprek.');
  }
  return `${out.join('\n\n')}\n`;
}

/** The blocks as plain data (what a caller reads of them). */
function plain(blocks: readonly ProseBlock[]): unknown[] {
  return blocks.map((b) => ({ ...b, map: b.map.map((s) => ({ ...s, d: s.d + (b.mapBase ?? 0) })), mapBase: undefined }));
}

function fresh(text: string): unknown[] {
  forgetLastParse();
  const blocks = plain(parseMarkdown(text).blocks);
  forgetLastParse();
  return blocks;
}

/** Runs a parse in steps, calling `between` after its first step. */
function parseWith(text: string, ends: EditEnds | undefined, between: () => void): ParsedDocument {
  const steps = parseMarkdownSteps(text, ends);
  let first = true;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (first) between();
    first = false;
  }
}

const edit = editsOf(PIECES, 1500);

describe('markdown: the blocks handed out again after an edit', function () {
  this.timeout(120_000);

  it('equal a parse from scratch, with blocks marked skip by the caller, over any series of edits (fast-check)', () => {
    const base = report(10);
    let kept = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(edit, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 })), { minLength: 1, maxLength: 5 }), (series) => {
        forgetLastParse();
        let text = base;
        let lines = new LineIndex(text);
        let last = parseMarkdown(text).raw!.blocks;
        for (const [e, marks] of series) {
          // As the engine marks the blocks of a references section: on the objects the last parse handed out (its raw blocks).
          for (const m of marks) if (last.length) last[Math.floor(m * last.length)]!.skip = true;
          text = applyEdit(text, e);
          const ends: EditEnds = { prefix: 0, suffix: 0 };
          lines = LineIndex.afterEdit(lines, text, ends);
          const parsed = parseMarkdown(text, ends);
          const raw = parsed.raw!.blocks;
          const p = parseEditOf(raw)!;
          for (let i = 0; i < p.before; i++) assert.equal(raw[i], last[i]);
          kept += p.before;
          assert.deepEqual(plain(parsed.blocks), fresh(text));
          // fresh() forgot the last parse: the next edit's parse starts from this one again.
          forgetLastParse();
          parseMarkdown(text);
          last = parseMarkdown(text).raw!.blocks;
        }
      }),
      { numRuns: 80, seed: 3535 },
    );
    assert.ok(kept > 0, 'some blocks handed out again');
  });

  it('equal a parse from scratch when another document, sharing its start, is parsed between its steps (fast-check)', () => {
    const base = report(10);
    fc.assert(
      fc.property(edit, edit, (e, f) => {
        forgetLastParse();
        parseMarkdown(base);
        const text = applyEdit(base, e);
        const other = applyEdit(base, f);
        const ends: EditEnds = { prefix: 0, suffix: 0 };
        LineIndex.afterEdit(new LineIndex(base), text, ends);
        let between: ProseBlock[] = [];
        const mine = parseWith(text, ends, () => {
          between = parseMarkdown(other).blocks;
        }).blocks;
        // Both, and then each edited again from the other's parse.
        const mineThen = plain(mine);
        const betweenThen = plain(between);
        assert.deepEqual(mineThen, fresh(text));
        assert.deepEqual(betweenThen, fresh(other));
        parseMarkdown(text);
        const again = parseMarkdown(`${text}Nog een alinea.\n`).blocks;
        assert.deepEqual(plain(again), fresh(`${text}Nog een alinea.\n`));
        assert.deepEqual(plain(mine), mineThen);
        assert.deepEqual(plain(between), betweenThen);
      }),
      { numRuns: 80, seed: 3536 },
    );
  });
});
