// node-redis (`redis` v6) with the data types of issue 11, as its users use it:
// `createClient({ url })` with default options (RESP3: HELLO 3 on connect), and again
// with `{ RESP: 2 }`. Hashes (hSet with an object, hGetAll as an object), lists, sets,
// sorted sets (zRangeWithScores as { value, score } objects, zRangeByScore) and BLPOP:
// node-redis pipelines every command of a client over one connection, so a blocking
// command goes on a duplicate() of its own (the way node-redis's documentation says),
// while the first client pushes.
//
// Every test runs against our server and against a real redis-server (the control); the
// expectations are Redis's behaviour as node-redis hands it over. Clients connect through
// a recording proxy, so a failure prints the bytes exchanged.
//
// No sleeps: the blocked client is waited for by asking the server (INFO clients'
// blocked_clients), one round trip at a time, with a deadline.
import { createClient, type RedisClientType } from 'redis';
import { describeTargets, within, type CompatTarget } from '../support/compat-targets';
import { connectWithin, reportErrors } from '../support/node-redis-connect';

const WAIT_MS = 3000;

type Client = RedisClientType;

describeTargets(
  'node-redis: hashes, lists, sets, sorted sets, BLPOP',
  (target: CompatTarget) => {
    for (const resp of [3, 2] as const) {
      describe(resp === 3 ? 'default options (RESP3)' : '{ RESP: 2 }', () => {
        const clients = new Set<Client>();
        /** Keys of this protocol's tests, apart from the other protocol's (same server). */
        const k = (name: string): string => `${name}:${resp}`;

        async function open(client: Client, what = 'connect()'): Promise<Client> {
          clients.add(client);
          const reported = reportErrors(client);
          await connectWithin(client, reported, WAIT_MS, what);
          return client;
        }

        function connect(): Promise<Client> {
          const client = createClient({
            url: `redis://${target.host}:${target.port}`,
            ...(resp === 2 ? { RESP: 2 as const } : {}),
          }) as unknown as Client;
          return open(client);
        }

        afterEach(() => {
          for (const client of clients) if (client.isOpen) client.destroy();
          clients.clear();
        });

        /** Resolves once the server counts at least `count` blocked clients (INFO clients). */
        async function blockedClients(client: Client, count: number): Promise<void> {
          const deadline = Date.now() + WAIT_MS;
          let info = '';
          while (Date.now() < deadline) {
            info = String(await client.info('clients'));
            const match = /^blocked_clients:(\d+)/m.exec(info);
            if (match && Number(match[1]) >= count) return;
          }
          throw new Error(`the server never counted ${count} blocked client(s); INFO clients said:\n${info}`);
        }

        test('hashes: hSet with an object, hGet, hmGet, hGetAll as an object, hIncrBy, hDel, hLen, hExists', () =>
          target.traced(async () => {
            const client = await connect();
            const h = k('h:user');
            expect(await client.hSet(h, { name: 'ada', lang: 'en', visits: 1 })).toBe(3);
            expect(await client.hSet(h, 'lang', 'fr')).toBe(0);
            expect(await client.hSet(h, [['city', 'paris']])).toBe(1);
            expect(await client.hGet(h, 'lang')).toBe('fr');
            expect(await client.hGet(h, 'missing')).toBeNull();
            expect(await client.hmGet(h, ['name', 'missing', 'city'])).toEqual(['ada', null, 'paris']);
            // A small hash answers in insertion order (listpack), in Redis and here.
            const all = await client.hGetAll(h);
            expect({ ...all }).toEqual({ name: 'ada', lang: 'fr', visits: '1', city: 'paris' });
            expect(Object.keys(all)).toEqual(['name', 'lang', 'visits', 'city']);
            expect({ ...(await client.hGetAll(k('h:missing'))) }).toEqual({});
            expect(await client.hIncrBy(h, 'visits', 41)).toBe(42);
            expect(await client.hExists(h, 'visits')).toBe(1);
            expect(await client.hDel(h, ['visits', 'missing'])).toBe(1);
            expect(await client.hExists(h, 'visits')).toBe(0);
            expect(await client.hLen(h)).toBe(3);
            expect(await client.hKeys(h)).toEqual(['name', 'lang', 'city']);
            expect(await client.hVals(h)).toEqual(['ada', 'fr', 'paris']);
            expect(await client.type(h)).toBe('hash');
            expect(await client.hDel(h, ['name', 'lang', 'city'])).toBe(3);
            expect(await client.exists(h)).toBe(0);
          }));

        test('lists: lPush, rPush, lRange, lLen, lIndex, lPop and rPop (with count), lRem', () =>
          target.traced(async () => {
            const client = await connect();
            const l = k('l:q');
            expect(await client.lPush(l, ['c', 'b', 'a'])).toBe(3);
            expect(await client.rPush(l, ['d', 'e'])).toBe(5);
            expect(await client.lRange(l, 0, -1)).toEqual(['a', 'b', 'c', 'd', 'e']);
            expect(await client.lRange(l, 1, 2)).toEqual(['b', 'c']);
            expect(await client.lRange(l, -2, 100)).toEqual(['d', 'e']);
            expect(await client.lRange(k('l:missing'), 0, -1)).toEqual([]);
            expect(await client.lLen(l)).toBe(5);
            expect(await client.lIndex(l, -1)).toBe('e');
            expect(await client.lPop(l)).toBe('a');
            expect(await client.rPop(l)).toBe('e');
            expect(await client.lPopCount(l, 2)).toEqual(['b', 'c']);
            expect(await client.rPush(l, ['x', 'd', 'x'])).toBe(4);
            expect(await client.lRem(l, 0, 'x')).toBe(2);
            expect(await client.lRange(l, 0, -1)).toEqual(['d', 'd']);
            expect(await client.rPopCount(l, 5)).toEqual(['d', 'd']);
            expect(await client.exists(l)).toBe(0);
            expect(await client.lPop(l)).toBeNull();
          }));

        test('sets: sAdd, sMembers, sIsMember, smIsMember, sCard, sRem, sInter, sUnion', () =>
          target.traced(async () => {
            const client = await connect();
            const a = k('s:a');
            const b = k('s:b');
            expect(await client.sAdd(a, ['x', 'y', 'z', 'x'])).toBe(3);
            expect(await client.sAdd(b, ['y', 'z', 'w'])).toBe(3);
            // Hash-table order is unspecified (in Redis too): compare sorted.
            expect([...(await client.sMembers(a))].sort()).toEqual(['x', 'y', 'z']);
            expect([...(await client.sMembers(k('s:missing')))]).toEqual([]);
            expect(await client.sIsMember(a, 'x')).toBe(1);
            expect(await client.sIsMember(a, 'w')).toBe(0);
            expect(await client.smIsMember(a, ['x', 'w', 'z'])).toEqual([1, 0, 1]);
            expect(await client.sCard(a)).toBe(3);
            expect([...(await client.sInter([a, b]))].sort()).toEqual(['y', 'z']);
            expect([...(await client.sUnion([a, b]))].sort()).toEqual(['w', 'x', 'y', 'z']);
            expect(await client.sRem(a, ['x', 'nope'])).toBe(1);
            // An integer-only small set (intset) answers in numeric order, in Redis and here.
            expect(await client.sAdd(k('s:ints'), ['10', '3', '-1', '7'])).toBe(4);
            expect([...(await client.sMembers(k('s:ints')))]).toEqual(['-1', '3', '7', '10']);
          }));

        test('sorted sets: zAdd, zRange, zRangeWithScores, zRangeByScore, zScore, zIncrBy, zRank, zRem, zPopMin', () =>
          target.traced(async () => {
            const client = await connect();
            const z = k('z:board');
            expect(
              await client.zAdd(z, [
                { score: 1, value: 'alice' },
                { score: 2.5, value: 'bob' },
                { score: 2.5, value: 'carol' },
                { score: -3, value: 'dave' },
              ]),
            ).toBe(4);
            expect(await client.zRange(z, 0, -1)).toEqual(['dave', 'alice', 'bob', 'carol']);
            expect(await client.zRangeWithScores(z, 0, -1)).toEqual([
              { value: 'dave', score: -3 },
              { value: 'alice', score: 1 },
              { value: 'bob', score: 2.5 },
              { value: 'carol', score: 2.5 },
            ]);
            expect(await client.zRange(z, 0, 1, { REV: true })).toEqual(['carol', 'bob']);
            expect(await client.zRangeByScore(z, 1, '+inf')).toEqual(['alice', 'bob', 'carol']);
            expect(await client.zRangeByScore(z, '-inf', '+inf', { LIMIT: { offset: 1, count: 2 } })).toEqual(['alice', 'bob']);
            expect(await client.zRangeByScoreWithScores(z, '(1', 2.5)).toEqual([
              { value: 'bob', score: 2.5 },
              { value: 'carol', score: 2.5 },
            ]);
            expect(await client.zScore(z, 'bob')).toBe(2.5);
            expect(await client.zScore(z, 'nobody')).toBeNull();
            expect(await client.zIncrBy(z, 10, 'alice')).toBe(11);
            expect(await client.zRank(z, 'alice')).toBe(3);
            expect(await client.zCard(z)).toBe(4);
            expect(await client.zCount(z, 0, 20)).toBe(3);
            expect(await client.zRem(z, ['bob', 'nobody'])).toBe(1);
            expect(await client.zPopMin(z)).toEqual({ value: 'dave', score: -3 });
            expect(await client.zRangeWithScores(z, 0, -1)).toEqual([
              { value: 'carol', score: 2.5 },
              { value: 'alice', score: 11 },
            ]);
            expect(await client.type(z)).toBe('zset');
          }));

        test('BLPOP: a duplicate() blocks, the first client pushes, the blocked one gets the element', () =>
          target.traced(async () => {
            const pusher = await connect();
            const blocker = await open(pusher.duplicate(), 'the duplicate() to connect');
            const q = k('bl:jobs');
            const popped = blocker.blPop(q, 0);
            await blockedClients(pusher, 1);
            expect(await pusher.rPush(q, ['job1', 'job2'])).toBe(2);
            expect(await within(popped, WAIT_MS, 'blPop to return')).toEqual({ key: q, element: 'job1' });
            expect(await pusher.lRange(q, 0, -1)).toEqual(['job2']);
            // An element already there is served at once; a timeout answers null.
            expect(await blocker.blPop([k('bl:other'), q], 1)).toEqual({ key: q, element: 'job2' });
            expect(await blocker.blPop(q, 0.05)).toBeNull();
          }));
      });
    }
  },
  { proxy: true },
);
