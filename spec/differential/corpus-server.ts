// Differential cases for the connection and server commands (HELLO, ECHO, SELECT,
// RESET, CLIENT, CONFIG, INFO, COMMAND, TIME), and for RESP3 itself: after HELLO 3 the
// string commands' nulls and the pub/sub push frames must be Redis's bytes too.
// Inputs only; real Redis supplies the expected bytes. See corpus.ts for the builders.
//
// Left out, because the two servers legitimately differ (those are checked for shape
// in spec/commands/server.spec.ts): connection ids (CLIENT ID, CLIENT LIST; HELLO's id
// is masked by the runner), clocks and figures (TIME, most of INFO), the command table
// (COMMAND, COMMAND COUNT, COMMAND DOCS), SELECT of a database other than 0 (this
// server has one), CLIENT SETINFO and CLIENT HELP (Redis 7.2's, not 7.0's), CONFIG
// parameters whose values differ by design (port, databases, maxclients), and CONFIG
// SET of a value this server refuses (appendonly yes).
//
// Cases never kill a connection they did not open: CLIENT KILL with a filter that
// could match the harness's own connections (TYPE normal, USER default) is not sent.

import { Case, Key, Step, ask, command, fanout } from './corpus';

const cases: Case[] = [];
function kase(name: string, build: (key: Key) => Step[]): void {
  if (cases.some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
  cases.push({ name, steps: build((suffix = 'k') => `${name}:${suffix}`) });
}

const hello3 = (conn = 'a'): Step => ask(conn, command('HELLO', '3'));
/** Every byte value once, 0x00..0xff. */
const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

// ---------------------------------------------------------------------------
// HELLO

kase('hello-no-arguments', () => [ask('a', command('HELLO'))]);
kase('hello-2', () => [ask('a', command('HELLO', '2'))]);
kase('hello-3', () => [hello3()]);
kase('hello-3-then-2', () => [hello3(), ask('a', command('HELLO', '2')), ask('a', command('HELLO'))]);
kase('hello-3-twice', () => [hello3(), hello3()]);
kase('hello-lowercase', () => [ask('a', command('hello', '3'))]);
kase('hello-noproto', () => [
  ask('a', command('HELLO', '4')),
  ask('a', command('HELLO', '1')),
  ask('a', command('HELLO', '0')),
  ask('a', command('HELLO', '-1')),
  ask('a', command('HELLO', '4', 'SETNAME', 'x')),
]);
kase('hello-version-not-an-integer', () => [
  ask('a', command('HELLO', 'three')),
  ask('a', command('HELLO', '3x')),
  ask('a', command('HELLO', '')),
  ask('a', command('HELLO', '03')),
  ask('a', command('HELLO', ' 3')),
  ask('a', command('HELLO', '3.0')),
  ask('a', command('HELLO', '99999999999999999999')),
]);
kase('hello-auth-default-user', () => [ask('a', command('HELLO', '3', 'AUTH', 'default', 'any-password'))]);
kase('hello-auth-unknown-user', () => [ask('a', command('HELLO', '3', 'AUTH', 'nobody', 'pw')), ask('a', command('GET', 'hello-auth-unknown-user:k'))]);
kase('hello-auth-missing-password', () => [ask('a', command('HELLO', '3', 'AUTH', 'default'))]);
kase('hello-auth-stops-before-setname', () => [
  ask('a', command('HELLO', '3', 'AUTH', 'nobody', 'pw', 'SETNAME', 'never')),
  ask('a', command('CLIENT', 'GETNAME')),
]);
kase('hello-setname', () => [ask('a', command('HELLO', '3', 'SETNAME', 'hello-setname')), ask('a', command('CLIENT', 'GETNAME'))]);
kase('hello-setname-and-auth', () => [
  ask('a', command('HELLO', '2', 'SETNAME', 'first', 'AUTH', 'default', 'pw', 'setname', 'second')),
  ask('a', command('CLIENT', 'GETNAME')),
]);
kase('hello-setname-invalid', () => [
  ask('a', command('HELLO', '3', 'SETNAME', 'a b')),
  ask('a', command('HELLO', '3', 'SETNAME', 'a\nb')),
  ask('a', command('HELLO', '3', 'SETNAME', '\xe9')),
  // Still RESP2: a failed HELLO switches nothing.
  ask('a', command('CLIENT', 'GETNAME')),
]);
kase('hello-setname-missing', () => [ask('a', command('HELLO', '3', 'SETNAME'))]);
kase('hello-setname-empty-clears', () => [
  ask('a', command('CLIENT', 'SETNAME', 'before')),
  ask('a', command('HELLO', '3', 'SETNAME', '')),
  ask('a', command('CLIENT', 'GETNAME')),
]);
kase('hello-unknown-option', () => [ask('a', command('HELLO', '3', 'FOO')), ask('a', command('GET', 'hello-unknown-option:k'))]);
kase('hello-setname-kept-before-syntax-error', () => [
  ask('a', command('HELLO', '3', 'SETNAME', 'kept', 'extra')),
  ask('a', command('CLIENT', 'GETNAME')),
]);
kase('hello-option-odd-bytes', () => [
  ask('a', command('HELLO', '3', 'a\r\nb')),
  ask('a', command('HELLO', '3', 'ab\x00cd')),
  ask('a', command('HELLO', '2', 'setname')),
]);
kase('hello-in-subscribed-mode', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('HELLO', '3'))]);

