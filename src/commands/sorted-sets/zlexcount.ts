// ZLEXCOUNT key min max: how many members are in a lexicographic range ("[a", "(a",
// "-", "+"). As every lex command, it assumes all scores are equal (Redis's contract);
// the range is parsed before the key is read.

import { integer } from '../../protocol/frame';
import { type LexRange, RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';
import { parseLexRange } from './lex-range';

interface ZLexCount {
  readonly key: string;
  readonly range: LexRange;
}

export const zlexcount: CommandSpec<ZLexCount> = {
  name: 'zlexcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Count the number of members in a sorted set between a given lexicographical range',
  since: '2.8.9',
  group: 'sorted-set',
  syntax: 'key min max',
  parse(args) {
    const range = parseLexRange(args[1], args[2]);
    return range instanceof ReplyError ? range : { key: keyOf(args[0]), range };
  },
  apply({ key, range }, { db }) {
    const set = readAs(db, key, RedisSortedSet);
    if (set instanceof ReplyError) return set.frame;
    return integer(set?.countByLex(range) ?? 0);
  },
};
