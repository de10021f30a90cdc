// The server over real TCP, byte for byte.
//
// What it verifies: what tokio-rs/mini-redis checks in its tests/server.rs (GET/SET,
// key expiry, pub/sub with one and several subscribers and channels, managing
// subscriptions, errors), here with Redis 7's exact reply bytes; and what only a real
// socket shows: QUIT and protocol errors closing the connection, pipelining thousands of
// requests in one write, a 20 MB value, every byte value in keys and values, inline
// commands, and a client that half-closes its side after sending.
//
// Why bytes and not a client library: a client would hide exactly what we test (the
// framing, the exact reply bytes, when the connection closes). The raw connection
// (spec/support/raw-connection.ts) sends exact bytes and waits on socket events for N
// complete replies or the close, never sleeping, and every wait has a timeout.
//
// Expiry uses no real time at all: the Db reads time from an injected SchedulerLike,
// so the test passes one whose clock it moves by hand (ManualClock below) and expires
// keys deterministically while the server runs on a real socket.

import * as net from 'node:net';
import { createHash, randomFillSync } from 'node:crypto';
import { SchedulerAction, SchedulerLike, Subscription } from 'rxjs';
import { startServer, RunningServer } from '../../src/server/run';
import { Db } from '../../src/db/db';
import { RawConnection, showBytes } from '../support/raw-connection';

// ---- a clock the test moves by hand ----------------------------------------------------

/** A scheduled piece of work; unsubscribing cancels it. */
class ManualAction<T> extends Subscription implements SchedulerAction<T> {
  constructor(
    private readonly clock: ManualClock,
    private readonly work: (this: SchedulerAction<T>, state: T) => void,
  ) {
    super();
  }

  schedule(state?: T, delay = 0): Subscription {
    if (!this.closed) this.clock.enqueue(this, () => this.work.call(this, state as T), delay);
    return this;
  }
}

/**
 * A SchedulerLike whose time only moves when the test calls advanceBy(): `now()` is a
 * number the test controls, and scheduled work runs when the clock passes its time.
 */
class ManualClock implements SchedulerLike {
  private time = 0;
  private queue: Array<{ at: number; action: Subscription; run: () => void }> = [];

  now(): number {
    return this.time;
  }

  schedule<T>(work: (this: SchedulerAction<T>, state: T) => void, delay = 0, state?: T): Subscription {
    return new ManualAction<T>(this, work).schedule(state, delay);
  }

  enqueue(action: Subscription, run: () => void, delay: number): void {
    this.queue = this.queue.filter((entry) => entry.action !== action); // rescheduling replaces
    this.queue.push({ at: this.time + delay, action, run });
  }

  /** Moves the clock forward, running due work in time order, each at its own time. */
  advanceBy(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      this.queue = this.queue.filter((entry) => !entry.action.closed);
      const due = this.queue.filter((entry) => entry.at <= target).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.queue.splice(this.queue.indexOf(due), 1);
      this.time = due.at;
      due.run();
    }
    this.time = target;
  }
}

// ---- fixtures ----------------------------------------------------------------------

const WAIT_MS = 5000;

let server: RunningServer;
let clock: ManualClock;
const open: RawConnection[] = [];
const sockets: net.Socket[] = [];

beforeEach(async () => {
  clock = new ManualClock();
  server = await startServer({ port: 0, db: new Db({ scheduler: clock }) });
});

afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.destroy();
  await withTimeout(server.close(), WAIT_MS, 'server.close() to resolve');
});

async function connect(): Promise<RawConnection> {
  const c = await RawConnection.connect({ port: server.port, host: '127.0.0.1' });
  open.push(c);
  return c;
}

