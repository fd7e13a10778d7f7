/**
 * Generated documents (fast-check) with quotations, code, math, URLs, citation keys,
 * footnote labels, front matter and headings right next to fixable words (issue 13 items 2
 * and 6). A test rule offers a *safe* fix for every occurrence of the word, wherever it is;
 * the engine's guard must keep every fix off what it may not touch.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyFixes } from '../../server/src/engine/fixes.js';
import type { Format } from '../../server/src/engine/types.js';
import { defaultConfig } from '../../server/src/index.js';
import { swapEngine } from './safe-rule.js';
import { structure } from './structure.js';

const engine = swapEngine({ klanten: 'inwoners', clients: 'residents' });
const config = { ...defaultConfig(), language: 'nl' as const };

interface Piece {
  text: string;
  /** Text that must come out of --fix unchanged. */
  keep?: boolean;
  /** Prose whose word the fix must change. */
  prose?: string;
}

const MD_INLINE: Piece[] = [
  { text: '`klanten`', keep: true },
  { text: '$klanten$', keep: true },
  { text: 'https://example.org/klanten', keep: true },
  { text: '“de klanten zeggen het”', keep: true },
  { text: '„klanten”', keep: true },
  { text: '‘parkeren klanten’', keep: true },
  { text: '[de site](https://example.org/klanten)', keep: true },
  { text: '<!-- klanten -->', keep: true },
  { text: '[^klanten]', keep: true },
  { text: 'Veel klanten bellen.', prose: 'Veel inwoners bellen.' },
  { text: 'Alle clients wachten.', prose: 'Alle residents wachten.' },
  { text: 'Het loket is open.' },
];
const MD_BLOCKS: Piece[] = [
  { text: '> De klanten zeggen dit.', keep: true },
  { text: '```\nklanten = 1\n```', keep: true },
  { text: '$$\nklanten\n$$', keep: true },
  // After a plain paragraph, so that it is code and not the continuation of a list item.
  { text: 'Zo gaat het.\n\n    klanten in een codeblok', keep: true },
  { text: '## De klanten', prose: '## De inwoners' },
  { text: '- Een lijst met klanten erin.', prose: '- Een lijst met inwoners erin.' },
];

const TEX_INLINE: Piece[] = [
  { text: '\\cite{klanten}', keep: true },
  { text: '\\ref{klanten}', keep: true },
  { text: '$klanten$', keep: true },
  { text: '\\url{https://example.org/klanten}', keep: true },
  { text: '\\enquote{de klanten zeggen}', keep: true },
  { text: '“de klanten zeggen het”', keep: true },
  { text: '\\label{klanten}', keep: true },
  { text: '\\emph{klanten}', prose: '\\emph{inwoners}' },
  { text: 'Veel klanten bellen.', prose: 'Veel inwoners bellen.' },
  { text: 'Het loket is open.' },
];
const TEX_BLOCKS: Piece[] = [
  { text: '\\begin{quote}\nDe klanten zeggen dit.\n\\end{quote}', keep: true },
  { text: '\\begin{verbatim}\nklanten\n\\end{verbatim}', keep: true },
  { text: '\\begin{equation}\nklanten\n\\end{equation}', keep: true },
  { text: '% een opmerking over klanten', keep: true },
  { text: '\\section{De klanten}', prose: '\\section{De inwoners}' },
];

interface Doc {
  text: string;
  pieces: Piece[];
  eol: string;
}

function docArbitrary(format: Format): fc.Arbitrary<Doc> {
  const inline = format === 'latex' ? TEX_INLINE : MD_INLINE;
  const blocks = format === 'latex' ? TEX_BLOCKS : MD_BLOCKS;
  // A paragraph opens with plain words: a line that starts with <!-- is an HTML block, not prose.
  const lead: Piece = { text: 'Zo gaat het.' };
  const paragraph = fc.array(fc.constantFrom(...inline), { minLength: 1, maxLength: 6 }).map((ps) => ({ pieces: [lead, ...ps], join: ' ' }));
  const block = fc.constantFrom(...blocks).map((p) => ({ pieces: [p], join: '' }));
  return fc
    .record({
      parts: fc.array(fc.oneof(paragraph, block), { minLength: 1, maxLength: 8 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      frontMatter: fc.boolean(),
    })
    .map(({ parts, crlf, bom, frontMatter }) => {
      const eol = crlf ? '\r\n' : '\n';
      const pieces = parts.flatMap((p) => p.pieces);
      let body = parts.map((p) => p.pieces.map((x) => x.text).join(p.join)).join('\n\n');
      if (format === 'markdown') {
        if (pieces.some((p) => p.text === '[^klanten]')) body += '\n\n[^klanten]: Een voetnoot.';
        if (frontMatter) {
          body = `---\ntitle: De klanten\n---\n\n${body}`;
          pieces.push({ text: '---\ntitle: De klanten\n---', keep: true });
        }
      } else body = `\\documentclass{article}\n\\begin{document}\n${body}\n\\end{document}\n`;
      const text = (bom ? '\uFEFF' : '') + body.replace(/\n/g, eol);
      return { text, pieces, eol };
    });
}

function count(text: string, piece: string): number {
  return text.split(piece).length - 1;
}

for (const format of ['markdown', 'latex'] as const) {
  describe(`generated ${format} documents: safe fixes never touch protected text`, function () {
    this.timeout(120000);
    const path = format === 'latex' ? 'g.tex' : 'g.md';

    it('quotations, block quotes, code, math, URLs, keys, labels, front matter and commands come out unchanged; prose and heading words are swapped; the structure stays', () => {
      fc.assert(
        fc.property(docArbitrary(format), ({ text, pieces, eol }) => {
          const r = engine.lint(text, { path, config });
          const out = applyFixes(text, r.findings);
          for (const p of pieces) {
            const piece = p.text.replace(/\n/g, eol);
            if (p.keep) assert.equal(count(out.text, piece), count(text, piece), `kept: ${JSON.stringify(piece)}\n${JSON.stringify(out.text)}`);
            if (p.prose) assert.ok(out.text.includes(p.prose.replace(/\n/g, eol)), `swapped: ${JSON.stringify(p.prose)} in ${JSON.stringify(out.text)}`);
          }
          assert.deepEqual(structure(out.text, format), structure(text, format));
          assert.equal(out.text.startsWith('\uFEFF'), text.startsWith('\uFEFF'));
          assert.equal(count(out.text, '\r\n'), count(text, '\r\n'));
          // A second --fix changes nothing.
          const again = applyFixes(out.text, engine.lint(out.text, { path, config }).findings);
          assert.equal(again.text, out.text);
        }),
        { numRuns: 60, seed: 13 },
      );
    });
  });
}
