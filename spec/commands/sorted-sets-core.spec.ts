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
import { readReply } from '../support/resp2-reader';
import { describeWithRedis, expectCommandDocs, expectCommandInfo, texts } from '../support/command-metadata';

const commands: readonly AnyCommand[] = [
  zadd, zincrby, zrem, zcard, zscore, zmscore, zcount, zlexcount, zrank, zrevrank,
  zrange, zrevrange, zrangebyscore, zrevrangebyscore, zrangebylex, zrevrangebylex,
  zremrangebyrank, zremrangebyscore, zremrangebylex,
];

// ---------------------------------------------------------------------------
// COMMAND INFO and COMMAND DOCS

describeWithRedis('core sorted-set command metadata', (redis) => {
  test('every command here is one of Redis 7.0\'s @sortedset commands', async () => {
    const reply = await redis.call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'sortedset');
    const redisNames = new Set(texts(reply));
    for (const c of commands) expect(redisNames.has(c.name)).toBe(true);
  });

  test.each(commands.map((c) => [c.name, c] as const))('%s matches COMMAND INFO', async (name, spec) => {
    expectCommandInfo(await redis.call('COMMAND', 'INFO', name), spec);
  });

  test.each(commands.map((c) => [c.name, c] as const))('%s matches COMMAND DOCS (summary, since, group)', async (name, spec) => {
    expectCommandDocs(await redis.call('COMMAND', 'DOCS', name), spec);
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
