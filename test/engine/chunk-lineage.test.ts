/**
 * The Markdown reader's chunk cache after edits (formats/markdown.ts Lineage, ContentCache.sweep; eng37): the chunks of
 * the last parse stay cached through any series of edits (they are no longer marked used one by one), those of a
 * document no parse holds go once unused for a while, and the ends a parse reports as the last parse's (ParseEdit,
 * counted in bulk from the chunks taken over whole) are what they say: the same block objects before the edit, the
 * same maps and texts after it.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ContentCache } from '../../server/src/engine/cache.js';
import { cachedMarkdownChunks, chunkCached, chunkKey, clearMarkdownCache, forgetLastParse, heldChunks, lastChunking, parseEditOf, parseMarkdown } from '../../server/src/engine/formats/markdown.js';

/**
 * A document of numbered sections (no two chunks alike), `n` sections long; every seventh has an image embedded as a data
 * address (a piece of 8,192 characters or more: a chunk of its own, cached by a key, not by its text).
 */
function doc(name: string, n: number): string {
  const image = (i: number) => (i % 7 === 3 ? `\n\n![Figure ${i} of ${name}](data:image/png;base64,${`${name}${i}AAAA`.repeat(1200)})` : '');
  return Array.from({ length: n }, (_, i) => `## ${name} ${i}\n\nThe case manager of area ${i} in ${name} calls the resident. They agree on step ${i}.${image(i)}\n\n- point ${i} of ${name}\n- another point ${i}`).join('\n\n');
}

type Edit = { kind: 'word'; at: number; word: number } | { kind: 'cut'; at: number; len: number } | { kind: 'paste'; at: number; sections: number } | { kind: 'away'; parses: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('word' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), word: fc.nat({ max: 1e6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('paste' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), sections: fc.integer({ min: 1, max: 14 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('away' as const), parses: fc.integer({ min: 1, max: 3 }) }) },
);

/** The texts of the last parse's chunks. */
function chunkTexts(text: string): string[] {
  return lastChunking()!.chunks.map((c) => text.slice(c.start, c.end));
}

describe('Markdown chunk cache: the last parse holds its chunks, a forgotten document leaves (fast-check)', function () {
  this.timeout(120000);

  it('after every edit, each chunk of the parse is cached and the ends reported as the last parse are its', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.array(edit, { minLength: 1, maxLength: 60 }), (n, edits) => {
        clearMarkdownCache();
        let text = doc('Alpha', n);
        let last = parseMarkdown(text);
        let pasted = 0;
        for (const e of edits) {
          if (e.kind === 'away') {
            // Another document checked in between (the last parse is then its): this one's chunks are looked up again.
            for (let k = 0; k < e.parses; k++) parseMarkdown(doc(`Other${k}`, 3));
            last = parseMarkdown(text);
            continue;
          }
          const at = Math.floor(e.at * text.length);
          if (e.kind === 'word') text = `${text.slice(0, at)} w${e.word} ${text.slice(at)}`;
          else if (e.kind === 'cut') text = text.slice(0, at) + text.slice(at + e.len);
          else text = `${text.slice(0, at)}\n\n${doc(`Paste${pasted++}`, e.sections)}\n\n${text.slice(at)}`;
          const now = parseMarkdown(text);
          // (The reader's raw blocks: the objects it keeps, each with how far it moved since it was made.)
          const nr = now.raw!;
          const lr = last.raw!;
          const pe = parseEditOf(nr.blocks)!;
          for (let i = 0; i < pe.before; i++) {
            assert.equal(nr.blocks[i], lr.blocks[i], `block ${i} before the edit`);
            assert.equal(nr.shifts?.[i] ?? 0, lr.shifts?.[i] ?? 0, `block ${i} before the edit, its place`);
          }
          for (let i = 1; i <= pe.after; i++) {
            const b = nr.blocks[nr.blocks.length - i]!;
            const o = lr.blocks[lr.blocks.length - i]!;
            assert.ok(b.map === o.map && b.text === o.text, `block ${i} from the end after the edit`);
          }
          last = now;
          for (const c of chunkTexts(text)) assert.ok(chunkCached(c), `a chunk of the last parse left the cache: ${JSON.stringify(c.slice(0, 40))}`);
          // Held are the last parse's chunks, no others (a chunk an edit left ages as any other).
          assert.deepEqual(new Set(heldChunks()), new Set(chunkTexts(text).map(chunkKey)));
          // A chunk of 8,192 characters or more (here the embedded images) is kept by a short key, not a copy of its text.
          for (const key of heldChunks()) assert.ok(key.length < 8192, `a key of ${key.length} characters`);
        }
        // Then long enough for any chunk not held to have gone (UNUSED_PARSES, then a pass of the sweep), each edit at the end.
        const more = 34 + Math.ceil(cachedMarkdownChunks() / 16);
        for (let i = 0; i < more; i++) {
          text = `${text}${i % 2 ? ' end' : ''}`;
          parseMarkdown(text);
        }
        for (const c of chunkTexts(text)) assert.ok(chunkCached(c), `a chunk of the last parse left the cache after ${more} more edits: ${JSON.stringify(c.slice(0, 40))}`);
      }),
      { numRuns: 40 },
    );
  });

  it('a document no parse holds leaves the cache once unused for a while; the one edited stays', () => {
    clearMarkdownCache();
    const a = doc('Alpha', 120);
    parseMarkdown(a);
    const gone = chunkTexts(a);
    let b = doc('Beta', 10);
    parseMarkdown(b);
    // Within UNUSED_PARSES (32) parses the first document's chunks stay (a document checked in turn keeps them).
    for (let i = 0; i < 30; i++) parseMarkdown((b = b.replace('calls the resident', `calls the resident (${i})`)));
    assert.ok(gone.every((c) => chunkCached(c)), 'the chunks of a document checked a while ago stay');
    // Then each parse looks at a few cached chunks: after a pass over all of them, the first document's are gone.
    for (let i = 0; i < 40 + Math.ceil(cachedMarkdownChunks() / 16); i++) parseMarkdown((b = b.replace('calls the resident', `calls the resident [${i}]`)));
    assert.ok(gone.every((c) => !chunkCached(c)), `${gone.filter((c) => chunkCached(c)).length} chunks of the forgotten document still cached`);
    assert.ok(chunkTexts(b).every((c) => chunkCached(c)), 'the chunks of the edited document stay');
    // A parse forgotten (forgetLastParse) holds its chunks no longer either.
    forgetLastParse();
    for (let i = 0; i < 40 + Math.ceil(cachedMarkdownChunks() / 16); i++) parseMarkdown(doc('Gamma', 2));
    assert.ok(chunkTexts(b).filter((c) => !doc('Gamma', 2).includes(c)).every((c) => !chunkCached(c)), 'the forgotten parse\'s chunks went');
  });
});

