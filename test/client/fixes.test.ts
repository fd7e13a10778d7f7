import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/index.js';
import type { Finding, LintResult } from '../../server/src/index.js';
import { applyEdits, applyFixes } from '../../server/src/engine/fixes.js';
import { escapeLatex, SCAFFOLD_QUESTIONS } from '../../server/src/engine/rules/client/scaffold.js';
import { findings, repo } from './helpers.js';

const sampleNl = readFileSync(join(repo, 'samples', 'rapport-schuldhulp.md'), 'utf8');
const sampleEn = readFileSync(join(repo, 'samples', 'report-employment-support.md'), 'utf8');

/** The sample as a plain-text export: no Markdown marks, comments, tables or code. */
function asPlainText(md: string): string {
  return md
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/```[\s\S]*?```\n?/g, '')
    .split('\n')
    .filter((l) => !l.startsWith('|'))
    .map((l) => l.replace(/^#+\s+/, '').replace(/\*([^*]+)\*/g, '$1').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'))
    .join('\n');
}

function scaffold(r: LintResult): Finding['fixes'][number] {
  const f = findings(r, 'client/missing-perspective')[0];
  assert.ok(f, 'the warning is there');
  const fixes = f.fixes.filter((x) => x.preferred);
  assert.equal(fixes.length, 1);
  return fixes[0]!;
}

/** Applies the scaffold, re-lints, and checks that only the new section was added. */
function applyScaffold(text: string, path: string, before: string, heading: RegExp, language: 'nl' | 'en') {
  const r = lint(text, { path });
  const fix = scaffold(r);
  assert.equal(fix.edits.length, 1);
  const [edit] = fix.edits;
  assert.equal(edit!.offset, edit!.endOffset, 'an insertion');
  const out = applyEdits(text, fix.edits);
  // Nothing else changed: taking the inserted text out gives the original back.
  assert.equal(out.slice(0, edit!.offset) + out.slice(edit!.offset + edit!.newText.length), text);
  const again = lint(out, { path });
  assert.deepEqual(again.findings.filter((f) => f.ruleId === 'brug/parse'), []);
  const titles = again.sections.map((s) => s.title);
  const i = titles.findIndex((t) => heading.test(t));
  assert.ok(i >= 0, `the new section is a section: ${titles.join(' | ')}`);
  assert.equal(titles[i + 1], before, 'it stands right before the conclusions');
  // The old sections are all still there, in order, at their levels.
  assert.deepEqual(again.sections.filter((_, k) => k !== i).map((s) => [s.title, s.level]), r.sections.map((s) => [s.title, s.level]));
  assert.equal(again.sections[i]!.level, r.sections.find((s) => s.title === before)!.level);
  // Three guiding questions, each a paragraph of its own.
  for (const q of SCAFFOLD_QUESTIONS[language]) assert.ok(again.paragraphs.some((p) => out.slice(p.offset, p.endOffset).includes(q.replace(/[{}\\&%$#_^~]/g, ''))), q);
  // The warning stays (the questions are not the clients' voice) but offers no second scaffold.
  const f = findings(again, 'client/missing-perspective')[0];
  assert.ok(f);
  assert.equal(f.fixes.length, 0);
  assert.equal(applyFixes(out, findings(again, 'client/missing-perspective')).applied, 0);
  return { out, again, edit: edit! };
}

describe('client: quick fixes', () => {
  it('inserts a Markdown section "Cliëntperspectief" before the conclusions of the Dutch sample', () => {
    const { edit } = applyScaffold(sampleNl, 'rapport-schuldhulp.md', 'Conclusies', /^Cliëntperspectief$/, 'nl');
    assert.ok(edit.newText.startsWith('## Cliëntperspectief\n\nWat zeggen cliënten zelf?'));
    assert.ok(edit.newText.endsWith('voor cliënten?\n\n'));
  });

  it('inserts a Markdown section "Client perspective" before the conclusions of the English sample', () => {
    const { edit } = applyScaffold(sampleEn, 'report-employment-support.md', 'Conclusions', /^Client perspective$/, 'en');
    assert.ok(edit.newText.startsWith('## Client perspective\n\nWhat do clients say themselves?'));
  });

  it('inserts a heading line with blank lines in plain text', () => {
    const plain = asPlainText(sampleNl);
    const { edit, again } = applyScaffold(plain, 'rapport-schuldhulp.txt', 'Conclusies', /^Cliëntperspectief$/, 'nl');
    assert.ok(edit.newText.startsWith('Cliëntperspectief\n\nWat zeggen'));
    assert.equal(again.format, 'plaintext');
  });

  it('keeps the document\'s line endings', () => {
    const crlf = sampleEn.replace(/\n/g, '\r\n');
    const fix = scaffold(lint(crlf, { path: 'a.md' }));
    assert.ok(fix.edits[0]!.newText.includes('\r\n\r\n'));
    assert.ok(!/[^\r]\n/.test(fix.edits[0]!.newText));
  });

  it('inserts \\section{Cliëntperspectief} in LaTeX, with its own paragraphs', () => {
    const tex = [
      '\\documentclass{article}',
      '\\begin{document}',
      '\\section{Inleiding}',
      'Dit rapport gaat over de aanpak van schulden in de gemeente. Inwoners met schulden krijgen hulp van het team.',
      '',
      '\\section{Methode}',
      'We interviewden tien klantmanagers en vijf beleidsmedewerkers. Cliënten zijn niet geïnterviewd.',
      '',
      '\\section{Resultaten}',
      'Klantmanagers zien dat inwoners laat hulp vragen. Gezinnen met kinderen hebben vaak meerdere schulden.',
      '',
      '\\section{Conclusies}',
      'De aanpak werkt, maar de klantmanagers hebben te veel dossiers.',
      '',
      '\\end{document}',
      '',
    ].join('\n');
    const { edit, out } = applyScaffold(tex, 'rapport.tex', 'Conclusies', /^Cliëntperspectief$/, 'nl');
    assert.ok(edit.newText.startsWith('\\section{Cliëntperspectief}\n\nWat zeggen cliënten zelf?'));
    assert.ok(out.indexOf('\\section{Cliëntperspectief}') < out.indexOf('\\section{Conclusies}'));
  });

  it('puts the LaTeX section before the bibliography and \\end{document} when there are no sections to follow', () => {
    const tex = '\\documentclass{article}\n\\begin{document}\nWe interviewden tien klantmanagers. Cliënten zijn niet geïnterviewd. Inwoners met schulden wachten lang; gezinnen bellen vaak.\n\n\\printbibliography\n\\end{document}\n';
    const r = lint(tex, { path: 'a.tex' });
    const fix = scaffold(r);
    const out = applyEdits(tex, fix.edits);
    assert.ok(out.indexOf('\\section{Cliëntperspectief}') < out.indexOf('\\printbibliography'));
    assert.ok(out.trimEnd().endsWith('\\end{document}'));
  });

  it('escapes LaTeX special characters', () => {
    assert.equal(escapeLatex('50% & meer_dan #1 {x} ~ ^ \\'), '50\\% \\& meer\\_dan \\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });

  it('adds a prompt at the end of a section without clients (not preferred); after it the section names them', () => {
    for (const [text, prompt] of [[sampleNl, 'Wat merken cliënten van deze aanbevelingen?'], [sampleEn, 'What will clients notice of these recommendations?']] as const) {
      const r = lint(text, { path: 'a.md' });
      const [f] = findings(r, 'client/section-without-client');
      assert.ok(f);
      assert.equal(f.fixes.length, 1);
      assert.equal(f.fixes[0]!.preferred, false);
      const out = applyEdits(text, f.fixes[0]!.edits);
      const edit = f.fixes[0]!.edits[0]!;
      assert.equal(edit.newText, `\n\n${prompt}`);
      // Right after the last recommendation, before the blank line and the references heading.
      assert.match(out.slice(edit.offset - 20, edit.offset + edit.newText.length + 5), new RegExp(`\\.\\n\\n${prompt.replace('?', '\\?')}\\n\\n## `));
      const again = lint(out, { path: 'a.md' });
      assert.equal(findings(again, 'client/section-without-client').length, 0);
    }
  });

  it('brug check --fix never inserts the scaffold: it is a suggestion (issue 13)', () => {
    const r = lint(sampleNl, { path: 'a.md' });
    const scaffold = findings(r, 'client/missing-perspective').flatMap((f) => f.fixes).find((x) => x.preferred);
    assert.equal(scaffold?.kind, 'suggestion');
    const fixed = applyFixes(sampleNl, r.findings.filter((f) => f.ruleId.startsWith('client/')));
    assert.equal(fixed.applied, 0);
    assert.equal(fixed.text, sampleNl);
    // Chosen by the writer, it goes in once.
    const chosen = applyFixes(sampleNl, r.findings.filter((f) => f.ruleId === 'client/missing-perspective'), { suggestions: true }).text;
    assert.equal(chosen.split('## Cliëntperspectief').length, 2);
  });
});