/** Sends bytes and resolves with exactly `count` complete replies, as latin1 text. */
async function roundTrip(c: RawConnection, request: string | Buffer, count = 1, timeoutMs = WAIT_MS): Promise<string> {
  await c.send(request);
  return (await c.readReplies(count, timeoutMs)).toString('latin1');
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A RESP multibulk request, built by hand so the bytes on the wire are obvious. */
function resp(...args: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`, 'latin1')];
  for (const arg of args) {
    const bytes = typeof arg === 'string' ? Buffer.from(arg, 'latin1') : arg;
    parts.push(Buffer.from(`$${bytes.length}\r\n`, 'latin1'), bytes, Buffer.from('\r\n', 'latin1'));
  }
  return Buffer.concat(parts);
}

const subscribed = (channel: string, count: number) =>
  `*3\r\n$9\r\nsubscribe\r\n$${channel.length}\r\n${channel}\r\n:${count}\r\n`;
const unsubscribed = (channel: string, count: number) =>
  `*3\r\n$11\r\nunsubscribe\r\n$${channel.length}\r\n${channel}\r\n:${count}\r\n`;
const message = (channel: string, body: string) =>
  `*3\r\n$7\r\nmessage\r\n$${channel.length}\r\n${channel}\r\n$${body.length}\r\n${body}\r\n`;

// ---- key/value ---------------------------------------------------------------------

describe('GET and SET', () => {
  it('GET of a missing key is the null bulk string; SET answers +OK; GET then returns the value', async () => {
    const c = await connect();
    expect(await roundTrip(c, '*2\r\n$3\r\nGET\r\n$5\r\nhello\r\n')).toBe('$-1\r\n');
    expect(await roundTrip(c, '*3\r\n$3\r\nSET\r\n$5\r\nhello\r\n$5\r\nworld\r\n')).toBe('+OK\r\n');
    expect(await roundTrip(c, '*2\r\n$3\r\nGET\r\n$5\r\nhello\r\n')).toBe('$5\r\nworld\r\n');
  });

  it('a value set on one connection is seen by another', async () => {
    const a = await connect();
    const b = await connect();
    expect(await roundTrip(a, resp('SET', 'shared', 'yes'))).toBe('+OK\r\n');
    expect(await roundTrip(b, resp('GET', 'shared'))).toBe('$3\r\nyes\r\n');
  });

  it('a key set with PX expires when the (injected) clock passes its time, with no real waiting', async () => {
    const c = await connect();
    expect(await roundTrip(c, '*5\r\n$3\r\nSET\r\n$5\r\nhello\r\n$5\r\nworld\r\n$2\r\nPX\r\n$3\r\n100\r\n')).toBe('+OK\r\n');
    expect(await roundTrip(c, resp('GET', 'hello'))).toBe('$5\r\nworld\r\n');

    clock.advanceBy(100); // exactly at its expiry time: Redis still has it (expired once now > time)
    expect(await roundTrip(c, resp('GET', 'hello'))).toBe('$5\r\nworld\r\n');

    clock.advanceBy(1);
    // Removed by the Db's scheduled purge, not only hidden on access:
    expect(server.db.size).toBe(0);
    expect(await roundTrip(c, resp('GET', 'hello'))).toBe('$-1\r\n');
  });

  it('SET without an expiry makes the key persist however far the clock moves', async () => {
    const c = await connect();
    expect(await roundTrip(c, resp('SET', 'k', 'v', 'EX', '1'))).toBe('+OK\r\n');
    expect(await roundTrip(c, resp('SET', 'k', 'v2'))).toBe('+OK\r\n');
    clock.advanceBy(10_000);
    expect(await roundTrip(c, resp('GET', 'k'))).toBe('$2\r\nv2\r\n');
  });

  it('keys and values are binary safe: every byte value 0..255 round-trips', async () => {
    const c = await connect();
    const key = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const value = Buffer.from(key).reverse();
    expect(await roundTrip(c, resp('SET', key, value))).toBe('+OK\r\n');
    const reply = await c.send(resp('GET', key)).then(() => c.readReplies(1, WAIT_MS));
    expect(showBytes(reply)).toBe(showBytes(Buffer.concat([Buffer.from('$256\r\n'), value, Buffer.from('\r\n')])));
    // A key differing in one byte is another key.
    const other = Buffer.from(key);
    other[255] = 0;
    expect(await roundTrip(c, resp('GET', other))).toBe('$-1\r\n');
  });

  it('a 20 MB value round-trips intact', async () => {
    const size = 20 * 1024 * 1024;
    const value = randomFillSync(Buffer.allocUnsafe(size));
    const socket = net.createConnection({ port: server.port, host: '127.0.0.1' });
    sockets.push(socket);
    // SET and GET pipelined; the replies are collected as chunks and joined once.
    socket.write(Buffer.concat([resp('SET', 'big', value), resp('GET', 'big')]));
    const header = `+OK\r\n$${size}\r\n`;
    const reply = await readBytes(socket, header.length + size + 2, 15_000);
    expect(reply.subarray(0, header.length).toString('latin1')).toBe(header);
    const got = reply.subarray(header.length, header.length + size);
    expect(createHash('sha256').update(got).digest('hex')).toBe(createHash('sha256').update(value).digest('hex'));
    expect(reply.subarray(header.length + size).toString('latin1')).toBe('\r\n');
  }, 30_000);
});

/** Reads exactly `length` bytes from a socket (failing on close or timeout), joining once. */
function readBytes(socket: net.Socket, length: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const done = (err?: Error) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, received));
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received >= length) done();
    };
    const onClose = () => done(new Error(`connection closed after ${received} of ${length} bytes`));
    const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms: ${received} of ${length} bytes received`)), timeoutMs);
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.on('error', () => undefined); // reported through 'close'
  });
}

