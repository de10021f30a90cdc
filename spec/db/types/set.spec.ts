// RedisSet against a naive model (a JS Set of strings), with fast-check: any sequence
// of adds, removes and pops keeps the same members, the encoding is 'intset' exactly
// while every member is a canonical integer and the count is within the limit (and,
// once converted, stays 'hashtable'), an intset lists its members in numeric order,
// and the set operations agree with the model's. Plus the canonical-integer rules
// (intOf) and chi-square checks that random picks are uniform.

import fc from 'fast-check';
import { RedisSet, difference, intersection, union } from '../../../src/db/types/set';
import { intOf } from '../../../src/db/types/intset';
import { defaultLimits, type EncodingLimits } from '../../../src/db/types/aggregate';
import { prng } from '../../support/prng';
import { chiSquare, chiSquareQuantile, Z_1E3 } from '../../support/chi-square';

const isCanonical = (s: string): boolean =>
  /^(0|-?[1-9][0-9]*)$/.test(s) && BigInt(s) <= 9223372036854775807n && BigInt(s) >= -9223372036854775808n;

const byNumber = (a: string, b: string): number => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/** Members drawn mostly from integers (small, near 2^53, near 2^63) with some non-canonical forms and strings. */
const member = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -40, max: 40 }).map(String) },
  { weight: 2, arbitrary: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String) },
  { weight: 2, arbitrary: fc.tuple(fc.bigInt({ min: 2n ** 53n - 3n, max: 2n ** 53n + 3n }), fc.boolean()).map(([v, neg]) => String(neg ? -v : v)) },
  // The edges of the packed widths (16, 32, 64 bits) and of exact doubles.
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...['32767', '32768', '-32768', '-32769', '2147483647', '2147483648', '-2147483648', '-2147483649'],
      ...['9007199254740991', '-9007199254740991', '9007199254740992', '-9007199254740992', '4294967296', '-4294967296', '4294967295'],
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('9223372036854775808', '-9223372036854775809', '-0', '+1', '01', '', ' 1', '1 ', '1.0', 'a', '\x00', '\xff') },
);

type Op = { kind: 'add' | 'remove' | 'pop' | 'popMany'; member: string; count: number };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom<Op['kind']>('add', 'add', 'add', 'remove', 'pop', 'popMany'),
  member,
  count: fc.integer({ min: 0, max: 12 }),
});

function checkAgainstModel(set: RedisSet, model: Set<string>, limits: EncodingLimits, everConverted: boolean): void {
  expect(set.size).toBe(model.size);
  const members = set.members();
  expect(new Set(members)).toEqual(model);
  expect(members.length).toBe(model.size);
  const shouldBeIntset = !everConverted && [...model].every(isCanonical) && model.size <= limits.setMaxIntsetEntries;
  expect(set.encoding).toBe(shouldBeIntset ? 'intset' : 'hashtable');
  if (set.encoding === 'intset') expect(members).toEqual([...members].sort(byNumber));
}

