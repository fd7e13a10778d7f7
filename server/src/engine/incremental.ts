import { detach, longTextKey } from './cache.js';
import { commonPrefix, commonSuffix, type LineIndex } from './offsets.js';
import { flat, type TextView } from './text/view.js';

/**
 * What the engine knows of a check's blocks against the last check of the same document, noted as it places them
 * (speed only): the first `before` blocks are the previous check's block objects, and the last `after` are placed from
 * the same cached results as the previous check's last `after` (the same analyses and facts, moved). Whoever compares
 * the two lists block by block (by anything read from a block's analysis, not from its place) may start past these
 * ends: the same outcome as comparing from the ends of the lists, without reading every block per edit.
 */
export interface BlockEdit {
  before: number;
  after: number;
}

const BLOCK_EDITS = new WeakMap<readonly unknown[], { previous: WeakRef<readonly unknown[]>; before: number; after: number }>();

/** Notes how `blocks` stand to `previous` (see BlockEdit; `before + after` at most the shorter length). */
export function noteBlockEdit(blocks: readonly unknown[], previous: readonly unknown[], before: number, after: number): void {
  BLOCK_EDITS.set(blocks, { previous: new WeakRef(previous), before, after });
}

/** How `blocks` stand to `previous`, when the engine placed them after it (else undefined: compare all). */
export function blockEditOf(blocks: readonly unknown[], previous: readonly unknown[] | undefined): BlockEdit | undefined {
  if (!previous) return undefined;
  const e = BLOCK_EDITS.get(blocks);
  return e && e.previous.deref() === previous ? e : undefined;
}

/**
 * Document-level summaries kept up to date by the blocks that changed.
 *
 * A document rule that sums something over all blocks (the words a report writes in lower case,
 * how often a phrase occurs) would redo that sum over every block after every edit. The blocks
 * that did not change keep their cached analysis (the same objects from one check to the next),
 * so the sum can instead be kept and corrected: subtract what the blocks that went contributed,
 * add what the new ones contribute. The result is the same as summing from scratch as long as a
 * block's contribution depends on its (immutable) cached analysis only.
 *
 * A rule serves every document the engine checks; `BlockStates` keeps one summary per document
 * it has seen recently (at most `max`) and picks, for a check, the one whose blocks are most like
 * the checked document's. Any pick gives the right answer (the correction covers every
 * difference); the closest one is just the cheapest.
 */
export class BlockStates<S> {
  private readonly states: Array<{ blocks: Map<object, number>; keys: object[]; ids?: object[]; state: S }> = [];
  /** The blocks of the last update (held weakly: they may be an old version of a document). */
  private last: { blocks: WeakRef<readonly unknown[]>; key: unknown; state: S } | undefined;
  /** The summary brought up to date last (the edited document's, when one document is being edited). */
  private lastEntry: (typeof this.states)[number] | undefined;

  /**
   * @param create a summary of no blocks
   * @param max most summaries kept (one per document in use; when all are taken, the closest is corrected)
   */
  constructor(
    private readonly create: () => S,
    private readonly max = 3,
  ) {}

