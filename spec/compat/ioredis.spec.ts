// ioredis (v6) against our server, used the way its users use it: default options
// first, then the features a Node project's tests lean on (pipelines, connection
// names, scanStream, pub/sub on a duplicate() connection, error replies, quit()).
//
// Every test runs twice, against our server and against a real redis-server (the
// control, on its own TCP port): the expectations are what Redis does, and a test that
// passes on redis-server and fails on ours names a difference in our server.
//
// ioredis connects through a recording proxy, so a failing test also prints every byte
// the client sent and every byte the server answered (the proxy is invisible to the
// client). The handshake test reads that recording on purpose: ioredis swallows
// failures of its setup commands (a RESP3 HELLO refused means a silent fall back to
// RESP2; CLIENT SETINFO errors are ignored), so only the wire shows whether the server
// really answered them.
//
// No sleeps: every wait is an event (ready, message, end) with a timeout.
import Redis, { ReplyError, type RedisOptions } from 'ioredis';
import { describeTargets, Inbox, within, type CompatTarget, errorReplyOf } from '../support/compat-targets';
import { plain, type Exchange } from '../support/recording-proxy';

/** Our server answers in-process at once; a real redis-server too. A wait this long is a failure. */
const WAIT_MS = 3000;

describeTargets(
  'ioredis',
  (target: CompatTarget) => {
    const clients = new Set<Redis>();

    /** A client (already created) waited on until 'ready', its errors kept for the failure message. */
    async function ready(client: Redis, what = "ioredis's 'ready' event"): Promise<Redis> {
      clients.add(client);
      const errors: string[] = [];
      client.on('error', (err: Error) => errors.push(err.message));
      if (client.status === 'ready') return client;
      try {
        await within(new Promise<void>((resolve) => client.once('ready', () => resolve())), WAIT_MS, what);
      } catch (err) {
        throw new Error(`${(err as Error).message}; the client reported: ${errors.join(' | ') || 'no error'} (status ${client.status})`);
      }
      return client;
    }

    /** `new Redis(port, host)` as users write it, or with options. */
    function connect(options?: RedisOptions): Promise<Redis> {
      const client =
        options === undefined ? new Redis(target.port, target.host) : new Redis({ host: target.host, port: target.port, ...options });
      return ready(client);
    }

    // ioredis reconnects by itself; disconnect() is what stops it for good.
    afterEach(async () => {
      const closing = [...clients].map(async (client) => {
        if (client.status === 'end') return;
        const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
        client.disconnect();
        await within(ended, WAIT_MS, "ioredis's 'end' event after disconnect()");
      });
      clients.clear();
      await Promise.all(closing);
    });

    test('connects with default options: HELLO 3, CLIENT SETINFO, then the INFO ready check', () =>
      target.traced(async () => {
        const mark = target.mark();
        const client = await connect();
        expect(client.status).toBe('ready');
        expect(await client.ping()).toBe('PONG');

        const [conversation] = target.conversations(mark);
        const byName = (name: string): Exchange[] =>
          conversation.exchanges.filter((e) => e.command[0].toLowerCase() === name);
        const names = conversation.exchanges.map((e) => e.command.slice(0, 2).join(' ').toLowerCase());
        expect(names).toEqual(['hello 3', 'client setinfo', 'client setinfo', 'info', 'ping']);

        // HELLO 3 is answered with a RESP3 map (a refusal would make ioredis fall back to
        // RESP2 without a word).
        const hello = byName('hello')[0].reply;
        expect(hello?.type).toBe('map');
        const fields = plain(hello!) as Record<string, unknown>;
        expect(Object.keys(fields)).toEqual(['server', 'version', 'proto', 'id', 'mode', 'role', 'modules']);
        expect(fields).toMatchObject({ server: 'redis', proto: 3, mode: 'standalone', role: 'master', modules: [] });
        expect(fields.version).toMatch(/^\d+\.\d+\.\d+$/);

        // CLIENT SETINFO exists since Redis 7.2: 7.0 refuses it (ioredis ignores the
        // error), our server accepts it as 7.2 does.
        const setinfoAccepted = target.name === 'mini-redis-rx' || versionAtLeast(String(fields.version), 7, 2);
        for (const exchange of byName('client')) {
          expect(plain(exchange.reply!)).toEqual(
            setinfoAccepted ? 'OK' : { error: "ERR unknown subcommand 'SETINFO'. Try CLIENT HELP." },
          );
        }

        // The ready check: INFO, read line by line for `loading:0`; in RESP3 a verbatim string.
        const info = byName('info')[0].reply;
        expect(info?.type).toBe('verbatim');
        const text = String(plain(info!));
        expect(text).toMatch(/^# Server\r\nredis_version:\d+\.\d+\.\d+\r\n/);
        expect(text).toContain('\r\nloading:0\r\n');
      }));

    test('strings and keys: set, get, del, incr, expire, ttl, mset, mget', () =>
      target.traced(async () => {
        const client = await connect();
        expect(await client.set('str:k', 'v')).toBe('OK');
        expect(await client.get('str:k')).toBe('v');
        expect(await client.get('str:missing')).toBeNull();
        expect(await client.set('str:k', 'w', 'NX')).toBeNull();
        expect(await client.set('str:k', 'w', 'XX', 'GET')).toBe('v');
        expect(await client.incr('str:n')).toBe(1);
        expect(await client.incrby('str:n', 41)).toBe(42);
        expect(await client.decr('str:n')).toBe(41);
        expect(await client.ttl('str:n')).toBe(-1);
        expect(await client.expire('str:n', 100)).toBe(1);
        expect(await client.ttl('str:n')).toBe(100);
        expect(await client.pttl('str:n')).toBeGreaterThan(99_000);
        expect(await client.expire('str:missing', 100)).toBe(0);
        expect(await client.ttl('str:missing')).toBe(-2);
        expect(await client.set('str:ex', 'v', 'EX', 50)).toBe('OK');
        expect(await client.ttl('str:ex')).toBe(50);
        expect(await client.mset('str:a', '1', 'str:b', '2')).toBe('OK');
        expect(await client.mset({ 'str:c': '3' })).toBe('OK');
        expect(await client.mget('str:a', 'str:b', 'str:missing', 'str:c')).toEqual(['1', '2', null, '3']);
        expect(await client.exists('str:a', 'str:b', 'str:missing')).toBe(2);
        expect(await client.del('str:a', 'str:b', 'str:missing')).toBe(2);
        expect(await client.get('str:a')).toBeNull();
        // Binary values come back byte for byte.
        const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x0d, 0x0a]);
        expect(await client.set('str:bin', bytes)).toBe('OK');
        expect(await client.getBuffer('str:bin')).toEqual(bytes);
      }));

    test('pipeline(): one write, replies in order, an error reply kept in its slot', () =>
      target.traced(async () => {
        const client = await connect();
        const results = await client
          .pipeline()
          .set('pipe:k', 'v')
          .get('pipe:k')
          .incr('pipe:n')
          .incr('pipe:k')
          .incr('pipe:n')
          .del('pipe:k', 'pipe:n')
          .exec();
        expect(results).not.toBeNull();
        const replies = results!.map(([err, value]) => (err === null ? value : `error: ${(err as Error).message}`));
        expect(replies).toEqual(['OK', 'v', 1, 'error: ERR value is not an integer or out of range', 2, 2]);
        expect(results![3][0]).toBeInstanceOf(ReplyError);
      }));

    test('commands issued together without MULTI are answered in order (plain and auto-pipelined)', () =>
      target.traced(async () => {
        const client = await connect();
        const counts = await Promise.all(Array.from({ length: 500 }, () => client.incr('batch:n')));
        expect(counts).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));

        const auto = await connect({ enableAutoPipelining: true });
        const writes = await Promise.all(Array.from({ length: 300 }, (_, i) => auto.set(`batch:${i}`, String(i))));
        expect(writes.every((reply) => reply === 'OK')).toBe(true);
        const reads = await Promise.all(Array.from({ length: 300 }, (_, i) => auto.get(`batch:${i}`)));
        expect(reads).toEqual(Array.from({ length: 300 }, (_, i) => String(i)));
      }));

    test('the connectionName option names the connection (CLIENT SETNAME before ready)', () =>
      target.traced(async () => {
        const mark = target.mark();
        const client = await connect({ connectionName: 'compat-ioredis' });
        const [conversation] = target.conversations(mark);
        const setname = conversation.exchanges.find((e) => e.command.slice(0, 2).join(' ').toLowerCase() === 'client setname');
        expect(setname?.command.slice(2)).toEqual(['compat-ioredis']);
        expect(plain(setname!.reply!)).toBe('OK');
        expect(await client.client('GETNAME')).toBe('compat-ioredis');
        const list = String(await client.client('LIST'));
        expect(list).toMatch(/(^| )name=compat-ioredis /m);
      }));

    test('scanStream() walks ~1000 keys and yields each exactly once', () =>
      target.traced(async () => {
        const client = await connect();
        const expected = Array.from({ length: 1000 }, (_, i) => `scan:${i}`);
        await client.mset(Object.fromEntries(expected.map((key) => [key, 'x'])));
        await client.set('other:key', 'x');

        const scan = async (options: { match?: string; count?: number }): Promise<string[]> => {
          const seen: string[] = [];
          const stream = client.scanStream(options);
          await within(
            new Promise<void>((resolve, reject) => {
              stream.on('data', (keys: string[]) => seen.push(...keys));
              stream.on('end', () => resolve());
              stream.on('error', reject);
            }),
            WAIT_MS,
            'scanStream to end',
          );
          return seen;
        };

        const matched = await scan({ match: 'scan:*', count: 100 });
        expect(new Set(matched).size).toBe(matched.length); // the keyspace did not change: no repeats
        expect([...matched].sort()).toEqual([...expected].sort());

        const all = await scan({});
        expect(all).toContain('other:key');
        expect(all.filter((key) => key.startsWith('scan:')).sort()).toEqual([...expected].sort());
      }));

    test('pub/sub on a duplicate(): subscribe/message, psubscribe/pmessage, unsubscribe', () =>
      target.traced(async () => {
        const publisher = await connect();
        const subscriber = await ready(publisher.duplicate(), "the duplicate()'s 'ready' event");
        const messages = new Inbox<[string, string]>();
        const pmessages = new Inbox<[string, string, string]>();
        subscriber.on('message', (channel: string, message: string) => messages.push([channel, message]));
        subscriber.on('pmessage', (pattern: string, channel: string, message: string) =>
          pmessages.push([pattern, channel, message]),
        );

        expect(await subscriber.subscribe('news', 'weather')).toBe(2);
        expect(await publisher.publish('news', 'hello')).toBe(1);
        expect(await messages.waitFor(1, 'message events')).toEqual([['news', 'hello']]);

        expect(await subscriber.psubscribe('sport.*')).toBe(3);
        expect(await publisher.publish('sport.tennis', 'ace')).toBe(1);
        expect(await pmessages.waitFor(1, 'pmessage events')).toEqual([['sport.*', 'sport.tennis', 'ace']]);

        // A RESP3 connection in subscribed mode still runs ordinary commands.
        expect(await subscriber.ping()).toBe('PONG');

        expect(await subscriber.unsubscribe('news')).toBe(2);
        expect(await publisher.publish('news', 'nobody')).toBe(0);
        expect(await subscriber.punsubscribe('sport.*')).toBe(1);
        expect(await publisher.publish('sport.golf', 'nobody')).toBe(0);
        // With no arguments ioredis resolves once the count reaches 0.
        expect(await subscriber.unsubscribe()).toBe(0);
        expect(await publisher.publish('weather', 'nobody')).toBe(0);

        // Back to normal, and nothing else arrived meanwhile.
        expect(await subscriber.set('pubsub:after', 'v')).toBe('OK');
        expect(messages.items).toEqual([['news', 'hello']]);
        expect(pmessages.items).toEqual([['sport.*', 'sport.tennis', 'ace']]);
      }));

    test('one message reaches every subscriber: channel and pattern subscribers, several connections', () =>
      target.traced(async () => {
        const publisher = await connect();
        const first = await ready(publisher.duplicate());
        const second = await ready(publisher.duplicate());
        const inbox = new Inbox<string>();
        first.on('message', (channel: string, message: string) => inbox.push(`first ${channel} ${message}`));
        second.on('message', (channel: string, message: string) => inbox.push(`second ${channel} ${message}`));
        second.on('pmessage', (pattern: string, channel: string, message: string) =>
          inbox.push(`second ${pattern} ${channel} ${message}`),
        );
        await first.subscribe('room');
        await second.subscribe('room');
        await second.psubscribe('ro*');
        expect(await publisher.publish('room', 'hi')).toBe(3);
        expect((await inbox.waitFor(3, 'messages')).sort()).toEqual(['first room hi', 'second ro* room hi', 'second room hi']);
      }));

    test('error replies reject with ReplyError and Redis\'s text; the connection stays usable', () =>
      target.traced(async () => {
        const client = await connect();
        const failure = (run: () => Promise<unknown>): Promise<string> => errorReplyOf(run, ReplyError);
        await client.set('err:text', 'abc');
        expect(await failure(() => client.incr('err:text'))).toBe('ERR value is not an integer or out of range');
        expect(await failure(() => client.call('get'))).toBe("ERR wrong number of arguments for 'get' command");
        expect(await failure(() => client.call('nosuchcommand', 'a', 'b'))).toBe(
          "ERR unknown command 'nosuchcommand', with args beginning with: 'a' 'b' ",
        );
        expect(await failure(() => client.call('set', 'err:k', 'v', 'NX', 'XX'))).toBe('ERR syntax error');
        expect(await failure(() => client.call('set', 'err:k', 'v', 'EX', '0'))).toBe("ERR invalid expire time in 'set' command");
        expect(await failure(() => client.incrbyfloat('err:text', 1))).toBe('ERR value is not a valid float');
        expect(await client.get('err:text')).toBe('abc');
      }));

    test('quit() is answered OK and the connection ends', () =>
      target.traced(async () => {
        const client = await connect();
        const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
        expect(await client.quit()).toBe('OK');
        await within(ended, WAIT_MS, "ioredis's 'end' event after quit()");
        expect(client.status).toBe('end');
      }));
  },
  { proxy: true },
);

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}
