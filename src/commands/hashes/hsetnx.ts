// HSETNX key field value: sets the field only if the hash does not have it yet, and
// answers 1 if it did set it, 0 otherwise. A missing key becomes a new hash. Nothing
// changes when the field exists, so only a set signals the key (WATCH, waiters).

import { integer } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';

interface SetNx {
  readonly key: string;
  readonly field: string;
  readonly value: string;
}

export const hsetnx: CommandSpec<SetNx> = {
  name: 'hsetnx',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set the value of a hash field, only if the field does not exist',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key field value',
  keySpecs: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: (args) => ({ key: keyOf(args[0]), field: keyOf(args[1]), value: keyOf(args[2]) }),
  apply({ key, field, value }, { db }) {
    const hash = writeAs(db, key, RedisHash, true);
    if (hash instanceof ReplyError) return hash.frame;
    if (hash.has(field)) return integer(0);
    hash.set(field, value);
    db.changed(key);
    return integer(1);
  },
};