  /**
   * The summary for a document's blocks: `key` identifies what a block contributes (its cached
   * analysis; blocks may share one), `apply(state, key, delta, block)` is called for each key whose
   * count changed since the summary was last brought up to date (delta > 0: blocks that came, with
   * one of them; delta < 0: blocks that went, without). The list is not changed afterwards (a
   * second update with the same list and key function returns the summary as it is).
   *
   * `identity(block)`, when given, is an object read without work (a document block's `facts`: one per cached
   * analysis; read from the analysis, never from the block's place) that stays the same while the block's key does:
   * blocks with the same identity must have the same key
   * (and a BlockStates is updated with one key function throughout, as it is without an identity).
   * After an edit, the key is then asked only of the blocks in the changed stretch (a key that reads a moved block's
   * `analysed` would make an object per block and check).
   */
  update<B>(blocks: readonly B[], key: (block: B) => object, apply: (state: S, key: object, delta: number, block: B | undefined) => void, identity?: (block: B) => object): S {
    // Asked again for the same blocks (two rules of one check): the summary is up to date.
    if (this.last && key === this.last.key && blocks === this.last.blocks.deref()) return this.last.state;
    const n = blocks.length;
    // An edit of the document summarised last: its blocks are the last ones but for a stretch in
    // the middle. Only that stretch is counted (the same deltas as counting every block).
    const prev = this.lastEntry;
    if (prev && identity && prev.ids && prev.ids.length === prev.keys.length) {
      // Compared by identity (the same identity, the same key): the key is asked only in the stretch, and the last
      // keys and identities are patched there (no list of every block's key or identity made per edit).
      const ids = prev.ids;
      const old = prev.keys;
      const m = Math.min(old.length, n);
      // The ends the engine left as they were since the blocks of the last update (the identity reads a block's analysis).
      const edit = blockEditOf(blocks, this.last?.blocks.deref());
      let p = edit ? Math.min(edit.before, m) : 0;
      while (p < m && ids[p] === identity(blocks[p]!)) p++;
      let q = edit ? Math.max(0, Math.min(edit.after, m - p)) : 0;
      while (q < m - p && ids[old.length - 1 - q] === identity(blocks[n - 1 - q]!)) q++;
      if ((p + q) * 2 >= n) {
        const keys: object[] = [];
        const now: object[] = [];
        for (let i = p; i < n - q; i++) {
          keys.push(key(blocks[i]!));
          now.push(identity(blocks[i]!));
        }
        this.correct(prev, blocks, old, p, old.length - q, keys, apply);
        splice(old, p, old.length - q - p, keys);
        splice(ids, p, ids.length - q - p, now);
        this.last = { blocks: new WeakRef(blocks), key, state: prev.state };
        return prev.state;
      }
    } else if (prev) {
      const keys = blocks.map(key);
      const old = prev.keys;
      const m = Math.min(old.length, n);
      let p = 0;
      while (p < m && old[p] === keys[p]) p++;
      let q = 0;
      while (q < m - p && old[old.length - 1 - q] === keys[n - 1 - q]) q++;
      if ((p + q) * 2 >= n) {
        this.correct(prev, blocks, old, p, old.length - q, keys.slice(p, n - q), apply);
        prev.keys = keys;
        prev.ids = identity ? blocks.map(identity) : undefined;
        this.last = { blocks: new WeakRef(blocks), key, state: prev.state };
        return prev.state;
      }
    }
    return this.summarise(blocks, blocks.map(key), identity ? blocks.map(identity) : undefined, key, apply);
  }

  /**
   * Brings a summary up to date for an edit: the keys `entry.keys[from..to)` went, `came` (the keys of the blocks that
   * now stand there, from block `from` on) came. Only keys whose count changed are applied.
   */
  private correct<B>(entry: (typeof this.states)[number], blocks: readonly B[], old: object[], from: number, to: number, came: object[], apply: (state: S, key: object, delta: number, block: B | undefined) => void): void {
    const delta = new Map<object, number>();
    const first = new Map<object, B>();
    for (let i = from; i < to; i++) delta.set(old[i]!, (delta.get(old[i]!) ?? 0) - 1);
    for (let i = 0; i < came.length; i++) {
      const k = came[i]!;
      delta.set(k, (delta.get(k) ?? 0) + 1);
      if (!first.has(k)) first.set(k, blocks[from + i]!);
    }
    for (const [k, d] of delta) {
      if (d === 0) continue;
      const count = (entry.blocks.get(k) ?? 0) + d;
      if (count === 0) entry.blocks.delete(k);
      else entry.blocks.set(k, count);
      apply(entry.state, k, d, d > 0 ? first.get(k) : undefined);
    }
  }

