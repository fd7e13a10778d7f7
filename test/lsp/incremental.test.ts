import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport, Hover, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { CAPABILITIES, ROOT, TestClient, positionOf } from './client.js';

const TEXT = `# Rapport over schuldhulp

De gemeente helpt inwoners met schulden. Zij krijgen snel een afspraak.

Er wordt door de consulenten gekeken naar de gegevens van de inwoners.

## Aanpak

De gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en daardoor weinig ruimte hebben om zelf stappen te zetten.

Wij spreken de inwoners elke maand. Zo weten wij wat zij nodig hebben.
`;

/** A long document of distinct paragraphs (each block is new to the engine's cache). */
function longText(paragraphs: number): string {
  const out = ['# Een lang verslag', ''];
  for (let i = 0; i < paragraphs; i++) {
    out.push(`In wijk ${i} spraken wij ${i + 3} inwoners over hun geldzaken. Zij vertelden over rekeningen, brieven en de weg naar hulp in buurt ${i * 7}.`, '');
  }
  return out.join('\n');
}

const key = (d: Diagnostic) => JSON.stringify(d);

describe('lsp: incremental checks', function () {
  this.timeout(120000);
  let client: TestClient;

  before(async () => {
    client = new TestClient({ env: { BRUG_LSP_TIMING: '1' } });
    await client.initialize();
  });
  after(async () => client.stop());

  it('publishes nothing when an edit leaves the diagnostics as they were', async () => {
    const uri = 'file:///tmp/brug-incremental/same.md';
    await client.open(uri, 'markdown', TEXT);
    const before = await client.diagnosticsFor(uri);
    await client.checkedCurrent(uri);
    assert.ok(before.length > 0, 'the text has findings');
    const published = client.publications.filter((p) => p.uri === uri).length;
    // A word for another in the first paragraph, which has no findings and is on a line of its own.
    const at = positionOf(client.text(uri), 'snel een');
    await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: 'gauw' }]);
    await client.checkedCurrent(uri);
    assert.equal(client.publications.filter((p) => p.uri === uri).length, published, 'not re-published');
    assert.deepEqual((await client.diagnosticsFor(uri)).map(key), before.map(key));
  });

  it('leaves the diagnostics of other paragraphs identical when one paragraph changes', async () => {
    const uri = 'file:///tmp/brug-incremental/other.md';
    await client.open(uri, 'markdown', TEXT);
    const before = await client.diagnosticsFor(uri);
    await client.checkedCurrent(uri);
    const passiveLine = positionOf(TEXT, 'Er wordt door').line;
    assert.ok(before.some((d) => d.code === 'readability/passive-voice' && d.range.start.line === passiveLine), 'a passive finding to remove');
    const start = positionOf(client.text(uri), 'Er wordt door');
    const end = { line: start.line, character: start.character + 'Er wordt door de consulenten gekeken'.length };
    // Six words for six: the document's word count (which some whole-document messages quote) stays.
    const after = await client.nextDiagnostics(uri, () => client.change(uri, [{ range: { start, end }, text: 'De consulenten kijken daarna heel goed' }]));
    assert.ok(!after.some((d) => d.range.start.line === passiveLine && d.code === 'readability/passive-voice'), 'the passive finding is gone');
    const others = (list: Diagnostic[]) => list.filter((d) => d.range.start.line !== passiveLine).map(key);
    assert.ok(others(before).length > 0);
    assert.deepEqual(others(after), others(before), 'the other paragraphs’ diagnostics are identical, data included');
    for (const d of after) assert.ok(!('version' in ((d.data ?? {}) as object)), 'no document version inside data');
  });

  it('keeps whole-document findings (missing client perspective) and other sections’ diagnostics identical when words are added in one paragraph', async () => {
    const uri = 'file:///tmp/brug-incremental/sample.md';
    const sample = readFileSync(join(ROOT, 'samples', 'rapport-schuldhulp.md'), 'utf8');
    await client.open(uri, 'markdown', sample);
    const before = await client.diagnosticsFor(uri);
    await client.checkedCurrent(uri);
    const missing = before.find((d) => d.code === 'client/missing-perspective');
    assert.ok(missing, 'the sample has the whole-document finding');
    assert.match(String(missing.message), /per 1\.000 woorden/);
    // A paragraph line without diagnostics; three words go before its last full stop.
    const lines = sample.split('\n');
    const flagged = new Set(before.flatMap((d) => [d.range.start.line, d.range.end.line]));
    const line = lines.findIndex((l, i) => /^[A-Z][^|#>]*\.$/.test(l) && l.length > 40 && !flagged.has(i));
    assert.ok(line > 0, 'a quiet paragraph to add to');
    const section = [lines.slice(0, line).findLastIndex((l) => l.startsWith('#')), line + lines.slice(line).findIndex((l) => l.startsWith('#'))];
    const at = { line, character: lines[line]!.length - 1 };
    await client.change(uri, [{ range: { start: at, end: at }, text: ' in de praktijk' }]);
    await client.checkedCurrent(uri);
    const after = await client.diagnosticsFor(uri);
    // The word count changed, and with it the exact rate of client mentions; the message did not.
    assert.equal(key(after.find((d) => d.code === 'client/missing-perspective')!), key(missing));
    const outside = (list: Diagnostic[]) => list.filter((d) => d.range.start.line < section[0]! || d.range.start.line >= section[1]!).map(key);
    assert.ok(outside(before).length > 5);
    assert.deepEqual(outside(after), outside(before), 'the other sections’ diagnostics are identical');
  });

  it('an edit in one footnote: its own finding appears at the right place, the text’s and the other footnotes’ diagnostics stay identical', async () => {
    const uri = 'file:///tmp/brug-incremental/notes.md';
    const text = [
      '# Support at work',
      '',
      'We spoke with forty clients about their first weeks at work.[^1] Most of them found the coaching useful.[^2]',
      '',
      'The operationalisation of the coaching was evaluated by the researchers.',
      '',
      '[^1]: The interviews took place in the clients’ own homes, in the spring of 2024.',
      '',
      '[^2]: The coaches kept a short log of every meeting with the clients.',
      '',
      '[^3]: The clients chose the place of the interview themselves.',
      '',
    ].join('\n');
    await client.open(uri, 'markdown', text);
    const before = await client.diagnosticsFor(uri);
    await client.checkedCurrent(uri);
    assert.ok(before.some((d) => d.code === 'vocabulary/jargon'), 'the text has a finding outside the footnotes');
    assert.ok(before.some((d) => d.code === 'client/missing-perspective'), 'and a whole-document finding');
    const line = positionOf(text, '[^2]: The coaches').line;
    const start = positionOf(text, 'The coaches kept a short log');
    const end = { line, character: start.character + 'The coaches kept a short log'.length };
    // Six words for six: the document's word count (which the whole-document finding quotes) stays.
    const after = await client.nextDiagnostics(uri, () => client.change(uri, [{ range: { start, end }, text: 'The stakeholders kept an implementation log' }]));
    const note = after.filter((d) => d.range.start.line === line);
    const words = note.filter((d) => d.code === 'vocabulary/jargon').map((d) => client.text(uri).split('\n')[line]!.slice(d.range.start.character, d.range.end.character));
    assert.deepEqual(words, ['stakeholders', 'implementation'], 'the footnote’s new terms are found, at their own words');
    const elsewhere = (list: Diagnostic[]) => list.filter((d) => d.range.start.line !== line).map(key);
    assert.deepEqual(elsewhere(after), elsewhere(before), 'the text’s and the other footnotes’ diagnostics are identical');
  });

  it('stops a run that a newer edit made stale: only the newest version is checked to the end', async () => {
    const uri = 'file:///tmp/brug-incremental/long.md';
    const text = longText(1200);
    await client.open(uri, 'markdown', text);
    // At once a change: the run for version 1 is still going.
    const end = client.document(uri).positionAt(text.length);
    const version = await client.change(uri, [{ range: { start: end, end }, text: 'Tot slot een korte zin.\n' }]);
    await client.checkedCurrent(uri, 110000);
    const finished = client.logs.map((l) => new RegExp(`brug-timing ${uri.replace(/[/.]/g, '\\$&')} v(\\d+):`).exec(l.message)?.[1]).filter((v): v is string => !!v).map(Number);
    assert.deepEqual(finished, [version], 'version 1 was cancelled before its end');
    assert.ok(client.publications.filter((p) => p.uri === uri).every((p) => p.version === version), 'nothing published for version 1');
  });

  it('checks edits of a long document without joining its pieces into one string (the engine reads the store’s pieces), and with the diagnostics of the text as a whole', async () => {
    const uri = 'file:///tmp/brug-incremental/pieces.md';
    // ~40,000 characters: three pieces and more in the store.
    const text = longText(300);
    await client.open(uri, 'markdown', text);
    await client.checkedCurrent(uri, 110000);
    const joinsAt = (version: number) => {
      const line = client.logs.map((l) => new RegExp(`brug-timing ${uri.replace(/[/.]/g, '\\$&')} v${version}: .* joins (\\d+),`).exec(l.message)).find((m) => m);
      assert.ok(line, `timing line of version ${version}`);
      return Number(line[1]);
    };
    const first = joinsAt(1);
    let version = 1;
    for (const [i, word] of [[12, 'ook '], [150, 'extra '], [280, 'vaak ']] as const) {
      const at = positionOf(client.text(uri), `In wijk ${i} spraken`);
      version = await client.change(uri, [{ range: { start: at, end: at }, text: word }]);
      await client.checkedCurrent(uri);
    }
    assert.equal(joinsAt(version), first, 'no join after the first check');
    // The same diagnostics as a first check of the same text by a fresh document.
    const fresh = 'file:///tmp/brug-incremental/pieces-fresh.md';
    await client.open(fresh, 'markdown', client.text(uri));
    await client.checkedCurrent(fresh, 110000);
    assert.deepEqual((await client.diagnosticsFor(uri)).map(key), (await client.diagnosticsFor(fresh)).map(key));
  });

  it('answers hover while a long document is being checked', async () => {
    const small = 'file:///tmp/brug-incremental/small.md';
    await client.open(small, 'markdown', TEXT);
    await client.diagnosticsFor(small);
    await client.checkedCurrent(small);
    const uri = 'file:///tmp/brug-incremental/longer.md';
    await client.open(uri, 'markdown', longText(1500));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: positionOf(TEXT, 'UWV') });
    const stillChecking = client.checked.get(uri) === undefined;
    assert.ok(hover, 'a hover for the small document');
    assert.ok(stillChecking, 'answered before the long check was done');
    // The long document itself answers too (without waiting for its whole check).
    const own = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } });
    assert.ok(own === null || typeof own === 'object');
    await client.checkedCurrent(uri, 110000);
  });
});

