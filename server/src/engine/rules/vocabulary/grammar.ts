import type { CompiledCues } from '../../vocabulary/compile.js';
import { normalizeWord } from '../../vocabulary/lexicon.js';

/**
 * English "a" or "an" before a word, written like the article it replaces (A, An, a, an).
 * By the first letter, with the exceptions the cues list: words that take "an" although they
 * start with a consonant (hour, honest) and word starts that take "a" although they start with
 * a vowel (user, one, European).
 */
export function articleFor(word: string, written: string, cues: CompiledCues): string {
  const w = normalizeWord(word.replace(/^[^\p{L}\p{N}]+/u, '').split(/[\s-]/)[0] ?? '');
  let an = /^[aeiou]/.test(w);
  if (an && cues.aWords.some((p) => w.startsWith(p))) an = false;
  if (!an && cues.anWords.has(w)) an = true;
  const base = an ? 'an' : 'a';
  if (written === written.toUpperCase() && written.length > 1) return base.toUpperCase();
  return /^\p{Lu}/u.test(written) ? base.charAt(0).toUpperCase() + base.slice(1) : base;
}
