// ZREM key member [member ...]: removes the members and answers how many were there.
// A member named twice counts once. As Redis, the loop stops as soon as the set is
// empty (the key is then deleted, by db.changed), and a missing key answers 0.

import { integer } from '../../protocol/frame';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';

interface ZRem {
  readonly key: string;
  readonly members: readonly string[];
}

export const zrem: CommandSpec<ZRem> = {
  name: 'zrem',
  arity: -3,
  flags: ['write', 'fast'],
  categories: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove one or more members from a sorted set',
  since: '1.2.0',
  group: 'sorted-set',
  syntax: 'key member [member ...]',
  keySpecs: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: (args) => ({ key: keyOf(args[0]), members: args.slice(1).map(keyOf) }),
  apply({ key, members }, { db }) {
    const set = writeAs(db, key, RedisSortedSet, false);
    if (set instanceof ReplyError) return set.frame;
    if (set === undefined) return integer(0);
    let deleted = 0;
    for (const member of members) {
      if (set.remove(member)) deleted++;
      if (set.size === 0) break;
    }
    if (deleted > 0) db.changed(key);
    return integer(deleted);
  },
};
