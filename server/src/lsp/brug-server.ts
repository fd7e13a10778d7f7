/**
 * The language server: wires the connection's requests and notifications to the parts in
 * this folder. Every handler is wrapped: an error is logged and answered with an empty
 * result, never allowed to take the server down.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  MessageType,
  WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import type { CodeAction, CodeLens, CompletionItem, Connection, DocumentDiagnosticReport, Hover, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport, InitializeParams, InitializeResult, TextDocumentEdit, WorkspaceEdit, WorkspaceFolder } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Language } from '../engine/types.js';
import { CONFIG_NAMES } from '../workspace/config-file.js';
import { ConfigEditError, applyConfigEdit, textChange } from '../workspace/config-edit.js';
import { VERSION } from '../workspace/version.js';
import { insideRoots } from '../workspace/workspace.js';
import { MAX_CONFIG_BYTES, readDocument, readSmallText } from '../workspace/read.js';
import { clientFeatures, serverCapabilities } from './capabilities.js';
import type { ClientFeatures } from './capabilities.js';
import { Checker, faultyRule, formatFor, forgetEngines, pathOf, projectDictionaryFiles } from './checker.js';
import type { CheckOutcome } from './checker.js';
import { codeActions } from './code-actions.js';
import { codeLenses } from './code-lens.js';
import { configCompletionItems } from './config-completion.js';
import { toDiagnostics } from './diagnostics.js';
import { FileProblems, SettingsStore } from './configuration.js';
import { OpenDocuments } from './documents.js';
import type { Logger } from './documents.js';
import { hoverAt } from './hover.js';
import { messages, say } from './messages.js';
import { ProjectConfigs } from './project-config.js';
import { Commands, DocumentStatusRequest } from './protocol.js';
import type { ApplyConfigEditArgs, DocumentStatus, ReportData } from './protocol.js';
import { reportData } from './report.js';
import { checkWorkspace } from './workspace-check.js';

/** A command's first argument as a URI: "file:///…" or { uri }. */
function uriArg(args: unknown[] | undefined): { uri?: string; enabled?: boolean } {
  const a = args?.[0];
  if (typeof a === 'string') return { uri: a };
  if (a && typeof a === 'object') {
    const o = a as { uri?: unknown; enabled?: unknown };
    return { ...(typeof o.uri === 'string' ? { uri: o.uri } : {}), ...(typeof o.enabled === 'boolean' ? { enabled: o.enabled } : {}) };
  }
  return {};
}

function folderPath(f: WorkspaceFolder | { uri: string }): string | undefined {
  return pathOf(f.uri);
}

/** Everything the handlers share for one session. */
interface Session {
  connection: Connection;
  /** One object for the whole session: the parts hold it and see what initialize learned. */
  features: ClientFeatures;
  folders: string[];
  applyEditSupported: boolean;
  /** The client pulls diagnostics (textDocument/diagnostic) instead of receiving them. */
  pullDiagnostics: boolean;
  log: Logger;
  projects: ProjectConfigs;
  checker: Checker;
  settings: SettingsStore;
  problems: FileProblems;
  /** Closed files whose diagnostics came from the workspace check. */
  fromWorkspaceCheck: Set<string>;
  documents: OpenDocuments;
}

/** How long hover and code lenses wait for a check in progress before they answer without it. */
const FEATURE_WAIT_MS = 1500;

export function startServer(connection: Connection): void {
  const session = createSession(connection);
  onLifecycle(session);
  onFileEvents(session);
  onLanguageFeatures(session);
  onCommands(session);
  connection.onShutdown(() => undefined);
  session.documents.listen();
  connection.listen();
}

