import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConfigText } from '../engine/config/load.js';
import { defaultConfig } from '../engine/config/config.js';
import type { BrugConfig } from '../engine/config/config.js';
import { MAX_CONFIG_BYTES, readSmallText } from './read.js';
import { ruleCatalog } from './rule-catalog.js';

export const CONFIG_NAMES = ['.brug.yml', '.brug.yaml'];

function isRegularFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The nearest .brug.yml from a folder upwards, or undefined. Only a regular file counts. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (isRegularFile(p)) return p;
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
  /** In English. */
  message: string;
  /** In Dutch. */
  nl?: string;
  /** warning: that setting keeps its default; error: nothing of the file is used. */
  severity?: 'warning' | 'error';
}

export interface LoadedConfig {
  file?: string;
  config: BrugConfig;
  problems: ConfigFileProblem[];
  /** Nothing of the file could be used: the defaults (or the base) are in force. */
  unusable: boolean;
  /** The text the problems' offsets point into. */
  text?: string;
}

/**
 * Reads the text of a .brug.yml, setting by setting, checking rule ids and options against
 * the rules Brug has. A problem costs only the setting it is in.
 */
export function loadConfigText(file: string, text: string, base: BrugConfig = defaultConfig()): LoadedConfig {
  const r = parseConfigText(text, base, ruleCatalog());
  const severity = r.unusable ? 'error' : 'warning';
  return { file, config: r.config, problems: r.problems.map((p) => ({ file, ...p, severity })), unusable: r.unusable, text };
}

/** Reads a configuration file; a file that cannot be read leaves the base in force and says why. */
export function loadConfigFile(file: string, base: BrugConfig = defaultConfig()): LoadedConfig {
  const r = readSmallText(file, MAX_CONFIG_BYTES);
  if (!r.ok) {
    return { file, config: base, unusable: true, problems: [{ file, line: 1, column: 1, offset: 0, endOffset: 0, message: `${r.reason.en}; using the defaults`, nl: `${r.reason.nl}; de standaardinstellingen gelden`, severity: 'error' }] };
  }
  return loadConfigText(file, r.text, base);
}
