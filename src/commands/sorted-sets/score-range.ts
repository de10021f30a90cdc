// Reading a score interval: the `min max` of ZRANGEBYSCORE, ZCOUNT, ZREMRANGEBYSCORE and
// ZRANGE ... BYSCORE, as Redis's zslParseRange reads them. A bound is a float, or a float
// after "(" for an open end: "(1.5" means > 1.5, "1.5" means >= 1.5, and "-inf" / "+inf"
// are the unbounded ends. Either bound failing gives the one error text Redis has for
// both, "min or max is not a float".
//
// The floats are strtod's, checked loosely (see score.ts): "", " 5" and "1e400" are
// accepted here although ZADD refuses them, because zslParseRange only checks where
// strtod stopped, and whether the value is NaN.

import type { ScoreRange } from '../../db/types/sorted-set';
import { ReplyError } from '../command';
import { parseBoundValue } from './score';

export const NOT_A_FLOAT_RANGE = new ReplyError('ERR min or max is not a float');

/** One bound: its value and whether "(" made it exclusive; null when it is not a float. */
function parseBound(arg: Buffer): { value: number; exclusive: boolean } | null {
  const text = arg.toString('latin1');
  const exclusive = text[0] === '(';
  const value = parseBoundValue(exclusive ? text.slice(1) : text);
  return value === null ? null : { value, exclusive };
}

/** `min max` as a ScoreRange, or Redis's error. */
export function parseScoreRange(min: Buffer, max: Buffer): ScoreRange | ReplyError {
  const low = parseBound(min);
  const high = parseBound(max);
  if (low === null || high === null) return NOT_A_FLOAT_RANGE;
  return { min: low.value, minExclusive: low.exclusive, max: high.value, maxExclusive: high.exclusive };
}
