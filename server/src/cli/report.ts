import { writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Language } from '../engine/types.js';
import { isWordName } from '../workspace/files.js';
import { Workspace } from '../workspace/workspace.js';
import { renderHtmlReport } from '../report/html.js';
import type { ReportFile } from '../report/html.js';
import { reportFileOf } from '../report/data.js';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
}

export interface ReportOptions {
  output?: string;
  language?: Language;
  audience?: string;
  config?: string;
}

/** `<name>.brug.html` beside the file: report.md → report.brug.html. */
export function defaultReportPath(file: string): string {
  const name = basename(file).replace(/\.[^.]+$/, '');
  return join(dirname(file), `${name}.brug.html`);
}

/**
 * `brug report FILE… [--output report.html]`: one standalone HTML page. With --output, all files
 * go into that one page; without, each file gets `<name>.brug.html` beside it. Exit 0 when every
 * report was written, 2 on a usage or file error.
 */
export async function reportCommand(paths: string[], options: ReportOptions, io: Io): Promise<number> {
  if (!paths.length) {
    io.err('brug: report needs at least one file (brug report FILE… [--output report.html])');
    return 2;
  }
  let exit = 0;
  // The same workspace as brug check: ignore:, the nearest .brug.yml checked key by key, the
  // reader's limits and encodings, Word documents.
  const overrides: Record<string, unknown> = {};
  if (options.audience) overrides.audience = options.audience;
  if (options.language) overrides.language = options.language;
  const workspace = new Workspace({ cwd: io.cwd, ...(options.config ? { configFile: options.config } : {}), overrides });
  const found = workspace.findFiles(paths, { word: true });
  for (const m of found.missing) {
    io.err(`brug: ${m}: no such file, folder or match`);
    exit = 2;
  }
  const said = new Set<string>();
  const say = (line: string) => {
    if (!said.has(line)) io.err(line);
    said.add(line);
  };
  const reports: Array<{ file: string; report: ReportFile }> = [];
  for (const file of found.files) {
    const shown = relative(io.cwd, file) || file;
    let text: string;
    if (isWordName(file)) {
      const r = await workspace.readWord(file);
      if (!r.ok) {
        io.err(`brug: ${shown}: ${r.reason.en}`);
        exit = 2;
        continue;
      }
      text = r.doc.text;
    } else {
      const r = workspace.read(file);
      if (!r.ok) {
        io.err(`brug: ${shown}: ${r.reason.en}`);
        exit = 2;
        continue;
      }
      if (r.warning) say(`brug: ${shown}: warning: ${r.warning.en}`);
      text = r.text;
    }
    const c = workspace.configFor(file);
    for (const p of c.problems) say(`${relative(io.cwd, p.file) || p.file}:${p.line}:${p.column}: ${p.message}`);
    const { engine, problems } = workspace.engineFor(file, c.config);
    for (const p of problems) say(`${relative(io.cwd, p.file) || p.file}:${p.line}:${p.column}: ${p.message} (dictionary skipped)`);
    const result = engine.lint(text, isWordName(file) ? { path: `${file}.md`, format: 'markdown', config: c.config } : { path: file, config: c.config });
    reports.push({ file, report: reportFileOf(shown, text, result) });
  }
  const write = (target: string, rs: ReportFile[]) => {
    try {
      writeFileSync(target, renderHtmlReport(rs), 'utf8');
      io.out(relative(io.cwd, target) || target);
    } catch (err) {
      io.err(`brug: ${relative(io.cwd, target) || target}: cannot write the report (${(err as Error).message})`);
      exit = 2;
    }
  };
  if (!reports.length) return exit || 2;
  if (options.output) write(resolve(io.cwd, options.output), reports.map((r) => r.report));
  else for (const r of reports) write(defaultReportPath(r.file), [r.report]);
  return exit;
}
