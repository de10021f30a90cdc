// The differential corpus of the string commands: SETNX, SETEX, PSETEX, GETSET, GETDEL,
// GETEX, MGET, MSET, MSETNX, INCR, DECR, INCRBY, DECRBY, INCRBYFLOAT, APPEND, STRLEN,
// GETRANGE, SETRANGE. As in corpus.ts it holds inputs only: real Redis's replies are
// the expected ones, error texts included.
//
// What cannot be compared here is tested in spec/commands/strings.spec.ts:
// - expiry (SETEX, PSETEX, GETEX): a time to live is only visible through the clock,
//   so it is tested on virtual time; here only the replies and the immediate effects
//   (a time already past deletes the key) are compared;
// - WRONGTYPE: only strings exist in our server so far, so keys of another type are
//   simulated there (and compared with a real list in Redis);
// - sizes near proto-max-bulk-len that would make both servers allocate 512 MB.
//
// INCRBYFLOAT gets many cases, because Redis computes it in C's long double and prints
// it with %.17Lf: besides the hand-picked values, a few hundred pseudo-random pairs
// (a fixed seed, so every run sends the same bytes) cover decimals, exponents,
// hexadecimal floats, huge and tiny magnitudes, and invalid text.

import { ask, command, type Case, type Key, type Step } from './corpus';

const cases: Case[] = [];
const resp3Cases: Case[] = [];

function kase(name: string, build: (key: Key) => Step[], into: Case[] = cases): void {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`case names are kebab-case (they prefix keys): ${name}`);
  if ([...cases, ...resp3Cases].some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
  const key: Key = (suffix = 'k') => `str-${name}:${suffix}`;
  into.push({ name, steps: build(key) });
}

/** One command on connection "a", one reply. */
const run = (...args: string[]): Step => ask('a', command(...args));

/** Several commands pipelined in one write on connection "a", one reply each. */
const pipeline = (...commands: readonly string[][]): Step => ask('a', commands.map((args) => command(...args)).join(''), commands.length);

const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';
/** Every byte value once. */
const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

// ---------------------------------------------------------------------------
// SETNX

kase('setnx-new', (key) => [run('SETNX', key(), 'v'), run('GET', key())]);
kase('setnx-existing', (key) => [run('SET', key(), 'old'), run('SETNX', key(), 'new'), run('GET', key())]);
kase('setnx-twice', (key) => [pipeline(['SETNX', key(), 'a'], ['SETNX', key(), 'b'], ['GET', key()])]);
kase('setnx-empty-value', (key) => [run('SETNX', key(), ''), run('GET', key())]);
kase('setnx-binary', (key) => [run('SETNX', key(ALL_BYTES), ALL_BYTES), run('GET', key(ALL_BYTES))]);
kase('setnx-lowercase', (key) => [run('setnx', key(), 'v')]);
kase('setnx-arity', (key) => [run('SETNX'), run('SETNX', key()), run('SETNX', key(), 'v', 'extra'), run('GET', key())]);
kase('setnx-after-getdel', (key) => [run('SET', key(), 'v'), run('GETDEL', key()), run('SETNX', key(), 'w'), run('GET', key())]);

// ---------------------------------------------------------------------------
// SETEX and PSETEX

kase('setex-basic', (key) => [run('SETEX', key(), '100', 'v'), run('GET', key())]);
kase('setex-overwrites', (key) => [run('SET', key(), 'old'), run('SETEX', key(), '100', 'new'), run('GET', key())]);
kase('setex-lowercase', (key) => [run('setex', key(), '100', 'v')]);
kase('setex-zero', (key) => [run('SETEX', key(), '0', 'v'), run('GET', key())]);
kase('setex-negative', (key) => [run('SETEX', key(), '-1', 'v')]);
kase('setex-not-integer', (key) => [
  pipeline(['SETEX', key(), 'abc', 'v'], ['SETEX', key(), '1.5', 'v'], ['SETEX', key(), '', 'v'], ['SETEX', key(), '+10', 'v']),
  pipeline(['SETEX', key(), '010', 'v'], ['SETEX', key(), ' 10', 'v'], ['SETEX', key(), '1e3', 'v'], ['GET', key()]),
]);
kase('setex-too-large', (key) => [
  // LLONG_MAX / 1000 passes the first check, but adding the current time overflows.
  pipeline(['SETEX', key(), '9223372036854775', 'v'], ['SETEX', key(), '9223372036854776', 'v'], ['SETEX', key(), LLONG_MAX, 'v']),
  pipeline(['SETEX', key(), '9223372036854775808', 'v'], ['GET', key()]),
]);
kase('setex-far-future', (key) => [run('SETEX', key(), '9000000000000000', 'v'), run('GET', key())]);
kase('setex-arity', (key) => [run('SETEX'), run('SETEX', key()), run('SETEX', key(), '10'), run('SETEX', key(), '10', 'v', 'x')]);
kase('setex-binary', (key) => [run('SETEX', key(), '100', ALL_BYTES), run('GET', key())]);
kase('psetex-basic', (key) => [run('PSETEX', key(), '100000', 'v'), run('GET', key())]);
kase('psetex-zero', (key) => [run('PSETEX', key(), '0', 'v'), run('GET', key())]);
kase('psetex-negative', (key) => [run('PSETEX', key(), '-100', 'v')]);
kase('psetex-not-integer', (key) => [pipeline(['PSETEX', key(), 'x', 'v'], ['PSETEX', key(), '100.0', 'v'], ['PSETEX', key(), '-0', 'v'])]);
kase('psetex-too-large', (key) => [
  pipeline(['PSETEX', key(), LLONG_MAX, 'v'], ['PSETEX', key(), '9223372036854775000', 'v'], ['PSETEX', key(), '9000000000000000000', 'v']),
  run('GET', key()),
]);
kase('psetex-arity', (key) => [run('PSETEX', key(), '10'), run('PSETEX', key(), '10', 'v', 'x')]);

