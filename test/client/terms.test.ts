import { strict as assert } from 'node:assert';
import { analyseBlock } from '../../server/src/engine/text/analyse.js';
import { analyzeClientBlock } from '../../server/src/engine/rules/client/analyzer.js';
import { clientLexicons } from '../../server/src/engine/rules/client/lexicon.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { bundledDictionaries } from '../../server/src/workspace/dictionaries.js';
import type { ProseBlock } from '../../server/src/engine/types.js';

/**
 * The people words a block counts, by normal form, with the first use as written (lower case). A one-word use is read
 * from its word (its lower case, the normal form the lexicon looked up); a phrase or a pattern from the text.
 */
describe('client: people words counted as written', () => {
  const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);
  const terms = (text: string, language: 'nl' | 'en') => {
    const block: ProseBlock = { kind: 'paragraph', text, map: [], start: 0, end: text.length };
    return analyzeClientBlock(analyseBlock(block, language, 'results', 40), clientLexicons(vocabulary, language)).terms;
  };

  it('nl: diacritics folded in the key, kept in the display; capitals lowered; phrases and possessives', () => {
    assert.deepEqual(terms('De Cliënten en een KLANTMANAGER spraken met mensen met schulden. Het dossier van de cliënt’s moeder en de klantmanagers; de  Cliënt.', 'nl'), {
      clienten: { kind: 'client', count: 1, display: 'cliënten' },
      klantmanager: { kind: 'professional', count: 1, display: 'klantmanager' },
      'mensen met schulden': { kind: 'client', count: 1, display: 'mensen met schulden' },
      "client's": { kind: 'client', count: 1, display: 'cliënt’s' },
      moeder: { kind: 'client', count: 1, display: 'moeder' },
      klantmanagers: { kind: 'professional', count: 1, display: 'klantmanagers' },
      client: { kind: 'client', count: 1, display: 'cliënt' },
    });
  });

  it('en: possessives, patterns, phrases over white space and capitals', () => {
    assert.deepEqual(terms("The Client's file and two customers; people with debts met the caseworker. Service\nusers and the CLIENT spoke to staff.", 'en'), {
      "client's": { kind: 'client', count: 1, display: "client's" },
      customers: { kind: 'client', count: 1, display: 'customers' },
      'people with …': { kind: 'client', count: 1, display: 'people with …' },
      caseworker: { kind: 'professional', count: 1, display: 'caseworker' },
      'service users': { kind: 'client', count: 1, display: 'service users' },
      client: { kind: 'client', count: 1, display: 'client' },
      staff: { kind: 'professional', count: 1, display: 'staff' },
    });
  });
});

/**
 * The word-by-word searches for separable verbs of saying, "according to" phrases and "people with" patterns run only in
 * a sentence that holds one of their first words (one look-up a word marks which): each must still find its own.
 */
describe('client: separable verbs, "according to" and "people with" in a sentence', () => {
  const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);
  const facts = (text: string, language: 'nl' | 'en') => {
    const block: ProseBlock = { kind: 'paragraph', text, map: [], start: 0, end: text.length };
    return analyzeClientBlock(analyseBlock(block, language, 'results', 40), clientLexicons(vocabulary, language));
  };
  const said = (text: string, language: 'nl' | 'en') => facts(text, language).statements.map((s) => `${s.kind}:${s.speaker}:${s.cue}`);

  it('nl', () => {
    assert.deepEqual(said('Daarnaast geven de klantmanagers aan dat de brief onduidelijk is.', 'nl'), ['voice:professional:geven … aan']);
    assert.deepEqual(said('Naar de mening van bewoners is de brief te laat.', 'nl'), ['voice:client:Naar de mening van']);
    assert.deepEqual(said('De brief was te laat, aldus bewoners.', 'nl'), ['voice:client:aldus']);
    assert.deepEqual(facts('Naar de mening van bewoners: “ik begreep de brief niet”.', 'nl').quotes.map((q) => q.speaker), ['client']);
    assert.deepEqual(Object.keys(facts('Wij spraken met mensen met schulden over de brief.', 'nl').terms), ['mensen met schulden']);
    assert.deepEqual(said('De brief is onduidelijk.', 'nl'), []);
  });

  it('en', () => {
    assert.deepEqual(said('In the view of parents, the letter is unclear.', 'en'), ['voice:client:In the view of']);
    assert.deepEqual(said('As reported by parents, the letter was late.', 'en'), ['voice:client:As reported by']);
    assert.deepEqual(Object.keys(facts('We spoke with people with debts about the letter.', 'en').terms), ['people with …']);
    assert.deepEqual(said('The letter is unclear.', 'en'), []);
  });
});

/** Aim and plan words are marked with the sentence's other words (one look-up a word): a method still planned, a statement of an aim dropped. */
describe('client: aim and plan words in a sentence', () => {
  const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);
  const facts = (text: string, language: 'nl' | 'en') => {
    const block: ProseBlock = { kind: 'paragraph', text, map: [], start: 0, end: text.length };
    return analyzeClientBlock(analyseBlock(block, language, 'results', 40), clientLexicons(vocabulary, language));
  };

  it('nl', () => {
    assert.deepEqual(facts('We zullen twaalf cliënten interviewen.', 'nl').methods.map((m) => m.planned), [true]);
    assert.deepEqual(facts('We hebben twaalf cliënten geïnterviewd.', 'nl').methods.map((m) => m.planned), [false]);
  });

  it('en', () => {
    assert.deepEqual(facts('We will interview twelve clients.', 'en').methods.map((m) => m.planned), [true]);
    assert.deepEqual(facts('We interviewed twelve clients.', 'en').methods.map((m) => m.planned), [false]);
    assert.deepEqual(facts('This study aims to show that parents feel heard.', 'en').statements, []);
    assert.deepEqual(facts('Parents feel heard.', 'en').statements.map((s) => s.kind), ['experience']);
  });
});
