// The differential corpus of the server surface the data types need: CONFIG GET/SET of
// the encoding thresholds (names, aliases, validation texts), OBJECT (ENCODING across
// every type and the conversions at the thresholds, REFCOUNT, IDLETIME, FREQ, HELP),
// DEBUG refused when not enabled (real Redis runs with its default, disabled), SORT and
// SORT_RO, COPY, the keyspace commands on aggregate keys, and INFO keyspace. Inputs only:
// real Redis's replies are the expected ones.
//
// Every case that changes a threshold sets it back before it ends: the two servers live
// for the whole suite. Keys are prefixed with the case name.

import { type Case, type Key, type Step, ask, command } from './corpus';
import { builder } from './case-builder';

const run = (...args: string[]): Step => ask('a', command(...args));

const resp2 = builder('st');
const kase = resp2.kase;

// ---- CONFIG ---------------------------------------------------------------------
const THRESHOLDS = [
  'hash-max-listpack-entries',
  'hash-max-ziplist-entries',
  'hash-max-listpack-value',
  'hash-max-ziplist-value',
  'set-max-intset-entries',
  'zset-max-listpack-entries',
  'zset-max-ziplist-entries',
  'zset-max-listpack-value',
  'zset-max-ziplist-value',
  'list-max-listpack-size',
  'list-max-ziplist-size',
  'list-compress-depth',
];
// One name per CONFIG GET: with several, Redis answers in its hash table's order.
kase('config-get-defaults', () => THRESHOLDS.map((name) => run('CONFIG', 'GET', name)));
kase('config-get-case', () => [run('CONFIG', 'GET', 'HASH-MAX-ZIPLIST-ENTRIES'), run('config', 'get', 'Zset-Max-Listpack-Value')]);
kase('config-get-unknown', () => [run('CONFIG', 'GET', 'set-max-listpack-entries'), run('CONFIG', 'GET', 'list-max-ziplist-entries')]);
kase('config-get-enable-debug', () => [run('CONFIG', 'GET', 'enable-debug-command')]);
kase('config-set-enable-debug', () => [run('CONFIG', 'SET', 'enable-debug-command', 'yes')]);
kase('config-set-unknown', () => [run('CONFIG', 'SET', 'set-max-listpack-entries', '1')]);
kase('config-set-and-alias', () => [
  run('CONFIG', 'SET', 'hash-max-ziplist-entries', '7'),
  run('CONFIG', 'GET', 'hash-max-listpack-entries'),
  run('CONFIG', 'GET', 'hash-max-ziplist-entries'),
  // A name and its alias in one CONFIG SET are two parameters to Redis, not a duplicate.
  run('CONFIG', 'SET', 'hash-max-listpack-entries', '8', 'hash-max-ziplist-entries', '9'),
  run('CONFIG', 'GET', 'hash-max-listpack-entries'),
  run('CONFIG', 'SET', 'zset-max-ziplist-value', '10', 'zset-max-ziplist-value', '20'),
  run('CONFIG', 'GET', 'zset-max-listpack-value'),
  run('CONFIG', 'SET', 'hash-max-listpack-entries', '512', 'zset-max-listpack-value', '64'),
]);
const badValues: [string, string][] = [
  ['hash-max-ziplist-entries', 'abc'],
  ['hash-max-ziplist-entries', '-1'],
  ['hash-max-listpack-entries', '9223372036854775808'],
  ['hash-max-listpack-entries', '+5'],
  ['hash-max-listpack-entries', '010'],
  ['hash-max-listpack-entries', ' 5'],
  ['hash-max-listpack-entries', '1.5'],
  ['hash-max-listpack-value', 'abc'],
  ['hash-max-listpack-value', '-1'],
  ['hash-max-listpack-value', '1x'],
  ['zset-max-ziplist-value', '1tb'],
  ['set-max-intset-entries', ''],
  ['zset-max-listpack-entries', '-5'],
  ['list-max-ziplist-size', '3000000000'],
  ['list-max-listpack-size', '-2147483649'],
  ['list-max-listpack-size', 'x'],
  ['list-compress-depth', '-1'],
  ['list-compress-depth', '2147483648'],
];
kase('config-set-invalid', () => badValues.map(([name, value]) => run('CONFIG', 'SET', name, value)));
kase('config-set-memory-units', () => [
  run('CONFIG', 'SET', 'hash-max-listpack-value', '1k'),
  run('CONFIG', 'GET', 'hash-max-listpack-value'),
  run('CONFIG', 'SET', 'hash-max-listpack-value', '2KB'),
  run('CONFIG', 'GET', 'hash-max-ziplist-value'),
  run('CONFIG', 'SET', 'zset-max-listpack-value', '010'),
  run('CONFIG', 'GET', 'zset-max-listpack-value'),
  run('CONFIG', 'SET', 'zset-max-listpack-value', '5gb'),
  run('CONFIG', 'GET', 'zset-max-listpack-value'),
  run('CONFIG', 'SET', 'hash-max-listpack-value', '64', 'zset-max-listpack-value', '64'),
]);
kase('config-set-extremes', () => [
  run('CONFIG', 'SET', 'set-max-intset-entries', '9223372036854775807'),
  run('CONFIG', 'GET', 'set-max-intset-entries'),
  run('CONFIG', 'SET', 'list-max-listpack-size', '-2147483648'),
  run('CONFIG', 'GET', 'list-max-listpack-size'),
  run('CONFIG', 'SET', 'list-max-ziplist-size', '0'),
  run('CONFIG', 'GET', 'list-max-ziplist-size'),
  run('CONFIG', 'SET', 'set-max-intset-entries', '512', 'list-max-listpack-size', '-2'),
]);
// The whole CONFIG SET fails on the first bad value, and nothing is changed.
kase('config-set-atomic', () => [
  run('CONFIG', 'SET', 'zset-max-listpack-entries', '5', 'list-compress-depth', 'bad'),
  run('CONFIG', 'GET', 'zset-max-listpack-entries'),
]);

