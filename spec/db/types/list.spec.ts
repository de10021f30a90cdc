// RedisList (src/db/types/list.ts) against a naive model: a plain JS array, where every
// operation is the obvious (and O(n)) Array method. fast-check generates random
// sequences of operations, runs each on both, and checks after every step that the
// results and the whole contents agree. The ring buffer's risks are all in the index
// arithmetic (wrapping round the end, growing and shrinking while wrapped, moving the
// shorter side in the middle), and long random sequences that grow, shrink and wrap
// are what reach them; a few plain tests pin the behaviour the model cannot show
// (capacity shrinking, the clone sharing nothing).

import fc from 'fast-check';
import { RedisList } from '../../../src/db/types/list';
import { defaultLimits } from '../../../src/db/types/aggregate';

type Op =
  | { op: 'pushHead' | 'pushTail'; value: string }
  | { op: 'popHead' | 'popTail' }
  | { op: 'at'; index: number }
  | { op: 'setAt'; index: number; value: string }
  | { op: 'range'; start: number; stop: number }
  | { op: 'insertAt'; index: number; value: string }
  | { op: 'removeAt'; index: number }
  | { op: 'removeEqual'; value: string; limit: number; fromTail: boolean }
  | { op: 'dropEnds'; fromHead: number; fromTail: number }
  | { op: 'pushMany'; count: number; head: boolean }
  | { op: 'clone' };

// A small alphabet makes equal elements common (LREM must find some), and binary
// bytes check nothing is decoded.
const element = fc.constantFrom('a', 'b', 'c', '', '\x00', '\xff\r\n');
const index = fc.integer({ min: -3, max: 40 });

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('pushHead' as const, 'pushTail' as const), value: element }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('popHead' as const, 'popTail' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('at' as const), index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setAt' as const), index, value: element }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('range' as const), start: index, stop: index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insertAt' as const), index, value: element }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('removeAt' as const), index }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('removeEqual' as const), value: element, limit: fc.integer({ min: 0, max: 5 }), fromTail: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropEnds' as const), fromHead: index, fromTail: index }) },
  // Bursts grow the ring through several doublings, and later pops shrink it back.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('pushMany' as const), count: fc.integer({ min: 1, max: 70 }), head: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('clone' as const) }) },
);

/** Runs one operation on the list and on the model; returns both results. */
function apply(list: RedisList, model: string[], o: Op): { ours: unknown; expected: unknown; list: RedisList } {
  switch (o.op) {
    case 'pushHead':
      list.pushHead(o.value);
      model.unshift(o.value);
      return { ours: list.size, expected: model.length, list };
    case 'pushTail':
      list.pushTail(o.value);
      model.push(o.value);
      return { ours: list.size, expected: model.length, list };
    case 'pushMany':
      for (let i = 0; i < o.count; i++) {
        const value = `m${i}`;
        if (o.head) {
          list.pushHead(value);
          model.unshift(value);
        } else {
          list.pushTail(value);
          model.push(value);
        }
      }
      return { ours: list.size, expected: model.length, list };
    case 'popHead':
      return { ours: list.popHead(), expected: model.shift(), list };
    case 'popTail':
      return { ours: list.popTail(), expected: model.pop(), list };
    case 'at':
      return { ours: list.at(o.index), expected: o.index >= 0 ? model[o.index] : undefined, list };
    case 'setAt': {
      const inRange = o.index >= 0 && o.index < model.length;
      if (inRange) model[o.index] = o.value;
      return { ours: list.setAt(o.index, o.value), expected: inRange, list };
    }
    case 'range': {
      const from = Math.max(0, o.start);
      return { ours: list.range(o.start, o.stop), expected: o.stop < from ? [] : model.slice(from, o.stop + 1), list };
    }
    case 'insertAt':
      list.insertAt(o.index, o.value);
      model.splice(Math.max(0, Math.min(o.index, model.length)), 0, o.value);
      return { ours: list.size, expected: model.length, list };
    case 'removeAt': {
      const inRange = o.index >= 0 && o.index < model.length;
      return { ours: list.removeAt(o.index), expected: inRange ? model.splice(o.index, 1)[0] : undefined, list };
    }
    case 'removeEqual': {
      let removed = 0;
      const order = model.map((_, i) => i);
      if (o.fromTail) order.reverse();
      const doomed = new Set<number>();
      for (const i of order) {
        if (model[i] === o.value && (o.limit === 0 || removed < o.limit)) {
          doomed.add(i);
          removed++;
        }
      }
      const kept = model.filter((_, i) => !doomed.has(i));
      model.splice(0, model.length, ...kept);
      return { ours: list.removeEqual(o.value, o.limit, o.fromTail), expected: removed, list };
    }
    case 'dropEnds': {
      list.dropEnds(o.fromHead, o.fromTail);
      const head = Math.min(Math.max(0, o.fromHead), model.length);
      model.splice(0, head);
      const tail = Math.min(Math.max(0, o.fromTail), model.length);
      model.splice(model.length - tail, tail);
      return { ours: list.size, expected: model.length, list };
    }
    case 'clone': {
      // Carry on with the copy: it must behave exactly as the original did.
      const copy = list.clone();
      list.pushTail('only-in-the-original');
      return { ours: copy.size, expected: model.length, list: copy };
    }
  }
}

