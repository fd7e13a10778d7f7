import { strict as assert } from 'node:assert';
import { md, txt, of, flagged, config, sentenceOf } from '../../engine/helpers.js';
import { lint } from '../../../server/src/index.js';
import { splitSentences } from '../../../server/src/engine/text/sentences.js';

/** The traps of issue 12 (non-vocabulary), in Dutch and English. */
const LONG = 'readability/long-sentence';
const ABBR = 'readability/undefined-abbreviation';
const PASSIVE = 'readability/passive-voice';
const HARD = 'readability/hard-paragraph';

const sentences = (text: string, language: 'nl' | 'en') => splitSentences(text, language).map((s) => text.slice(s.start, s.end));

describe('issue 12 traps: the noise budget', () => {
  for (const language of ['nl', 'en'] as const) {
    const heading = language === 'nl' ? 'Resultaten' : 'Findings';
    it(`${language}: long sentences are ranked per section; the rest are hints behind one section finding`, () => {
      // English sentences of up to 40 words are hints by its own margin (languageMargin): from 41 on they rank.
      const base = language === 'en' ? 41 : 30;
      const body = Array.from({ length: 6 }, (_, i) => sentenceOf(base + i, language)).join(' ');
      const text = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${heading}\n\n${body}\n`;
      const r = md(text);
      const all = of(r, LONG);
      const sentenceFindings = all.filter((f) => !f.data!.section);
      assert.equal(sentenceFindings.length, 6);
      // A document of ~200 words gets one warning: the longest sentence.
      assert.deepEqual(sentenceFindings.filter((f) => f.severity === 'warning').map((f) => f.data!.words), [base + 5]);
      assert.equal(sentenceFindings.filter((f) => f.severity === 'hint').length, 5);
      const section = all.find((f) => f.data!.section)!;
      assert.equal(section.severity, 'info');
      assert.equal(text.slice(section.offset, section.endOffset), `## ${heading}`);
      assert.equal(section.related!.length, 6);
      const longest = base + 5;
      assert.match(language === 'nl' ? section.message.nl : section.message.en, language === 'nl' ? new RegExp(`^6 van de 6 zinnen in dit hoofdstuk zijn langer dan 25 woorden \\(de langste telt er ${longest}\\); de langste is gemarkeerd`) : new RegExp(`^6 of 6 sentences in this section are over 25 words \\(the longest has ${longest}\\); the longest is marked`));
    });

    it(`${language}: a longer document gets more warnings, at most 3 per section`, () => {
      const filler = Array.from({ length: 60 }, () => sentenceOf(12, language)).join(' ');
      const base = language === 'en' ? 41 : 30;
      const longs = Array.from({ length: 6 }, (_, i) => sentenceOf(base + i, language)).join(' ');
      const text = `# R\n\n## A\n\n${filler}\n\n${longs}\n\n## B\n\n${filler}\n\n${longs}\n`;
      const warnings = of(md(text), LONG).filter((f) => f.severity === 'warning');
      // ~1,900 words: a budget of 3 warnings, the longest first.
      assert.equal(warnings.length, 3);
      assert.ok(warnings.every((f) => (f.data!.words as number) >= base + 4));
    });
  }

  it('nl + en: a paragraph flagged for a long sentence is not also a hard paragraph for the same reason', () => {
    const nl = `# R\n\n## A\n\n${sentenceOf(60, 'nl')}\n`;
    const en = `# R\n\n## A\n\n${sentenceOf(60, 'en')}\n`;
    for (const text of [nl, en]) {
      const r = md(text);
      assert.equal(of(r, LONG).length, 1);
      assert.deepEqual(of(r, HARD), []);
    }
  });

  it('academic: a thesis gets fewer warnings and no passives in its method section', () => {
    const body = Array.from({ length: 8 }, (_, i) => sentenceOf(32 + i, 'en')).join(' ');
    const text = `# Thesis\n\n## Method\n\nThe data were collected in 2020. It was decided to drop two sites.\n\n## Results\n\n${body}\n`;
    const practitioner = md(text);
    const academic = md(text, { config: config({ audience: 'academic' }) });
    assert.ok(of(academic, LONG).filter((f) => f.severity === 'warning').length <= of(practitioner, LONG).filter((f) => f.severity === 'warning').length);
    // Passive voice is off for both by default; switched on, the hidden decision is a hint for practitioners and the
    // academic profile leaves the method section alone.
    assert.deepEqual(of(practitioner, PASSIVE), []);
    const on = (audience: 'practitioner' | 'academic') => md(text, { config: config({ audience, rules: { [PASSIVE]: { options: { enabled: true } } } }) });
    assert.equal(of(on('practitioner'), PASSIVE).length, 1);
    assert.deepEqual(of(on('academic'), PASSIVE), []);
    assert.deepEqual(of(academic, PASSIVE), []);
  });
});