// ---- OBJECT ---------------------------------------------------------------------
kase('object-string-encodings', (key) => [
  run('SET', key('int'), '12345'),
  run('SET', key('neg'), '-9223372036854775808'),
  run('SET', key('big'), '9223372036854775808'),
  run('SET', key('lead0'), '0123'),
  run('SET', key('plus'), '+1'),
  run('SET', key('e44'), 'x'.repeat(44)),
  run('SET', key('r45'), 'x'.repeat(45)),
  run('SET', key('empty'), ''),
  run('OBJECT', 'ENCODING', key('int')),
  run('OBJECT', 'ENCODING', key('neg')),
  run('OBJECT', 'ENCODING', key('big')),
  run('OBJECT', 'ENCODING', key('lead0')),
  run('OBJECT', 'ENCODING', key('plus')),
  run('OBJECT', 'ENCODING', key('e44')),
  run('OBJECT', 'ENCODING', key('r45')),
  run('OBJECT', 'ENCODING', key('empty')),
  run('INCR', key('int')),
  run('OBJECT', 'ENCODING', key('int')),
  run('INCRBYFLOAT', key('float'), '1.5'),
  run('OBJECT', 'ENCODING', key('float')),
]);
kase('object-refcount', (key) => [
  run('SET', key('shared'), '9999'),
  run('SET', key('owned'), '10000'),
  run('SET', key('zero'), '0'),
  run('SET', key('neg'), '-1'),
  run('SET', key('text'), 'hello'),
  run('RPUSH', key('list'), 'a'),
  run('OBJECT', 'REFCOUNT', key('shared')),
  run('OBJECT', 'REFCOUNT', key('owned')),
  run('OBJECT', 'REFCOUNT', key('zero')),
  run('OBJECT', 'REFCOUNT', key('neg')),
  run('OBJECT', 'REFCOUNT', key('text')),
  run('OBJECT', 'REFCOUNT', key('list')),
  run('OBJECT', 'REFCOUNT', key('missing')),
]);
kase('object-list', (key) => [
  run('RPUSH', key(), 'a'),
  run('OBJECT', 'ENCODING', key()),
  run('RPUSH', key(), 'x'.repeat(10000)),
  run('OBJECT', 'ENCODING', key()),
]);
kase('object-set-intset', (key) => [
  run('SADD', key(), '1', '2', '-3'),
  run('OBJECT', 'ENCODING', key()),
  run('SADD', key(), 'a'),
  run('OBJECT', 'ENCODING', key()),
  // Never back to intset, even once the non-integer is gone.
  run('SREM', key(), 'a'),
  run('OBJECT', 'ENCODING', key()),
  run('SADD', key('text'), 'abc'),
  run('OBJECT', 'ENCODING', key('text')),
]);
kase('object-set-threshold', (key) => [
  run('CONFIG', 'SET', 'set-max-intset-entries', '3'),
  run('SADD', key(), '1', '2', '3'),
  run('OBJECT', 'ENCODING', key()),
  run('SADD', key(), '4'),
  run('OBJECT', 'ENCODING', key()),
  run('CONFIG', 'SET', 'set-max-intset-entries', '512'),
]);
kase('object-hash', (key) => [
  run('HSET', key(), 'f', 'v'),
  run('OBJECT', 'ENCODING', key()),
  run('HSET', key(), 'long', 'x'.repeat(65)),
  run('OBJECT', 'ENCODING', key()),
  run('HDEL', key(), 'long'),
  run('OBJECT', 'ENCODING', key()),
  run('HSET', key('v64'), 'f', 'x'.repeat(64)),
  run('OBJECT', 'ENCODING', key('v64')),
  run('HSET', key('f65'), 'x'.repeat(65), 'v'),
  run('OBJECT', 'ENCODING', key('f65')),
]);
kase('object-hash-threshold', (key) => [
  run('CONFIG', 'SET', 'hash-max-ziplist-entries', '2', 'hash-max-listpack-value', '8'),
  run('HSET', key(), 'a', '1', 'b', '2'),
  run('OBJECT', 'ENCODING', key()),
  run('HSET', key(), 'c', '3'),
  run('OBJECT', 'ENCODING', key()),
  run('HSET', key('value'), 'a', '123456789'),
  run('OBJECT', 'ENCODING', key('value')),
  run('CONFIG', 'SET', 'hash-max-ziplist-entries', '512', 'hash-max-listpack-value', '64'),
]);
kase('object-zset', (key) => [
  run('ZADD', key(), '1', 'a'),
  run('OBJECT', 'ENCODING', key()),
  run('ZADD', key(), '2', 'x'.repeat(65)),
  run('OBJECT', 'ENCODING', key()),
  run('CONFIG', 'SET', 'zset-max-ziplist-entries', '0'),
  run('ZADD', key('zero'), '1', 'a'),
  run('OBJECT', 'ENCODING', key('zero')),
  run('CONFIG', 'SET', 'zset-max-ziplist-entries', '128', 'zset-max-listpack-value', '1'),
  run('ZADD', key('short'), '1', 'ab'),
  run('OBJECT', 'ENCODING', key('short')),
  run('CONFIG', 'SET', 'zset-max-listpack-value', '64'),
]);
kase('object-missing-and-errors', (key) => [
  run('OBJECT', 'ENCODING', key('missing')),
  run('OBJECT', 'ENCODING'),
  run('OBJECT', 'ENCODING', key(), 'extra'),
  run('OBJECT', 'NOSUCH', key()),
  run('OBJECT'),
  run('object', 'encoding'),
  run('OBJECT', 'HELP', 'extra'),
]);
kase('object-help', () => [run('OBJECT', 'HELP'), run('object', 'help')]);
kase('object-idletime-freq', (key) => [
  run('SET', key(), 'v'),
  run('OBJECT', 'IDLETIME', key()),
  run('OBJECT', 'FREQ', key()),
  run('OBJECT', 'IDLETIME', key('missing')),
  run('OBJECT', 'FREQ', key('missing')),
  run('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu'),
  run('OBJECT', 'IDLETIME', key()),
  run('OBJECT', 'IDLETIME', key('missing')),
  run('CONFIG', 'SET', 'maxmemory-policy', 'volatile-lfu'),
  run('OBJECT', 'IDLETIME', key()),
  run('CONFIG', 'SET', 'maxmemory-policy', 'noeviction'),
]);
kase('object-expired', (key) => [
  run('SET', key(), 'v'),
  run('PEXPIREAT', key(), '1'),
  run('OBJECT', 'ENCODING', key()),
  run('OBJECT', 'REFCOUNT', key()),
]);

