/**
 * How the vocabulary layer finds terms: case, inflections, phrases over line breaks, Dutch
 * compounds where an entry allows them, and never inside quoted speech, code, URLs,
 * citations or heading anchors.
 */
import { strict as assert } from 'node:assert';
import { Lexicon } from '../../server/src/engine/vocabulary/lexicon.js';
import { splitSentences } from '../../server/src/engine/text/sentences.js';
import { facts, flagged, run } from './helpers.js';

const jargon = (text: string, lang: 'nl' | 'en' = 'nl', path = 'x.md') => flagged(text, lang, 'vocabulary/jargon', { path });
const termIds = (text: string, lang: 'nl' | 'en' = 'nl', path = 'x.md') => facts(run(text, lang, { path })).terms.map((t) => `${t.hit.entry.id}:${t.text}`);

describe('vocabulary matching', () => {
  describe('case', () => {
    it('finds a term whatever its capitals (sentence start, all caps, title case)', () => {
      assert.deepEqual(jargon('Implementatie kost tijd.'), ['Implementatie']);
      assert.deepEqual(jargon('DE IMPLEMENTATIE LIEP VERTRAGING OP.'), ['IMPLEMENTATIE']);
      assert.deepEqual(jargon('In Order To save time, we stopped.', 'en'), ['In Order To']);
    });

    it('folds diacritics and typographic apostrophes (geïmplementeerd = geimplementeerd)', () => {
      assert.deepEqual(jargon('De methode is geimplementeerd.'), ['geimplementeerd']);
      assert.deepEqual(jargon('In twee arbeidsmarktregio’s werkt het.'), ['arbeidsmarktregio’s']);
    });
  });

  describe('inflections', () => {
    it('finds every listed form of a Dutch verb entry', () => {
      for (const form of ['implementeren', 'implementeert', 'implementeerde', 'implementeerden', 'geïmplementeerd', 'geïmplementeerde']) {
        assert.deepEqual(termIds(`De gemeente ${form} het.`), [`implementeren:${form}`], form);
      }
    });

    it('finds every listed form of an English verb entry, both spellings', () => {
      for (const form of ['utilise', 'utilises', 'utilised', 'utilising', 'utilisation', 'utilize', 'utilized', 'utilization']) {
        assert.deepEqual(termIds(`They ${form} it.`, 'en'), [`utilise:${form}`], form);
      }
    });

    it('finds plurals and the possessive', () => {
      assert.deepEqual(termIds('Alle stakeholders waren er.'), ['stakeholder:stakeholders']);
      assert.deepEqual(termIds("The customer's file was lost.", 'en'), ["customer-for-claimant:customer's"]);
    });

    it('does not find forms the entry does not list (no guessing at stems)', () => {
      assert.deepEqual(jargon('De implementator kwam langs.'), []);
      assert.deepEqual(jargon('The utility bill arrived.', 'en'), []);
    });
  });

  describe('multi-word terms', () => {
    it('match across a line break and over extra spaces', () => {
      assert.deepEqual(jargon('Dit doen we\nin het kader van het onderzoek.'), ['in het kader van']);
      assert.deepEqual(jargon('We went ahead in order\nto  save time.', 'en'), ['in order\nto']);
      assert.deepEqual(termIds('De gemeente gaf\nuitvoering aan het plan.'), ['uitvoering-geven-aan:gaf\nuitvoering aan']);
    });

    it('do not match across a sentence boundary or punctuation', () => {
      assert.deepEqual(jargon('Dit is in het kader. Van het onderzoek weten we weinig.'), []);
      assert.deepEqual(jargon('We did it in order. To be fair, it worked.', 'en'), []);
    });

    it('prefer the longest phrase at a position', () => {
      assert.deepEqual(termIds('The long-term unemployed want work.', 'en'), ['the-unemployed:The long-term unemployed']);
    });
  });

  describe('Dutch compounds', () => {
    it('find a term at the start of a compound when the entry allows it', () => {
      assert.deepEqual(termIds('Het interventieprogramma begon in mei.'), ['interventie:interventieprogramma']);
      assert.deepEqual(termIds('Het implementatieplan is klaar.'), ['implementatie:implementatieplan']);
      assert.deepEqual(termIds('Een stakeholderanalyse hielp.'), ['stakeholder:stakeholderanalyse']);
    });

    it('mark a compound finding as such and offer no replacement (the linking letters change)', () => {
      const r = run('Het implementatieplan is klaar.', 'nl');
      const f = r.findings.find((x) => x.ruleId === 'vocabulary/jargon')!;
      assert.equal(f.data?.compound, 'start');
      assert.ok(!f.fixes.some((x) => x.title.en.startsWith('Replace')));
    });

    it('do not find a term inside a compound when the entry does not allow it', () => {
      // klant: compound none (klantmanager is a job title); zelfredzaamheid: none.
      assert.deepEqual(jargon('De klantmanager belt over het klantcontact.'), []);
      assert.deepEqual(jargon('De consulent vulde de zelfredzaamheidsmatrix in.'), []);
    });

    it('need a real word part next to the term (three letters or more, not digits)', () => {
      assert.deepEqual(termIds('De interventies en interventiegroep.'), ['interventie:interventies', 'interventie:interventiegroep']);
      assert.deepEqual(jargon('Zie interventie2020 en implementatie-01.'), []);
    });

    it('never split English words as Dutch compounds', () => {
      assert.deepEqual(jargon('The stakeholderanalysis was done.', 'en'), []);
    });

    it('the Lexicon honours the compound setting of each term', () => {
      const lex = new Lexicon<string>();
      lex.add('interventie', 'start', 'start');
      lex.add('traject', 'end', 'end');
      lex.add('klant', 'none', 'none');
      const text = 'Het interventieprogramma, het re-integratietraject, de klantmanager en het trajectplan.';
      const [s] = splitSentences(text, 'nl');
      assert.deepEqual(lex.match(s!.words, text).map((m) => `${m.payload}:${m.text}:${m.compound}`), ['start:interventieprogramma:start', 'end:re-integratietraject:end']);
    });
  });

  describe('not where the words are not the writer’s', () => {
    it('skips quoted speech attributed to people', () => {
      assert.deepEqual(jargon('“Ik vond de interventie goed,” zegt een cliënt.'), []);
      assert.deepEqual(jargon('Een moeder vertelt: “De implementatie ging te snel voor mij.”'), []);
      assert.deepEqual(jargon('One parent said: "The implementation was rushed."', 'en'), []);
      assert.deepEqual(jargon('"The implementation was rushed" (participant 4).', 'en'), []);
      // The same words outside the quotation are the writer’s.
      assert.deepEqual(jargon('“Ik vond het goed,” zegt een cliënt over de interventie.'), ['interventie']);
    });

    it('skips quoted speech with a trailing attribution ("…," said one participant)', () => {
      assert.deepEqual(jargon('"The implementation was rushed," said one participant.', 'en'), []);
      assert.deepEqual(jargon('“De implementatie ging snel,” zegt een cliënt.'), []);
    });

    it('skips inline code, URLs and e-mail addresses', () => {
      assert.deepEqual(jargon('Zie `implementatie` en https://example.org/implementatie of info@interventie.nl.'), []);
      assert.deepEqual(jargon('See `implementation` and <https://example.org/implementation>.', 'en'), []);
    });

    it('skips citation keys', () => {
      assert.deepEqual(jargon('Zoals eerder beschreven [@implementatie2020; @interventie] werkt dit.'), []);
      assert.deepEqual(jargon('As shown before [@implementation-review, p. 4], it works.', 'en'), []);
    });

    it('skips names and titles: a capital mid-sentence that the dictionary form does not have', () => {
      assert.deepEqual(jargon('It only works at the lowest levels of the Stakeholder Model, he says.', 'en'), []);
      assert.deepEqual(jargon('Oskar Gstrein, Assistant Professor Governance and Innovation, sprak.'), []);
      // The same words in lower case, at the start of a sentence or after a colon are words.
      assert.deepEqual(jargon('This stakeholder model helps teachers.', 'en'), ['stakeholder']);
      assert.deepEqual(jargon('Governance is lastig. Het doel: Implementatie in 2025.'), ['Governance', 'Implementatie']);
      // A heading is written in title case: its capitals say nothing (matched; the rule reports terms in the text, not in headings).
      assert.deepEqual(termIds('## Plan for the Implementation\n\nText.', 'en'), ['implementation:Implementation']);
      assert.deepEqual(jargon('## Plan for the Implementation\n\nText.', 'en'), []);
      // A dictionary form with its own capital (Wajonger) is found with it.
      assert.deepEqual(flagged('Veel Wajongers willen werken.', 'nl', 'vocabulary/person-first'), ['Wajongers']);
    });

    it('skips a term that is the whole of a quotation (a mention: the writer already distances it)', () => {
      assert.deepEqual(flagged('Het ging om contact met "verwarde personen" vanuit de GGD.', 'nl', 'vocabulary/person-first'), []);
      assert.deepEqual(jargon('Wat bedoelen beleidsmakers met ‘zelfredzaamheid’?'), []);
      assert.deepEqual(jargon('The word “stakeholder engagement” hides who was involved.', 'en'), []);
      // Part of a short quotation too: the source's words or a label, not the writer's to change (judged false class, session 4).
      assert.deepEqual(jargon('De nota noemt "de zelfredzaamheid van inwoners" als doel.'), []);
      assert.deepEqual(jargon('The app lists *"Customers and Stakeholders"* on its first screen.', 'en'), []);
      // Outside the quotation marks it is the writer's word.
      assert.deepEqual(jargon('De nota noemt "een doel" de zelfredzaamheid van inwoners.'), ['zelfredzaamheid']);
    });

    it('skips template shortcodes left in Markdown ({{< … >}})', () => {
      assert.deepEqual(jargon('Zie {{< embed_pdf url="/pdf/brief inzake implementatie.pdf" >}} voor de brief.'), []);
    });

    it('skips heading anchors but not the heading text', () => {
      assert.deepEqual(jargon('## Over de aanpak {#implementatie}\n\nTekst.'), []);
      assert.deepEqual(termIds('## Implementatie {#implementatie}\n\nTekst.'), ['implementatie:Implementatie']);
    });

    it('skips code blocks and link targets', () => {
      assert.deepEqual(jargon('```\nimplementatie\n```\n\nZie [de aanpak](https://x.nl/interventie).'), []);
    });
  });
});
