import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TestClient, positionOf, messageOf } from './client.js';

const NL = `# Rapport over schuldhulp

Dit is een korte zin. De gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en daardoor weinig ruimte hebben om zelf stappen te zetten.

Er wordt gekeken naar de gegevens.
`;

const EN = `# Employment support report

This is short. The municipality works together with the agency on the support of residents with debts who have been in a difficult situation for a long time and therefore have little room to take steps themselves.

The request was refused.
`;

describe('lsp: diagnostics', function () {
  this.timeout(30000);
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  it('announces incremental sync, hover, code lens, code actions and its commands', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: false });
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.codeLensProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.brug']);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['brug.checkWorkspace', 'brug.report', 'brug.toggleDocument', 'brug.applyConfigEdit']);
    assert.equal(client.initializeResult!.serverInfo?.name, 'brug');
  });

  it('publishes the findings of a Dutch Markdown document with exact ranges, severities, codes and doc links', async () => {
    const uri = 'file:///tmp/brug-lsp/rapport.md';
    await client.open(uri, 'markdown', NL);
    const diags = await client.diagnosticsFor(uri);
    const long = diags.find((d) => d.code === 'readability/long-sentence');
    assert.ok(long, 'long sentence');
    assert.deepEqual(long.range, { start: positionOf(NL, 'De gemeente'), end: { line: 2, character: NL.split('\n')[2]!.length } });
    assert.equal(long.severity, 2);
    assert.equal(long.source, 'brug');
    assert.match(messageOf(long), /^Deze zin telt \d+ woorden/);
    assert.match(long.codeDescription!.href, /^file:\/\/.*docs\/rules\/readability\/long-sentence\.md$/);
    const passive = diags.find((d) => d.code === 'readability/passive-voice');
    assert.ok(passive, 'passive voice');
    assert.deepEqual(passive.range, { start: positionOf(NL, 'wordt gekeken'), end: { line: 4, character: positionOf(NL, 'wordt gekeken').character + 'wordt gekeken'.length } });
    assert.equal(passive.severity, 4, 'hint');
    assert.equal(passive.data, undefined, 'no fixes, no data');
  });

  it('writes messages in the document language (English)', async () => {
    const uri = 'file:///tmp/brug-lsp/report.md';
    await client.open(uri, 'markdown', EN);
    const diags = await client.diagnosticsFor(uri);
    const long = diags.find((d) => d.code === 'readability/long-sentence');
    assert.ok(long);
    assert.match(messageOf(long), /^This sentence has \d+ words/);
    assert.ok(diags.some((d) => d.code === 'readability/passive-voice'));
  });

  it('follows brug.messages when it fixes the message language', async () => {
    await client.setSettings({ messages: 'en' });
    const uri = 'file:///tmp/brug-lsp/rapport.md';
    const diags = await client.until(() => {
      const d = client.diagnostics.get(uri)?.diagnostics.find((x) => x.code === 'readability/long-sentence');
      return d && /^This sentence/.test(messageOf(d)) ? d : undefined;
    }, 'English messages for a Dutch document');
    assert.match(messageOf(diags), /\d+ words/);
    await client.setSettings({});
  });

  it('fixes the document language with brug.language (auto detects it)', async () => {
    const uri = 'file:///tmp/brug-lsp/rapport.md';
    await client.setSettings({ language: 'en' });
    // The request comes after the settings notification, so it sees the new settings.
    const status = await client.request<{ language?: string }>('brug/documentStatus', { uri });
    assert.equal(status.language, 'en');
    const diags = await client.until(() => client.diagnostics.get(uri)?.diagnostics.find((d) => d.code === 'readability/long-sentence' && /^This sentence/.test(messageOf(d))), 'English messages');
    assert.ok(diags);
    await client.setSettings({});
    const back = await client.request<{ language?: string }>('brug/documentStatus', { uri });
    assert.equal(back.language, 'nl');
  });

  it('turns a rule off through brug.rules in the editor settings', async () => {
    const uri = 'file:///tmp/brug-lsp/rapport.md';
    await client.setSettings({ rules: { 'readability/passive-voice': 'off' } });
    await client.until(() => {
      const d = client.diagnostics.get(uri)?.diagnostics;
      return d && d.length > 0 && !d.some((x) => x.code === 'readability/passive-voice');
    }, 'passive voice switched off');
    await client.setSettings({});
    await client.until(() => client.diagnostics.get(uri)?.diagnostics.some((x) => x.code === 'readability/passive-voice'), 'passive voice back');
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///tmp/brug-lsp/report.md';
    await client.close(uri);
    await client.until(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 'cleared diagnostics');
  });
});

describe('lsp: the brug-language-server command', function () {
  this.timeout(60000);
  it('starts with --stdio (npx brug-language-server once npm install linked it, else the bin file)', async () => {
    const linked = existsSync(join(ROOT, 'node_modules', '.bin', 'brug-language-server'));
    const command = linked
      ? { file: 'npx', args: ['--no-install', 'brug-language-server', '--stdio'] }
      : { file: process.execPath, args: [join(ROOT, 'server', 'bin', 'brug-language-server.js'), '--stdio'] };
    const client = new TestClient({ command });
    try {
      await client.initialize();
      const uri = 'file:///tmp/brug-bin/a.md';
      await client.open(uri, 'markdown', '# Titel\n\nEr wordt gekeken naar de gegevens.\n');
      assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'readability/passive-voice'));
    } finally {
      await client.stop();
    }
  });

  it('explains how to start it when the transport is missing', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'server', 'bin', 'brug-language-server.js')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /start it with --stdio/);
  });
});