// ---- DEBUG (disabled: Redis's default) -----------------------------------------
kase('debug-refused', (key) => [
  run('DEBUG', 'OBJECT', key()),
  run('DEBUG', 'nonsense'),
  run('DEBUG', 'HELP'),
  run('debug', 'sleep', '0'),
  run('DEBUG'),
]);

// ---- SORT ------------------------------------------------------------------------
const numbers = (key: Key): Step => run('RPUSH', key('l'), '3', '1', '2', '10', '-5');
kase('sort-numeric', (key) => [
  numbers(key),
  run('SORT', key('l')),
  run('SORT', key('l'), 'DESC'),
  run('SORT', key('l'), 'ASC'),
  run('SORT', key('l'), 'desc', 'asc'),
]);
kase('sort-alpha', (key) => [
  numbers(key),
  run('SORT', key('l'), 'ALPHA'),
  run('SORT', key('l'), 'ALPHA', 'DESC'),
  run('RPUSH', key('bin'), 'b', '\xff', 'a\x00b', 'a', ''),
  run('SORT', key('bin'), 'ALPHA'),
]);
kase('sort-limit', (key) => [
  numbers(key),
  run('SORT', key('l'), 'LIMIT', '1', '2'),
  run('SORT', key('l'), 'LIMIT', '-5', '2'),
  run('SORT', key('l'), 'LIMIT', '2', '-1'),
  run('SORT', key('l'), 'LIMIT', '2', '-7'),
  run('SORT', key('l'), 'LIMIT', '10', '1'),
  run('SORT', key('l'), 'LIMIT', '0', '0'),
  run('SORT', key('l'), 'LIMIT', '4', '100'),
  run('SORT', key('l'), 'LIMIT', '0', '9223372036854775807'),
  run('SORT', key('l'), 'DESC', 'LIMIT', '1', '2'),
]);
kase('sort-errors', (key) => [
  numbers(key),
  run('SORT', key('l'), 'LIMIT', 'a', '1'),
  run('SORT', key('l'), 'LIMIT', '1', 'b'),
  run('SORT', key('l'), 'LIMIT', '1'),
  run('SORT', key('l'), 'LIMIT', '9223372036854775808', '1'),
  run('SORT', key('l'), 'foo'),
  run('SORT', key('l'), 'BY'),
  run('SORT', key('l'), 'GET'),
  run('SORT', key('l'), 'STORE'),
  // The options are read before the key: a syntax error wins over WRONGTYPE.
  run('SET', key('str'), 'x'),
  run('SORT', key('str'), 'foo'),
  run('SORT', key('str')),
  run('HSET', key('h'), 'a', '1'),
  run('SORT', key('h')),
  run('SORT'),
  run('sort_ro'),
]);
kase('sort-nosort', (key) => [
  numbers(key),
  run('SORT', key('l'), 'BY', 'nosort'),
  run('SORT', key('l'), 'BY', 'nosort', 'DESC'),
  run('SORT', key('l'), 'BY', 'nosort', 'LIMIT', '1', '2'),
  run('SORT', key('l'), 'BY', 'nosort', 'DESC', 'LIMIT', '1', '2'),
  run('SORT', key('l'), 'BY', 'nosort', 'LIMIT', '9', '2'),
  run('ZADD', key('z'), '3', 'x', '1', 'y', '2', 'w', '2', 'v'),
  run('SORT', key('z'), 'BY', 'nosort'),
  run('SORT', key('z'), 'BY', 'nosort', 'DESC'),
  run('SORT', key('z'), 'BY', 'nosort', 'DESC', 'LIMIT', '1', '2'),
  run('SORT', key('z'), 'BY', 'nosort', 'LIMIT', '3', '5'),
]);
kase('sort-by-pattern', (key) => [
  run('RPUSH', key('l'), '1', '2', '3', '4'),
  run('MSET', key('w_1'), '30', key('w_2'), '20', key('w_3'), '10'),
  run('SORT', key('l'), 'BY', key('w_*')),
  run('SORT', key('l'), 'BY', key('w_*'), 'DESC'),
  run('SORT', key('l'), 'BY', key('w_*'), 'ALPHA'),
  run('SORT', key('l'), 'BY', key('w_*'), 'ALPHA', 'DESC'),
  run('SORT', key('l'), 'BY', key('w_*'), 'LIMIT', '1', '2'),
  run('SORT', key('l'), 'BY', key('w_*'), 'GET', '#', 'GET', key('w_*')),
  run('SORT', key('l'), 'BY', key('w_*'), 'GET', key('nostar')),
  run('SORT', key('l'), 'GET', key('w_*'), 'GET', '#', 'GET', key('w_*')),
  // Only the first '*' is substituted.
  run('SET', key('w_1*'), 'two stars'),
  run('SORT', key('l'), 'GET', key('w_**')),
]);
kase('sort-by-hash-field', (key) => [
  run('RPUSH', key('l'), '1', '2', '3'),
  run('HSET', key('h_1'), 'f', '3', 'name', 'one'),
  run('HSET', key('h_2'), 'f', '1', 'name', 'two'),
  run('SET', key('h_3'), 'not a hash'),
  run('SORT', key('l'), 'BY', key('h_*->f'), 'GET', key('h_*->name'), 'GET', '#'),
  run('SORT', key('l'), 'BY', key('h_*->f'), 'ALPHA', 'GET', key('h_*->f')),
  run('SORT', key('l'), 'BY', key('h_*->missing')),
  // "->" with nothing after it is part of the key name.
  run('SET', key('h_1->'), '5'),
  run('SORT', key('l'), 'GET', key('h_*->')),
]);
kase('sort-by-unconvertible', (key) => [
  run('RPUSH', key('l'), '1', '2'),
  run('SET', key('w_1'), 'abc'),
  run('SORT', key('l'), 'BY', key('w_*')),
  run('SORT', key('l'), 'BY', key('w_*'), 'ALPHA'),
]);
kase('sort-scores', (key) => [
  run('RPUSH', key('fl'), '1.5', ' 2', '', '-inf', '0x10', '3e2', '+inf', '-0', '1e-300'),
  run('SORT', key('fl')),
  run('RPUSH', key('bad'), '1', 'a', '2'),
  run('SORT', key('bad')),
  run('RPUSH', key('nan'), 'nan'),
  run('SORT', key('nan')),
  run('RPUSH', key('space'), '1 '),
  run('SORT', key('space')),
  // Equal scores: the elements' bytes decide.
  run('RPUSH', key('ties'), '1.0', '1', '01', '1e0'),
  run('SORT', key('ties')),
  run('SORT', key('ties'), 'DESC'),
]);
kase('sort-store', (key) => [
  run('RPUSH', key('l'), '3', '1', '2'),
  run('SET', key('w_1'), 'one'),
  run('SORT', key('l'), 'STORE', key('dst')),
  run('LRANGE', key('dst'), '0', '-1'),
  run('TYPE', key('dst')),
  run('SORT', key('l'), 'GET', key('w_*'), 'GET', '#', 'STORE', key('dst')),
  run('LRANGE', key('dst'), '0', '-1'),
  run('SET', key('str'), 'old'),
  run('EXPIRE', key('str'), '100'),
  run('SORT', key('l'), 'STORE', key('str')),
  run('TTL', key('str')),
  run('TYPE', key('str')),
  run('SORT', key('missing'), 'STORE', key('dst')),
  run('EXISTS', key('dst')),
  run('SORT', key('l'), 'LIMIT', '5', '5', 'STORE', key('l2')),
  run('EXISTS', key('l2')),
  run('SORT', key('l'), 'STORE', key('l')),
  run('LRANGE', key('l'), '0', '-1'),
]);
kase('sort-sets', (key) => [
  run('SADD', key('is'), '5', '3', '9', '1'),
  run('SORT', key('is')),
  run('SORT', key('is'), 'DESC'),
  run('SORT', key('is'), 'BY', 'nosort'),
  run('SORT', key('is'), 'BY', 'nosort', 'STORE', key('dst')),
  run('LRANGE', key('dst'), '0', '-1'),
  run('SADD', key('s'), 'b', 'c', 'a'),
  run('SORT', key('s'), 'ALPHA'),
  run('SORT', key('s')),
  run('SORT', key('s'), 'BY', 'nosort', 'DESC', 'STORE', key('dst')),
  run('LRANGE', key('dst'), '0', '-1'),
  run('SORT', key('s'), 'BY', 'nosort', 'GET', key('x_*'), 'STORE', key('dst')),
  run('LRANGE', key('dst'), '0', '-1'),
]);
kase('sort-zset', (key) => [
  run('ZADD', key('z'), '3', '30', '1', '10', '2', '20'),
  run('SORT', key('z')),
  run('SORT', key('z'), 'DESC', 'LIMIT', '0', '2'),
  run('ZADD', key('za'), '1', 'b', '2', 'a'),
  run('SORT', key('za'), 'ALPHA'),
  run('SORT', key('za')),
]);
kase('sort-ro', (key) => [
  run('RPUSH', key('l'), '3', '1', '2'),
  run('SORT_RO', key('l')),
  run('SORT_RO', key('l'), 'DESC', 'LIMIT', '0', '2'),
  run('SORT_RO', key('l'), 'STORE', key('dst')),
  run('SORT_RO', key('l'), 'BY', 'nosort', 'GET', '#'),
  run('sort_ro', key('missing')),
]);

