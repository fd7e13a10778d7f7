/**
 * Open documents and when they are checked. A change schedules a check after brug.debounceMs.
 * A check runs in slices of a few milliseconds (the engine's lintSteps) with a turn for the
 * message loop in between, so hover, completion and code actions answer while a long document
 * is checked; a newer change stops the older run at its next slice. The engine's block cache
 * makes a re-check after a small edit cheap. Diagnostics are sent only when they changed.
 */
import { MessageType, TextDocuments } from 'vscode-languageserver/node';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceDocuments, textForCheck } from './piece-document.js';
import { flat, pieceTextJoins, utf8Length, type TextView } from '../engine/text/view.js';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { detectLanguage } from '../engine/language/detect.js';
import { splitChunks } from '../engine/formats/markdown.js';
import type { Finding, Language, Section } from '../engine/types.js';
import type { ClientFeatures } from './capabilities.js';
import type { CheckOutcome, Checker } from './checker.js';
import { formatFor, pathOf, projectDictionaryFiles } from './checker.js';
import type { FileProblems, SettingsStore } from './configuration.js';
import { sameDiagnostics, showAfterEdit, toDiagnostics } from './diagnostics.js';
import type { Shown } from './diagnostics.js';
import { formatBytes, messages, say } from './messages.js';
import type { DocumentStatus } from './protocol.js';
import { DocumentStatusNotification } from './protocol.js';
import { documentStatus } from './report.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { BrugSettings } from './settings.js';
import { collectIfLarge, heapUsed, loopWatch, noteActivity, spaceWatch, startLoopWatch, youngGrowth } from './memory.js';
import { takeEdit, updateTracked } from './edit-track.js';

/** BRUG_LSP_TIMING=1 logs the time of each check (for bench/lsp-latency.ts). */
const TIMING = process.env.BRUG_LSP_TIMING === '1';
if (TIMING) startLoopWatch();
/** Milliseconds on a clock that the bench client shares (the timing log's absolute timestamps). */
const clock = () => performance.timeOrigin + performance.now();
/** Timing log only: when the last didChange reached the document store, before its text was updated. */
let changeArrivedAt: number | undefined;
/**
 * The document store: documents kept in pieces (piece-document.ts: a change costs what it changes; a check reads the
 * pieces through a view, textForCheck, and joins none), with, per document, what the changes since the last check left
 * of its text (edit-track.ts; the engine then compares the texts only around the edit), and with BRUG_LSP_TIMING a note
 * of when each change arrives.
 */
const DOCUMENT_STORE = {
  create: PieceDocuments.create,
  update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    if (TIMING) changeArrivedAt = clock();
    return updateTracked(PieceDocuments.update, doc, changes, version);
  },
};
/** The longest a check holds the message loop before it gives other messages a turn. */
const SLICE_MS = 12;
/** Processor time one run may take (BRUG_LSP_BUDGET_MS; CPU, so a busy machine does not cut runs short); past it the run stops and says so. */
const BUDGET_MS = Number(process.env.BRUG_LSP_BUDGET_MS) || 60_000;
/** A document longer than twice this (characters) is first checked up to about here, and those diagnostics are shown at once. */
const PREVIEW_CHARS = 20_000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const LONG_SENTENCE = 'readability/long-sentence';

/** A stub definition for every link and footnote label the document defines (as the Markdown adapter stubs them per chunk). */
function definitionStubs(text: string): string {
  let out = '';
  // Each its own paragraph: a link definition right after a footnote stub would read as a lazy line of the footnote.
  for (const key of splitChunks(text).definitions) out += `[${key}]: ${key.startsWith('^') ? 'x' : '#'}\n\n`;
  return out;
}

/**
 * Which findings of a document rule the preview may show, and how. Block rules depend on their
 * block alone; of the document rules only long-sentence's sentences are decided on the first part:
 * a sentence over the rule's limit (maxWords: whatever its section's role) is long in the whole
 * document too, with the same message. Which long sentences the whole check marks as warnings
 * depends on every other section (a budget per 1,000 words), so the preview shows each as a hint;
 * the whole check then raises the longest to warnings and adds the section summaries. Nothing shown
 * early is taken back.
 */
