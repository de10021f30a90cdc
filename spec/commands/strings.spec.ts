// The string commands where a byte-for-byte comparison with Redis cannot say enough
// (spec/differential/corpus-strings.ts has the rest):
//
// - Expiry on virtual time (TestScheduler): SETEX, PSETEX and GETEX set times to live,
//   INCR, APPEND, SETRANGE... keep them, GETSET and MSET drop them. Only a clock shows
//   that, and a virtual one shows it exactly, with no waiting.
// - WRONGTYPE: only strings exist in our server so far, so a key of another type is
//   simulated (an entry whose type tag says "list"); the replies are checked against
//   a table that is itself checked against a real list in redis-server.
// - Property tests (fast-check): INCRBY and DECRBY against a BigInt model of 64-bit
//   arithmetic; the software long double against the hardware's double (same code, a
//   53-bit format), and INCRBYFLOAT against exact decimal arithmetic where Redis's
//   long double is exact to 17 decimals.
// - APPEND's growth in place, and the proto-max-bulk-len limit with a small limit
//   configured (the real one is 512 MB: too big to allocate in a test).

import * as fc from 'fast-check';
import { of } from 'rxjs';
import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { command } from '../../src/protocol/frame';
import { ServerState } from '../../src/commands/server-state';
import {
  IEEE_DOUBLE,
  X87_EXTENDED,
  addLongDouble,
  formatFixed17,
  formatHuman,
  parseLongDouble,
  type LongDouble,
} from '../../src/commands/strings/long-double';
import { RawConnection } from '../support/raw-connection';
import { findRedisServer, startRealRedis, warnRedisMissing, type RealRedis } from '../support/real-redis';
import { readReply } from '../support/resp2-reader';
import { asText, batch, newTestScheduler } from '../support/marbles';

// ---------------------------------------------------------------------------
// Running commands in process

/** A request whose arguments are latin1 strings (one char per byte). */
const request = (...args: string[]) => command(...args.map((arg) => Buffer.from(arg, 'latin1')));

/**
 * Runs the requests through session() as one batch, with no socket and no scheduler:
 * everything happens synchronously, so the reply bytes are there when it returns.
 */
function run(db: Db, requests: readonly string[][], server?: ServerState): string {
  let out = '';
  session(db, of(requests.map((args) => request(...args))), { server }).subscribe((buffers) => {
    out += Buffer.concat(buffers).toString('latin1');
  });
  return out;
}

/**
 * A Db on real time, for the tests that need no clock. Closed after each test: a key
 * with a time to live schedules a purge timer, which would outlive the test.
 */
const opened: Db[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));
function newDb(): Db {
  const db = new Db();
  opened.push(db);
  return db;
}

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

// ---------------------------------------------------------------------------
// Expiry on virtual time