// ---------------------------------------------------------------------------
// AUTH (no password configured: the default user takes any password)

kase('auth', () => [
  ask('a', command('AUTH', 'secret')),
  ask('a', command('AUTH', 'default', 'secret')),
  ask('a', command('auth', 'Default', 'secret')),
  ask('a', command('AUTH', 'nobody', 'secret')),
  ask('a', command('AUTH', 'default', 'secret', 'extra')),
  ask('a', command('AUTH')),
  ask('a', command('COMMAND', 'INFO', 'auth')),
]);

// ---------------------------------------------------------------------------
// RESP3 replies of other commands

kase('resp3-get-miss-and-hit', (key) => [
  hello3(),
  ask('a', command('GET', key())),
  ask('a', command('SET', key(), 'v')),
  ask('a', command('GET', key())),
]);
kase('resp3-set-get-option-null', (key) => [hello3(), ask('a', command('SET', key(), 'v', 'GET'))]);
kase('resp3-set-nx-null', (key) => [hello3(), ask('a', command('SET', key(), '1')), ask('a', command('SET', key(), '2', 'NX'))]);
kase('resp3-errors', (key) => [
  hello3(),
  ask('a', command('NOSUCH', 'x')),
  ask('a', command('GET')),
  ask('a', command('SET', key(), 'v', 'BADOPTION')),
]);
kase('resp3-echo-and-ping', () => [hello3(), ask('a', command('ECHO', 'hi')), ask('a', command('PING')), ask('a', command('PING', 'x'))]);
kase('resp3-client-getname-null', () => [hello3(), ask('a', command('CLIENT', 'GETNAME'))]);
kase('resp3-config-get-map', () => [
  hello3(),
  ask('a', command('CONFIG', 'GET', 'save')),
  ask('a', command('CONFIG', 'GET', 'appendonly')),
  ask('a', command('CONFIG', 'GET', 'nosuch')),
]);
kase('resp3-info-verbatim', () => [hello3(), ask('a', command('INFO', 'cluster')), ask('a', command('INFO', 'nosuch'))]);
kase('resp3-command-info-null', () => [hello3(), ask('a', command('COMMAND', 'INFO', 'nosuch')), ask('a', command('COMMAND', 'DOCS', 'nosuch'))]);
kase('resp3-subscribe-publish-push', (key) => [
  hello3('sub'),
  ask('sub', command('SUBSCRIBE', key('a'), key('b')), 2),
  fanout('pub', command('PUBLISH', key('a'), 'hello'), { pub: 1, sub: 1 }),
  fanout('pub', command('PUBLISH', key('b'), '\x00\xff\r\n'), { pub: 1, sub: 1 }),
  ask('sub', command('UNSUBSCRIBE', key('a'))),
  ask('pub', command('PUBLISH', key('a'), 'nobody')),
]);
kase('resp3-subscribed-can-run-commands', (key) => [
  hello3('sub'),
  ask('sub', command('SUBSCRIBE', key('ch'))),
  ask('sub', command('GET', key())),
  ask('sub', command('SET', key(), 'v')),
  ask('sub', command('ECHO', 'still here')),
  ask('sub', command('PING')),
]);
kase('resp3-psubscribe-pmessage-push', (key) => [
  hello3('sub'),
  ask('sub', command('PSUBSCRIBE', key('news.*'))),
  fanout('pub', command('PUBLISH', key('news.today'), 'extra'), { pub: 1, sub: 1 }),
  ask('sub', command('PUNSUBSCRIBE', key('news.*'))),
]);
kase('resp3-unsubscribe-when-not-subscribed', () => [hello3(), ask('a', command('UNSUBSCRIBE')), ask('a', command('PUNSUBSCRIBE'))]);
// Messages are delivered in batches at the end of an event-loop turn (Db.publish); a
// subscribed connection gets what is queued before and after each of its commands, so
// that pushes keep Redis's place among its replies. These pin that order.
kase('resp3-publish-to-itself-push-before-reply', (key) => [
  hello3('a'),
  ask('a', command('SUBSCRIBE', key('ch'))),
  ask('a', command('PUBLISH', key('ch'), 'me'), 2),
]);
kase('resp3-pipelined-publish-to-itself-interleaved', (key) => [
  hello3('a'),
  ask('a', command('SUBSCRIBE', key('ch')) + command('PUBLISH', key('ch'), 'one') + command('PUBLISH', key('ch'), 'two') + command('PING'), 6),
]);
kase('resp3-publish-to-itself-then-unsubscribe', (key) => [
  hello3('a'),
  ask('a', command('SUBSCRIBE', key('ch'))),
  ask('a', command('PUBLISH', key('ch'), 'before') + command('UNSUBSCRIBE', key('ch')) + command('PUBLISH', key('ch'), 'after'), 4),
]);
kase('resp3-subscribed-reply-after-message-published-before', (key) => [
  hello3('sub'),
  ask('sub', command('SUBSCRIBE', key('ch'))),
  fanout('pub', command('PUBLISH', key('ch'), 'first'), { pub: 1, sub: 1 }),
  ask('sub', command('ECHO', 'then me')),
]);
kase('resp3-hello-while-subscribed', (key) => [
  hello3('sub'),
  ask('sub', command('SUBSCRIBE', key('ch'))),
  hello3('sub'),
  fanout('pub', command('PUBLISH', key('ch'), 'm'), { pub: 1, sub: 1 }),
]);

