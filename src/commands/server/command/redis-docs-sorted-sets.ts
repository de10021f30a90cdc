// COMMAND DOCS for the sorted-set commands: what Redis 7.0.15 documents beyond a command's
// summary, since and group (its time complexity, its history, and, where the one-line
// syntax cannot carry it, Redis's own argument tree: Redis's argument names, integer and
// double types, the version that added an argument, which key spec a key belongs to),
// as redis-server answers COMMAND DOCS. redis-cli builds its hints from the arguments.
//
// Documentation, kept as data beside the command table as Redis keeps it (its
// commands/*.json files, apart from t_*.c): docs.ts merges an entry into the command's
// reply. A spec test compares every entry with redis-server.

import type { CommandDocs } from './command-docs';

export const sortedSetsDocs: readonly (readonly [string, CommandDocs])[] = [
  [
    'zadd',
    {
      complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
      history: [
        ['2.4.0', 'Accepts multiple elements.'],
        ['3.0.2', 'Added the `XX`, `NX`, `CH` and `INCR` options.'],
        ['6.2.0', 'Added the `GT` and `LT` options.'],
      ],
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        {
          name: 'condition',
          type: 'oneof',
          since: '3.0.2',
          flags: ['optional'],
          arguments: [{ name: 'nx', type: 'pure-token', token: 'NX' }, { name: 'xx', type: 'pure-token', token: 'XX' }],
        },
        {
          name: 'comparison',
          type: 'oneof',
          since: '6.2.0',
          flags: ['optional'],
          arguments: [{ name: 'gt', type: 'pure-token', token: 'GT' }, { name: 'lt', type: 'pure-token', token: 'LT' }],
        },
        { name: 'change', type: 'pure-token', token: 'CH', since: '3.0.2', flags: ['optional'] },
        { name: 'increment', type: 'pure-token', token: 'INCR', since: '3.0.2', flags: ['optional'] },
        {
          name: 'score_member',
          type: 'block',
          flags: ['multiple'],
          arguments: [{ name: 'score', type: 'double' }, { name: 'member', type: 'string' }],
        },
      ],
    },
  ],
  ['zincrby', { complexity: 'O(log(N)) where N is the number of elements in the sorted set.' }],
  [
    'zrem',
    {
      complexity: 'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
      history: [['2.4.0', 'Accepts multiple elements.']],
    },
  ],
  ['zcard', { complexity: 'O(1)' }],
  ['zscore', { complexity: 'O(1)' }],
  ['zmscore', { complexity: 'O(N) where N is the number of members being requested.' }],
  [
    'zcount',
    {
      complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'min', type: 'double' }, { name: 'max', type: 'double' }],
    },
  ],
  ['zlexcount', { complexity: 'O(log(N)) with N being the number of elements in the sorted set.' }],
  ['zrank', { complexity: 'O(log(N))' }],
  ['zrevrank', { complexity: 'O(log(N))' }],
  [
    'zrange',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
      history: [['6.2.0', 'Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options.']],
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'start', type: 'string' },
        { name: 'stop', type: 'string' },
        {
          name: 'sortby',
          type: 'oneof',
          since: '6.2.0',
          flags: ['optional'],
          arguments: [{ name: 'byscore', type: 'pure-token', token: 'BYSCORE' }, { name: 'bylex', type: 'pure-token', token: 'BYLEX' }],
        },
        { name: 'rev', type: 'pure-token', token: 'REV', since: '6.2.0', flags: ['optional'] },
        {
          name: 'offset_count',
          type: 'block',
          token: 'LIMIT',
          since: '6.2.0',
          flags: ['optional'],
          arguments: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }],
        },
        { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
      ],
    },
  ],
  [
    'zrevrange',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
      docFlags: ['deprecated'],
      deprecatedSince: '6.2.0',
      replacedBy: '`ZRANGE` with the `REV` argument',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'start', type: 'integer' },
        { name: 'stop', type: 'integer' },
        { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
      ],
    },
  ],
  [
    'zrangebyscore',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
      docFlags: ['deprecated'],
      deprecatedSince: '6.2.0',
      replacedBy: '`ZRANGE` with the `BYSCORE` argument',
      history: [['2.0.0', 'Added the `WITHSCORES` modifier.']],
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'min', type: 'double' },
        { name: 'max', type: 'double' },
        { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', since: '2.0.0', flags: ['optional'] },
        {
          name: 'offset_count',
          type: 'block',
          token: 'LIMIT',
          flags: ['optional'],
          arguments: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }],
        },
      ],
    },
  ],
  [
    'zrevrangebyscore',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
      docFlags: ['deprecated'],
      deprecatedSince: '6.2.0',
      replacedBy: '`ZRANGE` with the `REV` and `BYSCORE` arguments',
      history: [['2.1.6', '`min` and `max` can be exclusive.']],
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'max', type: 'double' },
        { name: 'min', type: 'double' },
        { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
        {
          name: 'offset_count',
          type: 'block',
          token: 'LIMIT',
          flags: ['optional'],
          arguments: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }],
        },
      ],
    },
  ],
  [
    'zrangebylex',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
      docFlags: ['deprecated'],
      deprecatedSince: '6.2.0',
      replacedBy: '`ZRANGE` with the `BYLEX` argument',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'min', type: 'string' },
        { name: 'max', type: 'string' },
        {
          name: 'offset_count',
          type: 'block',
          token: 'LIMIT',
          flags: ['optional'],
          arguments: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }],
        },
      ],
    },
  ],
  [
    'zrevrangebylex',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
      docFlags: ['deprecated'],
      deprecatedSince: '6.2.0',
      replacedBy: '`ZRANGE` with the `REV` and `BYLEX` arguments',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'max', type: 'string' },
        { name: 'min', type: 'string' },
        {
          name: 'offset_count',
          type: 'block',
          token: 'LIMIT',
          flags: ['optional'],
          arguments: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }],
        },
      ],
    },
  ],
  [
    'zremrangebyrank',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'start', type: 'integer' }, { name: 'stop', type: 'integer' }],
    },
  ],
  [
    'zremrangebyscore',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }, { name: 'min', type: 'double' }, { name: 'max', type: 'double' }],
    },
  ],
  [
    'zremrangebylex',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    },
  ],
  [
    'zunionstore',
    {
      complexity: 'O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
      arguments: [
        { name: 'destination', type: 'key', keySpecIndex: 0 },
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
        { name: 'weight', type: 'integer', token: 'WEIGHTS', flags: ['optional', 'multiple'] },
        {
          name: 'aggregate',
          type: 'oneof',
          token: 'AGGREGATE',
          flags: ['optional'],
          arguments: [
            { name: 'sum', type: 'pure-token', token: 'SUM' },
            { name: 'min', type: 'pure-token', token: 'MIN' },
            { name: 'max', type: 'pure-token', token: 'MAX' },
          ],
        },
      ],
    },
  ],
  [
    'zinterstore',
    {
      complexity: 'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
      arguments: [
        { name: 'destination', type: 'key', keySpecIndex: 0 },
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
        { name: 'weight', type: 'integer', token: 'WEIGHTS', flags: ['optional', 'multiple'] },
        {
          name: 'aggregate',
          type: 'oneof',
          token: 'AGGREGATE',
          flags: ['optional'],
          arguments: [
            { name: 'sum', type: 'pure-token', token: 'SUM' },
            { name: 'min', type: 'pure-token', token: 'MIN' },
            { name: 'max', type: 'pure-token', token: 'MAX' },
          ],
        },
      ],
    },
  ],
  [
    'zdiffstore',
    {
      complexity: 'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
      arguments: [
        { name: 'destination', type: 'key', keySpecIndex: 0 },
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
      ],
    },
  ],
  [
    'zunion',
    {
      complexity: 'O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
      arguments: [
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
        { name: 'weight', type: 'integer', token: 'WEIGHTS', flags: ['optional', 'multiple'] },
        {
          name: 'aggregate',
          type: 'oneof',
          token: 'AGGREGATE',
          flags: ['optional'],
          arguments: [
            { name: 'sum', type: 'pure-token', token: 'SUM' },
            { name: 'min', type: 'pure-token', token: 'MIN' },
            { name: 'max', type: 'pure-token', token: 'MAX' },
          ],
        },
        { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
      ],
    },
  ],
  [
    'zinter',
    {
      complexity: 'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
      arguments: [
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
        { name: 'weight', type: 'integer', token: 'WEIGHTS', flags: ['optional', 'multiple'] },
        {
          name: 'aggregate',
          type: 'oneof',
          token: 'AGGREGATE',
          flags: ['optional'],
          arguments: [
            { name: 'sum', type: 'pure-token', token: 'SUM' },
            { name: 'min', type: 'pure-token', token: 'MIN' },
            { name: 'max', type: 'pure-token', token: 'MAX' },
          ],
        },
        { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
      ],
    },
  ],
  [
    'zdiff',
    {
      complexity: 'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    },
  ],
  [
    'zintercard',
    {
      complexity: 'O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.',
      arguments: [
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
        { name: 'limit', type: 'integer', token: 'LIMIT', flags: ['optional'] },
      ],
    },
  ],
  [
    'zrangestore',
    {
      complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.',
      arguments: [
        { name: 'dst', type: 'key', keySpecIndex: 0 },
        { name: 'src', type: 'key', keySpecIndex: 1 },
        { name: 'min', type: 'string' },
        { name: 'max', type: 'string' },
        {
          name: 'sortby',
          type: 'oneof',
          flags: ['optional'],
          arguments: [{ name: 'byscore', type: 'pure-token', token: 'BYSCORE' }, { name: 'bylex', type: 'pure-token', token: 'BYLEX' }],
        },
        { name: 'rev', type: 'pure-token', token: 'REV', flags: ['optional'] },
        {
          name: 'offset_count',
          type: 'block',
          token: 'LIMIT',
          flags: ['optional'],
          arguments: [{ name: 'offset', type: 'integer' }, { name: 'count', type: 'integer' }],
        },
      ],
    },
  ],
  [
    'zrandmember',
    {
      complexity: 'O(N) where N is the number of elements returned',
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        {
          name: 'options',
          type: 'block',
          flags: ['optional'],
          arguments: [
            { name: 'count', type: 'integer' },
            { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
          ],
        },
      ],
    },
  ],
  [
    'zpopmin',
    {
      complexity: 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    },
  ],
  [
    'zpopmax',
    {
      complexity: 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    },
  ],
  [
    'zmpop',
    {
      complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
      arguments: [
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
        {
          name: 'where',
          type: 'oneof',
          arguments: [{ name: 'min', type: 'pure-token', token: 'MIN' }, { name: 'max', type: 'pure-token', token: 'MAX' }],
        },
        { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
      ],
    },
  ],
  [
    'bzpopmin',
    {
      complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
      history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] }, { name: 'timeout', type: 'double' }],
    },
  ],
  [
    'bzpopmax',
    {
      complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
      history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] }, { name: 'timeout', type: 'double' }],
    },
  ],
  [
    'bzmpop',
    {
      complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
      arguments: [
        { name: 'timeout', type: 'double' },
        { name: 'numkeys', type: 'integer' },
        { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
        {
          name: 'where',
          type: 'oneof',
          arguments: [{ name: 'min', type: 'pure-token', token: 'MIN' }, { name: 'max', type: 'pure-token', token: 'MAX' }],
        },
        { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
      ],
    },
  ],
  [
    'zscan',
    {
      complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    },
  ],
];