// ---------------------------------------------------------------------------
// GETSET and GETDEL

kase('getset-missing', (key) => [run('GETSET', key(), 'new'), run('GET', key())]);
kase('getset-existing', (key) => [run('SET', key(), 'old'), run('GETSET', key(), 'new'), run('GET', key())]);
kase('getset-chain', (key) => [pipeline(['GETSET', key(), '1'], ['GETSET', key(), '2'], ['GETSET', key(), '3'], ['GET', key()])]);
kase('getset-binary', (key) => [run('SET', key(), ALL_BYTES), run('GETSET', key(), ''), run('GET', key())]);
kase('getset-counter-reset', (key) => [run('INCR', key()), run('INCR', key()), run('GETSET', key(), '0'), run('INCR', key())]);
kase('getset-arity', (key) => [run('GETSET'), run('GETSET', key()), run('GETSET', key(), 'a', 'b')]);
kase('getdel-existing', (key) => [run('SET', key(), 'v'), run('GETDEL', key()), run('GET', key()), run('GETDEL', key())]);
kase('getdel-missing', (key) => [run('GETDEL', key())]);
kase('getdel-empty-value', (key) => [run('SET', key(), ''), run('GETDEL', key()), run('STRLEN', key())]);
kase('getdel-expiring', (key) => [run('SET', key(), 'v', 'EX', '100'), run('GETDEL', key()), run('GET', key())]);
kase('getdel-arity', (key) => [run('GETDEL'), run('GETDEL', key(), key('b'))]);

// ---------------------------------------------------------------------------
// GETEX

