import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient, sleep, messageOf } from './client.js';

// 27 words: over the practitioner limit (25), under the academic one (30), over the general one (20).
const SENTENCE = 'De gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en weinig ruimte hebben.';
const DOC = `# Titel\n\n${SENTENCE}\n\nEr wordt gekeken naar de gegevens.\n`;

describe('lsp: project configuration (.brug.yml)', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient;
  const yml = () => join(dir, '.brug.yml');
  const ymlUri = () => pathToFileURL(yml()).href;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brug-project-'));
  });
  afterEach(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a watcher for .brug.yml and dictionary files', async () => {
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    await client.until(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 'the registration');
    const reg = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
    const globs = (reg.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/{.brug.yml,.brug.yaml}'), globs.join(', '));
  });

  it('layers defaults ← .brug.yml ← editor settings', async () => {
    writeFileSync(yml(), 'audience: academic\n');
    mkdirSync(join(dir, 'hoofdstukken'));
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'hoofdstukken', 'h1.md')).href;
    await client.open(uri, 'markdown', DOC);
    const academic = await client.diagnosticsFor(uri);
    assert.ok(!academic.some((d) => d.code === 'readability/long-sentence'), 'academic (from the .brug.yml one folder up) allows 27 words');
    // academic shows only stacked passives: "Er wordt gekeken" is left alone.
    assert.ok(!academic.some((d) => d.code === 'readability/passive-voice'));
    await client.setSettings({ audience: 'general' });
    await client.until(() => client.diagnostics.get(uri)?.diagnostics.some((d) => d.code === 'readability/long-sentence'), 'general (editor setting) flags it');
    await client.setSettings({ audience: '' });
    await client.until(() => client.diagnostics.get(uri)?.diagnostics.every((d) => d.code !== 'readability/long-sentence'), 'an empty editor setting leaves .brug.yml in force');
  });

  it('shows an invalid .brug.yml as diagnostics in that file and one notification, and uses the defaults meanwhile', async () => {
    writeFileSync(yml(), '# team settings\naudience: experts\nrules:\n  readability/passive-voice: loud\n');
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'rapport.md')).href;
    await client.open(uri, 'markdown', DOC);
    const diags = await client.diagnosticsFor(uri);
    assert.ok(diags.some((d) => d.code === 'readability/long-sentence'), 'defaults: practitioner');
    assert.ok(diags.some((d) => d.code === 'readability/passive-voice'), 'defaults: passive voice on');
    const config = await client.until(() => client.diagnostics.get(ymlUri())?.diagnostics, 'diagnostics for .brug.yml');
    assert.deepEqual([...new Set(config.map((d) => JSON.stringify([d.code, d.severity, d.source, d.range.start.line])))], [
      JSON.stringify(['brug/config', 1, 'brug', 1]),
      JSON.stringify(['brug/config', 1, 'brug', 3]),
    ]);
    assert.match(messageOf(config[0]!), /audience: "experts" is niet toegestaan; toegestaan: een van practitioner, academic, general/);
    assert.deepEqual(config[0]!.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 17 } });
    // Edits of the document do not repeat the notification.
    for (let i = 0; i < 3; i++) await client.change(uri, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'Nieuwe ' }]);
    await client.diagnosticsFor(uri);
    await sleep(200);
    const notes = client.messages.filter((m) => m.message.includes('.brug.yml'));
    assert.equal(notes.length, 1, JSON.stringify(client.messages));
    assert.equal(notes[0]!.type, 2, 'a warning');
    assert.match(notes[0]!.message, /^Brug: \.brug\.yml bevat \d+ fouten \(\.brug\.yml:2:11: audience: "experts" is niet toegestaan/);
    assert.match(notes[0]!.message, /de andere instellingen gelden wel\.$/);

    // Fixed on disk: the file's diagnostics clear and its settings apply.
    writeFileSync(yml(), '# team settings\naudience: practitioner\nrules:\n  readability/passive-voice: off\n');
    await client.watchedFilesChanged([{ uri: ymlUri(), type: 2 }]);
    await client.until(() => client.diagnostics.get(ymlUri())?.diagnostics.length === 0, 'cleared .brug.yml diagnostics');
    await client.until(() => {
      const d = client.diagnostics.get(uri)?.diagnostics;
      return d && d.length > 0 && !d.some((x) => x.code === 'readability/passive-voice');
    }, 'passive voice off');

    // Broken again: a new notification (a new episode), and a deleted file takes its diagnostics along.
    writeFileSync(yml(), 'rules: [\n');
    await client.watchedFilesChanged([{ uri: ymlUri(), type: 2 }]);
    await client.until(() => client.messages.filter((m) => m.message.includes('.brug.yml')).length === 2, 'second notification');
    assert.match(messageOf(client.diagnostics.get(ymlUri())!.diagnostics[0]!), /^YAML-syntaxis/);
    rmSync(yml());
    await client.watchedFilesChanged([{ uri: ymlUri(), type: 3 }]);
    await client.until(() => client.diagnostics.get(ymlUri())?.diagnostics.length === 0, 'cleared after delete');
  });

  it('uses project dictionaries and reports an invalid one in its own file', async () => {
    writeFileSync(
      join(dir, 'team.yml'),
      [
        'language: nl',
        'domain: team',
        'kind: jargon',
        'entries:',
        '  - id: casusregie',
        '    term: casusregie',
        '    suggestions: [regie over de hulp]',
        '    reason: Ons eigen woord; lezers buiten het team kennen het niet.',
        '    examples:',
        '      match: [De casusregie ligt bij het wijkteam.]',
        '      noMatch: [De regie ligt bij het wijkteam.]',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'kapot.yml'), 'language: nl\nkind: jargon\nentries: 3\n');
    writeFileSync(yml(), 'vocabulary:\n  dictionaries: [team.yml, kapot.yml]\n');
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'rapport.md')).href;
    await client.open(uri, 'markdown', '# Titel\n\nDe casusregie ligt bij het wijkteam.\n');
    const diags = await client.diagnosticsFor(uri);
    assert.ok(diags.some((d) => d.code === 'vocabulary/jargon' && /casusregie/i.test(messageOf(d))), JSON.stringify(diags.map((d) => [d.code, messageOf(d)])));
    const broken = pathToFileURL(join(dir, 'kapot.yml')).href;
    const dd = await client.until(() => client.diagnostics.get(broken)?.diagnostics, 'dictionary diagnostics');
    assert.ok(dd.length >= 1);
    assert.equal(dd[0]!.code, 'brug/dictionary');
    assert.equal(client.diagnostics.get(pathToFileURL(join(dir, 'team.yml')).href), undefined, 'nothing for the valid one');
    await sleep(200);
    assert.equal(client.messages.filter((m) => m.message.includes('kapot.yml')).length, 1);
  });

  it('works without watched-file support: a new .brug.yml applies at the next check', async () => {
    client = new TestClient({ folders: [dir], capabilities: { workspace: { configuration: true } }, settings: {} });
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'rapport.md')).href;
    await client.open(uri, 'markdown', DOC);
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'readability/passive-voice'));
    writeFileSync(yml(), 'rules:\n  readability/passive-voice: off\n');
    const after = await client.nextDiagnostics(uri, () => client.change(uri, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'Een ' }]));
    assert.ok(!after.some((d) => d.code === 'readability/passive-voice'));
  });
});
