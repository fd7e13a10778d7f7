/**
 * A small stand-in for Brug's language server, speaking the same protocol as the real one
 * (diagnostics with source "brug", a quick fix, hover, code lens, brug/documentStatus, brug.report,
 * brug.toggleDocument, brug.checkWorkspace). Lets the client and the e2e harness be tested on
 * their own: `node scripts/package.mjs --server test/e2e/fake-server.ts --out …`, then
 * `BRUG_E2E_VSIX=… node --import tsx test/e2e/run.ts`. The real e2e run uses the real server.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const off = new Set<string>();

interface Long {
  start: number;
  end: number;
  words: number;
}

function longSentences(text: string): Long[] {
  const out: Long[] = [];
  const re = /[^.!?\n]+[.!?]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = m[0].trim().split(/\s+/).length;
    if (words > 25) out.push({ start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length, words });
  }
  return out;
}

function sections(doc: TextDocument) {
  const lines = doc.getText().split('\n');
  const out: Array<{ title: string; level: number; line: number; metrics: { words: number; score: number; band: { nl: string; en: string } } }> = [];
  lines.forEach((l, i) => {
    const m = /^(#{1,6})\s+(.*)$/.exec(l);
    if (m) out.push({ title: m[2]!, level: m[1]!.length, line: i + 1, metrics: { words: 100 + i, score: (i * 7) % 80, band: { nl: 'moeilijk', en: 'difficult' } } });
  });
  return out;
}

function validate(doc: TextDocument): void {
  if (off.has(doc.uri)) {
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    return;
  }
  const diagnostics: Diagnostic[] = longSentences(doc.getText()).map((s) => ({
    range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) },
    severity: DiagnosticSeverity.Warning,
    source: 'brug',
    code: 'readability/long-sentence',
    message: `Lange zin: ${s.words} woorden. Splits hem.`,
    data: s,
  }));
  void connection.sendDiagnostics({ uri: doc.uri, diagnostics });
  void connection.sendNotification('brug/documentStatusChanged', status(doc.uri));
}

function status(uri: string): Record<string, unknown> {
  if (off.has(uri)) return { uri, enabled: false, skipped: 'disabled' };
  return { uri, enabled: true, language: 'nl', score: 38.4, band: 'moeilijk', verdict: 'partial' };
}

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    hoverProvider: true,
    codeLensProvider: { resolveProvider: false },
    executeCommandProvider: { commands: ['brug.checkWorkspace', 'brug.report', 'brug.toggleDocument'] },
  },
}));

documents.onDidChangeContent((e) => validate(e.document));
documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

connection.onCodeAction((p) => {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return [];
  return p.context.diagnostics
    .filter((d) => d.source === 'brug')
    .map((d) => {
      const text = doc.getText(d.range);
      const i = text.indexOf(', ');
      const words = text.split(' ');
      const half = Math.floor(words.length / 2);
      const fixed = i > 0 ? `${text.slice(0, i)}. ${text.charAt(i + 2).toUpperCase()}${text.slice(i + 3)}` : `${words.slice(0, half).join(' ')}. ${words.slice(half).join(' ')}`;
      return {
        title: 'Splits de zin bij de komma',
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics: [d],
        edit: { changes: { [doc.uri]: [{ range: d.range, newText: fixed }] } },
      };
    });
});

connection.onHover((p) => {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return null;
  const off = doc.offsetAt(p.position);
  const s = longSentences(doc.getText()).find((x) => x.start <= off && off <= x.end);
  return s ? { contents: { kind: 'markdown', value: `**Brug** · lange zin (${s.words} woorden)` } } : null;
});

connection.onCodeLens((p) => {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return [];
  return sections(doc).map((s) => ({
    range: { start: { line: s.line - 1, character: 0 }, end: { line: s.line - 1, character: 0 } },
    command: { title: `${s.metrics.words} woorden · Flesch-Douma ${s.metrics.score} (moeilijk)`, command: '' },
  }));
});

connection.onRequest('brug/documentStatus', (p: { uri: string }) => status(p.uri));

connection.onExecuteCommand((p) => {
  const arg = (p.arguments ?? [])[0] as { uri?: string } | string | undefined;
  const uri = typeof arg === 'string' ? arg : arg?.uri;
  if (p.command === 'brug.toggleDocument' && uri) {
    if (off.has(uri)) off.delete(uri);
    else off.add(uri);
    const doc = documents.get(uri);
    if (doc) validate(doc);
    return { enabled: !off.has(uri) };
  }
  if (p.command === 'brug.report' && uri) {
    const doc = documents.get(uri);
    if (!doc) return null;
    const longs = longSentences(doc.getText());
    return {
      uri,
      language: 'nl',
      messages: 'nl',
      metrics: { words: 1234, sentences: 80, averageSentenceLength: 15.4, longSentenceShare: 0.12, passiveShare: 0.2, score: 38.4, band: { nl: 'moeilijk', en: 'difficult' }, lix: 48 },
      band: 'moeilijk',
      scoreName: 'Flesch-Douma',
      sections: sections(doc).map((s) => ({ ...s, band: 'moeilijk', clientMentions: s.line % 3 })),
      rules: [
        {
          ruleId: 'readability/long-sentence',
          description: 'Lange zinnen',
          docs: '',
          count: longs.length,
          findings: longs.map((s) => ({ message: `Lange zin: ${s.words} woorden.`, severity: 'warning', range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) } })),
        },
      ],
      findings: longs.length,
      clientPerspective: { verdict: 'partial', evidence: [{ line: 5, text: 'cliënten centraal', kind: 'mention' }] },
    };
  }
  if (p.command === 'brug.checkWorkspace') return { files: documents.all().length, findings: 0 };
  return null;
});

documents.listen(connection);
connection.listen();