function createSession(connection: Connection): Session {
  const log: Logger = {
    info: (s) => connection.console.info(s),
    error: (s) => connection.console.error(s),
  };
  const features: ClientFeatures = clientFeatures({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: null } as InitializeParams);
  const projects = new ProjectConfigs(false);
  const faulty = process.env.BRUG_TEST_FAULTY_RULE;
  const session = {
    connection,
    features,
    folders: [] as string[],
    applyEditSupported: false,
    pullDiagnostics: false,
    log,
    projects,
    fromWorkspaceCheck: new Set<string>(),
  } as Session;
  session.checker = new Checker(projects, () => session.folders, faulty ? [faultyRule(faulty)] : []);
  session.settings = new SettingsStore(connection, () => features.configuration, (s) => log.info(s));
  session.problems = new FileProblems(connection, () => features.locale);
  session.documents = new OpenDocuments(connection, session.checker, session.settings, session.problems, features, log, (uri) => reopenClosed(session, uri));
  return session;
}

/** A file closed in the editor that the workspace check had covered: show its saved state again. */
function reopenClosed(session: Session, uri: string): void {
  const { documents, checker, settings, connection, log } = session;
  if (!session.fromWorkspaceCheck.has(uri)) return;
  const path = pathOf(uri);
  if (!path || !existsSync(path)) {
    session.fromWorkspaceCheck.delete(uri);
    return;
  }
  void settings.get(uri).then((s) => {
    if (documents.get(uri)) return;
    const read = readDocument(path, s.maxDocumentSize > 0 ? s.maxDocumentSize : undefined);
    if (!read.ok) return;
    const text = read.text;
    const outcome = checker.run({ uri, text, version: null, settings: s });
    if (!outcome) return;
    const positions = TextDocument.create(uri, outcome.format, 0, text);
    void connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(outcome.result.findings, positions, outcome.ui, uri, text) });
  }).catch((err) => log.error(`Brug: re-checking ${uri} failed: ${(err as Error).message}`));
}

/** Wraps a handler: an error is logged and answered with `fallback`. */
function guarded<P extends unknown[], R>(log: Logger, name: string, fallback: R, f: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await f(...args);
    } catch (err) {
      log.error(`Brug: ${name} failed: ${(err as Error).stack ?? err}`);
      return fallback;
    }
  };
}

/** Pull diagnostics when the client can pull, unless it asks for pushing (initializationOptions.diagnostics = "push"). */
function wantsPull(params: InitializeParams): boolean {
  if (!params.capabilities?.textDocument?.diagnostic) return false;
  const init = params.initializationOptions as { diagnostics?: unknown; client?: unknown } | undefined;
  if (init?.diagnostics === 'push') return false;
  if (init?.diagnostics === 'pull') return true;
  // The VS Code extension keeps push until its end-to-end tests cover pulling.
  return init?.client !== 'vscode';
}

function onLifecycle(session: Session): void {
  const { connection, features, settings, projects, log } = session;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = (): InitializeResult => {
      const caps = serverCapabilities(features);
      if (session.pullDiagnostics) caps.diagnosticProvider = { identifier: 'brug', interFileDependencies: false, workspaceDiagnostics: true };
      return { capabilities: caps, serverInfo: { name: 'brug', version: VERSION } };
    };
    try {
      Object.assign(features, clientFeatures(params));
      session.applyEditSupported = !!params.capabilities?.workspace?.applyEdit;
      session.pullDiagnostics = wantsPull(params);
      const wf = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
      session.folders = wf.map(folderPath).filter((p): p is string => !!p);
      if (session.folders.length === 0 && params.rootPath) session.folders = [params.rootPath];
      const init = params.initializationOptions as { settings?: unknown; trusted?: unknown } | undefined;
      if (init && typeof init === 'object' && init.settings) settings.setPushed({ brug: init.settings });
      // An untrusted workspace: its .brug.yml may not name dictionaries or allow reads outside.
      if (init && typeof init === 'object' && init.trusted === false) projects.untrusted = true;
    } catch (err) {
      log.error(`Brug: initialize: ${(err as Error).stack ?? err}`);
    }
    return capabilities();
  });

  connection.onInitialized(
    guarded(log, 'initialized', undefined, async () => {
      if (features.watchedFilesDynamic) {
        try {
          await connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: `**/{${CONFIG_NAMES.join(',')}}` }, { globPattern: '**/*.{yml,yaml}' }],
          });
          // The client now tells us about new and deleted .brug.yml files: lookups can be kept.
          projects.cacheLookups = true;
        } catch (err) {
          log.info(`Brug: could not watch .brug.yml files (${(err as Error).message}); they are looked up at every check.`);
        }
      }
      if (features.configuration && features.configurationChangeDynamic) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'brug' }).catch((err: Error) => log.info(`Brug: no settings notifications (${err.message}).`));
      }
      if (features.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          try {
            const removed = new Set(e.removed.map(folderPath));
            session.folders = session.folders.filter((f) => !removed.has(f));
            for (const a of e.added) {
              const p = folderPath(a);
              if (p && !session.folders.includes(p)) session.folders.push(p);
            }
            recheckAll(session);
          } catch (err) {
            log.error(`Brug: workspace folders: ${(err as Error).stack ?? err}`);
          }
        });
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guarded(log, 'didChangeConfiguration', undefined, (params) => {
      settings.setPushed(params?.settings);
      recheckAll(session);
    }),
  );
}

