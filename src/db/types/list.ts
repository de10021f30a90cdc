// RedisList: the value of a list key (LPUSH, RPOP, LRANGE, BLPOP...).
//
// Data-structure pattern: a growable ring buffer (a circular deque). The elements sit
// in one JS array whose length is a power of two; `head` is the slot of the first
// element and the others follow it, wrapping round the end of the array. So:
//
// - a push or a pop at either end writes or clears one slot and moves `head` or
//   `length`: O(1), which is what Redis promises for LPUSH/RPUSH/LPOP/RPOP and what
//   a queue served by BLPOP needs. (Array.prototype.shift/unshift would move every
//   element on each call: O(n), a queue of a million jobs would crawl.)
// - the element at an index is one slot away: O(1) LINDEX and LSET (Redis's
//   quicklist walks its nodes, so those are O(n) in Redis; being faster is harmless).
// - growing doubles the array (amortised O(1) per push); shrinking halves it once the
//   list uses a quarter of it, so a list that had a million elements and now has ten
//   does not keep a million slots.
// - only the operations Redis documents as O(n) are O(n): LINSERT and removing
//   from the middle move the shorter side; LREM and LTRIM compact in one pass.
//
// Memory: one array slot per element holding the element's string, no per-element
// node object (a linked list would cost an object of ~40 bytes per element). Elements
// are latin1 strings, one char per byte, so any bytes round-trip (binary-safe).
//
// Encoding: Redis 7.0 stores every list as a quicklist (a linked list of listpacks),
// whatever its size; OBJECT ENCODING answers `quicklist` even for one element, so
// there is no small form to switch from. (7.2 added a listpack form for small lists.)
// The limits are kept because every aggregate takes them, and a later version's
// small form would read them.

import type { Aggregate, EncodingLimits } from './aggregate';

/** The smallest array kept; a new list starts at it. A power of two, as every capacity. */
const MIN_CAPACITY = 4;

export class RedisList implements Aggregate {
  readonly type = 'list' as const;
  readonly encoding = 'quicklist';

  /** The slots; `items.length` is the capacity, always a power of two. Free slots are undefined. */
  private items: (string | undefined)[];
  /** The slot of the element at index 0. */
  private head = 0;
  private length = 0;

  constructor(readonly limits: EncodingLimits) {
    this.items = new Array<string | undefined>(MIN_CAPACITY);
  }

  /** A list holding `values` in order (RDB loading, tests). */
  static of(limits: EncodingLimits, values: Iterable<string>): RedisList {
    const list = new RedisList(limits);
    for (const value of values) list.pushTail(value);
    return list;
  }

  get size(): number {
    return this.length;
  }

  clone(): RedisList {
    const copy = new RedisList(this.limits);
    copy.items = new Array<string | undefined>(this.items.length);
    for (let i = 0; i < this.length; i++) copy.items[i] = this.items[this.slot(i)];
    copy.length = this.length;
    return copy;
  }

  // -------------------------------------------------------------------------
  // The ends: O(1)

  pushHead(value: string): void {
    if (this.length === this.items.length) this.resize(this.items.length * 2);
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = value;
    this.length++;
  }

  pushTail(value: string): void {
    if (this.length === this.items.length) this.resize(this.items.length * 2);
    this.items[this.slot(this.length)] = value;
    this.length++;
  }

  /** Removes and returns the first element; undefined when empty. */
  popHead(): string | undefined {
    if (this.length === 0) return undefined;
    const value = this.items[this.head];
    // Clearing the slot lets the string be collected: the array must not keep it alive.
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    this.shrinkIfSparse();
    return value;
  }

  /** Removes and returns the last element; undefined when empty. */
  popTail(): string | undefined {
    if (this.length === 0) return undefined;
    const at = this.slot(this.length - 1);
    const value = this.items[at];
    this.items[at] = undefined;
    this.length--;
    this.shrinkIfSparse();
    return value;
  }

  // -------------------------------------------------------------------------
  // By index: O(1). Indexes here are 0..size-1; Redis's negative indexes (-1 = last)
  // are the commands' business, because each command clamps them its own way.

