/**
 * The boundaries of ARCHITECTURE.md, checked on every import (type imports too) of the sources:
 * the engine is pure and knows no face, the faces (cli, lsp, client) never import each other,
 * and rules never reach into a format adapter.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

interface Import {
  file: string;
  /** The specifier as written. */
  spec: string;
  /** For a relative specifier, the imported file relative to the repository root. */
  target?: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return /\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gms),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  const rel = relative(ROOT, file);
  return specs.map((spec) => ({
    file: rel,
    spec,
    target: spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)).replace(/\.(js|mjs|cjs)$/, '') : undefined,
  }));
}

const ALL = [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'client/src'))].flatMap(importsOf);

function violations(from: RegExp, forbidden: (i: Import) => boolean): string[] {
  return ALL.filter((i) => from.test(i.file) && forbidden(i)).map((i) => `${i.file} imports ${i.spec}`);
}

const under = (i: Import, ...dirs: string[]) => i.target !== undefined && dirs.some((d) => i.target === d || i.target!.startsWith(`${d}/`));

describe('architecture: the boundaries hold on every import', () => {
  it('finds the imports it checks (the scanner itself works)', () => {
    assert.ok(ALL.some((i) => i.file.startsWith('server/src/engine/') && i.target?.startsWith('server/src/engine/')));
    assert.ok(ALL.some((i) => i.file.startsWith('server/src/lsp/') && i.spec === 'vscode-languageserver/node'));
    assert.ok(ALL.some((i) => i.file.startsWith('client/src/') && i.spec === 'vscode'));
  });

  it('the engine imports no face, no workspace, no editor API and no file system: text and options in, findings out', () => {
    assert.deepEqual(
      violations(/^server\/src\/engine\//, (i) =>
        under(i, 'server/src/cli', 'server/src/lsp', 'server/src/workspace', 'server/src/report', 'client') ||
        /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(\/|$)/.test(i.spec) ||
        /^(node:)?(fs|child_process|net|http|https|worker_threads)(\/|$)/.test(i.spec),
      ),
      [],
    );
  });

  it('the faces do not import each other', () => {
    assert.deepEqual(violations(/^server\/src\/cli\//, (i) => under(i, 'server/src/lsp', 'client')), []);
    assert.deepEqual(violations(/^server\/src\/lsp\//, (i) => under(i, 'server/src/cli', 'client')), []);
    // The client talks to the server through the protocol only; the HTML of the report is shared.
    assert.deepEqual(violations(/^client\/src\//, (i) => under(i, 'server/src') && !under(i, 'server/src/report')), []);
  });

  it('the workspace and the report are shared layers below the faces', () => {
    assert.deepEqual(violations(/^server\/src\/(workspace|report)\//, (i) => under(i, 'server/src/cli', 'server/src/lsp', 'client')), []);
    assert.deepEqual(violations(/^server\/src\/(workspace|report)\//, (i) => /^(vscode|vscode-languageserver)(\/|$)/.test(i.spec)), []);
  });

  it('rules never import a format adapter or another area\'s rules', () => {
    assert.deepEqual(violations(/^server\/src\/engine\/rules\//, (i) => under(i, 'server/src/engine/formats')), []);
    for (const area of ['readability', 'vocabulary', 'client', 'practice']) {
      const others = ['readability', 'vocabulary', 'client', 'practice'].filter((a) => a !== area).map((a) => `server/src/engine/rules/${a}`);
      assert.deepEqual(violations(new RegExp(`^server/src/engine/rules/${area}/`), (i) => under(i, ...others)), [], area);
    }
  });
});
