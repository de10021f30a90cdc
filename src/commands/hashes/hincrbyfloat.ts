// HINCRBYFLOAT key field increment: adds a decimal number to the number in a field (a
// missing field counts as 0) and answers the sum as text. As INCRBYFLOAT, Redis works
// in C's long double and prints with %.17Lf, trailing zeros dropped ("10.6", not
// "10.59999999999999964"), so the arithmetic is the exact software long double of
// src/commands/strings/long-double.ts.
//
// The checks come in Redis's order: the increment ("value is not a valid float", then
// "value is NaN or Infinity": `inf` parses, but is refused), the key's type, the field's
// value ("hash value is not a float"), then the sum ("increment would produce NaN or
// Infinity"). The stored text is the reply.

import { bulk } from '../../protocol/frame';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { type LongDouble, X87_EXTENDED, ZERO, addLongDouble, formatHuman, parseLongDouble } from '../strings/long-double';

interface IncrByFloat {
  readonly key: string;
  readonly field: string;
  readonly increment: LongDouble;
}

const NOT_A_FLOAT = new ReplyError('ERR value is not a valid float');
const NAN_OR_INFINITY_ARGUMENT = new ReplyError('ERR value is NaN or Infinity');
const NOT_A_FLOAT_VALUE = new ReplyError('ERR hash value is not a float');
const NAN_OR_INFINITY = new ReplyError('ERR increment would produce NaN or Infinity');
const FORMAT = X87_EXTENDED;

export const hincrbyfloat: CommandSpec<IncrByFloat> = {
  name: 'hincrbyfloat',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Increment the float value of a hash field by the given amount',
  since: '2.6.0',
  group: 'hash',
  syntax: 'key field increment',
  keySpecs: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse(args) {
    const increment = parseLongDouble(args[2], FORMAT);
    if (increment === null) return NOT_A_FLOAT;
    if (increment.kind !== 'finite') return NAN_OR_INFINITY_ARGUMENT;
    return { key: keyOf(args[0]), field: keyOf(args[1]), increment };
  },
  apply({ key, field, increment }, { db }) {
    const hash = writeAs(db, key, RedisHash, true);
    if (hash instanceof ReplyError) return hash.frame;
    const old = hash.get(field);
    const current = old === undefined ? ZERO : parseLongDouble(Buffer.from(old, 'latin1'), FORMAT);
    if (current === null) return NOT_A_FLOAT_VALUE.frame;
    const sum = addLongDouble(current, increment, FORMAT);
    if (sum.kind !== 'finite') return NAN_OR_INFINITY.frame;
    const text = formatHuman(sum);
    hash.set(field, text);
    db.changed(key);
    return bulk(Buffer.from(text, 'latin1'));
  },
};
