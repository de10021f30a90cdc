// ZPOPMAX key [count]: removes and returns the highest-scored members, highest first.
// ZPOPMIN's mirror image: the same parsing (zpopmin.ts) and the same pop (pop.ts).

import { CommandSpec } from '../command';
import { type Pop, popNow } from './pop';
import { parseZpop } from './zpopmin';

export const zpopmax: CommandSpec<Pop> = {
  name: 'zpopmax',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove and return members with the highest scores in a sorted set',
  since: '5.0.0',
  group: 'sorted-set',
  syntax: 'key [count]',
  keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: (args) => parseZpop(args, 'max'),
  apply: (pop, context) => popNow(pop, 'zpop', context),
};
