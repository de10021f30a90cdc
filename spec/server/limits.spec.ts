// The server's limits and its graceful shutdown, over real TCP.
//
// What it verifies, and why:
// - maxConnections is mini-redis's semaphore, built from mergeMap's `concurrent`
//   argument: beyond the limit an accepted connection waits, unread, until a served one
//   closes. A waiting client is not refused; its requests are simply not answered yet.
// - Graceful shutdown (server.close()): the server stops accepting, every connection
//   stops reading, answers everything it has already received, flushes and closes; the
//   promise resolves once the last connection is gone. A shutdown that dropped replies
//   in flight, or that hung on a busy connection, would show here.
//
// No sleeps: every wait is on socket events (N replies, a message on a probe channel,
// the close) with a
// timeout that says what it was waiting for. To show that a client is NOT served we
// race it against round trips on the served connections: if those complete while the
// waiting client still has received nothing, it was not served.

import * as net from 'node:net';
import { startServer, RunningServer } from '../../src/server/run';
import { RawConnection } from '../support/raw-connection';

const WAIT_MS = 5000;
const PING = '*1\r\n$4\r\nPING\r\n';

const open: RawConnection[] = [];
const sockets: net.Socket[] = [];
const servers: RunningServer[] = [];

afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => withTimeout(s.close(), WAIT_MS, 'server.close() in cleanup')));
});

/** A server on an ephemeral port, closed after the test even if the test fails (closing twice is harmless). */
async function start(maxConnections?: number): Promise<RunningServer> {
  const server = await startServer({ port: 0, host: '127.0.0.1', maxConnections });
  servers.push(server);
  return server;
}

async function connect(server: RunningServer): Promise<RawConnection> {
  const c = await RawConnection.connect({ port: server.port, host: '127.0.0.1' });
  open.push(c);
  return c;
}

async function roundTripText(c: RawConnection, request: string): Promise<string> {
  await c.send(request);
  return (await c.readReplies(1, WAIT_MS)).toString('latin1');
}

const ping = (c: RawConnection): Promise<string> => roundTripText(c, PING);