  /** The summary of blocks with these keys from the closest summary kept (or a new one), and made the last one. */
  private summarise<B>(blocks: readonly B[], keys: object[], ids: object[] | undefined, key: (block: B) => object, apply: (state: S, key: object, delta: number, block: B | undefined) => void): S {
    const current = new Map<object, number>();
    const first = new Map<object, B>();
    keys.forEach((k, i) => {
      const n = current.get(k);
      if (n === undefined) first.set(k, blocks[i]!);
      current.set(k, (n ?? 0) + 1);
    });
    // The closest summary: the fewest blocks to add and remove.
    let best: (typeof this.states)[number] | undefined;
    let bestCost = Infinity;
    let bestCommon = 0;
    for (const s of this.states) {
      let common = 0;
      for (const k of current.keys()) if (s.blocks.has(k)) common++;
      const cost = current.size - common + (s.blocks.size - common);
      if (cost < bestCost) {
        best = s;
        bestCost = cost;
        bestCommon = common;
      }
    }
    // A document that shares less than half its blocks with every summary is another document: a summary of its own, while there is room.
    if (!best || (bestCommon * 2 < current.size && this.states.length < this.max)) {
      best = { blocks: new Map(), keys: [], state: this.create() };
      this.states.push(best);
    } else if (bestCost > current.size) {
      // Correcting the closest summary would apply more keys than summing these blocks from nothing (it has
      // more blocks of its own than it shares with these, as when another document, or this one before the caches were
      // cleared, was summarised there): it is summed anew in its place (the same summary, without taking the other
      // document's blocks out one by one).
      best.blocks = new Map();
      best.state = this.create();
    }
    const previous = best.blocks;
    for (const [k, n] of current) {
      const d = n - (previous.get(k) ?? 0);
      if (d !== 0) apply(best.state, k, d, first.get(k));
    }
    for (const [k, n] of previous) if (!current.has(k)) apply(best.state, k, -n, undefined);
    best.blocks = current;
    best.keys = keys;
    best.ids = ids;
    this.lastEntry = best;
    this.last = { blocks: new WeakRef(blocks), key, state: best.state };
    return best.state;
  }
}

/** Replaces `count` items of a list from `at` by `items`, in place (no new list when as many come as go). */
function splice(list: object[], at: number, count: number, items: object[]): void {
  if (count === items.length) {
    for (let i = 0; i < count; i++) list[at + i] = items[i]!;
    return;
  }
  list.splice(at, count, ...items);
}

/** A multiset of values kept as counts: `has` is true while some block contributes the value. */
export class Tally<T> {
  readonly counts = new Map<T, number>();

  add(values: Iterable<T>, delta: number): void {
    for (const v of values) {
      const n = (this.counts.get(v) ?? 0) + delta;
      if (n === 0) this.counts.delete(v);
      else this.counts.set(v, n);
    }
  }

  has(value: T): boolean {
    return this.counts.has(value);
  }
}

/**
 * A scan of a whole text whose matches never cross a blank line (a regular expression without
 * `\n` in it, say), remembered per paragraph. After an edit only the paragraphs that changed are
 * scanned again; the others' results come from the last texts scanned. `pieces(text)` gives the
 * results of the text's paragraphs in order: the same matches as one scan of the whole text,
 * given that every match lies inside one line and that a paragraph's first character follows a
 * line break (as `^` with the m flag, or a lookbehind for a non-space, sees it).
 *
 * Paragraphs are kept as detached copies (see cache.ts `detach`): a slice as a key would keep
 * the whole document version it came from alive. Results are kept for the paragraphs of the last
 * text and, spare, for those an edit removed or a text before it had (two documents in turn).
 */
