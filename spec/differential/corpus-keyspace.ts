// The differential corpus of the keyspace commands: DEL, UNLINK, EXISTS, TYPE, RENAME,
// RENAMENX, EXPIRE/PEXPIRE/EXPIREAT/PEXPIREAT, TTL/PTTL/EXPIRETIME/PEXPIRETIME,
// PERSIST, KEYS, SCAN, RANDOMKEY, DBSIZE, FLUSHDB, FLUSHALL. As in corpus.ts it holds
// inputs only: real Redis's replies are the expected ones.
//
// Replies that depend on the clock or on hash order cannot be compared byte for byte,
// so the cases are shaped to be deterministic:
// - times to live are read with TTL after EXPIRE 100 (rounded to seconds, it is 100
//   for the first half second), and absolute times with (P)EXPIRETIME after an
//   (P)EXPIREAT to a fixed date; PTTL is only compared where it is -1 or -2;
// - KEYS and SCAN match one key only (their order is undefined), and SCAN uses a
//   COUNT large enough to finish in one step, so its cursor is "0" on both servers;
// - DBSIZE and RANDOMKEY run in cases that flush the database first. The servers
//   are not flushed between cases, so a flushing case relies on nothing set before
//   it, and no case relies on keys of another one.
// The rest (KEYS over many keys, SCAN's guarantee and cursors, RANDOMKEY's spread,
// PTTL's value, expiry on a clock) is tested in spec/commands/keyspace.spec.ts.

import { ask, command, type Case, type Step } from './corpus';
import { builder } from './case-builder';

/** One command on connection "a", one reply. */
const run = (...args: string[]): Step => ask('a', command(...args));

const resp2 = builder('ks');
const kase = resp2.kase;

/** 2100-01-01T00:00:00Z: far enough to stay in the future, fixed so replies are too. */
const FUTURE_S = '4102444800';
const FUTURE_MS = '4102444800000';
const LATER_MS = '4102444900000';

// ---------------------------------------------------------------------------
// DEL, UNLINK

kase('del-missing', (key) => [run('DEL', key())]);
kase('del-one', (key) => [run('SET', key(), 'v'), run('DEL', key()), run('EXISTS', key())]);
kase('del-many', (key) => [
  run('SET', key('a'), '1'),
  run('SET', key('b'), '2'),
  run('DEL', key('a'), key('b'), key('c')),
  run('EXISTS', key('a'), key('b')),
]);
kase('del-repeated-key', (key) => [run('SET', key(), 'v'), run('DEL', key(), key(), key())]);
kase('del-arity', () => [run('DEL')]);
kase('del-lowercase', (key) => [run('set', key(), 'v'), run('del', key())]);
kase('del-binary-key', (key) => [run('SET', key('\x00\r\n\xff'), 'v'), run('DEL', key('\x00\r\n\xff'), key('\x00'))]);
kase('del-removes-expiry', (key) => [
  run('SET', key(), 'v', 'EX', '100'),
  run('DEL', key()),
  run('SET', key(), 'w'),
  run('TTL', key()),
]);
kase('unlink-missing', (key) => [run('UNLINK', key())]);
kase('unlink-many', (key) => [
  run('SET', key('a'), '1'),
  run('SET', key('b'), '2'),
  run('UNLINK', key('a'), key('b'), key('a'), key('c')),
  run('EXISTS', key('a'), key('b')),
]);
kase('unlink-arity', () => [run('UNLINK')]);

// ---------------------------------------------------------------------------
// EXISTS, TYPE

kase('exists-missing', (key) => [run('EXISTS', key())]);
kase('exists-one', (key) => [run('SET', key(), 'v'), run('EXISTS', key())]);
kase('exists-counts-repeats', (key) => [run('SET', key(), 'v'), run('EXISTS', key(), key(), key('other'), key())]);
kase('exists-arity', () => [run('EXISTS')]);
kase('exists-after-expiry-in-past', (key) => [run('SET', key(), 'v'), run('PEXPIREAT', key(), '1'), run('EXISTS', key())]);
kase('type-string', (key) => [run('SET', key(), 'v'), run('TYPE', key())]);
kase('type-empty-string', (key) => [run('SET', key(), ''), run('TYPE', key())]);
kase('type-missing', (key) => [run('TYPE', key())]);
kase('type-arity', (key) => [run('TYPE'), run('TYPE', key(), key('b'))]);
kase('type-mixed-case', (key) => [run('SET', key(), '12'), run('tYpE', key())]);

