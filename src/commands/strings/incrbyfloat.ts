// INCRBYFLOAT key increment: add a decimal number to the number in a string and answer
// the sum, as text. Redis computes in C's long double and prints with %.17Lf, trailing
// zeros dropped, so 10.5 + 0.1 answers "10.6" and 1e-20 answers "0". JavaScript's
// doubles would answer 10.59999999999999964, so the arithmetic is an exact software
// long double (long-double.ts), which gives Redis's digits for every input.
//
// The checks come in Redis's order: the key's type, then its value, then the
// increment (both "not a valid float"), then the sum (NaN or infinity is refused).
// The key keeps its time to live; the stored text is the reply.

import { bulk } from '../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { X87_EXTENDED, ZERO, addLongDouble, formatHuman, parseLongDouble } from './long-double';
import { stringEntry } from './string-value';

interface IncrByFloat {
  readonly key: string;
  readonly increment: Buffer;
}

const NOT_A_FLOAT = new ReplyError('ERR value is not a valid float');
const NAN_OR_INFINITY = new ReplyError('ERR increment would produce NaN or Infinity');
const FORMAT = X87_EXTENDED;

export const incrbyfloat: CommandSpec<IncrByFloat> = {
  name: 'incrbyfloat',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Increment the float value of a key by the given amount',
  since: '2.6.0',
  group: 'string',
  syntax: 'key increment',
  parse: (args) => ({ key: keyOf(args[0]), increment: args[1] }),
  apply({ key, increment }, { db }) {
    const entry = stringEntry(db, key);
    if (entry instanceof ReplyError) return entry.frame;
    const current = entry === undefined ? ZERO : parseLongDouble(entry.value, FORMAT);
    if (current === null) return NOT_A_FLOAT.frame;
    const delta = parseLongDouble(increment, FORMAT);
    if (delta === null) return NOT_A_FLOAT.frame;
    const sum = addLongDouble(current, delta, FORMAT);
    if (sum.kind !== 'finite') return NAN_OR_INFINITY.frame;
    const text = Buffer.from(formatHuman(sum), 'latin1');
    if (entry === undefined) db.set(key, text);
    else entry.value = text; // in place: the expiry stays as it is
    return bulk(text);
  },
};