export class PieceScan<T> {
  /**
   * The entries of the last text's paragraphs by their text, with how many paragraphs have each (speed and memory only,
   * session 26: the lists and this map are corrected where an edit changed the paragraphs, not made anew per edit:
   * ~0.6 MB per edit at ~86,000 words of Dutch reports). Entries no paragraph has any more wait in `spare` (the last
   * text's before a text that was no edit of it, or paragraphs an edit removed), so that a text met again, or a
   * paragraph typed back, is not scanned again.
   */
  private byText = new Map<string, Entry<T>>();
  private spare = new Map<string, Entry<T>>();
  /**
   * Entries of paragraphs a small edit removed (at most FEW paragraphs: typing, a paste), the newest RECENT (and
   * RECENT_CHARS characters) of them, so that a paragraph typed back or an undo finds its entry. Until session 35 these
   * went spare with the others, where a session of edits kept an old version of each paragraph it edited, up to as many
   * as the text has paragraphs (+0.66 MB of the live heap over 1,000 edits of the Dutch dev reports as one document).
   */
  private recent = new Map<string, Entry<T>>();
  private recentChars = 0;
  /**
   * The characters of the paragraphs in `byText` and in `spare`. The spare entries are kept within as many entries and
   * characters as the last text's paragraphs have (at least SPARE and SPARE_CHARS), the oldest going first: each edit of
   * a long paragraph (a report's embedded image, 350,000 characters) left a copy of its last version, kept until 4,096
   * were (memory only, session 27).
   */
  private byTextChars = 0;
  private spareChars = 0;
  private lastText: TextView | undefined;
  /** The id of the last text's line index when pieces() was given it (LineIndex.id), else 0. */
  private lastLines = 0;
  /** The results of the last text's paragraphs in order: the scan's own list, changed in place at the next text. */
  private results: T[] = [];
  /**
   * The last text's paragraphs' entries and the blank-line runs between them (start, end). Paragraphs and separators
   * alternate (no paragraph is empty, no two separators meet: the run is greedy), so a paragraph's place is that of the
   * separators either side of it: paragraph i lies between separators i - 1 + lead and i + lead, where lead is 1 when
   * the text starts with a separator, else 0 (speed only, s31: no lists of the paragraphs' starts and ends to move).
   */
  private last: { entries: Array<Entry<T>>; sepStarts: Positions; sepEnds: Positions } | undefined;

  /**
   * How the results of the last text given to pieces() differ from those of the text before it (`previous`): its results
   * `removed`, from index `at` on, were replaced by `added`, the rest being the same; undefined when the last text was
   * read from scratch. A caller that keeps an answer made from every result can then correct it, or keep it when neither
   * list changes it, instead of reading every result again (speed only, session 27).
   */
  private change: { previous: TextView; at: number; removed: T[]; added: T[] } | undefined;

  constructor(private readonly scan: (piece: string) => T) {}

  /** How the last text's results differ from those of the text before it (see `change`). */
  lastChange(): { previous: TextView; at: number; removed: readonly T[]; added: readonly T[] } | undefined {
    return this.change;
  }