// ---------------------------------------------------------------------------
// RENAME, RENAMENX

kase('rename-basic', (key) => [
  run('SET', key('from'), 'v'),
  run('RENAME', key('from'), key('to')),
  run('EXISTS', key('from')),
  run('GET', key('to')),
]);
kase('rename-missing', (key) => [run('RENAME', key('from'), key('to'))]);
kase('rename-missing-same-name', (key) => [run('RENAME', key(), key())]);
kase('rename-same-name', (key) => [run('SET', key(), 'v'), run('RENAME', key(), key()), run('GET', key())]);
kase('rename-overwrites', (key) => [
  run('SET', key('from'), 'new'),
  run('SET', key('to'), 'old', 'EX', '100'),
  run('RENAME', key('from'), key('to')),
  run('GET', key('to')),
  run('TTL', key('to')),
]);
kase('rename-keeps-expiry', (key) => [
  run('SET', key('from'), 'v'),
  run('PEXPIREAT', key('from'), FUTURE_MS),
  run('RENAME', key('from'), key('to')),
  run('PEXPIRETIME', key('to')),
  run('TTL', key('from')),
]);
kase('rename-binary-names', (key) => [
  run('SET', key('\x00a\r\n'), 'v'),
  run('RENAME', key('\x00a\r\n'), key('\xff\x00')),
  run('GET', key('\xff\x00')),
]);
kase('rename-arity', (key) => [run('RENAME', key()), run('RENAME', key(), key('b'), key('c')), run('RENAME')]);
kase('renamenx-basic', (key) => [
  run('SET', key('from'), 'v'),
  run('RENAMENX', key('from'), key('to')),
  run('GET', key('to')),
  run('EXISTS', key('from')),
]);
kase('renamenx-target-exists', (key) => [
  run('SET', key('from'), 'a'),
  run('SET', key('to'), 'b'),
  run('RENAMENX', key('from'), key('to')),
  run('GET', key('from')),
  run('GET', key('to')),
]);
kase('renamenx-missing', (key) => [run('RENAMENX', key('from'), key('to'))]);
kase('renamenx-missing-target-exists', (key) => [run('SET', key('to'), 'b'), run('RENAMENX', key('from'), key('to'))]);
kase('renamenx-same-name', (key) => [run('SET', key(), 'v'), run('RENAMENX', key(), key())]);
kase('renamenx-missing-same-name', (key) => [run('RENAMENX', key(), key())]);
kase('renamenx-keeps-expiry', (key) => [
  run('SET', key('from'), 'v'),
  run('EXPIREAT', key('from'), FUTURE_S),
  run('RENAMENX', key('from'), key('to')),
  run('EXPIRETIME', key('to')),
]);
kase('renamenx-target-expired', (key) => [
  run('SET', key('from'), 'a'),
  run('SET', key('to'), 'b'),
  run('PEXPIREAT', key('to'), '1'),
  run('RENAMENX', key('from'), key('to')),
  run('GET', key('to')),
]);
kase('renamenx-arity', (key) => [run('RENAMENX', key())]);

// ---------------------------------------------------------------------------
// EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT: basics

