/**
 * The failure kinds of issue 14, in both languages, on invented reports: client voice missed
 * (reported experience without a verb of saying, labelled quotes, attributions after the quote,
 * interview answers, a short report with one quote) and client voice invented (quotes with a
 * citation, epigraphs, quotes in a literature section, professionals, named authors, the authors'
 * own "we", a tool for staff). The verdict's evidence is listed by kind with lines.
 */
import { strict as assert } from 'node:assert';
import { check } from './helpers.js';

const NL_METHOD = '## Methode\n\nWe hebben twaalf aanvragers geïnterviewd over de aanvraag.\n\n';
const EN_METHOD = '## Methods\n\nWe interviewed twelve applicants about the application.\n\n';

describe('client evidence: voice that was missed', () => {
  it('nl: reported experience without a verb of saying ("Irritatie bij de aanvrager")', () => {
    const { cp } = check(`# Rapport\n\nTekst.\n\n${NL_METHOD}## Resultaten\n\nDe brief komt vaak laat. Irritatie bij de aanvrager is een gevolg hiervan.\n\nVoor veel aanvragers is onduidelijk welk formulier zij nodig hebben.\n`);
    assert.ok(cp.experienceStatements >= 2, JSON.stringify(cp.statements));
    assert.ok(cp.evidence.reported.some((e) => /Irritatie bij de aanvrager/.test(e.text) && e.line === 11));
    assert.notEqual(cp.verdict, 'absent');
  });

  it('en: reported experience without a verb of saying ("it is often unclear to applicants")', () => {
    const { cp } = check(`# Report\n\nText.\n\n${EN_METHOD}## Findings\n\nIt is often unclear to applicants which form they need.\n\nMost applicants were concerned about the waiting time.\n`);
    assert.ok(cp.experienceStatements >= 2, JSON.stringify(cp.statements));
    assert.ok(cp.evidence.reported.some((e) => /unclear to applicants/.test(e.text)));
  });

  it('nl and en: a generic subject ("most people were supportive") counts only when the method heard clients', () => {
    const heard = check('# Report\n\nText.\n\n## Methods\n\nWe held focus groups with 40 patients.\n\n## Findings\n\nThe majority of people were supportive of the plans.\n').cp;
    assert.equal(heard.experienceStatements, 1);
    const essay = check('# Essay\n\nThe majority of people were supportive of the plans. Patients matter.\n').cp;
    assert.equal(essay.experienceStatements, 0);
    const nl = check('# Rapport\n\nTekst.\n\n## Methode\n\nWe hielden focusgroepen met 40 bewoners.\n\n## Resultaten\n\nDe meeste mensen vonden de plannen goed.\n').cp;
    assert.equal(nl.experienceStatements, 1);
  });

  it('nl: a quote introduced by a label ("Quote deelnemer:") and one attributed after it ("— bewoner, 45 jaar")', () => {
    const { cp } = check(`# Rapport\n\nTekst.\n\n${NL_METHOD}## Resultaten\n\nQuote deelnemer: De app werkt niet goed op mijn telefoon.\n\n> “Ik wist niet waar ik moest beginnen.” — bewoner, 45 jaar\n`);
    assert.equal(cp.clientQuotes, 2, JSON.stringify(cp.quotes));
    assert.deepEqual(cp.evidence.quotes.map((q) => q.line), [11, 13]);
  });

  it('en: a quote introduced by a label ("Quote from a resident:") and one attributed after it ("— resident, 45")', () => {
    const { cp } = check(`# Report\n\nText.\n\n${EN_METHOD}## Findings\n\nQuote from a resident: The app does not work on my phone.\n\n> “I did not know where to start.” — resident, 45\n`);
    assert.equal(cp.clientQuotes, 2, JSON.stringify(cp.quotes));
  });

  it('nl and en: first-person answers to interview questions are the respondent\'s words, the authors\' "we" is not', () => {
    const nl = check('# Gebruikerstest\n\nDeze gebruikerstest is uitgevoerd met drie bewoners van het verzorgingshuis.\n\n## Gebruiker 1\n\n- Speelt u wel eens bingo?\n\n- Ja, ik speel graag bingo met de andere bewoners.\n\n- Wat vindt u van de robot?\n\n- Na deze vragen geven we een korte uitleg.\n').cp;
    assert.equal(nl.clientQuotes, 1, JSON.stringify(nl.quotes));
    assert.equal(nl.verdict === 'partial' || nl.verdict === 'present', true);
    const en = check('# User test\n\nThis user test was done with three residents of the care home.\n\n## User 1\n\n- Do you ever play bingo?\n\n- Yes, I like playing bingo with the other residents.\n\n- What do you think of the robot?\n\n- After these questions we give a short demonstration.\n').cp;
    assert.equal(en.clientQuotes, 1, JSON.stringify(en.quotes));
  });

  it('nl and en: a short report with one client quote is judged on its evidence, not not-applicable', () => {
    const nl = check('# Verslag\n\nWe spraken met een bewoner over de nieuwe keuzehulp van de gemeente. Zij zei: “Ik snap niet welke knop ik moet kiezen, dus ik bel maar.” De gemeente past de knoppen aan en test de keuzehulp opnieuw met bewoners in de wijk voor de zomer.\n').cp;
    assert.notEqual(nl.verdict, 'not-applicable');
    assert.ok(nl.clientQuotes >= 1);
    const en = check('# Note\n\nWe spoke with one resident about the council\'s new decision aid. She said: “I do not understand which button I should choose, so I just call.” The council will change the buttons and test the aid again with residents before the summer.\n').cp;
    assert.notEqual(en.verdict, 'not-applicable');
  });
});