// ---- COPY ------------------------------------------------------------------------
kase('copy-string', (key) => [
  run('SET', key(), 'v'),
  run('COPY', key(), key('2')),
  run('GET', key('2')),
  run('COPY', key(), key('2')),
  run('SET', key(), 'new'),
  run('COPY', key(), key('2'), 'REPLACE'),
  run('GET', key('2')),
  run('COPY', key('missing'), key('3')),
  run('EXISTS', key('3')),
]);
kase('copy-errors', (key) => [
  run('SET', key(), 'v'),
  run('COPY', key(), key()),
  run('COPY', key(), key(), 'DB', '0'),
  run('COPY', key(), key('2'), 'DB', 'abc'),
  run('COPY', key(), key('2'), 'DB', '99999999999'),
  run('COPY', key(), key('2'), 'DB', '-1'),
  run('COPY', key(), key('2'), 'DB', '16'),
  run('COPY', key(), key('2'), 'DB'),
  run('COPY', key(), key('2'), 'foo'),
  run('COPY', key(), key(), 'foo'),
  run('COPY', key('missing'), key('missing')),
  run('COPY', key()),
  run('COPY', key(), key('2'), 'DB', '0', 'REPLACE'),
  run('GET', key('2')),
]);
kase('copy-aggregates', (key) => [
  run('RPUSH', key('l'), 'a', 'b'),
  run('COPY', key('l'), key('l2')),
  run('RPUSH', key('l2'), 'c'),
  run('LRANGE', key('l'), '0', '-1'),
  run('LRANGE', key('l2'), '0', '-1'),
  run('HSET', key('h'), 'a', '1', 'b', '2'),
  run('COPY', key('h'), key('h2')),
  run('HSET', key('h2'), 'a', 'changed'),
  run('HGETALL', key('h')),
  run('HGETALL', key('h2')),
  run('OBJECT', 'ENCODING', key('h2')),
  run('SADD', key('s'), '1', '2', '3'),
  run('COPY', key('s'), key('s2')),
  run('SREM', key('s2'), '1'),
  run('SMEMBERS', key('s')),
  run('SMEMBERS', key('s2')),
  run('OBJECT', 'ENCODING', key('s2')),
  run('ZADD', key('z'), '1', 'a', '2', 'b'),
  run('COPY', key('z'), key('z2')),
  run('ZINCRBY', key('z2'), '5', 'a'),
  run('ZRANGE', key('z'), '0', '-1', 'WITHSCORES'),
  run('ZRANGE', key('z2'), '0', '-1', 'WITHSCORES'),
  run('COPY', key('l'), key('h'), 'REPLACE'),
  run('TYPE', key('h')),
  run('LRANGE', key('h'), '0', '-1'),
]);
kase('copy-ttl', (key) => [
  run('ZADD', key('z'), '1', 'a'),
  run('EXPIRE', key('z'), '100'),
  run('COPY', key('z'), key('z2')),
  run('TTL', key('z2')),
  run('SET', key('s'), 'v', 'EX', '100'),
  run('COPY', key('s'), key('s2')),
  run('TTL', key('s2')),
  run('SET', key('t'), 'x', 'EX', '100'),
  run('COPY', key('z'), key('t'), 'REPLACE'),
  run('TTL', key('t')),
  run('SET', key('p'), 'plain'),
  run('COPY', key('p'), key('t'), 'REPLACE'),
  run('TTL', key('t')),
]);

