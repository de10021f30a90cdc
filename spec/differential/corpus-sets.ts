// The differential corpus of the set commands: SADD, SREM, SMEMBERS, SISMEMBER,
// SMISMEMBER, SCARD, SPOP, SRANDMEMBER, SINTER, SUNION, SDIFF, SINTERSTORE,
// SUNIONSTORE, SDIFFSTORE, SINTERCARD, SMOVE, SSCAN. Inputs only, as everywhere in the
// corpus: real Redis's replies are the expected ones, error texts included.
//
// Every case must be deterministic, and a set's order is only defined by Redis for an
// intset (numeric order). So a reply that lists members comes from an intset (or from
// a result Redis builds as an intset: SUNION, SDIFF and the STORE variants start from
// one), or holds a single member; a hash table's contents are checked with SCARD and
// SISMEMBER. Random replies (SPOP, SRANDMEMBER) are compared only where randomness
// cannot show: a set of one member, a count covering the whole set, repeats of one
// member. The rest (order-free comparisons, uniformity) is in spec/commands/sets.spec.ts.

import { ask, command, type Case, type Key, type Step } from './corpus';

const cases: Case[] = [];
const resp3Cases: Case[] = [];

function kase(name: string, build: (key: Key) => Step[], into: Case[] = cases): void {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`case names are kebab-case (they prefix keys): ${name}`);
  if ([...cases, ...resp3Cases].some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
  const key: Key = (suffix = 'k') => `set-${name}:${suffix}`;
  into.push({ name, steps: build(key) });
}

/** One command on connection "a", one reply. */
const run = (...args: string[]): Step => ask('a', command(...args));

const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';
/** Every byte value once (NUL, CR LF, 0xff...). */
const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
/** n integers as strings, from `from` on. */
const ints = (n: number, from = 1): string[] => Array.from({ length: n }, (_, i) => String(from + i));

// ---------------------------------------------------------------------------
// SADD

kase('sadd-new', (key) => [run('SADD', key(), '3', '1', '2'), run('SMEMBERS', key()), run('TYPE', key())]);
kase('sadd-duplicates', (key) => [run('SADD', key(), '1', '1', '2'), run('SADD', key(), '2', '3', '3'), run('SMEMBERS', key())]);
kase('sadd-numeric-order', (key) => [run('SADD', key(), '10', '-5', '3', '100', '0', '-100', '2', '20'), run('SMEMBERS', key())]);
kase('sadd-int64-edges', (key) => [
  run('SADD', key(), LLONG_MAX, LLONG_MIN, '9007199254740993', '9007199254740992', '-9007199254740993', '9007199254740991', '0'),
  run('SMEMBERS', key()),
  run('SISMEMBER', key(), '9007199254740993'),
  run('SISMEMBER', key(), '9007199254740994'),
]);
// Not canonical integers: strings, so the set is a hash table (checked without order).
kase('sadd-noncanonical', (key) => [
  run('SADD', key(), '1', '01'),
  run('SCARD', key()),
  run('SISMEMBER', key(), '01'),
  run('SISMEMBER', key(), '1'),
  run('SISMEMBER', key(), '001'),
]);
kase('sadd-minus-zero', (key) => [run('SADD', key(), '-0'), run('SMEMBERS', key()), run('SADD', key(), '0'), run('SCARD', key()), run('SISMEMBER', key(), '0')]);
kase('sadd-plus-sign', (key) => [run('SADD', key(), '+1'), run('SMEMBERS', key()), run('SISMEMBER', key(), '1')]);
kase('sadd-past-llong', (key) => [run('SADD', key(), '9223372036854775808'), run('SMEMBERS', key()), run('SADD', key(), LLONG_MAX), run('SCARD', key())]);
kase('sadd-string', (key) => [run('SADD', key(), 'hello'), run('SMEMBERS', key()), run('SADD', key(), 'hello'), run('SCARD', key())]);
kase('sadd-binary', (key) => [run('SADD', key(ALL_BYTES), ALL_BYTES), run('SMEMBERS', key(ALL_BYTES)), run('SISMEMBER', key(ALL_BYTES), ALL_BYTES)]);
kase('sadd-empty-member', (key) => [run('SADD', key(), ''), run('SMEMBERS', key()), run('SISMEMBER', key(), '')]);
kase('sadd-spaces', (key) => [run('SADD', key(), ' 1'), run('SISMEMBER', key(), '1'), run('SMEMBERS', key())]);
kase('sadd-wrongtype', (key) => [run('SET', key(), 'v'), run('SADD', key(), 'a'), run('GET', key())]);
kase('sadd-arity', (key) => [run('SADD'), run('SADD', key()), run('EXISTS', key())]);
kase('sadd-lowercase', (key) => [run('sadd', key(), '1'), run('smembers', key())]);
// 512 integers stay an intset (numeric order, though added backwards); the 513th converts.
kase('sadd-512-ints', (key) => [run('SADD', key(), ...ints(512).reverse()), run('SMEMBERS', key()), run('SCARD', key())]);
kase('sadd-513-ints', (key) => [run('SADD', key(), ...ints(513)), run('SCARD', key()), run('SISMEMBER', key(), '513'), run('SISMEMBER', key(), '0')]);
kase('sadd-one-at-a-time', (key) => [...ints(6).reverse().map((m) => run('SADD', key(), m)), run('SMEMBERS', key())]);

