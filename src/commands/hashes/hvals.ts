// HVALS key: every value of the hash (an empty array for a missing key), in the same
// order as HKEYS lists the fields.

import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { parseKey } from './field-arguments';
import { fieldsFrame } from './field-frame';

export const hvals: CommandSpec<string> = {
  name: 'hvals',
  arity: 2,
  flags: ['readonly'],
  categories: ['@read', '@hash', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get all the values in a hash',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key',
  tips: ['nondeterministic_output_order'],
  parse: parseKey,
  apply(key, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    return fieldsFrame(hash?.values() ?? []);
  },
};
