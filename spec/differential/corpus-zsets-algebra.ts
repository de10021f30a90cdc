// The differential corpus of the sorted-set algebra and pops: ZUNIONSTORE ZINTERSTORE
// ZDIFFSTORE ZUNION ZINTER ZDIFF ZINTERCARD ZRANGESTORE ZRANDMEMBER ZPOPMIN ZPOPMAX ZMPOP
// and the blocking BZPOPMIN BZPOPMAX BZMPOP. Inputs only, as everywhere in the corpus:
// real Redis's replies are the expected ones.
//
// What it aims at, command by command, is the order in which Redis checks things
// (t_zset.c's zunionInterDiffGenericCommand looks every key up, and answers WRONGTYPE,
// before it reads a single option; zmpopGenericCommand reads numkeys, MIN|MAX and COUNT
// before BZMPOP's timeout), every error text, the float corner cases of aggregation
// (inf + -inf is 0, inf * 0 is 0, the order sums are taken in), plain sets as inputs
// (each member scoring 1), and the reply shapes that differ between RESP2 and RESP3
// (flat WITHSCORES lists against [member, score] pairs).
//
// Random replies are shaped to be deterministic: ZRANDMEMBER asks for at least the
// whole set (Redis then answers the set in order) or draws from a one-member set. Its
// spread is tested in spec/commands/zsets-algebra.spec.ts.
//
// Blocking cases use several connections: a `push` step sends the blocking command and
// waits for the server to have read it (the harness's PING barrier), then another
// connection's write wakes it, and the `fanout` step reads the replies of both.
// Keys are prefixed with the case name: the servers are never flushed between cases.

import { type Case, type Key, type Step, ask, command, fanout, push } from './corpus';
import { builder } from './case-builder';

/** One command on connection "a", one reply. */
const run = (...args: string[]): Step => ask('a', command(...args));
/** One command on connection `conn`, one reply. */
const on = (conn: string, ...args: string[]): Step => ask(conn, command(...args));

/** ZADD key score member score member ... from [member, score] pairs. */
const zadd = (key: string, ...pairs: [string, string][]): Step => run('ZADD', key, ...pairs.flatMap(([m, s]) => [s, m]));

/** Two small sorted sets every algebra case can start from. */
const twoSets = (key: Key): Step[] => [
  zadd(key('a'), ['x', '1'], ['y', '2'], ['z', '3']),
  zadd(key('b'), ['y', '10'], ['z', '20'], ['w', '30']),
];

/** n members m0..m(n-1), scored 0..n-1. */
const many = (key: string, n: number): Step =>
  run('ZADD', key, ...Array.from({ length: n }, (_, i) => [String(i), `m${i}`]).flat());

const resp2 = builder('za');
const kase = resp2.kase;

// ---------------------------------------------------------------------------
// ZUNIONSTORE / ZINTERSTORE / ZDIFFSTORE: the common paths

