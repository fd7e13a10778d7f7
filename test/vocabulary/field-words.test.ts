import { strict as assert } from 'node:assert';
import { applyFixes } from '../../server/src/engine/fixes.js';
import type { Finding } from '../../server/src/engine/types.js';
import { config, run, vocabularyFindings } from './helpers.js';
import type { LintOptions } from '../../server/src/engine/engine.js';
import type { Language } from '../../server/src/engine/types.js';

/**
 * The classes of the third blind judgement of vocabulary/jargon (session 5, test/judged/findings-s5.tsv):
 * what the Problems panel shows by default (info and up) must be the reliable classes; the words
 * of a field or of academic writing without a reviewed swap are found, as hints; a reviewed swap
 * that breaks meaning or grammar in a collocation is no longer offered there.
 */
const JARGON = 'vocabulary/jargon';
const audience = (a: string): LintOptions => ({ config: config({ audience: a }) });
const option = (options: Record<string, unknown>): LintOptions => ({ config: config({ rules: { [JARGON]: { options } } }) });

function jargon(text: string, language: Language, options: LintOptions = {}): Finding[] {
  return vocabularyFindings(run(text, language, options), JARGON);
}
/** The flagged texts shown in the Problems panel (info and up). */
function shown(text: string, language: Language, options: LintOptions = {}): string[] {
  return jargon(text, language, options).filter((f) => f.severity !== 'hint').map((f) => text.slice(f.offset, f.endOffset));
}
/** The flagged texts that are hints. */
function hints(text: string, language: Language, options: LintOptions = {}): string[] {
  return jargon(text, language, options).filter((f) => f.severity === 'hint').map((f) => text.slice(f.offset, f.endOffset));
}

