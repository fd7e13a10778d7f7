/**
 * The workspace: what the command line, the language server and the report call to find
 * files, find and read the .brug.yml that governs each file, read documents, and write fixes
 * back. It holds the policy in one place: `ignore:`, the project scope (writes only inside,
 * reads outside only with `readOutside`), untrusted workspaces, sizes and encodings.
 */
import { dirname, resolve } from 'node:path';
import { defaultConfig, mergeConfig } from '../engine/config/config.js';
import type { BrugConfig } from '../engine/config/config.js';
import type { Engine, EngineOptions } from '../engine/engine.js';
import { findConfigFile, loadConfigFile } from './config-file.js';
import type { ConfigFileProblem, LoadedConfig } from './config-file.js';
import type { LoadProblem } from './dictionaries.js';
import { engineFor } from './engine.js';
import { findFiles, ignoreMatcher } from './files.js';
import type { Found } from './files.js';
import { MAX_DOCUMENT_BYTES, readBytes, readDocument, writeDocument } from './read.js';
import type { ReadFailure, ReadResult, WriteResult } from './read.js';
import { readDocx } from './docx.js';
import type { DocxDocument } from './docx.js';
import { insideProject, mayRead, mayWrite, outsideMessages, scopeFor } from './scope.js';
import type { Scope } from './scope.js';

export interface FileConfig {
  /** The .brug.yml in force, if any. */
  file?: string;
  config: BrugConfig;
  problems: ConfigFileProblem[];
  unusable: boolean;
}

export interface WorkspaceOptions {
  /** The folder paths are shown relative to and relative inputs resolve against. */
  cwd: string;
  /** Folders that belong to the project besides each file's .brug.yml folder (the editor's workspace folders). */
  roots?: string[];
  /** One configuration file for every file (--config), instead of the nearest one. */
  configFile?: string;
  /** An untrusted workspace: its .brug.yml may not name dictionaries or allow reads outside. */
  untrusted?: boolean;
  /** Settings layered over every file's .brug.yml (the command line's --audience, …). */
  overrides?: Record<string, unknown>;
}

/**
 * What a workspace .brug.yml may not do when the workspace is untrusted: point Brug at files
 * (dictionaries) or allow reads outside the project.
 */
export function restrictUntrusted(config: BrugConfig): BrugConfig {
  if (config.vocabulary.dictionaries.length === 0 && config.readOutside === false) return config;
  return { ...config, vocabulary: { ...config.vocabulary, dictionaries: [] }, readOutside: false };
}

export class Workspace {
  private readonly configs = new Map<string, FileConfig>();
  private readonly byDir = new Map<string, string | null>();
  private fixed: LoadedConfig | undefined;
  private readonly matchers = new WeakMap<FileConfig, (path: string) => boolean>();

  constructor(readonly options: WorkspaceOptions) {
    if (options.configFile) this.fixed = loadConfigFile(resolve(options.cwd, options.configFile));
  }

  /** The configuration file that governs a folder, or undefined. */
  configFileFor(dir: string): string | undefined {
    if (this.fixed) return this.fixed.file;
    let hit = this.byDir.get(dir);
    if (hit === undefined) {
      hit = findConfigFile(dir) ?? null;
      this.byDir.set(dir, hit);
    }
    return hit ?? undefined;
  }

  /** The .brug.yml of a file, loaded once: its settings, problems, and whether it was usable. */
  configFor(file: string): FileConfig {
    const cf = this.configFileFor(dirname(resolve(this.options.cwd, file)));
    const key = cf ?? '';
    let c = this.configs.get(key);
    if (!c) {
      const loaded = this.fixed ?? (cf ? loadConfigFile(cf) : undefined);
      let config = loaded?.config ?? defaultConfig();
      if (this.options.untrusted) config = restrictUntrusted(config);
      if (this.options.overrides && Object.keys(this.options.overrides).length) config = mergeConfig(config, this.options.overrides);
      c = { ...(cf ? { file: cf } : {}), config, problems: loaded?.problems ?? [], unusable: loaded?.unusable ?? false };
      this.configs.set(key, c);
    }
    return c;
  }

