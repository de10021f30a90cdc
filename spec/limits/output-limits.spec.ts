// client-output-buffer-limit: a subscriber that cannot keep up with its channels is
// disconnected (with a log line) instead of growing the server's memory; publishers and
// the other subscribers do not notice.
//
// Two levels:
// - OutputBufferLimit, the rule itself (Redis's checkClientOutputBufferLimits), in
//   virtual time with TestScheduler: the hard limit at once; the soft limit only when
//   exceeded continuously for more than its seconds; falling below resets the clock;
//   Redis's 16 KB static reply buffer is not counted.
// - Over TCP, with small limits: a subscriber that never reads is dropped once its
//   unsent messages pass the hard limit, or stay over the soft limit; a subscriber that
//   reads gets every message, the publisher every reply.
//
// No sleeps: the TCP tests publish until PUBLISH says one receiver fewer.

import * as net from 'node:net';
import { map } from 'rxjs';
import { OutputBufferLimit, UNCOUNTED_OUTPUT } from '../../src/server/output-limit';
import { startServer, RunningServer } from '../../src/server/run';
import { log } from '../../src/log';
import { RawConnection } from '../support/raw-connection';
import { newTestScheduler } from '../support/marbles';

describe('OutputBufferLimit (virtual time)', () => {
  const over = UNCOUNTED_OUTPUT + 1000;
  const under = UNCOUNTED_OUTPUT + 999;

  it('the hard limit closes at once', () => {
    const scheduler = newTestScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const check = new OutputBufferLimit(() => scheduler.now());
      const limit = { hard: 1000, soft: 0, softMs: 0 };
      const sizes = cold('a-b-c', { a: under, b: over, c: under });
      expectObservable(sizes.pipe(map((n) => check.exceeded(n, limit)))).toBe('a-b-c', { a: false, b: true, c: false });
    });
  });

  it('Redis\'s 16 KB static reply buffer is not counted: a limit of 1 byte lets small replies through', () => {
    const check = new OutputBufferLimit(() => 0);
    expect(check.exceeded(UNCOUNTED_OUTPUT, { hard: 1, soft: 0, softMs: 0 })).toBe(false);
    expect(check.exceeded(UNCOUNTED_OUTPUT + 1, { hard: 1, soft: 0, softMs: 0 })).toBe(true);
  });

  it('the soft limit closes only after more than its seconds over it, continuously', () => {
    const scheduler = newTestScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const check = new OutputBufferLimit(() => scheduler.now());
      const limit = { hard: 0, soft: 1000, softMs: 60_000 };
      // Over at 0; still over at exactly 60 s (not more than 60 s: kept); over at 60.002 s: closed.
      const sizes = cold('a 59999ms b 1ms c', { a: over, b: over, c: over });
      expectObservable(sizes.pipe(map((n) => check.exceeded(n, limit)))).toBe('a 59999ms b 1ms c', { a: false, b: false, c: true });
    });
  });

  it('falling below the soft limit resets its clock', () => {
    const scheduler = newTestScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const check = new OutputBufferLimit(() => scheduler.now());
      const limit = { hard: 0, soft: 1000, softMs: 60_000 };
      // Over at 0, under at 30 s, over again at 30.001 s: the 60 s count from 30.001 s.
      const sizes = cold('a 29999ms b c 59999ms d e', { a: over, b: under, c: over, d: over, e: over });
      expectObservable(sizes.pipe(map((n) => check.exceeded(n, limit)))).toBe('a 29999ms b c 59999ms d e', {
        a: false,
        b: false,
        c: false,
        d: false,
        e: true,
      });
    });
  });

  it('both limits 0 means no limit, however large the output', () => {
    const check = new OutputBufferLimit(() => 0);
    expect(check.exceeded(10 ** 12, { hard: 0, soft: 0, softMs: 0 })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------

const WAIT_MS = 5000;
const MESSAGE = 'm'.repeat(64 * 1024);
const MAX_PUBLISHES = 2000; // 128 MB: far beyond any kernel buffering, so the limit must act

const command = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
const messageBytes = (channel: string, body: string): string => `*3\r\n$7\r\nmessage\r\n$${channel.length}\r\n${channel}\r\n$${body.length}\r\n${body}\r\n`;

describe('slow subscribers over TCP', () => {
  const open: Array<{ destroy(): void }> = [];
  let server: RunningServer | undefined;

  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server?.close();
    server = undefined;
    jest.restoreAllMocks();
  });

  async function connect(port: number): Promise<RawConnection> {
    const c = await RawConnection.connect({ port, host: '127.0.0.1' }, WAIT_MS);
    open.push(c);
    return c;
  }

  /** A subscriber that reads its SUBSCRIBE confirmation and then never reads again. */
  async function stuckSubscriber(port: number, channel: string): Promise<net.Socket> {
    const socket = net.connect(port, '127.0.0.1');
    open.push(socket);
    socket.on('error', () => undefined);
    const confirmed = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.write(command('SUBSCRIBE', channel));
    await confirmed;
    socket.pause();
    return socket;
  }

  /** Publishes until PUBLISH reports `receivers`; returns how many messages were published. */
  async function publishUntil(publisher: RawConnection, channel: string, receivers: number): Promise<number> {
    for (let i = 1; i <= MAX_PUBLISHES; i++) {
      await publisher.send(command('PUBLISH', channel, MESSAGE));
      const reply = (await publisher.readReplies(1, WAIT_MS)).toString('latin1');
      if (reply === `:${receivers}\r\n`) return i;
      expect(reply).toBe(`:${receivers + 1}\r\n`);
    }
    throw new Error(`still ${receivers + 1} receivers after ${MAX_PUBLISHES} messages`);
  }

  async function run(limit: string): Promise<void> {
    const warn = jest.spyOn(log, 'warn').mockImplementation(() => undefined);
    server = await startServer({ port: 0, clientOutputBufferLimit: limit });
    await stuckSubscriber(server.port, 'news');
    const reader = await connect(server.port);
    await reader.send(command('SUBSCRIBE', 'news'));
    expect((await reader.readReplies(1, WAIT_MS)).toString('latin1')).toBe('*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n');
    const publisher = await connect(server.port);

    // The last message published went to the reader alone: the stuck one was dropped.
    const published = await publishUntil(publisher, 'news', 1);
    expect(server.db.subscribers('news')).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/closed for overcoming of output buffer limits/));
    // The subscriber that reads got every message, in full; the publisher goes on.
    const received = await reader.readReplies(published, WAIT_MS);
    expect(received.toString('latin1')).toBe(messageBytes('news', MESSAGE).repeat(published));
    await publisher.send(command('PING'));
    expect((await publisher.readReplies(1, WAIT_MS)).toString('latin1')).toBe('+PONG\r\n');
  }

  it('a subscriber over the hard limit is disconnected; the other subscriber and the publisher are not', async () => {
    await run('pubsub 256kb 0 0');
  }, 30_000);

  it('a subscriber over the soft limit for longer than its seconds (0 here) is disconnected', async () => {
    await run('pubsub 0 128kb 0');
  }, 30_000);

  it('CONFIG SET client-output-buffer-limit applies to subscribers already connected', async () => {
    const warn = jest.spyOn(log, 'warn').mockImplementation(() => undefined);
    server = await startServer({ port: 0, clientOutputBufferLimit: 'pubsub 0 0 0' });
    await stuckSubscriber(server.port, 'c');
    const publisher = await connect(server.port);
    // No limit: 40 messages (2.5 MB) later, the stuck subscriber is still there.
    for (let i = 0; i < 40; i++) {
      await publisher.send(command('PUBLISH', 'c', MESSAGE));
      expect((await publisher.readReplies(1, WAIT_MS)).toString('latin1')).toBe(':1\r\n');
    }
    await publisher.send(command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 64kb 0 0'));
    expect((await publisher.readReplies(1, WAIT_MS)).toString('latin1')).toBe('+OK\r\n');
    await publishUntil(publisher, 'c', 0);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/closed for overcoming of output buffer limits/));
  }, 30_000);
});
