// Shutdown under load.
//
// 1. Marbles: connectionReplies() (the socket-free middle of a connection) during a
//    burst. Everything read before the shutdown is answered, in full; the connection's
//    output then completes (the writer closes on completion); nothing read after it is
//    run; a request cut in half by the shutdown is not half-run; subscribers end too.
// 2. TCP, in process: 20 clients pipelining 2000 PINGs each, shutdown in the middle of
//    the burst. Each client gets whole replies only, then the close; and every command
//    the server ran was answered: the replies received add up to the commands run.
//    A client that never reads its last replies holds the shutdown only until
//    `shutdownTimeout`: then it is cut and close() rejects with ShutdownTimeoutError.
// 3. The binary: SIGTERM under the same load exits 0; a shutdown held up past
//    --shutdown-timeout exits 1 and says so; a second signal exits at once (see
//    spec/server/server-binary.spec.ts).

import * as net from 'node:net';
import { map } from 'rxjs';
import { Db } from '../../src/db/db';
import { connectionReplies } from '../../src/server/connection';
import { startServer } from '../../src/server/run';
import { ShutdownTimeoutError } from '../../src/server/shutdown';
import { ServerState } from '../../src/commands/server-state';
import { RawConnection } from '../support/raw-connection';
import { assertBuilt, startServerProcess } from '../support/server-process';
import { asText, newTestScheduler, request } from '../support/marbles';

const PONG = '+PONG\r\n';
const WAIT_MS = 10_000;

describe('shutdown during a burst (marbles)', () => {
  it('answers every request read before the shutdown, in full, then completes; nothing after', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const burst = Buffer.concat(Array.from({ length: 500 }, () => request('PING')));
      const set = request('SET', 'k', 'v');
      // Two bursts, then half a SET, the shutdown at frame 6, more bytes after it.
      const chunks = hot('-a-b-c-d-e|', { a: burst, b: burst, c: set.subarray(0, 9), d: set.subarray(9), e: burst });
      const shutdown = hot('------s', { s: 'SIGTERM' });
      const db = new Db();
      const replies = connectionReplies(chunks, db, shutdown);
      expectObservable(asText(replies)).toBe('-a-b--|', { a: PONG.repeat(500), b: PONG.repeat(500) });
      // The SET was cut by the shutdown: not run, not half-run.
      expectObservable(hot('---------x').pipe(map(() => db.has('k')))).toBe('---------x', { x: false });
    });
  });

  it('a burst arriving in the very frame of the shutdown (before it) is answered as one write', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const burst = Buffer.concat(Array.from({ length: 2000 }, () => request('PING')));
      const chunks = hot('--a-|', { a: burst });
      const shutdown = hot('--s', { s: 'SIGINT' });
      expectObservable(asText(connectionReplies(chunks, new Db(), shutdown))).toBe('--(a|)', { a: PONG.repeat(2000) });
    });
  });

  it('many connections bursting together: each answers what it read, and all complete at the shutdown', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const shutdown = hot('----s', { s: 'SIGTERM' });
      const ping = request('PING');
      for (let i = 0; i < 20; i++) {
        // Connection i has sent i PINGs at frame 1 and 10 more at frame 3; a last burst comes too late.
        const chunks = hot('-a-b--c', { a: Buffer.concat(Array(i).fill(ping)), b: Buffer.concat(Array(10).fill(ping)), c: ping });
        const expected = i === 0 ? '---b|' : '-a-b|';
        expectObservable(asText(connectionReplies(chunks, db, shutdown))).toBe(expected, { a: PONG.repeat(i), b: PONG.repeat(10) });
      }
    });
  });

  it('a subscriber receiving a burst of messages completes at the shutdown, and leaves its channel', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const shutdown = hot('-------s');
      const subscriber = hot('a', { a: request('SUBSCRIBE', 'news') });
      const publisher = hot('--a--', { a: Buffer.concat(Array.from({ length: 3 }, (_, i) => request('PUBLISH', 'news', `m${i}`))) });
      const message = (body: string) => `*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$${body.length}\r\n${body}\r\n`;
      expectObservable(asText(connectionReplies(subscriber, db, shutdown))).toBe('a-(bcd)|', {
        a: '*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n',
        b: message('m0'),
        c: message('m1'),
        d: message('m2'),
      });
      expectObservable(asText(connectionReplies(publisher, db, shutdown))).toBe('--a----|', { a: ':1\r\n:1\r\n:1\r\n' });
      expectObservable(hot('--------x').pipe(map(() => db.subscribers('news')))).toBe('--------x', { x: 0 });
    });
  });
});