kase('getex-plain', (key) => [run('SET', key(), 'v'), run('GETEX', key())]);
kase('getex-missing', (key) => [run('GETEX', key()), run('GETEX', key(), 'EX', '10'), run('GETEX', key(), 'PERSIST')]);
kase('getex-missing-bad-time', (key) => [
  // A missing key answers nil before the time is looked at...
  pipeline(['GETEX', key(), 'EX', '0'], ['GETEX', key(), 'EX', 'abc'], ['GETEX', key(), 'PXAT', '-1']),
  // ...but not before the syntax is checked.
  pipeline(['GETEX', key(), 'FOO'], ['GETEX', key(), 'EX'], ['GETEX', key(), 'EX', '1', 'PX', '1']),
]);
kase('getex-ex', (key) => [run('SET', key(), 'v'), run('GETEX', key(), 'EX', '100'), run('GET', key())]);
kase('getex-px', (key) => [run('SET', key(), 'v'), run('GETEX', key(), 'PX', '100000'), run('GET', key())]);
kase('getex-exat-future', (key) => [run('SET', key(), 'v'), run('GETEX', key(), 'EXAT', '32503680000'), run('GET', key())]);
kase('getex-pxat-future', (key) => [run('SET', key(), 'v'), run('GETEX', key(), 'PXAT', '32503680000000'), run('GET', key())]);
kase('getex-exat-past-deletes', (key) => [run('SET', key(), 'v'), run('GETEX', key(), 'EXAT', '1'), run('GET', key())]);
kase('getex-pxat-past-deletes', (key) => [run('SET', key(), 'v'), run('GETEX', key(), 'PXAT', '1000'), run('GETEX', key())]);
kase('getex-persist', (key) => [run('SET', key(), 'v', 'EX', '100'), run('GETEX', key(), 'PERSIST'), run('GETEX', key(), 'PERSIST', 'PERSIST')]);
kase('getex-lowercase', (key) => [
  run('SET', key(), 'v'),
  pipeline(['getex', key(), 'ex', '100'], ['GETEX', key(), 'pX', '100000'], ['GETEX', key(), 'exat', '32503680000'], ['GETEX', key(), 'persist']),
]);
kase('getex-same-option-twice', (key) => [
  run('SET', key(), 'v'),
  pipeline(['GETEX', key(), 'EX', '10', 'EX', '20'], ['GETEX', key(), 'PX', '0', 'PX', '10000'], ['GETEX', key(), 'EX', '10', 'EX', '0']),
]);
kase('getex-conflicts', (key) => [
  run('SET', key(), 'v'),
  pipeline(['GETEX', key(), 'EX', '10', 'PX', '10000'], ['GETEX', key(), 'PX', '1', 'EXAT', '1'], ['GETEX', key(), 'EXAT', '1', 'PXAT', '1']),
  pipeline(['GETEX', key(), 'PERSIST', 'EX', '10'], ['GETEX', key(), 'EX', '10', 'PERSIST'], ['GETEX', key(), 'PXAT', '1', 'PERSIST']),
  run('GET', key()),
]);
kase('getex-syntax', (key) => [
  run('SET', key(), 'v'),
  pipeline(['GETEX', key(), 'KEEPTTL'], ['GETEX', key(), 'NX'], ['GETEX', key(), 'XX'], ['GETEX', key(), 'GET'], ['GETEX', key(), 'EX']),
  pipeline(['GETEX', key(), 'PX'], ['GETEX', key(), 'EX', '10', 'extra'], ['GETEX', key(), ''], ['GETEX', key(), 'EXX', '1'], ['GETEX', key(), 'PERSISTX']),
]);
kase('getex-nul-in-option', (key) => [
  // Redis compares option names as C strings: the NUL ends them.
  run('SET', key(), 'v'),
  pipeline(['GETEX', key(), 'EX\x00junk', '100'], ['GETEX', key(), 'persist\x00x'], ['GETEX', key(), 'PXAT\x00', '1']),
  run('GET', key()),
]);
kase('getex-invalid-time', (key) => [
  run('SET', key(), 'v'),
  pipeline(['GETEX', key(), 'EX', '0'], ['GETEX', key(), 'PX', '-5'], ['GETEX', key(), 'EXAT', '0'], ['GETEX', key(), 'PXAT', '-1']),
  pipeline(['GETEX', key(), 'EX', 'abc'], ['GETEX', key(), 'PX', '1.5'], ['GETEX', key(), 'EX', ''], ['GETEX', key(), 'EX', '+1']),
  pipeline(['GETEX', key(), 'EX', '9223372036854775'], ['GETEX', key(), 'EX', '9223372036854776'], ['GETEX', key(), 'PX', LLONG_MAX]),
  pipeline(['GETEX', key(), 'EXAT', '9223372036854776'], ['GETEX', key(), 'PXAT', LLONG_MAX], ['GETEX', key(), 'EX', '9223372036854775808']),
  run('GET', key()),
]);
kase('getex-arity', () => [run('GETEX')]);

// ---------------------------------------------------------------------------
// MGET, MSET, MSETNX

kase('mget-mixed', (key) => [
  run('SET', key('a'), '1'),
  run('SET', key('c'), ''),
  run('MGET', key('a'), key('b'), key('c'), key('a'), key('missing')),
]);
kase('mget-single', (key) => [run('MGET', key())]);
kase('mget-binary', (key) => [run('SET', key(ALL_BYTES), ALL_BYTES), run('MGET', key(ALL_BYTES), key())]);
kase('mget-arity', () => [run('MGET')]);
kase('mget-many', (key) => {
  const keys = Array.from({ length: 100 }, (_, i) => key(`${i}`));
  return [ask('a', keys.filter((_, i) => i % 3 === 0).map((k) => command('SET', k, `v${k}`)).join(''), 34), run('MGET', ...keys)];
});
kase('mset-basic', (key) => [run('MSET', key('a'), '1', key('b'), '2'), run('MGET', key('a'), key('b'))]);
kase('mset-one-pair', (key) => [run('MSET', key(), 'v'), run('GET', key())]);
kase('mset-overwrites', (key) => [run('SET', key(), 'old', 'EX', '100'), run('MSET', key(), 'new'), run('GET', key())]);
kase('mset-duplicate-key', (key) => [run('MSET', key(), '1', key(), '2', key(), '3'), run('GET', key())]);
kase('mset-odd', (key) => [run('MSET', key('a'), '1', key('b')), run('MGET', key('a'), key('b'))]);
kase('mset-arity', (key) => [run('MSET'), run('MSET', key())]);
kase('mset-lowercase-odd', (key) => [run('mset', key(), '1', key('b'))]);
kase('mset-many', (key) => {
  const pairs = Array.from({ length: 200 }, (_, i) => [key(`${i}`), `value-${i}`]).flat();
  return [run('MSET', ...pairs), run('MGET', key('0'), key('99'), key('199'), key('200'))];
});
kase('mset-binary', (key) => [run('MSET', key(ALL_BYTES), ALL_BYTES, key('\r\n'), '\r\n'), run('MGET', key(ALL_BYTES), key('\r\n'))]);
kase('msetnx-all-new', (key) => [run('MSETNX', key('a'), '1', key('b'), '2'), run('MGET', key('a'), key('b'))]);
kase('msetnx-one-exists', (key) => [
  run('SET', key('b'), 'old'),
  run('MSETNX', key('a'), '1', key('b'), '2', key('c'), '3'),
  run('MGET', key('a'), key('b'), key('c')),
]);
kase('msetnx-duplicate-new-key', (key) => [run('MSETNX', key(), '1', key(), '2'), run('GET', key())]);
kase('msetnx-twice', (key) => [run('MSETNX', key(), '1'), run('MSETNX', key(), '2'), run('GET', key())]);
kase('msetnx-odd', (key) => [run('MSETNX', key('a'), '1', key('b')), run('MSETNX', key('a'), '1', key('b'), '2', key('c')), run('MGET', key('a'))]);
kase('msetnx-arity', (key) => [run('MSETNX'), run('MSETNX', key())]);

