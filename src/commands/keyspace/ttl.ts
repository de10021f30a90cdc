// TTL key: the remaining time to live in seconds; -2 if the key does not exist, -1 if
// it has no expiry. PTTL, EXPIRETIME and PEXPIRETIME are the same question asked in
// milliseconds and/or as an absolute Unix time, so they share `timeToLive` below.
//
// Seconds are rounded to the nearest (Redis's `(ttl + 500) / 1000`), so a key just set
// with EXPIRE k 100 answers 100, not 99, a few microseconds later. The subtraction is
// done in bigint so that expiry times beyond 2^53 ms do not lose their low digits here.

import { integer } from '../../protocol/frame';
import type { Db } from '../../db/db';
import { CommandSpec, keyOf } from '../command';

export function timeToLive(db: Db, key: string, ms: boolean, absolute: boolean) {
  const entry = db.entry(key);
  if (entry === undefined) return integer(-2);
  if (entry.expiresAt === undefined) return integer(-1);
  const at = BigInt(Math.floor(entry.expiresAt));
  // The clock itself, not db.now(): inside a script the Db's clock stands still for
  // expiry, but Redis's TTL measures from the real time (mstime), clamped at 0 below.
  let ttl = absolute ? at : at - BigInt(Math.floor(db.scheduler.now()));
  // A key whose time has come but which is still there (expiry happens once the clock is
  // past its time, as in Redis) has 0 left, never a negative time to live.
  if (ttl < 0n) ttl = 0n;
  return integer(ms ? ttl : (ttl + 500n) / 1000n);
}

// Shared by the four time-to-live readers, whose COMMAND INFO metadata must be the
// same as Redis's (spec/commands/keyspace.spec.ts compares every keyspace command).
export const READ_KEY_FLAGS = ['readonly', 'fast'];
export const READ_KEY_CATEGORIES = ['@keyspace', '@read', '@fast'];

export const ttl: CommandSpec<string> = {
  name: 'ttl',
  arity: 2,
  flags: READ_KEY_FLAGS,
  categories: READ_KEY_CATEGORIES,
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the time to live for a key in seconds',
  since: '1.0.0',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply: (key, { db }) => timeToLive(db, key, false, false),
};
