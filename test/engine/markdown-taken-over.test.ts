/**
 * The chunks a Markdown parse takes over whole from the last parse after an edit (formats/markdown.ts ChunkPlaces: the
 * leading ones up to a chunk end that is a chunk start of this parse, the trailing ones from a chunk that starts where
 * one of the last parse started): an edit that changes where the chunk before it ends (a line indented into the list
 * item above it), whether that chunk is read with the next (a list item after indented code) or what the chunks after
 * it are (a fence opened above them) gives the blocks of a parse from scratch.
 */
import { strict as assert } from 'node:assert';
import { clearMarkdownCache, forgetLastParse, parseEditOf, parseMarkdown, setChunkGrouping } from '../../server/src/engine/formats/markdown.js';
import { type EditEnds, LineIndex } from '../../server/src/engine/offsets.js';
import type { ProseBlock } from '../../server/src/engine/types.js';

function plain(blocks: readonly ProseBlock[]): unknown[] {
  return blocks.map((b) => ({ ...b, map: b.map.map((s) => ({ ...s, d: s.d + (b.mapBase ?? 0) })), mapBase: undefined }));
}

function fresh(text: string): unknown[] {
  forgetLastParse();
  clearMarkdownCache();
  const blocks = plain(parseMarkdown(text).blocks);
  forgetLastParse();
  return blocks;
}

/** `text` parsed, then `edited` parsed after it with the ends the line index finds (as the engine parses an edit). */
function afterEdit(text: string, edited: string): ProseBlock[] {
  forgetLastParse();
  clearMarkdownCache();
  const lines = new LineIndex(text);
  parseMarkdown(text);
  const ends: EditEnds = { prefix: 0, suffix: 0 };
  LineIndex.afterEdit(lines, edited, ends);
  return parseMarkdown(edited, ends).blocks;
}

const para = (i: number) => `Alinea ${i} over wat professionals in de wijk morgen anders kunnen doen.`;

describe('markdown: chunks taken over whole after an edit', () => {
  afterEach(() => {
    setChunkGrouping(undefined);
    forgetLastParse();
  });

  for (const grouping of ['every piece a chunk', 'the default grouping'] as const) {
    it(`a line indented into the list item before it joins that item (${grouping})`, () => {
      if (grouping === 'every piece a chunk') setChunkGrouping(() => true);
      // (With the default grouping, lists at many places: some end a chunk.)
      const parts: string[] = [];
      for (let i = 0; i < 40; i++) parts.push(para(i), `- Punt ${i}.`);
      const text = `${parts.join('\n\n')}\n`;
      let checked = 0;
      for (let i = 0; i < 38; i += 3) {
        const at = text.indexOf(para(i + 1));
        const edited = `${text.slice(0, at)}    ${text.slice(at)}`;
        const blocks = afterEdit(text, edited);
        assert.deepEqual(plain(blocks), fresh(edited), `paragraph ${i + 1} indented`);
        // The paragraph reads as the list item's second paragraph, not as code.
        assert.ok(blocks.some((b) => b.text === para(i + 1)));
        checked++;
      }
      assert.ok(checked > 10);
    });
  }

  it('a list item written after indented code is read with it, as the parser reads it (every piece a chunk)', () => {
    setChunkGrouping(() => true);
    // Indented code at the end of a chunk: a list item right after it would be read with it.
    const parts: string[] = [];
    for (let i = 0; i < 20; i++) parts.push(para(i), `    code ${i}`);
    const text = `${parts.join('\n\n')}\n`;
    for (const item of ['3. ', '- ', '1. ']) {
      const at = text.indexOf(para(11));
      const edited = `${text.slice(0, at)}${item}${text.slice(at)}`;
      assert.deepEqual(plain(afterEdit(text, edited)), fresh(edited), `${item}before paragraph 11`);
    }
  });

  it('a fence opened before the chunks after an edit makes them code (every piece a chunk)', () => {
    setChunkGrouping(() => true);
    const text = `${Array.from({ length: 30 }, (_, i) => para(i)).join('\n\n')}\n`;
    const at = text.indexOf(para(10));
    const edited = `${text.slice(0, at)}\`\`\`\n\n${text.slice(at)}`;
    const blocks = afterEdit(text, edited);
    assert.deepEqual(plain(blocks), fresh(edited));
    assert.equal(blocks.length, 10);
  });

  it('hands out the leading blocks again and takes the trailing ones over, moved (every piece a chunk)', () => {
    setChunkGrouping(() => true);
    const text = `${Array.from({ length: 30 }, (_, i) => para(i)).join('\n\n')}\n`;
    forgetLastParse();
    const lines = new LineIndex(text);
    const first = parseMarkdown(text).blocks;
    const at = text.indexOf(para(15)) + 7;
    const edited = `${text.slice(0, at)}extra ${text.slice(at)}`;
    const ends: EditEnds = { prefix: 0, suffix: 0 };
    LineIndex.afterEdit(lines, edited, ends);
    const parsed = parseMarkdown(edited, ends);
    const blocks = parsed.blocks;
    assert.deepEqual(plain(blocks), fresh(edited));
    const raw = parsed.raw!;
    const p = parseEditOf(raw.blocks)!;
    assert.ok(p.before >= 14 && p.after >= 14, `before ${p.before}, after ${p.after}`);
    for (let i = 0; i < p.before; i++) {
      assert.equal(raw.blocks[i], first[i]);
      assert.equal(blocks[i], first[i]);
    }
    // The blocks after the edit: the last parse's objects kept, each moved 6 characters (as blocks: copies, moved).
    for (let i = 16; i < 30; i++) {
      assert.equal(raw.blocks[i], first[i]);
      assert.equal(raw.shifts![i], 6);
      assert.notEqual(blocks[i], first[i]);
      assert.equal(blocks[i]!.start, first[i]!.start + 6);
      assert.equal(blocks[i]!.map, first[i]!.map);
    }
  });
});
