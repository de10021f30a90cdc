// SETNX key value: SET only if the key does not exist ("SET if Not eXists"); answers 1
// if it set the key, 0 if not. The oldest form of a lock in Redis. Any existing key
// counts, whatever its type, so no type check: nothing is read.

import { integer } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

interface SetNx {
  readonly key: string;
  readonly value: Buffer;
}

const ZERO = integer(0);
const ONE = integer(1);

export const setnx: CommandSpec<SetNx> = {
  name: 'setnx',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set the value of a key, only if the key does not exist',
  since: '1.0.0',
  group: 'string',
  syntax: 'key value',
  parse: (args) => ({ key: keyOf(args[0]), value: args[1] }),
  apply({ key, value }, { db }) {
    if (db.has(key)) return ZERO;
    db.set(key, value);
    return ONE;
  },
};
