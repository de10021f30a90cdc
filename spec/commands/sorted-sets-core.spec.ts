// The core sorted-set commands where a byte-for-byte comparison is not the whole story:
//
// - Metadata: arity, flags, key positions and ACL categories (COMMAND INFO), summary,
//   since and group (COMMAND DOCS) of each command, asked of a real redis-server.
// - The score readers (score.ts) as properties: every double printed as Redis prints
//   it (%.17g) reads back as the very same double, in both the strict (ZADD) and the
//   loose (range bound) reading; and the cases where the two readings differ.
// - ZRANGE over a large set (skiplist) through session(), against a sorted-array model,
//   with random ranges of every kind: many more queries than the corpus can afford.

import fc from 'fast-check';
import { Subject } from 'rxjs';
import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { command } from '../../src/protocol/frame';
import { formatDouble } from '../../src/protocol/double';
import type { FrameBatch } from '../../src/protocol/frames';
import type { AnyCommand } from '../../src/commands/registry';
import { parseBoundValue, parseScore } from '../../src/commands/sorted-sets/score';
import { zadd } from '../../src/commands/sorted-sets/zadd';
import { zincrby } from '../../src/commands/sorted-sets/zincrby';
import { zrem } from '../../src/commands/sorted-sets/zrem';
import { zcard } from '../../src/commands/sorted-sets/zcard';
import { zscore } from '../../src/commands/sorted-sets/zscore';
import { zmscore } from '../../src/commands/sorted-sets/zmscore';
import { zcount } from '../../src/commands/sorted-sets/zcount';
import { zlexcount } from '../../src/commands/sorted-sets/zlexcount';
import { zrank } from '../../src/commands/sorted-sets/zrank';
import { zrevrank } from '../../src/commands/sorted-sets/zrevrank';
import { zrange } from '../../src/commands/sorted-sets/zrange';
import { zrevrange } from '../../src/commands/sorted-sets/zrevrange';
import { zrangebyscore } from '../../src/commands/sorted-sets/zrangebyscore';
import { zrevrangebyscore } from '../../src/commands/sorted-sets/zrevrangebyscore';
import { zrangebylex } from '../../src/commands/sorted-sets/zrangebylex';
import { zrevrangebylex } from '../../src/commands/sorted-sets/zrevrangebylex';
import { zremrangebyrank } from '../../src/commands/sorted-sets/zremrangebyrank';
import { zremrangebyscore } from '../../src/commands/sorted-sets/zremrangebyscore';
import { zremrangebylex } from '../../src/commands/sorted-sets/zremrangebylex';
import { RawConnection } from '../support/raw-connection';
import { findRedisServer, startRealRedis, warnRedisMissing, type RealRedis } from '../support/real-redis';
import { readReply, renderReply, type Resp2Reply } from '../support/resp2-reader';

const commands: readonly AnyCommand[] = [
  zadd, zincrby, zrem, zcard, zscore, zmscore, zcount, zlexcount, zrank, zrevrank,
  zrange, zrevrange, zrangebyscore, zrevrangebyscore, zrangebylex, zrevrangebylex,
  zremrangebyrank, zremrangebyscore, zremrangebylex,
];

const request = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

async function call(conn: RawConnection, ...args: string[]): Promise<Resp2Reply> {
  await conn.send(request(...args));
  const bytes = await conn.readReplies(1, 5000);
  return readReply(bytes)!.reply;
}

const asInteger = (reply: Resp2Reply): number => {
  if (reply.kind !== 'integer') throw new Error(`expected an integer, got ${renderReply(reply)}`);
  return Number(reply.value);
};
const texts = (reply: Resp2Reply): string[] =>
  reply.kind === 'array' ? reply.items!.map((i) => (i.kind === 'simple' ? i.text : i.kind === 'bulk' ? i.bytes!.toString() : renderReply(i))) : [];

// ---------------------------------------------------------------------------
// COMMAND INFO and COMMAND DOCS

const redisBinary = findRedisServer();
if (redisBinary === undefined) warnRedisMissing('core sorted-set command metadata against redis-server');