// ---- pub/sub -----------------------------------------------------------------------

describe('pub/sub', () => {
  it('PUBLISH to a channel nobody listens to answers :0', async () => {
    const publisher = await connect();
    expect(await roundTrip(publisher, '*3\r\n$7\r\nPUBLISH\r\n$5\r\nhello\r\n$5\r\nworld\r\n')).toBe(':0\r\n');
  });

  it('one subscriber receives the message, with the exact bytes', async () => {
    const publisher = await connect();
    const subscriber = await connect();
    expect(await roundTrip(subscriber, '*2\r\n$9\r\nSUBSCRIBE\r\n$5\r\nhello\r\n')).toBe(
      '*3\r\n$9\r\nsubscribe\r\n$5\r\nhello\r\n:1\r\n',
    );
    expect(await roundTrip(publisher, '*3\r\n$7\r\nPUBLISH\r\n$5\r\nhello\r\n$5\r\nworld\r\n')).toBe(':1\r\n');
    expect((await subscriber.readReplies(1, WAIT_MS)).toString('latin1')).toBe(
      '*3\r\n$7\r\nmessage\r\n$5\r\nhello\r\n$5\r\nworld\r\n',
    );
  });

  it('two subscribers on one channel both receive it, and PUBLISH counts them', async () => {
    const publisher = await connect();
    const first = await connect();
    const second = await connect();
    expect(await roundTrip(first, resp('SUBSCRIBE', 'hello'))).toBe(subscribed('hello', 1));
    expect(await roundTrip(second, resp('SUBSCRIBE', 'hello'))).toBe(subscribed('hello', 1));
    expect(await roundTrip(publisher, resp('PUBLISH', 'hello', 'jazzy'))).toBe(':2\r\n');
    expect((await first.readReplies(1, WAIT_MS)).toString('latin1')).toBe(message('hello', 'jazzy'));
    expect((await second.readReplies(1, WAIT_MS)).toString('latin1')).toBe(message('hello', 'jazzy'));
  });

  it('a subscriber on several channels receives from each, in publish order', async () => {
    const publisher = await connect();
    const subscriber = await connect();
    expect(await roundTrip(subscriber, resp('SUBSCRIBE', 'hello', 'foo', 'bar'), 3)).toBe(
      subscribed('hello', 1) + subscribed('foo', 2) + subscribed('bar', 3),
    );
    expect(await roundTrip(publisher, resp('PUBLISH', 'foo', 'one'))).toBe(':1\r\n');
    expect(await roundTrip(publisher, resp('PUBLISH', 'hello', 'two'))).toBe(':1\r\n');
    expect(await roundTrip(publisher, resp('PUBLISH', 'other', 'nobody'))).toBe(':0\r\n');
    expect(await roundTrip(publisher, resp('PUBLISH', 'bar', 'three'))).toBe(':1\r\n');
    expect((await subscriber.readReplies(3, WAIT_MS)).toString('latin1')).toBe(
      message('foo', 'one') + message('hello', 'two') + message('bar', 'three'),
    );
  });

  it('subscribing twice to a channel counts it once and delivers each message once', async () => {
    const publisher = await connect();
    const subscriber = await connect();
    expect(await roundTrip(subscriber, resp('SUBSCRIBE', 'a', 'a'), 2)).toBe(subscribed('a', 1) + subscribed('a', 1));
    expect(await roundTrip(publisher, resp('PUBLISH', 'a', 'x'))).toBe(':1\r\n');
    expect(await roundTrip(subscriber, resp('PING'), 2)).toBe(message('a', 'x') + '*2\r\n$4\r\npong\r\n$0\r\n\r\n');
  });

  it('manages subscriptions while subscribed: subscribe to more, unsubscribe from one', async () => {
    const publisher = await connect();
    const subscriber = await connect();
    expect(await roundTrip(subscriber, resp('SUBSCRIBE', 'hello'))).toBe(subscribed('hello', 1));
    expect(await roundTrip(subscriber, resp('SUBSCRIBE', 'foo'))).toBe(subscribed('foo', 2));
    expect(await roundTrip(subscriber, '*2\r\n$11\r\nUNSUBSCRIBE\r\n$5\r\nhello\r\n')).toBe(
      '*3\r\n$11\r\nunsubscribe\r\n$5\r\nhello\r\n:1\r\n',
    );
    // Left: no longer delivered. Still subscribed: delivered.
    expect(await roundTrip(publisher, resp('PUBLISH', 'hello', 'gone'))).toBe(':0\r\n');
    expect(await roundTrip(publisher, resp('PUBLISH', 'foo', 'here'))).toBe(':1\r\n');
    expect((await subscriber.readReplies(1, WAIT_MS)).toString('latin1')).toBe(message('foo', 'here'));
    // Unsubscribing from a channel not subscribed to still answers, with the count unchanged.
    expect(await roundTrip(subscriber, resp('UNSUBSCRIBE', 'nope'))).toBe(unsubscribed('nope', 1));
  });

  it('UNSUBSCRIBE without channels leaves all of them and the connection leaves subscribed mode', async () => {
    const publisher = await connect();
    const subscriber = await connect();
    expect(await roundTrip(subscriber, resp('SUBSCRIBE', 'a', 'b'), 2)).toBe(subscribed('a', 1) + subscribed('b', 2));
    const replies = await roundTrip(subscriber, resp('UNSUBSCRIBE'), 2);
    // Redis leaves them in its hash table's order, so only the set of channels is fixed;
    // the counts always go down to 0.
    const left = [...replies.matchAll(/\*3\r\n\$11\r\nunsubscribe\r\n\$1\r\n([ab])\r\n:(\d)\r\n/g)];
    expect(left.map((m) => m[0]).join('')).toBe(replies);
    expect(left.map((m) => m[1]).sort()).toEqual(['a', 'b']);
    expect(left.map((m) => m[2])).toEqual(['1', '0']);
    expect(await roundTrip(publisher, resp('PUBLISH', 'a', 'x'))).toBe(':0\r\n');
    // Out of subscribed mode: ordinary commands work again and PING answers +PONG.
    expect(await roundTrip(subscriber, resp('GET', 'k'))).toBe('$-1\r\n');
    expect(await roundTrip(subscriber, resp('PING'))).toBe('+PONG\r\n');
  });

  it('UNSUBSCRIBE without channels when not subscribed answers with a null channel and 0', async () => {
    const c = await connect();
    expect(await roundTrip(c, resp('UNSUBSCRIBE'))).toBe('*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n');
  });

  it('in subscribed mode, GET and SET are refused with Redis 7 text, and PING answers ["pong", msg]', async () => {
    const c = await connect();
    expect(await roundTrip(c, resp('SUBSCRIBE', 'hello'))).toBe(subscribed('hello', 1));
    expect(await roundTrip(c, resp('GET', 'hello'))).toBe(
      "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n",
    );
    expect(await roundTrip(c, resp('SET', 'hello', 'world'))).toBe(
      "-ERR Can't execute 'set': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n",
    );
    expect(await roundTrip(c, resp('PING', 'x'))).toBe('*2\r\n$4\r\npong\r\n$1\r\nx\r\n');
  });
});

