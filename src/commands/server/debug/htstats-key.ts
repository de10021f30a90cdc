// DEBUG HTSTATS-KEY key: the statistics of the hash table behind a value (a hashtable
// set or hash, a skiplist sorted set's member dict), in the text of Redis's
// dictGetStats. Values in a compact encoding (listpack, intset) or a list have no hash
// table, and get Redis's error.
//
// The figures describe the table Redis would have for that many elements (its size is
// the power of two Redis grows to, at least 4) with each element in a slot of its own:
// this server's tables are JS Maps, whose chains cannot be observed. So a test that
// provokes long chains or catches a rehash in progress (Redis's SRANDMEMBER chi-square
// test over a degenerate table) cannot see them here.

import { verbatimText } from '../verbatim-text';
import { ReplyError, keyOf } from '../../command';
import { encodingOf } from '../../keyspace/object/value-encoding';
import { NO_SUCH_KEY } from './object';
import { type DebugSubcommand, exactly } from './subcommand';
import { isAggregate } from '../../../db/db';

const NOT_A_HASH_TABLE = new ReplyError('ERR The value stored at the specified key is not represented using an hash table');

/** The size Redis's dict has for `n` elements: it doubles once `n` reaches the size, and starts at 4. */
function tableSize(n: number): number {
  let size = 4;
  while (size < n) size *= 2;
  return size;
}

/** dictGetStats' text for a table of `n` elements, one per slot. */
export function hashTableStats(n: number): string {
  if (n === 0) return 'Hash table 0 stats (main hash table):\nNo stats available for empty dictionaries\n';
  const size = tableSize(n);
  const percent = (count: number): string => ((count / size) * 100).toFixed(2);
  let text =
    'Hash table 0 stats (main hash table):\n' +
    ` table size: ${size}\n` +
    ` number of elements: ${n}\n` +
    ` different slots: ${n}\n` +
    ' max chain length: 1\n' +
    ' avg chain length (counted): 1.00\n' +
    ' avg chain length (computed): 1.00\n' +
    ' Chain length distribution:\n';
  if (size > n) text += `   0: ${size - n} (${percent(size - n)}%)\n`;
  text += `   1: ${n} (${percent(n)}%)\n`;
  return text;
}

export const debugHtstatsKey: DebugSubcommand = {
  name: 'htstats-key',
  accepts: exactly(3),
  run(args, { db }) {
    const value = db.value(keyOf(args[0]));
    if (value === undefined) return NO_SUCH_KEY.frame;
    const encoding = encodingOf(value);
    if (!isAggregate(value) || (encoding !== 'hashtable' && encoding !== 'skiplist')) return NOT_A_HASH_TABLE.frame;
    return verbatimText(hashTableStats(value.size));
  },
};
