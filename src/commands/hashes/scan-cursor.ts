// The cursor argument of HSCAN, read as Redis reads every SCAN cursor
// (parseScanCursorOrReply): C's strtoul in base 10. So it stops at a NUL byte, takes a
// sign (a negative value wraps around 2^64, "-0" is 0), reads an empty string as 0,
// and fails ("invalid cursor") on a leading space, on trailing garbage and past
// 2^64 - 1. The cursor is parsed before the key is looked up, as in Redis, so a bad
// cursor is an error even on a missing key.

import { ReplyError } from '../command';

const INVALID_CURSOR = new ReplyError('ERR invalid cursor');
const ULONG_MAX = 2n ** 64n - 1n;

export function parseScanCursor(arg: Buffer): bigint | ReplyError {
  const nul = arg.indexOf(0);
  const text = (nul === -1 ? arg : arg.subarray(0, nul)).toString('latin1');
  if (text === '') return 0n;
  const match = /^([+-]?)([0-9]+)$/.exec(text);
  if (match === null) return INVALID_CURSOR;
  const magnitude = BigInt(match[2]);
  if (magnitude > ULONG_MAX) return INVALID_CURSOR;
  return match[1] === '-' ? (ULONG_MAX + 1n - magnitude) % (ULONG_MAX + 1n) : magnitude;
}
