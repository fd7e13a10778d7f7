import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { Language, Message, Severity } from '../engine/types.js';
import { countText, numberText } from '../engine/text/numbers.js';
import type { BrugConfig } from '../engine/config/config.js';
import type { Engine, LintResult } from '../engine/engine.js';
import { fixDocument } from './fix-run.js';
import { FixSession } from './fix-session.js';
import { engineFor } from '../workspace/engine.js';
import { docsUrl } from '../workspace/resources.js';
import { Workspace } from '../workspace/workspace.js';
import { CHECKED_EXTENSIONS, WORD_EXTENSIONS, isWordName } from '../workspace/files.js';
import { paragraphAt, snippetAt } from '../workspace/docx.js';
import { VERSION } from '../workspace/version.js';
import { fixLatexProject, lintLatexProject, planLatexProjects, readTextFile } from '../workspace/latex-project.js';
import type { LatexProject, LatexProjectResult } from '../workspace/latex-project.js';
import { toGithub, toJson, toSarif, toText } from './output.js';
import type { FileReport } from './output.js';
import { fileExtras } from './extras.js';
import { checkFiles } from '../workspace/pool.js';
import type { PooledResult } from '../workspace/pool.js';
import { reportCommand } from './report.js';

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

const HELP = `brug ${VERSION} — checks whether a research report will reach the people who must use it

Usage:
  brug check [paths, folders or globs …] [options]
  brug report FILE… [--output report.html]   one standalone HTML report (default <name>.brug.html beside each file)
  brug rules                 list the rules
  brug --version | --help

Folders are searched for .md, .markdown, .qmd, .Rmd, .txt, .tex and .docx (Word) files; ignore: in .brug.yml skips some.

Options:
  --format text|json|sarif|github   output format (default text)
  --language nl|en                  language of the documents (default: detect)
  --messages nl|en                  language of the messages (default: the document's)
  --audience practitioner|academic|general
  --config FILE                     use this .brug.yml (default: nearest one above each file)
  --fail-on hint|info|warning|error exit 1 when a finding is at or above this level (default warning)
  --fix                             apply the safe fixes, write changed files back (UTF-8 files inside the project only) and say what changed
  --dry-run                         with --fix: print the changes as a unified diff, write nothing
  --quiet                           print findings at or above --fail-on only, no metrics

Exit codes: 0 no finding at or above --fail-on; 1 there is one; 2 usage, configuration or file error.`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
}