kase('expire-basic', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '100'), run('TTL', key())]);
kase('expire-missing', (key) => [run('EXPIRE', key(), '100'), run('EXISTS', key())]);
kase('expire-lowercase', (key) => [run('SET', key(), 'v'), run('expire', key(), '100'), run('ttl', key())]);
kase('expire-replaces-expiry', (key) => [
  run('SET', key(), 'v', 'EX', '10'),
  run('EXPIRE', key(), '100'),
  run('TTL', key()),
]);
kase('expire-zero-deletes', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '0'), run('EXISTS', key())]);
kase('expire-negative-deletes', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '-10'), run('GET', key())]);
kase('expire-negative-missing', (key) => [run('EXPIRE', key(), '-10')]);
kase('pexpire-basic', (key) => [run('SET', key(), 'v'), run('PEXPIRE', key(), '100000'), run('TTL', key())]);
kase('pexpire-zero-deletes', (key) => [run('SET', key(), 'v'), run('PEXPIRE', key(), '0'), run('EXISTS', key())]);
kase('pexpire-missing', (key) => [run('PEXPIRE', key(), '100')]);
kase('expireat-basic', (key) => [
  run('SET', key(), 'v'),
  run('EXPIREAT', key(), FUTURE_S),
  run('EXPIRETIME', key()),
  run('PEXPIRETIME', key()),
]);
kase('expireat-past-deletes', (key) => [run('SET', key(), 'v'), run('EXPIREAT', key(), '1'), run('EXISTS', key())]);
kase('expireat-zero-deletes', (key) => [run('SET', key(), 'v'), run('EXPIREAT', key(), '0'), run('EXISTS', key())]);
kase('expireat-missing', (key) => [run('EXPIREAT', key(), FUTURE_S)]);
kase('pexpireat-basic', (key) => [
  run('SET', key(), 'v'),
  run('PEXPIREAT', key(), FUTURE_MS),
  run('PEXPIRETIME', key()),
  run('EXPIRETIME', key()),
]);
kase('pexpireat-past-deletes', (key) => [run('SET', key(), 'v'), run('PEXPIREAT', key(), '1000'), run('GET', key())]);
kase('pexpireat-negative-deletes', (key) => [run('SET', key(), 'v'), run('PEXPIREAT', key(), '-1'), run('EXISTS', key())]);
// EXPIRETIME rounds to the nearest second: .499 down, .500 up.
kase('expiretime-rounds-down', (key) => [
  run('SET', key(), 'v'),
  run('PEXPIREAT', key(), '4102444800499'),
  run('EXPIRETIME', key()),
]);
kase('expiretime-rounds-up', (key) => [
  run('SET', key(), 'v'),
  run('PEXPIREAT', key(), '4102444800500'),
  run('EXPIRETIME', key()),
]);

// ---------------------------------------------------------------------------
// The time argument: integers, overflow

for (const cmd of ['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']) {
  const name = cmd.toLowerCase();
  kase(`${name}-arity`, (key) => [run(cmd), run(cmd, key())]);
  kase(`${name}-not-an-integer`, (key) => [
    run('SET', key(), 'v'),
    run(cmd, key(), 'abc'),
    run(cmd, key(), '1.5'),
    run(cmd, key(), ''),
    run(cmd, key(), ' 1'),
    run(cmd, key(), '1 '),
    run(cmd, key(), '+1'),
    run(cmd, key(), '01'),
    run(cmd, key(), '0x10'),
    run(cmd, key(), '1e3'),
    run(cmd, key(), '-0'),
    run(cmd, key(), '9223372036854775808'),
    run(cmd, key(), '-9223372036854775809'),
    run(cmd, key(), '99999999999999999999999'),
    run('EXISTS', key()),
  ]);
  kase(`${name}-not-an-integer-missing-key`, (key) => [run(cmd, key(), 'soon')]);
  // Seconds times 1000 overflow int64 here; and for the relative ones, so does adding now.
  kase(`${name}-overflow`, (key) => [
    run('SET', key(), 'v'),
    run(cmd, key(), '9223372036854776'),
    run(cmd, key(), '-9223372036854776'),
    run(cmd, key(), '9223372036854775807'),
    run(cmd, key(), '9223372036854775'),
    run('EXISTS', key()),
  ]);
  kase(`${name}-overflow-missing-key`, (key) => [run(cmd, key(), '9223372036854775807'), run(cmd, key(), '9223372036854776')]);
  // The most negative times do not overflow: the key is simply deleted.
  kase(`${name}-most-negative`, (key) => [
    run('SET', key(), 'v'),
    run(cmd, key(), cmd.startsWith('P') ? '-9223372036854775808' : '-9223372036854775'),
    run('EXISTS', key()),
  ]);
}
kase('expire-overflow-with-now', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '9223372036854775')]);
kase('pexpire-overflow-with-now', (key) => [run('SET', key(), 'v'), run('PEXPIRE', key(), '9223372036854775000')]);
kase('expireat-largest', (key) => [run('SET', key(), 'v'), run('EXPIREAT', key(), '9223372036854775'), run('EXISTS', key())]);
kase('pexpireat-largest', (key) => [run('SET', key(), 'v'), run('PEXPIREAT', key(), '9223372036854775807'), run('EXISTS', key())]);

