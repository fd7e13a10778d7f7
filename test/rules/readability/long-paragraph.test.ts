import { strict as assert } from 'node:assert';
import { md, txt, of, flagged, config, sentenceOf } from '../../engine/helpers.js';

const RULE = 'readability/long-paragraph';
const doc = (body: string) => `# Rapport\n\nKort.\n\n## Inleiding\n\n${body}\n`;

/** A paragraph of exactly n words in sentences of ten (Dutch or English). */
function paragraph(n: number, language: 'nl' | 'en' = 'nl'): string {
  const parts: string[] = [];
  for (let left = n; left > 0; left -= 10) parts.push(sentenceOf(Math.min(10, left), language));
  return parts.join(' ');
}

describe(RULE, () => {
  it('flags a paragraph of more than 150 words on its first sentence, as info', () => {
    const p = paragraph(151);
    const text = doc(p);
    const r = md(text);
    assert.deepEqual(flagged(r, text, RULE), [sentenceOf(10)]);
    const f = of(r, RULE)[0]!;
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.data, { words: 151, maxWords: 150 });
    assert.match(f.message.nl, /^Deze alinea telt 151 woorden \(meer dan 150\)\./);
    assert.match(f.message.en, /^This paragraph has 151 words \(more than 150\)\./);
  });

  it('does not flag 150 words, nor several short paragraphs', () => {
    assert.deepEqual(of(md(doc(paragraph(150))), RULE), []);
    assert.deepEqual(of(md(doc(`${paragraph(100)}\n\n${paragraph(100)}`)), RULE), []);
  });

  it('English paragraphs too', () => {
    const text = `# Report\n\n## Findings\n\n${paragraph(160, 'en')}\n`;
    const r = md(text);
    assert.equal(r.language, 'en');
    assert.deepEqual(of(r, RULE).map((f) => f.data), [{ words: 160, maxWords: 150 }]);
  });

  it('audience profiles: academic 220, general 100', () => {
    assert.deepEqual(of(md(doc(paragraph(220)), { config: config({ audience: 'academic' }) }), RULE), []);
    assert.deepEqual(of(md(doc(paragraph(221)), { config: config({ audience: 'academic' }) }), RULE).map((f) => f.data!.maxWords), [220]);
    assert.deepEqual(of(md(doc(paragraph(100)), { config: config({ audience: 'general' }) }), RULE), []);
    assert.deepEqual(of(md(doc(paragraph(101)), { config: config({ audience: 'general' }) }), RULE).map((f) => f.data!.maxWords), [100]);
  });

  it('the maxWords option overrides the profile', () => {
    assert.equal(of(md(doc(paragraph(90)), { config: config({ rules: { [RULE]: { options: { maxWords: 80 } } } }) }), RULE).length, 1);
  });

  it('headings, table cells and code are no paragraphs; a long list item is', () => {
    assert.deepEqual(of(md(doc(`| a |\n|---|\n| ${paragraph(160)} |`)), RULE), []);
    assert.deepEqual(of(md(doc(`\`\`\`\n${paragraph(160)}\n\`\`\``)), RULE), []);
    assert.equal(of(md(doc(`- ${paragraph(160)}`)), RULE).length, 1);
  });

  it('plain text: a paragraph over several lines counts as one', () => {
    const p = paragraph(160).replace(/\. /g, '.\n');
    const text = `Rapport\n\n${p}\n`;
    assert.deepEqual(of(txt(text), RULE).map((f) => f.data!.words), [160]);
  });
});
