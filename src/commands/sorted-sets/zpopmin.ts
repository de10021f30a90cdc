// ZPOPMIN key [count]: removes and returns the lowest-scored members, lowest first.
//
// Without a count it answers one [member, score] pair, flat, in both protocols; with
// a count (even 1) RESP3 gets a list of [member, score] pairs while RESP2 stays flat,
// as Redis does. A missing key is an empty array, never null. The count is read
// with getPositiveLongFromObjectOrReply and no message of its own, so "abc" and "-1"
// both get "value is out of range, must be positive"; and a third argument is a syntax
// error before the count is even read. The popping itself is shared: pop.ts.

import { parseLongLong } from '../../protocol/integer';
import { CommandSpec, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { type Pop, popNow } from './pop';

const NOT_POSITIVE = new ReplyError('ERR value is out of range, must be positive');

export function parseZpop(args: readonly Buffer[], end: Pop['end']): Pop | ReplyError {
  if (args.length > 2) return SYNTAX_ERROR;
  if (args.length === 1) return { keys: [keyOf(args[0])], end };
  const count = parseLongLong(args[1], 0, args[1].length);
  if (count === null || count < 0) return NOT_POSITIVE;
  return { keys: [keyOf(args[0])], end, count };
}

export const zpopmin: CommandSpec<Pop> = {
  name: 'zpopmin',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove and return members with the lowest scores in a sorted set',
  since: '5.0.0',
  group: 'sorted-set',
  syntax: 'key [count]',
  keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: (args) => parseZpop(args, 'min'),
  apply: (pop, context) => popNow(pop, 'zpop', context),
};
