import { strict as assert } from 'node:assert';
import { parseLatex, parseLatexSimple } from '../../server/src/engine/formats/latex.js';
import { NO_OPTIONS, block, checkMaps, parse, sourceOf, texts } from './helpers.js';
import { LatexReader } from '../../server/src/engine/formats/latex/reader.js';
import { cutAt } from '../helpers/pieces.js';

const r = String.raw;

describe('LaTeX adapter: structure', () => {
  it('splits paragraphs at blank lines and maps them exactly', () => {
    const src = 'First paragraph, line one\nline two.\n\n  \nSecond paragraph.\n';
    const doc = parse(src);
    assert.deepEqual(texts(doc), ['First paragraph, line one\nline two.', 'Second paragraph.']);
    assert.equal(src.slice(doc.blocks[0]!.start, doc.blocks[0]!.end), 'First paragraph, line one\nline two.');
    assert.equal(src.slice(doc.blocks[1]!.start, doc.blocks[1]!.end), 'Second paragraph.');
    assert.equal(doc.format, 'latex');
  });

  it('reads \\par as a paragraph break', () => {
    assert.deepEqual(texts(parse(r`One.\par Two.`)), ['One.', 'Two.']);
  });

  it('gives sectioning commands levels 1-6, starred forms too, the heading range being the command', () => {
    const src = r`\chapter{Chapter}
\section*{Section}
\subsection[Short]{Sub \emph{section}}
\subsubsection{Subsub}
\paragraph{Para} Run-in text.
\subparagraph{Subpara}
`;
    const doc = parse(src);
    const heads = doc.blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.level, src.slice(b.start, b.end)]);
    assert.deepEqual(heads, [
      ['Chapter', 1, r`\chapter{Chapter}`],
      ['Section', 2, r`\section*{Section}`],
      ['Sub section', 3, r`\subsection[Short]{Sub \emph{section}}`],
      ['Subsub', 4, r`\subsubsection{Subsub}`],
      ['Para', 5, r`\paragraph{Para}`],
      ['Subpara', 6, r`\subparagraph{Subpara}`],
    ]);
    assert.equal(block(doc, 'Run-in').kind, 'paragraph');
    assert.equal(sourceOf(src, block(doc, 'Sub section'), 'section'), 'section');
  });

  it('puts \\part at level 1 and every other level one down', () => {
    const doc = parse(r`\part{Part}\chapter{Chapter}\section{Section}\subparagraph{Deep}`);
    assert.deepEqual(doc.blocks.map((b) => b.level), [1, 2, 3, 6]);
  });

  it('takes the title from the preamble as a level-1 heading and nothing else from it', () => {
    const src = r`\documentclass{article}
\usepackage{graphicx}
\title{A Report on \emph{Debt}}
\author{Someone Important}
Stray preamble text.
\begin{document}
\maketitle
Body text.
\end{document}
Text after the end.`;
    const doc = parse(src);
    assert.deepEqual(texts(doc), ['A Report on Debt', 'Body text.']);
    const title = doc.blocks[0]!;
    assert.equal(title.kind, 'heading');
    assert.equal(title.level, 1);
    assert.equal(src.slice(title.start, title.end), r`\title{A Report on \emph{Debt}}`);
  });

  it('makes the abstract environment a heading "Abstract" mapped to \\begin{abstract}, "Samenvatting" in Dutch', () => {
    const src = r`\begin{abstract}
We looked at debt.
\end{abstract}
\section{Introduction}
Text.`;
    const doc = parse(src);
    const h = doc.blocks[0]!;
    assert.equal(h.kind, 'heading');
    assert.equal(h.text, 'Abstract');
    assert.equal(h.level, 2);
    assert.equal(src.slice(h.start, h.end), r`\begin{abstract}`);
    assert.equal(sourceOf(src, h, 'Abstract'), r`\begin{abstract}`);
    assert.equal(doc.blocks[1]!.text, 'We looked at debt.');
    const nl = parse(r`\documentclass{report}\usepackage[dutch]{babel}\begin{document}\begin{abstract}Wij keken naar schulden.\end{abstract}\chapter{Inleiding}\end{document}`);
    assert.equal(nl.blocks[0]!.text, 'Samenvatting');
    assert.equal(nl.blocks[0]!.level, 1);
  });

  it('makes \\abstract{…} a summary heading too', () => {
    const doc = parse(r`\abstract{We looked at debt.}`);
    assert.deepEqual(texts(doc), ['Abstract', 'We looked at debt.']);
  });

  it('makes footnotes blocks of their own without breaking the sentence', () => {
    const src = r`Debt grows\footnote{See the \emph{annex}.} every year.`;
    const doc = parse(src);
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [
      ['paragraph', 'Debt grows every year.'],
      ['footnote', 'See the annex.'],
    ]);
    assert.equal(sourceOf(src, doc.blocks[1]!, 'annex'), 'annex');
    assert.equal(src.slice(doc.blocks[0]!.start, doc.blocks[0]!.end), src);
  });

  it('reads captions, and a float inside a paragraph does not split it', () => {
    const src = r`The results
\begin{figure}[h]
\centering
\includegraphics[width=\textwidth]{fig.pdf}
\caption[Short]{Debt per \emph{household}.}\label{fig:x}
\end{figure}
are in the figure.`;
    const doc = parse(src);
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [
      ['paragraph', 'The results\n\nare in the figure.'],
      ['caption', 'Debt per household.'],
    ]);
    assert.equal(sourceOf(src, doc.blocks[1]!, 'household.'), 'household}.');
  });

  it('makes items list items, description labels prose, nested lists their own items', () => {
    const src = r`Intro:
\begin{itemize}
  \item First item
  \item[--] Second item
  \begin{enumerate}\item Nested\end{enumerate}
  after nested
\end{itemize}
\begin{description}
\item[Emily] trains librarians.
\end{description}`;
    const doc = parse(src);
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [
      ['paragraph', 'Intro:'],
      ['listItem', 'First item'],
      ['listItem', 'Second item'],
      ['listItem', 'Nested'],
      ['listItem', 'after nested'],
      ['listItem', 'Emily trains librarians.'],
    ]);
    const first = doc.blocks[1]!;
    assert.equal(src.slice(first.start, first.end), r`\item First item`);
    assert.equal(sourceOf(src, block(doc, 'Emily'), 'Emily trains'), 'Emily] trains');
  });

  it('reads table cells as table-cell blocks, not the column spec or rules', () => {
    const src = r`\begin{tabular}{|l|c|}
\hline
\textbf{Group} & Share \\
Young adults & 87\% online \\ \hline
Older adults & 12\% \\ \hline
\multicolumn{2}{c}{All households} \\
\end{tabular}`;
    const doc = parse(src);
    // A cell without a letter ("12%") is no block (offsets.ts wordlessCell).
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [
      ['tableCell', 'Group'],
      ['tableCell', 'Share'],
      ['tableCell', 'Young adults'],
      ['tableCell', '87% online'],
      ['tableCell', 'Older adults'],
      ['tableCell', 'All households'],
    ]);
    assert.equal(sourceOf(src, block(doc, '87% online'), '87%'), r`87\%`);
  });

  it('reads the argument of text commands as prose', () => {
    const src = r`A \emph{very} \textbf{bold} \textit{slanted} \underline{lined} \textsc{small} \textsl{sl} \textcolor{red}{red} word.`;
    const doc = parse(src);
    assert.deepEqual(texts(doc), ['A very bold slanted lined small sl red word.']);
    assert.equal(sourceOf(src, doc.blocks[0]!, 'very bold'), r`very} \textbf{bold`);
    assert.equal(src.slice(doc.blocks[0]!.start, doc.blocks[0]!.end), src);
  });

  it('quotes quotations', () => {
    const doc = parse(r`\begin{quote}I was heard.\end{quote}`);
    assert.equal(doc.blocks[0]!.quoted, true);
  });

  it('gives \\enquote curly quotes', () => {
    const src = r`She said \enquote{no} twice.`;
    const doc = parse(src);
    assert.equal(doc.blocks[0]!.text, 'She said “no” twice.');
    assert.equal(sourceOf(src, doc.blocks[0]!, '“'), r`\enquote{`);
  });
});