// ---------------------------------------------------------------------------
// SREM

kase('srem-basic', (key) => [run('SADD', key(), '1', '2', '3'), run('SREM', key(), '2'), run('SMEMBERS', key())]);
kase('srem-counted', (key) => [run('SADD', key(), '1', '2', '3', '4'), run('SREM', key(), '1', '1', '3', '9'), run('SMEMBERS', key())]);
kase('srem-missing-key', (key) => [run('SREM', key(), 'a')]);
kase('srem-missing-member', (key) => [run('SADD', key(), 'a'), run('SREM', key(), 'b'), run('SMEMBERS', key())]);
// The last member removed deletes the key (and the rest of the arguments are not looked at).
kase('srem-last-deletes', (key) => [run('SADD', key(), '1', '2'), run('SREM', key(), '1', '2', '3'), run('EXISTS', key()), run('TYPE', key())]);
kase('srem-string-last', (key) => [run('SADD', key(), 'a'), run('SREM', key(), 'a'), run('EXISTS', key())]);
kase('srem-noncanonical', (key) => [run('SADD', key(), '1'), run('SREM', key(), '01', '+1', '1.0'), run('SMEMBERS', key())]);
kase('srem-from-hashtable', (key) => [run('SADD', key(), 'a', '1', '2'), run('SREM', key(), 'a'), run('SCARD', key()), run('SISMEMBER', key(), '1')]);
kase('srem-wrongtype', (key) => [run('SET', key(), 'v'), run('SREM', key(), 'v')]);
kase('srem-arity', (key) => [run('SREM'), run('SREM', key())]);

// ---------------------------------------------------------------------------
// SMEMBERS, SISMEMBER, SMISMEMBER, SCARD

kase('smembers-missing', (key) => [run('SMEMBERS', key())]);
kase('smembers-wrongtype', (key) => [run('RPUSH', key('list'), 'a'), run('SMEMBERS', key('list')), run('SET', key(), 'v'), run('SMEMBERS', key())]);
kase('smembers-arity', (key) => [run('SMEMBERS'), run('SMEMBERS', key(), key('b'))]);
kase('sismember-basic', (key) => [
  run('SADD', key(), 'a'),
  run('SISMEMBER', key(), 'a'),
  run('SISMEMBER', key(), 'b'),
  run('SISMEMBER', key('missing'), 'a'),
]);
kase('sismember-intset', (key) => [
  run('SADD', key(), '1', '-1', '100'),
  run('SISMEMBER', key(), '1'),
  run('SISMEMBER', key(), '-1'),
  run('SISMEMBER', key(), '01'),
  run('SISMEMBER', key(), '-0'),
  run('SISMEMBER', key(), 'x'),
  run('SISMEMBER', key(), '101'),
]);
kase('sismember-wrongtype', (key) => [run('SET', key(), 'v'), run('SISMEMBER', key(), 'v')]);
kase('sismember-arity', (key) => [run('SISMEMBER', key()), run('SISMEMBER', key(), 'a', 'b')]);
kase('smismember-basic', (key) => [run('SADD', key(), '1', 'b'), run('SMISMEMBER', key(), '1', 'a', 'b', '1', '01')]);
kase('smismember-missing-key', (key) => [run('SMISMEMBER', key(), 'a', 'b')]);
kase('smismember-wrongtype', (key) => [run('SET', key(), 'v'), run('SMISMEMBER', key(), 'v')]);
kase('smismember-arity', (key) => [run('SMISMEMBER', key()), run('SMISMEMBER')]);
kase('scard-basic', (key) => [run('SCARD', key()), run('SADD', key(), 'a', 'b', '1'), run('SCARD', key())]);
kase('scard-wrongtype', (key) => [run('SET', key(), 'v'), run('SCARD', key())]);
kase('scard-arity', (key) => [run('SCARD'), run('SCARD', key(), key())]);

// ---------------------------------------------------------------------------
// SPOP