  /**
   * The results of the text's paragraphs in order (the scan's own list: read it before the next call). `lines`, the
   * text's line index, when given, may name where the text differs from the last one (LineIndex.changedSince: the same
   * common ends as comparing the texts, which is then not done; speed only, s31).
   */
  pieces(text: TextView, lines?: LineIndex): T[] {
    const linesId = lines !== undefined && lines.text === text ? lines.id : 0;
    const lastLines = this.lastLines;
    this.lastLines = linesId;
    if (text === this.lastText) {
      this.change = { previous: text, at: 0, removed: [], added: [] };
      return this.results;
    }
    this.change = undefined;
    const old = this.lastText;
    const last = this.last;
    // The paragraphs and separators found from `from` on, until the scan meets a separator the last text had at the
    // same place after the edit (then the rest is the last text's, moved).
    const entries: Array<Entry<T>> = [];
    const sepStarts: number[] = [];
    const sepEnds: number[] = [];
    // (Before `from`: the last text's first `keptPieces` paragraphs and `keptSeps` separators.)
    let from = 0;
    let keptPieces = 0;
    let keptSeps = 0;
    // (From where the last text's paragraphs and separators are this one's again, and by how much they moved.)
    let fromPiece = -1;
    let fromSep = -1;
    let delta = 0;
    if (old !== undefined && last) {
      // An edit of the last text: the paragraphs before the changed stretch and after it are the last text's (the same
      // separators, found by the same scan of the same characters); only the stretch between is scanned again.
      // (The line index made from the last text's knows them: the longest common ends, as compared here.)
      const known = linesId !== 0 && lastLines !== 0 ? lines!.changedSince(lastLines, old.length) : undefined;
      const prefix = known ? known.from : commonPrefix(old, text);
      const suffix = known ? text.length - known.to : commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
      delta = text.length - old.length;
      // The last separator whose extent the common prefix settles: its end is followed, inside the prefix, by a
      // character that is no space, tab or carriage return (nor a line break: the run is greedy).
      // (Found by halving: the separators' ends ascend. Speed only, s31: no walk over every separator before the edit.)
      let k = last.sepEnds.firstAtLeast(prefix) - 1;
      for (; k >= 0; k--) {
        let j = last.sepEnds.at(k);
        while (j < prefix && (old.charCodeAt(j) === 32 || old.charCodeAt(j) === 9 || old.charCodeAt(j) === 13)) j++;
        if (j < prefix) break;
      }
      // (Whether the last text starts with a separator: see `last`.)
      const lead = last.sepStarts.length > 0 && last.sepStarts.at(0) === 0 ? 1 : 0;
      if (k >= 0) {
        from = last.sepEnds.at(k);
        keptSeps = k + 1;
        // (The paragraphs before separator k and its end.)
        keptPieces = k + 1 - lead;
      }
      // A view is read where the scan goes (from the paragraph the edit changed to the next separator the last text had too).
      for (let m = nextSeparator(text, from); m; m = nextSeparator(text, m.end)) {
        const end = m.end;
        if (m.index > from) this.take(text, from, m.index, entries);
        sepStarts.push(m.index);
        sepEnds.push(end);
        from = end;
        // A separator in the common suffix that the last text had at the same place (shifted): from here on the scan
        // sees the same characters from the same position, so finds what it found then.
        if (suffix >= 0 && end >= text.length - suffix) {
          const i = last.sepStarts.indexOf(m.index - delta);
          if (i >= 0 && last.sepEnds.at(i) === end - delta) {
            fromSep = i + 1;
            // (The paragraph after separator i, or none: the end of the list.)
            fromPiece = Math.min(i + 1 - lead, last.entries.length);
            break;
          }
        }
      }
      if (fromSep < 0) {
        if (from < text.length) this.take(text, from, text.length, entries);
        fromSep = last.sepStarts.length;
        fromPiece = last.entries.length;
      }
      // The paragraphs the scan found come, those it replaced go (counted in that order: a paragraph found again keeps
      // its entry; an entry no paragraph has any more is kept spare).
      for (const e of entries) e.count++;
      const removed: T[] = [];
      const few = fromPiece - keptPieces <= FEW;
      for (let i = keptPieces; i < fromPiece; i++) {
        removed.push(last.entries[i]!.result);
        this.drop(last.entries[i]!, few);
      }
      this.change = { previous: old, at: keptPieces, removed, added: entries.map((e) => e.result) };
      last.sepStarts.replace(keptSeps, fromSep, sepStarts, delta);
      last.sepEnds.replace(keptSeps, fromSep, sepEnds, delta);
      spliceIn(last.entries, keptPieces, fromPiece, entries);
      spliceIn(this.results, keptPieces, fromPiece, this.change.added);
      // (A long session's removed paragraphs are not all kept; a whole other text's are, as one more text's.)
      this.trimSpare();
    } else {
      // The first text: its paragraphs are scanned as one string. (Any later text is read as an edit of the one before:
      // another document's paragraphs all replace the last one's, which go spare.)
      const read = flat(text);
      const re = new RegExp(BLANK_LINES.source, 'g');
      for (let m = re.exec(read); m; m = re.exec(read)) {
        if (m.index > from) this.take(read, from, m.index, entries);
        sepStarts.push(m.index);
        sepEnds.push(m.index + m[0].length);
        from = m.index + m[0].length;
      }
      if (from < read.length) this.take(read, from, read.length, entries);
      for (const e of entries) e.count++;
      this.last = { entries, sepStarts: new Positions(sepStarts), sepEnds: new Positions(sepEnds) };
      this.results = entries.map((e) => e.result);
    }
    this.lastText = text;
    return this.results;
  }

