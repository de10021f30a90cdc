// The connection pipeline, tested with marbles: no sockets, only streams.
//
// Because session() is a function from an Observable of request batches to an
// Observable of reply bytes, we can hand it hot or cold marble Observables and check
// what comes out, and when. Two stories are told here:
//
// 1. Graceful shutdown. In connection.ts the socket's bytes pass through
//    `takeUntil(shutdown$)` before `frames()`. Whatever arrived before the shutdown is
//    answered; then the input completes, the session completes, nothing comes after.
// 2. Pub/sub. A subscriber's channels are Observables from the Db merged with mergeMap.
//    Messages arrive in publish order, once each, until UNSUBSCRIBE ends that channel's
//    inner Observable (takeUntil) and the Db forgets the subscriber.

import { map, takeUntil } from 'rxjs';
import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { frames } from '../../src/protocol/frames';
import { decodeRequest } from '../../src/protocol/request';
import { asText, batch, newTestScheduler, request } from '../support/marbles';

const PONG = '+PONG\r\n';
const message = (channel: string, body: string) =>
  `*3\r\n$7\r\nmessage\r\n$${channel.length}\r\n${channel}\r\n$${body.length}\r\n${body}\r\n`;

describe('graceful shutdown', () => {
  it('answers what arrived before the shutdown, then completes; nothing after', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      // Bytes as the socket delivers them: PING at frames 1 and 4, PING at 10.
      const bytes = hot('-a--b-----c-|', { a: request('PING'), b: request('PING'), c: request('PING') });
      const shutdown = hot('-------s', { s: 'SIGTERM' });
      const replies = session(new Db(), bytes.pipe(takeUntil(shutdown), frames(decodeRequest)));
      // Replies at 1 and 4; completion at 7, the shutdown; the PING at 10 is never read.
      expectObservable(asText(replies)).toBe('-a--b--|', { a: PONG, b: PONG });
    });
  });

  it('a burst read in one chunk just before the shutdown is answered in full', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const burst = Buffer.concat(Array.from({ length: 100 }, () => request('PING')));
      const bytes = hot('--a-|', { a: burst });
      const shutdown = hot('--s', { s: 'SIGINT' });
      const replies = session(new Db(), bytes.pipe(takeUntil(shutdown), frames(decodeRequest)));
      // hot() emits `a` before `s` in the same frame, so the whole burst is answered
      // (as one write), and completion follows in that very frame.
      expectObservable(asText(replies)).toBe('--(a|)', { a: PONG.repeat(100) });
    });
  });

  it('a command cut in half by the shutdown is dropped, not half-run', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const set = request('SET', 'k', 'v');
      const bytes = hot('-a-b-|', { a: set.subarray(0, 10), b: set.subarray(10) });
      const shutdown = hot('--s');
      const db = new Db();
      const replies = session(db, bytes.pipe(takeUntil(shutdown), frames(decodeRequest)));
      expectObservable(asText(replies)).toBe('--|');
      expectObservable(hot('----x').pipe(map(() => db.has('k')))).toBe('----x', { x: false });
    });
  });

  it('QUIT completes the session after its +OK; later commands are not run', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a-b', { a: [...batch('QUIT'), ...batch('SET', 'k', 'v')], b: batch('PING') });
      const db = new Db();
      expectObservable(asText(session(db, requests))).toBe('(a|)', { a: '+OK\r\n' });
    });
  });
});

