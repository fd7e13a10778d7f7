import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { clearMarkdownCache, forgetLastParse, lastChunking, parseMarkdown, parseMarkdownSteps, parseMarkdownWhole, setChunkGrouping, splicedChunks } from '../../server/src/engine/formats/markdown.js';
import { type EditEnds, LineIndex } from '../../server/src/engine/offsets.js';
import type { ParsedDocument } from '../../server/src/engine/types.js';
import { CORPUS_DIR } from '../helpers/shared.js';

/**
 * The Markdown adapter reads a document in chunks (pieces between blank lines, grouped by a hash of
 * their text). Where the boundaries fall must not change what it reads: the blocks (kind, text,
 * offsets, offset map, quote and heading level), directives and declared language must be those of
 * one parser run over the whole document (parseMarkdownWhole), with the default grouping and with
 * groupings forced otherwise (every piece alone, one chunk, other hashes).
 */

/** Blocks with their offset maps made absolute (a chunk's cached block carries a base). */
function normalised(doc: ParsedDocument) {
  return {
    blocks: doc.blocks.map((b) => ({
      kind: b.kind,
      text: b.text,
      start: b.start,
      end: b.end,
      level: b.level,
      quoted: b.quoted ?? false,
      placeholders: b.placeholders,
      map: b.map.map((m) => ({ ...m, d: m.d + (b.mapBase ?? 0) })),
    })),
    directives: doc.directives,
    declaredLanguage: doc.declaredLanguage,
  };
}

function hashGrouping(seed: number, bits: number): (i: number, piece: string) => boolean {
  return (_i, piece) => {
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < Math.min(64, piece.length); i++) {
      h ^= piece.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return ((h >>> 0) & ((1 << bits) - 1)) === 0;
  };
}

const GROUPINGS: Array<[string, ((i: number, piece: string) => boolean) | undefined]> = [
  ['default', undefined],
  ['every piece alone', () => true],
  ['one chunk', () => false],
  ['hash of 64 characters', hashGrouping(0, 3)],
  ['another hash, pairs', hashGrouping(7, 1)],
];

function chunked(text: string, grouping: ((i: number, piece: string) => boolean) | undefined) {
  try {
    setChunkGrouping(grouping);
    clearMarkdownCache();
    return normalised(parseMarkdown(text));
  } finally {
    setChunkGrouping(undefined);
    clearMarkdownCache();
  }
}