// ---- errors and closing --------------------------------------------------------------

describe('errors and closing the connection', () => {
  it('an unknown command gets Redis 7 error text and the connection stays open', async () => {
    const c = await connect();
    expect(await roundTrip(c, '*2\r\n$3\r\nFOO\r\n$5\r\nhello\r\n')).toBe(
      "-ERR unknown command 'FOO', with args beginning with: 'hello' \r\n",
    );
    expect(await roundTrip(c, resp('PING'))).toBe('+PONG\r\n');
  });

  it('QUIT answers +OK and closes; commands pipelined after it are not run', async () => {
    const c = await connect();
    await c.send('PING\r\nQUIT\r\nSET after quit\r\n');
    expect((await c.readUntilClosed(WAIT_MS)).toString('latin1')).toBe('+PONG\r\n+OK\r\n');
    const other = await connect();
    expect(await roundTrip(other, resp('GET', 'after'))).toBe('$-1\r\n');
  });

  it('a protocol error is answered, then the connection closes; another connection keeps working', async () => {
    const bad = await connect();
    const good = await connect();
    expect(await roundTrip(good, resp('SET', 'k', 'v'))).toBe('+OK\r\n');
    await bad.send('PING\r\n*abc\r\nPING\r\n');
    expect((await bad.readUntilClosed(WAIT_MS)).toString('latin1')).toBe(
      '+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n',
    );
    expect(await roundTrip(good, resp('GET', 'k'))).toBe('$1\r\nv\r\n');
  });

  it('a protocol error arriving in a later write also closes the connection', async () => {
    const c = await connect();
    expect(await roundTrip(c, resp('PING'))).toBe('+PONG\r\n');
    await c.send('*1\r\n$-1\r\n');
    expect((await c.readUntilClosed(WAIT_MS)).toString('latin1')).toBe('-ERR Protocol error: invalid bulk length\r\n');
  });

  it('a client that vanishes while a large reply is being written does not disturb the server', async () => {
    server.db.set('big', Buffer.alloc(8 * 1024 * 1024, 'x'));
    const socket = net.createConnection({ port: server.port, host: '127.0.0.1' });
    sockets.push(socket);
    socket.on('error', () => undefined); // a reset is expected: we leave mid-reply
    socket.write(resp('GET', 'big').toString('latin1').repeat(4));
    await withTimeout(new Promise((resolve) => socket.once('data', resolve)), WAIT_MS, 'the first reply bytes');
    socket.destroy();
    const other = await connect();
    expect(await roundTrip(other, resp('PING'))).toBe('+PONG\r\n');
    expect(await roundTrip(other, resp('SET', 'after', 'ok'))).toBe('+OK\r\n');
  });

  it('a client that sends PING and then half-closes its side still gets +PONG, then the server closes', async () => {
    const socket = net.createConnection({ port: server.port, host: '127.0.0.1', allowHalfOpen: true });
    sockets.push(socket);
    const received = new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    socket.end('*1\r\n$4\r\nPING\r\n'); // write, then FIN: "I have nothing more to say"
    expect(await withTimeout(received, WAIT_MS, 'the reply and the close after a half-close')).toBe('+PONG\r\n');
  });
});

