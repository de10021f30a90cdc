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
import { RawConnection, type Endpoint } from '../support/raw-connection';
import { findRedisServer, startRealRedis, warnRedisMissing, type RealRedis } from '../support/real-redis';
import { readReply, renderReply, type Resp2Reply } from '../support/resp2-reader';

// ---------------------------------------------------------------------------
// Talking to a server

const request = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

async function pipeline(conn: RawConnection, commands: readonly string[][]): Promise<Resp2Reply[]> {
  if (commands.length === 0) return [];
  await conn.send(commands.map((c) => request(...c)).join(''));
  const bytes = await conn.readReplies(commands.length, 5000);
  const replies: Resp2Reply[] = [];
  for (let at = 0; at < bytes.length; ) {
    const read = readReply(bytes, at)!;
    replies.push(read.reply);
    at = read.end;
  }
  return replies;
}

const call = async (conn: RawConnection, ...args: string[]): Promise<Resp2Reply> => (await pipeline(conn, [args]))[0];

const asInteger = (reply: Resp2Reply): number => {
  if (reply.kind !== 'integer') throw new Error(`expected an integer, got ${renderReply(reply)}`);
  return Number(reply.value);
};
const asString = (reply: Resp2Reply): string | null => {
  if (reply.kind !== 'bulk') throw new Error(`expected a bulk string, got ${renderReply(reply)}`);
  return reply.bytes === null ? null : reply.bytes.toString('latin1');
};
const asStrings = (reply: Resp2Reply): string[] => {
  if (reply.kind !== 'array' || reply.items === null) throw new Error(`expected an array, got ${renderReply(reply)}`);
  return reply.items.map((item) => asString(item) ?? '(nil)');
};
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

const redisBinary = findRedisServer();
if (redisBinary === undefined) warnRedisMissing('hash command tests against redis-server (ours still run)');
const targets = redisBinary === undefined ? ['our server'] : ['our server', 'redis-server'];

