// Typed access to the keyspace, for the commands of the aggregate types: the value at a
// key as the class a command expects (RedisList, RedisHash, RedisSet, RedisSortedSet),
// or Redis's WRONGTYPE when the key holds another type. Errors are values here: a
// command returns the ReplyError as its reply, it never throws.
//
// Two ways in, as Redis's lookupKeyRead and lookupKeyWrite: `readAs` for commands that
// only look (a missing key is simply undefined), `writeAs` for commands that modify
// (with `create`, a missing key gets a new empty value, already in the keyspace, so the
// command has one code path for new and existing keys). After modifying, a command calls
// `db.changed(key)`: the one signal of change (see Db.changed).

import { type Db, type Value, isAggregate } from '../db/db';
import type { Aggregate, EncodingLimits } from '../db/types/aggregate';
import { ReplyError } from './command';

export const WRONGTYPE = new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value');

/** An aggregate class: what `readAs` and `writeAs` check against and create. */
export type AggregateClass<T extends Aggregate> = new (limits: EncodingLimits) => T;

/** Whether a value is an instance of `kind` (an aggregate of that type). */
const holds = <T extends Aggregate>(value: Value, kind: AggregateClass<T>): value is T =>
  isAggregate(value) && value instanceof kind;

/** The value at `key` as a `kind`; undefined if the key is missing; WRONGTYPE if it holds another type. */
export function readAs<T extends Aggregate>(db: Db, key: string, kind: AggregateClass<T>): T | undefined | ReplyError {
  const value = db.value(key);
  if (value === undefined) return undefined;
  return holds(value, kind) ? value : WRONGTYPE;
}

/**
 * The value at `key` as a `kind`, to modify: WRONGTYPE if it holds another type; if it
 * is missing, a new empty one added to the keyspace when `create` is true, else undefined.
 */
export function writeAs<T extends Aggregate>(db: Db, key: string, kind: AggregateClass<T>, create: true): T | ReplyError;
export function writeAs<T extends Aggregate>(db: Db, key: string, kind: AggregateClass<T>, create: boolean): T | undefined | ReplyError;
export function writeAs<T extends Aggregate>(db: Db, key: string, kind: AggregateClass<T>, create: boolean): T | undefined | ReplyError {
  const value = db.value(key);
  if (value === undefined) {
    if (!create) return undefined;
    const created = new kind(db.limits);
    db.add(key, created);
    return created;
  }
  return holds(value, kind) ? value : WRONGTYPE;
}
