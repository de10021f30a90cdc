// HMGET key field [field ...]: the values of the fields, in the order asked, a null for
// each missing one. A missing key is an empty hash (all nulls), not an error; a key of
// another type is WRONGTYPE.

import { array } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { type KeyFields, parseKeyFields } from './field-arguments';
import { fieldFrame } from './field-frame';

export const hmget: CommandSpec<KeyFields> = {
  name: 'hmget',
  arity: -3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the values of all the given hash fields',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key field [field ...]',
  parse: parseKeyFields,
  apply({ key, fields }, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    return array(fields.map((field) => fieldFrame(hash?.get(field))));
  },
};
