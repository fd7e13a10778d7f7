/**
 * A very large document in the language server (issue 17 item 3): with the size limit off, a
 * 10 MB report neither blocks hover and completion (checks run off the message loop) nor crashes
 * the server; with the default limit it is not checked, and one plain message says why.
 */
import { strict as assert } from 'node:assert';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { TestClient } from './client.js';

const PARAGRAPH = 'De gemeente onderzocht hoe inwoners met schulden hulp vinden. Er wordt gekeken naar de gegevens van het wijkteam, en de klantmanagers vertellen wat zij zien. ';

/** A Markdown report of about `bytes` bytes: headings and paragraphs, each section numbered (no two blocks alike, so the engine's block cache cannot make the check cheap). */
function bigReport(bytes: number): string {
  const parts = ['# Groot rapport\n\n'];
  let size = parts[0]!.length;
  for (let i = 1; size < bytes; i++) {
    const section = `## Hoofdstuk ${i}\n\n${Array.from({ length: 6 }, (_, k) => `Wijk ${i}.${k}: ${PARAGRAPH}`).join('')}\n\n`;
    parts.push(section);
    size += section.length;
  }
  return parts.join('');
}

describe('lsp: a 10 MB document', function () {
  this.timeout(300000);
  const big = 'file:///tmp/brug-large/groot.md';
  const small = 'file:///tmp/brug-large/klein.md';
  const config = 'file:///tmp/brug-large/.brug.yml';
  const text = bigReport(10 * 1024 * 1024);

  it('with the size limit off: hover and completion answer while it is checked, and the server keeps working', async () => {
    const client = new TestClient({ settings: { maxDocumentSize: 0 } });
    try {
      await client.initialize();
      await client.open(big, 'markdown', text);
      await client.open(config, 'yaml', 'rules:\n  \n');
      const hover = client.request('textDocument/hover', { textDocument: { uri: big }, position: { line: 4, character: 5 } });
      const completion = client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri: config }, position: { line: 1, character: 2 } });
      const [, items] = await Promise.all([hover, completion]);
      const labels = (Array.isArray(items) ? items : (items?.items ?? [])).map((c) => c.label);
      assert.ok(labels.includes('readability/long-sentence'), 'completion answers while the big document is being checked');
      // The first part of a long document may be published early (a preview); the whole check, which
      // ends with a status notification, must still be running when hover and completion answer.
      assert.ok(!client.statuses.some((st) => (st as { uri?: string }).uri === big), 'hover and completion answered before the big document\'s check was done: they did not wait for it');
      // A small document opened meanwhile gets its findings; the server is still running.
      await client.open(small, 'markdown', '# Klein\n\nEr wordt gekeken naar de gegevens.\n');
      assert.ok((await client.diagnosticsFor(small, 240000)).some((d) => d.code === 'readability/passive-voice'));
      assert.equal(client.process.exitCode, null, 'the server did not crash');
      const failures = client.logs.filter((l) => / failed|unexpected error|unhandled|heap/i.test(l.message));
      assert.deepEqual(failures.map((l) => l.message), []);
    } finally {
      await client.stop();
    }
  });

  it('with the default size limit: not checked, one plain message naming the file, its size and the setting', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      await client.open(big, 'markdown', text);
      const message = await client.until(() => client.messages.find((m) => /groot\.md/.test(m.message)), 'a message');
      assert.equal(message.type, 3, 'information, not an error');
      assert.match(message.message, /^Brug controleert groot\.md niet: het is 10(\.\d)? MB, meer dan de grens van 5(\.0)? MB \(instelling brug\.maxDocumentSize\)\.$/);
      const status = await client.request<{ skipped: string }>('brug/documentStatus', { uri: big });
      assert.equal(status.skipped, 'too-large');
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: big }, position: { line: 4, character: 5 } }), null);
      assert.ok(!client.publications.some((p) => p.uri === big && p.diagnostics.length > 0));
      assert.equal(client.process.exitCode, null);
    } finally {
      await client.stop();
    }
  });
});