  /** The element at `index`, or undefined out of range. */
  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    return this.items[this.slot(index)];
  }

  /** Replaces the element at `index`; false (nothing changed) out of range. */
  setAt(index: number, value: string): boolean {
    if (!(index >= 0 && index < this.length)) return false;
    this.items[this.slot(index)] = value;
    return true;
  }

  /** The elements from `start` to `stop`, both included, in order; clamped to the list. */
  range(start: number, stop: number): string[] {
    const from = Math.max(0, start);
    const to = Math.min(this.length - 1, stop);
    const out: string[] = [];
    for (let i = from; i <= to; i++) out.push(this.items[this.slot(i)]!);
    return out;
  }

  /** Every element, head to tail (RDB, SORT, DEBUG). */
  *values(): IterableIterator<string> {
    for (let i = 0; i < this.length; i++) yield this.items[this.slot(i)]!;
  }

  // -------------------------------------------------------------------------
  // The middle: O(n), as in Redis. Each moves the shorter side only.

  /** Inserts `value` so that it ends up at `index` (0 = before the head, size = after the tail). */
  insertAt(index: number, value: string): void {
    if (index <= 0) return this.pushHead(value);
    if (index >= this.length) return this.pushTail(value);
    if (this.length === this.items.length) this.resize(this.items.length * 2);
    if (index < this.length / 2) {
      // Move the first `index` elements one slot towards the front.
      this.head = (this.head - 1) & (this.items.length - 1);
      for (let i = 0; i < index; i++) this.items[this.slot(i)] = this.items[this.slot(i + 1)];
    } else {
      // Move the elements from `index` on one slot towards the back.
      for (let i = this.length; i > index; i--) this.items[this.slot(i)] = this.items[this.slot(i - 1)];
    }
    this.items[this.slot(index)] = value;
    this.length++;
  }

  /** Removes the element at `index` and returns it; undefined out of range. */
  removeAt(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const value = this.items[this.slot(index)];
    if (index < this.length / 2) {
      for (let i = index; i > 0; i--) this.items[this.slot(i)] = this.items[this.slot(i - 1)];
      this.items[this.head] = undefined;
      this.head = (this.head + 1) & (this.items.length - 1);
    } else {
      for (let i = index; i < this.length - 1; i++) this.items[this.slot(i)] = this.items[this.slot(i + 1)];
      this.items[this.slot(this.length - 1)] = undefined;
    }
    this.length--;
    this.shrinkIfSparse();
    return value;
  }

  /**
   * LREM: removes elements equal to `value`, at most `limit` of them (0 = all), the
   * first ones from the head (`fromTail` false) or from the tail. Returns how many.
   * One compacting pass: each kept element moves at most once.
   */
  removeEqual(value: string, limit: number, fromTail: boolean): number {
    const n = this.length;
    let removed = 0;
    if (!fromTail) {
      let write = 0;
      for (let read = 0; read < n; read++) {
        const element = this.items[this.slot(read)]!;
        if (element === value && (limit === 0 || removed < limit)) removed++;
        else {
          if (write !== read) this.items[this.slot(write)] = element;
          write++;
        }
      }
      for (let i = write; i < n; i++) this.items[this.slot(i)] = undefined;
    } else {
      let write = n - 1;
      for (let read = n - 1; read >= 0; read--) {
        const element = this.items[this.slot(read)]!;
        if (element === value && (limit === 0 || removed < limit)) removed++;
        else {
          if (write !== read) this.items[this.slot(write)] = element;
          write--;
        }
      }
      for (let i = 0; i <= write; i++) this.items[this.slot(i)] = undefined;
      this.head = this.slot(write + 1);
    }
    this.length = n - removed;
    if (removed > 0) this.shrinkIfSparse();
    return removed;
  }

  /**
   * LTRIM and popping several: drops `fromHead` elements at the head and `fromTail`
   * at the tail. O(elements removed).
   */
  dropEnds(fromHead: number, fromTail: number): void {
    const head = Math.min(Math.max(0, fromHead), this.length);
    const tail = Math.min(Math.max(0, fromTail), this.length - head);
    for (let i = 0; i < head; i++) this.items[this.slot(i)] = undefined;
    for (let i = this.length - tail; i < this.length; i++) this.items[this.slot(i)] = undefined;
    this.head = this.slot(head);
    this.length -= head + tail;
    this.shrinkIfSparse();
  }

  // -------------------------------------------------------------------------
  // The ring

  /** The array slot of the element at `index`: the mask wraps it round (capacity is a power of two). */
  private slot(index: number): number {
    return (this.head + index) & (this.items.length - 1);
  }

  /** Halves (or more) the array once it is three-quarters empty: amortised O(1), as growing. */
  private shrinkIfSparse(): void {
    const capacity = this.items.length;
    if (capacity <= MIN_CAPACITY || this.length * 4 > capacity) return;
    let target = capacity;
    while (target > MIN_CAPACITY && this.length * 4 <= target) target /= 2;
    this.resize(target);
  }

  /** Copies the elements, in order, into a new array of `capacity` slots, the head at slot 0. */
  private resize(capacity: number): void {
    const next = new Array<string | undefined>(capacity);
    for (let i = 0; i < this.length; i++) next[i] = this.items[this.slot(i)];
    this.items = next;
    this.head = 0;
  }
}
