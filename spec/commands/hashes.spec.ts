// The hash commands where a byte-for-byte comparison cannot work: replies Redis leaves
// random or unordered (HRANDFIELD, HSCAN and HGETALL of a hashtable-encoded hash), and
// the metadata COMMAND INFO and COMMAND DOCS report.
//
// - Against real servers: each test runs against our server and, where installed,
//   against redis-server too. The same assertions passing on Redis is what shows they
//   test Redis's contract and not an accident of our implementation.
// - In process (no socket): a chi-square test of HRANDFIELD's uniformity over many
//   draws, in both encodings, for single draws, repeated draws and distinct picks.

import { Db } from '../../src/db/db';
import { startServer } from '../../src/index';
import type { Frame } from '../../src/protocol/frame';
import type { ConnectionContext } from '../../src/commands/command';
import { hashCommands } from '../../src/commands/hashes';
import { hrandfield } from '../../src/commands/hashes/hrandfield';
import { hset } from '../../src/commands/hashes/hset';
import { RawConnection } from '../support/raw-connection';
import { renderReply, type Resp2Reply } from '../support/resp2-reader';
import { call, request } from '../support/resp2-call';
import { asInteger, asString, asStrings } from '../support/reply-readers';
import { describeOnBothServers } from '../support/both-servers';
import { describeWithRedis, expectCommandDocs, expectCommandInfo } from '../support/command-metadata';
import { chiSquare, chiSquareQuantile, Z_1E4 } from '../support/chi-square';

/** [field, value] pairs from a flat array. */
const asPairs = (reply: Resp2Reply): [string, string][] => {
  const flat = asStrings(reply);
  const out: [string, string][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
};

/** A hash of `n` fields f0..f(n-1) with values v0..v(n-1). */
async function makeHash(conn: RawConnection, key: string, n: number): Promise<Map<string, string>> {
  const expected = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < n; i++) {
    args.push(`f${i}`, `v${i}`);
    expected.set(`f${i}`, `v${i}`);
  }
  expect(asInteger(await call(conn, 'HSET', key, ...args))).toBe(n);
  return expected;
}

