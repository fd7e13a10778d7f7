/**
 * The engine keeps every analysed block (the language server re-checks a long document at each
 * keystroke), so what it keeps is packed: a cached sentence holds its words as offsets and flags,
 * not as objects and strings, and makes them again when a document rule or the editor asks. What
 * it makes again must be exactly what the analysis made: the same offsets, text, lower case,
 * letters and flags, with emoji, accents, CRLF, decimals, acronyms and abbreviations.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import { analyseBlock, keepCompact, letGo, PackingSpace, wordCount } from '../../server/src/engine/text/analyse.js';
import { splitSentences, type Word } from '../../server/src/engine/text/sentences.js';
import type { Language, ProseBlock } from '../../server/src/engine/types.js';

const TEXTS: Array<[Language, string]> = [
  ['nl', 'De cliënt 👩‍⚕️ sprak over reïntegratie bij het UWV. Zo. Daarna kwam 1,5 jaar later de Wmo-consulent terug, o.a. voor een gesprek.'],
  ['nl', 'In hfst. 4 staat het CBS-cijfer: 5,3 procent.\r\nDe NEET-jongeren 🙂 kregen e.g. geen hulp.'],
  ['en', 'The client’s GP (Dr. Smith) saw 1,146 patients in 2023. NHS staff said “it works”. Then e.g. the team left.'],
  ['en', 'Naïve café-owners 😀 met U.S. officials; a well-known co-operative answered.\r\nDone.'],
];

/** A word's values, as plain data (the kept form makes objects of the same shape). */
function values(w: Word): Record<string, unknown> {
  return { start: w.start, end: w.end, text: w.text, lower: w.lower, letters: w.letters, isNumber: w.isNumber, isAcronym: w.isAcronym, capitalised: w.capitalised };
}

function block(text: string): ProseBlock {
  return { kind: 'paragraph', text, start: 0, end: text.length, map: [[0, 0]] } as unknown as ProseBlock;
}

describe('compact cached sentences', () => {
  for (const [language, text] of TEXTS) {
    it(`make the same words again (${language}: ${text.slice(0, 30)}…)`, () => {
      const fresh = splitSentences(text, language);
      const analysed = analyseBlock(block(text), language, 'other', 25);
      const sentences = analysed.sentences;
      assert.deepEqual(sentences.map(wordCount), fresh.map((s) => s.words.length));
      keepCompact(analysed);
      // Counted without making the words: the same counts.
      assert.deepEqual(analysed.sentences.map(wordCount), fresh.map((s) => s.words.length));
      assert.equal(analysed.sentences, sentences, 'the sentences array stays the same object (rules remember per-block summaries under it)');
      assert.equal(analysed.sentences.length, fresh.length);
      analysed.sentences.forEach((s, i) => {
        assert.equal(s.start, fresh[i]!.start);
        assert.equal(s.end, fresh[i]!.end);
        assert.deepEqual(s.tokens, [], 'tokens are not kept');
        assert.deepEqual(s.words.map(values), fresh[i]!.words.map(values));
        assert.ok(!Object.prototype.hasOwnProperty.call(s, 'words'), 'the words are made on demand, not kept as objects');
        // Asked twice, the same words (a rule may look twice in one check).
        assert.equal(s.words, s.words);
      });
      // Packing twice changes nothing.
      keepCompact(analysed);
      analysed.sentences.forEach((s, i) => assert.deepEqual(s.words.map(values), fresh[i]!.words.map(values)));
    });
  }

  it('leaves a sentence whose words are not the text between their offsets as it is', () => {
    const text = 'Een gewone zin over de wijk.';
    const analysed = analyseBlock(block(text), 'nl', 'other', 25);
    const odd = analysed.sentences[0]!;
    odd.words[0] = { ...odd.words[0]!, text: 'Anders', lower: 'anders' };
    keepCompact(analysed);
    assert.equal(analysed.sentences[0], odd);
    assert.equal(analysed.sentences[0]!.words[0]!.text, 'Anders');
  });

  it('a check from the cache finds what a check from scratch finds, and hands out packed sentences', () => {
    const doc = TEXTS.filter(([l]) => l === 'nl').map(([, t]) => t).join('\n\n') + '\n\nDe implementatie van de operationalisering van het beleid werd door de gemeente en de uitvoerders in samenspraak met alle betrokken partijen en de cliëntenraad uiteindelijk na lang overleg als suboptimaal beoordeeld.\n';
    const engine = new Engine();
    const first = engine.lint(doc, { format: 'markdown', uri: 'file:///compact.md' });
    const again = engine.lint(doc.replace('wijk', 'buurt'), { format: 'markdown', uri: 'file:///compact.md' });
    const scratch = new Engine().lint(doc.replace('wijk', 'buurt'), { format: 'markdown' });
    assert.deepEqual(again.findings, scratch.findings);
    assert.deepEqual(again.metrics, scratch.metrics);
    assert.ok(first.findings.length > 0);
    const kept = again.blocks.flatMap((b) => b.analysed.sentences);
    assert.ok(kept.length > 0);
    for (const s of kept) assert.ok(!Object.prototype.hasOwnProperty.call(s, 'words'));
  });

  it('holds the words its analyses made only while the check runs (then they are made again when asked)', () => {
    const doc = TEXTS.filter(([l]) => l === 'nl').map(([, t]) => t).join('\n\n') + '\n';
    const result = new Engine().lint(doc, { format: 'markdown', uri: 'file:///held.md' });
    const kept = result.blocks.flatMap((b) => b.analysed.sentences);
    assert.ok(kept.length > 0);
    for (const s of kept) assert.ok(!Array.isArray((s as unknown as { made: unknown }).made), 'no packed sentence holds its words after the check');
    const fresh = TEXTS.filter(([l]) => l === 'nl').flatMap(([, t]) => splitSentences(t, 'nl'));
    assert.deepEqual(kept.map((s) => s.words.map(values)), fresh.map((s) => s.words.map(values)));
  });

  it('packs many blocks into one packing space, across its arrays, and makes each block\'s words again', () => {
    const space = new PackingSpace();
    const held: Parameters<typeof letGo>[0] = [];
    const packed: Array<{ language: Language; text: string; analysed: ReturnType<typeof analyseBlock> }> = [];
    // Some 60 words a block, 400 blocks: well past the first array and a few of the largest.
    for (let i = 0; i < 400; i++) {
      const [language, base] = TEXTS[i % TEXTS.length]!;
      const text = `${base} ${'Woord '.repeat(i % 7)}${i}.`;
      const analysed = analyseBlock(block(text), language, 'other', 25);
      keepCompact(analysed, held, space);
      packed.push({ language, text, analysed });
    }
    // The words the analyses made let go of: those below are made from the packed numbers.
    letGo(held);
    for (const { language, text, analysed } of packed) {
      const fresh = splitSentences(text, language);
      assert.deepEqual(analysed.sentences.map((s) => s.words.map(values)), fresh.map((s) => s.words.map(values)));
    }
  });
});
