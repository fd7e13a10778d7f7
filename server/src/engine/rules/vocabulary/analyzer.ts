import type { BlockAnalyzer } from '../types.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { compileVocabulary } from '../../vocabulary/compile.js';
import type { SynonymHit, TermHit } from '../../vocabulary/compile.js';
import type { Sentence } from '../../text/sentences.js';
import { normalizeWord, wordNorm } from '../../vocabulary/lexicon.js';

export interface TermUse {
  hit: TermHit;
  start: number;
  end: number;
  text: string;
  compound?: 'start' | 'end';
  /** The first word of its sentence: a replacement starts with a capital when the text did. */
  sentenceStart?: boolean;
  /** The use defines the term: "Interoperability is …", "Respondenten zijn …", or it stands in a heading. */
  defines?: 'sentence' | 'heading';
  /** A nominal adjective used before a noun (the elderly woman): the adjective's text range. */
  adjective?: { start: number; end: number; text: string };
  /** A word right after it with which the entry's first suggestion no longer fits one-for-one (gedurende drie weken): never a safe fix. */
  unsafe?: boolean;
  /** The word right before the term, when it is an article or determiner (a, an, de, het, een, dit …). */
  article?: { start: number; end: number; text: string };
}

export interface SynonymUse {
  hit: SynonymHit;
  start: number;
  end: number;
  text: string;
  sentenceStart?: boolean;
  /** Inside quotation marks, however short ("Nonprofit Organisation"): the source's spelling, not the writer's word choice. */
  quoted?: boolean;
}

export interface VocabularyFacts {
  terms: TermUse[];
  synonyms: SynonymUse[];
}

/**
 * Quoted passages of six words or more (“empower people to choose the appropriate language …”[^38]): quoted from a
 * source even when no person is named. Shorter quotes are scare quotes, a mentioned term or a phrase the writer uses
 * ("de nota noemt 'de zelfredzaamheid van inwoners' als doel"); they are handled below. Judged on the dev corpus: 4 of 9 false jargon findings stood in quoted text (test/judged/quiet3-sample.tsv).
 */
