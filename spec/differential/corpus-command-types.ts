// The differential corpus of COMMAND's view of the data-type commands (lists, hashes,
// sets, sorted sets, SORT): COMMAND GETKEYS and GETKEYSANDFLAGS on every kind of key
// specification, and COMMAND INFO / COMMAND DOCS of a few commands in RESP3, where key
// specs, tips and history are sets. Inputs only: redis-server's replies are the expected
// ones. (spec/commands/command-metadata.spec.ts compares INFO and DOCS of every
// registered command of these groups; this corpus is about finding keys.)
//
// What the cases probe, all Redis's rules (db.c, getKeysUsingKeySpecs and the getkeys
// procedures):
// - keys found by spec, in spec order (ZUNIONSTORE's destination first), with each
//   spec's flags;
// - a numkeys that string2ll refuses ("1abc", "01", " 1") or that is out of range makes
//   the spec invalid, and Redis falls back to the command's own procedure, which reads the
//   count with atoi and lists the destination last, without flags;
// - SORT's keys always come from its procedure: the key, then the last STORE's target,
//   BY/GET/LIMIT arguments skipped over;
// - the errors: unknown command, no keys, wrong argument count, no keys found.

import { type Case, type Step, ask, command } from './corpus';

const run = (...args: string[]): Step => ask('a', command(...args));
const getkeys = (...args: string[]): Step => run('COMMAND', 'GETKEYS', ...args);
const withFlags = (...args: string[]): Step => run('COMMAND', 'GETKEYSANDFLAGS', ...args);
/** GETKEYS and GETKEYSANDFLAGS of the same request. */
const both = (...args: string[]): Step[] => [getkeys(...args), withFlags(...args)];

