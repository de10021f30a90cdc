// DISCARD: drops the queued commands and every WATCH, and leaves MULTI.

import { OK } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

const WITHOUT_MULTI = { type: 'error', value: 'ERR DISCARD without MULTI' } as const;

export const discard: CommandSpec = {
  name: 'discard',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  categories: ['@fast', '@transaction'],
  summary: 'Discard all commands issued after MULTI',
  since: '2.0.0',
  group: 'transactions',
  complexity: 'O(N), when N is the number of queued commands',
  parse: rawArguments,
  apply(_args, { transaction }) {
    if (transaction === undefined || !transaction.active) return WITHOUT_MULTI;
    transaction.discard();
    return OK;
  },
};
