/**
 * Open documents and when they are checked. A change schedules a check after brug.debounceMs;
 * a newer change cancels the older run (its token is set, and a result for an old version
 * is dropped). The engine's block cache makes a re-check after a small edit cheap.
 */
import { MessageType, TextDocuments } from 'vscode-languageserver/node';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { detectLanguage } from '../engine/language/detect.js';
import type { Language } from '../engine/types.js';
import type { ClientFeatures } from './capabilities.js';
import type { CheckOutcome, Checker } from './checker.js';
import { formatFor, pathOf, projectDictionaryFiles } from './checker.js';
import type { FileProblems, SettingsStore } from './configuration.js';
import { toDiagnostics } from './diagnostics.js';
import { formatBytes, messages, say } from './messages.js';
import type { DocumentStatus } from './protocol.js';
import { DocumentStatusNotification } from './protocol.js';
import { documentStatus } from './report.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { collectIfLarge } from './memory.js';

/** BRUG_LSP_TIMING=1 logs the time of each check (for bench/lsp-latency.ts). */
const TIMING = process.env.BRUG_LSP_TIMING === '1';

interface DocState {
  timer?: ReturnType<typeof setTimeout>;
  token: { cancelled: boolean };
  /** Version a check was last scheduled for (opening fires a change event too). */
  scheduled?: number;
  last?: CheckOutcome & { generation: number };
  published: Diagnostic[];
  skipped?: DocumentStatus['skipped'];
  tooLargeNotified: boolean;
  loggedErrors: Set<string>;
  lensKey?: string;
  /** When the last change arrived (timing log only). */
  changedAt?: number;
}

export interface Logger {
  info(s: string): void;
  error(s: string): void;
}

