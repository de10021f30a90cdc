// ZSCAN key cursor [MATCH pattern] [COUNT count]: walks a sorted set a few members per
// call. Each reply is [next cursor, [member, score, member, score...]], the scores as
// text (Redis's d2string, what %.17g prints: SCAN replies are strings in RESP3 too);
// the walk is over when the cursor comes back as "0".
//
// A small (listpack) sorted set is returned whole in one step with cursor 0, in score
// order, whatever the cursor and COUNT, as Redis does. A large one is walked with SCAN's
// snapshot cursors (db/scan-cursors.ts): every member present for the whole walk is
// returned. The walks in progress are kept beside the sorted sets, in a WeakMap, not in
// them: a sorted set nobody scans carries nothing for it, and a set that is deleted
// takes its walks with it.
//
// Redis's order of checks: the cursor (even for a missing key), then the key, and only
// then the options (see keyspace/scan-arguments.ts).

import { type Frame, array, bulk, latin1Bulk } from '../../protocol/frame';
import { formatDouble } from '../../protocol/double';
import { globMatch } from '../../db/glob';
import { ScanCursors } from '../../db/scan-cursors';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError } from '../command';
import { EMPTY_SCAN, type KeyScan, parseKeyScan } from '../keyspace/scan-arguments';
import { readAs } from '../typed-value';

const walks = new WeakMap<RedisSortedSet, ScanCursors<string>>();

export const zscan: CommandSpec<KeyScan> = {
  name: 'zscan',
  arity: -3,
  flags: ['readonly'],
  categories: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Incrementally iterate sorted sets elements and associated scores',
  since: '2.8.0',
  group: 'sorted-set',
  syntax: 'key cursor [MATCH pattern] [COUNT count]',
  tips: ['nondeterministic_output'],
  parse: parseKeyScan,
  apply({ key, cursor, options }, { db }) {
    const zset = readAs(db, key, RedisSortedSet);
    if (zset instanceof ReplyError) return zset.frame;
    if (zset === undefined) return EMPTY_SCAN;
    const parsed = options;
    if (parsed instanceof ReplyError) return parsed.frame;
    let members: readonly string[];
    let next = 0;
    if (zset.encoding === 'listpack') members = [...zset.entries()].map(([member]) => member);
    else {
      let cursors = walks.get(zset);
      if (cursors === undefined) walks.set(zset, (cursors = new ScanCursors<string>()));
      // Cursors stay below 2^53; a larger one is unknown and starts over.
      const position = cursor > BigInt(Number.MAX_SAFE_INTEGER) ? 1 : Number(cursor);
      const step = cursors.step(position, parsed.count, () => [...zset.entries()].map(([member]) => member), (m) => zset.has(m));
      members = step.items;
      next = step.cursor;
    }
    const items: Frame[] = [];
    for (const member of members) {
      if (parsed.pattern !== undefined && !globMatch(parsed.pattern, member)) continue;
      items.push(latin1Bulk(member), bulk(formatDouble(zset.score(member)!)));
    }
    return array([bulk(String(next)), array(items)]);
  },
};
