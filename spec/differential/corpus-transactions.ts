// The differential corpus of MULTI, EXEC, DISCARD, WATCH and UNWATCH. Inputs only: real
// Redis's replies are the expected ones.
//
// What it covers:
// - queueing (+QUEUED), EXEC's array of replies, a runtime error as one element while
//   the rest still run, syntax errors being runtime errors (parsed at EXEC);
// - queue-time errors (unknown command or subcommand, wrong arity) and EXECABORT, the
//   commands after such an error still answering +QUEUED;
// - the errors of EXEC/DISCARD without MULTI, nested MULTI, WATCH inside MULTI (none of
//   which spoils the transaction);
// - WATCH with two connections: a write, a delete, an expire, a rename, a flush by the
//   other connection makes EXEC answer the null array; an untouched key (or a write to
//   another key, or a read) lets it run; EXEC, DISCARD and UNWATCH clear the watches;
// - blocking commands inside MULTI answer at once; a client blocked on a list pushed
//   inside EXEC is served after the whole EXEC;
// - QUIT and RESET inside MULTI, MULTI in subscribed mode, CLIENT LIST's multi= and x;
// - pipelined MULTI ... EXEC in one write; the same in RESP3 (`_` for the null array).
// Keys are prefixed with the case name: the two servers are never flushed between cases
// (except in the FLUSHALL cases, which only look at their own keys afterwards).

import { type Case, type Key, type Step, ask, closes, command } from './corpus';

const on = (conn: string, ...args: string[]): Step => ask(conn, command(...args));
const run = (...args: string[]): Step => on('a', ...args);

