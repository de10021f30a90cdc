// PERSIST key: removes a key's expiry, so it lives until deleted. Answers 1 only if
// there was an expiry to remove: 0 for a missing key and for a key without one.

import { integer } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

export const persist: CommandSpec<string> = {
  name: 'persist',
  arity: 2,
  flags: ['write', 'fast'],
  categories: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove the expiration from a key',
  since: '2.2.0',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const entry = db.entry(key);
    if (entry === undefined || entry.expiresAt === undefined) return integer(0);
    db.setExpiry(key, undefined);
    return integer(1);
  },
};
