// SREM key member [member ...]: removes the members; answers how many were there. The
// last member removed deletes the key (db.changed does that), as in Redis.

import { integer } from '../../protocol/frame';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError } from '../command';
import { writeAs } from '../typed-value';
import { parseMembers } from './sadd';

export const srem: CommandSpec<ReturnType<typeof parseMembers>> = {
  name: 'srem',
  arity: -3,
  flags: ['write', 'fast'],
  categories: ['@write', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove one or more members from a set',
  since: '1.0.0',
  group: 'set',
  syntax: 'key member [member ...]',
  keySpecs: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: parseMembers,
  apply({ key, members }, { db }) {
    const set = writeAs(db, key, RedisSet, false);
    if (set instanceof ReplyError) return set.frame;
    if (set === undefined) return integer(0);
    let removed = 0;
    for (const member of members) {
      if (set.remove(member)) removed++;
      if (set.size === 0) break; // Redis stops at the deletion: nothing is left to remove
    }
    if (removed > 0) db.changed(key);
    return integer(removed);
  },
};
