import { strict as assert } from 'node:assert';
import { md, txt, of, flagged, config, sentenceOf } from '../../engine/helpers.js';
import { lint } from '../../../server/src/index.js';

const RULE = 'readability/long-paragraph';
const doc = (body: string) => `# Rapport\n\nKort.\n\n## Inleiding\n\n${body}\n`;

/** A paragraph of exactly n words in sentences of ten (Dutch or English). */
function paragraph(n: number, language: 'nl' | 'en' = 'nl'): string {
  const parts: string[] = [];
  for (let left = n; left > 0; left -= 10) parts.push(sentenceOf(Math.min(10, left), language));
  return parts.join(' ');
}

describe(RULE, () => {
  it('flags a paragraph of more than 200 words on its first sentence; more than 20 words over as info', () => {
    const p = paragraph(221);
    const text = doc(p);
    const r = md(text);
    assert.deepEqual(flagged(r, text, RULE), [sentenceOf(10)]);
    const f = of(r, RULE)[0]!;
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.data, { words: 221, maxWords: 200 });
    assert.match(f.message.nl, /^Deze alinea telt 221 woorden \(meer dan 200\)\./);
    assert.match(f.message.en, /^This paragraph has 221 words \(more than 200\)\./);
  });

  it('nl + en: a paragraph at most paragraphMarginWords (20) over the limit is a hint; general shows it; the option can be 0', () => {
    for (const language of ['nl', 'en'] as const) {
      const text = (n: number) => (language === 'nl' ? doc(paragraph(n)) : `# Report\n\n## Findings\n\n${paragraph(n, 'en')}\n`);
      const severity = (n: number, cfg = {}) => of(md(text(n), { config: config(cfg) }), RULE).map((f) => f.severity);
      assert.deepEqual(severity(201), ['hint'], language);
      assert.deepEqual(severity(220), ['hint'], language);
      assert.deepEqual(severity(221), ['info'], language);
      assert.deepEqual(severity(201, { rules: { [RULE]: { options: { paragraphMarginWords: 0 } } } }), ['info'], language);
      assert.deepEqual(severity(121, { audience: 'general' }), ['info'], language);
      assert.deepEqual(severity(275, { audience: 'academic' }), ['hint'], language);
      assert.deepEqual(severity(276, { audience: 'academic' }), ['info'], language);
    }
  });

  it('does not flag 200 words (one point in 150 to 200 words reads fine), nor several short paragraphs', () => {
    assert.deepEqual(of(md(doc(paragraph(200))), RULE), []);
    assert.deepEqual(of(md(doc(paragraph(180))), RULE), []);
    assert.deepEqual(of(md(doc(`${paragraph(100)}\n\n${paragraph(100)}`)), RULE), []);
  });

  it('English paragraphs too', () => {
    const text = `# Report\n\n## Findings\n\n${paragraph(210, 'en')}\n`;
    const r = md(text);
    assert.equal(r.language, 'en');
    assert.deepEqual(of(r, RULE).map((f) => f.data), [{ words: 210, maxWords: 200 }]);
  });

  it('audience profiles: academic 250, general 120', () => {
    assert.deepEqual(of(md(doc(paragraph(250)), { config: config({ audience: 'academic' }) }), RULE), []);
    assert.deepEqual(of(md(doc(paragraph(251)), { config: config({ audience: 'academic' }) }), RULE).map((f) => f.data!.maxWords), [250]);
    assert.deepEqual(of(md(doc(paragraph(120)), { config: config({ audience: 'general' }) }), RULE), []);
    assert.deepEqual(of(md(doc(paragraph(121)), { config: config({ audience: 'general' }) }), RULE).map((f) => f.data!.maxWords), [120]);
  });

  it('the maxWords option overrides the profile', () => {
    assert.equal(of(md(doc(paragraph(90)), { config: config({ rules: { [RULE]: { options: { maxWords: 80 } } } }) }), RULE).length, 1);
  });

  it('headings, table cells and code are no paragraphs; a long list item is', () => {
    assert.deepEqual(of(md(doc(`| a |\n|---|\n| ${paragraph(210)} |`)), RULE), []);
    assert.deepEqual(of(md(doc(`\`\`\`\n${paragraph(210)}\n\`\`\``)), RULE), []);
    assert.equal(of(md(doc(`- ${paragraph(210)}`)), RULE).length, 1);
  });

  it('plain text: a paragraph over several lines counts as one', () => {
    const p = paragraph(210).replace(/\. /g, '.\n');
    const text = `Rapport\n\n${p}\n`;
    assert.deepEqual(of(txt(text), RULE).map((f) => f.data!.words), [210]);
  });

  it('nl + en: LaTeX blocks separated on the page by \\\\ line breaks are judged per visible block', () => {
    for (const language of ['nl', 'en'] as const) {
      const head = language === 'nl' ? '\\section{Inleiding}' : '\\section{Introduction}';
      const split = `${head}\n\n${paragraph(120, language)}\n\\\\\n${paragraph(120, language)}\n\\\\\n${paragraph(120, language)}\n`;
      const r = lint(split, { path: 'doc.tex' });
      assert.deepEqual(of(r, RULE), [], language);
      // One block of 240 words is a wall of text, broken or not at its end.
      const wall = `${head}\n\n${paragraph(240, language)}\n\\\\\n${paragraph(60, language)}\n`;
      assert.deepEqual(of(lint(wall, { path: 'doc.tex' }), RULE).map((f) => f.data!.words), [240], language);
    }
  });

  it('nl + en: a Markdown paragraph split by hard line breaks (two trailing spaces, a backslash) is judged per visible block', () => {
    for (const language of ['nl', 'en'] as const) {
      const head = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${language === 'nl' ? 'Reflectie' : 'Reflection'}\n\n`;
      const spaces = `${head}${paragraph(120, language)}  \n${paragraph(150, language)}  \n${paragraph(100, language)}\n`;
      assert.deepEqual(of(md(spaces), RULE), [], language);
      const backslash = `${head}${paragraph(120, language)}\\\n${paragraph(150, language)}\n`;
      assert.deepEqual(of(md(backslash), RULE), [], language);
      // Soft line breaks (no trailing spaces) make one paragraph of 370 words on the page.
      const soft = `${head}${paragraph(120, language)}\n${paragraph(150, language)}\n${paragraph(100, language)}\n`;
      assert.deepEqual(of(md(soft), RULE).map((f) => f.data!.words), [370], language);
      // A visible block over the limit is still reported, with its own count and first sentence.
      const wall = `${head}${paragraph(60, language)}  \n${paragraph(230, language)}\n`;
      const f = of(md(wall), RULE);
      assert.deepEqual(f.map((x) => x.data!.words), [230], language);
      assert.equal(wall.slice(f[0]!.offset, f[0]!.endOffset), sentenceOf(10, language), language);
    }
  });

  it('nl + en: a plain-text table or a block quote is no paragraph to split', () => {
    for (const language of ['nl', 'en'] as const) {
      const rows = Array.from({ length: 40 }, (_, i) => `Variable${i}          |  ${sentenceOf(8, language).replace(/\.$/, '')}`).join('\n');
      const table = `${language === 'nl' ? 'Rapport' : 'Report'}\n\nVariable name      |  Variable description\n-----------------  |  --------------------\n${rows}\n`;
      assert.deepEqual(of(txt(table), RULE), [], language);
      assert.deepEqual(of(md(`# R\n\n> ${paragraph(250, language)}\n`), RULE), [], language);
    }
  });
});


describe(`${RULE}: a paragraph that is mostly a quotation`, () => {
  it('nl + en: more than half of its words quoted from a source: only the writer\'s own words count; less than half: flagged', () => {
    for (const language of ['nl', 'en'] as const) {
      const sentences = (k: number) => Array.from({ length: k }, () => sentenceOf(14, language)).join(' ');
      const said = language === 'nl' ? 'De wethouder zei in de raad:' : 'The minister told the committee:';
      const mostlyQuoted = `# R\n\n## A\n\n${sentences(5)} ${said} “${sentences(10)}”\n`;
      assert.deepEqual(of(md(mostlyQuoted), RULE), [], language);
      // The same words without quotation marks are the writer's own.
      assert.equal(of(md(`# R\n\n## A\n\n${sentences(5)} ${said} ${sentences(10)}\n`), RULE).length, 1, language);
      // A shorter quotation in a long paragraph of the writer's own: flagged, with every word counted.
      const someQuoted = `# R\n\n## A\n\n${sentences(10)} ${said} “${sentences(5)}”\n`;
      assert.deepEqual(of(md(someQuoted), RULE).map((f) => f.data!.words), [210 + (language === 'nl' ? 6 : 5)], language);
    }
  });
});