describe('ContentCache.sweep: a filter spread over calls (fast-check)', () => {
  it('deletes only what the test rejects, and all of it within a pass over the entries, between any stores and deletions', () => {
    type Op = { op: 'set'; key: number; value: number } | { op: 'delete'; key: number } | { op: 'get'; key: number } | { op: 'sweep'; count: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('set' as const), key: fc.nat({ max: 30 }), value: fc.nat({ max: 9 }) }),
      fc.record({ op: fc.constant('delete' as const), key: fc.nat({ max: 30 }) }),
      fc.record({ op: fc.constant('get' as const), key: fc.nat({ max: 30 }) }),
      fc.record({ op: fc.constant('sweep' as const), count: fc.integer({ min: 1, max: 5 }) }),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(op, { maxLength: 80 }), (refresh, ops) => {
        const cache = new ContentCache<number>(Infinity, { refresh });
        const model = new Map<string, number>();
        // Odd values are rejected: once set, an entry with one may be swept at any time.
        const keep = (v: number) => v % 2 === 0;
        for (const o of ops) {
          const k = `key ${o.op === 'sweep' ? 0 : o.key}`;
          if (o.op === 'set') {
            cache.set(k, o.value);
            model.set(k, o.value);
          } else if (o.op === 'delete') {
            cache.delete(k);
            model.delete(k);
          } else if (o.op === 'get') assert.equal(cache.get(k), model.get(k));
          else {
            cache.sweep(o.count, keep);
            for (const [mk, mv] of model) if (cache.peek(mk) === undefined) (assert.ok(!keep(mv), `${mk} swept`), model.delete(mk));
          }
          for (const [mk, mv] of model) if (keep(mv)) assert.equal(cache.peek(mk), mv, `${mk} kept`);
          assert.equal(cache.size, model.size);
        }
        // A pass over all entries (one call per entry, and one more: the cursor may stand anywhere) leaves only those kept.
        const size = cache.size;
        for (let i = 0; i <= size; i++) cache.sweep(1, keep);
        for (const [mk, mv] of model) assert.equal(cache.peek(mk), keep(mv) ? mv : undefined, mk);
        assert.equal(cache.size, [...model.values()].filter(keep).length);
      }),
      { numRuns: 300 },
    );
  });
});
