import { strict as assert } from 'node:assert';
import { automatedReadability, brouwer, colemanLiau, fleschDouma, fleschKincaidGrade, fleschReadingEase, gunningFog, lix, metricsOf, emptyCounts, scoreBand } from '../../server/src/engine/text/metrics.js';
import { analyseBlock } from '../../server/src/engine/text/analyse.js';
import type { ProseBlock } from '../../server/src/index.js';
import { smog } from '../../server/src/engine/text/metrics.js';
import { readShared, txt, md } from './helpers.js';

interface WooormRow {
  formula: string;
  counts: { sentence: number; word?: number; syllable?: number; complex?: number; poly?: number; letter?: number; character?: number };
  expected: number;
}
interface NlRow {
  id: string;
  text?: string;
  counts: { sentence: number; word: number; syllable: number; long: number };
  expected: { fleschDouma: number; brouwer: number; lix: number; fleschEN: number };
}
const vectors = JSON.parse(readShared('research/data/readability-vectors/vectors.json')) as { wooorm: WooormRow[]; nl: NlRow[] };

function evaluate(row: WooormRow): number {
  const c = row.counts;
  switch (row.formula) {
    case 'fleschEN': return fleschReadingEase(c.word!, c.sentence, c.syllable!);
    case 'fleschKincaid': return fleschKincaidGrade(c.word!, c.sentence, c.syllable!);
    case 'gunningFog': return gunningFog(c.word!, c.sentence, c.complex!);
    case 'smog': return smog(c.sentence, c.poly!);
    case 'colemanLiau': return colemanLiau(c.word!, c.sentence, c.letter!);
    case 'ari': return automatedReadability(c.word!, c.sentence, c.character!);
    default: throw new Error(`no formula ${row.formula} in the engine`);
  }
}

function block(text: string): ProseBlock {
  return { kind: 'paragraph', text, map: [{ t: 0, tl: text.length, d: 0, dl: text.length }], start: 0, end: text.length };
}

describe('readability formulas (research/data/readability-vectors/vectors.json)', () => {
  it('has the vectors it is meant to check', () => {
    assert.equal(vectors.wooorm.length, 10);
    assert.ok(vectors.nl.length >= 3);
  });

  for (const row of vectors.wooorm) {
    it(`wooorm ${row.formula} ${JSON.stringify(row.counts)} = ${row.expected} (to 1e-6)`, () => {
      const got = evaluate(row);
      assert.ok(Math.abs(got - row.expected) <= 1e-6, `${row.formula}: got ${got}, expected ${row.expected}`);
    });
  }

  for (const row of vectors.nl) {
    const { sentence: S, word: W, syllable: Sy, long } = row.counts;
    it(`nl ${row.id}: Flesch-Douma, Brouwer, LIX and Flesch (en) from counts (to 1e-3)`, () => {
      const close = (name: string, got: number, want: number) => assert.ok(Math.abs(got - want) <= 1e-3, `${row.id} ${name}: got ${got}, expected ${want}`);
      close('fleschDouma', fleschDouma(W, S, Sy), row.expected.fleschDouma);
      close('brouwer', brouwer(W, S, Sy), row.expected.brouwer);
      close('lix', lix(W, S, long), row.expected.lix);
      close('fleschEN', fleschReadingEase(W, S, Sy), row.expected.fleschEN);
    });
    if (!row.text) continue;
    const text = row.text;
    it(`nl ${row.id}: the full pipeline counts ${S} sentences, ${W} words, ${Sy} syllables, ${long} long words`, () => {
      // The text layer on its own…
      const a = analyseBlock(block(text), 'nl', 'other', 25);
      assert.equal(a.counts.sentences, S, 'sentences (analyse)');
      assert.equal(a.counts.words, W, 'words (analyse)');
      assert.equal(a.counts.syllables, Sy, 'syllables (analyse)');
      assert.equal(a.counts.longWords, long, 'long words (analyse)');
      // …and a whole document, as plain text and as Markdown.
      for (const r of [txt(text), md(`# Titel\n\n${text}\n`)]) {
        assert.equal(r.language, 'nl');
        assert.equal(r.metrics.sentences, S, `${r.format}: sentences`);
        assert.equal(r.metrics.words, W, `${r.format}: words`);
        assert.equal(r.metrics.syllables, Sy, `${r.format}: syllables`);
        assert.equal(r.metrics.longWords, long, `${r.format}: long words`);
        // The document metrics are the formulas over those counts, rounded to one decimal.
        assert.equal(r.metrics.fleschDouma, Math.round(row.expected.fleschDouma * 10) / 10);
        assert.equal(r.metrics.brouwer, Math.round(row.expected.brouwer * 10) / 10);
        assert.equal(r.metrics.lix, Math.round(row.expected.lix * 10) / 10);
        assert.equal(r.metrics.score, r.metrics.fleschDouma, 'the headline score of Dutch is Flesch-Douma');
      }
    });
  }

  it('metricsOf: no words gives zeros and the band "no text", never NaN', () => {
    for (const lang of ['nl', 'en'] as const) {
      const m = metricsOf(emptyCounts(), lang);
      assert.equal(m.score, 0);
      assert.equal(m.band.en, 'no text');
      for (const [k, v] of Object.entries(m)) if (typeof v === 'number') assert.ok(Number.isFinite(v), `${lang} ${k} is ${v}`);
    }
  });

  it('metricsOf: English metrics carry every English formula, Dutch ones Flesch-Douma and Brouwer', () => {
    const c = { ...emptyCounts(), words: 100, sentences: 5, syllables: 150, syllableWords: 100, letters: 480, characters: 500, longWords: 25, polysyllables: 10, complexWords: 8 };
    const en = metricsOf(c, 'en');
    assert.equal(en.score, en.fleschReadingEase);
    assert.equal(en.fleschReadingEase, Math.round(fleschReadingEase(100, 5, 150) * 10) / 10);
    assert.equal(en.fleschKincaidGrade, Math.round(fleschKincaidGrade(100, 5, 150) * 10) / 10);
    assert.equal(en.gunningFog, Math.round(gunningFog(100, 5, 8) * 10) / 10);
    assert.equal(en.smog, Math.round(smog(5, 10) * 10) / 10);
    assert.equal(en.colemanLiau, Math.round(colemanLiau(100, 5, 480) * 10) / 10);
    assert.equal(en.automatedReadability, Math.round(automatedReadability(100, 5, 500) * 10) / 10);
    assert.equal(en.fleschDouma, undefined);
    const nl = metricsOf(c, 'nl');
    assert.equal(nl.score, 72.7, 'the nl-100w vector, rounded');
    assert.equal(nl.brouwer, 55);
    assert.equal(nl.lix, 45);
    assert.equal(nl.fleschReadingEase, undefined);
  });

  it('syllable averages scale over the words that count for syllables only', () => {
    // 10 words, of which 8 count for syllables with 16 syllables: 2 per word, also for all 10.
    const c = { ...emptyCounts(), words: 10, sentences: 1, syllables: 16, syllableWords: 8 };
    const m = metricsOf(c, 'nl');
    assert.equal(m.averageSyllablesPerWord, 2);
    assert.equal(m.fleschDouma, Math.round(fleschDouma(10, 1, 20) * 10) / 10);
  });

  it('score bands follow Douma (nl) and Flesch (en)', () => {
    assert.equal(scoreBand(10, 'nl').nl, 'zeer moeilijk');
    assert.equal(scoreBand(40, 'nl').nl, 'moeilijk');
    assert.equal(scoreBand(65, 'nl').nl, 'normaal');
    assert.equal(scoreBand(95, 'nl').nl, 'zeer makkelijk');
    assert.equal(scoreBand(45, 'en').en, 'difficult');
    assert.equal(scoreBand(65, 'en').en, 'plain English');
    assert.equal(scoreBand(20, 'en').en, 'very confusing');
  });
});

