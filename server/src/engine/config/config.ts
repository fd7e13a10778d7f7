import type { Audience, Language, Severity } from '../types.js';

export type RuleSeverity = Severity | 'off';

export interface RuleSetting {
  severity?: RuleSeverity;
  options?: Record<string, unknown>;
}

export interface BrugConfig {
  audience: Audience;
  language: Language | 'auto';
  messages: Language | 'auto';
  rules: Record<string, RuleSetting>;
  vocabulary: {
    accept: string[];
    prefer: Record<string, string>;
    dictionaries: string[];
  };
  latex: {
    proseCommands: string[];
    skipEnvironments: string[];
  };
  ignore: string[];
  /**
   * Files outside the project that may be read (LaTeX includes, dictionaries): false none,
   * true any, or a list of folders (as written, relative to the .brug.yml that says so).
   */
  readOutside: boolean | string[];
}

export function defaultConfig(): BrugConfig {
  return {
    audience: 'practitioner',
    language: 'auto',
    messages: 'auto',
    rules: {},
    vocabulary: { accept: [], prefer: {}, dictionaries: [] },
    latex: { proseCommands: [], skipEnvironments: [] },
    ignore: [],
    readOutside: false,
  };
}

/** Raw (validated) .brug.yml content merged over a base configuration. Later layers win. */
export function mergeConfig(base: BrugConfig, raw: Record<string, unknown> | undefined): BrugConfig {
  if (!raw) return base;
  const out: BrugConfig = {
    ...base,
    rules: { ...base.rules },
    vocabulary: { accept: [...base.vocabulary.accept], prefer: { ...base.vocabulary.prefer }, dictionaries: [...base.vocabulary.dictionaries] },
    latex: { proseCommands: [...base.latex.proseCommands], skipEnvironments: [...base.latex.skipEnvironments] },
    ignore: [...base.ignore],
  };
  if (typeof raw.audience === 'string') out.audience = raw.audience as Audience;
  if (typeof raw.language === 'string') out.language = raw.language as BrugConfig['language'];
  if (typeof raw.messages === 'string') out.messages = raw.messages as BrugConfig['messages'];
  const rules = raw.rules as Record<string, unknown> | undefined;
  if (rules && typeof rules === 'object') {
    for (const [id, v] of Object.entries(rules)) {
      if (typeof v === 'string') out.rules[id] = { ...out.rules[id], severity: v as RuleSeverity };
      else if (v && typeof v === 'object') {
        const s = v as RuleSetting;
        out.rules[id] = {
          ...out.rules[id],
          ...(s.severity ? { severity: s.severity } : {}),
          ...(s.options ? { options: { ...out.rules[id]?.options, ...s.options } } : {}),
        };
      }
    }
  }
  const voc = raw.vocabulary as Partial<BrugConfig['vocabulary']> | undefined;
  if (voc && typeof voc === 'object') {
    if (Array.isArray(voc.accept)) out.vocabulary.accept.push(...voc.accept.map(String));
    if (voc.prefer && typeof voc.prefer === 'object') Object.assign(out.vocabulary.prefer, voc.prefer);
    if (Array.isArray(voc.dictionaries)) out.vocabulary.dictionaries.push(...voc.dictionaries.map(String));
  }
  const latex = raw.latex as Partial<BrugConfig['latex']> | undefined;
  if (latex && typeof latex === 'object') {
    if (Array.isArray(latex.proseCommands)) out.latex.proseCommands.push(...latex.proseCommands.map((c) => String(c).replace(/^\\/, '')));
    if (Array.isArray(latex.skipEnvironments)) out.latex.skipEnvironments.push(...latex.skipEnvironments.map(String));
  }
  if (Array.isArray(raw.ignore)) out.ignore.push(...(raw.ignore as unknown[]).map(String));
  if (typeof raw.readOutside === 'boolean') out.readOutside = raw.readOutside;
  else if (Array.isArray(raw.readOutside)) out.readOutside = (raw.readOutside as unknown[]).map(String);
  return out;
}

/** A stable key of what in a configuration changes block results. */
export function configKey(config: BrugConfig): string {
  return JSON.stringify([config.audience, config.rules, config.vocabulary.accept, config.vocabulary.prefer]);
}
