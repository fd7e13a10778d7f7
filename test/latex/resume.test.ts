/**
 * A LaTeX reading taken up again after an edit (LatexReader.resume, lx41): the body is read again from a paragraph break
 * before the edit up to the first one after it where the reader is as it was, and the rest is the last reading's. What
 * parseLatex hands out must be what a reading of the whole text gives: blocks, directives (with their lines), problems
 * and the declared language, after any series of edits, on built documents and on every LaTeX document of the dev corpus.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { READS, parseLatex } from '../../server/src/engine/formats/latex.js';
import { LatexReader, headingLikeMacrosOf, headingLineUses, settleAfterEdit, settleText } from '../../server/src/engine/formats/latex/reader.js';
import type { ParsedDocument } from '../../server/src/engine/types.js';
import { CORPUS_DIR } from '../helpers/shared.js';
import { applyEdit, editsOf } from '../helpers/warm-edits.js';
import { EDIT_PIECES, NO_OPTIONS, assertWarmLatexMatchesFresh, plain } from './helpers.js';
import { cutAt } from '../helpers/pieces.js';
import { pieceTextJoins } from '../../server/src/engine/text/view.js';

const r = String.raw;

/** One chapter of a report: paragraphs with footnotes, lists, math, a quotation, directives, a language switch. */
function chapter(n: number): string {
  return [
    r`\chapter{Hoofdstuk ${n}}`,
    r`De gemeente helpt inwoners met schulden.\footnote{Zie het rapport van 2020 \cite{rapport${n}}.` + '\n\n' + r`Een tweede alinea in de voetnoot.} Het is een ` + "``moeilijk''" + r` probleem -- zeker voor cli\"enten.`,
    '',
    r`\section{Aanpak ${n}}\label{s:${n}}`,
    r`We implementeren een oplossing die de \textbf{gebruiker} centraal zet, zoals in \autoref{fig:${n}} te zien is.`,
    r`\begin{itemize}`,
    r`  \item Eerst lezen we de literatuur over inclusief ontwerp.`,
    '',
    r`  \item Dan interviewen we \SI{12}{} gebruikers.`,
    r`\end{itemize}`,
    '',
    '% brug-disable-next-line',
    r`Een zin met $x^2$ en wiskunde, die doorloopt na de formule \[ y = 3 \] en dan eindigt.`,
    '',
    r`\begin{quote}`,
    r`Ik wil gewoon dat iemand luistert, zei een bewoner.`,
    r`\end{quote}`,
    '',
    r`\selectlanguage{english}`,
    r`This paragraph is written in English and it is long enough to be checked in English by the engine.`,
    '',
    r`\selectlanguage{dutch}`,
    r`De resultaten tonen dat de gebruikers tevreden zijn, maar dat er nog veel werk is om de website beter te maken.`,
    '',
    r`\begin{table}\begin{tabular}{ll} Kolom een & Kolom twee \\ waarde & andere waarde \end{tabular}\caption{Een tabel.}\end{table}`,
    '',
    r`\mysec{Besluit ${n}}`,
    r`Een korte alinea over het besluit. \par Een nieuwe alinea na par.`,
    '',
  ].join('\n');
}

const BASE = [
  r`\documentclass{report}`,
  r`\usepackage[dutch]{babel}`,
  r`\newcommand{\seclbl}[2]{\section{#1}\label{#2}}`,
  r`\title{Schulden en hulp}`,
  r`\begin{document}`,
  r`\maketitle`,
  r`\begin{abstract}`,
  r`Dit onderzoek gaat over hulp bij schulden voor \emph{inwoners} van kleine gemeenten.`,
  r`\end{abstract}`,
  '',
  ...[1, 2, 3, 4, 5, 6].map(chapter),
  r`\begin{thebibliography}{9}\bibitem{rapport} Rapport over schulden, 2020.\end{thebibliography}`,
  r`\end{document}`,
  '',
].join('\n');

