// The differential corpus of the list commands (src/commands/lists/): inputs only, real
// Redis's replies are the expected ones. Every command's success paths, every error
// text (arity, syntax, not-an-integer, out of range, the commands' own messages,
// WRONGTYPE both ways: a list command on a string and a string command on a list), the
// edge values (binary and empty elements, negative and huge indexes and counts), the
// deletion of a list emptied by its last pop, and blocking with several connections.
//
// Blocking cases: the blocked connection's command is sent with `push` (no reply
// expected yet; the harness's barrier makes sure the server has read it), then another
// connection writes and `fanout` waits for the replies on both: the writer's own and
// the one the blocked client gets. Several waiters show the FIFO order. The timeouts
// are 0.1 s: both servers answer well within the harness's wait.
//
// Keys are prefixed with the case name: the two servers are never flushed between cases.

import { type Case, type Key, type Step, ask, command, fanout, push } from './corpus';

/** One command on connection "a", one reply. */
const run = (...args: string[]): Step => ask('a', command(...args));
/** One command on connection `conn`, one reply. */
const on = (conn: string, ...args: string[]): Step => ask(conn, command(...args));

function builder(prefix: string): { cases: Case[]; kase: (name: string, build: (key: Key) => Step[]) => void } {
  const cases: Case[] = [];
  const kase = (name: string, build: (key: Key) => Step[]): void => {
    if (cases.some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
    cases.push({ name, steps: build((suffix = 'k') => `${prefix}-${name}:${suffix}`) });
  };
  return { cases, kase };
}

const BINARY = '\x00\r\n\xff\x80 bin';
const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';
const OVER_LLONG = '9223372036854775808';

const resp2 = builder('lists');
const kase = resp2.kase;
/** Makes `key()` a list holding `elements` (RPUSH, so in this order). */
const list = (key: string, ...elements: string[]): Step => run('RPUSH', key, ...elements);

// ---------------------------------------------------------------------------
// LPUSH RPUSH LPUSHX RPUSHX

kase('lpush-new', (key) => [run('LPUSH', key(), 'a'), run('LRANGE', key(), '0', '-1'), run('TYPE', key())]);
// Redis 7.0 answers quicklist for every list, one element or a thousand (needs OBJECT).
kase('object-encoding', (key) => [
  run('RPUSH', key(), 'a'),
  run('OBJECT', 'ENCODING', key()),
  run('RPUSH', key(), ...Array.from({ length: 200 }, (_, i) => `e${i}`)),
  run('OBJECT', 'ENCODING', key()),
]);
kase('lpush-many-order', (key) => [run('LPUSH', key(), 'a', 'b', 'c'), run('LPUSH', key(), 'd'), run('LRANGE', key(), '0', '-1')]);
kase('rpush-many-order', (key) => [run('RPUSH', key(), 'a', 'b', 'c'), run('RPUSH', key(), 'd', 'e'), run('LRANGE', key(), '0', '-1')]);
kase('push-arity', (key) => [run('LPUSH', key()), run('RPUSH'), run('lpushx', key()), run('RPUSHX')]);
kase('push-lowercase', (key) => [run('lpush', key(), 'x'), run('rpush', key(), 'y'), run('lrange', key(), '0', '-1')]);
kase('lpushx-missing', (key) => [run('LPUSHX', key(), 'a', 'b'), run('EXISTS', key()), run('RPUSHX', key(), 'a'), run('EXISTS', key())]);
kase('pushx-existing', (key) => [list(key(), 'm'), run('LPUSHX', key(), 'a', 'b'), run('RPUSHX', key(), 'y', 'z'), run('LRANGE', key(), '0', '-1')]);
kase('push-on-string', (key) => [
  run('SET', key(), 'v'),
  run('LPUSH', key(), 'a'),
  run('RPUSH', key(), 'a'),
  run('LPUSHX', key(), 'a'),
  run('RPUSHX', key(), 'a'),
  run('GET', key()),
]);
kase('string-commands-on-list', (key) => [
  list(key(), '1'),
  run('GET', key()),
  run('INCR', key()),
  run('APPEND', key(), 'x'),
  run('STRLEN', key()),
  run('GETRANGE', key(), '0', '1'),
  run('SETRANGE', key(), '0', 'x'),
  run('INCRBYFLOAT', key(), '1'),
  run('GETDEL', key()),
  run('LLEN', key()),
]);
kase('set-overwrites-list', (key) => [list(key(), 'a'), run('SET', key(), 'v'), run('GET', key()), run('LLEN', key())]);
kase('push-binary-and-empty', (key) => [
  run('RPUSH', key(), BINARY, '', 'é', '\xff'),
  run('LRANGE', key(), '0', '-1'),
  run('LINDEX', key(), '0'),
  run('LPOS', key(), ''),
  run('LPOP', key()),
]);
kase('push-binary-key', (key) => [run('RPUSH', key(BINARY), 'v'), run('LRANGE', key(BINARY), '0', '-1'), run('BLPOP', key(BINARY), '0')]);
kase('push-large-element', (key) => [run('RPUSH', key(), 'x'.repeat(100_000), 'y'), run('LINDEX', key(), '0'), run('LLEN', key())]);
kase('push-many-elements', (key) => [
  run('RPUSH', key(), ...Array.from({ length: 600 }, (_, i) => `e${i}`)),
  run('LRANGE', key(), '295', '305'),
  run('LINDEX', key(), '-1'),
  run('LLEN', key()),
]);
kase('push-numeric-elements', (key) => [
  run('RPUSH', key(), '1', '-1', '007', '9223372036854775807', '1.5', '0'),
  run('LRANGE', key(), '0', '-1'),
  run('LPOS', key(), '007'),
  run('LREM', key(), '0', '1'),
]);
kase('push-pipelined', (key) => [
  ask('a', command('RPUSH', key(), 'a') + command('LPUSH', key(), 'b') + command('LLEN', key()) + command('LPOP', key()) + command('RPOP', key()) + command('EXISTS', key()), 6),
]);
kase('push-inline', (key) => [ask('a', `RPUSH ${key()} "a b" c\r\n`), run('LRANGE', key(), '0', '-1')]);

// The keyspace around lists: expiry, rename, type, delete, subscribed mode.
kase('list-expiry', (key) => [
  list(key(), 'a'),
  run('EXPIRE', key(), '100'),
  run('RPUSH', key(), 'b'),
  run('TTL', key()),
  run('LPOP', key(), '2'),
  run('RPUSH', key(), 'c'),
  run('TTL', key()),
  run('PEXPIREAT', key(), '1'),
  run('LLEN', key()),
  run('LPUSHX', key(), 'd'),
  run('RPUSH', key(), 'e'),
  run('LRANGE', key(), '0', '-1'),
]);
kase('list-keyspace', (key) => [
  list(key('a'), 'x', 'y'),
  run('RENAME', key('a'), key('b')),
  run('LRANGE', key('b'), '0', '-1'),
  run('TYPE', key('b')),
  run('EXISTS', key('a'), key('b')),
  run('SCAN', '0', 'MATCH', key('*'), 'TYPE', 'list', 'COUNT', '1000'),
  run('DEL', key('b')),
  run('LLEN', key('b')),
]);
kase('list-subscribed-mode', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), run('LPUSH', key(), 'a'), run('BLPOP', key(), '0')]);
kase('blpop-same-key-twice', (key) => [
  push('a', command('BLPOP', key(), key('other'), key(), '0')),
  fanout('b', command('RPUSH', key(), 'once'), { b: 1, a: 1 }),
  on('b', 'EXISTS', key()),
]);

