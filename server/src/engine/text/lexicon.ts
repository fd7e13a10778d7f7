import type { Language } from '../types.js';
import data from './lexicon.json' with { type: 'json' };

/**
 * The text layer's word lists, per language and topic. They live in dictionaries/text/<language>/
 * (YAML with sources and examples); scripts/build-text-lexicon.mjs compiles them into
 * lexicon.json, which is imported here once: no file reading or YAML parsing at run time.
 */
type Lists = Record<string, Array<string | [string, string | null]>>;
type Topic = 'passive' | 'nominalization' | 'sentences' | 'readability';

const lexicon = data as unknown as Record<Language, Record<Topic, Lists> & { numbers?: Partial<Record<Topic, Record<string, number>>> }>;

/** A word list as strings. */
export function words(language: Language, topic: Topic, list: string): string[] {
  const l = lexicon[language]?.[topic]?.[list];
  if (!l) throw new Error(`text lexicon: no list ${language}/${topic}/${list}`);
  return l.map((x) => (typeof x === 'string' ? x : x[0]));
}

/** A number of the language's data for a topic (the `numbers` of its file), or undefined when the file has none. */
export function numberOf(language: Language, topic: Topic, name: string): number | undefined {
  return lexicon[language]?.numbers?.[topic]?.[name];
}

/** A word list as a set. */
export function wordSet(language: Language, topic: Topic, list: string): Set<string> {
  return new Set(words(language, topic, list));
}

/** A list of pairs ([phrase, verb or null]). */
export function pairs(language: Language, topic: Topic, list: string): Array<[string, string | undefined]> {
  const l = lexicon[language]?.[topic]?.[list];
  if (!l) throw new Error(`text lexicon: no list ${language}/${topic}/${list}`);
  return l.map((x) => (typeof x === 'string' ? (x.split(':') as [string, string]) : [x[0], x[1] ?? undefined]));
}

/** A word or phrase of a list, escaped for use inside a regular expression. */
export const escapeRegExp = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression that matches exactly one word of the list. */
export function wordPattern(language: Language, topic: Topic, list: string): RegExp {
  return new RegExp(`^(?:${words(language, topic, list).map(escapeRegExp).join('|')})$`);
}