describe('string commands and time to live, on virtual time', () => {
  // In 'a 999ms b 1ms c', a is at 0 ms, b at 1000 ms and c at 1002 ms. A key expires
  // once the clock is past its time, as in Redis.
  it('SETEX sets a time to live in seconds', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a 999ms b 1ms c', { a: batch('SETEX', 'k', '1', 'v'), b: batch('GET', 'k'), c: batch('GET', 'k') });
      expectObservable(asText(session(new Db(), requests))).toBe('a 999ms b 1ms c', { a: '+OK\r\n', b: '$1\r\nv\r\n', c: '$-1\r\n' });
    });
  });

  it('PSETEX sets a time to live in milliseconds', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a 99ms b 1ms c', { a: batch('PSETEX', 'k', '100', 'v'), b: batch('GET', 'k'), c: batch('GET', 'k') });
      expectObservable(asText(session(new Db(), requests))).toBe('a 99ms b 1ms c', { a: '+OK\r\n', b: '$1\r\nv\r\n', c: '$-1\r\n' });
    });
  });

  it('SETEX replaces an earlier time to live, and a plain SET removes it', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a b 200ms c', {
        a: [...batch('PSETEX', 'short', '10', 'v'), ...batch('PSETEX', 'cleared', '10', 'v')],
        b: [...batch('PSETEX', 'short', '500', 'w'), ...batch('SET', 'cleared', 'w')],
        c: [...batch('GET', 'short'), ...batch('GET', 'cleared')],
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a b 200ms c', {
        a: '+OK\r\n+OK\r\n',
        b: '+OK\r\n+OK\r\n',
        c: '$1\r\nw\r\n$1\r\nw\r\n',
      });
    });
  });

  it('GETEX EX and PX set a time to live relative to now', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a 9ms b 1999ms c 1ms d', {
        a: [...batch('SET', 'ex', 'v'), ...batch('SET', 'px', 'v')],
        b: [...batch('GETEX', 'ex', 'EX', '2'), ...batch('GETEX', 'px', 'PX', '2000')], // at 10 ms: until 2010
        c: [...batch('GET', 'ex'), ...batch('GET', 'px')], // at 2010
        d: [...batch('GET', 'ex'), ...batch('GET', 'px')], // at 2012
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a 9ms b 1999ms c 1ms d', {
        a: '+OK\r\n+OK\r\n',
        b: '$1\r\nv\r\n$1\r\nv\r\n',
        c: '$1\r\nv\r\n$1\r\nv\r\n',
        d: '$-1\r\n$-1\r\n',
      });
    });
  });

  it('GETEX EXAT and PXAT set an absolute time; one already past deletes the key but still answers its value', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      // Virtual time starts at 0, so PXAT 100 is 100 ms from the start.
      const requests = cold('a 99ms b 1ms c 1897ms d 1ms e', {
        a: [...batch('SET', 'pxat', 'v'), ...batch('SET', 'exat', 'v'), ...batch('SET', 'past', 'v')],
        b: [...batch('GETEX', 'pxat', 'PXAT', '100'), ...batch('GETEX', 'exat', 'EXAT', '2'), ...batch('GETEX', 'past', 'PXAT', '50')],
        c: [...batch('GET', 'pxat'), ...batch('GET', 'past')], // at 102
        d: batch('GET', 'exat'), // at 2000: not past 2000 yet
        e: batch('GET', 'exat'), // at 2002
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a 99ms b 1ms c 1897ms d 1ms e', {
        a: '+OK\r\n+OK\r\n+OK\r\n',
        b: '$1\r\nv\r\n$1\r\nv\r\n$1\r\nv\r\n',
        c: '$-1\r\n$-1\r\n',
        d: '$1\r\nv\r\n',
        e: '$-1\r\n',
      });
    });
  });

  it('GETEX PERSIST removes the time to live; a plain GETEX leaves it', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a b 100ms c', {
        a: [...batch('SET', 'kept', 'v', 'PX', '50'), ...batch('SET', 'persisted', 'v', 'PX', '50')],
        b: [...batch('GETEX', 'kept'), ...batch('GETEX', 'persisted', 'PERSIST')],
        c: [...batch('GET', 'kept'), ...batch('GET', 'persisted')],
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a b 100ms c', {
        a: '+OK\r\n+OK\r\n',
        b: '$1\r\nv\r\n$1\r\nv\r\n',
        c: '$-1\r\n$1\r\nv\r\n',
      });
    });
  });

  it('an invalid GETEX time changes nothing', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a b 100ms c', {
        a: batch('SET', 'k', 'v', 'PX', '50'),
        b: [...batch('GETEX', 'k', 'EX', '0'), ...batch('GETEX', 'k', 'PERSIST', 'EX', '1')],
        c: batch('GET', 'k'),
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a b 100ms c', {
        a: '+OK\r\n',
        b: "-ERR invalid expire time in 'getex' command\r\n-ERR syntax error\r\n",
        c: '$-1\r\n',
      });
    });
  });

  it('INCR, DECRBY, INCRBYFLOAT, APPEND and SETRANGE keep the time to live', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const keys = ['incr', 'decrby', 'float', 'append', 'setrange'];
      const requests = cold('a b 48ms c 1ms d', {
        a: keys.flatMap((k) => batch('SET', k, '10', 'PX', '50')),
        b: [
          ...batch('INCR', 'incr'),
          ...batch('DECRBY', 'decrby', '3'),
          ...batch('INCRBYFLOAT', 'float', '0.5'),
          ...batch('APPEND', 'append', 'x'.repeat(2000)), // large enough to take the growing path
          ...batch('SETRANGE', 'setrange', '5', 'x'),
        ],
        c: batch('MGET', ...keys), // at 50: still there (the expiry time is not past yet)
        d: batch('MGET', ...keys), // at 52
      });
      const all = (values: string[]): string => `*5\r\n${values.map((v) => `$${v.length}\r\n${v}\r\n`).join('')}`;
      expectObservable(asText(session(new Db(), requests))).toBe('a b 48ms c 1ms d', {
        a: '+OK\r\n'.repeat(5),
        b: ':11\r\n:7\r\n$4\r\n10.5\r\n:2002\r\n:6\r\n',
        c: all(['11', '7', '10.5', `10${'x'.repeat(2000)}`, '10\x00\x00\x00x']),
        d: `*5\r\n${'$-1\r\n'.repeat(5)}`,
      });
    });
  });

  it('GETSET and MSET drop the time to live, as a SET does', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a b 100ms c', {
        a: [...batch('SET', 'getset', 'old', 'PX', '50'), ...batch('SET', 'mset', 'old', 'PX', '50')],
        b: [...batch('GETSET', 'getset', 'new'), ...batch('MSET', 'mset', 'new')],
        c: batch('MGET', 'getset', 'mset'),
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a b 100ms c', {
        a: '+OK\r\n+OK\r\n',
        b: '$3\r\nold\r\n+OK\r\n',
        c: '*2\r\n$3\r\nnew\r\n$3\r\nnew\r\n',
      });
    });
  });

  it('an expired key counts as missing: SETNX and MSETNX set it, GETDEL, GETEX and GETSET find nothing', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a 20ms b', {
        a: ['nx', 'mnx', 'del', 'ex', 'set'].flatMap((k) => batch('SET', k, 'old', 'PX', '10')),
        b: [
          ...batch('SETNX', 'nx', 'new'),
          ...batch('MSETNX', 'mnx', 'new'),
          ...batch('GETDEL', 'del'),
          ...batch('GETEX', 'ex', 'PERSIST'),
          ...batch('GETSET', 'set', 'new'),
          ...batch('MGET', 'nx', 'mnx', 'del', 'ex', 'set'),
        ],
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a 20ms b', {
        a: '+OK\r\n'.repeat(5),
        b: ':1\r\n:1\r\n$-1\r\n$-1\r\n$-1\r\n*5\r\n$3\r\nnew\r\n$3\r\nnew\r\n$-1\r\n$-1\r\n$3\r\nnew\r\n',
      });
    });
  });

  it('SETEX times are relative to the Db clock: the same request later expires later', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('500ms a 999ms b 1ms c', {
        a: batch('SETEX', 'k', '1', 'v'), // at 500: until 1500
        b: batch('GET', 'k'), // at 1500
        c: batch('GET', 'k'), // at 1502
      });
      expectObservable(asText(session(new Db(), requests))).toBe('500ms a 999ms b 1ms c', {
        a: '+OK\r\n',
        b: '$1\r\nv\r\n',
        c: '$-1\r\n',
      });
    });
  });
});

