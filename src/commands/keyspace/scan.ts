// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]: walks the keyspace a few keys
// per call. Each reply is [next cursor, keys]; the walk is over when the cursor comes
// back as "0".
//
// The guarantee clients rely on: every key that exists for the whole walk is returned
// at least once, whatever is added or deleted between calls. Redis gets it from
// reverse-binary iteration over hash buckets; the Db gets it more simply (Db.scan, db/scan-cursors.ts):
// cursor 0 takes a snapshot of the key list, and the cursor is a position in it. A key
// present for the whole walk is in the snapshot, so it is returned; keys deleted since
// are skipped; keys created during the walk may be missed (SCAN allows that); and the
// walk always ends, however fast keys are created. A cursor the Db no longer knows
// (one of many concurrent scans, long abandoned) starts the walk over: repeated keys
// are allowed, missed ones are not.
//
// As in Redis, COUNT bounds the keys looked at, and MATCH and TYPE filter those
// afterwards: a step may return no keys and still not be the last.

import { array, bulk } from '../../protocol/frame';
import { globMatch } from '../../db/glob';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { parseLongLong } from '../../protocol/integer';

interface Scan {
  readonly cursor: bigint;
  readonly pattern?: string;
  readonly count: number;
  readonly type?: string;
}

const INVALID_CURSOR = new ReplyError('ERR invalid cursor');
const ULONG_MAX = 2n ** 64n - 1n;

/**
 * The cursor as Redis reads it (parseScanCursorOrReply): C's strtoul in base 10, so it
 * stops at a NUL byte, takes a sign (a negative value wraps around 2^64, "-0" is 0),
 * answers 0 for an empty string, and fails on a leading space, on trailing garbage
 * and past 2^64 - 1.
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

function parse(args: readonly Buffer[]): Scan | ReplyError {
  const cursor = parseCursor(args[0]);
  if (cursor instanceof ReplyError) return cursor;
  let pattern: string | undefined;
  let count = 10;
  let type: string | undefined;
  // Options may repeat; the last one wins. Each needs its argument.
  for (let i = 1; i < args.length; i += 2) {
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
    } else if (option === 'type') {
      // Redis compares the type name with strcasecmp: up to a NUL, ignoring case.
      const nul = value.indexOf(0);
      type = (nul === -1 ? value : value.subarray(0, nul)).toString('latin1').toLowerCase();
    } else return SYNTAX_ERROR;
  }
  return { cursor, pattern, count, type };
}

export const scan: CommandSpec<Scan> = {
  name: 'scan',
  arity: -2,
  flags: ['readonly'],
  categories: ['@keyspace', '@read', '@slow'],
  summary: 'Incrementally iterate the keys space',
  since: '2.8.0',
  group: 'generic',
  syntax: 'cursor [MATCH pattern] [COUNT count] [TYPE type]',
  parse,
  apply({ cursor, pattern, count, type }, { db }) {
    // Cursors stay below 2^53 (Db.scan); a larger one is unknown and starts over.
    const step = db.scan(Number(cursor), count);
    const found = [];
    for (const key of step.keys) {
      if (pattern !== undefined && !globMatch(pattern, key)) continue;
      // TYPE filters after the walk, like MATCH: the cursor advances over keys of every
      // type, and a step may come back empty without being the last one.
      if (type !== undefined && db.entry(key)?.type !== type) continue;
      found.push(bulk(Buffer.from(key, 'latin1')));
    }
    // The cursor is a bulk STRING, not an integer: Redis cursors are unsigned 64-bit
    // values, and clients are used to treating them as opaque text.
    return array([bulk(String(step.cursor)), array(found)]);
  },
};