// ---------------------------------------------------------------------------
// INCR, DECR, INCRBY, DECRBY

kase('incr-missing', (key) => [run('INCR', key()), run('GET', key())]);
kase('incr-existing', (key) => [run('SET', key(), '41'), run('INCR', key()), run('GET', key())]);
kase('incr-many', (key) => [pipeline(...Array.from({ length: 20 }, () => ['INCR', key()]), ['GET', key()])]);
kase('incr-negative', (key) => [run('SET', key(), '-5'), run('INCR', key()), run('INCR', key())]);
kase('incr-to-max', (key) => [run('SET', key(), '9223372036854775806'), run('INCR', key()), run('INCR', key()), run('GET', key())]);
kase('incr-from-min', (key) => [run('SET', key(), LLONG_MIN), run('INCR', key()), run('DECR', key()), run('DECR', key())]);
kase('incr-beyond-2-53', (key) => [
  run('SET', key(), '9007199254740992'),
  pipeline(['INCR', key()], ['INCR', key()], ['INCRBY', key(), '9007199254740993'], ['GET', key()]),
]);
kase('incr-not-integer', (key) => {
  const values = [' 1', '1 ', '1.0', '+1', '007', '', '-0', 'abc', '1e3', '0x10', '12345678901234567890', '9223372036854775808', '-9223372036854775809', '1\x00'];
  return values.flatMap((value, i) => [run('SET', key(`${i}`), value), run('INCR', key(`${i}`)), run('GET', key(`${i}`))]);
});
kase('incr-zero-forms', (key) => [run('SET', key(), '0'), run('DECR', key()), run('INCR', key()), run('INCR', key())]);
kase('incr-after-incrbyfloat', (key) => [
  run('INCRBYFLOAT', key(), '2.5'),
  run('INCR', key()),
  run('INCRBYFLOAT', key(), '0.5'),
  run('INCR', key()),
  run('GET', key()),
]);
kase('incr-keeps-value-text', (key) => [run('INCRBY', key(), '100'), run('APPEND', key(), '0'), run('INCR', key()), run('STRLEN', key())]);
kase('incr-lowercase', (key) => [run('incr', key()), run('decr', key()), run('incrby', key(), '5'), run('decrby', key(), '2')]);
kase('incr-arity', (key) => [run('INCR'), run('INCR', key(), key('b')), run('DECR'), run('DECR', key(), '1')]);
kase('decr-missing', (key) => [run('DECR', key()), run('DECR', key()), run('GET', key())]);
kase('decr-to-min', (key) => [run('SET', key(), '-9223372036854775807'), run('DECR', key()), run('DECR', key()), run('GET', key())]);
kase('incrby-basic', (key) => [pipeline(['INCRBY', key(), '10'], ['INCRBY', key(), '-3'], ['INCRBY', key(), '0'], ['GET', key()])]);
kase('incrby-extremes', (key) => [
  pipeline(['INCRBY', key('a'), LLONG_MAX], ['INCRBY', key('a'), '1'], ['INCRBY', key('a'), LLONG_MIN], ['INCRBY', key('a'), LLONG_MIN]),
  pipeline(['INCRBY', key('b'), LLONG_MIN], ['INCRBY', key('b'), '-1'], ['INCRBY', key('b'), LLONG_MAX], ['INCRBY', key('b'), LLONG_MAX]),
  run('MGET', key('a'), key('b')),
]);
kase('incrby-overflow', (key) => [
  run('SET', key(), '9223372036854775000'),
  pipeline(['INCRBY', key(), '807'], ['DECR', key()], ['INCRBY', key(), '808'], ['INCRBY', key(), LLONG_MAX], ['GET', key()]),
  run('SET', key('n'), '-9223372036854775000'),
  pipeline(['INCRBY', key('n'), '-808'], ['INCRBY', key('n'), '-809'], ['INCRBY', key('n'), LLONG_MIN], ['GET', key('n')]),
]);
kase('incrby-not-integer', (key) => [
  pipeline(['INCRBY', key(), 'abc'], ['INCRBY', key(), ''], ['INCRBY', key(), '1.5'], ['INCRBY', key(), '+1'], ['INCRBY', key(), '-0']),
  pipeline(['INCRBY', key(), '01'], ['INCRBY', key(), ' 1'], ['INCRBY', key(), '9223372036854775808'], ['INCRBY', key(), '-9223372036854775809']),
  run('EXISTS', key()),
]);
kase('incrby-bad-value-and-bad-increment', (key) => [run('SET', key(), 'abc'), run('INCRBY', key(), 'x'), run('INCRBY', key(), '1')]);
kase('incrby-arity', (key) => [run('INCRBY', key()), run('INCRBY', key(), '1', '2'), run('DECRBY', key()), run('DECRBY', key(), '1', '2')]);
kase('decrby-basic', (key) => [pipeline(['DECRBY', key(), '10'], ['DECRBY', key(), '-25'], ['DECRBY', key(), '0'], ['GET', key()])]);
kase('decrby-llong-min', (key) => [
  run('DECRBY', key(), LLONG_MIN),
  run('SET', key('s'), 'abc'),
  run('DECRBY', key('s'), LLONG_MIN),
  run('EXISTS', key()),
]);
kase('decrby-extremes', (key) => [
  pipeline(['DECRBY', key(), LLONG_MAX], ['DECRBY', key(), '1'], ['DECRBY', key(), '1'], ['GET', key()]),
  pipeline(['SET', key('p'), '1'], ['DECRBY', key('p'), '-9223372036854775807'], ['GET', key('p')]),
]);
kase('decrby-not-integer', (key) => [pipeline(['DECRBY', key(), 'x'], ['DECRBY', key(), '1e2'], ['DECRBY', key(), '-9223372036854775809'])]);