describe('LaTeX adapter: what is not prose', () => {
  it('replaces inline and display math by placeholder words', () => {
    const src = r`Let $x^2$ and \(y\) be \[z=1\] and $$w$$ here.`;
    const doc = parse(src);
    const b = doc.blocks[0]!;
    assert.equal(b.text, 'Let 0 and 0 be 0 and 0 here.');
    assert.deepEqual([0, 1, 2, 3].map((k) => sourceOf(src, b, '0', k)), ['$x^2$', r`\(y\)`, r`\[z=1\]`, '$$w$$']);
    assert.equal(b.placeholders!.length, 4);
  });

  it('replaces math environments (and starred) by a placeholder within the sentence', () => {
    for (const env of ['equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*', 'eqnarray', 'eqnarray*']) {
      const src = `The model is\n\\begin{${env}}\n a = b & c \\\\ d\n\\end{${env}}\nwhere a is debt.`;
      const doc = parse(src);
      assert.deepEqual(texts(doc), ['The model is\n0\nwhere a is debt.'], env);
      assert.equal(sourceOf(src, doc.blocks[0]!, '0\n'), `\\begin{${env}}\n a = b & c \\\\ d\n\\end{${env}}\n`, env);
    }
  });

  it('replaces every kind of citation by one citation placeholder (no word of the sentence)', () => {
    const cites = [r`\cite{a}`, r`\cite[p.~3]{a,b}`, r`\citep[see][p.~3]{a}`, r`\citet{a}`, r`\citet*{a}`, r`\parencite{a}`, r`\Parencite[12]{a}`, r`\textcite{a}`, r`\autocite{a}`, r`\autocite*{a}`, r`\citeauthor{a}`, r`\citeyear{a}`, r`\cites{a}{b}`, r`\parencites(pre)(post)[p.~1]{a}[p.~2]{b}`, r`\smartcite{a}`];
    for (const c of cites) {
      const src = `Debt grows ${c} every year.`;
      const doc = parse(src);
      assert.equal(doc.blocks[0]!.text, 'Debt grows [@0] every year.', c);
      assert.equal(sourceOf(src, doc.blocks[0]!, '[@0]'), c);
    }
  });

  it('drops \\footcite and \\nocite, which put no word in the sentence', () => {
    assert.deepEqual(texts(parse(r`Debt grows\footcite{a}.\nocite{b}`)), ['Debt grows.']);
  });

  it('replaces references and URLs by placeholders, drops labels, reads the text of \\href', () => {
    const src = r`See \ref{s}, \eqref{e}, \autoref{f}, \cref{g} and \pageref{h}.\label{x} Visit \url{http://a.b/c%20d_e} or \href{http://a.b/%20}{our \emph{site}}.`;
    const doc = parse(src);
    assert.equal(doc.blocks[0]!.text, 'See 0, 0, 0, 0 and 0. Visit 0 or our site.');
    const b = doc.blocks[0]!;
    assert.equal(sourceOf(src, b, '0', 5), r`\url{http://a.b/c%20d_e}`);
    assert.equal(sourceOf(src, b, 'our site'), r`our \emph{site`);
  });

  it('skips verbatim, listings, minted, tikz, comment environments and the bibliography', () => {
    const src = r`Before.
\begin{verbatim}
\section{Not a heading} % not a comment $
\end{verbatim}
\begin{lstlisting}[language=Python]
x = "{"
\end{lstlisting}
\begin{minted}{python}
print("}")
\end{minted}
\begin{tikzpicture}\node {Label};\end{tikzpicture}
\begin{comment}
Hidden text.
\end{comment}
\begin{thebibliography}{9}
\bibitem{a} A. Author. A book.
\end{thebibliography}
\bibliography{refs}
After \verb|\x{| and \lstinline{y} and \texttt{code}.`;
    const doc = parse(src);
    assert.deepEqual(texts(doc), ['Before.', 'After 0 and 0 and 0.']);
    assert.deepEqual(doc.directives, []);
  });

  it('leaves out comments, keeps \\%, and joins lines that a comment glues', () => {
    const src = 'Fifty\\% of the % a comment\nhouse%\n  holds pay.\n% a whole line\nMore.';
    const doc = parse(src);
    // TeX's rule: a comment eats its line end and the next line's indentation.
    assert.deepEqual(texts(doc), ['Fifty% of the households pay.\nMore.']);
    assert.equal(sourceOf(src, doc.blocks[0]!, 'households'), 'house%\n  holds');
  });

  it('treats a comment line followed by a blank line as a paragraph break', () => {
    assert.deepEqual(texts(parse('One.\n% comment\n\nTwo.')), ['One.', 'Two.']);
    assert.deepEqual(texts(parse('One.\n% comment\nTwo.')), ['One.\nTwo.']);
  });

  it('gives an unknown command with arguments a placeholder and one without none', () => {
    const src = r`A \gref{g:x}{free learner} met \someword and \todo{fix} it.`;
    const doc = parse(src);
    assert.equal(doc.blocks[0]!.text, 'A 0 met  and  it.');
    assert.equal(sourceOf(src, doc.blocks[0]!, '0'), r`\gref{g:x}{free learner}`);
  });

  it('reads latex.proseCommands: all arguments, chosen ones, or a heading', () => {
    const src = r`\seclbl{Who You Are}{s:who}
A \gref{g:x}{free learner} and \hreffoot{http://x.y}{a link} and \texttt{code}.`;
    const doc = parse(src, { proseCommands: ['gref:2', '\\hreffoot:2', 'seclbl:1=section', 'texttt'], skipEnvironments: [] });
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.level, b.text]), [
      ['heading', 2, 'Who You Are'],
      ['paragraph', undefined, 'A free learner and a link and code.'],
    ]);
    assert.equal(doc.blocks[0]!.start, 0);
    assert.equal(sourceOf(src, doc.blocks[1]!, 'free learner'), 'free learner');
    const all = parse(r`\note{One}{Two}`, { proseCommands: ['note'], skipEnvironments: [] });
    assert.deepEqual(texts(all), ['OneTwo']);
  });

  it('reads latex.skipEnvironments as not prose', () => {
    const src = r`Before. \begin{aside}{Title}Inside.\end{aside} After.`;
    assert.deepEqual(texts(parse(src)), ['Before.', 'Inside.', 'After.']);
    assert.deepEqual(texts(parse(src, { proseCommands: [], skipEnvironments: ['aside'] })), ['Before.', 'After.']);
  });

  it('skips \\iffalse … \\fi, and the \\else branch is read', () => {
    assert.deepEqual(texts(parse(r`Shown. \iffalse Hidden \ifx a b \fi still hidden. \fi Shown again.`)), ['Shown.  Shown again.']);
    assert.deepEqual(texts(parse(r`\iffalse Hidden \else Shown \fi`)), ['Shown']);
  });

  it('drops blocks that hold only placeholders', () => {
    assert.deepEqual(texts(parse(r`\cite{a} $x$.` + '\n\nReal text.')), ['Real text.']);
  });
});

