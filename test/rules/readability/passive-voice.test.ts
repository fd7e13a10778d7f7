import { strict as assert } from 'node:assert';
import { md as baseMd, of, flagged, config as baseConfig } from '../../engine/helpers.js';
import type { LintOptions } from '../../../server/src/index.js';
import { splitSentences } from '../../../server/src/engine/text/sentences.js';
import { findPassives, wordSpan, activeExample } from '../../../server/src/engine/text/passive.js';
import type { Language } from '../../../server/src/index.js';

const RULE = 'readability/passive-voice';
/**
 * Passive hints are off by default except for a general audience (see the last tests here): the tests of what the
 * rule finds switch it on with `enabled: true`, keeping every other option of the profile.
 */
function config(raw: Record<string, unknown> = {}) {
  const rules = { ...((raw.rules as Record<string, { options?: Record<string, unknown> }> | undefined) ?? {}) };
  rules[RULE] = { ...(rules[RULE] ?? {}), options: { enabled: true, ...(rules[RULE]?.options ?? {}) } };
  return baseConfig({ ...raw, rules });
}
/** The audience that also gets long passives: the long-sentence traps below must hold there. */
const GENERAL = config({ audience: 'general' });
/**
 * Most tests here check how every hidden actor is found and classified: they run with decisionsOnly: false. The
 * default (only hidden decisions and stacked passives) has its own tests below.
 */
const ALL_HIDDEN = config({ rules: { [RULE]: { options: { decisionsOnly: false } } } });
/** The rule switched on with the practitioner profile's other defaults. */
const ON: LintOptions = { config: config() };
const md = (text: string, options?: LintOptions) => baseMd(text, options ?? { config: ALL_HIDDEN });

/** The passive phrases a sentence holds, as the rule would underline them. */
function passives(sentence: string, language: Language): string[] {
  return splitSentences(sentence, language).flatMap((s) => findPassives(s, language).map((p) => sentence.slice(...wordSpan(s.words, p.auxiliary, p.participle))));
}

const NL_PASSIVE: Array<[string, string[]]> = [
  ['De aanvraag wordt beoordeeld.', ['wordt beoordeeld']],
  ['De aanvragen worden geweigerd.', ['worden geweigerd']],
  ['Het plan wordt uitgevoerd.', ['wordt uitgevoerd']],
  ['De brief werd gisteren verstuurd.', ['werd gisteren verstuurd']],
  ['Hij zegt dat de aanvraag snel wordt beoordeeld.', ['wordt beoordeeld']],
  ['We weten niet of de signalen tijdig worden opgevolgd.', ['worden opgevolgd']],
  ['Geconcludeerd kan worden dat het programma werkt.', ['Geconcludeerd kan worden']],
  ['Er wordt gekeken naar de gegevens.', ['wordt gekeken']],
  ['Er wordt veel gedaan.', ['wordt veel gedaan']],
  ['Er werd besloten om door te gaan.', ['werd besloten']],
  ['De data zijn onderzocht.', ['zijn onderzocht']],
  ['Klanten zijn niet geïnterviewd.', ['zijn niet geïnterviewd']],
  ['Het rapport is geschreven door twee onderzoekers.', ['is geschreven']],
  ['De variabelen zijn gebruikt in de periode 2017-2021.', ['zijn gebruikt']],
  ['De gegevens worden aangeleverd door de partners.', ['worden aangeleverd']],
  ['De zelfredzaamheid wordt door de klantmanagers verschillend ingeschat.', ['wordt door de klantmanagers verschillend ingeschat']],
  ['Het wordt door de inwoners herkend.', ['wordt door de inwoners herkend']],
];
const NL_ACTIVE = [
  'De klantmanager belt de inwoner.',
  'Het aantal signalen is gestegen.',
  'Het is gebleken dat het werkt.',
  'Zij is verhuisd naar Utrecht.',
  'De gemeente is betrokken bij het project.',
  'Dat is bekend.',
  'Het bureau is gevestigd in Utrecht.',
  'Ik ben benieuwd naar de uitkomst.',
  'Hij wordt arts.',
  'Het wordt beter.',
  'Bij deze groepen is sprake van een verhoogd risico.',
  'Het is niet duidelijk hoe deze gedragscode zich verhoudt tot de afspraken.',
  'Ze zijn vatbaar voor afleiding en hebben moeite met het onthouden van details.',
  'De samenwerking is in de afgelopen jaren verbeterd.',
];

