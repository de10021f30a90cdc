// SADD key member [member ...]: adds the members, creating the set if needed; answers
// how many were new (a member named twice counts once). The set starts as an intset
// and becomes a hash table, once, on the first member that is not a canonical integer
// or past set-max-intset-entries (see src/db/types/set.ts).

import { integer } from '../../protocol/frame';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';

interface Members {
  readonly key: string;
  readonly members: readonly string[];
}

/** `key member [member ...]`: shared by SADD and SREM. */
export const parseMembers = (args: readonly Buffer[]): Members => ({ key: keyOf(args[0]), members: args.slice(1).map(keyOf) });

export const sadd: CommandSpec<Members> = {
  name: 'sadd',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Add one or more members to a set',
  since: '1.0.0',
  group: 'set',
  syntax: 'key member [member ...]',
  keySpecs: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse: parseMembers,
  apply({ key, members }, { db }) {
    const set = writeAs(db, key, RedisSet, true);
    if (set instanceof ReplyError) return set.frame;
    let added = 0;
    for (const member of members) if (set.add(member)) added++;
    // Redis signals the key only when something was added.
    if (added > 0) db.changed(key);
    return integer(added);
  },
};
