// The keyspace commands where a byte-for-byte comparison cannot work: replies whose
// order or value Redis leaves open (KEYS, SCAN cursors, RANDOMKEY, PTTL), SCAN's
// guarantee under concurrent writes, and expiry over time.
//
// - Against real servers: each test runs against our server and, where installed,
//   against redis-server too. The same assertions passing on Redis is what shows
//   they test Redis's contract and not an accident of our implementation.
// - In process: a long SCAN under heavy churn, driven through session() with no
//   socket, so it can afford thousands of steps.
// - On virtual time (TestScheduler): EXPIRE, PERSIST, TTL and friends as time passes,
//   with no real waiting.

import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import type { Frame } from '../../src/protocol/frame';
import { ReplyWriter } from '../../src/protocol/encode';
import type { ConnectionContext } from '../../src/commands/command';
import { keyspaceCommands } from '../../src/commands/keyspace';
import { randomkey } from '../../src/commands/keyspace/randomkey';
import { RawConnection } from '../support/raw-connection';
import { startRealRedis } from '../support/real-redis';
import { renderReply, type Resp2Reply } from '../support/resp2-reader';
import { call, pipeline, request } from '../support/resp2-call';
import { asInteger, asString, asStrings } from '../support/reply-readers';
import { describeOnBothServers, redisBinary } from '../support/both-servers';
import { describeWithRedis, expectCommandInfo } from '../support/command-metadata';
import { prng } from '../support/prng';
import { asText, batch, newTestScheduler } from '../support/marbles';
import { inProcess } from '../support/in-process';

// ---------------------------------------------------------------------------
// Talking to a server

/** One SCAN step: [cursor, keys]. */
function scanStep(reply: Resp2Reply): { cursor: string; keys: string[] } {
  if (reply.kind !== 'array' || reply.items === null || reply.items.length !== 2) {
    throw new Error(`SCAN replied ${renderReply(reply)}`);
  }
  const cursor = asString(reply.items[0]);
  if (cursor === null || !/^(0|[1-9][0-9]*)$/.test(cursor)) throw new Error(`bad SCAN cursor ${String(cursor)}`);
  return { cursor, keys: asStrings(reply.items[1]) };
}

async function setMany(conn: RawConnection, keys: readonly string[]): Promise<void> {
  const replies = await pipeline(conn, keys.map((k) => ['SET', k, 'v']));
  for (const reply of replies) expect(reply).toEqual({ kind: 'simple', text: 'OK' });
}

// ---------------------------------------------------------------------------
// Against our server and redis-server

