/**
 * Cue patterns of the practice dictionaries, compiled to regular expressions. A pattern is a
 * lower-case phrase: a word ending in `*` matches any ending, `..` allows up to eight words in
 * between. Matches respect word boundaries (letters and digits of any script), so "raad" does not
 * match inside "voorraad" and "plan" not inside "planet".
 */
import { ContentCache } from '../cache.js';

const WORD = '[\\p{L}\\p{N}]';
/** What a word ending in `*` may continue with. */
const ENDING = "[\\p{L}\\p{N}'’-]*";
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
    out.push(star ? `${body}${ENDING}` : body);
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

/**
 * A literal word of a pattern that every match of it contains: its longest word (without the
 * `*`), which is rarer in prose than its first ("de", "we", "in"), so that fewer texts get past
 * the prefilter and fewer full expressions are compiled.
 */
function lead(pattern: string): string {
  let best = '';
  for (const w of pattern.trim().toLowerCase().split(/\s+/)) {
    const word = w.endsWith('*') ? w.slice(0, -1) : w;
    if (w !== '..' && word.length > best.length) best = word;
  }
  return escape(best);
}

/**
 * The bodies as one alternation, neighbours that end in a `*` ending sharing it:
 * `a[…]*|b[…]*` becomes `(?:a|b)[…]*`. Before the closing word edge the ending takes every
 * letter, digit, apostrophe and hyphen that follows, whichever neighbour matched, so the matches
 * are the same, and each ending left out is one Unicode class less for V8 to compile (about a
 * quarter of a millisecond each, paid at the first document that reaches the set).
 */
function alternation(bodies: string[]): string {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]! + ENDING);
    else if (run.length > 1) out.push(`(?:${run.join('|')})${ENDING}`);
    run = [];
  };
  for (const b of bodies) {
    if (b.endsWith(ENDING)) run.push(b.slice(0, -ENDING.length));
    else {
      flush();
      out.push(b);
    }
  }
  flush();
  return out.join('|');
}

type Found = { text: string; index: number; pattern: string };

/**
 * Results of every pattern set on a text, by text: the practice analysis runs some forty sets
 * over each sentence of the document at every check, and after an edit almost every sentence
 * is one it saw before (the language server re-checks a long document at each keystroke).
 * A row holds, per set, test() at 2·id and find() at 2·id + 1 (null: no match).
 */
const memo = new ContentCache<Array<boolean | Found | null | undefined>>(30000);
let nextId = 0;
const last: { text: string; row: Array<boolean | Found | null | undefined> | undefined } = { text: '', row: undefined };

export class PatternSet {
  readonly patterns: string[];
  private readonly bodies: string[];
  /**
   * A word of each pattern (lead()) only, without word edges: cheap to compile, and a text it does not
   * match cannot match any pattern. The full expression is compiled the first time a text gets
   * past it: every [\p{L}\p{N}] class in it costs V8 about a millisecond (up to five for a word
   * ending in `*`), and most cue sets never match a short document at all.
   */
  private readonly prefilter: RegExp | undefined;
  private full: RegExp | undefined;
  private readonly each: Array<RegExp | undefined> = [];
  private readonly leads: Array<RegExp | undefined> = [];
  private global: RegExp | undefined;
  private readonly id = nextId++;

  constructor(patterns: string[] = []) {
    this.patterns = patterns;
    this.bodies = patterns.map(compileOne);
    this.prefilter = patterns.length ? new RegExp(`(?:${patterns.map(lead).join('|')})`, 'iu') : undefined;
  }

  /**
   * All patterns as one expression. The word edges stand once around the alternation: the same
   * matches as each pattern with its own edges, with two classes to compile instead of two per pattern.
   */
  private get re(): RegExp | undefined {
    if (!this.prefilter) return undefined;
    return (this.full ??= new RegExp(bounded(`(?:${alternation(this.bodies)})`), 'iu'));
  }

  /** Pattern i on its own, compiled when first needed. */
  private one(i: number): RegExp {
    return (this.each[i] ??= new RegExp(bounded(this.bodies[i]!), 'iu'));
  }

  /** Whether pattern i matches in the text; its literal word is tried first (cheap to compile), the pattern only when that is there. */
  private matches(i: number, text: string): boolean {
    return (this.leads[i] ??= new RegExp(lead(this.patterns[i]!), 'iu')).test(text) && this.one(i).test(text);
  }

  get empty(): boolean {
    return !this.prefilter;
  }

  private row(text: string): Array<boolean | Found | null | undefined> {
    // Callers ask several sets about one text in a row: the last row answers without a look-up.
    if (text === last.text && last.row) return last.row;
    let row = memo.get(text);
    if (!row) memo.set(text, (row = []));
    last.text = text;
    last.row = row;
    return row;
  }

  test(text: string): boolean {
    if (!this.prefilter) return false;
    const row = this.row(text);
    let r = row[2 * this.id] as boolean | undefined;
    if (r === undefined) row[2 * this.id] = r = this.prefilter.test(text) && this.re!.test(text);
    return r;
  }

  /** The first match: its text and position. */
  find(text: string): Found | undefined {
    if (!this.prefilter) return undefined;
    const row = this.row(text);
    let r = row[2 * this.id + 1] as Found | null | undefined;
    if (r === undefined) row[2 * this.id + 1] = r = this.findUncached(text) ?? null;
    return r ?? undefined;
  }

  private findUncached(text: string): Found | undefined {
    if (!this.prefilter!.test(text)) return undefined;
    const m = this.re!.exec(text);
    if (!m) return undefined;
    // Which pattern matched is named when asked for: that compiles patterns one by one, and the
    // practice analysis reads only where a cue is and what it says.
    const set = this;
    let pattern: string | undefined;
    return {
      text: m[0],
      index: m.index,
      get pattern() {
        return (pattern ??= set.patterns[set.patterns.findIndex((_p, i) => set.matches(i, m[0]))] ?? '');
      },
    };
  }

  /** Number of matches in the text (non-overlapping). */
  count(text: string): number {
    if (!this.prefilter || !this.prefilter.test(text)) return 0;
    const g = (this.global ??= new RegExp(this.re!.source, 'giu'));
    g.lastIndex = 0;
    let n = 0;
    while (g.exec(text)) n++;
    return n;
  }
}
