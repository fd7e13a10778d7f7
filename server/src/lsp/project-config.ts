/**
 * The .brug.yml that governs a document: found from the document's folder upwards, read
 * once and kept until the file changes. Each broken setting falls back to its default (the
 * workspace layer checks the file setting by setting); the problems are kept for the server
 * to show as diagnostics in .brug.yml. In an untrusted workspace the file may not name
 * dictionaries or allow reads outside the project.
 */
import { statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { defaultConfig } from '../engine/config/config.js';
import type { BrugConfig } from '../engine/config/config.js';
import { findConfigFile, loadConfigFile, loadConfigText } from '../workspace/config-file.js';
import type { ConfigFileProblem } from '../workspace/config-file.js';
import { MAX_CONFIG_BYTES, readSmallText } from '../workspace/read.js';
import { restrictUntrusted } from '../workspace/workspace.js';

export interface ProjectConfig {
  file?: string;
  config: BrugConfig;
  problems: ConfigFileProblem[];
  /** The text the problems' offsets point into. */
  text?: string;
}

interface Loaded extends ProjectConfig {
  mtime: number;
  size: number;
}

export class ProjectConfigs {
  private readonly byDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, Loaded>();
  /**
   * Text written through the editor but perhaps not yet saved, with the text it replaced: it
   * wins until the file on disk holds something other than that base (saved, or changed by
   * someone else). An editor that creates the file first writes it empty: still the base.
   */
  private readonly pending = new Map<string, string>();
  private readonly pendingBase = new Map<string, string>();

  /**
   * @param cacheLookups keep "which file governs this folder" between checks. Only safe when
   * the client tells us about created and deleted .brug.yml files (watched files).
   */
  /** The client said the workspace is not trusted: dictionaries and readOutside in .brug.yml are not used. */
  untrusted = false;

  constructor(public cacheLookups = false) {}

  private restricted(entry: Loaded): Loaded {
    if (!this.untrusted) return entry;
    const config = restrictUntrusted(entry.config);
    return config === entry.config ? entry : { ...entry, config };
  }

  fileFor(dir: string): string | undefined {
    if (this.cacheLookups) {
      const hit = this.byDir.get(dir);
      if (hit !== undefined) return hit ?? undefined;
    }
    let found: string | undefined;
    try {
      found = findConfigFile(dir);
    } catch {
      found = undefined;
    }
    // A file created through the editor that is not on disk yet governs its folder and those
    // below it, unless a nearer file exists.
    for (const p of this.pending.keys()) {
      const pdir = dirname(p);
      const covers = dir === pdir || dir.startsWith(pdir.endsWith(sep) ? pdir : pdir + sep);
      if (covers && (!found || dirname(found).length < pdir.length)) found = p;
    }
    if (this.cacheLookups) this.byDir.set(dir, found ?? null);
    return found;
  }

  /** The configuration for a document in `dir` (a folder path), or the defaults. */
  forDirectory(dir: string | undefined): ProjectConfig {
    if (!dir) return { config: defaultConfig(), problems: [] };
    const file = this.fileFor(dir);
    if (!file) return { config: defaultConfig(), problems: [] };
    return this.load(file);
  }

  load(file: string): ProjectConfig {
    const pending = this.pending.get(file);
    if (pending !== undefined) {
      const cached = this.loaded.get(file);
      if (cached && cached.mtime === -1 && cached.text === pending) return cached;
      const r = loadConfigText(file, pending);
      const entry = this.restricted({ file, config: r.config, problems: r.problems, text: pending, mtime: -1, size: pending.length });
      this.loaded.set(file, entry);
      return entry;
    }
    let mtime = 0;
    let size = 0;
    try {
      const st = statSync(file);
      mtime = st.mtimeMs;
      size = st.size;
    } catch {
      // Gone since the lookup: loadConfigFile reports it.
    }
    const cached = this.loaded.get(file);
    if (cached && cached.mtime === mtime && cached.size === size) return cached;
    const r = loadConfigFile(file);
    const text = r.text;
    const entry = this.restricted({ file, config: r.config, problems: r.problems, mtime, size, ...(text !== undefined ? { text } : {}) });
    this.loaded.set(file, entry);
    return entry;
  }

  /** Text we wrote through the editor that may not be saved yet. */
  pendingText(file: string): string | undefined {
    return this.pending.get(file);
  }

  /** The editor has (or will have) this text for the file, which held `base` before (empty when new). */
  setPending(file: string, text: string, base = ''): void {
    this.pending.set(file, text);
    this.pendingBase.set(file, base);
    this.byDir.clear();
  }

  /** A watched file changed: forget what we know about it (and every lookup, for creations). */
  invalidate(file?: string): void {
    if (file) {
      this.loaded.delete(file);
      if (this.pending.has(file)) {
        const read = readSmallText(file, MAX_CONFIG_BYTES);
        const disk = read.ok ? read.text : undefined;
        if (disk === undefined || disk !== this.pendingBase.get(file)) {
          this.pending.delete(file);
          this.pendingBase.delete(file);
        }
      }
    } else {
      this.loaded.clear();
      this.pending.clear();
      this.pendingBase.clear();
    }
    this.byDir.clear();
  }

  /** Files currently loaded (to re-publish or clear their problems). */
  files(): string[] {
    return [...this.loaded.keys()];
  }
}