describe.each(targets)('hash commands on %s', (target) => {
  let stop: () => Promise<void>;
  let endpoint: Endpoint;
  let conn: RawConnection;

  beforeAll(async () => {
    if (target === 'redis-server') {
      const redis: RealRedis | null = await startRealRedis(redisBinary);
      if (redis === null) throw new Error('redis-server disappeared from PATH');
      endpoint = redis.endpoint;
      stop = () => redis.stop();
    } else {
      const ours = await startServer({ port: 0, host: '127.0.0.1' });
      endpoint = { port: ours.port, host: '127.0.0.1' };
      stop = () => ours.close();
    }
    conn = await RawConnection.connect(endpoint);
  });

  afterAll(async () => {
    conn?.destroy();
    await stop?.();
  });

  beforeEach(async () => {
    expect(await call(conn, 'FLUSHALL')).toEqual({ kind: 'simple', text: 'OK' });
  });

  // 5 fields: listpack; 300: hashtable.
  test.each([5, 300])('HGETALL, HKEYS and HVALS of %i fields hold every pair, in one shared order', async (n) => {
    const expected = await makeHash(conn, 'h', n);
    const pairs = asPairs(await call(conn, 'HGETALL', 'h'));
    expect(new Map(pairs)).toEqual(expected);
    expect(pairs).toHaveLength(n);
    expect(asStrings(await call(conn, 'HKEYS', 'h'))).toEqual(pairs.map((p) => p[0]));
    expect(asStrings(await call(conn, 'HVALS', 'h'))).toEqual(pairs.map((p) => p[1]));
  });

  test.each([5, 300])('HRANDFIELD on %i fields: a field of the hash, and counts as documented', async (n) => {
    const expected = await makeHash(conn, 'h', n);
    for (let i = 0; i < 20; i++) expect(expected.has(asString(await call(conn, 'HRANDFIELD', 'h'))!)).toBe(true);
    // Positive: distinct, at most the size.
    for (const count of [1, 3, n - 1, n, n + 10]) {
      const fields = asStrings(await call(conn, 'HRANDFIELD', 'h', String(count)));
      expect(fields).toHaveLength(Math.min(count, n));
      expect(new Set(fields).size).toBe(fields.length);
      for (const f of fields) expect(expected.has(f)).toBe(true);
    }
    // Negative: exactly |count| draws, repeats allowed.
    const draws = asStrings(await call(conn, 'HRANDFIELD', 'h', String(-3 * n)));
    expect(draws).toHaveLength(3 * n);
    for (const f of draws) expect(expected.has(f)).toBe(true);
    expect(new Set(draws).size).toBeLessThan(3 * n);
    // WITHVALUES: each field with its own value.
    for (const count of ['4', '-7', String(n)]) {
      const pairs = asPairs(await call(conn, 'HRANDFIELD', 'h', count, 'WITHVALUES'));
      expect(pairs).toHaveLength(Math.min(Math.abs(Number(count)), Number(count) < 0 ? Infinity : n));
      for (const [f, v] of pairs) expect(expected.get(f)).toBe(v);
    }
  });

  test('HRANDFIELD WITHVALUES after HELLO 3 nests [field, value] pairs', async () => {
    const resp3 = await RawConnection.connect(endpoint);
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
    const expected = await makeHash(conn, 'h', 300);
    const seen = new Map<string, string>();
    let cursor = '0';
    let steps = 0;
    do {
      const reply = await call(conn, 'HSCAN', 'h', cursor, 'COUNT', count);
      if (reply.kind !== 'array' || reply.items === null) throw new Error(renderReply(reply));
      cursor = asString(reply.items[0])!;
      for (const [f, v] of asPairs(reply.items[1])) seen.set(f, v);
      expect(++steps).toBeLessThan(2000);
    } while (cursor !== '0');
    expect(seen).toEqual(expected);
  });

  test('HSCAN MATCH over a hashtable returns only matching fields, each with its value', async () => {
    await makeHash(conn, 'h', 300);
    const seen = new Set<string>();
    let cursor = '0';
    do {
      const reply = await call(conn, 'HSCAN', 'h', cursor, 'MATCH', 'f1*', 'COUNT', '7');
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
    await makeHash(conn, 'h', 300);
    const seen = new Set<string>();
    let cursor = '0';
    let step = 0;
    do {
      const reply = await call(conn, 'HSCAN', 'h', cursor, 'COUNT', '9');
      if (reply.kind !== 'array' || reply.items === null) throw new Error(renderReply(reply));
      cursor = asString(reply.items[0])!;
      for (const [f] of asPairs(reply.items[1])) seen.add(f);
      // Fields f200.. come and go; f0..f199 stay.
      await pipeline(conn, [
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
    const expected = await makeHash(conn, 'h', 512);
    expect(asPairs(await call(conn, 'HGETALL', 'h'))).toEqual([...expected]);
    await call(conn, 'HSET', 'h', 'f512', 'v512');
    expected.set('f512', 'v512');
    expect(new Map(asPairs(await call(conn, 'HGETALL', 'h')))).toEqual(expected);
    expect(asInteger(await call(conn, 'HLEN', 'h'))).toBe(513);
  });
});

// ---------------------------------------------------------------------------
// HRANDFIELD is uniform: chi-square over many draws, in process

/** The chi-square statistic of observed counts against equal expected counts. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

/** The chi-square value exceeded with probability 1e-4 (Wilson-Hilferty approximation). */
function critical(degrees: number): number {
  const z = 3.719; // the standard normal's 1 - 1e-4 quantile
  const a = 2 / (9 * degrees);
  return degrees * (1 - a + z * Math.sqrt(a)) ** 3;
}

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

describe('hash command metadata', () => {
  if (redisBinary === undefined) {
    test('skipped: redis-server is not installed, so there is no COMMAND INFO to compare with', () => {
      expect(redisBinary).toBeUndefined();
    });
    return;
  }
  let redis: RealRedis | null = null;
  let conn: RawConnection;
  beforeAll(async () => {
    redis = await startRealRedis(redisBinary);
    conn = await RawConnection.connect(redis!.endpoint);
  });
  afterAll(async () => {
    conn?.destroy();
    await redis?.stop();
  });

  test('every hash command of Redis 7.0 is here', async () => {
    const reply = await call(conn, 'COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'hash');
    expect(hashCommands.map((c) => c.name).sort()).toEqual(asStrings(reply).sort());
  });

  test.each(hashCommands.map((c) => [c.name, c] as const))('%s matches COMMAND INFO', async (name, spec) => {
    const reply = await call(conn, 'COMMAND', 'INFO', name);
    if (reply.kind !== 'array' || reply.items === null || reply.items[0].kind !== 'array') throw new Error(renderReply(reply));
    const info = reply.items[0].items!;
    const texts = (r: Resp2Reply): string[] => (r.kind === 'array' ? r.items!.map((i) => (i.kind === 'simple' ? i.text : renderReply(i))) : []);
    expect({
      arity: spec.arity,
      flags: [...(spec.flags ?? [])].sort(),
      keys: [spec.keys?.first ?? 0, spec.keys?.last ?? 0, spec.keys?.step ?? 0],
      categories: [...(spec.categories ?? [])].sort(),
    }).toEqual({
      arity: asInteger(info[1]),
      flags: texts(info[2]).sort(),
      keys: [asInteger(info[3]), asInteger(info[4]), asInteger(info[5])],
      categories: texts(info[6]).sort(),
    });
  });

  test.each(hashCommands.map((c) => [c.name, c] as const))('%s matches COMMAND DOCS (summary, since, group)', async (name, spec) => {
    const reply = await call(conn, 'COMMAND', 'DOCS', name);
    if (reply.kind !== 'array' || reply.items === null || reply.items[1]?.kind !== 'array') throw new Error(renderReply(reply));
    const docs = reply.items[1].items!;
    const fieldOf = (wanted: string): string | null => {
      for (let i = 0; i < docs.length; i += 2) if (asString(docs[i]) === wanted) return asString(docs[i + 1]);
      return null;
    };
    expect({ summary: spec.summary, since: spec.since, group: spec.group }).toEqual({
      summary: fieldOf('summary'),
      since: fieldOf('since'),
      group: fieldOf('group'),
    });
  });
});
