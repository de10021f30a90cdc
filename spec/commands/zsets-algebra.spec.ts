// The sorted-set algebra and pops where a byte-for-byte comparison is not the whole story:
//
// - Metadata: arity, flags, key positions and categories (COMMAND INFO), summary, since
//   and group (COMMAND DOCS) of each command, asked of a real redis-server.
// - The algebra against a naive model (fast-check): random sorted sets and plain sets,
//   random integer weights (so sums are exact whatever their order), every aggregate.
// - ZRANDMEMBER's randomness: count semantics (distinct or with repeats), the reply
//   shapes in RESP2 and RESP3, on our server and on redis-server alike, and a
//   chi-square test of uniformity on a seeded Math.random (deterministic: no flaky run).
// - Blocking on virtual time (TestScheduler): BZPOPMIN / BZPOPMAX / BZMPOP timeouts,
//   wake-ups, FIFO order, and a waiter that leaves without taking anything.

import fc from 'fast-check';
import { Observable } from 'rxjs';
import { Db } from '../../src/db/db';
import { RedisSortedSet } from '../../src/db/types/sorted-set';
import { RedisSet } from '../../src/db/types/set';
import { session } from '../../src/server/session';
import type { Frame } from '../../src/protocol/frame';
import type { AnyCommand } from '../../src/commands/registry';
import { type Aggregation, type Operation, type Source, compute, intersectionSize, sourcesAt } from '../../src/commands/sorted-sets/set-operation';
import { zunionstore } from '../../src/commands/sorted-sets/zunionstore';
import { zinterstore } from '../../src/commands/sorted-sets/zinterstore';
import { zdiffstore } from '../../src/commands/sorted-sets/zdiffstore';
import { zunion } from '../../src/commands/sorted-sets/zunion';
import { zinter } from '../../src/commands/sorted-sets/zinter';
import { zdiff } from '../../src/commands/sorted-sets/zdiff';
import { zintercard } from '../../src/commands/sorted-sets/zintercard';
import { zrangestore } from '../../src/commands/sorted-sets/zrangestore';
import { zrandmember } from '../../src/commands/sorted-sets/zrandmember';
import { zpopmin } from '../../src/commands/sorted-sets/zpopmin';
import { zpopmax } from '../../src/commands/sorted-sets/zpopmax';
import { zmpop } from '../../src/commands/sorted-sets/zmpop';
import { bzpopmin } from '../../src/commands/sorted-sets/bzpopmin';
import { bzpopmax } from '../../src/commands/sorted-sets/bzpopmax';
import { bzmpop } from '../../src/commands/sorted-sets/bzmpop';
import type { RawConnection } from '../support/raw-connection';
import { readReply, renderReply, type Resp3Reply } from '../support/resp3-reader';
import { request } from '../support/resp2-call';
import { redisBinary, useServer } from '../support/both-servers';
import { describeWithRedis, expectCommandDocs, expectCommandInfo } from '../support/command-metadata';
import { chiSquare } from '../support/chi-square';
import { prng } from '../support/prng';
import { asText, batch, newTestScheduler } from '../support/marbles';
import { inProcess } from '../support/in-process';

/** The commands of this part, for the metadata checks. */
const commands: readonly AnyCommand[] = [
  zunionstore,
  zinterstore,
  zdiffstore,
  zunion,
  zinter,
  zdiff,
  zintercard,
  zrangestore,
  zrandmember,
  zpopmin,
  zpopmax,
  zmpop,
  bzpopmin,
  bzpopmax,
  bzmpop,
];

/** One command, its reply read as RESP3 (the ZRANDMEMBER shapes switch the connection to HELLO 3). */
async function call(conn: RawConnection, ...args: string[]): Promise<Resp3Reply> {
  await conn.send(request(...args));
  const bytes = await conn.readReplies(1, 5000);
  return readReply(bytes)!.reply;
}

