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
import { globMatch } from '../../db/glob';
import { RedisSet } from '../../db/types/set';
import { CommandSpec, ReplyError } from '../command';
import { EMPTY_SCAN, type KeyScan, parseKeyScan } from '../keyspace/scan-arguments';
import { readAs } from '../typed-value';
import { memberArrayFrame } from './member-frame';

export const sscan: CommandSpec<KeyScan> = {
  name: 'sscan',
  arity: -3,
  flags: ['readonly'],
  categories: ['@read', '@set', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Incrementally iterate Set elements',
  since: '2.8.0',
  group: 'set',
  syntax: 'key cursor [MATCH pattern] [COUNT count]',
  tips: ['nondeterministic_output'],
  parse: parseKeyScan,
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
