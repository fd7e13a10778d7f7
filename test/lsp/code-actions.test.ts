import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client.js';

const EN = `# Employment support report

This is short. The municipality works together with the agency on the support of residents with debts who have been in a difficult situation for a long time and therefore have little room to take steps themselves.

We will make a decision about the results of the study soon. The request was refused.
`;

const NL = `# Titel

Het team werkt met de gegevens van de KVBW. De cliënten doen mee aan het onderzoek. De KVBW publiceert de cijfers elk jaar.
`;

describe('lsp: code actions', function () {
  this.timeout(30000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brug-actions-'));
    client = new TestClient({ folders: [dir] });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function actionsFor(uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  }

  async function applyAndWait(uri: string, action: CodeAction): Promise<Diagnostic[]> {
    return client.nextDiagnostics(uri, async () => {
      if (action.edit) client.applyWorkspaceEdit(action.edit);
      if (action.command) await client.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
    });
  }

  it('offers the engine fix as the preferred quick fix; applying it removes the finding', async () => {
    const uri = pathToFileURL(join(dir, 'report.md')).href;
    await client.open(uri, 'markdown', EN);
    const diags = await client.diagnosticsFor(uri);
    const jargon = diags.find((d) => d.code === 'vocabulary/jargon');
    assert.ok(jargon, `a jargon finding in ${JSON.stringify(diags.map((d) => d.code))}`);
    const actions = await actionsFor(uri, jargon);
    const fix = actions.find((a) => a.title === 'Replace "make a decision" → "decide"');
    assert.ok(fix, `fix among ${actions.map((a) => a.title).join(' | ')}`);
    // Real replacements first, the preferred one on top; accept and disable actions after (issue 13).
    assert.equal(actions[0], fix);
    const firstOther = actions.findIndex((a) => !a.edit || a.title.startsWith('Disable') || a.title.startsWith('Accept'));
    assert.ok(actions.slice(firstOther).every((a) => !a.title.startsWith('Replace')), actions.map((a) => a.title).join(' | '));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [jargon]);
    assert.ok(actions.some((a) => a.title === 'Disable vocabulary/jargon on this line'));
    assert.ok(actions.some((a) => a.title === 'Disable vocabulary/jargon in this file'));
    assert.ok(actions.some((a) => a.title === 'Disable vocabulary/jargon in this project (.brug.yml)'));
    const after = await applyAndWait(uri, fix);
    assert.ok(client.text(uri).includes('We will decide about the results'));
    assert.ok(!after.some((d) => d.code === 'vocabulary/jargon'));
    assert.ok(after.some((d) => d.code === 'readability/long-sentence'), 'the other findings stay');
  });

  it('disables a rule on one line with a directive above it', async () => {
    const uri = pathToFileURL(join(dir, 'report.md')).href;
    const long = (await client.diagnosticsFor(uri)).find((d) => d.code === 'readability/long-sentence')!;
    const action = (await actionsFor(uri, long)).find((a) => a.title === 'Disable readability/long-sentence on this line')!;
    const after = await applyAndWait(uri, action);
    assert.match(client.text(uri), /\n\n<!-- brug-disable-next-line readability\/long-sentence -->\nThis is short\./);
    assert.ok(!after.some((d) => d.code === 'readability/long-sentence'));
    assert.ok(after.some((d) => d.code === 'readability/passive-voice'));
  });

  it('disables a rule in the file with a directive at the top', async () => {
    const uri = pathToFileURL(join(dir, 'report.md')).href;
    const passive = (await client.diagnosticsFor(uri)).find((d) => d.code === 'readability/passive-voice')!;
    const action = (await actionsFor(uri, passive)).find((a) => a.title === 'Disable readability/passive-voice in this file')!;
    const after = await applyAndWait(uri, action);
    assert.ok(client.text(uri).startsWith('<!-- brug-disable readability/passive-voice -->\n# Employment'));
    assert.ok(!after.some((d) => d.code === 'readability/passive-voice'));
  });

  it('disables a rule in the project: creates .brug.yml through workspace/applyEdit', async () => {
    const uri = pathToFileURL(join(dir, 'rapport.md')).href;
    await client.open(uri, 'markdown', NL);
    const diags = await client.diagnosticsFor(uri);
    const abbr = diags.find((d) => d.code === 'readability/undefined-abbreviation');
    assert.ok(abbr, `an abbreviation finding in ${JSON.stringify(diags.map((d) => d.code))}`);
    const actions = await actionsFor(uri, abbr);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Accepteer "KVBW" in dit project'), titles.join(' | '));
    const project = actions.find((a) => a.title === 'Zet readability/undefined-abbreviation uit in dit project (.brug.yml)')!;
    assert.equal(project.command?.command, 'brug.applyConfigEdit');
    assert.ok(!existsSync(join(dir, '.brug.yml')));
    const after = await applyAndWait(uri, project);
    assert.ok(!after.some((d) => d.code === 'readability/undefined-abbreviation'));
    const created = client.appliedEdits.at(-1)!.documentChanges!;
    assert.equal((created[0] as { kind: string }).kind, 'create');
    assert.match(readFileSync(join(dir, '.brug.yml'), 'utf8'), /rules:\n {2}readability\/undefined-abbreviation: off\n/);
  });

  it('accepts a term in the project: adds it to vocabulary.accept in the existing .brug.yml', async () => {
    writeFileSync(join(dir, '.brug.yml'), '# team settings\naudience: practitioner\n');
    await client.watchedFilesChanged([{ uri: pathToFileURL(join(dir, '.brug.yml')).href, type: 2 }]);
    const uri = pathToFileURL(join(dir, 'rapport.md')).href;
    const abbr = await client.until(() => client.diagnostics.get(uri)?.diagnostics.find((d) => d.code === 'readability/undefined-abbreviation'), 'the abbreviation back');
    const accept = (await actionsFor(uri, abbr)).find((a) => a.title === 'Accepteer "KVBW" in dit project')!;
    assert.equal(accept.isPreferred, undefined);
    const after = await applyAndWait(uri, accept);
    assert.ok(!after.some((d) => d.code === 'readability/undefined-abbreviation'));
    assert.equal(readFileSync(join(dir, '.brug.yml'), 'utf8'), '# team settings\naudience: practitioner\nvocabulary:\n  accept:\n    - KVBW\n');
  });

  it('keeps an unsaved .brug.yml change in force while the editor holds it (file created empty, saved later)', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'brug-unsaved-'));
    const other = new TestClient({ folders: [sub] });
    try {
      await other.initialize();
      other.saveEditsToDisk = false;
      const uri = pathToFileURL(join(sub, 'rapport.md')).href;
      await other.open(uri, 'markdown', NL.replaceAll('KVBW', 'QXZR'));
      const abbr = (await other.diagnosticsFor(uri)).find((d) => d.code === 'readability/undefined-abbreviation')!;
      const actions = await other.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: abbr.range, context: { diagnostics: [abbr] } });
      const accept = actions.find((a) => a.title === 'Accepteer "QXZR" in dit project')!;
      const ymlFile = join(sub, '.brug.yml');
      const after = await other.nextDiagnostics(uri, () => other.request('workspace/executeCommand', { command: accept.command!.command, arguments: accept.command!.arguments }));
      assert.ok(!after.some((d) => d.code === 'readability/undefined-abbreviation'));
      assert.equal(readFileSync(ymlFile, 'utf8'), '', 'created empty on disk; the text is unsaved');
      // The watcher reports the new (empty) file: the unsaved text stays in force.
      const again = await other.nextDiagnostics(uri, () => other.watchedFilesChanged([{ uri: pathToFileURL(ymlFile).href, type: 1 }]));
      assert.ok(!again.some((d) => d.code === 'readability/undefined-abbreviation'));
      // A second accepted term builds on the unsaved text.
      const term = await other.request<{ applied: boolean }>('workspace/executeCommand', { command: 'brug.applyConfigEdit', arguments: [{ uri, edit: { path: ['vocabulary', 'accept'], value: 'ABCD' } }] });
      assert.equal(term.applied, true);
      assert.match(other.unsaved.get(pathToFileURL(ymlFile).href)!, /accept:\n {4}- QXZR\n {4}- ABCD\n$/);
      other.saveAll();
      const saved = await other.nextDiagnostics(uri, () => other.watchedFilesChanged([{ uri: pathToFileURL(ymlFile).href, type: 2 }]));
      assert.ok(!saved.some((d) => d.code === 'readability/undefined-abbreviation'));
    } finally {
      await other.stop();
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('source.fixAll.brug applies safe fixes only: rewording suggestions stay quick fixes (issue 13)', async () => {
    const uri = pathToFileURL(join(dir, 'fixall.md')).href;
    const text = '# Report\n\nWe will make a decision soon. They make a decision later. Teams conduct an analysis of the data.\n';
    await client.open(uri, 'markdown', text);
    const diags = await client.diagnosticsFor(uri);
    type Data = { fixes?: Array<{ preferred: boolean; kind?: string; edits: Array<{ newText: string; range: unknown }> }> };
    const fixes = diags.flatMap((d) => ((d.data ?? {}) as Data).fixes ?? []);
    assert.ok(fixes.filter((f) => f.preferred && f.edits.length > 0).length >= 2, 'preferred fixes are there');
    assert.ok(fixes.every((f) => f.kind === 'safe' || f.kind === 'suggestion'), 'each fix says its kind');
    const safeEdits = new Set(fixes.filter((f) => f.preferred && f.kind === 'safe').flatMap((f) => f.edits.map((e) => JSON.stringify(e))));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(actions.every((a) => a.kind === 'source.fixAll.brug'), 'only the asked kind');
    // Fix-all holds exactly the safe preferred fixes: no suggestion, whichever rule marked what.
    const all = actions.flatMap((a) => (a.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : [])));
    for (const e of all as Array<{ range: unknown; newText: string }>) assert.ok(safeEdits.has(JSON.stringify({ range: e.range, newText: e.newText })), JSON.stringify(e));
    assert.equal(all.length, safeEdits.size);
  });

  it('leaves out text edits a client could apply to a changed document (no documentChanges support)', async () => {
    const plain = new TestClient({ folders: [dir], capabilities: { workspace: { configuration: true, applyEdit: true }, textDocument: { codeAction: {} } } });
    try {
      await plain.initialize();
      const uri = pathToFileURL(join(dir, 'plain.md')).href;
      await plain.open(uri, 'markdown', 'We will make a decision soon.\n');
      const d = (await plain.diagnosticsFor(uri)).find((x) => x.code === 'vocabulary/jargon')!;
      // Made for a text the document no longer holds there.
      const data = d.data as { holds: Array<{ range: unknown; text: string }> };
      assert.ok(data.holds.length > 0, 'the text the fixes need');
      const stale = { ...d, data: { ...data, holds: data.holds.map((h) => ({ ...h, text: `${h.text}x` })) } };
      const actions = await plain.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [stale] } });
      assert.ok(!actions.some((a) => a.title.startsWith('Replace')), 'no stale replacement');
      const fresh = await plain.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const fix = fresh.find((a) => a.title === 'Replace "make a decision" → "decide"')!;
      assert.ok(fix.edit?.changes?.[uri], 'plain changes for clients without documentChanges');
    } finally {
      await plain.stop();
    }
  });
});
