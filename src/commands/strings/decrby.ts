// DECRBY key decrement: INCRBY with the delta negated. The one value that cannot be
// negated in 64 bits, -9223372036854775808, gets its own error, as in Redis ("decrement
// would overflow", not the usual "increment or decrement would overflow"), before the
// key is looked at.

import { CommandSpec, ReplyError, keyOf } from '../command';
import { Delta, incrementBy, parseDelta } from './counter';

interface DecrBy {
  readonly key: string;
  readonly delta: Delta;
}

const LLONG_MIN = -9223372036854775808n;
const DECREMENT_OVERFLOW = new ReplyError('ERR decrement would overflow');

export const decrby: CommandSpec<DecrBy> = {
  name: 'decrby',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Decrement the integer value of a key by the given number',
  since: '1.0.0',
  group: 'string',
  syntax: 'key decrement',
  parse(args) {
    const decrement = parseDelta(args[1]);
    if (decrement instanceof ReplyError) return decrement;
    if (decrement === LLONG_MIN) return DECREMENT_OVERFLOW;
    // 0 - n, not -n: a number 0 would become -0.
    return { key: keyOf(args[0]), delta: typeof decrement === 'number' ? 0 - decrement : -decrement };
  },
  apply: ({ key, delta }, { db }) => incrementBy(db, key, delta),
};