describe('RedisList against an array model', () => {
  test('random operation sequences give the same results and the same contents', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        let list = new RedisList(defaultLimits());
        const model: string[] = [];
        for (const o of ops) {
          const step = apply(list, model, o);
          list = step.list;
          expect(step.ours).toEqual(step.expected);
          expect(list.size).toBe(model.length);
          expect([...list.values()]).toEqual(model);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('a list used as a queue (push tail, pop head) wraps round its ring many times', () => {
    const list = new RedisList(defaultLimits());
    let next = 0;
    let expected = 0;
    for (let round = 0; round < 1000; round++) {
      for (let i = 0; i < 3; i++) list.pushTail(String(next++));
      for (let i = 0; i < 2; i++) expect(list.popHead()).toBe(String(expected++));
    }
    expect(list.size).toBe(1000);
    expect(list.at(0)).toBe(String(expected));
    expect(list.at(999)).toBe(String(next - 1));
  });
});

describe('RedisList', () => {
  test('type and encoding are what TYPE and OBJECT ENCODING answer in Redis 7.0', () => {
    const list = new RedisList(defaultLimits());
    expect(list.type).toBe('list');
    expect(list.encoding).toBe('quicklist');
    list.pushTail('x');
    expect(list.encoding).toBe('quicklist');
  });

  test('the ring shrinks when the list empties: a list that held many elements does not keep their slots', () => {
    const list = new RedisList(defaultLimits());
    for (let i = 0; i < 100_000; i++) list.pushTail('x');
    for (let i = 0; i < 99_990; i++) list.popHead();
    const capacity = (list as unknown as { items: unknown[] }).items.length;
    expect(capacity).toBeLessThanOrEqual(64);
    expect([...list.values()]).toEqual(Array(10).fill('x'));
  });

  test('a popped element is no longer referenced by the ring', () => {
    const list = RedisList.of(defaultLimits(), ['a', 'b', 'c', 'd']);
    list.popHead();
    list.popTail();
    const slots = (list as unknown as { items: (string | undefined)[] }).items;
    expect(slots.filter((s) => s !== undefined).sort()).toEqual(['b', 'c']);
  });

  test('the clone shares nothing with the original', () => {
    const original = RedisList.of(defaultLimits(), ['a', 'b']);
    const copy = original.clone();
    copy.setAt(0, 'z');
    copy.pushHead('y');
    expect([...original.values()]).toEqual(['a', 'b']);
    expect([...copy.values()]).toEqual(['y', 'z', 'b']);
  });
});
