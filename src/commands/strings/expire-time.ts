// The expiry argument of SETEX, PSETEX and GETEX, checked as Redis's
// getExpireMillisecondsOrReply checks it: an integer, above zero, and not so large that
// the absolute time in milliseconds overflows a signed 64-bit integer. In C that sum
// wraps around to a negative number; with BigInt it just grows, so it is compared
// with LLONG_MAX instead. The error names the command, e.g.
// `invalid expire time in 'setex' command`.

import { parseLongLongExact } from '../../protocol/integer';
import { NOT_AN_INTEGER, ReplyError } from '../command';

const LLONG_MAX = 9223372036854775807n;

export type TimeUnit = 'seconds' | 'milliseconds';

/**
 * The absolute expiry time, in the Db's milliseconds, for `time` given in `unit`:
 * relative to `now` (EX, PX, SETEX...) or absolute (EXAT, PXAT). Or the error reply.
 */
export function expireAt(time: Buffer, unit: TimeUnit, relative: boolean, now: number, command: string): number | ReplyError {
  const value = parseLongLongExact(time, 0, time.length);
  if (value === null) return NOT_AN_INTEGER;
  const invalid = new ReplyError(`ERR invalid expire time in '${command}' command`);
  if (value <= 0n || (unit === 'seconds' && value > LLONG_MAX / 1000n)) return invalid;
  let ms = unit === 'seconds' ? value * 1000n : value;
  if (relative) ms += BigInt(Math.floor(now));
  if (ms > LLONG_MAX) return invalid;
  return Number(ms);
}
