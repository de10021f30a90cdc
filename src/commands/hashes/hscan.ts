// HSCAN key cursor [MATCH pattern] [COUNT count]: walks a hash a few pairs per call.
// Each reply is [next cursor, [field, value, field, value...]]; the walk is over when
// the cursor comes back as "0".
//
// A small (listpack) hash is returned whole in one step with cursor 0, whatever the
// cursor and COUNT, as Redis does: it is small by definition. A hashtable hash is
// walked by RedisHash.scan, which keeps SCAN's promise (every pair present for the
// whole walk is returned, see src/db/types/hash.ts). MATCH filters on the fields,
// after the pairs are visited, so a step may return nothing and still not be the last.
//
// Redis's order of checks, which this follows: the cursor (even for a missing key),
// then the key (a missing key answers the empty scan without reading the options; a
// key of another type is WRONGTYPE), and only then the options: COUNT must be an
// integer ("value is not an integer or out of range") of at least 1 ("syntax error"),
// anything else is a syntax error (TYPE too: it is SCAN's alone).

import { type Frame, array, bulk } from '../../protocol/frame';
import { globMatch } from '../../db/glob';
import { RedisHash } from '../../db/types/hash';
import { CommandSpec, ReplyError } from '../command';
import { readAs } from '../typed-value';
import { fieldFrame } from './field-frame';
import { EMPTY_SCAN, type KeyScan, parseKeyScan } from '../keyspace/scan-arguments';

export const hscan: CommandSpec<KeyScan> = {
  name: 'hscan',
  arity: -3,
  flags: ['readonly'],
  categories: ['@read', '@hash', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Incrementally iterate hash fields and associated values',
  since: '2.8.0',
  group: 'hash',
  syntax: 'key cursor [MATCH pattern] [COUNT count]',
  tips: ['nondeterministic_output'],
  parse: parseKeyScan,
  apply({ key, cursor, options }, { db }) {
    const hash = readAs(db, key, RedisHash);
    if (hash instanceof ReplyError) return hash.frame;
    if (hash === undefined) return EMPTY_SCAN;
    const parsed = options;
    if (parsed instanceof ReplyError) return parsed.frame;
    // A cursor past the hash's size means "from the top" to RedisHash.scan (Number() of a
    // cursor near 2^64 is still larger than any size).
    const step = hash.scan(Number(cursor), parsed.count);
    const items: Frame[] = [];
    for (let i = 0; i < step.pairs.length; i += 2) {
      if (parsed.pattern !== undefined && !globMatch(parsed.pattern, step.pairs[i])) continue;
      items.push(fieldFrame(step.pairs[i]), fieldFrame(step.pairs[i + 1]));
    }
    return array([bulk(String(step.cursor)), array(items)]);
  },
};
