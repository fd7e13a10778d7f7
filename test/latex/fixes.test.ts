import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/index.js';
import { defaultConfig, mergeConfig } from '../../server/src/engine/config/config.js';
import { applyEdits, applyFixes } from '../../server/src/engine/fixes.js';
import { escapeLatex, fixText, isSafeLatexRange, latexSection, parseLatex, secureLatexFixes, widenOverMarkup } from '../../server/src/engine/formats/latex.js';
import type { Finding, Fix } from '../../server/src/engine/types.js';
import { NO_OPTIONS, balanced, skeleton, texts } from './helpers.js';

const r = String.raw;

/** Macro and environment names in a piece of source, counted. */
function names(src: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of src.match(/\\(?:[A-Za-z]+|[^A-Za-z\s])/g) ?? []) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function count(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/**
 * Applies one fix and checks the round trip: nothing outside the edits changed, the braces
 * balance, unified-latex reads the same commands and environments except those the edits
 * removed or brought, our reader reports no new problem, and the finding is gone.
 */
function roundTrip(text: string, f: Finding, fix: Fix): string {
  const where = `${f.ruleId} "${text.slice(f.offset, f.endOffset)}" — ${fix.title.en}`;
  const fixed = applyEdits(text, fix.edits);
  const first = Math.min(...fix.edits.map((e) => e.offset));
  const last = Math.max(...fix.edits.map((e) => e.endOffset));
  const grown = fix.edits.reduce((n, e) => n + e.newText.length - (e.endOffset - e.offset), 0);
  assert.equal(fixed.slice(0, first), text.slice(0, first), `${where}: text before the edit`);
  assert.equal(fixed.slice(last + grown), text.slice(last), `${where}: text after the edit`);
  assert.ok(balanced(fixed), `${where}: braces balance`);
  // unified-latex's view: commands outside the edits are all still there.
  const before = count(skeleton(text).filter((x) => x.startsWith('\\')));
  const after = count(skeleton(fixed).filter((x) => x.startsWith('\\')));
  for (const e of fix.edits) {
    for (const [k, n] of names(text.slice(e.offset, e.endOffset))) before.set(k, (before.get(k) ?? 0) - n);
    for (const [k, n] of names(e.newText)) before.set(k, (before.get(k) ?? 0) + n);
  }
  for (const [k, n] of before) assert.equal(after.get(k) ?? 0, Math.max(0, n), `${where}: ${k} count`);
  assert.deepEqual(skeleton(fixed).filter((x) => x.startsWith('env:')), skeleton(text).filter((x) => x.startsWith('env:')), `${where}: environments`);
  const problems = (s: string) => (parseLatex(s, NO_OPTIONS).problems ?? []).length;
  assert.equal(problems(fixed), problems(text), `${where}: the LaTeX still reads cleanly`);
  const again = lint(fixed, { path: 'x.tex' }).findings;
  const inserts = fix.edits.every((e) => e.offset === e.endOffset);
  let shift = 0;
  for (const e of [...fix.edits].sort((a, b) => a.offset - b.offset)) {
    const s = e.offset + shift;
    const t = s + e.newText.length;
    if (inserts && f.ruleId.startsWith('vocabulary/')) {
      // A gloss keeps the term on purpose; the gloss itself must not be flagged.
      const inside = again.filter((g) => g.offset >= s && g.endOffset <= t && g.offset < t && g.ruleId.startsWith('vocabulary/'));
      assert.deepEqual(inside.map((g) => g.ruleId), [], `${where}: the gloss is flagged`);
    } else if (!inserts) {
      const still = again.filter((g) => g.ruleId === f.ruleId && g.offset < t && s < g.endOffset);
      assert.deepEqual(still.map((g) => fixed.slice(g.offset, g.endOffset)), [], `${where}: the finding is gone`);
    }
    shift += e.newText.length - (e.endOffset - e.offset);
  }
  if (inserts && !f.ruleId.startsWith('vocabulary/')) {
    // An inserted section or prompt: done, so no finding of the rule offers it again.
    const offered = again.filter((g) => g.ruleId === f.ruleId && g.fixes.some((x) => x.title.en === fix.title.en));
    assert.deepEqual(offered.map((g) => g.message.en), [], `${where}: the fix is not offered again`);
  }
  return fixed;
}

const EN = r`\documentclass{article}
\usepackage[english]{babel}
\title{Help with debts}
\begin{document}
\maketitle
\section{Introduction}
We give consideration to the \emph{street-level} bureaucrats in 50\% of the towns~\cite{a}.
Their theory of change was never written down, see Section~\ref{s:m}.
The unemployed were asked about it.

\section{Method}\label{s:m}
We spoke with 20 clients. Two customers did not come. Clients said the forms were hard\footnote{See \url{http://x.y/a_b}.}.
\begin{itemize}
  \item The caseworkers were kind.
  \item A case worker phoned $n=3$ times.
\end{itemize}

\section{Results}
Staff operationalised the plan. The programme helped.
\end{document}
`;

const NL = r`\documentclass{report}
\usepackage[dutch]{babel}
\begin{document}
\chapter{Inleiding}
De \emph{zelfredzaamheid} van cli\"enten is groot, zie Hoofdstuk~\ref{h:r}.
Het project is ge\"{\i}nitieerd door de wethouder.
Na de re\"{\i}ntegratie volgt nazorg. De re-integratie duurt lang. De re-integratie werkt.
Veel hulpvragers wachten lang, maar cli\"enten niet. De cli\"enten zijn tevreden.

\chapter{Resultaten}\label{h:r}
Schuldenaren wachten lang op hulp \parencite{b}.

\chapter{Bijlage}
Een lijst van gesprekken.
\end{document}
`;

describe('LaTeX fixes', () => {
  it('escapeLatex escapes the special characters', () => {
    assert.equal(escapeLatex(r`50% & 3_a #1 $5 {x} ~ ^ \ `), r`50\% \& 3\_a \#1 \$5 \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{} `);
    assert.equal(escapeLatex('cliënt – “quoted”'), 'cliënt – “quoted”');
  });

  it('fixText escapes plain text and keeps LaTeX that a rule wrote on purpose', () => {
    assert.equal(fixText('50% more'), r`50\% more`);
    assert.equal(fixText(r`\section{Client perspective}` + '\n\nWhat do clients say?'), r`\section{Client perspective}` + '\n\nWhat do clients say?');
    assert.equal(fixText(r`\section{Unbalanced`), undefined);
  });

  it('latexSection builds a \\section with escaped text that reads back as a heading and paragraphs', () => {
    const s = latexSection('Client perspective & voice', ['What do clients say (50%)?', 'How were they involved?']);
    assert.equal(s, '\n' + r`\section{Client perspective \& voice}` + '\n\nWhat do clients say (50\\%)?\n\nHow were they involved?\n\n');
    const doc = parseLatex(`Text before.\n${s}Text after.`, NO_OPTIONS);
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [
      ['paragraph', 'Text before.'],
      ['heading', 'Client perspective & voice'],
      ['paragraph', 'What do clients say (50%)?'],
      ['paragraph', 'How were they involved?'],
      ['paragraph', 'Text after.'],
    ]);
    assert.ok(latexSection('Conclusie', [], 1).includes(r`\chapter{Conclusie}`));
    assert.ok(latexSection('Detail', [], 3).includes(r`\subsection{Detail}`));
  });

  it('isSafeLatexRange: whole words, accents and text commands yes; cut commands, math, comments, references no', () => {
    const src = r`The cli\"ent, \emph{a} b~\cite{x} $y$ % c` + '\n' + r`\LaTeX{} 5\% done.`;
    const at = (piece: string) => [src.indexOf(piece), src.indexOf(piece) + piece.length] as const;
    const safe = (piece: string, newText = 'word') => isSafeLatexRange(src, ...at(piece), newText);
    assert.ok(safe(r`cli\"ent`));
    assert.ok(safe(r`\emph{a} b`));
    assert.ok(safe(r`5\% done`));
    assert.ok(!safe(r`\emph{a`));
    assert.ok(!safe(r`b~\cite{x}`));
    assert.ok(!safe('$y$'));
    assert.ok(!safe('% c'));
    assert.ok(!safe(r`ent, \emph`));
    const after = src.indexOf(r`\LaTeX`) + r`\LaTeX`.length;
    assert.ok(!isSafeLatexRange(src, after, after, 'is'));
    assert.ok(isSafeLatexRange(src, after, after, ' is'));
  });

  it('widens an edit over the braces of a text command when no word is lost', () => {
    const src = r`We met \emph{street-level} bureaucrats and \emph{the street-level} bureaucrats.`;
    const a = src.indexOf('street-level');
    const b = src.indexOf('bureaucrats') + 'bureaucrats'.length;
    assert.deepEqual(widenOverMarkup(src, a, b), { offset: src.indexOf(r`\emph`), endOffset: b });
    const c = src.lastIndexOf('street-level');
    const d = src.lastIndexOf('bureaucrats') + 'bureaucrats'.length;
    assert.equal(widenOverMarkup(src, c, d), undefined);
  });

  it('secureLatexFixes drops a fix that would cut markup and keeps its finding', () => {
    const src = r`Text \cite{x} here.`;
    const finding: Finding = {
      ruleId: 'test/rule',
      severity: 'warning',
      message: { en: 'x', nl: 'x' },
      offset: 0,
      endOffset: 10,
      fixes: [
        { title: { en: 'bad', nl: 'bad' }, preferred: true, edits: [{ offset: 5, endOffset: 10, newText: 'y' }] },
        { title: { en: 'good', nl: 'good' }, preferred: false, edits: [{ offset: 0, endOffset: 4, newText: 'A_%' }] },
        { title: { en: 'accept', nl: 'accept' }, preferred: false, edits: [], configEdit: { path: ['vocabulary', 'accept'], value: 'x' } },
      ],
    };
    secureLatexFixes(src, [finding]);
    assert.deepEqual(finding.fixes.map((x) => [x.title.en, x.edits.map((e) => e.newText)]), [
      ['good', [r`A\_\%`]],
      ['accept', []],
    ]);
    // A second call does not escape again.
    secureLatexFixes(src, [finding]);
    assert.equal(finding.fixes[0]!.edits[0]!.newText, r`A\_\%`);
  });

  for (const [name, text] of [
    ['English', EN],
    ['Dutch', NL],
  ] as const) {
    it(`round trip of every fix on a ${name} LaTeX document`, function () {
      this.timeout(60000);
      // Word choice (near-synonyms) is reported on request: the round trip covers its fixes too.
      const res = lint(text, { path: 'x.tex', config: mergeConfig(defaultConfig(), { rules: { 'vocabulary/mixed-terms': { options: { nearSynonyms: true } } } }) });
      secureLatexFixes(text, res.findings);
      const kinds = new Set<string>();
      let n = 0;
      for (const f of res.findings) {
        for (const fix of f.fixes) {
          if (fix.edits.length === 0) continue;
          kinds.add(`${f.ruleId}: ${fix.title.en.split(/ ["“]/)[0]}`);
          roundTrip(text, f, fix);
          n++;
        }
      }
      const expected =
        name === 'English'
          ? ['vocabulary/jargon: Replace with', 'vocabulary/jargon: Explain on first use', 'vocabulary/person-first: Replace with', 'readability/nominalization: Replace with', 'vocabulary/mixed-terms: Replace with', 'vocabulary/mixed-terms: Use']
          : ['vocabulary/jargon: Replace with', 'vocabulary/jargon: Explain on first use', 'vocabulary/mixed-terms: Replace with', 'vocabulary/mixed-terms: Use', 'vocabulary/person-first: Replace with'];
      for (const k of expected) assert.ok(kinds.has(k), `a fix of kind ${k} among ${[...kinds].join('; ')}`);
      assert.ok(n >= expected.length);
    });
  }

  // After a last results section the scaffold goes before \end{document}, not after it.
  it('inserts the client-perspective section inside the document body', () => {
    const text = r`\documentclass{report}\usepackage[dutch]{babel}\begin{document}
\chapter{Methode}
We spraken met tien klantmanagers en vijf beleidsmedewerkers van de gemeente.
\chapter{Resultaten}
De cli\"enten wachten lang op hulp. De cli\"enten krijgen een brief van de gemeente.
Volgens de klantmanagers begrijpen veel cli\"enten die brief niet. Cli\"enten bellen daarom vaak.
\end{document}
`;
    const f = lint(text, { path: 'x.tex' }).findings.find((x) => x.ruleId === 'client/missing-perspective');
    assert.ok(f?.fixes[0]);
    assert.ok(f.fixes[0].edits[0]!.offset <= text.indexOf(r`\end{document}`));
  });

  it('brug check --fix style: all preferred fixes at once keep the LaTeX valid', () => {
    for (const text of [EN, NL]) {
      let current = text;
      for (let pass = 0; pass < 3; pass++) {
        const res = lint(current, { path: 'x.tex' });
        secureLatexFixes(current, res.findings);
        // Suggestions too: every fix's edits must keep the LaTeX valid, whatever the writer picks.
        const out = applyFixes(current, res.findings, { suggestions: true });
        if (out.applied === 0) break;
        current = out.text;
      }
      assert.notEqual(current, text);
      assert.ok(balanced(current));
      assert.doesNotThrow(() => skeleton(current));
      assert.deepEqual(skeleton(current).filter((x) => x.startsWith('env:')), skeleton(text).filter((x) => x.startsWith('env:')));
      assert.ok(texts(parseLatex(current, NO_OPTIONS)).length > 3);
    }
  });
});
