/**
 * What the engine notes of a check's blocks against the last check of the document (engine/incremental.ts BlockEdit)
 * holds after any edit, and the summaries that compare the two lists from past those ends (BlockStates) are those
 * summed from scratch.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { BlockStates, Tally, blockEditOf } from '../../server/src/engine/incremental.js';
import type { Sentence } from '../../server/src/engine/text/sentences.js';

type Sentences = Sentence[];

const PARAGRAPHS = [
  'Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp die zij kregen van de gemeente.',
  'The team interviewed twelve clients in their own homes; most had waited months for a first talk (UWV).',
  '- Een eerste gesprek binnen twee weken.\n- Een vaste contactpersoon.',
  '> "Ik wist niet waar ik moest beginnen," zei een deelnemer.',
];

function report(sections: number): string {
  const out: string[] = ['# Rapport over schuldhulp'];
  for (let s = 0; s < sections; s++) {
    out.push(`## Hoofdstuk ${s + 1}`);
    for (let p = 0; p < 5; p++) out.push(`${PARAGRAPHS[(s + p) % PARAGRAPHS.length]} (${s}.${p})`);
  }
  return `${out.join('\n\n')}\n`;
}

const PIECES = ['extra ', '\n\n', '\n\n## Nieuw hoofdstuk\n\n', 'Het UWV hielp. ', '"Ik begreep het niet," zei zij. ', '- punt\n', '', '😀 reïntegratie ', '\r\n\r\nCRLF-alinea.\r\n\r\n', 'ADHD (attention deficit) '];

/** The words of a block's sentences (what a summary adds up per block). */
function wordsOf(sentences: Sentences): string[] {
  const out: string[] = [];
  for (const s of sentences) for (const w of s.words) out.push(w.lower);
  return out;
}

describe('engine: the blocks an edit left, noted for those that compare them (BlockEdit)', function () {
  this.timeout(120_000);

  it('the blocks before the edit are the last ones, those after it have their analyses; summaries corrected from past those ends equal a count from scratch (fast-check)', () => {
    const engine = new Engine();
    const states = new BlockStates(() => new Tally<string>());
    const summary = (r: LintResult) =>
      states.update(r.model.blocks, (b) => b.analysed.sentences, (tally, key, delta) => tally.add(wordsOf(key as Sentences), delta), (b) => b.facts);
    let text = report(10);
    let result = engine.lint(text, { path: 'block-edit.md' });
    summary(result);
    let noted = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.nat({ max: 60 }), fc.nat({ max: 1500 })), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 4 }), (series) => {
        // Each series from a long report again (the engine and the summaries warm from the series before).
        if (text.length < 3000) {
          text = report(10);
          result = engine.lint(text, { path: 'block-edit.md' });
          summary(result);
        }
        for (const [where, remove, piece] of series) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + piece + text.slice(Math.min(text.length, at + remove));
          const previous = result.model.blocks;
          result = engine.lint(text, { path: 'block-edit.md' });
          const blocks = result.model.blocks;
          const edit = blockEditOf(blocks, previous);
          edits++;
          if (edit) {
            noted++;
            assert.ok(edit.before + edit.after <= Math.min(blocks.length, previous.length));
            for (let i = 0; i < edit.before; i++) assert.equal(blocks[i], previous[i]);
            for (let i = 1; i <= edit.after; i++) {
              const b = blocks[blocks.length - i]!;
              const o = previous[previous.length - i]!;
              assert.equal(b.facts, o.facts);
              assert.equal(b.analysed.sentences, o.analysed.sentences);
            }
          }
          const fresh = new Tally<string>();
          for (const b of blocks) fresh.add(wordsOf(b.analysed.sentences), 1);
          assert.ok(fresh.counts.size > 10);
          assert.deepEqual(new Map([...summary(result).counts].sort()), new Map([...fresh.counts].sort()));
        }
      }),
      { numRuns: 40, seed: 23 },
    );
    assert.ok(noted > edits / 2, `edits noted: ${noted} of ${edits}`);
  });

  it('nothing is noted against another document or a list the engine did not place before', () => {
    const engine = new Engine();
    const a = engine.lint(report(3), { path: 'a.md' });
    const b = engine.lint(report(4), { path: 'b.md' });
    const a2 = engine.lint(`${report(3)}\nextra\n`, { path: 'a.md' });
    assert.ok(blockEditOf(a2.model.blocks, a.model.blocks));
    assert.equal(blockEditOf(a2.model.blocks, b.model.blocks), undefined);
    assert.equal(blockEditOf(b.model.blocks, a.model.blocks), undefined);
    assert.equal(blockEditOf(a2.model.blocks, undefined), undefined);
  });
});