// ---------------------------------------------------------------------------
// LPOP RPOP

kase('pop-missing', (key) => [run('LPOP', key()), run('RPOP', key()), run('LPOP', key(), '1'), run('RPOP', key(), '0')]);
kase('pop-one', (key) => [list(key(), 'a', 'b', 'c'), run('LPOP', key()), run('RPOP', key()), run('LRANGE', key(), '0', '-1')]);
kase('pop-last-deletes', (key) => [list(key(), 'a'), run('LPOP', key()), run('EXISTS', key()), run('TYPE', key()), run('LPOP', key())]);
kase('pop-count', (key) => [
  list(key(), 'a', 'b', 'c', 'd', 'e'),
  run('LPOP', key(), '2'),
  run('RPOP', key(), '2'),
  run('LRANGE', key(), '0', '-1'),
]);
kase('pop-count-zero', (key) => [list(key(), 'a'), run('LPOP', key(), '0'), run('RPOP', key(), '0'), run('LLEN', key())]);
kase('pop-count-one', (key) => [list(key(), 'a', 'b'), run('LPOP', key(), '1'), run('RPOP', key(), '1'), run('EXISTS', key())]);
kase('pop-count-beyond-length', (key) => [list(key(), 'a', 'b', 'c'), run('RPOP', key(), '10'), run('EXISTS', key())]);
kase('pop-count-huge', (key) => [list(key(), 'a', 'b'), run('LPOP', key(), LLONG_MAX), run('EXISTS', key())]);
kase('pop-count-errors', (key) => [
  list(key(), 'a'),
  run('LPOP', key(), '-1'),
  run('RPOP', key(), 'x'),
  run('LPOP', key(), OVER_LLONG),
  run('LPOP', key(), LLONG_MIN),
  run('LPOP', key(), '1.0'),
  run('LPOP', key(), ''),
  run('LPOP', key(('missing')), '-1'),
  run('LLEN', key()),
]);
kase('pop-arity', (key) => [run('LPOP'), run('RPOP'), run('LPOP', key(), '1', '2'), run('rpop', key(), '1', '2', '3')]);
kase('pop-on-string', (key) => [run('SET', key(), 'v'), run('LPOP', key()), run('RPOP', key(), '1'), run('LPOP', key(), '0'), run('RPOP', key(), '-1')]);

