// LRANGE key start stop: the elements from start to stop, both included, with negative
// indexes counting from the end. Out-of-range indexes are clamped, never an error (see
// range.ts). The indexes are parsed before the key is looked up, as Redis does, so a
// bad index on a key of another type is "not an integer", not WRONGTYPE.
//
// O(S+N) in Redis (S: the distance to start); O(N) here, the ring buffer reaching any
// index directly.

import { array } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';
import { elementsFrame } from './element';
import { parseLong } from './list-arguments';
import { listRange } from './range';

interface Lrange {
  readonly key: string;
  readonly start: number;
  readonly stop: number;
}

export const lrange: CommandSpec<Lrange> = {
  name: 'lrange',
  arity: 4,
  flags: ['readonly'],
  categories: ['@read', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get a range of elements from a list',
  since: '1.0.0',
  group: 'list',
  syntax: 'key start stop',
  parse(args) {
    const start = parseLong(args[1]);
    if (start instanceof ReplyError) return start;
    const stop = parseLong(args[2]);
    if (stop instanceof ReplyError) return stop;
    return { key: keyOf(args[0]), start, stop };
  },
  apply({ key, start, stop }, { db }) {
    const list = readAs(db, key, RedisList);
    if (list instanceof ReplyError) return list.frame;
    const range = list === undefined ? undefined : listRange(start, stop, list.size);
    if (list === undefined || range === undefined) return array([]);
    return elementsFrame(list.range(range.start, range.stop));
  },
};
