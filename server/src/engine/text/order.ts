/**
 * Alphabetical order of words and rule ids for what the reader sees (lists, findings at one place).
 *
 * `localeCompare`'s first call loads ICU's collation data: about 15 ms of a cold start, for a
 * sort that mostly compares plain lower-case words and rule ids. For two strings of only a–z,
 * 0–9, spaces, hyphens and slashes the collation order is the order of their code units (space,
 * hyphen, slash, digits, letters; a shorter prefix first), so those are compared directly;
 * anything else (accents, capitals, other punctuation) goes to `localeCompare` as before.
 */
const PLAIN = /^[a-z0-9 /-]*$/;

export function compareWords(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
