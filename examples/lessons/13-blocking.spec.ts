// Lesson 13: a blocking command is a race between readiness and a timer; concatMap
// makes the connection wait for it, and nobody else.
//
// The story. BLPOP key 5 means "pop from key; if it is empty, wait up to 5 seconds for
// someone to push". In a thread-per-client server that is a thread asleep on a
// condition variable. Here nothing may sleep: one thread serves every connection. So the
// reply that is not there yet becomes what it is, a value in the future: an Observable.
// src/commands/blocking.ts builds it from three contenders,
//
//     race(
//       served$,       // each wake-up of a key (a Subject per key, in the Db) tries to pop
//       unblocked$,    // CLIENT UNBLOCK, from another connection
//       timer(ms, db.scheduler).pipe(map(() => NULL_ARRAY)),
//     ).pipe(take(1))
//
// and whichever emits first is the reply. `take(1)` then unsubscribes from all three:
// the waiter leaves the key's Subject (src/db/blocking.ts forgets the key when its last
// waiter goes), and the timer is cancelled. A Subject calls its observers in the order
// they subscribed, so the waiters of a key are served first come, first served, as
// Redis promises; a waiter that finds the key already emptied by the one before it just
// keeps waiting.
//
// When does a key wake its waiters? Not in the middle of the command that pushes: the
// Db only marks the key ready (Db.changed -> KeyReadiness.signal), and the session calls
// `db.serveBlocked()` once the command is done. An RPUSH of three elements wakes a
// BRPOP once, with all three there.
//
// The connection side is src/server/session.ts. Batches of requests run one at a time,
// in `concatMap`'s order: a batch whose BLPOP returns an Observable is not done until it
// emits, so the connection's later commands (the rest of the batch, and the batches
// after it) wait behind it, as in Redis. Every other connection has its own session and
// runs on. With `mergeMap` a blocked client's next command would overtake its BLPOP:
// the replies would come back out of order. The operator is `concatSync`
// (src/server/concat-sync.ts), concatMap specialised for a project that nearly always
// answers at once: a batch that does not block costs no inner Observable, and one that
// does makes the next batches queue behind its wait, exactly as concatMap's buffer.
//
// Finally, a client that disconnects while blocked. The session announces the end of its
// input (`ended$`), the wait is cut by `takeUntil(ended$)`, and the same teardown as
// above runs: the waiter leaves the queue, and the element it would have taken stays.
//
// Exercises:
// 1. In src/commands/blocking.ts (block), delete `take(1),`. "the winner ends the race"
//    fails: the reply comes, but the race never completes and the waiter stays on the
//    key. So does "a blocked connection's later commands wait behind it": its PING never
//    runs, because concatMap is still waiting for the BLPOP to complete.
// 2. In src/server/concat-sync.ts, make it mergeMap: in the source's `next`, replace
//    `if (inner !== undefined || queue.length > 0) queue.push(value); else run(value);`
//    by `run(value);`. "a blocked connection's later commands wait behind it" fails:
//    the PING is answered before the BLPOP, which Redis never does.
// 3. In src/server/session.ts (waitThenRun), delete `takeUntil(state.ended$),`. "a
//    client that disconnects while blocked takes nothing" fails: the gone client's wait
//    is still subscribed, and it swallows the element pushed after it left.

import { map } from 'rxjs';
import { block } from '../../src/commands/blocking';
import type { ConnectionContext } from '../../src/commands/command';
import { ClientInfo } from '../../src/commands/server-state';
import { Db } from '../../src/db/db';
import { NULL_ARRAY, bulk } from '../../src/protocol/frame';
import { session } from '../../src/server/session';
import { asText, batch, newTestScheduler } from '../../spec/support/marbles';

const popped = (key: string, value: string): string => `*2\r\n$${key.length}\r\n${key}\r\n$${value.length}\r\n${value}\r\n`;

/** Just enough of a connection for block(): the Db, and the client it marks as blocked. */
const contextOn = (db: Db): ConnectionContext =>
  ({ db, client: new ClientInfo(1, '', '', 0, () => undefined) }) as unknown as ConnectionContext;

describe('lesson 13: blocking is race + timer, held in order by concatMap', () => {
  it('the timer wins when nobody pushes: the timeout reply, at the timeout', () => {
    newTestScheduler().run(({ expectObservable }) => {
      const db = new Db();
      const reply$ = block(contextOn(db), { keys: ['k'], timeoutMs: 50, attempt: () => undefined, timeoutReply: NULL_ARRAY });
      expectObservable(reply$).toBe('50ms (t|)', { t: NULL_ARRAY });
    });
  });

  it('the winner ends the race: readiness first, the timer is cancelled, the waiter gone', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const queue: string[] = [];
      // attempt() is the command's own pop: it serves if it can, else answers undefined.
      const attempt = () => (queue.length > 0 ? bulk(queue.shift()!) : undefined);
      const reply$ = block(contextOn(db), { keys: ['k'], timeoutMs: 100, attempt, timeoutReply: NULL_ARRAY });
      // Someone "pushes" at 20: the Db marks the key ready, then serves after the command.
      hot('20ms p').subscribe(() => {
        queue.push('x');
        db.blocked.signal('k');
        db.serveBlocked();
      });
      expectObservable(reply$).toBe('20ms (x|)', { x: bulk('x') });
      expectObservable(hot('30ms w').pipe(map(() => db.blocked.waiters('k')))).toBe('30ms w', { w: 0 });
    });
  });

  it('waiters on a key are served in the order they blocked, one element each', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const first = hot('a', { a: batch('BLPOP', 'k', '0') });
      const second = hot('5ms a', { a: batch('BLPOP', 'k', '0') });
      const pusher = hot('10ms a', { a: batch('RPUSH', 'k', 'one', 'two') });
      expectObservable(asText(session(db, first))).toBe('10ms a', { a: popped('k', 'one') });
      expectObservable(asText(session(db, second))).toBe('10ms a', { a: popped('k', 'two') });
      expectObservable(asText(session(db, pusher))).toBe('10ms a', { a: ':2\r\n' });
    });
  });

  it("a blocked connection's later commands wait behind it; other connections run", () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const blocked = hot('a 4ms b', { a: batch('BLPOP', 'k', '0'), b: batch('PING') });
      const other = hot('10ms a 9ms b', { a: batch('PING'), b: batch('LPUSH', 'k', 'v') });
      expectObservable(asText(session(db, blocked))).toBe('20ms (ab)', { a: popped('k', 'v'), b: '+PONG\r\n' });
      expectObservable(asText(session(db, other))).toBe('10ms a 9ms b', { a: '+PONG\r\n', b: ':1\r\n' });
    });
  });

  it('a client that disconnects while blocked takes nothing', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const gone = hot('a 9ms |', { a: batch('BLPOP', 'k', '0') });
      const pusher = hot('20ms a', { a: [...batch('RPUSH', 'k', 'kept'), ...batch('LRANGE', 'k', '0', '-1')] });
      expectObservable(asText(session(db, gone))).toBe('10ms |');
      expectObservable(asText(session(db, pusher))).toBe('20ms a', { a: ':1\r\n*1\r\n$4\r\nkept\r\n' });
    });
  });
});
