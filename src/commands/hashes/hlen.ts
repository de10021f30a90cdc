// HLEN key: the number of fields; 0 for a missing key (a hash is never stored empty, so
// "missing" and "empty" are the same thing to a client).

import { integer } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { parseKey } from './field-arguments';

export const hlen: CommandSpec<string> = {
  name: 'hlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the number of fields in a hash',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key',
  keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: parseKey,
  apply(key, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    return integer(hash?.size ?? 0);
  },
};
