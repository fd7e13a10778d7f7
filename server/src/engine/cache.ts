/**
 * The engine's one cache abstraction: values keyed by content (a block's text, a chunk of
 * Markdown, a word), with a bound and eviction of the oldest entries.
 *
 * Keys are stored as detached copies: a slice of a big document kept as a key would keep
 * the whole document (and, in the language server, every old version of it) alive.
 */
export class ContentCache<V> {
  /** The values by content; for a cache that refreshes on a hit, an Entry per value (see Entry). */
  private readonly map = new Map<string, V | Entry<V>>();
  private weight = 0;
  /** Where sweep() goes on (an iterator over the map: it sees entries set or moved after it started, not those deleted). */
  private cursor: Iterator<[string, V | Entry<V>]> | undefined;

  /**
   * @param maxEntries most entries kept
   * @param options.maxWeight most total weight kept (weight of an entry: `weigh`, by default 1)
   * @param options.refresh an entry hit since it was stored or last passed over is passed over once more when the
   *   oldest entries go (second chance: least recently used first, near enough); off for caches hit millions of
   *   times, where insertion order is enough
   */
  constructor(
    private readonly maxEntries: number,
    private readonly options: { maxWeight?: number; weigh?: (key: string, value: V) => number; refresh?: boolean } = {},
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined || !this.options.refresh) return v as V | undefined;
    // Speed only (md36): a hit marks its entry, which the eviction moves to the back when it comes to it, instead of
    // moving the entry at every hit (a look-up of the detached key, a delete and a set, each comparing the caller's
    // string with the stored one character by character: ~0.5–2 µs per hit on a chunk or a section's content, hit
    // dozens of times per edit at 100,000 words).
    const e = v as Entry<V>;
    e.used = true;
    return e.value;
  }

  /** The value of an entry, without refreshing it (for a caller that decides whether to delete it). */
  peek(key: string): V | undefined {
    const v = this.map.get(key);
    return v === undefined || !this.options.refresh ? (v as V | undefined) : (v as Entry<V>).value;
  }

  /** The key an entry is stored under (a detached copy), for a cache that refreshes on a hit. */
  storedKey(key: string): string | undefined {
    if (!this.options.refresh) return undefined;
    return (this.map.get(key) as Entry<V> | undefined)?.key;
  }

  /** Stores a value; `detached`: the key is already a copy of its own (see detach). */
  set(key: string, value: V, detached = false): void {
    const had = this.map.get(key);
    if (had !== undefined) {
      this.weight -= this.weigh(key, this.valueOf(had));
      this.map.delete(key);
    }
    const own = detached ? key : detach(key);
    this.map.set(own, this.options.refresh ? { key: own, value, used: false } : value);
    this.weight += this.weigh(own, value);
    const maxWeight = this.options.maxWeight ?? Infinity;
    // Oldest first, only when over a bound (an iterator per set otherwise, for a loop that would stop at once).
    if (this.map.size <= this.maxEntries && this.weight <= maxWeight) return;
    // (An entry moved to the back during the loop comes round again, unmarked.)
    for (const [k, v] of this.map) {
      if (this.map.size <= this.maxEntries && this.weight <= maxWeight) break;
      if (k === own) continue;
      if (this.options.refresh && (v as Entry<V>).used) {
        (v as Entry<V>).used = false;
        this.map.delete(k);
        this.map.set(k, v);
        continue;
      }
      this.map.delete(k);
      this.weight -= this.weigh(k, this.valueOf(v));
    }
  }

  delete(key: string): void {
    const v = this.map.get(key);
    if (v === undefined) return;
    this.map.delete(key);
    this.weight -= this.weigh(key, this.valueOf(v));
  }

  /** Keeps only the entries `keep` says yes to (it may return a smaller value to store instead). */
  filter(keep: (value: V, key: string) => V | undefined): void {
    // (forEach: no entry pair per entry. An entry deleted or set again during it is as in a for-of over the map.)
    this.map.forEach((v, k) => {
      const value = this.valueOf(v);
      const kept = keep(value, k);
      if (kept === undefined) this.delete(k);
      else if (kept !== value) {
        this.weight += this.weigh(k, kept) - this.weigh(k, value);
        if (this.options.refresh) (v as Entry<V>).value = kept;
        else this.map.set(k, kept);
      }
    });
  }

  /**
   * Deletes the entries `keep` says no to among the next `count` entries (at most all of them), going on from the entry
   * after the last one the previous call looked at, and from the first again after the last: a filter() spread over
   * many calls, each costing the same whatever the size of the cache (speed only, eng37).
   */
  sweep(count: number, keep: (value: V, key: string) => boolean): void {
    const n = Math.min(count, this.map.size);
    for (let i = 0; i < n; i++) {
      let r = this.cursor?.next();
      if (r === undefined || r.done) {
        this.cursor = this.map.entries();
        r = this.cursor.next();
        if (r.done) {
          this.cursor = undefined;
          return;
        }
      }
      const [k, v] = r.value;
      if (!keep(this.valueOf(v), k)) this.delete(k);
    }
  }

  clear(): void {
    this.map.clear();
    this.weight = 0;
    this.cursor = undefined;
  }

  private valueOf(v: V | Entry<V>): V {
    return this.options.refresh ? (v as Entry<V>).value : (v as V);
  }

  private weigh(key: string, value: V): number {
    return this.options.weigh ? this.options.weigh(key, value) : 1;
  }
}

