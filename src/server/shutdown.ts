// Shutdown as an Observable: process signals become values. The first SIGINT or
// SIGTERM starts a graceful shutdown; a second one means "now", and exits at once.
// A shutdown that does not finish in time (a client that never reads its last replies)
// ends with ShutdownTimeoutError.

import { Observable, fromEvent, merge, map } from 'rxjs';

export type ShutdownSignal = 'SIGINT' | 'SIGTERM';

/** Emits the name of each SIGINT / SIGTERM the process receives. */
export function signals(names: readonly ShutdownSignal[] = ['SIGINT', 'SIGTERM']): Observable<ShutdownSignal> {
  return merge(...names.map((name) => fromEvent(process, name).pipe(map(() => name))));
}

/**
 * The graceful shutdown ran out of time (`shutdownTimeout`): the connections still open
 * were cut. The server Observable errors with it, so that whoever runs the server can
 * say so (the CLI exits non-zero).
 */
export class ShutdownTimeoutError extends Error {
  constructor(
    /** The `shutdownTimeout` that ran out, in seconds. */
    readonly timeoutSeconds: number,
    /** How many connections were still open, and were cut. */
    readonly cut: number,
  ) {
    super(`graceful shutdown timed out after ${timeoutSeconds} s: ${cut} connection${cut === 1 ? '' : 's'} cut`);
    this.name = 'ShutdownTimeoutError';
  }
}
