import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PieceDocument } from '../../server/src/lsp/piece-document.js';
import { disableInFile, disableOnLine, documentLines, textLines } from '../../server/src/lsp/directives.js';
import type { Format } from '../../server/src/engine/types.js';

// Lines as documents have them: prose, list items, table rows, comments and directives already there, headings, front
// matter and TeX magic comments, in every line-end style.
const line = fc.constantFrom(
  'De cliënt krijgt begeleiding bij re-integratie.',
  '- een punt van de lijst',
  '| a | b |',
  '<!-- brug-disable-next-line readability/long-sentence -->',
  '<!-- brug-disable readability/jargon -->',
  '% brug-disable-next-line readability/long-sentence',
  '% !TEX program = xelatex',
  'brug-disable vocabulary/jargon',
  '# Kop',
  '---',
  '+++',
  'title: Rapport',
  '',
  '  ingesprongen 😀 tekst  ',
  'eind met harde regel\\',
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const document = fc.array(fc.tuple(line, eol), { maxLength: 14 }).map((xs) => xs.map(([l, e]) => l + e).join(''));
const format = fc.constantFrom<Format>('markdown', 'latex', 'plaintext');
const rule = fc.constantFrom('readability/long-sentence', 'vocabulary/jargon');

/** A language server's document over the text, read in tiny pieces, after a change (so that nothing is joined). */
function pieces(text: string): PieceDocument {
  const doc = new PieceDocument('file:///a.md', 'markdown', 1, `x${text}`, 3);
  doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }], 2);
  return doc;
}

describe('lsp: disable directives read from a document without joining it', () => {
  it('a document read line by line gives the edits of its text (fast-check)', () => {
    fc.assert(
      fc.property(document, format, rule, fc.nat(16), (text, f, id, at) => {
        const doc = pieces(text);
        assert.equal(doc.getText(), text);
        const lines = documentLines(doc);
        assert.equal(lines.length, text.length);
        assert.equal(lines.lineCount, doc.lineCount);
        const line = Math.min(at, doc.lineCount - 1);
        assert.deepEqual(disableOnLine(lines, f, line, id), disableOnLine(text, f, line, id));
        assert.deepEqual(disableInFile(documentLines(pieces(text)), f, id), disableInFile(text, f, id));
      }),
      { numRuns: 400 },
    );
  });

  it('reads only the start of a long document, unless its front matter or first line goes on past it', () => {
    const body = `${'De cliënt krijgt begeleiding. '.repeat(2000)}\n`;
    // (The text, its format, whether the start read says too little: a front matter, a run of magic comments or a first
    // line longer than it.)
    const cases: Array<[string, Format, boolean]> = [
      [`---\ntitle: a\n---\n<!-- brug-disable vocabulary/jargon -->\n${body}`, 'markdown', false],
      [`---\n${'key: value\n'.repeat(3000)}---\n<!-- brug-disable vocabulary/jargon -->\n${body}`, 'markdown', true],
      [`${'% !TEX program = xelatex\n'.repeat(1000)}% brug-disable vocabulary/jargon\n${body}`, 'latex', true],
      [`${body}${body}`, 'plaintext', true],
      [`brug-disable vocabulary/jargon\r\n${body}`, 'plaintext', false],
    ];
    for (const [text, f, long] of cases) {
      let read = 0;
      const whole = textLines(text);
      const counted = { ...whole, lineCount: whole.lineCount, length: whole.length, line: whole.line, head: (n: number) => ((read = Math.max(read, Math.min(n, text.length))), whole.head(n)) };
      for (const id of ['vocabulary/jargon', 'readability/long-sentence']) assert.deepEqual(disableInFile(counted, f, id), disableInFile(documentLines(pieces(text)), f, id));
      // Where the file's directive is (or goes: at the body's start), as the whole text says.
      const at = Math.max(0, text.search(/^(?:<!-- |% )?brug-disable /m));
      assert.deepEqual(disableInFile(counted, f, 'vocabulary/jargon'), at > 0 || text.startsWith('brug') ? { offset: at, endOffset: at, newText: '' } : { offset: 0, endOffset: 0, newText: 'brug-disable vocabulary/jargon\n' });
      assert.equal(read === text.length, long, `read ${read} of ${text.length}`);
    }
  });
});
