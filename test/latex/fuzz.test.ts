import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lint } from '../../server/src/index.js';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import { CORPUS_TEX, NO_OPTIONS, checkMaps, readCorpus } from './helpers.js';

const FALLBACK = String.raw`\documentclass{article}\usepackage[dutch]{babel}\title{T}\begin{document}
\section{Inleiding} De \emph{cli\"enten} wachten~\cite{a} op hulp.\footnote{Zie $x$.}
\begin{itemize}\item E\'en \item Twee\end{itemize}
\begin{tabular}{ll} a & b \\ c & d \end{tabular}
% brug-disable
\begin{verbatim} \x{ \end{verbatim}
\end{document}`;

const SPECIALS = ['{', '}', '\\', '$', '%', '&', '~', '^', '_', '#', '[', ']', '\n\n', '\\begin{', '\\end{', '\\item', '\\section{', '\\footnote{', '$$', '\\(', '\\[', '\\verb|', '``', "''", '\\"', '\u0000', '\ud800'];

describe('LaTeX fuzz: cuts and splices of the corpus never throw and stay in range', function () {
  this.timeout(120000);
  const sources = CORPUS_TEX.length ? CORPUS_TEX.map(readCorpus) : [FALLBACK];

  const piece = fc
    .tuple(fc.nat({ max: sources.length - 1 }), fc.nat(), fc.integer({ min: 0, max: 3000 }))
    .map(([k, at, len]) => {
      const s = sources[k]!;
      const start = at % Math.max(1, s.length);
      return s.slice(start, start + len);
    });
  const mutation = fc.tuple(fc.nat(), fc.constantFrom(...SPECIALS));
  const input = fc.tuple(piece, piece, fc.array(mutation, { maxLength: 6 }), fc.boolean()).map(([a, b, muts, splice]) => {
    let s = splice ? a.slice(0, a.length >> 1) + b.slice(b.length >> 1) : a;
    for (const [at, ins] of muts) {
      const p = s.length ? at % (s.length + 1) : 0;
      s = s.slice(0, p) + ins + s.slice(p);
    }
    return s;
  });

  it('the adapter alone: exact maps, blocks and directives in range', () => {
    fc.assert(
      fc.property(input, (src) => {
        const doc = parseLatex(src, NO_OPTIONS);
        checkMaps(src, doc);
        for (const d of doc.directives) assert.ok(d.offset >= 0 && d.endOffset <= src.length);
        for (const p of doc.problems ?? []) assert.ok(p.offset >= 0 && p.offset <= src.length);
      }),
      { numRuns: 150, seed: 20240601 },
    );
  });

  it('the engine: findings and fix edits in range', () => {
    fc.assert(
      fc.property(input, (src) => {
        const res = lint(src, { path: 'fuzz.tex' });
        for (const f of res.findings) {
          assert.ok(f.offset >= 0 && f.offset <= f.endOffset && f.endOffset <= src.length, `${f.ruleId} ${f.offset}-${f.endOffset} of ${src.length}`);
          for (const x of f.fixes) for (const e of x.edits) assert.ok(e.offset >= 0 && e.offset <= e.endOffset && e.endOffset <= src.length);
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
