/**
 * The language server's bundle leaves the parsers most sessions never need (YAML and the schema validator for a
 * .brug.yml, Word, Dutch hyphenation, glob matching) to side bundles it loads on first use, as the command line does:
 * V8 keeps a script's source and compiled code for as long as the server runs (bench/RESULTS.md, session 9).
 * test/lsp/project.test.ts and workspace.test.ts run the bundle through those first uses.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '..', '..', 'server', 'dist');

describe('lsp: the server bundle', () => {
  it('loads YAML, the schema validator, Word, hyphenation and glob matching from side bundles on first use', () => {
    const bundle = readFileSync(join(DIST, 'server.cjs'), 'utf8');
    for (const name of ['yaml', 'ajv', 'mammoth', 'hyphen-nl', 'picomatch']) {
      assert.ok(bundle.includes(`require("./lazy/${name}.cjs")`), `server.cjs does not load ${name} on first use`);
      assert.ok(existsSync(join(DIST, 'lazy', `${name}.cjs`)), `server/dist/lazy/${name}.cjs is missing`);
    }
  });

  it('is ASCII only, so that V8 keeps its source one byte per character (regular expressions and comments too)', () => {
    const bundle = readFileSync(join(DIST, 'server.cjs'), 'utf8');
    const other = /[^\0-\x7f]/.exec(bundle);
    assert.equal(other, null, `server.cjs holds ${JSON.stringify(other?.[0])} at ${other?.index}: ${JSON.stringify(bundle.slice((other?.index ?? 0) - 40, (other?.index ?? 0) + 20))}`);
  });
});
