import type { Finding, Fix, FixKind, Format, Language, ProseBlock, TextEdit } from './types.js';
import { findQuotes } from './text/quotes.js';
import type { TextView } from './text/view.js';
import { NO_MIDDLES, toDocument } from './offsets.js';
import { detach } from './cache.js';
import { firstAtOrAfter } from './sections.js';

/** A fix's kind: a fix that does not say is a suggestion. */
export function fixKind(fix: Fix): FixKind {
  return fix.kind === 'safe' ? 'safe' : 'suggestion';
}

/** The fix `--fix` and fix-all apply for a finding: its preferred fix when that is safe and edits text. */
export function safeFixOf(finding: Finding): Fix | undefined {
  return finding.fixes.find((x) => x.preferred && fixKind(x) === 'safe' && x.edits.length > 0 && !x.configEdit);
}

/** One change made by applyFixes, in offsets of the text before the change. */
export interface AppliedChange {
  ruleId: string;
  offset: number;
  endOffset: number;
  before: string;
  after: string;
}

export interface ApplyOptions {
  /** Also apply preferred fixes that are suggestions (never what `--fix` does; for tests and explicit requests). */
  suggestions?: boolean;
}

/** Which edits applyFixes would make, and the changes they are (sorted by offset). */
export interface FixPlan {
  edits: TextEdit[];
  changes: AppliedChange[];
  applied: number;
  skipped: number;
}

/**
 * Chooses the safe preferred fix of each finding (see safeFixOf). Suggestions are left for the
 * writer unless `options.suggestions` is set. A fix with an edit that overlaps an edit already
 * taken, or that would split a CRLF, is left out whole, so the result is always well-formed.
 */
export function planFixes(text: string, findings: Finding[], options: ApplyOptions = {}): FixPlan {
  const edits: TextEdit[] = [];
  const changes: AppliedChange[] = [];
  let applied = 0;
  let skipped = 0;
  const taken: Array<[number, number]> = [];
  const sorted = [...findings].sort((a, b) => a.offset - b.offset);
  for (const f of sorted) {
    const fix = options.suggestions ? f.fixes.find((x) => x.preferred && x.edits.length > 0 && !x.configEdit) : safeFixOf(f);
    if (!fix) continue;
    if (fix.edits.some((e) => overlapsAny(taken, e) || !editIsWellFormed(text, e))) {
      skipped++;
      continue;
    }
    for (const e of fix.edits) {
      edits.push(e);
      taken.push([e.offset, e.endOffset]);
      changes.push({ ruleId: f.ruleId, offset: e.offset, endOffset: e.endOffset, before: text.slice(e.offset, e.endOffset), after: e.newText });
    }
    applied++;
  }
  changes.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  return { edits, changes, applied, skipped };
}

/**
 * Applies the safe preferred fix of each finding: what `brug check --fix` and fix-all do
 * (see planFixes). Suggestions are applied only when `options.suggestions` asks for them.
 */
export function applyFixes(text: string, findings: Finding[], options: ApplyOptions = {}): { text: string; applied: number; skipped: number } {
  const plan = planFixes(text, findings, options);
  return { text: applyEdits(text, plan.edits), applied: plan.applied, skipped: plan.skipped };
}

/**
 * Moves a range off the middle of a CRLF or a surrogate pair and off a leading byte-order mark:
 * a start moves forward past the break, an end moves back before it (a range never grows into
 * text it did not name, and an empty range stays empty).
 */
export function snapRange(text: TextView, offset: number, endOffset: number, bom = 0): { offset: number; endOffset: number } {
  let s = Math.max(0, Math.min(offset, text.length));
  let e = Math.max(s, Math.min(endOffset, text.length));
  const empty = e === s;
  if (s < bom) s = bom;
  if (splitsPair(text, s)) s = text.charCodeAt(s - 1) === 13 ? s + 1 : s - 1;
  if (empty) return { offset: s, endOffset: s };
  if (e < bom) e = bom;
  if (splitsPair(text, e)) e = text.charCodeAt(e - 1) === 13 ? e - 1 : e + 1;
  return { offset: s, endOffset: Math.max(s, e) };
}

