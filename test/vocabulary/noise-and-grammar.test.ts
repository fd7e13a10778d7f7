/**
 * The vocabulary rules' noise budget and the grammar of their replacements (issue 12 items 1–2,
 * issue 13 item 3), in Dutch and English: a term once per report with its count and other
 * places; a report's subject gets one "accept?" finding; word senses by context; mixed terms
 * follow the report's majority; safe fixes only where the swap agrees, suggestions elsewhere.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../server/src/engine/fixes.js';
import type { Finding, Fix } from '../../server/src/engine/types.js';
import { resourceRoot } from '../../server/src/workspace/resources.js';
import { config, flagged, run, vocabularyFindings } from './helpers.js';

const jargon = (text: string, lang: 'nl' | 'en') => vocabularyFindings(run(text, lang), 'vocabulary/jargon');
const person = (text: string, lang: 'nl' | 'en') => vocabularyFindings(run(text, lang), 'vocabulary/person-first');
const byTerm = (fs: Finding[], id: string) => fs.filter((f) => f.data?.entryId === id);
const replace = (f: Finding) => f.fixes.filter((x) => x.edits.length > 0 && x.title.en.startsWith('Replace'));
const apply = (text: string, fix: Fix) => applyEdits(text, fix.edits);

describe('vocabulary: noise budget and grammar of replacements', () => {
  describe('a term is reported once per report, where it first appears', () => {
    it('nl: five uses of implementatie give one finding with the count and the other four places', () => {
      const text = ['De implementatie begon in mei.', 'De implementatie liep uit.', 'Na de implementatie kwam de evaluatie.', 'Implementatie kost tijd.', 'Een tweede implementatie volgde.'].join('\n\n');
      const fs = byTerm(jargon(text, 'nl'), 'implementatie');
      assert.equal(fs.length, 1);
      assert.equal(fs[0]!.offset, text.indexOf('implementatie'));
      assert.equal(fs[0]!.data?.count, 5);
      assert.equal(fs[0]!.related?.length, 4);
      assert.match(fs[0]!.message.nl, /Het komt 5 keer voor/);
      assert.match(fs[0]!.message.en, /comes back 5 times/);
    });

    it('en: uses in different sections are still one finding; the count and related places cover them all', () => {
      const text = '# Method\n\nWe studied the implementation.\n\n# Results\n\nThe implementation was slow. Implementation varied.\n';
      const fs = byTerm(jargon(text, 'en'), 'implementation');
      assert.equal(fs.length, 1);
      assert.deepEqual(fs[0]!.related?.map((r) => text.slice(r.offset, r.endOffset)), ['implementation', 'Implementation']);
    });

    it('no term finding is repeated more than 3 times in any sample report', () => {
      const dir = join(resourceRoot(), 'samples');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const text = readFileSync(join(dir, file), 'utf8');
        const r = run(text, file.includes('employment') ? 'en' : 'nl', { path: file });
        const counts = new Map<string, number>();
        for (const f of vocabularyFindings(r)) {
          const key = `${f.ruleId}:${f.data?.entryId ?? f.data?.groupId}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        for (const [key, n] of counts) assert.ok(n <= 3, `${file}: ${key} ×${n}`);
      }
    });
  });

  describe('a report’s subject gets one “accept for this project?” finding', () => {
    it('en: respondents ×12 is one finding (a hint by default, an academic word; info when field words are shown) whose preferred fix accepts the word in .brug.yml', () => {
      const text = Array.from({ length: 12 }, (_, i) => `Respondents in group ${i + 1} answered the survey.`).join(' ');
      assert.equal(byTerm(jargon(text, 'en'), 'respondent')[0]?.severity, 'hint');
      const fs = byTerm(vocabularyFindings(run(text, 'en', { config: config({ rules: { 'vocabulary/jargon': { options: { fieldWords: 'shown' } } } }) }), 'vocabulary/jargon'), 'respondent');
      assert.equal(fs.length, 1);
      const f = fs[0]!;
      assert.equal(f.severity, 'info');
      assert.equal(f.data?.subject, true);
      assert.match(f.message.en, /comes back 12 times.*subject of this report/);
      const preferred = f.fixes.find((x) => x.preferred)!;
      assert.deepEqual(preferred.configEdit, { path: ['vocabulary', 'accept'], value: 'respondent' });
    });

    it('nl: a term defined in an "X is …" sentence and used three times is a subject', () => {
      const text = 'Zelfredzaamheid is het vermogen om zonder hulp rond te komen. We meten de zelfredzaamheid met een vragenlijst. De zelfredzaamheid steeg.';
      const f = byTerm(jargon(text, 'nl'), 'zelfredzaamheid')[0]!;
      assert.equal(f.data?.subject, true);
      assert.match(f.message.nl, /komt 3 keer voor en wordt hier uitgelegd/);
    });

    it('en: a term in a glossary section, used three times, is a subject', () => {
      const text = '# Glossary\n\nStakeholders: people with an interest in the service.\n\n# Findings\n\nStakeholders were unhappy. Most stakeholders help nurses.\n';
      const f = byTerm(jargon(text, 'en'), 'stakeholder')[0]!;
      assert.equal(f.data?.subject, true);
    });

    it('a stock phrase or verb is never a subject, however often it is used (in order to ×12)', () => {
      const text = Array.from({ length: 12 }, (_, i) => `In order to help family ${i + 1}, we called.`).join(' ');
      const f = byTerm(jargon(text, 'en'), 'in-order-to')[0]!;
      assert.equal(f.data?.subject, undefined);
      assert.equal(f.severity, 'warning');
      assert.equal(f.data?.count, 12);
    });

    it('a term used twice and not defined is not a subject', () => {
      const f = byTerm(jargon('De interventie hielp. De interventie stopte.', 'nl'), 'interventie')[0]!;
      assert.equal(f.data?.subject, undefined);
    });
  });

  describe('word senses by context', () => {
    it('en: foreign intervention is not jargon; the programme intervention is', () => {
      assert.deepEqual(flagged('The report opposes foreign intervention in the region.', 'en', 'vocabulary/jargon'), []);
      assert.deepEqual(flagged('The intervention gave families weekly visits.', 'en', 'vocabulary/jargon'), ['intervention']);
    });

    it('en: a child protection report uses intervention as practice language', () => {
      const text = 'Child protection teams decide on each intervention. In child protection, early help comes first. Child protection plans are reviewed. The intervention lasted a year.';
      assert.deepEqual(flagged(text, 'en', 'vocabulary/jargon'), []);
    });

    it('nl: militaire interventie is no jargon; a jeugdbescherming report uses interventie as its own word', () => {
      assert.deepEqual(flagged('De militaire interventie duurde een jaar.', 'nl', 'vocabulary/jargon'), []);
      const text = 'De jeugdbescherming kiest een interventie. Jeugdbescherming werkt met gezinnen. De gezinsvoogd en de jeugdbescherming overleggen.';
      assert.deepEqual(flagged(text, 'nl', 'vocabulary/jargon'), []);
    });

    it('en: an ecosystem of species is biology, a support ecosystem is a buzzword', () => {
      assert.deepEqual(flagged('The marine ecosystem lost many species.', 'en', 'vocabulary/jargon'), []);
      assert.deepEqual(flagged('The local support ecosystem is fragmented.', 'en', 'vocabulary/jargon'), ['ecosystem']);
    });

    it('nl: statistisch significant is statistics, een significante verbetering is vaag', () => {
      assert.deepEqual(flagged('Het verschil is statistisch significant.', 'nl', 'vocabulary/jargon'), ['statistisch significant']);
      assert.deepEqual(flagged('Er is een significante verbetering in de tevredenheid.', 'nl', 'vocabulary/jargon'), ['significante']);
      assert.deepEqual(flagged('De toets laat een significant verschil zien.', 'nl', 'vocabulary/jargon'), []);
    });
  });

  describe('grammar of replacements (issue 13 item 3)', () => {
    it('nl: "Vaak is de problematiek van de inwoner meerzijdig" never becomes "is de problemen": a change of number is a suggestion', () => {
      const text = 'Vaak is de problematiek van de inwoner meerzijdig.';
      const f = byTerm(jargon(text, 'nl'), 'problematiek')[0]!;
      assert.ok(f.fixes.every((x) => x.kind !== 'safe'), 'no safe fix');
    });

    it('nl: a swap that changes the article (de doelstelling → het doel) or the number and meaning (de functionaliteit → de functie) is an option, never the preferred fix', () => {
      const doel = byTerm(jargon('De doelstelling van het project is helder.', 'nl'), 'doelstelling')[0]!;
      assert.ok(replace(doel).every((x) => x.kind === 'suggestion'));
      const functie = byTerm(jargon('Het prototype is te groot, zowel qua functionaliteit als qua bediening.', 'nl'), 'functionaliteit')[0]!;
      assert.ok(replace(functie).length > 0);
      assert.ok(replace(functie).every((x) => x.kind === 'suggestion' && !x.preferred));
      assert.match(functie.message.nl, /In de praktijk bijvoorbeeld: "functies" of "wat het kan"\./);
    });

    it('en: a suggestion that is not a reviewed swap is offered "for example" (actionable → practical changes the meaning of "more actionable")', () => {
      const f = byTerm(jargon('How might we make email notifications more actionable for the grantees?', 'en'), 'actionable')[0]!;
      assert.match(f.message.en, /Practitioners say, for example, "concrete" or "practical"\./);
      assert.ok(replace(f).every((x) => !x.preferred));
      const safe = byTerm(jargon('We wrote to the residents prior to the meetings.', 'en'), 'prior-to')[0]!;
      assert.match(safe.message.en, /Practitioners say "before"\./);
    });

    it('nl: reviewed drop-in swaps of stiff words are safe (middels → met, teneinde → om)', () => {
      const text = 'We schreven middels een brief teneinde iedereen te bereiken.';
      const fs = jargon(text, 'nl');
      for (const id of ['middels', 'teneinde']) {
        const f = byTerm(fs, id)[0]!;
        const preferred = f.fixes.find((x) => x.preferred)!;
        assert.equal(preferred.kind, 'safe', id);
      }
    });

    it('en: a/an follows the new word ("an intervention" → "a programme"), in the same edit', () => {
      const text = 'They ran an intervention for parents.';
      const f = byTerm(jargon(text, 'en'), 'intervention')[0]!;
      assert.deepEqual(replace(f).map((x) => apply(text, x)), ['They ran a programme for parents.', 'They ran an approach for parents.', 'They ran a support for parents.']);
      // "use" starts with a vowel letter but takes "a" (the cues list such word starts).
      const t2 = 'It was an utilisation of funds.';
      const g = jargon(t2, 'en')[0]!;
      assert.equal(apply(t2, replace(g)[0]!), 'It was a use of funds.');
    });

    it('en: a/an keeps its capital', () => {
      const text = 'An implementation took a year.';
      const f = byTerm(jargon(text, 'en'), 'implementation')[0]!;
      assert.equal(apply(text, replace(f)[0]!), 'A roll-out took a year.');
    });

    it('en: a reviewed swap is safe for a form with its own inflection, a suggestion for a form without one', () => {
      const f = jargon('The team utilised the form.', 'en')[0]!;
      assert.equal(replace(f)[0]!.kind, 'safe');
      assert.equal(jargon('In order to help, we called.', 'en')[0]!.fixes.find((x) => x.preferred)!.kind, 'safe');
      // hitherto is safe; its form heretofore has no inflection of its own.
      const g = jargon('Heretofore the service had no list.', 'en')[0]!;
      assert.equal(g.data?.entryId, 'hitherto');
      assert.ok(replace(g).every((x) => x.kind === 'suggestion'));
    });

    it('en: "The elderly woman who…" becomes "The older woman who…", never "Older people woman"', () => {
      const text = 'The elderly woman who lives alone had no visits.';
      const f = person(text, 'en')[0]!;
      const fixed = replace(f).map((x) => apply(text, x));
      assert.deepEqual(fixed, ['The older woman who lives alone had no visits.']);
      assert.ok(f.fixes.every((x) => x.kind !== 'safe'), 'person-first rewording is a suggestion');
      const t2 = 'The elderly are often lonely.';
      assert.deepEqual(replace(person(t2, 'en')[0]!).map((x) => apply(t2, x)), ['Older people are often lonely.']);
    });

    it('en: "the homeless shelter" is an adjective before a noun, not a label of people', () => {
      assert.deepEqual(flagged('The homeless shelter opened in May.', 'en', 'vocabulary/person-first'), []);
      assert.deepEqual(flagged('The homeless need more than a bed.', 'en', 'vocabulary/person-first'), ['The homeless']);
    });

    it('nl: person-first fixes are suggestions', () => {
      const f = person('Schuldenaren wachten lang.', 'nl')[0]!;
      assert.ok(f.fixes.every((x) => x.kind !== 'safe'));
    });

    it('mixed terms: a spelling variant toward the majority is safe, another word is a suggestion', () => {
      const spelling = vocabularyFindings(run('De re-integratie begint. De re-integratie duurt. Na de reïntegratie volgt nazorg.', 'nl'), 'vocabulary/mixed-terms')[0]!;
      assert.equal(spelling.fixes.find((x) => x.preferred)!.kind, 'safe');
      const words = vocabularyFindings(run('Participants liked it. Most participants stayed. Two research subjects left.', 'en', { config: config({ rules: { 'vocabulary/mixed-terms': { options: { nearSynonyms: true } } } }) }), 'vocabulary/mixed-terms')[0]!;
      assert.ok(words.fixes.every((x) => x.kind === 'suggestion'));
    });

    it('every vocabulary fix says its kind', () => {
      const dir = join(resourceRoot(), 'samples');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const text = readFileSync(join(dir, file), 'utf8');
        for (const f of vocabularyFindings(run(text, file.includes('employment') ? 'en' : 'nl', { path: file }))) {
          for (const x of f.fixes) assert.ok(x.kind === 'safe' || x.kind === 'suggestion', `${file}: ${x.title.en}`);
        }
      }
    });
  });
});