const asInteger = (reply: Resp3Reply): number => {
  if (reply.kind !== 'integer') throw new Error(`expected an integer, got ${renderReply(reply)}`);
  return Number(reply.value);
};
const itemsOf = (reply: Resp3Reply): readonly Resp3Reply[] => {
  if (reply.kind !== 'array' || reply.items === null) throw new Error(`expected an array, got ${renderReply(reply)}`);
  return reply.items;
};
const bulkText = (reply: Resp3Reply): string => {
  if (reply.kind !== 'bulk' || reply.bytes === null) throw new Error(`expected a bulk string, got ${renderReply(reply)}`);
  return reply.bytes.toString('latin1');
};

// ---------------------------------------------------------------------------
// COMMAND INFO and COMMAND DOCS

describeWithRedis('sorted-set algebra and pop metadata', (redis) => {
  test.each(commands.map((c) => [c.name, c] as const))('%s matches COMMAND INFO', async (name, spec) => {
    expectCommandInfo(await redis.call('COMMAND', 'INFO', name), spec);
  });

  test.each(commands.map((c) => [c.name, c] as const))('%s matches COMMAND DOCS (summary, since, group)', async (name, spec) => {
    expectCommandDocs(await redis.call('COMMAND', 'DOCS', name), spec);
  });
});

// ---------------------------------------------------------------------------
// The algebra against a naive model

type Input = { kind: 'zset'; entries: Map<string, number> } | { kind: 'set'; members: Set<string> } | { kind: 'missing' };

const memberArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', '1', '2', '10', '\x00', '\xff');
const inputArb: fc.Arbitrary<Input> = fc.oneof(
  fc
    .array(fc.tuple(memberArb, fc.integer({ min: -50, max: 50 })), { maxLength: 8 })
    .map((pairs) => ({ kind: 'zset' as const, entries: new Map(pairs) })),
  fc.array(memberArb, { maxLength: 6 }).map((members) => ({ kind: 'set' as const, members: new Set(members) })),
  fc.constant({ kind: 'missing' as const }),
);

/** The inputs stored in a Db under keys k0, k1...; `repeat` names some of them twice. */
function store(inputs: readonly Input[]): Db {
  const db = new Db();
  inputs.forEach((input, i) => {
    if (input.kind === 'zset' && input.entries.size > 0) {
      const zset = new RedisSortedSet(db.limits);
      for (const [member, score] of input.entries) zset.add(member, score);
      db.add(`k${i}`, zset);
    } else if (input.kind === 'set' && input.members.size > 0) {
      const set = new RedisSet(db.limits);
      for (const member of input.members) set.add(member);
      db.add(`k${i}`, set);
    }
  });
  return db;
}

/** The model: a member's score in an input, or undefined. */
function scoreIn(input: Input, member: string): number | undefined {
  if (input.kind === 'zset') return input.entries.get(member);
  if (input.kind === 'set') return input.members.has(member) ? 1 : undefined;
  return undefined;
}
const membersOf = (input: Input): string[] => (input.kind === 'zset' ? [...input.entries.keys()] : input.kind === 'set' ? [...input.members] : []);

function model(operation: Operation, inputs: readonly Input[], weights: readonly number[], how: Aggregation): Map<string, number> {
  const combine = (scores: number[]): number =>
    how === 'sum' ? scores.reduce((a, b) => a + b, 0) : how === 'min' ? Math.min(...scores) : Math.max(...scores);
  const result = new Map<string, number>();
  const universe = new Set(inputs.flatMap(membersOf));
  for (const member of universe) {
    const found = inputs.map((input, i) => {
      const score = scoreIn(input, member);
      return score === undefined ? undefined : score * weights[i];
    });
    if (operation === 'union') {
      const scores = found.filter((s): s is number => s !== undefined);
      if (scores.length > 0) result.set(member, combine(scores));
    } else if (operation === 'inter') {
      if (found.every((s) => s !== undefined)) result.set(member, combine(found as number[]));
    } else {
      const own = scoreIn(inputs[0], member);
      if (own !== undefined && inputs.slice(1).every((input) => scoreIn(input, member) === undefined)) result.set(member, own);
    }
  }
  return result;
}

