// DECR key: subtract one from the integer in a string (a missing key counts as 0).
// INCR with a delta of -1 (see counter.ts).

import { CommandSpec, keyOf } from '../command';
import { incrementBy } from './counter';

export const decr: CommandSpec<string> = {
  name: 'decr',
  arity: 2,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Decrement the integer value of a key by one',
  since: '1.0.0',
  group: 'string',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply: (key, { db }) => incrementBy(db, key, -1),
};
