// KEYS pattern: every live key matching a glob pattern, in no defined order (ours is
// insertion order, Redis's is its hash table's). It walks the whole keyspace in one
// go, which is why Redis flags it @dangerous and why SCAN exists.
//
// `*` alone skips matching altogether, as Redis does: the answer is the same, the
// work per key is not.

import { array, latin1Bulk } from '../../protocol/frame';
import { globMatch } from '../../db/glob';
import { CommandSpec, keyOf } from '../command';

export const keys: CommandSpec<string> = {
  name: 'keys',
  arity: 2,
  flags: ['readonly'],
  categories: ['@keyspace', '@read', '@slow', '@dangerous'],
  summary: 'Find all keys matching the given pattern',
  since: '1.0.0',
  group: 'generic',
  syntax: 'pattern',
  parse: (args) => keyOf(args[0]),
  apply(pattern, { db }) {
    const all = pattern === '*';
    const found = [];
    // db.keys() is a generator that skips expired keys without deleting them (deleting
    // while iterating the Map would be safe in JS, but KEYS is a read and should not
    // have side effects on a keyspace being walked).
    for (const key of db.keys()) {
      if (all || globMatch(pattern, key)) found.push(latin1Bulk(key));
    }
    return array(found);
  },
};
