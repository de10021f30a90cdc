// GETSET key value: set a new value and answer the old one (nil if there was none).
// Deprecated since Redis 6.2 in favour of `SET key value GET`, but still common in
// older code. The old value must be a string (WRONGTYPE otherwise, and then nothing is
// set); the new one replaces it and, like a plain SET, drops any time to live.

import { NULL, bulk } from '../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { stringEntry } from './string-value';

interface GetSet {
  readonly key: string;
  readonly value: Buffer;
}

export const getset: CommandSpec<GetSet> = {
  name: 'getset',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set the string value of a key and return its old value',
  since: '1.0.0',
  group: 'string',
  syntax: 'key value',
  parse: (args) => ({ key: keyOf(args[0]), value: args[1] }),
  apply({ key, value }, { db }) {
    const entry = stringEntry(db, key);
    if (entry instanceof ReplyError) return entry.frame;
    // Taken before the set: the entry's value is replaced in place.
    const old = entry === undefined ? NULL : bulk(entry.value);
    db.set(key, value);
    return old;
  },
};