const OPTIONS = {
  format: { type: 'string', default: 'text' },
  language: { type: 'string' },
  messages: { type: 'string' },
  audience: { type: 'string' },
  config: { type: 'string' },
  'fail-on': { type: 'string', default: 'warning' },
  fix: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

/** The options of `brug check`, validated. */
export interface CheckOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'github';
  failOn: Severity;
  language?: Language;
  messages?: Language;
  audience?: string;
  config?: string;
  fix: boolean;
  /** With fix: show the changes as a diff, write nothing. */
  dryRun?: boolean;
  quiet: boolean;
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>['values'];

function fail(io: Io, message: string): number {
  io.err(`brug: ${message}`);
  return 2;
}

/** Checks the values of the options; a message when one is wrong. */
function checkOptions(values: Values, paths: string[]): CheckOptions | string {
  const format = values.format!;
  if (!['text', 'json', 'sarif', 'github'].includes(format)) return `--format must be text, json, sarif or github (not "${format}")`;
  const failOn = values['fail-on'] as Severity;
  if (!(failOn in SEVERITY_RANK)) return `--fail-on must be hint, info, warning or error (not "${failOn}")`;
  for (const key of ['language', 'messages'] as const) {
    const v = values[key];
    if (v && v !== 'nl' && v !== 'en') return `--${key} must be nl or en (not "${v}")`;
  }
  if (values['dry-run'] && !values.fix) return '--dry-run goes with --fix (brug check --fix --dry-run shows the changes without writing them)';
  const audience = values.audience;
  if (audience && !['practitioner', 'academic', 'general'].includes(audience)) return `--audience must be practitioner, academic or general (not "${audience}")`;
  return {
    paths,
    format: format as CheckOptions['format'],
    failOn,
    ...(values.language ? { language: values.language as Language } : {}),
    ...(values.messages ? { messages: values.messages as Language } : {}),
    ...(audience ? { audience } : {}),
    ...(values.config ? { config: values.config } : {}),
    fix: !!values.fix,
    ...(values['dry-run'] ? { dryRun: true } : {}),
    quiet: !!values.quiet,
  };
}

/** One run of `brug check`: the workspace, what has been said, the reports, the exit code. */
export class CheckRun {
  exit = 0;
  readonly reports: FileReport[] = [];
  readonly workspace: Workspace;
  /** What --fix changed, said at the end of the run (fix-session.ts). */
  readonly fixes: FixSession | undefined;
  private readonly said = new Set<string>();

  constructor(
    readonly io: Io,
    readonly options: CheckOptions,
  ) {
    const overrides: Record<string, unknown> = {};
    if (options.audience) overrides.audience = options.audience;
    if (options.language) overrides.language = options.language;
    if (options.messages) overrides.messages = options.messages;
    this.fixes = options.fix ? new FixSession(!!options.dryRun) : undefined;
    this.workspace = new Workspace({ cwd: io.cwd, ...(options.config ? { configFile: options.config } : {}), overrides });
  }

  shown(file: string): string {
    return relative(this.io.cwd, file) || file;
  }

  /** A message on stderr, once; `code` 2 makes the run exit 2. */
  say(message: string, code?: 2): void {
    if (code) this.exit = 2;
    if (this.said.has(message)) return;
    this.said.add(message);
    this.io.err(message);
  }

  atFailOn(f: { severity: Severity }): boolean {
    return SEVERITY_RANK[f.severity] >= SEVERITY_RANK[this.options.failOn];
  }

  /** The findings a report shows: with --quiet only those at or above --fail-on. */
  shownOf<F extends { severity: Severity }>(findings: F[]): F[] {
    return this.options.quiet ? findings.filter((f) => this.atFailOn(f)) : findings;
  }

  noteFailOn(findings: Array<{ severity: Severity }>): void {
    if (findings.some((f) => this.atFailOn(f)) && this.exit === 0) this.exit = 1;
  }

  /** The configuration of a file, its problems said once (a broken key costs only that key). */
  configOf(file: string): BrugConfig {
    const c = this.workspace.configFor(file);
    for (const p of c.problems) this.say(`${this.shown(p.file)}:${p.line}:${p.column}: ${p.message}`, c.unusable ? 2 : undefined);
    return c.config;
  }

  engineOf(file: string, config: BrugConfig): Engine {
    const { engine, problems } = this.workspace.engineFor(file, config);
    for (const p of problems) this.say(`${this.shown(p.file)}:${p.line}:${p.column}: ${p.message} (dictionary skipped)`, p.refused ? undefined : 2);
    return engine;
  }

  /**
   * Writes fixed text back, inside the project only, UTF-8 files only. A refusal by that
   * policy is a message; a failed write (permissions, disk) also makes the run exit 2.
   */
  writeBack(file: string, text: string, from: string = file): boolean {
    const r = this.workspace.write(file, text, from);
    if (!r.ok) this.say(`brug: ${this.shown(file)}: ${r.reason.en}`, r.kind === 'io' ? 2 : undefined);
    return r.ok;
  }

  uiLanguage(config: BrugConfig, result: LintResult): Language {
    return config.messages !== 'auto' ? config.messages : result.language;
  }

  internalErrors(file: string, result: LintResult): void {
    for (const e of result.errors) this.say(`brug: ${this.shown(file)}: internal error in ${e.ruleId}: ${e.message} (other rules still ran)`);
  }
}

/** The files to check; problems (nothing found, unreadable folders) said on the way. */
function filesToCheck(run: CheckRun): string[] {
  const inputs = run.options.paths.length ? run.options.paths : ['.'];
  const found = run.workspace.findFiles(inputs, { word: true });
  for (const m of found.missing) run.say(`brug: ${m}: no such file, folder or match`, 2);
  for (const u of found.unreadable) run.say(`brug: ${run.shown(u.path)}: cannot read this folder (${u.reason}); its files are not checked`, 2);
  if (found.files.length === 0 && found.missing.length === 0) {
    const what = inputs.join(', ');
    const skipped = found.ignored ? ` (${found.ignored} skipped by ignore: in .brug.yml)` : '';
    run.say(`brug: no files to check in ${what}: looked for ${[...CHECKED_EXTENSIONS, ...WORD_EXTENSIONS].join(', ')} files${skipped}`, 2);
  }
  return found.files;
}

/** Reads one document; undefined (and a message) when it cannot be checked. */
function readForCheck(run: CheckRun, file: string): { text: string; writable: boolean } | undefined {
  const r = run.workspace.read(file);
  if (!r.ok) {
    run.say(`brug: ${run.shown(file)}: ${r.reason.en}${/not (checked|read)/.test(r.reason.en) ? '' : '; not checked'}`, 2);
    return undefined;
  }
  if (r.warning) run.say(`brug: ${run.shown(file)}: warning: ${r.warning.en}`);
  if (r.text.trim() === '' || (r.bom && r.text.slice(1).trim() === '')) {
    run.say(`brug: ${run.shown(file)}: empty; there is no text to check`, 2);
    return undefined;
  }
  return { text: r.text, writable: r.writable };
}

/** Checks one file on its own (Markdown, plain text, a LaTeX file that includes nothing); `pooled` may hold its check, made on a worker thread. */
function checkFile(run: CheckRun, file: string, pooled?: Map<string, { text: string; result: PooledResult }>): void {
  const doc = readForCheck(run, file);
  if (!doc) return;
  const config = run.configOf(file);
  const engine = run.engineOf(file, config);
  let text = doc.text;
  const done = pooled?.get(file);
  let result = done && done.text === text ? (done.result as LintResult) : engine.lint(text, { path: file, config });
  if (run.fixes) {
    // Safe fixes only, in passes, never one that adds a finding (fix-run.ts); each change said (fix-session.ts).
    const fixed = fixDocument(text, result, (t) => engine.lint(t, { path: file, config }));
    if (!doc.writable) run.say(`brug: ${run.shown(file)}: the fixes are not written (the file is not UTF-8)`);
    else if (run.fixes.file(run.shown(file), text, fixed.text, run.uiLanguage(config, result), fixed.suggestions) && run.writeBack(file, fixed.text)) {
      text = fixed.text;
      result = fixed.result;
    }
  }
  run.internalErrors(file, result);
  const ui = run.uiLanguage(config, result);
  const extra = fileExtras(result, ui);
  run.reports.push({ path: run.shown(file), text, language: result.language, format: result.format, metrics: result.metrics, sections: result.sections, findings: run.shownOf(result.findings), messages: ui, extra: extra.json, summaryLines: extra.lines });
  run.noteFailOn(result.findings);
}

/**
 * Checks a Word document: converted to Markdown (workspace/docx.ts), findings placed by paragraph
 * number and snippet. --fix never writes a .docx: the writer makes the changes in Word.
 */
async function checkWordFile(run: CheckRun, file: string): Promise<void> {
  const r = await run.workspace.readWord(file);
  if (!r.ok) {
    run.say(`brug: ${run.shown(file)}: ${r.reason.en}`, 2);
    return;
  }
  const { doc } = r;
  for (const w of doc.warnings.slice(0, 3)) run.say(`brug: ${run.shown(file)}: note: ${w}`);
  if (doc.text.trim() === '') {
    run.say(`brug: ${run.shown(file)}: empty; there is no text to check`, 2);
    return;
  }
  if (run.options.fix) run.say(`brug: ${run.shown(file)}: --fix does not change Word documents; make the changes in Word (the findings below say where)`);
  const config = run.configOf(file);
  const engine = run.engineOf(file, config);
  const result = engine.lint(doc.text, { path: `${file}.md`, format: 'markdown', config });
  run.internalErrors(file, result);
  const ui = run.uiLanguage(config, result);
  const extra = fileExtras(result, ui);
  // Word's findings have no edits to offer outside Word.
  const findings = result.findings.map((f) => ({ ...f, fixes: [] }));
  run.reports.push({
    path: run.shown(file),
    text: doc.text,
    language: result.language,
    format: 'docx',
    metrics: result.metrics,
    sections: result.sections,
    findings: run.shownOf(findings),
    messages: ui,
    extra: extra.json,
    summaryLines: extra.lines,
    locate: (offset, endOffset) => ({ paragraph: paragraphAt(doc, offset)?.number ?? 1, snippet: snippetAt(doc, offset, endOffset) }),
  });
  run.noteFailOn(result.findings);
}

/** Checks a LaTeX main file together with the files it includes; each finding in its own file. */
function checkLatexProject(run: CheckRun, file: string, project: LatexProject): void {
  const main = run.workspace.read(file);
  if (main.ok && main.warning) run.say(`brug: ${run.shown(file)}: warning: ${main.warning.en}`);
  const config = run.configOf(file);
  const engine = run.engineOf(file, config);
  let checked: LatexProjectResult;
  if (run.options.fix) {
    const fixed = fixLatexProject(engine, file, config, readTextFile, 5, run.workspace.mayRead(file));
    checked = fixed.result;
    const ui = run.uiLanguage(config, checked.result);
    for (const [changed, newText] of fixed.changed) if (run.fixes!.file(run.shown(changed), readTextFile(changed) ?? newText, newText, ui)) run.writeBack(changed, newText, file);
    if (run.fixes!.dryRun) checked = lintLatexProject(engine, project, config);
  } else checked = lintLatexProject(engine, project, config);
  run.internalErrors(file, checked.result);
  const ui = run.uiLanguage(config, checked.result);
  const extra = fileExtras(checked.result, ui);
  const m = checked.result.metrics;
  const whole: Message = {
    en: `Whole document (${countText(checked.files.length, 'en', 'file', 'files')}): ${countText(m.words, 'en', 'word', 'words')} · ${countText(m.sentences, 'en', 'sentence', 'sentences')} · score ${numberText(m.score, 'en')} (${m.band.en})`,
    nl: `Hele document (${countText(checked.files.length, 'nl', 'bestand', 'bestanden')}): ${countText(m.words, 'nl', 'woord', 'woorden')} · ${countText(m.sentences, 'nl', 'zin', 'zinnen')} · score ${numberText(m.score, 'nl')} (${m.band.nl})`,
  };
  for (const fr of checked.files) {
    const path = run.shown(fr.file);
    const findings = run.shownOf(fr.findings);
    run.noteFailOn(fr.findings);
    const earlier = run.reports.find((r) => r.path === path);
    if (earlier) {
      // A file two main files include: one report, with the findings of both.
      const keys = new Set(earlier.findings.map((f) => `${f.offset}:${f.endOffset}:${f.ruleId}`));
      earlier.findings.push(...findings.filter((f) => !keys.has(`${f.offset}:${f.endOffset}:${f.ruleId}`)));
      continue;
    }
    const main = fr.file === file;
    run.reports.push({
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
}

/** Prints the reports in the chosen format. */
function printReports(run: CheckRun): void {
  const { io, options, reports } = run;
  if (options.format === 'json') io.out(toJson(reports));
  else if (options.format === 'sarif') {
    const { engine } = engineFor();
    io.out(toSarif(reports, engine.rules.map((r) => ({ id: r.meta.id, description: r.meta.description, helpUri: docsUrl(r.meta.id) }))));
  } else if (options.format === 'github') {
    const s = toGithub(reports);
    if (s) io.out(s);
  } else {
    const s = toText(reports, options.quiet);
    if (s.trim()) io.out(s.replace(/\n+$/, ''));
  }
}

/** brug check: find the files, check each (multi-file LaTeX documents as one), print, exit code. */
export async function runCheck(io: Io, options: CheckOptions): Promise<number> {
  const run = new CheckRun(io, options);
  if (options.config) run.configOf(options.config);
  const files = filesToCheck(run);
  // Multi-file LaTeX: a main file is checked together with the files it includes (each
  // finding reported in its own file); an included file is then not checked on its own.
  const latex = planLatexProjects(files, readTextFile, (root) => run.workspace.mayRead(root));
  // Many files: checked on all cores first (workspace/pool.ts), then reported below in this
  // order, as one by one. Files with project dictionaries stay in this thread.
  const single = files.filter((f) => !latex.covered.has(f) && !latex.projects.has(f));
  const pooled = options.fix ? undefined : await checkFiles(single, (f) => ({ config: run.configOf(f) }), (f) => run.configOf(f).vocabulary.dictionaries.length === 0);
  for (const file of files) {
    if (isWordName(file)) {
      await checkWordFile(run, file);
      continue;
    }
    if (latex.covered.has(file)) continue;
    const project = latex.projects.get(file);
    if (project) checkLatexProject(run, file, project);
    else checkFile(run, file, pooled);
  }
  // What --fix changed: with the text report on standard output, else on standard error (the JSON stays JSON).
  if (run.fixes) (options.format === 'text' ? io.out : io.err)(run.fixes.output());
  printReports(run);
  return run.exit;
}

/** brug rules: the rules, their default severity and what they check. */
function runRules(io: Io): number {
  const { engine } = engineFor();
  for (const r of engine.rules) io.out(`${r.meta.id.padEnd(36)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description.en}`);
  return 0;
}

/** The commands: name → what runs it (given the parsed values and the positionals after the command). */
export const COMMANDS: Record<string, (io: Io, values: Values, args: string[]) => Promise<number> | number> = {
  check: (io, values, args) => {
    const options = checkOptions(values, args);
    return typeof options === 'string' ? fail(io, options) : runCheck(io, options);
  },
  rules: (io) => runRules(io),
  report: (io, values, args) => reportCommand(args, { ...(values.output ? { output: values.output } : {}), ...(values.language === 'nl' || values.language === 'en' ? { language: values.language } : {}), ...(values.audience ? { audience: values.audience } : {}), ...(values.config ? { config: values.config } : {}) }, io),
};

const DEFAULT_IO: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`), cwd: process.cwd() };

export async function main(argv: string[], io: Io = DEFAULT_IO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
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
  const [command, ...args] = positionals;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) return fail(io, command ? `unknown command "${command}". Use brug check.` : 'no command. Use brug check [paths …] (brug --help).');
  return run(io, values, args);
}