describe('client evidence: voice that was invented', () => {
  it('nl and en: a quotation followed by a citation quotes the literature', () => {
    const nl = check(`# Rapport\n\nTekst.\n\n${NL_METHOD}## Resultaten\n\nEerder onderzoek liet zien: “Ik durfde niet te bellen, ik schaamde me” (Jansen, 2019).\n`).cp;
    assert.equal(nl.clientQuotes, 0);
    assert.ok(nl.evidence.counter.some((c) => c.reason === 'cited' || c.reason === 'literature'));
    const en = check(`# Report\n\nText.\n\n${EN_METHOD}## Findings\n\nAs an earlier study put it: “I did not dare to call, I was ashamed”[^3].\n\n[^3]: Smith, J. Shame and debt.\n`).cp;
    assert.equal(en.clientQuotes, 0);
  });

  it('nl and en: quotations in a literature section are not the study\'s clients', () => {
    const nl = check(`# Rapport\n\nTekst.\n\n## Achtergrond\n\nEen cliënt vertelde in een eerdere studie: “Ik voelde me niet gehoord door de gemeente.”\n\n${NL_METHOD}`).cp;
    assert.equal(nl.clientQuotes, 0);
    assert.ok(nl.evidence.counter.some((c) => c.reason === 'literature'));
    const en = check(`# Report\n\nText.\n\n## Background\n\nA client in an earlier study said: “I never felt heard by the council.”\n\n${EN_METHOD}`).cp;
    assert.equal(en.clientQuotes, 0);
  });

  it('nl and en: an epigraph and a quotation of a named author are no client voice', () => {
    const nl = check(`# Rapport\n\nTekst.\n\n${NL_METHOD}## Resultaten\n\n> “Wie niet weet waar hij vandaan komt, weet niet waar hij naartoe gaat.”\n\nDe meeste aanvragers kregen binnen zes weken een besluit.\n\nZoals de schrijver het zei: “Ik ben nooit alleen geweest met mijn schulden.” — Connie Palmen\n`).cp;
    assert.equal(nl.clientQuotes, 0, JSON.stringify(nl.quotes));
    assert.ok(nl.evidence.counter.length >= 1);
    const en = check(`# Report\n\nText.\n\n${EN_METHOD}## Findings\n\n> “We are all in the gutter, but some of us are looking at the stars.”\n\nMost applicants received a decision within six weeks.\n`).cp;
    assert.equal(en.clientQuotes, 0, JSON.stringify(en.quotes));
    assert.ok(en.evidence.counter.some((c) => c.reason === 'epigraph'));
  });

  it('nl and en: a report about a tool for staff that quotes only staff is not partial', () => {
    const nl = check('# Evaluatie van het registratiesysteem\n\nTekst.\n\n## Methode\n\nWe hebben acht klantmanagers geïnterviewd over het nieuwe registratiesysteem.\n\n## Resultaten\n\nEen klantmanager zei: “Ik kan de dossiers nu veel sneller vinden.”\n\nKlantmanagers vinden het scherm overzichtelijk.\n').cp;
    assert.ok(nl.verdict === 'absent' || nl.verdict === 'not-applicable', nl.summary.nl);
    const en = check('# Evaluation of the case system\n\nText.\n\n## Methods\n\nWe interviewed eight caseworkers about the new case system.\n\n## Findings\n\nOne caseworker said: “I find the files much faster now.”\n\nCaseworkers think the screen is clear.\n').cp;
    assert.ok(en.verdict === 'absent' || en.verdict === 'not-applicable', en.summary.en);
  });

  it('nl and en: a long essay without any method that names clients now and then is not applicable', () => {
    const filler = 'The law of copyright shaped the culture of the last century in many ways. '.repeat(120);
    const en = check(`# Essay\n\n${filler}\n\nOne father told me: “My son is not a pirate.”\n\n${filler}\n`).cp;
    assert.equal(en.verdict, 'not-applicable', en.summary.en);
    const vul = 'Het auteursrecht heeft de cultuur van de vorige eeuw op veel manieren gevormd. '.repeat(120);
    const nl = check(`# Essay\n\n${vul}\n\nEen vader zei tegen mij: “Mijn zoon is geen piraat.”\n\n${vul}\n`).cp;
    assert.equal(nl.verdict, 'not-applicable', nl.summary.nl);
  });

  it('nl and en: the same essay with a method section that reports interviews (with nobody named) is a study, judged on its evidence', () => {
    const filler = 'The law of copyright shaped the culture of the last century in many ways. '.repeat(120);
    const en = check(`# Study\n\n## Methods\n\nFour interviews were performed in the spring.\n\n## Findings\n\n${filler}\n\nOne father told me: “My son is not a pirate.”\n\n${filler}\n`).cp;
    assert.notEqual(en.verdict, 'not-applicable', en.summary.en);
    const vul = 'Het auteursrecht heeft de cultuur van de vorige eeuw op veel manieren gevormd. '.repeat(120);
    const nl = check(`# Onderzoek\n\n## Methode\n\nIn het voorjaar zijn vier interviews afgenomen.\n\n## Resultaten\n\n${vul}\n\nEen vader zei tegen mij: “Mijn zoon is geen piraat.”\n\n${vul}\n`).cp;
    assert.notEqual(nl.verdict, 'not-applicable', nl.summary.nl);
  });
});