describe('core sorted-set command metadata', () => {
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

  test('every command here is one of Redis 7.0\'s @sortedset commands', async () => {
    const reply = await call(conn, 'COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'sortedset');
    const redisNames = new Set(texts(reply));
    for (const c of commands) expect(redisNames.has(c.name)).toBe(true);
  });

  test.each(commands.map((c) => [c.name, c] as const))('%s matches COMMAND INFO', async (name, spec) => {
    const reply = await call(conn, 'COMMAND', 'INFO', name);
    if (reply.kind !== 'array' || reply.items === null || reply.items[0].kind !== 'array') throw new Error(renderReply(reply));
    const info = reply.items[0].items!;
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

  test.each(commands.map((c) => [c.name, c] as const))('%s matches COMMAND DOCS (summary, since, group)', async (name, spec) => {
    const reply = await call(conn, 'COMMAND', 'DOCS', name);
    if (reply.kind !== 'array' || reply.items === null || reply.items[1].kind !== 'array') throw new Error(renderReply(reply));
    const fields = reply.items[1].items!;
    const field = (wanted: string): string | undefined => {
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const key = fields[i];
        const value = fields[i + 1];
        if (key.kind === 'bulk' && key.bytes?.toString() === wanted && value.kind === 'bulk') return value.bytes?.toString();
      }
      return undefined;
    };
    expect({ summary: spec.summary, since: spec.since, group: spec.group }).toEqual({
      summary: field('summary'),
      since: field('since'),
      group: field('group'),
    });
  });
});

// ---------------------------------------------------------------------------
// Reading scores

describe('score readers', () => {
  const b = (s: string): Buffer => Buffer.from(s, 'latin1');

  test('any double printed as %.17g (or by JavaScript) reads back as itself, strictly and loosely', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (d) => {
        // (JavaScript prints -0 as "0", so only %.17g's "-0" can carry its sign.)
        const texts = Object.is(d, -0) ? [formatDouble(d)] : [formatDouble(d), String(d).replace('Infinity', 'inf')];
        for (const text of texts) {
          expect(Object.is(parseScore(b(text)), d)).toBe(true);
          expect(Object.is(parseBoundValue(text), d)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('hexadecimal floats, as strtod reads them', () => {
    expect(parseScore(b('0x1p3'))).toBe(8);
    expect(parseScore(b('0x.8'))).toBe(0.5);
    expect(parseScore(b('-0X1.8P1'))).toBe(-3);
    expect(parseScore(b('0x'))).toBeNull();
    expect(parseScore(b('0x1p'))).toBeNull();
  });

  test('where ZADD and the range bounds disagree, as string2d and zslParseRange do', () => {
    const both = (text: string): [number | null, number | null] => [parseScore(b(text)), parseBoundValue(text)];
    expect(both('')).toEqual([null, 0]);
    expect(both(' 5')).toEqual([null, 5]);
    expect(both('1e400')).toEqual([null, Infinity]);
    expect(both('-1e400')).toEqual([null, -Infinity]);
    expect(both('1e-400')).toEqual([null, 0]);
    expect(both('5\0x')).toEqual([null, 5]);
    expect(both('   ')).toEqual([null, null]);
    expect(both('nan')).toEqual([null, null]);
    expect(both('5 ')).toEqual([null, null]);
  });
});

// ---------------------------------------------------------------------------
// ZRANGE over a skiplist, in process, against a model

/** Runs commands through session() synchronously; returns each reply as RESP2 text. */
function inProcess(db: Db): (...args: string[]) => string {
  const input = new Subject<FrameBatch>();
  const output: Buffer[] = [];
  session(db, input).subscribe((buffers) => output.push(...buffers));
  return (...args) => {
    output.length = 0;
    input.next([command(...args.map((a) => Buffer.from(a, 'latin1')))] as unknown as FrameBatch);
    return Buffer.concat(output).toString('latin1');
  };
}

const bulkArray = (items: readonly string[]): string => `*${items.length}\r\n${items.map((i) => `$${i.length}\r\n${i}\r\n`).join('')}`;

describe('ZRANGE on a 1,000-member skiplist against a sorted-array model', () => {
  test('random rank, score and lex ranges, both directions, with LIMIT', () => {
    const db = new Db();
    const run = inProcess(db);
    // Scores 0..99, ten members each: equal scores ordered by member bytes.
    const model: [string, number][] = [];
    const args: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const member = `m${(i * 7919) % 1000}`;
      const score = i % 100;
      model.push([member, score]);
      args.push(String(score), member);
    }
    expect(run('ZADD', 'z', ...args)).toBe(':1000\r\n');
    expect(run('OBJECT', 'ENCODING', 'z')).toBe('$8\r\nskiplist\r\n');
    model.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const rank = fc.integer({ min: -1100, max: 1100 });
    const score = fc.integer({ min: -5, max: 105 });
    fc.assert(
      fc.property(rank, rank, fc.boolean(), (start, stop, rev) => {
        const len = model.length;
        let s = start < 0 ? len + start : start;
        let e = stop < 0 ? len + stop : stop;
        if (s < 0) s = 0;
        if (e >= len) e = len - 1;
        const list = rev ? [...model].reverse() : model;
        const want = s > e || s >= len ? [] : list.slice(s, e + 1).map(([m]) => m);
        expect(run('ZRANGE', 'z', String(start), String(stop), ...(rev ? ['REV'] : []))).toBe(bulkArray(want));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(score, score, fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: -1, max: 30 }), fc.integer({ min: -1, max: 30 }), (lo, hi, loEx, hiEx, rev, offset, count) => {
        const matching = model.filter(([, sc]) => (loEx ? sc > lo : sc >= lo) && (hiEx ? sc < hi : sc <= hi));
        const walked = rev ? matching.reverse() : matching;
        const limited = offset < 0 ? [] : walked.slice(offset, count < 0 ? undefined : offset + count);
        const min = `${loEx ? '(' : ''}${lo}`;
        const max = `${hiEx ? '(' : ''}${hi}`;
        const bounds = rev ? [max, min] : [min, max];
        const reply = run('ZRANGE', 'z', ...bounds, 'BYSCORE', ...(rev ? ['REV'] : []), 'LIMIT', String(offset), String(count));
        expect(reply).toBe(bulkArray(limited.map(([m]) => m)));
        expect(run('ZCOUNT', 'z', min, max)).toBe(`:${matching.length}\r\n`);
      }),
      { numRuns: 300 },
    );
  });
});
