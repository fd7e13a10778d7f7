/**
 * Where Brug may read and write. The project of a file is the folder of the .brug.yml that
 * governs it, together with the folder the user asked to check (the command line's folder or
 * the editor's workspace folder). Brug writes only inside the project, checked on the real
 * path (symlinks resolved). It reads files outside the project (LaTeX includes, dictionaries)
 * only when .brug.yml says so with `readOutside`.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface Scope {
  /** Folders that make up the project (as given; compared on their real paths). */
  roots: string[];
  /** Folders outside the project that may be read (resolved), or true for any. */
  readOutside: boolean | string[];
}

/** The real path of a file that may not exist yet: the nearest existing folder's real path plus the rest. */
export function realPath(file: string): string {
  const abs = resolve(file);
  try {
    return realpathSync.native(abs);
  } catch {
    const up = dirname(abs);
    if (up === abs) return abs;
    return join(realPath(up), basename(abs));
  }
}

/** Whether `file` is `dir` or inside it (plain path comparison). */
export function within(file: string, dir: string): boolean {
  if (file === dir) return true;
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Whether a file is inside the project, on its real path (a symlink pointing out is outside). */
export function insideProject(file: string, scope: Scope): boolean {
  const real = realPath(file);
  return scope.roots.some((r) => within(real, realPath(r)));
}

/** Whether Brug may read a file: inside the project, or allowed by readOutside. */
export function mayRead(file: string, scope: Scope): boolean {
  if (insideProject(file, scope)) return true;
  if (scope.readOutside === true) return true;
  if (Array.isArray(scope.readOutside)) {
    const real = realPath(file);
    return scope.readOutside.some((d) => within(real, realPath(d)));
  }
  return false;
}

/** Whether Brug may write a file: only inside the project. */
export function mayWrite(file: string, scope: Scope): boolean {
  return insideProject(file, scope);
}

/** readOutside as written in a .brug.yml, resolved against that file's folder. */
export function resolveReadOutside(value: boolean | string[], configFile: string | undefined, cwd: string): boolean | string[] {
  if (typeof value === 'boolean') return value;
  const base = configFile ? dirname(configFile) : cwd;
  return value.map((d) => resolve(base, d));
}

/** The project scope of a file: the .brug.yml's folder plus the given roots that hold the file. */
export function scopeFor(file: string, configFile: string | undefined, roots: string[], readOutside: boolean | string[], cwd: string): Scope {
  const real = realPath(file);
  const own = roots.filter((r) => within(resolve(file), resolve(r)) || within(real, realPath(r)));
  const all = [...(configFile ? [dirname(configFile)] : []), ...own];
  if (all.length === 0) all.push(dirname(resolve(file)));
  return { roots: all, readOutside: resolveReadOutside(readOutside, configFile, cwd) };
}

/** "x is outside the project" messages. */
export const outsideMessages = {
  read: (shown: string) => ({
    en: `${shown} is outside the project; not read. Allow it with readOutside in .brug.yml`,
    nl: `${shown} ligt buiten het project; niet gelezen. Sta het toe met readOutside in .brug.yml`,
  }),
  /** Said after the file's name: "x.tex: outside the project …". */
  write: () => ({
    en: 'outside the project (its real path); the fixes are not written',
    nl: 'ligt buiten het project (het echte pad); de verbeteringen zijn niet geschreven',
  }),
};
