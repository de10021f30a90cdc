// Active expiry: the Db's background purge of expired keys, as mini-redis's purge task
// and Redis's activeExpireCycle. Lazy expiry (a key checked when it is touched) is in
// db.ts; this module removes the keys nobody touches, so that they do not stay in
// memory forever.
//
// RxJS pattern shown: one scheduled action at a time, on the Db's scheduler, always at
// the earliest expiry. `scheduler.schedule(work, delay)` returns a Subscription, so
// rescheduling is unsubscribing the old action and scheduling a new one; on
// TestScheduler's virtual time (lesson 08) the very same code expires keys in marble
// tests, without waiting.
//
// The expiry times live in a min-heap of (time, key) pairs that is allowed to go stale:
// a key whose expiry changed or that was deleted leaves its old pair behind, which the
// purge recognises (the Db's own `expires` map no longer says that time) and drops.
// Rewriting the heap on every EXPIRE would cost more than skipping the odd stale pair.

import { SchedulerLike, Subscription } from 'rxjs';
import { ExpiryHeap } from './expiry-heap';

// setTimeout cannot wait longer than 2^31-1 ms; a later purge simply wakes up early,
// finds nothing due and sleeps again.
const MAX_DELAY = 2 ** 31 - 1;

export class ActiveExpiry {
  private readonly heap = new ExpiryHeap();
  /** The one scheduled purge, and when it is due. */
  private task: Subscription | undefined;
  private dueAt = Infinity;
  private closed = false;
  private enabled = true;

  constructor(
    private readonly scheduler: SchedulerLike,
    /** The Db's key -> expiry time map: the truth the heap's pairs are checked against. */
    private readonly expires: ReadonlyMap<string, number>,
    /** Removes an expired key (the Db's own removal). */
    private readonly expire: (key: string) => void,
  ) {}

  /** `key` now expires at `at`: purge it then (unless its expiry changes before). */
  track(key: string, at: number): void {
    this.heap.push({ at, key });
    // Stale pairs (keys overwritten or deleted) outnumber live ones: rebuild.
    if (this.heap.size > 2 * this.expires.size + 1024) {
      this.heap.reset([...this.expires].map(([k, when]) => ({ at: when, key: k })));
    }
    if (at < this.dueAt) this.schedule(at);
  }

  /** Turns the purge off or back on (DEBUG SET-ACTIVE-EXPIRE); lazy expiry goes on regardless. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.cancel();
    else {
      const next = this.heap.peek();
      if (next !== undefined) this.schedule(next.at);
    }
  }

  /** Forgets every pair (FLUSHALL). */
  reset(): void {
    this.heap.reset([]);
    this.cancel();
  }

  /** Stops for good (shutdown). */
  close(): void {
    this.closed = true;
    this.cancel();
  }

  private cancel(): void {
    this.task?.unsubscribe();
    this.task = undefined;
    this.dueAt = Infinity;
  }

  private schedule(at: number): void {
    if (this.closed || !this.enabled) return;
    this.task?.unsubscribe();
    this.dueAt = at;
    // A key expires once the clock is *past* its time (as in Redis), hence the +1.
    const delay = Math.min(Math.max(at - this.scheduler.now() + 1, 0), MAX_DELAY);
    this.task = this.scheduler.schedule(() => this.purge(), delay);
  }

  /** Removes every key whose time has passed, then sleeps until the next one. */
  // It pops every pair that is due, drops the stale ones (an expiry since changed or
  // removed), and reschedules itself for the next one.
  private purge(): void {
    this.task = undefined;
    this.dueAt = Infinity;
    const now = this.scheduler.now();
    for (let next = this.heap.peek(); next !== undefined; next = this.heap.peek()) {
      const current = this.expires.get(next.key) === next.at;
      if (current && next.at >= now) {
        this.schedule(next.at);
        return;
      }
      this.heap.pop();
      if (current) this.expire(next.key);
    }
  }
}
