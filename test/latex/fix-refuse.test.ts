/**
 * Multi-file LaTeX `--fix` (issue 17): a fix in a file pulled in with \input or \include is
 * refused when re-checking the whole document shows it adds a finding, in that file or in
 * another one, as `--fix` on a single file already does (engine/fixes.ts fixInPasses).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, defaultConfig } from '../../server/src/index.js';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import type { DocumentRule } from '../../server/src/engine/rules/types.js';
import { fixLatexProject, lintLatexProject, buildLatexProject } from '../../server/src/workspace/latex-project.js';
import { readTextFile } from '../../server/src/workspace/latex-project.js';
import { swapRule } from '../fuzz/safe-rule.js';
import { testRuleMeta } from '../helpers/rule-meta.js';
import { removeWorkspaces, runCli, tempWorkspace } from '../helpers/workspace.js';
import { flat } from '../../server/src/engine/text/view.js';

const config = { ...defaultConfig(), language: 'nl' as const };
const opts = { maxWords: 0 };

/** A document rule that flags the first \section title when the document says `word` anywhere. */
function sectionWhenWord(word: string): DocumentRule {
  return {
    meta: testRuleMeta('test/section-when-word', { options: opts }),
    scope: 'document',
    check(doc) {
      if (!new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u').test(flat(doc.text))) return [];
      const m = /\\section\{([^}]*)\}/.exec(flat(doc.text));
      if (!m) return [];
      const offset = m.index + '\\section{'.length;
      return [{ message: { en: `"${word}" somewhere`, nl: `ergens "${word}"` }, offset, endOffset: offset + m[1]!.length, fixes: [] }];
    },
  };
}

function engineWith(rules: DocumentRule[]): Engine {
  return new Engine({ rules, formats: { latex: (text, c) => parseLatex(text, c.latex) } });
}

const MAIN = '\\documentclass{article}\n\\begin{document}\n\\section{Intro}\nDe klanten bellen.\n\\input{chap}\n\\end{document}\n';

function findingsOf(engine: Engine, dir: string): number {
  const r = lintLatexProject(engine, buildLatexProject(join(dir, 'main.tex'), readTextFile), config);
  return r.files.reduce((n, f) => n + f.findings.length, 0);
}

describe('multi-file LaTeX --fix: a fix that adds a finding is refused', function () {
  // The first check of a run pays the engine's start-up; on a loaded machine that takes a while.
  this.timeout(120000);
  after(removeWorkspaces);

  it('a fix in an included file that adds a finding in the same paragraph is refused: that file keeps its text', () => {
    const dir = tempWorkspace('brug-fix-refuse-', { 'main.tex': MAIN, 'chap.tex': 'De inwoners wachten.\n\nDe klanten wachten ook.\n' });
    // klanten → inwoners and inwoners → klanten: each fix makes a finding of its own where it is.
    const engine = engineWith([swapRule({ klanten: 'inwoners', inwoners: 'klanten' })]);
    const before = findingsOf(engine, dir);
    const run = fixLatexProject(engine, join(dir, 'main.tex'), config);
    assert.ok(run.refused > 0, 'the fixes that add findings are refused');
    const after = run.result.files.reduce((n, f) => n + f.findings.length, 0);
    assert.ok(after <= before, `never more findings than before (${before} → ${after})`);
    assert.equal(run.changed.size, 0, 'no file gets a fix that adds a finding');
  });

  it('a fix in an included file that adds a finding in the main file is refused (nothing to blame in that file: the whole pass)', () => {
    const dir = tempWorkspace('brug-fix-refuse-', { 'main.tex': MAIN, 'chap.tex': 'Veel mensen wachten op de hulpvragers.\n' });
    const engine = engineWith([swapRule({ hulpvragers: 'cliënten' }), sectionWhenWord('cliënten')]);
    assert.equal(findingsOf(engine, dir), 1);
    const run = fixLatexProject(engine, join(dir, 'main.tex'), config);
    assert.equal(run.changed.size, 0, 'chap.tex keeps "hulpvragers": the fix would add a finding to main.tex');
    assert.equal(run.applied, 0);
    assert.equal(run.refused, 1);
    assert.equal(run.result.files.reduce((n, f) => n + f.findings.length, 0), 1);
  });

  it('a fix that adds no finding still goes into the included file, and a second run changes nothing', () => {
    const dir = tempWorkspace('brug-fix-refuse-', { 'main.tex': MAIN, 'chap.tex': 'Veel mensen wachten op de hulpvragers.\n' });
    const engine = engineWith([swapRule({ hulpvragers: 'cliënten' }), sectionWhenWord('zorgvragers')]);
    const run = fixLatexProject(engine, join(dir, 'main.tex'), config);
    assert.equal(run.changed.get(join(dir, 'chap.tex')), 'Veel mensen wachten op de cliënten.\n');
    assert.equal(run.applied, 1);
    assert.equal(run.refused, 0);
  });

  it('brug check main.tex --fix (the real rules): the document has no finding after it did not have before, and a second --fix changes nothing', async () => {
    const dir = tempWorkspace('brug-fix-refuse-', {
      'main.tex': '\\documentclass{article}\n\\usepackage[dutch]{babel}\n\\begin{document}\n\\section{Inleiding}\n\\input{chap}\n\\end{document}\n',
      'chap.tex': 'De klanten van de gemeente wachten lang op de interventie. Teneinde dit op te lossen werd er door de gemeente een plan gemaakt.\n',
    });
    const count = (json: string) => (json.match(/"ruleId"/g) ?? []).length;
    const before = await runCli(['check', 'main.tex', '--format', 'json'], dir);
    const fixed = await runCli(['check', 'main.tex', '--fix'], dir);
    assert.ok(fixed.code === 0 || fixed.code === 1, fixed.err);
    const after = await runCli(['check', 'main.tex', '--format', 'json'], dir);
    assert.ok(count(before.out) > 0, before.out.slice(0, 300));
    assert.ok(count(after.out) <= count(before.out), `${count(before.out)} → ${count(after.out)} findings`);
    const once = readFileSync(join(dir, 'chap.tex'), 'utf8');
    await runCli(['check', 'main.tex', '--fix'], dir);
    assert.equal(readFileSync(join(dir, 'chap.tex'), 'utf8'), once, 'a second --fix changes nothing');
  });
});
