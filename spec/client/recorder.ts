// Recorder: observes an Observable for a test and lets the test wait on what it emits,
// with a timeout, instead of sleeping. `await rec.first(2)` resolves with the first two
// values as soon as they have arrived (or already had); `await rec.done()` with the
// completion; a timeout rejects with a message saying what was being waited for.

import { Observable, ReplaySubject, Subscription, firstValueFrom, lastValueFrom, take, timeout, toArray } from 'rxjs';

export const WAIT_MS = 5000;

export class Recorder<T> {
  readonly values: T[] = [];
  private readonly seen$ = new ReplaySubject<T>();
  readonly subscription: Subscription;
  completed = false;
  error: unknown;

  constructor(source: Observable<T>) {
    this.subscription = source.subscribe({
      next: (value) => {
        this.values.push(value);
        this.seen$.next(value);
      },
      error: (err: unknown) => {
        this.error = err;
        this.seen$.error(err);
      },
      complete: () => {
        this.completed = true;
        this.seen$.complete();
      },
    });
  }

  /** The first `count` values, once they have arrived. */
  first(count: number, ms = WAIT_MS): Promise<T[]> {
    return firstValueFrom(
      this.seen$.pipe(
        take(count),
        toArray(),
        timeout({ first: ms, with: () => Promise.reject(new Error(`timed out waiting for ${count} values; got ${this.values.length}`)) }),
      ),
    );
  }

  /** Resolves when the source completes; rejects with its error. */
  async done(ms = WAIT_MS): Promise<void> {
    await lastValueFrom(
      this.seen$.pipe(
        toArray(),
        timeout({ first: ms, with: () => Promise.reject(new Error('timed out waiting for completion')) }),
      ),
    );
  }

  unsubscribe(): void {
    this.subscription.unsubscribe();
  }
}
