// SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA]:
// SORT without STORE (Redis 7.0), so that it is a read-only command a replica or a
// read-only script may run. STORE is simply not an option here: it is a syntax error,
// as any unknown word. The work is SORT's (sort.ts).

import { type CommandSpec } from '../command';
import { type Sort, parseSort, sortCommand } from './sort';

export const sortRo: CommandSpec<Sort> = {
  name: 'sort_ro',
  arity: -2,
  flags: ['readonly', 'movablekeys'],
  categories: ['@read', '@set', '@sortedset', '@list', '@slow', '@dangerous'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Sort the elements in a list, set or sorted set. Read-only variant of SORT.',
  since: '7.0.0',
  group: 'generic',
  syntax: 'key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC|DESC] [ALPHA]',
  keySpecs: [
    { flags: ['RO', 'access'], begin: { index: 1 }, find: { lastKey: 0 } },
    { notes: "For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort", flags: ['RO', 'access'], begin: 'unknown', find: 'unknown' },
  ],
  parse: (args) => parseSort(args, false),
  apply: sortCommand,
};
