import { strict as assert } from 'node:assert';
import { md as mdOf, txt, of, flagged, config, sentenceOf } from '../../engine/helpers.js';

/** Markdown with the default settings. */
const md = mdOf;
import { lint } from '../../../server/src/index.js';
import { numberOf, words } from '../../../server/src/engine/text/lexicon.js';
import { closingList } from '../../../server/src/engine/rules/readability/long-sentence.js';

const RULE = 'readability/long-sentence';
const doc = (body: string, heading = 'Inleiding') => `# Rapport\n\nKort.\n\n## ${heading}\n\n${body}\n`;
/** The limits exactly: no margin for sentences only just over them (see the test of sentenceMarginWords). */
const EXACT = { [RULE]: { options: { sentenceMarginWords: 0, languageMargin: false } } };
const exact = { config: config({ rules: EXACT }) };

describe(RULE, () => {
  describe('Dutch', () => {
    it('flags a sentence of 26 words as a warning, with the exact range and counts', () => {
      const s = sentenceOf(26);
      const text = doc(`Dit is kort. ${s} Ook kort.`);
      const r = md(text, exact);
      assert.deepEqual(flagged(r, text, RULE), [s]);
      const f = of(r, RULE)[0]!;
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.data, { words: 26, maxWords: 25 });
      assert.match(f.message.nl, /^Deze zin telt 26 woorden\. Meer dan 25 is moeilijk te volgen\./);
      assert.match(f.message.en, /^This sentence has 26 words; more than 25 is hard to follow\./);
    });

    it('does not flag 25 words or fewer', () => {
      assert.deepEqual(of(md(doc(sentenceOf(25))), RULE), []);
      assert.deepEqual(of(md(doc(`${sentenceOf(12)} ${sentenceOf(20)} ${sentenceOf(25)}`)), RULE), []);
    });

    it('counts words, not tokens: punctuation, symbols and brackets do not count', () => {
      // 26 words with a lot of punctuation around them: In 2023 zie tabel 2 kreeg 5,3 ofwel 1,5 mln van de gemeente via het UWV een uitkering of bijstand dat is veel vindt de raad.
      const s = 'In 2023 (zie tabel 2) kreeg 5,3% – ofwel € 1,5 mln. – van de gemeente, via het UWV, een "uitkering" of bijstand; dat is veel, vindt de raad!';
      const r = md(doc(s));
      const words = r.blocks.find((b) => b.analysed.block.text === s)!.analysed.sentences.map((x) => x.words.length);
      assert.deepEqual(words, [26]);
      assert.deepEqual(of(r, RULE).map((f) => f.data!.words), [26]);
    });

    it('gives a split hint at a seam of the sentence', () => {
      const s = 'De klantmanager belt de inwoner binnen vijf werkdagen op het nummer dat de woningcorporatie doorgaf, omdat een brief vaak ongeopend blijft liggen bij mensen met schulden.';
      const f = of(md(doc(s)), RULE)[0]!;
      assert.match(f.message.nl, /Splits hem, bijvoorbeeld bij "omdat"\./);
      assert.match(f.message.en, /Split it, for example at "omdat"\./);
      const plain = of(md(doc(sentenceOf(30))), RULE)[0]!;
      assert.match(plain.message.nl, /Maak er twee of meer zinnen van\./);
    });

    it('in a summary: info above 20 words, warning above 25', () => {
      const r22 = md(doc(sentenceOf(22), 'Samenvatting'), exact);
      assert.deepEqual(of(r22, RULE).map((f) => [f.severity, f.data]), [['info', { words: 22, maxWords: 20 }]]);
      assert.match(of(r22, RULE)[0]!.message.nl, /in de samenvatting telt 22 woorden\. Houd zinnen in een samenvatting op hoogstens 20 woorden\./);
      assert.deepEqual(of(md(doc(sentenceOf(20), 'Samenvatting')), RULE), []);
      assert.deepEqual(of(md(doc(sentenceOf(26), 'Samenvatting'), exact), RULE).map((f) => f.severity), ['warning']);
      // Subsections of a summary are summary too.
      const nested = md(`# R\n\nKort.\n\n## Samenvatting\n\n### Kern\n\n${sentenceOf(22)}\n`, exact);
      assert.deepEqual(of(nested, RULE).map((f) => f.severity), ['info']);
    });

    it('list fragments (no closing punctuation) are not sentences; a full sentence in a list is', () => {
      const fragment = sentenceOf(30).replace(/\.$/, '');
      assert.deepEqual(of(md(doc(`- ${fragment}\n- Kort punt`)), RULE), []);
      const full = sentenceOf(30);
      assert.deepEqual(flagged(md(doc(`- ${full}\n- Kort punt.`)), doc(`- ${full}\n- Kort punt.`), RULE), [full]);
      assert.equal(of(md(doc(`1. ${sentenceOf(28).replace(/\.$/, '?')}`)), RULE).length, 1, 'a question is a full sentence');
    });

    it('headings and table cells are excluded', () => {
      const long = sentenceOf(30);
      assert.deepEqual(of(md(`# ${long}\n\n## ${long}\n\nKort.\n`), RULE), []);
      assert.deepEqual(of(md(doc(`| a | b |\n|---|---|\n| ${long} | x |`)), RULE), []);
    });

    it('quoted speech is the client\'s own voice: its words do not count', () => {
      const speech = `"${sentenceOf(30).replace(/\.$/, '')}," zegt een inwoner.`;
      assert.deepEqual(of(md(doc(speech)), RULE), []);
      // The writer's own words around a quote still count.
      const around = `${sentenceOf(24).replace(/\.$/, '')}, zegt een inwoner: "Ik weet het niet."`;
      assert.deepEqual(of(md(doc(around)), RULE).map((f) => f.data!.words), [27]);
      // A quotation that is not speech (a term, a title) counts.
      const term = `${sentenceOf(20).replace(/\.$/, '')} en de knop "Verder naar de volgende stap van de aanvraag" werkt niet.`;
      assert.equal(of(md(doc(term)), RULE).length, 1);
    });

    it('audience profiles: academic 30/25, general 20/15', () => {
      const academic = config({ audience: 'academic', rules: EXACT });
      assert.deepEqual(of(md(doc(sentenceOf(30)), { config: academic }), RULE), []);
      assert.deepEqual(of(md(doc(sentenceOf(31)), { config: academic }), RULE).map((f) => f.data), [{ words: 31, maxWords: 30 }]);
      assert.deepEqual(of(md(doc(sentenceOf(26), 'Samenvatting'), { config: academic }), RULE).map((f) => [f.severity, f.data]), [['info', { words: 26, maxWords: 25 }]]);
      const general = config({ audience: 'general' });
      assert.deepEqual(of(md(doc(sentenceOf(20)), { config: general }), RULE), []);
      assert.deepEqual(of(md(doc(sentenceOf(21)), { config: general }), RULE).map((f) => [f.severity, f.data]), [['warning', { words: 21, maxWords: 20 }]]);
      assert.deepEqual(of(md(doc(sentenceOf(16), 'Samenvatting'), { config: general }), RULE).map((f) => [f.severity, f.data]), [['info', { words: 16, maxWords: 15 }]]);
    });

    it('summaryMaxWords never allows more than maxWords', () => {
      const cfg = config({ rules: { [RULE]: { options: { maxWords: 18, summaryMaxWords: 22, sentenceMarginWords: 0 } } } });
      assert.deepEqual(of(md(doc(sentenceOf(19), 'Samenvatting'), { config: cfg }), RULE).map((f) => [f.severity, f.data]), [['warning', { words: 19, maxWords: 18 }]]);
    });

    it('a sentence only just over the limit (26–29 words at 25) is a hint; 30 words is shown; general shows them (judged 1 of 4 worth splitting)', () => {
      const severities = (n: number, options = {}) => of(md(doc(sentenceOf(n)), options), RULE).map((f) => [f.severity, f.data!.words]);
      assert.deepEqual(severities(26), [['hint', 26]]);
      assert.deepEqual(severities(29), [['hint', 29]]);
      assert.deepEqual(severities(30), [['warning', 30]]);
      assert.deepEqual(severities(26, exact), [['warning', 26]]);
      assert.deepEqual(severities(22, { config: config({ audience: 'general' }) }), [['warning', 22]]);
      // In a summary the margin counts from the summary's limit (20): 22 words is a hint, 25 is shown.
      assert.deepEqual(of(md(doc(sentenceOf(22), 'Samenvatting')), RULE).map((f) => f.severity), ['hint']);
      assert.deepEqual(of(md(doc(sentenceOf(25), 'Samenvatting')), RULE).map((f) => f.severity), ['info']);
    });

    it('plain text: the same rule, the same limits', () => {
      const s = sentenceOf(26);
      const text = `Rapport\n\n${s}\n\n${sentenceOf(25)}\n`;
      assert.deepEqual(flagged(txt(text), text, RULE), [s]);
    });
  });

  describe('English', () => {
    it('flags a sentence of 27 words and gives an English split hint', () => {
      const s = 'The caseworker calls the resident within five working days on the number that the housing association passed on, which works better than a letter in most cases.';
      const text = `# Report\n\nShort.\n\n## Findings\n\n${s}\n`;
      const r = md(text);
      assert.deepEqual(flagged(r, text, RULE), [s]);
      assert.equal(of(r, RULE)[0]!.data!.words, 27);
      assert.match(of(r, RULE)[0]!.message.en, /Split it, for example at "which"\./);
    });

    it('does not flag 25 words; flags 21 words in a Summary as info', () => {
      assert.deepEqual(of(md(`# Report\n\n## Findings\n\n${sentenceOf(25, 'en')}\n`), RULE), []);
      const r = md(`# Report\n\n## Summary\n\n${sentenceOf(21, 'en')}\n`, exact);
      assert.deepEqual(of(r, RULE).map((f) => [f.severity, f.data]), [['info', { words: 21, maxWords: 20 }]]);
      assert.match(of(r, RULE)[0]!.message.en, /This sentence in the summary has 21 words; keep summary sentences to 20 words at most\./);
    });

    it('a sentence of 27 words is a hint by default, 34 words too (English margin), 41 words a warning', () => {
      const severities = (n: number) => of(md(`# Report\n\n## Findings\n\n${sentenceOf(n, 'en')}\n`), RULE).map((f) => [f.severity, f.data!.words]);
      assert.deepEqual(severities(27), [['hint', 27]]);
      assert.deepEqual(severities(34), [['hint', 34]]);
      assert.deepEqual(severities(41), [['warning', 41]]);
    });

    it('abbreviations do not cut a sentence short: "et al.", "e.g.", "Fig. 2"', () => {
      const s = 'As Smith et al. showed in Fig. 2 of their study, caseworkers who call residents early, e.g. within a week, reach far more of them than caseworkers who write letters.';
      const r = md(`# Report\n\n## Findings\n\n${s}\n`);
      assert.deepEqual(of(r, RULE).map((f) => f.data!.words), [30]);
    });
  });

  it('nl + en: a passage quoted from a source (six words or more in quotation marks) is not the writer\'s: its words do not count', () => {
    for (const language of ['nl', 'en'] as const) {
      const heading = language === 'nl' ? '# Rapport\n\n## Bevindingen' : '# Report\n\n## Findings';
      const lead = sentenceOf(18, language).replace(/\.$/, '');
      const quote = language === 'nl' ? '„zorg dichtbij huis is voor iedereen in de wijk beter dan zorg op afstand”' : '“seemed to her the most poetical of fancies, and she listened to his description of the stars”';
      const said = language === 'nl' ? 'schrijft de minister' : 'Wells tells us';
      const text = `${heading}\n\n${lead}, ${said}, ${quote}.\n`;
      assert.deepEqual(of(md(text), RULE), [], language);
      // Longer own words around the quotation are still a long sentence: it counts them only, over the whole range.
      const longLead = sentenceOf(26, language).replace(/\.$/, '');
      const long = `${longLead}, ${said}, ${quote}.`;
      const r = md(`${heading}\n\n👩‍⚕️ ${long}\n`);
      assert.deepEqual(of(r, RULE).map((f) => f.data!.words), [26 + said.split(' ').length], language);
      assert.deepEqual(flagged(r, `${heading}\n\n👩‍⚕️ ${long}\n`, RULE), [long], language);
      // A short quotation (a term, scare quotes) and a name in quotation marks are read as part of the sentence.
      const term = language === 'nl' ? '"zorg dichtbij"' : '"care close to home"';
      assert.equal(of(md(`${heading}\n\n${sentenceOf(24, language).replace(/\.$/, '')} ${term}.\n`), RULE).length, 1, language);
    }
  });

  it('nl + en: a sentence that is a list of names (acknowledgements) is not prose to split; a long sentence with a few names is', () => {
    const names = 'Richard Bondi, Steven Cherry, David Coe, Nik Cubrilovic, Bob Devine, Charles Eicher, Thomas Guida, Elihu M. Gerson, Jeremy Hunsinger, Vaughn Iverson, John Karabaic, Jeff Keltner and Richard Yanco';
    for (const [language, text] of [
      ['en', `# Report\n\n## Acknowledgements\n\nThey included ${names}.\n`],
      ['nl', `# Rapport\n\n## Dankwoord\n\nWij danken Anna de Vries, Bram van Dijk, Carla Jansen, Daan Visser, Eva Bakker, Femke Smit, Gijs Meijer, Hanna de Boer, Ivo Mulder, Joost de Groot en Karin Bos.\n`],
    ] as const) {
      assert.deepEqual(of(md(text), RULE), [], language);
    }
    // Prose that names a few people is still checked.
    const en = `# Report\n\n## Findings\n\nThe caseworkers Anna Smith and Bob Jones told us that the residents who were called early in the year were far more likely to come back for a second talk about their debts.\n`;
    assert.equal(of(md(en), RULE).length, 1);
    const nl = `# Rapport\n\n## Bevindingen\n\nDe klantmanagers Anna de Vries en Bram van Dijk vertelden ons dat de inwoners die vroeg in het jaar werden gebeld veel vaker terugkwamen voor een tweede gesprek over hun schulden.\n`;
    assert.equal(of(md(nl), RULE).length, 1);
  });

  it('nl + en: a bold label that opens a list item or paragraph heads the sentence and is not counted', () => {
    for (const language of ['nl', 'en'] as const) {
      const s24 = sentenceOf(24, language);
      const label = language === 'nl' ? 'Verwijzingen buiten de beslisboom' : 'References outside the tree';
      const heading = language === 'nl' ? '# Rapport\n\n## Aanbevelingen' : '# Report\n\n## Recommendations';
      const item = `${heading}\n\n- **${label}:** ${s24}\n- **Tekst:** Kort.\n`;
      assert.deepEqual(of(md(item), RULE), [], language);
      const para = `${heading}\n\n**${label}:** ${s24}\n`;
      assert.deepEqual(of(md(para), RULE), [], language);
      // Over the limit without the label, the finding starts after it and counts the sentence alone.
      const s30 = sentenceOf(30, language);
      const long = `${heading}\n\n- **${label}:** ${s30}\n`;
      assert.deepEqual(flagged(md(long), long, RULE), [s30], language);
      // A clause before a colon is no label: "But he was making an important point: A year before …" counts whole.
      const clause = language === 'nl' ? 'Maar hij maakte daarmee een heel belangrijk punt' : 'But he was making a very important point here';
      const whole = `${heading}\n\n${clause}: ${sentenceOf(20, language)}\n`;
      assert.equal(of(md(whole), RULE).length, 1, language);
    }
  });

  it('nl + en: an acknowledgements section (Acknowledgments, Dankwoord) is written for those thanked: its long sentences are not flagged', () => {
    for (const language of ['nl', 'en'] as const) {
      const long = `${sentenceOf(42, language)} ${sentenceOf(30, language)}`;
      for (const heading of language === 'nl' ? ['Dankwoord', '1. Woord van dank'] : ['Acknowledgments', 'Acknowledgements and thanks']) {
        const text = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${heading}\n\n${long}\n`;
        assert.deepEqual(of(md(text), RULE), [], `${language}: ${heading}`);
      }
      // The same sentences under another heading are flagged.
      const other = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${language === 'nl' ? 'Woorden van de dank-commissie' : 'Thankful residents'}\n\n${long}\n`;
      assert.equal(of(md(other), RULE).length, 2, language);
    }
  });

  it('nl + en: a section whose long sentences are all only just over the limit (at most 5 words) gets its section finding as a hint', () => {
    for (const language of ['nl', 'en'] as const) {
      const heading = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${language === 'nl' ? 'Resultaten' : 'Findings'}\n\n`;
      // Eight short sentences: 4 of 12 are long (a third of the section, see sectionMinPercent).
      const filler = Array.from({ length: 8 }, () => sentenceOf(10, language)).join(' ');
      // Without the language's own margin (languageMargin, tested below), the same in both languages.
      const own = { rules: { [RULE]: { options: { languageMargin: false } } } };
      const section = (lengths: number[]) => of(md(`${heading}${lengths.map((n) => sentenceOf(n, language)).join(' ')}\n\n${filler}\n`, { config: config(own) }), RULE).find((f) => f.data!.section);
      // 27, 28 and 29 words at a limit of 25: a hint.
      assert.equal(section([27, 28, 29, 29])?.severity, 'hint', language);
      // One of 31 words: the section finding is shown.
      assert.equal(section([27, 28, 29, 31])?.severity, 'info', language);
      // The margin is an option.
      const strict = of(md(`${heading}${[27, 28, 29, 29].map((n) => sentenceOf(n, language)).join(' ')}\n\n${filler}\n`, { config: config({ rules: { [RULE]: { options: { sectionMarginWords: 0, languageMargin: false } } } }) }), RULE).find((f) => f.data!.section);
      assert.equal(strict?.severity, 'info', language);
    }
  });

  it('nl + en: a section with under 25 % long sentences, none 20 words over the limit, gets its section finding as a hint; general shows it', () => {
    for (const language of ['nl', 'en'] as const) {
      const heading = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${language === 'nl' ? 'Resultaten' : 'Findings'}\n\n`;
      const text = (lengths: number[], short: number) => `${heading}${lengths.map((n) => sentenceOf(n, language)).join(' ')}\n\n${Array.from({ length: short }, () => sentenceOf(10, language)).join(' ')}\n`;
      const section = (t: string, cfg = {}) => of(md(t, { config: config(cfg) }), RULE).find((f) => f.data!.section);
      // 4 of 20 sentences (20 %), the longest 41 words: a hint; its longest sentences keep their own findings.
      const few = text([32, 34, 36, 41], 16);
      assert.equal(section(few)?.severity, 'hint', language);
      assert.ok(of(md(few), RULE).some((f) => !f.data!.section && f.severity === 'warning'), language);
      // The same four in 12 sentences (33 %): shown.
      assert.equal(section(text([32, 34, 36, 41], 8))?.severity, 'info', language);
      // A longest sentence of 45 words (20 over the limit) shows the section however few its long sentences.
      assert.equal(section(text([32, 34, 36, 45], 16))?.severity, 'info', language);
      // Options: the share can be 0; the general audience shows every section.
      assert.equal(section(few, { rules: { [RULE]: { options: { sectionMinPercent: 0 } } } })?.severity, 'info', language);
      assert.equal(section(text([32, 34, 36, 41], 40), { audience: 'general' })?.severity, 'info', language);
    }
  });

  it('nl + en: a checklist item that names a series of things is a list already; the same series in a paragraph is flagged', () => {
    const items = {
      en: 'Email attendees a welcome message with a link to the workshop page, background readings, a description of any setup they need to do, a list of what they need to bring, and a way to contact the host or teacher on the day.',
      nl: 'Stuur de deelnemers een welkomstbericht met een link naar de pagina van de workshop, de achtergrondteksten, een beschrijving van wat ze vooraf moeten installeren, een lijst van wat ze moeten meenemen, en een manier om de begeleider op de dag zelf te bereiken.',
    };
    for (const language of ['nl', 'en'] as const) {
      const head = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${language === 'nl' ? 'Checklist' : 'Checklist'}\n\n`;
      assert.deepEqual(of(md(`${head}- Kort.\n- ${items[language]}\n`), RULE), [], language);
      assert.equal(of(md(`${head}${items[language]}\n`), RULE).length, 1, language);
      // A list item of clauses (not a series of short items) is still a long sentence.
      assert.equal(of(md(`${head}- Kort.\n- ${sentenceOf(30, language)}\n`), RULE).length, 1, language);
    }
  });
});

describe(`${RULE}: labels, short clauses and research questions`, () => {
  // These classes are about a sentence's shape, not its length: without the language's own margin (languageMargin) an
  // English sentence of 30–40 words is shown as a Dutch one is, so the same cases serve both languages.
  const md = (text: string) => mdOf(text, { config: config({ rules: { [RULE]: { options: { languageMargin: false } } } }) });
  const shown = (r: ReturnType<typeof md>) => of(r, RULE).filter((f) => f.severity !== 'hint' && !f.data!.section);
  const head = (language: 'nl' | 'en', heading?: string) => `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n## ${heading ?? (language === 'nl' ? 'Resultaten' : 'Findings')}\n\n`;
  const clause = (n: number, language: 'nl' | 'en') => sentenceOf(n, language).replace(/\.$/, '').toLowerCase();

  it('nl + en: a bold lead-in of up to 20 words ending in a colon is a label, the colon inside or outside the **; unmarked it counts', () => {
    for (const language of ['nl', 'en'] as const) {
      const lead = language === 'nl' ? 'Werkgever, salarisadministrateur of platform vinden in de zoekpagina' : 'Finding Employer, Payroll Provider, or Gig Platform on the search page';
      const s24 = sentenceOf(24, language);
      for (const item of [`- **${lead}**: ${s24}\n`, `- **${lead}:** ${s24}\n`, `**${lead}:** ${s24}\n`]) {
        assert.deepEqual(shown(md(`${head(language)}${item}`)), [], `${language}: ${item}`);
      }
      // The same lead-in without markup is part of the sentence.
      const plain = `${head(language)}- ${lead}: ${s24}\n`;
      assert.equal(shown(md(plain)).length, 1, language);
      // A run-in list: a bold lead-in, then a short label of its own ("Option 1 and 2:").
      const intro = language === 'nl' ? 'Cliënten hebben vier manieren om hun werkgever of platform te vinden wanneer ze de dienst gebruiken' : 'Clients have four ways of finding their payroll or gig platform when they use the service';
      const option = language === 'nl' ? 'Optie 1 en 2' : 'Option 1 and 2';
      assert.deepEqual(shown(md(`${head(language)}**${intro}:** ${option}: ${sentenceOf(22, language)}\n`)), [], language);
      // Over the limit without its labels, the finding counts the sentence alone.
      const long = `${head(language)}**${intro}:** ${option}: ${sentenceOf(34, language)}\n`;
      assert.deepEqual(flagged(md(long), long, RULE).filter((t) => !t.startsWith('##')), [sentenceOf(34, language)], language);
    }
  });

  it('nl + en: a sentence already broken at semicolons into clauses of at most 20 words is a hint, still counted for its section', () => {
    for (const language of ['nl', 'en'] as const) {
      const broken = `${sentenceOf(16, language).replace(/\.$/, '')}; ${clause(14, language)}; ${clause(10, language)}.`;
      const r = md(`${head(language)}${broken}\n`);
      assert.deepEqual(of(r, RULE).map((f) => [f.severity, f.data!.words]), [['hint', 40]], language);
      // A dash counts as a seam too; one part over 20 words is a long sentence.
      const dash = `${sentenceOf(12, language).replace(/\.$/, '')} — ${clause(12, language)}; ${clause(10, language)}.`;
      assert.deepEqual(shown(md(`${head(language)}${dash}\n`)), [], language);
      const longPart = `${sentenceOf(22, language).replace(/\.$/, '')}; ${clause(10, language)}.`;
      assert.equal(shown(md(`${head(language)}${longPart}\n`)).length, 1, language);
      // An enumerated series ("(1) …; (2) …; (3) …") is not: judged worth making a list.
      const series = `${language === 'nl' ? 'Wij zien' : 'We see'} (1) ${clause(10, language)}; (2) ${clause(10, language)}; (3) ${clause(10, language)}.`;
      assert.equal(shown(md(`${head(language)}${series}\n`)).length, 1, language);
      // Over twice the limit, a run of clauses is a list to make.
      const run = [sentenceOf(18, language).replace(/\.$/, ''), clause(18, language), clause(18, language)].join('; ') + '.';
      assert.equal(shown(md(`${head(language)}${run}\n`)).length, 1, language);
      // clauseMaxWords 0 turns it off.
      assert.equal(shown(mdOf(`${head(language)}${broken}\n`, { config: config({ rules: { [RULE]: { options: { clauseMaxWords: 0, languageMargin: false } } } }) })).length, 1, language);
    }
  });

  it('nl + en: a formal research question ending in "?" is a hint; the same question elsewhere is flagged', () => {
    const q = {
      nl: 'Hoe kan een gemeente de schuldhulpverlening zo inrichten dat inwoners met een betalingsachterstand binnen vijf werkdagen een gesprek krijgen met een klantmanager van het wijkteam bij hen in de buurt?',
      en: 'How can a council organise its debt advice so that residents who fall behind on their rent get a meeting with a caseworker from the local team within five working days of the first missed payment?',
    };
    for (const language of ['nl', 'en'] as const) {
      // Under a heading that names it.
      const heading = language === 'nl' ? 'Onderzoeksvraag' : 'Research questions';
      assert.deepEqual(shown(md(`${head(language, heading)}${q[language]}\n`)), [], language);
      // Introduced by a paragraph that names it, as a list item.
      const intro = language === 'nl' ? 'Voor het onderzoek werd de volgende hoofdvraag opgesteld:' : 'The study answers one main research question:';
      assert.deepEqual(shown(md(`${head(language)}${intro}\n\n- ${q[language]}\n`)), [], language);
      // Named in the sentence itself.
      const named = language === 'nl' ? `De centrale onderzoeksvraag luidt: ${q.nl}` : `Our research question is: ${q.en}`;
      assert.deepEqual(shown(md(`${head(language)}${named}\n`)), [], language);
      // The same question without such a name is a long sentence; so is a long statement under the heading.
      assert.equal(shown(md(`${head(language)}${q[language]}\n`)).length, 1, language);
      assert.equal(shown(md(`${head(language, heading)}${q[language].replace(/\?$/, '.')}\n`)).length, 1, language);
    }
  });
});

describe(`${RULE}: LaTeX headings the document defines itself`, () => {
  it('nl + en: a \\newcommand whose body holds \\section is a heading: the long sentences after it belong to its section', () => {
    for (const language of ['nl', 'en'] as const) {
      const title = language === 'nl' ? 'Wie je bent' : 'Who You Are';
      const body = (def: string) => [
        `\\documentclass{book}`,
        language === 'nl' ? '\\usepackage[dutch]{babel}' : '\\usepackage[english]{babel}',
        def,
        '\\begin{document}',
        `\\chapter{${language === 'nl' ? 'Inleiding' : 'Introduction'}}`,
        '',
        Array.from({ length: 12 }, () => sentenceOf(8, language)).join(' '),
        '',
        `\\seclbl{${title}}{s:intro-audience}`,
        '',
        [34, 33, 32, 31].map((n) => sentenceOf(n, language)).join(' '),
        '',
        '\\end{document}',
        '',
      ].join('\n');
      const sectionAt = (text: string) => {
        const f = of(lint(text, { path: 'doc.tex' }), RULE).find((x) => x.data!.section);
        return f ? text.slice(f.offset, f.offset + 8) : undefined;
      };
      for (const def of ['\\newcommand{\\seclbl}[2]{\\section{#1}\\label{#2}}', '\\newcommand\\seclbl[2]{\\section*{#1}\\label{#2}}', '\\def\\seclbl#1#2{\\section{#1}\\label{#2}}']) {
        const text = body(def);
        assert.equal(sectionAt(text), '\\seclbl{', `${language}: ${def}`);
        assert.ok(lint(text, { path: 'doc.tex' }).sections.some((s) => s.title === title && s.level === 2), `${language}: ${def}`);
      }
      // Without the definition the command is unknown: its section runs on from the chapter.
      assert.match(sectionAt(body('')) ?? '', /^\\chapter/, language);
    }
  });

  it('nl + en: an undefined command named like a heading (from a class file), alone on its line with a short title at least twice, is a heading', () => {
    for (const language of ['nl', 'en'] as const) {
      const titles = language === 'nl' ? ['Wie je bent', 'Wat je leest'] : ['Who You Are', 'What to Read'];
      const text = (command: string, second = `\\${command}{${titles[1]}}{s:read}`) => [
        `\\documentclass{book}`,
        language === 'nl' ? '\\usepackage[dutch]{babel}' : '\\usepackage[english]{babel}',
        '\\begin{document}',
        `\\chapter{${language === 'nl' ? 'Inleiding' : 'Introduction'}}`,
        '',
        Array.from({ length: 12 }, () => sentenceOf(8, language)).join(' '),
        '',
        `\\${command}{${titles[0]}}{s:intro-audience}`,
        '',
        [34, 33, 32, 31].map((n) => sentenceOf(n, language)).join(' '),
        '',
        second,
        '',
        Array.from({ length: 6 }, () => sentenceOf(8, language)).join(' '),
        '',
        '\\end{document}',
        '',
      ].join('\n');
      const headings = (t: string) => lint(t, { path: 'doc.tex' }).sections.map((x) => [x.title, x.level]);
      // \seclbl (a book template's section with a label) and \subsecx: headings at their level.
      assert.deepEqual(headings(text('seclbl')).slice(1), [[titles[0], 2], [titles[1], 2]], language);
      assert.deepEqual(headings(text('subsecx')).slice(1), [[titles[0], 3], [titles[1], 3]], language);
      const sectionFinding = of(lint(text('seclbl'), { path: 'doc.tex' }), RULE).find((x) => x.data!.section);
      assert.equal(sectionFinding?.data!.sentences, 4, language);
      // Used once, a reference or mark command, another name, a title that is a sentence: not headings.
      for (const [command, second] of [['seclbl', ''], ['secref', undefined], ['sectionmark', undefined], ['mybox', undefined], ['seclbl', `\\seclbl{${titles[1]} is goed.}{s:x}`]] as const) {
        const t = text(command, second);
        assert.equal(headings(t).length, 1, `${language}: ${command} ${second ?? ''}`);
      }
    }
  });
});

describe(`${RULE}: each language's own margin (languageMargin)`, () => {
  const head = (language: 'nl' | 'en') => (language === 'nl' ? '# Rapport\n\n## Resultaten\n\n' : '# Report\n\n## Findings\n\n');
  const severity = (language: 'nl' | 'en', n: number, cfg: Parameters<typeof config>[0] = {}) => of(md(`${head(language)}${sentenceOf(n, language)}\n`, { config: config(cfg) }), RULE).map((f) => f.severity);

  it('nl: a sentence of 34 words is shown (margin 4: the verb bracket makes long Dutch sentences hard); en: a hint up to 40 words (margin 15)', () => {
    assert.deepEqual(severity('nl', 34), ['warning']);
    assert.deepEqual(severity('nl', 29), ['hint']);
    assert.deepEqual(severity('en', 34), ['hint']);
    assert.deepEqual(severity('en', 40), ['hint']);
    assert.deepEqual(severity('en', 41), ['warning']);
  });

  it('nl + en: sentenceMarginWords set by the writer applies in every language; languageMargin: false keeps the rule\'s margin; general shows all', () => {
    const set = { rules: { [RULE]: { options: { sentenceMarginWords: 4 } } } };
    assert.deepEqual(severity('en', 34, set), ['warning']);
    assert.deepEqual(severity('nl', 34, set), ['warning']);
    const zero = { rules: { [RULE]: { options: { sentenceMarginWords: 0 } } } };
    assert.deepEqual(severity('nl', 27, zero), ['warning']);
    assert.deepEqual(severity('en', 27, zero), ['warning']);
    assert.deepEqual(severity('en', 34, { rules: { [RULE]: { options: { languageMargin: false } } } }), ['warning']);
    assert.deepEqual(severity('en', 34, { audience: 'general' }), ['warning']);
    assert.deepEqual(severity('nl', 34, { audience: 'general' }), ['warning']);
  });

  it('nl + en: a section whose long sentences are all within their language\'s margin gets its count as a hint (en up to 40 words; nl shown from 30)', () => {
    const filler = (language: 'nl' | 'en') => Array.from({ length: 8 }, () => sentenceOf(10, language)).join(' ');
    const section = (language: 'nl' | 'en', lengths: number[]) => of(md(`${head(language)}${lengths.map((n) => sentenceOf(n, language)).join(' ')}\n\n${filler(language)}\n`), RULE).find((f) => f.data!.section);
    assert.equal(section('en', [30, 34, 38, 40])?.severity, 'hint');
    assert.equal(section('en', [30, 34, 38, 41])?.severity, 'info');
    assert.equal(section('nl', [30, 34, 38, 40])?.severity, 'info');
  });

  it('the margins are data: dictionaries/text/<language>/readability numbers (en 15, nl 4)', () => {
    assert.equal(numberOf('en', 'readability', 'sentenceMarginWords'), 15);
    assert.equal(numberOf('nl', 'readability', 'sentenceMarginWords'), 4);
  });
});

describe(`${RULE}: adopted text`, () => {
  it('nl + en: a section the report says it adopted (a code of conduct "adapted from" a source) is left alone; the same text written by the report is checked', () => {
    const long = (language: 'nl' | 'en') => sentenceOf(45, language);
    const nl = `# Rapport\n\n## Inleiding\n\nKort.\n\n## Gedragscode\n\n${long('nl')}\n\n### Herkomst\n\nDeze gedragscode is overgenomen uit de landelijke code voor het sociaal werk, versie 2.\n\n## Methode\n\n${long('nl')}\n`;
    const en = `# Report\n\n## Introduction\n\nShort.\n\n## Code of Conduct\n\n${long('en')}\n\n### Attribution\n\nThis Code of Conduct is adapted from the Contributor Covenant, version 1.4.\n\n## Method\n\n${long('en')}\n`;
    for (const [language, text, own] of [
      ['nl', nl, nl.replace('Deze gedragscode is overgenomen uit de landelijke code voor het sociaal werk, versie 2.', 'Wij schreven deze code zelf.')],
      ['en', en, en.replace('This Code of Conduct is adapted from the Contributor Covenant, version 1.4.', 'We wrote this code ourselves.')],
    ] as const) {
      const sentences = (t: string) => of(md(t), RULE).filter((f) => !f.data!.section).map((f) => t.slice(0, f.offset).split('\n').length);
      // Only the long sentence under the method heading (line 17) is reported.
      assert.deepEqual(sentences(text), [17], language);
      assert.deepEqual(sentences(own), [9, 17], language);
    }
  });
});

describe(`${RULE}: where the message says to split`, () => {
  const hintOf = (language: 'nl' | 'en', sentence: string) => {
    const head = language === 'nl' ? '# Rapport\n\n## Resultaten\n\n' : '# Report\n\n## Findings\n\n';
    const f = of(md(`${head}${sentence}\n`, exact), RULE).find((x) => !x.data!.section)!;
    return /(?:for example at|bijvoorbeeld bij) "([^"]+)"/.exec(language === 'nl' ? f.message.nl : f.message.en)?.[1];
  };

  it('en: not at the "and" that closes a series, nor at the "but" of "not only … but"; at a clause\'s "and" or "but"', () => {
    assert.equal(hintOf('en', 'The index his search engine produced held pictures that students had made for their own sites, copies of notes, pamphlets, brochures, and movie clips from the network.'), undefined);
    assert.equal(hintOf('en', 'For the residents in the pilot this change was not only a question of money and of the time they spent at the office, but also one of trust in the people who helped them.'), undefined);
    assert.equal(hintOf('en', 'The council paid the rent of every family in the pilot for three months without asking for any form first, and the team visited each of those families at home every week.'), 'and');
    assert.equal(hintOf('en', 'The plan worked well for the families who took part in the pilot in the first year of the project, but the council stopped it after a year because the money ran out.'), 'but');
  });

  it('nl: niet bij de "en" die een opsomming sluit, niet bij de "maar" van "niet alleen … maar"; wel bij die van een bijzin', () => {
    assert.equal(hintOf('nl', 'In de wijk spraken we voor dit onderzoek met de mensen van de wijkteams, de scholen, de huisartsen, de kerken, en de bewoners die daar al jaren wonen.'), undefined);
    assert.equal(hintOf('nl', 'Voor de bewoners in de proef ging het bij deze wijziging niet alleen om geld en om de tijd die ze op het kantoor doorbrachten, maar ook om vertrouwen in hun hulpverleners.'), undefined);
    assert.equal(hintOf('nl', 'De gemeente betaalde drie maanden lang de huur van elk gezin in de proef zonder eerst om een formulier te vragen, maar het team ging daarna elke week bij die gezinnen op bezoek.'), 'maar');
  });

  // Judged over all samples: a split at ";" was called poor in 2 of 61 judgements, one at "and" in 17 of 97 ("every
  // 'and' joins nouns; the semicolon is the place", s14). A semicolon is named first when the sentence has one.
  it('nl + en: a semicolon before a conjunction ("; … , and" / "; … , maar")', () => {
    assert.equal(hintOf('en', 'There are several strands of research into technologies that support working with data in this way; primarily these can be found in the areas of Open Data, and Human-Data Interaction, which touch upon other fields.'), ';');
    assert.equal(hintOf('nl', 'Er zijn verschillende soorten onderzoek naar technologie die het werken met gegevens op deze manier ondersteunt; vooral op het terrein van open data, maar ook bij de interactie tussen mensen en gegevens.'), ';');
  });
});

describe(`${RULE}: a list that closes the sentence (session 8)`, () => {
  const head = (language: 'nl' | 'en') => (language === 'nl' ? '# Rapport\n\n## Resultaten\n\n' : '# Report\n\n## Findings\n\n');
  const sentences = (language: 'nl' | 'en', text: string) => of(md(`${head(language)}${text}\n`), RULE).filter((f) => !f.data!.section);
  // Judged false (test/judged, JUDGING.md session 8): "length comes from a list of seven studio names after a colon",
  // "lengte komt van een opsomming van onderwerpen; splitsen helpt niet".
  const lists = {
    nl: 'Voor de monitor van de jeugdgezondheid in de gemeente hebben de onderzoekers gekeken naar: stress, slaapproblemen, overgewicht, voeding, bewegen, roken, alcohol- en drugsgebruik, pesten, moeite met rondkomen, mantelzorg en de buurt.',
    en: 'The board of the association that runs the rating system is made up of the chairmen and presidents of the seven major producers of motion pictures in the country: Walt Disney, Sony Pictures, MGM, Paramount Pictures, Twentieth Century Fox, Universal Studios, and Warner Brothers.',
  };
  const cues = {
    nl: 'Maatregelen gericht op gezondheidsrisico’s zoals te weinig bewegen moeten in de komende jaren aansluiten bij de doelgroepen die veel voorkomen in de wijk, zoals alleenstaanden, mensen met beperkingen, jongeren, ouderen en inwoners met lage inkomens.',
    en: 'The advice office that the council opened in the town hall last spring should reach the groups of residents that the survey of last year found most often in the district, such as single parents, older residents, young people, and families on low incomes.',
  };

  it('nl + en: its words count as one item, the longest: a hint that proposes a bulleted list', () => {
    for (const language of ['nl', 'en'] as const) {
      for (const text of [lists[language], cues[language]]) {
        const f = sentences(language, text);
        assert.deepEqual(f.map((x) => x.severity), ['hint'], `${language}: ${text}`);
        assert.match(language === 'nl' ? f[0]!.message.nl : f[0]!.message.en, language === 'nl' ? /waarvan \d+ in een opsomming van \d+ items\. Een lijst met opsommingstekens/ : /of them are a list of \d+ items\. A bulleted list/, text);
        // The measure of the sentence stays its length.
        assert.equal(f[0]!.data!.words, text.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length, text);
      }
    }
  });

  it('nl + en: not when an item is a clause (over eight words), nor when the words outside the list are too many; within the margin anyway, the message stays', () => {
    const clauseItem = {
      nl: cues.nl.replace('jongeren, ouderen', 'jongeren die na school nergens terecht kunnen in de eigen wijk, ouderen'),
      en: cues.en.replace('young people,', 'young people who have nowhere to go after school in their own district,'),
    };
    const longHead = {
      nl: `${sentenceOf(34, 'nl').replace(/\.$/, '')}, zoals alleenstaanden, jongeren, ouderen en gezinnen.`,
      en: `${sentenceOf(45, 'en').replace(/\.$/, '')}, such as single parents, young people, older residents, and families.`,
    };
    for (const language of ['nl', 'en'] as const) {
      assert.deepEqual(sentences(language, clauseItem[language]).map((x) => x.severity), ['warning'], `${language}: ${clauseItem[language]}`);
      const f = sentences(language, longHead[language]);
      assert.deepEqual(f.map((x) => x.severity), ['warning'], language);
      assert.match(f[0]!.message.en, /Split it/, language);
      // A sentence within the limit and margin anyway (en 40, nl 29 words) is a hint for that reason: the list is not what makes it long.
      const short = language === 'nl' ? 'Maatregelen tegen gezondheidsrisico’s moeten in de komende jaren goed aansluiten bij de groepen die het vaakst voorkomen in de wijk, zoals alleenstaanden, jongeren, ouderen en gezinnen.' : 'The advice office should reach the groups of residents that the survey found most often in the district, such as single parents, young people, older residents, and families.';
      // Without a margin (the limit exactly) the list is what makes it long: a hint that proposes a bulleted list.
      const h = of(md(`${head(language)}${short}\n`, exact), RULE)[0];
      assert.deepEqual([h?.severity, /A bulleted list/.test(h?.message.en ?? '')], ['hint', true], language);
      assert.deepEqual(sentences(language, short).map((x) => [x.severity, /Split it/.test(x.message.en)]), [['hint', true]], language);
    }
  });

  it('closingList: after a colon or a cue word (data: dictionaries/text/<language>/readability), at least three short items to the end', () => {
    assert.deepEqual(closingList('We looked at: stress, sleep, food and exercise.', 'en'), { start: 14, longest: 1, items: 4 });
    assert.equal(closingList('We looked at stress, sleep, food and exercise.', 'en'), undefined);
    assert.equal(closingList('We saw it in towns such as Leeds and York.', 'en'), undefined);
    assert.equal(closingList('Wij keken naar stress, slaap, voeding en bewegen.', 'nl'), undefined);
    assert.equal(closingList('Wij keken o.a. naar stress, slaap, voeding en bewegen.', 'nl')?.items, 4);
    assert.deepEqual(closingList('Gebaseerd o.a.: vrijstaande woningen, flats, boerderijen en etagewoningen.', 'nl')?.items, 4);
    assert.deepEqual(closingList('Doelgroepen zoals alleenstaanden, ouderen of jongeren.', 'nl')?.items, 3);
    for (const language of ['nl', 'en'] as const) assert.ok(words(language, 'readability', 'enumerationCues').length >= 3, language);
  });
});

describe(`${RULE}: sections of the same text (a long sentence in each, lsp15)`, () => {
  // Sections with the same blocks (the same heading too) share their runs' summaries; the long sentences gathered for one section are kept for
  // the next check (speed only): each section must still report its own sentence, at its own place, after an edit too.
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: each copy of a section reports its own sentence, before and after an edit above them`, () => {
      const s = sentenceOf(38, language);
      const body = language === 'nl' ? `Dit is kort. ${s} Ook kort.` : `This is short. ${s} Also short.`;
      const text = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n${language === 'nl' ? 'Kort.' : 'Short.'}\n\n## ${language === 'nl' ? 'Deel' : 'Part'}\n\n${body}\n\n## ${language === 'nl' ? 'Deel' : 'Part'}\n\n${body}\n\n## ${language === 'nl' ? 'Deel' : 'Part'}\n\n${body}\n`;
      const edited = text.replace(language === 'nl' ? 'Kort.' : 'Short.', language === 'nl' ? 'Heel kort.' : 'Very short.');
      for (const t of [text, edited, text]) {
        const r = md(t, exact);
        const at = of(r, RULE).filter((f) => !f.data?.section).map((f) => f.offset);
        const expected = [...t.matchAll(new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index);
        assert.deepEqual(at, expected);
        assert.deepEqual(flagged(r, t, RULE).filter((x) => x === s).length, 3);
      }
    });
  }
});