kase('spop-single', (key) => [run('SADD', key(), 'a'), run('SPOP', key()), run('EXISTS', key()), run('SPOP', key())]);
kase('spop-single-int', (key) => [run('SADD', key(), '7'), run('SPOP', key()), run('EXISTS', key())]);
kase('spop-missing', (key) => [run('SPOP', key())]);
// A count covering the whole set returns it (an intset in numeric order) and deletes the key.
kase('spop-count-all', (key) => [run('SADD', key(), '3', '1', '2'), run('SPOP', key(), '5'), run('EXISTS', key())]);
kase('spop-count-equal', (key) => [run('SADD', key(), '3', '1', '2'), run('SPOP', key(), '3'), run('EXISTS', key())]);
kase('spop-count-huge', (key) => [run('SADD', key(), '-1', '1'), run('SPOP', key(), LLONG_MAX), run('EXISTS', key())]);
kase('spop-count-one-of-one', (key) => [run('SADD', key(), 'x'), run('SPOP', key(), '1'), run('EXISTS', key())]);
kase('spop-count-zero', (key) => [run('SADD', key(), '1', '2'), run('SPOP', key(), '0'), run('SCARD', key())]);
kase('spop-count-missing', (key) => [run('SPOP', key(), '3'), run('SPOP', key(), '0')]);
kase('spop-count-errors', (key) => [
  run('SADD', key(), '1'),
  run('SPOP', key(), '-1'),
  run('SPOP', key(), 'abc'),
  run('SPOP', key(), '1.5'),
  run('SPOP', key(), '9223372036854775808'),
  run('SPOP', key(), LLONG_MIN),
  run('SPOP', key('missing'), '-1'),
  run('SCARD', key()),
]);
kase('spop-syntax', (key) => [run('SADD', key(), '1'), run('SPOP', key(), '1', '2'), run('SCARD', key())]);
// The count is checked before the type: a bad count on a string is the count's error.
kase('spop-wrongtype', (key) => [run('SET', key(), 'v'), run('SPOP', key()), run('SPOP', key(), '1'), run('SPOP', key(), 'abc'), run('SPOP', key(), '0')]);
kase('spop-arity', () => [run('SPOP')]);
kase('spop-drain', (key) => [run('SADD', key(), '5'), run('SPOP', key(), '1'), run('SPOP', key(), '1'), run('SPOP', key())]);

// ---------------------------------------------------------------------------
// SRANDMEMBER

kase('srandmember-single', (key) => [
  run('SADD', key(), 'a'),
  run('SRANDMEMBER', key()),
  run('SRANDMEMBER', key(), '1'),
  run('SRANDMEMBER', key(), '5'),
  run('SRANDMEMBER', key(), '-3'),
  run('SRANDMEMBER', key(), '-1'),
  run('SCARD', key()),
]);
kase('srandmember-missing', (key) => [run('SRANDMEMBER', key()), run('SRANDMEMBER', key(), '3'), run('SRANDMEMBER', key(), '-3'), run('SRANDMEMBER', key(), '0')]);
kase('srandmember-count-zero', (key) => [run('SADD', key(), '1', '2'), run('SRANDMEMBER', key(), '0')]);
// Positive: distinct members, so a count past the size is the whole set (an intset in numeric order).
kase('srandmember-whole', (key) => [run('SADD', key(), '30', '10', '20'), run('SRANDMEMBER', key(), '3'), run('SRANDMEMBER', key(), '100'), run('SRANDMEMBER', key(), LLONG_MAX)]);
kase('srandmember-repeats-int', (key) => [run('SADD', key(), '42'), run('SRANDMEMBER', key(), '-5')]);
kase('srandmember-errors', (key) => [
  run('SADD', key(), '1'),
  run('SRANDMEMBER', key(), 'abc'),
  run('SRANDMEMBER', key(), LLONG_MIN),
  run('SRANDMEMBER', key(), '9223372036854775808'),
  run('SRANDMEMBER', key(), '1.0'),
  run('SRANDMEMBER', key(), '1', '2'),
  run('SRANDMEMBER', key('missing'), LLONG_MIN),
]);
kase('srandmember-wrongtype', (key) => [run('SET', key(), 'v'), run('SRANDMEMBER', key()), run('SRANDMEMBER', key(), '2'), run('SRANDMEMBER', key(), 'x')]);
kase('srandmember-arity', () => [run('SRANDMEMBER')]);

// ---------------------------------------------------------------------------
// SINTER, SUNION, SDIFF

const twoIntsets = (key: Key): Step[] => [run('SADD', key('a'), '1', '2', '3', '4', '5'), run('SADD', key('b'), '4', '2', '6', '8')];