function earlyFinding(outcome: CheckOutcome): (f: Finding) => Finding | undefined {
  const rule = outcome.engine.rule(LONG_SENTENCE);
  const setting = outcome.config.rules[LONG_SENTENCE];
  if (!rule || setting?.severity === 'off') return () => undefined;
  const options = { ...rule.meta.options[outcome.config.audience], ...(setting?.options as Record<string, unknown> | undefined) };
  const max = Number(options.maxWords);
  return (f) => {
    if (f.ruleId !== LONG_SENTENCE || !Number.isFinite(max)) return undefined;
    const data = f.data as { words?: unknown; section?: unknown } | undefined;
    if (!data || data.section || typeof data.words !== 'number' || data.words <= max) return undefined;
    return { ...f, severity: 'hint' };
  };
}

/**
 * Whether the code lenses of `sections` differ from what they showed at the last check (each section's offset, words
 * and score, and the language), which becomes this. Speed only (diag36): number by number, in place (was a key of them
 * all written as text at every edit: at 100,000 words 88 sections, ~0.1 ms an edit, most of it writing each score).
 */
export function lensChanged(st: { lens?: Float64Array; lensUi?: Language }, sections: readonly Section[], ui: Language): boolean {
  const n = sections.length * 3;
  let lens = st.lens;
  let changed = lens === undefined || lens.length !== n || st.lensUi !== ui;
  if (lens === undefined || lens.length !== n) lens = st.lens = new Float64Array(n);
  st.lensUi = ui;
  for (let i = 0, k = 0; i < sections.length; i++, k += 3) {
    const s = sections[i]!;
    if (put(lens, k, s.offset)) changed = true;
    if (put(lens, k + 1, s.metrics.words)) changed = true;
    if (put(lens, k + 2, s.metrics.score)) changed = true;
  }
  return changed;
}

/** Sets `a[k]` to `v`; whether it was another number (as text: NaN is NaN, 0 is -0). */
function put(a: Float64Array, k: number, v: number): boolean {
  const old = a[k]!;
  a[k] = v;
  return old !== v && !(old !== old && v !== v);
}

/** A run in progress: one version, one generation of settings. */
interface Running {
  version: number;
  generation: number;
  promise: Promise<CheckOutcome | undefined>;
}

interface DocState {
  /** The scheduled check: a timer, or (no delay) an immediate. */
  timer?: { cancel(): void };
  token: { cancelled: boolean };
  /** Version a check was last scheduled for (opening fires a change event too). */
  scheduled?: number;
  last?: CheckOutcome & { generation: number };
  published: Diagnostic[];
  /** Changes whenever `published` changes (pull diagnostics' resultId). */
  resultId: number;
  /** The client pulls this document's diagnostics (textDocument/diagnostic): no pushing. */
  pulled: boolean;
  running?: Running;
  skipped?: DocumentStatus['skipped'];
  tooLargeNotified: boolean;
  timeoutNotified?: boolean;
  loggedErrors: Set<string>;
  /**
   * What the code lenses showed of each section at the last check (with codeLensRefresh): its offset, words and score,
   * three numbers a section; and in which language.
   */
  lens?: Float64Array;
  lensUi?: Language;
  /** The diagnostics of the last whole check, with the findings and text they were made from (showAfterEdit). */
  shown?: Shown;
  /** When the last change arrived and when the store had applied it (timing log only; absolute, see clock). */
  arrivedAt?: number;
  changedAt?: number;
}

export interface Logger {
  info(s: string): void;
  error(s: string): void;
}