describe('LaTeX adapter: characters', () => {
  // Source, block text, the character(s) standing for a command, that command in the source.
  const cases: Array<[string, string, string, string]> = [
    [r`cli\"ent`, 'cliënt', 'ë', r`\"e`],
    [r`caf\'e`, 'café', 'é', r`\'e`],
    [r`cr\`eme`, 'crème', 'è', r`\`e`],
    [r`h\^ote`, 'hôte', 'ô', r`\^o`],
    [r`cli{\"e}nt`, 'cliënt', 'ë', r`\"e`],
    [r`cli\"{e}nt`, 'cliënt', 'ë', r`\"{e}`],
    [r`na\"{\i}ef`, 'naïef', 'ï', r`\"{\i}`],
    [r`gar\c{c}on`, 'garçon', 'ç', r`\c{c}`],
    [r`\ij s`, 'ijs', 'ij', r`\ij `],
    [r`gro\ss e`, 'große', 'ß', r`\ss `],
    [r`1990--2000`, '1990–2000', '–', '--'],
    [r`yes---no`, 'yes—no', '—', '---'],
    [r`Hoofdstuk~3`, 'Hoofdstuk 3', ' ', '~'],
    [r`10\,000`, '10\u2009000', '\u2009', r`\,`],
    [r`50\% \& 3\_a \#1 \$5`, '50% & 3_a #1 $5', '%', r`\%`],
    [r`\ldots{} and \LaTeX`, '… and LaTeX', '…', r`\ldots`],
    [r`\textbackslash{} \S 3`, '\\ § 3', '§', r`\S`],
  ];
  for (const [src, text, ch, piece] of cases) {
    it(`reads ${src} as ${text}`, () => {
      const doc = parse(src);
      assert.equal(doc.blocks[0]!.text, text);
      assert.equal(sourceOf(src, doc.blocks[0]!, ch), piece);
    });
  }

  it('reads `` and \'\' as curly double quotes, ` and \' as single ones, ,, as a low quote', () => {
    const src = "He said ``no'' and `maybe' and ,,nee''.";
    const doc = parse(src);
    assert.equal(doc.blocks[0]!.text, "He said “no” and ‘maybe' and „nee”.");
    assert.equal(sourceOf(src, doc.blocks[0]!, '“no”'), "``no''");
  });

  it('reads babel\'s Dutch shorthands in a Dutch document', () => {
    const src = r`\documentclass{article}\usepackage[dutch]{babel}\begin{document}co"ordinatie van be"invloeden, "aanhalingstekens"\end{document}`;
    const doc = parse(src);
    assert.equal(doc.blocks[0]!.text, 'coördinatie van beïnvloeden, "aanhalingstekens"');
  });

  it('counts words with accents as words for the engine', () => {
    const src = r`De cli\"enten zijn tevreden.`;
    assert.equal(sourceOf(src, parse(src).blocks[0]!, 'cliënten'), r`cli\"enten`);
  });

  it('puts an accent on a letter only, not on a mark before one (also when reading a view of pieces)', () => {
    const src = "\\begin{document}\nDe cli\\\"ent en \\'’a en \\'e.\n\\end{document}\n";
    assert.equal(parse(src).blocks[0]!.text, 'De cliënt en ’a en é.');
    const reader = new LatexReader(cutAt(src, [20, 30, 31]), NO_OPTIONS, new Map());
    reader.run();
    assert.equal(reader.blocks[0]!.text, 'De cliënt en ’a en é.');
  });
});