kase('sinter-intsets', (key) => [...twoIntsets(key), run('SINTER', key('a'), key('b')), run('SINTER', key('b'), key('a'))]);
kase('sinter-one', (key) => [...twoIntsets(key), run('SINTER', key('b'))]);
kase('sinter-three', (key) => [...twoIntsets(key), run('SADD', key('c'), '2', '3', '4'), run('SINTER', key('a'), key('b'), key('c'))]);
kase('sinter-same-key', (key) => [...twoIntsets(key), run('SINTER', key('a'), key('a'))]);
kase('sinter-missing', (key) => [...twoIntsets(key), run('SINTER', key('a'), key('none')), run('SINTER', key('none'))]);
kase('sinter-disjoint', (key) => [run('SADD', key('a'), '1'), run('SADD', key('b'), '2'), run('SINTER', key('a'), key('b'))]);
// An intset walked against a hash table (the intset is smaller): numeric order.
kase('sinter-intset-hashtable', (key) => [run('SADD', key('a'), '3', '1', '2'), run('SADD', key('b'), 'x', '3', '2', 'y'), run('SINTER', key('a'), key('b')), run('SINTER', key('b'), key('a'))]);
kase('sinter-hashtable-single', (key) => [run('SADD', key('a'), '1', '2', '3', '4', '5'), run('SADD', key('b'), 'x', '3'), run('SINTER', key('a'), key('b'))]);
kase('sinter-strings', (key) => [run('SADD', key('a'), 'x', 'y', 'z'), run('SADD', key('b'), 'y', 'w'), run('SINTER', key('a'), key('b'))]);
// WRONGTYPE wins over an empty result, wherever the wrong key is among the keys.
kase('sinter-wrongtype', (key) => [
  ...twoIntsets(key),
  run('SET', key('s'), 'v'),
  run('SINTER', key('a'), key('s')),
  run('SINTER', key('s'), key('a')),
  run('SINTER', key('none'), key('s')),
  run('SINTER', key('s'), key('none')),
  run('SINTER', key('a'), key('none'), key('s')),
]);
kase('sinter-arity', () => [run('SINTER')]);

kase('sunion-intsets', (key) => [...twoIntsets(key), run('SUNION', key('a'), key('b')), run('SUNION', key('b'))]);
kase('sunion-missing', (key) => [...twoIntsets(key), run('SUNION', key('none'), key('b'), key('none2')), run('SUNION', key('none'), key('none2'))]);
kase('sunion-same-string', (key) => [run('SADD', key('a'), 'x'), run('SADD', key('b'), 'x'), run('SUNION', key('a'), key('b'), key('a'))]);
kase('sunion-wrongtype', (key) => [...twoIntsets(key), run('SET', key('s'), 'v'), run('SUNION', key('a'), key('s')), run('SUNION', key('none'), key('s'))]);
kase('sunion-arity', () => [run('SUNION')]);
// The union of intsets past 512 members is a hash table: its size is what is compared.
kase('sunion-large', (key) => [run('SADD', key('a'), ...ints(300)), run('SADD', key('b'), ...ints(300, 250)), run('SUNIONSTORE', key('d'), key('a'), key('b')), run('SCARD', key('d'))]);

kase('sdiff-intsets', (key) => [...twoIntsets(key), run('SDIFF', key('a'), key('b')), run('SDIFF', key('b'), key('a'))]);
kase('sdiff-several', (key) => [run('SADD', key('a'), ...ints(10)), run('SADD', key('b'), '2', '4'), run('SADD', key('c'), '6', '8', '100'), run('SDIFF', key('a'), key('b'), key('none'), key('c'))]);
kase('sdiff-first-missing', (key) => [...twoIntsets(key), run('SDIFF', key('none'), key('a'))]);
kase('sdiff-same-key', (key) => [...twoIntsets(key), run('SDIFF', key('a'), key('b'), key('a'))]);
kase('sdiff-one', (key) => [...twoIntsets(key), run('SDIFF', key('a'))]);
// The result is built from an empty intset: the integers left of a hash table are an intset again.
kase('sdiff-hashtable-to-intset', (key) => [run('SADD', key('a'), 'x', '3', '1', '2', 'y'), run('SADD', key('b'), 'x', 'y', '2'), run('SDIFF', key('a'), key('b'))]);
kase('sdiff-wrongtype', (key) => [...twoIntsets(key), run('SET', key('s'), 'v'), run('SDIFF', key('a'), key('s')), run('SDIFF', key('s'), key('a')), run('SDIFF', key('none'), key('s'))]);
kase('sdiff-arity', () => [run('SDIFF')]);

// ---------------------------------------------------------------------------
// SINTERSTORE, SUNIONSTORE, SDIFFSTORE