describe('shutdown under load over TCP', () => {
  it('20 clients x 2000 pipelined PINGs, shutdown mid-burst: whole replies only, and every command run was answered', async () => {
    const state = new ServerState();
    const server = await startServer({ port: 0, state });
    const CLIENTS = 20;
    const PINGS = 2000;
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => RawConnection.connect({ port: server.port, host: '127.0.0.1' }, WAIT_MS)));
    // Each client writes its 2000 PINGs in 20 writes; the shutdown comes once the server
    // has run a first part of them, so the rest arrive while it is shutting down.
    const ping = '*1\r\n$4\r\nPING\r\n'.repeat(PINGS / 20);
    const sending = clients.map(async (c) => {
      for (let i = 0; i < 20; i++) if (!(await c.send(ping, WAIT_MS))) return;
    });
    await clients[0].readUntil('some replies', (received) => (received.length >= 7 * 50 ? 0 : undefined), WAIT_MS);
    const closing = server.close();
    const received = await Promise.all(clients.map((c) => c.readUntilClosed(WAIT_MS)));
    await Promise.all(sending);
    await expect(closing).resolves.toBeUndefined();
    let answered = 0;
    for (const [i, bytes] of received.entries()) {
      const text = bytes.toString('latin1');
      const count = text.length / PONG.length;
      expect({ client: i, whole: Number.isInteger(count) && text === PONG.repeat(count) }).toEqual({ client: i, whole: true });
      answered += count;
    }
    // Replies consumed by the readUntil above (none: it consumed 0 bytes) are in `received`.
    expect(answered).toBe(state.stats.commandsProcessed);
    expect(answered).toBeGreaterThan(0);
    for (const c of clients) c.destroy();
  });

  it('a client that never reads holds the shutdown only until shutdownTimeout: then it is cut, and close() says so', async () => {
    const server = await startServer({ port: 0, shutdownTimeout: 0.3 });
    server.db.set('big', Buffer.alloc(32 * 1024 * 1024, 'x'));
    const stuck = net.connect(server.port, '127.0.0.1');
    stuck.on('error', () => undefined);
    stuck.pause();
    const started = new Promise<void>((resolve) => stuck.once('readable', () => resolve()));
    stuck.write('*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n');
    await started; // the reply is being written, and will never be read
    const idle = await RawConnection.connect({ port: server.port, host: '127.0.0.1' }, WAIT_MS);
    const idleClosed = idle.readUntilClosed(WAIT_MS);

    const closing = server.close();
    await expect(idleClosed).resolves.toHaveLength(0); // closed gracefully, at once
    const error = await closing.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ShutdownTimeoutError);
    expect((error as ShutdownTimeoutError).cut).toBe(1);
    expect((error as ShutdownTimeoutError).message).toBe('graceful shutdown timed out after 0.3 s: 1 connection cut');
    await expect(server.closed).rejects.toBeInstanceOf(ShutdownTimeoutError);
    // The stuck socket was destroyed by the server: reading it now ends in a close.
    const closed = new Promise<void>((resolve) => stuck.once('close', () => resolve()));
    stuck.resume();
    await closed;
    // And the port is free.
    await expect(RawConnection.connect({ port: server.port, host: '127.0.0.1' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('shutdownTimeout 0 waits as long as it takes', async () => {
    const server = await startServer({ port: 0, shutdownTimeout: 0 });
    const c = await RawConnection.connect({ port: server.port, host: '127.0.0.1' }, WAIT_MS);
    await c.send('PING\r\n');
    await c.readReplies(1);
    await expect(server.close()).resolves.toBeUndefined();
    c.destroy();
  });
});

describe('the binary under load', () => {
  beforeAll(assertBuilt);

  it('SIGTERM while 20 clients pipeline PINGs: whole replies, every connection closed, exit 0', async () => {
    const server = await startServerProcess();
    const clients = await Promise.all(Array.from({ length: 20 }, () => RawConnection.connect({ port: server.port, host: '127.0.0.1' }, WAIT_MS)));
    const ping = '*1\r\n$4\r\nPING\r\n'.repeat(100);
    const sending = clients.map(async (c) => {
      for (let i = 0; i < 20; i++) if (!(await c.send(ping, WAIT_MS))) return;
    });
    await clients[19].readUntil('some replies', (received) => (received.length >= 7 * 100 ? 0 : undefined), WAIT_MS);
    server.child.kill('SIGTERM');
    const received = await Promise.all(clients.map((c) => c.readUntilClosed(WAIT_MS)));
    await Promise.all(sending);
    expect(await server.exited).toBe(0);
    for (const bytes of received) {
      const text = bytes.toString('latin1');
      expect(text).toBe(PONG.repeat(text.length / PONG.length));
    }
    expect(received[19].length).toBeGreaterThanOrEqual(7 * 100);
    expect(server.output()).toContain('shutdown complete');
  });

  it('--shutdown-timeout: a shutdown held up by a client that never reads is cut, and the exit status says so', async () => {
    const server = await startServerProcess(['--shutdown-timeout', '0.5']);
    const stuck = net.connect(server.port, '127.0.0.1');
    stuck.on('error', () => undefined);
    await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
    const value = 'x'.repeat(32 * 1024 * 1024);
    const ok = new Promise<void>((resolve) => stuck.once('data', () => resolve()));
    stuck.write(`*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$${value.length}\r\n${value}\r\n`);
    await ok;
    stuck.pause();
    stuck.write('*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n');
    await new Promise<void>((resolve) => stuck.once('readable', () => resolve()));
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('graceful shutdown timed out after 0.5 s: 1 connection cut');
    stuck.destroy();
  });
});
