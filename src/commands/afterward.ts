// Waiting for what a command needs before it can run (its `prepare`, see CommandSpec):
// the Lua engine's one-time load, for EVAL and the other scripting commands.
//
// RxJS pattern shown: sequencing a synchronous step after an asynchronous one. `last()`
// waits for the resource's Observable to complete (whatever it emitted), `concatMap`
// then runs the command (itself answering at once, or an Observable of its reply), and
// `catchError` turns a failed load into the command's error reply, so the connection
// goes on. The session waits for the result as it waits for a blocked command's.

import { Observable, catchError, concatMap, last, of } from 'rxjs';
import type { Replies } from './command';
import { oneLine } from '../protocol/one-line';

/**
 * `then` once `needed$` has completed: how a command waits for what its `prepare` named.
 * A failure (the engine could not load) becomes the command's error reply.
 */
export function afterward(needed$: Observable<unknown>, then: () => Replies | Observable<Replies>): Observable<Replies> {
  return needed$.pipe(
    last(undefined, undefined),
    concatMap(() => {
      const replies = then();
      return replies instanceof Observable ? replies : of(replies);
    }),
    catchError((error: unknown) => of<Replies>({ type: 'error', value: oneLine(`ERR ${error instanceof Error ? error.message : String(error)}`) })),
  );
}
