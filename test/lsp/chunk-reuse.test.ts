/**
 * The Markdown adapter reuses the last parse's chunks before and after an edit (issue 10: work per
 * edit in proportion to the edit). Whatever the edit — inside a paragraph, across chunk boundaries,
 * opening a fence, adding or removing a link definition, nesting deeper than the parser is given — the blocks and directives are those a
 * parse from scratch gives.
 */
import { strict as assert } from 'node:assert';
import { clearMarkdownCache, parseMarkdown } from '../../server/src/engine/formats/markdown.js';

const PARTS = [
  '# Report on debts\n\nThe municipality helps residents with debts.[^1] They get an appointment quickly.',
  'We read [the annual report][ar] and spoke with *twelve* families.\n\n- first point\n- second point\n\n> A quote from a client.',
  '```\ncode block\n\nwith a blank line\n```',
  '<!-- brug-disable readability/long-sentence -->\n\nA paragraph after a directive.\n\n<!-- brug-enable -->',
  '| a | b |\n|---|---|\n| cell one | cell two |',
  '[^1]: A footnote with its own text.\n\n[ar]: https://example.org/report',
  '## Method\n\nDe gemeente onderzocht hoe inwoners met schulden hulp vinden.\n\n$$\nx = 1\n\n$$',
];

function doc(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(PARTS[i % PARTS.length]!.replace(/twelve|residents|code block/g, (w) => `${w} ${i}`));
  return out.join('\n\n');
}

const INSERTS = ['x', ' word ', '\n\n', '\n', '```', '[^1]', '[ar]', '\n\n[zz]: https://example.org/zz\n\n', '<!--', '-->', '# ', '> ', '$$', '\n\n---\ntitle: x\nlang: en\n---\n\n', '> '.repeat(40), `\n${'> '.repeat(40)}deep\n`, `\n\n${'- '.repeat(40)}deep\n\n`, '*'.repeat(40), `**${'*'.repeat(40)}text`, '['.repeat(40), '\n- '.repeat(3)];

describe('lsp: Markdown chunks reused across edits', function () {
  this.timeout(60000);
  it('gives the blocks and directives of a parse from scratch after every kind of edit', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let text = doc(35);
    clearMarkdownCache();
    parseMarkdown(text);
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(random() * text.length);
      if (random() < 0.3) {
        const len = Math.floor(random() * 40);
        text = text.slice(0, at) + text.slice(at + len);
      } else {
        text = text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)]! + text.slice(at);
      }
      const reused = parseMarkdown(text);
      clearMarkdownCache();
      const fresh = parseMarkdown(text);
      // Offset maps compared as document offsets: a block kept from a chunk read in part keeps its map, with another base.
      const absolute = (d: typeof reused) => ({ ...d, blocks: d.blocks.map(({ mapBase, ...b }) => ({ ...b, map: b.map.map((m) => ({ ...m, d: m.d + (mapBase ?? 0) })) })) });
      assert.deepEqual(JSON.parse(JSON.stringify(absolute(reused))), JSON.parse(JSON.stringify(absolute(fresh))), `edit ${i} at ${at}`);
    }
  });

  it('after edits that change how unchanged chunks read: a definition added far away, nesting deeper than the guard allows', () => {
    const base = `# A\n\nSee [zz] and [^n] here.\n\n${Array.from({ length: 60 }, (_, i) => `Para ${i} with words.\n\nMore ${i}.`).join('\n\n')}`;
    const edits: Array<(t: string) => string> = [
      (t) => `${t}\n\n[zz]: https://example.org/zz\n`,
      (t) => `${t}\n\n[^n]: A note.\n`,
      (t) => t.replace('Para 30 with', `Para 30\n${'> '.repeat(40)}deep\nwith`),
      (t) => t.replace('More 40.', `More 40 ${'*'.repeat(40)}x.`),
      (t) => t.replace('More 45.', `${'- '.repeat(40)}item`),
      (t) => t.replace('[zz]: https://example.org/zz', ''),
    ];
    let text = base;
    for (const [i, edit] of edits.entries()) {
      clearMarkdownCache();
      parseMarkdown(text);
      text = edit(text);
      const reused = JSON.stringify(parseMarkdown(text));
      clearMarkdownCache();
      assert.equal(reused, JSON.stringify(parseMarkdown(text)), `edit ${i}`);
    }
  });
});
