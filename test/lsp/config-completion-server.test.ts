import { strict as assert } from 'node:assert';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { TestClient } from './client.js';

describe('lsp: completion in .brug.yml (any LSP client, no YAML extension needed)', function () {
  this.timeout(30000);
  let client: TestClient;
  const config = 'file:///tmp/brug-completion/.brug.yml';
  const report = 'file:///tmp/brug-completion/rapport.md';

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  async function complete(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const r = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  it('offers rule ids under rules: and severities after a rule id', async () => {
    const text = 'audience: practitioner\nrules:\n  \n';
    await client.open(config, 'yaml', text);
    const ids = (await complete(config, 2, 2)).map((c) => c.label);
    assert.ok(ids.includes('readability/long-sentence'), ids.join(' '));
    const withRule = 'rules:\n  readability/passive-voice: ';
    await client.change(config, [{ text: withRule }]);
    const severities = (await complete(config, 1, withRule.split('\n')[1]!.length)).map((c) => c.label).sort();
    assert.deepEqual(severities, ['error', 'hint', 'info', 'off', 'warning']);
  });

  it('replaces what was typed of a rule id, slash and all (an editor\'s own "word" stops at the slash)', async () => {
    const text = 'rules:\n  readability/lo\n';
    await client.change(config, [{ text }]);
    const item = (await complete(config, 1, 16)).find((c) => c.label === 'readability/long-sentence');
    assert.deepEqual(item?.textEdit, { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 16 } }, newText: 'readability/long-sentence: ' });
    // In the middle of a value, the whole value goes.
    await client.change(config, [{ text: 'rules:\n  readability/passive-voice: warn\n' }]);
    const value = (await complete(config, 1, 31)).find((c) => c.label === 'warning');
    assert.deepEqual(value?.textEdit, { range: { start: { line: 1, character: 29 }, end: { line: 1, character: 33 } }, newText: 'warning' });
  });

  it('inserts "key: " for a key, and answers nothing in a report', async () => {
    await client.change(config, [{ text: '' }]);
    const keys = await complete(config, 0, 0);
    const audience = keys.find((c) => c.label === 'audience');
    assert.deepEqual(audience?.textEdit, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'audience: ' });
    await client.open(report, 'markdown', '# Rapport\n\nTekst.\n');
    assert.deepEqual(await complete(report, 2, 3), []);
  });
});
