/**
 * Cue patterns of the practice dictionaries, compiled to regular expressions. A pattern is a
 * lower-case phrase: a word ending in `*` matches any ending, `..` allows up to eight words in
 * between. Matches respect word boundaries (letters and digits of any script), so "raad" does not
 * match inside "voorraad" and "plan" not inside "planet".
 */
const WORD = '[\\p{L}\\p{N}]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileOne(pattern: string): string {
  const parts = pattern.trim().toLowerCase().split(/\s+/);
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') {
      out.push('(?:[^\\s]+\\s+){0,8}?');
      continue;
    }
    const star = p.endsWith('*');
    const body = escape(star ? p.slice(0, -1) : p);
    out.push(star ? `${body}[\\p{L}\\p{N}'’-]*` : body);
  }
  // '..' already ends with whitespace: join with \s+ except after it.
  let re = '';
  for (let i = 0; i < out.length; i++) {
    re += out[i];
    if (i < out.length - 1 && parts[i] !== '..') re += '[\\s,;:]+';
  }
  return re;
}

/** One pattern with its word edges. */
function bounded(body: string): string {
  return `(?<!${WORD})${body}(?!${WORD})`;
}

export class PatternSet {
  readonly patterns: string[];
  private readonly re: RegExp | undefined;
  private readonly bodies: string[];
  private readonly each: Array<RegExp | undefined> = [];
  private global: RegExp | undefined;

  constructor(patterns: string[] = []) {
    this.patterns = patterns;
    this.bodies = patterns.map(compileOne);
    // The word edges once around the alternation: the same matches as each pattern with its own
    // edges, but V8 compiles every [\p{L}\p{N}] class anew (about a millisecond each), and a
    // start of the command compiled hundreds of them.
    this.re = patterns.length ? new RegExp(bounded(`(?:${this.bodies.join('|')})`), 'iu') : undefined;
  }

  /** Pattern i on its own, compiled when first needed. */
  private one(i: number): RegExp {
    return (this.each[i] ??= new RegExp(bounded(this.bodies[i]!), 'iu'));
  }

  get empty(): boolean {
    return !this.re;
  }

  test(text: string): boolean {
    return !!this.re && this.re.test(text);
  }

  /** The first match: its text and position. */
  find(text: string): { text: string; index: number; pattern: string } | undefined {
    if (!this.re) return undefined;
    const m = this.re.exec(text);
    if (!m) return undefined;
    const pattern = this.patterns[this.patterns.findIndex((_p, i) => this.one(i).test(m[0]))] ?? '';
    return { text: m[0], index: m.index, pattern };
  }

  /** Number of matches in the text (non-overlapping). */
  count(text: string): number {
    if (!this.re) return 0;
    const g = (this.global ??= new RegExp(this.re.source, 'giu'));
    g.lastIndex = 0;
    let n = 0;
    while (g.exec(text)) n++;
    return n;
  }
}