// ---------------------------------------------------------------------------
// INCRBYFLOAT

/** One key per pair: SET it to `start` (unless null), then INCRBYFLOAT it by `increment`, then GET. */
function floatCase(name: string, pairs: readonly (readonly [string | null, string])[]): void {
  kase(name, (key) => {
    const commands: string[][] = [];
    pairs.forEach(([start, increment], i) => {
      if (start !== null) commands.push(['SET', key(`${i}`), start]);
      commands.push(['INCRBYFLOAT', key(`${i}`), increment], ['GET', key(`${i}`)]);
    });
    return [pipeline(...commands)];
  });
}

kase('incrbyfloat-missing', (key) => [run('INCRBYFLOAT', key(), '10.5'), run('GET', key())]);
kase('incrbyfloat-10-5-plus-0-1', (key) => [run('SET', key(), '10.5'), run('INCRBYFLOAT', key(), '0.1'), run('GET', key())]);
kase('incrbyfloat-0-1-plus-0-2', (key) => [run('INCRBYFLOAT', key(), '0.1'), run('INCRBYFLOAT', key(), '0.2'), run('INCRBYFLOAT', key(), '0.3')]);
kase('incrbyfloat-exponents', (key) => [
  run('SET', key(), '3.0e3'),
  pipeline(['INCRBYFLOAT', key(), '5.0e3'], ['INCRBYFLOAT', key(), '5.0e3'], ['INCRBYFLOAT', key(), '-1e4'], ['INCRBYFLOAT', key(), '1E-3']),
]);
kase('incrbyfloat-repeated-tenths', (key) => [pipeline(...Array.from({ length: 30 }, () => ['INCRBYFLOAT', key(), '0.1']))]);
kase('incrbyfloat-repeated-thirds', (key) => [
  pipeline(...Array.from({ length: 12 }, () => ['INCRBYFLOAT', key(), '0.3333333333333333333333'])),
  pipeline(...Array.from({ length: 12 }, () => ['INCRBYFLOAT', key('n'), '-1.1'])),
]);
floatCase('incrbyfloat-small', [
  [null, '1e-5'],
  [null, '1e-17'],
  [null, '5e-18'],
  [null, '1.5e-17'],
  [null, '2.5e-17'],
  [null, '1e-20'],
  [null, '-1e-20'],
  [null, '0.000003814697265625'], // an exact tie at the 17th decimal: rounds to even
  [null, '0.000003814697265625000001'],
  ['1', '1e-400'],
  [null, '1e-4940'],
  [null, '0x1p-16445'],
  [null, '1e-5000'],
  [null, '0e-99999'],
]);
floatCase('incrbyfloat-large', [
  [null, '1e30'],
  [null, '123456789012345678'],
  [null, '18446744073709551617'],
  [null, '18446744073709551619'],
  [null, '9007199254740993'],
  [null, '1e308'],
  ['1e308', '1e308'],
  [null, '1e400'],
  [null, '-1e400'],
  ['1e4931', '1e4932'],
  ['1e4932', '-1e4932'],
  [null, '99999999999999999999.999999999999999995'],
]);
floatCase('incrbyfloat-negative-zero', [
  [null, '-0'],
  ['-0', '-0'],
  ['-0', '0'],
  ['0', '-0'],
  ['-0.0', '-0e10'],
  ['1.5', '-1.5'],
  ['-1.5', '1.5'],
  [null, '-0.000000000000000001'],
]);
floatCase('incrbyfloat-forms', [
  [null, '+5'],
  [null, '.5'],
  [null, '5.'],
  [null, '+.5e1'],
  [null, '00012.5000'],
  [null, '1E2'],
  [null, '0x10'],
  [null, '0x1p-2'],
  [null, '-0X1.8P1'],
  [null, '0x.8'],
  ['10', '5'],
  ['0x10', '1'],
  ['1e3', '1'],
  ['  7', '1'],
]);
floatCase('incrbyfloat-invalid', [
  [null, 'abc'],
  [null, ''],
  [null, ' 1'],
  [null, '1 '],
  [null, '\t1'],
  [null, '1\n'],
  [null, '1.5\x00abc'],
  [null, '1e'],
  [null, '1e+'],
  [null, '.'],
  [null, '-.e1'],
  [null, '0x'],
  [null, '0x1p'],
  [null, '1p3'],
  [null, '1,5'],
  [null, 'nan'],
  [null, 'NaN'],
  [null, '-nan'],
  [null, 'nan(123)'],
  [null, 'infinit'],
  [null, '1e4933'],
  [null, '-1e5000'],
  [null, '1'.repeat(5119)],
  [null, '1'.repeat(5120)],
  ['abc', '1'],
  ['', '1'],
  ['1.5 ', '1'],
  ['nan', '1'],
  ['abc', 'abc'],
]);
floatCase('incrbyfloat-infinity', [
  [null, 'inf'],
  [null, '-inf'],
  [null, 'Infinity'],
  [null, '+INF'],
  ['inf', '1'],
  ['inf', '-inf'],
  ['1.1e4932', '1e4931'],
  ['-1.1e4932', '-1e4931'],
  ['1.18973149535723176502e+4932', '0'],
  ['1.18973149535723176502e+4932', '1e4913'],
]);
kase('incrbyfloat-keeps-text', (key) => [
  run('INCRBYFLOAT', key(), '1.25'),
  run('APPEND', key(), '00'),
  run('INCRBYFLOAT', key(), '0'),
  run('STRLEN', key()),
  run('GETRANGE', key(), '0', '-1'),
]);
kase('incrbyfloat-lowercase', (key) => [run('incrbyfloat', key(), '1.5')]);
kase('incrbyfloat-arity', (key) => [run('INCRBYFLOAT'), run('INCRBYFLOAT', key()), run('INCRBYFLOAT', key(), '1', '2')]);

