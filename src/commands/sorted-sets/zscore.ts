// ZSCORE key member: the member's score, a double (RESP3 `,`; RESP2 the %.17g bulk
// string), or nil for a missing member or key. O(1) in the large form (a Map lookup).

import { NULL } from '../../protocol/frame';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';

interface ZScore {
  readonly key: string;
  readonly member: string;
}

export const zscore: CommandSpec<ZScore> = {
  name: 'zscore',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the score associated with the given member in a sorted set',
  since: '1.2.0',
  group: 'sorted-set',
  syntax: 'key member',
  parse: (args) => ({ key: keyOf(args[0]), member: keyOf(args[1]) }),
  apply({ key, member }, { db }) {
    const set = readAs(db, key, RedisSortedSet);
    if (set instanceof ReplyError) return set.frame;
    const score = set?.score(member);
    return score === undefined ? NULL : { type: 'double', value: score };
  },
};