  /** The paragraph of `text` from `from` to `to`: its entry (scanned when no paragraph of a text kept has its text). */
  private take(text: TextView, from: number, to: number, entries: Array<Entry<T>>): void {
    const piece = text.slice(from, to);
    const key = longTextKey(piece, LONG_PARAGRAPH);
    let e = this.byText.get(key);
    if (!e) {
      e = this.spare.get(key);
      if (e) {
        this.spare.delete(key);
        this.spareChars -= e.chars;
      } else if ((e = this.recent.get(key))) {
        this.recent.delete(key);
        this.recentChars -= e.chars;
      } else {
        // Scanned as its copy: what the scan keeps of it (matched words) keeps no document alive.
        const own = detach(piece);
        e = { key: key === piece ? own : key, chars: piece.length, result: this.scan(own), count: 0 };
      }
      this.byText.set(e.key, e);
      this.byTextChars += e.chars;
    }
    entries.push(e);
  }

  /** One paragraph with entry `e` less; an entry no paragraph has goes spare (among the recent ones: `few`, a small edit's). */
  private drop(e: Entry<T>, few: boolean): void {
    if (--e.count > 0) return;
    this.byText.delete(e.key);
    this.byTextChars -= e.chars;
    if (few) {
      this.recent.set(e.key, e);
      this.recentChars += e.chars;
    } else {
      this.spare.set(e.key, e);
      this.spareChars += e.chars;
    }
  }

  /** The oldest spare entries go while there are more of them, or more characters, than the bounds allow. */
  private trimSpare(): void {
    // (The newest stays, however long.)
    for (const [key, e] of this.recent) {
      if ((this.recent.size <= RECENT && this.recentChars <= RECENT_CHARS) || this.recent.size === 1) break;
      this.recent.delete(key);
      this.recentChars -= e.chars;
    }
    const entries = Math.max(SPARE, this.byText.size);
    const chars = Math.max(SPARE_CHARS, this.byTextChars);
    if (this.spare.size <= entries && this.spareChars <= chars) return;
    for (const [key, e] of this.spare) {
      this.spare.delete(key);
      this.spareChars -= e.chars;
      if (this.spare.size <= entries && this.spareChars <= chars) break;
    }
  }

  /** For tests: the characters kept spare, and of the last text's paragraphs. */
  kept(): { spare: number; spareChars: number; paragraphChars: number } {
    return { spare: this.spare.size + this.recent.size, spareChars: this.spareChars + this.recentChars, paragraphChars: this.byTextChars };
  }
}

/**
 * A paragraph's key (its text as a detached copy; a long paragraph's longTextKey), its length, its scan's result, and
 * how many paragraphs of the last text have it.
 */
interface Entry<T> {
  key: string;
  chars: number;
  result: T;
  count: number;
}

/**
 * A paragraph this long is kept by a key made of its length and two hashes of its characters (cache.ts longTextKey; two
 * texts share one by a chance of about one in 2^64), not by its text: an image embedded as a data address is one
 * paragraph of up to 200,000 characters, and the scan kept a copy of each (the Dutch dev reports as one document: ~1 MB
 * kept beside the document's own text). Short paragraphs are their own keys (no hashing per paragraph).
 */
const LONG_PARAGRAPH = 4096;

/** Entries kept spare at most (paragraphs an edit removed, or the last other text's), and their characters at most. */
const SPARE = 4096;
const SPARE_CHARS = 262_144;

/** An edit that removed at most this many paragraphs is a small one: its paragraphs wait among the recent entries. */
const FEW = 8;
/** Recent entries kept at most, and their characters at most (the newest stay, at least one however long). */
const RECENT = 64;
const RECENT_CHARS = 262_144;

