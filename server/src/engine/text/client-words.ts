import type { Language } from '../types.js';
import data from './client-lexicon.json' with { type: 'json' };

/**
 * The client lexicon: person words of attributions, method phrases and function words, per
 * language and topic. They live in dictionaries/client/<language>/ (YAML with sources and
 * examples); scripts/build-client-lexicon.mjs compiles them into client-lexicon.json, imported
 * here once. Used by text/quotes.ts and rules/client/.
 */
export type ClientTopic = 'people' | 'methods' | 'function-words';

export interface MethodPhrase {
  phrase: string;
  compound?: 'none' | 'start' | 'end' | 'any';
  methodSectionOnly?: boolean;
  verb?: boolean;
}

type Item = string | [string, string];
interface TopicData {
  lists: Record<string, Item[]>;
  methods?: MethodPhrase[];
}

const lexicon = data as unknown as Record<Language, Record<ClientTopic, TopicData>>;

function listOf(language: Language, topic: ClientTopic, list: string): Item[] {
  const l = lexicon[language]?.[topic]?.lists[list];
  if (!l) throw new Error(`client lexicon: no list ${language}/${topic}/${list}`);
  return l;
}

/** A word list as strings (lower case as written in the dictionary). */
export function clientWords(language: Language, topic: ClientTopic, list: string): string[] {
  return listOf(language, topic, list).map((x) => (typeof x === 'string' ? x : x[0]));
}

/** A word list as a set. */
export function clientWordSet(language: Language, topic: ClientTopic, list: string): Set<string> {
  return new Set(clientWords(language, topic, list));
}

/** The words of a list in both languages: for patterns that meet quotations in either language. */
export function clientWordsAnyLanguage(topic: ClientTopic, list: string): string[] {
  const out: string[] = [];
  for (const language of ['nl', 'en'] as const) {
    const l = lexicon[language]?.[topic]?.lists[list];
    if (l) for (const x of l) out.push(typeof x === 'string' ? x : x[0]);
  }
  if (out.length === 0) throw new Error(`client lexicon: no list ${topic}/${list}`);
  return [...new Set(out)];
}

/** A list of pairs ([forms, particle]). */
export function clientPairs(language: Language, topic: ClientTopic, list: string): Array<[string, string]> {
  return listOf(language, topic, list).map((x) => (typeof x === 'string' ? [x, ''] : x));
}

/** The method phrases of a language. */
export function methodPhrases(language: Language): MethodPhrase[] {
  return lexicon[language]?.methods?.methods ?? [];
}

/** A regular-expression alternation of words (escaped, longest first, spaces as any white space). */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
