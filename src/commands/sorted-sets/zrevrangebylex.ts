// ZREVRANGEBYLEX key max min [LIMIT offset count]: ZRANGE ... BYLEX REV, bounds max first.
//
// One of the pre-6.2 range commands: ZRANGE with its kind and direction fixed, so the
// grammar refuses BYSCORE, BYLEX and REV as syntax errors, as Redis does. Everything
// else is range-query.ts, shared with ZRANGE.

import { CommandSpec } from '../command';
import type { RangeQuery } from './range-query';
import { rangeCommand } from './zrange';

export const zrevrangebylex: CommandSpec<RangeQuery> = {
  ...rangeCommand('zrevrangebylex', { kind: 'lex', reverse: true }),
  arity: -4,
  flags: ['readonly'],
  categories: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.',
  since: '2.8.9',
  group: 'sorted-set',
  syntax: 'key max min [LIMIT offset count]',
};