// ---------------------------------------------------------------------------
// WRONGTYPE

const WRONGTYPE = '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n';

/**
 * What each command answers on a key holding a list, and the key's type afterwards
 * (SETEX, MSET... overwrite any type; the others leave the list alone). Checked
 * against real Redis below.
 */
const onAList: readonly (readonly [readonly string[], string, 'list' | 'string'])[] = [
  [['GET', 'L'], WRONGTYPE, 'list'],
  [['SET', 'L', 'v'], '+OK\r\n', 'string'],
  [['SETNX', 'L', 'v'], ':0\r\n', 'list'],
  [['SETEX', 'L', '10', 'v'], '+OK\r\n', 'string'],
  [['PSETEX', 'L', '10000', 'v'], '+OK\r\n', 'string'],
  [['GETSET', 'L', 'v'], WRONGTYPE, 'list'],
  [['GETDEL', 'L'], WRONGTYPE, 'list'],
  [['GETEX', 'L'], WRONGTYPE, 'list'],
  [['GETEX', 'L', 'EX', '0'], WRONGTYPE, 'list'],
  [['GETEX', 'L', 'PERSIST'], WRONGTYPE, 'list'],
  [['GETEX', 'L', 'FOO'], '-ERR syntax error\r\n', 'list'],
  [['MGET', 'L', 'missing', 'L'], '*3\r\n$-1\r\n$-1\r\n$-1\r\n', 'list'],
  [['MSET', 'L', 'v'], '+OK\r\n', 'string'],
  [['MSETNX', 'missing', 'v', 'L', 'v'], ':0\r\n', 'list'],
  [['INCR', 'L'], WRONGTYPE, 'list'],
  [['DECR', 'L'], WRONGTYPE, 'list'],
  [['INCRBY', 'L', '5'], WRONGTYPE, 'list'],
  [['INCRBY', 'L', 'x'], '-ERR value is not an integer or out of range\r\n', 'list'],
  [['DECRBY', 'L', '5'], WRONGTYPE, 'list'],
  [['DECRBY', 'L', '-9223372036854775808'], '-ERR decrement would overflow\r\n', 'list'],
  [['INCRBYFLOAT', 'L', '1.5'], WRONGTYPE, 'list'],
  [['INCRBYFLOAT', 'L', 'abc'], WRONGTYPE, 'list'],
  [['APPEND', 'L', 'x'], WRONGTYPE, 'list'],
  [['STRLEN', 'L'], WRONGTYPE, 'list'],
  [['GETRANGE', 'L', '0', '-1'], WRONGTYPE, 'list'],
  [['GETRANGE', 'L', 'a', '1'], '-ERR value is not an integer or out of range\r\n', 'list'],
  [['SETRANGE', 'L', '0', 'x'], WRONGTYPE, 'list'],
  [['SETRANGE', 'L', '0', ''], WRONGTYPE, 'list'],
  [['SETRANGE', 'L', '-1', 'x'], '-ERR offset is out of range\r\n', 'list'],
];

