// BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: ZMPOP, or a wait when no
// key has anything (pop.ts, blockingPop: an Observable of the reply, or the null array
// when the time is up). Redis reads numkeys, MIN|MAX and COUNT first and the timeout
// last, although the timeout comes first on the line, so `BZMPOP x 0 k MIN` is a numkeys
// error, not a timeout error; parse() therefore checks the rest and apply() the timeout.

import { CommandSpec, ReplyError } from '../command';
import { type Pop, blockingPop, parseMultiPop } from './pop';

interface BlockingMultiPop {
  readonly pop: Pop;
  readonly timeout: Buffer;
}

export const bzmpop: CommandSpec<BlockingMultiPop> = {
  name: 'bzmpop',
  arity: -5,
  flags: ['write', 'blocking', 'movablekeys'],
  categories: ['@write', '@sortedset', '@slow', '@blocking'],
  summary: 'Remove and return members with scores in a sorted set or block until one is available',
  since: '7.0.0',
  group: 'sorted-set',
  syntax: 'timeout numkeys key [key ...] <MIN | MAX> [COUNT count]',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 2 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } },
  ],
  parse: (args) => {
    const pop = parseMultiPop(args, 1);
    return pop instanceof ReplyError ? pop : { pop, timeout: args[0] };
  },
  apply: ({ pop, timeout }, context) => blockingPop(pop, timeout, 'zmpop', context),
};