describe('the algebra against a naive model', () => {
  const caseArb = fc
    .array(inputArb, { minLength: 1, maxLength: 4 })
    .chain((inputs) =>
      fc.record({
        inputs: fc.constant(inputs),
        weights: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: inputs.length, maxLength: inputs.length }),
        how: fc.constantFrom<Aggregation>('sum', 'min', 'max'),
        operation: fc.constantFrom<Operation>('union', 'inter', 'diff'),
      }),
    );

  test('union, intersection and difference answer what the model does', () => {
    fc.assert(
      fc.property(caseArb, ({ inputs, weights, how, operation }) => {
        const db = store(inputs);
        const sources = sourcesAt(
          db,
          inputs.map((_, i) => `k${i}`),
        ) as Source[];
        // ZDIFF has no weights: it always uses 1.
        const w = operation === 'diff' ? weights.map(() => 1) : weights;
        const got = new Map(compute(operation, sources, { weights: w, aggregate: how, withScores: true, limit: 0 }).map((m) => [m.member, m.score]));
        const want = model(operation, inputs, w, how);
        // -0 and 0 are one score to a sorted set.
        const normal = (m: Map<string, number>): [string, number][] => [...m].map(([k, v]): [string, number] => [k, v + 0]).sort();
        expect(normal(got)).toEqual(normal(want));
      }),
      { numRuns: 500 },
    );
  });

  test('ZINTERCARD counts the intersection, and stops at its limit', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (inputs, limit) => {
        const db = store(inputs);
        const sources = sourcesAt(
          db,
          inputs.map((_, i) => `k${i}`),
        ) as Source[];
        const size = model('inter', inputs, inputs.map(() => 1), 'sum').size;
        expect(intersectionSize(sources, limit)).toBe(limit === 0 ? size : Math.min(size, limit));
      }),
      { numRuns: 300 },
    );
  });

  test('the same key named twice is one input seen twice', () => {
    const db = store([{ kind: 'zset', entries: new Map([['a', 1], ['b', 2]]) }]);
    const sources = sourcesAt(db, ['k0', 'k0']) as Source[];
    const options = { weights: [1, 10], aggregate: 'sum' as const, withScores: true, limit: 0 };
    expect(compute('inter', sources, options)).toEqual([
      { member: 'a', score: 11 },
      { member: 'b', score: 22 },
    ]);
    expect(compute('diff', sources, options)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// In process: a session per connection, driven synchronously

// Critical values of chi-square at p = 0.001 (a fair die fails this once in a thousand;
// with the seeded PRNG the outcome is fixed, so the test is deterministic).
const CHI2_999 = { 9: 27.88, 199: 267.5 } as const;

describe('ZRANDMEMBER', () => {
  let random: jest.SpyInstance;
  beforeEach(() => {
    random = jest.spyOn(Math, 'random').mockImplementation(prng(20240611));
  });
  afterEach(() => random.mockRestore());

  function setUp(size: number): { run: (...args: string[]) => Resp3Reply; members: string[] } {
    const db = new Db();
    const zset = new RedisSortedSet(db.limits);
    const members = Array.from({ length: size }, (_, i) => `m${i}`);
    members.forEach((m, i) => zset.add(m, i));
    db.add('z', zset);
    return { run: inProcess(db), members };
  }

  test.each([
    [10, 'listpack'],
    [200, 'skiplist'],
  ] as const)('a negative count draws with repeats, uniformly (%i members, %s)', (size, encoding) => {
    const { run, members } = setUp(size);
    expect(run('OBJECT', 'ENCODING', 'z')).toEqual({ kind: 'bulk', bytes: Buffer.from(encoding) });
    const draws = itemsOf(run('ZRANDMEMBER', 'z', String(-size * 100))).map(bulkText);
    expect(draws).toHaveLength(size * 100);
    const counts = members.map((m) => draws.filter((d) => d === m).length);
    expect(chiSquare(counts)).toBeLessThan(CHI2_999[(size - 1) as 9 | 199]);
  });

  test.each([
    [10, 3, 'sparse picks'],
    [10, 8, 'a shuffle'],
    [200, 5, 'sparse picks'],
    [200, 150, 'a shuffle'],
  ] as const)('a positive count gives distinct members, each equally likely (%i members, count %i: %s)', (size, count, _how) => {
    const { run, members } = setUp(size);
    const counts = new Map(members.map((m) => [m, 0]));
    const rounds = Math.ceil((size * 60) / count);
    for (let i = 0; i < rounds; i++) {
      const picks = itemsOf(run('ZRANDMEMBER', 'z', String(count))).map(bulkText);
      expect(new Set(picks).size).toBe(count);
      for (const p of picks) counts.set(p, counts.get(p)! + 1);
    }
    expect(chiSquare([...counts.values()])).toBeLessThan(CHI2_999[(size - 1) as 9 | 199]);
  });

  test('without a count: one member, each equally likely', () => {
    const { run, members } = setUp(10);
    const counts = new Map(members.map((m) => [m, 0]));
    for (let i = 0; i < 2000; i++) {
      const m = bulkText(run('ZRANDMEMBER', 'z'));
      counts.set(m, counts.get(m)! + 1);
    }
    expect(chiSquare([...counts.values()])).toBeLessThan(CHI2_999[9]);
  });

  test('a small set answers a few distinct picks in set order, as Redis samples a listpack', () => {
    const { run } = setUp(10);
    for (let i = 0; i < 50; i++) {
      const picks = itemsOf(run('ZRANDMEMBER', 'z', '3')).map((r) => Number(bulkText(r).slice(1)));
      expect(picks).toEqual([...picks].sort((a, b) => a - b));
    }
  });
});

// ---------------------------------------------------------------------------
// ZRANDMEMBER's shapes, on both servers: what the corpus cannot compare byte for byte

describe.each([['our server'], ['redis-server']] as const)('ZRANDMEMBER reply shapes on %s', (which) => {
  const skip = which === 'redis-server' && redisBinary === undefined;
  // Runs after useServer's own beforeAll (hooks run in the order they are registered).
  const server = skip ? undefined : useServer(which);
  beforeAll(async () => {
    if (server === undefined) return;
    const scores = Array.from({ length: 10 }, (_, i) => [String(i + 0.5), `m${i}`]).flat();
    expect(asInteger(await call(server.conn, 'ZADD', 'z', ...scores))).toBe(10);
  });
  const scoreOf = (member: string): string => String(Number(member.slice(1)) + 0.5);

  (skip ? test.skip : test)('RESP2: distinct, with repeats, WITHSCORES flat; then RESP3: [member, score] pairs', async () => {
    const conn = server!.conn;
    const distinct = itemsOf(await call(conn, 'ZRANDMEMBER', 'z', '5')).map(bulkText);
    expect(new Set(distinct).size).toBe(5);
    const repeats = itemsOf(await call(conn, 'ZRANDMEMBER', 'z', '-30')).map(bulkText);
    expect(repeats).toHaveLength(30);
    expect(new Set(repeats).size).toBeLessThan(30);
    const flat = itemsOf(await call(conn, 'ZRANDMEMBER', 'z', '-4', 'WITHSCORES')).map(bulkText);
    expect(flat).toHaveLength(8);
    for (let i = 0; i < flat.length; i += 2) expect(flat[i + 1]).toBe(scoreOf(flat[i]));

    await conn.send(request('HELLO', '3'));
    await conn.readReplies(1, 5000);
    const pairs = itemsOf(await call(conn, 'ZRANDMEMBER', 'z', '6', 'WITHSCORES'));
    expect(pairs).toHaveLength(6);
    const seen = new Set<string>();
    for (const pair of pairs) {
      const [member, score] = itemsOf(pair);
      expect(score).toEqual({ kind: 'double', text: scoreOf(bulkText(member)) });
      seen.add(bulkText(member));
    }
    expect(seen.size).toBe(6);
    const withRepeats = itemsOf(await call(conn, 'ZRANDMEMBER', 'z', '-3', 'WITHSCORES'));
    expect(withRepeats.map((p) => itemsOf(p).length)).toEqual([2, 2, 2]);
    expect(await call(conn, 'ZRANDMEMBER', 'missing')).toEqual({ kind: 'null' });
  });
});

// ---------------------------------------------------------------------------
// Blocking on virtual time. Marble frames are 1 ms.

const connection = (db: Db, requests: Observable<Frame[]>): Observable<string> => asText(session(db, requests));

describe('blocking sorted-set pops on virtual time', () => {
  it('BZPOPMIN, BZPOPMAX and BZMPOP answer the null array when the time is up, not before', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: [...batch('BZPOPMIN', 'k', '1.5'), ...batch('BZPOPMAX', 'k', 'j', '0.25'), ...batch('BZMPOP', '0.01', '1', 'k', 'MIN')] });
      expectObservable(connection(db, a)).toBe('1500ms a 249ms b 9ms c', { a: '*-1\r\n', b: '*-1\r\n', c: '*-1\r\n' });
    });
  });

  it('a timeout of 0 waits for ever: served by a ZADD ten minutes later', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: batch('BZPOPMIN', 'k', '0') });
      const b = cold('600000ms b', { b: batch('ZADD', 'k', '2', 'late', '1', 'early') });
      expectObservable(connection(db, a)).toBe('600000ms a', { a: '*3\r\n$1\r\nk\r\n$5\r\nearly\r\n$1\r\n1\r\n' });
      expectObservable(connection(db, b)).toBe('600000ms b', { b: ':2\r\n' });
    });
  });

  it('waiters are served in the order they blocked, BZMPOP taking its count', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const first = cold('a', { a: batch('BZMPOP', '0', '1', 'k', 'MAX', 'COUNT', '2') });
      const second = cold('1ms a', { a: batch('BZPOPMIN', 'k', '0') });
      const third = cold('2ms a', { a: batch('BZPOPMAX', 'k', '0.1') });
      const adder = cold('5ms b', { b: batch('ZADD', 'k', '1', 'x', '2', 'y', '3', 'z') });
      expectObservable(connection(db, first)).toBe('5ms a', { a: '*2\r\n$1\r\nk\r\n*2\r\n*2\r\n$1\r\nz\r\n$1\r\n3\r\n*2\r\n$1\r\ny\r\n$1\r\n2\r\n' });
      expectObservable(connection(db, second)).toBe('5ms a', { a: '*3\r\n$1\r\nk\r\n$1\r\nx\r\n$1\r\n1\r\n' });
      expectObservable(connection(db, third)).toBe('102ms a', { a: '*-1\r\n' });
      expectObservable(connection(db, adder)).toBe('5ms b', { b: ':3\r\n' });
    });
  });

  it('a client that leaves while blocked takes nothing: the member stays', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const gone = cold('a', { a: batch('BZPOPMIN', 'k', '0') });
      const other = cold('100ms b 1ms c', { b: batch('ZADD', 'k', '1', 'kept'), c: batch('ZCARD', 'k') });
      expectObservable(connection(db, gone), '^ 50ms !').toBe('');
      expectObservable(connection(db, other)).toBe('100ms b 1ms c', { b: ':1\r\n', c: ':1\r\n' });
    });
  });

  it('commands pipelined behind a blocked one run once it is served', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: [...batch('BZPOPMAX', 'k', '0'), ...batch('ZCARD', 'k')] });
      const b = cold('10ms b', { b: batch('ZADD', 'k', '1', 'x', '2', 'y') });
      expectObservable(connection(db, a)).toBe('10ms a', { a: '*3\r\n$1\r\nk\r\n$1\r\ny\r\n$1\r\n2\r\n:1\r\n' });
      expectObservable(connection(db, b)).toBe('10ms b', { b: ':2\r\n' });
    });
  });

  it('a store command (ZUNIONSTORE) wakes the waiter too', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: batch('BZPOPMIN', 'dst', '0') });
      const b = cold('10ms b', { b: [...batch('SADD', 'src', 'm'), ...batch('ZUNIONSTORE', 'dst', '1', 'src', 'WEIGHTS', '4')] });
      expectObservable(connection(db, a)).toBe('10ms a', { a: '*3\r\n$3\r\ndst\r\n$1\r\nm\r\n$1\r\n4\r\n' });
      expectObservable(connection(db, b)).toBe('10ms b', { b: ':1\r\n:1\r\n' });
    });
  });
});
