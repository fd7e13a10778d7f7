/**
 * The bundled dictionaries compiled at build time (issue 10 item 2): one JSON artifact per
 * language, made by scripts/build.mjs from the YAML files and validated there against
 * dictionaries/schema.json; a start reads only the artifact of a language a document needs.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACT_VERSION, compileArtifacts, readArtifact } from '../../server/src/engine/vocabulary/artifact.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { Engine } from '../../server/src/engine/engine.js';
import { bundledLanguage } from '../../server/src/workspace/dictionaries.js';
import { resourceRoot } from '../../server/src/workspace/resources.js';
import type { Language } from '../../server/src/engine/types.js';

function yamlFiles(): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const language of ['nl', 'en']) {
    const dir = join(resourceRoot(), 'dictionaries', language);
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) out.push({ path: `dictionaries/${language}/${name}`, text: readFileSync(join(dir, name), 'utf8') });
  }
  return out;
}

describe('dictionaries compiled at build time', () => {
  const { artifacts, problems } = compileArtifacts(yamlFiles());

  it('every bundled dictionary is valid (the build would fail otherwise)', () => {
    assert.deepEqual(problems, []);
    assert.ok(artifacts.nl.dictionaries.length >= 8 && artifacts.en.dictionaries.length >= 8);
  });

  for (const language of ['nl', 'en'] as Language[]) {
    it(`${language}: dictionaries/compiled/${language}.json is the current YAML, compiled (run npm run build when this fails)`, () => {
      const file = join(resourceRoot(), 'dictionaries', 'compiled', `${language}.json`);
      assert.ok(existsSync(file), `${file} is missing: npm run build makes it`);
      const built = readArtifact(readFileSync(file, 'utf8'), language);
      assert.ok(built, 'a current artifact of this language');
      assert.deepEqual(built, JSON.parse(JSON.stringify(artifacts[language].dictionaries)));
      assert.deepEqual(bundledLanguage(language), built);
    });
  }

  it('an artifact of another version or language, or broken JSON, is not used', () => {
    const good = { format: 'brug-dictionaries', version: ARTIFACT_VERSION, language: 'nl', dictionaries: [] };
    assert.deepEqual(readArtifact(JSON.stringify(good), 'nl'), []);
    assert.equal(readArtifact(JSON.stringify(good), 'en'), undefined);
    assert.equal(readArtifact(JSON.stringify({ ...good, version: ARTIFACT_VERSION + 1 }), 'nl'), undefined);
    assert.equal(readArtifact('{"format": "brug-dictionaries", ', 'nl'), undefined);
  });

  it('a problem in a dictionary is reported with its file, and a duplicate id too', () => {
    const entry = (id: string) => `  - id: ${id}\n    term: woord${id}\n    suggestions: [ander]\n    reason: Een reden van genoeg tekens.\n    examples: { match: [Het woord${id} staat hier.], noMatch: [Het staat hier niet.] }\n`;
    const head = 'language: nl\ndomain: test\nkind: jargon\nentries:\n';
    const r = compileArtifacts([
      { path: 'dictionaries/nl/a.yml', text: head + entry('x') },
      { path: 'dictionaries/nl/b.yml', text: head + entry('x') },
      { path: 'dictionaries/nl/c.yml', text: 'language: nl\nkind: jargon\n' },
    ]);
    assert.ok(r.problems.some((p) => p.file === 'dictionaries/nl/b.yml' && /also used in dictionaries\/nl\/a\.yml/.test(p.message)));
    assert.ok(r.problems.some((p) => p.file === 'dictionaries/nl/c.yml'));
  });

  it('a language is loaded only when a document of that language needs it', () => {
    const asked: Language[] = [];
    const vocabulary = new Vocabulary([], (l) => {
      asked.push(l);
      return bundledLanguage(l);
    });
    const engine = new Engine({ vocabulary });
    const r = engine.lint('De implementatie liep uit.', { path: 'x.md', language: 'nl' });
    assert.ok(r.findings.some((f) => f.ruleId === 'vocabulary/jargon'));
    assert.ok(vocabulary.isLoaded('nl'));
    assert.deepEqual(asked, ['nl'], 'only Dutch, once');
    engine.lint('De interventie ook.', { path: 'y.md', language: 'nl' });
    assert.deepEqual(asked, ['nl'], 'not again');
    // An abbreviation look-up checks both languages' well-known lists, so it loads the other one.
    engine.lint('Het UWV belt.', { path: 'z.md', language: 'nl' });
    assert.ok(vocabulary.isLoaded('en'));
  });
});
