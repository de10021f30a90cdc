// DBSIZE: the number of keys. Like Redis's dictSize, it counts keys that have expired
// but were not yet purged: it is a size, not a scan, and must stay O(1).

import { integer } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

export const dbsize: CommandSpec = {
  name: 'dbsize',
  arity: 1,
  flags: ['readonly', 'fast'],
  categories: ['@keyspace', '@read', '@fast'],
  summary: 'Return the number of keys in the selected database',
  since: '1.0.0',
  group: 'server',
  parse: rawArguments,
  apply: (_args, { db }) => integer(db.size),
};
