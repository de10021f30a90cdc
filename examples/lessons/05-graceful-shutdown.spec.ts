// Lesson 05: graceful shutdown is `takeUntil`, and completion says when it is over.
//
// The story. On SIGINT, mini-redis stops accepting, tells every connection to finish
// (a broadcast channel), lets in-flight work complete, and waits for all of them (an
// mpsc channel whose closing means "everyone is done"). We need no extra channel for
// any of it: shutdown is an Observable (`shutdown$`, one value), and the rest is what
// RxJS does anyway when a stream completes.
//
//   src/server/server.ts      listen().pipe(takeUntil(shutdown$), ..., mergeMap(serveConnection, max))
//   src/server/connection.ts  chunk$.pipe(takeUntil(shutdown$), frames(decoder)) -> session() -> writeTo(socket)
//
// Follow one shutdown through it:
// 1. shutdown$ emits. The first `takeUntil` completes the stream of sockets: its
//    teardown closes the listener (lesson 01). No new connection is accepted.
// 2. In every connection, the second `takeUntil` completes the stream of incoming
//    bytes: nothing more is read. Requests already read are still in the pipeline and
//    are answered; a request only half received is dropped, never half run.
// 3. The input completing completes the session; the writer flushes what is queued,
//    closes the socket, and only then completes (src/server/writer.ts).
// 4. mergeMap completes when its source (the sockets) has completed AND every inner
//    Observable (the connections) has: so server() completes exactly when the last
//    connection is flushed and closed. startServer().close() resolves on that completion.
// So "is everything flushed?" needs no counter: completion propagates upward by itself.
//
// In the marble test below the whole server() runs on virtual time: the listener and
// the sockets are test doubles (see test-doubles.ts), everything between them is real.
//
// Exercises:
// 1. In src/server/connection.ts (connectionReplies), delete `takeUntil(shutdown$), ` from
//    the chunk$ pipe. Connections now only end when their clients leave: "the whole
//    server completes" loses its `|`, "the pipeline middle" never completes, and over
//    real TCP close() no longer resolves while a client is connected.
// 2. In src/server/server.ts, delete `takeUntil(shutdown$),` from the listen() pipe. The
//    listener is never closed, so the server never completes: "the whole server
//    completes" fails (no `|`, listener.closedAt undefined), and over real TCP close()
//    does not resolve (until the shutdown deadline of server.ts gives up on it).

import { map } from 'rxjs';
import { server } from '../../src/server/server';
import { connectionReplies } from '../../src/server/connection';
import { Db } from '../../src/db/db';
import { startServer, type RunningServer } from '../../src';
import { FakeNetServer, FakeSocket, newScheduler, Peer, resp, useFakeListener, within } from './test-doubles';

afterEach(() => jest.restoreAllMocks());

describe('lesson 05: graceful shutdown', () => {
  it('the whole server completes once every connection is answered, flushed and closed', () => {
    const scheduler = newScheduler();
    const clock = () => scheduler.now();
    const listener = new FakeNetServer(clock);
    useFakeListener(listener); // listen() now hands out our fake sockets
    const alice = new FakeSocket(clock, 1001);
    const bob = new FakeSocket(clock, 1002);
    const late = new FakeSocket(clock, 1003);
    const set = resp('SET', 'lesson05', 'half-sent');

    scheduler.run(({ cold, hot, expectObservable }) => {
      const shutdown$ = hot('------s');
      // Who connects when, and what they send:
      //   1: alice connects    2: alice sends PING
      //   3: bob connects      5: bob sends PING and the first half of a SET
      //   6: SHUTDOWN          9: a late client tries to connect
      cold('-a-b-----l').subscribe((who) => listener.accept(who === 'a' ? alice : who === 'b' ? bob : late));
      cold('--p--q').subscribe((what) =>
        what === 'p' ? alice.receive(resp('PING')) : bob.receive(resp('PING') + set.slice(0, 12)),
      );
      expectObservable(server({ port: 6379, shutdown$ })).toBe('------|');
    });

    expect(listener.closedAt).toBe(6); // step 1: no more accepting at 6
    expect(alice.output).toBe('+PONG\r\n'); // steps 2-3: what was read is answered...
    expect(bob.output).toBe('+PONG\r\n'); // ...the half SET is dropped, not run
    expect(alice.calls).toContain('6 end'); // ...and each socket closed after its last reply
    expect(bob.calls).toContain('6 end');
    expect(late.calls).toEqual([]); // never accepted, never read
  });

  it('the pipeline middle: what was read before shutdown$ is answered, then it completes', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const bytes = hot('-a--b-----c-|', { a: Buffer.from(resp('PING')), b: Buffer.from(resp('PING')), c: Buffer.from(resp('PING')) });
      const shutdown$ = hot('-------s');
      const replies$ = connectionReplies(bytes, new Db(), shutdown$).pipe(map((buffers) => Buffer.concat(buffers).toString()));
      // PONG at 1 and 4; completion at 7, the shutdown; the PING at 10 is never read.
      expectObservable(replies$).toBe('-a--b--|', { a: '+PONG\r\n', b: '+PONG\r\n' });
    });
  });

  describe('over real TCP', () => {
    let running: RunningServer;
    const peers: Peer[] = [];
    beforeEach(async () => {
      running = await startServer({ port: 0 });
    });
    afterEach(async () => {
      for (const peer of peers.splice(0)) peer.destroy();
      await running.close();
    });

    it('close() answers what it received, closes every connection, and resolves when they are closed', async () => {
      const busy = await Peer.connect(running.port);
      const idle = await Peer.connect(running.port);
      peers.push(busy, idle);
      busy.send(resp('PING'));
      await busy.waitFor('+PONG\r\n');
      busy.send(resp('SET', 'lesson05:k', 'v').slice(0, 10)); // half a request

      await within(running.close(), 'server.close() to resolve'); // the shutdown
      await within(Promise.all([busy.closed, idle.closed]), 'both connections to be closed by the server');
      expect(busy.received).toBe('+PONG\r\n'); // nothing more: the half SET got no reply
      expect(running.db.has('lesson05:k')).toBe(false);
    });
  });
});