/** A value of a cache that refreshes on a hit: its detached key, and whether it was hit since it was stored or last passed over. */
interface Entry<V> {
  readonly key: string;
  value: V;
  used: boolean;
}

/**
 * A key for a text: its length and two 32-bit hashes of its characters (FNV-1a and a multiply-xorshift), so that two
 * texts of one length share a key by a chance of about one in 2^64. The key is a short string of its own.
 */
export function textKey(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return `${s.length}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/** Starts every key longTextKey makes (a text kept as its own key has that key only if the text is the key itself). */
const LONG_KEY = '\u0000\u0000long:';

/**
 * The key a cache keeps a text under: the text itself while it is shorter than `from` characters (no hashing of every
 * short text), else LONG_KEY and textKey (an embedded image, a long chunk: the cache then keeps no copy of it beside the
 * document). A short text is returned as the same string.
 */
export function longTextKey(s: string, from: number): string {
  return s.length >= from ? LONG_KEY + textKey(s) : s;
}

/** The length of the text a longTextKey key stands for. */
export function keyedLength(key: string): number {
  return key.startsWith(LONG_KEY) ? Number(key.slice(LONG_KEY.length, key.indexOf('.', LONG_KEY.length))) : key.length;
}

/**
 * A copy of a string that shares no memory with the string it came from (V8 keeps a slice of
 * 13 characters or more as a view into its parent). The concatenation is flattened into a new
 * string of its own when sliced, so the result is a view into that copy only: about ten times
 * cheaper than a JSON round trip, and it keeps no document alive.
 */
export function detach(s: string): string {
  if (s.length < 13) return s;
  // The copy made last, when `s` has its content: a new block's text is detached for the engine's block languages and
  // then for its analysis, one after the other, and the two caches then share one copy (mem18: ~1 MB at 100,000
  // words). The copy is compared, not the string it came from, which is not kept (it may be a slice of a document).
  if (s === lastCopy) return lastCopy;
  return (lastCopy = WIDE.test(s) ? (' ' + s).slice(1) : Buffer.from(s, 'latin1').toString('latin1'));
}
let lastCopy = '';
/**
 * A character that needs two bytes. A copy of a text without one is made through Latin-1 bytes, which V8 stores at one
 * byte per character: a slice of a document with a single curly quote or dash anywhere is stored at two, and so was
 * every copy made of it by concatenation (memory only, session 27: the block texts, paragraphs and chunks the caches
 * keep are most of a document's strings).
 */
const WIDE = /[^\u0000-\u00ff]/;