// ---- keyspace commands on aggregates ---------------------------------------------
kase('keyspace-on-aggregates', (key) => [
  run('RPUSH', key('l'), 'a'),
  run('HSET', key('h'), 'f', 'v'),
  run('SADD', key('s'), 'm'),
  run('ZADD', key('z'), '1', 'm'),
  run('TYPE', key('l')),
  run('TYPE', key('h')),
  run('TYPE', key('s')),
  run('TYPE', key('z')),
  run('EXPIRE', key('l'), '100'),
  run('TTL', key('l')),
  run('PERSIST', key('l')),
  run('TTL', key('l')),
  run('PEXPIRE', key('h'), '100000'),
  run('RENAME', key('h'), key('h2')),
  run('TTL', key('h2')),
  run('HGET', key('h2'), 'f'),
  run('EXISTS', key('h')),
  run('RENAMENX', key('s'), key('z')),
  run('RENAMENX', key('s'), key('s2')),
  run('SMEMBERS', key('s2')),
  run('DEL', key('l'), key('h2'), key('s2'), key('z')),
  run('EXISTS', key('l'), key('h2'), key('s2'), key('z')),
]);
kase('keyspace-expire-aggregate', (key) => [
  run('RPUSH', key('l'), 'a'),
  run('PEXPIREAT', key('l'), '1'),
  run('EXISTS', key('l')),
  run('LLEN', key('l')),
  run('TYPE', key('l')),
]);
kase('scan-type', (key) => [
  run('RPUSH', key('l'), 'a'),
  run('SADD', key('s'), 'm'),
  run('SCAN', '0', 'MATCH', key('*'), 'TYPE', 'list', 'COUNT', '100000'),
  run('SCAN', '0', 'MATCH', key('*'), 'TYPE', 'set', 'COUNT', '100000'),
  run('SCAN', '0', 'MATCH', key('*'), 'TYPE', 'zset', 'COUNT', '100000'),
]);

