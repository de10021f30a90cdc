// COMMAND DOCS for the hash commands: what Redis 7.0.15 documents beyond a command's
// summary, since and group (its time complexity, its history, and, where the one-line
// syntax cannot carry it, Redis's own argument tree: Redis's argument names, integer and
// double types, the version that added an argument, which key spec a key belongs to),
// as redis-server answers COMMAND DOCS. redis-cli builds its hints from the arguments.
//
// Documentation, kept as data beside the command table as Redis keeps it (its
// commands/*.json files, apart from t_*.c): docs.ts merges an entry into the command's
// reply. A spec test compares every entry with redis-server.

import type { CommandDocs } from './command-docs';

export const hashesDocs: readonly (readonly [string, CommandDocs])[] = [
  [
    'hset',
    {
      complexity: 'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
      history: [['4.0.0', 'Accepts multiple `field` and `value` arguments.']],
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        {
          name: 'field_value',
          type: 'block',
          flags: ['multiple'],
          arguments: [{ name: 'field', type: 'string' }, { name: 'value', type: 'string' }],
        },
      ],
    },
  ],
  ['hsetnx', { complexity: 'O(1)' }],
  ['hget', { complexity: 'O(1)' }],
  ['hmget', { complexity: 'O(N) where N is the number of fields being requested.' }],
  [
    'hmset',
    {
      complexity: 'O(N) where N is the number of fields being set.',
      docFlags: ['deprecated'],
      deprecatedSince: '4.0.0',
      replacedBy: '`HSET` with multiple field-value pairs',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        {
          name: 'field_value',
          type: 'block',
          flags: ['multiple'],
          arguments: [{ name: 'field', type: 'string' }, { name: 'value', type: 'string' }],
        },
      ],
    },
  ],
  ['hgetall', { complexity: 'O(N) where N is the size of the hash.' }],
  [
    'hdel',
    {
      complexity: 'O(N) where N is the number of fields to be removed.',
      history: [['2.4.0', 'Accepts multiple `field` arguments.']],
    },
  ],
  ['hexists', { complexity: 'O(1)' }],
  ['hlen', { complexity: 'O(1)' }],
  ['hstrlen', { complexity: 'O(1)' }],
  ['hkeys', { complexity: 'O(N) where N is the size of the hash.' }],
  ['hvals', { complexity: 'O(N) where N is the size of the hash.' }],
  ['hincrby', { complexity: 'O(1)' }],
  [
    'hincrbyfloat',
    {
      complexity: 'O(1)',
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'field', type: 'string' }, { name: 'increment', type: 'double' }],
    },
  ],
  [
    'hrandfield',
    {
      complexity: 'O(N) where N is the number of fields returned',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        {
          name: 'options',
          type: 'block',
          flags: ['optional'],
          arguments: [
            { name: 'count', type: 'integer' },
            { name: 'withvalues', type: 'pure-token', token: 'WITHVALUES', flags: ['optional'] },
          ],
        },
      ],
    },
  ],
  [
    'hscan',
    {
      complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    },
  ],
];