/** Every open document is checked again; a pulling client is asked to pull again. */
function recheckAll(session: Session): void {
  session.documents.recheckAll();
  if (session.pullDiagnostics && session.features.diagnosticRefresh) void session.connection.languages.diagnostics.refresh().catch(() => undefined);
}

function onFileEvents(session: Session): void {
  const { connection, projects, problems, log } = session;
  connection.onDidChangeWatchedFiles(
    guarded(log, 'didChangeWatchedFiles', undefined, (params) => {
      let relevant = false;
      const dictionaries = new Set<string>();
      for (const file of projects.files()) {
        const p = projects.load(file);
        for (const d of projectDictionaryFiles(file, p.config)) dictionaries.add(d);
      }
      for (const change of params.changes) {
        const path = pathOf(change.uri);
        if (!path) continue;
        if (CONFIG_NAMES.includes(basename(path))) {
          projects.invalidate(path);
          if (change.type === FileChangeType.Deleted) problems.clear(path);
          relevant = true;
        } else if (dictionaries.has(path)) {
          forgetEngines();
          relevant = true;
        }
      }
      if (relevant) recheckAll(session);
    }),
  );
}

function onLanguageFeatures(session: Session): void {
  const { connection, documents, features, settings, log } = session;
  connection.onCodeAction(
    guarded(log, 'codeAction', [] as CodeAction[], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const format = formatFor(doc.languageId, doc.uri);
      if (!format) return [];
      const outcome = await documents.current(doc.uri);
      if (documents.get(doc.uri)?.version !== doc.version) return [];
      const ui: Language = outcome?.ui ?? features.locale;
      return codeActions(params, {
        doc,
        format,
        ui,
        ...(outcome && outcome.version === doc.version ? { outcome } : {}),
        published: documents.publishedFor(doc.uri),
        documentChanges: features.documentChanges,
      });
    }),
  );

  // Completion in .brug.yml, from Brug's own schema: keys, values, rule ids, a rule's options.
  connection.onCompletion(
    guarded(log, 'completion', [] as CompletionItem[], (params) => {
      if (!/\.brug\.ya?ml$/i.test(params.textDocument.uri)) return [];
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return configCompletionItems(doc.getText(), params.position.line, params.position.character);
    }),
  );

  // Hover and code lenses wait a little for a check in progress, then answer without it.
  connection.onHover(
    guarded(log, 'hover', null as Hover | null, async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const outcome = await documents.settled(doc.uri, FEATURE_WAIT_MS);
      if (!outcome) return null;
      const current = documents.get(doc.uri);
      if (!current || current.version !== outcome.version) return null;
      return hoverAt(outcome, current, current.offsetAt(params.position), features.hoverMarkdown);
    }),
  );

  connection.onCodeLens(
    guarded(log, 'codeLens', [] as CodeLens[], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const s = await settings.get(doc.uri);
      if (!s.codeLens) return [];
      const outcome = await documents.settled(doc.uri, FEATURE_WAIT_MS);
      if (!outcome) return [];
      const current = documents.get(doc.uri);
      if (!current || current.version !== outcome.version) return [];
      return codeLenses(outcome, current);
    }),
  );

  connection.onRequest(
    DocumentStatusRequest,
    guarded(log, 'documentStatus', { uri: '', enabled: false } as DocumentStatus, async (params) => {
      const uri = params?.uri;
      if (typeof uri !== 'string') return { uri: '', enabled: false, skipped: 'unsupported' };
      if (documents.get(uri)) await documents.current(uri);
      return documents.status(uri);
    }),
  );

  connection.languages.diagnostics.on(
    guarded(log, 'diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, async (params) => {
      const r = await documents.pull(params.textDocument.uri);
      if (!r) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (params.previousResultId === r.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: r.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: r.resultId, items: r.diagnostics };
    }),
  );

  // Pull for the whole workspace: every open document Brug checks, each "unchanged" while its
  // result id is the one the client already has. (Closed files get their diagnostics from the
  // workspace check, which publishes them.)
  connection.languages.diagnostics.onWorkspace(
    guarded(log, 'workspaceDiagnostic', { items: [] } as WorkspaceDiagnosticReport, async (params, token) => {
      const previous = new Map((params.previousResultIds ?? []).map((p) => [p.uri, p.value]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const doc of documents.documents.all()) {
        if (token.isCancellationRequested) break;
        if (!formatFor(doc.languageId, doc.uri)) continue;
        const r = await documents.pull(doc.uri);
        const version = documents.get(doc.uri)?.version ?? null;
        if (!r) continue;
        if (previous.get(doc.uri) === r.resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: doc.uri, version, resultId: r.resultId });
        else items.push({ kind: DocumentDiagnosticReportKind.Full, uri: doc.uri, version, resultId: r.resultId, items: r.diagnostics });
      }
      return { items };
    }),
  );
}

