// RedisSortedSet against a naive model: a plain array of [member, score], kept sorted
// by (score, member), on which every operation is an obvious filter or slice. fast-check
// drives both with the same random operations, under random encoding limits, so that
// sets cross from the packed form to the skiplist at random points (and some start
// there, with limits of 0). Lex ranges are only meaningful when all scores are equal
// (Redis says so too), so they get their own property on such sets.

import fc from 'fast-check';
import { defaultLimits, type EncodingLimits } from '../../../src/db/types/aggregate';
import { RedisSortedSet, type LexBound, type LexRange, type ScoreRange, type ZEntry, rankRange } from '../../../src/db/types/sorted-set';

type Entry = [string, number];

const order = (a: Entry, b: Entry): number => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

class Model {
  entries: Entry[] = [];
  sort(): void {
    this.entries.sort(order);
  }
  find(m: string): Entry | undefined {
    return this.entries.find((e) => e[0] === m);
  }
}

const inScore = (s: number, r: ScoreRange): boolean =>
  (r.minExclusive ? s > r.min : s >= r.min) && (r.maxExclusive ? s < r.max : s <= r.max);
const cmpLex = (m: string, b: LexBound): number => (b === '-' ? 1 : b === '+' ? -1 : m < b.value ? -1 : m > b.value ? 1 : 0);
const openLex = (b: LexBound): boolean => b === '-' || b === '+' || b.exclusive;
const inLex = (m: string, r: LexRange): boolean => {
  const lo = cmpLex(m, r.min);
  const hi = cmpLex(m, r.max);
  return (openLex(r.min) ? lo > 0 : lo >= 0) && (openLex(r.max) ? hi < 0 : hi <= 0);
};

/** LIMIT offset count over the matching entries in walk order, as Redis applies it. */
function limited(matching: Entry[], offset: number, limit: number): Entry[] {
  if (offset < 0) return [];
  const rest = matching.slice(offset);
  return limit < 0 ? rest : rest.slice(0, limit);
}

const member = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '\x00', '\xff', 'z'), maxLength: 5 });
const score = fc.oneof(
  fc.constantFrom(-Infinity, Infinity, 0, 1, 1.5, -2, 239, 240, -1, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) - 1, 0.1, 1e300, -1e-300),
  fc.integer({ min: -300, max: 300 }),
  fc.double({ noNaN: true }).filter((d) => !Object.is(d, -0)),
);
const scoreRange = fc.record({ min: score, max: score, minExclusive: fc.boolean(), maxExclusive: fc.boolean() });
const lexBound: fc.Arbitrary<LexBound> = fc.oneof(
  fc.constantFrom<LexBound>('-', '+'),
  fc.record({ value: member, exclusive: fc.boolean() }),
);
const lexRange = fc.record({ min: lexBound, max: lexBound });
const index = fc.integer({ min: -12, max: 12 });
const walk = fc.record({ reverse: fc.boolean(), offset: fc.integer({ min: -2, max: 8 }), limit: fc.integer({ min: -2, max: 8 }) });
const addOptions = fc.record({ nx: fc.boolean(), xx: fc.boolean(), gt: fc.boolean(), lt: fc.boolean(), incr: fc.boolean() }).filter(
  (o) => !(o.nx && o.xx) && !((o.gt && o.nx) || (o.lt && o.nx) || (o.gt && o.lt)),
);

type Op =
  | { op: 'add'; member: string; score: number; options: { nx: boolean; xx: boolean; gt: boolean; lt: boolean; incr: boolean } }
  | { op: 'remove'; member: string }
  | { op: 'score'; member: string }
  | { op: 'rank'; member: string; reverse: boolean }
  | { op: 'at'; rank: number }
  | { op: 'rangeByRank'; start: number; end: number; reverse: boolean }
  | { op: 'rangeByScore'; range: ScoreRange; walk: { reverse: boolean; offset: number; limit: number } }
  | { op: 'countByScore'; range: ScoreRange }
  | { op: 'removeRangeByRank'; start: number; end: number }
  | { op: 'removeRangeByScore'; range: ScoreRange }
  | { op: 'popMin'; count: number }
  | { op: 'popMax'; count: number };

const ops: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('add' as const), member, score, options: addOptions }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), member }) },
  fc.record({ op: fc.constant('score' as const), member }),
  fc.record({ op: fc.constant('rank' as const), member, reverse: fc.boolean() }),
  fc.record({ op: fc.constant('at' as const), rank: index }),
  fc.record({ op: fc.constant('rangeByRank' as const), start: index, end: index, reverse: fc.boolean() }),
  fc.record({ op: fc.constant('rangeByScore' as const), range: scoreRange, walk }),
  fc.record({ op: fc.constant('countByScore' as const), range: scoreRange }),
  fc.record({ op: fc.constant('removeRangeByRank' as const), start: index, end: index }),
  fc.record({ op: fc.constant('removeRangeByScore' as const), range: scoreRange }),
  fc.record({ op: fc.constant('popMin' as const), count: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('popMax' as const), count: fc.integer({ min: 0, max: 4 }) }),
);

