// GETRANGE key start end: the bytes of a string from `start` to `end`, both included.
// Negative indexes count from the end (-1 is the last byte); a range that falls
// outside the string is clamped to it, and an empty range is the empty string (never
// nil, even for a missing key).
//
// The clamping is Redis's, step by step, including one quirk: when both indexes are
// negative and start > end the answer is empty before any clamping, but -100 -50 on a
// 11-byte string clamps both to 0 and answers the first byte. The indexes are parsed
// before the key is looked at, so bad ones are refused whatever the key holds.

import { Frame, bulk } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, keyOf } from '../command';
import { stringEntry } from './string-value';

interface GetRange {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

const EMPTY: Frame = bulk(Buffer.alloc(0));

export const getrange: CommandSpec<GetRange> = {
  name: 'getrange',
  arity: 4,
  flags: ['readonly'],
  categories: ['@read', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get a substring of the string stored at a key',
  since: '2.4.0',
  group: 'string',
  syntax: 'key start end',
  parse(args) {
    // Beyond 2^53 these are approximate, but still far outside any string: exact enough.
    const start = parseLongLong(args[1], 0, args[1].length);
    if (start === null) return NOT_AN_INTEGER;
    const end = parseLongLong(args[2], 0, args[2].length);
    if (end === null) return NOT_AN_INTEGER;
    return { key: keyOf(args[0]), start, end };
  },
  apply({ key, start, end }, { db }) {
    const entry = stringEntry(db, key);
    if (entry instanceof ReplyError) return entry.frame;
    if (entry === undefined) return EMPTY;
    const value = entry.value;
    const length = value.length;
    if (start < 0 && end < 0 && start > end) return EMPTY;
    if (start < 0) start = Math.max(length + start, 0);
    if (end < 0) end = Math.max(length + end, 0);
    if (end >= length) end = length - 1;
    if (start > end || length === 0) return EMPTY;
    return bulk(value.subarray(start, end + 1));
  },
};
