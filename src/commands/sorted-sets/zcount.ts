// ZCOUNT key min max: how many members have a score in [min, max] ("(" opens an end,
// "-inf" / "+inf" unbound it). The range is parsed first: a bad bound is "min or max
// is not a float" even on a missing key. In the large form this is two descents of the
// skiplist (first and last rank in the range), O(log n) whatever the count.

import { integer } from '../../protocol/frame';
import { RedisSortedSet, type ScoreRange } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';
import { parseScoreRange } from './score-range';

interface ZCount {
  readonly key: string;
  readonly range: ScoreRange;
}

export const zcount: CommandSpec<ZCount> = {
  name: 'zcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Count the members in a sorted set with scores within the given values',
  since: '2.0.0',
  group: 'sorted-set',
  syntax: 'key min max',
  parse(args) {
    const range = parseScoreRange(args[1], args[2]);
    return range instanceof ReplyError ? range : { key: keyOf(args[0]), range };
  },
  apply({ key, range }, { db }) {
    const set = readAs(db, key, RedisSortedSet);
    if (set instanceof ReplyError) return set.frame;
    return integer(set?.countByScore(range) ?? 0);
  },
};