// Pseudo-random pairs. A fixed linear congruential generator, so the bytes are the
// same on every run (Redis is the oracle, not a model: any mismatch is a finding).
function randomFloats(seed: number, count: number): [string | null, string][] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  const number = (): string => {
    const sign = pick(['', '', '-', '+']);
    const kind = next();
    if (kind < 0.3) return `${sign}${digits(1 + Math.floor(next() * 4))}.${digits(Math.floor(next() * 6))}`;
    if (kind < 0.5) return `${sign}${digits(1 + Math.floor(next() * 25))}${next() < 0.5 ? `.${digits(Math.floor(next() * 25))}` : ''}`;
    if (kind < 0.7) {
      const exponent = Math.floor(next() * (next() < 0.3 ? 5000 : 40));
      return `${sign}${digits(1 + Math.floor(next() * 3))}e${pick(['', '-', '+'])}${exponent}`;
    }
    if (kind < 0.8) {
      const hex = Array.from({ length: 1 + Math.floor(next() * 20) }, () => pick([...'0123456789abcdefABCDEF'])).join('');
      return `${sign}0x${hex}${next() < 0.5 ? `p${pick(['', '-'])}${Math.floor(next() * 100)}` : ''}`;
    }
    return `${sign}0.${digits(Math.floor(next() * 20))}${digits(1 + Math.floor(next() * 3))}`;
  };
  return Array.from({ length: count }, () => [next() < 0.2 ? null : number(), number()] as [string | null, string]);
}
for (let batch = 0; batch < 8; batch++) floatCase(`incrbyfloat-random-${batch}`, randomFloats(1000 + batch, 50));

// ---------------------------------------------------------------------------
// APPEND and STRLEN

