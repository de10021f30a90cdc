// Lesson 01: a TCP server is an Observable of sockets.
//
// The story. Node gives us a `net.Server`: an event emitter that says 'connection' each
// time a client connects. mini-redis writes an `accept` loop; we write nothing of the
// sort. src/server/listen.ts wraps the server in an Observable, once, at the edge:
//
//   new Observable<Socket>((subscriber) => {
//     const server = net.createServer(...);
//     server.on('connection', (socket) => subscriber.next(socket));   // each client is a value
//     server.listen(port, host, ...);                                  // subscribing starts it
//     return () => server.close();                                     // unsubscribing stops it
//   })
//
// From then on "the clients of this server" is a value like any other: it can be piped
// through `mergeMap` (lesson 06), cut short by `takeUntil` (lesson 05), or tested with
// marbles, as below. Two rules of the Observable contract do the lifecycle work:
// - nothing happens until someone subscribes (no port is bound by merely calling listen());
// - the function returned by the subscribe function is the teardown: it runs when the
//   subscriber unsubscribes, or when the stream completes or errors. Closing the
//   listener lives there, so no caller can forget it.
//
// Errors: before the port is bound (EADDRINUSE) the server cannot exist, so that is the
// Observable's error. After, an accept error (EMFILE: out of file descriptors) only
// costs one client: it is logged and the stream goes on, as mini-redis does.
//
// Marble notation, used in every lesson. A marble string is a timeline, one character
// per frame (1 ms of virtual time): `-` nothing happens, a letter is a value, `|` is
// completion, `#` an error, `(ab)` values in the same frame. In a subscription marble,
// `^` is the subscription and `!` the unsubscription. `TestScheduler.run` runs all of
// it on virtual time, synchronously: no test here waits for real time to pass.
//
// Exercises (make the change in src/, run `npm run lessons`, watch it fail, revert):
// 1. In src/server/listen.ts, delete `server.close();` from the teardown. Three tests
//    fail: the fake listener is never closed (closedAt stays undefined), and over real
//    TCP a third client still connects after take(2) is done.
// 2. In src/server/listen.ts, make every 'error' fatal: replace the whole `if (!listening)
//    ... else ...` by `subscriber.error(err);`. "an accept error after listening is
//    survived" fails: the stream errors at frame 3 instead of going on.

import net from 'node:net';
import { firstValueFrom, map, take, toArray } from 'rxjs';
import { listen } from '../../src/server/listen';
import { log } from '../../src/log';
import { FakeNetServer, FakeSocket, newScheduler, useFakeListener } from './test-doubles';

afterEach(() => jest.restoreAllMocks());

describe('lesson 01: a TCP server as an Observable of sockets', () => {
  it('each accepted connection is a value; unsubscribing closes the listener', () => {
    const scheduler = newScheduler();
    const listener = new FakeNetServer(() => scheduler.now());
    useFakeListener(listener);
    scheduler.run(({ cold, expectObservable }) => {
      const alice = new FakeSocket(undefined, 1001);
      const bob = new FakeSocket(undefined, 1002);
      // Clients connect at frames 2 and 6.
      cold('--a---b').subscribe((who) => listener.accept(who === 'a' ? alice : bob));

      const sockets$ = listen({ port: 6379, host: '127.0.0.1' });
      // We look at each socket's port to tell them apart, and leave at frame 9.
      expectObservable(sockets$.pipe(map((socket) => socket.remotePort)), '^--------!').toBe('--a---b', {
        a: 1001,
        b: 1002,
      });
    });
    // The teardown ran at the unsubscription: the listener was closed at frame 9.
    expect(listener.closedAt).toBe(9);
  });

  it('nothing listens until someone subscribes', () => {
    const listener = new FakeNetServer();
    useFakeListener(listener);
    const sockets$ = listen({ port: 6379, host: '127.0.0.1' });
    expect(listener.listening).toBe(false); // a recipe, not a running server
    const subscription = sockets$.subscribe();
    expect(listener.listening).toBe(true);
    subscription.unsubscribe();
    expect(listener.closedAt).toBeDefined();
  });

  it('an error before the port is bound is the stream\'s error', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const listener = new FakeNetServer();
      listener.deferListening = true; // the port is never bound...
      useFakeListener(listener);
      const inUse = new Error('listen EADDRINUSE: address already in use 127.0.0.1:6379');
      cold('-e').subscribe(() => listener.emit('error', inUse)); // ...an error comes first
      expectObservable(listen({ port: 6379, host: '127.0.0.1' })).toBe('-#', undefined, inUse);
    });
  });

  it('an accept error after listening is survived: logged, and the next client still arrives', () => {
    const warn = jest.spyOn(log, 'warn').mockImplementation(() => undefined);
    newScheduler().run(({ cold, expectObservable }) => {
      const listener = new FakeNetServer();
      useFakeListener(listener);
      const client = new FakeSocket(undefined, 1001);
      cold('---e-a').subscribe((event) =>
        event === 'e' ? listener.emit('error', new Error('accept EMFILE: too many open files')) : listener.accept(client),
      );
      expectObservable(listen({ port: 6379, host: '127.0.0.1' }).pipe(map((socket) => socket.remotePort))).toBe('-----a', {
        a: 1001,
      });
    });
    expect(warn).toHaveBeenCalledWith('accept error: accept EMFILE: too many open files');
  });

  it('over real TCP: take(2) accepts two clients, then its teardown closes the listener', async () => {
    // Spy without replacing: we only keep a hand on the real listener, to close it
    // ourselves should the teardown not do it (then this test fails, but jest can exit).
    const created = jest.spyOn(net, 'createServer');
    let onListening!: (address: net.AddressInfo) => void;
    const bound = new Promise<net.AddressInfo>((resolve) => (onListening = resolve));

    // Subscribing (firstValueFrom does it) binds the port; take(2) completes after two
    // clients, and completion runs the teardown: server.close().
    const twoSockets = firstValueFrom(listen({ port: 0, host: '127.0.0.1', onListening }).pipe(take(2), toArray()));
    const { port } = await bound; // port 0: the OS picked a free one
    const clients = [net.createConnection({ port, host: '127.0.0.1' }), net.createConnection({ port, host: '127.0.0.1' })];
    const accepted = await twoSockets;
    expect(accepted).toHaveLength(2);
    expect(accepted.every((socket) => socket instanceof net.Socket)).toBe(true);

    // The listener is closed: a third client is refused. (The two accepted sockets
    // stay open: closing a listener never closes the connections it accepted.)
    const third = net.createConnection({ port, host: '127.0.0.1' });
    const refused = await new Promise<string>((resolve) => {
      third.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      third.once('connect', () => resolve('connected'));
    });
    expect(refused).toBe('ECONNREFUSED');

    for (const socket of [...accepted, ...clients, third]) socket.destroy();
    for (const { value } of created.mock.results) if ((value as net.Server).listening) (value as net.Server).close();
  });
});

