// Reading a lexicographic interval: the `min max` of ZRANGEBYLEX, ZLEXCOUNT,
// ZREMRANGEBYLEX and ZRANGE ... BYLEX, as Redis's zslParseLexRange reads them. A bound
// is "[member" (inclusive), "(member" (exclusive), "-" (before every string) or "+"
// (after every string); anything else, the empty string included, gets "min or max not
// valid string range item".
//
// Redis reads the first bytes as a C string: "+" and "-" must be followed by the
// string's end, and a NUL byte is an end too, so "+\0x" is "+". After "[" or "(" the
// member is taken with its full length (an sds), NUL bytes and all.

import type { LexBound, LexRange } from '../../db/types/sorted-set';
import { ReplyError } from '../command';

export const NOT_A_LEX_RANGE = new ReplyError('ERR min or max not valid string range item');

function parseLexBound(arg: Buffer): LexBound | null {
  if (arg.length === 0) return null;
  const endsAfterFirst = arg.length === 1 || arg[1] === 0;
  switch (arg[0]) {
    case 0x2b: // +
      return endsAfterFirst ? '+' : null;
    case 0x2d: // -
      return endsAfterFirst ? '-' : null;
    case 0x28: // (
      return { value: arg.toString('latin1', 1), exclusive: true };
    case 0x5b: // [
      return { value: arg.toString('latin1', 1), exclusive: false };
    default:
      return null;
  }
}

/** `min max` as a LexRange, or Redis's error. */
export function parseLexRange(min: Buffer, max: Buffer): LexRange | ReplyError {
  const low = parseLexBound(min);
  const high = parseLexBound(max);
  if (low === null || high === null) return NOT_A_LEX_RANGE;
  return { min: low, max: high };
}
