/**
 * Table cells without a letter (amounts, percentages, dates, dashes, ticks, inline code alone) are no blocks
 * (offsets.ts wordlessCell): the Markdown reader's fast path and full parser and the LaTeX reader leave them out, the
 * other cells keep their exact places, findings and the sections' counts are those of the words around them, and a warm
 * engine whose edits turn such a cell into words and back gives what a check from scratch gives.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { clearMarkdownCache, parseMarkdown, setPlainFastPath } from '../../server/src/engine/formats/markdown.js';
import { wordlessCell } from '../../server/src/engine/offsets.js';
import { md, of } from './helpers.js';
import { parse as parseLatex } from '../latex/helpers.js';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';

const TABLE_NL = [
  '# Uitkeringen per jaar',
  '',
  'De cliënt ontvangt de uitkering van de gemeente.',
  '',
  '| Regeling | 2022 | 2023 | Opmerking |',
  '|---|---:|---:|---|',
  '| Participatiewet | 1.234 | 1.301 | stijgt |',
  '| Schuldhulp | 87% | – | `n.v.t.` |',
  '| Wmo | 12 | 14 | reïntegratie 😀 loopt |',
  '',
  'Daarna volgt de tekst.',
  '',
].join('\n');

function cells(text: string, fast: boolean): Array<[string, string]> {
  try {
    clearMarkdownCache();
    setPlainFastPath(fast);
    return parseMarkdown(text)
      .blocks.filter((b) => b.kind === 'tableCell')
      .map((b) => [b.text, text.slice(b.start, b.end)]);
  } finally {
    setPlainFastPath(true);
    clearMarkdownCache();
  }
}

describe('table cells without a letter are no blocks', () => {
  it('wordlessCell: a cell without a letter, whatever it holds; other kinds never', () => {
    for (const t of ['1.234', '87%', '–', '0', '12-03-2024', '✓', '€ 1.200,-', ' 😀 ']) assert.equal(wordlessCell('tableCell', t), true, t);
    for (const t of ['stijgt', 'n.v.t.', '12 jaar', 'cliënt', 'é', '2 x']) assert.equal(wordlessCell('tableCell', t), false, t);
    for (const kind of ['paragraph', 'listItem', 'heading', 'caption', 'footnote'] as const) assert.equal(wordlessCell(kind, '2024'), false, kind);
  });

  it('Markdown: the fast path and the full parser leave them out and place the other cells exactly (accents, emoji, CRLF)', () => {
    for (const text of [TABLE_NL, TABLE_NL.replace(/\n/g, '\r\n')]) {
      const fast = cells(text, true);
      assert.deepEqual(fast, cells(text, false));
      assert.deepEqual(
        fast.map(([t]) => t),
        ['Regeling', 'Opmerking', 'Participatiewet', 'stijgt', 'Schuldhulp', 'Wmo', 'reïntegratie 😀 loopt'],
      );
      for (const [t, source] of fast) assert.ok(source.includes(t), `${t} at ${JSON.stringify(source)}`);
    }
  });

  it('LaTeX: a tabular cell without a letter is no block', () => {
    const doc = parseLatex(String.raw`\begin{tabular}{lrr}
Regeling & 2022 & Opmerking \\
Wmo & 12\% & stijgt \\
\end{tabular}`);
    assert.deepEqual(
      doc.blocks.map((b) => b.text),
      ['Regeling', 'Opmerking', 'Wmo', 'stijgt'],
    );
  });

  it('nl + en: findings in the other cells and the text around the table are where they were; the counts are the words', () => {
    const en = TABLE_NL.replace('# Uitkeringen per jaar', '# Benefits per year')
      .replace('De cliënt ontvangt de uitkering van de gemeente.', 'The client receives the benefit from the council and we leverage stakeholders.')
      .replace('Daarna volgt de tekst.', 'Then the text goes on.');
    for (const text of [TABLE_NL, en]) {
      const r = md(text);
      // Every finding lies inside the text, outside the cells that are no blocks.
      for (const f of r.findings) assert.ok(f.offset >= 0 && f.endOffset <= text.length, `${f.ruleId} at ${f.offset}`);
      const numbers = ['1.234', '1.301', '87%', '| 12 |', '| 14 |'].map((n) => text.indexOf(n));
      for (const f of r.findings) for (const at of numbers) assert.ok(!(f.offset >= at && f.endOffset <= at + 5 && f.offset < f.endOffset), `${f.ruleId} in a number cell`);
      // The same text without the number columns: the same words, so the same counts.
      const without = text.replace(/\| ([^|\n]*) \| [^|\n]* \| [^|\n]* \| ([^|\n]*) \|/g, (_m, first: string, last: string) => `| ${first} | ${last} |`).replace('|---|---:|---:|---|', '|---|---|');
      assert.notEqual(without, text);
      assert.deepEqual(md(without).metrics.words, r.metrics.words);
    }
    // The jargon of the English text is found.
    assert.ok(of(md(en), 'vocabulary/jargon').some((f) => en.slice(f.offset, f.endOffset) === 'leverage'));
  });

  it('a warm engine whose edits turn a number cell into words and back gives what a check from scratch gives', function () {
    this.timeout(120_000);
    assertWarmEditsMatchFresh(`${TABLE_NL}\n${TABLE_NL.replace('# Uitkeringen per jaar', '## Tweede tabel')}`, {
      path: 'wordless-cells.md',
      edits: editsOf(['12', ' cliënten', 'NVVK', ' | 3 |', '\n', '–', 'de gemeente'], 60),
      project: (r) => ({ findings: r.findings.map((f) => [f.ruleId, f.offset, f.endOffset, f.message.en]), metrics: r.metrics.words, sections: r.sections.length }),
      cacheSize: 5000,
      numRuns: 60,
      seed: 20261207,
    });
  });

  it('a warm engine whose edits move glossary cells between rows and put numbers beside them gives what a check from scratch gives', function () {
    this.timeout(120_000);
    const glossary = [
      '# Afkortingen en cijfers',
      '',
      'De NVVK en de SVB spraken met cliënten. Daarna schreef de NVVK een brief en de SVB een antwoord.',
      '',
      '| Afkorting | Jaar | Betekenis |',
      '|---|---|---|',
      '| NVVK | 2021 | de landelijke branchevereniging voor schuldhulp |',
      '| SVB | – | de uitvoerder van de volksverzekeringen |',
      '| 12 | XYZQ |',
      '| een andere regeling | 14 |',
      '',
      'De XYZQ volgt later. De XYZQ blijft.',
      '',
    ].join('\n');
    assertWarmEditsMatchFresh(glossary, {
      path: 'wordless-glossary.md',
      edits: editsOf(['\n| ', ' | ', '12 | ', '| 3 ', 'NVVK', 'de regeling ', '\n'], 40),
      project: (r) => r.findings.map((f) => [f.ruleId, f.offset, f.endOffset]),
      cacheSize: 5000,
      numRuns: 80,
      seed: 20261208,
    });
  });

  it('fast-check: the fast path and the full parser agree on generated tables of words, numbers and symbols', function () {
    this.timeout(120_000);
    const cell = fc.constantFrom('12', '87%', '–', 'cliënt', 'de gemeente', '`x`', '😀', '1.234', 'Wmo', '');
    const table = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }).map((rows) => [rows[0]!, Array(n).fill('---'), ...rows.slice(1)].map((cs) => `| ${cs.join(' | ')} |`).join('\n')),
    );
    fc.assert(
      fc.property(table, (t) => {
        const text = `De cliënt leest.\n\n${t}\n`;
        const fast = cells(text, true);
        assert.deepEqual(fast, cells(text, false));
        for (const [c] of fast) assert.ok(/\p{L}/u.test(c), c);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
