import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname, isAbsolute } from 'node:path';
import { parseDictionary } from '../engine/vocabulary/dictionary.js';
import type { Dictionary } from '../engine/vocabulary/dictionary.js';
import { resourceRoot } from './resources.js';
import { readArtifact } from '../engine/vocabulary/artifact.js';
import type { Language } from '../engine/types.js';
import { MAX_DICTIONARY_BYTES, readSmallText } from './read.js';
import { compiledIsCurrent } from './compiled.js';

export interface LoadProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** Not read on purpose (outside the project, not allowed by readOutside): a note, not an error. */
  refused?: boolean;
}

/** Reads and validates dictionary files; an invalid one is reported and skipped. */
export function loadDictionaryFiles(files: string[]): { dictionaries: Dictionary[]; problems: LoadProblem[] } {
  const dictionaries: Dictionary[] = [];
  const problems: LoadProblem[] = [];
  for (const file of files) {
    const read = readSmallText(file, MAX_DICTIONARY_BYTES);
    if (!read.ok) {
      problems.push({ file, line: 1, column: 1, message: `cannot read the dictionary: ${read.reason.en}` });
      continue;
    }
    const r = parseDictionary(read.text, file);
    if (r.dictionary) dictionaries.push(r.dictionary);
    for (const p of r.problems) problems.push({ file, line: p.line, column: p.column, message: p.message });
  }
  return { dictionaries, problems };
}

const NOT_VOCABULARY = new Set(['text', 'client', 'practice', 'compiled']);

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    // dictionaries/text holds the text layer's word lists and dictionaries/client the client
    // lexicon (both compiled into the engine), dictionaries/practice the practice-fit cues: each
    // has its own schema, and none is vocabulary.
    if (statSync(p).isDirectory()) {
      if (!NOT_VOCABULARY.has(name)) out.push(...yamlFiles(p));
    }
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

let bundled: { dictionaries: Dictionary[]; problems: LoadProblem[] } | undefined;

/** The dictionaries that ship with Brug (dictionaries/nl, dictionaries/en), read once. */
export function bundledDictionaries(): { dictionaries: Dictionary[]; problems: LoadProblem[] } {
  if (!bundled) bundled = loadDictionaryFiles(yamlFiles(join(resourceRoot(), 'dictionaries')));
  return bundled;
}

/**
 * The bundled dictionaries of one language, from the artifact the build compiled
 * (dictionaries/compiled/<language>.json, validated then). When it is missing, out of date (a
 * YAML file changed, was added or removed since) or unreadable, the YAML files of that language are read and validated.
 */
export function bundledLanguage(language: Language): Dictionary[] {
  const root = resourceRoot();
  const dir = join(root, 'dictionaries', language);
  const artifact = join(root, 'dictionaries', 'compiled', `${language}.json`);
  try {
    const current = compiledIsCurrent(root, language, dir, (n) => /\.ya?ml$/.test(n));
    const dictionaries = current ? readArtifact(readFileSync(artifact, 'utf8'), language) : undefined;
    if (dictionaries) return dictionaries;
  } catch {
    // No artifact (run from source without a build): read the YAML.
  }
  return loadDictionaryFiles(yamlFiles(dir)).dictionaries;
}

/** Project dictionaries named in .brug.yml, relative to that file's folder. */
export function projectDictionaryPaths(configFile: string | undefined, paths: string[]): string[] {
  const base = configFile ? dirname(configFile) : process.cwd();
  return paths.map((p) => (isAbsolute(p) ? p : resolve(base, p)));
}
