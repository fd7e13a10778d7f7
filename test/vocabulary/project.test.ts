/**
 * Project vocabulary in .brug.yml: accept, prefer (the configurable klant entry, new and
 * existing synonym groups) and extra dictionaries, valid and invalid.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineFor } from '../../server/src/workspace/engine.js';
import { parseConfigText } from '../../server/src/engine/config/load.js';
import { resourceRoot } from '../../server/src/workspace/resources.js';
import { config, flagged, run, vocabularyFindings } from './helpers.js';

describe('project vocabulary (.brug.yml)', () => {
  describe('vocabulary.accept', () => {
    it('silences a term in every form, and only that term', () => {
      const text = 'De implementatie liep goed. Twee implementaties volgden. De interventie hielp.';
      assert.deepEqual(flagged(text, 'nl', 'vocabulary/jargon'), ['implementatie', 'interventie']);
      assert.deepEqual(flagged(text, 'nl', 'vocabulary/jargon', { config: config({ vocabulary: { accept: ['implementatie'] } }) }), ['interventie']);
    });

    it('is case-insensitive and works in English and for person-first labels', () => {
      assert.deepEqual(flagged('Stakeholders met in May.', 'en', 'vocabulary/jargon', { config: config({ vocabulary: { accept: ['Stakeholder'] } }) }), []);
      assert.deepEqual(flagged('Schuldenaren wachten.', 'nl', 'vocabulary/person-first', { config: config({ vocabulary: { accept: ['schuldenaar'] } }) }), []);
    });

    it('an accepted member of a synonym group is never the minority', () => {
      const text = 'De bijstandsgerechtigde belt. Twee bijstandsontvangers wachten. De bijstandsontvanger schrijft.';
      const near = { rules: { 'vocabulary/mixed-terms': { options: { nearSynonyms: true } } } };
      assert.deepEqual(flagged(text, 'nl', 'vocabulary/mixed-terms', { config: config(near) }), ['bijstandsgerechtigde']);
      assert.deepEqual(flagged(text, 'nl', 'vocabulary/mixed-terms', { config: config({ ...near, vocabulary: { accept: ['bijstandsgerechtigde'] } }) }), []);
    });
  });

  describe('vocabulary.prefer', () => {
    it('klant: inwoner makes "inwoner" the single suggestion, in the right form, and the preferred fix', () => {
      const c = config({ vocabulary: { prefer: { klant: 'inwoner' } } });
      const text = 'De klant belt. Klanten wachten lang.';
      const r = run(text, 'nl', { config: c });
      const fs = vocabularyFindings(r, 'vocabulary/jargon');
      assert.deepEqual(fs.map((f) => f.data?.suggestions), [['inwoner']]);
      const preferred = fs[0]!.fixes.find((x) => x.preferred)!;
      assert.equal(preferred.title.en, 'Replace all 2 with "inwoner"');
      assert.deepEqual(preferred.edits.map((e) => e.newText), ['inwoner', 'Inwoners']);
      assert.match(fs[0]!.message.nl, /In de praktijk: "inwoner"\./);
    });

    it('the preference is found whatever its capitals (Klant: Inwoner)', () => {
      const fs = vocabularyFindings(run('De klanten bellen.', 'nl', { config: config({ vocabulary: { prefer: { Klant: 'Inwoner' } } }) }), 'vocabulary/jargon');
      assert.deepEqual(fs.map((f) => f.data?.suggestions), [['inwoners']]);
    });

    it('without a preference, klant offers all three suggestions and none is preferred', () => {
      const f = vocabularyFindings(run('De klant belt.', 'nl'), 'vocabulary/jargon')[0]!;
      assert.deepEqual(f.data?.suggestions, ['cliënt', 'inwoner', 'burger']);
      assert.ok(f.fixes.every((x) => !x.preferred));
    });

    it('customer: resident does the same in English', () => {
      const fs = vocabularyFindings(run('Customers waited.', 'en', { config: config({ vocabulary: { prefer: { customer: 'resident' } } }) }), 'vocabulary/jargon');
      assert.deepEqual(fs.map((f) => f.data?.suggestions), [['residents']]);
    });

    it('defines a new synonym group from two words no group holds', () => {
      const text = 'De coach belt. De begeleider schrijft. De coach komt langs.';
      assert.deepEqual(flagged(text, 'nl', 'vocabulary/mixed-terms'), []);
      const c = config({ vocabulary: { prefer: { begeleider: 'coach' } } });
      const fs = vocabularyFindings(run(text, 'nl', { config: c }), 'vocabulary/mixed-terms');
      assert.deepEqual(fs.map((f) => text.slice(f.offset, f.endOffset)), ['begeleider']);
      assert.equal(fs[0]!.fixes[0]!.edits[0]!.newText, 'coach');
    });

    it('decides the preferred member of an existing group, over the dictionary and the counts', () => {
      const text = 'De re-integratie begint. De reïntegratie duurt. Na de reïntegratie volgt nazorg.';
      // The report's majority (reïntegratie, 2×) wins over the dictionary's preference.
      assert.deepEqual(flagged(text, 'nl', 'vocabulary/mixed-terms'), ['re-integratie']);
      const c = config({ vocabulary: { prefer: { 're-integratie': 'reïntegratie' } } });
      const fs = vocabularyFindings(run(text, 'nl', { config: c }), 'vocabulary/mixed-terms');
      assert.deepEqual(fs.map((f) => text.slice(f.offset, f.endOffset)), ['re-integratie']);
      assert.equal(fs[0]!.data?.preferred, 'reïntegratie');
    });

    it('a preferred word from another group joins with its forms (plural stays plural)', () => {
      const text = 'Cliënten bellen vaak. De cliënt wacht. Twee hulpvragers schreven.';
      const c = config({ vocabulary: { prefer: { hulpvrager: 'inwoner' } } });
      const fs = vocabularyFindings(run(text, 'nl', { config: c }), 'vocabulary/mixed-terms');
      const fixed = fs.map((f) => `${text.slice(f.offset, f.endOffset)}→${f.fixes[0]!.edits[0]!.newText}`);
      // One finding per minority word (at its first use); "everywhere" changes every use.
      assert.deepEqual(fixed, ['Cliënten→Inwoners', 'hulpvragers→inwoners']);
      const everywhere = fs[0]!.fixes.find((x) => x.title.en.includes('everywhere'))!;
      assert.deepEqual(everywhere.edits.map((e) => `${text.slice(e.offset, e.endOffset)}→${e.newText}`), ['Cliënten→Inwoners', 'cliënt→inwoner', 'hulpvragers→inwoners']);
    });
  });

  describe('vocabulary.dictionaries', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'brug-voc-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const own = `# yaml-language-server: $schema=../schema.json
language: nl
domain: eigen
kind: jargon
entries:
  - id: kernteamoverleg
    term: kernteamoverleg
    forms: [kernteamoverleggen]
    suggestions: [teamoverleg]
    inflections:
      kernteamoverleggen: [teamoverleggen]
    reason: Buiten ons team weet niemand wat het kernteam is.
    examples:
      match: [Het kernteamoverleg is op maandag.]
      noMatch: [Het teamoverleg is op maandag.]
`;

    it('loads an extra YAML file named in .brug.yml, relative to that file', () => {
      writeFileSync(join(dir, 'eigen.yml'), own);
      const configFile = join(dir, '.brug.yml');
      const cfgText = 'vocabulary:\n  dictionaries: [eigen.yml]\n';
      writeFileSync(configFile, cfgText);
      const { config: c, problems: cfgProblems } = parseConfigText(cfgText);
      assert.deepEqual(cfgProblems, []);
      const { engine, problems } = engineFor(c, configFile);
      assert.deepEqual(problems, []);
      const text = 'Het kernteamoverleg duurde lang. De implementatie ook.';
      const r = engine.lint(text, { path: join(dir, 'a.md'), language: 'nl', config: c });
      const fs = vocabularyFindings(r, 'vocabulary/jargon');
      assert.deepEqual(fs.map((f) => text.slice(f.offset, f.endOffset)), ['kernteamoverleg', 'implementatie']);
      assert.equal(fs[0]!.data?.domain, 'eigen');
      // Not marked safe: the project's replacement is offered, not preferred.
      assert.equal(fs[0]!.fixes.find((x) => x.edits.length === 1)!.edits[0]!.newText, 'teamoverleg');
    });

    it('reports a schema error with file and line, skips the file and keeps the bundled dictionaries', () => {
      const bad = join(dir, 'fout.yml');
      writeFileSync(bad, own.replace('    reason: Buiten ons team weet niemand wat het kernteam is.\n', '    suggestion: [teamoverleg]\n'));
      const c = config({ vocabulary: { dictionaries: ['fout.yml'] } });
      const { engine, problems } = engineFor(c, join(dir, '.brug.yml'));
      assert.ok(problems.length >= 1);
      for (const p of problems) assert.equal(p.file, bad);
      assert.ok(problems.some((p) => p.line === 12 && /unknown setting "suggestion"/.test(p.message)), JSON.stringify(problems));
      assert.ok(problems.some((p) => /"reason" is missing/.test(p.message)), JSON.stringify(problems));
      const r = engine.lint('Het kernteamoverleg en de implementatie.', { path: 'a.md', language: 'nl', config: c });
      assert.deepEqual(vocabularyFindings(r, 'vocabulary/jargon').map((f) => f.data?.entryId), ['implementatie']);
    });

    it('reports a YAML syntax error with file and line and does not crash', () => {
      const bad = join(dir, 'kapot.yml');
      writeFileSync(bad, 'language: nl\ndomain: eigen\nkind: jargon\nentries:\n  - id: x\n    term: [niet dicht\n');
      const c = config({ vocabulary: { dictionaries: ['kapot.yml'] } });
      const { engine, problems } = engineFor(c, join(dir, '.brug.yml'));
      assert.ok(problems.length >= 1);
      assert.equal(problems[0]!.file, bad);
      assert.ok(problems[0]!.line >= 6, JSON.stringify(problems));
      assert.match(problems[0]!.message, /YAML/);
      assert.doesNotThrow(() => engine.lint('De implementatie.', { path: 'a.md', language: 'nl', config: c }));
    });

    it('reports checks the schema cannot express (inflections, parallel forms, preferred member)', () => {
      const bad = join(dir, 'scheef.yml');
      writeFileSync(bad, own.replace('      kernteamoverleggen: [teamoverleggen]', '      kernteamoverleg-en: [teamoverleggen]'));
      const groups = join(dir, 'groepen.yml');
      writeFileSync(groups, 'language: nl\ndomain: eigen\nkind: synonyms\ngroups:\n  - id: coach-groep\n    preferred: trainer\n    reason: Eén woord voor dezelfde mensen.\n    members:\n      - term: coach\n        forms: [coaches]\n      - term: begeleider\n    examples:\n      match: [De coach en de begeleider.]\n      noMatch: [De coach.]\n');
      const c = config({ vocabulary: { dictionaries: ['scheef.yml', 'groepen.yml'] } });
      const { problems } = engineFor(c, join(dir, '.brug.yml'));
      const msgs = problems.map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.message}`);
      assert.ok(msgs.some((m) => /^scheef\.yml:\d+: entry kernteamoverleg: inflection "kernteamoverleg-en" is not one of its forms/.test(m)), msgs.join('\n'));
      assert.ok(msgs.some((m) => /^groepen\.yml:5: group coach-groep: every member needs the same number of forms/.test(m)), msgs.join('\n'));
      assert.ok(msgs.some((m) => /^groepen\.yml:5: group coach-groep: preferred "trainer"/.test(m)), msgs.join('\n'));
    });

    it('a missing dictionary file is a problem, not a crash', () => {
      const c = config({ vocabulary: { dictionaries: ['bestaat-niet.yml'] } });
      const { problems } = engineFor(c, join(dir, '.brug.yml'));
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, /cannot read the dictionary: ENOENT/);
    });
  });
});

describe('docs/dictionaries.md', () => {
  it('its example files load without problems and their examples hold', () => {
    const doc = readFileSync(join(resourceRoot(), 'docs', 'dictionaries.md'), 'utf8');
    const files = [...doc.matchAll(/```yaml\n([^]*?)```/g)].map((m) => m[1]!).filter((y) => /^kind:/m.test(y));
    assert.equal(files.length, 2);
    const dir = mkdtempSync(join(tmpdir(), 'brug-doc-'));
    try {
      const names = files.map((y, i) => {
        writeFileSync(join(dir, `d${i}.yml`), y);
        return `d${i}.yml`;
      });
      const c = config({ vocabulary: { dictionaries: names } });
      const { engine, problems } = engineFor(c, join(dir, '.brug.yml'));
      assert.deepEqual(problems, []);
      const failures: string[] = [];
      for (const y of files) {
        const lang = /^language: (\w+)/m.exec(y)![1] as 'nl' | 'en';
        const examples = (key: string) => [...y.matchAll(new RegExp(`${key}:\\n((?:\\s+- .*\\n)+)`, 'g'))].flatMap((m) => m[1]!.split('\n').map((l) => l.replace(/^\s+- /, '').trim()).filter(Boolean));
        const found = (t: string) => {
          const r = engine.lint(t, { path: 'a.md', language: lang, config: c });
          return r.findings.filter((f) => f.ruleId.startsWith('vocabulary/')).length;
        };
        for (const ex of examples('match')) if (found(ex) === 0) failures.push(`not found: ${ex}`);
        for (const ex of examples('noMatch')) if (found(ex) > 0) failures.push(`found: ${ex}`);
      }
      assert.deepEqual(failures, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
