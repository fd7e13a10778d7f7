import type { Directive, Language } from '../types.js';

const DIRECTIVE = /brug-(disable-next-line|disable-line|disable|enable|language)\b([^\n>]*)/;

/**
 * Reads the directive inside a comment's text ("brug-disable readability/long-sentence").
 * Rule ids are separated by spaces or commas; none means every rule.
 */
export function parseDirective(comment: string, offset: number, endOffset: number, line: number): Directive | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const kind = m[1] as Directive['kind'];
  const args = (m[2] ?? '')
    .replace(/-->.*$/, '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s !== '--');
  if (kind === 'language') {
    const lang = args[0]?.toLowerCase();
    const language: Language | undefined = lang === 'nl' || lang === 'dutch' || lang === 'nederlands' ? 'nl' : lang === 'en' || lang === 'english' || lang === 'engels' ? 'en' : undefined;
    if (!language) return undefined;
    return { kind, rules: [], language, offset, endOffset, line };
  }
  return { kind, rules: args, offset, endOffset, line };
}

/** Counts the 0-based line of an offset without building an index (for adapters that see few directives). */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
