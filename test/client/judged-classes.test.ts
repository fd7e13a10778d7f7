import { strict as assert } from 'node:assert';
import { defaultConfig, mergeConfig } from '../../server/src/index.js';
import { check, findings } from './helpers.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * The false classes a blind judgement of the client rules found (session 3, test/judged/), each as
 * a general rule, in Dutch and English. The client-perspective verdict itself does not change.
 */
const SECTION = 'client/section-without-client';
const NO_INVOLVEMENT = 'client/no-involvement';
const MISSING = 'client/missing-perspective';

/** A conclusion long enough to be checked (over 40 words) that names no people. */
const dryNl = 'Het prototype werkt technisch goed. De sensoren reageren snel en de lichtlijn is goed zichtbaar in de gang. De kosten blijven onder de grens die het team vooraf stelde, en de modules zijn eenvoudig te vervangen. Het ontwerp kan in een volgende ronde verder worden uitgewerkt en getest.';
const dryEn = 'The prototype works well technically. The sensors respond quickly and the light line is clearly visible in the hallway. The costs stay below the limit the team set beforehand, and the modules are easy to replace. The design can be developed and tested further in a next round.';

describe('client rules: the judged false classes (session 3)', () => {
  describe('client/section-without-client', () => {
    it('nl + en: an abbreviation the report defines for its clients counts as naming them', () => {
      const nl = `# Nachtrust\n\n\`PD\` persoon met dementie <br>\n\`MZ\` mantelzorger <br>\n\n## Methode\n\nWe interviewden acht mantelzorgers en vijf personen met dementie thuis.\n\n## Resultaten\n\nMantelzorgers slapen slecht. Personen met dementie dwalen 's nachts. Mantelzorgers vertelden dat zij vaak wakker liggen.\n\n## Conclusie\n\n${dryNl} De PD vindt zo de weg naar het toilet en de MZ kan doorslapen.\n`;
      assert.deepEqual(findings(check(nl).r, SECTION), []);
      const control = nl.replace(' De PD vindt zo de weg naar het toilet en de MZ kan doorslapen.', '');
      assert.equal(findings(check(control).r, SECTION).length, 1);
      const en = `# Night rest\n\nWe speak of service users (SUs) throughout.\n\n## Method\n\nWe interviewed eight service users and five carers at home.\n\n## Findings\n\nService users sleep badly. Carers told us they often lie awake. Service users said the hallway is dark.\n\n## Conclusion\n\n${dryEn} SUs find their way at night.\n`;
      assert.deepEqual(findings(check(en).r, SECTION), []);
      assert.equal(findings(check(en.replace(' SUs find their way at night.', '')).r, SECTION).length, 1);
    });

    it('nl + en: further research, limitations and reflection are not asked to name clients', () => {
      const nl = `# Onderzoek\n\n## Methode\n\nWe interviewden tien inwoners.\n\n## Resultaten\n\nInwoners wachten lang. Inwoners vertelden dat de brief onduidelijk is.\n\n## Aanbevelingen voor vervolgonderzoek\n\n${dryNl}\n\n## Kritische reflectie\n\n${dryNl}\n`;
      assert.deepEqual(findings(check(nl).r, SECTION), []);
      const en = `# Study\n\n## Method\n\nWe interviewed ten residents.\n\n## Findings\n\nResidents wait long. Residents told us the letter is unclear.\n\n## Recommendations for further research\n\n${dryEn}\n\n## Limitations\n\n${dryEn}\n`;
      assert.deepEqual(findings(check(en).r, SECTION), []);
      // The same text under a plain heading is asked.
      assert.equal(findings(check(en.replace('Recommendations for further research', 'Recommendations')).r, SECTION).length, 1);
    });

    it('nl + en: in a study that heard professionals, a conclusion that names them names the people concerned', () => {
      const en = `# Thrombolysis decisions\n\n## Method\n\nWe interviewed twelve physicians about their decisions.\n\n## Findings\n\nPhysicians weigh the risks for patients. Patients arrive late. Patients and carers are rarely asked.\n\n## Conclusions\n\n${dryEn} Physicians can use it on a night shift.\n`;
      assert.deepEqual(findings(check(en).r, SECTION), []);
      const nl = `# Medicatie\n\n## Methode\n\nWe interviewden twaalf verpleegkundigen over hun werk.\n\n## Resultaten\n\nVerpleegkundigen zetten medicatie klaar voor bewoners. Bewoners wachten. Bewoners krijgen soms de verkeerde pil.\n\n## Conclusie\n\n${dryNl} Verpleegkundigen kunnen het in de nachtdienst gebruiken.\n`;
      assert.deepEqual(findings(check(nl).r, SECTION), []);
    });
    it('nl + en: a conclusion inside a phase or finding whose unit names the clients is not asked; the report\'s own conclusion is', () => {
      const en = `# Night light\n\n## Method\n\nWe interviewed eight carers and five people with dementia at home.\n\n## Wave 2\n\n### Results\n\nPeople with dementia found the toilet. Carers told us they slept better.\n\n### Conclusions\n\n${dryEn}\n\n## Conclusion\n\nPeople with dementia find their way at night and carers sleep on.\n`;
      assert.deepEqual(findings(check(en).r, SECTION), []);
      // Without a phase around it, the same conclusion is asked.
      assert.equal(findings(check(en.replace('### Results', 'Results:').replace('### Conclusions', '## Conclusions')).r, SECTION).length, 1);
      // A phase that names nobody does not excuse its conclusion.
      assert.equal(findings(check(en.replace('People with dementia found the toilet. Carers told us they slept better.', 'The lamps worked. The sensors responded quickly.')).r, SECTION).length, 1);
      const nl = `# Aanvraagformulier\n\n## Methode\n\nWe deden een gebruikerstest met tien aanvragers.\n\n## Resultaten\n\n#### De sterretjes zijn niet duidelijk\n\n##### Bevinding\n\nAanvragers klikken op de sterretjes. Een aanvrager verwacht uitleg te zien.\n\n##### Aanbeveling\n\n${dryNl}\n`;
      assert.deepEqual(findings(check(nl).r, SECTION), []);
      assert.equal(findings(check(nl.replace('Aanvragers klikken op de sterretjes. Een aanvrager verwacht uitleg te zien.', 'Het sterretje staat ver van de uitleg.')).r, SECTION).length, 1);
    });
  });

  describe('client/no-involvement', () => {
    it('nl + en: survey data collected from residents (a health monitor) makes them a secondary source', () => {
      const nl = '# Gebiedsscan\n\n## Aanpak\n\nWe spraken met tien professionals van het wijkteam en gebruikten de cijfers van de GGD-monitor en de Leefbaarometer.\n\n## Resultaten\n\nInwoners voelen zich minder gezond. Inwoners wonen vaak alleen. Jongeren bewegen weinig.\n';
      assert.deepEqual(findings(check(nl).r, NO_INVOLVEMENT), []);
      assert.equal(findings(check(nl.replace(' en gebruikten de cijfers van de GGD-monitor en de Leefbaarometer', '')).r, NO_INVOLVEMENT).length, 1);
      const en = '# Area scan\n\n## Method\n\nWe interviewed ten social workers and used the figures of the local health monitor.\n\n## Findings\n\nResidents feel less healthy. Residents often live alone. Young people exercise little.\n';
      assert.deepEqual(findings(check(en).r, NO_INVOLVEMENT), []);
      assert.equal(findings(check(en.replace(' and used the figures of the local health monitor', '')).r, NO_INVOLVEMENT).length, 1);
    });

    it('nl + en: a section taken for a method that describes no data collection gets no info', () => {
      const en = '# Guide for teachers\n\nLearners need practice. Learners forget. Learners ask questions. Learners like feedback.\n\n## Method\n\nPut the tables in rows so that every learner sees the screen. Keep the room quiet.\n';
      assert.deepEqual(findings(check(en).r, NO_INVOLVEMENT), []);
      const nl = '# Handleiding\n\nLeerlingen hebben oefening nodig. Leerlingen vergeten veel. Leerlingen stellen vragen. Leerlingen willen feedback.\n\n## Methode\n\nZet de tafels in rijen zodat elke leerling het scherm ziet. Houd het lokaal stil.\n';
      assert.deepEqual(findings(check(nl).r, NO_INVOLVEMENT), []);
    });
  });

  describe('client/missing-perspective', () => {
    it('nl + en: a document that reports no research of its own gets no warning; the verdict stays', () => {
      const en = '# Data guidance\n\nThis file lists the children and young people with a plan. Children and young people are counted once. Parents can ask for a plan. Children move between areas. Young people over 19 are counted separately.\n';
      const e = check(en);
      assert.equal(e.cp.verdict, 'absent');
      assert.equal(e.cp.reportsResearch, false);
      assert.deepEqual(findings(e.r, MISSING), []);
      const asked = check(en, { config: mergeConfig(defaultConfig(), { rules: { [MISSING]: { options: { withoutResearch: true } } } }) });
      assert.equal(findings(asked.r, MISSING).length, 1);
      const nl = '# Toelichting bij de gegevens\n\nDit bestand telt de inwoners met een uitkering. Inwoners tellen één keer. Inwoners kunnen bezwaar maken. Gezinnen verhuizen soms. Inwoners boven de 67 tellen apart.\n';
      const n = check(nl);
      assert.equal(n.cp.verdict, 'absent');
      assert.deepEqual(findings(n.r, MISSING), []);
    });

    it('nl + en: every readerAddress word of the client dictionaries counts as addressing the reader; a third person does not', () => {
      const cases = [
        { file: 'dictionaries/client/en/function-words.yml', line: (w: string) => `The team helps ${w} with the form today.`, other: 'them' },
        { file: 'dictionaries/client/nl/functiewoorden.yml', line: (w: string) => `Het team helpt ${w} vandaag met het formulier.`, other: 'hen' },
      ];
      for (const c of cases) {
        const words = (parse(readFileSync(new URL(`../../${c.file}`, import.meta.url), 'utf8')) as { lists: { readerAddress: string[] } }).lists.readerAddress;
        assert.ok(words.length >= 5, c.file);
        const text = (w: string) => `# Tekst\n\n${Array.from({ length: 6 }, () => c.line(w)).join(' ')}\n`;
        for (const w of words) assert.ok((check(text(w)).cp.readerAddressPer1000 ?? 0) >= 10, `${c.file}: ${w}`);
        assert.equal(check(text(c.other)).cp.readerAddressPer1000 ?? 0, 0, `${c.file}: ${c.other}`);
      }
    });

    it('nl + en: a guide that speaks to its reader ("you", "u") is a guide, not a report of research, even when it names a survey', () => {
      const en = '# Teaching programming\n\nYour learners need practice. When you plan a lesson, ask what your learners already know. You can give them a short quiz. Learners forget quickly, so you repeat the key ideas. In a survey of 26 learners, most learners wanted feedback. You should give it early.\n';
      const e = check(en);
      assert.equal(e.cp.verdict, 'absent');
      assert.equal(e.cp.reportsResearch, true); // a survey is named: without the reader address it would count
      assert.ok((e.cp.readerAddressPer1000 ?? 0) >= 10);
      assert.deepEqual(findings(e.r, MISSING), []);
      // The same text as a report of the writer's own research is asked for client voices.
      const report = en.replace(/\byou(r)?\b/gi, (_, r: string | undefined) => (r ? 'the' : 'teachers')).replace('In a survey of', 'We surveyed').replace(', most learners', ': most learners');
      assert.equal(findings(check(report).r, MISSING).length, 1);
      const nl = '# Handleiding voor de balie\n\nUw cliënten hebben vaak haast. Als u een cliënt helpt, vraag dan eerst wat de cliënt al weet. U kunt een folder meegeven. Cliënten vergeten veel, dus herhaalt u de kern. In een enquête onder 20 cliënten wilden de meeste cliënten meer uitleg. Geef die uitleg vroeg.\n';
      const n = check(nl);
      assert.equal(n.cp.verdict, 'absent');
      assert.deepEqual(findings(n.r, MISSING), []);
      const nlReport = nl.replace(/\b[Uu]w\b/g, 'de').replace(/\b[Uu]\b/g, 'de medewerker').replace('In een enquête onder', 'We hielden een enquête onder').replace(' wilden de meeste', ': de meeste').replace('cliënten meer uitleg', 'cliënten wilden meer uitleg');
      assert.equal(findings(check(nlReport).r, MISSING).length, 1);
    });

    it('nl + en: a study of staff that names clients rarely gets no warning; one that names them often does', () => {
      const filler = (s: string, n: number) => Array.from({ length: n }, () => s).join(' ');
      const nl = `# Hulpmiddel voor verpleegkundigen\n\n## Methode\n\nWe interviewden tien verpleegkundigen en testten het prototype met hen.\n\n## Resultaten\n\n${filler('Verpleegkundigen zetten de medicatie klaar in de ochtend en controleren de lijst twee keer.', 30)} De bewoners krijgen hun medicatie op tijd.\n`;
      assert.deepEqual(findings(check(nl).r, MISSING), []);
      const en = `# A tool for nurses\n\n## Method\n\nWe interviewed ten nurses and tested the prototype with them.\n\n## Findings\n\n${filler('Nurses prepare the medication in the morning and check the list twice.', 30)} The residents get their medication on time.\n`;
      assert.deepEqual(findings(check(en).r, MISSING), []);
      const often = '# Evaluation of the welfare rights service\n\n## Method\n\nWe interviewed ten advisers and analysed case records.\n\n## Findings\n\nAdvisers say claimants often come too late. Families have debts. The council wants earlier contact with residents.\n';
      assert.equal(findings(check(often).r, MISSING).length, 1);
    });
  });
});

