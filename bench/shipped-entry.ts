// What the benchmarks need of the engine (bench/shipped.ts bundles this file).
export { Engine } from '../server/src/engine/engine.js';
export { Vocabulary } from '../server/src/engine/vocabulary/vocabulary.js';
export { bundledDictionaries } from '../server/src/workspace/dictionaries.js';
export { extraFormats } from '../server/src/workspace/formats.js';
export { clearMarkdownCache } from '../server/src/engine/formats/markdown.js';
export { clearSyllableCache } from '../server/src/engine/text/syllables.js';
export { registerPracticeDictionaries } from '../server/src/workspace/practice-dictionaries.js';
