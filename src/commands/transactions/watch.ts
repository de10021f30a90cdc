// WATCH key [key ...]: optimistic locking. If any of the keys is modified (by anyone,
// this connection included), deleted, expired or flushed before EXEC, EXEC answers a
// null array and runs nothing. The Db does the noticing (db/watches.ts, fed by its one
// change signal), so no command can forget to report a write.

import { OK } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

const INSIDE_MULTI = { type: 'error', value: 'ERR WATCH inside MULTI is not allowed' } as const;

export const watch: CommandSpec<readonly string[]> = {
  name: 'watch',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  categories: ['@fast', '@transaction'],
  keys: { first: 1, last: -1, step: 1 },
  keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: -1 } }],
  summary: 'Watch the given keys to determine execution of the MULTI/EXEC block',
  since: '2.2.0',
  group: 'transactions',
  complexity: 'O(1) for every key.',
  arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] }],
  parse: (args) => args.map(keyOf),
  apply(keys, { db, transaction }) {
    if (transaction === undefined) return OK;
    if (transaction.active) return INSIDE_MULTI;
    // Already dirty: EXEC will fail anyway, so there is no point in watching more.
    if (transaction.watcher.dirty) return OK;
    for (const key of keys) db.watches.watch(transaction.watcher, key);
    return OK;
  },
};
