// Key readiness: how a client blocked on a key (BLPOP, BZPOPMIN, BLMOVE...) learns that
// the key may now serve it. Redis keeps, per key, the list of clients blocked on it and,
// per command, the list of keys that became "ready"; once the command has finished, it
// walks the ready keys and lets each blocked client try again, oldest first
// (handleClientsBlockedOnKeys in blocked.c). This module is that, in RxJS terms.
//
// RxJS patterns shown:
// - A Subject per watched key. A waiter is a subscriber of the Subjects of the keys it
//   waits on; a Subject calls its observers in the order they subscribed, which is the
//   FIFO order Redis promises, for free. The Subject exists only while someone waits:
//   `whenReady` wraps it in an Observable whose teardown forgets the key when its last
//   waiter leaves, so a write to a key nobody waits on costs one Map lookup.
// - Signal now, deliver later. A write only marks the key ready (`signal`); the
//   Subjects fire in `serve`, which the session calls after the command that wrote has
//   finished. So a waiter never sees a key half-way through a command (LPUSH of three
//   elements wakes it once, with all three there), and, when `serve` runs, whatever a
//   served waiter writes in turn (BLMOVE pushing to another key) is served in the same
//   loop, as Redis does.
//
// A waiter that is served takes its element and unsubscribes (`take(1)` in
// src/commands/blocking.ts); the waiters after it in the same `next` find the key empty
// and keep waiting: a pushed element goes to exactly one of them.

import { Observable, Subject } from 'rxjs';

interface Watched {
  readonly subject: Subject<void>;
  waiters: number;
}

/** Which keys clients are blocked on, and which of them became ready since the last `serve`. */
export class KeyReadiness {
  private readonly watched = new Map<string, Watched>();
  /** Keys signalled since the last serve, in the order they became ready (a Set keeps it). */
  private readonly readyKeys = new Set<string>();
  private serving = false;

  /**
   * Emits (nothing: a wake-up) each time `key` may have become able to serve, after the
   * command that changed it. Subscribing is blocking on the key; unsubscribing, leaving.
   */
  whenReady(key: string): Observable<void> {
    return new Observable<void>((subscriber) => {
      let entry = this.watched.get(key);
      if (entry === undefined) {
        entry = { subject: new Subject<void>(), waiters: 0 };
        this.watched.set(key, entry);
      }
      const current = entry;
      current.waiters++;
      const inner = current.subject.subscribe(subscriber);
      return () => {
        inner.unsubscribe();
        current.waiters--;
        if (current.waiters === 0 && this.watched.get(key) === current) this.watched.delete(key);
      };
    });
  }

  /** The number of clients blocked on `key`. */
  waiters(key: string): number {
    return this.watched.get(key)?.waiters ?? 0;
  }

  /** `key` was written: if anyone waits on it, it is ready (served by the next `serve`). */
  signal(key: string): void {
    if (this.watched.size !== 0 && this.watched.has(key)) this.readyKeys.add(key);
  }

  /** Whether `serve` has anything to do. */
  get pending(): boolean {
    return this.readyKeys.size !== 0;
  }

  /**
   * Wakes the waiters of every ready key, key by key in the order they became ready,
   * each key's waiters oldest first. Keys made ready meanwhile (by a waiter that was
   * served and wrote) are served in the same loop; a call from inside the loop (a woken
   * connection running its next commands) returns at once and leaves them to it.
   */
  serve(): void {
    if (this.serving) return;
    this.serving = true;
    try {
      while (this.readyKeys.size !== 0) {
        const key = this.readyKeys.values().next().value as string;
        this.readyKeys.delete(key);
        this.watched.get(key)?.subject.next();
      }
    } finally {
      this.serving = false;
    }
  }
}