/**
 * Puts at `key` a value that the Db says is a list for as long as it holds this
 * placeholder: a command that overwrites the key makes it a string again, as
 * overwriting a list does in Redis. (Only strings exist yet, so the Db's `typeOf` is
 * overridden on this one instance.)
 */
// An aggregate as the Db sees one (the Aggregate interface), standing in for a real
// list: these tests are about the string commands' type check, not about lists.
function fakeList(db: Db, key: string): void {
  const list = { type: 'list' as const, encoding: 'quicklist', size: 1, clone: () => list };
  db.add(key, list);
}

describe('WRONGTYPE: string commands on a key of another type', () => {
  it.each(onAList.map(([args, reply, after]) => [args.join(' '), args, reply, after] as const))(
    '%s',
    (_title, args, reply, after) => {
      const db = newDb();
      fakeList(db, 'L');
      expect(run(db, [[...args]])).toBe(reply);
      expect(db.entry('L')?.type).toBe(after);
    },
  );

  it('the check reads entry.type: the same commands on a string key are not refused', () => {
    const db = newDb();
    db.set('S', Buffer.from('5'));
    expect(run(db, [['INCR', 'S'], ['APPEND', 'S', '0'], ['STRLEN', 'S'], ['GETRANGE', 'S', '0', '-1'], ['GETDEL', 'S']])).toBe(
      ':6\r\n:2\r\n:2\r\n$2\r\n60\r\n$2\r\n60\r\n',
    );
  });
});

