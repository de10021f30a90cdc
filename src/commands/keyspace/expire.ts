// EXPIRE key seconds [NX | XX | GT | LT]: sets a key's time to live. PEXPIRE,
// EXPIREAT and PEXPIREAT are the same command with another unit (ms) or an absolute
// time instead of a relative one, so the shared steps live here:
//
// - parseExpire reads the options first and the number second, because that is the
//   order in which Redis 7 (expireGenericCommand) reports their errors.
// - applyExpire works in bigint: Redis computes in int64 and reports "invalid expire
//   time" exactly where a unit conversion or the addition of "now" would overflow,
//   which a float64 cannot tell apart near 2^63.
// - A time that is already past deletes the key and still answers 1, as in Redis.
//   The Db's clock is its scheduler (db.now()), so under TestScheduler "now" is
//   virtual time and an EXPIREAT timestamp is read against that clock.

import { integer } from '../../protocol/frame';
import { parseLongLongExact } from '../../protocol/integer';
import type { Db } from '../../db/db';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, keyOf } from '../command';

export interface Expire {
  readonly key: string;
  /** The time argument as given: seconds or ms, relative or absolute. */
  readonly time: bigint;
  readonly nx: boolean;
  readonly xx: boolean;
  readonly gt: boolean;
  readonly lt: boolean;
}

/** How one of the four commands reads its time argument. */
export interface ExpireUnit {
  /** The lower-case command name, for the error text. */
  readonly name: string;
  readonly seconds: boolean;
  /** Relative to now (EXPIRE, PEXPIRE) or an absolute Unix time (EXPIREAT, PEXPIREAT). */
  readonly relative: boolean;
}

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

export function parseExpire(args: readonly Buffer[]): Expire | ReplyError {
  let nx = false;
  let xx = false;
  let gt = false;
  let lt = false;
  for (const arg of args.slice(2)) {
    switch (arg.toString('latin1').toUpperCase()) {
      case 'NX':
        nx = true;
        break;
      case 'XX':
        xx = true;
        break;
      case 'GT':
        gt = true;
        break;
      case 'LT':
        lt = true;
        break;
      default:
        return new ReplyError(`ERR Unsupported option ${errorText(arg)}`);
    }
  }
  if (nx && (xx || gt || lt)) return new ReplyError('ERR NX and XX, GT or LT options at the same time are not compatible');
  if (gt && lt) return new ReplyError('ERR GT and LT options at the same time are not compatible');
  const time = parseLongLongExact(args[1], 0, args[1].length);
  if (time === null) return NOT_AN_INTEGER;
  return { key: keyOf(args[0]), time, nx, xx, gt, lt };
}

/**
 * An argument as Redis's addReplyErrorFormat shows it inside "Unsupported option %s":
 * %s stops at a NUL byte, CR and LF at the end of the message are trimmed, and those
 * left inside become spaces (an error reply must stay on one line).
 */
function errorText(arg: Buffer): string {
  const nul = arg.indexOf(0);
  const text = (nul === -1 ? arg : arg.subarray(0, nul)).toString('latin1');
  return text.replace(/[\r\n]+$/, '').replace(/[\r\n]/g, ' ');
}

export function applyExpire(command: Expire, unit: ExpireUnit, db: Db) {
  const invalid = { type: 'error', value: `ERR invalid expire time in '${unit.name}' command` } as const;
  let when = command.time;
  if (unit.seconds) {
    // BigInt division truncates toward zero, like C's LLONG_MIN / 1000.
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return invalid;
    when *= 1000n;
  }
  const base = unit.relative ? BigInt(Math.floor(db.now())) : 0n;
  if (when > LLONG_MAX - base) return invalid;
  when += base;

  const entry = db.entry(command.key);
  if (entry === undefined) return integer(0);
  const current = entry.expiresAt === undefined ? undefined : BigInt(Math.floor(entry.expiresAt));
  // No expiry counts as an infinite one: GT can never beat it, LT always does.
  if (command.nx && current !== undefined) return integer(0);
  if (command.xx && current === undefined) return integer(0);
  if (command.gt && (current === undefined || when <= current)) return integer(0);
  if (command.lt && current !== undefined && when >= current) return integer(0);
  // A time at or before now deletes the key (Db.setExpiry does that), answering 1.
  db.setExpiry(command.key, Number(when));
  return integer(1);
}

export const EXPIRE_FLAGS = ['write', 'fast'];
export const EXPIRE_CATEGORIES = ['@keyspace', '@write', '@fast'];

export const expire: CommandSpec<Expire> = {
  name: 'expire',
  arity: -3,
  flags: EXPIRE_FLAGS,
  categories: EXPIRE_CATEGORIES,
  keys: { first: 1, last: 1, step: 1 },
  summary: "Set a key's time to live in seconds",
  since: '1.0.0',
  group: 'generic',
  syntax: 'key seconds [NX | XX | GT | LT]',
  parse: parseExpire,
  apply: (command, { db }) => applyExpire(command, { name: 'expire', seconds: true, relative: true }, db),
};