const limitsArb = fc.record({ entries: fc.integer({ min: 0, max: 12 }), value: fc.integer({ min: 0, max: 5 }) });
const makeLimits = (l: { entries: number; value: number }): EncodingLimits => ({
  ...defaultLimits(),
  zsetMaxListpackEntries: l.entries,
  zsetMaxListpackValue: l.value,
});

/** Applies one op to both; returns [ours, model's] answers. */
function apply(z: RedisSortedSet, m: Model, o: Op): [unknown, unknown] {
  switch (o.op) {
    case 'add': {
      const got = z.add(o.member, o.score, o.options);
      const e = m.find(o.member);
      let want: unknown;
      if (e !== undefined) {
        const next = o.options.incr ? e[1] + o.score : o.score;
        if (o.options.nx) want = { outcome: 'skipped' };
        else if (Number.isNaN(next)) want = { outcome: 'nan' };
        else if ((o.options.lt && next >= e[1]) || (o.options.gt && next <= e[1])) want = { outcome: 'skipped' };
        else if (next === e[1]) want = { outcome: 'unchanged', score: next };
        else {
          e[1] = next;
          m.sort();
          want = { outcome: 'updated', score: next };
        }
      } else if (o.options.xx) want = { outcome: 'skipped' };
      else {
        m.entries.push([o.member, o.score]);
        m.sort();
        want = { outcome: 'added', score: o.score };
      }
      const gotShape = got.outcome === 'skipped' || got.outcome === 'nan' ? { outcome: got.outcome } : got;
      return [gotShape, want];
    }
    case 'remove': {
      const at = m.entries.findIndex((e) => e[0] === o.member);
      if (at !== -1) m.entries.splice(at, 1);
      return [z.remove(o.member), at !== -1];
    }
    case 'score':
      return [z.score(o.member), m.find(o.member)?.[1]];
    case 'rank': {
      const at = m.entries.findIndex((e) => e[0] === o.member);
      return [z.rank(o.member, o.reverse), at === -1 ? undefined : o.reverse ? m.entries.length - 1 - at : at];
    }
    case 'at':
      return [z.at(o.rank), m.entries[o.rank] === undefined || o.rank < 0 ? undefined : m.entries[o.rank]];
    case 'rangeByRank': {
      const r = rankRange(o.start, o.end, m.entries.length);
      const list = o.reverse ? [...m.entries].reverse() : m.entries;
      return [z.rangeByRank(o.start, o.end, o.reverse), r === null ? [] : list.slice(r[0], r[1] + 1)];
    }
    case 'rangeByScore': {
      const list = o.walk.reverse ? [...m.entries].reverse() : m.entries;
      return [z.rangeByScore(o.range, o.walk), limited(list.filter((e) => inScore(e[1], o.range)), o.walk.offset, o.walk.limit)];
    }
    case 'countByScore':
      return [z.countByScore(o.range), m.entries.filter((e) => inScore(e[1], o.range)).length];
    case 'removeRangeByRank': {
      const r = rankRange(o.start, o.end, m.entries.length);
      const n = r === null ? 0 : m.entries.splice(r[0], r[1] - r[0] + 1).length;
      return [z.removeRangeByRank(o.start, o.end), n];
    }
    case 'removeRangeByScore': {
      const before = m.entries.length;
      m.entries = m.entries.filter((e) => !inScore(e[1], o.range));
      return [z.removeRangeByScore(o.range), before - m.entries.length];
    }
    case 'popMin':
      return [z.popMin(o.count), m.entries.splice(0, o.count)];
    case 'popMax': {
      const n = Math.min(o.count, m.entries.length);
      return [z.popMax(o.count), m.entries.splice(m.entries.length - n, n).reverse()];
    }
  }
}

const asArrays = (entries: Iterable<ZEntry>): Entry[] => [...entries].map(([a, b]) => [a, b]);

