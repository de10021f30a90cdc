// HSET key field value [field value ...]: sets fields of a hash (creating it if needed)
// and answers how many of them were new; an overwritten field keeps its place in a
// small hash's order, as in Redis's listpack. Since Redis 4 it takes many pairs, which
// made HMSET redundant. The work is in set-pairs.ts.

import { integer } from '../../protocol/frame';
import { CommandSpec, ReplyError } from '../command';
import { type SetPairs, parseSetPairs, setPairs } from './set-pairs';

export const hset: CommandSpec<SetPairs> = {
  name: 'hset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set the string value of a hash field',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key field value [field value ...]',
  parse: parseSetPairs('hset'),
  apply(command, context) {
    const created = setPairs(command, context);
    return created instanceof ReplyError ? created.frame : integer(created);
  },
};