describe('pub/sub', () => {
  it('delivers messages in publish order, to every subscriber, once each', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const subscriber = hot('a', { a: batch('SUBSCRIBE', 'news') });
      // The second SUBSCRIBE to the same channel must not double the delivery.
      const other = hot('a-b', { a: batch('SUBSCRIBE', 'news'), b: batch('SUBSCRIBE', 'news') });
      const publisher = hot('---a-b-c', {
        a: batch('PUBLISH', 'news', 'one'),
        b: batch('PUBLISH', 'news', 'two'),
        c: batch('PUBLISH', 'elsewhere', 'three'),
      });
      const subscribed = '*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n';
      expectObservable(asText(session(db, subscriber))).toBe('a--b-c', {
        a: subscribed,
        b: message('news', 'one'),
        c: message('news', 'two'),
      });
      expectObservable(asText(session(db, other))).toBe('a-bc-d', {
        a: subscribed,
        b: subscribed, // still one subscription
        c: message('news', 'one'),
        d: message('news', 'two'),
      });
      // PUBLISH answers with the number of receivers: 2 subscribers, then nobody.
      expectObservable(asText(session(db, publisher))).toBe('---a-b-c', { a: ':2\r\n', b: ':2\r\n', c: ':0\r\n' });
    });
  });

  it('UNSUBSCRIBE ends the channel (takeUntil) and the Db forgets the subscriber', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const subscriber = hot('a---b', { a: batch('SUBSCRIBE', 'x', 'y'), b: batch('UNSUBSCRIBE', 'x') });
      const publisher = hot('--ab--c', {
        a: batch('PUBLISH', 'x', '1'),
        b: batch('PUBLISH', 'y', '2'),
        c: [...batch('PUBLISH', 'x', '3'), ...batch('PUBLISH', 'y', '4')],
      });
      expectObservable(asText(session(db, subscriber))).toBe('a-bcd-e', {
        a: '*3\r\n$9\r\nsubscribe\r\n$1\r\nx\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\ny\r\n:2\r\n',
        b: message('x', '1'),
        c: message('y', '2'),
        d: '*3\r\n$11\r\nunsubscribe\r\n$1\r\nx\r\n:1\r\n',
        e: message('y', '4'), // x's message (3) is not delivered any more
      });
      expectObservable(asText(session(db, publisher))).toBe('--ab--c', { a: ':1\r\n', b: ':1\r\n', c: ':0\r\n:1\r\n' });
      expectObservable(hot('-----z').pipe(map(() => [db.subscribers('x'), db.subscribers('y')]))).toBe('-----z', {
        z: [0, 1],
      });
    });
  });

  it('in subscribed mode PING answers ["pong", ""] and other commands are refused', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a-b-c-d', {
        a: batch('SUBSCRIBE', 'c'),
        b: batch('PING'),
        c: batch('GET', 'k'),
        d: batch('UNSUBSCRIBE'),
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a-b-c-d', {
        a: '*3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n',
        b: '*2\r\n$4\r\npong\r\n$0\r\n\r\n',
        c: "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n",
        d: '*3\r\n$11\r\nunsubscribe\r\n$1\r\nc\r\n:0\r\n',
      });
    });
  });

  it('when the connection ends, its subscriptions are torn down', () => {
    newTestScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const db = new Db();
      const requests = cold('a--|', { a: batch('SUBSCRIBE', 'x') });
      expectObservable(asText(session(db, requests))).toBe('a--|', {
        a: '*3\r\n$9\r\nsubscribe\r\n$1\r\nx\r\n:1\r\n',
      });
      // The input was subscribed from 0 to its completion at 3...
      expectSubscriptions(requests.subscriptions).toBe('^--!');
      // ...and by then the channel has no subscriber left.
      expectObservable(hot('-a--b').pipe(map(() => db.subscribers('x')))).toBe('-a--b', { a: 1, b: 0 });
    });
  });

  // The server's Db delivers messages once per turn (deliverLater). A subscribed
  // connection whose command runs after a PUBLISH in the same turn must still see the
  // message first, as Redis (which runs commands one by one) would send it. Here the
  // "turn" never ends on its own: only the session's own delivery can bring the message.
  it('a subscribed connection receives what was published before its command, before its reply', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db({ deliverLater: () => undefined });
      const publisher = hot('---a', { a: batch('PUBLISH', 'news', 'one') });
      const subscriber = hot('a--b', { a: batch('SUBSCRIBE', 'news'), b: batch('PING') });
      // The publisher is subscribed to first, so at frame 3 its PUBLISH runs first.
      expectObservable(asText(session(db, publisher))).toBe('---a', { a: ':1\r\n' });
      expectObservable(asText(session(db, subscriber))).toBe('a--(bc)', {
        a: '*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n',
        b: message('news', 'one'),
        c: '*2\r\n$4\r\npong\r\n$0\r\n\r\n',
      });
    });
  });
});
