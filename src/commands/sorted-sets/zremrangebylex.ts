// ZREMRANGEBYLEX key min max: removes the members in a lexicographic range (as
// ZRANGEBYLEX's, meaningful when all scores are equal) and answers how many. The range
// is parsed first ("min or max not valid string range item"), then the key; a set
// emptied by the removal is deleted.

import { integer } from '../../protocol/frame';
import { type LexRange, RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { parseLexRange } from './lex-range';

interface ZRemRangeByLex {
  readonly key: string;
  readonly range: LexRange;
}

export const zremrangebylex: CommandSpec<ZRemRangeByLex> = {
  name: 'zremrangebylex',
  arity: 4,
  flags: ['write'],
  categories: ['@write', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove all members in a sorted set between the given lexicographical range',
  since: '2.8.9',
  group: 'sorted-set',
  syntax: 'key min max',
  keySpecs: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse(args) {
    const range = parseLexRange(args[1], args[2]);
    return range instanceof ReplyError ? range : { key: keyOf(args[0]), range };
  },
  apply({ key, range }, { db }) {
    const set = writeAs(db, key, RedisSortedSet, false);
    if (set instanceof ReplyError) return set.frame;
    const removed = set?.removeRangeByLex(range) ?? 0;
    if (removed > 0) db.changed(key);
    return integer(removed);
  },
};
