import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { BrugConfig } from '../engine/config/config.js';
import { defaultConfig, mergeConfig } from '../engine/config/config.js';
import type { Language } from '../engine/types.js';
import { engineFor } from '../workspace/engine.js';
import { findConfigFile, loadConfigFile } from '../workspace/config-file.js';
import { expandPaths } from '../workspace/files.js';
import { renderHtmlReport } from '../report/html.js';
import type { ReportFile } from '../report/html.js';
import { reportFileOf } from '../report/data.js';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

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
  const { files, missing } = expandPaths(paths, io.cwd);
  for (const m of missing) {
    io.err(`brug: ${m}: no such file, folder or match`);
    exit = 2;
  }
  const fixed = options.config ? loadConfigFile(resolve(io.cwd, options.config)) : undefined;
  const reports: Array<{ file: string; report: ReportFile }> = [];
  for (const file of files) {
    const shown = relative(io.cwd, file) || file;
    let text: string;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) {
        io.err(`brug: ${shown}: larger than 50 MB; not checked`);
        exit = 2;
        continue;
      }
      const buf = readFileSync(file);
      if (buf.subarray(0, 8000).includes(0)) {
        io.err(`brug: ${shown}: not a text file (it contains binary data); not checked`);
        exit = 2;
        continue;
      }
      text = buf.toString('utf8');
    } catch (err) {
      io.err(`brug: ${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      exit = 2;
      continue;
    }
    let config: BrugConfig;
    let configFile: string | undefined;
    if (fixed) {
      config = fixed.config;
      configFile = fixed.file;
    } else {
      configFile = findConfigFile(dirname(file));
      config = configFile ? loadConfigFile(configFile).config : defaultConfig();
    }
    const overrides: Record<string, unknown> = {};
    if (options.audience) overrides.audience = options.audience;
    if (options.language) overrides.language = options.language;
    if (Object.keys(overrides).length) config = mergeConfig(config, overrides);
    const { engine } = engineFor(config, configFile);
    const result = engine.lint(text, { path: file, config });
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
