import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv';
import { findQuotes } from '../../server/src/engine/text/quotes.js';
import type { ClientFacts } from '../../server/src/engine/rules/client/analyzer.js';
import { CLIENT_FACTS } from '../../server/src/engine/rules/client/analyzer.js';
// @ts-expect-error: a plain .mjs script without types
import { compileClientLexicon } from '../../scripts/build-client-lexicon.mjs';
import type { Language } from '../../server/src/index.js';
import { check, repo } from './helpers.js';

interface LexiconFile {
  language: Language;
  topic: 'people' | 'methods' | 'function-words';
  lists: Record<string, unknown[]>;
  examples: { match: string[]; noMatch: string[] };
}

/** The client facts of every block of a short document. */
function facts(text: string): ClientFacts[] {
  const { r } = check(text);
  return r.model.blocks.map((b) => b.facts[CLIENT_FACTS] as ClientFacts | undefined).filter((f): f is ClientFacts => !!f);
}

const METHOD_HEADING: Record<Language, string> = { nl: '## Methode', en: '## Methods' };

/** What each topic's examples promise: a match shows the behaviour, a noMatch does not. */
const PROBES: Record<LexiconFile['topic'], (text: string, language: Language) => boolean> = {
  // A quotation attributed to a person (after it, as a label, or in a lead-in).
  people: (text, language) => findQuotes(text, language).some((q) => q.speech && q.attributionAt !== undefined),
  // A method reported as done (the example stands in a method section, where recruitment words count).
  methods: (text, language) => facts(`# Rapport\n\n${METHOD_HEADING[language]}\n\n${text}\n`).some((f) => f.methods.some((m) => !m.negated && !m.planned)),
  // A statement of what clients said or experienced.
  'function-words': (text) => facts(`# Rapport\n\n${text}\n`).some((f) => f.statements.some((s) => s.speaker !== 'professional')),
};

/** The client lexicon is data: schema-valid, compiled, with examples the code must meet. */
describe('dictionaries/client: person words, method phrases and function words', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(repo, 'dictionaries/client/schema.json'), 'utf8')));
  const files: Array<[string, LexiconFile]> = [];
  for (const language of ['nl', 'en']) {
    for (const name of readdirSync(join(repo, 'dictionaries/client', language)).filter((n) => n.endsWith('.yml'))) {
      files.push([`${language}/${name}`, parse(readFileSync(join(repo, 'dictionaries/client', language, name), 'utf8')) as LexiconFile]);
    }
  }

  it('has people, methods and function-words files for both languages', () => {
    for (const language of ['nl', 'en']) {
      assert.deepEqual(files.filter(([, f]) => f.language === language).map(([, f]) => f.topic).sort(), ['function-words', 'methods', 'people']);
    }
  });

  it('server/src/engine/text/client-lexicon.json is compiled from the current YAML (npm run build)', () => {
    assert.equal(readFileSync(join(repo, 'server/src/engine/text/client-lexicon.json'), 'utf8'), compileClientLexicon());
  });

  it('no list repeats a word', () => {
    for (const [name, f] of files) {
      for (const [list, items] of Object.entries(f.lists)) {
        const seen = items.map((x) => JSON.stringify(x));
        assert.equal(new Set(seen).size, seen.length, `${name} ${list}`);
      }
    }
  });

  for (const [name, file] of files) {
    describe(name, () => {
      it('follows dictionaries/client/schema.json', () => {
        assert.ok(validate(file), JSON.stringify(validate.errors));
      });
      it('its examples hold: every match shows the behaviour, no noMatch does', () => {
        const probe = PROBES[file.topic];
        for (const text of file.examples.match) assert.ok(probe(text, file.language), `must match: ${text}`);
        for (const text of file.examples.noMatch) assert.ok(!probe(text, file.language), `must not match: ${text}`);
      });
    });
  }
});