describeOnBothServers('hash commands on %s', 'hash command tests', (server) => {
  beforeEach(async () => {
    expect(await server.call('FLUSHALL')).toEqual({ kind: 'simple', text: 'OK' });
  });

  // 5 fields: listpack; 300: hashtable.
  test.each([5, 300])('HGETALL, HKEYS and HVALS of %i fields hold every pair, in one shared order', async (n) => {
    const expected = await makeHash(server.conn, 'h', n);
    const pairs = asPairs(await server.call('HGETALL', 'h'));
    expect(new Map(pairs)).toEqual(expected);
    expect(pairs).toHaveLength(n);
    expect(asStrings(await server.call('HKEYS', 'h'))).toEqual(pairs.map((p) => p[0]));
    expect(asStrings(await server.call('HVALS', 'h'))).toEqual(pairs.map((p) => p[1]));
  });

  test.each([5, 300])('HRANDFIELD on %i fields: a field of the hash, and counts as documented', async (n) => {
    const expected = await makeHash(server.conn, 'h', n);
    for (let i = 0; i < 20; i++) expect(expected.has(asString(await server.call('HRANDFIELD', 'h'))!)).toBe(true);
    // Positive: distinct, at most the size.
    for (const count of [1, 3, n - 1, n, n + 10]) {
      const fields = asStrings(await server.call('HRANDFIELD', 'h', String(count)));
      expect(fields).toHaveLength(Math.min(count, n));
      expect(new Set(fields).size).toBe(fields.length);
      for (const f of fields) expect(expected.has(f)).toBe(true);
    }
    // Negative: exactly |count| draws, repeats allowed.
    const draws = asStrings(await server.call('HRANDFIELD', 'h', String(-3 * n)));
    expect(draws).toHaveLength(3 * n);
    for (const f of draws) expect(expected.has(f)).toBe(true);
    expect(new Set(draws).size).toBeLessThan(3 * n);
    // WITHVALUES: each field with its own value.
    for (const count of ['4', '-7', String(n)]) {
      const pairs = asPairs(await server.call('HRANDFIELD', 'h', count, 'WITHVALUES'));
      expect(pairs).toHaveLength(Math.min(Math.abs(Number(count)), Number(count) < 0 ? Infinity : n));
      for (const [f, v] of pairs) expect(expected.get(f)).toBe(v);
    }
  });

  test('HRANDFIELD WITHVALUES after HELLO 3 nests [field, value] pairs', async () => {
    const resp3 = await RawConnection.connect(server.endpoint);
    try {
      await resp3.send(request('HELLO', '3'));
      await resp3.readReplies(1, 5000);
      await resp3.send(request('HSET', 'h3', 'a', '1', 'b', '2', 'c', '3', 'd', '4'));
      await resp3.readReplies(1, 5000);
      await resp3.send(request('HRANDFIELD', 'h3', '2', 'WITHVALUES'));
      const text = (await resp3.readReplies(1, 5000)).toString('latin1');
      expect(text).toMatch(/^\*2\r\n\*2\r\n\$1\r\n([a-d])\r\n\$1\r\n[1-4]\r\n\*2\r\n\$1\r\n([a-d])\r\n\$1\r\n[1-4]\r\n$/);
      const [, first, second] = /^\*2\r\n\*2\r\n\$1\r\n(.)\r\n\$1\r\n.\r\n\*2\r\n\$1\r\n(.)\r\n/.exec(text)!;
      expect(first).not.toBe(second);
    } finally {
      resp3.destroy();
    }
  });

  test.each(['1', '5', '10', '1000'])('HSCAN with COUNT %s over a hashtable visits every pair, and ends on "0"', async (count) => {
    const expected = await makeHash(server.conn, 'h', 300);
    const seen = new Map<string, string>();
    let cursor = '0';
    let steps = 0;
    do {
      const reply = await server.call('HSCAN', 'h', cursor, 'COUNT', count);
      if (reply.kind !== 'array' || reply.items === null) throw new Error(renderReply(reply));
      cursor = asString(reply.items[0])!;
      for (const [f, v] of asPairs(reply.items[1])) seen.set(f, v);
      expect(++steps).toBeLessThan(2000);
    } while (cursor !== '0');
    expect(seen).toEqual(expected);
  });

  test('HSCAN MATCH over a hashtable returns only matching fields, each with its value', async () => {
    await makeHash(server.conn, 'h', 300);
    const seen = new Set<string>();
    let cursor = '0';
    do {
      const reply = await server.call('HSCAN', 'h', cursor, 'MATCH', 'f1*', 'COUNT', '7');
      if (reply.kind !== 'array' || reply.items === null) throw new Error(renderReply(reply));
      cursor = asString(reply.items[0])!;
      for (const [f, v] of asPairs(reply.items[1])) {
        expect(f.startsWith('f1')).toBe(true);
        expect(v).toBe(`v${f.slice(1)}`);
        seen.add(f);
      }
    } while (cursor !== '0');
    // f1, f10-f19, f100-f199.
    expect(seen.size).toBe(1 + 10 + 100);
  });

  // SCAN's guarantee: fields present for the whole walk are returned, whatever comes and goes.
  test('HSCAN returns every field present for the whole walk while others come and go', async () => {
    await makeHash(server.conn, 'h', 300);
    const seen = new Set<string>();
    let cursor = '0';
    let step = 0;
    do {
      const reply = await server.call('HSCAN', 'h', cursor, 'COUNT', '9');
      if (reply.kind !== 'array' || reply.items === null) throw new Error(renderReply(reply));
      cursor = asString(reply.items[0])!;
      for (const [f] of asPairs(reply.items[1])) seen.add(f);
      // Fields f200.. come and go; f0..f199 stay.
      await server.pipeline([
        ['HDEL', 'h', `f${200 + ((step * 7) % 100)}`],
        ['HSET', 'h', `new${step}`, 'x'],
        ['HDEL', 'h', `new${Math.max(0, step - 1)}`],
      ]);
      step++;
      expect(step).toBeLessThan(2000);
    } while (cursor !== '0');
    for (let i = 0; i < 200; i++) expect(seen.has(`f${i}`)).toBe(true);
  });

  // 512 fields: Redis 7.0's default hash-max-listpack-entries, so still listpack (insertion order).
  test('a hash keeps every pair across the conversion past 512 fields', async () => {
    const expected = await makeHash(server.conn, 'h', 512);
    expect(asPairs(await server.call('HGETALL', 'h'))).toEqual([...expected]);
    await server.call('HSET', 'h', 'f512', 'v512');
    expected.set('f512', 'v512');
    expect(new Map(asPairs(await server.call('HGETALL', 'h')))).toEqual(expected);
    expect(asInteger(await server.call('HLEN', 'h'))).toBe(513);
  });
});

