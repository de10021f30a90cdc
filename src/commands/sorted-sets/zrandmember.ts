// ZRANDMEMBER key [count [WITHSCORES]]: random members, with Redis's count semantics.
//
//   no count        one member, a bulk string (null for a missing key)
//   count > 0       that many distinct members, or the whole set when it has no more
//                   (then highest score first: Redis's set-operation iterator walks
//                   a sorted set from its tail)
//   count < 0       |count| draws with repeats allowed, each uniform over the set
//   WITHSCORES      each member followed by its score: flat in RESP2, pairs in RESP3
//
// One difference: more than 2^24 draws with repeats answer "value is out of range"
// (Redis tries to send them all, as many as asked).
//
// The checks come in Redis's order: the count (an integer in ±LONG_MAX), then the
// syntax (only WITHSCORES may follow), then, with WITHSCORES, a count within ±LONG_MAX/2
// (so that the doubled reply length cannot overflow), and only then the key.
//
// Distinct draws use the two strategies of zrandmemberWithCountCommand, chosen by how
// much of the set is asked for: close to the whole set (count × 3 > size), every rank
// is shuffled and the first `count` kept (a partial Fisher-Yates shuffle: uniform, and
// no retries however close count is to size); otherwise random ranks are drawn until
// `count` distinct ones are found (few retries, since most of the set is not asked
// for). In that second case a small set answers its picks in set order, as Redis's
// listpack sampling (lpRandomPairsUnique) does; otherwise the order is the draw's, where
// Redis's is a hash table's: random either way.

import { array, Frame, latin1Bulk, NULL } from '../../protocol/frame';
import { parseLongLongExact } from '../../protocol/integer';
import { RedisSortedSet, type ZEntry } from '../../db/types/sorted-set';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { readAs } from '../typed-value';

interface RandMember {
  readonly key: string;
  /** undefined: the one-member form without a count. */
  readonly count?: number;
  readonly withScores: boolean;
}

const LONG_MAX = 2n ** 63n - 1n;
const OUT_OF_LONG = new ReplyError(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
const OUT_OF_RANGE = new ReplyError('ERR value is out of range');
/**
 * Draws with repeats beyond this are refused with "value is out of range", as
 * SRANDMEMBER does here: Redis streams any number of them (and runs out of memory
 * first); a reply of 2^24 elements is already far past any real use.
 */
const MAX_REPEATED_DRAWS = 2 ** 24;
const EMPTY_ARRAY: Frame = Object.freeze({ type: 'array', value: [] }) as Frame;

function parse(args: readonly Buffer[]): RandMember | ReplyError {
  const key = keyOf(args[0]);
  if (args.length === 1) return { key, withScores: false };
  const count = parseLongLongExact(args[1], 0, args[1].length);
  if (count === null) return NOT_AN_INTEGER;
  if (count < -LONG_MAX) return OUT_OF_LONG;
  if (args.length > 3 || (args.length === 3 && args[2].toString('latin1').toLowerCase() !== 'withscores')) return SYNTAX_ERROR;
  const withScores = args.length === 3;
  if (withScores && (count < -LONG_MAX / 2n || count > LONG_MAX / 2n)) return OUT_OF_RANGE;
  return { key, count: Number(count), withScores };
}

/** A uniform integer in [0, n). */
const randomBelow = (n: number): number => Math.floor(Math.random() * n);

/** `count` distinct ranks below `size` (count < size), uniformly chosen. */
function distinctRanks(count: number, size: number): number[] {
  if (count * 3 > size) {
    const ranks = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + randomBelow(size - i);
      [ranks[i], ranks[j]] = [ranks[j], ranks[i]];
    }
    return ranks.slice(0, count);
  }
  const picked = new Set<number>();
  while (picked.size < count) picked.add(randomBelow(size));
  return [...picked];
}

function reply(entries: readonly ZEntry[], withScores: boolean, protocol: number): Frame {
  const member = (e: ZEntry): Frame => latin1Bulk(e[0]);
  const score = (e: ZEntry): Frame => ({ type: 'double', value: e[1] });
  if (!withScores) return array(entries.map(member));
  if (protocol === 3) return array(entries.map((e) => array([member(e), score(e)])));
  return array(entries.flatMap((e) => [member(e), score(e)]));
}

/** The entries at `ranks`: by rank lookups for a few, one walk for many. */
function entriesAt(zset: RedisSortedSet, ranks: readonly number[]): ZEntry[] {
  if (ranks.length * 8 < zset.size) return ranks.map((rank) => zset.at(rank)!);
  const all = [...zset.entries()];
  return ranks.map((rank) => all[rank]);
}

export const zrandmember: CommandSpec<RandMember> = {
  name: 'zrandmember',
  arity: -2,
  flags: ['readonly'],
  categories: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get one or multiple random elements from a sorted set',
  since: '6.2.0',
  group: 'sorted-set',
  syntax: 'key [count [WITHSCORES]]',
  tips: ['nondeterministic_output'],
  parse,
  apply({ key, count, withScores }, { db, protocol }) {
    const zset = readAs(db, key, RedisSortedSet);
    if (zset instanceof ReplyError) return zset.frame;
    if (count === undefined) {
      if (zset === undefined) return NULL;
      return latin1Bulk(zset.at(randomBelow(zset.size))![0]);
    }
    if (zset === undefined || count === 0) return EMPTY_ARRAY;
    const size = zset.size;
    if (count < 0 || count === 1) {
      if (-count > MAX_REPEATED_DRAWS) return OUT_OF_RANGE.frame;
      const draws = Array.from({ length: Math.abs(count) }, () => randomBelow(size));
      return reply(entriesAt(zset, draws), withScores, protocol);
    }
    if (count >= size) return reply([...zset.entries()].reverse(), withScores, protocol);
    const ranks = distinctRanks(count, size);
    if (zset.encoding === 'listpack' && count * 3 <= size) ranks.sort((a, b) => a - b);
    return reply(entriesAt(zset, ranks), withScores, protocol);
  },
};
