/**
 * The server's document store (lsp/piece-document.ts) against vscode-languageserver-textdocument: after any series
 * of changes (ranges either way round, past a line's end, past the last line (taken as the text's end), whole-text changes, CR, LF and CR LF pairs
 * that a change splits or joins, surrogate pairs) both give the same text, line count, positions, offsets and ranges'
 * texts; with tiny pieces so that every change meets piece boundaries.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument, PieceDocuments, textLength } from '../../server/src/lsp/piece-document.js';

const bit = fc.constantFrom('a', 'cliënt ', '😀', '\n', '\r\n', '\r', ' ', 'reïntegratie', '');
const text = fc.array(bit, { maxLength: 8 }).map((xs) => xs.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 16 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

function assertSame(doc: PieceDocument, plain: TextDocument, probes: Array<{ line: number; character: number }>): void {
  const t = plain.getText();
  assert.equal(doc.getText(), t);
  assert.equal(doc.length, t.length);
  assert.equal(doc.lineCount, plain.lineCount);
  for (let o = -1; o <= t.length + 1; o++) assert.deepEqual(doc.positionAt(o), plain.positionAt(o), `positionAt(${o})`);
  for (let line = -1; line <= plain.lineCount; line++) {
    for (let character = 0; character <= 12; character++) assert.equal(doc.offsetAt({ line, character }), plain.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
  }
  for (let line = -1; line <= plain.lineCount; line++) {
    assert.deepEqual(doc.getLineRange(line), plain.getLineRange(line), `getLineRange(${line})`);
    assert.equal(doc.getEOLCharacters(line), plain.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
  for (let i = 0; i + 1 < probes.length; i += 2) {
    const range = { start: probes[i]!, end: probes[i + 1]! };
    assert.equal(doc.getText(range), plain.getText(range), `getText(${JSON.stringify(range)})`);
  }
}

describe('lsp: the document store in pieces (piece-document)', function () {
  this.timeout(120_000);

  it('gives the texts, positions and offsets of vscode-languageserver-textdocument after any series of changes, pieces of 1–7 characters (fast-check)', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 7 }), fc.array(fc.tuple(change, fc.boolean(), fc.array(position, { maxLength: 4 })), { minLength: 1, maxLength: 10 }), (start, size, steps) => {
        const doc = new PieceDocument('file:///t.md', 'markdown', 1, start, size);
        const plain = TextDocument.create('file:///t.md', 'markdown', 1, start);
        let version = 1;
        for (const [c, join, probes] of steps) {
          version++;
          // Reads between changes (the server's checks join the text; positions are read without joining it).
          if (join) doc.getText();
          doc.update([c], version);
          // A range past the last line is the text's end (the library would keep line starts of lines that do not
          // exist): the library is given the range as the positions it stands for.
          const valid = 'range' in c ? { range: { start: plain.positionAt(plain.offsetAt(c.range.start)), end: plain.positionAt(plain.offsetAt(c.range.end)) }, text: c.text } : c;
          TextDocument.update(plain, [valid], version);
          assert.equal(doc.version, plain.version);
          assertSame(doc, plain, probes);
        }
      }),
      { numRuns: 400, seed: 18 },
    );
  });

  it('applies several changes of one message in order, each in the text the ones before it left', () => {
    const start = 'Eerste regel.\r\nTweede regel met cliënt 😀.\n\nDerde.';
    const changes = [
      { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, text: 'extra ' },
      { range: { start: { line: 0, character: 13 }, end: { line: 1, character: 0 } }, text: '\r' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } }, text: 'Vierde\r\nen vijfde.' },
    ];
    const doc = PieceDocuments.create('file:///t.md', 'markdown', 1, start);
    assert.ok(doc instanceof PieceDocument);
    const plain = TextDocument.create('file:///t.md', 'markdown', 1, start);
    PieceDocuments.update(doc, changes, 2);
    TextDocument.update(plain, changes, 2);
    assertSame(doc, plain, []);
  });

  it('reads a text of 100,000 words without joining it for a change, and joins it once per getText', () => {
    const para = 'De cliënt vertelt over de re-integratie en de schuldhulp in de gemeente.\n\n';
    const start = para.repeat(8_000);
    const doc = new PieceDocument('file:///t.md', 'markdown', 1, start);
    const first = doc.getText();
    assert.equal(first, start);
    // A change leaves the joined text behind; the length and positions come from the pieces.
    const plain = TextDocument.create('file:///t.md', 'markdown', 1, start);
    const at = { line: 10, character: 3 };
    doc.update([{ range: { start: at, end: at }, text: 'extra ' }], 2);
    TextDocument.update(plain, [{ range: { start: at, end: at }, text: 'extra ' }], 2);
    assert.equal(textLength(doc), start.length + 6);
    for (const o of [0, 5 * para.length + 3, 5 * para.length + 9, 400_000, start.length + 6]) assert.deepEqual(doc.positionAt(o), plain.positionAt(o));
    const next = doc.getText();
    assert.equal(next, `${start.slice(0, 5 * para.length + 3)}extra ${start.slice(5 * para.length + 3)}`);
    // Asked again without a change: the same string.
    assert.equal(doc.getText(), next);
  });

  it('refuses a document it did not make', () => {
    assert.throws(() => PieceDocuments.update(TextDocument.create('file:///t.md', 'markdown', 1, 'x'), [{ text: 'y' }], 2), /PieceDocuments\.create/);
  });
});
