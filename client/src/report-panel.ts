import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { type Lang, t } from './messages';
import { ServerCommands, isSupportedLanguage, isSupportedScheme } from './protocol';
import { renderMessage, renderPage, renderReportBody, reportLanguage } from './report-html';
import { Debounced } from './debounce.js';

/**
 * The report view: one webview panel that shows the server's report (brug.report) for a document.
 * It follows the active Brug document, and updates after the document changes, once the server
 * has published new diagnostics for it.
 */
export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'brug.report';
  private static current: ReportPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly refresher = new Debounced(() => this.refresh());
  private generation = 0;
  private loaded = false;
  /** The section to show once the report is there (from a code lens), then forgotten. */
  private focusLine: number | undefined;
  /**
   * The section the reader came for, kept for this document: a page that is loaded whole again
   * (after the panel was hidden) shows it again. The page itself keeps it through updates.
   */
  private sectionLine: number | undefined;
  /** Language of the last report's texts, as the server said. */
  private reportLang: Lang | undefined;

  /** `focusLine`: a section's heading line (0-based), when the panel is opened from its code lens. */
  static show(uri: vscode.Uri, client: () => LanguageClient | undefined, uiLang: (uri?: vscode.Uri) => Lang, focusLine?: number): ReportPanel {
    if (ReportPanel.current) {
      // The focus goes with the next refresh (scheduled by retarget), after the report of `uri` is in.
      ReportPanel.current.retarget(uri);
      ReportPanel.current.focusLine = focusLine;
      ReportPanel.current.panel.reveal(undefined, true);
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      ReportPanel.viewType,
      'Brug',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false },
    );
    ReportPanel.current = new ReportPanel(panel, uri, client, uiLang);
    ReportPanel.current.focusLine = focusLine;
    return ReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private uri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly uiLang: (uri?: vscode.Uri) => Lang,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        // A hidden webview loses its page (no retainContextWhenHidden): load it whole when shown again.
        if (panel.visible) this.schedule(0);
        else this.loaded = false;
      }),
      vscode.languages.onDidChangeDiagnostics((ev) => {
        if (ev.uris.some((u) => u.toString() === this.uri.toString())) this.schedule(200);
      }),
      vscode.workspace.onDidChangeTextDocument((ev) => {
        // Fallback when a change brings no new diagnostics: refresh a little later.
        if (ev.document.uri.toString() === this.uri.toString() && ev.contentChanges.length) this.schedule(1500);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const d = editor?.document;
        if (d && isSupportedLanguage(d.languageId) && isSupportedScheme(d.uri.scheme) && d.uri.toString() !== this.uri.toString()) this.retarget(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((ev) => {
        if (ev.affectsConfiguration('brug')) this.schedule(500);
      }),
    );
    this.setTitle();
    this.setBody(renderMessage(t(this.lang(), 'reportLoading'), this.name(), this.lang()));
    this.schedule(0);
  }

  private lang(): Lang {
    const setting = vscode.workspace.getConfiguration('brug', this.uri).get<string>('messages', 'auto');
    if (setting === 'nl' || setting === 'en') return setting;
    return this.reportLang ?? this.uiLang(this.uri);
  }

  private name(): string {
    return this.uri.path.split('/').pop() || this.uri.toString();
  }

  private setTitle(): void {
    this.panel.title = t(this.lang(), 'reportTitle', this.name());
  }

  retarget(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) {
      this.schedule(0);
      return;
    }
    this.uri = uri;
    this.reportLang = undefined;
    this.focusLine = undefined;
    this.sectionLine = undefined;
    this.setTitle();
    this.schedule(0);
  }

  /** Asks for a refresh in `delay` ms; later requests replace earlier ones. */
  schedule(delay: number): void {
    this.refresher.schedule(delay);
  }

  async refresh(): Promise<void> {
    if (!this.panel.visible) return; // refreshed again when it becomes visible
    const gen = ++this.generation;
    const client = this.client();
    const lang = this.lang();
    if (!client || !client.isRunning()) {
      this.setBody(renderMessage(t(lang, 'reportLoading'), this.name(), lang));
      this.schedule(1000);
      return;
    }
    let body: string;
    try {
      const data = await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.report, arguments: [{ uri: this.uri.toString() }] });
      if (gen !== this.generation) return;
      this.reportLang = reportLanguage(data) ?? this.reportLang;
      const lang2 = this.lang(); // the document's language may be known by now
      this.setTitle();
      body = data === null || data === undefined ? renderMessage(t(lang2, 'reportEmpty'), this.name(), lang2) : renderReportBody(data, lang2, this.name());
    } catch (err) {
      if (gen !== this.generation) return;
      body = renderMessage(t(lang, 'reportError', err instanceof Error ? err.message : String(err)), this.name(), lang);
    }
    this.setBody(body);
  }

  private setBody(body: string): void {
    const focus = this.focusLine;
    this.focusLine = undefined;
    if (focus !== undefined) this.sectionLine = focus;
    if (!this.loaded) {
      this.panel.webview.html = renderPage(body, this.lang(), nonce(), this.panel.webview.cspSource, focus ?? this.sectionLine);
      this.loaded = true;
    } else {
      // Keep the page (and its scroll position): the page's script swaps the content.
      void this.panel.webview.postMessage({ type: 'update', html: body });
      if (focus !== undefined) void this.panel.webview.postMessage({ type: 'focus', line: focus });
    }
  }

  private async onMessage(m: unknown): Promise<void> {
    if (typeof m !== 'object' || m === null) return;
    const msg = m as { type?: string; line?: number; character?: number; href?: unknown };
    if (msg.type === 'docs' && typeof msg.href === 'string') return this.openDocs(msg.href);
    if (msg.type !== 'reveal' || typeof msg.line !== 'number' || !Number.isFinite(msg.line)) return;
    const pos = new vscode.Position(Math.max(0, msg.line), Math.max(0, Number(msg.character) || 0));
    const visible = vscode.window.visibleTextEditors.find((ed) => ed.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(this.uri, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(pos, pos),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** A rule's documentation: a Markdown file in the extension (shown as a preview) or a web page. */
  private async openDocs(href: string): Promise<void> {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(href, true);
    } catch {
      return;
    }
    if (uri.scheme === 'http' || uri.scheme === 'https') {
      await vscode.env.openExternal(uri);
      return;
    }
    if (uri.scheme !== 'file') return;
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.commands.executeCommand('vscode.open', uri);
    }
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    this.refresher.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  static disposeCurrent(): void {
    ReportPanel.current?.dispose();
  }
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}