describe('client evidence: who the participants are when the method does not say', () => {
  it('nl: a usability test that only speaks of "respondenten" and names applicants but no professionals heard the applicants', () => {
    const findings = ['Een respondent gaf aan dat de knop niet opviel.', 'Respondenten geven aan dat de uitleg te lang is.', 'Een respondent zei: “Ik weet niet waar ik moet klikken.”', 'De meeste respondenten vonden het formulier duidelijk.', 'Een respondent vraagt zich af waar het formulier is opgeslagen.', 'Twee respondenten misten een bevestiging.'];
    const { cp } = check(`# Gebruikerstest aanvraagformulier\n\nHet formulier is bedoeld voor de aanvrager van een subsidie.\n\n## Opzet\n\nHet nieuwe formulier werd getest in het lab.\n\n## Bevindingen\n\n${findings.join('\n\n')}\n`);
    assert.equal(cp.participantsAre, 'clients', JSON.stringify(cp));
    assert.equal(cp.participantsResolvedBy, 'mentions');
    assert.ok(cp.verdict === 'partial' || cp.verdict === 'present', cp.summary.nl);
    // The same text naming one caseworker as well: who took part stays open, nothing is credited to clients.
    const mixed = check(`# Gebruikerstest aanvraagformulier\n\nHet formulier is bedoeld voor de aanvrager van een subsidie en voor de klantmanager.\n\n## Opzet\n\nHet nieuwe formulier werd getest in het lab.\n\n## Bevindingen\n\n${findings.join('\n\n')}\n`).cp;
    assert.equal(mixed.participantsAre, 'unknown');
  });

  it('en: a usability test that only speaks of "respondents" and names applicants but no professionals heard the applicants', () => {
    const findings = ['One respondent said the button was hard to see.', 'Respondents said the explanation was too long.', 'One respondent said: “I do not know where to click.”', 'Most respondents found the form clear.', 'One respondent wondered where the form was saved.', 'Two respondents missed a confirmation.'];
    const { cp } = check(`# Usability test of the application form\n\nThe form is meant for the applicant of a grant.\n\n## Set-up\n\nThe new form was tested in the lab.\n\n## Findings\n\n${findings.join('\n\n')}\n`);
    assert.equal(cp.participantsAre, 'clients', JSON.stringify(cp));
    assert.ok(cp.verdict === 'partial' || cp.verdict === 'present', cp.summary.en);
    const mixed = check(`# Usability test of the application form\n\nThe form is meant for the applicant of a grant and for the caseworker.\n\n## Set-up\n\nThe new form was tested in the lab.\n\n## Findings\n\n${findings.join('\n\n')}\n`).cp;
    assert.equal(mixed.participantsAre, 'unknown');
  });
});

describe('client evidence: the verdict names its strongest evidence with a line', () => {
  it('nl and en: summary and JSON evidence by kind', () => {
    const nl = check(`# Rapport\n\nTekst.\n\n${NL_METHOD}## Resultaten\n\nEen aanvrager zei: “Ik wist niet welk formulier ik nodig had.”\n\nEen andere aanvrager vertelde: “Ik heb drie keer gebeld.”\n`).cp;
    assert.equal(nl.evidence.strongest?.kind, 'quote');
    assert.match(nl.summary.nl, /sterkste bewijs: een citaat van een cliënt, regel 11/);
    assert.ok(nl.evidence.method.some((m) => m.kind === 'source' && m.line === 7));
    const en = check(`# Report\n\nText.\n\n${EN_METHOD}## Findings\n\nOne applicant said: “I did not know which form I needed.”\n\nAnother applicant told us: “I called three times.”\n`).cp;
    assert.match(en.summary.en, /strongest evidence: a client quotation, line 11/);
  });
});
