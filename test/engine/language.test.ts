import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { detectByFunctionWords, detectLanguage } from '../../server/src/engine/language/detect.js';
import { md, txt, of, config, sentenceOf } from './helpers.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYamlWithSchema } from '../../server/src/engine/config/validate.js';

const NL_PARA = 'Problematische schulden hebben grote gevolgen voor huishoudens, voor werkgevers en voor de gemeente. Hoe eerder de hulp begint, hoe kleiner de schade. Daarom is het van belang om vroeg te beginnen met het gesprek.';
const EN_PARA = 'Fernbridge has one of the highest rates of economic inactivity in the region. Around one in nine working-age residents claims an out-of-work benefit. Earlier studies show that the longer people are out of work, the harder it becomes to return.';
// 35 words, one sentence, with an English seam (", which") for the split hint.
const EN_ABSTRACT = 'This report presents the findings of an evaluation of a local employment support programme, which was set up by the council to help long-term benefit claimants into paid work in the north of the city.';

describe('language: per document', () => {
  it('detects Dutch and English documents', () => {
    assert.equal(md(`# Titel\n\n${NL_PARA}\n`).language, 'nl');
    assert.equal(md(`# Title\n\n${EN_PARA}\n`).language, 'en');
    assert.equal(txt(NL_PARA).language, 'nl');
    assert.equal(txt(EN_PARA).language, 'en');
  });

  it('messages come in both languages; the document language decides which rules and thresholds apply', () => {
    const r = md(`# Title\n\n${EN_PARA} ${sentenceOf(30, 'en')}\n`);
    const f = of(r, 'readability/long-sentence')[0]!;
    assert.match(f.message.en, /30 words; more than 25/);
    assert.match(f.message.nl, /30 woorden\. Meer dan 25/);
  });

  it('detectLanguage: franc for longer texts, function words for short ones, the fallback when neither knows', () => {
    assert.equal(detectLanguage(NL_PARA), 'nl');
    assert.equal(detectLanguage(EN_PARA), 'en');
    assert.equal(detectLanguage('Dit is het.'), 'nl');
    assert.equal(detectLanguage('This is it.'), 'en');
    assert.equal(detectLanguage('UWV 2023', 'en'), 'en', 'no evidence: the fallback');
    assert.equal(detectLanguage('UWV 2023'), 'nl', 'the default fallback is Dutch');
  });

  it('detectByFunctionWords: the same verdict as counting the words of /[\\p{L}\']+/gu in lower case (fast-check)', () => {
    const hints = JSON.parse(readFileSync(join(import.meta.dirname, '../../dictionaries/language-hints.json'), 'utf8')) as { languages: Record<'nl' | 'en', { functionWords: string[] }> };
    const nlWords = new Set(hints.languages.nl.functionWords);
    const enWords = new Set(hints.languages.en.functionWords);
    const reference = (text: string) => {
      let nl = 0;
      let en = 0;
      for (const m of text.matchAll(/[\p{L}']+/gu)) {
        const w = m[0].toLowerCase();
        if (nlWords.has(w)) nl++;
        if (enWords.has(w)) en++;
      }
      return nl === en || nl + en < 2 ? undefined : nl > en ? 'nl' : 'en';
    };
    const piece = fc.constantFrom('de', 'het', 'een', 'the', 'and', 'of', 'DE', 'The', "it's", "'t", 'van', 'dat', 'is', 'in', 'cliënt', 'été', 'Ĳ', 'İn', '\u212Aa', '𝐀n', '😀', '\ud800', '\udc00', ' ', ' ', ', ', '.', "'", '-', '1', '\n', 'zo', 'to', 'we', 'wij', 'hebben', 'with');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (ps) => {
        const text = ps.join('');
        assert.equal(detectByFunctionWords(text), reference(text), JSON.stringify(text));
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  it('detectByFunctionWords: needs two function words and a clear lead', () => {
    assert.equal(detectByFunctionWords('de cliënt en het werk'), 'nl');
    assert.equal(detectByFunctionWords('the client and the work'), 'en');
    assert.equal(detectByFunctionWords('The client.'), undefined, 'one function word is not enough');
    assert.equal(detectByFunctionWords('in is'), undefined, 'shared words give no lead');
    assert.equal(detectByFunctionWords(''), undefined);
  });

  it('short texts fall back on function words', () => {
    assert.equal(txt('Het is een zin.').language, 'nl');
    assert.equal(txt('It is a sentence.').language, 'en');
    assert.equal(md('# Kop\n\nDe tekst is kort.\n').language, 'nl');
    assert.equal(md('# Head\n\nThe text is short.\n').language, 'en');
  });

  it('the language option and configuration override detection', () => {
    assert.equal(txt(EN_PARA, { language: 'nl' }).language, 'nl');
    assert.equal(txt(NL_PARA, { language: 'en' }).language, 'en');
    assert.equal(txt(EN_PARA, { config: config({ language: 'nl' }) }).language, 'nl');
    assert.equal(txt(EN_PARA, { config: config({ language: 'auto' }) }).language, 'en');
  });

  it('<!-- brug-language nl --> before the first block fixes the document language', () => {
    assert.equal(md(`<!-- brug-language nl -->\n\n${EN_PARA}\n`).language, 'nl');
    assert.equal(md(`<!-- brug-language english -->\n\n${NL_PARA}\n`).language, 'en');
    assert.equal(txt(`brug-language en\n${NL_PARA}\n`).language, 'en');
  });

  it('a brug-language directive later in the document sets the language of the blocks after it', () => {
    const text = `# Titel\n\n${NL_PARA}\n\n<!-- brug-language en -->\n\nShort text in English here.\n\n<!-- brug-language nl -->\n\nKorte tekst.\n`;
    const r = md(text);
    assert.equal(r.language, 'nl');
    const langs = r.blocks.map((b) => [b.analysed.block.text.slice(0, 10), b.analysed.language]);
    assert.deepEqual(langs, [['Titel', 'nl'], [NL_PARA.slice(0, 10), 'nl'], ['Short text', 'en'], ['Korte teks', 'nl']]);
  });

  it('front matter lang: declares the language', () => {
    assert.equal(md(`---\nlang: nl-NL\n---\n\n${EN_PARA}\n`).language, 'nl');
    assert.equal(md(`---\ntaal: english\n---\n\n${NL_PARA}\n`).language, 'en');
  });
});

describe('language: per block', () => {
  const doc = `# Rapport over de aanpak\n\n## Samenvatting\n\nDe gemeente wil schulden eerder opsporen. Daarvoor startte ze een programma. Dit rapport laat zien hoe dat werkt.\n\n## Abstract\n\n${EN_ABSTRACT}\n\n## Inleiding\n\n${NL_PARA}\n`;

  it('an English abstract (25 words or more) in a Dutch document is checked as English', () => {
    const r = md(doc);
    assert.equal(r.language, 'nl');
    const abstract = r.blocks.find((b) => b.analysed.block.text === EN_ABSTRACT)!;
    assert.equal(abstract.analysed.language, 'en');
    assert.equal(r.sections.find((s) => s.title === 'Abstract')!.language, 'en');
    assert.equal(r.sections.find((s) => s.title === 'Abstract')!.role, 'summary');
    assert.ok(r.sections.find((s) => s.title === 'Abstract')!.metrics.fleschReadingEase !== undefined, 'English metrics for an English section');
    assert.equal(r.sections.find((s) => s.title === 'Inleiding')!.language, 'nl');
  });

  it('its long sentence gets the English split hint and English passive detection', () => {
    const r = md(doc);
    const long = of(r, 'readability/long-sentence').filter((f) => doc.slice(f.offset, f.endOffset) === EN_ABSTRACT);
    assert.equal(long.length, 1);
    // 35 words in an English block of a Dutch report: within the English margin of 15 words (languageMargin, the
    // block's language, not the document's), so a hint; the Dutch margin of 4 would have shown it.
    assert.equal(long[0]!.severity, 'hint');
    assert.equal(long[0]!.data!.words, 35);
    assert.match(long[0]!.message.en, /Split it, for example at "which"/);
    // The abstract's passive ("was set") is found with the English rules: it counts in the section's passive share.
    assert.ok(r.sections.find((s) => s.title === 'Abstract')!.metrics.passiveShare > 0);
  });

  it('a block shorter than 25 words in the other language follows the document language', () => {
    const r = md('# Titel\n\nDe gemeente helpt inwoners met schulden en met werk. Zo doen we dat hier.\n\nThe council helps residents with debt.\n');
    assert.deepEqual(r.blocks.map((b) => b.analysed.language), ['nl', 'nl', 'nl']);
  });

  it('table cells and headings keep the document language', () => {
    const r = md(`# Titel\n\n${NL_PARA}\n\n| ${EN_ABSTRACT} |\n|---|\n| x |\n`);
    assert.deepEqual(r.blocks.filter((b) => b.analysed.block.kind !== 'paragraph').map((b) => b.analysed.language), ['nl', 'nl', 'nl']);
  });
});

describe('language: the detection hints are data (dictionaries/language-hints.json)', () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dictionaries');
  const text = readFileSync(join(dir, 'language-hints.json'), 'utf8');
  const schema = JSON.parse(readFileSync(join(dir, 'language-hints.schema.json'), 'utf8')) as object;

  it('validates against its schema, and a broken file does not', () => {
    const r = parseYamlWithSchema<{ languages: Record<'nl' | 'en', { functionWords: string[] }> }>(text, schema);
    assert.deepEqual(r.problems, []);
    assert.ok(r.value!.languages.nl.functionWords.length >= 20 && r.value!.languages.en.functionWords.length >= 20);
    assert.ok(parseYamlWithSchema(text.replace('"functionWords"', '"words"'), schema).problems.length > 0);
  });

  it('every example is detected as its language by the function words alone', () => {
    const data = JSON.parse(text) as { languages: Record<'nl' | 'en', { examples: { match: string[]; noMatch: string[] } }> };
    for (const language of ['nl', 'en'] as const) {
      for (const s of data.languages[language].examples.match) assert.equal(detectByFunctionWords(s), language, s);
      for (const s of data.languages[language].examples.noMatch) assert.notEqual(detectByFunctionWords(s), language, s);
    }
  });
});
