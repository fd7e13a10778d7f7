/**
 * One check of one document: its format, its configuration (defaults ← .brug.yml ← editor
 * settings), its engine, and the lint. Open documents and the workspace check both come here.
 */
import { dirname } from 'node:path';
import type { TextEdit } from '../engine/offsets.js';
import { fileURLToPath } from 'node:url';
import type { BrugConfig } from '../engine/config/config.js';
import type { LintOptions, LintResult } from '../engine/engine.js';
import type { Engine, EngineOptions } from '../engine/engine.js';
import type { Rule } from '../engine/rules/types.js';
import type { Format, Language } from '../engine/types.js';
import { forgetEngines as forgetProjectEngines } from '../workspace/engine.js';
import { engineForFile } from '../workspace/workspace.js';
import { formatForDocument } from '../workspace/formats.js';
import type { LoadProblem } from '../workspace/dictionaries.js';
import { projectDictionaryPaths } from '../workspace/dictionaries.js';
import type { ProjectConfig, ProjectConfigs } from './project-config.js';
import type { BrugSettings } from './settings.js';
import { applySettings } from './settings.js';
import type { TextView } from '../engine/text/view.js';

/** The file system path of a file: URI, or undefined for other schemes (untitled:, …). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The format of a document: from its language id first, else from its file extension; undefined when Brug does not check it. */
export function formatFor(languageId: string | undefined, uri: string): Format | undefined {
  return formatForDocument(languageId, pathOf(uri) ?? uri);
}

export interface CheckOutcome {
  uri: string;
  version: number | null;
  format: Format;
  result: LintResult;
  config: BrugConfig;
  project: ProjectConfig;
  engine: Engine;
  /** Language of the messages: brug.messages / messages in .brug.yml, else the document's language. */
  ui: Language;
  /** Problems in dictionary files this project names. */
  dictionaryProblems: LoadProblem[];
  /** Problems in the dictionaries that ship with Brug (for the log only). */
  bundledProblems: LoadProblem[];
}

export interface CheckInput {
  uri: string;
  text: TextView;
  languageId?: string;
  version: number | null;
  settings: BrugSettings;
  token?: { cancelled: boolean };
  /** What the document store knows of the text against the one it handed to the check before (LintOptions.edit). */
  edit?: TextEdit;
}

/** Drops the cached engines after a dictionary file changed, so the next check reads it anew. */
export function forgetEngines(): void {
  forgetProjectEngines();
}

/**
 * A rule that always throws, for the integration tests of error handling: the bundled server
 * adds it when BRUG_TEST_FAULTY_RULE names its id. Nothing else ever sets that variable.
 */
export function faultyRule(id: string): Rule {
  return {
    scope: 'block',
    meta: {
      id,
      languages: ['nl', 'en'],
      defaultSeverity: 'warning',
      description: { en: 'A rule that fails (tests only).', nl: 'Een regel die faalt (alleen voor tests).' },
      rationale: { en: 'Tests the error handling.', nl: 'Test de foutafhandeling.' },
      options: { practitioner: {}, academic: {}, general: {} },
    },
    check() {
      throw new Error('deliberate failure');
    },
  };
}

/**
 * Analysed blocks the engine keeps beyond those of the documents in use (its default, 20,000,
 * suits a batch of files). Each edit leaves the old version of the edited block behind; with
 * the default a session of edits kept thousands of them (memory grew by ~16 MB per 100 edits
 * on a 10,000-word document). The engine keeps at least 1.5 × the blocks of the last check.
 */
const CACHED_BLOCKS = 1000;

export class Checker {
  private readonly engineOptions: EngineOptions;

  constructor(
    private readonly projects: ProjectConfigs,
    /** Workspace folder paths: untitled documents take the first one's .brug.yml. */
    private readonly folders: () => string[],
    extraRules: Rule[] = [],
  ) {
    // (BRUG_LSP_FLOOR=rules or rules:ID,ID, bench only: those document rules run at a document's first check only; see
    // EngineOptions.documentRulesOnce. BRUG_LSP_FLOOR=silent:ID,ID: those run at every check, their findings not handed
    // out; see EngineOptions.documentRulesSilent.)
    const floor = /^rules(?::(.+))?$/.exec(process.env.BRUG_LSP_FLOOR ?? '');
    const silent = /^silent:(.+)$/.exec(process.env.BRUG_LSP_FLOOR ?? '');
    this.engineOptions = { cacheSize: CACHED_BLOCKS, ...(extraRules.length ? { rules: extraRules } : {}), ...(floor ? { documentRulesOnce: floor[1] ? floor[1].split(',') : true } : {}), ...(silent ? { documentRulesSilent: silent[1]!.split(',') } : {}) };
  }

