import type { BlockAnalyzer } from '../types.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { compileVocabulary } from '../../vocabulary/compile.js';
import type { SynonymHit, TermHit } from '../../vocabulary/compile.js';
import type { Sentence } from '../../text/sentences.js';

export interface TermUse {
  hit: TermHit;
  start: number;
  end: number;
  text: string;
  compound?: 'start' | 'end';
  /** The first word of its sentence: a replacement starts with a capital when the text did. */
  sentenceStart?: boolean;
}

export interface SynonymUse {
  hit: SynonymHit;
  start: number;
  end: number;
  text: string;
  sentenceStart?: boolean;
}

export interface VocabularyFacts {
  terms: TermUse[];
  synonyms: SynonymUse[];
}

/** Heading anchors ({#sec-methode}) are identifiers, not words. */
const ANCHOR = /\{#[^}]*\}/g;
/** Opening quotation marks and the marks that may close them. */
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”“', '„': '”“', '‘': '’', "'": "'", '«': '»', '‹': '›', '`': "'" };
/** Template shortcodes ({{< embed_pdf url="…" >}}, {{% note %}}) are markup that a Markdown parser leaves in the text. */
const SHORTCODE = /\{\{[<%][^]*?[>%]\}\}/g;
/** Pandoc citation keys ([@implementatie2020; @smith-review]) are identifiers too; an e-mail address is not a key. */
const CITATION_KEY = /(?<![\p{L}\p{N}_.])-?@[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*/gu;

/**
 * Finds dictionary terms and synonym-group members in a block. Not inside quoted speech
 * (a client's own words are not corrected), placeholders (code, URLs, citations), citation
 * keys, heading anchors or names (a capital mid-sentence that the dictionary form lacks); a
 * term that makes up a whole quotation is mentioned, not used, and is not a term use either.
 */
export function vocabularyAnalyzer(vocabulary: Vocabulary): BlockAnalyzer {
  return {
    id: 'vocabulary',
    analyze(ab, config): VocabularyFacts {
      const lex = compileVocabulary(vocabulary, ab.language, config.vocabulary.prefer);
      const text = ab.block.text;
      const excluded: Array<[number, number]> = [...ab.quotes, ...(ab.block.placeholders ?? [])];
      let m: RegExpExecArray | null;
      if (ab.block.kind === 'heading') {
        ANCHOR.lastIndex = 0;
        while ((m = ANCHOR.exec(text))) excluded.push([m.index, m.index + m[0].length]);
      }
      if (text.includes('{{')) {
        SHORTCODE.lastIndex = 0;
        while ((m = SHORTCODE.exec(text))) excluded.push([m.index, m.index + m[0].length]);
      }
      if (text.includes('@')) {
        CITATION_KEY.lastIndex = 0;
        while ((m = CITATION_KEY.exec(text))) excluded.push([m.index, m.index + m[0].length]);
      }
      const outside = (s: number, e: number) => !excluded.some(([a, b]) => s < b && a < e);
      const terms: TermUse[] = [];
      const synonyms: SynonymUse[] = [];
      // A capital the dictionary form does not have, in the middle of a sentence, marks a name
      // or a title (Bloom's Taxonomy, Assistant Professor Governance), not the common word.
      // Headings are written in title case, so there a capital says nothing.
      const heading = ab.block.kind === 'heading';
      const atStart = (s: Sentence, from: number) => {
        let k = from - 1;
        while (k >= 0 && s.words[k]!.isNumber) k--;
        return k < 0;
      };
      const named = (s: Sentence, from: number, form: string) => {
        if (heading || /^\p{Lu}/u.test(form)) return false;
        const w = s.words[from]!;
        if (!w.capitalised || w.isAcronym || atStart(s, from)) return false;
        let k = from - 1;
        while (s.words[k]!.isNumber) k--;
        return !/[:(\[“"‘'«—–•]/.test(text.slice(s.words[k]!.end, w.start));
      };
      // A term that is the whole of a quotation ("verwarde personen", ‘klant’) is mentioned, not used:
      // the writer already holds it at a distance.
      const mentioned = (start: number, end: number) => {
        const close = QUOTE_PAIRS[text[start - 1] ?? ''];
        return close !== undefined && close.includes(text[end] ?? '');
      };
      for (const s of ab.sentences) {
        for (const m of lex.terms.match(s.words, text)) {
          if (!outside(m.start, m.end) || named(s, m.from, m.payload.entry.term) || mentioned(m.start, m.end)) continue;
          const use: TermUse = { hit: m.payload, start: m.start, end: m.end, text: m.text };
          if (m.compound) use.compound = m.compound;
          if (atStart(s, m.from)) use.sentenceStart = true;
          terms.push(use);
        }
        for (const m of lex.synonyms.match(s.words, text)) {
          if (!outside(m.start, m.end) || named(s, m.from, m.payload.group.members[m.payload.member]!.term) || mentioned(m.start, m.end)) continue;
          const use: SynonymUse = { hit: m.payload, start: m.start, end: m.end, text: m.text };
          if (atStart(s, m.from)) use.sentenceStart = true;
          synonyms.push(use);
        }
      }
      return { terms, synonyms };
    },
  };
}