// Generated Markdown: the constructs where a chunk boundary could fall inside a block.
const WORDS = ['de', 'cliënt', 'rapport', 'the', 'client', 'hears', 'within', 'weeks', '😀', 'x', 'na-zorg'];
const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const inline = fc.oneof(
  { arbitrary: words, weight: 6 },
  { arbitrary: words.map((w) => `*${w}*`), weight: 1 },
  { arbitrary: fc.constantFrom('[ref]', '[Ref][]', '[tekst][q]', '[^1]', '[^n2]', '[lz]', '[l]', '[multi\nline]', '`code`', 'www.example.org', '<b>x</b>', '$x$', '<!-- brug-disable-line -->'), weight: 1 },
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' '));
const lines = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
/** A plain paragraph long enough for the fast path. */
const plain = fc.array(words, { minLength: 8, maxLength: 12 }).map((ws) => ws.join(' ') + '.');
const fenceOpen = fc.constantFrom('```', '~~~', '````', '```js', '  ```', '```foo`bar', '$$', '$$ math');
const fenceBody = fc.array(fc.oneof(line, fc.constantFrom('', '', '---', '> q', '- y', '[d]: /u', '<!--', '-->', '    indented', '```', '~~~~', '$$', '```` ')), { maxLength: 5 }).map((ls) => ls.join('\n'));
const fenced = fc.tuple(fenceOpen, fenceBody, fc.constantFrom('close', 'close', 'open')).map(([open, body, close]) => {
  const mark = open.trim().startsWith('$') ? '$$' : open.trim().replace(/[^`~]/g, '');
  return `${open}\n${body}${close === 'close' ? `\n${mark}` : ''}`;
});
const html = fc.tuple(
  fc.constantFrom('<div>', '<!--', '<!-- brug-disable -->', '<pre>', '<script>', '<?php', '<!DOCTYPE html>', '<![CDATA[', '<style>', '<textarea>', '<a href="x">'),
  fc.array(fc.oneof(line, fc.constantFrom('', '', '---', '> q', '```')), { maxLength: 4 }),
  fc.constantFrom('', '-->', '</pre>', '</script>', '?>', ']]>', '</div>', '</style>', '</textarea>', ' end -->'),
).map(([open, body, close]) => [open, ...body, close].join('\n'));
const quote = fc
  .array(fc.oneof({ arbitrary: line.map((l) => `> ${l}`), weight: 4 }, { arbitrary: fc.constantFrom('>', '> > nested', '>no space', 'lazy continuation', '> [q]: /quoted', '> ```', '> - item'), weight: 2 }), { minLength: 1, maxLength: 5 })
  .map((ls) => ls.join('\n'));
const listItem = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '-   '), lines, fc.constantFrom('', '', '\n\n  continued', '\n\n   continued', '\n  - nested', '\n\n  ```\n  code\n\n  more', '\nlazy line', '\n\n    indented four', '\n[l]: /listed'));
const list = fc.array(listItem.map(([m, t, rest]) => `${m}${t}${rest}`), { minLength: 1, maxLength: 3 }).map((items) => items.join('\n'));
const block = fc.oneof(
  { arbitrary: lines, weight: 6 },
  { arbitrary: plain, weight: 3 },
  { arbitrary: words.map((w) => `## ${w}`), weight: 2 },
  { arbitrary: words.map((w) => `${w}\n===`), weight: 1 },
  { arbitrary: words.map((w) => `${w}\n---`), weight: 1 },
  { arbitrary: fc.constantFrom('---', '***', '- - -'), weight: 1 },
  { arbitrary: quote, weight: 3 },
  { arbitrary: list, weight: 3 },
  { arbitrary: fenced, weight: 3 },
  { arbitrary: html, weight: 3 },
  { arbitrary: fc.constantFrom('| a | b |\n|---|---|\n| c | d |', '| kop |\n| --- |\n| cel\nlazy'), weight: 1 },
  { arbitrary: lines.map((t) => `[^1]: ${t}`), weight: 1 },
  { arbitrary: lines.map((t) => `[^n2]: ${t}\n\n    ${t}`), weight: 1 },
  { arbitrary: fc.constantFrom('[ref]: https://example.org', '[q]: /u "titel"', '[multi line]: /m', 'tekst\n[lz]: /lazy', '[ref]:\n/next-line'), weight: 2 },
  { arbitrary: fc.constantFrom('    code\n\n    more code', '\tcode'), weight: 1 },
  { arbitrary: fc.constantFrom('---\ntitle: Pagina\nlang: en\n---', '---\nlayout: page\ntaal: nl\n---', '---\nkey: value\nnot yaml here\n---', '---\ndescription: >-\n  Omschrijving van de pagina.\n---', 'note: this\n---'), weight: 1 },
);
const separator = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n', '\n  \n');
const documentArb = fc
  .tuple(fc.constantFrom('', '', '', '---\ntitle: Rapport\nlang: nl\n---\n', '---\n', '+++\ntitle = "x"\n+++\n'), fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 12 }), fc.boolean())
  .map(([front, parts, crlf]) => {
    const text = front + parts.map(([b, s]) => b + s).join('');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/**
 * `original` parsed, then the edits (share of the text, characters removed, text inserted) one after the other, each
 * version parsed from the last: those for which `told(k)` with the ends LineIndex.afterEdit found (as the engine tells
 * the reader), the rest compared by the reader itself. Each version's blocks then equal those of a parse from scratch.
 */
function assertEditsParseAsFresh(original: string, edits: ReadonlyArray<readonly [number, number, string]>, told: (k: number) => boolean, label: string): void {
  clearMarkdownCache();
  let text = original;
  parseMarkdown(text);
  let lines = new LineIndex(text);
  const versions: Array<[string, ReturnType<typeof normalised>]> = [];
  for (const [k, [where, remove, insert]] of edits.entries()) {
    const at = Math.floor(where * text.length);
    text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
    const ends: EditEnds = { prefix: 0, suffix: 0 };
    lines = LineIndex.afterEdit(lines, text, ends);
    versions.push([text, normalised(parseMarkdown(text, told(k) ? ends : undefined))]);
  }
  for (const [version, incremental] of versions) {
    clearMarkdownCache();
    assert.deepStrictEqual(incremental, normalised(parseMarkdown(version)), `${label}${JSON.stringify(version)}`);
  }
}

describe('Markdown chunks: the blocks do not depend on where chunk boundaries fall', () => {
  it('generated Markdown (quotes, lists, lazy lines, fences, math, HTML blocks, tables, footnotes, definitions, setext, metadata): chunked equals one parse of the whole, under several groupings (fast-check)', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(documentArb, fc.integer({ min: 0, max: 1000 }), (text, seed) => {
        const whole = normalised(parseMarkdownWhole(text));
        for (const [name, grouping] of [GROUPINGS[0]!, GROUPINGS[1]!, ['random pairs', hashGrouping(seed, 1)] as const]) {
          assert.deepStrictEqual(chunked(text, grouping), whole, name);
        }
      }),
      { numRuns: 250, seed: 20261203 },
    );
  });

  it('a front matter never closed leaves quotes and lists alone; a YAML block inside fenced code is code', () => {
    for (const [text, quoted, items] of [
      ['---\nnot closed front matter\n\n> quote one\n\n- item\n', ['quote one'], ['item']],
      ['Intro\n\n```\n\n---\ntitle: x\nlang: en\n---\n```\n\n> quote two\n\n- item\n', ['quote two'], ['item']],
    ] as const) {
      const whole = normalised(parseMarkdownWhole(text));
      assert.deepEqual(whole.blocks.filter((b) => b.quoted).map((b) => b.text), quoted);
      assert.deepEqual(whole.blocks.filter((b) => b.kind === 'listItem').map((b) => b.text), items);
      assert.equal(whole.declaredLanguage, undefined);
      for (const [name, grouping] of GROUPINGS) assert.deepStrictEqual(chunked(text, grouping), whole, name);
    }
  });

  it('a page\'s metadata with one block scalar key (GitBook\'s description: >-) is metadata, not a heading; a setext heading with a colon stays one', () => {
    const text = 'Tekst.\n\n---\ndescription: >-\n  Een korte omschrijving\n  over twee regels.\n---\n\n# Kop\n\nnote: dit is een kop\n---\n';
    const whole = normalised(parseMarkdownWhole(text));
    assert.deepEqual(whole.blocks.map((b) => [b.kind, b.text]), [['paragraph', 'Tekst.'], ['heading', 'Kop'], ['heading', 'note: dit is een kop']]);
    for (const [name, grouping] of GROUPINGS) assert.deepStrictEqual(chunked(text, grouping), whole, name);
  });

  const files = existsSync(CORPUS_DIR)
    ? ['nl', 'en'].flatMap((lang) => (existsSync(join(CORPUS_DIR, lang)) ? readdirSync(join(CORPUS_DIR, lang)).filter((f) => f.endsWith('.md')).map((f) => `${lang}/${f}`) : []))
    : [];
  it('every Markdown document of the dev corpus, LF and CRLF: chunked equals one parse of the whole, under several groupings', function () {
    if (files.length === 0) this.skip();
    this.timeout(120_000);
    for (const f of files) {
      const lf = readFileSync(join(CORPUS_DIR, f), 'utf8');
      const crlf = lf.replace(/\r?\n/g, '\r\n');
      // Each grouping costs a parse of the corpus, each variant one more of the whole: three in all keep the test short.
      for (const [variant, text, groupings] of [
        ['LF', lf, [GROUPINGS[0]!, GROUPINGS[1]!]],
        ['CRLF', crlf, [GROUPINGS[3]!]],
      ] as const) {
        const whole = normalised(parseMarkdownWhole(text));
        for (const [name, grouping] of groupings) assert.deepStrictEqual(chunked(text, grouping), whole, `${f} (${variant}), ${name}`);
      }
    }
  });
});

