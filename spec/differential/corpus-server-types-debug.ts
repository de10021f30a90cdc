// The differential corpus of DEBUG with the command enabled (both servers start with
// enable-debug-command yes): the replies that are deterministic, byte for byte against
// real Redis. Digests, addresses, LRU clocks and hash-table chains differ by design
// (see src/commands/server/debug/) and are tested by shape in
// spec/commands/server-types.spec.ts instead.

import { type Case, type Step, ask, command } from './corpus';
import { builder } from './case-builder';

const run = (...args: string[]): Step => ask('a', command(...args));

// The RESP3 types whose Frames this server has (attributes it has not: see
// debug/protocol.ts).
const PROTOCOL_TYPES = ['string', 'integer', 'double', 'bignum', 'null', 'array', 'set', 'map', 'verbatim', 'true', 'false', 'push'];

function cases(prefix: string, hello: Step[]): Case[] {
  const { cases: all, kase } = builder(prefix);
  kase('help', () => [...hello, run('DEBUG', 'HELP')]);
  kase('protocol', () => [...hello, ...PROTOCOL_TYPES.map((type) => run('DEBUG', 'PROTOCOL', type)), run('DEBUG', 'PROTOCOL', 'nosuch')]);
  kase('protocol-case', () => [...hello, run('debug', 'protocol', 'MAP'), run('DEBUG', 'PROTOCOL', 'True')]);
  kase('unknown-and-arity', (key) => [
    ...hello,
    run('DEBUG', 'jmap'),
    run('DEBUG', 'nosuch', 'x'),
    run('DEBUG', 'OBJECT'),
    run('DEBUG', 'OBJECT', key(), 'extra'),
    run('DEBUG', 'DIGEST', 'extra'),
    run('DEBUG', 'SLEEP'),
    run('DEBUG', 'PROTOCOL'),
    run('DEBUG', 'QUICKLIST', key(), '1', '2'),
    run('DEBUG', 'a\x00b'),
    run('DEBUG'),
  ]);
  kase('missing-keys', (key) => [
    ...hello,
    run('DEBUG', 'OBJECT', key()),
    run('DEBUG', 'LISTPACK', key()),
    run('DEBUG', 'QUICKLIST', key()),
    run('DEBUG', 'HTSTATS-KEY', key()),
    run('DEBUG', 'DIGEST-VALUE', key(), key('2')),
    run('DEBUG', 'DIGEST-VALUE'),
  ]);
  kase('encodings', (key) => [
    ...hello,
    run('RPUSH', key('l'), 'a'),
    run('HSET', key('h'), 'f', 'v'),
    run('SADD', key('s'), '1'),
    run('SET', key('str'), 'x'),
    run('DEBUG', 'LISTPACK', key('h')),
    run('DEBUG', 'LISTPACK', key('l')),
    run('DEBUG', 'LISTPACK', key('s')),
    run('DEBUG', 'QUICKLIST', key('l')),
    run('DEBUG', 'QUICKLIST', key('l'), '1'),
    run('DEBUG', 'QUICKLIST', key('h')),
    run('DEBUG', 'HTSTATS-KEY', key('h')),
    run('DEBUG', 'HTSTATS-KEY', key('s')),
    run('DEBUG', 'HTSTATS-KEY', key('l')),
    run('DEBUG', 'HTSTATS-KEY', key('str')),
  ]);
  kase('htstats-one-element', (key) => [
    ...hello,
    run('SADD', key(), 'member'),
    run('DEBUG', 'HTSTATS-KEY', key()),
  ]);
  kase('switches', () => [
    ...hello,
    run('DEBUG', 'SET-ACTIVE-EXPIRE', '0'),
    run('DEBUG', 'SET-ACTIVE-EXPIRE', '1'),
    run('DEBUG', 'PAUSE-CRON', '1'),
    run('DEBUG', 'PAUSE-CRON', '0'),
    run('DEBUG', 'SLEEP', '0'),
    run('DEBUG', 'SLEEP', 'abc'),
    run('DEBUG', 'CHANGE-REPL-ID'),
  ]);
  kase('quicklist-packed-threshold', () => [
    ...hello,
    ...['1b', '0', '100', '1gb', '4gb', '4095mb', '5gb', '-1', 'abc', '1tb', ''].map((size) =>
      run('DEBUG', 'QUICKLIST-PACKED-THRESHOLD', size),
    ),
    run('DEBUG', 'QUICKLIST-PACKED-THRESHOLD', '0'),
  ]);
  kase('error-reply', () => [...hello, run('DEBUG', 'ERROR', 'MYERR some\r\ntext'), run('DEBUG', 'ERROR', '')]);
  kase('reload', (key) => [
    ...hello,
    run('SADD', key('s'), '1', '2', 'x'),
    run('SREM', key('s'), 'x'),
    run('OBJECT', 'ENCODING', key('s')),
    run('HSET', key('h'), 'f', 'v'),
    run('EXPIRE', key('h'), '100'),
    run('DEBUG', 'RELOAD'),
    run('OBJECT', 'ENCODING', key('s')),
    run('SMEMBERS', key('s')),
    run('TTL', key('h')),
    run('HGETALL', key('h')),
    run('DEBUG', 'RELOAD', 'bogus'),
  ]);
  return all;
}

export const serverTypesDebugCorpus: readonly Case[] = cases('dbg', []);
export const serverTypesDebugResp3Corpus: readonly Case[] = cases('dbg3', [ask('a', command('HELLO', '3'))]);
