// ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]: ZRANGE ... BYSCORE, lowest first.
//
// One of the pre-6.2 range commands: ZRANGE with its kind and direction fixed, so the
// grammar refuses BYSCORE, BYLEX and REV as syntax errors, as Redis does. Everything
// else is range-query.ts, shared with ZRANGE.

import { CommandSpec } from '../command';
import type { RangeQuery } from './range-query';
import { rangeCommand } from './zrange';

export const zrangebyscore: CommandSpec<RangeQuery> = {
  ...rangeCommand('zrangebyscore', { kind: 'score', reverse: false }),
  arity: -4,
  flags: ['readonly'],
  categories: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Return a range of members in a sorted set, by score',
  since: '1.0.5',
  group: 'sorted-set',
  syntax: 'key min max [WITHSCORES] [LIMIT offset count]',
};
