/**
 * The three vocabulary rules in Dutch and English: sentences that must and must not be
 * flagged, the preference order of mixed terms, and person-first labels.
 */
import { strict as assert } from 'node:assert';
import { config, flagged, run, vocabularyFindings } from './helpers.js';

const jargonNl = (t: string) => flagged(t, 'nl', 'vocabulary/jargon');
const jargonEn = (t: string) => flagged(t, 'en', 'vocabulary/jargon');
// These tests cover word choice (near-synonyms), which is off by default: they switch it on.
const NEAR_SYNONYMS = { 'vocabulary/mixed-terms': { options: { nearSynonyms: true } } };
const mixed = (t: string, lang: 'nl' | 'en', raw: Record<string, unknown> = {}) =>
  flagged(t, lang, 'vocabulary/mixed-terms', { config: config({ ...raw, rules: { ...NEAR_SYNONYMS, ...((raw.rules as object | undefined) ?? {}) } }) });
const person = (t: string, lang: 'nl' | 'en') => flagged(t, lang, 'vocabulary/person-first');

describe('vocabulary rules', () => {
  describe('vocabulary/jargon', () => {
    const nlFlag: Array<[string, string[]]> = [
      ['De interventie is in 2023 geïmplementeerd.', ['interventie', 'geïmplementeerd']],
      ['Teneinde de doelgroep te bereiken, werd een stakeholderanalyse gedaan.', ['Teneinde', 'stakeholderanalyse']],
      ['In het kader van de evaluatie zijn de uitkomsten geoperationaliseerd.', ['In het kader van', 'geoperationaliseerd']],
      ['Er is sprake van multiproblematiek; de zelfredzaamheid is laag.', ['multiproblematiek', 'zelfredzaamheid']],
      ['De klant krijgt middels een brief bericht.', ['klant', 'middels']],
    ];
    const nlClean = [
      'De aanpak is in 2023 ingevoerd.',
      'Om de mensen te bereiken, spraken we met betrokkenen in de wijk.',
      'De klantmanager belt de cliënt om het plan te bespreken.',
      'Deze gezinnen hebben meerdere problemen tegelijk.',
      'De consulent vult de zelfredzaamheidsmatrix in.',
    ];
    const enFlag: Array<[string, string[]]> = [
      ['In order to facilitate uptake, staff utilised a new form.', ['In order to', 'facilitate', 'utilised']],
      ['The implementation was operationalised with stakeholder engagement.', ['implementation', 'operationalised', 'stakeholder engagement']],
      ['Customers at the jobcentre made a decision prior to the interview.', ['Customers', 'made a decision', 'prior to']],
    ];
    const enClean = [
      'To make the form easier, staff used a new design.',
      'The roll-out took six months, and partners helped.',
      'Clients decided before the interview.',
      'The order arrived; to be fair it was late.',
    ];
    for (const [t, want] of nlFlag) it(`nl flags: ${t}`, () => assert.deepEqual(jargonNl(t), want));
    for (const t of nlClean) it(`nl leaves alone: ${t}`, () => assert.deepEqual(jargonNl(t), []));
    for (const [t, want] of enFlag) it(`en flags: ${t}`, () => assert.deepEqual(jargonEn(t), want));
    for (const t of enClean) it(`en leaves alone: ${t}`, () => assert.deepEqual(jargonEn(t), []));

    it('a Dutch document is checked with the Dutch dictionaries only, an English one with the English', () => {
      assert.deepEqual(jargonNl('De implementation was goed.'), []);
      assert.deepEqual(jargonEn('The implementatie was good.'), []);
    });

    it('says what practitioners say, and why, in both message languages', () => {
      const f = vocabularyFindings(run('De implementatie liep uit.', 'nl'), 'vocabulary/jargon')[0]!;
      // A content word without a reviewed drop-in swap, of academic writing: a hint by default (session-5 judgement), its suggestions are examples.
      assert.equal(f.severity, 'hint');
      assert.match(f.message.nl, /^"implementatie" is onderzoekstaal\. In de praktijk bijvoorbeeld: "invoering" of "uitvoering"\. Professionals zeggen/);
      assert.match(f.message.en, /^"implementatie" is research language\. Practitioners say, for example, "invoering" or "uitvoering"\.$/);
      assert.deepEqual(f.data, { entryId: 'implementatie', term: 'implementatie', matched: 'implementatie', suggestions: ['invoering', 'uitvoering'], domain: 'academisch', fieldWord: true });
    });

    it('can be turned off, and disabled inline', () => {
      const text = 'De implementatie liep uit.';
      assert.deepEqual(flagged(text, 'nl', 'vocabulary/jargon', { config: config({ rules: { 'vocabulary/jargon': 'off' } }) }), []);
      assert.deepEqual(jargonNl(`<!-- brug-disable-next-line vocabulary/jargon -->\n${text}`), []);
      assert.deepEqual(jargonNl(`<!-- brug-disable vocabulary/jargon -->\n${text}\n\n<!-- brug-enable -->\n\nDe interventie ook.`), ['interventie']);
    });
  });

  describe('vocabulary/mixed-terms', () => {
    it('nl: client words for the same people (cliënt / hulpvrager), the minority is flagged', () => {
      const text = 'De cliënt belt het wijkteam. Cliënten wachten lang. Een hulpvrager schreef een brief.';
      assert.deepEqual(mixed(text, 'nl'), ['hulpvrager']);
      const f = vocabularyFindings(run(text, 'nl', { config: config({ rules: NEAR_SYNONYMS }) }), 'vocabulary/mixed-terms')[0]!;
      assert.equal(f.severity, 'warning');
      assert.match(f.message.nl, /"hulpvrager": dit document gebruikt voor hetzelfde ook "cliënt" \(2×\)\. Kies één woord: "cliënt"\./);
      assert.equal(f.related?.length, 2);
      assert.deepEqual(f.data?.used, { cliënt: 2, hulpvrager: 1 });
    });

    it('nl: klant next to cliënt is left to the jargon rule (one finding per word), unless jargon is off', () => {
      const text = 'De cliënt belt. Cliënten wachten lang. De klant schreef een brief.';
      assert.deepEqual(mixed(text, 'nl'), []);
      assert.deepEqual(jargonNl(text), ['klant']);
      assert.deepEqual(mixed(text, 'nl', { rules: { 'vocabulary/jargon': 'off' } }), ['klant']);
    });

    it('nl: klant flagged by jargon in a later block (a list item after markup) is left to it too, and found again once jargon is off', () => {
      // The flagged terms are looked up in the use's own block (session 27), not gathered from the whole document.
      const text = 'De cliënt belt.\n\nCliënten wachten lang.\n\nDe **klant** wacht.\n\n- Een *lange* brief; de klant schreef hem.';
      assert.deepEqual(mixed(text, 'nl'), []);
      assert.deepEqual(jargonNl(text), ['klant']);
      assert.deepEqual(mixed(text, 'nl', { rules: { 'vocabulary/jargon': 'off' } }), ['klant']);
    });

    it('nl: spelling variants re-integratie / reïntegratie / reintegratie', () => {
      // reïntegratie and reintegratie are one spelling to Brug (diacritics fold): one finding, at its first use.
      const text = 'De re-integratie begint vroeg. De re-integratie duurt. Na de reïntegratie volgt nazorg. Het reintegratietraject duurt lang.';
      assert.deepEqual(mixed(text, 'nl'), ['reïntegratie']);
      const f = vocabularyFindings(run(text, 'nl'), 'vocabulary/mixed-terms')[0]!;
      assert.equal(f.data?.count, 2);
      assert.equal(f.related?.filter((x) => x.message.en.includes('again')).length, 1);
    });

    it('nl: one member only, or members in different documents, is not mixing', () => {
      assert.deepEqual(mixed('De cliënt belt. Cliënten wachten lang.', 'nl'), []);
      assert.deepEqual(mixed('De re-integratie begint. Het re-integratietraject duurt lang.', 'nl'), []);
    });

    it('en: participants / research subjects, and respondents left to the jargon rule; interviewees are a subgroup, not a synonym', () => {
      assert.deepEqual(mixed('Participants liked it. Most participants stayed. Two research subjects left.', 'en'), ['research subjects']);
      assert.deepEqual(mixed('Participants liked it. Most participants stayed. Two interviewees left.', 'en'), []);
      const text = 'Participants liked it. Two respondents left.';
      assert.deepEqual(mixed(text, 'en'), []);
      assert.deepEqual(jargonEn(text), ['respondents']);
    });

    it('en: a project that prefers respondents gets mixed-terms on participants and no jargon on respondents', () => {
      const text = 'Respondents liked it. Most respondents stayed. Two participants left.';
      const raw = { vocabulary: { prefer: { participant: 'respondent' } } };
      assert.deepEqual(mixed(text, 'en', raw), ['participants']);
      assert.deepEqual(flagged(text, 'en', 'vocabulary/jargon', { config: config(raw) }), []);
      const f = vocabularyFindings(run(text, 'en', { config: config({ ...raw, rules: NEAR_SYNONYMS }) }), 'vocabulary/mixed-terms')[0]!;
      assert.equal(f.fixes[0]!.edits[0]!.newText, 'respondents');
    });

    describe('preference order: project → the report\'s majority → on a tie the dictionary\'s preferred, then the first listed', () => {
      const text = 'Two benefit recipients left. Benefit recipients were paid. A welfare recipient spoke. The claimant wrote.';
      it('the project’s choice first', () => {
        const fs = vocabularyFindings(run(text, 'en', { config: config({ vocabulary: { prefer: { claimant: 'welfare recipient' } }, rules: NEAR_SYNONYMS }) }), 'vocabulary/mixed-terms');
        assert.deepEqual(fs.map((f) => f.data?.preferred), ['welfare recipient', 'welfare recipient']);
        assert.deepEqual(fs.map((f) => text.slice(f.offset, f.endOffset)), ['benefit recipients', 'claimant']);
      });
      it('then the report’s own majority, not the dictionary’s preferred member (claimant)', () => {
        assert.deepEqual(mixed(text, 'en'), ['welfare recipient', 'claimant']);
      });
      it('en: socioeconomic ×3 against socio-economic ×1 becomes socioeconomic, with a safe fix', () => {
        const t = 'Socioeconomic factors mattered. The socioeconomic data were thin. A socio-economic gap remained. Socioeconomic status was measured.';
        const fs = vocabularyFindings(run(t, 'en'), 'vocabulary/mixed-terms');
        assert.deepEqual(fs.map((f) => t.slice(f.offset, f.endOffset)), ['socio-economic']);
        const fix = fs[0]!.fixes.find((x) => x.preferred)!;
        assert.equal(fix.kind, 'safe');
        assert.deepEqual(fix.edits.map((e) => e.newText), ['socioeconomic']);
      });
      it('on a tie, the dictionary’s preferred member', () => {
        const t = 'A socioeconomic gap. A socio-economic gap.';
        assert.deepEqual(mixed(t, 'en'), ['socioeconomic']);
      });
      it('then the most frequent member', () => {
        const t = 'Two benefit recipients left. Benefit recipients were paid. A welfare recipient spoke.';
        assert.deepEqual(mixed(t, 'en'), ['welfare recipient']);
        const f = vocabularyFindings(run(t, 'en', { config: config({ rules: NEAR_SYNONYMS }) }), 'vocabulary/mixed-terms')[0]!;
        assert.equal(f.data?.preferred, 'benefit recipient');
        assert.equal(f.fixes[0]!.edits[0]!.newText, 'benefit recipient');
      });
      it('a tie goes to the member listed first (no dictionary preference: inwoner / burger)', () => {
        assert.deepEqual(mixed('Een burger belt. Een inwoner schrijft.', 'nl'), ['burger']);
        assert.deepEqual(mixed('Een burger belt. Burgers schrijven. Een inwoner schrijft.', 'nl'), ['inwoner']);
      });
    });
  });

  describe('vocabulary/person-first', () => {
    it('nl: schuldenaren, probleemgezinnen and other labels', () => {
      assert.deepEqual(person('Veel schuldenaren durven geen hulp te vragen.', 'nl'), ['schuldenaren']);
      assert.deepEqual(person('Het wijkteam richt zich op probleemgezinnen en multiprobleemgezinnen.', 'nl'), ['probleemgezinnen', 'multiprobleemgezinnen']);
      assert.deepEqual(person('Zorgmijders zijn lastig te bereiken.', 'nl'), ['Zorgmijders']);
    });

    it('nl: the person-first wording is not flagged', () => {
      assert.deepEqual(person('Veel mensen met schulden durven geen hulp te vragen. Gezinnen met problemen krijgen een vaste coach.', 'nl'), []);
      assert.deepEqual(person('De schuldeisers sturen een brief. Het gezin heeft een probleem met de huur.', 'nl'), []);
    });

    it('en: the unemployed, welfare dependants', () => {
      assert.deepEqual(person('The unemployed need support; welfare dependants even more.', 'en'), ['The unemployed', 'welfare dependants']);
      assert.deepEqual(person('Unemployed people need support; people claiming benefits even more.', 'en'), []);
      assert.deepEqual(person('The unemployment rate fell.', 'en'), []);
    });

    it('is info, not a warning, and its fix is person-first', () => {
      const f = vocabularyFindings(run('Probleemgezinnen krijgen hulp.', 'nl'), 'vocabulary/person-first')[0]!;
      assert.equal(f.severity, 'info');
      assert.match(f.message.en, /^"Probleemgezinnen" names people by their problem\. Practitioners say "gezinnen met problemen"\./);
      assert.equal(f.fixes.find((x) => x.preferred)!.edits[0]!.newText, 'Gezinnen met problemen');
    });
  });
});
