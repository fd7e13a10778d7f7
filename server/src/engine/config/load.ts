import schema from '../../../schema/brug.schema.json' with { type: 'json' };
import { parseYamlWithSchema } from './validate.js';
import type { YamlProblem } from './validate.js';
import { defaultConfig, mergeConfig } from './config.js';
import type { BrugConfig } from './config.js';

export { schema as configSchema };

export interface ConfigResult {
  config: BrugConfig;
  /** Problems in the file; when there are any, `config` is the base configuration unchanged. */
  problems: YamlProblem[];
}

/** Reads the text of a .brug.yml. An invalid file leaves the base configuration in force. */
export function parseConfigText(text: string, base: BrugConfig = defaultConfig()): ConfigResult {
  const r = parseYamlWithSchema<Record<string, unknown>>(text, schema);
  if (r.problems.length || !r.value) return { config: base, problems: r.problems };
  return { config: mergeConfig(base, r.value), problems: [] };
}
