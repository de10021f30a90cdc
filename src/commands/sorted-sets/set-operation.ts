// The sorted-set algebra shared by seven commands: ZUNIONSTORE ZINTERSTORE ZDIFFSTORE
// (a destination), ZUNION ZINTER ZDIFF (a reply) and ZINTERCARD (a count). One module
// because Redis runs all seven through one function, zunionInterDiffGenericCommand, and
// its order of checks is what the client sees:
//   1. numkeys: an integer ("value is not an integer or out of range"), at least 1
//      ("at least 1 input key is needed for 'zunionstore' command"), and no more than
//      the arguments left (a plain syntax error);
//   2. every key is looked up, and a key of another type than zset or set is WRONGTYPE,
//      even when an option further on is wrong;
//   3. only then the options: WEIGHTS w1..wn and AGGREGATE SUM|MIN|MAX (union and
//      intersection), WITHSCORES (the reply variants), LIMIT (ZINTERCARD); any other
//      word, or one that does not fit the command, is a syntax error.
// So `parse` reads numkeys and the options at once, but keeps an option error aside
// (`options` holds it) for `apply` to answer after the key lookups.
//
// Plain sets are inputs too, each member scoring 1, as in Redis: the algebra sees every
// input through the small `Source` view (size, walk, find), whatever it is.
//
// The arithmetic follows Redis to the bit, because the scores are printed with 17
// digits: a weighted score that is NaN (inf × 0) counts as 0; a SUM that is NaN
// (inf + -inf) is 0; and the inputs are taken smallest first (a stable sort by size, as
// glibc's qsort is), so 0.2 + 0.3 + 0.1 is summed in that order and prints as
// 0.59999999999999998, where another order would print 0.60000000000000009.

