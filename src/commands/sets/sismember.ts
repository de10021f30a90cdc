// SISMEMBER key member: 1 if the set holds the member, else 0 (also for a missing key).
// For an intset, a member that is not a canonical integer ("01", "-0") is simply not
// there: it could never have been added without converting the set.

import { integer } from '../../protocol/frame';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';

interface Membership {
  readonly key: string;
  readonly member: string;
}

export const sismember: CommandSpec<Membership> = {
  name: 'sismember',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Determine if a given value is a member of a set',
  since: '1.0.0',
  group: 'set',
  syntax: 'key member',
  keySpecs: [{ flags: ['RO'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: (args) => ({ key: keyOf(args[0]), member: keyOf(args[1]) }),
  apply({ key, member }, { db }) {
    const set = readAs(db, key, RedisSet);
    if (set instanceof ReplyError) return set.frame;
    return integer(set?.has(member) ? 1 : 0);
  },
};