describe('LaTeX adapter: language', () => {
  const body = r`\begin{document}Text.\end{document}`;
  const cases: Array<[string, string | undefined]> = [
    [r`\usepackage[dutch]{babel}`, 'nl'],
    [r`\usepackage[english]{babel}`, 'en'],
    [r`\usepackage[english,dutch]{babel}`, 'nl'],
    [r`\usepackage[main=dutch,english]{babel}`, 'nl'],
    [r`\usepackage[dutch,french]{babel}`, undefined],
    [r`\usepackage[british]{babel}`, 'en'],
    [r`\usepackage{polyglossia}\setdefaultlanguage{dutch}`, 'nl'],
    [r`\usepackage{polyglossia}\setmainlanguage[variant=british]{english}`, 'en'],
    [r`\documentclass[a4paper,dutch]{article}\usepackage{babel}`, 'nl'],
    [r`% \usepackage[dutch]{babel}`, undefined],
    ['', undefined],
  ];
  for (const [preamble, lang] of cases) {
    it(`declares ${lang ?? 'nothing'} for ${preamble || 'no preamble'}`, () => {
      assert.equal(parse(`${preamble}\n${body}`).declaredLanguage, lang);
    });
  }

  it('switches the language of the following blocks with \\selectlanguage, locally in groups', () => {
    const src = r`\documentclass{article}\usepackage[english,dutch]{babel}\begin{document}
Eerst.

\selectlanguage{english}
Then.

{\selectlanguage{dutch} Binnen.}

After.
\end{document}`;
    const doc = parse(src);
    assert.deepEqual(doc.blocks.map((b) => [b.text, b.language]), [
      ['Eerst.', undefined],
      ['Then.', 'en'],
      ['Binnen.', 'nl'],
      ['After.', 'en'],
    ]);
  });

  it('sets the language of otherlanguage(*) and polyglossia environments', () => {
    const doc = parse(r`\begin{otherlanguage}{english}In English.\end{otherlanguage}
\begin{otherlanguage*}{dutch}In het Nederlands.\end{otherlanguage*}
\begin{english}Also English.\end{english}
Undecided.`);
    assert.deepEqual(doc.blocks.map((b) => b.language), ['en', 'nl', 'en', undefined]);
  });

  it('reads % brug-language as a language directive', () => {
    const src = 'Text.\n% brug-language nl\nTekst.';
    const doc = parse(src);
    assert.equal(doc.directives.length, 1);
    const d = doc.directives[0]!;
    assert.equal(d.kind, 'language');
    assert.equal(d.language, 'nl');
    assert.equal(d.line, 1);
    assert.equal(src.slice(d.offset, d.endOffset), '% brug-language nl');
  });

  it('picks the branch of \\IfLanguageName that fits the document', () => {
    const nl = parse(r`\usepackage[dutch]{babel}\begin{document}\chapter{\IfLanguageName{dutch}{Inleiding}{Introduction}}\end{document}`);
    assert.deepEqual(texts(nl), ['Inleiding']);
    const en = parse(r`\usepackage[english]{babel}\begin{document}\chapter{\IfLanguageName{dutch}{Inleiding}{Introduction}}\end{document}`);
    assert.deepEqual(texts(en), ['Introduction']);
  });
});

