// Compiles the text layer's word lists (dictionaries/text/<language>/*.yml) into one JSON file,
// server/src/engine/text/lexicon.json, that the engine imports: no YAML parsing at run time.
// `node scripts/build-text-lexicon.mjs --check` fails when the JSON is out of date.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'dictionaries', 'text');
const TARGET = join(ROOT, 'server', 'src', 'engine', 'text', 'lexicon.json');

export function compileTextLexicon() {
  const out = {};
  for (const language of ['en', 'nl']) {
    const dir = join(SOURCE, language);
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = parse(readFileSync(join(dir, name), 'utf8'));
      if (file.language !== language) throw new Error(`${language}/${name}: language is ${file.language}`);
      out[language] ??= {};
      out[language][file.topic] = file.lists;
      if (file.numbers) {
        out[language].numbers ??= {};
        out[language].numbers[file.topic] = file.numbers;
      }
    }
  }
  return `${JSON.stringify(out)}\n`;
}

/** Writes lexicon.json when it differs from the dictionaries. */
export function writeTextLexicon() {
  const json = compileTextLexicon();
  if (!existsSync(TARGET) || readFileSync(TARGET, 'utf8') !== json) writeFileSync(TARGET, json);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeTextLexicon();
