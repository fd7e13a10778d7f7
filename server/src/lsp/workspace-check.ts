/**
 * brug.checkWorkspace: every supported file in the workspace folders, with progress that the
 * user can cancel. Open documents are checked as the editor has them; closed files as they
 * are on disk, and their diagnostics are published too.
 */
import { dirname, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Language } from '../engine/types.js';
import { findFiles, ignoreMatcher } from '../workspace/files.js';
import { readDocument } from '../workspace/read.js';
import { mayReadFrom } from '../workspace/workspace.js';
import type { ClientFeatures } from './capabilities.js';
import type { Checker } from './checker.js';
import type { SettingsStore } from './configuration.js';
import { toDiagnostics } from './diagnostics.js';
import type { Logger, OpenDocuments } from './documents.js';
import { messages, say } from './messages.js';
import { lintLatexProject, planLatexProjects, readTextFile } from '../workspace/latex-project.js';
import type { BrugConfig } from '../engine/config/config.js';
import type { LintResult } from '../engine/engine.js';
import { CheckPool, poolSize } from '../workspace/pool.js';
import type { PooledResult } from '../workspace/pool.js';

export interface WorkspaceCheckSummary {
  files: number;
  checked: number;
  findings: number;
  skipped: number;
  cancelled: boolean;
}

export interface WorkspaceCheckContext {
  connection: Connection;
  documents: OpenDocuments;
  checker: Checker;
  settings: SettingsStore;
  features: ClientFeatures;
  log: Logger;
  folders: () => string[];
  /** Closed files with diagnostics from this check. */
  published: Set<string>;
}

const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether `file` matches one of the `ignore` entries of the .brug.yml in `base`. */
export function ignored(file: string, base: string, globs: string[]): boolean {
  return ignoreMatcher(base, globs)(file);
}

/** The closed, enabled, readable files of the check, submitted to a pool of worker threads when they are worth it. */
async function startPool(
  ctx: WorkspaceCheckContext,
  files: string[],
  folders: string[],
  latex: (file: string) => boolean,
): Promise<{ pool: CheckPool; results: Map<string, Promise<{ text: string; result: PooledResult } | undefined>> } | undefined> {
  const jobs: Array<{ file: string; text: string; config: BrugConfig; configFile?: string }> = [];
  let bytes = 0;
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    if (latex(file) || ctx.documents.get(uri) || ctx.documents.disabled.has(uri)) continue;
    const folder = folders.find((f) => file === f || file.startsWith(f.endsWith(sep) ? f : f + sep)) ?? dirname(file);
    const settings = await ctx.settings.get(pathToFileURL(folder).href);
    if (!settings.enable) continue;
    const { config, project } = ctx.checker.configFor(uri, settings);
    if (project.file && ignored(file, dirname(project.file), config.ignore)) continue;
    // Project dictionaries follow the read policy of this thread's engines: such files stay here.
    if (config.vocabulary.dictionaries.length > 0) continue;
    const read = readDocument(file, settings.maxDocumentSize > 0 ? settings.maxDocumentSize : undefined);
    if (!read.ok) continue;
    bytes += read.text.length;
    jobs.push({ file, text: read.text, config, ...(project.file ? { configFile: project.file } : {}) });
  }
  const threads = poolSize(jobs.length, bytes);
  const pool = threads ? CheckPool.create(threads) : undefined;
  if (!pool) return undefined;
  ctx.log.info(`Brug: the workspace check runs ${jobs.length} closed files on ${threads} worker threads.`);
  const results = new Map<string, Promise<{ text: string; result: PooledResult } | undefined>>();
  for (const job of jobs) results.set(job.file, pool.submit(job).then((result) => (result ? { text: job.text, result } : undefined)));
  return { pool, results };
}

/** The progress the client attached to the request, else one the server creates (when the client can show it). */
async function progressFor(ctx: WorkspaceCheckContext, attached: WorkDoneProgressReporter | undefined): Promise<{ reporter?: WorkDoneProgressReporter; token?: CancellationToken }> {
  if (attached && !WorkDoneProgressReporter.isNullInstance(attached)) return { reporter: attached };
  if (!ctx.features.workDoneProgress) return attached ? { reporter: attached } : {};
  try {
    const server = await ctx.connection.window.createWorkDoneProgress();
    return { reporter: server, token: server.token };
  } catch (err) {
    ctx.log.info(`Brug: no progress for the workspace check (${(err as Error).message})`);
    return attached ? { reporter: attached } : {};
  }
}

/** The files Brug checks in the workspace folders, each once. */
function workspaceFiles(folders: string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    for (const f of findFiles([folder]).files) {
      if (seen.has(f)) continue;
      seen.add(f);
      files.push(f);
    }
  }
  return files;
}

type FileOutcome = 'checked' | 'skipped';

/** A multi-file LaTeX document: checked as a whole, each closed part gets its own diagnostics. */
async function checkLatexFile(ctx: WorkspaceCheckContext, summary: WorkspaceCheckSummary, project: NonNullable<ReturnType<ReturnType<typeof planLatexProjects>['projects']['get']>>, uri: string, folder: string): Promise<FileOutcome> {
  const settings = await ctx.settings.get(pathToFileURL(folder).href);
  if (!settings.enable || ctx.documents.disabled.has(uri)) return 'skipped';
  const { engine, config } = ctx.checker.engineFor(uri, settings);
  const checked = lintLatexProject(engine, project, config);
  const language: Language = config.messages !== 'auto' ? config.messages : checked.result.language;
  for (const part of checked.files) {
    const partUri = pathToFileURL(part.file).href;
    // An open document keeps the diagnostics of its live check.
    if (ctx.documents.get(partUri)) continue;
    const positions = TextDocument.create(partUri, 'latex', 0, part.text);
    void ctx.connection.sendDiagnostics({ uri: partUri, diagnostics: toDiagnostics(part.findings, positions, language, partUri, part.text) });
    ctx.published.add(partUri);
    summary.findings += part.findings.length;
  }
  return 'checked';
}