const QUOTED_PASSAGE = /“[^”“\n]+”|"[^"\n]+"/g;
export function quotedPassages(text: string): Array<[number, number]> {
  if (!text.includes('"') && !text.includes('“')) return [];
  const out: Array<[number, number]> = [];
  QUOTED_PASSAGE.lastIndex = 0;
  for (let m = QUOTED_PASSAGE.exec(text); m; m = QUOTED_PASSAGE.exec(text)) if (piecesAtLeast(text, m.index, m.index + m[0].length, 6)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * Whether text[from, to) has at least `n` pieces between runs of white space (what `split(/\s+/)` gives, counted
 * without making them; the passage starts and ends with a quotation mark, so there are no empty pieces at its ends).
 */
function piecesAtLeast(text: string, from: number, to: number, n: number): boolean {
  let pieces = 1;
  let space = false;
  for (let i = from; i < to; i++) {
    const s = isSpace(text.charCodeAt(i));
    if (s && !space && ++pieces >= n) return true;
    space = s;
  }
  return pieces >= n;
}

/** JavaScript's white space and line terminators (what \s matches). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Any quotation in double or typographic quotes, short ones too (a term quoted from a source). */
const ANY_QUOTATION = /“[^”“\n]+”|„[^”“\n]+[”“]|"[^"\n]+"|«[^»\n]+»/g;
function quotations(text: string): Array<[number, number]> {
  if (!/["“„«]/.test(text)) return [];
  return [...text.matchAll(ANY_QUOTATION)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

/** A bibliographic reference: a year in parentheses after names ("Vriens, K., … (2024, december)", "Smith (2019).") or a DOI. */
const REFERENCE = /\p{L}[.,]?\s*\((?:19|20)\d\d[a-z]?(?:[,)]|\s*[,.]\s*\p{L})|doi\.org|\bdoi:/u;

/** Heading anchors ({#sec-methode}) are identifiers, not words. */
const ANCHOR = /\{#[^}]*\}/g;
/** Opening quotation marks and the marks that may close them. */
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”“', '„': '”“', '‘': '’', "'": "'", '«': '»', '‹': '›', '`': "'" };
/** Template shortcodes ({{< embed_pdf url="…" >}}, {{% note %}}) are markup that a Markdown parser leaves in the text. */
const SHORTCODE = /\{\{[<%][^]*?[>%]\}\}/g;
/** Pandoc citation keys ([@implementatie2020; @smith-review]) are identifiers too; an e-mail address is not a key. */
const CITATION_KEY = /(?<![\p{L}\p{N}_.])-?@[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*/gu;
/** Articles and determiners whose form depends on the noun after them: a replacement must agree with them. */
const ARTICLES: Record<string, Set<string>> = {
  en: new Set(['a', 'an']),
  nl: new Set(['de', 'het', 'een', 'deze', 'dit', 'die', 'dat']),
};
/** Words allowed before a term that starts a definition sentence ("The interoperability of …" is not one; "Interoperability is …" is). */
const LEADING_ARTICLES = new Set(['the', 'a', 'an', 'de', 'het', 'een']);
/** How many words either side of a term its `unless` words may stand. */
const CONTEXT_WINDOW = 3;

/** A context word that stands for any number (gedurende # weken). */
const ANY_NUMBER = '#';

/** Whether a phrase (normalised words; `#` is any number) occurs in norm[from..to] (inclusive start positions). */
function phraseAt(norm: string[], phrase: string[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i <= Math.min(to, norm.length - 1); i++) {
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      const w = norm[i + k];
      if (w !== phrase[k] && !(phrase[k] === ANY_NUMBER && w !== undefined && /^\p{N}/u.test(w))) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** The facts of a block that uses no term (frozen: shared by every such block, never changed). */
const NO_USES = Object.freeze([]) as unknown as never[];
const NO_VOCABULARY: VocabularyFacts = Object.freeze({ terms: NO_USES, synonyms: NO_USES });

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
      // A block quote is someone else's text (a client, a law, a source): its words are not the writer's to change.
      if (ab.block.quoted) return NO_VOCABULARY;
      // A footnote that is a reference (authors, a year, a title) quotes someone else's title.
      if (ab.block.kind === 'footnote' && REFERENCE.test(ab.block.text)) return NO_VOCABULARY;
      const lex = compileVocabulary(vocabulary, ab.language, config.vocabulary.prefer);
      const text = ab.block.text;
      const excluded: Array<[number, number]> = [...ab.quotes, ...quotedPassages(text), ...(ab.block.placeholders ?? [])];
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
      // American punctuation puts a comma or full stop inside the quotes (“triangulate,” as he puts it).
      const mentioned = (start: number, end: number) => {
        const close = QUOTE_PAIRS[text[start - 1] ?? ''];
        if (close === undefined) return false;
        const after = /^[.,;:!?]?(.)/u.exec(text.slice(end, end + 2))?.[1] ?? '';
        return close.includes(text[end] ?? '') || close.includes(after);
      };
      const articles = ARTICLES[ab.language]!;
      let quoted: Array<[number, number]> | undefined;
      const sentences = ab.sentences;
      for (let k = 0; k < sentences.length; k++) {
        const s = sentences[k]!;
        let norm: string[] | undefined;
        // Terms and synonym-group members in one pass over the sentence (indexed: no iterator results per sentence).
        const both = lex.termsAndSynonyms.match(s.words, text);
        const termMatches = both[0];
        const synonymMatches = both[1];
        for (let j = 0; j < termMatches.length; j++) {
          const m = termMatches[j]!;
          if (!outside(m.start, m.end) || named(s, m.from, m.payload.entry.term) || mentioned(m.start, m.end)) continue;
          // Jargon inside a short quotation too (*"Customers and Funders"*, de nota noemt "de zelfredzaamheid van
          // inwoners"): a label, a title or the source's words, held at a distance by the writer. (A label of
          // people in a quoted name stays a person-first finding, without a replacement.)
          if (m.payload.kind === 'jargon') {
            quoted ??= quotations(text);
            if (quoted.some(([a, b]) => a < m.start && m.end < b)) continue;
          }
          const entry = m.payload.entry;
          norm ??= s.words.map(wordNorm);
          // Word senses: "foreign intervention" is not the jargon sense of intervention.
          const ctx = lex.context.get(entry);
          if (ctx) {
            const len = m.to - m.from + 1;
            if (ctx.unless.some((p) => phraseAt(norm!, p, m.from - CONTEXT_WINDOW - p.length + 1, m.to + CONTEXT_WINDOW) && !phraseAt(norm!, p, m.from, m.from + len - p.length))) continue;
            if (ctx.onlyWith.length && !ctx.onlyWith.some((p) => phraseAt(norm!, p, 0, norm!.length - 1))) continue;
            if (ctx.inSentence.some((p) => phraseAt(norm!, p, 0, norm!.length - 1))) continue;
            // A fixed expression or another sense, right after or before the term (geoptimaliseerd (is) voor;
            // bovenstaande figuur; in terms of our model; de Wet inzake …): up to one word in between.
            if (ctx.followedBy.some((p) => phraseAt(norm!, p, m.to + 1, m.to + 2))) continue;
            if (ctx.precededBy.some((p) => phraseAt(norm!, p, m.from - p.length - 1, m.from - p.length))) continue;
          }
          const use: TermUse = { hit: m.payload, start: m.start, end: m.end, text: m.text };
          if (m.compound) use.compound = m.compound;
          if (ctx?.unsafeFollowedBy.some((p) => phraseAt(norm!, p, m.to + 1, m.to + 1))) use.unsafe = true;
          const startsSentence = atStart(s, m.from);
          if (startsSentence) use.sentenceStart = true;
          if (startsSentence && entry.unsafeAtSentenceStart) use.unsafe = true;
          // A definition: the term opens the sentence (after at most an article) and a defining verb follows.
          if (heading) use.defines = 'heading';
          else if (!m.compound && (startsSentence || (m.from === 1 && LEADING_ARTICLES.has(norm[0]!) && atStart(s, 0))) && lex.cues.definitionVerbs.has(norm[m.to + 1] ?? '')) use.defines = 'sentence';
          const prev = s.words[m.from - 1];
          if (prev && articles.has(norm[m.from - 1]!) && /^\s+$/.test(text.slice(prev.end, m.start))) use.article = { start: prev.start, end: prev.end, text: prev.text };
          if (entry.adjective) {
            const next = s.words[m.to + 1];
            const word = normalizeWord(entry.adjective.word);
            const idx = norm.indexOf(word, m.from);
            if (next && idx >= m.from && idx <= m.to && /^\s+$/.test(text.slice(s.words[m.to]!.end, next.start)) && /^\p{Ll}+$/u.test(next.text) && !lex.cues.notNouns.has(norm[m.to + 1]!)) {
              const w = s.words[idx]!;
              use.adjective = { start: w.start, end: w.end, text: w.text };
            }
          }
          terms.push(use);
        }
        for (let j = 0; j < synonymMatches.length; j++) {
          const m = synonymMatches[j]!;
          if (!outside(m.start, m.end) || named(s, m.from, m.payload.group.members[m.payload.member]!.term) || mentioned(m.start, m.end)) continue;
          const use: SynonymUse = { hit: m.payload, start: m.start, end: m.end, text: m.text };
          if (atStart(s, m.from)) use.sentenceStart = true;
          quoted ??= quotations(text);
          if (quoted.some(([a, b]) => a < m.start && m.end < b)) use.quoted = true;
          synonyms.push(use);
        }
      }
      // (Most blocks use no term: one shared empty list instead of two arrays a block, kept while the block is cached.)
      return terms.length || synonyms.length ? { terms: terms.length ? terms : NO_USES, synonyms: synonyms.length ? synonyms : NO_USES } : NO_VOCABULARY;
    },
  };
}
