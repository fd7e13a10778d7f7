import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type Lang, languageName, pick, t, verdictName } from './messages';
import { ClientCommands, type DocumentStatus, DocumentStatusRequest, isSupportedLanguage, isSupportedScheme } from './protocol';
import { Debounced } from './debounce.js';

/**
 * The status bar item: the active document's language, readability score and client-perspective
 * verdict, from the server's brug/documentStatus. Refreshed when the document's diagnostics change
 * (the server has finished a run), when the editor changes, and after edits as a fallback.
 * Clicking it opens the report.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly refresher = new Debounced(() => this.refresh());
  private generation = 0;
  /** Last known language per document, for UI strings elsewhere (report, notifications). */
  readonly languages = new Map<string, string>();
  state: 'starting' | 'running' | 'failed' = 'starting';

  constructor(
    private readonly getClient: () => LanguageClient | undefined,
    private readonly uiLang: (uri?: vscode.Uri) => Lang,
  ) {
    this.item = vscode.window.createStatusBarItem('brug.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Brug';
    this.item.command = ClientCommands.showReport;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((ev) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && ev.uris.some((u) => u.toString() === uri)) this.schedule(100);
      }),
      vscode.workspace.onDidChangeTextDocument((ev) => {
        if (ev.document === vscode.window.activeTextEditor?.document && ev.contentChanges.length) this.schedule(1500);
      }),
      vscode.workspace.onDidChangeConfiguration((ev) => {
        if (ev.affectsConfiguration('brug')) this.schedule(300);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.languages.delete(d.uri.toString())),
    );
    this.schedule(0);
  }

  /** Asks for a refresh in `delay` ms; later requests replace earlier ones. */
  schedule(delay: number): void {
    this.refresher.schedule(delay);
  }

  private activeDocument(): vscode.TextDocument | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isSupportedLanguage(doc.languageId) || !isSupportedScheme(doc.uri.scheme)) return undefined;
    return doc;
  }

  async refresh(): Promise<void> {
    const gen = ++this.generation;
    const doc = this.activeDocument();
    if (!doc) {
      this.item.hide();
      return;
    }
    const lang = this.uiLang(doc.uri);
    if (!vscode.workspace.getConfiguration('brug', doc.uri).get<boolean>('enable', true)) {
      this.show('$(circle-slash) Brug', t(lang, 'disabled'));
      return;
    }
    if (this.state === 'failed') {
      this.show(`$(error) ${t(lang, 'statusNoServer')}`, t(this.uiLang(doc.uri), 'serverFailed'));
      return;
    }
    const client = this.getClient();
    if (!client || this.state === 'starting' || !client.isRunning()) {
      this.show(`$(loading~spin) ${t(lang, 'statusStarting')}`, t(lang, 'statusTooltip'));
      return;
    }
    let status: DocumentStatus | null | undefined;
    try {
      status = await client.sendRequest<DocumentStatus | null>(DocumentStatusRequest, { uri: doc.uri.toString() });
    } catch {
      status = undefined;
    }
    if (gen !== this.generation) return; // a newer refresh is under way
    this.render(doc, status);
  }

  /** The server's brug/documentStatusChanged notification: show it at once when it is about the active document. */
  onStatus(status: DocumentStatus & { uri?: string }): void {
    if (!status || typeof status.uri !== 'string') return;
    if (typeof status.language === 'string') this.languages.set(status.uri, status.language);
    const doc = this.activeDocument();
    if (!doc || doc.uri.toString() !== status.uri || this.state !== 'running') return;
    if (!vscode.workspace.getConfiguration('brug', doc.uri).get<boolean>('enable', true)) return;
    ++this.generation; // an older request still under way must not overwrite this
    this.refresher.cancel();
    this.render(doc, status);
  }

  private render(doc: vscode.TextDocument, status: DocumentStatus | null | undefined): void {
    if (status && typeof status.language === 'string') this.languages.set(doc.uri.toString(), status.language);
    const lang = this.uiLang(doc.uri);
    if (!status) {
      this.show('$(book) Brug', t(lang, 'statusTooltip'));
      return;
    }
    if (status.enabled === false || status.disabled === true || status.skipped === 'disabled') {
      this.show(`$(circle-slash) ${t(lang, 'statusOff')}`, t(lang, 'statusOffTooltip'));
      return;
    }
    if (status.tooLarge || status.skipped === 'too-large') {
      this.show(`$(warning) ${t(lang, 'statusTooLarge')}`, t(lang, 'statusTooltip'));
      return;
    }
    if (status.skipped === 'unsupported') {
      this.show(`$(book) ${t(lang, 'statusUnsupported')}`, t(lang, 'notSupported'));
      return;
    }
    if (status.skipped === 'pending' && typeof status.score !== 'number') {
      this.show(`$(loading~spin) ${t(lang, 'statusPending')}`, t(lang, 'statusTooltip'));
      this.schedule(1500);
      return;
    }
    const parts: string[] = [];
    if (typeof status.language === 'string' && status.language) parts.push(status.language.toUpperCase());
    const score = typeof status.score === 'number' && Number.isFinite(status.score) ? Math.round(status.score) : undefined;
    if (score !== undefined) parts.push(String(score));
    const verdict = status.verdict === 'not-applicable' ? undefined : verdictName(lang, status.verdict);
    if (verdict) parts.push(`${t(lang, 'clientPerspective')}: ${verdict}`);
    const practice = practiceCount(status.practice, lang);
    if (practice) parts.push(practice);
    const band = pick(status.band, lang);

    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**Brug**\n\n');
    if (status.language) md.appendText(`${languageName(lang, status.language)}\n\n`);
    if (score !== undefined) md.appendText(`${lang === 'nl' ? 'Leesbaarheid' : 'Readability'}: ${score}${band ? ` (${band})` : ''}\n\n`);
    if (verdict) md.appendText(`${capitalize(t(lang, 'clientPerspective'))}: ${verdict}\n\n`);
    if (practice) md.appendText(`${lang === 'nl' ? 'Praktijkkaart: inzichten gevonden' : 'Practice fit: insights found'} ${practice.split(' ')[1]}\n\n`);
    md.appendText(t(lang, 'statusTooltip'));
    this.show(`$(book) Brug ${parts.join(' · ')}`.trim(), md);
  }

  private show(text: string, tooltip: string | vscode.MarkdownString): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.refresher.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

/** "praktijk 7/12": practice-fit insights found of those that apply, read defensively. */
export function practiceCount(p: unknown, lang: Lang): string | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const { found, applicable } = p as { found?: unknown; applicable?: unknown };
  if (typeof found !== 'number' || typeof applicable !== 'number' || applicable <= 0) return undefined;
  return `${lang === 'nl' ? 'praktijk' : 'practice'} ${found}/${applicable}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
