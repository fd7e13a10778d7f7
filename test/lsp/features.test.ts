import { strict as assert } from 'node:assert';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, positionOf, sleep } from './client.js';

const NL = `# Rapport over schuldhulp

Dit is een korte zin. De gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en daardoor weinig ruimte hebben om zelf stappen te zetten.

## Aanpak

Wij spraken met twaalf inwoners. Zij vertelden over hun ervaringen.
`;

const EN = `# Report

The municipality works together with the agency on the support of residents with debts who have been in a difficult situation for a long time and therefore have little room to take steps themselves.
`;

describe('lsp: hover, code lens, commands', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'file:///tmp/brug-features/rapport.md';

  before(async () => {
    client = new TestClient();
    await client.initialize();
    await client.open(uri, 'markdown', NL);
    await client.diagnosticsFor(uri);
  });
  after(async () => client.stop());

  async function hover(at: { line: number; character: number }, on = uri): Promise<string | undefined> {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: on }, position: at });
    return h ? (h.contents as MarkupContent).value : undefined;
  }

  it('shows a finding with its rationale and docs link, then the paragraph metrics and the sentence length', async () => {
    const at = positionOf(NL, 'begeleiding');
    const value = await hover(at);
    assert.ok(value, 'a hover');
    assert.match(value, /\*\*readability\/long-sentence\*\*/);
    // The editor shows the diagnostic's message itself: the hover does not say it a second time.
    assert.doesNotMatch(value, /Deze zin telt \d+ woorden/);
    assert.match(value, /\*Waarom:\* Professionals hebben weinig tijd om te lezen/);
    assert.match(value, /\[Meer uitleg\]\(file:\/\/.*long-sentence\.md\)/);
    assert.match(value, /\*\*Deze alinea\*\*: \d+ woorden · 2 zinnen · [\d,]+ woorden per zin · [\d,]+ lettergrepen per woord · Flesch-Douma \d+ \([a-z ]+\) · LIX \d+/);
    assert.match(value, /\*Wat het moeilijk maakt:\* 1 van de 2 zinnen heeft meer dan 25 woorden \(de langste: \d+\)/);
    assert.match(value, /Deze zin: \d+ woorden\./);
  });

  it('shows paragraph metrics on a paragraph without findings, in English for an English document', async () => {
    const plain = await hover(positionOf(NL, 'twaalf'));
    assert.ok(plain);
    assert.doesNotMatch(plain, /readability\//);
    assert.match(plain, /Deze zin: 5 woorden\./);
    const en = 'file:///tmp/brug-features/report.md';
    await client.open(en, 'markdown', EN);
    await client.diagnosticsFor(en);
    const value = await hover(positionOf(EN, 'residents'), en);
    assert.match(value!, /\*Why:\* Professionals have little time/);
    assert.match(value!, /\*\*This paragraph\*\*: \d+ words · 1 sentence · .* Flesch Reading Ease -?\d+ \(/);
    assert.match(value!, /This sentence: \d+ words\./);
  });

  it('shows a section hover on a heading and nothing on blank lines', async () => {
    const value = await hover({ line: 4, character: 4 });
    assert.match(value!, /\*\*Deze sectie “Aanpak”\*\*: 10 woorden/);
    assert.equal(await hover({ line: 1, character: 0 }), undefined);
  });

  it('puts a code lens above each heading with words, score and band', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 2);
    assert.deepEqual(lenses.map((l) => l.range.start.line), [0, 4]);
    assert.match(lenses[0]!.command!.title, /^\d+ woorden · Flesch-Douma \d+ \([a-z ]+\)( · cliënten \d+× genoemd)?$/);
    assert.match(lenses[1]!.command!.title, /^10 woorden · Flesch-Douma \d+ \([a-z ]+\)( · cliënten \d+× genoemd)?$/);
    // A click opens the report at that section.
    assert.deepEqual(lenses.map((l) => [l.command!.command, l.command!.arguments]), [
      ['brug.showReport', [{ uri, line: 0 }]],
      ['brug.showReport', [{ uri, line: 4 }]],
    ]);
  });

  it('switches code lenses off with brug.codeLens', async () => {
    await client.setSettings({ codeLens: false });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, []);
    await client.setSettings({});
  });

  it('answers brug/documentStatus and sends the status after each check', async () => {
    const status = await client.request<{ language: string; score: number; band: string; enabled: boolean; findings: number }>('brug/documentStatus', { uri });
    assert.equal(status.language, 'nl');
    assert.equal(status.enabled, true);
    assert.equal(typeof status.score, 'number');
    assert.match(status.band, /^[a-z ]+$/);
    assert.ok(client.statuses.some((s) => (s as { uri: string }).uri === uri));
  });

  it('returns the report data: metrics, sections with metrics, findings per rule', async () => {
    const report = await client.request<{
      language: string;
      messages: string;
      scoreName: string;
      metrics: { words: number };
      sections: Array<{ title: string; metrics: { words: number }; band: string; line: number }>;
      rules: Array<{ ruleId: string; count: number; description: string; findings: Array<{ message: string; range: unknown }> }>;
      findings: number;
    }>('workspace/executeCommand', { command: 'brug.report', arguments: [uri] });
    assert.equal(report.language, 'nl');
    assert.equal(report.messages, 'nl');
    assert.equal(report.scoreName, 'Flesch-Douma');
    assert.deepEqual(report.sections.map((s) => [s.title, s.line]), [['Rapport over schuldhulp', 1], ['Aanpak', 5]]);
    const long = report.rules.find((r) => r.ruleId === 'readability/long-sentence')!;
    assert.equal(long.count, 1);
    assert.equal(long.description, 'Zinnen die te lang zijn voor lezers in de praktijk.');
    assert.equal(report.findings, report.rules.reduce((n, r) => n + r.count, 0));
    const byObject = await client.request<{ uri: string }>('workspace/executeCommand', { command: 'brug.report', arguments: [{ uri }] });
    assert.equal(byObject.uri, uri);
  });

  it('switches Brug off and on for one document with brug.toggleDocument', async () => {
    const off = await client.request<{ enabled: boolean }>('workspace/executeCommand', { command: 'brug.toggleDocument', arguments: [{ uri }] });
    assert.equal(off.enabled, false);
    await client.until(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 'cleared diagnostics');
    const status = await client.request<{ enabled: boolean; skipped: string }>('brug/documentStatus', { uri });
    assert.deepEqual([status.enabled, status.skipped], [false, 'disabled']);
    assert.equal(await hover(positionOf(NL, 'begeleiding')), undefined);
    const on = await client.request<{ enabled: boolean }>('workspace/executeCommand', { command: 'brug.toggleDocument', arguments: [uri] });
    assert.equal(on.enabled, true);
    await client.until(() => (client.diagnostics.get(uri)?.diagnostics.length ?? 0) > 0, 're-published diagnostics');
  });
});