// ---------------------------------------------------------------------------
// NX, XX, GT, LT

kase('expire-nx-no-ttl', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '100', 'NX'), run('TTL', key())]);
kase('expire-nx-has-ttl', (key) => [
  run('SET', key(), 'v', 'EX', '100'),
  run('EXPIRE', key(), '500', 'nx'),
  run('TTL', key()),
]);
kase('expire-xx-no-ttl', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '100', 'XX'), run('TTL', key())]);
kase('expire-xx-has-ttl', (key) => [
  run('SET', key(), 'v', 'EX', '100'),
  run('EXPIRE', key(), '500', 'Xx'),
  run('TTL', key()),
]);
kase('expire-gt-no-ttl', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '100', 'GT'), run('TTL', key())]);
kase('expire-lt-no-ttl', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '100', 'LT'), run('TTL', key())]);
kase('expireat-gt-lt', (key) => [
  run('SET', key(), 'v'),
  run('PEXPIREAT', key(), FUTURE_MS),
  run('PEXPIREAT', key(), LATER_MS, 'LT'),
  run('PEXPIRETIME', key()),
  run('PEXPIREAT', key(), FUTURE_MS, 'GT'),
  run('PEXPIREAT', key(), FUTURE_MS, 'LT'),
  run('PEXPIREAT', key(), LATER_MS, 'GT'),
  run('PEXPIRETIME', key()),
  run('PEXPIREAT', key(), FUTURE_MS, 'LT'),
  run('PEXPIRETIME', key()),
]);
kase('expireat-xx-gt', (key) => [
  run('SET', key(), 'v'),
  run('EXPIREAT', key(), FUTURE_S, 'XX', 'GT'),
  run('TTL', key()),
  run('EXPIREAT', key(), FUTURE_S),
  run('EXPIREAT', key(), '4102444900', 'GT', 'XX'),
  run('EXPIRETIME', key()),
]);
kase('expireat-xx-lt', (key) => [
  run('SET', key(), 'v'),
  run('EXPIREAT', key(), FUTURE_S, 'XX', 'LT'),
  run('EXPIREAT', key(), '4102444900'),
  run('EXPIREAT', key(), FUTURE_S, 'lt', 'xx'),
  run('EXPIRETIME', key()),
]);
// LT with a time in the past beats any expiry, and so deletes the key; GT never does.
kase('expire-lt-past-deletes', (key) => [
  run('SET', key(), 'v', 'EX', '100'),
  run('EXPIRE', key(), '-1', 'GT'),
  run('EXISTS', key()),
  run('EXPIRE', key(), '-1', 'LT'),
  run('EXISTS', key()),
]);
kase('expire-nx-past-deletes', (key) => [run('SET', key(), 'v'), run('EXPIRE', key(), '0', 'NX'), run('EXISTS', key())]);
kase('expire-options-repeated', (key) => [
  run('SET', key(), 'v'),
  run('EXPIRE', key(), '100', 'NX', 'NX'),
  run('EXPIRE', key(), '200', 'GT', 'GT', 'XX'),
  run('TTL', key()),
]);
kase('expire-options-missing-key', (key) => [
  run('EXPIRE', key(), '100', 'NX'),
  run('EXPIRE', key(), '100', 'XX'),
  run('EXPIRE', key(), '100', 'GT'),
  run('EXPIRE', key(), '100', 'LT'),
]);
for (const cmd of ['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']) {
  const name = cmd.toLowerCase();
  kase(`${name}-nx-with-others`, (key) => [
    run('SET', key(), 'v'),
    run(cmd, key(), '100', 'NX', 'XX'),
    run(cmd, key(), '100', 'XX', 'NX'),
    run(cmd, key(), '100', 'NX', 'GT'),
    run(cmd, key(), '100', 'LT', 'NX'),
    run(cmd, key(), '100', 'NX', 'XX', 'GT', 'LT'),
    run('TTL', key()),
  ]);
  kase(`${name}-gt-and-lt`, (key) => [run('SET', key(), 'v'), run(cmd, key(), '100', 'GT', 'LT'), run(cmd, key(), '100', 'XX', 'LT', 'GT')]);
  kase(`${name}-unsupported-option`, (key) => [
    run('SET', key(), 'v'),
    run(cmd, key(), '100', 'FOO'),
    run(cmd, key(), '100', 'NX', 'bar'),
    run(cmd, key(), '100', 'EX'),
    run('TTL', key()),
  ]);
}
// Options are checked before the number, and an unknown one before the conflicts.
kase('expire-error-order', (key) => [
  run('SET', key(), 'v'),
  run('EXPIRE', key(), 'abc', 'FOO'),
  run('EXPIRE', key(), 'abc', 'NX', 'XX'),
  run('EXPIRE', key(), 'abc', 'NX', 'XX', 'FOO'),
  run('EXPIRE', key(), 'abc', 'GT', 'LT', 'NX'),
  run('EXPIRE', key(), '9223372036854776', 'GT', 'LT'),
  run('EXPIRE', key(), 'abc', 'XX'),
  run('EXPIRE', key(), '9223372036854776', 'NX'),
  run('EXPIRE', key('missing'), '9223372036854776', 'NX'),
]);
// The option is echoed in the error: up to a NUL byte, CR/LF trimmed at the end and
// turned into spaces inside.
kase('expire-unsupported-option-bytes', (key) => [
  run('SET', key(), 'v'),
  run('EXPIRE', key(), '100', 'a\r\nb'),
  run('EXPIRE', key(), '100', 'trailing\r\n'),
  run('EXPIRE', key(), '100', '\r\nboth\r\n'),
  run('EXPIRE', key(), '100', 'nul\x00after'),
  run('EXPIRE', key(), '100', ''),
  run('EXPIRE', key(), '100', '\xff\xfe'),
  run('EXPIRE', key(), '100', 'x'.repeat(300)),
]);