describe('RedisSet against a JS Set model', () => {
  test('adds, removes and pops, crossing into hashtable', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 0, max: 20 }), fc.integer(), (ops, maxIntset, seed) => {
        const limits = { ...defaultLimits(), setMaxIntsetEntries: maxIntset };
        const random = prng(seed);
        const set = new RedisSet(limits);
        const model = new Set<string>();
        let converted = false;
        for (const { kind, member: m, count } of ops) {
          if (kind === 'add') {
            expect(set.add(m)).toBe(!model.has(m));
            model.add(m);
          } else if (kind === 'remove') {
            expect(set.remove(m)).toBe(model.delete(m));
          } else if (kind === 'pop') {
            const popped = set.pop(random);
            if (model.size === 0) expect(popped).toBeUndefined();
            else expect(model.delete(popped as string)).toBe(true);
          } else {
            // Redis's keep-and-rebuild strategy builds the set anew (it may turn a hash
            // table back into an intset), and popping everything leaves an empty intset.
            const rebuilt = count > 0 && (count >= model.size || (model.size - count) * 5 <= count);
            const popped = set.popMany(count, random);
            expect(popped.length).toBe(Math.min(count, model.size));
            expect(new Set(popped).size).toBe(popped.length);
            for (const p of popped) expect(model.delete(p)).toBe(true);
            if (rebuilt) converted = [...model].some((x) => !isCanonical(x)) || model.size > maxIntset;
          }
          if (set.encoding === 'hashtable') converted = true;
          checkAgainstModel(set, model, limits, converted);
          for (const probe of [m, '1', '-1', '0']) expect(set.has(probe)).toBe(model.has(probe));
        }
        // A clone is equal and independent.
        const copy = set.clone();
        expect(copy.encoding).toBe(set.encoding);
        expect(copy.members()).toEqual(set.members());
        copy.add('clone-only');
        copy.remove(set.members()[0] ?? 'x');
        expect(new Set(set.members())).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  test('the conversion happens past the limit, once, and not back on removal', () => {
    const limits = { ...defaultLimits(), setMaxIntsetEntries: 4 };
    const set = new RedisSet(limits);
    for (const m of ['4', '3', '2', '1']) set.add(m);
    expect(set.encoding).toBe('intset');
    expect(set.members()).toEqual(['1', '2', '3', '4']);
    set.add('5');
    expect(set.encoding).toBe('hashtable');
    set.remove('5');
    set.remove('4');
    expect(set.encoding).toBe('hashtable');
  });

  test('a string member converts; numeric order spans numbers and 64-bit members', () => {
    const set = new RedisSet(defaultLimits());
    for (const m of ['9223372036854775807', '-9223372036854775808', '10', '9', '-1', '9007199254740993', '9007199254740992', '0'])
      set.add(m);
    expect(set.encoding).toBe('intset');
    expect(set.members()).toEqual([
      '-9223372036854775808',
      '-1',
      '0',
      '9',
      '10',
      '9007199254740992',
      '9007199254740993',
      '9223372036854775807',
    ]);
    expect(set.has('9007199254740993')).toBe(true);
    expect(set.has('9007199254740994')).toBe(false);
    set.add('9223372036854775808');
    expect(set.encoding).toBe('hashtable');
    expect(set.has('9223372036854775807')).toBe(true);
    expect(set.has('9223372036854775808')).toBe(true);
  });

  test('set operations agree with the model', () => {
    const small = fc.array(fc.oneof(fc.integer({ min: 0, max: 15 }).map(String), fc.constantFrom('a', 'b', 'c')), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(small, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (contents, limit) => {
        const limits = defaultLimits();
        const sets = contents.map((members) => {
          const s = new RedisSet(limits);
          for (const m of members) s.add(m);
          return s;
        });
        const models = contents.map((members) => new Set(members));
        const inter = [...models[0]].filter((m) => models.every((s) => s.has(m)));
        expect(new Set(intersection(sets))).toEqual(new Set(inter));
        expect(intersection(sets).length).toBe(inter.length);
        expect(intersection(sets, limit).length).toBe(limit === 0 ? inter.length : Math.min(limit, inter.length));
        const uni = new Set(models.flatMap((s) => [...s]));
        expect(new Set(union(sets, limits).members())).toEqual(uni);
        const diff = [...models[0]].filter((m) => models.slice(1).every((s) => !s.has(m)));
        expect(new Set(difference(sets, limits).members())).toEqual(new Set(diff));
        // A union of integers is an intset again, in numeric order.
        const u = union(sets, limits);
        if ([...uni].every(isCanonical)) {
          expect(u.encoding).toBe('intset');
          expect(u.members()).toEqual([...uni].sort(byNumber));
        }
      }),
    );
    const limits = defaultLimits();
    const s = new RedisSet(limits);
    s.add('1');
    expect(difference([s, s], limits).size).toBe(0);
    expect(difference([undefined, s], limits).size).toBe(0);
    expect(union([undefined, s], limits).members()).toEqual(['1']);
  });

  test('random members: distinct or with repeats, from the set', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(50).map(String), fc.string()), { maxLength: 30 }), fc.integer({ min: 0, max: 40 }), fc.integer(), (members, count, seed) => {
        const set = new RedisSet(defaultLimits());
        for (const m of members) set.add(m);
        const model = new Set(members);
        const random = prng(seed);
        const distinct = set.randomMembers(count, true, random);
        expect(distinct.length).toBe(Math.min(count, model.size));
        expect(new Set(distinct).size).toBe(distinct.length);
        for (const m of distinct) expect(model.has(m)).toBe(true);
        const repeats = set.randomMembers(count, false, random);
        expect(repeats.length).toBe(model.size === 0 ? 0 : count);
        for (const m of repeats) expect(model.has(m)).toBe(true);
        const one = set.randomMember(random);
        if (model.size === 0) expect(one).toBeUndefined();
        else expect(model.has(one as string)).toBe(true);
      }),
    );
  });
});

