import type { Language } from '../types.js';
import { parseDictionary } from './dictionary.js';
import type { Dictionary } from './dictionary.js';

/**
 * The bundled dictionaries compiled at build time: one JSON file per language
 * (dictionaries/compiled/<language>.json), validated against dictionaries/schema.json when it
 * is made, so a start only parses JSON. Pure: the build script and the loader do the file work.
 */
export interface DictionaryArtifact {
  format: 'brug-dictionaries';
  version: typeof ARTIFACT_VERSION;
  language: Language;
  dictionaries: Dictionary[];
}

/** Bumped when the artifact's shape changes: an older artifact is not used. */
export const ARTIFACT_VERSION = 1;

export interface ArtifactProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * Parses and validates dictionary files (path relative to the data folder, e.g.
 * dictionaries/nl/ambtelijk.yml, and text) into one artifact per language. Any problem is
 * returned: the build fails on it rather than ship a dictionary that a start would skip.
 */
export function compileArtifacts(files: Array<{ path: string; text: string }>): { artifacts: Record<Language, DictionaryArtifact>; problems: ArtifactProblem[] } {
  const artifacts: Record<Language, DictionaryArtifact> = {
    nl: { format: 'brug-dictionaries', version: ARTIFACT_VERSION, language: 'nl', dictionaries: [] },
    en: { format: 'brug-dictionaries', version: ARTIFACT_VERSION, language: 'en', dictionaries: [] },
  };
  const problems: ArtifactProblem[] = [];
  const ids = new Map<string, string>();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const r = parseDictionary(f.text, f.path);
    for (const p of r.problems) problems.push({ file: f.path, line: p.line, column: p.column, message: p.message });
    if (!r.dictionary) continue;
    // Ids are unique within a language and kind: accept lists and tests name entries by id.
    for (const x of [...(r.dictionary.entries ?? []), ...(r.dictionary.groups ?? [])]) {
      const key = `${r.dictionary.language}:${r.dictionary.kind === 'synonyms' ? 'group' : 'entry'}:${x.id}`;
      const seen = ids.get(key);
      if (seen && r.dictionary.kind !== 'client') problems.push({ file: f.path, line: 1, column: 1, message: `id ${x.id} is also used in ${seen}` });
      else ids.set(key, f.path);
    }
    artifacts[r.dictionary.language].dictionaries.push(r.dictionary);
  }
  return { artifacts, problems };
}

/** Reads an artifact's JSON text; undefined when it is not a current artifact of that language. */
export function readArtifact(text: string, language: Language): Dictionary[] | undefined {
  try {
    const a = JSON.parse(text) as Partial<DictionaryArtifact>;
    if (a.format !== 'brug-dictionaries' || a.version !== ARTIFACT_VERSION || a.language !== language || !Array.isArray(a.dictionaries)) return undefined;
    return a.dictionaries;
  } catch {
    return undefined;
  }
}
