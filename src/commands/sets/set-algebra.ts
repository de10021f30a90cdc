// SINTER, SUNION and SDIFF, and their STORE variants: one factory for the six commands,
// which differ only in the operation and in what they do with the result (reply with it
// as a set, or store it and answer its size).
//
// The result is built the way Redis builds it, so that its order is Redis's where Redis
// defines one:
// - SINTER walks the smallest set and keeps what every other set holds; an intset walked
//   answers in numeric order. A missing key is an empty set, so the result is empty (the
//   STORE variant deletes the destination), but only after every key's type is checked.
// - SUNION and SDIFF add their members to a new set that starts as an empty intset, so a
//   result made only of integers is an intset, in numeric order, whatever its sources.
// - The STORE variants replace the destination whatever it held (its time to live
//   goes with it) through db.replace, which deletes it for an empty result, as Redis.

import { integer } from '../../protocol/frame';
import { RedisSet, difference, intersection, union } from '../../db/types/set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { memberSetFrame } from './member-frame';
import { readSets } from './read-sets';

export type SetOperation = 'inter' | 'union' | 'diff';

export interface Algebra {
  /** Where to store the result (the STORE variants); undefined: reply with it. */
  readonly destination?: string;
  readonly keys: readonly string[];
}

export interface AlgebraOptions {
  readonly name: string;
  readonly operation: SetOperation;
  readonly store: boolean;
  readonly summary: string;
}

export function setAlgebraCommand({ name, operation, store, summary }: AlgebraOptions): CommandSpec<Algebra> {
  return {
    name,
    arity: store ? -3 : -2,
    flags: store ? ['write', 'denyoom'] : ['readonly'],
    categories: store ? ['@write', '@set', '@slow'] : ['@read', '@set', '@slow'],
    keys: { first: 1, last: -1, step: 1 },
    summary,
    since: '1.0.0',
    group: 'set',
    syntax: store ? 'destination key [key ...]' : 'key [key ...]',
    // Redis flags SINTERSTORE's destination RW, SUNIONSTORE's and SDIFFSTORE's OW (overwritten).
    keySpecs: store
      ? [
          { flags: [operation === 'inter' ? 'RW' : 'OW', 'update'], begin: { index: 1 }, find: { lastKey: 0 } },
          { flags: ['RO', 'access'], begin: { index: 2 }, find: { lastKey: -1 } },
        ]
      : undefined,
    tips: store ? undefined : ['nondeterministic_output_order'],
    parse: (args) => (store ? { destination: keyOf(args[0]), keys: args.slice(1).map(keyOf) } : { keys: args.map(keyOf) }),
    apply({ destination, keys }, { db }) {
      const sets = readSets(db, keys);
      if (sets instanceof ReplyError) return sets.frame;
      if (operation === 'inter') {
        const present = sets.includes(undefined) ? [] : (sets as RedisSet[]);
        const members = present.length === 0 ? [] : intersection(present);
        if (destination === undefined) return memberSetFrame(members);
        const result = new RedisSet(db.limits);
        for (const member of members) result.add(member);
        db.replace(destination, result);
        return integer(result.size);
      }
      const result = operation === 'union' ? union(sets, db.limits) : difference(sets, db.limits);
      if (destination === undefined) return memberSetFrame(result.members());
      db.replace(destination, result);
      return integer(result.size);
    },
  };
}