// ---------------------------------------------------------------------------
// TTL, PTTL, EXPIRETIME, PEXPIRETIME, PERSIST

for (const cmd of ['TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME']) {
  const name = cmd.toLowerCase();
  kase(`${name}-missing`, (key) => [run(cmd, key())]);
  kase(`${name}-no-expiry`, (key) => [run('SET', key(), 'v'), run(cmd, key())]);
  kase(`${name}-arity`, (key) => [run(cmd), run(cmd, key(), key('b'))]);
  kase(`${name}-after-persist`, (key) => [run('SET', key(), 'v', 'EX', '100'), run('PERSIST', key()), run(cmd, key())]);
}
kase('ttl-after-set-ex', (key) => [run('SET', key(), 'v', 'EX', '100'), run('TTL', key())]);
kase('ttl-after-set-exat', (key) => [run('SET', key(), 'v', 'EXAT', FUTURE_S), run('EXPIRETIME', key()), run('PEXPIRETIME', key())]);
kase('ttl-after-set-pxat', (key) => [run('SET', key(), 'v', 'PXAT', '4102444800123'), run('PEXPIRETIME', key()), run('EXPIRETIME', key())]);
kase('ttl-after-keepttl', (key) => [
  run('SET', key(), 'v', 'PXAT', FUTURE_MS),
  run('SET', key(), 'w', 'KEEPTTL'),
  run('PEXPIRETIME', key()),
]);
kase('ttl-after-plain-set', (key) => [run('SET', key(), 'v', 'EX', '100'), run('SET', key(), 'w'), run('TTL', key())]);
kase('persist-missing', (key) => [run('PERSIST', key())]);
kase('persist-no-expiry', (key) => [run('SET', key(), 'v'), run('PERSIST', key())]);
kase('persist-removes-expiry', (key) => [
  run('SET', key(), 'v', 'EX', '100'),
  run('PERSIST', key()),
  run('TTL', key()),
  run('PERSIST', key()),
  run('GET', key()),
]);
kase('persist-arity', (key) => [run('PERSIST'), run('PERSIST', key(), key())]);