// ---------------------------------------------------------------------------
// ECHO, SELECT, TIME

kase('echo', () => [ask('a', command('ECHO', 'hello world')), ask('a', command('echo', ''))]);
kase('echo-binary', () => [ask('a', command('ECHO', ALL_BYTES))]);
kase('echo-arity', () => [ask('a', command('ECHO')), ask('a', command('ECHO', 'a', 'b'))]);
kase('select-0', () => [ask('a', command('SELECT', '0')), ask('a', command('select', '0'))]);
kase('select-out-of-range', () => [ask('a', command('SELECT', '16')), ask('a', command('SELECT', '-1')), ask('a', command('SELECT', '2147483647'))]);
kase('select-not-an-integer', () => [
  ask('a', command('SELECT', 'x')),
  ask('a', command('SELECT', '')),
  ask('a', command('SELECT', '00')),
  ask('a', command('SELECT', '0.0')),
  ask('a', command('SELECT', '99999999999999999999')),
]);
kase('select-beyond-int', () => [ask('a', command('SELECT', '2147483648')), ask('a', command('SELECT', '-2147483649'))]);
kase('select-arity', () => [ask('a', command('SELECT')), ask('a', command('SELECT', '0', '1'))]);
kase('time-arity', () => [ask('a', command('TIME', 'x'))]);

