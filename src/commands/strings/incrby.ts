// INCRBY key increment: add a signed 64-bit integer to the counter at key. The
// increment is parsed first, so a bad one is refused before the key is even looked at
// (as in Redis: `INCRBY key abc` says "not an integer" whatever the key holds).

import { CommandSpec, ReplyError, keyOf } from '../command';
import { Delta, incrementBy, parseDelta } from './counter';

interface IncrBy {
  readonly key: string;
  readonly delta: Delta;
}

export const incrby: CommandSpec<IncrBy> = {
  name: 'incrby',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Increment the integer value of a key by the given amount',
  since: '1.0.0',
  group: 'string',
  syntax: 'key increment',
  parse(args) {
    const delta = parseDelta(args[1]);
    return delta instanceof ReplyError ? delta : { key: keyOf(args[0]), delta };
  },
  apply: ({ key, delta }, { db }) => incrementBy(db, key, delta),
};
