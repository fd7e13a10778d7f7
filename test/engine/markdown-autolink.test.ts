import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { clearMarkdownCache, parseMarkdown, parseMdast, setAutolinkKinds } from '../../server/src/engine/formats/markdown.js';

/**
 * A chunk is parsed with the kinds of autolink literal its text can hold (e-mail with an "@", www with "www.", http(s)
 * with "://"): the same tree as with every kind, on generated Markdown made of the pieces the kinds decide on.
 */
const pieces = ['a', 'Zorg', ' ', ' ', '\n', '\n\n', '.', ',', '_', '-', '+', '@', 'www.', 'WWW.', 'http://', 'https://', 'HTTPS://', 'ftp://', 'mailto:', 'x@y.nl', 'voorbeeld.nl', '/pad', '*', '**', '[', ']', '(', ')', '<', '>', '`', '> ', '- ', '1. ', '~', '|', 'w', 'h'];
const markdown = fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((xs) => xs.join(''));

function both(src: string): [string, string] {
  setAutolinkKinds(true);
  const chosen = JSON.stringify(parseMdast(src));
  setAutolinkKinds(false);
  const every = JSON.stringify(parseMdast(src));
  setAutolinkKinds(true);
  return [chosen, every];
}

describe('markdown: autolink literal kinds by the chunk text', () => {
  after(() => setAutolinkKinds(true));

  it('the same mdast as with every kind (fast-check)', () => {
    fc.assert(
      fc.property(markdown, (src) => {
        const [chosen, every] = both(src);
        assert.equal(chosen, every);
      }),
      { numRuns: 2000 },
    );
  });

  it('examples: an address of each kind, alone and together, is still a link', () => {
    for (const src of ['Zie https://example.org/a en verder.', 'Zie www.example.org.', 'Mail info@example.org nu.', 'Zie www.a.nl, https://b.nl en c@d.nl.']) {
      const [chosen, every] = both(src);
      assert.equal(chosen, every, src);
      assert.match(chosen, /"type":"link"/, src);
    }
  });

  it('the same blocks for a document through the chunked parse', () => {
    const doc = '# Bronnen\n\n- Rapport, https://example.org/rapport\n- Mail: info@example.org\n- www.voorbeeld.nl\n\nGewone tekst zonder adres.\n';
    setAutolinkKinds(false);
    clearMarkdownCache();
    const every = JSON.stringify(parseMarkdown(doc).blocks);
    setAutolinkKinds(true);
    clearMarkdownCache();
    assert.equal(JSON.stringify(parseMarkdown(doc).blocks), every);
  });
});
