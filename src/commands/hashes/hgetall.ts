// HGETALL key: every field with its value. A map in RESP3 (`%n`), which the
// ReplyWriter folds into RESP2's flat array field, value, field, value... as Redis
// does; a missing key is the empty map. A small hash answers in its listpack order
// (insertion order, overwrites in place), the same order as Redis's.

import { map } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { parseKey } from './field-arguments';
import { fieldFrame } from './field-frame';

export const hgetall: CommandSpec<string> = {
  name: 'hgetall',
  arity: 2,
  flags: ['readonly'],
  categories: ['@read', '@hash', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get all the fields and values in a hash',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key',
  parse: parseKey,
  apply(key, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    const pairs = hash?.pairs() ?? [];
    const entries: [ReturnType<typeof fieldFrame>, ReturnType<typeof fieldFrame>][] = [];
    for (let i = 0; i < pairs.length; i += 2) entries.push([fieldFrame(pairs[i]), fieldFrame(pairs[i + 1])]);
    return map(entries);
  },
};