kase('append-missing', (key) => [run('APPEND', key(), 'abc'), run('GET', key())]);
kase('append-existing', (key) => [run('SET', key(), 'abc'), run('APPEND', key(), 'def'), run('GET', key()), run('STRLEN', key())]);
kase('append-empty', (key) => [run('APPEND', key(), ''), run('GET', key()), run('APPEND', key(), ''), run('SET', key(), 'x'), run('APPEND', key(), '')]);
kase('append-to-number', (key) => [run('SET', key(), '10'), run('APPEND', key(), '5'), run('INCR', key()), run('GET', key())]);
kase('append-binary', (key) => [run('APPEND', key(), ALL_BYTES), run('APPEND', key(), '\x00\r\n'), run('GET', key())]);
kase('append-expiring-key', (key) => [run('SET', key(), 'a', 'EX', '100'), run('APPEND', key(), 'b'), run('GET', key())]);
kase('append-growing', (key) => {
  // 60 appends of 1 KB each, each distinct, with reads in between: the value crosses
  // the sizes where storage is grown in place, and every byte must stay right.
  const steps: Step[] = [];
  for (let i = 0; i < 60; i++) {
    const chunk = `<${i}>`.padEnd(1000, String.fromCharCode(65 + (i % 26)));
    steps.push(run('APPEND', key(), chunk));
    if (i % 15 === 14) steps.push(run('GET', key()), run('STRLEN', key()));
  }
  steps.push(run('GETRANGE', key(), '20990', '21020'), run('SET', key(), 'reset'), run('APPEND', key(), 'x'.repeat(2000)), run('GET', key()));
  return steps;
});
kase('append-get-interleaved', (key) => [
  pipeline(...Array.from({ length: 30 }, (_, i) => [['APPEND', key(), `${i}-`.repeat(200)], ['GET', key()]]).flat()),
]);
kase('append-arity', (key) => [run('APPEND'), run('APPEND', key()), run('APPEND', key(), 'a', 'b')]);
kase('strlen-basic', (key) => [
  run('SET', key('a'), 'hello'),
  run('SET', key('e'), ''),
  run('SET', key('b'), ALL_BYTES),
  run('INCRBY', key('n'), '-12345'),
  pipeline(['STRLEN', key('a')], ['STRLEN', key('e')], ['STRLEN', key('b')], ['STRLEN', key('n')], ['STRLEN', key('missing')]),
]);
kase('strlen-utf8', (key) => [run('SET', key(), '\xc3\xa9\xe2\x82\xac'), run('STRLEN', key())]);
kase('strlen-arity', (key) => [run('STRLEN'), run('STRLEN', key(), key())]);

// ---------------------------------------------------------------------------
// GETRANGE

kase('getrange-ranges', (key) => [
  run('SET', key(), 'Hello World'),
  pipeline(
    ['GETRANGE', key(), '0', '4'],
    ['GETRANGE', key(), '-5', '-1'],
    ['GETRANGE', key(), '-1', '-5'],
    ['GETRANGE', key(), '5', '2'],
    ['GETRANGE', key(), '0', '100'],
    ['GETRANGE', key(), '-100', '-50'],
    ['GETRANGE', key(), '-100', '2'],
    ['GETRANGE', key(), '100', '200'],
    ['GETRANGE', key(), '0', '0'],
    ['GETRANGE', key(), '10', '10'],
    ['GETRANGE', key(), '11', '11'],
    ['GETRANGE', key(), '0', '-1'],
    ['GETRANGE', key(), '-1', '-1'],
    ['GETRANGE', key(), '-11', '-11'],
    ['GETRANGE', key(), '-12', '-12'],
    ['GETRANGE', key(), '3', '-3'],
    ['GETRANGE', key(), '-3', '3'],
  ),
]);
kase('getrange-extremes', (key) => [
  run('SET', key(), 'Hello World'),
  pipeline(
    ['GETRANGE', key(), LLONG_MIN, LLONG_MAX],
    ['GETRANGE', key(), LLONG_MAX, LLONG_MAX],
    ['GETRANGE', key(), LLONG_MIN, LLONG_MIN],
    ['GETRANGE', key(), '0', '9007199254740993'],
    ['GETRANGE', key(), '-9007199254740993', '-9007199254740993'],
  ),
]);
kase('getrange-not-integer', (key) => [
  run('SET', key(), 'Hello'),
  pipeline(['GETRANGE', key(), 'a', '1'], ['GETRANGE', key(), '1', 'b'], ['GETRANGE', key(), '0', '9223372036854775808'], ['GETRANGE', key(), '1.0', '2']),
  pipeline(['GETRANGE', key('missing'), 'a', '1'], ['GETRANGE', key(), '', '1'], ['GETRANGE', key(), '+1', '2'], ['GETRANGE', key(), '-0', '2']),
]);
kase('getrange-missing', (key) => [run('GETRANGE', key(), '0', '-1'), run('GETRANGE', key(), '5', '10')]);
kase('getrange-empty-string', (key) => [
  run('SET', key(), ''),
  pipeline(['GETRANGE', key(), '0', '0'], ['GETRANGE', key(), '-1', '-1'], ['GETRANGE', key(), '0', '-1'], ['GETRANGE', key(), '-5', '5']),
]);
kase('getrange-number', (key) => [run('INCRBY', key(), '12345'), run('GETRANGE', key(), '1', '2'), run('GETRANGE', key(), '-2', '-1')]);
kase('getrange-binary', (key) => [run('SET', key(), ALL_BYTES), run('GETRANGE', key(), '10', '14'), run('GETRANGE', key(), '-3', '-1')]);
kase('getrange-arity', (key) => [run('GETRANGE', key()), run('GETRANGE', key(), '0'), run('GETRANGE', key(), '0', '1', '2')]);

// ---------------------------------------------------------------------------
// SETRANGE