kase('sinterstore-basic', (key) => [...twoIntsets(key), run('SINTERSTORE', key('d'), key('a'), key('b')), run('SMEMBERS', key('d')), run('TYPE', key('d'))]);
// A string destination is replaced, and loses its time to live.
kase('sinterstore-overwrites', (key) => [
  ...twoIntsets(key),
  run('SET', key('d'), 'v', 'EX', '100'),
  run('SINTERSTORE', key('d'), key('a'), key('b')),
  run('TYPE', key('d')),
  run('TTL', key('d')),
]);
// An empty result deletes the destination, whatever it held.
kase('sinterstore-empty-deletes', (key) => [...twoIntsets(key), run('SET', key('d'), 'v'), run('SINTERSTORE', key('d'), key('a'), key('none')), run('EXISTS', key('d'))]);
kase('sinterstore-disjoint-deletes', (key) => [run('SADD', key('a'), '1'), run('SADD', key('b'), '2'), run('SADD', key('d'), 'z'), run('SINTERSTORE', key('d'), key('a'), key('b')), run('EXISTS', key('d'))]);
kase('sinterstore-into-source', (key) => [...twoIntsets(key), run('SINTERSTORE', key('a'), key('a'), key('b')), run('SMEMBERS', key('a'))]);
kase('sinterstore-hashtable-to-intset', (key) => [run('SADD', key('a'), 'x', '3', '1', '2'), run('SADD', key('b'), 'x', '1', '3', 'y'), run('SINTERSTORE', key('d'), key('a'), key('b')), run('SCARD', key('d')), run('SISMEMBER', key('d'), 'x')]);
kase('sinterstore-wrongtype', (key) => [...twoIntsets(key), run('SET', key('s'), 'v'), run('SADD', key('d'), '1'), run('SINTERSTORE', key('d'), key('a'), key('s')), run('SINTERSTORE', key('d'), key('none'), key('s')), run('SMEMBERS', key('d'))]);
kase('sinterstore-arity', (key) => [run('SINTERSTORE'), run('SINTERSTORE', key('d'))]);

kase('sunionstore-basic', (key) => [...twoIntsets(key), run('SUNIONSTORE', key('d'), key('a'), key('b')), run('SMEMBERS', key('d'))]);
kase('sunionstore-empty-deletes', (key) => [run('SET', key('d'), 'v'), run('SUNIONSTORE', key('d'), key('none'), key('none2')), run('EXISTS', key('d'))]);
kase('sunionstore-into-source', (key) => [...twoIntsets(key), run('SUNIONSTORE', key('b'), key('a'), key('b')), run('SMEMBERS', key('b'))]);
kase('sunionstore-overwrites', (key) => [...twoIntsets(key), run('RPUSH', key('d'), 'x'), run('PEXPIRE', key('d'), '100000'), run('SUNIONSTORE', key('d'), key('a')), run('TYPE', key('d')), run('TTL', key('d')), run('SMEMBERS', key('d'))]);
kase('sunionstore-wrongtype', (key) => [...twoIntsets(key), run('SET', key('s'), 'v'), run('SUNIONSTORE', key('d'), key('a'), key('s')), run('EXISTS', key('d'))]);
kase('sunionstore-arity', (key) => [run('SUNIONSTORE'), run('SUNIONSTORE', key('d'))]);

kase('sdiffstore-basic', (key) => [...twoIntsets(key), run('SDIFFSTORE', key('d'), key('a'), key('b')), run('SMEMBERS', key('d'))]);
kase('sdiffstore-empty-deletes', (key) => [...twoIntsets(key), run('SADD', key('d'), 'old'), run('SDIFFSTORE', key('d'), key('a'), key('a')), run('EXISTS', key('d'))]);
kase('sdiffstore-first-missing', (key) => [...twoIntsets(key), run('SET', key('d'), 'v'), run('SDIFFSTORE', key('d'), key('none'), key('a')), run('EXISTS', key('d'))]);
kase('sdiffstore-into-source', (key) => [...twoIntsets(key), run('SDIFFSTORE', key('a'), key('a'), key('b')), run('SMEMBERS', key('a'))]);
kase('sdiffstore-wrongtype', (key) => [...twoIntsets(key), run('SET', key('s'), 'v'), run('SDIFFSTORE', key('d'), key('a'), key('s')), run('SDIFFSTORE', key('s'), key('a'), key('b')), run('TYPE', key('s'))]);
kase('sdiffstore-arity', (key) => [run('SDIFFSTORE'), run('SDIFFSTORE', key('d'))]);

// ---------------------------------------------------------------------------
// SINTERCARD

