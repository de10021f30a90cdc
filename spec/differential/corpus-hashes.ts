// The differential corpus of the hash commands (src/commands/hashes/): inputs only, real
// Redis's replies are the expected ones. Every command's success paths, every error
// text (arity, syntax, not-an-integer, "hash value is not an integer", overflow, the
// float errors, invalid cursors, WRONGTYPE both ways: a hash command on a string and a
// string or list command on a hash), the edge values (binary and empty fields and
// values, 64-bit limits), the listpack order (insertion order, overwrites in place,
// after HDEL), the conversion (at 512 entries, Redis 7.0's default; at 128 set by CONFIG
// SET; at 64-byte values), and the deletion of a hash emptied by its last HDEL.
//
// Random and unordered replies are shaped to be deterministic: HRANDFIELD on a hash of
// one field, or with a count covering a small hash (returned whole, in order); HGETALL
// and HSCAN of a hashtable-encoded hash only with one field. The rest of HRANDFIELD and
// HSCAN over big hashes is in spec/commands/hashes.spec.ts.
//
// Keys are prefixed with the case name: the two servers are never flushed between cases.

import { type Case, type Step, ask, command } from './corpus';
import { builder } from './case-builder';

/** One command on connection "a", one reply. */
const run = (...args: string[]): Step => ask('a', command(...args));

