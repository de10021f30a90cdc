// HGETALL key: every field with its value. A map in RESP3 (`%n`), which the
// ReplyWriter folds into RESP2's flat array field, value, field, value... as Redis
// does; a missing key is the empty map. A small hash answers in its listpack order
// (insertion order, overwrites in place), the same order as Redis's.

import { type Frame, map } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { parseKey } from './field-arguments';

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
  tips: ['nondeterministic_output_order'],
  parse: parseKey,
  apply(key, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    // The bytes straight from the hash (a small hash's are views into one buffer).
    const pairs = hash?.pairBuffers() ?? [];
    const entries: [Frame, Frame][] = [];
    for (let i = 0; i < pairs.length; i += 2) entries.push([{ type: 'bulk', value: pairs[i] }, { type: 'bulk', value: pairs[i + 1] }]);
    return map(entries);
  },
};