describe('lsp: language ids and formats', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  const LONG = 'De gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en daardoor weinig ruimte hebben om zelf stappen te zetten.';
  const cases: Array<[string, string, string]> = [
    ['markdown', 'a.md', `# Titel\n\n${LONG}\n`],
    ['quarto', 'a.qmd', `---\ntitle: "Titel"\n---\n\n${LONG}\n\n\`\`\`{r}\nx <- 1\n\`\`\`\n`],
    ['rmd', 'a.Rmd', `---\ntitle: "Titel"\n---\n\n${LONG}\n`],
    ['plaintext', 'a.txt', `Titel\n\n${LONG}\n`],
    ['latex', 'a.tex', `\\documentclass{article}\n\\begin{document}\n\\section{Titel}\n${LONG}\n\\end{document}\n`],
  ];
  for (const [languageId, name, text] of cases) {
    it(`checks a ${languageId} document`, async () => {
      const uri = `file:///tmp/brug-ids/${name}`;
      await client.open(uri, languageId, text);
      const diags = await client.diagnosticsFor(uri);
      const long = diags.find((d) => d.code === 'readability/long-sentence');
      assert.ok(long, `long sentence in ${languageId}: ${JSON.stringify(diags.map((d) => d.code))}`);
      const end = positionOf(text, 'zetten.');
      assert.deepEqual(long.range, { start: positionOf(text, 'De gemeente'), end: { line: end.line, character: end.character + 'zetten.'.length } });
    });
  }

  it('takes the format from the extension when the language id is unknown, and skips other files', async () => {
    const uri = 'file:///tmp/brug-ids/b.markdown';
    await client.open(uri, 'some-markdown-flavour', `# Titel\n\n${LONG}\n`);
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'readability/long-sentence'));
    const js = 'file:///tmp/brug-ids/code.js';
    await client.open(js, 'javascript', `// ${LONG}\n`);
    await sleep(300);
    const status = await client.request<{ skipped: string }>('brug/documentStatus', { uri: js });
    assert.equal(status.skipped, 'unsupported');
    assert.equal(client.diagnostics.get(js), undefined, 'no diagnostics for a JavaScript file');
  });
});

describe('lsp: huge documents', function () {
  this.timeout(30000);
  it('skips a document over brug.maxDocumentSize with one information message', async () => {
    const client = new TestClient({ settings: { maxDocumentSize: 20000 } });
    try {
      await client.initialize();
      const uri = 'file:///tmp/brug-huge/groot.md';
      const para = 'Er wordt gekeken naar de gegevens van de gemeente en de inwoners. ';
      await client.open(uri, 'markdown', `# Groot\n\n${para.repeat(400)}\n`);
      const message = await client.until(() => client.messages.find((m) => /groot\.md/.test(m.message)), 'a message');
      assert.equal(message.type, 3, 'information');
      assert.match(message.message, /^Brug controleert groot\.md niet: het is 26 KB, meer dan de grens van 20 KB \(instelling brug\.maxDocumentSize\)\.$/);
      // More edits of the still-huge document: no second message, no diagnostics.
      for (let i = 0; i < 3; i++) await client.change(uri, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'Heel ' }]);
      await sleep(300);
      const status = await client.request<{ skipped: string }>('brug/documentStatus', { uri });
      assert.equal(status.skipped, 'too-large');
      assert.equal(client.messages.filter((m) => /groot\.md/.test(m.message)).length, 1);
      assert.ok(!client.publications.some((p) => p.uri === uri && p.diagnostics.length > 0));
      // Small again: checked again.
      await client.change(uri, [{ text: '# Klein\n\nEr wordt gekeken naar de gegevens.\n' }]);
      assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'readability/passive-voice'));
    } finally {
      await client.stop();
    }
  });
});
