// Blocking commands (BLPOP, BRPOP, BLMOVE, BLMPOP, BZPOPMIN, BZPOPMAX, BZMPOP): a reply
// that is not there yet. When the keys cannot serve at once, the command's `apply`
// returns `block(...)`: an Observable of its eventual reply, and the session holds the
// connection's later commands until it emits (src/server/session.ts, `concatMap`).
//
// RxJS patterns shown: `race` + `timer` + `take(1)`. The reply is whichever comes first:
//   - the keys becoming able to serve: each wake-up of a key (Db.blocked.whenReady, a
//     Subject per key, fired after the command that wrote it) runs `attempt`, which pops
//     and answers, or answers undefined and keeps waiting (another waiter took it first,
//     or the key holds another type now);
//   - the timeout: a `timer` on the Db's scheduler, so tests run it on virtual time;
//   - CLIENT UNBLOCK, from another connection.
// `take(1)` ends the race with its first value, and its teardown unsubscribes from
// everything: the waiter leaves every key's queue, the timer is cancelled. The same
// teardown runs when the client disconnects while blocked (the session unsubscribes),
// so a gone client never swallows an element.

import { Observable, SchedulerLike, Subject, concatMap, defer, filter, finalize, map, merge, race, take, timer } from 'rxjs';
import type { Frame } from '../protocol/frame';
import { X87_EXTENDED, parseLongDouble } from './strings/long-double';
import { ConnectionContext, ReplyError, Replies } from './command';

/** What a blocking command waits for. */
export interface BlockOptions {
  /** The keys whose readiness may serve it (each one is waited on once, whatever the repeats). */
  readonly keys: readonly string[];
  /** How long to wait, in milliseconds; 0 waits forever. */
  readonly timeoutMs: number;
  /**
   * Tries to serve: pops (or moves) and returns the reply, having called `db.changed` on
   * what it modified; or returns undefined to keep waiting. Called after a command made
   * one of the keys ready, in the order the clients blocked, with that key (`woken`):
   * Redis serves a waiter from the key that became ready, not from the first of its keys.
   */
  readonly attempt: (woken: string) => Replies | undefined;
  /** The reply when the time is up (or on CLIENT UNBLOCK ... TIMEOUT): Redis's null array. */
  readonly timeoutReply: Frame;
  /**
   * The reply inside EXEC, where nothing blocks, when it is not `timeoutReply`: BLMOVE
   * and BRPOPLPUSH answer a null bulk there (Redis's CLIENT_DENY_BLOCKING branch).
   */
  readonly deniedReply?: Frame;
}

/**
 * A blocking command's reply that is already there (inside EXEC). It is an Observable
 * only so that `block()` keeps one return type; EXEC takes `reply` straight from it.
 */
export class Answered extends Observable<Replies> {
  constructor(readonly reply: Replies) {
    super((subscriber) => {
      subscriber.next(reply);
      subscriber.complete();
    });
  }
}

const UNBLOCKED: Frame = { type: 'error', value: 'UNBLOCKED client unblocked via CLIENT UNBLOCK' };

// setTimeout cannot wait longer than 2^31-1 ms (a longer delay fires at once): a longer
// timeout is a chain of shorter timers.
const MAX_DELAY = 2 ** 31 - 1;
function deadline(ms: number, scheduler: SchedulerLike): Observable<unknown> {
  if (ms <= MAX_DELAY) return timer(ms, scheduler);
  return timer(MAX_DELAY, scheduler).pipe(concatMap(() => deadline(ms - MAX_DELAY, scheduler)));
}

/**
 * The reply of a blocking command that could not serve at once: an Observable that emits
 * it once (served, timed out, or unblocked) and completes. While it is subscribed the
 * client shows as blocked (CLIENT LIST `flags=b`, INFO `blocked_clients`).
 *
 * Inside EXEC a command never blocks (Redis's CLIENT_DENY_BLOCKING): the answer is the
 * timeout reply at once, an {@link Answered} that EXEC reads without subscribing; no
 * waiter, no timer, no `blocked` flag.
 */
export function block(context: ConnectionContext, options: BlockOptions): Observable<Replies> {
  if (context.transaction?.executing === true) return new Answered(options.deniedReply ?? options.timeoutReply);
  const { db, client } = context;
  return defer(() => {
    const unblocked$ = new Subject<Replies>();
    client.blocked = true;
    client.blockedWithTimeout = options.timeoutMs !== 0;
    client.unblock = (withError) => unblocked$.next(withError ? UNBLOCKED : options.timeoutReply);
    const keys = [...new Set(options.keys)];
    const served$ = merge(...keys.map((key) => db.blocked.whenReady(key).pipe(map(() => key)))).pipe(
      map((woken) => options.attempt(woken)),
      filter((reply): reply is Replies => reply !== undefined),
    );
    const timedOut$ = options.timeoutMs === 0 ? [] : [deadline(options.timeoutMs, db.scheduler).pipe(map(() => options.timeoutReply))];
    return race(served$, unblocked$, ...timedOut$).pipe(
      take(1),
      finalize(() => {
        client.blocked = false;
        client.unblock = undefined;
      }),
    );
  });
}

const NOT_A_FLOAT = new ReplyError('ERR timeout is not a float or out of range');
const NEGATIVE = new ReplyError('ERR timeout is negative');
const LLONG_MAX = 2n ** 63n - 1n;

/**
 * A blocking command's timeout in milliseconds, as Redis 7.0 reads it
 * (getTimeoutFromObjectOrReply): a float number of seconds in strtold's syntax, times
 * 1000, rounded up (`ceill`) to an integer; negative is refused. So 0.0001 s waits 1 ms,
 * and a tiny negative such as -0.0001 rounds up to 0: no timeout at all, as in Redis.
 */
export function parseTimeout(arg: Buffer): number | ReplyError {
  const value = parseLongDouble(arg, X87_EXTENDED);
  if (value === null || value.kind === 'nan') return NOT_A_FLOAT;
  // (long long) of an infinity is out of range in C: x86-64 turns it into LLONG_MIN, so
  // Redis says "negative". The same goes for any finite value past 2^63 ms.
  if (value.kind === 'infinite') return NEGATIVE;
  // seconds * 1000 as C computes it in long double: the product rounded to the 64-bit
  // mantissa (to nearest, ties to even); then ceill. Without that rounding a product a
  // hair above a whole number of ms (a decimal fraction read in binary) would be a
  // millisecond longer than Redis's.
  let scaled = value.mantissa * 1000n;
  let exponent = value.exponent;
  const excess = scaled.toString(2).length - X87_EXTENDED.precision;
  if (excess > 0) {
    const unit = 1n << BigInt(excess);
    const remainder = scaled % unit;
    scaled /= unit;
    const half = unit / 2n;
    if (remainder > half || (remainder === half && scaled % 2n === 1n)) scaled += 1n;
    exponent += excess;
  }
  let whole: bigint;
  let fraction = false;
  if (exponent >= 0) whole = scaled << BigInt(exponent);
  else {
    whole = scaled >> BigInt(-exponent);
    fraction = whole << BigInt(-exponent) !== scaled;
  }
  if (value.negative) {
    // ceil(-x) = -floor(x): a negative value whose floor is 0 rounds up to 0.
    if (whole === 0n) return 0;
    return NEGATIVE;
  }
  const ms = fraction ? whole + 1n : whole;
  if (ms > LLONG_MAX) return NEGATIVE;
  return Number(ms);
}