kase('sintercard-basic', (key) => [
  ...twoIntsets(key),
  run('SINTERCARD', '2', key('a'), key('b')),
  run('SINTERCARD', '1', key('a')),
  run('SINTERCARD', '2', key('a'), key('none')),
  run('SINTERCARD', '1', key('none')),
]);
kase('sintercard-limit', (key) => [
  ...twoIntsets(key),
  run('SINTERCARD', '1', key('a'), 'LIMIT', '0'),
  run('SINTERCARD', '1', key('a'), 'LIMIT', '2'),
  run('SINTERCARD', '1', key('a'), 'limit', '100'),
  run('SINTERCARD', '2', key('a'), key('b'), 'LIMIT', '1'),
  run('SINTERCARD', '1', key('a'), 'LIMIT', '1', 'LIMIT', '3'),
]);
kase('sintercard-errors', (key) => [
  ...twoIntsets(key),
  run('SINTERCARD', '0', key('a')),
  run('SINTERCARD', '-1', key('a')),
  run('SINTERCARD', 'abc', key('a')),
  run('SINTERCARD', '9223372036854775808', key('a')),
  run('SINTERCARD', '2', key('a')),
  run('SINTERCARD', '1', key('a'), 'LIMIT', '-1'),
  run('SINTERCARD', '1', key('a'), 'LIMIT', 'abc'),
  run('SINTERCARD', '1', key('a'), 'LIMIT'),
  run('SINTERCARD', '1', key('a'), 'FOO'),
  run('SINTERCARD', '1', key('a'), 'FOO', 'LIMIT', '-1'),
]);
// Keys counted by numkeys are keys even when named LIMIT.
kase('sintercard-key-named-limit', (key) => [run('SADD', 'LIMIT', 'x'), run('SINTERCARD', '1', 'LIMIT'), run('DEL', 'LIMIT'), run('SINTERCARD', '1', key())]);
kase('sintercard-wrongtype', (key) => [...twoIntsets(key), run('SET', key('s'), 'v'), run('SINTERCARD', '2', key('a'), key('s')), run('SINTERCARD', '2', key('none'), key('s')), run('SINTERCARD', '1', key('s'), 'LIMIT', '-1')]);
kase('sintercard-arity', (key) => [run('SINTERCARD'), run('SINTERCARD', '1')]);

// ---------------------------------------------------------------------------
// SMOVE

kase('smove-basic', (key) => [
  run('SADD', key('src'), '1', '2', '3'),
  run('SADD', key('dst'), '5', '4'),
  run('SMOVE', key('src'), key('dst'), '2'),
  run('SMEMBERS', key('src')),
  run('SMEMBERS', key('dst')),
]);
kase('smove-creates-dst', (key) => [run('SADD', key('src'), 'a', 'b'), run('SMOVE', key('src'), key('dst'), 'a'), run('SMEMBERS', key('dst')), run('SMEMBERS', key('src'))]);
kase('smove-last-deletes-src', (key) => [run('SADD', key('src'), 'a'), run('SMOVE', key('src'), key('dst'), 'a'), run('EXISTS', key('src')), run('SMEMBERS', key('dst'))]);
kase('smove-already-in-dst', (key) => [run('SADD', key('src'), '1', '2'), run('SADD', key('dst'), '1'), run('SMOVE', key('src'), key('dst'), '1'), run('SMEMBERS', key('src')), run('SMEMBERS', key('dst'))]);
kase('smove-not-member', (key) => [run('SADD', key('src'), '1'), run('SADD', key('dst'), '2'), run('SMOVE', key('src'), key('dst'), '3'), run('SMEMBERS', key('dst'))]);
kase('smove-missing-src', (key) => [run('SMOVE', key('src'), key('dst'), 'a'), run('EXISTS', key('dst'))]);
kase('smove-same-key', (key) => [run('SADD', key(), '1', '2'), run('SMOVE', key(), key(), '1'), run('SMOVE', key(), key(), '3'), run('SMEMBERS', key())]);
kase('smove-string-into-intset', (key) => [run('SADD', key('src'), 'a'), run('SADD', key('dst'), '1', '2'), run('SMOVE', key('src'), key('dst'), 'a'), run('SCARD', key('dst')), run('SISMEMBER', key('dst'), 'a'), run('SISMEMBER', key('dst'), '2')]);
kase('smove-int-from-hashtable', (key) => [run('SADD', key('src'), 'a', '7'), run('SADD', key('dst'), '9', '8'), run('SMOVE', key('src'), key('dst'), '7'), run('SMEMBERS', key('dst')), run('SMEMBERS', key('src'))]);
// WRONGTYPE for either key, but a missing source answers 0 before the destination is checked.
kase('smove-wrongtype', (key) => [
  run('SADD', key('set'), '1'),
  run('SET', key('str'), 'v'),
  run('SMOVE', key('str'), key('set'), '1'),
  run('SMOVE', key('set'), key('str'), '1'),
  run('SMOVE', key('set'), key('str'), '2'),
  run('SMOVE', key('none'), key('str'), '1'),
  run('SMEMBERS', key('set')),
]);
kase('smove-arity', (key) => [run('SMOVE', key('a'), key('b')), run('SMOVE', key('a'), key('b'), 'm', 'n')]);

