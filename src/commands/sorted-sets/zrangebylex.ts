// ZRANGEBYLEX key min max [LIMIT offset count]: ZRANGE ... BYLEX. WITHSCORES is refused with BYLEX's own error text.
//
// One of the pre-6.2 range commands: ZRANGE with its kind and direction fixed, so the
// grammar refuses BYSCORE, BYLEX and REV as syntax errors, as Redis does. Everything
// else is range-query.ts, shared with ZRANGE.

import { CommandSpec } from '../command';
import type { RangeQuery } from './range-query';
import { rangeCommand } from './zrange';

export const zrangebylex: CommandSpec<RangeQuery> = {
  ...rangeCommand('zrangebylex', { kind: 'lex', reverse: false }),
  arity: -4,
  flags: ['readonly'],
  categories: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Return a range of members in a sorted set, by lexicographical range',
  since: '2.8.9',
  group: 'sorted-set',
  syntax: 'key min max [LIMIT offset count]',
};