/** A check of a document for the report: the open one, or the file on disk. */
async function outcomeFor(session: Session, uri: string): Promise<{ outcome: CheckOutcome; positions: TextDocument } | undefined> {
  const { documents, settings, checker } = session;
  const open = documents.get(uri);
  if (open) {
    const outcome = await documents.current(uri);
    const doc = documents.get(uri);
    return outcome && doc ? { outcome, positions: doc } : undefined;
  }
  const path = pathOf(uri);
  if (!path || !existsSync(path)) return undefined;
  const s = await settings.get(uri);
  // Only a regular file of at most maxDocumentSize (a FIFO would block the server).
  const read = readDocument(path, s.maxDocumentSize > 0 ? s.maxDocumentSize : undefined);
  if (!read.ok) return undefined;
  const text = read.text;
  const outcome = checker.run({ uri, text, version: null, settings: s });
  if (!outcome) return undefined;
  return { outcome, positions: TextDocument.create(uri, outcome.format, 0, text) };
}

function showMessage(session: Session, type: MessageType, message: string): void {
  void session.connection.sendNotification('window/showMessage', { type, message });
}

/** The edit of .brug.yml as a workspace edit the client applies. */
function configFileEdit(session: Session, fileUri: string, before: string | undefined, after: string, openVersion: number | undefined): WorkspaceEdit {
  const change = textChange(before ?? '', after);
  const positions = TextDocument.create(fileUri, 'yaml', 0, before ?? '');
  const textEdit = { range: { start: positions.positionAt(change.offset), end: positions.positionAt(change.endOffset) }, newText: change.newText };
  if (before === undefined) {
    const docEdit: TextDocumentEdit = { textDocument: { uri: fileUri, version: null }, edits: [textEdit] };
    return { documentChanges: [{ kind: 'create', uri: fileUri, options: { ignoreIfExists: true } }, docEdit] };
  }
  if (session.features.documentChanges) return { documentChanges: [{ textDocument: { uri: fileUri, version: openVersion ?? null }, edits: [textEdit] }] };
  return { changes: { [fileUri]: [textEdit] } };
}