// ---------------------------------------------------------------------------
// LLEN LRANGE LINDEX

kase('llen', (key) => [run('LLEN', key()), list(key(), 'a', 'b'), run('LLEN', key()), run('LLEN'), run('LLEN', key(), key())]);
kase('llen-on-string', (key) => [run('SET', key(), 'v'), run('LLEN', key())]);
kase('lrange-indexes', (key) => [
  list(key(), 'a', 'b', 'c', 'd', 'e'),
  run('LRANGE', key(), '0', '0'),
  run('LRANGE', key(), '1', '3'),
  run('LRANGE', key(), '-2', '-1'),
  run('LRANGE', key(), '-100', '100'),
  run('LRANGE', key(), '3', '1'),
  run('LRANGE', key(), '5', '10'),
  run('LRANGE', key(), '-1', '-2'),
  run('LRANGE', key(), '0', '-6'),
  run('LRANGE', key(), '0', '-5'),
  run('LRANGE', key(), LLONG_MIN, LLONG_MAX),
  run('LRANGE', key(), LLONG_MAX, LLONG_MIN),
]);
kase('lrange-missing', (key) => [run('LRANGE', key(), '0', '-1'), run('LRANGE', key(), 'x', '1')]);
kase('lrange-errors', (key) => [
  list(key(), 'a'),
  run('LRANGE', key(), 'x', '1'),
  run('LRANGE', key(), '0', '1.5'),
  run('LRANGE', key(), '0', OVER_LLONG),
  run('LRANGE', key(), '0'),
  run('LRANGE', key(), '0', '1', '2'),
]);
kase('lrange-on-string', (key) => [run('SET', key(), 'v'), run('LRANGE', key(), '0', '-1'), run('LRANGE', key(), 'x', '0')]);
kase('lindex', (key) => [
  list(key(), 'a', 'b', 'c'),
  run('LINDEX', key(), '0'),
  run('LINDEX', key(), '2'),
  run('LINDEX', key(), '-1'),
  run('LINDEX', key(), '-3'),
  run('LINDEX', key(), '3'),
  run('LINDEX', key(), '-4'),
  run('LINDEX', key(), LLONG_MAX),
  run('LINDEX', key(), LLONG_MIN),
]);
kase('lindex-errors', (key) => [
  list(key(), 'a'),
  run('LINDEX', key(), 'x'),
  run('LINDEX', key(), OVER_LLONG),
  run('LINDEX', key(('missing')), 'x'),
  run('LINDEX', key()),
  run('LINDEX', key(), '0', '1'),
]);
kase('lindex-on-string', (key) => [run('SET', key(), 'v'), run('LINDEX', key(), '0'), run('LINDEX', key(), 'x')]);

// ---------------------------------------------------------------------------
// LSET LREM LTRIM LINSERT

