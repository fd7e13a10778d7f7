import { Engine } from '../engine/engine.js';
import type { EngineOptions, LintOptions, LintResult } from '../engine/engine.js';
import { Vocabulary } from '../engine/vocabulary/vocabulary.js';
import type { BrugConfig } from '../engine/config/config.js';
import { bundledLanguage, loadDictionaryFiles, projectDictionaryPaths } from './dictionaries.js';
import type { LoadProblem } from './dictionaries.js';
import { extraFormats } from './formats.js';
import { registerPracticeDictionaries } from './practice-dictionaries.js';

// The engine reads no files: the practice-fit cues come from disk through the workspace.
registerPracticeDictionaries();
import { outsideMessages } from './scope.js';

const engines = new Map<string, { engine: Engine; problems: LoadProblem[] }>();

/**
 * An engine over the bundled dictionaries plus the project's own (vocabulary.dictionaries in
 * .brug.yml). Engines are kept per set of project dictionaries, so their caches last.
 */
export function engineFor(config?: BrugConfig, configFile?: string, options: EngineOptions = {}, mayRead?: (file: string) => boolean): { engine: Engine; problems: LoadProblem[] } {
  const named = config ? projectDictionaryPaths(configFile, config.vocabulary.dictionaries) : [];
  // A dictionary outside the project is read only when .brug.yml allows it (readOutside).
  const extra = mayRead ? named.filter((f) => mayRead(f)) : named;
  const refused: LoadProblem[] = named.filter((f) => !extra.includes(f)).map((file) => ({ file: configFile ?? file, line: 1, column: 1, message: outsideMessages.read(file).en, refused: true }));
  // (An engine whose document rules run once or are silent, for benchmarks, is one of its own.)
  const key = `${options.rules?.map((r) => r.meta.id).join(',') ?? ''}\n${extra.join('\n')}${options.documentRulesOnce ? `\nonce ${options.documentRulesOnce}` : ''}${options.documentRulesSilent?.length ? `\nsilent ${options.documentRulesSilent}` : ''}`;
  let e = engines.get(key);
  if (!e) {
    // The bundled dictionaries load per language when a document needs them; the project's are read and validated now.
    const project = loadDictionaryFiles(extra);
    const vocabulary = new Vocabulary(project.dictionaries, bundledLanguage);
    e = { engine: new Engine({ formats: extraFormats, ...options, vocabulary }), problems: project.problems };
    engines.set(key, e);
  } else if (options.cacheSize !== undefined) {
    // The engine may have been made first without a bound (the rule catalogue at start-up): the
    // language server's bound must hold all the same, or stale blocks pile up over edits.
    e.engine.limitCache(options.cacheSize);
  }
  return refused.length ? { engine: e.engine, problems: [...e.problems, ...refused] } : e;
}

/** Forgets the engines (and so re-reads project dictionaries on next use): a dictionary changed. */
export function forgetEngines(): void {
  engines.clear();
}

/** Checks one document with the bundled data: the entry point for tests and scripts. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return engineFor(options.config).engine.lint(text, options);
}