function builder(): { cases: Case[]; kase: (name: string, build: (key: Key) => Step[], options?: { bytewise?: false }) => void } {
  const cases: Case[] = [];
  const kase = (name: string, build: (key: Key) => Step[], options: { bytewise?: false } = {}): void => {
    if (cases.some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
    cases.push({ name, steps: build((suffix = 'k') => `tx-${name}:${suffix}`), ...options });
  };
  return { cases, kase };
}

/** The cases, to run in RESP2 (as they are) and after HELLO 3 (each prefixed with it). */
function transactionCases(kase: ReturnType<typeof builder>['kase']): void {
  kase('empty', () => [run('MULTI'), run('EXEC')]);
  kase('queued-and-exec', (key) => [
    run('MULTI'),
    run('SET', key(), '1'),
    run('INCR', key()),
    run('GET', key()),
    run('RPUSH', key('l'), 'a', 'b'),
    run('LRANGE', key('l'), '0', '-1'),
    run('EXEC'),
    run('GET', key()),
  ]);
  kase('runtime-error-is-one-element', (key) => [
    run('MULTI'),
    run('SET', key(), 'v'),
    run('LPUSH', key(), 'x'),
    run('INCR', key()),
    run('SET', key('b'), '2'),
    run('EXEC'),
    run('GET', key('b')),
  ]);
  kase('syntax-error-at-exec', (key) => [
    run('MULTI'),
    run('SET', key(), 'v', 'NX', 'XX'),
    run('ZADD', key('z'), 'notafloat', 'm'),
    run('SET', key(), 'w'),
    run('EXEC'),
  ]);
  kase('unknown-command-aborts', (key) => [
    run('MULTI'),
    run('SET', key(), 'v'),
    run('NOSUCHCOMMAND', 'x'),
    run('SET', key('b'), 'v'),
    run('EXEC'),
    run('EXISTS', key(), key('b')),
  ]);
  kase('arity-aborts', (key) => [run('MULTI'), run('SET', key()), run('GET', key()), run('EXEC'), run('EXISTS', key())]);
  kase('unknown-subcommand-aborts', () => [run('MULTI'), run('CLIENT', 'NOSUCH'), run('EXEC')]);
  kase('subcommand-arity-aborts', () => [run('MULTI'), run('CONFIG', 'GET'), run('EXEC')]);
  kase('exec-without-multi', () => [run('EXEC')]);
  kase('discard-without-multi', () => [run('DISCARD')]);
  kase('exec-arity', () => [run('MULTI'), run('EXEC', 'x'), run('EXEC')]);
  kase('nested-multi', (key) => [run('MULTI'), run('SET', key(), 'v'), run('MULTI'), run('EXEC')]);
  kase('watch-inside-multi', (key) => [run('MULTI'), run('WATCH', key()), run('SET', key(), 'v'), run('EXEC')]);
  kase('watch-arity', () => [run('WATCH')]);
  kase('unwatch-arity-in-multi', () => [run('MULTI'), run('UNWATCH', 'x'), run('EXEC')]);
  kase('unwatch-queued', (key) => [run('MULTI'), run('UNWATCH'), run('PING'), run('EXEC')]);
  kase('discard', (key) => [
    run('MULTI'),
    run('SET', key(), 'v'),
    run('DISCARD'),
    run('EXISTS', key()),
    run('EXEC'),
  ]);
  kase('discard-after-error', (key) => [run('MULTI'), run('NOPE'), run('DISCARD'), run('MULTI'), run('SET', key(), '1'), run('EXEC')]);
  kase('lowercase', (key) => [run('multi'), run('set', key(), 'v'), run('exec')]);

  // WATCH, two connections.
  kase('watch-untouched', (key) => [run('SET', key(), '1'), run('WATCH', key()), run('MULTI'), run('INCR', key()), run('EXEC')]);
  kase('watch-set-by-other', (key) => [
    run('SET', key(), '1'),
    run('WATCH', key()),
    on('b', 'SET', key(), '2'),
    run('MULTI'),
    run('INCR', key()),
    run('EXEC'),
    run('GET', key()),
  ]);
  kase('watch-set-by-self', (key) => [run('WATCH', key()), run('SET', key(), '2'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-touched-while-queued', (key) => [
    run('WATCH', key()),
    run('MULTI'),
    run('SET', key(), 'mine'),
    on('b', 'SET', key(), 'theirs'),
    run('EXEC'),
    run('GET', key()),
  ]);
  kase('watch-missing-key-created', (key) => [run('WATCH', key()), on('b', 'RPUSH', key(), 'x'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-missing-key-stays-missing', (key) => [run('WATCH', key()), on('b', 'DEL', key()), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-del', (key) => [run('SET', key(), '1'), run('WATCH', key()), on('b', 'DEL', key()), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-expire', (key) => [run('SET', key(), '1'), run('WATCH', key()), on('b', 'EXPIRE', key(), '100'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-persist-no-ttl', (key) => [run('SET', key(), '1'), run('WATCH', key()), on('b', 'PERSIST', key()), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-pexpireat-past', (key) => [run('SET', key(), '1'), run('WATCH', key()), on('b', 'PEXPIREAT', key(), '1'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-rename-over', (key) => [
    run('SET', key(), '1'),
    run('SET', key('src'), '2'),
    run('WATCH', key()),
    on('b', 'RENAME', key('src'), key()),
    run('MULTI'),
    run('PING'),
    run('EXEC'),
  ]);
  kase('watch-rename-away', (key) => [run('SET', key(), '1'), run('WATCH', key()), on('b', 'RENAME', key(), key('dst')), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-other-key-written', (key) => [run('WATCH', key()), on('b', 'SET', key('other'), '1'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-read-only', (key) => [run('SET', key(), '1'), run('WATCH', key()), on('b', 'GET', key()), on('b', 'EXISTS', key()), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-list-push-pop', (key) => [
    run('RPUSH', key(), 'a'),
    run('WATCH', key()),
    on('b', 'LPOP', key()),
    run('MULTI'),
    run('PING'),
    run('EXEC'),
  ]);
  kase('watch-noop-write', (key) => [run('SADD', key(), 'm'), run('WATCH', key()), on('b', 'SADD', key(), 'm'), on('b', 'SREM', key(), 'x'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-hash-zset', (key) => [
    run('WATCH', key('h'), key('z')),
    on('b', 'ZADD', key('z'), '1', 'm'),
    run('MULTI'),
    run('HSET', key('h'), 'f', 'v'),
    run('EXEC'),
    run('EXISTS', key('h')),
  ]);
  kase('watch-many-keys', (key) => [run('WATCH', key('a'), key('b'), key('a')), on('b', 'SET', key('b'), '1'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-twice', (key) => [run('WATCH', key('a')), run('WATCH', key('b')), on('b', 'SET', key('a'), '1'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-flushall', (key) => [run('SET', key(), '1'), run('WATCH', key()), on('b', 'FLUSHALL'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-flushdb-missing-key', (key) => [on('b', 'FLUSHDB'), run('WATCH', key()), on('b', 'FLUSHDB'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('unwatch', (key) => [run('WATCH', key()), run('UNWATCH'), on('b', 'SET', key(), '1'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('unwatch-after-dirty', (key) => [run('WATCH', key()), on('b', 'SET', key(), '1'), run('UNWATCH'), run('MULTI'), run('PING'), run('EXEC')]);
  kase('watch-after-dirty', (key) => [
    run('WATCH', key()),
    on('b', 'SET', key(), '1'),
    run('WATCH', key('other')),
    run('MULTI'),
    run('PING'),
    run('EXEC'),
  ]);
  kase('exec-clears-watch', (key) => [
    run('WATCH', key()),
    run('MULTI'),
    run('PING'),
    run('EXEC'),
    on('b', 'SET', key(), '1'),
    run('MULTI'),
    run('PING'),
    run('EXEC'),
  ]);
  kase('failed-exec-clears-watch', (key) => [
    run('WATCH', key()),
    on('b', 'SET', key(), '1'),
    run('MULTI'),
    run('EXEC'),
    on('b', 'SET', key(), '2'),
    run('MULTI'),
    run('PING'),
    run('EXEC'),
  ]);
  kase('discard-clears-watch', (key) => [
    run('WATCH', key()),
    run('MULTI'),
    run('DISCARD'),
    on('b', 'SET', key(), '1'),
    run('MULTI'),
    run('PING'),
    run('EXEC'),
  ]);
  kase('execabort-beats-dirty', (key) => [run('WATCH', key()), on('b', 'SET', key(), '1'), run('MULTI'), run('NOPE'), run('EXEC')]);

  // Blocking commands inside MULTI answer at once.
  kase('blpop-inside-multi', (key) => [
    run('MULTI'),
    run('BLPOP', key(), '0'),
    run('BRPOP', key(), key('b'), '1'),
    run('BLMOVE', key(), key('d'), 'LEFT', 'RIGHT', '0'),
    run('BLMPOP', '0', '1', key(), 'LEFT'),
    run('BZPOPMIN', key('z'), '0'),
    run('BZMPOP', '0', '1', key('z'), 'MIN'),
    run('RPUSH', key(), 'x'),
    run('BLPOP', key(), '0'),
    run('EXEC'),
  ]);
  kase('blpop-bad-timeout-inside-multi', (key) => [run('MULTI'), run('BLPOP', key(), 'soon'), run('EXEC')]);
  kase('blocked-client-served-after-exec', (key) => [
    ask('b', command('BLPOP', key(), '0'), 0),
    run('MULTI'),
    run('RPUSH', key(), 'a', 'b'),
    run('LPOP', key()),
    run('LLEN', key()),
    { conn: 'a', send: command('EXEC'), expect: [{ conn: 'a', replies: 1 }, { conn: 'b', replies: 1 }] },
    run('LRANGE', key(), '0', '-1'),
  ]);
  kase('blocked-client-not-served-when-emptied', (key) => [
    ask('b', command('BLPOP', key(), '0'), 0),
    run('MULTI'),
    run('RPUSH', key(), 'a'),
    run('DEL', key()),
    run('EXEC'),
    run('RPUSH', key(), 'late'),
    ask('b', '', 1),
  ]);

  // Connection commands inside MULTI.
  kase('reset-inside-multi', (key) => [run('WATCH', key('w')), run('MULTI'), run('SET', key(), 'v'), run('RESET'), run('EXEC'), run('EXISTS', key())]);
  kase('quit-inside-multi', (key) => [run('MULTI'), run('SET', key(), 'v'), closes('a', command('QUIT')), on('b', 'EXISTS', key())], { bytewise: false });
  kase('ping-echo-inside-multi', () => [run('MULTI'), run('PING'), run('ECHO', 'hi'), run('PING', 'x'), run('EXEC')]);
  kase('client-list-fields', () => [
    run('MULTI'),
    run('PING'),
    run('PING'),
    run('EXEC'),
  ]);

  // Pipelined: a whole transaction in one write.
  kase('pipelined', (key) => [
    ask(
      'a',
      command('MULTI') + command('SET', key(), '1') + command('INCR', key()) + command('LPUSH', key(), 'x') + command('EXEC') + command('GET', key()),
      6,
    ),
  ]);
  kase('pipelined-aborted', (key) => [ask('a', command('MULTI') + command('SET', key(), '1') + command('SET') + command('INCR', key()) + command('EXEC'), 5)]);
  kase('pipelined-watch', (key) => [
    ask('a', command('WATCH', key()) + command('SET', key(), '1') + command('MULTI') + command('GET', key()) + command('EXEC'), 5),
  ]);
  kase('inline', (key) => [ask('a', `MULTI\r\nSET ${key()} 1\r\nEXEC\r\n`, 3)]);
}

const resp2 = builder();
transactionCases(resp2.kase);
// Subscribed mode (RESP2): MULTI is refused, as any command but the (un)subscribes.
resp2.kase('multi-in-subscribed-mode', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), run('MULTI'), run('EXEC')]);
resp2.kase('subscribe-inside-multi', (key) => [
  run('MULTI'),
  run('SUBSCRIBE', key('ch')),
  run('EXEC'),
  on('b', 'PUBLISH', key('ch'), 'hello'),
  ask('a', '', 1),
  run('PING'),
]);

export const transactionsCorpus: readonly Case[] = resp2.cases;

// RESP3: the same cases after HELLO 3 (the null array is `_`, HELLO's map...).
const resp3 = builder();
transactionCases((name, build, options) =>
  resp3.kase(`resp3-${name}`, (key) => [ask('a', command('HELLO', '3')), ask('b', command('HELLO', '3')), ...build(key)], options),
);
// RESP3 connections may run any command while subscribed, MULTI included.
resp3.kase('resp3-multi-in-subscribed-mode', (key) => [
  ask('a', command('HELLO', '3')),
  ask('a', command('SUBSCRIBE', key('ch'))),
  run('MULTI'),
  run('PING'),
  run('EXEC'),
]);

export const transactionsResp3Corpus: readonly Case[] = resp3.cases;
