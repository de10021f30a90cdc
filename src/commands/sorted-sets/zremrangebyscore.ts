// ZREMRANGEBYSCORE key min max: removes the members with a score in the range (same
// syntax as ZRANGEBYSCORE's) and answers how many. The range is parsed first ("min or
// max is not a float"), then the key; a set emptied by the removal is deleted.

import { integer } from '../../protocol/frame';
import { RedisSortedSet, type ScoreRange } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { parseScoreRange } from './score-range';

interface ZRemRangeByScore {
  readonly key: string;
  readonly range: ScoreRange;
}

export const zremrangebyscore: CommandSpec<ZRemRangeByScore> = {
  name: 'zremrangebyscore',
  arity: 4,
  flags: ['write'],
  categories: ['@write', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove all members in a sorted set within the given scores',
  since: '1.2.0',
  group: 'sorted-set',
  syntax: 'key min max',
  keySpecs: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse(args) {
    const range = parseScoreRange(args[1], args[2]);
    return range instanceof ReplyError ? range : { key: keyOf(args[0]), range };
  },
  apply({ key, range }, { db }) {
    const set = writeAs(db, key, RedisSortedSet, false);
    if (set instanceof ReplyError) return set.frame;
    const removed = set?.removeRangeByScore(range) ?? 0;
    if (removed > 0) db.changed(key);
    return integer(removed);
  },
};
