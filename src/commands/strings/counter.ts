// What INCR, DECR, INCRBY and DECRBY share: add a signed 64-bit delta to the integer
// held in a string, exactly as Redis's incrDecrCommand does.
//
// Redis keeps counters as 64-bit C integers and refuses, rather than wraps, a result
// beyond them. JavaScript numbers are exact only up to 2^53, so the common case (small
// counters) is done in plain numbers and everything else in BigInt; the two paths give
// the same answers, the first just faster (INCR is in redis-benchmark's default run).
//
// The value is stored back as its decimal text, so GET, APPEND and GETRANGE see the
// number as Redis shows it; the key keeps its time to live (an INCR is a modification,
// not a new value).

import { Frame, integer } from '../../protocol/frame';
import { parseLongLong, parseLongLongExact } from '../../protocol/integer';
import type { Db } from '../../db/db';
import { NOT_AN_INTEGER, ReplyError } from '../command';
import { stringEntry } from './string-value';

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;
const OVERFLOW = new ReplyError('ERR increment or decrement would overflow');

/** A delta: a number when it is a safe integer, a bigint beyond that. */
export type Delta = number | bigint;

/** An integer argument (INCRBY's increment) as Redis's string2ll reads it, or the error. */
export function parseDelta(arg: Buffer): Delta | ReplyError {
  const approximate = parseLongLong(arg, 0, arg.length);
  if (approximate === null) return NOT_AN_INTEGER;
  if (Number.isSafeInteger(approximate)) return approximate;
  return parseLongLongExact(arg, 0, arg.length) ?? NOT_AN_INTEGER;
}

/** Adds `delta` to the counter at `key` (0 when missing) and answers the new value. */
export function incrementBy(db: Db, key: string, delta: Delta): Frame {
  const entry = stringEntry(db, key);
  if (entry instanceof ReplyError) return entry.frame;
  const text = entry?.value;
  let result: Delta;
  // Fast path: a current value and a sum that are safe integers are exact in doubles,
  // and far inside the 64-bit range. parseLongLong is exact below 2^53.
  const current = text === undefined ? 0 : parseLongLong(text, 0, text.length);
  if (current === null) return NOT_AN_INTEGER.frame;
  if (typeof delta === 'number' && Number.isSafeInteger(current) && Number.isSafeInteger(current + delta)) {
    result = current + delta;
  } else {
    const exact = text === undefined ? 0n : parseLongLongExact(text, 0, text.length);
    if (exact === null) return NOT_AN_INTEGER.frame;
    const sum = exact + BigInt(delta);
    if (sum > LLONG_MAX || sum < LLONG_MIN) return OVERFLOW.frame;
    result = sum;
  }
  const stored = Buffer.from(String(result), 'latin1');
  if (entry === undefined) db.set(key, stored);
  else entry.value = stored; // in place: the expiry stays as it is
  return integer(result);
}
