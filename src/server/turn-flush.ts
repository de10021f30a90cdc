// One flush of every connection's output per event-loop turn, for the whole server:
// the stand-in for Redis's beforeSleep(), which writes all clients with pending output
// once per event-loop iteration.
//
// A connection with output queued this turn asks to be flushed (`flushThisTurn`); the
// first request of a turn schedules one `setImmediate`, which runs right after the
// turn's I/O callbacks and flushes every connection that asked, newest first. Newest
// first, as Redis does (it links clients at the head of its pending-write list): a
// PUBLISH queues its message to the subscribers and only then its own reply, so its
// publisher hears back before the fan-out is written, and can send its next request
// while the subscribers are being served.
//
// One setImmediate per turn instead of one per connection: with 50 subscribers and 10
// publishers, one timer object and one callback instead of sixty.

/** Flushes that run once the current turn's I/O is done. */
export class TurnFlush {
  private pending: Array<() => void> = [];
  private scheduled = false;

  /** Runs `flush` once this turn's I/O callbacks are done (ask at most once per turn). */
  flushThisTurn(flush: () => void): void {
    this.pending.push(flush);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.runAll);
    }
  }

  private readonly runAll = (): void => {
    this.scheduled = false;
    const flushes = this.pending;
    this.pending = [];
    for (let i = flushes.length - 1; i >= 0; i--) flushes[i]();
  };
}

/** The one TurnFlush of this event loop, used by default. */
export const everyTurn = new TurnFlush();