// ---------------------------------------------------------------------------
// KEYS: each pattern matches at most one key (the order of several is undefined)

kase('keys-prefix', (key) => [run('SET', key('only'), 'v'), run('KEYS', `${key('')}*`)]);
kase('keys-no-match', (key) => [run('KEYS', `${key('')}*`), run('KEYS', key('nothing'))]);
kase('keys-exact', (key) => [run('SET', key('a'), '1'), run('SET', key('b'), '2'), run('KEYS', key('b'))]);
kase('keys-glob-forms', (key) => [
  run('SET', key('hello'), '1'),
  run('SET', key('hallo'), '2'),
  run('SET', key('hxllo'), '3'),
  run('SET', key('h*llo'), '4'),
  run('KEYS', key('h[a]llo')),
  run('KEYS', key('h[^ax*]llo')),
  run('KEYS', key('?xllo')),
  run('KEYS', key('h[d-f]llo')),
  run('KEYS', key('h[f-d]llo')),
  run('KEYS', key('h\\*llo')),
  run('KEYS', key('H?LLO')),
  run('KEYS', key('h[a]*o')),
]);
kase('keys-binary', (key) => [run('SET', key('\x00\xff\r\n'), 'v'), run('KEYS', key('\x00?\r*'))]);
kase('keys-skips-expired', (key) => [
  run('SET', key('gone'), 'v'),
  run('PEXPIREAT', key('gone'), '1'),
  run('SET', key('kept'), 'v'),
  run('KEYS', `${key('')}*`),
]);
kase('keys-arity', (key) => [run('KEYS'), run('KEYS', key(), key())]);

// ---------------------------------------------------------------------------
// SCAN: errors, and one-step scans that find one key

const ALL = '100000';
kase('scan-one-key', (key) => [run('SET', key(), 'v'), run('SCAN', '0', 'MATCH', key(), 'COUNT', ALL)]);
kase('scan-no-match', (key) => [run('SCAN', '0', 'MATCH', `${key('')}*`, 'COUNT', ALL)]);
kase('scan-options-any-case-and-order', (key) => [
  run('SET', key(), 'v'),
  run('SCAN', '0', 'count', ALL, 'match', `${key('')}*`),
  run('SCAN', '0', 'Type', 'string', 'Count', ALL, 'MaTcH', key()),
]);
kase('scan-options-repeated', (key) => [
  run('SET', key(), 'v'),
  run('SCAN', '0', 'MATCH', 'nothing-here', 'MATCH', key(), 'COUNT', '1', 'COUNT', ALL),
]);
kase('scan-type', (key) => [
  run('SET', key(), 'v'),
  run('SCAN', '0', 'MATCH', key(), 'COUNT', ALL, 'TYPE', 'string'),
  run('SCAN', '0', 'MATCH', key(), 'COUNT', ALL, 'TYPE', 'STRING'),
  run('SCAN', '0', 'MATCH', key(), 'COUNT', ALL, 'TYPE', 'list'),
  run('SCAN', '0', 'MATCH', key(), 'COUNT', ALL, 'TYPE', 'nosuchtype'),
  run('SCAN', '0', 'MATCH', key(), 'COUNT', ALL, 'TYPE', 'string\x00junk'),
]);
kase('scan-glob', (key) => [
  run('SET', key('abc'), 'v'),
  run('SET', key('xyz'), 'v'),
  run('SCAN', '0', 'MATCH', key('[a]?c'), 'COUNT', ALL),
]);
kase('scan-skips-expired', (key) => [
  run('SET', key(), 'v'),
  run('PEXPIREAT', key(), '1'),
  run('SCAN', '0', 'MATCH', key(), 'COUNT', ALL),
]);
// strtoul's view of a cursor: empty is 0, a sign is allowed, a NUL ends it.
kase('scan-cursor-forms', (key) => [
  run('SET', key(), 'v'),
  run('SCAN', '', 'MATCH', key(), 'COUNT', ALL),
  run('SCAN', '+0', 'MATCH', key(), 'COUNT', ALL),
  run('SCAN', '-0', 'MATCH', key(), 'COUNT', ALL),
  run('SCAN', '0\x00junk', 'MATCH', key(), 'COUNT', ALL),
]);
kase('scan-invalid-cursor', () => [
  run('SCAN', 'abc'),
  run('SCAN', ' 0'),
  run('SCAN', '0 '),
  run('SCAN', '\t1'),
  run('SCAN', '1.5'),
  run('SCAN', '-'),
  run('SCAN', '+'),
  run('SCAN', '0x10'),
  run('SCAN', '1e3'),
  run('SCAN', '18446744073709551616'),
  run('SCAN', '-18446744073709551616'),
  run('SCAN', '99999999999999999999999'),
]);
kase('scan-invalid-cursor-before-options', () => [run('SCAN', 'x', 'COUNT', '0'), run('SCAN', 'x', 'FOO')]);
kase('scan-count-errors', () => [
  run('SCAN', '0', 'COUNT', '0'),
  run('SCAN', '0', 'COUNT', '-1'),
  run('SCAN', '0', 'COUNT', 'abc'),
  run('SCAN', '0', 'COUNT', '1.5'),
  run('SCAN', '0', 'COUNT', '9223372036854775808'),
  run('SCAN', '0', 'COUNT'),
  run('SCAN', '0', 'COUNT', 'abc', 'FOO'),
  run('SCAN', '0', 'FOO', 'x', 'COUNT', 'abc'),
]);
kase('scan-syntax-errors', () => [
  run('SCAN', '0', 'FOO'),
  run('SCAN', '0', 'FOO', 'bar'),
  run('SCAN', '0', 'MATCH'),
  run('SCAN', '0', 'TYPE'),
  run('SCAN', '0', 'MATCH', 'x', 'COUNT'),
  run('SCAN', '0', 'MATCH', 'x', 'extra'),
]);
kase('scan-arity', () => [run('SCAN')]);