describe('readability formulas on textstat\'s SHORT_TEXT (sanity check against another implementation)', () => {
  const levels = (JSON.parse(readShared('research/data/readability-vectors/vectors.json')) as { textstat_text_level: Record<string, Record<string, number>> }).textstat_text_level;
  const text = 'Cool dogs wear da sunglasses.';
  const r = txt(text, { language: 'en' });

  it('counts 1 sentence and 5 words; 6 syllables, because the syllable package counts "sunglasses" as 2 (textstat: 3)', () => {
    assert.equal(r.metrics.sentences, levels.count_sentences!.SHORT_TEXT);
    assert.equal(r.metrics.words, 5);
    assert.equal(r.metrics.syllables, 6);
  });

  it('LIX (no syllables) equals textstat; the syllable formulas equal textstat\'s values once "sunglasses" has 3 syllables', () => {
    assert.equal(r.metrics.lix, levels.lix!.SHORT_TEXT);
    assert.ok(Math.abs(fleschReadingEase(5, 1, 7) - levels.flesch_reading_ease!['SHORT_TEXT/en']!) < 1e-9);
    assert.ok(Math.abs(fleschKincaidGrade(5, 1, 7) - levels.flesch_kincaid_grade!.SHORT_TEXT!) < 1e-9);
    assert.ok(Math.abs(smog(1, 1) - levels.smog_index!.SHORT_TEXT!) < 1e-3);
    assert.equal(r.metrics.fleschReadingEase, Math.round(fleschReadingEase(5, 1, 6) * 10) / 10);
    assert.equal(r.metrics.fleschKincaidGrade, Math.round(fleschKincaidGrade(5, 1, 6) * 10) / 10);
  });

  it('Coleman-Liau is within 10 % of textstat (which uses 0.058 for 0.0588)', () => {
    const want = levels.coleman_liau_index!.SHORT_TEXT!;
    assert.ok(Math.abs(r.metrics.colemanLiau! - want) <= 0.1 * want, `${r.metrics.colemanLiau} vs ${want}`);
  });

  it('ARI counts letters and digits only; textstat also counts the period (24 vs 25 characters)', () => {
    assert.equal(r.metrics.automatedReadability, Math.round(automatedReadability(5, 1, 24) * 10) / 10);
    assert.ok(Math.abs(automatedReadability(5, 1, 25) - levels.automated_readability_index!.SHORT_TEXT!) < 1e-9);
  });
});
