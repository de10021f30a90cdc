// SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA]
// [STORE destination]: the elements of a list, set or sorted set, sorted (or not), with
// values looked up through patterns, as Redis's sort.c does. SORT_RO (sort-ro.ts) is the
// same without STORE; both run `sortCommand` below.
//
// The rules worth knowing, all Redis's:
// - Options come in any order and repeat (the last one wins); the first bad one is the
//   error (a syntax error, or LIMIT's "not an integer"), before the key is looked at.
// - By default elements sort as numbers, read with C's strtod: the whole element must
//   be a number (leading space allowed, "" is 0), neither NaN nor out of a double's
//   range (1e400, 1e-310), or the answer is "One or more scores can't be converted into
//   double". Equal numbers fall back to comparing the elements' bytes, so the order is
//   always defined. ALPHA compares bytes instead.
// - BY pattern sorts by the values of other keys: the pattern's first `*` is replaced by
//   the element, and `->field` at the end reads a field of a hash. A missing key (or
//   field, or a key of another type) sorts as 0, or first under ALPHA. A BY pattern
//   without `*` means "do not sort": a list or sorted set then comes in its own order
//   (reversed by DESC), a set in its iteration order, except that with STORE a set is
//   sorted ALPHA anyway, so that what is stored does not depend on a hash table.
// - GET pattern (repeatable) replies with looked-up values instead of the elements; GET
//   # is the element itself; a missing value is a null reply (an empty string when
//   stored).
// - LIMIT offset count is clamped to the elements, never an error for being out of
//   range; a negative count means "to the end".
// - STORE replaces the destination with a list of the results (deleting it when there
//   are none) and answers their count.
//
// Where this differs from Redis: ALPHA compares bytes (up to a NUL byte when replying,
// all of them when storing), which is what Redis's strcoll and binary compare do in the
// C locale (under another LC_COLLATE, Redis's replies follow that locale's collation). Redis converts a listpack sorted set to a skiplist when it
// sorts it; here the sorted set is left as it is, so OBJECT ENCODING does not change.

