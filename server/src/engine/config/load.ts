import schema from '../../../schema/brug.schema.json' with { type: 'json' };
import { checkConfigText } from './check.js';
import type { ConfigProblem, RuleCatalogEntry } from './check.js';
import { defaultConfig, mergeConfig } from './config.js';
import type { BrugConfig } from './config.js';

export { schema as configSchema };
export type { ConfigProblem, RuleCatalogEntry };

export interface ConfigResult {
  /** The base configuration with every valid setting of the file over it. */
  config: BrugConfig;
  /** Problems in the file, each costing only the setting it names. */
  problems: ConfigProblem[];
  /** Nothing of the file could be used (it is not a map, or every setting in it is wrong). */
  unusable: boolean;
}

/**
 * Reads the text of a .brug.yml, setting by setting: an unknown key or a bad value is a
 * problem and that setting keeps its default; the valid settings apply. With `rules` (the
 * known rules) unknown rule ids and options are named too.
 */
export function parseConfigText(text: string, base: BrugConfig = defaultConfig(), rules?: RuleCatalogEntry[]): ConfigResult {
  const r = checkConfigText(text, schema as Record<string, unknown>, rules);
  return { config: Object.keys(r.raw).length ? mergeConfig(base, r.raw) : base, problems: r.problems, unusable: r.unusable };
}