/**
 * What every lint result goes through before it leaves the engine: finding and related ranges
 * snapped off CRLF middles, surrogate halves and the BOM (snapRange), and every fix checked by
 * the guard (guardFixes). `plain`: the text is known to have no carriage return and no surrogate
 * (offsets/LineIndex.plain), so that only ranges outside the text or on the BOM can move; `middles`: else, where the
 * text's pairs are split (LineIndex.pairMiddles), when known: only a range with an end there (or outside the text) can
 * move. `screened`: the findings with fixes, from a caller that knows the text plain (or its middles) and has asked
 * needsSnap() of every finding, as it is now, without a yes (the engine, as it makes them): then the findings are not
 * read again.
 */
export function secureFindings(text: TextView, findings: Finding[], blocks: () => readonly GuardBlock[] | GuardLookup, format: Format, bom = 0, plain = false, screened?: Finding[], middles?: readonly number[], kept?: GuardKept): Finding[] {
  // Speed only (eng33): the findings with fixes gathered in the same pass (a dozen of ~900 at 100,000 words), or by the
  // caller, and only those handed to the guard (each finding is judged on its own).
  let withFixes: Finding[] = [];
  // Speed only (session 28): a text with a few emoji or CRLFs is read as a plain one but at its pairs' middles.
  const known = plain ? NO_MIDDLES : middles;
  // (Indexed: no iterator per check over every finding.)
  if (known && screened) withFixes = screened;
  else if (known) {
    const n = text.length;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (needsSnap(f, bom, n, known)) snapFinding(text, f, bom);
      if (f.fixes.length > 0) withFixes.push(f);
    }
  } else {
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      snapFinding(text, f, bom);
      if (f.fixes.length > 0) withFixes.push(f);
    }
  }
  if (withFixes.length > 0) guardFixes(text, withFixes, blocks(), format, bom, kept);
  return findings;
}

/**
 * Whether snapRange may move a finding's range or a related range in a text of length `n` (secureFindings): one that is
 * not in [bom, n) the right way round, or (`middles`: the text's pair middles, ascending) one with an end at a middle.
 */
export function needsSnap(f: Finding, bom: number, n: number, middles: readonly number[] = NO_MIDDLES): boolean {
  if (f.offset < bom || f.endOffset > n || f.endOffset < f.offset || !insideText(f.related, bom, n)) return true;
  if (middles.length === 0) return false;
  if (atMiddle(middles, f.offset) || atMiddle(middles, f.endOffset)) return true;
  const related = f.related;
  if (related) for (let i = 0; i < related.length; i++) if (atMiddle(middles, related[i]!.offset) || atMiddle(middles, related[i]!.endOffset)) return true;
  return false;
}

/** Whether `p` is one of `middles` (ascending). */
function atMiddle(middles: readonly number[], p: number): boolean {
  return middles[firstAtOrAfter(middles, p)] === p;
}

/** Whether every related range lies in [bom, n) the right way round (snapRange leaves it as it is in a plain text). */
function insideText(related: Finding['related'], bom: number, n: number): boolean {
  if (!related) return true;
  for (const x of related) if (x.offset < bom || x.endOffset > n || x.endOffset < x.offset) return false;
  return true;
}

/** A finding's range and related ranges snapped (snapRange). */
function snapFinding(text: TextView, f: Finding, bom: number): void {
  const r = snapRange(text, f.offset, f.endOffset, bom);
  f.offset = r.offset;
  f.endOffset = r.endOffset;
  if (f.related) {
    for (const x of f.related) {
      const q = snapRange(text, x.offset, x.endOffset, bom);
      x.offset = q.offset;
      x.endOffset = q.endOffset;
    }
  }
}

