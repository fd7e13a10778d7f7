import type { BlockAnalyzer } from '../types.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { compileVocabulary } from '../../vocabulary/compile.js';
import type { SynonymHit, TermHit } from '../../vocabulary/compile.js';

export interface TermUse {
  hit: TermHit;
  start: number;
  end: number;
  text: string;
  compound?: 'start' | 'end';
}

export interface SynonymUse {
  hit: SynonymHit;
  start: number;
  end: number;
  text: string;
}

export interface VocabularyFacts {
  terms: TermUse[];
  synonyms: SynonymUse[];
}

/** Heading anchors ({#sec-methode}) are identifiers, not words. */
const ANCHOR = /\{#[^}]*\}/g;

/**
 * Finds dictionary terms and synonym-group members in a block. Not inside quoted speech
 * (a client's own words are not corrected), placeholders (code, URLs, citations) or
 * heading anchors.
 */
export function vocabularyAnalyzer(vocabulary: Vocabulary): BlockAnalyzer {
  return {
    id: 'vocabulary',
    analyze(ab, config): VocabularyFacts {
      const lex = compileVocabulary(vocabulary, ab.language, config.vocabulary.prefer);
      const text = ab.block.text;
      const excluded: Array<[number, number]> = [...ab.quotes, ...(ab.block.placeholders ?? [])];
      if (ab.block.kind === 'heading') {
        let m: RegExpExecArray | null;
        ANCHOR.lastIndex = 0;
        while ((m = ANCHOR.exec(text))) excluded.push([m.index, m.index + m[0].length]);
      }
      const outside = (s: number, e: number) => !excluded.some(([a, b]) => s < b && a < e);
      const terms: TermUse[] = [];
      const synonyms: SynonymUse[] = [];
      for (const s of ab.sentences) {
        for (const m of lex.terms.match(s.words, text)) {
          if (!outside(m.start, m.end)) continue;
          const use: TermUse = { hit: m.payload, start: m.start, end: m.end, text: m.text };
          if (m.compound) use.compound = m.compound;
          terms.push(use);
        }
        for (const m of lex.synonyms.match(s.words, text)) {
          if (outside(m.start, m.end)) synonyms.push({ hit: m.payload, start: m.start, end: m.end, text: m.text });
        }
      }
      return { terms, synonyms };
    },
  };
}