/** `list` with its items from `from` up to `to` replaced by `items`, in place (no list of every paragraph made per edit). */
function spliceIn<X>(list: X[], from: number, to: number, items: X[]): void {
  if (items.length <= 4096) list.splice(from, to - from, ...items);
  else {
    // (Not spread: a call takes a bounded number of arguments.)
    const tail = list.slice(to);
    list.length = from;
    for (const x of items) list.push(x);
    for (const x of tail) list.push(x);
  }
}

/**
 * Ascending positions in a text (a PieceScan's separator starts or ends), moved by edits without touching
 * every position after the edit (speed only, s31: an edit moved each of a long document's ~2,000 paragraphs' four
 * positions). The stored items from index `from` on are `shift` short of the positions they stand for; an edit that
 * replaces items moves `from` to the first item after those it placed and adds its own length change to `shift`,
 * correcting only the items between the old `from` and the edit (few: an edit near the last one). Every read goes
 * through at(), so every answer is the position itself, as when each item was moved at each edit.
 */
class Positions {
  private from: number;
  private shift = 0;

  constructor(private readonly items: number[]) {
    this.from = items.length;
  }

  get length(): number {
    return this.items.length;
  }

  /** The position at index i. */
  at(i: number): number {
    return this.items[i]! + (i >= this.from ? this.shift : 0);
  }

  /** The first index whose position is at least `value` (the length when none is). */
  firstAtLeast(value: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of a position, or -1. */
  indexOf(value: number): number {
    const i = this.firstAtLeast(value);
    return i < this.items.length && this.at(i) === value ? i : -1;
  }

  /**
   * The positions from index `kept` up to `to` replaced by `placed` (positions in the new text), and those after them
   * moved by `delta` (the edit's change of length).
   */
  replace(kept: number, to: number, placed: number[], delta: number): void {
    const items = this.items;
    // First the shift is made to start at `to`: items before it that it covered get it written in (those from `kept`
    // on are replaced anyway), items from `to` on that it did not cover get it taken out.
    if (this.shift === 0) this.from = to;
    else if (this.from < to) {
      for (let i = this.from; i < kept; i++) items[i]! += this.shift;
      this.from = to;
    } else {
      for (let i = to; i < this.from; i++) items[i]! -= this.shift;
      this.from = to;
    }
    spliceIn(items, kept, to, placed);
    this.from = kept + placed.length;
    this.shift += delta;
    if (this.from >= items.length || this.shift === 0) {
      this.from = items.length;
      this.shift = 0;
    }
  }
}

/**
 * The next separator (BLANK_LINES) in `text` from `from` on, as its start and end, or undefined. A view is read a
 * short window at a time, doubled until it holds the match with a character after it that cannot extend it (speed
 * only, s31: a separator is mostly one paragraph away, and searchFrom read 16,384 characters of the view per call).
 * The same match as BLANK_LINES from `from` over the whole text: it starts at the first line break after which a run of
 * blanks ends in a line break, which the window shows once it holds that line break; and it is greedy, so its end is
 * final once the window holds a character after it that is no space, tab, carriage return or line break.
 */
function nextSeparator(text: TextView, from: number): { index: number; end: number } | undefined {
  const re = SEPARATOR;
  if (typeof text === 'string') {
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? { index: m.index, end: m.index + m[0].length } : undefined;
  }
  const n = text.length;
  for (let span = 1024; ; span *= 2) {
    const to = Math.min(n, from + span);
    const window = text.slice(from, to);
    re.lastIndex = 0;
    const m = re.exec(window);
    if (m) {
      const end = m.index + m[0].length;
      if (to === n || /[^ \t\r\n]/.test(window.slice(end))) return { index: from + m.index, end: from + end };
    } else if (to === n) return undefined;
  }
}

/** A line break followed by blank lines (spaces, tabs, carriage returns): what separates two paragraphs. */
const BLANK_LINES = /\n(?:[ \t\r]*\n)+/g;
/** BLANK_LINES for nextSeparator() (its own: its lastIndex is set at each use). */
const SEPARATOR = new RegExp(BLANK_LINES.source, 'g');