for (const cmd of ['ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE']) {
  const c = cmd.toLowerCase();
  kase(`${c}-basic`, (key) => [...twoSets(key), run(cmd, key('d'), '2', key('a'), key('b')), run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES')]);
  kase(`${c}-reversed`, (key) => [...twoSets(key), run(cmd, key('d'), '2', key('b'), key('a')), run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES')]);
  kase(`${c}-one-key`, (key) => [...twoSets(key), run(cmd, key('d'), '1', key('a')), run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES')]);
  kase(`${c}-missing-source`, (key) => [
    ...twoSets(key),
    run(cmd, key('d'), '2', key('a'), key('nope')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('nope'), key('a')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  ]);
  // An empty result deletes the destination, whatever it held (a string here).
  kase(`${c}-all-missing-deletes-destination`, (key) => [
    run('SET', key('d'), 'string'),
    run(cmd, key('d'), '2', key('nope1'), key('nope2')),
    run('EXISTS', key('d')),
    run(cmd, key('d'), '1', key('nope1')),
  ]);
  // The destination is replaced whatever its type, and loses its time to live.
  kase(`${c}-overwrites-destination`, (key) => [
    ...twoSets(key),
    run('SET', key('d'), 'string', 'EX', '100'),
    run(cmd, key('d'), '2', key('a'), key('b')),
    run('TYPE', key('d')),
    run('TTL', key('d')),
    run('ZADD', key('d'), '100', 'extra'),
    run(cmd, key('d'), '1', key('a')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  ]);
  kase(`${c}-destination-is-source`, (key) => [
    ...twoSets(key),
    run(cmd, key('a'), '2', key('a'), key('b')),
    run('ZRANGE', key('a'), '0', '-1', 'WITHSCORES'),
  ]);
  kase(`${c}-same-key-twice`, (key) => [...twoSets(key), run(cmd, key('d'), '2', key('a'), key('a')), run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES')]);
  kase(`${c}-three-keys`, (key) => [
    ...twoSets(key),
    zadd(key('c'), ['z', '0.5'], ['w', '-1'], ['x', '7']),
    run(cmd, key('d'), '3', key('a'), key('b'), key('c')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  ]);
  // Plain sets are inputs too: each member scores 1 (an intset and a hashtable set).
  kase(`${c}-plain-sets`, (key) => [
    zadd(key('z'), ['1', '5'], ['b', '0.25'], ['q', '-3']),
    run('SADD', key('ints'), '3', '1', '2'),
    run('SADD', key('strs'), 'b', 'a', '2'),
    run(cmd, key('d'), '3', key('z'), key('ints'), key('strs')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('ints'), key('strs')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('strs'), key('z')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '1', key('ints')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run('TYPE', key('d')),
  ]);
  // WRONGTYPE is answered while the keys are looked up, before any option is read.
  kase(`${c}-wrongtype`, (key) => [
    ...twoSets(key),
    run('SET', key('s'), 'v'),
    run('RPUSH', key('l'), 'v'),
    run(cmd, key('d'), '2', key('a'), key('s')),
    run(cmd, key('d'), '2', key('s'), key('a')),
    run(cmd, key('d'), '2', key('l'), key('nope')),
    run(cmd, key('d'), '2', key('a'), key('s'), 'BOGUS'),
    run(cmd, key('d'), '1', key('s'), 'WEIGHTS', 'x'),
    run('EXISTS', key('d')),
  ]);
  kase(`${c}-numkeys-errors`, (key) => [
    ...twoSets(key),
    run(cmd, key('d'), '0', key('a')),
    run(cmd, key('d'), '-1', key('a')),
    run(cmd, key('d'), 'x', key('a')),
    run(cmd, key('d'), '1.0', key('a')),
    run(cmd, key('d'), '', key('a')),
    run(cmd, key('d'), '3', key('a'), key('b')),
    run(cmd, key('d'), '9223372036854775807', key('a')),
    run(cmd, key('d'), '9223372036854775808', key('a')),
    run(cmd, key('d'), '-9223372036854775808', key('a')),
    run(cmd.toLowerCase(), key('d'), '0', key('a')),
  ]);
  kase(`${c}-arity`, (key) => [run(cmd), run(cmd, key('d')), run(cmd, key('d'), '1'), run(c, key('d'), '1')]);
  kase(`${c}-withscores-is-syntax-error`, (key) => [...twoSets(key), run(cmd, key('d'), '2', key('a'), key('b'), 'WITHSCORES'), run('EXISTS', key('d'))]);
  kase(`${c}-listpack-destination`, (key) => [...twoSets(key), run(cmd, key('d'), '2', key('a'), key('b')), run('OBJECT', 'ENCODING', key('d'))]);
}

// ---------------------------------------------------------------------------
// WEIGHTS and AGGREGATE (union and intersection only)

for (const cmd of ['ZUNIONSTORE', 'ZINTERSTORE']) {
  const c = cmd.toLowerCase();
  kase(`${c}-weights`, (key) => [
    ...twoSets(key),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '2', '0.5'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'weights', '-1', '1e2'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '0x10', ' 1'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '0x10', '1.5e-3'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  ]);
  kase(`${c}-aggregate`, (key) => [
    ...twoSets(key),
    run(cmd, key('d'), '2', key('a'), key('b'), 'AGGREGATE', 'MIN'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'aggregate', 'max'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'AgGrEgAtE', 'SuM'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '1', '-1', 'AGGREGATE', 'MIN'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    // Options repeat; the last of each wins.
    run(cmd, key('d'), '2', key('a'), key('b'), 'AGGREGATE', 'MIN', 'WEIGHTS', '3', '3', 'AGGREGATE', 'MAX', 'WEIGHTS', '1', '2'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  ]);
  kase(`${c}-option-errors`, (key) => [
    ...twoSets(key),
    run('SET', key('d'), 'kept'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '1'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '1', 'x'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', 'nan', '1'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '1e400', '1'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '1e-400', '1'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '', '1'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '1 ', '1'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', '1', '1', '1'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'AGGREGATE'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'AGGREGATE', 'AVG'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'AGGREGATE', 'MIN', 'extra'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'LIMIT', '1'),
    // A weight error is found before a later syntax error, a syntax error before a later weight.
    run(cmd, key('d'), '2', key('a'), key('b'), 'WEIGHTS', 'x', '1', 'BOGUS'),
    run(cmd, key('d'), '2', key('a'), key('b'), 'BOGUS', 'WEIGHTS', 'x', '1'),
    run('GET', key('d')),
  ]);
  // Infinities: inf + -inf sums to 0 (Redis's convention for NaN), inf * 0 is 0 too.
  kase(`${c}-infinities`, (key) => [
    zadd(key('p'), ['m', '+inf'], ['n', '-inf'], ['o', '1'], ['zero', '0']),
    zadd(key('q'), ['m', '-inf'], ['n', '-inf'], ['o', 'inf'], ['zero', '5']),
    run(cmd, key('d'), '2', key('p'), key('q')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('p'), key('q'), 'WEIGHTS', '0', '1'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('p'), key('q'), 'WEIGHTS', 'inf', '-inf'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '2', key('p'), key('q'), 'WEIGHTS', '-inf', '0', 'AGGREGATE', 'MAX'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '1', key('p'), 'WEIGHTS', '0'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  ]);
  // Sums are taken in order of input size (smallest first): 0.2 + 0.3 + 0.1 is 0.6,
  // 0.1 + 0.2 + 0.3 would be 0.6000000000000001.
  kase(`${c}-sum-order`, (key) => [
    zadd(key('big'), ['m', '0.1'], ['p', '1'], ['q', '2']),
    zadd(key('small'), ['m', '0.2']),
    zadd(key('mid'), ['m', '0.3'], ['p', '1']),
    run(cmd, key('d'), '3', key('big'), key('small'), key('mid')),
    run('ZSCORE', key('d'), 'm'),
    run(cmd, key('d'), '3', key('big'), key('mid'), key('small'), 'WEIGHTS', '1', '3', '7'),
    run('ZSCORE', key('d'), 'm'),
  ]);
  kase(`${c}-scores-format`, (key) => [
    zadd(key('p'), ['a', '1e100'], ['b', '0.1'], ['c', '-0'], ['d', '123456789012345678']),
    zadd(key('q'), ['a', '1e100'], ['b', '0.2'], ['c', '0'], ['d', '1']),
    run(cmd, key('d'), '2', key('p'), key('q')),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '1', key('p'), 'WEIGHTS', '1'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    run(cmd, key('d'), '1', key('p'), 'WEIGHTS', '-1'),
    run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  ]);
}

kase('zinterstore-empty-intersection-deletes', (key) => [
  ...twoSets(key),
  zadd(key('c'), ['other', '1']),
  run('SET', key('d'), 'string'),
  run('ZINTERSTORE', key('d'), '3', key('a'), key('b'), key('c')),
  run('EXISTS', key('d')),
]);
// Options are refused by ZDIFFSTORE: WEIGHTS and AGGREGATE are syntax errors there.
kase('zdiffstore-options', (key) => [
  ...twoSets(key),
  run('ZDIFFSTORE', key('d'), '2', key('a'), key('b'), 'WEIGHTS', '1', '1'),
  run('ZDIFFSTORE', key('d'), '2', key('a'), key('b'), 'AGGREGATE', 'MIN'),
  run('EXISTS', key('d')),
]);
kase('zdiffstore-first-key-repeated', (key) => [
  ...twoSets(key),
  run('SET', key('d'), 'string'),
  run('ZDIFFSTORE', key('d'), '3', key('a'), key('b'), key('a')),
  run('EXISTS', key('d')),
]);
kase('zdiffstore-first-missing', (key) => [...twoSets(key), run('ZDIFFSTORE', key('d'), '2', key('nope'), key('a'))]);
// Past zset-max-listpack-entries (128) or -value (64 bytes) the result is a skiplist.
kase('zunionstore-skiplist-destination', (key) => [
  many(key('big'), 129),
  zadd(key('long'), ['x'.repeat(65), '1']),
  zadd(key('short'), ['x'.repeat(64), '1']),
  run('ZUNIONSTORE', key('d1'), '1', key('big')),
  run('OBJECT', 'ENCODING', key('d1')),
  run('ZUNIONSTORE', key('d2'), '1', key('long')),
  run('OBJECT', 'ENCODING', key('d2')),
  run('ZUNIONSTORE', key('d3'), '1', key('short')),
  run('OBJECT', 'ENCODING', key('d3')),
  run('ZINTERSTORE', key('d4'), '2', key('big'), key('big')),
  run('OBJECT', 'ENCODING', key('d4')),
  run('ZCARD', key('d4')),
  run('ZDIFFSTORE', key('d5'), '2', key('big'), key('short')),
  run('OBJECT', 'ENCODING', key('d5')),
  run('ZRANGE', key('d5'), '125', '-1', 'WITHSCORES'),
]);
// A large (skiplist) set keeps -0 and Redis prints it so; a listpack reads it back as 0.
kase('zunion-negative-zero', (key) => [
  many(key('big'), 129),
  run('ZADD', key('big'), '-0', 'negzero'),
  run('ZADD', key('small'), '-0', 'negzero'),
  run('ZUNION', '1', key('big'), 'WITHSCORES'),
  run('ZINTER', '2', key('big'), key('small'), 'WITHSCORES'),
  run('ZINTER', '2', key('big'), key('small'), 'AGGREGATE', 'MIN', 'WITHSCORES'),
  run('ZDIFF', '2', key('big'), key('small'), 'WITHSCORES'),
  run('ZUNIONSTORE', key('d'), '2', key('big'), key('big'), 'WEIGHTS', '1', '0'),
  run('ZSCORE', key('d'), 'negzero'),
  run('ZRANGESTORE', key('d2'), key('big'), '0', '1'),
  run('ZSCORE', key('d2'), 'negzero'),
  run('ZRANGESTORE', key('d3'), key('big'), '0', '-1'),
  run('ZSCORE', key('d3'), 'negzero'),
  run('ZRANGESTORE', key('d4'), key('big'), '-inf', '+inf', 'BYSCORE'),
  run('ZSCORE', key('d4'), 'negzero'),
  run('ZADD', key('d5'), '-0', 'negzero', '0', 'zero'),
  run('ZUNIONSTORE', key('d6'), '1', key('d5')),
  run('ZSCORE', key('d6'), 'negzero'),
  run('ZPOPMIN', key('big')),
]);
kase('zunionstore-binary-members', (key) => [
  zadd(key('p'), ['\x00', '1'], ['a\r\nb', '2'], ['\xff', '3'], ['', '4']),
  zadd(key('q'), ['\x00', '1'], ['\xff\xfe', '3']),
  run('ZUNIONSTORE', key('d\x00'), '2', key('p'), key('q')),
  run('ZRANGE', key('d\x00'), '0', '-1', 'WITHSCORES'),
  run('ZINTERSTORE', key('d\x00'), '2', key('p'), key('q')),
  run('ZRANGE', key('d\x00'), '0', '-1', 'WITHSCORES'),
]);
// Equal scores sort by member bytes (memcmp), so the order is defined.
kase('zunionstore-equal-scores', (key) => [
  zadd(key('p'), ['b', '1'], ['a', '1'], ['c', '0']),
  run('SADD', key('s'), 'ab', 'aa', 'b', '10', '9'),
  run('ZUNIONSTORE', key('d'), '2', key('p'), key('s'), 'WEIGHTS', '1', '1', 'AGGREGATE', 'MAX'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
]);
kase('zunionstore-pipelined', (key) => [
  ask(
    'a',
    command('ZADD', key('a'), '1', 'x') +
      command('ZUNIONSTORE', key('d'), '1', key('a')) +
      command('ZUNIONSTORE', key('d'), '0') +
      command('ZINTERSTORE', key('d'), '2', key('a'), key('d')) +
      command('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
    5,
  ),
]);
kase('zunionstore-inline', (key) => [run('ZADD', key('a'), '1', 'x'), ask('a', `ZUNIONSTORE ${key('d')} 1 ${key('a')} WEIGHTS 3\r\n`), run('ZSCORE', key('d'), 'x')]);
kase('zunionstore-expired-source', (key) => [
  ...twoSets(key),
  run('PEXPIREAT', key('a'), '1'),
  run('ZUNIONSTORE', key('d'), '2', key('a'), key('b')),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
]);
kase('zunionstore-subscribed-mode', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), run('ZUNIONSTORE', key('d'), '1', key('a'))]);

// ---------------------------------------------------------------------------
// ZUNION / ZINTER / ZDIFF: the reply instead of a destination

for (const cmd of ['ZUNION', 'ZINTER', 'ZDIFF']) {
  const c = cmd.toLowerCase();
  kase(`${c}-basic`, (key) => [
    ...twoSets(key),
    run(cmd, '2', key('a'), key('b')),
    run(cmd, '2', key('a'), key('b'), 'WITHSCORES'),
    run(cmd, '2', key('b'), key('a'), 'withscores'),
    run(cmd, '2', key('a'), key('b'), 'WITHSCORES', 'WITHSCORES'),
    run(cmd, '1', key('a')),
  ]);
  kase(`${c}-missing`, (key) => [
    ...twoSets(key),
    run(cmd, '1', key('nope')),
    run(cmd, '2', key('nope'), key('nope2'), 'WITHSCORES'),
    run(cmd, '2', key('a'), key('nope'), 'WITHSCORES'),
    run(cmd, '2', key('nope'), key('a'), 'WITHSCORES'),
  ]);
  kase(`${c}-plain-sets`, (key) => [
    zadd(key('z'), ['1', '5'], ['b', '0.25'], ['q', '-3']),
    run('SADD', key('ints'), '3', '1', '2'),
    run('SADD', key('strs'), 'b', 'a', '2'),
    run(cmd, '3', key('z'), key('ints'), key('strs'), 'WITHSCORES'),
    run(cmd, '2', key('strs'), key('z'), 'WITHSCORES'),
    run(cmd, '2', key('ints'), key('strs'), 'WITHSCORES'),
    run(cmd, '1', key('strs')),
  ]);
  kase(`${c}-errors`, (key) => [
    ...twoSets(key),
    run('SET', key('s'), 'v'),
    run(cmd),
    run(cmd, '1'),
    run(cmd, '0', key('a')),
    run(cmd, '-5', key('a')),
    run(cmd, 'one', key('a')),
    run(cmd, '2', key('a')),
    run(cmd, '1', key('s')),
    run(cmd, '2', key('a'), key('s'), 'BOGUS'),
    run(cmd, '2', key('a'), key('b'), 'BOGUS'),
    run(cmd, '2', key('a'), key('b'), 'WITHSCORES', 'extra'),
    run(cmd, '2', key('a'), key('b'), 'LIMIT', '1'),
    run(c, '0', key('a')),
  ]);
}

kase('zunion-weights-aggregate', (key) => [
  ...twoSets(key),
  run('ZUNION', '2', key('a'), key('b'), 'WEIGHTS', '2', '3', 'WITHSCORES'),
  run('ZUNION', '2', key('a'), key('b'), 'WITHSCORES', 'AGGREGATE', 'MAX'),
  run('ZUNION', '2', key('a'), key('b'), 'AGGREGATE', 'MIN', 'WEIGHTS', '1', '0.5', 'WITHSCORES'),
  run('ZUNION', '2', key('a'), key('b'), 'WEIGHTS', 'x', '1', 'WITHSCORES'),
  run('ZUNION', '2', key('a'), key('b'), 'WEIGHTS', '1', 'WITHSCORES'),
  run('ZUNION', '2', key('a'), key('b'), 'AGGREGATE', 'WITHSCORES'),
]);
kase('zinter-weights-aggregate', (key) => [
  ...twoSets(key),
  run('ZINTER', '2', key('a'), key('b'), 'WEIGHTS', '2', '3', 'WITHSCORES'),
  run('ZINTER', '2', key('a'), key('b'), 'WITHSCORES', 'AGGREGATE', 'MAX'),
  run('ZINTER', '2', key('a'), key('b'), 'AGGREGATE', 'MIN', 'WEIGHTS', '1', '0.5', 'WITHSCORES'),
  run('ZINTER', '2', key('a'), key('a'), 'WEIGHTS', '1', '2', 'WITHSCORES'),
  run('ZINTER', '2', key('a'), key('b'), 'WEIGHTS', 'inf', '-inf', 'WITHSCORES'),
]);
kase('zdiff-options', (key) => [
  ...twoSets(key),
  run('ZDIFF', '2', key('a'), key('b'), 'WEIGHTS', '1', '1'),
  run('ZDIFF', '2', key('a'), key('b'), 'AGGREGATE', 'MIN'),
  run('ZDIFF', '2', key('a'), key('a'), 'WITHSCORES'),
  run('ZDIFF', '3', key('a'), key('b'), key('a')),
  run('ZDIFF', '3', key('a'), key('nope'), key('b'), 'WITHSCORES'),
]);
// The two diff algorithms Redis picks between (by sizes) must answer the same.
kase('zdiff-sizes', (key) => [
  many(key('big'), 150),
  zadd(key('small'), ['m3', '0'], ['m140', '0'], ['x', '0']),
  run('ZDIFF', '2', key('big'), key('small'), 'WITHSCORES'),
  run('ZDIFF', '2', key('small'), key('big'), 'WITHSCORES'),
  run('SADD', key('set'), 'm0', 'm1', 'm149'),
  run('ZDIFF', '3', key('big'), key('set'), key('small')),
]);
kase('zinter-large', (key) => [
  many(key('big'), 200),
  run('SADD', key('set'), 'm0', 'm10', 'm199', 'nope'),
  run('ZINTER', '2', key('big'), key('set'), 'WITHSCORES'),
  run('ZINTER', '2', key('set'), key('big'), 'WEIGHTS', '2', '0.5', 'AGGREGATE', 'MAX', 'WITHSCORES'),
  run('ZUNION', '2', key('set'), key('big'), 'AGGREGATE', 'MIN'),
]);

// ---------------------------------------------------------------------------
// ZINTERCARD

kase('zintercard-basic', (key) => [
  ...twoSets(key),
  run('ZINTERCARD', '2', key('a'), key('b')),
  run('ZINTERCARD', '1', key('a')),
  run('ZINTERCARD', '2', key('a'), key('nope')),
  run('ZINTERCARD', '2', key('a'), key('a')),
  run('SADD', key('set'), 'x', 'y', 'q'),
  run('ZINTERCARD', '2', key('a'), key('set')),
  run('ZINTERCARD', '3', key('a'), key('b'), key('set')),
]);
kase('zintercard-limit', (key) => [
  ...twoSets(key),
  run('ZINTERCARD', '2', key('a'), key('a'), 'LIMIT', '0'),
  run('ZINTERCARD', '2', key('a'), key('a'), 'LIMIT', '1'),
  run('ZINTERCARD', '2', key('a'), key('a'), 'limit', '2'),
  run('ZINTERCARD', '2', key('a'), key('a'), 'LIMIT', '100'),
  run('ZINTERCARD', '2', key('a'), key('a'), 'LIMIT', '1', 'LIMIT', '3'),
  run('ZINTERCARD', '2', key('a'), key('a'), 'LIMIT', '-1'),
  run('ZINTERCARD', '2', key('a'), key('a'), 'LIMIT', 'x'),
  run('ZINTERCARD', '2', key('a'), key('a'), 'LIMIT', '9223372036854775808'),
  run('ZINTERCARD', '2', key('a'), key('a'), 'LIMIT'),
]);
kase('zintercard-errors', (key) => [
  ...twoSets(key),
  run('SET', key('s'), 'v'),
  run('ZINTERCARD'),
  run('ZINTERCARD', '1'),
  run('ZINTERCARD', '0', key('a')),
  run('ZINTERCARD', 'x', key('a')),
  run('ZINTERCARD', '3', key('a'), key('b')),
  run('ZINTERCARD', '2', key('a'), key('s')),
  run('ZINTERCARD', '2', key('a'), key('b'), 'WITHSCORES'),
  run('ZINTERCARD', '2', key('a'), key('b'), 'WEIGHTS', '1', '1'),
  run('ZINTERCARD', '2', key('a'), key('b'), 'AGGREGATE', 'MIN'),
  run('ZINTERCARD', '2', key('s'), key('a'), 'LIMIT', 'x'),
]);

// ---------------------------------------------------------------------------
// ZRANGESTORE

kase('zrangestore-rank', (key) => [
  many(key('src'), 10),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '2', '4'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '-3', '-1', 'REV'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '5', '100'),
  run('ZRANGESTORE', key('d'), key('src'), '-100', '1'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
]);
kase('zrangestore-byscore', (key) => [
  many(key('src'), 10),
  run('ZRANGESTORE', key('d'), key('src'), '2', '5', 'BYSCORE'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '(2', '+inf', 'byscore', 'LIMIT', '1', '3'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '+inf', '(7', 'BYSCORE', 'REV'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '7', '3', 'REV', 'BYSCORE', 'LIMIT', '1', '-1'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '5', '2', 'BYSCORE'),
  run('EXISTS', key('d')),
]);
kase('zrangestore-bylex', (key) => [
  zadd(key('src'), ['a', '0'], ['b', '0'], ['c', '0'], ['d', '0'], ['e', '0']),
  run('ZRANGESTORE', key('d'), key('src'), '[b', '(e', 'BYLEX'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '+', '-', 'BYLEX', 'REV', 'LIMIT', '0', '2'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), 'b', 'c', 'BYLEX'),
  run('ZRANGESTORE', key('d'), key('src'), '[x', '[z', 'BYLEX'),
  run('EXISTS', key('d')),
]);
kase('zrangestore-missing-and-types', (key) => [
  run('SET', key('d'), 'string'),
  run('ZRANGESTORE', key('d'), key('nope'), '0', '-1'),
  run('EXISTS', key('d')),
  run('SET', key('s'), 'v'),
  run('SADD', key('set'), 'a'),
  run('ZRANGESTORE', key('d'), key('s'), '0', '-1'),
  run('ZRANGESTORE', key('d'), key('set'), '0', '-1'),
  run('ZADD', key('z'), '1', 'a'),
  run('SET', key('d'), 'string', 'EX', '100'),
  run('ZRANGESTORE', key('d'), key('z'), '0', '-1'),
  run('TTL', key('d')),
  run('ZRANGESTORE', key('z'), key('z'), '0', '0'),
  run('ZRANGE', key('z'), '0', '-1', 'WITHSCORES'),
]);
kase('zrangestore-errors', (key) => [
  many(key('src'), 5),
  run('ZRANGESTORE', key('d'), key('src'), '0'),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1', 'WITHSCORES'),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1', 'LIMIT', '0', '1'),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1', 'BYLEX'),
  run('ZRANGESTORE', key('d'), key('src'), 'x', '1', 'BYSCORE'),
  run('ZRANGESTORE', key('d'), key('src'), 'x', '-1'),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1', 'BOGUS'),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1', 'BYSCORE', 'BYLEX'),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1', 'BYSCORE', 'LIMIT', 'x', '1'),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1', 'BYSCORE', 'LIMIT', '0'),
  run('ZRANGESTORE', key('d'), key('src'), '0', '-1', 'REV', 'REV'),
  run('zrangestore', key('d')),
  run('EXISTS', key('d')),
]);
kase('zrangestore-encoding', (key) => [
  many(key('src'), 200),
  run('ZRANGESTORE', key('d1'), key('src'), '0', '127'),
  run('OBJECT', 'ENCODING', key('d1')),
  run('ZRANGESTORE', key('d2'), key('src'), '0', '128'),
  run('OBJECT', 'ENCODING', key('d2')),
  run('ZRANGESTORE', key('d3'), key('src'), '0', '128', 'BYSCORE'),
  run('OBJECT', 'ENCODING', key('d3')),
  run('ZRANGESTORE', key('d4'), key('src'), '0', '127', 'BYSCORE'),
  run('OBJECT', 'ENCODING', key('d4')),
  run('ZCARD', key('d3')),
]);

// ---------------------------------------------------------------------------
// ZRANDMEMBER (deterministic shapes only: the whole set, or a one-member set)

kase('zrandmember-whole-set', (key) => [
  zadd(key('z'), ['c', '3'], ['a', '1'], ['b', '2.5']),
  run('ZRANDMEMBER', key('z'), '3'),
  run('ZRANDMEMBER', key('z'), '100'),
  run('ZRANDMEMBER', key('z'), '3', 'WITHSCORES'),
  run('ZRANDMEMBER', key('z'), '4', 'withscores'),
]);
kase('zrandmember-whole-skiplist', (key) => [many(key('z'), 130), run('ZRANDMEMBER', key('z'), '130', 'WITHSCORES'), run('ZRANDMEMBER', key('z'), '1000')]);
kase('zrandmember-one-member', (key) => [
  zadd(key('z'), ['only', '1.5']),
  run('ZRANDMEMBER', key('z')),
  run('ZRANDMEMBER', key('z'), '1'),
  run('ZRANDMEMBER', key('z'), '-1'),
  run('ZRANDMEMBER', key('z'), '-5'),
  run('ZRANDMEMBER', key('z'), '-3', 'WITHSCORES'),
  run('ZRANDMEMBER', key('z'), '1', 'WITHSCORES'),
  run('ZRANDMEMBER', key('z'), '0'),
  run('ZRANDMEMBER', key('z'), '0', 'WITHSCORES'),
]);
kase('zrandmember-missing', (key) => [
  run('ZRANDMEMBER', key()),
  run('ZRANDMEMBER', key(), '5'),
  run('ZRANDMEMBER', key(), '-5', 'WITHSCORES'),
  run('ZRANDMEMBER', key(), '0'),
]);
kase('zrandmember-errors', (key) => [
  zadd(key('z'), ['a', '1']),
  run('SET', key('s'), 'v'),
  run('ZRANDMEMBER'),
  run('ZRANDMEMBER', key('s')),
  run('ZRANDMEMBER', key('s'), '1'),
  run('ZRANDMEMBER', key('s'), '0'),
  run('ZRANDMEMBER', key('s'), 'x'),
  run('ZRANDMEMBER', key('z'), 'x'),
  run('ZRANDMEMBER', key('z'), '1.5'),
  run('ZRANDMEMBER', key('z'), '1', 'WITHSCORE'),
  run('ZRANDMEMBER', key('z'), '1', 'WITHSCORES', 'x'),
  run('ZRANDMEMBER', key('nope'), '1', 'x'),
  run('ZRANDMEMBER', key('nope'), 'x', 'WITHSCORES'),
  run('ZRANDMEMBER', key('z'), '-9223372036854775808'),
  run('ZRANDMEMBER', key('z'), '9223372036854775808'),
  run('ZRANDMEMBER', key('z'), '-9223372036854775807', 'WITHSCORES'),
  run('ZRANDMEMBER', key('z'), '4611686018427387904', 'WITHSCORES'),
  run('ZRANDMEMBER', key('nope'), '4611686018427387903', 'WITHSCORES'),
  run('ZRANDMEMBER', key('nope'), '-4611686018427387903', 'WITHSCORES'),
  run('ZRANDMEMBER', key('nope'), '-4611686018427387904', 'WITHSCORES'),
]);

// ---------------------------------------------------------------------------
// ZPOPMIN / ZPOPMAX

for (const cmd of ['ZPOPMIN', 'ZPOPMAX']) {
  const c = cmd.toLowerCase();
  kase(`${c}-basic`, (key) => [
    zadd(key(), ['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['e', '1e100']),
    run(cmd, key()),
    run(cmd, key(), '1'),
    run(cmd, key(), '2'),
    run(cmd, key(), '0'),
    run('ZCARD', key()),
    run(cmd, key(), '10'),
    run('EXISTS', key()),
    run(cmd, key()),
    run(cmd, key(), '3'),
  ]);
  kase(`${c}-errors`, (key) => [
    zadd(key(), ['a', '1']),
    run('SET', key('s'), 'v'),
    run(cmd),
    run(cmd, key(), '1', '2'),
    run(cmd, key(), 'x', 'y'),
    run(cmd, key(), '-1'),
    run(cmd, key(), 'x'),
    run(cmd, key(), '1.5'),
    run(cmd, key(), '9223372036854775808'),
    run(cmd, key('s')),
    run(cmd, key('s'), '0'),
    run(cmd, key('s'), '-1'),
    run(cmd, key('nope'), '-1'),
    run(c, key(), '9223372036854775807'),
    run('EXISTS', key()),
  ]);
  kase(`${c}-equal-scores-and-skiplist`, (key) => [
    zadd(key(), ['b', '1'], ['a', '1'], ['c', '1'], ['\x00', '1'], ['\xff', '1']),
    run(cmd, key(), '3'),
    many(key('big'), 140),
    run(cmd, key('big'), '3'),
    run('ZCARD', key('big')),
  ]);
}
kase('zpopmin-set-is-wrongtype', (key) => [run('SADD', key(), 'a'), run('ZPOPMIN', key()), run('ZPOPMAX', key(), '1')]);

// ---------------------------------------------------------------------------
// ZMPOP

kase('zmpop-basic', (key) => [
  zadd(key('a'), ['x', '1'], ['y', '2'], ['z', '3']),
  run('ZMPOP', '1', key('a'), 'MIN'),
  run('ZMPOP', '1', key('a'), 'MAX'),
  run('ZMPOP', '2', key('nope'), key('a'), 'min', 'COUNT', '10'),
  run('EXISTS', key('a')),
  run('ZMPOP', '2', key('nope'), key('a'), 'MIN'),
  run('ZMPOP', '1', key('nope'), 'MAX', 'count', '3'),
]);
kase('zmpop-first-nonempty-key', (key) => [
  zadd(key('b'), ['x', '1'], ['y', '2']),
  zadd(key('c'), ['q', '0']),
  run('SET', key('s'), 'v'),
  run('ZMPOP', '3', key('nope'), key('b'), key('c'), 'MAX', 'COUNT', '1'),
  run('ZMPOP', '2', key('b'), key('s'), 'MIN', 'COUNT', '5'),
  run('ZMPOP', '3', key('nope'), key('s'), key('c'), 'MIN'),
  run('ZMPOP', '2', key('c'), key('s'), 'MIN'),
]);
kase('zmpop-errors', (key) => [
  zadd(key('a'), ['x', '1']),
  run('ZMPOP'),
  run('ZMPOP', '1'),
  run('ZMPOP', '1', key('a')),
  run('ZMPOP', '0', key('a'), 'MIN'),
  run('ZMPOP', '-1', key('a'), 'MIN'),
  run('ZMPOP', 'x', key('a'), 'MIN'),
  run('ZMPOP', '9223372036854775808', key('a'), 'MIN'),
  run('ZMPOP', '2', key('a'), 'MIN'),
  run('ZMPOP', '1', key('a'), 'LEFT'),
  run('ZMPOP', '1', key('a'), 'MIN', 'COUNT'),
  run('ZMPOP', '1', key('a'), 'MIN', 'COUNT', '0'),
  run('ZMPOP', '1', key('a'), 'MIN', 'COUNT', '-1'),
  run('ZMPOP', '1', key('a'), 'MIN', 'COUNT', 'x'),
  run('ZMPOP', '1', key('a'), 'MIN', 'COUNT', '1', 'COUNT', '1'),
  run('ZMPOP', '1', key('a'), 'MIN', 'BOGUS'),
  run('ZMPOP', '1', key('a'), 'MIN', 'COUNT', '1', 'x'),
  run('zmpop', '2', key('a'), 'MIN'),
  run('ZCARD', key('a')),
]);
kase('zmpop-set-is-wrongtype', (key) => [run('SADD', key(), 'a'), run('ZMPOP', '1', key(), 'MIN')]);

// ---------------------------------------------------------------------------
// BZPOPMIN / BZPOPMAX / BZMPOP: served at once

for (const cmd of ['BZPOPMIN', 'BZPOPMAX']) {
  const c = cmd.toLowerCase();
  kase(`${c}-immediate`, (key) => [
    zadd(key('a'), ['x', '1'], ['y', '2'], ['z', '1.5']),
    run(cmd, key('a'), '0'),
    run(cmd, key('nope'), key('a'), '1'),
    run(cmd, key('a'), key('nope'), '0.5'),
    run('EXISTS', key('a')),
  ]);
  kase(`${c}-errors`, (key) => [
    zadd(key('a'), ['x', '1']),
    run('SET', key('s'), 'v'),
    run(cmd),
    run(cmd, key('a')),
    run(cmd, key('a'), 'x'),
    run(cmd, key('a'), '-1'),
    run(cmd, key('a'), '-0.0001'),
    run(cmd, key('a'), 'nan'),
    run(cmd, key('a'), 'inf'),
    run(cmd, key('a'), ''),
    run(cmd, key('s'), '0'),
    run(cmd, key('nope'), key('s'), key('a'), '0'),
    run(cmd, key('a'), key('s'), '0'),
    run(cmd, key('s'), 'x'),
    run(c, key('a'), '-1'),
    run('ZCARD', key('a')),
  ]);
  // Redis rounds the milliseconds up (ceill): 0.0001 s waits 1 ms, it is not "forever".
  kase(`${c}-timeout`, (key) => [run(cmd, key('a'), '0.1'), run(cmd, key('a'), key('b'), '0.05'), run(cmd, key('a'), '0.0001')]);
}

kase('bzmpop-immediate', (key) => [
  zadd(key('a'), ['x', '1'], ['y', '2'], ['z', '3']),
  run('BZMPOP', '0', '1', key('a'), 'MIN'),
  run('BZMPOP', '1', '2', key('nope'), key('a'), 'MAX', 'COUNT', '5'),
  run('EXISTS', key('a')),
]);
kase('bzmpop-errors', (key) => [
  zadd(key('a'), ['x', '1']),
  run('SET', key('s'), 'v'),
  run('BZMPOP'),
  run('BZMPOP', '0', '1', key('a')),
  run('BZMPOP', '0', '0', key('a'), 'MIN'),
  run('BZMPOP', '0', 'x', key('a'), 'MIN'),
  run('BZMPOP', '0', '2', key('a'), 'MIN'),
  run('BZMPOP', '0', '1', key('a'), 'UP'),
  run('BZMPOP', '0', '1', key('a'), 'MIN', 'COUNT', '0'),
  run('BZMPOP', '0', '1', key('a'), 'MIN', 'COUNT', '1', 'COUNT', '2'),
  run('BZMPOP', 'x', '1', key('a'), 'MIN'),
  run('BZMPOP', '-1', '1', key('a'), 'MIN'),
  // numkeys, MIN|MAX and COUNT are read before the timeout.
  run('BZMPOP', 'x', '0', key('a'), 'MIN'),
  run('BZMPOP', '-1', '1', key('a'), 'MIN', 'COUNT', '0'),
  run('BZMPOP', '0', '1', key('s'), 'MIN'),
  run('BZMPOP', 'x', '1', key('s'), 'MIN'),
  run('ZCARD', key('a')),
]);
kase('bzmpop-timeout', (key) => [
  run('BZMPOP', '0.1', '1', key('a'), 'MIN'),
  run('BZMPOP', '0.05', '2', key('a'), key('b'), 'MAX', 'COUNT', '2'),
  run('BZMPOP', '0.0005', '1', key('a'), 'MIN'),
]);

// ---------------------------------------------------------------------------
// Blocking, with two or three connections

kase('bzpopmin-woken-by-zadd', (key) => [
  push('a', command('BZPOPMIN', key(), '0')),
  fanout('b', command('ZADD', key(), '2', 'two', '1', 'one'), { b: 1, a: 1 }),
  on('b', 'ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
kase('bzpopmax-woken-by-zadd', (key) => [
  push('a', command('BZPOPMAX', key(), '0')),
  fanout('b', command('ZADD', key(), '2', 'two', '1', 'one'), { b: 1, a: 1 }),
  on('b', 'ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
// The waiter takes the last member: the key is gone before anyone else looks.
kase('bzpopmin-takes-last-member', (key) => [
  push('a', command('BZPOPMIN', key(), '10')),
  fanout('b', command('ZADD', key(), '5', 'only'), { b: 1, a: 1 }),
  on('b', 'EXISTS', key()),
]);
kase('bzpopmin-fifo', (key) => [
  push('a', command('BZPOPMIN', key(), '0')),
  push('b', command('BZPOPMIN', key(), '0')),
  fanout('c', command('ZADD', key(), '1', 'first'), { c: 1, a: 1 }),
  fanout('c', command('ZADD', key(), '2', 'second'), { c: 1, b: 1 }),
  on('c', 'EXISTS', key()),
]);
kase('bzpopmin-fifo-one-zadd', (key) => [
  push('a', command('BZPOPMIN', key(), '0')),
  push('b', command('BZPOPMAX', key(), '0')),
  fanout('c', command('ZADD', key(), '1', 'x', '2', 'y', '3', 'z'), { c: 1, a: 1, b: 1 }),
  on('c', 'ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
kase('bzpopmin-several-keys', (key) => [
  push('a', command('BZPOPMIN', key('1'), key('2'), key('3'), '0')),
  fanout('b', command('ZADD', key('2'), '7', 'm'), { b: 1, a: 1 }),
  on('b', 'ZADD', key('1'), '1', 'm'),
  on('a', 'BZPOPMIN', key('3'), key('1'), '0'),
]);
// Neither a string nor an emptied key serves the waiter; the zset that follows does.
kase('bzpopmin-not-served-by-other-types', (key) => [
  push('a', command('BZPOPMIN', key(), '0')),
  on('b', 'SET', key(), 'string'),
  on('b', 'DEL', key()),
  on('b', 'SADD', key(), 'member'),
  on('b', 'DEL', key()),
  fanout('b', command('ZADD', key(), '3', 'z'), { b: 1, a: 1 }),
]);
kase('bzpopmin-woken-by-zunionstore', (key) => [
  on('b', 'ZADD', key('src'), '4', 'x', '5', 'y'),
  push('a', command('BZPOPMAX', key(), '0')),
  fanout('b', command('ZUNIONSTORE', key(), '1', key('src')), { b: 1, a: 1 }),
  on('b', 'ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
kase('bzpopmin-woken-by-zrangestore', (key) => [
  on('b', 'ZADD', key('src'), '4', 'x', '5', 'y'),
  push('a', command('BZPOPMIN', key(), '0')),
  fanout('b', command('ZRANGESTORE', key(), key('src'), '0', '-1'), { b: 1, a: 1 }),
  on('b', 'ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);
// A blocked connection's later commands wait behind it.
kase('bzpopmin-pipeline-waits', (key) => [
  push('a', command('BZPOPMIN', key(), '0') + command('PING') + command('ZCARD', key())),
  fanout('b', command('ZADD', key(), '1', 'x', '2', 'y'), { b: 1, a: 3 }),
]);
kase('bzmpop-woken-by-zadd', (key) => [
  push('a', command('BZMPOP', '0', '2', key('1'), key('2'), 'MIN', 'COUNT', '2')),
  fanout('b', command('ZADD', key('2'), '3', 'c', '1', 'a', '2', 'b'), { b: 1, a: 1 }),
  on('b', 'ZRANGE', key('2'), '0', '-1', 'WITHSCORES'),
]);
kase('bzmpop-max-count-over-size', (key) => [
  push('a', command('BZMPOP', '0', '1', key(), 'MAX', 'COUNT', '10')),
  fanout('b', command('ZADD', key(), '3', 'c', '1', 'a'), { b: 1, a: 1 }),
  on('b', 'EXISTS', key()),
]);
kase('bzmpop-fifo-with-bzpopmin', (key) => [
  push('a', command('BZMPOP', '0', '1', key(), 'MAX')),
  push('b', command('BZPOPMIN', key(), '0')),
  fanout('c', command('ZADD', key(), '1', 'x', '2', 'y'), { c: 1, a: 1, b: 1 }),
  on('c', 'EXISTS', key()),
]);
kase('bzpopmin-timeout-then-served', (key) => [
  run('BZPOPMIN', key(), '0.05'),
  push('a', command('BZPOPMIN', key(), '0')),
  fanout('b', command('ZADD', key(), '1', 'x'), { b: 1, a: 1 }),
]);

export const zsetsAlgebraCorpus: readonly Case[] = resp2.cases;

// ---------------------------------------------------------------------------
// RESP3: doubles are `,`, WITHSCORES pairs are nested arrays, nulls are `_`

const resp3 = builder('za3');
const hello = (conn = 'a'): Step => ask(conn, command('HELLO', '3'));

resp3.kase('zunion-withscores', (key) => [
  hello(),
  ...twoSets(key),
  run('ZUNION', '2', key('a'), key('b'), 'WITHSCORES'),
  run('ZINTER', '2', key('a'), key('b'), 'WITHSCORES', 'WEIGHTS', '1', '-1'),
  run('ZDIFF', '2', key('a'), key('b'), 'WITHSCORES'),
  run('ZUNION', '2', key('a'), key('b')),
  run('ZUNION', '1', key('nope'), 'WITHSCORES'),
  run('ZINTERCARD', '2', key('a'), key('b')),
  run('ZUNION', '0', key('a')),
]);
resp3.kase('zunion-special-scores', (key) => [
  hello(),
  zadd(key('p'), ['m', '+inf'], ['n', '-inf'], ['o', '1.5'], ['z', '-0'], ['big', '1e100']),
  run('ZUNION', '1', key('p'), 'WITHSCORES'),
  run('ZUNION', '2', key('p'), key('p'), 'WEIGHTS', '1', '-1', 'WITHSCORES'),
]);
resp3.kase('zstore', (key) => [
  hello(),
  ...twoSets(key),
  run('ZUNIONSTORE', key('d'), '2', key('a'), key('b')),
  run('ZINTERSTORE', key('d'), '2', key('a'), key('b'), 'AGGREGATE', 'MAX'),
  run('ZDIFFSTORE', key('d'), '2', key('a'), key('b')),
  run('ZRANGESTORE', key('d'), key('a'), '0', '1'),
  run('ZRANGE', key('d'), '0', '-1', 'WITHSCORES'),
]);
resp3.kase('zrandmember', (key) => [
  hello(),
  zadd(key('z'), ['c', '3'], ['a', '1'], ['b', '2.5']),
  run('ZRANDMEMBER', key('z'), '3', 'WITHSCORES'),
  run('ZRANDMEMBER', key('z'), '5'),
  run('ZRANDMEMBER', key('nope')),
  run('ZRANDMEMBER', key('nope'), '2', 'WITHSCORES'),
  zadd(key('one'), ['only', '-2.5']),
  run('ZRANDMEMBER', key('one'), '-2', 'WITHSCORES'),
  run('ZRANDMEMBER', key('one'), '1', 'WITHSCORES'),
  run('ZRANDMEMBER', key('one')),
]);
resp3.kase('zpop', (key) => [
  hello(),
  zadd(key(), ['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['e', '5'], ['f', '6']),
  run('ZPOPMIN', key()),
  run('ZPOPMIN', key(), '1'),
  run('ZPOPMAX', key(), '2'),
  run('ZPOPMAX', key()),
  run('ZPOPMIN', key(), '0'),
  run('ZPOPMIN', key('nope')),
  run('ZPOPMIN', key('nope'), '2'),
  run('ZPOPMAX', key(), '5'),
]);
resp3.kase('zmpop', (key) => [
  hello(),
  zadd(key(), ['a', '1'], ['b', '2'], ['c', '3']),
  run('ZMPOP', '1', key(), 'MIN'),
  run('ZMPOP', '1', key(), 'MAX', 'COUNT', '5'),
  run('ZMPOP', '1', key(), 'MAX', 'COUNT', '5'),
  run('ZMPOP', '0', key(), 'MIN'),
]);
resp3.kase('bzpop-immediate-and-timeout', (key) => [
  hello(),
  zadd(key(), ['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']),
  run('BZPOPMIN', key(), '0'),
  run('BZPOPMAX', key('nope'), key(), '0'),
  run('BZMPOP', '0', '1', key(), 'MIN', 'COUNT', '1'),
  run('BZMPOP', '0', '1', key(), 'MAX'),
  run('BZPOPMIN', key(), '0.05'),
  run('BZMPOP', '0.05', '1', key(), 'MAX'),
  run('BZPOPMAX', key(), '-1'),
]);
resp3.kase('bzpop-woken', (key) => [
  hello('a'),
  hello('b'),
  push('a', command('BZPOPMAX', key(), '0')),
  push('b', command('BZMPOP', '0', '1', key(), 'MIN', 'COUNT', '2')),
  fanout('c', command('ZADD', key(), '1', 'x', '2', 'y', '3', 'z', '4', 'w'), { c: 1, a: 1, b: 1 }),
  on('c', 'ZRANGE', key(), '0', '-1', 'WITHSCORES'),
]);

export const zsetsAlgebraResp3Corpus: readonly Case[] = resp3.cases;
