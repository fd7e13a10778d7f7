/**
 * Brug's VS Code extension: a thin client around Brug's language server.
 * It starts the server (server/dist/server.cjs, over IPC), shows a status bar item and a report
 * view, and offers three commands. Everything about the text comes from the server.
 */
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { type Lang, t, uiLanguage } from './messages';
import { ClientCommands, type DocumentStatus, DocumentStatusNotification, LANGUAGE_IDS, SCHEMES, ServerCommands, isSupportedLanguage, isSupportedScheme, serverEnvironment } from './protocol';
import { ReportPanel } from './report-panel';
import { StatusBar } from './status';

let client: LanguageClient | undefined;
let status: StatusBar | undefined;

/** The language of the client's own strings for a document (see messages.ts). */
function uiLang(uri?: vscode.Uri): Lang {
  const setting = vscode.workspace.getConfiguration('brug', uri).get<string>('messages', 'auto');
  const docLang = uri ? status?.languages.get(uri.toString()) : undefined;
  return uiLanguage(setting, docLang, vscode.env.language);
}

/** A document URI from a command argument (Uri, string, {uri}) or else the active editor. */
function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  if (typeof arg === 'object' && arg !== null && 'uri' in arg) return targetUri((arg as { uri: unknown }).uri);
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isSupportedLanguage(doc.languageId) && isSupportedScheme(doc.uri.scheme) ? doc.uri : undefined;
}

async function executeOnServer(command: string, args: unknown[]): Promise<unknown> {
  if (!client) throw new Error(t(uiLang(), 'serverFailed'));
  if (!client.isRunning()) await client.start();
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = new LanguageClient('brug', 'Brug', serverOptions(context), clientOptions(context));
  const bar = new StatusBar(() => client, uiLang);
  status = bar;
  context.subscriptions.push(bar);
  client.onNotification(DocumentStatusNotification, (s: DocumentStatus & { uri?: string }) => status?.onStatus(s));
  context.subscriptions.push(...watchClient(client), ...registerCommands());
  try {
    await client.start();
    bar.state = 'running';
  } catch (err) {
    bar.state = 'failed';
    client.error(t(uiLang(), 'serverFailed'), err, 'force');
  }
  bar.schedule(0);
}

/**
 * The bundled server, over its standard input and output; BRUG_HOME tells it where its dictionaries, docs and schema
 * are, SERVER_ENVIRONMENT how the C library's allocator keeps its memory (protocol.ts).
 *
 * Not over Node's IPC channel (until session 36): there every message is written by JSON.stringify of the whole
 * message, while on a stream the server writes a publication from each diagnostic's JSON made once
 * (server/src/lsp/publish-writer.ts), and after an edit almost all of a long document's diagnostics are the ones
 * published before. At 100,000 words (875 diagnostics, 442 KB a publication) the edits that re-published took a median
 * 13.6–15.5 ms over IPC against 10.9–12.6 ms on the stream (bench/lsp-latency.ts --transport ipc; bench/RESULTS.md
 * "Session 36").
 */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const serverModule = context.asAbsolutePath('server/dist/server.cjs');
  const env = serverEnvironment({ ...process.env, BRUG_HOME: context.extensionPath });
  return {
    // Brug's cue patterns are large regular expressions: compiled once, straight to machine code
    // (see server/bin/brug.js and bench/RESULTS.md, cold start).
    run: { module: serverModule, transport: TransportKind.stdio, options: { env, execArgv: ['--no-regexp-tier-up'] } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { env, execArgv: ['--no-regexp-tier-up', '--nolazy', '--inspect=6011'] } },
  };
}

function clientOptions(context: vscode.ExtensionContext): LanguageClientOptions {
  // The reports, and .brug.yml itself (the server completes its keys and values and shows its problems).
  const documentSelector = [
    ...SCHEMES.flatMap((scheme) => LANGUAGE_IDS.map((language) => ({ scheme, language }))),
    { scheme: 'file', pattern: '**/.brug.{yml,yaml}' },
  ];
  return {
    documentSelector,
    diagnosticCollectionName: 'brug',
    synchronize: {
      configurationSection: 'brug',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.brug.{yml,yaml}'),
    },
    // An untrusted folder may not point Brug at dictionaries or files of its own choosing: the
    // server reads `trusted` and then ignores those parts of the folder's .brug.yml.
    initializationOptions: { client: 'vscode', extensionPath: context.extensionPath, trusted: vscode.workspace.isTrusted },
    middleware: middleware(context),
  };
}

