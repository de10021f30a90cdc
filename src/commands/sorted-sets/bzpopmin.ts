// BZPOPMIN key [key ...] timeout: ZPOPMIN of one member from the first key that
// has one, or, when none has, a wait: the reply is an Observable (pop.ts, blockingPop)
// that emits when a key can serve, or the null array when the time is up. The timeout
// is seconds as a double (0.1), 0 waiting forever; it is read before any key is looked
// at, so a bad timeout wins over WRONGTYPE. The reply names the key: [key, member, score],
// flat in both protocols.

import { CommandSpec, keyOf } from '../command';
import { type Pop, blockingPop } from './pop';

interface BlockingPop {
  readonly pop: Pop;
  readonly timeout: Buffer;
}

export const bzpopmin: CommandSpec<BlockingPop> = {
  name: 'bzpopmin',
  arity: -3,
  flags: ['write', 'noscript', 'blocking', 'fast'],
  categories: ['@write', '@sortedset', '@fast', '@blocking'],
  keys: { first: 1, last: -2, step: 1 },
  summary: 'Remove and return the member with the lowest score from one or more sorted sets, or block until one is available',
  since: '5.0.0',
  group: 'sorted-set',
  syntax: 'key [key ...] timeout',
  keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: -2 } }],
  // The timeout is parsed in apply: its deadline is counted from the Db's clock.
  parse: (args) => ({ pop: { keys: args.slice(0, -1).map(keyOf), end: 'min' }, timeout: args[args.length - 1] }),
  apply: ({ pop, timeout }, context) => blockingPop(pop, timeout, 'bzpop', context),
};
