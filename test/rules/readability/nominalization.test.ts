import { strict as assert } from 'node:assert';
import { md, of, flagged, config } from '../../engine/helpers.js';
import { splitSentences } from '../../../server/src/engine/text/sentences.js';
import { findNominalizations } from '../../../server/src/engine/text/nominalization.js';
import { applyFixes } from '../../../server/src/index.js';
import type { Language } from '../../../server/src/index.js';

const RULE = 'readability/nominalization';
/** The vocabulary rule replaces this one where both find the same phrase; off, this rule shows. */
const NO_JARGON = { 'vocabulary/jargon': 'off' };
/** "het X-en van" switched on (off by default for practitioners and academics). */
const INFINITIVES = { ...NO_JARGON, 'readability/nominalization': { options: { infinitiveNouns: true } } };
const doc = (body: string) => `# Rapport\n\nKort.\n\n## Inleiding\n\n${body}\n`;

function found(sentence: string, language: Language) {
  const [s] = splitSentences(sentence, language);
  return findNominalizations(s!, language).map((n) => ({ kind: n.kind, phrase: n.phrase, verb: n.verb }));
}

describe(RULE, () => {
  it('nl + en: a hint by default for practitioner and academic; visible: true, audience general or a configured severity shows it', () => {
    for (const body of ['Het overleg vindt plaats in het stadhuis.', 'The staff make use of the new forms every week.']) {
      const text = doc(body);
      const sev = (raw: Record<string, unknown>) => of(md(text, { config: config({ ...raw, rules: { ...NO_JARGON, ...(raw.rules as object) } }) }), RULE).map((f) => f.severity);
      assert.deepEqual(sev({}), ['hint'], body);
      assert.deepEqual(sev({ audience: 'academic' }), ['hint'], body);
      assert.deepEqual(sev({ audience: 'general' }), ['info'], body);
      assert.deepEqual(sev({ rules: { [RULE]: { options: { visible: true } } } }), ['info'], body);
      assert.deepEqual(sev({ rules: { [RULE]: { severity: 'warning' } } }), ['warning'], body);
    }
  });

  describe('Dutch', () => {
    it('"het X-en van": het verstrekken van, het tijdig aanvragen van', () => {
      assert.deepEqual(found('Het verstrekken van informatie is belangrijk.', 'nl'), [{ kind: 'infinitive-noun', phrase: 'het verstrekken van', verb: undefined }]);
      assert.deepEqual(found('Het tijdig aanvragen van bijstand helpt.', 'nl'), [{ kind: 'infinitive-noun', phrase: 'het tijdig aanvragen van', verb: undefined }]);
    });

    it('empty verbs with an action noun: vindt plaats, geeft uitvoering aan, draagt zorg voor, tot stand gekomen', () => {
      assert.deepEqual(found('Het overleg vindt plaats in het stadhuis.', 'nl'), [{ kind: 'empty-verb', phrase: 'vindt plaats', verb: undefined }]);
      assert.deepEqual(found('De gemeente geeft uitvoering aan de wet.', 'nl'), [{ kind: 'empty-verb', phrase: 'geeft uitvoering aan', verb: 'voert uit' }]);
      assert.deepEqual(found('Het team draagt zorg voor de planning.', 'nl'), [{ kind: 'empty-verb', phrase: 'draagt zorg voor', verb: 'zorgt voor' }]);
      assert.deepEqual(found('De samenwerking is goed tot stand gekomen.', 'nl'), [{ kind: 'empty-verb', phrase: 'tot stand gekomen', verb: 'ontstaan' }]);
      assert.deepEqual(found('Het team gaat over tot actie.', 'nl'), [{ kind: 'empty-verb', phrase: 'gaat over tot', verb: undefined }]);
    });

    it('finds nothing in plain active sentences and lexicalised nouns', () => {
      for (const s of ['De gemeente helpt inwoners met schulden.', 'Het eten van appels is gezond.', 'De uitkering en de woning en de opleiding zijn geregeld.', 'De informatie over de organisatie en de situatie is nieuw.']) {
        assert.deepEqual(found(s, 'nl'), [], s);
      }
    });

    it('counts action nouns: -ing, -atie, -tie (verbetering and coördinatie are not compounds of "ring" and "natie")', () => {
      const s = 'De implementatie van de regeling leidde tot een verbetering van de samenwerking en een versterking van de coördinatie.';
      assert.deepEqual(found(s, 'nl').filter((n) => n.kind === 'dense').map((n) => n.phrase), ['implementatie, verbetering, samenwerking, versterking, coördinatie']);
      // A compound whose last part is a thing is a thing: huurwoning, beroepsopleiding.
      assert.deepEqual(found('De huurwoning en de beroepsopleiding en de jeugdzorgopleiding.', 'nl'), []);
    });

    it('reports a sentence with more than maxActionNouns different action nouns (denseSentences: on for general, an option for the others): 3 for practitioner, 4 academic, 2 general', () => {
      const four = 'De implementatie van de regeling vroeg om coördinatie, evaluatie en verantwoording.';
      const three = 'De implementatie van de regeling vroeg om coördinatie en evaluatie.';
      const two = 'De implementatie van de regeling vroeg om evaluatie.';
      const DENSE_ON = { ...NO_JARGON, [RULE]: { options: { denseSentences: true } } };
      const dense = (text: string, audience: string) => of(md(doc(text), { config: config({ audience, rules: audience === 'general' ? NO_JARGON : DENSE_ON }) }), RULE).filter((f) => f.data!.kind === 'dense').map((f) => f.data!.nouns);
      const byDefault = (text: string, audience: string) => of(md(doc(text), { config: config({ audience, rules: NO_JARGON }) }), RULE).filter((f) => f.data!.kind === 'dense').length;
      // Off by default for practitioner and academic: dense sentences were worth rewriting in 5 of 14 judged.
      assert.equal(byDefault(four, 'practitioner'), 0);
      assert.equal(byDefault(`${four.replace('.', '')} en registratie.`, 'academic'), 0);
      const en = 'The implementation of the assessment required the coordination of the management and the evaluation of the administration.';
      assert.equal(of(md(`# Report\n\n${en}\n`, { config: config({ rules: NO_JARGON }) }), RULE).length, 0);
      assert.equal(of(md(`# Report\n\n${en}\n`, { config: config({ rules: DENSE_ON }) }), RULE).length, 1);
      assert.deepEqual(dense(four, 'practitioner'), [4]);
      assert.deepEqual(dense(three, 'practitioner'), []);
      assert.deepEqual(dense(four, 'academic'), []);
      assert.deepEqual(dense(`${four.replace('.', '')} en registratie.`, 'academic'), [5]);
      assert.deepEqual(dense(three, 'general'), [3]);
      assert.deepEqual(dense(two, 'general'), []);
      // The same noun twice counts once.
      assert.deepEqual(dense('De implementatie vroeg om evaluatie, evaluatie en nog eens evaluatie van de coördinatie.', 'practitioner'), []);
      const f = of(md(doc(four), { config: config({ rules: DENSE_ON }) }), RULE).find((x) => x.data!.kind === 'dense')!;
      assert.match(f.message.nl, /^Deze zin heeft 4 zelfstandige naamwoorden die van een werkwoord komen \(implementatie, coördinatie, evaluatie, verantwoording\)\./);
      assert.equal(doc(four).slice(f.offset, f.endOffset), four, 'a dense sentence is flagged as a whole');
    });

    it('"het X-en van" only where rewriting helps: off by default (it mostly names a task or a step); as the subject at the start (infinitiveNouns), or with more nominal style (general)', () => {
      const quiet = (text: string) => flagged(md(doc(text), { config: config({ rules: NO_JARGON }) }), doc(text), RULE);
      assert.deepEqual(quiet('Het verstrekken van informatie is belangrijk.'), []);
      assert.deepEqual(quiet('Het voorspellen van leeftijd kan op twee manieren.'), []);
      const rule = (text: string) => flagged(md(doc(text), { config: config({ rules: INFINITIVES }) }), doc(text), RULE);
      const general = (text: string) => flagged(md(doc(text), { config: config({ audience: 'general', rules: NO_JARGON }) }), doc(text), RULE);
      assert.deepEqual(rule('Het verstrekken van informatie is belangrijk.'), ['Het verstrekken van']);
      assert.deepEqual(rule('De ouderen vonden het spelen van bingo leuk.'), []);
      // Mid-sentence "het X-en van" was worth rewriting in 2 of 20 judged: quiet by default.
      assert.deepEqual(rule('Na het aanvragen van de toeslag volgt het beoordelen van de aanvraag.'), []);
      assert.deepEqual(rule('Het onderzoek beschrijft de ontwikkeling van een pipeline voor het schatten van leeftijd en de verbetering van de meting.'), []);
      assert.deepEqual(general('Na het aanvragen van de toeslag volgt het beoordelen van de aanvraag.'), ['het aanvragen van', 'het beoordelen van']);
    });

    it('nl: a list item opening with "Het X-en van" is a label, not a sentence to rewrite; en: the same list stays quiet', () => {
      const rule = (text: string) => flagged(md(doc(text), { config: config({ rules: INFINITIVES }) }), doc(text), RULE);
      assert.deepEqual(flagged(md(doc('Het vertalen van de rubric naar de opdracht is lastig.'), { config: config({ rules: NO_JARGON }) }), doc('Het vertalen van de rubric naar de opdracht is lastig.'), RULE), []);
      assert.deepEqual(rule('Knelpunten:\n\n- Het vertalen van de rubric naar de opdracht is lastig.\n- Te weinig tijd.'), []);
      assert.deepEqual(rule('Het vertalen van de rubric naar de opdracht is lastig.'), ['Het vertalen van']);
      const en = '# Report\n\nProblems:\n\n- The translation of the rubric into the assignment is hard.\n- Too little time.\n';
      assert.deepEqual(flagged(md(en, { config: config({ rules: NO_JARGON }) }), en, RULE), []);
    });

    it('nl + en: a list of activities ("het opzoeken van … en het invullen van …") is one phrase, not stacked nominal style', () => {
      const rule = (text: string) => flagged(md(doc(text), { config: config({ audience: 'general', rules: NO_JARGON }) }), doc(text), RULE);
      assert.deepEqual(rule('Zij gebruiken hun telefoon voor het opzoeken van informatie en het invullen van gegevens.'), []);
      assert.deepEqual(rule('Deze resultaten helpen bij het verfijnen van de app, het verhogen van de effectiviteit en het aanscherpen van de criteria.'), []);
      // Sentence-initial subject: still shown, once.
      assert.deepEqual(rule('Het aanpassen van de vormgeving en het instelbaar maken van de functies verhogen de acceptatie.'), ['Het aanpassen van']);
      // Two separate phrases still stack (audience general).
      assert.deepEqual(rule('Na het aanvragen van de toeslag volgt het beoordelen van de aanvraag en het uitbetalen van het geld.'), ['het aanvragen van', 'het beoordelen van', 'het uitbetalen van']);
      // English has no "het X-en van" pattern; a list of -ing activities is plain and stays quiet, dense -tion sentences are still counted.
      const en = (text: string) => flagged(md(`# Report\n\n${text}\n`, { config: config({ audience: 'general', rules: NO_JARGON }) }), `# Report\n\n${text}\n`, RULE);
      assert.deepEqual(en('They use their phone for looking up information and filling in forms.'), []);
      assert.equal(en('The implementation of the assessment required the coordination of the management and the evaluation of the administration.').length, 1);
    });

    it('in a document: exact ranges, a hint by default (info when visible), Dutch fixes are not offered (word order would change)', () => {
      const text = doc('Het overleg vindt plaats in het stadhuis. Het verstrekken van informatie is belangrijk.');
      const quiet = md(text, { config: config({ rules: NO_JARGON }) });
      assert.deepEqual(flagged(quiet, text, RULE), ['vindt plaats']);
      assert.deepEqual(of(quiet, RULE).map((f) => f.severity), ['hint']);
      const r = md(text, { config: config({ rules: { ...NO_JARGON, [RULE]: { options: { infinitiveNouns: true, visible: true } } } }) });
      assert.deepEqual(flagged(r, text, RULE), ['vindt plaats', 'Het verstrekken van']);
      assert.ok(of(r, RULE).every((f) => f.severity === 'info' && f.fixes.length === 0));
      // "plaatsvinden" has no verb of its own: "gebeurt" would only swap a synonym; the noun before it is the action.
      assert.match(of(r, RULE)[0]!.message.nl, /Naamwoordstijl \("vindt plaats"\): de handeling zit in een zelfstandig naamwoord\. Maak van dat woord het werkwoord en zeg wie handelt\./);
      assert.match(of(r, RULE)[0]!.message.en, /the action is hidden in a noun\. Make that noun the verb and say who acts\./);
      assert.match(of(r, RULE)[1]!.message.nl, /Naamwoordstijl \("Het verstrekken van"\)\. Gebruik het werkwoord zelf: wie doet het\?/);
    });

    it('"geeft uitvoering aan" is a jargon entry too: the jargon finding replaces this one (one message per problem)', () => {
      const text = doc('De gemeente geeft uitvoering aan de wet.');
      const r = md(text);
      assert.deepEqual(flagged(r, text, 'vocabulary/jargon'), ['geeft uitvoering aan']);
      assert.deepEqual(of(r, RULE), []);
      assert.deepEqual(flagged(md(text, { config: config({ rules: NO_JARGON }) }), text, RULE), ['geeft uitvoering aan']);
    });
  });

  describe('English', () => {
    it('"make a decision" → "decide", with a preferred fix that applies cleanly', () => {
      const text = '# Report\n\n## Findings\n\nThe stakeholders make a decision on funding before the end of the year.\n';
      const r = md(text, { config: config({ rules: NO_JARGON }) });
      assert.deepEqual(flagged(r, text, RULE), ['make a decision']);
      const f = of(r, RULE)[0]!;
      assert.equal(f.data!.verb, 'decide');
      assert.equal(f.fixes.length, 1);
      assert.equal(f.fixes[0]!.preferred, true);
      assert.equal(f.fixes[0]!.title.en, 'Replace with "decide"');
      assert.deepEqual(applyFixes(text, [f], { suggestions: true }), { text: text.replace('make a decision', 'decide'), applied: 1, skipped: 0 });
    });

    it('keeps the capital of a sentence start: "Make a decision" → "Decide"', () => {
      const text = '# Report\n\n## Findings\n\nMake a decision before the end of the year.\n';
      const f = of(md(text, { config: config({ rules: NO_JARGON }) }), RULE)[0]!;
      assert.equal(f.fixes[0]!.edits[0]!.newText, 'Decide');
    });

    it('other empty verbs and their forms: made a decision, conduct an assessment of', () => {
      assert.deepEqual(found('The council made a decision on funding.', 'en'), [{ kind: 'empty-verb', phrase: 'made a decision', verb: 'decided' }]);
      assert.deepEqual(found('Caseworkers conduct an assessment of the needs.', 'en'), [{ kind: 'empty-verb', phrase: 'conduct an assessment of', verb: 'assess' }]);
      assert.deepEqual(found('We decide today.', 'en'), []);
    });

    it('dense sentences in English: -tion, -ment, -ance', () => {
      const s = 'The implementation of the assessment required the coordination of the management.';
      assert.deepEqual(found(s, 'en').map((n) => n.phrase), ['implementation, assessment, coordination, management']);
      assert.deepEqual(found('The information in the document on the government.', 'en'), []);
    });

    it('with the bundled dictionaries the jargon rule reports "make a decision" instead (superseded here)', () => {
      const text = '# Report\n\n## Findings\n\nThe stakeholders make a decision on funding before the end of the year.\n';
      const r = md(text);
      assert.deepEqual(of(r, RULE), []);
      assert.deepEqual(flagged(r, text, 'vocabulary/jargon'), ['stakeholders', 'make a decision']);
    });
  });

  it('headings and table cells are not checked', () => {
    assert.deepEqual(of(md('# Het overleg vindt plaats\n\nKort.\n', { config: config({ rules: NO_JARGON }) }), RULE), []);
    assert.deepEqual(of(md(doc('| Het overleg vindt plaats |\n|---|\n| x |'), { config: config({ rules: NO_JARGON }) }), RULE), []);
  });
});
