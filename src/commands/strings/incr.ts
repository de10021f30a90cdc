// INCR key: add one to the integer in a string (a missing key counts as 0) and answer
// the result. The counter of Redis: page views, rate limits, id generators. Atomic
// because every command here runs to completion before the next one starts.
// The arithmetic is shared with DECR, INCRBY and DECRBY (see counter.ts).

import { CommandSpec, keyOf } from '../command';
import { incrementBy } from './counter';

export const incr: CommandSpec<string> = {
  name: 'incr',
  arity: 2,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Increment the integer value of a key by one',
  since: '1.0.0',
  group: 'string',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply: (key, { db }) => incrementBy(db, key, 1),
};