function middleware(context: vscode.ExtensionContext): LanguageClientOptions['middleware'] {
  const ownRoot = context.extensionUri.toString().replace(/\/?$/, '/');
  const isOwnFile = (uri: vscode.Uri) => uri.toString().startsWith(ownRoot);
  return {
    // Brug's own files (the rule pages that "About this rule" opens) are not checked.
    didOpen: (doc, next) => (isOwnFile(doc.uri) ? Promise.resolve() : next(doc)),
    didChange: (ev, next) => (isOwnFile(ev.document.uri) ? Promise.resolve() : next(ev)),
    didSave: (doc, next) => (isOwnFile(doc.uri) ? Promise.resolve() : next(doc)),
    didClose: (doc, next) => (isOwnFile(doc.uri) ? Promise.resolve() : next(doc)),
    handleDiagnostics: (uri, diagnostics, next) => next(uri, isOwnFile(uri) ? [] : diagnostics),
    provideCodeLenses: (doc, token, next) => (isOwnFile(doc.uri) ? [] : next(doc, token)),
    // The server's own commands (registered by vscode-languageclient) get the active document
    // when they are run without an argument, for example from a keybinding.
    executeCommand: async (command, args, next) => {
      if ((command === ServerCommands.toggleDocument || command === ServerCommands.report) && args.length === 0) {
        const uri = targetUri(undefined);
        if (uri) args = [{ uri: uri.toString() }];
      }
      const result = await next(command, args);
      if (command === ServerCommands.toggleDocument) status?.schedule(200);
      return result;
    },
  };
}

/** The status bar follows the server's state; trust granted restarts the server. */
function watchClient(c: LanguageClient): vscode.Disposable[] {
  return [
    c.onDidChangeState((e) => {
      if (!status) return;
      // Stopped: the server crashed too often, or start failed; vscode-languageclient has told the user.
      status.state = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'failed';
      status.schedule(0);
    }),
    // Trust is granted once and never taken back in a window: restart the server so it reads the
    // folder's .brug.yml in full.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      (c.clientOptions.initializationOptions as { trusted?: boolean }).trusted = true;
      void c.restart();
    }),
  ];
}

function registerCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ClientCommands.showReport, showReport),
    vscode.commands.registerCommand(ClientCommands.toggleForDocument, toggleForDocument),
    vscode.commands.registerCommand(ClientCommands.checkWorkspace, checkWorkspace),
    { dispose: () => ReportPanel.disposeCurrent() },
  ];
}

/** Brug: Show report; from a code lens with `{uri, line}`, opened at that section. */
function showReport(arg?: unknown): void {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage(t(uiLang(), 'noDocument'));
    return;
  }
  const line = typeof arg === 'object' && arg !== null && typeof (arg as { line?: unknown }).line === 'number' ? (arg as { line: number }).line : undefined;
  ReportPanel.show(uri, () => client, uiLang, line);
}

async function toggleForDocument(arg?: unknown): Promise<void> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage(t(uiLang(), 'noDocument'));
    return;
  }
  const lang = uiLang(uri);
  try {
    const result = await executeOnServer(ServerCommands.toggleDocument, [{ uri: uri.toString() }]);
    const enabled = readEnabled(result);
    const name = uri.path.split('/').pop() ?? uri.toString();
    if (enabled !== undefined) void vscode.window.setStatusBarMessage(t(lang, enabled ? 'toggledOn' : 'toggledOff', name), 4000);
  } catch (err) {
    void vscode.window.showErrorMessage(t(lang, 'requestFailed', errorText(err)));
  }
  status?.schedule(200);
}

async function checkWorkspace(): Promise<void> {
  const lang = uiLang(vscode.window.activeTextEditor?.document.uri);
  try {
    // The server reports its own (cancellable) progress.
    const result = await executeOnServer(ServerCommands.checkWorkspace, []);
    const counts = readCounts(result);
    const text = counts ? t(lang, 'workspaceCheckedCount', counts.files, counts.findings) : t(lang, 'workspaceChecked');
    const open = lang === 'nl' ? 'Problemen tonen' : 'Show problems';
    const choice = await vscode.window.showInformationMessage(text, open);
    if (choice === open) await vscode.commands.executeCommand('workbench.actions.view.problems');
  } catch (err) {
    void vscode.window.showErrorMessage(t(lang, 'requestFailed', errorText(err)));
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch {
      // The server may already be gone.
    }
  }
}

function readEnabled(result: unknown): boolean | undefined {
  if (typeof result === 'boolean') return result;
  if (typeof result === 'object' && result !== null) {
    const r = result as Record<string, unknown>;
    if (typeof r.enabled === 'boolean') return r.enabled;
    if (typeof r.disabled === 'boolean') return !r.disabled;
  }
  return undefined;
}

function readCounts(result: unknown): { files: number; findings: number } | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const r = result as Record<string, unknown>;
  const files = typeof r.checked === 'number' ? r.checked : typeof r.files === 'number' ? r.files : Array.isArray(r.files) ? r.files.length : typeof r.documents === 'number' ? r.documents : undefined;
  const findings = typeof r.findings === 'number' ? r.findings : typeof r.diagnostics === 'number' ? r.diagnostics : Array.isArray(r.findings) ? r.findings.length : undefined;
  return files !== undefined && findings !== undefined ? { files, findings } : undefined;
}