describe('lsp: pull diagnostics', function () {
  this.timeout(60000);
  let client: TestClient;

  before(async () => {
    client = new TestClient({ capabilities: { ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } } });
    await client.initialize();
  });
  after(async () => client.stop());

  it('announces a diagnostic provider to clients that can pull', () => {
    const provider = client.initializeResult?.capabilities.diagnosticProvider as { interFileDependencies?: boolean } | undefined;
    assert.ok(provider, 'diagnosticProvider');
    assert.equal(provider.interFileDependencies, false);
  });

  it('answers with a resultId, "unchanged" while the diagnostics stay, and a new report when they change', async () => {
    const uri = 'file:///tmp/brug-pull/a.md';
    await client.open(uri, 'markdown', TEXT);
    const pull = (previousResultId?: string) =>
      client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId, 'a resultId');
    assert.ok(first.kind === 'full' && first.items.some((d) => d.code === 'readability/passive-voice'));
    const pushedBefore = client.publications.filter((p) => p.uri === uri && p.diagnostics.length > 0).length;

    const same = await pull(first.resultId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });

    // An edit that changes nothing found: still unchanged, for the new version.
    const at = positionOf(client.text(uri), 'snel een');
    await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: 'gauw' }]);
    const afterQuiet = await pull(first.resultId);
    assert.deepEqual(afterQuiet, { kind: 'unchanged', resultId: first.resultId });

    // An edit that removes the passive: a full report with a new resultId.
    const start = positionOf(client.text(uri), 'Er wordt door');
    const end = { line: start.line, character: start.character + 'Er wordt door de consulenten gekeken'.length };
    await client.change(uri, [{ range: { start, end }, text: 'De consulenten kijken daarna heel goed' }]);
    const changed = await pull(first.resultId);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, first.resultId);
    assert.ok(changed.kind === 'full' && !changed.items.some((d) => d.code === 'readability/passive-voice'));
    const pushedAfter = client.publications.filter((p) => p.uri === uri && p.diagnostics.length > 0).length;
    assert.equal(pushedAfter, pushedBefore, 'a pulled document gets no pushed diagnostics');
  });

  it('answers workspace/diagnostic for the open documents: full reports, then "unchanged" per document until one changes', async () => {
    const provider = client.initializeResult?.capabilities.diagnosticProvider as { workspaceDiagnostics?: boolean } | undefined;
    assert.equal(provider?.workspaceDiagnostics, true);
    const a = 'file:///tmp/brug-pull/ws-a.md';
    const b = 'file:///tmp/brug-pull/ws-b.md';
    await client.open(a, 'markdown', TEXT);
    await client.open(b, 'markdown', TEXT.replace('UWV', 'CAK'));
    const pull = (previousResultIds: Array<{ uri: string; value: string }>) => client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    const first = await pull([]);
    const mine = (r: WorkspaceDiagnosticReport) => r.items.filter((i) => i.uri === a || i.uri === b);
    assert.deepEqual(mine(first).map((i) => [i.uri, i.kind]).sort(), [[a, 'full'], [b, 'full']]);
    for (const i of mine(first)) {
      assert.ok(i.resultId, 'a resultId');
      assert.equal(i.version, 1);
      assert.ok(i.kind === 'full' && i.items.some((d) => d.code === 'readability/passive-voice'));
    }
    const ids = mine(first).map((i) => ({ uri: i.uri, value: i.resultId! }));
    const again = await pull(ids);
    assert.deepEqual(mine(again).map((i) => [i.uri, i.kind]).sort(), [[a, 'unchanged'], [b, 'unchanged']]);

    // Remove the passive in b: b comes back in full, a stays unchanged.
    const start = positionOf(client.text(b), 'Er wordt door');
    const end = { line: start.line, character: start.character + 'Er wordt door de consulenten gekeken'.length };
    await client.change(b, [{ range: { start, end }, text: 'De consulenten kijken daarna heel goed' }]);
    const third = await pull(ids);
    const byUri = new Map(mine(third).map((i) => [i.uri, i]));
    assert.equal(byUri.get(a)?.kind, 'unchanged');
    const fb = byUri.get(b)!;
    assert.equal(fb.kind, 'full');
    assert.equal(fb.version, 2);
    assert.ok(fb.kind === 'full' && !fb.items.some((d) => d.code === 'readability/passive-voice'));
    assert.notEqual(fb.resultId, ids.find((x) => x.uri === b)!.value);
  });
});

describe('lsp: a check that runs out of time', function () {
  this.timeout(60000);
  let client: TestClient;

  before(async () => {
    // A budget of 30 ms of processor time: a long document cannot be checked in it.
    client = new TestClient({ env: { BRUG_LSP_BUDGET_MS: '30' } });
    await client.initialize();
  });
  after(async () => client.stop());

  it('stops, says so once, publishes nothing and keeps answering', async () => {
    const uri = 'file:///tmp/brug-budget/long.md';
    await client.open(uri, 'markdown', longText(1500));
    await client.checkedCurrent(uri, 50000);
    const status = client.statuses.at(-1) as { skipped?: string };
    assert.equal(status.skipped, 'timed-out');
    assert.ok(client.messages.some((m) => /stopte met het controleren van long\.md/.test(m.message)), JSON.stringify(client.messages));
    assert.equal(client.publications.filter((p) => p.uri === uri && p.diagnostics.length > 0).length, 0);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.equal(hover, null);
  });
});
