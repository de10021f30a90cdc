// The end of an event-loop turn, for the whole server: the stand-in for Redis's
// beforeSleep(), which runs once per event-loop iteration, after the clients' requests
// of that iteration, and writes every client with pending output.
//
// Two kinds of work wait for it:
// - tasks (`atTurnEnd`): the Db's pub/sub delivery, which hands each channel the
//   messages published during the turn as one batch (see Db.publish);
// - flushes (`flushThisTurn`): each connection with output queued this turn writes it,
//   in one write.
// The first request of a turn schedules one `setImmediate`, which runs right after the
// turn's I/O callbacks: the tasks first (they queue output), then the flushes, oldest
// first. Oldest first puts the publishers' replies, queued while their requests were
// read, before the subscribers' messages, queued by the delivery: the publishers hear
// back first and can send their next request while the fan-out is being written.
//
// One setImmediate per turn instead of one per connection: with 50 subscribers and 10
// publishers, one timer object and one callback instead of sixty.

/** Work that waits for the end of the current event-loop turn. */
export class TurnFlush {
  private tasks: Array<() => void> = [];
  private flushes: Array<() => void> = [];
  private scheduled = false;

  /** Runs `task` once this turn's I/O callbacks are done, before the flushes. */
  atTurnEnd(task: () => void): void {
    this.tasks.push(task);
    this.schedule();
  }

  /** Runs `flush` once this turn's I/O callbacks (and tasks) are done (ask at most once per turn). */
  flushThisTurn(flush: () => void): void {
    this.flushes.push(flush);
    this.schedule();
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.runAll);
    }
  }

  private readonly runAll = (): void => {
    try {
      const tasks = this.tasks;
      this.tasks = [];
      for (const task of tasks) task();
      // Taken after the tasks: the output they queued is written in this same pass.
      const flushes = this.flushes;
      this.flushes = [];
      for (const flush of flushes) flush();
    } finally {
      this.scheduled = false;
      // Anything asked for meanwhile (nothing, normally) waits for the next turn.
      if (this.tasks.length > 0 || this.flushes.length > 0) this.schedule();
    }
  };
}

/** The one TurnFlush of this event loop, used by default. */
export const everyTurn = new TurnFlush();
