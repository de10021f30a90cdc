// node-redis (`redis` v6) against our server, as its users use it: `createClient({ url })`
// with default options, which in v6 means RESP3 (HELLO 3 on connect), and again with
// `{ RESP: 2 }`, the choice of projects that keep RESP2's reply shapes. In both: the
// string and key commands, scanIterator(), pub/sub on a duplicate() connection with
// listeners, error replies, quit() and close().
//
// Every test runs against our server and against a real redis-server (the control);
// expectations are Redis's behaviour. Clients connect through a recording proxy, so a
// failure prints the bytes exchanged, and the handshake test checks the replies node-redis
// would otherwise swallow (it ignores CLIENT SETINFO errors).
//
// No sleeps: every wait is a promise or an event with a timeout.
import { createClient, ErrorReply, type RedisClientType } from 'redis';
import { describeTargets, Inbox, within, type CompatTarget, errorReplyOf } from '../support/compat-targets';
import { connectWithin, reportErrors } from '../support/node-redis-connect';
import { plain } from '../support/recording-proxy';

const WAIT_MS = 3000;

/** The client type of the default (RESP3) client; RESP2 clients are used through it too. */
type Client = RedisClientType;

describeTargets(
  'node-redis',
  (target: CompatTarget) => {
    for (const resp of [3, 2] as const) {
      describe(resp === 3 ? 'default options (RESP3)' : '{ RESP: 2 }', () => {
        const clients = new Set<Client>();
        const errors = new Map<Client, string[]>();

        /** Connects `client` (tracked for clean-up), failing with what the client reported. */
        async function open(client: Client, what = 'connect()'): Promise<Client> {
          clients.add(client);
          const reported = reportErrors(client);
          errors.set(client, reported);
          await connectWithin(client, reported, WAIT_MS, what);
          return client;
        }

        function connect(options: { name?: string } = {}): Promise<Client> {
          const client = createClient({
            url: `redis://${target.host}:${target.port}`,
            ...(resp === 2 ? { RESP: 2 as const } : {}),
            ...options,
          }) as unknown as Client;
          return open(client);
        }

        afterEach(() => {
          for (const client of clients) if (client.isOpen) client.destroy();
          clients.clear();
        });

        test('connects: the handshake is answered and the client is ready', () =>
          target.traced(async () => {
            const mark = target.mark();
            const client = await connect();
            expect(client.isReady).toBe(true);
            expect(await client.ping()).toBe('PONG');

            const [conversation] = target.conversations(mark);
            const exchanges = conversation.exchanges.map((e) => ({ command: e.command.join(' '), reply: e.reply && plain(e.reply) }));
            const hello = exchanges.filter((e) => e.command.startsWith('HELLO'));
            if (resp === 3) {
              expect(hello.map((e) => e.command)).toEqual(['HELLO 3']);
              expect(hello[0].reply).toMatchObject({ server: 'redis', proto: 3, mode: 'standalone', role: 'master', modules: [] });
              expect(conversation.exchanges.find((e) => e.command[0] === 'HELLO')?.reply?.type).toBe('map');
            } else {
              expect(hello).toEqual([]);
            }
            const setinfo = exchanges.filter((e) => e.command.startsWith('CLIENT SETINFO'));
            expect(setinfo.map((e) => e.command.split(' ')[2]).sort()).toEqual(['LIB-NAME', 'LIB-VER']);
            // CLIENT SETINFO is Redis 7.2's; 7.0 refuses it (node-redis ignores that), we accept it.
            const accepted = target.name === 'mini-redis-rx';
            for (const e of setinfo) {
              expect(e.reply).toEqual(accepted ? 'OK' : { error: "ERR unknown subcommand 'SETINFO'. Try CLIENT HELP." });
            }

            // The server agrees on the protocol.
            const info = await client.clientInfo();
            expect(info.resp).toBe(resp);
            expect(info.db).toBe(0);
            expect(info.cmd).toBe('client|info');
          }));

        test('the name option names the connection (HELLO SETNAME in RESP3, CLIENT SETNAME in RESP2)', () =>
          target.traced(async () => {
            const mark = target.mark();
            const client = await connect({ name: `compat-node-redis-${resp}` });
            const [conversation] = target.conversations(mark);
            const naming = conversation.exchanges.find((e) => e.command.includes('SETNAME'));
            expect(naming?.command).toEqual(
              resp === 3 ? ['HELLO', '3', 'SETNAME', `compat-node-redis-${resp}`] : ['CLIENT', 'SETNAME', `compat-node-redis-${resp}`],
            );
            expect(await client.clientGetName()).toBe(`compat-node-redis-${resp}`);
            expect((await client.clientInfo()).name).toBe(`compat-node-redis-${resp}`);
          }));

        test('set, get, incr, expire, ttl, del, mSet, mGet', () =>
          target.traced(async () => {
            const client = await connect();
            const k = (name: string): string => `str${resp}:${name}`;
            expect(await client.set(k('k'), 'v')).toBe('OK');
            expect(await client.get(k('k'))).toBe('v');
            expect(await client.get(k('missing'))).toBeNull();
            expect(await client.set(k('k'), 'w', { condition: 'NX' })).toBeNull();
            expect(await client.set(k('k'), 'w', { GET: true })).toBe('v');
            expect(await client.set(k('ex'), 'v', { expiration: { type: 'EX', value: 60 } })).toBe('OK');
            expect(await client.ttl(k('ex'))).toBe(60);
            expect(await client.incr(k('n'))).toBe(1);
            expect(await client.incrBy(k('n'), 9)).toBe(10);
            expect(await client.ttl(k('n'))).toBe(-1);
            expect(await client.expire(k('n'), 100)).toBe(1);
            expect(await client.ttl(k('n'))).toBe(100);
            expect(await client.expire(k('missing'), 100)).toBe(0);
            expect(await client.ttl(k('missing'))).toBe(-2);
            expect(await client.mSet({ [k('a')]: '1', [k('b')]: '2' })).toBe('OK');
            expect(await client.mSet([[k('c'), '3']])).toBe('OK');
            expect(await client.mGet([k('a'), k('b'), k('missing'), k('c')])).toEqual(['1', '2', null, '3']);
            expect(await client.exists([k('a'), k('missing')])).toBe(1);
            expect(await client.del([k('a'), k('b'), k('missing')])).toBe(2);
            expect(await client.del(k('c'))).toBe(1);
            expect(await client.mGet([k('a'), k('c')])).toEqual([null, null]);
          }));

        test('scanIterator() yields every one of ~1000 keys exactly once', () =>
          target.traced(async () => {
            const client = await connect();
            const expected = Array.from({ length: 1000 }, (_, i) => `scan${resp}:${i}`);
            await client.mSet(Object.fromEntries(expected.map((key) => [key, 'x'])));
            const seen: string[] = [];
            await within(
              (async () => {
                for await (const keys of client.scanIterator({ MATCH: `scan${resp}:*`, COUNT: 100 })) seen.push(...keys);
              })(),
              WAIT_MS,
              'scanIterator() to finish',
            );
            expect(new Set(seen).size).toBe(seen.length);
            expect([...seen].sort()).toEqual([...expected].sort());
          }));

        test('duplicate(): subscribe and pSubscribe listeners get messages; unsubscribe stops them', () =>
          target.traced(async () => {
            const publisher = await connect();
            const subscriber = await open(publisher.duplicate(), 'the duplicate() to connect');
            const messages = new Inbox<string>();
            await subscriber.subscribe(['news', 'weather'], (message, channel) => messages.push(`${channel}: ${message}`));
            await subscriber.pSubscribe('sport.*', (message, channel) => messages.push(`sport.* ${channel}: ${message}`));

            expect(await publisher.publish('news', 'hello')).toBe(1);
            expect(await messages.waitFor(1, 'messages')).toEqual(['news: hello']);
            expect(await publisher.publish('sport.tennis', 'ace')).toBe(1);
            expect(await messages.waitFor(2, 'messages')).toEqual(['news: hello', 'sport.* sport.tennis: ace']);

            await subscriber.unsubscribe('news');
            expect(await publisher.publish('news', 'nobody')).toBe(0);
            expect(await publisher.publish('weather', 'rain')).toBe(1);
            expect(await messages.waitFor(3, 'messages')).toEqual(['news: hello', 'sport.* sport.tennis: ace', 'weather: rain']);
            await subscriber.pUnsubscribe();
            await subscriber.unsubscribe();
            expect(await publisher.publish('sport.golf', 'nobody')).toBe(0);
            expect(await publisher.publish('weather', 'nobody')).toBe(0);

            // Out of subscribed mode, the connection runs ordinary commands again. (After
            // RESP2 pub/sub node-redis hands this reply over as a Buffer, with redis-server
            // too: a client quirk, hence String().)
            expect(String(await subscriber.set(`pubsub${resp}:after`, 'v'))).toBe('OK');
            await within(subscriber.close(), WAIT_MS, 'close() of the subscriber');
            expect(subscriber.isOpen).toBe(false);
            expect(messages.items).toHaveLength(3);
          }));

        test('error replies reject with ErrorReply and Redis\'s text; the connection stays usable', () =>
          target.traced(async () => {
            const client = await connect();
            const failure = (run: () => Promise<unknown>): Promise<string> => errorReplyOf(run, ErrorReply);
            await client.set(`err${resp}:text`, 'abc');
            expect(await failure(() => client.incr(`err${resp}:text`))).toBe('ERR value is not an integer or out of range');
            expect(await failure(() => client.sendCommand(['GET']))).toBe("ERR wrong number of arguments for 'get' command");
            expect(await failure(() => client.sendCommand(['NOSUCH', 'x']))).toBe(
              "ERR unknown command 'NOSUCH', with args beginning with: 'x' ",
            );
            expect(await failure(() => client.sendCommand(['SET', 'k', 'v', 'NX', 'XX']))).toBe('ERR syntax error');
            expect(await client.get(`err${resp}:text`)).toBe('abc');
          }));

        test('quit() is answered OK; close() waits for pending replies', () =>
          target.traced(async () => {
            const quitter = await connect();
            expect(await within(quitter.quit(), WAIT_MS, 'quit()')).toBe('OK');
            expect(quitter.isOpen).toBe(false);

            const closer = await connect();
            const pending = closer.incr(`close${resp}:n`);
            await within(closer.close(), WAIT_MS, 'close()');
            expect(await pending).toBe(1);
            expect(closer.isOpen).toBe(false);
          }));
      });
    }
  },
  { proxy: true },
);
