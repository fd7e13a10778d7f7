/**
 * ContentCache (engine/cache.ts) over random series of stores, look-ups, deletions and filters, against a plain list
 * of its entries: the same entries stay, in the same order, with the same values, within both bounds. Without refresh
 * the oldest stored go first; with refresh an entry hit since it was stored (or last passed over) is passed over once,
 * to the back, before the oldest not hit goes (second chance).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ContentCache } from '../../server/src/engine/cache.js';

type Op = { op: 'set'; key: string; value: number } | { op: 'get'; key: string } | { op: 'peek'; key: string } | { op: 'delete'; key: string } | { op: 'filter'; drop: number };

interface ModelEntry {
  key: string;
  value: number;
  used: boolean;
}

/** The cache as a list, oldest first. */
class Model {
  entries: ModelEntry[] = [];
  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight: number,
    private readonly refresh: boolean,
  ) {}
  private weight(): number {
    return this.entries.reduce((w, e) => w + e.key.length + e.value, 0);
  }
  private over(): boolean {
    return this.entries.length > this.maxEntries || this.weight() > this.maxWeight;
  }
  set(key: string, value: number): void {
    this.entries = this.entries.filter((e) => e.key !== key);
    this.entries.push({ key, value, used: false });
    // One pass over the entries as they come, the new one passed over; an entry moved to the back comes round again.
    let i = 0;
    while (this.over() && i < this.entries.length) {
      const e = this.entries[i]!;
      if (e.key === key) i++;
      else if (this.refresh && e.used) {
        e.used = false;
        this.entries.splice(i, 1);
        this.entries.push(e);
      } else this.entries.splice(i, 1);
    }
  }
  get(key: string): number | undefined {
    const e = this.entries.find((x) => x.key === key);
    if (e && this.refresh) e.used = true;
    return e?.value;
  }
  peek(key: string): number | undefined {
    return this.entries.find((x) => x.key === key)?.value;
  }
  delete(key: string): void {
    this.entries = this.entries.filter((e) => e.key !== key);
  }
  filter(drop: number): void {
    this.entries = this.entries.filter((e) => e.value % 4 !== drop).map((e) => (e.value % 4 === drop + 1 ? { ...e, value: e.value - 1 } : e));
  }
}

// Keys as slices of a longer string (a cache must store copies of its own) and short ones.
const long = 'de cliënt krijgt hulp van het UWV en de gemeente '.repeat(4);
const key = fc.oneof(fc.constantFrom('a', 'b', 'c', 'dd', 'eee'), fc.integer({ min: 0, max: 12 }).map((i) => long.slice(i * 3, i * 3 + 14 + i)));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), key, value: fc.nat({ max: 9 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('get' as const), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('peek' as const), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('filter' as const), drop: fc.nat({ max: 3 }) }) },
);

describe('ContentCache: bounds, eviction order and values (fast-check)', () => {
  for (const refresh of [false, true]) {
    it(`${refresh ? 'with' : 'without'} refresh: the entries of a list that ${refresh ? 'gives an entry hit since it was stored a second chance' : 'drops the oldest first'}`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 10, max: 80 }), fc.array(op, { maxLength: 60 }), (maxEntries, maxWeight, ops) => {
          const cache = new ContentCache<number>(maxEntries, { maxWeight, weigh: (k, v) => k.length + v, refresh });
          const model = new Model(maxEntries, maxWeight, refresh);
          for (const o of ops) {
            if (o.op === 'set') {
              cache.set(o.key, o.value);
              model.set(o.key, o.value);
            } else if (o.op === 'get') assert.equal(cache.get(o.key), model.get(o.key));
            else if (o.op === 'peek') assert.equal(cache.peek(o.key), model.peek(o.key));
            else if (o.op === 'delete') {
              cache.delete(o.key);
              model.delete(o.key);
            } else {
              const drop = o.drop;
              cache.filter((v) => (v % 4 === drop ? undefined : v % 4 === drop + 1 ? v - 1 : v));
              model.filter(drop);
            }
            assert.equal(cache.size, model.entries.length);
          }
          // The same entries in the same order (peek does not refresh; the last ones stored are there).
          for (const e of model.entries) {
            assert.equal(cache.peek(e.key), e.value);
            if (refresh) {
              const stored = cache.storedKey(e.key);
              assert.equal(stored, e.key);
              assert.equal(cache.storedKey(stored!), stored);
            }
          }
          // Oldest first: storing enough new entries drops them in the model's order (with refresh: those not hit since
          // they were stored or passed over first, in order; then the others, in order). Entries that go in the same
          // store are taken in that order too: which of them went first within one store cannot be seen from outside.
          const order = model.entries.map((e) => e.key);
          const expected = refresh ? [...model.entries.filter((e) => !e.used), ...model.entries.filter((e) => e.used)].map((e) => e.key) : order;
          const gone: string[] = [];
          for (let i = 0; i < 40 && gone.length < order.length; i++) {
            cache.set(`fresh-${i}`, 0);
            const now = order.filter((k) => !gone.includes(k) && cache.peek(k) === undefined);
            gone.push(...now.sort((x, y) => expected.indexOf(x) - expected.indexOf(y)));
          }
          assert.deepEqual(gone, expected.slice(0, gone.length));
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('with refresh, a hit keeps an entry through the next eviction (LRU order where hits come in order)', () => {
    const c = new ContentCache<string>(3, { refresh: true });
    c.set('a', 'A');
    c.set('b', 'B');
    c.set('c', 'C');
    c.get('a');
    c.set('d', 'D');
    assert.equal(c.peek('b'), undefined);
    assert.equal(c.peek('a'), 'A');
    c.set('e', 'E');
    assert.equal(c.peek('c'), undefined);
    assert.equal(c.peek('a'), 'A');
  });
});
