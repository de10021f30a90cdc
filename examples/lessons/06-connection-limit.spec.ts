// Lesson 06: the connection limit is mergeMap's `concurrent` argument.
//
// The story. mini-redis caps the connections it serves at once with a Semaphore: take
// a permit before serving a socket, give it back when the connection ends; at the
// limit, the accept loop waits for a permit. We have the same semaphore, built in, in
// the operator that already turns each socket into a running connection
// (src/server/server.ts):
//
//   listen(...).pipe(
//     takeUntil(shutdown$),
//     admit(...),                                                  // maxclients: refuse beyond it
//     mergeMap((socket) => serveConnection(socket, ...), maxConnections),
//   )
//
// `mergeMap(project, concurrent)` subscribes to at most `concurrent` inner Observables at
// a time. When a socket arrives and all slots are taken, mergeMap keeps it in its
// buffer, unsubscribed; when an inner completes (a connection closed), the oldest
// buffered socket gets the slot. Nothing needs to count permits, and a permit cannot
// leak: completion, error and unsubscription all free the slot.
//
// The waiting socket is accepted but not read. Sockets are accepted paused
// (`pauseOnConnect` in listen.ts) and only fromSocket(), which runs when the connection
// is served, resumes them: the bytes a waiting client sends stay in the kernel until
// its turn comes. It is not refused (that is `maxclients`, admit()): it just waits.
//
// Exercise:
// 1. In src/server/server.ts, delete mergeMap's second argument (`options.maxConnections
//    ?? DEFAULT_MAX_CONNECTIONS`): mergeMap without a limit. Both tests fail: Carol is
//    resumed at frame 3 instead of 6, and over real TCP the second client is answered
//    while the first is still connected.

import { server } from '../../src/server/server';
import { startServer, type RunningServer } from '../../src';
import { FakeNetServer, FakeSocket, newScheduler, Peer, resp, useFakeListener, within } from './test-doubles';

afterEach(() => jest.restoreAllMocks());

/** When (at which frames) the server resumed, i.e. started reading, a socket. */
const resumedAt = (socket: FakeSocket): number[] =>
  socket.calls.filter((call) => call.endsWith(' resume')).map((call) => Number(call.split(' ')[0]));

describe('lesson 06: mergeMap(serve, max) as a semaphore', () => {
  it('beyond the limit a socket waits, unread, until a served connection ends', () => {
    const scheduler = newScheduler();
    const clock = () => scheduler.now();
    const listener = new FakeNetServer(clock);
    useFakeListener(listener); // listen() now hands out our fake sockets
    const alice = new FakeSocket(clock, 1001);
    const bob = new FakeSocket(clock, 1002);
    const carol = new FakeSocket(clock, 1003);

    scheduler.run(({ cold, hot, expectObservable }) => {
      // 1, 2, 3: Alice, Bob, Carol connect. 4: Carol sends PING (into the kernel: she waits).
      // 6: Alice hangs up. 9: shutdown.
      cold('-abc').subscribe((who) => listener.accept(who === 'a' ? alice : who === 'b' ? bob : carol));
      cold('----p-q').subscribe((what) => (what === 'p' ? carol.receive(resp('PING')) : alice.hangUp()));
      expectObservable(server({ port: 6379, maxConnections: 2, shutdown$: hot('---------s') })).toBe('---------|');
    });

    expect(resumedAt(alice)).toEqual([1]); // served at once
    expect(resumedAt(bob)).toEqual([2]); // served at once: 2 slots
    expect(resumedAt(carol)).toEqual([6]); // served when Alice's slot was freed
    expect(carol.output).toBe('+PONG\r\n'); // her PING waited for her turn, then was answered
  });

  describe('over real TCP', () => {
    let running: RunningServer;
    const peers: Peer[] = [];
    beforeEach(async () => {
      running = await startServer({ port: 0, maxConnections: 1 });
    });
    afterEach(async () => {
      for (const peer of peers.splice(0)) peer.destroy();
      await running.close();
    });

    it('with maxConnections 1, a second client is answered only once the first has left', async () => {
      const first = await Peer.connect(running.port);
      peers.push(first);
      first.send(resp('PING'));
      await first.waitFor('+PONG\r\n');

      const second = await Peer.connect(running.port); // accepted by the kernel...
      peers.push(second);
      second.send(resp('ECHO', 'second')); // ...and its request sent
      // Round trips on the first connection: the server is busy serving it, not stuck.
      for (let i = 0; i < 3; i++) first.send(resp('PING'));
      await first.waitFor('+PONG\r\n', 4);
      expect(second.received).toBe(''); // not read, so not answered

      first.send(resp('QUIT')); // the first leaves: its slot goes to the second
      await within(first.closed, 'the first connection to close');
      await second.waitFor('$6\r\nsecond\r\n');
    });
  });
});
