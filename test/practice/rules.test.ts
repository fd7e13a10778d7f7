/** The practice rules in both languages: they speak when it is true and worth acting on, and stay quiet otherwise. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lint } from '../../server/src/index.js';
import type { Language } from '../../server/src/engine/types.js';

const run = (text: string, language: Language) => lint(text, { path: 'doc.md', language });
const of = (text: string, language: Language, id: string) => run(text, language).findings.filter((f) => f.ruleId === id);

const FILLER: Record<Language, string> = {
  nl: 'De consulenten bespraken elke week de wachttijden in het team. ',
  en: 'The caseworkers discussed the waiting times in the team every week. ',
};
const long = (lang: Language, words: number) => FILLER[lang].repeat(Math.ceil(words / 10));

const REPORT: Record<Language, { conclusions: string; recs: string; research: string; actorHeading: string }> = {
  nl: {
    conclusions: `# Rapport\n\n## Resultaten\n\n${long('nl', 300)}\n\n## Conclusie\n\nDe wachttijden zijn te lang voor inwoners met schulden.\n`,
    recs: '\n## Aanbevelingen\n\n1. De gemeente moet de brief herschrijven in eenvoudige taal.\n2. Teamleiders: plan elke week een casusoverleg.\n3. Maak de knop op de website groter.\n',
    research: '\n## Aanbevelingen voor vervolgonderzoek\n\n- Vervolgonderzoek met een grotere groep is nodig.\n',
    actorHeading: '\n## Aanbevelingen voor consulenten\n\n- Bel de inwoner binnen een week terug.\n- Gebruik de checklist bij het eerste gesprek.\n',
  },
  en: {
    conclusions: `# Report\n\n## Results\n\n${long('en', 300)}\n\n## Conclusion\n\nWaiting times are too long for families in debt.\n`,
    recs: '\n## Recommendations\n\n1. State agencies should offer the form in Spanish.\n2. Caseworkers: send the summary letter within five days.\n3. Make the button on the website larger.\n',
    research: '\n## Recommendations for further research\n\n- Future research should test the tool in other states.\n',
    actorHeading: '\n## Recommendations for caseworkers\n\n- Call the family back within a week.\n- Use the checklist at the first meeting.\n',
  },
};

for (const lang of ['nl', 'en'] as const) {
  const R = REPORT[lang];
  describe(`practice rules (${lang})`, function () {
    this.timeout(120000); // reports of 5,000 words on a shared machine
    it('no-practical-handles: conclusions without recommendations', () => {
      const f = of(R.conclusions, lang, 'practice/no-practical-handles');
      assert.equal(f.length, 1);
      assert.equal(f[0]!.severity, 'info');
      assert.match(f[0]!.message[lang], lang === 'nl' ? /geen aanbevelingen voor professionals/ : /no recommendations for practitioners/);
    });
    it('no-practical-handles: recommendations only for further research', () => {
      const f = of(R.conclusions + R.research, lang, 'practice/no-practical-handles');
      assert.equal(f.length, 1);
      assert.match(f[0]!.message[lang], lang === 'nl' ? /vervolgonderzoek/ : /further research/);
    });
    it('no-practical-handles: quiet when there are recommendations for practice, or no conclusions', () => {
      assert.equal(of(R.conclusions + R.recs, lang, 'practice/no-practical-handles').length, 0);
      assert.equal(of(`# X\n\n${long(lang, 400)}\n`, lang, 'practice/no-practical-handles').length, 0);
    });
    it('recommendation-without-actor: on the item that names nobody, info', () => {
      const r = run(R.conclusions + R.recs, lang);
      const f = r.findings.filter((x) => x.ruleId === 'practice/recommendation-without-actor');
      assert.equal(f.length, 1);
      assert.equal(f[0]!.severity, 'info');
      assert.match(r.model.text.slice(f[0]!.offset, f[0]!.endOffset), lang === 'nl' ? /Maak de knop/ : /Make the button/);
    });
    it('recommendation-without-actor: after an edit elsewhere, the same finding object where the recommendation stayed, a new one where it moved', () => {
      const text = R.conclusions + R.recs;
      const pick = (t: string) => run(t, lang).findings.filter((x) => x.ruleId === 'practice/recommendation-without-actor');
      const first = pick(text);
      assert.equal(first.length, 1);
      // An appendix added after the recommendations: the finding stays where it was, as the object made then.
      const after = pick(`${text}\n## ${lang === 'nl' ? 'Bijlage' : 'Appendix'}\n\n${lang === 'nl' ? 'Een tabel met cijfers.' : 'A table of figures.'}\n`);
      assert.equal(after.length, 1);
      assert.equal(after[0], first[0]);
      // A word added before it: the finding moves with the text (a new object at the new place, the same message).
      const at = text.indexOf(lang === 'nl' ? 'te lang' : 'too long');
      const before = pick(`${text.slice(0, at)}${lang === 'nl' ? 'veel ' : 'much '}${text.slice(at)}`);
      assert.equal(before.length, 1);
      assert.notEqual(before[0], first[0]);
      assert.equal(before[0]!.offset, first[0]!.offset + 5);
      assert.deepEqual(before[0]!.message, first[0]!.message);
    });
    it('recommendation-without-actor: quiet when the heading names who acts, and for research', () => {
      assert.equal(of(R.conclusions + R.actorHeading, lang, 'practice/recommendation-without-actor').length, 0);
      assert.equal(of(R.conclusions + R.research, lang, 'practice/recommendation-without-actor').length, 0);
    });
    it('no-practice-summary: a report over 5,000 words without a summary up front', () => {
      const text = `# Report\n\n## ${lang === 'nl' ? 'Inleiding' : 'Introduction'}\n\n${long(lang, 5200)}\n`;
      const f = of(text, lang, 'practice/no-practice-summary');
      assert.equal(f.length, 1);
      assert.equal(f[0]!.offset, 0);
      // The word count rounded to a thousand, grouped as the language writes it (6,000 in English, 6.000 in Dutch).
      assert.match(f[0]!.message[lang], lang === 'nl' ? /ongeveer \d\.000 woorden/ : /about \d,000 words/);
    });
    it('no-practice-summary: quiet with a summary first, and for short reports', () => {
      const summary = lang === 'nl' ? 'Samenvatting' : 'Summary';
      assert.equal(of(`# Report\n\n## ${summary}\n\nIn short.\n\n## Body\n\n${long(lang, 5200)}\n`, lang, 'practice/no-practice-summary').length, 0);
      assert.equal(of(`# Report\n\n${long(lang, 1000)}\n`, lang, 'practice/no-practice-summary').length, 0);
    });
    it('the card counts recommendations that name who acts', () => {
      const fit = run(R.conclusions + R.recs, lang).analyses.practiceFit as { handles: { forPractice: number; withActor: number } };
      assert.equal(fit.handles.forPractice, 3);
      assert.equal(fit.handles.withActor, 2);
    });
  });
}

describe('practice rules: any heading style', () => {
  it('a bold pseudo-heading over a bulleted list', () => {
    const text = `# Test\n\n${long('nl', 300)}\n\n## Conclusie\n\nHet werkt.\n\n**Verbeterpunten**\n\n- De robot moet trager praten.\n- Toon de nummers op een scherm.\n`;
    const fit = run(text, 'nl').analyses.practiceFit as { handles: { forPractice: number } };
    assert.equal(fit.handles.forPractice, 2);
    assert.equal(of(text, 'nl', 'practice/no-practical-handles').length, 0);
  });
  it('a LaTeX section', () => {
    const text = `\\documentclass{article}\\begin{document}\\section{Results}\n${long('en', 300)}\n\\section{Conclusion}\nIt works.\n\\section{Recommendations}\n\\begin{itemize}\\item Managers should plan weekly case meetings.\\item Teams should use the checklist.\\end{itemize}\\end{document}\n`;
    const r = lint(text, { path: 'doc.tex', language: 'en' });
    const fit = r.analyses.practiceFit as { handles: { forPractice: number; withActor: number } };
    assert.equal(fit.handles.forPractice, 2);
    assert.equal(fit.handles.withActor, 2);
  });
});

describe('practice: the code lens on the recommendations heading', () => {
  it('says how many recommendations name who acts, in the message language', async () => {
    const { handlesLens } = await import('../../server/src/lsp/code-lens.js');
    const r = run(REPORT.en.conclusions + REPORT.en.recs, 'en');
    const fit = r.analyses.practiceFit as Parameters<typeof handlesLens>[0];
    const heading = r.sections.find((s) => s.title === 'Recommendations')!;
    assert.equal(handlesLens(fit, heading, 'en'), '2 of 3 recommendations name who acts');
    assert.equal(handlesLens(fit, heading, 'nl'), '2 van 3 aanbevelingen noemen wie handelt');
    assert.equal(handlesLens(fit, r.sections.find((s) => s.title === 'Results')!, 'en'), undefined);
  });
  it('one recommendation: the singular ("1 of 1 recommendation names who acts")', async () => {
    const { handlesLens } = await import('../../server/src/lsp/code-lens.js');
    const r = run(`${REPORT.en.conclusions}\n## Recommendations\n\n1. State agencies should offer the form in Spanish.\n`, 'en');
    const fit = r.analyses.practiceFit as Parameters<typeof handlesLens>[0];
    const heading = r.sections.find((s) => s.title === 'Recommendations')!;
    assert.equal(handlesLens(fit, heading, 'en'), '1 of 1 recommendation names who acts');
    assert.equal(handlesLens(fit, heading, 'nl'), '1 van 1 aanbeveling noemt wie handelt');
  });
});

describe('no-practice-summary: numbers as each language writes them (engine/text/numbers.ts, test/engine/numbers.test.ts)', () => {
  it('a check of a long report formats no number with the locale (which would load ICU data into the server)', () => {
    const original = Number.prototype.toLocaleString;
    let calls = 0;
    Number.prototype.toLocaleString = function (this: number, ...args: Parameters<typeof original>) {
      calls++;
      return original.apply(this, args);
    };
    try {
      // (A length no other test here checks: a cache of numbers formatted before would hide the call.)
      const f = of(`# Report\n\n## Introduction\n\n${long('en', 7300)}\n`, 'en', 'practice/no-practice-summary');
      assert.equal(f.length, 1);
    } finally {
      Number.prototype.toLocaleString = original;
    }
    assert.equal(calls, 0);
  });
});
