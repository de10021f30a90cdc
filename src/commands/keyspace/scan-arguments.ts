// The arguments every SCAN-family command shares (SCAN, HSCAN, SSCAN, ZSCAN): the
// cursor, and the MATCH / COUNT options (plus TYPE, SCAN's alone), read as Redis reads
// them (parseScanCursorOrReply and scanGenericCommand in db.c). One module, so the four
// commands cannot drift apart in their error texts.

import { type Frame, array, bulk } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';

const INVALID_CURSOR = new ReplyError('ERR invalid cursor');
const ULONG_MAX = 2n ** 64n - 1n;

/**
 * The cursor as Redis reads it: C's strtoul in base 10, so it stops at a NUL byte,
 * takes a sign (a negative value wraps around 2^64, "-0" is 0), answers 0 for an empty
 * string, and fails on a leading space, on trailing garbage and past 2^64 - 1.
 */
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

export interface ScanOptions {
  /** The MATCH glob; absent for none (or for `*`, which matches everything anyway). */
  readonly pattern?: string;
  /** COUNT: how many elements a step looks at (10 by default). */
  readonly count: number;
  /** SCAN's TYPE filter, lower case. */
  readonly type?: string;
}

/**
 * MATCH, COUNT and (when `withType`) TYPE, in any order and repeated (the last one
 * wins), each with its argument. COUNT must be an integer ("value is not an integer")
 * of at least 1 ("syntax error"); anything else is a syntax error.
 */
export function parseScanOptions(args: readonly Buffer[], withType: boolean): ScanOptions | ReplyError {
  let pattern: string | undefined;
  let count = 10;
  let type: string | undefined;
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
    } else if (withType && option === 'type') {
      // Redis compares the type name with strcasecmp: up to a NUL, ignoring case.
      const nul = value.indexOf(0);
      type = (nul === -1 ? value : value.subarray(0, nul)).toString('latin1').toLowerCase();
    } else return SYNTAX_ERROR;
  }
  return { pattern, count, type };
}

/** HSCAN / SSCAN / ZSCAN key cursor [options]: the key and cursor read, the options kept for later. */
export interface KeyScan {
  readonly key: string;
  readonly cursor: bigint;
  /**
   * MATCH and COUNT, or their error. Redis reads them only once the key is known to hold
   * the right type (a missing key answers the empty scan, whatever the options say), so
   * an error here is reported only then.
   */
  readonly options: ScanOptions | ReplyError;
}

/** The arguments of HSCAN, SSCAN and ZSCAN, checked in Redis's order: the cursor first, even for a missing key. */
export function parseKeyScan(args: readonly Buffer[]): KeyScan | ReplyError {
  const cursor = parseScanCursor(args[1]);
  if (cursor instanceof ReplyError) return cursor;
  return { key: keyOf(args[0]), cursor, options: parseScanOptions(args.slice(2), false) };
}

/** The reply of a scan over a missing key: cursor 0, nothing found. */
export const EMPTY_SCAN: Frame = array([bulk('0'), array([])]);
