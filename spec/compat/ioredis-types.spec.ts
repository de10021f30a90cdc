// ioredis (v6, default options: RESP3 after HELLO 3) with the data types of issue 11:
// hashes, lists, sets and sorted sets as a Node project uses them, through ioredis's own
// reply shaping (HGETALL as an object, WITHSCORES as member/score strings), and BLPOP with
// one connection blocked while another pushes.
//
// Every test runs against our server and against a real redis-server (the control, the
// same expectations): a test that passes on redis-server and fails on ours names a
// difference in our server. Clients connect through a recording proxy, so a failure also
// prints the bytes exchanged.
//
// No sleeps: the blocked client is waited for by asking the server (INFO clients'
// blocked_clients, as a monitoring tool would), one round trip at a time, with a deadline.
import { describeTargets, within, type CompatTarget } from '../support/compat-targets';
import { ioredisClients } from '../support/ioredis-clients';

const WAIT_MS = 3000;

describeTargets(
  'ioredis: hashes, lists, sets, sorted sets, BLPOP',
  (target: CompatTarget) => {
    const { connect, blockedClients, adopt } = ioredisClients(target, WAIT_MS);

    test('hashes: hset with an object, hget, hmget, hgetall as an object, hincrby, hdel, hlen, hexists', () =>
      target.traced(async () => {
        const client = await connect();
        expect(await client.hset('h:user', { name: 'ada', lang: 'en', visits: '1' })).toBe(3);
        expect(await client.hset('h:user', 'lang', 'fr', 'city', 'paris')).toBe(1);
        expect(await client.hget('h:user', 'lang')).toBe('fr');
        expect(await client.hget('h:user', 'missing')).toBeNull();
        expect(await client.hmget('h:user', 'name', 'missing', 'city')).toEqual(['ada', null, 'paris']);
        // A small hash answers in insertion order (listpack), in Redis and here.
        expect(await client.hgetall('h:user')).toEqual({ name: 'ada', lang: 'fr', visits: '1', city: 'paris' });
        expect(Object.keys(await client.hgetall('h:user'))).toEqual(['name', 'lang', 'visits', 'city']);
        expect(await client.hgetall('h:missing')).toEqual({});
        expect(await client.hincrby('h:user', 'visits', 41)).toBe(42);
        expect(await client.hexists('h:user', 'visits')).toBe(1);
        expect(await client.hdel('h:user', 'visits', 'missing')).toBe(1);
        expect(await client.hexists('h:user', 'visits')).toBe(0);
        expect(await client.hlen('h:user')).toBe(3);
        expect(await client.hkeys('h:user')).toEqual(['name', 'lang', 'city']);
        expect(await client.hvals('h:user')).toEqual(['ada', 'fr', 'paris']);
        expect(await client.type('h:user')).toBe('hash');
        // Emptied by its last field, the key is gone.
        expect(await client.hdel('h:user', 'name', 'lang', 'city')).toBe(3);
        expect(await client.exists('h:user')).toBe(0);
        // Binary fields and values come back byte for byte.
        const bytes = Buffer.from([0, 1, 0xfe, 0xff, 0x0d, 0x0a]);
        expect(await client.hset('h:bin', bytes, bytes)).toBe(1);
        expect(await client.hgetBuffer('h:bin', bytes)).toEqual(bytes);
      }));

    test('lists: lpush, rpush, lrange, llen, lindex, lpop and rpop (with count), lrem', () =>
      target.traced(async () => {
        const client = await connect();
        expect(await client.lpush('l:q', 'c', 'b', 'a')).toBe(3);
        expect(await client.rpush('l:q', 'd', 'e')).toBe(5);
        expect(await client.lrange('l:q', 0, -1)).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(await client.lrange('l:q', 1, 2)).toEqual(['b', 'c']);
        expect(await client.lrange('l:q', -2, 100)).toEqual(['d', 'e']);
        expect(await client.lrange('l:missing', 0, -1)).toEqual([]);
        expect(await client.llen('l:q')).toBe(5);
        expect(await client.lindex('l:q', -1)).toBe('e');
        expect(await client.lpop('l:q')).toBe('a');
        expect(await client.rpop('l:q')).toBe('e');
        expect(await client.lpop('l:q', 2)).toEqual(['b', 'c']);
        expect(await client.rpush('l:q', 'x', 'd', 'x')).toBe(4);
        expect(await client.lrem('l:q', 0, 'x')).toBe(2);
        expect(await client.lrange('l:q', 0, -1)).toEqual(['d', 'd']);
        expect(await client.rpop('l:q', 5)).toEqual(['d', 'd']);
        expect(await client.exists('l:q')).toBe(0);
        expect(await client.lpop('l:q')).toBeNull();
        expect(await client.type('l:missing')).toBe('none');
      }));

    test('sets: sadd, smembers, sismember, smismember, scard, srem, sinter, sunion', () =>
      target.traced(async () => {
        const client = await connect();
        expect(await client.sadd('s:a', 'x', 'y', 'z', 'x')).toBe(3);
        expect(await client.sadd('s:b', ['y', 'z', 'w'])).toBe(3);
        // Hash-table order is unspecified (in Redis too): compare sorted.
        expect((await client.smembers('s:a')).sort()).toEqual(['x', 'y', 'z']);
        expect(await client.smembers('s:missing')).toEqual([]);
        expect(await client.sismember('s:a', 'x')).toBe(1);
        expect(await client.sismember('s:a', 'w')).toBe(0);
        expect(await client.smismember('s:a', 'x', 'w', 'z')).toEqual([1, 0, 1]);
        expect(await client.scard('s:a')).toBe(3);
        expect((await client.sinter('s:a', 's:b')).sort()).toEqual(['y', 'z']);
        expect((await client.sunion('s:a', 's:b')).sort()).toEqual(['w', 'x', 'y', 'z']);
        expect(await client.srem('s:a', 'x', 'nope')).toBe(1);
        expect(await client.type('s:a')).toBe('set');
        // An integer-only small set (intset) answers in numeric order, in Redis and here.
        expect(await client.sadd('s:ints', 10, 3, -1, 7)).toBe(4);
        expect(await client.smembers('s:ints')).toEqual(['-1', '3', '7', '10']);
      }));

    test('sorted sets: zadd, zrange withscores, zrangebyscore, zscore, zincrby, zrank, zrem, zpopmin', () =>
      target.traced(async () => {
        const client = await connect();
        expect(await client.zadd('z:board', 1, 'alice', 2.5, 'bob', 2.5, 'carol', -3, 'dave')).toBe(4);
        expect(await client.zrange('z:board', 0, '-1')).toEqual(['dave', 'alice', 'bob', 'carol']);
        // WITHSCORES: member, score, member, score ... as strings, as ioredis hands them over.
        expect(await client.zrange('z:board', 0, '-1', 'WITHSCORES')).toEqual(['dave', '-3', 'alice', '1', 'bob', '2.5', 'carol', '2.5']);
        expect(await client.zrange('z:board', 0, '1', 'REV')).toEqual(['carol', 'bob']);
        expect(await client.zrangebyscore('z:board', 1, '+inf')).toEqual(['alice', 'bob', 'carol']);
        expect(await client.zrangebyscore('z:board', '(1', 2.5, 'WITHSCORES')).toEqual(['bob', '2.5', 'carol', '2.5']);
        expect(await client.zrangebyscore('z:board', '-inf', '+inf', 'LIMIT', 1, 2)).toEqual(['alice', 'bob']);
        expect(await client.zrevrangebyscore('z:board', '+inf', 2)).toEqual(['carol', 'bob']);
        expect(await client.zscore('z:board', 'bob')).toBe('2.5');
        expect(await client.zscore('z:board', 'nobody')).toBeNull();
        expect(await client.zincrby('z:board', 10, 'alice')).toBe('11');
        expect(await client.zrank('z:board', 'alice')).toBe(3);
        expect(await client.zrevrank('z:board', 'alice')).toBe(0);
        expect(await client.zcard('z:board')).toBe(4);
        expect(await client.zcount('z:board', 0, 20)).toBe(3);
        expect(await client.zrem('z:board', 'bob', 'nobody')).toBe(1);
        expect(await client.zpopmin('z:board')).toEqual(['dave', '-3']);
        expect(await client.zadd('z:board', 'XX', 'CH', 5, 'carol')).toBe(1);
        expect(await client.zrange('z:board', 0, '-1', 'WITHSCORES')).toEqual(['carol', '5', 'alice', '11']);
        expect(await client.type('z:board')).toBe('zset');
      }));

    test('WRONGTYPE: a list command on a hash is refused with Redis\'s text', () =>
      target.traced(async () => {
        const client = await connect();
        await client.hset('wt:h', 'f', 'v');
        await expect(client.lpush('wt:h', 'x')).rejects.toThrow(
          'WRONGTYPE Operation against a key holding the wrong kind of value',
        );
        await expect(client.get('wt:h')).rejects.toThrow('WRONGTYPE Operation against a key holding the wrong kind of value');
        expect(await client.hget('wt:h', 'f')).toBe('v');
      }));

    test('BLPOP: a duplicate() blocks, another connection pushes, the blocked one gets the element', () =>
      target.traced(async () => {
        const pusher = await connect();
        const blocker = pusher.duplicate();
        adopt(blocker);
        const popped = blocker.blpop('bl:jobs', 0);
        await blockedClients(pusher, 1);
        expect(await pusher.rpush('bl:jobs', 'job1', 'job2')).toBe(2);
        expect(await within(popped, WAIT_MS, 'BLPOP to return')).toEqual(['bl:jobs', 'job1']);
        // Exactly one element went to the waiter; the other is still there.
        expect(await pusher.lrange('bl:jobs', 0, -1)).toEqual(['job2']);
        // An element already there is served at once.
        expect(await blocker.blpop('bl:other', 'bl:jobs', 1)).toEqual(['bl:jobs', 'job2']);
        // And a timeout answers null.
        expect(await blocker.blpop('bl:jobs', 0.05)).toBeNull();
      }));

    test('BLPOP: two waiters on one key are served in the order they blocked', () =>
      target.traced(async () => {
        const pusher = await connect();
        const first = pusher.duplicate();
        const second = pusher.duplicate();
        for (const c of [first, second]) {
          adopt(c);
        }
        const one = first.blpop('bl:fifo', 0);
        await blockedClients(pusher, 1);
        const two = second.blpop('bl:fifo', 0);
        await blockedClients(pusher, 2);
        expect(await pusher.rpush('bl:fifo', 'a', 'b')).toBe(2);
        expect(await within(one, WAIT_MS, 'the first BLPOP')).toEqual(['bl:fifo', 'a']);
        expect(await within(two, WAIT_MS, 'the second BLPOP')).toEqual(['bl:fifo', 'b']);
      }));
  },
  { proxy: true },
);