/**
 * One edit (at a fraction `where` of the text: `remove` characters taken out, `insert` put in) and the parse after it,
 * told where the edit is every other time (`k` even), as the engine tells it (LineIndex.afterEdit's comparison).
 */
function editAndParse(text: string, lines: LineIndex, k: number, [where, remove, insert]: [number, number, string]) {
  const at = Math.floor(where * text.length);
  const edited = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
  const ends: EditEnds = { prefix: 0, suffix: 0 };
  const after = LineIndex.afterEdit(lines, edited, ends);
  const incremental = normalised(parseMarkdown(edited, k % 2 === 0 ? ends : undefined));
  return { text: edited, lines: after, at, incremental, reused: lastChunking()! };
}

describe('Markdown chunks after an edit: the same as a scan from scratch', () => {
  const pick = (name: string) => join(CORPUS_DIR, name);
  it('random edits on dev documents: pieces, chunks, definitions and blocks equal those of a fresh parse (where the edit is compared by the reader, and told by the line index)', function () {
    const docs = ['en/tanf-research-tribal-mvp-sprint.md', 'nl/takefive-stress-zorgverleners-ucd.md', 'en/chc-public-involvement-engagement.md'].filter((f) => existsSync(pick(f)));
    if (docs.length === 0) this.skip();
    this.timeout(60_000);
    // What an edit may put in: text, blank lines, and what opens or closes a construct.
    const INSERTS = ['x', ' ', '\n', '\n\n', '\r\n\r\n', '```\n', '\n```\n', '~~~', '$$\n', '<!--', '-->', '<pre>\n', '</pre>', '> ', '- ', '    ', '---\n', '---\ntitle: x\nlang: en\n---\n\n', '[^1]: noot\n\n', '[ref]: /u\n', '[ref]', '# ', '=\n', '|', 'de cliënt 😀'];
    for (const f of docs) {
      const original = readFileSync(pick(f), 'utf8');
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 }), fc.constantFrom(...INSERTS, '')), { minLength: 1, maxLength: 6 }),
          (edits) => {
            clearMarkdownCache();
            let text = original;
            parseMarkdown(text);
            let lines = new LineIndex(text);
            for (const [k, edit] of edits.entries()) {
              let incremental, reused;
              ({ text, lines, incremental, reused } = editAndParse(text, lines, k, edit));
              // From scratch: no last parse, and no chunk results (a chunk read in part after an edit is cached as the whole chunk's).
              clearMarkdownCache();
              const fresh = normalised(parseMarkdown(text));
              const scratch = lastChunking()!;
              // Where each piece ends, how far its scan read, its definitions: the next edit starts from here.
              assert.deepStrictEqual(reused.pieces, scratch.pieces, 'pieces');
              assert.deepStrictEqual(reused.groups, scratch.groups, 'pieces grouped');
              assert.deepStrictEqual(reused.chunks, scratch.chunks, 'chunks');
              assert.deepStrictEqual([...reused.definitions].sort(), [...scratch.definitions].sort(), 'definitions');
              // The lines that read as definitions (kept from the last pieces when the edit changed none of them).
              assert.deepStrictEqual([...reused.candidates].sort(), [...scratch.candidates].sort(), 'definition lines');
              assert.deepStrictEqual(incremental, fresh, 'blocks');
            }
          },
        ),
        { numRuns: 15, seed: 7 },
      );
    }
  });
});

