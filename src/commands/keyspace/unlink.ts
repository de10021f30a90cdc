// UNLINK key [key ...]: DEL for Redis's "free it in the background". There is no
// background here: dropping the last reference is all a delete does in JavaScript,
// and the garbage collector reclaims the memory on its own schedule. Hence it is DEL,
// with UNLINK's own name, flags (it is `fast`) and description.

import { integer } from '../../protocol/frame';
import { CommandSpec } from '../command';
import { deleteKeys, parseKeys } from './del';

export const unlink: CommandSpec<readonly string[]> = {
  name: 'unlink',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: -1, step: 1 },
  summary: 'Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.',
  since: '4.0.0',
  group: 'generic',
  syntax: 'key [key ...]',
  parse: parseKeys,
  apply: (keys, { db }) => integer(deleteKeys(keys, db)),
};
