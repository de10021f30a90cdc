// HSTRLEN key field: the length in bytes of the field's value; 0 when the field or the
// key is missing. Values are latin1 strings, so the length in chars is the length in
// bytes; the listpack form reads it from the entry's header without copying the value.

import { integer } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { type KeyField, parseKeyField } from './field-arguments';

export const hstrlen: CommandSpec<KeyField> = {
  name: 'hstrlen',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the length of the value of a hash field',
  since: '3.2.0',
  group: 'hash',
  syntax: 'key field',
  keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: parseKeyField,
  apply({ key, field }, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    return integer(hash?.valueLength(field) ?? 0);
  },
};
