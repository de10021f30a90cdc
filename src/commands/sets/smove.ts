// SMOVE source destination member: moves a member from one set to another, atomically;
// 1 if it was moved (or already in both), 0 if the source does not hold it.
//
// Redis's order of checks, kept because clients can see it: a missing source answers 0
// before the destination's type is looked at; then WRONGTYPE for either key; then the
// same key as both is a no-op answering whether the member is there. Removing the last
// member deletes the source; a missing destination is created, starting as an intset
// or not depending on the member, like SADD.

import { integer } from '../../protocol/frame';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs, writeAs } from '../typed-value';

interface Move {
  readonly source: string;
  readonly destination: string;
  readonly member: string;
}

export const smove: CommandSpec<Move> = {
  name: 'smove',
  arity: 4,
  flags: ['write', 'fast'],
  categories: ['@write', '@set', '@fast'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Move a member from one set to another',
  since: '1.0.0',
  group: 'set',
  syntax: 'source destination member',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } },
    { flags: ['RW', 'insert'], begin: { index: 2 }, find: { lastKey: 0 } },
  ],
  parse: (args) => ({ source: keyOf(args[0]), destination: keyOf(args[1]), member: keyOf(args[2]) }),
  apply({ source, destination, member }, { db }) {
    const from = writeAs(db, source, RedisSet, false);
    if (from === undefined) return integer(0);
    if (from instanceof ReplyError) return from.frame;
    const to = readAs(db, destination, RedisSet);
    if (to instanceof ReplyError) return to.frame;
    if (from === to) return integer(from.has(member) ? 1 : 0);
    if (!from.remove(member)) return integer(0);
    db.changed(source);
    const target = to ?? writeAs(db, destination, RedisSet, true);
    if (target instanceof ReplyError) return target.frame; // cannot happen: it was missing
    if (target.add(member)) db.changed(destination);
    return integer(1);
  },
};
