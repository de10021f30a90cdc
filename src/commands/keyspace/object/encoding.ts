// OBJECT ENCODING key: the internal representation of the value at key, by Redis 7.0's
// names (see value-encoding.ts for how strings and aggregates answer), or a null reply
// for a missing key. Like every OBJECT subcommand it looks the key up without counting
// a keyspace hit or miss (Redis's LOOKUP_NOTOUCH), but an expired key is still gone.

import { NULL, bulk } from '../../../protocol/frame';
import { CommandSpec, keyOf } from '../../command';
import { encodingOf } from './value-encoding';

export const objectEncoding: CommandSpec<string> = {
  name: 'object|encoding',
  arity: 3,
  flags: ['readonly'],
  categories: ['@keyspace', '@read', '@slow'],
  keys: { first: 2, last: 2, step: 1 },
  summary: 'Inspect the internal encoding of a Redis object',
  since: '2.2.3',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const value = db.value(key);
    return value === undefined ? NULL : bulk(encodingOf(value));
  },
};
