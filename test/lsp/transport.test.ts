/**
 * How the server talks to its editor. The VS Code extension starts it on its standard input and output (since session
 * 36; on Node's IPC channel before), where a publication is written from each diagnostic's JSON made once
 * (lsp/publish-writer.ts); other editors start it with --stdio too. --node-ipc still works, for clients that ask for it,
 * with the same diagnostics.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './client.js';

describe('lsp: the transport', () => {
  it('the extension starts its server (run and debug) on standard input and output, not on the IPC channel', () => {
    const source = readFileSync(new URL('../../client/src/extension.ts', import.meta.url), 'utf8');
    const options = /function serverOptions[\s\S]*?\n}\n/.exec(source)?.[0] ?? '';
    assert.equal((options.match(/transport: TransportKind\.stdio,/g) ?? []).length, 2, 'run and debug');
    assert.doesNotMatch(options, /TransportKind\.ipc/);
  });

  it('over --node-ipc and over --stdio the server publishes the same diagnostics, before and after an edit (nl + en)', async function () {
    this.timeout(60_000);
    const documents = [
      { uri: 'file:///tmp/brug-transport/rapport.md', text: '# Uitkomsten\n\nEr wordt door de gemeente gekeken naar de gegevens van de cliënt 👍.\r\n\r\nDe re-integratie van deelnemers die langdurig een uitkering ontvangen en die door de consulent worden begeleid bij het vinden van werk, het volgen van scholing en het regelen van kinderopvang verloopt traag.\n' },
      { uri: 'file:///tmp/brug-transport/report.md', text: '# Results\n\nThe data were analysed by the team.\n\nParticipants who had received benefits for a long time and who were supported by caseworkers in finding work, following training and arranging childcare reported that the process was slow and confusing.\n' },
    ];
    const seen: Record<string, unknown[]> = {};
    for (const transport of ['ipc', 'stdio'] as const) {
      const client = new TestClient({ transport });
      try {
        await client.initialize();
        const lists: unknown[] = [];
        for (const { uri, text } of documents) {
          await client.open(uri, 'markdown', text);
          await client.checkedCurrent(uri, 30_000);
          lists.push(client.diagnostics.get(uri)?.diagnostics);
          // A paragraph added after the title: the diagnostics after it move two lines down.
          const at = text.indexOf('\n');
          const where = TextDocument.create(uri, 'markdown', 1, text).positionAt(at);
          await client.change(uri, [{ range: { start: where, end: where }, text: '\n\nExtra.' }]);
          await client.checkedCurrent(uri, 30_000);
          lists.push(client.diagnostics.get(uri)?.diagnostics);
        }
        assert.ok(lists.every((l) => Array.isArray(l) && l.length > 0), `${transport}: every document has diagnostics`);
        assert.notDeepStrictEqual(lists[0], lists[1], `${transport}: the edit moved diagnostics (nl)`);
        assert.notDeepStrictEqual(lists[2], lists[3], `${transport}: the edit moved diagnostics (en)`);
        seen[transport] = lists;
      } finally {
        await client.stop();
      }
    }
    assert.deepStrictEqual(seen.ipc, seen.stdio);
  });
});