kase('lset', (key) => [
  list(key(), 'a', 'b', 'c'),
  run('LSET', key(), '0', 'A'),
  run('LSET', key(), '-1', 'C'),
  run('LSET', key(), '1', BINARY),
  run('LRANGE', key(), '0', '-1'),
]);
kase('lset-errors', (key) => [
  list(key(), 'a'),
  run('LSET', key(), '1', 'x'),
  run('LSET', key(), '-2', 'x'),
  run('LSET', key(), 'x', 'x'),
  run('LSET', key(), LLONG_MAX, 'x'),
  run('LSET', key('missing'), '0', 'x'),
  run('LSET', key('missing'), 'x', 'x'),
  run('EXISTS', key('missing')),
  run('LSET', key(), '0'),
  run('LRANGE', key(), '0', '-1'),
]);
kase('lset-on-string', (key) => [run('SET', key(), 'v'), run('LSET', key(), '0', 'x'), run('LSET', key(), 'x', 'x')]);
kase('lrem', (key) => [
  list(key(), 'a', 'b', 'a', 'c', 'a', 'b', 'a'),
  run('LREM', key(), '1', 'a'),
  run('LRANGE', key(), '0', '-1'),
  run('LREM', key(), '-2', 'a'),
  run('LRANGE', key(), '0', '-1'),
  run('LREM', key(), '0', 'b'),
  run('LRANGE', key(), '0', '-1'),
  run('LREM', key(), '0', 'zz'),
  run('LREM', key(), '5', 'c'),
  run('LRANGE', key(), '0', '-1'),
]);
kase('lrem-all-deletes', (key) => [list(key(), 'x', 'x', 'x'), run('LREM', key(), '0', 'x'), run('EXISTS', key())]);
kase('lrem-extreme-counts', (key) => [
  list(key(), 'x', 'y', 'x', 'x'),
  run('LREM', key(), LLONG_MIN, 'x'),
  run('LRANGE', key(), '0', '-1'),
  list(key(), 'y', 'y'),
  run('LREM', key(), LLONG_MAX, 'y'),
  run('EXISTS', key()),
]);
kase('lrem-errors', (key) => [
  list(key(), 'a'),
  run('LREM', key(), 'x', 'a'),
  run('LREM', key(), OVER_LLONG, 'a'),
  run('LREM', key('missing'), '0', 'a'),
  run('LREM', key('missing'), 'x', 'a'),
  run('LREM', key(), '0'),
  run('LLEN', key()),
]);
kase('lrem-on-string', (key) => [run('SET', key(), 'v'), run('LREM', key(), '0', 'v'), run('LREM', key(), 'x', 'v')]);
kase('ltrim', (key) => [
  list(key(), 'a', 'b', 'c', 'd', 'e', 'f'),
  run('LTRIM', key(), '1', '-2'),
  run('LRANGE', key(), '0', '-1'),
  run('LTRIM', key(), '-100', '100'),
  run('LRANGE', key(), '0', '-1'),
  run('LTRIM', key(), '1', '1'),
  run('LRANGE', key(), '0', '-1'),
]);
kase('ltrim-empty-range-deletes', (key) => [
  list(key('a'), 'a', 'b'),
  run('LTRIM', key('a'), '1', '0'),
  run('EXISTS', key('a')),
  list(key('b'), 'a', 'b'),
  run('LTRIM', key('b'), '5', '10'),
  run('EXISTS', key('b')),
  list(key('c'), 'a', 'b'),
  run('LTRIM', key('c'), '0', '-3'),
  run('EXISTS', key('c')),
]);
kase('ltrim-missing-and-errors', (key) => [
  run('LTRIM', key(), '0', '1'),
  run('EXISTS', key()),
  run('LTRIM', key(), 'x', '1'),
  run('LTRIM', key(), '0', '1.0'),
  run('LTRIM', key(), LLONG_MIN, LLONG_MAX),
  run('LTRIM', key(), '0'),
]);
kase('ltrim-on-string', (key) => [run('SET', key(), 'v'), run('LTRIM', key(), '0', '1'), run('LTRIM', key(), 'x', '1')]);
kase('linsert', (key) => [
  list(key(), 'a', 'b', 'c'),
  run('LINSERT', key(), 'BEFORE', 'a', 'x'),
  run('LINSERT', key(), 'AFTER', 'c', 'y'),
  run('LINSERT', key(), 'after', 'b', 'z'),
  run('LINSERT', key(), 'Before', 'b', 'w'),
  run('LINSERT', key(), 'BEFORE', 'nope', 'q'),
  run('LRANGE', key(), '0', '-1'),
]);
kase('linsert-first-pivot', (key) => [list(key(), 'p', 'a', 'p'), run('LINSERT', key(), 'AFTER', 'p', BINARY), run('LRANGE', key(), '0', '-1')]);
kase('linsert-missing-and-errors', (key) => [
  run('LINSERT', key(), 'BEFORE', 'a', 'x'),
  run('EXISTS', key()),
  run('LINSERT', key(), 'MIDDLE', 'a', 'x'),
  list(key(), 'a'),
  run('LINSERT', key(), 'BEFOREX', 'a', 'x'),
  run('LINSERT', key(), 'BEFORE', 'a'),
  run('LINSERT', key(), 'BEFORE', 'a', 'x', 'y'),
]);
kase('linsert-on-string', (key) => [run('SET', key(), 'v'), run('LINSERT', key(), 'BEFORE', 'v', 'x'), run('LINSERT', key(), 'UP', 'v', 'x')]);

// ---------------------------------------------------------------------------
// LPOS

