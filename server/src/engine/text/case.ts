/**
 * Gives a replacement the capitalisation of the text it replaces: all capitals stay all
 * capitals, a capital first letter (sentence start) stays a capital. `dictionaryForm` is how
 * the dictionary writes the term: when its capitals are its own (an acronym such as LAC, a
 * name such as Likert), they say nothing about the sentence and are not copied.
 */
export function matchCase(original: string, replacement: string, dictionaryForm?: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  const own = dictionaryForm?.replace(/[^\p{L}]/gu, '') ?? '';
  const ownAllCaps = own.length > 1 && own === own.toUpperCase();
  const ownCapital = /^\p{Lu}/u.test(dictionaryForm ?? '');
  if (!ownAllCaps && letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  if (!ownCapital && /^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** A replacement for text at the start of a sentence: a capital there stays a capital, whatever the dictionary form. */
export function sentenceCase(original: string, replacement: string, sentenceStart: boolean | undefined): string {
  if (sentenceStart && /^\p{Lu}/u.test(original) && !/^\p{Lu}/u.test(replacement)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
