// SRANDMEMBER key [count]: random members, leaving the set as it is.
//
// - No count: one uniformly random member, or null for a missing key.
// - count > 0: that many DISTINCT members (a uniformly random subset), so at most the
//   whole set, which then comes in its order (an intset's is numeric).
// - count < 0: |count| independent draws, so a member may come more than once.
// The counted forms answer an array (also in RESP3), empty for a missing key or 0.
//
// The count is read before the key, as Redis does: "value is not an integer or out of
// range", or for -2^63 (whose magnitude no long holds) Redis's range message.

import { NULL, array } from '../../protocol/frame';
import { parseLongLongExact } from '../../protocol/integer';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { readAs } from '../typed-value';
import { memberArrayFrame, memberFrame } from './member-frame';

interface RandomMembers {
  readonly key: string;
  readonly count?: bigint;
}

const LONG_MAX = 2n ** 63n - 1n;
const OUT_OF_RANGE = new ReplyError(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
/**
 * Our own limit (Redis has none, the same as HRANDFIELD's here): a reply of more draws
 * than this would not fit in memory as frames. Redis would stream such a reply until
 * memory or the client gave out.
 */
const MAX_DRAWS = 1n << 24n;
const TOO_MANY = new ReplyError('ERR value is out of range');

function parse(args: readonly Buffer[]): RandomMembers | ReplyError {
  const key = keyOf(args[0]);
  if (args.length === 1) return { key };
  if (args.length > 2) return SYNTAX_ERROR;
  const count = parseLongLongExact(args[1], 0, args[1].length);
  if (count === null) return NOT_AN_INTEGER;
  if (count < -LONG_MAX) return OUT_OF_RANGE;
  return { key, count };
}

export const srandmember: CommandSpec<RandomMembers> = {
  name: 'srandmember',
  arity: -2,
  flags: ['readonly'],
  categories: ['@read', '@set', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get one or multiple random members from a set',
  since: '1.0.0',
  group: 'set',
  syntax: 'key [count]',
  tips: ['nondeterministic_output'],
  parse,
  apply({ key, count }, { db }) {
    const set = readAs(db, key, RedisSet);
    if (set instanceof ReplyError) return set.frame;
    if (count === undefined) return set === undefined ? NULL : memberFrame(set.randomMember() as string);
    if (set === undefined || count === 0n) return array([]);
    if (count > 0n) return memberArrayFrame(set.randomMembers(count >= BigInt(set.size) ? set.size : Number(count), true));
    if (-count > MAX_DRAWS) return TOO_MANY.frame;
    return memberArrayFrame(set.randomMembers(Number(-count), false));
  },
};
