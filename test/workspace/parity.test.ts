/**
 * The command line and the language server go through the same workspace layer, so they give
 * the same findings for the same files and .brug.yml. This test copies a handful of dev-corpus
 * documents (nl and en; Markdown, plain text, a multi-file LaTeX thesis) to a temporary folder
 * with a .brug.yml that uses every key, runs `brug check --format json` and the server's
 * workspace check, and compares every finding: rule, severity, range and message.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR } from '../helpers/shared.js';
import { runCli } from '../helpers/workspace.js';
import { TestClient, messageOf } from '../lsp/client.js';

const FILES = ['nl/robot-bingo-ouderen-usertest.md', 'en/cbv-pilots-july-2025-data-update.md', 'en/dfe-ehc-plans-2022-data-guidance.txt', 'nl/hogent-bp-inclusive-design-draft.tex'];

/** A .brug.yml with every key of the schema set to something that changes findings. */
const CONFIG = [
  'audience: practitioner',
  'language: auto',
  'messages: en',
  'rules:',
  '  readability/passive-voice: off',
  '  readability/long-sentence:',
  '    severity: error',
  '    options:',
  '      maxWords: 22',
  '  vocabulary/jargon: info',
  'vocabulary:',
  '  accept: [UWV, Medicaid]',
  '  prefer:',
  '    klant: inwoner',
  '  dictionaries: [team.yml]',
  'latex:',
  '  proseCommands: [todo]',
  '  skipEnvironments: [tikzpicture]',
  'ignore: [drafts]',
  'readOutside: false',
  '',
].join('\n');

const DICTIONARY = [
  'language: nl',
  'domain: team',
  'kind: jargon',
  'entries:',
  '  - id: zorgrobot',
  '    term: zorgrobot',
  '    suggestions: [robot in de zorg]',
  '    reason: Een woord van het team; lezers buiten het team kennen het niet.',
  '    examples:',
  '      match: [De zorgrobot speelt bingo.]',
  '      noMatch: [De robot speelt bingo.]',
  '',
].join('\n');

const LSP_SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

interface Row {
  file: string;
  key: string;
}

describe('workspace: the command line and the language server give the same findings', function () {
  this.timeout(120000);
  let dir: string;
  let client: TestClient | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'brug-parity-'));
    for (const f of FILES) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      copyFileSync(join(CORPUS_DIR, f), join(dir, f));
    }
    mkdirSync(join(dir, 'drafts'));
    copyFileSync(join(CORPUS_DIR, FILES[0]!), join(dir, 'drafts', 'old.md'));
    writeFileSync(join(dir, '.brug.yml'), CONFIG);
    writeFileSync(join(dir, 'team.yml'), DICTIONARY);
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('same findings per file over a handful of dev documents, with a .brug.yml that uses every key; ignore: skips drafts/ in both', async () => {
    const cli = await runCli(['check', '.', '--format', 'json', '--fail-on', 'error'], dir);
    assert.ok(cli.code === 0 || cli.code === 1, cli.err);
    assert.equal(cli.err, '', 'the configuration is valid: nothing on stderr');
    const json = JSON.parse(cli.out) as { files: Array<{ path: string; findings: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }> }> };
    const cliRows: Row[] = [];
    for (const f of json.files) {
      for (const x of f.findings) cliRows.push({ file: f.path.split('\\').join('/'), key: JSON.stringify([x.ruleId, x.severity, x.line - 1, x.column - 1, x.endLine - 1, x.endColumn - 1, x.message]) });
    }
    const paths = json.files.map((f) => f.path.split('\\').join('/'));
    assert.ok(!paths.some((p) => p.startsWith('drafts/')), 'ignore: drafts is skipped by the command line');
    for (const f of FILES) assert.ok(paths.includes(f), `${f} checked`);

    client = new TestClient({ folders: [dir] });
    await client.initialize();
    await client.request('workspace/executeCommand', { command: 'brug.checkWorkspace', arguments: [] });
    const lspRows: Row[] = [];
    for (const [uri, p] of client.diagnostics) {
      if (!uri.startsWith(pathToFileURL(dir).href)) continue;
      const file = relative(dir, new URL(uri).pathname).split('\\').join('/');
      if (!/\.(md|txt|tex)$/.test(file)) continue;
      for (const d of p.diagnostics) {
        lspRows.push({ file, key: JSON.stringify([String(d.code), LSP_SEVERITY[d.severity ?? 1], d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, messageOf(d)]) });
      }
    }
    assert.ok(!lspRows.some((r) => r.file.startsWith('drafts/')), 'ignore: drafts is skipped by the language server');

    // The configuration took effect (so the comparison is not between two sets of defaults).
    const all = cliRows.map((r) => JSON.parse(r.key) as [string, string]);
    assert.ok(!all.some(([id]) => id === 'readability/passive-voice'), 'passive voice off');
    assert.ok(all.some(([id, sev]) => id === 'readability/long-sentence' && sev === 'error'), 'long sentences are errors');
    assert.ok(cliRows.length > 20, `enough findings to compare (${cliRows.length})`);

    const byFile = (rows: Row[]) => {
      const m = new Map<string, string[]>();
      for (const r of rows) m.set(r.file, [...(m.get(r.file) ?? []), r.key]);
      for (const v of m.values()) v.sort();
      return m;
    };
    const a = byFile(cliRows);
    const b = byFile(lspRows);
    for (const file of new Set([...a.keys(), ...b.keys()])) {
      assert.deepEqual(b.get(file) ?? [], a.get(file) ?? [], `the same findings for ${file}`);
    }
  });
});