/** Resumes a paused socket and collects every byte until the peer closes it. */
function readAll(socket: net.Socket, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for the connection to close; ${length} bytes received`)),
      timeoutMs,
    );
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
    });
    socket.on('error', () => undefined); // the close that follows is what we wait for
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks, length));
    });
    socket.resume();
  });
}

/** How many bytes have arrived and not been read, without waiting or consuming any. */
async function pendingBytes(c: RawConnection): Promise<number> {
  let seen = -1;
  await c.readUntil('a peek', (received) => {
    seen = received.length;
    return 0; // consume nothing: the condition holds at once
  });
  return seen;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('maxConnections', () => {
  it('beyond the limit a connection waits unanswered until a served one closes, then it is served', async () => {
    const server = await start(2);
    const first = await connect(server);
    const second = await connect(server);
    // Both served: they hold the two slots.
    expect(await ping(first)).toBe('+PONG\r\n');
    expect(await ping(second)).toBe('+PONG\r\n');

    const third = await connect(server); // the kernel accepts it; the server does not serve it
    await third.send(PING);
    // Several round trips on the served connections, all after the third one's PING was
    // sent: had it been served, its PONG would have come back meanwhile.
    for (let i = 0; i < 3; i++) {
      expect(await ping(first)).toBe('+PONG\r\n');
      expect(await ping(second)).toBe('+PONG\r\n');
    }
    expect(await pendingBytes(third)).toBe(0);
    expect(third.closed).toBe(false);

    // A slot frees: the waiting connection is read at last and answered.
    first.destroy();
    expect((await third.readReplies(1, WAIT_MS)).toString('latin1')).toBe('+PONG\r\n');
    // And the limit still holds with the new pair: second and third are served.
    expect(await ping(second)).toBe('+PONG\r\n');
    expect(await ping(third)).toBe('+PONG\r\n');
  });

  it('waiting connections are served in the order they connected', async () => {
    const server = await start(1);
    const served = await connect(server);
    expect(await ping(served)).toBe('+PONG\r\n');
    const a = await connect(server);
    await a.send('*2\r\n$4\r\nPING\r\n$1\r\na\r\n');
    const b = await connect(server);
    await b.send('*2\r\n$4\r\nPING\r\n$1\r\nb\r\n');
    expect(await ping(served)).toBe('+PONG\r\n');
    expect(await pendingBytes(a)).toBe(0);
    expect(await pendingBytes(b)).toBe(0);

    served.destroy();
    expect((await a.readReplies(1, WAIT_MS)).toString('latin1')).toBe('$1\r\na\r\n');
    expect(await pendingBytes(b)).toBe(0); // a holds the only slot now
    a.destroy();
    expect((await b.readReplies(1, WAIT_MS)).toString('latin1')).toBe('$1\r\nb\r\n');
  });
});

describe('graceful shutdown', () => {
  it('20 clients with 2000 pipelined PINGs each: every PING is answered, then each connection closes and close() resolves', async () => {
    const server = await start();
    const CLIENTS = 20;
    const PINGS = 2000;
    // Each client's pipeline ends with PUBLISH to a probe channel. Requests run in order,
    // so when the probe's subscriber has one message per client, the server has read and
    // run every PING: close() then comes with all their replies owed, some maybe still
    // in flight.
    const probe = await connect(server);
    expect((await roundTripText(probe, '*2\r\n$9\r\nSUBSCRIBE\r\n$5\r\nprobe\r\n'))).toBe('*3\r\n$9\r\nsubscribe\r\n$5\r\nprobe\r\n:1\r\n');
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => connect(server)));
    await Promise.all(clients.map((c, i) => c.send(PING.repeat(PINGS) + `PUBLISH probe ${i}\r\n`)));
    await probe.readReplies(CLIENTS, WAIT_MS);

    const closing = server.close();
    const everything = await Promise.all(clients.map((c) => c.readUntilClosed(WAIT_MS)));
    for (const [i, bytes] of everything.entries()) {
      expect({ client: i, replies: bytes.toString('latin1') }).toEqual({ client: i, replies: '+PONG\r\n'.repeat(PINGS) + ':1\r\n' });
    }
    await expect(withTimeout(closing, WAIT_MS, 'server.close() to resolve')).resolves.toBeUndefined();
    await expect(server.closed).resolves.toBeUndefined();

    // After close() the port is not listening any more.
    await expect(RawConnection.connect({ port: server.port, host: '127.0.0.1' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('replies held up by a client that does not read are all delivered before the connection closes', async () => {
    const server = await start();
    const VALUE = 1024 * 1024;
    const GETS = 20;
    const value = Buffer.alloc(VALUE, 'v');
    server.db.set('big', value);
    const probe = await connect(server);
    expect(await roundTripText(probe, '*2\r\n$9\r\nSUBSCRIBE\r\n$5\r\nprobe\r\n')).toBe('*3\r\n$9\r\nsubscribe\r\n$5\r\nprobe\r\n:1\r\n');

    // A client that sends 20 GETs of a 1 MB value and does not read: 20 MB of replies pile
    // up in the kernel's buffers and the server's write queue.
    const slow = net.createConnection({ port: server.port, host: '127.0.0.1' });
    sockets.push(slow);
    slow.pause();
    slow.write('*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n'.repeat(GETS) + 'PUBLISH probe done\r\n');
    await probe.readReplies(1, WAIT_MS); // all 20 GETs have run

    let closed = false;
    const closing = server.close().then(() => (closed = true));
    const reading = readAll(slow, 15_000);
    const firstChunk = await withTimeout(new Promise((resolve) => slow.once('data', resolve)), WAIT_MS, 'the first reply bytes');
    expect(firstChunk).toBeInstanceOf(Buffer);
    expect(closed).toBe(false); // megabytes still to flush: the shutdown is not over
    const received = await reading;
    const reply = Buffer.concat([Buffer.from(`$${VALUE}\r\n`), value, Buffer.from('\r\n')]);
    expect(received.length).toBe(GETS * reply.length + ':1\r\n'.length);
    for (let i = 0; i < GETS; i++) {
      expect(received.subarray(i * reply.length, (i + 1) * reply.length).equals(reply)).toBe(true);
    }
    expect(received.subarray(GETS * reply.length).toString('latin1')).toBe(':1\r\n');
    await expect(withTimeout(closing, WAIT_MS, 'server.close() to resolve')).resolves.toBe(true);
  }, 30_000);

  it('idle connections are closed by close(), which then resolves', async () => {
    const server = await start();
    const idle = await connect(server);
    expect(await ping(idle)).toBe('+PONG\r\n');
    const closing = server.close();
    expect((await idle.readUntilClosed(WAIT_MS)).length).toBe(0);
    await expect(withTimeout(closing, WAIT_MS, 'server.close() to resolve')).resolves.toBeUndefined();
  });

  it('a connection still waiting for a slot when shutdown comes is closed too, and close() resolves', async () => {
    const server = await start(1);
    const served = await connect(server);
    expect(await ping(served)).toBe('+PONG\r\n');
    const waiting = await connect(server);
    await waiting.send(PING);
    expect(await ping(served)).toBe('+PONG\r\n');
    expect(await pendingBytes(waiting)).toBe(0);

    const closing = server.close();
    await served.readUntilClosed(WAIT_MS);
    // Never read, so there is nothing it must answer: it is closed without a reply.
    expect((await waiting.readUntilClosed(WAIT_MS)).toString('latin1')).toBe('');
    await expect(withTimeout(closing, WAIT_MS, 'server.close() to resolve')).resolves.toBeUndefined();
  });

  it('a connection in subscribed mode is closed by close() too', async () => {
    const server = await start();
    const subscriber = await connect(server);
    await subscriber.send('*2\r\n$9\r\nSUBSCRIBE\r\n$1\r\nc\r\n');
    expect((await subscriber.readReplies(1, WAIT_MS)).toString('latin1')).toBe('*3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n');
    const closing = server.close();
    expect((await subscriber.readUntilClosed(WAIT_MS)).length).toBe(0);
    await expect(withTimeout(closing, WAIT_MS, 'server.close() to resolve')).resolves.toBeUndefined();
  });

  it('close() with no connection at all resolves and frees the port', async () => {
    const server = await start();
    await expect(withTimeout(server.close(), WAIT_MS, 'server.close() to resolve')).resolves.toBeUndefined();
    await expect(RawConnection.connect({ port: server.port, host: '127.0.0.1' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
