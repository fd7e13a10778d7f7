/**
 * A LexiconPair (two compiled lexicons matched in one pass over a sentence, as the vocabulary and client analyzers use
 * them) must give each lexicon exactly the matches its own `match` gives: phrases, possessives, compounds at either end,
 * overlapping matches of the two lexicons. Checked on every dictionary example and entry form, bare, in compounds and
 * side by side, in nl and en.
 */
import { strict as assert } from 'node:assert';
import { Lexicon, LexiconPair } from '../../server/src/engine/vocabulary/lexicon.js';
import { compileVocabulary } from '../../server/src/engine/vocabulary/compile.js';
import { clientLexicons } from '../../server/src/engine/rules/client/lexicon.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { bundledDictionaries } from '../../server/src/workspace/dictionaries.js';
import { splitSentences } from '../../server/src/engine/text/sentences.js';
import type { Language } from '../../server/src/engine/types.js';

const vocabulary = new Vocabulary(bundledDictionaries().dictionaries);

/** Example sentences and forms of a language's dictionaries, with compounds and possessives made of the forms. */
function texts(language: Language): string[] {
  const out: string[] = [];
  const forms: string[] = [];
  for (const d of vocabulary.of(language, 'jargon').concat(vocabulary.of(language, 'person-first'), vocabulary.of(language, 'synonyms'), vocabulary.of(language, 'client'))) {
    for (const e of d.entries ?? []) {
      out.push(...(e.examples?.match ?? []), ...(e.examples?.noMatch ?? []));
      forms.push(e.term, ...(e.forms ?? []));
    }
    for (const g of d.groups ?? []) {
      out.push(...(g.examples?.match ?? []), ...(g.examples?.noMatch ?? []));
      for (const m of g.members) forms.push(m.term, ...(m.forms ?? []));
    }
  }
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i]!;
    const g = forms[(i * 7 + 3) % forms.length]!;
    out.push(`${f} ${g}.`, `Wij spraken met ${f}'s en ${g}.`, `De zorg${f.replace(/\s+/g, '')} en ${g.replace(/\s+/g, '')}beleid.`, `${f}\n${g} ${f}`);
  }
  return out;
}

function check(language: Language, a: Lexicon<unknown>, b: Lexicon<unknown>, pair: LexiconPair<unknown, unknown>): number {
  let matches = 0;
  for (const text of texts(language)) {
    for (const s of splitSentences(text, language)) {
      const [ma, mb] = pair.match(s.words, text);
      assert.deepEqual(ma, a.match(s.words, text), text);
      assert.deepEqual(mb, b.match(s.words, text), text);
      matches += ma.length + mb.length;
    }
  }
  return matches;
}

describe('LexiconPair', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`gives each lexicon its own matches: terms and synonyms (${language})`, () => {
      const lex = compileVocabulary(vocabulary, language, {});
      assert.ok(check(language, lex.terms, lex.synonyms, lex.termsAndSynonyms) > 100);
    });

    it(`gives each lexicon its own matches: people and cue words (${language})`, () => {
      const lex = clientLexicons(vocabulary, language);
      assert.ok(check(language, lex.people, lex.cues, lex.peopleAndCues) > 100);
    });
  }

  it('keeps each lexicon apart: overlapping matches, possessives and compounds at either end', () => {
    const a = new Lexicon<string>();
    const b = new Lexicon<string>();
    a.add('interviews met cliënten', 'a-phrase');
    a.add('cliënt', 'a-client', 'any');
    a.add('team', 'a-team', 'start');
    a.add('werk', 'a-werk', 'end');
    b.add('interviews', 'b-interviews');
    b.add('met', 'b-met');
    b.add('zorg', 'b-zorg', 'start');
    const pair = new LexiconPair(a, b);
    const text = 'Interviews met cliënten en de zorgcliënt, de cliënt’s dossier, teamwerk en zorgverleners.';
    const [s] = splitSentences(text, 'nl');
    const [ma, mb] = pair.match(s!.words, text);
    assert.deepEqual(ma, a.match(s!.words, text));
    assert.deepEqual(mb, b.match(s!.words, text));
    assert.deepEqual(ma.map((m) => `${m.payload}:${m.text}${m.compound ? `:${m.compound}` : ''}`), ['a-phrase:Interviews met cliënten', 'a-client:zorgcliënt:end', 'a-client:cliënt’s', 'a-team:teamwerk:start']);
    assert.deepEqual(mb.map((m) => `${m.payload}:${m.text}${m.compound ? `:${m.compound}` : ''}`), ['b-interviews:Interviews', 'b-met:met', 'b-zorg:zorgcliënt:start', 'b-zorg:zorgverleners:start']);
  });
});
