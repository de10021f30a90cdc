// SMEMBERS key: every member, as a set (an empty one for a missing key). In Redis 7.0
// it is SINTER of one key; here it reads the set directly. An intset answers in numeric
// order, as Redis's does; a hash table's order is unspecified.

import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';
import { memberSetFrame } from './member-frame';

export const smembers: CommandSpec<string> = {
  name: 'smembers',
  arity: 2,
  flags: ['readonly'],
  categories: ['@read', '@set', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get all the members in a set',
  since: '1.0.0',
  group: 'set',
  syntax: 'key',
  tips: ['nondeterministic_output_order'],
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const set = readAs(db, key, RedisSet);
    if (set instanceof ReplyError) return set.frame;
    return memberSetFrame(set?.members() ?? []);
  },
};