// ---- INFO keyspace (last: it empties the servers first) ---------------------------
kase('info-keyspace', (key) => [
  run('FLUSHALL'),
  run('INFO', 'keyspace'),
  run('SET', key('a'), '1'),
  run('RPUSH', key('l'), 'x'),
  run('HSET', key('h'), 'f', 'v'),
  run('INFO', 'keyspace'),
  run('DEL', key('l')),
  run('INFO', 'KEYSPACE'),
  run('FLUSHALL'),
]);

// Last of all: scores out of a double's range. Redis detects them by errno == ERANGE
// after strtod, without clearing errno first, so once a SORT has met one, later SORTs of
// non-integer elements in the same Redis process may fail too until something else
// resets errno. No SORT may follow this case.
kase('sort-scores-out-of-range', (key) => [
  run('RPUSH', key('over'), '1e400'),
  run('SORT', key('over')),
  run('RPUSH', key('under'), '1e-400'),
  run('SORT', key('under')),
  run('RPUSH', key('denormal'), '1e-310'),
  run('SORT', key('denormal')),
]);

export const serverTypesCorpus: readonly Case[] = resp2.cases;

// After HELLO 3: the same commands where RESP3 has its own shapes (nulls, maps of
// CONFIG GET, the help's status lines, SORT's nulls for missing GETs).
const resp3 = builder('st3');
const hello = ask('a', command('HELLO', '3'));
resp3.kase('config-resp3', () => [
  hello,
  run('CONFIG', 'GET', 'zset-max-ziplist-entries'),
  run('CONFIG', 'GET', 'list-compress-depth'),
  run('CONFIG', 'SET', 'list-compress-depth', 'x'),
]);
resp3.kase('object-resp3', (key) => [
  hello,
  run('SET', key(), '1'),
  run('OBJECT', 'ENCODING', key()),
  run('OBJECT', 'ENCODING', key('missing')),
  run('OBJECT', 'REFCOUNT', key()),
  run('OBJECT', 'REFCOUNT', key('missing')),
  run('OBJECT', 'IDLETIME', key('missing')),
  run('OBJECT', 'FREQ', key('missing')),
  run('OBJECT', 'FREQ', key()),
  run('OBJECT', 'HELP'),
]);
resp3.kase('sort-resp3', (key) => [
  hello,
  run('RPUSH', key('l'), '2', '1'),
  run('SET', key('w_1'), 'one'),
  run('SORT', key('l')),
  run('SORT', key('l'), 'GET', key('w_*'), 'GET', '#'),
  run('SORT_RO', key('l'), 'ALPHA', 'DESC'),
  run('SORT', key('l'), 'STORE', key('dst')),
  run('SORT', key('missing')),
]);
resp3.kase('copy-resp3', (key) => [hello, run('SET', key(), 'v'), run('COPY', key(), key('2')), run('COPY', key(), key('2'))]);
resp3.kase('debug-refused-resp3', () => [hello, run('DEBUG', 'PROTOCOL', 'map')]);

export const serverTypesResp3Corpus: readonly Case[] = resp3.cases;
