import { strict as assert } from 'node:assert';
import { parseMarkdown, splitChunks } from '../../server/src/engine/formats/markdown.js';
import { md, of, flagged, assertInside, countWords } from './helpers.js';

/**
 * A sentence that every readability rule flags: long (32 words), passive, nominal, with an
 * unexplained acronym. Wherever it appears in a construct that is not prose, nothing may be flagged.
 */
const BAD = 'De aanvraag wordt door de klantmanager van het team beoordeeld en daarna wordt er door de afdeling een besluit genomen over het verstrekken van de uitkering aan de cliënt door de XYZQ.';
const BAD_WORDS = countWords(BAD);
const INTRO = '# Rapport\n\nDit is een korte zin.\n\n';

function readabilityFindings(text: string) {
  return of(md(text), 'readability/');
}

describe('Markdown adapter: what is not prose', () => {
  it('the bad sentence is flagged by four rules when it is prose (the control)', () => {
    const text = `${INTRO}${BAD}\n`;
    const r = md(text);
    for (const id of ['long-sentence', 'passive-voice', 'nominalization', 'undefined-abbreviation']) assert.ok(of(r, `readability/${id}`).length > 0, id);
    assert.equal(r.metrics.words, 5 + BAD_WORDS);
  });

  const constructs: Array<[string, string, number]> = [
    // [name, Markdown, words it adds to the metrics (placeholders count as one word)]
    ['a fenced code block', `\`\`\`\n${BAD}\n\n${BAD}\n\`\`\``, 0],
    ['a tilde code block', `~~~text\n${BAD}\n~~~`, 0],
    ['an indented code block', `    ${BAD}\n    ${BAD}`, 0],
    ['inline code', `Zie \`${BAD}\` hier.`, 3],
    ['display math', `$$\n${BAD}\n$$`, 0],
    ['inline math', `Zie $${BAD.replace(/\.$/, '')}$ hier.`, 3],
    ['an HTML comment', `<!--\n${BAD}\n\n${BAD}\n-->`, 0],
    ['an HTML block', `<div class="note">\n${BAD}\n</div>`, 0],
    ['an autolink', `Zie <https://example.org/${BAD.replace(/\W+/g, '-')}> hier.`, 3],
    ['a bare URL', `Zie https://example.org/${BAD.replace(/\W+/g, '-')} hier.`, 3],
    ['a footnote definition', `Meer staat in de noot.[^1]\n\n[^1]: ${BAD}`, 5],
    ['a link reference definition', `Zie [de bron][b].\n\n[b]: https://example.org "${BAD}"`, 3],
    ['an image', `![${BAD}](plaatje.png)`, 0],
  ];
  for (const [name, construct, words] of constructs) {
    it(`${name}: no findings and no words in the metrics`, () => {
      const text = `${INTRO}${construct}\n`;
      assert.deepEqual(readabilityFindings(text).map((f) => f.ruleId), []);
      assert.equal(md(text).metrics.words, 5 + words);
    });
  }

  it('a paragraph of Hugo or Quarto shortcodes only is not prose', () => {
    const text = `${INTRO}{{< image id="x" caption="${BAD}" >}}\n\n{{% include "${BAD}" %}} {{< tab >}}\n`;
    assert.deepEqual(readabilityFindings(text), []);
    assert.equal(md(text).metrics.words, 5);
  });

  it('YAML front matter: no findings, no words, and lang: sets the language', () => {
    const text = `---\ntitle: ${BAD}\nlang: en\n---\n\n# Report\n\nThis is a short sentence.\n`;
    const r = md(text);
    assert.deepEqual(of(r, 'readability/'), []);
    assert.equal(r.metrics.words, 5);
    assert.equal(r.language, 'en');
    assert.equal(r.sections[0]!.line, 6);
  });

  it('TOML front matter: no findings and no words', () => {
    const text = `+++\ntitle = "${BAD}"\n+++\n\n# Titel\n\nDit is een korte zin.\n`;
    const r = md(text);
    assert.deepEqual(of(r, 'readability/'), []);
    assert.equal(r.metrics.words, 5);
  });

  for (const heading of ['Literatuur', 'References', 'Literatuurlijst', 'Bronnen', 'Bibliography']) {
    it(`the reference list under "${heading}" is skipped: no findings, no words, no sections score`, () => {
      const text = `${INTRO}## ${heading}\n\n- Jansen, A. (2020). ${BAD}\n- Smith, J. (2021). ${BAD}\n\nVries, B. de (2019). ${BAD}\n`;
      const r = md(text);
      assert.deepEqual(of(r, 'readability/'), []);
      assert.equal(r.metrics.words, 5);
      const refs = r.sections.find((s) => s.title === heading)!;
      assert.equal(refs.role, 'references');
      assert.equal(refs.metrics.words, 0);
    });
  }

  it('prose after the reference list, under the next heading, is checked again', () => {
    const text = `${INTRO}## Literatuur\n\n- ${BAD}\n\n## Bijlage A\n\n${BAD}\n`;
    const r = md(text);
    assert.deepEqual(flagged(r, text, 'readability/long-sentence'), [BAD]);
  });
});

