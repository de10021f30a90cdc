// OBJECT REFCOUNT key: how many references the value at key has. In Redis that is 1 for
// almost everything, and INT_MAX for the small integers it shares between keys; this
// server answers the same (value-encoding.ts), so tests that tell a shared integer from
// an owned value see Redis's numbers. A missing key: a null reply.

import { NULL, integer } from '../../../protocol/frame';
import { CommandSpec, keyOf } from '../../command';
import { refcountOf } from './value-encoding';

export const objectRefcount: CommandSpec<string> = {
  name: 'object|refcount',
  arity: 3,
  flags: ['readonly'],
  categories: ['@keyspace', '@read', '@slow'],
  keys: { first: 2, last: 2, step: 1 },
  summary: 'Get the number of references to the value of the key',
  since: '2.2.3',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const value = db.value(key);
    return value === undefined ? NULL : integer(refcountOf(value));
  },
};