async function applyConfigEditCommand(session: Session, args: ApplyConfigEditArgs | undefined): Promise<{ applied: boolean; file?: string }> {
  const { checker, projects, documents, settings, features, connection } = session;
  if (!args || typeof args.uri !== 'string' || !args.edit || !Array.isArray(args.edit.path)) return { applied: false };
  const dir = checker.directoryOf(args.uri);
  if (!dir) return { applied: false };
  const folder = session.folders.filter((f) => dir === f || dir.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
  const file = projects.fileFor(dir) ?? join(folder ?? dir, '.brug.yml');
  // Only inside a workspace folder (on the real path); without folders, next to an open document.
  const roots = session.folders.length ? session.folders : documents.get(args.uri) ? [dir] : [];
  if (!insideRoots(file, roots)) {
    const s0 = await settings.get(args.uri);
    const lang: Language = s0.messages !== 'auto' ? s0.messages : features.locale;
    showMessage(session, MessageType.Error, say(messages.configEditFailed(basename(file), lang === 'nl' ? 'het bestand ligt buiten de werkmap; Brug schrijft daar niet' : 'the file is outside the workspace; Brug does not write there'), lang));
    return { applied: false, file };
  }
  const fileUri = pathToFileURL(file).href;
  const open = documents.get(fileUri);
  // The text the editor has: an open document, else what we wrote before (perhaps unsaved), else the file.
  const disk = existsSync(file) ? readSmallText(file, MAX_CONFIG_BYTES) : undefined;
  if (disk && !disk.ok) {
    showMessage(session, MessageType.Error, say(messages.configEditFailed(basename(file), disk.reason.en), features.locale));
    return { applied: false, file };
  }
  const before = open?.getText() ?? projects.pendingText(file) ?? disk?.text;
  const s = await settings.get(args.uri);
  const language: Language = s.messages !== 'auto' ? s.messages : documents.status(args.uri).language ?? features.locale;
  let after: string;
  try {
    const r = applyConfigEdit(before, args.edit);
    if (!r.changed) return { applied: true, file };
    after = r.text;
  } catch (err) {
    const reason = err instanceof ConfigEditError ? err.message : String(err);
    showMessage(session, MessageType.Error, say(messages.configEditFailed(basename(file), reason), language));
    return { applied: false, file };
  }
  let applied = false;
  if (session.applyEditSupported && (before !== undefined || features.createFiles)) {
    const r = await connection.workspace.applyEdit({ label: basename(file), edit: configFileEdit(session, fileUri, before, after, open?.version) });
    applied = r.applied;
    if (!applied) showMessage(session, MessageType.Warning, say(messages.configEditRefused(basename(file)), language));
  } else {
    // A client that cannot edit or create files: write the file ourselves.
    try {
      writeFileSync(file, after, 'utf8');
      applied = true;
    } catch (err) {
      showMessage(session, MessageType.Error, say(messages.configEditFailed(basename(file), (err as Error).message), language));
    }
  }
  if (applied) {
    // The editor may hold the change unsaved: use it now; the file watcher takes over on save.
    projects.setPending(file, after, before ?? '');
    recheckAll(session);
  }
  return { applied, file };
}

function onCommands(session: Session): void {
  const { connection, documents, checker, settings, features, log } = session;
  connection.onExecuteCommand(
    guarded(log, 'executeCommand', null as unknown, async (params, token, workDone) => {
      switch (params.command) {
        case Commands.checkWorkspace:
          return checkWorkspace(
            { connection, documents, checker, settings, features, log, folders: () => session.folders, published: session.fromWorkspaceCheck },
            token,
            workDone && !WorkDoneProgressReporter.isNullInstance(workDone) ? workDone : undefined,
          );
        case Commands.report: {
          const { uri } = uriArg(params.arguments);
          if (!uri) return null;
          const r = await outcomeFor(session, uri);
          return r ? (reportData(r.outcome, r.positions) satisfies ReportData) : null;
        }
        case Commands.toggleDocument: {
          const { uri, enabled } = uriArg(params.arguments);
          if (!uri) return null;
          return { uri, enabled: documents.toggle(uri, enabled) };
        }
        case Commands.applyConfigEdit:
          return applyConfigEditCommand(session, params.arguments?.[0] as ApplyConfigEditArgs | undefined);
        default:
          return null;
      }
    }),
  );
}
