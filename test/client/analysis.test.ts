import { strict as assert } from 'node:assert';
import { check, fixture } from './helpers.js';
import { fileExtras } from '../../server/src/cli/extras.js';

describe('client: the clientPerspective analysis', () => {
  describe('verdicts on small reports, Dutch and English', () => {
    const cases: Array<[string, string]> = [
      ['nl-present.md', 'present'],
      ['en-present.md', 'present'],
      ['nl-partial-involvement.md', 'partial'],
      ['en-partial-ppi.md', 'partial'],
      ['en-absent.md', 'absent'],
      ['en-manual.md', 'not-applicable'],
      ['nl-handleiding.md', 'not-applicable'],
    ];
    for (const [name, verdict] of cases) {
      it(`${name}: ${verdict}`, () => {
        const { cp } = check(fixture(name), { path: name });
        assert.equal(cp.verdict, verdict, cp.summary.en);
      });
    }
  });

  it('counts clients and professionals per 1,000 words, with the terms as written', () => {
    const { cp } = check(fixture('en-absent.md'), { path: 'a.md' });
    assert.equal(cp.clientMentions, 4);
    assert.equal(cp.professionalMentions, 11);
    assert.equal(cp.clientMentionsPer1000, Math.round((4 / cp.words) * 10000) / 10);
    assert.equal(cp.clientToProfessionalRatio, 0.36);
    assert.deepEqual(cp.clientTerms, [{ term: 'tenants', count: 4 }]);
    assert.ok(cp.professionalTerms.some((t) => t.term === 'support workers' && t.count === 3));
  });

  it('nl and en: the five most used client terms, most first, then by word (more than five terms, with ties)', () => {
    const en = 'The tenants said the office is far. Patients wait long. The residents agreed with the tenants. Patients and tenants complained. Families of patients wrote to us. Service users asked for help. The residents voted. Parents came too. Pupils joined. Clients spoke.';
    const nl = 'De huurders vonden het loket ver weg. Patiënten wachten lang. De bewoners waren het eens met de huurders. Patiënten en huurders klaagden. Families van patiënten schreven ons. Cliënten vroegen om hulp. De bewoners stemden. Ouders kwamen ook. Leerlingen deden mee.';
    const terms = (text: string) => check(`# T\n\n${text}\n`, { path: 'terms.md' }).cp.clientTerms.map((t) => `${t.term} ${t.count}`);
    assert.deepEqual(terms(en), ['patients 3', 'tenants 3', 'residents 2', 'clients 1', 'families 1']);
    assert.deepEqual(terms(nl), ['huurders 3', 'patiënten 3', 'bewoners 2', 'cliënten 1', 'leerlingen 1']);
  });

  it('counts per section, each section with its subsections', () => {
    const { cp } = check(fixture('nl-present.md'), { path: 'a.md' });
    const res = cp.sections.find((s) => s.title === 'Resultaten')!;
    const sub = cp.sections.filter((s) => s.line > res.line && s.level === 3);
    assert.equal(sub.length, 2);
    assert.equal(res.clientMentions, sub.reduce((n, s) => n + s.clientMentions, 0));
    assert.ok(res.clientMentions >= 3);
    assert.deepEqual(cp.keySections.map((k) => [k.title, k.mentionsClients]), [['Conclusies', true], ['Aanbevelingen', true]]);
  });

  it('reads the method: clients as a source, professionals as a source, and the explicit "not interviewed"', () => {
    const present = check(fixture('nl-present.md'), { path: 'a.md' }).cp;
    assert.ok(present.method.asDataSource);
    assert.ok(present.method.asCoResearchers, 'ervaringsdeskundigen dachten mee');
    assert.match(present.method.clientSources[0]!.text, /veertien inwoners/);
    assert.match(present.method.professionalSources[0]!.text, /vier schuldhulpverleners/);
    const absent = check(fixture('en-absent.md'), { path: 'a.md' }).cp;
    assert.ok(!absent.method.involvesClients);
    assert.deepEqual(absent.method.notInvolved.map((n) => n.text), ['Tenants were not interviewed.']);
    assert.equal(absent.method.section?.title, 'Method');
  });

  it('students of a care course (unless words beside them) are professionals in training, not clients; other students are', () => {
    const nl = (who: string) => check(`# Rapport over werkdruk\n\n## Methode\n\nEr werden drie interviews afgenomen bij ${who}.\n\n## Resultaten\n\nDe ${who} vertelden dat ze hun pauze vaak overslaan.\n`, { path: 'a.md', language: 'nl' }).cp;
    const care = nl('studenten verpleegkunde');
    assert.deepEqual(care.method.clientSources, []);
    assert.ok(!care.clientTerms.some((t) => /student/.test(t.term)), JSON.stringify(care.clientTerms));
    const school = nl('studenten van de opleiding');
    assert.match(school.method.clientSources[0]!.text, /studenten/);
    const en = (who: string) => check(`# Report on workload\n\n## Method\n\nWe interviewed three ${who}.\n\n## Findings\n\nThe ${who} said that they often skip their breaks.\n`, { path: 'a.md', language: 'en' }).cp;
    assert.deepEqual(en('nursing students').method.clientSources, []);
    assert.match(en('students on the course').method.clientSources[0]!.text, /students/);
  });

  it('finds the negation in both languages', () => {
    for (const [text, lang] of [
      ['Klanten zijn niet geïnterviewd.', 'nl'],
      ['Er zijn geen cliënten geïnterviewd.', 'nl'],
      ['Programme participants were not interviewed.', 'en'],
      ['We did not interview any patients.', 'en'],
    ] as const) {
      const { cp } = check(`# Rapport\n\n## Methode\n\nWe interviewden tien klantmanagers. ${text}\n\n## Resultaten\n\nDe klantmanagers en de cliënten, de inwoners en hun kinderen: iedereen wacht.\n`, { language: lang });
      assert.equal(cp.method.notInvolved.length, 1, text);
      assert.ok(!cp.method.asDataSource, text);
    }
  });

  it('does not count announced, recommended or questioned methods as done', () => {
    for (const text of [
      'In een volgende fase zullen we cliënten interviewen.',
      'De gemeente zou cliënten moeten interviewen.',
      'Hoe kunnen we cliënten interviewen?',
    ]) {
      const { cp } = check(`# Rapport\n\n## Methode\n\nWe analyseerden dossiers van cliënten. ${text}\n\n## Resultaten\n\nCliënten wachten lang. Inwoners bellen vaak. Cliënten schrijven brieven.\n`);
      assert.ok(!cp.method.asDataSource, text);
      assert.equal(cp.method.planned.length, 1, text);
      assert.equal(cp.verdict, 'absent', text);
    }
  });

  it('tells who was interviewed from the clause, not from every person in the sentence', () => {
    // The focus groups were with professionals; clients are what they talked about.
    const { cp } = check('# Praktijk\n\n## Aanpak\n\nDe derde factor die veel werd genoemd in de focusgroepen, is de omvang van het bestand aan cliënten. Er zijn focusgroepen gehouden met uitvoerend professionals.\n\n## Resultaten\n\nProfessionals werken met cliënten, burgers en hun gezinnen.\n');
    assert.ok(!cp.method.asDataSource);
    assert.ok(cp.method.professionalSources.length >= 1);
  });

  it('resolves respondents and participants by the people the method names', () => {
    const clients = check('# Onderzoek\n\n## Opzet\n\nWe interviewden twintig inwoners met een laag inkomen.\n\n## Bevindingen\n\nDe respondenten gaven aan dat de brief te lang is. Een respondent zei: "Ik snap niet wat ik moet invullen."\n').cp;
    assert.equal(clients.participantsAre, 'clients');
    assert.equal(clients.clientQuotes, 1);
    assert.equal(clients.voiceStatements, 2);
    const staff = check('# Study\n\n## Method\n\nWe interviewed twelve caseworkers.\n\n## Findings\n\nParticipants said the system is slow. One participant said: "I spend half my day on data entry."\n\nClients wait for weeks; residents and families complain.\n').cp;
    assert.equal(staff.participantsAre, 'professionals');
    assert.equal(staff.clientQuotes, 0);
    assert.equal(staff.professionalQuotes, 1);
    assert.equal(staff.voiceStatements, 0);
  });

  it('attributes quotations: attribution, lead-in, introducing paragraph', () => {
    const { cp } = check([
      '# Ervaringen',
      '',
      '## Resultaten',
      '',
      '"Ik wist niet waar ik moest beginnen met al die papieren." (cliënt, 45)',
      '',
      'Een klantmanager zei: "Ik heb te veel dossiers om iedereen te bellen."',
      '',
      'Ouders vertelden over de wachttijd:',
      '',
      '> "Ik heb drie maanden niets gehoord van de gemeente."',
      '',
      '> "Mijn zoon moest stoppen met voetbal."',
      '',
    ].join('\n'));
    assert.equal(cp.clientQuotes, 3);
    assert.equal(cp.professionalQuotes, 1);
    assert.equal(cp.quotes[0]!.attribution, '(cliënt, 45)');
  });

  it('reads experiences of clients, not their needs as a topic or a finding from the literature', () => {
    const stmts = (body: string) => check(`# Rapport\n\n## Resultaten\n\n${body}\n`).cp.experienceStatements;
    assert.equal(stmts('Veel ouders voelen zich alleen staan.'), 1);
    assert.equal(stmts('In die weken voelen bewoners zich vaak onzeker.'), 1);
    assert.equal(stmts('De app moet aansluiten bij de behoeften van mensen met ADHD.'), 0);
    assert.equal(stmts('Patiënten ervaren veel schaamte (Jansen, 2019).'), 0);
    assert.equal(stmts('Ervaren inwoners de brief als bedreigend?'), 0);
    assert.equal(check('# Report\n\n## Findings\n\nMost parents felt rushed at the first meeting.\n', { language: 'en' }).cp.experienceStatements, 1);
  });

  it('does not count the report\'s own research questions or guiding questions as client voice', () => {
    const { cp } = check('# Rapport\n\n## Cliëntperspectief\n\nWat zeggen cliënten zelf? Hoe waren cliënten betrokken: als bron, als meedenkers of als medeonderzoekers?\n\n## Resultaten\n\nKlantmanagers bellen cliënten.\n');
    assert.equal(cp.voiceStatements, 0);
    assert.equal(cp.involvement.length, 0);
  });

  it('has the JSON shape of `brug check --format json` (exactly these keys) and a one-line verdict', () => {
    const { r } = check(fixture('nl-present.md'), { path: 'a.md' });
    const extra = fileExtras(r, 'nl');
    const json = extra.json.clientPerspective as Record<string, unknown>;
    assert.deepEqual(Object.keys(json).sort(), ['clientMentionsPer1000', 'clientQuotes', 'clientToProfessionalRatio', 'evidence', 'experienceStatements', 'methodInvolvesClients', 'sections', 'verdict'].sort());
    // The evidence by kind, with lines (the practice report reads these names).
    const ev = json.evidence as Record<string, unknown>;
    assert.deepEqual(Object.keys(ev).filter((k) => k !== 'strongest').sort(), ['counter', 'method', 'quotes', 'reported']);
    assert.ok((ev.quotes as Array<{ line: number }>).every((q) => q.line >= 1));
    assert.equal(json.verdict, 'present');
    assert.equal(json.methodInvolvesClients, true);
    const sections = json.sections as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(sections[0]!).sort(), ['clientMentions', 'line', 'professionalMentions', 'role', 'title'].sort());
    assert.equal(extra.lines.length, 1);
    assert.match(extra.lines[0]!.nl, /^Cliëntperspectief: aanwezig — .*keer cliënten per 1\.000 woorden.*citaten van cliënten/);
    assert.match(extra.lines[0]!.en, /^Client perspective: present — .* client mentions per 1,000 words, clients : professionals .*client quotations/);
    assert.doesNotThrow(() => JSON.stringify(extra.json));
  });

  it('gives null for the ratio when no professionals are named', () => {
    const { cp } = check('# Ervaringen\n\nInwoners vertellen over hun buurt. Bewoners zijn tevreden. Kinderen spelen buiten.\n');
    assert.equal(cp.clientToProfessionalRatio, null);
  });

  it('resolves participants by the people the text names most when the method does not say who they are', () => {
    const { cp } = check([
      '# Food insecurity in Northtown',
      '',
      '## Method',
      '',
      'We conducted semi-structured interviews with 20 participants recruited at two food banks.',
      '',
      '## Findings',
      '',
      'Families described the first visit as the hardest. Parents skip meals so that their children can eat; households with young children run out of money in the last week of the month. Many residents travel an hour to the food bank.',
      '',
      'Participants told us they felt judged. One participant said: "I waited outside until nobody could see me go in."',
      '',
    ].join('\n'), { language: 'en' });
    assert.equal(cp.participantsAre, 'clients');
    assert.equal(cp.participantsResolvedBy, 'mentions');
    assert.ok(cp.method.asDataSource);
    assert.equal(cp.clientQuotes, 1);
    assert.equal(cp.verdict, 'present');
  });

  it('reads a first-person paragraph that names its speaker as a quotation, without quotation marks', () => {
    const { cp } = check('# Ervaringen met de schuldhulp\n\n## Methode\n\nWe spraken met twaalf cliënten van de schuldhulp.\n\n## Resultaten\n\nCliënten vertellen dat de eerste weken het zwaarst zijn.\n\n*Ik durfde de post niet meer open te maken.* (R4)\n\n*Mijn kinderen merkten het ook.* (cliënt, 38)\n');
    assert.equal(cp.clientQuotes, 2);
    assert.equal(cp.verdict, 'present');
  });
});