// ---------------------------------------------------------------------------
// SSCAN

// An intset answers everything in one step, cursor 0, whatever the cursor and COUNT.
kase('sscan-intset', (key) => [
  run('SADD', key(), '5', '3', '10', '1'),
  run('SSCAN', key(), '0'),
  run('SSCAN', key(), '0', 'COUNT', '1'),
  run('SSCAN', key(), '7'),
  run('SSCAN', key(), '0', 'MATCH', '1*'),
  run('SSCAN', key(), '0', 'match', '*', 'count', '2'),
  run('SSCAN', key(), '0', 'MATCH', 'x*', 'MATCH', '?'),
]);
kase('sscan-hashtable-small', (key) => [run('SADD', key(), 'alpha'), run('SSCAN', key(), '0'), run('SADD', key(), 'beta', 'gamma'), run('SSCAN', key(), '0', 'MATCH', 'b*')]);
kase('sscan-missing', (key) => [run('SSCAN', key(), '0'), run('SSCAN', key(), '0', 'FOO'), run('SSCAN', key(), '5', 'COUNT', '0')]);
kase('sscan-cursor-forms', (key) => [
  run('SADD', key(), '1', '2'),
  run('SSCAN', key(), '-1'),
  run('SSCAN', key(), ''),
  run('SSCAN', key(), '18446744073709551615'),
  run('SSCAN', key(), '18446744073709551616'),
  run('SSCAN', key(), 'abc'),
  run('SSCAN', key(), ' 1'),
  run('SSCAN', key(), '1x'),
  run('SSCAN', key('missing'), 'abc'),
]);
kase('sscan-options', (key) => [
  run('SADD', key(), '1', '2'),
  run('SSCAN', key(), '0', 'FOO'),
  run('SSCAN', key(), '0', 'COUNT'),
  run('SSCAN', key(), '0', 'COUNT', '0'),
  run('SSCAN', key(), '0', 'COUNT', '-1'),
  run('SSCAN', key(), '0', 'COUNT', 'abc'),
  run('SSCAN', key(), '0', 'MATCH'),
  run('SSCAN', key(), '0', 'TYPE', 'set'),
]);
kase('sscan-wrongtype', (key) => [run('SET', key(), 'v'), run('SSCAN', key(), '0'), run('SSCAN', key(), '0', 'FOO'), run('SSCAN', key(), 'abc')]);
kase('sscan-arity', (key) => [run('SSCAN', key())]);

// ---------------------------------------------------------------------------
// Sets among the other types, and the rest of the keyspace

