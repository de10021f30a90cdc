// SPOP key [count]: removes and returns random members.
//
// - No count: one uniformly random member (a bulk string), or null for a missing key.
// - A count: that many distinct random members, as a set (`~` in RESP3); all of them
//   when the count covers the set, then in its order (an intset's is numeric), and the
//   key is deleted. An empty set answers a missing key or a count of 0.
//
// The count is read first, with Redis's getPositiveLongFromObjectOrReply, whose one
// message covers both "not an integer" and "negative": "value is out of range, must be
// positive". So `SPOP string abc` is that error, not WRONGTYPE.

import { NULL } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { memberFrame, memberSetFrame } from './member-frame';

interface Pop {
  readonly key: string;
  /** undefined: the form without a count, which answers one member rather than a set. */
  readonly count?: number;
}

const MUST_BE_POSITIVE = new ReplyError('ERR value is out of range, must be positive');

function parse(args: readonly Buffer[]): Pop | ReplyError {
  const key = keyOf(args[0]);
  if (args.length === 1) return { key };
  if (args.length > 2) return SYNTAX_ERROR;
  const count = parseLongLong(args[1], 0, args[1].length);
  if (count === null || count < 0) return MUST_BE_POSITIVE;
  return { key, count };
}

export const spop: CommandSpec<Pop> = {
  name: 'spop',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['@write', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove and return one or multiple random members from a set',
  since: '1.0.0',
  group: 'set',
  syntax: 'key [count]',
  keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  tips: ['nondeterministic_output'],
  parse,
  apply({ key, count }, { db }) {
    const set = writeAs(db, key, RedisSet, false);
    if (set instanceof ReplyError) return set.frame;
    if (count === undefined) {
      if (set === undefined) return NULL;
      const member = set.pop() as string; // a stored set is never empty
      db.changed(key);
      return memberFrame(member);
    }
    if (set === undefined || count === 0) return memberSetFrame([]);
    const popped = set.popMany(count);
    db.changed(key);
    return memberSetFrame(popped);
  },
};
