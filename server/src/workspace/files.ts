/**
 * Finding the files to check: files as given, folders recursively, globs. Folder walks follow
 * symlinks but never the same folder twice (a symlink loop ends), take only regular files (a
 * FIFO named x.md is never opened), and skip what `ignore:` in the governing .brug.yml names.
 * Globs are matched with picomatch, which compiles to a linear regular expression.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const CHECKED_EXTENSIONS = ['.md', '.markdown', '.qmd', '.rmd', '.txt', '.tex'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** Word documents: read by the command line and the report (converted with mammoth), not by an editor. */
export const WORD_EXTENSIONS = ['.docx'];

export function isCheckedName(name: string): boolean {
  const lower = name.toLowerCase();
  return CHECKED_EXTENSIONS.some((e) => lower.endsWith(e));
}

export function isWordName(name: string): boolean {
  const lower = name.toLowerCase();
  return WORD_EXTENSIONS.some((e) => lower.endsWith(e));
}

const toSlash = (p: string) => p.split(sep).join('/');

/** A glob (*, **, ?, {a,b}) as a matcher over paths with forward slashes; linear in the path. */
export function globMatcher(globs: string | string[]): (path: string) => boolean {
  return picomatch(globs, { dot: true });
}

/**
 * A matcher for `ignore:` entries, relative to `base` (the folder of the .brug.yml): an entry
 * names a file, a folder (and all below it) or a glob.
 */
const ignoreMatchers = new Map<string, (file: string) => boolean>();

export function ignoreMatcher(base: string, globs: string[]): (file: string) => boolean {
  const key = `${base}\u0000${globs.join('\u0000')}`;
  let m = ignoreMatchers.get(key);
  if (!m) {
    if (ignoreMatchers.size > 64) ignoreMatchers.clear();
    ignoreMatchers.set(key, (m = compileIgnore(base, globs)));
  }
  return m;
}

function compileIgnore(base: string, globs: string[]): (file: string) => boolean {
  const cleaned = globs.map((g) => toSlash(g).replace(/^\.\//, '').replace(/\/+$/, '')).filter((g) => g !== '');
  if (cleaned.length === 0) return () => false;
  const match = globMatcher(cleaned.flatMap((g) => [g, `${g}/**`]));
  return (file: string) => {
    const rel = toSlash(relative(base, file));
    if (rel === '' || rel.startsWith('../') || rel === '..') return false;
    return match(rel);
  };
}

export interface FindOptions {
  cwd?: string;
  /** Whether a found file or folder is ignored (by the .brug.yml that governs it). */
  ignored?: (path: string) => boolean;
  /** Also find Word documents in folders (the command line reads them; the editor does not). */
  word?: boolean;
}

export interface Found {
  files: string[];
  /** Inputs that matched nothing. */
  missing: string[];
  /** Folders (or inputs) that could not be read, with why. */
  unreadable: Array<{ path: string; reason: string }>;
  /** Files and folders skipped by ignore:. */
  ignored: number;
  /** Symlinked folders not entered again (a loop or a second way to the same folder). */
  loops: string[];
}

class Walker {
  readonly seenDirs = new Set<string>();
  readonly out: Found = { files: [], missing: [], unreadable: [], ignored: 0, loops: [] };
  constructor(private readonly options: FindOptions) {}

  walk(dir: string, filter?: (file: string) => boolean): void {
    let real: string;
    try {
      real = realpathSync.native(dir);
    } catch {
      real = dir;
    }
    if (this.seenDirs.has(real)) {
      this.out.loops.push(dir);
      return;
    }
    this.seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      this.out.unreadable.push({ path: dir, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = resolve(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue; // A dangling symlink.
      }
      if (st.isDirectory()) {
        if (SKIPPED_DIRS.has(name)) continue;
        if (this.options.ignored?.(p)) {
          this.out.ignored++;
          continue;
        }
        this.walk(p, filter);
      } else if (st.isFile() && (isCheckedName(name) || (this.options.word === true && isWordName(name)))) {
        if (filter && !filter(p)) continue;
        if (this.options.ignored?.(p)) {
          this.out.ignored++;
          continue;
        }
        this.out.files.push(p);
      }
    }
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Files to check: files as given, folders recursively (.md, .markdown, .qmd, .Rmd, .txt, .tex), globs. */
export function findFiles(inputs: string[], options: FindOptions = {}): Found {
  const cwd = options.cwd ?? process.cwd();
  const w = new Walker(options);
  for (const input of inputs) {
    const before = w.out.files.length + w.out.ignored;
    if (/[*?[\]{}]/.test(input) && !exists(resolve(cwd, input))) {
      const norm = toSlash(input).replace(/^\.\//, '');
      const parts = norm.split('/');
      const firstGlob = parts.findIndex((p) => /[*?[\]{}]/.test(p));
      const base = resolve(cwd, parts.slice(0, firstGlob).join('/') || '.');
      let baseOk = false;
      try {
        baseOk = statSync(base).isDirectory();
      } catch {
        baseOk = false;
      }
      if (!baseOk) {
        w.out.missing.push(input);
        continue;
      }
      const match = globMatcher(norm);
      const absolute = norm.startsWith('/');
      w.walk(base, (f) => match(absolute ? toSlash(f) : toSlash(relative(cwd, f))));
      if (w.out.files.length + w.out.ignored === before) w.out.missing.push(input);
      continue;
    }
    const p = resolve(cwd, input);
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') w.out.missing.push(input);
      else w.out.unreadable.push({ path: p, reason: code ?? (err as Error).message });
      continue;
    }
    if (st.isDirectory()) {
      w.walk(p);
    } else w.out.files.push(p); // Named on purpose: checked (or refused when it is not a regular file) by the reader.
  }
  return { ...w.out, files: [...new Set(w.out.files)] };
}

export interface Expanded {
  files: string[];
  missing: string[];
}

/** Files to check, without `ignore:` (the older interface, kept for callers that only need the list). */
export function expandPaths(inputs: string[], cwd = process.cwd()): Expanded {
  const r = findFiles(inputs, { cwd });
  return { files: r.files, missing: r.missing };
}
