import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Language, Severity } from '../engine/types.js';
import type { BrugConfig } from '../engine/config/config.js';
import { defaultConfig, mergeConfig } from '../engine/config/config.js';
import { applyFixes } from '../engine/fixes.js';
import { engineFor } from '../workspace/engine.js';
import { findConfigFile, loadConfigFile } from '../workspace/config-file.js';
import { docsUrl } from '../workspace/resources.js';
import { expandPaths } from '../workspace/files.js';
import { VERSION, toGithub, toJson, toSarif, toText } from './output.js';
import type { FileReport } from './output.js';
import { fileExtras } from './extras.js';
import { reportCommand } from './report.js';
import { fixLatexProject, lintLatexProject, planLatexProjects } from '../workspace/latex-project.js';
import type { LatexProjectResult } from '../workspace/latex-project.js';

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const HELP = `brug ${VERSION} — checks whether a research report will reach the people who must use it

Usage:
  brug check [paths, folders or globs …] [options]
  brug report FILE… [--output report.html]   one standalone HTML report (default <name>.brug.html beside each file)
  brug rules                 list the rules
  brug --version | --help

Folders are searched for .md, .markdown, .qmd, .Rmd, .txt and .tex files.

Options:
  --format text|json|sarif|github   output format (default text)
  --language nl|en                  language of the documents (default: detect)
  --messages nl|en                  language of the messages (default: the document's)
  --audience practitioner|academic|general
  --config FILE                     use this .brug.yml (default: nearest one above each file)
  --fail-on hint|info|warning|error exit 1 when a finding is at or above this level (default warning)
  --fix                             apply the preferred fixes and write changed files back
  --quiet                           print findings at or above --fail-on only, no metrics

Exit codes: 0 no finding at or above --fail-on; 1 there is one; 2 usage, configuration or file error.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
}

function fail(io: Io, message: string): number {
  io.err(`brug: ${message}`);
  return 2;
}

export async function main(argv: string[], io: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`), cwd: process.cwd() }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        language: { type: 'string' },
        messages: { type: 'string' },
        audience: { type: 'string' },
        config: { type: 'string' },
        'fail-on': { type: 'string', default: 'warning' },
        fix: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    return fail(io, `${(err as Error).message}\nRun brug --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (values.version) {
    io.out(VERSION);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command === 'rules') {
    const { engine } = engineFor();
    for (const r of engine.rules) io.out(`${r.meta.id.padEnd(36)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description.en}`);
    return 0;
  }
  if (command === 'report') return reportCommand(paths, { ...(values.output ? { output: values.output } : {}), ...(values.language ? { language: values.language as Language } : {}), ...(values.audience ? { audience: values.audience } : {}), ...(values.config ? { config: values.config } : {}) }, io);
  if (command !== 'check') return fail(io, command ? `unknown command "${command}". Use brug check.` : 'no command. Use brug check [paths …] (brug --help).');

  const format = values.format!;
  if (!['text', 'json', 'sarif', 'github'].includes(format)) return fail(io, `--format must be text, json, sarif or github (not "${format}")`);
  const failOn = values['fail-on'] as Severity;
  if (!(failOn in SEVERITY_RANK)) return fail(io, `--fail-on must be hint, info, warning or error (not "${failOn}")`);
  const language = values.language as Language | undefined;
  if (language && language !== 'nl' && language !== 'en') return fail(io, `--language must be nl or en (not "${language}")`);
  const messages = values.messages as Language | undefined;
  if (messages && messages !== 'nl' && messages !== 'en') return fail(io, `--messages must be nl or en (not "${messages}")`);
  const audience = values.audience;
  if (audience && !['practitioner', 'academic', 'general'].includes(audience)) return fail(io, `--audience must be practitioner, academic or general (not "${audience}")`);

  let exit = 0;
  const fixedConfig = values.config ? loadConfigFile(resolve(io.cwd, values.config)) : undefined;
  if (fixedConfig?.problems.length) {
    for (const p of fixedConfig.problems) io.err(`${relative(io.cwd, p.file) || p.file}:${p.line}:${p.column}: ${p.message} (using the defaults)`);
    exit = 2;
  }

  const { files, missing } = expandPaths(paths.length ? paths : ['.'], io.cwd);
  for (const m of missing) {
    io.err(`brug: ${m}: no such file, folder or match`);
    exit = 2;
  }
  const configCache = new Map<string, { file?: string; config: BrugConfig }>();
  const reportedConfigs = new Set<string>();
  const configFor = (file: string): { file?: string; config: BrugConfig } => {
    if (fixedConfig) return fixedConfig.file ? { file: fixedConfig.file, config: fixedConfig.config } : { config: fixedConfig.config };
    const dir = dirname(file);
    let c = configCache.get(dir);
    if (!c) {
      const found = findConfigFile(dir);
      if (!found) c = { config: defaultConfig() };
      else {
        const loaded = loadConfigFile(found);
        if (loaded.problems.length && !reportedConfigs.has(found)) {
          reportedConfigs.add(found);
          for (const p of loaded.problems) io.err(`${relative(io.cwd, p.file) || p.file}:${p.line}:${p.column}: ${p.message} (using the defaults)`);
          exit = 2;
        }
        c = { file: found, config: loaded.config };
      }
      configCache.set(dir, c);
    }
    return c;
  };

  const atFailOn = (f: { severity: Severity }) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn];
  /** The findings a report shows: with --quiet only those at or above --fail-on. */
  const shownOf = <F extends { severity: Severity }>(findings: F[]) => (values.quiet ? findings.filter(atFailOn) : findings);
  const noteFailOn = (findings: Array<{ severity: Severity }>) => {
    if (findings.some(atFailOn) && exit === 0) exit = 1;
  };
  const writeBack = (path: string, text: string) => {
    try {
      writeFileSync(path, text, 'utf8');
    } catch (err) {
      io.err(`brug: ${relative(io.cwd, path) || path}: cannot write the fixes (${(err as Error).message})`);
      exit = 2;
    }
  };

  // Multi-file LaTeX: a main file is checked together with the files it includes (each
  // finding reported in its own file); an included file is then not checked on its own.
  const latex = planLatexProjects(files);

  const reports: FileReport[] = [];
  const reportedDictionaries = new Set<string>();
  for (const file of files) {
    if (latex.covered.has(file)) continue;
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
    const base = configFor(file);
    let config = base.config;
    const overrides: Record<string, unknown> = {};
    if (audience) overrides.audience = audience;
    if (language) overrides.language = language;
    if (messages) overrides.messages = messages;
    if (Object.keys(overrides).length) config = mergeConfig(config, overrides);
    const { engine, problems } = engineFor(config, base.file);
    for (const p of problems) {
      const key = `${p.file}:${p.line}:${p.message}`;
      if (reportedDictionaries.has(key)) continue;
      reportedDictionaries.add(key);
      io.err(`${relative(io.cwd, p.file) || p.file}:${p.line}:${p.column}: ${p.message} (dictionary skipped)`);
      exit = 2;
    }
    const project = latex.projects.get(file);
    if (project) {
      let checked: LatexProjectResult;
      if (values.fix) {
        const fixed = fixLatexProject(engine, file, config);
        checked = fixed.result;
        for (const [changed, newText] of fixed.changed) writeBack(changed, newText);
      } else checked = lintLatexProject(engine, project, config);
      for (const e of checked.result.errors) io.err(`brug: ${shown}: internal error in ${e.ruleId}: ${e.message} (other rules still ran)`);
      const ui: Language = config.messages !== 'auto' ? config.messages : checked.result.language;
      const extra = fileExtras(checked.result, ui);
      const m = checked.result.metrics;
      const whole = {
        en: `Whole document (${checked.files.length} files): ${m.words} words · ${m.sentences} sentences · score ${m.score} (${m.band.en})`,
        nl: `Hele document (${checked.files.length} bestanden): ${m.words} woorden · ${m.sentences} zinnen · score ${m.score} (${m.band.nl})`,
      };
      for (const fr of checked.files) {
        const path = relative(io.cwd, fr.file) || fr.file;
        const findings = shownOf(fr.findings);
        noteFailOn(fr.findings);
        const earlier = reports.find((r) => r.path === path);
        if (earlier) {
          // A file two main files include: one report, with the findings of both.
          const keys = new Set(earlier.findings.map((f) => `${f.offset}:${f.endOffset}:${f.ruleId}`));
          earlier.findings.push(...findings.filter((f) => !keys.has(`${f.offset}:${f.endOffset}:${f.ruleId}`)));
          continue;
        }
        const main = fr.file === file;
        reports.push({
          path,
          text: fr.text,
          language: fr.language,
          format: 'latex',
          metrics: fr.metrics,
          sections: fr.sections,
          findings,
          messages: ui,
          extra: main ? extra.json : {},
          summaryLines: main ? [...(checked.files.length > 1 ? [whole] : []), ...extra.lines] : [],
        });
      }
      continue;
    }
    let result = engine.lint(text, { path: file, config });
    if (values.fix) {
      let current = text;
      for (let pass = 0; pass < 5; pass++) {
        const fixed = applyFixes(current, result.findings);
        if (fixed.applied === 0 || fixed.text === current) break;
        current = fixed.text;
        result = engine.lint(current, { path: file, config });
      }
      if (current !== text) {
        writeBack(file, current);
        text = current;
      }
    }
    for (const e of result.errors) io.err(`brug: ${shown}: internal error in ${e.ruleId}: ${e.message} (other rules still ran)`);
    const ui: Language = config.messages !== 'auto' ? config.messages : result.language;
    const extra = fileExtras(result, ui);
    reports.push({ path: shown, text, language: result.language, format: result.format, metrics: result.metrics, sections: result.sections, findings: shownOf(result.findings), messages: ui, extra: extra.json, summaryLines: extra.lines });
    noteFailOn(result.findings);
  }

  if (format === 'json') io.out(toJson(reports));
  else if (format === 'sarif') {
    const { engine } = engineFor();
    io.out(toSarif(reports, engine.rules.map((r) => ({ id: r.meta.id, description: r.meta.description, helpUri: docsUrl(r.meta.id) }))));
  } else if (format === 'github') {
    const s = toGithub(reports);
    if (s) io.out(s);
  } else {
    const s = toText(reports, values.quiet!);
    if (s.trim()) io.out(s.replace(/\n+$/, ''));
  }
  return exit;
}