  /** Every configuration loaded so far (to report their problems once). */
  loadedConfigs(): FileConfig[] {
    return [...this.configs.values()];
  }

  /** Where a file's project is: for reads outside it and writes. */
  scopeFor(file: string): Scope {
    const c = this.configFor(file);
    return scopeFor(resolve(this.options.cwd, file), c.file, this.options.roots ?? [this.options.cwd], c.config.readOutside, this.options.cwd);
  }

  /** Whether `ignore:` in the .brug.yml that governs a path skips it. */
  isIgnored(path: string): boolean {
    const c = this.configFor(path);
    if (!c.file || c.config.ignore.length === 0) return false;
    let match = this.matchers.get(c);
    if (!match) this.matchers.set(c, (match = ignoreMatcher(dirname(c.file), c.config.ignore)));
    return match(resolve(this.options.cwd, path));
  }

  /** The files to check under the inputs (files, folders, globs), without the ignored ones. */
  findFiles(inputs: string[], options: { word?: boolean } = {}): Found {
    return findFiles(inputs, { cwd: this.options.cwd, ignored: (p) => this.isIgnored(p), ...options });
  }

  /** Reads a document to check. */
  /**
   * Reads a Word document (.docx) as Markdown with its paragraph map; never writable. The same
   * limits as any document (a regular file, its size checked before reading).
   */
  async readWord(file: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<{ ok: true; doc: DocxDocument } | ReadFailure> {
    const bytes = readBytes(file, maxBytes);
    if (!bytes.ok) return bytes;
    try {
      return { ok: true, doc: await readDocx(bytes.bytes) };
    } catch (err) {
      const why = (err as Error).message;
      return { ok: false, kind: 'unreadable', reason: { en: `${why}; not checked`, nl: `${why.replace(/^not a readable Word document/, 'geen leesbaar Word-document')}; niet gecontroleerd` } };
    }
  }

  read(file: string, maxBytes?: number): ReadResult {
    return readDocument(file, maxBytes);
  }

  /** Whether a file that a document pulls in (or a dictionary) may be read for `from`'s project. */
  mayRead(from: string): (file: string) => boolean {
    const scope = this.scopeFor(from);
    return (file: string) => mayRead(file, scope);
  }

  /** The engine for a file's configuration: bundled plus project dictionaries (inside the project, or allowed). */
  engineFor(file: string, config: BrugConfig, options: EngineOptions = {}): { engine: Engine; problems: LoadProblem[] } {
    const c = this.configFor(file);
    return engineFor(config, c.file, options, this.mayRead(file));
  }

  /**
   * Writes fixed text to a file of `from`'s project: refused outside the project (on the real
   * path) and for files that are not UTF-8.
   */
  write(file: string, text: string, from: string = file): WriteResult {
    if (!mayWrite(file, this.scopeFor(from))) return { ok: false, kind: 'outside', reason: outsideMessages.write() };
    return writeDocument(file, text);
  }
}

/**
 * The engine for one file of an editor's workspace (or any caller without a Workspace):
 * project dictionaries are read only inside the project (the .brug.yml's folder and the
 * `roots` that hold the file) or where readOutside allows.
 */
export function engineForFile(file: string | undefined, configFile: string | undefined, config: BrugConfig, roots: string[], options: EngineOptions = {}): { engine: Engine; problems: LoadProblem[] } {
  const anchor = file ?? configFile;
  if (!anchor) return engineFor(config, configFile, options);
  const scope = scopeFor(anchor, configFile, roots, config.readOutside, dirname(anchor));
  return engineFor(config, configFile, options, (f) => mayRead(f, scope));
}

/** Whether `file` may be read by a document at `from` (LaTeX includes), for callers without a Workspace. */
export function mayReadFrom(from: string, configFile: string | undefined, config: BrugConfig, roots: string[]): (file: string) => boolean {
  const scope = scopeFor(from, configFile, roots, config.readOutside, dirname(from));
  return (file: string) => mayRead(file, scope);
}

/** Whether `file` is inside one of `roots` on its real path (where an editor may write, e.g. .brug.yml). */
export function insideRoots(file: string, roots: string[]): boolean {
  return roots.length > 0 && insideProject(file, { roots, readOutside: false });
}
