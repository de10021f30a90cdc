// HGET key field: the value of one field, or null when the field (or the whole key) is
// missing: a missing key reads as an empty hash.

import { NULL } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { type KeyField, parseKeyField } from './field-arguments';
import { fieldFrame } from './field-frame';

export const hget: CommandSpec<KeyField> = {
  name: 'hget',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the value of a hash field',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key field',
  parse: parseKeyField,
  apply({ key, field }, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    return hash === undefined ? NULL : fieldFrame(hash.get(field));
  },
};