describe('vocabulary/jargon: what is shown by default (session-5 judgement)', () => {
  describe('words of a field or of academic writing without a reviewed swap are hints by default', () => {
    it('en: stakeholders, deliverables, implementation are found as hints; the general audience and fieldWords: shown show them', () => {
      const en = '# Report\n\nWe met stakeholders about the deliverables. The implementation took a year.\n';
      assert.deepEqual(shown(en, 'en'), []);
      assert.deepEqual(hints(en, 'en'), ['stakeholders', 'deliverables', 'implementation']);
      assert.deepEqual(shown(en, 'en', audience('general')), ['stakeholders', 'deliverables', 'implementation']);
      assert.deepEqual(shown(en, 'en', option({ fieldWords: 'shown' })), ['stakeholders', 'deliverables', 'implementation']);
    });

    it('nl: functionaliteit, prioriteren, implementatie are found as hints; the general audience shows them', () => {
      const nl = '# Rapport\n\nDe functionaliteit is beperkt. De eisen zijn geprioriteerd. De implementatie duurde een jaar.\n';
      assert.deepEqual(shown(nl, 'nl'), []);
      assert.deepEqual(hints(nl, 'nl'), ['functionaliteit', 'geprioriteerd', 'implementatie']);
      assert.deepEqual(shown(nl, 'nl', audience('general')), ['functionaliteit', 'geprioriteerd', 'implementatie']);
    });

    it('en + nl: stock phrases and reviewed swaps of the same dictionaries stay shown (prior to, utilise; indien, gedurende)', () => {
      assert.deepEqual(shown('# Report\n\nPrior to the visit, staff utilise a checklist.\n', 'en'), ['Prior to', 'utilise']);
      assert.deepEqual(shown('# Rapport\n\nIndien de cliënt belt, noteren we dat gedurende de dag.\n', 'nl'), ['Indien', 'gedurende']);
    });

    it('nl: stiff officialese content words and anglicisms in Dutch text stay shown (verrichten, problematiek, scope)', () => {
      assert.deepEqual(shown('# Rapport\n\nDe medewerkers verrichten taken. De problematiek is groot. Dit valt buiten de scope.\n', 'nl'), ['verrichten', 'De problematiek', 'scope']);
    });

    it('nl: the suffix -problematiek is officialese in the social-domain dictionary too (schuldenproblematiek shown)', () => {
      assert.deepEqual(shown('# Rapport\n\nDe professionals zien veel schuldenproblematiek.\n', 'nl'), ['schuldenproblematiek']);
    });
  });

  describe('the message says what kind of word it is', () => {
    const first = (text: string, language: Language) => jargon(text, language, audience('general')).map((f) => f.message[language].replace(/^"[^"]+" /, '').split('.')[0]);
    it('nl: a stock phrase, officialese, an English word, research language, policy language', () => {
      assert.deepEqual(first('# Rapport\n\nIndien de cliënt belt, verrichten we taken. Dit valt buiten de scope. De implementatie duurde lang. De functionaliteit is beperkt.\n', 'nl'), [
        'is stijf, formeel taalgebruik',
        'is stijve, ambtelijke taal',
        'is een Engels woord in een Nederlandse tekst',
        'is onderzoekstaal',
        'is beleids- of vaktaal',
      ]);
    });
    it('en: a stock phrase, officialese, research language, policy or management language', () => {
      assert.deepEqual(first('# Report\n\nPrior to the visit, it did not necessitate a form. The implementation took a year. We met stakeholders.\n', 'en'), [
        'is stiff, formal wording',
        'is stiff, official wording',
        'is research language',
        'is policy or management language',
      ]);
    });
  });

  describe('a word that is part of a name is not reported', () => {
    it('en: the text of a link names the linked document ([our stakeholder map](…)); the same word in prose is reported', () => {
      const general = audience('general');
      assert.deepEqual(shown('# Report\n\nWe updated [our stakeholder map](https://example.org/map) after the visits.\n', 'en', general), []);
      assert.deepEqual(shown('# Report\n\nWe updated the map of stakeholders after the visits.\n', 'en', general), ['stakeholders']);
    });

    it('nl: the text of a (reference) link is a name; the same word beside a link is reported', () => {
      assert.deepEqual(shown('# Rapport\n\nZie het [overzicht van de stakeholders](https://example.nl/a) en de [scope van het project][1].\n\n[1]: https://example.nl/b\n', 'nl'), []);
      assert.deepEqual(shown('# Rapport\n\nWe spraken met de stakeholders [zie bijlage](https://example.nl/a).\n', 'nl'), ['stakeholders']);
    });
  });

  describe('a reviewed swap that breaks meaning or grammar in a collocation', () => {
    it('en: "in terms of our model" and "explained in terms of" are idioms; "in terms of housing" is filler', () => {
      assert.deepEqual(shown('# Report\n\nIn terms of our model, we started here. It can be explained in terms of cognitive load. Fink defines learning in terms of the change it produces.\n', 'en'), []);
      assert.deepEqual(shown('# Report\n\nIn terms of housing, most families rented.\n', 'en'), ['In terms of']);
    });

    it('nl: "geoptimaliseerd (is) voor" means afgestemd op; "het proces optimaliseren" is still verbeteren, a safe fix', () => {
      assert.deepEqual(shown('# Rapport\n\nEen kalender die geoptimaliseerd is voor mensen met ADHD.\n', 'nl'), []);
      // Optimising a model or an algorithm is the mathematical sense.
      assert.deepEqual(shown('# Rapport\n\nDe modellen worden verfijnd en geoptimaliseerd om de hoogste nauwkeurigheid te bereiken.\n', 'nl'), []);
      const text = '# Rapport\n\nWe willen het proces optimaliseren.\n';
      const [f] = jargon(text, 'nl');
      assert.equal(f?.fixes.find((x) => x.preferred)?.kind, 'safe');
      assert.equal(applyFixes(text, jargon(text, 'nl')).text, '# Rapport\n\nWe willen het proces verbeteren.\n');
    });

    it('nl: "de benodigde opslag" is not flagged (de nodige means quite a lot); "is benodigd" becomes "is nodig"', () => {
      assert.deepEqual(shown('# Rapport\n\nDe benodigde opslag zal verminderen.\n', 'nl'), []);
      const text = '# Rapport\n\nVoor de aanvraag is een uittreksel benodigd.\n';
      assert.equal(applyFixes(text, jargon(text, 'nl')).text, '# Rapport\n\nVoor de aanvraag is een uittreksel nodig.\n');
    });

    it('nl: "bovenstaande figuur" is a figure reference; "de bovengenoemde punten" is still flagged', () => {
      assert.deepEqual(shown('# Rapport\n\nIn het midden van bovenstaande figuur staat de scanner. De bovengenoemde punten tellen.\n', 'nl'), ['bovengenoemde']);
    });

    it('nl: "gedurende drie weken" (a duration) is flagged without a safe fix; "gedurende de dag" keeps its safe fix', () => {
      const duration = jargon('# Rapport\n\nDe cliënt wachtte gedurende drie weken.\n', 'nl');
      assert.equal(duration.length, 1);
      assert.ok(duration[0]!.fixes.every((x) => x.kind !== 'safe'));
      // Not a reviewed swap here: the message offers it as an example.
      assert.match(duration[0]!.message.nl, /In de praktijk bijvoorbeeld: "tijdens"/);
      const numeric = jargon('# Rapport\n\nDe cliënt wachtte gedurende 3 weken.\n', 'nl');
      assert.ok(numeric[0]!.fixes.every((x) => x.kind !== 'safe'));
      const day = jargon('# Rapport\n\nDe bezetting wisselt gedurende de dag.\n', 'nl');
      assert.ok(day[0]!.fixes.some((x) => x.kind === 'safe'));
    });

    it('nl: "indien nodig" and "indien mogelijk" become "zo nodig" and "zo mogelijk", never "als nodig"', () => {
      const text = '# Rapport\n\nIndien nodig bellen we terug. We komen indien mogelijk langs.\n';
      assert.equal(applyFixes(text, jargon(text, 'nl')).text, '# Rapport\n\nZo nodig bellen we terug. We komen zo mogelijk langs.\n');
      const neg = jargon('# Rapport\n\nIndien niet, dan volgt een brief.\n', 'nl');
      assert.ok(neg[0]!.fixes.every((x) => x.kind !== 'safe'));
    });

    it('en: the noun endeavour (a joint endeavour) is not the verb; reside has no safe swap (the power resides in the board)', () => {
      const general = audience('general');
      assert.deepEqual(shown('# Report\n\nThe pilot was a joint endeavour of two councils. Their endeavours paid off.\n', 'en', general), []);
      assert.deepEqual(shown('# Report\n\nStaff endeavoured to call every family.\n', 'en', general), ['endeavoured']);
      const reside = jargon('# Report\n\nThe power resides in the board.\n', 'en', general);
      assert.equal(reside.length, 1);
      assert.ok(reside[0]!.fixes.every((x) => x.kind !== 'safe'));
    });

    it('nl: "Doch" at the start of a sentence (Doch blijken zij …) has no safe swap (Maar blijken zij … is wrong); mid-sentence "doch" → "maar" is safe', () => {
      const start = jargon('# Rapport\n\nDoch blijken de mantelzorgers creatief.\n', 'nl');
      assert.equal(start.length, 1);
      assert.ok(start[0]!.fixes.every((x) => x.kind !== 'safe'));
      assert.match(start[0]!.message.nl, /In de praktijk bijvoorbeeld: "maar"/);
      const text = '# Rapport\n\nDe regeling is bekend, doch wordt weinig gebruikt.\n';
      assert.equal(applyFixes(text, jargon(text, 'nl')).text, '# Rapport\n\nDe regeling is bekend, maar wordt weinig gebruikt.\n');
    });

    it('nl: "daartoe behoren" (= daaronder vallen), the plural noun "voornemens" and a law named "Wet inzake …" are not flagged', () => {
      assert.deepEqual(shown('# Rapport\n\nDaartoe behoren ook de wijkteams. De voornemens van het kabinet om te bezuinigen zijn bekend. De Wet inzake bloedvoorziening geldt.\n', 'nl'), []);
      assert.deepEqual(shown('# Rapport\n\nDe gemeente is daartoe niet verplicht. Wij zijn voornemens de regeling te stoppen. We schreven inzake de aanvraag.\n', 'nl'), ['daartoe', 'voornemens', 'inzake']);
    });
  });
});
