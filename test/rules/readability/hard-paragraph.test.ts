import { strict as assert } from 'node:assert';
import { md, txt, of, flagged, config, countWords } from '../../engine/helpers.js';
import { HARD_NL, LONG_WORDS_NL, LONG_SENTENCE_NL, MEDIUM_NL, EASY_NL, HARD_EN, MEDIUM_EN, EASY_EN } from './fixtures.js';

const RULE = 'readability/hard-paragraph';
const doc = (body: string) => `# Rapport\n\nKort.\n\n## Inleiding\n\n${body}\n`;

describe(RULE, () => {
  it('flags a hard Dutch paragraph of 40 words or more, over its whole range, as a hint by default', () => {
    const text = doc(HARD_NL);
    const r = md(text);
    assert.deepEqual(flagged(r, text, RULE), [HARD_NL]);
    const f = of(r, RULE)[0]!;
    assert.equal(f.severity, 'hint');
    assert.equal(f.data!.minScore, 30);
    assert.equal(f.data!.score, 0, "the score stays on its scale (the formula goes below 0 here)");
    // Its one sentence of 41 words is the long-sentence rule's finding; here the long words are the cause.
    assert.match(f.message.nl, /^Deze alinea is moeilijk te lezen \(Flesch-Douma -?\d+(,\d)?, onder 30\): lange woorden, gemiddeld 41 woorden per zin/);
    assert.match(f.message.en, /\(Flesch-Douma .*, below 30\): long words/);
  });

  it('nl + en: a hint for practitioner and academic; visible: true, audience general or a configured severity shows it', () => {
    for (const body of [HARD_NL, HARD_EN]) {
      const text = body === HARD_NL ? doc(body) : `# Report\n\nShort.\n\n## Introduction\n\n${body}\n`;
      const sev = (raw: Record<string, unknown>) => of(md(text, { config: config(raw) }), RULE).map((f) => f.severity);
      assert.deepEqual(sev({}), ['hint']);
      assert.deepEqual(sev({ audience: 'academic' }), ['hint']);
      assert.deepEqual(sev({ audience: 'general' }), ['info']);
      assert.deepEqual(sev({ rules: { [RULE]: { options: { visible: true } } } }), ['info']);
      assert.deepEqual(sev({ rules: { [RULE]: { severity: 'warning' } } }), ['warning']);
    }
  });

  it('the range runs from the first to the last sentence of a paragraph of several', () => {
    const text = doc(LONG_WORDS_NL);
    assert.deepEqual(flagged(md(text, { config: config({ audience: 'general' }) }), text, RULE), [LONG_WORDS_NL]);
  });

  it('names the cause: long words, or long sentences and long words', () => {
    assert.match(of(md(doc(LONG_WORDS_NL), { config: config({ audience: 'general' }) }), RULE)[0]!.message.en, /: long words, on average 4\.2 words per sentence/);
    // Sentences of 24 words (none over the limit) with long words: both are the cause.
    const s24 = 'De beleidsmedewerkers van de gemeentelijke organisatie beoordeelden de operationalisering van de vroegsignalering als onvoldoende geëxpliciteerd en onvoldoende afgestemd op de werkprocessen van de maatschappelijke dienstverleners.';
    const both = of(md(doc(`${s24} ${s24}`)), RULE);
    assert.match(both[0]!.message.en, /: long sentences and long words, on average 2\d words per sentence/);
  });

  it('findings do not stack: a paragraph that is hard only because of a long sentence is the long-sentence rule\'s', () => {
    // Flesch-Douma 20.9, but only because of its one sentence of 85 words: long-sentence says it.
    const r = md(doc(LONG_SENTENCE_NL));
    assert.equal(of(r, RULE).length, 0);
    assert.equal(of(r, 'readability/long-sentence').length, 1);
    const en = `# Report\n\n## Findings\n\n${'The caseworker calls the resident and asks how things are and whether there is money for the rent and whether there are bills on the table that need to be paid this week or next week or the week after that one, and then they look at the post together.'}\n`;
    assert.equal(of(md(en), RULE).length, 0);
    assert.equal(of(md(en), 'readability/long-sentence').length, 1);
  });

  it('does not flag an easy paragraph, nor a hard one of fewer than 40 words', () => {
    assert.deepEqual(of(md(doc(EASY_NL)), RULE), []);
    const short = LONG_WORDS_NL.split('. ').slice(0, 7).join('. ') + '.';
    assert.ok(countWords(short) < 40);
    assert.deepEqual(of(md(doc(short)), RULE), []);
  });

  it('English: Flesch Reading Ease below 30', () => {
    const text = `# Report\n\n## Findings\n\n${HARD_EN}\n\n${MEDIUM_EN}\n\n${EASY_EN}\n`;
    const r = md(text);
    assert.equal(r.language, 'en');
    // MEDIUM_EN (21.1) has sentences of 14 words on average: long words alone, quiet by default; general shows it.
    assert.deepEqual(flagged(r, text, RULE), [HARD_EN]);
    assert.deepEqual(flagged(md(text, { config: config({ audience: 'general' }) }), text, RULE), [HARD_EN, MEDIUM_EN]);
    assert.match(of(r, RULE)[0]!.message.en, /Flesch Reading Ease/);
  });

  it('audience profiles: academic below 15, general below 50', () => {
    const academic = config({ audience: 'academic' });
    const general = config({ audience: 'general' });
    // −73.9 in short sentences of long words: general only; 39.5 below general's 50 only.
    assert.equal(of(md(doc(LONG_WORDS_NL), { config: academic }), RULE).length, 0);
    assert.equal(of(md(doc(LONG_WORDS_NL), { config: general }), RULE).length, 1);
    assert.equal(of(md(doc(HARD_NL), { config: academic }), RULE)[0]!.data!.minScore, 15);
    // 39.5: practitioner no, general yes.
    assert.equal(of(md(doc(MEDIUM_NL)), RULE).length, 0);
    assert.deepEqual(of(md(doc(MEDIUM_NL), { config: general }), RULE).map((f) => f.data!.minScore), [50]);
    assert.equal(of(md(doc(EASY_NL), { config: general }), RULE).length, 0);
  });

  it('options override: minScore and minWords', () => {
    assert.equal(of(md(doc(MEDIUM_NL), { config: config({ rules: { [RULE]: { options: { minScore: 45, minAverageSentenceWords: 0 } } } }) }), RULE).length, 1);
    const short = LONG_WORDS_NL.split('. ').slice(0, 7).join('. ') + '.';
    assert.equal(of(md(doc(short), { config: config({ rules: { [RULE]: { options: { minWords: 20, minAverageSentenceWords: 0 } } } }) }), RULE).length, 1);
  });

  it('nl + en: short sentences of long words stay quiet by default (everyday compounds a rewrite cannot shorten); general shows them', () => {
    const nl = 'Ondanks het personeelstekort wijzen de zorgverleners naar de mantelzorgers. De mantelzorgers ervaren overbelasting. De thuiszorgorganisaties zoeken ondersteuningsmogelijkheden. De gemeentelijke dagbestedingsvoorzieningen hebben wachtlijsten. Medicatievoorbereiding kost verpleegkundigen veel tijd. Woonzorgcentra organiseren informatiebijeenkomsten. Vrijwilligersorganisaties ondersteunen mantelzorgers met respijtzorg. Wijkverpleegkundigen signaleren overbelasting. Huisartsenpraktijken verwijzen naar casemanagers dementie.';
    const en = 'Caseworkers coordinate accommodation applications. Administrative responsibilities overwhelm organisations. Municipal authorities evaluate eligibility documentation. Community organisations provide accessibility information. Residents appreciate individualised communication. Safeguarding responsibilities require considerable documentation. Organisations communicate eligibility information. Practitioners appreciate organisational flexibility. Municipalities coordinate accommodation arrangements. Caseworkers prioritise vulnerable individuals.';
    for (const body of [nl, en]) {
      assert.equal(of(md(doc(body)), RULE).length, 0, body);
      assert.equal(of(md(doc(body), { config: config({ audience: 'academic' }) }), RULE).length, 0, body);
      assert.equal(of(md(doc(body), { config: config({ audience: 'general' }) }), RULE).length, 1, body);
    }
  });

  it('nl + en: a list item that defines a term or an indicator is no prose to rewrite', () => {
    const nl = `- WMO: ${HARD_NL}`;
    const en = `- Arrears: ${HARD_EN}`;
    assert.equal(of(md(doc(nl)), RULE).length, 0);
    assert.equal(of(md(`# Report\n\n## Findings\n\n${en}\n`), RULE).length, 0);
    assert.equal(of(md(`# Report\n\n## Findings\n\n- ${HARD_EN}\n`), RULE).length, 1);
  });

  it('list items are checked; headings and table cells are not', () => {
    assert.equal(of(md(doc(`- ${HARD_NL}`)), RULE).length, 1);
    assert.equal(of(md(`# ${HARD_NL}\n\nKort.\n`), RULE).length, 0);
    assert.equal(of(md(doc(`| a |\n|---|\n| ${HARD_NL} |`)), RULE).length, 0);
  });

  it('plain text paragraphs are checked the same way', () => {
    const text = `Rapport\n\n${HARD_NL}\n\n${EASY_NL}\n`;
    assert.deepEqual(flagged(txt(text), text, RULE), [HARD_NL]);
  });

  it('nl + en: a paragraph that is mostly a list of names (acknowledgements) is no prose to rewrite', () => {
    const names = 'Laura Acion, Jorge Aranda, Mara Averick, Erin Becker, Yanina Bellini Saibene, Azalee Bostroem, Hugo Bowne-Anderson, Neil Chue Hong, Karen Cranston, Katie Cunningham, Natasha Danas, Matt Davis, Neal Davis, Mark Degani, Tim Dennis, Paul Denny, Michael Deutsch, Brian Dillingham, Grae Drake, Kathi Fisler, Denae Ford, Auriel Fournier, Bob Freeman, Nathan Garrett, Mark Guzdial';
    const en = `# Report\n\n## Acknowledgements\n\nThis book would not exist without the contributions of ${names}, and many others.\n`;
    const nl = `# Rapport\n\n## Dankwoord\n\nDit boek was er niet gekomen zonder de bijdragen van ${names}, en vele anderen.\n`;
    for (const text of [en, nl]) {
      assert.deepEqual(of(md(text, { config: config({ audience: 'general' }) }), RULE), [], text.slice(0, 20));
      assert.deepEqual(of(md(text), 'readability/long-sentence'), [], text.slice(0, 20));
    }
  });
});

