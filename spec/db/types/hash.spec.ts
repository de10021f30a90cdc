// RedisHash against a naive model: an array of [field, value] pairs in Redis's listpack
// order (new fields at the end, an overwrite in place, a deletion closing the gap),
// plus the encoding the model expects (listpack until a limit is exceeded, hashtable
// for good after). fast-check drives random operations with small limits, so the
// conversion threshold is crossed in most runs, and checks after every step:
// lookups, size, encoding, the order while compact, and the content always.

import fc from 'fast-check';
import { RedisHash } from '../../../src/db/types/hash';
import { defaultLimits, type EncodingLimits } from '../../../src/db/types/aggregate';
import * as listpack from '../../../src/db/types/listpack';

type Op =
  | { readonly kind: 'set'; readonly field: string; readonly value: string }
  | { readonly kind: 'delete'; readonly field: string };

class Model {
  pairs: [string, string][] = [];
  encoding: 'listpack' | 'hashtable' = 'listpack';
  constructor(private readonly limits: EncodingLimits) {}
  set(field: string, value: string): boolean {
    if (field.length > this.limits.hashMaxListpackValue || value.length > this.limits.hashMaxListpackValue) this.encoding = 'hashtable';
    const found = this.pairs.find((p) => p[0] === field);
    if (found !== undefined) {
      found[1] = value;
      return false;
    }
    this.pairs.push([field, value]);
    if (this.pairs.length > this.limits.hashMaxListpackEntries) this.encoding = 'hashtable';
    return true;
  }
  delete(field: string): boolean {
    const before = this.pairs.length;
    this.pairs = this.pairs.filter((p) => p[0] !== field);
    return this.pairs.length < before;
  }
}

// Binary-safe byte strings: NUL, CR LF, 0xff, and lengths around the one-char header limit.
const byteString = (maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength }).map((codes) => String.fromCharCode(...codes));
const field = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '', '\x00', '\xff\r\n'), byteString(6));
const value = fc.oneof(fc.constantFrom('', '1', '-5', 'x'), byteString(8), byteString(200));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), field, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), field }) },
);

function check(hash: RedisHash, model: Model): void {
  expect(hash.size).toBe(model.pairs.length);
  expect(hash.encoding).toBe(model.encoding);
  const flat = model.pairs.flat();
  if (model.encoding === 'listpack') {
    expect(hash.pairs()).toEqual(flat);
    expect(hash.pairBuffers().map((b) => b.toString('latin1'))).toEqual(flat);
    expect(hash.fields()).toEqual(model.pairs.map((p) => p[0]));
    expect(hash.values()).toEqual(model.pairs.map((p) => p[1]));
    expect(hash.scan(0, 1)).toEqual({ cursor: 0, pairs: flat });
  } else {
    expect(new Map(pairsOf(hash.pairs()))).toEqual(new Map(model.pairs));
    expect(hash.pairBuffers().map((b) => b.toString('latin1'))).toEqual(hash.pairs());
  }
  for (const [f, v] of model.pairs) {
    expect(hash.get(f)).toBe(v);
    expect(hash.has(f)).toBe(true);
    expect(hash.valueLength(f)).toBe(v.length);
  }
  for (let i = 0; i < hash.size; i++) {
    const [f, v] = hash.pairAt(i);
    expect(hash.get(f)).toBe(v);
  }
}

