// A binary min-heap of (time, key) pairs: the "when does the next key expire?" index,
// the counterpart of mini-redis's BTreeSet<(Instant, String)>. Entries are never
// removed from the middle: a stale pair (the key was deleted or given another expiry)
// is recognised and skipped when it reaches the top, and the Db rebuilds the heap when
// stale pairs outnumber live ones, so it cannot grow without bound.
//
// Why a heap: the purge only ever asks "what is the earliest expiry?" (peek) and
// "remove it" (pop), and SET with an expiry adds one: O(log n) each, with no ordering
// work for keys far in the future. A sorted array would pay O(n) per SET; scanning every
// key at each purge (what a naive timer per tick would do) O(n) per purge.
// Why stale pairs instead of a decrease-key: finding a key inside a heap needs an index
// map, kept in sync on every swap. Letting the old pair sink to the top and be dropped
// there (ActiveExpiry.purge compares it with the key's current expiry) costs one comparison, and
// keeps the structure a plain array.

export interface Expiration {
  readonly at: number;
  readonly key: string;
}

export class ExpiryHeap {
  private items: Expiration[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Expiration | undefined {
    return this.items[0];
  }

  /** Adds a pair and sifts it up: it rises while its parent expires later. */
  push(item: Expiration): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].at <= item.at) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = item;
  }

  /** Removes the earliest pair: the last one takes the root and sinks to its place. */
  pop(): Expiration | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right].at < items[left].at ? right : left;
        if (items[child].at >= last.at) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }

  /** Replaces the contents (used to drop stale pairs). */
  reset(items: Expiration[]): void {
    this.items = [];
    for (const item of items) this.push(item);
  }
}
