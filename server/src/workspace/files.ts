import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const CHECKED_EXTENSIONS = ['.md', '.markdown', '.qmd', '.rmd', '.txt', '.tex'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

function isChecked(name: string): boolean {
  const lower = name.toLowerCase();
  return CHECKED_EXTENSIONS.some((e) => lower.endsWith(e));
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') && name !== '.') continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!SKIPPED_DIRS.has(name)) walk(p, out);
    } else if (isChecked(name)) out.push(p);
  }
}

/** A glob (*, **, ?) as a regular expression over paths with forward slashes. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if ('\\^$+.()|{}[]'.includes(c)) re += `\\${c}`;
    else re += c;
  }
  return new RegExp(`^${re}$`);
}

export interface Expanded {
  files: string[];
  missing: string[];
}

/** Files to check: files as given, folders recursively (.md, .markdown, .qmd, .Rmd, .txt, .tex), globs. */
export function expandPaths(inputs: string[], cwd = process.cwd()): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const norm = input.split(sep).join('/');
      const staticPart = norm.split('/').filter((_, i, parts) => !parts.slice(0, i + 1).some((p) => /[*?]/.test(p))).join('/');
      const base = resolve(cwd, staticPart || '.');
      const re = globToRegExp(norm.replace(/^\.\//, ''));
      const found: string[] = [];
      walk(base, found);
      const matched = found.filter((f) => re.test(relative(cwd, f).split(sep).join('/')));
      if (matched.length === 0) missing.push(input);
      files.push(...matched);
      continue;
    }
    const p = resolve(cwd, input);
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isDirectory()) walk(p, files);
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}