const pairsOf = (flat: string[]): [string, string][] => {
  const out: [string, string][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
};

describe('RedisHash', () => {
  test.each([
    ['small limits (conversion crossed often)', { hashMaxListpackEntries: 4, hashMaxListpackValue: 6 }],
    ['default limits', {}],
  ])('behaves as the model under random operations, %s', (_, overrides) => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const limits = { ...defaultLimits(), ...overrides };
        const hash = new RedisHash(limits);
        const model = new Model(limits);
        for (const o of ops) {
          if (o.kind === 'set') expect(hash.set(o.field, o.value)).toBe(model.set(o.field, o.value));
          else expect(hash.delete(o.field)).toBe(model.delete(o.field));
          check(hash, model);
        }
        // Missing fields.
        expect(hash.get('never-set-field')).toBeUndefined();
        expect(hash.has('never-set-field')).toBe(false);
        expect(hash.valueLength('never-set-field')).toBe(0);
        expect(hash.delete('never-set-field')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  test('crosses 128 entries (when so configured) and 64-byte values into a hashtable, never back', () => {
    const hash = new RedisHash({ ...defaultLimits(), hashMaxListpackEntries: 128 });
    for (let i = 0; i < 128; i++) hash.set(`f${i}`, 'v');
    expect(hash.encoding).toBe('listpack');
    expect(hash.fields()).toEqual(Array.from({ length: 128 }, (_, i) => `f${i}`));
    hash.set('f128', 'v');
    expect(hash.encoding).toBe('hashtable');
    for (let i = 0; i <= 128; i++) hash.delete(`f${i}`);
    expect(hash.size).toBe(0);
    hash.set('a', 'b');
    expect(hash.encoding).toBe('hashtable');

    const values = new RedisHash(defaultLimits());
    values.set('f', 'x'.repeat(64));
    expect(values.encoding).toBe('listpack');
    values.set('f', 'x'.repeat(65));
    expect(values.encoding).toBe('hashtable');
    expect(values.get('f')).toBe('x'.repeat(65));
    const fields = new RedisHash(defaultLimits());
    fields.set('y'.repeat(65), '1');
    expect(fields.encoding).toBe('hashtable');
  });

  test('a changed limit applies at the next growth', () => {
    const limits = defaultLimits();
    const hash = new RedisHash(limits);
    hash.set('a', '1');
    hash.set('b', '2');
    limits.hashMaxListpackEntries = 2;
    expect(hash.encoding).toBe('listpack');
    hash.set('a', '3'); // an overwrite does not grow
    expect(hash.encoding).toBe('listpack');
    hash.set('c', '4');
    expect(hash.encoding).toBe('hashtable');
  });

  test('clone shares nothing mutable, in both forms', () => {
    for (const n of [3, 200]) {
      const hash = new RedisHash(defaultLimits());
      for (let i = 0; i < n; i++) hash.set(`f${i}`, `v${i}`);
      const copy = hash.clone();
      expect(copy.encoding).toBe(hash.encoding);
      expect(copy.pairs()).toEqual(hash.pairs());
      copy.set('f0', 'changed');
      copy.delete('f1');
      copy.set('new', 'x');
      expect(hash.get('f0')).toBe('v0');
      expect(hash.get('f1')).toBe('v1');
      expect(hash.has('new')).toBe(false);
      expect(hash.size).toBe(n);
      expect(copy.size).toBe(n);
    }
  });

  test('HSCAN over a hashtable returns every pair present for the whole walk, and ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 400 })), { maxLength: 200 }), (count, churn) => {
        const hash = new RedisHash(defaultLimits());
        for (let i = 0; i < 300; i++) hash.set(`f${i}`, `v${i}`);
        const stable = new Set(Array.from({ length: 150 }, (_, i) => `f${i}`));
        const seen = new Set<string>();
        let cursor = 0;
        let steps = 0;
        do {
          const step = hash.scan(cursor, count);
          for (let i = 0; i < step.pairs.length; i += 2) {
            seen.add(step.pairs[i]);
            expect(hash.get(step.pairs[i])).toBe(step.pairs[i + 1]);
          }
          cursor = step.cursor;
          // Between steps: delete or add fields other than the stable ones.
          const change = churn[steps % Math.max(1, churn.length)];
          if (change !== undefined) {
            const f = `f${150 + change[1]}`;
            if (change[0]) hash.set(f, 'new');
            else hash.delete(f);
          }
          expect(++steps).toBeLessThan(2000);
        } while (cursor !== 0);
        for (const f of stable) expect(seen.has(f)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('the listpack round-trips any entries, long ones included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(byteString(10), byteString(300)), { maxLength: 20 }), (entries) => {
        const packed = listpack.encode(entries);
        expect(listpack.decode(packed)).toEqual(entries);
        expect(listpack.decodeBuffers(packed).map((b) => b.toString('latin1'))).toEqual(entries);
      }),
    );
    const big = 'z'.repeat(20000);
    expect(listpack.decode(listpack.encode(['a', big, '']))).toEqual(['a', big, '']);
  });
});