// ---------------------------------------------------------------------------
// HRANDFIELD is uniform: chi-square over many draws, in process

/** The chi-square value exceeded with probability 1e-4. */
const critical = (degrees: number): number => chiSquareQuantile(degrees, Z_1E4);

describe('HRANDFIELD uniformity (chi-square, p = 1e-4)', () => {
  /** A bulk string's bytes as latin1 text, whether the frame holds a Buffer or a latin1 string. */
  const text = (f: Frame): string => {
    if (f.type === 'bulk') return f.value.toString('latin1');
    if (f.type === 'latin1') return f.value;
    throw new Error(`expected a bulk string, got ${f.type}`);
  };
  const flat = (frame: Frame): string[] => {
    if (frame.type !== 'array') throw new Error(`expected an array, got ${frame.type}`);
    return frame.value.map(text);
  };
  const setup = (n: number): { context: ConnectionContext; index: (field: string) => number } => {
    const db = new Db();
    const context = { db, protocol: 2 } as unknown as ConnectionContext;
    const args: Buffer[] = [Buffer.from('h')];
    for (let i = 0; i < n; i++) args.push(Buffer.from(`f${i}`), Buffer.from(`v${i}`));
    hset.apply(hset.parse(args) as never, context);
    return { context, index: (field) => Number(field.slice(1)) };
  };
  const run = (context: ConnectionContext, ...args: string[]): Frame => {
    const parsed = hrandfield.parse(args.map((a) => Buffer.from(a)));
    return hrandfield.apply(parsed as never, context) as Frame;
  };

  // 10 fields: listpack; 200: hashtable.
  test.each([10, 200])('single draws over %i fields', (n) => {
    const { context, index } = setup(n);
    const counts = new Array<number>(n).fill(0);
    const draws = n * 100;
    for (let i = 0; i < draws; i++) {
      counts[index(text(run(context, 'h')))]++;
    }
    expect(chiSquare(counts)).toBeLessThan(critical(n - 1));
  });

  test.each([10, 200])('repeated draws (negative count) over %i fields', (n) => {
    const { context, index } = setup(n);
    const counts = new Array<number>(n).fill(0);
    for (let round = 0; round < 100; round++) for (const f of flat(run(context, 'h', String(-n)))) counts[index(f)]++;
    expect(chiSquare(counts)).toBeLessThan(critical(n - 1));
  });

  // Each field must be picked equally often: both strategies (most of the hash, a few of it).
  test.each([
    [10, 7],
    [200, 150],
    [200, 5],
  ])('distinct picks over %i fields, %i at a time', (n, count) => {
    const { context, index } = setup(n);
    const counts = new Array<number>(n).fill(0);
    const rounds = Math.ceil((n * 100) / count);
    for (let round = 0; round < rounds; round++) {
      const fields = flat(run(context, 'h', String(count)));
      expect(new Set(fields).size).toBe(count);
      for (const f of fields) counts[index(f)]++;
    }
    expect(chiSquare(counts)).toBeLessThan(critical(n - 1));
  });
});

// ---------------------------------------------------------------------------
// COMMAND INFO and COMMAND DOCS: our specs carry Redis's metadata

describeWithRedis('hash command metadata', (redis) => {
  test('every hash command of Redis 7.0 is here', async () => {
    const reply = await redis.call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'hash');
    expect(hashCommands.map((c) => c.name).sort()).toEqual(asStrings(reply).sort());
  });

  test.each(hashCommands.map((c) => [c.name, c] as const))('%s matches COMMAND INFO', async (name, spec) => {
    expectCommandInfo(await redis.call('COMMAND', 'INFO', name), spec);
  });

  test.each(hashCommands.map((c) => [c.name, c] as const))('%s matches COMMAND DOCS (summary, since, group)', async (name, spec) => {
    expectCommandDocs(await redis.call('COMMAND', 'DOCS', name), spec);
  });
});
