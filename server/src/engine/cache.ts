/**
 * The engine's one cache abstraction: values keyed by content (a block's text, a chunk of
 * Markdown, a word), with a bound and eviction of the oldest entries.
 *
 * Keys are stored as detached copies: a slice of a big document kept as a key would keep
 * the whole document (and, in the language server, every old version of it) alive.
 */
export class ContentCache<V> {
  private readonly map = new Map<string, V>();
  /** The detached key of each entry, by its content (only for caches that refresh on a hit). */
  private readonly keys = new Map<string, string>();
  private weight = 0;

  /**
   * @param maxEntries most entries kept
   * @param options.maxWeight most total weight kept (weight of an entry: `weigh`, by default 1)
   * @param options.refresh a hit moves the entry to the back of the eviction order (LRU);
   *   off for caches hit millions of times, where insertion order is enough
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
    if (v !== undefined && this.options.refresh) {
      // Moved to the back under the key it was stored with: `key` may be a slice of a whole
      // document, and a stored slice would keep that document version alive for as long as the
      // entry stays (in the language server, one old version per chunk an edit left behind).
      const own = this.keys.get(key)!;
      this.map.delete(key);
      this.map.set(own, v);
    }
    return v;
  }

  /** The value of an entry, without refreshing it (for a caller that decides whether to delete it). */
  peek(key: string): V | undefined {
    return this.map.get(key);
  }

  /** The key an entry is stored under (a detached copy), for a cache that refreshes on a hit. */
  storedKey(key: string): string | undefined {
    return this.keys.get(key);
  }

  /** Stores a value; `detached`: the key is already a copy of its own (see detach). */
  set(key: string, value: V, detached = false): void {
    const had = this.map.get(key);
    if (had !== undefined) {
      this.weight -= this.weigh(key, had);
      this.map.delete(key);
    }
    const own = detached ? key : detach(key);
    this.map.set(own, value);
    if (this.options.refresh) {
      this.keys.delete(key);
      this.keys.set(own, own);
    }
    this.weight += this.weigh(own, value);
    const maxWeight = this.options.maxWeight ?? Infinity;
    // Oldest first, only when over a bound (an iterator per set otherwise, for a loop that would stop at once).
    if (this.map.size <= this.maxEntries && this.weight <= maxWeight) return;
    for (const [k, v] of this.map) {
      if (this.map.size <= this.maxEntries && this.weight <= maxWeight) break;
      if (k === own) continue;
      this.map.delete(k);
      this.keys.delete(k);
      this.weight -= this.weigh(k, v);
    }
  }

  delete(key: string): void {
    const v = this.map.get(key);
    if (v === undefined) return;
    this.map.delete(key);
    this.keys.delete(key);
    this.weight -= this.weigh(key, v);
  }

  /** Keeps only the entries `keep` says yes to (it may return a smaller value to store instead). */
  filter(keep: (value: V, key: string) => V | undefined): void {
    // (forEach: no entry pair per entry. An entry deleted or set again during it is as in a for-of over the map.)
    this.map.forEach((v, k) => {
      const kept = keep(v, k);
      if (kept === undefined) this.delete(k);
      else if (kept !== v) {
        this.weight += this.weigh(k, kept) - this.weigh(k, v);
        this.map.set(k, kept);
      }
    });
  }

  clear(): void {
    this.map.clear();
    this.keys.clear();
    this.weight = 0;
  }

  private weigh(key: string, value: V): number {
    return this.options.weigh ? this.options.weigh(key, value) : 1;
  }
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
  return (lastCopy = (' ' + s).slice(1));
}
let lastCopy = '';
