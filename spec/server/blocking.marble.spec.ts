// Blocking commands through session(), on virtual time: BLPOP is a race between the
// key's readiness and a timer on the Db's scheduler, and the session's concatMap holds
// the connection's later commands until it is over. Each test is a few connections
// (hot marble streams of request batches) sharing one Db, and what each receives, when.
//
// What must hold, as in Redis:
// - a timeout answers the null array at the timeout, not before;
// - a push wakes the waiter at once, after the pushing command is done;
// - waiters are served in the order they blocked, one element each;
// - a waiter that disconnects leaves the queue and takes nothing;
// - a shutdown while blocked ends the connection without a reply;
// - the blocked connection's later commands wait; other connections do not.

import { map, takeUntil } from 'rxjs';
import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { frames } from '../../src/protocol/frames';
import { decodeRequest } from '../../src/protocol/request';
import { asText, batch, newTestScheduler, request } from '../support/marbles';

const NULL_ARRAY = '*-1\r\n';
const popped = (key: string, value: string): string => `*2\r\n$${key.length}\r\n${key}\r\n$${value.length}\r\n${value}\r\n`;

describe('BLPOP as a race between readiness and a timer', () => {
  it('times out with the null array at the timeout (0.1 s = 100 virtual ms)', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const a = hot('a', { a: batch('BLPOP', 'k', '0.1') });
      expectObservable(asText(session(new Db(), a))).toBe('100ms a', { a: NULL_ARRAY });
    });
  });

  it('RESP3: the timeout reply is a null', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const a = hot('a', { a: [...batch('HELLO', '3'), ...batch('BLPOP', 'k', '0.01')] });
      const replies = asText(session(new Db(), a)).pipe(map((text) => (text.startsWith('%') ? 'hello' : text)));
      expectObservable(replies).toBe('a 9ms b', { a: 'hello', b: '_\r\n' });
    });
  });

  it('is woken by a push from another connection, before its timeout', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const a = hot('a', { a: batch('BLPOP', 'k', '1') });
      const b = hot('50ms b', { b: batch('RPUSH', 'k', 'x') });
      expectObservable(asText(session(db, a))).toBe('50ms a', { a: popped('k', 'x') });
      expectObservable(asText(session(db, b))).toBe('50ms b', { b: ':1\r\n' });
    });
  });

  it('serves two waiters in the order they blocked, one element each', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const first = hot('a', { a: batch('BLPOP', 'k', '0') });
      const second = hot('10ms a', { a: batch('BLPOP', 'k', '0') });
      const pusher = hot('50ms a 9ms b', { a: batch('RPUSH', 'k', 'one'), b: batch('RPUSH', 'k', 'two') });
      expectObservable(asText(session(db, first))).toBe('50ms a', { a: popped('k', 'one') });
      expectObservable(asText(session(db, second))).toBe('60ms a', { a: popped('k', 'two') });
      expectObservable(asText(session(db, pusher))).toBe('50ms a 9ms b', { a: ':1\r\n', b: ':1\r\n' });
    });
  });

  it('wakes a waiter once the pushing command is done: all its elements are there', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const waiter = hot('a', { a: batch('BRPOP', 'k', '0') });
      const pusher = hot('5ms a', { a: [...batch('RPUSH', 'k', '1', '2', '3'), ...batch('LLEN', 'k')] });
      // BRPOP takes the last of the three, and LLEN (run after the waiter was served) sees two.
      expectObservable(asText(session(db, waiter))).toBe('5ms a', { a: popped('k', '3') });
      expectObservable(asText(session(db, pusher))).toBe('5ms a', { a: ':3\r\n:2\r\n' });
    });
  });

  it('a waiter that disconnects leaves the queue and swallows nothing', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const gone = hot('a 19ms |', { a: batch('BLPOP', 'k', '0') });
      const pusher = hot('50ms a', { a: [...batch('RPUSH', 'k', 'x'), ...batch('LLEN', 'k')] });
      // The session ends with its input, with no reply, at 20.
      expectObservable(asText(session(db, gone))).toBe('20ms |');
      // Nobody was waiting any more: the element stays in the list.
      expectObservable(asText(session(db, pusher))).toBe('50ms a', { a: ':1\r\n:1\r\n' });
      expectObservable(hot('60ms x').pipe(map(() => db.blocked.waiters('k')))).toBe('60ms x', { x: 0 });
    });
  });

  it('a shutdown while blocked ends the connection without a reply', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const bytes = hot('a', { a: request('BLPOP', 'k', '0') });
      const shutdown = hot('30ms s');
      expectObservable(asText(session(db, bytes.pipe(takeUntil(shutdown), frames(decodeRequest))))).toBe('30ms |');
    });
  });

  it("holds the blocked connection's later commands, not anyone else's", () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      // Two commands pipelined behind the BLPOP, one in the same batch, one later.
      const blocked = hot('a 9ms b', { a: [...batch('BLPOP', 'k', '0'), ...batch('PING')], b: batch('ECHO', 'after') });
      const other = hot('20ms a 19ms b', { a: batch('PING'), b: batch('LPUSH', 'k', 'v') });
      // At 40 the BLPOP is served and the rest of its batch runs (one write), then the
      // batch that came later (a second write, in the same frame).
      expectObservable(asText(session(db, blocked))).toBe('40ms (ab)', {
        a: `${popped('k', 'v')}+PONG\r\n`,
        b: '$5\r\nafter\r\n',
      });
      expectObservable(asText(session(db, other))).toBe('20ms a 19ms b', { a: '+PONG\r\n', b: ':1\r\n' });
    });
  });

  it('the replies before the blocking command in a batch go out at once', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const a = hot('a', { a: [...batch('PING'), ...batch('BLPOP', 'k', '0.05')] });
      expectObservable(asText(session(new Db(), a))).toBe('a 49ms b', { a: '+PONG\r\n', b: NULL_ARRAY });
    });
  });
});
