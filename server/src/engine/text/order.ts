/**
 * Alphabetical order of words and rule ids for what the reader sees (lists, findings at one place).
 *
 * `localeCompare`'s first call loads ICU's collation data: about 15 ms of a cold start, for a
 * sort that mostly compares plain lower-case words and rule ids. Among a–z, 0–9, space, hyphen
 * and slash the collation order is the order of the code units (space, hyphen, slash, digits,
 * letters), and each of them is one collation element of its own, so two strings whose first
 * difference is between two such characters, after a common start of only such characters, are
 * ordered there whatever follows (accents and other marks weigh only when the letters are
 * equal); two strings of only such characters are ordered by their code units (a shorter prefix
 * first). Anything else goes to `localeCompare` as before.
 */
const PLAIN = /^[a-z0-9 /-]*$/;

const plainChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32 || c === 45 || c === 47;

export function compareWords(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i) && plainChar(a.charCodeAt(i))) i++;
  if (i < n) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && plainChar(x) && plainChar(y)) return x < y ? -1 : 1;
  } else if (PLAIN.test(a) && PLAIN.test(b)) return a.length - b.length;
  return a.localeCompare(b);
}