describeOnBothServers('keyspace commands on %s', 'keyspace command tests', (server) => {
  // Every test starts from an empty keyspace: this server belongs to this file.
  beforeEach(async () => {
    expect(await call(server.conn, 'FLUSHALL')).toEqual({ kind: 'simple', text: 'OK' });
  });

  test('KEYS returns exactly the matching keys, each once', async () => {
    await setMany(server.conn, ['user:1', 'user:2', 'user:10', 'user:x', 'other:1', 'User:3']);
    expect(asStrings(await call(server.conn, 'KEYS', '*')).sort()).toEqual(['User:3', 'other:1', 'user:1', 'user:10', 'user:2', 'user:x']);
    expect(asStrings(await call(server.conn, 'KEYS', 'user:?')).sort()).toEqual(['user:1', 'user:2', 'user:x']);
    expect(asStrings(await call(server.conn, 'KEYS', 'user:[0-9]*')).sort()).toEqual(['user:1', 'user:10', 'user:2']);
    expect(asStrings(await call(server.conn, 'KEYS', '*:1')).sort()).toEqual(['other:1', 'user:1']);
    expect(asStrings(await call(server.conn, 'KEYS', 'nothing*'))).toEqual([]);
  });

  test('KEYS leaves out keys whose time has passed', async () => {
    await setMany(server.conn, ['a', 'b', 'c']);
    expect(asInteger(await call(server.conn, 'PEXPIREAT', 'b', '1'))).toBe(1);
    expect(asStrings(await call(server.conn, 'KEYS', '*')).sort()).toEqual(['a', 'c']);
  });

  test.each(['1', '3', '10', '1000'])('SCAN with COUNT %s visits every key, and ends on cursor "0"', async (count) => {
    const keys = Array.from({ length: 100 }, (_, i) => `scan:${i}`);
    await setMany(server.conn, keys);
    const seen = new Set<string>();
    let cursor = '0';
    let steps = 0;
    do {
      const step = scanStep(await call(server.conn, 'SCAN', cursor, 'COUNT', count));
      step.keys.forEach((k) => seen.add(k));
      cursor = step.cursor;
      if (++steps > 1000) throw new Error('SCAN did not end');
    } while (cursor !== '0');
    expect([...seen].sort()).toEqual([...keys].sort());
  });

  test('SCAN MATCH and TYPE filter the keys of a full walk', async () => {
    await setMany(server.conn, ['m:a1', 'm:a2', 'm:b1', 'n:a1']);
    const walk = async (...options: string[]): Promise<string[]> => {
      const seen: string[] = [];
      let cursor = '0';
      do {
        const step = scanStep(await call(server.conn, 'SCAN', cursor, 'COUNT', '2', ...options));
        seen.push(...step.keys);
        cursor = step.cursor;
      } while (cursor !== '0');
      return [...new Set(seen)].sort();
    };
    expect(await walk('MATCH', 'm:a*')).toEqual(['m:a1', 'm:a2']);
    expect(await walk('MATCH', '*1', 'TYPE', 'string')).toEqual(['m:a1', 'm:b1', 'n:a1']);
    expect(await walk('TYPE', 'hash')).toEqual([]);
  });

  // SCAN's promise: a key present from the first call to the last is returned, even
  // while other keys are added and deleted between the calls.
  test('SCAN returns every key present for the whole walk while others come and go', async () => {
    const random = prng(7);
    const stable = Array.from({ length: 300 }, (_, i) => `stable:${i}`);
    const doomed = Array.from({ length: 150 }, (_, i) => `doomed:${i}`);
    await setMany(server.conn, [...stable, ...doomed]);
    const everExisted = new Set([...stable, ...doomed]);
    const seen = new Set<string>();
    let cursor = '0';
    let step = 0;
    do {
      const reply = scanStep(await call(server.conn, 'SCAN', cursor, 'COUNT', '7'));
      reply.keys.forEach((k) => seen.add(k));
      cursor = reply.cursor;
      // Between steps: delete some doomed keys, add new ones, delete some new ones again.
      // Fewer are added than a step visits: SCAN is only promised to end on a keyspace
      // that does not outgrow it (and the Db's insertion-order walk needs that; see
      // scan.ts).
      const changes: string[][] = [];
      for (let i = 0; i < 3; i++) changes.push(['DEL', doomed[Math.floor(random() * doomed.length)]]);
      for (let i = 0; i < 5; i++) {
        const fresh = `new:${step}:${i}`;
        everExisted.add(fresh);
        changes.push(['SET', fresh, 'v']);
      }
      if (step > 0) changes.push(['DEL', `new:${step - 1}:${Math.floor(random() * 5)}`]);
      await pipeline(server.conn, changes);
      if (++step > 10_000) throw new Error('SCAN did not end');
    } while (cursor !== '0');
    for (const key of stable) expect(seen.has(key) ? key : `missing ${key}`).toBe(key);
    // And nothing that never existed.
    for (const key of seen) expect(everExisted.has(key) ? key : `phantom ${key}`).toBe(key);
  });

  test('RANDOMKEY: null when empty, otherwise one of the keys, each of them eventually', async () => {
    expect(await call(server.conn, 'RANDOMKEY')).toEqual({ kind: 'bulk', bytes: null });
    const keys = ['r:a', 'r:b', 'r:c'];
    await setMany(server.conn, keys);
    const replies = await pipeline(server.conn, Array.from({ length: 300 }, () => ['RANDOMKEY']));
    const picked = new Set(replies.map((r) => asString(r)));
    // 300 draws missing one of three keys: probability 3 * (2/3)^300, about 1e-52.
    expect([...picked].sort()).toEqual(keys);
  });

  test('RANDOMKEY never returns a key whose time has passed', async () => {
    await setMany(server.conn, ['alive', 'dead:1', 'dead:2']);
    await pipeline(server.conn, [['PEXPIREAT', 'dead:1', '1'], ['PEXPIREAT', 'dead:2', '1']]);
    const replies = await pipeline(server.conn, Array.from({ length: 50 }, () => ['RANDOMKEY']));
    expect(new Set(replies.map((r) => asString(r)))).toEqual(new Set(['alive']));
  });

  test('PTTL, TTL, EXPIRETIME and PEXPIRETIME fall in the expected ranges', async () => {
    await setMany(server.conn, ['t']);
    const before = Date.now();
    expect(asInteger(await call(server.conn, 'PEXPIRE', 't', '100000'))).toBe(1);
    const [pttl, ttl, expiretime, pexpiretime] = (
      await pipeline(server.conn, [['PTTL', 't'], ['TTL', 't'], ['EXPIRETIME', 't'], ['PEXPIRETIME', 't']])
    ).map(asInteger);
    const after = Date.now();
    expect(pttl).toBeGreaterThan(100000 - (after - before) - 5);
    expect(pttl).toBeLessThanOrEqual(100000);
    expect(ttl).toBe(100);
    expect(pexpiretime).toBeGreaterThanOrEqual(before + 100000 - 5);
    expect(pexpiretime).toBeLessThanOrEqual(after + 100000 + 5);
    expect(expiretime).toBe(Math.floor((pexpiretime + 500) / 1000));
    // A TTL of 1.5 s shows as 2 (rounded) or, a moment later, 1: never anything else.
    await call(server.conn, 'SET', 'u', 'v', 'PX', '1500');
    expect([1, 2]).toContain(asInteger(await call(server.conn, 'TTL', 'u')));
  });
});

