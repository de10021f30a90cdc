// SCAN's cursors, shared by SCAN over the keyspace and HSCAN / SSCAN / ZSCAN over a
// hash table: a walk that returns every element present for its whole duration at
// least once, whatever is added or removed between its steps (Redis's guarantee).
//
// Redis gets that guarantee from reverse-binary iteration over its hash buckets. A JS
// Map or Set has no buckets to walk, so the guarantee comes more simply: cursor 0 takes
// a snapshot of the element list, and later cursors are positions in it. Every element
// present for the whole walk is in the snapshot, so it is returned; elements removed
// since are skipped (the `live` check); elements added during the walk may be missed,
// which SCAN allows; and the walk always ends, however fast elements are added.
//
// A cursor packs a snapshot id and a position, id * 2^26 + position, below 2^53 so
// that clients which read cursors as JS numbers (node-redis) lose nothing. The few most
// recent snapshots are kept; a forgotten cursor (one of many abandoned walks) starts
// over: repeats are allowed, misses are not.

const POSITION_BITS = 2 ** 26;
const MAX_SNAPSHOTS = 16;

/** One step of a walk: the next cursor (0 when done) and the live elements of this step. */
export interface ScanStepOf<T> {
  readonly cursor: number;
  readonly items: T[];
}

/** The walks in progress over one collection (the keyspace, or one hash table). */
export class ScanCursors<T> {
  private readonly snapshots = new Map<number, readonly T[]>();
  private nextId = 1;

  /**
   * One step: about `count` elements visited after `cursor`, the live ones among them.
   * `snapshot` lists the collection (called for a new walk); `live` says whether an
   * element is still there.
   */
  // A snapshot costs one array of references per walk in progress, taken once at cursor
  // 0: cheap next to the guarantee it buys, and every later step is a plain slice walk.
  step(cursor: number, count: number, snapshot: () => readonly T[], live: (item: T) => boolean): ScanStepOf<T> {
    let id = Math.floor(cursor / POSITION_BITS);
    let position = cursor % POSITION_BITS;
    let items = cursor === 0 ? undefined : this.snapshots.get(id);
    if (items === undefined) {
      items = snapshot();
      id = this.nextId;
      this.nextId = (this.nextId % POSITION_BITS) + 1;
      position = 0;
      this.snapshots.set(id, items);
      if (this.snapshots.size > MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value as number);
    }
    const found: T[] = [];
    const end = Math.min(position + Math.max(1, count), items.length);
    for (; position < end; position++) {
      const item = items[position];
      if (live(item)) found.push(item);
    }
    // A walk longer than a cursor can count (2^26 positions) ends there too.
    if (position >= items.length || position >= POSITION_BITS) {
      this.snapshots.delete(id);
      return { cursor: 0, items: found };
    }
    return { cursor: id * POSITION_BITS + position, items: found };
  }

  /** Forgets every walk (the collection was emptied). */
  clear(): void {
    this.snapshots.clear();
  }
}
