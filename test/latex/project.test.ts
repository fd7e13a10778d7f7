import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeWorkspaces, runCli, tempWorkspace } from '../helpers/workspace.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { buildLatexProject, findIncludes, fixLatexProject, lintLatexProject, locate, planLatexProjects } from '../../server/src/workspace/latex-project.js';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import { defaultConfig, mergeConfig } from '../../server/src/engine/config/config.js';
import { NO_OPTIONS, balanced } from './helpers.js';

const r = String.raw;
const workspace = (files: Record<string, string>) => tempWorkspace('brug-latex-', files);
const run = runCli;

const MAIN = r`\documentclass{report}
\usepackage[dutch]{babel}
\title{Hulp bij geldzaken}
\begin{document}
\maketitle
% \input{chapters/commented}
\input{chapters/inleiding}
\include{chapters/resultaten}
\subfile{chapters/bijlage}
\input{chapters/ontbreekt}
\end{document}
`;
const INLEIDING = r`\chapter{Inleiding}
De \emph{zelfredzaamheid} van inwoners is een groot thema.\footnote{Zie \cite{a}.}
Veel hulpvragers wachten lang op hulp.
\input{chapters/inleiding}
`;
const RESULTATEN = r`\chapter{Resultaten}
De cli\"enten vertelden dat de hulp goed was. Ook de cli\"enten van het wijkteam waren tevreden.
`;
const BIJLAGE = r`\documentclass[../main.tex]{subfiles}
\begin{document}
\chapter{Bijlage}
Een lijst van gesprekken met de gemeente.
\end{document}
`;

function project() {
  return workspace({ 'main.tex': MAIN, 'chapters/inleiding.tex': INLEIDING, 'chapters/resultaten.tex': RESULTATEN, 'chapters/bijlage.tex': BIJLAGE, 'notes.md': '# Notes\n\nA short note.\n' });
}