describe('Markdown chunks: a large piece (an embedded image, a long table) is a chunk of its own', () => {
  // A paragraph, an image embedded as a data address of ~9,000–20,000 characters (a Word or GitBook export), a table.
  const image = (n: number) => `![Diagram met antwoorden van de cliënten](data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUg'.repeat(n)})`;
  const table = (rows: number) => `| Wijk | Aanvragen |\n|---|---|\n${Array.from({ length: rows }, (_, i) => `| wijk ${i} met een naam | ${i * 7} |`).join('\n')}`;
  const paragraph = (i: number) => `Alinea ${i}: de cliënt vraagt om schuldhulp en de consulent legt uit wat er gebeurt.`;
  function document(seed: number): string {
    const parts: string[] = ['# Verslag'];
    for (let i = 0; i < 40; i++) {
      parts.push(paragraph(i));
      if ((i * 7 + seed) % 9 === 0) parts.push(image(420 + ((i * 131 + seed) % 500)));
      if ((i * 5 + seed) % 13 === 0) parts.push(table(200 + ((i + seed) % 150)));
    }
    return `${parts.join('\n\n')}\n`;
  }

  it('whole: every piece of 8,192 characters or more is alone in its chunk, and the blocks are those of one parse of the whole', () => {
    for (const seed of [0, 3, 5]) {
      const text = document(seed);
      clearMarkdownCache();
      const chunked = normalised(parseMarkdown(text));
      const { chunks, pieces } = lastChunking()!;
      const large = pieces.filter((p) => p.end - p.start >= 8192);
      assert.ok(large.length >= 4, 'the document has large pieces');
      for (const p of large) assert.ok(chunks.some((c) => c.start === p.start && c.end === p.end), `large piece at ${p.start} is a chunk of its own`);
      assert.deepStrictEqual(chunked, normalised(parseMarkdownWhole(text)));
    }
  });

  it('random edits (splitting a large piece, joining pieces over the threshold, typing beside one): pieces, chunks and blocks equal those of a fresh parse, and an edit of a small piece leaves no large piece in its chunk (fast-check)', function () {
    this.timeout(60_000);
    const INSERTS = ['x', 'de cliënt 😀', '\n\n', '\n', '', '|', '| a | b |\n', '```\n', '<!--'];
    fc.assert(
      fc.property(
        fc.nat({ max: 8 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 30 }), fc.constantFrom(...INSERTS)), { minLength: 1, maxLength: 6 }),
        (seed, edits) => {
          clearMarkdownCache();
          let text = document(seed);
          parseMarkdown(text);
          let lines = new LineIndex(text);
          for (const [k, edit] of edits.entries()) {
            let at, incremental, reused;
            ({ text, lines, at, incremental, reused } = editAndParse(text, lines, k, edit));
            const small = reused.pieces.find((p) => p.start <= at && at < p.end && p.end - p.start < 8192);
            if (small) {
              const chunk = reused.chunks.find((c) => c.start <= small.start && small.end <= c.end)!;
              assert.ok(!reused.pieces.some((p) => p.end - p.start >= 8192 && chunk.start <= p.start && p.end <= chunk.end), 'no large piece in the edited chunk');
            }
            clearMarkdownCache();
            const fresh = normalised(parseMarkdown(text));
            const scratch = lastChunking()!;
            assert.deepStrictEqual(reused.pieces, scratch.pieces, 'pieces');
            assert.deepStrictEqual(reused.chunks, scratch.chunks, 'chunks');
            assert.deepStrictEqual(incremental, fresh, 'blocks');
          }
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});

describe('Markdown chunks read in part after an edit (spliceChunk): the same as one parse of the whole', () => {
  // What an edit may put in: words, blank lines, and what opens or closes a construct or joins two.
  const INSERTS = ['x', 'de cliënt', ' ', '\n', '\n\n', '\r\n\r\n', '```\n', '~~~', '$$\n', '<!--', '-->', '<pre>\n', '</pre>', '> ', '- ', '1. ', '    ', '\n    code\n\n', '---\n', '[^1]: noot\n\n', '[ref]: /u\n', '[ref]', '[^1]', '# ', '=\n', '|', '*', '<!-- brug-disable -->\n\n'];
  const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 30 }), fc.constantFrom(...INSERTS, ''));
  it('generated Markdown, random edits one after the other, under several groupings: blocks, directives and language equal those of a parse from scratch (fast-check)', function () {
    this.timeout(120_000);
    const before = splicedChunks();
    fc.assert(
      fc.property(documentArb, fc.array(edit, { minLength: 1, maxLength: 5 }), fc.constantFrom(...GROUPINGS), (original, edits, [name, grouping]) => {
        try {
          setChunkGrouping(grouping);
          assertEditsParseAsFresh(original, edits, (k) => k % 2 === 1, `${name}: `);
        } finally {
          setChunkGrouping(undefined);
          clearMarkdownCache();
        }
      }),
      { numRuns: 400, seed: 20261204 },
    );
    // The comparisons reached the code they test.
    assert.ok(splicedChunks() - before > 50, `chunks read in part: ${splicedChunks() - before}`);
  });
});

