// ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]: ZRANGE ... BYSCORE REV; note the bounds come max first.
//
// One of the pre-6.2 range commands: ZRANGE with its kind and direction fixed, so the
// grammar refuses BYSCORE, BYLEX and REV as syntax errors, as Redis does. Everything
// else is range-query.ts, shared with ZRANGE.

import { CommandSpec } from '../command';
import type { RangeQuery } from './range-query';
import { rangeCommand } from './zrange';

export const zrevrangebyscore: CommandSpec<RangeQuery> = {
  ...rangeCommand('zrevrangebyscore', { kind: 'score', reverse: true }),
  arity: -4,
  flags: ['readonly'],
  categories: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Return a range of members in a sorted set, by score, with scores ordered from high to low',
  since: '2.2.0',
  group: 'sorted-set',
  syntax: 'key max min [WITHSCORES] [LIMIT offset count]',
};
