// COMMAND DOCS for the set commands: what Redis 7.0.15 documents beyond a command's
// summary, since and group (its time complexity, its history, and, where the one-line
// syntax cannot carry it, Redis's own argument tree: Redis's argument names, integer and
// double types, the version that added an argument, which key spec a key belongs to),
// as redis-server answers COMMAND DOCS. redis-cli builds its hints from the arguments.
//
// Documentation, kept as data beside the command table as Redis keeps it (its
// commands/*.json files, apart from t_*.c): docs.ts merges an entry into the command's
// reply. A spec test compares every entry with redis-server.

import type { CommandDocs } from './command-docs';

export const setsDocs: readonly (readonly [string, CommandDocs])[] = [
  [
    'sadd',
    {
      complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
      history: [['2.4.0', 'Accepts multiple `member` arguments.']],
    },
  ],
  [
    'srem',
    {
      complexity: 'O(N) where N is the number of members to be removed.',
      history: [['2.4.0', 'Accepts multiple `member` arguments.']],
    },
  ],
  ['smembers', { complexity: 'O(N) where N is the set cardinality.' }],
  ['sismember', { complexity: 'O(1)' }],
  ['smismember', { complexity: 'O(N) where N is the number of elements being checked for membership' }],
  ['scard', { complexity: 'O(1)' }],
  [
    'spop',
    {
      complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.',
      history: [['3.2.0', 'Added the `count` argument.']],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'count', type: 'integer', since: '3.2.0', flags: ['optional'] }],
    },
  ],
  [
    'srandmember',
    {
      complexity: 'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.',
      history: [['2.6.0', 'Added the optional `count` argument.']],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'count', type: 'integer', since: '2.6.0', flags: ['optional'] }],
    },
  ],
  ['sinter', { complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.' }],
  ['sunion', { complexity: 'O(N) where N is the total number of elements in all given sets.' }],
  ['sdiff', { complexity: 'O(N) where N is the total number of elements in all given sets.' }],
  [
    'sinterstore',
    {
      complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
      arguments: [{ name: 'destination', type: 'key', keySpecIndex: 0 }, { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] }],
    },
  ],
  [
    'sunionstore',
    {
      complexity: 'O(N) where N is the total number of elements in all given sets.',
      arguments: [{ name: 'destination', type: 'key', keySpecIndex: 0 }, { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] }],
    },
  ],
  [
    'sdiffstore',
    {
      complexity: 'O(N) where N is the total number of elements in all given sets.',
      arguments: [{ name: 'destination', type: 'key', keySpecIndex: 0 }, { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] }],
    },
  ],
  [
    'sintercard',
    {
      complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
      arguments: [
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
        { name: 'limit', type: 'integer', token: 'LIMIT', flags: ['optional'] },
      ],
    },
  ],
  [
    'smove',
    {
      complexity: 'O(1)',
      arguments: [
        { name: 'source', type: 'key', keySpecIndex: 0 },
        { name: 'destination', type: 'key', keySpecIndex: 1 },
        { name: 'member', type: 'string' },
      ],
    },
  ],
  [
    'sscan',
    {
      complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    },
  ],
];
