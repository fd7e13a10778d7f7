import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/index.js';
import type { Format } from '../../server/src/engine/types.js';
import { disableInFile, disableOnLine } from '../../server/src/lsp/directives.js';

const LONG_NL = 'De gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en daardoor weinig ruimte hebben om zelf stappen te zetten.';

function apply(text: string, e: { offset: number; endOffset: number; newText: string }): string {
  return text.slice(0, e.offset) + e.newText + text.slice(e.endOffset);
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

/** Disables the long-sentence finding on its line and checks it is gone and nothing else changed. */
function disableAndCheck(text: string, path: string, format: Format) {
  const before = lint(text, { path });
  const f = before.findings.find((x) => x.ruleId === 'readability/long-sentence');
  assert.ok(f, 'a long sentence to disable');
  const edit = disableOnLine(text, format, lineOf(text, f.offset), f.ruleId);
  const after = apply(text, edit);
  const r = lint(after, { path });
  assert.ok(!r.findings.some((x) => x.ruleId === 'readability/long-sentence'), `long sentence still there in:\n${after}`);
  assert.deepEqual(r.findings.map((x) => x.ruleId), before.findings.filter((x) => x !== f).map((x) => x.ruleId), 'the other findings stay');
  assert.equal(r.blocks.length, before.blocks.length, 'no block split or merged');
  assert.equal(r.metrics.words, before.metrics.words);
  return after;
}

describe('lsp: disable directives', () => {
  it('puts a Markdown comment on its own line above a paragraph that starts the line', () => {
    const text = `# Titel\n\n${LONG_NL}\n`;
    const after = disableAndCheck(text, 'a.md', 'markdown');
    assert.equal(after, `# Titel\n\n<!-- brug-disable-next-line readability/long-sentence -->\n${LONG_NL}\n`);
  });

  it('keeps the indentation of the line (a nested list item after a blank line)', () => {
    const text = `# Titel\n\n- Eerste punt.\n\n  ${LONG_NL}\n`;
    const after = disableAndCheck(text, 'a.md', 'markdown');
    assert.match(after, /\n {2}<!-- brug-disable-next-line readability\/long-sentence -->\n {2}De gemeente/);
  });

  it('appends the comment to the line above when the finding continues a paragraph (no split)', () => {
    const text = `# Titel\n\nDit is een korte zin die doorloopt\nop de volgende regel. ${LONG_NL}\n`;
    const after = disableAndCheck(text, 'a.md', 'markdown');
    assert.match(after, /doorloopt <!-- brug-disable-next-line readability\/long-sentence -->\nop de volgende/);
  });

  it('appends the comment to the previous list item instead of breaking the list', () => {
    const text = `# Titel\n\n- Eerste punt.\n- ${LONG_NL}\n`;
    const after = disableAndCheck(text, 'a.md', 'markdown');
    assert.match(after, /- Eerste punt\. <!-- brug-disable-next-line readability\/long-sentence -->\n- De gemeente/);
  });

  it('keeps a hard line break at the end of the line above', () => {
    const text = `# Titel\n\nKort.\\\n${LONG_NL}\n`;
    const after = disableAndCheck(text, 'a.md', 'markdown');
    assert.match(after, /Kort\. <!-- brug-disable-next-line readability\/long-sentence -->\\\n/);
  });

  it('uses a line of its own after a heading', () => {
    const text = `# Titel\n${LONG_NL}\n`;
    const after = disableAndCheck(text, 'a.md', 'markdown');
    assert.equal(after, `# Titel\n<!-- brug-disable-next-line readability/long-sentence -->\n${LONG_NL}\n`);
  });

  it('writes a plain directive line in plain text', () => {
    const text = `Titel\n\n${LONG_NL}\n`;
    const after = disableAndCheck(text, 'a.txt', 'plaintext');
    assert.equal(after, `Titel\n\nbrug-disable-next-line readability/long-sentence\n${LONG_NL}\n`);
  });

  it('writes a % comment line in LaTeX, also inside a paragraph (a comment line does not end it)', () => {
    const text = `\\section{Titel}\n\n${LONG_NL}\n`;
    const edit = disableOnLine(text, 'latex', 2, 'readability/long-sentence');
    assert.equal(apply(text, edit), `\\section{Titel}\n\n% brug-disable-next-line readability/long-sentence\n${LONG_NL}\n`);
    const inside = `\\documentclass{article}\n\\begin{document}\n\\section{Titel}\nDit is een korte zin die\ndoorloopt. ${LONG_NL}\n\\end{document}\n`;
    const after = disableAndCheck(inside, 'a.tex', 'latex');
    assert.match(after, /die\n% brug-disable-next-line readability\/long-sentence\ndoorloopt\./);
  });

  it('adds the rule to a disable-next-line directive that is already there', () => {
    const md = `# Titel\n\n<!-- brug-disable-next-line readability/passive-voice -->\n${LONG_NL}\n`;
    const after = disableAndCheck(md, 'a.md', 'markdown');
    assert.equal(after, `# Titel\n\n<!-- brug-disable-next-line readability/passive-voice readability/long-sentence -->\n${LONG_NL}\n`);
    assert.equal(disableOnLine(after, 'markdown', 3, 'readability/long-sentence').newText, '', 'nothing to add twice');
    const inline = `# Titel\n\nKort. <!-- brug-disable-next-line readability/passive-voice -->\n${LONG_NL}\n`;
    assert.match(disableAndCheck(inline, 'a.md', 'markdown'), /Kort\. <!-- brug-disable-next-line readability\/passive-voice readability\/long-sentence -->\n/);
    const txt = `Titel\n\nbrug-disable-next-line readability/passive-voice\n${LONG_NL}\n`;
    assert.equal(disableAndCheck(txt, 'a.txt', 'plaintext'), `Titel\n\nbrug-disable-next-line readability/passive-voice readability/long-sentence\n${LONG_NL}\n`);
    const tex = `\\section{Titel}\n% brug-disable-next-line readability/passive-voice\n${LONG_NL}\n`;
    assert.equal(disableAndCheck(tex, 'a.tex', 'latex'), `\\section{Titel}\n% brug-disable-next-line readability/passive-voice readability/long-sentence\n${LONG_NL}\n`);
  });

  it('keeps CRLF line endings', () => {
    const text = `# Titel\r\n\r\n${LONG_NL}\r\n`;
    const edit = disableOnLine(text, 'markdown', 2, 'readability/long-sentence');
    assert.equal(apply(text, edit), `# Titel\r\n\r\n<!-- brug-disable-next-line readability/long-sentence -->\r\n${LONG_NL}\r\n`);
  });

  it('disables a rule for the file after the front matter', () => {
    const text = `---\ntitle: Rapport\nlang: nl\n---\n# Titel\n\n${LONG_NL}\n`;
    const edit = disableInFile(text, 'markdown', 'readability/long-sentence');
    const after = apply(text, edit);
    assert.equal(after, `---\ntitle: Rapport\nlang: nl\n---\n<!-- brug-disable readability/long-sentence -->\n# Titel\n\n${LONG_NL}\n`);
    assert.ok(!lint(after, { path: 'a.md' }).findings.some((f) => f.ruleId === 'readability/long-sentence'));
    // A second rule joins the same directive.
    const again = apply(after, disableInFile(after, 'markdown', 'readability/passive-voice'));
    assert.match(again, /<!-- brug-disable readability\/long-sentence readability\/passive-voice -->\n# Titel/);
    assert.equal(disableInFile(again, 'markdown', 'readability/passive-voice').newText, '', 'nothing to add twice');
  });

  it('disables a rule for the file in plain text and LaTeX (after TeX magic comments)', () => {
    const txt = `Titel\n\n${LONG_NL}\n`;
    const after = apply(txt, disableInFile(txt, 'plaintext', 'readability/long-sentence'));
    assert.equal(after, `brug-disable readability/long-sentence\nTitel\n\n${LONG_NL}\n`);
    assert.ok(!lint(after, { path: 'a.txt' }).findings.some((f) => f.ruleId === 'readability/long-sentence'));
    const tex = `% !TeX program = lualatex\n\\documentclass{article}\n`;
    assert.equal(apply(tex, disableInFile(tex, 'latex', 'readability/long-sentence')), `% !TeX program = lualatex\n% brug-disable readability/long-sentence\n\\documentclass{article}\n`);
  });
});