/** Pieces an edit inserts: words, breaks, and markup that changes how all that follows reads. */
const PIECES = [
  ...EDIT_PIECES,
  // And what only a reading taken up again must get right: line breaks of every kind, directives, ends of environments,
  // the document's end, a language declared in the body and what \\iflanguage then reads.
  '\n',
  '\r\n\r\n',
  '\r\r',
  '% brug-disable-next-line\n',
  r`\end{verbatim}`,
  r`\begin{quote}`,
  r`\footnote{Een voetnoot. `,
  r`\begin{otherlanguage}{english}`,
  r`\end{otherlanguage}`,
  r`\end{document}`,
  r`\item `,
  r`\begin{`,
  r`\iflanguage{english}{Engelse tekst}{Nederlandse tekst} `,
];

function summary(doc: ParsedDocument): object {
  return { blocks: doc.blocks.map(plain), directives: doc.directives, problems: doc.problems ?? [], declared: doc.declaredLanguage };
}

/** What a reading of the whole text gives, without any last reading. */
function whole(text: string): object {
  const reader = new LatexReader(text, NO_OPTIONS);
  reader.run();
  return summary({ format: 'latex', blocks: reader.blocks, directives: reader.directives, ...(reader.problems.length ? { problems: reader.problems } : {}), ...(reader.declared ? { declaredLanguage: reader.declared } : {}) });
}

/** Random places in running text (after \begin{document}) and one-word edits there. */
function wordEdits(text: string, count: number, seed: number): Array<{ at: number; remove: number; insert: string }> {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const body = Math.max(0, text.indexOf('\\begin{document}'));
  const out: Array<{ at: number; remove: number; insert: string }> = [];
  const inserts = ['ook ', 'extra ', '\n\n', '}', '{', '%', '$', '\\begin{quote}', '\\footnote{noot ', 'woord'];
  for (let k = 0; k < count; k++) {
    const at = body + Math.floor(random() * (text.length - body));
    out.push({ at, remove: random() < 0.3 ? Math.floor(random() * 30) : 0, insert: inserts[Math.floor(random() * inserts.length)]! });
  }
  return out;
}