// ---------------------------------------------------------------------------
// FLUSHDB, FLUSHALL, DBSIZE, RANDOMKEY: each case flushes first, so it knows the
// whole keyspace.

kase('flushall-then-keyspace', (key) => [
  run('FLUSHALL'),
  run('DBSIZE'),
  run('RANDOMKEY'),
  run('KEYS', '*'),
  run('SCAN', '0'),
  run('SET', key(), 'v'),
  run('DBSIZE'),
  run('RANDOMKEY'),
  run('KEYS', '*'),
  run('SCAN', '0'),
  run('SET', key('2'), 'v'),
  run('DBSIZE'),
  run('DEL', key(), key('2')),
  run('DBSIZE'),
  run('RANDOMKEY'),
]);
kase('flushdb-modes', (key) => [
  run('SET', key(), 'v'),
  run('FLUSHDB'),
  run('EXISTS', key()),
  run('SET', key(), 'v'),
  run('FLUSHDB', 'ASYNC'),
  run('DBSIZE'),
  run('SET', key(), 'v'),
  run('FLUSHDB', 'sync'),
  run('DBSIZE'),
  run('SET', key(), 'v', 'EX', '100'),
  run('FLUSHDB', 'Async'),
  run('TTL', key()),
]);
kase('flushall-modes', (key) => [
  run('SET', key(), 'v'),
  run('FLUSHALL', 'SYNC'),
  run('DBSIZE'),
  run('SET', key(), 'v'),
  run('FLUSHALL', 'async'),
  run('EXISTS', key()),
]);
kase('flush-syntax-errors', (key) => [
  run('FLUSHALL'),
  run('SET', key(), 'v'),
  run('FLUSHDB', 'NOW'),
  run('FLUSHDB', 'ASYNC', 'SYNC'),
  run('FLUSHDB', 'SYNC', 'SYNC'),
  run('FLUSHDB', ''),
  run('FLUSHALL', 'LAZY'),
  run('FLUSHALL', 'ASYNC', 'ASYNC'),
  run('DBSIZE'),
]);
kase('dbsize-counts-keys', (key) => [
  run('FLUSHDB'),
  run('SET', key('a'), '1'),
  run('SET', key('b'), '2'),
  run('SET', key('c'), '3', 'EX', '100'),
  run('SET', key('a'), 'overwritten'),
  run('DBSIZE'),
  run('RENAME', key('a'), key('d')),
  run('DBSIZE'),
  run('PEXPIREAT', key('b'), '1'),
  run('DBSIZE'),
]);
kase('dbsize-arity', () => [run('DBSIZE', 'x')]);
kase('randomkey-only-key', (key) => [
  run('FLUSHALL'),
  run('SET', key('\x00bin\xff'), 'v'),
  run('RANDOMKEY'),
  run('RANDOMKEY'),
]);
kase('randomkey-arity', () => [run('RANDOMKEY', 'x')]);
kase('keyspace-pipelined', (key) => [
  ask(
    'a',
    command('SET', key('a'), '1') +
      command('EXPIRE', key('a'), '100') +
      command('RENAME', key('a'), key('b')) +
      command('TTL', key('b')) +
      command('PERSIST', key('b')) +
      command('EXISTS', key('a'), key('b')) +
      command('TYPE', key('b')) +
      command('DEL', key('b')) +
      command('RENAME', key('b'), key('c')),
    9,
  ),
]);

