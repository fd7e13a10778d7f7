/**
 * A compiled dictionary artifact is used only while it matches its YAML sources by content
 * (dictionaries/compiled/sources.json, written by the build): packaging and copying change file
 * times, never what the files say.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledIsCurrent, fileDigest, fileStat } from '../../server/src/workspace/compiled.js';
import { resourceRoot } from '../../server/src/workspace/resources.js';

const yaml = (n: string) => /\.ya?ml$/.test(n);

describe('compiled dictionaries: current by content, not by time', () => {
  it('the bundled artifacts match their sources (npm run build writes sources.json)', () => {
    const root = resourceRoot();
    for (const language of ['nl', 'en']) {
      assert.ok(compiledIsCurrent(root, language, join(root, 'dictionaries', language), yaml), language);
      const practice = join(root, 'dictionaries', 'practice');
      assert.ok(compiledIsCurrent(root, `practice-${language}`, practice, (n) => n === `${language}.yml`), `practice-${language}`);
    }
  });

  it('a newer file time keeps the artifact; changed, added or removed content, or no record, does not', () => {
    // Each case gets its own root: the record is read once per root.
    const make = (record: boolean) => {
      const root = mkdtempSync(join(tmpdir(), 'brug-compiled-'));
      const dir = join(root, 'dictionaries', 'nl');
      mkdirSync(dir, { recursive: true });
      mkdirSync(join(root, 'dictionaries', 'compiled'), { recursive: true });
      writeFileSync(join(dir, 'a.yml'), 'language: nl\n');
      writeFileSync(join(dir, 'notes.txt'), 'not a dictionary');
      if (record) writeFileSync(join(root, 'dictionaries', 'compiled', 'sources.json'), JSON.stringify({ nl: { 'a.yml': fileDigest(join(dir, 'a.yml')) } }));
      return { root, dir };
    };
    const roots: string[] = [];
    try {
      let { root, dir } = make(true);
      roots.push(root);
      const later = new Date(Date.now() + 3_600_000);
      utimesSync(join(dir, 'a.yml'), later, later);
      assert.equal(compiledIsCurrent(root, 'nl', dir, yaml), true, 'only the time changed');
      assert.equal(compiledIsCurrent(root, 'en', dir, yaml), false, 'no record for this artifact');

      ({ root, dir } = make(true));
      roots.push(root);
      writeFileSync(join(dir, 'a.yml'), 'language: nl # edited\n');
      assert.equal(compiledIsCurrent(root, 'nl', dir, yaml), false, 'content changed');

      ({ root, dir } = make(true));
      roots.push(root);
      writeFileSync(join(dir, 'b.yaml'), 'language: nl\n');
      assert.equal(compiledIsCurrent(root, 'nl', dir, yaml), false, 'a file added');

      ({ root, dir } = make(true));
      roots.push(root);
      rmSync(join(dir, 'a.yml'));
      assert.equal(compiledIsCurrent(root, 'nl', dir, yaml), false, 'a file removed');

      ({ root, dir } = make(false));
      roots.push(root);
      assert.equal(compiledIsCurrent(root, 'nl', dir, yaml), false, 'no sources.json');
    } finally {
      for (const r of roots) rmSync(r, { recursive: true, force: true });
    }
  });

  it('a source with the size and time the build recorded is not hashed again; one written since is', () => {
    const roots: string[] = [];
    const make = (digestOf: string) => {
      const root = mkdtempSync(join(tmpdir(), 'brug-compiled-'));
      roots.push(root);
      const dir = join(root, 'dictionaries', 'nl');
      mkdirSync(dir, { recursive: true });
      mkdirSync(join(root, 'dictionaries', 'compiled'), { recursive: true });
      const file = join(dir, 'a.yml');
      writeFileSync(file, digestOf);
      const digest = fileDigest(file);
      writeFileSync(file, 'language: nl\n');
      writeFileSync(join(root, 'dictionaries', 'compiled', 'sources.json'), JSON.stringify({ nl: { 'a.yml': digest } }));
      writeFileSync(join(root, 'dictionaries', 'compiled', 'stat.json'), JSON.stringify({ 'nl/a.yml': fileStat(file) }));
      return { root, dir, file };
    };
    try {
      // The recorded digest is of other text: only the recorded size and time can make this current.
      let { root, dir, file } = make('language: en\n');
      assert.equal(compiledIsCurrent(root, 'nl', dir, yaml), true, 'untouched since the build: its digest stands');

      ({ root, dir, file } = make('language: en\n'));
      const later = new Date(Date.now() + 3_600_000);
      utimesSync(file, later, later);
      assert.equal(compiledIsCurrent(root, 'nl', dir, yaml), false, 'written since (same size, other time): hashed, and the content differs');

      ({ root, dir, file } = make('language: nl\n'));
      utimesSync(file, later, later);
      assert.equal(compiledIsCurrent(root, 'nl', dir, yaml), true, 'written since with the same content: hashed, and current');
    } finally {
      for (const r of roots) rmSync(r, { recursive: true, force: true });
    }
  });
});
