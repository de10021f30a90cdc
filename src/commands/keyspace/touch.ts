// TOUCH key [key ...]: "alters the last access time" of the keys and answers how many
// of them exist. In Redis the point is eviction: touching a key makes it recently used,
// so an LRU/LFU policy keeps it. This server has no eviction and keeps no access time,
// so there is nothing to alter, and what is left is the part clients can see: the count.
//
// Like EXISTS it counts arguments, not distinct keys (`TOUCH k k` is 2 when k exists),
// because Redis runs one lookup per argument. A lookup is also where an expired key is
// removed (lazy expiry), so TOUCH never counts a key whose time has passed.
//
// It is also the worked example of CONTRIBUTING.md: the smallest complete command.

import { integer } from '../../protocol/frame';
import { CommandSpec } from '../command';
import { parseKeys } from './del';

export const touch: CommandSpec<readonly string[]> = {
  name: 'touch',
  // At least one key: `TOUCH` alone gets Redis's "wrong number of arguments".
  arity: -2,
  flags: ['readonly', 'fast'],
  categories: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: -1, step: 1 },
  summary: 'Alters the last access time of a key(s). Returns the number of existing keys specified.',
  since: '3.2.1',
  group: 'generic',
  syntax: 'key [key ...]',
  // Keys are byte strings (latin1): no parse errors are possible beyond the arity.
  parse: parseKeys,
  apply(keys, { db }) {
    let touched = 0;
    for (const key of keys) if (db.has(key)) touched++;
    return integer(touched);
  },
};