  /** The folder a document's .brug.yml is looked up from. */
  directoryOf(uri: string): string | undefined {
    const path = pathOf(uri);
    if (path) return dirname(path);
    return this.folders()[0];
  }

  configFor(uri: string, settings: BrugSettings): { config: BrugConfig; project: ProjectConfig } {
    const project = this.projects.forDirectory(this.directoryOf(uri));
    return { config: applySettings(project.config, settings), project };
  }

  /** The engine and configuration for a document (for checks that lint something other than one open text). */
  engineFor(uri: string, settings: BrugSettings): { engine: Engine; config: BrugConfig } {
    const { config, project } = this.configFor(uri, settings);
    return { engine: engineForFile(pathOf(uri), project.file, config, this.folders(), this.engineOptions).engine, config };
  }

  run(input: CheckInput): CheckOutcome | undefined {
    return drain(this.runSteps(input));
  }

  /** run() in steps (the engine's lintSteps): the server gives the message loop a turn between them. */
  *runSteps(input: CheckInput): Generator<void, CheckOutcome | undefined> {
    const format = formatFor(input.languageId, input.uri);
    if (!format) return undefined;
    const { config, project } = this.configFor(input.uri, input.settings);
    const { engine, problems } = engineForFile(pathOf(input.uri), project.file, config, this.folders(), this.engineOptions);
    const options: LintOptions = { uri: input.uri, format, config, ...(input.token ? { token: input.token } : {}), ...(input.edit ? { edit: input.edit } : {}) };
    // The engine's stepwise lint when it has one; else one step.
    const stepwise = (engine as unknown as { lintSteps?: (text: TextView, o: LintOptions) => Generator<void, LintResult> }).lintSteps;
    // The floor (bench only, BRUG_LSP_FLOOR=1): after a document's first check, an edit's check hands back that result
    // without findings and without running the engine, so bench/lsp-latency.ts --floor measures what an edit costs
    // outside the engine (the store, the transport, the status, the collector).
    const floor = FLOOR ? FLOOR.get(input.uri) : undefined;
    const result = floor && input.edit ? floor : stepwise ? yield* stepwise.call(engine, input.text, options) : engine.lint(input.text, options);
    if (result.cancelled) return undefined;
    if (FLOOR && !floor) FLOOR.set(input.uri, { ...result, findings: [] });
    return this.outcome(input, format, result, config, project, engine, problems);
  }

  /** The outcome of a check made elsewhere (a worker thread of the workspace check) with this document's configuration. */
  fromResult(input: CheckInput, result: LintResult): CheckOutcome | undefined {
    const format = formatFor(input.languageId, input.uri);
    if (!format) return undefined;
    const { config, project } = this.configFor(input.uri, input.settings);
    const { engine, problems } = engineForFile(pathOf(input.uri), project.file, config, this.folders(), this.engineOptions);
    return this.outcome(input, format, result, config, project, engine, problems);
  }

  private outcome(input: CheckInput, format: Format, result: LintResult, config: BrugConfig, project: ProjectConfig, engine: Engine, problems: LoadProblem[]): CheckOutcome {
    const ui: Language = config.messages !== 'auto' ? config.messages : result.language;
    const own = new Set(projectDictionaryFiles(project.file, config));
    return {
      uri: input.uri,
      version: input.version,
      format,
      result,
      config,
      project,
      engine,
      ui,
      dictionaryProblems: problems.filter((p) => own.has(p.file)),
      bundledProblems: problems.filter((p) => !own.has(p.file)),
    };
  }
}

/** Bench only (BRUG_LSP_FLOOR=1): each document's first result, without its findings (see runSteps). */
const FLOOR = process.env.BRUG_LSP_FLOOR === '1' ? new Map<string, LintResult>() : undefined;

/** Runs a stepwise computation to its end. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export function projectDictionaryFiles(configFile: string | undefined, config: BrugConfig): string[] {
  return projectDictionaryPaths(configFile, config.vocabulary.dictionaries);
}