// ---------------------------------------------------------------------------
// RESET

kase('reset', () => [ask('a', command('RESET')), ask('a', command('reset'))]);
kase('reset-arity', () => [ask('a', command('RESET', 'x'))]);
kase('reset-back-to-resp2', (key) => [hello3(), ask('a', command('RESET')), ask('a', command('GET', key()))]);
kase('reset-clears-name', () => [
  ask('a', command('CLIENT', 'SETNAME', 'named')),
  ask('a', command('RESET')),
  ask('a', command('CLIENT', 'GETNAME')),
]);
kase('reset-leaves-subscriptions', (key) => [
  ask('sub', command('SUBSCRIBE', key('a'), key('b')), 2),
  ask('sub', command('PSUBSCRIBE', key('*'))),
  ask('sub', command('RESET')),
  ask('pub', command('PUBLISH', key('a'), 'nobody')),
  ask('sub', command('GET', key())),
]);
kase('reset-leaves-subscriptions-resp3', (key) => [
  hello3('sub'),
  ask('sub', command('SUBSCRIBE', key('a'))),
  ask('sub', command('RESET')),
  ask('pub', command('PUBLISH', key('a'), 'nobody')),
  ask('sub', command('GET', key())),
]);

// ---------------------------------------------------------------------------
// CLIENT

kase('client-setname-getname', () => [
  ask('a', command('CLIENT', 'GETNAME')),
  ask('a', command('CLIENT', 'SETNAME', 'my-connection_1')),
  ask('a', command('CLIENT', 'GETNAME')),
  ask('a', command('client', 'getname')),
]);
kase('client-setname-every-printable', () => {
  const printable = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
  return [ask('a', command('CLIENT', 'SETNAME', printable)), ask('a', command('CLIENT', 'GETNAME'))];
});
kase('client-setname-empty-clears', () => [
  ask('a', command('CLIENT', 'SETNAME', 'x')),
  ask('a', command('CLIENT', 'SETNAME', '')),
  ask('a', command('CLIENT', 'GETNAME')),
]);
kase('client-setname-invalid', () => [
  ask('a', command('CLIENT', 'SETNAME', 'a b')),
  ask('a', command('CLIENT', 'SETNAME', 'a\nb')),
  ask('a', command('CLIENT', 'SETNAME', 'a\rb')),
  ask('a', command('CLIENT', 'SETNAME', '\x00')),
  ask('a', command('CLIENT', 'SETNAME', '\x7f')),
  ask('a', command('CLIENT', 'SETNAME', 'caf\xe9')),
  ask('a', command('CLIENT', 'GETNAME')),
]);
kase('client-name-per-connection', () => [ask('a', command('CLIENT', 'SETNAME', 'only-a')), ask('b', command('CLIENT', 'GETNAME'))]);
kase('client-arity', () => [
  ask('a', command('CLIENT')),
  ask('a', command('CLIENT', 'SETNAME')),
  ask('a', command('CLIENT', 'SETNAME', 'a', 'b')),
  ask('a', command('CLIENT', 'GETNAME', 'x')),
  ask('a', command('CLIENT', 'ID', 'x')),
  ask('a', command('CLIENT', 'INFO', 'x')),
  ask('a', command('CLIENT', 'KILL')),
  ask('a', command('CLIENT', 'HELP', 'x')),
]);
kase('client-unknown-subcommand', () => [
  ask('a', command('CLIENT', 'FOO')),
  ask('a', command('client', 'foo', 'bar')),
  ask('a', command('CLIENT', 'MAINT_NOTIFICATIONS', 'ON', 'moving-endpoint-type', 'internal-ip')),
  ask('a', command('CLIENT', 'a\r\nb\x00c')),
]);
kase('client-list-errors', () => [
  ask('a', command('CLIENT', 'LIST', 'TYPE', 'foo')),
  ask('a', command('CLIENT', 'LIST', 'TYPE')),
  ask('a', command('CLIENT', 'LIST', 'ID')),
  ask('a', command('CLIENT', 'LIST', 'ID', 'abc')),
  ask('a', command('CLIENT', 'LIST', 'ID', '1', 'x')),
  ask('a', command('CLIENT', 'LIST', 'foo')),
  ask('a', command('CLIENT', 'LIST', 'TYPE', 'normal', 'ID', '1')),
]);
kase('client-list-nothing-selected', () => [
  ask('a', command('CLIENT', 'LIST', 'ID', '0')),
  ask('a', command('CLIENT', 'LIST', 'ID', '-1', '99999999')),
  ask('a', command('CLIENT', 'LIST', 'TYPE', 'master')),
  ask('a', command('CLIENT', 'LIST', 'TYPE', 'replica')),
  ask('a', command('CLIENT', 'LIST', 'TYPE', 'SLAVE')),
]);
kase('client-kill-errors', () => [
  ask('a', command('CLIENT', 'KILL', '203.0.113.1:9')),
  ask('a', command('CLIENT', 'KILL', 'ID')),
  ask('a', command('CLIENT', 'KILL', 'ID', 'abc')),
  ask('a', command('CLIENT', 'KILL', 'ID', '0')),
  ask('a', command('CLIENT', 'KILL', 'ID', '-5')),
  ask('a', command('CLIENT', 'KILL', 'ID', '99999999999999999999')),
  ask('a', command('CLIENT', 'KILL', 'TYPE', 'foo')),
  ask('a', command('CLIENT', 'KILL', 'USER', 'nobody')),
  ask('a', command('CLIENT', 'KILL', 'ID', '99999999', 'SKIPME', 'maybe')),
  ask('a', command('CLIENT', 'KILL', 'ID', '99999999', 'SKIPME')),
  ask('a', command('CLIENT', 'KILL', 'FOO', 'bar')),
  ask('a', command('CLIENT', 'KILL', 'MAXAGE', '1')),
]);
kase('client-kill-no-match', () => [
  ask('a', command('CLIENT', 'KILL', 'ID', '99999999')),
  ask('a', command('CLIENT', 'KILL', 'ADDR', '203.0.113.1:9')),
  ask('a', command('CLIENT', 'KILL', 'LADDR', '203.0.113.1:9')),
  ask('a', command('CLIENT', 'KILL', 'TYPE', 'master')),
  ask('a', command('CLIENT', 'KILL', 'type', 'replica', 'skipme', 'no')),
  ask('a', command('CLIENT', 'KILL', 'ID', '99999999', 'ID', '99999998', 'SKIPME', 'yes')),
]);