describe('Markdown parses after an edit whose parse stopped half-way (a check cancelled): the same as a parse from scratch', () => {
  // What an edit may put in: words, blank lines, and what opens or closes a construct.
  const INSERTS = ['x', 'de cliënt', ' ', '\n', '\n\n', '```\n', '$$\n', '<!--', '-->', '> ', '- ', '    ', '---\n', '[^1]: noot\n\n', '[ref]: /u\n', '[ref]', '# ', '<!-- brug-disable -->\n\n'];
  const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 30 }), fc.constantFrom(...INSERTS, ''), fc.boolean());
  it('generated Markdown, random edits, some parses dropped after their first step: pieces, chunks, definitions and blocks equal those of a fresh parse (fast-check)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(documentArb, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(...GROUPINGS), (original, edits, [name, grouping]) => {
        try {
          setChunkGrouping(grouping);
          clearMarkdownCache();
          let text = original;
          parseMarkdown(text);
          let lines = new LineIndex(text);
          // The edits one after the other (each parse from the last one, finished or not), then each version from scratch.
          const versions: Array<[string, ReturnType<typeof normalised>, ReturnType<typeof lastChunking>]> = [];
          for (const [k, [where, remove, insert, dropped]] of edits.entries()) {
            const at = Math.floor(where * text.length);
            text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
            const ends: EditEnds = { prefix: 0, suffix: 0 };
            lines = LineIndex.afterEdit(lines, text, ends);
            if (dropped) {
              // The reader has taken the last parse's pieces and chunks and stops before its first chunk.
              parseMarkdownSteps(text, k % 2 === 0 ? ends : undefined).next();
              continue;
            }
            versions.push([text, normalised(parseMarkdown(text, k % 2 === 0 ? ends : undefined)), lastChunking()]);
          }
          for (const [version, incremental, reused] of versions) {
            clearMarkdownCache();
            const fresh = normalised(parseMarkdown(version));
            const scratch = lastChunking()!;
            assert.deepStrictEqual(reused!.pieces, scratch.pieces, `${name}: pieces`);
            assert.deepStrictEqual(reused!.groups, scratch.groups, `${name}: pieces grouped`);
            assert.deepStrictEqual(reused!.chunks, scratch.chunks, `${name}: chunks`);
            assert.deepStrictEqual([...reused!.definitions].sort(), [...scratch.definitions].sort(), `${name}: definitions`);
            assert.deepStrictEqual(incremental, fresh, `${name}: blocks`);
          }
        } finally {
          setChunkGrouping(undefined);
          clearMarkdownCache();
        }
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });
});

