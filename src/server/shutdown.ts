// Shutdown as an Observable: process signals become values. The first SIGINT or
// SIGTERM starts a graceful shutdown; a second one means "now", and exits at once.

import { Observable, fromEvent, merge, map } from 'rxjs';

export type ShutdownSignal = 'SIGINT' | 'SIGTERM';

/** Emits the name of each SIGINT / SIGTERM the process receives. */
export function signals(names: readonly ShutdownSignal[] = ['SIGINT', 'SIGTERM']): Observable<ShutdownSignal> {
  return merge(...names.map((name) => fromEvent(process, name).pipe(map(() => name))));
}
