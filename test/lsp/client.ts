/**
 * A small LSP client for the integration tests: spawns the bundled server over stdio and
 * speaks real JSON-RPC to it (vscode-languageserver-protocol), answering what a client must
 * (workspace/configuration, workspace/applyEdit, progress creation) and recording what the
 * server sends (diagnostics, messages, progress, status notifications).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  Diagnostic,
  FileEvent,
  InitializeResult,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
  WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverEnvironment } from '../../client/src/protocol.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = join(ROOT, 'server', 'dist', 'server.cjs');

/** Builds the bundle when it is missing (npm test builds first; a lone `mocha test/lsp` may not). */
export function ensureBundle(): void {
  if (existsSync(BUNDLE)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(BUNDLE)) throw new Error(`building the server failed:\n${r.stdout}\n${r.stderr}`);
}

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    codeLens: { refreshSupport: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    codeLens: {},
  },
  window: { workDoneProgress: true, showMessage: {} },
};

export interface ClientOptions {
  folders?: string[];
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  locale?: string;
  env?: Record<string, string>;
  /** initializationOptions sent with initialize (e.g. { trusted: false }). */
  initializationOptions?: Record<string, unknown>;
  /**
   * False: the server starts with the environment as it is, without the allocator settings the VS Code extension adds
   * (client/src/protocol.ts SERVER_ENVIRONMENT; benchmarks' --malloc-default).
   */
  launchEnvironment?: boolean;
  /** The command that starts the server (default: node server/dist/server.cjs --stdio). */
  command?: { file: string; args: string[] };
  /**
   * 'ipc': the server talks over Node's IPC channel (`--node-ipc` in place of `--stdio` in the command), as the VS Code
   * extension started it until session 36; default 'stdio', as every editor starts it now.
   */
  transport?: 'stdio' | 'ipc';
  /**
   * False: `publications` stays empty (the latest per document is in `diagnostics`, the first in `firstPublication`,
   * the count in `publicationCount`). An editor keeps only the latest diagnostics of a document; a benchmark that
   * kept all of them (1,000 edits of a long document: hundreds of MB) would time its own collections.
   */
  keepPublications?: boolean;
}

interface OpenDoc {
  doc: TextDocument;
  /** The last version sent (doc.version catches up when the change has been written). */
  version: number;
}

/** Applies LSP text edits to a text (the way a client does: all ranges against the old text). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, text), edits);
}

/**
 * Passive voice is off by default (issue 12), but many editor tests use a passive sentence as their probe: the test
 * client switches it on in its editor settings (brug.rules), unless a test sets that rule itself.
 */
