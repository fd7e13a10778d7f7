import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lint } from '../../server/src/index.js';
import { TestClient, positionOf } from './client.js';
import { PROBES } from '../engine/helpers.js'; // the test client switches passive voice on, as PROBES does

const TEXT = `# Rapport

Dit is een korte zin. Er wordt gekeken naar de gegevens.

## Aanpak

De gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en daardoor weinig ruimte hebben om zelf stappen te zetten.

Tot slot nog een zin.
`;

/** What the server must publish for `text`: the engine's findings as (code, range). */
function expected(uri: string, text: string): Array<[string, unknown]> {
  const doc = TextDocument.create(uri, 'markdown', 0, text);
  return lint(text, { uri, format: 'markdown', config: PROBES }).findings.map((f) => [f.ruleId, { start: doc.positionAt(f.offset), end: doc.positionAt(f.endOffset) }]);
}

function actual(diags: Diagnostic[]): Array<[string, unknown]> {
  return diags.map((d) => [String(d.code), d.range]);
}

describe('lsp: editing', function () {
  this.timeout(30000);
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  it('applies incremental changes with several edits in one notification and re-checks the result', async () => {
    const uri = 'file:///tmp/brug-edit/a.md';
    await client.open(uri, 'markdown', TEXT);
    assert.deepEqual(actual(await client.diagnosticsFor(uri)), expected(uri, TEXT));
    // Three edits in one didChange: each range refers to the text after the edits before it.
    const p1 = positionOf(TEXT, 'Er wordt gekeken naar de gegevens.');
    const p2 = positionOf(TEXT, 'Tot slot');
    await client.change(uri, [
      { range: { start: p2, end: { line: p2.line, character: p2.character + 'Tot slot'.length } }, text: 'Ten slotte' },
      { range: { start: p1, end: { line: p1.line, character: p1.character + 'Er wordt gekeken naar de gegevens.'.length } }, text: 'Wij bekijken de gegevens.' },
      { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'Kort ' },
    ]);
    const text = client.text(uri);
    assert.match(text, /^# Kort Rapport\n\nDit is een korte zin\. Wij bekijken de gegevens\./);
    assert.match(text, /Ten slotte nog een zin\./);
    const diags = await client.diagnosticsFor(uri);
    assert.ok(!diags.some((d) => d.code === 'readability/passive-voice'));
    assert.deepEqual(actual(diags), expected(uri, text));
  });

  it('keeps exact ranges over many one-word edits, line inserts and deletions', async () => {
    const uri = 'file:///tmp/brug-edit/b.md';
    await client.open(uri, 'markdown', TEXT);
    await client.diagnosticsFor(uri);
    for (let i = 0; i < 8; i++) {
      const text = client.text(uri);
      const at = positionOf(text, 'gemeente');
      if (i % 3 === 0) await client.change(uri, [{ range: { start: at, end: at }, text: 'grote ' }]);
      else if (i % 3 === 1) await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Een nieuwe regel.\n' }]);
      else await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    }
    const diags = await client.diagnosticsFor(uri);
    assert.deepEqual(actual(diags), expected(uri, client.text(uri)));
  });

  it('debounces: a burst of changes is checked once, for the last version', async () => {
    await client.setSettings({ debounceMs: 150 });
    const uri = 'file:///tmp/brug-edit/c.md';
    await client.open(uri, 'markdown', TEXT);
    await client.diagnosticsFor(uri);
    await client.checkedCurrent(uri);
    const before = client.publications.length;
    const statusesBefore = client.statuses.length;
    for (let i = 0; i < 6; i++) {
      const end = client.document(uri).positionAt(client.text(uri).length);
      await client.change(uri, [{ range: { start: end, end }, text: `Zin ${i}. ` }]);
    }
    const last = client.version(uri);
    await client.checkedCurrent(uri);
    const checks = (client.statuses.slice(statusesBefore) as Array<{ uri: string; version?: number }>).filter((p) => p.uri === uri);
    assert.deepEqual(checks.map((p) => p.version), [last], 'one check, for the last version');
    const mine = client.publications.slice(before).filter((p) => p.uri === uri);
    assert.ok(mine.every((p) => p.version === last), 'nothing published for an intermediate version');
    await client.setSettings({});
  });

  it('never publishes diagnostics of an old version after a newer one', async () => {
    const uri = 'file:///tmp/brug-edit/d.md';
    await client.open(uri, 'markdown', TEXT);
    await client.diagnosticsFor(uri);
    for (let i = 0; i < 10; i++) {
      const at = positionOf(client.text(uri), 'korte');
      await client.change(uri, [{ range: { start: at, end: at }, text: 'heel ' }]);
    }
    await client.diagnosticsFor(uri);
    const versions = client.publications.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go up');
    assert.equal(versions.at(-1), client.version(uri));
  });
});
