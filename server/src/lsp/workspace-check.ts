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

export async function checkWorkspace(ctx: WorkspaceCheckContext, requestToken: CancellationToken, attached: WorkDoneProgressReporter | undefined): Promise<WorkspaceCheckSummary> {
  const folders = ctx.folders();
  const summary: WorkspaceCheckSummary = { files: 0, checked: 0, findings: 0, skipped: 0, cancelled: false };
  const firstFolderUri = folders[0] ? pathToFileURL(folders[0]).href : undefined;
  const folderSettings = firstFolderUri ? await ctx.settings.get(firstFolderUri) : undefined;
  const ui: Language = folderSettings && folderSettings.messages !== 'auto' ? folderSettings.messages : ctx.features.locale;

  let reporter: WorkDoneProgressReporter | undefined = attached;
  let progressToken: CancellationToken | undefined;
  if ((!reporter || WorkDoneProgressReporter.isNullInstance(reporter)) && ctx.features.workDoneProgress) {
    try {
      const server = await ctx.connection.window.createWorkDoneProgress();
      reporter = server;
      progressToken = server.token;
    } catch (err) {
      ctx.log.info(`Brug: no progress for the workspace check (${(err as Error).message})`);
    }
  }
  const cancelled = () => requestToken.isCancellationRequested || !!progressToken?.isCancellationRequested;

  const files: string[] = [];
  const seen = new Set<string>();
  const ignoredByProject = (p: string): boolean => {
    if (!folderSettings) return false;
    const c = ctx.checker.configFor(pathToFileURL(p).href, folderSettings);
    return !!c.project.file && ignored(p, dirname(c.project.file), c.config.ignore);
  };
  for (const folder of folders) {
    for (const f of findFiles([folder]).files) {
      if (seen.has(f)) continue;
      seen.add(f);
      files.push(f);
    }
  }
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
      if (latexProject) {
        const settings = await ctx.settings.get(pathToFileURL(folder).href);
        if (!settings.enable || ctx.documents.disabled.has(uri)) {
          summary.skipped++;
          continue;
        }
        const { engine, config } = ctx.checker.engineFor(uri, settings);
        const checked = lintLatexProject(engine, latexProject, config);
        const language: Language = config.messages !== 'auto' ? config.messages : checked.result.language;
        for (const part of checked.files) {
          const partUri = pathToFileURL(part.file).href;
          // An open document keeps the diagnostics of its live check.
          if (ctx.documents.get(partUri)) continue;
          const positions = TextDocument.create(partUri, 'latex', 0, part.text);
          void ctx.connection.sendDiagnostics({ uri: partUri, diagnostics: toDiagnostics(part.findings, positions, language, partUri, null) });
          ctx.published.add(partUri);
          summary.findings += part.findings.length;
        }
        summary.checked++;
        continue;
      }
      const open = ctx.documents.get(uri);
      if (open) {
        const outcome = await ctx.documents.current(uri);
        if (outcome) {
          summary.checked++;
          summary.findings += outcome.result.findings.length;
        } else summary.skipped++;
        continue;
      }
      const settings = await ctx.settings.get(pathToFileURL(folder).href);
      if (!settings.enable || ctx.documents.disabled.has(uri)) {
        summary.skipped++;
        continue;
      }
      const project = ctx.checker.configFor(uri, settings);
      if (project.project.file && ignored(file, dirname(project.project.file), project.config.ignore)) {
        summary.skipped++;
        continue;
      }
      const read = readDocument(file, settings.maxDocumentSize > 0 ? settings.maxDocumentSize : undefined);
      if (!read.ok) {
        if (read.kind !== 'binary') ctx.log.info(`Brug: ${file}: ${read.reason.en}.`);
        summary.skipped++;
        continue;
      }
      if (read.warning) ctx.log.info(`Brug: ${file}: ${read.warning.en}.`);
      const text = read.text;
      const outcome = ctx.checker.run({ uri, text, version: null, settings });
      if (!outcome) {
        summary.skipped++;
        continue;
      }
      for (const e of outcome.result.errors) ctx.log.error(`Brug: rule ${e.ruleId} failed on ${file}: ${e.message}`);
      const positions = TextDocument.create(uri, outcome.format, 0, text);
      void ctx.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(outcome.result.findings, positions, outcome.ui, uri, null) });
      ctx.published.add(uri);
      ctx.documents.reportProject(outcome);
      summary.checked++;
      summary.findings += outcome.result.findings.length;
    }
  } finally {
    const done = summary.cancelled ? messages.workspaceCancelled(summary.checked + summary.skipped, summary.files) : messages.workspaceDone(summary.checked, summary.findings);
    reporter?.report(100, say(done, ui));
    reporter?.done();
  }
  return summary;
}
