// ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]: the
// unified range command of Redis 6.2, which subsumes the six older ones (ZREVRANGE,
// ZRANGEBYSCORE...). The work is all in range-query.ts, which those share; this file is
// the grammar with every option open.

import { CommandSpec, ReplyError } from '../command';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { readAs } from '../typed-value';
import { type RangeGrammar, type RangeQuery, entriesReply, parseRangeQuery, runRangeQuery } from './range-query';

/** The command body every ZRANGE-family reader shares: look the key up, run, reply. */
export function rangeCommand(
  name: string,
  grammar: RangeGrammar,
): Pick<CommandSpec<RangeQuery>, 'parse' | 'apply'> & { readonly name: string } {
  return {
    name,
    parse: (args) => parseRangeQuery(args, grammar),
    apply(query, { db, protocol }) {
      const set = readAs(db, query.key, RedisSortedSet);
      if (set instanceof ReplyError) return set.frame;
      return entriesReply(set === undefined ? [] : runRangeQuery(set, query), query.withScores, protocol);
    },
  };
}

export const zrange: CommandSpec<RangeQuery> = {
  ...rangeCommand('zrange', {}),
  arity: -4,
  flags: ['readonly'],
  categories: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Return a range of members in a sorted set',
  since: '1.2.0',
  group: 'sorted-set',
  syntax: 'key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]',
};