describe('SSCAN walks over a hash table', () => {
  test('every member present for the whole walk is returned, however the set changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 20 }), fc.integer(), (n, count, seed) => {
        const random = prng(seed);
        const set = new RedisSet(defaultLimits());
        for (let i = 0; i < n; i++) set.add(`m${i}`);
        const stable = new Set<string>();
        for (let i = 0; i < n; i += 2) stable.add(`m${i}`);
        const seen = new Set<string>();
        let cursor = 0;
        let steps = 0;
        let created = 0;
        do {
          const step = set.scan(cursor, count);
          for (const m of step.members) seen.add(m);
          cursor = step.cursor;
          // Churn: remove odd members, add new ones.
          const victim = `m${2 * Math.floor(random() * (n / 2)) + 1}`;
          set.remove(victim);
          set.add(`new${created++}`);
          steps++;
        } while (cursor !== 0 && steps < 10_000);
        expect(cursor).toBe(0);
        for (const m of stable) expect(seen.has(m)).toBe(true);
      }),
    );
  });

  test('an intset answers everything at once, with cursor 0', () => {
    const set = new RedisSet(defaultLimits());
    for (const m of ['3', '1', '2']) set.add(m);
    expect(set.scan(0, 1)).toEqual({ cursor: 0, members: ['1', '2', '3'] });
    expect(set.scan(12345, 1)).toEqual({ cursor: 0, members: ['1', '2', '3'] });
  });
});

describe('intOf: string2ll', () => {
  test.each([
    ['0', 0],
    ['-1', -1],
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', 9007199254740992n],
    ['-9223372036854775808', -9223372036854775808n],
    ['9223372036854775807', 9223372036854775807n],
    ['123456789012345', 123456789012345],
  ])('%s is an integer', (text, value) => expect(intOf(text)).toBe(value));
  test.each(['', '-', '-0', '+1', '01', '00', ' 1', '1 ', '1.0', '1e3', '0x10', '9223372036854775808', '-9223372036854775809', '99999999999999999999'])(
    '%j is not',
    (text) => expect(intOf(text)).toBeUndefined(),
  );
  test('agrees with a regex-and-bigint reading on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 22 }), fc.bigInt().map(String), fc.stringMatching(/^-?[0-9]{0,21}$/)), (text) => {
        const value = intOf(text);
        if (!isCanonical(text)) expect(value).toBeUndefined();
        else {
          expect(BigInt(value as number | bigint)).toBe(BigInt(text));
          expect(typeof value).toBe(Number.isSafeInteger(Number(text)) ? 'number' : 'bigint');
        }
      }),
    );
  });
});

