// ZRANK key member: the member's 0-based position, lowest score first (ties in member byte order), or nil.
// In the large form the skiplist's spans give the rank in O(log n) (a Map lookup for
// the score, then one descent summing spans); the packed form counts as it walks.

import { NULL, integer } from '../../protocol/frame';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';

interface Rank {
  readonly key: string;
  readonly member: string;
}

export const zrank: CommandSpec<Rank> = {
  name: 'zrank',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Determine the index of a member in a sorted set',
  since: '2.0.0',
  group: 'sorted-set',
  syntax: 'key member',
  parse: (args) => ({ key: keyOf(args[0]), member: keyOf(args[1]) }),
  apply({ key, member }, { db }) {
    const set = readAs(db, key, RedisSortedSet);
    if (set instanceof ReplyError) return set.frame;
    const rank = set?.rank(member, false);
    return rank === undefined ? NULL : integer(rank);
  },
};