// ---------------------------------------------------------------------------
// COMMAND INFO: our specs carry Redis's arity, flags, key positions and categories

describeWithRedis('keyspace command metadata', (redis) => {
  test.each(keyspaceCommands.map((c) => [c.name, c] as const))('%s matches COMMAND INFO', async (name, spec) => {
    expectCommandInfo(await redis.call('COMMAND', 'INFO', name), spec);
  });
});

// ---------------------------------------------------------------------------
// RESP3: RANDOMKEY's null is `_`, as Redis sends it after HELLO 3

describe('RESP3', () => {
  test('RANDOMKEY on an empty keyspace encodes as RESP3 null, and as $-1 in RESP2', () => {
    const db = new Db();
    const reply = randomkey.apply([], { db } as unknown as ConnectionContext) as Frame;
    const writer = new ReplyWriter();
    writer.write(reply);
    writer.protocol = 3;
    writer.write(reply);
    expect(Buffer.concat(writer.take()).toString('latin1')).toBe('$-1\r\n_\r\n');
  });

  (redisBinary === undefined ? test.skip : test)('redis-server answers RANDOMKEY on an empty keyspace with `_` after HELLO 3', async () => {
    const redis = await startRealRedis(redisBinary);
    const conn = await RawConnection.connect(redis!.endpoint);
    try {
      // HELLO's map is read up to a PONG sentinel, to stay independent of a RESP3 reader.
      await conn.send(request('HELLO', '3') + request('PING'));
      const hello = await conn.readUntil('PONG', (received) => {
        const at = received.indexOf('+PONG\r\n');
        return at === -1 ? undefined : at + 7;
      });
      expect(hello.toString('latin1')).toMatch(/^%7\r\n/);
      await conn.send(request('RANDOMKEY') + request('PING'));
      const replies = await conn.readUntil('RANDOMKEY and PONG', (received) =>
        received.toString('latin1').endsWith('+PONG\r\n') ? received.length : undefined,
      );
      expect(replies.toString('latin1')).toBe('_\r\n+PONG\r\n');
    } finally {
      conn.destroy();
      await redis?.stop();
    }
  });
});

// ---------------------------------------------------------------------------
// In process: SCAN under heavy churn

