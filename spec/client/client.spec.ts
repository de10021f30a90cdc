// The client library against the real server (startServer on port 0), over TCP.

import { Observable, VirtualTimeScheduler, firstValueFrom, forkJoin, lastValueFrom, take, toArray } from 'rxjs';
import { Client, ConnectionError, Db, RedisError, RunningServer, connect, startServer } from '../../src';
import { closedPort, countingProxy, rawServer } from './fixtures';
import { Recorder } from './recorder';

const texts = (buffers: (Buffer | null)[]) => buffers.map((b) => (b === null ? null : b.toString()));

describe('client', () => {
  let server: RunningServer;
  let client: Client;
  const others: Client[] = [];

  /** A second client, closed in afterAll. */
  async function another(): Promise<Client> {
    const c = await connect({ port: server.port });
    others.push(c);
    return c;
  }

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = await connect({ host: '127.0.0.1', port: server.port });
  });

  afterAll(async () => {
    await client.close();
    await Promise.all(others.map((c) => c.close()));
    await server.close();
  });

  describe('commands', () => {
    it('ping answers PONG, or echoes its message (binary safe)', async () => {
      expect((await firstValueFrom(client.ping())).toString()).toBe('PONG');
      expect((await firstValueFrom(client.ping('hello'))).toString()).toBe('hello');
      const bytes = Buffer.from([0, 0xff, 0x0d, 0x0a, 0x80]);
      expect(await firstValueFrom(client.ping(bytes))).toEqual(bytes);
    });

    it('set then get returns the value; a missing key is null', async () => {
      expect(await firstValueFrom(client.set('greeting', 'héllo wörld'))).toBe('OK');
      expect((await firstValueFrom(client.get('greeting')))?.toString()).toBe('héllo wörld');
      expect(await firstValueFrom(client.getString('greeting'))).toBe('héllo wörld');
      expect(await firstValueFrom(client.get('no such key'))).toBeNull();
      expect(await firstValueFrom(client.getString('no such key'))).toBeNull();
    });

    it('keys and values may be binary Buffers, and large', async () => {
      const key = Buffer.from([0xfe, 0x00, 0x41]);
      const value = Buffer.alloc(3 * 1024 * 1024, 0xab);
      value[0] = 0;
      await firstValueFrom(client.set(key, value));
      expect((await firstValueFrom(client.get(key)))?.equals(value)).toBe(true);
      expect(server.db.get(key.toString('latin1'))?.equals(value)).toBe(true);
    });

    it('each command emits exactly one value, then completes', async () => {
      expect(await lastValueFrom(client.ping().pipe(toArray()))).toHaveLength(1);
      expect(await lastValueFrom(client.publish('nobody', 'x').pipe(toArray()))).toEqual([0]);
    });

    it('a server error arrives as the Observable error, a RedisError with the server text', async () => {
      const failure = await firstValueFrom(client.set('k', 'v', { px: 0 })).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(RedisError);
      expect((failure as RedisError).message).toBe("ERR invalid expire time in 'set' command");
      expect((failure as RedisError).code).toBe('ERR');
      await expect(firstValueFrom(client.call('NOSUCHCOMMAND', 'a'))).rejects.toThrow(
        "ERR unknown command 'NOSUCHCOMMAND', with args beginning with: 'a'",
      );
      // The connection is still in step: the next command gets its own reply.
      expect((await firstValueFrom(client.ping('after'))).toString()).toBe('after');
    });

    it('call() sends any command and emits the raw reply frame', async () => {
      expect(await firstValueFrom(client.call('SET', 'nx-key', '1', 'NX'))).toEqual({ type: 'simple', value: 'OK' });
      expect(await firstValueFrom(client.call('SET', 'nx-key', '2', 'NX'))).toEqual({ type: 'null' });
    });
  });

  describe('expiry', () => {
    // The server reads time from its Db's scheduler: a VirtualTimeScheduler lets the
    // test move the clock, so expiry is checked exactly and without waiting.
    let clock: VirtualTimeScheduler;
    let timed: RunningServer;
    let c: Client;

    /** Moves the server's clock forward to `frame`, running what is due (the purge). */
    function advanceTo(frame: number): void {
      clock.schedule(() => undefined, frame - clock.frame);
      clock.maxFrames = frame;
      clock.flush();
    }

    beforeAll(async () => {
      clock = new VirtualTimeScheduler();
      timed = await startServer({ port: 0, db: new Db({ scheduler: clock }) });
      c = await connect({ port: timed.port });
    });
    afterAll(async () => {
      await c.close();
      await timed.close();
    });

    it('set with px expires the key after that many milliseconds', async () => {
      await firstValueFrom(c.set('short', 'lived', { px: 100 }));
      expect(timed.db.expiresAt('short')).toBe(clock.frame + 100);
      advanceTo(clock.frame + 100);
      expect(await firstValueFrom(c.getString('short'))).toBe('lived');
      advanceTo(clock.frame + 1);
      expect(await firstValueFrom(c.get('short'))).toBeNull();
    });

    it('set with ex expires the key after that many seconds', async () => {
      const start = clock.frame;
      await firstValueFrom(c.set('sec', 'onds', { ex: 2 }));
      expect(timed.db.expiresAt('sec')).toBe(start + 2000);
      advanceTo(start + 1999);
      expect(await firstValueFrom(c.getString('sec'))).toBe('onds');
      advanceTo(start + 2001);
      expect(await firstValueFrom(c.get('sec'))).toBeNull();
    });

    it('a plain set has no expiry', async () => {
      await firstValueFrom(c.set('forever', 'x'));
      expect(timed.db.expiresAt('forever')).toBeUndefined();
    });
  });

  describe('pipelining', () => {
    it('1000 concurrent commands are pipelined and each gets its own reply, in order', async () => {
      const n = 1000;
      const sets = Array.from({ length: n }, (_, i) => client.set(`key:${i}`, `value:${i}`));
      const gets = Array.from({ length: n }, (_, i) => client.get(`key:${i}`));
      const pings = Array.from({ length: n }, (_, i) => client.ping(`ping:${i}`));
      // forkJoin subscribes to all 3000 at once: all are in flight together.
      const [setReplies, values, echoes] = await firstValueFrom(forkJoin([forkJoin(sets), forkJoin(gets), forkJoin(pings)]));
      expect(setReplies.every((r) => r === 'OK')).toBe(true);
      expect(texts(values)).toEqual(Array.from({ length: n }, (_, i) => `value:${i}`));
      expect(texts(echoes)).toEqual(Array.from({ length: n }, (_, i) => `ping:${i}`));
    });

    it('commands made in the same tick leave as one batch, not one write each', async () => {
      const proxy = await countingProxy(server.port);
      const c = await connect({ port: proxy.port });
      try {
        const n = 1000;
        const replies = await firstValueFrom(forkJoin(Array.from({ length: n }, (_, i) => c.ping(String(i)))));
        expect(texts(replies)).toEqual(Array.from({ length: n }, (_, i) => String(i)));
        // ~20 KB of requests: TCP may cut a batch into a few reads, never into 1000.
        expect(proxy.bytesFromClients).toBeGreaterThan(n * 10);
        expect(proxy.chunksFromClients).toBeLessThan(10);
      } finally {
        await c.close();
        await proxy.close();
      }
    });

    it('unsubscribing before the reply drops that reply without shifting the others', async () => {
      await firstValueFrom(forkJoin([client.set('a', 'A'), client.set('b', 'B')]));
      const dropped: unknown[] = [];
      const early = client.get('a').subscribe((v) => dropped.push(v));
      early.unsubscribe(); // the request is already queued: its reply must be skipped
      expect((await firstValueFrom(client.get('b')))?.toString()).toBe('B');

      // Many at once: cancel every other command; the rest still match.
      const results: string[] = [];
      const subscriptions = Array.from({ length: 200 }, (_, i) =>
        client.ping(`p${i}`).subscribe((v) => results.push(v.toString())),
      );
      subscriptions.forEach((s, i) => i % 2 === 0 && s.unsubscribe());
      expect((await firstValueFrom(client.ping('last'))).toString()).toBe('last');
      expect(results).toEqual(Array.from({ length: 100 }, (_, i) => `p${2 * i + 1}`));
      expect(dropped).toEqual([]);
    });
  });

  describe('cold Observables', () => {
    it('nothing is sent before subscribe', async () => {
      const set$ = client.set('cold', 'sent');
      // Replies come in request order: had the SET been sent, this GET would see it.
      expect(await firstValueFrom(client.get('cold'))).toBeNull();
      expect(server.db.has('cold')).toBe(false);
      expect(await firstValueFrom(set$)).toBe('OK');
      expect((await firstValueFrom(client.get('cold')))?.toString()).toBe('sent');
    });

    it('each subscription sends the command again', async () => {
      const messages = new Recorder(client.subscribe('cold-channel'));
      const stream = client.subscribe('cold-channel');
      const observer = stream.subscribe();
      await stream.ready();
      const publish$ = client.publish('cold-channel', 'once more');
      expect(messages.values).toHaveLength(0);
      expect(await firstValueFrom(publish$)).toBe(1);
      expect(await firstValueFrom(publish$)).toBe(1);
      const received = await messages.first(2);
      expect(received.map((m) => m.message.toString())).toEqual(['once more', 'once more']);
      messages.unsubscribe();
      observer.unsubscribe();
    });
  });

  describe('subscribe', () => {
    let publisher: Client;
    beforeAll(async () => {
      publisher = await another();
    });

    it('receives the messages published to its channels', async () => {
      const stream = client.subscribe('news', 'sports');
      const messages = new Recorder(stream);
      await stream.ready();
      expect(server.db.subscribers('news')).toBe(1);
      expect(await firstValueFrom(publisher.publish('news', 'extra!'))).toBe(1);
      expect(await firstValueFrom(publisher.publish('sports', Buffer.from([1, 2, 3])))).toBe(1);
      const [first, second] = await messages.first(2);
      expect(first.channel).toBe('news');
      expect(first.message.toString()).toBe('extra!');
      expect(second.channel).toBe('sports');
      expect(second.message).toEqual(Buffer.from([1, 2, 3]));
      messages.unsubscribe();
    });

    it('the command connection stays usable while subscribed (a dedicated connection)', async () => {
      const stream = client.subscribe('dedicated');
      const messages = new Recorder(stream);
      await stream.ready();
      await firstValueFrom(client.set('still', 'works'));
      expect(await firstValueFrom(client.getString('still'))).toBe('works');
      messages.unsubscribe();
    });

    it('channels can be added to and removed from a live subscription', async () => {
      const stream = client.subscribe('one');
      const messages = new Recorder(stream);
      await stream.ready();

      await stream.addChannels('two', 'three');
      expect(stream.channels).toEqual(['one', 'two', 'three']);
      expect(server.db.subscribers('two')).toBe(1);
      await firstValueFrom(publisher.publish('three', '3'));

      await stream.removeChannels('one');
      expect(stream.channels).toEqual(['two', 'three']);
      expect(server.db.subscribers('one')).toBe(0);
      expect(await firstValueFrom(publisher.publish('one', 'lost'))).toBe(0);
      await firstValueFrom(publisher.publish('two', '2'));

      const received = await messages.first(2);
      expect(received.map((m) => `${m.channel}=${m.message}`)).toEqual(['three=3', 'two=2']);
      messages.unsubscribe();
    });

    it('a removed channel can be added again', async () => {
      const stream = client.subscribe('again');
      const messages = new Recorder(stream);
      await stream.ready();
      await stream.removeChannels('again');
      expect(server.db.subscribers('again')).toBe(0);
      await stream.addChannels('again');
      expect(await firstValueFrom(publisher.publish('again', 'back'))).toBe(1);
      expect((await messages.first(1))[0].message.toString()).toBe('back');
      messages.unsubscribe();
    });

    it('one channel subscription is shared by all its observers; UNSUBSCRIBE goes when the last leaves', async () => {
      // A channel kept open all along keeps the subscriber connection open, so a
      // subscription count of zero below can only come from an UNSUBSCRIBE.
      const keeper = client.subscribe('keep-alive');
      const kept = new Recorder(keeper);
      await keeper.ready();

      const first = client.subscribe('shared');
      const second = client.subscribe('shared');
      const a = new Recorder(first);
      const b = new Recorder(second);
      const c = new Recorder(second); // two observers of the same stream, too
      await Promise.all([first.ready(), second.ready()]);
      expect(server.db.subscribers('shared')).toBe(1); // one SUBSCRIBE for three observers

      a.unsubscribe();
      c.unsubscribe();
      await keeper.addChannels('sync-1'); // confirmed => everything sent before was processed
      expect(server.db.subscribers('shared')).toBe(1); // one observer left: no UNSUBSCRIBE
      expect(await firstValueFrom(publisher.publish('shared', 'still here'))).toBe(1);
      expect((await b.first(1))[0].message.toString()).toBe('still here');

      b.unsubscribe(); // the last observer: now UNSUBSCRIBE goes out
      await keeper.addChannels('sync-2');
      expect(server.db.subscribers('shared')).toBe(0);
      expect(server.db.subscribers('keep-alive')).toBe(1);
      expect(await firstValueFrom(publisher.publish('shared', 'nobody'))).toBe(0);
      expect(a.values.map((m) => m.message.toString())).toEqual([]);
      kept.unsubscribe();
    });

    it('a stream completes when the client closes', async () => {
      const own = await connect({ port: server.port });
      const stream = own.subscribe('closing');
      const messages = new Recorder(stream);
      await stream.ready();
      await own.close();
      await messages.done();
      expect(messages.completed).toBe(true);
      expect(server.db.subscribers('closing')).toBe(0);
      await expect(lastValueFrom(own.subscribe('late'))).rejects.toThrow(ConnectionError);
    });

    it('take(n) unsubscribes after n messages', async () => {
      const stream = client.subscribe('counted');
      const done = lastValueFrom(stream.pipe(take(2), toArray()));
      await stream.ready();
      for (const m of ['1', '2', '3']) await firstValueFrom(publisher.publish('counted', m));
      expect((await done).map((m) => m.message.toString())).toEqual(['1', '2']);
    });
  });

  describe('close', () => {
    it('commands sent before close() get their replies; later ones fail clearly', async () => {
      const c = await connect({ port: server.port });
      const replies = Promise.all(Array.from({ length: 100 }, (_, i) => firstValueFrom(c.ping(String(i)))));
      const closed = c.close();
      expect(texts(await replies)).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
      await closed;
      await expect(firstValueFrom(c.ping())).rejects.toThrow(ConnectionError);
      await expect(firstValueFrom(c.ping())).rejects.toThrow(/closed/);
      await c.close(); // twice is harmless
    });
  });

  describe('failures', () => {
    it('connection refused: connect rejects with an Error naming host:port', async () => {
      const port = await closedPort();
      const failure = await connect({ port }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(ConnectionError);
      expect((failure as ConnectionError).message).toBe(`could not connect to 127.0.0.1:${port}: ECONNREFUSED`);
      expect((failure as ConnectionError).code).toBe('ECONNREFUSED');
    });

    it('connection lost mid-command: every pending command errors, and every later one', async () => {
      const killer = await rawServer((socket) => socket.once('data', () => socket.destroy()));
      try {
        const c = await connect({ port: killer.port });
        const commands: Observable<unknown>[] = [c.get('a'), c.ping(), c.set('b', 'c')];
        const pending = commands.map((command$) =>
          firstValueFrom(command$).catch((err: unknown) => err),
        );
        for (const failure of await Promise.all(pending)) {
          expect(failure).toBeInstanceOf(ConnectionError);
          expect((failure as Error).message).toMatch(
            new RegExp(`^connection to 127\\.0\\.0\\.1:${killer.port} (lost: \\w+|closed by the server)$`),
          );
        }
        await expect(firstValueFrom(c.ping())).rejects.toThrow(ConnectionError);
        await c.close();
      } finally {
        await killer.close();
      }
    });

    it('a server that closes without answering fails the commands, not hangs them', async () => {
      const silent = await rawServer((socket) => socket.once('data', () => socket.end()));
      try {
        const c = await connect({ port: silent.port });
        await expect(firstValueFrom(c.get('x'))).rejects.toThrow(`connection to 127.0.0.1:${silent.port} closed by the server`);
        await c.close();
      } finally {
        await silent.close();
      }
    });

    it('an invalid reply fails the pending commands and closes the connection', async () => {
      const garbage = await rawServer((socket) => socket.once('data', () => socket.write('?what\r\n')));
      try {
        const c = await connect({ port: garbage.port });
        await expect(firstValueFrom(c.ping())).rejects.toThrow(/invalid reply from 127\.0\.0\.1:\d+/);
        await expect(firstValueFrom(c.ping())).rejects.toThrow(ConnectionError);
        await c.close();
      } finally {
        await garbage.close();
      }
    });

    it('a reply nobody asked for is a desynchronized stream: it fails the connection', async () => {
      // Two replies to one request, in one write: the second has no command to go to.
      const chatty = await rawServer((socket) => socket.once('data', () => socket.write('+ONE\r\n+TWO\r\n')));
      try {
        const c = await connect({ port: chatty.port });
        expect((await firstValueFrom(c.ping('1'))).toString()).toBe('ONE');
        await expect(firstValueFrom(c.ping('2'))).rejects.toThrow(/with no command waiting for it/);
        await c.close();
      } finally {
        await chatty.close();
      }
    });

    it('the subscriber connection lost: the message stream errors, ready() rejects', async () => {
      const killer = await rawServer((socket) => socket.once('data', () => socket.destroy()));
      try {
        const c = await connect({ port: killer.port });
        const stream = c.subscribe('doomed');
        const messages = new Recorder(stream);
        await expect(stream.ready()).rejects.toThrow(ConnectionError);
        await expect(messages.done()).rejects.toThrow(/connection to 127\.0\.0\.1:\d+ (lost|closed by the server)/);
        await c.close();
      } finally {
        await killer.close();
      }
    });

    it('the subscriber connection refused: the message stream errors, ready() rejects', async () => {
      // Accepts the command connection, then stops listening: the subscriber
      // connection, opened on the first subscription, is refused.
      const once = await rawServer(() => undefined, { acceptOnce: true });
      const c = await connect({ port: once.port });
      try {
        const stream = c.subscribe('unreachable');
        const messages = new Recorder(stream);
        await expect(stream.ready()).rejects.toThrow(`could not connect to 127.0.0.1:${once.port}: ECONNREFUSED`);
        await expect(messages.done()).rejects.toThrow(ConnectionError);
      } finally {
        const closing = c.close(); // QUIT: this server never answers, but closing it ends the socket
        await once.close();
        await closing;
      }
    });
  });
});