kase('lpos', (key) => [
  list(key(), 'a', 'b', 'c', '1', '2', '3', 'c', 'c'),
  run('LPOS', key(), 'c'),
  run('LPOS', key(), 'c', 'RANK', '2'),
  run('LPOS', key(), 'c', 'RANK', '-1'),
  run('LPOS', key(), 'c', 'RANK', '-3'),
  run('LPOS', key(), 'c', 'RANK', '4'),
  run('LPOS', key(), 'c', 'COUNT', '0'),
  run('LPOS', key(), 'c', 'COUNT', '2'),
  run('LPOS', key(), 'c', 'COUNT', '2', 'RANK', '2'),
  run('LPOS', key(), 'c', 'RANK', '-1', 'COUNT', '2'),
  run('LPOS', key(), 'c', 'COUNT', '0', 'MAXLEN', '7'),
  run('LPOS', key(), 'c', 'MAXLEN', '2'),
  run('LPOS', key(), 'c', 'RANK', '-1', 'MAXLEN', '1'),
  run('LPOS', key(), 'zz'),
  run('LPOS', key(), 'zz', 'COUNT', '5'),
  run('lpos', key(), 'c', 'rank', '1', 'count', '1', 'maxlen', '0'),
  run('LPOS', key(), 'c', 'RANK', '1', 'RANK', '2'),
]);
kase('lpos-extreme-ranks', (key) => [
  list(key(), 'a', 'x', 'a', 'a'),
  run('LPOS', key(), 'a', 'RANK', LLONG_MIN),
  run('LPOS', key(), 'a', 'RANK', LLONG_MIN, 'COUNT', '1'),
  run('LPOS', key(), 'a', 'RANK', LLONG_MIN, 'COUNT', '0'),
  run('LPOS', key(), 'a', 'RANK', '-9223372036854775807'),
  run('LPOS', key(), 'a', 'RANK', LLONG_MAX),
  run('LPOS', key(), 'a', 'COUNT', LLONG_MAX),
  run('LPOS', key(), 'a', 'MAXLEN', LLONG_MAX),
]);
kase('lpos-errors', (key) => [
  list(key(), 'a'),
  run('LPOS', key(), 'a', 'RANK', '0'),
  run('LPOS', key(), 'a', 'RANK', 'x'),
  run('LPOS', key(), 'a', 'RANK', OVER_LLONG),
  run('LPOS', key(), 'a', 'COUNT', '-1'),
  run('LPOS', key(), 'a', 'COUNT', 'x'),
  run('LPOS', key(), 'a', 'MAXLEN', '-1'),
  run('LPOS', key(), 'a', 'MAXLEN', 'x'),
  run('LPOS', key(), 'a', 'RANK'),
  run('LPOS', key(), 'a', 'FOO', '1'),
  run('LPOS', key(), 'a', 'COUNT', '1', 'RANK'),
  run('LPOS', key()),
  run('LPOS', key('missing'), 'a', 'RANK', '0'),
]);
kase('lpos-missing', (key) => [run('LPOS', key(), 'a'), run('LPOS', key(), 'a', 'COUNT', '0'), run('LPOS', key(), 'a', 'RANK', '-1')]);
kase('lpos-on-string', (key) => [run('SET', key(), 'v'), run('LPOS', key(), 'v'), run('LPOS', key(), 'v', 'RANK', '0')]);

// ---------------------------------------------------------------------------
// LMOVE RPOPLPUSH

kase('lmove-directions', (key) => [
  list(key('src'), 'a', 'b', 'c', 'd'),
  run('LMOVE', key('src'), key('dst'), 'LEFT', 'LEFT'),
  run('LMOVE', key('src'), key('dst'), 'RIGHT', 'RIGHT'),
  run('LMOVE', key('src'), key('dst'), 'left', 'right'),
  run('LMOVE', key('src'), key('dst'), 'Right', 'Left'),
  run('LRANGE', key('dst'), '0', '-1'),
  run('EXISTS', key('src')),
  run('LMOVE', key('src'), key('dst'), 'LEFT', 'LEFT'),
]);
kase('lmove-same-key', (key) => [
  list(key(), 'a', 'b', 'c'),
  run('LMOVE', key(), key(), 'LEFT', 'RIGHT'),
  run('LRANGE', key(), '0', '-1'),
  run('LMOVE', key(), key(), 'RIGHT', 'RIGHT'),
  run('LRANGE', key(), '0', '-1'),
  list(key('one'), 'x'),
  run('LMOVE', key('one'), key('one'), 'LEFT', 'LEFT'),
  run('LRANGE', key('one'), '0', '-1'),
]);
kase('lmove-errors', (key) => [
  list(key('src'), 'a'),
  run('SET', key('str'), 'v'),
  run('LMOVE', key('src'), key('str'), 'LEFT', 'LEFT'),
  run('LRANGE', key('src'), '0', '-1'),
  run('LMOVE', key('str'), key('dst'), 'LEFT', 'LEFT'),
  run('LMOVE', key('missing'), key('str'), 'LEFT', 'LEFT'),
  run('LMOVE', key('src'), key('dst'), 'UP', 'LEFT'),
  run('LMOVE', key('src'), key('dst'), 'LEFT', 'DOWN'),
  run('LMOVE', key('missing'), key('dst'), 'UP', 'LEFT'),
  run('LMOVE', key('src'), key('dst'), 'LEFT'),
  run('EXISTS', key('dst')),
]);
kase('rpoplpush', (key) => [
  list(key('src'), 'a', 'b', 'c'),
  run('RPOPLPUSH', key('src'), key('dst')),
  run('RPOPLPUSH', key('src'), key('dst')),
  run('RPOPLPUSH', key('src'), key('src')),
  run('LRANGE', key('src'), '0', '-1'),
  run('LRANGE', key('dst'), '0', '-1'),
  run('RPOPLPUSH', key('missing'), key('dst')),
  run('SET', key('str'), 'v'),
  run('RPOPLPUSH', key('src'), key('str')),
  run('RPOPLPUSH', key('str'), key('src')),
  run('RPOPLPUSH', key('src')),
]);

// ---------------------------------------------------------------------------
// LMPOP