describe('issue 12 traps: text that is not the writer\'s prose', () => {
  it('nl + en: block quotes are never flagged (long sentence, abbreviation, passive)', () => {
    for (const language of ['nl', 'en'] as const) {
      const quote = `${sentenceOf(40, language).replace(/\.$/, '')} XYZQ.`;
      const passive = language === 'nl' ? 'Er werd besloten om te stoppen.' : 'The request was refused.';
      const text = `# R\n\n${language === 'nl' ? 'Een ouder vertelt:' : 'A parent told us:'}\n\n> ${quote} ${passive}\n`;
      const r = md(text);
      assert.deepEqual([...of(r, LONG), ...of(r, ABBR), ...of(r, PASSIVE)].map((f) => f.ruleId), [], language);
    }
  });

  it('nl + en: Pandoc citation keys do not count as words and are never flagged', () => {
    const nl = `# R\n\n${sentenceOf(24, 'nl').replace(/\.$/, '')} [@smith2020; @jones2019, p. 4; @ABCD2021].\n`;
    const en = `# R\n\n${sentenceOf(24, 'en').replace(/\.$/, '')} [see @smith2020, pp. 4-5; @ABCD2021].\n`;
    for (const text of [nl, en]) {
      const r = md(text);
      assert.deepEqual(of(r, LONG), [], 'citation keys are not words');
      assert.deepEqual(of(r, ABBR), []);
    }
  });

  it('nl + en: a bare Pandoc citation key in running text ("… 24 sub-groups @salamon_Search_1992.") is no word: sentence length, scores', () => {
    for (const language of ['nl', 'en'] as const) {
      const base = sentenceOf(25, language).replace(/\.$/, '');
      for (const cite of [' @salamon_SearchNonprofitSector_1992', ' @king_SocialCapital_2004 [@wang_Volunteering_2008; @swanson_Strategic_2013]', ' (-@jones:2019)', ' @smith2020 [p. 33]']) {
        const text = `# R\n\n${base}${cite}.\n`;
        const r = md(text);
        assert.deepEqual(of(r, LONG), [], `${language}: ${cite}`);
        assert.equal(r.metrics.words, md(`# R\n\n${base}.\n`).metrics.words, `${language}: ${cite}`);
        assert.deepEqual(of(r, 'vocabulary/'), []);
      }
      // A long sentence keeps its exact range and counts its own words only (30, not 31).
      const long = `${sentenceOf(30, language).replace(/\.$/, '')} @salamon_SearchNonprofitSector_1992. ${sentenceOf(5, language)}`;
      const text = `# R\n\ncliënt 👩‍⚕️ ${long}\n`;
      const f = of(md(text), LONG).find((x) => !x.data!.section)!;
      assert.equal(f.data!.words, 31, language);
      assert.equal(text.slice(f.offset, f.endOffset), `cliënt 👩‍⚕️ ${long.slice(0, long.indexOf('1992.') + 5)}`);
    }
  });

  it('nl + en: an e-mail address or an "@" inside a word is no citation key; the words around it still count', () => {
    assert.deepEqual(sentences('Mail jan@example.org of bel. Daarna volgt @smith2020 de rest.', 'nl'), ['Mail jan@example.org of bel.', 'Daarna volgt @smith2020 de rest.']);
    const words = (t: string, l: 'nl' | 'en') => splitSentences(t, l).flatMap((x) => x.words.map((w) => w.text));
    assert.deepEqual(words('Mail jan@example.org of zie @smith2020 [p. 3] hier.', 'nl'), ['Mail', 'of', 'zie', 'hier']);
    assert.deepEqual(words('Costs rose by 5@home and (see @smith2020) fell.', 'en'), ['Costs', 'rose', 'by', '5@home', 'and', 'see', 'fell']);
  });

  it('nl + en: numbered references in brackets ([14], [14-16], [3, 7]) are no words; a link text in brackets is', () => {
    const words = (t: string, l: 'nl' | 'en') => splitSentences(t, l).flatMap((x) => x.words.map((w) => w.text));
    assert.deepEqual(words('Eissa et al. [14] divided barriers [14-16], [3, 7].', 'en'), ['Eissa', 'et', 'al', 'divided', 'barriers']);
    assert.deepEqual(words('Uit eerder onderzoek [12–14] blijkt dit [2].', 'nl'), ['Uit', 'eerder', 'onderzoek', 'blijkt', 'dit']);
    assert.deepEqual(words('See [note 2] and [2a].', 'en'), ['See', 'note', '2', 'and', '2a']);
  });

  it('nl + en: a LaTeX citation (\\cite, \\citet) is no word of the sentence; positions stay exact', () => {
    for (const [language, babel] of [['nl', 'dutch'], ['en', 'english']] as const) {
      const doc = (body: string) => `\\documentclass{article}\n\\usepackage[${babel}]{babel}\n\\begin{document}\n${body}\n\\end{document}\n`;
      const base = sentenceOf(25, language).replace(/\.$/, '');
      assert.deepEqual(of(lint(doc(`${base} \\cite{smith2020}.`), { path: 'x.tex' }), LONG), [], language);
      assert.deepEqual(of(lint(doc(`\\citet{smith2020} ${base.charAt(0).toLowerCase()}${base.slice(1)}.`), { path: 'x.tex' }), LONG), [], language);
      const long = `${sentenceOf(30, language).replace(/\.$/, '')} \\citep[p.~3]{smith2020,jones2021}.`;
      const text = doc(long);
      const f = of(lint(text, { path: 'x.tex' }), LONG).find((x) => !x.data!.section)!;
      assert.equal(f.data!.words, 30, language);
      assert.equal(text.slice(f.offset, f.endOffset), long);
    }
  });

  for (const [language, body] of [
    ['en', 'The citizens juries met for four days in Manchester and talked about health data.'],
    ['nl', 'De bewoners spraken vier dagen met elkaar over hun gezondheidsgegevens.'],
  ] as const) {
    it(`${language}: YAML front matter, also of a page further down a concatenated report, is never a heading or prose`, () => {
      const meta = (title: string) => `---\ntitle: ${title} in a very long title that would make a long sentence if it were read as prose by the checker\nweight: 1\nsection: hub/ppi/report\nlevel: 2.5.1\nresources: \n    - path: '/assets/report.pdf'\n      title: 'Report'\n---\n`;
      const text = `${meta('First page')}\n${body}\n\n${meta('Second page')}\n${body}\n`;
      const r = md(text);
      assert.deepEqual(r.sections.map((x) => x.title).filter((t) => /title:|weight:|level:/.test(t)), []);
      const yamlStart = text.indexOf('---\ntitle: Second');
      const yamlEnd = text.indexOf('---\n', yamlStart + 4) + 4;
      assert.deepEqual(r.findings.filter((f) => (f.offset < yamlEnd && f.endOffset > yamlStart) || f.offset < text.indexOf(body)).map((f) => f.ruleId), []);
      assert.equal(r.blocks.filter((b) => /weight|resources/.test(b.analysed.block.text)).length, 0);
      // A thematic break, a line of prose and a setext underline stay a heading.
      const heading = `${body}\n\n---\nNote: the juries were paid.\n---\n\n${body}\n`;
      assert.deepEqual(md(heading).sections.map((x) => x.title).filter((t) => t.startsWith('Note')), ['Note: the juries were paid.']);
    });
  }

  it('nl + en: URLs do not count as words', () => {
    const text = `Rapport\n\n${sentenceOf(23, 'nl').replace(/\.$/, '')} https://www.example.org/a/b/c/d/e/f/g/h.\n`;
    assert.deepEqual(of(txt(text), LONG), []);
    const en = `Report\n\n${sentenceOf(23, 'en').replace(/\.$/, '')} www.example.org/one/two/three/four/five.\n`;
    assert.deepEqual(of(txt(en), LONG), []);
  });

  it('nl + en: a plain-text table is rows, not one long sentence', () => {
    const nl = 'Tabel 1\n\nRegio        Aantal   Verandering   Toelichting\nNoord        1.200    +4%           stijging na de invoering\nZuid         980      -2%           daling door de verhuizing\nOost         1.005    +1%           gelijk gebleven in het jaar\nWest         870      +3%           meer aanvragen van ouders\n';
    const en = 'Table 1\n\nRegion       Plans    Change        Comment\nNorth        1,200    +4%           rise after the new rules\nSouth        980      -2%           fall after the move\nEast         1,005    +1%           about the same as last year\nWest         870      +3%           more requests from parents\n';
    for (const text of [nl, en]) {
      const r = txt(text);
      assert.deepEqual([...of(r, LONG), ...of(r, HARD), ...of(r, 'readability/nominalization')], []);
      assert.ok(r.blocks.some((b) => b.analysed.sentences.length === 5));
    }
  });

  it('nl + en: two-column rows with one pipe ("Elke dag fruit | 24% / 33%"), without a delimiter row, are rows too', () => {
    const nl = '# Gezondheid\n\nOnvoldoende weerbaar | 9% / 5%\nMatig en ernstig overgewicht bij de jongeren in de wijk | 16% / 10%\nElke dag groente bij het avondeten thuis of elders | 34% / 44%\nElke dag fruit op school of thuis bij de ouders | 24% / 33%\nBeweegt 5 of meer dagen in de week minstens 1 uur | 44% / 59%\n';
    const en = '# Health\n\nNot resilient enough | 9% / 5%\nModerate and severe overweight among the young people in the area | 16% / 10%\nEats vegetables every day with the evening meal at home or elsewhere | 34% / 44%\nEats fruit every day at school or at home with the parents | 24% / 33%\nExercises on 5 or more days a week for at least 1 hour | 44% / 59%\n';
    for (const text of [nl, en]) {
      const r = md(text);
      assert.deepEqual(of(r, LONG), []);
      assert.ok(r.blocks.some((b) => b.analysed.sentences.length === 5));
    }
    // A pipe in one line of prose does not make a table.
    const prose = `# Rapport\n\n${sentenceOf(30, 'nl').replace(/\.$/, '')} (zie kolom A | B).\n`;
    assert.equal(of(md(prose), LONG).length, 1);
  });
});