describe('RedisSortedSet against a sorted-array model', () => {
  test('random operations under random encoding limits', () => {
    fc.assert(
      fc.property(limitsArb, fc.array(ops, { maxLength: 60 }), (l, list) => {
        const limits = makeLimits(l);
        const z = new RedisSortedSet(limits);
        const m = new Model();
        let wasBig = false;
        for (const o of list) {
          const [got, want] = apply(z, m, o);
          expect(got).toEqual(want);
          expect(z.size).toBe(m.entries.length);
          // Converted once, never back.
          if (wasBig) expect(z.encoding).toBe('skiplist');
          wasBig = z.encoding === 'skiplist';
          if (z.encoding === 'listpack') {
            expect(z.size).toBeLessThanOrEqual(l.entries);
            for (const [member] of m.entries) expect(member.length).toBeLessThanOrEqual(l.value);
          }
        }
        expect(asArrays(z.entries())).toEqual(m.entries);
        expect(asArrays(z.clone())).toEqual(m.entries);
      }),
      { numRuns: 400 },
    );
  });

  test('long runs on the skiplist alone (many levels, long spans)', () => {
    fc.assert(
      fc.property(fc.array(ops, { minLength: 500, maxLength: 1500 }), (list) => {
        const z = new RedisSortedSet(makeLimits({ entries: 0, value: 0 }));
        const m = new Model();
        for (const o of list) {
          const [got, want] = apply(z, m, o);
          expect(got).toEqual(want);
        }
        expect(asArrays(z)).toEqual(m.entries);
      }),
      { numRuns: 15 },
    );
  });

  test('lex ranges, counts and removals on sets of equal scores', () => {
    const lexOp = fc.oneof(
      fc.record({ op: fc.constant('range' as const), range: lexRange, walk }),
      fc.record({ op: fc.constant('count' as const), range: lexRange }),
      fc.record({ op: fc.constant('remove' as const), range: lexRange }),
    );
    fc.assert(
      fc.property(limitsArb, fc.uniqueArray(member, { maxLength: 20 }), fc.constantFrom(0, 7, -Infinity), fc.array(lexOp, { maxLength: 10 }), (l, members, s, list) => {
        const z = new RedisSortedSet(makeLimits(l));
        for (const x of members) z.add(x, s);
        let model: Entry[] = members.map((x): Entry => [x, s]).sort(order);
        for (const o of list) {
          const matching = model.filter((e) => inLex(e[0], o.range));
          if (o.op === 'range') {
            const walked = o.walk.reverse ? [...matching].reverse() : matching;
            expect(z.rangeByLex(o.range, o.walk)).toEqual(limited(walked, o.walk.offset, o.walk.limit));
          } else if (o.op === 'count') {
            expect(z.countByLex(o.range)).toBe(matching.length);
          } else {
            expect(z.removeRangeByLex(o.range)).toBe(matching.length);
            model = model.filter((e) => !inLex(e[0], o.range));
          }
          expect(asArrays(z)).toEqual(model);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('RedisSortedSet encodings', () => {
  test('a small set is a listpack; the 129th member or a 65-byte one makes it a skiplist, for good', () => {
    const z = new RedisSortedSet(defaultLimits());
    for (let i = 0; i < 128; i++) z.add(`m${i}`, i);
    expect(z.encoding).toBe('listpack');
    z.add('m128', 128);
    expect(z.encoding).toBe('skiplist');
    z.popMin(120);
    expect(z.encoding).toBe('skiplist');
    const w = new RedisSortedSet(defaultLimits());
    w.add('x'.repeat(64), 1);
    expect(w.encoding).toBe('listpack');
    w.add('x'.repeat(65), 1);
    expect(w.encoding).toBe('skiplist');
  });

  test('-0 reads as 0 from the packed form and stays -0 in the skiplist, as in Redis', () => {
    const small = new RedisSortedSet(defaultLimits());
    small.add('a', -0);
    expect(Object.is(small.score('a'), 0)).toBe(true);
    const big = new RedisSortedSet({ ...defaultLimits(), zsetMaxListpackEntries: 0 });
    big.add('a', -0);
    expect(Object.is(big.score('a'), -0)).toBe(true);
    // ZADD's reply is the score computed, even where the packed form stores 0.
    expect(Object.is(new RedisSortedSet(defaultLimits()).add('a', -0, { incr: true }).score, -0)).toBe(true);
  });

  test('scores of every packed width read back exactly, members of 127, 128 and 70,000 bytes too', () => {
    const limits = { ...defaultLimits(), zsetMaxListpackValue: 100_000 };
    const z = new RedisSortedSet(limits);
    const scores = [0, 239, 240, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 0.1, -Infinity, Infinity, 5e-324, 1.7976931348623157e308];
    scores.forEach((s, i) => z.add(`s${i}`, s));
    const long = ['a'.repeat(127), 'b'.repeat(128), 'c'.repeat(70_000)];
    long.forEach((m, i) => z.add(m, 1000 + i));
    expect(z.encoding).toBe('listpack');
    scores.forEach((s, i) => expect(z.score(`s${i}`)).toBe(s));
    long.forEach((m, i) => expect(z.score(m)).toBe(1000 + i));
    const middle = z.rangeByScore({ min: 1000, max: 1002, minExclusive: false, maxExclusive: false });
    expect(middle.map(([m]) => m.length)).toEqual([127, 128, 70_000]);
  });
});
