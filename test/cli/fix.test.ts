/**
 * `brug check --fix` says what it changed (issue 13 item 4): per file the number of fixes and
 * each change (line, before → after); `--fix --dry-run` prints a unified diff and writes
 * nothing; line ends, BOM and encoding are kept; a second `--fix` changes nothing.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main.js';
import { changesBetween, diffSequences, splitLines, unifiedDiff } from '../../server/src/cli/fix-report.js';
import { fixDocument } from '../../server/src/cli/fix-run.js';
import { FixSession } from '../../server/src/cli/fix-session.js';
import { fixLatexProject } from '../../server/src/workspace/latex-project.js';
import { defaultConfig } from '../../server/src/index.js';
import { swapEngine } from '../fuzz/safe-rule.js';
import { fixAllEdits } from '../../server/src/lsp/code-actions.js';
import { planFixes } from '../../server/src/engine/fixes.js';

const config = { ...defaultConfig(), language: 'nl' as const };

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('--fix: what changed', () => {
  it('splitLines keeps every line end (LF, CRLF, lone CR)', () => {
    assert.deepEqual(splitLines('a\r\nb\nc\rd'), ['a\r\n', 'b\n', 'c\r', 'd']);
    assert.equal(splitLines('x\r\ny\n').join(''), 'x\r\ny\n');
  });

  it('diffSequences finds a shortest edit script', () => {
    const a = 'abcabba'.split('');
    const b = 'cbabac'.split('');
    const ops = diffSequences(a, b);
    assert.equal(ops.filter((o) => o.kind !== ' ').length, 5);
    assert.deepEqual(ops.filter((o) => o.kind !== '-').map((o) => b[o.b]).join(''), 'cbabac');
    assert.deepEqual(ops.filter((o) => o.kind !== '+').map((o) => a[o.a]).join(''), 'abcabba');
  });

  it('changesBetween: each change with its line, before → after, several on one line apart', () => {
    const before = '# Titel\r\n\r\nDe klanten bellen. Alle klanten wachten.\r\nNiets hier.\r\n';
    const after = '# Titel\r\n\r\nDe inwoners bellen. Alle inwoners wachten.\r\nNiets hier.\r\n';
    assert.deepEqual(changesBetween(before, after), [
      { line: 3, before: 'klanten', after: 'inwoners' },
      { line: 3, before: 'klanten', after: 'inwoners' },
    ]);
    assert.deepEqual(changesBetween(before, before), []);
  });

  it('unifiedDiff: a standard diff with context, line ends stripped, a missing final newline marked', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\n';
    assert.equal(unifiedDiff('x.md', before, after), ['--- a/x.md', '+++ b/x.md', '@@ -1,7 +1,7 @@', ' a', ' b', ' c', '-d', '+D', ' e', ' f', ' g'].join('\n'));
    assert.equal(unifiedDiff('x.md', 'a\r\nb', 'a\r\nB'), ['--- a/x.md', '+++ b/x.md', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+B', '\\ No newline at end of file'].join('\n'));
    assert.equal(unifiedDiff('x.md', 'same', 'same'), '');
  });

  it('fixDocument applies safe fixes in passes, keeps CRLF and BOM, and a second run changes nothing', () => {
    const engine = swapEngine({ klanten: 'inwoners' });
    const text = '\uFEFF# De klanten\r\n\r\nDe klanten bellen. “De klanten zeggen het.”\r\n\r\n`klanten`\r\n';
    const lint = (t: string) => engine.lint(t, { path: 'a.md', config });
    const run = fixDocument(text, lint(text), lint);
    assert.equal(run.text, '\uFEFF# De inwoners\r\n\r\nDe inwoners bellen. “De klanten zeggen het.”\r\n\r\n`klanten`\r\n');
    assert.equal(run.applied, 2);
    const again = fixDocument(run.text, lint(run.text), lint);
    assert.equal(again.text, run.text);
    assert.equal(again.applied, 0);
  });

  it('fixDocument never leaves more findings: a fix that adds one is refused', () => {
    // A swap back and forth: each fix creates a finding of its own.
    const engine = swapEngine({ klanten: 'inwoners', inwoners: 'klanten' });
    const text = 'De klanten bellen.\n\nDe inwoners wachten.\n';
    const lint = (t: string) => engine.lint(t, { path: 'a.md', config });
    const before = lint(text);
    const run = fixDocument(text, before, lint);
    assert.ok(run.result.findings.length <= before.findings.length);
    assert.ok(run.refused > 0);
  });

  it('fix-all in the editor and --fix choose the same safe fixes, never a suggestion', () => {
    const engine = swapEngine({ klanten: 'inwoners' });
    const text = 'De klanten bellen. Wij trachtten het.\n\n> De klanten zeggen het.\n';
    const r = engine.lint(text, { path: 'a.md', config });
    const plan = planFixes(text, r.findings);
    assert.deepEqual(fixAllEdits(r.findings), plan.edits);
    assert.deepEqual(plan.changes.map((c) => [c.before, c.after]), [['klanten', 'inwoners']]);
  });

  it('FixSession: per file the number of fixes and each change; never silent; Dutch and English', () => {
    const s = new FixSession(false);
    assert.equal(s.file('a.md', 'De klanten.\n', 'De inwoners.\n', 'nl', 3), true);
    assert.equal(s.file('b.md', 'Niets.\n', 'Niets.\n', 'nl'), false);
    assert.equal(s.output(), ['a.md: 1 verbetering toegepast', '  regel 1: "klanten" → "inwoners"', 'brug --fix: 1 verbetering in 1 bestand toegepast; 3 suggesties om zelf te kiezen in de editor.'].join('\n'));
    const en = new FixSession(false);
    en.file('b.md', 'Same.\n', 'Same.\n', 'en');
    assert.equal(en.output(), 'brug --fix: 0 fixes in 0 files applied; 0 suggestions left to choose in the editor.');
    const dry = new FixSession(true);
    assert.equal(dry.file('a.md', 'x\n', 'y\n', 'en'), false, 'a dry run writes nothing');
    assert.equal(dry.output(), ['--- a/a.md', '+++ b/a.md', '@@ -1,1 +1,1 @@', '-x', '+y', 'brug --fix: 1 fix in 1 file proposed, nothing written; 0 suggestions left to choose in the editor.'].join('\n'));
  });

  it('multi-file LaTeX: safe fixes go into the file they belong to, suggestions nowhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brug-fix-tex-'));
    try {
      const main = '\\documentclass{article}\n\\begin{document}\n\\section{Intro}\nDe klanten bellen.\n\\input{chap}\n\\end{document}\n';
      const chap = 'Veel klanten wachten \\cite{klanten}.\n';
      writeFileSync(join(dir, 'main.tex'), main);
      writeFileSync(join(dir, 'chap.tex'), chap);
      const { changed } = fixLatexProject(swapEngine({ klanten: 'inwoners' }), join(dir, 'main.tex'), config);
      assert.equal(changed.get(join(dir, 'chap.tex')), 'Veel inwoners wachten \\cite{klanten}.\n');
      assert.equal(changed.get(join(dir, 'main.tex')), main.replace('De klanten', 'De inwoners'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('brug check --fix --dry-run writes nothing; --dry-run alone is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brug-fix-cli-'));
    try {
      const text = '# Rapport\r\n\r\nDe klanten wachten lang op de interventie van de gemeente.\r\n';
      writeFileSync(join(dir, 'a.md'), `\uFEFF${text}`);
      const r = await cli(['check', 'a.md', '--fix', '--dry-run', '--language', 'nl'], dir);
      assert.ok(r.code === 0 || r.code === 1, r.err);
      assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), `\uFEFF${text}`);
      assert.match(r.out, /brug --fix: \d+ verbetering(en)? in \d+ bestand(en)? voorgesteld, niets geschreven/);
      assert.equal((await cli(['check', 'a.md', '--dry-run'], dir)).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
