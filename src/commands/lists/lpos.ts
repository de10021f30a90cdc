// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]: the index of the
// matches of `element`, searching from the head (or, for a negative RANK, from the tail:
// indexes are still counted from the head, as LINDEX reads them).
//
// - RANK n: skip the first n-1 matches; 0 is refused with Redis's long explanation.
// - COUNT n: answer an array of up to n indexes (0: all of them) instead of one index.
//   The array is the reply's shape even when nothing matches, or the key is missing.
// - MAXLEN n: look at no more than n elements (0: all).
//
// One quirk is kept on purpose: RANK -9223372036854775808. Redis negates the rank to
// search from the tail, and in C the negation of the smallest long is itself, still
// negative; every match then counts as past the rank, and the COUNT limit, computed
// from the rank, overflows and never stops the search. So it answers the last match, or
// with COUNT every match from the tail.

import { NULL, array, integer } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { readAs } from '../typed-value';
import { parseLong, parseNonNegative } from './list-arguments';

interface Lpos {
  readonly key: string;
  readonly element: string;
  readonly rank: number;
  /** Undefined: no COUNT option (answer one index or null). */
  readonly count?: number;
  readonly maxlen: number;
  /** RANK was exactly -2^63 (see above). */
  readonly overflowed: boolean;
}

const RANK_ZERO = new ReplyError(
  "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
);
const COUNT_NEGATIVE = new ReplyError("ERR COUNT can't be negative");
const MAXLEN_NEGATIVE = new ReplyError("ERR MAXLEN can't be negative");
const LONG_MIN = '-9223372036854775808';

function parse(args: readonly Buffer[]): Lpos | ReplyError {
  let rank = 1;
  let count: number | undefined;
  let maxlen = 0;
  let overflowed = false;
  for (let i = 2; i < args.length; i++) {
    const option = args[i].toString('latin1').toLowerCase();
    const hasValue = i + 1 < args.length;
    if (option === 'rank' && hasValue) {
      const value = parseLong(args[++i]);
      if (value instanceof ReplyError) return value;
      if (value === 0) return RANK_ZERO;
      rank = value;
      // Compared as text: past 2^53 a JS number cannot tell -2^63 from -2^63+1.
      overflowed = args[i].toString('latin1') === LONG_MIN;
    } else if (option === 'count' && hasValue) {
      const value = parseNonNegative(args[++i], COUNT_NEGATIVE);
      if (value instanceof ReplyError) return value;
      count = value;
    } else if (option === 'maxlen' && hasValue) {
      const value = parseNonNegative(args[++i], MAXLEN_NEGATIVE);
      if (value instanceof ReplyError) return value;
      maxlen = value;
    } else return SYNTAX_ERROR;
  }
  return { key: keyOf(args[0]), element: keyOf(args[1]), rank, count, maxlen, overflowed };
}

export const lpos: CommandSpec<Lpos> = {
  name: 'lpos',
  arity: -3,
  flags: ['readonly'],
  categories: ['@read', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Return the index of matching elements on a list',
  since: '6.0.6',
  group: 'list',
  syntax: 'key element [RANK rank] [COUNT num-matches] [MAXLEN len]',
  parse,
  apply({ key, element, rank, count, maxlen, overflowed }, { db }) {
    const list = readAs(db, key, RedisList);
    if (list instanceof ReplyError) return list.frame;
    if (list === undefined) return count === undefined ? NULL : array([]);
    const fromTail = rank < 0;
    const skip = overflowed ? 0 : Math.abs(rank) - 1;
    const limit = overflowed || count === undefined ? 0 : count;
    const length = list.size;
    const scan = maxlen === 0 ? length : Math.min(maxlen, length);
    const found: number[] = [];
    let matches = 0;
    for (let step = 0; step < scan; step++) {
      const index = fromTail ? length - 1 - step : step;
      if (list.at(index) !== element) continue;
      if (++matches <= skip) continue;
      found.push(index);
      if (count === undefined) break;
      if (limit !== 0 && found.length >= limit) break;
    }
    if (count !== undefined) return array(found.map((index) => integer(index)));
    return found.length > 0 ? integer(found[0]) : NULL;
  },
};