describe('client rules: the judged false classes (s5 blind sample, test/judged/findings-s5.tsv)', () => {
  it('nl + en: care homes and schools are organisations: a section naming them mentions organisations, not clients', () => {
    const nlText = '# Medicatie\n\n## Methode\n\nWe interviewden tien bewoners.\n\n## Resultaten\n\nBewoners krijgen hun medicatie op tijd. Bewoners vertelden dat de ronde rustiger is.\n\n## Conclusie\n\nHet project is een stap richting veiligere medicatievoorbereiding in woonzorgcentra. De scholen in de buurt willen het ook. ' + dryNl + '\n';
    const nl = findings(check(nlText).r, SECTION);
    assert.equal(nl.length, 1);
    assert.equal(nl[0]!.data!.professionalMentions, 2);
    const enText = '# Study\n\n## Method\n\nWe interviewed ten residents.\n\n## Findings\n\nResidents get their medication on time. Residents told us the round is calmer.\n\n## Conclusion\n\nThe project is a step towards safer medication rounds in care homes. Local schools want it too. ' + dryEn + '\n';
    const en = findings(check(enText).r, SECTION);
    assert.equal(en.length, 1);
    assert.equal(en[0]!.data!.professionalMentions, 2);
    assert.match(en[0]!.message.en, /2 mentions of professionals and organisations/);
  });

  it('nl + en: a conclusion inside a reflection or a section of limitations concludes the reflection: not asked to name clients', () => {
    const nl = `# Onderzoek\n\n## Methode\n\nWe interviewden tien inwoners.\n\n## Resultaten\n\nInwoners wachten lang. Inwoners vertelden dat de brief onduidelijk is.\n\n## Kritische reflectie\n\n### Sterke punten\n\nDe aanpak was iteratief.\n\n### Conclusie\n\n${dryNl}\n`;
    assert.deepEqual(findings(check(nl).r, SECTION), []);
    assert.equal(findings(check(nl.replace('## Kritische reflectie', '## Evaluatie')).r, SECTION).length, 1);
    const en = `# Study\n\n## Method\n\nWe interviewed ten residents.\n\n## Findings\n\nResidents wait long. Residents told us the letter is unclear.\n\n## Reflection\n\n### Strengths\n\nThe approach was iterative.\n\n### Conclusion\n\n${dryEn}\n`;
    assert.deepEqual(findings(check(en).r, SECTION), []);
    assert.equal(findings(check(en.replace('## Reflection', '## Evaluation')).r, SECTION).length, 1);
  });

  it('nl + en: a report whose method draws on surveys others held among the people concerned (a health monitor) gets no client-voice warning', () => {
    const nl = '# Gebiedsscan\n\n## Aanpak\n\nWe spraken met tien professionals van het wijkteam en de gemeente, en gebruikten de cijfers van de gezondheidsmonitor.\n\n## Resultaten\n\nInwoners voelen zich minder gezond. Inwoners wonen vaak alleen. Jongeren bewegen weinig. Inwoners hebben schulden. Huishoudens wachten lang.\n';
    assert.deepEqual(findings(check(nl).r, MISSING), []);
    assert.equal(findings(check(nl.replace(', en gebruikten de cijfers van de gezondheidsmonitor', '')).r, MISSING).length, 1);
    const en = '# Area scan\n\n## Method\n\nWe interviewed ten social workers and council officers, and used the figures of the health monitor.\n\n## Findings\n\nResidents feel less healthy. Residents often live alone. Young people exercise little. Residents have debts. Families wait long.\n';
    assert.deepEqual(findings(check(en).r, MISSING), []);
    assert.equal(findings(check(en.replace(', and used the figures of the health monitor', '')).r, MISSING).length, 1);
  });

  it('nl + en: an organisation after a client word ("residents of the care home") says where they are: the clients took part, not staff', () => {
    const nl = (m: string) => check(`# Gebruikerstest\n\n## Methode\n\n${m}\n\n## Resultaten\n\nBewoners vinden de robot leuk. Bewoners spelen graag bingo.\n`).cp.participantsAre;
    assert.equal(nl('Drie bewoners van het woonzorgcentrum werden geïnterviewd.'), 'clients');
    assert.notEqual(nl('Drie bewoners en het woonzorgcentrum werden geïnterviewd.'), 'clients');
    assert.equal(nl('Drie medewerkers van het woonzorgcentrum werden geïnterviewd.'), 'professionals');
    const en = (m: string) => check(`# User test\n\n## Method\n\n${m}\n\n## Findings\n\nResidents like the robot. Residents enjoy bingo.\n`).cp.participantsAre;
    assert.equal(en('We interviewed three residents of the care home.'), 'clients');
    assert.equal(en('Three residents of the care home were interviewed.'), 'clients');
    assert.equal(en('Three members of staff of the care home were interviewed.'), 'professionals');
  });
});
