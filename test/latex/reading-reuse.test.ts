/**
 * The LaTeX adapter hands out the last reading's blocks where a reading after an edit has the same ones (formats/latex.ts
 * sameAsLastReading, joinLastReading): as the last reading's objects, those after the edit with how far they moved
 * (`ParsedDocument.raw`: no copy), and `blocks` made from those (the moved ones with the same texts and maps, moved by
 * mapBase). What it hands out must be what a fresh reading gives, and a warm engine after edits must check a LaTeX
 * document as a fresh one does.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import { LatexReader } from '../../server/src/engine/formats/latex/reader.js';
import type { ProseBlock } from '../../server/src/engine/types.js';
import { applyEdit, editsOf } from '../helpers/warm-edits.js';
import { EDIT_PIECES, NO_OPTIONS, assertWarmLatexMatchesFresh, plain } from './helpers.js';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { extraFormats } from '../../server/src/workspace/formats.js';

const r = String.raw;

const BASE = [
  r`\documentclass{report}`,
  r`\usepackage[dutch]{babel}`,
  r`\newcommand{\seclbl}[2]{\section{#1}\label{#2}}`,
  r`\title{Inclusief ontwerp}`,
  r`\begin{document}`,
  r`\maketitle`,
  r`\begin{abstract}`,
  r`Dit onderzoek gaat over toegankelijke websites voor ouderen en \emph{mensen} met een beperking.`,
  r`\end{abstract}`,
  r`\chapter{Inleiding}`,
  r`De gemeente helpt inwoners met schulden.\footnote{Zie het rapport van 2020 \cite{rapport}.} Het is een ` + "``moeilijk''" + r` probleem -- zeker voor cli\"enten.`,
  '',
  r`\seclbl{Aanpak}{s:aanpak}`,
  r`We implementeren een oplossing die de \textbf{gebruiker} centraal zet, zoals in \autoref{fig:x} te zien is.`,
  r`\begin{itemize}`,
  r`  \item Eerst lezen we de literatuur over inclusief ontwerp.`,
  r`  \item Dan interviewen we \SI{12}{} gebruikers.`,
  r`\end{itemize}`,
  '% brug-disable-next-line',
  r`Een zin met $x^2$ en wiskunde, die doorloopt na de formule \[ y = 3 \] en dan eindigt.`,
  '',
  r`\begin{otherlanguage}{english}`,
  r`This paragraph is written in English and it is long enough to be checked in English by the engine.`,
  r`\end{otherlanguage}`,
  r`\mysec{Resultaten}`,
  r`\begin{table}\begin{tabular}{ll} Kolom een & Kolom twee \\ waarde & andere waarde \end{tabular}\caption{Een tabel met resultaten.}\end{table}`,
  r`De resultaten tonen dat de gebruikers tevreden zijn, maar dat er nog veel werk is om de website beter te maken voor iedereen die hem gebruikt.`,
  '',
  r`\mysec{Besluit}{s:besluit}`,
  r`Een korte alinea over het besluit.`,
  '',
  r`  \subsecthing{Nog een deel}`,
  r`Kortom: het werkt. \par Een nieuwe alinea na par.`,
  r`\begin{thebibliography}{9}\bibitem{rapport} Rapport over schulden, 2020.\end{thebibliography}`,
  r`\end{document}`,
  '',
].join('\n');

/** Pieces an edit inserts (see EDIT_PIECES). */
const PIECES = EDIT_PIECES;

function freshBlocks(text: string): ProseBlock[] {
  const reader = new LatexReader(text, NO_OPTIONS);
  reader.run();
  return reader.blocks;
}