const redisServer = findRedisServer();
const oracleTitle = 'WRONGTYPE table, checked against a real list in redis-server';
if (redisServer === undefined) {
  warnRedisMissing(oracleTitle);
  describe.skip(`${oracleTitle} (skipped: redis-server not installed)`, () => {
    it('every row', () => undefined);
  });
} else {
  describe(oracleTitle, () => {
    let redis: RealRedis | null = null;
    let conn: RawConnection | undefined;
    beforeAll(async () => {
      redis = await startRealRedis(redisServer);
      if (redis === null) throw new Error('redis-server disappeared from PATH');
      conn = await RawConnection.connect(redis.endpoint, 5000);
    });
    afterAll(async () => {
      conn?.destroy();
      await redis?.stop();
    });

    it.each(onAList.map(([args, reply, after]) => [args.join(' '), args, reply, after] as const))(
      '%s',
      async (_title, args, reply, after) => {
        // A fresh list each time, then the command, then the key's type.
        const requests = [['DEL', 'L', 'missing'], ['RPUSH', 'L', 'a'], [...args], ['TYPE', 'L']];
        await conn!.send(requests.map((r) => `*${r.length}\r\n${r.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`).join(''));
        const bytes = await conn!.readReplies(requests.length, 5000);
        const replies: string[] = [];
        for (let at = 0; at < bytes.length; ) {
          const end = readReply(bytes, at)!.end;
          replies.push(bytes.toString('latin1', at, end));
          at = end;
        }
        expect(replies[2]).toBe(reply);
        expect(replies[3]).toBe(`+${after}\r\n`);
      },
    );
  });
}

// ---------------------------------------------------------------------------
// INCRBY / DECRBY: property test against a BigInt model

