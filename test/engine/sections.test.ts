import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assignRoles, narrowText, normaliseHeading, normaliseUncached, oneSlipApart, recordsAnswers, roleOfContent, roleOfHeading, roleOfQuestion, roleVocabularyOf } from '../../server/src/engine/sections.js';
import type { SectionRole } from '../../server/src/index.js';
import { lint } from '../../server/src/index.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { bundledDictionaries } from '../../server/src/workspace/dictionaries.js';
import { CORPUS_DIR } from '../helpers/shared.js';
import { corpusDocs, evaluateSections, inconsistent, parseHeadings, pct, sectionRows } from '../../scripts/evaluate-lib.js';
import { md, txt } from './helpers.js';

const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);
const NL = roleVocabularyOf(vocabulary, 'nl');
const EN = roleVocabularyOf(vocabulary, 'en');

/**
 * Leave-one-document-out agreement measured on 2026-12-03 over the 704 labelled headings of the
 * 23-document dev corpus (docs/evaluation.md; `npm run evaluate`, `npm run evaluate:roles`):
 * nl 90.6 %, en 92.2 % (before session 3's rules: nl 80.6 %). The issue's target is 90 % per
 * language; the test holds the measured level (minus a small margin) and prints every miss.
 */
const MEASURED_LOO = { nl: 0.906, en: 0.922 };
const MARGIN = 0.02;
/** Markup that the labels keep in heading_text and Brug's titles do not: emphasis, Markdown heading marks. */
const plain = (s: string) => s.replace(/\\IfLanguageName\{[^{}]*\}\{([^{}]*)\}\{[^{}]*\}/g, '$1').replace(/^#+\s*/, '').replace(/<[^<>]{1,80}>/g, '').replace(/\\([()[\]*_#.!-])/g, '$1').replace(/[*_]{1,2}/g, '').replace(/\s+/g, ' ').trim();

(existsSync(join(CORPUS_DIR, 'SECTIONS.tsv')) ? describe : describe.skip)('sections: roles against the human labels (corpora/dev/SECTIONS.tsv)', function () {
  this.timeout(300000);
  const rows = existsSync(join(CORPUS_DIR, 'SECTIONS.tsv')) ? sectionRows(CORPUS_DIR) : [];
  // All documents: a word counts as general when another document of the corpus uses it, labelled or not.
  const docs = rows.length ? corpusDocs(CORPUS_DIR) : [];

  it('leave-one-document-out agreement per language holds the measured level (report: agreement and misses)', () => {
    const r = evaluateSections(docs, rows, vocabulary);
    for (let i = 0; i < 2; i++) {
      const a = r.inSample[i]!;
      const b = r.loo[i]!;
      console.log(`      section roles ${b.language}: in-sample ${a.agree}/${a.total} (${pct(a.agree, a.total)}), leave-one-out ${b.agree}/${b.total} (${pct(b.agree, b.total)})`);
      for (const m of b.misses.slice(0, 25)) console.log(`        ${m}`);
      if (b.misses.length > 25) console.log(`        … ${b.misses.length - 25} more (npm run evaluate -- -v)`);
    }
    assert.equal(rows.length, r.inSample[0]!.total + r.inSample[1]!.total, 'every labelled heading is scored');
    for (const s of r.loo) assert.ok(s.agree / s.total >= MEASURED_LOO[s.language] - MARGIN, `${s.language}: leave-one-out agreement ${pct(s.agree, s.total)} fell below ${pct(MEASURED_LOO[s.language] - MARGIN, 1)}`);
    // The same heading with the same label in two documents gets the same role in both.
    assert.deepEqual(inconsistent(r.loo), []);
    // In-sample can be below leave-one-out: without a document's own words a heading may get its role from its place among the chapters.
  });

  it('finds the labelled headings at their lines with the right titles (markup aside)', () => {
    let found = 0;
    const missing: string[] = [];
    for (const d of docs) {
      const p = parseHeadings(d);
      for (const row of rows.filter((x) => x.file === d.file)) {
        const i = p.lines.indexOf(row.line);
        if (i < 0) {
          missing.push(`${row.file}:${row.line} ${row.heading}`);
          continue;
        }
        found++;
        assert.equal(plain(p.infos[i]!.title), plain(row.heading), `${row.file}:${row.line}`);
      }
    }
    // A plain-text "Footnotes:" line is no heading to Brug.
    assert.ok(found >= rows.length - 2, `${found} of ${rows.length} headings found; missing: ${missing.join('; ')}`);
  });

  it('Markdown heading levels equal the labels', () => {
    for (const d of docs.filter((x) => x.file.endsWith('.md'))) {
      const p = parseHeadings(d);
      for (const row of rows.filter((x) => x.file === d.file)) {
        const i = p.lines.indexOf(row.line);
        if (i >= 0) assert.equal(p.infos[i]!.level, row.level, `${row.file}:${row.line}`);
      }
    }
  });
});

describe('sections: unambiguous headings', () => {
  const cases: Array<[string, SectionRole]> = [
    ['Samenvatting', 'summary'], ['Managementsamenvatting', 'summary'], ['Summary', 'summary'], ['Executive summary', 'summary'], ['Abstract', 'summary'],
    ['Inleiding', 'introduction'], ['Introduction', 'introduction'], ['Aanleiding', 'introduction'],
    ['Achtergrond', 'background'], ['Background', 'background'], ['Theoretisch kader', 'background'],
    ['Methode', 'method'], ['Methoden', 'method'], ['Method', 'method'], ['Methods', 'method'], ['Methodology', 'method'], ['Onderzoeksopzet', 'method'], ['Werkwijze', 'method'],
    ['Resultaten', 'results'], ['Results', 'results'], ['Bevindingen', 'results'], ['Findings', 'results'],
    ['Discussie', 'discussion'], ['Discussion', 'discussion'], ['Beperkingen', 'discussion'],
    ['Conclusies', 'conclusion'], ['Conclusie', 'conclusion'], ['Conclusions', 'conclusion'], ['Conclusion', 'conclusion'], ['Tot slot', 'conclusion'],
    ['Aanbevelingen', 'recommendations'], ['Aanbeveling', 'recommendations'], ['Recommendations', 'recommendations'], ['Next steps', 'recommendations'],
    ['Literatuur', 'references'], ['Literatuurlijst', 'references'], ['Bronnen', 'references'], ['References', 'references'], ['Bibliography', 'references'], ['Bibliografie', 'references'],
    ['Bijlage', 'appendix'], ['Bijlagen', 'appendix'], ['Bijlage A', 'appendix'], ['Bijlage 2: Topiclijst', 'appendix'], ['Appendix', 'appendix'], ['Appendix B', 'appendix'], ['Appendices', 'appendix'],
    ['3.2 Resultaten', 'results'], ['3 Methode', 'method'], ['4. Conclusies', 'conclusion'], ['Hoofdstuk 5 Aanbevelingen', 'recommendations'], ['Chapter 2: Methods', 'method'], ['II. Results', 'results'], ['A. Background', 'background'],
    ['**Samenvatting**', 'summary'], ['Resultaten:', 'results'],
  ];
  for (const [heading, role] of cases) {
    it(`"${heading}" → ${role}`, () => {
      assert.equal(roleOfHeading(heading, NL) ?? roleOfHeading(heading, EN), role);
      // In a document, under a title.
      const r = md(`# Rapport over iets\n\nInleidende tekst.\n\n## ${heading}\n\nTekst.\n`);
      assert.equal(r.sections[1]!.role, role);
    });
  }

  it('a combined "Conclusies en aanbevelingen" section counts as recommendations (the stricter summary target)', () => {
    assert.equal(roleOfHeading('Conclusies en aanbevelingen', NL), 'recommendations');
    assert.equal(roleOfHeading('Conclusions and recommendations', EN), 'recommendations');
  });

  it('normaliseHeading removes numbering, emphasis and closing punctuation', () => {
    assert.equal(normaliseHeading('3.2.1 **Resultaten**:'), 'resultaten');
    assert.equal(normaliseHeading('Hoofdstuk 4 Conclusies.'), 'conclusies');
    assert.equal(normaliseHeading('iv. Discussion'), 'discussion');
  });

  it('normaliseHeading (remembered per title) gives what it works out anew, nl and en, asked twice and after other titles', () => {
    const titles = ['3.2.1 **Resultaten**:', 'Hoofdstuk 4 Conclusies.', 'iv. Discussion', 'Chapter 2: Methods', '## Aanbevelingen', 'Samenvatting <span>kort</span>', 'Q3 What did we learn?', 'A. Appendix', ' Inleiding ', 'Results (2024)', 'Resultaten', 'Conclusies', 'Methods', 'Summary'];
    for (let round = 0; round < 3; round++) {
      for (const t of titles) {
        const variant = round === 2 ? `${t} ${round}` : t;
        assert.equal(normaliseHeading(variant), normaliseUncached(variant), variant);
      }
    }
  });

  it('a heading without role words takes its parent\'s role; a top-level one is "other"', () => {
    const r = md('# Titel\n\nTekst.\n\n## Resultaten\n\n### Signalen en bereik\n\nTekst.\n\n#### Per kwartaal\n\nTekst.\n\n## Partners\n\nTekst.\n');
    assert.deepEqual(r.sections.map((s) => s.role), ['title', 'results', 'results', 'results', 'other']);
  });

  it('the first top-level heading before any prose is the title, unless it opens with a role word', () => {
    assert.equal(md('# Rapport over de aanpak van schulden\n\nTekst.\n').sections[0]!.role, 'title');
    assert.equal(md('# Evaluation of the study design and its methods\n\nText.\n').sections[0]!.role, 'title');
    assert.equal(md('# Samenvatting\n\nTekst.\n').sections[0]!.role, 'summary');
    assert.equal(md('# Methode en aanpak\n\nTekst.\n').sections[0]!.role, 'method');
    // After prose, a top-level heading is not a title.
    assert.equal(md('Tekst vooraf.\n\n# Rapport over de aanpak\n\nTekst.\n').sections[0]!.role, 'method');
    // A page that opens on a deep heading has its title elsewhere (front matter): no title heading.
    assert.deepEqual(md('---\ntitle: Rapport\n---\n\n#### Nummer\n\nA-12.\n\n#### Samenvatting\n\nTekst.\n').sections.map((s) => s.role), ['other', 'summary']);
    assert.equal(md('## Rapport over schulden\n\nTekst.\n\n# Deel 1\n\nTekst.\n').sections[0]!.role, 'title');
  });

  it('statement headings (7 words or more) take a role only from their first words', () => {
    const r = md('# Titel\n\nTekst.\n\n## Resultaten\n\n### Bijna alle inwoners komen op de plek waar ze volgens het scenario moeten zijn\n\nTekst.\n\n### Conclusies over de manier waarop inwoners de keuzehulp gebruiken\n\nTekst.\n');
    assert.deepEqual(r.sections.map((s) => s.role), ['title', 'results', 'results', 'conclusion']);
  });

  it('headings right after the title without prose between belong to the title block', () => {
    const roles = assignRoles([
      { title: 'Eerder in beeld', level: 1, afterProse: false },
      { title: 'Evaluatie van Geldzorg Dichtbij', level: 2, afterProse: false },
      { title: 'Inleiding', level: 2, afterProse: true },
      { title: 'Deelvraag 1', level: 3, afterProse: true },
    ], NL);
    assert.deepEqual(roles, ['title', 'title', 'introduction', 'introduction']);
  });

  it('plain-text headings get roles as well', () => {
    const r = txt('Rapport over schulden\n\nTekst van de inleiding.\n\n1 Samenvatting\n\nTekst.\n\n2 Methode\n\nTekst.\n\n2.1 Interviews\n\nTekst.\n\nLiteratuur\n\nJansen, A. (2020). Een boek.\n');
    assert.deepEqual(r.sections.map((s) => [s.title, s.role]), [['Rapport over schulden', 'title'], ['1 Samenvatting', 'summary'], ['2 Methode', 'method'], ['2.1 Interviews', 'method'], ['Literatuur', 'references']]);
  });

  it('section metrics add up the blocks of the section and its subsections', () => {
    const r = md('# Titel\n\n## Resultaten\n\nEen twee drie vier.\n\n### Deel\n\nVijf zes.\n\n## Slot\n\nZeven.\n');
    assert.deepEqual(r.sections.map((s) => s.metrics.words), [7, 6, 2, 1]);
  });
});

describe('sections: roles that generalise (issue 14), Dutch and English', () => {
  // Short invented texts: the language is given (detection falls back to Dutch on a few words).
  const roles = (text: string, path = 'doc.md') => lint(text, { path, ...(/^\\|^# (Rapport|Evaluatie)/.test(text) ? {} : { language: 'en' as const }) }).sections.map((s) => s.role);

  it('question headings get their role from the question: past-tense findings, what should happen', () => {
    assert.deepEqual(roles('# Evaluation of the pilot\n\nText.\n\n## What did the city achieve?\n\nText.\n\n## How did residents benefit?\n\nText.\n\n## What should the council do next?\n\nText.\n'), ['title', 'results', 'results', 'recommendations']);
    assert.deepEqual(roles('# Evaluatie van de pilot\n\nTekst.\n\n## Wat vonden bewoners van de keuzehulp?\n\nTekst.\n\n## Wat moet de gemeente nu doen?\n\nTekst.\n'), ['title', 'results', 'recommendations']);
    // A question about what something is names a topic, not a role: it takes its parent's.
    assert.deepEqual(roles('# Report\n\nText.\n\n## Background\n\nText.\n\n### What is a charity?\n\nText.\n'), ['title', 'background', 'background']);
  });

  it('common role words: Doel, Vraagstelling, Source of the case, Description', () => {
    assert.equal(roleOfHeading('Doel', NL), 'introduction');
    assert.equal(roleOfHeading('Doelstellingen', NL), 'introduction');
    assert.equal(roleOfHeading('Vraagstelling', NL), 'introduction');
    assert.equal(roleOfHeading('Source of the case', EN), 'background');
    assert.equal(roleOfHeading('Description', EN), 'introduction');
    // "Description" names the section only as a short heading of its own.
    assert.notEqual(roleOfHeading('Description of the data files for each local authority', EN), 'introduction');
  });

  it("a heading's own role word wins over the parent's", () => {
    assert.deepEqual(roles('# Rapport\n\nTekst.\n\n## Resultaten\n\nTekst.\n\n### Aanbevolen stappen voor gemeenten\n\nTekst.\n\n### Wachttijden\n\nTekst.\n'), ['title', 'results', 'recommendations', 'results']);
    assert.deepEqual(roles('# Report\n\nText.\n\n## Findings\n\nText.\n\n### Next steps for councils\n\nText.\n\n### Waiting times\n\nText.\n'), ['title', 'results', 'recommendations', 'results']);
  });

  it('the same heading gets the same role under different chapters', () => {
    assert.deepEqual(roles('# Rapport\n\nTekst.\n\n## Ontdekken\n\nTekst.\n\n### Doelstellingen\n\nTekst.\n\n## Ontwikkelen\n\nTekst.\n\n### Doelstellingen\n\nTekst.\n').filter((_, i) => i === 2 || i === 4), ['introduction', 'introduction']);
  });

  it('a summary at the front is the summary; a chapter\'s closing summary belongs to its chapter', () => {
    assert.deepEqual(roles('# Report\n\n## Summary\n\nText.\n\n## Methods\n\nText.\n\n### Summary\n\nText.\n\n## Summary and conclusions\n\nText.\n'), ['title', 'summary', 'method', 'method', 'conclusion']);
    assert.deepEqual(roles('# Rapport\n\n## Samenvatting\n\nTekst.\n\n## Achtergrond\n\nTekst.\n\n### Samenvatting\n\nTekst.\n'), ['title', 'summary', 'background', 'background']);
  });

  it('under an appendix every heading is appendix; a heading that reports a sample size is results', () => {
    assert.deepEqual(roles('# Rapport\n\nTekst.\n\n## Bijlagen\n\n### Inleiding van de topiclijst\n\nTekst.\n'), ['title', 'appendix', 'appendix']);
    assert.deepEqual(roles('# Rapport\n\nTekst.\n\n## Ontdekken\n\nTekst.\n\n### Gebruikersinterviews (N=4)\n\nTekst.\n'), ['title', 'other', 'results']);
    assert.deepEqual(roles('# Report\n\nText.\n\n## Discovery\n\nText.\n\n### User interviews (n = 5)\n\nText.\n'), ['title', 'other', 'results']);
    // The method section's own name keeps its role with a sample size beside it.
    assert.deepEqual(roles('# Rapport\n\nTekst.\n\n## Ontwikkelen (N=5)\n\nTekst.\n\n### Materiaal en methoden (N = 5)\n\nTekst.\n\n### Gebruikerstest (n=5)\n\nTekst.\n'), ['title', 'results', 'method', 'results']);
    assert.deepEqual(roles('# Report\n\nText.\n\n## Develop (N=5)\n\nText.\n\n### Materials and methods (N = 5)\n\nText.\n\n### User testing (n=5)\n\nText.\n'), ['title', 'results', 'method', 'results']);
  });

  it('a topic heading without role words takes its role from what its text reports (in a document that describes a study)', () => {
    const en = roles('# Report\n\nText.\n\n## Methods\n\nWe asked patients.\n\n## The patient record\n\nTwelve of the seventeen participants could not find their record. The median time was 6 minutes; 40 % gave up.\n');
    assert.equal(en[2], 'results');
    const nl = roles('# Rapport\n\nTekst.\n\n## Methode\n\nWe vroegen ouders.\n\n## Het dossier\n\nTwaalf van de zeventien deelnemers vonden hun dossier niet. De helft van de respondenten gaf aan dat de brief onduidelijk was; 40 % haakte af.\n');
    assert.equal(nl[2], 'results');
    const method = roles('# Report\n\nText.\n\n## Fieldwork\n\nWe interviewed twelve parents. Participants were recruited through the community team and the interviews were transcribed.\n');
    assert.equal(method[1], 'method');
    // Without cues the heading stays "other": quiet by default.
    assert.equal(roles('# Report\n\nText.\n\n## Methods\n\nText.\n\n## Partners\n\nThe council works with three housing associations.\n')[2], 'other');
  });

  it('figures in an essay or a book without a study are the author\'s material, not findings', () => {
    const text = '## Market: Concentration\n\nFive companies own 85 percent of the market; half of the stations are owned by two firms, and most of the users said so.\n';
    assert.equal(roles(`# Free culture\n\nText.\n\n${text}`)[1], 'other');
    assert.equal(roles(`# Rapport over vrije cultuur\n\nTekst.\n\n## Marktconcentratie\n\nVijf bedrijven bezitten 85 procent van de markt; de helft van de zenders is van twee bedrijven, zeiden de meeste kijkers.\n`, 'doc.md')[1], 'other');
  });

  it('a chapter without role words between the method and the conclusion reports findings; its subsections follow it', () => {
    assert.deepEqual(roles('# Thesis\n\nText.\n\n## Methodology\n\nText.\n\n## Designing accounting tools\n\nText.\n\n### Federated architecture\n\nText.\n\n## Conclusions\n\nText.\n\n## Technical notes\n\nText.\n'), ['title', 'method', 'results', 'results', 'conclusion', 'other']);
    assert.deepEqual(roles('# Rapport over de app\n\nTekst.\n\n## Methodologie\n\nTekst.\n\n## Ontdekken\n\nTekst.\n\n### Eerste ronde\n\nTekst.\n\n## Conclusie\n\nTekst.\n\n## Technische beschrijving\n\nTekst.\n'), ['title', 'method', 'results', 'results', 'conclusion', 'other']);
    // Without a method before it, a chapter between the introduction and the conclusion is a topic.
    assert.deepEqual(roles('# Essay\n\nText.\n\n## Introduction\n\nText.\n\n## Piracy\n\nText.\n\n## Conclusion\n\nText.\n'), ['title', 'introduction', 'other', 'conclusion']);
  });

  it('a chapter without role words between the introduction and the method sets out the context (background)', () => {
    assert.deepEqual(roles('# Report\n\nText.\n\n## Introduction\n\nText.\n\n## The school\n\nText.\n\n### Its modules\n\nText.\n\n## Methods\n\nText.\n'), ['title', 'introduction', 'background', 'background', 'method']);
    assert.deepEqual(roles('# Rapport over de school\n\nTekst.\n\n## Inleiding\n\nTekst.\n\n## De school\n\nTekst.\n\n## Methode\n\nTekst.\n'), ['title', 'introduction', 'background', 'method']);
    // Without a method after it, it stays a topic.
    assert.deepEqual(roles('# Essay\n\nText.\n\n## Introduction\n\nText.\n\n## The school\n\nText.\n'), ['title', 'introduction', 'other']);
  });

  it('an introduction under the conclusion chapter starts attached material (appendix), in LaTeX and Markdown', () => {
    const tex = '\\documentclass{report}\n\\begin{document}\n\\chapter{Inleiding}\nTekst.\n\\chapter{Methodologie}\nTekst.\n\\chapter{Conclusie}\nTekst.\n\\section{Introductie}\nHet voorstel.\n\\section{Stand van zaken}\nTekst.\n\\subsection{Gezichtsdetectie}\nTekst.\n\\section{Methodologie}\nTekst.\n\\end{document}\n';
    assert.deepEqual(roles(tex, 'doc.tex'), ['introduction', 'method', 'conclusion', 'appendix', 'appendix', 'appendix', 'appendix']);
    assert.deepEqual(roles('# Report\n\nText.\n\n## Conclusion\n\nText.\n\n### Introduction to the proposal\n\nText.\n\n### Method of the proposal\n\nText.\n\n## Acknowledgements\n\nText.\n'), ['title', 'conclusion', 'appendix', 'appendix', 'other']);
    // Background or context inside a discussion or a conclusion is part of it.
    assert.deepEqual(roles('# Report\n\nText.\n\n## Discussion\n\nText.\n\n### Context of the findings\n\nText.\n\n## Conclusion\n\nText.\n\n### Background of the differences\n\nText.\n'), ['title', 'discussion', 'discussion', 'conclusion', 'background']);
  });

  it('the words outside an aside in brackets name the section; the aside counts when they name none', () => {
    assert.equal(roleOfHeading('Doelstellingen (cfr. methodologie)', NL), 'introduction');
    assert.equal(roleOfHeading('Aims (see the methodology)', EN), 'introduction');
    assert.equal(roleOfHeading('Initial design work (futures workshops)', EN), 'method');
    assert.equal(roleOfHeading('Eerste ronde (interviews)', NL), 'method');
  });

  it('role words by their stem: methodology and literature in their forms', () => {
    assert.equal(roleOfHeading('Methodologie', NL), 'method');
    assert.equal(roleOfHeading('Methodological approach', EN), 'method');
    assert.equal(roleOfHeading('Literatuuronderzoek', NL), 'background');
    assert.equal(roleOfHeading('Literatuurstudie', NL), 'background');
    // The reference list keeps its own role.
    assert.equal(roleOfHeading('Literatuurlijst', NL), 'references');
  });

  it('under a discussion, a section named after the method or the results discusses them; recommendations keep their role', () => {
    assert.deepEqual(roles('# Rapport over de app\n\nTekst.\n\n## Kritische reflectie\n\nTekst.\n\n### Iteratieve methodologie\n\nTekst.\n\n### Vervolg\n\nTekst.\n'), ['title', 'discussion', 'discussion', 'recommendations']);
    assert.deepEqual(roles('# Report\n\nText.\n\n## Discussion\n\nText.\n\n### Strengths of the methods\n\nText.\n\n### Next steps\n\nText.\n'), ['title', 'discussion', 'discussion', 'recommendations']);
  });

  it('the introduction or aim inside a method chapter introduces the method; inside a findings chapter it stays introduction', () => {
    assert.deepEqual(roles('# Thesis\n\nText.\n\n## Methodology\n\nText.\n\n### Introduction\n\nText.\n\n## Findings\n\nText.\n\n### Aims\n\nText.\n'), ['title', 'method', 'method', 'results', 'introduction']);
    assert.deepEqual(roles('# Rapport over de lessen\n\nTekst.\n\n## Interviews met docenten\n\nTekst.\n\n### Doel interview\n\nTekst.\n'), ['title', 'method', 'method']);
  });

  it('the structure of the document itself belongs to the introduction; the set-up of the study is method', () => {
    assert.equal(roleOfHeading('Opzet van deze bachelorproef', NL), 'introduction');
    assert.equal(roleOfHeading('Opzet van het onderzoek', NL), 'method');
    assert.equal(roleOfHeading('Structure of this report', EN), 'introduction');
  });

  it('a preface or acknowledgements is neither the introduction nor the title', () => {
    assert.deepEqual(roles('# Preface\n\nText.\n\n# Introduction\n\nText.\n'), ['other', 'introduction']);
    assert.equal(roleOfHeading('Woord vooraf', NL), 'other');
    assert.equal(roleOfHeading('Voorwoord', NL), 'other');
  });

  it('LaTeX \\chapter and \\section headings and numbered headings get roles alike', () => {
    const tex = '\\documentclass{report}\n\\begin{document}\n\\chapter{Inleiding}\nTekst over de aanleiding.\n\\chapter{Methode}\nWe spraken met ouders.\n\\section{Deelnemers}\nTwaalf ouders.\n\\chapter{Resultaten}\nDe meeste ouders waren tevreden.\n\\section{Aanbevolen stappen}\nBegin eerder.\n\\end{document}\n';
    assert.deepEqual(roles(tex, 'doc.tex'), ['introduction', 'method', 'method', 'results', 'recommendations']);
    assert.deepEqual(roles('# Report\n\nText.\n\n## 1. Introduction\n\nText.\n\n## 2 Methods\n\nText.\n\n### 2.1 Participants\n\nText.\n\n## 3. Results\n\nText.\n\n## Chapter 4: Next steps\n\nText.\n'), ['title', 'introduction', 'method', 'method', 'results', 'recommendations']);
  });

  it('a chapter without role words that cites sources or sets out theory is background, between the method and the conclusion too', () => {
    assert.deepEqual(roles('# Report\n\nText.\n\n## Methods\n\nText.\n\n## Motivation\n\nText.\n\n### Intrinsic motivation\n\nAccording to self-determination theory (Deci & Ryan, 1985), motivation can come from within.\n\n## Conclusion\n\nText.\n'), ['title', 'method', 'background', 'background', 'conclusion']);
    assert.deepEqual(roles('# Rapport over feedback\n\nTekst.\n\n## Methode\n\nTekst.\n\n## Motivatie\n\nTekst.\n\n### Intrinsieke motivatie\n\nVolgens de theorie van Deci en Ryan (1985) kan motivatie van binnenuit komen.\n\n## Conclusie\n\nTekst.\n'), ['title', 'method', 'background', 'background', 'conclusion']);
    // Without sources its place decides: between the method and the conclusion, findings.
    assert.equal(roles('# Report\n\nText.\n\n## Methods\n\nText.\n\n## Motivation\n\nText.\n\n## Conclusion\n\nText.\n')[2], 'results');
    // An essay without a study has no background chapters either: its topics stay "other".
    assert.equal(roles('# Free culture\n\nText.\n\n## Property\n\nAccording to Locke (1690), property comes from labour; the theory is older (Grotius, 1625).\n')[1], 'other');
  });

  it('a chapter right after one that sets out sources continues it, until a chapter reports findings', () => {
    assert.deepEqual(
      roles('# Report\n\nText.\n\n## Methods\n\nText.\n\n## Feedback\n\nAccording to Hattie (2007), feedback works when the goal is clear (Hattie & Timperley, 2007).\n\n## Colour\n\nMany apps use blue.\n\n## Student session\n\nMost of the students said that giving feedback takes too long.\n\n## Conclusion\n\nText.\n'),
      ['title', 'method', 'background', 'background', 'results', 'conclusion'],
    );
    assert.deepEqual(
      roles('# Rapport over feedback\n\nTekst.\n\n## Methode\n\nTekst.\n\n## Feedback\n\nVolgens Hattie (2007) werkt feedback als het doel helder is (Hattie & Timperley, 2007).\n\n## Kleur\n\nVeel apps gebruiken blauw.\n\n## Sessie met leerlingen\n\nDe meeste leerlingen gaven aan dat feedback geven te veel tijd kost.\n\n## Conclusie\n\nTekst.\n'),
      ['title', 'method', 'background', 'background', 'results', 'conclusion'],
    );
  });

  it("a chapter's parts that name their own role do not speak for the chapter's text", () => {
    const en = roles('# Report\n\nText.\n\n## Methods\n\nText.\n\n## Feedback\n\nAccording to Hattie (2007), feedback works when the goal is clear (Hattie & Timperley, 2007).\n\n## Behaviour model\n\nText.\n\n### Conclusion\n\nMost of the students said that it took too long.\n\n### Current situation\n\nText.\n');
    assert.deepEqual(en, ['title', 'method', 'background', 'background', 'conclusion', 'background']);
    const nl = roles('# Rapport over feedback\n\nTekst.\n\n## Methode\n\nTekst.\n\n## Feedback\n\nVolgens Hattie (2007) werkt feedback als het doel helder is (Hattie & Timperley, 2007).\n\n## Gedragsmodel\n\nTekst.\n\n### Conclusie\n\nDe meeste leerlingen vonden het te veel tijd kosten.\n\n### Huidige stand\n\nTekst.\n');
    assert.deepEqual(nl, ['title', 'method', 'background', 'background', 'conclusion', 'background']);
  });

  it('a heading named in the list of methods of a method section describes that method, under a findings chapter too', () => {
    assert.deepEqual(
      roles('# Rapport over de wearable\n\nTekst.\n\n## Materiaal en methoden\n\nWe gebruikten deze methoden:\n\n- Emotional mapping\n- Design sketches\n\n## Eerste ronde (N=5)\n\nTekst.\n\n### Design sketches\n\nTekst.\n\n### Wachttijden\n\nTekst.\n'),
      ['title', 'method', 'results', 'method', 'results'],
    );
    assert.deepEqual(roles('# Report\n\nText.\n\n## Materials and methods\n\nWe used these methods:\n\n- Emotional mapping\n- Design sketches\n\n## Wave 1 (N=5)\n\nText.\n\n### Emotional mapping\n\nText.\n\n### Waiting times\n\nText.\n'), ['title', 'method', 'results', 'method', 'results']);
    // Only a list that a line ending in a colon introduces names the methods; a table or a sentence does not.
    assert.deepEqual(roles('# Report\n\nText.\n\n## Methods\n\nWe sketched.\n\nDesign sketches\n\n## Wave 1 (N=5)\n\nText.\n\n### Design sketches\n\nText.\n'), ['title', 'method', 'results', 'results']);
  });

  it('"Doelgroep" (target group) names a topic: under the method it is method, under the findings a finding', () => {
    assert.deepEqual(roles('# Rapport\n\nTekst.\n\n## Opzet\n\nTekst.\n\n### Doelgroep\n\nTekst.\n\n## Bevindingen\n\nTekst.\n\n### Doelgroep\n\nTekst.\n'), ['title', 'method', 'method', 'results', 'results']);
    assert.deepEqual(roles('# Report\n\nText.\n\n## Methods\n\nText.\n\n### Target group\n\nText.\n\n## Findings\n\nText.\n\n### Target group\n\nText.\n'), ['title', 'method', 'method', 'results', 'results']);
  });

  it('a section whose questions are followed by their answers records what someone said: results; a list of questions does not', () => {
    const nl = '# Rapport over de robot\n\nTekst.\n\n## Vragen\n\n- Speelt u wel eens bingo?\n- Wat vindt u van de robot?\n- Hoort u de nummers goed?\n\n## Gebruiker 1\n\n**Speelt u wel eens bingo?**\n\nJa, ik speel graag.\n\n**Wat vindt u van de robot?**\n\nInteressant.\n\n**Hoort u de nummers goed?**\n\nNiet altijd.\n';
    assert.deepEqual(roles(nl), ['title', 'other', 'results']);
    const en = '# Robot bingo\n\nText.\n\n## Questions\n\n- Do you play bingo?\n- What do you think of the robot?\n- Can you hear the numbers?\n\n## User 1\n\n**Do you play bingo?**\n\nYes, I like it.\n\n**What do you think of the robot?**\n\nInteresting.\n\n**Can you hear the numbers?**\n\nNot always.\n';
    assert.deepEqual(roles(en), ['title', 'other', 'results']);
    // A list of frequent questions answers the reader, not for itself: no record of answers.
    assert.equal(roles('# Handleiding\n\nTekst.\n\n## Veelgestelde vragen\n\n**Hoe vraag ik een pas aan?**\n\nU vult het formulier in.\n\n**Wat kost een pas?**\n\nDe pas is gratis.\n\n**Hoe lang duurt het?**\n\nU krijgt binnen twee weken bericht.\n', 'doc.md')[1], 'other');
    assert.equal(roles('# Manual\n\nText.\n\n## Frequently asked questions\n\n**How do I apply?**\n\nFill in the form.\n\n**What does it cost?**\n\nThe card is free.\n\n**How long does it take?**\n\nYou hear within two weeks.\n')[1], 'other');
    // A chapter that asks a few questions on the way and answers them itself is no record of answers.
    assert.equal(recordsAnswers('Why does this matter?\nBecause it does.\nWho pays?\nThe council.\nWhat next?\nMore.\n' + 'A long argument.\n'.repeat(20)), false);
  });

  it('a one-word heading one typing slip away from a role word takes its role', () => {
    assert.equal(roleOfHeading('Conslusie', NL), 'conclusion');
    assert.equal(roleOfHeading('Inleidng', NL), 'introduction');
    assert.equal(roleOfHeading('Conclsuion', EN), 'conclusion');
    assert.equal(roleOfHeading('Introducton', EN), 'introduction');
    // Short words and words two slips away are left alone.
    assert.equal(roleOfHeading('Conclave', EN), undefined);
    assert.equal(roleOfHeading('Doek', NL), undefined);
    assert.ok(oneSlipApart('conslusie', 'conclusie') && oneSlipApart('conclsuion', 'conclusion') && oneSlipApart('inleidng', 'inleiding') && !oneSlipApart('conclave', 'conclusion'));
  });

  it('the role words are data: every example in the section-role dictionaries holds', () => {
    for (const d of vocabulary.dictionaries.filter((x) => x.kind === 'section-roles')) {
      const vocab = roleVocabularyOf(vocabulary, d.language);
      for (const e of d.roles ?? []) {
        for (const ex of e.examples.match) {
          if (e.cue === 'heading') assert.equal(roleOfHeading(ex, vocab), e.role, `${d.language} ${e.id}: "${ex}"`);
          else if (e.cue === 'question') assert.equal(roleOfQuestion(ex, vocab), e.role, `${d.language} ${e.id}: "${ex}"`);
          else assert.equal(roleOfContent(`${ex} ${ex}`, vocab), e.role, `${d.language} ${e.id}: "${ex}"`);
        }
        for (const ex of e.examples.noMatch) {
          if (e.cue === 'heading') assert.notEqual(roleOfHeading(ex, vocab), e.role, `${d.language} ${e.id}: "${ex}"`);
          else if (e.cue === 'question') assert.notEqual(roleOfQuestion(ex, vocab), e.role, `${d.language} ${e.id}: "${ex}"`);
          else assert.notEqual(roleOfContent(`${ex} ${ex}`, vocab), e.role, `${d.language} ${e.id}: "${ex}"`);
        }
      }
    }
  });
});

describe('sections: compiled role patterns shared between vocabularies', () => {
  it('a second vocabulary of the same entries uses the same pattern objects, and its counts and roles are the same', () => {
    const other = roleVocabularyOf(new Vocabulary(bundledDictionaries().dictionaries), 'nl');
    assert.notEqual(other, NL);
    assert.equal(other.heading[0]!.re, NL.heading[0]!.re);
    assert.equal(other.content[0]!.re, NL.content[0]!.re);
    // A content pattern has the g flag: counting with one vocabulary leaves nothing behind for the other.
    const text = 'We hebben de deelnemers geïnterviewd. Uit de interviews bleek dat de deelnemers de resultaten begrepen; de respondenten noemden drie knelpunten.';
    const first = roleOfContent(text, NL);
    assert.equal(roleOfContent(`${text} ${text}`, other), first);
    assert.equal(roleOfContent(text, NL), first);
    for (const h of ['Methode', 'Resultaten van de interviews', 'Conclusie', 'Inleiding (N=4)']) assert.equal(roleOfHeading(h, other), roleOfHeading(h, NL), h);
  });
});

describe('sections: role patterns with Latin-1 word edges (first checks, roles24)', () => {
  // Texts around role words: Latin-1 letters, curly quotes and dashes (not letters), and letters beyond Latin-1.
  const texts = [
    'methode', 'Methoden en technieken', 'De conclusies', 'conclusieś en advies', 'Łmethods used', 'méthodes', 'résultaten',
    'Resultaten – “interviews”', 'results…', '²results', 'results²', 'Øresults', 'discussie🙂', 'ſamenvatting', 'summary µ',
    'Conclusion: what we learned', 'Achtergrond (Ωkader)', 'kaderς', 'In het kort', 'in\u00a0het\u00a0kort', 'Bijlage_1', 'prototyp-achtig',
  ];
  for (const [language, vocab] of [['nl', NL], ['en', EN]] as const) {
    it(`${language}: where narrowText holds, every role pattern's narrow form finds what its full form finds`, () => {
      let narrowTexts = 0;
      for (const raw of texts) {
        for (const t of [raw, raw.toLowerCase(), `${raw} ${raw}`]) {
          if (!narrowText(t)) continue;
          narrowTexts++;
          for (const r of [...vocab.heading, ...vocab.question, ...vocab.content]) {
            if (r.re.global) {
              const all = (re: RegExp) => [...t.matchAll(re)].map((m) => `${m.index}:${m[0]}`).join(' ');
              assert.equal(all(r.narrow), all(r.re), `${r.id}: ${t}`);
            } else {
              assert.deepEqual(r.narrow.exec(t)?.slice(), r.re.exec(t)?.slice(), `${r.id}: ${t}`);
              assert.equal(r.narrow.exec(t)?.index, r.re.exec(t)?.index, `${r.id}: ${t}`);
            }
          }
        }
      }
      assert.ok(narrowTexts > 40);
    });
  }

  it('narrowText: a letter or number beyond Latin-1 makes a text wide; punctuation, symbols and emoji do not', () => {
    for (const t of ['résultats', 'Øresults ²', '“quoted” – dash…', 'discussie 🙂', '']) assert.equal(narrowText(t), true, t);
    for (const t of ['Łmethods', 'conclusieś', 'ſamenvatting', 'kaderς', 'Ω', '٣ results', 'Ⅻ']) assert.equal(narrowText(t), false, t);
  });

  it('en: a letter beyond Latin-1 against a role word is still a word edge that fails (full patterns for such headings)', () => {
    assert.equal(roleOfHeading('Methods used', EN), 'method');
    assert.equal(roleOfHeading('Łmethods used', EN), undefined);
    assert.equal(roleOfHeading('Results and data', EN), 'results');
    assert.equal(roleOfHeading('Resultsπ and data', EN), undefined);
  });

  it('nl: a letter beyond Latin-1 against a role word is still a word edge that fails (full patterns for such headings)', () => {
    assert.equal(roleOfHeading('Methode van onderzoek', NL), 'method');
    assert.equal(roleOfHeading('Methodeś van onderzoek', NL), undefined);
    assert.equal(roleOfHeading('Achtergrond van het project', NL), 'background');
    assert.equal(roleOfHeading('Ωachtergrond van het project', NL), undefined);
  });
});