// ---- throughput shapes ---------------------------------------------------------------

describe('pipelining and inline commands', () => {
  it('10 000 PINGs in one write get 10 000 PONGs, in order', async () => {
    const c = await connect();
    const replies = await roundTrip(c, '*1\r\n$4\r\nPING\r\n'.repeat(10_000), 10_000, 10_000);
    expect(replies).toBe('+PONG\r\n'.repeat(10_000));
  });

  it('pipelined requests are answered in order, each reply matching its request', async () => {
    const c = await connect();
    const requests: Buffer[] = [];
    let expected = '';
    for (let i = 0; i < 1000; i++) {
      requests.push(resp('SET', `k${i}`, `v${i}`), resp('GET', `k${i}`));
      expected += `+OK\r\n$${`v${i}`.length}\r\nv${i}\r\n`;
    }
    expect(await roundTrip(c, Buffer.concat(requests), 2000, 10_000)).toBe(expected);
  });

  it('inline commands work over TCP: quoting, LF-only line ends, empty lines', async () => {
    const c = await connect();
    expect(await roundTrip(c, 'SET a "b c"\r\n\r\nGET a\nPING\r\n', 3)).toBe('+OK\r\n$3\r\nb c\r\n+PONG\r\n');
    expect(await roundTrip(c, 'SET bin "\\x00\\xff\\r\\n"\r\nGET bin\r\n', 2)).toBe('+OK\r\n$4\r\n\x00\xff\r\n\r\n');
  });

  it('a request cut into single bytes, one write each, is answered once, whole', async () => {
    const c = await connect();
    const request = resp('SET', 'slow', 'value');
    for (const byte of request) await c.send(Buffer.from([byte]));
    expect((await c.readReplies(1, WAIT_MS)).toString('latin1')).toBe('+OK\r\n');
    expect(await roundTrip(c, resp('GET', 'slow'))).toBe('$5\r\nvalue\r\n');
  });
});
