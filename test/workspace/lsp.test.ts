/**
 * The language server's side of the workspace layer: untrusted workspaces (issue 17 item 5),
 * .brug.yml edits only inside the workspace (item 1), and per-key problems of .brug.yml shown
 * as diagnostics in that file while the valid settings apply (issue 11 item 2).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient, messageOf } from '../lsp/client.js';

const DICTIONARY = [
  'language: nl',
  'domain: team',
  'kind: jargon',
  'entries:',
  '  - id: bingoregisseur',
  '    term: bingoregisseur',
  '    suggestions: [regie over de hulp]',
  '    reason: Ons eigen woord; lezers buiten het team kennen het niet.',
  '    examples:',
  '      match: [De bingoregisseur leidt het spel.]',
  '      noMatch: [De leiding ligt bij het wijkteam.]',
  '',
].join('\n');
const DOC = '# Titel\n\nDe bingoregisseur leidt het spel. Er wordt gekeken naar de gegevens.\n';

describe('workspace: the language server and the workspace policy', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brug-wslsp-'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const jargonFound = (diags: Array<{ code?: unknown; message: unknown }>) => diags.some((d) => d.code === 'vocabulary/jargon' && /bingoregisseur/i.test(messageOf(d as never)));

  for (const trusted of [true, false]) {
    it(`${trusted ? 'a trusted' : 'an untrusted'} workspace ${trusted ? 'reads' : 'does not read'} the dictionaries its .brug.yml names; other settings apply in both`, async () => {
      writeFileSync(join(dir, 'team.yml'), DICTIONARY);
      writeFileSync(join(dir, '.brug.yml'), 'vocabulary:\n  dictionaries: [team.yml]\nrules:\n  readability/passive-voice: off\n');
      client = new TestClient({ folders: [dir], initializationOptions: { trusted } });
      await client.initialize();
      const uri = pathToFileURL(join(dir, 'rapport.md')).href;
      await client.open(uri, 'markdown', DOC);
      const diags = await client.diagnosticsFor(uri);
      assert.equal(jargonFound(diags), trusted, JSON.stringify(diags.map((d) => [d.code, messageOf(d)])));
      assert.ok(!diags.some((d) => d.code === 'readability/passive-voice'), 'rules: applies');
    });
  }

  it('brug.applyConfigEdit writes .brug.yml only inside a workspace folder', async () => {
    const inside = join(dir, 'ws');
    const outside = join(dir, 'elders');
    mkdirSync(inside);
    mkdirSync(outside);
    client = new TestClient({ folders: [inside] });
    await client.initialize();
    const ok = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'brug.applyConfigEdit', arguments: [{ uri: pathToFileURL(join(inside, 'a.md')).href, edit: { path: ['vocabulary', 'accept'], value: 'UWV' } }] });
    assert.equal(ok.applied, true);
    const refused = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'brug.applyConfigEdit', arguments: [{ uri: pathToFileURL(join(outside, 'b.md')).href, edit: { path: ['vocabulary', 'accept'], value: 'UWV' } }] });
    assert.equal(refused.applied, false);
    assert.equal(existsSync(join(outside, '.brug.yml')), false);
    assert.ok(client.messages.some((m) => /buiten de werkmap|outside the workspace/.test(m.message)), JSON.stringify(client.messages));
  });

  it('a typo in .brug.yml is a diagnostic on that key with "did you mean"; the valid settings apply', async () => {
    writeFileSync(join(dir, '.brug.yml'), 'messages: en\nrules:\n  readability/passive-voise: off\n  readability/long-sentence: off\n');
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'rapport.md')).href;
    await client.open(uri, 'markdown', '# T\n\nDe gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en daardoor weinig ruimte hebben om zelf stappen te zetten. Er wordt gekeken naar de gegevens.\n');
    const diags = await client.diagnosticsFor(uri);
    assert.ok(!diags.some((d) => d.code === 'readability/long-sentence'), 'the valid rule setting applies');
    assert.ok(diags.some((d) => d.code === 'readability/passive-voice'), 'the misspelt one does not');
    const ymlUri = pathToFileURL(join(dir, '.brug.yml')).href;
    const config = await client.until(() => client!.diagnostics.get(ymlUri)?.diagnostics, 'diagnostics for .brug.yml');
    assert.equal(config.length, 1);
    assert.equal(config[0]!.range.start.line, 2);
    assert.equal(config[0]!.severity, 2, 'a warning: only that setting is lost');
    assert.match(messageOf(config[0]!), /readability\/passive-voise.*readability\/passive-voice/);
  });
});
