// MULTI: starts a transaction. From here on the dispatcher queues the connection's
// commands (answering +QUEUED) instead of running them, until EXEC or DISCARD. MULTI
// itself always runs at once, so a nested MULTI gets Redis's error (without spoiling
// the transaction: only queue-time rejections do that).

import { OK } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

const NESTED = { type: 'error', value: 'ERR MULTI calls can not be nested' } as const;
const NO_TRANSACTIONS = { type: 'error', value: 'ERR MULTI is not available on this connection' } as const;

export const multi: CommandSpec = {
  name: 'multi',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  categories: ['@fast', '@transaction'],
  summary: 'Mark the start of a transaction block',
  since: '1.2.0',
  group: 'transactions',
  complexity: 'O(1)',
  parse: rawArguments,
  apply(_args, { transaction }) {
    if (transaction === undefined) return NO_TRANSACTIONS;
    if (transaction.active) return NESTED;
    transaction.begin();
    return OK;
  },
};