describe('multi-file LaTeX documents', () => {
  after(removeWorkspaces);

  it('finds \\input, \\include, \\subfile and \\import, not in comments or verbatim, not \\includegraphics', () => {
    const src = r`\input{a}\include{b.tex} \subfile{c}
\input d
\import{dir/}{e}
% \input{commented}
\includegraphics{fig}\includeonly{x}
\newcommand{\chap}[1]{\input{chapters/#1}}\input{\jobname.aux}
\begin{verbatim}\input{verbatim}\end{verbatim}`;
    assert.deepEqual(findIncludes(src).map((i) => [i.command, i.dir ?? '', i.target, src.slice(i.offset, i.endOffset)]), [
      ['input', '', 'a', r`\input{a}`],
      ['include', '', 'b.tex', r`\include{b.tex}`],
      ['subfile', '', 'c', r`\subfile{c}`],
      ['input', '', 'd', r`\input d`],
      ['import', 'dir/', 'e', r`\import{dir/}{e}`],
    ]);
  });

  it('combines the files, keeps a map back to each, and reports a missing file and a cycle', () => {
    const dir = project();
    const p = buildLatexProject(join(dir, 'main.tex'));
    assert.deepEqual(p.files.map((f) => f.slice(dir.length + 1)), ['main.tex', 'chapters/inleiding.tex', 'chapters/resultaten.tex', 'chapters/bijlage.tex']);
    assert.ok(p.text.includes('De \\emph{zelfredzaamheid}'));
    assert.ok(!p.text.includes('\\input{chapters/inleiding}'));
    assert.ok(!p.text.includes('subfiles}'), "a subfile's preamble is left out");
    // Every piece maps back to the same text in its file.
    for (const piece of p.pieces) assert.equal(p.text.slice(piece.start, piece.end), p.texts.get(piece.file)!.slice(piece.fileStart, piece.fileStart + piece.end - piece.start));
    const at = p.text.indexOf('zelfredzaamheid');
    const loc = locate(p, at);
    assert.equal(loc.file, join(dir, 'chapters/inleiding.tex'));
    assert.equal(INLEIDING.slice(loc.offset, loc.offset + 15), 'zelfredzaamheid');
    const problems = p.problems.map((x) => [x.file.slice(dir.length + 1), p.texts.get(x.file)!.slice(x.offset, x.endOffset), x.message.en.split(':')[1]?.trim().split(' (')[0]]);
    assert.deepEqual(problems, [
      ['chapters/inleiding.tex', r`\input{chapters/inleiding}`, undefined],
      ['main.tex', r`\input{chapters/ontbreekt}`, 'no such file'],
    ]);
    assert.match(p.problems[0]!.message.en, /includes a file that includes this one \(chapters\/inleiding\.tex → chapters\/inleiding\.tex\)/);
    assert.match(p.problems[1]!.message.en, /looked for chapters\/ontbreekt\.tex/);
    const doc = parseLatex(p.text, NO_OPTIONS);
    assert.deepEqual(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text), ['Hulp bij geldzaken', 'Inleiding', 'Resultaten', 'Bijlage']);
  });

  it('lints the whole document once and puts every finding in its own file at the right offset', () => {
    const dir = project();
    const { engine } = engineFor();
    // Word choice (hulpvragers / cliënten, near-synonyms) is reported on request (vocabulary/mixed-terms nearSynonyms).
    const near = mergeConfig(defaultConfig(), { rules: { 'vocabulary/mixed-terms': { options: { nearSynonyms: true } } } });
    const res = lintLatexProject(engine, buildLatexProject(join(dir, 'main.tex')), near);
    const byName = new Map(res.files.map((f) => [f.file.slice(dir.length + 1), f]));
    const inl = byName.get('chapters/inleiding.tex')!;
    const jargon = inl.findings.find((f) => f.ruleId === 'vocabulary/jargon')!;
    assert.equal(INLEIDING.slice(jargon.offset, jargon.endOffset), 'zelfredzaamheid');
    for (const fix of jargon.fixes) for (const e of fix.edits) assert.ok(e.endOffset <= INLEIDING.length);
    // Document rules saw the whole thesis: hulpvragers (inleiding) and cliënten (resultaten) are one group.
    const mixed = [...byName.values()].flatMap((f) => f.findings.filter((x) => x.ruleId === 'vocabulary/mixed-terms').map((x) => [f.file.slice(dir.length + 1), f.text.slice(x.offset, x.endOffset)]));
    assert.deepEqual(mixed, [['chapters/inleiding.tex', 'hulpvragers']]);
    const main = byName.get('main.tex')!;
    assert.deepEqual(main.findings.filter((f) => f.ruleId.startsWith('brug/')).map((f) => f.ruleId), ['brug/latex-input']);
    assert.deepEqual(inl.findings.filter((f) => f.ruleId === 'brug/latex-input').length, 1);
    assert.deepEqual(byName.get('chapters/resultaten.tex')!.sections.map((s) => [s.title, s.line]), [['Resultaten', 1]]);
    const words = [...byName.values()].reduce((n, f) => n + f.metrics.words, 0);
    assert.equal(words, res.result.metrics.words);
    for (const f of res.files) for (const x of f.findings) assert.ok(x.offset >= 0 && x.endOffset <= f.text.length);
  });

  it('plans: a main file covers the files it includes, a chapter alone is its own document', () => {
    const dir = project();
    const files = ['chapters/bijlage.tex', 'chapters/inleiding.tex', 'chapters/resultaten.tex', 'main.tex'].map((f) => join(dir, f));
    const plan = planLatexProjects(files);
    assert.deepEqual([...plan.projects.keys()], [join(dir, 'main.tex')]);
    assert.deepEqual([...plan.covered.keys()].sort(), files.slice(0, 3).sort());
    const alone = planLatexProjects([join(dir, 'chapters/resultaten.tex')]);
    assert.equal(alone.projects.size, 0);
    // A cycle still gets checked once.
    const cyc = workspace({ 'a.tex': r`\input{b}` + '\nText a.', 'b.tex': r`\input{a}` + '\nText b.' });
    const p2 = planLatexProjects([join(cyc, 'a.tex'), join(cyc, 'b.tex')]);
    assert.deepEqual([...p2.projects.keys()], [join(cyc, 'a.tex')]);
  });

  it('brug check on a folder: each file reported under its own path, once, with the LaTeX adapter', async () => {
    const dir = project();
    const res = await run(['check', '.', '--format', 'json'], dir);
    const json = JSON.parse(res.out) as { files: Array<{ path: string; format: string; findings: Array<{ ruleId: string; line: number; offset: number; endOffset: number }> }> };
    const paths = json.files.map((f) => f.path);
    assert.deepEqual([...paths].sort(), ['chapters/bijlage.tex', 'chapters/inleiding.tex', 'chapters/resultaten.tex', 'main.tex', 'notes.md']);
    for (const f of json.files) assert.equal(f.format, f.path.endsWith('.md') ? 'markdown' : 'latex');
    const inl = json.files.find((f) => f.path === 'chapters/inleiding.tex')!;
    const jargon = inl.findings.find((f) => f.ruleId === 'vocabulary/jargon')!;
    assert.equal(jargon.line, 2);
    assert.equal(INLEIDING.slice(jargon.offset, jargon.endOffset), 'zelfredzaamheid');
    const text = await run(['check', '.', '--messages', 'en'], dir);
    assert.match(text.out, /chapters\/inleiding\.tex:2:\d+ (info|hint) .*zelfredzaamheid/); // a word of a field: a hint by default since session 5
    assert.match(text.out, /main\.tex:10:1 info \\input\{chapters\/ontbreekt\}: no such file/);
    assert.match(text.out, /Whole document \(4 files\)/);
    assert.equal(text.out.match(/^chapters\/inleiding\.tex:2:\d+ (info|hint)/gm)?.length, 1, 'the included file is checked once');
  });

  it('brug check on one chapter checks it on its own', async () => {
    const dir = project();
    const res = await run(['check', 'chapters/resultaten.tex', '--format', 'json'], dir);
    const json = JSON.parse(res.out) as { files: Array<{ path: string; format: string }> };
    assert.deepEqual(json.files.map((f) => [f.path, f.format]), [['chapters/resultaten.tex', 'latex']]);
  });

  it('brug check --fix writes only safe fixes, into the file they belong to, as valid LaTeX', async () => {
    const dir = project();
    const res = await run(['check', 'main.tex', '--fix'], dir);
    assert.ok(res.code === 0 || res.code === 1, res.err);
    const inl = readFileSync(join(dir, 'chapters/inleiding.tex'), 'utf8');
    // "hulpvragers" → "cliënten" is a choice of word, a suggestion: --fix leaves it to the writer (issue 13).
    assert.ok(inl.includes('Veel hulpvragers wachten'), inl);
    assert.match(res.out, /brug --fix: \d+ (fix|fixes) in \d+ files? applied/);
    assert.ok(balanced(inl));
    assert.equal(readFileSync(join(dir, 'main.tex'), 'utf8'), MAIN);
    const { engine } = engineFor();
    const again = fixLatexProject(engine, join(dir, 'main.tex'));
    assert.equal(again.changed.size, 0, 'a second --fix changes nothing');
  });
});