kase('lmpop', (key) => [
  list(key('b'), 'a', 'b', 'c', 'd'),
  run('LMPOP', '3', key('a'), key('b'), key('c'), 'LEFT'),
  run('LMPOP', '2', key('a'), key('b'), 'RIGHT', 'COUNT', '2'),
  run('LMPOP', '1', key('b'), 'left', 'count', '10'),
  run('EXISTS', key('b')),
  run('LMPOP', '2', key('a'), key('b'), 'LEFT'),
  run('LMPOP', '1', key('b'), 'LEFT', 'COUNT', LLONG_MAX),
]);
kase('lmpop-types', (key) => [
  run('SET', key('str'), 'v'),
  list(key('list'), 'a'),
  run('LMPOP', '2', key('missing'), key('str'), 'LEFT'),
  run('LMPOP', '2', key('list'), key('str'), 'LEFT'),
  run('LMPOP', '2', key('str'), key('list'), 'LEFT'),
]);
kase('lmpop-errors', (key) => [
  list(key(), 'a'),
  run('LMPOP', '0', key(), 'LEFT'),
  run('LMPOP', '-1', key(), 'LEFT'),
  run('LMPOP', 'x', key(), 'LEFT'),
  run('LMPOP', OVER_LLONG, key(), 'LEFT'),
  run('LMPOP', '2', key(), 'LEFT'),
  run('LMPOP', LLONG_MAX, key(), 'LEFT'),
  run('LMPOP', '1', key(), 'MIDDLE'),
  run('LMPOP', '1', key(), 'LEFT', 'COUNT'),
  run('LMPOP', '1', key(), 'LEFT', 'COUNT', '0'),
  run('LMPOP', '1', key(), 'LEFT', 'COUNT', '-1'),
  run('LMPOP', '1', key(), 'LEFT', 'COUNT', 'x'),
  run('LMPOP', '1', key(), 'LEFT', 'COUNT', '1', 'COUNT', '1'),
  run('LMPOP', '1', key(), 'LEFT', 'FOO'),
  run('LMPOP', '1', key()),
  run('LLEN', key()),
]);

// ---------------------------------------------------------------------------
// BLPOP BRPOP BLMOVE BRPOPLPUSH BLMPOP: served at once

kase('blpop-immediate', (key) => [
  list(key('b'), 'x', 'y'),
  run('BLPOP', key('a'), key('b'), '0'),
  run('BRPOP', key('a'), key('b'), '1'),
  run('EXISTS', key('b')),
]);
kase('blocking-errors', (key) => [
  list(key(), 'a'),
  run('BLPOP', key(), '-1'),
  run('BLPOP', key(), 'x'),
  run('BRPOP', key(), ''),
  run('BLPOP', key(), '1x'),
  run('BLPOP', key(), 'inf'),
  run('BLPOP', key(), 'nan'),
  run('BLPOP', key(), '1e400'),
  run('BLPOP', key(), '-0.0001'),
  run('BLPOP', key()),
  run('BRPOP'),
  run('BLMOVE', key(), key('d'), 'LEFT', 'LEFT', '-1'),
  run('BLMOVE', key(), key('d'), 'UP', 'LEFT', 'x'),
  run('BLMOVE', key(), key('d'), 'LEFT', 'LEFT'),
  run('BRPOPLPUSH', key(), key('d'), 'x'),
  run('BLMPOP', 'x', '1', key(), 'LEFT'),
  run('BLMPOP', '-1', '1', key(), 'LEFT'),
  run('BLMPOP', 'x', '0', key(), 'LEFT'),
  run('BLMPOP', '0', '1', key(), 'LEFT', 'COUNT', '0'),
  run('BLMPOP', '0', '2', key(), 'LEFT'),
  run('BLMPOP', '0', '1', key()),
  run('LLEN', key()),
]);
kase('blocking-on-string', (key) => [
  run('SET', key(), 'v'),
  run('BLPOP', key(), '0'),
  run('BRPOP', key('missing'), key(), '0'),
  run('BLMOVE', key(), key('d'), 'LEFT', 'LEFT', '0'),
  run('BRPOPLPUSH', key(), key('d'), '0'),
  run('BLMPOP', '0', '2', key('missing'), key(), 'LEFT'),
  list(key('src'), 'a'),
  run('BLMOVE', key('src'), key(), 'LEFT', 'LEFT', '0'),
  run('LLEN', key('src')),
]);
kase('blmove-immediate', (key) => [
  list(key('src'), 'a', 'b'),
  run('BLMOVE', key('src'), key('dst'), 'RIGHT', 'LEFT', '0'),
  run('BRPOPLPUSH', key('src'), key('dst'), '0.5'),
  run('LRANGE', key('dst'), '0', '-1'),
  run('EXISTS', key('src')),
]);
kase('blmpop-immediate', (key) => [
  list(key('b'), 'a', 'b', 'c'),
  run('BLMPOP', '0', '2', key('a'), key('b'), 'RIGHT', 'COUNT', '2'),
  run('BLMPOP', '0.1', '1', key('b'), 'LEFT'),
  run('EXISTS', key('b')),
]);

// ---------------------------------------------------------------------------
// Timeouts

