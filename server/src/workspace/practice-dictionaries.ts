/**
 * The practice-fit cues (dictionaries/practice/<language>.yml) read from disk for the engine, which
 * reads no files itself. Registered once when the workspace's engines are first made.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usePracticeDictionaries } from '../engine/practice/lexicon.js';
import type { PracticeData } from '../engine/practice/lexicon.js';
import type { Language } from '../engine/types.js';
import { MAX_DICTIONARY_BYTES, readSmallText } from './read.js';
import { resourceRoot } from './resources.js';
import { compiledIsCurrent } from './compiled.js';

let registered = false;

export function registerPracticeDictionaries(): void {
  if (registered) return;
  registered = true;
  usePracticeDictionaries((language: Language) => {
    const file = join(resourceRoot(), 'dictionaries', 'practice', `${language}.yml`);
    // The build's JSON (validated then) when it was compiled from this very YAML.
    const root = resourceRoot();
    const compiled = join(root, 'dictionaries', 'compiled', `practice-${language}.json`);
    try {
      if (compiledIsCurrent(root, `practice-${language}`, join(root, 'dictionaries', 'practice'), (n) => n === `${language}.yml`)) {
        return { file, data: JSON.parse(readFileSync(compiled, 'utf8')) as PracticeData };
      }
    } catch {
      // No build output (run from source): the YAML below.
    }
    const r = readSmallText(file, MAX_DICTIONARY_BYTES);
    if (!r.ok) throw new Error(`${file}: ${r.reason.en}`);
    return { file, text: r.text };
  });
}