// ---------------------------------------------------------------------------
// CONFIG

kase('config-get', () => [
  ask('a', command('CONFIG', 'GET', 'save')),
  ask('a', command('CONFIG', 'GET', 'appendonly')),
  ask('a', command('CONFIG', 'GET', 'timeout')),
  ask('a', command('CONFIG', 'GET', 'maxmemory')),
  ask('a', command('CONFIG', 'GET', 'maxmemory-policy')),
  ask('a', command('CONFIG', 'GET', 'notify-keyspace-events')),
  ask('a', command('CONFIG', 'GET', 'requirepass')),
  ask('a', command('CONFIG', 'GET', 'proto-max-bulk-len')),
]);
kase('config-get-names', () => [
  ask('a', command('CONFIG', 'GET', 'SAVE')),
  ask('a', command('config', 'get', 'AppendOnly')),
  ask('a', command('CONFIG', 'GET', 'save', 'SAVE')),
  ask('a', command('CONFIG', 'GET', 'nosuch')),
  ask('a', command('CONFIG', 'GET', '')),
]);
kase('config-get-globs', () => [
  ask('a', command('CONFIG', 'GET', 'sav?')),
  ask('a', command('CONFIG', 'GET', 'APPENDON*')),
  ask('a', command('CONFIG', 'GET', 'maxmemory-pol[i]cy')),
  ask('a', command('CONFIG', 'GET', 'SAVE', 'sav*')),
  ask('a', command('CONFIG', 'GET', 'timeout[')),
  ask('a', command('CONFIG', 'GET', 'no-such-*')),
]);
kase('config-get-arity', () => [ask('a', command('CONFIG', 'GET'))]);
kase('config-set-same-values', () => [
  ask('a', command('CONFIG', 'SET', 'save', '')),
  ask('a', command('CONFIG', 'SET', 'appendonly', 'no')),
  ask('a', command('CONFIG', 'SET', 'APPENDONLY', 'NO')),
  ask('a', command('CONFIG', 'SET', 'timeout', '0')),
  ask('a', command('CONFIG', 'SET', 'maxmemory', '0')),
  ask('a', command('CONFIG', 'SET', 'maxmemory', '0gb')),
  ask('a', command('CONFIG', 'SET', 'maxmemory', '0B')),
  ask('a', command('CONFIG', 'SET', 'maxmemory', '')),
  ask('a', command('CONFIG', 'SET', 'maxmemory', 'gb')),
  ask('a', command('CONFIG', 'SET', 'notify-keyspace-events', '')),
  ask('a', command('CONFIG', 'SET', 'requirepass', '')),
  ask('a', command('CONFIG', 'SET', 'save', '', 'appendonly', 'no')),
  ask('a', command('CONFIG', 'GET', 'appendonly')),
]);
kase('config-set-maxmemory-policy', () => [
  ask('a', command('CONFIG', 'SET', 'maxmemory-policy', 'ALLKEYS-LRU')),
  ask('a', command('CONFIG', 'GET', 'maxmemory-policy')),
  ask('a', command('CONFIG', 'SET', 'maxmemory-policy', 'noeviction')),
  ask('a', command('CONFIG', 'GET', 'maxmemory-policy')),
]);
kase('config-set-unknown', () => [
  ask('a', command('CONFIG', 'SET', 'nosuch', '1')),
  ask('a', command('CONFIG', 'SET', 'NoSuch', '1')),
  ask('a', command('CONFIG', 'SET', 'timeout', '0', 'nosuch', '1')),
  ask('a', command('CONFIG', 'SET', 'a\r\nb', '1')),
]);
kase('config-set-immutable-and-duplicate', () => [
  ask('a', command('CONFIG', 'SET', 'databases', '1')),
  ask('a', command('CONFIG', 'SET', 'DATABASES', '1')),
  ask('a', command('CONFIG', 'SET', 'proto-max-bulk-len', '1')),
  ask('a', command('CONFIG', 'SET', 'proto-max-bulk-len', 'x')),
  ask('a', command('CONFIG', 'SET', 'proto-max-bulk-len', '512mb')),
  ask('a', command('CONFIG', 'SET', 'timeout', '0', 'TIMEOUT', '0')),
  ask('a', command('CONFIG', 'SET', 'timeout', 'abc', 'databases', '1')),
]);
kase('config-set-invalid-values', () => [
  ask('a', command('CONFIG', 'SET', 'timeout', 'abc')),
  ask('a', command('CONFIG', 'SET', 'TIMEOUT', 'abc')),
  ask('a', command('CONFIG', 'SET', 'timeout', '-1')),
  ask('a', command('CONFIG', 'SET', 'timeout', '007')),
  ask('a', command('CONFIG', 'SET', 'timeout', '+5')),
  ask('a', command('CONFIG', 'SET', 'timeout', '99999999999')),
  ask('a', command('CONFIG', 'SET', 'appendonly', 'maybe')),
  ask('a', command('CONFIG', 'SET', 'save', '1 x')),
  ask('a', command('CONFIG', 'SET', 'save', '0 1')),
  ask('a', command('CONFIG', 'SET', 'save', '1')),
  ask('a', command('CONFIG', 'SET', 'save', ' ')),
  ask('a', command('CONFIG', 'SET', 'save', '1  1')),
  ask('a', command('CONFIG', 'SET', 'save', '+ 1')),
  ask('a', command('CONFIG', 'SET', 'maxmemory', 'abc')),
  ask('a', command('CONFIG', 'SET', 'maxmemory', '-1')),
  ask('a', command('CONFIG', 'SET', 'maxmemory', '1.5')),
  ask('a', command('CONFIG', 'SET', 'maxmemory-policy', 'foo')),
  ask('a', command('CONFIG', 'SET', 'notify-keyspace-events', 'Q')),
  // The first bad value wins, and nothing is changed.
  ask('a', command('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru', 'timeout', 'abc')),
  ask('a', command('CONFIG', 'GET', 'maxmemory-policy')),
]);
kase('config-set-arity-and-syntax', () => [
  ask('a', command('CONFIG', 'SET')),
  ask('a', command('CONFIG', 'SET', 'timeout')),
  ask('a', command('CONFIG', 'SET', 'timeout', '0', 'save')),
]);
kase('config-other-subcommands', () => [
  ask('a', command('CONFIG')),
  ask('a', command('CONFIG', 'FOO')),
  ask('a', command('CONFIG', 'HELP')),
  ask('a', command('CONFIG', 'HELP', 'x')),
  ask('a', command('CONFIG', 'REWRITE')),
  ask('a', command('CONFIG', 'RESETSTAT')),
  ask('a', command('CONFIG', 'RESETSTAT', 'x')),
]);