describe('INCR, DECR, INCRBY and DECRBY compute exactly in 64 bits', () => {
  const int64 = fc.oneof(
    fc.bigInt({ min: -1000n, max: 1000n }),
    fc.bigInt({ min: LLONG_MIN, max: LLONG_MAX }),
    fc.constantFrom(LLONG_MIN, LLONG_MAX, LLONG_MIN + 1n, LLONG_MAX - 1n, 0n, 2n ** 53n, -(2n ** 53n), 2n ** 53n + 1n, -(2n ** 53n) - 1n),
  );
  const operation = fc.oneof(
    fc.record({ name: fc.constantFrom('INCRBY', 'DECRBY'), delta: int64 }),
    fc.record({ name: fc.constantFrom('INCR', 'DECR'), delta: fc.constant(1n) }),
  );

  /** What Redis answers, and the counter afterwards. */
  function model(value: bigint, name: string, delta: bigint): [string, bigint] {
    if (name === 'DECRBY' && delta === LLONG_MIN) return ['-ERR decrement would overflow\r\n', value];
    const signed = name === 'DECRBY' || name === 'DECR' ? -delta : delta;
    const sum = value + signed;
    if (sum > LLONG_MAX || sum < LLONG_MIN) return ['-ERR increment or decrement would overflow\r\n', value];
    return [`:${sum}\r\n`, sum];
  }

  it('matches the model over random sequences, from random starting values', () => {
    fc.assert(
      fc.property(int64, fc.array(operation, { maxLength: 20 }), (start, operations) => {
        let expected = '+OK\r\n';
        let value = start;
        const requests: string[][] = [['SET', 'k', String(start)]];
        for (const { name, delta } of operations) {
          requests.push(name === 'INCR' || name === 'DECR' ? [name, 'k'] : [name, 'k', String(delta)]);
          const [reply, next] = model(value, name, delta);
          expected += reply;
          value = next;
        }
        requests.push(['GET', 'k']);
        expected += `$${String(value).length}\r\n${value}\r\n`;
        expect(run(newDb(), requests)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// The software long double

/** A finite value of a format with at most 53 bits of mantissa, as a JS number. */
function toNumber(value: LongDouble): number {
  if (value.kind === 'nan') return NaN;
  if (value.kind === 'infinite') return value.negative ? -Infinity : Infinity;
  // Split the power of two so that neither factor under- or overflows on its own.
  const half = Math.trunc(value.exponent / 2);
  const magnitude = Number(value.mantissa) * 2 ** half * 2 ** (value.exponent - half);
  return value.negative ? -magnitude : magnitude;
}

describe('the software long double', () => {
  const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
  /** JavaScript's shortest round-trip text, but keeping the sign of -0 (String(-0) is "0"). */
  const text = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

  it('in the double format, parses what JavaScript prints back to the same double', () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        const parsed = parseLongDouble(text(x), IEEE_DOUBLE);
        expect(parsed).not.toBeNull();
        expect(Object.is(toNumber(parsed!), x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('in the double format, adds as the hardware adds (rounding, subnormals, overflow, signed zeros)', () => {
    fc.assert(
      fc.property(finiteDouble, finiteDouble, (x, y) => {
        const sum = addLongDouble(parseLongDouble(text(x), IEEE_DOUBLE)!, parseLongDouble(text(y), IEEE_DOUBLE)!, IEEE_DOUBLE);
        expect(Object.is(toNumber(sum), x + y)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints %.17Lf as toFixed(17) does, where the two agree (below 1e21, no exact tie)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e20, max: 1e20 }), (x) => {
        const value = parseLongDouble(String(x), IEEE_DOUBLE)!;
        if (value.kind !== 'finite' || value.mantissa === 0n) return; // toFixed drops the sign of -0
        // An exact tie at the 17th decimal: C rounds it to even, toFixed up.
        let lowest = value.exponent;
        for (let m = value.mantissa; (m & 1n) === 0n; m >>= 1n) lowest++;
        if (lowest === -18) return;
        expect(formatFixed17(value)).toBe(x.toFixed(17));
      }),
      { numRuns: 2000 },
    );
  });

  it('differs from doubles exactly where Redis does (documented examples)', () => {
    const sum = (format: typeof X87_EXTENDED, a: string, b: string): string =>
      formatHuman(addLongDouble(parseLongDouble(a, format)!, parseLongDouble(b, format)!, format));
    expect(sum(X87_EXTENDED, '10.5', '0.1')).toBe('10.6');
    expect(sum(IEEE_DOUBLE, '10.5', '0.1')).toBe('10.59999999999999964');
    expect(sum(X87_EXTENDED, '0.1', '0.2')).toBe('0.3');
    expect(sum(IEEE_DOUBLE, '0.1', '0.2')).toBe('0.30000000000000004');
    expect(sum(X87_EXTENDED, '1e400', '0').length).toBe(401);
    expect(parseLongDouble('1e400', IEEE_DOUBLE)).toBeNull(); // beyond a double: overflow
  });
});

describe('INCRBYFLOAT', () => {
  /** `scaled / 10^17` with all 17 decimals, e.g. "-1.50000000000000000". */
  function fixed(scaled: bigint): string {
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(18, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -17)}.${digits.slice(-17)}`;
  }
  /** The same as Redis prints it: no trailing zeros, no bare point, never "-0". */
  function decimal(scaled: bigint): string {
    const text = fixed(scaled).replace(/0+$/, '').replace(/\.$/, '');
    return text === '-0' ? '0' : text;
  }
  const incrbyfloat = (start: string, increment: string): string =>
    run(newDb(), [['SET', 'k', start], ['INCRBYFLOAT', 'k', increment]]).replace(/^\+OK\r\n\$[0-9]+\r\n(.*)\r\n$/s, '$1');

  it('adds integers below 2^64 exactly (the x87 mantissa holds them all)', () => {
    const below = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n });
    fc.assert(
      fc.property(below, below, (a, b) => {
        expect(incrbyfloat(String(a), String(b))).toBe(String(a + b));
      }),
      { numRuns: 500 },
    );
  });

  it('adds decimals below 10 with up to 17 decimals exactly, as Redis promises for "small decimal numbers"', () => {
    // Both as text with all 17 decimals or trimmed; the x87 error stays far below 1e-17.
    const scaled = fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n });
    fc.assert(
      fc.property(scaled, scaled, fc.boolean(), (a, b, trimmed) => {
        const text = (n: bigint): string => (trimmed ? decimal(n) : fixed(n));
        expect(incrbyfloat(text(a), text(b))).toBe(decimal(a + b));
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------
// APPEND's storage and the string size limit

describe('APPEND grows strings in place', () => {
  it('reuses its spare room: a thousand 1 KB appends allocate a handful of buffers, not a thousand', () => {
    const db = newDb();
    const backings = new Set<ArrayBufferLike>();
    let expected = '';
    for (let i = 0; i < 1000; i++) {
      const chunk = `${i}:`.padEnd(1024, String.fromCharCode(97 + (i % 26)));
      expected += chunk;
      expect(run(db, [['APPEND', 'k', chunk]])).toBe(`:${expected.length}\r\n`);
      backings.add(db.entry('k')!.value.buffer);
    }
    expect(db.get('k')!.toString('latin1')).toBe(expected);
    expect(backings.size).toBeLessThan(20);
  });

  it('never changes bytes a reply already holds', () => {
    const db = newDb();
    run(db, [['APPEND', 'k', 'a'.repeat(5000)]]);
    const held = db.get('k')!; // what a GET reply would pass to the socket
    run(db, [['APPEND', 'k', 'b'.repeat(100)], ['SETRANGE', 'k', '0', 'c'.repeat(6000)], ['APPEND', 'k', 'd']]);
    expect(held.toString('latin1')).toBe('a'.repeat(5000));
    expect(db.get('k')!.toString('latin1')).toBe(`${'c'.repeat(6000)}d`);
  });

  it('a renamed value is copied before it grows, so the old and new keys never share room', () => {
    const db = newDb();
    run(db, [['APPEND', 'a', 'x'.repeat(3000)], ['APPEND', 'a', 'y']]);
    db.rename('a', 'b');
    run(db, [['APPEND', 'b', 'z'], ['APPEND', 'a', 'w']]);
    expect(db.get('b')!.toString('latin1')).toBe(`${'x'.repeat(3000)}yz`);
    expect(db.get('a')!.toString('latin1')).toBe('w');
  });
});

describe('proto-max-bulk-len limits APPEND and SETRANGE', () => {
  const TOO_BIG = '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n';
  const small = (): ServerState => new ServerState(new Map([['proto-max-bulk-len', '10']]));

  it('APPEND may reach the limit, not pass it', () => {
    const db = newDb();
    expect(run(db, [['APPEND', 'k', '12345'], ['APPEND', 'k', '67890'], ['APPEND', 'k', 'x'], ['GET', 'k']], small())).toBe(
      `:5\r\n:10\r\n${TOO_BIG}$10\r\n1234567890\r\n`,
    );
  });

  it('SETRANGE checks offset + length, even inside the string, but not for an empty value', () => {
    const db = newDb();
    expect(
      run(db, [['SETRANGE', 'k', '8', 'ab'], ['SETRANGE', 'k', '9', 'ab'], ['SETRANGE', 'k', '100', ''], ['SETRANGE', 'new', '10', 'x']], small()),
    ).toBe(`:10\r\n${TOO_BIG}:10\r\n${TOO_BIG}`);
  });

  it('defaults to 512 MB', () => {
    expect(run(newDb(), [['SETRANGE', 'k', String(512 * 1024 * 1024), 'x'], ['SETRANGE', 'k', String(512 * 1024 * 1024 - 1), 'xy']])).toBe(
      TOO_BIG.repeat(2),
    );
  });
});