// Chi-square goodness of fit against the uniform distribution. With the seeded PRNG the
// outcome is fixed, so the test is deterministic; the bound is the 0.999 quantile, so
// a correct implementation passes for almost every seed, and a biased one fails.
/** The 0.999 quantile of chi-square with k - 1 degrees of freedom. */
const chiSquareBound = (k: number): number => chiSquareQuantile(k - 1, Z_1E3);

describe('uniformity of random picks (chi-square)', () => {
  const encodings: [string, string[]][] = [
    ['intset', Array.from({ length: 20 }, (_, i) => String(i * 7))],
    ['hashtable', Array.from({ length: 20 }, (_, i) => `member-${i}`)],
  ];
  test.each(encodings)('randomMember on an %s', (encoding, members) => {
    const set = new RedisSet(defaultLimits());
    for (const m of members) set.add(m);
    expect(set.encoding).toBe(encoding);
    const random = prng(7);
    const counts = new Map(members.map((m) => [m, 0]));
    for (let i = 0; i < 20_000; i++) {
      const m = set.randomMember(random) as string;
      counts.set(m, (counts.get(m) as number) + 1);
    }
    expect(chiSquare([...counts.values()])).toBeLessThan(chiSquareBound(members.length));
  });
  test.each(encodings)('randomMembers(5, distinct) on an %s', (encoding, members) => {
    const set = new RedisSet(defaultLimits());
    for (const m of members) set.add(m);
    const random = prng(11);
    const counts = new Map(members.map((m) => [m, 0]));
    for (let i = 0; i < 5_000; i++) for (const m of set.randomMembers(5, true, random)) counts.set(m, (counts.get(m) as number) + 1);
    expect(chiSquare([...counts.values()])).toBeLessThan(chiSquareBound(members.length));
  });
  test.each(encodings)('pop and popMany on an %s', (encoding, members) => {
    const random = prng(13);
    const counts = new Map(members.map((m) => [m, 0]));
    for (let i = 0; i < 4_000; i++) {
      const set = new RedisSet(defaultLimits());
      for (const m of members) set.add(m);
      // popMany(3) uses the pick-and-remove strategy, popMany(17) the keep-and-rebuild one.
      const popped = i % 3 === 0 ? [set.pop(random) as string] : set.popMany(i % 3 === 1 ? 3 : 17, random);
      for (const m of popped) counts.set(m, (counts.get(m) as number) + 1);
    }
    expect(chiSquare([...counts.values()])).toBeLessThan(chiSquareBound(members.length));
  });
});

describe('the packed intset', () => {
  const edges = [
    '0', '1', '-1', '32767', '32768', '-32768', '-32769', '2147483647', '2147483648', '-2147483648', '-2147483649',
    '4294967295', '4294967296', '-4294967296', '9007199254740991', '-9007199254740991', '9007199254740992',
    '-9007199254740992', '9223372036854775807', '-9223372036854775808',
  ];
  test('every width edge round-trips, in numeric order, through upgrades from 16 to 64 bits', () => {
    const set = new RedisSet(defaultLimits());
    for (const m of edges) set.add(m);
    expect(set.encoding).toBe('intset');
    expect(set.members()).toEqual([...edges].sort(byNumber));
    for (const m of edges) expect(set.has(m)).toBe(true);
    for (const m of ['2', '-2', '32766', '9007199254740993', '-9223372036854775807']) expect(set.has(m)).toBe(false);
    // Removals keep the width; members still read back.
    for (const m of edges.slice(0, 10)) expect(set.remove(m)).toBe(true);
    expect(set.members()).toEqual(edges.slice(10).sort(byNumber));
  });
  test('any order of insertion gives the same sorted members', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(edges), (members) => {
        const set = new RedisSet(defaultLimits());
        for (const m of members) set.add(m);
        expect(set.members()).toEqual([...members].sort(byNumber));
        expect(set.clone().members()).toEqual(set.members());
      }),
    );
  });
});
