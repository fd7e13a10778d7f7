import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, defaultConfig, mergeConfig } from '../../server/src/index.js';
import { check, findings, fixture, lineOf, repo } from './helpers.js';
import { flat } from '../../server/src/engine/text/view.js';

const sampleNl = readFileSync(join(repo, 'samples', 'rapport-schuldhulp.md'), 'utf8');
const sampleEn = readFileSync(join(repo, 'samples', 'report-employment-support.md'), 'utf8');

describe('client: rules', () => {
  describe('client/missing-perspective', () => {
    it('warns on the title of the Dutch sample, with its evidence', () => {
      const r = lint(sampleNl, { path: 'rapport-schuldhulp.md' });
      const [f, ...rest] = findings(r, 'client/missing-perspective');
      assert.ok(f && rest.length === 0);
      assert.equal(f.severity, 'warning');
      assert.equal(lineOf(r, f.offset), 3);
      assert.match(sampleNl.slice(f.offset, f.endOffset), /^# Eerder in beeld/);
      assert.match(f.message.nl, /^Het rapport spreekt over cliënten, maar zij komen er zelf niet aan het woord\. Bewijs: /);
      assert.match(f.message.nl, /keer cliënten per 1\.000 woorden \(klanten 7/);
      assert.match(f.message.nl, /cliënten : professionals 1 : 1,\d \(klantmanagers 8/);
      assert.match(f.message.nl, /geen citaten van cliënten/);
      assert.match(f.message.nl, /"Klanten zijn niet geïnterviewd.*regel 32/);
      assert.equal(f.data?.verdict, 'absent');
      assert.equal(f.data?.clientQuotes, 0);
      assert.equal(f.data?.methodInvolvesClients, false);
      assert.ok((f.related ?? []).some((x) => sampleNl.slice(x.offset, x.endOffset).startsWith('Klanten zijn niet geïnterviewd')));
    });

    it('warns on the title of the English sample, with its evidence', () => {
      const r = lint(sampleEn, { path: 'report-employment-support.md' });
      const [f] = findings(r, 'client/missing-perspective');
      assert.ok(f);
      assert.equal(f.severity, 'warning');
      assert.equal(lineOf(r, f.offset), 3);
      assert.match(f.message.en, /^Clients are talked about, but they do not speak in this report\. Evidence: [\d.]+ client mentions per 1,000 words \(claimants 6, customers 6/);
      assert.match(f.message.en, /clients : professionals 1 : 2\.\d \(caseworkers 12/);
      assert.match(f.message.en, /"Programme participants were not interviewed.*line 40/);
    });

    it('stays quiet when clients speak, are involved, or are not the subject', () => {
      for (const name of ['nl-present.md', 'en-present.md', 'nl-partial-involvement.md', 'en-partial-ppi.md', 'en-manual.md', 'nl-handleiding.md']) {
        assert.equal(findings(lint(fixture(name), { path: name }), 'client/missing-perspective').length, 0, name);
      }
    });

    it('flags a short report without client voice in both languages', () => {
      const nl = check('# Evaluatie wijkteam\n\n## Methode\n\nWe interviewden acht medewerkers van het wijkteam.\n\n## Resultaten\n\nMedewerkers zien dat inwoners laat hulp vragen. Gezinnen hebben vaak schulden. De gemeente wil eerder contact met bewoners.\n');
      assert.equal(nl.cp.verdict, 'absent');
      assert.equal(findings(nl.r, 'client/missing-perspective').length, 1);
      const en = check('# Evaluation of the welfare rights service\n\n## Method\n\nWe interviewed ten advisers and analysed case records.\n\n## Findings\n\nAdvisers say claimants often come too late. Families have debts. The council wants earlier contact with residents.\n');
      assert.equal(en.cp.verdict, 'absent');
      assert.equal(findings(en.r, 'client/missing-perspective').length, 1);
    });

    it('sits on the first heading without a title, and on the first line of text without headings', () => {
      const noTitle = check('Inleidende tekst over inwoners en hun gezinnen en de gemeente.\n\n## Methode\n\nWe spraken met zes klantmanagers.\n\n## Resultaten\n\nKlantmanagers zien dat klanten laat komen. Inwoners wachten. Bewoners bellen.\n');
      const f = findings(noTitle.r, 'client/missing-perspective')[0]!;
      assert.equal(noTitle.r.model.text.slice(f.offset, f.endOffset), '## Methode');
      const plain = check('We spraken met zes klantmanagers over hun werk.\nKlantmanagers zien dat klanten laat komen, inwoners wachten en bewoners bellen.\n', { path: 'a.txt' });
      const g = findings(plain.r, 'client/missing-perspective')[0]!;
      assert.equal(g.offset, 0);
      assert.equal(plain.r.model.text.slice(g.offset, g.endOffset), 'We spraken met zes klantmanagers over hun werk.');
    });

    it('can be switched off, re-levelled, or disabled for the title line', () => {
      const off = lint(sampleNl, { path: 'a.md', config: mergeConfig(defaultConfig(), { rules: { 'client/missing-perspective': 'off' } }) });
      assert.equal(findings(off, 'client/missing-perspective').length, 0);
      const info = lint(sampleNl, { path: 'a.md', config: mergeConfig(defaultConfig(), { rules: { 'client/missing-perspective': 'info' } }) });
      assert.equal(findings(info, 'client/missing-perspective')[0]!.severity, 'info');
      const disabled = lint(sampleNl.replace('# Eerder in beeld', '<!-- brug-disable-next-line client/missing-perspective -->\n# Eerder in beeld'), { path: 'a.md' });
      assert.equal(findings(disabled, 'client/missing-perspective').length, 0);
    });

    it('reads its thresholds from the options (a stricter balance turns present into partial)', () => {
      const strict = mergeConfig(defaultConfig(), { rules: { 'client/missing-perspective': { options: { minRatio: 20 } } } });
      const r = lint(fixture('en-present.md'), { path: 'a.md', config: strict });
      assert.equal((r.analyses.clientPerspective as { verdict: string }).verdict, 'partial');
    });
  });

  describe('client/section-without-client', () => {
    it('flags the recommendations of both samples, not their conclusions', () => {
      for (const [text, heading] of [[sampleNl, '## Aanbevelingen'], [sampleEn, '## Recommendations']] as const) {
        const r = lint(text, { path: 'a.md' });
        const fs = findings(r, 'client/section-without-client');
        assert.deepEqual(fs.map((f) => text.slice(f.offset, f.endOffset)), [heading]);
        assert.equal(fs[0]!.severity, 'info');
        assert.match(fs[0]!.message.en, /never names? the people the report is about: 0 client mentions, \d+ mentions? of professionals/);
        assert.match(fs[0]!.message.nl, /noem(en|t) de mensen om wie het gaat nergens/);
      }
    });

    it('does not flag a section that names clients, or a short one', () => {
      const nl = check('# Rapport\n\n## Methode\n\nWe spraken met klantmanagers.\n\n## Resultaten\n\nInwoners wachten lang.\n\n## Conclusies\n\nVoor inwoners betekent dit dat zij sneller hulp krijgen als de gemeente eerder belt, en dat de wachttijd voor gezinnen met kinderen korter wordt.\n\n## Aanbevelingen\n\nBel sneller.\n');
      assert.equal(findings(nl.r, 'client/section-without-client').length, 0);
      const en = check('# Report\n\n## Method\n\nWe spoke with caseworkers.\n\n## Findings\n\nClaimants wait long. Families call the council every week, and residents send letters.\n\n## Discussion\n\nThe service works better when caseworkers have fewer cases and when the council and the jobcentre share their data every week, so that nobody waits for a letter that never comes. Managers should review the caseloads every quarter and report to the board.\n');
      // A discussion is checked only on request (roles): by default the conclusions and recommendations.
      assert.equal(findings(en.r, 'client/section-without-client').length, 0);
      const asked = check(flat(en.r.model.text), { config: mergeConfig(defaultConfig(), { rules: { 'client/section-without-client': { options: { roles: ['conclusion', 'recommendations', 'discussion'] } } } }) });
      const fs = findings(asked.r, 'client/section-without-client');
      assert.equal(fs.length, 1);
      assert.match(fs[0]!.message.en, /^This discussion/);
    });

    it('gives one finding for a heading that a template repeats, with the others as related locations', () => {
      // The findings name nobody either (a finding that names the clients covers its own recommendation).
      const part = (i: number) => `## Bevinding ${i}\n\nKnop ${i} is lastig te vinden.\n\n### Aanbeveling\n\nMaak de knop groter en zet hem rechts onder het formulier, met een duidelijke tekst en een kleur die past bij de huisstijl van de organisatie, zodat hij opvalt op elk scherm, ook op een kleine telefoon en in de donkere modus van het systeem.\n`;
      const { r } = check(`# Gebruikersonderzoek\n\n## Methode\n\nWe testten het formulier met vijf inwoners.\n\n${[1, 2, 3].map(part).join('\n')}`);
      const fs = findings(r, 'client/section-without-client');
      assert.equal(fs.length, 1);
      assert.equal(fs[0]!.related?.length, 2);
      assert.match(fs[0]!.message.nl, /nog 2 van de 3 hoofdstukken met de titel "Aanbeveling"/);
    });

    it('is silent when the text is not about people served', () => {
      assert.equal(findings(lint(fixture('en-manual.md'), { path: 'a.md' }), 'client/section-without-client').length, 0);
    });
  });

  describe('client/no-involvement', () => {
    it('flags the method heading of both samples, with what the method names', () => {
      const r = lint(sampleNl, { path: 'a.md' });
      const [f] = findings(r, 'client/no-involvement');
      assert.equal(sampleNl.slice(f!.offset, f!.endOffset), '## Methode');
      assert.equal(f!.severity, 'info');
      assert.match(f!.message.nl, /^De methode noemt geen cliënten als bron of als deelnemers aan het onderzoek\. Ze noemt wel professionals \("Ten eerste zijn semigestructureerde interviews afgenomen met twaalf klantmanagers/);
      const e = lint(sampleEn, { path: 'a.md' });
      const [g] = findings(e, 'client/no-involvement');
      assert.equal(sampleEn.slice(g!.offset, g!.endOffset), '## Method');
      assert.match(g!.message.en, /It names professionals \("Eleven caseworkers, three team leaders and four local employers were interviewed\."/);
      assert.match(g!.message.en, /it says clients were not a source \("Programme participants were not interviewed/);
    });

    it('does not flag a method with clients as a source or as co-researchers', () => {
      for (const name of ['nl-present.md', 'en-present.md', 'nl-partial-involvement.md', 'en-partial-ppi.md']) {
        assert.equal(findings(lint(fixture(name), { path: name }), 'client/no-involvement').length, 0, name);
      }
    });

    it('needs a method section to sit on', () => {
      const { r } = check('# Notitie\n\nKlantmanagers zien dat inwoners laat komen. Bewoners wachten. Gezinnen bellen de gemeente.\n');
      assert.equal(findings(r, 'client/no-involvement').length, 0);
    });
  });
});
