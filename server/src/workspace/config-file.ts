import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConfigText } from '../engine/config/load.js';
import { defaultConfig } from '../engine/config/config.js';
import type { BrugConfig } from '../engine/config/config.js';

export const CONFIG_NAMES = ['.brug.yml', '.brug.yaml'];

/** The nearest .brug.yml from a folder upwards, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export interface ConfigFileProblem {
  file: string;
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  message: string;
}

export interface LoadedConfig {
  file?: string;
  config: BrugConfig;
  problems: ConfigFileProblem[];
}

/** Reads a configuration file; on any problem the defaults stay in force and the problems say why. */
export function loadConfigFile(file: string, base: BrugConfig = defaultConfig()): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { file, config: base, problems: [{ file, line: 1, column: 1, offset: 0, endOffset: 0, message: `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }] };
  }
  const r = parseConfigText(text, base);
  return { file, config: r.config, problems: r.problems.map((p) => ({ file, ...p })) };
}
