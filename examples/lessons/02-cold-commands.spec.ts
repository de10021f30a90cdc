// Lesson 02: the client's commands are cold Observables.
//
// The story. mini-redis's client has `async fn get(&mut self, key)`. Ours has
// `get(key): Observable<Buffer | null>` (src/client/client.ts), built on
// `Pipeline.command()` (src/client/pipeline.ts):
//
//   command(args, parse) {
//     return new Observable((subscriber) => {
//       this.pending.push({ subscriber, parse });   // wait for the next reply...
//       this.connection.write(args);                // ...and send the request: NOW
//     });
//   }
//
// The request is written inside the subscribe function, so it is written when, and
// each time, someone subscribes. That is what "cold" means: the Observable is a recipe
// for a request, not a request in flight. A Promise could not be that: a Promise is a
// request already sent.
//
// Why cold is the right default for a client:
// - building a command costs nothing; one never subscribed never reaches the wire;
// - `retry()` resubscribes, so a cold command is simply sent again;
// - `concat(a$, b$)` subscribes to b$ only when a$ completes: sequencing for free,
//   where `forkJoin([a$, b$])` subscribes to both at once (and they are pipelined,
//   lesson 11);
// - anyone who does want one request for many observers adds `share()` themselves.
// A command emits one value and completes; an error reply (`-ERR ...`) is the
// Observable's error, a RedisError.
//
// Exercises:
// 1. In src/client/client.ts, make call() share its reply: end it with
//    `.pipe(shareReplay(1))` (import shareReplay from 'rxjs'). "each subscription sends
//    the command again" fails: the second subscription gets the first reply (1) replayed,
//    and INCR runs once.
// 2. In src/client/client.ts get(), send eagerly: `const reply$ = this.pipeline.command(['GET', key],
//    nullableBytesReply); reply$.subscribe(); return reply$;`. "a command is sent when
//    subscribed, and each time" fails (GETs appear at frame 0, before anyone asked), and
//    so does "concat() sequences" (its GET leaves with the SET, not after its reply).

import { concat, firstValueFrom, retry } from 'rxjs';
import { Client } from '../../src/client/client';
import type { Connection } from '../../src/client/connection';
import type { FrameBatch } from '../../src/protocol/frames';
import { bulk, error, integer, OK } from '../../src/protocol/frame';
import { connect, startServer, type RunningServer } from '../../src';
import { fakeConnection, newScheduler } from './test-doubles';

describe('lesson 02: commands as cold Observables', () => {
  it('a command is sent when subscribed, and each time; one never subscribed is never sent', () => {
    const scheduler = newScheduler();
    const written: string[] = []; // "<frame> <command>", as the fake connection saw them
    scheduler.run(({ hot, expectObservable }) => {
      // The server's replies, as they would arrive on the socket.
      const replies$ = hot<FrameBatch>('-----a--b', { a: [bulk('one')], b: [bulk('two')] });
      const client = new Client(fakeConnection(replies$, written, () => scheduler.now()) as unknown as Connection);

      const get$ = client.get('k'); // frame 0: a recipe. Nothing is written.
      client.get('never'); // built and dropped: costs nothing on the wire

      // Two subscriptions, at frames 3 and 6: two GETs, each answered by its own reply.
      expectObservable(get$, '---^').toBe('-----(x|)', { x: Buffer.from('one') });
      expectObservable(get$, '------^').toBe('--------(y|)', { y: Buffer.from('two') });
    });
    expect(written).toEqual(['3 GET k', '6 GET k']);
  });

  it('retry() resubscribes, and resubscribing a cold command sends it again', () => {
    const scheduler = newScheduler();
    const written: string[] = [];
    scheduler.run(({ hot, expectObservable }) => {
      // The first answer is an error (Redis still loading its data), the second a value.
      const replies$ = hot<FrameBatch>('--a--b', { a: [error('LOADING Redis is loading the dataset in memory')], b: [integer(7)] });
      const client = new Client(fakeConnection(replies$, written, () => scheduler.now()) as unknown as Connection);
      expectObservable(client.call('INCR', 'n').pipe(retry(1))).toBe('-----(x|)', { x: integer(7) });
    });
    // Sent at 0; the error at 2 made retry() subscribe again, which sent it again.
    expect(written).toEqual(['0 INCR n', '2 INCR n']);
  });

  it('concat() sequences: the GET is not even sent before the SET has been answered', () => {
    const scheduler = newScheduler();
    const written: string[] = [];
    scheduler.run(({ hot, expectObservable }) => {
      const replies$ = hot<FrameBatch>('----a---b', { a: [OK], b: [bulk('v')] });
      const client = new Client(fakeConnection(replies$, written, () => scheduler.now()) as unknown as Connection);
      expectObservable(concat(client.set('k', 'v'), client.getString('k'))).toBe('----a---(b|)', { a: 'OK', b: 'v' });
    });
    expect(written).toEqual(['0 SET k v', '4 GET k']);
  });

  describe('over real TCP', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ port: 0 });
    });
    afterAll(() => server.close());

    it('each subscription sends the command again', async () => {
      const client = await connect({ port: server.port });
      const incr$ = client.call('INCR', 'lesson02:visits'); // one Observable...
      const first = await firstValueFrom(incr$); // ...subscribed once: INCR runs
      const second = await firstValueFrom(incr$); // ...and again: INCR runs again
      expect([first, second]).toEqual([integer(1), integer(2)]);

      client.set('lesson02:ghost', 'boo'); // never subscribed
      await firstValueFrom(client.ping()); // a round trip: anything sent before it is done
      expect(server.db.has('lesson02:ghost')).toBe(false);
      await client.close();
    });
  });
});