kase('blpop-timeout', (key) => [run('BLPOP', key(), '0.1'), run('BRPOP', key('a'), key('b'), '0.05')]);
// Redis rounds the milliseconds up (ceill): 0.001 s and 0.0001 s both wait 1 ms, never for ever.
kase('blpop-timeout-sub-millisecond', (key) => [run('BLPOP', key(), '0.001'), run('BRPOP', key(), '0.0001'), run('BLMPOP', '0.0009', '1', key(), 'LEFT')]);
// ...and so a tiny negative timeout is -0 ms: no error, and no timeout at all.
kase('blpop-timeout-tiny-negative', (key) => [
  push('a', command('BLPOP', key(), '-0.0001')),
  fanout('b', command('RPUSH', key(), 'v'), { b: 1, a: 1 }),
]);
kase('blmove-timeout', (key) => [run('BLMOVE', key(), key('d'), 'LEFT', 'RIGHT', '0.1'), run('BRPOPLPUSH', key(), key('d'), '0.05'), run('EXISTS', key('d'))]);
kase('blmpop-timeout', (key) => [run('BLMPOP', '0.1', '2', key('a'), key('b'), 'LEFT', 'COUNT', '3')]);
// A command pipelined behind a blocked one waits for it.
kase('blocked-then-pipelined', (key) => [ask('a', command('BLPOP', key(), '0.05') + command('PING') + command('LLEN', key()), 3)]);

// ---------------------------------------------------------------------------
// Served by another connection

kase('blpop-served', (key) => [
  push('a', command('BLPOP', key(), '0')),
  fanout('b', command('RPUSH', key(), 'hello'), { b: 1, a: 1 }),
  on('b', 'EXISTS', key()),
]);
kase('brpop-served-with-timeout', (key) => [
  push('a', command('BRPOP', key(), '5')),
  fanout('b', command('LPUSH', key(), 'x'), { b: 1, a: 1 }),
]);
kase('blpop-served-from-second-key', (key) => [
  push('a', command('BLPOP', key('one'), key('two'), '0')),
  fanout('b', command('RPUSH', key('two'), 'v'), { b: 1, a: 1 }),
]);
kase('blpop-waiters-fifo', (key) => [
  push('a', command('BLPOP', key(), '0')),
  push('c', command('BLPOP', key(), '0')),
  fanout('b', command('RPUSH', key(), 'first'), { b: 1, a: 1 }),
  fanout('b', command('RPUSH', key(), 'second'), { b: 1, c: 1 }),
  on('b', 'EXISTS', key()),
]);
kase('blpop-push-of-several', (key) => [
  push('a', command('BLPOP', key(), '0')),
  fanout('b', command('RPUSH', key(), 'x', 'y', 'z'), { b: 1, a: 1 }),
  on('b', 'LRANGE', key(), '0', '-1'),
]);
kase('brpop-push-of-several-two-waiters', (key) => [
  push('a', command('BRPOP', key(), '0')),
  push('c', command('BLPOP', key(), '0')),
  fanout('b', command('LPUSH', key(), 'x', 'y', 'z'), { b: 1, a: 1, c: 1 }),
  on('b', 'LRANGE', key(), '0', '-1'),
]);
kase('blpop-more-waiters-than-elements', (key) => [
  push('a', command('BLPOP', key(), '0')),
  push('c', command('BLPOP', key(), '0')),
  push('d', command('BLPOP', key(), '0.2')),
  fanout('b', command('RPUSH', key(), '1', '2'), { b: 1, a: 1, c: 1 }),
  ask('d', '', 1),
]);
kase('blocked-waits-past-other-type', (key) => [
  push('a', command('BLPOP', key(), '0')),
  on('b', 'SET', key(), 'v'),
  on('b', 'DEL', key()),
  fanout('b', command('RPUSH', key(), 'late'), { b: 1, a: 1 }),
]);
kase('blocked-then-pipelined-served', (key) => [
  push('a', command('BLPOP', key(), '0') + command('LLEN', key()) + command('PING')),
  fanout('b', command('RPUSH', key(), 'x', 'y'), { b: 1, a: 3 }),
]);
kase('blmove-served', (key) => [
  push('a', command('BLMOVE', key('src'), key('dst'), 'LEFT', 'RIGHT', '0')),
  fanout('b', command('RPUSH', key('src'), 'job1', 'job2'), { b: 1, a: 1 }),
  on('b', 'LRANGE', key('src'), '0', '-1'),
  on('b', 'LRANGE', key('dst'), '0', '-1'),
]);
// Redis serves the waiter right after the pushing command, before the next pipelined one.
kase('blmove-served-mid-pipeline', (key) => [
  push('a', command('BLMOVE', key('src'), key('dst'), 'RIGHT', 'LEFT', '0')),
  fanout('b', command('RPUSH', key('src'), 'job') + command('EXISTS', key('src')) + command('LRANGE', key('dst'), '0', '-1'), { b: 3, a: 1 }),
]);
kase('brpoplpush-served', (key) => [
  push('a', command('BRPOPLPUSH', key('src'), key('dst'), '0')),
  fanout('b', command('RPUSH', key('src'), 'j'), { b: 1, a: 1 }),
  on('b', 'EXISTS', key('src')),
  on('b', 'LRANGE', key('dst'), '0', '-1'),
]);
// The element BLMOVE moves wakes a client blocked on the destination, in the same turn.
kase('blmove-chain', (key) => [
  push('a', command('BLMOVE', key('src'), key('dst'), 'LEFT', 'LEFT', '0')),
  push('c', command('BLPOP', key('dst'), '0')),
  fanout('b', command('RPUSH', key('src'), 'x'), { b: 1, a: 1, c: 1 }),
  on('b', 'EXISTS', key('src'), key('dst')),
]);
kase('blmove-served-into-other-type', (key) => [
  on('b', 'SET', key('dst'), 'v'),
  push('a', command('BLMOVE', key('src'), key('dst'), 'LEFT', 'LEFT', '0')),
  fanout('b', command('RPUSH', key('src'), 'x'), { b: 1, a: 1 }),
  on('b', 'LRANGE', key('src'), '0', '-1'),
]);
kase('blmpop-served', (key) => [
  push('a', command('BLMPOP', '0', '2', key('a'), key('b'), 'LEFT', 'COUNT', '2')),
  fanout('b', command('RPUSH', key('b'), '1', '2', '3'), { b: 1, a: 1 }),
  on('b', 'LRANGE', key('b'), '0', '-1'),
]);
kase('blpop-served-by-lmove', (key) => [
  push('a', command('BLPOP', key('dst'), '0')),
  on('b', 'RPUSH', key('src'), 'm'),
  fanout('b', command('LMOVE', key('src'), key('dst'), 'LEFT', 'LEFT'), { b: 1, a: 1 }),
  on('b', 'EXISTS', key('src'), key('dst')),
]);
kase('blpop-served-by-linsert-is-not', (key) => [
  push('a', command('BLPOP', key(), '0.2')),
  on('b', 'LINSERT', key(), 'BEFORE', 'x', 'y'),
  on('b', 'LPUSHX', key(), 'y'),
  ask('a', '', 1),
]);