describe('LaTeX adapter: directives', () => {
  it('reads brug-disable, brug-enable and brug-disable-next-line comments with their lines', () => {
    const src = 'A.\n% brug-disable readability/long-sentence\nB.\n  % brug-enable\nC. % brug-disable-next-line vocabulary/jargon, readability/passive-voice\nD.';
    const doc = parse(src);
    assert.deepEqual(doc.directives.map((d) => [d.kind, d.rules, d.line, src.slice(d.offset, d.endOffset)]), [
      ['disable', ['readability/long-sentence'], 1, '% brug-disable readability/long-sentence'],
      ['enable', [], 3, '% brug-enable'],
      ['disable-next-line', ['vocabulary/jargon', 'readability/passive-voice'], 4, '% brug-disable-next-line vocabulary/jargon, readability/passive-voice'],
    ]);
  });

  it('reads directives in the preamble and ignores brug- outside comments', () => {
    const doc = parse('% brug-language en\n\\documentclass{article}\n\\begin{document}\nWe use brug-disable here \\verb|% brug-enable|.\n\\end{document}');
    assert.deepEqual(doc.directives.map((d) => d.kind), ['language']);
  });
});

describe('LaTeX adapter: broken input', () => {
  const broken = [
    r`\section{Unclosed heading

Next paragraph.`,
    r`\emph{unclosed \textbf{nested`,
    r`Stray } brace and \end{itemize} and \begin{unknownenv} text`,
    r`\begin{itemize}\item one \item two`,
    r`Half a command \sec`,
    '\\',
    r`$ unclosed math

More text.`,
    r`\begin{verbatim} never closed`,
    r`\begin{equation} x = 1

After the broken equation.`,
    r`\footnote{\footnote{\footnote{`,
    r`\begin{document}\begin{document}\end{document}\end{document}`,
    '{'.repeat(5000) + 'deep' + '}'.repeat(10),
    '\u0000\u0001\uffff\\\u0000{\\"\\\'$%&~^_#\ud800 junk \\begin{\\end{',
    r`\item[unclosed label \item \\[ \\* \verb`,
    r`\href{http://x}{text`,
    r`\cite[p. 3`,
    r`\usepackage[dutch{babel}\begin{document}x`,
    // Found by fuzzing: a single-token argument followed by a group once made the reader stall.
    r`\emph\fi{{a`,
    r`\footnote\fi{{het [o\fin\end\title{%{document}d`,
    r`\cites\x{{`,
  ];
  for (const src of broken) {
    it(`does not throw on ${JSON.stringify(src.slice(0, 40))}`, () => {
      const doc = parseLatex(src, NO_OPTIONS);
      checkMaps(src, doc);
      for (const p of doc.problems ?? []) assert.ok(p.offset >= 0 && p.offset <= src.length);
    });
  }

  it('stays linear on many unclosed constructs', () => {
    const parts = ['\\begin{equation} x\n\n', '\\item[ label\n\n', '\\emph{open\n\n', '$ math\n\n', '\\begin{x\n\n', '\\verb|code\n', '\\cite(p.\n\n', '\\"{\n'];
    const withProse = new Set(['\\item[ label\n\n', '\\emph{open\n\n', '\\begin{x\n\n']);
    for (const part of parts) {
      const src = part.repeat(20000);
      const t = performance.now();
      const doc = parseLatex(src, NO_OPTIONS);
      const ms = performance.now() - t;
      assert.ok(ms < 1500, `${JSON.stringify(part)} × 20000: ${ms.toFixed(0)} ms`);
      // Every block lies inside the text, in order; a construct left open ends at its paragraph
      // break, so the prose of each repetition is its own block.
      let last = 0;
      for (const b of doc.blocks) {
        assert.ok(b.start >= last && b.end >= b.start && b.end <= src.length, `${JSON.stringify(part)}: block ${b.start}–${b.end} after ${last}`);
        last = b.end;
      }
      if (withProse.has(part)) assert.equal(doc.blocks.length, 20000, `${JSON.stringify(part)}: one block per paragraph`);
    }
  });

  it('reports an unclosed environment and a stray \\end as problems', () => {
    const doc = parse(r`\begin{itemize}\item one` + '\n\n' + r`\end{center} text`);
    assert.ok((doc.problems ?? []).length >= 1);
    assert.ok(doc.problems!.some((p) => /not closed|without/.test(p.message.en)));
  });

  it('a } too many inside an environment is skipped, as LaTeX does, and reported where it is', () => {
    // "\label{fig:x}}" in a figure inside a group: not "figure not closed" plus "\end{figure} without \begin".
    const src = '{\\small\n\\begin{figure}\n\\caption{A caption.}\n\\label{fig:x}}\n\\end{figure}\nAfter the figure.}\n\nNext.';
    const doc = parse(src);
    assert.deepEqual(doc.problems!.map((p) => [p.offset, p.message.en]), [[src.indexOf('}}') + 1, 'A } too many inside \\begin{figure}: LaTeX skips it (and so does Brug).']]);
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [['caption', 'A caption.'], ['paragraph', 'After the figure.'], ['paragraph', 'Next.']]);
    // Without its \end in the same paragraph, the } still ends the environment (and the open one is reported).
    const open = parse('{\\begin{quote}\nQuoted.}\n\nLater.\n\\end{quote}');
    assert.ok(open.problems!.some((p) => /is not closed/.test(p.message.en)));
  });

  it('ends an unclosed short argument at the paragraph break and goes on', () => {
    const doc = parse('\\section{Unclosed heading\n\nNext paragraph.');
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [
      ['heading', 'Unclosed heading'],
      ['paragraph', 'Next paragraph.'],
    ]);
  });

  it('has a simple fallback reader that keeps offsets', () => {
    const src = 'Text with \\cmd{arg} and $x$.\n% brug-disable\n\nSecond.';
    const doc = parseLatexSimple(src);
    checkMaps(src, doc);
    assert.deepEqual(texts(doc), ['Text with 0 and 0.', 'Second.']);
    assert.equal(doc.directives.length, 1);
  });
});
