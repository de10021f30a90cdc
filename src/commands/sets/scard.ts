// SCARD key: the number of members; 0 for a missing key (a set is never stored empty,
// so "missing" and "empty" are the same thing to a client).

import { integer } from '../../protocol/frame';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';

export const scard: CommandSpec<string> = {
  name: 'scard',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the number of members in a set',
  since: '1.0.0',
  group: 'set',
  syntax: 'key',
  keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const set = readAs(db, key, RedisSet);
    if (set instanceof ReplyError) return set.frame;
    return integer(set?.size ?? 0);
  },
};
