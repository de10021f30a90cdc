// Lesson 03: state shared across connections, and why there is no mutex.
//
// The story. Every connection works on the same Db (src/db/db.ts): server() creates
// one and hands it to each connection's session. In mini-redis the Db sits behind a
// `std::sync::Mutex`, because Tokio runs connection tasks on several threads at once.
// Here there is no lock anywhere, and the lesson is why none is needed.
//
// JavaScript runs our code on one thread, and a piece of synchronous code runs to its
// end before any other callback (another connection's data, a timer) can start. In
// src/server/session.ts a batch of requests runs in a plain loop,
//
//   for (const request of batch) { const replies = execute(request, state); ... }
//
// and every command's `apply` is synchronous: it reads the Db, computes, writes the
// Db, returns a reply, with no `await` in between. So a command is atomic for free:
// INCR's read-add-write can never interleave with another connection's INCR.
//
// What WOULD need a lock (or Redis's MULTI/WATCH) is a critical section that spans an
// asynchronous gap: read now, write after an `await`. The last test does exactly that
// from the client side (GET, then SET of the value plus one, from two clients at once)
// and loses an update, while INCR, one synchronous command, loses none. The rule for
// contributors follows: never put an `await` (or a callback) between reading and
// writing the Db inside a command.
//
// Exercises:
// 1. In src/server/server.ts, give every connection its own keyspace: in the mergeMap,
//    pass `new Db()` instead of `db` to serveConnection. "a SET on one connection is
//    seen by a GET on another" fails (null): state is no longer shared.
// 2. In src/commands/strings/counter.ts (end of incrementBy), make the write
//    asynchronous, as an `await` inside the command would: replace
//    `if (entry === undefined) db.set(key, stored); else entry.value = stored;` by
//    `queueMicrotask(() => db.set(key, stored));`. "two connections INCR at the same
//    instant" fails: the INCRs all read the same old value, and updates are lost.

import { type Observable, firstValueFrom, map } from 'rxjs';
import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { command, type Frame } from '../../src/protocol/frame';
import { encode } from '../../src/protocol/encode';
import type { FrameBatch } from '../../src/protocol/frames';
import { connect, startServer, type RunningServer } from '../../src';
import { newScheduler } from './test-doubles';

/** A batch of requests, as frames() hands them to the session. */
const batch = (...commands: string[][]): Frame[] => commands.map((args) => command(...args));

/** What a session writes, as text. */
const text = (output$: Observable<readonly Buffer[]>) => output$.pipe(map((buffers) => Buffer.concat(buffers).toString('latin1')));

describe('lesson 03: one Db shared by every connection, with no lock', () => {
  it('a SET on one connection is seen by the next GET on another', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const db = new Db(); // one Db...
      const alice = hot<FrameBatch>('-a', { a: batch(['SET', 'greeting', 'hello']) });
      const bob = hot<FrameBatch>('--b', { b: batch(['GET', 'greeting']) });
      expectObservable(text(session(db, alice))).toBe('-a', { a: '+OK\r\n' }); // ...two sessions
      expectObservable(text(session(db, bob))).toBe('--b', { b: '$5\r\nhello\r\n' });
    });
  });

  it('two connections INCR at the same instant: every command runs to its end, none is lost', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const incrs = (n: number): Frame[] => batch(...Array.from({ length: n }, () => ['INCR', 'counter']));
      // At frame 1, both connections deliver a burst of 500 INCRs; at 2, Alice reads the total.
      const alice = hot<FrameBatch>('-a-g', { a: incrs(500), g: batch(['GET', 'counter']) });
      const bob = hot<FrameBatch>('-b', { b: incrs(500) });
      const replies = (from: number, n: number): string =>
        Array.from({ length: n }, (_, i) => encode({ type: 'integer', value: from + i }).toString('latin1')).join('');
      // Alice's burst ran first (her input was subscribed first), then Bob's: 1..500, 501..1000.
      expectObservable(text(session(db, alice))).toBe('-a-g', { a: replies(1, 500), g: '$4\r\n1000\r\n' });
      expectObservable(text(session(db, bob))).toBe('-b', { b: replies(501, 500) });
    });
  });

  describe('over real TCP', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ port: 0 });
    });
    afterAll(() => server.close());

    it('a SET on one connection is seen by a GET on another', async () => {
      const [alice, bob] = await Promise.all([connect({ port: server.port }), connect({ port: server.port })]);
      await firstValueFrom(alice.set('lesson03:shared', 'yes'));
      expect(await firstValueFrom(bob.getString('lesson03:shared'))).toBe('yes');
      await Promise.all([alice.close(), bob.close()]);
    });

    it('a read-modify-write split over two round trips loses an update; INCR does not', async () => {
      const key = 'lesson03:visits';
      const [alice, bob] = await Promise.all([connect({ port: server.port }), connect({ port: server.port })]);
      await firstValueFrom(alice.set(key, '0'));

      // Both read, and both replies are in before either writes: the "await" gap.
      const [a, b] = await Promise.all([firstValueFrom(alice.getString(key)), firstValueFrom(bob.getString(key))]);
      await Promise.all([firstValueFrom(alice.set(key, String(Number(a) + 1))), firstValueFrom(bob.set(key, String(Number(b) + 1)))]);
      expect(await firstValueFrom(alice.getString(key))).toBe('1'); // two visits, counted once

      // The same two visits as INCR: read, add and write happen inside one command.
      await Promise.all([firstValueFrom(alice.call('INCR', key)), firstValueFrom(bob.call('INCR', key))]);
      expect(await firstValueFrom(alice.getString(key))).toBe('3');
      await Promise.all([alice.close(), bob.close()]);
    });
  });
});
