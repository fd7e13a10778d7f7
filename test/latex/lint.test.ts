import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/index.js';
import { defaultConfig, mergeConfig } from '../../server/src/engine/config/config.js';
import { flat } from '../../server/src/engine/text/view.js';

const r = String.raw;
const slice = (text: string, f: { offset: number; endOffset: number }) => text.slice(f.offset, f.endOffset);

function doc(lang: 'dutch' | 'english', body: string): string {
  return `\\documentclass{article}\n\\usepackage[${lang}]{babel}\n\\title{Report}\n\\begin{document}\n\\maketitle\n${body}\n\\end{document}\n`;
}

describe('LaTeX through the engine (lint with path x.tex)', () => {
  it('uses the LaTeX adapter for .tex files and the declared language', () => {
    const text = doc('dutch', r`\section{Inleiding}` + '\nDe gemeente helpt inwoners met schulden.');
    const res = lint(text, { path: 'x.tex' });
    assert.equal(res.format, 'latex');
    assert.equal(res.language, 'nl');
    assert.deepEqual(res.sections.map((s) => [s.title, s.level, s.line]), [
      ['Report', 1, 3],
      ['Inleiding', 2, 6],
    ]);
    assert.equal(res.metrics.words, 6);
  });

  it('puts a word finding exactly on the word inside \\emph', () => {
    const text = doc('dutch', r`De \emph{zelfredzaamheid} van bewoners is groot.`);
    const f = lint(text, { path: 'x.tex' }).findings.find((x) => x.ruleId === 'vocabulary/jargon');
    assert.ok(f);
    assert.equal(slice(text, f), 'zelfredzaamheid');
  });

  it('recognises a word written with an accent command and points at its source', () => {
    const text = doc('dutch', r`Het project is ge\"{\i}nitieerd door de wethouder.`);
    const f = lint(text, { path: 'x.tex' }).findings.find((x) => x.ruleId === 'vocabulary/jargon');
    assert.ok(f, 'geïnitieerd is found');
    assert.equal(slice(text, f), r`ge\"{\i}nitieerd`);
    assert.equal(f.data?.matched, 'geïnitieerd');
  });

  it('counts no word for a citation (as for a Pandoc citation) and never flags it', () => {
    const base = 'We looked at how the service was delivered in three towns over two years';
    const withCite = lint(doc('english', `${base} \\citep[p.~3]{smith2020,jones2021}.`), { path: 'x.tex' });
    const plain = lint(doc('english', `${base}.`), { path: 'x.tex' });
    assert.equal(withCite.metrics.words, plain.metrics.words);
    assert.equal(withCite.metrics.sentences, 1);
    for (const f of withCite.findings) assert.ok(!/cite|smith/.test(slice(flat(withCite.model.text), f)) || /\s/.test(slice(flat(withCite.model.text), f)), f.ruleId);
  });

  it('reads math as a word: the sentence length stays right', () => {
    const text = doc('english', 'The share $p = 0.4$ was small.');
    assert.equal(lint(text, { path: 'x.tex' }).metrics.words, 5);
  });

  it('gives a long sentence a range from its first to its last word, in the source', () => {
    const words = Array.from({ length: 40 }, (_, i) => (i === 10 ? r`\emph{important}` : `word${i}`)).join(' ');
    const text = doc('english', `${words}.`);
    const f = lint(text, { path: 'x.tex' }).findings.find((x) => x.ruleId === 'readability/long-sentence');
    assert.ok(f);
    assert.equal(slice(text, f), `${words}.`);
  });

  it('makes the abstract a summary section', () => {
    const text = doc('english', r`\begin{abstract}` + '\nWe studied debt advice.\n' + r`\end{abstract}` + '\n' + r`\section{Method}` + '\nWe talked to people.');
    const res = lint(text, { path: 'x.tex' });
    const s = res.sections.find((x) => x.title === 'Abstract');
    assert.ok(s);
    assert.equal(s.role, 'summary');
    assert.equal(slice(text, s), r`\begin{abstract}`);
  });

  it('applies % brug-disable-next-line and % brug-disable to LaTeX findings', () => {
    const body = r`De \emph{zelfredzaamheid} is groot.`;
    const plain = lint(doc('dutch', body), { path: 'x.tex' }).findings.filter((f) => f.ruleId === 'vocabulary/jargon');
    assert.equal(plain.length, 1);
    const next = lint(doc('dutch', `% brug-disable-next-line vocabulary/jargon\n${body}`), { path: 'x.tex' }).findings.filter((f) => f.ruleId === 'vocabulary/jargon');
    assert.equal(next.length, 0);
    const off = lint(doc('dutch', `% brug-disable vocabulary\n${body}\n% brug-enable\n\n${body}`), { path: 'x.tex' }).findings.filter((f) => f.ruleId === 'vocabulary/jargon');
    assert.equal(off.length, 1);
  });

  it('follows \\selectlanguage for the blocks after it', () => {
    const text = doc('dutch', 'De gemeente helpt inwoners met schulden.\n\n\\selectlanguage{english}\nThe council helps residents with debts.');
    const res = lint(text, { path: 'x.tex' });
    assert.deepEqual(res.paragraphs.map((p) => p.language), ['nl', 'en']);
  });

  it('takes latex.proseCommands and latex.skipEnvironments from the configuration', () => {
    const text = doc('english', r`We met \gloss{street-level bureaucrats} there.` + '\n\n' + r`\begin{notes}Clients and customers.\end{notes}`);
    const config = mergeConfig(defaultConfig(), { latex: { proseCommands: ['gloss'], skipEnvironments: ['notes'] } });
    const res = lint(text, { path: 'x.tex', config });
    const f = res.findings.find((x) => x.ruleId === 'vocabulary/jargon');
    assert.ok(f);
    assert.equal(slice(text, f), 'street-level bureaucrats');
    assert.ok(!res.findings.some((x) => slice(text, x).includes('customers')));
    assert.ok(!lint(text, { path: 'x.tex' }).findings.some((x) => slice(text, x) === 'street-level bureaucrats'));
  });

  it('reports broken LaTeX as information and still checks the rest', () => {
    const text = doc('dutch', r`\begin{itemize}\item De \emph{zelfredzaamheid is groot.` + '\n\nDe zelfredzaamheid is groot.');
    const res = lint(text, { path: 'x.tex' });
    assert.ok(res.findings.some((f) => f.ruleId === 'brug/parse'));
    assert.ok(res.findings.filter((f) => f.ruleId === 'vocabulary/jargon').length >= 1);
  });

  for (const [lang, again, times] of [['dutch', 'Dit komt 3 keer voor', 'nl'], ['english', 'The same occurs 3 times', 'en']] as const) {
    it(`shows the same parse problem once, with the other places as hints (${times})`, () => {
      const figure = (n: number) => `\\begin{figure}\n\\caption{Figuur ${n}}\n\\label{fig:${n}}}\n\\end{figure}\n`;
      // Figures inside a group, as a class file's wrapper puts them: each } too many is skipped where it stands.
      const text = doc(lang, `{\\small\n${figure(1)}\n${figure(2)}\n${figure(3)}\n\\begin{table}\n\\caption{Tabel}\n\\label{tab:1}}\n\\end{table}\n}`);
      const notes = lint(text, { path: 'x.tex' }).findings.filter((f) => f.ruleId === 'brug/parse');
      const braces = notes.filter((f) => f.message.en.startsWith('A } too many inside \\begin{figure}'));
      assert.equal(braces.length, 3);
      assert.deepEqual(braces.map((f) => f.severity), ['info', 'hint', 'hint']);
      assert.ok(braces[0]!.message[times].includes(again), braces[0]!.message[times]);
      assert.deepEqual(braces[0]!.related?.map((r) => r.offset), [braces[1]!.offset, braces[2]!.offset]);
      assert.ok(braces[1]!.offset > braces[0]!.offset && braces[2]!.offset > braces[1]!.offset);
      // A different problem (another environment) is not folded into them.
      const other = notes.filter((f) => f.message.en.includes('{table}'));
      assert.ok(other.length >= 1 && other.every((f) => f.severity === 'info' && !f.related), JSON.stringify(other.map((f) => f.message.en)));
    });
  }
});
