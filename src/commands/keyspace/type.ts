// TYPE key: the type of the value at key as a status reply (`+string`), or `+none`
// when the key is missing. The Db's type names are Redis's own (string, list, set,
// zset, hash, stream), so the answer is simply the entry's type tag.

import { simple } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

export const type: CommandSpec<string> = {
  name: 'type',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Determine the type stored at key',
  since: '1.0.0',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply: (key, { db }) => simple(db.entry(key)?.type ?? 'none'),
};
