import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { CodeAction, CodeLens, Hover } from 'vscode-languageserver-protocol';
import { TestClient, messageOf } from './client.js';

const PIECES = [
  '# ', '## ', '\n', '\n\n', '\r\n', '\r', '- ', '1. ', '> ', '```\n', '$$\n', '$x$', '`code`', '<!-- brug-disable -->', '<!-- brug-disable-next-line readability/long-sentence -->',
  '---\n', '| a | b |\n|---|---|\n', '[link](http://x)', '**', '_', '\\', '\\section{', '}', '%', '\\begin{verbatim}', '\\end{verbatim}',
  'Er wordt gekeken naar de gegevens. ', 'The data was analysed. ', 'middels ', 'UWV ', 'KVBW ', 'make a decision ', 'cliënten ', 'Het uitvoeren van ',
  '\u0000', '\uFEFF', '\uD800', '😀', 'ĳ', '\t', '    ', '…', '“', '”',
];

describe('lsp: robustness', function () {
  this.timeout(60000);

  it('survives arbitrary text and edits in every language id, and keeps answering', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const ids = ['markdown', 'plaintext', 'latex', 'quarto', 'rmd'];
      const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 60 }).map((a) => a.join(''));
      let n = 0;
      await fc.assert(
        fc.asyncProperty(text, fc.constantFrom(...ids), text, fc.nat(), async (a, id, b, at) => {
          const uri = `file:///tmp/brug-fuzz/doc-${n++}.${id === 'latex' ? 'tex' : id === 'plaintext' ? 'txt' : 'md'}`;
          await client.open(uri, id, a);
          await client.diagnosticsFor(uri);
          const doc = client.document(uri);
          const pos = doc.positionAt(a.length ? at % (a.length + 1) : 0);
          await client.change(uri, [{ range: { start: pos, end: pos }, text: b }]);
          const diags = await client.diagnosticsFor(uri);
          const length = client.text(uri).length;
          for (const d of diags) {
            const s = client.document(uri).offsetAt(d.range.start);
            const e = client.document(uri).offsetAt(d.range.end);
            assert.ok(s <= e && e <= length);
          }
          await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });
          await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
          await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: diags } });
          await client.close(uri);
        }),
        { numRuns: 40, seed: 20261128 },
      );
      assert.equal(client.process.exitCode, null, 'still running');
      const failures = client.logs.filter((l) => / failed|unexpected error|unhandled/.test(l.message));
      assert.deepEqual(failures.map((l) => l.message), [], 'no handler failed');
    } finally {
      await client.stop();
    }
  });

  it('answers malformed requests with empty results instead of failing', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const unknown = 'file:///tmp/brug-fuzz/never-opened.md';
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 5, character: 3 } }), null);
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: unknown } }), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
      assert.equal(await client.request('workspace/executeCommand', { command: 'brug.report', arguments: [] }), null);
      assert.equal(await client.request('workspace/executeCommand', { command: 'brug.report', arguments: [42] }), null);
      assert.equal(await client.request('workspace/executeCommand', { command: 'brug.toggleDocument' }), null);
      assert.deepEqual(await client.request('workspace/executeCommand', { command: 'brug.applyConfigEdit', arguments: [{ uri: 'file:///x.md' }] }), { applied: false });
      assert.equal(await client.request('workspace/executeCommand', { command: 'brug.nonsense', arguments: [] }), null);
      const status = await client.request<{ skipped?: string }>('brug/documentStatus', {});
      assert.equal(status.skipped, 'unsupported');
      // Out-of-range positions on an open document.
      const uri = 'file:///tmp/brug-fuzz/open.md';
      await client.open(uri, 'markdown', '# Titel\n\nEr wordt gekeken.\n');
      await client.diagnosticsFor(uri);
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 999, character: 999 } });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 999, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics: [{ range: { start: { line: 999, character: 0 }, end: { line: 999, character: 4 } }, message: 'x', source: 'brug', code: 'readability/long-sentence', data: 'garbage' }] } });
      assert.ok((await client.diagnosticsFor(uri)).length > 0, 'still checking');
    } finally {
      await client.stop();
    }
  });

  it('logs a rule that throws with its id and still publishes the other findings', async () => {
    const client = new TestClient({ env: { BRUG_TEST_FAULTY_RULE: 'test/always-fails' } });
    try {
      await client.initialize();
      const uri = 'file:///tmp/brug-fuzz/faulty.md';
      await client.open(uri, 'markdown', '# Titel\n\nEr wordt gekeken naar de gegevens.\n');
      const diags = await client.diagnosticsFor(uri);
      assert.ok(diags.some((d) => d.code === 'readability/passive-voice'), diags.map(messageOf).join('\n'));
      const log = await client.until(() => client.logs.find((l) => l.message.includes('test/always-fails')), 'the error in the log');
      assert.equal(log.type, 1, 'an error');
      assert.match(log.message, /rule test\/always-fails failed on file:\/\/\/tmp\/brug-fuzz\/faulty\.md: deliberate failure/);
      // Logged once per document, not on every check.
      await client.change(uri, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'Nieuwe ' }]);
      await client.diagnosticsFor(uri);
      assert.equal(client.logs.filter((l) => l.message.includes('test/always-fails')).length, 1);
    } finally {
      await client.stop();
    }
  });
});
