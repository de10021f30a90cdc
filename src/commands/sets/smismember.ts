// SMISMEMBER key member [member ...]: SISMEMBER for each member, as an array of 1s and
// 0s in the order asked. A missing key is an empty set (all zeros), not an error.

import { array, integer } from '../../protocol/frame';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { parseMembers } from './sadd';

const ONE = integer(1);
const ZERO = integer(0);

export const smismember: CommandSpec<ReturnType<typeof parseMembers>> = {
  name: 'smismember',
  arity: -3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Returns the membership associated with the given elements for a set',
  since: '6.2.0',
  group: 'set',
  syntax: 'key member [member ...]',
  parse: parseMembers,
  apply({ key, members }, { db }) {
    const set = readAs(db, key, RedisSet);
    if (set instanceof ReplyError) return set.frame;
    return array(members.map((member) => (set?.has(member) ? ONE : ZERO)));
  },
};
