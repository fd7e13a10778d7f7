import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv';
import { REPO, readRepo } from '../../engine/helpers.js';
import { splitSentences } from '../../../server/src/engine/text/sentences.js';
import { findPassives } from '../../../server/src/engine/text/passive.js';
import { findNominalizations } from '../../../server/src/engine/text/nominalization.js';
import { closingList, namesResearchQuestion } from '../../../server/src/engine/rules/readability/long-sentence.js';
// @ts-expect-error: a plain .mjs script without types
import { compileTextLexicon } from '../../../scripts/build-text-lexicon.mjs';
import type { Language } from '../../../server/src/index.js';

interface LexiconFile {
  language: Language;
  topic: 'passive' | 'nominalization' | 'sentences' | 'readability';
  examples: { match?: string[]; noMatch?: string[]; enumeration?: string[]; noEnumeration?: string[]; split?: Array<{ text: string; sentences: string[] }> };
}

/** The text layer's word lists are data: schema-valid, compiled, with examples the code must meet. */
describe('dictionaries/text: word lists of the text layer', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readRepo('dictionaries/text/schema.json')));
  const files: Array<[string, LexiconFile]> = [];
  for (const language of ['nl', 'en']) {
    for (const name of readdirSync(resolve(REPO, 'dictionaries/text', language)).filter((n) => n.endsWith('.yml'))) {
      files.push([`${language}/${name}`, parse(readRepo(`dictionaries/text/${language}/${name}`)) as LexiconFile]);
    }
  }

  it('has passive, nominalization, readability and sentences lists for both languages', () => {
    for (const language of ['nl', 'en']) {
      assert.deepEqual(files.filter(([, f]) => f.language === language).map(([, f]) => f.topic).sort(), ['nominalization', 'passive', 'readability', 'sentences']);
    }
  });

  it('server/src/engine/text/lexicon.json is compiled from the current YAML (npm run build)', () => {
    assert.equal(readRepo('server/src/engine/text/lexicon.json'), compileTextLexicon());
  });

  for (const [name, file] of files) {
    describe(name, () => {
      it('follows dictionaries/text/schema.json', () => {
        assert.ok(validate(file), JSON.stringify(validate.errors));
      });
      // The readability cues (research-question names) are matched by the long-sentence rule.
      if (file.topic === 'readability') {
        for (const text of file.examples.match ?? []) it(`names a research question: "${text}"`, () => assert.ok(namesResearchQuestion(text, file.language), text));
        for (const text of file.examples.noMatch ?? []) it(`names no research question: "${text}"`, () => assert.ok(!namesResearchQuestion(text, file.language), text));
        // The enumeration cues and series conjunctions: every cue has a closing list among the examples.
        it('has a closing enumeration among the examples for every enumeration cue', () => {
          const lists = (file as unknown as { lists: Record<string, string[]> }).lists;
          for (const cue of lists.enumerationCues ?? []) assert.ok((file.examples.enumeration ?? []).some((t) => t.toLowerCase().includes(`${cue} `)), cue);
          for (const word of lists.seriesConjunctions ?? []) assert.ok((file.examples.enumeration ?? []).some((t) => t.includes(` ${word} `)), word);
        });
        for (const text of file.examples.enumeration ?? []) it(`closes with an enumeration: "${text}"`, () => assert.ok(closingList(text, file.language), text));
        for (const text of file.examples.noEnumeration ?? []) it(`closes with no enumeration: "${text}"`, () => assert.equal(closingList(text, file.language), undefined, text));
        return;
      }
      for (const text of file.examples.match ?? []) {
        it(`must match: "${text}"`, () => {
          const found = splitSentences(text, file.language).flatMap((s): unknown[] => (file.topic === 'passive' ? findPassives(s, file.language) : findNominalizations(s, file.language)));
          assert.ok(found.length > 0, text);
        });
      }
      for (const text of file.examples.noMatch ?? []) {
        it(`must not match: "${text}"`, () => {
          const found = splitSentences(text, file.language).flatMap((s): unknown[] => (file.topic === 'passive' ? findPassives(s, file.language) : findNominalizations(s, file.language)));
          assert.deepEqual(found, [], text);
        });
      }
      for (const { text, sentences } of file.examples.split ?? []) {
        it(`splits "${text}"`, () => {
          assert.deepEqual(splitSentences(text, file.language).map((s) => text.slice(s.start, s.end)), sentences);
        });
      }
    });
  }
});
