import { strict as assert } from 'node:assert';
import { blockAttribution, findQuotes, isSpeech } from '../../server/src/engine/text/quotes.js';
import { check, findings } from './helpers.js';

describe('client: quotation detection', () => {
  const speech = (text: string, lang: 'nl' | 'en' = 'nl') => findQuotes(text, lang).filter((q) => q.speech).map((q) => text.slice(q.start, q.end));

  it('finds first-person speech in curly, straight and low-high quotation marks', () => {
    assert.deepEqual(speech('Zij zei: “Ik durfde de brieven niet meer open te maken.”'), ['“Ik durfde de brieven niet meer open te maken.”']);
    assert.deepEqual(speech('Een moeder: "Mijn kinderen merken het ook."'), ['"Mijn kinderen merken het ook."']);
    assert.deepEqual(speech('Hij zei „ik heb geen geld voor de bus” en liep weg.'), ['„ik heb geen geld voor de bus”']);
    assert.deepEqual(speech("'Ik kies lesgeld, dat is het grootste bedrag'"), ["'Ik kies lesgeld, dat is het grootste bedrag'"]);
    assert.deepEqual(speech('One parent said “I rang three times before anyone picked up.”', 'en'), ['“I rang three times before anyone picked up.”']);
  });

  it('reads LaTeX quotation marks', () => {
    assert.deepEqual(speech("A learner wrote ``I was lost after the second exercise.''", 'en'), ["``I was lost after the second exercise.''"]);
  });

  it('does not take apostrophes, scare quotes, names or interface labels for speech', () => {
    assert.deepEqual(speech("Er zijn vier scenario's getest en 's avonds was het stil."), []);
    assert.deepEqual(speech('Het zogenaamde “maatwerk” werkt niet altijd.'), []);
    assert.deepEqual(speech('Volgens de criteria van de “American Psychiatric Association” zijn er negen symptomen.'), []);
    assert.deepEqual(speech("In het menu staat het label 'Kom ik in aanmerking' en daaronder een knop."), []);
    assert.deepEqual(speech("Een respondent klikte op 'Kom ik in aanmerking' en daarna op 'Volgende'."), []);
    assert.deepEqual(speech('Participants used the term “disagg” for that report.', 'en'), []);
  });

  it('accepts a wrongly closed Dutch quotation (“…“) after a verb of saying', () => {
    assert.deepEqual(speech('Een respondent zei: “Weet ook niet waarom dit open rondjes zijn“.'), ['“Weet ook niet waarom dit open rondjes zijn“']);
  });

  it('keeps the attribution after or before a quotation', () => {
    const at = (text: string, lang: 'nl' | 'en' = 'nl') => findQuotes(text, lang).filter((q) => q.speech).map((q) => [q.attribution, q.attributionAt]);
    assert.deepEqual(at('“Ik wist niet waar ik moest beginnen.” (cliënt, 45)'), [['(cliënt, 45)', 'after']]);
    assert.deepEqual(at('“Het formulier was veel te lang voor mij.” R12'), [['R12', 'after']]);
    assert.deepEqual(at('“We had nowhere else to go.” — a parent', 'en'), [['— a parent', 'after']]);
    assert.deepEqual(at('R12: “Het formulier was veel te lang voor mij.”'), [['R12', 'label']]);
    assert.deepEqual(at('Consultant 2: “We all have different approaches to this.”', 'en'), [['Consultant 2', 'label']]);
    assert.deepEqual(at('“She was the first person who asked what we needed,” said one mother.', 'en'), [['said one mother', 'after']]);
    assert.deepEqual(at('Een bewoner vertelde: “De brief was eng, ik snapte er niks van.”'), [[undefined, 'lead-in']]);
  });

  it('recognises a quoted block as speech by its first person or its attribution', () => {
    assert.ok(isSpeech('Ik wist niet waar ik moest beginnen.', 'nl'));
    assert.ok(isSpeech('Nooit meer zo’n brief, graag. (cliënt, 45)', 'nl'));
    assert.equal(blockAttribution('De wachttijd was te lang — een moeder'), 'een moeder');
    assert.ok(!isSpeech('Zie voor de definities de bijlage (zie bijlage 2).', 'nl'));
    assert.ok(!isSpeech('The data dictionary lists every field.', 'en'));
  });

  it('keeps other rules out of client quotations', () => {
    const long = '> "Ik heb drie maanden gewacht op een gesprek en in die tijd kwamen er elke week nieuwe brieven binnen, die ik niet meer openmaakte omdat ik bang was voor wat erin stond en niemand had om mee te praten." (cliënt, 52)';
    const { r } = check(`# Ervaringen\n\n${long}\n`);
    assert.equal(findings(r, 'readability/long-sentence').length, 0);
    const plain = check('# Ervaringen\n\nIk heb drie maanden gewacht op een gesprek en in die tijd kwamen er elke week nieuwe brieven binnen, die ik niet meer openmaakte omdat ik bang was voor wat erin stond en niemand had om mee te praten.\n');
    assert.equal(findings(plain.r, 'readability/long-sentence').length, 1);
  });
});

describe('one list of person words for attributions (dictionaries/client/*/people.yml)', () => {
  it('nl and en: a first-person paragraph closed by a person in parentheses is attributed, a reference is not', async () => {
    const { endsWithPersonAttribution } = await import('../../server/src/engine/text/quotes.js');
    assert.ok(endsWithPersonAttribution('Ik durfde de post niet open te maken. (R4)'));
    assert.ok(endsWithPersonAttribution('Ik durfde de post niet open te maken. (bewoner, 45 jaar)'));
    assert.ok(endsWithPersonAttribution('I did not dare to open the post. (carer, 52)'));
    assert.ok(!endsWithPersonAttribution('Ik durfde de post niet open te maken. (zie bijlage 2)'));
    assert.ok(!endsWithPersonAttribution('I did not dare to open the post. (Smith, 2019)'));
  });

  it('nl and en: a professional label names a professional speaker', () => {
    const nl = findQuotes('Verpleegkundige: “Ik sla mijn pauze vaak over.”', 'nl');
    assert.equal(nl[0]?.attribution, 'Verpleegkundige');
    const en = findQuotes('Team leader: “I often skip my break.”', 'en');
    assert.equal(en[0]?.attribution, 'Team leader');
  });
  it('answers for the text and language asked, also right after another block or language (the last answer is kept)', () => {
    const text = 'Een deelnemer schreef: “I was lost” en stopte.';
    const en = findQuotes(text, 'en').map((q) => [q.start, q.end, q.speech]);
    const nl = findQuotes(text, 'nl').map((q) => [q.start, q.end, q.speech]);
    // Three English words are speech in English; in Dutch text the other language's "I" needs more words.
    assert.deepEqual(en, [[23, 35, true]]);
    assert.deepEqual(nl, [[23, 35, false]]);
    assert.deepEqual(findQuotes(text, 'en').map((q) => [q.start, q.end, q.speech]), en);
    const other = 'Zij zei: “Ik durfde de brieven niet meer open te maken.”';
    assert.deepEqual(findQuotes(other, 'nl').map((q) => q.speech), [true]);
    assert.deepEqual(findQuotes(text, 'nl').map((q) => [q.start, q.end, q.speech]), nl);
    // The same text in another string object.
    assert.deepEqual(findQuotes([text.slice(0, 10), text.slice(10)].join(''), 'en').map((q) => [q.start, q.end, q.speech]), en);
    assert.deepEqual(findQuotes('One parent said “I rang three times.”', 'en').map((q) => q.speech), [true]);
  });
});