describe('issue 12 traps: sentence ends', () => {
  it('nl: after "in.", "op.", "A." and an amount', () => {
    assert.deepEqual(sentences('Vul het formulier in. Daarna gaan we verder.', 'nl'), ['Vul het formulier in.', 'Daarna gaan we verder.']);
    assert.deepEqual(sentences('Het komt erop neer dat je het vak op. Dat is het.', 'nl'), ['Het komt erop neer dat je het vak op.', 'Dat is het.']);
    assert.deepEqual(sentences('Zie ook Jansen, A. De gemeente betaalt.', 'nl'), ['Zie ook Jansen, A.', 'De gemeente betaalt.']);
    assert.deepEqual(sentences('De subsidie was € 250.000. De gemeente betaalde.', 'nl'), ['De subsidie was € 250.000.', 'De gemeente betaalde.']);
    assert.deepEqual(sentences('Het rapport van A. De Vries is helder.', 'nl'), ['Het rapport van A. De Vries is helder.']);
    assert.deepEqual(sentences('Dit staat in hfst. 4 van het rapport.', 'nl'), ['Dit staat in hfst. 4 van het rapport.']);
  });

  it('en: after "in.", "A." and "£250,000."', () => {
    assert.deepEqual(sentences('The height was 6 ft 2 in. He was tall.', 'en'), ['The height was 6 ft 2 in.', 'He was tall.']);
    assert.deepEqual(sentences('This is Plan A. It works.', 'en'), ['This is Plan A.', 'It works.']);
    assert.deepEqual(sentences('The grant was £250,000. The council paid it.', 'en'), ['The grant was £250,000.', 'The council paid it.']);
    assert.deepEqual(sentences('We asked Mr. A. Smith to join. He said no.', 'en'), ['We asked Mr. A. Smith to join.', 'He said no.']);
  });

  it('merged sentences no longer make a "long" one', () => {
    const text = `# R\n\n${sentenceOf(14, 'en').replace(/\.$/, '')} £250,000. ${sentenceOf(14, 'en')}\n`;
    assert.deepEqual(of(md(text), LONG), []);
  });
});