kase('setrange-missing-pads', (key) => [run('SETRANGE', key(), '5', 'abc'), run('GET', key()), run('STRLEN', key())]);
kase('setrange-missing-at-zero', (key) => [run('SETRANGE', key(), '0', 'abc'), run('GET', key())]);
kase('setrange-inside', (key) => [run('SET', key(), 'Hello World'), run('SETRANGE', key(), '6', 'Redis'), run('GET', key())]);
kase('setrange-extends', (key) => [run('SET', key(), 'Hello'), run('SETRANGE', key(), '3', 'p me!'), run('GET', key())]);
kase('setrange-past-end', (key) => [run('SET', key(), 'ab'), run('SETRANGE', key(), '6', 'cd'), run('GET', key())]);
kase('setrange-empty-value', (key) => [
  pipeline(['SETRANGE', key(), '0', ''], ['SETRANGE', key(), '100', ''], ['EXISTS', key()]),
  pipeline(['SET', key(), 'abc'], ['SETRANGE', key(), '10', ''], ['SETRANGE', key(), '536870912', ''], ['GET', key()]),
]);
kase('setrange-negative-offset', (key) => [run('SETRANGE', key(), '-1', 'x'), run('SET', key(), 'a'), run('SETRANGE', key(), '-1', '')]);
kase('setrange-not-integer', (key) => [
  pipeline(['SETRANGE', key(), 'abc', 'x'], ['SETRANGE', key(), '1.0', 'x'], ['SETRANGE', key(), '', 'x'], ['SETRANGE', key(), '9223372036854775808', 'x']),
  pipeline(['SETRANGE', key(), '+1', 'x'], ['SETRANGE', key(), '-0', 'x'], ['SETRANGE', key(), '-9223372036854775809', 'x']),
]);
kase('setrange-too-large', (key) => [
  pipeline(['SETRANGE', key(), '536870912', 'x'], ['SETRANGE', key(), '536870911', 'xy'], ['SETRANGE', key(), LLONG_MAX, 'x'], ['EXISTS', key()]),
  run('SET', key(), 'abc'),
  pipeline(['SETRANGE', key(), '536870912', 'x'], ['SETRANGE', key(), '536870000', '\x00'.repeat(1000)], ['GET', key()]),
]);
kase('setrange-binary', (key) => [run('SET', key(), ALL_BYTES), run('SETRANGE', key(), '250', '\r\n\x00'), run('GET', key())]);
kase('setrange-number', (key) => [run('SET', key(), '12345'), run('SETRANGE', key(), '1', '9'), run('INCR', key()), run('GET', key())]);
kase('setrange-expiring-key', (key) => [run('SET', key(), 'abc', 'EX', '100'), run('SETRANGE', key(), '1', 'X'), run('GET', key())]);
kase('setrange-then-append', (key) => [
  run('APPEND', key(), 'x'.repeat(3000)),
  run('APPEND', key(), 'y'.repeat(100)),
  run('SETRANGE', key(), '2990', 'ZZZZZZZZZZZZZZZZZZZZ'),
  run('APPEND', key(), 'end'),
  run('GETRANGE', key(), '2980', '-1'),
]);
kase('setrange-arity', (key) => [run('SETRANGE', key(), '0'), run('SETRANGE', key(), '0', 'a', 'b')]);

// ---------------------------------------------------------------------------
// RESP3: after HELLO 3 the replies are the same, except nil, which becomes `_`.

const hello3 = (): Step => ask('a', command('HELLO', '3'));
kase('resp3-nulls', (key) => [
  hello3(),
  pipeline(['GET', key()], ['GETSET', key(), 'v'], ['GETDEL', key('missing')], ['GETEX', key('missing')], ['SET', key('s'), 's']),
  pipeline(['MGET', key(), key('missing'), key('s')], ['GETDEL', key()], ['GETEX', key('s'), 'PERSIST']),
], resp3Cases);
kase('resp3-numbers', (key) => [
  hello3(),
  pipeline(['INCR', key()], ['INCRBY', key(), LLONG_MAX], ['DECRBY', key(), LLONG_MIN], ['STRLEN', key()], ['INCRBYFLOAT', key('f'), '10.5']),
  pipeline(['INCRBYFLOAT', key('f'), '0.1'], ['INCRBYFLOAT', key('f'), 'abc'], ['APPEND', key('f'), '0'], ['SETRANGE', key('f'), '0', 'x']),
], resp3Cases);
kase('resp3-writes', (key) => [
  hello3(),
  pipeline(['SETNX', key(), 'v'], ['SETNX', key(), 'v'], ['SETEX', key(), '100', 'v'], ['PSETEX', key(), '0', 'v'], ['MSET', key(), 'a', key('b')]),
  pipeline(['MSETNX', key('c'), '1'], ['GETRANGE', key(), '0', '-1'], ['GETRANGE', key('missing'), '0', '-1'], ['MSET', key(), 'b']),
], resp3Cases);

export const stringsCorpus: readonly Case[] = cases;
export const stringsResp3Corpus: readonly Case[] = resp3Cases;