describe('Markdown chunks: an HTML comment far from where the scan starts', () => {
  it('a comment with blank lines inside that opens after a list marker, around and past the first stretch the scan looks ahead for one (4,096 characters): no piece starts inside it, whole and after an edit before it; the blocks of one parse of the whole', () => {
    const paragraph = 'Een zin met woorden die verder niets doen.\n\n';
    for (let k = 0; k < 12; k++) {
      // The comment opens at 4,090 + k (after "- "), and again much further on.
      let text = paragraph.repeat(Math.floor(4080 / paragraph.length));
      text += `${'x'.repeat(4088 + k - text.length - 2)}\n\n- <!-- verborgen\n\nniet lezen\n\n-->\n\nNa de opmerking.\n\n${paragraph.repeat(300)}- <!--\n\nook niet\n\n-->\n\nEinde.\n`;
      const comments: Array<[number, number]> = [];
      for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i + 1)) comments.push([i, text.indexOf('-->', i)]);
      const inside = (shift: number) => lastChunking()!.pieces.filter((p) => comments.some(([a, b]) => p.start > a + shift && p.start <= b + shift));
      clearMarkdownCache();
      assert.deepStrictEqual(normalised(parseMarkdown(text)), normalised(parseMarkdownWhole(text)), `opening at ${4090 + k}`);
      assert.deepStrictEqual(inside(0), [], `pieces inside a comment, opening at ${4090 + k}`);
      const edited = `Begin. ${text}`;
      const ends: EditEnds = { prefix: 0, suffix: 0 };
      LineIndex.afterEdit(new LineIndex(text), edited, ends);
      assert.deepStrictEqual(normalised(parseMarkdown(edited, ends)), normalised(parseMarkdownWhole(edited)), `after an edit, opening at ${4097 + k}`);
      assert.deepStrictEqual(inside(7), [], `pieces inside a comment after an edit, opening at ${4097 + k}`);
    }
  });
});

describe('Markdown after an edit that nests deeply (guardNesting: only what the edit touched is looked at again)', () => {
  // Paragraphs close to the nesting the guard takes out (32): an edit that adds markers, brackets or emphasis characters,
  // or that takes out the blank line between two such paragraphs, goes past it.
  const part = fc.constantFrom('Gewone tekst hier.', `${'['.repeat(20)}x${']'.repeat(20)}`, `${'['.repeat(20)}open`, `${'> '.repeat(20)}citaat`, `${'- '.repeat(20)}lijst`, `tekst ${'*'.repeat(20)}nadruk`, `${'_'.repeat(20)}x`);
  const documentArb = fc.array(fc.tuple(part, fc.constantFrom('\n\n', '\n \n', '\n')), { minLength: 2, maxLength: 8 }).map((ps) => ps.map(([p, s]) => p + s).join(''));
  const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 4 }), fc.constantFrom('['.repeat(15), ']'.repeat(15), '> '.repeat(15), '- '.repeat(15), '*'.repeat(15), '_'.repeat(15), '\n', '\n\n', ' ', 'x', ''));
  it('generated paragraphs, random edits (told where they are, or compared): the blocks of a parse from scratch (fast-check)', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(documentArb, fc.array(edit, { minLength: 1, maxLength: 5 }), (original, edits) => {
        assertEditsParseAsFresh(original, edits, (k) => k % 2 === 0, '');
      }),
      { numRuns: 400, seed: 33 },
    );
  });
});