const BINARY = '\x00\r\n\xff\x80 bin';
const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';
const OVER_LLONG = '9223372036854775808';
const fields = (n: number, prefix = 'f'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** field0 value0 field1 value1... */
const pairs = (n: number, prefix = 'f'): string[] => fields(n, prefix).flatMap((f, i) => [f, `v${i}`]);

const resp2 = builder('hashes');
const kase = resp2.kase;

// ---------------------------------------------------------------------------
// HSET HMSET HSETNX

kase('hset-new', (key) => [run('HSET', key(), 'a', '1'), run('HGETALL', key()), run('TYPE', key()), run('EXISTS', key())]);
kase('hset-many', (key) => [run('HSET', key(), 'a', '1', 'b', '2', 'c', '3'), run('HSET', key(), 'c', '30', 'd', '4'), run('HGETALL', key())]);
// A field named twice in one HSET: counted once, the last value wins.
kase('hset-repeated-field', (key) => [run('HSET', key(), 'a', '1', 'a', '2', 'b', '3'), run('HGETALL', key()), run('HLEN', key())]);
kase('hset-arity', (key) => [run('HSET', key()), run('HSET', key(), 'f'), run('HSET'), run('HSET', key(), 'a', '1', 'b'), run('hset', key(), 'a', '1', 'b', '2', 'c'), run('EXISTS', key())]);
kase('hmset', (key) => [run('HMSET', key(), 'a', '1', 'b', '2'), run('HMSET', key(), 'a', '9'), run('HGETALL', key())]);
kase('hmset-arity', (key) => [run('HMSET', key()), run('HMSET', key(), 'f'), run('HMSET', key(), 'a', '1', 'b'), run('hmset', key(), 'a'), run('EXISTS', key())]);
kase('hsetnx', (key) => [
  run('HSETNX', key(), 'a', '1'),
  run('HSETNX', key(), 'a', '2'),
  run('HSETNX', key(), 'b', '3'),
  run('HGETALL', key()),
]);
kase('hsetnx-arity', (key) => [run('HSETNX', key(), 'a'), run('HSETNX', key(), 'a', '1', '2'), run('HSETNX')]);
kase('hset-lowercase-mixed', (key) => [run('hset', key(), 'a', '1'), run('HsEt', key(), 'b', '2'), run('hgetall', key())]);
kase('hset-binary', (key) => [
  run('HSET', key(), BINARY, BINARY, '', 'empty-field', 'empty-value', ''),
  run('HGET', key(), BINARY),
  run('HGET', key(), ''),
  run('HGET', key(), 'empty-value'),
  run('HSTRLEN', key(), 'empty-value'),
  run('HEXISTS', key(), ''),
  run('HGETALL', key()),
  run('HKEYS', key()),
  run('HVALS', key()),
]);
kase('hset-binary-key', (key) => [run('HSET', key(BINARY), 'f', 'v'), run('HGET', key(BINARY), 'f'), run('HSET', '', 'f', 'v'), run('HGETALL', ''), run('DEL', '')]);
// Integer-looking values are stored as integers in Redis's listpack: the bytes must still round-trip.
kase('hset-integer-values', (key) => [
  run('HSET', key(), 'a', '1', 'b', '-0', 'c', '007', 'd', LLONG_MAX, 'e', LLONG_MIN, 'f', OVER_LLONG, 'g', ' 1', 'h', '1.0', 'i', '-1'),
  run('HGETALL', key()),
  run('HSTRLEN', key(), 'd'),
  run('HSTRLEN', key(), 'b'),
  run('HSTRLEN', key(), 'e'),
]);

// ---------------------------------------------------------------------------
// The listpack order: insertion, overwrites in place, HDEL closes the gap

kase('order-overwrite-delete', (key) => [
  run('HSET', key(), 'a', '1', 'b', '2', 'c', '3'),
  run('HSET', key(), 'a', '9'),
  run('HDEL', key(), 'b'),
  run('HSET', key(), 'b', '5', 'd', '6', 'a', '10'),
  run('HGETALL', key()),
  run('HKEYS', key()),
  run('HVALS', key()),
  run('HSETNX', key(), 'e', '7'),
  run('HINCRBY', key(), 'c', '1'),
  run('HINCRBYFLOAT', key(), 'a', '0.5'),
  run('HGETALL', key()),
]);
kase('order-delete-first-last', (key) => [
  run('HSET', key(), 'x', '1', 'y', '2', 'z', '3', 'w', '4'),
  run('HDEL', key(), 'x', 'w'),
  run('HGETALL', key()),
  run('HSET', key(), 'x', '5'),
  run('HGETALL', key()),
]);
// An overwrite with a longer or shorter value keeps the field's place.
kase('order-overwrite-lengths', (key) => [
  run('HSET', key(), 'a', '1', 'b', '2', 'c', '3'),
  run('HSET', key(), 'b', 'a-much-longer-value-than-before'),
  run('HSET', key(), 'a', ''),
  run('HGETALL', key()),
]);

// ---------------------------------------------------------------------------
// Big hashes (past 128 entries) and 64-byte values: order kept, and behaviour across the crossing

kase('big-hash-129-entries', (key) => [
  run('HSET', key(), ...pairs(128)),
  run('HGETALL', key()),
  run('HSET', key(), 'f128', 'v128'),
  run('HLEN', key()),
  run('HMGET', key(), 'f0', 'f64', 'f127', 'f128', 'missing'),
  run('HDEL', key(), ...fields(128)),
  // One field left in a hashtable: the order of one is deterministic.
  run('HGETALL', key()),
  run('HSCAN', key(), '0'),
  run('HSET', key(), 'a', '1'),
  run('HLEN', key()),
]);
kase('convert-64-byte-values', (key) => [
  run('HSET', key(), 'a', '1', 'b', 'x'.repeat(64), 'c', '3'),
  run('HGETALL', key()),
  run('HSET', key(), 'd', 'y'.repeat(64)),
  run('HGETALL', key()),
  run('HSET', key('big'), 'f', 'z'.repeat(65)),
  run('HGETALL', key('big')),
  run('HSTRLEN', key('big'), 'f'),
  run('HSCAN', key('big'), '0'),
  run('HSET', key('bigfield'), 'q'.repeat(65), 'v'),
  run('HGETALL', key('bigfield')),
  // Converted by an overwrite with a long value.
  run('HSET', key('over'), 'f', 'short'),
  run('HSET', key('over'), 'f', 'w'.repeat(100)),
  run('HGETALL', key('over')),
]);
// HINCRBYFLOAT can grow a value past 64 bytes (1e400 prints 401 digits).
kase('convert-by-hincrbyfloat', (key) => [
  run('HINCRBYFLOAT', key(), 'f', '1e400'),
  run('HGETALL', key()),
  run('HSTRLEN', key(), 'f'),
]);
// Redis 7.0's defaults: hash-max-listpack-entries 512 (not 128, the sorted sets' default), value 64.
kase('default-thresholds', () => [run('CONFIG', 'GET', 'hash-max-listpack-entries'), run('CONFIG', 'GET', 'hash-max-ziplist-value')]);
// OBJECT ENCODING across the default thresholds, and never back.
kase('object-encoding', (key) => [
  run('HSET', key(), 'a', '1'),
  run('OBJECT', 'ENCODING', key()),
  run('HSET', key(), ...pairs(511, 'g')),
  run('OBJECT', 'ENCODING', key()),
  run('HKEYS', key()),
  run('HSET', key(), 'one-more', 'x'),
  run('OBJECT', 'ENCODING', key()),
  run('HDEL', key(), ...fields(511, 'g'), 'one-more'),
  run('OBJECT', 'ENCODING', key()),
  run('HSET', key('v'), 'f', 'x'.repeat(64)),
  run('OBJECT', 'ENCODING', key('v')),
  run('HSET', key('v'), 'g', 'x'.repeat(65)),
  run('OBJECT', 'ENCODING', key('v')),
  run('HINCRBY', key('n'), 'f', '1'),
  run('OBJECT', 'ENCODING', key('n')),
]);
// The same at 128 entries (CONFIG SET), the listpack order checked up to the crossing.
kase('object-encoding-128', (key) => [
  run('CONFIG', 'SET', 'hash-max-listpack-entries', '128'),
  run('HSET', key(), ...pairs(128)),
  run('OBJECT', 'ENCODING', key()),
  run('HSET', key(), 'f5', 'overwritten'),
  run('HDEL', key(), 'f0'),
  run('HSET', key(), 'f0', 'back'),
  run('HGETALL', key()),
  run('HSET', key(), 'f128', 'v128'),
  run('OBJECT', 'ENCODING', key()),
  run('HLEN', key()),
  run('HMGET', key(), 'f0', 'f5', 'f127', 'f128'),
  run('CONFIG', 'SET', 'hash-max-listpack-entries', '512'),
]);
// The thresholds are read when a hash grows (the old names are aliases); restored after.
kase('config-thresholds', (key) => [
  run('CONFIG', 'SET', 'hash-max-listpack-entries', '2'),
  run('HSET', key(), 'a', '1', 'b', '2'),
  run('OBJECT', 'ENCODING', key()),
  run('HSET', key(), 'c', '3'),
  run('OBJECT', 'ENCODING', key()),
  run('CONFIG', 'SET', 'hash-max-listpack-entries', '512'),
  run('CONFIG', 'SET', 'hash-max-ziplist-value', '4'),
  run('HSET', key('v'), 'a', '1234'),
  run('OBJECT', 'ENCODING', key('v')),
  run('HSETNX', key('v'), 'b', '12345'),
  run('OBJECT', 'ENCODING', key('v')),
  run('HSET', key('f'), 'abcde', '1'),
  run('OBJECT', 'ENCODING', key('f')),
  run('HINCRBYFLOAT', key('g'), 'f', '1.5'),
  run('HINCRBYFLOAT', key('g'), 'f', '0.25'),
  run('OBJECT', 'ENCODING', key('g')),
  run('CONFIG', 'SET', 'hash-max-listpack-value', '64'),
  run('CONFIG', 'GET', 'hash-max-listpack-value'),
  run('CONFIG', 'SET', 'hash-max-listpack-entries', '0'),
  run('HSET', key('zero'), 'a', '1'),
  run('OBJECT', 'ENCODING', key('zero')),
  run('CONFIG', 'SET', 'hash-max-listpack-entries', '512'),
]);
kase('hashtable-operations', (key) => [
  run('HSET', key(), ...pairs(200)),
  run('HLEN', key()),
  run('HGET', key(), 'f150'),
  run('HEXISTS', key(), 'f199'),
  run('HEXISTS', key(), 'f200'),
  run('HSTRLEN', key(), 'f10'),
  run('HSETNX', key(), 'f10', 'x'),
  run('HSETNX', key(), 'new', 'x'),
  run('HINCRBY', key(), 'counter', '5'),
  run('HINCRBYFLOAT', key(), 'counter', '1.5'),
  run('HDEL', key(), 'f0', 'f1', 'nope'),
  run('HMGET', key(), 'f0', 'f2', 'new', 'counter'),
  run('HLEN', key()),
  run('HRANDFIELD', key(), '0'),
]);

// ---------------------------------------------------------------------------
// HGET HMGET HGETALL HKEYS HVALS HLEN HEXISTS HSTRLEN

kase('reads-missing-key', (key) => [
  run('HGET', key(), 'f'),
  run('HMGET', key(), 'f', 'g'),
  run('HGETALL', key()),
  run('HKEYS', key()),
  run('HVALS', key()),
  run('HLEN', key()),
  run('HEXISTS', key(), 'f'),
  run('HSTRLEN', key(), 'f'),
  run('HSCAN', key(), '0'),
  run('HRANDFIELD', key()),
  run('HRANDFIELD', key(), '3'),
  run('HRANDFIELD', key(), '-3', 'WITHVALUES'),
  run('EXISTS', key()),
]);
kase('reads-missing-field', (key) => [
  run('HSET', key(), 'a', '1'),
  run('HGET', key(), 'b'),
  run('HMGET', key(), 'b', 'a', 'b'),
  run('HEXISTS', key(), 'b'),
  run('HSTRLEN', key(), 'b'),
]);
kase('reads-arity', (key) => [
  run('HGET', key()),
  run('HGET', key(), 'a', 'b'),
  run('HMGET', key()),
  run('HGETALL'),
  run('HGETALL', key(), 'x'),
  run('HKEYS'),
  run('HKEYS', key(), 'x'),
  run('HVALS', key(), 'x'),
  run('HLEN'),
  run('HLEN', key(), 'x'),
  run('HEXISTS', key()),
  run('HEXISTS', key(), 'a', 'b'),
  run('HSTRLEN', key()),
  run('HSTRLEN', key(), 'a', 'b'),
]);
kase('hstrlen', (key) => [run('HSET', key(), 'a', 'hello', 'n', '12345', 'neg', '-1'), run('HSTRLEN', key(), 'a'), run('HSTRLEN', key(), 'n'), run('HSTRLEN', key(), 'neg')]);

// ---------------------------------------------------------------------------
// HDEL, and the hash deleted with its last field

kase('hdel', (key) => [
  run('HSET', key(), 'a', '1', 'b', '2', 'c', '3'),
  run('HDEL', key(), 'a'),
  run('HDEL', key(), 'a'),
  run('HDEL', key(), 'b', 'b', 'nope'),
  run('HGETALL', key()),
  run('HDEL', key(), 'c'),
  run('EXISTS', key()),
  run('TYPE', key()),
  run('HLEN', key()),
  run('HDEL', key(), 'c'),
]);
kase('hdel-all-at-once', (key) => [run('HSET', key(), 'a', '1', 'b', '2'), run('HDEL', key(), 'a', 'b', 'a', 'c'), run('EXISTS', key())]);
kase('hdel-big-last', (key) => [run('HSET', key(), ...pairs(130)), run('HDEL', key(), ...fields(130)), run('EXISTS', key())]);
kase('hdel-arity', (key) => [run('HDEL', key()), run('HDEL')]);
// An emptied hash is gone: the key can be reused as another type.
kase('hdel-then-other-type', (key) => [run('HSET', key(), 'a', '1'), run('HDEL', key(), 'a'), run('SET', key(), 'now-a-string'), run('GET', key()), run('HSET', key(), 'a', '1')]);

// ---------------------------------------------------------------------------
// HINCRBY

kase('hincrby', (key) => [
  run('HINCRBY', key(), 'n', '5'),
  run('HINCRBY', key(), 'n', '-12'),
  run('HINCRBY', key(), 'n', '0'),
  run('HGET', key(), 'n'),
  run('HSET', key(), 's', '10'),
  run('HINCRBY', key(), 's', '1'),
  run('HGETALL', key()),
]);
kase('hincrby-not-an-integer-increment', (key) => [
  run('HSET', key(), 'n', '1'),
  run('HINCRBY', key(), 'n', '1.5'),
  run('HINCRBY', key(), 'n', 'abc'),
  run('HINCRBY', key(), 'n', ''),
  run('HINCRBY', key(), 'n', ' 1'),
  run('HINCRBY', key(), 'n', '+1'),
  run('HINCRBY', key(), 'n', '01'),
  run('HINCRBY', key(), 'n', OVER_LLONG),
  run('HINCRBY', key('missing'), 'n', 'x'),
  run('EXISTS', key('missing')),
]);
kase('hincrby-hash-value-not-integer', (key) => [
  run('HSET', key(), 's', 'abc', 'f', '1.5', 'sp', ' 1', 'e', '', 'big', OVER_LLONG, 'z', '01'),
  run('HINCRBY', key(), 's', '1'),
  run('HINCRBY', key(), 'f', '1'),
  run('HINCRBY', key(), 'sp', '1'),
  run('HINCRBY', key(), 'e', '1'),
  run('HINCRBY', key(), 'big', '1'),
  run('HINCRBY', key(), 'z', '1'),
  run('HGETALL', key()),
]);
kase('hincrby-overflow', (key) => [
  run('HSET', key(), 'max', LLONG_MAX, 'min', LLONG_MIN),
  run('HINCRBY', key(), 'max', '1'),
  run('HINCRBY', key(), 'min', '-1'),
  run('HINCRBY', key(), 'max', '0'),
  run('HINCRBY', key(), 'max', '-1'),
  run('HINCRBY', key(), 'min', '1'),
  run('HINCRBY', key(), 'new', LLONG_MIN),
  run('HINCRBY', key(), 'new', '-1'),
  run('HINCRBY', key(), 'new2', LLONG_MAX),
  run('HINCRBY', key(), 'new2', LLONG_MIN),
  run('HGETALL', key()),
]);
kase('hincrby-arity', (key) => [run('HINCRBY', key(), 'f'), run('HINCRBY', key(), 'f', '1', '2'), run('HINCRBY')]);

// ---------------------------------------------------------------------------
// HINCRBYFLOAT

kase('hincrbyfloat', (key) => [
  run('HINCRBYFLOAT', key(), 'x', '10.5'),
  run('HINCRBYFLOAT', key(), 'x', '0.1'),
  run('HINCRBYFLOAT', key(), 'x', '-5'),
  run('HINCRBYFLOAT', key(), 'y', '1e-20'),
  run('HINCRBYFLOAT', key(), 'z', '3.0e3'),
  run('HINCRBYFLOAT', key(), 'h', '0x10'),
  run('HSET', key(), 'i', '5'),
  run('HINCRBYFLOAT', key(), 'i', '0.25'),
  run('HINCRBYFLOAT', key(), 'w', '-0.0'),
  run('HINCRBYFLOAT', key(), 'p', '0.1'),
  run('HINCRBYFLOAT', key(), 'p', '0.2'),
  run('HGETALL', key()),
]);
kase('hincrbyfloat-errors', (key) => [
  run('HSET', key(), 's', 'abc', 'inf', 'inf', 'sp', ' 1', 'ok', '1'),
  run('HINCRBYFLOAT', key(), 'ok', 'abc'),
  run('HINCRBYFLOAT', key(), 'ok', ''),
  run('HINCRBYFLOAT', key(), 'ok', 'nan'),
  run('HINCRBYFLOAT', key(), 'ok', 'inf'),
  run('HINCRBYFLOAT', key(), 'ok', '-inf'),
  run('HINCRBYFLOAT', key(), 'ok', '1e5000'),
  run('HINCRBYFLOAT', key(), 'ok', ' 1'),
  run('HINCRBYFLOAT', key(), 's', '1'),
  run('HINCRBYFLOAT', key(), 'sp', '1'),
  run('HINCRBYFLOAT', key(), 'inf', '1'),
  // 4933 digits: this one goes to another key, whose hash it converts (order unspecified after).
  run('HINCRBYFLOAT', key('big'), 'big', '1e4932'),
  run('HINCRBYFLOAT', key('big'), 'big', '1e4932'),
  run('HINCRBYFLOAT', key('missing'), 'f', 'abc'),
  run('EXISTS', key('missing')),
  run('HGETALL', key()),
]);
kase('hincrbyfloat-arity', (key) => [run('HINCRBYFLOAT', key(), 'f'), run('HINCRBYFLOAT', key(), 'f', '1', '2')]);

// ---------------------------------------------------------------------------
// HRANDFIELD (deterministic shapes only)

kase('hrandfield-one-field', (key) => [
  run('HSET', key(), 'only', 'value'),
  run('HRANDFIELD', key()),
  run('HRANDFIELD', key(), '1'),
  run('HRANDFIELD', key(), '1', 'WITHVALUES'),
  run('HRANDFIELD', key(), '5'),
  run('HRANDFIELD', key(), '-3'),
  run('HRANDFIELD', key(), '-3', 'withvalues'),
  run('HRANDFIELD', key(), '-1', 'WithValues'),
  run('HRANDFIELD', key(), '0'),
  run('HRANDFIELD', key(), '0', 'WITHVALUES'),
]);
// A positive count at least the size: the whole hash, in its listpack order.
kase('hrandfield-whole-hash', (key) => [
  run('HSET', key(), 'a', '1', 'b', '2', 'c', '3'),
  run('HRANDFIELD', key(), '3'),
  run('HRANDFIELD', key(), '10', 'WITHVALUES'),
  run('HRANDFIELD', key(), '4611686018427387903', 'WITHVALUES'),
  run('HRANDFIELD', key(), LLONG_MAX),
]);
kase('hrandfield-errors', (key) => [
  run('HSET', key(), 'a', '1'),
  run('HRANDFIELD', key(), 'abc'),
  run('HRANDFIELD', key(), '1.5'),
  run('HRANDFIELD', key(), ''),
  run('HRANDFIELD', key(), LLONG_MIN),
  run('HRANDFIELD', key(), LLONG_MIN, 'WITHVALUES'),
  run('HRANDFIELD', key(), OVER_LLONG),
  run('HRANDFIELD', key(), '-4611686018427387904', 'WITHVALUES'),
  run('HRANDFIELD', key(), '4611686018427387904', 'WITHVALUES'),
  run('HRANDFIELD', key(), '-9223372036854770000', 'WITHVALUES'),
  run('HRANDFIELD', key(), '1', 'WITHSCORES'),
  run('HRANDFIELD', key(), '1', 'WITHVALUES', 'x'),
  run('HRANDFIELD', key(), 'abc', 'nonsense'),
  run('HRANDFIELD', key(), '1', 'nonsense'),
  run('HRANDFIELD'),
  // The count is checked before the key: errors even on a missing key.
  run('HRANDFIELD', key('missing'), 'abc'),
  run('HRANDFIELD', key('missing'), '1', 'bad'),
]);

// ---------------------------------------------------------------------------
// HSCAN (listpack: everything in one step, cursor 0)

kase('hscan-listpack', (key) => [
  run('HSET', key(), 'a', '1', 'b', '2', 'ab', '3', 'c', '4'),
  run('HSCAN', key(), '0'),
  run('HSCAN', key(), '0', 'COUNT', '1'),
  run('HSCAN', key(), '7'),
  run('HSCAN', key(), '0', 'MATCH', 'a*'),
  run('HSCAN', key(), '0', 'match', '*'),
  run('HSCAN', key(), '0', 'MATCH', 'x*'),
  run('HSCAN', key(), '0', 'MATCH', 'a*', 'COUNT', '100', 'MATCH', '?'),
  run('HSCAN', key(), '0', 'count', '5', 'match', '[ab]'),
]);
kase('hscan-cursors', (key) => [
  run('HSET', key(), 'a', '1'),
  run('HSCAN', key(), ''),
  run('HSCAN', key(), '-1'),
  run('HSCAN', key(), '+5'),
  run('HSCAN', key(), '18446744073709551615'),
  run('HSCAN', key(), '18446744073709551616'),
  run('HSCAN', key(), 'abc'),
  run('HSCAN', key(), ' 1'),
  run('HSCAN', key(), '1 '),
  run('HSCAN', key(), '1\x00junk'),
  run('HSCAN', key('missing'), 'abc'),
]);
kase('hscan-options', (key) => [
  run('HSET', key(), 'a', '1'),
  run('HSCAN', key(), '0', 'COUNT', '0'),
  run('HSCAN', key(), '0', 'COUNT', '-1'),
  run('HSCAN', key(), '0', 'COUNT', 'abc'),
  run('HSCAN', key(), '0', 'COUNT'),
  run('HSCAN', key(), '0', 'MATCH'),
  run('HSCAN', key(), '0', 'TYPE', 'string'),
  run('HSCAN', key(), '0', 'NOVALUES'),
  run('HSCAN', key(), '0', 'COUNT', '10', 'bogus'),
  // A missing key answers the empty scan before the options are read.
  run('HSCAN', key('missing'), '0', 'COUNT', '0'),
  run('HSCAN', key('missing'), '0', 'bogus'),
  run('HSCAN', key()),
  run('HSCAN'),
]);
kase('hscan-binary', (key) => [run('HSET', key(), BINARY, BINARY, '', ''), run('HSCAN', key(), '0'), run('HSCAN', key(), '0', 'MATCH', '\x00*')]);

// ---------------------------------------------------------------------------
// WRONGTYPE, both ways

kase('wrongtype-hash-commands-on-string', (key) => [
  run('SET', key(), 'v'),
  run('HSET', key(), 'a', '1'),
  run('HMSET', key(), 'a', '1'),
  run('HSETNX', key(), 'a', '1'),
  run('HGET', key(), 'a'),
  run('HMGET', key(), 'a'),
  run('HGETALL', key()),
  run('HDEL', key(), 'a'),
  run('HEXISTS', key(), 'a'),
  run('HLEN', key()),
  run('HSTRLEN', key(), 'a'),
  run('HKEYS', key()),
  run('HVALS', key()),
  run('HINCRBY', key(), 'a', '1'),
  run('HINCRBYFLOAT', key(), 'a', '1'),
  run('HRANDFIELD', key()),
  run('HRANDFIELD', key(), '2'),
  run('HRANDFIELD', key(), '0'),
  run('HSCAN', key(), '0'),
  run('HSCAN', key(), '0', 'COUNT', '0'),
  run('GET', key()),
]);
kase('wrongtype-order', (key) => [
  run('SET', key(), 'v'),
  // Argument errors come before the type check...
  run('HINCRBY', key(), 'a', 'x'),
  run('HINCRBYFLOAT', key(), 'a', 'x'),
  run('HINCRBYFLOAT', key(), 'a', 'inf'),
  run('HRANDFIELD', key(), 'x'),
  run('HSCAN', key(), 'x'),
  run('HSET', key(), 'a', '1', 'b'),
]);
kase('wrongtype-other-commands-on-hash', (key) => [
  run('HSET', key(), 'a', '1'),
  run('GET', key()),
  run('INCR', key()),
  run('APPEND', key(), 'x'),
  run('STRLEN', key()),
  run('GETRANGE', key(), '0', '1'),
  run('LPUSH', key(), 'x'),
  run('SADD', key(), 'x'),
  run('ZADD', key(), '1', 'x'),
  // SET replaces a hash, as it replaces any type.
  run('SET', key(), 'string-now'),
  run('GET', key()),
  run('TYPE', key()),
]);

// ---------------------------------------------------------------------------
// Interactions: expiry, TTL, DEL, RENAME, COPY, pipelining, inline

kase('expired-hash', (key) => [
  run('HSET', key(), 'a', '1'),
  run('PEXPIREAT', key(), '1'),
  run('HGET', key(), 'a'),
  run('HLEN', key()),
  run('HSET', key(), 'b', '2'),
  run('HGETALL', key()),
  run('TTL', key()),
]);
kase('keeps-ttl', (key) => [
  run('HSET', key(), 'a', '1'),
  run('EXPIRE', key(), '100'),
  run('HSET', key(), 'b', '2'),
  run('HDEL', key(), 'a'),
  run('HINCRBY', key(), 'n', '1'),
  run('TTL', key()),
]);
kase('del-rename', (key) => [
  run('HSET', key(), 'a', '1', 'b', '2'),
  run('RENAME', key(), key('renamed')),
  run('HGETALL', key('renamed')),
  run('DEL', key('renamed')),
  run('HGETALL', key('renamed')),
]);
kase('pipelined', (key) => [
  ask(
    'a',
    command('HSET', key(), 'a', '1') +
      command('HINCRBY', key(), 'a', '2') +
      command('HGET', key(), 'a') +
      command('HSET', key(), 'x') +
      command('HGETALL', key()) +
      command('HDEL', key(), 'a') +
      command('EXISTS', key()),
    7,
  ),
]);
kase('inline', (key) => [ask('a', `HSET ${key()} f1 v1 f2 v2\r\n`), ask('a', `HGETALL ${key()}\r\n`), ask('a', `HMGET ${key()} f2 nope\r\n`)]);
export const hashesCorpus: readonly Case[] = resp2.cases;

// ---------------------------------------------------------------------------
// RESP3: HGETALL is a map (%), nulls are `_`, HRANDFIELD WITHVALUES nests pairs

const resp3 = builder('hashes3');
const hello = ask('a', command('HELLO', '3'));
resp3.kase('resp3-reads', (key) => [
  hello,
  run('HSET', key(), 'a', '1', BINARY, '', 'c', '3'),
  run('HGETALL', key()),
  run('HGETALL', key('missing')),
  run('HKEYS', key()),
  run('HVALS', key()),
  run('HGET', key(), 'a'),
  run('HGET', key(), 'nope'),
  run('HGET', key('missing'), 'a'),
  run('HMGET', key(), 'a', 'nope', BINARY),
  run('HMGET', key('missing'), 'a'),
  run('HLEN', key()),
  run('HEXISTS', key(), 'c'),
  run('HSTRLEN', key(), 'c'),
]);
resp3.kase('resp3-writes', (key) => [
  hello,
  run('HSET', key(), 'a', '1'),
  run('HMSET', key(), 'b', '2'),
  run('HSETNX', key(), 'b', '3'),
  run('HINCRBY', key(), 'a', '10'),
  run('HINCRBYFLOAT', key(), 'b', '0.5'),
  run('HDEL', key(), 'a', 'b'),
  run('EXISTS', key()),
  run('HINCRBY', key(), 'a', 'x'),
  run('HINCRBYFLOAT', key(), 'a', 'nan'),
]);
resp3.kase('resp3-hrandfield', (key) => [
  hello,
  run('HSET', key(), 'only', 'value'),
  run('HRANDFIELD', key()),
  run('HRANDFIELD', key('missing')),
  run('HRANDFIELD', key(), '1'),
  run('HRANDFIELD', key(), '1', 'WITHVALUES'),
  run('HRANDFIELD', key(), '-3', 'WITHVALUES'),
  run('HRANDFIELD', key(), '-2'),
  run('HRANDFIELD', key(), '5', 'WITHVALUES'),
  run('HRANDFIELD', key(), '0', 'WITHVALUES'),
  run('HRANDFIELD', key('missing'), '2', 'WITHVALUES'),
  run('HSET', key('three'), 'a', '1', 'b', '2', 'c', '3'),
  run('HRANDFIELD', key('three'), '3', 'WITHVALUES'),
]);
resp3.kase('resp3-hscan', (key) => [
  hello,
  run('HSET', key(), 'a', '1', 'b', '2'),
  run('HSCAN', key(), '0'),
  run('HSCAN', key('missing'), '0'),
  run('HSCAN', key(), 'x'),
  run('SET', key('str'), 'v'),
  run('HGETALL', key('str')),
]);

export const hashesResp3Corpus: readonly Case[] = resp3.cases;
