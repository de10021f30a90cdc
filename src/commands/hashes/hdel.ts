// HDEL key field [field ...]: removes fields and answers how many were there. The hash
// that loses its last field is deleted with it (Redis never keeps an empty hash):
// db.changed does that, and signals the key, once, and only if a field was removed.

import { integer } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { writeAs } from '../typed-value';
import { type KeyFields, parseKeyFields } from './field-arguments';

export const hdel: CommandSpec<KeyFields> = {
  name: 'hdel',
  arity: -3,
  flags: ['write', 'fast'],
  categories: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Delete one or more hash fields',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key field [field ...]',
  keySpecs: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: parseKeyFields,
  apply({ key, fields }, { db }) {
    const hash = writeAs(db, key, RedisHash, false);
    if (hash instanceof ReplyError) return hash.frame;
    if (hash === undefined) return integer(0);
    let deleted = 0;
    for (const field of fields) if (hash.delete(field)) deleted++;
    if (deleted > 0) db.changed(key);
    return integer(deleted);
  },
};
