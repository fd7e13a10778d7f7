// Compiles the client lexicon (dictionaries/client/<language>/*.yml: person words, method phrases,
// function words) into one JSON file, server/src/engine/text/client-lexicon.json, that the engine
// imports: no YAML parsing at run time. test/client/client-lexicon.test.ts checks that the JSON is
// up to date, that every file follows dictionaries/client/schema.json and that its examples hold.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'dictionaries', 'client');
const TARGET = join(ROOT, 'server', 'src', 'engine', 'text', 'client-lexicon.json');

export function compileClientLexicon() {
  const out = {};
  for (const language of ['en', 'nl']) {
    const dir = join(SOURCE, language);
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = parse(readFileSync(join(dir, name), 'utf8'));
      if (file.language !== language) throw new Error(`dictionaries/client/${language}/${name}: language is ${file.language}`);
      out[language] ??= {};
      out[language][file.topic] = file.methods ? { lists: file.lists, methods: file.methods } : { lists: file.lists };
    }
  }
  return `${JSON.stringify(out)}\n`;
}

/** Writes client-lexicon.json when it differs from the dictionaries. */
export function writeClientLexicon() {
  const json = compileClientLexicon();
  if (!existsSync(TARGET) || readFileSync(TARGET, 'utf8') !== json) writeFileSync(TARGET, json);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeClientLexicon();
