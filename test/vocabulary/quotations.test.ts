/**
 * Quoted text is someone else's words: a block quote (Markdown "> …", LaTeX quote) and a quoted passage of four
 * words or more get no vocabulary findings, whoever is quoted. Judged on the dev corpus (seed 2027 sample,
 * test/judged/quiet3-sample.tsv): 4 of 9 false jargon findings stood in quoted text.
 */
import { strict as assert } from 'node:assert';
import { flagged } from './helpers.js';
import { quotedPassages } from '../../server/src/engine/rules/vocabulary/analyzer.js';

const JARGON = 'vocabulary/jargon';

describe('vocabulary: quoted text is not the writer’s', () => {
  it('en + nl: the writer’s own sentence is checked (control)', () => {
    assert.deepEqual(flagged('# Report\n\nThe compulsory licence must be retained to facilitate sales.\n', 'en', JARGON), ['facilitate']);
    assert.deepEqual(flagged('# Rapport\n\nWe gaan de nieuwe werkwijze implementeren in alle wijken.\n', 'nl', JARGON), ['implementeren']);
  });

  it('en + nl: nothing inside a Markdown block quote', () => {
    assert.deepEqual(flagged('# Report\n\nThe report says:\n\n> the record producers argued that the compulsory licence must be retained to facilitate sales.\n', 'en', JARGON), []);
    assert.deepEqual(flagged('# Rapport\n\nIn de nota staat:\n\n> De gemeente gaat de nieuwe werkwijze implementeren in alle wijken.\n', 'nl', JARGON), []);
  });

  it('en + nl: nothing inside a LaTeX quote environment', () => {
    const en = '\\section{Report}\n\nClark wrote:\n\\begin{quote}\nThese approaches ignore the structures that constitute human cognitive architecture.\n\\end{quote}\n';
    assert.deepEqual(flagged(en, 'en', JARGON, { path: 'example.tex' } as never), []);
    const nl = '\\section{Rapport}\n\nDe nota zegt:\n\\begin{quote}\nDe gemeente gaat de nieuwe werkwijze implementeren in alle wijken.\n\\end{quote}\n';
    assert.deepEqual(flagged(nl, 'nl', JARGON, { path: 'example.tex' } as never), []);
  });

  it('en + nl: nothing inside a quoted passage of six words or more, even without a named speaker', () => {
    assert.deepEqual(flagged('# Report\n\nThe aim of literacy is to “empower people to choose the appropriate language.”[^1]\n\n[^1]: A source.\n', 'en', JARGON), []);
    assert.deepEqual(flagged('# Rapport\n\nHet doel is "de nieuwe werkwijze implementeren in alle wijken" volgens de nota.\n', 'nl', JARGON), []);
    // A short quote is a scare quote or a mentioned word: outside it the sentence is still checked.
    assert.deepEqual(flagged('# Report\n\nThey call it “reach” and use it to facilitate sales.\n', 'en', JARGON), ['facilitate']);
  });
});

describe('vocabulary: which quoted passages are long enough to be a source’s words', () => {
  // The passages of six pieces or more between runs of white space, as `split(/\s+/)` counts them.
  const reference = (text: string) => [...text.matchAll(/“[^”“\n]+”|"[^"\n]+"/g)].filter((m) => m[0].split(/\s+/).length >= 6).map((m) => [m.index, m.index + m[0].length]);

  it('en + nl: six words make a passage, five do not; runs of white space of any kind count once', () => {
    const texts = [
      'They said “one two three four five” and left.',
      'They said “one two three four five six” and left.',
      'Zij zei "een twee drie vier vijf zes" en ging.',
      'Zij zei "een  twee\u00a0drie\tvier \u2003 vijf" en ging.',
      'Zij zei "een  twee\u00a0drie\tvier \u2003 vijf\u3000zes" en "kort" ook.',
      'A “ spaced   out  quote with words ” here and “x y z a b c d” there.',
      '“one two three four five six”',
    ];
    for (const text of texts) assert.deepEqual(quotedPassages(text), reference(text), text);
    assert.deepEqual(quotedPassages(texts[0]!), []);
    assert.deepEqual(quotedPassages(texts[1]!), [[10, 39]]);
    assert.deepEqual(quotedPassages(texts[3]!), []);
    assert.equal(quotedPassages(texts[4]!).length, 1);
  });

  it('counts every kind of white space as a separator, as \\s does', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (ch === '"' || ch === '\n' || ch === '\r' || (c >= 0xd800 && c < 0xe000)) continue;
      const text = `x "a${ch}b c d e f" y`;
      assert.deepEqual(quotedPassages(text), reference(text), `U+${c.toString(16)}`);
    }
  });
});
