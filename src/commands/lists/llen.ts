// LLEN key: the number of elements; 0 for a missing key (a list is never stored empty,
// so "missing" and "empty" are the same thing to a client).

import { integer } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';

export const llen: CommandSpec<string> = {
  name: 'llen',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@list', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the length of a list',
  since: '1.0.0',
  group: 'list',
  syntax: 'key',
  keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const list = readAs(db, key, RedisList);
    if (list instanceof ReplyError) return list.frame;
    return integer(list?.size ?? 0);
  },
};
