// HINCRBY key field increment: adds an integer to the number in a field (a missing field
// counts as 0) and answers the sum. The arithmetic is 64-bit exact (BigInt), as Redis's
// long long: the checks come in Redis's order: the increment ("value is not an
// integer or out of range", before the key is even looked at), the key's type, the
// field's value ("hash value is not an integer", parsed as strictly as string2ll), and
// then the sum, refused past 64 bits ("increment or decrement would overflow").

import { integer } from '../../protocol/frame';
import { parseLongLongExact } from '../../protocol/integer';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';

interface IncrBy {
  readonly key: string;
  readonly field: string;
  readonly increment: bigint;
}

const NOT_AN_INTEGER_VALUE = new ReplyError('ERR hash value is not an integer');
const OVERFLOW = new ReplyError('ERR increment or decrement would overflow');
const LLONG_MAX = 2n ** 63n - 1n;
const LLONG_MIN = -(2n ** 63n);

export const hincrby: CommandSpec<IncrBy> = {
  name: 'hincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Increment the integer value of a hash field by the given number',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key field increment',
  keySpecs: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse(args) {
    const increment = parseLongLongExact(args[2], 0, args[2].length);
    if (increment === null) return NOT_AN_INTEGER;
    return { key: keyOf(args[0]), field: keyOf(args[1]), increment };
  },
  apply({ key, field, increment }, { db }) {
    const hash = writeAs(db, key, RedisHash, true);
    if (hash instanceof ReplyError) return hash.frame;
    const old = hash.get(field);
    let current = 0n;
    if (old !== undefined) {
      const bytes = Buffer.from(old, 'latin1');
      const parsed = parseLongLongExact(bytes, 0, bytes.length);
      if (parsed === null) return NOT_AN_INTEGER_VALUE.frame;
      current = parsed;
    }
    const sum = current + increment;
    if (sum > LLONG_MAX || sum < LLONG_MIN) return OVERFLOW.frame;
    hash.set(field, sum.toString());
    db.changed(key);
    return integer(sum);
  },
};
