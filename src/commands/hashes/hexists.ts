// HEXISTS key field: 1 if the hash has the field, else 0 (a missing key has no fields).

import { integer } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { type KeyField, parseKeyField } from './field-arguments';

export const hexists: CommandSpec<KeyField> = {
  name: 'hexists',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Determine if a hash field exists',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key field',
  keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: parseKeyField,
  apply({ key, field }, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    return integer(hash?.has(field) === true ? 1 : 0);
  },
};