function withProbes(brug: Record<string, unknown>): Record<string, unknown> {
  return { ...brug, rules: { 'readability/passive-voice': { options: { enabled: true } }, ...((brug.rules as Record<string, unknown> | undefined) ?? {}) } };
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  settings: Record<string, unknown>;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order (unless options.keepPublications is false). */
  readonly publications: PublishDiagnosticsParams[] = [];
  /** How many publications each document had, and its first. */
  readonly publicationCount = new Map<string, number>();
  readonly firstPublication = new Map<string, PublishDiagnosticsParams>();
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly progress: Array<{ token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number; cancellable?: boolean } }> = [];
  readonly statuses: unknown[] = [];
  /** The last version the server said it has checked, per document (its status notification). */
  readonly checked = new Map<string, number>();
  /** When that status notification arrived (performance.timeOrigin + performance.now(), the clock of the server's timing log). */
  readonly checkedAt = new Map<string, number>();
  /** When the last didChange was handed to the connection (same clock). */
  sentAt = 0;
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  readonly configurationRequests: unknown[] = [];
  /** What to answer to workspace/applyEdit; the edit is applied to open documents and files when true. */
  applyEdits = true;
  readonly appliedEdits: WorkspaceEdit[] = [];
  /** False: edits to closed files stay in `unsaved` (as VS Code keeps them in a dirty buffer); created files are still created, empty. */
  saveEditsToDisk = true;
  readonly unsaved = new Map<string, string>();
  private readonly docs = new Map<string, OpenDoc>();
  private readonly waiters: Array<() => void> = [];
  private stderr = '';
  initializeResult?: InitializeResult;

  constructor(private readonly options: ClientOptions = {}) {
    ensureBundle();
    this.settings = { brug: withProbes({ debounceMs: 0, ...(options.settings ?? {}) }) };
    const ipc = options.transport === 'ipc';
    const given = options.command ?? { file: process.execPath, args: [BUNDLE, '--stdio'] };
    const command = ipc ? { file: given.file, args: given.args.map((a) => (a === '--stdio' ? '--node-ipc' : a)) } : given;
    // As the VS Code extension starts it (its environment, SERVER_ENVIRONMENT), unless told otherwise.
    const env = { ...process.env, ...(options.env ?? {}) };
    this.process = spawn(command.file, command.args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])], env: options.launchEnvironment === false ? env : serverEnvironment(env) });
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = ipc
      ? createProtocolConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process))
      : createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      if (options.keepPublications !== false) this.publications.push(p);
      this.publicationCount.set(p.uri, (this.publicationCount.get(p.uri) ?? 0) + 1);
      if (!this.firstPublication.has(p.uri)) this.firstPublication.set(p.uri, p);
      this.wake();
    });
    c.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.wake();
    });
    c.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
    });
    c.onNotification('brug/documentStatusChanged', (p: { uri?: string; version?: number }) => {
      this.statuses.push(p);
      if (typeof p?.uri === 'string' && typeof p.version === 'number') {
        this.checked.set(p.uri, p.version);
        this.checkedAt.set(p.uri, performance.timeOrigin + performance.now());
      }
      this.wake();
    });
    c.onNotification('$/progress', (p: { token: unknown; value: TestClient['progress'][number]['value'] }) => {
      this.progress.push(p);
      this.wake();
    });
    c.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests.push(p);
      return p.items.map((item) => (item.section ? (this.settings[item.section] ?? null) : this.settings));
    });
    c.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, () => {});
    c.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.appliedEdits.push(p.edit);
      if (!this.applyEdits) return { applied: false };
      this.applyWorkspaceEdit(p.edit);
      this.wake();
      return { applied: true };
    });
    c.onRequest('workspace/codeLens/refresh', () => null);
    c.listen();
  }

  get serverLog(): string {
    return this.stderr;
  }

  async initialize(): Promise<InitializeResult> {
    const folders: WorkspaceFolder[] = (this.options.folders ?? []).map((f) => ({ uri: pathToFileURL(f).href, name: f }));
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      capabilities: this.options.capabilities ?? CAPABILITIES,
      ...(this.options.locale ? { locale: this.options.locale } : {}),
      ...(this.options.initializationOptions ? { initializationOptions: this.options.initializationOptions } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `cond` holds (re-tested on every message from the server). */
  async until<T>(cond: () => T | undefined | false, what: string, timeout = 15000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const v = cond();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr}\nlogs:\n${this.logs.map((l) => l.message).join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  text(uri: string): string {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`${uri} is not open`);
    return d.doc.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.doc.version;
  }

  document(uri: string): TextDocument {
    return this.docs.get(uri)!.doc;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.diagnostics.delete(uri);
    this.checked.delete(uri);
    this.docs.set(uri, { doc: TextDocument.create(uri, languageId, 1, text), version: 1 });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const d = this.docs.get(uri)!;
    const version = ++d.version;
    this.sentAt = performance.timeOrigin + performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    // The client's own copy takes the change once it is on its way (changes are written in order, so their updates
    // follow in order): an editor's buffer takes an edit in microseconds, where TextDocument.update copies the whole
    // text (~1 ms at 100,000 words), which the latency bench would otherwise count before every didChange.
    d.doc = TextDocument.update(d.doc, changes, version);
    this.wake();
    return version;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Diagnostics for the document's current version: published for it, or published before
   * and still valid (the server sends diagnostics only when they change, and says in its
   * status notification which version it has checked).
   */
  async diagnosticsFor(uri: string, timeout?: number): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.diagnostics.get(uri);
      const d = this.docs.get(uri);
      if (!p) return undefined;
      if (d && p.version !== undefined && p.version !== d.doc.version && this.checked.get(uri) !== d.doc.version) return undefined;
      return p.diagnostics;
    }, `diagnostics for ${uri}`, timeout);
  }

  /** Waits until the server has checked the document's current version (its status says so). */
  async checkedCurrent(uri: string, timeout?: number): Promise<void> {
    await this.until(() => this.checked.get(uri) === this.docs.get(uri)?.doc.version, `a check of ${uri}`, timeout);
  }

  /**
   * Waits for the next check of `uri` after `after` ran: a new publication, or (as the server
   * publishes only changed diagnostics) a status notification for the current version.
   */
  async nextDiagnostics(uri: string, after: () => Promise<unknown>): Promise<Diagnostic[]> {
    const before = this.diagnostics.get(uri);
    const statuses = this.statuses.length;
    await after();
    return this.until(() => {
      const p = this.diagnostics.get(uri);
      const d = this.docs.get(uri);
      if (!p) return undefined;
      const checked = (this.statuses.slice(statuses) as Array<{ uri?: string; version?: number }>).some((s) => s?.uri === uri && (!d || s.version === d.doc.version));
      if (p === before && !checked) return undefined;
      if (d && p.version !== undefined && p.version !== d.doc.version && !checked) return undefined;
      return p.diagnostics;
    }, `new diagnostics for ${uri}`);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async setSettings(brug: Record<string, unknown>): Promise<void> {
    this.settings = { brug: withProbes({ debounceMs: 0, ...brug }) };
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: this.settings });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Applies a workspace edit as an editor does: to open documents (sending didChange) and to files on disk. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const apply = (uri: string, edits: TextEdit[]) => {
      const open = this.docs.get(uri);
      if (open) {
        const text = applyTextEdits(open.doc.getText(), edits);
        void this.change(uri, [{ text }]);
        return;
      }
      const path = fileURLToPath(uri);
      const before = this.unsaved.get(uri) ?? (existsSync(path) ? readFileSync(path, 'utf8') : '');
      if (this.saveEditsToDisk) writeFileSync(path, applyTextEdits(before, edits));
      else this.unsaved.set(uri, applyTextEdits(before, edits));
    };
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') {
          const path = fileURLToPath(change.uri);
          mkdirSync(dirname(path), { recursive: true });
          if (!existsSync(path)) writeFileSync(path, '');
        }
        continue;
      }
      apply(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'range' in e));
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
  }

  /** Writes the unsaved edits of closed files to disk (the user saves). */
  saveAll(): string[] {
    const saved = [...this.unsaved.keys()];
    for (const [uri, text] of this.unsaved) writeFileSync(fileURLToPath(uri), text);
    this.unsaved.clear();
    return saved;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may be gone already.
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** Position of the first occurrence of `needle` in `text` (0-based line and UTF-16 character). */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not in the text`);
  }
  return TextDocument.create('file:///x', 'x', 0, text).positionAt(at);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A diagnostic's message as text (LSP 3.18 also allows Markdown content; Brug sends strings). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
