// The differential corpus of the core sorted-set commands: ZADD, ZINCRBY, ZREM, ZCARD,
// ZSCORE, ZMSCORE, ZCOUNT, ZLEXCOUNT, ZRANK, ZREVRANK, ZRANGE (every form), ZREVRANGE,
// Z[REV]RANGEBYSCORE, Z[REV]RANGEBYLEX, ZREMRANGEBYRANK/SCORE/LEX. Inputs only: real
// Redis's replies are the expected ones, error texts included.
//
// A sorted set's order is fully defined (score, then member bytes), so every reply is
// deterministic and compared byte for byte. What each group covers: success paths,
// every error text in Redis's order (options before ranges before the key), WRONGTYPE
// both ways (a zset command on a string, a string command on a zset), inf/-inf and -0,
// equal scores ordered by member bytes, exclusive bounds, LIMIT with negative offset and
// count, the key deleted when emptied, and crossing the listpack threshold (checked with
// OBJECT ENCODING, before and after, under default and CONFIG SET limits).

import { ask, command, type Case, type Key, type Step } from './corpus';

const cases: Case[] = [];
const resp3Cases: Case[] = [];

function kase(name: string, build: (key: Key) => Step[], into: Case[] = cases): void {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`case names are kebab-case (they prefix keys): ${name}`);
  if ([...cases, ...resp3Cases].some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
  const key: Key = (suffix = 'k') => `zc-${name}:${suffix}`;
  into.push({ name, steps: build(key) });
}

/** One command on connection "a", one reply. */
const run = (...args: string[]): Step => ask('a', command(...args));

/** A set of members a..e with scores 1..5, and the same set as the first step. */
const abcde = (key: string): Step => run('ZADD', key, '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e');
/** Members a..g with score 0 (for lex ranges). */
const lexSet = (key: string): Step => run('ZADD', key, '0', 'a', '0', 'b', '0', 'c', '0', 'd', '0', 'e', '0', 'f', '0', 'g');
const members = (n: number, prefix = 'm'): string[] => Array.from({ length: n }, (_, i) => [String(i), `${prefix}${i}`]).flat();

// ---------------------------------------------------------------------------
// ZADD

