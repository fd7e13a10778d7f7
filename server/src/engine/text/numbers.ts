import type { Language, Message } from '../types.js';

/**
 * A number as each language writes it in running text: the decimal sign of the language (2.33 in English, 2,33 in
 * Dutch) and the whole part in groups of three from 1,000 on ("15,000", "15.000"), as toLocaleString writes them for
 * `en` and `nl`. Written here rather than with toLocaleString: its first call loads ICU's number formats and locale data,
 * some 5 MB of the language server's resident memory for a few messages.
 *
 * `digits`: that many digits after the decimal sign (toFixed); without it the number's own ("6", "22.9", "2.33").
 */
export function numberText(x: number, language: Language, digits?: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = digits === undefined ? String(x) : x.toFixed(digits);
  // (Exponent notation only for numbers no text counts: as it is.)
  if (s.includes('e')) return s;
  // (Most numbers in messages: below 1,000 and not negative; no groups, only the decimal sign. Section-score writes
  // three per section at every check.)
  const dot = s.indexOf('.');
  if ((dot < 0 ? s.length : dot) <= 3 && s.charCodeAt(0) !== 45) return dot < 0 || language === 'en' ? s : `${s.slice(0, dot)},${s.slice(dot + 1)}`;
  const sign = s.startsWith('-') ? '-' : '';
  const [whole, fraction] = (sign ? s.slice(1) : s).split('.') as [string, string | undefined];
  const groups: string[] = [];
  for (let end = whole.length; end > 0; end -= 3) groups.unshift(whole.slice(Math.max(0, end - 3), end));
  const [group, decimal] = language === 'nl' ? ['.', ','] : [',', '.'];
  // ("-0" from toFixed of a small negative number is written "0", as toLocaleString does not: a writer reads no sign.)
  const text = groups.join(group) + (fraction ? decimal + fraction : '');
  return sign && /[1-9]/.test(text) ? sign + text : text;
}

/** The number in both languages (see numberText). */
export function numberMessage(x: number, digits?: number): Message {
  return { en: numberText(x, 'en', digits), nl: numberText(x, 'nl', digits) };
}

/** "1 sentence", "2 sentences": the number (numberText) and the noun in the form that goes with it. */
export function countText(n: number, language: Language, one: string, many: string): string {
  return `${numberText(n, language)} ${n === 1 ? one : many}`;
}
