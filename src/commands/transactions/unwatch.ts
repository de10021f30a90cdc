// UNWATCH: forgets every watched key (and that one of them was touched).

import { OK } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

export const unwatch: CommandSpec = {
  name: 'unwatch',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  categories: ['@fast', '@transaction'],
  summary: 'Forget about all watched keys',
  since: '2.2.0',
  group: 'transactions',
  complexity: 'O(1)',
  parse: rawArguments,
  apply(_args, { transaction }) {
    transaction?.unwatch();
    return OK;
  },
};