describe('Markdown adapter: blocks, tables, headings, quotes', () => {
  it('table cells are blocks of kind tableCell: no long-sentence finding, no metrics', () => {
    const text = `${INTRO}| Kop | Toelichting |\n|---|---|\n| a | ${BAD} |\n`;
    const r = md(text);
    const cells = r.blocks.filter((b) => b.analysed.block.kind === 'tableCell').map((b) => b.analysed.block.text);
    assert.deepEqual(cells, ['Kop', 'Toelichting', 'a', BAD]);
    assert.deepEqual(of(r, 'readability/long-sentence'), []);
    assert.deepEqual(of(r, 'readability/passive-voice'), []);
    assert.equal(r.metrics.words, 5);
    // The cell's position maps back into the table row.
    const cell = r.blocks.find((b) => b.analysed.block.text === BAD)!;
    const range = cell.toDocument(0, BAD.length);
    assert.equal(text.slice(range.offset, range.endOffset), BAD);
  });

  it('an acronym in a table cell is not its first use in running text', () => {
    const text = `${INTRO}| XYZQ | Iets |\n|---|---|\n| a | b |\n\nDe XYZQ werkt met de gemeente samen.\n`;
    const r = md(text);
    assert.deepEqual(flagged(r, text, 'readability/undefined-abbreviation'), ['XYZQ']);
    const f = of(r, 'readability/undefined-abbreviation')[0]!;
    assert.ok(f.offset > text.indexOf('De XYZQ'), 'the finding is on the prose use');
  });

  it('headings make sections with title, level, role, line and ranges', () => {
    const text = '# Evaluatie van de aanpak\n\nKort.\n\n## 1 Inleiding\n\nKort.\n\n## 2 Methode\n\nKort.\n\n### 2.1 Interviews\n\nKort.\n\nTitel in setext\n---------------\n\nKort.\n';
    const r = md(text);
    assert.deepEqual(r.sections.map((s) => [s.title, s.level, s.role, s.line]), [
      ['Evaluatie van de aanpak', 1, 'title', 1],
      ['1 Inleiding', 2, 'introduction', 5],
      ['2 Methode', 2, 'method', 9],
      ['2.1 Interviews', 3, 'method', 13],
      ['Titel in setext', 2, 'other', 17],
    ]);
    const m = r.sections[2]!;
    assert.equal(text.slice(m.offset, m.endOffset), '## 2 Methode');
    assert.equal(m.contentEnd, text.indexOf('Titel in setext'), 'a section runs to the next heading of its level or higher');
    assert.equal(r.sections[0]!.contentEnd, text.length);
  });

  it('headings are not checked as sentences and do not count in the metrics', () => {
    const text = `# ${BAD}\n\nKort.\n`;
    const r = md(text);
    assert.deepEqual(of(r, 'readability/long-sentence'), []);
    assert.deepEqual(of(r, 'readability/passive-voice'), []);
    assert.equal(r.metrics.words, 1);
  });

  it('blockquotes are checked as quoted paragraphs; a quote of what someone said is never flagged', () => {
    const quoted = `> ${BAD}`;
    const r1 = md(`${INTRO}${quoted}\n`);
    assert.ok(r1.blocks.some((b) => b.analysed.block.quoted && b.analysed.block.text === BAD));
    // Block quotes are someone else's text: readability rules leave them alone (issue 12).
    assert.equal(of(r1, 'readability/long-sentence').length, 0);
    const speech = `> "Ik wist niet waar ik moest beginnen," zegt een inwoner. "${BAD}"`;
    const r2 = md(`${INTRO}${speech}\n`);
    assert.deepEqual(of(r2, 'readability/').filter((f) => f.ruleId !== 'readability/undefined-abbreviation'), []);
  });

  it('list items are blocks of kind listItem, nested lists too', () => {
    const text = `${INTRO}- Eerste punt.\n- Tweede punt\n  - Genest punt.\n1. Genummerd punt.\n`;
    const kinds = md(text).blocks.map((b) => [b.analysed.block.kind, b.analysed.block.text]);
    assert.deepEqual(kinds.slice(2), [['listItem', 'Eerste punt.'], ['listItem', 'Tweede punt'], ['listItem', 'Genest punt.'], ['listItem', 'Genummerd punt.']]);
  });

  it('links keep their text as prose; the URL is not prose', () => {
    const text = `${INTRO}Meer staat op [de website van de gemeente](https://example.org/XYZQ-${BAD.replace(/\W+/g, '-')}).\n`;
    const r = md(text);
    assert.deepEqual(of(r, 'readability/'), []);
    assert.ok(r.blocks.some((b) => b.analysed.block.text === 'Meer staat op de website van de gemeente.'));
  });

  it('chunks split at blank lines that no construct spans, and the whole document parses the same', () => {
    const text = `${INTRO}\`\`\`\n${BAD}\n\n${BAD}\n\`\`\`\n\n<!--\n\n${BAD}\n\n-->\n\n$$\n\n${BAD}\n\n$$\n\nSlot.\n`;
    const { chunks } = splitChunks(text);
    for (const c of chunks) {
      const src = text.slice(c.start, c.end);
      assert.equal((src.match(/```/g) ?? []).length % 2, 0, 'a fence never straddles two chunks');
      assert.equal((src.match(/<!--/g) ?? []).length, (src.match(/-->/g) ?? []).length, 'nor a comment');
      assert.equal((src.match(/\$\$/g) ?? []).length % 2, 0, 'nor display math');
    }
    const parsed = parseMarkdown(text);
    assert.deepEqual(parsed.blocks.map((b) => b.text), ['Rapport', 'Dit is een korte zin.', 'Slot.']);
  });

  it('link and footnote definitions resolve across chunks', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Alinea nummer ${i} is kort.`).join('\n\n');
    const text = `${INTRO}Zie [de bron][b] en de noot.[^n]\n\n${filler}\n\n[b]: https://example.org\n[^n]: ${BAD}\n`;
    const r = md(text);
    assert.ok(r.blocks.some((b) => b.analysed.block.text === 'Zie de bron en de noot.'));
    assert.deepEqual(of(r, 'readability/long-sentence'), []);
  });

  it('a document of only code, comments and front matter has no prose and no findings', () => {
    const text = `---\na: 1\n---\n\n\`\`\`\n${BAD}\n\`\`\`\n\n<!-- ${BAD} -->\n`;
    const r = md(text);
    assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('readability/')), []);
    assert.equal(r.metrics.words, 0);
    assertInside(r, text);
  });

  it('broken Markdown never throws (unclosed fence, comment, math, front matter)', () => {
    for (const text of ['```\nopen fence\n', '<!-- open comment\n\nDe tekst.', '$$\nopen math\n\nDe tekst.', '---\nopen: front matter\n\nDe tekst.', '[^1]: alleen een noot', '|a|\n|-|\n', '']) {
      const r = md(text);
      assertInside(r, text);
      assert.deepEqual(r.errors, []);
    }
  });
});