describe('SCAN in process', () => {
  // Thousands of deletions make the Db compact its scan order mid-walk: cursors must
  // stay valid across that, and renamed or overwritten keys must not confuse them.
  test('returns every key present for the whole walk, through heavy churn', () => {
    const db = new Db();
    const run = inProcess(db);
    const random = prng(42);
    const stable = Array.from({ length: 2000 }, (_, i) => `stable:${i}`);
    for (const key of stable) run('SET', key, 'v');
    let live: string[] = [];
    for (let i = 0; i < 3000; i++) live.push(`churn:${i}`);
    for (const key of live) run('SET', key, 'v');
    let created = live.length;
    const seen = new Set<string>();
    let cursor = '0';
    let steps = 0;
    do {
      const step = scanStep(run('SCAN', cursor, 'COUNT', String(1 + Math.floor(random() * 20))));
      step.keys.forEach((k) => seen.add(k));
      cursor = step.cursor;
      // Delete about 2% of the churn keys, create 5 (fewer than a step visits on
      // average, so the walk catches up), rename one, overwrite a stable one.
      const keep: string[] = [];
      for (const key of live) {
        if (random() < 0.98) keep.push(key);
        else run('DEL', key);
      }
      live = keep;
      for (let i = 0; i < 5; i++) {
        const key = `churn:${created++}`;
        run('SET', key, 'v');
        live.push(key);
      }
      if (live.length > 0) {
        const from = live.shift()!;
        const to = `churn:${created++}`;
        expect(run('RENAME', from, to)).toEqual({ kind: 'simple', text: 'OK' });
        live.push(to);
      }
      run('SET', stable[Math.floor(random() * stable.length)], 'overwritten');
      if (++steps > 20_000) throw new Error('SCAN did not end');
    } while (cursor !== '0');
    const missing = stable.filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
    expect(steps).toBeGreaterThan(100);
  });

  test('an unknown cursor (past the end, huge, negative) starts the walk over: no key is ever missed', () => {
    const run = inProcess(new Db());
    run('SET', 'a', 'v');
    for (const cursor of ['999999', '18446744073709551615', '-1']) {
      expect(scanStep(run('SCAN', cursor))).toEqual({ cursor: '0', keys: ['a'] });
    }
  });
});

// ---------------------------------------------------------------------------
// Expiry on virtual time. Marble frames are 1 ms; 'a 999ms b' puts b at 1000 ms.

