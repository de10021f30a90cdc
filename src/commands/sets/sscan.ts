// SSCAN key cursor [MATCH pattern] [COUNT count]: walks a set a few members per call.
// Each reply is [next cursor, members]; the walk is over when the cursor is "0".
//
// - An intset answers every member in one step with cursor 0, whatever the cursor and
//   COUNT, as Redis does for its compact encodings (they are small by definition).
// - A hash table walks a snapshot taken at cursor 0 (RedisSet.scan): every member
//   present for the whole walk is returned, as Redis guarantees, and the walk ends.
// - MATCH filters the members looked at, so a step may answer none and not be the last.
//
// Redis's order of checks: the cursor first (an invalid cursor is an error even on a
// missing key), then the key (a missing key answers an empty walk, whatever options
// follow; another type is WRONGTYPE), and only then the options, in order.

import { type Frame, array, bulk } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { globMatch } from '../../db/glob';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { readAs } from '../typed-value';
import { memberArrayFrame } from './member-frame';

interface ScanOptions {
  readonly pattern?: string;
  readonly count: number;
}

interface Scan {
  readonly key: string;
  readonly cursor: bigint;
  /** The options, or their error: reported only once the key is known to hold a set. */
  readonly options: ScanOptions | ReplyError;
}

const INVALID_CURSOR = new ReplyError('ERR invalid cursor');
const ULONG_MAX = 2n ** 64n - 1n;
const EMPTY_SCAN: Frame = array([bulk('0'), array([])]);

/**
 * The cursor as Redis reads it (parseScanCursorOrReply): C's strtoul in base 10, so it
 * stops at a NUL byte, takes a sign (a negative value wraps around 2^64), reads an
 * empty string as 0, and fails on a leading space, trailing garbage and past 2^64 - 1.
 */
function parseCursor(arg: Buffer): bigint | ReplyError {
  const nul = arg.indexOf(0);
  const text = (nul === -1 ? arg : arg.subarray(0, nul)).toString('latin1');
  if (text === '') return 0n;
  const match = /^([+-]?)([0-9]+)$/.exec(text);
  if (match === null) return INVALID_CURSOR;
  const magnitude = BigInt(match[2]);
  if (magnitude > ULONG_MAX) return INVALID_CURSOR;
  return match[1] === '-' ? (ULONG_MAX + 1n - magnitude) % (ULONG_MAX + 1n) : magnitude;
}

function parseOptions(args: readonly Buffer[]): ScanOptions | ReplyError {
  let pattern: string | undefined;
  let count = 10;
  for (let i = 0; i < args.length; i += 2) {
    const option = args[i].toString('latin1').toLowerCase();
    if (i + 1 >= args.length) return SYNTAX_ERROR;
    const value = args[i + 1];
    if (option === 'count') {
      const n = parseLongLong(value, 0, value.length);
      if (n === null) return NOT_AN_INTEGER;
      if (n < 1) return SYNTAX_ERROR;
      count = n;
    } else if (option === 'match') {
      const p = keyOf(value);
      pattern = p === '*' ? undefined : p; // the catch-all needs no matching
    } else return SYNTAX_ERROR;
  }
  return { pattern, count };
}

function parse(args: readonly Buffer[]): Scan | ReplyError {
  const cursor = parseCursor(args[1]);
  if (cursor instanceof ReplyError) return cursor;
  return { key: keyOf(args[0]), cursor, options: parseOptions(args.slice(2)) };
}

export const sscan: CommandSpec<Scan> = {
  name: 'sscan',
  arity: -3,
  flags: ['readonly'],
  categories: ['@read', '@set', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Incrementally iterate Set elements',
  since: '2.8.0',
  group: 'set',
  syntax: 'key cursor [MATCH pattern] [COUNT count]',
  parse,
  apply({ key, cursor, options }, { db }) {
    const set = readAs(db, key, RedisSet);
    if (set instanceof ReplyError) return set.frame;
    if (set === undefined) return EMPTY_SCAN;
    if (options instanceof ReplyError) return options.frame;
    // Our cursors stay below 2^53; a larger one is unknown to the set, which starts over.
    const step = set.scan(cursor > BigInt(Number.MAX_SAFE_INTEGER) ? 1 : Number(cursor), options.count);
    const pattern = options.pattern;
    const members = pattern === undefined ? step.members : step.members.filter((member) => globMatch(pattern, member));
    return array([bulk(String(step.cursor)), memberArrayFrame(members)]);
  },
};
