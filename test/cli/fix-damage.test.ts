/**
 * Each damage issue 13 reports, in Dutch and English, as a test that it cannot happen again:
 * the client-perspective scaffold inserted by --fix; words in quotations and block quotes
 * rewritten; "de problematiek … is" → "de problemen … is"; the majority spelling turned into
 * the minority one; more findings after --fix; a silent --fix.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../server/src/index.js';
import type { Language } from '../../server/src/index.js';
import { applyFixes, fixKind } from '../../server/src/engine/fixes.js';
import { main } from '../../server/src/cli/main.js';

async function fixInDir(files: Record<string, string>, args: string[] = []): Promise<{ files: Record<string, string>; out: string; code: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'brug-damage-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const out: string[] = [];
    const code = await main(['check', ...Object.keys(files), '--fix', ...args], { out: (s) => out.push(s), err: (s) => out.push(s), cwd: dir });
    return { files: Object.fromEntries(Object.keys(files).map((n) => [n, readFileSync(join(dir, n), 'utf8')])), out: out.join('\n'), code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NO_CLIENT: Record<Language, string> = {
  nl: '# Evaluatie schuldhulp\n\n## Inleiding\n\nDe gemeente wil weten hoe de schuldhulp werkt. De klantmanagers en beleidsmedewerkers vertellen over hun werk met cliënten.\n\n## Resultaten\n\nDe cliënten wachten lang. De klantmanagers zeggen dat de cliënten de brieven niet begrijpen. De cliënten bellen vaak.\n\n## Conclusie\n\nDe werkwijze voor cliënten moet beter.\n',
  en: '# Evaluation of debt advice\n\n## Introduction\n\nThe council wants to know how debt advice works. Caseworkers and managers describe their work with clients.\n\n## Results\n\nClients wait a long time. The caseworkers say that clients do not understand the letters. Clients phone often.\n\n## Conclusion\n\nThe way of working for clients must improve.\n',
};

describe('issue 13 damages cannot happen again', function () {
  this.timeout(120000);

  for (const language of ['nl', 'en'] as const) {
    describe(language, () => {
      it('the client-perspective scaffold is a suggestion: --fix never inserts it, in Markdown or LaTeX', async () => {
        const r = lint(NO_CLIENT[language], { path: 'a.md', language });
        const scaffold = r.findings.filter((f) => f.ruleId === 'client/missing-perspective').flatMap((f) => f.fixes).filter((x) => x.edits.length > 0);
        for (const x of scaffold) assert.equal(fixKind(x), 'suggestion');
        const tex = `\\documentclass{article}\n\\begin{document}\n${NO_CLIENT[language].replace(/^# (.*)$/m, '\\title{$1}').replace(/^## (.*)$/gm, '\\section{$1}')}\\end{document}\n`;
        const done = await fixInDir({ 'a.md': NO_CLIENT[language], 'b.tex': tex }, ['--language', language]);
        assert.equal(done.files['a.md'], NO_CLIENT[language]);
        assert.ok(!/Cliëntperspectief|Client perspective/.test(done.files['b.tex']!));
        assert.equal(done.files['b.tex'], tex);
      });

      it('a fix marked suggestion is never applied by --fix, whatever the rule (guard-level)', () => {
        const text = language === 'nl' ? 'Vaak is de problematiek van de inwoner meerzijdig. Wij trachtten iedereen te bereiken.' : 'The elderly woman who called was helped. We will make a decision soon.';
        const r = lint(text, { path: 'a.md', language });
        const out = applyFixes(text, r.findings);
        const suggestions = r.findings.filter((f) => f.fixes.some((x) => x.preferred && fixKind(x) === 'suggestion' && x.edits.length > 0));
        for (const f of suggestions) assert.equal(out.text.slice(f.offset, f.endOffset), text.slice(f.offset, f.endOffset), `${f.ruleId} left alone`);
      });
    });
  }

  it('nl: words in quotations and block quotes are never rewritten, not even by a chosen suggestion', () => {
    const text = "De regeling heet ‘parkeren gehandicapten’ en de klanten gebruiken haar. Een cliënt zei: “Wij trachtten het tevens per brief.”\n\n> Het rapport trachtte het tevens per brief.\n\nWij trachtten het tevens per brief.\n";
    const r = lint(text, { path: 'a.md', language: 'nl' });
    const all = applyFixes(text, r.findings, { suggestions: true }).text;
    assert.ok(all.includes('‘parkeren gehandicapten’'), all);
    assert.ok(all.includes('“Wij trachtten het tevens per brief.”'), all);
    assert.ok(all.includes('> Het rapport trachtte het tevens per brief.'), all);
    // The finding inside the quoted label stays, without a replacement: the guard dropped it.
    const inQuote = r.findings.filter((f) => text.slice(f.offset, f.endOffset) === 'gehandicapten');
    assert.ok(inQuote.length > 0, 'the quoted label is still flagged');
    for (const f of inQuote) assert.ok(f.fixes.every((x) => x.edits.length === 0), JSON.stringify(f.fixes));
  });

  it('en: words in quotations and block quotes are never rewritten, not even by a chosen suggestion', () => {
    const text = 'The scheme is called “parking for the disabled” and stakeholders use it. One parent said: “The stakeholders never make a decision.”\n\n> The report says stakeholders never make a decision.\n\nThe stakeholders never make a decision.\n';
    const r = lint(text, { path: 'a.md', language: 'en' });
    const all = applyFixes(text, r.findings, { suggestions: true }).text;
    assert.ok(all.includes('“parking for the disabled”'), all);
    assert.ok(all.includes('“The stakeholders never make a decision.”'), all);
    assert.ok(all.includes('> The report says stakeholders never make a decision.'), all);
    const inQuote = r.findings.filter((f) => f.offset > text.indexOf('“parking') && f.endOffset <= text.indexOf('” and'));
    assert.ok(inQuote.length > 0, 'the quoted name is still flagged');
    for (const f of inQuote) assert.ok(f.fixes.every((x) => x.edits.length === 0), JSON.stringify(f.fixes));
  });

  it('nl: "de problematiek … is" never becomes "de problemen … is" by --fix', async () => {
    const text = '# Rapport\n\nVaak is de problematiek van de inwoner meerzijdig. De problematiek is groot.\n';
    const done = await fixInDir({ 'a.md': text }, ['--language', 'nl']);
    assert.ok(!/de problemen van de inwoner|De problemen is/.test(done.files['a.md']!), done.files['a.md']);
  });

  it('en: "The elderly woman" never becomes "Older people woman" by --fix', async () => {
    const text = '# Report\n\nThe elderly woman who called was helped. The elderly need support.\n';
    const done = await fixInDir({ 'a.md': text }, ['--language', 'en']);
    assert.ok(!/older people woman/i.test(done.files['a.md']!), done.files['a.md']);
  });

  it('en: --fix never turns the majority spelling into the minority one', async () => {
    const text = '# Report\n\nSocioeconomic data were missing. The socioeconomic gap grew. Socioeconomic status matters. Socio-economic factors mattered.\n';
    const done = await fixInDir({ 'a.md': text }, ['--language', 'en']);
    const majority = (s: string) => (s.match(/socioeconomic/gi) ?? []).length;
    assert.ok(majority(done.files['a.md']!) >= majority(text), done.files['a.md']);
  });

  it('nl: --fix never turns the majority spelling into the minority one', async () => {
    const text = '# Rapport\n\nDe sociaaleconomische positie is zwak. Sociaaleconomische gegevens ontbreken. De sociaaleconomische kloof groeit. Sociaal-economische factoren tellen.\n';
    const done = await fixInDir({ 'a.md': text }, ['--language', 'nl']);
    const majority = (s: string) => (s.match(/sociaaleconomisch/gi) ?? []).length;
    assert.ok(majority(done.files['a.md']!) >= majority(text), done.files['a.md']);
  });

  for (const language of ['nl', 'en'] as const) {
    it(`${language}: --fix never leaves more findings than before, and is never silent`, async () => {
      const text = language === 'nl' ? '# Rapport\n\nDe klanten wachten lang op de interventie. De cliënten bellen. Klanten en cliënten zijn boos.\n' : '# Report\n\nThe customers wait for the intervention. The clients phone. Customers and clients are angry.\n';
      const before = lint(text, { path: 'a.md', language }).findings.length;
      const done = await fixInDir({ 'a.md': text }, ['--language', language]);
      const after = lint(done.files['a.md']!, { path: 'a.md', language }).findings.length;
      assert.ok(after <= before, `${before} → ${after}`);
      assert.match(done.out, language === 'nl' ? /^brug --fix: \d+ verbetering(en)? in \d+ bestand(en)? toegepast; \d+ suggestie/m : /^brug --fix: \d+ fix(es)? in \d+ files? applied; \d+ suggestions?/m);
    });
  }
});