export class OpenDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly state = new Map<string, DocState>();
  /** Documents switched off with brug.toggleDocument (for this session). */
  readonly disabled = new Set<string>();
  /** Bumped when settings or .brug.yml change: every result from before is stale. */
  generation = 0;
  private readonly bundledLogged = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly checker: Checker,
    private readonly settings: SettingsStore,
    private readonly problems: FileProblems,
    private readonly features: ClientFeatures,
    private readonly log: Logger,
    /** Closed files whose diagnostics came from the workspace check: re-checked from disk on close. */
    private readonly onClosed: (uri: string) => void,
  ) {
    this.documents.onDidOpen((e) => this.guard('didOpen', () => this.opened(e.document)));
    this.documents.onDidChangeContent((e) => this.guard('didChange', () => this.changed(e.document)));
    this.documents.onDidClose((e) => this.guard('didClose', () => this.closed(e.document.uri)));
  }

  listen(): void {
    this.documents.listen(this.connection);
  }

  private guard(what: string, f: () => void): void {
    try {
      f();
    } catch (err) {
      this.log.error(`Brug: ${what} failed: ${(err as Error).stack ?? err}`);
    }
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  private stateOf(uri: string): DocState {
    let st = this.state.get(uri);
    if (!st) {
      st = { token: { cancelled: false }, published: [], tooLargeNotified: false, loggedErrors: new Set() };
      this.state.set(uri, st);
    }
    return st;
  }

  private opened(doc: TextDocument): void {
    const st = this.stateOf(doc.uri);
    this.schedule(doc.uri, 0);
    st.scheduled = doc.version;
  }

  private changed(doc: TextDocument): void {
    const st = this.stateOf(doc.uri);
    if (st.scheduled === doc.version) return;
    st.scheduled = doc.version;
    if (TIMING) st.changedAt = performance.now();
    const delay = (this.settings.peek(doc.uri) ?? DEFAULT_SETTINGS).debounceMs;
    this.schedule(doc.uri, delay);
  }

  private closed(uri: string): void {
    const st = this.state.get(uri);
    if (st) {
      if (st.timer) clearTimeout(st.timer);
      st.token.cancelled = true;
    }
    this.state.delete(uri);
    this.settings.forget(uri);
    // Only our own findings go: a .brug.yml opened in the editor keeps its settings problems.
    if (st && (st.published.length > 0 || st.last)) this.publish(uri, [], null);
    this.onClosed(uri);
  }

  /** Check `uri` after `delay` ms; a newer call replaces this one. */
  schedule(uri: string, delay: number): void {
    const st = this.stateOf(uri);
    st.token.cancelled = true;
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      this.check(uri).catch((err) => this.log.error(`Brug: checking ${uri} failed: ${(err as Error).stack ?? err}`));
    }, Math.max(0, delay));
  }

  /** Re-check every open document (settings or .brug.yml changed). */
  recheckAll(): void {
    this.generation++;
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  /** The check of the document's current version: the last one, or a new one now. */
  async current(uri: string): Promise<CheckOutcome | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc = this.documents.get(uri);
      if (!doc) return undefined;
      const st = this.state.get(uri);
      if (st?.last && st.last.version === doc.version && st.last.generation === this.generation) return st.last;
      const outcome = await this.check(uri);
      if (outcome) return outcome;
      const now = this.state.get(uri);
      if (now?.skipped && now.skipped !== 'pending') return undefined;
    }
    return undefined;
  }

  /** The status of a document for the status bar. */
  status(uri: string): DocumentStatus {
    const st = this.state.get(uri);
    const enabled = !this.disabled.has(uri) && (this.settings.peek(uri)?.enable ?? true);
    if (st?.last) return { ...documentStatus(st.last), enabled };
    return { uri, enabled, skipped: st?.skipped ?? (enabled ? 'pending' : 'disabled') };
  }

  publishedFor(uri: string): Diagnostic[] {
    return this.state.get(uri)?.published ?? [];
  }

  async check(uri: string): Promise<CheckOutcome | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const st = this.stateOf(uri);
    if (st.timer) {
      clearTimeout(st.timer);
      st.timer = undefined;
    }
    const version = doc.version;
    const generation = this.generation;
    if (st.last && st.last.version === version && st.last.generation === generation) return st.last;
    st.token.cancelled = true;
    const token = { cancelled: false };
    st.token = token;

    const settings = await this.settings.get(uri);
    const stale = () => token.cancelled || this.documents.get(uri)?.version !== version || this.state.get(uri) !== st;
    if (stale()) return undefined;

    const format = formatFor(doc.languageId, uri);
    if (!settings.enable || this.disabled.has(uri) || !format) {
      this.skip(uri, st, !format ? 'unsupported' : 'disabled');
      return undefined;
    }
    const text = doc.getText();
    const max = settings.maxDocumentSize;
    const bytes = text.length * 3 > max ? Buffer.byteLength(text, 'utf8') : text.length;
    if (max > 0 && bytes > max) {
      this.skip(uri, st, 'too-large');
      if (!st.tooLargeNotified) {
        st.tooLargeNotified = true;
        const language: Language = settings.messages !== 'auto' ? settings.messages : detectLanguage(text.slice(0, 20000));
        const name = basename(pathOf(uri) ?? uri);
        void this.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: say(messages.tooLarge(name, formatBytes(bytes), formatBytes(max)), language) });
      }
      return undefined;
    }
    st.tooLargeNotified = false;

    const started = TIMING ? performance.now() : 0;
    const cpuStart = TIMING ? process.cpuUsage() : undefined;
    const outcome = this.checker.run({ uri, text, languageId: doc.languageId, version, settings, token });
    if (!outcome || stale()) return undefined;
    const linted = TIMING ? performance.now() : 0;
    st.skipped = undefined;
    st.last = { ...outcome, generation };
    const diagnostics = toDiagnostics(outcome.result.findings, doc, outcome.ui, uri, version);
    st.published = diagnostics;
    this.publish(uri, diagnostics, version);
    this.afterCheck(outcome, st);
    collectIfLarge();
    if (TIMING) {
      const waited = st.changedAt !== undefined ? started - st.changedAt : 0;
      const cpu = process.cpuUsage(cpuStart);
      this.log.info(`brug-timing ${uri} v${version}: waited ${waited.toFixed(1)} ms, lint ${(linted - started).toFixed(1)} ms, diagnostics+publish ${(performance.now() - linted).toFixed(1)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms, ${diagnostics.length} diagnostics`);
    }
    return st.last;
  }

  private skip(uri: string, st: DocState, why: NonNullable<DocumentStatus['skipped']>): void {
    const hadDiagnostics = st.published.length > 0 || st.last !== undefined;
    const changed = st.skipped !== why;
    st.last = undefined;
    st.skipped = why;
    st.published = [];
    if (hadDiagnostics) this.publish(uri, [], this.documents.get(uri)?.version ?? null);
    if (hadDiagnostics || changed) this.notifyStatus(uri);
  }

  private publish(uri: string, diagnostics: Diagnostic[], version: number | null): void {
    void this.connection.sendDiagnostics(version === null ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  private notifyStatus(uri: string): void {
    void this.connection.sendNotification(DocumentStatusNotification, this.status(uri));
  }

  /** After a check: log rules that failed, show settings and dictionary problems, tell the status bar, refresh lenses. */
  private afterCheck(outcome: CheckOutcome, st: DocState): void {
    for (const e of outcome.result.errors) {
      const key = `${e.ruleId}\u0000${e.message}`;
      if (st.loggedErrors.has(key)) continue;
      st.loggedErrors.add(key);
      this.log.error(`Brug: rule ${e.ruleId} failed on ${outcome.uri}: ${e.message} (the other rules' findings are still shown)`);
    }
    this.reportProject(outcome);
    this.notifyStatus(outcome.uri);
    if (this.features.codeLensRefresh) {
      const key = outcome.result.sections.map((s) => `${s.offset}:${s.metrics.words}:${s.metrics.score}`).join(',') + outcome.ui;
      if (key !== st.lensKey) {
        st.lensKey = key;
        void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      }
    }
  }

  /** Settings-file and dictionary problems found while checking (open documents and the workspace check alike). */
  reportProject(outcome: CheckOutcome): void {
    const file = outcome.project.file;
    const language = outcome.config.messages !== 'auto' ? outcome.config.messages : outcome.result.language;
    if (file) {
      this.problems.reportConfig(file, outcome.project.problems, outcome.project.text, language);
      this.problems.reportDictionaries(file, projectDictionaryFiles(file, outcome.config), outcome.dictionaryProblems, language);
    }
    for (const p of outcome.bundledProblems) {
      const key = `${p.file}:${p.line}:${p.message}`;
      if (this.bundledLogged.has(key)) continue;
      this.bundledLogged.add(key);
      this.log.error(`Brug: bundled dictionary ${p.file}:${p.line}:${p.column}: ${p.message} (skipped)`);
    }
  }

  /** Switch Brug off or on for one document. */
  toggle(uri: string, enabled?: boolean): boolean {
    const on = enabled ?? this.disabled.has(uri);
    if (on) this.disabled.delete(uri);
    else this.disabled.add(uri);
    const st = this.state.get(uri);
    if (this.documents.get(uri)) {
      if (!on && st) this.skip(uri, st, 'disabled');
      else this.schedule(uri, 0);
    } else if (!on) this.publish(uri, [], null);
    return on;
  }
}