/** Whether an edit clashes with ranges already taken (overlap, the same range, or an insertion inside one). */
export function overlapsAny(taken: Array<[number, number]>, e: { offset: number; endOffset: number }): boolean {
  return taken.some(([s, t]) => (e.offset < t && s < e.endOffset) || (e.offset === e.endOffset && e.offset > s && e.offset < t) || (s === t && s > e.offset && s < e.endOffset) || (s === e.offset && t === e.endOffset));
}

/** Applies non-overlapping edits to a text (from the end, so offsets stay valid). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.endOffset - a.endOffset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.endOffset);
  return out;
}

/** Whether an offset lies between the two halves of a CRLF or of a surrogate pair. */
export function splitsPair(text: TextView, p: number): boolean {
  if (p <= 0 || p >= text.length) return false;
  const a = text.charCodeAt(p - 1);
  const b = text.charCodeAt(p);
  return (a === 13 && b === 10) || (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff);
}

/** An edit inside the text that splits neither a CRLF nor a surrogate pair. */
export function editIsWellFormed(text: TextView, e: { offset: number; endOffset: number }): boolean {
  return Number.isInteger(e.offset) && Number.isInteger(e.endOffset) && e.offset >= 0 && e.offset <= e.endOffset && e.endOffset <= text.length && !splitsPair(text, e.offset) && !splitsPair(text, e.endOffset);
}

/** A prose block as the guard needs it: the block, its language, and where its map starts in the document as read. */
export interface GuardBlock {
  block: ProseBlock;
  language: Language;
  /** Added to every map segment's `d` (the block's mapBase plus a byte-order mark). */
  base: number;
  /** Added to the block's start and end (a byte-order mark). */
  shift: number;
  /**
   * The block's text as a string that stays the same object while the block's map and text stay the same (the engine's
   * copy), if the caller has one: the guard's memos compare it (speed only, find36: a block moved by an edit may hold its
   * text as another string of the same characters, compared character by character).
   */
  text?: string;
}

/** How many blocks before the last one that starts at or before an edit the guard looks at for the block that holds it. */
export const GUARD_LOOKBACK = 8;

/**
 * Where the guard finds the block that holds an edit: the last block that starts at or before the edit, or one of the
 * GUARD_LOOKBACK before it, that ends at or after it (undefined: none, the edit is outside prose).
 */
export interface GuardLookup {
  blockAt(e: { offset: number; endOffset: number }): GuardBlock | undefined;
}

/** The guard's look-up in a list of blocks (in any order: sorted by start when they are not in document order). */
export function guardLookupOf(blocks: readonly GuardBlock[]): GuardLookup {
  let sorted = blocks;
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i]!.block.start + blocks[i]!.shift < blocks[i - 1]!.block.start + blocks[i - 1]!.shift) {
      sorted = [...blocks].sort((a, b) => a.block.start + a.shift - (b.block.start + b.shift));
      break;
    }
  }
  const starts = sorted.map((b) => b.block.start + b.shift);
  return {
    blockAt(e) {
      // The last block that starts at or before the edit and ends at or after it.
      let lo = 0;
      let hi = starts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= e.offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      for (let i = found; i >= 0 && i >= found - GUARD_LOOKBACK; i--) {
        const g = sorted[i]!;
        if (g.block.start + g.shift <= e.offset && e.endOffset <= g.block.end + g.shift) return g;
      }
      return undefined;
    },
  };
}

type Verdict = 0 | 1 | 2; // keep, make a suggestion, drop

/**
 * What the caller knows of the last check of the same document (speed only, s31): `last` and `now` name that check and
 * this one (any objects, one per check); `bound` is where this text can first differ from that check's for the guard:
 * the end of the text both share, or the start of the first block (in document order) that is not that check's block
 * object at the same place, whichever comes first. An edit object that the last check judged, handed out again at the
 * same offsets with the same replacement, and that ends before `bound - 1` (so the character after it is shared too) gets
 * the verdict it had: every block the look-up can meet for it starts before it, and so is the last check's (the same
 * text, map, language, kind, quotations and placeholders at the same place), the characters around it are those of the
 * shared text, and the format and byte-order mark are compared. (On the thesis of bench/real.ts ~350 fix edits are
 * judged per check, mostly a term's "replace all" at every use; those before the edit are the same objects.)
 */
