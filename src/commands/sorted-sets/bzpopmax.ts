// BZPOPMAX key [key ...] timeout: BZPOPMIN's mirror image (see bzpopmin.ts),
// popping the highest-scored member.

import { CommandSpec, keyOf } from '../command';
import { type Pop, blockingPop } from './pop';

interface BlockingPop {
  readonly pop: Pop;
  readonly timeout: Buffer;
}

export const bzpopmax: CommandSpec<BlockingPop> = {
  name: 'bzpopmax',
  arity: -3,
  flags: ['write', 'noscript', 'blocking', 'fast'],
  categories: ['@write', '@sortedset', '@fast', '@blocking'],
  keys: { first: 1, last: -2, step: 1 },
  summary: 'Remove and return the member with the highest score from one or more sorted sets, or block until one is available',
  since: '5.0.0',
  group: 'sorted-set',
  syntax: 'key [key ...] timeout',
  keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: -2 } }],
  // The timeout is parsed in apply: its deadline is counted from the Db's clock.
  parse: (args) => ({ pop: { keys: args.slice(0, -1).map(keyOf), end: 'max' }, timeout: args[args.length - 1] }),
  apply: ({ pop, timeout }, context) => blockingPop(pop, timeout, 'bzpop', context),
};