describe('LaTeX: the last reading reused after an edit', () => {
  it('hands out the same block objects before an edit and moved ones after it', () => {
    const first = parseLatex(BASE, NO_OPTIONS).blocks;
    const at = BASE.indexOf('tevreden');
    const text = `${BASE.slice(0, at)}blij${BASE.slice(at + 'tevreden'.length)}`;
    const next = parseLatex(text, NO_OPTIONS).blocks;
    const edited = next.findIndex((b) => b.text.includes('blij'));
    assert.ok(edited > 0);
    for (let i = 0; i < edited; i++) assert.equal(next[i], first[i], `block ${i} is the last reading's`);
    assert.notEqual(next[edited], first[edited]);
    const delta = text.length - BASE.length;
    for (let i = edited + 1; i < next.length; i++) {
      const o = first[i]!;
      assert.equal(next[i]!.map, o.map, `block ${i} has the last reading's map`);
      assert.equal(next[i]!.mapBase, delta);
      assert.equal(next[i]!.start, o.start + delta);
    }
    assert.deepEqual(next.map(plain), freshBlocks(text).map(plain));
  });

  /** The blocks of `doc` as kept, each at its place (its start and text), read from `raw`. */
  const keptPlaces = (doc: ReturnType<typeof parseLatex>) => doc.raw!.blocks.map((b, i) => [b.start + (doc.raw!.shifts?.[i] ?? 0), b.text]);

  for (const [lang, source, first, second] of [
    ['nl', BASE, ['tevreden', 'blij en tevreden'], ['Inleiding', 'Inleiding en doel']],
    ['en', BASE.replace('[dutch]{babel}', '[english]{babel}').replace('De resultaten tonen dat de gebruikers tevreden zijn', 'The results show that the clients are content'), ['content', 'glad'], ['Inleiding', 'Introduction to the cliënt’s view 😀']],
  ] as const) {
    it(`${lang}: keeps the last reading's block objects over two edits, each with how far it moved, and no copy of a moved block`, () => {
      // (Another document read first: its reading shares no block with this one.)
      parseLatex(String.raw`\documentclass{article}\begin{document}Iets anders.\end{document}`, NO_OPTIONS);
      const doc1 = parseLatex(source, NO_OPTIONS);
      const raw1 = doc1.raw!;
      assert.equal(raw1.shifts, undefined, 'a first reading moved nothing');
      /** `text` with the first `word` replaced, read: its parse, raw blocks, change in length and the edited block. */
      const edit = (text: string, [word, by]: readonly [string, string]) => {
        const at = text.indexOf(word);
        const next = `${text.slice(0, at)}${by}${text.slice(at + word.length)}`;
        const doc = parseLatex(next, NO_OPTIONS);
        return { text: next, doc, raw: doc.raw!, delta: next.length - text.length, edited: doc.raw!.blocks.findIndex((b) => b.text.includes(by)) };
      };
      const e2 = edit(source, first);
      const raw2 = e2.raw;
      assert.ok(e2.edited > 0);
      for (let i = 0; i < raw2.blocks.length; i++) {
        if (i === e2.edited) continue;
        assert.equal(raw2.blocks[i], raw1.blocks[i], `block ${i} is the first reading's object`);
        assert.equal(raw2.shifts?.[i] ?? 0, i < e2.edited ? 0 : e2.delta, `block ${i} moved by the edit before it only`);
      }
      // A second edit before the first: the blocks after both moved by both, those between by the second only.
      const e3 = edit(e2.text, second);
      const raw3 = e3.raw;
      assert.ok(e3.edited > 0 && e3.edited < e2.edited);
      for (let i = e3.edited + 1; i < raw3.blocks.length; i++) {
        assert.equal(raw3.blocks[i], raw2.blocks[i], `block ${i} is the last reading's object`);
        assert.equal(raw3.shifts![i], (raw2.shifts?.[i] ?? 0) + e3.delta);
      }
      // Each kept block at its place reads as a fresh reading's block there; `blocks` is a fresh reading's.
      const fresh = freshBlocks(e3.text);
      assert.deepEqual(keptPlaces(e3.doc), fresh.map((b) => [b.start, b.text]));
      assert.deepEqual(e3.doc.blocks.map(plain), fresh.map(plain));
      // The readings before are as they were (their blocks made from what they kept).
      assert.deepEqual(e2.doc.blocks.map(plain), freshBlocks(e2.text).map(plain));
      assert.deepEqual(Object.keys(e3.doc).includes('raw'), false, 'raw is not enumerable');
    });
  }

  for (const [lang, babel, [intro, refs, other, appendix, also], entry, body] of [
    ['nl', 'dutch', ['Inleiding', 'Referenties', 'Resultaten', 'Bijlage', 'ook'], 'Jansen en De Vries schreven in 2020 over de gemeente die in vier wijken met inwoners en consulenten sprak over de schulden die zij hadden en over de hulp die zij van de gemeente en van de vrijwilligers in de wijk kregen toen het geld op was.', 'De consulenten spraken elke week met de inwoners over hun schulden en hun plannen.'],
    ['en', 'english', ['Introduction', 'References', 'Results', 'Appendix', 'also'], 'Smith and Jones wrote in 2020 about the council that talked in four neighbourhoods with residents and caseworkers about the debts they had and about the help they got from the council and from the volunteers when the money ran out.', 'The caseworkers met the residents every week to talk about their debts and their plans.'],
  ] as const) {
    it(`${lang}: blocks of a references section the engine marked skipped read again as prose when the section is renamed (warm as fresh)`, () => {
      const base = [
        r`\documentclass{article}`,
        `\\usepackage[${babel}]{babel}`,
        r`\begin{document}`,
        `\\section{${intro}}`,
        body,
        '',
        `\\section{${refs}}`,
        entry,
        '',
        entry.replace('2020', '2021'),
        '',
        `\\section{${appendix}}`,
        body,
        r`\end{document}`,
        '',
      ].join('\n');
      const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
      const summary = (res: LintResult) => ({ findings: res.findings, sections: res.sections, metrics: res.metrics, paragraphs: res.paragraphs });
      const fresh = (text: string) => {
        const engine = new Engine({ vocabulary: warm.vocabulary, formats: extraFormats });
        engine.lint(r`\documentclass{article}\begin{document}Iets anders.\end{document}`, { path: `other-refs-${lang}.tex` });
        return engine.lint(text, { path: `fresh-refs-${lang}.tex` });
      };
      let text = base;
      warm.lint(text, { path: `warm-refs-${lang}.tex` });
      // An edit before the section (the reading taken up again hands out the section's blocks it kept, marked by the
      // engine), the section renamed (its blocks prose again), an edit after it, the name back.
      const steps: Array<[string, string]> = [[body.slice(0, 12), `${body.slice(0, 12)} ${also}`], [`{${refs}}`, `{${other}}`], [`{${appendix}}`, `{${appendix}s}`], [`{${other}}`, `{${refs}}`]];
      const long: number[] = [];
      for (const [from, to] of steps) {
        text = text.replace(from, to);
        const got = warm.lint(text, { path: `warm-refs-${lang}.tex` });
        assert.deepEqual(summary(got), summary(fresh(text)), `after ${JSON.stringify(to)}`);
        long.push(got.findings.filter((f) => f.ruleId === 'readability/long-sentence').length);
      }
      // (The entries are long sentences: checked while the section is not a references section only.)
      assert.ok(long[1]! > long[0]! && long[3] === long[0], `long sentences per step: ${long}`);
    });
  }

  it('reads as a fresh reading after random edits, and leaves the last reading as it was', () => {
    fc.assert(
      fc.property(fc.array(editsOf(PIECES, 300), { minLength: 1, maxLength: 6 }), (series) => {
        let text = BASE;
        let last = parseLatex(text, NO_OPTIONS).blocks;
        for (const e of series) {
          text = applyEdit(text, e);
          const before = last.map(plain);
          const blocks = parseLatex(text, NO_OPTIONS).blocks;
          assert.deepEqual(blocks.map(plain), freshBlocks(text).map(plain));
          // The blocks handed out before are unchanged (a caller may still hold them).
          assert.deepEqual(last.map(plain), before);
          last = blocks;
        }
      }),
      { numRuns: 150, seed: 35 },
    );
  });

  it('a warm engine checks a LaTeX document after random edits as a fresh engine does', () => {
    assertWarmLatexMatchesFresh(BASE, PIECES, 'latex35', { numRuns: 40, seed: 36 });
  });

});