export class OpenDocuments {
  readonly documents = new TextDocuments(DOCUMENT_STORE);
  private readonly state = new Map<string, DocState>();
  /** Documents switched off with brug.toggleDocument (for this session). */
  readonly disabled = new Set<string>();
  /** Bumped when settings or .brug.yml change: every result from before is stale. */
  generation = 0;
  /** Result ids of pull diagnostics: one counter for all documents. */
  private results = 0;
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
      st = { token: { cancelled: false }, published: [], resultId: 0, pulled: false, tooLargeNotified: false, loggedErrors: new Set() };
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
    if (TIMING) {
      st.arrivedAt = changeArrivedAt;
      st.changedAt = clock();
    }
    const delay = (this.settings.peek(doc.uri) ?? DEFAULT_SETTINGS).debounceMs;
    this.schedule(doc.uri, delay);
  }

  private closed(uri: string): void {
    const st = this.state.get(uri);
    if (st) {
      st.timer?.cancel();
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
    st.timer?.cancel();
    noteActivity();
    const run = () => {
      st.timer = undefined;
      this.check(uri).catch((err) => this.log.error(`Brug: checking ${uri} failed: ${(err as Error).stack ?? err}`));
    };
    if (delay > 0) {
      const t = setTimeout(run, delay);
      st.timer = { cancel: () => clearTimeout(t) };
      return;
    }
    // No delay: two turns of the message loop (immediates), not a timer, which waits 1 ms at least (setTimeout 0). The
    // message connection handles one queued message per turn: the second turn comes after its next one, so a change
    // already queued behind this one replaces this check before it starts, as it did within the timer's 1 ms.
    let t = setImmediate(() => {
      t = setImmediate(run);
    });
    st.timer = { cancel: () => clearImmediate(t) };
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
    const version = this.documents.get(uri)?.version;
    const checked = st?.last ? st.last.version : st?.skipped && st.skipped !== 'pending' ? version : undefined;
    const status: DocumentStatus = st?.last ? { ...documentStatus(st.last), enabled } : { uri, enabled, skipped: st?.skipped ?? (enabled ? 'pending' : 'disabled') };
    if (typeof checked === 'number') status.version = checked;
    return status;
  }

  publishedFor(uri: string): Diagnostic[] {
    return this.state.get(uri)?.published ?? [];
  }

  /** Checks the document's current version; a run already going for it is shared, not restarted. */
  check(uri: string): Promise<CheckOutcome | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const st = this.stateOf(uri);
    if (st.timer) {
      st.timer.cancel();
      st.timer = undefined;
    }
    const version = doc.version;
    const generation = this.generation;
    if (st.last && st.last.version === version && st.last.generation === generation) return Promise.resolve(st.last);
    if (st.running && st.running.version === version && st.running.generation === generation) return st.running.promise;
    // A newer version or new settings: the older run stops at its next slice.
    st.token.cancelled = true;
    const token = { cancelled: false };
    st.token = token;
    const running: Running = { version, generation, promise: Promise.resolve(undefined) };
    running.promise = this.runCheck(uri, st, token, version, generation).finally(() => {
      if (st.running === running) st.running = undefined;
    });
    st.running = running;
    return running.promise;
  }

  private async runCheck(uri: string, st: DocState, token: { cancelled: boolean }, version: number, generation: number): Promise<CheckOutcome | undefined> {
    const settings = await this.settings.get(uri);
    const stale = () => token.cancelled || this.documents.get(uri)?.version !== version || this.state.get(uri) !== st;
    const doc = this.documents.get(uri);
    if (!doc || stale()) return undefined;

    const format = formatFor(doc.languageId, uri);
    if (!settings.enable || this.disabled.has(uri) || !format) {
      this.skip(uri, st, !format ? 'unsupported' : 'disabled');
      return undefined;
    }
    const text = textForCheck(doc);
    // Taken with the text, before any turn of the loop (a change in between would be counted against this text).
    const edit = takeEdit(doc, text);
    if (this.tooLarge(uri, st, text, settings)) return undefined;

    const started = TIMING ? clock() : 0;
    const cpuStart = TIMING ? process.cpuUsage() : undefined;
    if (!st.last && st.published.length === 0 && (format === 'markdown' || format === 'plaintext') && text.length > 2 * PREVIEW_CHARS) {
      await this.preview(uri, st, doc, text, version, settings, stale, format);
      if (stale()) return undefined;
    }
    // The check of an edit (the document was checked before) lets the young generation grow in its slices.
    const run = await this.drive(this.checker.runSteps({ uri, text, languageId: doc.languageId, version, settings, token, ...(edit ? { edit } : {}) }), stale, st.last !== undefined);
    if (run.timedOut) {
      this.timedOut(uri, st, text, settings, run.spent ?? BUDGET_MS);
      return undefined;
    }
    const outcome = run.value;
    if (!outcome || stale()) return undefined;
    const linted = TIMING ? clock() : 0;
    st.skipped = undefined;
    st.timeoutNotified = false;
    st.last = { ...outcome, generation };
    // Findings that an edit elsewhere left as they were keep the diagnostic objects of the last check.
    // The ends the edits since the last check's text left alone, when that text is the one the store's edit is counted
    // against (the same string: a run in between that was stopped took another).
    const ends = edit && st.shown && edit.base === st.shown.text ? edit : undefined;
    st.shown = showAfterEdit(st.shown, outcome.result.findings, doc, outcome.ui, uri, text, ends);
    const diagnostics = st.shown.diagnostics as Diagnostic[];
    const published = this.setPublished(uri, st, diagnostics, version);
    const publishedAt = TIMING ? clock() : 0;
    if (TIMING) {
      const waited = st.changedAt !== undefined ? started - st.changedAt : 0;
      const cpu = process.cpuUsage(cpuStart);
      // Absolute times (ms, a clock the bench client shares): the change reached the document store, the store had
      // applied it, the check started, the check handed its diagnostics and status to the connection (now).
      const at = st.changedAt !== undefined ? `, at arrived ${(st.arrivedAt ?? st.changedAt).toFixed(2)} changed ${st.changedAt.toFixed(2)} started ${started.toFixed(2)} queued ${clock().toFixed(2)}` : '';
      this.log.info(`brug-timing ${uri} v${version}: waited ${waited.toFixed(1)} ms, lint ${(linted - started).toFixed(1)} ms, diagnostics+publish ${(publishedAt - linted).toFixed(1)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms, ${diagnostics.length} diagnostics, ${published ? 'published' : 'unchanged'}, joins ${pieceTextJoins()}, slices ${run.slices}, longest slice ${run.longest.toFixed(1)} ms, heap ${(heapUsed() / 1048576).toFixed(1)} MB${spaceWatch()}${loopWatch()}${at}`);
    }
    // The status notification comes last: it tells a client this version's check is done.
    const statusSent = this.afterCheck(outcome, st);
    // When the connection has written it (it writes messages one after the other, each once the one before has been
    // taken by the client: the diagnostics first).
    if (TIMING) void statusSent.finally(() => this.log.info(`brug-status ${uri} v${version}: written at ${clock().toFixed(2)}`));
    // The server's own collection (a pause of tens of ms at 100,000 words) waits until the diagnostics and the status
    // have been written: the connection writes them in later turns, and a collection started now would hold them.
    const ended = performance.now();
    void statusSent.then(() => collectIfLarge(ended));
    return st.last;
  }

  /**
   * Runs steps in slices of SLICE_MS with a turn for the message loop in between. Stops (for
   * real: the generator is closed) when the run went stale or used up its budget. `spent`: the processor time of the
   * slices after which the run went on (a finished run's last slice is not measured). `young`: a check of an edit, whose
   * slices may grow V8's young generation to its size for edits (lsp/memory.ts youngGrowth; not the slices of other
   * documents' checks in between, nor a document's first check).
   */
  private async drive<T>(steps: Generator<void, T>, stale: () => boolean, young = false): Promise<{ value?: T; timedOut?: boolean; spent?: number; slices: number; longest: number }> {
    let spent = 0;
    let slices = 0;
    let longest = 0;
    try {
      for (;;) {
        const start = performance.now();
        const cpu = process.cpuUsage();
        if (young) youngGrowth(true);
        let r: IteratorResult<void, T>;
        try {
          do r = steps.next();
          while (!r.done && performance.now() - start < SLICE_MS);
        } finally {
          if (young) youngGrowth(false);
        }
        const took = performance.now() - start;
        slices++;
        if (took > longest) longest = took;
        // The last slice's processor time is not needed (only a run that goes on is held to the budget): one reading
        // of the process's CPU time fewer per check (a getrusage call).
        if (r.done) return { value: r.value, slices, longest };
        const used = process.cpuUsage(cpu);
        spent += (used.user + used.system) / 1000;
        if (spent > BUDGET_MS) return { timedOut: true, spent, slices, longest };
        await turn();
        if (stale()) return { spent, slices, longest };
      }
    } finally {
      steps.return(undefined as T);
    }
  }

  /**
   * The first check of a long document: its first part is checked on its own and the findings
   * of block rules there (a sentence, a word, a paragraph: they depend on that text alone) are
   * published at once; the whole document's check follows and replaces them. Its blocks are then
   * in the engine's cache, so the preview costs the whole check little.
   */
  private async preview(uri: string, st: DocState, doc: TextDocument, view: TextView, version: number, settings: BrugSettings, stale: () => boolean, format: string): Promise<void> {
    // (A document's first check: its text is at hand as one string.)
    const text = flat(view);
    // Cut after a paragraph; the last paragraph before the cut is left out (the cut may fall inside a construct).
    const cut = text.lastIndexOf('\n\n', PREVIEW_CHARS);
    if (cut <= 0) return;
    // Link and footnote definitions further down decide how references in the first part read
    // ("[the report][r1]" is a link, not words): the first part is checked with stubs of all of them.
    const first = format === 'markdown' ? `${text.slice(0, cut)}\n\n${definitionStubs(text)}` : text.slice(0, cut);
    const run = await this.drive(this.checker.runSteps({ uri, text: first, languageId: doc.languageId, version, settings, token: st.token }), stale);
    const outcome = run.value;
    if (!outcome || stale() || st.last) return;
    const early = earlyFinding(outcome);
    const keep = outcome.result.findings.flatMap((f) => {
      if (f.endOffset >= cut) return [];
      if (outcome.engine.rule(f.ruleId)?.scope === 'block') return [f];
      const e = early(f);
      return e ? [e] : [];
    });
    const last = keep.reduce((m, f) => Math.max(m, f.offset), 0);
    // Findings of the last block before the cut may change when the text after it is read: they wait.
    const lastBlock = outcome.result.blocks.findLast((b) => b.toDocument(0, 0).offset < cut);
    const end = lastBlock ? lastBlock.toDocument(0, 0).offset : last;
    const shown = keep.filter((f) => f.endOffset <= end);
    if (shown.length === 0) return;
    this.setPublished(uri, st, toDiagnostics(shown, doc, outcome.ui, uri, text), version);
    if (TIMING) this.log.info(`brug-preview ${uri} v${version}: first ${cut} characters checked, ${cut} characters, ${shown.length} diagnostics, longest slice ${run.longest.toFixed(1)} ms`);
  }

  /** Over brug.maxDocumentSize: skipped, said once. */
  private tooLarge(uri: string, st: DocState, text: TextView, settings: BrugSettings): boolean {
    const max = settings.maxDocumentSize;
    const bytes = text.length * 3 > max ? utf8Length(text) : text.length;
    if (!(max > 0 && bytes > max)) {
      st.tooLargeNotified = false;
      return false;
    }
    this.skip(uri, st, 'too-large');
    if (!st.tooLargeNotified) {
      st.tooLargeNotified = true;
      const name = basename(pathOf(uri) ?? uri);
      this.showInfo(say(messages.tooLarge(name, formatBytes(bytes), formatBytes(max)), this.messageLanguage(settings, text)));
    }
    return true;
  }

  /** A run that used up its time: the diagnostics go (they belong to an older text); said once, before the status. */
  private timedOut(uri: string, st: DocState, text: TextView, settings: BrugSettings, spent: number): void {
    this.log.info(`Brug: stopped checking ${uri} after ${Math.round(spent)} ms of checking time.`);
    if (!st.timeoutNotified) {
      st.timeoutNotified = true;
      const name = basename(pathOf(uri) ?? uri);
      this.showInfo(say(messages.tooSlow(name, Math.round(spent / 1000)), this.messageLanguage(settings, text)));
    }
    this.skip(uri, st, 'timed-out');
  }

  private messageLanguage(settings: BrugSettings, text: TextView): Language {
    return settings.messages !== 'auto' ? settings.messages : detectLanguage(text.slice(0, 20000));
  }

  private showInfo(message: string): void {
    void this.connection.sendNotification('window/showMessage', { type: MessageType.Info, message });
  }

  /** Keeps `diagnostics` as the document's and sends them when they differ from what was sent. */
  private setPublished(uri: string, st: DocState, diagnostics: Diagnostic[], version: number | null): boolean {
    if (sameDiagnostics(st.published, diagnostics) && st.resultId > 0) return false;
    st.published = diagnostics;
    st.resultId = ++this.results;
    if (!st.pulled) this.publish(uri, diagnostics, version);
    return true;
  }

  /** Pull diagnostics: the current version's diagnostics and their result id. */
  async pull(uri: string): Promise<{ resultId: string; diagnostics: Diagnostic[] } | undefined> {
    const st = this.state.get(uri);
    if (!st || !this.documents.get(uri)) return undefined;
    if (!st.pulled) {
      st.pulled = true;
      // What was pushed before goes: the client shows what it pulls.
      if (st.published.length > 0) this.publish(uri, [], null);
    }
    await this.current(uri);
    const now = this.state.get(uri);
    if (!now) return undefined;
    if (now.resultId === 0) now.resultId = ++this.results;
    return { resultId: String(now.resultId), diagnostics: now.published };
  }

  /** The last check's outcome for the current version, waiting at most `ms` for a check in progress. */
  async settled(uri: string, ms: number): Promise<CheckOutcome | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    try {
      return await Promise.race([this.current(uri), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private skip(uri: string, st: DocState, why: NonNullable<DocumentStatus['skipped']>): void {
    const hadDiagnostics = st.published.length > 0 || st.last !== undefined;
    const changed = st.skipped !== why;
    st.last = undefined;
    st.skipped = why;
    if (hadDiagnostics) this.setPublished(uri, st, [], this.documents.get(uri)?.version ?? null);
    if (hadDiagnostics || changed) void this.notifyStatus(uri);
  }

  private publish(uri: string, diagnostics: Diagnostic[], version: number | null): void {
    void this.connection.sendDiagnostics(version === null ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  /** Tells the client the document's status; the promise settles when the connection has written it. */
  private notifyStatus(uri: string): Promise<void> {
    return this.connection.sendNotification(DocumentStatusNotification, this.status(uri)).catch(() => undefined);
  }

  /** After a check: log rules that failed, show settings and dictionary problems, tell the status bar, refresh lenses. */
  private afterCheck(outcome: CheckOutcome, st: DocState): Promise<void> {
    for (const e of outcome.result.errors) {
      const key = `${e.ruleId}\u0000${e.message}`;
      if (st.loggedErrors.has(key)) continue;
      st.loggedErrors.add(key);
      this.log.error(`Brug: rule ${e.ruleId} failed on ${outcome.uri}: ${e.message} (the other rules' findings are still shown)`);
    }
    this.reportProject(outcome);
    const sent = this.notifyStatus(outcome.uri);
    if (this.features.codeLensRefresh && lensChanged(st, outcome.result.sections, outcome.ui)) void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    return sent;
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
