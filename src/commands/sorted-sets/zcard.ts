// ZCARD key: the number of members, 0 for a missing key. The size is kept by both
// forms (a counter for the packed one, the skiplist's length), so this is O(1).

import { integer } from '../../protocol/frame';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';

export const zcard: CommandSpec<string> = {
  name: 'zcard',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the number of members in a sorted set',
  since: '1.2.0',
  group: 'sorted-set',
  syntax: 'key',
  keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const set = readAs(db, key, RedisSortedSet);
    if (set instanceof ReplyError) return set.frame;
    return integer(set?.size ?? 0);
  },
};
