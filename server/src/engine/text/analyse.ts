import type { Counts, Language, ProseBlock, SectionRole } from '../types.js';
import type { AnalysedBlock } from '../rules/types.js';
import { splitSentences } from './sentences.js';
import { syllables as countSyllables } from './syllables.js';
import { emptyCounts } from './metrics.js';
import { findPassives } from './passive.js';
import { endsWithPersonAttribution, findQuotes, hasFirstPerson, isSpeech } from './quotes.js';

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Letters and digits in a word (what ARI counts), without building a new string. */
export function lettersAndDigits(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) n++;
    else if (c >= 128) {
      // Outside ASCII: a surrogate pair is one code point.
      const cp = word.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (LETTER_OR_NUMBER.test(ch)) n += ch.length;
      if (cp > 0xffff) i++;
    }
  }
  return n;
}

/** Block kinds whose sentences count for readability statistics. */
export function countsForMetrics(block: ProseBlock): boolean {
  return !block.skip && (block.kind === 'paragraph' || block.kind === 'listItem' || block.kind === 'footnote');
}

/**
 * The text layer for one block: sentences, words, syllables, counts, quotes.
 * Numbers and all-caps acronyms are left out of syllable statistics (they are read as
 * digits or letters, and say nothing about word difficulty); they still count as words.
 */
export function analyseBlock(block: ProseBlock, language: Language, role: SectionRole, longSentenceWords: number): AnalysedBlock {
  const sentences = splitSentences(block.text, language);
  const counts: Counts = emptyCounts();
  const syllables: number[][] = [];
  const metric = countsForMetrics(block);
  for (const s of sentences) {
    const per: number[] = [];
    for (const w of s.words) {
      const n = w.isNumber || w.isAcronym ? 0 : countSyllables(w.text, language);
      per.push(n);
      if (!metric) continue;
      counts.words++;
      counts.letters += w.letters;
      counts.characters += lettersAndDigits(w.text);
      if (w.letters > 6) counts.longWords++;
      if (n > 0) {
        counts.syllables += n;
        counts.syllableWords++;
        if (n >= 3) {
          counts.polysyllables++;
          if (!w.capitalised && !w.text.includes('-')) counts.complexWords++;
        }
      }
    }
    syllables.push(per);
    if (metric && s.words.length > 0) {
      counts.sentences++;
      if (s.words.length > longSentenceWords) counts.longSentences++;
      if (findPassives(s, language).length > 0) counts.passives++;
    }
  }
  const quotes: Array<[number, number]> = [];
  if (block.quoted && isSpeech(block.text, language)) quotes.push([0, block.text.length]);
  // A short first-person paragraph closed by a person's label is a quote too: "Ik durfde de post niet open te maken. (R4)".
  else if (block.kind === 'paragraph' && hasFirstPerson(block.text, language) && endsWithPersonAttribution(block.text)) quotes.push([0, block.text.length]);
  else for (const q of findQuotes(block.text, language)) if (q.speech) quotes.push([q.start, q.end]);
  return { block, language, role, sentences, counts, syllables, quotes };
}
