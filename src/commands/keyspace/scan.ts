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

import { array, bulk, latin1Bulk } from '../../protocol/frame';
import { globMatch } from '../../db/glob';
import { CommandSpec, ReplyError } from '../command';
import { type ScanOptions, parseScanCursor, parseScanOptions } from './scan-arguments';

interface Scan extends ScanOptions {
  readonly cursor: bigint;
}

function parse(args: readonly Buffer[]): Scan | ReplyError {
  const cursor = parseScanCursor(args[0]);
  if (cursor instanceof ReplyError) return cursor;
  const options = parseScanOptions(args.slice(1), true);
  if (options instanceof ReplyError) return options;
  return { cursor, ...options };
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
      found.push(latin1Bulk(key));
    }
    // The cursor is a bulk STRING, not an integer: Redis cursors are unsigned 64-bit
    // values, and clients are used to treating them as opaque text.
    return array([bulk(String(step.cursor)), array(found)]);
  },
};