const cases: Case[] = [];
const kase = (name: string, steps: Step[]): void => {
  if (cases.some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
  cases.push({ name, steps });
};

// Fixed positions: one spec, or one per key (LMOVE's source and destination differ).
kase('getkeys-fixed-positions', [
  ...both('LPUSH', 'k', 'v'),
  ...both('LLEN', 'k'),
  ...both('LPOP', 'k'),
  ...both('LMOVE', 'src', 'dst', 'LEFT', 'RIGHT'),
  ...both('RPOPLPUSH', 'src', 'dst'),
  ...both('BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0'),
  ...both('SMOVE', 'src', 'dst', 'm'),
  ...both('HSET', 'h', 'f', 'v'),
  ...both('HINCRBYFLOAT', 'h', 'f', '1.5'),
  ...both('ZRANGESTORE', 'dst', 'src', '0', '-1'),
  ...both('ZADD', 'z', '1', 'm'),
]);
// Ranges to the end, and to the second-to-last argument (the timeout).
kase('getkeys-ranges', [
  ...both('SINTER', 'a', 'b', 'c'),
  ...both('SUNIONSTORE', 'dst', 'a', 'b'),
  ...both('SINTERSTORE', 'dst', 'a'),
  ...both('SDIFFSTORE', 'dst', 'a', 'b', 'c'),
  ...both('BLPOP', 'a', 'b', '0'),
  ...both('BRPOP', 'a', '1.5'),
  ...both('BZPOPMIN', 'a', 'b', '0'),
]);
// numkeys, found by the keynum spec.
kase('getkeys-numkeys', [
  ...both('SINTERCARD', '2', 'a', 'b'),
  ...both('SINTERCARD', '2', 'a', 'b', 'LIMIT', '1'),
  ...both('SINTERCARD', '1', 'a', 'LIMIT', '1'),
  ...both('ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', '2', 'WITHSCORES'),
  ...both('ZINTER', '1', 'a'),
  ...both('ZDIFF', '3', 'a', 'b', 'c'),
  ...both('ZINTERCARD', '2', 'a', 'b', 'LIMIT', '0'),
  ...both('ZUNIONSTORE', 'dst', '2', 'a', 'b', 'AGGREGATE', 'MAX'),
  ...both('ZINTERSTORE', 'dst', '1', 'a'),
  ...both('ZDIFFSTORE', 'dst', '2', 'a', 'b'),
  ...both('LMPOP', '2', 'a', 'b', 'LEFT', 'COUNT', '3'),
  ...both('BLMPOP', '0', '2', 'a', 'b', 'RIGHT'),
  ...both('ZMPOP', '1', 'a', 'MIN'),
  ...both('BZMPOP', '1.5', '2', 'a', 'b', 'MAX', 'COUNT', '2'),
]);
// A count that string2ll refuses: the fallback reads it with atoi, and puts the
// destination after the keys, with no flags.
kase('getkeys-numkeys-atoi-fallback', [
  ...both('SINTERCARD', '1abc', 'a'),
  ...both('SINTERCARD', '01', 'a', 'b'),
  ...both('ZUNION', ' 2', 'a', 'b'),
  ...both('ZUNION', '+1', 'a'),
  ...both('ZUNIONSTORE', 'dst', '1abc', 'a'),
  ...both('ZINTERSTORE', 'dst', '2x', 'a', 'b'),
  ...both('ZDIFFSTORE', 'dst', '01', 'a'),
  ...both('LMPOP', '1.5', 'a', 'LEFT'),
  ...both('BLMPOP', '0', '1x', 'a', 'LEFT'),
  ...both('ZMPOP', '1 ', 'a', 'MIN'),
  ...both('BZMPOP', '0', '\t1', 'a', 'MIN'),
]);
// Counts that find nothing: zero, negative, more keys than arguments, not a number.
kase('getkeys-numkeys-invalid', [
  ...both('SINTERCARD', '0', 'a'),
  ...both('SINTERCARD', '-1', 'a'),
  ...both('SINTERCARD', '3', 'a', 'b'),
  ...both('SINTERCARD', 'x', 'a'),
  ...both('ZUNION', '2', 'a'),
  ...both('ZUNIONSTORE', 'dst', '0', 'a'),
  ...both('ZUNIONSTORE', 'dst', '-2', 'a'),
  ...both('ZUNIONSTORE', 'dst', '5', 'a', 'b'),
  ...both('ZDIFFSTORE', 'dst', 'x', 'a'),
  ...both('LMPOP', '3', 'a', 'LEFT'),
  ...both('BLMPOP', '0', '0', 'a', 'LEFT'),
  ...both('ZMPOP', '-1', 'a', 'MIN'),
  ...both('BZMPOP', '0', '9', 'a', 'MIN'),
  ...both('SINTERCARD', '99999999999999999999', 'a'),
]);
// Counts past a C int: the spec adds them as an int (2^32 + 1 is 1), atoi saturates.
kase('getkeys-numkeys-huge', [
  ...both('SINTERCARD', '4294967297', 'a'),
  ...both('ZUNIONSTORE', 'dst', '4294967298', 'a', 'b'),
  ...both('ZUNION', '2147483648', 'a'),
  ...both('LMPOP', '9223372036854775807', 'a', 'LEFT'),
]);
// SORT: its procedure, always. The last STORE wins; BY, GET and LIMIT take their
// arguments with them, so "STORE" as a pattern is not an option.
kase('getkeys-sort', [
  ...both('SORT', 'k'),
  ...both('SORT', 'k', 'STORE', 'dst'),
  ...both('sort', 'k', 'store', 'dst'),
  ...both('SORT', 'k', 'BY', 'w_*', 'GET', '#', 'GET', 'o_*', 'LIMIT', '0', '10', 'DESC', 'ALPHA', 'STORE', 'dst'),
  ...both('SORT', 'k', 'STORE', 'a', 'STORE', 'b'),
  ...both('SORT', 'k', 'STORE'),
  ...both('SORT', 'k', 'GET', 'STORE', 'x'),
  ...both('SORT', 'k', 'BY', 'STORE', 'x'),
  ...both('SORT', 'k', 'LIMIT', 'STORE', 'x', 'STORE', 'dst'),
  ...both('SORT', 'k', 'LIMIT', '0', 'STORE', 'dst'),
  ...both('SORT', 'k', 'STORE', 'STORE', 'dst'),
  ...both('SORT', 'k', 'nonsense', 'STORE', 'dst'),
  ...both('SORT_RO', 'k'),
  ...both('SORT_RO', 'k', 'BY', 'w_*', 'STORE', 'dst'),
]);
kase('getkeys-errors', [
  ...both('LPUSH', 'k'),
  ...both('LMPOP', '1'),
  ...both('LMPOP', '1', 'a'),
  ...both('BLMPOP', '0', '1', 'a'),
  ...both('ZUNIONSTORE', 'dst', '1'),
  ...both('SORT'),
  ...both('LLEN', 'a', 'b'),
  ...both('NOSUCH', 'a'),
]);
// The same through a pipeline, and inline.
kase('getkeys-pipelined-and-inline', [
  ask('a', command('COMMAND', 'GETKEYS', 'ZUNIONSTORE', 'd', '2', 'a', 'b') + command('COMMAND', 'GETKEYS', 'SORT', 'k', 'STORE', 'd'), 2),
  ask('a', 'COMMAND GETKEYS LMPOP 2 a b LEFT\r\n'),
]);

export const commandTypesCorpus: readonly Case[] = cases;

// RESP3: key specs, tips, flags, the history and GETKEYSANDFLAGS's flags are sets, maps
// are maps; in RESP2 all of them are arrays.
const resp3: Case[] = [];
const hello3 = (): Step => ask('a', command('HELLO', '3'));
resp3.push({
  name: 'resp3-command-info',
  steps: [
    hello3(),
    run('COMMAND', 'INFO', 'lpush', 'lmove', 'zunionstore', 'sort', 'sort_ro', 'hgetall', 'spop', 'blmpop', 'bzpopmin', 'sintercard'),
  ],
});
resp3.push({ name: 'resp3-command-docs', steps: [hello3(), run('COMMAND', 'DOCS', 'zadd', 'lpos', 'sort', 'hset', 'spop', 'zrange', 'blmpop')] });
resp3.push({
  name: 'resp3-getkeysandflags',
  steps: [
    hello3(),
    withFlags('ZUNIONSTORE', 'dst', '2', 'a', 'b'),
    withFlags('ZUNIONSTORE', 'dst', '1abc', 'a'),
    withFlags('SORT', 'k', 'STORE', 'dst'),
    withFlags('LMOVE', 'a', 'b', 'LEFT', 'LEFT'),
    getkeys('BLMPOP', '0', '1', 'a', 'LEFT'),
    getkeys('SINTERCARD', '0', 'a'),
  ],
});

export const commandTypesResp3Corpus: readonly Case[] = resp3;
