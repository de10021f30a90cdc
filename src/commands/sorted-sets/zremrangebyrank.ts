// ZREMRANGEBYRANK key start stop: removes the members at ranks start..stop (0-based,
// negative from the highest end, clamped as ZRANGE clamps them) and answers how many.
// The indexes are parsed (Redis's integer error) before the key is looked up; a set
// emptied by the removal is deleted (db.changed).

import { integer } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';

interface ZRemRangeByRank {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

export const zremrangebyrank: CommandSpec<ZRemRangeByRank> = {
  name: 'zremrangebyrank',
  arity: 4,
  flags: ['write'],
  categories: ['@write', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove all members in a sorted set within the given indexes',
  since: '2.0.0',
  group: 'sorted-set',
  syntax: 'key start stop',
  keySpecs: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse(args) {
    const start = parseLongLong(args[1], 0, args[1].length);
    if (start === null) return NOT_AN_INTEGER;
    const end = parseLongLong(args[2], 0, args[2].length);
    if (end === null) return NOT_AN_INTEGER;
    return { key: keyOf(args[0]), start, end };
  },
  apply({ key, start, end }, { db }) {
    const set = writeAs(db, key, RedisSortedSet, false);
    if (set instanceof ReplyError) return set.frame;
    const removed = set?.removeRangeByRank(start, end) ?? 0;
    if (removed > 0) db.changed(key);
    return integer(removed);
  },
};
