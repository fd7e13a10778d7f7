/**
 * definedAbbreviations() and its paragraph scan (engine/incremental.ts PieceScan) after series of random edits of real
 * dev documents held as the language server holds them (a view over pieces, lsp/piece-document.ts), with and without
 * the text's line index: the same answers as one scan of the whole text (s31: the scan's positions moved lazily, its
 * separators searched in short windows of a view, its common ends taken from LineIndex.changedSince, and the defining
 * paragraphs corrected where an edit changed them).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { definedAbbreviations } from '../../server/src/engine/vocabulary/abbreviations.js';
import { PieceScan } from '../../server/src/engine/incremental.js';
import { LineIndex } from '../../server/src/engine/offsets.js';
import { flat, type TextView } from '../../server/src/engine/text/view.js';
import { PieceDocument } from '../../server/src/lsp/piece-document.js';
import { CORPUS_DIR as DEV } from '../helpers/shared.js';

const FILES = ['en/marshall-phd-charity-accountability-draft.md', 'en/samuel-stroke-thrombolysis-ml-report.md', 'nl/takefive-stress-zorgverleners-ucd.md', 'en/chc-public-involvement-engagement.md'];

/** Pieces an edit inserts: definitions of each kind, broken ones, paragraph and line breaks, blank lines with blanks, plain words. */
const INSERTS = [
  ' (SE)',
  'Social Enterprise (SE)',
  'SE (Social Enterprise)',
  '(',
  ')',
  '\n',
  '\n\n',
  '\r\n\r\n',
  '\n \t\n',
  '\n\n\n',
  'ABC: a list line\n',
  '`XY` ex why\n',
  '- **PD** – persoon met dementie\n',
  ' ',
  'x',
  'extra ',
  'CBV (consent-based verification)',
  'NGO',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 40 }), fc.integer({ min: 40, max: 2000 })),
  insert: fc.constantFrom(...INSERTS),
  /** Whether the line index is given with this version (the engine's callers may or may not). */
  lines: fc.boolean(),
});

/** The dev documents present (none on a machine without the corpus). */
function devTexts(): string[] {
  return FILES.map((f) => join(DEV, f))
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p, 'utf8'));
}

/** Series of edits applied to a view over pieces; `check` gets each version, its line index, and whether to pass it. */
function runEdits(base: string, edits: ReadonlyArray<{ at: number; remove: number; insert: string; lines: boolean }>, check: (text: TextView, lines: LineIndex, pass: boolean) => void): void {
  // (Pieces of 700 characters: a paragraph or separator often spans two.)
  const store = new PieceDocument('file:///doc.md', 'markdown', 1, base, 700);
  let text = store.textView();
  let lines = new LineIndex(text);
  check(text, lines, true);
  let version = 2;
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    const end = Math.min(text.length, at + e.remove);
    store.update([{ range: { start: store.positionAt(at), end: store.positionAt(end) }, text: e.insert }], version++);
    text = store.textView();
    lines = LineIndex.afterEdit(lines, text);
    check(text, lines, e.lines);
  }
}

describe('definedAbbreviations and PieceScan after random edits of dev documents held as pieces (s31)', function () {
  this.timeout(120000);
  const texts = devTexts();

  it('definedAbbreviations gives one scan of the whole text, with and without the line index (fast-check)', function () {
    if (!texts.length) this.skip();
    for (const base of texts) {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
          runEdits(base, edits, (text, lines, pass) => {
            const kept = definedAbbreviations(text, undefined, pass ? lines : undefined);
            const fresh = definedAbbreviations(flat(text), {});
            assert.deepEqual([...kept], [...fresh]);
          });
        }),
        { numRuns: 25, seed: 31 },
      );
    }
  });

  it("PieceScan gives a fresh scan's paragraphs after each edit, with and without the line index (fast-check)", function () {
    if (!texts.length) this.skip();
    for (const base of texts) {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
          // The paragraphs themselves as results: a paragraph or separator placed wrongly gives another paragraph.
          const scan = new PieceScan((p: string) => p);
          runEdits(base, edits, (text, lines, pass) => {
            const kept = [...scan.pieces(text, pass ? lines : undefined)];
            const fresh = new PieceScan((p: string) => p).pieces(flat(text));
            assert.deepEqual(kept, fresh);
          });
        }),
        { numRuns: 25, seed: 31 },
      );
    }
  });

  it('PieceScan finds the whole separator after an edited paragraph when its blank lines run past a window of the view', () => {
    // A paragraph of about 1,024 (and 2,048) characters, then blank lines with blanks: the separator's start or end falls at
    // each place around the end of the windows the scan reads the view in.
    for (const size of [1024, 2048]) {
      for (let length = size - 24; length <= size + 4; length++) {
        for (const separator of ['\n\n', '\n \n\t\n\n', '\n\r\n\r\n   \n', '\n' + ' \n'.repeat(12)]) {
          const base = `Intro (ABC) line.\n\n${'word '.repeat(length / 5)}${'y'.repeat(length % 5)}${separator}Social Enterprise (SE) next.\n\nLast.`;
          // (Small pieces: the text is a view, not one string.)
          const store = new PieceDocument('file:///doc.md', 'markdown', 1, base, 128);
          const scan = new PieceScan((p: string) => p);
          let text = store.textView();
          scan.pieces(text);
          for (const [at, insert] of [[21, 'x'], [25, ''], [base.length - 2, '\n\n']] as const) {
            store.update([{ range: { start: store.positionAt(at), end: store.positionAt(at + (insert ? 0 : 1)) }, text: insert }], 2);
            text = store.textView();
            assert.deepEqual([...scan.pieces(text)], new PieceScan((p: string) => p).pieces(flat(text)), `${size} ${length} ${JSON.stringify(separator)}`);
          }
        }
      }
    }
  });

  it('a full form without two letters in a row defines nothing, and a later definition of the abbreviation counts (kept per paragraph)', () => {
    const text = 'The XY (1 2 3) rose.\n\nThe **Ex** _Why_  Zed (XYZ) and XY (ex why; see below).\n\n- `QR` 4 5 6\n- `QR` quick response';
    const want = [
      ['XYZ', 'zed'],
      ['XY', 'ex why'],
      ['QR', 'quick response'],
    ];
    assert.deepEqual([...definedAbbreviations(text)], want);
    assert.deepEqual([...definedAbbreviations(text, {})], want);
  });

  it('PieceScan keeps its paragraphs over a long series of edits back and forth across a document (the moved positions)', function () {
    if (!texts.length) this.skip();
    const base = texts[0]!;
    const scan = new PieceScan((p: string) => p);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const edits = Array.from({ length: 400 }, () => ({ at: random(), remove: random() < 0.7 ? 0 : Math.floor(random() * 30), insert: INSERTS[Math.floor(random() * INSERTS.length)]!, lines: random() < 0.5 }));
    let checked = 0;
    runEdits(base, edits, (text, lines, pass) => {
      const kept = scan.pieces(text, pass ? lines : undefined);
      // Every tenth version compared in full (each is read by the next edit anyway).
      if (checked++ % 10 === 0) assert.deepEqual([...kept], new PieceScan((p: string) => p).pieces(flat(text)));
    });
  });
});