export const keyspaceCorpus: readonly Case[] = resp2.cases;

// ---------------------------------------------------------------------------
// RESP3: the same commands after HELLO 3. Of these replies only RANDOMKEY's null
// differs between the protocols (`_` instead of `$-1`); the others check that the
// RESP3 connection gets the same integers, statuses and arrays.

const resp3 = builder('ks');
const hello3 = ask('a', command('HELLO', '3'));
resp3.kase('resp3-keyspace', (key) => [
  hello3,
  run('SET', key(), 'v'),
  run('EXISTS', key(), key()),
  run('TYPE', key()),
  run('TYPE', key('missing')),
  run('EXPIREAT', key(), FUTURE_S),
  run('EXPIRETIME', key()),
  run('PEXPIRETIME', key()),
  run('TTL', key('missing')),
  run('PERSIST', key()),
  run('PTTL', key()),
  run('RENAME', key(), key('b')),
  run('RENAMENX', key('b'), key('b')),
  run('RENAME', key('missing'), key('b')),
  run('KEYS', `${key('')}*`),
  run('SCAN', '0', 'MATCH', `${key('')}*`, 'COUNT', ALL),
  run('EXPIRE', key('b'), '1', 'NX', 'XX'),
  run('DEL', key('b'), key('b')),
]);
resp3.kase('resp3-flush-randomkey', (key) => [
  hello3,
  run('FLUSHALL'),
  run('RANDOMKEY'),
  run('DBSIZE'),
  run('SET', key(), 'v'),
  run('RANDOMKEY'),
  run('FLUSHDB', 'ASYNC'),
  run('RANDOMKEY'),
]);

resp3.kase('resp3-errors', (key) => [
  hello3,
  run('DEL'),
  run('RENAMENX', key('missing'), key('b')),
  run('EXPIRE', key(), 'abc'),
  run('EXPIRE', key(), '10', 'GT', 'LT'),
  run('PEXPIRE', key(), '9223372036854775807'),
  run('EXPIRE', key(), '10', 'FOO'),
  run('SCAN', 'x'),
  run('SCAN', '0', 'COUNT', '0'),
  run('FLUSHDB', 'NOW'),
]);
resp3.kase('resp3-expire-and-ttl', (key) => [
  hello3,
  run('SET', key(), 'v'),
  run('EXPIRE', key(), '100', 'NX'),
  run('TTL', key()),
  run('EXPIRE', key(), '50', 'GT'),
  run('PEXPIREAT', key(), FUTURE_MS, 'XX'),
  run('EXPIRETIME', key()),
  run('EXPIRE', key(), '-1'),
  run('TTL', key()),
  run('PEXPIRETIME', key()),
  run('KEYS', `${key('')}*`),
  run('SCAN', '0', 'MATCH', `${key('')}*`, 'COUNT', ALL),
]);
// Back to RESP2 on the same connection: the null is `$-1` again.
resp3.kase('resp3-then-resp2', () => [
  hello3,
  run('FLUSHALL'),
  run('RANDOMKEY'),
  ask('a', command('HELLO', '2')),
  run('RANDOMKEY'),
]);

export const keyspaceResp3Corpus: readonly Case[] = resp3.cases;