/** One file that is not part of a LaTeX project: the open document's live check, else the file on disk (from the pool when it checked the same text). */
async function checkFile(ctx: WorkspaceCheckContext, summary: WorkspaceCheckSummary, file: string, uri: string, folder: string, pooled: Awaited<ReturnType<typeof startPool>>): Promise<FileOutcome> {
  const open = ctx.documents.get(uri);
  if (open) {
    const outcome = await ctx.documents.current(uri);
    if (!outcome) return 'skipped';
    summary.findings += outcome.result.findings.length;
    return 'checked';
  }
  const settings = await ctx.settings.get(pathToFileURL(folder).href);
  if (!settings.enable || ctx.documents.disabled.has(uri)) return 'skipped';
  const project = ctx.checker.configFor(uri, settings);
  if (project.project.file && ignored(file, dirname(project.project.file), project.config.ignore)) return 'skipped';
  const read = readDocument(file, settings.maxDocumentSize > 0 ? settings.maxDocumentSize : undefined);
  if (!read.ok) {
    if (read.kind !== 'binary') ctx.log.info(`Brug: ${file}: ${read.reason.en}.`);
    return 'skipped';
  }
  if (read.warning) ctx.log.info(`Brug: ${file}: ${read.warning.en}.`);
  const text = read.text;
  const fromPool = await pooled?.results.get(file);
  const outcome = fromPool && fromPool.text === text ? ctx.checker.fromResult({ uri, text, version: null, settings }, fromPool.result as LintResult) : ctx.checker.run({ uri, text, version: null, settings });
  if (!outcome) return 'skipped';
  for (const e of outcome.result.errors) ctx.log.error(`Brug: rule ${e.ruleId} failed on ${file}: ${e.message}`);
  const positions = TextDocument.create(uri, outcome.format, 0, text);
  void ctx.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(outcome.result.findings, positions, outcome.ui, uri, text) });
  ctx.published.add(uri);
  ctx.documents.reportProject(outcome);
  summary.findings += outcome.result.findings.length;
  return 'checked';
}

export async function checkWorkspace(ctx: WorkspaceCheckContext, requestToken: CancellationToken, attached: WorkDoneProgressReporter | undefined): Promise<WorkspaceCheckSummary> {
  const folders = ctx.folders();
  const summary: WorkspaceCheckSummary = { files: 0, checked: 0, findings: 0, skipped: 0, cancelled: false };
  const firstFolderUri = folders[0] ? pathToFileURL(folders[0]).href : undefined;
  const folderSettings = firstFolderUri ? await ctx.settings.get(firstFolderUri) : undefined;
  const ui: Language = folderSettings && folderSettings.messages !== 'auto' ? folderSettings.messages : ctx.features.locale;

  const { reporter, token: progressToken } = await progressFor(ctx, attached);
  const cancelled = () => requestToken.isCancellationRequested || !!progressToken?.isCancellationRequested;

  const ignoredByProject = (p: string): boolean => {
    if (!folderSettings) return false;
    const c = ctx.checker.configFor(pathToFileURL(p).href, folderSettings);
    return !!c.project.file && ignored(p, dirname(c.project.file), c.config.ignore);
  };
  const files = workspaceFiles(folders);
  summary.files = files.length;
  reporter?.begin(say(messages.workspaceTitle, ui), 0, undefined, true);

  // Multi-file LaTeX documents: a main file is checked with everything it includes, so that
  // document-level rules see the whole thesis; its chapters are not checked again on their own.
  const readCurrent = (file: string): string | undefined => ctx.documents.get(pathToFileURL(file).href)?.getText() ?? readTextFile(file);
  const settingsForPlan = folderSettings ?? (await ctx.settings.get(pathToFileURL(folders[0] ?? '/').href));
  const { projects, covered } = planLatexProjects(files.filter((f) => !ignoredByProject(f)), readCurrent, (root) => {
    const c = ctx.checker.configFor(pathToFileURL(root).href, settingsForPlan);
    return mayReadFrom(root, c.project.file, c.config, folders);
  });

  // Closed files go to worker threads at once (when the pool's worker is installed beside the
  // server); the loop below takes their results in order, so what is published stays the same.
  const pooled = await startPool(ctx, files, folders, (f) => covered.has(f) || projects.has(f));

  try {
    for (let i = 0; i < files.length; i++) {
      await yieldToMessages();
      if (cancelled()) {
        summary.cancelled = true;
        break;
      }
      const file = files[i]!;
      const uri = pathToFileURL(file).href;
      const folder = folders.find((f) => file === f || file.startsWith(f.endsWith(sep) ? f : f + sep)) ?? dirname(file);
      reporter?.report(Math.round((i / Math.max(1, files.length)) * 100), say(messages.workspaceProgress(i + 1, files.length, relative(folder, file)), ui));
      if (covered.has(file)) continue;
      const latexProject = projects.get(file);
      const r = latexProject ? await checkLatexFile(ctx, summary, latexProject, uri, folder) : await checkFile(ctx, summary, file, uri, folder, pooled);
      if (r === 'checked') summary.checked++;
      else summary.skipped++;
    }
  } finally {
    pooled?.pool.close();
    const done = summary.cancelled ? messages.workspaceCancelled(summary.checked + summary.skipped, summary.files) : messages.workspaceDone(summary.checked, summary.findings);
    reporter?.report(100, say(done, ui));
    reporter?.done();
  }
  return summary;
}
