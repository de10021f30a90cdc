// HRANDFIELD key [count [WITHVALUES]]: random fields of a hash.
//
// - No count: one random field (a bulk string), or null for a missing key.
// - count > 0: that many DISTINCT fields (the whole hash, in its order, when count is
//   at least its size).
// - count < 0: |count| independent draws, so a field may come more than once.
// - WITHVALUES: each field with its value: a flat array field, value, field... in RESP2,
//   an array of [field, value] pairs in RESP3 (which is why this command, unlike most,
//   looks at the connection's protocol: an array of arrays does not fold into RESP2's
//   flat shape by itself).
//
// Every draw is uniform over the fields (a chi-square test in spec/commands checks it).
// Distinct picks use a partial Fisher-Yates shuffle when most of the hash is wanted
// (Redis's "remove random elements" strategy for the same case), and rejection of
// repeats when few are, both O(count) picks of RedisHash.pairAt, O(1) each in the
// hashtable form; the listpack form is decoded once per call.
//
// The checks come in Redis's order: the count ("value is not an integer or out of
// range", then Redis's range message for -2^63), the syntax, the count's range with
// WITHVALUES (|count| up to 2^62: "value is out of range"), and only then the key.

import { type Frame, NULL, array } from '../../protocol/frame';
import { parseLongLongExact } from '../../protocol/integer';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { readAs } from '../typed-value';
import { fieldFrame } from './field-frame';

interface RandField {
  readonly key: string;
  /** Absent: one field as a bulk string. */
  readonly count?: bigint;
  readonly withValues: boolean;
}

const LONG_MAX = 2n ** 63n - 1n;
const OUT_OF_RANGE = new ReplyError(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
const OUT_OF_RANGE_WITHVALUES = new ReplyError('ERR value is out of range');
/**
 * Our own limit on repeated draws (a negative count), where Redis has none: a reply
 * of more draws than this would not fit in memory as frames, where Redis streams it
 * out until its client hangs up or its memory runs out.
 */
const MAX_DRAWS = 1n << 24n;
const TOO_MANY = new ReplyError('ERR value is out of range');

function parse(args: readonly Buffer[]): RandField | ReplyError {
  const key = keyOf(args[0]);
  if (args.length === 1) return { key, withValues: false };
  const count = parseLongLongExact(args[1], 0, args[1].length);
  if (count === null) return NOT_AN_INTEGER;
  if (count < -LONG_MAX) return OUT_OF_RANGE;
  if (args.length > 3 || (args.length === 3 && args[2].toString('latin1').toLowerCase() !== 'withvalues')) return SYNTAX_ERROR;
  const withValues = args.length === 3;
  if (withValues && (count < -LONG_MAX / 2n || count > LONG_MAX / 2n)) return OUT_OF_RANGE_WITHVALUES;
  return { key, count, withValues };
}

const randomIndex = (size: number): number => Math.floor(Math.random() * size);

/** `count` distinct indexes of [0, size), count < size, in random order. */
function distinctIndexes(count: number, size: number): number[] {
  if (count * 3 > size) {
    // Most of the hash: shuffle the first `count` places of all the indexes.
    const indexes = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + randomIndex(size - i);
      const swap = indexes[i];
      indexes[i] = indexes[j];
      indexes[j] = swap;
    }
    return indexes.slice(0, count);
  }
  // A few of a big hash: draw, and draw again on a repeat (at most 1 in 3 are repeats).
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(randomIndex(size));
  return [...chosen];
}

export const hrandfield: CommandSpec<RandField> = {
  name: 'hrandfield',
  arity: -2,
  flags: ['readonly'],
  categories: ['@read', '@hash', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get one or multiple random fields from a hash',
  since: '6.2.0',
  group: 'hash',
  syntax: 'key [count [WITHVALUES]]',
  tips: ['nondeterministic_output'],
  parse,
  apply({ key, count, withValues }, { db, protocol }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    if (count === undefined) return hash === undefined ? NULL : fieldFrame(hash.pairAt(randomIndex(hash.size))[0]);
    if (hash === undefined || count === 0n) return array([]);
    const draws = count < 0n ? -count : count;
    // Only repeats can outnumber the fields: a positive count is capped by the size.
    if (count < 0n && draws > MAX_DRAWS) return TOO_MANY.frame;
    const size = hash.size;
    // The listpack form has no random access: decode it once, then index the pairs.
    const flat = hash.encoding === 'listpack' ? hash.pairs() : undefined;
    const pairAt = (i: number): readonly [string, string] => (flat === undefined ? hash.pairAt(i) : [flat[2 * i], flat[2 * i + 1]]);
    let indexes: number[];
    if (count < 0n || count === 1n) indexes = Array.from({ length: Number(draws) }, () => randomIndex(size));
    else if (draws >= BigInt(size)) indexes = Array.from({ length: size }, (_, i) => i);
    else indexes = distinctIndexes(Number(draws), size);
    const items: Frame[] = [];
    for (const i of indexes) {
      const [field, value] = pairAt(i);
      if (!withValues) items.push(fieldFrame(field));
      else if (protocol === 3) items.push(array([fieldFrame(field), fieldFrame(value)]));
      else items.push(fieldFrame(field), fieldFrame(value));
    }
    return array(items);
  },
};
