import { strict as assert } from 'node:assert';
import { config, flagged, run, vocabularyFindings } from './helpers.js';

/**
 * The false classes of the session-5 blind judgements (test/judged/findings-s6.tsv, findings-s7.tsv), each as a
 * general rule in Dutch and English: text that is not the writer's own (a code of conduct reproduced whole, a
 * template's guidance left in a draft), the report's own words in its headings, collocations and a field's own term.
 */
const JARGON = 'vocabulary/jargon';
const general = { config: config({ audience: 'general' }) };

/** The jargon findings with their severity and text. */
function shown(text: string, language: 'nl' | 'en', options = {}): Array<[string, string]> {
  const r = run(text, language, options);
  return vocabularyFindings(r, JARGON).map((f) => [text.slice(f.offset, f.endOffset), f.severity]);
}

describe('vocabulary: text that is not the writer’s own, and the report’s own words (session 6)', () => {
  describe('a section that says it is adopted from a source is not the writer’s text', () => {
    it('en: a code of conduct "adapted from the Contributor Covenant" is not checked; the writer’s own chapters are', () => {
      const text = '# Teaching\n\nWe asked learners prior to the class what they knew.\n\n# Code of Conduct\n\nThe team will maintain confidentiality with regard to the reporter of an incident.\n\n## Attribution\n\nThis Code of Conduct is adapted from the Contributor Covenant version 1.4.\n';
      assert.deepEqual(flagged(text, 'en', JARGON), ['prior to']);
    });

    it('en: a chapter "adapted from a paper" (the writer’s own earlier article) stays the writer’s text', () => {
      const text = '# Findings\n\nStaff spoke with regard to their workload.\n\nThis chapter is adapted from a paper we published in 2021.\n';
      assert.deepEqual(flagged(text, 'en', JARGON), ['with regard to']);
    });

    it('nl: een gedragscode die "overgenomen" is van een andere organisatie is niet de tekst van de schrijver', () => {
      const text = '# Aanpak\n\nWe spraken de deelnemers alvorens de test begon.\n\n# Gedragscode\n\nMedewerkers dienen te allen tijde respectvol te handelen.\n\nDeze gedragscode is overgenomen van de landelijke vereniging.\n';
      assert.deepEqual(flagged(text, 'nl', JARGON), ['alvorens']);
    });

    it('nl: een hoofdstuk "gebaseerd op" een bron blijft de tekst van de schrijver', () => {
      const text = '# Gedragscode\n\nMedewerkers handelen te allen tijde respectvol.\n\nDeze gedragscode is gebaseerd op de code van de vereniging.\n';
      assert.deepEqual(flagged(text, 'nl', JARGON), ['te allen tijde']);
    });
  });

  describe('a template’s guidance that addresses the writer about the thesis is not the writer’s text', () => {
    it('nl: "Wat is het beoogde resultaat van je bachelorproef?" is sjabloontekst; dezelfde term in de eigen tekst blijft', () => {
      const guidance = '# Inleiding\n\nWat is het beoogde resultaat van je bachelorproef? Beschrijf die zo concreet mogelijk.\n';
      assert.deepEqual(flagged(guidance, 'nl', JARGON), []);
      const own = `${guidance}\nHet beoogde resultaat is een kalender-app voor studenten.\n`;
      const r = run(own, 'nl');
      const f = vocabularyFindings(r, JARGON);
      assert.equal(f.length, 1);
      assert.equal(f[0]!.offset, own.lastIndexOf('beoogde'));
    });

    it('en: "Describe who is impacted by the problem of your thesis" is template guidance; the writer’s own sentence is not', () => {
      assert.deepEqual(flagged('# Introduction\n\nDescribe who is impacted by the problem of your thesis.\n', 'en', JARGON), []);
      assert.deepEqual(flagged('# Introduction\n\nFamilies in this thesis were impacted by the problem.\n', 'en', JARGON), ['impacted']);
    });
  });

  describe('a term in a heading of the report names a part of its work: one quiet question', () => {
    it('nl: "stakeholders" in a heading ("Alle behoeftes stakeholders") is a hint; without the heading it is shown', () => {
      const body = 'Mijn oplossing moet aansluiten op de wensen van de stakeholders.\n';
      assert.deepEqual(shown(`# Onderzoek\n\n${body}\n## Alle behoeftes stakeholders\n\nDe leerlingen willen rust.\n`, 'nl'), [['stakeholders', 'hint']]);
      assert.deepEqual(shown(`# Onderzoek\n\n${body}`, 'nl'), [['stakeholders', 'info']]);
    });

    it('en: "dissemination" in a heading of the report is a hint; without the heading it is shown', () => {
      const body = 'The dissemination of the results starts in May.\n';
      const headed = shown(`# Report\n\n${body}\n## Dissemination plan\n\nWe share the results with nurses.\n`, 'en');
      assert.deepEqual(headed.map(([, s]) => s), ['hint']);
      assert.notEqual(shown(`# Report\n\n${body}`, 'en')[0]?.[1], 'hint');
    });

    it('nl + en: a heading that is the word alone is a generic section name (Scope, Dissemination): the word in the text stays shown', () => {
      assert.deepEqual(shown('# Rapport\n\nDit valt buiten de scope van het project.\n\n## Scope\n\nWe kijken naar twee wijken.\n', 'nl'), [['scope', 'info']]);
      assert.notEqual(shown('# Report\n\nThe dissemination of the results starts in May.\n\n## Dissemination\n\nWe share the results.\n', 'en')[0]?.[1], 'hint');
    });
  });

  describe('collocations and a field’s own term', () => {
    it('nl: "de verworven inzichten" is a normal collocation; "verwerven een diploma" is stiff', () => {
      assert.deepEqual(flagged('# Rapport\n\nDe verworven inzichten bieden een stevig fundament.\n', 'nl', JARGON), []);
      assert.deepEqual(flagged('# Rapport\n\nDeelnemers verwerven een diploma.\n', 'nl', JARGON), ['verwerven']);
    });

    it('en: "with respect to" after a noun gets "for" among its suggestions (about and on break "the consequence with respect to old books")', () => {
      const r = run('# Report\n\nThe consequence with respect to old books is that they will not be digitised.\n', 'en');
      const f = vocabularyFindings(r, JARGON)[0]!;
      assert.ok((f.data?.suggestions as string[]).includes('for'), JSON.stringify(f.data));
      assert.match(f.message.en, /"about", "for" or "on"/);
    });

    it('nl: "multiproblematiek" is social work’s own term: a hint for practitioners, shown to the general public', () => {
      const text = '# Wijkscan\n\nEr is een groep jongeren met multiproblematiek.\n';
      assert.deepEqual(shown(text, 'nl'), [['multiproblematiek', 'hint']]);
      assert.deepEqual(shown(text, 'nl', general).map(([, s]) => s === 'hint'), [false]);
      // The suffix word that only means "schulden" stays stiff for every reader.
      assert.deepEqual(shown('# Wijkscan\n\nDe schuldenproblematiek in de wijk neemt toe.\n', 'nl').map(([, s]) => s === 'hint'), [false]);
    });

    it('en: a field’s own term (stakeholders) is a hint for practitioners and shown to the general public', () => {
      const text = '# Report\n\nWe interviewed stakeholders in three towns.\n';
      assert.deepEqual(shown(text, 'en'), [['stakeholders', 'hint']]);
      assert.deepEqual(shown(text, 'en', general).map(([, s]) => s === 'hint'), [false]);
    });
  });
});