import { type Db, isAggregate } from '../../db/db';
import { RedisHash } from '../../db/types/hash';
import { RedisList } from '../../db/types/list';
import { RedisSet } from '../../db/types/set';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { type Frame, array, integer, latin1Bulk, NULL } from '../../protocol/frame';
import { parseLongLongExact } from '../../protocol/integer';
import { parseBoundValue } from '../sorted-sets/score';
import { type CommandSpec, type ConnectionContext, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { WRONGTYPE } from '../typed-value';

export interface Sort {
  readonly key: string;
  readonly by: string | undefined;
  /** A BY pattern without `*`: no sorting at all. */
  readonly dontSort: boolean;
  readonly offset: bigint;
  readonly count: bigint;
  readonly gets: readonly string[];
  readonly desc: boolean;
  readonly alpha: boolean;
  readonly store: string | undefined;
}

const CANNOT_CONVERT = new ReplyError("ERR One or more scores can't be converted into double");

/** Parses SORT's (`store` true) or SORT_RO's options, in Redis's order of checks. */
export function parseSort(args: readonly Buffer[], store: boolean): Sort | ReplyError {
  let by: string | undefined;
  let dontSort = false;
  let offset = 0n;
  let count = -1n;
  let desc = false;
  let alpha = false;
  let storeKey: string | undefined;
  const gets: string[] = [];
  for (let j = 1; j < args.length; j++) {
    const option = args[j].toString('latin1').toLowerCase();
    const left = args.length - j - 1;
    if (option === 'asc') desc = false;
    else if (option === 'desc') desc = true;
    else if (option === 'alpha') alpha = true;
    else if (option === 'limit' && left >= 2) {
      const start = parseLongLongExact(args[j + 1], 0, args[j + 1].length);
      if (start === null) return NOT_AN_INTEGER;
      const n = parseLongLongExact(args[j + 2], 0, args[j + 2].length);
      if (n === null) return NOT_AN_INTEGER;
      offset = start;
      count = n;
      j += 2;
    } else if (store && option === 'store' && left >= 1) {
      storeKey = keyOf(args[++j]);
    } else if (option === 'by' && left >= 1) {
      by = keyOf(args[++j]);
      // strchr on a C string: a '*' after a NUL byte is not seen.
      dontSort = !cString(by).includes('*');
    } else if (option === 'get' && left >= 1) {
      gets.push(keyOf(args[++j]));
    } else return SYNTAX_ERROR;
  }
  return { key: keyOf(args[0]), by, dontSort, offset, count, gets, desc, alpha, store: storeKey };
}

const cString = (text: string): string => {
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
};

/**
 * Redis's lookupKeyByPattern: `#` is the element itself; otherwise the first `*` of the
 * pattern becomes the element and the key's string value is read, or, with `->field`
 * after the `*`, that field of the key's hash. Undefined when there is nothing to read.
 */
function lookupByPattern(db: Db, pattern: string, element: string): string | undefined {
  if (pattern === '#') return element;
  const star = pattern.indexOf('*');
  if (star === -1) return undefined;
  const arrow = pattern.indexOf('->', star + 1);
  const hasField = arrow !== -1 && arrow + 2 < pattern.length;
  const key = pattern.slice(0, star) + element + pattern.slice(star + 1, hasField ? arrow : pattern.length);
  const value = db.value(key);
  if (value === undefined) return undefined;
  if (hasField) return value instanceof RedisHash ? value.get(pattern.slice(arrow + 2)) : undefined;
  if (isAggregate(value)) return undefined;
  return typeof value === 'string' ? value : value.toString('latin1');
}

/** The smallest normal double: below it (and above 0) glibc's strtod sets ERANGE. */
const DBL_MIN = 2.2250738585072014e-308;

/** A sort score as Redis reads it (strtod, whole string, no ERANGE, no NaN), or null. */
function sortScore(text: string): number | null {
  const value = parseBoundValue(text);
  if (value === null || Number.isNaN(value)) return null;
  // parseBoundValue lets overflow through as infinity and underflow as 0 (ZRANGEBYSCORE
  // does); SORT also checks errno, which strtod sets to ERANGE for both.
  const trimmed = cString(text).replace(/^[ \t\n\v\f\r]+/, '');
  if (!Number.isFinite(value)) return /^[+-]?inf/i.test(trimmed) ? value : null;
  if (value !== 0) return Math.abs(value) < DBL_MIN ? null : value;
  // Zero: an underflow if the digits before the exponent were not all zeros.
  const hex = /^[+-]?0[xX]/.test(trimmed);
  const mantissa = trimmed.replace(/^[+-]?(0[xX])?/, '').split(hex ? /[pP]/ : /[eE]/)[0];
  if ((hex ? /[1-9a-fA-F]/ : /[1-9]/).test(mantissa)) return null;
  return value;
}

/** Bytewise comparison of latin1 strings (one char per byte, so code units order as bytes). */
const compareBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** strcoll in the C locale: bytewise, up to the first NUL byte of each. */
const compareCStrings = (a: string, b: string): number => compareBytes(cString(a), cString(b));

interface Item {
  readonly element: string;
  score: number;
  /** The BY value under ALPHA; undefined when missing (it sorts first). */
  by: string | undefined;
}

/** The elements to sort and their count, or WRONGTYPE. A missing key is an empty list. */
function source(db: Db, key: string): RedisList | RedisSet | RedisSortedSet | ReplyError {
  const value = db.value(key);
  if (value === undefined) return new RedisList(db.limits);
  if (value instanceof RedisList || value instanceof RedisSet || value instanceof RedisSortedSet) return value;
  return WRONGTYPE;
}

/** Runs SORT or SORT_RO. */
export function sortCommand(command: Sort, { db, fromScript }: ConnectionContext): Frame {
  const value = source(db, command.key);
  if (value instanceof ReplyError) return value.frame;
  let { dontSort, alpha, by } = command;
  const { desc } = command;
  // A set has no order of its own: what STORE writes, and what a script reads, must not
  // depend on a hash table (Redis: storekey or CLIENT_SCRIPT).
  if (dontSort && value instanceof RedisSet && (command.store !== undefined || fromScript === true)) {
    dontSort = false;
    alpha = true;
    by = undefined;
  }

  // LIMIT, clamped as Redis clamps it.
  const length = value.size;
  const n = BigInt(length);
  let start = Number(command.offset < 0n ? 0n : command.offset > n ? n : command.offset);
  const count = Number(command.count < -1n ? -1n : command.count > n ? n : command.count);
  let end = count < 0 ? length - 1 : start + count - 1;
  if (start >= length) {
    start = length - 1;
    end = length - 2;
  }
  if (end >= length) end = length - 1;

  let elements: string[];
  if (dontSort && !(value instanceof RedisSet)) {
    // A list or sorted set in its own order (DESC: reversed), only the LIMIT's range.
    elements = [];
    if (end >= start) {
      const ordered = value instanceof RedisList ? [...value.values()] : [...value.entries()].map(([member]) => member);
      if (desc) ordered.reverse();
      elements = ordered.slice(start, end + 1);
      end -= start;
      start = 0;
    }
  } else if (value instanceof RedisList) elements = [...value.values()];
  else if (value instanceof RedisSet) elements = value.members();
  else elements = [...value.entries()].map(([member]) => member);

  if (!dontSort) {
    const items: Item[] = elements.map((element) => ({ element, score: 0, by: undefined }));
    let unconvertible = false;
    for (const item of items) {
      const sortValue = by !== undefined ? lookupByPattern(db, by, item.element) : item.element;
      if (sortValue === undefined) continue;
      if (alpha) {
        if (by !== undefined) item.by = sortValue;
      } else {
        const score = sortScore(sortValue);
        if (score === null) unconvertible = true;
        else item.score = score;
      }
    }
    if (unconvertible) return CANNOT_CONVERT.frame;
    const direction = desc ? -1 : 1;
    // Under ALPHA, Redis compares with strcoll (C strings: up to a NUL byte) when it
    // replies, and with a binary compare when it stores.
    const compare = command.store === undefined ? compareCStrings : compareBytes;
    items.sort((a, b) => direction * compareItems(a, b, alpha, by !== undefined, compare));
    elements = items.map((item) => item.element);
  }

  const results: (string | undefined)[] = [];
  for (let j = start; j <= end; j++) {
    if (command.gets.length === 0) results.push(elements[j]);
    for (const pattern of command.gets) results.push(lookupByPattern(db, pattern, elements[j]));
  }

  if (command.store === undefined) {
    return array(results.map((result) => (result === undefined ? NULL : latin1Bulk(result))));
  }
  if (results.length > 0) db.replace(command.store, RedisList.of(db.limits, results.map((result) => result ?? '')));
  else db.delete(command.store);
  return integer(results.length);
}

/** Redis's sortCompare, before DESC flips it. */
function compareItems(a: Item, b: Item, alpha: boolean, byPattern: boolean, compare: (a: string, b: string) => number): number {
  if (!alpha) return a.score > b.score ? 1 : a.score < b.score ? -1 : compareBytes(a.element, b.element);
  if (!byPattern) return compare(a.element, b.element);
  if (a.by === undefined || b.by === undefined) return a.by === b.by ? 0 : a.by === undefined ? -1 : 1;
  return compare(a.by, b.by);
}

export const sort: CommandSpec<Sort> = {
  name: 'sort',
  arity: -2,
  flags: ['write', 'denyoom', 'movablekeys'],
  categories: ['@write', '@set', '@sortedset', '@list', '@slow', '@dangerous'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Sort the elements in a list, set or sorted set',
  since: '1.0.0',
  group: 'generic',
  syntax: 'key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC|DESC] [ALPHA] [STORE destination]',
  keySpecs: [
    { flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0 } },
    { notes: "For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort", flags: ['RO', 'access'], begin: 'unknown', find: 'unknown' },
    { notes: "For the optional STORE keyword. It is marked 'unknown' because the keyword can appear anywhere in the argument array", flags: ['OW', 'update'], begin: 'unknown', find: 'unknown' },
  ],
  parse: (args) => parseSort(args, true),
  apply: sortCommand,
};
