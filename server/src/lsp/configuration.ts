/**
 * Configuration as the server sees it: editor settings fetched per document (and cached
 * until the client says they changed), and problems in .brug.yml and dictionary files shown
 * as diagnostics in those files plus one notification per broken spell.
 */
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver/node';
import type { Connection, Diagnostic, Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Language } from '../engine/types.js';
import type { ConfigFileProblem } from '../workspace/config-file.js';
import type { LoadProblem } from '../workspace/dictionaries.js';
import { MAX_DICTIONARY_BYTES, readSmallText } from '../workspace/read.js';
import { ruleCatalog } from '../workspace/rule-catalog.js';
import { problemDiagnostic } from './diagnostics.js';
import { messages, say } from './messages.js';
import type { BrugSettings } from './settings.js';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings.js';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<BrugSettings>>();
  private readonly resolved = new Map<string, BrugSettings>();
  private pushed: BrugSettings = DEFAULT_SETTINGS;
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pull: () => boolean,
    private readonly log: (s: string) => void,
  ) {}

  /** Settings a client pushed with workspace/didChangeConfiguration (clients that cannot be asked). */
  setPushed(raw: unknown): void {
    const section = raw && typeof raw === 'object' && 'brug' in raw ? (raw as { brug: unknown }).brug : undefined;
    if (section !== undefined) this.pushed = this.normalize(section);
    this.cache.clear();
    this.resolved.clear();
  }

  clear(): void {
    this.cache.clear();
    this.resolved.clear();
  }

  /** Already known settings for a document (no round trip), or undefined. */
  peek(uri: string): BrugSettings | undefined {
    return this.resolved.get(uri);
  }

  get(uri: string): Promise<BrugSettings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.fetch(uri).then((s) => {
        if (this.cache.get(uri) === p) this.resolved.set(uri, s);
        return s;
      });
      this.cache.set(uri, p);
    }
    return p;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.resolved.delete(uri);
  }

  private async fetch(uri: string): Promise<BrugSettings> {
    if (!this.pull()) return this.pushed;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'brug' });
      return this.normalize(raw);
    } catch (err) {
      this.log(`Brug could not read the editor settings (${(err as Error).message}); using ${this.pushed === DEFAULT_SETTINGS ? 'the defaults' : 'the last known settings'}.`);
      return this.pushed;
    }
  }

  private normalize(raw: unknown): BrugSettings {
    const { settings, problems } = normalizeSettings(raw, new Set(ruleCatalog().map((r) => r.id)));
    for (const p of problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.log(`Brug settings: ${p}; using the default for it.`);
    }
    return settings;
  }
}

function lineRange(text: string | undefined, line: number, column: number, offset?: number, endOffset?: number): Range {
  if (text !== undefined && offset !== undefined && endOffset !== undefined) {
    const doc = TextDocument.create('file:///x', 'yaml', 0, text);
    const start = doc.positionAt(offset);
    let end = doc.positionAt(Math.max(offset, endOffset));
    if (end.line === start.line && end.character === start.character) end = { line: start.line, character: start.character + 1 };
    return { start, end };
  }
  const l = Math.max(0, line - 1);
  const c = Math.max(0, column - 1);
  let endChar = c + 1;
  if (text !== undefined) {
    const lines = text.split(/\r?\n|\r/);
    endChar = Math.max(c + 1, (lines[l] ?? '').length);
  }
  return { start: { line: l, character: c }, end: { line: l, character: endChar } };
}

function readText(file: string): string | undefined {
  const r = readSmallText(file, MAX_DICTIONARY_BYTES);
  return r.ok ? r.text : undefined;
}

/**
 * Problems of settings and dictionary files. Each file's diagnostics are published when they
 * change; a notification goes out once when a file turns invalid, not on every check.
 */
export class FileProblems {
  private readonly published = new Map<string, string>();
  private readonly notified = new Set<string>();
  /** Dictionary files each settings file named at its last report. */
  private readonly dictionariesOf = new Map<string, Set<string>>();

  constructor(
    private readonly connection: Connection,
    private readonly locale: () => Language,
  ) {}

  reportConfig(file: string, problems: ConfigFileProblem[], text: string | undefined, language: Language | undefined): void {
    const lang = language ?? this.locale();
    const diagnostics = problems.map((p) => {
      const d = problemDiagnostic(lang === 'nl' && p.nl ? p.nl : p.message, lineRange(text, p.line, p.column, p.offset, p.endOffset), 'brug/config');
      // A setting that falls back to its default is a warning; a file that cannot be used at all is an error.
      return p.severity === 'warning' ? { ...d, severity: DiagnosticSeverity.Warning } : d;
    });
    this.publish(file, diagnostics, (n, first) => messages.configInvalid(basename(file), n, first), language);
  }

  /** Problems of the dictionaries that a settings file names (all of them, so fixed ones are cleared). */
  reportDictionaries(configFile: string, files: string[], problems: LoadProblem[], language: Language | undefined): void {
    const now = new Set(files);
    for (const old of this.dictionariesOf.get(configFile) ?? []) if (!now.has(old)) this.publish(old, [], () => messages.dictionaryInvalid('', 0, ''), language);
    this.dictionariesOf.set(configFile, now);
    for (const file of files) {
      const own = problems.filter((p) => p.file === file);
      const text = own.length ? readText(file) : undefined;
      const diagnostics = own.map((p) => problemDiagnostic(p.message, lineRange(text, p.line, p.column), 'brug/dictionary'));
      this.publish(file, diagnostics, (n, first) => messages.dictionaryInvalid(basename(file), n, first), language);
    }
  }

  /** A settings file was deleted: its problems go with it. */
  clear(file: string): void {
    const uri = pathToFileURL(file).href;
    if (this.published.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(uri);
    this.notified.delete(uri);
    for (const d of this.dictionariesOf.get(file) ?? []) this.clear(d);
    this.dictionariesOf.delete(file);
  }

  private publish(file: string, diagnostics: Diagnostic[], notice: (count: number, first: string) => { nl: string; en: string }, language: Language | undefined): void {
    const uri = pathToFileURL(file).href;
    const signature = JSON.stringify(diagnostics.map((d) => [d.range, d.message]));
    if (this.published.get(uri) === signature) return;
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    this.published.set(uri, signature);
    void this.connection.sendDiagnostics({ uri, diagnostics });
    if (diagnostics.length === 0) {
      this.notified.delete(uri);
      return;
    }
    if (this.notified.has(uri)) return;
    this.notified.add(uri);
    const first = diagnostics[0]!;
    const where = `${basename(file)}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}`;
    void this.connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: say(notice(diagnostics.length, where), language ?? this.locale()) });
  }
}
