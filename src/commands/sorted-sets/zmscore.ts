// ZMSCORE key member [member ...]: ZSCORE for several members at once, an array with a
// double or nil per member. A missing key is treated as an empty set (all nils), as
// Redis does; only a key of another type is an error.

import { type Frame, NULL, array } from '../../protocol/frame';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';

interface ZMScore {
  readonly key: string;
  readonly members: readonly string[];
}

export const zmscore: CommandSpec<ZMScore> = {
  name: 'zmscore',
  arity: -3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the score associated with the given members in a sorted set',
  since: '6.2.0',
  group: 'sorted-set',
  syntax: 'key member [member ...]',
  parse: (args) => ({ key: keyOf(args[0]), members: args.slice(1).map(keyOf) }),
  apply({ key, members }, { db }) {
    const set = readAs(db, key, RedisSortedSet);
    if (set instanceof ReplyError) return set.frame;
    return array(
      members.map((member): Frame => {
        const score = set?.score(member);
        return score === undefined ? NULL : { type: 'double', value: score };
      }),
    );
  },
};