export interface GuardKept {
  last: object | undefined;
  now: object;
  bound: number;
}

/** The last verdict on a fix edit object, and the check that gave it (GuardKept). */
interface KnownVerdict {
  check: object;
  offset: number;
  endOffset: number;
  newText: string;
  format: Format;
  bom: number;
  verdict: Verdict;
}
const KNOWN = new WeakMap<TextEdit, KnownVerdict>();
let keptVerdicts = 0;

/** For tests: how many verdicts the guard has taken from the last check of a document so far (GuardKept). */
export function keptVerdictCount(): number {
  return keptVerdicts;
}
const KEEP: Verdict = 0;
const SUGGEST: Verdict = 1;
const DROP: Verdict = 2;

/** A replacement that is a term: letters, digits, spaces, hyphens, apostrophes, a few punctuation marks, LaTeX escapes of them. */
const PLAIN_REPLACEMENT = /^(?:[\p{L}\p{M}\p{N} '’\-–.,/()]|\\[&%_#$])*$/u;

/** A line break of any kind. */
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Markup a safe fix may never eat in Markdown or plain text: anything but emphasis marks and spaces. */
const SOFT_GAP = /^[*_~ \t]*$/;

/**
 * The guard over every fix edit (issue 13): a fix never touches what is not the writer's
 * running prose. The format adapters' maps say where prose is; everything else is protected.
 *
 * - Dropped (the finding stays, without that fix): an edit that leaves the text, splits a CRLF
 *   or a surrogate pair, touches the byte-order mark, replaces text outside the prose blocks
 *   (code, math, front matter, comments, LaTeX commands and their non-prose arguments),
 *   eats LaTeX markup (even a text command such as \emph{…}),
 *   touches a placeholder (inline code, math, a URL, a citation key), cuts a piece of markup
 *   the map holds as a whole, eats markup other than emphasis, or lies in a quotation or a
 *   block quote.
 * - Made a suggestion (a person decides): an insertion, a replacement of or with a line break or
 *   with anything but plain words, one that takes emphasis markup along, and in a heading
 *   anything but a term swap (headings are never inserted or removed by a safe fix).
 *
 * `text` is the document as read (offsets count a BOM), `bom` the length of the BOM. The
 * findings are changed in place and returned. Calling it twice is harmless.
 */
export function guardFixes(text: TextView, findings: Finding[], blocks: readonly GuardBlock[] | GuardLookup, format: Format, bom = 0, kept?: GuardKept): Finding[] {
  if (!findings.some((f) => f.fixes.length > 0)) return findings;
  // The blocks as a list (in any order; the engine hands them over in document order), or a look-up in them (the engine's,
  // which reads only the blocks near each edit).
  const lookup = 'blockAt' in blocks ? blocks : guardLookupOf(blocks);
  const quotes = new Map<GuardBlock, Array<[number, number]>>();
  const quotesOf = (g: GuardBlock) => {
    let q = quotes.get(g);
    if (!q) {
      q = [];
      for (const x of blockQuotes(g)) {
        const s = docOf(g, x.start, 'start');
        const e = docOf(g, x.end, 'end');
        if (e > s) q.push([s, e]);
      }
      quotes.set(g, q);
    }
    return q;
  };
  const judge = (e: TextEdit): Verdict => {
    // (An edit outside the text, or backwards, is dropped before anything else is read: editIsWellFormed's bounds.)
    if (!Number.isInteger(e.offset) || !Number.isInteger(e.endOffset) || e.offset < 0 || e.offset < bom || e.offset > e.endOffset || e.endOffset > text.length) return DROP;
    if (kept === undefined) return judgeAt(e);
    // Speed only (s31): the verdict the last check of the document gave this edit object, where nothing it read can
    // have changed (see GuardKept).
    let known = KNOWN.get(e);
    if (known !== undefined && known.check === kept.last && e.endOffset < kept.bound && known.offset === e.offset && known.endOffset === e.endOffset && known.newText === e.newText && known.format === format && known.bom === bom) {
      known.check = kept.now;
      keptVerdicts++;
      return known.verdict;
    }
    const verdict = judgeAt(e);
    if (known === undefined) KNOWN.set(e, (known = { check: kept.now, offset: e.offset, endOffset: e.endOffset, newText: e.newText, format, bom, verdict }));
    else {
      known.check = kept.now;
      known.offset = e.offset;
      known.endOffset = e.endOffset;
      known.newText = e.newText;
      known.format = format;
      known.bom = bom;
      known.verdict = verdict;
    }
    return verdict;
  };
  // The guard's judgement of a well-formed edit: by the block that holds it, through its memos.
  const judgeAt = (e: TextEdit): Verdict => {
    const g = lookup.blockAt(e);
    if (!g) return judgeAnew(e, g);
    // Speed only (find36): the verdict of an earlier check on this edit in this block, when nothing it read changed
    // (see GuardMemo).
    const around = text.slice(Math.max(0, e.offset - 1), e.endOffset + 1);
    const edge = (e.offset === 0 ? 1 : 0) | (e.endOffset === text.length ? 2 : 0);
    const memos = GUARD_MEMOS.get(g.block.map);
    const memo = memos && memoFor(memos, g, e, around, edge, format, bom);
    if (memo) return memo.verdict;
    const verdict = judgeAnew(e, g);
    remember(memos, g, e, around, edge, format, bom, verdict);
    return verdict;
  };
  // The guard's judgement of one edit, read anew.
  const judgeAnew = (e: TextEdit, g: GuardBlock | undefined): Verdict => {
    if (!editIsWellFormed(text, e) || e.offset < bom) return DROP;
    let verdict: Verdict = KEEP;
    const insertion = e.offset === e.endOffset;
    if (insertion || /[\r\n]/.test(e.newText) || !PLAIN_REPLACEMENT.test(e.newText)) verdict = SUGGEST;
    // A safe fix keeps the line ends: one that would join two lines (a phrase matched across a
    // lone CR, say) is for the writer to decide.
    if (LINE_BREAK.test(text.slice(e.offset, e.endOffset))) verdict = SUGGEST;
    if (!g) {
      // Outside prose: only an insertion between blocks, at a line boundary, may be offered.
      if (!insertion) return DROP;
      const p = e.offset;
      const atLineBoundary = p === bom || p === text.length || text.charCodeAt(p - 1) === 10 || text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13;
      return atLineBoundary ? SUGGEST : DROP;
    }
    if (g.block.quoted) return DROP;
    for (const [s, t] of quotesOf(g)) if (touches(e, s, t)) return DROP;
    const v = judgeInBlock(text, g, e, format);
    if (v > verdict) verdict = v;
    // A heading changes by a term swap only: never emptied, never reshaped.
    if (g.block.kind === 'heading' && (e.newText.trim() === '' || insertion)) verdict = Math.max(verdict, SUGGEST) as Verdict;
    return verdict;
  };

  // Indexed: no iterator per check over every finding (nearly all without fixes).
  for (let fi = 0; fi < findings.length; fi++) {
    const f = findings[fi]!;
    if (f.fixes.length === 0) continue;
    let changed = false;
    const kept: Fix[] = [];
    for (const fix of f.fixes) {
      let worst: Verdict = KEEP;
      for (const e of fix.edits) {
        const v = judge(e);
        if (v > worst) worst = v;
        if (worst === DROP) break;
      }
      if (worst === DROP) {
        changed = true;
        continue;
      }
      if (worst === SUGGEST && fix.kind === 'safe') fix.kind = 'suggestion';
      kept.push(fix);
    }
    if (changed) f.fixes = kept;
  }
  return findings;
}

/**
 * The guard's verdict on an edit in a block, as the last checks judged it (speed only, find36): at 100,000 words the
 * guard judged ~50 term-fix edits spread over the document at every check of an edit (quotations, the block's map up to
 * the edit, the text under it), though an edit of one paragraph leaves nearly all of them as they were. A verdict reads
 * only the edit (its text and the characters either side, the replacement), the block that holds it (its map, text,
 * language, kind, placeholders, quotations) and the format: remembered by the block's map with all of those, places
 * relative to the block's base, so that it holds for the same block moved by an edit before it.
 */
interface GuardMemo {
  from: number;
  to: number;
  newText: string;
  /** The text from the character before the edit to the one after it (a copy: no slice of a document version kept). */
  around: string;
  /** Whether the edit starts at the start of the text (1) and ends at its end (2): then `around` lacks that character. */
  edge: number;
  text: string;
  language: Language;
  kind: ProseBlock['kind'];
  quoted: boolean;
  placeholders: ProseBlock['placeholders'];
  /** The block's start and end relative to the base (with the shift), read when the map is empty. */
  start: number;
  end: number;
  format: Format;
  bom: number;
  verdict: Verdict;
}

/** The memos of the edits judged in a block, by its map (at most GUARD_MEMOS_PER_BLOCK, the latest; the map holds them). */
const GUARD_MEMOS = new WeakMap<object, GuardMemo[]>();
const GUARD_MEMOS_PER_BLOCK = 16;

/** The memo of `e` in block `g` whose verdict holds now (`around`: the text from before `e` to after it), if one. */
function memoFor(memos: readonly GuardMemo[], g: GuardBlock, e: TextEdit, around: string, edge: number, format: Format, bom: number): GuardMemo | undefined {
  const b = g.block;
  const from = e.offset - g.base;
  const to = e.endOffset - g.base;
  for (let i = 0; i < memos.length; i++) {
    const m = memos[i]!;
    if (m.from !== from || m.to !== to || m.newText !== e.newText || m.around !== around || m.edge !== edge) continue;
    if (m.language !== g.language || m.kind !== b.kind || m.quoted !== !!b.quoted || m.format !== format || m.bom !== bom) continue;
    if (m.start !== b.start + g.shift - g.base || m.end !== b.end + g.shift - g.base || !samePlaceholders(m.placeholders, b.placeholders)) continue;
    if (m.text !== (g.text ?? b.text)) continue;
    return m;
  }
  return undefined;
}

/** Notes a verdict in the memos of its block (`memos`: those there are, if any). */
function remember(memos: GuardMemo[] | undefined, g: GuardBlock, e: TextEdit, around: string, edge: number, format: Format, bom: number, verdict: Verdict): void {
  const b = g.block;
  if (!memos) GUARD_MEMOS.set(b.map, (memos = []));
  else if (memos.length >= GUARD_MEMOS_PER_BLOCK) memos.shift();
  const placeholders = b.placeholders;
  memos.push({
    from: e.offset - g.base, to: e.endOffset - g.base, newText: e.newText, around: detach(around), edge, text: g.text ?? b.text, language: g.language, kind: b.kind, quoted: !!b.quoted,
    placeholders: placeholders ? placeholders.map((p) => [p[0], p[1]] as [number, number]) : placeholders, start: b.start + g.shift - g.base, end: b.end + g.shift - g.base, format, bom, verdict,
  });
}

function samePlaceholders(a: ProseBlock['placeholders'], b: ProseBlock['placeholders']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  return true;
}

/**
 * A block's quotations (block-text offsets), remembered by the block's offset map: a parser that
 * reuses an unchanged chunk hands out the same map with the same text, so an edit elsewhere does not
 * search the block again.
 */
function blockQuotes(g: GuardBlock): ReturnType<typeof findQuotes> {
  const known = QUOTES.get(g.block.map);
  if (known && known.text === g.block.text && known.language === g.language) return known.quotes;
  const quotes = findQuotes(g.block.text, g.language);
  QUOTES.set(g.block.map, { text: g.block.text, language: g.language, quotes });
  return quotes;
}
const QUOTES = new WeakMap<object, { text: string; language: Language; quotes: ReturnType<typeof findQuotes> }>();

/** Whether an edit touches [s, t): overlaps it, or inserts strictly inside it. */
function touches(e: { offset: number; endOffset: number }, s: number, t: number): boolean {
  if (e.offset === e.endOffset) return e.offset > s && e.offset < t;
  return e.offset < t && s < e.endOffset;
}

function docOf(g: GuardBlock, t: number, side: 'start' | 'end'): number {
  return g.block.map.length ? toDocument(g.block.map, t, side) + g.base : g.block.start + g.shift;
}

/** The verdict on an edit inside a block's span, from the block's map. */
function judgeInBlock(text: TextView, g: GuardBlock, e: TextEdit, format: Format): Verdict {
  const map = g.block.map;
  const placeholders = g.block.placeholders ?? [];
  let verdict: Verdict = KEEP;
  let covered = e.offset; // document text up to here is accounted for
  const insertion = e.offset === e.endOffset;
  let insideSegment = false;
  for (const seg of map) {
    const s = seg.d + g.base;
    const t = s + seg.dl;
    if (t < e.offset || (t === e.offset && !insertion)) continue;
    if (s > e.endOffset || (s === e.endOffset && !insertion)) break;
    const isPlaceholder = placeholders.some(([a, b]) => a < seg.t + seg.tl && seg.t < b);
    if (insertion) {
      if (e.offset > s && e.offset < t) {
        if (isPlaceholder || seg.tl !== seg.dl) return DROP;
        insideSegment = true;
      } else if (e.offset === s || e.offset === t) insideSegment = true;
      continue;
    }
    if (seg.dl === 0) continue;
    if (isPlaceholder) return DROP;
    // Markup between the previous segment and this one that the edit eats.
    if (s > covered) {
      const v = gapVerdict(text.slice(covered, Math.min(s, e.endOffset)), format);
      if (v > verdict) verdict = v;
      if (verdict === DROP) return DROP;
    }
    if (seg.tl !== seg.dl) {
      // A piece the map holds as a whole (an escape, an entity, an accent): all of it or none.
      if (e.offset > s || e.endOffset < t) return DROP;
      // A long stretch mapped as a whole is a map that lost its precision: never replace it.
      if (seg.tl > 2) return DROP;
    }
    covered = Math.max(covered, t);
  }
  if (insertion) return insideSegment ? KEEP : SUGGEST;
  if (covered < e.endOffset) {
    const v = gapVerdict(text.slice(covered, e.endOffset), format);
    if (v > verdict) verdict = v;
  }
  return verdict;
}

function gapVerdict(gap: string, format: Format): Verdict {
  if (gap.length === 0) return KEEP;
  if (/^[ \t]+$/.test(gap)) return KEEP;
  // LaTeX commands and their braces are never touched by a fix, not even text commands (\emph{ … }).
  if (format === 'latex') return /^[\s]*$/.test(gap) ? (/[\r\n]/.test(gap) ? SUGGEST : KEEP) : DROP;
  return SOFT_GAP.test(gap.replace(/\r?\n|\r/g, ' ')) ? SUGGEST : DROP;
}

/** One file of a fix run: its text and the findings in it (offsets in that text). */
export interface FixFile {
  file: string;
  text: string;
  findings: Finding[];
}

/** What fixInPasses did: the new text of every file it changed, the last result, the counts. */
export interface FixPasses<R> {
  /** Every file whose text changed, with its new text. */
  texts: Map<string, string>;
  /** The lint result of the fixed texts (the first result when nothing changed). */
  result: R;
  /** Fixes applied, over all passes. */
  applied: number;
  /** Fixes left out because re-checking showed they would have added a finding. */
  refused: number;
}

/** What identifies a finding across an edit elsewhere: its file, its rule and the text it names. */
function findingKey(file: string, text: string, f: Finding): string {
  return `${file}\u0000${f.ruleId}\u0000${text.slice(f.offset, f.endOffset)}`;
}

/** An offset of the text before the edits, moved to the text after them. */
function shiftOffset(edits: TextEdit[], offset: number): number {
  let d = 0;
  for (const e of edits) if (e.endOffset <= offset) d += e.newText.length - (e.endOffset - e.offset);
  return offset + d;
}

/** Whether [a, b) lies in one paragraph (no blank line inside). */
function inOneParagraph(text: string, a: number, b: number): boolean {
  return !/\r?\n[ \t]*\r?\n|\r[ \t]*\r/.test(text.slice(Math.max(0, a), Math.min(text.length, b)));
}

/**
 * Applies the safe fixes of a document of one or more files (a LaTeX main file and the files it
 * pulls in) in passes, at most `passes`, re-checking the whole document after each. A pass whose
 * result has a finding, in any file, that the texts before it did not have is redone without the
 * fixes near that finding (the same file and paragraph); when no fix can be blamed (a finding in
 * another file than the fixes, say), without any of that pass's fixes. So the result never has
 * a finding the input did not have, and a second run changes nothing. `lint` gets the changed
 * texts by file (files not in the map are as they were).
 */
export function fixInPasses<R>(first: R, filesOf: (r: R) => FixFile[], lint: (texts: Map<string, string>) => R, passes = 5): FixPasses<R> {
  const texts = new Map<string, string>();
  let result = first;
  let applied = 0;
  let refused = 0;
  for (let pass = 0; pass < passes; pass++) {
    const files = filesOf(result);
    let candidates = new Set(files.flatMap((fr) => fr.findings.filter((f) => safeFixOf(f))));
    let done = false;
    for (let attempt = 0; attempt < 4 && candidates.size > 0; attempt++) {
      const next = new Map(texts);
      const plans = new Map<string, FixPlan>();
      const fixed = new Set<Finding>();
      let count = 0;
      for (const fr of files) {
        const plan = planFixes(fr.text, fr.findings.filter((f) => candidates.has(f)));
        if (plan.applied === 0) continue;
        const after = applyEdits(fr.text, plan.edits);
        if (after === fr.text) continue;
        next.set(fr.file, after);
        plans.set(fr.file, plan);
        count += plan.applied;
        for (const f of fr.findings) if (candidates.has(f) && plan.edits.some((e) => safeFixOf(f)!.edits.includes(e))) fixed.add(f);
      }
      if (plans.size === 0) break;
      const after = lint(next);
      const had = new Map<string, number>();
      for (const fr of files) {
        for (const f of fr.findings) {
          if (fixed.has(f)) continue;
          const k = findingKey(fr.file, fr.text, f);
          had.set(k, (had.get(k) ?? 0) + 1);
        }
      }
      const added: Array<{ file: string; text: string; finding: Finding }> = [];
      for (const fr of filesOf(after)) {
        for (const f of fr.findings) {
          const k = findingKey(fr.file, fr.text, f);
          const n = had.get(k) ?? 0;
          if (n > 0) had.set(k, n - 1);
          else added.push({ file: fr.file, text: fr.text, finding: f });
        }
      }
      if (added.length === 0) {
        for (const [file, text] of next) texts.set(file, text);
        result = after;
        applied += count;
        done = true;
        break;
      }
      // Blame the fixes in the paragraphs of the new findings, in the same file.
      const blamed = new Set<Finding>();
      for (const a of added) {
        const plan = plans.get(a.file);
        if (!plan) continue;
        for (const fr of files) {
          if (fr.file !== a.file) continue;
          for (const f of fr.findings) {
            if (!fixed.has(f)) continue;
            const fix = safeFixOf(f)!;
            const s = shiftOffset(plan.edits, fix.edits[0]!.offset);
            const e = shiftOffset(plan.edits, fix.edits[fix.edits.length - 1]!.endOffset);
            if (inOneParagraph(a.text, Math.min(s, a.finding.offset), Math.max(e, a.finding.endOffset))) blamed.add(f);
          }
        }
      }
      if (blamed.size === 0) {
        refused += fixed.size;
        break;
      }
      refused += blamed.size;
      candidates = new Set([...candidates].filter((f) => !blamed.has(f)));
    }
    if (!done) break;
  }
  return { texts, result, applied, refused };
}
