// COMMAND DOCS for the SORT and SORT_RO commands: what Redis 7.0.15 documents beyond a command's
// summary, since and group (its time complexity, its history, and, where the one-line
// syntax cannot carry it, Redis's own argument tree: Redis's argument names, integer and
// double types, the version that added an argument, which key spec a key belongs to),
// as redis-server answers COMMAND DOCS. redis-cli builds its hints from the arguments.
//
// Documentation, kept as data beside the command table as Redis keeps it (its
// commands/*.json files, apart from t_*.c): docs.ts merges an entry into the command's
// reply. A spec test compares every entry with redis-server.

import type { CommandDocs } from './command-docs';

export const sortDocs: readonly (readonly [string, CommandDocs])[] = [
  [
    'sort',
    {
      complexity: 'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'BY', flags: ['optional'] },
        {
          name: 'offset_count',
          type: 'block',
          token: 'LIMIT',
          flags: ['optional'],
          arguments: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }],
        },
        { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'GET', flags: ['optional', 'multiple', 'multiple_token'] },
        {
          name: 'order',
          type: 'oneof',
          flags: ['optional'],
          arguments: [{ name: 'asc', type: 'pure-token', token: 'ASC' }, { name: 'desc', type: 'pure-token', token: 'DESC' }],
        },
        { name: 'sorting', type: 'pure-token', token: 'ALPHA', flags: ['optional'] },
        { name: 'destination', type: 'key', keySpecIndex: 2, token: 'STORE', flags: ['optional'] },
      ],
    },
  ],
  [
    'sort_ro',
    {
      complexity: 'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'BY', flags: ['optional'] },
        {
          name: 'offset_count',
          type: 'block',
          token: 'LIMIT',
          flags: ['optional'],
          arguments: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }],
        },
        { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'GET', flags: ['optional', 'multiple', 'multiple_token'] },
        {
          name: 'order',
          type: 'oneof',
          flags: ['optional'],
          arguments: [{ name: 'asc', type: 'pure-token', token: 'ASC' }, { name: 'desc', type: 'pure-token', token: 'DESC' }],
        },
        { name: 'sorting', type: 'pure-token', token: 'ALPHA', flags: ['optional'] },
      ],
    },
  ],
];