describe('issue 12 traps: abbreviations that are explained', () => {
  // What counts as explained, on one use (by default an abbreviation is reported from its second use: minUses 2).
  const ONCE = { config: config({ rules: { [ABBR]: { options: { minUses: 1 } } } }) };
  it('en: in a footnote, later on the same line, in a glossary, as a plural', () => {
    const footnote = '\\section{Report}\nThe DWPX pays the benefit.\\footnote{Department for Work and Pensions Extra (DWPX).} It is paid monthly.\n';
    assert.deepEqual(of(lint(footnote, { path: 'report.tex', ...ONCE }), ABBR), []);
    assert.deepEqual(of(md('# Report\n\nIn SMSX cases we sent a text message by short message service extra (SMSX).\n', ONCE), ABBR), []);
    const glossary = '# Report\n\nThe QRSX team met twice.\n\n## Abbreviations\n\n- QRSX: Quick Response Service Extra\n';
    assert.deepEqual(of(md(glossary, ONCE), ABBR), []);
    const table = '# Report\n\nThe QRSX team met twice.\n\n## Terms\n\n| QRSX | Quick Response Service Extra |\n|---|---|\n| x | y |\n';
    assert.deepEqual(of(md(table, ONCE), ABBR), []);
    const plural = '# Report\n\nWe spoke to non-governmental organisations (NGOs). One NGO said no.\n';
    assert.deepEqual(of(md(plural, ONCE), ABBR), []);
  });

  it('nl: in een voetnoot, verderop in dezelfde alinea, in een lijst met afkortingen, als meervoud', () => {
    const voetnoot = '\\section{Rapport}\nHet KLMX-team werkt mee.\\footnote{Kennisnetwerk Lokale Mantelzorg Extra (KLMX).} Het team is klein.\n';
    assert.deepEqual(of(lint(voetnoot, { path: 'rapport.tex', ...ONCE }), ABBR), []);
    assert.deepEqual(of(md('# Rapport\n\nDe WMOX regelt dit; de Wet maatschappelijke ondersteuning extra (WMOX) is nieuw.\n', ONCE), ABBR), []);
    assert.deepEqual(of(md('# Rapport\n\nHet QRSX-team kwam twee keer bij elkaar.\n\n## Lijst van afkortingen\n\n- QRSX: Quick Response Service Extra\n', ONCE), ABBR), []);
    assert.deepEqual(of(md('# Rapport\n\nWe spraken met wijkteams voor jeugd (WTJs). Elk WTJ deed mee.\n', ONCE), ABBR), []);
  });

  it('en: written out in a Markdown footnote without brackets; a footnote that does not spell it out explains nothing', () => {
    const text = '# Report\n\nThe RIAQ[^1] sued thousands of students.\n\n[^1]: The Recording Industry Association of Quebec, a trade group.\n';
    assert.deepEqual(of(md(text, ONCE), ABBR), []);
    const named = '# Report\n\nThe DWPE pays the benefit.[^dwp]\n\n[^dwp]: Department for Work and Pensions Extra; see their website.\n';
    assert.deepEqual(of(md(named, ONCE), ABBR), []);
    const other = '# Report\n\nThe RIAQ[^1] sued thousands of students.\n\n[^1]: See the court records of 2003.\n';
    assert.deepEqual(flagged(md(other, ONCE), other, ABBR), ['RIAQ']);
  });

  it('nl: voluit in een Markdown-voetnoot zonder haakjes (ook een samenstelling: Volkskrediet); een andere voetnoot legt niets uit', () => {
    const text = '# Rapport\n\nDe NVVQ[^1] heeft een gedragscode.\n\n[^1]: Nederlandse Vereniging voor Volkskrediet Quotum, de branchevereniging.\n';
    assert.deepEqual(of(md(text, ONCE), ABBR), []);
    const compound = '# Rapport\n\nDe NVVK[^1] heeft een gedragscode.\n\n[^1]: Nederlandse Vereniging voor Volkskrediet.\n';
    assert.deepEqual(of(md(compound, ONCE), ABBR), []);
    const other = '# Rapport\n\nDe NVVQ[^1] heeft een gedragscode.\n\n[^1]: Zie de website van de vereniging.\n';
    assert.deepEqual(flagged(md(other, ONCE), other, ABBR), ['NVVQ']);
  });

  it('nl + en: a source named in a citation with its year is no abbreviation to write out; the same letters in prose still are', () => {
    assert.deepEqual(of(md('# Rapport\n\nHet aandeel koopwoningen is laag (PQRZ/Atlas voor gemeenten, 2016).\n', ONCE), ABBR), []);
    assert.deepEqual(of(md('# Report\n\nMost homes are rented (PQRZ, 2019).\n', ONCE), ABBR), []);
    const text = '# Report\n\nThe PQRZ rents out most homes (see the 2019 report).\n';
    assert.deepEqual(flagged(md(text, ONCE), text, ABBR), ['PQRZ']);
  });

  it('nl + en: a draft placeholder (NNN) or a phrase in capitals ("LINK ME") is no abbreviation', () => {
    assert.deepEqual(of(md('# Report\n\nWe spoke to NNN people (see #LINK ME). The link follows.\n', ONCE), ABBR), []);
    assert.deepEqual(of(md('# Rapport\n\nWe spraken XXX mensen (zie LINK HIER). De link volgt.\n', ONCE), ABBR), []);
    const text = '# Report\n\nThe PQRZ said so (see #LINK ME). The link follows.\n';
    assert.deepEqual(flagged(md(text, ONCE), text, ABBR), ['PQRZ']);
  });

  it('nl + en: codes, initials in references and words in capitals are no abbreviations; an unknown one still is', () => {
    assert.deepEqual(of(md('# Report\n\nSee table SEN2 and the figures for FY2020.\n', ONCE), ABBR), []);
    assert.deepEqual(of(md('# Report\n\nMonks T, James MA, et al. A framework for stroke care. 2017.\n', ONCE), ABBR), []);
    assert.deepEqual(of(md('# Report\n\nThe sign said STOP. We did not stop.\n', ONCE), ABBR), []);
    const text = '# Report\n\nThe PQRZ decided this.\n';
    assert.deepEqual(flagged(md(text, ONCE), text, ABBR), ['PQRZ']);
    const nl = '# Rapport\n\nDe PQRZ besliste dit.\n';
    assert.deepEqual(flagged(md(nl, ONCE), nl, ABBR), ['PQRZ']);
  });
});