// WRONGTYPE the other way: the other types' commands on a set.
kase('wrongtype-other-commands', (key) => [
  run('SADD', key(), '1', 'a'),
  run('GET', key()),
  run('INCR', key()),
  run('APPEND', key(), 'x'),
  run('STRLEN', key()),
  run('LPUSH', key(), 'x'),
  run('LLEN', key()),
  run('HSET', key(), 'f', 'v'),
  run('HGET', key(), 'f'),
  run('ZADD', key(), '1', 'm'),
  run('TYPE', key()),
  run('SCARD', key()),
]);
// Every set command against a list, a hash and a sorted set.
kase('wrongtype-mixed-types', (key) => [
  run('SADD', key('set'), 'a', '1'),
  run('RPUSH', key('list'), 'a'),
  run('HSET', key('hash'), 'a', 'v'),
  run('ZADD', key('zset'), '1', 'a'),
  ...['list', 'hash', 'zset'].flatMap((other) => [
    run('SINTER', key('set'), key(other)),
    run('SUNION', key(other), key('set')),
    run('SDIFF', key('set'), key(other)),
    run('SDIFF', key(other), key('set')),
    run('SINTERSTORE', key('d'), key('none'), key(other)),
    run('SINTERCARD', '2', key('set'), key(other)),
    run('SMOVE', key('set'), key(other), 'a'),
    run('SMOVE', key(other), key('set'), 'a'),
    run('SISMEMBER', key(other), 'a'),
    run('SRANDMEMBER', key(other)),
    run('SSCAN', key(other), '0'),
  ]),
  run('EXISTS', key('d')),
  run('SCARD', key('set')),
]);
// SET replaces a set like any value; DEL and a past expiry remove it.
kase('set-overwrites-set', (key) => [run('SADD', key(), '1'), run('SET', key(), 'v'), run('GET', key()), run('SADD', key(), '2'), run('DEL', key()), run('SADD', key(), '2'), run('SMEMBERS', key())]);
kase('sadd-expired-key', (key) => [
  run('SADD', key(), '1', '2'),
  run('PEXPIREAT', key(), '1'),
  run('SISMEMBER', key(), '1'),
  run('SADD', key(), '3'),
  run('SMEMBERS', key()),
  run('TTL', key()),
]);
kase('sadd-keeps-ttl', (key) => [run('SADD', key(), '1'), run('EXPIRE', key(), '100'), run('SADD', key(), '2'), run('SREM', key(), '1'), run('TTL', key()), run('SMEMBERS', key())]);
kase('spop-keeps-ttl', (key) => [run('SADD', key(), '1', '2', '3'), run('EXPIRE', key(), '100'), run('SPOP', key(), '0'), run('TTL', key())]);
kase('members-with-nul', (key) => [run('SADD', key(), '1\x00'), run('SISMEMBER', key(), '1'), run('SISMEMBER', key(), '1\x00'), run('SMEMBERS', key())]);
kase('sscan-escaped-match', (key) => [run('SADD', key(), 'a*b'), run('SSCAN', key(), '0', 'MATCH', 'a\\*b'), run('SSCAN', key(), '0', 'MATCH', 'a[*]b'), run('SSCAN', key(), '0', 'MATCH', 'A*', 'COUNT', '100')]);
kase('smismember-binary', (key) => [run('SADD', key(), ALL_BYTES), run('SMISMEMBER', key(), ALL_BYTES, ALL_BYTES.slice(1), '')]);
kase('pipelined', (key) => [
  ask(
    'a',
    [
      command('SADD', key(), '2', '1'),
      command('SADD'),
      command('SMEMBERS', key()),
      command('SPOP', key(), '5'),
      command('EXISTS', key()),
    ].join(''),
    5,
  ),
]);
kase('inline', (key) => [ask('a', `SADD ${key()} 3 1 2\r\n`), ask('a', `SMEMBERS ${key()}\r\n`)]);

export const setsCorpus: readonly Case[] = cases;

// ---------------------------------------------------------------------------
// RESP3: SMEMBERS, SINTER, SUNION, SDIFF and SPOP with a count answer a set (`~`);
// SRANDMEMBER with a count, SMISMEMBER and SSCAN an array; a missing member is `_`.

kase(
  'resp3-set-replies',
  (key) => [
    ask('a', command('HELLO', '3')),
    ...twoIntsets(key),
    run('SMEMBERS', key('a')),
    run('SMEMBERS', key('none')),
    run('SINTER', key('a'), key('b')),
    run('SINTER', key('a'), key('none')),
    run('SUNION', key('a'), key('b')),
    run('SDIFF', key('a'), key('b')),
    run('SDIFF', key('none'), key('b')),
    run('SINTERCARD', '2', key('a'), key('b')),
    run('SISMEMBER', key('a'), '1'),
    run('SMISMEMBER', key('a'), '1', '9'),
    run('SCARD', key('a')),
  ],
  resp3Cases,
);
kase(
  'resp3-random-replies',
  (key) => [
    ask('a', command('HELLO', '3')),
    run('SADD', key(), '3', '1', '2'),
    run('SRANDMEMBER', key(), '5'),
    run('SRANDMEMBER', key(), '0'),
    run('SRANDMEMBER', key('none')),
    run('SRANDMEMBER', key('none'), '2'),
    run('SPOP', key('none')),
    run('SPOP', key('none'), '2'),
    run('SPOP', key(), '0'),
    run('SPOP', key(), '3'),
    run('SADD', key('one'), 'x'),
    run('SPOP', key('one')),
    run('SPOP', key(), '-1'),
  ],
  resp3Cases,
);
kase(
  'resp3-scan-and-store',
  (key) => [
    ask('a', command('HELLO', '3')),
    ...twoIntsets(key),
    run('SSCAN', key('a'), '0'),
    run('SSCAN', key('none'), '0'),
    run('SINTERSTORE', key('d'), key('a'), key('b')),
    run('SUNIONSTORE', key('d'), key('a'), key('b')),
    run('SDIFFSTORE', key('d'), key('a'), key('b')),
    run('SMOVE', key('a'), key('b'), '1'),
    run('SET', key('s'), 'v'),
    run('SMEMBERS', key('s')),
  ],
  resp3Cases,
);

export const setsResp3Corpus: readonly Case[] = resp3Cases;