describe('LaTeX: a reading taken up again after an edit', () => {
  it('reads only from a paragraph break before a one-word edit, and gives what a whole reading gives', () => {
    parseLatex(BASE, NO_OPTIONS);
    const at = BASE.lastIndexOf('tevreden');
    const text = `${BASE.slice(0, at)}blij${BASE.slice(at + 'tevreden'.length)}`;
    const before = READS.resumed;
    const doc = parseLatex(text, NO_OPTIONS);
    assert.equal(READS.resumed, before + 1, 'the reading was taken up again');
    assert.deepEqual(summary(doc), whole(text));
  });

  it('hands out the last reading’s blocks before the edit and moved ones after it', () => {
    const first = parseLatex(BASE, NO_OPTIONS).blocks;
    const at = BASE.indexOf('tevreden', BASE.length / 2);
    const text = `${BASE.slice(0, at)}heel blij${BASE.slice(at + 'tevreden'.length)}`;
    const next = parseLatex(text, NO_OPTIONS).blocks;
    const edited = next.findIndex((b) => b.text.includes('heel blij'));
    assert.ok(edited > 0);
    for (let i = 0; i < edited; i++) assert.equal(next[i], first[i], `block ${i} is the last reading's`);
    const delta = text.length - BASE.length;
    for (let i = edited + 1; i < next.length; i++) {
      assert.equal(next[i]!.map, first[i]!.map, `block ${i} has the last reading's map`);
      assert.equal(next[i]!.start, first[i]!.start + delta);
    }
  });

  it('joins the last reading after an edit in a document with more problems than it keeps, and keeps the first ones', () => {
    // Seven paragraphs with a $ not closed in the first chapter: five problems kept, seven found. An edit in a later
    // chapter joins the last reading (its blocks after the edit handed out moved, not read again); an edit that takes the
    // first problem away keeps the sixth one found, as a whole reading does (session 26: such a document read to its end).
    const dollars = 'Het kost $5 per week en meer.\n\n'.repeat(7);
    const base = BASE.replace('\\section{Aanpak 1}', `${dollars}\\section{Aanpak 1}`);
    assert.equal(parseLatex(base, NO_OPTIONS).problems?.length, 5);
    const at = base.lastIndexOf('tevreden');
    const text = `${base.slice(0, at)}heel blij${base.slice(at + 'tevreden'.length)}`;
    const joined = READS.joined;
    const next = parseLatex(text, NO_OPTIONS);
    assert.deepEqual(summary(next), whole(text));
    assert.equal(READS.joined, joined + 1, 'the reading joined the last one after the edit');
    const dollar = text.indexOf('$5');
    const fixed = `${text.slice(0, dollar)}${text.slice(dollar + 1)}`;
    assert.deepEqual(summary(parseLatex(fixed, NO_OPTIONS)), whole(fixed));
  });

  it('joins the last reading after an edit inside a group a draft left open, and reads to the end once the edit closes it', () => {
    // A "{" in the first chapter never closed: the rest of the text is in that group. Checkpoints inside plain groups
    // (session 27) let an edit after it be taken up near it and join the last reading; before, every such edit read to
    // the end. A language switched inside the group, and a group nested in it, are part of the state compared.
    const base = BASE.replace('\\section{Aanpak 1}', '{\\selectlanguage{english} An open group starts here.\n\n{Nested}\n\n\\section{Aanpak 1}');
    parseLatex(base, NO_OPTIONS);
    const at = base.lastIndexOf('tevreden');
    const text = `${base.slice(0, at)}heel blij${base.slice(at + 'tevreden'.length)}`;
    const joined = READS.joined;
    const resumed = READS.resumed;
    assert.deepEqual(summary(parseLatex(text, NO_OPTIONS)), whole(text));
    assert.equal(READS.resumed, resumed + 1, 'the reading was taken up again');
    assert.equal(READS.joined, joined + 1, 'the reading joined the last one after the edit');
    // An edit that closes the group: the state differs at every checkpoint after it, so the reading goes to the end.
    const mid = text.indexOf('Een zin met', text.length / 3);
    const closed = `${text.slice(0, mid)}} ${text.slice(mid)}`;
    const joinedBefore = READS.joined;
    assert.deepEqual(summary(parseLatex(closed, NO_OPTIONS)), whole(closed));
    assert.equal(READS.joined, joinedBefore, 'no checkpoint after the } is in the last reading’s state');
    // And an edit inside the nested group's paragraph, with the outer one still open.
    const nested = closed.indexOf('{Nested}') + 2;
    const inner = `${closed.slice(0, nested)}ook ${closed.slice(nested)}`;
    assert.deepEqual(summary(parseLatex(inner, NO_OPTIONS)), whole(inner));
  });

  it('moves the directives after an edit that adds lines, with their lines', () => {
    parseLatex(BASE, NO_OPTIONS);
    const at = BASE.indexOf('Een zin met', BASE.length / 3);
    const text = `${BASE.slice(0, at)}Twee\n\nnieuwe regels. ${BASE.slice(at)}`;
    const doc = parseLatex(text, NO_OPTIONS);
    assert.deepEqual(summary(doc), whole(text));
    const last = doc.directives.at(-1)!;
    assert.equal(text.slice(0, last.offset).split('\n').length - 1, last.line);
  });

  it('reads the whole text when the body declares a language (what \\iflanguage reads moves with the reading)', () => {
    const para = (i: number) => `Alinea ${i} gaat over hulp bij schulden en over de mensen die deze hulp krijgen.`;
    const body = Array.from({ length: 30 }, (_, i) => (i === 10 ? r`\iflanguage{dutch}{Nederlandse tekst hier.}{English text here.}` : i === 20 ? r`\usepackage[english]{babel}` : para(i)));
    const base = [r`\documentclass{article}`, r`\begin{document}`, ...body, r`\end{document}`, ''].join('\n\n');
    parseLatex(base, NO_OPTIONS);
    const at = base.indexOf('Alinea 11') + 10;
    const text = `${base.slice(0, at)}ook ${base.slice(at)}`;
    assert.deepEqual(summary(parseLatex(text, NO_OPTIONS)), whole(text));
  });

  it('takes up no reading at a paragraph break of carriage returns alone (look-aheads do not stop there)', () => {
    const para = (i: number) => `Alinea ${i} gaat over hulp bij schulden en over de mensen die deze hulp krijgen.`;
    // An [option] after \\ looked for up to 2,000 characters: past breaks of carriage returns, which are no paragraph break to it.
    const body = Array.from({ length: 30 }, (_, i) => (i === 10 ? `${para(i)} \\\\[` : para(i)));
    const base = [r`\documentclass{article}`, r`\begin{document}`, ...body, r`\end{document}`, ''].join('\r\r');
    parseLatex(base, NO_OPTIONS);
    const at = base.indexOf('Alinea 20') + 10;
    const text = `${base.slice(0, at)}2pt]${base.slice(at)}`;
    assert.deepEqual(summary(parseLatex(text, NO_OPTIONS)), whole(text));
  });

  it('keeps what the whole text settles (\\part, \\chapter, defined headings) after an edit as a scan of the new text finds it', () => {
    const bit = fc.constantFrom('\\chapter', '\\chapter*', '\\addchap', '\\part', '\\addpart', '\\partial', '\\newcommand{\\sec}[1]{\\section{#1}}', '\\defn', ' ', '  ', ' '.repeat(24), '\n', '\t', '\n \n \n \n \n \n \n ', '{', '[', 'Titel}', 'x', 'woord ');
    const doc = fc.array(bit, { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat({ max: 12 }), fc.array(bit, { maxLength: 3 }), fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 5 }), (old, at, remove, insert, cuts) => {
        const from = at % (old.length + 1);
        const text = old.slice(0, from) + insert.join('') + old.slice(from + remove);
        const oldTo = Math.min(old.length, from + remove);
        const to = from + insert.join('').length;
        // (The first changed character and the changed stretch as the adapter finds them need not be these: any stretch
        // that holds the change will do.)
        const after = settleAfterEdit(settleText(old), cutAt(old, cuts), cutAt(text, cuts), from, oldTo, to);
        const fresh = settleText(text);
        assert.deepEqual([after.levelShift, after.top, [...after.sectioning], after.parts, after.chapters], [fresh.levelShift, fresh.top, [...fresh.sectioning], fresh.parts, fresh.chapters]);
      }),
      { numRuns: 2000, seed: 44 },
    );
  });

  it('reads as a whole reading after random series of edits', () => {
    const before = READS.resumed;
    fc.assert(
      fc.property(fc.array(editsOf(PIECES, 400), { minLength: 1, maxLength: 6 }), (series) => {
        let text = BASE;
        parseLatex(text, NO_OPTIONS);
        for (const e of series) {
          text = applyEdit(text, e);
          assert.deepEqual(summary(parseLatex(text, NO_OPTIONS)), whole(text));
        }
      }),
      { numRuns: 200, seed: 41 },
    );
    // (Not vacuous: many of these edits are read from a checkpoint; the others are at the text's start, where fast-check
    // puts many, or in the preamble.)
    assert.ok(READS.resumed - before > 100, `${READS.resumed - before} readings taken up again`);
  });

  it('reads a view of pieces (the language server’s text) after random edits as a whole reading of the string does', () => {
    const before = READS.resumed;
    fc.assert(
      fc.property(fc.array(editsOf(PIECES, 400), { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 20000 }), { maxLength: 12 }), (series, cuts) => {
        let text = BASE;
        parseLatex(cutAt(text, cuts), NO_OPTIONS);
        for (const e of series) {
          text = applyEdit(text, e);
          assert.deepEqual(summary(parseLatex(cutAt(text, cuts), NO_OPTIONS)), whole(text));
        }
      }),
      { numRuns: 150, seed: 43 },
    );
    assert.ok(READS.resumed - before > 50, `${READS.resumed - before} readings taken up again`);
  });

  it('takes up a view of the dev corpus’s LaTeX book without joining its pieces, and finds what the string gives', () => {
    const src = readFileSync(join(CORPUS_DIR, 'en', 'teaching-tech-together-book.tex'), 'utf8');
    const cuts = Array.from({ length: Math.floor(src.length / 30000) }, (_, i) => (i + 1) * 30000);
    let text = src;
    let taken = 0;
    parseLatex(cutAt(text, cuts), NO_OPTIONS);
    for (const e of wordEdits(src, 12, 5)) {
      const at = Math.min(e.at, text.length);
      text = `${text.slice(0, at)}${e.insert}${text.slice(Math.min(at + e.remove, text.length))}`;
      const joins = pieceTextJoins();
      const resumed = READS.resumed;
      const doc = parseLatex(cutAt(text, cuts), NO_OPTIONS);
      assert.deepEqual(summary(doc), whole(text));
      if (READS.resumed > resumed) {
        taken++;
        assert.equal(pieceTextJoins(), joins, 'a reading taken up again joins nothing');
      }
    }
    assert.ok(taken >= 8, `${taken} of 12 readings taken up again`);
  });

  it('reads a view of pieces as it reads the string (every LaTeX document of the dev corpus, cut anywhere)', function () {
    this.timeout(120000);
    const texts = [BASE];
    for (const lang of ['nl', 'en']) for (const name of readdirSync(join(CORPUS_DIR, lang)).filter((n) => n.endsWith('.tex'))) texts.push(readFileSync(join(CORPUS_DIR, lang, name), 'utf8'));
    let seed = 9;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const text of texts) {
      const cuts = Array.from({ length: 40 }, () => Math.floor(random() * text.length));
      const joins = pieceTextJoins();
      const reader = new LatexReader(cutAt(text, cuts), NO_OPTIONS, headingLikeMacrosOf(headingLineUses(text)));
      reader.run();
      assert.equal(pieceTextJoins(), joins, 'the pieces are read as they are');
      assert.deepEqual(summary({ format: 'latex', blocks: reader.blocks, directives: reader.directives, ...(reader.problems.length ? { problems: reader.problems } : {}), ...(reader.declared ? { declaredLanguage: reader.declared } : {}) }), whole(text));
    }
  });

  it('leaves the readings it handed out as they were', () => {
    let text = BASE;
    let last = parseLatex(text, NO_OPTIONS);
    for (const e of wordEdits(BASE, 40, 7)) {
      const kept = summary(last);
      text = `${text.slice(0, Math.min(e.at, text.length))}${e.insert}${text.slice(Math.min(e.at + e.remove, text.length))}`;
      const next = parseLatex(text, NO_OPTIONS);
      assert.deepEqual(summary(last), kept);
      last = next;
    }
  });

  it('reads every LaTeX document of the dev corpus after edits as a whole reading does', function () {
    this.timeout(240000);
    let documents = 0;
    for (const lang of ['nl', 'en']) {
      for (const name of readdirSync(join(CORPUS_DIR, lang)).filter((n) => n.endsWith('.tex')).sort()) {
        documents++;
        const src = readFileSync(join(CORPUS_DIR, lang, name), 'utf8');
        let text = src;
        parseLatex(text, NO_OPTIONS);
        const before = READS.resumed;
        for (const e of wordEdits(src, 25, documents * 101)) {
          const at = Math.min(e.at, text.length);
          text = `${text.slice(0, at)}${e.insert}${text.slice(Math.min(at + e.remove, text.length))}`;
          assert.deepEqual(summary(parseLatex(text, NO_OPTIONS)), whole(text), `${lang}/${name}`);
        }
        assert.ok(READS.resumed > before, `${lang}/${name}: some readings taken up again`);
      }
    }
    assert.ok(documents >= 3, 'the dev corpus has LaTeX documents');
  });

  it('a warm engine checks a long LaTeX document after random edits as a fresh engine does', () => {
    assertWarmLatexMatchesFresh(BASE, PIECES, 'lx41', { numRuns: 25, seed: 42 });
  });

});
