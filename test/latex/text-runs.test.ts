import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import { setLatexTextRuns } from '../../server/src/engine/formats/latex/reader.js';

// Words (English and Dutch), whitespace of every kind, ligatures, babel's shorthands and the commands, groups and
// environments that end a text run: the reader must give the same blocks, maps, directives and problems whether a
// line's words are read as one run or word by word.
const TOKENS = ['word', 'cliënt', 'Über', 'x.', 'A', '(a)', ' ', ' ', '  ', '\t', '\n', '\n', '\r\n', '\r', '\n\n', ' \n ', '--', '---', '``', "''", '`', "'", ',,', '"a', '"-', '"|', '""', '"~', '"`', '"', '\\emph{', '}', '{', '\\section{', '\\item ', '\\begin{itemize}', '\\end{itemize}', '\\begin{tabular}{ll}', '\\end{tabular}', '&', '\\\\', '%c\n', '% brug-disable\n', '$x$', '~', '\\cite{k}', '\\footnote{', '\\verb|a b|', '\\textbf{', '#', '^', '_', '\\"o', '\\foo ', '\\selectlanguage{dutch}'];
const PREAMBLES = ['', '\\documentclass{article}\n\\usepackage[dutch]{babel}\n\\begin{document}\n', '\\documentclass{article}\n\\begin{document}\n'];

const source = fc.tuple(fc.constantFrom(...PREAMBLES), fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 })).map(([pre, toks]) => pre + toks.join('') + (pre ? '\n\\end{document}\n' : ''));

function parsed(src: string, runs: boolean): string {
  setLatexTextRuns(runs);
  try {
    return JSON.stringify(parseLatex(src));
  } finally {
    setLatexTextRuns(true);
  }
}

describe('LaTeX reader: a line of words read as one text run', () => {
  it('gives the same document as reading it word by word (en and nl text, LF, CRLF, CR, tabs, Dutch shorthands)', () => {
    fc.assert(
      fc.property(source, (src) => assert.equal(parsed(src, true), parsed(src, false))),
      { numRuns: 3000, seed: 2026120 },
    );
  });

  it('reads the same blocks on an English and a Dutch paragraph with line endings and ligatures', () => {
    for (const src of ['First line of text -- with ``quotes\'\'\nand a second line.\n\nNext paragraph.', '\\documentclass{article}\n\\usepackage[dutch]{babel}\n\\begin{document}\nDe cli"enten wachten\r\nop hulp -- "zo" zegt men.\n\\end{document}\n']) {
      assert.equal(parsed(src, true), parsed(src, false));
      assert.ok(parseLatex(src).blocks.length >= 1);
    }
  });
});