import { array, Frame, integer, latin1Bulk } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import type { Db } from '../../db/db';
import { RedisSet } from '../../db/types/set';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { type ConnectionContext, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { WRONGTYPE } from '../typed-value';
import { parseScore } from './score';

export type Operation = 'union' | 'inter' | 'diff';
export type Aggregation = 'sum' | 'min' | 'max';

/** Which of the seven commands: what it accepts and where its numkeys is. */
export interface Variant {
  /** The command's name, as Redis's "at least 1 input key" error names it. */
  readonly name: string;
  readonly operation: Operation;
  /** ZUNIONSTORE & co: the destination comes first, numkeys second. */
  readonly store: boolean;
  /** ZINTERCARD: only the count, with LIMIT. */
  readonly cardinality: boolean;
}

export interface SetOperationOptions {
  /** One weight per input key, in the order the keys were given (1 unless WEIGHTS). */
  readonly weights: readonly number[];
  readonly aggregate: Aggregation;
  readonly withScores: boolean;
  /** ZINTERCARD's LIMIT: stop counting there; 0 is no limit. */
  readonly limit: number;
}

export interface SetOperation {
  readonly destination?: string;
  readonly keys: readonly string[];
  /** The options, or the error they hold, answered only once the keys are looked up. */
  readonly options: SetOperationOptions | ReplyError;
}

const WEIGHT_NOT_A_FLOAT = new ReplyError('ERR weight value is not a float');
const LIMIT_NEGATIVE = new ReplyError("ERR LIMIT can't be negative");

const is = (arg: Buffer, word: string): boolean => arg.length === word.length && arg.toString('latin1').toLowerCase() === word;

/** Reads `[destination] numkeys key... options` (the arguments after the command name). */
export function parseSetOperation(args: readonly Buffer[], variant: Variant): SetOperation | ReplyError {
  const numkeysAt = variant.store ? 1 : 0;
  const numkeys = parseLongLong(args[numkeysAt], 0, args[numkeysAt].length);
  if (numkeys === null) return NOT_AN_INTEGER;
  if (numkeys < 1) return new ReplyError(`ERR at least 1 input key is needed for '${variant.name}' command`);
  const first = numkeysAt + 1;
  if (numkeys > args.length - first) return SYNTAX_ERROR;
  const keys = args.slice(first, first + numkeys).map(keyOf);
  return {
    destination: variant.store ? keyOf(args[0]) : undefined,
    keys,
    options: parseOptions(args, first + numkeys, numkeys, variant),
  };
}

// Redis's loop, test for test: each option is recognised only when enough arguments are
// left for it (WEIGHTS needs all n weights), otherwise it falls through to the syntax error.
function parseOptions(args: readonly Buffer[], from: number, numkeys: number, variant: Variant): SetOperationOptions | ReplyError {
  const weights: number[] = new Array<number>(numkeys).fill(1);
  let aggregate: Aggregation = 'sum';
  let withScores = false;
  let limit = 0;
  const algebra = variant.operation !== 'diff' && !variant.cardinality;
  for (let j = from; j < args.length; ) {
    const remaining = args.length - j;
    if (algebra && remaining >= numkeys + 1 && is(args[j], 'weights')) {
      j++;
      for (let i = 0; i < numkeys; i++, j++) {
        const weight = parseScore(args[j]);
        if (weight === null) return WEIGHT_NOT_A_FLOAT;
        weights[i] = weight;
      }
    } else if (algebra && remaining >= 2 && is(args[j], 'aggregate')) {
      const how = args[j + 1].toString('latin1').toLowerCase();
      if (how !== 'sum' && how !== 'min' && how !== 'max') return SYNTAX_ERROR;
      aggregate = how;
      j += 2;
    } else if (!variant.store && !variant.cardinality && is(args[j], 'withscores')) {
      withScores = true;
      j++;
    } else if (variant.cardinality && remaining >= 2 && is(args[j], 'limit')) {
      // getPositiveLongFromObjectOrReply with a message: one text for both failures.
      const value = parseLongLong(args[j + 1], 0, args[j + 1].length);
      if (value === null || value < 0) return LIMIT_NEGATIVE;
      limit = value;
      j += 2;
    } else {
      return SYNTAX_ERROR;
    }
  }
  return { weights, aggregate, withScores, limit };
}

// ---------------------------------------------------------------------------
// The inputs, as the algebra sees them

/** One input: a sorted set, a plain set (every score 1), or a missing key (empty). */
export interface Source {
  readonly size: number;
  /** The stored value itself: the same key named twice is the same object. */
  readonly identity: object | undefined;
  /** Every member with its score; `visit` returns false to stop the walk. */
  walk(visit: (member: string, score: number) => boolean | void): void;
  /** The member's score, or undefined when it is not in this input. */
  find(member: string): number | undefined;
}

const EMPTY: Source = { size: 0, identity: undefined, walk: () => undefined, find: () => undefined };

function zsetSource(zset: RedisSortedSet): Source {
  return {
    size: zset.size,
    identity: zset,
    walk: (visit) => {
      for (const [member, score] of zset.entries()) if (visit(member, score) === false) return;
    },
    find: (member) => zset.score(member),
  };
}

function setSource(set: RedisSet): Source {
  return {
    size: set.size,
    identity: set,
    walk: (visit) => {
      for (const member of set.members()) if (visit(member, 1) === false) return;
    },
    find: (member) => (set.has(member) ? 1 : undefined),
  };
}

/** The inputs at `keys`, or WRONGTYPE for the first key of another type (lookupKeyRead, in order). */
export function sourcesAt(db: Db, keys: readonly string[]): Source[] | ReplyError {
  const sources: Source[] = [];
  for (const key of keys) {
    const value = db.value(key);
    if (value === undefined) sources.push(EMPTY);
    else if (value instanceof RedisSortedSet) sources.push(zsetSource(value));
    else if (value instanceof RedisSet) sources.push(setSource(value));
    else return WRONGTYPE;
  }
  return sources;
}

// ---------------------------------------------------------------------------
// The algebra

/** A result member, before it becomes a sorted set or a reply. */
export interface Scored {
  readonly member: string;
  readonly score: number;
}

/** The weighted source, as Redis pairs them before sorting by size. */
interface Weighted {
  readonly source: Source;
  readonly weight: number;
}

function aggregateInto(target: number, value: number, how: Aggregation): number {
  if (how === 'sum') {
    const sum = target + value;
    // inf + -inf is NaN; Redis's convention makes it 0.
    return Number.isNaN(sum) ? 0 : sum;
  }
  // Written as C writes it: a NaN value never wins a comparison, so the target stays.
  if (how === 'min') return value < target ? value : target;
  return value > target ? value : target;
}

/** Smallest input first (Array.prototype.sort is stable, as glibc's merge-sort qsort). */
const bySize = (inputs: Weighted[]): Weighted[] => inputs.sort((a, b) => a.source.size - b.source.size);

/** The members of the operation with their scores, in no particular order; or, for ZINTERCARD, only how many. */
export function compute(operation: Operation, sources: readonly Source[], options: SetOperationOptions): Scored[] {
  const inputs = sources.map((source, i) => ({ source, weight: options.weights[i] }));
  if (operation === 'union') return union(bySize(inputs), options.aggregate);
  if (operation === 'inter') return intersection(bySize(inputs), options.aggregate, 0).members;
  return difference(sources);
}

/** ZINTERCARD: the size of the intersection, counting no further than `limit` (0: no limit). */
export function intersectionSize(sources: readonly Source[], limit: number): number {
  const inputs = sources.map((source) => ({ source, weight: 1 }));
  return intersection(bySize(inputs), 'sum', limit === 0 ? Infinity : limit).count;
}

function union(inputs: readonly Weighted[], how: Aggregation): Scored[] {
  const scores = new Map<string, number>();
  for (const { source, weight } of inputs) {
    source.walk((member, score) => {
      let weighted = weight * score;
      if (Number.isNaN(weighted)) weighted = 0;
      const existing = scores.get(member);
      scores.set(member, existing === undefined ? weighted : aggregateInto(existing, weighted, how));
    });
  }
  const result: Scored[] = [];
  for (const [member, score] of scores) result.push({ member, score });
  return result;
}

// Walks the smallest input and looks each member up in the others, in size order.
// `countOnly` (a finite limit or Infinity) is ZINTERCARD: no members are kept.
function intersection(inputs: readonly Weighted[], how: Aggregation, countOnly: number): { members: Scored[]; count: number } {
  const members: Scored[] = [];
  let count = 0;
  const [first, ...others] = inputs;
  if (first === undefined || first.source.size === 0) return { members, count };
  first.source.walk((member, score) => {
    let total = first.weight * score;
    if (Number.isNaN(total)) total = 0;
    for (const { source, weight } of others) {
      // The same object as the one walked: its score is the walked one (Redis avoids
      // looking into the set it iterates). No NaN guard on these, as in Redis.
      const found = source.identity === first.source.identity ? score : source.find(member);
      if (found === undefined) return true;
      total = aggregateInto(total, found * weight, how);
    }
    count++;
    if (countOnly > 0) return count < countOnly;
    members.push({ member, score: total });
    return true;
  });
  return { members, count };
}

// The members of the first input found in none of the others, with their own scores
// (ZDIFF has no weights). The first input named again later empties the result.
function difference(sources: readonly Source[]): Scored[] {
  const [first, ...others] = sources;
  const result: Scored[] = [];
  if (first.size === 0 || others.some((other) => other.identity === first.identity)) return result;
  first.walk((member, score) => {
    if (!others.some((other) => other.find(member) !== undefined)) result.push({ member, score });
  });
  return result;
}

// ---------------------------------------------------------------------------
// The results

/** Sorted-set order: by score, then by member bytes (latin1 compares as memcmp). */
export function inZsetOrder(members: Scored[]): Scored[] {
  return members.sort((a, b) => (a.score !== b.score ? (a.score < b.score ? -1 : 1) : a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
}

/**
 * The reply of ZUNION, ZINTER, ZDIFF (and ZRANGE-like replies): members in order, with
 * WITHSCORES a flat member, score, member... list in RESP2 and [member, score] pairs in
 * RESP3. Not a map: clients must keep the order (Redis's own comment says so).
 */
export function scoredReply(members: readonly Scored[], withScores: boolean, protocol: number): Frame {
  const member = (m: Scored): Frame => latin1Bulk(m.member);
  const score = (m: Scored): Frame => ({ type: 'double', value: m.score });
  if (!withScores) return array(members.map(member));
  if (protocol === 3) return array(members.map((m) => array([member(m), score(m)])));
  const flat: Frame[] = [];
  for (const m of members) flat.push(member(m), score(m));
  return array(flat);
}

/**
 * Stores `members` at `key` as a new sorted set (its encoding follows the limits, as
 * Redis converts a small result to a listpack), replacing whatever was there and its
 * time to live; an empty result deletes the key. Returns the new size.
 *
 * `builtLarge`: Redis built the result as a skiplist from the start (the set
 * algebra always does, then converts a small result to a listpack), so a score of -0
 * survives in a result that stays a skiplist. Adding members one by one to a new set
 * packs the first ones, and the packed form reads -0 back as 0, as Redis's listpack
 * does; those members are put back with their -0 once the set is a skiplist.
 */
export function storeScored(db: Db, key: string, members: readonly Scored[], builtLarge = true): number {
  if (members.length === 0) {
    db.replace(key, undefined);
    return 0;
  }
  const zset = new RedisSortedSet(db.limits);
  for (const { member, score } of members) zset.add(member, score);
  if (builtLarge && zset.encoding === 'skiplist') {
    for (const { member, score } of members) {
      if (Object.is(score, -0) && !Object.is(zset.score(member), -0)) {
        zset.remove(member);
        zset.add(member, -0);
      }
    }
  }
  db.replace(key, zset);
  return zset.size;
}

/** The whole of ZUNIONSTORE & co once parsed: look the keys up, then the options, then compute and answer. */
export function applySetOperation(command: SetOperation, variant: Variant, context: ConnectionContext): Frame {
  const { db } = context;
  const sources = sourcesAt(db, command.keys);
  if (sources instanceof ReplyError) return sources.frame;
  const options = command.options;
  if (options instanceof ReplyError) return options.frame;
  if (variant.cardinality) return integer(intersectionSize(sources, options.limit));
  const members = compute(variant.operation, sources, options);
  if (command.destination !== undefined) return integer(storeScored(db, command.destination, members));
  return scoredReply(inZsetOrder(members), options.withScores, context.protocol);
}
