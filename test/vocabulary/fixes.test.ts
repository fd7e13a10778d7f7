/**
 * The quick fixes of the vocabulary rules: replacements keep case and inflection, a single
 * suggestion is the preferred fix that `brug check --fix` applies, the gloss goes after the
 * first use only, "accept" writes .brug.yml, mixed terms can be made consistent in one go, and
 * every fix removes its finding and touches nothing else.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, applyFixes } from '../../server/src/engine/fixes.js';
import { matchCase } from '../../server/src/engine/text/case.js';
import type { Finding, Fix } from '../../server/src/engine/types.js';
import { resourceRoot } from '../../server/src/workspace/resources.js';
import { config, run, vocabularyFindings } from './helpers.js';

function only(text: string, lang: 'nl' | 'en', rule = 'vocabulary/jargon'): Finding {
  const fs = vocabularyFindings(run(text, lang), rule);
  assert.equal(fs.length, 1, `one ${rule} finding expected in "${text}", got ${fs.map((f) => text.slice(f.offset, f.endOffset)).join(', ') || 'none'}`);
  return fs[0]!;
}
const replacements = (f: Finding) => f.fixes.filter((x) => x.title.en.startsWith('Replace')).map((x) => x.edits[0]!.newText);
const apply = (text: string, fix: Fix) => applyEdits(text, fix.edits);

describe('vocabulary fixes', () => {
  describe('replacements keep case and inflection', () => {
    it('nl: a word that stands with its article takes the article along (op de desbetreffende knop → op die knop)', () => {
      const f = only('Het venster opent als je op de desbetreffende knop drukt.', 'nl');
      assert.equal(f.data?.matched, 'de desbetreffende');
      assert.deepEqual(replacements(f), ['deze', 'die']);
      assert.deepEqual(replacements(only('Het desbetreffende besluit staat in de bijlage.', 'nl')), ['Dit', 'Dat']);
      // Een enkelvoud blijft enkelvoud, met zijn eigen lidwoord: het werkwoord past dan nog ("Deze problemen is" zou fout zijn).
      assert.deepEqual(replacements(only('Deze problematiek is het sterkst in woonzorgcentra.', 'nl')), ['Dit probleem']);
    });

    it('sentence start and all capitals', () => {
      assert.deepEqual(replacements(only('Implementatie kost tijd.', 'nl')), ['Invoering', 'Uitvoering']);
      assert.deepEqual(replacements(only('DE IMPLEMENTATIE LIEP UIT.', 'nl')), ['INVOERING', 'UITVOERING']);
      assert.deepEqual(replacements(only('Dat kost tijd, tevens geld.', 'nl')), ['ook']);
      assert.deepEqual(replacements(only('Tevens kost het geld.', 'nl')), ['Ook']);
      assert.deepEqual(replacements(only('Prior to the move, we met.', 'en')), ['Before']);
    });

    it('matchCase: a capital that belongs to the dictionary form (Likert, LAC) says nothing about the sentence', () => {
      assert.equal(matchCase('Likert scale', 'rating scale', 'Likert scale'), 'rating scale');
      assert.equal(matchCase('LIKERT SCALE', 'rating scale', 'Likert scale'), 'RATING SCALE');
      assert.equal(matchCase('Implementatie', 'invoering', 'implementatie'), 'Invoering');
      assert.equal(matchCase('IMPLEMENTATIE', 'invoering'), 'INVOERING');
      assert.equal(matchCase('a', 'het'), 'het');
    });

    it('plural, participle and verb forms take the inflection the entry gives', () => {
      assert.deepEqual(replacements(only('De klanten wachten lang.', 'nl')), ['cliënten', 'inwoners', 'burgers']);
      assert.deepEqual(replacements(only('De methode is geïmplementeerd.', 'nl')), ['ingevoerd', 'uitgevoerd', 'in de praktijk gebracht']);
      assert.deepEqual(replacements(only('We trachtten iedereen te bereiken.', 'nl')), ['probeerden']);
      assert.deepEqual(replacements(only('The board made a decision in May.', 'en')), ['decided']);
      assert.deepEqual(replacements(only('Staff utilised the new form.', 'en')), ['used']);
      assert.deepEqual(replacements(only('Schuldenaren wachten lang.', 'nl', 'vocabulary/person-first')), ['Mensen met schulden']);
    });

    it('a dictionary form with its own capital (Likert, Wajonger) still gets a capital at the start of a sentence, and only there', () => {
      assert.deepEqual(replacements(only('Likert scales were used.', 'en')), ['Rating scales']);
      assert.deepEqual(replacements(only('We used Likert scales.', 'en')), ['rating scales']);
      assert.deepEqual(replacements(only('Wajongers willen werken.', 'nl', 'vocabulary/person-first')), ['Jongeren met een Wajong-uitkering']);
      assert.deepEqual(replacements(only('Veel Wajongers willen werken.', 'nl', 'vocabulary/person-first')), ['jongeren met een Wajong-uitkering']);
    });

    it('keeps a possessive ending the dictionary form does not have', () => {
      assert.deepEqual(replacements(only("The customer's file was lost at the jobcentre.", 'en')), ["client's", "resident's", "person's"]);
    });
  });

  describe('preferred fix and --fix', () => {
    it('exactly one suggestion: the replacement is the preferred fix and applyFixes applies it', () => {
      const text = 'Wij trachtten iedereen te bereiken. Dat deden we tevens per brief.';
      const r = run(text, 'nl');
      const fs = vocabularyFindings(r, 'vocabulary/jargon');
      assert.equal(fs.length, 2);
      for (const f of fs) assert.equal(f.fixes.filter((x) => x.preferred).length, 1);
      const out = applyFixes(text, r.findings.filter((f) => f.ruleId.startsWith('vocabulary/')), { suggestions: true });
      assert.equal(out.text, 'Wij probeerden iedereen te bereiken. Dat deden we ook per brief.');
      assert.equal(out.applied, 2);
    });

    it('several suggestions: no fix is preferred and --fix leaves the text alone', () => {
      const text = 'De implementatie kostte een jaar.';
      const r = run(text, 'nl');
      const f = only(text, 'nl');
      assert.ok(f.fixes.every((x) => !x.preferred));
      assert.equal(applyFixes(text, vocabularyFindings(r)).text, text);
    });

    it('at most one fix of any vocabulary finding is preferred (samples)', () => {
      for (const file of sampleFiles()) {
        const text = readFileSync(file, 'utf8');
        for (const f of vocabularyFindings(run(text, file.includes('employment') ? 'en' : 'nl', { path: file }))) {
          assert.ok(f.fixes.filter((x) => x.preferred).length <= 1, `${file}: ${text.slice(f.offset, f.endOffset)}`);
        }
      }
    });
  });

  describe('explain on first use', () => {
    it('inserts the gloss after the first occurrence only', () => {
      const text = 'De interventie hielp. Later werd de interventie herhaald.';
      const fs = vocabularyFindings(run(text, 'nl'), 'vocabulary/jargon');
      // One finding per term per report, at its first use; the later use is related information.
      assert.equal(fs.length, 1);
      assert.equal(fs[0]!.offset, text.indexOf('interventie'));
      assert.deepEqual(fs[0]!.related?.map((x) => x.offset), [text.lastIndexOf('interventie')]);
      const explain = fs[0]!.fixes.find((x) => x.title.en === 'Explain on first use');
      assert.ok(explain, 'the first use offers the gloss');
      assert.equal(apply(text, explain), 'De interventie (de aanpak of hulp die is onderzocht) hielp. Later werd de interventie herhaald.');
    });

    it('is offered in English too, and not for entries without a gloss', () => {
      const f = only('Implementation varied between sites.', 'en');
      const explain = f.fixes.find((x) => x.title.en === 'Explain on first use')!;
      assert.equal(apply('Implementation varied between sites.', explain), 'Implementation (how the plan was put into practice) varied between sites.');
      assert.ok(!only('We trachtten het.', 'nl').fixes.some((x) => x.title.en === 'Explain on first use'));
    });
  });

  describe('accept in this project', () => {
    it('carries a configEdit that adds the entry term to vocabulary.accept, with no text edits', () => {
      const f = only('De klanten wachten.', 'nl');
      const accept = f.fixes.find((x) => x.title.en.startsWith('Accept'))!;
      assert.equal(accept.title.en, 'Accept "klant" in this project');
      assert.equal(accept.title.nl, 'Accepteer "klant" in dit project');
      assert.deepEqual(accept.configEdit, { path: ['vocabulary', 'accept'], value: 'klant' });
      assert.deepEqual(accept.edits, []);
      assert.equal(accept.preferred, false);
    });
  });

  describe('mixed terms: use one word everywhere', () => {
    it('edits every minority occurrence with the parallel form', () => {
      const text = 'De re-integratie begint vroeg. Het re-integratietraject duurt een jaar. Na de reïntegratie volgt nazorg. Twee reïntegratietrajecten liepen vast.';
      const fs = vocabularyFindings(run(text, 'nl'), 'vocabulary/mixed-terms');
      // One finding for the minority spelling, at its first use.
      assert.equal(fs.length, 1);
      const everywhere = fs[0]!.fixes.find((x) => x.title.en.includes('everywhere'))!;
      assert.equal(everywhere.title.en, 'Use "re-integratie" everywhere');
      assert.equal(everywhere.edits.length, 2);
      // A spelling variant toward the report's own spelling is safe, and the preferred fix.
      assert.equal(everywhere.kind, 'safe');
      assert.equal(everywhere.preferred, true);
      assert.equal(apply(text, everywhere), 'De re-integratie begint vroeg. Het re-integratietraject duurt een jaar. Na de re-integratie volgt nazorg. Twee re-integratietrajecten liepen vast.');
    });

    it('keeps plural, possessive and capitals in English', () => {
      const text = 'Claimants liked it. Each claimant’s view counted. Two benefit recipients left. Benefit recipients were paid. The benefit recipient’s view differed. A claimant spoke.';
      const fs = vocabularyFindings(run(text, 'en', { config: config({ rules: { 'vocabulary/mixed-terms': { options: { nearSynonyms: true } } } }) }), 'vocabulary/mixed-terms');
      assert.equal(fs.length, 1);
      // Another word (not a spelling) is a suggestion: a person decides.
      assert.ok(fs[0]!.fixes.every((x) => x.kind === 'suggestion'));
      const everywhere = fs[0]!.fixes.find((x) => x.title.en.includes('everywhere'))!;
      assert.equal(apply(text, everywhere), 'Claimants liked it. Each claimant’s view counted. Two claimants left. Claimants were paid. The claimant’s view differed. A claimant spoke.');
    });
  });

  describe('every fix removes its finding and changes nothing outside its edits (samples)', () => {
    for (const file of sampleFiles()) {
      it(file.split('/').pop()!, () => {
        const text = readFileSync(file, 'utf8');
        const r = run(text, file.includes('employment') ? 'en' : 'nl', { path: file });
        const problems: string[] = [];
        let checked = 0;
        for (const f of vocabularyFindings(r)) {
          for (const fix of f.fixes.filter((x) => x.edits.length > 0)) {
            checked++;
            const fixed = apply(text, fix);
            const where = `${f.ruleId} "${text.slice(f.offset, f.endOffset)}" @${f.offset} — ${fix.title.en}`;
            // Nothing outside the edits changed: the text before the first and after the last edit is the same.
            const first = Math.min(...fix.edits.map((e) => e.offset));
            const last = Math.max(...fix.edits.map((e) => e.endOffset));
            const grown = fix.edits.reduce((n, e) => n + e.newText.length - (e.endOffset - e.offset), 0);
            if (fixed.slice(0, first) !== text.slice(0, first) || fixed.slice(last + grown) !== text.slice(last)) problems.push(`${where}: changed text outside the edit`);
            const again = vocabularyFindings(run(fixed, r.language, { path: file }), f.ruleId);
            // The finding is gone: no finding of the same rule left on any edited range (after the shift).
            let shift = 0;
            for (const e of [...fix.edits].sort((a, b) => a.offset - b.offset)) {
              const s = e.offset + shift;
              const t = s + e.newText.length;
              const isGloss = e.offset === e.endOffset;
              const still = again.filter((g) => (isGloss ? g.endOffset === s && g.data?.entryId === f.data?.entryId : g.offset < t && s < g.endOffset));
              // A gloss keeps the term (on purpose) but the term is now explained: it may stay, the gloss must not add findings.
              if (!isGloss && still.length) problems.push(`${where}: still flagged as "${fixed.slice(still[0]!.offset, still[0]!.endOffset)}"`);
              if (isGloss && again.some((g) => g.offset >= s && g.endOffset <= t + 0 && g.offset < t)) problems.push(`${where}: the gloss is flagged itself`);
              shift += e.newText.length - (e.endOffset - e.offset);
            }
            // Findings elsewhere are unchanged. A term is one finding per report: a fix that replaces
            // every use removes it; one that replaces the first use of several moves it to the next use.
            const before = vocabularyFindings(r, f.ruleId).length;
            const count = (f.data?.count as number | undefined) ?? 1;
            const gloss = fix.edits.every((e) => e.offset === e.endOffset);
            const removed = gloss ? 0 : fix.edits.length >= count ? 1 : 0;
            if (f.ruleId !== 'vocabulary/mixed-terms' && again.length !== before - removed) problems.push(`${where}: ${before} findings became ${again.length}`);
            if (f.ruleId !== 'vocabulary/mixed-terms' && !gloss && removed === 0) {
              const moved = again.find((g) => g.data?.entryId === f.data?.entryId);
              if (!moved || ((moved.data?.count as number | undefined) ?? 1) !== count - fix.edits.length) problems.push(`${where}: the term's later uses are not reported once`);
            }
          }
        }
        assert.ok(checked > 20, `only ${checked} fixes checked`);
        assert.ok(problems.length === 0, `${problems.length} fix(es) misbehave:\n  ${problems.join('\n  ')}`);
      });
    }
  });
});

function sampleFiles(): string[] {
  const dir = join(resourceRoot(), 'samples');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f));
}