kase('zadd-basic', (key) => [abcde(key()), run('ZRANGE', key(), '0', '-1', 'WITHSCORES'), run('TYPE', key()), run('ZCARD', key())]);
kase('zadd-update', (key) => [abcde(key()), run('ZADD', key(), '10', 'a', '6', 'f'), run('ZRANGE', key(), '0', '-1', 'WITHSCORES')]);
kase('zadd-ch', (key) => [abcde(key()), run('ZADD', key(), 'CH', '10', 'a', '2', 'b', '6', 'f'), run('ZADD', key(), 'ch', '10', 'a')]);
kase('zadd-nx', (key) => [abcde(key()), run('ZADD', key(), 'NX', '10', 'a', '6', 'f'), run('ZSCORE', key(), 'a'), run('ZSCORE', key(), 'f')]);
kase('zadd-xx', (key) => [abcde(key()), run('ZADD', key(), 'XX', 'CH', '10', 'a', '6', 'f'), run('ZSCORE', key(), 'a'), run('ZSCORE', key(), 'f')]);
kase('zadd-xx-missing-key', (key) => [run('ZADD', key(), 'XX', '1', 'a'), run('EXISTS', key()), run('ZADD', key(), 'XX', 'INCR', '1', 'a'), run('EXISTS', key())]);
kase('zadd-gt', (key) => [abcde(key()), run('ZADD', key(), 'GT', 'CH', '10', 'a', '0', 'b', '6', 'f'), run('ZRANGE', key(), '0', '-1', 'WITHSCORES')]);
kase('zadd-lt', (key) => [abcde(key()), run('ZADD', key(), 'LT', 'CH', '10', 'a', '0', 'b', '6', 'f'), run('ZRANGE', key(), '0', '-1', 'WITHSCORES')]);
kase('zadd-xx-gt', (key) => [abcde(key()), run('ZADD', key(), 'XX', 'GT', 'CH', '10', 'a', '0', 'b', '6', 'f'), run('ZRANGE', key(), '0', '-1', 'WITHSCORES')]);
kase('zadd-options-any-case-order', (key) => [abcde(key()), run('ZADD', key(), 'ch', 'Xx', 'gT', '10', 'a'), run('ZADD', key(), 'gt', 'xx', 'ch', '11', 'a')]);
kase('zadd-incr', (key) => [
  abcde(key()),
  run('ZADD', key(), 'INCR', '2.5', 'a'),
  run('ZADD', key(), 'INCR', '1', 'new'),
  run('ZADD', key(), 'NX', 'INCR', '1', 'a'),
  run('ZADD', key(), 'XX', 'INCR', '1', 'missing'),
  run('ZADD', key(), 'GT', 'INCR', '-1', 'a'),
  run('ZADD', key(), 'LT', 'INCR', '-1', 'a'),
  run('ZADD', key(), 'INCR', '0', 'a'),
]);
kase('zadd-errors', (key) => [
  run('ZADD', key(), 'XX', 'NX', '1', 'a'),
  run('ZADD', key(), 'GT', 'LT', '1', 'a'),
  run('ZADD', key(), 'GT', 'NX', '1', 'a'),
  run('ZADD', key(), 'LT', 'NX', '1', 'a'),
  run('ZADD', key(), 'INCR', '1', 'a', '2', 'b'),
  run('ZADD', key(), '1', 'a', '2'),
  run('ZADD', key(), 'NX', 'XX', 'GT'),
  run('ZADD', key(), 'abc', 'a'),
  run('ZADD', key(), '1', 'a', 'x', 'b'),
  run('ZADD', key(), 'nan', 'a'),
  run('ZADD', key(), ''),
  run('ZADD', key()),
  run('ZADD', key(), '1'),
  run('EXISTS', key()),
]);
// Syntax before incompatibility: "XX NX 1" has an odd pair count.
kase('zadd-error-order', (key) => [run('ZADD', key(), 'XX', 'NX', '1'), run('ZADD', key(), 'INCR', 'XX', 'NX', '1', 'a', '2', 'b'), run('ZADD', key(), 'INCR', 'GT', 'LT', 'x', 'a', 'y', 'b')]);
// string2d: no leading space, nothing after, no overflow or underflow; inf and hex are floats.
kase('zadd-score-syntax', (key) => [
  run('ZADD', key(), ' 1', 'a'),
  run('ZADD', key(), '1 ', 'a'),
  run('ZADD', key(), '1e400', 'a'),
  run('ZADD', key(), '-1e400', 'a'),
  run('ZADD', key(), '1e-400', 'a'),
  run('ZADD', key(), '0e-400', 'zero'),
  run('ZADD', key(), '1\x00', 'a'),
  run('ZADD', key(), '+1.5e2', 'b', '.5', 'c', '5.', 'd', '0x1p3', 'e', '0X10', 'f', '-INF', 'g', 'Infinity', 'h', '+inf', 'i', '1E3', 'j'),
  run('ZADD', key(), '0x', 'a'),
  run('ZADD', key(), '1e', 'a'),
  run('ZADD', key(), '-', 'a'),
  run('ZADD', key(), '.', 'a'),
  run('ZADD', key(), 'NaN', 'a'),
  run('ZADD', key(), '-nan', 'a'),
  run('ZADD', key(), '4.9406564584124654e-324', 'tiny', '1.7976931348623157e308', 'huge', '0.1', 'tenth', '123456789012345678', 'big'),
  run('ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
kase('zadd-inf', (key) => [
  run('ZADD', key(), 'inf', 'p', '-inf', 'n', '0', 'z'),
  run('ZRANGE', key(), '0', '-1', 'WITHSCORES'),
  run('ZINCRBY', key(), '1', 'p'),
  run('ZINCRBY', key(), '-inf', 'p'),
  run('ZADD', key(), 'INCR', 'inf', 'n'),
  run('ZSCORE', key(), 'p'),
]);
// The whole-number fast path of score.ts and the option test by first byte in zadd.ts:
// signs, leading zeros, 15 and 16 digits (16 go to strtod), a lone sign, words that
// start like an option but are scores or members, options in mixed case and after NUL.
kase('zadd-whole-number-scores', (key) => [
  run('ZADD', key(), '+7', 'a', '-0', 'b', '007', 'c', '-12', 'd', '999999999999999', 'e', '9999999999999999', 'f', '-1234567890123456789', 'g'),
  run('ZRANGE', key(), '0', '-1', 'WITHSCORES'),
  run('ZADD', key(), '+', 'a'),
  run('ZADD', key(), '-', 'a'),
  run('ZADD', key(), '1-', 'a'),
  run('ZADD', key(), 'Nx', 'cH', '8', 'h'),
  run('ZADD', key(), 'xX', 'Ch', '9', 'h', '10', 'z'),
  run('ZADD', key(), 'nx\0zz', '11', 'i'),
  run('ZADD', key(), 'gt', 'lt', '1', 'a'),
  run('ZADD', key(), 'inf', 'j', 'ltx', 'k'),
  run('ZADD', key(), 'nope', 'a'),
  run('ZADD', key(), 'INCR', '5', 'a'),
  run('ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
kase('zadd-minus-zero-listpack', (key) => [run('ZADD', key(), '-0', 'a'), run('ZSCORE', key(), 'a'), run('ZADD', key(), 'INCR', '-0', 'b'), run('ZRANGE', key(), '0', '-1', 'WITHSCORES')]);
kase('zadd-minus-zero-skiplist', (key) => [
  run('ZADD', key(), '-0', 'x'.repeat(70)),
  run('OBJECT', 'ENCODING', key()),
  run('ZSCORE', key(), 'x'.repeat(70)),
  run('ZADD', key(), '0', 'x'.repeat(70)),
  run('ZSCORE', key(), 'x'.repeat(70)),
]);
kase('zadd-equal-scores-by-bytes', (key) => [
  run('ZADD', key(), '1', 'b', '1', 'a', '1', '\xff', '1', '\x00', '1', 'A', '1', 'aa', '1', '', '1', 'B'),
  run('ZRANGE', key(), '0', '-1'),
  run('ZRANK', key(), '\xff'),
  run('ZRANK', key(), ''),
]);
kase('zadd-binary-member', (key) => [run('ZADD', key(), '1', '\x00\r\n\xff'), run('ZSCORE', key(), '\x00\r\n\xff'), run('ZRANGE', key(), '0', '-1')]);
kase('zadd-wrongtype', (key) => [run('SET', key(), 'v'), run('ZADD', key(), '1', 'a'), run('ZADD', key(), 'XX', '1', 'a'), run('ZADD', key(), 'x', 'a'), run('GET', key())]);
kase('zadd-string-command-on-zset', (key) => [abcde(key()), run('GET', key()), run('LPUSH', key(), 'x'), run('SADD', key(), 'x'), run('HGET', key(), 'x'), run('INCR', key())]);
kase('zadd-duplicate-member-in-call', (key) => [run('ZADD', key(), '1', 'a', '2', 'a', '3', 'a'), run('ZSCORE', key(), 'a'), run('ZADD', key(), 'CH', '1', 'a', '3', 'a')]);
// Options are read as C strings (strcasecmp): they end at a NUL byte.
kase('options-end-at-nul', (key) => [
  run('ZADD', key(), '1', 'a'),
  run('ZADD', key(), 'nx\x00x', '2', 'a', '2', 'b'),
  run('ZRANGE', key(), '0', '-1', 'withscores\x00zz'),
  run('ZRANGE', key(), '0', '-1', 'rev\x00'),
  run('ZRANGEBYSCORE', key(), '-inf', '+inf', 'LIMIT\x00', '0', '1'),
]);
kase('zadd-lowercase', (key) => [run('zadd', key(), '1', 'a'), run('zAdD', key(), 'nx', 'ch', '2', 'b')]);
kase('zadd-pipelined', (key) => [ask('a', command('ZADD', key(), '1', 'a') + command('ZADD', key(), 'x', 'b') + command('ZRANGE', key(), '0', '-1', 'WITHSCORES') + command('ZADD'), 4)]);
kase('zadd-inline', (key) => [ask('a', `ZADD ${key()} 1 a 2 b\r\n`), ask('a', `ZRANGE ${key()} 0 -1 WITHSCORES\r\n`)]);

// ---------------------------------------------------------------------------
// Encodings: the listpack threshold

kase('encoding-entries-threshold', (key) => [
  run('ZADD', key(), ...members(128)),
  run('OBJECT', 'ENCODING', key()),
  run('ZADD', key(), '128', 'm128'),
  run('OBJECT', 'ENCODING', key()),
  run('ZREMRANGEBYRANK', key(), '0', '-3'),
  run('OBJECT', 'ENCODING', key()),
  run('ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
kase('encoding-value-threshold', (key) => [
  run('ZADD', key(), '1', 'x'.repeat(64)),
  run('OBJECT', 'ENCODING', key()),
  run('ZADD', key(), '2', 'y'.repeat(65)),
  run('OBJECT', 'ENCODING', key()),
  run('ZREM', key(), 'y'.repeat(65)),
  run('OBJECT', 'ENCODING', key()),
  run('ZADD', key('b'), '1', 'z'.repeat(65)),
  run('OBJECT', 'ENCODING', key('b')),
]);
kase('encoding-config-set', (key) => [
  run('CONFIG', 'SET', 'zset-max-listpack-entries', '4'),
  run('ZADD', key(), '1', 'a', '2', 'b', '3', 'c', '4', 'd'),
  run('OBJECT', 'ENCODING', key()),
  run('ZADD', key(), '5', 'e'),
  run('OBJECT', 'ENCODING', key()),
  run('CONFIG', 'SET', 'zset-max-listpack-entries', '0'),
  run('ZADD', key('b'), '1', 'a'),
  run('OBJECT', 'ENCODING', key('b')),
  run('CONFIG', 'SET', 'zset-max-listpack-entries', '128'),
  run('CONFIG', 'SET', 'zset-max-ziplist-value', '3'),
  run('ZADD', key('c'), '1', 'abc'),
  run('OBJECT', 'ENCODING', key('c')),
  run('ZADD', key('c'), '1', 'abcd'),
  run('OBJECT', 'ENCODING', key('c')),
  run('CONFIG', 'SET', 'zset-max-listpack-value', '64'),
]);
// The same queries on both encodings must agree (skiplist: a 70-byte member forces it).
const both = (name: string, steps: (key: string) => Step[], setup: (key: string) => Step = abcde): void => {
  kase(`${name}-listpack`, (key) => [setup(key()), ...steps(key())]);
  kase(`${name}-skiplist`, (key) => [setup(key()), run('ZADD', key(), '0', 'x'.repeat(70)), run('ZREM', key(), 'x'.repeat(70)), run('OBJECT', 'ENCODING', key()), ...steps(key())]);
};

// ---------------------------------------------------------------------------
// ZRANGE by rank, ZREVRANGE

both('zrange-rank', (k) => [
  run('ZRANGE', k, '0', '-1'),
  run('ZRANGE', k, '0', '-1', 'WITHSCORES'),
  run('ZRANGE', k, '1', '2', 'withscores'),
  run('ZRANGE', k, '-2', '-1'),
  run('ZRANGE', k, '-100', '100'),
  run('ZRANGE', k, '3', '1'),
  run('ZRANGE', k, '5', '10'),
  run('ZRANGE', k, '0', '-6'),
  run('ZRANGE', k, '0', '0', 'REV', 'WITHSCORES'),
  run('ZRANGE', k, '1', '-2', 'REV'),
  run('ZREVRANGE', k, '0', '-1', 'WITHSCORES'),
  run('ZREVRANGE', k, '1', '1'),
  run('ZREVRANGE', k, '-1', '-1'),
  run('ZRANGE', k, '0', '-1', 'LIMIT', '0', '-1'),
]);
kase('zrange-rank-errors', (key) => [
  abcde(key()),
  run('ZRANGE', key(), 'a', '1'),
  run('ZRANGE', key(), '0', '1.5'),
  run('ZRANGE', key(), '0', '9223372036854775808'),
  run('ZRANGE', key(), '0', '1', 'LIMIT', '0', '1'),
  run('ZRANGE', key(), '0', '1', 'LIMIT', '0'),
  run('ZRANGE', key(), '0', '1', 'LIMIT', 'x', '1'),
  run('ZRANGE', key(), '0', '1', 'LIMIT', '1', 'x'),
  run('ZRANGE', key(), '0', '1', 'FOO'),
  run('ZRANGE', key(), '0', '1', 'BYSCORE', 'BYLEX'),
  run('ZRANGE', key(), '0', '1', 'BYSCORE', 'BYSCORE'),
  run('ZRANGE', key(), '[a', '[b', 'BYLEX', 'WITHSCORES'),
  run('ZRANGE', key(), '0', '1', 'REV', 'REV'),
  run('ZREVRANGE', key(), '0', '1', 'REV'),
  run('ZREVRANGE', key(), '0', '1', 'LIMIT', '0', '1'),
  run('ZREVRANGE', key(), '0', '1', 'BYSCORE'),
  run('ZRANGE', key(), '0'),
  run('ZREVRANGE', key(), '0'),
  run('ZRANGE', key(), 'x', '1', 'FOO'),
]);
kase('zrange-missing-and-wrongtype', (key) => [
  run('ZRANGE', key(), '0', '-1'),
  run('ZRANGE', key(), '0', '-1', 'BYSCORE', 'WITHSCORES'),
  run('SET', key('s'), 'v'),
  run('ZRANGE', key('s'), '0', '-1'),
  run('ZRANGE', key('s'), 'x', '-1'),
  run('ZREVRANGE', key('s'), '0', '-1'),
  run('ZRANGEBYSCORE', key('s'), '0', '1'),
  run('ZRANGEBYSCORE', key('s'), 'x', '1'),
  run('ZRANGEBYLEX', key('s'), '-', '+'),
  run('ZRANGEBYLEX', key('s'), 'x', '+'),
]);

// ---------------------------------------------------------------------------
// By score

both('zrange-score', (k) => [
  run('ZRANGEBYSCORE', k, '-inf', '+inf'),
  run('ZRANGEBYSCORE', k, '-inf', '+inf', 'WITHSCORES'),
  run('ZRANGEBYSCORE', k, '2', '4'),
  run('ZRANGEBYSCORE', k, '(2', '4'),
  run('ZRANGEBYSCORE', k, '2', '(4'),
  run('ZRANGEBYSCORE', k, '(2', '(4'),
  run('ZRANGEBYSCORE', k, '(2', '(3'),
  run('ZRANGEBYSCORE', k, '3', '3'),
  run('ZRANGEBYSCORE', k, '(3', '3'),
  run('ZRANGEBYSCORE', k, '4', '2'),
  run('ZRANGEBYSCORE', k, '6', '+inf'),
  run('ZRANGEBYSCORE', k, '-inf', '0'),
  run('ZRANGEBYSCORE', k, '-inf', '+inf', 'LIMIT', '1', '2'),
  run('ZRANGEBYSCORE', k, '-inf', '+inf', 'LIMIT', '1', '-1'),
  run('ZRANGEBYSCORE', k, '-inf', '+inf', 'LIMIT', '1', '-5'),
  run('ZRANGEBYSCORE', k, '-inf', '+inf', 'LIMIT', '-1', '2'),
  run('ZRANGEBYSCORE', k, '-inf', '+inf', 'LIMIT', '5', '2'),
  run('ZRANGEBYSCORE', k, '-inf', '+inf', 'LIMIT', '4', '0'),
  run('ZRANGEBYSCORE', k, '2', '4', 'LIMIT', '1', '10', 'WITHSCORES'),
  run('ZRANGEBYSCORE', k, '2', '4', 'WITHSCORES', 'LIMIT', '0', '1', 'LIMIT', '2', '1'),
  run('ZREVRANGEBYSCORE', k, '+inf', '-inf'),
  run('ZREVRANGEBYSCORE', k, '4', '2', 'WITHSCORES'),
  run('ZREVRANGEBYSCORE', k, '(4', '(2'),
  run('ZREVRANGEBYSCORE', k, '2', '4'),
  run('ZREVRANGEBYSCORE', k, '+inf', '-inf', 'LIMIT', '1', '2'),
  run('ZREVRANGEBYSCORE', k, '+inf', '-inf', 'LIMIT', '-1', '2'),
  run('ZRANGE', k, '2', '4', 'BYSCORE'),
  run('ZRANGE', k, '(4', '2', 'BYSCORE', 'REV', 'WITHSCORES'),
  run('ZRANGE', k, '-inf', '+inf', 'BYSCORE', 'LIMIT', '1', '3', 'REV'),
  run('ZRANGE', k, '+inf', '-inf', 'REV', 'BYSCORE', 'LIMIT', '2', '-1'),
]);
kase('zrange-score-bounds-syntax', (key) => [
  abcde(key()),
  run('ZADD', key(), '0', 'zero'),
  run('ZRANGEBYSCORE', key(), '', ''),
  run('ZRANGEBYSCORE', key(), '(', '3'),
  run('ZRANGEBYSCORE', key(), ' 2', ' 3'),
  run('ZRANGEBYSCORE', key(), '2\x00garbage', '3'),
  run('ZRANGEBYSCORE', key(), '-1e400', '1e400'),
  run('ZRANGEBYSCORE', key(), '0x1', '0x3'),
  run('ZRANGEBYSCORE', key(), '-INF', 'INFINITY'),
  run('ZRANGEBYSCORE', key(), '  ', '3'),
  run('ZRANGEBYSCORE', key(), 'x', '3'),
  run('ZRANGEBYSCORE', key(), '1', 'nan'),
  run('ZRANGEBYSCORE', key(), '((1', '3'),
  run('ZRANGEBYSCORE', key(), '[1', '3'),
  run('ZRANGEBYSCORE', key(), '1 ', '3'),
  run('ZRANGEBYSCORE', key(), '1', '3', 'BYSCORE'),
  run('ZRANGEBYSCORE', key(), '1', '3', 'REV'),
  run('ZRANGEBYSCORE', key(), '1', '3', 'LIMIT', '1'),
  run('ZRANGEBYSCORE', key(), 'x', '3', 'FOO'),
  run('ZRANGEBYSCORE', key(), 'x', '3', 'LIMIT', 'a', 'b'),
  run('ZRANGEBYSCORE', key('missing'), 'x', '3'),
]);
kase('zrange-score-inf-members', (key) => [
  run('ZADD', key(), '-inf', 'n', 'inf', 'p', '0', 'z', '1', 'o'),
  run('ZRANGEBYSCORE', key(), '-inf', '+inf', 'WITHSCORES'),
  run('ZRANGEBYSCORE', key(), '(-inf', '(+inf', 'WITHSCORES'),
  run('ZRANGEBYSCORE', key(), 'inf', 'inf'),
  run('ZCOUNT', key(), '-inf', '-inf'),
  run('ZCOUNT', key(), '(-inf', '+inf'),
]);

// ---------------------------------------------------------------------------
// By lex

both('zrange-lex', (k) => [
  run('ZRANGEBYLEX', k, '-', '+'),
  run('ZRANGEBYLEX', k, '[b', '[d'),
  run('ZRANGEBYLEX', k, '(b', '[d'),
  run('ZRANGEBYLEX', k, '[b', '(d'),
  run('ZRANGEBYLEX', k, '(b', '(c'),
  run('ZRANGEBYLEX', k, '[c', '[c'),
  run('ZRANGEBYLEX', k, '(c', '[c'),
  run('ZRANGEBYLEX', k, '[d', '[b'),
  run('ZRANGEBYLEX', k, '+', '-'),
  run('ZRANGEBYLEX', k, '-', '-'),
  run('ZRANGEBYLEX', k, '+', '+'),
  run('ZRANGEBYLEX', k, '[', '+'),
  run('ZRANGEBYLEX', k, '(', '[c'),
  run('ZRANGEBYLEX', k, '[aa', '(e'),
  run('ZRANGEBYLEX', k, '-', '+', 'LIMIT', '2', '3'),
  run('ZRANGEBYLEX', k, '-', '+', 'LIMIT', '2', '-1'),
  run('ZRANGEBYLEX', k, '-', '+', 'LIMIT', '-1', '3'),
  run('ZRANGEBYLEX', k, '-', '+', 'LIMIT', '10', '3'),
  run('ZREVRANGEBYLEX', k, '+', '-'),
  run('ZREVRANGEBYLEX', k, '[d', '(b'),
  run('ZREVRANGEBYLEX', k, '-', '+'),
  run('ZREVRANGEBYLEX', k, '+', '-', 'LIMIT', '1', '2'),
  run('ZRANGE', k, '[b', '[e', 'BYLEX', 'LIMIT', '1', '2'),
  run('ZRANGE', k, '[e', '[b', 'BYLEX', 'REV'),
  run('ZLEXCOUNT', k, '-', '+'),
  run('ZLEXCOUNT', k, '(b', '[f'),
  run('ZLEXCOUNT', k, '[f', '(b'),
], lexSet);
kase('zrange-lex-errors', (key) => [
  lexSet(key()),
  run('ZRANGEBYLEX', key(), 'a', '+'),
  run('ZRANGEBYLEX', key(), '-', 'b'),
  run('ZRANGEBYLEX', key(), '', '+'),
  run('ZRANGEBYLEX', key(), '+a', '+'),
  run('ZRANGEBYLEX', key(), '-\x00x', '+\x00y'),
  run('ZRANGEBYLEX', key(), '-', '+', 'WITHSCORES'),
  run('ZRANGEBYLEX', key(), '-', '+', 'LIMIT', '0'),
  run('ZRANGEBYLEX', key(), '-', '+', 'BYLEX'),
  run('ZLEXCOUNT', key(), 'a', 'b'),
  run('ZLEXCOUNT', key('missing'), '-', '+'),
  run('ZLEXCOUNT', key('missing'), 'a', '+'),
  run('ZREMRANGEBYLEX', key(), 'a', '+'),
]);
// Over mixed scores Redis leaves lex ranges unspecified, but a listpack answers them by
// linear scans, deterministically: first member >= min from the head, then on while <= max
// (and from the tail for the reverse forms), after a check of the first and last members.
kase('zrange-lex-mixed-scores-listpack', (key) => [
  run('ZADD', key(), '3', 'a', '1', 'b', '2', 'c', '0', 'd', '5', 'e', '4', 'aa'),
  run('ZRANGE', key(), '0', '-1'),
  run('ZRANGEBYLEX', key(), '[b', '[c'),
  run('ZRANGEBYLEX', key(), '-', '+'),
  run('ZRANGEBYLEX', key(), '[a', '(e'),
  run('ZREVRANGEBYLEX', key(), '[e', '[a'),
  run('ZREVRANGEBYLEX', key(), '+', '(b', 'LIMIT', '1', '2'),
  run('ZLEXCOUNT', key(), '[b', '[d'),
  run('ZLEXCOUNT', key(), '(a', '+'),
  run('ZREMRANGEBYLEX', key(), '[c', '[d'),
  run('ZRANGE', key(), '0', '-1'),
]);
kase('zrange-lex-binary', (key) => [
  run('ZADD', key(), '0', '\x00', '0', 'a\x00b', '0', 'a', '0', '\xff', '0', 'a\xff'),
  run('ZRANGEBYLEX', key(), '[a', '[a\xff'),
  run('ZRANGEBYLEX', key(), '(\x00', '+'),
  run('ZRANGEBYLEX', key(), '[a\x00', '(a\xff'),
]);

// ---------------------------------------------------------------------------
// ZSCORE, ZMSCORE, ZCARD, ZRANK, ZREVRANK, ZCOUNT

both('zread', (k) => [
  run('ZSCORE', k, 'c'),
  run('ZSCORE', k, 'nope'),
  run('ZMSCORE', k, 'a', 'nope', 'e'),
  run('ZCARD', k),
  run('ZRANK', k, 'a'),
  run('ZRANK', k, 'e'),
  run('ZRANK', k, 'nope'),
  run('ZREVRANK', k, 'a'),
  run('ZREVRANK', k, 'e'),
  run('ZREVRANK', k, 'nope'),
  run('ZCOUNT', k, '-inf', '+inf'),
  run('ZCOUNT', k, '(1', '(5'),
  run('ZCOUNT', k, '2', '2'),
  run('ZCOUNT', k, '(2', '2'),
  run('ZCOUNT', k, '5', '1'),
  run('ZCOUNT', k, '10', '20'),
]);
kase('zread-missing', (key) => [
  run('ZSCORE', key(), 'a'),
  run('ZMSCORE', key(), 'a', 'b'),
  run('ZCARD', key()),
  run('ZRANK', key(), 'a'),
  run('ZREVRANK', key(), 'a'),
  run('ZCOUNT', key(), '0', '1'),
  run('ZCOUNT', key(), 'x', '1'),
]);
kase('zread-wrongtype', (key) => [
  run('SET', key(), 'v'),
  run('ZSCORE', key(), 'a'),
  run('ZMSCORE', key(), 'a'),
  run('ZCARD', key()),
  run('ZRANK', key(), 'a'),
  run('ZREVRANK', key(), 'a'),
  run('ZCOUNT', key(), '0', '1'),
  run('ZCOUNT', key(), 'x', '1'),
  run('ZLEXCOUNT', key(), '-', '+'),
  run('ZINCRBY', key(), '1', 'a'),
  run('ZREM', key(), 'a'),
  run('ZREMRANGEBYRANK', key(), '0', '1'),
  run('ZREMRANGEBYSCORE', key(), '0', '1'),
  run('ZREMRANGEBYLEX', key(), '-', '+'),
  run('ZREMRANGEBYRANK', key(), 'x', '1'),
]);
kase('zread-arity', () => [
  run('ZSCORE', 'k'),
  run('ZMSCORE', 'k'),
  run('ZCARD'),
  run('ZCARD', 'a', 'b'),
  run('ZRANK', 'k'),
  run('ZRANK', 'k', 'a', 'b'),
  run('ZREVRANK', 'k'),
  run('ZCOUNT', 'k', '1'),
  run('ZLEXCOUNT', 'k', '-'),
  run('ZINCRBY', 'k', '1'),
  run('ZINCRBY', 'k', '1', 'a', 'b'),
  run('ZREM', 'k'),
  run('ZREMRANGEBYRANK', 'k', '0'),
  run('ZREMRANGEBYSCORE', 'k', '0'),
  run('ZREMRANGEBYLEX', 'k', '-'),
  run('ZRANGEBYSCORE', 'k', '0'),
  run('ZREVRANGEBYSCORE', 'k', '0'),
  run('ZRANGEBYLEX', 'k', '-'),
  run('ZREVRANGEBYLEX', 'k', '-'),
]);
kase('zscore-doubles', (key) => [
  run('ZADD', key(), '0.1', 'a', '1e300', 'b', '-1.5e-7', 'c', '3.0', 'd', '123456789.123456789', 'e', '1e17', 'f', '1e16', 'g'),
  run('ZMSCORE', key(), 'a', 'b', 'c', 'd', 'e', 'f', 'g'),
  run('ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);

// ---------------------------------------------------------------------------
// ZINCRBY

kase('zincrby', (key) => [
  run('ZINCRBY', key(), '1', 'a'),
  run('ZINCRBY', key(), '2.5', 'a'),
  run('ZINCRBY', key(), '-10', 'a'),
  run('ZINCRBY', key(), '0.1', 'b'),
  run('ZINCRBY', key(), '0.2', 'b'),
  run('ZINCRBY', key(), 'x', 'a'),
  run('ZINCRBY', key(), 'nx', 'a'),
  run('ZINCRBY', key(), 'incr', 'a'),
  run('ZINCRBY', key(), '1e400', 'a'),
  run('ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
kase('zincrby-nan', (key) => [run('ZADD', key(), 'inf', 'a'), run('ZINCRBY', key(), '-inf', 'a'), run('ZINCRBY', key(), 'inf', 'a'), run('ZSCORE', key(), 'a')]);

// ---------------------------------------------------------------------------
// ZREM and the removals by range

kase('zrem', (key) => [
  abcde(key()),
  run('ZREM', key(), 'a', 'nope', 'a', 'c'),
  run('ZRANGE', key(), '0', '-1'),
  run('ZREM', key(), 'b', 'd', 'e', 'nope'),
  run('EXISTS', key()),
  run('ZREM', key(), 'a'),
]);
both('zremrange-rank', (k) => [run('ZREMRANGEBYRANK', k, '1', '2'), run('ZRANGE', k, '0', '-1'), run('ZREMRANGEBYRANK', k, '5', '10'), run('ZREMRANGEBYRANK', k, '-1', '-1'), run('ZREMRANGEBYRANK', k, '2', '1'), run('ZRANGE', k, '0', '-1'), run('ZREMRANGEBYRANK', k, '0', '-1'), run('EXISTS', k)]);
both('zremrange-score', (k) => [run('ZREMRANGEBYSCORE', k, '(1', '3'), run('ZRANGE', k, '0', '-1'), run('ZREMRANGEBYSCORE', k, '10', '20'), run('ZREMRANGEBYSCORE', k, '5', '(5'), run('ZREMRANGEBYSCORE', k, '-inf', '+inf'), run('EXISTS', k)]);
both('zremrange-lex', (k) => [
  run('ZREMRANGEBYLEX', k, '(b', '[d'),
  run('ZRANGE', k, '0', '-1'),
  run('ZREMRANGEBYLEX', k, '[x', '+'),
  run('ZREMRANGEBYLEX', k, '[a', '(a'),
  run('ZREMRANGEBYLEX', k, '-', '+'),
  run('EXISTS', k),
], lexSet);
kase('zremrange-errors-and-missing', (key) => [
  run('ZREMRANGEBYRANK', key(), 'a', '1'),
  run('ZREMRANGEBYRANK', key(), '0', '1'),
  run('ZREMRANGEBYSCORE', key(), 'a', '1'),
  run('ZREMRANGEBYSCORE', key(), '0', '1'),
  run('ZREMRANGEBYLEX', key(), 'a', '+'),
  run('ZREMRANGEBYLEX', key(), '-', '+'),
]);

// ---------------------------------------------------------------------------
// Interactions

kase('zset-expired', (key) => [abcde(key()), run('PEXPIREAT', key(), '1'), run('ZCARD', key()), run('ZADD', key(), '1', 'x'), run('TTL', key())]);
kase('zset-ttl-kept', (key) => [abcde(key()), run('EXPIRE', key(), '100'), run('ZADD', key(), '9', 'z'), run('ZREM', key(), 'a'), run('TTL', key())]);
kase('zset-big', (key) => [
  run('ZADD', key(), ...members(300)),
  run('OBJECT', 'ENCODING', key()),
  run('ZRANGE', key(), '100', '110', 'WITHSCORES'),
  run('ZREVRANGE', key(), '0', '3'),
  run('ZRANK', key(), 'm250'),
  run('ZREVRANK', key(), 'm250'),
  run('ZCOUNT', key(), '(10', '200'),
  run('ZRANGEBYSCORE', key(), '(150', '+inf', 'LIMIT', '10', '5'),
  run('ZREVRANGEBYSCORE', key(), '(150', '-inf', 'LIMIT', '10', '5'),
  run('ZREMRANGEBYSCORE', key(), '10', '19'),
  run('ZREMRANGEBYRANK', key(), '0', '4'),
  run('ZRANGE', key(), '0', '9'),
  run('ZCARD', key()),
]);
kase('zset-subscribed', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), run('ZADD', key(), '1', 'a')]);

// COMMAND INFO and COMMAND DOCS, whole replies (key specs, arguments, history...).
const NAMES = ['zadd', 'zincrby', 'zrem', 'zcard', 'zscore', 'zmscore', 'zcount', 'zlexcount', 'zrank', 'zrevrank', 'zrange', 'zrevrange', 'zrangebyscore', 'zrevrangebyscore', 'zrangebylex', 'zrevrangebylex', 'zremrangebyrank', 'zremrangebyscore', 'zremrangebylex'];
kase('metadata-info', () => NAMES.map((n) => run('COMMAND', 'INFO', n)));
kase('metadata-docs', () => NAMES.map((n) => run('COMMAND', 'DOCS', n)));

export const zsetsCoreCorpus: readonly Case[] = cases;

// ---------------------------------------------------------------------------
// RESP3: doubles as `,`, WITHSCORES as [member, score] pairs, nil as `_`

const hello = (): Step => ask('a', command('HELLO', '3'));
kase(
  'resp3-scores',
  (key) => [
    hello(),
    run('ZADD', key(), '1', 'a', '2.5', 'b', 'inf', 'c', '-inf', 'd', '0.1', 'e'),
    run('ZSCORE', key(), 'b'),
    run('ZSCORE', key(), 'c'),
    run('ZSCORE', key(), 'nope'),
    run('ZMSCORE', key(), 'a', 'nope', 'd'),
    run('ZINCRBY', key(), '1', 'a'),
    run('ZADD', key(), 'INCR', '1', 'e'),
    run('ZADD', key(), 'NX', 'INCR', '1', 'e'),
    run('ZRANK', key(), 'nope'),
    run('ZREVRANK', key(), 'a'),
  ],
  resp3Cases,
);
kase(
  'resp3-ranges',
  (key) => [
    hello(),
    abcde(key()),
    run('ZRANGE', key(), '0', '-1'),
    run('ZRANGE', key(), '0', '-1', 'WITHSCORES'),
    run('ZREVRANGE', key(), '0', '1', 'WITHSCORES'),
    run('ZRANGEBYSCORE', key(), '2', '4', 'WITHSCORES'),
    run('ZREVRANGEBYSCORE', key(), '4', '2', 'WITHSCORES', 'LIMIT', '1', '1'),
    run('ZRANGE', key(), '2', '4', 'BYSCORE', 'WITHSCORES'),
    run('ZRANGEBYLEX', key(), '-', '+'),
    run('ZRANGE', key('missing'), '0', '-1', 'WITHSCORES'),
    run('ZRANGE', key(), '5', '10', 'WITHSCORES'),
  ],
  resp3Cases,
);
kase(
  'resp3-errors',
  (key) => [hello(), run('SET', key(), 'v'), run('ZADD', key(), '1', 'a'), run('ZSCORE', key(), 'a'), run('ZADD', key('z'), 'XX', 'NX', '1', 'a'), run('ZRANGE', key('z'), '0', '1', 'LIMIT', '0', '1')],
  resp3Cases,
);
kase(
  'resp3-skiplist',
  (key) => [hello(), run('ZADD', key(), ...members(200)), run('ZRANGE', key(), '0', '2', 'WITHSCORES'), run('ZSCORE', key(), 'm150'), run('ZADD', key(), '-0', 'neg'), run('ZSCORE', key(), 'neg')],
  resp3Cases,
);

kase('resp3-metadata', () => [hello(), run('COMMAND', 'INFO', 'zadd', 'zrange'), run('COMMAND', 'DOCS', 'zadd', 'zrangebyscore')], resp3Cases);

export const zsetsCoreResp3Corpus: readonly Case[] = resp3Cases;
