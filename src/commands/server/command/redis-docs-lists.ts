// COMMAND DOCS for the list commands: what Redis 7.0.15 documents beyond a command's
// summary, since and group (its time complexity, its history, and, where the one-line
// syntax cannot carry it, Redis's own argument tree: Redis's argument names, integer and
// double types, the version that added an argument, which key spec a key belongs to),
// as redis-server answers COMMAND DOCS. redis-cli builds its hints from the arguments.
//
// Documentation, kept as data beside the command table as Redis keeps it (its
// commands/*.json files, apart from t_*.c): docs.ts merges an entry into the command's
// reply. A spec test compares every entry with redis-server.

import type { CommandDocs } from './command-docs';

export const listsDocs: readonly (readonly [string, CommandDocs])[] = [
  [
    'lpush',
    {
      complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
      history: [['2.4.0', 'Accepts multiple `element` arguments.']],
    },
  ],
  [
    'rpush',
    {
      complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
      history: [['2.4.0', 'Accepts multiple `element` arguments.']],
    },
  ],
  [
    'lpushx',
    {
      complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
      history: [['4.0.0', 'Accepts multiple `element` arguments.']],
    },
  ],
  [
    'rpushx',
    {
      complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
      history: [['4.0.0', 'Accepts multiple `element` arguments.']],
    },
  ],
  [
    'lpop',
    {
      complexity: 'O(N) where N is the number of elements returned',
      history: [['6.2.0', 'Added the `count` argument.']],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'count', type: 'integer', since: '6.2.0', flags: ['optional'] }],
    },
  ],
  [
    'rpop',
    {
      complexity: 'O(N) where N is the number of elements returned',
      history: [['6.2.0', 'Added the `count` argument.']],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'count', type: 'integer', since: '6.2.0', flags: ['optional'] }],
    },
  ],
  ['llen', { complexity: 'O(1)' }],
  [
    'lrange',
    {
      complexity: 'O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.',
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'start', type: 'integer' }, { name: 'stop', type: 'integer' }],
    },
  ],
  [
    'lindex',
    {
      complexity: 'O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).',
    },
  ],
  [
    'lset',
    { complexity: 'O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).' },
  ],
  ['lrem', { complexity: 'O(N+M) where N is the length of the list and M is the number of elements removed.' }],
  [
    'ltrim',
    {
      complexity: 'O(N) where N is the number of elements to be removed by the operation.',
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'start', type: 'integer' }, { name: 'stop', type: 'integer' }],
    },
  ],
  [
    'linsert',
    {
      complexity: 'O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        {
          name: 'where',
          type: 'oneof',
          arguments: [{ name: 'before', type: 'pure-token', token: 'BEFORE' }, { name: 'after', type: 'pure-token', token: 'AFTER' }],
        },
        { name: 'pivot', type: 'string' },
        { name: 'element', type: 'string' },
      ],
    },
  ],
  [
    'lpos',
    {
      complexity: 'O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'element', type: 'string' },
        { name: 'rank', type: 'integer', token: 'RANK', flags: ['optional'] },
        { name: 'num-matches', type: 'integer', token: 'COUNT', flags: ['optional'] },
        { name: 'len', type: 'integer', token: 'MAXLEN', flags: ['optional'] },
      ],
    },
  ],
  [
    'lmove',
    {
      complexity: 'O(1)',
      arguments: [
        { name: 'source', type: 'key', keySpecIndex: 0 },
        { name: 'destination', type: 'key', keySpecIndex: 1 },
        {
          name: 'wherefrom',
          type: 'oneof',
          arguments: [{ name: 'left', type: 'pure-token', token: 'LEFT' }, { name: 'right', type: 'pure-token', token: 'RIGHT' }],
        },
        {
          name: 'whereto',
          type: 'oneof',
          arguments: [{ name: 'left', type: 'pure-token', token: 'LEFT' }, { name: 'right', type: 'pure-token', token: 'RIGHT' }],
        },
      ],
    },
  ],
  [
    'rpoplpush',
    {
      complexity: 'O(1)',
      docFlags: ['deprecated'],
      deprecatedSince: '6.2.0',
      replacedBy: '`LMOVE` with the `RIGHT` and `LEFT` arguments',
      arguments: [{ name: 'source', type: 'key', keySpecIndex: 0 }, { name: 'destination', type: 'key', keySpecIndex: 1 }],
    },
  ],
  [
    'lmpop',
    {
      complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
      arguments: [
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
        {
          name: 'where',
          type: 'oneof',
          arguments: [{ name: 'left', type: 'pure-token', token: 'LEFT' }, { name: 'right', type: 'pure-token', token: 'RIGHT' }],
        },
        { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
      ],
    },
  ],
  [
    'blpop',
    {
      complexity: 'O(N) where N is the number of provided keys.',
      history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] }, { name: 'timeout', type: 'double' }],
    },
  ],
  [
    'brpop',
    {
      complexity: 'O(N) where N is the number of provided keys.',
      history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] }, { name: 'timeout', type: 'double' }],
    },
  ],
  [
    'blmove',
    {
      complexity: 'O(1)',
      arguments: [
        { name: 'source', type: 'key', keySpecIndex: 0 },
        { name: 'destination', type: 'key', keySpecIndex: 1 },
        {
          name: 'wherefrom',
          type: 'oneof',
          arguments: [{ name: 'left', type: 'pure-token', token: 'LEFT' }, { name: 'right', type: 'pure-token', token: 'RIGHT' }],
        },
        {
          name: 'whereto',
          type: 'oneof',
          arguments: [{ name: 'left', type: 'pure-token', token: 'LEFT' }, { name: 'right', type: 'pure-token', token: 'RIGHT' }],
        },
        { name: 'timeout', type: 'double' },
      ],
    },
  ],
  [
    'brpoplpush',
    {
      complexity: 'O(1)',
      docFlags: ['deprecated'],
      deprecatedSince: '6.2.0',
      replacedBy: '`BLMOVE` with the `RIGHT` and `LEFT` arguments',
      history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
      arguments: [
        { name: 'source', type: 'key', keySpecIndex: 0 },
        { name: 'destination', type: 'key', keySpecIndex: 1 },
        { name: 'timeout', type: 'double' },
      ],
    },
  ],
  [
    'blmpop',
    {
      complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
      arguments: [
        { name: 'timeout', type: 'double' },
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
        {
          name: 'where',
          type: 'oneof',
          arguments: [{ name: 'left', type: 'pure-token', token: 'LEFT' }, { name: 'right', type: 'pure-token', token: 'RIGHT' }],
        },
        { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
      ],
    },
  ],
];
