// Fifo: the queue of commands waiting for their replies. Redis answers the requests of
// one connection in the order it received them, so matching a reply to its command
// needs no ids at all: the oldest waiting command owns the next reply.
//
// `Array.prototype.shift` moves every remaining element, which turns 100k pipelined
// commands into 10^10 moves; here the head is an index, and the array is compacted
// only once the consumed half dominates, so push and shift are O(1) amortized.

export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  // Items are only ever appended at the end and taken from the head: exactly the access
  // pattern of "requests go out, replies come back in order".
  push(item: T): void {
    this.items.push(item);
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined; // let it be garbage-collected
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Removes and returns every item, oldest first. */
  // Used when the connection fails: every waiting command must hear about it, in the
  // order they were sent.
  drain(): T[] {
    const all = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return all;
  }
}
