/**
 * A block that an edit only moved keeps its cached analysis; the engine places it with the parser's block object and
 * how far it moved, and makes its placed analysis (`analysed`, a copy of the cached one with a copy of the block in its
 * new place, which is also its `prose`) only when something asks for it. The rules' passes over every block read what
 * does not depend on the place through `source`, `sentences` and `core`, and the place through `blockStart`, `blockEnd`
 * and `mapBase`, so that an edit makes no such copy for the blocks after it (before they did, ~330 per edit on the ten
 * Dutch reports as one document from the practice card's recommendation sections alone, and ~675 on the thesis, most
 * by the fix guard). These tests edit every Markdown document of the dev corpus near its start and look at the blocks
 * after the edit.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineFor } from '../../server/src/workspace/engine.js';
import { placedAnalysisMade } from '../../server/src/engine/engine.js';
import { CORPUS_DIR } from '../helpers/shared.js';

const docs = ['nl', 'en'].flatMap((lang) => (existsSync(join(CORPUS_DIR, lang)) ? readdirSync(join(CORPUS_DIR, lang)).filter((f) => f.endsWith('.md')).sort().map((f) => `${lang}/${f}`) : []));

/** The text with a word put in at the first paragraph break after a twentieth of it (every block after it moves). */
function editNearStart(text: string, word: string): string {
  const at = text.indexOf('\n\n', Math.floor(text.length / 20));
  return at < 0 ? `${word} ${text}` : `${text.slice(0, at)} ${word}${text.slice(at)}`;
}

(docs.length ? describe : describe.skip)('engine: blocks an edit moved (every Markdown document of the dev corpus)', function () {
  this.timeout(240000);

  it('get no placed analysis from the rules after an edit before them, and the check equals one from scratch', () => {
    let moved = 0;
    for (const rel of docs) {
      const text = readFileSync(join(CORPUS_DIR, rel), 'utf8');
      const edited = editNearStart(text, rel.startsWith('nl/') ? 'ook' : 'also');
      const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
      warm.lint(text, { path: rel });
      const after = warm.lint(edited, { path: rel });
      const fresh = engineFor(undefined, undefined, { cacheSize: 4000 }).engine.lint(edited, { path: rel });
      assert.deepEqual(after.findings, fresh.findings, rel);
      for (const [i, b] of after.model.blocks.entries()) {
        // A block the edit moved: placed from a cached analysis made for a block elsewhere. (Read through `source` and
        // `blockStart` first: reading `prose` of a moved block makes its copy, and with it the placed analysis.)
        if (b.core.block.start === b.blockStart) continue;
        moved++;
        assert.ok(!placedAnalysisMade(b), `${rel}: block ${i} (${b.source.kind}, "${b.source.text.slice(0, 40)}") got a placed analysis`);
        // What the rules read instead is the block's own: its sentences, its place, the cached analysis's fields.
        assert.equal(b.sentences, b.core.sentences);
        assert.equal(b.prose.text, b.core.block.text);
        assert.equal(b.prose.kind, b.core.block.kind);
      }
    }
    // The edits moved blocks (else the test reads nothing): thousands over the corpus.
    assert.ok(moved > 1000, `only ${moved} moved blocks`);
  });

  it('still give the placed analysis when asked, with the block in its new place', () => {
    const rel = docs[0]!;
    const text = readFileSync(join(CORPUS_DIR, rel), 'utf8');
    const warm = engineFor(undefined, undefined, { cacheSize: 4000 }).engine;
    warm.lint(text, { path: rel });
    const after = warm.lint(editNearStart(text, 'ook'), { path: rel });
    const b = after.model.blocks.find((x) => x.core.block !== x.prose && x.core.block.start !== x.prose.start);
    assert.ok(b, 'a moved block');
    assert.equal(b.analysed.block, b.prose);
    assert.equal(b.analysed.sentences, b.core.sentences);
    assert.ok(placedAnalysisMade(b));
  });
});