const EN_PASSIVE: Array<[string, string[]]> = [
  ['The decision was made.', ['was made']],
  ['The report was written by two researchers.', ['was written']],
  ['The data were analysed.', ['were analysed']],
  ['The clients were interviewed by the team.', ['were interviewed']],
  ['They were often asked about it.', ['were often asked']],
  ['The participants were not recruited.', ['were not recruited']],
  ['It is recommended that the programme is continued.', ['is recommended', 'is continued']],
  ['The plan has been reviewed.', ['been reviewed']],
];
const EN_ACTIVE = [
  'She was interested in the results.',
  'The council made a decision.',
  'He is tired.',
  'The need is great.',
  'The report is based on interviews.',
  'We are committed to the work.',
  'It was not possible to conduct an analysis.',
  'The caseworkers were experienced.',
];

describe(RULE, () => {
  describe('Dutch', () => {
    for (const [s, want] of NL_PASSIVE) it(`finds ${JSON.stringify(want)} in "${s}"`, () => assert.deepEqual(passives(s, 'nl'), want));
    for (const s of NL_ACTIVE) it(`finds no passive in "${s}"`, () => assert.deepEqual(passives(s, 'nl'), []));

    it('detects the agent ("door") and the impersonal "er wordt"', () => {
      const [s] = splitSentences('De aanvraag werd door de gemeente beoordeeld.', 'nl');
      assert.deepEqual(findPassives(s!, 'nl').map((p) => [p.agent, p.impersonal]), [[true, false]]);
      const [t] = splitSentences('Er wordt gekeken naar de gegevens.', 'nl');
      assert.deepEqual(findPassives(t!, 'nl').map((p) => [p.agent, p.impersonal]), [[false, true]]);
      const [u] = splitSentences('Er werd besloten om door te gaan.', 'nl');
      assert.deepEqual(findPassives(u!, 'nl').map((p) => p.agent), [false], '"door te gaan" names no actor');
    });

    it('flags only passives where rewriting helps: who decided is hidden, impersonal, negated decision, stacked or long', () => {
      const text = '# T\n\nDe aanvraag wordt beoordeeld. Er wordt gekeken naar de gegevens. De aanvraag werd door de gemeente beoordeeld. De gegevens zijn in 2020 verzameld. Klanten zijn niet geïnterviewd. De subsidies zijn niet toegekend.\n';
      const r = md(text);
      assert.deepEqual(flagged(r, text, RULE), ['wordt beoordeeld', 'wordt gekeken', 'zijn niet toegekend']);
      const [decided, impersonal, negated] = of(r, RULE);
      assert.match(decided!.message.nl, /^Lijdende vorm \("wordt beoordeeld"\): wie besliste of is verantwoordelijk\?/);
      assert.match(impersonal!.message.nl, /zonder handelende persoon \("wordt gekeken"\): wie doet dit\?/);
      assert.deepEqual(of(r, RULE).map((f) => f.data!.reason), ['responsibility', 'impersonal', 'responsibility']);
      assert.ok(of(r, RULE).every((f) => f.severity === 'hint'));
    });

    it('builds the example from the sentence itself', () => {
      const r = md('# T\n\nDe aanvraag wordt beoordeeld. Er is besloten om de regeling te stoppen. De subsidies zijn niet toegekend.\n');
      assert.deepEqual(of(r, RULE).map((f) => /Bijvoorbeeld: "([^"]+)"/.exec(f.message.nl)?.[1]), ['[wie?] heeft de aanvraag beoordeeld', '[wie?] heeft besloten', '[wie?] heeft de subsidies toegekend']);
      // A fronted adverb is not the subject: "Hierbij werd …", "Vervolgens werd …" (was "[wie?] heeft vervolgens bepaald").
      assert.deepEqual(of(md('# T\n\nVervolgens werd de aanvraag afgewezen.\n'), RULE).map((f) => /Bijvoorbeeld: "([^"]+)"/.exec(f.message.nl)?.[1]), ['[wie?] heeft de aanvraag afgewezen']);
      const long = 'De zelfredzaamheid van de inwoners met schulden wordt in de drie wijkteams van de gemeente op heel verschillende manieren ingeschat en vastgelegd.';
      // Long passives are reported for a general audience; by default the long sentence gets its own finding.
      assert.deepEqual(of(md(`# T\n\n${long}\n`), RULE), []);
      const general = config({ audience: 'general' });
      const f = of(md(`# T\n\n${long}\n`, { config: general }), RULE)[0]!;
      assert.equal(f.data!.reason, 'long');
      assert.match(f.message.nl, /Bijvoorbeeld: "\[wie\?\] heeft de zelfredzaamheid van de inwoners ingeschat"/);
      // A long passive that names its actor, or stands in a dependent clause, is left alone.
      assert.deepEqual(of(md('# T\n\nDe zelfredzaamheid van de inwoners met schulden wordt door de klantmanagers van de drie wijkteams in de gemeente op heel verschillende manieren ingeschat.\n', { config: general }), RULE), []);
    });

    it('never a garbled example: none with a modal verb, and the subject stops where the verbs start', () => {
      const example = (t: string) => splitSentences(t, 'nl').flatMap((s) => findPassives(s, 'nl').map((p) => activeExample(t, s, p, 'nl')));
      // Was "[wie?] heeft het prototype moet verbeterd verbeterd".
      assert.deepEqual(example('Het prototype moet verbeterd worden op drie punten.'), [undefined]);
      assert.deepEqual(example('De aanvraag moet binnen acht weken door de gemeente worden beoordeeld.'), [undefined]);
      assert.deepEqual(example('We stoppen omdat het prototype verbeterd werd door het team.'), ['het team heeft het prototype verbeterd']);
      const f = of(md('# T\n\nDe aanvraag moet worden beoordeeld.\n'), RULE)[0];
      if (f) assert.doesNotMatch(f.message.nl, /Bijvoorbeeld/);
    });

    it('stacked passives in one sentence are one finding', () => {
      const r = md('# T\n\nDe gegevens werden verzameld, daarna werden ze geanalyseerd en ten slotte werden ze gepubliceerd.\n');
      assert.deepEqual(of(r, RULE).map((f) => [f.data!.reason, f.data!.passives]), [['stacked', 3]]);
    });
  });

  describe('English', () => {
    for (const [s, want] of EN_PASSIVE) it(`finds ${JSON.stringify(want)} in "${s}"`, () => assert.deepEqual(passives(s, 'en'), want));
    for (const s of EN_ACTIVE) it(`finds no passive in "${s}"`, () => assert.deepEqual(passives(s, 'en'), []));

    it('detects "by" + agent', () => {
      const [s] = splitSentences('The clients were interviewed by the team.', 'en');
      assert.equal(findPassives(s!, 'en')[0]!.agent, true);
      const [t] = splitSentences('The clients were interviewed in March.', 'en');
      assert.equal(findPassives(t!, 'en')[0]!.agent, false);
    });

    it('a short passive in a method sentence is left alone; a hidden decision is not', () => {
      const text = '# Report\n\nThe data were analysed. The clients were interviewed by the team. The request was refused. It is recommended that the programme continues.\n';
      const r = md(text);
      assert.deepEqual(flagged(r, text, RULE), ['was refused', 'is recommended']);
      assert.match(of(r, RULE)[0]!.message.en, /^Passive without an actor \("was refused"\): who decided or is responsible\? Name them\. For example: "\[who\?\] refused the request"\./);
      assert.match(of(r, RULE)[1]!.message.en, /For example: "\[who\?\] recommended …"/);
    });

    it('the example names the actor when the sentence does', () => {
      const example = (t: string) => splitSentences(t, 'en').flatMap((s) => findPassives(s, 'en').map((p) => activeExample(t, s, p, 'en')));
      assert.equal(example('The plan was approved by the council.')[0], 'the council approved the plan');
      // Passives that name their actors do not stack: nobody is hidden.
      assert.deepEqual(of(md('# Report\n\nThe plan was approved by the council and was published by the team.\n'), RULE), []);
      const stacked = of(md('# Report\n\nThe plan was approved in March, was published in June and was evaluated in May.\n'), RULE)[0]!;
      assert.equal(stacked.data!.reason, 'stacked');
      // Long sentences: only a main-clause passive without an actor.
      const long = 'The new plan for the support of residents with rent arrears in the three districts was discussed in May after a long debate in the council.';
      const general = config({ audience: 'general' });
      assert.deepEqual(of(md(`# Report\n\n${long}\n`), RULE), []);
      assert.deepEqual(of(md(`# Report\n\n${long}\n`, { config: general }), RULE).map((f) => f.data!.reason), ['long']);
      const relative = 'The council debated the new plan for the support of residents with rent arrears in the three districts that was discussed in May after a long debate.';
      assert.deepEqual(of(md(`# Report\n\n${relative}\n`, { config: general }), RULE), []);
    });

    it('no example with a modal verb: "must be improved" is not "[who?] improved"', () => {
      const example = (t: string) => splitSentences(t, 'en').flatMap((s) => findPassives(s, 'en').map((p) => activeExample(t, s, p, 'en')));
      assert.deepEqual(example('The prototype must be improved before the next test.'), [undefined]);
      assert.deepEqual(example('The form should be checked by the officer.'), [undefined]);
      assert.deepEqual(example('The form was checked by the officer.'), ['the officer checked the form']);
    });

    it('"the day Eldred was decided": the name after "determiner + noun" is the subject; "the plan of the Council" stays whole', () => {
      const example = (t: string) => splitSentences(t, 'en').flatMap((s) => findPassives(s, 'en').map((p) => activeExample(t, s, p, 'en')));
      // Was "[who?] decided the day Eldred".
      assert.deepEqual(example('The day Eldred was decided, fate would have it that I was far away.'), ['[who?] decided Eldred']);
      assert.deepEqual(example('The year the Supreme Court was asked to rule, nothing happened.'), ['[who?] asked the Supreme Court']);
      assert.deepEqual(example('The plan of the City Council was approved in May.'), ['[who?] approved the plan of the City Council']);
      assert.deepEqual(example('The social security Act was passed.'), ['[who?] passed the social security Act']);
    });

    it('a relative clause with "whom" starts the clause: the subject is the one after it', () => {
      const example = (t: string) => splitSentences(t, 'en').flatMap((s) => findPassives(s, 'en').map((p) => activeExample(t, s, p, 'en')));
      // Was "[who?] asked the frequent change of personnel".
      assert.deepEqual(example('The frequent change of personnel with whom we were asked to engage delayed the work.'), ['[who?] asked us']);
    });

    it('2,213 of 2,714 hints carried one example: now every example differs with its sentence', () => {
      const text = '# Report\n\nThe request was refused. The grant was withdrawn. The claim was not approved.\n';
      const examples = of(md(text), RULE).map((f) => /For example: "([^"]+)"/.exec(f.message.en)?.[1]);
      assert.deepEqual(examples, ['[who?] refused the request', '[who?] withdrew the grant', '[who?] approved the claim']);
    });
  });

  it('academic: only stacked passives, and none in the method section (a thesis uses the passive by convention)', () => {
    const text = '# T\n\n## Resultaten\n\nDe aanvraag wordt beoordeeld. De gegevens werden verzameld, daarna werden ze geanalyseerd en ten slotte werden ze gepubliceerd.\n\n## Methode\n\nDe gegevens werden verzameld, daarna werden ze geanalyseerd en ten slotte werden ze gepubliceerd.\n';
    const academic = config({ audience: 'academic', rules: { [RULE]: { options: { decisionsOnly: false } } } });
    assert.equal(of(md(text), RULE).length, 3);
    assert.deepEqual(of(md(text, { config: academic }), RULE).map((f) => f.data!.reason), ['stacked']);
    assert.equal(of(md(text, { config: config({ audience: 'academic', rules: { [RULE]: { options: { stackedOnly: false, decisionsOnly: false } } } }) }), RULE).length, 3);
  });

  it('onlyWithoutAgent: passives that name the actor are not shown', () => {
    const impersonal = 'Er wordt door de gemeente gekeken naar de gegevens.';
    assert.equal(of(md(`# T\n\n${impersonal}\n`), RULE).length, 1);
    assert.equal(of(md(`# T\n\n${impersonal}\n`, { config: config({ rules: { [RULE]: { options: { onlyWithoutAgent: true, decisionsOnly: false } } } }) }), RULE).length, 0);
    // Stacked passives that each name their actor hide nobody: not shown in any profile.
    const stacked = 'De aanvraag werd door de gemeente beoordeeld en daarna werd hij door het team afgewezen.';
    assert.equal(of(md(`# T\n\n${stacked}\n`), RULE).length, 0);
  });

  it('headings, table cells and quoted speech are not checked', () => {
    assert.deepEqual(of(md('# De aanvraag wordt beoordeeld\n\nKort.\n'), RULE), []);
    assert.deepEqual(of(md('# T\n\n| De aanvraag wordt beoordeeld |\n|---|\n| x |\n'), RULE), []);
    assert.deepEqual(of(md('# T\n\nEen inwoner zegt: "Ik werd niet gehoord door de gemeente."\n'), RULE), []);
  });

  it('en + nl: after a modal of possibility a passive states a rule, not a hidden decision; "must be" / "moet worden" still asks who', () => {
    assert.deepEqual(of(md('# Report\n\nPermission would be required to copy the film.\n'), RULE), []);
    assert.deepEqual(of(md('# Report\n\nThe request can be refused.\n'), RULE), []);
    assert.deepEqual(of(md('# Rapport\n\nDe aanvraag kan worden geweigerd.\n'), RULE), []);
    assert.deepEqual(of(md('# Rapport\n\nVoor een kopie zou toestemming worden geweigerd.\n'), RULE), []);
    assert.deepEqual(of(md('# Report\n\nThe request was refused.\n'), RULE).map((f) => f.data!.reason), ['responsibility']);
    assert.deepEqual(of(md('# Rapport\n\nDe aanvraag werd geweigerd.\n'), RULE).map((f) => f.data!.reason), ['responsibility']);
    assert.equal(of(md('# Rapport\n\nDe aanvraag moet worden geweigerd.\n'), RULE).length, 1);
    assert.equal(of(md('# Report\n\nThe request must be refused.\n'), RULE).length, 1);
    // A wish or a condition: who assesses or asks is not a decision being hidden.
    assert.deepEqual(of(md('# Rapport\n\nLeerlingen kiezen op welk niveau zij willen worden beoordeeld.\n'), RULE), []);
    assert.deepEqual(of(md('# Report\n\nThey would help other grantees if they were asked for help.\n'), RULE), []);
    assert.deepEqual(of(md('# Rapport\n\nZe helpen andere teams als ze worden gevraagd.\n'), RULE), []);
  });

  it('en + nl: a long sentence whose passive stands in a dependent clause of time or cause is left alone', () => {
    assert.deepEqual(of(md('# Report\n\nSay you are one of the very few lucky copyright owners whose work still makes money one hundred years after it was created.\n', { config: GENERAL }), RULE), []);
    assert.deepEqual(of(md('# Rapport\n\nStel dat je een van de weinige gelukkige makers bent van wie het werk nog steeds geld oplevert honderd jaar nadat het werd gemaakt.\n', { config: GENERAL }), RULE), []);
  });

  it('en + nl: "I was convinced" is a state, not a passive; a long sentence with "kan worden afgerond" states a possibility', () => {
    assert.deepEqual(of(md('# Report\n\nI was convinced that the Court would not hear our arguments if it thought these were just the arguments of a small group.\n', { config: GENERAL }), RULE), []);
    assert.deepEqual(of(md('# Rapport\n\nHet zijn aspecten die de waarde van het product verbeteren, maar het project kan nog steeds succesvol worden afgerond zonder ze allemaal te bouwen.\n', { config: GENERAL }), RULE), []);
  });

  it('en: a participle clause with "being" ("grass being stepped on") is no finite passive: not a long passive sentence, not stacked', () => {
    const text = '# Report\n\nAs they increasingly notice the things he cannot do, such as hearing the sound of grass being stepped on in the garden at night, they try to control him.\n';
    assert.deepEqual(of(md(text, { config: GENERAL }), RULE), []);
  });

  describe('traps from the judged sample: no hint where naming the actor would not help (issue 12)', () => {
    const reasons = (text: string) => of(md(text), RULE).map((f) => f.data!.reason);
    it('nl + en: a question asks, it hides nobody', () => {
      assert.deepEqual(reasons('# Vragen\n\nWanneer wordt er peerfeedback gegeven: tijdens of na de les.\n\nIs het formulier wel of niet opgeslagen?\n'), []);
      assert.deepEqual(reasons('# Questions\n\nWhy was the request refused?\n'), []);
      // The same passives as statements stay.
      assert.deepEqual(reasons('# Vragen\n\nEr wordt tijdens de les gekeken naar de opdracht.\n'), ['impersonal']);
      assert.deepEqual(reasons('# Questions\n\nThe request was refused.\n'), ['responsibility']);
    });
    it('nl + en: the end or start of a quotation that runs over paragraphs is someone else\'s words', () => {
      assert.deepEqual(reasons('# Report\n\n“The first part of the quote is here.\n\nThe request was refused without a reason.”\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nZij zei: “Er is besloten om te stoppen.\n\nDat vonden we jammer.”\n'), []);
      // A balanced quotation elsewhere does not shield the writer's own sentence.
      assert.deepEqual(reasons('# Report\n\nShe said “fine”. The request was refused.\n'), ['responsibility']);
    });
    it('nl + en: a citation or a named rule gives the source', () => {
      assert.deepEqual(reasons('# Report\n\nThe treatment is recommended for use in all hospitals [12].\n'), []);
      assert.deepEqual(reasons('# Report\n\nThe treatment is recommended for use in all hospitals (Smith, 2020).\n'), []);
      assert.deepEqual(reasons('# Report\n\nCompensation is granted under the Fifth Amendment.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe aanvraag wordt afgewezen volgens de Participatiewet.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe aanvraag wordt afgewezen (Jansen, 2019).\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe aanvraag wordt afgewezen.\n'), ['responsibility']);
    });
    it('nl + en: a negated state is no hidden act; a negated act still is', () => {
      assert.deepEqual(reasons('# Rapport\n\nDe velden zijn niet goed uitgelijnd.\n'), []);
      assert.deepEqual(reasons('# Report\n\nBooksellers were not viewed as harmless.\n\nThe fields are not properly aligned.\n'), []);
      // A negated passive of any other verb hid no decision in 8 of 8 judged cases ("were never copyrighted",
      // "was not accepted without a fight", "werd vrijwel niet gekletst"): quiet. A negated decision still shows.
      assert.deepEqual(reasons('# Rapport\n\nKlanten zijn niet geïnterviewd.\n\nHierbij werd vrijwel niet gekletst.\n'), []);
      assert.deepEqual(reasons('# Report\n\nClients were not interviewed.\n\nMost works were never copyrighted.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe subsidies werden niet toegekend.\n'), ['responsibility']);
      assert.deepEqual(reasons('# Report\n\nThe requests were not approved.\n'), ['responsibility']);
    });
    it('nl: a participle after a preposition and before its noun is an adjective ("in georganiseerd verband"); "door middel van" names nobody', () => {
      assert.deepEqual(reasons('# Rapport\n\nEr is geen behoefte aan activiteiten in georganiseerd verband.\n\nEr was geen negatieve reactie op licht of geluid.\n'), []);
      assert.deepEqual(passives('Door middel van comments wordt er feedback gegeven.', 'nl').length, 1);
      const [s] = splitSentences('Door middel van comments wordt er feedback gegeven.', 'nl');
      assert.equal(findPassives(s!, 'nl')[0]!.agent, false);
    });
    it('en: "it is expected / estimated / understood that" hedges a claim (a source is missing, not an actor); "it was decided" hides who', () => {
      assert.deepEqual(reasons('# Report\n\nIt was estimated that in 2010 there were 5.9 million deaths.\n\nIt is understood that there are many pressures.\n'), []);
      assert.deepEqual(reasons('# Report\n\nIt was decided to change tack.\n'), ['responsibility']);
    });
    it('nl: "er" with a subject is no impersonal passive; en: "it" must be empty', () => {
      assert.deepEqual(reasons('# Rapport\n\nEr werden drie interviews afgenomen bij studenten.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nHij zag dat er iets was toegevoegd.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nEr wordt veel gewerkt met laptops.\n'), ['impersonal']);
      assert.deepEqual(reasons('# Report\n\nIt is a change it is meant to produce in the learner.\n'), []);
      // "It is thought that" hedges a claim: a source helps, not an actor (see the test on estimated / understood).
      assert.deepEqual(reasons('# Report\n\nIt is thought that the scheme helps.\n'), []);
      assert.deepEqual(reasons('# Report\n\nIt is recommended that the scheme continues.\n'), ['responsibility']);
    });
    it('nl: "en" with a new subject starts a new clause: no passive across it', () => {
      assert.deepEqual(passives('Deze vraag is niet goed te snappen en ze vullen hem precies omgekeerd in.', 'nl'), []);
    });
    it('en + nl: a passive in a relative clause is background: no hidden decision, and it does not stack', () => {
      assert.deepEqual(reasons('# Report\n\nThere was no place that was not taken.\n\nIt covers any creative work that is reduced to a tangible form.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nHet gaat om de aanvragen die werden afgewezen.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe sites van de partners waar geldhulp aangevraagd kan worden, worden nu verbeterd.\n'), []);
      // Three main-clause passives still stack.
      assert.deepEqual(reasons('# Rapport\n\nDe gegevens worden verzameld, daarna worden ze geanalyseerd en ten slotte worden ze gepubliceerd.\n'), ['stacked']);
    });
    it('en + nl: who asks is mostly plain from the text ("they are asked to grade samples", "een veld waar een huisnummer gevraagd wordt")', () => {
      assert.deepEqual(reasons('# Report\n\nBefore the exam, learners are asked to grade samples.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nIn dat veld wordt het huisnummer gevraagd.\n'), []);
    });
    it('nl + en: a passive after a wish or in the Dutch verb cluster with a modal states a possibility', () => {
      assert.deepEqual(reasons('# Report\n\nMost people do not like to be told they are wrong.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe knop wordt niet gezien door iemand die slecht ziet, en het is niet duidelijk of de spullen online gekocht kunnen worden.\n'), []);
    });
    it('nl + en: a present negation describes a state, and nobody chooses not to see', () => {
      assert.deepEqual(reasons('# Report\n\nThe search is not designed well for people without a job.\n\nFreedom is not threatened by this.\n\nThe button was not seen.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe knop wordt niet gezien.\n\nDe knop werd niet gezien.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe dossiers werden niet gecontroleerd.\n'), ['responsibility']);
    });
    it('nl + en: no impersonal hint after a modal of possibility or in a "waarbij" clause; "composed of" is a state', () => {
      assert.deepEqual(reasons('# Rapport\n\nZo kan er doelgericht worden gewerkt.\n\nHet ontwerp is helder, waarbij er gebruik wordt gemaakt van iconen.\n'), []);
      assert.deepEqual(passives('A neural network is composed of perceptrons.', 'en'), []);
    });
    it('en + nl: two passives in one sentence do not stack by default (0 of 9 worth rewriting on the dev corpus); three do; general shows two', () => {
      const en = '# Report\n\nThis data is released under the terms of the Open Government License and is intended to meet open data standards.\n';
      const nl = '# Rapport\n\nDe afbeelding wordt verdeeld in kleine gebieden en voor elke cel wordt een histogram gemaakt.\n';
      assert.deepEqual(reasons(en), []);
      assert.deepEqual(reasons(nl), []);
      assert.deepEqual(of(md(en, { config: GENERAL }), RULE).map((f) => f.data!.reason), ['stacked']);
      assert.deepEqual(of(md(nl, { config: GENERAL }), RULE).map((f) => f.data!.reason), ['stacked']);
      assert.deepEqual(reasons('# Report\n\nThe tasks were produced in March, the answers were checked in June and the results were sent to each group.\n'), ['stacked']);
    });
    it('en + nl: a passive in a dependent clause further back in the clause hides no decision ("when the incentive … is removed", "die tijdens … zijn vastgesteld")', () => {
      assert.deepEqual(reasons('# Report\n\nPeople will often drop the practice when the explicit incentive or monitoring is removed.\n'), []);
      // A time noun opens a clause without "that": "The day Eldred was decided, …"; Dutch needs "dat" or "waarop" there.
      assert.deepEqual(reasons('# Report\n\nThe day Eldred was decided, fate would have it that I was to travel to Washington.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDe dag waarop de zaak werd beslist, moest ik naar Den Haag.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nDit staat haaks op de behoeften die tijdens de discoveryfase van dit project zijn vastgesteld.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nLeerlingen bepalen zelf op welk niveau zij per module worden beoordeeld.\n'), []);
      // In the main clause the decision stays hidden: still shown.
      assert.deepEqual(reasons('# Report\n\nThree months later it was decided to change tack.\n'), ['responsibility']);
      assert.deepEqual(reasons('# Rapport\n\nDaarom werd de aanvraag afgewezen.\n'), ['responsibility']);
    });
    it('en + nl: a quotation inside the paragraph is someone else\'s words: not checked', () => {
      assert.deepEqual(reasons('# Report\n\n**Chelsea:** *"The staff get paid back through expenses, and the claims were approved without a check"*.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nEen medewerker zegt: “De aanvraag werd zonder uitleg afgewezen, en er is niets besloten.” Dat zien we vaker.\n'), []);
    });
    it('en + nl: a Pandoc citation key names the source ("it is said to … @randall2007", "er is besloten @nji2020")', () => {
      assert.deepEqual(reasons('# Report\n\nIt is said to carry little theoretical baggage @randall_fieldwork_2007.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nEr is besloten om de regels te wijzigen [zie @nji2020; @smith2021].\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nEr wordt veel onderzoek naar gedaan @smith2020.\n'), []);
    });
    it('nl: a compound noun ending in a participle-like word is no participle ("beloningsgebied", "zorgbeleid")', () => {
      assert.deepEqual(passives('Na het zien van feedback is er meer activiteit in het beloningsgebied.', 'nl'), []);
      assert.deepEqual(passives('Er is geen ruimte in het zorgbeleid.', 'nl'), []);
      assert.deepEqual(passives('Er is een gebied gekozen.', 'nl'), ['is een gebied gekozen']);
    });
    it('nl + en: a negated impersonal passive describes what happened ("in deze les is er niet gebruik gemaakt van …")', () => {
      assert.deepEqual(reasons('# Rapport\n\nIn deze les is er niet tussendoor gebruik gemaakt van peerfeedback.\n'), []);
      assert.deepEqual(reasons('# Rapport\n\nIn deze les is er gebruik gemaakt van peerfeedback.\n'), ['impersonal']);
      assert.deepEqual(reasons('# Report\n\nIt was not decided to change tack.\n'), []);
    });
    it('nl + en: a subordinator further back ("naarmate er kleine worden afgewerkt") makes a dependent clause', () => {
      assert.deepEqual(reasons('# Rapport\n\nDe balk vordert naarmate er kleine taken worden afgewerkt.\n'), []);
      assert.deepEqual(reasons('# Report\n\nThe bar fills up whenever the many small tasks in the list are completed.\n'), []);
    });
    it('nl + en: a short list item without a full stop is a label, not prose ("- Er wordt in huis gerookt")', () => {
      assert.deepEqual(reasons('# Indicatoren\n\n- Er wordt in huis gerookt\n- Ooit harddrugs gebruikt\n'), []);
      assert.deepEqual(reasons('# Indicators\n\n- It is recommended to test\n- Data cleaned\n'), []);
      assert.deepEqual(reasons('# Indicatoren\n\n- Er wordt in huis gerookt, zegt een op de vijf ouders in de enquête van 2020.\n'), ['impersonal']);
    });
    it('nl: an example subject cut off by the length limit keeps its head ("de prestaties", not "de prestaties van de ontwikkelde")', () => {
      const r = md('# T\n\nDe prestaties van de ontwikkelde modellen worden beoordeeld.\n');
      assert.deepEqual(of(r, RULE).map((f) => /Bijvoorbeeld: "([^"]+)"/.exec(f.message.nl)?.[1]), ['[wie?] heeft de prestaties beoordeeld']);
      const e = md('# Report\n\nThe claims of the families in the three districts were refused.\n');
      assert.deepEqual(of(e, RULE).map((f) => /For example: "([^"]+)"/.exec(f.message.en)?.[1]), ['[who?] refused the claims of the families']);
    });
    it('en: "being assessed" is a participle clause, not a hidden decision', () => {
      assert.deepEqual(reasons('# Report\n\nBeing assessed on the things they decided themselves increases their sense of self-determination.\n'), []);
    });
    it('en: an obligation ("are required to", "are expected to") is no hidden decision', () => {
      assert.deepEqual(reasons('# Report\n\nParticipants are expected to be familiar with Python.\n\nStaff are required to file a report.\n'), []);
    });
  });

  it('nl + en: off by default (practitioner, academic); hints with enabled: true, a severity, or audience general; off with enabled: false or severity off', () => {
    const nl = '# Rapport\n\nEr is voor gekozen om op een mobiel te testen. De aanvraag werd afgewezen.\n';
    const en = '# Report\n\nThree weeks later it was decided to change tack. A citizens’ jury was chosen because it works.\n';
    for (const text of [nl, en]) {
      // Judged worth acting on in 0 of 12 blind (test/judged/findings.tsv): off by default.
      assert.deepEqual(of(baseMd(text), RULE), []);
      assert.deepEqual(of(baseMd(text, { config: baseConfig({ audience: 'academic' }) }), RULE), []);
      const on = of(baseMd(text, ON), RULE);
      assert.equal(on.length, 2);
      assert.ok(on.every((f) => f.severity === 'hint'));
      assert.equal(of(baseMd(text, { config: baseConfig({ rules: { [RULE]: 'info' } }) }), RULE).length, 2);
      assert.equal(of(baseMd(text, { config: GENERAL }), RULE).length, 2);
      assert.deepEqual(of(baseMd(text, { config: baseConfig({ rules: { [RULE]: { options: { enabled: false } } } }) }), RULE), []);
      assert.deepEqual(of(baseMd(text, { config: baseConfig({ rules: { [RULE]: 'off' } }) }), RULE), []);
    }
  });

  it('nl + en: when switched on, only hidden decisions are shown, stacked or not (decisionsOnly); general shows every hidden actor', () => {
    const nl = '# Rapport\n\nEr is voor gekozen om op een mobiel te testen. Er wordt veel gewerkt met laptops. De aanvraag werd afgewezen.\n';
    assert.deepEqual(flagged(baseMd(nl, ON), nl, RULE), ['is voor gekozen', 'werd afgewezen']);
    assert.deepEqual(flagged(baseMd(nl, { config: GENERAL }), nl, RULE), ['is voor gekozen', 'wordt veel gewerkt', 'werd afgewezen']);
    const en = '# Report\n\nThree weeks later it was decided to change tack. It was felt that the old plan works. A citizens’ jury was chosen because it works.\n';
    assert.deepEqual(flagged(baseMd(en, ON), en, RULE), ['was decided', 'was chosen']);
    assert.deepEqual(flagged(baseMd(en, { config: config({ rules: { [RULE]: { options: { decisionsOnly: false } } } }) }), en, RULE), ['was decided', 'was felt', 'was chosen']);
    // Three stacked passives: shown by default only when one hides a decision (an algorithm described step by step is not).
    const stacked = '# Report\n\nAn example is taken at random, the loss is calculated and the weights are moved a little.\n';
    assert.equal(of(baseMd(stacked, ON), RULE).length, 0);
    assert.equal(of(baseMd(stacked, { config: GENERAL }), RULE).length, 1);
    // A choice at random is nobody's decision.
    assert.equal(of(baseMd('# Report\n\nFor each step an example is chosen at random.\n', ON), RULE).length, 0);
    assert.equal(of(baseMd('# Rapport\n\nPer stap wordt willekeurig een voorbeeld gekozen.\n', ON), RULE).length, 0);
    const decided = '# Rapport\n\nDe aanvraag werd afgewezen, het dossier werd gesloten en de klant werd niet gebeld.\n';
    assert.deepEqual(of(baseMd(decided, ON), RULE).map((f) => f.data!.reason), ['stacked']);
  });

  it('counts passive sentences in the metrics (passive share)', () => {
    const r = md('# T\n\nDe aanvraag wordt beoordeeld. De klantmanager belt. Er wordt gekeken. Het is laat.\n');
    assert.equal(r.metrics.passiveShare, 0.5);
  });
});
