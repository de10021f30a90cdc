// EXISTS key [key ...]: how many of the named keys exist. Repeats count every time
// (`EXISTS k k` is 2 when k exists): Redis counts arguments, not distinct keys, and
// clients rely on comparing the answer with the number of keys they asked about.

import { integer } from '../../protocol/frame';
import { CommandSpec } from '../command';
import { parseKeys } from './del';

export const exists: CommandSpec<readonly string[]> = {
  name: 'exists',
  arity: -2,
  flags: ['readonly', 'fast'],
  categories: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: -1, step: 1 },
  summary: 'Determine if a key exists',
  since: '1.0.0',
  group: 'generic',
  syntax: 'key [key ...]',
  parse: parseKeys,
  apply(keys, { db }) {
    let found = 0;
    for (const key of keys) if (db.has(key)) found++;
    return integer(found);
  },
};
