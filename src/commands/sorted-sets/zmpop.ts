// ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: pops up to count members (1 by
// default) from the first key that exists, and names it: [key, [[member, score], ...]]
// in both protocols; nothing to pop is the null array. Redis 7's generalisation of
// ZPOPMIN to several keys, with its own error texts ("numkeys should be greater than
// 0", "count should be greater than 0"). Parsing and popping are shared with BZMPOP: pop.ts.

import { CommandSpec } from '../command';
import { type Pop, parseMultiPop, popNow } from './pop';

export const zmpop: CommandSpec<Pop> = {
  name: 'zmpop',
  arity: -4,
  flags: ['write', 'movablekeys'],
  categories: ['@write', '@sortedset', '@slow'],
  summary: 'Remove and return members with scores in a sorted set',
  since: '7.0.0',
  group: 'sorted-set',
  syntax: 'numkeys key [key ...] <MIN | MAX> [COUNT count]',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } },
  ],
  parse: (args) => parseMultiPop(args, 0),
  apply: (pop, context) => popNow(pop, 'zmpop', context),
};