describe('expiry commands on virtual time', () => {
  it('EXPIRE: the key is there until its time, gone once the clock is past it', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const requests = cold('a 999ms b 1ms c', {
        a: [...batch('SET', 'k', 'v'), ...batch('EXPIRE', 'k', '1')],
        b: batch('EXISTS', 'k'), // at 1000 ms: exactly its time, not past it yet
        c: batch('EXISTS', 'k'), // at 1002 ms
      });
      expectObservable(asText(session(db, requests))).toBe('a 999ms b 1ms c', {
        a: '+OK\r\n:1\r\n',
        b: ':1\r\n',
        c: ':0\r\n',
      });
    });
  });

  it('PERSIST keeps the key past its old expiry', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const requests = cold('a 49ms b 949ms c', {
        a: [...batch('SET', 'k', 'v'), ...batch('PEXPIRE', 'k', '100')],
        b: [...batch('PERSIST', 'k'), ...batch('PERSIST', 'k')],
        c: [...batch('GET', 'k'), ...batch('TTL', 'k')],
      });
      expectObservable(asText(session(db, requests))).toBe('a 49ms b 949ms c', {
        a: '+OK\r\n:1\r\n',
        b: ':1\r\n:0\r\n',
        c: '$1\r\nv\r\n:-1\r\n',
      });
    });
  });

  it('the purge removes an EXPIREd key on its own: DBSIZE drops with no access to the key', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const requests = cold('a 49ms b 51ms c', {
        a: [...batch('SET', 'k', 'v'), ...batch('SET', 'other', 'v'), ...batch('PEXPIRE', 'k', '100')],
        b: batch('DBSIZE'), // 50 ms
        c: batch('DBSIZE'), // 102 ms
      });
      expectObservable(asText(session(db, requests))).toBe('a 49ms b 51ms c', {
        a: '+OK\r\n+OK\r\n:1\r\n',
        b: ':2\r\n',
        c: ':1\r\n',
      });
    });
  });

  it('TTL counts down, rounded to the nearest second; PTTL exactly', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const ask = [...batch('PTTL', 'k'), ...batch('TTL', 'k')];
      const requests = cold('a 399ms b 199ms c 399ms d 1ms e', {
        a: [...batch('SET', 'k', 'v'), ...batch('PEXPIRE', 'k', '1000'), ...ask],
        b: ask, // 400 ms
        c: ask, // 600 ms
        d: ask, // 1000 ms
        e: ask, // 1002 ms
      });
      expectObservable(asText(session(db, requests))).toBe('a 399ms b 199ms c 399ms d 1ms e', {
        a: '+OK\r\n:1\r\n:1000\r\n:1\r\n',
        b: ':600\r\n:1\r\n',
        c: ':400\r\n:0\r\n',
        d: ':0\r\n:0\r\n',
        e: ':-2\r\n:-2\r\n',
      });
    });
  });

  it('EXPIREAT and PEXPIREAT read absolute times on the Db clock; a time not after now deletes', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const requests = cold('a 9ms b 100ms c', {
        a: [...batch('SET', 'at', 'v'), ...batch('PEXPIREAT', 'at', '50'), ...batch('PEXPIRETIME', 'at'), ...batch('EXPIRETIME', 'at')],
        b: [...batch('SET', 'now', 'v'), ...batch('PEXPIREAT', 'now', '10'), ...batch('EXISTS', 'now', 'at')], // at 10 ms
        c: [...batch('EXISTS', 'at')], // at 111 ms
      });
      expectObservable(asText(session(db, requests))).toBe('a 9ms b 100ms c', {
        a: '+OK\r\n:1\r\n:50\r\n:0\r\n',
        b: '+OK\r\n:1\r\n:1\r\n',
        c: ':0\r\n',
      });
    });
  });

  it('GT only lengthens, LT only shortens, NX only sets, XX only replaces', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const requests = cold('a 9ms b 9ms c', {
        a: [
          ...batch('SET', 'k', 'v'),
          ...batch('PEXPIRE', 'k', '100', 'XX'), // no expiry to replace: 0
          ...batch('PEXPIRE', 'k', '100', 'GT'), // no expiry counts as infinite: 0
          ...batch('PEXPIRE', 'k', '100', 'NX'), // 1: expires at 100
        ],
        b: [
          ...batch('PEXPIRE', 'k', '80', 'GT'), // at 10: 90 < 100, 0
          ...batch('PEXPIRE', 'k', '80', 'LT'), // 1: now expires at 90
          ...batch('PEXPIRE', 'k', '500', 'NX'), // has one: 0
          ...batch('PEXPIRETIME', 'k'),
        ],
        c: [...batch('PEXPIRE', 'k', '200', 'XX', 'GT'), ...batch('PTTL', 'k')], // at 20: 220 > 90
      });
      expectObservable(asText(session(db, requests))).toBe('a 9ms b 9ms c', {
        a: '+OK\r\n:0\r\n:0\r\n:1\r\n',
        b: ':0\r\n:1\r\n:0\r\n:90\r\n',
        c: ':1\r\n:200\r\n',
      });
    });
  });

  it('RENAME carries the expiry to the new name', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const requests = cold('a 49ms b 51ms c', {
        a: [...batch('SET', 'a', 'v'), ...batch('PEXPIRE', 'a', '100'), ...batch('RENAME', 'a', 'b')],
        b: [...batch('PTTL', 'b'), ...batch('EXISTS', 'a')], // 50 ms
        c: batch('EXISTS', 'b'), // 102 ms
      });
      expectObservable(asText(session(db, requests))).toBe('a 49ms b 51ms c', {
        a: '+OK\r\n:1\r\n+OK\r\n',
        b: ':50\r\n:0\r\n',
        c: ':0\r\n',
      });
    });
  });

  it('re-EXPIRE moves the expiry later; KEYS and SCAN stop listing a key once it expires', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const list = [...batch('KEYS', '*'), ...batch('SCAN', '0')];
      const requests = cold('a 49ms b 69ms c 39ms d', {
        a: [...batch('SET', 'k', 'v'), ...batch('PEXPIRE', 'k', '100')],
        b: batch('PEXPIRE', 'k', '100'), // at 50: now expires at 150
        c: list, // at 120: still there
        d: list, // at 160: gone
      });
      expectObservable(asText(session(db, requests))).toBe('a 49ms b 69ms c 39ms d', {
        a: '+OK\r\n:1\r\n',
        b: ':1\r\n',
        c: '*1\r\n$1\r\nk\r\n*2\r\n$1\r\n0\r\n*1\r\n$1\r\nk\r\n',
        d: '*0\r\n*2\r\n$1\r\n0\r\n*0\r\n',
      });
    });
  });
});