// ---------------------------------------------------------------------------
// INFO (only the deterministic sections), COMMAND (only what does not depend on the
// size of the command table)

kase('info-fixed-sections', () => [
  ask('a', command('INFO', 'cluster')),
  ask('a', command('INFO', 'CLUSTER')),
  ask('a', command('INFO', 'modules')),
  ask('a', command('INFO', 'cluster', 'modules')),
  ask('a', command('INFO', 'cluster', 'cluster')),
  ask('a', command('INFO', 'nosuch')),
  ask('a', command('INFO', '')),
]);
kase('command-info-of-these-commands', () => [
  ask('a', command('COMMAND', 'INFO', 'echo', 'select', 'hello', 'reset')),
  ask('a', command('COMMAND', 'INFO', 'ECHO')),
  ask('a', command('COMMAND', 'INFO', 'config|get', 'client|setname', 'client|getname', 'client|id', 'client|kill')),
  ask('a', command('COMMAND', 'INFO', 'nosuch', 'get|x', 'config|nosuch', 'config|get|x')),
]);
kase('command-list-filters', () => [
  ask('a', command('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'echo')),
  ask('a', command('COMMAND', 'LIST', 'FILTERBY', 'pattern', 'ECH?')),
  ask('a', command('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'client|setnam?')),
  ask('a', command('COMMAND', 'LIST', 'FILTERBY', 'MODULE', 'x')),
  ask('a', command('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'nosuch')),
  ask('a', command('COMMAND', 'LIST', 'FILTERBY', 'PATTERN')),
  ask('a', command('COMMAND', 'LIST', 'FILTERBY', 'foo', 'x')),
  ask('a', command('COMMAND', 'LIST', 'foo')),
]);
kase('command-getkeys', () => [
  ask('a', command('COMMAND', 'GETKEYS', 'get', 'some-key')),
  ask('a', command('COMMAND', 'GETKEYS', 'GET', 'a', 'b')),
  ask('a', command('COMMAND', 'GETKEYS', 'nosuch', 'a')),
  ask('a', command('COMMAND', 'GETKEYS', 'ping', 'x')),
  ask('a', command('COMMAND', 'GETKEYS', 'config', 'get', 'x')),
  ask('a', command('COMMAND', 'GETKEYS', 'CONFIG', 'foo')),
  ask('a', command('COMMAND', 'GETKEYS', 'get')),
]);
kase('command-docs-unknown', () => [ask('a', command('COMMAND', 'DOCS', 'nosuch'))]);
kase('command-other-subcommands', () => [
  ask('a', command('COMMAND', 'HELP')),
  ask('a', command('COMMAND', 'FOO')),
  ask('a', command('COMMAND', 'COUNT', 'x')),
  ask('a', command('COMMAND', 'HELP', 'x')),
  ask('a', command('COMMAND', 'INFO', 'nosuch')),
]);

export const serverCorpus: readonly Case[] = cases;