export const listsCorpus: readonly Case[] = resp2.cases;

// ---------------------------------------------------------------------------
// RESP3: the nulls are `_` whichever RESP2 null they are (bulk or array); arrays stay
// arrays (LMPOP's [key, elements] is not a map).

const resp3 = builder('lists3');
const hello = ask('a', command('HELLO', '3'));
resp3.kase('nulls', (key) => [
  hello,
  run('LPOP', key()),
  run('RPOP', key(), '2'),
  run('LINDEX', key(), '0'),
  run('LPOS', key(), 'a'),
  run('LPOS', key(), 'a', 'COUNT', '0'),
  run('LMPOP', '1', key(), 'LEFT'),
  run('LMOVE', key(), key('d'), 'LEFT', 'LEFT'),
  run('RPOPLPUSH', key(), key('d')),
  run('LRANGE', key(), '0', '-1'),
  run('LLEN', key()),
]);
resp3.kase('replies', (key) => [
  hello,
  run('RPUSH', key(), 'a', 'b', 'c', 'd'),
  run('LRANGE', key(), '0', '-1'),
  run('LPOP', key(), '0'),
  run('LPOP', key(), '1'),
  run('LPOS', key(), 'c', 'COUNT', '0'),
  run('LPOS', key(), 'zz'),
  run('LMPOP', '1', key(), 'RIGHT', 'COUNT', '1'),
  run('BLPOP', key(), '0'),
  run('BLMPOP', '0', '1', key(), 'LEFT'),
  run('EXISTS', key()),
  run('LPUSH', key('s')),
  run('SET', key('s'), 'v'),
  run('LPUSH', key('s'), 'x'),
]);
resp3.kase('timeouts', (key) => [
  hello,
  run('BLPOP', key(), '0.05'),
  run('BRPOP', key(), '0.05'),
  run('BLMOVE', key(), key('d'), 'LEFT', 'LEFT', '0.05'),
  run('BRPOPLPUSH', key(), key('d'), '0.05'),
  run('BLMPOP', '0.05', '1', key(), 'LEFT'),
]);
resp3.kase('served-move', (key) => [
  hello,
  push('a', command('BLMOVE', key('src'), key('dst'), 'LEFT', 'LEFT', '0')),
  fanout('b', command('RPUSH', key('src'), 'v'), { b: 1, a: 1 }),
  run('LMOVE', key('dst'), key('dst'), 'LEFT', 'RIGHT'),
]);
resp3.kase('served', (key) => [
  hello,
  push('a', command('BLPOP', key(), '0')),
  fanout('b', command('RPUSH', key(), 'v'), { b: 1, a: 1 }),
  push('a', command('BLMPOP', '0', '1', key(), 'LEFT', 'COUNT', '5')),
  fanout('b', command('RPUSH', key(), 'x', 'y'), { b: 1, a: 1 }),
]);

export const listsResp3Corpus: readonly Case[] = resp3.cases;
