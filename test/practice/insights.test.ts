/**
 * Per insight, invented sentences in both languages: the examples in dictionaries/practice/*.yml
 * (present, partial, and traps that must not count) run through the whole engine, plus the
 * shared traps: template text, plans in the future tense, and thanks.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePracticeData, practiceLexicon, readRecommendation } from '../../server/src/engine/practice/index.js';
import type { PracticeData } from '../../server/src/engine/practice/index.js';
import { INSIGHT_IDS } from '../../server/src/engine/practice/types.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { STUDY, check, item } from './helpers.js';

const LANGS = ['nl', 'en'] as const;

function data(lang: 'nl' | 'en'): PracticeData {
  const r = parsePracticeData(readFileSync(join(REPO_ROOT, 'dictionaries', 'practice', `${lang}.yml`), 'utf8'));
  assert.deepEqual(r.problems, [], `dictionaries/practice/${lang}.yml is valid`);
  return r.data!;
}

describe('practice: dictionary examples per insight', () => {
  for (const lang of LANGS) {
    const d = data(lang);
    for (const [id, insight] of Object.entries(d.insights)) {
      describe(`${lang} ${id}`, () => {
        for (const s of insight.examples.present) {
          it(`present: ${s}`, () => assert.equal(item(check(`${STUDY[lang]}${s}\n`, lang).fit, id).status, 'present'));
        }
        for (const s of insight.examples.partial ?? []) {
          it(`partial: ${s}`, () => assert.equal(item(check(`${STUDY[lang]}${s}\n`, lang).fit, id).status, 'partial'));
        }
        for (const s of insight.examples.none) {
          it(`no evidence: ${s}`, () => {
            const it = item(check(`${STUDY[lang]}${s}\n`, lang).fit, id);
            assert.equal(it.status, 'absent', `${it.status}: ${JSON.stringify(it.evidence)}`);
          });
        }
      });
    }
    describe(`${lang} recommendations`, () => {
      const lex = practiceLexicon(lang);
      for (const s of d.recommendations.examples.withActor) it(`names who acts: ${s}`, () => assert.ok(readRecommendation(s, lex, false).actor));
      for (const s of d.recommendations.examples.withoutActor) it(`names nobody: ${s}`, () => assert.equal(readRecommendation(s, lex, false).actor, undefined));
      for (const s of d.recommendations.examples.research ?? []) it(`for research: ${s}`, () => assert.equal(readRecommendation(s, lex, false).audience, 'research'));
    });
  }
});

describe('practice: the card', () => {
  it('has the twelve insights in order, with ids, titles and advice in both languages', () => {
    const { fit } = check('# Rapport\n\nDe gemeente wil weten hoe inwoners de regeling ervaren.\n', 'nl');
    assert.deepEqual(fit.items.map((i) => i.id), [...INSIGHT_IDS]);
    assert.deepEqual(fit.items.map((i) => i.insight), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const i of fit.items) assert.ok(i.title.nl && i.title.en && i.advice.nl && i.advice.en);
  });

  it('evidence carries the line and a short quote', () => {
    const text = `${STUDY.en}Some context first.\n\nThis study was funded by the city council.\n`;
    const f = item(check(text, 'en').fit, 'funding');
    assert.equal(f.status, 'partial');
    assert.equal(f.evidence[0]!.line, 7);
    assert.match(f.evidence[0]!.text, /funded by the city council/);
  });

  it('counts lines correctly after CRLF, a BOM and accented words', () => {
    const text = '\uFEFF# Cliënt\r\n\r\nDe reïntegratie liep goed.\r\n\r\nDit onderzoek is gefinancierd door ZonMw.\r\n';
    const f = item(check(text, 'nl').fit, 'funding');
    assert.equal(f.evidence[0]!.line, 5);
  });

  for (const lang of LANGS) {
    it(`${lang}: a future-tense plan counts as partial at most`, () => {
      const s = lang === 'nl' ? 'We zullen de bevindingen in een werksessie met consulenten bespreken en gevalideerd bij het team.' : 'We will present the findings to the ward teams and validated with staff.';
      assert.equal(item(check(`${STUDY[lang]}${s}\n`, lang).fit, 'discussed_with_practice').status, 'partial');
    });
    it(`${lang}: thanks are no evidence of discussion with practice`, () => {
      const head = lang === 'nl' ? '## Dankwoord\n\nWe danken het team; de resultaten zijn gevalideerd met consulenten.\n' : '## Acknowledgements\n\nWe thank the team; the results were validated with caseworkers.\n';
      assert.equal(item(check(`${STUDY[lang]}${head}`, lang).fit, 'discussed_with_practice').status, 'absent');
    });
  }

  it('skips template instruction text', () => {
    const text = `${STUDY.nl}Uit je probleemstelling moet duidelijk zijn dat je onderzoek in opdracht van een organisatie gebeurt en gefinancierd door een subsidie.\n`;
    assert.equal(item(check(text, 'nl').fit, 'funding').status, 'absent');
  });

  it('insights 2, 3 and 10 do not apply to a text that reports no study', () => {
    const { fit } = check('# Essay\n\nCopyright law has changed a lot since 1790. Culture builds on the past.\n', 'en');
    for (const id of ['needs_tested', 'workplace', 'discussed_with_practice']) assert.equal(item(fit, id).status, 'not-applicable', id);
  });

  it('1, 8 and 9 summarise the client perspective, the vocabulary and readability', () => {
    const text = '# Onderzoek\n\n## Methode\n\nWe interviewden twaalf cliënten over hun ervaringen met de schuldhulp.\n\n"Ik wist niet waar ik moest beginnen," zei een cliënt.\n\nCliënten vertelden dat de brieven te moeilijk waren. Ze lazen de brief twee keer en belden dan toch de gemeente. De consulent legde het uit aan de telefoon. Daarna ging het beter, zeiden de meeste cliënten in de gesprekken.\n';
    const { fit } = check(text, 'nl');
    assert.notEqual(item(fit, 'client_perspective').status, 'absent');
    assert.ok(item(fit, 'client_perspective').evidence.length > 0);
    assert.ok(['present', 'partial'].includes(item(fit, 'readability').status));
    assert.ok(['present', 'partial', 'absent'].includes(item(fit, 'common_language').status));
  });
  it('nl and en: 9 quotes the three hardest long sections, hardest first, equal scores in document order', () => {
    for (const lang of LANGS) {
      // Hard sections of the same text (equal scores), one harder and one easy, each over 80 words.
      const hard = lang === 'nl'
        ? 'De operationalisatie van multidisciplinaire samenwerkingsverbanden vereist institutionele verankering, organisatieoverstijgende afstemming en beleidsmatige prioritering door verantwoordelijke bestuurders. '
        : 'The operationalisation of multidisciplinary collaborative arrangements necessitates institutional embedding, interorganisational coordination and administrative prioritisation by responsible executives. ';
      const harder = lang === 'nl'
        ? 'Intersectorale beleidsimplementatie veronderstelt geïntegreerde verantwoordingsstructuren, interorganisationele kennisuitwisseling en procesmatige institutionalisering van samenwerkingsovereenkomsten. '
        : 'Intersectoral policy implementation presupposes integrated accountability infrastructures, interorganisational knowledge transfer and procedural institutionalisation of collaborative agreements. ';
      const easy = lang === 'nl' ? 'Het is een mooie dag. We gaan naar buiten. De zon schijnt en het is warm. ' : 'It is a nice day. We go out. The sun shines and it is warm. ';
      const body = (t: string) => t.repeat(Math.ceil(90 / t.split(' ').length));
      // Graded: hard text mixed with easy sentences in several proportions (A and E the same: equal scores).
      const text = ['# R', `## A\n\n${body(hard + easy + easy)}`, `## B\n\n${body(easy)}`, `## C\n\n${body(hard + easy)}`, `## D\n\n${body(harder)}`, `## E\n\n${body(hard + easy + easy)}`, `## F\n\n${body(hard + easy + easy + easy)}`].join('\n\n');
      const { r, fit } = check(text, lang);
      const shown = item(fit, 'readability').evidence.map((e) => e.text);
      // As sorting every long section below the band by score (a stable sort: equal scores in document order).
      const good = lang === 'nl' ? 55 : 50;
      const expected = r.model.sections.filter((x) => x.metrics.words >= 80 && x.metrics.score < good).sort((a, b) => a.metrics.score - b.metrics.score).slice(0, 3).map((x) => `${x.title} (${Math.round(x.metrics.score)})`);
      assert.deepEqual(shown, expected, lang);
      // Equal scores among them (the whole report and two sections at 0): in document order.
      assert.deepEqual(shown.map((x) => x.split(' ')[0]), lang === 'nl' ? ['R', 'C', 'D'] : ['C', 'D', 'R'], `${lang}: ${shown.join('; ')}`);
    }
  });
});
